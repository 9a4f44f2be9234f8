"""The atlas: statutes in their own language (French, Portuguese, English) with the translations a draft carries,
the eight bundled packs of the atlas jurisdictions, and the `lexdraft atlas` matrix checked against a lawyer's
expectations (tests/expected/atlas-verdicts.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cli_run import run

from lexdraft import packs
from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.wording.citations import article_label

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ("fr", "sg", "ph", "za", "nz", "ie", "in", "br")

FRENCH = '''provision fr.code-penal.226-6 {
  jurisdiction fr
  status       in-force
  instrument   code-penal
  title        fr "Plainte préalable"
               en "Prosecution on complaint"
  source       "Code pénal art. 226-6"
  version      as-at "2016-10-08"
  translation  en working-gloss
  text         fr """
Dans les cas prévus par les articles 226-1 à 226-2-1, l'action publique ne peut être exercée que sur plainte
de la victime, de son représentant légal ou de ses ayants droit.
"""
               en """
In the cases provided for in arts. 226-1 to 226-2-1, a public prosecution may be brought only on the complaint
of the victim, the victim's legal representative or successors in title.
"""
}
'''


# A Chinese page is Chinese in every line lexdraft writes: its title too (E405 without one, tests/test_zh_pages.py).
TITLED = FRENCH.replace('               en "Prosecution on complaint"\n',
                        '               zh "经告诉方可提起公诉"\n               en "Prosecution on complaint"\n')


pytestmark = pytest.mark.usefixtures("bundled_only")


def draft(tmp_path: Path, text: str, name: str = "d.lexd") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


# ------------------------------------------------------------- statute text in its own language

def test_a_french_statute_in_english_shows_the_french_then_the_gloss(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", draft(tmp_path, FRENCH), "--lang", "en")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == [
        "Prosecution on complaint", "Criminal Code (France), article 226-6 (in force)",
        "The text is the law as at 2016-10-08.",
        ("The authentic French text comes first. The English below it is a working gloss prepared for lexdraft, not "
         "an official or published translation; only the French text is authoritative.")]
    french = lines.index("Dans les cas prévus par les articles 226-1 à 226-2-1, l'action publique ne peut être "
                         "exercée que sur plainte")
    assert lines[french + 1] == "de la victime, de son représentant légal ou de ses ayants droit."
    assert lines[french + 3] == "English translation (a working gloss):"
    assert lines[french + 4].startswith("In the cases provided for in arts. 226-1 to 226-2-1")


def test_a_french_statute_in_chinese_says_no_chinese_translation_is_given(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", draft(tmp_path, TITLED), "--lang", "zh")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == ["经告诉方可提起公诉", "《法国刑法典》第226-6条（现行有效）",
                         "本条文为截至2016-10-08的法律文本。",
                         "本条目未载有该条文的中文译文；以下为条文的作准文本（法文）原文，本工具不翻译条文。"]
    assert "Dans les cas prévus" in out
    assert "In the cases provided" not in out  # never an English stand-in, never a machine translation


def test_a_chinese_translation_is_shown_with_its_own_standing(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    chinese = '               zh "在第226-1条至第226-2-1条规定的情形下，须经被害人告诉方可提起公诉。"\n'
    source = TITLED.replace('  translation  en working-gloss\n', '  translation  en working-gloss\n'
                            '  translation  zh published\n')
    source = source.replace('               en """', chinese + '               en """')
    code, out, err = run(capsys, "render", draft(tmp_path, source), "--lang", "zh")
    assert code == 0, err
    assert "以下先列条文的作准文本（法文），其后的中文译文为已发布的非官方译文，照录原文；仅法文文本具有权威性。" in out
    assert "中文译文（已发布的非官方译文）：\n在第226-1条至第226-2-1条规定的情形下" in out
    assert out.index("Dans les cas prévus") < out.index("在第226-1条")


def test_a_translation_without_its_standing_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", draft(tmp_path, FRENCH.replace("  translation  en working-gloss\n", "")),
                         "--lang", "en")
    assert code == 0, err
    assert "The standing of the English below it is not recorded" in out
    assert "English translation (standing not recorded):" in out


def test_other_languages_translations_and_versions_print_back(tmp_path: Path) -> None:
    source = FRENCH.replace('  version      as-at "2016-10-08"\n',
                            '  version      as-at "2016-10-08" amended-by "loi n° 2016-1321"\n')
    source = source.replace("  translation  en working-gloss\n", "  translation  published\n  translation  en "
                            "working-gloss\n")
    parsed = parse_text(source, "d.lexd")
    printed = format_draft(parsed)
    assert parse_text(printed, "d.lexd") == parsed
    assert '  version      as-at "2016-10-08" amended-by "loi n° 2016-1321"\n' in printed
    assert "  translation  published\n  translation  en working-gloss\n" in printed
    doc = parsed.documents[0]
    assert doc.text is not None and doc.text.languages == ("fr", "en")
    assert [(t.lang, t.status.name) for t in doc.translations] == [("en", "working-gloss")]


def test_an_act_that_inserted_the_article_is_said_to_have_inserted_it(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str]) -> None:
    """`inserted-by` names the act that inserted the article ("as inserted by"), which is more exact than "amended" for
    an article the act created (LAWYER-G4, notes); it prints back as written and is never `amended-by`."""
    source = FRENCH.replace('  version      as-at "2016-10-08"\n',
                            '  version      as-at "2016-10-08" inserted-by "loi n° 2016-1321"\n'
                            '               zh "截至2016-10-08、经“loi n° 2016-1321”增设"\n')
    parsed = parse_text(source, "d.lexd")
    printed = format_draft(parsed)
    assert parse_text(printed, "d.lexd") == parsed
    assert '  version      as-at "2016-10-08" inserted-by "loi n° 2016-1321"\n' in printed
    _status, out, err = run(capsys, "check", draft(tmp_path, source), "--against", "uncc.16")
    assert "Law: as at 2016-10-08, as inserted by loi n° 2016-1321" in out and "as amended by" not in out, err
    _code, out, err = run(capsys, "atlas", str(ROOT / "drafts" / "fr" / "in-force"))
    assert ("Law: as inserted by loi n° 2016-1321 du 7 octobre 2016, art. 67 (fr.code-penal.226-2-1.1, "
            "fr.code-penal.226-2-1.2)") in out


@pytest.mark.parametrize("line,code,message", [
    ("  translation french published\n", "E117", "`french` is not a language tag"),
    ('  text fr "x" french "y"\n', "E100", "unexpected 'french'; expected a field name or a closing `}`"),
    ("  version\n", "E116", "`version` says neither the date nor the amending act"),
    ('  text fr "x" fr "y"\n', "E111", "`fr` text is given twice"),
])
def test_bad_languages_and_versions_are_located(tmp_path: Path, capsys: pytest.CaptureFixture[str], line: str,
                                               code: str, message: str) -> None:
    source = FRENCH.replace("  translation  en working-gloss\n", "").split("  text ")[0] + line + "}\n"
    path = draft(tmp_path, source.replace('  version      as-at "2016-10-08"\n', ""))
    status, _, err = run(capsys, "parse", path)
    assert status == 2
    assert f"error[{code}]: {message}" in err
    assert err.count("^") >= 1


# ------------------------------------------------------------------------------- the eight packs

@pytest.mark.parametrize("ident,label", [
    ("fr.code-penal.226-2-1", "article 226-2-1"), ("sg.penal-code.377be.1", "s. 377BE(1)"),
    ("ph.ra-9995.4", "section 4"), ("za.fpa.24b.3", "section 24B(3)"), ("nz.hdca.22a.1", "section 22A(1)"),
    ("ie.ctpa-1998.6.1", "section 6(1)"), ("in.it-act.67b", "section 67B"), ("br.eca.241-a", "art. 241-A"),
    ("br.codigo-penal.218-c.1", "art. 218-C, § 1"),
])
def test_the_atlas_packs_cite_as_their_law_does(ident: str, label: str) -> None:
    code, _, number, *paragraph = ident.split(".")
    assert packs.id_problem(ident, code) is None
    assert article_label(number, code, "en", int(paragraph[0]) if paragraph else None) == label


def test_every_atlas_pack_names_its_jurisdiction_and_languages() -> None:
    bundled = packs.all_packs()
    assert set(ATLAS) <= set(bundled)
    assert {code: bundled[code].languages for code in ATLAS} == {
        "fr": ("fr",), "sg": ("en",), "ph": ("en",), "za": ("en",), "nz": ("en",), "ie": ("en",), "in": ("en",),
        "br": ("pt-BR",)}
    assert {code: bundled[code].label("en") for code in ATLAS} == {
        "fr": "France", "sg": "Singapore", "ph": "the Philippines", "za": "South Africa", "nz": "New Zealand",
        "ie": "Ireland", "in": "India", "br": "Brazil"}
    assert all(bundled[code].style == "common-law-en" for code in ATLAS)
    assert {code for code in ATLAS if bundled[code].style_note} == {"fr", "br"}


def test_a_french_proposal_composed_in_english_says_its_style_is_not_french(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    proposal = '''provision fr.code-penal.226-2-2 {
  jurisdiction fr
  status       proposed
  title        en "Sharing an intimate image without consent"
  mental       intent
  conduct      distribute
  object       intimate-image { depicts sexual-activity }
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}
'''
    code, out, err = run(capsys, "render", draft(tmp_path, proposal), "--lang", "en")
    assert code == 0, err
    assert "Drafting style: lexdraft has no French drafting style: this text is composed in the English common-law " \
           "style and is not French statute wording" in out


@pytest.mark.parametrize("code,ident,heading", [("fr", "fr.code-penal.226-2-2", "Article 226-2-2 (proposed)"),
                                                 ("br", "br.eca.241-f", "Article 241-F (proposed)")])
def test_composed_english_numbers_as_the_pack_does_not_in_sections(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], code: str, ident: str, heading: str) -> None:
    """France's and Brazil's packs call an article an article and its parts paragraphs: a proposal composed in the
    common-law style says so, and never "section" or "subsection"."""
    proposal = f'''provision {ident} {{
  jurisdiction {code}
  status       proposed
  title        en "Sharing an intimate image without consent"
  mental       intent
  conduct      distribute
  object       intimate-image {{ depicts sexual-activity }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''
    status, out, err = run(capsys, "render", draft(tmp_path, proposal), "--lang", "en")
    assert status == 0, err
    text = out.split("Drafting notes")[0]
    assert text.startswith(heading + "\n")
    assert "(2) A person who commits an offence under paragraph (1) is liable on conviction" in text
    assert "(3) In this article, “intimate image” means" in text
    assert "section" not in text.lower()


# ------------------------------------------------------------------------ the atlas and the lawyer's expectations

IN_FORCE = sorted(str(p) for p in (ROOT / "drafts").glob("*/in-force"))
GOLDEN = ROOT / "tests" / "golden" / "atlas"
EXPECTED = ROOT / "tests" / "expected" / "atlas-verdicts.yaml"

# Why the tool and tests/expected/atlas-verdicts.yaml (written before the checker ran) differ, by kind, and who is
# right. Each known disagreement below names one.
SELLING = ("lexdraft, for selling: the treaty lists it beside distributing, and a sale is a contract for a price that "
           "need not hand the material to anyone; IT Act s. 67B names distributing and exchanging (a barter), not "
           "selling, and POCSO s. 15(3)'s storing for a commercial purpose is possession. Where a statute says 'in any "
           "way distributes' (South Africa, s. 24B(1)(d)) its pack reads a sale within it; transmitting 'in any "
           "electronic form' reaches broadcasting (India's pack). The lawyer reads selling within distributing")
SAVINGS = ("lexdraft is right: 18(3) 'shall be without prejudice' binds (a law letting the legal person's liability "
           "displace the natural persons' would breach it), so it is an obligation a reviewer confirms, not nothing "
           "to implement; the lawyer reads a savings clause (n/a)")
# where a provision's own words make legal persons liable beside natural persons, those who commit it stay liable under
# it, which no rule of the set displaces: the obligation is met
SAVINGS_MET = SAVINGS.replace("an obligation a reviewer confirms", "an obligation, met where the natural persons who "
                              "commit the offence stay liable under it beside the legal person")
OBJECTIONABLE = ("lexdraft, on the reference as it stands: the object is a publication classified by an evaluative "
                 "test, and the deeming that would make all such material objectionable (FVPCA s. 3(2)(a)) is "
                 "[R-memory] only, so it counts in part; once that text is verified the lawyer's full reading holds")
FINANCING_PART = ("lexdraft is right: the financing reach the lawyer finds rests on limbs the reference gives only as "
                  "[R-memory] (a facilitation limb, unlettered limbs), which are not encoded, and the general part "
                  "that could reach financing as complicity is not given: not-assessed, not the lawyer's partly-met")
SUCH_PHOTO = ("lexdraft is right on the words: RA 9995 s. 4(b)-(d) 'such photo or video or recording of sexual act' "
              "is read as written (recordings of sexual acts); the lawyer reads it back to all of s. 4(a) and flags "
              "that the narrower reading gives partly-met")
NOT_EXPRESS = ("lexdraft is right: 14(2)(d) (sexual torture) is not express in the CTPA definition, as the "
               "expectation's own flag says; each situation of 14(2) counts on its own")
SOLICIT = ("lexdraft is right: soliciting is reached only as an attempt to acquire or as encouragement ([R-memory]), "
           "a reading the expectation itself flags; no soliciting verb is in the text")
CANNOT_DECIDE = "the expectation's `cannot-decide` is no verdict: lexdraft must give one"
MONTAGE = ("lexdraft is right: art. 241-C ([R-memory]) reaches material made by montage or alteration, so the set does "
           "not limit itself to material of existing persons (n/a); the lawyer reads montage-only coverage as in "
           "effect within 14(3)(a)")

KNOWN: dict[tuple[str, str], tuple[str, str]] = {
    # the readings of issue 13 (the elements read, the objectionable-publication object counted in part)
    ("sg", "uncc.16.1"): ("option-used", ("both read 377BE(1)(c)'s knowledge of likely distress as within Art. 16(5) a "
                          "fortiori; lexdraft is right to name the option it reads, where the lawyer calls it met")),
    ("in", "uncc.14.1.b"): ("partly-met", ("lexdraft is right: the 67B proviso ([R-memory]) is a general legitimate-"
                            "purpose exception, broader than 'without right'; the lawyer leaves it to a reviewer")),
    ("fr", "uncc.18.3"): ("not-assessed", SAVINGS),
    ("sg", "uncc.18.3"): ("not-assessed", SAVINGS),
    ("ph", "uncc.14.1.d"): ("not-assessed", FINANCING_PART),
    ("ph", "uncc.16.2"): ("partly-met", SUCH_PHOTO),
    ("ph", "uncc.18.3"): ("met", SAVINGS_MET),
    ("za", "uncc.18.3"): ("not-assessed", SAVINGS),
    ("nz", "uncc.14.1.a"): ("partly-met", OBJECTIONABLE),
    ("nz", "uncc.14.1.c"): ("partly-met", OBJECTIONABLE),
    ("nz", "uncc.14.2"): ("partly-met", f"{OBJECTIONABLE}; {CANNOT_DECIDE}"),
    ("nz", "uncc.18.3"): ("met", SAVINGS_MET),
    ("ie", "uncc.14.1.b"): ("partly-met", SOLICIT),
    ("ie", "uncc.14.1.d"): ("not-assessed", FINANCING_PART),
    ("ie", "uncc.14.2"): ("partly-met", NOT_EXPRESS),
    ("ie", "uncc.16.1"): ("option-used", ("both read s. 2's intent to cause harm (or recklessness as to it) as the "
                          "Art. 16(5) option; lexdraft is right to name the option it reads, where the lawyer calls "
                          "it met")),
    ("ie", "uncc.18.3"): ("met", SAVINGS_MET),
    ("in", "uncc.14.1.a"): ("partly-met", SELLING),
    ("in", "uncc.18.3"): ("not-assessed", SAVINGS),
    ("br", "uncc.14.3.a"): ("n/a", MONTAGE),
    ("br", "uncc.18.3"): ("not-assessed", SAVINGS),
}


@pytest.fixture(scope="module")
def matrix() -> dict[tuple[str, str], str]:
    """The tool's verdict per (jurisdiction, requirement) for the provisions in force of every bundled system."""
    from lexdraft.outputs.atlas import atlas
    from lexdraft.pipeline import check_provisions, load

    drafts = load(IN_FORCE)
    table = atlas([(c.jurisdiction, c.report) for c in check_provisions(drafts.provisions, None, drafts.rules,
                                                                        drafts.decisions,
                                                                        measures=drafts.obligations)])
    return {(row.code, cell.requirement): str(cell.verdict) for row in table.rows for cell in row.cells if cell}


