"""Reviewer decisions (decisions.yaml beside the drafts): read, applied to not-assessed verdicts only, reported as a
reviewer's, compared by the gate, and every bad entry a located error."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest
from check_schema import check_json

from lexdraft.cli import main
from lexdraft.pipeline import check_provisions, load

ROOT = Path(__file__).resolve().parents[1]
IN_FORCE = ROOT / "drafts" / "prc" / "in-force"

DECIDED = """\
# The review of 1 December 2026
decisions:
  - requirement: uncc.16.4
    jurisdiction: prc
    verdict: {verdict}
    reason:
      en: "Art. 364's obscene material reaches the images the deeming rule concerns."
      zh: "第三百六十四条的淫秽物品涵盖该视为规则所涉的图像。"
    who: Li Wei
    date: "2026-12-01"
"""


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                           "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    """The PRC provisions in force, in a folder of their own where a test writes its decisions."""
    shutil.copytree(IN_FORCE, tmp_path / "prc")
    return tmp_path / "prc"


def finding(folder: Path, requirement: str):  # type: ignore[no-untyped-def]
    drafts = load([str(folder)])
    article = requirement.rsplit(".", 1)[0]
    report, = (c.report for c in check_provisions(drafts.provisions, [article], drafts.rules, drafts.decisions))
    return next(v for v in report.verdicts if v.requirement.id == requirement)


def test_without_a_decision_16_4_awaits_a_reviewer(drafts: Path) -> None:
    v = finding(drafts, "uncc.16.4")
    assert (v.verdict, v.decision) == ("not-assessed", None)


def test_a_decision_gives_the_verdict_and_says_whose_it_is(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    v = finding(drafts, "uncc.16.4")
    assert v.verdict == "met"
    assert v.decision is not None and (v.decision.who, v.decision.date) == ("Li Wei", "2026-12-01")
    main(["check", str(drafts), "--against", "uncc.16"])
    out = capsys.readouterr().out
    assert "uncc.16.4  [16(4), obligatory]  met — decided by a reviewer (Li Wei, 2026-12-01)\n" in out
    assert ("  - Decided by a reviewer (Li Wei, 2026-12-01): Art. 364's obscene material reaches the images the "
            "deeming rule concerns.\n") in out
    assert "? uncc.16.4" not in out  # no longer listed for a reviewer's decision
    main(["check", str(drafts), "--against", "uncc.16", "--lang", "zh"])
    assert "已实施——由审查人员决定（Li Wei，2026-12-01）" in capsys.readouterr().out
    main(["check", str(drafts), "--against", "uncc.16", "--format", "json"])
    [report] = check_json(capsys.readouterr().out)
    row = next(r for r in report["requirements"] if r["id"] == "uncc.16.4")
    assert row["verdict"] == "met" and row["review"] is False
    assert row["decided_by"]["who"] == "Li Wei" and row["decided_by"]["date"] == "2026-12-01"
    assert row["decided_by"]["at"]["line"] == 3


def test_a_decided_gap_counts_as_one(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A reviewer who finds 16(4) not met makes it a gap like any other: conforms and the exit code follow it."""
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="not-met"), encoding="utf-8")
    assert finding(drafts, "uncc.16.4").verdict == "not-met"


def test_a_decision_on_what_the_check_decides_is_not_applied(drafts: Path) -> None:
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met").replace("uncc.16.4", "uncc.16.1"),
                                           encoding="utf-8")
    v = finding(drafts, "uncc.16.1")
    assert v.verdict == "partly-met" and v.decision is None
    assert v.notes[-1].text.en == ("A reviewer's decision (met, Li Wei, 2026-12-01) is recorded for this "
                                   "requirement, but the check decides it from the text itself (partly-met): the "
                                   "decision is not applied.")


def test_a_decision_for_another_jurisdiction_is_not_applied(drafts: Path) -> None:
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met").replace("prc\n", "tw\n"), encoding="utf-8")
    assert finding(drafts, "uncc.16.4").verdict == "not-assessed"


def test_a_draft_named_alone_reads_the_decisions_beside_it(drafts: Path) -> None:
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    assert finding(drafts / "364-disseminating-obscene.lexd", "uncc.16.4").verdict == "met"


@pytest.mark.parametrize("named", [("decisions.yaml",), ("decisions.yaml", "decisions.yaml"),
                                   (".", "decisions.yaml"), ("decisions.yaml", "./sub/../decisions.yaml")])
