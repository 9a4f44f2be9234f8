"""The atlas: statutes in their own language (French, Portuguese, English) with the translations a draft carries,
the eight bundled packs of the atlas jurisdictions, and the `lexdraft atlas` matrix checked against a lawyer's
expectations (tests/expected/atlas-verdicts.yaml)."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.cli import main
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


@pytest.fixture(autouse=True)
def bundled_only() -> object:
    packs.use(())
    yield
    packs.use(())


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


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
        "Prosecution on complaint", "Criminal Code (France), article 226-6 (in force)", "Law as at 2016-10-08.",
        ("The authentic French text comes first. The English below it is a working gloss prepared for lexdraft, not "
         "an official or published translation; only the French text is authoritative.")]
    french = lines.index("Dans les cas prévus par les articles 226-1 à 226-2-1, l'action publique ne peut être "
                         "exercée que sur plainte")
    assert lines[french + 1] == "de la victime, de son représentant légal ou de ses ayants droit."
    assert lines[french + 3] == "English translation (a working gloss):"
    assert lines[french + 4].startswith("In the cases provided for in arts. 226-1 to 226-2-1")


def test_a_french_statute_in_chinese_says_no_chinese_translation_is_given(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", draft(tmp_path, FRENCH), "--lang", "zh")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[:4] == ["Plainte préalable", "《法国刑法典》第226-6条（现行有效）", "本条文为截至2016-10-08的文本。",
                         "本条目未载有该条文的中文译文；以下为条文的作准文本（法文）原文，本工具不翻译条文。"]
    assert "Dans les cas prévus" in out
    assert "In the cases provided" not in out  # never an English stand-in, never a machine translation


def test_a_chinese_translation_is_shown_with_its_own_standing(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    chinese = '               zh "在第226-1条至第226-2-1条规定的情形下，须经被害人告诉方可提起公诉。"\n'
    source = FRENCH.replace('  translation  en working-gloss\n', '  translation  en working-gloss\n'
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
