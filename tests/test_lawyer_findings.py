"""What an independent lawyer found in the review goldens, asserted on the behaviour that caused it: no PRC law in a
Taiwan review, and treaty wording that is jurisdiction-neutral unless a pack or an annotation makes it specific."""

from __future__ import annotations

import re
from pathlib import Path

from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.counterexample import counterexample, unprotected_age
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.reach import reaches
from lexdraft.treaty.review import treaty_citation_form
from lexdraft.treaty.scenario import Person
from lexdraft.treaty.spec import spec_for

REPO = Path(__file__).resolve().parent.parent
ARTICLES = ["uncc.14", "uncc.16", "uncc.18"]


def _page(jurisdiction: str, lang: str) -> str:
    (r,) = review_drafts(load([str(REPO / "drafts" / jurisdiction / "in-force")]), ARTICLES)
    return out.to_markdown([r], lang)


def test_art_18_gists_name_no_prc_rule() -> None:
    """18(3) and 18(4) are explained for every State: the PRC's 'unit and its directly responsible persons' and
    'a fine with no statutory range' (art. 31) are no part of the treaty and do not belong in a Taiwan review."""
    spec = {q.paragraph: q for q in spec_for("uncc.18").requirements}
    for paragraph in ("18(3)", "18(4)"):
        text = spec[paragraph].explanation.en + spec[paragraph].explanation.zh
        assert "directly responsible" not in text and "直接负责的主管人员" not in text
        assert "statutory range" not in text and "数额幅度" not in text
    assert "两罚规定" in spec["18(3)"].explanation.zh
    tw = _page("tw", "zh") + _page("tw", "en")
    assert "直接负责的主管人员" not in tw and "数额幅度" not in tw and "directly responsible persons" not in tw


def test_no_prc_procedure_in_a_taiwan_review_and_no_taiwan_term_in_a_prc_one() -> None:
    tw = _page("tw", "zh") + _page("tw", "en")
    assert "二百四十六" not in tw and "art. 246" not in tw and "Mainland China" not in tw
    prc = _page("prc", "zh")
    assert "告訴乃論" not in prc and "第二百四十六条第三款" in prc


# ------------------------------------------------------------------ counterexamples (findings 4, 6, 8, 17)

class _Sets(dict):  # type: ignore[type-arg]
    def __missing__(self, jurisdiction: str):
        self[jurisdiction] = load([str(REPO / "drafts" / jurisdiction / "in-force")])
        return self[jurisdiction]


SETS = _Sets()  # each jurisdiction's set in force, loaded once when a test first asks for it


def _cx(jurisdiction: str, rid: str):
    article = ".".join(rid.split(".")[:2])
    q = next(q for q in spec_for(article).requirements if q.id == rid)
    s = SETS[jurisdiction]
    found = counterexample(q, s.provisions, s.rules)
    assert found is not None
    return found


def _paragraph(jurisdiction: str, paragraph: str, lang: str) -> str:
    """One paragraph's section of the review, up to the next paragraph's heading (in Chinese, the paragraph cited as
    the review cites the treaty for the jurisdiction: 第14条第1款(a)项, Taiwan's 第十四條第一項(a)款)."""
    page = _page(jurisdiction, lang)
    form = treaty_citation_form(jurisdiction) if lang == "zh" else None
    paragraph = out.cite_treaty_as(paragraph, form) if form is not None else paragraph
    start = page.index(f"#### {paragraph}" if lang == "en" else f"#### {paragraph}：")
    return page[start:page.index("\n#### ", start + 1)]


