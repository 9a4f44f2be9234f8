"""A cold check (--no-cache) grades each draft as it reads it and keeps only its sketch: no file's syntax tree outlives
its grading, and the check prints what a check of the whole trees prints, byte for byte."""

from __future__ import annotations

import gc
import shutil
from pathlib import Path
from typing import Any

import pytest
from cli_run import run

from lexdraft import cli, pipeline
from lexdraft.language import ast as A
from lexdraft.outputs.report import dumps_all, to_text
from lexdraft.treaty import conformance

ROOT = Path(__file__).resolve().parents[1]
SETS = ("prc/in-force", "tw/in-force", "prc", "tw", "")  # "": every draft of the repository, each jurisdiction


def _sources(folder: Path) -> list[tuple[str, str | None]]:
    paths = [*pipeline.draft_paths([str(folder)]), *pipeline.decision_paths([str(folder)])]
    return [(p, None) for p in paths]


def _whole_trees(folder: Path) -> list[A.Provision]:
    """The provisions of the set's files alive now as whole trees (not sketches)."""
    inside = str(folder)
    return [o for o in gc.get_objects() if type(o) is A.Provision and o.span is not None
            and o.span.file.startswith(inside)]


@pytest.fixture(autouse=True)
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))


def test_no_tree_outlives_the_grading_of_its_file(tmp_path: Path) -> None:
    folder = tmp_path / "drafts"
    shutil.copytree(ROOT / "drafts", folder)
    sources = _sources(folder)
    alive: list[int] = []

    def progress(done: int, total: int) -> None:  # told before each file is read: every earlier one is graded
        alive.append(len(_whole_trees(folder)))

    drafts, _ = pipeline.load_sources(sources, progress, sketch=True, ahead=pipeline.known_articles())
    assert len(alive) == len(sources) > 20
    # a provision whose text is another's (`text of`) stays whole, as its text is resolved with the set: the only
    # trees the set holds, and the only ones alive
    texted = [p for p in drafts.provisions if type(p) is A.Provision]
    assert 0 < len(texted) < 20 and all(n <= len(texted) for n in alive)
    assert {id(p) for p in _whole_trees(folder)} == {id(p) for p in texted}
    sketches = [p for p in drafts.provisions if type(p) is A.Sketch]
    assert len(sketches) > 40
    # while a load of whole trees holds them all, as the check of a part of the set (--with, --status) still reads
    whole, _ = pipeline.load_sources(sources, sketch=True)
    assert all(type(p) is A.Provision for p in whole.provisions)
    assert {id(p) for p in whole.provisions} <= {id(p) for p in _whole_trees(folder)}


@pytest.mark.parametrize("set_", SETS)
@pytest.mark.parametrize("against", [None, ("uncc.18",), ("uncc.16", "uncc.14")])
def test_graded_as_read_is_checked_as_the_whole_trees(set_: str, against: tuple[str, ...] | None) -> None:
    sources = _sources(ROOT / "drafts" / set_)
    out = []
    for ahead in (None, [a for a in against or pipeline.known_articles()]):
        conformance._CHECKED.clear()  # nothing of the other reading in this process
        drafts, _ = pipeline.load_sources(sources, sketch=True, ahead=ahead)
        assert any(type(p) is A.Sketch for p in drafts.provisions) == (ahead is not None)
        reports = [c.report for c in pipeline.check_set(drafts, against)]
        out.append((dumps_all(reports), [to_text(r, lang) for r in reports for lang in ("en", "zh")]))
    assert out[0] == out[1]


@pytest.mark.parametrize("more", [(), ("--format", "json"), ("--against", "uncc.14"), ("--lang", "zh")])
def test_a_cold_check_reads_the_sketches_once(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
                                             more: tuple[str, ...]) -> None:
    """The check of the repository's drafts needs nothing of a graded draft beyond its sketch: it never falls back
    to reading every tree again (which would hold them all at once)."""
    tries: list[tuple[bool, bool]] = []
    checked, load = cli._checked_set, pipeline.load_sources

    def counting(*args: Any, sketch: bool) -> Any:
        tries.append((sketch, False))
        return checked(*args, sketch=sketch)

    def loading(*args: Any, **kwargs: Any) -> Any:
        tries[-1] = (tries[-1][0], kwargs.get("ahead") is not None)
        return load(*args, **kwargs)

    monkeypatch.setattr(cli, "_checked_set", counting)
    monkeypatch.setattr(pipeline, "load_sources", loading)
    conformance._CHECKED.clear()
    cold = run(capsys, "check", "--no-cache", str(ROOT / "drafts"), *more)
    assert tries == [(True, True)]
    tries.clear()
    conformance._CHECKED.clear()
    assert cold == run(capsys, "check", str(ROOT / "drafts"), *more)
    assert tries == [(True, False)]  # with the cache, the drafts met for the first time are read whole


