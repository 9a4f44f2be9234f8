"""Amendment operations: insert an article, replace an article's or a paragraph's text, add a paragraph; parsed,
printed back, checked against the text in force (E230) and rendered in the NPC's amendment forms."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import Diagnostic
from lexdraft.language import ast as A
from lexdraft.language.amendments import follows, paragraph_count
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.pipeline import load
from lexdraft.wording.render import provisions_of, render

REPO = Path(__file__).resolve().parents[1]
IN_FORCE = REPO / "drafts" / "prc" / "in-force"

HEAD = """provision {id} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" {operation}
  title        zh "非法利用信息网络罪" en "Illegal use of an information network"
  source       "drafters"
  implements   uncc.16
  text         zh "{zh}" en "{en}"
}}
"""


def _draft(ident: str, operation: str, zh: str = "新的条文。", en: str = "New text.") -> A.DraftFile:
    return parse_text(HEAD.format(id=ident, operation=operation, zh=zh, en=en), "amend.lexd")


def _with_in_force(draft: A.DraftFile) -> list[Diagnostic]:
    in_force = [parse_text(p.read_text(encoding="utf-8"), str(p)) for p in sorted(IN_FORCE.glob("*.lexd"))]
    return [d for d in lint([*in_force, draft]) if d.code == "E230"]


@pytest.mark.parametrize(("operation", "fields"), [
    ("inserting article 287-3 after 287-2", {"inserts": "287-3", "after": "287-2"}),
    ("replacing article 287-1", {"replaces": "287-1"}),
    ("replacing article 287-1 paragraph 2", {"replaces": "287-1", "paragraph": 2}),
    ("adding paragraph 4 to article 287-1", {"adds_to": "287-1", "paragraph": 4}),
])
def test_each_operation_parses_and_prints_back(operation: str, fields: dict[str, object]) -> None:
    draft = _draft("prc.amendment.287-1", operation)
    ins = draft.documents[0].instrument
    assert ins is not None and ins.target == "中华人民共和国刑法"
    for name, value in fields.items():
        assert getattr(ins, name) == value
    assert parse_text(format_draft(draft), "again.lexd") == draft
    assert f"instrument   amendment to \"中华人民共和国刑法\" {operation}\n" in format_draft(draft)


def test_operations_that_fit_the_text_in_force_pass() -> None:
    for ident, operation in [("prc.criminal-law.287-3", "inserting article 287-3 after 287-2"),
                             ("prc.amendment.287-1", "replacing article 287-1"),
                             ("prc.amendment.287-1.3", "replacing article 287-1 paragraph 3"),
                             ("prc.amendment.287-1.4", "adding paragraph 4 to article 287-1"),
                             ("prc.amendment.287-1.2", "adding paragraph 2 to article 287-1"),  # in the middle
                             ("prc.criminal-law.364-2", "inserting article 364-2 after 364-1")]:
        assert _with_in_force(_draft(ident, operation)) == [], operation


@pytest.mark.parametrize(("ident", "operation", "message"), [
    ("prc.criminal-law.287-3", "inserting article 287-3 after 287-1", "article 287-3 does not follow article 287-1"),
    ("prc.criminal-law.287-2", "inserting article 287-2 after 287-1",
     "article 287-2 is already in force (`prc.criminal-law.287-2`)"),
    ("prc.amendment.287-1.4", "replacing article 287-1 paragraph 4",
     "article 287-1 has 3 paragraphs in force (`prc.criminal-law.287-1`): there is no paragraph 4 to replace"),
    ("prc.amendment.287-1.6", "adding paragraph 6 to article 287-1",
     "article 287-1 has 3 paragraphs in force (`prc.criminal-law.287-1`): the paragraph added is paragraph 4, not 6"),
    # 237's entry in force is its paragraph 3 and quotes the whole article: three paragraphs, items not counted
    ("prc.amendment.237.4", "replacing article 237 paragraph 4",
     "article 237 has 3 paragraphs in force (`prc.criminal-law.237.3`): there is no paragraph 4 to replace"),
])
def test_operations_that_do_not_fit_are_located_errors(ident: str, operation: str, message: str) -> None:
    found = _with_in_force(_draft(ident, operation))
    assert [d.message for d in found] == [message]
    span = found[0].span
    assert span is not None and (span.file, span.line, span.column) == ("amend.lexd", 4, 3)
    assert found[0].hints


def test_two_changes_of_one_paragraph_and_an_act_the_pack_does_not_name() -> None:
    text = (HEAD.format(id="prc.amendment.287-1.3", operation="replacing article 287-1 paragraph 3", zh="甲", en="A")
            + HEAD.format(id="prc.amendment-13.287-1", operation="replacing article 287-1", zh="乙", en="B")
            + HEAD.format(id="prc.amendment.364", operation="replacing article 364", zh="丙", en="C")
            .replace("中华人民共和国刑法", "刑法典"))
    found = [d for d in lint([parse_text(text, "two.lexd")]) if d.code == "E230"]
    assert [d.message for d in found] == [
        "article 287-1 is changed twice: `prc.amendment.287-1.3` changes it too",
        "the pack of prc names no act “刑法典”"]


def test_no_text_in_force_in_the_set_means_nothing_to_check_against() -> None:
    assert [d for d in lint([_draft("prc.amendment.287-1.6", "adding paragraph 6 to article 287-1")])
            if d.code == "E230"] == []


def test_paragraphs_are_counted_without_items_or_a_bare_heading() -> None:
    assert paragraph_count(A.Text(zh="第一条 甲：\n（一）乙；\n（二）丙。\n丁。")) == 2
    assert paragraph_count(A.Text(zh_hant="第 39 條\n甲。\n乙。\n丙。")) == 3
    assert paragraph_count(A.Text(zh_hant="第 319-1 條\n甲。\n乙。")) == 2  # an inserted article's heading
    assert paragraph_count(A.Text(en="¶1 A.\n¶2 B.\n¶3 C.")) == 3
    assert paragraph_count(A.Text(en="A.")) is None


def test_the_article_inserted_follows_the_one_before_it() -> None:
    assert follows("253-2", "253-1") and follows("364-1", "364") and follows("287-1-1", "287-1")
    assert follows("31", "30") and follows("22a", "22")
    assert not follows("253-3", "253-1") and not follows("366", "364") and not follows("364-2", "364")


@pytest.mark.parametrize(("operation", "zh", "en"), [
    ("replacing article 287-1", "将刑法第二百八十七条之一修改为：",
     "Article 287A of the Criminal Law is amended to read:"),
    ("replacing article 287-1 paragraph 2", "将刑法第二百八十七条之一第二款修改为：",
     "Paragraph 2 of Article 287A of the Criminal Law is amended to read:"),
    ("adding paragraph 4 to article 287-1", "在刑法第二百八十七条之一中增加一款作为第四款：",
     "The following paragraph is added to Article 287A of the Criminal Law as paragraph 4:"),
])
def test_each_operation_renders_in_the_npc_form(operation: str, zh: str, en: str) -> None:
    doc = _draft("prc.amendment.287-1", operation, zh="新的条文。", en="New text.").documents[0]
    for lang, instruction, quoted in (("zh", zh, "“新的条文。”"), ("en", en, "“New text.”")):
        lines = render(doc, lang, {}).splitlines()
        at = lines.index(instruction)
        assert lines[at + 1] == quoted  # no article number repeated inside the quotation
    assert render(doc, "zh", {}).splitlines()[1].startswith("《中华人民共和国刑法》第二百八十七条之一")


def test_the_bundled_insertions_quote_the_article_without_its_number() -> None:
    provisions = provisions_of(load([str(REPO / "drafts" / "prc")]).documents)
    zh = render(provisions["prc.criminal-law.364-1"], "zh", provisions).splitlines()
    at = zh.index("在刑法第三百六十四条后增加一条，作为第三百六十四条之一：")
    assert zh[at + 1].startswith("“明知是") and "第三百六十四条之一　" not in "\n".join(zh)


def test_law_in_force_is_never_called_a_draft() -> None:
    documents = load([str(REPO / "drafts")]).documents
    provisions = provisions_of(documents)
    for doc in documents:
        if doc.status is not None and doc.status.name == "in-force" and not isinstance(doc, A.Interpretation):
            for lang in ("zh", "en"):
                # lexdraft's own words: the sources are cited as they are (one names the 2022 draft of a regulation)
                text = "\n".join(line for line in render(doc, lang, provisions).splitlines()
                                  if not line.startswith(("Sources: ", "资料来源：", "資料來源：")))
                assert "草案" not in text and " draft" not in text, doc.id


def test_an_instrument_names_its_own_act_without_the_pack_s_qualifier() -> None:
    """A pack's English names its acts for readers of several States (… Act (Taiwan)); the jurisdiction's own
    instrument names the act as its law does, as the draft's own title does: a drafting office would strike the
    bracket from its amendment's instruction."""
    text = HEAD.replace("jurisdiction prc", "jurisdiction tw").replace("中华人民共和国刑法", "兒童及少年性剝削防制條例")
    doc = parse_text(text.format(id="tw.amendment.36", operation="replacing article 36", zh="新的條文。",
                                 en="New text.").replace('text         zh "', 'text         zh-hant "'),
                     "amend.lexd").documents[0]
    lines = render(doc, "en", {}).splitlines()
    assert "Article 36 of the Child and Youth Sexual Exploitation Prevention Act is amended to read:" in lines, lines


