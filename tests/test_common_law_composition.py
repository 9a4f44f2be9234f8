"""Composed common-law sections say what a section of subsections says (LAWYER-S24 N-6): a sentence on the conditions
before it names their subsection ('the conditions in subsection (6)'), never 'the preceding paragraph' of the
official translations of Chinese law; and age bands that join into one are said as one ('a person under 18 years of
age', not 'a person under 16 years of age or a person aged 16 or 17')."""

from __future__ import annotations

from lexdraft.pipeline import load_sources
from lexdraft.wording.render import render

_DRAFT = """provision sg.penal-code.990 {{
  jurisdiction sg
  status       proposed
  instrument   penal-code
  title        en "Possessing child abuse material"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts      sexual-activity
    person       {person}
    medium       visual
    origin       real | synthetic
    virtual-test high-verisimilitude, existing-persons-exempt
  }}
  prosecution  public
  penalty
    base imprisonment <= 5 years
}}
"""


def _lines(person: str) -> list[str]:
    drafts, _ = load_sources([("x.lexd", _DRAFT.format(person=person))])
    (p,) = drafts.provisions
    return render(p, "en", {p.id: p}).splitlines()


def test_the_sentence_on_the_conditions_names_their_subsection() -> None:
    lines = _lines("minor")
    test = next(line for line in lines if line.endswith("only if—"))
    number = int(test[1:test.index(")")])
    assert f"({number + 1}) Synthetic material depicting an existing person under eighteen is not subject to the " \
        f"conditions in subsection ({number})." in lines, lines
    assert not any("preceding paragraph" in line for line in lines), lines


def test_age_bands_that_join_are_said_as_one() -> None:
    joined = "\n".join(_lines("child-under-16 | minor-aged-16-or-17"))
    assert "depicts a person under 18 years of age in real or simulated sexual activity" in joined, joined
    assert "aged 16 or 17" not in joined
    # bands with a gap between them stay as they are
    apart = "\n".join(_lines("child-under-14 | minor-aged-16-or-17"))
    assert "a child under 14 years of age or a person aged 16 or 17" in apart, apart


def test_a_treaty_word_at_its_least_certain_is_printed_plain_and_its_doubt_noted_where_printed() -> None:
    """The English lexdraft composes takes a depiction in the Convention's reconstructed words (Art. 14(2)(d)) in the
    reading the reference gives, "inhumane", with no mark in the statute text: the doubt (it may read "inhuman") is a
    drafting note, beside a text that prints the word and no other (LAWYER-S27: the mark stood in bill text, and the
    note stood beside a Taiwan article whose words name no such treatment). In both drafting styles: common-law
    sections and the official translations' English."""
    prc = _DRAFT.replace("sg.penal-code.990", "prc.criminal-law.990").replace("jurisdiction sg", "jurisdiction prc")
    prc = prc.replace("instrument   penal-code", "instrument   criminal-law").replace(
        "title        en", 'title        zh "持有儿童性虐待材料罪" en')
    note = "Treaty words: the text follows the Convention's English as reconstructed, not yet checked against the " \
        "official English, and least certain here: “inhumane” may read “inhuman”; a drafter checks it against the " \
        "official text."
    for draft in (_DRAFT, prc):
        drafts, _ = load_sources([("x.lexd", draft.format(person="minor").replace(
            "depicts      sexual-activity", "depicts      sexual-activity | sexual-torture"))])
        (p,) = drafts.provisions
        en = render(p, "en", {p.id: p})
        text, notes = en.split("Drafting notes")
        assert "cruel, inhumane or degrading treatment" in text and "⟨" not in text, en
        assert note in notes, en
        zh = render(p, "zh", {p.id: p}) if p.jurisdiction and p.jurisdiction.name == "prc" else ""
        assert "⟨" not in zh and "公约用语" not in zh, zh
    # Taiwan's article says its material in the statute's own words, which name no such treatment: no note
    tw = _DRAFT.replace("sg.penal-code.990", "tw.csepa.990").replace("jurisdiction sg", "jurisdiction tw").replace(
        "instrument   penal-code", "instrument   csepa").replace(
        "title        en", 'title        zh-hant "持有兒童或少年性影像罪" en')
    drafts, _ = load_sources([("x.lexd", tw.format(person="minor").replace(
        "depicts      sexual-activity", "depicts      sexual-activity | sexual-torture"))])
    (p,) = drafts.provisions
    en = render(p, "en", {p.id: p})
    assert "inhuman" not in en and "Treaty words" not in en, en
