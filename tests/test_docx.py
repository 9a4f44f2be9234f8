"""The Word documents of `render --format docx`: read back, styled, A4, CJK fonts, real tables, the text render's
words in order, the same bytes every run, and LibreOffice's PDF of each still holding the text."""

from __future__ import annotations

import dataclasses
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import docx
import office
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Length, Twips
from docx.table import Table
from docx.text.paragraph import Paragraph

from lexdraft.cli import main
from lexdraft.language.ast import Provision
from lexdraft.language.parse import parse_text
from lexdraft.outputs.docx import FRAME, STATUTE, to_docx
from lexdraft.outputs.xmltext import xml_text

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
IN_FORCE = DRAFTS / "prc" / "in-force"
FILES = sorted(DRAFTS.glob("**/*.lexd"))
LANGS = ("zh", "en")
CASES = [(f, lang) for f in FILES for lang in LANGS]


def _id(case: tuple[Path, str]) -> str:
    return f"{case[0].relative_to(DRAFTS).as_posix()}-{case[1]}"


def _render(path: Path, lang: str, fmt: str, out: Path) -> None:
    assert main(["render", str(path), "--lang", lang, "--with", str(IN_FORCE), "--format", fmt, "-o", str(out)]) == 0


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Path, str], tuple[Path, str]]:
    """Each bundled draft in each language: its .docx and its text render."""
    folder = tmp_path_factory.mktemp("docx")
    out = {}
    for path, lang in CASES:
        stem = f"{path.stem}.{lang}"
        _render(path, lang, "docx", folder / f"{stem}.docx")
        _render(path, lang, "text", folder / f"{stem}.txt")
        out[(path, lang)] = (folder / f"{stem}.docx", (folder / f"{stem}.txt").read_text(encoding="utf-8"))
    return out


def _blocks(document: Document) -> list[Paragraph | Table]:
    """The body's paragraphs and tables in document order."""
    return list(document.iter_inner_content())


def _texts(document: Document) -> list[str]:
    """The body as the text render prints it: a paragraph a line, a notes table row as `subject：note`, a section's
    number hanging before its words by a tab where the text puts a space."""
    lines = []
    for block in _blocks(document):
        if isinstance(block, Table):
            colon = "：" if any("\u4e00" <= c <= "\u9fff" for c in block.rows[0].cells[0].text) else ": "
            lines.extend(row.cells[0].text + colon + row.cells[1].text for row in block.rows)
        elif block.text:
            lines.append(block.text.replace("\t", " "))
    return lines


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_the_document_says_what_the_text_render_says_in_order(
        rendered: dict[tuple[Path, str], tuple[Path, str]], case: tuple[Path, str]) -> None:
    path, text = rendered[case]
    assert _texts(docx.Document(str(path))) == [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_a4_headings_and_east_asian_fonts(rendered: dict[tuple[Path, str], tuple[Path, str]],
                                          case: tuple[Path, str]) -> None:
    path, _ = rendered[case]
    document = docx.Document(str(path))
    for section in document.sections:
        assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))  # A4 in twips
        size = section._sectPr.find(qn("w:pgSz"))
        assert (size.get(qn("w:w")), size.get(qn("w:h"))) == ("11906", "16838")
    paragraphs = document.paragraphs
    # a proposal amending an act (a bill, an article's amendment) opens with a title block; the rest with Heading 1
    amends = case[0].parts[-2] == "proposed" and not case[0].stem.endswith("interpretation")
    assert paragraphs[0].style.name == ("Title" if amends else "Heading 1")
    styles = {p.style.name for p in paragraphs}
    assert STATUTE in styles and styles <= {"Title", "Heading 1", "Heading 2", STATUTE, FRAME}
    # Word's navigation pane lists the headings by their outline level.
    assert document.styles["Heading 1"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    hant = case[0].parts[-3] == "tw" and case[1] == "zh"
    for p in paragraphs:
        for run in p.runs:
            fonts = run.element.rPr.find(qn("w:rFonts"))
            assert fonts.get(qn("w:ascii")) == "Times New Roman"
            expected = {STATUTE: {"宋体", "新細明體"}, FRAME: {"仿宋", "標楷體"}}.get(p.style.name, {"黑体", "標楷體"})
            assert fonts.get(qn("w:eastAsia")) in expected, (p.text, p.style.name)
            assert fonts.get(qn("w:eastAsia")) in ({"新細明體", "標楷體"} if hant else {"宋体", "仿宋", "黑体"})
            # No theme font attribute may override the one set: Word reads the theme's first.
            assert fonts.get(qn("w:eastAsiaTheme")) is None
    for name in ("Heading 1", "Heading 2", STATUTE):
        fonts = document.styles[name].element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) and fonts.get(qn("w:eastAsiaTheme")) is None


