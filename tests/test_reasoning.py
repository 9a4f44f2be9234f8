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
    # as the pipeline checks a set that gives no general part: silence on legal persons leaves them to it
    r = check(spec_for("uncc.18"), drafts.provisions, general_part=False)
    assert finding(r, "uncc.18.1").verdict is Verdict.NOT_ASSESSED, reasons(finding(r, "uncc.18.1"))
    # and it limits nothing among natural persons
    assert finding(check(spec_for("uncc.16"), drafts.provisions), "uncc.16.1").verdict is Verdict.MET


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


@pytest.mark.parametrize(("person", "bound"), [("child-under-14", "under 14"), ("child-under-15", "under 15"),
                                             ("child-under-16", "under 16"), ("child-under-17", "under 17")])
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
    # the act in doubt is told apart; the others missing stay the gap
    assert f.unverified == ["selling"]
    assert "Not criminalised by any provision: publishing." in " ".join(n.text.en or "" for n in f.notes)


# -- every element the treaty fixes is read --------------------------------------------------------------------------

ADULT_IMAGE = "object intimate-image { person adult\n origin real }"
CHILD_MATERIAL = "object csam { depicts sexual-activity\n person minor\n medium visual }"


def element(article: str, obj: str, conduct: str, line: str) -> Report:
    """The template with one element stated: a field replaced where the template has it, else added."""
    extra = "consent absent" if article == "uncc.16" else ""
    text = TEMPLATE.format(article=article, conduct=conduct, object=obj, extra=extra)
    field = line.split()[0]
    if f"\n  {field} " in text and field not in ("exception", "as-to"):
        text = "\n".join(f"  {line}" if ln.startswith(f"  {field} ") else ln for ln in text.split("\n"))
    else:
        text = text.replace("  prosecution", f"  {line}\n  prosecution")
    drafts, _ = load_sources([("test.lexd", text)])
    return check(spec_for(article), drafts.provisions)


@pytest.mark.parametrize(("line", "verdict", "why"), [
    # means: dissemination only by violence or coercion narrows "by means of an ICT system"; an open list does not
    ("means        violence, coercion", Verdict.PARTLY_MET, "only where it is done by violence or coercion"),
    ("means        violence, other-method", Verdict.MET, None),
    # harm as a result or as an aptitude is a narrowing; the intent to cause harm is the Art. 16(5) option
    ("harm         causes-distress", Verdict.PARTLY_MET, "Art. 16(1) has no harm element"),
    ("harm         likely-to-cause-distress", Verdict.PARTLY_MET, "Art. 16(1) has no harm element"),
    ("purpose      cause-harm", Verdict.OPTION_USED, "the narrowing Art. 16(5) permits"),
    ("purpose      cause-distress", Verdict.OPTION_USED, "the narrowing Art. 16(5) permits"),
    ("as-to        likely-harm knowledge | reason-to-believe", Verdict.OPTION_USED, "a fortiori"),
    # recipients
    ("recipients   many-or-unspecified", Verdict.PARTLY_MET, "to a single person"),
    ("recipients   public, third-party", Verdict.MET, None),
    # purposes other than harm
    ("purpose      sexual-gratification", Verdict.PARTLY_MET, "requires a purpose"),
    # the mental element
    ("mental       intent direct", Verdict.PARTLY_MET, "also reaches indirect intent"),
    ("as-to        consent knowledge | recklessness", Verdict.MET, "beyond \"intentionally\""),
    # defences: an open one is for a reviewer; a broad one narrows; a conditioned one is within "without right"
    ("exception    reasonable-excuse", Verdict.MET, "a reviewer must judge"),
    ("exception    news-reporting", Verdict.PARTLY_MET, "broader than \"without right\""),
    ("exception    news-reporting when anonymised", Verdict.MET, None),
    ("exception    lawful-authority burden accused", Verdict.MET, "the accused must prove it"),
])
def test_every_element_of_an_art_16_offence_is_read(line: str, verdict: Verdict, why: str | None) -> None:
    f = finding(element("uncc.16", ADULT_IMAGE, NCII, line), "uncc.16.1")
    assert f.verdict is verdict, reasons(f)
    if why is not None:
        assert why in reasons(f)
    if verdict is Verdict.OPTION_USED:
        assert f.options == ["uncc.16.5"]
        assert finding(element("uncc.16", ADULT_IMAGE, NCII, line), "uncc.16.5").verdict is Verdict.OPTION_USED


@pytest.mark.parametrize(("attribute", "verdict"), [
    ("identifiable-by acquaintances", Verdict.PARTLY_MET),
    ("place dwelling", Verdict.PARTLY_MET),
    # a private place narrows too: an image private when recorded may be made elsewhere (LAWYER-S26)
    ("place private-place | dwelling", Verdict.PARTLY_MET),
    ("place private-place | public-place", Verdict.MET),
    ("privacy private-at-recording", Verdict.MET),
])
def test_identifiability_and_place_are_read_in_the_definition(attribute: str, verdict: Verdict) -> None:
    obj = f"object intimate-image {{ person adult\n origin real\n {attribute} }}"
    assert finding(element("uncc.16", obj, NCII, "consent absent"), "uncc.16.2").verdict is verdict


