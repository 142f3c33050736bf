"""Property tests over every output format: whatever the file names, messages and copy, a report
is strict UTF-8, valid in its syntax, one line per finding where lines matter, and names each
finding's file so that the name reads back to the file's bytes.

The default profile is quick; ``CXLINT_FUZZ=long`` runs the long one (tests/conftest.py).
"""

from __future__ import annotations

import io
import json
import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote_to_bytes
from xml.etree import ElementTree as ET

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from cxlint.findings import CATEGORIES, SEVERITIES, FileProblem, Finding
from cxlint.formatters import FORMATTERS, render
from cxlint.formatters.escaping import path_bytes, shown_location, shown_path
from cxlint.formatters.github_format import LEVELS as GITHUB_LEVELS
from cxlint.report import RuleInfo, RunResult
from tests.conftest import as_excerpts

SCHEMA = json.loads((Path(__file__).parent / "data" / "sarif-2.1.0-subset.schema.json").read_text())

# File names: any bytes, with the pieces that break formats made likely.
_NAME_PIECES = st.one_of(
    st.binary(min_size=1, max_size=6),
    st.sampled_from(
        [b"\n", b"\r\n", b"\t", b"\x07", b"\x1b[2J", b"\x7f", b"\xff", b"\xc3", b"\xed\xa0\xbd", b"\xe2\x80\xa8", b"\xc2\x85", b"\xef\xbf\xbe"]
        + [b'"', b"'", b",", b":", b"::error ", b"%", b"%0A", b"\\", b"\\x07", b" ", b"<&>", b"]]>", b"#?", b"./", "été 😀".encode()]
    ),
)
PATHS = st.lists(_NAME_PIECES, min_size=1, max_size=6).map(lambda pieces: os.fsdecode(b"".join(pieces).replace(b"\0", b"")) or "-")
"""As Python hands names over: bytes that are not UTF-8 as surrogates; never NUL, which no file name holds."""

# Messages, copy and suggestions: any code point, lone surrogates included, hostile pieces likely.
_TEXT_PIECES = st.one_of(
    st.text(st.characters(exclude_categories=()), max_size=6),
    st.sampled_from(["\n", "\r", "\x00", "\x01", "\x0b", "\x1b[31m", "\x85", "\u2028", "\ud83d", "\udcff", "\ufffe", "\uffff", "]]>", "&#1;", "%0A", "::error ::x", "\\", '"']),
)
TEXTS = st.lists(_TEXT_PIECES, max_size=4).map("".join)
RULE_IDS = ("CX101", "CX003", "HR900")  # ids are validated by the pack loader (two to five capitals, digits)


@st.composite
def findings(draw: st.DrawFn, paths: list[str]) -> Finding:
    line, start = draw(st.integers(1, 4)), draw(st.integers(0, 40))
    return Finding(
        path=draw(st.sampled_from(paths)),
        start=start,
        end=start + draw(st.integers(0, 20)),
        line=line,
        column=draw(st.integers(1, 20)),
        end_line=line + draw(st.integers(0, 1)),
        end_column=draw(st.integers(1, 30)),
        rule=draw(st.sampled_from(RULE_IDS)),
        name=draw(TEXTS),
        category=draw(st.sampled_from(CATEGORIES)),
        severity=draw(st.sampled_from(SEVERITIES)),
        message=draw(TEXTS),
        text=draw(TEXTS),
        suggestion=draw(TEXTS),
        score=draw(st.floats(0, 10)),
    )


@st.composite
def runs(draw: st.DrawFn) -> RunResult:
    paths = draw(st.lists(PATHS, min_size=1, max_size=4, unique=True))
    return RunResult(
        findings=sorted(draw(st.lists(findings(paths), max_size=6)), key=lambda f: paths.index(f.path)),  # a file's findings come together, as in a run
        problems=draw(st.lists(st.builds(FileProblem, PATHS, TEXTS, st.none() | st.integers(1, 9)), max_size=3)),
        files=len(paths),
        **as_excerpts({path: draw(TEXTS.map(lambda text: f"{text}\n{text}\n")) for path in paths if draw(st.booleans())}),
        rules={"HR900": RuleInfo(id="HR900", name=draw(TEXTS), category="pressure", severity="warning", message=draw(TEXTS), rationale=draw(TEXTS), suggestion=draw(TEXTS), replacement=draw(TEXTS))},
        suppressed=draw(st.integers(0, 2)),
        baselined=draw(st.integers(0, 2)),
        stale=draw(st.lists(st.fixed_dictionaries({"path": PATHS, "rule": st.sampled_from(RULE_IDS), "text": TEXTS}), max_size=2)),
    )


# --- reading a shown path back ------------------------------------------------------------

_SHOWN_ESCAPE = re.compile(r"\\(?:x([0-9a-f]{2})|u([0-9a-f]{4})|(.))", re.S)
_SHORT = {"\\": b"\\", "n": b"\n", "r": b"\r", "t": b"\t"}


def read_shown(shown: str) -> bytes:
    """The file name's bytes from a shown path (the inverse of ``shown_path``)."""
    out, pos = bytearray(), 0
    for match in _SHOWN_ESCAPE.finditer(shown):
        out += shown[pos : match.start()].encode("utf-8")
        pos = match.end()
        if match[1]:
            out.append(int(match[1], 16))
        elif match[2]:
            out += chr(int(match[2], 16)).encode("utf-8")
        else:
            out += _SHORT[match[3]]
    return bytes(out + shown[pos:].encode("utf-8"))


@given(PATHS)
def test_a_shown_path_reads_back_to_its_bytes(path: str) -> None:
    shown = shown_path(path)
    assert not re.search("[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufffe\uffff]", shown)  # one line of valid UTF-8
    assert read_shown(shown) == path_bytes(path)


