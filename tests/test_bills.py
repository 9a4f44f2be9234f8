"""Amendment bills: an `amendment` gathers the amendments of a set in order, with its deletions and commencement;
checked (E230, E231, E420), printed back, and rendered as the NPC's 刑法修正案 and its official English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.pipeline import load
from lexdraft.wording.render import provisions_of, render

REPO = Path(__file__).resolve().parents[1]
PRC = REPO / "drafts" / "prc"
BILL = PRC / "proposed" / "criminal-law-amendment.lexd"


@pytest.fixture(scope="module")
def documents() -> list[A.Document]:
    return load([str(PRC)]).documents


def _bill(documents: list[A.Document]) -> A.Amendment:
    return next(d for d in documents if isinstance(d, A.Amendment))


def test_the_bundled_bill_parses_and_prints_back() -> None:
    draft = parse_text(BILL.read_text(encoding="utf-8"), str(BILL))
    bill = draft.documents[0]
    assert isinstance(bill, A.Amendment) and bill.number == 13 and bill.amends is not None
    assert [i.id for i in bill.items if isinstance(i, A.Ref)] == [
        "prc.criminal-law.253-2", "prc.criminal-law.286-2", "prc.criminal-law.364-1", "prc.amendment.366"]
    assert parse_text(format_draft(draft), "again.lexd") == draft


def test_loading_the_set_gathers_what_the_items_name(documents: list[A.Document]) -> None:
    bill = _bill(documents)
    assert [d.id for d in bill.gathered if not isinstance(d, A.Deletion)] == [
        "prc.criminal-law.253-2", "prc.criminal-law.286-2", "prc.criminal-law.364-1", "prc.amendment.366"]


def test_the_chinese_bill_numbers_its_items_and_quotes_each_article_without_its_number(
        documents: list[A.Document]) -> None:
    lines = render(_bill(documents), "zh", provisions_of(documents)).splitlines()
    assert lines[0] == "中华人民共和国刑法修正案（十三）（草案）"
    items = [line for line in lines if line[:1] in "一二三四五" and "、" in line[:3]]
    assert items == ["一、在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二：",
                     "二、在刑法第二百八十六条之一后增加一条，作为第二百八十六条之二：",
                     "三、在刑法第三百六十四条后增加一条，作为第三百六十四条之一：",
                     "四、将刑法第三百六十六条修改为：",
                     "五、本修正案自公布之日起施行。"]
    after = lines[lines.index(items[3]) + 1]
    assert after.startswith("“单位犯本节第三百六十三条、第三百六十四条、第三百六十四条之一、第三百六十五条") and \
        after.endswith("”")
    assert not any(line.startswith("“第") for line in lines)


def test_the_english_bill_cites_articles_as_the_pack_does(documents: list[A.Document]) -> None:
    lines = render(_bill(documents), "en", provisions_of(documents)).splitlines()
    assert lines[0] == "Amendment (XIII) to the Criminal Law of the People's Republic of China (Draft)"
    assert "1. The following article is added after Article 253A as Article 253B:" in lines
    assert "3. The following article is added after Article 364 as Article 364A:" in lines
    assert "4. Article 366 is amended to read:" in lines
    # the commencement is the last item; the note on the Convention's least certain words follows the items
    assert lines[-3] == "5. This Amendment shall go into effect as of the date of promulgation."
    assert lines[-1].startswith("Treaty words: The English of Article 364A follows the Convention's English"), lines


INSERTED = ("253-2", "286-2", "364-1")


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> str:
    from lexdraft.cli import main

    capsys.readouterr()
    code = main([*args, "--no-cache"])
    assert code == 0 or (args[0] == "review" and code == 1), args  # a review with gaps exits 1
    return capsys.readouterr().out


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_output_cites_an_inserted_article_by_one_number(capsys: pytest.CaptureFixture[str], lang: str) -> None:
    """The bill's operative text, each article's heading, the 366 draft, the comparison table and the review all
    cite 第三百六十四条之一 as the pack's `citation:` does (Article 364A), never in a second numbering (364-1)."""
    from lexdraft.wording.citations import article_label

    proposed = PRC / "proposed"
    context = ("--with", str(PRC / "in-force"), "--with", str(proposed))
    outputs = {
        "bill": _cli(capsys, "render", str(BILL), "--with", str(PRC / "in-force"), "--lang", lang),
        "table": _cli(capsys, "render", str(BILL), "--table", "text", "--with", str(PRC / "in-force"), "--lang", lang),
        "366": _cli(capsys, "render", str(proposed / "366-legal-persons.lexd"), *context, "--lang", lang),
        "review": _cli(capsys, "review", str(PRC / "in-force"), str(proposed), "--against", "uncc.14", "--lang", lang),
    }
    for number, name in zip(INSERTED, ("253-2-dfii", "286-2-platform-reasonable-care", "364-1-csem-possession"),
                            strict=True):
        outputs[number] = _cli(capsys, "render", str(proposed / f"{name}.lexd"), *context, "--lang", lang)
    for number in INSERTED:
        label = article_label(number, "prc", lang)
        head = number.split("-")[0]
        for what in ("bill", "table", number):
            assert label in outputs[what], (what, label)
        other = (rf"Article {number}\b" if lang == "en" else rf"第{article_label(head, 'prc', 'zh')[1:-1]}条[A-Z]")
        for what, out in outputs.items():
            assert not re.search(other, out), (what, other)
    cited = article_label("364-1", "prc", lang).removeprefix("Article ")  # 366's English lists "Article 363, 364, …"
    assert cited in outputs["366"] and cited in outputs["review"]


