"""A suggested amendment of a paragraph in force worded as drafting offices word one: its own words, with words
inserted or struck out, never recomposed from its elements."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import packs
from ..language import ast as A
from ..language.amendments import paragraph_count
from ..language.vocabulary import vocabulary
from ..packs.numerals import chinese_numeral
from ..resources import cached, data_dir, source_file

# Lines of a Chinese statute text that are no paragraph of their own: an item of a list (（一）…), an article heading
# standing alone (第 39 條), as language/amendments.py counts them.
_ITEM = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_HEADING = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?$")
_HEAD = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?[\s　]*")


@dataclass(frozen=True)
class WordEdit:
    """One change of the statute's words: `words` inserted after `anchor`, or struck out where `anchor` is empty;
    `gloss` says in English what they are; `english`, where the words stand in the English text too (a limit's
    vocabulary label), is what the English strikes out."""

    words: str
    anchor: str
    gloss: str
    english: str | None = None

    def describe(self) -> str:
        if self.anchor:
            return f"inserts “{self.words}” ({self.gloss}) after “{self.anchor}”"
        return f"strikes out “{self.words}” ({self.gloss})"


@dataclass(frozen=True)
class Reworded:
    """A paragraph in force, or its whole article, and the same with the edits made: the amendment's text.
    `paragraph` is None where the amendment replaces the whole article (a paragraph deleted, the later ones
    renumbered)."""

    article: str
    paragraph: int | None
    before: str
    after: str
    edits: tuple[WordEdit, ...]
    english: str | None  # the amended English, drafted from the English in force; None where it cannot be
    # a paragraph inserted (insert_paragraph): what each paragraph after it deals with (paragraph_topic), in order,
    # and the new numbers of those that now reach it beside the paragraph it adds an act to
    following: tuple[str | None, ...] = ()
    reaching: tuple[tuple[int, str | None], ...] = ()
    # and those that, renumbered only, refer to one that now reaches it: (its new number, what it deals with, the one
    # it refers to), as the attempts of art. 38 (第一項及第四項) reach an offer with intent to gain through ¶4
    through: tuple[tuple[int, str | None, int], ...] = ()
    # the paragraph before it whose penalty words it repeats (處六月以上五年以下有期徒刑……): where its penalty is from
    penalty_from: int | None = None

    def text(self, hant: bool) -> A.Text:
        """The amended text; its English only where it is drafted (never the English in force with a note of the
        change: a reader would take the words in force for the amendment's)."""
        return A.Text(zh_hant=self.after, en=self.english) if hant else A.Text(zh=self.after, en=self.english)


@cache
def _s2tw() -> Any:
    import opencc  # only a pack whose statutes are written in traditional characters needs it

    return opencc.OpenCC("s2tw")


def _traditional(zh: str) -> str:
    """A vocabulary label in traditional characters (OpenCC s2tw), from a table of every label kept in the
    installation's cache: OpenCC's dictionaries weigh 45 MB, which a check of a large set would hold to its end."""
    found = _traditional_labels(packs.folders()).get(zh)
    return found if found is not None else str(_s2tw().convert(zh))


@cache
def _traditional_labels(folders: tuple[str, ...]) -> dict[str, str]:
    import importlib.util

    found = importlib.util.find_spec("opencc")
    if found is None or found.origin is None:
        return {}
    sources = (data_dir("vocabulary") / "vocabulary.yaml", *packs.pack_files(), source_file("treaty/textual.py"),
               Path(found.origin))  # a new OpenCC may convert otherwise
    labels = _labels(vocabulary().lists())
    return cached("s2tw-labels", sources, lambda: {zh: str(_s2tw().convert(zh)) for zh in sorted(labels)})


def _labels(node: Any) -> set[str]:
    """Every Chinese label (`zh`) of the vocabulary's entries, nested lists included."""
    if not isinstance(node, dict):
        return set()
    out = {node["zh"]} if isinstance(node.get("zh"), str) else set()
    for value in node.values():
        out |= _labels(value)
    return out


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
    return pack.in_own_usage(_traditional(zh) if pack.script == "hant" else zh)


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
    label = vocabulary().label(section, term, "en")
    return WordEdit(words, "", label, label)


def _edited(text: str, edits: Sequence[WordEdit]) -> str | None:
    """The Chinese words with each edit made; None where an edit's words are not where it says."""
    after = text
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
    return after


def _edited_english(gloss: str | None, edits: Sequence[WordEdit]) -> str | None:
    """The English in force with the same words struck out, where each stands in it once as a clause of its own
    (", when caught a second or subsequent time,"); None where an edit cannot be made in English."""
    if not gloss:
        return None
    after = gloss
    for e in edits:
        if e.anchor or not e.english:
            return None  # words inserted: their English would be lexdraft's translation, which it does not draft
        clause = f", {e.english},"
        if after.count(clause) != 1:
            return None
        after = after.replace(clause, "")
    return after


def reword(p: A.Provision, edits: Sequence[WordEdit]) -> Reworded | None:
    """The paragraph in force with each edit made; None where an edit's words are not where it says."""
    found = in_force_paragraph(p)
    if found is None or not edits:
        return None
    article, number, before, gloss = found
    after = _edited(before, edits)
    if after is None:
        return None
    return Reworded(article, number, before, after, tuple(edits), _edited_english(gloss, edits))


_ZH_DIGITS = "〇一二三四五六七八九"
# A list of paragraphs an article's text refers to: 第一項、第二項及第四項, 第一項至第三項, 第一項及第三項
_ZH_REFS = "第([一二三四五六七八九十]+){unit}((?:(?:、|及|或|至)第[一二三四五六七八九十]+{unit})*)"
_EN_REFS = re.compile(r"paragraphs? (\d+)((?:(?:, | and | or | to )\d+)*)")
# a reference relative to the paragraph that makes it (前項, 前四項): it moves when a paragraph before it goes
_RELATIVE = "前[一二三四五六七八九十]*{unit}"


def _zh_number(word: str) -> int:
    """一 … 九十九 as a number: the paragraph numbers a statute's references use."""
    tens, _, units = word.rpartition("十")
    if "十" not in word:
        return _ZH_DIGITS.index(word)
    return (_ZH_DIGITS.index(tens) if tens else 1) * 10 + (_ZH_DIGITS.index(units) if units else 0)


def _numbers(first: int, rest: list[tuple[str, int]]) -> list[int]:
    out = [first]
    for joint, n in rest:
        if joint in ("至", " to "):
            out += list(range(out[-1] + 1, n + 1))
        else:
            out.append(n)
    return out


def _listed(numbers: list[int], zh: bool, unit: str) -> str:
    """Paragraph numbers as a statute lists them: a run of three or more as a range (第一項至第三項 / paragraphs 1 to
    3), two joined by 及 / and."""
    if len(numbers) >= 3 and numbers == list(range(numbers[0], numbers[-1] + 1)):
        return (f"第{chinese_numeral(numbers[0], 'chinese-tw')}{unit}至第{chinese_numeral(numbers[-1], 'chinese-tw')}"
                f"{unit}") if zh else f"paragraphs {numbers[0]} to {numbers[-1]}"
    if zh:
        cited = [f"第{chinese_numeral(n, 'chinese-tw')}{unit}" for n in numbers]
        return "、".join(cited[:-1]) + "及" + cited[-1] if len(cited) > 1 else cited[0]
    if len(numbers) == 1:
        return f"paragraph {numbers[0]}"
    return "paragraphs " + ", ".join(map(str, numbers[:-1])) + f" and {numbers[-1]}"


def renumbered(text: str, moved: dict[int, int | None], zh: bool, unit: str = "項") -> str | None:
    """The paragraphs a text refers to, renumbered (`moved`: each old number to its new one, None where the
    paragraph is deleted, a deleted paragraph dropped from the list); None where a reference is relative (前項) or
    every paragraph it lists goes. `unit` is what the jurisdiction's Chinese calls a paragraph (項, 款)."""
    if zh and re.search(_RELATIVE.format(unit=unit), text):
        return None
    pattern = re.compile(_ZH_REFS.format(unit=unit)) if zh else _EN_REFS
    failed = False

    def one(m: re.Match[str]) -> str:
        nonlocal failed
        if zh:
            first = _zh_number(m.group(1))
            rest = [(j, _zh_number(n)) for j, n in re.findall(f"(、|及|或|至)第([一二三四五六七八九十]+){unit}",
                                                                m.group(2))]
        else:
            first = int(m.group(1))
            rest = [(j, int(n)) for j, n in re.findall(r"(, | and | or | to )(\d+)", m.group(2))]
        old = _numbers(first, rest)
        new = [moved.get(n, n) for n in old]
        kept = [n for n in new if n is not None]
        if not kept:
            failed = True
            return m.group(0)
        if new == old:
            return m.group(0)
        return _listed(kept, zh, unit)

    out = pattern.sub(one, text)
    return None if failed else out


def reword_article(p: A.Provision, edits: Sequence[WordEdit], dropped: Sequence[int]) -> Reworded | None:
    """The whole article in force with the edits made in the provision's paragraph, the `dropped` paragraphs deleted
    and every later paragraph renumbered, with the references to them (第一項、第二項及第四項 -> 第一項至第三項);
    in English where each changed paragraph's English can be drafted from the English in force (its ¶ marks).
    None where the Chinese cannot be edited so."""
    found = in_force_paragraph(p)
    text = p.text
    if found is None or text is None or not dropped:
        return None
    article, number, _, _ = found
    pack = packs.pack(p.jurisdiction.name if p.jurisdiction else p.id.split(".")[0])
    form = pack.citations.get("zh") if pack is not None else None
    unit = m.group(1) if form is not None and (m := re.search(r"\{paragraph\}(\w)", form.paragraph)) else "款"
    chinese = text.zh_hant or text.zh or ""
    paragraphs = _paragraphs(chinese)
    count = len(paragraphs)
    if number in dropped or not all(0 < d <= count for d in dropped):
        return None
    moved: dict[int, int | None] = {}
    n = 0
    for old in range(1, count + 1):
        if old in dropped:
            moved[old] = None
        else:
            n += 1
            moved[old] = n
    zh: list[str] = []
    en: list[str] | None = []
    for old in range(1, count + 1):
        if old in dropped:
            continue
        words = paragraphs[old - 1]
        english = _gloss(text.en, old, count)
        if old == number:
            words, english = _edited(words, edits) or "", _edited_english(english, edits)
            if not words:
                return None
        if old > min(dropped):  # a later paragraph's references may name a paragraph that moved
            words = renumbered(words, moved, True, unit) or ""
            english = renumbered(english, moved, False) if english else None
            if not words:
                return None
        zh.append(words)
        if en is not None and english:
            en.append(english)
        else:
            en = None
    before = "\n".join(paragraphs)
    return Reworded(article, None, before, "\n".join(zh), tuple(edits), "\n".join(en) if en else None)


# What a paragraph that applies to the offences above it deals with, by the statute words that mark it (in both
# scripts): a suggested insertion names the paragraphs it goes ahead of by them, and an attempt clause is never made
# to reach a paragraph inserted before it (attempting an act is a criminal choice of its own, Art. 19(2) optional)
_TOPICS = (("gain", ("意圖營利", "意图营利", "以牟利为目的", "以營利為目的")), ("attempts", ("未遂",)),
           ("confiscation", ("沒收", "没收")))


def paragraph_topic(words: str) -> str | None:
    """gain, attempts or confiscation: what a paragraph's words deal with; None where no statute word says it."""
    found = [topic for topic, marks in _TOPICS if any(m in words for m in marks)]
    return found[0] if len(found) == 1 else None


_EN_COUNTS = ("", "", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_EN_RELATIVE = r"the preceding (?:(two|three|four|five|six|seven|eight|nine) )?paragraphs?"


def insertion_point(chinese: str, unit: str = "項") -> int | None:
    """Where a new paragraph adding an act to an article's offences goes: before its first paragraph that applies to
    every paragraph above it (意圖營利犯前二項之罪者 as CSEPA art. 38 ¶3, 前四項之未遂犯 as art. 36 ¶5), so that the
    rules on the offences (the increase for gain, attempts, confiscation) reach it; None where no paragraph does."""
    paragraphs = _paragraphs(chinese)
    for number in range(3, len(paragraphs) + 1):
        if f"前{chinese_numeral(number - 1, 'chinese-tw')}{unit}" in paragraphs[number - 1]:
            return number
    return None


def insert_paragraph(p: A.Provision, at: int, words: str, english: str | None, alternative_of: int) -> Reworded | None:
    """The whole article in force with a paragraph inserted as paragraph `at`, the later ones renumbered: a reference
    of theirs to paragraphs moved follows them, and one that names paragraph `alternative_of` (the offence the new
    paragraph adds an act to) names the new one too, as the rules on that offence then apply to it (前二項 -> 前三項;
    第一項及第三項 -> 第一項、第三項及第四項; 第一項至第三項 -> 第一項至第四項). The paragraphs before it keep their
    words. In English where every paragraph's English is there (its ¶ marks) and `english` is given. None where the
    Chinese is not there or `at` is not within it."""
    text = p.text
    chinese = (text.zh_hant or text.zh) if text is not None else None
    if text is None or not chinese:
        return None
    pack = packs.pack(p.jurisdiction.name if p.jurisdiction else p.id.split(".")[0])
    form = pack.citations.get("zh") if pack is not None else None
    unit = m.group(1) if form is not None and (m := re.search(r"\{paragraph\}(\w)", form.paragraph)) else "款"
    paragraphs = _paragraphs(chinese)
    count = len(paragraphs)
    if not 1 < at <= count or not 0 < alternative_of < at:
        return None
    moved = {old: old if old < at else old + 1 for old in range(1, count + 1)}
    zh: list[str] = []
    en: list[str] | None = [] if english else None
    reaching: list[tuple[int, str | None]] = []
    for old in range(1, count + 1):
        if old == at:
            zh.append(words)
            if en is not None and english:
                en.append(english)
        topic = paragraph_topic(paragraphs[old - 1])
        widen = topic != "attempts"  # an attempt clause is renumbered only
        zh.append(_follow(paragraphs[old - 1], old, moved, at, alternative_of, True, unit, widen))
        if widen and zh[-1] != _follow(paragraphs[old - 1], old, moved, at, alternative_of, True, unit, False):
            reaching.append((moved[old], topic))
        gloss = _gloss(text.en, old, count)
        if en is not None and gloss:
            en.append(_follow(gloss, old, moved, at, alternative_of, False, unit, widen))
        else:
            en = None
    article = p.id.split(".")[2]
    reached = {k for k, _ in reaching}
    through = tuple((k, paragraph_topic(zh[k - 1]), via) for k in range(at + 1, len(zh) + 1) if k not in reached
                    for via in sorted(_referred(zh[k - 1], k, unit) & reached))
    # the penalty follows the last 者， of a paragraph that punishes: the one before it ending in the same words
    penalty = words.rpartition("者，")[2]
    same = [k for k in range(1, at) if "者，" in words and paragraphs[k - 1].rpartition("者，")[2] == penalty]
    return Reworded(article, None, "\n".join(paragraphs), "\n".join(zh), (), "\n".join(en) if en else None,
                    tuple(paragraph_topic(w) for w in paragraphs[at - 1:]), tuple(reaching), through,
                    same[0] if len(same) == 1 else None)


def _referred(words: str, here: int, unit: str) -> set[int]:
    """The paragraphs a paragraph's Chinese refers to: listed (第一項及第四項, 第一項至第三項) or relative (前二項)."""
    out: set[int] = set()
    for m in re.finditer(f"前(?P<rel>[一二三四五六七八九十]*){unit}|" + _ZH_REFS.format(unit=unit), words):
        if m.group(0).startswith("前"):
            count = _zh_number(m.group("rel")) if m.group("rel") else 1
            out |= set(range(here - count, here))
        else:
            out |= set(_numbers(_zh_number(m.group(2)), [(j, _zh_number(n)) for j, n in re.findall(
                f"(、|及|或|至)第([一二三四五六七八九十]+){unit}", m.group(3))]))
    return out


def _follow(words: str, old: int, moved: dict[int, int], at: int, alternative_of: int, zh: bool, unit: str,
            widen: bool = True) -> str:
    """One paragraph's references after a paragraph is inserted at `at` (insert_paragraph): absolute ones renumbered,
    and in a paragraph that moves, relative ones (前二項, the preceding two paragraphs) kept pointing where they did;
    either names the new paragraph where it names `alternative_of`, unless `widen` is off (renumbered only)."""
    after = moved[old] != old  # a paragraph after the new one: a rule on the paragraphs above it

    def widened(numbers: list[int]) -> list[int]:
        new = {moved.get(n, n) for n in numbers}
        return sorted(new | ({at} if after and widen and alternative_of in numbers else set()))

    def relative(count: int) -> str:
        new = widened(list(range(old - count, old)))
        here = moved[old]
        if new == list(range(here - len(new), here)):
            if zh:
                return f"前{chinese_numeral(len(new), 'chinese-tw') if len(new) > 1 else ''}{unit}"
            return "the preceding paragraph" if len(new) == 1 else f"the preceding {_EN_COUNTS[len(new)]} paragraphs"
        return _listed(new, zh, unit)

    def absolute(first: int, rest: list[tuple[str, int]]) -> str | None:
        old_numbers = _numbers(first, rest)
        new = widened(old_numbers)
        return None if new == old_numbers else _listed(new, zh, unit)

    if zh:
        pattern = re.compile(f"前(?P<rel>[一二三四五六七八九十]*){unit}|" + _ZH_REFS.format(unit=unit))

        def one(m: re.Match[str]) -> str:
            if m.group(0).startswith("前"):
                return relative(_zh_number(m.group("rel")) if m.group("rel") else 1) if after else m.group(0)
            rest = [(j, _zh_number(n)) for j, n in re.findall(f"(、|及|或|至)第([一二三四五六七八九十]+){unit}",
                                                                m.group(3))]
            return absolute(_zh_number(m.group(2)), rest) or m.group(0)
    else:
        pattern = re.compile(f"{_EN_RELATIVE}|{_EN_REFS.pattern}")

        def one(m: re.Match[str]) -> str:
            if m.group(0).startswith("the preceding"):
                return relative(_EN_COUNTS.index(m.group(1)) if m.group(1) else 1) if after else m.group(0)
            rest = [(j, int(n)) for j, n in re.findall(r"(, | and | or | to )(\d+)", m.group(3))]
            return absolute(int(m.group(2)), rest) or m.group(0)

    return pattern.sub(one, words)