def expected_cells() -> list[tuple[str, str, str]]:
    import yaml

    data = yaml.safe_load(EXPECTED.read_text(encoding="utf-8"))
    return [(code, req, v["verdict"]) for code, entry in data.items() for req, v in entry["verdicts"].items()]


@pytest.mark.parametrize("code,requirement,expected", expected_cells(), ids=lambda v: str(v))
def test_the_atlas_agrees_with_the_lawyer_or_says_why_not(matrix: dict[tuple[str, str], str], code: str,
                                                         requirement: str, expected: str) -> None:
    got = matrix[(code, requirement)]
    if (code, requirement) in KNOWN:
        pinned, reason = KNOWN[(code, requirement)]
        assert reason
        assert (got, got != expected) == (pinned, True), f"{code} {requirement}: a known disagreement moved"
    else:
        assert got == expected, f"{code} {requirement}: lexdraft says {got}, the lawyer {expected}"


def test_every_known_disagreement_is_one() -> None:
    cells = {(code, req): verdict for code, req, verdict in expected_cells()}
    assert set(KNOWN) <= set(cells)
    assert all(cells[key] != verdict for key, (verdict, _) in KNOWN.items())


def test_all_ten_systems_appear_in_the_atlas(matrix: dict[tuple[str, str], str]) -> None:
    assert {code for code, _ in matrix} == {"prc", "tw", *ATLAS}
    # the earlier PRC and Taiwan findings hold: Art. 16(1) is not implemented by the PRC's law in force
    assert matrix[("prc", "uncc.16.1")] == "partly-met" and matrix[("tw", "uncc.16.1")] == "met"


