"""`render --memorandum`: the explanatory memorandum of the PRC bill (关于《……（草案）》的说明), each item's papers
and the treaty findings it changes, re-checked item by item against the text in force; golden files in both
languages, and the Word document read back."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from lexdraft.cli import main
from lexdraft.treaty.papers import FILE_NAME

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "memorandum"
PRC_IN_FORCE = REPO / "drafts" / "prc" / "in-force"
BILL = REPO / "drafts" / "prc" / "proposed" / "criminal-law-amendment.lexd"
ART_366 = REPO / "drafts" / "prc" / "proposed" / "366-legal-persons.lexd"

CASES = [  # (golden name, language, format)
    ("prc-bill.zh.txt", "zh", "text"),
    ("prc-bill.en.txt", "en", "text"),
    ("prc-bill.zh.md", "zh", "markdown"),
]


def _render(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> str:
    capsys.readouterr()
    assert main(["render", *args, "--no-cache"]) == code
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def _memo(capsys: pytest.CaptureFixture[str], lang: str, fmt: str = "text") -> str:
    return _render(capsys, str(BILL), "--memorandum", fmt, "--with", str(PRC_IN_FORCE), "--lang", lang)


@pytest.mark.parametrize(("name", "lang", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_golden(capsys: pytest.CaptureFixture[str], regen_golden: bool, name: str, lang: str, fmt: str) -> None:
    out = _memo(capsys, lang, fmt)
    golden = GOLDEN / name
    if regen_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert out == golden.read_text(encoding="utf-8")


def _parts(text: str) -> dict[str, str]:
    """The memorandum's parts by their headings (一、… / 1. …)."""
    pieces = re.split(r"\n\n(?=[一二三四五六七八九十]+、|\d+\. )", text)
    return {p.split("\n", 1)[0]: p for p in pieces[1:]}


def test_the_title_and_the_parts_follow_the_bill(capsys: pytest.CaptureFixture[str]) -> None:
    zh = _memo(capsys, "zh")
    assert zh.startswith("关于《中华人民共和国刑法修正案（十三）（草案）》的说明\n")
    assert ("草案共五条：增加第二百五十三条之二、第二百八十六条之二、第三百六十四条之一，修改第三百六十六条，"
            "规定施行日期。") in zh
    assert list(_parts(zh)) == [
        "一、增加第二百五十三条之二（制作、合成、传播他人可识别深度伪造私密图像罪）",
        "二、增加第二百八十六条之二（不履行深度合成信息合理注意义务罪）",
        "三、增加第三百六十四条之一（非法持有未成年人性虐待、性剥削材料罪）",
        "四、修改第三百六十六条（单位犯本节之罪的处罚）",
        "五、施行日期",
    ]
    assert _parts(zh)["五、施行日期"].endswith("五、施行日期\n本修正案自公布之日起施行。\n")
    en = _memo(capsys, "en")
    assert en.startswith("Explanation of the Amendment (XIII) to the Criminal Law of the People's Republic of China "
                         "(Draft)\n")
    assert "The draft has 5 items: it adds Article 253B, Article 286B and Article 364A; it amends Article 366; " \
           "it provides for its commencement." in en


def test_each_item_says_which_finding_it_changes(capsys: pytest.CaptureFixture[str]) -> None:
    """The possession offence closes the 14(1)(c) gap in part (its threshold of three items leaves the rest) and
    leaves 14(2)'s definition partly met: its virtual-material test also excludes synthetic material depicting a real
    child (LAWYER-G4 G6), and the memorandum gives the drafting fix; art. 366 amended makes units liable for it
    (18(1)); the platform offence changes no finding of Arts. 14 or 16, only who answers under Art. 18."""
    parts = _parts(_memo(capsys, "zh"))
    possession = parts["三、增加第三百六十四条之一（非法持有未成年人性虐待、性剥削材料罪）"]
    assert "第14条第1款(c)项：现行法律为“未实施”，本条加入后为“部分实施”。" in possession
    # the gap, as the review found it
    assert "所审查的条文均未将持有、控制规定为犯罪" in possession.split("本条加入后的审查理由")[0]
    assert "刑法第三百六十四条之一：该行为仅在达到数量标准" in possession  # and what is left of it
    assert "第14条第2款：仍为“部分实施”，审查理由有所变化。" in possession
    assert "增加“描绘真实存在的未成年人的合成材料，不受前款条件限制。”一句" in possession
    units = parts["四、修改第三百六十六条（单位犯本节之罪的处罚）"]
    assert "第18条第1款：仍为“部分实施”，审查理由有所变化。" in units
    assert "刑法第三百六十四条之一：依照刑法第三百六十六条，单位可以对该罪承担责任。" in units  # 单位: the law's word
    # the amended article fines the unit without a range as the text in force does: 18(4)'s reason is unchanged
    assert "第18条第4款" not in units
    platform = parts["二、增加第二百八十六条之二（不履行深度合成信息合理注意义务罪）"]
    said = [line for line in platform.split("\n") if re.match(r"第\d+条第\d+款", line)]
    assert said and all(line.startswith("第18条") for line in said), said


