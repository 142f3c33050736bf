"""``--write-baseline``: entries gathered file by file as the run goes, written sorted and atomically at its end.

A baseline is sorted by path, rule and fingerprint, and a key's count may gather findings from
the whole run; holding every finding until the end would make memory grow with them. So each
file's entries (already counted and fingerprinted) wait in a :class:`~cxlint.spill.Spill`, with
only their place on disk kept per path, and the file is written path by path from there.
"""

from __future__ import annotations

import os
from collections import Counter

from cxlint.atomic import atomic_text
from cxlint.decision.baseline import BASELINE_VERSION, Fingerprints, key_path, refuse_non_baseline
from cxlint.errors import FatalError
from cxlint.findings import Finding
from cxlint.json_stream import JsonWriter
from cxlint.spill import Spill

Entry = tuple[str, str, int, str]
"""rule, fingerprint, count, text (the text of the first finding the entry counts)."""


class BaselineWriter:
    """Collects the entries of a new baseline at ``path``; ``write`` puts them there."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.base = os.path.dirname(os.path.abspath(path))
        self.spill = Spill()
        self.places: dict[str, list[int]] = {}
        """Where each path's entries were spilled (a path twice when run-wide findings land in it)."""

    def add(self, findings: list[Finding], prints: Fingerprints) -> None:
        """Count one file's findings (in source order) into entries."""
        counts: Counter[tuple[str, str, str]] = Counter()
        texts: dict[tuple[str, str, str], str] = {}
        for finding in findings:
            key = (key_path(finding.path, self.base), finding.rule, prints.of(finding))
            counts[key] += 1
            texts.setdefault(key, finding.text)
        by_path: dict[str, list[Entry]] = {}
        for key, count in counts.items():
            by_path.setdefault(key[0], []).append((key[1], key[2], count, texts[key]))
        for path, entries in by_path.items():
            self.places.setdefault(path, []).append(self.spill.add(entries))

    def write(self) -> int:
        """Write the baseline atomically (a temporary file beside it, then a rename); its entry count.

        Only a new file or an existing cxlint baseline is replaced: see ``refuse_non_baseline``.
        """
        refuse_non_baseline(self.path)
        written = 0
        try:
            with self.spill, atomic_text(self.path) as handle:
                out = JsonWriter(handle)
                out.begin_object()
                out.value(BASELINE_VERSION, "version")
                out.value("cxlint", "tool")
                out.begin_array("entries")
                for path in sorted(self.places):
                    for rule, fingerprint, count, text in self._entries(path):
                        out.value({"path": path, "rule": rule, "fingerprint": fingerprint, "count": count, "text": text})
                        written += 1
                out.end()
                out.end()
                handle.write("\n")
        except OSError as exc:
            raise FatalError(f"{self.path}: cannot write baseline: {exc.strerror or exc}") from exc
        return written

    def _entries(self, path: str) -> list[Entry]:
        """One path's entries, sorted by rule and fingerprint, counts of the same key added up."""
        counts: Counter[tuple[str, str]] = Counter()
        texts: dict[tuple[str, str], str] = {}
        for place in self.places[path]:
            for rule, fingerprint, count, text in self.spill.at(place):
                counts[rule, fingerprint] += count
                texts.setdefault((rule, fingerprint), text)
        return [(rule, fingerprint, counts[rule, fingerprint], texts[rule, fingerprint]) for rule, fingerprint in sorted(counts)]