@pytest.mark.parametrize("fmt,name", [("text", "atlas.txt"), ("markdown", "atlas.md"), ("csv", "atlas.csv"),
                                      ("html", "atlas.html")])
def test_the_atlas_matches_its_golden_file(fmt: str, name: str, capsys: pytest.CaptureFixture[str],
                                          regen_golden: bool) -> None:
    code, out, err = run(capsys, "atlas", *IN_FORCE, "--format", fmt)
    assert code == 0, err
    golden = GOLDEN / name
    if regen_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(out, encoding="utf-8", newline="\n")
    assert out == golden.read_text(encoding="utf-8")


def test_the_atlas_json_is_the_matrix(capsys: pytest.CaptureFixture[str]) -> None:
    import json

    code, out, err = run(capsys, "atlas", *IN_FORCE, "--format", "json", "--against", "uncc.16")
    assert code == 0, err
    data = json.loads(out)
    assert [r["id"] for r in data["requirements"]] == [f"uncc.16.{n}" for n in range(1, 7)]
    france = next(j for j in data["jurisdictions"] if j["code"] == "fr")
    assert france["name"] == "France"
    # al. 2 reaches a recording made with consent or by the person, art. 226-2 (recalled) one made without consent:
    # met, and marked as resting on the recollection
    sixteen = france["verdicts"]["uncc.16.1"]
    assert (sixteen["verdict"], sixteen["rests_on"], sixteen["resting"]) == ("met", "r-memory",
                                                                              ["fr.code-penal.226-2.1"]), sixteen
    assert "fr.code-penal.226-2-1.2" in sixteen["met_by"]
    assert any(v.startswith("as at 2024-05-23") for v in france["law_as_at"])


