"""Akoma Ntoso: `render --format akn` valid against the official OASIS schema and right in structure, and
`import akn` turning acts lexdraft did not write into drafts that parse."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from lexdraft import packs
from lexdraft.cli import main
from lexdraft.language import ast as A_
from lexdraft.language.parse import parse_file, parse_text
from lexdraft.language.resolve import resolve_texts
from lexdraft.outputs.akn import NS, to_akn
from lexdraft.outputs.pages import page_of

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
IN_FORCE = DRAFTS / "prc" / "in-force"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "akn" / "akomantoso30.xsd"
FILES = sorted(DRAFTS.glob("**/*.lexd"))
# A statute of the atlas carries its own text and an English translation, no Chinese: its Chinese expression is refused
# (test_a_statute_without_the_language_is_refused_its_expression).
CHINESE = ("prc", "tw")
ALL_CASES = [(f, lang) for f in FILES for lang in ("zh", "en")
             if lang == "en" or f.relative_to(DRAFTS).parts[0] in CHINESE]


def _summarised(path: Path) -> bool:
    """A draft of law in force that gives a provision as a structured summary only (no verbatim text: France's
    art. 226-2 as recalled): Akoma Ntoso carries a statute's own words, so its export is refused (E405)."""
    (draft,) = resolve_texts([parse_file(str(path))])
    return any(getattr(getattr(d, "status", None), "name", None) == "in-force"
               and getattr(page_of(d, "en", {}), "form", None) == "summary" for d in draft.documents)


REFUSED = [(f, lang) for f, lang in ALL_CASES if _summarised(f)]
CASES = [case for case in ALL_CASES if case not in REFUSED]
A = {"a": NS}


def _id(case: tuple[Path, str]) -> str:
    return f"{case[0].relative_to(DRAFTS).as_posix()}-{case[1]}"


@pytest.fixture(scope="module")
def schema() -> xmlschema.XMLSchema:
    return xmlschema.XMLSchema(str(SCHEMA))


@pytest.fixture(scope="module")
def exported(tmp_path_factory: pytest.TempPathFactory) -> dict[tuple[Path, str], Path]:
    folder = tmp_path_factory.mktemp("akn")
    out = {}
    for path, lang in CASES:
        target = folder / f"{path.stem}.{lang}.xml"
        assert main(["render", str(path), "--lang", lang, "--with", str(IN_FORCE), "--format", "akn",
                     "-o", str(target)]) == 0
        out[(path, lang)] = target
    return out


