"""Malformed inputs through the real command line: exit code 2, nothing on standard output, and exactly the
diagnostics of the case's .expected file on standard error (tests/bad/; --regen-bad rewrites them: read each one)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError, format_all
from lexdraft.source import MAX_BYTES
from lexdraft.treaty.spec import load_spec

REPO = Path(__file__).resolve().parents[1]
BAD = REPO / "tests" / "bad"
DRAFTS = BAD / "drafts"  # NAME.lexd or folder NAME/, checked with `lexdraft check`, and NAME.expected
RUNS = BAD / "runs"  # NAME.expected for the command lines below, whose inputs are made by the test
SPECS = BAD / "specs"  # NAME.yaml and NAME.expected, read with lexdraft.treaty.spec.load_spec
ACCEPTED = BAD / "accepted"  # inputs that look odd but are valid

LOCATED = re.compile(r"^(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+): error\[(?P<code>E\d{3})\]: \S", re.MULTILINE)
UNLOCATED = re.compile(r"^error\[(?P<code>E\d{3})\]: \S", re.MULTILINE)


def rel(path: Path) -> str:
    return path.relative_to(REPO).as_posix()


@dataclass(frozen=True)
class Run:
    """What a command line printed and returned."""

    code: int
    out: str
    err: str


def run_cli(argv: list[str], cwd: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """`lexdraft ARGV` in-process, in `cwd`, so the paths in the diagnostics are the relative ones passed."""
    monkeypatch.chdir(cwd)
    capsys.readouterr()
    code = main(argv)
    out, err = capsys.readouterr()
    return Run(code, out, err)


def run_process(argv: list[str], cwd: Path) -> Run:
    """`python -m lexdraft.cli ARGV` as its own process: a crash of the interpreter would show here, not kill pytest."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO / "src"), os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-m", "lexdraft.cli", *argv], cwd=cwd, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=120, check=False)
    return Run(done.returncode, done.stdout, done.stderr)


def compare(expected: Path, actual: str, regen: bool) -> None:
    """The exact text, or with --regen-bad the new expected text (asserting still runs on everything else)."""
    if regen:
        expected.write_text(actual, encoding="utf-8", newline="\n")
        return
    assert expected.exists(), f"{rel(expected)} is missing: run pytest --regen-bad and read it"
    assert actual == expected.read_text(encoding="utf-8")


def assert_invalid(run: Run) -> None:
    """Invalid input: exit 2, no output, only located or plainly worded diagnostics, and never a traceback."""
    assert run.code == 2, run
    assert run.out == ""
    assert "Traceback" not in run.err
    assert run.err.endswith("\n")
    for line in run.err.splitlines():
        if "error[" in line:
            assert LOCATED.match(line) or UNLOCATED.match(line), line
    for hinted in re.split(r"^(?=\S)", run.err, flags=re.MULTILINE)[1:]:
        if hinted.startswith("... and "):
            continue
        assert "\n  = hint: " in hinted, f"no hint for:\n{hinted}"


def codes(text: str) -> set[str]:
    return {m["code"] for m in LOCATED.finditer(text)} | {m["code"] for m in UNLOCATED.finditer(text)}


# drafts ----------------------------------------------------------------------------------------------------------
DRAFT_CASES = sorted(p for p in DRAFTS.iterdir() if p.suffix == ".lexd" or p.is_dir())


