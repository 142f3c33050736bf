"""Scope words: what a promise is about (its medium), the days it holds on, and the limits of an entry."""

from cxlint.promises.scope import widens_scope


def test_every_plan_or_no_minimum_goes_beyond_a_limited_scope():
    assert widens_scope("annual plans only, counted from the payment date", "Money back within 30 days on every plan.") == "every plan"
    assert widens_scope("standard delivery on orders of $49 or more", "Free delivery, no minimum.") == "no minimum"
    assert widens_scope("Trail Club members, minimum spend £30", "Members save 10% on everything.") == "on everything"


def test_an_unlimited_scope_or_a_qualified_noun_is_not_widened():
    assert widens_scope("first reply to customer emails, every day", "We answer every email within a day.") == ""
    assert widens_scope("Pro plan, new accounts only", "Every new account gets 30 days free.") == ""  # "new" keeps the limit
    assert widens_scope("first box only, new customers", "40% off your first box.") == ""


def test_only_the_promises_own_clause_counts():
    copy = "As a member you get 15% off full-price gear and free gift wrapping on every order."
    start = copy.index("15% off")
    assert widens_scope("members, full-price gear only", copy, start, start + len("15% off")) == ""
    wrap = copy.index("free gift wrapping")
    assert widens_scope("orders of £20 or more", copy, wrap, wrap + len("free gift wrapping")) == "every order"


def test_a_limit_or_a_claim_for_everyone_is_read_in_the_records_words():
    # a hyphen separates words, as the engine reads copy: "SIM-only" limits as "only" does
    assert widens_scope("SIM-only plans", "Unlimited data on all our plans.") == "all our plans"
    assert widens_scope("orders over £40", "Free returns on any single order.") == "any single order"
    assert widens_scope("orders over £40", "Free returns, whatever you spend.") == "whatever you spend"
    assert widens_scope("orders of 40 or more", "Free returns for new and existing customers.") == "new and existing customers"
    assert widens_scope("all customers", "Free returns on every order.") == ""  # no limit in the scope


def test_a_dash_between_spaces_ends_the_promises_clause():
    copy = "15% off full-price gear \u2014 and gift wrapping on every order"
    assert widens_scope("full-price gear only", copy, 0, len("15% off")) == ""


def test_a_promise_for_every_place_goes_beyond_a_scope_limited_to_some():
    assert widens_scope("standard parcels to mainland addresses", "Free parcels anywhere in the country.") == "anywhere"
    assert widens_scope("standard parcels to mainland addresses", "Free parcels Canada-wide.") == "Canada-wide"
    assert widens_scope("plans, excluding add-ons", "Refunds for everything you bought.") == "everything"
    assert widens_scope("every address in the country", "Free parcels nationwide.") == ""  # nothing limits it


def test_a_list_after_a_dash_is_what_the_promise_covers():
    copy = "Refunds within 14 days \u2014 plans, add-ons, everything."
    assert widens_scope("plans only", copy, 0, len("Refunds within 14 days")) == "everything"
    second = "Refunds within 14 days - and free setup on every plan."  # a dash before a second promise still ends it
    assert widens_scope("plans only", second, 0, len("Refunds within 14 days")) == ""


def test_a_place_the_scope_names_limits_it():
    # "Leeds addresses", "inside Greater Dublin": a scope naming where it holds is limited, so a claim for everywhere goes beyond it
    assert widens_scope("standard delivery to Leeds addresses", "Free standard delivery nationwide.") == "nationwide"
    assert widens_scope("orders to addresses inside Bristol", "Free delivery, anywhere in the country.") == "anywhere"


def test_everywhere_in_the_place_the_scope_names_claims_no_more():
    assert widens_scope("standard delivery to Leeds addresses", "Free standard delivery anywhere in Leeds.") == ""
    assert widens_scope("standard delivery to Leeds addresses", "Free delivery to every address in Leeds.") == ""
    # every place named must be one the scope holds in
    assert widens_scope("Leeds and York addresses", "Free delivery anywhere in Leeds or York.") == ""
    assert widens_scope("Leeds addresses only", "Free delivery anywhere in Leeds or York.") == "anywhere"


def test_a_place_the_scope_leaves_out_is_not_one_it_holds_in():
    scope = "Pune addresses only; the rest of India takes longer"
    assert widens_scope(scope, "Next-day delivery anywhere in Pune.") == ""
    assert widens_scope(scope, "Next-day delivery anywhere in India.") == "anywhere"
