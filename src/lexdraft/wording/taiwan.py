"""Composed Chinese in Taiwan's script, through OpenCC."""

from __future__ import annotations

import re
from functools import cache
from typing import Any


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
