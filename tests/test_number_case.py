"""A pack says how the word parts of its article numbers are written (`citation.<lang>.case`): Mexico's code writes
its inserted articles 199 Octies and 202 Bis (`capitalized`), Italian usage 199 octies (`as-written`, the default);
no pack could print 'Octies' before."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.cli import main

PACK = """code: mx
names: {{own: México, en: Mexico}}
languages: [es]
numbering:
  pattern: '[0-9]{{1,3}}(-(bis|ter|octies))?'
  examples: ['199-octies', '202-bis', '12']
citation:
  en: {{article: 'article {{head}}{{subs}}', sub: ' {{n}}', paragraph: '{{article}}, paragraph {{paragraph}}'{case}}}
style: common-law-en
instruments:
  cpf: {{en: Federal Criminal Code, own: Código Penal Federal}}
"""

DRAFT = """provision mx.cpf.199-octies {
  jurisdiction mx
  status       in-force
  instrument   cpf
  title        en "Child sexual abuse material"
  mental       intent
  conduct      produce
  object       csam {
    person minor
  }
  prosecution  public
  penalty
    base imprisonment 7..12 years
  translation  working-gloss
  text         es "Texto del artículo."
               en "The text of the article."
}
"""


@pytest.mark.parametrize(("case", "cited"), [(", case: capitalized", "article 199 Octies"), ("", "article 199 octies")])
def test_a_pack_says_how_a_number_s_word_parts_are_written(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                           case: str, cited: str) -> None:
    (tmp_path / "packs" / "mx").mkdir(parents=True)
    (tmp_path / "packs" / "mx" / "pack.yaml").write_text(PACK.format(case=case), encoding="utf-8")
    draft = tmp_path / "199-octies.lexd"
    draft.write_text(DRAFT, encoding="utf-8")
    capsys.readouterr()
    try:
        assert main(["render", str(draft), "--pack", str(tmp_path / "packs"), "--no-cache"]) == 0
    finally:
        packs.use(())
    out = capsys.readouterr().out
    assert f"Federal Criminal Code, {cited}" in out, out
