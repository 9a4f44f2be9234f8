"""Penalty, money, fine, quantity and threshold phrases, and conditions as statute lists, in zh and en."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .labels import term_label
from .numerals import en_fraction, en_number, zh_numeral
from .words import join_alternatives

_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")


def _own(section: str, term: A.Term, lang: str, jurisdiction: str) -> str:
    """A penalty or fine mode as the jurisdiction's pack words it in `lang` (Taiwan's "short-term detention", "and/or
    a fine"), else as the vocabulary does (the official translations of PRC law)."""
    p = packs.pack(jurisdiction)
    words = p.words(lang) if p is not None else packs.Wording()
    own = (words.penalties if section == "penalties" else words.fine_modes).get(term.name)
    return own or term_label(term, lang)


def _duration(d: A.Duration, lang: str, jurisdiction: str) -> str:
    if lang == "zh":
        return zh_numeral(d.amount, jurisdiction) + term_label(d.unit, "zh")
    unit = term_label(d.unit, "en")
    return f"{en_number(d.amount)} {unit[:-1] if d.amount == 1 and unit.endswith('s') else unit}"


def _principal(p: A.Principal, lang: str, jurisdiction: str) -> str:
    """三年以上七年以下有期徒刑 / fixed-term imprisonment of not less than three years and not more than seven years."""
    name = _own("penalties", p.kind, lang, jurisdiction)
    low = _duration(p.low, lang, jurisdiction) if p.low else None
    high = _duration(p.high, lang, jurisdiction) if p.high else None
    if lang == "zh":
        return (f"{low}以上" if low else "") + (f"{high}以下" if high else "") + name
    bounds = [f"not less than {low}"] if low else []
    bounds += [f"not more than {high}"] if high else []
    return name + (" of " + " and ".join(bounds) if bounds else "")


def money(amount: int, unit: A.Term, lang: str, jurisdiction: str) -> str:
    """五十万元 / 新臺幣五十萬元 / 500,000 yuan, or as the pack writes its currency: NT$500,000."""
    label = term_label(unit, lang)
    if lang == "en":
        p = packs.pack(jurisdiction)
        own = p.words(lang).money if p is not None and unit.name == p.currency_unit else None
        return own.format(amount=f"{amount:,}") if own else f"{amount:,} {label}"
    number = zh_numeral(amount, jurisdiction)
    # A currency such as 新臺幣元 wraps the number: 新臺幣 + 五十萬 + 元.
    return label[:-1] + number + "元" if label.endswith("元") else number + label


def _fine(f: A.Fine, lang: str, jurisdiction: str) -> str:
    """并处罚金 / 得併科五十萬元以下罰金 / and shall also be fined or sentenced to confiscation of property."""
    label = _own("fine-modes", f.mode, lang, jurisdiction)
    cap = fine_cap(f, lang, jurisdiction)
    if cap is not None:
        if lang == "zh":
            at = max(label.rfind("罚金"), label.rfind("罰金"))
            if at < 0:
                raise fail("E402", f"cannot place a cap in the fine wording {label!r}", f.mode.span,
                           "the Chinese label of the fine mode in vocabulary/vocabulary.yaml must contain 罚金 or 罰金")
            label = f"{label[:at]}{cap}以下{label[at:]}"
        else:
            limits = f"not less than {money(f.floor, f.unit, lang, jurisdiction)} and not more than {cap}" \
                if f.floor is not None and f.unit is not None else f"not more than {cap}"
            label += f" of {limits}" if label.endswith("fine") else f" {limits}"
    if f.or_also is not None:
        # 并处罚金或者没收财产: "and shall also be fined or sentenced to confiscation of property", as the official
        # translations say it (the fine is a verb there, the other penalty a sentence)
        joined = " or sentenced to " if lang == "en" and label.endswith("fined") else " or "
        label += ("或者" if lang == "zh" else joined) + term_label(f.or_also, lang, "penalties")
    if f.and_also is not None:
        # a penalty beside the fine (decomiso): 并处罚金，并没收犯罪物品 / and shall also be fined, and sentenced to
        # forfeiture of the material and the means used
        label += ("，并" if lang == "zh" else ", and sentenced to ") + term_label(f.and_also, lang, "penalties")
    return label


def principal_phrases(sentence: A.Sentence, lang: str, jurisdiction: str) -> list[str]:
    """Each principal penalty of a tier: 三年以下有期徒刑, 拘役 / fixed-term imprisonment of …, criminal detention."""
    return [_principal(p, lang, jurisdiction) for p in sentence.principals]


