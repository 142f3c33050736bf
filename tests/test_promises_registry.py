import datetime as dt

import pytest

from cxlint.promises.registry import RegistryError, expiring_soon, load_registry


def test_loads_every_entry_with_parsed_values(fixtures):
    registry = load_registry(str(fixtures / "promises" / "harbor.yaml"))
    assert [e.id for e in registry.entries][:2] == ["email-reply", "tea-dispatch"]
    assert str(registry.entries[3].value) == "10:00–18:00 Mon–Fri"
    assert registry.entries[0].line == 3


def write(tmp_path, body):
    path = tmp_path / "promises.yaml"
    path.write_text(body, encoding="utf-8")
    return str(path)


def test_every_problem_is_reported_with_its_line(tmp_path):
    path = write(tmp_path, """promises:
  - id: a
    kind: speed
    value: "fast"
    evidence: "x"
  - id: b
    kind: uptime
    value: "very high"
    evidence: "y"
  - id: c
    kind: claim
    text: "no hidden fees"
  - id: a
    kind: price
    value: free
    evidence: z
""")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    problems = "\n".join(caught.value.problems)
    assert f"{path}:2: 'a': unknown kind 'speed'" in problems
    assert f"{path}:6: 'b': cannot read 'very high' as a uptime value" in problems
    assert f"{path}:10: 'c': missing 'evidence'" in problems
    assert f"{path}:13: duplicate id 'a'" in problems


def test_unknown_fields_are_errors_so_typos_do_not_pass_silently(tmp_path):
    path = write(tmp_path, "promises:\n  - id: a\n    kind: price\n    value: free\n    evidence: e\n    expiry: 2027-01-01\n")
    with pytest.raises(RegistryError, match="unknown field"):
        load_registry(path)


def test_entries_expiring_within_thirty_days(fixtures):
    registry = load_registry(str(fixtures / "promises" / "harbor.yaml"))
    assert [e.id for e in expiring_soon(registry, dt.date(2026, 11, 23))] == ["return-window"]


def test_a_draft_entry_loads_but_is_marked(tmp_path):
    path = write(tmp_path, "promises:\n  - id: a\n    kind: price\n    value: free\n    evidence: 'TODO: link the price list'\n")
    assert load_registry(path).entries[0].draft


ENTRY = "  - id: reply\n    kind: response-time\n    value: 2 hours\n    evidence: https://example.com/sla\n"


@pytest.mark.parametrize(
    ("body", "expected"),
    [  # issue 14, D13: wrong types are refused at the key's line, never stringified or hashed
        (ENTRY.replace("kind: response-time", "kind: [response-time]"), ":3: 'reply': 'kind' must be a string"),
        (ENTRY.replace("value: 2 hours", "value: [2 hours]"), ":4: 'reply': 'value' must be a string or a number"),
        (ENTRY + "    channels: email\n", ":6: 'reply': 'channels' must be a list of strings"),
        (ENTRY + "    owner: {name: x}\n", ":6: 'reply': 'owner' must be a string"),
        ("  - [reply, response-time]\n", ":2: an entry must be a mapping"),
        (ENTRY + "    expirse: 2027-01-01\n", ":6: 'reply': unknown field 'expirse' (did you mean 'expires'?)"),
    ],
)
def test_wrong_types_and_unknown_fields_name_the_line(tmp_path, body, expected):
    path = write(tmp_path, "promises:\n" + body)
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert caught.value.problems[0].startswith(path + expected)


def test_an_unknown_top_level_key_suggests_the_closest(tmp_path):
    path = write(tmp_path, "promises:\n" + ENTRY + "promisez: []\n")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert caught.value.problems == [f"{path}:6: unknown top-level key 'promisez' (did you mean 'promises'?)"]


def test_a_numeric_value_is_read_as_its_text_not_refused_as_a_type(tmp_path):
    path = write(tmp_path, "promises:\n  - id: up\n    kind: uptime\n    value: 99.9\n    evidence: e\n")
    with pytest.raises(RegistryError) as caught:
        load_registry(path)
    assert caught.value.problems == [f"{path}:2: 'up': cannot read '99.9' as a uptime value"]
