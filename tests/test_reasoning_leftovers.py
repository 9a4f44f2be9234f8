"""What a reviewer is told where a statute's words may reach the facts, where the treaty leaves a question to them, and
where an offence is limited by how the offender came by the image: each check a small synthetic draft of the shape
such a statute has, not its text."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
import yaml
from check_schema import check_json
from cli_run import run

from lexdraft.language.vocabulary import vocabulary
from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.counterexample import counterexample
from lexdraft.treaty.facts import facts_of
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

pytestmark = pytest.mark.usefixtures("bundled_only")
NZ = Path(__file__).resolve().parent / "packs" / "nz"
ROOT = Path(__file__).resolve().parents[1]

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
    """Beside supplying and broadcasting: displaying and publishing are outside the provision beyond doubt, so the
    counterexample is one of them, told without a hedge, though offering, which supplying may reach, needs a smaller
    audience and comes first in the search."""
    drafts, _ = load_sources([("o.lexd", CSAM.format(conduct="produce, supply, broadcast"))])
    cx = counterexample(_requirement("uncc.14.1.a"), drafts.provisions)
    assert cx is not None and cx.scenario.act in ("display", "publish") and not cx.doubts, cx
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


def test_16_4_does_not_say_the_elements_cannot_tell_where_it_reads_them() -> None:
    """Taiwan's review said both that a minor's consent 'cannot be read from the offence elements' and, next, what the
    elements do with it: where a provision's note says what its words do, the general note goes; where no provision
    gives one, the general note goes too; images of adults only are said to leave a minor's consent no part in the
    offence, the question resting on the Art. 14 offences."""
    general = "cannot be read from the offence elements"
    for when in ("", " when depicted-person-adult"):
        four, _ = _sixteen_four(when=when)
        assert [n for n in four.notes if n.provision] and not any(general in (n.text.en or "") for n in four.notes), \
            four.notes
    adults, _ = _sixteen_four(person=" {\n    person adult\n  }")
    assert not any(general in (n.text.en or "") for n in adults.notes), adults.notes
    assert any("reach images of adults only, so the consent of a person under 18 plays no part in them" in
               (n.text.en or "") for n in adults.notes), adults.notes


def test_a_consent_defence_for_adults_only_or_an_image_of_adults_asks_nothing_under_16_4() -> None:
    """A defence that holds only where the person depicted is an adult cannot be made out by a minor's consent, for
    any image: said, not asked, as going at least as far as Art. 16(4) requires (16(4) speaks of Art. 14 material
    only, so the rule is not 'as 16(4) provides'). An offence on images of adults only gives 16(4) nothing to act
    on."""
    four, _ = _sixteen_four(when=" when depicted-person-adult")
    assert not [n for n in four.questions if n.provision], four.notes
    said = [n.text.en or "" for n in four.notes if n.provision == "nz.hdca.93"]
    assert said == [("The consent of the person depicted is a defence only where the person depicted is an adult: the "
                     "consent of a person under 18 does not make it out, whatever the image. That goes at least as "
                     "far as Art. 16(4) requires, under which such a person \"cannot consent to the dissemination\" "
                     "of an image that is child sexual abuse or child sexual exploitation material under Art. 14 "
                     "(provisional English, [U-EN]).")], said
    assert not any("16(4) provides" in (n.text.en or "") or "第16条第4款的规定" in (n.text.zh or "")
                   for n in four.notes), four.notes
    adults, _ = _sixteen_four(person=" {\n    person adult\n  }")
    assert not [n for n in adults.notes if n.provision], adults.notes


# An offence under Art. 14 on a child's sexual images: its acts, its material's origin and a consent element given.
ART14 = '''provision nz.hdca.{n} {{
  jurisdiction nz
  status       in-force
  title        en "Child sexual images"
  actors       natural-person
  mental       intent
  conduct      {conduct}
  object       csam {{
    person     minor{origin}
  }}{consent}
  prosecution  public
  penalty
    base imprisonment <= 5 years
}}
'''


# A statute that gives a minor's consent to others (France's art. 226-1: « le consentement doit émaner des titulaires
# de l'autorité parentale »), beside an offence of the same set whose consent it may not govern.
ELEMENT = '''provision nz.hdca.9{n} {{
  jurisdiction nz
  status       in-force
  title        zh "传播私密图像" en "Disclosing an intimate image"
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image
  consent      absent{by}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def test_16_4_names_the_set_s_art_14_offences_that_reach_the_dissemination_whatever_the_consent() -> None:
    """Taiwan's 16(4) question named no provision where CSEPA art. 38 ¶1 punishes disseminating a child's sexual image
    with no consent element: the question names each offence under Art. 14(1)(a) of the set that reaches a 16(1) act
    for real images of persons under 18 with no element of consent. Not one that only produces, one on synthetic
    material alone (no intimate image, which is a recording), nor one whose elements ask for the want of consent."""
    sources = [DEFENCE.format(person="", when=""),
               ART14.format(n=94, conduct="distribute", origin="", consent=""),
               ART14.format(n=95, conduct="produce", origin="", consent=""),
               ART14.format(n=96, conduct="distribute", origin="\n    origin     synthetic", consent=""),
               ART14.format(n=97, conduct="distribute", origin="", consent="\n  consent      absent")]
    drafts, _ = load_sources([(f"d{i}.lexd", s) for i, s in enumerate(sources)])
    found = {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions, general_part=False).verdicts}
    (asked,) = [n for n in found["uncc.16.4"].questions if n.provision == "nz.hdca.93"]
    assert ("or by an offence under Art. 14 that reaches the dissemination whatever the consent (in the set: "
            "nz.hdca.94, which the consent of the person depicted does not take outside the offence), is for a "
            "reviewer.") in (asked.text.en or ""), asked
    # the Chinese names them as the English does, every one, not as examples (例如)
    assert ("或者不论是否同意均涵盖该传播行为的第14条规定的犯罪"
            "（所审查条文中不因被描绘者同意而不构成犯罪的nz.hdca.94））") in (asked.text.zh or ""), asked
    assert "例如" not in (asked.text.zh or "")
    alone = {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions[:1],
                                                  general_part=False).verdicts}
    (bare,) = [n for n in alone["uncc.16.4"].questions if n.provision == "nz.hdca.93"]
    assert "whatever the consent, is for a reviewer." in (bare.text.en or "") and "例如" not in (bare.text.zh or "")


def _sixteen_four_of(*givers: str) -> Finding:
    drafts, _ = load_sources([(f"e{n}.lexd", ELEMENT.format(n=n, by=f" minors-by {g}" if g else ""))
                              for n, g in enumerate(givers)])
    return {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions,
                                               general_part=False).verdicts}["uncc.16.4"]


def test_a_minor_s_consent_given_by_others_is_said_and_its_reach_to_other_offences_asked() -> None:
    """Where the statute makes a minor's consent that of the holders of parental authority, the 16(4) note does not
    say that a minor's consent takes the act outside the offence: it says the minor's own does not, and asks whether
    the holders' consent could. An offence of the same set whose consent the rule may not govern keeps its reading,
    and the reviewer is told which provision states the rule and asked whether it governs this one."""
    four = _sixteen_four_of("parental-authority", "")
    said = {n.provision: (n.text.en or "", n.text.zh or "") for n in four.questions if n.provision}
    en, zh = said["nz.hdca.90"]
    assert ("the statute makes the consent of a person under 18 that of the holders of parental authority, so the "
            "minor's own consent does not take the act outside the offence") in en, en
    assert "On its words the consent of a person under 18 takes" not in en, en
    assert "Whether the consent of the holders of parental authority takes the dissemination" in en, en
    assert "法律规定不满十八周岁者的同意由亲权人作出" in zh, zh
    en, zh = said["nz.hdca.91"]
    assert "On its words the consent of a person under 18 takes the dissemination outside the offence" in en, en
    assert en.endswith("In the set, nz.hdca.90 makes the consent of a person under 18 that of the holders of parental "
                       "authority; whether that rule also governs the consent this offence turns on is for a "
                       "reviewer."), en
    assert zh.endswith("本组中，nz.hdca.90规定不满十八周岁者的同意由亲权人作出；该规定是否亦适用于本罪所涉的同意，"
                       "须由审查人员判断。"), zh
    alone = _sixteen_four_of("")
    assert not any("In the set" in (n.text.en or "") for n in alone.notes), alone.notes


def test_who_gives_a_minor_s_consent_is_kept_by_fmt_and_worded_in_composed_text(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """`consent absent minors-by parental-authority` survives `fmt` and is worded in composed text; an unknown giver
    is a located error with a hint."""
    draft = tmp_path / "e.lexd"
    draft.write_text(ELEMENT.format(n=0, by=" minors-by parental-authority"), encoding="utf-8")
    code, out, err = run(capsys, "fmt", str(draft))
    assert code == 0 and "  consent      absent minors-by parental-authority\n" in out, (out, err)
    code, out, err = run(capsys, "render", str(draft))
    assert code == 0, err
    assert ("shares an intimate image of another person without the consent of the person depicted (where that person "
            "is under 18, of the holders of parental authority).") in out, out
    prc = (ROOT / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd").read_text(encoding="utf-8")
    draft.write_text(prc.replace("  exception    artistic-work when consent-of-depicted-person\n",
                                 "  consent      absent minors-by parental-authority\n"), encoding="utf-8")
    code, out, err = run(capsys, "render", str(draft), "--lang", "zh")
    assert code == 0 and "“未经本人同意（本人不满十八周岁的，未经其亲权人同意），以传播为目的" in out, (out, err)
    draft.write_text(ELEMENT.format(n=0, by=" minors-by parents"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(draft), "--against", "uncc.16")
    assert code != 0 and f"{draft}:9:33: error[E201]: unknown giver of a minor's consent `parents`" in err, err


def test_a_summary_of_law_in_force_is_given_in_a_language_its_style_composes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An entry on law in force without its text (a recalled provision) is a structured summary; rendered in Chinese
    for a style that composes only English, the page gives the English summary and says so, with what the entry rests
    on, where it stopped with E401."""
    draft = tmp_path / "e.lexd"
    draft.write_text(ELEMENT.format(n=0, by="").replace("  actors", "  provenance   r-memory\n  actors"),
                     encoding="utf-8")
    code, out, err = run(capsys, "render", str(draft), "--lang", "zh")
    assert code == 0, err
    assert "该法域的起草风格无法以中文生成结构化摘要；以下摘要为英文。" in out, out
    assert "本条目全部或者部分依据记忆录入" in out, out
    assert "(1) A person commits an offence if the person shares an intimate image" in out, out


