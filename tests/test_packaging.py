"""A wheel built from the checkout carries every rule pack and the review page, and an installed copy lists the rules."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

REPO = Path(__file__).resolve().parent.parent


def _project() -> dict:
    return tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]


cxlint_version = _project()["version"]


def _with_package_json(tmp_path: Path) -> Path:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / "package.json").write_text('{"description": "We noticed you at 3:17 AM."}', encoding="utf-8")
    return folder


def test_the_distribution_name_is_not_the_package_index_cxlint_and_installs_the_cxlint_command() -> None:
    """`cxlint` on the package index is another project: ours is cxlint-copy, and its command and module are cxlint."""
    project = _project()
    assert project["name"] == "cxlint-copy"
    assert project["scripts"] == {"cxlint": "cxlint.cli:main"}
    import cxlint

    assert project["version"] == cxlint.__version__


def test_wheel_ships_every_rule_pack_and_lists_them_when_installed(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("cxlint_copy-*.whl")  # the distribution is cxlint-copy; the package and command cxlint
    names = zipfile.ZipFile(wheel).namelist()
    packs = {Path(name).name for name in names if name.startswith("cxlint/packs/")}
    assert {"cxlint/packs/records.yaml", "cxlint/packs/lexicons/records.yaml"} <= set(names)  # the promise records' words
    shipped = {p.name for p in (REPO / "rules").glob("*.yaml")}
    assert shipped and shipped <= packs
    assert "cxlint/data/tooling-files.txt" in names
    page = {f"cxlint/serve/page/{p.name}" for p in (REPO / "cxlint" / "serve" / "page").iterdir()}
    assert page and page | {"cxlint/serve/file_types.yaml"} <= set(names)  # the review page
    assert "cxlint/readers/components.yaml" in names  # the component readers' vocabulary
    assert {"cxlint/data/learned/barista.bin", "cxlint/data/learned/pressure.bin"} <= set(names)  # CX190's, CX390's models

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(system_site_packages=True, with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # install the wheel itself (no deps: they come from the system site-packages), away from the checkout
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "-q", "--no-deps", str(wheel)],
                   check=True, capture_output=True)
    listed = subprocess.run([str(python), "-m", "cxlint", "rules"], capture_output=True, text=True, cwd=tmp_path)
    assert listed.returncode == 0, listed.stderr
    last = listed.stdout.splitlines()[-1]
    for pack in ("barista", "promise", "pressure"):
        assert pack in last
    located = subprocess.run([str(python), "-c", "import cxlint; print(cxlint.__file__)"], capture_output=True,
                             text=True, cwd=tmp_path)
    assert str(env_dir) in located.stdout  # the installed copy answered, not the checkout
    # the distribution's name, and the command it installs
    named = subprocess.run([str(python), "-c", "import importlib.metadata as m; print(m.version('cxlint-copy'))"],
                           capture_output=True, text=True, cwd=tmp_path)
    assert named.stdout.strip() == cxlint_version, named.stderr
    command = subprocess.run([str(env_dir / "bin" / "cxlint"), "--version"], capture_output=True, text=True, cwd=tmp_path)
    assert command.returncode == 0 and cxlint_version in command.stdout, command.stderr
    skipped = subprocess.run([str(env_dir / "bin" / "cxlint"), "check", "package.json"], capture_output=True, text=True,
                             cwd=_with_package_json(tmp_path))
    assert skipped.returncode == 0 and "not copy; skipped" in skipped.stderr  # the tool-file list was installed too
    (tmp_path / "mail.tsx").write_text("const E = () => <Text>Hi {firstName}, seen {viewCount} times.</Text>;\n", encoding="utf-8")
    component = subprocess.run([str(python), "-m", "cxlint", "check", "mail.tsx"], capture_output=True, text=True, cwd=tmp_path)
    assert "CX110" in component.stdout, component.stderr  # its vocabulary is read from the installed package
    (tmp_path / "gym.md").write_text("Looks like you've been to the gym less lately. Need a boost?\n\n"
                                     "You were so close. Don't throw it all away now.\n", encoding="utf-8")
    learned = subprocess.run([str(python), "-m", "cxlint", "check", "gym.md"], capture_output=True, text=True, cwd=tmp_path)
    assert "CX190" in learned.stdout and "CX390" in learned.stdout, learned.stderr  # models read from the package
    # from the repository root the checkout's cxlint/ shadows the installed copy: its rules/ answer
    from_root = subprocess.run([str(python), "-m", "cxlint", "rules"], capture_output=True, text=True, cwd=REPO)
    assert from_root.returncode == 0, from_root.stderr
    assert "CX250" in from_root.stdout


def test_the_documented_git_install_installs_cxlint_copy(tmp_path: Path) -> None:
    """``pip install "git+REPO-URL@COMMIT-SHA"`` (README, docs/ci.md), with a local clone as the URL."""
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", str(REPO), str(clone)], check=True, capture_output=True)
    sha = subprocess.run(["git", "-C", str(clone), "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", "--target", str(target),
         f"git+{clone.as_uri()}@{sha}"],
        check=True, capture_output=True,
    )
    assert (target / "cxlint" / "cli.py").is_file() and (target / "bin" / "cxlint").is_file()
    assert [p.name for p in target.glob("*.dist-info")] == [f"cxlint_copy-{cxlint_version}.dist-info"]


def test_every_package_of_the_source_tree_is_in_the_distribution() -> None:
    """A new sub-package left out of ``[tool.setuptools] packages`` works in a checkout and is
    missing from every install."""
    listed = set(tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    found = {
        ".".join(init.parent.relative_to(REPO).parts)
        for init in (REPO / "cxlint").rglob("__init__.py")
        if "__pycache__" not in init.parts
    }
    assert found - listed == set()
