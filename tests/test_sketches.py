"""A re-check reads the drafts unchanged since the last check as sketches (language.ast.Sketch: the few fields
checking a set reads, from the cache) and prints what a cold check prints, byte for byte: after any edit, with a
corrupted or stale sketch, and when the check needs more of a draft than its sketch holds (it then reads the trees)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_run import run
from drafter_edits import EDITS, edited
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexdraft import cli, pipeline
from lexdraft.gate import compare as gate_compare
from lexdraft.gate import revisions as gate_revisions
from lexdraft.language import ast as A
from lexdraft.language import stored
from lexdraft.treaty import conformance, grades_index
from lexdraft.wording import interpretations

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture
def tries(monkeypatch: pytest.MonkeyPatch) -> list[bool]:
    """Whether each try of check's set read sketches: [True] when they sufficed, [True, False] when it fell back."""
    made: list[bool] = []
    checked = cli._checked_set

    def counting(*args: Any, sketch: bool) -> Any:
        made.append(sketch)
        return checked(*args, sketch=sketch)

    monkeypatch.setattr(cli, "_checked_set", counting)
    return made


def _copy(tmp_path: Path, set_: str) -> Path:
    """A set's drafts in force; "prc+proposed" adds the PRC proposals, judicial interpretations among them."""
    folder = tmp_path / "drafts"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.copytree(ROOT / "drafts" / set_.split("+")[0] / "in-force", folder)
    if set_.endswith("+proposed"):
        for f in sorted((ROOT / "drafts" / "prc" / "proposed").glob("*.lexd")):
            shutil.copy(f, folder / f.name)
    return folder


def _check(capsys: pytest.CaptureFixture[str], folder: Path, *more: str) -> tuple[int, str, str]:
    conformance._CHECKED.clear()  # nothing of an earlier check in this process
    return run(capsys, "check", str(folder), *more)


def _sketches(folder: Path) -> int:
    drafts, _ = pipeline.load_sources([(str(p), None) for p in sorted(folder.glob("*.lexd"))], sketch=True)
    return sum(type(p) is A.Sketch for p in drafts.provisions)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(("prc", "tw", "prc+proposed")), st.integers(0, 20), st.integers(0, len(EDITS) - 1),
       st.integers(0, 20), st.sampled_from(("text", "json")))
def test_a_sketched_recheck_after_one_edit_is_the_cold_check(tmp_path: Path, cache_home: Path,
                                                            capsys: pytest.CaptureFixture[str], set_: str,
                                                            which: int, edit: int, at: int, format_: str) -> None:
    folder = _copy(tmp_path, set_)
    _check(capsys, folder)  # fills the cache: drafts, sketches, grades
    files = sorted(folder.glob("*.lexd"))
    draft = files[which % len(files)]
    changed = edited(draft.read_text(encoding="utf-8"), edit, at)
    if changed is not None:
        draft.write_text(changed, encoding="utf-8")
    cold = _check(capsys, folder, "--no-cache", "--format", format_)
    assert _check(capsys, folder, "--format", format_) == cold


def test_a_recheck_reads_the_unchanged_drafts_sketched(tmp_path: Path, cache_home: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str], tries: list[bool]) -> None:
    folder = _copy(tmp_path, "prc+proposed")  # judicial interpretations among them, which lint reads across files
    assert _sketches(folder) == 0  # a draft met for the first time is whole
    _check(capsys, folder)
    draft = folder / "364-disseminating-obscene.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    whole = sum(type(d) is A.Provision and d.text_of is None for f in folder.glob("*.lexd")
                for d in pipeline.parse_draft(str(f)).documents)
    in_file = sum(type(d) is A.Provision for d in pipeline.parse_draft(str(draft)).documents)
    assert 0 < in_file < whole
    read: list[int] = []
    sketched = pipeline._sketched

    def counting(*args: Any) -> Any:
        found = sketched(*args)
        read.append(sum(type(d) is A.Sketch for d in found[0].documents))
        return found

    monkeypatch.setattr(pipeline, "_sketched", counting)
    tries.clear()
    warm = _check(capsys, folder)
    assert tries == [True]  # the sketches sufficed
    assert sum(read) == whole - in_file  # all but the changed draft's
    assert warm == _check(capsys, folder, "--no-cache")


