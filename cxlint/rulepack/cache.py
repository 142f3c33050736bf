"""A cache of compiled rule sets, so a one-file run does not parse and compile every pack again.

Like ruff's or mypy's cache: it lives in the user's cache folder (``cxlint.user_cache``), never
in the repository, and is keyed by the cxlint version, the Python version and the exact text of
every pack, so an edited pack or lexicon is simply a new key. ``CXLINT_NO_CACHE=1`` turns it off. A cache that cannot be read or
written is ignored: the packs are compiled as if there were none.
"""

from __future__ import annotations

import copyreg
import dataclasses
import gc
import hashlib
import io
import os
import pickle
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import cxlint
from cxlint.atomic import write_bytes_atomically
from cxlint.user_cache import cache_dir

__all__ = ["cache_dir", "cache_key", "cached_ruleset"]

if TYPE_CHECKING:
    from cxlint.rulepack.loader import PackSource
    from cxlint.rulepack.model import RuleSet

PICKLED_FOLDERS = ("rulepack", "lexicon", "text", "engine")
"""The packages whose classes a compiled rule set holds (the gate index lives in ``engine``)."""
_KEEP = 8
"""Compiled sets kept; older ones are removed when a new one is written."""


def cache_key(sources: Sequence[PackSource]) -> str:
    digest = hashlib.sha256(f"{cxlint.__version__}|{sys.version}|{_code_stamp()}".encode())
    for source in sources:
        digest.update(f"\0{source.name}\0{source.trusted}\0".encode())
        digest.update(source.text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()[:32]


def _code_stamp() -> str:
    """The engine's own files change the compiled form too (in a checkout, between commits)."""
    root = os.path.dirname(cxlint.__file__)
    stamps = []
    for folder in PICKLED_FOLDERS:
        try:
            with os.scandir(os.path.join(root, folder)) as found:
                entries = sorted((entry for entry in found if entry.name.endswith(".py")), key=lambda entry: entry.name)
        except OSError:
            continue
        for entry in entries:
            try:
                info = entry.stat()
            except OSError:
                continue
            stamps.append(f"{entry.name}:{info.st_mtime_ns}:{info.st_size}")
    return ",".join(stamps)


def cached_ruleset(sources: Sequence[PackSource], build: Callable[[Sequence[PackSource]], RuleSet]) -> RuleSet:
    """The compiled rule set of ``sources``: from the cache when it holds it, else built and stored."""
    folder = cache_dir()
    if folder is None:
        return build(sources)
    path = folder / f"packs-{cache_key(sources)}.pickle"
    try:
        with path.open("rb") as handle, _collector_paused():
            ruleset: RuleSet = pickle.load(handle)
        return ruleset
    except Exception:  # absent, unreadable, written by another version: compile again
        pass
    ruleset = build(sources)
    _store(folder, path, ruleset)
    return ruleset


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Loading makes tens of thousands of objects that all live for the whole run: the cyclic
    garbage collector would walk them again and again as they arrive, and again at every full
    collection after, for nothing to free. They are frozen out of its sight once loaded."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if was_enabled:
            gc.enable()


def _store(folder: Path, path: Path, ruleset: RuleSet) -> None:
    try:
        write_bytes_atomically(path, compact_pickle(ruleset))
        old = sorted(folder.glob("packs-*.pickle"), key=lambda p: p.stat().st_mtime, reverse=True)[_KEEP:]
        for stale in old:
            stale.unlink(missing_ok=True)
    except Exception:  # a read-only home, a full disk, an unpicklable user regex: run without a cache
        pass


def compact_pickle(ruleset: RuleSet) -> bytes:
    """The pickle of ``ruleset`` that loads fastest: defaults left out, unused memo entries dropped.

    Loading is a quarter of a one-file run, and most of what it builds are slots, matchers and
    gates whose optional fields are empty."""
    import pickletools  # a large module, needed only when a set is stored

    from cxlint.rulepack.model import Rule

    buffer = io.BytesIO()
    tables = (ruleset.lexicons, ruleset.shapes)
    _DefaultsLeftOut(buffer, protocol=pickle.HIGHEST_PROTOCOL, tables=tables, lazy_frames_of=Rule).dump(ruleset)
    return pickletools.optimize(buffer.getvalue())


Tables = tuple[dict[str, Any], dict[str, Any]]
"""A rule set's lexicons and shapes by name: what a rule's frames refer to without holding a copy."""


class _DefaultsLeftOut(pickle.Pickler):
    """Pickles a cxlint dataclass without the fields that hold their declared default: on load the
    class attribute that ``dataclass`` keeps for each default answers for them.

    With ``tables``, each rule's frames are stored apart (``LazyFrames``), unpickled only when a
    sentence gets as far as trying them: a clean file never does."""

    def __init__(self, file: io.BytesIO, protocol: int, tables: Tables | None = None, lazy_frames_of: type | None = None) -> None:
        super().__init__(file, protocol=protocol)
        self.tables = tables
        self.lazy_frames_of = lazy_frames_of

    def reducer_override(self, obj: object) -> Any:
        defaults = _plain_defaults(type(obj))
        if not defaults:
            return NotImplemented
        state = getattr(obj, "__getstate__")()  # a class's own (a lexicon packs its phrases) or object's
        if not isinstance(state, dict):
            return NotImplemented
        kept = {name: value for name, value in state.items() if not _is_default(value, defaults.get(name, _ABSENT))}
        if self.tables is not None and type(obj) is self.lazy_frames_of and type(kept.get("frames")) is tuple:
            kept["frames"] = LazyFrames.pack(kept["frames"], self.tables)
        return _NEWOBJ, (type(obj),), kept


class _TablePickler(_DefaultsLeftOut):
    """Pickles frames with the lexicons and shapes of the rule set named, not copied."""

    def persistent_id(self, obj: object) -> Any:
        name = getattr(obj, "name", None)
        if self.tables is None or type(name) is not str:
            return None
        for kind, table in enumerate(self.tables):
            if table.get(name) is obj:
                return kind, name
        return None


class _TableUnpickler(pickle.Unpickler):
    def __init__(self, file: io.BytesIO, tables: Tables) -> None:
        super().__init__(file)
        self.tables = tables

    def persistent_load(self, pid: Any) -> Any:
        kind, name = pid
        return self.tables[kind][name]


class LazyFrames(Sequence[Any]):
    """A rule's frames as the compiled-pack cache keeps them: a small pickle each, read on first use.

    Building the frames of every rule was a third of loading a compiled set, paid by every run,
    while a clean file only ever meets the prefilter, and a sentence it lets through tries a frame
    or two of a rule, not all thirty. How many there are is known without reading any.
    """

    __slots__ = ("_blobs", "_tables", "_frames")

    def __init__(self, blobs: tuple[bytes, ...], tables: Tables) -> None:
        self._blobs = blobs
        self._tables = tables
        self._frames: list[Any] = [None] * len(blobs)

    @classmethod
    def pack(cls, frames: tuple[Any, ...], tables: Tables) -> LazyFrames:
        blobs = []
        for frame in frames:
            buffer = io.BytesIO()
            _TablePickler(buffer, protocol=pickle.HIGHEST_PROTOCOL, tables=tables).dump(frame)
            blobs.append(buffer.getvalue())
        return cls(tuple(blobs), tables)

    def _frame(self, index: int) -> Any:
        frame = self._frames[index]
        if frame is None:
            frame = self._frames[index] = _TableUnpickler(io.BytesIO(self._blobs[index]), self._tables).load()
        return frame

    @property
    def frames(self) -> tuple[Any, ...]:
        return tuple(self._frame(index) for index in range(len(self._blobs)))

    def __len__(self) -> int:
        return len(self._blobs)

    def __getitem__(self, index: Any) -> Any:
        if isinstance(index, slice):
            return self.frames[index]
        return self._frame(range(len(self._blobs))[index])  # a negative index counts from the end

    def __iter__(self) -> Iterator[Any]:
        return iter(self.frames)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyFrames):
            other = other.frames
        return isinstance(other, tuple) and self.frames == other

    def __hash__(self) -> int:
        return hash(self.frames)

    def __repr__(self) -> str:
        return repr(self.frames)

    def __reduce__(self) -> Any:
        """Sent on (to a worker, a cluster) still packed: a frame read here is read there again if needed."""
        return LazyFrames, (self._blobs, self._tables)


_ABSENT = object()
_IMMUTABLE = (str, int, float, bool, type(None), tuple, frozenset)
_NEWOBJ = getattr(copyreg, "__newobj__")
"""What pickle's own reduction names: the pickler writes it as the NEWOBJ opcode, ``cls.__new__(cls)`` on load."""
_DEFAULTS: dict[type, dict[str, object]] = {}


def _plain_defaults(cls: type) -> dict[str, object]:
    """Field name to default, for the fields of a cxlint dataclass whose default is also a class attribute."""
    found = _DEFAULTS.get(cls)
    if found is None:
        found = _DEFAULTS[cls] = {}
        if cls.__module__.startswith("cxlint.") and dataclasses.is_dataclass(cls):
            found.update(
                (field.name, field.default)
                for field in dataclasses.fields(cls)
                if field.default is not dataclasses.MISSING and getattr(cls, field.name, _ABSENT) is field.default
            )
    return found


def _is_default(value: object, default: object) -> bool:
    if value is default:
        return True
    return type(value) is type(default) and isinstance(value, _IMMUTABLE) and value == default
