"""Verdicts a treaty reviewer would sign (issue 13): options taken by the set, not by one provision; Art. 18(2)'s forms
and 18(3)'s natural persons read from the general part."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.pipeline import load, load_sources
from lexdraft.treaty.conformance import Finding, Report, check
from lexdraft.treaty.counterexample import counterexample
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.reach import reaches
from lexdraft.treaty.scenario import Material, Person, Scenario
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

ROOT = Path(__file__).resolve().parent.parent

# One provision; `{n}`, `{conduct}`, `{object}` and `{extra}` are filled in per test.
TEMPLATE = """
provision xx.code.{n} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article {n}-1 after {n}
  title        zh "测试" en "Test {n}"
  actors       natural-person
  mental       {mental}
  conduct      {conduct}
  means        ict-system
  {object}
  {extra}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""

CSAM = "produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available"
MATERIAL = "object csam {{ depicts sexual-activity\n person minor\n origin real | synthetic\n medium {medium}{more} }}"
# a virtual test that spares material depicting an existing person: the option of 14(3)(a) (without the scope term it
# narrows the offence instead: test_a_virtual_test_that_reaches_real_children_narrows_the_offence)
VIRTUAL = "\n virtual-test represented-as-minor, high-verisimilitude, inducement-risk, existing-persons-exempt"
AGAINST_A_CHILD = "object person { person child-under-14\n origin real }"


def provision(n: int, obj: str, conduct: str = CSAM, extra: str = "", mental: str = "intent") -> str:
    return TEMPLATE.format(n=n, conduct=conduct, object=obj, extra=extra, mental=mental)


def checked(article: str, *provisions: str) -> Report:
    drafts, _ = load_sources([(f"p{i}.lexd", text) for i, text in enumerate(provisions)])
    return check(spec_for(article), drafts.provisions, drafts.rules)


def finding(r: Report, rid: str) -> Finding:
    return next(v for v in r.verdicts if v.requirement.id == rid)


def reasons(f: Finding) -> str:
    return " ".join(f"{n.provision}: {n.text.en}" for n in f.notes)


# -- an option narrowing the material is the set's, not one provision's -------------------------------------------

def test_prc_indecency_against_a_child_is_no_use_of_the_existing_person_option() -> None:
    """The reader would not sign 14(3)(a) "option-used" on art. 237 ¶3: an offence against a real child is no election
    to narrow the material, and arts. 363/364 reach invented or drawn material."""
    drafts = load([str(ROOT / "drafts" / "prc" / "in-force")])
    r = check(spec_for("uncc.14"), [p for p in drafts.provisions if p.id.startswith("prc.")], drafts.rules)
    f = finding(r, "uncc.14.3.a")
    assert f.verdict is Verdict.NA, reasons(f)
    assert f.met_by == []
    assert "not limited to depictions of existing persons" in reasons(f)
    assert "prc.criminal-law.237.3: Its object is the person the offence is committed against" in reasons(f)


def test_with_the_proposals_one_provision_limiting_its_material_does_not_take_the_option_for_the_set() -> None:
    drafts = load([str(ROOT / "drafts" / "prc")])
    r = check(spec_for("uncc.14"), [p for p in drafts.provisions if p.id.startswith("prc.")], drafts.rules)
    f = finding(r, "uncc.14.3.b")
    assert f.verdict is Verdict.NA, reasons(f)
    # 364-1 limits its own material; 363 and 364 do not, and are named
    assert "prc.criminal-law.363.1: Not so limited" in reasons(f)
    assert "prc.criminal-law.364.1: Not so limited" in reasons(f)
    # LAWYER-G4 G6: the bill's virtual test applies to every synthetic image, a deepfake of a real child included, so
    # it is no use of 14(3)(a) but a narrowing of the offence and of the definition (14(2) partly-met, not met)
    assert finding(r, "uncc.14.3.a").verdict is Verdict.NA
    narrowing = "prc.criminal-law.364-1: The cumulative test for virtual material also excludes synthetic material " \
                "depicting a real, identifiable child"
    assert narrowing in reasons(finding(r, "uncc.14.1.c")) and narrowing in reasons(finding(r, "uncc.14.2"))
    assert finding(r, "uncc.14.2").verdict is Verdict.PARTLY_MET


def test_an_option_narrowing_the_material_is_used_only_when_every_material_offence_takes_it() -> None:
    limited = provision(1, MATERIAL.format(medium="visual", more=VIRTUAL))
    also_limited = provision(2, MATERIAL.format(medium="visual", more=VIRTUAL), conduct="possess")
    unlimited = provision(3, MATERIAL.format(medium="visual | written", more=""), conduct="possess")
    assert finding(checked("uncc.14", limited, also_limited), "uncc.14.3.a").verdict is Verdict.OPTION_USED
    assert finding(checked("uncc.14", limited, also_limited), "uncc.14.3.b").verdict is Verdict.OPTION_USED
    mixed = checked("uncc.14", limited, unlimited)
    for rid in ("uncc.14.3.a", "uncc.14.3.b"):
        f = finding(mixed, rid)
        assert f.verdict is Verdict.NA, (rid, reasons(f))
        assert "xx.code.3: Not so limited" in reasons(f)


