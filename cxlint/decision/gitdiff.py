"""``--diff REF``: the lines changed since a git ref, so a pull request is judged on the copy it touches.

The diff is taken from the merge base of REF and HEAD to the working tree (as diff-cover and
reviewdog do), so commits that landed on the base branch meanwhile do not count as changes;
untracked files count as changed throughout.
"""

from __future__ import annotations

import os
import re

from cxlint.errors import FatalError

_HUNK = re.compile(rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.M)
_FILE_HEADER = re.compile(rb"^diff --git ", re.M)
_NEW_NAME = re.compile(rb"^\+\+\+ (.*)$", re.M)
_QUOTED = re.compile(rb'"((?:[^"\\]|\\.)*)"', re.S)
_C_ESCAPE = re.compile(rb"\\([0-3][0-7]{2}|.)", re.S)
_C_ESCAPES = {b"a": b"\a", b"b": b"\b", b"t": b"\t", b"n": b"\n", b"v": b"\v", b"f": b"\f", b"r": b"\r"}
_DIFF = [
    "diff", "--unified=0", "-M", "--text", "--no-color", "--no-ext-diff", "--no-textconv",
    "--src-prefix=a/", "--dst-prefix=b/",
]
"""Renames followed (an unchanged moved file has no changed lines); every file as text, so a
UTF-16 file is not a "binary" file without line numbers; the user's diff settings (external
tools, textconv filters, prefixes) cannot change what the output says."""
WHOLE_FILE = frozenset({0})
"""Marker for a file that is new to git: every line counts as changed."""


def _git(args: list[str], cwd: str) -> bytes:
    """Git's raw output: file names are bytes, as the file system has them."""
    import subprocess  # here: only a --diff run starts git, and a one-file check should not pay for the module

    try:
        done = subprocess.run(["git", *args], cwd=cwd, capture_output=True, check=False)
    except OSError as exc:
        raise FatalError(f"--diff needs git: {exc}") from exc
    if done.returncode != 0:
        reason = done.stderr.decode("utf-8", "replace").strip() or done.returncode
        raise FatalError(f"--diff: git {' '.join(args[:2])} failed: {reason}")
    return done.stdout


def changed_lines(ref: str, cwd: str = ".") -> dict[str, frozenset[int]]:
    """Absolute path -> changed line numbers (new side); ``WHOLE_FILE`` for untracked files."""
    top = os.fsdecode(_git(["rev-parse", "--show-toplevel"], cwd).rstrip(b"\n"))
    _git(["rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"], cwd)
    base = os.fsdecode(_git(["merge-base", ref, "HEAD"], cwd).strip()) or ref
    changed: dict[str, frozenset[int]] = {}
    for name, lines in parse_patch(_git([*_DIFF, base, "--"], top)):
        changed[os.path.normcase(os.path.join(top, os.fsdecode(name)))] = lines
    for name in _git(["ls-files", "-z", "--others", "--exclude-standard", "--full-name"], top).split(b"\0"):
        if name:
            changed[os.path.normcase(os.path.join(top, os.fsdecode(name)))] = WHOLE_FILE
    return changed


def parse_patch(patch: bytes) -> list[tuple[bytes, frozenset[int]]]:
    """(new name, changed lines) of each file a unified diff changes; deleted files are left out.

    A file with no ``+++`` line (a pure rename, a mode change) has no changed lines. Hunk headers
    are taken only after the ``+++`` line, where an added line cannot be mistaken for one.
    """
    files: list[tuple[bytes, frozenset[int]]] = []
    for chunk in _FILE_HEADER.split(patch)[1:]:
        target = _NEW_NAME.search(chunk)
        if target is None:
            continue
        name = patch_name(target.group(1))
        if name == b"/dev/null":
            continue
        lines: set[int] = set()
        for hunk in _HUNK.finditer(chunk, target.end()):
            start, count = int(hunk.group(1)), int(hunk.group(2) or 1)
            lines.update(range(start, start + count))
        files.append((name.removeprefix(b"b/"), frozenset(lines)))
    return files


def patch_name(field: bytes) -> bytes:
    """The file name in a ``---``/``+++`` line: C-unquoted when git quoted it, without git's trailing TAB.

    Git quotes a name holding ``"``, ``\\``, control characters or (by default) non-ASCII bytes,
    and ends a name holding a space with a TAB so that patch(1) reads it whole.
    """
    quoted = _QUOTED.match(field)
    if quoted:
        return c_unquote(quoted.group(1))
    return field.removesuffix(b"\t")


def c_unquote(body: bytes) -> bytes:
    """Undo git's C-style quoting (``quote.c``): ``\\n``-style escapes and three-digit octal bytes."""

    def one(match: re.Match[bytes]) -> bytes:
        escape = match.group(1)
        if len(escape) == 3:
            return bytes([int(escape, 8)])
        return _C_ESCAPES.get(escape, escape)

    return _C_ESCAPE.sub(one, body)


def on_changed_line(path: str, line: int, end_line: int, changed: dict[str, frozenset[int]]) -> bool:
    lines = changed.get(os.path.normcase(os.path.realpath(path)))
    if lines is None:
        return False
    return lines is WHOLE_FILE or any(n in lines for n in range(line, end_line + 1))
