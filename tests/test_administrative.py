"""Administrative measures beside the offences (issue 13): Art. 18(2)'s administrative form of legal persons'
liability, and a measure that forbids what the treaty asks to be a crime (CSEPA art. 39 ¶3) named, never counted."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.pipeline import check_set, load, load_sources
from lexdraft.treaty.conformance import Finding, Report, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

ROOT = Path(__file__).resolve().parent.parent

OFFENCE = """
provision xx.code.1 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 1-1 after 1
  title        zh "测试" en "Test"
  actors       natural-person
  mental       intent
  conduct      produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available
  means        ict-system
  object       csam { depicts sexual-activity
 person minor }
  prosecution  public
  penalty
    base imprisonment <= 3 years
}
"""

MEASURE = """
obligation prc.deep-synthesis-provisions.9 {{
  jurisdiction prc
  status       in-force
  instrument   deep-synthesis-provisions
  title        zh "义务" en "A duty"
  source       "Deep Synthesis Provisions art. 9"
  holder       {holder}
  duty         real-identity-authentication under deep-synthesis-provisions
  {extra}
  sanction     fine 10000..100000 yuan per "Deep Synthesis Provisions art. 22"
  translation  working-gloss
  text         zh "深度合成服务提供者应当……" en "Providers must …"
}}
"""


def checked(article: str, *texts: str) -> Report:
    drafts, _ = load_sources([(f"d{i}.lexd", text) for i, text in enumerate(texts)])
    return check(spec_for(article), drafts.provisions, drafts.rules, measures=drafts.obligations)


def finding(r: Report, rid: str) -> Finding:
    return next(v for v in r.verdicts if v.requirement.id == rid)


def reasons(f: Finding) -> str:
    return " ".join(f"{n.provision}: {n.text.en}" for n in f.notes)


def test_a_measure_punishing_a_legal_person_for_a_treaty_act_is_the_administrative_form_of_18_2() -> None:
    prohibition = MEASURE.format(holder="deep-synthesis-service-provider",
                                 extra="conduct      distribute\n  object       csam { person minor }")
    f = finding(checked("uncc.18", OFFENCE, prohibition), "uncc.18.2")
    assert f.verdict is Verdict.OPTION_USED, reasons(f)
    assert f.met_by == ["prc.deep-synthesis-provisions.9"]
    assert "prc.deep-synthesis-provisions.9: Administrative liability is provided for legal persons under this " \
           "measure (Deep Synthesis Provisions art. 9): deep synthesis service providers bear its duty, and a breach " \
           "is sanctioned by a fine of 10,000 to 100,000 yuan, under Deep Synthesis Provisions art. 22 (one of the " \
           "forms Art. 18(2) permits)" in reasons(f)
    assert "行政责任" in " ".join(n.text.zh or "" for n in f.notes)
    assert "The option is not taken" not in reasons(f)


def test_a_compliance_duty_on_legal_persons_is_context_never_18_2_liability() -> None:
    """LAWYER-FINAL S-I: a duty punished for its own breach (identification, labelling) is no liability for taking
    part in an offence of Arts. 14 or 16, though it binds a legal person and carries a sanction."""
    f = finding(checked("uncc.18", OFFENCE, MEASURE.format(holder="deep-synthesis-service-provider", extra="")),
                "uncc.18.2")
    assert f.verdict is Verdict.NA and f.met_by == [], reasons(f)
    assert "Administrative liability is provided" not in reasons(f)
    assert "prc.deep-synthesis-provisions.9: An administrative measure imposing a preventive compliance duty on " \
           "deep synthesis service providers, its breach as such sanctioned by a fine of 10,000 to 100,000 yuan, " \
           "under Deep Synthesis Provisions art. 22: it is neither liability for participation in the offences " \
           "(Art. 18(1)-(2)) nor a sanction under Art. 18(4), and is listed as context only." in reasons(f)
    assert "既非参与犯罪的责任" in " ".join(n.text.zh or "" for n in f.notes)
    # the set still says it gives no measure of that form
    assert "The set gives no administrative measure that makes legal persons liable for taking part" in reasons(f)
    # a prohibition of an act outside Arts. 14 and 16 (material of adults) is no participation in their offences
    adults = MEASURE.format(holder="deep-synthesis-service-provider",
                            extra="conduct      distribute\n  object       csam { person adult }")
    assert finding(checked("uncc.18", OFFENCE, adults), "uncc.18.2").verdict is Verdict.NA


def test_a_set_without_an_administrative_measure_on_legal_persons_says_so() -> None:
    none = finding(checked("uncc.18", OFFENCE), "uncc.18.2")
    assert none.verdict is Verdict.NA
    assert "The set gives no administrative measure that makes legal persons liable for taking part" in reasons(none)
    # a measure on natural persons is no liability of legal persons
    natural = finding(checked("uncc.18", OFFENCE, MEASURE.format(holder="natural-person", extra="")), "uncc.18.2")
    assert natural.verdict is Verdict.NA and natural.met_by == []
    assert "The set gives no administrative measure that makes legal persons liable for taking part" in \
        reasons(natural)


def test_a_measure_forbidding_a_treaty_act_is_named_where_the_paragraph_is_decided_and_counts_for_nothing() -> None:
    prohibition = MEASURE.format(holder="natural-person",
                                 extra="conduct      possess\n  object       csam { person minor }")
    r = checked("uncc.14", OFFENCE, prohibition)
    f = finding(r, "uncc.14.1.c")
    assert f.verdict is Verdict.NOT_MET and f.met_by == [], reasons(f)
    assert "prc.deep-synthesis-provisions.9: An administrative measure, not a criminal offence: it punishes this " \
           "conduct (possessing or controlling) with this material by a fine of 10,000 to 100,000 yuan, under Deep " \
           "Synthesis Provisions art. 22, and by nothing more, so it implements nothing of Art. 14(1)(c)" in reasons(f)
    assert "第14条第1款(c)项" in " ".join(n.text.zh or "" for n in f.notes)
    # the range as a statute words it (处一万元以上十万元以下罚款), never "罚款10000至100000元"
    assert "仅处一万元以上十万元以下罚款（Deep Synthesis Provisions art. 22）" in \
        " ".join(n.text.zh or "" for n in f.notes)
    assert "prc.deep-synthesis-provisions.9" not in reasons(finding(r, "uncc.14.1.a"))


@pytest.mark.parametrize(("extra", "message"), [
    ("conduct      possess", "obligation `prc.deep-synthesis-provisions.9` has `conduct` but no `object`"),
    ("object       csam { person minor }",
     "obligation `prc.deep-synthesis-provisions.9` has `object` but no `conduct`"),
    ("conduct      possess, possess\n  object       csam { person minor }", "`possess` is listed twice in `conduct`"),
    ("conduct      posess\n  object       csam { person minor }", "posess"),
])
def test_a_prohibition_needs_its_conduct_and_object_each_well_formed(extra: str, message: str) -> None:
    with pytest.raises(LexdraftError) as e:
        load_sources([("m.lexd", MEASURE.format(holder="natural-person", extra=extra))])
    found = [d for d in e.value.diagnostics if message in d.message]
    assert found and all(d.span is not None for d in found), [d.message for d in e.value.diagnostics]


def test_taiwan_first_possession_of_drawings_is_an_administrative_fine_and_the_report_says_so() -> None:
    """CSEPA art. 39 ¶1-¶2 reach 性影像 only (real recordings), ¶4 drawings and other items only from the second
    apprehension; the first is ¶3's administrative fine, named where 14(1)(c) is decided, and whether an AI image is
    a 性影像 stays a reviewer's question."""
    reports = {c.article: c.report for c in check_set(load([str(ROOT / "drafts" / "tw" / "in-force")]),
                                                    ["uncc.14", "uncc.18"])}
    f = finding(reports["uncc.14"], "uncc.14.1.c")
    assert f.verdict is Verdict.PARTLY_MET, reasons(f)
    assert f.met_by == ["tw.csepa.39.1", "tw.csepa.39.2", "tw.csepa.39.4"]
    why = reasons(f)
    # ¶3's every sanction, as its text lays them down: "by nothing more" is true only of all three
    assert "tw.csepa.39.3: An administrative measure, not a criminal offence: it punishes this conduct (possessing " \
           "or controlling) with this material by a fine of 10,000 to 100,000 New Taiwan dollars, under CSEPA art. " \
           "39 ¶3 (an administrative fine), with a discretionary order to receive counselling education of 2 to 10 " \
           "hours and the forfeiture of the media, drawings and items, and by nothing more" in why
    # what ¶4's threshold leaves out is its material less ¶1-¶2's 性影像, punished from the first act
    assert "tw.csepa.39.4: Possessing audio material or visual material other than real recordings is a crime under " \
           "it only when caught a second or subsequent time; possessing real visual recordings is a crime from the " \
           "first act under tw.csepa.39.1 and tw.csepa.39.2; so possessing visual material other than real " \
           "recordings (a drawing of a real child, say) for the first time" in why
    assert "tw.csepa.39.2: The material is 性影像 only" in why and "a reviewer must decide it" in why
    # Taiwan's administrative fine binds natural persons: no administrative liability of legal persons
    assert "The set gives no administrative measure that makes legal persons liable for taking part" in \
        reasons(finding(reports["uncc.18"], "uncc.18.2"))


