"""Promise values normalised with units, so "1 hour" and "60 minutes" compare as equals.

Durations are minutes (a business day counts 7/5 of a calendar day, so "3 days" is stronger
than "3 business days"); percentages are numbers; money keeps its currency; hours are a
weekly schedule (see ``hours.py``). ``parse_value`` reads a registry value or a phrase of copy.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from cxlint.promises.hours import Schedule, parse_schedule

MINUTE, HOUR, DAY = 1.0, 60.0, 1440.0
BUSINESS_DAY = DAY * 7 / 5
FOREVER = math.inf

_UNITS = {
    "second": 1 / 60, "sec": 1 / 60, "minute": MINUTE, "min": MINUTE, "hour": HOUR, "hr": HOUR,
    "day": DAY, "night": DAY, "week": 7 * DAY, "month": 30 * DAY, "year": 365 * DAY,
}
_NUMBERS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fourteen": 14, "fifteen": 15,
    "twenty": 20, "thirty": 30, "forty-five": 45, "sixty": 60, "ninety": 90, "forty-eight": 48,
    "twenty-four": 24, "seventy-two": 72, "half an": 0.5, "half a": 0.5,
}
NUMBER = r"\d+(?:\.\d+)?|" + "|".join(sorted((re.escape(k) for k in _NUMBERS), key=len, reverse=True))
_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)"
DURATION_RE = re.compile(
    rf"\b(?P<num>{NUMBER})(?:\s*(?:-|–|—|to)\s*(?P<num2>\d+))?\s*[-–]?\s*(?P<biz>business\s+|working\s+|week\s?)?(?P<unit>{_UNIT})\b"
    rf"|\b(?P<word>same[- ]day|next[- ](?:business[- ]|working[- ])?day|tomorrow|overnight|within\s+the\s+hour|instant(?:ly)?"
    rf"|lifetime|for\s+life|forever|for\s+ever)\b",
    re.IGNORECASE,
)
PERCENT_RE = re.compile(r"(?<![\d.])(?P<num>\d{1,3}(?:\.\d+)?)\s?(?:%|per\s?cent\b)", re.IGNORECASE)
MONEY_RE = re.compile(
    r"(?P<cur>[£$€]|\b(?:GBP|USD|EUR)\s?)(?P<num>\d[\d,]*(?:\.\d+)?)(?P<k>k\b)?|\b(?P<num2>\d[\d,]*(?:\.\d+)?)\s?(?P<cur2>GBP|USD|EUR|dollars|pounds|euros)\b",
    re.IGNORECASE,
)
_CURRENCY = {"£": "GBP", "$": "USD", "€": "EUR", "dollars": "USD", "pounds": "GBP", "euros": "EUR"}
FREE_RE = re.compile(r"\b(?:free|no\s+charge|on\s+us|complimentary)\b", re.IGNORECASE)


@dataclass(frozen=True)
class Duration:
    minutes: float
    text: str

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Percent:
    number: float

    def __str__(self) -> str:
        return f"{self.number:g}%"


@dataclass(frozen=True)
class Money:
    amount: float
    currency: str

    def __str__(self) -> str:
        if self.amount == 0:
            return "free"
        return f"{self.amount:g} {self.currency}".strip()


Value = Duration | Percent | Money | Schedule


def _number(text: str) -> float:
    text = text.lower().strip()
    return float(_NUMBERS[text]) if text in _NUMBERS else float(text)


def duration_from_match(match: re.Match[str]) -> Duration:
    """A Duration from a DURATION_RE match; a range ("3–5 days") commits to its upper end."""
    word = (match.group("word") or "").lower()
    if word:
        fixed = {"same day": DAY / 2, "same-day": DAY / 2, "tomorrow": DAY, "overnight": DAY, "within the hour": HOUR}
        if word.startswith("instant"):
            return Duration(0.0, "instantly")
        if word in ("lifetime", "for life", "forever", "for ever"):
            return Duration(FOREVER, "lifetime")
        if word.startswith("next"):
            business = "business" in word or "working" in word
            return Duration(BUSINESS_DAY if business else DAY, "next business day" if business else "next day")
        return Duration(fixed[" ".join(word.split())], " ".join(word.split()))
    amount = _number(match.group("num2") or match.group("num"))
    unit = match.group("unit").lower().rstrip("s")
    unit = {"sec": "second", "min": "minute", "hr": "hour"}.get(unit, unit)
    business = bool(match.group("biz")) and unit == "day" and "week" not in match.group("biz").lower()
    if match.group("biz") and "week" in match.group("biz").lower():
        business = True
    size = BUSINESS_DAY if business else _UNITS[unit]
    label = f"{amount:g} {'business ' if business else ''}{unit}{'' if amount == 1 else 's'}"
    if match.group("num2"):
        label = f"{_number(match.group('num')):g}–{label}"
    return Duration(amount * size, label)


def parse_duration(text: str) -> Duration | None:
    match = DURATION_RE.search(text)
    return duration_from_match(match) if match else None


def parse_percent(text: str) -> Percent | None:
    match = PERCENT_RE.search(text)
    return Percent(float(match.group("num"))) if match else None


def money_from_match(match: re.Match[str]) -> Money:
    raw = match.group("num") or match.group("num2")
    amount = float(raw.replace(",", "")) * (1000 if match.group("k") else 1)
    currency = (match.group("cur") or match.group("cur2") or "").strip()
    return Money(amount, _CURRENCY.get(currency.lower(), _CURRENCY.get(currency, currency.upper())))


def parse_money(text: str) -> Money | None:
    match = MONEY_RE.search(text)
    if match:
        return money_from_match(match)
    if FREE_RE.search(text):
        return Money(0.0, "")
    return None


def parse_value(kind: str, text: str) -> Value | None:
    """The value of a registry entry of ``kind``, or None when it cannot be read as that kind."""
    if kind in ("response-time", "delivery-time", "refund-window", "trial-length"):
        return parse_duration(text)
    if kind == "uptime":
        return parse_percent(text)
    if kind == "availability":
        return parse_schedule(text)
    if kind == "discount":
        return parse_percent(text) or (parse_money(text) if MONEY_RE.search(text) else None)
    if kind == "price":
        return parse_money(text)
    return None


def embedded_value(text: str) -> Value | None:
    """A comparable value inside a phrase entry ("money back within 30 days", "save £96 a year")."""
    money = MONEY_RE.search(text)
    if money:
        return money_from_match(money)
    percent = parse_percent(text)
    if percent:
        return percent
    return parse_duration(text)


_FREE_MONTHS = re.compile(rf"\b(?P<num>{NUMBER})\s+(?:extra\s+)?months?\s+(?:(?:for\s+)?free|on\s+(?:us|the\s+house)|at\s+no\s+(?:extra\s+)?(?:cost|charge))\b", re.IGNORECASE)
_YEARLY = re.compile(r"\b(?:annual(?:ly)?|yearly|year[- ]?long|per\s+year|a\s+year|each\s+year|every\s+year|(?:for\s+)?(?:the|a|one)\s+(?:full\s+)?year|12[- ]months?)\b", re.IGNORECASE)


def free_months_share(text: str) -> Percent | None:
    """Months given free with yearly billing as the discount they are: "pay yearly and get 2 months
    free" is 2 of 12 months, about 17% off; None when the text gives no months or no yearly billing."""
    months = _FREE_MONTHS.search(text)
    if not months or not _YEARLY.search(text):
        return None
    share = _number(months.group("num")) / 12 * 100
    return Percent(round(share, 1)) if 0 < share < 100 else None


