"""A suggested financing article names the offences it finances whole, as financing articles do; where one is an
offence against the person that carries 14(1)(a)-(c) only by some of its acts (the PRC's art. 237 ¶3, indecency
against a child, producing material only as the 2023 Interpretation art. 9 reads it), the review lists, under "Going
beyond the Convention", that financing its other acts goes beyond 14(1)(d) (LAWYER-FINAL2 S7); and one on material
of anyone (obscene articles), that financing it where the material shows only adults does (LAWYER-M)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.review import Review

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


@pytest.fixture(scope="module")
def reviews() -> dict[str, Review]:
    return {code: review_drafts(load([str(DRAFTS / code / "in-force")]), ["uncc.14"])[0] for code in ("prc", "tw")}


def beyond(review: Review, lang: str) -> tuple[str, ...]:
    return next(a for a in out.page(review, lang).articles if a.article == "uncc.14").beyond


def test_financing_indecency_against_a_child_goes_beyond_14_1_d(reviews: dict[str, Review]) -> None:
    en = [b for b in beyond(reviews["prc"], "en") if "The article suggested for 14(1)(d)" in b and "Article 237" in b]
    assert en == [("Paragraph 3 of Article 237 of the Criminal Law: The article suggested for 14(1)(d), Article "
                   "364B, punishes financing any offence under Article 237, paragraph 3, which reaches 14(1)(a)-(c) "
                   "only by producing material: financing its other acts ('committing indecent acts against' (猥亵)) "
                   "goes beyond Art. 14(1)(d). A financing article names offences, not ways of committing them: a "
                   "drafter keeps the whole offence or narrows the reference knowingly.")]
    zh = [b for b in beyond(reviews["prc"], "zh") if "第三百六十四条之二" in b and "第二百三十七条第三款" in b]
    assert len(zh) == 1 and "而该罪仅以制作材料的方式涉及第14条第1款(a)至(c)项：资助该罪的其他行为（“猥亵”）超出" \
        "第14条第1款(d)项的要求。" in zh[0]


def test_offences_on_material_and_articles_without_such_offences_are_not_listed(reviews: dict[str, Review]) -> None:
    """Art. 363 ¶1's reproducing is an act on material the treaty does not list, not an act against a person: no
    entry; Taiwan's financing article names offences on material only: none."""
    assert not [b for b in beyond(reviews["prc"], "en") if b.startswith("Paragraph 1 of Article 363")
                and "its other acts" in b]
    assert not [b for b in beyond(reviews["tw"], "en") if "The article suggested" in b]


def test_financing_offences_on_material_of_anyone_goes_beyond_14_1_d_by_object(reviews: dict[str, Review]) -> None:
    """LAWYER-M: the PRC's suggested 364-2 finances arts. 363 ¶1 and 364 ¶1, whose obscene articles show anyone:
    financing them where the material shows only adults goes beyond Art. 14(1)(d). Read from each offence's object
    by the evaluator (material of an adult), not per article: limited to persons under 18, an offence is not listed."""
    import dataclasses

    from lexdraft import packs
    from lexdraft.language import ast as A
    from lexdraft.treaty.financing_reach import beyond_financing
    from lexdraft.treaty.spec import paragraph_label, spec_for

    en = [b for b in beyond(reviews["prc"], "en") if "whose material is not limited" in b]
    assert en == [("Paragraph 1 of Article 363, paragraph 1 of Article 364 of the Criminal Law: "
                   "The article suggested for 14(1)(d), Article 364B, punishes financing any offence under Article "
                   "363, paragraph 1 or Article 364, paragraph 1, whose material is not limited to that of a person "
                   "under 18 years of age (obscene articles, whoever they show): financing such an offence where the "
                   "material shows only adults goes beyond Art. 14(1)(d), which concerns material of children. A "
                   "financing article names offences, not the material they are committed on: a drafter keeps the "
                   "whole offence or narrows the reference knowingly.")]
    zh = [b for b in beyond(reviews["prc"], "zh") if "不论所涉何人" in b]
    assert len(zh) == 1 and "而该等犯罪的对象不限于涉及不满十八周岁的未成年人的材料（淫秽物品，不论所涉何人）：" \
        "资助仅涉及成年人材料的该等犯罪，超出第14条第1款(d)项的要求" in zh[0]
    # art. 364 ¶1 limited to persons under 18: only art. 363 ¶1 is said to go beyond by its object
    prc = reviews["prc"]
    am = next(a for a in prc.amendments() if a.requirement == "uncc.14.1.d")
    provisions = [p for p in prc.documents if isinstance(p, A.Provision)]
    minors = A.ObjectAttr(A.Term("person", "object-attributes"), (A.Term("minor", "object-attributes.person"),))
    narrowed = [dataclasses.replace(p, object=dataclasses.replace(p.object, attrs=(*p.object.attrs, minors)))
                if p.id == "prc.criminal-law.364.1" and p.object is not None else p for p in provisions]
    notes = beyond_financing(spec_for("uncc.14"), [am], narrowed, packs.pack("prc"), paragraph_label)
    assert [n.provision for n in notes if "whose material is not limited" in (n.text.en or "")] == \
        ["prc.criminal-law.363.1"]