def test_an_obligation_lays_down_every_sanction_its_text_does() -> None:
    """CSEPA art. 39 ¶3 punishes a first possession by a fine (罰鍰), an order the authority may make to receive two to
    ten hours of counselling education, and the forfeiture (沒入) of the items: each is a `sanction` of the
    obligation, the fine first, printed back as written, and composed text joins those beside the fine to its
    sentence in each language; a range beside the fine takes its own unit (hours), checked as a fine's is."""
    from lexdraft.language.printer import format_document
    from lexdraft.wording.render import render

    drafts = load([str(ROOT / "drafts" / "tw" / "in-force")])
    (o,) = [o for o in drafts.obligations if o.id == "tw.csepa.39.3"]
    assert [(s.kind.name, s.low, s.high, s.unit.name if s.unit else None) for s in o.sanctions] == [
        ("fine", 10000, 100000, "twd"), ("counselling-order", 2, 10, "hours"), ("forfeiture", None, None, None)]
    assert o.sanction is o.sanctions[0]
    printed = format_document(o)
    assert "  sanction     counselling-order 2..10 hours\n  sanction     forfeiture\n" in printed
    composed = MEASURE.format(holder="unit", extra="").replace(
        '  translation  working-gloss\n  text         zh "深度合成服务提供者应当……" en "Providers must …"\n',
        "  sanction     counselling-order 2..10 hours\n  sanction     forfeiture\n")
    measures, diagnostics = load_sources([("d.lexd", composed)])
    assert diagnostics == []
    (m,) = measures.obligations
    zh = render(m, "zh", {})
    assert "处一万元以上十万元以下罚款，并得令其接受辅导教育（2至10小时），没入其附着物、图画及物品。" in zh
    assert ("not more than 100,000 yuan; a discretionary order to receive counselling education (2 to 10 hours) and "
            "the forfeiture of the media, drawings and items also apply.") in render(m, "en", {})
    with pytest.raises(LexdraftError) as bad:
        load_sources([("d.lexd", composed.replace("2..10 hours", "2..10 hour"))])
    assert any(d.code == "E213" for d in bad.value.diagnostics)


