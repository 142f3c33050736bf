"""JUnit XML, for CI systems that show test reports: one suite per file, one failing case per finding.

The root states the counts of the whole run before the first suite, so each file's cases wait
in a :class:`~cxlint.spill.Spill` and the document is written at the end, one suite at a time.

XML 1.0 cannot hold most control characters (not even as ``&#1;``), so every attribute and text
node is shown through the escaping helpers: the report always parses.
"""

from __future__ import annotations

from typing import TextIO
from xml.etree import ElementTree as ET

from cxlint.findings import Finding
from cxlint.formatters.base import Formatter
from cxlint.formatters.common import TOOL_NAME
from cxlint.formatters.escaping import shown_location, shown_path, shown_text
from cxlint.report import FileReport, RunSummary
from cxlint.spill import Spill

Case = list[str]
"""A failing case as spilled: name, classname, failure message, failure type, failure text."""


class JunitFormatter(Formatter):
    def __init__(self, stream: TextIO) -> None:
        super().__init__(stream)
        self.cases = Spill()
        self.suites: dict[str, list[int]] = {}
        """Per file, in the order files were reported: its failing cases, then where each batch of them was spilled."""

    def file(self, report: FileReport) -> None:
        suite = self.suites.setdefault(report.path, [0])
        if report.findings:
            shown = shown_path(report.path)
            suite[0] += len(report.findings)
            suite.append(self.cases.add([_case(f, shown) for f in report.findings]))

    def finish(self, summary: RunSummary) -> None:
        tests = sum(max(1, suite[0]) for suite in self.suites.values()) + len(summary.problems)
        root = ET.Element("testsuites", name=TOOL_NAME, tests=str(tests), failures=str(summary.findings), errors=str(len(summary.problems)))
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        if not self.suites and not summary.problems:
            self.stream.write(ET.tostring(root, encoding="unicode") + "\n")
            return
        opening = ET.tostring(root, encoding="unicode").removesuffix(" />")
        self.stream.write(opening + ">")
        with self.cases:
            for path, (failures, *batches) in self.suites.items():
                self._write(self._suite(path, failures, batches))
        if summary.problems:
            suite = ET.Element("testsuite", name="unreadable files", tests=str(len(summary.problems)), failures="0", errors=str(len(summary.problems)))
            for problem in summary.problems:
                shown, message = shown_path(problem.path), shown_text(problem.message)
                case = ET.SubElement(suite, "testcase", name=shown, classname=shown)
                ET.SubElement(case, "error", message=message, type=problem.code).text = f"{problem.code} {message}"
            self._write(suite)
        self.stream.write("\n</testsuites>\n")

    def _suite(self, path: str, failures: int, batches: list[int]) -> ET.Element:
        shown = shown_path(path)
        suite = ET.Element("testsuite", name=shown, tests=str(max(1, failures)), failures=str(failures), errors="0")
        if not failures:
            ET.SubElement(suite, "testcase", name=f"{TOOL_NAME}: {shown}", classname=shown)
        for offset in batches:
            for name, classname, message, kind, text in self.cases.at(offset):
                case = ET.SubElement(suite, "testcase", name=name, classname=classname)
                ET.SubElement(case, "failure", message=message, type=kind).text = text
        return suite

    def _write(self, suite: ET.Element) -> None:
        """One suite, indented as it stands in the whole document."""
        ET.indent(suite, level=1)
        self.stream.write("\n  " + ET.tostring(suite, encoding="unicode"))


def _case(f: Finding, shown: str) -> Case:
    message = shown_text(f.message)
    where = shown_location(f.path, f.line, f.column)
    return [
        shown_text(f"{f.rule} {f.name} at {f.line}:{f.column}"),
        shown,
        message,
        f.severity,
        f"{where}: {f.rule} [{f.severity}] {message}\n{f.text!r}\nSuggestion: {shown_text(f.suggestion)}",
    ]
