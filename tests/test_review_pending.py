"""`review --pending`: drafts pending before the legislature read beside the law in force. A gap a pending draft
closes is said to be closed by it, citing it, and gets no suggested amendment; a gap it closes only in part keeps
its suggestion, numbered apart from the draft's; without pending drafts every suggestion stands."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.cli import main
from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts

REPO = Path(__file__).resolve().parent.parent
IN_FORCE = REPO / "drafts" / "prc" / "in-force"
SKETCH = REPO / "tests" / "expected" / "remedy-sketches" / "prc-14" / "364-1-possession.lexd"
PROPOSED = REPO / "drafts" / "prc" / "proposed"


def _paragraphs(pending: list[Path]) -> dict[str, object]:
    loaded = load([str(IN_FORCE), *map(str, pending)])
    waiting = {str(p) for p in pending}
    drafts = type(loaded)(tuple(f for f in loaded.files if f.path not in waiting), loaded.warnings,
                          loaded.decisions)
    held = [d for f in loaded.files if f.path in waiting for d in f.documents]
    (r,) = review_drafts(drafts, ["uncc.14"], held)
    return {p.requirement.id: p for p in r.articles[0].paragraphs}


@pytest.fixture(scope="module")
def with_sketch() -> dict[str, object]:
    return _paragraphs([SKETCH])


def test_a_gap_a_pending_draft_closes_is_said_closed_by_it_and_not_suggested_again(with_sketch) -> None:
    """remedies.md §1.3's possession article, pending: 14(1)(c) stays not-met for the law in force, names the draft
    that closes it, and has no amendment; 14(1)(b), which the draft leaves open, still has one."""
    c, b = with_sketch["uncc.14.1.c"], with_sketch["uncc.14.1.b"]
    assert c.verdict == "not-met" and c.amendment is None
    said = [n.text.en for n in c.observations if "pending draft" in (n.text.en or "")]
    assert said and "prc.criminal-law.364-1" in said[0]
    assert b.amendment is not None and b.amendment.target != "prc.criminal-law.364-1"
    assert "uncc.14.1.c" not in b.amendment.closes


def test_without_pending_drafts_the_suggestion_stands() -> None:
    c = _paragraphs([])["uncc.14.1.c"]
    assert c.amendment is not None and c.amendment.target == "prc.criminal-law.364-1"
    assert not any("pending draft" in (n.text.en or "") for n in c.observations)


def test_the_review_cites_the_pending_draft_in_its_own_form(with_sketch) -> None:
    (r,) = review_drafts(load([str(IN_FORCE)]), ["uncc.14"])
    loaded = load([str(IN_FORCE), str(SKETCH)])
    drafts = type(loaded)(tuple(f for f in loaded.files if f.path != str(SKETCH)), loaded.warnings, loaded.decisions)
    held = [d for f in loaded.files if f.path == str(SKETCH) for d in f.documents]
    (r,) = review_drafts(drafts, ["uncc.14"], held)
    zh = out.to_markdown([r], "zh")
    assert "待审议的草案将填补这一缺口：刑法第三百六十四条之一" in zh
    assert "prc.criminal-law.364-1" not in zh


def test_cli_review_pending_bill(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The bundled bill's 364-1 keeps a threshold and an artistic exemption: it closes 14(1)(c) only in part, so the
    review's own possession article stands, numbered after it; the financing article names the bill's 364-1 too."""
    target = tmp_path / "review.md"
    assert main(["review", str(IN_FORCE), "--pending", str(PROPOSED), "--against", "uncc.14", "--lang", "zh",
                 "--format", "markdown", "-o", str(target)]) == 1
    text = target.read_text(encoding="utf-8")
    assert "在刑法第三百六十四条之一后增加一条，作为第三百六十四条之二：\n“非法索取、获取、浏览、持有、控制" in text
    # financing names the bill's 364-1 and the review's own 237-1 and 364-2 beside the law (LAWYER-G4 G4)
    assert "资助他人实施本法第二百三十七条第三款、第二百三十七条之一、第三百六十三条第一款、第三百六十四条第一款、" \
        "第三百六十四条之一、第三百六十四条之二规定之罪的" in text
    assert "待审议的草案将填补这一缺口" not in text
