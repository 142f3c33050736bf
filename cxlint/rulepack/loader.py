"""Load YAML rule packs into a compiled RuleSet, validating as it goes (errors name file:line)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from cxlint.errors import FatalError
from cxlint.findings import CATEGORIES, SEVERITIES
from cxlint.rulepack.examples import parse_example
from cxlint.rulepack.model import DIRECTIONS, Evidence, Example, Modifier, Pattern, Rule, RuleSet
from cxlint.rulepack.safe_regex import compile_untrusted
from cxlint.rulepack.yamlio import MAX_YAML_BYTES, line_of, load_yaml, strip_lines
from cxlint.text.anchors import AnchorIndex
from cxlint.textfile import read_config_text
from cxlint.text.lazyregex import LazyRegex
from cxlint.text.wordlists import expand, trie_regex

_MACRO = re.compile(r"<<(\w+)>>")
_ID = re.compile(r"^[A-Z]{2,5}\d{3,4}$")
_RULE_KEYS = frozenset(
    "id name category severity message rationale suggestion patterns anchors signal requires cancel soften "
    "kind channels replacement examples reach __line__".split()
)
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
    """The packs shipped inside the wheel, in name order."""
    root = resources.files("cxlint.packs")
    return sorted(
        (
            PackSource(f"rules/{item.name}", item.read_text(encoding="utf-8"), trusted=True)
            for item in root.iterdir()
            if item.name.endswith(".yaml")
        ),
        key=lambda s: s.name,
    )


def source_from_path(path: str) -> PackSource:
    """A user's pack file (untrusted: compiled at load, its regexes time-limited)."""
    return PackSource(path, read_config_text(path, "rule pack", MAX_YAML_BYTES))


def load_ruleset(sources: Sequence[PackSource]) -> RuleSet:
    """Parse every pack, expand word lists, compile patterns and the candidate trigger."""
    documents = [(src, _parse(src)) for src in sources]
    lists: dict[str, tuple[str, ...]] = {}
    for src, doc in documents:
        for name, spec in (doc.get("lists") or {}).items():
            if name == "__line__":
                continue
            lists[name] = tuple(_list_words(src, name, spec))
    builder = _Builder(lists)
    rules: list[Rule] = []
    modifiers: list[Modifier] = []
    evidence: list[Evidence] = []
    weights: dict[str, float] = {}
    packs: list[str] = []
    for src, doc in documents:
        pack = str(doc.get("pack") or Path(src.name).stem)
        packs.append(pack)
        for key, value in (doc.get("signals") or {}).items():
            if key != "__line__":
                weights[key] = float(value)
        for name, spec in (doc.get("evidence") or {}).items():
            if name != "__line__":
                evidence.append(Evidence(name, builder.regex(src, spec.get("regex", ""), f"evidence {name}", line_of(spec))))
        for spec in doc.get("modifiers") or []:
            modifiers.append(builder.modifier(src, spec))
        for spec in doc.get("rules") or []:
            rules.append(builder.rule(src, pack, doc.get("category"), spec))
    _check_unique(rules)
    return _compile(rules, modifiers, evidence, weights, lists, packs, builder)


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

    def __init__(self, lists: dict[str, tuple[str, ...]]) -> None:
        self.lists = lists
        self.untrusted_anchors: set[str] = set()
        """Regex anchors written by an untrusted pack: compiled with a time limit."""

    @staticmethod
    def compile(src: PackSource, expanded: str, where: str) -> re.Pattern[str]:
        """Stdlib ``re`` for trusted packs; a time-limited ``regex`` pattern for the others."""
        if src.trusted:
            return re.compile(expanded, _FLAGS)
        try:
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
        direction = spec.get("direction", "bidirectional")
        if direction not in DIRECTIONS:
            raise FatalError(f"{src.name}:{line}: modifier {name}: direction must be one of {', '.join(DIRECTIONS)}")
        phrases = self._words(spec.get("phrases") or [])
        regex = self.regex(src, spec["regex"], f"modifier {name}", line) if spec.get("regex") else None
        if not phrases and regex is None:
            raise FatalError(f"{src.name}:{line}: modifier {name} needs 'phrases' or 'regex'")
        max_scope = spec.get("max_scope")
        return Modifier(
            name=name,
            category=str(spec["category"]).upper(),
            phrases=tuple(phrases),
            direction=direction,
            max_scope=int(max_scope) if max_scope is not None else None,
            terminators=tuple(str(t).lower() for t in spec.get("terminators") or ()),
            pseudo=tuple(self._words(spec.get("pseudo") or [])),
            regex=regex,
            document=bool(spec.get("document", False)),
        )

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
        if not patterns:
            raise FatalError(f"{src.name}:{line}: {where}: needs at least one pattern")
        anchors = tuple(self._anchors(src, where, spec.get("anchors") or [], line))
        needs_anchor = any(p.kind != "placeholder" for p in patterns)
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
            category=category if category in CATEGORIES else category,
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
    weights: dict[str, float],
    lists: dict[str, tuple[str, ...]],
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
    digit_led = tuple(a for a in compiled_anchors if a[0].pattern.startswith(_DIGIT_LED))
    scanned = tuple(a for a in compiled_anchors if not a[0].pattern.startswith(_DIGIT_LED))
    return RuleSet(
        rules=tuple(rules),
        modifiers=tuple(modifiers),
        evidence=tuple(evidence),
        signal_weights=weights,
        anchors=index.freeze(),
        regex_anchors=scanned,
        digit_anchors=digit_led,
        placeholder_rules=tuple(r for r in rules if any(p.kind == "placeholder" for p in r.patterns)),
        packs=tuple(packs),
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
