"""General-part rules (participation, attempt, legal persons): parsed, printed back, linted and rendered."""

from __future__ import annotations

from pathlib import Path

from lexdraft.language import ast as A
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_text as parse_draft
from lexdraft.language.printer import format_draft
from lexdraft.wording.render import render

ROOT = Path(__file__).resolve().parent.parent
GENERAL_PARTS = sorted(ROOT.glob("drafts/*/in-force/*general-part.lexd"))


def _rules(path: Path) -> list[A.Rule]:
    draft = parse_draft(path.read_text(encoding="utf-8"), str(path))
    return [d for d in draft.documents if isinstance(d, A.Rule)]


def test_the_bundled_general_parts_parse_lint_clean_and_print_back() -> None:
    assert GENERAL_PARTS
    for path in GENERAL_PARTS:
        draft = parse_draft(path.read_text(encoding="utf-8"), str(path))
        assert [d.code for d in lint([draft])] == []
        again = parse_draft(format_draft(draft), str(path))
        assert again.documents == draft.documents


def test_prc_art_366_reaches_363_to_365_and_punishes_the_unit() -> None:
    rules = {r.id: r for r in _rules(ROOT / "drafts/prc/in-force/criminal-law-general-part.lexd")}
    r = rules["prc.criminal-law.366"]
    assert r.kind is not None and r.kind.name == "legal-persons"
    assert r.reaches_provision("prc.criminal-law.364.1") and not r.reaches_provision("prc.criminal-law.364-1")
    assert not r.reaches_provision("prc.criminal-law.246")
    assert [t.name for t in r.punishes] == ["fine-on-unit", "fine-without-range", "responsible-persons-punished"]
    assert "prc.criminal-law.25" not in rules  # the reference gives no text of art. 25: nothing is invented


def test_a_rule_renders_as_its_verbatim_text() -> None:
    r = next(r for r in _rules(ROOT / "drafts/prc/in-force/criminal-law-general-part.lexd")
             if r.id == "prc.criminal-law.366")
    zh = render(r, "zh", {})
    assert r.text is not None and r.text.zh is not None and r.text.zh.strip() in zh
    assert "第三百六十六条" in zh


def test_reaches_all_round_trips() -> None:
    src = ('rule prc.criminal-law.25 {\n  jurisdiction prc\n  status in-force\n  title zh "共同犯罪" en "Joint crime"\n'
           '  source "s"\n  kind complicity\n  reaches all\n  text zh "第二十五条 ……"\n}\n')
    draft = parse_draft(src, "x.lexd")
    (rule,) = draft.documents
    assert isinstance(rule, A.Rule) and rule.reaches_all and rule.reaches_provision("prc.criminal-law.999")
    assert "reaches      all" in format_draft(draft)
    assert parse_draft(format_draft(draft), "x.lexd").documents == draft.documents
    assert [d.code for d in lint([draft])] == []


def test_punishes_on_an_attempt_rule_is_e220() -> None:
    src = ('rule tw.csepa.38.4 {\n  jurisdiction tw\n  status in-force\n  title zh-hant "未遂" zh "未遂" en "Attempt"\n'
           '  source "s"\n  kind attempt\n  reaches tw.csepa.38.1\n  punishes fine-on-unit\n'
           '  text zh-hant "第一項及第三項之未遂犯罰之。"\n}\n')
    found = lint([parse_draft(src, "x.lexd")])
    assert [(d.code, d.span.line if d.span else 0) for d in found] == [("E221", 8)]


def test_art_18_1_is_met_for_an_offence_a_legal_persons_clause_reaches_and_the_report_cites_it() -> None:
    """PRC art. 364 ¶1 has no unit paragraph of its own: art. 366 makes units liable for it (fails on main, where a
    provision without a `unit` actor left legal persons out whatever the general part said)."""
    from dataclasses import replace

    from lexdraft.language.parse import parse_file
    from lexdraft.treaty.conformance import check
    from lexdraft.treaty.spec import spec_for

    in_force = ROOT / "drafts/prc/in-force"
    (p364,) = [d for d in parse_file(str(in_force / "364-disseminating-obscene.lexd")).documents
               if isinstance(d, A.Provision)]
    natural_only = replace(p364, actors=tuple(a for a in p364.actors if a.name != "unit"))
    rules = _rules(in_force / "criminal-law-general-part.lexd")
    without = check(spec_for("uncc.18"), [natural_only]).verdicts[0]
    with_rules = check(spec_for("uncc.18"), [natural_only], rules).verdicts[0]
    assert without.requirement.id == "uncc.18.1" and p364.id not in without.met_by
    assert p364.id in with_rules.met_by and with_rules.verdict.rank > without.verdict.rank
    assert any("prc.criminal-law.366" in (n.text.en or "") for n in with_rules.notes)


def test_a_rule_applied_to_another_act_of_its_jurisdiction_reaches_it_and_another_jurisdiction_is_e221() -> None:
    """England's Criminal Justice Act 1988 s. 160(4) applies the Protection of Children Act 1978's clause on bodies
    corporate to s. 160: a rule of one act listing another act's offence was E221 ("a provision of another code"), so
    the application could not be encoded. A rule of one jurisdiction reaching another's still is."""
    rule = ('rule nz.fvpca.140 {{\n  jurisdiction nz\n  status in-force\n  title en "Bodies corporate"\n'
            '  source "s"\n  kind legal-persons\n  reaches nz.fvpca.131, {other}\n  punishes fine-on-unit\n'
            '  text en "140 Where a body corporate …"\n}}\n')
    same = lint([parse_draft(rule.format(other="nz.hdca.30"), "x.lexd")])
    assert [d.code for d in same] == []
    (r,) = parse_draft(rule.format(other="nz.hdca.30"), "x.lexd").documents
    assert isinstance(r, A.Rule) and r.reaches_provision("nz.hdca.30") and r.reaches_provision("nz.fvpca.131")
    other = lint([parse_draft(rule.format(other="tw.csepa.36"), "x.lexd")])
    assert [(d.code, d.message) for d in other] == [
        ("E221", "rule `nz.fvpca.140` of `nz` reaches `tw.csepa.36`, a provision of another jurisdiction")]
