"""Which wording says a clause: the drafting style the jurisdiction's pack names, in the language asked for."""

from __future__ import annotations

from .. import packs
from ..language import ast as A
from .citations import article_id
from .clause import ClauseWording, offence
from .en import OfficialEnglish
from .zh import PrcChinese, TaiwanChinese


def clause_wording(lang: str, jurisdiction: str = "prc") -> ClauseWording:
    """The style a composed article is worded in: the pack's style (`tw`: Taiwan's Chinese in its own script), else
    the PRC amendment style, which is also the English of official translations of PRC law."""
    if lang == "en":
        return OfficialEnglish(jurisdiction)
    p = packs.pack(jurisdiction)
    return TaiwanChinese(jurisdiction) if p is not None and p.style == "tw" else PrcChinese(jurisdiction)


def article_paragraphs(p: A.Provision, lang: str, quoted: bool = False, summary: bool = False) -> list[str]:
    """The composed article as lines: the model decided once, worded in `lang`."""
    model = offence(p)
    return clause_wording(lang, article_id(p).jurisdiction).article(model, quoted, summary)