LONGER_IS_STRONGER = frozenset({"refund-window", "trial-length", "guarantee"})
_GAINED = re.compile(
    rf"\b(?:sav(?:e|es|ing|ed)|fre(?:e|es|ed)\s+up|gain(?:s|ed)?|win\s+back|get\s+back)\s+(?:(?:you|them|users|customers)\s+)?(?:up\s+to\s+|over\s+|an?\s+extra\s+)?(?:{NUMBER})\b"
    rf"|\b(?:{NUMBER})\s+(?:extra|more|fewer|less|spare)\b"
    rf"|\b(?:{NUMBER})\s*{_UNIT}\s+(?:(?:a|per|each|every)\s+\w+\s+)?(?:back|saved|freed|less|fewer)\b",
    re.IGNORECASE,
)


def is_time_gained(phrase: str) -> bool:
    """True when the duration in a phrase is time saved or gained ("save 4 hours a month", "10 fewer
    hours"), where more is the stronger promise; False for time to a result ("within 6 weeks")."""
    return bool(_GAINED.search(phrase))


def compare(kind: str, copy: Value, entry: Value, gained: bool = False) -> int | None:
    """+1 when the copy promises more than the entry, 0 when the entry covers it, None when they do not compare.

    ``gained``: the durations are time saved or gained (an outcome), so the longer is the stronger."""
    if isinstance(copy, Schedule) and isinstance(entry, Schedule):
        return 0 if copy.within(entry) else 1
    if type(copy) is not type(entry):
        return None
    if isinstance(copy, Money) and isinstance(entry, Money):
        if copy.currency and entry.currency and copy.currency != entry.currency:
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
    return None


def same_value(a: Value, b: Value) -> bool:
    """Equal after normalisation (for consistency: "1 hour" is "60 minutes")."""
    if isinstance(a, Duration) and isinstance(b, Duration):
        return math.isclose(a.minutes, b.minutes, rel_tol=0.01) or a.minutes == b.minutes
    if isinstance(a, Schedule) and isinstance(b, Schedule):
        return a.agrees_with(b)  # "until 8pm" is the same hours as "9am–8pm"
    return a == b
