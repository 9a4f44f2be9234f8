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


def test_a_common_law_subsection_is_substituted_as_that_subsection() -> None:
    """LAWYER: a suggestion for one subsection of a section came out as a whole section, (1) to (3), under 'Section
    24(1) is replaced by the following:', which would put a penalty and a definition inside subsection (1). It is set
    out as a drafting office substitutes a subsection, the composed offence numbered as the subsection it replaces;
    the composed penalty and definition are a drafting note, no part of the amendment."""
    lines = _rendered("nz.fvpca.24.2", "nz", "Films, Videos, and Publications Classification Act 1993", "en")
    assert lines[0] == "Section 24(2) (proposed)", lines
    at = lines.index("In section 24, for subsection (2) substitute—")
    assert lines[at + 1] == ("(2) A person commits an offence if the person possesses child sexual abuse or child "
                             "sexual exploitation material."), lines
    assert not any(line.startswith(("(1) ", "(3) ")) for line in lines), lines
    assert any(line.startswith("Composed with it, for comparison with the section's own subsections, which stand "
                               "(not part of the amendment): (2) A person who commits an offence under subsection (1)")
               for line in lines), lines


def test_a_paragraph_of_a_subsection_s_list_is_substituted_as_that_paragraph() -> None:
    """A Kenya-style s. 24(1)(c): In section 24(1), for paragraph (c) substitute— (c) possesses …"""
    lines = _rendered("nz.fvpca.24.1.c", "nz", "Films, Videos, and Publications Classification Act 1993", "en")
    assert lines[0] == "Section 24(1)(c) (proposed)", lines
    at = lines.index("In section 24(1), for paragraph (c) substitute—")
    assert lines[at + 1] == "(c) possesses child sexual abuse or child sexual exploitation material.", lines
    assert not any(line.startswith(("(1) ", "(2) ")) for line in lines), lines


def test_a_means_beside_any_means_is_no_limit_the_composed_text_states() -> None:
    """LAWYER-S25 must-fix 3: Ireland's s. 6 (`means ict-system, any-means`: access by ICT, possession by any means)
    was composed 'by means of an information and communications technology system, acquires, possesses, accesses',
    putting on possession a limit Art. 14(1)(c) does not allow ('or another storage medium')."""
    wide = _PROPOSAL.replace("  conduct      possess\n",
                             "  conduct      possess, access\n  means        ict-system, any-means\n")
    drafts, _ = load_sources([("x.lexd", wide.format(id="nz.crimes-act.990", jurisdiction="nz", act="Crimes Act"))])
    (p,) = drafts.provisions
    text = render(p, "en", {p.id: p})
    assert "possesses or accesses" in text and "by means of" not in text, text
    ict = _PROPOSAL.replace("  conduct      possess\n", "  conduct      possess\n  means        ict-system\n")
    drafts, _ = load_sources([("x.lexd", ict.format(id="nz.crimes-act.990", jurisdiction="nz", act="Crimes Act"))])
    (p,) = drafts.provisions
    assert "by means of" in render(p, "en", {p.id: p})  # a means alone is a limit, and is said


_IN_FORCE = """provision nz.fvpca.990 {
  jurisdiction nz
  status       in-force
  instrument   fvpca
  title        en "Possessing material of children"
  source       "synthetic"
  provenance   v-primary
  actors       natural-person
  mental       knowledge
  conduct      acquire, possess, access
  means        any-means
  object       csam {
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
  }
  prosecution  public
  penalty
    base imprisonment <= 5 years
  text         en \"\"\"
990. (1) Any person who knowingly possesses child pornography commits an offence.
(2) Any person who attempts to commit an offence under subsection (1) commits an offence.
\"\"\"
}
"""


def test_a_composed_replacement_of_a_section_in_force_says_what_it_leaves_out(tmp_path) -> None:
    """LAWYER-S25 must-fix 3: a section in force amended by a text composed from its encoded elements (Ireland's s. 6
    given soliciting) replaced it whole, dropping its attempt and summary-penalty subsections, and the review did not
    say so: it now says the text replaces the section whole and a drafter amends only the words that change."""
    from lexdraft.outputs import review as out
    from lexdraft.pipeline import load, review_drafts

    (tmp_path / "nz.lexd").write_text(_IN_FORCE, encoding="utf-8")
    review = review_drafts(load([str(tmp_path)]), ["uncc.14"])[0]
    rows = [p.amendment for a in out.page(review, "en").articles for p in a.paragraphs if p.amendment is not None]
    amended = [r for r in rows if r.what.startswith("Amend ")]
    assert amended, [r.what for r in rows]
    assert all("replaces it whole" in r.what and "attempt" in r.what for r in amended), [r.what for r in amended]
    zh = [p.amendment for a in out.page(review, "zh").articles for p in a.paragraphs if p.amendment is not None]
    assert any("替换整条" in r.what for r in zh), [r.what for r in zh]
