"""`audit` and `init` are the same run as `check`: walk, config, channels, skip-strings, workers.

And the files cxlint writes for itself (its config, promises.yaml, baselines) are never copy.
"""

import datetime as dt
import io
import json

from cxlint.commands.audit import audit_inventory, run_audit
from cxlint.commands.check import CheckOptions, run_check
from cxlint.commands.init import run_init
from cxlint.promises.gather import RunSettings
from tests.conftest import FIXTURES

TODAY = dt.date(2026, 11, 23)
PROMISE = "We reply to every email within 1 hour, guaranteed.\n"


def check_json(paths, **options):
    out = io.StringIO()
    code = run_check(tuple(paths), "json", "warning", out, options=CheckOptions(**options))
    return code, json.loads(out.getvalue())


def test_audit_honours_the_configs_exclude_as_check_does(tmp_path):
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "x.md").write_text(PROMISE, encoding="utf-8")
    (tmp_path / "live.md").write_text("Thanks for your order.\n", encoding="utf-8")
    (tmp_path / ".cxlint.yaml").write_text("exclude: [drafts]\n", encoding="utf-8")
    code, data = check_json([str(tmp_path)])
    assert code == 0 and data["findings"] == []
    inventory = audit_inventory((str(tmp_path),), None, TODAY)
    assert inventory.rows == [] and inventory.files == 1


def test_audit_takes_per_file_channels_and_skip_strings_from_the_config(tmp_path):
    (tmp_path / "sms").mkdir()
    (tmp_path / "sms" / "a.md").write_text(PROMISE, encoding="utf-8")
    (tmp_path / "bot.json").write_text(json.dumps({"debug": PROMISE, "greeting": "Hello!"}), encoding="utf-8")
    (tmp_path / ".cxlint.yaml").write_text('per-file:\n  "sms/**":\n    channel: push\nskip-strings: [debug]\n', encoding="utf-8")
    rows = audit_inventory((str(tmp_path),), None, TODAY).rows
    assert rows and {(r.record.path.endswith("a.md"), r.record.channel) for r in rows} == {(True, "push")}


def test_check_with_promises_runs_in_parallel_with_the_same_result():
    registry = str(FIXTURES / "promises" / "harbor.yaml")
    paths = [str(FIXTURES / "audit")]
    _, serial = check_json(paths, isolated=True, promises=registry, today=TODAY, jobs=1)
    _, parallel = check_json(paths, isolated=True, promises=registry, today=TODAY, jobs=2)
    assert serial["findings"] == parallel["findings"]
    assert any(f["rule"] == "CX253" for f in parallel["findings"])  # conflicts need every worker's promises


def test_init_then_check_lints_none_of_cxlints_own_files(tmp_path, monkeypatch):
    (tmp_path / "home.md").write_text(PROMISE + "\nNo hidden fees, ever. Try it free for 30 days.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out, err = io.StringIO(), io.StringIO()
    assert run_init((), ".", False, out, err) == 0  # no path: drafts from the current folder
    assert "from 0 promises" not in out.getvalue()
    _, data = check_json(["."], write_baseline="baseline.json")
    _, data = check_json(["."], baseline="baseline.json")
    linted = {f["path"] for f in data["findings"]}
    assert not {p for p in linted if p.endswith((".cxlint.yaml", "promises.yaml", "baseline.json"))}
    _, named = check_json(["promises.yaml", ".cxlint.yaml"])  # named on the command line (pre-commit) too
    assert named["findings"] == []


def test_init_drafts_only_our_own_whole_promises(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    assert run_init((str(FIXTURES / "audit"),), str(tmp_path), False, out, err, RunSettings(isolated=True)) == 0
    text = (tmp_path / "promises.yaml").read_text(encoding="utf-8")
    assert "compare/leafco.md" not in text  # claims about other companies are not drafted
    assert "3 days" not in text and "7 days" not in text
    assert 'evidence: "TODO' in text and "docs/registry.md" in text


def test_a_phrase_draft_is_a_whole_promise_not_a_fragment(tmp_path):
    (tmp_path / "a.md").write_text("Our kettles are built to last, forever.\n\nNo hidden fees.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    run_init((str(tmp_path / "a.md"),), str(tmp_path), False, out, err, RunSettings(isolated=True))
    texts = [line.split("text: ", 1)[1] for line in (tmp_path / "promises.yaml").read_text().splitlines() if "text: " in line]
    assert texts and all(len(t.strip('"').split()) >= 2 and t.strip('"')[0].isalnum() for t in texts)


def test_a_hedge_silences_a_promise_in_check_and_softens_it_with_a_registry(tmp_path):
    (tmp_path / "a.md").write_text("Hopefully we reply to your email within 1 hour.\n", encoding="utf-8")
    registry = str(FIXTURES / "promises" / "harbor.yaml")
    _, plain = check_json([str(tmp_path / "a.md")], isolated=True)
    _, judged = check_json([str(tmp_path / "a.md")], isolated=True, promises=registry, today=TODAY)
    assert plain["findings"] == []
    promises = [f for f in judged["findings"] if f["rule"] != "CX254"]  # not the registry's own expiry note
    assert [(f["rule"], f["severity"]) for f in promises] == [("CX250", "info")]


def test_audit_exit_code_and_report_from_the_shared_run(tmp_path):
    (tmp_path / "a.md").write_text(PROMISE, encoding="utf-8")
    out = io.StringIO()
    assert run_audit((str(tmp_path),), "json", out, None, TODAY, settings=RunSettings(isolated=True)) == 0
    assert json.loads(out.getvalue())["summary"]["files"] == 1
