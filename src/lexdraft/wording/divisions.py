"""A common-law section's text divided as its own numbers divide it: subsections (1), paragraphs (a), subparagraphs
(i), clauses (aa), each part on a line of its own with its level.

A statute text encoded from a reference often holds a whole section, or several of its subsections, on one line
("22A Posting … (1) A person commits an offence if … (a) knowing …; or (b) being rec[…]"). Its words are kept as
given and in order; only the line breaks are added, before each number that begins a part. A number in parentheses
begins a part only where the section's sequence of numbers expects it, and is otherwise words of the part it stands
in: a cross-reference (subsection (1), section 5(1)(g), subsections (3) and (4)), a figure after its words (eighteen
(18)), a first item whose list never goes on (in (a) above), words in parentheses (the person (A), (whether or not
…)), anything after an editor's opening square bracket on its line (a cut-off "[…]", a provenance note), which so
stays in the part it ends. A line the text itself begins with a number is a part whatever its number ((3) printed
twice). "(i)" is the letter after (h) or the first roman numeral, as the numbers after it show ((ii) or (j)), else as
the words before it do (a dash or colon opens a list under the paragraph; "; or" goes on with the letters). Words
left out (…, ..., […]) may have held the numbers before the next one, which so begins a part as printed, and the
numbers of the levels above it, which then go on from whatever number the text prints next ((3) … (ii) …; and (c)).

A section number standing alone before the first subsection (377BG.—(1) …, 6. (1) …, Section 3. (1) …) stays on its
line, as the statute prints it; a heading before it (22A Posting … without consent) gets a line of its own.

Words closing a list (A person who— (a) …; or (b) …, shall be guilty of an offence) get a line of their own at the
level of the words that opened it, but only where they plainly resume them: after the last item's comma, an offence's
verb (shall be guilty, commits an offence, is liable) the opening words do not already have, in an item with no
relative clause (who, which, that) the verb might instead belong to. Anything less plain stays in the item.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from .. import packs
from .en_common_law import unit_words


def sectioned(jurisdiction: str) -> bool:
    """Whether the jurisdiction drafts in common-law sections (its pack's style is common-law and its composed text
    calls an article a section), whose texts are divided here; civil-law articles are left as their lines are."""
    p = packs.pack(jurisdiction)
    return p is not None and p.style.startswith("common-law") and unit_words(jurisdiction)[0] == "section"


@dataclass(frozen=True)
class Part:
    """One line of a divided section: its level (0 words with no number of their own, 1 a subsection, 2 a
    paragraph, 3 a subparagraph, 4 a clause), its number as printed ("(1)") and as a key ("1"), its words after the
    number, the line as printed, and for words the level of the part whose words they are (0 the section's, 1 a
    subsection's …)."""

    level: int
    num: str
    key: str
    text: str
    line: str
    under: int = 0


# A number in parentheses: (1), (1A), (a), (ba), (i), (viii).
_NUMBER = re.compile(r"\((\d+[A-Z]{0,2}|[ivx]{3,5}|[a-z]{1,2})\)")
_ROMAN = re.compile(r"^(x{0,3})(ix|iv|v?i{0,3})$")
# Words that cite a part, so that the numbers after them are a reference: subsection (1), paras. (a) and (b).
_CITING = re.compile(r"(?:\b(?:sub-?)?(?:sections?|paragraphs?|clauses?|items?|articles?|parts?|regulations?|rules?"
                     r"|schedules?|chapters?|limbs?)|\bs{1,2}\.|\bparas?\.|\bsubs?\.)$", re.IGNORECASE)
# The numbers of a reference before this one: "(1) or ", "(3) and ", "(a), ".
_CITED_BEFORE = re.compile(r"(?:\(\w{1,6}\)\s*(?:,|or|and|to|–|-)?\s*)+$")
_NUMBER_WORDS = re.compile(r"\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen"
                           r"|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy"
                           r"|eighty|ninety|hundred|thousand|million)\s*$", re.IGNORECASE)
_OPENS = ("—", "–", "-", ":")  # the words before a list's first item end so
# Words left out where a number follows or ends a list: …, ..., […]
_ELIDED = re.compile(r"(?:…|\.(?:\s?\.){2}|\[\s*(?:…|\.(?:\s?\.){2})\s*\])$")
# An offence's verb, which words after a list's last item resume its opening words with (", shall be guilty …").
_OFFENCE_VERB = (r"(?:(?:shall|is|are|will)\s+(?:on\s+conviction\s+)?(?:be\s+)?(?:guilty|liable|punishable|punished)"
                 r"|commits?\s+an\s+offence|shall\s+commit\s+an\s+offence)\b")
_RESUMES = re.compile(r",\s+(?=" + _OFFENCE_VERB + ")")
_VERB_FIRST = re.compile(_OFFENCE_VERB)
_HAS_VERB = re.compile(r"\b" + _OFFENCE_VERB)
_RELATIVE = re.compile(r"\b(?:who|whom|whose|which|that)\b", re.IGNORECASE)


def section_number(line: str, number: str | None = None) -> tuple[str, str] | None:
    """A section's number printed first in a line (22A, 6., 377BG.—, Section 3., SEC. 3.), `number` or any, as
    (the number with its heading word and stop, the words after it and its dash or space)."""
    digits = re.escape(number) if number else r"\d+[A-Z]{0,3}(?:\.\d+[A-Z]{0,3})?"
    found = re.match(rf"((?:(?:section|sec\.)\s*)?{digits}\.?)(—|\s+[—–-]\s*|\s+|$)", line, re.IGNORECASE)
    return (found[1], line[found.end():]) if found else None


def _roman(key: str) -> int | None:
    if not key or not _ROMAN.match(key):
        return None
    values = {"i": 1, "v": 5, "x": 10}
    total = 0
    for i, c in enumerate(key):
        value = values[c]
        total += -value if i + 1 < len(key) and values[key[i + 1]] > value else value
    return total


def _to_roman(n: int) -> str:
    out = ""
    for value, digits in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + digits, n - value
    return out


def _next_roman(key: str) -> str | None:
    n = _roman(key)
    return _to_roman(n + 1) if n is not None and n < 39 else None


def _next_letters(key: str) -> set[str]:
    """The paragraph letters that may follow (b): (c); after an inserted (ba): (bb) or (c)."""
    if not key.isalpha() or not key.islower():
        return set()
    after = {chr(ord(key[0]) + 1)} if key[0] < "z" else set()
    if len(key) == 2 and key[0] != key[1] and key[1] < "z":
        after.add(key[0] + chr(ord(key[1]) + 1))
    return after


def _doubled(key: str) -> bool:
    return len(key) == 2 and key[0] == key[1] and key.isalpha()


def _next_doubled(key: str) -> str | None:
    return chr(ord(key[0]) + 1) * 2 if _doubled(key) and key[0] < "z" else None


def _next_numbers(key: str, number: str) -> bool:
    """Whether subsection `number` may follow subsection `key`: (2) after (1), (1A) after (1), (1B) after (1A)."""
    have, got = re.match(r"(\d+)([A-Z]*)", key), re.match(r"(\d+)([A-Z]*)$", number)
    if have is None or got is None:
        return False
    n, m = int(have[1]), int(got[1])
    return (m == n + 1 and not got[2]) or (m == n and got[2] > have[2] and len(got[2]) <= 2)


@dataclass
class _Candidate:
    line: int
    start: int
    end: int
    key: str
    before: str  # the line's words before it
    after: str = ""  # the line's words after it, up to the next candidate


def _candidates(lines: Sequence[str]) -> list[_Candidate]:
    """The numbers that may begin a part: at a line's start, or after a space or dash, not inside an editor's square
    brackets, not part of a reference, not a figure after its words."""
    out = []
    for n, line in enumerate(lines):
        for match in _NUMBER.finditer(line):
            start, end = match.span()
            before = line[:start]
            if start == 0:
                out.append(_Candidate(n, start, end, match[1], ""))
                continue
            if before.count("[") > before.count("]"):
                break  # the rest of the line is an editor's
            if before[-1].isalnum() or before[-1] in ")(\"'“‘/[" or (end < len(line) and not line[end].isspace()
                                                                    and line[end] not in "—–"):
                continue
            if _cited(before) or (match[1].isdigit() and _NUMBER_WORDS.search(before)):
                continue
            out.append(_Candidate(n, start, end, match[1], before))
    for c, d in zip(out, [*out[1:], None], strict=False):
        c.after = lines[c.line][c.end:d.start if d is not None and d.line == c.line else None]
    return out


def _cited(before: str) -> bool:
    chain = _CITED_BEFORE.search(before)
    rest = before[:chain.start()] if chain else before
    if chain and rest and rest[-1].isalnum():  # 5(1)(g) and (h)
        return True
    return bool(_CITING.search(rest.rstrip()))


class _Sequence:
    """The numbers open so far: (level, key) from the subsection down, the last paragraph letter of the
    subsection, which a words line between parts does not end, and the levels whose numbers were left out."""

    def __init__(self) -> None:
        self.stack: list[tuple[int, str]] = []
        self.letter: str | None = None
        self.started = False
        self.elided: set[int] = set()

    def open(self, level: int) -> str | None:
        return next((k for lv, k in self.stack if lv == level), None)

    def readings(self, key: str) -> list[int]:
        """The levels at which `key` continues the sequence."""
        out = []
        top = self.stack[-1][0] if self.stack else 0
        if key[0].isdigit():
            opened = self.open(1)
            if (opened is None and ((key == "1" and not self.started) or 1 in self.elided)) or \
                    (opened and _next_numbers(opened, key)):
                out.append(1)
            return out
        roman = self.open(3)
        roman_goes_on = _roman(key) is not None and ((roman is None and key == "i" and top < 3) or
                                                     (roman is not None and key == _next_roman(roman)))
        if (self.letter is None and key == "a" and top < 2) or (self.letter and key in _next_letters(self.letter)) \
                or (self.letter is None and 2 in self.elided and len(key) == 1 and not roman_goes_on):
            out.append(2)
        if roman_goes_on:
            out.append(3)
        clause = self.open(4)
        if _doubled(key) and ((clause is None and key == "aa" and top == 3) or
                              (clause is not None and key == _next_doubled(clause))):
            out.append(4)
        return out

    def fallback(self, key: str) -> int:
        """The level of a number the text begins a line with, though the sequence does not expect it."""
        if key[0].isdigit():
            return 1
        if _doubled(key) and self.open(3) is not None:
            return 4
        if _roman(key) is not None and key not in _next_letters(self.letter or "`"):
            return 3
        return 2

    def enter(self, level: int, key: str, elided: bool = False) -> None:
        """`key` begins a part at `level`; after words left out, the numbers of the levels above not open are
        unknown."""
        while self.stack and self.stack[-1][0] >= level:
            self.stack.pop()
        self.elided = {lv for lv in self.elided if lv < level} | \
            ({lv for lv in range(1, level) if self.open(lv) is None} if elided else set())
        self.stack.append((level, key))
        self.started = True
        if level == 1:
            self.letter = None
        elif level == 2:
            self.letter = key

    def words(self) -> None:
        """A line without a number: the words of the subsection it stands in, which end the lists before it."""
        while self.stack and self.stack[-1][0] > 1:
            self.stack.pop()


def _level(seq: _Sequence, c: _Candidate, later: Sequence[_Candidate]) -> int | None:
    """The level a candidate number begins a part at, or None where it is words."""
    readings = seq.readings(c.key)
    ahead = [n.key for n in later]
    if len(readings) > 1:  # (i): the letter after (h) or the first roman numeral, as the next number shows
        following = ahead[0] if ahead else None
        if following == _next_roman(c.key) or (following not in _next_letters(c.key)
                                               and c.before.rstrip().endswith(_OPENS)):
            readings.sort(reverse=True)
    if not readings:  # a number the text begins a line with, or one after words left out (… (b) …)
        return seq.fallback(c.key) if c.start == 0 or _ELIDED.search(c.before.rstrip()) else None
    for level in readings:
        first, then = _FIRSTS.get(level, ("", ""))
        # a list of one item is no list (in (a) above), unless words left out after it may hold the rest
        if not (c.start and c.key == first and then not in ahead and not _ELIDED.search(c.after.rstrip())):
            return level
    return None


# The first number of a list, and the one a list begun inside a line must go on to.
_FIRSTS = {2: ("a", "b"), 3: ("i", "ii"), 4: ("aa", "bb")}


def divide(lines: Sequence[str]) -> list[Part]:
    """A section's lines divided into its parts, in order, the words as given."""
    return _closing_words(_numbered(lines))


def _numbered(lines: Sequence[str]) -> list[Part]:
    """A section's lines divided before each number that begins a part."""
    found = _candidates(lines)
    seq = _Sequence()
    out: list[Part] = []
    for n, line in enumerate(lines):
        cuts: list[tuple[int, int, str]] = []  # (start, level, key) of each part the line begins
        if not _NUMBER.match(line):
            seq.words()
        under = 1 if seq.open(1) is not None else 0  # a line of words: the open subsection's, else the section's
        for i, c in enumerate(found):
            if c.line != n:
                continue
            level = _level(seq, c, found[i + 1:])
            if level is not None:
                seq.enter(level, c.key, bool(_ELIDED.search(c.before.rstrip())))
                cuts.append((c.start, level, c.key))
        if cuts and cuts[0][0] > 0 and not out and _number_alone(line[:cuts[0][0]]):
            cuts = cuts[1:]  # 377BG.—(1) …: a section number alone stays with its first subsection
        if not cuts or cuts[0][0] > 0:
            cuts.insert(0, (0, 0, ""))
        for k, (start, level, key) in enumerate(cuts):
            piece = line[start:cuts[k + 1][0] if k + 1 < len(cuts) else len(line)].strip()
            if piece or level:
                num = f"({key})" if level else ""
                out.append(Part(level, num, key, piece[len(num):].lstrip() if level else piece, piece,
                                0 if level else under))
    return out


def _number_alone(words: str) -> bool:
    found = section_number(words.strip())
    return found is not None and not found[1]


def _closing_words(parts: list[Part]) -> list[Part]:
    """The parts, the words that close a list (", shall be guilty of an offence") taken out of its last item onto a
    line of their own, and such words on a line of their own already, at the level of the words that opened the list
    (so that a text divided twice is divided as once)."""
    out: list[Part] = []
    for k, part in enumerate(parts):
        if not part.level and k and _VERB_FIRST.match(part.text) and (opening := _resumed(parts, k - 1)):
            out.append(replace(part, under=opening.level or opening.under))
            continue
        at = _RESUMES.search(part.text) if _last_item(parts, k) else None
        opening = _resumed(parts, k) if at and not _RELATIVE.search(part.text[:at.start()]) else None
        if at is None or opening is None:
            out.append(part)
            continue
        item, closing = part.text[:at.start() + 1], part.text[at.end():]
        out.append(replace(part, text=item, line=part.line[:len(part.line) - len(part.text)] + item))
        out.append(Part(0, "", "", closing, closing, opening.level or opening.under))
    return out


def _resumed(parts: Sequence[Part], k: int) -> Part | None:
    """The part whose words open the list part `k` is an item of, where words after the item may resume them: they
    have no offence verb of their own."""
    opening = _opening(parts, k)
    return opening if opening is not None and not _HAS_VERB.search(opening.text) else None


def _opening(parts: Sequence[Part], k: int) -> Part | None:
    """The part whose words open the list a paragraph or lower part `k` is an item of (words a part of their own,
    or a part at a level above), or None."""
    level = parts[k].level
    if level < 2:
        return None
    return next((p for p in reversed(parts[:k]) if p.level < level), None)


def _last_item(parts: Sequence[Part], k: int) -> bool:
    """Whether part `k` is the last item of a list of paragraphs or lower parts: no part at its level follows before
    words or a higher part."""
    if parts[k].level < 2:
        return False
    following = next((p for p in parts[k + 1:] if p.level <= parts[k].level), None)
    return following is None or following.level < parts[k].level


def section_lines(lines: Sequence[str]) -> list[str]:
    """A section's lines, a part a line."""
    return [p.line for p in divide(lines)]


__all__ = ["Part", "divide", "section_lines", "section_number", "sectioned"]
