"""A common-law section quoted whole on one line is divided as its own numbers divide it (wording.divisions): a line
a part in the text render, a paragraph a part in Word, a subsection, paragraph or subparagraph with its num in Akoma
Ntoso; the words always as given, a cut-off mark or an editor's bracket kept in the part it ends."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
import pytest
import xmlschema
from lxml import etree

from lexdraft.language.ast import Document
from lexdraft.language.parse import parse_file, parse_text
from lexdraft.language.resolve import resolve_texts
from lexdraft.outputs.akn import NS, to_akn
from lexdraft.outputs.docx import to_docx
from lexdraft.wording.divisions import divide, sectioned
from lexdraft.wording.render import render

SCHEMA = Path(__file__).resolve().parent / "schemas" / "akn" / "akomantoso30.xsd"
DRAFTS = Path(__file__).resolve().parents[1] / "drafts"
A = {"a": NS}

_ACTS = {"nz": "fvpca", "fr": "code-penal"}
_DRAFT = ('provision {j}.{act}.{n} {{\n  jurisdiction {j}\n  status in-force\n  instrument {act}\n'
          '  title en "A"\n  source "x"\n  text en """\n{text}\n"""\n}}\n')

SECTION = ("7 Sharing intimate images (1) A person commits an offence who, without consent,— (a) shares an image; or "
           "(b) posts it online. (2) A person who commits an offence under subsection (1) is liable to a fine.")


def _parts(text: str) -> list[tuple[int, str, str]]:
    return [(p.level, p.num, p.text) for p in divide(text.split("\n"))]


def test_a_section_on_one_line_is_its_heading_subsections_and_paragraphs() -> None:
    assert _parts(SECTION) == [
        (0, "", "7 Sharing intimate images"),
        (1, "(1)", "A person commits an offence who, without consent,—"),
        (2, "(a)", "shares an image; or"),
        (2, "(b)", "posts it online."),
        (1, "(2)", "A person who commits an offence under subsection (1) is liable to a fine.")]
    # a section's number alone stays with its first subsection, as the statute prints it
    assert [p.line for p in divide(["12.—(1) A person— (a) one; (b) two. (2) Another."])] == [
        "12.—(1) A person—", "(a) one;", "(b) two.", "(2) Another."]


@pytest.mark.parametrize(("text", "expected"), [
    # the ninth letter: the numbers after it go on with the letters, or the list ends with it after "; or"
    ("(1) In this section— (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) h; (i) i; and (j) j.",
     [1] + [2] * 10),
    ("(1) Any person who— (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) h; or (i) the ninth.", [1] + [2] * 9),
    # a roman numeral: (ii) follows it, or a dash opens a list under (h) that (ii) goes on with
    ("(1) Any person who— (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) means— (i) one; or (ii) two.",
     [1] + [2] * 8 + [3, 3]),
    # a subparagraph is never alone: after a dash, with no (ii), still the ninth letter
    ("(1) Any person who— (a) a; (b) b; (c) c; (d) d; (e) e; (f) f; (g) g; (h) the following— (i) alone.",
     [1] + [2] * 9),
])
def test_i_is_the_ninth_letter_or_the_first_roman_numeral_as_the_sequence_says(text: str, expected: list[int]) -> None:
    parts = divide([text])
    assert [p.level for p in parts] == expected
    assert parts[9].num == "(i)"


def test_words_in_parentheses_stay_words() -> None:
    text = ("(1) A person (A) who (whether or not for gain) shares an image of another person (B) under subsection (2) "
            "or (3), or section 5(1)(a) and (b), or paragraphs (a), (b) and (c), aged eighteen (18) years, or as in "
            "(a) above, commits an offence. (2) Nothing in (a) or (i) of this section (as it reads) applies.")
    assert _parts(text) == [
        (1, "(1)", text[4:text.index(" (2) Nothing")]),
        (1, "(2)", "Nothing in (a) or (i) of this section (as it reads) applies.")]


def test_a_cut_off_or_an_editors_bracket_stays_in_the_part_it_ends() -> None:
    text = ("(1) A person who— (a) shares an image; or (b) posts rec[… the reference's excerpt ends (c) not quoted]"
            " (2) not a subsection either")
    assert _parts(text)[-1] == (2, "(b)", text[text.index("posts"):])
    # words left out before a number: the list goes on from the number printed
    assert [p.num for p in divide(["(3) … (b) the ways— (i) one; or (ii) two; and (c) three."])] == [
        "(3)", "(b)", "(i)", "(ii)", "(c)"]


@pytest.mark.parametrize("path", sorted(DRAFTS.glob("*/in-force/*.lexd")), ids=lambda p: p.stem)
def test_no_word_of_a_bundled_text_is_lost_or_moved(path: Path) -> None:
    (draft,) = resolve_texts([parse_file(str(path))])
    for doc in draft.documents:
        text = getattr(doc, "text", None)
        if text is None or not text.en or not sectioned(doc.jurisdiction.name):
            continue
        lines = text.en.strip("\n").split("\n")
        assert " ".join(p.line for p in divide(lines)).split() == " ".join(lines).split()


def _doc(text: str, jurisdiction: str = "nz", number: str = "7") -> Document:
    source = _DRAFT.format(j=jurisdiction, act=_ACTS[jurisdiction], n=number, text=text)
    (doc,) = parse_text(source, "s.lexd").documents
    return doc


def test_the_text_render_and_word_set_out_a_part_a_line() -> None:
    doc = _doc(SECTION)
    rendered = render(doc, "en", {})
    assert "\n7 Sharing intimate images\n(1) A person commits an offence who, without consent,—\n(a) shares an " \
           "image; or\n(b) posts it online.\n(2) A person" in rendered
    paragraphs = docx.Document(io.BytesIO(to_docx([doc], "en", {}))).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "7 Sharing intimate images")
    shown = [(p.text, round(p.paragraph_format.left_indent.mm), round(p.paragraph_format.first_line_indent.mm))
             for p in paragraphs[at:at + 5]]  # millimetres, as Word stores them in twips
    assert shown == [
        ("7 Sharing intimate images", 0, 0),
        ("(1)\tA person commits an offence who, without consent,—", 10, -10),
        ("(a)\tshares an image; or", 20, -10),
        ("(b)\tposts it online.", 20, -10),
        ("(2)\tA person who commits an offence under subsection (1) is liable to a fine.", 10, -10)]


def test_akoma_ntoso_marks_up_each_part_valid_and_escaped() -> None:
    schema = xmlschema.XMLSchema(str(SCHEMA))
    hostile = SECTION.replace("posts it online.", "posts <script>&amp;</script> ]]> online[…]")
    xml = to_akn([_doc(hostile)], "en", {})
    assert [e.reason for e in schema.iter_errors(xml)] == []
    (section,) = etree.fromstring(xml.encode()).findall(".//a:section", A)
    assert (section.find("a:num", A).text, section.find("a:heading", A).text) == ("7", "Sharing intimate images")
    assert [(etree.QName(e).localname, e.get("eId"), e.find("a:num", A).text) for e in section.iter()
            if e.get("eId") and e is not section] == [
        ("subsection", "sec_7__subsec_1", "(1)"), ("paragraph", "sec_7__subsec_1__para_a", "(a)"),
        ("paragraph", "sec_7__subsec_1__para_b", "(b)"), ("subsection", "sec_7__subsec_2", "(2)")]
    assert section.find("a:subsection/a:intro/a:p", A).text == "A person commits an offence who, without consent,—"
    assert section.find(".//a:paragraph[@eId='sec_7__subsec_1__para_b']/a:content/a:p", A).text == \
        "posts <script>&amp;</script> ]]> online[…]"
    assert "<script>" not in xml and "&lt;script&gt;&amp;amp;" in xml


def test_a_civil_law_article_is_left_as_its_lines() -> None:
    text = "Art. 7 (1) Whoever shares an image— (a) of another; or (b) of a child, is punished."
    assert not sectioned("fr") and sectioned("nz")
    assert re.search(r"\n" + re.escape(text) + r"\n", render(_doc(text, "fr", "7"), "en", {}))


@pytest.mark.parametrize("path", sorted(p for p in DRAFTS.glob("*/in-force/*.lexd") if sectioned(p.parts[-3])),
                         ids=lambda p: p.stem)
def test_akoma_ntoso_holds_every_word_of_a_bundled_section_in_order(path: Path) -> None:
    """Each part's num and words, the heading, the words between and after parts: nothing of the quoted text is
    dropped or moved (the dash between a section's number or heading and its first subsection aside)."""
    (draft,) = resolve_texts([parse_file(str(path))])
    docs = [d for d in draft.documents if getattr(d, "text", None) is not None and d.text.en]
    root = etree.fromstring(to_akn(docs, "en", {d.id: d for d in draft.documents}).encode())
    sections = root.findall(".//a:section", A)
    assert len(sections) == len(docs)
    for doc, section in zip(docs, sections, strict=True):
        def flat(text: str) -> str:
            return re.sub(r"[\s—]", "", text)
        assert flat("".join(section.itertext())) == flat(doc.text.en), doc.id


def test_a_proposal_worded_on_one_line_is_set_out_as_its_akoma_ntoso_numbers_it() -> None:
    proposal = ('provision nz.fvpca.24.2 {\n  jurisdiction nz\n  status proposed\n'
                '  instrument amendment to "Films, Videos, and Publications Classification Act 1993" replacing '
                'article 24 paragraph 2\n  title en "A"\n  source "x"\n'
                '  text en "(2) A person commits an offence who— (a) makes it; or (b) shares it."\n}\n')
    (doc,) = parse_text(proposal, "p.lexd").documents
    # each part a paragraph of the quotation, opening with its quotation mark, as the text render quotes paragraphs
    assert "“(2) A person commits an offence who—\n“(a) makes it; or\n“(b) shares it.”" in render(doc, "en", {})
    quoted = etree.fromstring(to_akn([doc], "en", {}).encode()).find(".//a:quotedStructure", A)
    assert [e.find("a:num", A).text for e in quoted.iter() if e.get("eId") and e is not quoted] == [
        "(2)", "(a)", "(b)"]


@pytest.mark.parametrize(("text", "expected"), [
    # the words after the last item resume the opening words (A person who— … shall be guilty): a line of their own
    (("(1) A person who— (a) possesses it; or (b) furnishes, at the request of an officer, all of it, shall be guilty "
      "of an offence. (2) Next."),
     [(1, "(1)", "A person who—"), (2, "(a)", "possesses it; or"),
      (2, "(b)", "furnishes, at the request of an officer, all of it,"), (0, "", "shall be guilty of an offence."),
      (1, "(2)", "Next.")]),
    # under a paragraph: the words resume the paragraph's, and the list of paragraphs goes on after them
    (("(2) This section applies where— (a) a person who— (i) does one; or (ii) does two, is liable to a penalty; "
      "and (b) the court so orders."),
     [(1, "(2)", "This section applies where—"), (2, "(a)", "a person who—"), (3, "(i)", "does one; or"),
      (3, "(ii)", "does two,"), (0, "", "is liable to a penalty; and"), (2, "(b)", "the court so orders.")]),
    # not plain enough, so left in the item: the verb may be a relative clause's; the opening words have their verb
    ("(1) A relevant person means— (a) an officer; or (b) a person who, under a contract, is liable for it.",
     [(1, "(1)", "A relevant person means—"), (2, "(a)", "an officer; or"),
      (2, "(b)", "a person who, under a contract, is liable for it.")]),
    ("(1) Any person shall be guilty of an offence who— (a) uses it; or (b) having custody of it, is liable to pay.",
     [(1, "(1)", "Any person shall be guilty of an offence who—"), (2, "(a)", "uses it; or"),
      (2, "(b)", "having custody of it, is liable to pay.")]),
    # nor where another item follows: the words are the item's own
    ("(1) A person who— (a) being an officer, is liable to account; or (b) keeps it, commits an offence.",
     [(1, "(1)", "A person who—"), (2, "(a)", "being an officer, is liable to account; or"), (2, "(b)", "keeps it,"),
      (0, "", "commits an offence.")]),
])
def test_words_closing_a_list_get_a_line_of_their_own_only_where_they_plainly_resume_its_opening(
        text: str, expected: list[tuple[int, str, str]]) -> None:
    assert _parts(text) == expected


def test_closing_words_are_set_at_their_opening_words_level_in_word_and_a_wrap_up_in_akoma_ntoso() -> None:
    text = ("7 Offences (1) This section applies where— (a) a person who— (i) does one; or (ii) does two, is liable to "
            "a penalty; and (b) the court so orders. (2) A person who— (a) keeps it; or (b) sells it, commits an "
            "offence.")
    doc = _doc(text)
    paragraphs = docx.Document(io.BytesIO(to_docx([doc], "en", {}))).paragraphs
    at = next(i for i, p in enumerate(paragraphs) if p.text == "7 Offences")
    assert [(p.text, round(p.paragraph_format.left_indent.mm)) for p in paragraphs[at + 1:at + 11]] == [
        ("(1)\tThis section applies where—", 10), ("(a)\ta person who—", 20), ("(i)\tdoes one; or", 30),
        ("(ii)\tdoes two,", 30), ("is liable to a penalty; and", 20), ("(b)\tthe court so orders.", 20),
        ("(2)\tA person who—", 10), ("(a)\tkeeps it; or", 20), ("(b)\tsells it,", 20), ("commits an offence.", 10)]
    xml = to_akn([doc], "en", {})
    assert [e.reason for e in xmlschema.XMLSchema(str(SCHEMA)).iter_errors(xml)] == []
    first, second = etree.fromstring(xml.encode()).findall(".//a:subsection", A)
    assert [etree.QName(e).localname for e in first.find("a:paragraph", A)] == [
        "num", "intro", "subparagraph", "subparagraph", "wrapUp"]
    assert first.find("a:paragraph/a:wrapUp/a:p", A).text == "is liable to a penalty; and"
    assert [etree.QName(e).localname for e in second] == ["num", "intro", "paragraph", "paragraph", "wrapUp"]
    assert second.find("a:wrapUp/a:p", A).text == "commits an offence."


@pytest.mark.parametrize(("text", "expected"), [
    ("(3) ... (b) the ways— (i) one; or (ii) two; and (c) three.", ["(3)", "(b)", "(i)", "(ii)", "(c)"]),
    ("(3) […] (b) the ways; and (c) three.", ["(3)", "(b)", "(c)"]),
    ("[...] (b) the ways; and (c) three.", ["", "(b)", "(c)"]),
    ("… (b) the ways; and (c) three.", ["", "(b)", "(c)"]),
    # the numbers left out above it are unknown: the text's next number there goes on from them
    ("(3) … (ii) two; or (iii) three; and (c) the ways.", ["(3)", "(ii)", "(iii)", "(c)"]),
    ("… (b) the ways; and (c) three. (4) A person who does so is liable.", ["", "(b)", "(c)", "(4)"]),
    ("(1) … (iv) four; or (v) five. (2) Next.", ["(1)", "(iv)", "(v)", "(2)"]),
])
def test_words_left_out_before_a_number_however_marked_keep_their_mark_and_the_number_begins_a_part(
        text: str, expected: list[str]) -> None:
    parts = divide([text])
    assert [p.num for p in parts] == expected
    assert " ".join(p.line for p in parts) == text


def test_a_section_number_with_its_heading_word_stays_with_its_first_subsection_and_is_the_sections_num() -> None:
    assert [p.line for p in divide(["Section 3. (1) A person who— (a) x; or (b) y. (2) Another."])] == [
        "Section 3. (1) A person who—", "(a) x; or", "(b) y.", "(2) Another."]
    assert divide(["SEC. 3 — (a) one; and (b) two."])[0].line == "SEC. 3 — (a) one; and"
    proposal = _DRAFT.replace("{act}", "ra-9995").format(j="ph", n="3", text="Section 3. (1) A person— (a) x; or "
                                                                             "(b) y. (2) Another.")
    (doc,) = parse_text(proposal, "s.lexd").documents
    xml = to_akn([doc], "en", {})
    assert [e.reason for e in xmlschema.XMLSchema(str(SCHEMA)).iter_errors(xml)] == []
    (section,) = etree.fromstring(xml.encode()).findall(".//a:section", A)
    assert section.find("a:num", A).text == "Section 3."
    assert [e.get("eId") for e in section.findall("a:subsection", A)] == ["sec_3__subsec_1", "sec_3__subsec_2"]


def test_i_after_closing_words_is_a_subparagraph_after_them_not_one_of_the_last_paragraphs() -> None:
    # no (h) before it, so (i) begins a list of roman numerals; the closing words it follows are no longer (b)'s
    text = ("6. (1) Any person who (a) acquires it, (b) obtains it, or (c) views it, shall be guilty of an offence and "
            "shall be liable (i) on summary conviction, to a fine, or (ii) on indictment, to imprisonment.")
    assert _parts(text) == [
        (0, "", "6. (1) Any person who"), (2, "(a)", "acquires it,"), (2, "(b)", "obtains it, or"),
        (2, "(c)", "views it,"), (0, "", "shall be guilty of an offence and shall be liable"),
        (3, "(i)", "on summary conviction, to a fine, or"), (3, "(ii)", "on indictment, to imprisonment.")]
    xml = to_akn([_doc(text, number="6")], "en", {})
    assert [e.reason for e in xmlschema.XMLSchema(str(SCHEMA)).iter_errors(xml)] == []
    subsection = etree.fromstring(xml.encode()).find(".//a:subsection", A)
    assert [etree.QName(e).localname for e in subsection] == [
        "num", "intro", "paragraph", "paragraph", "paragraph", "hcontainer", "subparagraph", "subparagraph"]
