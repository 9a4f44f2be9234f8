"""A set's sketches are kept in one index (language.stored.Index) beside each draft's own entry: a warm check reads
the index, not an entry a draft, and the index a warm check writes after edits is the one a cold check builds. (A
corrupted index, and one of another vocabulary, pack, spec or code, are tests/test_sketches.py's.)"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from drafter_edits import EDITS, check_afresh, edited
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from lexdraft import pipeline
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import stored
from lexdraft.resources import data_dumps

ROOT = Path(__file__).resolve().parents[1]



def _copy(folder: Path) -> Path:
    """The PRC drafts in force and proposed (judicial interpretations among them) in one folder."""
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "drafts" / "prc" / "in-force", folder)
    for f in sorted((ROOT / "drafts" / "prc" / "proposed").glob("*.lexd")):
        shutil.copy(f, folder / f.name)
    return folder


def _index(folder: Path) -> dict[str, Any]:
    """The sketch index of the set in `folder` as the cache holds it now (its drafts named as check names them)."""
    paths = pipeline.draft_paths([str(folder)])
    return stored.Index("sketch-index", "\0".join(paths), ()).indexed


@settings(max_examples=5, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture],
          phases=[Phase.explicit, Phase.reuse, Phase.generate])  # a failing example is slow to shrink
@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, len(EDITS) - 1), st.integers(0, 20)), min_size=1,
                max_size=3))
def test_the_sketch_index_a_warm_check_writes_after_edits_is_the_one_a_cold_check_builds(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        edits: list[tuple[int, int, int]]) -> None:
    caches = Path(tempfile.mkdtemp(dir=tmp_path))  # each example starts from empty caches
    monkeypatch.setenv("XDG_CACHE_HOME", str(caches / "warm"))
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)  # parses every draft: their sketches are new, and the index is written
    assert _index(folder)
    files = sorted(folder.glob("*.lexd"))
    for which, edit, at in edits:
        draft = files[which % len(files)]
        text = draft.read_text(encoding="utf-8")
        changed = edited(text, edit, at)
        if changed is None:
            continue
        draft.write_text(changed, encoding="utf-8")
        try:
            pipeline.load([str(folder)])
        except LexdraftError:  # an edit that makes a draft wrong (an act listed twice): undone
            draft.write_text(text, encoding="utf-8")
    monkeypatch.setattr(stored.Index, "STALE", 0)  # any draft new to the index writes it again
    warm = check_afresh(capsys, folder)
    updated = _index(folder)
    monkeypatch.setenv("XDG_CACHE_HOME", str(caches / "cold"))
    check_afresh(capsys, folder)  # the first check in an empty cache parses every draft
    assert check_afresh(capsys, folder) == warm  # the second reads them sketched, from the index it wrote
    # sketches cannot say whether they equal others: compared by what is stored of them
    assert data_dumps(_index(folder), key=True) == data_dumps(updated, key=True)
    assert check_afresh(capsys, folder, "--no-cache") == warm


def test_a_warm_check_reads_the_sketch_index_not_an_entry_a_draft(tmp_path: Path, cache_home: Path,
                                                                 monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy(tmp_path / "drafts")
    check_afresh(capsys, folder)
    draft = folder / "364-disseminating-obscene.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    reads: list[str] = []
    load = pipeline.stored_value

    def counting(kind: str, *args: Any) -> Any:
        reads.append(kind)
        return load(kind, *args)

    monkeypatch.setattr(pipeline, "stored_value", counting)
    warm = check_afresh(capsys, folder)
    assert reads.count("sketches") == 1  # the changed draft's own entry is looked for (and not found)
    assert warm == check_afresh(capsys, folder, "--no-cache")
