"""What an independent lawyer found in the review goldens, asserted on the behaviour that caused it: no PRC law in a
Taiwan review, and treaty wording that is jurisdiction-neutral unless a pack or an annotation makes it specific."""

from __future__ import annotations

from pathlib import Path

from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.counterexample import counterexample, unprotected_age
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.reach import reaches
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
    """One paragraph's section of the review, up to the next paragraph's heading."""
    page = _page(jurisdiction, lang)
    start = page.index(f"#### {paragraph}" if lang == "en" else f"#### {paragraph}：")
    return page[start:page.index("\n#### ", start + 1)]


def test_offering_is_holding_out_not_handing_over() -> None:
    """Finding 4: the Taiwan offering counterexample handed a photo over (交付, which CSEPA art. 38 ¶1 reaches). It
    now holds the material out to one person, without holding or sending it; the review names the act 要约提供, apart
    from 以其他方式提供 (making available)."""
    cx = _cx("tw", "uncc.14.1.a")
    assert cx.scenario.act == "offer"
    text = describe(cx)
    assert "tells one other person online that they can supply one photograph" in text.en
    assert "neither holds nor sends it" in text.en
    assert "在网上向另一人表示可以提供一张照片" in text.zh and "其并不持有该材料，亦未发送" in text.zh
    assert "向另一人提供" not in text.zh
    zh = _paragraph("tw", "第14条第1款(a)项", "zh")
    assert "未被任何条文规定为犯罪的行为：要约提供。" in zh
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
    cites = {"prc": ("Criminal Law arts. 25–29", "刑法第二十五条至第二十九条"),
             "tw": ("Criminal Code arts. 29–30", "刑法第二十九條、第三十條")}
    for jurisdiction, (en, zh) in cites.items():
        assert not any(r.kind is not None and r.kind.name in ("complicity", "aiding") for r in SETS[jurisdiction].rules)
        text = describe(_cx(jurisdiction, "uncc.14.1.d"))
        assert "donates towards the hosting costs of a website" in text.en and "tied to no particular act" in text.en
        assert "pays another person to make" not in text.en and "出资让他人制作" not in text.zh
        section_en = _paragraph(jurisdiction, "14(1)(d)", "en")
        section_zh = _paragraph(jurisdiction, "第14条第1款(d)项", "zh")
        assert f"The general part's rules on complicity ({en}) are not among the general-part rules given" in section_en
        assert f"共犯规定（{zh}）未纳入所给出的总则规则" in section_zh


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
    assert "十六岁未成年人" in text.zh and "未使用暴力、胁迫或者其他强制手段" in text.zh
    assert _cx("prc", "uncc.14.1.c").scenario.material.person.age == 12
    # Taiwan protects every minor against the maker alike (CSEPA art. 36): no age is preferred there
    assert unprotected_age(cx.floor, s, sorted(SETS["tw"].provisions, key=lambda p: p.id), SETS["tw"].rules) is None
