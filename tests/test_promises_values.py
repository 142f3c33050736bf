from cxlint.promises.hours import find_schedules, parse_schedule
from cxlint.promises.values import (
    Duration, Money, Percent, compare, free_months_share, is_time_gained, parse_duration, parse_money, parse_percent,
    parse_value, same_value,
)


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
    assert parse_duration("within a dozen days") is None  # not a count the shape reads


def test_a_fortnight_is_a_unit_of_two_weeks():
    """"A fortnight" is a unit like "a week": "within a fortnight" is 14 days, "two fortnights" 28."""
    assert parse_duration("within a fortnight").minutes == 14 * 1440
    assert parse_duration("refunds inside two fortnights").minutes == 28 * 1440


def test_values_are_read_from_the_copy_as_the_mask_normalises_it():
    assert parse_duration("3\u20135 working days") == parse_duration("3-5 working days")
    assert parse_duration("a 12\u2011week course").minutes == 12 * 7 * 1440  # a non-breaking hyphen
    assert parse_money("£5m") == Money(5_000_000.0, "GBP")


def test_a_closing_or_opening_time_alone_is_an_instant_the_entry_must_cover():
    entry = parse_schedule("07:00-22:00 Mon-Sun")
    later = find_schedules("Vet chat now stays open until 11pm on Sundays.")[0][2]
    assert str(later) == "until 23:00 Sun" and not later.within(entry)
    assert find_schedules("Our phone lines are open until 10pm on Sundays.")[0][2].within(entry)
    earlier = find_schedules("Live chat opens at 6am every day.")[0][2]
    assert str(earlier) == "from 06:00 Mon–Sun" and not earlier.within(entry)
    assert find_schedules("Phones open from 7:30am, Monday to Friday.")[0][2].edge == "from"


def test_a_deadline_or_a_bare_number_is_no_opening_time():
    def edges(text):
        return [schedule.edge for _, _, schedule in find_schedules(text) if schedule.times_given]

    assert edges("Offer valid until midnight on Sunday.") == []
    assert edges("Order until 2pm for next-day delivery, our team says.") == []
    assert edges("Chat with our team until 11 on weekdays.") == []  # "11" is not clearly a clock time
    assert edges("Chat is open 9am until 5pm.") == [""]  # a range, not an edge


def test_one_edge_of_the_hours_agrees_with_those_hours_and_not_with_others():
    full = parse_schedule("09:00-20:00 Mon-Fri")
    assert same_value(find_schedules("Phone lines open until 8pm, Monday to Friday.")[0][2], full)
    assert same_value(full, find_schedules("Phone lines open until 8pm.")[0][2])
    assert not same_value(find_schedules("Phone lines open until 9pm, Monday to Friday.")[0][2], full)
    assert not same_value(find_schedules("Phone lines open until 8pm on Sundays.")[0][2], full)
    assert same_value(find_schedules("Lines open from 9am weekdays.")[0][2], full)


def test_months_free_with_yearly_billing_are_a_share_of_the_year():
    assert free_months_share("Pay yearly and get 3 months free.") == Percent(25.0)
    assert free_months_share("Go annual: two months on us.") == Percent(16.7)
    assert free_months_share("Get 3 months free.") is None  # no yearly billing: a free period, not a discount
    assert free_months_share("Pay yearly and save.") is None


def test_time_saved_is_stronger_when_longer_and_time_to_a_result_when_shorter():
    assert is_time_gained("freelancers save 4 hours a month on average")
    assert is_time_gained("10 fewer hours of admin a month")
    assert is_time_gained("get 5 hours back every week")
    assert not is_time_gained("84% of owners saw a shinier coat within 6 weeks")
    assert compare("outcome", parse_duration("10 hours"), parse_duration("4 hours"), gained=True) == 1
    assert compare("outcome", parse_duration("2 hours"), parse_duration("4 hours"), gained=True) == 0
    assert compare("outcome", parse_duration("2 weeks"), parse_duration("6 weeks")) == 1


def test_a_deadline_word_joined_by_a_hyphen_still_makes_a_time_a_deadline():
    assert find_schedules("Sign-up closes at 5pm.") == []  # an offer's cut-off, not the hours of a service
    assert find_schedules("Pre-orders close at 6pm on Friday.")[0][2].times_given is False  # the day only
    assert str(find_schedules("Reception closes at 6pm on Fridays.")[0][2]) == "until 18:00 Fri"


