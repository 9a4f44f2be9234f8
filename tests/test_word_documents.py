"""Every Word document lexdraft writes besides a draft's own (those are tests/test_docx.py's): the comparison tables,
the review and the gate's report. Each is read back: A4, headings in Word's heading styles (the navigation pane lists
them by outline level), an East Asian font on every run of text, real tables; a table's cells hold what the text
render prints; and LibreOffice's PDF of each still holds the text."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import office
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.shared import Twips
from docx.text.paragraph import Paragraph
from test_docx import _flat

from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
TABLES = {  # the bundled amendments with a table: the PRC bill (修改前 | 修改后), Taiwan's CSEPA 39 (with its 說明)
    "prc-bill": (DRAFTS / "prc" / "proposed" / "criminal-law-amendment.lexd", DRAFTS / "prc" / "in-force"),
    "tw-csepa-39": (DRAFTS / "tw" / "proposed" / "csepa-39-amendment.lexd", DRAFTS / "tw" / "in-force"),
}
LANGS = ("zh", "en")
# The East Asian faces the writers set: 宋体/新細明體 statute text, 仿宋/標楷體 the office's words, 黑体 headings.
EAST_ASIAN = {"宋体", "仿宋", "黑体", "新細明體", "標楷體"}


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


def _gate_docx(folder: Path) -> Path:
    """The gate's report on the PRC proposals with the possession offence narrowed (tests/test_gate_word.py's case)."""
    repo = folder / "repo"
    (repo / "drafts").mkdir(parents=True)
    for f in [*sorted((DRAFTS / "prc" / "proposed").glob("*.lexd")),
              DRAFTS / "prc" / "in-force" / "deep-synthesis-obligations.lexd"]:
        shutil.copy(f, repo / "drafts" / f.name)
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "commit", "-qm", "the proposals as published")
    path = repo / "drafts" / "364-1-csem-possession.lexd"
    path.write_text(path.read_text(encoding="utf-8").replace("conduct      possess, control", "conduct      control"),
                    encoding="utf-8")
    out = folder / "gate.docx"
    done = subprocess.run([sys.executable, "-m", "lexdraft.cli", "gate", "--base", "HEAD", "drafts", "--no-cache",
                           "--format", "docx", "-o", str(out)], cwd=repo, capture_output=True, text=True, check=False,
                          timeout=600)
    assert done.returncode == 1, done.stderr  # the narrowed offence fails the gate, whatever the format
    return out


@pytest.fixture(scope="module")
def documents(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each kind of Word document, in each language it is written in, by the command a user runs."""
    folder = tmp_path_factory.mktemp("word")
    out = {}
    for name, (draft, in_force) in TABLES.items():
        for lang in LANGS:
            for fmt in ("docx", "text"):
                target = folder / f"{name}.{lang}.{'docx' if fmt == 'docx' else 'txt'}"
                assert main(["render", str(draft), "--table", fmt, "--with", str(in_force), "--lang", lang,
                             "-o", str(target)]) == 0
            out[f"table {name} {lang}"] = folder / f"{name}.{lang}.docx"
    for jurisdiction in ("prc", "tw"):
        for lang in LANGS:
            target = folder / f"review-{jurisdiction}.{lang}.docx"
            assert main(["review", str(DRAFTS / jurisdiction / "in-force"), "--against", "uncc.14", "--lang", lang,
                         "--format", "docx", "-o", str(target)]) == 1  # neither set conforms fully
            out[f"review {jurisdiction} {lang}"] = target
    out["gate"] = _gate_docx(folder)
    return out


KINDS = [f"table {n} {lang}" for n in TABLES for lang in LANGS] + \
    [f"review {j} {lang}" for j in ("prc", "tw") for lang in LANGS] + ["gate"]


def _paragraphs(document: Document) -> list[Paragraph]:
    """Every paragraph with text, the body's and the tables' cells'."""
    found = [p for p in document.paragraphs]
    found += [p for t in document.tables for r in t.rows for c in r.cells for p in c.paragraphs]
    return [p for p in found if p.text.strip()]


def _east_asian(run_fonts: object, paragraph: Paragraph, document: Document) -> str | None:
    """The East Asian font Word uses for a run: the run's own, else its paragraph style's (or a style it is based
    on), else the document's default."""
    if run_fonts is not None and run_fonts.get(qn("w:eastAsia")):  # type: ignore[attr-defined]
        return run_fonts.get(qn("w:eastAsia"))  # type: ignore[attr-defined, no-any-return]
    style = paragraph.style
    while style is not None:
        rpr = style.element.rPr
        fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
        if fonts is not None and fonts.get(qn("w:eastAsia")):
            return fonts.get(qn("w:eastAsia"))  # type: ignore[no-any-return]
        style = style.base_style
    defaults = document.styles.element.find(qn("w:docDefaults"))
    fonts = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}/{qn('w:rFonts')}") if defaults is not None else None
    return fonts.get(qn("w:eastAsia")) if fonts is not None else None  # type: ignore[no-any-return]