# -- how the offender came by the image ---------------------------------------------------------------------------

# Italy's art. 612-ter shape: ¶1 "having made or taken them", ¶2 "having received or otherwise acquired them"; Spain's
# art. 197.7 ¶1 "obtained with their consent" (recalled, not quoted: the shapes, not the texts).
OBTAINED = '''provision nz.hdca.9{n} {{
  jurisdiction nz
  status       in-force
  title        en "Disseminating an intimate image"
  actors       natural-person
  mental       intent
  conduct      share, sell
  object       intimate-image {{
    obtained  {obtained}
  }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def _obtained(*values: str) -> Finding:
    drafts, _ = load_sources([(f"o{n}.lexd", OBTAINED.format(n=n, obtained=v)) for n, v in enumerate(values)])
    return {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions,
                                               general_part=False).verdicts}["uncc.16.1"]


def test_an_offence_limited_by_how_the_image_was_obtained_narrows_16_1_with_its_reason() -> None:
    """An offence on a recording "obtained with the person's consent or by the person themself" leaves out the covert
    recording, so 16(1) is partly met, and the reason says why, in one reading: the words say how the recording was
    made, whoever discloses it, never that they limit how the discloser came by it. A limit on the discloser
    ("having received it") keeps that reason."""
    f = _obtained("with-consent")
    assert f.verdict is Verdict.PARTLY_MET, [n.text.en for n in f.notes]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert "The offence reaches only a recording made in the ways its words name, whoever discloses it" in said, said
    assert "came by the image in the ways its words name" not in said, said
    assert "'obtained with the consent of the person depicted or by that person': The words say how the recording " \
           "was made, not how the offender came by it" in said, said
    assert "whoever discloses it; a covert recording does not come within them" in said, said
    zh = "".join(n.text.zh or "" for n in f.notes)
    assert "该罪仅适用于以其用语所列方式录制的内容" in zh and "取得图像的行为人" not in zh, zh
    received = " ".join(n.text.en or "" for n in _obtained("received").notes)
    assert "The offence reaches only an offender who came by the image in the ways its words name" in received
    assert "recording made in the ways" not in received, received


def test_recordings_made_with_consent_and_without_it_together_reach_every_recording() -> None:
    """An offence on a recording made with the person's consent or by the person, beside one on a recording made
    without that consent (France's art. 226-2-1 al. 2 beside art. 226-2 as its al. 1 aggravates it), reach the
    disclosure of a recording however it was made: met, and the reason says so in the provisions' own words."""
    f = _obtained("with-consent", "without-consent")
    assert f.verdict is Verdict.MET, [n.text.en for n in f.notes]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert ("Together nz.hdca.90, nz.hdca.91 reach material however it was made for selling, distributing, "
            "transmitting, publishing and otherwise making available: nz.hdca.90 reaches material obtained with the "
            "consent of the person depicted or by that person only; nz.hdca.91 reaches material obtained without the "
            "consent of the person depicted only") in said, said
    assert "however the offender came by it" not in said, said
    zh = "".join(n.text.zh or "" for n in f.notes)
    assert "涵盖无论以何种方式制作的材料" in zh, zh
    assert _obtained("without-consent").verdict is Verdict.PARTLY_MET


def test_a_recollected_provision_that_makes_up_the_other_recordings_marks_the_verdict(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Where the offence on recordings made without consent is recalled (`provenance r-memory`), 16(1) is met only
    through it: the atlas and `check` (text and JSON) say so beside the verdict, naming it, and without it the verdict
    is partly met."""
    recalled = OBTAINED.format(n=1, obtained="without-consent").replace("  actors", "  provenance   r-memory\n  actors")
    (tmp_path / "a.lexd").write_text(OBTAINED.format(n=0, obtained="with-consent"), encoding="utf-8")
    (tmp_path / "b.lexd").write_text(recalled, encoding="utf-8")
    code, out, err = run(capsys, "atlas", str(tmp_path), "--against", "uncc.16", "--format", "markdown")
    assert code == 0, err
    assert "| uncc.16.1 (obligatory; provisional text \\*) | met \\[R-memory\\] |" in out, out
    assert "uncc.16.1 met \\[R-memory\\]: rests on text given as the compiler's recollection, not retrieved or " \
           "verified: nz.hdca.91" in out, out
    code, out, err = run(capsys, "check", str(tmp_path), "--against", "uncc.16")
    assert ("  rests on: text given as the compiler's recollection, not retrieved or verified [R-memory]: nz.hdca.91; "
            "without it the verdict would differ, so that text must be verified first") in out, out
    code, out, err = run(capsys, "check", str(tmp_path), "--against", "uncc.16", "--format", "json")
    sixteen = next(q for q in check_json(out)[0]["requirements"] if q["id"] == "uncc.16.1")
    assert sixteen["rests_on"] == {"provenance": "r-memory", "provisions": ["nz.hdca.91"]}, sixteen
    (tmp_path / "b.lexd").unlink()
    code, out, err = run(capsys, "check", str(tmp_path), "--against", "uncc.16", "--format", "json")
    assert not any("rests_on" in q for q in check_json(out)[0]["requirements"]), out
    code, out, err = run(capsys, "atlas", str(tmp_path), "--against", "uncc.16", "--format", "markdown")
    assert "| uncc.16.1 (obligatory; provisional text \\*) | partly-met |" in out, out


def test_a_recording_made_with_consent_is_reached_however_the_discloser_came_by_it() -> None:
    """"Obtained with the person's consent or by the person themself" says how the recording was made (France's art.
    226-2-1 al. 2, as the reference reads it): a consensual recording passed on by a third person, or copied from
    another's phone, is within it; with an offence on what the offender made or took, every way is reached."""
    assert _obtained("with-consent", "made-or-taken").verdict is Verdict.MET


@pytest.mark.parametrize("value", ["made-or-taken", "received", "received-or-acquired", "with-consent"])
def test_a_reason_for_how_the_image_was_obtained_cites_no_state_s_law(value: str) -> None:
    """The reason is given for any State's offence: another State's text is no source for this one's reading, so a
    New Zealand offence's reason names no State or foreign code."""
    f = _obtained(value)
    said = " ".join(n.text.en or "" for n in f.notes) + "".join(n.text.zh or "" for n in f.notes)
    for foreign in ("France", "Spain", "Italy", "Code pénal", "Código", "Codice", "法国", "西班牙", "意大利"):
        assert foreign not in said, (foreign, said)


def test_paragraphs_limited_to_complementary_ways_together_reach_every_way() -> None:
    """Italy's ¶1 (made or taken) and ¶2 (received or otherwise acquired) together reach every way an offender comes
    by an image: met, and the reason says so; ¶1 with Spain's "having received" alone leaves out nothing either,
    while consent-obtained images with received ones leave out the covert recording."""
    f = _obtained("made-or-taken", "received-or-acquired")
    assert f.verdict is Verdict.MET, [n.text.en for n in f.notes]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert "reach material however the offender came by it" in said, said
    assert _obtained("made-or-taken").verdict is Verdict.PARTLY_MET
    assert _obtained("with-consent", "received").verdict is Verdict.PARTLY_MET
    assert _obtained("made-or-taken | received").verdict is Verdict.MET  # one offence naming both ways


@pytest.mark.parametrize("value,said", [
    ("found: {zh: 拾得, en: found by the offender}",
     "the obtained value 'found' needs the ways of coming by the image"),
    ("kept: {zh: 保存, en: kept, ways: [taken], says: discloser}",
     "the obtained value 'kept' says how the offender came by the image or how the recording was made")])
def test_a_pack_s_way_of_obtaining_says_the_ways_it_reaches(value: str, said: str, tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    """A pack that adds an `obtained` value must say which ways of coming by the image it reaches, or the checker
    could not tell what it leaves out, and what its words limit, if it says (E703, located)."""
    shutil.copytree(NZ, tmp_path / "packs" / "nz")
    with (tmp_path / "packs" / "nz" / "vocabulary.yaml").open("a", encoding="utf-8") as f:
        f.write(f"object-attributes:\n  obtained:\n    {value}\n")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "o.lexd").write_text(OBTAINED.format(n=0, obtained="made-or-taken"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check", "o.lexd", "--against", "uncc.16")
    assert code != 0 and "E703" in err, err
    assert said in err, err


def test_the_counterexample_of_a_limit_by_how_the_image_was_obtained_says_how_it_was() -> None:
    """An offence reaching only images obtained with the person's consent leaves out the covert recording: the
    counterexample is one, told in both languages; one reaching only images received leaves out the image the
    offender took with consent."""
    drafts, _ = load_sources([("o.lexd", OBTAINED.format(n=0, obtained="with-consent"))])
    cx = counterexample(_requirement("uncc.16.1"), drafts.provisions)
    assert cx is not None and cx.scenario.obtained == "made-covertly" and not cx.doubts, cx
    told = describe(cx)
    assert "; the adult had recorded it themself without the knowledge of the person shown and the person shown " \
           "has not consented to its being passed on: no provision" in (told.en or ""), told.en
    assert "其系在被拍摄者不知情的情况下亲自偷拍该材料" in (told.zh or ""), told.zh
    drafts, _ = load_sources([("o.lexd", OBTAINED.format(n=0, obtained="received"))])
    cx = counterexample(_requirement("uncc.16.1"), drafts.provisions)
    assert cx is not None and cx.scenario.obtained == "made-with-consent", cx


def test_the_review_suggests_removing_a_limit_by_how_the_image_was_obtained_and_re_checks_it(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """The smallest amendment of an offence limited to images obtained with consent is to lift the limit; the review
    suggests it, in both languages, and re-checks 16(1) as met with it."""
    draft = tmp_path / "o.lexd"
    draft.write_text(OBTAINED.format(n=0, obtained="with-consent"), encoding="utf-8")
    code, out, err = run(capsys, "review", str(draft), "--against", "uncc.16")
    assert code == 1, err
    assert "remove the limit to material obtained with the consent of the person depicted or by that person" in out
    assert "Re-checked: with it, 16(1) is met" in out, out
    code, out, err = run(capsys, "review", str(draft), "--against", "uncc.16", "--lang", "zh")
    assert "删去对材料取得方式的限制（经被描绘者同意或者由其本人取得）" in out, out


def test_a_record_made_with_a_child_is_never_told_as_made_with_the_child_s_consent() -> None:
    """Possessing material of children, limited to material received: the counterexample is material the offender
    made, told without any 'consent' of the child shown, which Art. 14 does not know."""
    text = CSAM.format(conduct="possess, control").replace("    person     minor\n",
                                                            "    person     minor\n    obtained   received\n")
    drafts, _ = load_sources([("o.lexd", text)])
    cx = counterexample(_requirement("uncc.14.1.c"), drafts.provisions)
    assert cx is not None and cx.scenario.obtained == "made-with-consent", cx
    told = describe(cx)
    assert "had taken it themself" in (told.en or "") and "consent" not in (told.en or ""), told.en
    assert "其系亲自拍摄该材料" in (told.zh or "") and "同意" not in (told.zh or ""), told.zh


# -- a counterexample's act is never one the same paragraph's observation lists as reached ---------------------------

MATERIAL = '''provision nz.fvpca.12{n} {{
  jurisdiction nz
  status       in-force
  title        en "Material"
  actors       natural-person
  mental       intent
  conduct      {conduct}
  object       {kind} {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     minor{standard}
  }}
  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
'''

_MATERIAL_KINDS = [k for k, e in vocabulary().section("objects").items()
                   if e.get("of-persons") and not e.get("against-the-person")]


_ALL_DEPICTIONS = "sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture"


def _counterexample_agrees(provisions: list, f: Finding) -> None:  # type: ignore[type-arg]
    """The property: the counterexample of 14(1)(a) is on an act the observation does not list as reached in full,
    or, on one it does, on a depiction of 14(2) that no provision punishing that act reaches (the definition's gap:
    never material one provision reaches in a form another leaves out); on an act reached in part, it is outside
    the provision naming it only by a limit the provision states, never because its material is read as no object
    of the provision's kind at all."""
    cx = counterexample(_requirement("uncc.14.1.a"), provisions)
    assert cx is not None, f
    assert cx.scenario.material is not None
    if cx.scenario.act in set(f.reached) - set(f.partial):
        named = {d for p in provisions if cx.scenario.act in facts_of(p).covers for d in facts_of(p).object_depicts}
        assert not cx.scenario.material.depicts & named, (cx.scenario, named)
    for r in cx.misses:
        if not any(m.element.startswith("conduct") for m in r.misses):
            assert all(m.element != "object" for m in r.misses), (cx.scenario, r)


@pytest.mark.parametrize("kind", _MATERIAL_KINDS)
@pytest.mark.parametrize("conduct", ["produce, supply, display", "produce, distribute", "produce",
                                     "distribute, transmit, publish, make-available, display, broadcast"])
@pytest.mark.parametrize("depicts", [_ALL_DEPICTIONS, "sexual-activity | sexual-parts-for-sexual-purpose"])
def test_a_counterexample_s_act_is_never_one_its_paragraph_lists_as_reached(kind: str, conduct: str,
                                                                             depicts: str) -> None:
    """For every kind of material of persons, whatever acts and depictions an offence names, the counterexample of
    14(1)(a) agrees with the paragraph's observation (New Zealand's s. 124(1), on an objectionable publication,
    reaches making: its counterexample was an adult making a photograph of a child, which the evaluator read as no
    objectionable publication at all). An act reached in full is a counterexample's only on a depiction the set
    leaves out for it, as an offence naming only some of 14(2)'s depictions does."""
    standard = {"objectionable-publication": "\n    standard   objectionable",
                "obscene-material": "\n    standard   obscene"}.get(kind, "")
    drafts, _ = load_sources([("m.lexd", MATERIAL.format(n=0, conduct=conduct, kind=kind, standard=standard)
                               .replace(_ALL_DEPICTIONS, depicts))])
    f = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions,
                                            general_part=False).verdicts}["uncc.14.1.a"]
    if not f.reached:
        return  # an object the check counts for no act of 14(1)(a) (an intimate image): no observation to contradict
    _counterexample_agrees(drafts.provisions, f)


def test_a_counterexample_is_on_a_depiction_the_set_leaves_out_not_one_a_provision_reaches_in_another_form() -> None:
    """Making recordings of real children of every depiction is an offence under one provision, making material of
    any origin showing sexual activity under another: together they make producing an offence in full, as the
    observation says, and 14(2)'s gap is the other depictions of invented material. The counterexample was making a
    drawing of a child present while others engage in sexual activity, on an act reached in full and a depiction a
    provision reaches for it; it is now an act no provision punishes."""
    real = MATERIAL.format(n=0, conduct="produce", kind="csam", standard="\n    origin     real")
    some = MATERIAL.format(n=1, conduct="produce", kind="csam", standard="").replace(_ALL_DEPICTIONS,
                                                                                     "sexual-activity")
    drafts, _ = load_sources([("a.lexd", real), ("b.lexd", some)])
    f = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions,
                                            general_part=False).verdicts}["uncc.14.1.a"]
    assert "produce" in f.reached and "produce" not in f.partial, f
    _counterexample_agrees(drafts.provisions, f)
    cx = counterexample(_requirement("uncc.14.1.a"), drafts.provisions)
    assert cx is not None and cx.scenario.act != "produce", cx


# -- a purpose one provision requires, made up by another reaching the same acts without it ---------------------------

def _held(n: int, purpose: str, person: str = "minor") -> str:
    """Possessing recordings of real children, with the purpose (and persons) given."""
    return CSAM.format(conduct="acquire, possess").replace("nz.hdca.92 {", f"nz.hdca.9{n} {{").replace(
        "    person     minor\n", f"    person     {person}\n    origin     real\n").replace(
        "  mental       intent\n", f"  mental       intent\n{purpose}")


@pytest.mark.parametrize("purpose", ["dissemination", "sexual-gratification", "profit"])
def test_a_purpose_another_provision_makes_up_is_no_gap(purpose: str, capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path) -> None:
    """Portugal's art. 176.º n.º 1 d) punishes holding material "for the purpose of" passing it on; n.º 4 holding the
    same material with no purpose. The check said of n.º 1 d) that material held without its purpose is not reached,
    and the review recommended that it be punishable without the purpose, which n.º 4 already is. The purpose is
    said to leave nothing out, in both languages, and is not recommended; the origin limit both share stays."""
    (tmp_path / "a.lexd").write_text(_held(0, f"  purpose      {purpose}\n"), encoding="utf-8")
    (tmp_path / "b.lexd").write_text(_held(1, ""), encoding="utf-8")
    drafts, _ = load_sources([(str(p), p.read_text(encoding="utf-8")) for p in sorted(tmp_path.glob("*.lexd"))])
    f = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions,
                                            general_part=False).verdicts}["uncc.14.1.c"]
    said = [n.text for n in f.notes if n.provision == "nz.hdca.90"]
    assert any("its purpose leaves nothing out" in (t.en or "") and "nz.hdca.91 punishes possessing and controlling "
               "the same material" in (t.en or "") and "故该目的要件未造成缺漏" in (t.zh or "") for t in said), said
    assert not any("is not reached" in (t.en or "") and "purpose" in (t.en or "") for t in said), said
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.14", "--format", "markdown")
    assert code == 1, err
    recommended = " ".join(out[out.index("### Recommendations"):].split())
    assert "a deepfake or a drawing as much as a recording" in recommended, recommended
    assert "purpose" not in recommended.split("**14(1)(c)**")[1].split("- **")[0], recommended


@pytest.mark.parametrize("other", [("", "child-under-16"), ("  purpose      profit\n", "minor")])
def test_a_purpose_is_made_up_only_by_a_provision_reaching_all_it_reaches_without_one(
        other: tuple[str, str], capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """France's art. 227-23 al. 1: the purpose of dissemination of its first sentence is not made up by the second,
    which has none but reaches children under 15 only; nor is one purpose made up by another provision requiring a
    purpose of its own. The reason and the recommendation stay."""
    (tmp_path / "a.lexd").write_text(_held(0, "  purpose      dissemination\n"), encoding="utf-8")
    (tmp_path / "b.lexd").write_text(_held(1, other[0], other[1]), encoding="utf-8")
    drafts, _ = load_sources([(str(p), p.read_text(encoding="utf-8")) for p in sorted(tmp_path.glob("*.lexd"))])
    f = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions,
                                            general_part=False).verdicts}["uncc.14.1.c"]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert "leaves nothing out" not in said, said
    assert "held without that purpose is not reached" in said, said
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.14", "--format", "markdown")
    assert code == 1, err
    recommended = " ".join(out[out.index("### Recommendations"):].split())
    assert "without a purpose of dissemination" in recommended, recommended


# -- a vocabulary term's reason is read for every State: it rests on no one State's law ------------------------------

# What names one State's law: its name, a code or statute's name, or an article or section of a domestic text (the
# treaty's are "Art." and 第14条, in Arabic numerals). An example may name one, marked as such: "(e.g. …)", "（例如…）".
_ONE_STATE = re.compile(r"Criminal Law|Criminal Code|Penal Code|Code pénal|Código|Codice|StGB|\bAct\b|\bOrdinance\b"
                        r"|\barts?\. \d|\bss?\. \d|§|刑法|条例|條例|第[一二三四五六七八九十百千〇零]+[条條]|PRC")
_EXAMPLE = ("(e.g. ", "(for example ", "（例如")


def _without_examples(text: str) -> str:
    """The text with every parenthesis that opens as an example left out, parentheses inside it included."""
    out, depth = [], 0
    for i, ch in enumerate(text):
        if depth == 0 and text.startswith(_EXAMPLE, i):
            depth = 1
            continue
        if depth:
            depth += ch in "(（"
            depth -= ch in ")）"
            continue
        out.append(ch)
    return "".join(out)


def _said_of_terms(node: object, where: str = "") -> list[tuple[str, str]]:
    """Every reason, source and report of the base vocabulary's terms, with where it stands; a term that encodes one
    text's words (`words` names it, as a PRC interpretation's) speaks of that text and is left out."""
    out: list[tuple[str, str]] = []
    if isinstance(node, dict):
        if "words" in node:
            return out
        for key, value in node.items():
            if key in ("reason", "source", "report"):
                texts = value.values() if isinstance(value, dict) else [value]
                out += [(f"{where}.{key}", str(t)) for t in texts]
            else:
                out += _said_of_terms(value, f"{where}.{key}")
    return out


def _names_one_state(text: str) -> list[str]:
    bare = _without_examples(text)
    names = [n for e in vocabulary().section("jurisdictions").values() for n in (e["en"], e["zh"])]
    return _ONE_STATE.findall(bare) + [n for n in names if n in bare]


def test_no_vocabulary_reason_names_one_state_s_law_unless_as_an_example() -> None:
    """A conduct term's or depiction's reason is given for every State's offence that uses the term, so it rests on
    the words' meaning or the treaty; one State's code may be named only as an example. The sources of 'explicitly
    promoted pornography' and 'presence of a person engaged in sexual activity' rested on the PRC's art. 367."""
    base = yaml.safe_load((Path(__file__).resolve().parent.parent / "vocabulary" / "vocabulary.yaml").read_text(
        encoding="utf-8"))
    said = _said_of_terms(base)
    assert len(said) > 50, said  # the conduct terms' reasons and sources are read
    assert [(where, text) for where, text in said if _names_one_state(text)] == []


@pytest.mark.parametrize("text", ["lexdraft's reading of PRC Criminal Law art. 367 ¶1",
                                  "Code pénal arts. 226-2-1 al. 2 and 226-8-1", "France's reading",
                                  "lexdraft对《中华人民共和国刑法》第三百六十七条第一款的理解", "s. 123(1) of the Act"])
def test_a_reason_naming_one_state_s_law_is_found(text: str) -> None:
    assert _names_one_state(text)
    assert not _names_one_state(f"lexdraft's reading (e.g. {text})")



@pytest.mark.parametrize("defence", ["bona-fide-research", "legitimate-purpose"])
def test_a_purpose_is_not_made_up_by_a_provision_with_a_defence_it_lacks(defence: str) -> None:
    """Holding with no purpose but with a defence the purpose-bound offence lacks does not reach all it reaches: a
    defence a reviewer must judge (research) as much as one that narrows (a legitimate purpose)."""
    other = _held(1, "").replace("  prosecution  public\n", f"  exception    {defence}\n  prosecution  public\n")
    drafts, _ = load_sources([("a.lexd", _held(0, "  purpose      dissemination\n")), ("b.lexd", other)])
    f = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions,
                                            general_part=False).verdicts}["uncc.14.1.c"]
    assert "nz.hdca.91" in f.met_by, f.met_by
    assert not any(n.check == "purpose-made-up" for n in f.notes), [n.text.en for n in f.notes]
