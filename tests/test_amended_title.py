"""An amended provision is named by what it punishes once amended, as a new article's title is derived, not by its
title in force: France's art. 227-23 al. 1, its purpose of dissemination removed, is no longer "… with a view to its
dissemination", and al. 4, its habit-or-payment condition removed and soliciting added, no longer "Habitually or for
payment consulting …" (LAWYER-FINAL2, atlas review amendments)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.language.vocabulary import vocabulary
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.acts import gerund
from lexdraft.treaty.amend import Amendment
from lexdraft.treaty.review import Review

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"
SETS = sorted(p.parent.name for p in DRAFTS.glob("*/in-force"))


@pytest.fixture(scope="module")
def reviews() -> dict[str, Review]:
    return {code: review_drafts(load([str(DRAFTS / code / "in-force")]), ["uncc.14", "uncc.16"])[0] for code in SETS}


def test_france_s_amended_paragraphs_are_named_by_their_amended_content(reviews: dict[str, Review]) -> None:
    titles = {am.requirement: am.document.title.en for am in reviews["fr"].amendments()
              if am.amends is not None and am.document.title is not None}
    assert titles["uncc.14.1.a"] == "Recording or transmitting child sexual abuse or child sexual exploitation material"
    # al. 4's « consulter » in the fr pack's word for it, not the vocabulary's 'viewing' (LAWYER-M)
    assert titles["uncc.14.1.b"] == ("Consulting, acquiring, possessing or soliciting child sexual abuse or child "
                                     "sexual exploitation material")


def _whole(am: Amendment) -> bool:
    """An article amended whole is titled as the amendment of the article, as its pack heads one (`front: amended`:
    兒童及少年性剝削防制條例第三十九條條文修正草案 / Draft Amendment to Article 39 of …), not by its acts."""
    ins = am.document.instrument
    return ins is not None and ins.replaces is not None and ins.paragraph is None


def test_no_amended_paragraph_keeps_a_title_its_edits_made_untrue(reviews: dict[str, Review]) -> None:
    """Across every bundled set: an amended paragraph's title names each of its acts, an act added among them, and
    no purpose (France's removed « en vue de sa diffusion », 'with a view to', is gone)."""
    amended = [(code, am) for code, r in reviews.items() for am in r.amendments()
               if am.amends is not None and am.document.title is not None and am.document.object is not None
               and not _whole(am)]
    assert amended, "the bundled sets give rise to amended paragraphs"
    for code, am in amended:
        title = am.document.title.en.lower()
        assert "with a view to" not in title and "for the purpose" not in title, (code, title)
        for t in am.document.conduct:
            assert gerund(vocabulary().conduct(t.name, code)).split(" ")[0] in title, (code, title, t.name)


_CONSULTING = """provision fr.code-penal.990 {
  jurisdiction fr
  status       in-force
  instrument   code-penal
  title        en "Consulting material of children"
  actors       natural-person
  mental       intent
  conduct      view, possess
  object       csam {
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
  }
  prosecution  public
  penalty
    base imprisonment <= 5 years
}
"""


def test_composed_english_says_an_act_in_the_pack_s_word_for_it() -> None:
    """A pack that reads a conduct term in its statute's own word (France's « consulter », 'consult') is composed
    with it, in the text and in a derived title, never with the vocabulary's word ('views')."""
    from lexdraft.pipeline import load_sources
    from lexdraft.treaty.amend import _title
    from lexdraft.wording.render import render

    drafts, _ = load_sources([("x.lexd", _CONSULTING)])
    (p,) = drafts.provisions
    text = render(p, "en", {p.id: p})
    assert "if the person consults or possesses" in text and "views" not in text
    assert _title(["view", "possess"], "csam", "fr").en.startswith("Consulting or possessing ")
    assert _title(["view", "possess"], "csam", "nz").en.startswith("Viewing or possessing ")
