"""A proposal's front matter in its own jurisdiction's style, from its pack (`front:`): a Taiwan amendment is a 草案
quoted with 「」, a PRC proposal a 立法建议稿 quoted with “”; neither carries the other's, in any format."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from lxml import etree

from lexdraft import packs
from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
TW_39 = REPO / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd"
BILL = REPO / "drafts" / "prc" / "proposed" / "criminal-law-amendment.lexd"
PRC_253_2 = REPO / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"
AKN = "{http://docs.oasis-open.org/legaldocml/ns/akn/3.0}"


def _render(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    capsys.readouterr()
    assert main(["render", *args, "--no-cache"]) == 0
    return capsys.readouterr().out


def test_a_taiwan_amendment_carries_taiwan_s_front_matter(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    text = _render(capsys, str(TW_39), "--lang", "zh")
    lines = text.split("\n")
    assert lines[1] == "《兒童及少年性剝削防制條例》第三十九條（草案）"
    assert lines[4].startswith("「無正當理由支付對價而持有") and lines[7].endswith("沒收之。」")
    for prc in ("立法建議稿", "立法建议稿", "“", "”"):
        assert prc not in text, prc
    out = tmp_path / "39.docx"
    _render(capsys, str(TW_39), "--lang", "zh", "--format", "docx", "-o", str(out))
    paragraphs = [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    assert "《兒童及少年性剝削防制條例》第三十九條（草案）" in paragraphs
    assert paragraphs[next(i for i, p in enumerate(paragraphs) if p.startswith("將")) + 1].startswith("「")
    xml = _render(capsys, str(TW_39), "--lang", "zh", "--format", "akn")
    quoted = etree.fromstring(xml.encode("utf-8")).find(f".//{AKN}quotedStructure")
    assert quoted is not None and (quoted.get("startQuote"), quoted.get("endQuote")) == ("「", "」")


def test_a_prc_proposal_keeps_the_prc_s_front_matter(capsys: pytest.CaptureFixture[str]) -> None:
    text = _render(capsys, str(PRC_253_2), "--lang", "zh")
    assert "（立法建议稿）" in text and "「" not in text and "（草案）" not in text.split("\n")[1]
    bill = _render(capsys, str(BILL), "--lang", "zh")
    assert "\n“以传播为目的" in bill and "「" not in bill
    assert "(proposed)" in _render(capsys, str(TW_39), "--lang", "en")


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
