"""The page model of each document, built as the text render builds it, for the Word and Akoma Ntoso writers."""

from __future__ import annotations

from collections.abc import Mapping

from ..diagnostics import fail
from ..language import ast as A
from ..wording.bills import BillPage, bill_page
from ..wording.interpretations import interpretation_page
from ..wording.pages import InterpretationPage, ProvisionPage, obligation_page, provision_page, rule_page
from ..wording.render import LANGS

Page = ProvisionPage | InterpretationPage | BillPage


def page_of(doc: A.Document, lang: str, provisions: Mapping[str, A.Provision]) -> Page:
    """The page the text render fills its template with: every word the other formats print comes from it."""
    if lang not in LANGS:
        raise fail("E401", f"cannot render in {lang!r}", doc.span, "choose zh or en")
    if isinstance(doc, A.Interpretation):
        return interpretation_page(doc, provisions, lang)
    if isinstance(doc, A.Provision):
        return provision_page(doc, lang)
    if isinstance(doc, A.Rule):
        return rule_page(doc, lang)
    if isinstance(doc, A.Amendment):
        return bill_page(doc, lang)
    return obligation_page(doc, lang)


__all__ = ["BillPage", "InterpretationPage", "Page", "ProvisionPage", "page_of"]
