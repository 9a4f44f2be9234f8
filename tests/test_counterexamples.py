"""Counterexamples a lawyer would sign (issues 14 and 13): what an obscenity offence reaches, the findings a court makes
stated as a hedge, conduct against a child read for what the child is made to do, and only provisions under review
cited."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from lexdraft.language.vocabulary import vocabulary
from lexdraft.pipeline import load, load_sources, review_drafts
from lexdraft.treaty.counterexample import material_gap, reached_by_ids, unit_gap
from lexdraft.treaty.narrate import describe_gap, describe_unit_gap
from lexdraft.treaty.reach import reaches
from lexdraft.treaty.scenario import Material, Person, Scenario
from lexdraft.treaty.spec import spec_for

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"
PRC = load([str(DRAFTS / "prc" / "in-force")])
BY_ID = {p.id: p for p in PRC.provisions}

# Two offences alike but for their object: material defined by obscenity (of whoever it shows), and material of the
# child it shows. Jurisdiction and words are the template's; what differs is the vocabulary's reading of the kind.
TEMPLATE = """
provision xx.code.{n} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article {n}-1 after {n}
  title        zh "测试" en "Test {n}"
  actors       natural-person
  mental       intent
  conduct      produce
  means        ict-system
  object       {kind} {{ depicts {depicts} }}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


def _provision(n: int, kind: str, depicts: str):
    drafts, _ = load_sources([(f"p{n}.lexd", TEMPLATE.format(n=n, kind=kind, depicts=depicts))])
    (p,) = drafts.provisions
    return p


def _photo(age: int, depicts: str) -> Scenario:
    return Scenario("produce", Material("visual", "real", frozenset({depicts}), Person(age)))


def _requirement(rid: str):
    return next(q for q in spec_for(".".join(rid.split(".")[:2])).requirements if q.id == rid)


def test_material_that_shows_others_sexual_activity_is_within_an_offence_on_obscene_material() -> None:
    """Must-fix 1: a photograph of a 16-year-old present at others' sexual activity shows those acts, which is
    具体描绘性行为 (art. 367 ¶1): an offence whose object is obscene material reaches it. The reading is the
    vocabulary's, with a reason and a source (`of-anyone` on the kind, `others` on the depiction), not the PRC's:
    an offence whose object is material of the child reaches only what it shows of the child."""
    presence = vocabulary().entry("object-attributes.depicts", "presence-at-sexual-activity") or {}
    assert "sexual-activity" in presence["others"] and presence["reason"]["en"] and presence["source"]["zh"]
    assert (vocabulary().entry("objects", "obscene-material") or {}).get("of-anyone") is True
    assert not (vocabulary().entry("objects", "csam") or {}).get("of-anyone")
    s = _photo(16, "presence-at-sexual-activity")
    assert reaches(_provision(1, "obscene-material", "sexual-acts-concretely"), s).reached
    assert [m.element for m in reaches(_provision(2, "csam", "sexual-activity"), s).misses] == ["object.depicts"]
    # the bundled art. 363 ¶1, its profit purpose and thresholds granted
    generous = s.but(purposes=frozenset({"profit"}), circumstances=frozenset({"serious-circumstances"})) \
        .with_material(count=10 ** 6)
    assert reaches(BY_ID["prc.criminal-law.363.1"], generous, PRC.rules).reached


def test_where_a_court_decides_whether_material_is_obscene_the_reach_is_uncertain_and_the_gap_hedged() -> None:
    """Must-fix 2: exposed sexual organs are obscene only if a court finds them 露骨宣扬色情 (art. 367). The
    evaluator neither reaches nor misses them: it says what a court must find; the definition's counterexample says
    the material "may fall outside … unless a court finds …", in both languages. A photograph of sexual acts stays
    reached beyond doubt."""
    nude = _photo(30, "exposed-sexual-organs")
    r = reaches(_provision(3, "obscene-material", "sexual-acts-concretely | explicit-pornography"), nude)
    assert not r.reached and r.uncertain and [d.term for d in r.doubts] == ["explicit-pornography"]
    assert r.doubts[0].question.en == "the material explicitly promotes pornography"
    assert reaches(_provision(4, "obscene-material", "sexual-acts-concretely"), nude).misses
    provisions = sorted(PRC.provisions, key=lambda p: p.id)
    gap = material_gap(_requirement("uncc.16.2"), provisions, PRC.rules)
    assert gap is not None and gap.doubts
    assert {pid for pid, _ in gap.doubts} == {"prc.criminal-law.363.1", "prc.criminal-law.364.1"}
    text = describe_gap(gap)
    assert "may fall outside every provision of the set: unless a court finds that the material explicitly " \
           "promotes pornography (prc.criminal-law.363.1, prc.criminal-law.364.1), sending it" in (text.en or "")
    assert "可能不在所审查的任何条文范围之内：除非法院认定该材料属于露骨宣扬色情（prc.criminal-law.363.1、" \
           "prc.criminal-law.364.1），" in (text.zh or "")


