"""A suggested financing article names the offences it finances whole, as financing articles do; where one is an
offence against the person that carries 14(1)(a)-(c) only by some of its acts (the PRC's art. 237 ¶3, indecency
against a child, producing material only as the 2023 Interpretation art. 9 reads it), the review lists, under "Going
beyond the Convention", that financing its other acts goes beyond 14(1)(d) (LAWYER-FINAL2 S7)."""

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
    en = [b for b in beyond(reviews["prc"], "en") if "The article suggested for 14(1)(d)" in b]
    assert en == [("Paragraph 3 of Article 237 of the Criminal Law: The article suggested for 14(1)(d), Article "
                   "364-2, punishes financing any offence under Article 237, paragraph 3, which reaches 14(1)(a)-(c) "
                   "only by producing material: financing its other acts ('committing indecent acts against' (猥亵)) "
                   "goes beyond Art. 14(1)(d). A financing article names offences, not ways of committing them: a "
                   "drafter keeps the whole offence or narrows the reference knowingly.")]
    zh = [b for b in beyond(reviews["prc"], "zh") if "建议增设的第三百六十四条之二" in b]
    assert len(zh) == 1 and "而该罪仅以制作材料的方式涉及第14条第1款(a)至(c)项：资助该罪的其他行为（“猥亵”）超出" \
        "第14条第1款(d)项的要求。" in zh[0]


def test_offences_on_material_and_articles_without_such_offences_are_not_listed(reviews: dict[str, Review]) -> None:
    """Art. 363 ¶1's reproducing is an act on material the treaty does not list, not an act against a person: no
    entry; Taiwan's financing article names offences on material only: none."""
    assert not [b for b in beyond(reviews["prc"], "en") if b.startswith("Paragraph 1 of Article 363")
                and "The article suggested" in b]
    assert not [b for b in beyond(reviews["tw"], "en") if "The article suggested" in b]
