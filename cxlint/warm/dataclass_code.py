"""Compiled code of the methods ``dataclasses`` writes, kept between runs.

``dataclasses`` writes each class's ``__init__``, ``__repr__``, ``__eq__``, ``__hash__`` and, when
frozen, ``__setattr__`` and ``__delattr__`` as source text and compiles it while the module
imports: for cxlint's seventy-odd classes that was a quarter of a one-file run. The text is the
same from run to run, so its code objects are kept as Python keeps a module's, in ``marshal``'s
format, keyed by the interpreter's bytecode tag and by the exact source: a hit is, by
construction, what compiling that text gives. ``dataclasses`` is handed an ``exec`` that looks
the text up before compiling it; everything else about the classes is the library's own doing.
"""

from __future__ import annotations

import builtins
import marshal
import sys
from pathlib import Path
from types import CodeType
from typing import Any

MAX_ENTRIES = 2000
"""Methods of a few hundred classes: far more than cxlint and the libraries it uses define."""


def file_name() -> str:
    return f"dataclass-code-{sys.implementation.cache_tag}-v2.marshal"


class DataclassCode:
    """The code read at start-up; at exit, code compiled in this run is added.

    Each method's code stays marshalled until a class asks for it: a run that imports a third of
    the classes the file knows unmarshals a third of the code.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self.codes: dict[str, bytes] = {}
        self.new: dict[str, bytes] = {}

    def load(self) -> None:
        import dataclasses

        try:
            found = marshal.loads(self.path.read_bytes())
        except Exception:  # noqa: BLE001 - absent, damaged or another interpreter's: compile as usual
            found = {}
        if isinstance(found, dict):
            self.codes = {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, bytes)}
        dataclasses.exec = self.exec  # type: ignore[attr-defined]  # the module's own name lookup finds it first

    def exec(self, source: Any, globals: dict[str, Any] | None = None, locals: dict[str, Any] | None = None) -> None:
        """``exec`` as ``dataclasses`` calls it, with the source's code from the cache when known."""
        if isinstance(source, str):
            source = self._code(source)
        builtins.exec(source, globals, locals)

    def _code(self, source: str) -> CodeType:
        packed = self.codes.get(source)
        if packed is not None:
            try:
                code = marshal.loads(packed)
                if isinstance(code, CodeType):
                    return code
            except Exception:  # noqa: BLE001 - a damaged entry: compile it again
                pass
        code = compile(source, "<string>", "exec", dont_inherit=True)  # not this module's __future__ flags
        self.new[source] = marshal.dumps(code)
        return code

    def store(self) -> None:
        if not self.new:
            return
        from cxlint.atomic import write_bytes_atomically

        merged = {**self.codes, **self.new}
        keep = dict(list(merged.items())[-MAX_ENTRIES:])
        self.path.parent.mkdir(parents=True, exist_ok=True)
        write_bytes_atomically(self.path, marshal.dumps(keep))
