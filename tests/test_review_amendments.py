"""Every amendment a review suggests can be worded: for every bundled set in force (every pack) and every amendment
its review suggests (every kind the sets give rise to: a conduct added, an age band widened, a new article, legal
persons), in both languages a review is written in. A wording lexdraft lacks fails here, never as text in a review."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.review import Review

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"
SETS = sorted(p.parent.name for p in DRAFTS.glob("*/in-force"))
ARTICLES = ["uncc.14", "uncc.16", "uncc.18"]


@pytest.fixture(scope="module")
def reviews() -> dict[str, Review]:
    return {code: review_drafts(load([str(DRAFTS / code / "in-force")]), ARTICLES)[0] for code in SETS}


def test_the_bundled_sets_give_rise_to_several_kinds_of_amendment(reviews: dict[str, Review]) -> None:
    edits = [e for r in reviews.values() for am in r.amendments() for e in am.edits]
    new = [am for r in reviews.values() for am in r.amendments() if am.amends is None]
    assert [e for e in edits if e.startswith("add the conduct ")] and new, edits  # conduct added; new articles
    # an age band widened: no bundled set now gives one (Singapore's was possessing added to s. 377BG, an offence of
    # using a child in production); tests/test_act_host.py words one on a synthetic set


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("code", SETS)
def test_every_suggested_amendment_is_worded(reviews: dict[str, Review], code: str, lang: str) -> None:
    review = reviews[code]
    try:
        page = out.page(review, lang)
    except LexdraftError as e:  # a wording the style lacks: say which, where
        pytest.fail(f"{code} {lang}: " + "; ".join(f"{d.code} {d.message} ({d.span})" for d in e.diagnostics))
    texts = [p.amendment.text for a in page.articles for p in a.paragraphs if p.amendment is not None]
    assert len(texts) >= len(review.amendments())
    for text in texts:
        assert "no wording" not in text and "no statute wording" not in text and "error[" not in text, text


def test_an_amendment_says_how_age_is_established(reviews: dict[str, Review]) -> None:
    """A provision whose material is of a child by actual or apparent age (`age-test actual-age | apparent-age`),
    amended, says so in its own paragraph, where the review once printed that it had no wording for it (France's
    financing amendment did; financing is now an article of its own, so India's 14(1)(c) amendment of POCSO s. 15
    carries the test)."""
    page = out.page(reviews["in"], "en")
    c = next(p for a in page.articles for p in a.paragraphs if p.id == "uncc.14.1.c")
    assert c.amendment is not None
    assert "In this section, the age of a person depicted is their actual age or the age they appear to be." \
        in c.amendment.text


# `as-to nature …` (Singapore's s. 377BG once): tests/test_act_host.py
@pytest.mark.parametrize("code,words", [
    ("ie", "for bona fide research. The burden of proving that exception lies on the accused."),  # `burden accused`
    ("in", "an act referred to in that subsection for reporting to the competent authorities."),  # `form: act`
])
def test_amendments_word_each_element_of_the_provision_they_amend(reviews: dict[str, Review], code: str,
                                                                  words: str) -> None:
    page = out.page(reviews[code], "en")
    assert [p for a in page.articles for p in a.paragraphs if p.amendment and words in p.amendment.text], code
