"""Load YAML rule packs into a compiled RuleSet, validating as it goes (errors name file:line)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from cxlint.channels import CHANNELS
from cxlint.errors import FatalError
from cxlint.findings import CATEGORIES, SEVERITIES
from cxlint.lexicon.lexicons import Lexicon, build_lexicon
from cxlint.lexicon.spellings import Spellings
from cxlint.promises.kinds import KINDS
from cxlint.rulepack.examples import parse_example
from cxlint.rulepack.frames import Frame, FrameContext, Shape, compile_frames
from cxlint.rulepack.records import RecordSpec, add_reader_gates, compile_records, word_triggers
from cxlint.rulepack.shapes import compile_shapes, written_shapes
from cxlint.rulepack.model import DIRECTIONS, Evidence, Example, Modifier, Pattern, Rule, RuleSet, Scoring
from cxlint.rulepack import schema
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.sources import pack_root
from cxlint.rulepack.yamlio import LINE_KEY, MAX_YAML_BYTES, item_line, key_line, line_of, load_yaml, strip_lines
from cxlint.text.anchors import AnchorIndex
from cxlint.textfile import read_config_text
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.tokens import phrase_tokens
from cxlint.text.wordlists import expand, trie_regex

_MACRO = re.compile(r"<<(\w+)>>")
_ID = re.compile(r"^[A-Z]{2,5}\d{3,4}$")
_POS = ("verb", "noun", "any")
_REGEX_SYNTAX = re.compile(r"\\|\||[\[\]{}]|\(\?|\.[*+]|\)[*+?]")
"""What only a regex would hold: a lexicon entry with it was written as a pattern, not a word."""
CODE_CATEGORIES = frozenset({"BACKED"})
"""Modifier categories the engine sets itself (a footnote whose note is in the file backs a claim)."""
_FLAGS = re.IGNORECASE
_DIGIT_LED = ("\\d", "[\\dƤ]")  # regex anchors written to match from the first digit of a number


@dataclass(frozen=True)
class PackSource:
    """A pack file's display name and text.

    Built-in packs are ours and tested in CI: their regexes use stdlib ``re`` and compile lazily,
    so start-up stays cheap. A pack from a repository is untrusted: it is compiled at load (a bad
    regex is reported with its file and line) and its regexes run under a time limit (``regex``
    with ``timeout=``), so a catastrophic pattern is a rule error, never a hang.
    """

    name: str
    text: str
    trusted: bool = False


def builtin_sources() -> list[PackSource]:
    """The packs, lexicons and shapes shipped with cxlint, in name order."""
    root = pack_root()
    files = sorted(root.glob("*.yaml")) + sorted((root / "lexicons").glob("*.yaml"))
    return [PackSource(f"rules/{path.relative_to(root).as_posix()}", path.read_text(encoding="utf-8"), trusted=True) for path in files]


@lru_cache(maxsize=1)
def builtin_ruleset() -> RuleSet:
    """The built-in packs, compiled (once a process): what a promises registry is read with."""
    return load_ruleset(builtin_sources())


def source_from_path(path: str) -> PackSource:
    """A user's pack file (untrusted: compiled at load, its regexes time-limited)."""
    return PackSource(path, read_config_text(path, "rule pack", MAX_YAML_BYTES))


def load_ruleset(sources: Sequence[PackSource]) -> RuleSet:
    """The compiled rule set of ``sources``, from the user's cache of compiled packs when it has it."""
    from cxlint.rulepack.cache import cached_ruleset

    return cached_ruleset(sources, compile_ruleset)


