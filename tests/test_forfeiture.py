"""A forfeiture ordered beside the fine (Mexico's CPF art. 202: "… días multa, así como el decomiso de los objetos")
has a form: `fine mandatory and forfeiture`, printed back by fmt and composed after the fine in each drafting
style. Before, only the PRC's alternative (`or confiscation-of-property`) could be said, and 'and' was a syntax
error."""

from __future__ import annotations

import pytest

from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.pipeline import load_sources
from lexdraft.wording.render import render

_DRAFT = """provision {id} {{
  jurisdiction {j}
  status       proposed
  instrument   {act}
  title        {title} en "Producing child sexual abuse material"
  actors       natural-person
  mental       intent
  conduct      produce
  object       csam {{
    depicts  sexual-activity
    person   minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 12 years; fine {mode} <= 100000 {unit} and forfeiture
}}
"""

CASES = {
    "prc": ("prc.criminal-law.990", "criminal-law", 'zh "制作罪"', "mandatory", "yuan"),
    "tw": ("tw.csepa.990", "csepa", 'zh-hant "製造罪"', "additional", "twd"),
    "nz": ("nz.fvpca.990", "fvpca", "", "mandatory", "nzd"),
}


def _text(j: str) -> str:
    ident, act, title, mode, unit = CASES[j]
    return _DRAFT.format(id=ident, j=j, act=act, title=title, mode=mode, unit=unit)


def _rendered(j: str, lang: str) -> str:
    drafts, _ = load_sources([("x.lexd", _text(j))])
    (p,) = drafts.provisions
    return render(p, lang, {p.id: p})


def test_forfeiture_beside_a_fine_parses_and_prints_back() -> None:
    tree = parse_text(_text("nz"), "x.lexd")
    (p,) = tree.documents
    fine = p.penalties[0].fine
    assert fine is not None and fine.and_also is not None and fine.and_also.name == "forfeiture"
    assert fine.or_also is None
    assert "base imprisonment <= 12 years; fine mandatory <= 100000 nzd and forfeiture" in format_draft(tree)


@pytest.mark.parametrize(("j", "lang", "said"), [
    ("prc", "zh", "处十二年以下有期徒刑，并处十万元以下罚金，并没收犯罪物品。"),
    ("prc", "en", ("and shall also be fined not more than 100,000 yuan, and sentenced to forfeiture of the material "
                   "and the means used.")),
    ("tw", "zh", "處十二年以下有期徒刑，得併科新臺幣十萬元以下罰金，並沒收犯罪物品。"),
    ("nz", "en", ("is liable on conviction to imprisonment for a term not exceeding 12 years and a fine not exceeding "
                  "100,000 New Zealand dollars, and to forfeiture of the material and the means used.")),
])
def test_forfeiture_follows_the_fine_in_each_style(j: str, lang: str, said: str) -> None:
    assert said in _rendered(j, lang)