def test_the_reports_written_piece_by_piece_are_the_whole_text(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """check writes its reports one after the other (never joined into one string beside them): to a pipe, to a
    file and to an in-process caller alike, the text is the reports joined by a blank line."""
    import subprocess
    import sys

    folder = str(ROOT / "drafts" / "tw")
    conformance._CHECKED.clear()
    drafts = pipeline.load([folder])
    reports = [c.report for c in pipeline.check_set(drafts)]
    assert len(reports) > 1
    whole = "\n".join(to_text(r, "zh") for r in reports)
    assert run(capsys, "check", "--no-cache", "--lang", "zh", folder)[1] == whole
    out = tmp_path / "report.txt"
    piped = subprocess.run([sys.executable, "-m", "lexdraft", "check", "--no-cache", "--lang", "zh", folder],
                           capture_output=True, check=False)
    assert piped.returncode == 1 and piped.stdout.decode("utf-8") == whole
    subprocess.run([sys.executable, "-m", "lexdraft", "check", "--no-cache", "--lang", "zh", folder, "-o", str(out)],
                   capture_output=True, check=False)
    assert out.read_text(encoding="utf-8") == whole


def test_a_sketched_term_is_its_name_and_section_once_for_every_provision() -> None:
    """A sketch's terms (jurisdiction, status, the kinds of its object and prosecution, its tiers' names …) keep no
    place in the draft: reading one raises TreeNeeded, and a term equals the whole term it stands for, hashes as it
    does, and is one object however many provisions name it."""
    files = [pipeline.parse_draft(str(p)) for p in sorted((ROOT / "drafts" / "prc" / "in-force").glob("*.lexd"))]
    pairs = [(whole, sketch) for f in files for whole, sketch in zip(f.documents, A.sketched(f).documents, strict=True)
             if type(sketch) is A.Sketch]
    assert len(pairs) > 5
    for whole, sketch in pairs:
        for a, b in [(whole.jurisdiction, sketch.jurisdiction), (whole.status, sketch.status),
                     *((t.name, s.name) for t, s in zip(whole.tiers, sketch.tiers, strict=True))]:
            assert type(b) is A.TermSketch and a == b and b == a and hash(a) == hash(b) and {a: 1}[b] == 1
            assert a.span is not None
            with pytest.raises(A.TreeNeeded):
                b.span  # noqa: B018 -- the read is the test
    assert len({id(s.jurisdiction) for _, s in pairs}) == 1
    assert pairs[0][1].jurisdiction != A.Term("tw", "jurisdictions")


_HELD = '''provision nz.hdca.9{n} {{
  jurisdiction nz
  status       in-force
  title        en "Child sexual abuse material"
  actors       natural-person
  mental       intent
{purpose}  conduct      {conduct}
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     minor
    origin     real
  }}
{tier}  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
'''


@pytest.mark.usefixtures("bundled_only")
def test_a_purpose_made_up_by_another_provision_is_said_from_the_sketches(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """Whether another provision makes up a provision's purpose reads the purposes and what a base tier's condition
    binds (`tier base requires … for …`): a cold check holds both in the sketch, so it never reads every tree again,
    and says the make-up as the check of the whole trees does."""
    (tmp_path / "a.lexd").write_text(_HELD.format(n=0, purpose="  purpose      dissemination\n",
                                                  conduct="acquire, possess", tier=""), encoding="utf-8")
    (tmp_path / "b.lexd").write_text(_HELD.format(n=1, purpose="", conduct="acquire, possess, view",
                                                  tier="  tier base requires habitual-or-paid for view\n"),
                                     encoding="utf-8")
    tries: list[bool] = []
    checked = cli._checked_set

    def counting(*args: Any, sketch: bool) -> Any:
        tries.append(sketch)
        return checked(*args, sketch=sketch)

    monkeypatch.setattr(cli, "_checked_set", counting)
    conformance._CHECKED.clear()
    cold = run(capsys, "check", "--no-cache", "--against", "uncc.14", str(tmp_path))
    assert tries == [True]  # no TreeNeeded: the sketches held what the check read
    assert "its purpose leaves nothing out" in cold[1], cold
    conformance._CHECKED.clear()
    assert cold == run(capsys, "check", "--no-cache", "--status", "in-force", "--against", "uncc.14",
                       str(tmp_path))  # a part of the set (all of it here) is checked from the whole trees
    assert tries == [True, False]


def test_equal_object_attributes_are_one_sketch_for_every_provision() -> None:
    """A cold check holds every provision's sketch at once: the attributes of an object (sketched terms, no places)
    that two provisions give alike are one object, and so is the tuple of them; they equal the whole attributes."""
    text = _HELD.format(n=0, purpose="", conduct="possess", tier="") + _HELD.format(n=1, purpose="", conduct="view",
                                                                                      tier="")
    draft = pipeline.parse_draft("held.lexd", text)
    first, second = A.sketched(draft).documents
    assert type(first) is type(second) is A.Sketch
    assert first.object.attrs is second.object.attrs and len(first.object.attrs) == 3
    assert first.object.attrs == draft.documents[0].object.attrs
    assert all(a.span is None for a in first.object.attrs) and draft.documents[0].object.attrs[0].span is not None


def test_equal_instruments_are_one_sketch_for_every_provision() -> None:
    """Provisions of one code name its instrument alike: sketched, it is one object without its place (reading the
    place raises TreeNeeded), equal to the whole instrument and hashing as it does."""
    text = _HELD.format(n=0, purpose="", conduct="possess", tier="") + _HELD.format(n=1, purpose="", conduct="view",
                                                                                      tier="")
    text = text.replace("  status       in-force\n", "  status       in-force\n  instrument   criminal-law\n")
    draft = pipeline.parse_draft("held.lexd", text)
    first, second = A.sketched(draft).documents
    whole = draft.documents[0].instrument
    assert first.instrument is second.instrument and type(first.instrument) is A.InstrumentSketch
    assert first.instrument == whole and whole == first.instrument and hash(first.instrument) == hash(whole)
    assert whole.span is not None
    with pytest.raises(A.TreeNeeded):
        _ = first.instrument.span
