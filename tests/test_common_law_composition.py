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
