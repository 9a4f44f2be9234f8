"""Word documents of rendered provisions, obligations and interpretations, built with python-docx from the page models.

The document says what the text render says, paragraph for paragraph (tests/test_docx.py holds the two together),
laid out as a drafting office prints it:

- A4, with the margins the jurisdiction's pack gives (`word: {margins-mm: …}`; the PRC pack's are those of its
  standard for official documents, GB/T 9704-2012: 37 mm top, 35 mm bottom, 28 mm left, 26 mm right), and 25 mm
  all round where it gives none or the documents belong to packs that differ.
- Word's own Heading 1 (the document's title) and Heading 2 (the citation, the drafting notes) styles, so the
  navigation pane and a table of contents find them. A bill and its memorandum open with the title block a drafting
  office sets on a cover: the title in Word's Title style (centred, and at outline level 1 so the navigation pane
  still lists it), the office's line beneath it in the Subtitle style only where the file states one (lexdraft never
  composes an office, a date or a draft number), and, while the bill is proposed, 草案 / Draft in the header of
  every page, so that no page printed alone passes for the law.
- Fonts for East Asian text set as Word reads them (`w:eastAsia` beside the Latin font, never a theme font): the
  statute's words — the article quoted or in force, the interpretation's articles — in 宋体, as the NPC and the
  courts publish statutes and interpretations; the office's own words around them (instruction, notes, sources) in
  仿宋, the body font of GB/T 9704; headings in 黑体. Taiwan's traditional-script text: 新細明體 for the statute,
  標楷體 for the rest, as the Legislative Yuan's bills set them. Latin letters and digits in Times New Roman.
- The drafting notes as a real two-column table (what the note is about | the note).

Deterministic: the same input gives the same bytes — the package's dates are left out of its properties and every
zip entry carries one fixed timestamp.
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.font import CT_RPr
from docx.oxml.text.run import CT_R
from docx.shared import Length, Mm, Pt, RGBColor, Twips
from docx.styles.style import ParagraphStyle
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from .. import packs
from ..language import ast as A
from ..wording.boilerplate import WORDS as _WORDS
from ..wording.comparison import ComparisonTable
from ..wording.consolidated import ConsolidatedPage
from ..wording.divisions import divide
from ..wording.sections import SectionPage, is_section, section_page
from .memorandum import Memorandum
from .pages import BillPage, InterpretationPage, Page, ProvisionPage, page_of
from .xmltext import xml_text

LATIN = "Times New Roman"


@dataclass(frozen=True)
class Fonts:
    """The East Asian fonts of one script: the statute's words, the office's words, the headings."""

    statute: str
    frame: str
    heading: str
    lang: str  # w:lang's eastAsia value, so Word shapes the text as this script


_MARKS = {"current": "strike", "amended": "underline"}
HANS = Fonts("宋体", "仿宋", "黑体", "zh-CN")
HANT = Fonts("新細明體", "標楷體", "標楷體", "zh-TW")


# Paragraph styles lexdraft adds beside Word's headings: the statute's words, and the office's words around them.
STATUTE = "Statute Text"
FRAME = "Drafting Text"
# The indent of each level of a common-law section, its number hanging in the one before: (1) at the margin, (a) under
# the subsection's words, (i) under the paragraph's.
_INDENT = Mm(10)
# One timestamp for every zip entry (the zip format's earliest), so that a document's bytes depend on its content.
_ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def to_docx(documents: Sequence[A.Document], lang: str, provisions: Mapping[str, A.Provision]) -> bytes:
    """The documents of one draft file as a Word document (.docx bytes), in `lang` ("zh" or "en")."""
    # a document that cannot be rendered stops it here; a provision of a common-law style is the section its text
    # render prints
    pages = [section_page(d, lang) if isinstance(d, A.Provision) and is_section(d, lang) else
             page_of(d, lang, provisions) for d in documents]
    jurisdictions = {_jurisdiction(d) for d in documents}
    hant = lang == "zh" and any(_script(p) == "hant" for p in pages)
    margins = {p.margins if (p := packs.pack(j)) is not None else None for j in jurisdictions}
    book = _Book(HANT if hant else HANS, lang, margins.pop() if len(margins) == 1 else None)
    # 草案 / Draft in the header of every page only where every document of the file is a proposal: law in force
    # is never called a draft
    book.drafts_only = all(d.status is not None and d.status.name == "proposed" for d in documents)
    for i, page in enumerate(pages):
        book.page(page, first=i == 0)
    titles = [p.heading if isinstance(p, SectionPage) else p.title for p in pages]
    return book.save(next((t for t in titles if t), ""))


def comparison_docx(table: ComparisonTable) -> bytes:
    """A comparison table (修改前 | 修改后; 修正條文 | 現行條文 | 說明) as a Word document: its title as Heading 1,
    the table a real Word table with the statute's words in the statute's face and the explanation in the office's."""
    pack = packs.pack(table.jurisdiction)
    book = _Book(HANT if table.script == "hant" else HANS, table.lang, pack.margins if pack is not None else None)
    book.heading(table.title)
    faces = [(FRAME, book.fonts.frame) if column == "explanation" else (STATUTE, book.fonts.statute)
             for column in table.columns]
    # the words an amendment changes: struck through in force, underlined as amended (the plain text's [- -], {+ +})
    rows = [[[[(words, _MARKS.get(column) if changed else None) for words, changed in line]
              for line in row.segments(i)] for i, column in enumerate(table.columns)] for row in table.rows]
    book.grid(table.headings, rows, faces)
    for note in table.notes:
        book.text(note)
    return book.save(table.title)


