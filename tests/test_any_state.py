"""What a lawyer encoding a statute of any State from docs/language.md alone could not write, or the check misread
(helper G1's probes of issue 12): each check is a small synthetic draft of the shape such a statute has, not its
text."""

from __future__ import annotations

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

pytestmark = pytest.mark.usefixtures("bundled_only")


def _findings(text: str, article: str) -> dict[str, Finding]:
    drafts, _ = load_sources([("offence.lexd", text)])
    return {v.requirement.id: v for v in check(spec_for(article), drafts.provisions, general_part=False).verdicts}


# "A has a defence if … B consented" (Scotland's Abusive Behaviour and Sexual Harm (Scotland) Act 2016 s. 2(3)(a)), or
# a want of consent stated as an element; `consent-line` and `exception-line` say which
SHARING = '''provision nz.hdca.80 {{
  jurisdiction nz
  status       in-force
  title        en "Sharing an intimate image"
  mental       intent
  conduct      share
  object       {object}
{consent}{exception}  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''
IMAGE = "intimate-image"
CHILD = ("csam {\n    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | "
         "sexual-torture\n    person     minor\n  }")


def test_a_consent_defence_is_written_with_its_burden_and_read_as_the_element_it_shifts() -> None:
    """Art. 16(1)'s "without the consent of the person depicted" is an element; "it is a defence that the person
    depicted consented" puts proof of consent on the accused, which the treaty leaves open: the verdict stands, and
    the reason says so with who must prove it."""
    defence = _findings(SHARING.format(object=IMAGE, consent="", exception=(
        "  exception    consent-of-depicted-person burden accused\n")), "uncc.16")["uncc.16.1"]
    element = _findings(SHARING.format(object=IMAGE, consent="  consent      absent\n", exception=""),
                        "uncc.16")["uncc.16.1"]
    assert defence.verdict is element.verdict is Verdict.MET, [n.text.en for n in defence.notes]
    said = [n.text.en or "" for n in defence.notes]
    assert any(t.startswith("The consent of the person depicted is a defence (the accused must prove it): Art. 16(1) "
                            "makes the want of consent an element") for t in said), said
    assert not any("consent of the person depicted is a defence" in (n.text.en or "") for n in element.notes)


@pytest.mark.parametrize(("consent", "exception"), [
    ("  consent      absent\n", ""),
    ("", "  exception    consent-of-depicted-person burden evidential\n"),
])
def test_a_childs_consent_as_element_or_defence_narrows_art_14(consent: str, exception: str) -> None:
    f = _findings(SHARING.format(object=CHILD, consent=consent, exception=exception).replace(
        "conduct      share", "conduct      distribute"), "uncc.14")["uncc.14.1.a"]
    assert f.verdict is Verdict.PARTLY_MET, [n.text.en for n in f.notes]
    assert any("Art. 14 makes no exception for a child's consent" in (n.text.en or "") for n in f.notes)


# -- a title composed for a jurisdiction names the object in its statute's own words -------------------------------

OWN_TERM = '''provision nz.hdca.93 {{
  jurisdiction nz
  status       in-force
  title        en "Dealing in child pornography"
  mental       intent
  conduct      produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available
  object       csam{called} {{
    person     minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 5 years
}}
'''


@pytest.mark.parametrize(("called", "en", "zh"), [
    (' called en "child pornography" zh "儿童色情物品"', "child pornography", "儿童色情物品罪"),
    (' called en "child pornography"', "child pornography", "未成年人性虐待或者性剥削材料罪"),
    ("", "child sexual abuse or child sexual exploitation material", "未成年人性虐待或者性剥削材料罪"),
])
def test_a_suggested_title_names_the_object_as_the_statute_does(called: str, en: str, zh: str) -> None:
    """Ireland's Child Trafficking and Pornography Act 1998 speaks of "child pornography": a title the review composes
    for an amendment of it uses those words where the draft states them (`object csam called en "…"`), and the
    treaty's term only in a language they are not given in."""
    from lexdraft.pipeline import review_drafts

    drafts, _ = load_sources([("o.lexd", OWN_TERM.format(called=called))])
    # the amendment of the section in force (new sections, 93A and 93B, are suggested beside it)
    [am] = [a for a in review_drafts(drafts, ["uncc.14"])[0].amendments() if a.amends == "nz.hdca.93"]
    assert am.document.title is not None
    assert am.document.title.en == ("Producing, offering, selling, distributing, transmitting, broadcasting, publicly "
                                    f"displaying, publishing, making available or possessing {en}")
    assert (am.document.title.zh or "").endswith(zh), am.document.title


def test_the_object_s_own_words_print_back_as_written() -> None:
    from lexdraft.language.parse import parse_text
    from lexdraft.language.printer import format_draft

    text = OWN_TERM.format(called=' called en "child pornography" zh "儿童色情物品"')
    tree = parse_text(text, "o.lexd")
    assert 'object       csam called zh "儿童色情物品" en "child pornography" {' in format_draft(tree)
    assert parse_text(format_draft(tree), "o.lexd") == tree
