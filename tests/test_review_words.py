"""The words of a review's reasons, for any statute encoded from docs/language.md (an independent lawyer's reading of
the bundled reviews): a statute's term in its own words, never an internal id; the treaty's acts in the review's
words, never another statute's; what a threshold leaves out, from the provision's object and the set; the clause
that makes legal persons liable, in the statute's own words."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for

pytestmark = pytest.mark.usefixtures("bundled_only")


OFFENCE = """
provision {code}.{act}.{n} {{
  jurisdiction {code}
  status       in-force
  title        {zh} "罪" en "Offence"
  actors       {actors}
  conduct      {conduct}
  object       csam {{
    person minor
{more}  }}
{tier}  penalty
    base imprisonment <= 3 years
}}
"""

UNITS = """
rule {code}.{act}.99 {{
  jurisdiction {code}
  status in-force
  title {zh} "单位犯罪" en "Units"
  source "s"
  kind legal-persons
  reaches {reaches}
  punishes fine-on-unit, responsible-persons-punished
  text {zh} "单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员判处刑罚。"
}}
"""


def offence(n: int, conduct: str, code: str = "prc", act: str = "criminal-law", actors: str = "natural-person",
            more: str = "", tier: str = "") -> str:
    zh = "zh-hant" if code == "tw" else "zh"  # Taiwan's statutes are written in traditional characters
    return OFFENCE.format(code=code, act=act, n=n, conduct=conduct, actors=actors, more=more, tier=tier, zh=zh)


def findings(article: str, *sources: str) -> dict[str, Finding]:
    drafts, _ = load_sources([(f"t{i}.lexd", s) for i, s in enumerate(sources)])
    report = check(spec_for(article), drafts.provisions, drafts.rules)
    return {f.requirement.id: f for f in report.verdicts}


def texts(f: Finding, lang: str = "en") -> list[str]:
    return [getattr(n.text, lang) or "" for n in f.notes]


def test_a_term_is_quoted_as_its_act_and_the_statutes_words_and_the_treaty_acts_in_the_reviews() -> None:
    """`publish-information` reaches offer, in a PRC statute: the English quotes the act and 发布信息; the Chinese
    says 表示可以提供 (offering) as the English does, not 提供 (supplying)."""
    f = findings("uncc.14", offence(1, "publish-information"))["uncc.14.1.a"]
    [en] = [t for t in texts(f) if "reaches offering" in t]
    assert en.startswith("'publishing information' (发布信息) reaches offering: ") and "`" not in en
    [zh] = [t for t in texts(f, "zh") if t.startswith("“发布信息”")]
    assert zh.startswith("“发布信息”涵盖表示可以提供：") and "即表示可以提供该材料" in zh


def test_a_prc_review_names_the_treaty_acts_in_its_own_words_not_taiwans() -> None:
    f = findings("uncc.14", offence(1, "disseminate"))["uncc.14.1.a"]
    [zh] = [t for t in texts(f, "zh") if t.startswith("“传播”")]
    assert zh.startswith("“传播”涵盖散布、传输、播送、展示、发布、以其他方式提供：")
    assert "公然陈列" not in zh and "供人观览" not in zh
    [en] = [t for t in texts(f) if t.startswith("'disseminating' (传播)")]
    assert "reaches distributing, transmitting, broadcasting, displaying, publishing and otherwise making " \
           "available" in en


def test_a_term_whose_words_are_an_interpretations_cites_it() -> None:
    f = findings("uncc.14", offence(1, "coerce-sexual-exposure"))["uncc.14.1.a"]
    [en] = [t for t in texts(f) if "reaches producing" in t]
    assert en.startswith("Read with art. 9 of the 2023 SPC/SPP Interpretation on rape and molestation of minors, "
                         "'coercing or enticing a minor, by online video chat or by sending videos or photographs")
    assert "where a video or photograph results" in en
    [zh] = [t for t in texts(f, "zh") if "涵盖制作" in t]
    assert zh.startswith("结合2023年《最高人民法院、最高人民检察院关于办理强奸、猥亵未成年人刑事案件适用法律"
                         "若干问题的解释》第九条，")


def test_a_terms_reason_speaks_of_the_person_the_provision_concerns() -> None:
    """Art. 9 of the 2023 Interpretation speaks of minors, but read with art. 237 ¶3 (indecency against a child) the
    person coerced is a child under 14: the reason says whom the provision's object is, never "a minor" there."""
    f = findings("uncc.14", offence(1, "coerce-sexual-exposure"))["uncc.14.1.a"]  # an object of any minor
    assert any("Coercing or enticing a person under 18 years of age to send videos" in t for t in texts(f))
    indecency = (Path(__file__).resolve().parent.parent / "drafts" / "prc" / "in-force" / "237-indecency.lexd")
    f = findings("uncc.14", indecency.read_text(encoding="utf-8"))["uncc.14.1.a"]
    assert any("Coercing or enticing a child under 14 years of age to send videos" in t for t in texts(f))
    assert any("胁迫、诱骗不满十四周岁的儿童发送视频" in t for t in texts(f, "zh"))
    assert not any("Coercing or enticing a minor" in t for t in texts(f))