def test_a_check_that_needs_more_than_a_sketch_reads_the_trees(tmp_path: Path, cache_home: Path,
                                                              capsys: pytest.CaptureFixture[str],
                                                              tries: list[bool]) -> None:
    """Without the grades kept for the unchanged drafts, grading must read their trees: the check falls back."""
    folder = _copy(tmp_path, "prc")
    _check(capsys, folder)
    for kind in ("grades", "grades-index"):
        shutil.rmtree(cache_home / kind)
    draft = folder / "364-disseminating-obscene.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    tries.clear()
    warm = _check(capsys, folder)
    assert tries == [True, False]
    assert warm == _check(capsys, folder, "--no-cache")


def test_a_sketch_raises_tree_needed_for_a_field_it_does_not_hold() -> None:
    draft = pipeline.parse_draft(str(ROOT / "drafts" / "prc" / "in-force" / "364-disseminating-obscene.lexd"))
    whole = next(d for d in draft.documents if isinstance(d, A.Provision))
    sketch = next(d for d in A.sketched(draft).documents if isinstance(d, A.Provision))
    assert type(sketch) is A.Sketch and isinstance(sketch, A.Provision)
    assert (sketch.id, sketch.span, sketch.text, sketch.status) == (whole.id, whole.span, whole.text, whole.status)
    assert sketch.object is not None and whole.object is not None and sketch.object.kind == whole.object.kind
    # its conduct and its object's attributes are held, as terms (a reason names the provisions whose conduct
    # reaches a paragraph's acts, and states a provision's own virtual-material test)
    assert [t.name for t in sketch.conduct] == [t.name for t in whole.conduct]
    assert sketch.object.values("person") == whole.object.values("person")
    # its actors and penalties too: Art. 18(1) reads whether its words name who commits it, 18(4) whether it fines
    # (of its penalty lines, the tier, the kinds of punishment and whether it fines; not the amounts)
    assert [t.name for t in sketch.actors] == [t.name for t in whole.actors]
    assert [(s.tier.name, [x.kind.name for x in s.principals], s.fine is not None) for s in sketch.penalties] == \
        [(s.tier.name, [x.kind.name for x in s.principals], s.fine is not None) for s in whole.penalties]
    for read in (lambda: sketch.means, lambda: sketch.harm, lambda: sketch == whole,
                 lambda: sketch.penalties[0].principals[0].high, lambda: sketch.penalties[0].span,
                 lambda: sketch.object.called if sketch.object else None):
        with pytest.raises(A.TreeNeeded):
            read()
    assert getattr(sketch, "no_such_field", None) is None  # what no provision has is no tree's business


def test_a_corrupted_sketch_is_ignored_and_rebuilt(tmp_path: Path, cache_home: Path,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    folder = _copy(tmp_path, "tw")
    _check(capsys, folder)
    entries = sorted(p for kind in ("sketches", "sketch-index") for p in (cache_home / kind).rglob("*")
                     if p.is_file())
    assert entries and any("sketch-index" in str(p) for p in entries)
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:-7] + b"garbage")
    assert _sketches(folder) == 0  # each rebuilt from its draft, none trusted
    assert _sketches(folder) > 0
    assert _check(capsys, folder) == _check(capsys, folder, "--no-cache")