def test_offering_is_holding_out_not_handing_over() -> None:
    """Finding 4: the Taiwan offering counterexample handed a photo over (交付, which CSEPA art. 38 ¶1 reaches). It
    now holds the material out to one person, without holding or sending it; the review names the act 表示可以提供,
    apart from 以其他方式提供 (making available)."""
    cx = _cx("tw", "uncc.14.1.a")
    assert cx.scenario.act == "offer"
    text = describe(cx)
    assert "tells one other person online that they can supply one photograph" in text.en
    assert "neither holds nor sends it" in text.en
    assert "在网上向另一人表示可以提供一张照片" in text.zh and "其并不持有该材料，亦未发送" in text.zh
    assert "向另一人提供" not in text.zh
    zh = _paragraph("tw", "第14条第1款(a)项", "zh")
    assert "未被任何條文規定為犯罪的行為：表示可以提供。" in zh  # in Taiwan's script (issue 14)
    assert "以其他方式提供" in zh  # making available keeps its own words


def test_the_solicitor_s_counterpart_sends_nothing() -> None:
    """Finding 17: had the other person sent the photo, the solicitor would have instigated its sending and would
    hold it; the counterexample says the other person did not send it."""
    for jurisdiction in ("prc", "tw"):
        cx = _cx(jurisdiction, "uncc.14.1.b")
        assert cx.scenario.act == "solicit"
        text = describe(cx)
        assert "; the other person does not send it" in text.en and "；对方未予发送" in text.zh
        assert "shows or sends it to no one" not in text.en


def test_financing_is_tied_to_no_act_and_the_complicity_rules_are_named() -> None:
    """Finding 6: paying someone to make a photo is taking part in making it (PRC arts. 25-29; Taiwan arts. 29-30,
    or CSEPA art. 36 ¶2). The counterexample gives money tied to no act, and says that the complicity rules, which
    the sets do not give, are for a reviewer, cited where each pack says its general part has them."""
    cites = {"prc": ("Criminal Law arts. 25–29", "共犯规定（刑法第二十五条至第二十九条）未纳入所给出的总则规则"),
             "tw": ("Criminal Code arts. 28–30", "共犯規定（刑法第二十八條至第三十條）未納入所給出的總則規則")}
    for jurisdiction, (en, zh) in cites.items():
        assert not any(r.kind is not None and r.kind.name in ("complicity", "aiding") for r in SETS[jurisdiction].rules)
        text = describe(_cx(jurisdiction, "uncc.14.1.d"))
        assert "donates towards the hosting costs of a website" in text.en and "tied to no particular act" in text.en
        assert "pays another person to make" not in text.en and "出资让他人制作" not in text.zh
        section_en = _paragraph(jurisdiction, "14(1)(d)", "en")
        section_zh = _paragraph(jurisdiction, "第14条第1款(d)项", "zh")
        assert f"The general part's rules on complicity ({en}) are not among the general-part rules given" in section_en
        assert zh in section_zh


def test_a_record_of_a_real_child_is_made_at_an_age_no_offence_against_the_child_protects() -> None:
    """Finding 8: a photograph of a real 12-year-old in sexual activity is, in the PRC, almost always rape or
    indecency against a child (art. 237 ¶3). Derived, not written for the case: the age is the least-protected one
    of the range at which no provision of the set would reach the maker had they coerced or enticed the child, and
    the counterexample states that no force is used. Possession keeps the most protective age (remedies.md §1.2)."""
    cx = _cx("prc", "uncc.14.1.a")
    s = cx.scenario
    assert s.act == "produce" and s.material is not None and s.material.origin == "real"
    assert s.material.person.age == 16 and not s.contact
    by_id = {p.id: p for p in SETS["prc"].provisions}
    coerced = s.but(contact=True)
    assert not reaches(by_id["prc.criminal-law.237.3"], coerced, SETS["prc"].rules).reached  # 16: out of its ages
    assert reaches(by_id["prc.criminal-law.237.3"], coerced.with_material(person=Person(12)),
                   SETS["prc"].rules).reached
    text = describe(cx)
    assert "a real, identifiable minor aged 16" in text.en
    assert "uses no violence, coercion or other compulsion" in text.en
    assert "十六周岁未成年人" in text.zh and "未使用暴力、胁迫或者其他强制手段" in text.zh
    assert _cx("prc", "uncc.14.1.c").scenario.material.person.age == 12
    # Taiwan protects every minor against the maker alike (CSEPA art. 36): no age is preferred there
    assert unprotected_age(cx.floor, s, sorted(SETS["tw"].provisions, key=lambda p: p.id), SETS["tw"].rules) is None