def test_a_definition_s_counterexample_is_certain_where_one_limb_escapes_beyond_doubt() -> None:
    """The hedge is kept for what a court decides: a limb no provision reaches beyond doubt is reported first, as
    it stands (an offence of the child's own sexual activity leaves presence at others' acts outside)."""
    child_only = _provision(5, "csam", "sexual-activity")
    gap = material_gap(_requirement("uncc.14.2"), [child_only], [])
    assert gap is not None and not gap.doubts
    m = gap.scenario.material
    assert m is not None and m.depicts == frozenset({"presence-at-sexual-activity"})
    assert "is outside every provision of the set" in (describe_gap(gap).en or "")


def test_coercing_a_child_to_expose_themself_reaches_what_the_child_is_made_to_do_not_presence_at_others_acts() -> None:
    """Must-fix 5: the 2023 Interpretation art. 9 reaches a minor coerced or enticed to expose private parts or perform
    obscene acts, not one made to be present at others' acts (the vocabulary's `material` of the conduct, with its
    source); the 18(1) counterexample is made of facts art. 237 ¶3 does reach."""
    against = BY_ID["prc.criminal-law.237.3"]
    entry = vocabulary().entry("conduct", "coerce-sexual-exposure") or {}
    assert "art. 9" in entry["material"]["source"]["en"]
    for depicts, reached in (("sexual-activity", True), ("exposed-sexual-organs", True),
                             ("sexual-parts-for-sexual-purpose", True), ("presence-at-sexual-activity", False)):
        assert reaches(against, _photo(12, depicts).but(contact=True), PRC.rules).reached is reached, depicts
    q = _requirement("uncc.18.1")
    gap = unit_gap(q, sorted(PRC.provisions, key=lambda p: p.id), PRC.rules)
    assert gap is not None and gap.provision == "prc.criminal-law.237.3"
    assert gap.scenario.material is not None
    assert gap.scenario.material.depicts & set(entry["material"]["depicts"])
    assert "prc.criminal-law.237.3" in reached_by_ids(PRC.provisions, gap.scenario, PRC.rules)
    # the company could answer under art. 363 ¶1 through art. 366 only if a court finds the material obscene
    assert gap.doubts and "unless a court finds that" in (describe_unit_gap(gap).en or "")


def _bundled() -> list[Path]:
    out = []
    for d in sorted(p for p in DRAFTS.iterdir() if p.is_dir()):
        out.append(d / "in-force")
        if (d / "proposed").is_dir():
            out.append(d)
    return out


@pytest.mark.parametrize("path", _bundled(), ids=lambda p: str(p.relative_to(DRAFTS)))
def test_a_counterexample_cites_only_provisions_under_review(path: Path) -> None:
    """Must-fix 6: Taiwan's 18(1) counterexample cited Criminal Code art. 319-1, which the review of Art. 18 does not
    list. Every counterexample of every bundled set names only the measures of its own article."""
    reviews = review_drafts(load([str(path)]), ["uncc.14", "uncc.16", "uncc.18"])
    ids = {d.id for r in reviews for d in r.documents}
    for r in reviews:
        for a in r.articles:
            measures = {m.document.id for m in a.measures}
            for p in a.paragraphs:
                if p.counterexample is None:
                    continue
                text = f"{p.counterexample.en}\n{p.counterexample.zh}"
                cited = {i for i in ids if re.search(rf"(?<![\w.-]){re.escape(i)}(?![\w-])", text)}
                assert cited <= measures, (p.requirement.id, sorted(cited - measures))