def test_an_offence_against_a_real_child_neither_takes_nor_refuses_the_option() -> None:
    against = provision(9, AGAINST_A_CHILD, conduct="molest, coerce-sexual-exposure")
    alone = finding(checked("uncc.14", against), "uncc.14.3.a")
    assert alone.verdict is Verdict.NA and "The option is not taken" in reasons(alone)
    limited = provision(1, MATERIAL.format(medium="visual", more=VIRTUAL))
    with_material = finding(checked("uncc.14", limited, against), "uncc.14.3.a")
    assert with_material.verdict is Verdict.OPTION_USED, reasons(with_material)
    assert with_material.met_by == ["xx.code.1"]


def test_a_virtual_test_that_reaches_real_children_narrows_the_offence() -> None:
    """LAWYER-G4 G6: a cumulative test for virtual material (realistic enough to be mistaken for a real child, a risk of
    inducing offences) applied to every synthetic image also excludes a stylised but identifiable deepfake of a real
    child, who exists: 14(3)(a) permits excluding only material depicting no existing person. Such a test is a
    narrowing (partly-met, with the reason and the drafting fix), not the option; one that spares material depicting
    an existing person (`existing-persons-exempt`) is the option, and the evaluator agrees on a deepfake."""
    bare = "\n virtual-test represented-as-minor, high-verisimilitude, inducement-risk"
    narrowing = provision(1, MATERIAL.format(medium="visual", more=bare), conduct="possess")
    r = checked("uncc.14", narrowing)
    c = finding(r, "uncc.14.1.c")
    assert c.verdict is Verdict.PARTLY_MET, reasons(c)
    assert ("14(3)(a) permits excluding only material depicting no existing person. A sentence sparing synthetic "
            "material that depicts an existing person under eighteen from those conditions") in reasons(c)
    assert "描绘" not in reasons(c)  # an English reason for any State quotes no Chinese statute words
    assert finding(r, "uncc.14.2").verdict is Verdict.PARTLY_MET
    assert finding(r, "uncc.14.3.a").verdict is Verdict.NA
    spared = provision(1, MATERIAL.format(medium="visual", more=VIRTUAL), conduct="possess")
    s = checked("uncc.14", spared)
    assert finding(s, "uncc.14.1.c").verdict is Verdict.MET
    assert "virtual material" not in reasons(finding(s, "uncc.14.2"))  # only the situations it leaves out
    assert finding(s, "uncc.14.3.a").verdict is Verdict.OPTION_USED
    drafts, _ = load_sources([("a.lexd", narrowing), ("b.lexd", provision(2, MATERIAL.format(
        medium="visual", more=VIRTUAL), conduct="possess"))])
    by_id = {p.id: p for p in drafts.provisions}
    deepfake = Scenario("possess", Material("visual", "synthetic", frozenset({"sexual-activity"}), Person(15)))
    assert [m.element for m in reaches(by_id["xx.code.1"], deepfake).misses] == ["object.virtual-test"]
    assert reaches(by_id["xx.code.2"], deepfake).reached
    invented = deepfake.with_material(person=Person(15, exists=False, identifiable=False))
    assert not reaches(by_id["xx.code.2"], invented).reached  # invented material must still meet the test
    # the scope is a sentence of its own after the conditions, in the statute's words
    from lexdraft.wording.render import render

    zh, en = render(by_id["xx.code.2"], "zh", by_id), render(by_id["xx.code.2"], "en", by_id)
    assert "“（三）具有诱发针对真实的未成年人犯罪的实质风险。\n“描绘真实存在的未成年人的合成材料，" \
        "不受前款条件限制。”" in zh
    assert ("“Synthetic material depicting an existing person under eighteen is not subject to the conditions of the "
            "preceding paragraph.”") in en


def test_real_recordings_only_reaches_no_invented_material_and_does_not_refuse_the_option() -> None:
    """A provision limited to real recordings is narrower than the existing-person limit (a narrowing under 14(1)),
    but reaches no invented material: beside one that takes the option, the set still takes it."""
    limited = provision(1, MATERIAL.format(medium="visual", more=VIRTUAL))
    recordings = provision(2, "object csam { depicts sexual-activity\n person minor\n origin real\n medium visual }",
                           conduct="possess")
    f = finding(checked("uncc.14", limited, recordings), "uncc.14.3.a")
    assert f.verdict is Verdict.OPTION_USED, reasons(f)
    assert "xx.code.2: Limited to real recordings" in reasons(f)


