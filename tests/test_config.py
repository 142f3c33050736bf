"""Config discovery, validation (file:line, typo hints, exit 2) and every setting's effect."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxlint.config import find_config, load_config
from cxlint.config.globs import matches
from cxlint.errors import FatalError
from tests.conftest import CREEPY, USER_PACK


def _json(run) -> dict:
    return json.loads(run.out)


def _rules(run) -> list[str]:
    return [f["rule"] for f in _json(run)["findings"]]


def test_discovery_walks_up_from_the_linted_path(project: Path) -> None:
    (project / ".cxlint.yaml").write_text("fail-on: error\n")
    assert find_config(str(project / "emails" / "creepy.md")) == str(project / ".cxlint.yaml")


def test_yaml_wins_over_pyproject_and_pyproject_without_table_is_skipped(tmp_path: Path) -> None:
    inner = tmp_path / "pkg"
    inner.mkdir()
    (inner / "pyproject.toml").write_text("[project]\nname='x'\n")
    (tmp_path / "pyproject.toml").write_text("[tool.cxlint]\nfail-on = 'error'\n")
    assert find_config(str(inner)) == str(tmp_path / "pyproject.toml")
    (tmp_path / ".cxlint.yaml").write_text("fail-on: info\n")
    assert find_config(str(inner)) == str(tmp_path / ".cxlint.yaml")


def test_pyproject_table_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.cxlint]\ndisable = ["CX102"]\n\n[tool.cxlint.per-file]\n"legal/**" = ["promise"]\n')
    config = load_config(str(tmp_path / "pyproject.toml"))
    assert config.disable == ("CX102",)
    assert config.per_file[0].patterns == ("legal/**",) and config.per_file[0].disable == ("promise",)


def test_yaml_typo_names_file_line_key_and_closest_key(tmp_path: Path) -> None:
    (tmp_path / ".cxlint.yaml").write_text("fail-on: error\n\nexlude:\n  - drafts\n")
    with pytest.raises(FatalError, match=r"\.cxlint\.yaml:3: unknown config key 'exlude'; did you mean 'exclude'\?"):
        load_config(str(tmp_path / ".cxlint.yaml"))


def test_toml_typo_names_its_line(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[project]\nname = 'x'\n\n[tool.cxlint]\nfail-on = 'error'\nfail_on = 'info'\n")
    with pytest.raises(FatalError, match=r"pyproject\.toml:6: unknown config key 'fail_on'; did you mean 'fail-on'\?"):
        load_config(str(tmp_path / "pyproject.toml"))


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("fail-on: sometimes\n", ":1:", "'fail-on' must be one of"),
        ("format: sarf\n", ":1:", "did you mean 'sarif'"),
        ("severity:\n  CX101: fatal\n", ":2:", "'CX101' must be one of"),
        ("per-file:\n  'legal/**':\n    chanel: email\n", ":3:", "unknown per-file key 'chanel'; did you mean 'channel'"),
        ("exclude: 3\n", ":1:", "list of non-empty strings"),
        ("- just\n- a list\n", ":1:", "must be a mapping"),
        ("fail-on: [unclosed\n", ":2:", "invalid YAML"),
        ("require-reason: maybe\n", ":1:", "true or false"),
    ],
)
def test_invalid_config_errors_name_the_line(tmp_path: Path, text: str, where: str, message: str) -> None:
    (tmp_path / ".cxlint.yaml").write_text(text)
    with pytest.raises(FatalError) as exc:
        load_config(str(tmp_path / ".cxlint.yaml"))
    assert where in str(exc.value) and message in str(exc.value)


def test_config_error_exits_2_naming_file_line(cxlint, project: Path) -> None:
    (project / ".cxlint.yaml").write_text("fail-on: error\ndisable: [CX9999]\n")
    run = cxlint("check", "emails", cwd=project)
    assert run.code == 2
    assert ".cxlint.yaml:2: unknown rule, category or pack 'CX9999'" in run.err


def test_every_config_error_is_reported_with_its_line_and_exit_2(cxlint, project: Path) -> None:
    """Three mistakes, three errors: a writer fixes the file in one go, not one run per mistake."""
    (project / ".cxlint.yaml").write_text(
        "exlude: [drafts]\n"
        "fail-on: warn\n"
        "disable: [CX-101]\n"
        "per-file:\n"
        "  'legal/**': {chanel: email}\n"
    )
    run = cxlint("check", "emails", cwd=project)
    assert run.code == 2
    lines = run.err.splitlines()
    assert lines == [
        "cxlint: error: .cxlint.yaml:1: unknown config key 'exlude'; did you mean 'exclude'?",
        "cxlint: error: .cxlint.yaml:2: 'fail-on' must be one of error, warning, info, never, not 'warn' (did you mean 'warning'?)",
        "cxlint: error: .cxlint.yaml:3: unknown rule, category or pack 'CX-101'; did you mean 'CX101'?",
        "cxlint: error: .cxlint.yaml:5: unknown per-file key 'chanel'; did you mean 'channel'?",
    ]


def test_every_error_of_a_pyproject_table_is_reported(cxlint, project: Path) -> None:
    (project / "pyproject.toml").write_text(
        "[tool.cxlint]\nformat = 'sarf'\nrequire-reason = 'maybe'\nexclude = 3\n"
    )
    run = cxlint("check", "emails", cwd=project)
    assert run.code == 2
    assert [line.split(": ")[2] for line in run.err.splitlines()] == ["pyproject.toml:2", "pyproject.toml:3", "pyproject.toml:4"]


def test_config_errors_are_listed_in_line_order_and_the_rest_is_read(tmp_path: Path) -> None:
    from cxlint.errors import ConfigError

    (tmp_path / ".cxlint.yaml").write_text("severity:\n  CX101: fatal\n  CX102: loud\nfail-on: sometimes\n")
    with pytest.raises(ConfigError) as exc:
        load_config(str(tmp_path / ".cxlint.yaml"))
    assert [m.split(": ")[0].rsplit("/", 1)[-1] for m in exc.value.messages] == [".cxlint.yaml:2", ".cxlint.yaml:3", ".cxlint.yaml:4"]
    assert exc.value.config is not None and exc.value.config.severity == ()  # read as far as it goes


def test_unknown_selector_suggests_closest(cxlint, project: Path) -> None:
    (project / ".cxlint.yaml").write_text("enable: [barsita]\n")
    run = cxlint("check", "emails", cwd=project)
    assert run.code == 2 and "did you mean 'barista'" in run.err


def test_explicit_config_overrides_discovery(cxlint, project: Path, tmp_path_factory) -> None:
    (project / ".cxlint.yaml").write_text("fail-on: never\n")
    other = tmp_path_factory.mktemp("cfg") / "strict.yaml"
    other.write_text("fail-on: info\n")
    assert cxlint("check", "emails", cwd=project).code == 0
    assert cxlint("check", "--config", str(other), "emails", cwd=project).code == 1
    assert cxlint("check", "--isolated", "emails", cwd=project).code == 1


def test_missing_explicit_config_exits_2(cxlint, project: Path) -> None:
    run = cxlint("check", "--config", "nope.yaml", "emails", cwd=project)
    assert run.code == 2 and "nope.yaml" in run.err


def test_disable_by_rule_category_and_pack(cxlint, project: Path) -> None:
    assert set(_rules(cxlint("check", "--format", "json", "emails", cwd=project))) == {"CX101", "CX102"}
    (project / ".cxlint.yaml").write_text("disable: [CX102]\n")
    assert _rules(cxlint("check", "--format", "json", "emails", cwd=project)) == ["CX101"]
    (project / ".cxlint.yaml").write_text("disable: [barista]\n")
    assert _rules(cxlint("check", "--format", "json", "emails", cwd=project)) == []
    (project / ".cxlint.yaml").write_text("enable: [promise]\n")
    assert cxlint("check", "emails", cwd=project).code == 0


def test_cli_enable_and_disable(cxlint, project: Path) -> None:
    assert _rules(cxlint("check", "--format", "json", "--enable", "CX102", "emails", cwd=project)) == ["CX102"]
    assert _rules(cxlint("check", "--format", "json", "--disable", "CX101,CX102", "emails", cwd=project)) == []


def test_severity_override_most_specific_wins(cxlint, project: Path) -> None:
    (project / ".cxlint.yaml").write_text("severity:\n  barista: info\n  CX101: error\nfail-on: error\n")
    run = cxlint("check", "--format", "json", "emails", cwd=project)
    assert {f["rule"]: f["severity"] for f in _json(run)["findings"]} == {"CX101": "error", "CX102": "info"}
    assert run.code == 1


def test_per_file_override_disables_and_sets_channel(cxlint, project: Path) -> None:
    (project / "legal").mkdir()
    (project / "legal" / "notice.md").write_text(CREEPY)
    (project / ".cxlint.yaml").write_text(
        "per-file:\n  'legal/**':\n    disable: [CX102]\n    severity: {CX101: info}\n    channel: sms\n"
    )
    findings = _json(cxlint("check", "--format", "json", ".", cwd=project))["findings"]
    legal = [f for f in findings if "legal/" in f["path"]]
    assert [f["rule"] for f in legal] == ["CX101"]
    assert legal[0]["severity"] == "info" and legal[0]["channel"] == "sms"
    emails = [f for f in findings if "emails/" in f["path"]]
    assert {f["rule"] for f in emails} == {"CX101", "CX102"}


def test_include_and_exclude_globs(cxlint, project: Path) -> None:
    (project / "drafts").mkdir()
    (project / "drafts" / "x.md").write_text("We noticed you were browsing socks at 2:14am.\n")
    (project / ".cxlint.yaml").write_text("exclude: [drafts]\n")
    paths = {f["path"] for f in _json(cxlint("check", "--format", "json", ".", cwd=project))["findings"]}
    assert paths == {"./emails/creepy.md"}
    # an excluded file named directly (as pre-commit does) stays excluded
    assert _json(cxlint("check", "--format", "json", "drafts/x.md", cwd=project))["summary"]["files"] == 0
    (project / ".cxlint.yaml").write_text("include: ['drafts/*.md']\n")
    paths = {f["path"] for f in _json(cxlint("check", "--format", "json", ".", cwd=project))["findings"]}
    assert paths == {"./drafts/x.md"}


def test_allow_words_drop_findings_that_contain_them(cxlint, project: Path) -> None:
    (project / ".cxlint.yaml").write_text("allow-words: ['AT 2:14AM']\n")
    assert _rules(cxlint("check", "--format", "json", "emails", cwd=project)) == ["CX101"]


def test_packs_from_the_repo_and_promises_path_are_carried(cxlint, project: Path) -> None:
    (project / "packs").mkdir()
    (project / "packs" / "house.yaml").write_text(USER_PACK)
    (project / "emails" / "sale.md").write_text("Great deals this week. Act now.\n")
    (project / ".cxlint.yaml").write_text("packs: [packs/house.yaml]\npromises: registry/promises.yaml\n")
    (project / "registry").mkdir()
    (project / "registry" / "promises.yaml").write_text(
        'promises:\n  - id: deals\n    kind: claim\n    text: "great deals"\n    evidence: "Pricing review"\n'
    )
    assert "CX901" in _rules(cxlint("check", "--format", "json", "emails", cwd=project))
    config = load_config(str(project / ".cxlint.yaml"))
    assert config.promises == str(project / "registry" / "promises.yaml")


def test_fail_on_and_format_from_config_and_cli_wins(cxlint, project: Path) -> None:
    (project / ".cxlint.yaml").write_text("fail-on: never\nformat: json-lines\n")
    run = cxlint("check", "emails", cwd=project)
    assert run.code == 0 and json.loads(run.out.splitlines()[0])["rule"] == "CX101"
    run = cxlint("check", "--fail-on", "warning", "--format", "text", "emails", cwd=project)
    assert run.code == 1 and run.out.startswith("emails/creepy.md:3:1:")


@pytest.mark.parametrize(
    ("pattern", "path", "expected"),
    [
        ("drafts", "emails/drafts/a.md", True),
        ("*.md", "emails/a.md", True),
        ("emails/*.md", "emails/a.md", True),
        ("emails/*.md", "emails/sub/a.md", False),
        ("emails/**/*.md", "emails/sub/deep/a.md", True),
        ("emails/**/*.md", "emails/a.md", True),
        ("legal/**", "legal/x/y.md", True),
        ("legal", "legalese/y.md", False),
    ],
)
def test_globs(pattern: str, path: str, expected: bool) -> None:
    assert matches(pattern, path) is expected
