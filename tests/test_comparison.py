"""`render --table`: an amendment beside the text in force in its pack's form — the PRC's 修改前 | 修改后,
Taiwan's 修正條文 | 現行條文 | 說明 with the 說明 the draft writes — as text, Markdown, HTML and Word; golden files."""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from markdown_it import MarkdownIt

from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "tables"
PRC_IN_FORCE = REPO / "drafts" / "prc" / "in-force"
TW_IN_FORCE = REPO / "drafts" / "tw" / "in-force"
BILL = REPO / "drafts" / "prc" / "proposed" / "criminal-law-amendment.lexd"
ART_366 = REPO / "drafts" / "prc" / "proposed" / "366-legal-persons.lexd"
TW_39 = REPO / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd"

CASES = [  # (golden name, draft, the drafts in force, language, format)
    ("prc-bill.zh.md", BILL, PRC_IN_FORCE, "zh", "markdown"),
    ("prc-bill.en.md", BILL, PRC_IN_FORCE, "en", "markdown"),
    ("prc-366.zh.txt", ART_366, PRC_IN_FORCE, "zh", "text"),
    ("tw-csepa-39.zh.md", TW_39, TW_IN_FORCE, "zh", "markdown"),
    ("tw-csepa-39.en.md", TW_39, TW_IN_FORCE, "en", "markdown"),
    ("tw-csepa-39.zh.txt", TW_39, TW_IN_FORCE, "zh", "text"),
]


def _render(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["render", *args, "--no-cache"]) == 0
    return capsys.readouterr().out


