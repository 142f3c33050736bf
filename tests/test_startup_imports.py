"""A run imports what it uses: one file checked as JSON loads neither the other formatters nor spaCy;
a Markdown file without HTML loads no HTML parser, no worker pool and no YAML parser (the packs
come from the compiled cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

PROBE = """
import sys
from cxlint.cli import cli
try:
    cli.main(["check", "--format", "json", "--fail-on", "never", sys.argv[1]], standalone_mode=False)
except SystemExit:
    pass
sys.stdout = sys.__stdout__
print(" ".join(sorted(m for m in sys.modules if m.startswith(("cxlint.formatters.", "spacy", "html.parser", "multiprocessing", "yaml")))))
"""



def _probe_printing(report: str) -> str:
    """``PROBE`` with its last line (what it prints) replaced by ``report``."""
    return PROBE.split("sys.stdout = sys.__stdout__")[0] + "sys.stdout = sys.__stdout__\n" + report + "\n"

def test_checking_one_file_as_json_imports_only_the_json_formatter(tmp_path: Path) -> None:
    copy = tmp_path / "welcome.txt"
    copy.write_text("Our team will reply within 1 hour, guaranteed.\n", encoding="utf-8")
    run = subprocess.run([sys.executable, "-c", PROBE, str(copy)], capture_output=True, text=True, check=True)
    loaded = run.stdout.strip().splitlines()[-1].split()
    assert "cxlint.formatters.json_format" in loaded
    assert not [m for m in loaded if m.endswith(("sarif_format", "junit_format", "gitlab_format", "rdjson_format"))]
    assert not [m for m in loaded if m.startswith("spacy")]


def test_one_markdown_file_without_html_loads_no_html_parser_worker_pool_or_yaml(tmp_path: Path) -> None:
    copy = tmp_path / "welcome.md"
    copy.write_text("# Welcome\n\nBrowse the *new* season and find something you like.\n", encoding="utf-8")
    probe = [sys.executable, "-c", PROBE, str(copy)]
    env = {**os.environ, "CXLINT_NO_CACHE": "", "CXLINT_CACHE_DIR": str(tmp_path / "cache")}
    subprocess.run(probe, capture_output=True, text=True, check=True, env=env)  # the first run compiles the pack cache
    loaded = subprocess.run(probe, capture_output=True, text=True, check=True, env=env).stdout.strip().splitlines()[-1].split()
    assert not [m for m in loaded if m.startswith(("html.parser", "multiprocessing", "yaml"))]


def test_a_clean_file_loads_no_git_runner_toml_parser_or_spelling_hints(tmp_path: Path) -> None:
    """subprocess is for --diff, tomllib for a pyproject.toml, difflib for a misspelt name: a
    one-file run needs none of them (unless the bare interpreter already loads one at start-up)."""
    listing = "import sys; print('loaded:', *(m for m in ('subprocess', 'tomllib', 'difflib') if m in sys.modules))"
    bare = subprocess.run([sys.executable, "-c", listing], capture_output=True, text=True, check=True).stdout.split()
    copy = tmp_path / "welcome.txt"
    copy.write_text("Browse the new season and find something you like.\n", encoding="utf-8")
    probe = _probe_printing(listing.split("; ", 1)[1])
    run = subprocess.run([sys.executable, "-c", probe, str(copy)], capture_output=True, text=True, check=True, cwd=tmp_path)
    loaded = run.stdout.strip().splitlines()[-1].split()
    assert loaded[0] == "loaded:"
    assert [m for m in loaded[1:] if m not in bare] == []


def test_a_registered_formatter_is_listed_and_can_be_removed() -> None:
    from cxlint.formatters import FORMATTERS

    FORMATTERS["house"] = FORMATTERS["json"]
    try:
        assert "house" in list(FORMATTERS) and FORMATTERS["house"] is FORMATTERS["json"]
    finally:
        del FORMATTERS["house"]
    assert "house" not in FORMATTERS and len(FORMATTERS) == 9


def test_every_dataclass_says_why_it_exists() -> None:
    """A dataclass without a docstring gets one made from ``inspect.signature`` at import, which
    cost a one-file run more than the class itself; a written one says why the class is there.
    Every module of the package is imported, so the answer does not depend on which tests ran first."""
    import dataclasses
    import importlib
    import inspect
    import pkgutil

    import cxlint

    undocumented = []
    for info in pkgutil.walk_packages(cxlint.__path__, "cxlint."):
        try:
            module = importlib.import_module(info.name)
        except ImportError:  # an optional extra (dask, pyarrow) that is not installed
            continue
        undocumented += [
            f"{info.name}.{cls.__qualname__}"
            for cls in vars(module).values()
            if inspect.isclass(cls) and dataclasses.is_dataclass(cls) and cls.__module__ == info.name
            and (cls.__doc__ or "").startswith(cls.__name__ + "(")
        ]
    assert undocumented == []


MATCHER_PROBE = _probe_printing("print('cxlint.promises.matching' in sys.modules)")


def test_a_file_that_makes_no_promise_never_loads_the_registry_matcher(tmp_path: Path) -> None:
    """Promise records are judged by the matcher (with or without a registry); a file with none
    has nothing to judge, and its run does not pay for the matcher's import."""
    clean = tmp_path / "clean.txt"
    clean.write_text("Thanks for your order. Your parcel is on its way.\n", encoding="utf-8")
    promising = tmp_path / "promise.txt"
    promising.write_text("Our team will reply within 1 hour, guaranteed.\n", encoding="utf-8")
    seen = [
        subprocess.run([sys.executable, "-c", MATCHER_PROBE, str(path)], capture_output=True, text=True, check=True).stdout.split()[-1]
        for path in (clean, promising)
    ]
    assert seen == ["False", "True"]
