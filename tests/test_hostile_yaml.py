"""Hostile YAML a drafting office or a reviewer writes: a pack, its vocabulary and reviewer decisions may not smuggle
in, through the escapes of a quoted text (`"\\e[2J"`, `"\\u202e"`, `"\\ud800"`), what their files' own characters may
not hold (E005, E006); a pack's templates take only their own fields, by name (E701). Each is a located error on the
command line, exit 2, with nothing a terminal or CI log acts on; never an internal error (exit 3) nor an output that
carries it. (The spec cases are tests/bad/specs/escaped-*.yaml; the pack templates', tests/bad/packs/template-*.)"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from cli_run import run
from test_control_characters import ACTS
from test_decisions import DECIDED

ROOT = Path(__file__).resolve().parent.parent
NZ = ROOT / "tests" / "bad" / "packs" / "age-without-ages" / "nz"  # a valid pack.yaml (its vocabulary is the mistake)

# (what is written as an escape in a quoted YAML text, the code, what the message says of it)
ESCAPES = [("\\e[2J", "E005", "\\x1b"), ("\\a", "E005", "\\x07"), ("\\x9b31m", "E005", "\\x9b"),
           ("\\u202eevil", "E005", "\\u202e"), ("\\u2066", "E005", "\\u2066"), ("\\0", "E005", "\\x00"),
           ("\\ud800", "E005", "\\ud800 (a lone surrogate)"), ("\\udcff", "E005", "\\udcff (a lone surrogate)"),
           ("x\\n::error file=a.lexd::forged", "E006", "`::`"), ("\\n  ::stop-commands::t", "E006", "`::`"),
           ("\\r::error::x", "E005", "\\x0d")]
IDS = ["esc", "bel", "csi", "rlo", "lri", "nul", "surrogate", "surrogate-of-a-byte", "workflow-command",
       "stop-commands", "carriage-return"]
# one of each kind, for the other files read through the same YAML reader
SOME = [ESCAPES[0], ESCAPES[3], ESCAPES[6], ESCAPES[8]]
SOME_IDS = [IDS[0], IDS[3], IDS[6], IDS[8]]


def _located(err: str, file: str, code: str, shown: str) -> None:
    assert re.match(rf"^{re.escape(file)}:\d+:\d+: error\[{code}\]: ", err), err
    assert shown in err.split("\n")[0], err
    assert "^" in err and "= hint: " in err and "Traceback" not in err and "internal error" not in err, err
    found = ACTS.search(err)
    assert not found, (found.group(), err)  # the quoted line shows the escape as written


@pytest.mark.parametrize(("escaped", "code", "shown"), ESCAPES, ids=IDS)
def test_an_escape_in_a_pack_is_a_located_error(tmp_path: Path, escaped: str, code: str, shown: str,
                                                capsys: pytest.CaptureFixture[str],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(NZ, tmp_path / "nz")
    (tmp_path / "nz" / "vocabulary.yaml").unlink()
    pack = tmp_path / "nz" / "pack.yaml"
    # legal-persons-law, a key packs gained since the control-character harness, shown in a review's verdict
    pack.write_text(pack.read_text(encoding="utf-8") + f'legal-persons-law:\n  en: "The Act {escaped} is silent."\n'
                    "  zh: 该法未规定。\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for argv in (["check", str(ROOT / "drafts" / "nz" / "in-force")], ["review", str(ROOT / "drafts" / "nz")]):
        status, out, err = run(capsys, *argv, "--pack", ".", "--no-cache")
        assert (status, out) == (2, ""), err
        _located(err, "nz/pack.yaml", code, shown)


@pytest.mark.parametrize(("escaped", "code", "shown"), SOME, ids=SOME_IDS)
def test_an_escape_in_a_packs_vocabulary_is_a_located_error(tmp_path: Path, escaped: str, code: str, shown: str,
                                                            capsys: pytest.CaptureFixture[str],
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    shutil.copytree(NZ, tmp_path / "nz")
    # an age band (a key packs gained since the harness) whose label holds the escape
    (tmp_path / "nz" / "vocabulary.yaml").write_text(
        "object-attributes:\n  person:\n"
        f"    minor-aged-14-to-17: {{zh: 十四至十七周岁的人, en: \"a person aged {escaped} 14 to 17\",\n"
        "      ages: [14, 18]}\n",
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", str(ROOT / "drafts" / "nz" / "in-force"), "--pack", ".", "--no-cache")
    assert (status, out) == (2, ""), err
    _located(err, "nz/vocabulary.yaml", code, shown)


@pytest.mark.parametrize(("escaped", "code", "shown"), SOME, ids=SOME_IDS)
def test_an_escape_in_a_reviewers_decision_is_a_located_error(tmp_path: Path, escaped: str, code: str, shown: str,
                                                              capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    drafts = tmp_path / "prc"
    shutil.copytree(ROOT / "drafts" / "prc" / "in-force", drafts)
    (drafts / "decisions.yaml").write_text(DECIDED.format(verdict="met").replace("who: Li Wei",
                                                                                 f'who: "Li Wei{escaped}"'),
                                           encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    status, out, err = run(capsys, "check", "prc", "--against", "uncc.16", "--no-cache")
    assert (status, out) == (2, ""), err
    _located(err, "prc/decisions.yaml", code, shown)


def test_the_bundled_packs_specs_and_vocabulary_hold_no_such_escape(capsys: pytest.CaptureFixture[str]) -> None:
    """What the checks refuse, lexdraft's own data does not hold: every bundled draft still checks."""
    status, _, err = run(capsys, "check", str(ROOT / "drafts"), "-q", "--no-cache")
    assert status in (0, 1), err