HEAD = """bill prc.criminal-law-amendment.1 {{
  jurisdiction prc
  status       proposed
  amends       {amends}
{items}
}}
"""
INSERT = """provision prc.criminal-law.253-2 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 253-2 after 253-1
  title        zh "甲罪" en "Offence A"
  implements   uncc.16
  text         zh "甲。" en "A."
}
"""
IN_FORCE = '''provision prc.criminal-law.360 {
  jurisdiction prc
  status       in-force
  instrument   criminal-law
  title        zh "乙罪" en "Offence B"
  source       "test"
  text         zh """
第一款。
第二款。
"""
}
'''


def _found(items: str, amends: str = "criminal-law", extra: str = INSERT + IN_FORCE) -> list[str]:
    draft = parse_text(HEAD.format(amends=amends, items=items) + extra, "bill.lexd")
    return [f"{d.code} {d.message}" for d in lint([draft]) if d.code in ("E230", "E231")]


def test_a_bill_of_amendments_that_fit_passes() -> None:
    assert _found("  item prc.criminal-law.253-2\n  item deleting article 360 paragraph 2") == []


@pytest.mark.parametrize(("items", "message"), [
    ("  item prc.criminal-law.253-3", "E231 no amendment `prc.criminal-law.253-3` among the drafts"),
    ("  item prc.criminal-law.360", "E231 `prc.criminal-law.360` amends nothing: a bill gathers amendments"),
    ("  item prc.criminal-law.253-2\n  item prc.criminal-law.253-2",
     "E231 `prc.criminal-law.253-2` is an item of this bill twice"),
    ("  item deleting article 360 paragraph 3",
     "E230 article 360 has 2 paragraphs in force (`prc.criminal-law.360`): there is no paragraph 3 to delete"),
    ("  item deleting article 253-2",
     "E230 article 253-2 is deleted, and `prc.criminal-law.253-2` changes it"),
])
def test_bill_items_that_do_not_fit_are_located_errors(items: str, message: str) -> None:
    assert _found(items) == [message]


@pytest.mark.parametrize(("items", "extra", "found"), [
    ("  number 0\n  item prc.criminal-law.253-2", INSERT, "bill.lexd:5:10: E231 amendment 0"),
    ("  number 00\n  item prc.criminal-law.253-2", INSERT, "bill.lexd:5:10: E231 amendment 0"),
    ("  item deleting article 360 paragraph 0", IN_FORCE, "bill.lexd:5:39: E230 paragraph 0"),
    ("  item prc.criminal-law.360-9", INSERT.replace("253-2", "360-9").replace("inserting article 360-9 after 253-1",
                                                                               "replacing article 360 paragraph 0"),
     "bill.lexd:10:73: E230 paragraph 0"),
    ("  item prc.criminal-law.360-9", INSERT.replace("253-2", "360-9").replace("inserting article 360-9 after 253-1",
                                                                               "adding paragraph 0 to article 360"),
     "bill.lexd:10:58: E230 paragraph 0"),
])
def test_a_number_counted_from_one_is_never_0(items: str, extra: str, found: str) -> None:
    """0 was read as no number: the bill went unnumbered, and a deletion or replacement of paragraph 0 deleted or
    replaced the whole article."""
    with pytest.raises(LexdraftError) as e:
        parse_text(HEAD.format(amends="criminal-law", items=items) + extra, "bill.lexd")
    (d,) = e.value.diagnostics
    assert d.span is not None
    assert f"{d.span.file}:{d.span.line}:{d.span.column}: {d.code} {d.message}".startswith(found), d