def test_the_taiwan_18_1_counterexample_names_the_act_on_child_sexual_images() -> None:
    (tw,) = review_drafts(load([str(DRAFTS / "tw" / "in-force")]), ["uncc.18"])
    (p,) = [p for p in tw.articles[0].paragraphs if p.requirement.id == "uncc.18.1"]
    assert p.counterexample is not None and "tw.csepa.36.1" in (p.counterexample.en or "")
    assert "319-1" not in (p.counterexample.en or "")


def test_ages_in_chinese_counterexamples_are_written_as_statutes_write_them() -> None:
    """Issue 14, left: 十六周岁, not 十六岁."""
    gap = material_gap(_requirement("uncc.14.2"), sorted(PRC.provisions, key=lambda p: p.id), PRC.rules)
    assert gap is not None
    zh = describe_gap(gap).zh or ""
    assert "十六周岁未成年人" in zh and "十六岁" not in zh


@pytest.mark.parametrize("article", ["uncc.14", "uncc.16", "uncc.18", "uncc.19"])
def test_the_chinese_gists_hold_no_english_term_ids(article: str) -> None:
    """Issue 14, left: the 14(4) gists named the exception they read by its term id (`exception
    self-generated-by-child`); a Chinese reader is told what the exception is about."""
    for q in spec_for(article).requirements:
        assert not re.search(r"[A-Za-z]{3,}", q.explanation.zh or ""), (q.id, q.explanation.zh)


def test_a_special_part_paragraph_is_not_labelled_general_part() -> None:
    """Issue 14, left: arts. 287-1 ¶2 and 287-2 ¶2 (units) stand in the Criminal Law's Part Two, as art. 366 does; the
    pack gives where each code's general part ends (PRC art. 101, Taiwan art. 99). Taiwan's attempt paragraphs of an
    offence's own article (CSEPA art. 36 ¶5) are special-part paragraphs too."""
    roles = {}
    for j in ("prc", "tw"):
        (r,) = review_drafts(load([str(DRAFTS / j / "in-force")]), ["uncc.18"])
        roles.update({m.document.id: m.role for m in r.articles[0].measures})
    for rid in ("prc.criminal-law.287-1.2", "prc.criminal-law.287-2.2", "prc.criminal-law.366", "tw.csepa.36.5",
                "tw.criminal-code.319-3.5"):
        assert roles[rid] == "special-part", rid
    assert roles["prc.criminal-law.30"] == roles["prc.criminal-law.31"] == "general-part"


# ------------------------------------------------------------------ defences (issue 13, left)

