"""A suggested amendment of the law in force says the same change in English and in Chinese: each edit operation
has its words in each language (wording/edits), never English alone (LAWYER-FINAL2 M1, LAWYER-L1 L5)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexdraft.language import ast as A
from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.amend import suggest_amendment
from lexdraft.treaty.edits import OPERATIONS, Edit
from lexdraft.treaty.spec import spec_for
from lexdraft.wording.edits import edit_words, edits_words, penalty_from_note, reaching_note

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


@pytest.fixture(scope="module")
def taiwan():
    return load([str(DRAFTS / "tw" / "in-force")])


def _suggested(drafts, rid: str):
    q = next(q for q in spec_for(".".join(rid.split(".")[:2])).requirements if q.id == rid)
    am = suggest_amendment(q, drafts.provisions, drafts.rules, measures=drafts.obligations)
    assert am is not None
    return am


def test_taiwan_offering_insertion_is_said_in_both_languages(taiwan) -> None:
    """The reviewer's wording for the art. 38 amendment, derived from the draft: the paragraph inserted, the act it
    punishes, what the paragraphs it goes ahead of deal with (read from their words: 意圖營利, 未遂, 沒收), and the
    renumbering, in English and in Taiwan's Chinese alike."""
    am = _suggested(taiwan, "uncc.14.1.a")
    assert [e.op for e in am.said] == ["insert-paragraph", "renumber"]
    assert edits_words(am.said, "en", "tw", whole=True) == (
        "insert, as a new paragraph 3, an offence of offering the items of paragraph 1, ahead of the paragraphs on "
        "intent to gain, attempts and confiscation; renumber those paragraphs and the references to them")
    assert edits_words(am.said, "zh", "tw", whole=True) == (
        "增訂第三項，處罰表示可提供第一項物品之行為，置於意圖營利、未遂及沒收之規定前；其後各項項次及援引之項次隨之調整")


def test_an_insertion_widens_no_attempt_clause_and_says_what_it_widens(taiwan) -> None:
    """LAWYER-FINAL2 S4: the attempts of art. 38 are renumbered only (第一項及第四項), so attempting an offer is not
    made punishable by the insertion; the increase for gain and the confiscation, which the new paragraph is placed
    to come under, are said to reach it as a choice, not as renumbering, in both languages."""
    am = _suggested(taiwan, "uncc.14.1.a")
    text = am.document.text
    assert text is not None and text.zh_hant is not None and text.en is not None
    assert "第一項及第四項之未遂犯罰之。" in text.zh_hant.split("\n")
    assert "Attempts of the offences under paragraphs 1 and 4 are punishable." in text.en.split("\n")
    en, zh = reaching_note(am.said, "en", "tw"), reaching_note(am.said, "zh", "tw")
    # LAWYER-M S-3, NIT-4: the attempts clause, renumbered only, still reaches an offer with intent to gain through
    # paragraph 4, which it cites: said as a choice too
    assert en == (" Paragraphs 4 (intent to gain) and 6 (confiscation) are to reach the new paragraph 3 as they reach "
                  "paragraph 1: a new choice, not renumbering. Through paragraph 4, paragraph 5 also punishes "
                  "attempting to offer with intent to gain: a new choice too.")
    assert zh == ("第四項（意圖營利）及第六項（沒收）之規定比照第一項適用於第三項，係新增之選擇，非單純項次調整。"
                  "第五項因援引第四項，亦處罰意圖營利而表示可提供之未遂犯，同屬新增之選擇。")
    assert [e.through for e in am.said if e.op == "insert-paragraph"] == [((5, "attempts", 4),)]


def test_an_insertion_says_whose_penalty_it_takes_as_every_new_article_does(taiwan) -> None:
    """LAWYER-M NIT-3: the art. 38 lead names where the new paragraph 3's penalty is from, paragraph 2, whose
    penalty words it repeats (處六月以上五年以下有期徒刑……), as a drafter's choice; nothing where no paragraph
    before it carries its penalty words."""
    am = _suggested(taiwan, "uncc.14.1.a")
    assert [e.penalty_from for e in am.said if e.op == "insert-paragraph"] == [2]
    assert penalty_from_note(am.said, "en", "tw") == (
        " Its penalty is that of paragraph 2 (possession with intent to distribute): a drafter's choice.")
    assert penalty_from_note(am.said, "zh", "tw") == "第三項之法定刑取自第二項（意圖散布而持有），由起草者決定。"
    bare = Edit("insert-paragraph", (A.Term("offer", "conduct"),), "tw.csepa.38.1", 3, 1, "offer")
    assert penalty_from_note([bare], "en", "tw") == ""


def test_a_paragraph_reaching_an_insertion_through_another_is_said_generally_where_its_topic_is_not_known() -> None:
    """A paragraph renumbered only that cites one now reaching the inserted paragraph, where what either deals with
    is not in their words: that it reaches the new paragraph through it, nothing guessed of what it punishes."""
    offer = A.Term("offer", "conduct")
    e = Edit("insert-paragraph", (offer,), "tw.csepa.38.1", 3, 1, "offer", (None, None), ((4, None),), ((5, None, 4),))
    assert reaching_note([e], "en", "tw").endswith(
        " Through paragraph 4, paragraph 5 also reaches the new paragraph 3: a new choice too.")
    assert reaching_note([e], "zh", "tw").endswith("第五項因援引第四項，亦及於第三項，同屬新增之選擇。")


