"""A limit by where an image was made (`place`) combines with the set's other limits when lexdraft looks for facts no
offence reaches: an image private when recorded may be made in a public place (a covert image of intimate parts), and
one offence limited to images made in a private place leaves it to another offence, which may exclude it for another
reason. Small synthetic drafts of the shape such statutes have, not their text."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.counterexample import counterexample, material_gap
from lexdraft.treaty.narrate import describe, describe_gap
from lexdraft.treaty.reach import reaches
from lexdraft.treaty.scenario import Material, Person, Scenario
from lexdraft.treaty.spec import spec_for

pytestmark = pytest.mark.usefixtures("bundled_only")

OFFENCE = '''provision nz.hdca.8{n} {{
  jurisdiction nz
  status       in-force
  title        en "Sharing an intimate image"
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image {{
    {limit}
  }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def _set(*limits: str) -> list:
    drafts, _ = load_sources([(f"d{n}.lexd", OFFENCE.format(n=n, limit=limit)) for n, limit in enumerate(limits)])
    return drafts.provisions


def _requirement(rid: str):  # type: ignore[no-untyped-def]
    return next(q for q in spec_for("uncc.16").requirements if q.id == rid)


def test_a_public_place_image_of_a_kind_the_other_offence_leaves_out_is_found() -> None:
    """nz.hdca.80 reaches images made in a private place only, nz.hdca.81 images of sexual activity only: an image of
    exposed sexual organs, private when recorded but made in a public place, escapes both. It was found by neither
    the definition's gap (16(2)) nor the offence's counterexample (16(1)), which took every private image to be made
    in a private place."""
    provisions = _set("place private-place", "depicts sexual-activity")
    gap = material_gap(_requirement("uncc.16.2"), provisions)
    assert gap is not None and gap.by == ("nz.hdca.81",) and not gap.doubts, gap
    m = gap.scenario.material
    assert m is not None and m.place == "public-place" and m.private_at_recording
    assert m.depicts == frozenset({"exposed-sexual-organs"})
    text = describe_gap(gap)
    assert "with sexual organs exposed, taken in private in a public place, is outside every provision" in (
        text.en or ""), text.en
    assert "系在公共场所于私密状态下拍摄的照片不在所审查的任何条文范围之内" in (text.zh or ""), text.zh
    # the offence's own search, every act read as open (no act reached in full), finds the same facts
    found = counterexample(_requirement("uncc.16.1"), provisions, full=())
    assert found is not None and not found.doubts and all(r.misses for r in found.misses), found
    assert found.scenario.material is not None and found.scenario.material.place == "public-place"
    assert "taken in private in a public place" in (describe(found).en or "")


def test_where_one_offence_reaches_every_place_nothing_is_found() -> None:
    """Where another offence reaches what the first leaves out in every place, the search finds no facts."""
    provisions = _set("place private-place", "place public-place")
    assert material_gap(_requirement("uncc.16.2"), provisions) is None
    assert counterexample(_requirement("uncc.16.1"), provisions, full=()) is None


def test_the_place_of_the_facts_is_read_as_the_vocabulary_says() -> None:
    """A dwelling is a private place; an image made in a private place that is not a dwelling is not in one; a public
    place is neither. Facts that say no place keep the reading by their privacy."""
    dwelling, private, public = _set("place dwelling", "place private-place", "place public-place")

    def reached(place: str | None, private_at_recording: bool = True) -> set[str]:
        s = Scenario("transmit", Material("visual", "real", frozenset({"exposed-sexual-organs"}), Person(30),
                                          private_at_recording=private_at_recording, place=place), recipients=1)
        return {p.id for p in (dwelling, private, public) if reaches(p, s).reached}

    assert reached("dwelling") == {"nz.hdca.80", "nz.hdca.81"}
    assert reached("private-place") == {"nz.hdca.81"}
    assert reached("public-place") == {"nz.hdca.82"}
    assert reached(None) == {"nz.hdca.80", "nz.hdca.81"} and reached(None, False) == {"nz.hdca.82"}


def _sixteen_two(*limits: str):  # type: ignore[no-untyped-def]
    from lexdraft.treaty.conformance import check

    return next(v for v in check(spec_for("uncc.16"), _set(*limits), general_part=False).verdicts
                if v.requirement.id == "uncc.16.2")


def test_offences_limited_to_places_that_leave_none_out_meet_the_definition_together() -> None:
    """One offence for images made in a private place, another for those made in a public place: together they reach
    an image made anywhere, so 16(2) is met, and the verdict says which reaches which. A dwelling and a public place
    leave other private places out; two offences for private places leave public places out: partly met, each
    limit's reason given."""
    from lexdraft.treaty.values import Verdict

    both = _sixteen_two("place private-place", "place public-place")
    assert both.verdict is Verdict.MET and both.met_by == ["nz.hdca.80", "nz.hdca.81"], both
    said = [n.text for n in both.notes if n.provision == ""]
    assert any(t.en == "Together nz.hdca.80 and nz.hdca.81 reach images made in every place: nz.hdca.80 those made "
               "in a private place; nz.hdca.81 those made in a public place. Whether the statute's places leave none "
               "between them (a workplace, a vehicle) is for a reviewer." for t in said), [t.en for t in said]
    assert any("合在一起涵盖在任何场所摄录的图像：nz.hdca.80涵盖在私人场所摄录的图像" in (t.zh or "") for t in said)
    assert material_gap(_requirement("uncc.16.2"), _set("place private-place", "place public-place")) is None
    for limits in (("place dwelling", "place public-place"), ("place private-place", "place dwelling")):
        short = _sixteen_two(*limits)
        assert short.verdict is Verdict.PARTLY_MET, (limits, short)
        assert any("must have been made in a" in (n.text.en or "") for n in short.notes), short.notes
    # a place limit beside another limit of the same offence is not made up by place alone
    other = _sixteen_two("place private-place\n    identifiable-by general-public", "place public-place")
    assert other.verdict is Verdict.PARTLY_MET, other


def test_a_place_no_offence_reaches_is_shown_as_the_definition_s_gap() -> None:
    """A dwelling in one offence, a public place in another: an image private when recorded in a hotel room (a
    private place other than a dwelling) escapes both. The review's gap says so beside the same image made in a
    dwelling, which the first offence reaches; where the places leave none out there is no gap."""
    gap = material_gap(_requirement("uncc.16.2"), _set("place dwelling", "place public-place"))
    assert gap is not None and gap.by == ("nz.hdca.80",) and not gap.doubts, gap
    assert gap.scenario.material is not None and gap.scenario.material.place == "private-place"
    text = describe_gap(gap)
    assert ("taken in private in a private place other than a dwelling, is outside every provision of the set: "
            "sending it is an offence under none of them, while sending the same image taken in private in a "
            "dwelling is an offence under nz.hdca.80.") in (text.en or ""), text.en
    assert "而发送系在住宅内于私密状态下拍摄的同类照片，依nz.hdca.80构成犯罪。" in (text.zh or ""), text.zh
    assert material_gap(_requirement("uncc.16.2"), _set("place private-place", "place public-place")) is None
