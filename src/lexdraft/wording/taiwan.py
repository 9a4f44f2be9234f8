"""Composed Chinese as a jurisdiction writes it: Taiwan's script through OpenCC, then the pack's drafting usage."""

from __future__ import annotations

import re
from functools import cache
from typing import Any

from .. import packs


@cache
def _s2tw() -> Any:
    import opencc  # only Taiwan's composed Chinese needs it

    return opencc.OpenCC("s2tw")


# Words Taiwan's statutes write as simplified Chinese does, where OpenCC's phrase table has a variant: the Criminal
# Code's 散布 (arts. 235, 319-3, 319-4), not 散佈.
_TAIWAN_STATUTE_WORDS = re.compile("(散布)")


def taiwan_script(text: str) -> str:
    """Simplified characters as Taiwan writes them (OpenCC `s2tw`: Taiwan's standard character forms, no change of
    words), so composed Chinese does not mix scripts beside Taiwan's statute words. Never applied to verbatim text:
    a traditional text is not converted again (后 would become 後)."""
    parts = _TAIWAN_STATUTE_WORDS.split(text)  # the kept words at the odd places
    return "".join(part if i % 2 else str(_s2tw().convert(part)) for i, part in enumerate(parts))


def own_usage(text: str, jurisdiction: str) -> str:
    """Composed Chinese in the words the jurisdiction's statutes use where they differ from the PRC-script vocabulary
    (pack.yaml `wording: zh:`: its `or` for 或者, Taiwan's 或, then `usage`: 網路 for 網絡, 修正為 for 修改為). Never
    applied to verbatim text."""
    p = packs.pack(jurisdiction)
    return p.in_own_usage(text) if p is not None else text


def composed_chinese(text: str, jurisdiction: str) -> str:
    """Composed Chinese in Taiwan's script (for a pack whose statutes are zh-Hant) and the pack's drafting usage."""
    p = packs.pack(jurisdiction)
    return own_usage(taiwan_script(text) if p is not None and p.script == "hant" else text, jurisdiction)


# A quotation in composed prose: its marks and its words. Taiwan quotes in 「」 (『』 within), where the PRC-script
# vocabulary writes “” (‘’).
# A title in 《》 is a name: written in the jurisdiction's characters, never reworded into its usage (the Convention's
# name as the Chinese literature gives it, 《聯合國打擊網絡犯罪公約》, stays 網絡 where Taiwan's statutes say 網路).
_QUOTATION = re.compile(r"(“[^“”]*”|「[^「」]*」|‘[^‘’]*’|『[^『』]*』|《[^《》]*》)")
_MARKS = str.maketrans({"“": "「", "”": "」", "‘": "『", "’": "』"})


def in_script(prose: str, jurisdiction: str, verbatim: str = "") -> str:
    """Chinese prose lexdraft composes about a jurisdiction (a review's findings, a report's reasons) in the script
    and usage of its statutes (composed_chinese) and its quotation marks; unchanged for a pack written in simplified
    characters. A quotation whose words are in `verbatim` (the statutes' own texts) keeps the source's characters:
    converting them again would change a Taiwan statute's 占有 to 佔有, 鄰里 to 鄰裡."""
    p = packs.pack(jurisdiction)
    if p is None or p.script != "hant" or not prose:
        return prose
    parts = _QUOTATION.split(prose)  # the quotations and titles at the odd places
    return "".join((part.translate(_MARKS) if i % 2 and part[1:-1] in verbatim else
                    taiwan_script(part) if i % 2 and part.startswith("《") else
                    composed_chinese(part, jurisdiction).translate(_MARKS)) for i, part in enumerate(parts))