def test_a_decisions_file_named_however_often_is_one_file(drafts: Path, named: tuple[str, ...],
                                                          capsys: pytest.CaptureFixture[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Paths that name the same file (by its real path) are one file, not two decisions on one question (E801)."""
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    (drafts / "sub").mkdir()
    monkeypatch.chdir(drafts)
    code = main(["check", "364-disseminating-obscene.lexd", *named, "--against", "uncc.16", "--format", "json"])
    out, err = capsys.readouterr()
    assert code in (0, 1) and "E801" not in err, err
    assert '"decided_by"' in out


GOOD = {"requirement": "uncc.16.4", "jurisdiction": "prc", "verdict": "met", "reason": "r", "who": "W",
        "date": '"2026-12-01"'}


def entries(*changes: dict[str, str | None]) -> str:
    """A decisions file: one entry per change to GOOD (None leaves a key out), one key a line from line 2."""
    lines = ["decisions:"]
    for change in changes:
        fields = [f"{k}: {v}" for k, v in {**GOOD, **change}.items() if v is not None]
        lines += ["  - " + fields[0], *("    " + f for f in fields[1:])]
    return "\n".join(lines) + "\n"


BAD = [
    (entries({"requirement": "uncc.16.44"}), "2:5", "no treaty requirement 'uncc.16.44'", "did you mean uncc.16.4?"),
    (entries({"jurisdiction": "prcc"}), "3:5", "no jurisdiction 'prcc'", "did you mean prc?"),
    (entries({"verdict": "not-assessed"}), "4:5", "'not-assessed' is not a verdict a reviewer can record",
     "not-assessed is the question a decision answers"),
    (entries({"who": None}), "2:5", "a decision without who", "a decision records"),
    (entries({"date": '"2026-02-30"'}), "7:5", "'2026-02-30' is not a date", "write the day"),
    (entries({"date": "2026-12-01"}), "7:11", "a date must be quoted text here", 'write it as date: "2026-12-01"'),
    (entries({"whom": "X"}), "8:5", "unknown key 'whom' in a decision", "did you mean who?"),
    (entries({"reason": "{fr: r}"}), "5:5", "`reason` must be text, or `en:` and `zh:` texts", "reason:"),
    ("decisions: 3\n", "1:1", "`decisions:` must be a list of entries", "the file holds `decisions:`"),
    ("# nothing decided yet\n", "1:1", "a decisions file must be a mapping with `decisions:`",
     "the file holds `decisions:`"),
    (entries({}, {"verdict": "not-met", "who": "X"}), "8:5", "a second decision on uncc.16.4 for prc",
     "the first is at line 2"),
]


@pytest.mark.parametrize(("text", "at", "message", "hint"), BAD, ids=[b[2][:40] for b in BAD])
def test_a_bad_decision_is_a_located_error(drafts: Path, capsys: pytest.CaptureFixture[str], text: str, at: str,
                                           message: str, hint: str) -> None:
    (drafts / "decisions.yaml").write_text(text, encoding="utf-8")
    assert main(["check", str(drafts), "--against", "uncc.16"]) == 2
    err = capsys.readouterr().err
    first = err.splitlines()[0]
    assert first.startswith(f"{drafts / 'decisions.yaml'}:{at}: error[E")
    assert first.endswith(message)
    assert "  = hint: " + hint in err
    assert "Traceback" not in err


def test_two_files_deciding_one_question_is_an_error(drafts: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    (drafts / "more").mkdir()
    (drafts / "more" / "decisions.yaml").write_text(DECIDED.format(verdict="not-met"), encoding="utf-8")
    assert main(["check", str(drafts), "--against", "uncc.16"]) == 2
    err = capsys.readouterr().err
    assert f"{drafts / 'more' / 'decisions.yaml'}:3:5: error[E801]: a second decision on uncc.16.4 for prc" in err
    assert f"{drafts / 'decisions.yaml'}:3 decides it already" in err


# ------------------------------------------------------------------ the gate

@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    shutil.copytree(IN_FORCE, tmp_path / "drafts")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "the law in force")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def gate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["gate", "--base", "HEAD", "drafts", "--against", "uncc.16", *args])
    return code, capsys.readouterr().out


def test_the_gate_reports_a_decision_and_passes_a_conforming_one(repo: Path,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    for strict in ((), ("--strict-review",)):
        code, out = gate(capsys, *strict)
        assert code == 0
        assert ("       prc uncc.16.4 [16(4), obligatory] not-assessed -> met: for review "
                "(decided by a reviewer (Li Wei, 2026-12-01))") in out


def test_a_decided_gap_fails_the_gate_only_when_strict(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="not-met"), encoding="utf-8")
    code, out = gate(capsys)
    assert code == 0
    assert "prc uncc.16.4 [16(4), obligatory] not-assessed -> not-met: for review" in out
    code, out = gate(capsys, "--strict-review")
    assert code == 1
    assert ("  FAIL prc uncc.16.4 [16(4), obligatory] not-assessed -> not-met: for review (decided by a reviewer "
            "(Li Wei, 2026-12-01); fails the gate (an obligatory requirement) under --strict-review)") in out


def test_withdrawing_a_decision_reopens_the_question(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "decided")
    (repo / "drafts" / "decisions.yaml").unlink()
    code, out = gate(capsys)
    assert code == 0
    assert ("prc uncc.16.4 [16(4), obligatory] met -> not-assessed: for review (now awaits a reviewer's "
            "decision)") in out
    assert gate(capsys, "--strict-review")[0] == 1


def test_a_changed_decision_is_compared_like_any_verdict(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "decided")
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="partly-met"), encoding="utf-8")
    code, out = gate(capsys)
    assert code == 1
    assert "  FAIL prc uncc.16.4 [16(4), obligatory] met -> partly-met: lost" in out


def test_a_bad_decision_in_the_working_tree_stops_the_gate(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "decisions.yaml").write_text(DECIDED.format(verdict="mett"), encoding="utf-8")
    assert main(["gate", "--base", "HEAD", "drafts"]) == 2
    assert "drafts/decisions.yaml:5:5: error[E801]: 'mett' is not a verdict a reviewer can record" in \
        capsys.readouterr().err


def test_the_gate_reads_the_general_part_as_check_does() -> None:
    """Both sides of the gate are checked with their general-part rules: Art. 18(1) cites the legal-persons clause
    that reaches an offence (art. 366 for art. 364), as `lexdraft check` does."""
    from lexdraft.gate.compare import compare

    drafts = load([str(IN_FORCE)])
    _, reports, _ = compare(drafts, drafts, ["uncc.18"])
    for report in reports[0][1:]:
        liable = next(v for v in report.verdicts if v.requirement.id == "uncc.18.1")
        assert "Legal persons are liable for this offence under prc.criminal-law.366." in \
            [n.text.en for n in liable.notes if n.provision == "prc.criminal-law.364.1"]