# ------------------------------------------------------------------ the review's words (findings 9, 10, 15, 16)


def test_the_chinese_gists_keep_the_reference_s_doubts() -> None:
    """Finding 9: the English kept "selling ⟨?⟩" where the Chinese dropped the mark; the reference's one wording doubt
    in 16(2), "intimate parts" or "sexual parts", is marked in the treaty words and both gists."""
    spec = {q.paragraph: q for q in spec_for("uncc.16").requirements}
    assert "出售⟨?⟩" in spec["16(1)"].explanation.zh and "selling ⟨?⟩" in spec["16(1)"].explanation.en
    assert '⟨? "intimate parts"⟩' in spec["16(2)"].terms and '⟨? "intimate parts"⟩' in spec["16(2)"].explanation.en
    assert "⟨?“私密部位”⟩" in spec["16(2)"].explanation.zh
    for jurisdiction, marked in (("prc", "⟨?“私密部位”⟩"), ("tw", "⟨?「私密部位」⟩")):
        assert "出售⟨?⟩" in _paragraph(jurisdiction, "第16条第1款", "zh")
        assert marked in _paragraph(jurisdiction, "第16条第2款", "zh")


def test_the_16_2_gist_states_every_cumulative_element() -> None:
    """Finding 16: the reasonable expectation of privacy at the time of the offence is an element of its own, beside
    privacy when recorded; and "sexual in nature" is 具有性内容的, in the gist and in the statute text composed."""
    q = next(q for q in spec_for("uncc.16").requirements if q.paragraph == "16(2)")
    assert "且被描绘者在犯罪时仍保有合理隐私期待" in q.explanation.zh
    assert "reasonable expectation of privacy at the time of the offence" in q.explanation.en
    assert "具有性内容的" in q.explanation.zh
    for jurisdiction in ("prc", "tw"):
        assert "性性质" not in _page(jurisdiction, "zh")


def test_ages_are_written_as_statutes_write_them() -> None:
    """Finding 16: 不满十四周岁, 不满十八周岁 in Chinese numerals; never 不满14周岁 nor 未满十八周岁; and the
    general-object note says plainly that the review counts the offence only as far as it reaches persons under 18."""
    zh = _page("prc", "zh")
    assert "犯罪对象仅及于不满十四周岁者；本条涉及所有不满十八周岁者。" in zh
    assert "该罪对象不限于不满十八周岁者；本审查仅就其涵盖不满十八周岁者的部分计入实施" in zh
    assert not re.search(r"[不未]满\d+周岁|未满十", zh)


def test_sources_are_cited_by_their_full_title_in_quotation_marks() -> None:
    """Finding 10: an English title is given in full, in quotation marks, in the Chinese as in the English; 《》 are
    for Chinese titles."""
    for jurisdiction in ("prc", "tw"):
        for lang in ("en", "zh"):
            page = _page(jurisdiction, lang)
            assert not re.search(r"《[A-Za-z]", page), (jurisdiction, lang)
    zh = _page("prc", "zh")
    assert ("Yanni Xiong，“Controversies Regarding the Determination Standards of Online Child Pornography Offenses "
            "under the UN Convention against Cybercrime and China's Countermeasures”") in zh


def test_recommendations_name_no_interest_the_convention_does_not() -> None:
    """Finding 15: the 16(1) recommendation asked for an offence "against the person's control over their intimate
    images", an interest the Convention does not prescribe. It asks for the dissemination itself, whether or not it
    insults or defames, in the register "It is recommended that [State] …"."""
    en = _paragraph("prc", "16(1)", "en") + _page("prc", "en")
    assert "control over their intimate images" not in en and "之控制" not in _page("prc", "zh")
    assert ("It is recommended that the People's Republic of China ensure that the conduct of Art. 16(1) is "
            "punishable as the dissemination of the image itself, whether or not it is insulting or defamatory "
            "(Article 246 of the Criminal Law)") in en


