"""Render provisions and judicial interpretations as Chinese and English text through Jinja2 templates."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

import cn2an  # type: ignore[import-untyped]
import jinja2

from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from ..resources import data_dir

LANGS = ("zh", "en")

# Short names used when one instrument cites another ("刑法第二百五十三条之二").
_SHORT_NAMES = {
    "criminal-law": ("刑法", "the Criminal Law"),
    "criminal-code": ("刑法", "the Criminal Code"),
}

# Treaties the drafts implement, by the first part of a treaty id (uncc.16 -> Art. 16).
_TREATIES = {"uncc": ("《联合国打击网络犯罪公约》", "UN Convention against Cybercrime")}

# What sits at an article of an instrument: an offence provision or an administrative obligation.
Article = A.Provision | A.Obligation

_ARTICLE_NO = re.compile(r"^\d{1,6}(-\d{1,6})*$")  # article numbers; 6 digits is more than any code has
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")
_OPTIONAL = re.compile(r"\[([^\[\]]*)\]")

_EN_SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
_EN_TENS = ["_", "_", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_EN_ORDINAL_PARTS = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 8: "eighth", 10: "tenth"}

# How each exception reads in the article: an act done for a purpose, or a kind of work
# that falls outside the object. Exceptions missing here cannot be phrased (E402).
_EXCEPTION_FORMS = {
    "artistic-work": "act",
    "law-enforcement": "act",
    "bona-fide-research": "purpose",
    "scientific-work": "work",
    "artistic-value": "work",
}

# The question a standard answers, for "认定是否……" and "对是否……难以确定的".
_STANDARD_QUESTIONS = {
    "identifiable-by": ("是否可被识别", "whether an image is identifiable"),
    "ai-synthesis": ("是否系人工智能合成", "whether an image was produced by AI synthesis"),
    "dissemination-purpose": ("是否以传播为目的", "whether the conduct was for the purpose of dissemination"),
}

# Conduct that names its own object (发布信息, 设立网站、通讯群组): the statute's structure around them
# (a list of acts, a helper's knowledge of another's crime) is beyond composition, so an object beside
# them cannot be worded without misstating the law (E402).
_SELF_CONTAINED_CONDUCT = {
    "coerce-sexual-exposure", "set-up-website-or-group", "publish-information",
    "provide-technical-support", "provide-advertising-or-payment",
}

# `depicts` values that describe the content itself (art. 367: 具体描绘性行为、露骨宣扬色情): they
# modify the noun directly instead of following 描绘 / "depicts".
_CONTENT_DEPICTIONS = {"sexual-acts-concretely", "explicit-pornography"}

# Predicate frames for object attributes: zh modifies the noun, en follows "that".
_ATTR_FRAMES = {
    "identifiable-by": ("能够被{v}识别", "is capable of being identified by {v}"),
    "standard": ("{v}", "is {v}"),
    "privacy": ("{v}", "is {v}"),
}


# ------------------------------------------------------------------ numbers

def zh_numeral(n: int, jurisdiction: str = "prc") -> str:
    """Chinese numeral by cn2an; Taiwan drops the 一 before 十 (三百十九) and writes 萬 and 億."""
    s = str(cn2an.an2cn(str(n)))
    if jurisdiction == "tw":
        # cn2an follows PRC usage (三百一十九); Taiwan statutes write 三百十九, 一千零十.
        s = s.replace("一十", "十").replace("万", "萬").replace("亿", "億")
    return s


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


# ------------------------------------------------------------------ articles

@dataclass(frozen=True)
class ArticleId:
    """Where a provision sits: jurisdiction, instrument term, article number such as 253-2, paragraph."""

    jurisdiction: str
    law: str
    article: str
    paragraph: int | None = None


def article_id(provision: Article) -> ArticleId:
    """Parse `prc.criminal-law.253-2` or `tw.criminal-code.319-3.4`; an inserted article wins over the id."""
    parts = provision.id.split(".")
    if len(parts) < 3 or not _ARTICLE_NO.match(parts[2]):
        raise fail("E403", f"cannot find an article number in the id {provision.id!r}", provision.span,
                   "write the id as jurisdiction.instrument.article, e.g. prc.criminal-law.253-2")
    paragraph = None
    if len(parts) > 3:
        if len(parts) > 4 or not parts[3].isdigit() or len(parts[3]) > 6:
            raise fail("E403", f"the id {provision.id!r} has more than an article and a paragraph", provision.span,
                       "add at most a paragraph number after the article, e.g. prc.criminal-law.237.3")
        paragraph = int(parts[3])
    jurisdiction = provision.jurisdiction.name if provision.jurisdiction else parts[0]
    number = parts[2]
    if provision.instrument is not None and provision.instrument.inserts:
        number = provision.instrument.inserts
    return ArticleId(jurisdiction, parts[1], number, paragraph)


def article_label(number: str, jurisdiction: str, lang: str, paragraph: int | None = None) -> str:
    """`253-2` -> 第二百五十三条之二 / Article 253-2; Taiwan writes 第三百十九條之四 with 項 for paragraphs."""
    if lang == "en":
        return f"Article {number}" + (f", paragraph {paragraph}" if paragraph else "")
    tw = jurisdiction == "tw"
    head, *subs = (int(p) for p in number.split("-"))
    out = f"第{zh_numeral(head, jurisdiction)}{'條' if tw else '条'}"
    out += "".join(f"之{zh_numeral(s, jurisdiction)}" for s in subs)
    if paragraph:
        out += f"第{zh_numeral(paragraph, jurisdiction)}{'項' if tw else '款'}"
    return out


def law_name(provision: Article, lang: str) -> str:
    """The full name of the instrument the article belongs to."""
    aid = article_id(provision)
    entry = vocabulary().entry("instruments", aid.law)
    if entry is not None:
        return str(entry[lang])
    if provision.instrument is not None and provision.instrument.target and lang == "zh":
        return provision.instrument.target
    # Falling back to the `instrument` kind would cite the wrong act (a CSEPA article as 中華民國刑法).
    raise fail("E403", f"cannot name the law of {provision.id}: `{aid.law}` is not an instrument in the vocabulary",
               provision.span,
               f"add `{aid.law}: {{zh: <the act's Chinese name>, en: <its English name>}}` under `instruments:` "
               f"in vocabulary/vocabulary.yaml and write `instrument {aid.law}`")


def citation(provision: Article, lang: str) -> str:
    """《中华人民共和国刑法》第二百五十三条之二 / Criminal Law of ..., Article 253-2."""
    aid = article_id(provision)
    label = article_label(aid.article, aid.jurisdiction, lang, aid.paragraph)
    if lang == "zh":
        return f"《{law_name(provision, lang)}》{label}"
    return f"{law_name(provision, lang)}, {label}"


def short_reference(provision: A.Provision, lang: str) -> str:
    """How an interpretation cites the provision: 刑法第二百五十三条之二 / Article 253-2 of the Criminal Law."""
    aid = article_id(provision)
    zh_short, en_short = _SHORT_NAMES.get(aid.law, (f"《{law_name(provision, 'zh')}》", ""))
    if lang == "zh":
        return zh_short + article_label(aid.article, aid.jurisdiction, "zh", aid.paragraph)
    law = en_short or f"the {law_name(provision, 'en')}"
    if aid.paragraph:
        return f"paragraph {aid.paragraph} of Article {aid.article} of {law}"
    return f"Article {aid.article} of {law}"


def treaty_reference(ref: str, lang: str) -> str:
    """`uncc.16.1` -> 《联合国打击网络犯罪公约》第十六条第一款 / UN Convention against Cybercrime, Art. 16(1)."""
    prefix, *numbers = ref.split(".")
    name = _TREATIES.get(prefix)
    if name is None or not numbers or not all(n.isdigit() for n in numbers):
        return ref
    if lang == "zh":
        out = f"{name[0]}第{zh_numeral(int(numbers[0]))}条"
        if len(numbers) > 1:
            out += f"第{zh_numeral(int(numbers[1]))}款"
        return out
    return f"{name[1]}, Art. {numbers[0]}" + "".join(f"({n})" for n in numbers[1:])


# ------------------------------------------------------------------ labels and joins

def _label(term: A.Term, lang: str, section: str | None = None) -> str:
    """The vocabulary label of a term, or E402 when the vocabulary has none."""
    sec = section or term.section
    entry = vocabulary().entry(sec, term.name)
    if entry is None or lang not in entry:
        raise fail("E402", f"no {lang} wording for `{term.name}` in vocabulary section `{sec}`", term.span,
                   "add the term to vocabulary/vocabulary.yaml, or use a term the vocabulary has")
    return str(entry[lang])


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


def _head_noun(phrase: str, lang: str) -> str:
    """The head of a compound noun (私密图像 -> 图像, intimate image -> image): both languages are head-final."""
    return phrase[-2:] if lang == "zh" else phrase.split()[-1]


def _object_noun(obj: A.ObjectSpec, lang: str) -> str:
    """The defined term without its possessor: 他人私密图像 -> 私密图像, an intimate image of another person -> intimate image."""
    label = _label(obj.kind, lang)
    if lang == "zh":
        return label.removeprefix("他人")
    label = re.sub(r"^(an?|the) ", "", label)
    return re.sub(r" of (another person|others)$", "", label)


def _with_article(noun: str) -> str:
    """'a synthetic image', 'visual material': mass and plural heads take no article."""
    head = noun.split()[-1]
    if head.endswith("s") or head in {"material", "information"}:
        return noun
    return ("an " if noun[0] in "aeiou" else "a ") + noun


def _capitalize(s: str) -> str:
    return s[:1].upper() + s[1:]


# ------------------------------------------------------------------ penalties

def _duration(d: A.Duration, lang: str, jurisdiction: str) -> str:
    if lang == "zh":
        return zh_numeral(d.amount, jurisdiction) + _label(d.unit, "zh")
    unit = _label(d.unit, "en")
    return f"{en_number(d.amount)} {unit[:-1] if d.amount == 1 and unit.endswith('s') else unit}"


def _principal(p: A.Principal, lang: str, jurisdiction: str) -> str:
    """三年以上七年以下有期徒刑 / fixed-term imprisonment of not less than three years and not more than seven years."""
    name = _label(p.kind, lang)
    low = _duration(p.low, lang, jurisdiction) if p.low else None
    high = _duration(p.high, lang, jurisdiction) if p.high else None
    if lang == "zh":
        return (f"{low}以上" if low else "") + (f"{high}以下" if high else "") + name
    bounds = [f"not less than {low}"] if low else []
    bounds += [f"not more than {high}"] if high else []
    return name + (" of " + " and ".join(bounds) if bounds else "")


def _money(amount: int, unit: A.Term, lang: str, jurisdiction: str) -> str:
    """五十万元 / 新臺幣五十萬元 / 500,000 New Taiwan dollars."""
    label = _label(unit, lang)
    if lang == "en":
        return f"{amount:,} {label}"
    number = zh_numeral(amount, jurisdiction)
    # A currency such as 新臺幣元 wraps the number: 新臺幣 + 五十萬 + 元.
    return label[:-1] + number + "元" if label.endswith("元") else number + label


def _fine(f: A.Fine, lang: str, jurisdiction: str) -> str:
    """并处罚金 / 得併科五十萬元以下罰金 / and concurrently a fine or confiscation of property."""
    label = _label(f.mode, lang)
    if f.cap is not None:
        if f.unit is None:
            raise fail("E407", "a fine cap needs its currency, e.g. `fine mandatory <= 500000 yuan`", f.span,
                       "write the currency after the amount")
        cap = _money(f.cap, f.unit, lang, jurisdiction)
        if lang == "zh":
            at = max(label.rfind("罚金"), label.rfind("罰金"))
            if at < 0:
                raise fail("E402", f"cannot place a cap in the fine wording {label!r}", f.mode.span,
                           "the Chinese label of the fine mode in vocabulary/vocabulary.yaml must contain 罚金 or 罰金")
            label = f"{label[:at]}{cap}以下{label[at:]}"
        else:
            label += f" of not more than {cap}" if label.endswith("fine") else f" not more than {cap}"
    if f.or_also is not None:
        label += ("或者" if lang == "zh" else " or ") + _label(f.or_also, lang, "penalties")
    return label


def penalty_phrase(sentence: A.Sentence, lang: str, jurisdiction: str = "prc") -> str:
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
            n = _money(t.amount, t.unit, "zh", jurisdiction)
        else:
            n = zh_numeral(t.amount, jurisdiction) + (_label(t.unit, "zh") if with_unit else "")
        # PRC Criminal Law art. 99: 以上 and 以下 include the number itself, so >= is 以上.
        return {">=": f"{n}以上", "<=": f"{n}以下", ">": f"超过{n}", "<": f"不满{n}", "=": n}[t.op]
    n = f"{t.amount:,}"
    unit = f" {_label(t.unit, 'en')}" if with_unit else ""
    if with_unit and t.unit.name in {"yuan", "twd"}:
        n, unit = _money(t.amount, t.unit, "en", jurisdiction), ""
    return {">=": f"{n}{unit} or more", "<=": f"not more than {n}{unit}", ">": f"more than {n}{unit}",
            "<": f"fewer than {n}{unit}", "=": f"{n}{unit}"}[t.op]


def threshold_phrase(t: A.Threshold, lang: str, jurisdiction: str = "prc") -> str:
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
        "unit": _label(t.unit, lang),
        "channel": _label(t.channel, lang) if t.channel else "",
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
    label = _label(term, lang, "circumstances")
    return label.removeprefix("where ") if lang == "en" else label


@dataclass(frozen=True)
class Item:
    """One enumerated circumstance; a nested condition carries its own items."""

    text: str
    items: tuple[Item, ...] = ()


def condition_items(cond: A.Condition, lang: str, jurisdiction: str = "prc") -> tuple[Item, ...]:
    """The items of a condition, worded; nested conditions become an item with sub-items."""
    out = []
    for it in cond.items:
        if isinstance(it, A.Threshold):
            out.append(Item(threshold_phrase(it, lang, jurisdiction)))
        elif isinstance(it, A.Term):
            out.append(Item(_circumstance_item(it, lang)))
        else:
            out.append(Item(_lead_in(it.mode, lang), condition_items(it, lang, jurisdiction)))
    return tuple(out)


def _lead_in(mode: str, lang: str, statute: bool = False) -> str:
    """具有下列情形之一 / 同时具有下列情形 (zh; a statute writes 有下列情形之一); any / all of the following (en)."""
    if lang == "zh":
        have = "有" if statute else "具有"
        return f"{have}下列情形之一" if mode == "any" else f"同时{have}下列情形"
    return "any of the following" if mode == "any" else "all of the following"


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
            lines.append(f"（{zh_numeral(i)}）{item.text}的{'。' if ends and final else '；'}")
    return lines


def _en_items(items: Sequence[Item], mode: str, ends: bool) -> list[str]:
    """English list lines: '; or' / '; and' before the last item, as statutory English writes it."""
    lines = []
    word = "or" if mode == "any" else "and"
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


def list_lines(cond: A.Condition, lang: str, jurisdiction: str = "prc", ends: bool = True) -> list[str]:
    """A condition as statute list lines in either language."""
    items = condition_items(cond, lang, jurisdiction)
    return _zh_items(items, ends) if lang == "zh" else _en_items(items, cond.mode, ends)


# ------------------------------------------------------------------ the offence article

@dataclass(frozen=True)
class Trigger:
    """What brings a tier into play: words inline, or a lead-in with an enumerated list."""

    zh: str
    en: str
    items: A.Condition | None = None


def _tier_trigger(p: A.Provision, tier: A.Term, inline_only: bool) -> Trigger | None:
    """The statutory words for a tier: its circumstance, else its numbers, else the tier's own label."""
    decl = next((t for t in p.tiers if t.name.name == tier.name), None)
    if decl is not None and decl.requires is not None:
        return Trigger(_label(decl.requires, "zh"), _en_where(_label(decl.requires, "en")))
    if decl is not None and decl.condition is not None and decl.condition.items:
        cond = decl.condition
        if len(cond.items) > 2 and not inline_only:
            return Trigger(_lead_in(cond.mode, "zh", statute=True), f"in {_lead_in(cond.mode, 'en')} circumstances",
                           cond)
        jur = article_id(p).jurisdiction
        zh = [i.text for i in condition_items(cond, "zh", jur)]
        en = [i.text for i in condition_items(cond, "en", jur)]
        joiner = "的，或者" if cond.mode == "any" else "，并且"
        return Trigger(joiner.join(zh), "where the case involves " +
                       join_alternatives(en, "en", "or" if cond.mode == "any" else "and"))
    if tier.name == "base":
        return None
    entry = vocabulary().entry("tiers", tier.name)
    if tier.name == "aggravated" or entry is None:
        raise fail("E406", f"the `{tier.name}` tier has no circumstance to name it in the statute text", tier.span,
                   f"declare `tier {tier.name} requires <circumstance>` or give its `when` condition")
    return Trigger(str(entry["zh"]), _en_where(str(entry["en"])))


