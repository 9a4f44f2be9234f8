"""No partial output: `review --write-amendments DIR` stopped halfway (a full disk, a signal, the review itself not
written) leaves DIR as it found it, never some of the amendments; and the review's own `-o` never replaces one."""

from __future__ import annotations

import builtins
import errno
from pathlib import Path
from typing import Any

import pytest
from cli_run import run

import lexdraft.cli
from lexdraft.cli import main

ROOT = Path(__file__).resolve().parent.parent
IN_FORCE = str(ROOT / "drafts" / "prc" / "in-force")  # its review suggests several amendments


def _failing_on_the_second(monkeypatch: pytest.MonkeyPatch, error: BaseException) -> list[str]:
    """The command line's `open` for new files (mode "x", as amendments are written) failing at the second one."""
    opened: list[str] = []

    def second_fails(file: Any, mode: str = "r", *args: Any, **kwargs: Any) -> Any:
        if "x" in mode:
            opened.append(str(file))
            if len(opened) == 2:
                raise error
        return builtins.open(file, mode, *args, **kwargs)

    monkeypatch.setattr(lexdraft.cli, "open", second_fails, raising=False)
    return opened


def _state(folder: Path) -> dict[str, bytes] | None:
    return {p.name: p.read_bytes() for p in folder.iterdir()} if folder.exists() else None


def test_the_amendments_are_written_all_of_them(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "review", IN_FORCE, "--write-amendments", str(tmp_path / "a"), "-o",
                       str(tmp_path / "review.txt"))
    assert code == 1, err
    assert len(list((tmp_path / "a").iterdir())) >= 2  # enough for the cases below to stop halfway


@pytest.mark.parametrize("before", ["absent", "nested-absent", "holding-a-file"])
def test_a_full_disk_halfway_leaves_the_folder_as_it_was(tmp_path: Path, before: str,
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "out" / "amendments" if before == "nested-absent" else tmp_path / "amendments"
    if before == "holding-a-file":
        folder.mkdir()
        (folder / "notes.txt").write_text("a drafter's notes\n", encoding="utf-8")
    was = _state(folder)
    opened = _failing_on_the_second(monkeypatch, OSError(errno.ENOSPC, "No space left on device"))
    code, out, err = run(capsys, "review", IN_FORCE, "--write-amendments", str(folder), "-o",
                         str(tmp_path / "review.txt"))
    assert (code, out) == (2, ""), err
    assert "error[E409]: cannot write" in err and "No space left on device; nothing was written" in err, err
    assert "= hint: " in err and "Traceback" not in err
    assert len(opened) == 2
    assert _state(folder) == was
    assert not (tmp_path / "out").exists() and not (tmp_path / "review.txt").exists()


def test_a_signal_halfway_leaves_nothing(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGTERM or SIGHUP unwinds as SystemExit (lexdraft.cli._killed): the amendments written so far go with it."""
    _failing_on_the_second(monkeypatch, SystemExit(143))
    with pytest.raises(SystemExit):
        main(["review", IN_FORCE, "--write-amendments", str(tmp_path / "amendments")])
    assert not (tmp_path / "amendments").exists()


@pytest.mark.parametrize("output", ["missing/review.md", "."], ids=["into-a-missing-folder", "onto-a-folder"])
def test_a_review_that_cannot_be_written_takes_its_amendments_with_it(tmp_path: Path, output: str,
                                                                     capsys: pytest.CaptureFixture[str],
                                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "review", IN_FORCE, "--write-amendments", "amendments", "-o", output)
    assert (code, out) == (2, ""), err
    assert "error[E408]" in err and "written to" not in err, err
    assert not (tmp_path / "amendments").exists()



def test_the_review_is_never_written_over_an_amendment(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`-o DIR/prc-uncc.14.1.d.lexd`: the review, written after the amendments, would replace one of them."""
    folder = tmp_path / "amendments"
    run(capsys, "review", IN_FORCE, "--write-amendments", str(folder))
    name = min(p.name for p in folder.iterdir())
    fresh = tmp_path / "fresh"
    code, out, err = run(capsys, "review", IN_FORCE, "--write-amendments", str(fresh), "-o", str(fresh / name))
    assert (code, out) == (2, ""), err
    assert f"error[E409]: `-o {fresh / name}` names {fresh / name}, a suggested amendment's file" in err, err
    assert "= hint: " in err and not fresh.exists()