def fine_cap(f: A.Fine, lang: str, jurisdiction: str) -> str | None:
    """A fine's cap as money (五十萬元 / 500,000 …), or None when the fine has none."""
    if f.cap is None:
        return None
    if f.unit is None:
        raise fail("E407", "a fine cap needs its currency, e.g. `fine mandatory <= 500000 yuan`", f.span,
                   "write the currency after the amount")
    cap = money(f.cap, f.unit, lang, jurisdiction)
    if f.floor is None or lang == "en":
        return cap
    # 新臺幣六萬元以上六十萬元: the minimum, then the cap without the currency's name said again
    label = term_label(f.unit, lang)
    tail = cap.removeprefix(label[:-1]) if label.endswith("元") else cap
    return f"{money(f.floor, f.unit, lang, jurisdiction)}以上{tail}"


def penalty_phrase(sentence: A.Sentence, lang: str, jurisdiction: str) -> str:
    """One tier's punishment without the verb: 三年以下有期徒刑、拘役或者管制，并处或者单处罚金."""
    if sentence.increase is not None:
        num, den = sentence.increase
        if lang == "zh":
            return f"加重其刑至{zh_numeral(den, jurisdiction)}分之{zh_numeral(num, jurisdiction)}"
        return f"the punishment shall be increased by up to {en_fraction(num, den)}"
    principals = [_principal(p, lang, jurisdiction) for p in sentence.principals]
    fine = _fine(sentence.fine, lang, jurisdiction) if sentence.fine else None
    if not principals:
        if fine is None:
            raise fail("E407", f"the `{sentence.tier.name}` penalty names no punishment", sentence.span,
                       f"write the punishment after the tier, e.g. `{sentence.tier.name} imprisonment <= 3 years`")
        # A fine alone: 处罚金 / a fine.
        return "罚金" if lang == "zh" else "a fine"
    text = join_alternatives(principals, lang)
    if fine:
        text += ("，" if lang == "zh" else ", ") + fine
    return text


# ------------------------------------------------------------------ thresholds and conditions

def _quantity(t: A.Threshold, lang: str, jurisdiction: str, with_unit: bool) -> str:
    """五十人以上 / 50 persons or more (with_unit); 五十以上 / 50 or more (without)."""
    if lang == "zh":
        if with_unit and t.unit.name in {"yuan", "twd"}:
            n = money(t.amount, t.unit, "zh", jurisdiction)
        else:
            n = zh_numeral(t.amount, jurisdiction) + (term_label(t.unit, "zh") if with_unit else "")
        # PRC Criminal Law art. 99: 以上 and 以下 include the number itself, so >= is 以上.
        return {">=": f"{n}以上", "<=": f"{n}以下", ">": f"超过{n}", "<": f"不满{n}", "=": n}[t.op]
    n = f"{t.amount:,}"
    unit = f" {term_label(t.unit, 'en')}" if with_unit else ""
    if with_unit and t.unit.name in {"yuan", "twd"}:
        n, unit = money(t.amount, t.unit, "en", jurisdiction), ""
    return {">=": f"{n}{unit} or more", "<=": f"not more than {n}{unit}", ">": f"more than {n}{unit}",
            "<": f"fewer than {n}{unit}", "=": f"{n}{unit}"}[t.op]


def threshold_phrase(t: A.Threshold, lang: str, jurisdiction: str) -> str:
    """The measure's `zh-phrase` / `en-phrase` pattern filled in; [..] segments drop when their value is absent."""
    entry = vocabulary().entry("measures", t.measure.name)
    pattern = entry.get(f"{lang}-phrase") if entry else None
    if not isinstance(pattern, str):
        raise fail("E402", f"the measure `{t.measure.name}` has no `{lang}-phrase` to word a threshold", t.measure.span,
                   f"add {lang}-phrase to measures.{t.measure.name} in vocabulary/vocabulary.yaml, "
                   "using {quantity}, {count}, {amount}, {unit} and [..{channel}..]")
    values = {
        "quantity": _quantity(t, lang, jurisdiction, True),
        "count": _quantity(t, lang, jurisdiction, False),
        "amount": zh_numeral(t.amount, jurisdiction) if lang == "zh" else f"{t.amount:,}",
        "unit": term_label(t.unit, lang),
        "channel": term_label(t.channel, lang) if t.channel else "",
    }
    if t.channel is not None and "{channel}" not in pattern:
        raise fail("E402", f"the {lang}-phrase of `{t.measure.name}` has no place for the channel", t.channel.span,
                   "add [..{channel}..] to the phrase, or drop the channel from the threshold")

    def optional(m: re.Match[str]) -> str:
        return m.group(1) if all(values.get(n) for n in _PLACEHOLDER.findall(m.group(1))) else ""

    def fill(m: re.Match[str]) -> str:
        name = m.group(1)
        if not values.get(name):
            raise fail("E402", f"the {lang}-phrase of `{t.measure.name}` needs `{{{name}}}`, which this threshold "
                       "does not give", t.span, "put that part of the phrase inside [ ] to make it optional")
        return values[name]

    return _PLACEHOLDER.sub(fill, _OPTIONAL.sub(optional, pattern))


