"""What a reviewer is told where a statute's words may reach the facts, where the treaty leaves a question to them, and
where an offence is limited by how the offender came by the image: each check a small synthetic draft of the shape
such a statute has, not its text."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.counterexample import counterexample
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.spec import spec_for

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
