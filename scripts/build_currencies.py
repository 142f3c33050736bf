#!/usr/bin/env python3
"""Generate the currency shapes from Unicode CLDR (rules/currencies.generated.yaml).

usage: python scripts/build_currencies.py [--check]

The currencies are those ISO 4217 gives a territory as legal tender today. For each, CLDR (through
Babel) gives its code, its sign in English and in each locale of the territories that use it
("R" in en_ZA, "kr" in sv_SE, "RM" in ms_MY), and its English names ("Swiss franc", "Swiss
francs"), whose last word is the unit copy writes after an amount. rules/sources/currency-seeds.yaml
adds the signs English copy writes that CLDR does not give ("S$") and leaves out signs, codes and
names that are English words first. Each word maps to the codes it can stand for, the first being
the one it reads as ("$": USD, then every dollar). The generated file is committed with this
provenance, so cxlint needs neither Babel nor WordNet nor wordfreq to run. With --check, exit 1 if
the committed file is not what this script would write. The test extras pin the Babel release (and so
the CLDR data) the committed file was written from, so a newer CLDR changes it only on purpose.
"""

from __future__ import annotations

import datetime
import importlib.util
import unicodedata
from collections import defaultdict
from pathlib import Path
from types import ModuleType

import yaml

REPO = Path(__file__).resolve().parent.parent
SEEDS = REPO / "rules" / "sources" / "currency-seeds.yaml"
OUT = REPO / "rules" / "currencies.generated.yaml"
TODAY = datetime.date(2026, 1, 1)
"""Legal tender on this day (fixed, so the file does not change with the day it is built)."""
_OWNER_SIGNS = ("$", "£", "€", "¥")
"""Signs one currency owns in English ("$" is the US dollar's), whose owner a bare sign or unit reads as."""


