"""lexdraft's Chinese numerals are cn2an's (which lexdraft no longer imports at run time), number for number."""

from __future__ import annotations

import random

import cn2an  # type: ignore[import-untyped]
import pytest

from lexdraft.packs.numerals import chinese_numeral


def test_every_number_below_twenty_thousand_is_written_as_cn2an_writes_it() -> None:
    assert [n for n in range(20_001) if chinese_numeral(n) != cn2an.an2cn(str(n))] == []


def test_long_numbers_with_zeros_in_every_place_are_written_as_cn2an_writes_them() -> None:
    draw = random.Random(2026)  # zeros are where the rules differ (一万零一, 一亿零一千万 …): drawn often
    numbers = [int("".join(draw.choice("0000112479") for _ in range(draw.randint(5, 16)))) for _ in range(20_000)]
    numbers += [10**k for k in range(16)] + [10**k + 1 for k in range(16)] + [-7, -110_010]
    assert [n for n in numbers if chinese_numeral(n) != cn2an.an2cn(str(n))] == []


@pytest.mark.parametrize(("n", "prc", "tw"), [
    (0, "零", "零"), (10, "十", "十"), (14, "十四", "十四"), (110, "一百一十", "一百十"),
    (1010, "一千零一十", "一千零十"),
    (10_001, "一万零一", "一萬零一"), (100_000_000, "一亿", "一億"), (319, "三百一十九", "三百十九"),
])
def test_statute_forms(n: int, prc: str, tw: str) -> None:
    assert (chinese_numeral(n), chinese_numeral(n, "chinese-tw")) == (prc, tw)


def test_a_number_too_long_for_the_units_is_refused() -> None:
    with pytest.raises(ValueError, match="more digits"):
        chinese_numeral(10**16)