def test_hostile_strings_are_escaped_in_every_format(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # what a draft says reaches the atlas through the version of the law it quotes
    hostile = FRENCH.replace('as-at "2016-10-08"', 'as-at "<script>alert(1)</script> | **x** [y](javascript:z)"')
    hostile = hostile.replace('  source       "Code pénal art. 226-6"\n', '  source       "Code pénal art. 226-6"\n'
                              '  conduct      disclose\n  object       intimate-image { depicts nudity }\n'
                              '  consent      absent\n  prosecution  complaint-required\n  penalty\n'
                              '    base imprisonment <= 1 years\n')
    path = draft(tmp_path, hostile)
    code, html, err = run(capsys, "atlas", path, "--format", "html")
    assert code == 0, err
    assert "<script>" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert 'href="#fr-uncc.16.1"' in html and 'id="fr-uncc.16.1"' in html  # each cell links to its finding
    code, md, err = run(capsys, "atlas", path, "--format", "markdown")
    assert code == 0, err
    assert "<script>" not in md and "\\<script\\>" in md and "\\*\\*x\\*\\*" in md
    assert "| " + "fr" + " |" in md


def test_a_csv_cell_is_never_a_formula() -> None:
    from lexdraft.outputs.atlas import _csv

    assert [_csv(v) for v in ("=1+1", "+1", "-1", "@SUM(A1)", "met")] == ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "met"]
    assert [_csv(v) for v in ("\t=1+1", "\r=1+1")] == ["'\t=1+1", "'\r=1+1"]  # OWASP's list: tab and CR too