def test_the_harm_intent_option_is_the_sets_only_when_every_art_16_offence_requires_it() -> None:
    image = "object intimate-image { person adult\n origin real }"
    harm = provision(1, image, "distribute", "consent absent\n  purpose cause-harm")
    plain = provision(2, image, "distribute, sell, transmit, publish, make-available", "consent absent")
    assert finding(checked("uncc.16", harm), "uncc.16.5").verdict is Verdict.OPTION_USED
    both = finding(checked("uncc.16", harm, plain), "uncc.16.5")
    assert both.verdict is Verdict.NA, reasons(both)
    assert "Not every offence that carries Art. 16(1) requires an intent to cause harm" in reasons(both)


# -- Art. 18(2) and 18(3): the form of liability, and the natural persons beside the legal person ------------------

def prc(path: str, article: str) -> Report:
    drafts = load([str(ROOT / "drafts" / "prc" / path)] if path else [str(ROOT / "drafts" / "prc")])
    return check(spec_for(article), [p for p in drafts.provisions if p.id.startswith("prc.")], drafts.rules)


def test_prc_art_31_punishes_the_unit_and_its_persons_so_18_3_is_met() -> None:
    f = finding(prc("in-force", "uncc.18"), "uncc.18.3")
    assert f.verdict is Verdict.MET, reasons(f)
    assert f.met_by == ["prc.criminal-law.287-1", "prc.criminal-law.287-2", "prc.criminal-law.363.1",
                        "prc.criminal-law.364.1"]
    # art. 31 (双罚制) is cited, and each offence's own clause on units
    assert "prc.criminal-law.31" in reasons(f)
    # where the unit's liability comes from: art. 366 for art. 363 ¶1, whose own text names no unit; art. 30 sets the
    # scope of unit liability and punishes nobody, so it is not among the rules that punish both
    assert "prc.criminal-law.363.1: Legal persons answer for this offence under prc.criminal-law.366; " \
           "prc.criminal-law.31 and prc.criminal-law.366 punish the legal person and, beside it, the natural persons " \
           "responsible for the offence." in reasons(f)
    assert "prc.criminal-law.287-1: Legal persons answer for this offence under prc.criminal-law.287-1.2; " \
           "prc.criminal-law.287-1.2 and prc.criminal-law.31 punish" in reasons(f)
    assert "prc.criminal-law.30" not in reasons(f)
    assert "names legal persons" not in reasons(f)


def test_art_18_2_says_criminal_liability_is_one_of_the_permitted_forms() -> None:
    f = finding(prc("in-force", "uncc.18"), "uncc.18.2")
    assert f.verdict is Verdict.OPTION_USED
    assert "prc.criminal-law.287-1: Criminal liability is provided for legal persons under this provision (one of " \
           "the forms Art. 18(2) permits)." in reasons(f)
    # arts. 363 and 364 name no unit in their own words (`actors natural-person`): art. 366 is cited, never they
    assert "prc.criminal-law.363.1: Criminal liability is provided for legal persons for this offence under " \
           "prc.criminal-law.366 (one of the forms Art. 18(2) permits)." in reasons(f)
    assert "prc.criminal-law.363.1: Criminal liability is provided for legal persons under this provision" \
        not in reasons(f)


def test_a_unit_clause_elsewhere_is_the_18_2_criminal_form_of_an_offence_naming_no_unit() -> None:
    """`actors` says whom a provision's own words make liable; a legal-persons rule reaching it (PRC art. 366) gives
    the criminal form of Art. 18(2), cited by the rule. Without the rule, the option is not taken."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    alone = finding(checked("uncc.18", offence), "uncc.18.2")
    assert alone.verdict is Verdict.NA, reasons(alone)
    ruled = finding(checked("uncc.18", offence, RULE.format(punishes="fine-on-unit, responsible-persons-punished")),
                    "uncc.18.2")
    assert ruled.verdict is Verdict.OPTION_USED and ruled.met_by == ["xx.code.1"], reasons(ruled)
    assert "xx.code.1: Criminal liability is provided for legal persons for this offence under " \
           "prc.criminal-law.9999 (one of the forms Art. 18(2) permits)." in reasons(ruled)


RULE = """
rule prc.criminal-law.9999 {{
  jurisdiction prc
  status       in-force
  title        zh "单位" en "Units"
  source       "s"
  kind         legal-persons
  reaches      all
  punishes     {punishes}
  text         zh "第九千九百九十九条 ……"
}}
"""


def test_18_3_is_met_by_a_rule_punishing_both_or_by_the_offence_the_natural_persons_commit() -> None:
    """A rule that punishes no natural person (PRC art. 30's scope, a fine on the unit alone, Canada's s. 22.2) leaves
    the natural persons who commit the offence liable under it; only an offence no natural person commits needs a
    rule punishing the persons responsible (it was not-assessed wherever no rule punished both)."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    both = finding(checked("uncc.18", offence, RULE.format(punishes="fine-on-unit, responsible-persons-punished")),
                   "uncc.18.3")
    assert both.verdict is Verdict.MET and both.met_by == ["xx.code.1"], reasons(both)
    fine_only = finding(checked("uncc.18", offence, RULE.format(punishes="fine-on-unit")), "uncc.18.3")
    assert fine_only.verdict is Verdict.MET and fine_only.met_by == ["xx.code.1"], reasons(fine_only)
    assert "xx.code.1: Legal persons answer for this offence under prc.criminal-law.9999; the natural persons who " \
           "commit the offence remain liable under xx.code.1 itself" in reasons(fine_only), reasons(fine_only)
    assert "punishes the legal person and, beside it" not in reasons(fine_only)
    units = offence.replace("actors       natural-person", "actors       unit")
    unit_only = finding(checked("uncc.18", units, RULE.format(punishes="fine-on-unit")), "uncc.18.3")
    assert unit_only.verdict is Verdict.NOT_ASSESSED
    assert "xx.code.1: No rule of the set says whether the natural persons" in reasons(unit_only)
    nobody = finding(checked("uncc.18", offence), "uncc.18.3")
    assert nobody.verdict is Verdict.NOT_ASSESSED and "No legal person is liable" in reasons(nobody)


