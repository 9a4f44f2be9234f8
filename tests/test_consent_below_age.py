"""`consent absent below-age AGE`: the statute says a person under AGE cannot give the consent the offence turns on
(New Zealand's HDCA s. 22A, "an individual under the age of 16 years cannot consent to the posting", reference [P]).
Each check a small synthetic draft of the shape such a statute has, not its text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from cli_run import run

from lexdraft import cli
from lexdraft.pipeline import load_sources
from lexdraft.treaty import conformance
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

pytestmark = pytest.mark.usefixtures("bundled_only")

OFFENCE = '''provision nz.hdca.9{n} {{
  jurisdiction nz
  status       in-force
  title        zh "传播私密图像" en "Disclosing an intimate image"
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image{person}
  consent      absent{below}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


def _draft(n: int = 0, below: int | None = None, person: str = "") -> str:
    return OFFENCE.format(n=n, below=f" below-age {below}" if below is not None else "",
                          person=f" {{\n    person  {person}\n  }}" if person else "")


def _sixteen_four(*sources: str) -> Finding:
    drafts, _ = load_sources([(f"d{i}.lexd", s) for i, s in enumerate(sources)])
    return {v.requirement.id: v for v in check(spec_for("uncc.16"), drafts.provisions,
                                               general_part=False).verdicts}["uncc.16.4"]


def test_under_the_age_the_consent_does_not_count_and_the_question_names_the_ages_left() -> None:
    """Below 18: those under the age cannot consent, which is 16(4) for them; the reviewer is asked only about the
    persons aged from the age to 17, never told that the consent of any person under 18 takes the act outside."""
    four = _sixteen_four(_draft(below=16))
    assert four.verdict is Verdict.NOT_ASSESSED
    (asked,) = four.questions
    en, zh = asked.text.en or "", asked.text.zh or ""
    assert ("the provision as encoded provides that a person under 16 cannot give that consent, so such a person's "
            "consent does not take the act outside the offence, consistently with Art. 16(4)") in en, en
    assert "the statute says" not in en and "法律规定" not in zh, (en, zh)
    assert "As encoded, the consent of a person aged 16 to 17 takes the dissemination outside the offence" in en, en
    assert "the consent of a person under 18 takes" not in en, en
    assert "按本工具对该条的编码，不满十六周岁者不能作出该同意，" in zh, zh
    assert "已满十六周岁不满十八周岁者的同意即可使传播行为不构成该罪" in zh, zh
    # the ages left are those the image may show: one of persons aged 14 to 17 leaves 16 and 17 too
    (asked,) = _sixteen_four(_draft(below=16, person="minor-aged-14-to-17")).questions
    assert "the consent of a person aged 16 to 17 takes" in (asked.text.en or ""), asked.text.en
    # an image of persons aged 16 or 17 only: the age takes nothing away from the question
    (asked,) = _sixteen_four(_draft(below=14, person="minor-aged-16-or-17")).questions
    assert "the consent of a person aged 16 to 17 takes" in (asked.text.en or ""), asked.text.en


def test_at_18_no_minor_can_consent_and_16_4_is_met() -> None:
    """At 18 or over, no person under 18 is left: nothing is asked of the provision, and a set whose offences that let
    consent count all say so meets 16(4), carried by them."""
    for age in (18, 20):
        four = _sixteen_four(_draft(below=age))
        assert four.verdict is Verdict.MET and four.met_by == ["nz.hdca.90"], (age, four)
        assert four.questions == [], four.questions
        (said,) = [n for n in four.notes if n.provision == "nz.hdca.90"]
        assert (f"the provision as encoded provides that a person under {age} cannot give that consent, so the "
                "consent of a person under 18 "
                "does not take the act outside the offence, whatever the image") in (said.text.en or ""), said
        under = "十八" if age == 18 else "二十"
        assert f"按本工具对该条的编码，不满{under}周岁者不能作出该同意" in (said.text.zh or ""), said
        assert "A deeming rule on consent" not in " ".join(n.text.en or "" for n in four.notes)
    # another offence of the set whose consent counts keeps the question, and the verdict the reviewer's
    both = _sixteen_four(_draft(0, below=18), _draft(1))
    assert both.verdict is Verdict.NOT_ASSESSED and [n.provision for n in both.questions] == ["nz.hdca.91"]


def test_without_the_term_a_minor_s_consent_counts_on_the_words() -> None:
    four = _sixteen_four(_draft())
    assert four.verdict is Verdict.NOT_ASSESSED
    (asked,) = four.questions
    assert "On its words the consent of a person under 18 takes the dissemination outside the offence" in (
        asked.text.en or ""), asked.text.en


def test_the_age_is_kept_by_fmt_worded_in_composed_text_and_checked(tmp_path: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.lexd"
    draft.write_text(_draft(below=16), encoding="utf-8")
    code, out, err = run(capsys, "fmt", str(draft))
    assert code == 0 and "  consent      absent below-age 16\n" in out, (out, err)
    draft.write_text(out, encoding="utf-8")
    assert run(capsys, "fmt", "--check", str(draft))[0] == 0
    code, out, err = run(capsys, "render", str(draft))
    assert code == 0 and ("shares an intimate image of another person without the consent of the person depicted "
                          "(a person under 16 cannot give that consent).") in out, (out, err)
    root = Path(__file__).resolve().parents[1]
    prc = (root / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd").read_text(encoding="utf-8")
    draft.write_text(prc.replace("  exception    artistic-work when consent-of-depicted-person\n",
                                 "  consent      absent below-age 16\n"), encoding="utf-8")
    code, out, err = run(capsys, "render", str(draft), "--lang", "zh")
    assert code == 0 and "“未经本人同意（本人不满十六周岁的，不能作出该同意），以传播为目的" in out, (out, err)
    for bad, where, message in (
            ("absent below-age 0", "9:33", "below-age 0: no person is under that age"),
            ("irrelevant below-age 16", "9:37", "`below-age` on consent the statute makes irrelevant"),
            ("absent below-age sixteen", "9:33", "unexpected 'sixteen'; expected a number"),
            ("absent below-age 16 minors-by parental-authority", "9:36", "`minors-by` is not a field")):
        draft.write_text(_draft().replace("consent      absent", f"consent      {bad}"), encoding="utf-8")
        code, out, err = run(capsys, "check", str(draft), "--against", "uncc.16")
        assert code != 0 and out == "" and f"{draft}:{where}: error[" in err and message in err, (bad, err)
        assert "Traceback" not in err and "^" in err


def test_a_check_reading_the_age_needs_no_tree(tmp_path: Path, cache_home: Path, capsys: pytest.CaptureFixture[str],
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """A sketch holds the age (language.ast.SKETCHED): a warm check prints the cold one without reading the trees."""
    made: list[bool] = []
    checked = cli._checked_set

    def counting(*args: Any, sketch: bool) -> Any:
        made.append(sketch)
        return checked(*args, sketch=sketch)

    monkeypatch.setattr(cli, "_checked_set", counting)
    folder = tmp_path / "drafts"
    folder.mkdir()
    for n, age in ((0, 18), (1, 16)):
        (folder / f"{n}.lexd").write_text(_draft(n, below=age), encoding="utf-8")

    def checked_now(*more: str) -> tuple[int, str, str]:
        conformance._CHECKED.clear()
        return run(capsys, "check", str(folder), "--against", "uncc.16", *more)

    cold = checked_now("--no-cache")
    assert "aged 16 to 17" in cold[1], cold
    checked_now()  # fills the cache
    made.clear()
    assert checked_now() == cold
    assert made == [True]


CSAM = '''provision nz.fvpca.{n} {{
  jurisdiction nz
  status       in-force
  title        en "Distributing objectionable material"
  actors       natural-person
  mental       intent
  conduct      distribute, make-available
  object       csam {{
    depicts    sexual-activity | exposed-sexual-organs
    person     {person}
    origin     real
  }}
  penalty
    base imprisonment <= 10 years
}}
'''


def test_the_art_14_offence_named_says_which_ages_under_18_it_reaches() -> None:
    """An Art. 14 offence that reaches the dissemination whatever the consent answers 16(4) only for the ages its
    object reaches (Germany's § 184b: children under 14): the question says so, and which ages none reaches."""
    (asked,) = _sixteen_four(_draft(), CSAM.format(n=1, person="child-under-14")).questions
    en, zh = asked.text.en or "", asked.text.zh or ""
    assert ("(in the set: nz.fvpca.1, which the consent of the person depicted does not take outside the offence; "
            "nz.fvpca.1 reaches only images of persons under 14, and no such offence of the set reaches images of "
            "persons aged 14 to 17)") in en, en
    assert ("nz.fvpca.1仅涵盖不满十四周岁者的图像，所审查条文中没有此类犯罪涵盖已满十四周岁不满十八周岁者的图像"
            in zh), zh
    # two offences' bands combine: together they reach every person under 18, so no ages are left
    (asked,) = _sixteen_four(_draft(), CSAM.format(n=1, person="child-under-14"),
                             CSAM.format(n=2, person="minor-aged-14-to-17")).questions
    en = asked.text.en or ""
    assert ("nz.fvpca.1 reaches only images of persons under 14, nz.fvpca.2 reaches only images of persons aged 14 "
            "to 17)") in en, en
    assert "no such offence of the set reaches" not in en, en
    # one punishing its acts only in a relationship the treaty does not ask for (Singapore's s. 377BL: exploitative)
    # reaches the dissemination only then: said beside its band
    qualified = CSAM.format(n=2, person="minor-aged-16-or-17").replace(
        "  penalty\n", "  tier base requires exploitative-relationship\n  penalty\n")
    (asked,) = _sixteen_four(_draft(), CSAM.format(n=1, person="child-under-16"), qualified).questions
    assert ("nz.fvpca.1 reaches only images of persons under 16, nz.fvpca.2 reaches only images of persons aged 16 "
            "to 17; nz.fvpca.2 reaches it only in an exploitative relationship)") in (asked.text.en or ""), \
        asked.text.en
    assert "nz.fvpca.2仅在处于剥削性关系之中的情形下涵盖该传播行为" in (asked.text.zh or ""), asked.text.zh
    # one reaching every person under 18: nothing about ages is said
    (asked,) = _sixteen_four(_draft(), CSAM.format(n=1, person="minor")).questions
    assert "(in the set: nz.fvpca.1, which the consent of the person depicted does not take outside the offence)" in (
        asked.text.en or ""), asked.text.en


def test_a_rule_encoded_from_a_paraphrase_or_recollection_carries_its_mark() -> None:
    """The age rule is said as the provision as encoded gives it; where its provenance is flagged (New Zealand's
    under-16 rule, held only as a secondary source's summary) the note carries the mark, as the verdicts' do."""
    for prov, mark in (("paraphrase", "P"), ("r-memory", "R-memory")):
        for age in (16, 18):
            weak = _draft(below=age).replace("  actors ", f"  provenance   {prov}\n  actors ")
            four = _sixteen_four(weak)
            said = next(n for n in [*four.questions, *four.notes] if "cannot give that consent" in (n.text.en or ""))
            assert f"a person under {age} cannot give that consent [{mark}], so" in (said.text.en or ""), said.text.en
            assert f"周岁者不能作出该同意[{mark}]，" in (said.text.zh or ""), said.text.zh
    (plain,) = _sixteen_four(_draft(below=16)).questions
    assert "[" not in (plain.text.en or "").split("Art. 16(4)")[0], plain.text.en


def test_the_consent_element_s_own_label_marks_the_age_rule() -> None:
    """A statute recalled whose age rule a secondary source states (New Zealand's HDCA s. 22A, recalled; its under-16
    rule [P]): the rule's sentence carries the consent element's label, not the provision's; a verbatim consent
    element in a recalled provision carries none."""
    for label, mark in (("paraphrase", " [P]"), ("v-primary", "")):
        weak = _draft(below=16).replace("  actors ", f"  provenance   r-memory\n  provenance   {label} for consent\n"
                                                     "  actors ")
        (asked,) = _sixteen_four(weak).questions
        assert f"a person under 16 cannot give that consent{mark}, so" in (asked.text.en or ""), asked.text.en
        assert f"不满十六周岁者不能作出该同意{mark.strip()}，" in (asked.text.zh or ""), asked.text.zh


@pytest.mark.parametrize(("lines", "where", "message"), [
    ("  provenance   paraphrase\n  provenance   r-memory for consent\n", "6:16",
     "`r-memory` is weaker than the provision's own label: it has `provenance paraphrase`"),
    ("  provenance   paraphrase for consent\n", "5:16",
     "`paraphrase` is weaker than the provision's own label: it has no `provenance` (verbatim)"),
    ("  provenance   r-memory\n  provenance   paraphrase for consent\n  provenance   v-primary for consent\n",
     "7:30", "the provenance of `consent` is given twice"),
    ("  provenance   r-memory\n  provenance   paraphrase for harm\n", "6:31",
     "`provenance paraphrase for harm`, but provision `nz.hdca.90` has no `harm`"),
    ("  provenance   r-memory\n  provenance   paraphrase for heading\n", "6:31",
     "unknown `provenance … for` element `heading`"),
])
def test_an_element_label_that_cannot_be_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     lines: str, where: str, message: str) -> None:
    draft = tmp_path / "d.lexd"
    draft.write_text(_draft(below=16).replace("  actors ", lines + "  actors "), encoding="utf-8")
    code, out, err = run(capsys, "check", str(draft), "--against", "uncc.16")
    assert code == 2 and out == "" and f"{draft}:{where}: error[" in err and message in err, err
    assert "Traceback" not in err and "^" in err and "hint:" in err, err


