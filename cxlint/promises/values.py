"""Promise values normalised with units, so "1 hour" and "60 minutes" compare as equals.

Durations are minutes (a business day counts 7/5 of a calendar day, so "3 days" is stronger
than "3 business days"); percentages are numbers; money keeps its currency; hours are a
weekly schedule (see ``hours.py``). Values are read from the named groups of the packs' value
shapes (``rules/shapes.yaml``): the engine reads copy with them, ``parse_value`` a registry value.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from functools import lru_cache

from cxlint.promises.hours import Schedule, parse_schedule
from cxlint.promises.value_shapes import ValueShapes, value_shapes
from cxlint.text.normalize import normalize

MINUTE, HOUR, DAY = 1.0, 60.0, 1440.0
MONTH = 30 * DAY
BUSINESS_DAY = DAY * 7 / 5
FOREVER = math.inf

_UNITS = {
    "second": 1 / 60, "sec": 1 / 60, "minute": MINUTE, "min": MINUTE, "hour": HOUR, "hr": HOUR,
    "day": DAY, "night": DAY, "week": 7 * DAY, "fortnight": 14 * DAY, "month": MONTH, "year": 365 * DAY,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "forty-eight": 48,
    "twenty-four": 24, "seventy-two": 72, "half an": 0.5, "half a": 0.5,
}
_HALF_AFTER = re.compile(r"\s+and\s+a\s+half\b", re.IGNORECASE)
"""A half said after a duration's unit ("a month and a half"), as the ``and_a_half`` shape says it after a count."""
_MULTIPLIERS = {
    "k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9, "billion": 1e9,
    "lakh": 1e5, "lakhs": 1e5, "lac": 1e5, "lacs": 1e5, "crore": 1e7, "crores": 1e7,
}
"""What the scale after an amount multiplies it by (the ``scale`` shape): "$5 million", "₹2 lakh"."""
_CURRENCY_SHAPES = ("currency_sign", "currency_code", "currency_name")
"""The word shapes a currency is written in (rules/currencies.generated.yaml, from CLDR)."""
FREE_RE = re.compile(r"\b(?:free|no\s+charge|on\s+us|complimentary)\b", re.IGNORECASE)
"""A registry's price value "free" (copy's free offers are found by the engine's ``free`` reader)."""


@dataclass(frozen=True)
class Duration:
    """A promised length of time, in minutes, with the words it was written in."""

    minutes: float
    text: str

    def __str__(self) -> str:
        return self.text


SAME_DAY = Duration(DAY / 2, "same day")
"""What the day itself commits to ("same day", "get it today", "at your door tonight"): delivered the day it is ordered."""


@dataclass(frozen=True)
class Percent:
    """A promised percentage (uptime, a discount)."""

    number: float

    def __str__(self) -> str:
        return f"{self.number:g}%"


@dataclass(frozen=True)
class Money:
    """A promised amount in a currency; zero reads as free.

    ``currency`` is what the amount's sign reads as: an ISO code ("$" is USD), or the sign itself
    when it names no one currency ("kr"). ``alike``: every code the sign can stand for ("$": every
    dollar), so "$20" and a registry's "NZ$20" compare while "A$20" and "NZ$20" do not."""

    amount: float
    currency: str
    alike: frozenset[str] = field(default=frozenset(), compare=False)

    def same_currency(self, other: Money) -> bool:
        """Whether the two amounts can be in the same currency (either unknown counts as the same)."""
        if not self.currency or not other.currency or self.currency == other.currency:
            return True
        return bool((self.alike | {self.currency}) & (other.alike | {other.currency}))

    def __str__(self) -> str:
        if self.amount == 0:
            return "free"
        return f"{self.amount:g} {self.currency}".strip()


@dataclass(frozen=True)
class Rating:
    """A review score on its scale ("4.7/5"); compared as the share of the scale it reaches."""

    score: float
    scale: float

    @property
    def share(self) -> float:
        return self.score / self.scale

    def __str__(self) -> str:
        return f"{self.score:g}/{self.scale:g}"


Value = Duration | Percent | Money | Schedule | Rating


