"""A warm start: what Python would compile again at every run, kept compiled between runs.

A one-file run of cxlint is mostly start-up, and two thirds of start-up was Python compiling the
same things every time: the methods ``dataclasses`` writes for each class (``dataclass_code``)
and regular expressions (``regexes``). Both are kept in the user's cache folder, beside the
compiled packs, keyed by the interpreter; ``warm()`` loads them before cxlint's modules import,
and whatever a run compiles anew is added when the process exits. A cache that is absent,
damaged, unwritable or turned off (``CXLINT_NO_CACHE=1``) only means compiling as before.
"""

from __future__ import annotations

import atexit

from cxlint.user_cache import cache_dir

_started = False


def warm() -> None:
    """Load both caches (once per process) and store what this run adds to them at exit."""
    global _started
    if _started:
        return
    _started = True
    folder = cache_dir()
    if folder is None:
        return
    from cxlint.warm.dataclass_code import DataclassCode, file_name as code_file
    from cxlint.warm.regexes import RegexCache, file_name as regex_file

    caches = (DataclassCode(folder / code_file()), RegexCache(folder / regex_file()))
    for cache in caches:
        try:
            cache.load()
        except Exception:  # noqa: BLE001 - a start-up aid never stops a run
            pass
    atexit.register(_store, caches)


def _store(caches: tuple[object, ...]) -> None:
    for cache in caches:
        try:
            cache.store()  # type: ignore[attr-defined]
        except Exception:  # noqa: BLE001 - a read-only home, a full disk: the next run compiles again
            pass
