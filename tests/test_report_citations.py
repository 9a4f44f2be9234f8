"""A check's report cites each provision a shared reason names only where its words depend on how: in Chinese
(各该款 where each is a paragraph). A large set's reasons name thousands of provisions, and citing each for the English
was most of the time a re-check took to print its report."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.outputs import report
from lexdraft.pipeline import check_set, load

ROOT = Path(__file__).resolve().parents[1]


def test_only_the_chinese_cites_the_provisions_a_shared_reason_names(monkeypatch: pytest.MonkeyPatch) -> None:
    reports = [c.report for c in check_set(load([str(ROOT / "drafts" / "sg" / "in-force")]))]
    english = [report.to_text(r, "en") for r in reports]
    cited: list[str] = []
    within_law = report.within_law

    def counting(provision: object, lang: str) -> str:
        cited.append(lang)
        return within_law(provision, lang)  # type: ignore[arg-type]

    monkeypatch.setattr(report, "within_law", counting)
    assert [report.to_text(r, "en") for r in reports] == english
    assert cited == []
    assert any("各该" in report.to_text(r, "zh") for r in reports)
    assert cited
