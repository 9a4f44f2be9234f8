"""What an independent lawyer found in the review goldens, asserted on the behaviour that caused it: no PRC law in a
Taiwan review, and treaty wording that is jurisdiction-neutral unless a pack or an annotation makes it specific."""

from __future__ import annotations

from pathlib import Path

from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
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