@pytest.mark.parametrize("case", REFUSED, ids=_id)
def test_a_bundled_draft_with_a_summarised_provision_in_force_is_refused_whole(
        case: tuple[Path, str], tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Such a draft is no valid export half-made: E405, and no file."""
    path, lang = case
    target = tmp_path / "out.xml"
    assert main(["render", str(path), "--lang", lang, "--with", str(IN_FORCE), "--format", "akn",
                 "-o", str(target)]) == 2
    assert "is in force but its draft quotes no text" in capsys.readouterr().err and not target.exists()


def _tree(path: Path) -> etree._Element:
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


# ------------------------------------------------------------------ export


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_every_draft_is_valid_akoma_ntoso(schema: xmlschema.XMLSchema, exported: dict[tuple[Path, str], Path],
                                          case: tuple[Path, str]) -> None:
    path = exported[case]
    errors = [f"{e.path}: {e.reason}" for e in schema.iter_errors(str(path))]
    assert not errors, errors[:5]
    root = _tree(path)
    eids = [el.get("eId") for el in root.iter() if el.get("eId")]
    assert len(eids) == len(set(eids)), sorted(e for e in eids if eids.count(e) > 1)
    # every internal reference lands on an element of the document
    for el in root.iter():
        href = el.get("href")
        if href and href.startswith("#"):
            assert href[1:] in eids, f"{el.tag} points at {href}, which no element has"


_WORK = re.compile(r"^/akn/[a-z]{2}/(act|bill|documentCollection)(/judicialInterpretation)?/\d{4}-\d{2}-\d{2}/[^/@!]+$")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_frbr_identity_follows_the_naming_convention(exported: dict[tuple[Path, str], Path],
                                                     case: tuple[Path, str]) -> None:
    source, lang = case
    root = _tree(exported[case])
    country = packs.pack(source.parts[-3]).akn_country  # the pack's: cn for the PRC, tw, fr, br …
    language = {"zh": "zho", "en": "eng"}[lang]
    identifications = root.findall(".//a:identification", A)
    assert identifications
    for ident in identifications:
        work = ident.find("a:FRBRWork/a:FRBRuri", A).get("value")
        assert _WORK.match(work), work
        assert work.split("/")[2] == country
        assert ident.find("a:FRBRWork/a:FRBRthis", A).get("value") == work + "/!main"
        assert ident.find("a:FRBRWork/a:FRBRcountry", A).get("value") == country
        expression = ident.find("a:FRBRExpression/a:FRBRuri", A).get("value")
        version = ident.find("a:FRBRExpression/a:FRBRdate", A)  # the as-at date of the version a text records
        assert expression == f"{work}/{language}@" + (version.get("date") if version.get("name") == "as-at" else "")
        assert ident.find("a:FRBRExpression/a:FRBRthis", A).get("value") == expression + "/!main"
        assert ident.find("a:FRBRExpression/a:FRBRlanguage", A).get("language") == language
        assert ident.find("a:FRBRManifestation/a:FRBRthis", A).get("value") == expression + "/!main.xml"
        assert ident.find("a:FRBRManifestation/a:FRBRuri", A).get("value") == expression + ".akn"
        # no date is invented: the drafts record none, and every FRBRdate says so: a proposal is a draft dated as UK
        # Lawmaker dates one (9999-01-01, "draft"), a text in force undated (1000-01-01, "undated")
        kind = work.split("/")[3]
        dates = {(d.get("date"), d.get("name")) for d in ident.iter(f"{{{NS}}}FRBRdate") if d.get("name") != "as-at"}
        assert dates == ({("9999-01-01", "draft")} if kind == "bill" else {("1000-01-01", "undated")}), dates
        assert work.split("/")[-2] == ident.find("a:FRBRWork/a:FRBRdate", A).get("date")


def test_a_proposed_article_is_a_bill_carrying_its_insertion_as_an_akn_modification(
        exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd", "zh")])
    (bill,) = root
    assert bill.tag == f"{{{NS}}}bill"
    (mod,) = bill.findall("a:body//a:mod", A)
    assert mod.text == "在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二："
    (quoted,) = mod.findall("a:quotedStructure", A)
    assert (quoted.get("startQuote"), quoted.get("endQuote")) == ("“", "”")
    (article,) = quoted.findall("a:article", A)
    assert article.get("eId").endswith("art_253-2")
    assert article.find("a:num", A).text == "第二百五十三条之二"
    paragraphs = article.findall("a:paragraph", A)
    assert [p.get("eId").rsplit("__", 2)[-2:] for p in paragraphs] == [["art_253-2", f"para_{i}"] for i in (1, 2, 3)]
    assert paragraphs[1].find("a:content/a:p", A).text == \
        "经被描绘者本人同意，为艺术创作而实施前款行为的，不以犯罪论处。"
    (textual,) = bill.findall("a:meta/a:analysis/a:activeModifications/a:textualMod", A)
    assert textual.get("type") == "insertion"
    assert textual.find("a:source", A).get("href") == "#" + mod.get("eId")
    assert textual.find("a:new", A).get("href") == "#" + quoted.get("eId")
    destination = textual.find("a:destination", A)
    assert destination.get("href") == "/akn/cn/act/1000-01-01/criminal-law/!main#art_253-1"
    assert destination.get("pos") == "after"


def test_an_article_in_force_is_an_act_with_its_verbatim_paragraphs(exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(IN_FORCE / "364-disseminating-obscene.lexd", "zh")])
    (act,) = root
    assert act.tag == f"{{{NS}}}act" and act.get("name") == "criminal-law"
    (article,) = act.findall("a:body/a:article", A)
    assert article.get("eId") == "art_364"
    texts = [p.find("a:content/a:p", A).text for p in article.findall("a:paragraph", A)]
    assert [p.get("eId") for p in article.findall("a:paragraph", A)] == [f"art_364__para_{i}" for i in (1, 2, 3, 4)]
    assert article.find("a:num", A).text == "第三百六十四条"  # the number printed first is the article's num
    assert texts[0].startswith("传播淫秽的书刊")
    assert texts[3] == "向不满十八周岁的未成年人传播淫秽物品的，从重处罚。"
    assert act.find("a:meta/a:identification/a:FRBRExpression/a:FRBRauthoritative", A).get("value") == "true"
    root = _tree(exported[(IN_FORCE / "364-disseminating-obscene.lexd", "en")])
    assert root.find(".//a:FRBRExpression/a:FRBRauthoritative", A).get("value") == "false"  # a working gloss
    article = root.find(".//a:article", A)
    assert article.find("a:num", A).text == "Article 364"
    assert [p.find("a:num", A).text for p in article.findall("a:paragraph", A)] == ["¶1:", "¶2", "¶3", "¶4:"]
    assert article.find("a:paragraph[2]/a:content/a:p", A).text.startswith("Whoever organises the showing")


_AMENDED = ('rule prc.amendment.999 {\n  jurisdiction prc\n  status proposed\n'
            '  instrument amendment to "中华人民共和国刑法" replacing article 999\n  title zh "甲" en "A"\n'
            '  source "x"\n  kind legal-persons\n  reaches prc.criminal-law.363\n  punishes fine-on-unit\n'
            '  text zh "丙丁。" en "C."\n}\n')


def _resolve(href: str, exports: list[etree._Element]) -> etree._Element:
    """The element an AKN reference names: the document whose work is `href`'s IRI, and in it the eId after `#`
    (inside a collection's component, the eId under the component's prefix)."""
    iri, eid = href.split("#")
    found = []
    for root in exports:
        for ident in root.iter(f"{{{NS}}}identification"):
            if ident.find("a:FRBRWork/a:FRBRthis", A).get("value") != iri:
                continue
            document = ident.getparent().getparent()
            component = document.getparent()
            prefix = component.get("eId") + "__" if component.tag == f"{{{NS}}}component" else ""
            found += document.findall(f".//*[@eId='{prefix}{eid}']", A)
    assert len(found) == 1, (href, found)
    return found[0]


def test_a_bill_names_the_article_of_the_act_that_the_article_in_force_exports() -> None:
    """An article in force is exported as the act holding it, under the act's work IRI, so that a modification's
    destination is that article: lexdraft's own AKN links up."""
    (in_force,) = parse_text(_PLAIN, "act.lexd").documents
    (proposal,) = parse_text(_AMENDED, "bill.lexd").documents
    act = etree.fromstring(to_akn([in_force], "zh", {}).encode())
    bill = etree.fromstring(to_akn([proposal], "zh", {}).encode())
    assert act.find("a:act/a:meta//a:FRBRWork/a:FRBRuri", A).get("value") == "/akn/cn/act/1000-01-01/criminal-law"
    assert act.find("a:act", A).get("name") == "criminal-law"
    assert act.find(".//a:FRBRWork/a:FRBRalias[@name='lexdraft']", A).get("value") == "prc.criminal-law.999"
    (destination,) = bill.findall(".//a:activeModifications/a:textualMod/a:destination", A)
    assert _resolve(destination.get("href"), [act]) is act.find("a:act/a:body/a:article", A)


def test_list_items_are_points_with_their_own_numbers(schema: xmlschema.XMLSchema) -> None:
    """（一）, (1), (a): each item of a paragraph a `point` with its `num`, after the paragraph's lead-in."""
    text = "第九百九十九条　有下列情形之一的，处罚：\n（一）甲；\n（二）乙。\n前款(1)不适用。\n(a) x;\n(b) y."
    (doc,) = parse_text(_PLAIN.replace("第九百九十九条　甲乙</p>&amp;。", text), "items.lexd").documents
    xml = to_akn([doc], "zh", {})
    assert [e.reason for e in schema.iter_errors(xml)] == []
    (article,) = etree.fromstring(xml.encode()).findall(".//a:article", A)
    first, second = article.findall("a:paragraph", A)
    assert first.find("a:intro/a:p", A).text == "有下列情形之一的，处罚："
    assert [(p.get("eId"), p.find("a:num", A).text, p.find("a:content/a:p", A).text)
            for p in first.findall("a:point", A)] == [("art_999__para_1__point_1", "（一）", "甲；"),
                                                       ("art_999__para_1__point_2", "（二）", "乙。")]
    assert second.find("a:intro/a:p", A).text == "前款(1)不适用。"  # a number inside a line is words
    assert [(p.get("eId"), p.find("a:num", A).text, p.find("a:content/a:p", A).text)
            for p in second.findall("a:point", A)] == [("art_999__para_2__point_1", "(a)", "x;"),
                                                        ("art_999__para_2__point_2", "(b)", "y.")]
    assert "（一）" not in "".join(p.text for p in article.iter(f"{{{NS}}}p"))  # the number only in `num`


_TAIWAN = ('provision tw.criminal-code.999-1 {\n  jurisdiction tw\n  status in-force\n  instrument criminal-code\n'
           '  title zh-hant "甲" en "A"\n  source "x"\n  text zh-hant """\n{number}\n甲乙。\n丙丁。\n"""\n}\n')


@pytest.mark.parametrize("number", ["第 999-1 條", "第九百九十九條之一", "第999-1條"])
def test_an_article_number_on_a_line_of_its_own_is_the_articles_num(schema: xmlschema.XMLSchema, tmp_path: Path,
                                                                     number: str) -> None:
    """Taiwan's texts print the article's number on a line of its own (第 319-1 條), in the numbering's digits or as
    the pack cites it: it is the article's num, ended by an `eol`, not a paragraph; import puts it back on its line."""
    draft = tmp_path / "tw.lexd"
    draft.write_text(_TAIWAN.replace("{number}", number), encoding="utf-8")
    (doc,) = parse_file(str(draft)).documents
    xml = to_akn([doc], "zh", {})
    assert [e.reason for e in schema.iter_errors(xml)] == []
    (article,) = etree.fromstring(xml.encode()).findall(".//a:article", A)
    num = article.find("a:num", A)
    assert (num.text, [etree.QName(c).localname for c in num]) == (number, ["eol"])
    assert [(p.get("eId"), p.find("a:content/a:p", A).text) for p in article.findall("a:paragraph", A)] == [
        ("art_999-1__para_1", "甲乙。"), ("art_999-1__para_2", "丙丁。")]
    exported, imported = tmp_path / "tw.xml", tmp_path / "back.lexd"
    exported.write_text(xml, encoding="utf-8")
    assert main(["import", "akn", str(exported), "-o", str(imported)]) == 0
    (again,) = parse_file(str(imported)).documents
    assert again.text.zh_hant == doc.text.zh_hant
    # a line that only begins like a number is the first paragraph's words
    (other,) = parse_text(_TAIWAN.replace("{number}", "第 999-1 條之罪，不罰。"), "x.lexd").documents
    article = etree.fromstring(to_akn([other], "zh", {}).encode()).find(".//a:article", A)
    assert article.find("a:num", A) is None and len(article.findall("a:paragraph", A)) == 3


def test_the_bundled_bills_name_the_articles_in_force_they_amend(exported: dict[tuple[Path, str], Path]) -> None:
    acts = [_tree(exported[(f, "zh")]) for f in sorted(IN_FORCE.glob("*.lexd"))]
    bill = _tree(exported[(DRAFTS / "prc" / "proposed" / "366-legal-persons.lexd", "zh")])
    (destination,) = bill.findall(".//a:activeModifications/a:textualMod/a:destination", A)
    assert destination.get("href") == "/akn/cn/act/1000-01-01/criminal-law/!main#art_366"
    article = _resolve(destination.get("href"), acts)
    assert article.tag == f"{{{NS}}}article" and "第三百六十六条" in "".join(article.itertext())


def test_an_interpretation_is_a_normative_text_with_its_articles(exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(DRAFTS / "prc" / "proposed" / "dfii-interpretation.lexd", "zh")])
    (doc,) = root
    assert doc.tag == f"{{{NS}}}bill" and doc.get("name") == "judicialInterpretation"  # proposed: a bill
    assert doc.find(".//a:FRBRWork/a:FRBRsubtype", A).get("value") == "judicialInterpretation"
    assert doc.find(".//a:FRBRWork/a:FRBRuri", A).get("value").startswith("/akn/cn/bill/judicialInterpretation/")
    assert doc.find("a:preface/a:p/a:docTitle", A).text.startswith("最高人民法院关于办理")
    assert doc.find("a:preface/a:p/a:docAuthority", A) is None  # a scholars' proposal, not the court's text
    assert doc.find(".//a:FRBRWork/a:FRBRauthor", A).get("href") == "#author-not-recorded"
    assert doc.find("a:preamble/a:p", A).text.startswith("为依法惩治")
    articles = doc.findall("a:body/a:article", A)
    assert [a.get("eId") for a in articles] == ["art_1", "art_2", "art_3"]
    assert [a.find("a:num", A).text for a in articles] == ["第一条", "第二条", "第三条"]
    # a list item stays in the paragraph (款) it belongs to: para_2 would be the second paragraph, not item (一)
    first = articles[1].find("a:paragraph[1]", A)
    assert first.get("eId") == "art_2__para_1"
    assert first.find("a:intro/a:p", A).text.endswith("：")
    points = first.findall("a:point", A)
    assert [p.get("eId") for p in points][:2] == ["art_2__para_1__point_1", "art_2__para_1__point_2"]
    assert [p.find("a:num", A).text for p in points][:2] == ["（一）", "（二）"]
    assert points[0].find("a:content/a:p", A).text == "通过私密群组传播给五十人以上的；"


