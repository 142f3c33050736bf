"""``--diff REF``: the lines changed since a git ref, so a pull request is judged on the copy it touches.

The diff is taken from the merge base of REF and HEAD to the working tree (as diff-cover and
reviewdog do), so commits that landed on the base branch meanwhile do not count as changes;
untracked files count as changed throughout.
"""

from __future__ import annotations

import os
import re
import subprocess

from cxlint.errors import FatalError

_HUNK = re.compile(r"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
WHOLE_FILE = frozenset({0})
"""Marker for a file that is new to git: every line counts as changed."""


def _git(args: list[str], cwd: str) -> str:
    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    except OSError as exc:
        raise FatalError(f"--diff needs git: {exc}") from exc
    if done.returncode != 0:
        raise FatalError(f"--diff: git {' '.join(args[:2])} failed: {done.stderr.strip() or done.returncode}")
    return done.stdout


def changed_lines(ref: str, cwd: str = ".") -> dict[str, frozenset[int]]:
    """Absolute path -> changed line numbers (new side); ``WHOLE_FILE`` for untracked files."""
    top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    base = _git(["merge-base", ref, "HEAD"], cwd).strip() or ref
    diff = _git(["diff", "--unified=0", "--no-color", "--no-ext-diff", "--no-renames", base, "--"], cwd)
    changed: dict[str, frozenset[int]] = {}
    for chunk in re.split(r"^diff --git ", diff, flags=re.M)[1:]:
        target = re.search(r"^\+\+\+ (?:b/)?(.+)$", chunk, re.M)
        if not target or target.group(1) == "/dev/null":
            continue
        lines: set[int] = set()
        for hunk in _HUNK.finditer(chunk):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
        changed[os.path.normcase(os.path.join(top, target.group(1)))] = frozenset(lines)
    for name in _git(["ls-files", "--others", "--exclude-standard", "--full-name"], top).splitlines():
        changed[os.path.normcase(os.path.join(top, name))] = WHOLE_FILE
    return changed


def on_changed_line(path: str, line: int, end_line: int, changed: dict[str, frozenset[int]]) -> bool:
    lines = changed.get(os.path.normcase(os.path.realpath(path)))
    if lines is None:
        return False
    return lines is WHOLE_FILE or any(n in lines for n in range(line, end_line + 1))
