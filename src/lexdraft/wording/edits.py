"""A suggested amendment's edits of the law in force said in English and in the jurisdiction's Chinese."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from .. import packs
from ..language.vocabulary import vocabulary
from ..packs.numerals import chinese_numeral
from ..treaty import acts
from ..treaty.edits import Edit
from ..treaty.textual import statute_words
from ..treaty.threshold import QUANTITATIVE
from .labels import term_label
from .taiwan import composed_chinese

# What the paragraphs an inserted paragraph goes ahead of deal with (treaty/textual.paragraph_topic), as a drafting
# office names them: in English, in simplified Chinese (the PRC's words) and in traditional Chinese (Taiwan's)
TOPICS = {"gain": {"en": "intent to gain", "hans": "以牟利为目的", "hant": "意圖營利"},
          "attempts": {"en": "attempts", "hans": "未遂", "hant": "未遂"},
          "confiscation": {"en": "confiscation", "hans": "没收", "hant": "沒收"}}

# Each operation in each language. {n}: the paragraph it inserts or deletes; {of}: the paragraph whose items a new
# offence is on; {act}: the act it punishes; {what}: the terms it adds or removes; {ahead}: the paragraphs it goes
# ahead of. `-bare` forms: a limit with no term to name (a threshold set in figures).
_EN = {
    "add-conduct": "add the act of {what}",
    "add-actor": "add {what} to those who can commit it",
    "add-value": "extend its material to {what}",
    "any-means": "reach the act by any means",
    "remove-threshold": "remove the threshold '{what}'",
    "remove-threshold-bare": f"remove the {QUANTITATIVE}",
    "remove-purpose": "remove the purpose it requires ({what})",
    "remove-recipients": "remove the condition on whom the act is directed to ({what})",
    "remove-harm": "remove the harm it requires ({what})",
    "remove-precondition": "remove the precondition ({what})",
    "remove-obtained": "remove the limit to material {what}",
    "insert-paragraph": "insert, as a new paragraph {n}, an offence of {act} the items of paragraph {of}, "
                        "ahead of {ahead}",
    "delete-paragraph": "delete paragraph {n}, which dealt with the same act below the threshold",
    "renumber": "renumber the later paragraphs and the references to them",
    "renumber-inserted": "renumber those paragraphs and the references to them",
}
_HANS = {
    "add-conduct": "增加“{what}”行为",
    "add-actor": "增加{what}为犯罪主体",
    "add-value": "将犯罪对象扩大至{what}",
    "any-means": "不再限定行为方式",
    "remove-threshold": "删去“{what}”的入罪门槛",
    "remove-threshold-bare": "删去数额、数量的入罪门槛",
    "remove-purpose": "删去“{what}”的目的要件",
    "remove-recipients": "删去对行为对象的限制（{what}）",
    "remove-harm": "删去“{what}”的结果要件",
    "remove-precondition": "删去“{what}”的前提条件",
    "remove-obtained": "删去对材料取得方式的限制（{what}）",
    "insert-paragraph": "增加一款作为第{n}{unit}，处罚{act}第{of}{unit}物品的行为，置于{ahead}的规定之前",
    "delete-paragraph": "删去第{n}{unit}（该{unit}对未达门槛的同一行为另作规定）",
    "renumber": "其后各{unit}的序号及援引的{unit}序号相应调整",
    "renumber-inserted": "其后各{unit}的序号及援引的{unit}序号相应调整",
}
_HANT = {
    "add-conduct": "增列「{what}」之行為",
    "add-actor": "增列{what}為行為主體",
    "add-value": "將客體擴及{what}",
    "any-means": "不限行為方法",
    "remove-threshold": "刪除「{what}」之處罰門檻",
    "remove-threshold-bare": "刪除數量之處罰門檻",
    "remove-purpose": "刪除「{what}」之目的要件",
    "remove-recipients": "刪除行為對象之限制（{what}）",
    "remove-harm": "刪除「{what}」之結果要件",
    "remove-precondition": "刪除「{what}」之前提要件",
    "remove-obtained": "刪除對材料取得方式之限制（{what}）",
    "insert-paragraph": "增訂第{n}{unit}，處罰{act}第{of}{unit}物品之行為，置於{ahead}之規定前",
    "delete-paragraph": "刪除第{n}{unit}（就同一行為未達門檻者之規定）",
    "renumber": "其後各{unit}{unit}次及援引之{unit}次隨之調整",
    "renumber-inserted": "其後各{unit}{unit}次及援引之{unit}次隨之調整",
}
# where the topics of the paragraphs an insertion goes ahead of are not all in their words: said generally, never
# guessed
_AHEAD = {"en": "the paragraphs that refer back to the ones above it", "hans": "援引前各{unit}",
          "hant": "援引前各{unit}"}
_IN = {"en": "in paragraph {n}, {edit}", "hans": "在第{n}{unit}中{edit}", "hant": "於第{n}{unit}{edit}"}
_AND = {"en": " and ", "hans": "和", "hant": "及"}


def _script(lang: str, jurisdiction: str) -> str:
    if lang != "zh":
        return "en"
    pack = packs.pack(jurisdiction)
    return "hant" if pack is not None and pack.script == "hant" else "hans"


def _unit(jurisdiction: str) -> tuple[str, str]:
    """What the jurisdiction's Chinese calls a paragraph (項, 款) and how it numbers it."""
    pack = packs.pack(jurisdiction)
    form = pack.citations.get("zh") if pack is not None else None
    m = re.search(r"\{paragraph\}(\w)", form.paragraph) if form is not None else None
    numerals = form.numerals if form is not None and form.numerals != "arabic" else "chinese"
    return (m.group(1) if m else "款"), numerals