@pytest.mark.parametrize(("conduct", "line", "requirement", "verdict", "why"), [
    # sexual curiosity narrows possession just as profit does
    ("possess", "purpose      sexual-curiosity", "uncc.14.1.c", Verdict.PARTLY_MET, "requires a sexual purpose"),
    ("possess", "purpose      profit", "uncc.14.1.c", Verdict.PARTLY_MET, "profit purpose"),
    ("possess", "purpose      dissemination", "uncc.14.1.c", Verdict.PARTLY_MET, "purpose of dissemination"),
    (CSAM, "harm         capable-of-damage", "uncc.14.1.a", Verdict.PARTLY_MET, "no harm element"),
    (CSAM, "as-to        likely-harm knowledge", "uncc.14.1.a", Verdict.PARTLY_MET, "a further fact"),
    (CSAM, "as-to        age knowledge | recklessness", "uncc.14.1.a", Verdict.MET, "beyond \"intentionally\""),
    (CSAM, "mental       intent direct", "uncc.14.1.a", Verdict.PARTLY_MET, "indirect intent"),
    (CSAM, "actors       adult", "uncc.14.1.a", Verdict.PARTLY_MET, "Only adults"),
    (CSAM, "recipients   public", "uncc.14.1.a", Verdict.PARTLY_MET, "to a single person"),
    # a legitimate reason for possession is an open defence, as under Art. 16(1): for a reviewer, its burden reported;
    # a news-reporting defence narrows
    ("possess", "exception    legitimate-purpose burden accused", "uncc.14.1.c", Verdict.MET,
     "the accused must prove it"),
    ("possess", "exception    legitimate-purpose", "uncc.14.1.c", Verdict.MET, "a reviewer must judge"),
    ("possess", "exception    news-reporting", "uncc.14.1.c", Verdict.PARTLY_MET, "broader than \"without right\""),
    ("possess", "exception    reasonable-excuse", "uncc.14.1.c", Verdict.MET, "a reviewer must judge"),
    ("possess", "exception    reporting-to-authorities", "uncc.14.1.c", Verdict.MET, None),
    # the options of Art. 14(4), named as such
    (CSAM, "exception    self-generated-by-child", "uncc.14.1.a", Verdict.OPTION_USED, "Art. 14(4)(a) permits"),
])
def test_every_element_of_an_art_14_offence_is_read(conduct: str, line: str, requirement: str, verdict: Verdict,
                                                     why: str | None) -> None:
    f = finding(element("uncc.14", CHILD_MATERIAL, conduct, line), requirement)
    assert f.verdict is verdict, reasons(f)
    if why is not None:
        assert why in reasons(f)


def test_an_actual_age_test_is_the_art_14_3_a_option() -> None:
    both = "object csam { depicts sexual-activity\n person minor\n medium visual\n origin real | synthetic\n"
    assert finding(element("uncc.14", both + " }", CSAM, "consent irrelevant"), "uncc.14.3.a").verdict is Verdict.NA
    actual = finding(element("uncc.14", both + " age-test actual-age }", CSAM, "consent irrelevant"), "uncc.14.3.a")
    assert actual.verdict is Verdict.OPTION_USED and "actual age" in reasons(actual)


# -- reasons fit every system ------------------------------------------------------------------------------------------

def test_no_reason_speaks_of_prc_law_to_a_provision_of_another_system() -> None:
    """An obscenity offence of another State is told why it falls short in the treaty's terms; the PRC Criminal Law,
    its interpretations and the papers on it are cited to PRC provisions only."""
    from pathlib import Path

    from lexdraft import packs

    obscene = ("provision {code}.{act}.1 {{\n  jurisdiction {code}\n  status in-force\n"
               "  title zh \"淫秽\" en \"Obscene\"\n"
               "  purpose profit\n  conduct produce, distribute, possess\n  object obscene-material\n"
               "  penalty\n    base imprisonment <= 2 years\n}}\n")
    packs.use((str(Path(__file__).resolve().parent / "packs"),))
    try:
        drafts, _ = load_sources([("t.lexd", obscene.format(code="nz", act="hdca"))])
        found = [v for a in ("uncc.14", "uncc.16") for v in check(spec_for(a), drafts.provisions).verdicts]
        theirs = [t for v in found for n in v.notes for t in (n.text.en or "", n.text.zh or "")]
    finally:
        packs.use(())
    assert any("obscene material" in t for t in theirs)
    prc_words = ("PRC", "art. 36", "Interpretation", "刑法", "第三百", "002_", "000_")
    assert not [t for t in theirs if any(w in t for w in prc_words)]
    drafts, _ = load_sources([("t.lexd", obscene.format(code="prc", act="criminal-law"))])
    ours = " ".join(n.text.en or "" for v in check(spec_for("uncc.14"), drafts.provisions).verdicts for n in v.notes)
    assert "art. 367 PRC Criminal Law" in ours and "art. 363" in ours
