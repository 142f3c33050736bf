"""Standard input in the report: shown as ``-``, or under ``--stdin-filename`` in every format."""

from __future__ import annotations

import io
import json
import sys

import pytest

from cxlint.formatters import FORMATTERS

NAME = "emails/spring-promo.html"
CREEPY_HTML = b"<p>Hi Sam, we noticed you clicked on socks at 3:17 AM last Tuesday.</p>\n"


@pytest.fixture
def stdin(monkeypatch):
    def feed(data: bytes) -> None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))

    return feed


@pytest.mark.parametrize("output_format", sorted(FORMATTERS))
def test_findings_on_stdin_carry_the_given_name_in_every_format(cxlint, stdin, output_format: str) -> None:
    stdin(CREEPY_HTML)
    run = cxlint("check", "--isolated", "--format", output_format, "--stdin-filename", NAME, "-")
    assert run.code == 1, run.err
    assert NAME in run.out
    for line in run.out.splitlines():
        assert not line.startswith("-:"), line


def test_json_paths_are_the_given_name(cxlint, stdin) -> None:
    stdin(CREEPY_HTML)
    run = cxlint("check", "--isolated", "--format", "json", "--stdin-filename", NAME, "-")
    payload = json.loads(run.out)
    assert {f["path"] for f in payload["findings"]} == {NAME}
    assert {f["rule"] for f in payload["findings"]} >= {"CX101"}  # read as HTML: the tags are not copy


def test_full_format_shows_the_source_line_under_the_given_name(cxlint, stdin) -> None:
    stdin(CREEPY_HTML)
    run = cxlint("check", "--isolated", "--format", "full", "--stdin-filename", NAME, "-")
    assert f"{NAME}:1:12: CX101" in run.out
    assert "we noticed you clicked" in run.out and "^" in run.out  # the excerpt was found under the new name


@pytest.mark.parametrize("output_format", ["text", "json", "sarif", "junit"])
def test_an_unreadable_stdin_is_reported_under_the_given_name(cxlint, stdin, output_format: str) -> None:
    stdin(b"\xff\xfe\x00\x00garbage\x00\x01")
    run = cxlint("check", "--isolated", "--format", output_format, "--stdin-filename", NAME, "-")
    assert run.code == 2
    assert NAME in run.out
    if output_format != "text":
        assert f"cxlint: error: {NAME}:1: CX000" in run.err


def test_an_unsupported_stdin_name_is_named_in_the_error(cxlint, stdin) -> None:
    stdin(b"hello\n")
    run = cxlint("check", "--isolated", "--format", "json", "--stdin-filename", "notes/draft.xyz", "-")
    assert run.code == 2
    [error] = json.loads(run.out)["errors"]
    assert error["path"] == "notes/draft.xyz" and "unsupported file type" in error["message"]


def test_without_a_name_stdin_is_read_as_markdown_and_shown_as_a_dash(cxlint, stdin) -> None:
    stdin(b"Hi Sam,\n\nWe noticed you were browsing socks at 2:14am last night.\n")
    run = cxlint("check", "--isolated", "--format", "json", "-")
    assert run.code == 1
    assert {f["path"] for f in json.loads(run.out)["findings"]} == {"-"}


def test_a_named_stdin_keeps_its_inline_suppressions(cxlint, stdin) -> None:
    stdin(b"<!-- cxlint-disable-next-line CX101 -- reviewed -->\n<p>We noticed you were browsing socks.</p>\n")
    run = cxlint("check", "--isolated", "--format", "json", "--stdin-filename", NAME, "-")
    payload = json.loads(run.out)
    assert [f["rule"] for f in payload["findings"]] == [] and payload["summary"]["suppressed"] == 1