def _en_where(label: str) -> str:
    """Make a circumstance label an English 'where' clause."""
    if label.startswith("where "):
        return label
    if label.startswith(("with ", "by ")):
        return f"where the offence is committed {label}"
    return f"where the case involves {label}"


def _object_phrase(p: A.Provision, lang: str) -> str:
    """The object as the offence clause names it; a person object takes its person attribute."""
    obj = p.object
    if obj is None:
        return ""
    if obj.kind.name == "person":
        people = next((a for a in obj.attrs if a.name.name == "person"), None)
        # "any person" restricts nothing; the statute then says 他人 / another person.
        if people is not None and [v.name for v in people.values] != ["any-person"]:
            return join_alternatives([_label(v, lang) for v in people.values], lang)
    return _label(obj.kind, lang)


def _means_phrase(means: A.Means | None, lang: str) -> str | None:
    """利用信息网络 / 以暴力、胁迫或者其他方法; 'any means' imposes nothing and is left out."""
    if means is None:
        return None
    terms = [m for m in means.means if m.name != "any-means"]
    if not terms:
        return None
    labels = [_label(m, lang) for m in terms]
    if lang == "zh":
        verbal = [label for label in labels if label.startswith(("利用", "以", "通过"))]
        nominal = [label for label in labels if label not in verbal]
        parts = verbal + (["以" + join_alternatives(nominal, "zh")] if nominal else [])
        return "或者".join(parts)
    verbal = [label for label in labels if label.startswith("by ")]
    nominal = [label for label in labels if label not in verbal]
    parts = verbal + (["by " + join_alternatives(nominal, "en")] if nominal else [])
    return " or ".join(parts)


