"""Money in every currency: the word shapes it is read with, what each sign reads as, and which amounts compare."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from cxlint.errors import FatalError
from cxlint.promises.values import Money, compare, parse_amount
from cxlint.rulepack.loader import PackSource, builtin_sources, compile_ruleset
from cxlint.rulepack.sources import pack_root
from cxlint.text import sentences

REPO = Path(__file__).resolve().parent.parent


def _pack(text: str) -> PackSource:
    return PackSource("user.yaml", text)


def test_a_shape_of_words_matches_its_longest_word_and_keeps_its_values() -> None:
    pack = _pack("shapes:\n  sign:\n    case: sensitive\n    words:\n      $: USD AUD\n      A$: AUD\n")
    shape = compile_ruleset([pack]).shapes["sign"]
    assert shape.regex.compiled.search("from A$20").group() == "A$"
    assert dict(shape.values) == {"$": "USD AUD", "A$": "AUD"}
    assert shape.regex.compiled.search("from a$20").group() == "$"  # case-sensitive: "a$" is not "A$"


@pytest.mark.parametrize(
    ("spec", "error"),
    [
        ("    words: {}\n", "must map each word"),
        ("    case: loud\n    words: {kr: SEK}\n", "case must be"),
        ("    regex: 'kr'\n    words: {kr: SEK}\n", "both 'regex' and 'words'"),
    ],
)
def test_a_malformed_shape_of_words_stops_the_load_naming_it(spec: str, error: str) -> None:
    with pytest.raises(FatalError, match=error) as caught:
        compile_ruleset([_pack("shapes:\n  sign:\n" + spec)])
    assert "user.yaml:2" in str(caught.value)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("R899", 899, "ZAR"),
        ("ZAR 499", 499, "ZAR"),
        ("S$12.50", 12.5, "SGD"),
        ("NZ$20", 20, "NZD"),
        ("CHF 49", 49, "CHF"),
        ("49 Swiss francs", 49, "CHF"),
        ("RM 25", 25, "MYR"),
        ("200 zł", 200, "PLN"),
        ("£1,200", 1200, "GBP"),
        ("$5k", 5000, "USD"),
        ("40 EUR", 40, "EUR"),
        ("500 rand", 500, "ZAR"),
        ("299 kr", 299, "kr"),
        ("KSh 1,950", 1950, "KES"),
        ("Kshs. 500", 500, "KES"),
        ("Rs. 299", 299, "Rs."),
        ("290.000 đ", 290_000, "VND"),
        ("1.299,90 reais", 1299.9, "BRL"),
        ("LE 1,299", 1299, "EGP"),
        ("49 złoty", 49, "PLN"),
        ("Ksh. 1,500", 1500, "KES"),
        ("Php 599", 599, "PHP"),
        ("VNĐ 1.290.000", 1_290_000, "VND"),
        ("Dhs. 199", 199, "AED"),
        ("$4,999 MXN", 4999, "MXN"),
        ("$49 USD", 49, "USD"),
        ("S/ 149.90", 149.9, "PEN"),
        ("S/49", 49, "PEN"),
        ("S/. 1,200", 1200, "PEN"),
        ("B/. 25", 25, "PAB"),
        ("THB 1,200", 1200, "THB"),
        ("INR 4,999", 4999, "INR"),
        ("PEN 59.90", 59.9, "PEN"),
        ("Tk 1,000", 1000, "BDT"),
        ("Tk. 300", 300, "BDT"),
        ("1.299 TL", 1299, "TRY"),
        ("$149 CAD", 149, "CAD"),
        ("COP 350,000", 350_000, "COP"),
        ("350.000 COP", 350_000, "COP"),
        ("$350.000 COP", 350_000, "COP"),
        ("COL$390.000", 390_000, "COP"),
    ],
)
def test_an_amount_reads_in_its_currency(text: str, amount: float, currency: str) -> None:
    money = parse_amount(text)
    assert money is not None and money.amount == amount and money.currency == currency


@pytest.mark.parametrize("text", ["PHP 8 support", "Q4 results", "TRY 30 DAYS FREE", "ALL 3 PLANS", "K-12 classrooms", "100 real users", "r899", "top 10", "a pen 2 pack", "CAD 2024 drawings", "a cop 2 blocks away"])
def test_letters_and_words_that_are_not_money_read_as_none(text: str) -> None:
    assert parse_amount(text) is None


def test_amounts_compare_only_when_their_currencies_can_be_the_same() -> None:
    bare, nz, au = parse_amount("$15"), parse_amount("NZ$15"), parse_amount("A$12")
    assert compare("price", bare, nz) == 0  # "$" can be the New Zealand dollar
    assert compare("price", au, nz) is None  # two named dollars never compare
    assert compare("price", parse_amount("249 kr"), parse_amount("SEK 299")) == 1
    assert compare("price", parse_amount("249 kr"), parse_amount("CHF 299")) is None
    assert Money(5.0, "").same_currency(Money(5.0, "ZAR"))  # an amount with no currency compares with any


def test_a_code_after_a_signed_amount_says_which_currency_the_sign_is() -> None:
    """"$4,999 MXN" was read as US dollars, so it compared with a US price and not only with pesos."""
    pesos = parse_amount("$4,999 MXN/month")
    assert pesos == Money(4999.0, "MXN") and not pesos.alike
    assert compare("price", pesos, parse_amount("MX$4,999")) == 0
    assert compare("price", pesos, parse_amount("US$4,999")) is None
    assert parse_amount("$49 and up").currency == "USD"  # no code after: the sign reads as before


def test_the_built_in_currency_shapes_come_from_the_generated_file() -> None:
    names = {src.name for src in builtin_sources()}
    assert "rules/currencies.generated.yaml" in names


@pytest.mark.skipif(
    not Path("/usr/share/wordnet/data.noun").exists() or any(importlib.util.find_spec(m) is None for m in ("babel", "wordfreq")),
    reason="needs WordNet (Debian wordnet-base), Babel and wordfreq",
)
def test_generated_currencies_are_current() -> None:
    done = subprocess.run([sys.executable, str(REPO / "scripts" / "build_currencies.py"), "--check"], cwd=REPO)
    assert done.returncode == 0, "run scripts/build_currencies.py and commit rules/currencies.generated.yaml"


def test_the_sentence_splitter_knows_every_dotted_sign() -> None:
    """"Rs. 299" is one sentence only if the splitter knows "Rs." is a sign: its list must be the data's."""
    data = yaml.safe_load((pack_root() / "currencies.generated.yaml").read_text(encoding="utf-8"))
    dotted = {sign[:-1].lower() for sign in data["shapes"]["currency_sign"]["words"] if sign.endswith(".")}
    assert dotted == set(sentences._SIGNS_BEFORE_AMOUNT)


@pytest.mark.parametrize(("text", "amount", "currency"), [("6,500円", 6500.0, "JPY"), ("4 800 円", 4800.0, "JPY"), ("88元", 88.0, "CNY"), ("12,000원", 12000.0, "KRW")])
def test_an_east_asian_unit_character_after_the_amount_names_its_currency(text: str, amount: float, currency: str) -> None:
    money = parse_amount(text)
    assert money is not None and (money.amount, money.currency) == (amount, currency)
