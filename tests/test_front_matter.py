"""A proposal's front matter in its own jurisdiction's style, from its pack (`front:`): a Taiwan amendment is a 草案
quoted with 「」, a PRC proposal a 立法建议稿 quoted with “”; neither carries the other's, in any format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
import xmlschema
from lxml import etree

from lexdraft import packs
from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
TW_39 = REPO / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd"
BILL = REPO / "drafts" / "prc" / "proposed" / "criminal-law-amendment.lexd"
PRC_253_2 = REPO / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"
SCHEMA = REPO / "tests" / "schemas" / "akn" / "akomantoso30.xsd"


def _render(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["render", *args, "--no-cache"]) == 0
    return capsys.readouterr().out


def test_a_taiwan_amendment_carries_taiwan_s_front_matter(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    text = _render(capsys, str(TW_39), "--lang", "zh")
    lines = text.split("\n")
    # headed once, as the Legislative Yuan heads a draft of one article (the pack's front.zh.amended)
    assert lines[0] == "兒童及少年性剝削防制條例第三十九條條文修正草案" and lines[1] == ""
    assert lines[3].startswith("「無正當理由支付對價而持有") and lines[6].endswith("沒收之。」")
    for prc in ("立法建議稿", "立法建议稿", "“", "”"):
        assert prc not in text, prc
    out = tmp_path / "39.docx"
    _render(capsys, str(TW_39), "--lang", "zh", "--format", "docx", "-o", str(out))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert "兒童及少年性剝削防制條例第三十九條條文修正草案" in paragraphs
    assert not any(p.startswith("《兒童及少年性剝削防制條例》第三十九條") for p in paragraphs)
    assert paragraphs[next(i for i, p in enumerate(paragraphs) if p.startswith("將")) + 1].startswith("「")
    xml = _render(capsys, str(TW_39), "--lang", "zh", "--format", "akn")
    quoted = etree.fromstring(xml.encode("utf-8")).find(f".//{AKN}quotedStructure")
    assert quoted is not None and (quoted.get("startQuote"), quoted.get("endQuote")) == ("「", "」")


def test_a_prc_proposal_keeps_the_prc_s_front_matter(capsys: pytest.CaptureFixture[str]) -> None:
    text = _render(capsys, str(PRC_253_2), "--lang", "zh")
    assert "（立法建议稿）" in text and "「" not in text and "（草案）" not in text.split("\n")[1]
    bill = _render(capsys, str(BILL), "--lang", "zh")
    assert "\n“以传播为目的" in bill and "「" not in bill
    assert "(proposed)" not in _render(capsys, str(TW_39), "--lang", "en")


def test_a_pack_s_quotation_marks_are_a_pair(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = tmp_path / "packs" / "tw"
    pack.parent.mkdir()
    text = (REPO / "packs" / "tw" / "pack.yaml").read_text(encoding="utf-8")
    assert "quotes: '「」'" in text
    pack.mkdir()
    (pack / "pack.yaml").write_text(text.replace("quotes: '「」'", "quotes: '「'"), encoding="utf-8")
    (pack / "vocabulary.yaml").write_text((REPO / "packs" / "tw" / "vocabulary.yaml").read_text(encoding="utf-8"),
                                          encoding="utf-8")
    capsys.readouterr()
    try:
        assert main(["render", str(TW_39), "--pack", str(tmp_path / "packs"), "--no-cache"]) == 2
    finally:
        packs.use(())  # the bundled packs again, for the tests after this one
    err = capsys.readouterr().err
    line = text[:text.index("quotes: '「」'")].count("\n") + 1
    assert f"pack.yaml:{line}:" in err and "error[E701]: front.zh.quotes: '「' should be two marks" in err
    assert "Traceback" not in err


# A Taiwan article inserted by an amendment, and one proposed in no amendment's form (synthetic drafts).
TW_NEW = """provision tw.csepa.39-1 {
  jurisdiction tw
  status       proposed
  instrument   %s
  title        zh-hant "持有生成之性影像罪"
               en "Possessing generated sexual images"
  mental       intent
  conduct      possess
  object       csam {
    depicts  sexual-activity
    person   minor
    medium   visual
  }
  prosecution  public
  penalty
    base imprisonment <= 3 years
}
"""


def _page_heads(text: str) -> list[str]:
    return text.split("\n")[:3]


def test_a_taiwan_proposal_is_headed_in_the_pack_s_form_in_every_format(tmp_path: Path,
                                                                          capsys: pytest.CaptureFixture[str]) -> None:
    """The heading under the title is the Legislative Yuan's (增訂第X條條文草案, Draft … to be added to the …), from the
    pack, never lexdraft's label of a citation and a mark ('… Act (Taiwan), Article 39-1 (proposed)')."""
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    inserted = tmp_path / "a" / "inserted.lexd"
    inserted.write_text(TW_NEW % 'amendment to "兒童及少年性剝削防制條例" inserting article 39-1 after 39',
                        encoding="utf-8")
    plain = tmp_path / "b" / "plain.lexd"
    plain.write_text(TW_NEW % "csepa", encoding="utf-8")
    assert _page_heads(_render(capsys, str(inserted), "--lang", "zh"))[:2] == [
        "持有生成之性影像罪", "兒童及少年性剝削防制條例增訂第三十九條之一條文草案"]
    assert _page_heads(_render(capsys, str(inserted), "--lang", "en"))[:2] == [
        "Possessing generated sexual images",
        "Draft Article 39-1 to be added to the Child and Youth Sexual Exploitation Prevention Act"]
    assert _page_heads(_render(capsys, str(plain), "--lang", "zh"))[1] == \
        "兒童及少年性剝削防制條例第三十九條之一條文草案"
    assert _page_heads(_render(capsys, str(plain), "--lang", "en"))[1] == \
        "Draft Article 39-1 of the Child and Youth Sexual Exploitation Prevention Act"
    out = tmp_path / "39-1.docx"
    _render(capsys, str(inserted), "--lang", "en", "--format", "docx", "-o", str(out))
    paragraphs = [(p.style.name, p.text) for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert ("Heading 2", "Draft Article 39-1 to be added to the Child and Youth Sexual Exploitation Prevention Act") \
        in paragraphs
    assert not any("(Taiwan)" in text or "(proposed)" in text for _, text in paragraphs)
    xml = etree.fromstring(_render(capsys, str(inserted), "--lang", "zh", "--format", "akn").encode("utf-8"))
    title = xml.find(f".//{AKN}docTitle")
    heading = xml.find(f".//{AKN}quotedStructure/{AKN}article/{AKN}heading")
    assert heading is not None and heading.text == "持有生成之性影像罪"
    errors = list(xmlschema.XMLSchema(str(SCHEMA)).iter_errors(etree.tostring(xml).decode("utf-8")))
    assert not errors, errors[:3]
    assert title is not None and title.text == "兒童及少年性剝削防制條例增訂第三十九條之一條文草案"


def test_a_pack_without_the_forms_keeps_the_citation_and_its_mark(capsys: pytest.CaptureFixture[str]) -> None:
    """The PRC pack gives no heading form: its proposals keep their citation and （立法建议稿）."""
    assert _render(capsys, str(PRC_253_2), "--lang", "zh").split("\n")[1] == \
        "《中华人民共和国刑法》第二百五十三条之二（立法建议稿）"
