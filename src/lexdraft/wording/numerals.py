"""Numbers in statute words: Chinese numerals, English numbers and fractions, Roman chapter numbers."""

from __future__ import annotations

from .. import packs
from ..packs.numerals import chinese_numeral

__all__ = ["chinese_numeral", "en_fraction", "en_number", "roman", "zh_numeral"]

_EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
             "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINAL_PARTS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}


def zh_numeral(n: int, jurisdiction: str | None = None) -> str:
    """Chinese numeral as the jurisdiction's pack writes them: `chinese-tw` drops the 一 before 十 (三百十九) and writes
    萬 and 億. Without a jurisdiction (an item's number, the treaty's articles), in PRC usage (三百一十九)."""
    return chinese_numeral(n, _numerals(jurisdiction) if jurisdiction is not None else "chinese")


def _numerals(jurisdiction: str) -> str:
    p = packs.pack(jurisdiction)
    form = p.citations.get("zh") if p is not None else None
    return form.numerals if form is not None else "chinese"


def en_number(n: int) -> str:
    """English words for 0-99 (years, months, fractions); larger numbers as grouped digits."""
    if 0 <= n < 20:
        return _EN_SMALL[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return _EN_TENS[tens] + (f"-{_EN_SMALL[ones]}" if ones else "")
    return f"{n:,}"


def en_fraction(num: int, den: int) -> str:
    """'one half', 'two thirds'; falls back to digits for unusual denominators."""
    part = _EN_ORDINAL_PARTS.get(den)
    if part is None:
        return f"{num}/{den}"
    return f"{en_number(num)} {part}{'' if num == 1 else 's'}"


def roman(n: int) -> str:
    """Chapter numbers in English statutes: IV, VI, XXVIII."""
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out
