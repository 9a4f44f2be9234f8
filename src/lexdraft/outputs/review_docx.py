"""The country review as a Word document, section for section as its Markdown form, from the same page model.

Built with outputs/docx's book (A4, fonts set as Word reads them, deterministic bytes): the review's own words in
the office's face, the suggested amendments' statute text in the statute's, headings in Word's Heading styles so the
navigation pane finds each article and paragraph, and the verdicts as a real table.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.shared import Pt, RGBColor

from ..treaty.review import Review
from .docx import FRAME, HANS, HANT, STATUTE, _Book, _style_fonts
from .review import ArticlePage, ParagraphRow, ReviewPage, page

BULLET = "List Bullet"
BULLET_2 = "List Bullet 2"  # a bullet's own list, one level in


def to_docx(reviews: Sequence[Review], lang: str) -> bytes:
    """The reviews as one Word document (.docx bytes), in `lang` ("zh" or "en"). Each jurisdiction's part is in the
    script of its statutes (outputs/review.page); the document's fonts are Taiwan's where every part is in
    traditional characters, else the simplified default's."""
    pages = [page(r, lang) for r in reviews]
    book = _Book(HANT if pages and all(p.tag == "zh-Hant" for p in pages) else HANS, lang, None)
    for name, size in (("Heading 3", Pt(13)), ("Heading 4", Pt(12))):
        style = book.doc.styles[name]
        _style_fonts(style, book.fonts.heading, book.fonts.lang, size)
        style.font.color.rgb = RGBColor(0, 0, 0)
    _style_fonts(book.doc.styles[BULLET], book.fonts.frame, book.fonts.lang, Pt(12))
    for i, p in enumerate(pages):
        _review(book, p, first=i == 0)
    return book.save(pages[0].title if pages else "")


def _review(book: _Book, p: ReviewPage, first: bool) -> None:
    w = p.words
    title = book._para(p.title, "Heading 1", book.fonts.heading)
    if not first:
        title.paragraph_format.page_break_before = True
    _labelled(book, w["jurisdiction"] + w["colon"], p.jurisdiction)
    if p.benchmark:
        _labelled(book, w["benchmark"] + w["colon"], p.benchmark)
    for a in p.articles:
        _article(book, a, w, p.lang)
    if p.sources:
        book._para(w["sources"], "Heading 2", book.fonts.heading)
        _bullets(book, p.sources)


def _article(book: _Book, a: ArticlePage, w: dict[str, str], lang: str) -> None:
    book._para(a.heading, "Heading 2", book.fonts.heading)
    _section(book, w["scope"], a.scope, "")
    _section(book, w["provenance"], a.provenance, "")
    book._para(w["measures"], "Heading 3", book.fonts.heading)
    for m in a.measures:
        para = book._para("", BULLET, book.fonts.frame)
        book._run(para, m.citation, book.fonts.frame).bold = True
        rest = (" " if lang == "en" else "") + m.bears
        if m.quote:
            rest += w["colon"] + w["lq"] + m.quote + w["rq"] + (w["lp"] + m.note + w["rp"] if m.note else "")
        book._run(para, rest, book.fonts.frame)
    if not a.measures:
        book._para(w["none"], FRAME, book.fonts.frame)
    book._para(w["verdicts"], "Heading 3", book.fonts.heading)
    _verdicts(book, a.paragraphs, w)
    for row in a.paragraphs:
        _paragraph(book, row, w)
    _section(book, w["beyond"], a.beyond, w["no_beyond"])
    _section(book, w["practices"], a.practices, w["no_practices"])
    _section(book, w["challenges"], a.challenges, w["no_challenges"])
    book._para(w["recommendations"], "Heading 3", book.fonts.heading)
    for row in a.recommendations:
        _labelled(book, row.paragraph + w["colon"], row.recommendation, BULLET)
    if not a.recommendations:
        book._para(a.no_recommendations, FRAME, book.fonts.frame)
    if a.amendments:
        book._para(w["amendment"], "Heading 3", book.fonts.heading)
        book._para(w["alternatives"], FRAME, book.fonts.frame)
        for row in a.amendments:
            assert row.amendment is not None
            _labelled(book, row.paragraph + w["colon"], row.amendment.what + w["lp"] + row.amendment.file + w["rp"],
                      BULLET)
    if a.declarations:
        book._para(w["declaration"], "Heading 3", book.fonts.heading)
        for row in a.declarations:
            _labelled(book, row.paragraph + w["colon"], row.declaration, BULLET)
    if a.reviewer:
        book._para(w["reviewer"], "Heading 3", book.fonts.heading)
        for row in a.reviewer:  # each observation a statement of its own, not run together
            label = row.paragraph + w["lp"] + row.force + w["rp"] + w["colon"]
            _labelled(book, label, row.reviewer[0] if row.reviewer else "", BULLET)
            for o in row.reviewer[1:]:
                book._para(o, BULLET_2, book.fonts.frame)
    if a.decided:
        book._para(w["decided"], "Heading 3", book.fonts.heading)
        for row in a.decided:
            last = row.observations[-1] if row.observations else ""
            _labelled(book, row.paragraph + w["lp"] + row.force + w["rp"] + w["colon"], row.verdict + w["stop"] + last,
                      BULLET)
    _labelled(book, w["summary"] + w["colon"], a.result)


