"""``skip-strings`` in the config: strings of structured files that the project says are not copy."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

FLOW = {
    "faq": [{"answer": "We noticed you browsed at 3:17 AM"}],
    "screens": [{"title": "Welcome!", "body": "We reply within 1 hour, guaranteed.", "debug": "free forever"}],
}


def lint(folder: Path) -> list[dict]:
    done = subprocess.run([sys.executable, "-m", "cxlint", "check", "--format", "json", "--fail-on", "never", "flow.json"],
                          cwd=folder, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)["findings"]


def test_strings_matching_skip_globs_are_not_linted(tmp_path: Path) -> None:
    (tmp_path / "flow.json").write_text(json.dumps(FLOW, indent=2), encoding="utf-8")
    before = {f["pointer"].split("/")[1] for f in lint(tmp_path)} | {f["pointer"].rsplit("/", 1)[-1] for f in lint(tmp_path)}
    assert {"faq", "body", "debug"} <= before
    (tmp_path / ".cxlint.yaml").write_text("skip-strings: [faq, 'screens/*/debug']\n", encoding="utf-8")
    after = lint(tmp_path)
    assert [f["pointer"] for f in after] and all(f["pointer"].startswith("/screens/0/body") for f in after)


def test_skip_strings_must_be_a_list_of_globs(tmp_path: Path) -> None:
    (tmp_path / "flow.json").write_text("{}", encoding="utf-8")
    (tmp_path / ".cxlint.yaml").write_text("skip-strings: 3\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "cxlint", "check", "flow.json"], cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 2 and ".cxlint.yaml:1" in done.stderr and "skip-strings" in done.stderr