def _wordnet_builder() -> ModuleType:
    """scripts/build_wordnet_lexicons.py: its WordNet reader and its command line."""
    spec = importlib.util.spec_from_file_location("build_wordnet_lexicons", REPO / "scripts" / "build_wordnet_lexicons.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _english_words(wordnet_folder: Path) -> set[str]:
    """Every lemma WordNet knows, lower case: the words an ISO code must not be when written in capitals."""
    return {lemma for lemma, _pos in _wordnet_builder().WordNet(wordnet_folder).index}


def _sign_like(sign: str) -> bool:
    """A sign English copy can write: Latin letters, dots, slashes ("S/", the sol) and currency symbols (not
    another script's word)."""
    return all(
        unicodedata.category(ch) == "Sc" or ch in "./" or (ch.isalpha() and "LATIN" in unicodedata.name(ch, ""))
        for ch in sign
    )


def _legal_tender() -> dict[str, set[str]]:
    """ISO 4217 code -> the territories whose legal tender it is today."""
    from babel import Locale
    from babel.numbers import get_territory_currencies

    out: dict[str, set[str]] = defaultdict(set)
    for territory in Locale("en").territories:
        if len(territory) == 2 and territory.isalpha():
            for code in get_territory_currencies(territory, start_date=TODAY, end_date=TODAY, tender=True):
                out[code].add(territory)
    return out


def _locales_by_territory() -> dict[str, list[str]]:
    from babel import Locale, localedata

    out: dict[str, list[str]] = defaultdict(list)
    for identifier in localedata.locale_identifiers():
        locale = Locale.parse(identifier)
        if locale.territory and not locale.script and not locale.variant:
            out[locale.territory].append(identifier)
    return out


def _ordered(codes: set[str], owner: dict[str, str], english_users: dict[str, int], word: str) -> list[str]:
    """What a word reads as, then every code it can stand for: its one code, or the owner of its sign
    ("$": USD), or else the word itself ("kr": kr, then DKK NOK SEK)."""
    if len(codes) == 1:
        return sorted(codes)
    first = owner[word] if word in owner and owner[word] in codes else " ".join(word.split())
    return [first] + sorted(codes - {first}, key=lambda code: (-english_users.get(code, 0), code))


def build(wordnet_folder: Path) -> str:
    from babel.numbers import get_currency_name, get_currency_symbol
    from wordfreq import zipf_frequency

    seeds = yaml.safe_load(SEEDS.read_text(encoding="utf-8"))
    tender = _legal_tender()
    locales = _locales_by_territory()
    english_users = {code: sum(1 for t in where for loc in locales[t] if loc.startswith("en_")) for code, where in tender.items()}
    owner = {get_currency_symbol(code, "en"): code for code in tender if get_currency_symbol(code, "en") in _OWNER_SIGNS}

    signs: dict[str, set[str]] = defaultdict(set)
    for code, where in tender.items():
        signs[get_currency_symbol(code, "en")].add(code)
        for territory in where:
            for locale in locales[territory]:
                sign = get_currency_symbol(code, locale)
                if sign != code and _sign_like(sign):
                    signs[sign].add(code)
    for sign, codes in (seeds["signs"].get("add") or {}).items():
        signs[str(sign)].update(codes)
    dropped = {str(s) for s in seeds["signs"].get("exclude") or ()}
    signs = {sign: codes for sign, codes in signs.items() if sign not in dropped and sign not in tender and _sign_like(sign)}
    for sign in [s for s in signs if s.endswith(".") and s[:-1] in signs]:
        signs[sign] |= signs[sign[:-1]]  # "249 kr." may be "kr" ending its sentence

    words = _english_words(wordnet_folder)
    code_drop = {str(c) for c in seeds["codes"].get("exclude") or ()}
    code_keep = {str(c) for c in seeds["codes"].get("keep") or ()}
    codes = {code: {code} for code in tender if (code.lower() not in words or code in code_keep) and code not in code_drop}
    after_sign = {str(c) for c in seeds["codes"].get("after_sign") or ()}
    codes_after = {code: {code} for code in tender if code in after_sign and code not in codes}

    names: dict[str, set[str]] = defaultdict(set)
    for code in tender:
        for count in (1, 2):
            name = get_currency_name(code, count=count, locale="en").lower()
            if name and name != code.lower():
                names[name].add(code)
                names[name.split()[-1]].add(code)
    for name, name_codes in (seeds["names"].get("add") or {}).items():
        names[str(name)].update(name_codes)
    keep = {str(w) for w in seeds["names"].get("keep") or ()}
    name_drop = {str(w) for w in seeds["names"].get("exclude") or ()}
    max_zipf = float(seeds["names"]["max_zipf"])
    names = {
        name: name_codes for name, name_codes in names.items()
        if name not in name_drop and (name in keep or " " in name or zipf_frequency(name, "en") < max_zipf)
    }
    # a unit of a sign's owner reads as that owner ("dollars": USD, as "$" does; "pounds": GBP)
    name_owner = {
        get_currency_name(code, count=count, locale="en").lower().split()[-1]: code
        for code in owner.values()
        for count in (1, 2)
    }

    def table(entries: dict[str, set[str]], owners: dict[str, str]) -> list[str]:
        return [
            f"      {_scalar(word)}: {_scalar(' '.join(_ordered(entry, owners, english_users, word)))}"
            for word, entry in sorted(entries.items(), key=lambda item: (item[0].lower(), item[0]))
        ]

    lines = [
        "# GENERATED by scripts/build_currencies.py from rules/sources/currency-seeds.yaml: do not edit.",
        "# Provenance: Unicode CLDR (through Babel) for ISO 4217 legal tender, its signs in English and in the",
        "# locales of the territories that use it, and its English names; WordNet (Debian wordnet-base) and",
        "# wordfreq to leave out codes and names that are English words first. Each word maps to what it reads",
        "# as (its one code, the owner of its sign, or else the word itself), then every code it can stand for.",
        "shapes:",
        "  currency_sign:",
        "    about: 'A currency sign written beside an amount: $, £, €, R, kr, zł, RM, S$, NZ$.'",
        "    case: sensitive",
        "    words:",
        *table(signs, owner),
        "  currency_code:",
        "    about: 'An ISO 4217 code in capitals: USD, CHF, SEK, ZAR.'",
        "    case: sensitive",
        "    words:",
        *table(codes, {}),
        "  currency_code_after_sign:",
        "    about: 'An ISO 4217 code left out on its own that may follow a signed amount, naming its currency: $149 CAD.'",
        "    case: sensitive",
        "    words:",
        *table(codes_after, {}),
        "  currency_name:",
        "    about: 'A currency named after an amount: dollars, rand, kronor, Swiss francs, quid.'",
        "    words:",
        *table(names, name_owner),
    ]
    return "\n".join(lines) + "\n"


def _scalar(value: str) -> str:
    return yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1000).strip().removesuffix("...").strip()


if __name__ == "__main__":
    _wordnet_builder().generate(__doc__, build, OUT)
