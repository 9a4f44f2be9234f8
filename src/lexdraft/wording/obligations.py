"""Administrative obligations worded: holders, duty, tiers of measures and the sanction."""

from __future__ import annotations

from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .citations import article_id
from .labels import term_label
from .numerals import zh_numeral
from .phrases import money
from .words import capitalize, join_alternatives


def obligation_lines(o: A.Obligation, lang: str) -> list[str]:
    """网络服务提供者应当按照下列规定履行……义务：（一）……；（二）…… and the sanction."""
    zh = lang == "zh"
    if o.duty is None or not o.holders:
        raise fail("E407", f"the obligation {o.id} needs its `holder` and `duty` to be worded", o.span,
                   "add `holder …` and `duty …`, or quote the provision in a `text` block")
    holder = join_alternatives([term_label(h, lang) for h in o.holders], lang, "和" if zh else "and")
    duty = term_label(o.duty.name, lang)
    pre = term_label(o.duty.precondition, lang) if o.duty.precondition else None
    if zh:
        head = f"{holder}{pre + '的，' if pre else ''}应当{'按照下列规定' if o.tiers else ''}履行{duty}"
    else:
        when = f"that {pre} " if pre else ""
        head = f"{capitalize(holder)} {when}shall perform {duty}{' as follows' if o.tiers else ''}"
    lines = [head + (("：" if zh else ":") if o.tiers else ("。" if zh else "."))]
    for n, t in enumerate(o.tiers, 1):
        measures = [term_label(m, lang) for m in t.measures]
        entry = vocabulary().entry("obligation-tiers", t.name.name) or {}
        who = join_alternatives([term_label(c, lang) for c in t.classes], lang, "和" if zh else "and") if t.classes \
            else (f"所有{holder}" if zh else f"all {holder}")
        if zh:
            verb = "均应当" if entry.get("all-classes") else "可以适当降低本条其他要求，但至少应当" \
                if t.name.name == "reduced" else "还应当"
            body = f"{who}{verb}{'，'.join(measures)}"
        else:
            verb = "shall" if entry.get("all-classes") else \
                "may meet reduced requirements under this Article but shall at least" if t.name.name == "reduced" \
                else "shall also"
            body = f"{who} {verb} {join_alternatives(measures, 'en', 'and')}"
        last = n == len(o.tiers)
        if zh:
            lines.append(f"（{zh_numeral(n)}）{body}{'。' if last else '；'}")
        else:
            lines.append(f"({n}) {body}{'.' if last else '; and' if n == len(o.tiers) - 1 else ';'}")
    if o.sanction is not None:
        sentence = _sanction_sentence(o.sanction, lang, article_id(o).jurisdiction)
        further = _further_sanctions(o.sanctions[1:], lang)
        lines.append(sentence[:-1] + further if further else sentence)  # joined to the principal sentence
    return lines


def _further_sanctions(sanctions: tuple[A.Sanction, ...], lang: str) -> str:
    """The sanctions laid down beside the principal one (an order to receive counselling education, a forfeiture),
    joined to its sentence: ……罚款，并得令其接受辅导教育（2至10小时），没入其附着物、图画及物品。 / …; a discretionary
    order to receive counselling education (2 to 10 hours) and the forfeiture of the items also apply."""
    if not sanctions:
        return ""
    words = []
    for sa in sanctions:
        unit = term_label(sa.unit, lang) if sa.unit is not None else ""
        ranged = sa.low is not None and sa.high is not None
        if lang == "zh":
            words.append(term_label(sa.kind, lang) + (f"（{sa.low}至{sa.high}{unit}）" if ranged else ""))
        else:
            words.append(term_label(sa.kind, lang) + (f" ({sa.low} to {sa.high} {unit})" if ranged else ""))
    if lang == "zh":
        return "，" + "，".join(words) + "。"
    return "; " + " and ".join(words) + (" also apply." if len(words) > 1 else " also applies.")


def _sanction_sentence(sa: A.Sanction, lang: str, jurisdiction: str) -> str:
    """违反本条规定的，处一万元以上十万元以下罚款。 / Whoever violates this Article shall be fined …"""
    zh = lang == "zh"
    if sa.low is not None and sa.high is not None and sa.unit is not None:
        low, high = (money(sa.low, sa.unit, lang, jurisdiction), money(sa.high, sa.unit, lang, jurisdiction))
        if zh:
            return f"违反本条规定的，处{low}以上{high}以下{term_label(sa.kind, 'zh')}。"
        return f"Whoever violates this Article shall be fined not less than {low} and not more than {high}."
    if zh:
        return f"违反本条规定的，{term_label(sa.kind, 'zh')}。"
    return f"Whoever violates this Article is subject to {term_label(sa.kind, 'en')}."