def _number(text: str) -> float:
    """A count in digits or words; none at all ("your first month": the ``duration`` shape's empty count) is one.
    A half added ("1 1/2", "1½", "two and a half") counts; digits are read as amounts are ("1,5" is one and a
    half, "1,000" a thousand)."""
    text = " ".join(text.lower().split())
    if not text:
        return 1.0
    half = 0.0
    for said in (" and a half", " 1/2", "½"):
        if text.endswith(said):
            text, half = text[: -len(said)].strip(), 0.5
    return (float(_NUMBERS[text]) if text in _NUMBERS else amount_from_digits(text)) + half


def duration_from_match(match: re.Match[str]) -> Duration:
    """A Duration from a match of the ``duration`` shape; a range ("3–5 days") commits to its upper end."""
    groups = match.groupdict()
    word = " ".join((groups.get("word") or "").lower().split())
    if word:
        fixed = {"same day": SAME_DAY.minutes, "tomorrow": DAY, "overnight": DAY, "within the hour": HOUR}
        if word.startswith("instant"):
            return Duration(0.0, "instantly")
        if word in ("lifetime", "for life", "forever", "for ever"):
            return Duration(FOREVER, "lifetime")
        if word.startswith("next"):
            business = "business" in word or "working" in word
            return Duration(BUSINESS_DAY if business else DAY, "next business day" if business else "next day")
        return Duration(fixed[word.replace("-", " ")], word)
    amount = _number(groups.get("num2") or groups["num"])
    unit = groups["unit"].lower().rstrip("s")
    unit = {"sec": "second", "min": "minute", "hr": "hour", "h": "hour"}.get(unit, unit)
    biz = (groups.get("biz") or "").lower()
    business = bool(biz) and (unit == "day" or "week" in biz)
    size = BUSINESS_DAY if business else _UNITS[unit]
    if _HALF_AFTER.match(match.string, match.end()):
        amount += 0.5  # "a month and a half": the half comes after the unit
    label = f"{amount:g} {'business ' if business else ''}{unit}{'' if amount == 1 else 's'}"
    if groups.get("num2"):
        label = f"{_number(groups['num']):g}–{label}"
    return Duration(amount * size, label)


def amount_from_digits(raw: str) -> float:
    """The digits of an amount as any country groups them: "1,200", "9.99", "2.490.000" (Chile),
    "1.290,50" (Germany), "1,25,000" (India), "1'250" (Switzerland), "1 299" (Norway). With two marks the last one is
    the decimal point; a mark used twice groups thousands; a single mark before exactly three digits
    groups them, before any other count it is the decimal point."""
    raw = "".join(raw.replace("'", "").split())  # "1'250", "1 299": marks that only group
    marks = [char for char in raw if char in ",."]
    if not marks:
        return float(raw)
    decimal = marks[-1]
    if len(set(marks)) == 1 and (len(marks) > 1 or len(raw) - raw.rfind(decimal) - 1 == 3):
        return float(raw.replace(decimal, ""))
    whole, _, fraction = raw.rpartition(decimal)
    return float(whole.replace(",", "").replace(".", "") + "." + fraction)


def money_from_match(match: re.Match[str]) -> Money:
    """Money from a match of the ``money`` shape: "£1,200", "5k EUR", "GBP 20", "CLP 2.490.000", "€6.5 million"; a code after a
    sign says which currency the sign stands for ("$4,999 MXN" is pesos, not US dollars)."""
    groups = match.groupdict()
    raw = groups.get("num") or groups["num2"]
    number = "num" if groups.get("num") else "num2"
    after = match.start("code") if groups.get("code") else match.start("cur2") if number == "num2" else match.end()
    scale = " ".join(match.string[match.end(number):after].lower().split())  # "", "k", "million": the scale shape's words
    amount = amount_from_digits(raw) * _MULTIPLIERS.get(scale, 1)
    return currency_money(amount, (groups.get("code") or groups.get("cur") or groups.get("cur2") or "").strip())


def currency_money(amount: float, written: str) -> Money:
    """``amount`` in the currency ``written`` (a sign, code or name as copy writes it)."""
    codes = _currencies().get(" ".join(written.split())) or _currencies().get(" ".join(written.lower().split()))
    if not codes:
        return Money(amount, written.upper())
    return Money(amount, codes[0], frozenset(codes[1:]) if len(codes) > 1 else frozenset())


