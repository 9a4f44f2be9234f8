"""The content-addressed cache of parsed drafts, lint findings and verdicts (language.stored, resources.store): what
it gives back is what a fresh run computes; a changed draft, grammar, vocabulary, pack or lexdraft module is a miss;
parallel writers corrupt nothing; a corrupt, foreign or unexpected entry is never trusted."""

from __future__ import annotations

import contextlib
import os
import pickle
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from lexdraft import resources
from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import stored
from lexdraft.pipeline import check_provisions, check_set, load

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lexdraft"


@pytest.fixture
def drafts(tmp_path: Path) -> Path:
    for code in ("prc", "tw"):  # two of the bundled systems: the tests count the jurisdictions checked again
        shutil.copytree(DRAFTS / code, tmp_path / "drafts" / code)
    return tmp_path / "drafts"


def entries(cache_home: Path, kind: str) -> list[Path]:
    return sorted(p for p in (cache_home / kind).rglob("*") if p.is_file() and not p.name.startswith(".tmp-"))


def test_a_set_read_from_the_cache_equals_the_set_parsed(drafts: Path, cache_home: Path) -> None:
    resources.store_enabled(False)
    try:
        fresh = load([str(drafts)])
    finally:
        resources.store_enabled(True)
    assert not (cache_home / "drafts").exists()  # --no-cache writes nothing
    first = load([str(drafts)])  # parses and keeps
    again = load([str(drafts)])  # reads
    assert len(entries(cache_home, "drafts")) == len(fresh.files) and len(entries(cache_home, "lint")) == 1
    assert again == first == fresh
    assert [f.path for f in again.files] == [f.path for f in fresh.files]
    spans = [[d.span for d in f.documents] for f in fresh.files]
    assert [[d.span for d in f.documents] for f in again.files] == spans  # spans take no part in equality
    assert again.warnings == fresh.warnings
    assert check_set(again) == check_set(first) == check_provisions(fresh.provisions, None, fresh.rules,
                                                                    measures=fresh.obligations)


def test_a_changed_byte_is_parsed_again(drafts: Path) -> None:
    load([str(drafts)])
    draft = next(drafts.rglob("*.lexd"))
    text = draft.read_text(encoding="utf-8")
    assert "jurisdiction " in text
    # one space more before the jurisdiction: the same provision, every span after it moved
    draft.write_text(text.replace("jurisdiction ", "jurisdiction  ", 1), encoding="utf-8")
    moved = next(f for f in load([str(drafts)]).files if f.path == str(draft))
    resources.store_enabled(False)
    try:
        assert [d.span for d in moved.documents] == [d.span for d in load([str(draft)]).files[0].documents]
    finally:
        resources.store_enabled(True)


def test_a_finding_across_files_follows_the_file_it_depends_on(tmp_path: Path) -> None:
    folder = tmp_path / "set"
    folder.mkdir()
    tw = DRAFTS / "tw" / "in-force"
    source = next(p for p in sorted(tw.glob("*.lexd")) if "provision tw." in p.read_text(encoding="utf-8"))
    (folder / "one.lexd").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "two.lexd").write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    with pytest.raises(LexdraftError) as twice:  # the same id in two files: E205, a finding across files
        load([str(folder)])
    assert [d.code for d in twice.value.diagnostics] == ["E205"]
    (folder / "two.lexd").unlink()
    assert load([str(folder)]).provisions  # the lint of the set is not taken from the cache of the other set


