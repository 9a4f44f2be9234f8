"""The title block of a bill's and its memorandum's Word documents, read back: the title in Word's Title style, the
office's line only as the file states it, and 草案 / Draft in the header of a proposal's pages."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import office
import pytest
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
PROPOSED = REPO / "drafts" / "prc" / "proposed"
PRC_IN_FORCE = REPO / "drafts" / "prc" / "in-force"
BILL = PROPOSED / "criminal-law-amendment.lexd"
OFFICE = {"zh": "全国人大常委会法制工作委员会刑法室　第二稿",
          "en": "Criminal Law Office, Legislative Affairs Commission: second draft"}


@pytest.fixture
def with_office(tmp_path: Path) -> Path:
    """The bundled bill, beside its articles, with an office line (the bundled bill states none)."""
    for draft in PROPOSED.glob("*.lexd"):
        shutil.copy(draft, tmp_path / draft.name)
    bill = tmp_path / BILL.name
    text = bill.read_text(encoding="utf-8").replace(
        "  amends       criminal-law\n",
        f'  office       zh "{OFFICE["zh"]}"\n               en "{OFFICE["en"]}"\n  amends       criminal-law\n')
    bill.write_text(text, encoding="utf-8")
    return bill


def _word(capsys: pytest.CaptureFixture[str], tmp_path: Path, *args: str) -> docx.document.Document:
    out = tmp_path / "out.docx"
    capsys.readouterr()
    assert main(["render", *args, "-o", str(out)]) == 0
    return docx.Document(io.BytesIO(out.read_bytes()))


def _text(capsys: pytest.CaptureFixture[str], *args: str) -> list[str]:
    capsys.readouterr()
    assert main(["render", *args]) == 0
    return [line for line in capsys.readouterr().out.split("\n") if line.strip()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bill_s_title_block(capsys: pytest.CaptureFixture[str], tmp_path: Path, with_office: Path,
                              lang: str) -> None:
    document = _word(capsys, tmp_path, str(with_office), "--format", "docx", "--lang", lang)
    title, office = document.paragraphs[:2]
    assert (title.style.name, office.style.name) == ("Title", "Subtitle")
    assert title.text == ("中华人民共和国刑法修正案（十三）（草案）" if lang == "zh" else
                          "Amendment (XIII) to the Criminal Law of the People's Republic of China (Draft)")
    assert office.text == OFFICE[lang]
    assert document.paragraphs[2].text.startswith("一、在刑法第二百五十三条之一后" if lang == "zh" else "1. ")
    # the status on every page, where a page printed alone still says it
    header = [(p.style.name, p.text) for p in document.sections[0].header.paragraphs]
    assert header == [("Header", "草案" if lang == "zh" else "Draft")]
    assert document.sections[0].header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    # the title centred, black, in the heading face, and listed in the navigation pane as a Heading 1 is
    style = document.styles["Title"]
    assert style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert style.element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    assert style.element.pPr.find(qn("w:pBdr")) is None
    assert style.font.color.rgb == docx.shared.RGBColor(0, 0, 0)
    assert style.element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert document.styles["Subtitle"].element.rPr.rFonts.get(qn("w:eastAsia")) == "仿宋"
    # the document says what the text render says, paragraph for paragraph
    assert [p.text for p in document.paragraphs if p.text] == _text(capsys, str(with_office), "--lang", lang)


def test_no_office_line_is_composed(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The bundled bill states no office: its title block is the title alone, with no office, date or number made
    up, and its header still says it is a draft."""
    document = _word(capsys, tmp_path, str(BILL), "--format", "docx", "--lang", "zh")
    assert [p.style.name for p in document.paragraphs].count("Subtitle") == 0
    assert document.paragraphs[1].text.startswith("一、")
    assert [p.text for p in document.sections[0].header.paragraphs] == ["草案"]


def test_the_memorandum_s_title_block(capsys: pytest.CaptureFixture[str], tmp_path: Path, with_office: Path) -> None:
    document = _word(capsys, tmp_path, str(with_office), "--memorandum", "docx", "--with", str(PRC_IN_FORCE),
                     "--lang", "zh")
    styles = [(p.style.name, p.text) for p in document.paragraphs[:2]]
    assert styles == [("Title", "关于《中华人民共和国刑法修正案（十三）（草案）》的说明"), ("Subtitle", OFFICE["zh"])]
    assert [p.text for p in document.sections[0].header.paragraphs] == ["草案"]
    text = _text(capsys, str(with_office), "--memorandum", "--with", str(PRC_IN_FORCE), "--lang", "zh")
    assert text[:2] == [t for _, t in styles]


def test_an_enacted_bill_carries_no_draft_status(capsys: pytest.CaptureFixture[str], tmp_path: Path,
                                                 with_office: Path) -> None:
    with_office.write_text(with_office.read_text(encoding="utf-8").replace("status       proposed",
                                                                           "status       in-force"), encoding="utf-8")
    document = _word(capsys, tmp_path, str(with_office), "--format", "docx", "--lang", "zh")
    assert document.paragraphs[0].text == "中华人民共和国刑法修正案（十三）"
    assert [p.text for p in document.sections[0].header.paragraphs if p.text] == []


