"""The benchmark's corpus generator: a small corpus lints clean and checks; speed is bench/run.py's business, not a
test's."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from lexdraft.cli import main
from lexdraft.pipeline import load
from lexdraft.wording.render import provisions_of, render

BENCH = Path(__file__).resolve().parent.parent / "bench"


def _corpus_module() -> ModuleType:
    """bench/corpus.py, which is a script's helper rather than part of the package."""
    spec = importlib.util.spec_from_file_location("lexdraft_bench_corpus", BENCH / "corpus.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is made
    spec.loader.exec_module(module)
    return module


corpus = _corpus_module()


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("corpus")
    corpus.write_corpus(root, 30)
    return root


def test_the_corpus_is_spread_over_files_with_interpretations(small: Path) -> None:
    files = sorted(small.rglob("*.lexd"))
    assert len([f for f in files if f.name.startswith("articles-")]) == 3  # ten provisions to a file
    assert any(f.parent.name == "interpretations" for f in files)


def test_the_corpus_lints_clean(small: Path) -> None:
    drafts = load([str(small)])  # raises LexdraftError with every diagnostic otherwise
    assert len(drafts.provisions) == 30 and drafts.interpretations
    assert {p.jurisdiction.name for p in drafts.provisions if p.jurisdiction} == {"prc", "tw"}


def test_the_corpus_checks_without_error(small: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["check", str(small), "--against", "uncc.16", "--against", "uncc.14"])
    out, err = capsys.readouterr()
    assert code in (0, 1) and err == ""
    assert out.count("Result: ") == 4  # two jurisdictions, two articles


def test_every_document_renders(small: Path) -> None:
    documents = [d for f in load([str(small)]).files for d in f.documents]
    by_id = provisions_of(documents)
    for doc in documents:
        for lang in ("zh", "en"):
            assert render(doc, lang, by_id)


def test_the_corpus_is_the_same_for_the_same_seed() -> None:
    assert corpus.generate(20, seed=7).files == corpus.generate(20, seed=7).files
    assert corpus.generate(20, seed=7).files != corpus.generate(20, seed=8).files


def test_a_note_said_alike_of_many_provisions_is_one_text(tmp_path: Path) -> None:
    """Art. 16(4)'s note on a minor's consent names the set's offences reached whatever the consent: said of every
    provision where consent counts, a copy each would make a large set's notes grow as the square of its size (a
    cold check of 50,000 provisions held 7 GB). Equal notes' texts are one object."""
    from lexdraft.treaty.conformance import check
    from lexdraft.treaty.spec import spec_for

    corpus.write_corpus(tmp_path, 300)
    provisions = [p for p in load([str(tmp_path)]).provisions if p.jurisdiction and p.jurisdiction.name == "prc"]
    notes = [n for f in check(spec_for("uncc.16"), provisions).verdicts for n in f.notes
             if (n.text.en or "").startswith("The want of consent of the person depicted is an element")]
    assert len(notes) > 5
    by_words: dict[object, set[int]] = {}
    for n in notes:
        by_words.setdefault(n.text, set()).add(id(n.text))
    assert len(by_words) < len(notes) and all(len(ids) == 1 for ids in by_words.values())