def _duty_phrase(p: A.Provision, lang: str) -> tuple[str, str | None]:
    """不履行法律、行政法规规定的信息网络安全管理义务 and the precondition, for an omission offence."""
    duty = p.duty
    assert duty is not None
    name = _label(duty.name, lang)
    source = _label(duty.under, lang) if duty.under else None
    pre = _label(duty.precondition, lang) if duty.precondition else None
    if lang == "zh":
        # 国家有关规定 is itself 规定: ……和国家有关规定所规定的, never 规定规定的
        prescribed = ("所规定的" if source.endswith("规定") else "规定的") if source else ""
        return f"不履行{source or ''}{prescribed}{name}", pre
    the = "" if name.startswith("the ") else "the "
    return f"fails to perform {the}{name}{' prescribed by ' + source if source else ''}", pre


def _subject(p: A.Provision, lang: str) -> str | None:
    """A special subject named by the actors (网络服务提供者); None means 'whoever'."""
    special = [a for a in p.actors if a.name not in {"natural-person", "unit"}]
    return _label(special[0], lang) if special else None

# Treaty verbs of spreading: a purpose of dissemination governs the making, never the spreading itself.
_SPREADING = {"distribute", "transmit", "broadcast", "display", "publish", "make-available", "sell"}


def _purpose_split(p: A.Provision) -> tuple[list[A.Term], list[A.Term]]:
    """Conduct the purpose of dissemination governs, and dissemination that needs no purpose (cf. TW art. 319-4)."""
    conduct = list(p.conduct)
    if not p.purpose or "dissemination" not in {t.name for t in p.purpose.purposes}:
        return conduct, []
    spreading = [c for c in conduct if set((vocabulary().entry("conduct", c.name) or {}).get("covers", ())) & _SPREADING]
    making = [c for c in conduct if c not in spreading]
    return (making, spreading) if making and spreading else (conduct, [])


def _offence_clause_zh(p: A.Provision) -> str:
    """以传播为目的，利用……，制作、合成、传播他人私密图像，未经本人同意 (without the closing 的)."""
    parts: list[str] = []
    if p.purpose:
        parts.append("或者".join(_label(t, "zh") for t in p.purpose.purposes))
    means = _means_phrase(p.means, "zh")
    if means:
        parts.append(means)
    obj = _object_phrase(p, "zh")
    own = [c for c in p.conduct if c.name in _SELF_CONTAINED_CONDUCT]
    if own and obj and p.duty is None:
        raise fail("E402", f"the conduct `{own[0].name}` names its own object, so it cannot be worded together with "
                   f"the object `{p.object.kind.name if p.object else ''}`", own[0].span,
                   "quote the statute's own words in a `text` block; the renderer prints them verbatim")
    pre = None
    if p.duty is not None:
        core, pre = _duty_phrase(p, "zh")
        if p.mental is not None and p.mental.kind.name == "knowledge" and obj:
            # 对明知或者应当知道的……信息，不履行……义务
            knows = "明知或者应当知道" if p.mental.degree and p.mental.degree.name == "presumed" else "明知"
            core = f"对{knows}的{obj}，{core}"
    else:
        making, spreading = _purpose_split(p)
        verbs = "、".join(_label(c, "zh") for c in making)
        if p.mental is not None and p.mental.kind.name == "knowledge" and obj:
            knows = "明知或者应当知道" if p.mental.degree and p.mental.degree.name == "presumed" else "明知"
            core = f"{knows}是{obj}而{verbs}"
        else:
            core = verbs + obj
        if spreading:
            core += "，或者" + "、".join(_label(c, "zh") for c in spreading) + "该图像"
    parts.append(core)
    if p.consent is not None and p.consent.name != "irrelevant":
        parts.append(_label(p.consent, "zh"))
    if p.harm is not None:
        parts.append(_label(p.harm, "zh"))
    if pre:
        parts.append(pre)
    subject = _subject(p, "zh")
    text = "，".join(parts)
    return (subject or "") + text


def _offence_clause_en(p: A.Provision) -> str:
    """Whoever, for the purpose of …, produces … an intimate image of another person without consent (no verb)."""
    lead: list[str] = []
    if p.purpose:
        lead.append(" or ".join(_label(t, "en") for t in p.purpose.purposes))
    means = _means_phrase(p.means, "en")
    if means:
        lead.append(means)
    obj = _object_phrase(p, "en")
    if p.duty is not None:
        core, pre = _duty_phrase(p, "en")
        if p.mental is not None and p.mental.kind.name == "knowledge" and obj:
            knows = "knows or should know" if p.mental.degree and p.mental.degree.name == "presumed" else "knows"
            core += f" with regard to {obj} which it {knows} of"
        if pre:
            core += f" and {pre}"
    else:
        making, spreading = _purpose_split(p)

        def en3(terms: list[A.Term]) -> str:
            return join_alternatives([str((vocabulary().entry("conduct", c.name) or {}).get("en3") or _label(c, "en"))
                                      for c in terms], "en")

        verbs = en3(making)
        adverb = ""
        if p.mental is not None and p.mental.kind.name == "knowledge":
            presumed = p.mental.degree is not None and p.mental.degree.name == "presumed"
            adverb = "knowing or having reason to know its nature, " if presumed else "knowingly "
        core = f"{adverb}{verbs} {obj}".rstrip()
        if spreading:
            core += f", or {en3(spreading)} such an image,"
    if p.consent is not None and p.consent.name != "irrelevant":
        core += " " + _label(p.consent, "en")
    if p.harm is not None:
        core += f", {_label(p.harm, 'en')},"
    subject = _subject(p, "en")
    if subject:
        head = f"{_capitalize(_with_article(subject.rstrip('s')))} that"
        return f"{head} {', '.join(lead) + ', ' if lead else ''}{core}"
    return f"Whoever, {', '.join(lead)}, {core}" if lead else f"Whoever {core}"