def test_taiwan_threshold_removal_is_said_in_both_languages(taiwan) -> None:
    """The art. 39 amendment: the threshold removed from ¶4 by its words, the paragraph deleted, the renumbering;
    no term id ('second-or-subsequent-apprehension') in either language."""
    am = _suggested(taiwan, "uncc.14.1.c")
    assert [e.op for e in am.said] == ["remove-threshold", "delete-paragraph", "renumber"]
    assert edits_words(am.said, "en", "tw", whole=True) == (
        "in paragraph 4, remove the threshold 'when caught a second or subsequent time'; delete paragraph 3, which "
        "dealt with the same act below the threshold; renumber the later paragraphs and the references to them")
    assert edits_words(am.said, "zh", "tw", whole=True) == (
        "於第四項刪除「第二次以上被查獲」之處罰門檻；刪除第三項（就同一行為未達門檻者之規定）；其後各項項次及援引之項次隨之調整")
    assert reaching_note(am.said, "en", "tw") == ""


def test_topics_not_in_the_words_are_said_generally() -> None:
    """Where a paragraph the insertion goes ahead of does not say what it deals with, the lead names none of them
    ('the paragraphs that refer back to the ones above it'), rather than guess; in the PRC's words and units too."""
    offer = A.Term("offer", "conduct")
    e = Edit("insert-paragraph", (offer,), "prc.criminal-law.364.1", 3, 1, "offer", ("gain", None))
    assert edit_words(e, "en", "prc") == ("insert, as a new paragraph 3, an offence of offering the items of "
                                          "paragraph 1, ahead of the paragraphs that refer back to the ones above it")
    assert edit_words(e, "zh", "prc") == ("增加一款作为第三款，处罚表示可提供第一款物品的行为，"
                                          "置于援引前各款的规定之前")
    e = Edit("insert-paragraph", (offer,), "tw.csepa.38.1", 3, 1, "offer", (None,))
    assert edit_words(e, "zh", "tw") == "增訂第三項，處罰表示可提供第一項物品之行為，置於援引前各項之規定前"


TERMS = {"add-conduct": (A.Term("control", "conduct"),), "add-actor": (A.Term("unit", "actors"),),
         "add-value": (A.Term("minor", "object-attributes.person"),), "any-means": (),
         "remove-threshold": (A.Term("second-or-subsequent-apprehension", "circumstances"),),
         "remove-purpose": (A.Term("profit", "purposes"),), "remove-recipients": (A.Term("public", "recipients"),),
         "remove-harm": (A.Term("causes-harm", "harms"),),
         "remove-precondition": (A.Term("ordered-to-correct-and-refused", "preconditions"),),
         "remove-obtained": (A.Term("received", "object-attributes.obtained"),),
         "insert-paragraph": (A.Term("offer", "conduct"),), "delete-paragraph": (), "renumber": ()}


@pytest.mark.parametrize("jurisdiction", ["prc", "tw", "nz"])
@pytest.mark.parametrize("op", OPERATIONS)
def test_every_operation_is_said_in_every_language(op: str, jurisdiction: str) -> None:
    """Each operation has words in English and Chinese for every style: no template left unfilled, no English in
    the Chinese, and the paragraph it is made in named where the article is amended whole."""
    e = Edit(op, TERMS[op], f"{jurisdiction}.x.1.2", 2, 1, "offer" if op == "insert-paragraph" else None,
             ("gain", "attempts") if op == "insert-paragraph" else ())
    for lang in ("en", "zh"):
        words = edit_words(e, lang, jurisdiction, whole=True)
        assert words and "{" not in words and "}" not in words, words
        if lang == "zh":
            assert not re.search(r"[A-Za-z]", words), words


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_review_says_each_amendment_of_an_article_in_force(lang: str) -> None:
    """In the review, the lead of every amendment of an article in force states its edits before 'the amended text
    below', in Chinese as in English, and closes its sentence before the next one begins."""
    (review,) = review_drafts(load([str(DRAFTS / "tw" / "in-force")]), ["uncc.14"])
    text = out.to_markdown([review], lang)
    # an amendment's lead, not the offence a new article leaves unamended (未改為修改 …, "Not amended instead")
    leads = re.findall(r"(?<!未改為)修改《[^》]+》第[^：（]+條(.)" if lang == "zh" else r"Amend [^:]+?, Article \d+(.)",
                       text)
    assert leads and set(leads) == {"：" if lang == "zh" else ":"}, leads
    after = re.findall(r"（修改後的條文見下）(.)" if lang == "zh" else r"\(the amended text below\)(.)", text)
    assert after and set(after) == {"。" if lang == "zh" else "."}, after


def test_an_abbreviation_is_spelled_out_where_the_review_first_uses_it() -> None:
    """LAWYER-L1 Nits: the English Taiwan review says CSEPA in its reasons and checks; the pack's abbreviation is
    spelled out once, at its first use, and the review's citations keep the act's full name."""
    (review,) = review_drafts(load([str(DRAFTS / "tw" / "in-force")]), ["uncc.14"])
    text = out.to_markdown([review], "en")
    first = re.search(r"(?<![\w《])CSEPA(?!\w)", text)
    assert first is not None
    assert text[:first.end() + 1].endswith("Child and Youth Sexual Exploitation Prevention Act (CSEPA)")
    assert text.count("(CSEPA)") == 1 and "Child and Youth Sexual Exploitation Prevention Act (Taiwan), Article" in text


def test_the_terms_a_limit_removes_are_its_alternatives() -> None:
    """A purpose of several terms is met by any of them (India's POCSO s. 15: dissemination or profit): the edit that
    removes it names them with 'or' / 或者, not as if both were required."""
    purposes = (A.Term("dissemination", "purposes"), A.Term("profit", "purposes"))
    e = Edit("remove-purpose", purposes, "in.pocso.15")
    assert edit_words(e, "en", "in") == ("remove the purpose it requires (for the purpose of dissemination or for "
                                         "the purpose of making a profit)")
    assert edit_words(e, "zh", "in") == "删去“以传播为目的或者以牟利为目的”的目的要件"
