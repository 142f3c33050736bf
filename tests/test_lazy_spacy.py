"""spaCy costs about a second to import: commands that need no NLP must not import it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

PROBE = """
import sys
from cxlint.cli import cli
try:
    cli.main(args=sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print("SPACY_LOADED" if "spacy" in sys.modules else "SPACY_NOT_LOADED", file=sys.stderr)
"""


def spacy_loaded(*args: str) -> bool:
    result = subprocess.run([sys.executable, "-c", PROBE, *args], capture_output=True, text=True)
    assert "SPACY_" in result.stderr, result.stderr
    return "SPACY_LOADED" in result.stderr


@pytest.mark.parametrize("args", [("--version",), ("--help",), ("rules",), ("rule", "CX101"), ("serve", "--help"), ("lsp", "--help")], ids=" ".join)
def test_command_does_not_import_spacy(args: tuple[str, ...]) -> None:
    assert not spacy_loaded(*args)


def test_clean_file_is_linted_without_spacy(tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Thanks for signing up. Your account is ready.\n", encoding="utf-8")
    assert not spacy_loaded("check", str(clean))


def test_findings_and_context_need_no_spacy(tmp_path: Path) -> None:
    """Frames and ConText modifiers run on cxlint's own tokens: a file with findings stays light."""
    creepy = tmp_path / "creepy.txt"
    creepy.write_text("We noticed you browsed socks at 3:17 AM. We can't guarantee a reply.\n", encoding="utf-8")
    assert not spacy_loaded("check", str(creepy))


def test_a_user_token_pattern_brings_in_spacy(tmp_path: Path) -> None:
    pack = tmp_path / "pack.yaml"
    pack.write_text(
        "pack: house\ncategory: promise\nrules:\n  - id: HR001\n    name: title-case-claim\n"
        "    message: m\n    rationale: r\n    suggestion: s\n    anchors: [wow]\n"
        "    patterns:\n      - tokens: [{LOWER: wow}, {IS_TITLE: true}]\n",
        encoding="utf-8",
    )
    copy = tmp_path / "copy.txt"
    copy.write_text("Wow Deals are here.\n", encoding="utf-8")
    assert spacy_loaded("check", "--rules", str(pack), str(copy))
