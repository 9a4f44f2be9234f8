"""A suggested new article is numbered as its pack numbers inserted articles (`numbering.inserted`): 253-1 (之一)
after 253, 22A after 22 and 377BF after 377BE where sections are lettered, 241-A after 241 in Brazil's form; never
'22-1', which a lettered pack's numbering does not take (so that no new article could be suggested for it)."""

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


@pytest.mark.parametrize(("ident", "act", "expected", "cited"), [
    ("nz.fvpca.131", "fvpca", "nz.fvpca.131a", "section 131A"),
    ("sg.penal-code.377be", "penal-code", "sg.penal-code.377bf", "s. 377BF"),
])
def test_a_lettered_pack_gets_a_new_section_numbered_as_it_inserts_them(ident: str, act: str, expected: str,
                                                                        cited: str) -> None:
    from lexdraft.wording.citations import article_label

    code = ident.split(".")[0]
    (p,) = parse_text(_SET.format(ident=ident, code=code, act=act), "set.lexd").documents
    am = suggest_amendment(_requirement("uncc.14.1.a"), [p])
    assert am is not None and am.rank == NEW_ARTICLE, am
    doc = am.document
    assert doc.id == expected
    assert doc.instrument is not None and (doc.instrument.inserts, doc.instrument.after) == (
        expected.rsplit(".", 1)[1], ident.rsplit(".", 1)[1])
    assert article_label(doc.instrument.inserts, code, "en") == cited
    assert "the Act may already use it" in am.lexd
