"""Load YAML rule packs into a compiled RuleSet, validating as it goes (errors name file:line)."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cxlint.errors import FatalError
from cxlint.findings import CATEGORIES, SEVERITIES
from cxlint.lexicon.lexicons import Lexicon, build_lexicon
from cxlint.promises.kinds import KINDS
from cxlint.rulepack.examples import parse_example
from cxlint.rulepack.frames import MAX_REGEX_CHARS, Frame, FrameContext, Shape, compile_frames, regex_size
from cxlint.rulepack.model import DIRECTIONS, Evidence, Example, Modifier, Pattern, Rule, RuleSet, Scoring
from cxlint.rulepack.names import did_you_mean
from cxlint.rulepack.sources import pack_root
from cxlint.rulepack.yamlio import MAX_YAML_BYTES, line_of, load_yaml, strip_lines
from cxlint.text.anchors import AnchorIndex
from cxlint.textfile import read_config_text
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.wordlists import expand, trie_regex

_MACRO = re.compile(r"<<(\w+)>>")
_ID = re.compile(r"^[A-Z]{2,5}\d{3,4}$")
_RULE_KEYS = frozenset(
    "id name category severity message rationale suggestion patterns anchors signal requires cancel soften "
    "kind channels replacement examples reach frames detector __line__".split()
)
_PACK_KEYS = frozenset("pack category categories lists lexicons shapes signals scoring evidence modifiers rules __line__".split())
_MODIFIER_KEYS = frozenset("name category phrases regex trigger frames direction max_scope terminators pseudo document __line__".split())
_LEXICON_KEYS = frozenset("words pos about include __line__".split())
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
        unknown = sorted(set(doc) - _PACK_KEYS)
        if unknown:
            raise FatalError(f"{src.name}:{line_of(doc)}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], _PACK_KEYS - {'__line__'})}")
        for name, spec in (doc.get("lists") or {}).items():
            if name == "__line__":
                continue
            lists[name] = tuple(_list_words(src, name, spec))
    lexicons = _lexicons(documents)
    shapes = _shapes(documents)
    builder = _Builder(lists, lexicons, shapes)
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
        if doc.get("rules") or doc.get("modifiers") or doc.get("evidence") or doc.get("lists"):
            packs.append(pack)
        pack_scoring = _scoring(src, doc)
        if pack_scoring is not None:
            scoring[pack] = pack_scoring
            weights.update(pack_scoring.signals)
        for name, spec in (doc.get("evidence") or {}).items():
            if name != "__line__":
                evidence.append(builder.evidence(src, str(name), spec))
        for spec in doc.get("modifiers") or []:
            modifiers.append(builder.modifier(src, spec))
    for src, doc in documents:
        pack = str(doc.get("pack") or Path(src.name).stem)
        for spec in doc.get("rules") or []:
            rules.append(builder.rule(src, pack, doc.get("category"), spec))
    _check_unique(rules)
    _check_references(rules, modifiers, evidence, weights, categories)
    ruleset = _compile(rules, modifiers, evidence, packs, builder)
    ruleset.scoring = scoring
    ruleset.lexicons = dict(lexicons)
    ruleset.shapes = dict(shapes)
    return ruleset


def _lexicons(documents: list[tuple[PackSource, dict[str, Any]]]) -> dict[str, Lexicon]:
    """Every lexicon of every pack, compiled, includes resolved (a name may be defined once)."""
    specs: dict[str, tuple[PackSource, Any]] = {}
    for src, doc in documents:
        for name, spec in (doc.get("lexicons") or {}).items():
            if name == "__line__":
                continue
            name = str(name)
            if name in specs:
                first = specs[name][0]
                raise FatalError(f"{src.name}:{line_of(spec) or line_of(doc)}: lexicon {name!r} is already defined in {first.name}")
            specs[name] = (src, spec)
    built: dict[str, Lexicon] = {}

    def build(name: str, trail: tuple[str, ...]) -> Lexicon:
        if name in built:
            return built[name]
        src, spec = specs[name]
        line = line_of(spec)
        if name in trail:
            raise FatalError(f"{src.name}:{line}: lexicon {name!r} includes itself ({' -> '.join(trail + (name,))})")
        if isinstance(spec, list):
            spec = {"words": spec}
        if not isinstance(spec, dict):
            raise FatalError(f"{src.name}:{line}: lexicon {name!r} must be a list of words or a mapping with 'words'")
        unknown = sorted(set(spec) - _LEXICON_KEYS)
        if unknown:
            raise FatalError(f"{src.name}:{line}: lexicon {name!r}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], _LEXICON_KEYS - {'__line__'})}")
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
        lexicon = build_lexicon(name, (str(w) for w in words), pos, str(spec.get("about") or ""), src.name, line, extra)
        built[name] = lexicon
        return lexicon

    for name in specs:
        build(name, ())
    return built


def _shapes(documents: list[tuple[PackSource, dict[str, Any]]]) -> dict[str, Shape]:
    shapes: dict[str, Shape] = {}
    for src, doc in documents:
        for name, spec in (doc.get("shapes") or {}).items():
            if name == "__line__":
                continue
            line = line_of(spec) or line_of(doc)
            pattern = spec.get("regex") if isinstance(spec, dict) else spec
            if not isinstance(pattern, str) or not pattern.strip():
                raise FatalError(f"{src.name}:{line}: shape {name!r} needs a regex")
            if regex_size(pattern) > MAX_REGEX_CHARS:
                raise FatalError(f"{src.name}:{line}: shape {name!r} is longer than {MAX_REGEX_CHARS} characters; split it")
            if str(name) in shapes:
                raise FatalError(f"{src.name}:{line}: shape {name!r} is already defined in {shapes[str(name)].source}")
            regex = _Builder.lazy(src, pattern.strip(), f"shape {name}", line)
            about = str(spec.get("about") or "") if isinstance(spec, dict) else ""
            shapes[str(name)] = Shape(str(name), pattern, regex, about, src.name, line)
    return shapes


def _scoring(src: PackSource, doc: dict[str, Any]) -> Scoring | None:
    spec = doc.get("scoring")
    if spec is None:
        legacy = doc.get("signals")
        if not legacy:
            return None
        spec = {"signals": legacy}
    line = line_of(spec) or line_of(doc)
    if not isinstance(spec, dict):
        raise FatalError(f"{src.name}:{line}: scoring must be a mapping with 'signals'")
    unknown = sorted(set(spec) - {"signals", "error_at", "info_below", "__line__"})
    if unknown:
        raise FatalError(f"{src.name}:{line}: scoring: unknown key {unknown[0]!r}{did_you_mean(unknown[0], ['signals', 'error_at', 'info_below'])}")
    signals: dict[str, float] = {}
    for key, value in (spec.get("signals") or {}).items():
        if key == "__line__":
            continue
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < float(value) <= 100:
            raise FatalError(f"{src.name}:{line}: scoring: signal {key!r} needs a weight between 0 and 100")
        signals[str(key)] = float(value)
    bands = {}
    for key in ("error_at", "info_below"):
        value = spec.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= float(value) <= 1000):
            raise FatalError(f"{src.name}:{line}: scoring: {key} must be a number")
        if value is not None:
            bands[key] = float(value)
    return Scoring(signals, **bands)


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
        for name in rule.requires:
            if name not in evidence_names and name not in weights:
                raise FatalError(f"{where}: requires unknown evidence or signal {name!r}{did_you_mean(name, evidence_names | set(weights))}")
        for name in sorted(rule.cancel | rule.soften):
            if name not in modifier_categories:
                raise FatalError(f"{where}: unknown modifier category {name!r}{did_you_mean(name, modifier_categories)}")
        kinds = {rule.kind} | {p.promise_kind for p in rule.patterns} | {f.kind for f in rule.frames}
        for kind in sorted(k for k in kinds if k):
            if kind not in KINDS:
                raise FatalError(f"{where}: unknown promise kind {kind!r}{did_you_mean(kind, KINDS)}")


def _parse(src: PackSource) -> dict[str, Any]:
    try:
        doc = load_yaml(src.text)
    except Exception as exc:  # yaml.YAMLError and C-loader errors alike
        mark = getattr(exc, "problem_mark", None)
        where = f"{src.name}:{mark.line + 1}" if mark else src.name
        raise FatalError(f"{where}: invalid YAML: {getattr(exc, 'problem', None) or exc}") from exc
    if doc is None:
        return {}
    if not isinstance(doc, dict):
        raise FatalError(f"{src.name}: a rule pack must be a mapping with 'rules', 'lists' or 'modifiers'")
    return doc


def _list_words(src: PackSource, name: str, spec: Any) -> list[str]:
    if isinstance(spec, list):
        return expand(map(str, spec), None)
    if not isinstance(spec, dict) or not isinstance(spec.get("words"), list):
        raise FatalError(f"{src.name}:{line_of(spec)}: list {name!r} needs 'words: [...]'")
    inflect = spec.get("inflect")
    if inflect not in (None, "verb", "noun"):
        raise FatalError(f"{src.name}:{line_of(spec)}: list {name!r}: inflect must be verb or noun")
    return expand(map(str, spec["words"]), inflect)


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
        self, lists: dict[str, tuple[str, ...]], lexicons: dict[str, Lexicon] | None = None, shapes: dict[str, Shape] | None = None
    ) -> None:
        self.lists = lists
        self.lexicons = lexicons or {}
        self.shapes = shapes or {}
        self.untrusted_anchors: set[str] = set()
        """Regex anchors written by an untrusted pack: compiled with a time limit."""
        self._inline = 0

    @staticmethod
    def lazy(src: PackSource, pattern: str, where: str, line: int) -> LazyRegex:
        """A regex of a shape or slot: lazy for trusted packs, compiled now (time-limited) for the others."""
        if src.trusted:
            return LazyRegex(pattern, _FLAGS)
        try:
            from cxlint.rulepack.safe_regex import compile_untrusted  # the regex module: only for user packs

            return LazyRegex(pattern, _FLAGS, compile_untrusted(pattern, _FLAGS, f"{src.name}:{line}: {where}"))  # type: ignore[arg-type]
        except Exception as exc:  # regex.error
            raise FatalError(f"{src.name}:{line}: {where}: invalid regex: {exc}") from exc

    def context(self, src: PackSource, lexicons: dict[str, Lexicon] | None = None) -> FrameContext:
        return FrameContext(
            source=src.name,
            lexicons=lexicons if lexicons is not None else self.lexicons,
            shapes=self.shapes,
            compile_regex=lambda pattern, where, line: self.lazy(src, pattern, where, line),
            allow_regex=not src.trusted,  # built-in rules use lexicons and shapes; regex slots are for user packs
            kinds=frozenset(KINDS),
        )

    def inline_lexicon(self, src: PackSource, words: list[str], line: int) -> Lexicon:
        """A lexicon made of a legacy modifier's phrase list (user packs written before lexicons)."""
        self._inline += 1
        return build_lexicon(f"{src.name}:{line}#{self._inline}", words, None, source=src.name, line=line)

    def evidence(self, src: PackSource, name: str, spec: Any) -> Evidence:
        line = line_of(spec)
        if isinstance(spec, dict) and "frames" in spec:
            return Evidence(name, frames=compile_frames(spec["frames"], self.context(src), f"evidence {name}", line))
        if isinstance(spec, dict) and "regex" in spec:
            return Evidence(name, regex=self.regex(src, spec["regex"], f"evidence {name}", line))
        raise FatalError(f"{src.name}:{line}: evidence {name!r} needs 'frames'")

    @staticmethod
    def compile(src: PackSource, expanded: str, where: str) -> re.Pattern[str]:
        """Stdlib ``re`` for trusted packs; a time-limited ``regex`` pattern for the others."""
        if src.trusted:
            return re.compile(expanded, _FLAGS)
        try:
            from cxlint.rulepack.safe_regex import compile_untrusted

            return compile_untrusted(expanded, _FLAGS, where)  # type: ignore[return-value]
        except Exception as exc:  # regex.error
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
        expanded = self.expand_macros(src, pattern, where, line)
        if src.trusted:
            return LazyRegex(expanded, _FLAGS)
        try:
            return LazyRegex(expanded, _FLAGS, self.compile(src, expanded, f"{src.name}:{line}: {where}"))  # type: ignore[arg-type]
        except re.error as exc:
            raise FatalError(f"{src.name}:{line}: {where}: invalid regex: {exc}") from exc

    def modifier(self, src: PackSource, spec: Any) -> Modifier:
        line = line_of(spec)
        if not isinstance(spec, dict) or "category" not in spec:
            raise FatalError(f"{src.name}:{line}: a modifier needs 'category'")
        name = str(spec.get("name") or spec["category"].lower())
        unknown = sorted(set(spec) - _MODIFIER_KEYS)
        if unknown:
            raise FatalError(f"{src.name}:{line}: modifier {name}: unknown key {unknown[0]!r}{did_you_mean(unknown[0], _MODIFIER_KEYS - {'__line__'})}")
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
            pattern = self.expand_macros(src, str(spec["regex"]), where, line)
            legacy = dataclasses.replace(ctx, max_regex=None)  # legacy regex modifiers predate the size limit
            triggers.extend(compile_frames([{"trigger": {"regex": pattern}}], legacy, where, line))
        if not triggers:
            raise FatalError(f"{src.name}:{line}: modifier {name} needs 'trigger' or 'frames'")
        max_scope = spec.get("max_scope")
        if max_scope is not None and (isinstance(max_scope, bool) or not isinstance(max_scope, int) or not 0 <= max_scope <= 200):
            raise FatalError(f"{src.name}:{line}: modifier {name}: max_scope must be a whole number from 0 to 200")
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

    def rule(self, src: PackSource, pack: str, default_category: Any, spec: Any) -> Rule:
        line = line_of(spec)
        if not isinstance(spec, dict):
            raise FatalError(f"{src.name}:{line}: each rule must be a mapping")
        rule_id = str(spec.get("id", ""))
        where = f"rule {rule_id or '?'}"
        unknown = sorted(set(spec) - _RULE_KEYS)
        if unknown:
            raise FatalError(f"{src.name}:{line}: {where}: unknown key {unknown[0]!r}")
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
        frames = compile_frames(spec["frames"], self.context(src), where, line) if "frames" in spec else ()
        detector = spec.get("detector")
        if detector is not None and detector != "builtin":
            raise FatalError(f"{src.name}:{line}: {where}: detector must be 'builtin'")
        if not patterns and not frames and detector is None:
            raise FatalError(f"{src.name}:{line}: {where}: needs 'frames'")
        anchors = tuple(self._anchors(src, where, spec.get("anchors") or [], line))
        needs_anchor = any(p.kind not in ("placeholder",) for p in patterns)
        if needs_anchor and not anchors:
            raise FatalError(f"{src.name}:{line}: {where}: needs 'anchors' (words that must occur for it to match)")
        examples = spec.get("examples") or {}
        try:
            bad = tuple(parse_example(e, bad=True) for e in examples.get("bad") or [])
            good = tuple(parse_example(e, bad=False) for e in examples.get("good") or [])
        except ValueError as exc:
            raise FatalError(f"{src.name}:{line}: {where}: {exc}") from exc
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
            requires=tuple(spec.get("requires") or ()),
            reach=int(spec.get("reach", 0)),
            cancel=frozenset(str(c).upper() for c in spec.get("cancel") or ()),
            soften=frozenset(str(c).upper() for c in spec.get("soften") or ()),
            kind=spec.get("kind"),
            channels=tuple(spec.get("channels") or ()),
            replacement=spec.get("replacement"),
            bad=bad,
            good=good,
            source=src.name,
            line=line,
            frames=frames,
            detector=detector,
        )

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

    def pattern(self, src: PackSource, where: str, spec: Any, line: int) -> Pattern:
        if not isinstance(spec, dict):
            raise FatalError(f"{src.name}:{line}: {where}: each pattern is a mapping with regex, tokens, phrases or placeholder")
        pline = line_of(spec) or line
        if "regex" in spec:
            return Pattern("regex", regex=self.regex(src, spec["regex"], where, pline), promise_kind=spec.get("kind"))
        if "placeholder" in spec:
            return Pattern("placeholder", placeholder=self.regex(src, spec["placeholder"], where + " placeholder", pline))
        if "phrases" in spec:
            phrases = self._words(list(spec["phrases"]))
            if not phrases:
                raise FatalError(f"{src.name}:{pline}: {where}: empty phrase list")
            return Pattern("phrases", phrases=tuple(phrases))
        if "tokens" in spec:
            tokens = strip_lines(spec["tokens"])
            if not isinstance(tokens, list) or not all(isinstance(t, dict) for t in tokens):
                raise FatalError(f"{src.name}:{pline}: {where}: tokens must be a list of spaCy token specs")
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
            ),
            _dedupe(owners),
        )
        for pattern, owners in regex_anchors
    ]
    from cxlint.engine.gate import GateIndex

    gates = GateIndex()
    for rule in rules:
        for number, frame in enumerate(rule.frames):
            gates.add(rule.id, number, frame)
    gates.freeze()
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

