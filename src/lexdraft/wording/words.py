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
# the list of them: each of them, so that its pronouns still read of one (「各该罪」, the statutes' 各该条; 各该款 or
# 各该项 where every provision listed is a paragraph). The law's name (该条例) and 该条件 stay: one law, no provision.
_OF_SEVERAL = {"en": ((re.compile(r"\bnot liable under this provision\b"),
                       lambda m, unit: "not liable under any of these provisions"),
                      (re.compile(r"\b([Tt])his (offence|provision)\b"),
                       lambda m, unit: ("E" if m.group(1) == "T" else "e") + f"ach of these {m.group(2)}s"),
                      (re.compile(r"\bThe provision itself\b"),
                       lambda m, unit: "Each of these provisions itself"),
                      (re.compile(r"\btakes part in it\b"), lambda m, unit: "takes part in any of them")),
               "zh": ((re.compile(r"(?<!各)该(罪|条文|条(?![件例]))"),
                       lambda m, unit: "各该" + (unit if m.group(1) == "条" else m.group(1))),)}
_PARAGRAPH_CITED = re.compile(r"第(?:[0-9〇零一二三四五六七八九十百千]+|[(（][0-9A-Za-z]+[)）])([款项項])$")


def of_several(sentence: str, lang: str, cited: Sequence[str] = ()) -> str:
    """The sentence said of several provisions named before it (`cited`, as the reader sees them): "this offence" is
    each of them; in Chinese 各该条 is 各该款 / 各该项 where each of them is a paragraph."""
    units = {m.group(1) if (m := _PARAGRAPH_CITED.search(c)) else "条" for c in cited}
    unit = {"項": "项"}.get(u := units.pop(), u) if len(units) == 1 else "条"
    for pattern, said in _OF_SEVERAL["zh" if lang == "zh" else "en"]:
        sentence = pattern.sub(lambda m, said=said: said(m, unit), sentence)
    return sentence