def compile_ruleset(sources: Sequence[PackSource]) -> RuleSet:
    """Parse every pack, compile lexicons, shapes, frames and modifiers, check every reference, derive the prefilter."""
    documents = [(src, _parse(src)) for src in sources]
    lists: dict[str, tuple[str, ...]] = {}
    for src, doc in documents:
        for name, spec in (doc.get("lists") or {}).items():
            if name == LINE_KEY:
                continue
            lists[name] = tuple(_list_words(src, name, spec, key_line(doc["lists"], name)))
    spellings = _spellings(documents)
    lexicons = _lexicons(documents, spellings)
    shapes = _shapes(documents)
    builder = _Builder(lists, lexicons, shapes, spellings)
    rules: list[Rule] = []
    modifiers: list[Modifier] = []
    evidence: list[Evidence] = []
    weights: dict[str, float] = {}
    scoring: dict[str, Scoring] = {}
    packs: list[str] = []
    categories = set(CATEGORIES) | {"meta"}
    for src, doc in documents:
        categories |= {str(c) for c in doc.get("categories") or ()}
    for src, doc in documents:
        pack = str(doc.get("pack") or Path(src.name).stem)
        if doc.get("rules") or doc.get("modifiers") or doc.get("evidence") or doc.get("lists") or doc.get("records"):
            packs.append(pack)
        pack_scoring = _scoring(src, doc)
        if pack_scoring is not None:
            scoring[pack] = pack_scoring
            weights.update(pack_scoring.signals)
        for name, spec in (doc.get("evidence") or {}).items():
            if name != LINE_KEY:
                evidence.append(builder.evidence(src, str(name), spec, key_line(doc["evidence"], name)))
        for spec in doc.get("modifiers") or []:
            modifiers.append(builder.modifier(src, spec))
    for src, doc in documents:
        pack = str(doc.get("pack") or Path(src.name).stem)
        for spec in doc.get("rules") or []:
            rules.append(builder.rule(src, pack, doc.get("category"), spec))
    _check_unique(rules)
    _check_references(rules, modifiers, evidence, weights, categories)
    ruleset = _compile(rules, modifiers, evidence, packs, builder)
    ruleset.records = _records(documents, builder)
    if ruleset.records is not None:
        add_reader_gates(ruleset.frame_gates, ruleset.records)
    ruleset.frame_gates.freeze()
    ruleset.record_triggers = word_triggers(ruleset.records) if ruleset.records is not None else None
    ruleset.scoring = scoring
    ruleset.lexicons = dict(lexicons)
    ruleset.shapes = dict(shapes)
    return ruleset


def _records(documents: list[tuple[PackSource, dict[str, Any]]], builder: _Builder) -> RecordSpec | None:
    """The one ``records:`` section of the packs (None when no pack declares one)."""
    found = [(src, doc) for src, doc in documents if doc.get("records") is not None]
    if len(found) > 1:
        (first, _), (src, doc) = found[0], found[1]
        raise FatalError(f"{src.name}:{key_line(doc, 'records')}: 'records' is already declared in {first.name}")
    if not found:
        return None
    src, doc = found[0]
    return compile_records(doc["records"], builder.context(src), key_line(doc, "records"))


def _spellings(documents: list[tuple[PackSource, dict[str, Any]]]) -> Spellings:
    """The other spellings every pack's ``spellings:`` gives a word or phrase (``lexicon.spellings``), in the
    packs' order; two packs giving spellings of one word add to each other."""
    found: dict[tuple[str, ...], list[tuple[str, ...]]] = {}
    for src, doc in documents:
        section = doc.get("spellings")
        if not section:  # a mapping when given: the pack schema checked it
            continue
        for written, others in section.items():
            if written == LINE_KEY:
                continue
            line = key_line(section, written)
            where = f"{src.name}:{line}: spellings of {written!r}"
            tokens = _spelling(str(written), where)
            if not isinstance(others, list) or not others:
                raise FatalError(f"{where}: give a list of other spellings ({written}: [...])")
            for other in others:
                if isinstance(other, bool) or not isinstance(other, (str, int)):
                    hint = " (YAML reads on, off, yes and no as true/false: quote them)" if isinstance(other, bool) else ""
                    raise FatalError(f"{where}: {other!r} is not a word or phrase{hint}")
                respelt = _spelling(str(other), where)
                if respelt == tokens:
                    raise FatalError(f"{where}: {other!r} is the word itself")
                kept = found.setdefault(tokens, [])
                if respelt not in kept:
                    kept.append(respelt)
    return tuple((written, tuple(others)) for written, others in found.items())


def _spelling(text: str, where: str) -> tuple[str, ...]:
    """The tokens of a word or phrase of a ``spellings:`` section (never a regex)."""
    if _REGEX_SYNTAX.search(text):
        raise FatalError(f"{where}: {text!r} looks like a regex; spellings are words and phrases")
    tokens = phrase_tokens(text)
    if not tokens:
        raise FatalError(f"{where}: {text!r} holds no word")
    return tokens


