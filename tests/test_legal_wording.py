"""The words a lawyer reads, against the treaty and statute text lexdraft holds (two independent legal reads of the
review, the check and the atlas): the treaty's situations of Art. 14(2) as the treaty words them, one name for the
treaty in a Taiwan review, and quotations that show the paragraph cited."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for

pytestmark = pytest.mark.usefixtures("bundled_only")

CSAM = """
provision ie.act.{n} {{
  jurisdiction ie
  status       in-force
  title        zh "罪" en "Offence"
  conduct      produce, distribute, possess
  object       csam {{
    person minor
    standard {standard}
  }}
  penalty
    base imprisonment <= 3 years
}}
"""


def findings(article: str, *sources: str) -> dict[str, Finding]:
    drafts, _ = load_sources([(f"t{i}.lexd", s) for i, s in enumerate(sources)])
    report = check(spec_for(article), drafts.provisions, drafts.rules)
    return {f.requirement.id: f for f in report.verdicts}


def _notes(f: Finding, lang: str) -> str:
    return "\n".join(getattr(n.text, lang) or "" for n in f.notes)


@pytest.mark.parametrize("standard", ["sexually-explicit", "obscene"])
def test_a_standard_s_question_names_14_2_c_and_d_as_the_treaty_words_them(standard: str) -> None:
    """14(2)(c) is sexual parts displayed for *primarily* sexual purposes; 14(2)(d) is torture or cruel, inhuman or
    degrading treatment or punishment of a child, the material being sexual in nature: not 'sexual torture'."""
    f = findings("uncc.14", CSAM.format(n=1, standard=standard))["uncc.14.2"]
    en, zh = _notes(f, "en"), _notes(f, "zh")
    assert "torture or cruel, inhuman or degrading treatment or punishment, the material being sexual in nature" in en
    assert "酷刑或者残忍、不人道、有辱人格的待遇或者处罚" in zh and "且该材料具有性内容" in zh
    assert "sexual torture" not in en and "性酷刑" not in zh
    if standard == "sexually-explicit":
        assert "displayed for primarily sexual purposes (c)" in en and "以性为主要目的展示儿童性部位（(c)项）" in zh


def test_a_text_split_by_an_unquoted_comma_is_a_located_error(tmp_path) -> None:
    """`{en: a, b, zh: c}` is the text "a" and a key "b": the review said "as an offence about the material itself"
    where its data and its Chinese (不论材料如何制作) add ", however it was made"."""
    from lexdraft.diagnostics import LexdraftError
    from lexdraft.treaty.review import load_review_data

    bad = tmp_path / "review.yaml"
    bad.write_text("limits:\n  person: {en: about the material itself, however it was made, zh: 不论材料如何制作}\n",
                   encoding="utf-8")
    with pytest.raises(LexdraftError) as e:
        load_review_data(str(bad))
    (d,) = e.value.diagnostics
    assert d.code == "E303" and "`however it was made`" in d.message and "quote the text" in d.hints[0]
    assert d.span is not None and d.span.line == 2


def test_the_person_limit_recommends_the_material_however_it_was_made_in_both_languages() -> None:
    from lexdraft.treaty.review import review_data

    data = review_data()
    person = data.limit("person", "uncc.14")
    assert person is not None
    assert person.en == "as an offence about the material itself, however it was made"
    assert "不论材料如何制作" in person.zh
    adults = data.limit("adults-only", "uncc.14")
    assert adults is not None and adults.en == "whoever commits it, whatever their age"