def test_a_changed_vocabulary_pack_spec_or_code_leaves_every_sketch_behind(tmp_path: Path, cache_home: Path,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    """A sketch is addressed as its draft is, by language.stored.environment (lexdraft's code, grammar, vocabulary,
    packs and specs) and the draft's bytes: a change to any of them finds none."""
    folder = _copy(tmp_path, "tw")
    _check(capsys, folder)
    assert _sketches(folder) > 0
    monkeypatch.setattr(stored, "environment", lambda: "another vocabulary")
    assert _sketches(folder) == 0
    assert _check(capsys, folder) == _check(capsys, folder, "--no-cache")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def _prc_repository(tmp_path: Path) -> Path:
    """A git repository whose first commit holds the PRC's drafts in force and proposed, in one folder."""
    repo = tmp_path / "repo"
    shutil.copytree(ROOT / "drafts" / "prc" / "in-force", repo / "drafts")
    for f in sorted((ROOT / "drafts" / "prc" / "proposed").glob("*.lexd")):
        shutil.copy(f, repo / "drafts" / f.name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "base")
    return repo


@pytest.mark.parametrize("change", ["# a note\n", "produce, synthesize, disseminate"])
@pytest.mark.parametrize("format_", ["text", "markdown"])
def test_the_gate_reads_what_the_change_left_alone_sketched_on_both_sides(
        tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        change: str, format_: str) -> None:
    repo = _prc_repository(tmp_path)
    monkeypatch.chdir(repo)
    draft = repo / "drafts" / "253-2-dfii.lexd"
    text = draft.read_text(encoding="utf-8")
    draft.write_text("# the first change\n" + text, encoding="utf-8")
    gate = ("gate", "--base", "HEAD", "--format", format_, "drafts")
    conformance._CHECKED.clear()
    run(capsys, *gate)  # fills the cache with both sides
    changed = change + text if change.startswith("#") else text.replace(change, "produce, disseminate", 1)
    assert changed != text
    draft.write_text(changed, encoding="utf-8")
    sketches: list[int] = []
    load = pipeline.load_sources

    def counting(*args: Any, **kwargs: Any) -> Any:
        found = load(*args, **kwargs)
        sketches.append(sum(type(p) is A.Sketch for p in found[0].provisions))
        return found

    monkeypatch.setattr(pipeline, "load_sources", counting)
    monkeypatch.setattr(gate_compare, "load_sources", counting)
    monkeypatch.setattr(gate_revisions, "load_sources", counting)
    conformance._CHECKED.clear()
    warm = run(capsys, *gate)
    assert len(sketches) == 2 and all(n > 0 for n in sketches)  # each side once, what the change left sketched
    conformance._CHECKED.clear()
    assert warm == run(capsys, *gate, "--no-cache")


@pytest.mark.parametrize("command", ["check", "gate"])
def test_quotations_that_stood_against_whole_trees_are_not_read_again_sketched(
        tmp_path: Path, cache_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str],
        command: str) -> None:
    """The first run with the cache parses every draft and checks the interpretations' quotations (E410) on the
    whole trees; after an edit to a file no interpretation reads, the next run meets them sketched and must find
    that they stood, not parse the interpretations and their provisions' files again."""
    repo = _prc_repository(tmp_path)
    monkeypatch.chdir(repo)
    argv = ("gate", "--base", "HEAD", "drafts") if command == "gate" else ("check", "drafts")
    conformance._CHECKED.clear()
    run(capsys, *argv)  # the cache filled from nothing: every draft whole
    draft = repo / "drafts" / "237-indecency.lexd"  # named by no interpretation
    draft.write_text("# a note\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    reread: list[str] = []
    parse = interpretations.parse_draft

    def counting(path: str, text: str | None = None) -> A.DraftFile:
        reread.append(path)
        return parse(path, text)

    monkeypatch.setattr(interpretations, "parse_draft", counting)
    conformance._CHECKED.clear()
    warm = run(capsys, *argv)
    assert reread == []
    conformance._CHECKED.clear()
    assert warm == run(capsys, *argv, "--no-cache")


def test_a_sketched_interpretation_holds_what_lint_reads_across_files() -> None:
    draft = pipeline.parse_draft(str(ROOT / "drafts" / "prc" / "proposed" / "dfii-interpretation.lexd"))
    whole = next(d for d in draft.documents if isinstance(d, A.Interpretation))
    sketch = next(d for d in A.sketched(draft).documents if isinstance(d, A.Interpretation))
    assert type(sketch) is A.InterpretationSketch
    assert (sketch.id, sketch.interprets, sketch.status) == (whole.id, whole.interprets, whole.status)
    tiers = [(a, b) for a, b in zip(whole.articles, sketch.articles, strict=True) if isinstance(a, A.TierArticle)]
    assert tiers
    for a, b in tiers:
        assert (b.number, b.tier, b.provision, b.catch_all, b.condition.mode) == \
            (a.number, a.tier, a.provision, a.catch_all, a.condition.mode)
        with pytest.raises(A.TreeNeeded):
            b.condition.items  # noqa: B018 -- the read is the test
    with pytest.raises(A.TreeNeeded):
        sketch.title  # noqa: B018


def test_a_file_of_two_jurisdictions_has_its_grades_read_once(tmp_path: Path, cache_home: Path,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    """The checks of a set's jurisdictions read a file's kept grades together: a file holding provisions of two is
    read once, and the warm check still prints the cold one."""
    from collections import Counter

    folder = tmp_path / "drafts"
    shutil.copytree(ROOT / "drafts" / "prc" / "in-force", folder)
    for f in sorted((ROOT / "drafts" / "tw" / "in-force").glob("*.lexd")):
        shutil.copy(f, folder / f.name)
    mixed = folder / "246-insult-defamation.lexd"
    tw = folder / "319-1-recording.lexd"
    mixed.write_text(mixed.read_text(encoding="utf-8") + "\n" + tw.read_text(encoding="utf-8"), encoding="utf-8")
    tw.unlink()
    _check(capsys, folder)
    reads: Counter[str] = Counter()
    kept = grades_index.GradesIndex.load

    def counting(self: grades_index.GradesIndex, address: str) -> Any:  # from the set's index or the file's entry
        reads[address] += 1
        return kept(self, address)

    monkeypatch.setattr(grades_index.GradesIndex, "load", counting)
    for name in ("364-disseminating-obscene.lexd", "319-3-dissemination.lexd"):  # both jurisdictions check again
        draft = folder / name
        draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    warm = _check(capsys, folder)
    assert reads and max(reads.values()) == 1
    assert warm == _check(capsys, folder, "--no-cache")


# An intimate-image offence whose image may be of a person under 18 and whose consent counts: Art. 16(4)'s note on a
# minor's consent reads the consent element and the exceptions of the provisions carrying 16(1).
MINORS_CONSENT = '''provision nz.hdca.9{n} {{
  jurisdiction nz
  status       in-force
  title        en "Disclosing an intimate image"
  implements   uncc.16
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image
  consent      absent
  exception    consent-of-depicted-person burden evidential
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


@pytest.mark.usefixtures("bundled_only")
def test_a_check_reading_consent_and_exceptions_needs_no_tree(tmp_path: Path, cache_home: Path,
                                                             capsys: pytest.CaptureFixture[str],
                                                             tries: list[bool]) -> None:
    """A cold check grades each draft as it reads it and keeps its sketch; the set's check reads the consent and
    exceptions of its 16(1) offences (16(4)), which a sketch holds: the drafts are read once, cold or warm."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.lexd").write_text(MINORS_CONSENT.format(n=n), encoding="utf-8")
    cold = _check(capsys, folder, "--no-cache")
    assert "16(4)" in cold[1] and "consent" in cold[1], cold
    assert tries == [True]
    _check(capsys, folder)  # fills the cache
    draft = folder / "1.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    tries.clear()
    assert _check(capsys, folder) == _check(capsys, folder, "--no-cache")
    assert tries == [True, True]


# An offence whose words name no one, with a fine, and a clause making a body corporate liable to its penalty: Art.
# 18(1) reads whether its actors are stated, 18(4) whether its penalty fines.
BODY_CORPORATE = '''rule nz.hdca.5 {
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Bodies corporate"
  source       "a test clause"
  kind         legal-persons
  reaches      nz.hdca.91
  punishes     offence-penalty-on-unit
  text         en """A body corporate is liable for an offence under section 91 …"""
}
'''


@pytest.mark.usefixtures("bundled_only")
def test_a_check_reading_actors_and_penalties_for_art_18_needs_no_tree(tmp_path: Path, cache_home: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      tries: list[bool]) -> None:
    """18(1) reads whether an offence's words name who commits it and 18(4) whether its own penalty fines: a sketch
    holds both, so a warm check after one edit reads no tree."""
    folder = tmp_path / "drafts"
    folder.mkdir()
    for n in (1, 2):
        (folder / f"{n}.lexd").write_text(MINORS_CONSENT.format(n=n).replace("  actors       natural-person\n", "")
                                          .replace("imprisonment <= 2 years", "imprisonment <= 2 years | fine"),
                                          encoding="utf-8")
    (folder / "rule.lexd").write_text(BODY_CORPORATE, encoding="utf-8")
    cold = _check(capsys, folder, "--no-cache", "--against", "uncc.18")
    assert "no rule of the set makes legal persons liable for it" in cold[1], cold
    _check(capsys, folder, "--against", "uncc.18")  # fills the cache
    draft = folder / "1.lexd"
    draft.write_text("# moved\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    tries.clear()
    assert _check(capsys, folder, "--against", "uncc.18") == _check(capsys, folder, "--no-cache", "--against",
                                                                     "uncc.18")
    assert tries == [True, True]


def test_a_penalty_line_sketched_is_one_object_for_every_provision_with_that_line() -> None:
    """A sketch held each provision's penalty lines whole, spans and amounts included (a79d872, for Art. 18(4)):
    about 3 KB a provision at 10,000. The lines' tiers and kinds of punishment are all a check reads; sketched
    without spans, one object serves every provision whose line is the same, so the set's size no longer adds to it."""
    draft = pipeline.parse_draft(str(ROOT / "drafts" / "tw" / "in-force" / "csepa-36-38-39.lexd"))
    sketches = [d for d in A.sketched(draft).documents if type(d) is A.Sketch and d.penalties]
    lines = [s for p in sketches for s in p.penalties]
    assert len(lines) > len({id(s) for s in lines}), "no two provisions share a sketched penalty line"
