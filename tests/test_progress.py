"""The progress bar: on a terminal with many files, never in CI or for a handful of files."""

from __future__ import annotations

import io

from cxlint.progress import MIN_FILES, ProgressBar, wants_progress


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_shown_on_a_tty_outside_ci(monkeypatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    assert wants_progress(Tty()) is True
    assert wants_progress(io.StringIO()) is False
    monkeypatch.setenv("CI", "true")
    assert wants_progress(Tty()) is False
    assert wants_progress(Tty(), enabled=True) is True


def test_draws_only_for_many_files_and_clears() -> None:
    stream = Tty()
    bar = ProgressBar(stream)
    bar(1, MIN_FILES - 1, "a.md")
    assert stream.getvalue() == ""
    bar(5, MIN_FILES * 2, "emails/a.md")
    assert "5/40" in stream.getvalue() and "emails/a.md" in stream.getvalue()
    bar.close()
    assert stream.getvalue().endswith("\r")


def test_progress_stays_off_stdout_and_output_is_unchanged(cxlint, tmp_path) -> None:
    for n in range(MIN_FILES + 1):
        (tmp_path / f"f{n:02}.md").write_text("Our socks are in.\n")
    run = cxlint("check", "--progress", ".", cwd=tmp_path)
    assert run.code == 0 and "21/21" in run.err and "21/21" not in run.out