def test_months_free_and_yearly_billing_are_read_in_the_records_words():
    assert free_months_share("On a 12-month plan, get one month at no extra cost.") == Percent(8.3)
    assert free_months_share("A year-long plan with half a month free.") == Percent(4.2)
    assert is_time_gained("save you up to 4 hours a week")
    assert is_time_gained("half an hour saved")
    assert not is_time_gained("a reply within 4 hours")


def test_review_scores_compare_as_shares_of_their_scale():
    from cxlint.promises.values import Rating, compare, embedded_value

    assert embedded_value("rated 4.5 out of 5 by guests") == Rating(4.5, 5)
    assert compare("rank", Rating(9, 10), Rating(4.6, 5)) == 0  # 90% of the scale is below 92%
    assert compare("rank", Rating(4.7, 5), Rating(4.6, 5)) == 1
    assert compare("rank", Rating(4.7, 5), Percent(90)) is None


def test_a_fraction_is_a_share():
    from cxlint.promises.values import fraction_from_match
    from cxlint.promises.value_shapes import value_shapes

    shapes = value_shapes()
    assert fraction_from_match(shapes.fraction.search("half off")) == Percent(50)
    assert fraction_from_match(shapes.fraction.search("three quarters off")) == Percent(75)
    assert fraction_from_match(shapes.fraction.search("a fifth off")) == Percent(20)
    assert fraction_from_match(shapes.fraction.search("two fifths off")) == Percent(40)
    assert fraction_from_match(shapes.fraction.search("three tenths off")) == Percent(30)
    assert shapes.fraction.search("half price").group("price")


def test_every_round_sum_the_money_shape_spells_out_has_its_amount():
    """The ``money_count`` shape finds round sums in words; the amount table must know each one it finds."""
    import re

    from cxlint.promises.value_shapes import value_shapes
    from cxlint.promises.values import money_word_from_match
    from cxlint.rulepack.loader import builtin_sources, load_ruleset

    pattern = load_ruleset(builtin_sources()).shapes["money_count"].pattern
    words = [" ".join(w.replace("\\s+", " ").split()) for w in re.sub(r"^\s*\(\?x\)", "", pattern).split("|")]
    assert "fifty" in words and "a hundred" in words
    for word in words:
        match = value_shapes().money_word.search(f"only {word} quid")
        assert match is not None, word
        money = money_word_from_match(match)
        assert money.currency == "GBP" and money.amount > 0, word


def test_amounts_are_read_as_each_country_groups_their_digits():
    assert parse_money("CLP 2.490.000") == Money(2_490_000.0, "CLP")
    assert parse_money("€1.290,50") == Money(1290.5, "EUR")
    assert parse_money("₹1,25,000") == Money(125_000.0, "INR")
    assert parse_money("CHF 1'250.–") == Money(1250.0, "CHF")
    assert parse_money("$1,234.56") == Money(1234.56, "USD")
    assert parse_money("£9.99") == Money(9.99, "GBP")
    assert parse_money("€4,5") == Money(4.5, "EUR")
    assert parse_money("NOK 1 299") == Money(1299.0, "NOK")
    assert parse_money("12\u00a0500 kr").amount == 12_500.0
    assert parse_money("R$ 129,90/mês") == Money(129.9, "BRL")


def test_a_share_with_a_decimal_comma_is_read_whole():
    """"99,5 %" was read as 5 %, so a copy's uptime looked far weaker than any entry it went beyond."""
    assert parse_percent("99,5 % uptime") == Percent(99.5)
    assert parse_percent("99.95% uptime") == Percent(99.95)
    assert parse_percent("save 1,000% more") == Percent(1000.0)


def test_an_offer_priced_with_dotted_thousands_is_read_not_a_crash():
    """Found by a Chilean company's copy: "$2.490.000" stopped the whole run with a ValueError."""
    from cxlint.engine.run import run_document
    from cxlint.readers.snippet import read_snippet
    from cxlint.rulepack.loader import builtin_ruleset

    doc = read_snippet("offer", "The Urbano e-bike is now only $2.490.000, down from $2.990.000.", "email")
    run = run_document(doc, builtin_ruleset(), promises=True)
    amounts = {target.value.amount for target in run.promises.found if isinstance(target.value, Money)}
    assert 2_490_000.0 in amounts