def _lexicons(documents: list[tuple[PackSource, dict[str, Any]]], spellings: Spellings = ()) -> dict[str, Lexicon]:
    """Every lexicon of every pack, compiled, includes resolved (a name may be defined once); every entry also
    takes the packs' other ``spellings`` of its words."""
    specs: dict[str, tuple[PackSource, Any, int]] = {}
    for src, doc in documents:
        for name, spec in (doc.get("lexicons") or {}).items():
            if name == LINE_KEY:
                continue
            name = str(name)
            if name in specs:
                first = specs[name][0]
                raise FatalError(f"{src.name}:{key_line(doc['lexicons'], name)}: lexicon {name!r} is already defined in {first.name}")
            specs[name] = (src, spec, key_line(doc["lexicons"], name))
    built: dict[str, Lexicon] = {}

    def build(name: str, trail: tuple[str, ...]) -> Lexicon:
        if name in built:
            return built[name]
        src, spec, line = specs[name]
        if name in trail:
            raise FatalError(f"{src.name}:{line}: lexicon {name!r} includes itself ({' -> '.join(trail + (name,))})")
        if isinstance(spec, list):
            spec = {"words": spec}
        if not isinstance(spec, dict):
            raise FatalError(f"{src.name}:{line}: lexicon {name!r} must be a list of words or a mapping with 'words'")
        schema.check(spec, schema.LEXICON, src.name, f"lexicon {name!r}")
        pos = spec.get("pos")
        if pos is not None and pos not in _POS:
            raise FatalError(f"{src.name}:{line}: lexicon {name!r}: pos must be one of {', '.join(_POS)}")
        words = spec.get("words") or []
        if not isinstance(words, list):
            raise FatalError(f"{src.name}:{line}: lexicon {name!r}: words must be a list of words and phrases")
        for word in words:
            if isinstance(word, bool) or not isinstance(word, (str, int)):
                hint = " (YAML reads on, off, yes and no as true/false: quote them)" if isinstance(word, bool) else ""
                raise FatalError(f"{src.name}:{line}: lexicon {name!r}: {word!r} is not a word or phrase{hint}")
        for word in words:
            if _REGEX_SYNTAX.search(str(word)):
                raise FatalError(f"{src.name}:{line}: lexicon {name!r}: {word!r} looks like a regex; a lexicon holds words and phrases")
        extra: set[tuple[str, ...]] = set()
        for included in spec.get("include") or []:
            included = str(included)
            if included not in specs:
                raise FatalError(f"{src.name}:{line}: lexicon {name!r} includes unknown lexicon {included!r}{did_you_mean(included, specs)}")
            extra |= build(included, trail + (name,)).phrases
        if not words and not extra:
            raise FatalError(f"{src.name}:{line}: lexicon {name!r} is empty")
        lexicon = build_lexicon(name, (str(w) for w in words), pos, str(spec.get("about") or ""), src.name, line, extra, spellings)
        built[name] = lexicon
        return lexicon

    for name in specs:
        build(name, ())
    return built


def _shapes(documents: list[tuple[PackSource, dict[str, Any]]]) -> dict[str, Shape]:
    """Every shape of every pack, the shapes it uses put in, compiled for the pack that wrote it."""
    trust = {src.name: src for src, _ in documents}
    written = written_shapes((src.name, doc) for src, doc in documents)
    return compile_shapes(written, lambda shape, pattern: _Builder.lazy(trust[shape.source], pattern, f"shape {shape.name}", shape.line))


def _scoring(src: PackSource, doc: dict[str, Any]) -> Scoring | None:
    spec = doc.get("scoring")
    if spec is None:
        legacy = doc.get("signals")
        if not legacy:
            return None
        spec = {"signals": legacy}
    schema.check(spec, schema.SCORING, src.name, "scoring")
    signals: dict[str, float] = {}
    weights = spec.get("signals") or {}
    for key, value in weights.items():
        if key == LINE_KEY:
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < float(value) <= 100:
            raise FatalError(f"{src.name}:{key_line(weights, key)}: scoring: signal {key!r} needs a weight between 0 and 100")
        signals[str(key)] = float(value)
    bands = {key: float(spec[key]) for key in ("error_at", "info_below") if spec.get(key) is not None}
    return Scoring(signals, **bands)


