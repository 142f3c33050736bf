"""Shared set-up of the benchmark scripts: measure the cxlint of this checkout, lint with its packs.

Run as ``python benchmarks/x.py``, a script's folder comes first on ``sys.path``, so ``import
cxlint`` would find whichever cxlint is installed (an editable install of another checkout,
say) and measure the wrong rules. Importing this module first puts this checkout ahead of it.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import IO

REPO = Path(__file__).resolve().parent.parent
if (REPO / "cxlint" / "__init__.py").is_file() and sys.path[:1] != [str(REPO)]:
    sys.path.insert(0, str(REPO))

from cxlint.findings import SEVERITY_RANK  # noqa: E402
from cxlint.rulepack.loader import builtin_sources, load_ruleset  # noqa: E402
from cxlint.rulepack.model import RuleSet  # noqa: E402


def findings_run(description: str, argv: list[str]) -> tuple[argparse.Namespace, RuleSet, int, IO[str] | None]:
    """Arguments of a script that lints the real-copy corpus and lists findings: REALCOPY [--out F]
    [--min-severity S]; returns them with the built-in rule set, the severity threshold and the open output."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("realcopy", type=Path)
    parser.add_argument("--out", type=Path)
    parser.add_argument("--min-severity", default="warning", choices=list(SEVERITY_RANK))
    args = parser.parse_args(argv)
    out = args.out.open("w", encoding="utf-8") if args.out else None
    return args, load_ruleset(builtin_sources()), SEVERITY_RANK[args.min_severity], out
