"""A wheel built from the checkout carries every rule pack, and an installed copy lists them."""

from __future__ import annotations

import subprocess
import sys
import venv
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_wheel_ships_every_rule_pack_and_lists_them_when_installed(tmp_path: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", str(tmp_path), str(REPO)],
        check=True,
        capture_output=True,
    )
    [wheel] = tmp_path.glob("cxlint-*.whl")
    packs = {Path(name).name for name in zipfile.ZipFile(wheel).namelist() if name.startswith("cxlint/packs/")}
    assert "cxlint/promises/vocabulary.yaml" in zipfile.ZipFile(wheel).namelist()  # the auditor's words
    shipped = {p.name for p in (REPO / "rules").glob("*.yaml")}
    assert shipped and shipped <= packs

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
    # from the repository root the checkout's cxlint/ shadows the installed copy: its rules/ answer
    from_root = subprocess.run([str(python), "-m", "cxlint", "rules"], capture_output=True, text=True, cwd=REPO)
    assert from_root.returncode == 0, from_root.stderr
    assert "CX250" in from_root.stdout
