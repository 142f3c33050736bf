from __future__ import annotations

import base64
from pathlib import Path

from tests.test_readers_support import assert_exact, lint_file

PLAIN = """From: Shop <shop@example.com>
To: you@example.com
Subject: We spotted you browsing winter coats again.
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b1"

--b1
Content-Type: text/plain; charset=utf-8
Content-Transfer-Encoding: 7bit

Hi {{ first_name }}, you paused episode 4 at 1:52 AM.

--b1
Content-Type: text/html; charset=utf-8
Content-Transfer-Encoding: quoted-printable

<p>Guaranteed results or your money back=21 Caf=C3=A9 fans: we spotted you br=
owsing winter coats again.</p>

--b1--
"""


def test_subject_and_plain_parts_point_into_the_file(tmp_path: Path) -> None:
    findings, problems, source = lint_file(tmp_path, "nudge.eml", PLAIN)
    assert not problems
    in_file = [f for f in findings if not dict(f.extra).get("part")]
    assert_exact(in_file, source)
    assert {(f.line, f.text) for f in in_file} >= {(3, "We spotted you"), (11, "at 1:52 AM")}
    assert all(f.channel == "email" for f in findings)


def test_encoded_part_names_the_part_and_gives_decoded_lines(tmp_path: Path) -> None:
    findings, _, _ = lint_file(tmp_path, "nudge.eml", PLAIN)
    decoded = [f for f in findings if dict(f.extra).get("part")]
    assert decoded, findings
    part = dict(decoded[0].extra)["part"]
    assert part.startswith("part 3 (text/html, quoted-printable, utf-8")
    assert any(f.text == "we spotted you" and f.line == 1 for f in decoded)


def test_base64_and_latin1_parts_and_encoded_subject(tmp_path: Path) -> None:
    body = base64.b64encode("Caf\u00e9: we spotted you browsing winter coats again.".encode("latin-1")).decode()
    content = (
        "Subject: =?utf-8?q?We_spotted_you_browsing_winter_coats_again=2E?=\n"
        "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: base64\n\n" + body + "\n"
    )
    findings, problems, _ = lint_file(tmp_path, "b64.eml", content)
    assert not problems
    parts = {dict(f.extra)["part"].split(" (")[0] for f in findings}
    assert parts == {"Subject", "part 1"}


def test_eight_bit_latin1_file_is_read(tmp_path: Path) -> None:
    content = b"Subject: Hello\nContent-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: 8bit\n\nCaf\xe9: we spotted you browsing winter coats again.\n"
    findings, problems, _ = lint_file(tmp_path, "latin.eml", content)
    assert not problems
    assert [f.text for f in findings] == ["we spotted you"]
    assert dict(findings[0].extra)["part"].startswith("part 1 (text/plain, 8bit, iso-8859-1")
