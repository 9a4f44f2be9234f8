"""Chinese numerals as a pack writes them: the PRC's (三百一十九) or Taiwan's (三百十九, 萬)."""

from __future__ import annotations

import re

_DIGITS = "零一二三四五六七八九"
# the unit after each place, counted from the ones: 十 百 千, then 万 and 亿 every four places
_UNITS = ("", "十", "百", "千", "万", "十", "百", "千", "亿", "十", "百", "千", "万", "十", "百", "千")
_ZERO_BEFORE_THOUSANDS = re.compile(r"([万亿])零([一二三四五六七八九]千)")


def _prc(n: int) -> str:
    """`n` in PRC usage (一百一十九, 十, 一万零一), exactly as cn2an 0.5's `an2cn` writes an integer (the tests hold
    the two equal)."""
    digits = str(abs(n))
    if len(digits) > len(_UNITS):
        raise ValueError(f"{n} has more digits than Chinese numerals are written for here ({len(_UNITS)})")
    out = ""
    for i, d in enumerate(digits):
        place = len(digits) - 1 - i
        if d != "0":
            out += _DIGITS[int(d)] + _UNITS[place]
            continue
        if place % 4 == 0:
            out += "零" + _UNITS[place]
        if i > 0 and out[-1] != "零":
            out += "零"
    out = out.replace("零零", "零").replace("零万", "万").replace("零亿", "亿").replace("亿万", "亿").strip("零")
    out = _ZERO_BEFORE_THOUSANDS.sub(r"\1\2", out)
    if out.startswith("一十"):
        out = out[1:]
    return ("负" if n < 0 else "") + (out or "零")


def chinese_numeral(n: int, numerals: str = "chinese") -> str:
    """`n` in Chinese numerals: `chinese` as the PRC writes them, `chinese-tw` as Taiwan does."""
    s = _prc(n)
    if numerals == "chinese-tw":
        # PRC usage writes 三百一十九; Taiwan statutes write 三百十九, 一千零十.
        s = s.replace("一十", "十").replace("万", "萬").replace("亿", "億")
    return s