def test_a_paragraph_added_in_the_middle_renumbers_those_after_it(tmp_path: Path) -> None:
    """增加一款作为第二款: the NPC's form for a paragraph put between two in force. The comparison table and the text
    as amended set it second, the paragraphs in force from the second on one down; the instruction names it so."""
    from lexdraft.wording.comparison import comparison_table
    from lexdraft.wording.consolidated import consolidated_page

    draft = _draft("prc.amendment.287-1.2", "adding paragraph 2 to article 287-1", zh="新增的一款。", en="New.")
    context = [d for p in sorted(IN_FORCE.glob("*.lexd")) for d in parse_text(p.read_text(encoding="utf-8"),
                                                                                str(p)).documents]
    table = comparison_table(draft.documents, context, "zh")
    current, amended = ("".join(table.rows[0].cells[table.columns.index(c)]) for c in ("current", "amended"))
    # after paragraph 1 (its items the last of it), before paragraph 2 in force (单位犯前款罪……)
    assert amended == current.replace("单位犯前款罪", "新增的一款。单位犯前款罪", 1)
    page = consolidated_page(draft.documents, context, "zh")
    assert "为实施诈骗等违法犯罪活动发布信息的。新增的一款。单位犯前款罪" in "".join(
        "".join(map(str, a.lines)) if hasattr(a, "lines") else str(a) for a in page.articles)
    assert "在刑法第二百八十七条之一中增加一款作为第二款：" in render(draft.documents[0], "zh", {})