def test_18_3_says_where_the_legal_persons_liability_comes_from() -> None:
    """From the set's data: the clause that makes legal persons liable, else the provision's own actors; a general
    clause that punishes nobody itself (PRC art. 30) is never counted as punishing both."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    by_rule = finding(checked("uncc.18", offence, RULE.format(punishes="fine-on-unit, responsible-persons-punished")),
                      "uncc.18.3")
    assert "xx.code.1: Legal persons answer for this offence under prc.criminal-law.9999; prc.criminal-law.9999 " \
           "punishes the legal person and, beside it," in reasons(by_rule), reasons(by_rule)
    own = provision(2, MATERIAL.format(medium="visual", more="")).replace("actors       natural-person",
                                                                           "actors       natural-person, unit")
    itself = finding(checked("uncc.18", own), "uncc.18.3")
    assert itself.verdict is Verdict.MET
    assert "xx.code.2: The provision itself names legal persons among those who commit it; the natural persons " \
           "who commit the offence remain liable under xx.code.2 itself" in reasons(itself), reasons(itself)
    # the natural persons' liability does not hang on the legal person's
    assert reasons(itself).startswith(": Where a legal person is liable, the natural persons who commit the offence "
                                      "remain liable under the same provision: xx.code.2."), reasons(itself)
    summary = itself.notes[0].text.zh or ""
    assert "单位承担责任的，实施犯罪的自然人仍依同一条文承担刑事责任" in summary, summary
    assert "only beside" not in reasons(itself) and "并列" not in " ".join(n.text.zh or "" for n in itself.notes)
    # actors encoded from a paraphrase or a recollection are the encoding's, not the statute's words: marked so
    for prov, mark in (("paraphrase", "P"), ("r-memory", "R-memory")):
        weak = own.replace("  actors ", f"  provenance   {prov}\n  actors ")
        said = finding(checked("uncc.18", weak), "uncc.18.3")
        assert f"xx.code.2: The provision as encoded names legal persons among those who commit it [{mark}]; the " \
               "natural persons who commit the offence remain liable" in reasons(said), reasons(said)
        assert "provision itself names" not in reasons(said), reasons(said)
        zh = said.notes[1].text.zh
        assert f"按本工具对该条的编码，该条规定单位可以成为犯罪主体[{mark}]；" in zh, zh
        # the actors' own label, not the provision's: a statute recalled whose legal-persons clause is quoted
        # verbatim (New Zealand's FVPCA s. 124(2)) names them itself; one whose actors alone are weak is marked
        for label, words in (("v-primary", "The provision itself names legal persons among those who commit it;"),
                             (prov, f"as encoded names legal persons among those who commit it [{mark}];")):
            own_label = weak.replace("  actors ", f"  provenance   {label} for actors\n  actors ")
            said = finding(checked("uncc.18", own_label), "uncc.18.3")
            assert words in reasons(said), (label, reasons(said))
    scope_only = finding(checked("uncc.18", offence, RULE.format(punishes="as-provided-elsewhere")), "uncc.18.3")
    assert "punishes the legal person and, beside it" not in reasons(scope_only), reasons(scope_only)
    assert "xx.code.1: Legal persons answer for this offence under prc.criminal-law.9999; the natural persons" \
           in reasons(scope_only), reasons(scope_only)



def test_a_rule_that_fines_legal_persons_administratively_is_the_administrative_form() -> None:
    """A legal-persons rule imposing a regulatory fine (Germany's OWiG § 30, as recalled: a Geldbuße, no criminal
    liability of the legal person) makes legal persons answer for the offences it reaches: Art. 18(1) counts it,
    18(2) names the administrative form (not the criminal one, and not "no administrative measure"), 18(3) keeps the
    natural persons liable under the offence, and 18(4) reads a monetary sanction left for a reviewer to weigh."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    report = checked("uncc.18", offence, RULE.format(punishes="administrative-fine-on-unit"))
    one, two, three, four = (finding(report, f"uncc.18.{n}") for n in (1, 2, 3, 4))
    assert "xx.code.1: Legal persons answer for this offence administratively under prc.criminal-law.9999, a form " \
           "Art. 18(2) permits." in reasons(one), reasons(one)
    assert two.verdict is Verdict.OPTION_USED, two
    assert "xx.code.1: Administrative liability is provided for legal persons for this offence under " \
           "prc.criminal-law.9999 (one of the forms Art. 18(2) permits)." in reasons(two), reasons(two)
    assert "Criminal liability" not in reasons(two) and "gives no administrative measure" not in reasons(two)
    assert three.verdict is Verdict.MET, three
    assert "Legal persons answer for this offence administratively under prc.criminal-law.9999; the natural " \
           "persons who commit the offence remain liable under xx.code.1 itself" in reasons(three), reasons(three)
    assert four.verdict is Verdict.NOT_ASSESSED and four.met_by == ["xx.code.1"], four
    criminal = finding(checked("uncc.18", offence, RULE.format(punishes="fine-on-unit")), "uncc.18.2")
    assert "Criminal liability is provided" in reasons(criminal), reasons(criminal)

