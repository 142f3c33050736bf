from cxlint.promises.hours import parse_schedule
from cxlint.promises.values import Duration, Money, Percent, compare, parse_duration, parse_money, parse_value, same_value


def test_an_hour_is_sixty_minutes():
    assert same_value(parse_duration("1 hour"), parse_duration("60 minutes"))
    assert same_value(parse_duration("a day"), parse_duration("24 hours"))


def test_business_days_are_longer_than_calendar_days():
    assert parse_duration("3 days").minutes < parse_duration("3 business days").minutes
    assert parse_duration("next business day").minutes > parse_duration("next day").minutes


def test_a_range_commits_to_its_upper_end():
    assert same_value(parse_duration("3–5 business days"), parse_duration("5 working days"))


def test_faster_response_is_stronger_and_longer_window_is_stronger():
    assert compare("response-time", parse_duration("1 hour"), parse_duration("24 hours")) == 1
    assert compare("response-time", parse_duration("48 hours"), parse_duration("24 hours")) == 0
    assert compare("refund-window", parse_duration("90 days"), parse_duration("60 days")) == 1
    assert compare("trial-length", parse_duration("14 days"), parse_duration("30 days")) == 0


def test_percentages_money_and_free():
    assert compare("uptime", Percent(99.99), Percent(99.9)) == 1
    assert compare("discount", parse_value("discount", "£10"), parse_value("discount", "£15")) == 0
    assert parse_money("free") == Money(0.0, "")
    assert compare("discount", Money(5, "GBP"), Money(5, "USD")) is None
    assert compare("uptime", Percent(99.0), Duration(60, "1 hour")) is None


def test_lifetime_is_longer_than_any_term():
    assert compare("guarantee", parse_duration("lifetime warranty"), parse_duration("5 years")) == 1


def test_hours_within_and_beyond():
    entry = parse_schedule("08:00-20:00 Mon-Sat")
    assert parse_schedule("9am–5pm Monday to Friday").within(entry)
    assert not parse_schedule("24/7").within(entry)
    assert not parse_schedule("8am–8pm, every day").within(entry)
    assert not parse_schedule("7am to 9pm, Mon–Sat").within(entry)
    assert str(parse_schedule("Mon–Fri 9am–5pm, Sat 10am–4pm")) == "09:00–17:00 Mon–Fri, 10:00–16:00 Sat"


def test_durations_that_are_not_clock_times_are_not_hours():
    assert parse_schedule("3–5 business days") is None


def test_every_count_the_duration_shape_spells_out_has_its_number():
    """The ``count_in_words`` shape finds the counts; the value table must know each one it finds."""
    from cxlint.promises.values import _NUMBERS

    for word, number in _NUMBERS.items():
        duration = parse_duration(f"within {word} days")
        assert duration is not None and duration.minutes == number * 1440, word
    assert parse_duration("within a fortnight") is None  # not a count the shape reads


def test_values_are_read_from_the_copy_as_the_mask_normalises_it():
    assert parse_duration("3\u20135 working days") == parse_duration("3-5 working days")
    assert parse_duration("a 12\u2011week course").minutes == 12 * 7 * 1440  # a non-breaking hyphen
    assert parse_money("£5m") == Money(5_000_000.0, "GBP")
