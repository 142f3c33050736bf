"""The per-file error boundary: whatever breaks while one file is read or linted costs that file alone.

cxlint runs unattended over files nobody chose for it. An exception nobody foresaw, in a
reader, the engine, spaCy or the promise check, must become one error record naming the file
and the stage, never a traceback that loses every other file's findings.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from cxlint.errors import InputError, RuleError
from cxlint.findings import FileProblem

INTERNAL_ERROR = "internal error"


class StageFailure(Exception):
    """An unexpected exception in one stage of linting a file, tagged with the stage's name."""

    def __init__(self, stage: str, cause: BaseException) -> None:
        self.stage = stage
        self.cause = cause
        super().__init__(f"{stage}: {type(cause).__name__}: {cause}")


@contextmanager
def stage(name: str) -> Iterator[None]:
    """Run a stage; an exception cxlint did not raise on purpose becomes a StageFailure naming it."""
    try:
        yield
    except (InputError, RuleError, StageFailure):
        raise
    except Exception as exc:  # the boundary: anything else is a defect, reported against the file
        raise StageFailure(name, exc) from exc


def internal_error(path: str, failure: StageFailure) -> FileProblem:
    """The error record for a file whose stage broke: the stage, the exception's type and message."""
    message = str(failure.cause).strip().replace("\n", " ")
    if len(message) > 300:
        message = message[:300] + "…"
    return FileProblem(path, f"{INTERNAL_ERROR} in {failure.stage}: {type(failure.cause).__name__}: {message}".rstrip(": "))
