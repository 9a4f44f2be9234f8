"""Conduct coverage as data with a rationale (issue 13): which treaty acts a conduct term reaches, why, and on what
authority; a pack's own reading for its law; the report quoting the reason where it decides a verdict."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.diagnostics import Span
from lexdraft.language.vocabulary import _coverage_errors, vocabulary
from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

HERE = Path(__file__).resolve().parent

POSSESSION = """
provision {code}.{act}.1 {{
  jurisdiction {code}
  status       in-force
  title        zh "持有" en "Possession"
  conduct      {conduct}
  object       csam {{
    person minor
  }}
  penalty
    base imprisonment <= 3 years
}}
"""


pytestmark = pytest.mark.usefixtures("bundled_only")


def finding(requirement: str, conduct: str, code: str = "prc", act: str = "criminal-law") -> Finding:
    drafts, _ = load_sources([("t.lexd", POSSESSION.format(code=code, act=act, conduct=conduct))])
    report = check(spec_for(".".join(requirement.split(".")[:2])), drafts.provisions)
    return next(f for f in report.verdicts if f.requirement.id == requirement)


def notes(f: Finding, lang: str = "en") -> list[str]:
    return [getattr(n.text, lang) or "" for n in f.notes]


def test_every_term_reaching_beyond_its_name_says_why_and_on_what_authority() -> None:
    base = vocabulary().section("conduct")
    acts = {str(a) for e in base.values() for a in e.get("covers", ())}
    where = Span("vocabulary/vocabulary.yaml", 1, 1, 1, 2)
    assert {name: [d.message for d in _coverage_errors(name, entry, acts, where, False)]
            for name, entry in base.items()} == {name: [] for name in base}
    # the readings the issue names, as data
    assert {"control"} <= set(base["possess"]["covers"])
    assert {"transmit"} <= set(base["broadcast"]["covers"])
    assert {"distribute", "make-available"} <= set(base["share"]["covers"])


def test_the_report_quotes_the_reason_where_it_decides_which_acts_are_reached() -> None:
    f = finding("uncc.14.1.a", "share")
    assert f.reached == ["distribute", "transmit", "publish", "make-available"]
    # the statute's term in its act and its own words, the treaty's acts in the review's: never an internal id
    [note] = [n for n in notes(f) if n.startswith("'sharing' (分享)")]
    assert note.startswith("'sharing' (分享) reaches distributing, transmitting, publishing and otherwise making "
                           "available: Sharing sends material")
    assert "`" not in note
    assert "(source: lexdraft's reading" in note
    [zh] = [n for n in notes(f, "zh") if n.startswith("“分享”")]
    assert zh.startswith("“分享”涵盖散布、传输、发布、以其他方式提供：") and "依据：" in zh
    # a term named after the act needs no reason: nothing is decided by reading
    assert not [n for n in notes(finding("uncc.14.1.a", "distribute, share"))
                if n.startswith("'sharing' (分享) reaches distributing")]


def test_the_label_names_every_act_its_reason_claims_those_named_by_the_provision_apart() -> None:
    """India's 'transmitting' (s. 67B, which names distributing too) reached broadcasting, its label said, while its
    reason said distributing by computer is transmitting as well: the label names what the reason claims, the acts
    a term of their own name reaches said apart, so that they are not read as decided by the reading."""
    f = finding("uncc.14.1.a", "distribute, share")
    [note] = [n for n in notes(f) if n.startswith("'sharing' (分享)")]
    assert note.startswith("'sharing' (分享) reaches transmitting, publishing and otherwise making available (and "
                           "distributing, which the provision names as well): Sharing sends material")
    [zh] = [n for n in notes(f, "zh") if n.startswith("“分享”")]
    assert zh.startswith("“分享”涵盖传输、发布、以其他方式提供（以及该条文亦明文规定的散布）：")
    # nothing named apart where no other term reaches what the reason gives
    [alone] = [n for n in notes(finding("uncc.14.1.a", "share")) if n.startswith("'sharing' (分享)")]
    assert "names as well" not in alone


def test_possession_reaches_control_and_viewing_is_not_possessing_each_said_where_it_decides() -> None:
    f = finding("uncc.14.1.c", "possess")
    assert f.verdict is Verdict.MET and f.reached == ["possess", "control"]
    assert any(n.startswith("'possessing' (持有) reaches controlling: Possessing material is having it under one's "
                            "control")
               for n in notes(f))
    assert finding("uncc.14.1.c", "possess, control").verdict is Verdict.MET
    assert not [n for n in notes(finding("uncc.14.1.c", "possess, control")) if n.startswith("'possessing'")]
    f = finding("uncc.14.1.c", "view, store")
    assert f.verdict is Verdict.MET
    assert not [n for n in notes(f) if n.startswith("'viewing'")]  # storing reaches possession: nothing to decline
    assert vocabulary().section("conduct")["view"]["declines"] == ["possess"]


def test_a_pack_reads_a_term_for_its_own_law_only(tmp_path: Path) -> None:
    pack = tmp_path / "nz"
    shutil.copytree(HERE / "packs" / "nz", pack)
    (pack / "vocabulary.yaml").write_text(
        "conduct:\n"
        "  possess: {zh: 持有, en: possess, en3: possesses, covers: [possess], declines: [control],\n"
        "    reason: {en: Possession needs physical custody of the material.},\n"
        "    source: \"Testland Crimes Act s. 1(2) (a test pack's reading)\"}\n", encoding="utf-8")
    packs.use((str(tmp_path),))
    ours = finding("uncc.14.1.c", "possess", code="nz", act="hdca")
    assert ours.verdict is Verdict.PARTLY_MET and ours.reached == ["possess"]
    # a jurisdiction whose statutes are not in Chinese: its term in English only
    assert any(n.startswith("'possessing' not controlling: Possession needs physical custody of the material.")
               and n.endswith("(source: Testland Crimes Act s. 1(2) (a test pack's reading))") for n in notes(ours))
    # another jurisdiction keeps lexdraft's reading
    assert finding("uncc.14.1.c", "possess").verdict is Verdict.MET
