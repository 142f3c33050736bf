"""JUnit XML, for CI systems that show test reports: one suite per file, one failing case per finding."""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from cxlint.formatters.common import TOOL_NAME
from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    by_path: dict[str, list] = {path: [] for path in result.linted}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    root = ET.Element("testsuites", name=TOOL_NAME, tests="0", failures=str(len(result.findings)), errors=str(len(result.problems)))
    total = 0
    for path, findings in by_path.items():
        suite = ET.SubElement(root, "testsuite", name=path, tests=str(max(1, len(findings))), failures=str(len(findings)), errors="0")
        if not findings:
            ET.SubElement(suite, "testcase", name=f"{TOOL_NAME}: {path}", classname=path)
        for f in findings:
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} {f.name} at {f.line}:{f.column}", classname=path)
            failure = ET.SubElement(case, "failure", message=f.message, type=f.severity)
            failure.text = f"{f.path}:{f.line}:{f.column}: {f.rule} [{f.severity}] {f.message}\n{f.text!r}\nSuggestion: {f.suggestion}"
        total += max(1, len(findings))
    if result.problems:
        suite = ET.SubElement(root, "testsuite", name="unreadable files", tests=str(len(result.problems)), failures="0", errors=str(len(result.problems)))
        for problem in result.problems:
            case = ET.SubElement(suite, "testcase", name=problem.path, classname=problem.path)
            ET.SubElement(case, "error", message=problem.message, type="error").text = problem.message
        total += len(result.problems)
    root.set("tests", str(total))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