@pytest.mark.parametrize("kind", KINDS)
def test_a4_heading_styles_and_an_east_asian_font_on_every_run(documents: dict[str, Path], kind: str) -> None:
    document = docx.Document(str(documents[kind]))
    for section in document.sections:
        assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838)), kind  # A4
    assert document.paragraphs[0].style.name == "Heading 1", kind
    headings = {p.style.name for p in document.paragraphs if p.style.name.startswith("Heading")}
    for name in headings:  # the navigation pane lists each heading by its outline level
        level = document.styles[name].element.pPr.find(qn("w:outlineLvl"))
        assert level is not None and level.get(qn("w:val")) == str(int(name[-1]) - 1), (kind, name)
    assert document.tables, f"{kind} has no real table"
    for p in _paragraphs(document):
        for run in p.runs:
            if not run.text.strip():
                continue
            rpr = run.element.rPr
            fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
            assert _east_asian(fonts, p, document) in EAST_ASIAN, (kind, p.style.name, run.text[:40])
            # a theme font would override the one set: Word reads the theme's first
            assert fonts is None or fonts.get(qn("w:eastAsiaTheme")) is None, (kind, run.text[:40])


def _text_blocks(text: str) -> list[tuple[str, list[str]]]:
    """A table's text render as (column heading, lines) per cell, row after row: each cell a block `heading：` then
    its lines, blocks apart by a blank line; (none) / （无） for an empty cell."""
    blocks = []
    for block in text.split("\n\n")[1:]:
        head, *lines = block.strip("\n").split("\n")
        # the words an amendment changes are marked {+ +} / [- -] in text and underlined / struck through in Word
        lines = [re.sub(r"\{\+|\+\}|\[-|-\]", "", line) for line in lines]
        blocks.append((head.rstrip(":：").strip(), [] if lines in (["(none)"], ["（无）"], ["（無）"]) else lines))
    return blocks


@pytest.mark.parametrize("kind", [k for k in KINDS if k.startswith("table")])
def test_each_cell_of_a_word_table_holds_what_the_text_render_prints(documents: dict[str, Path], kind: str) -> None:
    path = documents[kind]
    document = docx.Document(str(path))
    title = path.with_suffix(".txt").read_text(encoding="utf-8").split("\n")[0]
    assert document.paragraphs[0].text == title
    (table,) = document.tables
    header = [c.text for c in table.rows[0].cells]
    cells = [(header[i], [p.text for p in c.paragraphs if p.text]) for r in table.rows[1:]
             for i, c in enumerate(r.cells)]
    blocks = _text_blocks(path.with_suffix(".txt").read_text(encoding="utf-8"))
    assert cells == [b for b in blocks if b[0] in header]
    assert len(table.rows) >= 2 and all(len(r.cells) == len(header) for r in table.rows)
    # the notes below the table (the Convention's least certain words, "Treaty words: …"), as the text prints them
    notes = [head for head, lines in blocks if head not in header]
    assert [p.text for p in document.paragraphs[1:] if p.text] == notes
    if kind == "table prc-bill en":  # Article 364A prints "inhumane"
        assert len(notes) == 1 and notes[0].startswith("Treaty words: The English of Article 364A"), notes


def test_libreoffice_turns_each_into_a_pdf_that_keeps_the_text(documents: dict[str, Path], tmp_path: Path) -> None:
    soffice = office.soffice()
    profile = (tmp_path / "profile").as_uri()  # its own: another LibreOffice running does not take the work over
    done = subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                           "--outdir", str(tmp_path), *map(str, documents.values())], capture_output=True, text=True,
                          check=False, timeout=900, env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    for kind, path in documents.items():
        pdf = tmp_path / (path.stem + ".pdf")
        assert pdf.exists(), f"LibreOffice made no PDF of the {kind}: {done.stdout}{done.stderr}"
        shown = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True,
                               timeout=120).stdout
        # A list's bullets are glyphs of the Symbol font's private-use area, which pdftotext gathers at a page's end.
        flat = _flat(re.sub("[\ue000-\uf8ff]", "", shown))
        document = docx.Document(str(path))
        for p in document.paragraphs:
            assert _flat(p.text) in flat, f"the {kind}: {p.text!r} is not in the PDF"
        # A table cell word by word (a PDF interleaves the lines of cells side by side); a word (or a Chinese line,
        # which has no spaces) may run over a page break, where the PDF puts the other columns' lines and the
        # repeated heading row between its two parts.
        for word in {w for t in document.tables for r in t.rows for c in r.cells for w in c.text.split()}:
            piece = _flat(word)
            assert piece in flat or any(piece[:i] in flat and piece[i:] in flat for i in range(1, len(piece))), \
                f"the {kind}: {word!r} is not in the PDF"
    print(f"LibreOffice converted {len(documents)} Word documents (tables, reviews, the gate's report) to PDF; "
          "every paragraph's text is in pdftotext's output")