def test_only_the_jurisdiction_whose_set_changed_is_checked_again(drafts: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from lexdraft.treaty import conformance

    checked: list[str] = []
    real = conformance.check

    def counting(spec, provisions, rules=(), **kwargs):  # type: ignore[no-untyped-def]
        if spec.article == "uncc.16":  # Art. 16(4) asks Art. 14's verdicts of the same set within its own check
            checked.append(provisions[0].jurisdiction.name)
        return real(spec, provisions, rules, **kwargs)

    monkeypatch.setattr(conformance, "check", counting)
    first = check_set(load([str(drafts)]), ["uncc.16"])
    assert sorted(checked) == ["prc", "tw"]
    checked.clear()
    assert check_set(load([str(drafts)]), ["uncc.16"]) == first and checked == []
    draft = next(p for p in sorted((drafts / "tw").rglob("*.lexd")) if "provision tw." in p.read_text("utf-8"))
    draft.write_text("# a comment moves every line\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    after = check_set(load([str(drafts)]), ["uncc.16"])
    assert checked == ["tw"]
    assert [c.report for c in after if c.jurisdiction == "prc"] == [c.report for c in first if c.jurisdiction == "prc"]


def _environment_with(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path]:
    """language.stored's digest over copies of the package and its data, which a test may change."""
    top = Path(resources.data_dir("grammar")).parent
    package = tmp_path / "package"
    shutil.copytree(resources.source_file(""), package, ignore=shutil.ignore_patterns("__pycache__"))
    data = tmp_path / "data"
    for name in ("grammar", "vocabulary", "conformance"):
        shutil.copytree(resources.data_dir(name), data / name)
    monkeypatch.setattr(stored, "source_file", lambda module: package / module)
    monkeypatch.setattr(stored, "data_dir", lambda name: data / name)
    assert top.is_dir()
    return package, data


@pytest.mark.parametrize("changed", ["grammar/lexdraft.lark", "vocabulary/vocabulary.yaml",
                                     "conformance/uncc-16.yaml", "package/language/lint.py", "package/__init__.py"])
def test_grammar_vocabulary_specs_and_lexdraft_code_are_part_of_every_address(
        changed: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    package, data = _environment_with(tmp_path, monkeypatch)
    before = stored._environment.__wrapped__((), None)  # type: ignore[attr-defined]
    assert stored._environment.__wrapped__((), None) == before  # type: ignore[attr-defined]
    path = package / changed.removeprefix("package/") if changed.startswith("package/") else data / changed
    path.write_bytes(path.read_bytes() + b"\n# one byte more\n")  # a new lexdraft version changes __init__.py
    assert stored._environment.__wrapped__((), None) != before  # type: ignore[attr-defined]


def test_a_pack_in_use_is_part_of_every_address(tmp_path: Path) -> None:
    nz = Path(__file__).resolve().parent / "packs" / "nz"
    before = stored._environment.__wrapped__((), None)  # type: ignore[attr-defined]
    from lexdraft import packs

    shutil.copytree(nz, tmp_path / "nz")
    packs.use([str(tmp_path / "nz")])
    try:
        with_nz = stored.environment()
        assert with_nz != before
        pack = tmp_path / "nz" / "pack.yaml"
        pack.write_text(pack.read_text(encoding="utf-8") + "\n", encoding="utf-8")
        stored._environment.cache_clear()
        assert stored.environment() != with_nz
    finally:
        packs.use(())
        stored._environment.cache_clear()


def test_a_corrupt_entry_is_ignored_and_rebuilt(drafts: Path, cache_home: Path) -> None:
    first = load([str(drafts)])
    for entry in entries(cache_home, "drafts") + entries(cache_home, "lint"):
        blob = bytearray(entry.read_bytes())
        blob[len(blob) // 2] ^= 0xFF  # one bit pattern changed in the middle: the seal no longer fits
        entry.write_bytes(bytes(blob))
    assert load([str(drafts)]) == first
    sealed = {e: e.read_bytes() for e in entries(cache_home, "drafts")}
    assert load([str(drafts)]) == first and {e: e.read_bytes() for e in entries(cache_home, "drafts")} == sealed


def test_a_sealed_entry_naming_anything_but_lexdraft_data_is_refused(tmp_path: Path) -> None:
    marker = tmp_path / "ran"

    class Planted:
        def __reduce__(self) -> tuple[object, ...]:
            return (os.mkdir, (str(marker),))

    address = stored.digest("planted")
    resources.store("drafts", address, pickle.dumps(Planted()))  # sealed with this user's own key
    assert stored.load("drafts", address) is None
    assert not marker.exists()
    resources.store("drafts", address, pickle.dumps(Path("/")))  # a harmless class, still not lexdraft data
    assert stored.load("drafts", address) is None


def test_a_sealed_entry_giving_a_node_too_few_or_too_many_fields_is_refused(tmp_path: Path) -> None:
    from lexdraft.diagnostics import Span

    class Short:
        def __init__(self, values: object) -> None:
            self.values = values

        def __reduce__(self) -> tuple[object, ...]:
            return (resources._rebuild, (Span, self.values))

    address = stored.digest("short")
    for values in (("a.lexd", 1, 2, 3), ("a.lexd", 1, 2, 3, 4, 5), None):
        resources.store("drafts", address, pickle.dumps(Short(values)))
        assert stored.load("drafts", address) is None
    resources.store("drafts", address, pickle.dumps(Short(("a.lexd", 1, 2, 3, 4))))
    assert stored.load("drafts", address) == Span("a.lexd", 1, 2, 3, 4)


def test_no_cache_reads_and_writes_nothing(drafts: Path, cache_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(drafts), "--no-cache"]) == 1
    assert not (cache_home / "drafts").exists() and not (cache_home / "verdicts").exists()
    cold = capsys.readouterr().out
    assert main(["check", str(drafts)]) == 1 and capsys.readouterr().out == cold
    assert entries(cache_home, "drafts") and entries(cache_home, "verdicts")
    assert main(["check", str(drafts)]) == 1 and capsys.readouterr().out == cold


WRITER = textwrap.dedent("""
    import sys
    from lexdraft import resources
    from lexdraft.language import stored
    n = int(sys.argv[1])
    for round in range(40):
        for i in range(8):
            address = stored.digest("race", str(i))
            value = ("entry", i, "x" * (1000 * i))
            found = stored.load("drafts", address)
            if found is not None and found != value:
                sys.exit(f"writer {n} read a wrong value at {i}: {found!r:.60}")
            stored.keep("drafts", address, value)
""")


def test_parallel_writers_corrupt_nothing(cache_home: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(n)], env=env, stderr=subprocess.PIPE, text=True)
               for n in range(4)]
    for w in writers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    for i in range(8):
        assert stored.load("drafts", stored.digest("race", str(i))) == ("entry", i, "x" * (1000 * i))
    assert not [p for p in (cache_home / "drafts").rglob(".tmp-*")]  # every write was renamed into place


def test_the_language_server_keeps_saved_drafts_not_the_texts_being_typed(drafts: Path, cache_home: Path) -> None:
    from lexdraft.lsp.workspace import Workspace

    model = Workspace([str(drafts)])
    assert all(model.parsed(p).draft is not None for p in model.paths())
    saved = entries(cache_home, "drafts")
    assert len(saved) == len(model.paths())  # the drafts on disk, as check reads them
    draft = model.paths()[0]
    for typed in range(3):  # three keystrokes: three texts that no run will read again
        model.open(draft, Path(draft).read_text(encoding="utf-8") + "#" * (typed + 1) + "\n")
        assert model.parsed(draft).draft is not None
    assert entries(cache_home, "drafts") == saved


def test_the_gate_parses_a_file_the_change_left_alone_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from lexdraft import pipeline

    shutil.copytree(DRAFTS / "tw" / "in-force", tmp_path / "repo" / "drafts")
    repo = tmp_path / "repo"
    run = ["git", "-c", "user.name=t", "-c", "user.email=t@lexdraft.invalid", "-c", "commit.gpgsign=false"]
    for args in (["init", "-q"], ["add", "."], ["commit", "-qm", "base"]):
        subprocess.run([*run, *args], cwd=repo, check=True, capture_output=True)
    changed = min((repo / "drafts").glob("*.lexd"))
    changed.write_text("# a note\n" + changed.read_text(encoding="utf-8"), encoding="utf-8")
    parses: list[str] = []
    real = pipeline.parse_text
    monkeypatch.setattr(pipeline, "parse_text", lambda text, path: parses.append(path) or real(text, path))
    monkeypatch.chdir(repo)
    assert main(["gate", "--base", "HEAD", "drafts", "--no-cache"]) == 0, capsys.readouterr().err
    files = len(list((repo / "drafts").glob("*.lexd")))
    # each file once, and the changed one once a side
    assert sorted(parses) == sorted([*(f"drafts/{p.name}" for p in (repo / "drafts").glob("*.lexd")),
                                     f"drafts/{changed.name}"]), parses
    assert len(parses) == files + 1


def test_a_changed_file_is_the_only_one_linted_again(drafts: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from lexdraft import pipeline

    linted: list[str] = []
    real = pipeline.lint_file
    monkeypatch.setattr(pipeline, "lint_file", lambda draft, **kw: linted.append(draft.path) or real(draft, **kw))
    first = load([str(drafts)])
    assert len(linted) == len(first.files)
    linted.clear()
    draft = min((drafts / "tw").rglob("*.lexd"))
    draft.write_text("# a comment moves every line\n" + draft.read_text(encoding="utf-8"), encoding="utf-8")
    load([str(drafts)])
    assert linted == [str(draft)]


def _sets() -> list[list[str]]:
    """The bundled drafts, and each bad draft of tests/bad (a file, or a folder of files read together)."""
    bad = Path(__file__).resolve().parent / "bad" / "drafts"
    return [[str(DRAFTS)], *([str(p)] for p in sorted(bad.iterdir()) if p.is_dir() or p.suffix == ".lexd")]


def test_each_files_findings_and_the_sets_are_the_whole_lint() -> None:
    """lint() with each file's own findings given (lint_file, as the pipeline keeps them) finds what lint() finds
    alone, for every draft the tests hold: a rule listed as LOCAL that reads another file, or a rule across files
    that needs the walk, would differ somewhere."""
    from lexdraft.language import lint as L
    from lexdraft.pipeline import draft_paths, known_articles, parse_draft

    articles = known_articles()
    compared = 0
    for paths in _sets():
        files = []
        for path in draft_paths(paths, allow_empty=True):
            with contextlib.suppress(LexdraftError):
                files.append(parse_draft(path))
        whole = L.lint(files, articles=articles)
        assert whole == L.lint(files, articles=articles, own=lambda f: L.lint_file(f, articles=articles)), paths
        walked = L._lookups(files, articles)
        assert [d for r in L.RULES if r not in L.LOCAL for d in r(walked)] == \
            [d for r in L.RULES if r not in L.LOCAL for d in r(L._lookups(files, articles, walk=False))], paths
        compared += len(whole)
    assert compared > 50  # the bad drafts are there to be found