def _channel_reach(src: PackSource, node: dict[str, Any], where: str) -> tuple[tuple[str, int], ...]:
    """``channel_reach: {sms: 10, push: 10}``: the reach for copy of each named channel (0 to 10 sentences)."""
    spec = node.get("channel_reach")
    if spec is None:
        return ()
    reach: list[tuple[str, int]] = []
    for channel, value in spec.items():
        if channel == LINE_KEY:
            continue
        line = key_line(spec, channel, line_of(node))
        if channel not in CHANNELS:
            raise FatalError(f"{src.name}:{line}: {where}: channel_reach: unknown channel {channel!r}{did_you_mean(str(channel), CHANNELS)}")
        if not schema.whole(0, schema.MAX_REACH).accepts(value):
            raise FatalError(f"{src.name}:{line}: {where}: channel_reach: {channel!r} must be a whole number from 0 to {schema.MAX_REACH}")
        reach.append((str(channel), int(value)))
    return tuple(reach)


def _check_references(
    rules: list[Rule], modifiers: list[Modifier], evidence: list[Evidence], weights: dict[str, float], categories: set[str]
) -> None:
    """Every name a rule uses must exist: a misspelt one would silently never fire."""
    modifier_categories = {m.category for m in modifiers} | CODE_CATEGORIES
    evidence_names = {e.name for e in evidence}
    for rule in rules:
        where = f"{rule.source}:{rule.line}: rule {rule.id}"
        if rule.category not in categories:
            raise FatalError(f"{where}: unknown category {rule.category!r}{did_you_mean(rule.category, categories)} (a pack may declare new ones under 'categories:')")
        if rule.signal is not None and rule.signal not in weights:
            raise FatalError(f"{where}: unknown signal {rule.signal!r}{did_you_mean(rule.signal, weights)}")
        needs = [(where, rule.requires, rule.cancel | rule.soften)]
        needs += [(f"{rule.source}:{frame.line}: rule {rule.id} frame", frame.requires or (), frame.cancel or frozenset()) for frame in rule.frames]
        for at, requires, categories_used in needs:
            for name in requires:
                if name not in evidence_names and name not in weights:
                    raise FatalError(f"{at}: requires unknown evidence or signal {name!r}{did_you_mean(name, evidence_names | set(weights))}")
            for name in sorted(categories_used):
                if name not in modifier_categories:
                    raise FatalError(f"{at}: unknown modifier category {name!r}{did_you_mean(name, modifier_categories)}")
        kinds = {rule.kind} | {p.promise_kind for p in rule.patterns} | {f.kind for f in rule.frames}
        for kind in sorted(k for k in kinds if k):
            if kind not in KINDS:
                raise FatalError(f"{where}: unknown promise kind {kind!r}{did_you_mean(kind, KINDS)}")


def _parse(src: PackSource) -> dict[str, Any]:
    """The pack's top-level mapping, its keys known and of the right type."""
    doc = load_yaml(src.text, src.name)
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise FatalError(f"{src.name}:1: a rule pack must be a mapping with 'rules', 'lists' or 'modifiers'")
    schema.check(doc, schema.PACK, src.name, level="top-level")
    return doc


def _list_words(src: PackSource, name: str, spec: Any, line: int) -> list[str]:
    """A legacy ``lists:`` entry: a list of words, or ``{words: [...], inflect: verb|noun}``."""
    if isinstance(spec, dict):
        schema.check(spec, schema.WORD_LIST, src.name, f"list {name!r}")
        words, inflect = spec.get("words"), spec.get("inflect")
    else:
        words, inflect = spec, None
    if not isinstance(words, list) or not schema.STRINGS.accepts(words):
        raise FatalError(f"{src.name}:{line}: list {name!r} must be a list of words (or a mapping with 'words: [...]')")
    if inflect not in (None, "verb", "noun"):
        raise FatalError(f"{src.name}:{line}: list {name!r}: inflect must be verb or noun")
    return expand(map(str, words), inflect)