def test_a_bill_gathers_amendments_of_its_own_act() -> None:
    assert _found("  item prc.criminal-law.253-2", amends="deep-synthesis-provisions") == [
        ("E231 `prc.criminal-law.253-2` amends `prc.criminal-law`, not `prc.deep-synthesis-provisions`, the act this "
        "bill amends")]


def test_deletions_render_as_the_npc_deletes() -> None:
    draft = parse_text(HEAD.format(amends="criminal-law", items="  item deleting article 360 paragraph 2"),
                       "bill.lexd")
    from lexdraft.language.resolve import resolve_texts

    bill = resolve_texts([draft])[0].documents[0]
    assert render(bill, "zh", {}).splitlines()[2] == "一、删去刑法第三百六十条第二款。"
    assert render(bill, "en", {}).splitlines()[2] == "1. Paragraph 2 of Article 360 is deleted."
    # no number: as the first amendment (1999) is titled
    assert render(bill, "zh", {}).splitlines()[0] == "中华人民共和国刑法修正案（草案）"


def test_a_bill_where_the_pack_gives_no_bill_form_is_a_located_error() -> None:
    text = HEAD.format(amends="csepa", items="  item deleting article 39 paragraph 3").replace("jurisdiction prc",
                                                                                             "jurisdiction tw")
    bill = parse_text(text, "tw.lexd").documents[0]
    with pytest.raises(LexdraftError) as e:
        render(bill, "zh", {})
    assert [d.code for d in e.value.diagnostics] == ["E420"]
    assert e.value.diagnostics[0].span is not None


def test_the_bill_in_word_is_titled_and_set_as_statute_text(tmp_path: Path) -> None:
    import docx

    from lexdraft.cli import main
    from lexdraft.outputs.docx import STATUTE

    out = tmp_path / "bill.docx"
    assert main(["render", str(BILL), "--lang", "zh", "--format", "docx", "-o", str(out)]) == 0
    paragraphs = docx.Document(str(out)).paragraphs
    assert (paragraphs[0].style.name, paragraphs[0].text) == ("Title", "中华人民共和国刑法修正案（十三）（草案）")
    assert paragraphs[1].text == "一、在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二："
    assert {p.style.name for p in paragraphs[1:]} == {STATUTE}


def test_the_bill_in_akoma_ntoso_carries_each_item_as_a_modification(tmp_path: Path) -> None:
    import xmlschema
    from lxml import etree

    from lexdraft.cli import main

    out = tmp_path / "bill.xml"
    assert main(["render", str(BILL), "--lang", "en", "--format", "akn", "-o", str(out)]) == 0
    schema = xmlschema.XMLSchema(str(REPO / "tests" / "schemas" / "akn" / "akomantoso30.xsd"))
    assert [e.reason for e in schema.iter_errors(str(out))] == []
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    root = etree.parse(str(out), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()
    bill = root.find("a:bill", ns)
    assert bill is not None and bill.get("name") == "amendment"
    # the number the file gives the bill, 13 in the series of the Criminal Law's amendments: the work's FRBRnumber
    assert [n.get("value") for n in bill.iterfind("a:meta/a:identification/a:FRBRWork/a:FRBRnumber", ns)] == ["13"]
    assert bill.find(".//a:docTitle", ns).text == (
        "Amendment (XIII) to the Criminal Law of the People's Republic of China (Draft)")
    mods = bill.findall("a:meta/a:analysis/a:activeModifications/a:textualMod", ns)
    assert [(m.get("type"), m.find("a:destination", ns).get("href").rsplit("#", 1)[-1]) for m in mods] == [
        ("insertion", "art_253-1"), ("insertion", "art_286-1"), ("insertion", "art_364"), ("substitution", "art_366")]
    assert all(m.find("a:destination", ns).get("href").startswith("/akn/cn/act/") for m in mods)
    items = bill.findall("a:body/a:article", ns)
    assert [i.find("a:num", ns).text for i in items] == ["1.", "2.", "3.", "4.", "5."]
    for m in mods:  # each modification's source and new text are in the body
        source = m.find("a:source", ns).get("href")[1:]
        new = m.find("a:new", ns).get("href")[1:]
        assert bill.find(f".//a:mod[@eId='{source}']", ns) is not None
        assert bill.find(f".//a:quotedStructure[@eId='{new}']", ns) is not None
    eids = [e.get("eId") for e in root.iter() if e.get("eId")]
    assert len(eids) == len(set(eids))
    quoted = bill.find(".//a:quotedStructure/a:article", ns)
    assert quoted.get("eId").endswith("art_253-2")
