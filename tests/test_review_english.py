"""The English of a review as an independent legal read found it, for any State's statute: the word a new article is
called by (its pack's numbering), a threshold named one way, a sentence several provisions share, a paragraph quoted
alone."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.outputs import review as out
from lexdraft.pipeline import load_sources, review_drafts

HERE = Path(__file__).resolve().parent


@pytest.fixture(autouse=True)
def testland() -> Iterator[None]:
    """Testland (tests/styles/packs/xx), a common-law State whose statutes are sections, beside the bundled packs."""
    packs.use([str(HERE / "styles" / "packs")])
    yield
    packs.use(())


def _page(source: str, *articles: str, lang: str = "en") -> str:
    drafts, _ = load_sources([("t.lexd", source)])
    return out.to_markdown(review_drafts(drafts, list(articles)), lang)


POSSESSION = """provision nz.fvpca.30 {
  jurisdiction nz
  status       in-force
  instrument   fvpca
  title        en "Possessing child sexual abuse material"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      produce, distribute, possess
  means        any-means
  object       csam {
    person minor
  }
  prosecution  public
  penalty
    base imprisonment <= 5 years
}
"""


def test_a_new_provision_is_called_what_the_pack_numbers() -> None:
    """A common-law State's statute is in sections (New Zealand's pack: "section 22A"): a suggested new provision is
    "a new section", and the review never calls it an article."""
    page = _page(POSSESSION, "uncc.14")
    assert "Insert a new section, Films, Videos, and Publications Classification Act 1993, section 30A" in page, page
    assert "under the new section" in page and "insert the same section" in page
    assert not re.search(r"new article|same article|articles suggested", page), \
        re.findall(r".{30}(?:new article|same article|articles suggested).{30}", page)


IMAGES = """provision nz.hdca.40 {
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Posting an intimate visual recording"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      distribute, transmit, sell, publish
  means        any-means
  object       intimate-image {
    depicts    exposed-sexual-organs | sexual-activity
    person     adult
  }
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}
"""


# A body-corporate clause of one Act: the other Act's offences stay offences of natural persons only
CLAUSE = """rule nz.hdca.5 {
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Bodies corporate"
  source       "a test clause"
  kind         legal-persons
  reaches      nz.hdca.40
  punishes     fine-on-unit, responsible-persons-punished
  text         en \"\"\"A body corporate is liable for an offence under section 40 …\"\"\"
}
"""


def test_a_sentence_said_of_several_provisions_speaks_of_each_and_lists_them_one_way() -> None:
    """"Only natural persons can commit this offence", said once after a list of two provisions, speaks of each of
    them; a list parts the articles of one law by commas, the law named once after them, and the laws by semicolons,
    in a sentence's list and a list before a sentence alike."""
    sources = POSSESSION + POSSESSION.replace(".30 {", ".31 {") + IMAGES + \
        POSSESSION.replace("fvpca.30", "hdca.41").replace("fvpca", "hdca") + CLAUSE
    page = _page(sources, "uncc.14", "uncc.16", "uncc.18")
    listed = "section 30, section 31 of the Classification Act; section 41 of the Harmful Digital Communications Act"
    said = f"- S{listed[1:]}: On the provisions given, only natural persons can commit each of these offences; a legal"
    assert said in page, [line for line in page.splitlines() if "natural persons can commit" in line]
    assert f"| {listed} |" in page and f"The object of {listed} reaches" in page, page
    assert not re.search(r"section \d+; section \d+ of the", page, re.IGNORECASE)
    zh = _page(sources, "uncc.18", lang="zh")
    assert "：依所审查的条文，各该罪的主体仅限自然人，参与各该罪的法人不因各该条承担责任" in zh, zh
    assert "a legal person that takes part in any of them is not liable" in page


def test_a_sentence_said_of_several_names_each_provision_by_its_unit_and_the_law_once() -> None:
    """Said of several, 该条 is each of the provisions listed: 各该款 / 各该项 where each is a paragraph, 各该条 where
    one is an article; the law's name (该条例) is one law and stays; "takes part in it" is in any of them."""
    from lexdraft.wording.words import of_several

    zh = "该罪属于该条例第三十九条第三项；该条限于影像，该条文亦规定其他方式。"
    paragraphs = ["《条例》第三十九条第一项", "第三十九条第二项"]
    said = "各该罪属于该条例第三十九条第三项；各该项限于影像，各该条文亦规定其他方式。"
    assert of_several(zh, "zh", paragraphs) == said
    assert "各该款限于" in of_several(zh, "zh", ["第二百三十七条第一款", "第三百六十三条第一款"])
    assert "各该条限于" in of_several(zh, "zh", ["第三百十九条之三第一项", "第三百十九条之四"])
    assert "各该条限于" in of_several(zh, "zh")
    en = ("Only natural persons can commit this offence; a legal person that takes part in it is not liable under "
          "this provision.")
    assert of_several(en, "en") == ("Only natural persons can commit each of these offences; a legal person that "
                                    "takes part in any of them is not liable under any of these provisions.")


