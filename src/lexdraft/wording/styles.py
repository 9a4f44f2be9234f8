"""Which wording says a clause: the drafting style the jurisdiction's pack names, in the language asked for."""

from __future__ import annotations

from collections.abc import Callable

from .. import packs
from ..diagnostics import LexdraftError, fail
from ..language import ast as A
from .citations import article_id
from .clause import ClauseWording, offence
from .en import OfficialEnglish
from .en_common_law import CommonLawEnglish, unit_words
from .zh import PrcChinese, TaiwanChinese

# The drafting styles by the name a jurisdiction's pack gives (`style:` in packs/<code>/pack.yaml): the wording
# of each language the style composes in. A style without a language composes nothing in it (E401), rather
# than borrowing another system's forms (a New Zealand section in the words of the PRC Criminal Law).
STYLES: dict[str, dict[str, Callable[[str], ClauseWording]]] = {
    "prc-amendment": {"zh": PrcChinese, "en": OfficialEnglish},
    "tw": {"zh": TaiwanChinese, "en": OfficialEnglish},
    "common-law-en": {"en": CommonLawEnglish},
}


def style_name(jurisdiction: str) -> str:
    """The drafting style the jurisdiction's pack names (E701 at the pack when lexdraft has no such style)."""
    p = packs.pack(jurisdiction)
    if p is None:
        raise fail("E403", f"no pack for the jurisdiction {jurisdiction!r}", None,
                   "add packs/<code>/pack.yaml for it (docs/language.md, \"Packs\")")
    if p.style not in STYLES:
        raise fail("E701", f"the pack of {jurisdiction!r} names the drafting style {p.style!r}, in which lexdraft "
                   "cannot compose", p.span, "choose " + ", ".join(STYLES) + ", or give the proposal's words in a "
                   "`text` block")
    return p.style


def composes(lang: str, jurisdiction: str) -> bool:
    """Whether the jurisdiction's style has a wording in `lang`."""
    return lang in STYLES[style_name(jurisdiction)]


def article_word(jurisdiction: str) -> str:
    """What English calls one of the jurisdiction's articles, as its composed text does: a common-law section, the
    pack's own word (France's article), else an article (the official translations of PRC and Taiwan law)."""
    try:
        common_law = style_name(jurisdiction) == "common-law-en"
    except LexdraftError:
        common_law = False
    return unit_words(jurisdiction)[0] if common_law else "article"


def clause_wording(lang: str, jurisdiction: str) -> ClauseWording:
    """The wording a composed article is said in: the jurisdiction's style in `lang` (KeyError when it has none;
    `article_paragraphs` reports that as a located error)."""
    return STYLES[style_name(jurisdiction)][lang](jurisdiction)


def article_paragraphs(p: A.Provision, lang: str, quoted: bool = False, summary: bool = False) -> list[str]:
    """The composed article as lines: the model decided once, worded in `lang`."""
    model = offence(p)
    jurisdiction = article_id(p).jurisdiction
    if not composes(lang, jurisdiction):
        style = style_name(jurisdiction)
        raise fail("E401", f"the {style} drafting style of {jurisdiction!r} composes no text in {lang!r}", p.span,
                   "render in " + " or ".join(sorted(STYLES[style])) + ", or give the proposal's words in a `text` "
                   "block")
    return clause_wording(lang, jurisdiction).article(model, quoted, summary)
