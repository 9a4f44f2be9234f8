"""Risks every article's offences share are written once (conformance/common/risks.yaml) and read alike."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError, format_all
from lexdraft.language.ast import Provision
from lexdraft.language.parse import parse_text
from lexdraft.pipeline import known_articles, load
from lexdraft.treaty.conformance import check
from lexdraft.treaty.spec import COMMON_RISKS, load_common_risks, spec_for
from lexdraft.treaty.values import RequirementKind

ROOT = Path(__file__).resolve().parent.parent
RULE = "uncc.21.1.private-prosecution"
COMPLAINT = "uncc.21.1.complaint-required"  # Taiwan's 告訴乃論: a complaint, then the prosecutor investigates
AUTHORISATION = "uncc.21.1.victim-authorisation"  # an Ermächtigung: the prosecutor proceeds only if the victim allows


def test_the_art_21_rule_is_written_once() -> None:
    shipped = [p for p in (ROOT / "conformance").glob("*.yaml") if RULE in p.read_text(encoding="utf-8")]
    assert shipped == []
    common = load_common_risks(str(ROOT / "conformance" / COMMON_RISKS))
    assert [r.id for r in common] == [RULE, COMPLAINT, AUTHORISATION]
    assert {r.kinds for r in common} == {(RequirementKind.OFFENCE,)}


@pytest.mark.parametrize("article", known_articles())
def test_every_article_with_offences_looks_for_it(article: str) -> None:
    spec = spec_for(article)
    has_offences = any(q.kind is RequirementKind.OFFENCE for q in spec.requirements)
    assert (RULE in {r.id for r in spec.risks}) is has_offences
    assert (COMPLAINT in {r.id for r in spec.risks}) is has_offences
    assert (AUTHORISATION in {r.id for r in spec.risks}) is has_offences


# An offence on intimate images prosecuted by the public prosecutor only with the authorisation of the person depicted
# (as an Ermächtigungsdelikt is), in a common-law pack's set, composed.
_AUTHORISED = """provision nz.hdca.22b {
  jurisdiction nz
  status       proposed
  instrument   hdca
  title        en "Making an intimate image available without consent"
  actors       natural-person
  mental       intent
  conduct      make-available
  object       intimate-image {
    depicts  exposed-sexual-organs | sexual-activity
    person   any-person
  }
  consent      absent
  prosecution  victim-authorisation
  penalty
    base imprisonment <= 6 months
}
"""


def test_an_offence_prosecuted_only_with_the_victim_s_authorisation_is_its_own_risk() -> None:
    """Not a complaint: its own risk, and composed text that says authorisation, never complaint."""
    from lexdraft.wording.render import render

    (p,) = parse_text(_AUTHORISED, "a.lexd").documents
    risks = {r.id: r for r in check(spec_for("uncc.16"), [p]).risks}
    assert AUTHORISATION in risks and COMPLAINT not in risks and RULE not in risks, sorted(risks)
    assert "only with the authorisation of the victim" in risks[AUTHORISATION].reason.en
    text = render(p, "en", {p.id: p})
    assert "may be commenced only with the authorisation of the person against whom the offence was committed" \
        in text, text
    assert "complaint" not in text


def test_one_reason_whatever_article_the_offence_serves() -> None:
    """Insult (complaint required) serves Art. 16; 364-1 prosecuted on complaint would serve Art. 14: one reason."""
    path = ROOT / "drafts" / "prc" / "proposed" / "364-1-csem-possession.lexd"
    text = path.read_text(encoding="utf-8")
    assert "prosecution  public" in text
    possession = parse_text(text.replace("prosecution  public", "prosecution  private"), str(path))
    insult = load([str(ROOT / "drafts" / "prc" / "in-force" / "246-insult-defamation.lexd")])
    found = {article: [r for r in check(spec_for(article), provisions).risks if r.id == RULE]
             for article, provisions in (("uncc.14", possession.documents), ("uncc.16", insult.provisions))}
    assert found["uncc.14"] and found["uncc.16"]
    reasons = {r.reason for risks in found.values() for r in risks}
    assert len(reasons) == 1
    reason = reasons.pop()
    assert "the victim must identify the offender" in reason.en and "告訴乃論" not in reason.en + reason.zh
    # Art. 246's own answers to the evidence problem: ¶3's police assistance and ¶2's public-prosecution exception.
    assert "art. 246 ¶3" in reason.en and "¶2" in reason.en and "stops short of opening a criminal investigation" \
        in reason.en
    assert "第二百四十六条第三款" in reason.zh and "公安机关提供协助" in reason.zh and "（第二款）" in reason.zh
    assert "000_" not in reason.en + reason.zh  # readers see the paper's authors and title, not its file name


def test_legal_persons_are_not_read_for_it() -> None:
    """Art. 18(1) reaches the same providers, but the rule looks at offences only: no 21(1) risk in Art. 18."""
    drafts = load([str(ROOT / "drafts" / "prc" / "in-force")])
    assert [r for r in check(spec_for("uncc.18"), drafts.provisions).risks if r.id == RULE] == []


def test_a_malformed_common_risks_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "risks.yaml"
    bad.write_text("risks:\n  - id: r\n    paragraph: \"21(1)\"\n    when: {motive: {has: profit}}\n"
                   "    reason: {en: x, zh: y}\n", encoding="utf-8")
    with pytest.raises(LexdraftError) as e:
        load_common_risks(str(bad))
    out = format_all(e.value.diagnostics)
    assert out.startswith(f"{bad}:4:12: error[E303]: unknown key 'motive' in risk r, when\n")
    bad.write_text("risk: []\n", encoding="utf-8")
    with pytest.raises(LexdraftError) as e:
        load_common_risks(str(bad))
    assert "did you mean 'risks'?" in format_all(e.value.diagnostics)


def test_a_complaint_requirement_is_not_private_prosecution() -> None:
    """Taiwan's 告訴乃論 (Criminal Code art. 319-6) needs the victim's complaint, then the prosecutor investigates:
    its reason names neither private prosecution's burden nor PRC art. 246 nor the paper on Mainland China."""
    drafts = load([str(ROOT / "drafts" / "tw" / "in-force")])
    risks = [r for r in check(spec_for("uncc.16"), drafts.provisions).risks]
    assert {r.id for r in risks} == {COMPLAINT}
    for r in risks:
        text = r.reason.en + r.reason.zh
        assert "246" not in text and "Mainland" not in text and "自行查明" not in text
        assert "319-6" in r.reason.en and "this is not private prosecution" in r.reason.en
        assert "第三百十九條之六" in r.reason.zh and "告诉后由检察机关侦查" in r.reason.zh
    prc = load([str(ROOT / "drafts" / "prc" / "in-force")])
    assert {r.id for r in check(spec_for("uncc.16"), prc.provisions).risks} == {RULE}