def _joined(words: Sequence[str], script: str) -> str:
    if len(words) < 2:
        return "".join(words)
    return ("、" if script != "en" else ", ").join(words[:-1]) + _AND[script] + words[-1]


def _number(n: int | None, script: str, numerals: str) -> str:
    return str(n) if script == "en" or n is None else chinese_numeral(n, numerals)


def _term(e: Edit, script: str, jurisdiction: str) -> str:
    """The terms an edit adds or removes, in the language: an act by its gerund in English and by the statute's
    own word in Chinese."""
    # several terms of one element are its alternatives (purposes, recipients): joined by "or"
    if script == "en":
        if e.op == "add-conduct":
            return acts.gerund(vocabulary().conduct(e.terms[0].name, jurisdiction))
        labels = [term_label(t, "en") for t in e.terms]
        return ", ".join(labels[:-1]) + " or " + labels[-1] if len(labels) > 1 else "".join(labels)
    words = []
    for t in e.terms:
        own = statute_words(t.section, t.name, jurisdiction) if t.section == "conduct" else None
        words.append(own or composed_chinese(term_label(t, "zh"), jurisdiction))
    return composed_chinese("或者", jurisdiction).join(words)


def edit_words(e: Edit, lang: str, jurisdiction: str, whole: bool = False,
               cite: Callable[[str], str] | None = None) -> str:
    """One edit in `lang`. Made in one paragraph of an article amended `whole`, it names the paragraph; one that adds
    units to several provisions names each (`cite`: a provision id as the review cites it)."""
    script = _script(lang, jurisdiction)
    forms = {"en": _EN, "hans": _HANS, "hant": _HANT}[script]
    unit, numerals = _unit(jurisdiction)
    op = e.op
    if op == "remove-threshold" and not e.terms:
        op = "remove-threshold-bare"
    if op == "renumber" and e.paragraph is not None:
        op = "renumber-inserted"
    ahead = ""
    if e.op == "insert-paragraph":
        known = [t for t in e.following if t is not None]
        ahead = (("the paragraphs on " if script == "en" else "") + _joined([TOPICS[t][script] for t in known], script)
                 if e.following and len(known) == len(e.following) else _AHEAD[script].format(unit=unit))
    act = ""
    if e.act is not None:
        act = _term(Edit("add-conduct", e.terms, e.provision), script, jurisdiction)
    words = forms[op].format(what=_term(e, script, jurisdiction) if e.terms else "", unit=unit, ahead=ahead, act=act,
                             n=_number(e.paragraph, script, numerals), of=_number(e.of, script, numerals))
    if e.op in ("insert-paragraph", "delete-paragraph", "renumber"):
        return words
    if cite is not None and e.provision is not None and op == "add-actor":
        return f"{cite(e.provision)}: {words}" if script == "en" else f"{cite(e.provision)}{words}"
    if whole and e.paragraph is not None:
        return _IN[script].format(n=_number(e.paragraph, script, numerals), unit=unit, edit=words)
    return words


def edits_words(edits: Sequence[Edit], lang: str, jurisdiction: str, whole: bool = False,
                cite: Callable[[str], str] | None = None) -> str:
    """An amendment's edits in `lang`, in order, as one instruction: joined by ; / ；."""
    several = cite if len({e.provision for e in edits if e.op == "add-actor"}) > 1 else None
    return ("；" if lang == "zh" else "; ").join(edit_words(e, lang, jurisdiction, whole, several) for e in edits)


# Where an inserted paragraph's penalty is from (treaty/textual.insert_paragraph `penalty_from`), as a new article's
# lead says it (outputs/review): {name}, what that paragraph punishes in the pack's words (`offer: penalty-of:`)
_PENALTY_FROM = {
    "en": " Its penalty is that of paragraph {k}{name}: a drafter's choice.",
    "hans": "第{n}{unit}的法定刑取自第{k}{unit}{name}，由起草者决定。",
    "hant": "第{n}{unit}之法定刑取自第{k}{unit}{name}，由起草者決定。",
}