@pytest.mark.parametrize(("name", "draft", "in_force", "lang", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_golden(capsys: pytest.CaptureFixture[str], regen_golden: bool, name: str, draft: Path, in_force: Path,
                lang: str, fmt: str) -> None:
    out = _render(capsys, str(draft), "--table", fmt, "--with", str(in_force), "--lang", lang)
    golden = GOLDEN / name
    if regen_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert out == golden.read_text(encoding="utf-8")


def _table(markdown: str) -> list[list[str]]:
    """The cells of the Markdown table, as a reader's Markdown sees them."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    rows = re.findall(r"<tr>(.*?)</tr>", html, re.DOTALL)
    # a line break is a break; the marks of changed words (<ins>, <del>) are not
    return [[re.sub(r"<[^>]+>", "\n", re.sub(r"</?(ins|del)>", "", c)).strip()
             for c in re.findall(r"<t[hd]>(.*?)</t[hd]>", r, re.DOTALL)] for r in rows]


def test_taiwan_sets_the_amended_article_the_one_in_force_and_the_drafters_explanation(
        capsys: pytest.CaptureFixture[str]) -> None:
    rows = _table(_render(capsys, str(TW_39), "--table", "markdown", "--with", str(TW_IN_FORCE)))
    assert rows[0] == ["修正條文", "現行條文", "說明"]
    amended, current, explanation = rows[1]
    assert amended.startswith("第三十九條　無正當理由支付對價而持有兒童或少年之性影像")
    assert "第二次以上被查獲" not in amended and "第一項至第三項" in amended
    assert "第一次被查獲者，處新臺幣一萬元以上十萬元以下罰鍰" in current  # the text in force, verbatim
    assert explanation.split("\n")[0] == "一、第一項及第二項未修正。"


def test_the_prc_table_sets_each_item_of_the_bill_before_and_after(capsys: pytest.CaptureFixture[str]) -> None:
    rows = _table(_render(capsys, str(BILL), "--table", "markdown", "--with", str(PRC_IN_FORCE)))
    assert rows[0] == ["修改前", "修改后"]
    assert [r[1].split("　")[0] for r in rows[1:]] == ["第二百五十三条之二", "第二百八十六条之二", "第三百六十四条之一",
                                                    "第三百六十六条"]
    assert [r[0] for r in rows[1:4]] == ["—", "—", "—"]  # inserted articles: nothing stood there
    assert rows[4][0].startswith("第三百六十六条　单位犯本节第三百六十三条、第三百六十四条、第三百六十五条")
    assert "第三百六十四条之一" in rows[4][1]


def test_html_is_one_escaped_page_with_a_real_table(capsys: pytest.CaptureFixture[str]) -> None:
    html = _render(capsys, str(TW_39), "--table", "html", "--with", str(TW_IN_FORCE))
    assert html.startswith("<!DOCTYPE html>") and '<html lang="zh-Hant">' in html
    assert "<th>修正條文</th><th>現行條文</th><th>說明</th>" in html
    assert html.count("<tr>") == 2 and "「第二次以上被查獲」" in html


def test_word_holds_the_table_as_a_real_table(tmp_path: Path) -> None:
    out = tmp_path / "table.docx"
    assert main(["render", str(TW_39), "--table", "docx", "--with", str(TW_IN_FORCE), "-o", str(out),
                 "--no-cache"]) == 0
    document = docx.Document(str(out))
    assert document.paragraphs[0].style.name == "Heading 1"
    assert document.paragraphs[0].text == "兒童及少年性剝削防制條例第三十九條條文修正草案條文對照表"
    (table,) = document.tables
    assert [c.text for c in table.rows[0].cells] == ["修正條文", "現行條文", "說明"]
    assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None  # the heading row repeats on each page
    amended, current, explanation = table.rows[1].cells
    assert "第一次被查獲者" in current.text
    assert [p.text for p in amended.paragraphs][2] == \
        "無正當理由持有兒童或少年與性相關而客觀上足以引起性慾或羞恥之圖畫、語音或其他物品者，處新臺幣二萬元以上二十萬元以下罰金。"
    assert amended.paragraphs[0].style.name == "Statute Text" and explanation.paragraphs[0].style.name == \
        "Drafting Text"
    fonts = amended.paragraphs[0].runs[0]._r.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "新細明體"
    again = tmp_path / "again.docx"
    assert main(["render", str(TW_39), "--table", "docx", "--with", str(TW_IN_FORCE), "-o", str(again),
                 "--no-cache"]) == 0
    assert out.read_bytes() == again.read_bytes()  # deterministic bytes
    with zipfile.ZipFile(io.BytesIO(out.read_bytes())) as z:
        assert "第二次以上被查獲" in z.read("word/document.xml").decode()


def test_changed_words_are_marked_in_every_format(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Issue 15: the cells mark the words an amendment changes: [- -] and {+ +} in plain text (docs/language.md),
    <del> and <ins> in Markdown and HTML, struck through and underlined in Word; the rest of the text is unmarked."""
    text = _render(capsys, str(TW_39), "--table", "text", "--with", str(TW_IN_FORCE))
    assert "查獲之第一項{+至第三+}項之附著物" in text and "查獲之第一項[-、第二項及第四-]項之附著物" in text
    # ¶3 in force struck out whole; ¶4 keeps all but its condition, which the amendment strikes out
    held = "無正當理由持有兒童或少年與性相關而客觀上足以引起性慾或羞恥之圖畫、語音或其他物品"
    assert f"\n[-{held}，第一次被查獲者" in text and f"\n{held}[-第二次以上被查獲-]者" in text
    assert "{+" not in text.split("現行條文：")[1] and "[-" not in text.split("現行條文：")[0]
    md = _render(capsys, str(ART_366), "--table", "markdown", "--with", str(PRC_IN_FORCE), "--lang", "en")
    assert "Article 363, 364<ins>, 364A</ins> or 365" in md and "<del>" not in md
    html = _render(capsys, str(ART_366), "--table", "html", "--with", str(PRC_IN_FORCE))
    assert "第三百六十四条<ins>、第三百六十四条之一</ins>、第三百六十五条" in html
    out = tmp_path / "366.docx"
    assert main(["render", str(ART_366), "--table", "docx", "--with", str(PRC_IN_FORCE), "-o", str(out),
                 "--no-cache"]) == 0
    current, amended = docx.Document(str(out)).tables[0].rows[1].cells
    runs = [(r.text, bool(r.font.underline)) for r in amended.paragraphs[0].runs]
    assert runs[1] == ("、第三百六十四条之一", True) and not runs[0][1] and not runs[2][1]
    assert not any(r.font.strike or r.font.underline for r in current.paragraphs[0].runs)


def test_an_amendment_without_the_explanation_its_pack_requires_is_refused(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "39.lexd"
    text = TW_39.read_text(encoding="utf-8")
    draft.write_text(text[:text.index("  explanation")] + "}\n", encoding="utf-8")
    assert main(["render", str(draft), "--table", "--with", str(TW_IN_FORCE), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "39.lexd:27:3: error[E411]: `tw.amendment.39` gives no explanation, which the pack of 'tw' requires" in err
    assert "^^^" in err and "lexdraft never writes it" in err


def test_the_text_in_force_must_be_read_with_the_amendment(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(ART_366), "--table", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "error[E411]: the text in force of article 366, which `prc.amendment.366` changes, is not among the " \
           "drafts" in err and "--with drafts/prc/in-force" in err


def test_the_drafts_format_is_not_the_tables(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(ART_366), "--with", str(PRC_IN_FORCE), "--table", "--format", "akn", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "error[E401]: --format akn writes the draft, not its comparison table" in err and "--table html" in err


def test_a_file_that_amends_nothing_has_no_table(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(PRC_IN_FORCE / "364-disseminating-obscene.lexd"), "--table", "--no-cache"]) == 2
    assert "error[E411]: nothing here amends an article" in capsys.readouterr().err


def test_taiwan_titles_a_table_as_the_legislative_yuan_does(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bill's heading bare, then 條文對照表: no 「」 around the heading (the Legislative Yuan writes none), in
    every format, for any article a Taiwan amendment replaces."""
    text = TW_39.read_text(encoding="utf-8")
    draft = tmp_path / "36.lexd"
    draft.write_text(text.replace("tw.amendment.39", "tw.amendment.36").replace("replacing article 39",
                                                                                 "replacing article 36"),
                     encoding="utf-8")
    want = "兒童及少年性剝削防制條例第三十六條條文修正草案條文對照表"
    for fmt in ("text", "markdown", "html"):
        out = _render(capsys, str(draft), "--table", fmt, "--with", str(TW_IN_FORCE), "--lang", "zh")
        assert want in out and "」條文對照表" not in out and "「兒童及少年性剝削防制條例" not in out
    out_docx = tmp_path / "36.docx"
    assert main(["render", str(draft), "--table", "docx", "--with", str(TW_IN_FORCE), "-o", str(out_docx),
                 "--no-cache"]) == 0
    assert docx.Document(str(out_docx)).paragraphs[0].text == want
