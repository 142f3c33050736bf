#!/usr/bin/env python3
"""Every finding on the comparison, pricing and feature pages of the shared real-copy corpus, for review.

    python benchmarks/review_pages.py REALCOPY_DIR [--out findings.jsonl] [--min-severity warning]

Lints the raw page files (as `cxlint check` reads them) of openstatus-website (compare/, guides
about alternatives and comparisons, pricing) and mozilla-org-website (browsers/compare/,
features/), prints the words of copy and the findings per 10k words, and writes each finding
with its sentence for a reviewer to judge (right, debatable, false alarm). Review every one:
the false-alarm rate per 10k words is what the reviewer finds false over these words.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

from checkout import findings_run  # first: the cxlint of this checkout
from cxlint.engine.linter import lint_document
from cxlint.findings import SEVERITY_RANK
from cxlint.runner import read_document
from cxlint.text.sentences import split_sentences

PAGES = {
    "openstatus-website": re.compile(r"/(?:compare/|pricing|guides/[^/]*(?:alternative|compare|vs)[^/]*$)"),
    "mozilla-org-website": re.compile(r"/(?:browsers/compare/|features/)"),
}


def page_files(realcopy: Path) -> list[Path]:
    files = []
    for project, pattern in PAGES.items():
        for path in sorted((realcopy / project / "raw").rglob("*")):
            if path.is_file() and pattern.search(path.as_posix()) and "/blog/" not in path.as_posix():
                files.append(path)
    return files


def main(argv: list[str]) -> int:
    args, ruleset, threshold, out = findings_run(__doc__.splitlines()[0], argv)
    words = found = 0
    for path in page_files(args.realcopy):
        doc = read_document(str(path), None, "stdin.md")
        for part in doc.documents():
            words += len(part.mask.split())
            spans = split_sentences(part.mask)
            for finding in lint_document(part, ruleset):
                if SEVERITY_RANK[finding.severity] < threshold:
                    continue
                found += 1
                sentence = next((part.mask[s:e] for s, e in spans if s <= finding.start < e), "")
                if out:
                    record = {"path": str(path.relative_to(args.realcopy)), "line": finding.line, "rule": finding.rule,
                              "severity": finding.severity, "text": finding.text, "sentence": " ".join(sentence.split()),
                              "message": finding.message}
                    out.write(json.dumps(record, ensure_ascii=False) + "\n")
    print(f"{len(page_files(args.realcopy))} pages, {words:,} words of copy, {found} findings at {args.min_severity} or above "
          f"({found / max(words, 1) * 10000:.1f} per 10k words)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