def _fr_set() -> list[Provision]:
    return load([str(ROOT / "drafts" / "fr" / "in-force")]).provisions


def test_france_s_complaint_is_worded_from_its_own_procedure() -> None:
    """Code pénal art. 226-6's plainte, as the reference gives it: nothing of Taiwan's 告訴乃論 or art. 319-6."""
    risks = [r for r in check(spec_for("uncc.16"), _fr_set()).risks if r.id == COMPLAINT]
    assert risks
    for r in risks:
        # art. 226-6 covers arts. 226-1 to 226-2-1: al. 1 and al. 2 of art. 226-2-1, and art. 226-2 as recalled
        assert r.provision.startswith(("fr.code-penal.226-2-1.", "fr.code-penal.226-2."))
        assert "Code pénal art. 226-6" in r.reason.en and "(plainte)" in r.reason.en
        assert "l'action publique ne peut être exercée que sur plainte de la victime" in r.reason.en
        assert "法国刑法典第226-6条" in r.reason.zh
        text = r.reason.en + r.reason.zh
        assert "319-6" not in text and "告訴乃論" not in text and "Taiwan" not in text and "台湾" not in text


@pytest.fixture
def fr_without_risks(tmp_path: Path) -> Iterator[Path]:
    """An office's own French pack that words no risk: the bundled one without its `risks:`."""
    folder = tmp_path / "fr"
    shutil.copytree(ROOT / "packs" / "fr", folder)
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    start = text.index("risks:")
    (folder / "pack.yaml").write_text(text[:start] + text[text.index("instruments:"):], encoding="utf-8")
    packs.use([str(folder)])
    yield folder
    packs.use(())