def _chain(p: A.Provision) -> tuple[list[str], list[str]]:
    """The offence paragraph with its penalty chain, as lines, in zh and en."""
    if not p.penalties:
        raise fail("E407", "the provision has no penalty, so no statute text can be written", p.span,
                   "add `penalty base ...`")
    jur = article_id(p).jurisdiction
    sentences = list(p.penalties)
    if sentences[0].tier.name != "base" or sentences[0].increase is not None:
        raise fail("E407", "the first penalty line must be the `base` tier with its punishments",
                   sentences[0].span, "start the penalty with `base imprisonment ...`")
    zh = _offence_clause_zh(p)
    en = _offence_clause_en(p)
    zh_tail: list[str] = []
    en_tail: list[str] = []
    for i, s in enumerate(sentences):
        last = i == len(sentences) - 1
        trig = _tier_trigger(p, s.tier, inline_only=not last)
        zh_pen, en_pen = penalty_phrase(s, "zh", jur), penalty_phrase(s, "en", jur)
        if i == 0:
            if trig is None:
                zh += f"的，处{zh_pen}"
                en += f" shall be sentenced to {en_pen}"
            elif trig.items is not None:
                zh += f"，{trig.zh}的，处{zh_pen}："
                en += f" shall, {trig.en}, be sentenced to {en_pen}:"
            else:
                zh += f"，{trig.zh}的，处{zh_pen}"
                en += f", {trig.en}, shall be sentenced to {en_pen}"
            if trig is not None and trig.items is not None:
                zh_tail, en_tail = list_lines(trig.items, "zh", jur), list_lines(trig.items, "en", jur)
            continue
        assert trig is not None
        verb_zh = "" if s.increase else "处"
        if s.increase:
            en_part = f"; {trig.en}, {en_pen}"
        else:
            en_part = f"; {trig.en}, to {en_pen}"
        if trig.items is not None:
            zh += f"；{trig.zh}的，{verb_zh}{zh_pen}："
            en += f"; {trig.en}, to {en_pen}:" if not s.increase else f"; {trig.en}, {en_pen}:"
            zh_tail, en_tail = list_lines(trig.items, "zh", jur), list_lines(trig.items, "en", jur)
        else:
            zh += f"；{trig.zh}的，{verb_zh}{zh_pen}"
            en += en_part
    if not zh_tail:
        zh += "。"
        en += "."
    return [zh, *zh_tail], [en, *en_tail]


def _definition(p: A.Provision, lang: str, quoted: bool, summary: bool) -> list[str]:
    """本条所称私密图像，是指…… / For the purposes of this Article, 'intimate image' means ……."""
    # A summary of a provision in force must not claim the definition is that article's own.
    scope_zh, scope_en = ("本摘要", "this summary") if summary else ("本条", "this Article")
    obj = p.object
    if obj is None or obj.kind.name == "person":
        return []
    attrs = {a.name.name: a for a in obj.attrs}
    known = {"depicts", "person", "origin", "medium", "virtual-test", *_ATTR_FRAMES}
    for a in obj.attrs:
        if a.name.name not in known:
            raise fail("E402", f"no wording for the object attribute `{a.name.name}`", a.name.span,
                       "the renderer words depicts, person, origin, medium, virtual-test, "
                       + ", ".join(_ATTR_FRAMES))
    if not attrs.keys() - {"virtual-test"}:
        return []
    noun = _object_noun(obj, lang)
    head = _head_noun(noun, lang)

    def vals(name: str) -> list[str]:
        return [_label(v, lang) for v in attrs[name].values] if name in attrs else []

    def joined(name: str) -> str:
        a = attrs[name]
        word = ("和" if lang == "zh" else "and") if a.cumulative else None
        return join_alternatives(vals(name), lang, word)

    depicts = vals("depicts")
    enumerate_depicts = len(depicts) > 2
    content = "depicts" in attrs and all(v.name in _CONTENT_DEPICTIONS for v in attrs["depicts"].values)
    origins = vals("origin")
    lines: list[str] = []
    if lang == "zh":
        pre = []
        if len(origins) == 1:
            pre.append(f"{origins[0]}的")
        if "standard" in attrs:
            pre.append(f"{joined('standard')}的")
        who = f"{joined('person')}的" if "person" in attrs else ""
        if depicts and content and not who:
            pre.append("具有下列内容之一" if enumerate_depicts else joined("depicts"))
        elif depicts:
            pre.append(f"描绘{who}下列内容之一" if enumerate_depicts else f"描绘{who}{joined('depicts')}")
        elif who:
            pre.append(f"描绘{joined('person')}")
        post = [_ATTR_FRAMES[n][0].format(v=joined(n)) for n in ("identifiable-by", "privacy") if n in attrs]
        medium = joined("medium") if "medium" in attrs else ""
        body = "、".join(pre)
        if post:
            body += "，且" + "，且".join(post)
        text = f"{scope_zh}所称{noun}，是指{body}的{medium}{head}"
        if len(origins) > 1:
            text += f"，不论{join_alternatives(origins, 'zh')}"
        if enumerate_depicts:
            lines.append(text + "：")
            lines += [f"（{zh_numeral(i)}）{d}{'。' if i == len(depicts) else '；'}" for i, d in enumerate(depicts, 1)]
        else:
            lines.append(text + "。")
        if "virtual-test" in attrs:
            tests = vals("virtual-test")
            synthetic = next((_label(v, "zh") for v in attrs["origin"].values if v.name == "synthetic"), "合成") \
                if "origin" in attrs else "合成"
            lines.append(f"{synthetic}的{head}，同时符合下列条件的，方属于{scope_zh}所称{noun}：")
            lines += [f"（{zh_numeral(i)}）{t}{'。' if i == len(tests) else '；'}" for i, t in enumerate(tests, 1)]
        return lines
    q_open, q_close = ("‘", "’") if quoted else ("“", "”")
    adjectives = [origins[0]] if len(origins) == 1 else []
    if "medium" in attrs:
        adjectives.append(joined("medium"))
    who = f"{joined('person')} in " if "person" in attrs else ""
    verb = "contains" if content and not who else "depicts"
    clauses = []
    # What the object depicts comes first, unless it is enumerated: a list can only close the sentence.
    if depicts and not enumerate_depicts:
        clauses.append(f"{verb} {who}{joined('depicts')}")
    elif not depicts and "person" in attrs:
        clauses.append(f"depicts {joined('person')}")
    if "standard" in attrs:
        clauses.append(_ATTR_FRAMES["standard"][1].format(v=joined("standard")))
    clauses += [_ATTR_FRAMES[n][1].format(v=joined(n)) for n in ("identifiable-by", "privacy") if n in attrs]
    if enumerate_depicts:
        clauses.append(f"{verb} {who}any of the following")
    if head.endswith("s"):
        # A plural head ("obscene articles") takes plural verbs: that depict ... and are obscene.
        clauses = [re.sub(r"^(depicts|contains|is)\b", lambda m: {"depicts": "depict", "contains": "contain",
                                                                  "is": "are"}[m.group(1)], c) for c in clauses]
    described = _with_article(" ".join([*adjectives, head]))
    if len(origins) > 1:
        described += f", whether {join_alternatives(origins, 'en')},"
    text = f"For the purposes of {scope_en}, {q_open}{noun}{q_close} means {described} that " + \
        join_alternatives(clauses, "en", "and")
    if enumerate_depicts:
        lines.append(text + ":")
        lines += [f"({i}) {d}{'.' if i == len(depicts) else ';'}" for i, d in enumerate(depicts, 1)]
    else:
        lines.append(text + ".")
    if "virtual-test" in attrs:
        tests = vals("virtual-test")
        lines.append(f"Synthetic {head} falls within {scope_en} only where all of the following are met:")
        lines += [f"({i}) {t}{'.' if i == len(tests) else '; and' if i == len(tests) - 1 else ';'}"
                  for i, t in enumerate(tests, 1)]
    return lines