DEFENDED = """
provision xx.code.{n} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article {n}-1 after {n}
  title        zh "测试" en "Test {n}"
  actors       natural-person
  mental       intent
  conduct      produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available
  means        ict-system
  object       csam {{
    depicts sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person minor
  }}
  exception    {exception}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


def _defended(n: int, exception: str):
    drafts, _ = load_sources([(f"d{n}.lexd", DEFENDED.format(n=n, exception=exception))])
    (p,) = drafts.provisions
    return p


def test_a_defence_is_read_as_the_treaty_reads_it() -> None:
    """What a defence is for a requirement comes from the treaty's side (the spec's checks that the defence alone turns
    on): wider than "without right" (partial), open for a reviewer (review), an option, or within "without right"."""
    from lexdraft.treaty.floor import defence_grade
    from lexdraft.treaty.values import Grade

    q = _requirement("uncc.14.1.a")
    p = BY_ID["prc.criminal-law.363.1"]
    grades = {e.kind.name: defence_grade(q, p, e) for e in p.exceptions}
    assert grades == {"artistic-value": Grade.PARTIAL, "scientific-work": Grade.REVIEW}
    (e,) = _defended(6, "law-enforcement").exceptions
    assert defence_grade(q, _defended(6, "law-enforcement"), e) is None


def test_a_defence_wider_than_the_treaty_allows_is_a_gap_with_its_own_counterexample() -> None:
    """Issue 13, left: a defence broader than "without right" keeps out facts the treaty requires punished. The
    search puts the facts inside it, with every other element of its provision granted: the provision reaches them
    but for the defence, and no provision of the set reaches them. A defence within "without right" is no gap."""
    from lexdraft.treaty.counterexample import defence_gap
    from lexdraft.treaty.narrate import describe_defence_gap

    q = _requirement("uncc.14.1.a")
    assert defence_gap(q, [_defended(7, "law-enforcement")]) is None
    wide = _defended(8, "public-good")
    gap = defence_gap(q, [wide])
    assert gap is not None and gap.exception == "public-good" and gap.by == (wide.id,)
    assert "public-good" in gap.scenario.justifications
    assert reaches(wide, gap.scenario.but(justifications=frozenset())).reached
    assert [m.element for m in reaches(wide, gap.scenario).misses] == ["exception"]
    gap = defence_gap(q, PRC.provisions, PRC.rules)
    assert gap is not None and gap.exception == "artistic-value" and gap.by == ("prc.criminal-law.363.1",)
    assert not reached_by_ids(PRC.provisions, gap.scenario, PRC.rules)
    # art. 367 ¶3 excludes works of artistic value from obscene articles: an exclusion from the object, no defence
    text = describe_defence_gap(gap)
    assert "An exclusion wider than the treaty allows" in (text.en or "") and "defence" not in (text.en or "")
    assert "where it is part of a literary or artistic work of artistic value" in (text.en or "")
    assert "该材料属于有艺术价值的文学、艺术作品的" in (text.zh or "") and "抗辩" not in (text.zh or "")
    assert "makes an exception" not in (text.en or "")
    public_good = describe_defence_gap(defence_gap(q, [wide]))
    assert public_good.en.startswith("A defence wider than the treaty allows")
    assert "makes an exception" in public_good.en


def test_the_review_gives_a_defence_gap_beside_the_floor_s_counterexample() -> None:
    (prc,) = review_drafts(PRC, ["uncc.14"])
    (p,) = [p for p in prc.articles[0].paragraphs if p.requirement.id == "uncc.14.1.a"]
    assert p.counterexample is not None
    en = p.counterexample.en or ""
    assert en.index("no provision in the set makes this an offence.") < en.index("An exclusion wider than the treaty")
    # the pack says where the law makes the exclusion: art. 367 ¶3, not the offence's own article
    assert "Article 367, paragraph 3 of the Criminal Law excludes literary and artistic works" in en
    assert "排除范围宽于公约允许的范围" in (p.counterexample.zh or "")
    assert "刑法第三百六十七条第三款将包含有色情内容的有艺术价值的文学、艺术作品排除在" in (p.counterexample.zh or "")


@pytest.mark.parametrize("jurisdiction", ["prc", "tw", "sg", "in", "br"])
def test_the_floor_s_counterexample_never_lies_inside_a_defence(jurisdiction: str) -> None:
    """A fact pattern inside a defence is no counterexample of the offence being absent."""
    from lexdraft.treaty.counterexample import counterexample

    drafts = load([str(DRAFTS / jurisdiction / "in-force")])
    for article in ("uncc.14", "uncc.16"):
        for q in spec_for(article).requirements:
            cx = counterexample(q, drafts.provisions, drafts.rules)
            if cx is not None:
                assert not cx.scenario.justifications
                assert not any(m.element == "exception" for r in cx.misses for m in r.misses)


# Two offences on the material of children, each made out only above a threshold: one with a phrase of its own
# (serious consequences), one said in the vocabulary's words (committed habitually).
THRESHOLDED = """
provision xx.code.{n} {{
  jurisdiction prc
  status       in-force
  instrument   criminal-law
  title        zh "测试" en "Test {n}"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      produce, distribute
  means        ict-system
  object       csam {{ person minor }}
  tier base requires {circumstance}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


def test_a_counterexample_states_the_facts_below_every_threshold_that_would_reach_it() -> None:
    """'No provision in the set makes this an offence' is shown only where the facts stay below each threshold of the
    provisions whose acts reach them: the counterexample says so of each (LAWYER-S27: making a photograph was below
    the 'causing serious consequences' threshold of the only offence on making, and the facts never said so)."""
    drafts, _ = load_sources([(f"p{n}.lexd", THRESHOLDED.format(n=n, circumstance=c))
                              for n, c in ((200, "serious-consequences"), (201, "habitual"))])
    (review,) = review_drafts(drafts, ["uncc.14"])
    (p,) = [p for a in review.articles for p in a.paragraphs if p.requirement.id == "uncc.14.1.a"]
    assert p.counterexample is not None
    en, zh = p.counterexample.en or "", p.counterexample.zh or ""
    assert "no serious consequence follows" in en and "the facts do not meet the condition “committed habitually”" \
        in en, en
    assert "未造成严重后果" in zh and "案情不符合“惯常实施”的条件" in zh, zh
    assert en.endswith("no provision in the set makes this an offence."), en