# -- Art. 14(4): children's self-generated material and consensual private material, read as options ---------------

def test_an_exception_for_a_childs_self_generated_material_is_the_14_4_a_option() -> None:
    own = provision(1, MATERIAL.format(medium="visual", more=""), extra="exception    self-generated-by-child")
    f = finding(checked("uncc.14", own), "uncc.14.4.a")
    assert f.verdict is Verdict.OPTION_USED and f.met_by == ["xx.code.1"], reasons(f)
    assert "as Art. 14(4)(a) permits" in reasons(f)
    none = finding(checked("uncc.14", provision(1, MATERIAL.format(medium="visual", more=""))), "uncc.14.4.a")
    assert none.verdict is Verdict.NA  # no longer left to a reviewer: the language states the exclusion
    private = provision(2, MATERIAL.format(medium="visual", more=""), conduct="possess",
                        extra="exception    consensual-private-use")
    b = finding(checked("uncc.14", private), "uncc.14.4.b")
    assert b.verdict is Verdict.OPTION_USED and "a reviewer must confirm both conditions" in reasons(b)


def test_14_4_is_judged_for_the_set_naming_every_offence() -> None:
    """An exclusion stated by one offence is the set's option even where another offence outranks it for the same
    acts; the offences that punish the conduct are named beside the one that excludes it."""
    excluding = provision(1, MATERIAL.format(medium="visual", more=""), extra="exception    self-generated-by-child")
    plain = provision(2, MATERIAL.format(medium="visual", more=""))
    possession = provision(3, MATERIAL.format(medium="visual", more=""), conduct="possess, control")
    f = finding(checked("uncc.14", excluding, plain, possession), "uncc.14.4.a")
    assert f.verdict is Verdict.OPTION_USED and f.met_by == ["xx.code.1"], reasons(f)
    assert "xx.code.1: Children's conduct concerning material they generated of themselves is excluded" in reasons(f)
    for other in ("xx.code.2", "xx.code.3"):
        # the offence's terms reach the child; the age of criminal responsibility decides whether a child is punished
        assert f"{other}: Does not exclude it in its terms; children's conduct concerning material they generated of " \
               "themselves falls under the offence, subject to the general rules on the age of criminal " \
               "responsibility and juvenile justice." in reasons(f)
    private = provision(4, MATERIAL.format(medium="visual", more=""), conduct="possess",
                        extra="exception    consensual-private-use")
    b = finding(checked("uncc.14", plain, private), "uncc.14.4.b")
    assert b.verdict is Verdict.OPTION_USED and b.met_by == ["xx.code.4"], reasons(b)
    assert "xx.code.2: Does not exclude it" in reasons(b)