def penalty_from_note(edits: Sequence[Edit], lang: str, jurisdiction: str) -> str:
    """Where a paragraph inserted takes the penalty of one before it, that it does and that it is a choice; ''
    where its words show no such paragraph."""
    script = _script(lang, jurisdiction)
    unit, numerals = _unit(jurisdiction)
    pack = packs.pack(jurisdiction)
    named = pack.offer.penalty_of.get("zh" if script != "en" else "en") if pack and pack.offer else None
    for e in edits:
        if e.op == "insert-paragraph" and e.penalty_from is not None:
            name = (f" ({named})" if script == "en" else f"（{named}）") if named else ""
            return _PENALTY_FROM[script].format(k=_number(e.penalty_from, script, numerals), name=name, unit=unit,
                                                n=_number(e.paragraph, script, numerals))
    return ""


# Paragraphs after an inserted one that now reach it (treaty/textual.insert_paragraph): a choice, said as one
_REACHING = {
    "en": " {which} {verb} to reach the new paragraph {n} as {they} paragraph {of}: a new choice, not renumbering.",
    "hans": "{which}的规定适用于第{n}{unit}，与第{of}{unit}相同，系新增的选择，而非单纯的序号调整。",
    "hant": "{which}之規定比照第{of}{unit}適用於第{n}{unit}，係新增之選擇，非單純{unit}次調整。",
}
# A paragraph renumbered only that refers to one of those (treaty/textual.insert_paragraph `through`): what it now
# reaches said as a choice too; an attempt clause citing the increase for gain, as what it punishes, else generally
_THROUGH = {
    "en": " Through paragraph {via}, paragraph {k} also reaches the new paragraph {n}: a new choice too.",
    "hans": "第{k}{unit}因援引第{via}{unit}，亦适用于第{n}{unit}，同属新增的选择。",
    "hant": "第{k}{unit}因援引第{via}{unit}，亦及於第{n}{unit}，同屬新增之選擇。",
}
_THROUGH_GAIN = {
    "en": " Through paragraph {via}, paragraph {k} also punishes attempting to {act} with intent to gain: a new "
          "choice too.",
    "hans": "第{k}{unit}因援引第{via}{unit}，亦处罚以牟利为目的{act}的未遂犯，同属新增的选择。",
    "hant": "第{k}{unit}因援引第{via}{unit}，亦處罰意圖營利而{act}之未遂犯，同屬新增之選擇。",
}


def reaching_note(edits: Sequence[Edit], lang: str, jurisdiction: str) -> str:
    """Where a paragraph after an inserted one now reaches it beside the paragraph it adds an act to (前二項 ->
    前三項, 第一項至第三項 -> 第一項至第四項), that it is a choice and not renumbering; '' where none does."""
    script = _script(lang, jurisdiction)
    unit, numerals = _unit(jurisdiction)
    for e in edits:
        if e.op != "insert-paragraph" or not e.reaching:
            continue
        return _reaching(e, script, unit, numerals) + _through(e, script, jurisdiction, unit, numerals)
    return ""


def _reaching(e: Edit, script: str, unit: str, numerals: str) -> str:
    """The paragraphs that now reach the inserted one beside the paragraph it adds an act to."""
    if script == "en":
        named = [f"{k}" + (f" ({TOPICS[t]['en']})" if t else "") for k, t in e.reaching]
        which = ("Paragraphs " if len(named) > 1 else "Paragraph ") + _joined(named, script)
    else:
        which = _joined([f"第{_number(k, script, numerals)}{unit}" + (f"（{TOPICS[t][script]}）" if t else "")
                         for k, t in e.reaching], script)
    several = len(e.reaching) > 1
    return _REACHING[script].format(which=which, verb="are" if several else "is",
                                    they="they reach" if several else "it reaches", unit=unit,
                                    n=_number(e.paragraph, script, numerals), of=_number(e.of, script, numerals))


def _through(e: Edit, script: str, jurisdiction: str, unit: str, numerals: str) -> str:
    """What each paragraph renumbered only now reaches through a paragraph it refers to (LAWYER-M S-3)."""
    topics = dict(e.reaching)
    out = ""
    for k, topic, via in e.through:
        gain = topic == "attempts" and topics.get(via) == "gain" and e.act is not None
        act = ""
        if gain and script == "en":
            act = str(vocabulary().conduct(e.terms[0].name, jurisdiction).get("en", e.act))
        elif gain:
            act = _term(Edit("add-conduct", e.terms, e.provision), script, jurisdiction)
        out += (_THROUGH_GAIN if gain else _THROUGH)[script].format(
            k=_number(k, script, numerals), via=_number(via, script, numerals),
            n=_number(e.paragraph, script, numerals), unit=unit, act=act)
    return out