def _exception_lines(p: A.Provision, e: A.Exception_, lang: str, ref: str, summary: bool) -> list[str]:
    """经……同意，为艺术创作而实施前款行为的，不以犯罪论处 / ... does not constitute a crime."""
    form = _EXCEPTION_FORMS.get(e.kind.name)
    if form is None:
        raise fail("E402", f"no statute wording for the exception `{e.kind.name}`", e.kind.span,
                   "the renderer words " + ", ".join(sorted(_EXCEPTION_FORMS)))
    label = _label(e.kind, lang)
    conds = [_label(c, lang) for c in e.conditions]
    many = len(conds) > 1
    if lang == "zh":
        if form == "work":
            noun = _object_noun(p.object, "zh") if p.object else "本条所称对象"
            lead = f"{label}"
            tail = f"不属于{'本摘要' if summary else '本条'}所称{noun}"
        else:
            act = f"为{label}" if form == "purpose" else label
            lead = f"{act}而实施{ref}行为"
            tail = "不以犯罪论处"
        if many:
            items = [f"（{zh_numeral(i)}）{c}{'。' if i == len(conds) else '；'}" for i, c in enumerate(conds, 1)]
            return [f"{lead}，同时符合下列条件的，{tail}：", *items]
        if conds and form != "work":
            return [f"{conds[0]}，{lead}的，{tail}。"]
        if conds:
            return [f"{lead}，{conds[0]}的，{tail}。"]
        return [f"{lead}的，{tail}。" if form != "work" else f"{lead}{tail}。"]
    if form == "work":
        noun = _object_noun(p.object, "en") if p.object else "the object of this Article"
        lead = f"{_capitalize(label)} are not {noun} within the meaning of {'this summary' if summary else 'this Article'}"
    else:
        act = f"for {label}" if form == "purpose" else label
        lead = f"Conduct under {ref} carried out {act}"
    verb = "" if form == "work" else " does not constitute a crime"

    def cond_en(c: str) -> str:
        return c if c.startswith(("with ", "by ", "where ")) else f"there is {c}"

    if many:
        items = [f"({i}) {cond_en(c)}{'.' if i == len(conds) else '; and' if i == len(conds) - 1 else ';'}"
                 for i, c in enumerate(conds, 1)]
        return [f"{lead}{verb} where all of the following conditions are met:", *items]
    if conds:
        c = conds[0]
        if c.startswith("with "):
            return [f"{lead} {c}{verb}."]
        return [f"{lead}{verb} where {cond_en(c)}."]
    return [f"{lead}{verb}."]


def _prosecution_lines(p: A.Provision, lang: str, ref_crime: str) -> list[str]:
    """前款罪，告诉的才处理，但是……的除外 / shall be handled only upon complaint, except ...; public needs no words."""
    pr = p.prosecution
    if pr is None or pr.kind.name == "public":
        return []
    label = _label(pr.kind, lang)
    excepts = [_label(x, lang) for x in pr.exceptions]
    if lang == "zh":
        tail = f"，但是{'、'.join(excepts)}的除外" if excepts else ""
        return [f"{ref_crime}罪，{label}{tail}。"]
    label = re.sub(r" \(.*\)$", "", label)
    tail = f", except in cases of {join_alternatives(excepts, 'en')}" if excepts else ""
    return [f"{_capitalize(ref_crime)} shall be {label}{tail}."]


def article_paragraphs(p: A.Provision, lang: str, quoted: bool = False, summary: bool = False) -> list[str]:
    """The composed article as lines: offence and penalties, unit liability, exceptions, prosecution, definitions."""
    zh_chain, en_chain = _chain(p)
    lines = list(zh_chain if lang == "zh" else en_chain)
    paragraphs = 1

    def ref(kind: str) -> str:
        # Right after the offence paragraph it is 前款; further down, 第一款.
        near = paragraphs == 1
        if lang == "zh":
            return "前款" if near else "第一款"
        noun = "the conduct in" if kind == "act" else "the crime in"
        return f"{noun} {'the preceding paragraph' if near else 'paragraph 1'}"

    if any(a.name == "unit" for a in p.actors):
        if lang == "zh":
            lines.append(f"单位犯{ref('crime')}罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，"
                         f"依照{ref('crime')}的规定处罚。")
        else:
            where = "the preceding paragraph" if paragraphs == 1 else "paragraph 1"
            lines.append(f"Where a unit commits {ref('crime')}, the unit shall be sentenced to a fine, and its "
                         f"directly responsible managers and other directly responsible persons shall be punished "
                         f"in accordance with {where}.")
        paragraphs += 1
    for e in p.exceptions:
        if lang == "zh":
            r = ref("act")
        else:
            r = "the preceding paragraph" if paragraphs == 1 else "paragraph 1"
        lines += _exception_lines(p, e, lang, r, summary)
        paragraphs += 1
    pro = _prosecution_lines(p, lang, ref("crime"))
    if pro:
        lines += pro
        paragraphs += 1
    if p.consent is not None and p.consent.name == "irrelevant":
        lines.append(f"{_label(p.consent, 'zh')}。" if lang == "zh"
                     else f"This Article applies {_label(p.consent, 'en')}.")
    lines += _definition(p, lang, quoted, summary)
    return lines


# ------------------------------------------------------------------ notes beside the text

@dataclass(frozen=True)
class Note:
    """One drafting note: its kind names the template's heading word."""

    kind: str
    text: str


def _notes(p: A.Provision, lang: str, *, inline_base: bool) -> tuple[Note, ...]:
    """What the draft says that the article text does not: interests, mental state, evidence, numbers, prosecution."""
    zh = lang == "zh"
    sep = "、" if zh else ", "
    notes: list[Note] = []
    if p.chapter is not None and p.status is not None and p.status.name == "proposed":
        aid = article_id(p)
        if zh:
            part = "刑法分则" if aid.law == "criminal-law" else ""
            notes.append(Note("placement", f"{part}第{zh_numeral(p.chapter, aid.jurisdiction)}章"))
        else:
            part = "Part Two" if aid.law == "criminal-law" else ""
            law = " of the Criminal Law" if aid.law == "criminal-law" else ""
            notes.append(Note("placement", f"Chapter {_roman(p.chapter)} of {part or 'the instrument'}{law}"
                              if part else f"Chapter {_roman(p.chapter)}"))
    if p.protects is not None:
        text = sep.join(_label(t, lang) for t in p.protects.primary)
        if p.protects.secondary:
            text += ("；次要法益：" if zh else "; secondary: ") + sep.join(_label(t, lang) for t in p.protects.secondary)
        notes.append(Note("protects", text))
    if p.mental is not None:
        text = _label(p.mental.degree, lang) if p.mental.degree else _label(p.mental.kind, lang)
        if p.mental.rebuttal is not None:
            rebut = p.mental.rebuttal.zh if zh else p.mental.rebuttal.en
            if rebut:
                text += ("，可以推翻：" if zh else "; rebuttable: ") + rebut
        notes.append(Note("mental", text))
    if p.purpose is not None and p.purpose.evidence:
        ev = [_label(t, lang) for t in p.purpose.evidence]
        if zh:
            purpose = "或者".join(_label(t, "zh") for t in p.purpose.purposes)
            text = f"{purpose}，可以通过{'、'.join(ev)}等情形证明"
        else:
            purpose = " or ".join(_label(t, "en").removeprefix("for ") for t in p.purpose.purposes)
            text = f"{_capitalize(purpose)} may be shown by {join_alternatives(ev, 'en')}"
        notes.append(Note("purpose", text))
    if p.means is not None and p.means.excluding:
        notes.append(Note("excluding", sep.join(_label(t, lang) for t in p.means.excluding)))
    jur = article_id(p).jurisdiction
    for tier in p.tiers:
        notes.extend(_tier_notes(p, tier, lang, inline_base, jur))
    if p.prosecution is not None:
        text = _label(p.prosecution.kind, lang)
        if p.prosecution.exceptions:
            ex = sep.join(_label(t, lang) for t in p.prosecution.exceptions)
            text += f"，但{ex}的除外" if zh else f", except in cases of {ex}"
        notes.append(Note("prosecution", text))
    if p.duty is not None and p.duty.breaches:
        notes.append(Note("breaches", _obligation_references(p.duty.breaches, lang)))
    if p.implements:
        notes.append(Note("implements", sep.join(treaty_reference(r.id, lang) for r in p.implements)))
    return tuple(notes)


