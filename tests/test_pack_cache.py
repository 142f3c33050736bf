"""The compiled-pack cache: same rules as compiling, a new key for an edited pack, a bad file ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxlint.document import Document
from cxlint.engine.linter import lint_document
from cxlint.rulepack.cache import cache_key
from cxlint.rulepack.loader import PackSource, builtin_sources, compile_ruleset, load_ruleset

TEXT = "We noticed you browsed socks at 3:17 AM. Guaranteed reply within 1 hour, 24/7!"


@pytest.fixture()
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CXLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("CXLINT_NO_CACHE", raising=False)
    return tmp_path / "cache"


def _findings(ruleset) -> list[tuple[str, int, int, str]]:
    doc = Document("a.txt", TEXT, TEXT)
    return [(f.rule, f.start, f.end, f.severity) for f in lint_document(doc, ruleset)]


def test_a_cached_ruleset_lints_like_a_compiled_one(cache: Path) -> None:
    sources = builtin_sources()
    first = load_ruleset(sources)
    assert len(list(cache.glob("packs-*.pickle"))) == 1
    second = load_ruleset(sources)
    assert second is not first
    assert _findings(second) == _findings(compile_ruleset(sources)) != []


def test_an_edited_pack_is_a_new_key(cache: Path) -> None:
    sources = builtin_sources()
    edited = [*sources, PackSource("house.yaml", "lexicons:\n  house_word: [zing]\n")]
    assert cache_key(sources) != cache_key(edited)


def test_a_corrupt_cache_file_is_ignored(cache: Path) -> None:
    sources = builtin_sources()
    load_ruleset(sources)
    for path in cache.glob("packs-*.pickle"):
        path.write_bytes(b"not a pickle")
    assert _findings(load_ruleset(sources)) == _findings(compile_ruleset(sources))


def test_an_unwritable_cache_is_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x", encoding="utf-8")
    monkeypatch.setenv("CXLINT_CACHE_DIR", str(blocker / "cache"))
    monkeypatch.delenv("CXLINT_NO_CACHE", raising=False)
    assert _findings(load_ruleset(builtin_sources())) != []


def test_every_class_a_compiled_ruleset_holds_is_in_a_folder_the_key_stamps() -> None:
    """Editing the code of a pickled class must change the key, or an old pickle loads without
    the new class's fields (a gate index gained a field and every file failed with CX000)."""
    import io
    import pickle

    from cxlint.rulepack.cache import PICKLED_FOLDERS

    modules: set[str] = set()

    class Recorder(pickle.Pickler):
        def reducer_override(self, obj: object) -> object:
            modules.add(type(obj).__module__)
            return NotImplemented

    Recorder(io.BytesIO(), protocol=pickle.HIGHEST_PROTOCOL).dump(compile_ruleset(builtin_sources()))
    ours = {m for m in modules if m.startswith("cxlint.")}
    assert ours, "the ruleset holds cxlint classes"
    assert {m.split(".")[1] for m in ours} <= set(PICKLED_FOLDERS), sorted(ours)