def test_the_drafting_notes_are_a_real_table_with_the_notes_in_its_cells(
        rendered: dict[tuple[Path, str], tuple[Path, str]]) -> None:
    path, _ = rendered[(DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd", "zh")]
    document = docx.Document(str(path))
    (table,) = document.tables
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["拟置位置", "刑法分则第四章。"]
    assert rows[2] == ["主观方面", "直接故意。"]
    assert rows[-1] == ["拟履行的条约条款", "《联合国打击网络犯罪公约》第十六条。"]
    assert all(len(r) == 2 for r in rows) and len(rows) == 8
    assert table.style.name == "Table Grid"
    # the heading before it and the sources after it
    blocks = _blocks(document)
    at = blocks.index(next(b for b in blocks if isinstance(b, Table)))
    assert blocks[at - 1].text == "起草说明（不属于条文内容）" and blocks[at - 1].style.name == "Heading 2"
    assert blocks[at + 1].text.startswith("资料来源：")


def test_statute_text_and_the_quoted_article(rendered: dict[tuple[Path, str], tuple[Path, str]]) -> None:
    path, _ = rendered[(DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd", "zh")]
    paragraphs = docx.Document(str(path)).paragraphs
    statute = [p.text for p in paragraphs if p.style.name == STATUTE]
    assert statute[0].startswith("“以传播为目的")
    assert statute[-1].endswith("识别的图像。”") and len(statute) == 3
    intro = next(p for p in paragraphs if p.text.startswith("在刑法第二百五十三条之一后增加一条"))
    assert intro.style.name == FRAME
    path, _ = rendered[(DRAFTS / "tw" / "in-force" / "319-3-dissemination.lexd", "zh")]
    document = docx.Document(str(path))
    heads = [p for p in document.paragraphs if p.style.name == "Heading 1"]
    assert len(heads) == 2 and heads[1].paragraph_format.page_break_before  # each entry on its own page
    assert {r.element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for p in document.paragraphs
            if p.style.name == STATUTE for r in p.runs} == {"新細明體"}


def test_the_same_input_gives_the_same_bytes(tmp_path: Path) -> None:
    path = DRAFTS / "prc" / "proposed" / "dfii-interpretation.lexd"
    first, second = tmp_path / "a.docx", tmp_path / "b.docx"
    _render(path, "zh", "docx", first)
    _render(path, "zh", "docx", second)
    assert first.read_bytes() == second.read_bytes()
    with zipfile.ZipFile(first) as z:
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}
        core = z.read("docProps/core.xml").decode()
    assert "dcterms:created" not in core and "dcterms:modified" not in core
    props = docx.Document(str(first)).core_properties
    assert props.title.startswith("最高人民法院关于") and props.author == "lexdraft"


def test_a_docx_is_never_written_to_a_terminal(monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    path = DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd"
    assert main(["render", str(path), "--format", "docx"]) == 2
    err = capsys.readouterr().err
    assert "error[E408]: a Word document is binary and standard output is a terminal" in err
    assert "-o FILE.docx" in err


def test_a_docx_goes_to_a_pipe_as_bytes(tmp_path: Path) -> None:
    path = DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd"
    done = subprocess.run([sys.executable, "-m", "lexdraft.cli", "render", str(path), "--format", "docx",
                           "--lang", "zh"], capture_output=True, check=False, timeout=120)
    assert done.returncode == 0, done.stderr
    _render(path, "zh", "docx", tmp_path / "a.docx")
    assert done.stdout == (tmp_path / "a.docx").read_bytes()


def test_control_characters_in_a_document_are_shown_not_fatal() -> None:
    """Drafts may not hold them (E005), but the writer takes documents from any producer."""
    source = ('provision prc.criminal-law.999 {\n  jurisdiction prc\n  status in-force\n  instrument criminal-law\n'
              '  title zh "甲乙" en "AB"\n  text zh """\n第九百九十九条　甲乙。\n"""\n}\n')
    (doc,) = parse_text(source, "hostile.lexd").documents
    assert isinstance(doc, Provision) and doc.title is not None and doc.text is not None
    doc = dataclasses.replace(doc, title=dataclasses.replace(doc.title, zh="甲\x07乙"),
                              text=dataclasses.replace(doc.text, zh="第九百九十九条　甲\x01乙。"))
    data = to_docx([doc], "zh", {})
    texts = [p.text for p in docx.Document(io.BytesIO(data)).paragraphs]
    assert "甲␇乙" in texts and "第九百九十九条　甲␁乙。" in texts
    assert xml_text("a\x00b\ufffec\ud800") == "a␀b\ufffdc\ufffd"
    assert xml_text("tab\tnew\nline") == "tab\tnew\nline"


# ------------------------------------------------------------------ LibreOffice


def test_a_missing_libreoffice_fails_under_ci_and_skips_elsewhere(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """.ci/run says it is CI; there the PDF check may not be left out for want of LibreOffice."""
    monkeypatch.setenv("PATH", str(tmp_path))  # neither soffice nor pdftotext
    monkeypatch.delenv(office.CI, raising=False)
    with pytest.raises(pytest.skip.Exception, match="LibreOffice or pdftotext is not installed"):
        office.soffice()
    monkeypatch.setenv(office.CI, "1")
    with pytest.raises(pytest.fail.Exception, match="under CI"):
        office.soffice()
    ci = (Path(__file__).resolve().parents[1] / ".ci" / "run").read_text(encoding="utf-8")
    assert f"export {office.CI}=1" in ci


def _flat(text: str) -> str:
    """Text without its spacing and hyphens: pdftotext joins a word hyphenated at a line's end."""
    return "".join(text.split()).replace("-", "")


def test_libreoffice_turns_each_document_into_a_pdf_that_keeps_the_text(
        rendered: dict[tuple[Path, str], tuple[Path, str]], tmp_path: Path) -> None:
    soffice = office.soffice()
    documents = [str(path) for path, _ in rendered.values()]
    # A profile of its own: another LibreOffice running on the machine does not take the conversion over.
    profile = (tmp_path / "profile").as_uri()
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), *documents], capture_output=True, text=True, check=False,
                          timeout=600, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    checked = 0
    for (source, lang), (path, text) in rendered.items():
        pdf = tmp_path / (path.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of {source} ({lang}): {done.stdout}{done.stderr}"
        shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                               timeout=120).stdout
        flat = _flat(shown)
        document = docx.Document(str(path))
        # A paragraph whole (a section's hanging number apart from its words, which pdftotext reads as a column of
        # its own); a table cell word by word, as a PDF interleaves the lines of cells side by side.
        pieces = [piece for p in document.paragraphs for piece in p.text.split("\t")] + [
            word for t in document.tables for r in t.rows for c in r.cells for word in c.text.split()]
        for piece in pieces:
            assert _flat(piece) in flat, f"{source} ({lang}): {piece!r} is not in the PDF"
        checked += 1
    assert checked == len(CASES)
    print(f"LibreOffice converted {checked} documents to PDF; every paragraph's text is in pdftotext's output")


def _spans_the_text_width(document: Document) -> None:
    """Each table is as wide as the text (page width less the margins), read back from the document: its own width
    fixed at that, in a fixed layout, and its columns filling it."""
    section = document.sections[0]
    body = Length(section.page_width - section.left_margin - section.right_margin).twips
    assert document.tables
    for table in document.tables:
        properties = table._tbl.tblPr
        width = properties.find(qn("w:tblW"))
        assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", body)
        assert properties.find(qn("w:tblLayout")).get(qn("w:type")) == "fixed"
        grid = [int(c.get(qn("w:w"))) for c in table._tbl.tblGrid.findall(qn("w:gridCol"))]
        assert sum(grid) == body
        assert all(c.width == Twips(g) for row in table.rows for c, g in zip(row.cells, grid, strict=True))


def test_every_kind_of_table_spans_the_text_width(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tw = REPO / "drafts" / "tw"
    made = {"notes": ["render", str(REPO / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"), "--format", "docx"],
            "comparison": ["render", str(tw / "proposed" / "csepa-39-amendment.lexd"), "--table", "docx",
                           "--with", str(tw / "in-force")],
            "review": ["review", str(REPO / "drafts" / "tw"), "--format", "docx", "--against", "uncc.14"]}
    for name, args in made.items():
        assert main([*args, "-o", str(tmp_path / f"{name}.docx")]) in (0, 1), name
        capsys.readouterr()
        _spans_the_text_width(docx.Document(str(tmp_path / f"{name}.docx")))
