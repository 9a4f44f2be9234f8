"""A suggested amendment composed for one paragraph (or one sentence of it) of an article in force is set out as that
paragraph's replacement, never as the whole article, which read literally would repeal the article's other
paragraphs (LAWYER M-5: France's art. 227-23 al. 4 was headed 'Article 227-23 (proposed)')."""

from __future__ import annotations

from lexdraft.pipeline import load_sources
from lexdraft.wording.render import render

_PROPOSAL = """provision {id} {{
  jurisdiction {jurisdiction}
  status       proposed
  instrument   amendment to "{act}"
  title        zh "持有儿童性虐待材料罪"
               en "Possessing material of children"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
"""


def _rendered(pid: str, jurisdiction: str, act: str, lang: str) -> list[str]:
    drafts, _ = load_sources([("x.lexd", _PROPOSAL.format(id=pid, jurisdiction=jurisdiction, act=act))])
    (p,) = drafts.provisions
    return render(p, lang, {p.id: p}).splitlines()


def test_a_common_law_section_replacing_a_paragraph_is_cited_and_introduced_as_the_paragraph() -> None:
    lines = _rendered("fr.code-penal.990.4", "fr", "Code pénal", "en")
    assert lines[0] == "Article 990, paragraph 4 (proposed)", lines
    assert "Paragraph 4 of article 990 is replaced by the following:" in lines, lines
    # no article heading, which would title the whole article by one paragraph's acts
    assert not any(line.startswith("990 ") for line in lines), lines
    sentence = _rendered("fr.code-penal.990.1.1", "fr", "Code pénal", "en")
    assert sentence[0] == "Article 990, paragraph 1, sentence 1 (proposed)", sentence
    assert "Article 990, paragraph 1, sentence 1 is replaced by the following:" in sentence, sentence


def test_a_statute_style_replacement_of_a_paragraph_says_which_paragraph_in_both_languages() -> None:
    zh = _rendered("prc.criminal-law.990.2", "prc", "中华人民共和国刑法", "zh")
    assert "《中华人民共和国刑法》第九百九十条第二款（立法建议稿）" in zh, zh
    assert "将刑法第九百九十条第二款修改为：" in zh, zh
    en = _rendered("prc.criminal-law.990.2", "prc", "中华人民共和国刑法", "en")
    assert "Paragraph 2 of Article 990 of the Criminal Law is amended to read:" in en, en


def test_a_proposal_for_a_whole_article_stays_the_article() -> None:
    lines = _rendered("fr.code-penal.990", "fr", "Code pénal", "en")
    assert lines[0] == "Article 990 (proposed)" and "990 Possessing material of children" in lines, lines
    assert not any("replaced by" in line for line in lines), lines
