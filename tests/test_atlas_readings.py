"""The atlas readings issue 12 left open, settled as far as the reference texts support them: South Africa's "in any
way distributes" reaches a sale and its s. 24B(1)(d) advertising limb an offer; India's transmitting "in any electronic
form" reaches a broadcast, while its selling stays a gap; Brazil's Art. 14 review lists every ECA offence carrying it,
not art. 241-C alone."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parent.parent


pytestmark = pytest.mark.usefixtures("bundled_only")


def cell(capsys: pytest.CaptureFixture[str], code: str, requirement: str) -> list[str]:
    """One jurisdiction's CSV row for one requirement: verdict, provisions, reasons."""
    status, out, err = run(capsys, "atlas", str(ROOT / "drafts" / code / "in-force"), "--format", "csv",
                           "--against", "uncc.14")
    assert status == 0, err
    row = next(r for r in csv.reader(io.StringIO(out)) if r[:2] == [code, requirement])
    return [row[3], row[4], row[5]]


def test_south_africa_s_distributing_in_any_way_reaches_a_sale_and_its_advertising_an_offer(
        capsys: pytest.CaptureFixture[str]) -> None:
    verdict, by, reasons = cell(capsys, "za", "uncc.14.1.a")
    assert (verdict, by) == ("met", "za.fpa.24b.1")
    assert ("za.fpa.24b.1: 'distributing' reaches selling and transmitting (and otherwise making available, which the "
            "provision names as well): Section 24B(1)(d) punishes whoever in any way distributes child pornography") \
        in reasons
    assert ("(source: Films and Publications Act 65 of 1996, s. 24B(1)(d) (\"in any way distributes\") [V-secondary]; "
            "lexdraft's reading [OWN])") in reasons
    assert "za.fpa.24b.1: 'advertising' reaches offering" in reasons


def test_the_reading_is_the_pack_s_not_the_vocabulary_s(capsys: pytest.CaptureFixture[str]) -> None:
    """India's statute says distributing without "in any way": there a sale is not reached, and selling stays a gap;
    its transmitting in electronic form reaches a broadcast."""
    verdict, _by, reasons = cell(capsys, "in", "uncc.14.1.a")
    assert verdict == "partly-met"
    assert reasons.startswith("Not criminalised by any provision: selling. ")
    assert ("in.it-act.67b: 'transmitting' reaches broadcasting (and distributing, which the provision names as "
            "well): The Act punishes transmitting material in electronic form") in reasons
    assert "reaches selling" not in reasons


def test_a_reading_serving_several_sections_cites_each_section_s_own_words(
        capsys: pytest.CaptureFixture[str]) -> None:
    """India's ss. 66E and 67A take the pack's 'transmitting' for 16(1): the source quotes their words (66E's
    Explanation (a), 67A's "in the electronic form"), not only s. 67B(a)'s "in any electronic form"."""
    status, out, err = run(capsys, "atlas", str(ROOT / "drafts" / "in" / "in-force"), "--format", "csv",
                           "--against", "uncc.16")
    assert status == 0, err
    row = next(r for r in csv.reader(io.StringIO(out)) if r[:2] == ["in", "uncc.16.1"])
    reasons = row[5]
    assert "in.it-act.66e, in.it-act.67a: 'transmitting' reaches distributing" in reasons
    assert ("s. 66E and its Explanation (a) (\"'transmit' means to electronically send a visual image with the intent "
            "that it be viewed by a person or persons\"), s. 67A (\"publishes or transmits … in the electronic form\")"
            ) in reasons
    assert "in any electronic form: a broadcast" not in reasons


def test_brazil_s_article_14_review_lists_every_offence_carrying_it(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "review", str(ROOT / "drafts" / "br" / "in-force"), "--against", "uncc.14")
    assert status == 1 and not err  # 1: the review finds gaps
    measures = out.split("Measures\n", 1)[1].split("\nVerdicts\n", 1)[0]
    listed = [line.split("art. ", 1)[1].split(" ", 1)[0] for line in measures.splitlines() if line.startswith("  * ")]
    assert listed == ["240", "241", "241-A", "241-B", "241-C"]