def test_taiwans_18_1_not_met_rests_on_what_the_reference_holds_of_its_law_on_legal_persons() -> None:
    """Art. 18(1) reads the liability of legal persons from the provisions' actors and the set's legal-persons rules
    (criminal liability; an administrative route is read under 18(2)). Taiwan makes legal persons liable by clauses
    of its special statutes (兩罰), and the reference quotes none: the provisions' `natural-person` alone does not say
    why no legal person answers, so the not-met verdict states what the reference holds and what it does not (the
    rest of CSEPA and of the general part), for a reviewer to find a clause there."""
    reports = {c.article: c.report for c in check_set(load([str(ROOT / "drafts" / "tw" / "in-force")]),
                                                    ["uncc.18"])}
    f = finding(reports["uncc.18"], "uncc.18.1")
    assert f.verdict is Verdict.NOT_MET and f.met_by == [], reasons(f)
    (law,) = [n for n in f.notes if not n.provision and "兩罰" in (n.text.en or "")]
    assert law.text.en is not None and law.text.en.startswith(
        "The reference holds no provision of Taiwan's law that makes a legal person liable: the Criminal Code "
        "articles it quotes (arts. 10, 12-13, 235, 319 and 319-1 to 319-6) and CSEPA arts. 2, 36, 38 and 39")
    assert "whether a clause there makes legal persons liable for these offences is for a reviewer to find" in \
        law.text.en
    assert law.text.zh is not None and "两罚规定" in law.text.zh and "须由审查人员查明" in law.text.zh
    # the PRC's own clauses make units liable: no such statement where a rule of the set does
    prc = {c.article: c.report for c in check_set(load([str(ROOT / "drafts" / "prc" / "in-force")]), ["uncc.18"])}
    assert not [n for n in finding(prc["uncc.18"], "uncc.18.1").notes if "兩罰" in (n.text.en or "")]


