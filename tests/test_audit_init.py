import io

from cxlint.commands.audit import run_audit
from cxlint.commands.init import run_init
from cxlint.promises.registry import load_registry


def init(fixtures, target, force=False):
    out, err = io.StringIO(), io.StringIO()
    return run_init((str(fixtures / "audit"),), str(target), force, out, err), err.getvalue()


def test_init_drafts_a_registry_that_loads_with_every_entry_marked_draft(fixtures, tmp_path):
    code, _ = init(fixtures, tmp_path)
    assert code == 0
    registry = load_registry(str(tmp_path / "promises.yaml"))
    assert {e.kind for e in registry.entries} == {"availability", "delivery-time", "refund-window", "response-time", "trial-length"}
    assert all(e.draft for e in registry.entries)
    assert "promises: promises.yaml" in (tmp_path / ".cxlint.yaml").read_text()


def test_init_never_overwrites_without_force(fixtures, tmp_path):
    (tmp_path / "promises.yaml").write_text("mine", encoding="utf-8")
    code, err = init(fixtures, tmp_path)
    assert code == 2 and "--force" in err
    assert (tmp_path / "promises.yaml").read_text() == "mine"
    assert init(fixtures, tmp_path, force=True)[0] == 0
    assert (tmp_path / "promises.yaml").read_text() != "mine"
    assert not list(tmp_path.glob(".*.tmp"))


def test_draft_entries_back_nothing_until_evidence_is_filled_in(fixtures, tmp_path):
    import datetime as dt
    import json

    init(fixtures, tmp_path)
    path = tmp_path / "promises.yaml"

    def statuses():
        out = io.StringIO()
        run_audit((str(fixtures / "audit"),), "json", out, str(path), dt.date(2026, 11, 23))
        return {p["registry_status"] for p in json.loads(out.getvalue())["promises"]}

    assert statuses() == {"unbacked"}
    path.write_text(path.read_text().replace("TODO: what backs this?", "Signed off by ops:"), encoding="utf-8")
    assert statuses() == {"backed"}
