"""`render --as-amended`: the articles an amendment changes as the statute would read with it made — Taiwan's CSEPA
art. 39 and the PRC bill's articles — titled and marked not in force as each pack words it; golden files, and the
Word document read back."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from lexdraft.cli import main

REPO = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).resolve().parent / "golden" / "as-amended"
PRC_IN_FORCE = REPO / "drafts" / "prc" / "in-force"
TW_IN_FORCE = REPO / "drafts" / "tw" / "in-force"
BILL = REPO / "drafts" / "prc" / "proposed" / "criminal-law-amendment.lexd"
ART_366 = REPO / "drafts" / "prc" / "proposed" / "366-legal-persons.lexd"
TW_39 = REPO / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd"

CASES = [  # (golden name, draft, the drafts in force, language (None: the pack's own), format)
    ("tw-csepa-39.zh.txt", TW_39, TW_IN_FORCE, None, "text"),
    ("tw-csepa-39.en.txt", TW_39, TW_IN_FORCE, "en", "text"),
    ("prc-bill.zh.txt", BILL, PRC_IN_FORCE, None, "text"),
    ("prc-bill.en.md", BILL, PRC_IN_FORCE, "en", "markdown"),
]


def _render(capsys: pytest.CaptureFixture[str], *args: str, code: int = 0) -> str:
    capsys.readouterr()
    assert main(["render", *args, "--no-cache"]) == code
    captured = capsys.readouterr()
    return captured.out if code == 0 else captured.err


def _amended(capsys: pytest.CaptureFixture[str], draft: Path, in_force: Path, lang: str | None,
             fmt: str = "text", *more: str) -> str:
    return _render(capsys, str(draft), "--as-amended", fmt, "--with", str(in_force),
                   *(("--lang", lang) if lang else ()), *more)


@pytest.mark.parametrize(("name", "draft", "in_force", "lang", "fmt"), CASES, ids=[c[0] for c in CASES])
def test_golden(capsys: pytest.CaptureFixture[str], regen_golden: bool, name: str, draft: Path, in_force: Path,
                lang: str | None, fmt: str) -> None:
    out = _amended(capsys, draft, in_force, lang, fmt)
    golden = GOLDEN / name
    if regen_golden:
        golden.parent.mkdir(exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert out == golden.read_text(encoding="utf-8")


def test_taiwan_article_39_reads_as_amended_and_is_marked_not_in_force(capsys: pytest.CaptureFixture[str]) -> None:
    """The amendment's paragraphs in force's place, in Taiwan's own words (修正後之條文, 「」), never the PRC's."""
    zh = _amended(capsys, TW_39, TW_IN_FORCE, None)
    lines = zh.split("\n")
    assert lines[0] == "兒童及少年性剝削防制條例（依「兒童及少年性剝削防制條例第三十九條條文修正草案」修正後之條文）"
    assert "並非現行有效之法律" in lines[1]
    article = lines[3:7]
    assert article[0].startswith("第三十九條　無正當理由支付對價而持有")
    assert article[3] == "查獲之第一項至第三項之附著物、圖畫及物品，不問屬於犯罪行為人與否，沒收之。"
    assert "第一次被查獲" not in zh and "第二次以上被查獲" not in zh  # ¶3 in force deleted, ¶4's condition gone
    for prc in ("草案》", "修改后", "现行", "“"):
        assert prc not in zh, prc
    en = _amended(capsys, TW_39, TW_IN_FORCE, "en")
    assert "is not law in force" in en and "working gloss" in en
    assert "Media, drawings and items seized under paragraphs 1 to 3 shall be confiscated" in en


def test_the_bill_s_articles_read_as_amended_in_the_statute_s_order(capsys: pytest.CaptureFixture[str]) -> None:
    zh = _amended(capsys, BILL, PRC_IN_FORCE, None)
    assert zh.startswith("中华人民共和国刑法（根据《中华人民共和国刑法修正案（十三）（草案）》修改后的有关条文）\n"
                         "《中华人民共和国刑法修正案（十三）（草案）》尚未通过")
    firsts = [p.split("　", 1)[0] for p in zh.split("\n\n")[1:]]
    assert firsts == ["第二百五十三条之二", "第二百八十六条之二", "第三百六十四条之一", "第三百六十六条"]
    assert "第三百六十六条　单位犯本节第三百六十三条、第三百六十四条、第三百六十四条之一、第三百六十五条" \
           "规定之罪的" in zh
    assert "“" not in zh  # the articles as the statute prints them, not quoted as a bill's items are
    # an article of the bill's own, alone, reads the same
    alone = _amended(capsys, ART_366, PRC_IN_FORCE, None)
    assert alone.split("\n\n")[1] == zh.split("\n\n")[4]


def test_the_text_as_amended_in_word(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    out = tmp_path / "39.docx"
    _amended(capsys, TW_39, TW_IN_FORCE, None, "docx", "-o", str(out))
    document = docx.Document(io.BytesIO(out.read_bytes()))
    paragraphs = [(p.style.name, p.text) for p in document.paragraphs]
    text = [line for line in _amended(capsys, TW_39, TW_IN_FORCE, None).split("\n") if line]
    assert [t for s, t in paragraphs] == text  # the label once, opening the article, as a statute prints it
    assert paragraphs[0][0] == "Heading 1" and "Heading 2" not in {s for s, _ in paragraphs}
    # the navigation pane lists the article by its first paragraph's outline level
    (first,) = [p for p in document.paragraphs if p.text.startswith("第三十九條　")]
    assert first._p.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "1"
    assert all(s == "Statute Text" for s, t in paragraphs if t.startswith(("第三十九條　", "無正當理由", "查獲")))
    assert document.styles["Statute Text"].element.rPr.rFonts.get(qn("w:eastAsia")) == "新細明體"


def test_the_text_in_force_must_be_read_with_the_amendment(capsys: pytest.CaptureFixture[str]) -> None:
    err = _render(capsys, str(ART_366), "--as-amended", code=2)
    assert "error[E411]: the text in force of article 366, which `prc.amendment.366` changes, is not among the " \
           "drafts" in err
    assert "366-legal-persons.lexd:" in err and "Traceback" not in err


AKN_CASES = [(TW_39, TW_IN_FORCE, "zh"), (TW_39, TW_IN_FORCE, "en"), (BILL, PRC_IN_FORCE, "zh"),
             (BILL, PRC_IN_FORCE, "en")]


@pytest.mark.parametrize(("draft", "in_force", "lang"), AKN_CASES,
                         ids=[f"{d.stem}-{lang}" for d, _, lang in AKN_CASES])
def test_the_text_as_amended_in_akoma_ntoso(capsys: pytest.CaptureFixture[str], tmp_path: Path, draft: Path,
                                            in_force: Path, lang: str) -> None:
    """A version of the act of its own, valid against the OASIS schema, not authoritative and marked not in force,
    each article as the text render prints it and traced to the `mod` of the item that changes it in the amending
    draft's own Akoma Ntoso."""
    import xmlschema
    from lxml import etree

    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    out = tmp_path / "amended.xml"
    _amended(capsys, draft, in_force, lang, "akn", "-o", str(out))
    xmlschema.XMLSchema(str(Path(__file__).parent / "schemas" / "akn" / "akomantoso30.xsd")).validate(str(out))
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    act = root.find("a:act", ns)
    assert act is not None and act.get("contains") == "singleVersion"
    name = "criminal-law" if draft == BILL else "csepa"
    amending = "prc.criminal-law-amendment.13" if draft == BILL else "tw.amendment.39"
    country = "cn" if draft == BILL else "tw"
    work = f"/akn/{country}/act/1000-01-01/{name}"
    expression = act.find("a:meta/a:identification/a:FRBRExpression", ns)
    assert act.find("a:meta/a:identification/a:FRBRWork/a:FRBRuri", ns).get("value") == work
    # the act in force undated, its version made by the drafts dated as a draft
    assert expression.find("a:FRBRuri", ns).get("value") == f"{work}/{'zho' if lang == 'zh' else 'eng'}@9999-01-01"
    assert expression.find("a:FRBRdate", ns).attrib == {"date": "9999-01-01", "name": "draft"}
    assert expression.find("a:FRBRversionNumber", ns).get("value") == amending
    assert expression.find("a:FRBRauthoritative", ns).get("value") == "false"
    # the title and the standing (not law in force) as the text render says them; then the articles, line for line
    plain = _amended(capsys, draft, in_force, lang)
    lines = plain.split("\n")
    assert act.find("a:preface/a:p/a:docTitle", ns).text == lines[0]
    assert act.find("a:preface/a:p/a:docStatus", ns).text == lines[1]
    articles = act.findall("a:body/a:article", ns)
    blocks = [b.split("\n") for b in plain.strip("\n").split("\n\n")[1:]]
    assert len(articles) == len(blocks)
    for article, block in zip(articles, blocks, strict=True):
        label = article.find("a:num", ns).text
        paras = article.findall("a:paragraph", ns)
        assert [p.get("eId") for p in paras] == [f"{article.get('eId')}__para_{k}" for k in range(1, len(paras) + 1)]
        space = "　" if lang == "zh" else " "
        # each paragraph's words, then each item of it: its number (num) and its words
        said = [line for para in paras for line in
                [p.text for p in para.findall("a:content/a:p", ns) + para.findall("a:intro/a:p", ns)]
                + [point.find("a:num", ns).text + ("" if lang == "zh" else " ") + point.find("a:content/a:p", ns).text
                   for point in para.findall("a:point", ns)]]
        assert [label + space + said[0], *said[1:]] == block
    numbers = [a.get("eId") for a in articles]
    assert numbers == (["art_253-2", "art_286-2", "art_364-1", "art_366"] if draft == BILL else ["art_39"])
    if draft == BILL:  # 款 numbered as the statute numbers them, in each language: a list's items stay in theirs
        assert len(act.findall("a:body/a:article[@eId='art_364-1']/a:paragraph", ns)) == 4
    eids = [el.get("eId") for el in root.iter() if el.get("eId")]
    assert len(eids) == len(set(eids))
    ref = act.find("a:meta/a:references/a:passiveRef", ns)
    assert ref.get("href") == f"/akn/{country}/bill/9999-01-01/{amending}"
    # each article traced to the item that changes it: the source is a `mod` of the amending draft's own AKN, and
    # what that mod quotes is the article the destination names
    source = tmp_path / "amending.xml"
    _render(capsys, str(draft), "--format", "akn", "--lang", lang, "--with", str(in_force), "-o", str(source))
    bill = etree.parse(str(source), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    mods = act.findall("a:meta/a:analysis/a:passiveModifications/a:textualMod", ns)
    assert len(mods) == len(articles)
    for mod, article in zip(mods, articles, strict=True):
        href = mod.find("a:source", ns).get("href")
        assert href.startswith(ref.get("href") + "/!main#")
        destination = mod.find("a:destination", ns).get("href")
        assert destination == "#" + article.get("eId")
        (quoted,) = bill.findall(f".//a:mod[@eId='{href.split('#')[1]}']/a:quotedStructure/a:article", ns)
        assert quoted.get("eId").endswith("__" + article.get("eId"))
        assert mod.get("type") == ("substitution" if article.get("eId") in ("art_366", "art_39") else "insertion")


def test_every_form_of_the_bill_says_which_treaty_words_are_least_certain(capsys: pytest.CaptureFixture[str],
                                                                          tmp_path: Path) -> None:
    """Art. 364A prints "inhumane", the Convention's reconstructed English at its least certain (the reference marks
    "inhuman" beside it): the text as amended and the comparison table say so in English, in every format, naming
    the article, as the article's own drafting note does; the Chinese has no such word and no note."""
    from lxml import etree

    said = ("Treaty words: The English of Article 364A follows the Convention's English as reconstructed, not yet "
            "checked against the official English, and least certain here: “inhumane” may read “inhuman”; a drafter "
            "checks it against the official text.")
    assert said in _amended(capsys, BILL, PRC_IN_FORCE, "en")
    html = _amended(capsys, BILL, PRC_IN_FORCE, "en", "html")
    assert "<p class=\"standing\">" + said.replace("'", "&#39;") + "</p>" in html
    table = _render(capsys, str(BILL), "--table", "text", "--with", str(PRC_IN_FORCE), "--lang", "en")
    assert table.rstrip().endswith(said), table[-400:]
    assert "Treaty words" not in _amended(capsys, BILL, PRC_IN_FORCE, None)
    out = tmp_path / "amended.docx"
    _amended(capsys, BILL, PRC_IN_FORCE, "en", "docx", "-o", str(out))
    assert said in [p.text for p in docx.Document(io.BytesIO(out.read_bytes())).paragraphs]
    xml = tmp_path / "amended.xml"
    _amended(capsys, BILL, PRC_IN_FORCE, "en", "akn", "-o", str(xml))
    root = etree.parse(str(xml), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    notes = {n.get("class"): "".join(n.itertext()).strip() for n in root.iterfind(".//a:meta/a:notes/a:note", ns)}
    assert notes.get("treaty-words") == said, notes
    # the one article that does not print the word has no note (Taiwan's art. 39)
    assert "Treaty words" not in _amended(capsys, TW_39, TW_IN_FORCE, "en")
