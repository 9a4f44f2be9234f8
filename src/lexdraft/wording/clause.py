"""CLAUSE"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .citations import article_id
from .labels import term_label
from .numerals import zh_numeral
from .phrases import condition_items, lead_in, list_lines, penalty_phrase
from .words import capitalize, join_alternatives, with_article

# How each exception reads in the article: an act done for a purpose, or a kind of work
# that falls outside the object. Exceptions missing here cannot be phrased (E402).
_EXCEPTION_FORMS = {
    "artistic-work": "act",
    "law-enforcement": "act",
    "bona-fide-research": "purpose",
    "scientific-work": "work",
    "artistic-value": "work",
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
ATTR_FRAMES = {
    "identifiable-by": ("能够被{v}识别", "is capable of being identified by {v}"),
    "standard": ("{v}", "is {v}"),
    "privacy": ("{v}", "is {v}"),
}


def _head_noun(phrase: str, lang: str) -> str:
    """The head of a compound noun (私密图像 -> 图像, intimate image -> image): both languages are head-final."""
    return phrase[-2:] if lang == "zh" else phrase.split()[-1]


def object_noun(obj: A.ObjectSpec, lang: str) -> str:
    """The defined term without its possessor: 他人私密图像 -> 私密图像, an intimate image of another person -> intimate image."""
    label = term_label(obj.kind, lang)
    if lang == "zh":
        return label.removeprefix("他人")
    label = re.sub(r"^(an?|the) ", "", label)
    return re.sub(r" of (another person|others)$", "", label)


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
        return Trigger(term_label(decl.requires, "zh"), _en_where(term_label(decl.requires, "en")))
    if decl is not None and decl.condition is not None and decl.condition.items:
        cond = decl.condition
        if len(cond.items) > 2 and not inline_only:
            return Trigger(lead_in(cond.mode, "zh", statute=True), f"in {lead_in(cond.mode, 'en')} circumstances",
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


def object_phrase(p: A.Provision, lang: str) -> str:
    """The object as the offence clause names it; a person object takes its person attribute."""
    obj = p.object
    if obj is None:
        return ""
    if obj.kind.name == "person":
        people = next((a for a in obj.attrs if a.name.name == "person"), None)
        # "any person" restricts nothing; the statute then says 他人 / another person.
        if people is not None and [v.name for v in people.values] != ["any-person"]:
            return join_alternatives([term_label(v, lang) for v in people.values], lang)
    return term_label(obj.kind, lang)


def _means_phrase(means: A.Means | None, lang: str) -> str | None:
    """利用信息网络 / 以暴力、胁迫或者其他方法; 'any means' imposes nothing and is left out."""
    if means is None:
        return None
    terms = [m for m in means.means if m.name != "any-means"]
    if not terms:
        return None
    labels = [term_label(m, lang) for m in terms]
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
    name = term_label(duty.name, lang)
    source = term_label(duty.under, lang) if duty.under else None
    pre = term_label(duty.precondition, lang) if duty.precondition else None
    if lang == "zh":
        # 国家有关规定 is itself 规定: ……和国家有关规定所规定的, never 规定规定的
        prescribed = ("所规定的" if source.endswith("规定") else "规定的") if source else ""
        return f"不履行{source or ''}{prescribed}{name}", pre
    the = "" if name.startswith("the ") else "the "
    return f"fails to perform {the}{name}{' prescribed by ' + source if source else ''}", pre


def subject_phrase(p: A.Provision, lang: str) -> str | None:
    """A special subject named by the actors (网络服务提供者); None means 'whoever'."""
    special = [a for a in p.actors if a.name not in {"natural-person", "unit"}]
    return term_label(special[0], lang) if special else None

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
        parts.append("或者".join(term_label(t, "zh") for t in p.purpose.purposes))
    means = _means_phrase(p.means, "zh")
    if means:
        parts.append(means)
    obj = object_phrase(p, "zh")
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
        verbs = "、".join(term_label(c, "zh") for c in making)
        if p.mental is not None and p.mental.kind.name == "knowledge" and obj:
            knows = "明知或者应当知道" if p.mental.degree and p.mental.degree.name == "presumed" else "明知"
            core = f"{knows}是{obj}而{verbs}"
        else:
            core = verbs + obj
        if spreading:
            core += "，或者" + "、".join(term_label(c, "zh") for c in spreading) + "该图像"
    parts.append(core)
    if p.consent is not None and p.consent.name != "irrelevant":
        parts.append(term_label(p.consent, "zh"))
    if p.harm is not None:
        parts.append(term_label(p.harm, "zh"))
    if pre:
        parts.append(pre)
    subject = subject_phrase(p, "zh")
    text = "，".join(parts)
    return (subject or "") + text


def _offence_clause_en(p: A.Provision) -> str:
    """Whoever, for the purpose of …, produces … an intimate image of another person without consent (no verb)."""
    lead: list[str] = []
    if p.purpose:
        lead.append(" or ".join(term_label(t, "en") for t in p.purpose.purposes))
    means = _means_phrase(p.means, "en")
    if means:
        lead.append(means)
    obj = object_phrase(p, "en")
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
            return join_alternatives([str((vocabulary().entry("conduct", c.name) or {}).get("en3") or term_label(c, "en"))
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
        core += " " + term_label(p.consent, "en")
    if p.harm is not None:
        core += f", {term_label(p.harm, 'en')},"
    subject = subject_phrase(p, "en")
    if subject:
        head = f"{capitalize(with_article(subject.rstrip('s')))} that"
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
    known = {"depicts", "person", "origin", "medium", "virtual-test", *ATTR_FRAMES}
    for a in obj.attrs:
        if a.name.name not in known:
            raise fail("E402", f"no wording for the object attribute `{a.name.name}`", a.name.span,
                       "the renderer words depicts, person, origin, medium, virtual-test, "
                       + ", ".join(ATTR_FRAMES))
    if not attrs.keys() - {"virtual-test"}:
        return []
    noun = object_noun(obj, lang)
    head = _head_noun(noun, lang)

    def vals(name: str) -> list[str]:
        return [term_label(v, lang) for v in attrs[name].values] if name in attrs else []

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
        post = [ATTR_FRAMES[n][0].format(v=joined(n)) for n in ("identifiable-by", "privacy") if n in attrs]
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
            synthetic = next((term_label(v, "zh") for v in attrs["origin"].values if v.name == "synthetic"), "合成") \
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
        clauses.append(ATTR_FRAMES["standard"][1].format(v=joined("standard")))
    clauses += [ATTR_FRAMES[n][1].format(v=joined(n)) for n in ("identifiable-by", "privacy") if n in attrs]
    if enumerate_depicts:
        clauses.append(f"{verb} {who}any of the following")
    if head.endswith("s"):
        # A plural head ("obscene articles") takes plural verbs: that depict ... and are obscene.
        clauses = [re.sub(r"^(depicts|contains|is)\b", lambda m: {"depicts": "depict", "contains": "contain",
                                                                  "is": "are"}[m.group(1)], c) for c in clauses]
    described = with_article(" ".join([*adjectives, head]))
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
    label = term_label(e.kind, lang)
    conds = [term_label(c, lang) for c in e.conditions]
    many = len(conds) > 1
    if lang == "zh":
        if form == "work":
            noun = object_noun(p.object, "zh") if p.object else "本条所称对象"
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
        noun = object_noun(p.object, "en") if p.object else "the object of this Article"
        lead = f"{capitalize(label)} are not {noun} within the meaning of {'this summary' if summary else 'this Article'}"
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
    label = term_label(pr.kind, lang)
    excepts = [term_label(x, lang) for x in pr.exceptions]
    if lang == "zh":
        tail = f"，但是{'、'.join(excepts)}的除外" if excepts else ""
        return [f"{ref_crime}罪，{label}{tail}。"]
    label = re.sub(r" \(.*\)$", "", label)
    tail = f", except in cases of {join_alternatives(excepts, 'en')}" if excepts else ""
    return [f"{capitalize(ref_crime)} shall be {label}{tail}."]


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
        lines.append(f"{term_label(p.consent, 'zh')}。" if lang == "zh"
                     else f"This Article applies {term_label(p.consent, 'en')}.")
    lines += _definition(p, lang, quoted, summary)
    return lines