def test_the_prc_deep_synthesis_duties_are_context_and_18_2_rests_on_the_criminal_law() -> None:
    """LAWYER-FINAL S-I: Deep Synthesis Provisions arts. 9-17 are compliance duties punished under art. 22; 18(2) is
    option-used on the unit crimes (arts. 30-31 and 366, arts. 287-1/287-2 ¶2) alone."""
    reports = {c.article: c.report for c in check_set(load([str(ROOT / "drafts" / "prc" / "in-force")]),
                                                    ["uncc.18"])}
    f = finding(reports["uncc.18"], "uncc.18.2")
    assert f.verdict is Verdict.OPTION_USED
    assert "prc.criminal-law.363.1" in f.met_by and "prc.criminal-law.287-2" in f.met_by
    assert not [m for m in f.met_by if m.startswith("prc.deep-synthesis-provisions.")], f.met_by
    assert "prc.criminal-law.363.1: Criminal liability is provided for legal persons for this offence under " \
           "prc.criminal-law.366" in reasons(f)
    assert "Administrative liability is provided" not in reasons(f)
    assert "prc.deep-synthesis-provisions.10: An administrative measure imposing a preventive compliance duty on " \
           "deep synthesis service providers" in reasons(f)


SHARING = """
provision xx.code.2 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 2-1 after 2
  title        zh "测试" en "Test"
  actors       natural-person
  mental       intent
  conduct      distribute, transmit, publish, make-available
  object       intimate-image
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 3 years
}
"""


def test_legal_persons_sanctioned_administratively_for_an_offence_are_liable_for_it_under_18_1() -> None:
    """Italy's D.Lgs. 231/2001 art. 25-quinquies fines entities for the child-pornography offences of the Criminal
    Code, though the Code's offences name no legal person; it does not list the intimate-image offence (art. 612-ter).
    Art. 18(2) lets the liability be administrative, so 18(1) is met for the offences such a measure reaches and not
    for the rest; 18(4) is a reviewer's, not 'no legal person is liable', and 18(3) says whence the liability comes."""
    prohibition = MEASURE.format(holder="unit", extra="conduct      produce, distribute, possess\n"
                                                      "  object       csam { person minor }")
    r = checked("uncc.18", OFFENCE, SHARING, prohibition)
    one = finding(r, "uncc.18.1")
    assert one.verdict is Verdict.PARTLY_MET and one.met_by == ["xx.code.1"], reasons(one)
    assert ("xx.code.1: Legal persons answer for this offence administratively under "
            "prc.deep-synthesis-provisions.9, a form Art. 18(2) permits.") in reasons(one)
    assert "not under xx.code.2" in reasons(one)
    four = finding(r, "uncc.18.4")
    assert four.verdict is Verdict.NOT_ASSESSED and four.met_by == ["xx.code.1"], reasons(four)
    three = finding(r, "uncc.18.3")
    assert three.verdict is Verdict.MET  # the natural persons who commit it stay liable under the offence
    assert "Legal persons answer for this offence administratively under prc.deep-synthesis-provisions.9; the " \
        "natural persons who commit the offence remain liable under xx.code.1 itself" in reasons(three)
    # a compliance duty on the same holder answers for no offence
    duty = finding(checked("uncc.18", OFFENCE, SHARING, MEASURE.format(holder="unit", extra="")), "uncc.18.1")
    assert duty.verdict is Verdict.NOT_MET, reasons(duty)