def test_a_rule_s_provenance_names_no_elements(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "d.lexd"
    draft.write_text(_draft() + """rule nz.crimes.9 {
  jurisdiction nz
  status       in-force
  kind         legal-persons
  reaches      all
  punishes     fine-on-unit
  provenance   r-memory for actors
}
""", encoding="utf-8")
    code, _, err = run(capsys, "check", str(draft), "--against", "uncc.18")
    assert code == 2 and "error[E225]: a rule's `provenance` names no elements" in err, err
    assert "write `provenance r-memory` alone" in err, err


def test_where_the_art_16_offences_reach_adults_only_the_art_14_offences_answer_16_4() -> None:
    """An Art. 16 offence limited to images of adults (Australia's s. 474.17A, as recalled) leaves a minor's consent
    no part in it: 16(4) then rests on the Art. 14 offences. Met where those reaching the dissemination whatever the
    consent reach every age under 18; else a reviewer's question saying which ages or conditions they leave."""
    from lexdraft.treaty.values import Verdict

    adults = _draft(person="adult")
    met = _sixteen_four(adults, CSAM.format(n=1, person="minor"))
    assert met.verdict is Verdict.MET and met.met_by == ["nz.fvpca.1"], met
    (said,) = met.notes
    assert ("The offences carrying Art. 16(1) (nz.hdca.90) reach images of adults only, so the consent of a person "
            "under 18 plays no part in them") in (said.text.en or ""), said.text.en
    assert "nz.fvpca.1 reaches that dissemination whatever the consent of the person depicted, at every age under 18" \
        in (said.text.en or ""), said.text.en
    assert "这至少达到了第16条第4款的要求" in (said.text.zh or ""), said.text.zh
    young = _sixteen_four(adults, CSAM.format(n=1, person="child-under-14"))
    assert young.verdict is Verdict.NOT_ASSESSED and young.met_by == [], young
    (asked,) = young.questions
    assert "reach it only in part: nz.fvpca.1 only for images of persons under 14." in (asked.text.en or ""), asked
    assert "nz.fvpca.1仅涵盖不满十四周岁者的图像" in (asked.text.zh or ""), asked.text.zh
    qualified = CSAM.format(n=1, person="minor").replace(
        "  penalty\n", "  tier base requires exploitative-relationship\n  penalty\n")
    (asked,) = _sixteen_four(adults, qualified).questions
    assert "nz.fvpca.1 only in an exploitative relationship." in (asked.text.en or ""), asked.text.en
    (asked,) = _sixteen_four(adults).questions
    assert "No offence of the set reaches it whatever the consent." in (asked.text.en or ""), asked.text.en


def test_an_offence_with_an_exception_that_turns_on_consent_is_not_reached_whatever_the_consent() -> None:
    """An Art. 14 offence that excepts consensual private material (Singapore's s. 377BN(6): married persons, with the
    consent of the one depicted) does not reach the dissemination whatever the consent: it is neither named as doing
    so nor counted for 16(4), nor is one excepting an artistic work made with the consent of the person depicted."""
    from lexdraft.treaty.values import Verdict

    for exception in ("consensual-private-use", "artistic-work when consent-of-depicted-person"):
        csam = CSAM.format(n=1, person="minor").replace("  penalty\n", f"  exception    {exception}\n  penalty\n")
        (asked,) = _sixteen_four(_draft(), csam).questions
        assert "in the set: nz.fvpca.1" not in (asked.text.en or ""), (exception, asked.text.en)
        adults = _sixteen_four(_draft(person="adult"), csam)
        assert adults.verdict is Verdict.NOT_ASSESSED, (exception, adults)
        (asked,) = adults.questions
        assert "No offence of the set reaches it whatever the consent." in (asked.text.en or ""), asked.text.en


def test_an_art_14_offence_above_a_threshold_does_not_answer_16_4_alone() -> None:
    """Adults-only Art. 16 offences, and an Art. 14 offence punishable only above a threshold the treaty does not set
    (Testland's "causing serious consequences"): below it a minor's image goes unpunished, so 16(4) is a reviewer's,
    told the threshold."""
    from lexdraft.treaty.values import Verdict

    csam = CSAM.format(n=1, person="minor").replace("  penalty\n",
                                                    "  tier base requires serious-consequences\n  penalty\n")
    four = _sixteen_four(_draft(person="adult"), csam)
    assert four.verdict is Verdict.NOT_ASSESSED and four.met_by == [], four
    (asked,) = four.questions
    assert 'nz.fvpca.1 only above the threshold "causing serious consequences".' in (asked.text.en or ""), asked
    assert "nz.fvpca.1仅在造成严重后果的情形下涵盖" in (asked.text.zh or ""), asked.text.zh
