"""The PRC and Taiwan verdict texts a reviewer would sign (issues 13, 14): each exclusion named as the law has it,
each legal person's liability traced to the clause that gives it, and the reviewer's notes kept as data."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lexdraft.outputs import review as out
from lexdraft.pipeline import load, load_sources, review_drafts
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for

REPO = Path(__file__).resolve().parent.parent
ARTICLES = ["uncc.14", "uncc.16", "uncc.18"]


@cache
def _page(jurisdiction: str, lang: str) -> str:
    (r,) = review_drafts(load([str(REPO / "drafts" / jurisdiction / "in-force")]), ARTICLES)
    return out.to_markdown([r], lang)


def _finding(text: str, rid: str) -> Finding:
    drafts, _ = load_sources([("p.lexd", text)])
    report = check(spec_for(".".join(rid.split(".")[:2])), drafts.provisions, drafts.rules)
    return next(v for v in report.verdicts if v.requirement.id == rid)


def _reasons(f: Finding) -> str:
    return " ".join(n.text.en for n in f.notes)


OFFENCE = """
provision xx.code.1 {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 1-1 after 1
  title        zh "测试" en "Test"
  actors       natural-person
  mental       intent
  conduct      disseminate
  means        ict-system
  object       intimate-image {{ depicts sexual-activity }}
  consent      absent
  exception    {exception}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


# ------------------------------------------------------------------ must-fix 3: the exclusions of art. 367

def test_the_prc_review_cites_no_defence_prc_law_does_not_have() -> None:
    """Arts. 363/364 have only art. 367 ¶2 and ¶3's exclusions: no public good, news reporting or artistic work."""
    en, zh = _page("prc", "en"), _page("prc", "zh")
    for gone in ("public good", "news reporting", "defence of public good", "A defence for scientific works"):
        assert gone not in en, gone
    for gone in ("公共利益", "新闻报道", "艺术创作抗辩", "科学著作、研究或者医疗目的抗辩"):
        assert gone not in zh, gone
    assert "Art. 367 ¶3 of the Criminal Law provides that literary and artistic works of artistic value that contain " \
           "erotic content are not regarded as obscene articles" in en
    assert "Art. 367 ¶2 of the Criminal Law provides that scientific works on human physiology or medical knowledge " \
           "are not obscene articles" in en
    assert "刑法第三百六十七条第三款规定，包含有色情内容的有艺术价值的文学、艺术作品不视为淫秽物品" in zh
    # the 16(1) recommendation asks for what the exclusion leaves out
    assert "whether or not the image is part of a literary or artistic work of artistic value" in en
    assert "不论该图像是否属于有艺术价值的文学、艺术作品的一部分" in zh


def test_each_exclusion_or_defence_gets_a_reason_naming_only_itself() -> None:
    art = _reasons(_finding(OFFENCE.format(exception="artistic-value"), "uncc.16.1"))
    assert "literary and artistic works of artistic value that contain erotic content" in art
    assert "public good" not in art and "news reporting" not in art
    science = _reasons(_finding(OFFENCE.format(exception="scientific-work"), "uncc.16.1"))
    assert "scientific works on human physiology or medical knowledge" in science
    assert "research or medical purposes" not in science
    public = _reasons(_finding(OFFENCE.format(exception="public-good"), "uncc.16.1"))
    assert "A defence of public good, news reporting or artistic work" in public
    assert "artistic value" not in public
    research = _reasons(_finding(OFFENCE.format(exception="medical"), "uncc.16.1"))
    assert "A defence for research or medical purposes" in research and "cientific works" not in research
    # outside the PRC, the exclusions are named without its articles
    checks = {c.id: c.outcome for q in spec_for("uncc.16").requirements for c in q.checks}
    assert checks["artistic-value-exclusion"].reason_for("tw").en.startswith(
        "Literary and artistic works of artistic value that contain erotic content are excluded from the offence")
    assert checks["physiology-medicine-works"].reason_for(None).en.startswith(
        "Scientific works on human physiology or medical knowledge are excluded from the offence")
