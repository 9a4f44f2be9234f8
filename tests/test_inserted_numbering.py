"""A suggested new article is numbered as its pack numbers inserted articles (`numbering.inserted`): 253-1 (之一)
after 253, 22A after 22 and 377BF after 377BE where sections are lettered, 241-A after 241 in Brazil's form; never
'22-1', which a lettered pack's numbering does not take (so that no new article could be suggested for it). Where a
hyphen in an id marks a lettered paragraph (the Philippines' 4-s, section 4(s)), a section inserted after section 4 is
4a, cited "section 4-A", never 4-a, which is paragraph (a). A number the pack knows the Act uses is never suggested."""

from __future__ import annotations

import pytest

from lexdraft.language.parse import parse_text
from lexdraft.packs import next_inserted
from lexdraft.treaty.amend import NEW_ARTICLE, suggest_amendment
from lexdraft.treaty.spec import spec_for


@pytest.mark.parametrize(("form", "number", "after"), [
    ("{number}-{1}", "253", "253-1"), ("{number}-{1}", "253-1", "253-2"), ("{number}-{1}", "227-23-9", "227-23-10"),
    ("{number}{a}", "22", "22a"), ("{number}{a}", "22a", "22b"), ("{number}{a}", "377be", "377bf"),
    ("{number}{a}", "377bz", "377bza"), ("{number}-{a}", "241", "241-a"), ("{number}-{a}", "241-c", "241-d"),
    ("{number}{a}", "4-s", "4a"), ("{number}{a}", "4a-s", "4b"),
])
def test_the_next_inserted_number_follows_the_pack_s_form(form: str, number: str, after: str) -> None:
    assert next_inserted(form, number) == after


# A set of one section in force of a lettered pack: possessing the material, and nothing that makes or spreads it.
_SET = """provision {ident} {{
  jurisdiction {code}
  status       in-force
  instrument   {act}
  title        en "Possessing child sexual abuse material"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person   minor
    medium   visual
  }}
  prosecution  public
  penalty
    base imprisonment <= 5 years
}}
"""


def _requirement(rid: str):
    return next(q for q in spec_for(".".join(rid.split(".")[:2])).requirements if q.id == rid)


@pytest.mark.parametrize(("ident", "act", "expected", "after", "cited", "note"), [
    ("nz.fvpca.131", "fvpca", "nz.fvpca.131a", "131", "section 131A", "the Act may already use it"),
    # the Philippines: after section 4, or after its paragraph (s), the section inserted is 4-A
    ("ph.ra-11930.4", "ra-11930", "ph.ra-11930.4a", "4", "section 4-A", "the Act may already use it"),
    ("ph.ra-11930.4-s", "ra-11930", "ph.ra-11930.4a", "4", "section 4-A", "the Act may already use it"),
    # Singapore's pack knows ss. 377BA-377BO are in use: the next free number, and no question to a drafter; the note
    # cites where the list is from with the reference's provenance mark
    ("sg.penal-code.377be", "penal-code", "sg.penal-code.377bp", "377bo", "s. 377BP",
     ("neither the set nor the numbers the Act is known to use (ss. 377BA-377BO and 377C, inserted by the Criminal "
      "Law Reform Act 2019 (Act 15 of 2019) [P: criminaldefence.sg])")),
])
def test_a_lettered_pack_gets_a_new_section_numbered_as_it_inserts_them(ident: str, act: str, expected: str,
                                                                        after: str, cited: str, note: str) -> None:
    from lexdraft.wording.citations import article_label

    code = ident.split(".")[0]
    (p,) = parse_text(_SET.format(ident=ident, code=code, act=act), "set.lexd").documents
    am = suggest_amendment(_requirement("uncc.14.1.a"), [p])
    assert am is not None and am.rank == NEW_ARTICLE, am
    doc = am.document
    assert doc.id == expected
    assert doc.instrument is not None and (doc.instrument.inserts, doc.instrument.after) == (
        expected.rsplit(".", 1)[1], after)
    assert article_label(doc.instrument.inserts, code, "en") == cited
    assert note in am.lexd
    assert ("the Act may already use it" in am.lexd) == (note == "the Act may already use it")


@pytest.mark.parametrize(("pattern", "examples", "form"), [
    ("[0-9]{1,4}[a-z]{0,2}", ["3", "22a"], "{number}{a}"),  # a lettered code that states no `inserted` (Hong Kong's)
    ("[0-9]{1,4}(-[a-z])?", ["241", "241-a"], "{number}-{a}"),
    ("[0-9]{1,3}(-[0-9]{1,2})*", ["253", "253-1"], "{number}-{1}"),
    ("[0-9]{1,4}", ["12"], "{number}-{1}"),  # no form the pattern takes: the first, and no article is suggested
])
def test_a_pack_without_an_inserted_form_takes_the_one_its_numbering_takes(pattern: str, examples: list[str],
                                                                        form: str) -> None:
    """A pack that states no `numbering.inserted` numbers a suggested article in the first form whose number after
    each of its examples its pattern takes: a lettered code is not left without any suggested article."""
    from lexdraft.packs.pack import inserted_form

    assert inserted_form({"pattern": pattern, "examples": examples}) == form
    assert inserted_form({"pattern": pattern, "examples": examples, "inserted": "{number}-{a}"}) == "{number}-{a}"


def test_a_section_lettered_after_its_number_is_cited_as_the_pack_says() -> None:
    """`lettered` sets an inserted section's letters off its number (4-A) and leaves its lettered paragraphs alone."""
    from lexdraft.packs import Citation

    cite = Citation(article="section {head}{subs}", sub="({n})", lettered="{number}-{letters}", case="upper-head")
    assert [cite.label(n) for n in ("4", "4-s", "4a", "4a-s")] == [
        "section 4", "section 4(s)", "section 4-A", "section 4-A(s)"]
    assert Citation(article="s. {number}", case="upper").label("377bf") == "s. 377BF"  # no `lettered`: as written


def test_an_inserted_article_on_a_number_the_act_uses_is_refused() -> None:
    """E230: inserting s. 377BF, which the pack knows the Penal Code uses, though the set does not quote it."""
    from lexdraft.language.lint import lint

    draft = _SET.format(ident="sg.penal-code.377be", code="sg", act="penal-code") + """
provision sg.penal-code-amendment.377bf {
  jurisdiction sg
  status       proposed
  instrument   amendment to "Penal Code 1871" inserting article 377bf after 377be
  title        en "Accessing child sexual abuse material"
  actors       natural-person
  mental       intent
  conduct      access
  object       csam {
    depicts  sexual-activity
    person   minor
    medium   visual
  }
  prosecution  public
  penalty
    base imprisonment <= 5 years
}
"""
    codes = [d.code for d in lint([parse_text(draft, "set.lexd")])]
    assert "E230" in codes, codes