def test_a_set_without_its_general_part_shows_no_gap_the_general_part_decides() -> None:
    """France's set gives none of the Code pénal's general part (arts. 121-2, 121-7 are not in the reference): that
    silence is no gap, so 18(1), 18(2), 18(4) and financing through complicity (14(1)(d)) are not-assessed, each saying
    why; the same set read as if its general part were given (and silent) falls short."""
    from lexdraft.pipeline import check_provisions, load
    from lexdraft.treaty.conformance import check
    from lexdraft.treaty.spec import spec_for

    drafts = load([str(ROOT / "drafts" / "fr" / "in-force")])
    assert drafts.rules == []
    reports = {c.article: c.report for c in check_provisions(drafts.provisions, ["uncc.14", "uncc.18"])}
    found = {v.requirement.id: v for r in reports.values() for v in r.verdicts}
    for rid in ("uncc.14.1.d", "uncc.18.1", "uncc.18.2", "uncc.18.4"):
        assert found[rid].verdict == "not-assessed", rid
        assert found[rid].notes[-1].text.en.startswith("The set gives no part of the general part of its law"), rid
    assert "many systems make legal persons liable by a general clause" in found["uncc.18.1"].notes[-1].text.en
    given = {v.requirement.id: v.verdict for v in check(spec_for("uncc.18"), drafts.provisions).verdicts}
    assert (given["uncc.18.1"], given["uncc.18.2"], given["uncc.18.4"]) == ("not-met", "n/a", "not-met")