def test_an_office_line_without_the_language_is_refused(capsys: pytest.CaptureFixture[str],
                                                        with_office: Path) -> None:
    with_office.write_text(with_office.read_text(encoding="utf-8").replace(f'               en "{OFFICE["en"]}"\n', ""),
                           encoding="utf-8")
    capsys.readouterr()
    assert main(["render", str(with_office), "--lang", "en"]) == 2
    err = capsys.readouterr().err
    assert "error[E405]: the office line of prc.criminal-law-amendment.13 has no en text" in err
    line = with_office.read_text(encoding="utf-8").split("\n").index(f'  office       zh "{OFFICE["zh"]}"') + 1
    assert f"{with_office.name}:{line}:16:" in err and "Traceback" not in err


def test_the_office_line_survives_fmt(capsys: pytest.CaptureFixture[str], with_office: Path) -> None:
    capsys.readouterr()
    assert main(["fmt", str(with_office), "--check"]) == 0


def test_the_office_line_in_akoma_ntoso(capsys: pytest.CaptureFixture[str], tmp_path: Path, with_office: Path) -> None:
    """The office's line is the preface's docProponent of the bill and of its memorandum, valid against the schema."""
    import xmlschema
    from lxml import etree

    schema = xmlschema.XMLSchema(str(Path(__file__).parent / "schemas" / "akn" / "akomantoso30.xsd"))
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    for args in (("--format", "akn"), ("--memorandum", "akn", "--with", str(PRC_IN_FORCE))):
        out = tmp_path / "out.xml"
        capsys.readouterr()
        assert main(["render", str(with_office), *args, "--lang", "zh", "-o", str(out)]) == 0
        schema.validate(str(out))
        root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
        assert [e.text for e in root.iterfind(".//a:preface/a:p/a:docProponent", ns)] == [OFFICE["zh"]], args


# ------------------------------------------------------------------ as a drafting office reads them: printed


def test_the_printed_bill_and_taiwan_amendment_read_as_a_clerk_expects(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    """Each converted to PDF by LibreOffice and read back with pdftotext: the title on one line (not broken inside
    its （草案）), 草案 atop every page, and an article as amended labelled once."""
    import os
    import subprocess

    soffice = office.soffice()
    tw = REPO / "drafts" / "tw"
    made = {"bill": ["render", str(BILL), "--format", "docx", "--lang", "zh"],
            "tw": ["render", str(tw / "proposed" / "csepa-39-amendment.lexd"), "--format", "docx", "--lang", "zh",
                   "--with", str(tw / "in-force")],
            "tw-amended": ["render", str(tw / "proposed" / "csepa-39-amendment.lexd"), "--as-amended", "docx",
                           "--with", str(tw / "in-force")]}
    for name, args in made.items():
        capsys.readouterr()
        assert main([*args, "-o", str(tmp_path / f"{name}.docx")]) == 0
    done = subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                           "--convert-to", "pdf", "--outdir", str(tmp_path), *(str(tmp_path / f"{n}.docx")
                                                                              for n in made)],
                          capture_output=True, text=True, check=False, timeout=600,
                          env={**os.environ, "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stdout + done.stderr
    printed = {n: subprocess.run(["pdftotext", "-layout", str(tmp_path / f"{n}.pdf"), "-"], capture_output=True,
                                 text=True, check=True, timeout=120).stdout for n in made}
    titles = {"bill": "中华人民共和国刑法修正案（十三）（草案）",
              "tw": "兒童及少年性剝削防制條例第三十九條條文修正草案"}
    for name, title in titles.items():
        lines = [line.strip() for line in printed[name].split("\n")]
        assert title in lines, f"{name}: the title is broken across lines"
        pages = [p for p in printed[name].split("\f") if p.strip()]
        assert all(p.strip().split("\n")[0].strip() == "草案" for p in pages), f"{name}: a page not marked 草案"
    assert printed["tw-amended"].count("第三十九條") == 1 + printed["tw-amended"].count("第三十九條條文修正草案")
    # the text as amended is no draft itself (its standing line says what it is): no 草案 atop its page
    assert printed["tw-amended"].strip().split("\n")[0].startswith("兒童及少年性剝削防制條例（依")


def test_paragraphs_begin_as_each_language_sets_them(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Chinese statute paragraphs begin two characters in; English ones are blocks, not indented Chinese-fashion."""
    zh = _word(capsys, tmp_path, str(BILL), "--format", "docx", "--lang", "zh").styles["Statute Text"]
    en = _word(capsys, tmp_path, str(BILL), "--format", "docx", "--lang", "en").styles["Statute Text"]
    assert zh.paragraph_format.first_line_indent == docx.shared.Pt(24)
    assert en.paragraph_format.first_line_indent is None and en.paragraph_format.space_after == docx.shared.Pt(6)
