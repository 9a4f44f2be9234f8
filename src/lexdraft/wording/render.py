"""Render a provision, obligation, rule, interpretation or amendment bill as Chinese or English text: the wording
entry point."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..diagnostics import fail
from ..language import ast as A
from .bills import BillPage, bill_page
from .environment import environment
from .interpretations import interpretation_page
from .pages import InterpretationPage, ProvisionPage, obligation_page, provision_page, rule_page
from .sections import SectionPage, is_section, section_page

LANGS = ("zh", "en")


def render(doc: A.Document, lang: str, provisions: Mapping[str, A.Provision]) -> str:
    """Render one provision, obligation or interpretation in `lang` ("zh" or "en") as plain text."""
    if lang not in LANGS:
        raise fail("E401", f"cannot render in {lang!r}", doc.span, "choose zh or en")
    if isinstance(doc, A.Interpretation):
        page: ProvisionPage | InterpretationPage | SectionPage | BillPage = interpretation_page(doc, provisions, lang)
        name = "interpretation.j2"
    elif isinstance(doc, A.Amendment):
        page, name = bill_page(doc, lang), "bill.j2"
    elif isinstance(doc, A.Provision) and is_section(doc, lang):
        page, name = section_page(doc, lang), "section.j2"
    else:
        page = provision_page(doc, lang) if isinstance(doc, A.Provision) else \
            rule_page(doc, lang) if isinstance(doc, A.Rule) else obligation_page(doc, lang)
        name = "statute.j2" if page.form == "statute" else "provision.j2"
    return environment().get_template(name).render(page=page)


def text_lines(doc: A.Document, lang: str, provisions: Mapping[str, A.Provision]) -> tuple[str, ...]:
    """The lines of a document's own text as `render` prints it, without heading, instruction or notes: what a report
    quotes of a proposal (an interpretation's articles, each after its label)."""
    if lang not in LANGS:
        raise fail("E401", f"cannot render in {lang!r}", doc.span, "choose zh or en")
    if isinstance(doc, A.Interpretation):
        page = interpretation_page(doc, provisions, lang)
        return tuple(f"{label}{page.words['space']}{line}" if i == 0 else line
                     for label, lines in page.articles for i, line in enumerate(lines))
    if isinstance(doc, A.Provision) and is_section(doc, lang):
        return section_page(doc, lang).lines
    if isinstance(doc, A.Provision):
        return provision_page(doc, lang).lines
    return (rule_page(doc, lang) if isinstance(doc, A.Rule) else obligation_page(doc, lang)).lines


def provisions_of(documents: Sequence[A.Document]) -> dict[str, A.Provision]:
    """The provisions among some documents, by id: the `provisions` argument of render."""
    return {d.id: d for d in documents if isinstance(d, A.Provision)}