def test_the_atlas_says_which_rows_rest_on_provisional_treaty_text(capsys: pytest.CaptureFixture[str]) -> None:
    """Art. 16's text is provisional ([U-EN]), and every verdict on it inherits that: the rows say so, in every format
    with a place for it."""
    code, md, err = run(capsys, "atlas", *IN_FORCE, "--format", "markdown", "--against", "uncc.14",
                        "--against", "uncc.16")
    assert code == 0, err
    assert "| uncc.16.1 (obligatory; provisional text \\*) |" in md and "| uncc.14.1.a (obligatory) |" in md
    assert "\\* The treaty text of Art. 16 is provisional \\[U-EN\\]: every verdict in its rows inherits that status." \
        in md
    code, text, err = run(capsys, "atlas", *IN_FORCE, "--against", "uncc.16")
    assert "uncc.16.1 *" in text and "* The treaty text of Art. 16 is provisional [U-EN]" in text
    code, out, err = run(capsys, "atlas", *IN_FORCE, "--format", "json", "--against", "uncc.14")
    import json
    assert {r["provisional"] for r in json.loads(out)["requirements"]} == {False}


@pytest.mark.parametrize("code", ["sg", "za", "in"])
def test_silence_never_says_only_natural_persons_commit_the_offence(code: str) -> None:
    """'Any person' (Singapore, South Africa) and 'Whoever' (India) say nothing of legal persons, and the general part
    that would (an Interpretation Act's "person") is not given: no cell or review says that only natural persons can
    commit the offence. Read as if the general part were given and silent, the sentence stands."""
    from lexdraft.pipeline import check_provisions, load
    from lexdraft.treaty.conformance import check
    from lexdraft.treaty.spec import spec_for

    drafts = load([str(ROOT / "drafts" / code / "in-force")])
    said = [n.text.en for c in check_provisions(drafts.provisions, ["uncc.18"]) for v in c.report.verdicts
            for n in v.notes]
    assert said and not [s for s in said if "only natural persons" in s.lower()]
    given = [n.text.en for v in check(spec_for("uncc.18"), drafts.provisions).verdicts for n in v.notes]
    assert [s for s in given if s.startswith("On the provisions given, only natural persons can commit this offence")]


