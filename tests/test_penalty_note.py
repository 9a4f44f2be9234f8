"""A suggested article that takes the penalty of an offence says what of that offence it does not carry: its purpose
(art. 363 ¶1's 以牟利为目的), its entry threshold (art. 364 ¶1's 情节严重), and that the circumstances of the tiers it
carries await judicial interpretation, the figures set for the source not carrying over (LAWYER-FINAL2 S1, S2;
LAWYER-L1 L3). The note is derived from the two provisions' elements, never written per article."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lexdraft.language.ast import Provision
from lexdraft.outputs import review as out
from lexdraft.outputs.penalty_note import penalty_note
from lexdraft.pipeline import load, load_sources, review_drafts
from lexdraft.treaty.review import Review

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


@pytest.fixture(scope="module")
def prc() -> Review:
    return review_drafts(load([str(DRAFTS / "prc" / "in-force")]), ["uncc.14", "uncc.16"])[0]


def lead(review: Review, paragraph: str, lang: str) -> str:
    page = out.page(review, lang)
    row = next(p for a in page.articles for p in a.paragraphs if p.id == paragraph)
    assert row.amendment is not None
    return row.amendment.what


def suggested(review: Review, paragraph: str) -> tuple[Provision, Provision]:
    am = next(am for am in review.amendments() if am.requirement == paragraph)
    assert am.penalty_of is not None
    source = next(p for p in review.documents if p.id == am.penalty_of)
    assert isinstance(source, Provision)
    return am.document, source


def test_237_1_takes_363_s_tiers_without_its_profit_purpose(prc: Review) -> None:
    assert ("a drafter's choice; Article 237A takes the tiers without Article 363, paragraph 1's purpose of making a "
            "profit (以牟利为目的), so producing, selling or disseminating without it is punished as gravely; "
            "'serious' and 'especially serious' circumstances await judicial interpretation: the figures set for "
            "Article 363, paragraph 1 do not carry over of themselves.") in lead(prc, "uncc.14.1.a", "en")
    assert ("由起草者决定；第二百三十七条之一沿用该款法定刑但不要求“以牟利为目的”，"
            "不以牟利为目的的制作、贩卖、传播亦按同一幅度处罚；“情节严重”“情节特别严重”的标准有待司法解释，"
            "第三百六十三条第一款的数量标准不当然适用。") \
        in lead(prc, "uncc.14.1.a", "zh")


def test_246_1_drops_364_s_threshold(prc: Review) -> None:
    assert lead(prc, "uncc.16.1", "en").endswith(
        "a drafter's choice (Article 246A drops Article 364, paragraph 1's 'serious circumstances' threshold).")
    assert lead(prc, "uncc.16.1", "zh").endswith("由起草者决定（本条不采第三百六十四条第一款“情节严重”的入罪门槛）。")
    # it names no offence of its chapter protecting the same interest: art. 246, the one the set encodes there,
    # protects reputation and personal dignity, not sexual autonomy and privacy
    assert "Article 246," not in lead(prc, "uncc.16.1", "en")


def test_the_note_follows_the_elements_not_the_article(prc: Review) -> None:
    """The same article given the source's purpose and threshold says nothing of either: the note is what differs."""
    new, source = suggested(prc, "uncc.14.1.a")
    assert "purpose" in penalty_note(new, source, "en")
    same = dataclasses.replace(new, purpose=source.purpose)
    assert "purpose" not in penalty_note(same, source, "en")
    assert "以牟利为目的" not in penalty_note(same, source, "zh")
    new, source = suggested(prc, "uncc.16.1")
    assert "drops" in penalty_note(new, source, "en")
    base = next(t for t in source.tiers if t.name.name == "base")
    kept = dataclasses.replace(new, tiers=(dataclasses.replace(base, condition=None, per=None),))
    assert penalty_note(kept, source, "en") == "" and penalty_note(kept, source, "zh") == ""


def test_a_qualifier_of_some_acts_is_no_threshold_dropped() -> None:
    """France's art. 227-23 al. 4 binds only consulting to habit or payment: an article taking its penalty drops no
    threshold of the offence."""
    fr = review_drafts(load([str(DRAFTS / "fr" / "in-force")]), ["uncc.14"])[0]
    am = next(am for am in fr.amendments() if am.penalty_of == "fr.code-penal.227-23.4")
    source = next(p for p in fr.documents if p.id == am.penalty_of)
    assert isinstance(source, Provision)
    assert "threshold" not in penalty_note(am.document, source, "en")