@lru_cache(maxsize=1)
def _currencies() -> dict[str, tuple[str, ...]]:
    """Each currency sign, code and name -> what it reads as, then every code it can stand for."""
    from cxlint.rulepack.loader import builtin_ruleset

    shapes = builtin_ruleset().shapes
    table: dict[str, tuple[str, ...]] = {}
    for name in _CURRENCY_SHAPES:
        for word, value in shapes[name].values:
            key = " ".join(word.split())
            table.setdefault(key, tuple(value.split()))
            table.setdefault(key.lower(), tuple(value.split()))  # a name matched in another case
    return table


_MONEY_WORDS = {"tenner": (10.0, "GBP"), "fiver": (5.0, "GBP")}
_MONEY_COUNTS = {**_NUMBERS, "forty": 40, "fifty": 50, "a hundred": 100}
"""The round sums the ``money_count`` shape reads: the duration counts and a few more ("fifty quid")."""


def money_word_from_match(match: re.Match[str]) -> Money:
    """Money from a match of the ``money_word`` shape: "a tenner" is £10, "a fiver" £5, "twenty quid" £20."""
    groups = match.groupdict()
    if groups.get("note"):
        amount, currency = _MONEY_WORDS[groups["note"].lower()]
        return Money(amount, currency)
    count = _MONEY_COUNTS[" ".join(groups["count"].lower().split())]
    return currency_money(float(count), groups["cur"])


_FRACTIONS = {"half": 50.0, "third": 100 / 3, "thirds": 200 / 3, "quarter": 25.0, "quarters": 75.0, "fifth": 20.0, "tenth": 10.0}


def fraction_from_match(match: re.Match[str]) -> Percent:
    """A share said as a fraction (a match of the ``fraction`` shape): "half" is 50%, "two thirds" 66.7%; a
    reduction is the share that goes: "a third fewer" 33.3%, "a quarter as many" 75%, "40% less" 40%."""
    groups = match.groupdict()
    if groups.get("pct"):
        return Percent(float(groups["pct"]))  # "40% fewer": the share that goes
    words = groups["frac"].lower().split()
    last = words[-1]
    share = _FRACTIONS[last] if last in _FRACTIONS else _FRACTIONS[last[:-1]] * _NUMBERS[words[0]]  # "two fifths": thirds and quarters carry theirs
    if groups.get("as_many"):
        share = 100 - share  # "half as many breakdowns": what is left, so half of them go
    return Percent(round(share, 1))


def rating_from_match(match: re.Match[str]) -> Rating | None:
    """A Rating from a match of the ``rating`` shape ("4.8 stars" is out of 5); None for a score above its scale."""
    score = float(match.group("score"))
    scale = float(match.group("scale") or 5)
    return Rating(score, scale) if 0 < score <= scale else None


def percent_from_match(match: re.Match[str]) -> Percent:
    """A Percent from a match of the ``percentage`` shape ("99,5 %" is ninety-nine and a half)."""
    return Percent(amount_from_digits(match.group("num")))


def parse_duration(text: str, shapes: ValueShapes | None = None) -> Duration | None:
    match = (shapes or value_shapes()).duration.search(normalize(text))
    return duration_from_match(match) if match else None


def parse_percent(text: str, shapes: ValueShapes | None = None) -> Percent | None:
    match = (shapes or value_shapes()).percentage.search(normalize(text))
    return percent_from_match(match) if match else None


def parse_amount(text: str, shapes: ValueShapes | None = None) -> Money | None:
    """An amount of money ("£20", "20 EUR", "GBP 20"); None when ``text`` states none."""
    match = (shapes or value_shapes()).money.search(normalize(text))
    return money_from_match(match) if match else None


def parse_amounts(text: str, shapes: ValueShapes | None = None) -> list[Money]:
    """Every amount of money ``text`` states ("orders from Rp 50.000 or £40 in store"), in order."""
    matches = (shapes or value_shapes()).money.finditer(normalize(text))
    return [money for match in matches if (money := money_from_match(match)) is not None]


def parse_money(text: str, shapes: ValueShapes | None = None) -> Money | None:
    """An amount, or "free" (no charge)."""
    amount = parse_amount(text, shapes)
    if amount is None and FREE_RE.search(text):
        return Money(0.0, "")
    return amount


