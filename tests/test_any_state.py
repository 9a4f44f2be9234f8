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