def _two(first: tuple[str, str], second: tuple[str, str]) -> list[str]:
    """E230 on two changes of article 287-1 (three paragraphs in force), made in the order of the file."""
    text = "".join(HEAD.format(id=i, operation=o, zh="甲", en="A") for i, o in (first, second))
    in_force = [parse_text(p.read_text(encoding="utf-8"), str(p)) for p in sorted(IN_FORCE.glob("*.lexd"))]
    return [d.message for d in lint([*in_force, parse_text(text, "two.lexd")]) if d.code == "E230"]


@pytest.mark.parametrize(("first", "second", "found"), [
    # the paragraph in force replaced, then one put before it: two paragraphs, no clash
    (("prc.amendment.287-1.2", "replacing article 287-1 paragraph 2"),
     ("prc.amendment-b.287-1.2", "adding paragraph 2 to article 287-1"), []),
    # a paragraph put in as the second: the third in force is the fourth now
    (("prc.amendment.287-1.2", "adding paragraph 2 to article 287-1"),
     ("prc.amendment-b.287-1.4", "replacing article 287-1 paragraph 4"), []),
    # the fourth is the one just added: changed twice
    (("prc.amendment.287-1.4", "adding paragraph 4 to article 287-1"),
     ("prc.amendment-b.287-1.4", "replacing article 287-1 paragraph 4"),
     ["article 287-1 paragraph 4 is changed twice: `prc.amendment.287-1.4` changes it too"]),
    (("prc.amendment.287-1.2", "adding paragraph 2 to article 287-1"),
     ("prc.amendment-b.287-1.6", "adding paragraph 6 to article 287-1"),
     [("article 287-1 has 3 paragraphs in force (`prc.criminal-law.287-1`), 4 after the changes before this one: "
       "the paragraph added is paragraph 5, not 6")]),
])
def test_a_later_change_names_the_paragraph_as_the_earlier_ones_renumbered_it(
        first: tuple[str, str], second: tuple[str, str], found: list[str]) -> None:
    assert _two(first, second) == found