def parse_value(kind: str, text: str) -> Value | None:
    """The value of a registry entry of ``kind``, or None when it cannot be read as that kind."""
    if kind in ("response-time", "delivery-time", "refund-window", "trial-length"):
        return parse_duration(text)
    if kind == "uptime":
        return parse_percent(text)
    if kind == "availability":
        return parse_schedule(text)
    if kind == "discount":
        return parse_percent(text) or parse_amount(text)
    if kind == "price":
        return parse_money(text)
    return None


def embedded_value(text: str, shapes: ValueShapes | None = None) -> Value | None:
    """A comparable value inside a phrase ("money back within 30 days", "save £96 a year", "rated 4.7 out
    of 5"): an amount, else a percentage, else a review score, else a duration."""
    shapes = shapes or value_shapes()
    plain = normalize(text)
    for regex, read in ((shapes.money, money_from_match), (shapes.percentage, percent_from_match), (shapes.rating, rating_from_match),
                        (shapes.duration, duration_from_match)):
        match = regex.search(plain)
        if match and (value := read(match)) is not None:  # type: ignore[operator]
            return value
    return None


def free_months_share(text: str) -> Percent | None:
    """Months given free with yearly billing as the discount they are: "pay yearly and get 2 months
    free" is 2 of 12 months, about 17% off; None when the text gives no months or no yearly billing
    (the value shape ``months_free`` and the records' word class ``yearly``)."""
    from cxlint.promises.wording import read_as_copy

    reading, sentence = read_as_copy(text)
    months = reading.shapes.months_free.search(sentence.text)
    if not months or not reading.hits("yearly", sentence):
        return None
    return share_of_year(_number(months.group("num")))


def share_of_year(months: float) -> Percent | None:
    """``months`` of twelve as a percentage off ("2 months free" on a year's bill is about 17% off)."""
    share = months / 12 * 100
    return Percent(round(share, 1)) if 0 < share < 100 else None


LONGER_IS_STRONGER = frozenset({"refund-window", "trial-length", "guarantee"})


def is_time_gained(phrase: str) -> bool:
    """True when the duration in a phrase is time saved or gained ("save 4 hours a month", "10 fewer
    hours"), where more is the stronger promise; False for time to a result ("within 6 weeks")."""
    from cxlint.promises.wording import holds

    return holds(phrase, "time_gained")


def compare(kind: str, copy: Value, entry: Value, gained: bool = False) -> int | None:
    """+1 when the copy promises more than the entry, 0 when the entry covers it, None when they do not compare.

    ``gained``: the durations are time saved or gained (an outcome), so the longer is the stronger."""
    if isinstance(copy, Schedule) and isinstance(entry, Schedule):
        return 0 if copy.within(entry) else 1
    if type(copy) is not type(entry):
        return None
    if isinstance(copy, Money) and isinstance(entry, Money):
        if not copy.same_currency(entry):
            return None
        if kind == "price":
            return 1 if copy.amount < entry.amount else 0
        return 1 if copy.amount > entry.amount + 1e-9 else 0
    if isinstance(copy, Duration) and isinstance(entry, Duration):
        if kind in LONGER_IS_STRONGER or gained:
            return 1 if copy.minutes > entry.minutes + 1e-9 else 0
        return 1 if copy.minutes < entry.minutes - 1e-9 else 0
    if isinstance(copy, Percent) and isinstance(entry, Percent):
        return 1 if copy.number > entry.number + 1e-9 else 0
    if isinstance(copy, Rating) and isinstance(entry, Rating):
        return 1 if copy.share > entry.share + 1e-9 else 0
    return None


def same_value(a: Value, b: Value) -> bool:
    """Equal after normalisation (for consistency: "1 hour" is "60 minutes")."""
    if isinstance(a, Duration) and isinstance(b, Duration):
        return math.isclose(a.minutes, b.minutes, rel_tol=0.01) or a.minutes == b.minutes
    if isinstance(a, Schedule) and isinstance(b, Schedule):
        return a.agrees_with(b)  # "until 8pm" is the same hours as "9am–8pm"
    return a == b
