"""Faults a treaty reviewer found in the reasoning, each pinned by a provision written for it (issue 13)."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, Report, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Force, Verdict

# A provision with every field the checks need; `{object}` and `{extra}` are filled in per test.
TEMPLATE = """
provision xx.code.1 {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 1-1 after 1
  title        zh "测试" en "Test"
  implements   {article}
  protects     privacy
  actors       natural-person
  mental       intent
  conduct      {conduct}
  means        ict-system
  {object}
  {extra}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""

NCII = "sell, distribute, transmit, publish, make-available"
CSAM = "produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available"


def checked(article: str, obj: str, conduct: str = NCII, extra: str = "") -> Report:
    text = TEMPLATE.format(article=article, conduct=conduct, object=obj, extra=extra)
    drafts, _ = load_sources([("test.lexd", text)])
    return check(spec_for(article), drafts.provisions)


def finding(r: Report, rid: str) -> Finding:
    return next(v for v in r.verdicts if v.requirement.id == rid)


def reasons(f: Finding) -> str:
    return " ".join(n.text.en or "" for n in f.notes)


# -- silence is not narrowing ------------------------------------------------------------------------------------

def test_an_attribute_left_out_does_not_limit_the_object() -> None:
    """docs/language.md: an attribute left out means the draft does not limit the object in that respect."""
    silent = checked("uncc.16", "object intimate-image { person adult\n origin real }", extra="consent absent")
    stated = checked("uncc.16", "object intimate-image { depicts exposed-sexual-organs | sexual-activity\n"
                                 " person adult\n origin real }", extra="consent absent")
    assert finding(stated, "uncc.16.2").verdict is Verdict.MET
    assert finding(silent, "uncc.16.2").verdict is Verdict.MET, reasons(finding(silent, "uncc.16.2"))


def test_actors_left_out_do_not_limit_who_is_liable() -> None:
    text = TEMPLATE.format(article="uncc.16", conduct=NCII, extra="consent absent",
                           object="object intimate-image { person adult\n origin real }").replace(
        "  actors       natural-person\n", "")
    drafts, _ = load_sources([("test.lexd", text)])
    r = check(spec_for("uncc.18"), drafts.provisions)
    assert finding(r, "uncc.18.1").verdict is not Verdict.NOT_MET, reasons(finding(r, "uncc.18.1"))


# -- the all-of form -----------------------------------------------------------------------------------------------

def test_depicts_all_of_is_narrower_than_any_of() -> None:
    any_of = checked("uncc.16", "object intimate-image { depicts exposed-sexual-organs | sexual-activity\n"
                                 " person adult\n origin real }", extra="consent absent")
    all_of = checked("uncc.16", "object intimate-image { depicts exposed-sexual-organs, sexual-activity\n"
                                 " person adult\n origin real }", extra="consent absent")
    assert finding(any_of, "uncc.16.2").verdict is Verdict.MET
    narrow = finding(all_of, "uncc.16.2")
    assert narrow.verdict is Verdict.PARTLY_MET
    assert "all of" in reasons(narrow) or "together" in reasons(narrow)


# -- age decides the article ---------------------------------------------------------------------------------------

ADULT_IMAGES = "object sexual-image { depicts exposed-sexual-organs | sexual-activity\n person adult }"


def test_material_limited_to_adults_implements_nothing_of_art_14() -> None:
    r = checked("uncc.14", ADULT_IMAGES, conduct=CSAM)
    assert finding(r, "uncc.14.1.a").verdict is Verdict.NOT_MET, reasons(finding(r, "uncc.14.1.a"))
    assert "limited to persons aged 18 or over" in reasons(finding(r, "uncc.14.1.a"))
    assert finding(r, "uncc.14.3.a").verdict is Verdict.NA


def test_material_of_any_person_counts_for_art_14_as_far_as_it_reaches_children() -> None:
    r = checked("uncc.14", "object sexual-image { depicts exposed-sexual-organs | sexual-activity }", conduct=CSAM)
    f = finding(r, "uncc.14.1.a")
    assert f.verdict is not Verdict.NOT_MET
    assert "under 18" in reasons(f)


@pytest.mark.parametrize(("person", "bound"), [("child-under-14", "under 14"), ("child-under-16", "under 16")])
def test_the_under_18_reason_states_the_provisions_own_age_bound(person: str, bound: str) -> None:
    r = checked("uncc.14", f"object csam {{ depicts sexual-activity\n person {person}\n medium visual }}",
                conduct=CSAM)
    f = finding(r, "uncc.14.2")
    assert f.verdict is Verdict.PARTLY_MET
    assert bound in reasons(f)
    assert ("under 14" in reasons(f)) == (bound == "under 14")


# -- verdicts say what they are ------------------------------------------------------------------------------------

def test_a_reviewers_question_is_not_assessed_and_decides_nothing() -> None:
    r = checked("uncc.16", "object intimate-image { person adult\n origin real }", extra="consent absent")
    assert finding(r, "uncc.16.4").verdict is Verdict.NOT_ASSESSED
    assert not Verdict.NOT_ASSESSED.conforms and not Verdict.NOT_ASSESSED.fails
    assert r.conforms


def test_art_18_3_is_obligatory() -> None:
    q = next(q for q in spec_for("uncc.18").requirements if q.id == "uncc.18.3")
    assert q.force is Force.SHALL


# -- no verdict rests on unverified treaty words ----------------------------------------------------------------------

def test_a_requirement_that_would_fail_only_on_unverified_words_is_not_a_gap() -> None:
    """'selling' in Art. 16(1) is marked uncertain in the reference (⟨?⟩): leaving it out is no gap, and says so."""
    r = checked("uncc.16", "object intimate-image { person adult\n origin real }",
                conduct="distribute, transmit, publish, make-available", extra="consent absent")
    f = finding(r, "uncc.16.1")
    assert f.verdict is Verdict.MET, reasons(f)
    assert f.unverified == ["selling"]
    assert "unverified" in reasons(f) and "selling" in reasons(f)


def test_a_gap_beyond_the_unverified_words_stays_a_gap() -> None:
    r = checked("uncc.16", "object intimate-image { person adult\n origin real }", conduct="distribute",
                extra="consent absent")
    f = finding(r, "uncc.16.1")
    assert f.verdict is Verdict.PARTLY_MET
    assert f.unverified == []