def _obligation_references(refs: Sequence[A.Ref], lang: str) -> str:
    """《互联网信息服务深度合成管理规定》第十条、第十六条 / …, Articles 10 and 16: obligations cited by id, by instrument."""
    by_law: dict[str, list[str]] = {}
    for ref in refs:
        parts = ref.id.split(".")
        entry = vocabulary().entry("instruments", parts[1]) if len(parts) == 3 else None
        if entry is None or not _ARTICLE_NO.match(parts[2]):
            by_law.setdefault(ref.id, [])  # an id the vocabulary cannot name is cited as written
            continue
        law = f"《{entry['zh']}》" if lang == "zh" else str(entry["en"])
        by_law.setdefault(law, []).append(article_label(parts[2], parts[0], lang) if lang == "zh" else parts[2])
    out = []
    for law, articles in by_law.items():
        if not articles:
            out.append(law)
        elif lang == "zh":
            out.append(law + "、".join(articles))
        else:
            out.append(f"{law}, Article{'s' if len(articles) > 1 else ''} {join_alternatives(articles, 'en', 'and')}")
    return ("；" if lang == "zh" else "; ").join(out)


def _words(text: A.Text, lang: str, tw: bool) -> str | None:
    """A text's words in `lang`; Taiwan's Chinese is its zh-hant text where it has one."""
    return ((text.zh_hant or text.zh) if tw else text.zh) if lang == "zh" else text.en


def per_source(per: str | A.Text | None, lang: str, tw: bool = False) -> str | None:
    """A `per` citation in `lang`: the one string both languages share, or that language's own words."""
    if per is None or isinstance(per, str):
        return per
    value = _words(per, lang, tw)
    if not value:
        raise fail("E405", f"the `per` source has no {'Chinese' if lang == 'zh' else 'English'} words", per.span,
                   f"add `{'zh-hant' if tw and lang == 'zh' else lang} \"...\"` to it, or give one string for both")
    return value


def _tier_notes(p: A.Provision, tier: A.Tier, lang: str, inline_base: bool, jur: str) -> list[Note]:
    """Where a tier's numbers come from, and the numbers themselves when the article text does not give them."""
    zh = lang == "zh"
    source = per_source(tier.per, lang, jur == "tw")
    if tier.name.name == "base" and inline_base and tier.requires is None:
        if not source:
            return []
        return [Note("tier", f"第一款规定的数量标准依据{source}" if zh
                     else f"the threshold in the first paragraph follows {source}")]
    name = _label(tier.requires, lang) if tier.requires else _label(tier.name, lang)
    if not zh:
        m = re.match(r"^where the circumstances are (.+)$", name)
        name = f"{m.group(1)} circumstances" if m else name.removeprefix("where ")
    if tier.condition is not None and tier.condition.items:
        items = [i.text for i in condition_items(tier.condition, lang, jur)]
        if zh:
            per = f"（依据：{source}）" if source else ""
            return [Note("tier", f"“{name}”，是指{_lead_in(tier.condition.mode, 'zh')}：{'；'.join(items)}{per}")]
        per = f" (per {source})" if source else ""
        return [Note("tier", f"“{name}” means {_lead_in(tier.condition.mode, 'en')}: {'; '.join(items)}{per}")]
    if source:
        return [Note("tier", f"“{name}”的数量标准见{source}" if zh else f"the numbers for “{name}” are in {source}")]
    return []