def test_complementary_origin_limits_are_combined_across_the_set() -> None:
    """Real recordings in one offence and synthetic (computer-generated or drawn) material in another together reach
    the whole of 14(2)'s material for the acts both reach; each alone reaches it in part."""
    real = provision(1, f"object csam {{ {EVERY_SITUATION}\n origin real }}", "possess, control")
    drawn = provision(2, f"object csam {{ {EVERY_SITUATION}\n origin synthetic }}", "possess, control")
    both = finding(checked("uncc.14", real, drawn), "uncc.14.1.c")
    assert both.verdict is Verdict.MET, reasons(both)
    assert both.met_by == ["xx.code.1", "xx.code.2"]
    # the treaty's acts as the review names them, not their ids
    assert "Together xx.code.1, xx.code.2 reach material of every origin for possessing and controlling: xx.code.1 " \
           "reaches real material only; xx.code.2 reaches synthetic material only" in reasons(both)
    assert "合并适用" in " ".join(n.text.zh or "" for n in both.notes)
    for alone in (real, drawn):
        f = finding(checked("uncc.14", alone), "uncc.14.1.c")
        assert f.verdict is Verdict.PARTLY_MET, reasons(f)
        assert "Together" not in reasons(f)
    # a limit of another kind is not made up: the synthetic offence punishable only above a threshold
    above = provision(2, f"object csam {{ {EVERY_SITUATION}\n origin synthetic }}", "possess, control",
                      "tier base when any {\n    items-possessed >= 3 items\n  }")
    partly = finding(checked("uncc.14", real, above), "uncc.14.1.c")
    assert partly.verdict is Verdict.PARTLY_MET and "Together" not in reasons(partly), reasons(partly)
    # only the acts both reach are made up
    every_act = provision(1, f"object csam {{ {EVERY_SITUATION}\n origin real }}")
    producing = provision(2, f"object csam {{ {EVERY_SITUATION}\n origin synthetic }}", "produce")
    some = finding(checked("uncc.14", every_act, producing), "uncc.14.1.a")
    assert some.verdict is Verdict.PARTLY_MET
    assert "reach material of every origin for producing:" in reasons(some)


# -- what a provision reaches (treaty/reach.py) agrees with the checker on the elements it reads ----------------------

EVERY_SITUATION = "depicts sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | " \
                  "sexual-torture\n person minor"


@pytest.mark.parametrize(("obj", "extra", "mental", "element"), [
    ("", "", "intent direct", "mental"),
    ("", "as-to        likely-harm knowledge", "intent", "mental.as-to"),
    ("\n identifiable-by acquaintances", "", "intent", "object.identifiable-by"),
])
def test_a_possession_offence_narrowed_by_one_element_misses_a_counterexample(obj: str, extra: str, mental: str,
                                                                            element: str) -> None:
    plain = provision(1, f"object csam {{ {EVERY_SITUATION} }}", "possess, control")
    q = next(q for q in spec_for("uncc.14").requirements if q.id == "uncc.14.1.c")
    drafts, _ = load_sources([("p.lexd", plain)])
    assert finding(checked("uncc.14", plain), "uncc.14.1.c").verdict is Verdict.MET
    assert counterexample(q, drafts.provisions) is None
    narrowed = provision(1, f"object csam {{ {EVERY_SITUATION}{obj} }}", "possess, control", extra, mental)
    assert finding(checked("uncc.14", narrowed), "uncc.14.1.c").verdict is Verdict.PARTLY_MET
    drafts, _ = load_sources([("p.lexd", narrowed)])
    cx = counterexample(q, drafts.provisions)
    assert cx is not None, element
    assert [m.element for m in cx.misses[0].misses] == [element]
    told = describe(cx).en or ""
    assert told.startswith("An adult keeps on a phone or computer one photograph")
    assert told.endswith(": no provision in the set makes this an offence.")


def test_an_adult_only_offence_reaches_an_adult() -> None:
    """`actors adult` narrows Art. 14 (a child's conduct is left out), but the offence reaches adults: the reach said
    that only other actors than natural persons commit it."""
    adults = provision(1, f"object csam {{ {EVERY_SITUATION} }}", "possess, control").replace(
        "actors       natural-person", "actors       adult")
    drafts, _ = load_sources([("p.lexd", adults)])
    (p,) = drafts.provisions
    adult = Scenario("possess", Material("visual", "real", frozenset({"sexual-activity"}), Person(10)))
    assert reaches(p, adult).reached
    assert [m.element for m in reaches(p, adult.but(actor_adult=False)).misses] == ["actors"]


# -- 'beyond' rests on what the statute states, never on its silence -----------------------------------------------

NCII = "distribute, transmit, publish, make-available"


@pytest.mark.parametrize(("attrs", "verdict"), [
    ("", Verdict.MET),  # silent on origin, medium and depiction: it reaches them all, but says nothing beyond
    ("\n origin real | synthetic", Verdict.BEYOND),
    ("\n medium visual | audio", Verdict.BEYOND),
    ("\n medium visual", Verdict.MET),
])
def test_16_2_is_beyond_only_on_an_attribute_the_statute_states(attrs: str, verdict: Verdict) -> None:
    obj = f"object intimate-image {{ depicts exposed-sexual-organs | sexual-activity{attrs} }}"
    f = finding(checked("uncc.16", provision(1, obj, NCII, "consent      absent")), "uncc.16.2")
    assert f.verdict is verdict, reasons(f)