def test_the_check_and_the_atlas_say_of_several_subsections_each_subsection() -> None:
    """The check's report and the atlas name the provisions a reason is shared by with their ids, yet say of several
    paragraphs 各该款, as the review does: they said 各该条 of subsections 30(1) and 31(1)."""
    from lexdraft.outputs import report
    from lexdraft.outputs.atlas import atlas, to_csv
    from lexdraft.pipeline import check_set

    sources = POSSESSION.replace("fvpca.30 {", "fvpca.30.1 {") + POSSESSION.replace("fvpca.30 {", "fvpca.31.1 {") + \
        IMAGES + CLAUSE
    drafts, _ = load_sources([("t.lexd", sources)])
    checked = check_set(drafts, ["uncc.18"])
    text = report.to_text(checked[0].report, "zh")
    assert ("nz.fvpca.30.1、nz.fvpca.31.1: 依所审查的条文，各该罪的主体仅限自然人，参与各该罪的法人不因各该款承担责任"
            in text), text
    matrix = to_csv(atlas([(c.jurisdiction, c.report) for c in checked], "zh"))
    assert "各该款承担责任" in matrix and "各该条" not in matrix, matrix
    whole = POSSESSION + POSSESSION.replace("fvpca.30 {", "fvpca.31.1 {") + IMAGES + CLAUSE  # a section, a subsection
    drafts, _ = load_sources([("t.lexd", whole)])
    assert "不因各该条承担责任" in report.to_text(check_set(drafts, ["uncc.18"])[0].report, "zh")


def test_a_provision_cited_by_its_paragraph_quotes_that_paragraph_of_its_english_gloss() -> None:
    """A provision whose id names a paragraph of a statute in another language (France's alinéas, the lines of its
    text) quotes that paragraph alone in an English review, its gloss marking the paragraphs (¶2) as
    docs/language.md asks: France's art. 226-2-1 paragraphs each quoted both alinéas."""
    from lexdraft.language.ast import Provision
    from lexdraft.pipeline import load
    from lexdraft.wording.citations import article_id

    whole = []
    for folder in sorted((HERE.parent / "drafts").glob("*/in-force")):
        drafts = load([str(folder)])
        provisions = {p.id: p for p in drafts.provisions}
        for p in drafts.provisions:
            if not isinstance(p, Provision) or p.text is None or not p.text.en or article_id(p).paragraph is None:
                continue
            own = [w for w in (p.text.zh, p.text.zh_hant, *(words for _, words in p.text.other)) if w]
            if not own or sum(bool(line.strip()) for line in own[0].split("\n")) < 2:
                continue  # no text in its own language, or one paragraph: nothing else to leave out
            quoted, _ = out._quote(p, "en", provisions)
            if quoted and "…" not in quoted:
                whole.append(p.id)
    assert not whole, whole


FRENCH = """provision fr.code-penal.300.{n} {{
  jurisdiction fr
  status       in-force
  instrument   code-penal
  title        en "Disseminating an image of a minor"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      distribute
  means        any-means
  object       csam {{
    person minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 5 years
}}
"""


def test_a_law_is_named_one_way_and_citations_with_commas_are_listed_by_semicolons() -> None:
    """A French review called the law "Criminal Code (France)" in its measures and "the Code pénal" in its sentences:
    the first measure of a law whose pack's short name is no part of its full name gives that short name, so the
    two are one law; France cites "article 300, paragraph 1", so a list of its articles is parted by semicolons."""
    page = _page(FRENCH.format(n=1) + FRENCH.format(n=2), "uncc.14")
    measures = [line for line in page.splitlines() if line.startswith("- **Criminal Code (France)")]
    assert [m.split("**")[1] for m in measures] == ["Criminal Code (France) (“Code pénal”), article 300, paragraph 1",
                                                    "Criminal Code (France), article 300, paragraph 2"], measures
    assert "article 300, paragraph 1; article 300, paragraph 2 of the Code pénal" in page
    assert "article 300, paragraph 1, article 300" not in page
    nz = _page(POSSESSION, "uncc.14")  # "the Classification Act" is part of its full name: nothing to give
    assert "- **Films, Videos, and Publications Classification Act 1993, section 30**" in nz


SUBSECTIONS = '''provision nz.fvpca.130.1 {
  jurisdiction nz
  status       in-force
  instrument   fvpca
  title        en "Possessing an objectionable publication"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      possess
  means        any-means
  object       csam {
    person minor
  }
  prosecution  public
  penalty
    base imprisonment <= 2 years
  text         en """
130 Possession of objectionable publications
(1) Every person commits an offence who has in that person's possession an objectionable publication.
(a) in the case of an individual; or
(b) in the case of a body corporate.
(1A) Subsection (1) is subject to subsection (4).
(2) Every person who commits an offence against subsection (1) is liable on conviction to a fine.
"""
}
'''


def test_a_common_law_subsection_is_quoted_alone() -> None:
    """A section's paragraphs are its subsections, numbered at the start of their lines: section 130(1) quotes (1)
    with its paragraphs (a), (b), not the heading, (1A) or (2) (New Zealand's s. 131(1) quoted the whole section)."""
    page = _page(SUBSECTIONS, "uncc.14")
    (line,) = [x for x in page.splitlines() if x.startswith("- **Films, Videos, and Publications Classification Act")]
    assert ("“… (1) Every person commits an offence who has in that person's possession an objectionable publication. "
            "(a) in the case of an individual; or (b) in the case of a body corporate. …”") in line, line
    assert "(1A)" not in line and "liable on conviction" not in line