BILL = """bill prc.criminal-law-amendment.1 {
  jurisdiction prc
  status       proposed
  amends       criminal-law
  item         prc.amendment.287-1.2
  item         prc.amendment-b.287-1.3
  commencement zh "本修正案自公布之日起施行。"
               en "This Amendment shall go into effect as of the date of promulgation."
}
"""


def test_two_changes_of_one_article_are_made_in_order_in_every_instrument(tmp_path: Path) -> None:
    """增加一款作为第二款, then 将第三款修改为: the third paragraph is the second in force (单位犯前款罪), which the
    second item replaces. The text as amended and the comparison table make both changes, in one article and one
    row; Akoma Ntoso addresses the paragraph by its eId in force, as a bill's modifications apply to the act as in
    force."""
    from lxml import etree

    from lexdraft.cli import main

    draft = tmp_path / "bill.lexd"
    draft.write_text(BILL + HEAD.format(id="prc.amendment.287-1.2", operation="adding paragraph 2 to article 287-1",
                                        zh="新增的一款。", en="Added.")
                     + HEAD.format(id="prc.amendment-b.287-1.3", operation="replacing article 287-1 paragraph 3",
                                   zh="单位犯前两款罪的，依照第一款的规定处罚。", en="Replaced."), encoding="utf-8")
    out = {}
    for name, option in (("amended", ["--as-amended"]), ("table", ["--table"]), ("akn", ["--format", "akn"])):
        target = tmp_path / name
        assert main(["render", str(draft), "--with", str(IN_FORCE), "--lang", "zh", *option, "-o", str(target)]) == 0
        out[name] = target.read_text(encoding="utf-8")
    amended = out["amended"].split("\n")
    at = amended.index("新增的一款。")
    assert amended[at - 1] == "（三）为实施诈骗等违法犯罪活动发布信息的。"
    assert amended[at + 1:at + 3] == ["单位犯前两款罪的，依照第一款的规定处罚。",
                                      "有前两款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。"]
    assert "单位犯前款罪" not in out["amended"]
    assert out["table"].count("第二百八十七条之一　利用信息网络") == 2  # one row: in force, as amended
    ns = {"a": "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}
    root = etree.fromstring(out["akn"].encode())
    bill = root.find(".//a:bill", ns)
    assert [(d.get("href").split("#")[1], d.get("pos")) for d in
            bill.findall("a:meta/a:analysis/a:activeModifications/a:textualMod/a:destination", ns)] == [
        ("art_287-1__para_1", "after"), ("art_287-1__para_2", None)]
