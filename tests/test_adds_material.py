"""A provision outranked for every act it reaches is still listed where its object reaches material of the definition
that the providers' objects do not (an offence of images made in a dwelling, whatever they show, that requires harm,
beside one of images of exposed sexual organs only, that does not): the set reaches that material through it alone.
One that adds nothing is left out, and the set's reasons say so.
Small synthetic drafts of the shape such statutes have, not their text."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import check
from lexdraft.treaty.spec import spec_for

pytestmark = pytest.mark.usefixtures("bundled_only")

OFFENCE = '''provision xx.pc.{n} {{
  jurisdiction nz
  status       in-force
  title        en "Sharing an intimate image"
  actors       natural-person
  mental       intent
  conduct      share
  consent      absent
  {harm}
  object       intimate-image {{
    {limit}
  }}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def _verdicts(*offences: tuple[str, str]) -> dict:  # type: ignore[type-arg]
    drafts, _ = load_sources([(f"d{n}.lexd", OFFENCE.format(n=n, harm=harm, limit=limit))
                              for n, (harm, limit) in enumerate(offences)])
    return {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions).verdicts}


def _texts(v) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(n.provision, n.text.en or "", n.text.zh or "") for n in v.notes]


def test_an_outranked_offence_reaching_other_material_is_listed_with_why() -> None:
    by = _verdicts(("", "depicts exposed-sexual-organs"), ("harm causes-harm", "place dwelling"))
    one, two = by["uncc.16.1"], by["uncc.16.2"]
    assert one.met_by == ["xx.pc.0", "xx.pc.1"], one.met_by
    why = [t for t in _texts(one) if t[0] == "xx.pc.1" and t[1].startswith("Listed though xx.pc.0")]
    assert why and "images of real or simulated sexual activity, which theirs do not reach" in why[0][1], why
    assert "真实或者模拟的性行为的图像" in why[0][2], why
    # its own limit stays with it
    assert any(t[0] == "xx.pc.1" and "harm" in t[1] for t in _texts(one)), _texts(one)
    # the definition is judged on it too, and the other's lack says it makes that up
    assert two.met_by == ["xx.pc.0", "xx.pc.1"], two.met_by
    lack = [t for t in _texts(two) if t[0] == "xx.pc.0"]
    assert any("The set makes it up in part: xx.pc.1 reaches what it lacks, within its own limits given here." in t[1]
               and "xx.pc.1涵盖其所缺" in t[2] for t in lack), lack
    assert any(t[0] == "xx.pc.1" and "dwelling" in t[1] for t in _texts(two)), _texts(two)


def test_an_outranked_offence_reaching_nothing_more_stays_out() -> None:
    """The same offence beside one that reaches every depiction in every place adds nothing: not listed."""
    by = _verdicts(("", ""), ("harm causes-harm", "place dwelling"))
    assert by["uncc.16.1"].met_by == ["xx.pc.0"], by["uncc.16.1"].met_by
    assert not any(t[0] == "xx.pc.1" for t in _texts(by["uncc.16.1"]))
    # said of the set, not of the provision: a note said of a provision brings it into the definition's check
    said = ("Not listed: xx.pc.1, as xx.pc.0 reaches every act it reaches, and all the material of the definition it "
            "reaches, more nearly as the paragraph asks.")
    zh = "未列为实施条文：xx.pc.1；xx.pc.0涵盖其所涵盖的各项行为及定义所指材料，且更符合该款的要求。"
    assert ("", said, zh) in _texts(by["uncc.16.1"]), _texts(by["uncc.16.1"])
    assert by["uncc.16.2"].met_by == ["xx.pc.0"], by["uncc.16.2"].met_by
