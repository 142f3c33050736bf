"""The warm start: regexes and dataclass methods rebuilt from the cache are the ones Python
compiles; a damaged, foreign or unwritable cache only means compiling as before; a run with the
caches warm gives the same output as a run without them."""

from __future__ import annotations

import dataclasses
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from cxlint.warm.dataclass_code import DataclassCode
from cxlint.warm.regexes import RegexCache, compiled_args, rebuild

PATTERNS = [
    (r"(?x) \b (?P<num> \d+ ) \s? (?: % | per \s? cent \b )", re.IGNORECASE),
    (r"(?<![\w&])\#\s?1(?!\d)|\bnumber\s(?:one|1)\b", 0),
    (r"(?i)caf\u00e9s?|na\u00efve", 0),
    (rb"^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@", re.MULTILINE),
    (r"[\ud800-\udbff](?![\udc00-\udfff])", 0),
    (r"(a)|(?P<b>b)(?(1)c|d)", re.DOTALL | re.VERBOSE),
]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_rebuilt_from_its_code_is_the_one_re_compiles(pattern: str | bytes, flags: int) -> None:
    args = compiled_args(pattern, flags)
    assert args is not None
    rebuilt = rebuild(args)
    assert rebuilt == re.compile(pattern, flags)
    assert rebuilt.groupindex == re.compile(pattern, flags).groupindex