@pytest.mark.parametrize("path", DRAFT_CASES, ids=[p.stem if p.suffix else p.name + "/" for p in DRAFT_CASES])
def test_bad_draft(path: Path, regen_bad: bool, capsys: pytest.CaptureFixture[str],
                   monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_cli(["check", rel(path)], REPO, capsys, monkeypatch)
    assert_invalid(run)
    assert all(file.startswith(rel(path)) for file, *_ in LOCATED.findall(run.err)), "every error names the file"
    compare(DRAFTS / f"{path.stem if path.suffix else path.name}.expected", run.err, regen_bad)


# A file that cannot be read or parsed stops every command the same way.
UNPARSABLE = [p for p in DRAFT_CASES if p.suffix == ".lexd" and (DRAFTS / f"{p.stem}.expected").exists()
              and codes((DRAFTS / f"{p.stem}.expected").read_text(encoding="utf-8")) <= {"E002", "E003"} | {
                  f"E1{n:02d}" for n in range(100)}]


@pytest.mark.parametrize("command", [["parse"], ["parse", "--ast"], ["render"], ["render", "--lang", "en"], ["fmt"],
                                     ["fmt", "--check"]], ids=" ".join)
@pytest.mark.parametrize("path", UNPARSABLE, ids=[p.stem for p in UNPARSABLE])
def test_every_command_reports_an_unparsable_file_alike(path: Path, command: list[str],
                                                        capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    run = run_cli([command[0], rel(path), *command[1:]], REPO, capsys, monkeypatch)
    assert_invalid(run)
    assert run.err == (DRAFTS / f"{path.stem}.expected").read_text(encoding="utf-8")


# command lines with inputs made by the test (too big, too deep, absent) --------------------------------------------
def _valid_draft() -> str:
    return (ACCEPTED / "bom.lexd").read_bytes().decode("utf-8-sig")


def _huge(tmp: Path) -> tuple[Path, list[str], bool]:
    filler = "# " + "padding " * 12 + "\n"
    (tmp / "huge.lexd").write_text(_valid_draft() + filler * (MAX_BYTES // len(filler) + 1), encoding="utf-8")
    return tmp, ["check", "huge.lexd"], False


def _deep(tmp: Path) -> tuple[Path, list[str], bool]:
    levels = 5000  # far beyond the 100 levels a condition may nest, and beyond Python's recursion limit
    lines = _valid_draft().splitlines(keepends=True)
    at = next(i for i, line in enumerate(lines) if line.lstrip().startswith("prosecution"))
    tier = "  tier serious requires serious-circumstances when\n    " + "any { " * levels + "serious-consequences" + \
        " }" * levels + "\n"
    penalty = "    serious imprisonment 3..7 years\n"
    text = "".join(lines[:at]) + tier + "".join(lines[at:]).replace("fine optional\n", "fine optional\n" + penalty)
    (tmp / "deep.lexd").write_text(text, encoding="utf-8")
    return tmp, ["check", "deep.lexd"], True  # in its own process: running out of C stack would kill pytest


def _missing(tmp: Path) -> tuple[Path, list[str], bool]:
    return REPO, ["check", "drafts/prc/proposed/253-2-dfi.lexd"], False


def _missing_among_others(tmp: Path) -> tuple[Path, list[str], bool]:
    return REPO, ["check", "drafts/prc/proposed", "drafts/prc/propsed"], False


def _render_folder(tmp: Path) -> tuple[Path, list[str], bool]:
    return REPO, ["render", "tests/bad/drafts/dup-ids"], False


def _parse_folder(tmp: Path) -> tuple[Path, list[str], bool]:
    return REPO, ["parse", "drafts/prc"], False


def _parse_comments_only(tmp: Path) -> tuple[Path, list[str], bool]:
    return REPO, ["parse", "tests/bad/drafts/comments-only.lexd"], False


def _output_onto_a_draft(tmp: Path) -> tuple[Path, list[str], bool]:
    (tmp / "d").mkdir()
    (tmp / "d" / "a.lexd").write_text(_valid_draft(), encoding="utf-8")
    return tmp, ["check", "d", "-o", "d/a.lexd"], False


def _output_into_a_missing_folder(tmp: Path) -> tuple[Path, list[str], bool]:
    (tmp / "a.lexd").write_text(_valid_draft(), encoding="utf-8")
    return tmp, ["render", "a.lexd", "-o", "out/a.txt"], False


def _output_onto_a_folder(tmp: Path) -> tuple[Path, list[str], bool]:
    (tmp / "a.lexd").write_text(_valid_draft(), encoding="utf-8")
    (tmp / "out").mkdir()
    return tmp, ["parse", "a.lexd", "--ast", "-o", "out"], False


def _a_pipe_among_the_drafts(tmp: Path) -> tuple[Path, list[str], bool]:
    (tmp / "d").mkdir()
    (tmp / "d" / "a.lexd").write_text(_valid_draft(), encoding="utf-8")
    os.mkfifo(tmp / "d" / "b.lexd")  # read, it would wait for a writer for ever
    return tmp, ["check", "d"], False


def _a_link_to_nothing(tmp: Path) -> tuple[Path, list[str], bool]:
    (tmp / "loop.lexd").symlink_to("loop.lexd")
    return tmp, ["check", "loop.lexd"], False


def _misquoting(zh: str, en: str) -> Callable[[Path], tuple[Path, list[str], bool]]:
    """An interpretation of 253-2 quoting words its text in that language does not use (E410), rendered in English."""
    def make(tmp: Path) -> tuple[Path, list[str], bool]:
        (tmp / "quote.lexd").write_text(f"""interpretation prc.spc.quote {{
  jurisdiction prc
  status       proposed
  issuer       supreme-peoples-court
  title        zh "测试解释" en "Test Interpretation"
  interprets   prc.criminal-law.253-2
  preamble     zh "依法惩治测试犯罪" en "punish test crimes"
  article 1 text zh "刑法第二百五十三条之二规定的“{zh}”，包括……。"
                 en "“{en}” under Article 253B includes …"
}}
""", encoding="utf-8")
        return tmp, ["render", "quote.lexd", "--with", str(REPO / "drafts/prc/proposed/253-2-dfii.lexd"),
                     "--lang", "en"], False
    return make


RUN_CASES: dict[str, Callable[[Path], tuple[Path, list[str], bool]]] = {
    "huge-file": _huge, "deeply-nested-condition": _deep, "missing-path": _missing,
    "missing-folder-among-others": _missing_among_others, "render-a-folder": _render_folder,
    "parse-a-folder": _parse_folder, "parse-a-file-of-comments": _parse_comments_only,
    "output-onto-a-draft": _output_onto_a_draft, "output-into-a-missing-folder": _output_into_a_missing_folder,
    "output-onto-a-folder": _output_onto_a_folder, "a-pipe-among-the-drafts": _a_pipe_among_the_drafts,
    "a-link-to-nothing": _a_link_to_nothing,
    "interpretation-quoting-words-not-in-the-chinese": _misquoting("可被识别", "Intimate image"),
    "interpretation-quoting-words-not-in-the-english": _misquoting("私密图像", "Private image"),
}


@pytest.mark.parametrize("name", sorted(RUN_CASES))
def test_bad_run(name: str, tmp_path: Path, regen_bad: bool, capsys: pytest.CaptureFixture[str],
                 monkeypatch: pytest.MonkeyPatch) -> None:
    cwd, argv, own_process = RUN_CASES[name](tmp_path)
    run = run_process(argv, cwd) if own_process else run_cli(argv, cwd, capsys, monkeypatch)
    assert_invalid(run)
    compare(RUNS / f"{name}.expected", run.err, regen_bad)


def test_output_onto_a_draft_leaves_the_draft_alone(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    cwd, argv, _ = _output_onto_a_draft(tmp_path)
    assert_invalid(run_cli(argv, cwd, capsys, monkeypatch))
    assert (tmp_path / "d" / "a.lexd").read_text(encoding="utf-8") == _valid_draft()
    assert sorted(p.name for p in (tmp_path / "d").iterdir()) == ["a.lexd"]


def test_a_bug_is_an_internal_error_not_a_finding_nor_a_traceback(capsys: pytest.CaptureFixture[str],
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import lexdraft.treaty.conformance

    def broken(*_: object, **__: object) -> None:
        raise RuntimeError("the checker fell over")

    monkeypatch.setattr(lexdraft.treaty.conformance, "check", broken)
    # a checker patched in at run time is no part of the code the cache is keyed by: the verdicts are not read from it
    run = run_cli(["check", rel(ACCEPTED / "bom.lexd"), "--no-cache"], REPO, capsys, monkeypatch)
    assert (run.code, run.out) == (3, "")
    assert run.err == ("lexdraft: internal error: RuntimeError: the checker fell over\n"
                       "  = this is a bug in lexdraft, not a mistake in the drafts: please report it with the command "
                       "that ran (LEXDRAFT_TRACEBACK=1 shows where it happened)\n")


def test_no_partial_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"
    run = run_cli(["check", rel(DRAFTS / "unknown-conduct.lexd"), "-o", str(target)], REPO, capsys, monkeypatch)
    assert_invalid(run)
    assert list(tmp_path.iterdir()) == []


# accepted oddities -------------------------------------------------------------------------------------------------
def test_a_utf8_bom_is_accepted(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    path = ACCEPTED / "bom.lexd"
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    assert run_cli(["parse", rel(path)], REPO, capsys, monkeypatch) == Run(0, "ok\n", "")
    assert run_cli(["check", rel(path), "--against", "uncc.16"], REPO, capsys, monkeypatch).err == ""


# specs -----------------------------------------------------------------------------------------------------------
SPEC_CASES = sorted(SPECS.glob("*.yaml"))


@pytest.mark.parametrize("path", SPEC_CASES, ids=[p.stem for p in SPEC_CASES])
def test_bad_spec(path: Path, regen_bad: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(REPO)
    with pytest.raises(LexdraftError) as raised:
        load_spec(rel(path))
    diagnostics = raised.value.diagnostics
    assert diagnostics
    for d in diagnostics:
        assert d.span is not None and d.span.file == rel(path), d
        assert d.span.line >= 1 and d.span.column >= 1 and d.hints, d
    compare(SPECS / f"{path.stem}.expected", format_all(diagnostics) + "\n", regen_bad)


def test_there_are_spec_cases() -> None:
    assert len(SPEC_CASES) >= 15


# last, so that after --regen-bad it sees the files just written
def test_the_corpus_is_complete() -> None:
    assert len(DRAFT_CASES) >= 60
    inputs = {p.stem if p.suffix == ".lexd" else p.name for p in DRAFT_CASES}
    expected = {p.stem for p in DRAFTS.glob("*.expected")}
    assert sorted(expected - inputs) == [], "expected output without an input"
    assert sorted(p.stem for p in SPECS.glob("*.expected")) == sorted(p.stem for p in SPECS.glob("*.yaml"))
    assert sorted(p.stem for p in RUNS.glob("*.expected")) == sorted(RUN_CASES)