def test_days_named_only_to_be_left_out_are_not_the_days_it_holds_on():
    """"every day except Sundays" read as every day, and "not on Sundays" as Sundays only."""
    assert str(parse_schedule("Deliveries every day except Sundays")) == "Mon–Sat"
    assert str(parse_schedule("no deliveries on Sundays")) == "Mon–Sat"
    assert str(parse_schedule("every day except Saturdays and Sundays")) == "Mon–Fri"
    assert str(parse_schedule("9am-5pm every day, closed on Sundays")) == "09:00–17:00 Mon–Sat"
    assert str(parse_schedule("Mon-Sat 8:00-18:00, not Sundays or public holidays")) == "08:00–18:00 Mon–Sat"
    assert str(parse_schedule("open on Sundays")) == "Sun"
    assert str(parse_schedule("Open Mon to Fri 9-5 and Sat 10-2")) == "09:00–17:00 Mon–Fri, 10:00–14:00 Sat"


def test_every_weekday_is_monday_to_friday():
    """"every weekday 9-5" read as no hours at all: "weekday" counted only in the plural."""
    assert str(parse_schedule("every weekday 9-5")) == "09:00–17:00 Mon–Fri"
    assert str(parse_schedule("every working day, 8am to 6pm")) == "08:00–18:00 Mon–Fri"
    assert str(parse_schedule("every day 9-5")) == "09:00–17:00 Mon–Sun"


def test_hours_written_with_an_h_between_hour_and_minutes():
    """"08h00–17h00", as South African, French and Brazilian copy writes the hours, read as days alone."""
    assert str(parse_schedule("Mon–Fri 08h00–17h00")) == "08:00–17:00 Mon–Fri"
    assert str(parse_schedule("Sat 9h00-13h00")) == "09:00–13:00 Sat"
    assert parse_schedule("a 2h30 film") is None


def test_a_count_in_words_with_its_digits_in_brackets_is_one_duration():
    """Terms write "two (2) business days": it was read as no duration."""
    assert str(parse_duration("within two (2) business days")) == "2 business days"
    assert str(parse_duration("within thirty (30) days")) == "30 days"


def test_amounts_keep_their_scale():
    """"$20 million" and "₹2 lakh" were read as 20 and 2."""
    assert parse_money("$20 million") == Money(20_000_000.0, "USD")
    assert parse_money("€6.5 million") == Money(6_500_000.0, "EUR")
    assert parse_money("₹2 lakh") == Money(200_000.0, "INR")
    assert parse_money("Rs 1.5 crore").amount == 15_000_000.0
    assert parse_money("3 million dollars") == Money(3_000_000.0, "USD")
    assert parse_money("$5k") == Money(5000.0, "USD")
    assert parse_money("$10 monthly") == Money(10.0, "USD")  # "m" starts a word here, it scales nothing


def test_space_grouped_amounts_end_at_a_stop_or_keep_their_cents():
    """"CHF 1 290.–" was read as 1: a stop after the grouped digits ended the amount at its first group."""
    assert parse_money("CHF 1 290.–") == Money(1290.0, "CHF")
    assert parse_money("CHF 1 290.50") == Money(1290.5, "CHF")
    assert parse_money("1 299,00 €") == Money(1299.0, "EUR")


def test_durations_with_halves_and_decimal_commas():
    """"1,5 hours" was read as 5 hours, "1 1/2 hours" as 2, "a month and a half" as a month."""
    assert parse_duration("within 1,5 hours").minutes == parse_duration("within 90 minutes").minutes
    assert str(parse_duration("within 1 1/2 hours")) == "1.5 hours"
    assert str(parse_duration("within 1½ hours")) == "1.5 hours"
    assert str(parse_duration("two and a half days")) == "2.5 days"
    assert str(parse_duration("a month and a half")) == "1.5 months"
    assert str(parse_duration("1,000 hours")) == "1000 hours"
    assert str(parse_duration("3-5 business days")) == "3–5 business days"


def test_hours_without_am_or_pm_that_close_lower_close_in_the_afternoon():
    """"8:30 to 5:30" was read as open from 08:30 to midnight."""
    assert str(parse_schedule("Mon-Fri 8:30-5:30")) == "08:30–17:30 Mon–Fri"
    assert str(parse_schedule("10:00-2:00")) == "10:00–14:00"
    assert str(parse_schedule("09:00 to 00:00")) == "09:00–24:00"  # a 24-hour clock's midnight
    assert str(parse_schedule("22:00-02:00")) == "22:00–24:00"