def test_stored_patterns_are_in_res_cache_at_the_next_start(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regexes.pickle"
    pattern = r"\bwarm-start-probe-(\d{3})\b"
    re.compile(pattern)
    RegexCache(path).store()
    assert path.exists()
    monkeypatch.setattr(re, "_cache", {})
    RegexCache(path).load()
    cached = re._cache[(str, pattern, 0)]  # type: ignore[attr-defined]
    assert re.compile(pattern) is cached
    assert cached.search("a warm-start-probe-123 b").group(1) == "123"


def test_a_stored_pattern_is_rebuilt_only_when_re_asks_for_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "regexes.pickle"
    asked, never = r"\bwarm-asked-(\d+)\b", r"\bwarm-never-asked-(\d+)\b"
    re.compile(asked)
    re.compile(never)
    RegexCache(path).store()
    monkeypatch.setattr(re, "_cache", {})
    cache = RegexCache(path)
    cache.load()
    assert (str, asked, 0) not in re._cache and (str, never, 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(asked).search("warm-asked-42").group(1) == "42"
    assert cache.used == {(str, asked, 0)}
    # Python 3.12's re takes its patterns out of this cache with pop: a stored one is rebuilt there too
    assert re._cache.pop((str, never, 0)) == re.compile(never)  # type: ignore[attr-defined]
    with pytest.raises(KeyError):
        re._cache.pop((str, r"never stored", 0))  # type: ignore[attr-defined]
    assert re._cache.pop((str, r"never stored", 0), None) is None  # type: ignore[attr-defined]


def test_entries_no_run_asks_for_fall_off_the_file_first(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An older release's patterns, never asked for again, leave the file before the ones this release uses."""
    import pickle

    from cxlint.warm import regexes

    path = tmp_path / "regexes.pickle"
    old, kept = r"\bwarm-old-release-\d\b", r"\bwarm-this-release-\d\b"
    monkeypatch.setattr(re, "_cache", {})
    re.compile(kept)
    re.compile(old)  # the file holds the older release's pattern last
    RegexCache(path).store()
    monkeypatch.setattr(re, "_cache", {})
    monkeypatch.setattr(regexes, "MAX_ENTRIES", 2)
    cache = RegexCache(path)
    cache.load()
    re.compile(kept)  # asked for: rebuilt from the file
    new = r"\bwarm-new-in-this-run-\d\b"
    re.compile(new)  # compiled in this run
    cache.store()
    stored = list(pickle.loads(path.read_bytes()))
    assert stored == [(str, kept, 0), (str, new, 0)]


def test_a_damaged_regex_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import pickle
    from array import array

    monkeypatch.setattr(re, "_cache", {})
    garbage = tmp_path / "garbage.pickle"
    garbage.write_bytes(b"\x00not a pickle")
    RegexCache(garbage).load()
    hostile = tmp_path / "hostile.pickle"
    bad_code = (r"x+", 32, array("I", [99, 99, 99]), 0, {}, (None,))
    hostile.write_bytes(pickle.dumps({(str, r"x+", 0): bad_code, ("not", "a", "key"): bad_code}))
    cache = RegexCache(hostile)
    cache.load()
    assert (str, r"x+", 0) not in re._cache  # type: ignore[attr-defined]
    assert re.compile(r"x+").fullmatch("xxx")  # the bad code fails when first asked for: compiled as usual
    assert cache.entries == {} and cache.used == set()


def test_dataclasses_built_from_cached_code_behave_as_compiled_ones(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "code.marshal"
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)

    def make() -> type:
        @dataclasses.dataclass(frozen=True)
        class Probe:
            name: str
            count: int = 0
            tags: tuple[str, ...] = dataclasses.field(default_factory=tuple)

        return Probe

    reference = make()  # compiled by dataclasses as usual
    first = DataclassCode(path)
    first.load()
    make()
    assert first.new
    first.store()
    second = DataclassCode(path)
    second.load()
    probe = make()
    assert not second.new  # every method came from the cache
    a, b = probe("x", 2), probe("x", 2)
    assert a == b and hash(a) == hash(b) and a.tags == ()
    assert repr(a) == "test_dataclasses_built_from_cached_code_behave_as_compiled_ones.<locals>.make.<locals>.Probe(name='x', count=2, tags=())"
    with pytest.raises(dataclasses.FrozenInstanceError):
        a.count = 3  # type: ignore[misc]
    # compiled without this module's __future__ flags, as dataclasses compiles it
    assert probe.__init__.__annotations__ == reference.__init__.__annotations__
    assert probe.__init__.__code__.co_flags == reference.__init__.__code__.co_flags


def test_a_damaged_code_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "code.marshal"
    path.write_bytes(b"\xffnot marshal")
    monkeypatch.setattr(dataclasses, "exec", exec, raising=False)
    cache = DataclassCode(path)
    cache.load()
    assert cache.codes == {}

    @dataclasses.dataclass
    class Plain:
        value: int

    assert Plain(3).value == 3


def _check(tmp_path: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    copy = tmp_path / "copy.md"
    copy.write_text("Hi Sam, we noticed you browsed socks at 3:17 AM.\n\nGuaranteed reply within 1 hour.\n", encoding="utf-8")
    return subprocess.run([sys.executable, "-m", "cxlint", "check", "--format", "json", str(copy)],
                          capture_output=True, text=True, env=env, cwd=tmp_path)


def test_a_warm_run_reports_what_a_cold_run_reports(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    env = {**os.environ, "CXLINT_NO_CACHE": "", "CXLINT_CACHE_DIR": str(cache)}
    cold = _check(tmp_path, {**os.environ, "CXLINT_NO_CACHE": "1"})
    first = _check(tmp_path, env)
    assert sorted(p.name.split("-")[0] for p in cache.iterdir() if not p.name.startswith("packs")) == ["dataclass", "regexes"]
    warm = _check(tmp_path, env)
    assert cold.returncode == first.returncode == warm.returncode == 1
    assert cold.stdout == first.stdout == warm.stdout and '"rule"' in warm.stdout


def test_an_unwritable_cache_folder_leaves_the_run_alone(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    env = {**os.environ, "CXLINT_NO_CACHE": "", "CXLINT_CACHE_DIR": str(blocker / "cache")}
    run = _check(tmp_path, env)
    assert run.returncode == 1 and run.stderr == "" and '"rule"' in run.stdout
