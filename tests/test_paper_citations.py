"""No file name of a seed paper anywhere a reader sees: reports, reviews, the atlas and rendered drafts cite a paper by
authors and title (the seeds' INDEX.md, "How to cite them"), through the one formatter, treaty/papers.py."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexdraft.cli import main
from lexdraft.language.ast import Text
from lexdraft.outputs.pages import page_of
from lexdraft.pipeline import load
from lexdraft.treaty.papers import cite, cite_text
from lexdraft.wording.render import provisions_of, render

ROOT = Path(__file__).resolve().parent.parent
FILE_NAME = re.compile(r"_[0-9a-f]{16}\.txt")
SETS = sorted(str(p) for p in (ROOT / "drafts").glob("*/in-force")) + [str(ROOT / "drafts" / "prc")]


pytestmark = pytest.mark.usefixtures("bundled_only")


def test_the_formatter_cites_authors_and_title_in_each_language() -> None:
    # an English title in full, in quotation marks, in the Chinese as in the English (《》 are for Chinese titles)
    assert cite("art. 363 (002_e377ccd924af9a86.txt §2.1.2)", "en") == \
        'art. 363 (Xiong, "Controversies Regarding the Determination Standards of Online Child Pornography ' \
        'Offenses under the UN Convention against Cybercrime and China\'s Countermeasures" §2.1.2)'
    assert cite("见000_2c029e58f9c2f582.txt §5.3.3。", "zh") == \
        ("见Yu、Zahir、Rajamanickam，“Completing Criminal Liability for DFII in Mainland China (PRC): A Comparative "
         "Law Perspective, Aligning with the UN Convention against Cybercrime” §5.3.3。")
    assert cite("no paper here", "en") == "no paper here"
    both = cite_text(Text(en="per 001_750793fb9f683de2.txt §4.1", zh="依001_750793fb9f683de2.txt §4.1"))
    assert both.en == 'per Liu, "Normative Construction of Platform Criminal Liability in the Governance of Deepfake ' \
                      'Technology" §4.1'
    assert both.zh is not None and both.zh.startswith("依Xuanting Liu，“Normative Construction")


def test_no_golden_file_names_a_paper_by_its_file_name() -> None:
    files = [p for p in (ROOT / "tests" / "golden").rglob("*") if p.is_file()]
    files += list((ROOT / "tests" / "bad").rglob("*.expected"))
    assert files
    named = [str(p.relative_to(ROOT)) for p in files if FILE_NAME.search(p.read_text(encoding="utf-8"))]
    assert named == []


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_rendered_draft_names_a_paper_by_its_file_name(lang: str) -> None:
    drafts = load([str(ROOT / "drafts")])
    provisions = provisions_of(drafts.documents)
    named = []
    for doc in drafts.documents:
        text = render(doc, lang, provisions)
        page = page_of(doc, lang, provisions)  # what Word and Akoma Ntoso print
        # a provision page's notes are drafting notes, a bill's are words
        words = [text, *page.sources, *(getattr(n, "text", n) for n in getattr(page, "notes", ()))]
        named += [doc.id for w in words if FILE_NAME.search(w)]
    assert sorted(set(named)) == []


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> str:
    capsys.readouterr()
    main(list(argv))
    out, err = capsys.readouterr()
    assert "Traceback" not in err
    return out


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("lang", ["en", "zh"])
def test_no_check_report_names_a_paper_by_its_file_name(capsys: pytest.CaptureFixture[str], fmt: str,
                                                        lang: str) -> None:
    out = run(capsys, "check", *SETS, "--format", fmt, "--lang", lang)
    assert "uncc.14.1.a" in out
    assert FILE_NAME.findall(out) == []
    if fmt == "text" and lang == "en":  # the paper the PRC's profit-purpose reason rests on, as a reader sees it
        assert 'art. 363 and its interpretations, Xiong, "Controversies Regarding the Determination Standards' in out


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_no_review_or_atlas_names_a_paper_by_its_file_name(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    for lang in ("en", "zh"):
        out = run(capsys, "review", str(ROOT / "drafts" / "prc" / "in-force"), "--format", fmt, "--lang", lang)
        assert FILE_NAME.findall(out) == []
    assert FILE_NAME.findall(run(capsys, "atlas", *SETS[:-1], "--format", fmt)) == []