def test_a_pack_that_words_no_risk_gets_words_naming_no_system(fr_without_risks: Path) -> None:
    risks = [r for r in check(spec_for("uncc.16"), _fr_set()).risks if r.id == COMPLAINT]
    assert risks
    common = {r.id: r.reason for r in load_common_risks(str(ROOT / "conformance" / COMMON_RISKS))}
    for r in risks:
        assert r.reason == common[COMPLAINT]
        text = r.reason.en + r.reason.zh
        assert not any(w in text for w in ("226-6", "319-6", "告訴乃論", "Taiwan", "PRC", "246", "刑法"))


def test_a_pack_wording_a_risk_lexdraft_does_not_look_for_is_a_located_error(
        fr_without_risks: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pack = fr_without_risks / "pack.yaml"
    text = pack.read_text(encoding="utf-8")
    pack.write_text(text.replace("instruments:", "risks:\n  uncc.21.1.complaint-requried: {en: x, zh: y}\n"
                                 "instruments:"), encoding="utf-8")
    code = main(["check", str(ROOT / "drafts" / "fr" / "in-force"), "--pack", str(fr_without_risks), "--no-cache"])
    err = capsys.readouterr().err
    assert code == 2
    line = text[:text.index("instruments:")].count("\n") + 2
    assert f"fr/pack.yaml:{line}:3: error[E701]: the pack words the risk 'uncc.21.1.complaint-requried', which " \
           "lexdraft does not look for" in err
    assert "uncc.21.1.complaint-required" in err  # the hint lists the risks a pack may word


def test_an_exception_to_the_complaint_requirement_is_said_in_the_risk() -> None:
    """Germany's StGB § 201a, recalled: prosecuted on complaint unless the prosecuting authority finds a special public
    interest in prosecution (§ 205(1)). The risk stays (the ordinary case still waits on the victim), but a reviewer
    reads that the State may act without the complaint in the cases excepted; without `except` the reason is the
    common one, unchanged."""
    excepted = _AUTHORISED.replace("prosecution  victim-authorisation",
                                   "prosecution  complaint-required except special-public-interest")
    plain = _AUTHORISED.replace("prosecution  victim-authorisation", "prosecution  complaint-required")
    common = load_common_risks(str(ROOT / "conformance" / COMMON_RISKS))
    (rule,) = [r for r in common if r.id == COMPLAINT]
    found = {}
    for name, text in (("excepted", excepted), ("plain", plain)):
        (p,) = parse_text(text, "a.lexd").documents
        (risk,) = [r for r in check(spec_for("uncc.16"), [p]).risks if r.id == COMPLAINT]
        found[name] = risk.reason
    assert found["plain"] == rule.reason
    assert found["excepted"].en.startswith(rule.reason.en)
    assert found["excepted"].en.endswith(
        "The statute excepts cases of a special public interest in prosecution, as the prosecuting authority finds "
        "it: in those the State may prosecute without waiting on the victim, which narrows the risk but does not "
        "remove it, since the ordinary case still waits on the victim."), found["excepted"].en
    assert "法律对追诉机关认为追诉具有特别公共利益的情形作了例外规定" in found["excepted"].zh


def test_a_cold_check_keeps_the_exception_to_the_complaint_requirement(tmp_path: Path) -> None:
    """The risk reads `except` from the provision's sketch, as a cold check of a folder keeps it."""
    (tmp_path / "a.lexd").write_text(_AUTHORISED.replace(
        "prosecution  victim-authorisation", "prosecution  complaint-required except special-public-interest"),
        encoding="utf-8")
    drafts = load([str(tmp_path)])
    (risk,) = [r for r in check(spec_for("uncc.16"), drafts.provisions).risks if r.id == COMPLAINT]
    assert "special public interest" in risk.reason.en