def test_france_s_making_available_is_its_own_words_and_reaches_a_sale_on_lexdraft_s_own_reading(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 227-23 al. 2's « rendre disponible » is "making available", not Taiwan's "otherwise making available for
    viewing" (以他法供人觀覽); the reference reads selling as within it, a reading of the compiler's own, so 14(1)(a)
    names no act missing, says [OWN] where it rests on that reading, and calls limited only the act that is (producing:
    a purpose of dissemination, under 15 without it)."""
    verdict, _by, reasons = cell(capsys, "fr", "uncc.14.1.a")
    assert verdict == "partly-met"
    assert reasons.startswith("Reached only in part: producing. |")
    assert "Not criminalised" not in reasons and "for viewing" not in reasons
    assert ("fr.code-penal.227-23.2: 'making available' reaches selling, displaying and publishing: Art. 227-23 al. 2 "
            "punishes making available (« rendre disponible »)") in reasons
    assert "(source: Code pénal art. 227-23 al. 2 (« rendre disponible ») [V-secondary]; lexdraft's reading [OWN])" \
        in reasons


def test_only_taiwan_s_statutes_make_available_for_viewing(capsys: pytest.CaptureFixture[str]) -> None:
    """Each jurisdiction's words are its own: Brazil's disponibilizar and South Africa's "makes available" are quoted
    as making available; Taiwan's pack keeps 以他法供人觀覽."""
    for code in ("br", "za"):
        assert "for viewing" not in cell(capsys, code, "uncc.14.1.a")[2]
    assert "'otherwise making available for viewing' (以他法供人觀覽) reaches" in cell(capsys, "tw", "uncc.14.1.a")[2]


def test_france_s_habitual_or_paid_consultation_reaches_accessing_in_part(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 227-23 al. 4 punishes consulting "habituellement ou en contrepartie d'un paiement": accessing is reached in
    part, the reason says the condition, and acquiring and possessing in the same paragraph, which no condition binds,
    keep their grade (14(1)(c) met)."""
    verdict, by, reasons = cell(capsys, "fr", "uncc.14.1.b")
    assert verdict == "partly-met" and "fr.code-penal.227-23.4" in by.split()
    assert reasons.startswith("Reached only in part: soliciting and accessing. |")
    assert ("fr.code-penal.227-23.4: Accessing: only 'consulting' (« consulter ») committed habitually or in return "
            "for payment; Art. 14(1)(b) sets no such condition, so accessing without it is not reached.") in reasons
    assert "Not criminalised" not in reasons and "procuring" not in reasons.split("|")[0]
    assert cell(capsys, "fr", "uncc.14.1.c")[:2] == ["met", "fr.code-penal.227-23.4"]


def test_france_s_reading_names_the_statute_s_own_verb_in_both_languages(capsys: pytest.CaptureFixture[str]) -> None:
    """Al. 4 says « consulter », not "view": the pack's reading of the term names the French verb beside the English
    (and the Chinese) wherever a reason quotes the term; other jurisdictions keep the base term's 'viewing'."""
    reasons = cell(capsys, "fr", "uncc.14.1.b")[2]
    assert "fr.code-penal.227-23.4: 'consulting' (« consulter ») reaches accessing: " in reasons
    assert "'viewing'" not in reasons
    status, out, err = run(capsys, "check", str(ROOT / "drafts" / "fr" / "in-force"), "--against", "uncc.14",
                           "--lang", "zh")
    assert status in (0, 1) and not err
    assert "“浏览”（« consulter »）涵盖访问" in out and "“观看”" not in out


def test_france_s_any_means_is_the_words_of_one_article_and_the_reading_of_the_other(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Only art. 226-8-1 says « par quelque voie que ce soit »; art. 226-2-1 al. 2 reaches any means as the reference
    reads the Conseil constitutionnel [P]: the 16(1) reason attributes each to its own source, in both languages."""
    status, out, err = run(capsys, "atlas", str(ROOT / "drafts" / "fr" / "in-force"), "--format", "csv",
                           "--against", "uncc.16")
    assert status == 0, err
    reasons = next(r for r in csv.reader(io.StringIO(out)) if r[:2] == ["fr", "uncc.16.1"])[5]
    assert ("by any means (226-8-1: « par quelque voie que ce soit »; 226-2-1 al. 2 in effect, per the reference's "
            "reading [P])") in reasons
    status, out, err = run(capsys, "check", str(ROOT / "drafts" / "fr" / "in-force"), "--against", "uncc.16",
                           "--lang", "zh")
    assert status in (0, 1) and not err
    assert ("以任何方式（第226-8-1条明文« par quelque voie que ce soit »；"
            "第226-2-1条第2款依参考资料的理解实际上同样如此[P]）") in out


def test_a_qualifier_of_every_act_is_a_condition_not_a_threshold(capsys: pytest.CaptureFixture[str]) -> None:
    """Singapore's s. 377BL applies only in an exploitative relationship: a condition of its acts, not a threshold of
    quantities or "serious circumstances"."""
    reasons = cell(capsys, "sg", "uncc.14.1.a")[2]
    assert "sg.penal-code.377bl: Producing, offering, selling, distributing" in reasons
    assert "only in an exploitative relationship; Art. 14(1)(a) sets no such condition" in reasons
    assert "sg.penal-code.377bl: The conduct is punishable only above a threshold" not in reasons


def test_a_definition_carried_without_recalled_text_names_the_provision_that_carries_it(
        capsys: pytest.CaptureFixture[str]) -> None:
    """South Africa's 16(2) is 'beyond' with or without the recalled Cybercrimes Act s. 16: FPA s. 18F alone gives it,
    so the cell bears no [R-memory] mark and names FPA s. 18F among the provisions that implement it."""
    status, out, err = run(capsys, "atlas", str(ROOT / "drafts" / "za" / "in-force"), "--format", "csv",
                           "--against", "uncc.16")
    assert status == 0, err
    row = next(r for r in csv.reader(io.StringIO(out)) if r[:2] == ["za", "uncc.16.2"])
    assert (row[3], row[4], row[6]) == ("beyond", "za.cybercrimes-act.16.1 za.fpa.18f.1", "")
    assert ("za.fpa.18f.1 gives the same verdict without za.cybercrimes-act.16.1, whose text the reference gives only "
            "as a paraphrase or from recollection") in row[5]
    assert "It rests instead" not in row[5], row[5]  # s. 18F is quoted verbatim: nothing more to say


def test_a_mark_names_text_the_verdict_cites() -> None:
    """A verdict that holds without the recalled provision it cites, through a paraphrased one (Ireland's 18(3): the
    recalled HHCROA s. 2 cited, the paraphrased s. 3 carrying it without): marked [P], it cites the paraphrased
    provision beside the recalled one and says it holds without that, so its mark and its provisions agree."""
    from lexdraft.pipeline import load_sources
    from lexdraft.treaty.conformance import check
    from lexdraft.treaty.spec import spec_for

    offence = """provision ie.act.{n} {{
  jurisdiction ie
  status       in-force
  title        zh "传播私密图像" en "Disclosing an intimate image"
  provenance   {provenance}
  actors       natural-person, unit
  mental       intent{purpose}
  conduct      {conduct}
  object       intimate-image
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
"""
    drafts, _ = load_sources([
        ("a.lexd", offence.format(n=1, provenance="r-memory", purpose="",
                                  conduct="share, distribute, transmit, publish, sell, make-available")),
        ("b.lexd", offence.format(n=2, provenance="paraphrase", purpose="\n  purpose      cause-harm",
                                  conduct="sell"))])
    three = next(v for v in check(spec_for("uncc.18"), drafts.provisions, general_part=False).verdicts
                 if v.requirement.id == "uncc.18.3")
    assert (three.verdict.value, three.rests_on, three.resting) == ("met", "paraphrase", ["ie.act.2"]), three
    assert three.met_by == ["ie.act.1", "ie.act.2"], three.met_by
    said = " ".join(n.text.en or "" for n in three.notes)
    assert ("ie.act.2 gives the same verdict without ie.act.1, whose text the reference gives only as a paraphrase or "
            "from recollection: the verdict does not rest on that text. It rests instead on text that is itself "
            "marked: ie.act.2 [P].") in said, said
    assert "该结论转而依据本身亦有标注的文本：ie.act.2[P]。" in " ".join(n.text.zh or "" for n in three.notes)


def test_brazil_s_without_consent_governs_the_scenes_of_sex_nudity_and_pornography_only(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 218-C punishes disclosing a rape scene whatever the consent, and a scene of sex, nudity or pornography
    without the victim's consent: the titles say so in each language."""
    status, out, err = run(capsys, "render", str(ROOT / "drafts" / "br" / "in-force" / "codigo-penal-218-c.lexd"),
                           "--lang", "zh")
    assert status == 0, err
    assert out.startswith("披露强奸场景，或者未经同意披露性、裸体、色情场景\n")


def test_a_virtual_material_test_is_the_provision_s_own(capsys: pytest.CaptureFixture[str]) -> None:
    """Singapore's s. 377C reaches an image indistinguishable from a real child: its 14(3)(a) reason states that one
    test, never the three elements a paper proposed for another law."""
    reasons = cell(capsys, "sg", "uncc.14.3.a")[2]
    # with the provision's own ages (78ba081): Singapore's child abuse material shows persons under 16
    assert ("The provision's test for virtual material: the content is realistic enough for an ordinary person to "
            "mistake it for an actual person under 16.") in reasons
    assert "three elements" not in reasons and "Xiong" not in reasons and "inducing offences" not in reasons


def test_alternative_purposes_are_required_one_of_them_not_each(capsys: pytest.CaptureFixture[str]) -> None:
    """India's POCSO s. 15 punishes storing material to share or transmit it, or for commercial purposes: one of the
    purposes, not each, as the reason says."""
    reasons = cell(capsys, "in", "uncc.14.1.c")[2]
    assert ("in.pocso.15: The offence requires one of its purposes (dissemination or making a profit); Art. 14(1)(c) "
            "requires none, so conduct done for none of them is not reached.") in reasons
    assert "The offence requires a profit purpose" not in reasons
    assert "The offence requires a purpose of dissemination" not in reasons


def test_france_s_soliciting_reaches_the_minor_depicted_only(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 227-23-1 punishes an adult asking a minor for the minor's own images; soliciting the material from anyone
    else is not named, and the reason says so beside the adult-offender limit."""
    reasons = cell(capsys, "fr", "uncc.14.1.b")[2]
    assert ("fr.code-penal.227-23-1.1: The conduct is reached only where it is directed to the person the material "
            "depicts (asking a child for images of that child)") in reasons
