"""What a reviewer is told where a statute's words may reach the facts, where the treaty leaves a question to them, and
where an offence is limited by how the offender came by the image: each check a small synthetic draft of the shape
such a statute has, not its text."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import check
from lexdraft.treaty.counterexample import counterexample
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

pytestmark = pytest.mark.usefixtures("bundled_only")

# An offence on material of children whose acts are given by the test.
CSAM = '''provision nz.hdca.92 {{
  jurisdiction nz
  status       in-force
  title        en "Child sexual abuse material"
  actors       natural-person
  mental       intent
  conduct      {conduct}
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
'''


def _requirement(rid: str):
    return next(q for q in spec_for(".".join(rid.split(".")[:2])).requirements if q.id == rid)


# -- a counterexample never tells as certainly outside what a provision's words may reach ---------------------------

def test_a_counterexample_on_an_act_the_words_may_reach_says_the_reach_is_unsettled() -> None:
    """New Zealand's "supply" (s. 123(1)) may reach selling and offering, which the reference does not settle. Where
    every other act of Art. 14(1)(a) is reached, the facts left are offering or selling: the counterexample may not
    say that no provision makes them an offence, only that none does unless the words reach them, in both
    languages."""
    drafts, _ = load_sources([("o.lexd", CSAM.format(conduct="produce, supply, show"))])
    cx = counterexample(_requirement("uncc.14.1.a"), drafts.provisions)
    assert cx is not None and cx.scenario.act in ("offer", "sell"), cx
    assert [d.unsettled for _, d in cx.doubts] == [True], cx.doubts
    told = describe(cx)
    assert told.en is not None and told.zh is not None
    assert ": unless 'supplying' reaches offering (nz.hdca.92), which the reference does not settle, no provision in " \
           "the set makes this an offence." in told.en, told.en
    assert "除非“供应”涵盖表示可以提供（nz.hdca.92；参考文本对此未有定论），" \
           "所审查的条文均未将此行为规定为犯罪。" in told.zh, told.zh


def test_facts_the_provision_certainly_misses_come_before_those_its_words_may_reach() -> None:
    """Beside supplying, a public display that is no live stream: broadcasting is outside the provision beyond doubt,
    so the counterexample is a broadcast, told without a hedge, though offering needs a smaller audience and comes
    first in the search."""
    drafts, _ = load_sources([("o.lexd", CSAM.format(conduct="produce, supply, display"))])
    cx = counterexample(_requirement("uncc.14.1.a"), drafts.provisions)
    assert cx is not None and cx.scenario.act == "broadcast" and not cx.doubts, cx
    assert (describe(cx).en or "").endswith(": no provision in the set makes this an offence.")


# -- Art. 16(4): a person under 18 cannot consent, read on the offences carrying 16(1) ------------------------------

# "A has a defence if B consented" (Scotland's s. 2(3)(a)): the consent of the person depicted as a defence.
DEFENCE = '''provision nz.hdca.93 {{
  jurisdiction nz
  status       in-force
  title        en "Disclosing an intimate image"
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image{person}
  exception    consent-of-depicted-person{when} burden evidential
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def _sixteen_four(person: str = "", when: str = ""):
    drafts, _ = load_sources([("d.lexd", DEFENCE.format(person=person, when=when))])
    found = {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions, general_part=False).verdicts}
    return found["uncc.16.4"], found["uncc.16.1"]


def test_a_consent_defence_not_confined_to_adults_is_put_to_the_reviewer_under_16_4() -> None:
    """A defence of consent on an offence whose image may be of a person under 18: on its words a minor's consent
    makes out the defence, also for an image that is Art. 14 material, which Art. 16(4) (provisional English) says
    they cannot give. The reviewer is told so, with the ways the law may deny that consent effect; the verdict stays
    the reviewer's, and 16(1) keeps its own."""
    four, one = _sixteen_four()
    assert four.verdict is Verdict.NOT_ASSESSED and one.verdict is Verdict.MET, (four, one)
    asked = [n for n in four.questions if n.provision == "nz.hdca.93"]
    assert len(asked) == 1, four.notes
    en, zh = asked[0].text.en or "", asked[0].text.zh or ""
    assert en.startswith("The consent of the person depicted is a defence, and the image may be of a person under "
                         "18, with no condition that the person depicted be an adult. On its words the consent of a "
                         "person under 18 makes out the defence"), en
    assert '"cannot consent to the dissemination"' in en and "[U-EN]" in en and "is for a reviewer" in en
    assert zh.startswith("被描绘者本人同意是抗辩事由，且其图像可以是不满十八周岁者的图像"), zh
    assert "即可成立该抗辩" in zh, zh


def test_a_consent_defence_for_adults_only_or_an_image_of_adults_asks_nothing_under_16_4() -> None:
    """A defence that holds only where the person depicted is an adult cannot be made out by a minor's consent, as
    Art. 16(4) provides: said, not asked. An offence on images of adults only gives 16(4) nothing to act on."""
    four, _ = _sixteen_four(when=" when depicted-person-adult")
    assert not [n for n in four.questions if n.provision], four.notes
    said = [n.text.en or "" for n in four.notes if n.provision == "nz.hdca.93"]
    assert said == [("The consent of the person depicted is a defence only where the person depicted is an adult: the "
                     "consent of a person under 18 does not make it out, as Art. 16(4) provides (provisional English, "
                     "[U-EN]).")], said
    adults, _ = _sixteen_four(person=" {\n    person adult\n  }")
    assert not [n for n in adults.notes if n.provision], adults.notes