def _frame(status: str, fields: str) -> A_.Interpretation:
    (doc,) = parse_text(f"""interpretation prc.spc.frame {{
  jurisdiction prc
  status       {status}
  issuer       supreme-peoples-court
{fields}  title        zh "测试解释" en "Test Interpretation"
  interprets   prc.criminal-law.253-2
  preamble     zh "依法惩治测试犯罪" en "punish test crimes"
  article 1 evidence ai-synthesis by expert-opinion
}}
""", "frame.lexd").documents
    assert isinstance(doc, A_.Interpretation)
    return doc


def _frame_akn(schema: xmlschema.XMLSchema, doc: A_.Interpretation) -> etree._Element:
    provisions = {d.id: d for d in parse_file(str(DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd")).documents
                  if isinstance(d, A_.Provision)}
    xml = to_akn([doc], "zh", provisions)
    assert [e.reason for e in schema.iter_errors(xml)] == []
    return etree.fromstring(xml.encode())[0]


def test_a_proposal_to_the_court_is_not_the_courts_and_says_its_stage(schema: xmlschema.XMLSchema) -> None:
    """A scholars' proposal names the court only as the body it is proposed to: not its author, not its authority."""
    doc = _frame_akn(schema, _frame("proposed", ""))
    assert doc.find("a:preface/a:p/a:docStage", A).text == "（司法解释建议稿）"
    assert doc.find("a:preface/a:p/a:docAuthority", A) is None
    assert doc.find("a:preface/a:p[@class='proposedIssuers']", A).text == "建议制定机关：最高人民法院"
    assert [a.get("href") for a in doc.findall(".//a:FRBRWork/a:FRBRauthor", A)] == ["#author-not-recorded"]
    # the court's own draft for comment is the court's
    doc = _frame_akn(schema, _frame("proposed", "  stage        draft-for-comment\n"))
    assert doc.find("a:preface/a:p/a:docStage", A).text == "（征求意见稿）"
    assert doc.find("a:preface/a:p/a:docAuthority", A).text == "最高人民法院"
    assert [a.get("href") for a in doc.findall(".//a:FRBRWork/a:FRBRauthor", A)] == ["#supreme-peoples-court"]


def test_an_adopted_interpretation_is_dated_by_its_adoption_line(schema: xmlschema.XMLSchema) -> None:
    line = "2010年1月18日最高人民法院审判委员会第1483次会议通过"
    adopted = f'  adopted      zh "{line}" en "Adopted on January 18, 2010"\n'
    doc = _frame_akn(schema, _frame("in-force", adopted + '  commencement "2010-02-04"\n'))
    assert doc.find("a:preface/a:p[@class='adoption']", A).text == f"（{line}）"
    assert doc.find("a:preface/a:p/a:docAuthority", A).text == "最高人民法院"
    work = doc.find(".//a:FRBRWork", A)
    assert work.find("a:FRBRuri", A).get("value") == "/akn/cn/act/judicialInterpretation/2010-01-18/prc.spc.frame"
    assert (work.find("a:FRBRdate", A).get("date"), work.find("a:FRBRdate", A).get("name")) == ("2010-01-18",
                                                                                                 "adoption")
    assert doc.find(".//a:FRBRExpression/a:FRBRuri", A).get("value").endswith("/2010-01-18/prc.spc.frame/zho@")
    # a line naming two dates, and one naming none, date nothing: the commencement is not the work's date
    two = adopted.replace("会议通过", "会议、2010年1月14日最高人民检察院检察委员会第28次会议通过")
    for fields in (two, '  adopted      zh "测试用通过情况" en "x"\n'):
        doc = _frame_akn(schema, _frame("in-force", fields + '  commencement "2010-02-04"\n'))
        assert doc.find(".//a:FRBRWork/a:FRBRdate", A).get("date") == "1000-01-01"


def test_a_text_recording_its_version_is_expressed_as_at_that_date(schema: xmlschema.XMLSchema) -> None:
    (doc,) = parse_text(_PLAIN.replace("  source", '  version as-at "2024-05-23"\n  source'), "v.lexd").documents
    xml = to_akn([doc], "zh", {})
    assert schema.is_valid(xml)
    ident = etree.fromstring(xml.encode()).find(".//a:identification", A)
    assert ident.find("a:FRBRWork/a:FRBRdate", A).get("date") == "1000-01-01"  # the act's date: not recorded
    assert ident.find("a:FRBRExpression/a:FRBRuri", A).get("value") == \
        "/akn/cn/act/1000-01-01/criminal-law/zho@2024-05-23"
    date = ident.find("a:FRBRExpression/a:FRBRdate", A)
    assert (date.get("date"), date.get("name")) == ("2024-05-23", "as-at")
    assert ident.find("a:FRBRManifestation/a:FRBRthis", A).get("value").endswith("/zho@2024-05-23/!main.xml")


def test_a_file_of_several_entries_is_a_collection_with_unique_eids(exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(DRAFTS / "tw" / "in-force" / "319-3-dissemination.lexd", "zh")])
    (collection,) = root
    assert collection.tag == f"{{{NS}}}documentCollection"
    components = collection.findall("a:collectionBody/a:component", A)
    assert [c.get("eId") for c in components] == ["cmp_1", "cmp_2"]
    assert [c[0].find(".//a:FRBRWork/a:FRBRalias", A).get("value") for c in components] == [
        "tw.criminal-code.319-3.1", "tw.criminal-code.319-3.4"]
    assert {c[0].find(".//a:FRBRWork/a:FRBRuri", A).get("value") for c in components} == {
        "/akn/tw/act/1000-01-01/criminal-code"}  # two entries on one article of one act
    assert components[1].find(".//a:article", A).get("eId") == "cmp_2__art_319-3"
    assert collection.find("a:meta//a:FRBRWork/a:FRBRuri", A).get("value").endswith("/319-3-dissemination")


def test_the_schema_check_is_live(schema: xmlschema.XMLSchema, exported: dict[tuple[Path, str], Path]) -> None:
    """A duplicated eId and a paragraph outside its place are caught: the validation above can fail."""
    root = _tree(exported[(IN_FORCE / "364-disseminating-obscene.lexd", "zh")])
    paragraphs = root.findall(".//a:paragraph", A)
    paragraphs[1].set("eId", paragraphs[0].get("eId"))
    assert not schema.is_valid(etree.tostring(root).decode())
    root = _tree(exported[(IN_FORCE / "364-disseminating-obscene.lexd", "zh")])
    root[0].find("a:meta", A).append(etree.fromstring(f'<paragraph xmlns="{NS}"/>'))
    assert not schema.is_valid(etree.tostring(root).decode())


_PLAIN = ('provision prc.criminal-law.999 {\n  jurisdiction prc\n  status in-force\n  instrument criminal-law\n'
          '  title zh "甲乙<&>" en "AB"\n  source "x]]>y"\n  text zh """\n第九百九十九条　甲乙</p>&amp;。\n"""\n}\n')


def _hostile() -> list[A_.Document]:
    """A provision whose title and text hold control characters: drafts may not (E005), but the writers take
    documents from any producer and must still write XML."""
    (doc,) = parse_text(_PLAIN, "hostile.lexd").documents
    assert isinstance(doc, A_.Provision) and doc.title is not None and doc.text is not None
    return [dataclasses.replace(doc, title=dataclasses.replace(doc.title, zh="甲\x07乙<&>", en="A\x0bB"),
                                text=dataclasses.replace(doc.text, zh="第九百九十九条　甲\x01乙</p>&amp;。"))]


def test_hostile_text_stays_text_in_valid_xml(schema: xmlschema.XMLSchema) -> None:
    xml = to_akn(_hostile(), "zh", {})
    assert schema.is_valid(xml)
    root = etree.fromstring(xml.encode())
    assert root.find(".//a:docTitle", A).text == "甲␇乙<&>"
    assert root.find(".//a:article/a:num", A).text == "第九百九十九条"
    assert root.find(".//a:article/a:paragraph/a:content/a:p", A).text == "甲␁乙</p>&amp;。"
    assert root.find(".//a:note[@class='source']/a:p", A).text == "x]]>y"
    assert to_akn(_hostile(), "zh", {}) == xml  # the same every run


def test_english_that_the_draft_lacks_is_refused_not_replaced(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "999.lexd"
    draft.write_text(_PLAIN, encoding="utf-8")
    assert main(["render", str(draft), "--lang", "en", "--format", "akn", "-o", str(tmp_path / "out.xml")]) == 2
    err = capsys.readouterr().err
    assert f"{draft}:1:11: error[E405]: the text of prc.criminal-law.999 has no English" in err
    assert "--lang zh" in err
    assert not (tmp_path / "out.xml").exists()


def test_a_summary_of_a_provision_in_force_is_not_exported_as_its_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = (IN_FORCE / "364-disseminating-obscene.lexd").read_text(encoding="utf-8")
    draft = tmp_path / "364.lexd"
    draft.write_text(source[:source.index("  translation")] + "}\n", encoding="utf-8")  # the elements, no text
    assert main(["render", str(draft), "--format", "akn", "-o", str(tmp_path / "out.xml")]) == 2
    err = capsys.readouterr().err
    assert "error[E405]: prc.criminal-law.364.1 is in force but its draft quotes no text" in err
    assert main(["render", str(draft), "--format", "docx", "-o", str(tmp_path / "out.docx")]) == 0  # Word shows it


# ------------------------------------------------------------------ import

FOREIGN = Path(__file__).resolve().parent / "akn"


@pytest.mark.parametrize("source", sorted({f for f, _ in CASES if "in-force" in f.parts
                                           and f.relative_to(DRAFTS).parts[0] in CHINESE}), ids=lambda p: p.name)
def test_lexdrafts_own_akn_imports_back_to_drafts_that_parse_and_render_the_same_text(
        exported: dict[tuple[Path, str], Path], source: Path, tmp_path: Path) -> None:
    """Both expressions of an act (Chinese, English) give drafts that parse as they are, with the same ids, titles
    and statute text, paragraph for paragraph, as the drafts the act was written from."""
    imported = tmp_path / source.name
    assert main(["import", "akn", str(exported[(source, "zh")]), str(exported[(source, "en")]),
                 "-o", str(imported)]) == 0
    assert main(["parse", str(imported)]) == 0
    again, (original,) = parse_file(str(imported)), resolve_texts([parse_file(str(source))])
    assert [d.id for d in again.documents] == [d.id for d in original.documents]
    for new, old in zip(again.documents, original.documents, strict=True):
        assert (new.jurisdiction, new.status, new.title) == (old.jurisdiction, old.status, old.title)
        for lang in ("zh", "en"):
            assert page_of(new, lang, {}).lines == page_of(old, lang, {}).lines
    text = imported.read_text(encoding="utf-8")
    assert "# - the elements (protects, mental, conduct" in text  # what is left to encode is said, not invented
    assert "/zho@/!main#" in text and "/eng@/!main#" in text  # the sources name the AKN it came from


def test_an_act_written_elsewhere_becomes_skeletons_with_its_words(tmp_path: Path) -> None:
    out = tmp_path / "za.lexd"
    assert main(["import", "akn", str(FOREIGN / "bluebell-attribs.xml"), "-o", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    draft = parse_text(text, str(out))  # the skeletons are lexdraft syntax as printed
    assert [d.id for d in draft.documents] == [f"za.act-2009-10.{n}" for n in (1, 2, 3, 4)]
    first, second, third = draft.documents[:3]
    assert first.title.en == "Simple" and first.text.en == "1 just class\nclass and attribs"
    assert second.text.en == "2 Cell with attribs\nHeading with attribs"  # a table's cells, in order
    assert third.text.en == "3 An intro\n1 an item\n2 Simple item"  # a numbered list, numbers kept
    assert first.status.name == "in-force" and first.sources == ("/akn/za/act/2009/10/eng#sec_1",)
    assert first.jurisdiction.name == "za"  # FRBRcountry za is the bundled South Africa pack's akn-country
    assert "# - jurisdiction:" not in text
    assert "# - title:" not in text and "# - translation:" not in text  # an English statute: its own title and text


def test_the_text_of_a_real_act_is_read_verbatim_and_its_language_refused_with_its_place(
        capsys: pytest.CaptureFixture[str]) -> None:
    from lexdraft.language.akn import _lines

    path = FOREIGN / "normattiva-dlgs-2005-82-arts-1-3.xml"
    root = etree.parse(str(path)).getroot()
    art3 = root.find(".//a:article[@eId='art_3']", A)
    lines = list(_lines(art3))
    assert lines[0] == ("1. Chiunque ha il diritto di usare ((, in modo accessibile ed efficace,)) le soluzioni e gli "
                        "strumenti di cui al presente Codice nei rapporti con i soggetti di cui all'articolo 2, comma "
                        "2, anche ai fini ((dell'esercizio dei diritti di accesso e)) della partecipazione al "
                        "procedimento amministrativo, fermi restando i diritti delle minoranze linguistiche "
                        "riconosciute.")
    assert lines[1] == "1-bis. COMMA ABROGATO DAL D.LGS. 30 DICEMBRE 2010, N. 235."
    art1 = list(_lines(root.find(".//a:article[@eId='art_1']", A)))
    assert art1[0].startswith("1. Ai fini del presente codice si intende per: 0a) AgID:")
    assert art1[1] == "a) LETTERA SOPPRESSA DAL D.LGS. 26 AGOSTO 2016, N. 179;"  # a point, its letter first
    assert main(["import", "akn", str(path)]) == 2
    err = capsys.readouterr().err
    line = next(i for i, t in enumerate(path.read_text(encoding="utf-8").split("\n"), 1) if "<FRBRlanguage" in t)
    assert f"{path}:{line}:" in err
    assert "error[E602]: the act is in ita; lexdraft's text blocks hold Chinese (zh, zh-hant) and English (en)" in err


_XXE = """<?xml version="1.0"?>
<!DOCTYPE akomaNtoso [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"><act name="act"><body>
<article eId="art_1"><paragraph eId="art_1__para_1"><content><p>&secret;</p></content></paragraph></article>
</body></act></akomaNtoso>
"""
_LAUGHS = ("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n <!ENTITY lol \"lol\">\n"
           + "".join(f" <!ENTITY lol{i} \"{('&lol' + str(i - 1) + ';') * 10 if i > 1 else '&lol;' * 10}\">\n"
                     for i in range(1, 10))
           + "]>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act name=\"act\"><body>"
           + "<article eId=\"art_1\"><paragraph eId=\"art_1__para_1\"><content><p>&lol9;</p></content></paragraph>"
           + "</article></body></act></akomaNtoso>\n")


@pytest.mark.parametrize("xml", [_XXE, _LAUGHS], ids=["external-entity", "billion-laughs"])
def test_entities_are_never_read(tmp_path: Path, capsys: pytest.CaptureFixture[str], xml: str) -> None:
    path = tmp_path / "hostile.xml"
    path.write_text(xml, encoding="utf-8")
    out = tmp_path / "out.lexd"
    assert main(["import", "akn", str(path), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert f"{path}:2:1: error[E601]: {path} declares a DTD (<!DOCTYPE …>); entities are not read" in err
    assert "   2 | <!DOCTYPE" in err and "^^^^^^^^^" in err
    assert "root:" not in err and not out.exists()


@pytest.mark.parametrize(("xml", "message", "where"), [
    ("<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"><act>\n<body></act>",
     "is not well-formed XML: Opening and ending tag mismatch", ":2:"),
    ("<html><body/></html>", "is not Akoma Ntoso 3.0: its root is <html> in no namespace", ":1:1:"),
    (f'<akomaNtoso xmlns="{NS}">\n  <bill name="bill"/>\n</akomaNtoso>', "holds a <bill>, not an <act>", ":2:3:"),
    ((f'<akomaNtoso xmlns="{NS}"><act name="act"><meta><identification source="#x"><FRBRExpression>'
     '<FRBRlanguage language="eng"/></FRBRExpression></identification></meta><body><article eId="art_1">'
     '<content><p>a """ b</p></content></article></body></act></akomaNtoso>'),
     "article art_1 holds `\"\"\"`, which a lexdraft text block cannot hold", ":1:"),
    ((f'<akomaNtoso xmlns="{NS}"><act name="act"><meta><identification source="#x"><FRBRExpression>'
     '<FRBRlanguage language="eng"/></FRBRExpression></identification></meta><body/></act></akomaNtoso>'),
     "has no article or section to import", ":1:"),
    *(((f'<akomaNtoso xmlns="{NS}"><act name="act"><meta><identification source="#x"><FRBRExpression>'
        f'<FRBRlanguage language="eng"/></FRBRExpression></identification></meta><body><article eId="{eid}">'
        f'<content><p>{words}</p></content></article></body></act></akomaNtoso>'), message, ":1:")
      for eid, words, message in [
          # what XML takes as a character reference, a draft may not hold (E005, E006): the output would act on a
          # terminal or a CI log
          ("art_1", "a &#x202e;b", "\\u202e in article art_1: a draft cannot hold it"),
          ("art_1", "a &#x9b;31m b", "\\x9b in article art_1: a draft cannot hold it"),
          ("art_1", "a</p><p>  ::error file=a.lexd::forged", "a line of article art_1 starts with `::`"),
          # an identifier the draft quotes in its `source "…"`
          ("art_1&quot;x", "a", "the eId `art_1\"x` cannot stand in a draft's quoted source"),
          ("art_1&#10;::error::x", "a", "the eId `art_1\\x0a::error::x` cannot stand in a draft's quoted source")]),
], ids=["malformed", "not-akn", "a-bill", "triple-quotes", "no-article", "bidi-override", "c1-control",
        "workflow-command", "quote-in-an-id", "newline-in-an-id"])
def test_what_cannot_be_imported_is_said_with_its_place(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        xml: str, message: str, where: str) -> None:
    path = tmp_path / "bad.xml"
    path.write_text(xml, encoding="utf-8")
    assert main(["import", "akn", str(path)]) == 2
    err = capsys.readouterr().err
    assert message in err and f"{path}{where}" in err and "= hint:" in err


def test_a_statute_without_the_language_is_refused_its_expression(tmp_path: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    french = DRAFTS / "fr" / "in-force" / "226-8-1-sexual-montage.lexd"
    assert main(["render", str(french), "--lang", "zh", "--format", "akn", "-o", str(tmp_path / "x.xml")]) == 2
    err = capsys.readouterr().err
    assert "error[E405]: the text of fr.code-penal.226-8-1.1 has no translation into 'zh'" in err
    assert main(["render", str(french), "--lang", "en", "--format", "akn", "-o", str(tmp_path / "en.xml")]) == 0
    tree = _tree(tmp_path / "en.xml")
    assert tree.find(".//a:FRBRExpression/a:FRBRauthoritative", A).get("value") == "false"  # a working gloss
    assert "Bringing to the knowledge of the public" in etree.tostring(tree, encoding="unicode")


def test_a_title_holding_a_quotation_mark_is_left_to_the_drafter(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """A draft's title is one quoted text: a heading that quotes (Section 5 "Intimate image") cannot be one, so the
    import leaves the title to the drafter, as it does a title it has not; the skeleton it prints is laid out by
    lexdraft's formatter, which reads it (a heading quoted as the title stopped the import at a syntax error)."""
    path = tmp_path / "act.xml"
    path.write_text(f'<akomaNtoso xmlns="{NS}"><act name="act"><meta><identification source="#x"><FRBRExpression>'
                    '<FRBRlanguage language="eng"/></FRBRExpression></identification></meta><body><article eId="art_1">'
                    '<heading>The "intimate image" offence</heading><content><p>Whoever shares it.</p></content>'
                    '</article></body></act></akomaNtoso>', encoding="utf-8")
    assert main(["import", "akn", str(path), "-o", str(tmp_path / "act.lexd")]) == 0, capsys.readouterr().err
    draft = (tmp_path / "act.lexd").read_text(encoding="utf-8")
    todo = next(line for line in draft.split("\n") if line.startswith("# - title: "))
    assert "the English (`en`) name" in todo and "intimate image" not in draft


_SECTION = ('provision nz.fvpca.990 {{\n  jurisdiction nz\n  status in-force\n  instrument fvpca\n'
            '  title en "A"\n  source "x"\n  text en """\n{text}\n"""\n}}\n')


def test_a_common_law_section_is_marked_up_in_its_own_vocabulary(schema: xmlschema.XMLSchema) -> None:
    """(1) a subsection, (a) its paragraph, (i) a subparagraph (but (i) after (h) a paragraph), (aa) a clause; words
    between parts an hcontainer, after the last a wrapUp; the section's number and heading as printed. They were
    points of one paragraph, (2) and (i) among them."""
    lines = ["990. Offences involving material — (1) A person commits an offence who—",
             "(a) does one thing;", "(b) does another,", "is liable—", "(i) on conviction, to a fine; or",
             "(ii) on indictment, to imprisonment.",
             "(1A) Subsection (1) is subject to subsection (2).",
             "(2) In this section,—", "(h) eighth;", "(i) ninth, meaning—", "(i) the first; or",
             "(aa) a clause of it;", "(ii) the second.", "as the case may be.", "(3) Nothing in (a) above.",
             "(3) Printed twice.", "[an editor's note]"]
    text = "\n".join(lines)
    (doc,) = parse_text(_SECTION.format(text=text), "s.lexd").documents
    xml = to_akn([doc], "en", {})
    assert [e.reason for e in schema.iter_errors(xml)] == []
    (section,) = etree.fromstring(xml.encode()).findall(".//a:section", A)
    assert (section.get("eId"), section.find("a:num", A).text, section.find("a:heading", A).text) == \
        ("sec_990", "990.", "Offences involving material")
    parts = [(etree.QName(e).localname, e.get("eId"), e.find("a:num", A).text if e.find("a:num", A) is not None
              else None) for e in section.iter() if e.get("eId")]
    assert parts == [
        ("section", "sec_990", "990."),
        ("subsection", "sec_990__subsec_1", "(1)"),
        ("paragraph", "sec_990__subsec_1__para_a", "(a)"), ("paragraph", "sec_990__subsec_1__para_b", "(b)"),
        ("hcontainer", "sec_990__subsec_1__hcontainer_1", None),
        ("subparagraph", "sec_990__subsec_1__subpara_i", "(i)"),
        ("subparagraph", "sec_990__subsec_1__subpara_ii", "(ii)"),
        ("subsection", "sec_990__subsec_1A", "(1A)"),
        ("subsection", "sec_990__subsec_2", "(2)"),
        ("paragraph", "sec_990__subsec_2__para_h", "(h)"), ("paragraph", "sec_990__subsec_2__para_i", "(i)"),
        ("subparagraph", "sec_990__subsec_2__para_i__subpara_i", "(i)"),
        ("clause", "sec_990__subsec_2__para_i__subpara_i__clause_aa", "(aa)"),
        ("subparagraph", "sec_990__subsec_2__para_i__subpara_ii", "(ii)"),
        ("subsection", "sec_990__subsec_3", "(3)"), ("subsection", "sec_990__subsec_3-2", "(3)")]
    first = section.find("a:subsection", A)
    assert first.find("a:intro/a:p", A).text == "A person commits an offence who—"
    assert first.find("a:hcontainer/a:content/a:p", A).text == "is liable—"
    assert section.find("a:subsection[@eId='sec_990__subsec_2']/a:wrapUp/a:p", A).text == "as the case may be."
    assert section.find("a:subsection[@eId='sec_990__subsec_3']/a:content/a:p", A).text == "Nothing in (a) above."
    # a line without a number after a subsection's own words is more of its words
    assert [p.text for p in section.findall("a:subsection[@eId='sec_990__subsec_3-2']/a:content/a:p", A)] == [
        "Printed twice.", "[an editor's note]"]
    # a heading on the number's line before the first subsection, or on a line of its own; never a lead-in
    for text, heading, first in (
            ("15. Punishment for storage.\n(1) A person.", "Punishment for storage.", "subsection"),
            ("124 Offences involving knowledge\nEvery person.", "Offences involving knowledge", "content"),
            ("24B. Any person who—\n(a) does it.", None, "intro")):
        (doc,) = parse_text(_SECTION.format(text=text).replace("990", text.split(".")[0].split()[0].lower()),
                            "h.lexd").documents
        section = etree.fromstring(to_akn([doc], "en", {}).encode()).find(".//a:section", A)
        found = section.find("a:heading", A)
        assert (found.text if found is not None else None, etree.QName(section[1 if found is None else 2]).localname) \
            == (heading, first), text
    # PRC articles keep their paragraphs (款) and items (项)
    (article,) = etree.fromstring(to_akn(parse_text(_PLAIN, "a.lexd").documents, "zh", {}).encode()).findall(
        ".//a:article", A)
    assert article.get("eId") == "art_999"


def test_a_common_law_amendment_names_the_subsection_it_replaces(schema: xmlschema.XMLSchema) -> None:
    proposal = ('provision nz.fvpca.24.2 {\n  jurisdiction nz\n  status proposed\n'
                '  instrument amendment to "Films, Videos, and Publications Classification Act 1993" replacing '
                'article 24 paragraph 2\n  title en "A"\n  source "x"\n'
                '  text en "(2) A person commits an offence."\n}\n')
    (doc,) = parse_text(proposal, "p.lexd").documents
    xml = to_akn([doc], "en", {})
    assert [e.reason for e in schema.iter_errors(xml)] == []
    root = etree.fromstring(xml.encode())
    (destination,) = root.findall(".//a:textualMod/a:destination", A)
    assert destination.get("href").endswith("/!main#sec_24__subsec_2")
    (quoted,) = root.findall(".//a:quotedStructure", A)
    assert [(e.get("eId"), e.find("a:num", A).text) for e in quoted.findall("a:subsection", A)] == [
        ("para_1__mod_1__qstr_1__sec_24__subsec_2", "(2)")]


def _event(doc: etree._Element) -> tuple[str, str, str, str]:
    """A document's one lifecycle event: its date, type, and the eIds its source and refersTo name, which must be
    elements of its references."""
    (event,) = doc.findall("a:meta/a:lifecycle/a:eventRef", A)
    refs = {e.get("eId"): e for e in doc.findall("a:meta/a:references/*", A)}
    source, refers = event.get("source")[1:], event.get("refersTo")[1:]
    assert source in refs and refers in refs and etree.QName(refs[refers]).localname == "TLCEvent"
    return event.get("date"), event.get("type"), etree.QName(refs[source]).localname, refers


def test_a_commencement_is_an_event_of_the_documents_life(schema: xmlschema.XMLSchema) -> None:
    """An interpretation's commencement "2010-02-04" is its lifecycle's generation event on that day; on publication,
    whose day the file does not state, the event is dated as lexdraft dates what a draft does not record (undated in
    force, a draft's 9999-01-01) and refers to a commencement said to be undated. No commencement, no event."""
    adopted = '  adopted      zh "2010年1月18日最高人民法院审判委员会第1483次会议通过" en "x"\n'
    doc = _frame_akn(schema, _frame("in-force", adopted + '  commencement "2010-02-04"\n'))
    assert _event(doc) == ("2010-02-04", "generation", "original", "commencement")
    assert doc.find("a:meta/a:references/a:original", A).get("href") == \
        "/akn/cn/act/judicialInterpretation/2010-01-18/prc.spc.frame/zho@"
    doc = _frame_akn(schema, _frame("in-force", adopted + "  commencement on-publication\n"))
    assert _event(doc) == ("1000-01-01", "generation", "original", "commencement-undated")
    doc = _frame_akn(schema, _frame("proposed", "  commencement on-publication\n"))
    assert _event(doc) == ("9999-01-01", "generation", "original", "commencement-undated")
    assert _frame_akn(schema, _frame("proposed", "")).find("a:meta/a:lifecycle", A) is None


def test_a_bills_commencement_dates_it_and_the_act_it_amends(schema: xmlschema.XMLSchema, tmp_path: Path) -> None:
    """A bill whose commencement names its day commences on it, and the text as amended records the amendment on
    that day from the bill (its passiveRef); one commencing on promulgation is undated, a draft's 9999-01-01."""
    source = (DRAFTS / "prc" / "proposed" / "criminal-law-amendment.lexd").read_text(encoding="utf-8")
    dated = source.replace("本修正案自公布之日起施行。", "本修正案自2027年1月1日起施行。")
    assert dated != source
    for text, date, event in ((source, "9999-01-01", "commencement-undated"), (dated, "2027-01-01", "commencement")):
        draft = tmp_path / "bill.lexd"
        draft.write_text(text, encoding="utf-8")
        for option, kind, origin in (("--format", "generation", "original"), ("--as-amended", "amendment",
                                                                              "passiveRef")):
            out = tmp_path / "out.xml"
            assert main(["render", str(draft), *PROPOSED_CONTEXT, "--lang", "zh", option, "akn", "-o",
                         str(out)]) == 0
            assert [e.reason for e in schema.iter_errors(str(out))] == []
            doc = next(d for d in _tree(out).iter(f"{{{NS}}}bill", f"{{{NS}}}act")
                       if d.find("a:meta/a:lifecycle", A) is not None)
            assert _event(doc) == (date, kind, origin, event)


PROPOSED_CONTEXT = [arg for path in sorted((DRAFTS / "prc" / "proposed").glob("*.lexd"))
                    if path.name != "criminal-law-amendment.lexd" for arg in ("--with", str(path))] + \
    ["--with", str(IN_FORCE)]