# ------------------------------------------------------------------ the proposed possession offence (findings 11, 14)


def test_the_possession_proposal_hands_no_exemption_to_an_unnamed_body_and_units_answer_for_it() -> None:
    """Finding 11: "经权威艺术机构评估" left a criminal exemption to a body no statute names; the third condition is a
    finding on examination. The paper's threshold stays (it is the paper's proposal) and the check reads 14(1)(c) as
    only partly met for it. (Finding 14, units, is the bill's: it amends art. 366 to name art. 364-1.)"""
    from lexdraft.treaty.conformance import check
    from lexdraft.wording.render import provisions_of, render

    documents = load([str(REPO / "drafts" / "prc")]).documents
    provisions = provisions_of(documents)
    zh = render(provisions["prc.criminal-law.364-1"], "zh", provisions)
    en = render(provisions["prc.criminal-law.364-1"], "en", provisions)
    assert "（三）经审查认定其主要功能不是刺激性欲。" in zh and "权威艺术机构" not in zh
    assert "authoritative arts institution" not in en
    assert "具有性内容" in zh and "性性质" not in zh
    possession = load([str(REPO / "drafts" / "prc" / "proposed" / "364-1-csem-possession.lexd")])
    verdict = next(v for v in check(spec_for("uncc.14"), possession.provisions, possession.rules).verdicts
                   if v.requirement.id == "uncc.14.1.c")
    assert str(verdict.verdict) == "partly-met" and verdict.met_by == ["prc.criminal-law.364-1"]
    # units: the bill's item 四 names art. 364-1 in art. 366 (tests/test_bills.py reads it)


def test_a_unit_s_liability_is_cited_from_the_article_s_own_unit_paragraph() -> None:
    """Finding 12: arts. 287-1 and 287-2 each give units their own paragraph (¶2); the review cited art. 30. Encoded
    as rules, the specific clause is cited before the general one, as art. 366 is for arts. 363 and 364."""
    zh = _paragraph("prc", "第18条第1款", "zh")
    # in the Criminal Law's own word for a legal person (单位), as a review states PRC law
    assert "刑法第二百八十七条之一：依照刑法第二百八十七条之一第二款，单位可以对该罪承担责任。" in zh
    assert "刑法第二百八十七条之二：依照刑法第二百八十七条之二第二款，单位可以对该罪承担责任。" in zh
    assert "依照刑法第三十条" not in zh


# ------------------------------------------------------------------ counterexamples for definitions (brief, item 2)


