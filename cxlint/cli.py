"""The command line, kept thin: parse options, call a command module, exit with its code."""

from __future__ import annotations

import datetime
import gc
import sys
from collections.abc import Callable

from cxlint.warm import warm

warm()  # before click and cxlint's modules compile their classes and patterns at import

import click  # noqa: E402

from cxlint import __version__  # noqa: E402
from cxlint.channels import CHANNELS  # noqa: E402
from cxlint.commands import EXIT_ERROR  # noqa: E402
from cxlint.errors import FatalError  # noqa: E402

FILE = click.Path(dir_okay=False)
EXISTING_FILE = click.Path(exists=True, dir_okay=False)
FOLDER = click.Path(file_okay=False)
"""Parameter types, made once: each ``click.Path`` asks gettext for its name, which searches the
locale folders every time (a tenth of a one-file run's own work before this was shared)."""

FAIL_ON = ("error", "warning", "info", "never")


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cxlint")
def cli() -> None:
    """Lint customer-facing copy for creepy personalisation, unbacked promises and pressure."""


FORMATS = ("text", "full", "json", "json-lines", "sarif", "github", "junit", "gitlab", "rdjson")


def _selectors(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(s.strip() for v in values for s in v.split(",") if s.strip())


def _scale_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options ``check`` and ``audit`` share for message archives and a Dask cluster."""
    options = (
        click.option("--text-field", default="text", show_default=True, help="Message archives: the field holding each message's text."),
        click.option("--id-field", default="id", show_default=True, help="Message archives: the field holding each message's id."),
        click.option("--channel-field", default="channel", show_default=True, help="Message archives: the field holding each message's channel."),
        click.option("--dask", "dask_address", metavar="ADDRESS",
                     help="Lint on a running dask.distributed scheduler (e.g. tcp://10.0.0.5:8786); needs the dask extra."),
    )
    for option in reversed(options):
        command = option(command)
    return command


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "output_format", type=click.Choice(FORMATS), default=None,
              help="Output format (default: the config's, else text).")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default=None,
              help="Lowest severity that makes the exit code 1 (default: the config's, else warning).")
@click.option("--rules", "extra_packs", multiple=True, type=FILE,
              help="An extra YAML rule pack (repeatable).")
@click.option("--channel", type=click.Choice(CHANNELS), help="Channel for every file, instead of guessing from paths.")
@click.option("--stdin-filename", default=None,
              help="Name of standard input ('-'): picks its reader and names it in the report (default: read as Markdown, shown as '-').")
@click.option("--config", "config_file", type=FILE,
              help="Config file (.cxlint.yaml or pyproject.toml) instead of the one found above the paths.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--enable", multiple=True, help="Only these rules, categories or packs (comma-separated, repeatable).")
@click.option("--disable", multiple=True, help="Also switch off these rules, categories or packs.")
@click.option("--baseline", type=FILE, help="Accept the findings recorded in this baseline file.")
@click.option("--write-baseline", type=FILE, help="Record every current finding in this baseline file.")
@click.option("--diff", "diff_ref", metavar="REF", help="Only report findings on lines changed since this git ref.")
@click.option("--progress/--no-progress", default=None, help="Progress bar on stderr (default: on a terminal, outside CI).")
@click.option("--promises", "promises_file", type=FILE,
              help="Promises registry (promises.yaml) to check promises against (default: the config's).")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Date for registry expiry (default: today).")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to lint with; 0 = one per core for large runs (48+ files, 1 MB+), serial otherwise.")
@click.option("--max-file-size", metavar="SIZE", callback=lambda _c, _p, v: _size(v),
              help="Skip (and report as CX000) files larger than this, e.g. 2MB (default: the config's, else 10MB).")
@_scale_options
def check(paths: tuple[str, ...], output_format: str | None, fail_on: str | None, extra_packs: tuple[str, ...],
          channel: str | None, stdin_filename: str | None, config_file: str | None, isolated: bool, enable: tuple[str, ...],
          disable: tuple[str, ...], baseline: str | None, write_baseline: str | None, diff_ref: str | None,
          progress: bool | None, promises_file: str | None, today: object, jobs: int, max_file_size: int | None,
          text_field: str, id_field: str, channel_field: str, dask_address: str | None) -> None:
    """Lint files and folders (or '-' for standard input).

    A message archive (.jsonl, .csv or .parquet named here, one message a record) is linted
    message by message; its findings give the record's line and a JSON Pointer to it.
    """
    from cxlint.archives import ArchiveFields
    from cxlint.commands.check import CheckOptions, run_check

    if baseline and write_baseline:
        raise click.UsageError("--baseline and --write-baseline are exclusive")
    options = CheckOptions(config_file, isolated, _selectors(enable), _selectors(disable), baseline, write_baseline,
                           diff_ref, progress, promises_file, _date(today), jobs or None, max_file_size,
                           ArchiveFields(text_field, id_field, channel_field), dask_address)
    sys.exit(run_check(paths, output_format, fail_on, sys.stdout, extra_packs, channel, stdin_filename, options))


@cli.command("rules")
@click.option("--rules", "extra_packs", multiple=True, type=FILE)
@click.option("--format", "output_format", type=click.Choice(["text", "md"]), default="text", show_default=True,
              help="md: the rule reference kept in docs/rules.md.")
def rules_command(extra_packs: tuple[str, ...], output_format: str) -> None:
    """List every rule."""
    from cxlint.commands.rules import run_rules

    sys.exit(run_rules(sys.stdout, extra_packs, output_format))


@cli.command("rule")
@click.argument("rule_id", metavar="ID|NAME")
@click.option("--rules", "extra_packs", multiple=True, type=FILE)
def rule_command(rule_id: str, extra_packs: tuple[str, ...]) -> None:
    """Explain one rule, by id (CX102) or name (precise-time): rationale, suggestion and examples."""
    from cxlint.commands.rules import run_rule

    sys.exit(run_rule(rule_id, sys.stdout, sys.stderr, extra_packs))


@cli.command("eval")
@click.argument("cases", type=EXISTING_FILE)
@click.option("-v", "--verbose", is_flag=True, help="List the misses and false alarms.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]), default="warning", show_default=True,
              help="Lowest severity that counts as flagging a case.")
@click.option("--promises", "promises_file", type=EXISTING_FILE,
              help="Promises registry for cases that name none.")
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Date for registry expiry (default: today).")
def eval_command(cases: str, verbose: bool, min_severity: str, promises_file: str | None, today: object) -> None:
    """Score the linter on labelled cases (JSON Lines): precision, recall and F1 per category."""
    from cxlint.commands.evaluate import run_eval

    sys.exit(run_eval(cases, sys.stdout, verbose, min_severity, promises_file, _date(today)))


@cli.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option("--promises", "promises_file", type=FILE, help="Promises registry (promises.yaml).")
@click.option("--format", "output_format", type=click.Choice(["md", "csv", "json", "html"]), default="md", show_default=True)
@click.option("--today", type=click.DateTime(["%Y-%m-%d"]), help="Date for registry expiry (default: today).")
@click.option("--channel", type=click.Choice(CHANNELS), help="Channel for every file, instead of guessing from paths.")
@click.option("--config", "config_file", type=FILE, help="Config file (default: found above the paths, as check does).")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--jobs", "-j", type=click.IntRange(min=0), default=0, show_default=True,
              help="Processes to lint with; 0 picks one per core for large runs, as check does.")
@_scale_options
def audit_command(paths: tuple[str, ...], promises_file: str | None, output_format: str, today: object, channel: str | None,
                  config_file: str | None, isolated: bool, jobs: int, text_field: str, id_field: str, channel_field: str,
                  dask_address: str | None) -> None:
    """The promise inventory across touchpoints: every promise by subject, with its status.

    Message archives are audited message by message; with --dask the files and message batches
    are linted on the cluster and the inventory (registry, contradictions) is built here, from
    the promise records the workers send back.
    """
    from cxlint.archives import ArchiveFields
    from cxlint.commands.audit import run_audit
    from cxlint.promises.gather import RunSettings

    settings = RunSettings(config_file, isolated, channel, jobs or None, ArchiveFields(text_field, id_field, channel_field), dask_address)
    sys.exit(run_audit(paths, output_format, sys.stdout, promises_file, _date(today), channel, settings))


@cli.command("init")
@click.argument("paths", nargs=-1)
@click.option("--dir", "directory", default=".", show_default=True, type=FOLDER,
              help="Where to write .cxlint.yaml and promises.yaml.")
@click.option("--force", is_flag=True, help="Overwrite existing files.")
@click.option("--config", "config_file", type=FILE, help="Config file (default: found above the paths, as check does).")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
def init_command(paths: tuple[str, ...], directory: str, force: bool, config_file: str | None, isolated: bool) -> None:
    """Write a starter config and a promises.yaml drafted from our own promises in PATHS (default: the current folder)."""
    from cxlint.commands.init import run_init
    from cxlint.promises.gather import RunSettings

    sys.exit(run_init(paths, directory, force, sys.stdout, sys.stderr, RunSettings(config_file, isolated)))


@cli.command("serve")
@click.argument("folder", default=".", type=FOLDER)
@click.option("--port", type=click.IntRange(0, 65535), default=8765, show_default=True,
              help="Port on 127.0.0.1; 0 picks a free one.")
@click.option("--open/--no-open", "open_browser", default=True, show_default=True, help="Open the page in a browser.")
@click.option("--config", "config_file", type=FILE,
              help="Config file (.cxlint.yaml or pyproject.toml) instead of the one found above FOLDER.")
@click.option("--isolated", is_flag=True, help="Ignore every config file.")
@click.option("--rules", "extra_packs", multiple=True, type=FILE,
              help="An extra YAML rule pack (repeatable).")
def serve_command(folder: str, port: int, open_browser: bool, config_file: str | None, isolated: bool,
                  extra_packs: tuple[str, ...]) -> None:
    """A review page on 127.0.0.1: paste, drop or open copy and see each finding in place."""
    from cxlint.commands.serve import run_serve

    sys.exit(run_serve(folder, port, open_browser, sys.stdout, sys.stderr, config_file, isolated, extra_packs))


@cli.command("lsp")
def lsp_command() -> None:
    """Run the editor server: the Language Server Protocol over stdin/stdout.

    Editors start it and talk to it: diagnostics as you type (every format `check` reads, with
    the config `check` would find for each file), quick fixes, and rule links. docs/editors.md
    shows the set-up for VS Code, Neovim and Zed.
    """
    from cxlint.commands.lsp import run_lsp

    sys.exit(run_lsp())


def _size(value: str | None) -> int | None:
    from cxlint.sizes import parse_size

    if value is None:
        return None
    try:
        return parse_size(value)
    except ValueError as exc:
        raise click.BadParameter(str(exc), param_hint="--max-file-size") from exc


def _date(value: object) -> "datetime.date | None":
    """click.DateTime gives a datetime; the registry works in dates."""
    return value.date() if value is not None else None  # type: ignore[attr-defined]


YOUNG_OBJECTS_BEFORE_COLLECTION = 10_000
"""The cyclic collector's first threshold for a cxlint process (Python's default is 700). A run's garbage is freed
by reference counting; what the collector's young passes keep finding is the entries the run's memories (gate
verdicts, frame hits, model scores) add, which live on. Passing over them a fourteenth as often cost a corpus run
1.1 % fewer instructions, for a young generation that still holds at most ten thousand objects."""


def main() -> None:
    """Entry point: one error handler at the boundary."""
    gc.set_threshold(YOUNG_OBJECTS_BEFORE_COLLECTION, *gc.get_threshold()[1:])
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.ClickException as exc:
        exc.show()
        sys.exit(EXIT_ERROR)
    except click.exceptions.Abort:
        sys.exit(EXIT_ERROR)
    except FatalError as exc:
        for line in str(exc).splitlines() or [""]:  # a config with three mistakes: three lines
            click.echo(f"cxlint: error: {line}", err=True)
        sys.exit(EXIT_ERROR)
    except KeyboardInterrupt:
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the boundary: an internal error is exit 2, not a traceback
        click.echo(f"cxlint: internal error: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_ERROR)
