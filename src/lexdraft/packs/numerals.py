"""Chinese numerals as a pack writes them: the PRC's (三百一十九) or Taiwan's (三百十九, 萬)."""

from __future__ import annotations


def chinese_numeral(n: int, numerals: str = "chinese") -> str:
    """`n` in Chinese numerals: `chinese` as the PRC writes them, `chinese-tw` as Taiwan does."""
    import cn2an  # type: ignore[import-untyped]  # here, not at start: it takes longer to import than lark

    s = str(cn2an.an2cn(str(n)))
    if numerals == "chinese-tw":
        # cn2an follows PRC usage (三百一十九); Taiwan statutes write 三百十九, 一千零十.
        s = s.replace("一十", "十").replace("万", "萬").replace("亿", "億")
    return s