def test_an_article_wider_than_the_source_of_its_penalty_says_what_it_adds() -> None:
    """Taiwan's suggested art. 39-1 takes art. 39 ¶2's penalty, an offence limited to real recordings (性影像), for
    material of every origin, as its words say (the Act's whole phrase, drawings and other items included): the lead
    says the same penalty now reaches material that is not a real recording, which art. 39 ¶2 as the review reads it
    does not (LAWYER-M M-1; LAWYER-F M-1: not 'synthetic', and not deciding what the review leaves open)."""
    tw = review_drafts(load([str(DRAFTS / "tw" / "in-force")]), ["uncc.14"])[0]
    # the penalty's note, then what the review did not amend instead (its own sentence)
    assert lead(tw, "uncc.14.1.b", "en").split(" Not amended instead: ")[0].endswith(
        "a drafter's choice; Article 39-1 applies it also to material that is not a real recording (drawn or "
        "computer-made), which Article 39, paragraph 2, as this review reads it, does not reach; Article 39, "
        "paragraph 4 already punishes possessing that material, as far as its words reach it, more lightly (a fine, "
        "and only when caught a second or subsequent time), which the drafter should weigh in setting Article 39-1's "
        "penalty.")
    assert lead(tw, "uncc.14.1.b", "zh").split("未改為修改")[0].endswith(
        "由起草者決定；本條亦將該法定刑適用於第三十九條第二項（按本審查的理解）不涵蓋的並非真實攝錄的材料"
        "（繪製或電腦生成的材料）；對該材料，在其文義所及的範圍內，第三十九條第四項已就持有設較輕的處罰"
        "（罰金，且以第二次以上被查獲為限），"
        "起草者確定本條的法定刑時應予權衡。")
    new, source = suggested(tw, "uncc.14.1.b")
    assert source.object is not None and source.object.values("origin") == ("real",)
    assert new.object is not None and not new.object.values("origin")
    # the source's own limit removed, nothing is added
    wider = dataclasses.replace(source, object=dataclasses.replace(source.object, attrs=()))
    assert "applies it also" not in penalty_note(new, wider, "en")


# A small set of one State (the fr pack, drafted in English): possessing real recordings punished by imprisonment,
# possessing material of any origin, from a second apprehension, more lightly, distributing it by a longer term. No
# offence reaches soliciting or accessing.
LIGHTER = '''provision fr.x.10 {{
  jurisdiction fr
  status       in-force
  title        en "Possessing recordings of children"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
    origin   real
  }}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}

provision fr.x.11 {{
  jurisdiction fr
  status       in-force
  title        en "Possessing material of children"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
  }}
  {tier}
  prosecution  public
  penalty
    base {penalty}
}}

provision fr.x.12 {{
  jurisdiction fr
  status       in-force
  title        en "Distributing material of children"
  actors       natural-person
  mental       intent
  conduct      distribute, make-available
  object       csam {{
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
'''


def _lighter_lead(tier: str, penalty: str, lang: str) -> str:
    drafts, _ = load_sources([("x.lexd", LIGHTER.format(tier=tier, penalty=penalty))])
    (r,) = review_drafts(drafts, ["uncc.14"])
    am = next(am for am in r.amendments() if am.requirement == "uncc.14.1.b")
    assert am.penalty_of == "fr.x.10"  # the offence nearest in conduct: possessing, real recordings only
    return lead(r, "uncc.14.1.b", lang)


def test_a_lighter_offence_on_the_material_a_new_article_adds_is_named_for_the_drafter_to_weigh() -> None:
    """LAWYER-F M-1(c): a new article that takes the penalty of an offence on real recordings, for material of every
    origin, punishes drawn material at that scale though an offence in force punishes possessing it more lightly. The
    lead names that offence, its penalty and threshold, and leaves the choice to the drafter."""
    threshold = "tier base requires second-or-subsequent-apprehension"
    en = _lighter_lead(threshold, "imprisonment <= 1 years", "en")
    assert "applies it also to material that is not a real recording" in en
    assert ("; article 11 already punishes possessing that material, as far as its words reach it, more lightly "
            "(fixed-term imprisonment of not more than one year, and only when caught a second or subsequent time), "
            "which the drafter should weigh in "
            "setting article 10-1's penalty.") in en
    zh = _lighter_lead(threshold, "imprisonment <= 1 years", "zh")
    assert ("对该材料，在其文义所及的范围内，第11条已就持有设较轻的处罚（一年以下有期徒刑，且以第二次以上被查獲为限），"
            "起草者确定本条的法定刑时应予权衡") in zh
    # an offence on that material no lighter than the source is nothing to weigh
    assert "should weigh" not in _lighter_lead(threshold, "imprisonment <= 3 years", "en")
