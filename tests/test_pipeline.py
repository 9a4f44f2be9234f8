"""The driver the CLI, the gate, the Sphinx extension and (next) the language server share: a set loaded from
(path, text) pairs, one draft in its context, articles chosen once, and typed results per jurisdiction."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.pipeline import (
    by_jurisdiction,
    check_groups,
    check_jurisdiction,
    check_provisions,
    load,
    load_in_context,
    load_sources,
    treaty_articles,
)

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"


def test_a_set_loads_from_path_and_text_pairs_as_from_files() -> None:
    paths = sorted(str(p) for p in DRAFTS.rglob("*.lexd"))
    from_texts, warnings = load_sources([(p, Path(p).read_text(encoding="utf-8")) for p in paths])
    assert from_texts == load([str(DRAFTS)]) and warnings == list(from_texts.warnings)


def test_articles_are_chosen_once_each_in_order_and_an_unknown_one_is_e401() -> None:
    assert treaty_articles(["uncc.16", "uncc.14", "uncc.16"]) == ["uncc.16", "uncc.14"]
    assert treaty_articles(None) == treaty_articles([]) and "uncc.14" in treaty_articles()
    with pytest.raises(LexdraftError) as e:
        treaty_articles(["uncc.16", "uncc.99"])
    assert [(d.code, d.message) for d in e.value.diagnostics] == [("E401", "unknown treaty article 'uncc.99'")]


def test_each_jurisdiction_is_checked_on_its_own_and_can_be_checked_again_alone() -> None:
    drafts = load([str(DRAFTS / "prc"), str(DRAFTS / "tw")])  # two of the bundled systems (the atlas has ten)
    groups = by_jurisdiction(drafts.provisions)
    assert list(groups) == ["prc", "tw"]
    checked = check_groups(groups, ["uncc.14", "uncc.16"])
    assert [(c.jurisdiction, c.article) for c in checked] == [
        ("prc", "uncc.14"), ("prc", "uncc.16"), ("tw", "uncc.14"), ("tw", "uncc.16")]
    assert {p.jurisdiction.name for c in checked if c.jurisdiction == "tw" for p in c.report.provisions
            if p.jurisdiction} == {"tw"}
    again = check_jurisdiction("tw", groups["tw"], ["uncc.16"])
    assert [c.report.verdicts for c in again] == [checked[3].report.verdicts]
    assert check_provisions(drafts.provisions, ["uncc.16", "uncc.16"]) == [checked[1], checked[3]]


def test_a_draft_in_context_may_be_given_as_text_and_only_its_own_problems_stop_it(tmp_path: Path) -> None:
    interpretation = DRAFTS / "prc/proposed/dfii-interpretation.lexd"
    text = interpretation.read_text(encoding="utf-8")
    for source in sorted(interpretation.parent.glob("*.lexd")):
        (tmp_path / source.name).write_text(source.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "broken.lexd").write_text("provision {\n", encoding="utf-8")  # a neighbour's problem, not its
    path = str(tmp_path / interpretation.name)
    loaded = load_in_context(path, text=text)
    assert loaded.draft.path == path and loaded.paths[0] == path
    assert sorted(Path(p).name for p in loaded.paths[1:]) == sorted(
        p.name for p in interpretation.parent.glob("*.lexd") if p != interpretation)
    with pytest.raises(LexdraftError) as e:
        load_in_context(path, text=text.replace("interprets", "interprets  prc.criminal-law.999,", 1))
    assert {d.span.file for d in e.value.diagnostics if d.span} == {path}