# ------------------------------------------------------------------ the provenance a verdict rests on

def test_a_cell_resting_on_recollected_text_says_so_in_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    """Brazil's Art. 14 cells rest on art. 241-C, whose text the reference gives only from the compiler's memory
    (`provenance r-memory`): every format marks them, as it marks the provisional treaty text."""
    import json

    code, text, err = run(capsys, "atlas", *IN_FORCE, "--against", "uncc.14")
    assert code == 0, err
    row = next(line for line in text.splitlines() if line.startswith("uncc.14.1.a "))
    assert row.split()[1:3] == ["met", "[R-memory]"]  # br, the first column
    assert "[R-memory] the compiler's recollection, not retrieved or verified" in text
    assert "uncc.14.1.a met [R-memory]: rests on text given as the compiler's recollection, not retrieved or " \
           "verified: br.eca.241-c" in text
    code, md, err = run(capsys, "atlas", *IN_FORCE, "--format", "markdown", "--against", "uncc.14")
    assert "| uncc.14.1.a (obligatory) | met \\[R-memory\\] |" in md
    code, out, err = run(capsys, "atlas", *IN_FORCE, "--format", "json", "--against", "uncc.14")
    brazil = next(j for j in json.loads(out)["jurisdictions"] if j["code"] == "br")["verdicts"]
    assert (brazil["uncc.14.1.a"]["rests_on"], brazil["uncc.14.1.a"]["resting"]) == ("r-memory", ["br.eca.241-c"])
    assert brazil["uncc.14.1.b"]["rests_on"] is None  # partly-met all the same without art. 241-C
    code, html, err = run(capsys, "atlas", *IN_FORCE, "--format", "html", "--against", "uncc.14")
    assert "met [R-memory]</a>" in html
    code, csv_text, err = run(capsys, "atlas", *IN_FORCE, "--format", "csv", "--against", "uncc.14")
    assert csv_text.splitlines()[0].endswith(",rests_on,dated")
    assert next(line for line in csv_text.splitlines() if line.startswith("br,uncc.14.1.a,")).endswith(",r-memory,")