def _roman(n: int) -> str:
    """Chapter numbers in English statutes: IV, VI, XXVIII."""
    out = ""
    for value, numeral in ((50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out += numeral
            n -= value
    return out


# ------------------------------------------------------------------ documents

@dataclass(frozen=True)
class ProvisionPage:
    """Everything a provision template prints, decided here."""

    form: str  # amendment | proposal | statute | summary
    script: str  # hans | hant: the script of the template's own words
    title: str | None
    citation: str
    intro: str | None  # the amendment's instruction sentence
    lead: str | None  # the article label opening the first line
    quoted: bool
    lines: tuple[str, ...]
    translation: str | None  # statute English: working-gloss | published | unrecorded | missing
    paragraph: str | None  # for a statute entry on one paragraph: 第三款 / paragraph 3
    notes: tuple[Note, ...]
    sources: tuple[str, ...]


def _title(doc: A.Document, lang: str, prefer_hant: bool) -> str | None:
    t = doc.title
    if t is None:
        return None
    if lang == "en":
        value = t.en
    else:
        value = (t.zh_hant or t.zh) if prefer_hant else (t.zh or t.zh_hant)
    if not value:
        raise fail("E405", f"the title of {doc.id} has no {lang} text", t.span, f"add `{lang} \"...\"` to the title")
    return value


def _amendment_intro(p: Article, lang: str) -> str | None:
    """在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二： / One article is added after ..."""
    ins = p.instrument
    if ins is None or ins.kind.name != "amendment" or not ins.inserts:
        return None
    aid = article_id(p)
    new = article_label(ins.inserts, aid.jurisdiction, lang)
    target = ins.target or law_name(p, "zh")
    criminal = target == str(vocabulary().label("instruments", "criminal-law", "zh"))
    if lang == "zh":
        law = "刑法" if criminal else f"《{target}》"
        where = f"{law}第{article_label(ins.after, aid.jurisdiction, 'zh')[1:]}后" if ins.after else f"{law}中"
        return f"在{where}增加一条，作为{new}："
    law = "the Criminal Law" if criminal else law_name(p, "en")
    after = f"after {article_label(ins.after, aid.jurisdiction, 'en')} of {law}" if ins.after else f"to {law}"
    return f"One article is added {after} as {new}:"


def _provision_page(p: A.Provision, lang: str) -> ProvisionPage:
    aid = article_id(p)
    tw = aid.jurisdiction == "tw"
    proposed = p.status is not None and p.status.name == "proposed"
    title = _title(p, lang, prefer_hant=tw)
    cite = citation(p, lang)
    label = article_label(aid.article, aid.jurisdiction, lang, None if proposed else aid.paragraph)
    sources = p.sources
    if p.text is not None and not proposed:
        return _statute_page(p, lang, title, cite, tw)
    intro = _amendment_intro(p, lang) if proposed else None
    quoted = intro is not None
    if p.text is not None:
        # A proposal worded by hand: the drafters' words are the proposal.
        lines = _text_lines(p, lang, tw)
    else:
        lines = article_paragraphs(p, lang, quoted, summary=not proposed)
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    inline_base = base is not None and base.requires is None and base.condition is not None
    form = ("amendment" if quoted else "proposal") if proposed else "summary"
    notes = _notes(p, lang, inline_base=inline_base)
    hant = tw and lang == "zh"
    if hant:
        # Composed words come from the PRC-script vocabulary: write them as Taiwan does. The drafters' own text is
        # printed as given.
        if p.text is None:
            lines = [taiwan_script(line) for line in lines]
        notes = tuple(Note(n.kind, taiwan_script(n.text)) for n in notes)
        intro = intro and taiwan_script(intro)
    return ProvisionPage(form, "hant" if hant else "hans", title, cite, intro, label if proposed else None, quoted,
                         tuple(lines), None, None, notes, sources)


@cache
def _s2tw() -> Any:
    import opencc  # only Taiwan's composed Chinese needs it

    return opencc.OpenCC("s2tw")


# Words Taiwan's statutes write as simplified Chinese does, where OpenCC's phrase table has a variant: the Criminal
# Code's 散布 (arts. 235, 319-3, 319-4), not 散佈.
_TAIWAN_STATUTE_WORDS = re.compile("(散布)")


def taiwan_script(text: str) -> str:
    """Simplified characters as Taiwan writes them (OpenCC `s2tw`: Taiwan's standard character forms, no change of
    words), so composed Chinese does not mix scripts beside Taiwan's statute words. Never applied to verbatim text:
    a traditional text is not converted again (后 would become 後)."""
    parts = _TAIWAN_STATUTE_WORDS.split(text)  # the kept words at the odd places
    return "".join(part if i % 2 else str(_s2tw().convert(part)) for i, part in enumerate(parts))


def _text_lines(p: Article, lang: str, tw: bool) -> list[str]:
    text = p.text
    assert text is not None
    value = _words(text, lang, tw)
    if not value:
        raise fail("E405", f"the text of {p.id} has no {'Chinese' if lang == 'zh' else 'English'}", text.span,
                   "add the zh-hant text" if tw and lang == "zh" else f"add `{lang} \"\"\"...\"\"\"` to the text")
    # The statute's words are printed as given; only blank edge lines from the block quotes go.
    return value.strip("\n").split("\n")


def _statute_page(p: Article, lang: str, title: str | None, cite: str, tw: bool) -> ProvisionPage:
    """A provision in force: the verbatim text, never regenerated."""
    text = p.text
    assert text is not None
    if lang == "en" and not text.en:
        # No English: say so and show the authoritative Chinese instead of inventing a translation.
        lines = _text_lines(p, "zh", tw)
        translation: str | None = "missing"
    else:
        lines = _text_lines(p, lang, tw)
        translation = (p.translation.name if p.translation else "unrecorded") if lang == "en" else None
    aid = article_id(p)
    paragraph = None
    if aid.paragraph:
        # The quoted text may be the whole article; the heading alone would suggest it is the paragraph.
        paragraph = (f"第{zh_numeral(aid.paragraph, aid.jurisdiction)}{'項' if tw else '款'}" if lang == "zh"
                     else f"paragraph {aid.paragraph}")
    return ProvisionPage("statute", "hant" if tw and lang == "zh" else "hans", title, cite, None, None, False,
                         tuple(lines), translation, paragraph, (), p.sources)


def _obligation_page(o: A.Obligation, lang: str) -> ProvisionPage:
    """An administrative obligation: in force, its verbatim text; proposed, its duty and tiers composed."""
    aid = article_id(o)
    proposed = o.status is not None and o.status.name == "proposed"
    title = _title(o, lang, prefer_hant=aid.jurisdiction == "tw")
    cite = citation(o, lang)
    if o.text is not None and not proposed:
        return _statute_page(o, lang, title, cite, aid.jurisdiction == "tw")
    intro = _amendment_intro(o, lang) if proposed else None
    lines = _text_lines(o, lang, False) if o.text is not None else _obligation_lines(o, lang)
    notes = []
    source = None if o.sanction is None else per_source(o.sanction.per, lang, aid.jurisdiction == "tw")
    if source:
        notes.append(Note("sanction", source))
    label = article_label(aid.article, aid.jurisdiction, lang)
    form = ("amendment" if intro else "proposal") if proposed else "summary"
    return ProvisionPage(form, "hans", title, cite, intro, label if proposed else None, intro is not None,
                         tuple(lines), None, None, tuple(notes), o.sources)


def _obligation_lines(o: A.Obligation, lang: str) -> list[str]:
    """网络服务提供者应当按照下列规定履行……义务：（一）……；（二）…… and the sanction."""
    zh = lang == "zh"
    if o.duty is None or not o.holders:
        raise fail("E407", f"the obligation {o.id} needs its `holder` and `duty` to be worded", o.span,
                   "add `holder …` and `duty …`, or quote the provision in a `text` block")
    holder = join_alternatives([_label(h, lang) for h in o.holders], lang, "和" if zh else "and")
    duty = _label(o.duty.name, lang)
    pre = _label(o.duty.precondition, lang) if o.duty.precondition else None
    if zh:
        head = f"{holder}{pre + '的，' if pre else ''}应当{'按照下列规定' if o.tiers else ''}履行{duty}"
    else:
        when = f"that {pre} " if pre else ""
        head = f"{_capitalize(holder)} {when}shall perform {duty}{' as follows' if o.tiers else ''}"
    lines = [head + (("：" if zh else ":") if o.tiers else ("。" if zh else "."))]
    for n, t in enumerate(o.tiers, 1):
        measures = [_label(m, lang) for m in t.measures]
        entry = vocabulary().entry("obligation-tiers", t.name.name) or {}
        who = join_alternatives([_label(c, lang) for c in t.classes], lang, "和" if zh else "and") if t.classes \
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
        lines.append(_sanction_sentence(o.sanction, lang, article_id(o).jurisdiction))
    return lines


def _sanction_sentence(sa: A.Sanction, lang: str, jurisdiction: str) -> str:
    """违反本条规定的，处一万元以上十万元以下罚款。 / Whoever violates this Article shall be fined …"""
    zh = lang == "zh"
    if sa.low is not None and sa.high is not None and sa.unit is not None:
        low, high = (_money(sa.low, sa.unit, lang, jurisdiction), _money(sa.high, sa.unit, lang, jurisdiction))
        if zh:
            return f"违反本条规定的，处{low}以上{high}以下{_label(sa.kind, 'zh')}。"
        return f"Whoever violates this Article shall be fined not less than {low} and not more than {high}."
    if zh:
        return f"违反本条规定的，{_label(sa.kind, 'zh')}。"
    return f"Whoever violates this Article is subject to {_label(sa.kind, 'en')}."


@dataclass(frozen=True)
class InterpretationPage:
    """Everything an interpretation template prints."""

    title: str | None
    proposed: bool
    issuers: str
    preamble: str
    articles: tuple[tuple[str, tuple[str, ...]], ...]  # (article label, lines)
    sources: tuple[str, ...]


def _laws_cited(doc: A.Interpretation, provisions: Mapping[str, A.Provision], lang: str) -> list[str]:
    names: list[str] = []
    for ref in doc.interprets:
        name = law_name(_interpreted(ref, provisions), lang)
        if name not in names:
            names.append(name)
    return names


def _interpreted(ref: A.Ref, provisions: Mapping[str, A.Provision]) -> A.Provision:
    p = provisions.get(ref.id)
    if p is None:
        raise fail("E404", f"the interpretation refers to {ref.id}, which is not among the provisions rendered",
                   ref.span, "render the interpretation together with the drafts that hold that provision")
    return p


def _preamble(doc: A.Interpretation, provisions: Mapping[str, A.Provision], lang: str) -> str:
    """为依法惩治……，根据《中华人民共和国刑法》的规定，现就办理此类刑事案件适用法律的若干问题解释如下："""
    if doc.preamble is None:
        raise fail("E405", f"the interpretation {doc.id} has no preamble", doc.span,
                   "add `preamble zh \"依法惩治……\" en \"punish ...\"`: the purpose the interpretation serves")
    text = doc.preamble.zh if lang == "zh" else doc.preamble.en
    if not text:
        raise fail("E405", f"the preamble of {doc.id} has no {lang} text", doc.preamble.span,
                   f"add `{lang} \"...\"` to the preamble")
    laws = _laws_cited(doc, provisions, lang)
    if lang == "zh":
        if "解释如下" in text:
            return text  # the drafters wrote the whole preamble
        purpose = text.removeprefix("为").rstrip("，。；")
        if not purpose.startswith("依法"):
            purpose = "依法惩治" + purpose
        cited = "".join(f"《{law}》" for law in laws) or "《中华人民共和国刑法》"
        return f"为{purpose}，根据{cited}的规定，现就办理此类刑事案件适用法律的若干问题解释如下："
    purpose = re.sub(r"^(in order )?to ", "", text.strip().rstrip(".,;"), flags=re.IGNORECASE)
    if not purpose.lower().startswith("punish"):
        purpose = "punish in accordance with law " + purpose
    cited = join_alternatives(laws, "en", "and") or "the Criminal Law of the People's Republic of China"
    return (f"In order to {purpose}, this Interpretation is made, pursuant to the {cited}, on several issues "
            "concerning the application of law in handling such criminal cases, as follows:")


def _tier_name(tier: A.Term, p: A.Provision, lang: str) -> str:
    """情节严重 / serious circumstances: the words the provision uses for the tier."""
    decl = next((t for t in p.tiers if t.name.name == tier.name), None)
    if decl is not None and decl.requires is not None:
        label = _label(decl.requires, lang)
    elif tier.name in {"serious", "especially-serious"}:
        label = _label(tier, lang)
    else:
        raise fail("E406", f"the provision {p.id} gives the `{tier.name}` tier no statutory name to quote", tier.span,
                   f"declare `tier {tier.name} requires <circumstance>` in {p.id}")
    if lang == "en":
        m = re.match(r"^where the circumstances are (.+)$", label)
        label = f"{m.group(1)} circumstances" if m else label.removeprefix("where ")
    return label


def _question(term: A.Term, lang: str) -> str:
    q = _STANDARD_QUESTIONS.get(term.name)
    if q is None:
        raise fail("E402", f"no wording for the standard `{term.name}` in an interpretation article", term.span,
                   "the renderer words " + ", ".join(sorted(_STANDARD_QUESTIONS)))
    return q[0] if lang == "zh" else q[1]


def _ji_article(a: A.JIArticle, doc: A.Interpretation, provisions: Mapping[str, A.Provision],
                lang: str) -> tuple[str, ...]:
    zh = lang == "zh"
    if isinstance(a, A.TextArticle):
        value = a.text.zh if zh else a.text.en
        if not value:
            raise fail("E405", f"article {a.number} has no {lang} text", a.text.span,
                       f"add `{lang} \"...\"` to the article's text")
        return tuple(value.strip("\n").split("\n"))
    if isinstance(a, A.TierArticle):
        p = _interpreted(a.provision, provisions)
        jur = article_id(p).jurisdiction
        name, ref = _tier_name(a.tier, p, lang), short_reference(p, lang)
        if zh:
            return (f"{_lead_in(a.condition.mode, 'zh')}的，应当认定为{ref}规定的“{name}”：",
                    *list_lines(a.condition, "zh", jur))
        lead = "Any of the following" if a.condition.mode == "any" else "The following, where all are present,"
        return (f"{lead} shall be deemed “{name}” under {ref}:", *list_lines(a.condition, "en", jur))
    if not doc.interprets:
        raise fail("E404", f"article {a.number} needs the provision it interprets", a.span,
                   "add `interprets <provision id>` to the interpretation")
    refs = [short_reference(_interpreted(r, provisions), lang) for r in doc.interprets]
    where = join_alternatives(refs, lang, "和" if zh else "and")
    if isinstance(a, A.DefinesArticle):
        std = _label(a.standard, lang, "standards")
        frame = _ATTR_FRAMES.get(a.standard.name)
        if frame is None:
            raise fail("E402", f"no wording to define the standard `{a.standard.name}`", a.standard.span,
                       "the renderer defines " + ", ".join(sorted(_ATTR_FRAMES)))
        value = _label(a.value, lang, f"object-attributes.{a.standard.name}")
        evidence = [_label(e, lang, "evidence") for e in a.evidence]
        if zh:
            out = f"{where}规定的“{std}”，是指{frame[0].format(v=value)}。"
            if evidence:
                out += f"认定{_question(a.standard, 'zh')}，可以根据{'、'.join(evidence)}综合判断。"
            return (out,)
        meaning = frame[1].format(v=value).removeprefix("is ")
        out = f"“{_capitalize(std)}” under {where} means {meaning}."
        if evidence:
            out += (f" In determining {_question(a.standard, 'en')}, {join_alternatives(evidence, 'en', 'and')} "
                    "may be considered as a whole.")
        return (out,)
    if isinstance(a, (A.PresumptionArticle, A.DeemingArticle, A.MitigationArticle)):
        return _platform_article(a, provisions, lang)
    assert isinstance(a, A.EvidenceArticle)
    evidence = [_label(e, lang, "evidence") for e in a.evidence]
    if zh:
        return (f"对{_question(a.fact, 'zh')}难以确定的，应当依据{'、'.join(evidence)}认定。",)
    return ((f"Where it is difficult to determine {_question(a.fact, 'en')}, the determination shall be made on "
             f"the basis of {join_alternatives(evidence, 'en', 'and')}."),)


def _platform_article(a: A.PresumptionArticle | A.DeemingArticle | A.MitigationArticle,
                      provisions: Mapping[str, A.Provision], lang: str) -> tuple[str, ...]:
    """A presumption, an adverse inference or a mitigating circumstance, in the form of 2019 Interpretation art. 11:
    具有下列情形之一的，可以认定……，但是……的除外：（一）……"""
    zh = lang == "zh"
    p = _interpreted(a.provision, provisions)
    jur = article_id(p).jurisdiction
    ref = short_reference(p, lang)
    subject = _subject(p, lang) or ("行为人" if zh else "offenders")
    one = _with_article(subject.rstrip("s")) if not zh else subject
    lead = _lead_in(a.condition.mode, lang)
    items = list_lines(a.condition, lang, jur)
    if isinstance(a, A.PresumptionArticle):
        if a.mental.name != "knowledge" or a.rebuttal is None:
            raise fail("E402", f"no wording for a presumption of {a.mental.name} without a rebuttal", a.mental.span,
                       "write `presumes knowledge of … when … rebuttable zh \"…\" en \"…\"`")
        rebuttal = a.rebuttal.zh if zh else a.rebuttal.en
        if not rebuttal:
            raise fail("E405", f"the rebuttal of article {a.number} has no {lang} text", a.rebuttal.span,
                       f"add `{lang} \"…\"` to the rebuttal")
        obj = _object_phrase(p, lang)
        if zh:
            knows = _label(A.Term("presumed", "mental-degrees"), "zh")
            return (f"{lead}的，可以认定{subject}{knows}是{ref}规定的{obj}，但是{rebuttal}：", *items)
        return ((f"Where {lead} applies, {one} may be found to have known, or to have had reason to know, that it "
                f"was dealing with {obj} within the meaning of {ref}, {rebuttal}:"), *items)
    if isinstance(a, A.DeemingArticle):
        duty = _label(a.duty, lang)
        if zh:
            return (f"{subject}{lead}的，应当认定其未履行{duty}：", *items)
        return (f"{_capitalize(one)} shall be deemed to have failed to perform {duty} where {lead} applies:", *items)
    if zh:
        return (f"{subject}犯{ref}规定之罪，{lead}的，可以从轻处罚：", *items)
    applies = "applies" if a.condition.mode == "any" else "apply"
    return (f"Where {one} commits the crime under {ref} and {lead} {applies}, it may be given a lighter punishment:",
            *items)


def _interpretation_page(doc: A.Interpretation, provisions: Mapping[str, A.Provision],
                         lang: str) -> InterpretationPage:
    jur = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
    articles = []
    for a in doc.articles:
        label = f"第{zh_numeral(a.number, jur)}条" if lang == "zh" else f"Article {a.number}"
        articles.append((label, _ji_article(a, doc, provisions, lang)))
    issuers = join_alternatives([_label(i, lang) for i in doc.issuers], lang, "、" if lang == "zh" else "and")
    proposed = doc.status is not None and doc.status.name == "proposed"
    return InterpretationPage(_title(doc, lang, prefer_hant=jur == "tw"), proposed, issuers,
                              _preamble(doc, provisions, lang), tuple(articles), doc.sources)


# ------------------------------------------------------------------ entry point

def escapes(template_name: str | None) -> bool:
    """Autoescape markup templates (`*.html.j2`, `*.xml.j2`); statute text templates stay plain text."""
    return template_name is not None and any(f".{ext}" in template_name for ext in ("html", "xml", "svg"))


@cache
def environment() -> jinja2.Environment:
    """The template environment, built once: strict about undefined names, escaping markup only."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=escapes,
        trim_blocks=True, lstrip_blocks=True)


def render(doc: A.Document, lang: str, provisions: Mapping[str, A.Provision]) -> str:
    """Render one provision, obligation or interpretation in `lang` ("zh" or "en") as plain text."""
    if lang not in LANGS:
        raise fail("E401", f"cannot render in {lang!r}", doc.span, "choose zh or en")
    if isinstance(doc, A.Interpretation):
        page: ProvisionPage | InterpretationPage = _interpretation_page(doc, provisions, lang)
        name = f"interpretation.{lang}.j2"
    else:
        page = _provision_page(doc, lang) if isinstance(doc, A.Provision) else _obligation_page(doc, lang)
        name = f"{'statute' if page.form == 'statute' else 'provision'}.{lang}.j2"
    return environment().get_template(name).render(page=page)


def provisions_of(documents: Sequence[A.Document]) -> dict[str, A.Provision]:
    """The provisions among some documents, by id: the `provisions` argument of render."""
    return {d.id: d for d in documents if isinstance(d, A.Provision)}


__all__ = [
    "article_label",
    "citation",
    "en_number",
    "environment",
    "penalty_phrase",
    "provisions_of",
    "render",
    "short_reference",
    "threshold_phrase",
    "zh_numeral",
]
