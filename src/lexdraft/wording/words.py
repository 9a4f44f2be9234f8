"""Small grammar both wordings share: lists of alternatives, English articles and capitals."""

from __future__ import annotations

import re
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


# A sentence written of one provision ("Only natural persons can commit this offence") said once of several, after
# the list of them: each of them, so that its pronouns still read of one (「各该罪」, the statutes' 各该条)
_OF_SEVERAL = {"en": ((re.compile(r"\b([Tt])his (offence|provision)\b"),
                       lambda m: ("E" if m.group(1) == "T" else "e") + f"ach of these {m.group(2)}s"),
                      (re.compile(r"\bThe provision itself\b"), lambda m: "Each of these provisions itself")),
               "zh": ((re.compile(r"(?<!各)该(罪|条)(?!件)"), lambda m: f"各该{m.group(1)}"),)}


def of_several(sentence: str, lang: str) -> str:
    """The sentence said of several provisions named before it: "this offence" is each of them."""
    for pattern, said in _OF_SEVERAL["zh" if lang == "zh" else "en"]:
        sentence = pattern.sub(said, sentence)
    return sentence
