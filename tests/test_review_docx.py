"""The country review as a Word document: the Markdown form's sections in Word's heading styles, the verdicts as a
table, the amendments in the statute's face; golden as the document's text, and the same bytes on every run."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.table import Table
from docx.text.paragraph import Paragraph

from lexdraft.cli import main
from lexdraft.outputs import review as out
from lexdraft.outputs.docx import STATUTE
from lexdraft.outputs.review_docx import to_docx
from lexdraft.pipeline import load, review_drafts

REPO = Path(__file__).resolve().parent.parent
GOLDEN = REPO / "tests" / "golden" / "review"
ARTICLES = ["uncc.14", "uncc.16", "uncc.18"]
REVIEWS = {j: review_drafts(load([str(REPO / "drafts" / j / "in-force")]), ARTICLES)[0] for j in ("prc", "tw")}


def _blocks(data: bytes) -> list[Paragraph | Table]:
    document = docx.Document(io.BytesIO(data))
    body = document.element.body
    return [Paragraph(e, document) if e.tag.endswith("}p") else Table(e, document)
            for e in body.iterchildren() if e.tag.endswith(("}p", "}tbl"))]


def _text(data: bytes) -> str:
    """The document as a reader goes through it: each paragraph with its style, each table row by row."""
    lines = []
    for b in _blocks(data):
        if isinstance(b, Table):
            lines += ["| " + " | ".join(c.text for c in row.cells) + " |" for row in b.rows]
        else:
            lines.append(f"[{b.style.name}] {b.text}")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", ["prc", "tw"])
def test_golden_review_docx(jurisdiction: str, lang: str, regen_golden: bool) -> None:
    text = _text(to_docx([REVIEWS[jurisdiction]], lang))
    golden = GOLDEN / f"{jurisdiction}.{lang}.docx.txt"
    if regen_golden:
        golden.write_text(text, encoding="utf-8", newline="\n")
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_word_review_has_the_markdown_review_s_sections(lang: str) -> None:
    """Every heading of the Markdown form, in its order and at its level (## Heading 2, ### Heading 3, ####
    Heading 4), and the amendments' statute text in the statute's style."""
    r = REVIEWS["prc"]
    markdown = out.to_markdown([r], lang)
    want = [(len(m.group(1)), m.group(2)) for m in re.finditer(r"^(#{1,4}) (.+)$", markdown, re.MULTILINE)]
    blocks = _blocks(to_docx([r], lang))
    got = [(int(b.style.name[-1]), b.text) for b in blocks
           if isinstance(b, Paragraph) and b.style.name.startswith("Heading")]
    unescape = [(level, re.sub(r"\\(.)", r"\1", text)) for level, text in want]
    assert got == unescape
    statute = [b.text for b in blocks if isinstance(b, Paragraph) and b.style.name == STATUTE]
    first = out.page(r, lang).articles[0].paragraphs[0].amendment
    assert first is not None and statute[:3] == first.text.splitlines()[:3]
    assert sum(isinstance(b, Table) for b in blocks) == len(r.articles)


def test_the_same_review_gives_the_same_bytes() -> None:
    assert to_docx([REVIEWS["tw"]], "zh") == to_docx([REVIEWS["tw"]], "zh")


def test_review_format_docx_writes_a_word_document(tmp_path: Path) -> None:
    target = tmp_path / "review.docx"
    code = main(["review", str(REPO / "drafts" / "prc" / "in-force"), "--against", "uncc.14", "--format", "docx",
                 "-o", str(target)])
    assert code == 1  # the set does not conform, as with every other form
    assert target.read_bytes()[:2] == b"PK"
    assert "第14条第1款(c)项" not in _text(target.read_bytes())  # English by default
    assert "14(1)(c): not-met" in _text(target.read_bytes())