def test_papers_are_cited_by_author_and_title_once_per_item(capsys: pytest.CaptureFixture[str]) -> None:
    for lang in ("zh", "en"):
        text = _memo(capsys, lang)
        assert not FILE_NAME.search(text)
        possession = next(p for h, p in _parts(text).items() if "364A" in h or "三百六十四条之一" in h)
        sources = next(line for line in possession.split("\n") if line.startswith(("本条依据：", "This item rests on")))
        assert sources.count("Controversies Regarding the Determination Standards") == 1
        # a source line given in each language is cited in the reader's: no English aside in the Chinese
        assert ("§4.2（虚拟材料的三项累积要件）" if lang == "zh" else
                "§4.2 (three cumulative elements for virtual material)") in sources


def test_every_sentence_comes_from_the_data(capsys: pytest.CaptureFixture[str]) -> None:
    """No placeholder: nothing for a drafter to fill in, no id where a citation belongs. A treaty text's provenance
    label beside the words it marks ("a visual recording" (provisional English, [U-EN])) is no placeholder."""
    for lang in ("zh", "en"):
        text = re.sub(r"\[(U-EN|V-AR)\]", "", _memo(capsys, lang))
        for mark in ("TODO", "XXX", "……", "[", "prc.criminal-law.", "prc.amendment."):
            assert mark not in text, (lang, mark)


def test_the_memorandum_in_word(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "memo.docx"
    _render(capsys, str(BILL), "--memorandum", "docx", "--with", str(PRC_IN_FORCE), "--lang", "zh", "-o", str(out))
    document = docx.Document(io.BytesIO(out.read_bytes()))
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (11906 * 635, 16838 * 635)  # A4 in EMU
    styles = [(p.style.name, p.text) for p in document.paragraphs]
    assert styles[0] == ("Title", "关于《中华人民共和国刑法修正案（十三）（草案）》的说明")
    assert [t for s, t in styles if s == "Heading 2"] == list(_parts(_memo(capsys, "zh")))
    assert ("Statute Text", "本修正案自公布之日起施行。") in styles
    assert any(s == "List Bullet" and t.startswith("刑法第三百六十四条之一：") for s, t in styles)
    fonts = document.styles["Drafting Text"].element.rPr.rFonts
    assert fonts.get(qn("w:eastAsia")) == "仿宋"
    # the text render, paragraph for paragraph (the text's indented lines without their list marks)
    text = [re.sub(r"^\s*(- )?", "", line) for line in _memo(capsys, "zh").split("\n") if line.strip()]
    assert [t for _, t in styles] == text


def test_the_memorandum_in_akoma_ntoso(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A `doc` named explanatoryMemorandum, valid against the OASIS schema, a part per item as the text has them."""
    import xmlschema
    from lxml import etree

    out = tmp_path / "memo.xml"
    _render(capsys, str(BILL), "--memorandum", "akn", "--with", str(PRC_IN_FORCE), "--lang", "en", "-o", str(out))
    xmlschema.XMLSchema(str(Path(__file__).parent / "schemas" / "akn" / "akomantoso30.xsd")).validate(str(out))
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    doc = root.find("a:doc", ns)
    assert doc is not None and doc.get("name") == "explanatoryMemorandum"
    assert root.find(".//a:FRBRWork/a:FRBRuri", ns).get("value") == \
        "/akn/cn/doc/explanatoryMemorandum/9999-01-01/prc.criminal-law-amendment.13.memorandum"
    assert [h.text for h in root.iterfind(".//a:hcontainer/a:heading", ns)] == list(_parts(_memo(capsys, "en")))
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert len(eids) == len(set(eids)) == 6  # the parts, and lexdraft among the references


@pytest.mark.parametrize(("args", "message"), [
    ([str(BILL), "--memorandum"], "no text in force of 'prc' is read with `prc.criminal-law-amendment.13`"),
    ([str(ART_366), "--memorandum", "--with", str(PRC_IN_FORCE)], "nothing here is an amendment bill"),
    ([str(BILL), "--memorandum", "--format", "docx", "--with", str(PRC_IN_FORCE)],
     "--format docx writes the draft, not its memorandum"),
    ([str(BILL), "--memorandum", "--table", "--with", str(PRC_IN_FORCE)], "--table and --memorandum each write"),
])
def test_a_memorandum_that_cannot_be_made_is_a_located_error(capsys: pytest.CaptureFixture[str], args: list[str],
                                                              message: str) -> None:
    err = _render(capsys, *args, code=2)
    assert message in err and "Traceback" not in err
    if "E412" in err and "amendment bill" not in message:
        assert re.search(r"criminal-law-amendment\.lexd:\d+:\d+: error\[E412\]", err)
