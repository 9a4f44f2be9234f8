"""An offence whose object is limited to persons of one sex (the vocabulary's `sex`: 妇女, a woman) narrows Arts. 14
and 16, which protect every person of their ages whatever their sex; it still defines the material it reaches. Found
unread by the mutation score (bench/mutation.py: `object.attrs: add person woman` changed no verdict)."""

from __future__ import annotations

from lexdraft.language import ast as A
from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for

ONE_SEX = "limited to persons of one sex (a woman)"


def _offence(pid: str, conduct: str, depicts: str, person: str | None, kind: str = "intimate-image") -> str:
    return f"""\
provision {pid} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article {pid.split('.')[-1]}-1 after {pid.split('.')[-1]}
  title        zh "测试" en "Test"
  mental       intent
  conduct      {conduct}
  {'consent      absent' if kind == 'intimate-image' else ''}
  object       {kind} {{
    depicts      {depicts}
    {f'person       {person}' if person else ''}
  }}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


def _findings(article: str, *texts: str) -> dict[str, Finding]:
    drafts, _ = load_sources([(f"t{i}.lexd", t) for i, t in enumerate(texts)])
    provisions: list[A.Provision] = drafts.provisions
    return {v.requirement.id: v for v in check(spec_for(article), provisions).verdicts}


def _said(f: Finding, words: str) -> list[str]:
    return [n.provision for n in f.notes if words in (n.text.en or "")]


ALL_ACTS = "sell, distribute, transmit, publish, make-available"
BOTH = "exposed-sexual-organs | sexual-activity"


def test_images_of_women_only_leave_art_16_1_partly_met() -> None:
    women = _findings("uncc.16", _offence("prc.t.1", ALL_ACTS, BOTH, "woman"))["uncc.16.1"]
    anyone = _findings("uncc.16", _offence("prc.t.1", ALL_ACTS, BOTH, None))["uncc.16.1"]
    assert (str(anyone.verdict), _said(anyone, ONE_SEX)) == ("met", [])
    assert str(women.verdict) == "partly-met"
    assert _said(women, ONE_SEX) == ["prc.t.1"]
    note = next(n for n in women.notes if ONE_SEX in (n.text.en or ""))
    assert "whatever their sex" in (note.text.en or "") and "不论其性别" in (note.text.zh or "")


def test_images_of_girls_only_leave_art_14_partly_met_and_say_the_ages() -> None:
    found = _findings("uncc.14", _offence("prc.t.1", "produce, offer, sell, distribute, transmit, broadcast, display, "
                                          "publish, make-available", BOTH, "woman", kind="sexual-image"))
    assert str(found["uncc.14.1.a"].verdict) == "partly-met"
    assert any(ONE_SEX in (n.text.en or "") and "every person under 18, whatever their sex" in (n.text.en or "")
               for n in found["uncc.14.1.a"].notes)


def test_a_term_of_one_sex_beside_one_of_both_limits_nothing() -> None:
    """`person woman | any-person` reaches everyone any-person does: no narrowing, no note."""
    found = _findings("uncc.16", _offence("prc.t.1", ALL_ACTS, BOTH, "woman | any-person"))["uncc.16.1"]
    assert (str(found.verdict), _said(found, ONE_SEX)) == ("met", [])


def test_a_definition_still_counts_an_offence_outranked_for_whom_it_protects() -> None:
    """As India's set: BNS s. 77 reaches every element of an intimate image but for women only; the IT Act's s. 66E
    reaches everyone, images of exposed sexual parts only. 16(1) is met by the second; the first, outranked for every
    act, is listed beside it because it reaches images the second does not (of sexual activity: 0ebca33), with a note
    saying so; 16(2) is met by what the first defines, with a remark that it protects women only. Without the first,
    16(2) is partly met: no provision defines images of sexual activity."""
    women = _offence("prc.t.1", ALL_ACTS, BOTH, "woman")
    everyone = _offence("prc.t.2", ALL_ACTS, "exposed-sexual-organs", None)
    both = _findings("uncc.16", women, everyone)
    assert (str(both["uncc.16.1"].verdict), both["uncc.16.1"].met_by) == ("met", ["prc.t.1", "prc.t.2"])
    assert any(n.provision == "prc.t.1" and "Listed though prc.t.2" in (n.text.en or "")
               for n in both["uncc.16.1"].notes), [n.text.en for n in both["uncc.16.1"].notes]
    assert (str(both["uncc.16.2"].verdict), both["uncc.16.2"].met_by) == ("met", ["prc.t.1"])
    assert _said(both["uncc.16.2"], ONE_SEX) == ["prc.t.1"]
    assert all(n.remark for n in both["uncc.16.2"].notes if ONE_SEX in (n.text.en or ""))
    alone = _findings("uncc.16", everyone)
    assert str(alone["uncc.16.2"].verdict) == "partly-met"