def test_a_lexicon_from_the_cache_unpacks_its_phrases_only_when_reached() -> None:
    import pickle

    from cxlint.lexicon.lexicons import build_lexicon

    lexicon = build_lexicon("device", ["smart speaker", "doorbell camera", "watch"], "noun")
    loaded = pickle.loads(pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
    assert "phrases" not in vars(loaded)  # still packed
    assert loaded == lexicon
    assert loaded.find(("your", "doorbell", "cameras", "saw")) == [(1, 3)]
    again = pickle.loads(pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    assert again.phrases == lexicon.phrases and again.key_words == lexicon.key_words


def test_a_lexicon_from_the_cache_keeps_its_entries_as_written() -> None:
    import pickle

    from cxlint.lexicon.lexicons import build_lexicon

    lexicon = build_lexicon("device", ["smart speaker", "doorbell camera", "watch"], "noun")
    loaded = pickle.loads(pickle.dumps(lexicon, protocol=pickle.HIGHEST_PROTOCOL))
    assert "entries" not in vars(loaded)  # one string until asked for
    assert loaded.entries == ("smart speaker", "doorbell camera", "watch")
    twice = pickle.loads(pickle.dumps(pickle.loads(pickle.dumps(lexicon)), protocol=pickle.HIGHEST_PROTOCOL))
    assert twice.entries == lexicon.entries and twice == lexicon
    # an entry that cannot be joined safely (a line break) travels as it is
    odd = build_lexicon("odd", ["two\nlines", "plain"], None)
    assert pickle.loads(pickle.dumps(odd)).entries == ("two\nlines", "plain")
    empty = build_lexicon("empty", [], None)
    assert pickle.loads(pickle.dumps(empty)).entries == ()


def test_a_stored_set_leaves_out_defaults_and_loads_equal() -> None:
    """Fields at their default are not stored; the loaded set still reads them, and equals the compiled one."""
    import pickle

    from cxlint.rulepack.cache import compact_pickle

    compiled = compile_ruleset(builtin_sources())
    loaded = pickle.loads(compact_pickle(compiled))
    slots = [slot for rule in loaded.rules for frame in rule.frames for slot in frame.slots]
    originals = [slot for rule in compiled.rules for frame in rule.frames for slot in frame.slots]
    plain_fields = ("name", "after", "before", "within", "at", "unless_next", "unless_prev")
    assert [[getattr(slot, name) for name in plain_fields] for slot in slots] == [
        [getattr(slot, name) for name in plain_fields] for slot in originals
    ]
    assert [(rule.id, rule.severity, rule.channels, rule.good, rule.bad) for rule in loaded.rules] == [
        (rule.id, rule.severity, rule.channels, rule.good, rule.bad) for rule in compiled.rules
    ]
    plain = next(slot for slot in slots if slot.after is None)
    assert "after" not in vars(plain) and plain.unless_next is None
    ordered = next(slot for slot in slots if slot.after is not None)
    assert "after" in vars(ordered)
    assert _findings(loaded) == _findings(compiled) != []


def test_a_stored_set_keeps_a_value_that_only_equals_its_default_loosely() -> None:
    """``0`` is not ``False`` and ``(0,)`` is not ``()``: only a value of the default's own type and value is left out."""
    from cxlint.rulepack.cache import _is_default

    assert _is_default(None, None) and _is_default((), ()) and _is_default("", "")
    assert not _is_default(False, 0) and not _is_default(0.0, 0) and not _is_default((0,), ())
    assert not _is_default([], [])


def test_a_stored_rule_reads_its_frames_only_when_a_sentence_tries_them() -> None:
    """A clean file never needs a frame: each rule's frames stay one packed pickle until asked for,
    their count known without reading them, and then equal to the compiled frames."""
    import pickle

    from cxlint.rulepack.cache import LazyFrames, compact_pickle

    compiled = compile_ruleset(builtin_sources())
    loaded = pickle.loads(compact_pickle(compiled))
    pairs = [(old, new) for old, new in zip(compiled.rules, loaded.rules) if old.frames]
    assert pairs and all(type(new.frames) is LazyFrames for _, new in pairs)
    assert [len(new.frames) for _, new in pairs] == [len(old.frames) for old, _ in pairs]
    assert all(frame is None for _, new in pairs for frame in new.frames._frames)  # counting read nothing
    rule = next(new for _, new in pairs if len(new.frames) > 2)
    rule.frames[1]
    assert [frame is None for frame in rule.frames._frames][:3] == [True, False, True]  # one frame read, not the rule's all
    assert [[_outline(frame) for frame in new.frames] for _, new in pairs] == [
        [_outline(frame) for frame in old.frames] for old, _ in pairs
    ]
    assert all(type(new.frames[0]).__name__ == "Frame" for _, new in pairs)
    assert _findings(loaded) == _findings(compiled) != []


def _outline(frame) -> list[tuple[object, ...]]:
    """What a frame asks of a sentence, by name (a compiled regex does not compare equal to its reload)."""
    return [(slot.name, slot.matcher.key, slot.after, slot.before, slot.within, slot.at) for slot in frame.slots]


def test_stored_frames_share_the_sets_lexicons_and_travel_on_to_workers() -> None:
    """A frame's named lexicon is the rule set's own object (its indexes built once), and a set
    sent on to a worker, before or after its frames are read, lints the same."""
    import pickle

    from cxlint.lexicon.lexicons import Lexicon
    from cxlint.rulepack.cache import compact_pickle

    loaded = pickle.loads(compact_pickle(compile_ruleset(builtin_sources())))
    named = [
        lexicon
        for rule in loaded.rules
        for frame in rule.frames
        for slot in frame.slots
        for lexicon in slot.matcher.lexicons
        if isinstance(lexicon, Lexicon) and lexicon.name in loaded.lexicons
    ]
    assert named and all(loaded.lexicons[lexicon.name] is lexicon for lexicon in named)
    fresh = pickle.loads(compact_pickle(compile_ruleset(builtin_sources())))
    unread = pickle.loads(pickle.dumps(fresh))  # frames still packed when sent
    read = pickle.loads(pickle.dumps(loaded))  # frames already read when sent
    assert _findings(unread) == _findings(read) == _findings(loaded) != []
