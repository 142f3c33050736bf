"""Loose phrase matching: stems that agree across inflections, and an entry's statements judged one by one."""

from cxlint.promises.phrases import content_words, coverage, stated_part, statements, stem


def test_a_word_and_its_inflections_share_a_stem():
    assert stem("site") == stem("sites")
    assert stem("move") == stem("moved") == stem("moves")
    assert stem("price") == stem("prices")
    assert stem("guarantee") == stem("guaranteed") == stem("guarantees")
    assert stem("free") == "free"  # a doubled e is kept (the registry's matching leaves "free" out by name)


def test_each_statement_of_an_entry_is_covered_on_its_own():
    entry = "parcels packed in recycled card; we never use plastic fillers"
    assert statements(entry) == [entry, "parcels packed in recycled card", "we never use plastic fillers"]
    assert coverage(entry, "We never use plastic fillers in your box.") == 1.0
    assert stated_part(entry, "We never use plastic fillers.") == "we never use plastic fillers"
    assert statements("no setup fees") == ["no setup fees"]
    assert content_words("sites") == content_words("site")


def test_a_negated_predicate_joined_by_and_states_on_its_own_with_the_first_subject():
    from cxlint.promises.phrases import statements

    phrase = "passwords are hashed with a slow algorithm and never written to our logs"
    assert "passwords never written to our logs" in statements(phrase)
    assert statements("free delivery and returns") == ["free delivery and returns"]
