"""The one decision step (flake8's DecisionEngine): checks produce findings, this decides which are reported.

In order: rule selection and per-glob overrides, words the project allows, inline
suppressions (which may add CX001-CX003), severity overrides, the baseline, and the
``--diff`` filter. Formatters then only render what is left.

The steps that need a file's text run as each file is done (:mod:`cxlint.decision.per_file`),
so no text outlives its file; :func:`decide` then does what needs the whole run.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from cxlint.decision.baseline import Fingerprints, apply_baseline, load_baseline, write_baseline
from cxlint.decision.gitdiff import changed_lines, on_changed_line
from cxlint.decision.per_file import FileDecider
from cxlint.decision.selection import Policy
from cxlint.findings import Finding
from cxlint.report import RunResult
from cxlint.walk import STDIN_NAME


@dataclass(frozen=True)
class DecideOptions:
    require_reason: bool = True
    allow_words: tuple[str, ...] = ()
    baseline: str | None = None
    write_baseline: str | None = None
    diff_ref: str | None = None
    stdin_name: str = "stdin.md"
    stdin_shown: str | None = None
    """``--stdin-filename``: what the report calls standard input (None: ``-``)."""


@dataclass(frozen=True)
class Decided:
    result: RunResult
    baseline_written: int | None = None


def file_decider(policy: Policy, options: DecideOptions) -> FileDecider:
    """The per-file decision for a run with these options, handed to the runner."""
    return FileDecider(
        policy,
        require_reason=options.require_reason,
        allow_words=options.allow_words,
        stdin_name=options.stdin_name,
        fingerprints=bool(options.baseline or options.write_baseline),
    )


def decide(result: RunResult, policy: Policy, options: DecideOptions) -> Decided:
    """The run-wide steps, on findings already decided file by file: late findings, baseline, ``--diff``.

    Run-wide findings (``result.pending``: promise conflicts, registry expiry) came after their
    files were decided; each such file is read again to apply its suppressions to them.
    """
    if result.pending:
        _decide_pending(result, file_decider(policy, options))
    result.findings.sort(key=lambda f: (f.path, f.start, f.end, f.rule))
    result.rules = policy.rules
    written = None
    prints = Fingerprints({}, known=result.fingerprints)
    if options.write_baseline:
        written = write_baseline(options.write_baseline, result.findings, prints)
        result.baselined, result.findings = len(result.findings), []
    elif options.baseline:
        result.findings, result.baselined, result.stale = apply_baseline(load_baseline(options.baseline), result.findings, prints)
    if options.diff_ref:
        changed = changed_lines(options.diff_ref)
        result.findings = [f for f in result.findings if f.path == STDIN_NAME or on_changed_line(f.path, f.line, f.end_line, changed)]
    if options.stdin_shown:
        name_stdin(result, options.stdin_shown)
    return Decided(result, written)


def name_stdin(result: RunResult, name: str) -> None:
    """Show standard input under the name the user gave it, in every format.

    The run knows standard input as ``-`` until here (no suppression re-read, baseline key or
    ``--diff`` lookup mistakes it for a file on disk of that name); only the report renames it.
    """
    result.findings = [replace(f, path=name) if f.path == STDIN_NAME else f for f in result.findings]
    result.problems = [replace(p, path=name) if p.path == STDIN_NAME else p for p in result.problems]
    result.linted = [name if path == STDIN_NAME else path for path in result.linted]
    if STDIN_NAME in result.lines:
        result.lines[name] = result.lines.pop(STDIN_NAME)


def _decide_pending(result: RunResult, per_file: FileDecider) -> None:
    by_path: dict[str, list[Finding]] = {}
    for finding in result.pending:
        by_path.setdefault(finding.path, []).append(finding)
    result.pending = []
    for path, findings in by_path.items():
        source = _read_again(path)
        decision = per_file(path, source or "", findings, meta=False)
        result.findings.extend(decision.findings)
        result.suppressed += decision.suppressed
        result.lines.setdefault(path, {}).update(decision.lines)
        result.fingerprints.update(decision.fingerprints)


def _read_again(path: str) -> str | None:
    """A file's text once more, for the few run-wide findings that land in it; None if it cannot be read."""
    if path == STDIN_NAME:
        return None
    from cxlint.errors import InputError
    from cxlint.runner import read_document

    try:
        return read_document(path).source
    except (InputError, OSError):
        return None


__all__ = ["DecideOptions", "Decided", "FileDecider", "decide", "file_decider"]