def _paragraph(book: _Book, row: ParagraphRow, w: dict[str, str]) -> None:
    book._para(row.paragraph + w["colon"] + row.verdict, "Heading 4", book.fonts.heading)
    marks = f" [{row.marks}]" if row.marks else ""
    book._para(w["text"] + marks + w["colon"] + row.text, FRAME, book.fonts.frame)
    if row.gist:
        book._para(w["gist"] + w["colon"] + row.gist, FRAME, book.fonts.frame)
    book._para(w["observations"], FRAME, book.fonts.frame).runs[0].bold = True
    _bullets(book, row.observations)
    if row.counterexample:
        _labelled(book, w["counterexample"] + w["colon"], row.counterexample)
    if row.amendment is not None:
        _labelled(book, w["amendment"] + w["lp"] + row.amendment.file + w["rp"] + w["colon"], row.amendment.what)
        for line in row.amendment.text.splitlines():
            book._para(line, STATUTE, book.fonts.statute)
        book._para(row.amendment.verified, FRAME, book.fonts.frame)


def _verdicts(book: _Book, rows: Sequence[ParagraphRow], w: dict[str, str]) -> None:
    """The verdict table: paragraph, force, verdict (bold where it fails), provisions."""
    table = book.doc.add_table(rows=0, cols=4)
    table.style = book.doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    lines = [(w["paragraph"], w["force"], w["verdict"], w["by"], True),
             *((r.paragraph, r.force, r.verdict, r.by or "—", r.fails) for r in rows)]
    for i, (*cells, bold) in enumerate(lines):
        for col, (cell, text) in enumerate(zip(table.add_row().cells, cells, strict=True)):
            para = cell.paragraphs[0]
            para.style = book.doc.styles[FRAME]
            run = book._run(para, text, book.fonts.frame)
            run.bold = i == 0 or (bold and col == 2)
    book.full_width(table, (18, 12, 22, 48))  # the provisions, the longest cells, widest


def _section(book: _Book, heading: str, items: Sequence[str], none: str) -> None:
    book._para(heading, "Heading 3", book.fonts.heading)
    _bullets(book, items)
    if not items and none:
        book._para(none, FRAME, book.fonts.frame)


def _bullets(book: _Book, items: Sequence[str]) -> None:
    for item in items:
        book._para(item, BULLET, book.fonts.frame)


def _labelled(book: _Book, label: str, text: str, style: str = FRAME) -> None:
    """A paragraph that opens with its label in bold, as the Markdown form writes **label**: text."""
    para = book._para("", style, book.fonts.frame)
    book._run(para, label, book.fonts.frame).bold = True
    book._run(para, text, book.fonts.frame)


__all__ = ["to_docx"]