def test_the_flag_comes_from_each_provision_s_provenance_not_its_jurisdiction(tmp_path: Path) -> None:
    """Relabel art. 241-C as verbatim and Brazil's cells lose the mark; France's verified texts carry none."""
    from lexdraft.outputs.atlas import atlas
    from lexdraft.pipeline import check_provisions, load

    source = (ROOT / "drafts" / "br" / "in-force" / "eca-240-241-e.lexd").read_text(encoding="utf-8")
    assert source.count("  provenance   r-memory\n") == 1
    (tmp_path / "eca.lexd").write_text(source.replace("  provenance   r-memory\n", "  provenance   v-secondary\n"),
                                       encoding="utf-8")
    marked = {}
    for folder in (str(tmp_path), str(ROOT / "drafts" / "br" / "in-force"), str(ROOT / "drafts" / "fr" / "in-force")):
        drafts = load([folder])
        table = atlas([(c.jurisdiction, c.report) for c in check_provisions(drafts.provisions, ["uncc.14"])])
        marked[folder] = sorted(c.requirement for r in table.rows for c in r.cells if c and c.rests_on)
    assert list(marked.values()) == [[], ["uncc.14.1.a", "uncc.14.1.c"], []]


def test_an_unknown_provenance_label_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = draft(tmp_path, FRENCH.replace('  source       "Code pénal art. 226-6"\n',
                                          '  source       "Code pénal art. 226-6"\n  provenance   memory\n'))
    status, _, err = run(capsys, "check", path)
    assert status == 2 and "error[E201]: unknown provenance label `memory`" in err and "d.lexd:8:16:" in err
    labelled = FRENCH.replace('  source       "Code pénal art. 226-6"\n',
                              '  source       "Code pénal art. 226-6"\n  provenance   paraphrase\n')
    parsed = parse_text(labelled, "d.lexd")
    printed = format_draft(parsed)
    assert "  provenance   paraphrase\n" in printed and parse_text(printed, "d.lexd") == parsed


def test_france_s_alinea_1_is_two_sentences_and_the_counterexample_is_true_in_law() -> None:
    """Art. 227-23 al. 1 punishes making with a view to dissemination for every minor (sentence 1) and without it for
    a minor under fifteen (sentence 2): encoded as two items of the paragraph, cited by sentence, the review's
    counterexample is a minor of fifteen or more made without that purpose, never the 12-year-old sentence 2 reaches."""
    from lexdraft.outputs import review as out
    from lexdraft.pipeline import load, review_drafts

    drafts = load([str(ROOT / "drafts" / "fr" / "in-force")])
    ids = {p.id for p in drafts.provisions}
    assert {"fr.code-penal.227-23.1.1", "fr.code-penal.227-23.1.2"} <= ids and "fr.code-penal.227-23.1" not in ids
    page = out.page(review_drafts(drafts, ["uncc.14"])[0], "en")
    a = next(p for art in page.articles for p in art.paragraphs if p.id == "uncc.14.1.a")
    assert "minor aged 15" in a.counterexample and "does not mean to pass it on" in a.counterexample
    assert "aged 12" not in a.counterexample
    assert "article 227-23, paragraph 1, sentence 2 of the Code pénal" in a.recommendation
