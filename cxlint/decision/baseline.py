"""A baseline accepts the findings a project already has, so only new ones fail (ESLint's suppressions file).

Entries are keyed by rule, file and a fingerprint of the matched text and its sentence, not
by line, so they survive copy moving up or down; each key keeps a count, so a second
occurrence of the same sentence in the same file is still new. Entries that match nothing
any more are stale and reported. A new baseline is written by :mod:`cxlint.decision.baseline_write`.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import stat
from collections import Counter
from dataclasses import dataclass
from typing import Any

from cxlint.errors import FatalError, InputError
from cxlint.findings import Finding
from cxlint.report import FingerprintKey
from cxlint.text.sentences import split_sentences
from cxlint.walk import open_regular

BASELINE_VERSION = 1
_MAX_BASELINE_BYTES = 256 * 1024 * 1024
"""Larger than any baseline a project writes; a larger file is not read to find out."""
Key = tuple[str, str, str]


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().casefold()


def fingerprint_key(finding: Finding) -> FingerprintKey:
    """Which finding a fingerprint taken while its file was at hand belongs to."""
    return (finding.path, finding.rule, finding.start, finding.end)


class Fingerprints:
    """Fingerprints of findings, splitting each file into sentences once.

    ``known`` holds fingerprints taken while each file's text was at hand (the run keeps no
    texts); a finding found there is not fingerprinted again.
    """

    def __init__(self, sources: dict[str, str], known: dict[FingerprintKey, str] | None = None) -> None:
        self.sources = sources
        self.known = known or {}
        self._sentences: dict[str, list[tuple[int, int]]] = {}

    def sentence(self, finding: Finding) -> str:
        source = self.sources.get(finding.path, "")
        spans = self._sentences.get(finding.path)
        if spans is None:
            spans = self._sentences[finding.path] = split_sentences(source)
        for start, end in spans:
            if start <= finding.start < end:
                return source[start:max(end, finding.end)]
        return finding.text

    def of(self, finding: Finding) -> str:
        known = self.known.get(fingerprint_key(finding))
        if known is not None:
            return known
        data = "\0".join((finding.rule, _norm(finding.text), _norm(self.sentence(finding))))
        return hashlib.sha256(data.encode("utf-8")).hexdigest()[:20]


def key_path(path: str, base: str) -> str:
    """A finding's path as a baseline keys it: relative to the baseline's folder, with forward slashes."""
    if path == "-":
        return path
    return os.path.relpath(os.path.abspath(path), base).replace(os.sep, "/")


def refuse_non_baseline(path: str) -> None:
    """A FatalError unless ``path`` is free or already holds a cxlint baseline.

    ``--write-baseline README.md`` (a slip of the tab key) must not replace the README: an
    existing file is replaced only if it is a JSON object with ``"tool": "cxlint"`` and
    ``entries``, and anything else is left byte for byte as it was.
    """
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise FatalError(f"{path}: cannot write baseline: {exc.strerror or exc}") from exc
    if not _holds_baseline(path, info):
        raise FatalError(f"{path}: exists and is not a cxlint baseline; refusing to overwrite it (choose another file name)")


def _holds_baseline(path: str, info: os.stat_result) -> bool:
    if not stat.S_ISREG(info.st_mode) or info.st_size > _MAX_BASELINE_BYTES:
        return False
    try:
        with open_regular(path) as handle:
            data = json.loads(handle.read(_MAX_BASELINE_BYTES + 1))
    except (OSError, InputError, ValueError, RecursionError):  # unreadable, a FIFO, not UTF-8, not JSON, too deep
        return False
    return isinstance(data, dict) and data.get("tool") == "cxlint" and isinstance(data.get("entries"), list)


@dataclass
class Baseline:
    """Findings accepted earlier, counted by key, so that only new ones are reported."""

    path: str
    counts: Counter[Key]
    entries: dict[Key, dict[str, Any]]


def load_baseline(path: str) -> Baseline:
    try:
        with open_regular(path) as handle:  # a FIFO named by mistake must not hang the run
            data = json.loads(handle.read())
    except InputError as exc:
        raise FatalError(f"{path}: cannot read baseline: {exc.reason}") from exc
    except OSError as exc:
        raise FatalError(f"{path}: cannot read baseline: {exc.strerror or exc}") from exc
    except json.JSONDecodeError as exc:
        raise FatalError(f"{path}:{exc.lineno}: invalid baseline JSON: {exc.msg}") from exc
    except (UnicodeDecodeError, RecursionError) as exc:
        raise FatalError(f"{path}: invalid baseline JSON: {exc}") from exc
    if not isinstance(data, dict) or data.get("version") != BASELINE_VERSION or not isinstance(data.get("entries"), list):
        raise FatalError(f"{path}: not a cxlint baseline (version {BASELINE_VERSION}); write one with --write-baseline")
    counts: Counter[Key] = Counter()
    entries: dict[Key, dict[str, Any]] = {}
    for number, entry in enumerate(data["entries"]):
        try:
            key = (str(entry["path"]), str(entry["rule"]), str(entry["fingerprint"]))
            count = int(entry.get("count", 1))
        except (KeyError, TypeError, ValueError) as exc:
            raise FatalError(f"{path}: baseline entry {number} is malformed ({exc})") from exc
        counts[key] += count
        entries[key] = entry
    return Baseline(path, counts, entries)


class BaselineMatch:
    """Findings checked against a baseline file by file, as the run goes: each key's count is used
    up by the findings that match it (in source order), and what is left at the end is stale."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.base = os.path.dirname(os.path.abspath(baseline.path))
        self.left = Counter(baseline.counts)

    def new(self, findings: list[Finding], prints: Fingerprints) -> list[Finding]:
        """The findings the baseline does not accept (past each key's count)."""
        kept: list[Finding] = []
        for finding in findings:
            key = (key_path(finding.path, self.base), finding.rule, prints.of(finding))
            if self.left[key] > 0:
                self.left[key] -= 1
            else:
                kept.append(finding)
        return kept

    def stale(self) -> list[dict[str, Any]]:
        """Entries no finding matched, with how many of their count went unmatched."""
        return [{**self.baseline.entries[key], "unmatched": self.left[key]} for key in sorted(self.left) if self.left[key] > 0]
