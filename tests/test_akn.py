"""Akoma Ntoso: `render --format akn` valid against the official OASIS schema and right in structure, and
`import akn` turning acts lexdraft did not write into drafts that parse."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import xmlschema
from lxml import etree

from lexdraft.cli import main
from lexdraft.language.parse import parse_text
from lexdraft.outputs.akn import NS, to_akn

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
IN_FORCE = DRAFTS / "prc" / "in-force"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "akn" / "akomantoso30.xsd"
FILES = sorted(DRAFTS.glob("**/*.lexd"))
CASES = [(f, lang) for f in FILES for lang in ("zh", "en")]
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


_WORK = re.compile(r"^/akn/(cn|tw)/(act|bill|documentCollection)(/judicialInterpretation)?/\d{4}-\d{2}-\d{2}/[^/@!]+$")


@pytest.mark.parametrize("case", CASES, ids=_id)
def test_frbr_identity_follows_the_naming_convention(exported: dict[tuple[Path, str], Path],
                                                     case: tuple[Path, str]) -> None:
    source, lang = case
    root = _tree(exported[case])
    country = {"prc": "cn", "tw": "tw"}[source.parts[-3]]
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
        assert expression == f"{work}/{language}@"
        assert ident.find("a:FRBRExpression/a:FRBRthis", A).get("value") == expression + "/!main"
        assert ident.find("a:FRBRExpression/a:FRBRlanguage", A).get("language") == language
        assert ident.find("a:FRBRManifestation/a:FRBRthis", A).get("value") == expression + "/!main.xml"
        assert ident.find("a:FRBRManifestation/a:FRBRuri", A).get("value") == expression + ".akn"
        # no date is invented: the drafts record none, and every FRBRdate says so
        assert {d.get("name") for d in ident.iter(f"{{{NS}}}FRBRdate")} == {"undated"}
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
    assert paragraphs[1].find("a:content/a:p", A).text == "经被描绘者本人同意，为艺术创作而实施前款行为的，不以犯罪论处。"
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
    assert texts[0].startswith("第三百六十四条 传播淫秽的书刊") and texts[3] == "向不满十八周岁的未成年人传播淫秽物品的，从重处罚。"
    assert act.find("a:meta/a:identification/a:FRBRExpression/a:FRBRauthoritative", A).get("value") == "true"
    root = _tree(exported[(IN_FORCE / "364-disseminating-obscene.lexd", "en")])
    assert root.find(".//a:FRBRExpression/a:FRBRauthoritative", A).get("value") == "false"  # a working gloss


def test_an_interpretation_is_a_normative_text_with_its_articles(exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(DRAFTS / "prc" / "proposed" / "dfii-interpretation.lexd", "zh")])
    (doc,) = root
    assert doc.tag == f"{{{NS}}}bill" and doc.get("name") == "judicialInterpretation"  # proposed: a bill
    assert doc.find(".//a:FRBRWork/a:FRBRsubtype", A).get("value") == "judicialInterpretation"
    assert doc.find(".//a:FRBRWork/a:FRBRuri", A).get("value").startswith("/akn/cn/bill/judicialInterpretation/")
    assert doc.find("a:preface/a:p/a:docTitle", A).text.startswith("最高人民法院关于办理")
    assert doc.find("a:preface/a:p/a:docAuthority", A).text == "最高人民法院"
    assert doc.find(".//a:FRBRWork/a:FRBRauthor", A).get("href") == "#supreme-peoples-court"
    assert doc.find("a:preamble/a:p", A).text.startswith("为依法惩治")
    articles = doc.findall("a:body/a:article", A)
    assert [a.get("eId") for a in articles] == ["art_1", "art_2", "art_3"]
    assert [a.find("a:num", A).text for a in articles] == ["第一条", "第二条", "第三条"]
    assert articles[1].find("a:paragraph[2]/a:content/a:p", A).text == "（一）通过私密群组传播给五十人以上的；"


def test_a_file_of_several_entries_is_a_collection_with_unique_eids(exported: dict[tuple[Path, str], Path]) -> None:
    root = _tree(exported[(DRAFTS / "tw" / "in-force" / "319-3-dissemination.lexd", "zh")])
    (collection,) = root
    assert collection.tag == f"{{{NS}}}documentCollection"
    components = collection.findall("a:collectionBody/a:component", A)
    assert [c.get("eId") for c in components] == ["cmp_1", "cmp_2"]
    assert [c[0].find(".//a:FRBRWork/a:FRBRname", A).get("value") for c in components] == [
        "tw.criminal-code.319-3.1", "tw.criminal-code.319-3.4"]
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


_HOSTILE = ('provision prc.criminal-law.999 {\n  jurisdiction prc\n  status in-force\n  instrument criminal-law\n'
            '  title zh "甲\x07乙<&>" en "A\x0bB"\n  source "x]]>y"\n  text zh """\n第九百九十九条　甲\x01乙</p>&amp;。\n"""\n}\n')


def test_hostile_text_stays_text_in_valid_xml(schema: xmlschema.XMLSchema) -> None:
    xml = to_akn(parse_text(_HOSTILE, "hostile.lexd").documents, "zh", {})
    assert schema.is_valid(xml)
    root = etree.fromstring(xml.encode())
    assert root.find(".//a:docTitle", A).text == "甲␇乙<&>"
    assert root.find(".//a:article/a:paragraph/a:content/a:p", A).text == "第九百九十九条　甲␁乙</p>&amp;。"
    assert to_akn(parse_text(_HOSTILE, "hostile.lexd").documents, "zh", {}) == xml  # the same every run


def test_english_that_the_draft_lacks_is_refused_not_replaced(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "999.lexd"
    draft.write_text(_HOSTILE, encoding="utf-8")
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