def consolidated_docx(page: ConsolidatedPage) -> bytes:
    """The text as amended as a Word document: its title as Heading 1, its standing in the office's face, each article
    in the statute's face as a statute prints it, its label once, opening its first paragraph (no heading repeats
    it); that paragraph is at outline level 2, so the navigation pane lists the articles all the same."""
    pack = packs.pack(page.jurisdiction)
    book = _Book(HANT if page.script == "hant" else HANS, page.lang, pack.margins if pack is not None else None)
    book.heading(page.title)
    for line in (page.standing, page.translation, *page.notes):
        if line:
            book.text(line)
    for article in page.articles:
        for i, line in enumerate(article.lines):
            p = book._para(line, STATUTE, book.fonts.statute)
            if i == 0:
                level = OxmlElement("w:outlineLvl")
                level.set(qn("w:val"), "1")
                p._p.get_or_add_pPr().append(level)
    return book.save(page.title)


def memorandum_docx(memo: Memorandum) -> bytes:
    """An explanatory memorandum as a Word document: its title as Heading 1, each item's part under Heading 2, the
    office's words in its face, the review's reasons as bulleted lists, the commencement in the statute's face."""
    pack = packs.pack(memo.jurisdiction)
    book = _Book(HANT if memo.script == "hant" else HANS, memo.lang, pack.margins if pack is not None else None)
    w = memo.words
    book.title_block(memo.title, memo.office, memo.status)
    book.text(memo.overview)
    book.text(memo.basis)
    for part in memo.parts:
        book.heading(part.heading, 2)
        if part.sources:
            book.text(w["sources"] + w["sep"].join(part.sources))
        if part.explanation:
            book.text(w["explanation"])
            for line in part.explanation:
                book.text(line)
        for change in part.changes:
            book.text(change.said)
            for heading, lines in ((w["before"], change.before), (w["after"], change.after)):
                if lines:
                    book.text(heading)
                    for line in lines:
                        book.text(line, bullet=True)
        if part.unchanged:
            book.text(part.unchanged)
        for line in part.text:
            book._para(line, STATUTE, book.fonts.statute)
    return book.save(memo.title)


def _jurisdiction(doc: A.Document) -> str:
    return doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]


def _script(page: Page) -> str:
    return page.script if isinstance(page, ProvisionPage | BillPage) else "hans"