def test_a_definition_s_gap_is_material_no_provision_reaches_though_the_rest_of_an_offence_is_there() -> None:
    """For 14(2) and 16(2): a limb of the definition no provision reaches, though every purpose, threshold and
    audience the set asks for is granted, beside another limb the same facts make an offence of, both by the
    evaluator that reads the provisions apart from the spec."""
    from lexdraft.treaty.counterexample import material_gap, reached_by_ids
    from lexdraft.treaty.narrate import describe_gap

    s = SETS["prc"]
    provisions = sorted(s.provisions, key=lambda p: p.id)
    # both limbs escape only unless a court finds the material explicitly promotes pornography (art. 367): presence at
    # others' sexual activity is within the obscenity offences (it depicts sexual acts), tests/test_counterexamples.py
    expected = {"uncc.14.2": ("sexual-parts-for-sexual-purpose", "sexual-activity", 16),
                "uncc.16.2": ("exposed-sexual-organs", "sexual-activity", 30)}
    for rid, (limb, reached, age) in expected.items():
        q = next(q for q in spec_for(rid.rsplit(".", 1)[0]).requirements if q.id == rid)
        gap = material_gap(q, provisions, s.rules)
        assert gap is not None
        m, b = gap.scenario.material, gap.reached.material
        assert m is not None and b is not None
        assert (m.depicts, b.depicts, m.person.age) == (frozenset({limb}), frozenset({reached}), age)
        assert gap.scenario.but() == gap.reached.with_material(depicts=m.depicts)  # the material alone differs
        assert not reached_by_ids(provisions, gap.scenario, s.rules)
        assert reached_by_ids(provisions, gap.reached, s.rules) == list(gap.by) and gap.by
        text = describe_gap(gap)
        assert "may fall outside every provision of the set" in (text.en or "")
        assert "可能不在所审查的任何条文范围之内" in (text.zh or "")
    zh = _paragraph("prc", "第16条第2款", "zh")
    assert ("**反例**：显示一名真实存在、可以辨认的三十周岁成年人暴露性器官、系在私密状态下拍摄的照片"
            "可能不在所审查的任何条文范围之内") in zh
    assert "依刑法第三百六十三条第一款、第三百六十四条第一款构成犯罪" in zh


def test_an_18_1_gap_is_an_offence_committed_for_a_company_that_the_company_does_not_answer_for() -> None:
    """For 18(1): facts a natural person is punished for under a provision of the set, done by a company's manager
    for the company, which no provision or rule of the set lets the company answer for; the evaluator decides both."""
    from lexdraft.treaty.counterexample import reached_by_ids, unit_gap
    from lexdraft.treaty.narrate import describe_unit_gap

    q = next(q for q in spec_for("uncc.18").requirements if q.id == "uncc.18.1")
    for jurisdiction, provision in (("prc", "prc.criminal-law.237.3"), ("tw", "tw.criminal-code.319-1.1")):
        s = SETS[jurisdiction]
        provisions = sorted(s.provisions, key=lambda p: p.id)
        gap = unit_gap(q, provisions, s.rules)
        assert gap is not None and gap.provision == provision
        assert provision in reached_by_ids(provisions, gap.scenario, s.rules)
        assert not reached_by_ids(provisions, gap.scenario.but(actor="unit"), s.rules)
        text = describe_unit_gap(gap)
        assert "no provision or rule of the set makes the company liable" in (text.en or "")
        assert "所审查的条文和规则均未规定公司对此承担责任" in (text.zh or "")
    en = _paragraph("prc", "18(1)", "en")
    assert ("**Counterexample**: A company's manager, acting for the company and for its benefit, commits the offence "
            "of paragraph 3 of Article 237 of the Criminal Law by making a photograph") in en
    assert "coercing or enticing the child shown" in en


def test_good_practices_come_only_from_the_article_s_measures() -> None:
    """Finding 18: the Taiwan good practice cited CSEPA art. 39 ¶4, which bears on no paragraph of Art. 14 and is not
    among its measures."""
    en = _page("tw", "en")
    practices = en[en.index("### Good practices"):en.index("### Challenges")]
    assert "paragraph 4 of Article 39" not in practices and "Paragraph 1 of Article 36" in practices


def test_a_taiwan_review_says_that_項_is_a_paragraph() -> None:
    """Finding 20 (in part): Taiwan's citations name a paragraph 項 and a subparagraph 款; its Chinese review cites the
    Convention in that form too, and says so beside the UN's 款 and 项, from the pack's citation form (the PRC's
    review keeps the UN's usage and needs no note)."""
    assert ("本審查的中文依臺灣條文的引用方式引用公約條款：款稱「項」，項稱「款」"
            "（聯合國中文文本稱「款」「項」）。") in _page("tw", "zh")
    assert "The Chinese of this review cites the Convention as Taiwan's law cites an article: 項 for a paragraph and " \
           "款 for a subparagraph" in _page("tw", "en")
    assert "款称“項”" not in _page("prc", "zh")
