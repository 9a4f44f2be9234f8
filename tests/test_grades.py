"""A set checked again after one provision changed regrades only that provision (treaty.grades), and its report is
the report of a cold check, byte for byte: the per-provision grades kept in the cache never change a verdict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from drafter_edits import EDITS, edited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexdraft.diagnostics import LexdraftError
from lexdraft.outputs.report import dumps_all, to_text
from lexdraft.pipeline import check_set, load, parse_draft
from lexdraft.resources import store_off
from lexdraft.treaty import conformance

ROOT = Path(__file__).resolve().parents[1]


def _report(folder: Path) -> str:
    """The set's reports as `check` prints them, as JSON and as text in both languages."""
    reports = [c.report for c in check_set(load([str(folder)]))]
    return dumps_all(reports) + "".join(to_text(r, lang) for r in reports for lang in ("en", "zh"))


def _cold(folder: Path) -> str:
    conformance._CHECKED.clear()  # nothing of an earlier check in this process either
    with store_off():
        return _report(folder)


def _copy(tmp_path: Path, name: str, set_: str) -> Path:
    folder = tmp_path / name
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "drafts" / set_ / "in-force", folder)
    return folder


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(("prc", "tw")), st.integers(0, 20), st.integers(0, len(EDITS) - 1), st.integers(0, 20))
def test_a_warm_check_after_one_edit_is_the_cold_check(tmp_path: Path, cache_home: Path, set_: str, which: int,
                                                       edit: int, at: int) -> None:
    folder = _copy(tmp_path, "drafts", set_)
    _report(folder)  # fills the cache, grades included
    files = sorted(folder.glob("*.lexd"))
    draft = files[which % len(files)]
    changed = edited(draft.read_text(encoding="utf-8"), edit, at)
    if changed is None:
        return
    draft.write_text(changed, encoding="utf-8")
    try:
        cold = _cold(folder)
    except LexdraftError:
        return  # an edit the language refuses (a term another field rules out) changes no report
    assert _report(folder) == cold


def test_an_edit_that_changes_an_option_verdict(tmp_path: Path, cache_home: Path) -> None:
    """Art. 16(3) is taken where a provision reaches images of persons of any age: it stays used while one provision
    does, and goes when the last one stops; each time, the warm report is the cold one."""
    folder = _copy(tmp_path, "drafts", "tw")
    draft = folder / "319-3-dissemination.lexd"

    def used() -> list[str]:
        [report] = [c.report for c in check_set(load([str(folder)])) if c.article == "uncc.16"]
        return next(v.met_by for v in report.verdicts if v.requirement.id == "uncc.16.3")

    assert used() == ["tw.criminal-code.319-3.1", "tw.criminal-code.319-3.4"]
    for expected in (["tw.criminal-code.319-3.4"], []):
        draft.write_text(draft.read_text(encoding="utf-8").replace("person   any-person", "person   adult", 1),
                         encoding="utf-8")
        assert _report(folder) == _cold(folder)
        assert used() == expected
    assert any(cache_home.glob("grades/*/*"))


def test_a_changed_set_regrades_only_the_changed_provisions(tmp_path: Path, cache_home: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    folder = _copy(tmp_path, "drafts", "prc")
    _report(folder)
    graded: list[str] = []
    grade = conformance._grade_offence

    def counting(q, p, f):  # type: ignore[no-untyped-def]
        graded.append(p.id)
        return grade(q, p, f)

    monkeypatch.setattr(conformance, "_grade_offence", counting)
    conformance._CHECKED.clear()
    draft = folder / "364-disseminating-obscene.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    _report(folder)
    in_file = {d.id for d in parse_draft(str(draft)).documents if d.__class__.__name__ == "Provision"}
    assert graded and set(graded) == in_file


def test_the_gates_second_side_regrades_only_what_the_change_touched(tmp_path: Path, cache_home: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The gate checks the base and the change under the same names: the change's side reuses the base side's grades
    for every provision the change left alone, with --no-cache too (language.stored.shared)."""
    from collections import Counter

    from lexdraft.gate.compare import compare
    from lexdraft.language.stored import shared
    from lexdraft.pipeline import load_sources

    folder = _copy(tmp_path, "drafts", "prc")
    texts = {str(f): f.read_text(encoding="utf-8") for f in sorted(folder.glob("*.lexd"))}
    changed = str(folder / "364-disseminating-obscene.lexd")
    graded: list[str] = []
    grade = conformance._grade_offence

    def counting(q, p, f):  # type: ignore[no-untyped-def]
        graded.append(p.id)
        return grade(q, p, f)

    monkeypatch.setattr(conformance, "_grade_offence", counting)
    conformance._CHECKED.clear()
    with store_off(), shared():
        old, _ = load_sources(list(texts.items()))
        new, _ = load_sources([(p, "# the change\n" + t if p == changed else t) for p, t in texts.items()])
        compare(old, new)
    counts = Counter(graded)
    once = min(counts.values())
    in_file = {d.id for d in parse_draft(changed).documents if d.__class__.__name__ == "Provision"}
    assert {pid for pid, n in counts.items() if n != once} == in_file, counts
    assert all(counts[pid] == 2 * once for pid in in_file)


def test_the_language_server_regrades_only_the_file_that_changed(tmp_path: Path, cache_home: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The editor's set check names each provision by its file's text, as check does: an edit (here a note that
    moves every span of the file) regrades that file's provisions only, and the verdicts are those of a workspace
    checked cold."""
    from lexdraft.lsp.workspace import Workspace

    def reports(ws: Workspace) -> str:
        found = ws.reports()
        return dumps_all([r for jurisdiction in sorted(found) for r in found[jurisdiction]])

    folder = _copy(tmp_path, "drafts", "prc")
    ws = Workspace([str(folder)])
    reports(ws)
    graded: list[str] = []
    grade = conformance._grade_offence

    def counting(q, p, f):  # type: ignore[no-untyped-def]
        graded.append(p.id)
        return grade(q, p, f)

    monkeypatch.setattr(conformance, "_grade_offence", counting)
    conformance._CHECKED.clear()
    draft = folder / "364-disseminating-obscene.lexd"
    ws.open(str(draft), "# moved\n" + draft.read_text(encoding="utf-8"))
    warm = reports(ws)
    in_file = {d.id for d in parse_draft(str(draft)).documents if d.__class__.__name__ == "Provision"}
    assert graded and set(graded) == in_file
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    conformance._CHECKED.clear()
    with store_off():
        assert reports(Workspace([str(folder)])) == warm