class _Book:
    """One Word document being written: styles set up once, then page after page."""

    def __init__(self, fonts: Fonts, lang: str, margins: tuple[int, int, int, int] | None) -> None:
        self.doc = docx.Document()
        self.fonts = fonts
        self.lang = lang
        section = self.doc.sections[0]
        section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4, exactly as Word writes it
        for side, mm in zip(("top_margin", "bottom_margin", "left_margin", "right_margin"), margins or (25,) * 4,
                            strict=True):
            setattr(section, side, Mm(mm))
        styles = self.doc.styles
        _style_fonts(styles["Normal"], fonts.frame, fonts.lang, Pt(12))
        for name, size in (("Heading 1", Pt(16)), ("Heading 2", Pt(14))):
            _style_fonts(styles[name], fonts.heading, fonts.lang, size)
            styles[name].font.color.rgb = RGBColor(0, 0, 0)  # a statute is printed black, not in the theme's blue
        statute = styles.add_style(STATUTE, WD_STYLE_TYPE.PARAGRAPH)
        statute.base_style = styles["Normal"]
        _style_fonts(statute, fonts.statute, fonts.lang, Pt(12))
        if lang == "en":  # an English statute's paragraphs are blocks set apart, not indented as Chinese ones are
            statute.paragraph_format.space_after = Pt(6)
        else:
            statute.paragraph_format.first_line_indent = Pt(24)  # two characters, as Chinese paragraphs begin
        frame = styles.add_style(FRAME, WD_STYLE_TYPE.PARAGRAPH)
        frame.base_style = styles["Normal"]
        _style_fonts(frame, fonts.frame, fonts.lang, Pt(12))
        self.words = _WORDS["en"] if lang == "en" else _WORDS["hans"]
        self._set_up: set[str] = set()  # what is set up once a document: the title block's styles, its header
        self.drafts_only = True  # whether every document in it is a draft, so that its header may say so

    # ------------------------------------------------------------------ pages

    def page(self, page: Page | SectionPage, first: bool) -> None:
        if isinstance(page, SectionPage):
            self._section(page, first)
        elif isinstance(page, InterpretationPage):
            self._interpretation(page, first)
        elif isinstance(page, BillPage):
            self._bill(page, first)
        elif page.form == "statute":
            self._statute(page, first)
        else:
            self._provision(page, first)

    def heading(self, text: str, level: int = 1) -> None:
        self._para(text, f"Heading {level}", self.fonts.heading)

    def title_block(self, title: str, office: str, status: str, first: bool = True) -> None:
        """A cover's title block: the title (Title style), the office's line as the file states it (Subtitle), and
        the status (草案 / Draft) in the header of every page."""
        styles = self.doc.styles
        if "Title" not in self._set_up:
            self._set_up.add("Title")
            for name, face, size in (("Title", self.fonts.heading, Pt(18)), ("Subtitle", self.fonts.frame, Pt(14))):
                style = styles[name]
                _style_fonts(style, face, self.fonts.lang, size)
                style.font.color.rgb = RGBColor(0, 0, 0)
                style.font.italic = False
                style.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.CENTER
                # The template's rule under the title, its outline numbering of the subtitle and its letter-spacing
                # are no part of a statute's cover; spaced out, a title breaks inside its （草案）.
                for parent, tag in ((style.element.pPr, "w:pBdr"), (style.element.pPr, "w:numPr"),
                                    (style.element.rPr, "w:spacing"), (style.element.rPr, "w:kern")):
                    found = parent.find(qn(tag)) if parent is not None else None
                    if found is not None:
                        parent.remove(found)
            level = OxmlElement("w:outlineLvl")  # listed in the navigation pane as a Heading 1 is
            level.set(qn("w:val"), "0")
            styles["Title"].element.get_or_add_pPr().append(level)
        p = self._para(title, "Title", self.fonts.heading)
        if not first:
            p.paragraph_format.page_break_before = True
        if office:
            self._para(office, "Subtitle", self.fonts.frame)
        if status and self.drafts_only and "status" not in self._set_up:
            self._set_up.add("status")
            header = self.doc.sections[0].header.paragraphs[0]
            header.style = styles["Header"]
            header.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            self._run(header, status, self.fonts.heading).bold = True

    def _headings(self, title: str | None, citation: str | None, first: bool) -> None:
        """The title as Heading 1 and the citation as Heading 2; without a title the citation heads the page."""
        lines = [t for t in (title, citation) if t]
        for i, text in enumerate(lines):
            p = self._para(text, "Heading 1" if i == 0 else "Heading 2", self.fonts.heading)
            if i == 0 and not first:
                p.paragraph_format.page_break_before = True  # each document of the file on its own page

    def _statute(self, page: ProvisionPage, first: bool) -> None:
        w = _WORDS["en"] if self.lang == "en" else _WORDS[page.script]
        self._headings(page.title, page.heading, first)
        for line in page.frame:  # the standing of the text and of its translation, as the text page says it
            self._para(line, FRAME, self.fonts.frame)
        if page.sections:
            self._parts(page.lines)
        else:
            for line in page.lines:
                self._para(line, STATUTE, self.fonts.statute)
        if page.translated and page.translation_heading:  # a statute in another language: the draft's translation
            self._para(page.translation_heading, FRAME, self.fonts.frame)
            for line in page.translated:
                self._para(line, STATUTE, self.fonts.statute)
        self._sources(page.sources, w)

    def _provision(self, page: ProvisionPage, first: bool) -> None:
        w = _WORDS["en"] if self.lang == "en" else _WORDS[page.script]
        summary = page.form == "summary"
        if page.form == "amendment" and page.title:  # an amendment of an act is a bill: it opens as one
            self.title_block(page.title, "", w["draft-status"], first)
            if page.subheading:
                self._para(page.subheading, "Heading 2", self.fonts.heading)
        else:  # the citation and its standing, as the text page says them
            self._headings(page.title, page.subheading, first)
        for line in page.frame:  # what the reader must know before the text, as the text page says it
            self._para(line, FRAME, self.fonts.frame)
        if page.intro:
            self._para(page.intro, FRAME, self.fonts.frame)
        for i, line in enumerate(page.lines):
            lead = page.lead + w["space"] if i == 0 and page.lead else ""
            opening, closing = page.quotes if page.quoted else ("", "")
            text = opening + lead + line + (closing if i == len(page.lines) - 1 else "")
            self._para(text, STATUTE, self.fonts.statute)
        if page.notes:
            self._para(w["elements" if summary else "notes"], "Heading 2", self.fonts.heading)
            self._table([(n.label or w[n.kind], n.text + w["stop"]) for n in page.notes])
        self._sources(page.sources, w)

    def _section(self, page: SectionPage, first: bool) -> None:
        """A common-law section as section.j2 prints it: the clause heading or citation, the frame, the instruction,
        the section's own heading and subsections, its notes and sources."""
        w = page.words
        self._headings(page.heading, None, first)
        for line in page.frame:
            self._para(line, FRAME, self.fonts.frame)
        if page.intro:
            self._para(page.intro, FRAME, self.fonts.frame)
        self._parts((page.head, *page.lines) if page.head else page.lines)
        if page.notes:
            self._para(page.notes_heading, "Heading 2", self.fonts.heading)
            self._table([(n.label or w[n.kind], n.text + w["stop"]) for n in page.notes])
        self._sources(page.sources, w)

    def _parts(self, lines: Sequence[str]) -> None:
        """A common-law section as its office sets it out: a paragraph for each subsection, paragraph, subparagraph
        and clause, its number as the text prints it hanging before its words (a tab to the indent of its level),
        words without a number at the indent of the part whose words they are (closing words at their list's opening
        words'), the section's number and heading at the margin."""
        for part in divide(lines):
            if part.level:
                p = self._para(part.num + ("\t" + part.text if part.text else ""), STATUTE, self.fonts.statute)
                p.paragraph_format.left_indent = _INDENT * part.level
                p.paragraph_format.first_line_indent = -_INDENT
            else:
                p = self._para(part.line, STATUTE, self.fonts.statute)
                p.paragraph_format.left_indent = _INDENT * part.under
                p.paragraph_format.first_line_indent = 0

    def _interpretation(self, page: InterpretationPage, first: bool) -> None:
        w = self.words
        self._headings(page.title, None, first)
        for line in (page.number, page.adopted):  # the court's own frame, as the file states it
            if line:
                self._para(line, STATUTE, self.fonts.statute)
        if page.standing:
            self._para(page.standing, FRAME, self.fonts.frame)
        if page.shows_issuers:
            self._para(page.issuers_label + w["colon"] + page.issuers, FRAME, self.fonts.frame)
        self._para(page.preamble, STATUTE, self.fonts.statute)
        for label, lines in page.articles:
            for i, line in enumerate(lines):
                p = self._para("", STATUTE, self.fonts.statute)
                if i == 0:
                    self._run(p, label + w["space"], self.fonts.statute).bold = True
                self._run(p, line, self.fonts.statute)
        # The interpretation templates print their sources in simplified script whatever the jurisdiction.
        self._sources(page.sources, w)

    def _bill(self, page: BillPage, first: bool) -> None:
        """A bill is itself a statute: its items, instructions and quoted text alike, in the statute's face, under its
        title block."""
        self.title_block(page.title, page.office, page.status, first)
        for item in page.items:
            self._para(item.label + item.instruction, STATUTE, self.fonts.statute)
            for i, line in enumerate(item.lines):
                self._para(page.quotes[0] + line + (page.quotes[1] if i == len(item.lines) - 1 else ""), STATUTE,
                           self.fonts.statute)
        self._sources(page.sources, page.words)
        for note in page.notes:
            self.text(note)

    def _sources(self, sources: Sequence[str], w: Mapping[str, str]) -> None:
        if sources:
            self._para(w["sources"] + w["sep"].join(sources), FRAME, self.fonts.frame)

    # ------------------------------------------------------------------ blocks

    def _para(self, text: str, style: str, east_asia: str) -> Paragraph:
        p = self.doc.add_paragraph(style=style)
        if text:
            self._run(p, text, east_asia)
        return p

    def _run(self, p: Paragraph, text: str, east_asia: str) -> Run:
        run = p.add_run(xml_text(text))
        _run_fonts(run.element, east_asia)
        return run

    def _table(self, rows: Sequence[tuple[str, str]]) -> None:
        table = self.doc.add_table(rows=0, cols=2)
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        for head, body in rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, (head, body), strict=True):
                para = cell.paragraphs[0]
                para.style = self.doc.styles[FRAME]
                self._run(para, text, self.fonts.frame)
        self.full_width(table, (40, 116))  # the subject narrow, the note wide

    def text(self, text: str, *, bullet: bool = False, preformatted: bool = False) -> None:
        """The office's words: a paragraph, a bulleted one, or lines kept as they are (one paragraph each)."""
        if preformatted:
            for line in text.split("\n"):
                self._para(line, FRAME, self.fonts.frame)
            return
        lines = text.split("\n")
        p = self._para(lines[0], "List Bullet" if bullet else FRAME, self.fonts.frame)
        for line in lines[1:]:  # a sentence given in both languages: the second on a line of its own
            p.add_run().add_break()
            self._run(p, line, self.fonts.frame)

    def grid(self, headings: Sequence[str],
             rows: Sequence[Sequence[Sequence[str | tuple[str, bool] | Sequence[tuple[str, str | None]]]]],
             faces: Sequence[tuple[str, str]], widths: Sequence[int] | None = None) -> None:
        """A real Word table: a header row (repeated on every page) and one row per entry, each cell's lines its
        paragraphs in its column's face (paragraph style, East Asian font), a line given as (text, True) in bold,
        or as pieces (text, "underline" | "strike" | None); the columns share the width between the margins unless
        `widths` (mm) says otherwise."""
        table = self.doc.add_table(rows=1, cols=len(headings))
        table.style = self.doc.styles["Table Grid"]
        table.alignment = WD_TABLE_ALIGNMENT.CENTER
        head = table.rows[0]
        flag = OxmlElement("w:tblHeader")
        head._tr.get_or_add_trPr().append(flag)
        for cell, text in zip(head.cells, headings, strict=True):
            para = cell.paragraphs[0]
            para.style = self.doc.styles[FRAME]
            self._run(para, text, self.fonts.heading).bold = True
        for row in rows:
            cells = table.add_row().cells
            for cell, lines, (style, east_asia) in zip(cells, row, faces, strict=True):
                for i, line in enumerate(lines):
                    para = cell.paragraphs[0] if i == 0 else cell.add_paragraph()
                    para.style = self.doc.styles[style]
                    para.paragraph_format.first_line_indent = Pt(0)  # a cell is too narrow for an indent
                    if isinstance(line, list):
                        for words, mark in line:
                            if words:
                                run = self._run(para, words, east_asia)
                                run.font.underline = True if mark == "underline" else None
                                run.font.strike = True if mark == "strike" else None
                        continue
                    words, bold = line if isinstance(line, tuple) else (line, False)
                    if words:
                        self._run(para, words, east_asia).bold = bold or None
        self.full_width(table, widths or (1,) * len(headings))

    def full_width(self, table: Any, shares: Sequence[int]) -> None:
        """The table across the text width (the page between its margins), its columns sharing it in proportion to
        `shares`: the table's own width and layout fixed, so that Word and LibreOffice neither shrink it to its
        contents nor let it run into the margin."""
        section = self.doc.sections[0]
        body = Length(section.page_width - section.left_margin - section.right_margin).twips
        widths = [body * s // sum(shares) for s in shares[:-1]]
        widths.append(body - sum(widths))  # the last column takes what rounding left, so the columns fill it
        table.autofit = False  # a fixed layout (w:tblLayout)
        width = table._tbl.tblPr.find(qn("w:tblW"))  # python-docx writes it as "auto", which is the contents' width
        width.set(qn("w:type"), "dxa")
        width.set(qn("w:w"), str(body))
        for column, width in zip(table.columns, widths, strict=True):
            column.width = Twips(width)
            for cell in column.cells:
                cell.width = Twips(width)

    # ------------------------------------------------------------------ package

    def save(self, title: str) -> bytes:
        props = self.doc.core_properties
        props.title = xml_text(title)[:255]  # the core properties hold at most 255 characters (python-docx raises)
        props.author = "lexdraft"
        props.comments = ""
        props.language = "en" if self.lang == "en" else self.fonts.lang
        # The template's creation dates (python-docx's, of 2013) would be false; a date of this run would make two
        # runs differ. The properties carry none.
        core = props._element
        for tag in ("dcterms:created", "dcterms:modified", "cp:lastPrinted"):
            for el in core.findall(qn(tag)):
                core.remove(el)
        raw = io.BytesIO()
        self.doc.save(raw)
        return _fixed_zip(raw.getvalue())


def _fixed_zip(data: bytes) -> bytes:
    """The same package with every entry's timestamp fixed, in the same order and compression."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as src, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=_ZIP_TIME)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename))
    return out.getvalue()


def _fonts_element(rpr: CT_RPr, east_asia: str, lang: str | None) -> None:
    """Latin and East Asian fonts on one run or style, replacing the theme fonts, which would win over them."""
    fonts = rpr.get_or_add_rFonts()
    for attr in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attr), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), east_asia)
    if lang is not None:
        tag: Any = rpr.find(qn("w:lang"))
        if tag is None:
            tag = OxmlElement("w:lang")
            rpr.insert_element_before(tag, "w:eastAsianLayout", "w:specVanish", "w:oMath")
        tag.set(qn("w:val"), "en-US")
        tag.set(qn("w:eastAsia"), lang)


def _style_fonts(style: ParagraphStyle, east_asia: str, lang: str, size: Pt) -> None:
    style.font.size = size
    _fonts_element(style.element.get_or_add_rPr(), east_asia, lang)


def _run_fonts(run: CT_R, east_asia: str) -> None:
    _fonts_element(run.get_or_add_rPr(), east_asia, None)


# The writer, for the reports other parts of lexdraft write in Word (the gate's): styles, fonts, tables, saving.
WordBook = _Book

__all__ = ["FRAME", "HANS", "HANT", "STATUTE", "WordBook", "comparison_docx", "consolidated_docx", "memorandum_docx",
           "to_docx"]