def test_payment_settlement_is_a_service_not_funding() -> None:
    f = findings("uncc.14", offence(1, "provide-advertising-or-payment"))["uncc.14.1.d"]
    en = " ".join(texts(f))
    assert "'payment settlement' and 'advertising' are services, not funding" in en
    assert "gives it funds" not in en
    assert "“支付结算”“广告推广”系提供服务，本身并非资助" in "".join(texts(f, "zh"))


MATERIAL = "    medium   visual | audio\n"
REAL = "    origin   real\n    medium   visual\n"
SECOND = "  tier base requires second-or-subsequent-apprehension per \"CSEPA art. 39 ¶4\"\n"


def test_a_threshold_reason_names_what_it_leaves_out_from_the_object_and_the_set() -> None:
    """Taiwan's second-apprehension threshold leaves out drawings (and audio), not the real recordings another
    provision punishes from the first act: the reason is worded from the objects, for any such statute."""
    threshold = offence(4, "possess", "tw", "csepa", more=MATERIAL, tier=SECOND)
    first_act = offence(2, "possess", "tw", "csepa", more=REAL)
    f = findings("uncc.14", threshold, first_act)["uncc.14.1.c"]
    [en] = [n.text.en or "" for n in f.notes
            if n.provision == "tw.csepa.4" and "second or subsequent" in (n.text.en or "")]
    assert en.startswith("Possessing audio material or visual material other than real recordings is a crime under it "
                         "only when caught a second or subsequent time; possessing real visual recordings is a crime "
                         "from the first act under tw.csepa.2;")
    assert "possessing visual material other than real recordings (a drawing of a real child, say) for the first " \
           "time, which Art. 14(1) requires to be criminalised, is not a crime" in en
    assert "for audio material, which Art. 14(2) permits but does not require, the threshold is no gap" in en
    [zh] = [n.text.zh or "" for n in f.notes if n.provision == "tw.csepa.4" and "第二次以上被查獲" in (n.text.zh or "")]
    assert zh.startswith("持有音频材料或者并非真实摄录的视觉材料的，仅在第二次以上被查獲时构成犯罪；")
    # alone, the threshold leaves out every first possession of its material
    alone = findings("uncc.14", threshold)["uncc.14.1.c"]
    [en] = [n.text.en or "" for n in alone.notes if "second or subsequent" in (n.text.en or "")]
    assert en.startswith("Possessing visual material or audio material is a crime under it only when caught a second "
                         "or subsequent time; so possessing visual material for the first time")
    assert "{" not in en


def test_legal_persons_liability_is_stated_in_the_statutes_words() -> None:
    """A PRC review says 单位 and 直接负责的主管人员和其他直接责任人员 where it states PRC law (the Criminal Law's
    words), 法人 for the treaty; Taiwan's statutes say 法人, and its review keeps it. Art. 18(2) cites the clause that
    makes a unit liable for an offence whose own words name none."""
    units = UNITS.format(code="prc", act="criminal-law", reaches="prc.criminal-law.1", zh="zh")
    by = findings("uncc.18", offence(1, "disseminate"), units)
    [en] = [t for t in texts(by["uncc.18.2"]) if "Criminal liability" in t]
    assert en == "Criminal liability is provided for legal persons for this offence under prc.criminal-law.99 (one " \
                 "of the forms Art. 18(2) permits)."
    assert "依照prc.criminal-law.99，单位可以对该罪承担刑事责任（属于第18条第2款允许的责任形式之一）。" in \
        texts(by["uncc.18.2"], "zh")
    zh3 = "".join(texts(by["uncc.18.3"], "zh"))
    assert "处罚其直接负责的主管人员和其他直接责任人员" in zh3 and "在处罚单位的同时" in zh3
    assert "法人对该罪" not in zh3
    assert "依照prc.criminal-law.99，单位可以对该罪承担责任。" in texts(by["uncc.18.1"], "zh")
    # a provision that names units itself: under this provision, in the law's word
    own = findings("uncc.18", offence(1, "disseminate", actors="natural-person, unit"))
    assert "该条规定了单位的刑事责任（属于第18条第2款允许的责任形式之一）。" in texts(own["uncc.18.2"], "zh")
    # Taiwan's statutes say 法人: its review keeps it
    tw_units = UNITS.format(code="tw", act="csepa", reaches="tw.csepa.1", zh="zh-hant")
    tw = findings("uncc.18", offence(1, "distribute", "tw", "csepa"), tw_units)
    assert "依照tw.csepa.99，法人可以对该罪承担责任。" in texts(tw["uncc.18.1"], "zh")
