"""Small grammar both wordings share: lists of alternatives, English articles and capitals."""

from __future__ import annotations

from collections.abc import Sequence


def join_alternatives(items: Sequence[str], lang: str, conj: str | None = None) -> str:
    """a、b或者c / a, b or c: the statute's list of alternatives."""
    items = list(items)
    if not items:
        return ""
    if lang == "zh":
        word = conj or "或者"
        return items[0] if len(items) == 1 else "、".join(items[:-1]) + word + items[-1]
    word = conj or "or"
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" {word} " + items[-1]


def with_article(noun: str) -> str:
    """'a synthetic image', 'visual material': mass and plural heads take no article."""
    head = noun.split()[-1]
    if head.endswith("s") or head in {"material", "information"}:
        return noun
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def capitalize(s: str) -> str:
    """The first letter in upper case, the rest as written."""
    return s[:1].upper() + s[1:]