def test_16_2_is_beyond_for_a_wider_depiction_the_statute_states() -> None:
    """A definition reaching underwear-covered parts or nudity (Ireland's, New Zealand's) goes beyond 16(2)'s exposed
    sexual parts; a definition silent on what the image depicts reaches every depiction but extends nothing."""
    wide = "object intimate-image { depicts exposed-sexual-organs | sexual-activity | covered-sexual-parts | nudity }"
    f = finding(checked("uncc.16", provision(1, wide, NCII, "consent      absent")), "uncc.16.2")
    assert f.verdict is Verdict.BEYOND
    assert "Also reaches images of sexual parts covered only by underwear" in reasons(f)
    assert "Also reaches images of nudity" in reasons(f)
    # each reason names what this definition states, and nothing it does not
    assert "private parts" not in reasons(f) and "sex-related acts" not in reasons(f)
    silent = finding(checked("uncc.16", provision(1, "object intimate-image { person adult }", NCII,
                                                  "consent      absent")), "uncc.16.2")
    assert silent.verdict is Verdict.MET and "Also reaches" not in reasons(silent)


def test_16_2_other_private_parts_go_beyond_only_on_a_reading_of_sexual_parts() -> None:
    """Art. 16(2) does not define "sexual parts" (breasts or buttocks count in many systems): a definition reaching
    other private parts (Taiwan's Criminal Code art. 10 ¶8) may go beyond it, and the reason says on what it turns."""
    wide = "object intimate-image { depicts exposed-sexual-organs | sexual-activity | private-body-parts }"
    f = finding(checked("uncc.16", provision(1, wide, NCII, "consent      absent")), "uncc.16.2")
    assert f.verdict is Verdict.BEYOND
    assert "Also reaches images of other private parts of the body, which Art. 16(2) (exposed sexual parts or sexual " \
           "activity) may not require, depending on what counts as a sexual part." in reasons(f)
    zh = " ".join(n.text.zh or "" for n in f.notes)
    assert "可能超出第16条第2款（性部位暴露或者性行为）的要求（视何为性部位而定）" in zh


def test_14_2_written_or_audio_is_beyond_only_where_the_statute_says_so() -> None:
    every = "depicts sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture"
    silent = finding(checked("uncc.14", provision(1, f"object csam {{ {every}\n person minor }}")), "uncc.14.2")
    assert silent.verdict is Verdict.MET, reasons(silent)
    stated = provision(1, f"object csam {{ {every}\n person minor\n medium visual | written }}")
    assert finding(checked("uncc.14", stated), "uncc.14.2").verdict is Verdict.BEYOND


# -- material by what it shows, of whoever it shows (`of-anyone`) ---------------------------------------------------

def test_14_2_b_is_reached_by_material_defined_by_what_it_shows_of_anyone() -> None:
    """Obscene articles (the vocabulary's `of-anyone`) are material by what they show, whoever is in them: an
    offence whose object is obscene material concretely depicting sexual acts reaches a child present while others
    engage in sexual activity (14(2)(b)), as the counterexample search reads it. Material of a child's own sexual
    activity reaches (a), never (b)."""
    from lexdraft.treaty.facts import facts_of

    spec = next(q for q in spec_for("uncc.14").requirements if q.id == "uncc.14.2")
    situation_b = next(e for e in spec.elements if e.id == "situation-b")

    def facts(obj: str):  # type: ignore[no-untyped-def]
        drafts, _ = load_sources([("p.lexd", provision(1, obj, "distribute"))])
        return facts_of(drafts.provisions[0])

    obscene = facts("object obscene-material { depicts sexual-acts-concretely\n person minor }")
    assert situation_b.require.holds(obscene)
    assert "presence-at-sexual-activity" in obscene.object_depicts
    own = facts("object csam { depicts sexual-activity\n person minor }")
    assert not situation_b.require.holds(own)
    # what the object shows only if a court so finds (explicitly promoting pornography) reaches no one else's acts
    assert not situation_b.require.holds(facts("object obscene-material { depicts explicit-pornography }"))
    # the check's reason no longer names (b) among what may fall outside
    f = finding(checked("uncc.14", provision(1, "object obscene-material { depicts sexual-acts-concretely\n "
                                                "person minor }")), "uncc.14.2")
    assert "material in 14(2)(c)-(d) that is not \"obscene\" falls outside (material of (a) and (b) shows sexual " \
           "acts, whoever engages in them)" in reasons(f), reasons(f)


def test_virtual_material_made_from_images_of_real_children_is_the_existing_person_limit() -> None:
    """Italy's art. 600-quater.1 reaches virtual images "made using images of minors under eighteen or parts of them",
    and only those whose quality makes them appear real. Confining invented material to depictions of existing persons
    is the option of 14(3)(a) (`existing-persons-only`); the realism it also asks still leaves out a stylised deepfake
    of a real child, a narrowing. Without the term the option read as not taken."""
    both = provision(1, MATERIAL.format(
        medium="visual", more="\n virtual-test high-verisimilitude, existing-persons-only"), conduct="possess")
    r = checked("uncc.14", both)
    assert finding(r, "uncc.14.3.a").verdict is Verdict.OPTION_USED, reasons(finding(r, "uncc.14.3.a"))
    assert "made using images of an existing person under eighteen" in reasons(finding(r, "uncc.14.3.a"))
    assert finding(r, "uncc.14.1.c").verdict is Verdict.PARTLY_MET
    alone = provision(1, MATERIAL.format(medium="visual", more="\n virtual-test existing-persons-only"),
                      conduct="possess")
    a = checked("uncc.14", alone)
    assert finding(a, "uncc.14.3.a").verdict is Verdict.OPTION_USED
    assert finding(a, "uncc.14.1.c").verdict is Verdict.MET, reasons(finding(a, "uncc.14.1.c"))


