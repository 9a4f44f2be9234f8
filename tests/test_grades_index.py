"""A set's grades are kept in one index (treaty.grades_index) beside each file's own entry: a warm check reads the
index, not an entry a file; the index a warm check writes after edits is the one a cold check builds; a changed
vocabulary, pack, spec or code finds none; a corrupted one is ignored and rebuilt."""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from drafter_edits import EDITS, check_afresh, edited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexdraft import pipeline
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import stored
from lexdraft.treaty import conformance, grades_index

ROOT = Path(__file__).resolve().parents[1]




def _copy(folder: Path) -> Path:
    """The PRC and Taiwan drafts in force in one folder: a set of two jurisdictions."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "drafts" / "prc" / "in-force", folder)
    for f in sorted((ROOT / "drafts" / "tw" / "in-force").glob("*.lexd")):
        shutil.copy(f, folder / f.name)
    return folder


def _index(folder: Path) -> dict[str, Any]:
    """The grades index of the set in `folder` as the cache holds it now."""
    drafts = pipeline.load([str(folder)])
    index = pipeline.grades_index(pipeline.by_jurisdiction(drafts.provisions), pipeline.provision_keys(drafts))
    assert index is not None
    return index.indexed



@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, len(EDITS) - 1), st.integers(0, 20)), min_size=1,
                max_size=3))
def test_the_index_a_warm_check_writes_after_edits_is_the_one_a_cold_check_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        edits: list[tuple[int, int, int]]) -> None:
    caches = Path(tempfile.mkdtemp(dir=tmp_path))  # each example starts from empty caches
    monkeypatch.setenv("XDG_CACHE_HOME", str(caches / "warm"))
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)  # grades every provision: the index is written
    assert _index(folder)
    files = sorted(folder.glob("*.lexd"))
    for which, edit, at in edits:
        draft = files[which % len(files)]
        text = draft.read_text(encoding="utf-8")
        changed = edited(text, edit, at)
        if changed is not None:
            draft.write_text(changed, encoding="utf-8")
            try:
                pipeline.load([str(folder)])
            except LexdraftError:  # an edit that makes a draft wrong (an act listed twice): undone
                draft.write_text(text, encoding="utf-8")
    monkeypatch.setattr(stored.Index, "STALE", 0)  # any file new to the index writes it again
    warm = check_afresh(capsys, folder)
    updated = _index(folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(caches / "cold"))
    assert check_afresh(capsys, folder) == warm  # the first check in an empty cache
    assert _index(folder) == updated
    assert check_afresh(capsys, folder, "--no-cache") == warm


def test_a_warm_check_reads_the_index_not_an_entry_a_file(tmp_path: Path, cache_home: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)
    reads: Counter[str] = Counter()
    kept = pipeline._kept_grades

    def counting(address: str) -> Any:
        reads[address] += 1
        return kept(address)

    monkeypatch.setattr(pipeline, "_kept_grades", counting)
    for name in ("364-disseminating-obscene.lexd", "319-3-dissemination.lexd"):  # both jurisdictions check again
        draft = folder / name
        draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    warm = check_afresh(capsys, folder)
    # only the two changed files are not in the index: their own entries are looked for (and not found), once
    assert sorted(reads.values()) == [1, 1]
    assert warm == check_afresh(capsys, folder, "--no-cache")


def test_a_changed_vocabulary_pack_spec_or_code_finds_no_index(tmp_path: Path, cache_home: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """The index is addressed by language.stored.environment (lexdraft's code, grammar, vocabulary, packs and specs)
    as each file's grades are: a change to any of them finds none, and the check grades afresh."""
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)
    assert _index(folder)
    monkeypatch.setattr(stored, "environment", lambda: "another vocabulary")
    assert _index(folder) == {}
    graded: list[str] = []
    grade = conformance._grade_offence

    def counting(q, p, f):  # type: ignore[no-untyped-def]
        graded.append(p.id)
        return grade(q, p, f)

    monkeypatch.setattr(conformance, "_grade_offence", counting)
    warm = check_afresh(capsys, folder)
    assert graded
    assert _index(folder)  # written again, under the new address
    assert warm == check_afresh(capsys, folder, "--no-cache")


def test_a_corrupted_index_is_ignored_and_rebuilt(tmp_path: Path, cache_home: Path,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)
    assert _index(folder)
    entries = sorted(p for p in (cache_home / "grades-index").rglob("*") if p.is_file())
    assert entries
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    assert _index(folder) == {}  # never trusted
    shutil.rmtree(cache_home / "grades")  # nor is a file's own entry there to stand in for it
    draft = folder / "364-disseminating-obscene.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    warm = check_afresh(capsys, folder)
    assert warm == check_afresh(capsys, folder, "--no-cache")
    assert _index(folder)  # rebuilt


def test_an_index_of_another_shape_is_no_index(tmp_path: Path, cache_home: Path) -> None:
    assert grades_index._valid({0: {"uncc.14.1a": None}})
    for wrong in (None, [], {"0": {}}, {0: []}):
        assert not grades_index._valid(wrong)
    index = stored.Index("an-index", "a set", ["address"])
    stored.keep("an-index", index.address, ["no", "index"])
    assert stored.Index("an-index", "a set", ["address"]).indexed == {}
    stored.keep("an-index", index.address, {1: "a file"})
    assert stored.Index("an-index", "a set", ["address"]).indexed == {}
    stored.keep("an-index", index.address, {"address": "its entry"})
    assert stored.Index("an-index", "a set", ["address"]).get("address") == "its entry"


def test_an_index_stores_equal_values_once_and_nothing_else_as_one() -> None:
    """resources.interned, which an index is written through: equal immutable parts become one object; a node equal
    to another but at another place (its span, which equality does not compare), a sketch, a list, and (1,) beside
    (True,) stay apart."""
    from lexdraft.diagnostics import Span
    from lexdraft.language import ast as A
    from lexdraft.resources import interned

    here, there = Span("a.lexd", 1, 1, 1, 5), Span("a.lexd", 2, 1, 2, 5)
    value = {"a": [A.Term("film", "objects", span=here), A.Term("film", "objects", span=there),
                   A.Term("film", "objects", span=Span("a.lexd", 1, 1, 1, 5))],
             "b": [("x", frozenset({"y"})), ("x", frozenset({"y"})), (1,), (True,), [1], [1]]}
    made = interned(value)
    assert made == value
    terms, rest = made["a"], made["b"]
    assert terms[0] is terms[2] and terms[0] is not terms[1]
    assert terms[0].span == here and terms[1].span == there
    assert rest[0] is rest[1] and rest[0][1] is rest[1][1]
    assert rest[2] is not rest[3] and type(rest[3][0]) is bool
    assert rest[4] is not rest[5]
    draft = pipeline.parse_draft(str(ROOT / "drafts" / "prc" / "in-force" / "364-disseminating-obscene.lexd"))
    sketch = A.sketched(draft)
    twice = interned([sketch, A.sketched(draft)])
    assert twice[0] is not twice[1]
    assert [d.id for d in twice[0].documents] == [d.id for d in draft.documents]