def _check_unique(rules: Iterable[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in seen:
            first = seen[rule.id]
            raise FatalError(f"{rule.source}:{rule.line}: duplicate rule id {rule.id} (first in {first.source}:{first.line})")
        seen[rule.id] = rule


class _Builder:
    """Turns YAML mappings into model objects, expanding ``<<list>>`` macros."""

    def __init__(
        self,
        lists: dict[str, tuple[str, ...]],
        lexicons: dict[str, Lexicon] | None = None,
        shapes: dict[str, Shape] | None = None,
        spellings: Spellings = (),
    ) -> None:
        self.lists = lists
        self.lexicons = lexicons or {}
        self.shapes = shapes or {}
        self.spellings = spellings
        self.untrusted_anchors: set[str] = set()
        """Regex anchors written by an untrusted pack: compiled with a time limit."""
        self._inline = 0

    @staticmethod
    def lazy(src: PackSource, pattern: str, where: str, line: int, written: str | None = None) -> LazyRegex:
        """A regex: lazy for trusted packs, checked and compiled now (time-limited) for the others.

        ``written`` is the pattern as the pack wrote it when ``pattern`` has its ``<<lists>>`` put in.
        """
        if src.trusted:
            return LazyRegex(pattern, _FLAGS)
        from cxlint.rulepack.safe_regex import compile_untrusted  # the regex module: only for user packs

        try:
            compiled = compile_untrusted(pattern, _FLAGS, f"{src.name}:{line}: {where}", written)
        except Exception as exc:  # regex.error, or UnsafePattern: refused before compiling
            raise FatalError(f"{src.name}:{line}: {where}: invalid regex: {exc}") from exc
        return LazyRegex(pattern, _FLAGS, compiled)  # type: ignore[arg-type]

    def context(self, src: PackSource, lexicons: dict[str, Lexicon] | None = None) -> FrameContext:
        return FrameContext(
            source=src.name,
            lexicons=lexicons if lexicons is not None else self.lexicons,
            shapes=self.shapes,
            compile_regex=lambda pattern, where, line: self.lazy(src, pattern, where, line),
            allow_regex=not src.trusted,  # built-in rules use lexicons and shapes; regex slots are for user packs
            kinds=frozenset(KINDS),
            spellings=self.spellings,
        )

    def inline_lexicon(self, src: PackSource, words: list[str], line: int) -> Lexicon:
        """A lexicon made of a legacy modifier's phrase list (user packs written before lexicons)."""
        self._inline += 1
        return build_lexicon(f"{src.name}:{line}#{self._inline}", words, None, source=src.name, line=line, spellings=self.spellings)

    def evidence(self, src: PackSource, name: str, spec: Any, line: int) -> Evidence:
        if isinstance(spec, dict):
            schema.check(spec, schema.EVIDENCE, src.name, f"evidence {name!r}")
        if isinstance(spec, dict) and "frames" in spec:
            return Evidence(name, frames=compile_frames(spec["frames"], self.context(src), f"evidence {name}", line))
        if isinstance(spec, dict) and "regex" in spec:
            return Evidence(name, regex=self.regex(src, spec["regex"], f"evidence {name}", line))
        raise FatalError(f"{src.name}:{line}: evidence {name!r} needs 'frames'")

    @staticmethod
    def compile(src: PackSource, expanded: str, where: str, written: str | None = None) -> re.Pattern[str]:
        """Stdlib ``re`` for trusted packs; a checked, time-limited ``regex`` pattern for the others."""
        if src.trusted:
            return re.compile(expanded, _FLAGS)
        from cxlint.rulepack.safe_regex import compile_untrusted

        try:
            return compile_untrusted(expanded, _FLAGS, where, written)  # type: ignore[return-value]
        except Exception as exc:  # regex.error, or UnsafePattern: refused before compiling
            raise re.error(str(exc)) from exc

    def expand_macros(self, src: PackSource, pattern: str, where: str, line: int) -> str:
        def sub(match: re.Match[str]) -> str:
            name = match.group(1)
            if name not in self.lists:
                raise FatalError(f"{src.name}:{line}: {where}: unknown list <<{name}>>")
            return trie_regex(self.lists[name])

        return _MACRO.sub(sub, pattern)

    def regex(self, src: PackSource, pattern: Any, where: str, line: int) -> LazyRegex:
        if not isinstance(pattern, str) or not pattern:
            raise FatalError(f"{src.name}:{line}: {where}: regex must be a non-empty string")
        return self.lazy(src, self.expand_macros(src, pattern, where, line), where, line, written=pattern)

    def modifier(self, src: PackSource, spec: Any) -> Modifier:
        line = line_of(spec)
        given, category = spec.get("name"), spec.get("category")
        name = given if isinstance(given, str) and given else category.lower() if isinstance(category, str) and category else "?"
        schema.check(spec, schema.MODIFIER, src.name, f"modifier {name}")
        if not spec.get("category"):
            raise FatalError(f"{src.name}:{line}: modifier {name}: needs 'category'")
        direction = spec.get("direction", "bidirectional")
        if direction not in DIRECTIONS:
            raise FatalError(f"{src.name}:{line}: modifier {name}: direction must be one of {', '.join(DIRECTIONS)}")
        where = f"modifier {name}"
        ctx = self.context(src)
        triggers: list[Frame] = []
        if "frames" in spec:
            triggers.extend(compile_frames(spec["frames"], ctx, where, line))
        if "trigger" in spec:
            triggers.extend(compile_frames([{"trigger": spec["trigger"]}], ctx, where, line))
        legacy_phrases = self._words(spec.get("phrases") or [])
        if legacy_phrases:
            lexicon = self.inline_lexicon(src, legacy_phrases, line)
            inline = {**self.lexicons, lexicon.name: lexicon}
            triggers.extend(compile_frames([{"trigger": {"lexicon": lexicon.name}}], self.context(src, inline), where, line))
        if spec.get("regex"):
            written = spec["regex"]
            pattern = self.expand_macros(src, written, where, line)
            legacy = dataclasses.replace(  # legacy regex modifiers predate the slot size limit; the user's own limits hold
                ctx, max_regex=None, compile_regex=lambda p, w, ln: self.lazy(src, p, w, ln, written=written)
            )
            triggers.extend(compile_frames([{"trigger": {"regex": pattern}}], legacy, where, line))
        if not triggers:
            raise FatalError(f"{src.name}:{line}: modifier {name} needs 'trigger' or 'frames'")
        max_scope = spec.get("max_scope")
        return Modifier(
            name=name,
            category=str(spec["category"]).upper(),
            triggers=tuple(triggers),
            direction=direction,
            max_scope=max_scope,
            terminators=self._modifier_lexicon(src, spec.get("terminators"), f"{where} terminators", line),
            pseudo=self._modifier_lexicon(src, spec.get("pseudo"), f"{where} pseudo", line),
            document=bool(spec.get("document", False)),
        )

    def _modifier_lexicon(self, src: PackSource, value: Any, where: str, line: int) -> Lexicon | None:
        if value is None or value == []:
            return None
        if isinstance(value, list):  # legacy: an inline word list
            return self.inline_lexicon(src, self._words(value), line)
        name = str(value)
        if name not in self.lexicons:
            raise FatalError(f"{src.name}:{line}: {where}: unknown lexicon {name!r}{did_you_mean(name, self.lexicons)}")
        return self.lexicons[name]

    def _words(self, entries: list[Any]) -> list[str]:
        words: list[str] = []
        for entry in entries:
            macro = _MACRO.fullmatch(str(entry))
            words.extend(self.lists.get(macro.group(1), ()) if macro else [str(entry).lower()])
        return words

    def rule(self, src: PackSource, pack: str, default_category: Any, spec: dict[str, Any]) -> Rule:
        line = line_of(spec)
        rule_id = str(spec.get("id") or "")
        where = f"rule {rule_id or '?'}"
        schema.check(spec, schema.RULE, src.name, where)
        if not _ID.match(rule_id):
            raise FatalError(f"{src.name}:{line}: {where}: id must look like CX101")
        for key in ("name", "message", "rationale", "suggestion"):
            if not isinstance(spec.get(key), str) or not spec[key].strip():
                raise FatalError(f"{src.name}:{line}: {where}: '{key}' is required")
        category = str(spec.get("category") or default_category or "")
        if not category:
            raise FatalError(f"{src.name}:{line}: {where}: 'category' is required")
        severity = spec.get("severity", "warning")
        if severity not in SEVERITIES:
            raise FatalError(f"{src.name}:{line}: {where}: severity must be one of {', '.join(SEVERITIES)}")
        patterns = tuple(self.pattern(src, where, p, line) for p in spec.get("patterns") or [])
        channels = tuple(spec.get("channels") or ())
        for channel in channels:
            if channel not in CHANNELS:
                raise FatalError(f"{src.name}:{key_line(spec, 'channels')}: {where}: unknown channel {channel!r}{did_you_mean(str(channel), CHANNELS)}")
        frames = compile_frames(spec["frames"], self.context(src), where, line, of_rule=True) if "frames" in spec else ()
        detector = spec.get("detector")
        if detector is not None and detector != "builtin":
            raise FatalError(f"{src.name}:{line}: {where}: detector must be 'builtin'")
        if not patterns and not frames and detector is None:
            raise FatalError(f"{src.name}:{line}: {where}: needs 'frames'")
        anchors = tuple(self._anchors(src, where, spec.get("anchors") or [], line))
        needs_anchor = any(p.kind not in ("placeholder",) for p in patterns)
        if needs_anchor and not anchors:
            raise FatalError(f"{src.name}:{line}: {where}: needs 'anchors' (words that must occur for it to match)")
        bad, good = self._examples(src, where, spec.get("examples") or {}, key_line(spec, "examples"))
        return Rule(
            id=rule_id,
            name=str(spec["name"]),
            pack=pack,
            category=category,
            severity=severity,
            message=spec["message"].strip(),
            rationale=spec["rationale"].strip(),
            suggestion=spec["suggestion"].strip(),
            patterns=patterns,
            anchors=anchors,
            signal=spec.get("signal"),
            requires=tuple(str(r) for r in spec.get("requires") or ()),
            reach=spec.get("reach") or 0,
            channel_reach=_channel_reach(src, spec, where),
            cancel=frozenset(str(c).upper() for c in spec.get("cancel") or ()),
            soften=frozenset(str(c).upper() for c in spec.get("soften") or ()),
            kind=spec.get("kind"),
            channels=channels,
            replacement=spec.get("replacement"),
            bad=bad,
            good=good,
            source=src.name,
            line=line,
            frames=frames,
            detector=detector,
        )

    @staticmethod
    def _examples(src: PackSource, where: str, examples: dict[str, Any], line: int) -> tuple[tuple[Example, ...], tuple[Example, ...]]:
        """The rule's bad and good examples; each a string, or a mapping ``{text, channel, fix|fixed}``."""
        schema.check(examples, schema.EXAMPLES, src.name, f"{where}: examples")
        parsed: dict[str, tuple[Example, ...]] = {}
        for group in ("bad", "good"):
            items = examples.get(group) or []
            found = []
            for number, raw in enumerate(items):
                at = item_line(items, number, line)
                if isinstance(raw, dict):
                    schema.check(raw, schema.EXAMPLE, src.name, f"{where}: {group} example")
                elif not isinstance(raw, str):
                    raise FatalError(f"{src.name}:{at}: {where}: a {group} example must be a string or a mapping with 'text'")
                try:
                    found.append(parse_example(raw, bad=group == "bad"))
                except ValueError as exc:
                    raise FatalError(f"{src.name}:{at}: {where}: {exc}") from exc
            parsed[group] = tuple(found)
        return parsed["bad"], parsed["good"]

    def _anchors(self, src: PackSource, where: str, entries: list[Any], line: int) -> list[str]:
        anchors: list[str] = []
        for entry in entries:
            text = str(entry)
            macro = _MACRO.fullmatch(text)
            if macro:
                if macro.group(1) not in self.lists:
                    raise FatalError(f"{src.name}:{line}: {where}: unknown list <<{macro.group(1)}>>")
                anchors.extend(self.lists[macro.group(1)])
            elif text.startswith("re:"):
                self.regex(src, text[3:], where + " anchor", line)
                anchors.append(text)
                if not src.trusted:
                    self.untrusted_anchors.add(text[3:])
            else:
                anchors.append(text.lower())
        return anchors

    def pattern(self, src: PackSource, where: str, spec: dict[str, Any], line: int) -> Pattern:
        pline = line_of(spec) or line
        schema.check(spec, schema.PATTERN, src.name, where)
        if "regex" in spec:
            return Pattern("regex", regex=self.regex(src, spec["regex"], where, pline), promise_kind=spec.get("kind"))
        if "placeholder" in spec:
            return Pattern("placeholder", placeholder=self.regex(src, spec["placeholder"], where + " placeholder", pline))
        if "phrases" in spec:
            phrases = self._words(spec["phrases"] or [])
            if not phrases:
                raise FatalError(f"{src.name}:{pline}: {where}: empty phrase list")
            return Pattern("phrases", phrases=tuple(phrases))
        if "tokens" in spec:
            tokens = strip_lines(spec["tokens"] or [])
            return Pattern("tokens", tokens=tuple(self._expand_token_lists(tokens)))
        raise FatalError(f"{src.name}:{pline}: {where}: pattern needs regex, tokens, phrases or placeholder")

    def _expand_token_lists(self, tokens: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """``{LOWER: {IN: "<<list>>"}}`` takes the list's words."""
        out = []
        for token in tokens:
            token = dict(token)
            for attr, value in list(token.items()):
                if isinstance(value, dict) and isinstance(value.get("IN"), str):
                    macro = _MACRO.fullmatch(value["IN"])
                    if macro:
                        token[attr] = {**value, "IN": list(self.lists.get(macro.group(1), ()))}
            out.append(token)
        return out


def _compile(
    rules: list[Rule],
    modifiers: list[Modifier],
    evidence: list[Evidence],
    packs: list[str],
    builder: _Builder,
) -> RuleSet:
    index: AnchorIndex[Rule] = AnchorIndex()
    regex_anchors: list[tuple[str, list[Rule]]] = []
    for rule in rules:
        for anchor in rule.anchors:
            if anchor.startswith("re:"):
                for existing, owners in regex_anchors:
                    if existing == anchor[3:]:
                        owners.append(rule)
                        break
                else:
                    regex_anchors.append((anchor[3:], [rule]))
            else:
                index.add(anchor, rule)
    compiled_anchors = [
        (
            builder.compile(
                PackSource("anchors", "", trusted=pattern not in builder.untrusted_anchors),
                builder.expand_macros(PackSource("anchors", ""), pattern, "anchor", 0),
                f"anchor {pattern!r} of rules {', '.join(r.id for r in owners)}",
                written=pattern,
            ),
            _dedupe(owners),
        )
        for pattern, owners in regex_anchors
    ]
    from cxlint.engine.gate import GateIndex
    from cxlint.engine.triggers import TriggerIndex

    gates = GateIndex()
    for rule in rules:
        for number, frame in enumerate(rule.frames):
            gates.add(rule.id, number, frame)  # frozen once the record readers' frames are added
    evidence_gates = GateIndex()
    for position, ev in enumerate(evidence):  # keyed by position: two packs may each give frames for one name
        for number, frame in enumerate(ev.frames):
            evidence_gates.add(str(position), number, frame)
    modifier_triggers = TriggerIndex.of(  # the sentence-scoped ones: document_categories reads the others at once
        ((position, number), frame)
        for position, modifier in enumerate(modifiers)
        if not modifier.document
        for number, frame in enumerate(modifier.triggers)
    )
    digit_led = tuple(a for a in compiled_anchors if a[0].pattern.startswith(_DIGIT_LED))
    scanned = tuple(a for a in compiled_anchors if not a[0].pattern.startswith(_DIGIT_LED))
    return RuleSet(
        rules=tuple(rules),
        modifiers=tuple(modifiers),
        evidence=tuple(evidence),
        anchors=index.freeze(),
        regex_anchors=scanned,
        digit_anchors=digit_led,
        placeholder_rules=tuple(r for r in rules if any(p.kind == "placeholder" for p in r.patterns)),
        packs=tuple(packs),
        frame_gates=gates,
        evidence_gates=evidence_gates.freeze(),
        modifier_triggers=modifier_triggers,
    )


def _dedupe(rules: list[Rule]) -> tuple[Rule, ...]:
    seen: dict[str, Rule] = {}
    for rule in rules:
        seen.setdefault(rule.id, rule)
    return tuple(seen.values())


def example_list(rule: Rule) -> list[tuple[str, Example]]:
    """Test ids and examples of a rule: ``CX101::bad[0]``."""
    return [(f"{rule.id}::bad[{i}]", e) for i, e in enumerate(rule.bad)] + [
        (f"{rule.id}::good[{i}]", e) for i, e in enumerate(rule.good)
    ]

