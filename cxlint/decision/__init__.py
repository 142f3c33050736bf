"""The one decision step (flake8's DecisionEngine): checks produce findings, this decides which are reported.

In order: rule selection and per-glob overrides, words the project allows, inline
suppressions (which may add CX001-CX003), severity overrides, the baseline, and the
``--diff`` filter. Formatters then only render what is left.

The steps that need a file's text run as each file is done, in its worker
(:mod:`cxlint.decision.per_file`), so no text outlives its file; the run-wide steps follow
file by file in the main process (:mod:`cxlint.decision.run`), so no finding outlives its
file's report either.
"""

from __future__ import annotations

from dataclasses import dataclass

from cxlint.decision.per_file import FileDecider
from cxlint.decision.run import RunDecision
from cxlint.decision.selection import Policy


@dataclass(frozen=True)
class DecideOptions:
    """What decides a run's findings besides the policy: reasons, baselines, the diff, stdin's name."""

    require_reason: bool = True
    allow_words: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline: str | None = None
    diff_ref: str | None = None
    stdin_name: str = "stdin.md"
    stdin_shown: str | None = None
    """``--stdin-filename``: what the report calls standard input (None: ``-``)."""


def file_decider(policy: Policy, options: DecideOptions) -> FileDecider:
    """The per-file decision for a run with these options, handed to the runner."""
    return FileDecider(
        policy,
        require_reason=options.require_reason,
        allow_words=options.allow_words,
        stdin_name=options.stdin_name,
        fingerprints=bool(options.baseline or options.write_baseline),
    )


def run_decision(policy: Policy, options: DecideOptions) -> RunDecision:
    """The run-wide decision for a run with these options; loads the baseline and asks git for ``--diff`` now."""
    return RunDecision(
        file_decider(policy, options),
        baseline=options.baseline,
        write_baseline=options.write_baseline,
        diff_ref=options.diff_ref,
        stdin_shown=options.stdin_shown,
    )


__all__ = ["DecideOptions", "FileDecider", "RunDecision", "file_decider", "run_decision"]
