"""JUnit XML, for CI systems that show test reports: one suite per file, one failing case per finding.

XML 1.0 cannot hold most control characters (not even as ``&#1;``), so every attribute and text
node is shown through the escaping helpers: the report always parses.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from cxlint.formatters.common import TOOL_NAME
from cxlint.formatters.escaping import shown_location, shown_path, shown_text
from cxlint.report import RunResult


def render(result: RunResult, stream: TextIO) -> None:
    by_path: dict[str, list] = {path: [] for path in result.linted}
    for finding in result.findings:
        by_path.setdefault(finding.path, []).append(finding)
    root = ET.Element("testsuites", name=TOOL_NAME, tests="0", failures=str(len(result.findings)), errors=str(len(result.problems)))
    total = 0
    for path, findings in by_path.items():
        shown = shown_path(path)
        suite = ET.SubElement(root, "testsuite", name=shown, tests=str(max(1, len(findings))), failures=str(len(findings)), errors="0")
        if not findings:
            ET.SubElement(suite, "testcase", name=f"{TOOL_NAME}: {shown}", classname=shown)
        for f in findings:
            message = shown_text(f.message)
            case = ET.SubElement(suite, "testcase", name=shown_text(f"{f.rule} {f.name} at {f.line}:{f.column}"), classname=shown)
            failure = ET.SubElement(case, "failure", message=message, type=f.severity)
            where = shown_location(f.path, f.line, f.column)
            failure.text = f"{where}: {f.rule} [{f.severity}] {message}\n{f.text!r}\nSuggestion: {shown_text(f.suggestion)}"
        total += max(1, len(findings))
    if result.problems:
        suite = ET.SubElement(root, "testsuite", name="unreadable files", tests=str(len(result.problems)), failures="0", errors=str(len(result.problems)))
        for problem in result.problems:
            shown, message = shown_path(problem.path), shown_text(problem.message)
            case = ET.SubElement(suite, "testcase", name=shown, classname=shown)
            ET.SubElement(case, "error", message=message, type=problem.code).text = f"{problem.code} {message}"
        total += len(result.problems)
    root.set("tests", str(total))
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