def test_18_4_reads_every_rule_that_reaches_the_offence_not_only_the_one_cited() -> None:
    """PRC arts. 30 and 31 reach the same offences: art. 30 (`as-provided-elsewhere`) is cited first, art. 31 fines the
    unit; 18(4) said the offence subjected the legal person to no monetary sanction where art. 30 came first."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    scope = RULE.format(punishes="as-provided-elsewhere")
    fines = RULE.format(punishes="fine-on-unit, responsible-persons-punished").replace("prc.criminal-law.9999",
                                                                                        "prc.criminal-law.99999")
    four = finding(checked("uncc.18", offence, scope, fines), "uncc.18.4")
    assert four.verdict is Verdict.NOT_ASSESSED and four.met_by == ["xx.code.1"], reasons(four)
    assert "no monetary sanction" not in reasons(four)


def test_of_two_clauses_alike_the_one_that_makes_legal_persons_liable_is_cited() -> None:
    """Two legal-persons rules reaching every offence: one saying the legal person answers as the offence provides
    (Australia's Criminal Code s. 12.1), one only fining it (a sentencing rule, the Crimes Act s. 4B, as recalled).
    Art. 18(1) cites the first, whatever their ids' order; the fine of the second still counts for 18(4)."""
    offence = provision(1, MATERIAL.format(medium="visual", more=""))
    liable = RULE.format(punishes="offence-penalty-on-unit").replace("9999", "9999b")
    fines = RULE.format(punishes="fine-on-unit, fine-without-range").replace("9999", "9999a")
    report = checked("uncc.18", offence, liable, fines)
    one = finding(report, "uncc.18.1")
    assert "xx.code.1: Legal persons are liable for this offence under prc.criminal-law.9999b." in reasons(one), \
        reasons(one)
    four = finding(report, "uncc.18.4")
    assert four.met_by == ["xx.code.1"] and "without fixing an amount or a range" in reasons(four), reasons(four)


def test_18_3_met_on_the_offence_s_words_says_the_general_part_was_not_read() -> None:
    """Met because the offence's own words make natural persons liable: where the set gives no general part, a
    reviewer is told that a general rule displacing that liability is theirs to rule out; with it, nothing is added."""
    from lexdraft.pipeline import load_sources

    own = provision(2, MATERIAL.format(medium="visual", more="")).replace("actors       natural-person",
                                                                           "actors       natural-person, unit")
    drafts, _ = load_sources([("p.lexd", own)])
    unread = "The set gives no part of the general part of its law: that no general rule there takes the natural"
    without = finding(check(spec_for("uncc.18"), drafts.provisions, general_part=False), "uncc.18.3")
    assert without.verdict is Verdict.MET and unread in reasons(without), reasons(without)
    given = finding(check(spec_for("uncc.18"), drafts.provisions, general_part=True), "uncc.18.3")
    assert given.verdict is Verdict.MET and unread not in reasons(given), reasons(given)


def test_a_verdict_on_legal_persons_says_how_the_actors_were_obtained() -> None:
    """A recalled provision whose words naming legal persons are quoted verbatim (New Zealand's FVPCA s. 124(2)), or
    whose legal persons are inferred from a heading (Ireland's HHCROA s. 6): the 18(3) verdict keeps the provision's
    mark, since it rests on what makes it an offence too, and says how its actors were obtained."""
    own = provision(2, MATERIAL.format(medium="visual", more="")).replace(
        "actors       natural-person", "actors       natural-person, unit").replace(
        "  actors ", "  provenance   r-memory\n  provenance   LABEL for actors\n  actors ")
    for label, said in (("v-primary", "rests on verbatim text from an official legislation site [V-primary]"),
                        ("inferred", ("rests on lexdraft's inference from verbatim words (a heading), not the "
                                      "statute's words [inferred]"))):
        three = finding(checked("uncc.18", own.replace("LABEL", label)), "uncc.18.3")
        assert three.rests_on == "r-memory", three
        assert f"xx.code.2: Who commits it, legal persons among them, {said}; the verdict still rests on the rest " \
               "of its text [R-memory] too" in reasons(three), reasons(three)
    plain = finding(checked("uncc.18", own.replace("  provenance   LABEL for actors\n", "")), "uncc.18.3")
    assert "Who commits it" not in reasons(plain), reasons(plain)