# --- per-format checks ----------------------------------------------------------------------


def strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, item in value.items():
            yield key
            yield from strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from strings(item)


def load_json(output: str) -> object:
    data = json.loads(output)
    for text in strings(data):
        text.encode("utf-8")  # no lone surrogate hides behind a \\udXXX escape
    return data


def shown_paths(result: RunResult) -> tuple[list[str], list[str]]:
    return [shown_path(f.path) for f in result.findings], [shown_path(p.path) for p in result.problems]


def check_json(result: RunResult, output: str) -> None:
    data = load_json(output)
    assert isinstance(data, dict)
    assert ([f["path"] for f in data["findings"]], [e["path"] for e in data["errors"]]) == shown_paths(result)
    assert [f["message"] for f in data["findings"]] == [_json_safe(f.message) for f in result.findings]


def check_json_lines(result: RunResult, output: str) -> None:
    assert output.endswith("\n") or not output
    records = [load_json(line) for line in output.split("\n")[:-1]]  # JSON Lines splits on \n only
    assert len(records) == len(result.findings) + len(result.problems)
    assert [r["path"] for r in records] == sum(shown_paths(result), [])  # type: ignore[index]


def check_sarif(result: RunResult, output: str) -> None:
    log = load_json(output)
    jsonschema.validate(log, SCHEMA)
    run = log["runs"][0]  # type: ignore[index]
    uris = [r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]]
    uris += [n["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for n in run["invocations"][0]["toolExecutionNotifications"]]
    paths = [f.path for f in result.findings] + [p.path for p in result.problems]
    for uri, path in zip(uris, paths, strict=True):
        assert re.fullmatch(r"(?:[A-Za-z0-9._~/-]|%[0-9A-F]{2})*", uri), uri  # a URI reference, never read as a scheme
        assert unquote_to_bytes(uri) == path_bytes(path.replace(os.sep, "/").removeprefix("./"))


def check_gitlab(result: RunResult, output: str) -> None:
    issues = load_json(output)
    assert isinstance(issues, list)
    assert [i["location"]["path"] for i in issues] == sum(shown_paths(result), [])
    fingerprints = [i["fingerprint"] for i in issues[: len(result.findings)]]
    assert len(set(fingerprints)) == len(fingerprints)


def check_rdjson(result: RunResult, output: str) -> None:
    data = load_json(output)
    assert [d["location"]["path"] for d in data["diagnostics"]] == sum(shown_paths(result), [])  # type: ignore[index]


_NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def check_junit(result: RunResult, output: str) -> None:
    assert not _NOT_XML.search(output)
    root = ET.fromstring(output.encode("utf-8"))
    failures = [case.get("classname") for case in root.iter("testcase") if case.find("failure") is not None]
    assert sorted(failures) == sorted(shown_path(f.path) for f in result.findings)  # type: ignore[type-var]
    errors = [case.get("classname") for case in root.iter("testcase") if case.find("error") is not None]
    assert errors == shown_paths(result)[1]


_GITHUB_UNESCAPE = {"%25": "%", "%0D": "\r", "%0A": "\n", "%3A": ":", "%2C": ","}


def check_github(result: RunResult, output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == len(result.findings) + len(result.problems) + 1
    for line, finding in zip(lines, result.findings):
        match = re.match(r"::(\w+) file=([^,]*),line=(\d+),", line)
        assert match, line
        assert match[1] == GITHUB_LEVELS[finding.severity] and int(match[3]) == finding.line
        assert re.sub("%25|%0D|%0A|%3A|%2C", lambda m: _GITHUB_UNESCAPE[m[0]], match[2]) == shown_path(finding.path)


def check_text(result: RunResult, output: str) -> None:
    lines = output.splitlines()
    assert len(lines) == 3 * len(result.findings) + len(result.problems) + len(result.stale) + 1
    for n, finding in enumerate(result.findings):
        assert lines[3 * n].startswith(shown_location(finding.path, finding.line, finding.column) + f": {finding.rule} [")


def check_full(result: RunResult, output: str) -> None:
    lines, at = output.splitlines(), 0
    for finding in result.findings:  # a header, the excerpt, the help line if any, a blank line
        assert lines[at].startswith(shown_location(finding.path, finding.line, finding.column) + f": {finding.rule} [")
        at += 1 + (3 if result.lines.get(finding.path, {}).get(finding.line) is not None else 1) + bool(finding.suggestion)
        assert lines[at] == ""
        at += 1
    assert len(lines) == at + len(result.problems) + len(result.stale) + 1


def _json_safe(text: str) -> str:
    return re.sub("[\ud800-\udfff]", lambda m: f"\\u{ord(m[0]):04x}" if not 0xDC80 <= ord(m[0]) < 0xDD00 else f"\\x{ord(m[0]) - 0xDC00:02x}", text)


CHECKS: dict[str, Callable[[RunResult, str], None]] = {
    "text": check_text,
    "full": check_full,
    "json": check_json,
    "json-lines": check_json_lines,
    "sarif": check_sarif,
    "github": check_github,
    "junit": check_junit,
    "gitlab": check_gitlab,
    "rdjson": check_rdjson,
}


def test_every_format_is_fuzzed() -> None:
    assert set(CHECKS) == set(FORMATTERS)


@pytest.mark.parametrize("fmt", list(FORMATTERS))
@given(result=runs())
def test_every_format_stays_valid_whatever_the_names_and_text(fmt: str, result: RunResult) -> None:
    out = io.StringIO()
    render(fmt, result, out)
    output = out.getvalue()
    output.encode("utf-8")  # strict: no surrogate, so no raw byte that is not UTF-8
    CHECKS[fmt](result, output)
