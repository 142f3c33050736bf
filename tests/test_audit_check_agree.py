import datetime as dt
import io
import json

from cxlint.commands.audit import run_audit
from cxlint.commands.check import CheckOptions, run_check

TODAY = dt.date(2026, 11, 23)


def test_check_with_promises_and_audit_give_the_same_statuses(fixtures):
    registry = str(fixtures / "promises" / "harbor.yaml")
    paths = (str(fixtures / "audit"),)
    out = io.StringIO()
    run_check(paths, "json", "warning", out, options=CheckOptions(isolated=True, promises=registry, today=TODAY))
    findings = json.loads(out.getvalue())["findings"]
    from_check = {
        (f["path"], f["line"], f["column"], f["status"])
        for f in findings
        if f.get("status") in ("over-promised", "expired", "unbacked")
    }
    out = io.StringIO()
    run_audit(paths, "json", out, registry, TODAY)
    promises = json.loads(out.getvalue())["promises"]
    from_audit = {(p["path"], p["line"], p["column"], p["registry_status"]) for p in promises if p["registry_status"] != "backed"}
    assert from_check == from_audit
    assert from_check  # the fixture has promises beyond the registry
    inconsistent_check = {(f["path"], f["line"]) for f in findings if f["rule"] == "CX253"}
    inconsistent_audit = {(p["path"], p["line"]) for p in promises if p["conflicts"]}
    assert inconsistent_check == inconsistent_audit


def test_check_without_promises_judges_nothing_against_a_registry_but_still_compares_touchpoints(fixtures):
    out = io.StringIO()
    run_check((str(fixtures / "audit"),), "json", "warning", out, options=CheckOptions(isolated=True))
    findings = json.loads(out.getvalue())["findings"]
    assert not any(f["rule"] in ("CX250", "CX251", "CX252", "CX254") for f in findings)
    assert all(f.get("status") in (None, "inconsistent") for f in findings)
    assert {f["rule"] for f in findings if f.get("status") == "inconsistent"} == {"CX253"}
