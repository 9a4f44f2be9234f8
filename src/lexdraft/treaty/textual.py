"""A suggested amendment of a paragraph in force worded as drafting offices word one: its own words, with words
inserted or struck out, never recomposed from its elements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from .. import packs
from ..language import ast as A
from ..language.amendments import paragraph_count
from ..language.vocabulary import vocabulary

# Lines of a Chinese statute text that are no paragraph of their own: an item of a list (（一）…), an article heading
# standing alone (第 39 條), as language/amendments.py counts them.
_ITEM = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_HEADING = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?$")
_HEAD = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?[\s　]*")


@dataclass(frozen=True)
class WordEdit:
    """One change of the statute's words: `words` inserted after `anchor`, or struck out where `anchor` is empty;
    `gloss` says in English what they are."""

    words: str
    anchor: str
    gloss: str

    def describe(self) -> str:
        if self.anchor:
            return f"inserts “{self.words}” ({self.gloss}) after “{self.anchor}”"
        return f"strikes out “{self.words}” ({self.gloss})"


@dataclass(frozen=True)
class Reworded:
    """A paragraph in force and the same paragraph with the edits made: the amendment's text."""

    article: str
    paragraph: int
    before: str
    after: str
    edits: tuple[WordEdit, ...]
    gloss: str | None  # the English of the paragraph in force, where the draft gives one

    def text(self, hant: bool) -> A.Text:
        """The amended paragraph, and in English the paragraph's gloss in force with the change of words stated (an
        English gloss of new Chinese words would be lexdraft's translation, not the statute's)."""
        change = " and ".join(e.describe() for e in self.edits)
        en = f"{self.gloss} [The amendment {change}; the rest of the paragraph is as in force.]" if self.gloss else \
            f"[The paragraph in force; the amendment {change}.]"
        return A.Text(zh_hant=self.after, en=en) if hant else A.Text(zh=self.after, en=en)


@cache
def _s2tw() -> Any:
    import opencc  # only a pack whose statutes are written in traditional characters needs it

    return opencc.OpenCC("s2tw")


def statute_words(section: str, term: str, jurisdiction: str) -> str | None:
    """A term as the jurisdiction's statutes write it: the pack's own word (`wording: zh: conduct:`), else the
    vocabulary's Chinese in the pack's script and usage."""
    pack = packs.pack(jurisdiction)
    if pack is None:
        return None
    own = pack.words("zh").conduct.get(term) if section == "conduct" else None
    if own:
        return own
    entry = vocabulary().entry(section, term) or {}
    zh = entry.get("zh")
    if not isinstance(zh, str):
        return None
    return pack.in_own_usage(str(_s2tw().convert(zh)) if pack.script == "hant" else zh)


def _paragraphs(chinese: str) -> list[str]:
    """The paragraphs of an article's Chinese text: its lines less a bare heading, each list item joined to the
    paragraph it belongs to, the heading printed before the first paragraph taken off."""
    out: list[str] = []
    for line in (s.strip() for s in chinese.strip("\n").split("\n")):
        if not line or _HEADING.match(line):
            continue
        if _ITEM.match(line) and out:
            out[-1] += "\n" + line
            continue
        out.append(_HEAD.sub("", line) if not out else line)
    return out


def _gloss(english: str | None, paragraph: int, count: int) -> str | None:
    """The English of one paragraph: its ¶ mark's words, or the whole text of a one-paragraph article."""
    if not english:
        return None
    marked = re.search(rf"¶{paragraph}\s+(.*?)(?=\s*¶\d|\Z)", english, re.DOTALL)
    if marked:
        return " ".join(marked.group(1).split())
    return " ".join(english.split()) if count == 1 and "¶" not in english else None


def in_force_paragraph(p: A.Provision) -> tuple[str, int, str, str | None] | None:
    """The article number, paragraph number, Chinese words and English gloss of the paragraph a provision in force
    quotes; None where its text is not there or does not say which paragraph it is."""
    text = p.text
    chinese = (text.zh_hant or text.zh) if text is not None else None
    if text is None or not chinese:
        return None
    parts = p.id.split(".")
    if len(parts) < 3:
        return None
    paragraphs = _paragraphs(chinese)
    count = paragraph_count(text) or len(paragraphs)
    number = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else (1 if count == 1 else None)
    if number is None or not 0 < number <= len(paragraphs):
        return None
    return parts[2], number, paragraphs[number - 1], _gloss(text.en, number, count)


def insert_conduct(p: A.Provision, term: str) -> WordEdit | None:
    """The word of a new conduct set in the paragraph's list of acts: after the last of its own acts, or before the 或
    that joins that one to the list (散布、……、公然陳列、提供或以他法供人觀覽)."""
    jurisdiction = p.jurisdiction.name if p.jurisdiction else p.id.split(".")[0]
    found = in_force_paragraph(p)
    new = statute_words("conduct", term, jurisdiction)
    if found is None or new is None or new in found[2]:
        return None
    words = found[2]
    own = [(words.find(w), w) for t in p.conduct
           if (w := statute_words("conduct", t.name, jurisdiction)) and w in words]
    if not own:
        return None
    at, last = max(own)
    gloss = vocabulary().label("conduct", term, "en")
    if at > 0 and words[at - 1] == "或":
        before = max((x for x in own if x[0] < at - 1), default=None)
        if before is not None:
            return WordEdit(f"、{new}", before[1] if words[before[0] + len(before[1]):at - 1] == "" else
                            words[before[0]:at - 1], gloss)
    return WordEdit(f"、{new}", last, gloss)


def strike(p: A.Provision, section: str, term: str) -> WordEdit | None:
    """The words of a limit struck out of the paragraph (第二次以上被查獲, 以牟利为目的), where the statute writes them
    as the vocabulary does."""
    jurisdiction = p.jurisdiction.name if p.jurisdiction else p.id.split(".")[0]
    found = in_force_paragraph(p)
    words = statute_words(section, term, jurisdiction)
    if found is None or not words or found[2].count(words) != 1:
        return None
    return WordEdit(words, "", vocabulary().label(section, term, "en"))


def reword(p: A.Provision, edits: Sequence[WordEdit]) -> Reworded | None:
    """The paragraph in force with each edit made; None where an edit's words are not where it says."""
    found = in_force_paragraph(p)
    if found is None or not edits:
        return None
    article, number, before, gloss = found
    after = before
    for e in edits:
        if e.anchor:
            if after.count(e.anchor) < 1:
                return None
            at = after.index(e.anchor) + len(e.anchor)
            after = after[:at] + e.words + after[at:]
        else:
            if after.count(e.words) != 1:
                return None
            after = after.replace(e.words, "")
            after = re.sub(r"^[，,]", "", after).replace("，，", "，")
    return Reworded(article, number, before, after, tuple(edits), gloss)