def _circumstance_item(term: A.Term, lang: str) -> str:
    label = term_label(term, lang, "circumstances")
    return label.removeprefix("where ") if lang == "en" else label


@dataclass(frozen=True)
class Item:
    """One enumerated circumstance; a nested condition carries its own items."""

    text: str
    items: tuple[Item, ...] = ()
    whole: bool = False  # a phrase complete in itself (其他……的情形), which takes no 的


def condition_items(cond: A.Condition, lang: str, jurisdiction: str) -> tuple[Item, ...]:
    """The items of a condition, worded; nested conditions become an item with sub-items."""
    out = []
    for it in cond.items:
        if isinstance(it, A.Threshold):
            out.append(Item(threshold_phrase(it, lang, jurisdiction)))
        elif isinstance(it, A.Term):
            out.append(Item(_circumstance_item(it, lang)))
        else:
            out.append(Item(lead_in(it.mode, lang), condition_items(it, lang, jurisdiction)))
    return tuple(out)


def lead_in(mode: A.ConditionMode, lang: str, statute: bool = False) -> str:
    """具有下列情形之一 / 同时具有下列情形 (zh; a statute writes 有下列情形之一); any / all of the following (en)."""
    if lang == "zh":
        have = "有" if statute else "具有"
        return f"{have}下列情形之一" if mode is A.ConditionMode.ANY else f"同时{have}下列情形"
    return "any of the following" if mode is A.ConditionMode.ANY else "all of the following"


def _zh_items(items: Sequence[Item], ends: bool) -> list[str]:
    """Lines （一）…的； … （二）…的。 with 1. sub-items for nested conditions, as PRC interpretations write them."""
    lines: list[str] = []
    for i, item in enumerate(items, 1):
        final = i == len(items)
        if item.items:
            lines.append(f"（{zh_numeral(i)}）{item.text}的：")
            lines += [f"{j}.{sub.text}的{'。' if ends and final and j == len(item.items) else '；'}"
                      for j, sub in enumerate(item.items, 1)]
        else:
            tail = "" if item.whole else "的"
            lines.append(f"（{zh_numeral(i)}）{item.text}{tail}{'。' if ends and final else '；'}")
    return lines


def _en_items(items: Sequence[Item], mode: A.ConditionMode, ends: bool) -> list[str]:
    """English list lines: '; or' / '; and' before the last item, as statutory English writes it."""
    lines = []
    word = "or" if mode is A.ConditionMode.ANY else "and"
    for i, item in enumerate(items, 1):
        final = i == len(items)
        mark = f"({i})"
        if item.items:
            lines.append(f"{mark} {item.text}:")
            lines.extend(_en_sub_items(item.items, ends and final, final, word))
        else:
            tail = "." if (final and ends) else (";" if final else f"; {word}" if i == len(items) - 1 else ";")
            lines.append(f"{mark} {item.text}{tail}")
    return lines


def _en_sub_items(items: Sequence[Item], ends: bool, parent_final: bool, parent_word: str) -> list[str]:
    lines = []
    for j, sub in enumerate(items, 1):
        final = j == len(items)
        tail = ("." if ends else (";" if parent_final else f"; {parent_word}")) if final else ";"
        lines.append(f"({chr(ord('a') + j - 1)}) {sub.text}{tail}")
    return lines


def list_lines(cond: A.Condition, lang: str, jurisdiction: str, ends: bool = True,
               other: str | None = None) -> list[str]:
    """A condition as statute list lines in either language; `other` closes the list with a catch-all item."""
    items = condition_items(cond, lang, jurisdiction) + ((Item(other, whole=True),) if other else ())
    return _zh_items(items, ends) if lang == "zh" else _en_items(items, cond.mode, ends)
