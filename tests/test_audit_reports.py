import csv
import io
import json
import re


from cxlint.commands.audit import run_audit


def audit(fixtures, fmt, promises=True):
    out = io.StringIO()
    registry = str(fixtures / "promises" / "harbor.yaml") if promises else None
    code = run_audit((str(fixtures / "audit"),), fmt, out, registry, __import__("datetime").date(2026, 11, 23))
    return code, out.getvalue()


def test_json_has_a_summary_and_every_promise_with_evidence_and_owner(fixtures):
    code, text = audit(fixtures, "json")
    data = json.loads(text)
    assert code == 1
    assert data["summary"]["promises"] == len(data["promises"]) == 14
    assert data["summary"]["conflicts"] == 2  # the registry settles the three conflicts whose sides it backs
    backed = [p for p in data["promises"] if p["registry_status"] == "backed"]
    assert backed and all(p["evidence"] and p["owner"] for p in backed)
    assert "return-window" in data["summary"]["expiring_entries"]


def test_csv_one_row_a_promise(fixtures):
    _, text = audit(fixtures, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 14
    assert {r["status"] for r in rows} <= {"backed", "over-promised", "expired", "unbacked", "inconsistent"}


def test_html_is_one_self_contained_file(fixtures):
    _, text = audit(fixtures, "html")
    assert text.startswith("<!DOCTYPE html>")
    assert not re.search(r"<script|<link|src=|https?://", text)
    assert "Promise audit" in text and "support hours (phone)" in text


def test_markdown_groups_by_subject_with_the_summary_on_top(fixtures):
    _, text = audit(fixtures, "md", promises=False)
    assert text.index("- 14 promises in 8 files") < text.index("## delivery time")


def test_an_invalid_registry_is_exit_2_with_file_and_line(tmp_path, fixtures):
    from cxlint.cli import cli
    from click.testing import CliRunner

    bad = tmp_path / "promises.yaml"
    bad.write_text("promises:\n  - id: x\n    kind: nope\n    value: 1\n    evidence: e\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["audit", str(fixtures / "audit"), "--promises", str(bad)], standalone_mode=False)
    from cxlint.errors import FatalError

    assert isinstance(result.exception, FatalError)
    assert f"{bad}:2" in str(result.exception)


def test_html_puts_the_summary_first_then_conflicts_side_by_side_then_every_promise(fixtures):
    _, text = audit(fixtures, "html")
    summary, conflicts, every = text.index('class="summary"'), text.index("Conflicts between touchpoints"), text.index("Every promise")
    assert summary < conflicts < every
    for status in ("backed", "over-promised", "expired", "unbacked", "inconsistent"):
        assert re.search(rf'class="pill {status}">\d+ {status}<', text)
    assert len(re.findall(r'<div class="conflict">(.*?)</div></div></div>', text, re.S)) == 2
    _, text = audit(fixtures, "html", promises=False)
    pairs = re.findall(r'<div class="conflict">(.*?)</div></div></div>', text, re.S)
    assert len(pairs) == 5
    app = next(p for p in pairs if "app/returns.md" in p)
    assert "Returns are accepted within 14 days" in app and "send it back within 21 days" in app  # both texts


def test_html_links_every_promise_to_its_file_and_line(fixtures):
    _, text = audit(fixtures, "html")
    rows = re.findall(r'<tr class="row [^"]+">(.*?)</tr>', text, re.S)
    assert len(rows) == 14
    for row in rows:
        link = re.search(r'<a href="([^"#]+)#L(\d+)">([^<]+):(\d+):\d+</a>', row)
        assert link and link.group(1) == link.group(3) and link.group(2) == link.group(4)


def test_html_filters_by_status_and_channel_without_scripts(fixtures):
    _, text = audit(fixtures, "html")
    assert not re.search(r"<script|<link|src=|https?://|@import", text)
    for status in ("over-promised", "inconsistent"):
        assert f'id="st-{status}"' in text and f"#st-{status}:checked~main tr.row:not(.st-{status})" in text
    for channel in ("email", "sms", "landing"):
        assert f'id="ch-{channel}"' in text and f"#ch-{channel}:checked~main tr.row:not(.ch-{channel})" in text
    _, text = audit(fixtures, "html", promises=False)
    assert re.search(r'<tr class="row st-inconsistent ch-sms">', text)


def test_html_stays_one_readable_page_with_two_thousand_promises():
    import datetime as dt

    from cxlint.promises.report_html import OPEN_GROUP_ROWS, render

    inventory = sample_inventory(2000, dt.date(2026, 11, 23))
    out = io.StringIO()
    render(inventory, out)
    text = out.getvalue()
    assert text.count('<tr class="row') == 2000
    groups = re.findall(r"<details( open)?><summary>([^<]+)<small>\((\d+):", text)
    assert len(groups) == len(inventory.by_subject()) >= 5
    assert all((opened == " open") == (int(n) <= OPEN_GROUP_ROWS) for opened, _, n in groups)  # big groups start folded
    assert len(text) < 3_000_000


def sample_inventory(size, today):
    """``size`` promises over six subjects and four channels, some in conflict, with no registry."""
    from cxlint.promises.consistency import find_conflicts
    from cxlint.promises.inventory import Inventory, Row
    from cxlint.promises.matching import assess
    from cxlint.promises.records import PromiseRecord
    from cxlint.promises.values import Duration

    subjects = ["support reply time (email)", "delivery time", "returns and refunds", "free trial", "support hours (phone)", "uptime"]
    kinds = ["response-time", "delivery-time", "refund-window", "trial-length", "availability", "uptime"]
    channels = ["email", "landing", "sms", "chatbot"]
    records = []
    for n in range(size):
        which = n % 6 if n < size - 10 else 0  # a small group among large ones
        value = Duration(60.0 * (1 + n % 3), f"{1 + n % 3} hours") if which == 0 else None
        records.append(PromiseRecord(
            path=f"copy/page{n // 20}.md", start=n, end=n + 5, line=1 + n % 20, column=1, end_line=1 + n % 20, end_column=6,
            text=f"promise {n}", context=f"We promise {n}.", kinds=(kinds[which],), subject=subjects[which] if n < size - 10 else "rare",
            value=value, qualifiers=(), hedged=False, channel=channels[n % 4], strong=True,
        ))
    assessments = [assess(r, None, today) for r in records]
    by_record = {}
    found = find_conflicts(records[:30])
    for conflict in found.listed:
        by_record.setdefault(id(conflict.record), []).append(conflict)
    rows = [Row(a, tuple(by_record.get(id(a.record), ())), found.total.get(id(a.record), 0)) for a in assessments]
    return Inventory(rows, size // 20, None, today, pairs=found.pairs())
