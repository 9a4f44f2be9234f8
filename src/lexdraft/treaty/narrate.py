"""A counterexample's facts in plain words, English and Chinese, put together from a table of phrases."""

from __future__ import annotations

from .. import packs
from ..language.ast import Text
from ..language.vocabulary import vocabulary
from ..packs.numerals import chinese_numeral
from .counterexample import Counterexample, DefenceGap, MaterialGap, UnitGap
from .reach import Doubt, Reach
from .scenario import Material, Scenario

# Each phrase is (English, Chinese). No sentence is written for one case: a counterexample is told by joining the
# phrases of its dimensions, and a limit of the set that the facts stay clear of is named by its own phrase.

_ACTORS = {"natural-person": ("An adult", "一名成年人"), "unit": ("A company", "一家公司")}

# {m}: the material; the Chinese says what the material shows in a clause of its own after the act.
_ACTS: dict[str, tuple[str, str]] = {
    "possess": ("keeps on a phone or computer {m}", "在手机或者电脑中保存{m}"),
    "control": ("keeps in an online account under their control {m}", "控制存储于其网络账户中的{m}"),
    "transmit": ("sends to one other person, by a messaging app, {m}", "通过即时通讯软件将{m}发送给另一人"),
    "distribute": ("passes to two other persons {m}", "将{m}散发给另外两人"),
    "publish": ("publishes online {m}", "在网上公开发布{m}"),
    "make-available": ("makes available online, for anyone to view, {m}", "在网上提供{m}供任何人观看"),
    "display": ("shows in public {m}", "公然陈列{m}"),
    "broadcast": ("streams live online {m}", "在网上直播{m}"),
    "sell": ("sells to one buyer {m}", "将{m}出售给一名买家"),
    # offering is holding out, not handing over (表示可以提供): handing over is transmitting or distributing
    "offer": ("tells one other person online that they can supply {m}", "在网上向另一人表示可以提供{m}"),
    "produce": ("makes {m}", "制作{m}"),
    "reproduce": ("copies {m}", "复制{m}"),
    "solicit": ("asks another person online for {m}", "在网上向他人索要{m}"),
    "procure": ("obtains online {m}", "在网上获取{m}"),
    "access": ("views online, without keeping a copy, {m}", "在网上浏览{m}而未保存"),
    # money tied to no particular act: paying for one act is taking part in it, under the general part's complicity
    "finance": ("donates towards the hosting costs of a website that makes available {m}",
                "为在网上提供{m}的网站捐款，用于支付其托管费用"),
}

# What the act leaves out, where another provision would reach it if it were there.
_ACT_FLOOR: dict[str, tuple[str, str]] = {
    "possess": ("shows or sends it to no one", "未向任何人展示或者发送"),
    "control": ("shows or sends it to no one", "未向任何人展示或者发送"),
    "access": ("shows or sends it to no one", "未向任何人展示或者发送"),
    "procure": ("shows or sends it to no one", "未向任何人展示或者发送"),
    "solicit": ("the other person does not send it", "对方未予发送"),  # else instigation, and then possession
    "offer": ("neither holds nor sends it", "并不持有该材料，亦未发送"),
    "finance": ("the gift is tied to no particular act", "该捐款与任何具体行为均无关联"),
}

# How the actor came by the material, said where an offence of the set is limited by it (object.obtained).
# A clause with the actor as its subject ("the adult had ..."), so that it reads after the material's own clauses.
_OBTAINED: dict[str, tuple[str, str]] = {
    "made-with-consent": ("the adult had taken it themself with the consent of the person shown",
                          "系经被拍摄者同意亲自拍摄该材料"),
    "made-covertly": ("the adult had recorded it themself without the knowledge of the person shown",
                      "系在被拍摄者不知情的情况下亲自偷拍该材料"),
    "received-from-person-depicted": ("the adult had been sent it by the person shown",
                                      "系由被拍摄者本人发送而取得该材料"),
    "received-from-another": ("the adult had been sent it by a third person", "系由第三人发送而取得该材料"),
    "taken": ("the adult had copied it from another person's phone without permission",
              "系未经许可从他人手机中复制该材料"),
}

_MADE = ("the adult had taken it themself", "系亲自拍摄该材料")

# The assumption a record of a real person rests on, where an offence of the set against that person would reach it
# with force (Counterexample.unforced): what would make it that offence is absent.
_NO_FORCE = ("uses no violence, coercion or other compulsion", "未使用暴力、胁迫或者其他强制手段")

# (English noun, Chinese noun, Chinese measure word), by medium and origin.
_NOUNS: dict[tuple[str, str], tuple[str, str, str]] = {
    ("visual", "real"): ("photograph", "照片", "张"),
    ("visual", "synthetic"): ("drawn or computer-generated image", "手绘或者电脑生成的图像", "幅"),
    ("audio", "real"): ("audio recording", "录音", "段"),
    ("audio", "synthetic"): ("computer-generated audio recording", "电脑生成的录音", "段"),
    ("written", "real"): ("text", "文字材料", "份"),
    ("written", "synthetic"): ("text", "文字材料", "份"),
}

_DEPICTIONS: dict[str, tuple[str, str]] = {
    "sexual-activity": ("engaged in sexual activity", "从事性行为"),
    "exposed-sexual-organs": ("with sexual organs exposed", "暴露性器官"),
    "presence-at-sexual-activity": ("present while others engage in sexual activity", "处于他人性行为现场"),
    "sexual-parts-for-sexual-purpose": ("whose sexual parts are displayed for primarily sexual purposes",
                                        "以性为主要目的展示其性部位"),
    "sexual-torture": ("subjected to torture of a sexual nature", "遭受具有性内容的酷刑"),
}

# The limits of the set's provisions that the facts stay clear of, by the element that misses and its word.
_CLEAR: dict[tuple[str, str], tuple[str, str]] = {
    ("purpose", "profit"): ("gains nothing from it", "未从中获利"),
    ("purpose", "dissemination"): ("does not mean to pass it on", "无传播意图"),
    ("purpose", "cause-harm"): ("does not mean to cause harm", "无造成损害的意图"),
    ("purpose", "sexual-gratification"): ("does not act for sexual gratification", "并非以满足性欲为目的"),
    ("tier", "serious-circumstances"): ("nothing further follows", "未造成其他后果"),
    ("tier", "serious-consequences"): ("no serious consequence follows", "未造成严重后果"),
    ("tier", "its figures"): ("nothing further follows", "未造成其他后果"),
    ("tier", "second-or-subsequent-apprehension"): ("has never been caught for it before", "此前从未因此被查获"),
    ("harm", "capable-of-damage"): ("no damage follows", "未造成损害"),
    ("mental", "direct"): ("acts knowing what the material is and accepting it, without aiming at it",
                           "明知材料的性质而放任，并非积极追求"),
    ("mental.as-to", "likely-harm"): ("foresees no harm to anyone", "未预见会对他人造成损害"),
    ("mental.as-to", "harm"): ("foresees no harm to anyone", "未预见会对他人造成损害"),
    ("conduct", "insult"): ("adds no insulting words", "未附加任何侮辱言辞"),
    ("conduct", "defame"): ("fabricates nothing", "未捏造任何事实"),
}


_CONSENT = ("the person shown has not consented to its being passed on", "被拍摄者不同意其被传播")
_CONSENT_WITHOUT = ("without the consent of the person shown", "未经被拍摄者同意")
# phrases whose subject is not the actor
_OWN_SUBJECT = {_CLEAR[("tier", "serious-circumstances")][0], _CLEAR[("tier", "serious-consequences")][0],
                _CLEAR[("harm", "capable-of-damage")][0], _CONSENT[0],
                _ACT_FLOOR["solicit"][0], _ACT_FLOOR["finance"][0]}


def _person(age: int, exists: bool, identifiable: bool = True) -> tuple[str, str]:
    en_noun, zh_noun = ("child", "儿童") if age < 14 else ("minor", "未成年人") if age < 18 else ("adult", "成年人")
    zh_age = chinese_numeral(age) + "周岁"  # ages as statutes write them (十六周岁, 不满十四周岁)
    if exists and not identifiable:
        return (f"a real {en_noun} aged {age}, whom no one could identify from it,",
                f"一名真实存在但无法据此辨认的{zh_age}{zh_noun}")
    if exists:
        return f"a real, identifiable {en_noun} aged {age}", f"一名真实存在、可以辨认的{zh_age}{zh_noun}"
    return f"an invented {en_noun} aged {age}", f"一名虚构的{zh_age}{zh_noun}"


def _depiction(term: str) -> tuple[str, str]:
    if term in _DEPICTIONS:
        return _DEPICTIONS[term]
    label = vocabulary().label
    return f"showing {label('object-attributes.depicts', term, 'en')}", label("object-attributes.depicts", term, "zh")


# Where material was made, where the facts say (Material.place): said after its privacy, in each language.
_PLACES = {"dwelling": ("in a dwelling", "在住宅内"),
           "private-place": ("in a private place other than a dwelling", "在住宅以外的私人场所"),
           "public-place": ("in a public place", "在公共场所")}


def _taken(m: Material) -> tuple[str, str]:
    """How and where the material was taken, where the facts say (taken in private; in a public place), in English
    and Chinese (a clause, without its punctuation); empty where they say nothing."""
    where_en, where_zh = _PLACES.get(m.place or "", ("", ""))
    if m.private_at_recording:
        return (f"taken in private {where_en}".rstrip(),
                f"系{where_zh}于私密状态下拍摄" if where_zh else "系在私密状态下拍摄")
    return (f"taken {where_en}", f"系{where_zh}拍摄") if where_en else ("", "")


def _material(m: Material) -> tuple[str, str, str]:
    """The material in English, and in Chinese as a noun phrase and the clause saying what it shows."""
    en_noun, zh_noun, measure = _NOUNS[(m.medium, m.origin)]
    count_en = "one" if m.count == 1 else str(m.count)
    count_zh = ("一" if m.count == 1 else chinese_numeral(m.count)) + measure
    person_en, person_zh = _person(m.person.age, m.person.exists, m.person.identifiable)
    shown = sorted(m.depicts)
    depictions = [_depiction(d) for d in shown]
    en = f"{count_en} {en_noun}{'s' if m.count > 1 else ''} that shows {person_en} " + \
        " and ".join(d[0] for d in depictions)
    zh_shows = f"该{zh_noun[-2:]}显示{person_zh}" + "、".join(d[1] for d in depictions)  # 该照片, 该图像, 该录音
    taken_en, taken_zh = _taken(m)
    if taken_en:
        en += f", {taken_en}"
        zh_shows += f"，{taken_zh}"
    return en, f"{count_zh}{zh_noun}", zh_shows


def _clear_of(cx: Counterexample) -> list[tuple[str, str]]:
    """The phrases for the limits of the set that the facts stay clear of, each once, in a fixed order."""
    found: list[tuple[str, str]] = []
    for r in cx.misses:
        if any(m.element == "conduct" for m in r.misses):
            continue  # a provision whose conduct is another act: its limits are not what keeps the facts out
        for miss in r.misses:
            if miss.element == "conduct.manner":
                found += [_CLEAR[("conduct", term)] for term in miss.detail.split(", ") if ("conduct", term) in _CLEAR]
            elif (miss.element, miss.detail) in _CLEAR:
                found.append(_CLEAR[(miss.element, miss.detail)])
            elif miss.element == "tier":  # every threshold that keeps the facts out is said to be unmet
                found.append(_below(miss.detail))
    if _CLEAR[("tier", "serious-circumstances")] in found:  # nothing further follows: no serious consequence either
        found = [f for f in found if f != _CLEAR[("tier", "serious-consequences")]]
    return list(dict.fromkeys(found))


def _below(circumstance: str) -> tuple[str, str]:
    """The facts below a threshold of the set whose circumstance has no phrase of its own, in its vocabulary words."""
    entry = vocabulary().entry("circumstances", circumstance) or {}
    en, zh = entry.get("en", circumstance), entry.get("zh", circumstance)
    return f"the facts do not meet the condition “{en}”", f"案情不符合“{zh}”的条件"


def _join_en(parts: list[str]) -> str:
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def _unless(doubts: tuple[tuple[str, Doubt], ...]) -> tuple[str, str]:
    """The findings a court would have to make for a provision to reach the facts after all, and the words whose
    reach of the facts the reference does not settle (a conduct term's `unsettled` acts), each with the provisions it
    would bring in: the hedge of a counterexample that rests on them ("" where none does)."""
    if not doubts:
        return "", ""
    found: dict[tuple[bool, str, str], list[str]] = {}
    for pid, d in doubts:
        pids = found.setdefault((d.unsettled, d.question.en or d.term, d.question.zh or d.term), [])
        if pid not in pids:
            pids.append(pid)
    court = [(en, zh, pids) for (unsettled, en, zh), pids in found.items() if not unsettled]
    words = [(en, zh, pids) for (unsettled, en, zh), pids in found.items() if unsettled]
    parts_en, parts_zh = [], []
    if court:
        parts_en.append("a court finds that " + " or that ".join(f"{q} ({', '.join(pids)})" for q, _, pids in court))
        parts_zh.append("法院认定" + "，或者认定".join(f"{q}（{'、'.join(pids)}）" for _, q, pids in court))
    if words:
        parts_en.append(" or ".join(f"{q} ({', '.join(pids)})" for q, _, pids in words) +
                        ", which the reference does not settle")
        parts_zh.append("，或者".join(f"{q}（{'、'.join(pids)}；参考文本对此未有定论）" for _, q, pids in words))
    return f"unless {', or '.join(parts_en)}", f"除非{'，或者'.join(parts_zh)}"


def describe(cx: Counterexample, jurisdiction: str | None = None) -> Text:
    """The counterexample as one sentence in each language, ending in what it shows of the set; for a jurisdiction
    whose statutes are written in traditional characters, the Chinese in them too (`zh_hant`, beside `zh`)."""
    s: Scenario = cx.scenario
    actor_en, actor_zh = _ACTORS[s.actor]
    m = s.material
    assert m is not None
    material_en, material_zh, shows_zh = _material(m)
    act_en, act_zh = _ACTS.get(s.act, (f"{s.act}s {{m}}", f"{s.act}{{m}}"))
    tail = [p for p in [_ACT_FLOOR.get(s.act), *_clear_of(cx)] if p is not None]
    if cx.unforced:
        tail.insert(0, _NO_FORCE)
    # how the actor came by it, where that keeps the facts out of a provision whose conduct reaches them
    obtained: tuple[str, str] | None = None
    if any(m.element == "object.obtained" for r in cx.misses if not any(m.element == "conduct" for m in r.misses)
           for m in r.misses) and s.obtained in _OBTAINED and s.act != "produce":  # making it is coming by it
        # a child's consent is no consent (Art. 14): a record made with a child is told without it
        obtained = _MADE if s.obtained == "made-with-consent" and m.person.age < 18 else _OBTAINED[s.obtained]
        if s.actor != "natural-person":
            obtained = (obtained[0].replace("the adult", "the company").replace("themself", "itself"), obtained[1])
    if cx.floor.consent_absent:
        tail.insert(0, _CONSENT)
    en = f"{actor_en} {act_en.format(m=material_en)}"
    zh = f"{actor_zh}{act_zh.format(m=material_zh)}，{shows_zh}"
    # the actor's own phrases continue the sentence; those with a subject of their own follow a semicolon
    own = [t for t in tail if t[0] in _OWN_SUBJECT or t[0].startswith("the facts ")]
    acts = [t for t in tail if t not in own]
    if obtained is not None:  # a clause of its own, the actor its subject, first of those
        own.insert(0, (obtained[0], "其" + obtained[1]))
    if acts:
        en = _join_en([en, *(t[0] for t in acts)])
        zh += "；其" + "，".join(t[1] for t in acts)
    if own:
        en += "; " + _join_en([t[0] for t in own])
        zh += "；" + "，".join(t[1] for t in own)
    unless_en, unless_zh = _unless(cx.doubts)
    zh += f"：{unless_zh + '，' if unless_zh else ''}所审查的条文均未将此行为规定为犯罪。"
    pack = packs.pack(jurisdiction) if jurisdiction else None
    hant = None
    if pack is not None and pack.script == "hant":
        import opencc  # only a jurisdiction written in traditional characters needs it

        hant = opencc.OpenCC("s2tw").convert(zh)
    end = f": {unless_en}, no provision in the set makes this an offence." if unless_en else \
        ": no provision in the set makes this an offence."
    return Text(en=en + end, zh=zh, zh_hant=hant)


# The treaty acts as a gerund and a Chinese verb, for saying what a material gap leaves unpunished.
_GERUNDS: dict[str, tuple[str, str]] = {
    "produce": ("making", "制作"), "offer": ("offering", "表示可以提供"), "sell": ("selling", "出售"),
    "distribute": ("distributing", "散布"), "transmit": ("sending", "发送"), "broadcast": ("streaming", "直播"),
    "display": ("showing in public", "公然陈列"), "publish": ("publishing", "发布"),
    "make-available": ("making available", "提供"), "possess": ("keeping", "持有"), "control": ("controlling", "控制"),
    "solicit": ("asking for", "索要"), "procure": ("obtaining", "获取"), "access": ("viewing", "浏览"),
}


# How an act is done, where a provision reaches it only so (reach.py's conduct.manner words).
_MANNER_DONE: dict[str, tuple[str, str]] = {
    "coerce-sexual-exposure": ("coercing or enticing the child shown", "胁迫或者诱骗被拍摄的儿童"),
    "insult": ("publicly and with insulting words", "公然附加侮辱言辞"),
    "defame": ("with fabricated facts", "捏造事实"),
}


def _needs(needs: tuple[Reach, ...]) -> list[tuple[str, str]]:
    """What provisions ask beyond the floor (purposes, thresholds, audience, manner), as facts that grant it."""
    out: list[tuple[str, str]] = []
    label = vocabulary().label
    for r in needs:
        for m in r.misses:
            if m.element == "conduct.manner":
                out += [_MANNER_DONE[t] for t in m.detail.split(", ") if t in _MANNER_DONE]
            if m.element == "purpose":
                out += [(label("purposes", t, "en"), label("purposes", t, "zh")) for t in m.detail.split(", ")]
            elif m.element == "tier":
                out.append(("in quantities or circumstances above its threshold", "达到其数量标准或者情节严重"))
            elif m.element == "recipients":
                out.append(("to many persons or in public", "向多人或者公然"))
    return list(dict.fromkeys(out))


def _shown(m: Material) -> tuple[str, str, str, str, str, str]:
    """The material's noun, the person it shows and what it shows them in, in English and Chinese."""
    en_noun, zh_noun, _ = _NOUNS[(m.medium, m.origin)]
    person_en, person_zh = _person(m.person.age, m.person.exists)
    return (en_noun, zh_noun, person_en, person_zh, " and ".join(_depiction(d)[0] for d in sorted(m.depicts)),
            "、".join(_depiction(d)[1] for d in sorted(m.depicts)))


def describe_gap(gap: MaterialGap) -> Text:
    """A definition's gap in one sentence each language: material inside the definition that no provision reaches,
    though every other element of an offence be there, beside the material the same facts make an offence of."""
    s, base = gap.scenario, gap.reached
    m, b = s.material, base.material
    assert m is not None and b is not None
    en_noun, zh_noun, person_en, person_zh, shows_en, shows_zh = _shown(m)
    other_en = " and ".join(_depiction(d)[0] for d in sorted(b.depicts))
    other_zh = "、".join(_depiction(d)[1] for d in sorted(b.depicts))
    act_en, act_zh = _GERUNDS.get(s.act, (s.act, s.act))
    needs = _needs(gap.needs)
    even_en = f", even {_join_en([n[0] for n in needs])}," if needs else ""
    even_zh = f"即使{'、'.join(n[1] for n in needs)}，" if needs else ""
    by = ", ".join(gap.by)
    by_zh = "、".join(gap.by)
    taken_en, taken_zh = _taken(m)
    private_en = f", {taken_en}," if taken_en else ""
    private_zh = f"、{taken_zh}" if taken_zh else ""
    # where only a court's finding would bring the material in, it may fall outside, and the finding is named
    unless_en, unless_zh = _unless(gap.doubts)
    outside_en, outside_zh = ("may fall outside", "可能不在") if unless_en else ("is outside", "不在")
    unless_en = f"{unless_en}, " if unless_en else ""
    unless_zh = f"{unless_zh}，" if unless_zh else ""
    if m.place != b.place and m.depicts == b.depicts:  # the gap is where it was made: the same image made elsewhere
        there_en, there_zh = _taken(b)
        reached_en, reached_zh = f"the same image {there_en}", f"{there_zh}的同类{zh_noun}"
    else:  # the gap is what it shows: an image showing what the set does reach
        reached_en = f"a {en_noun} that shows {person_en} {other_en}"
        reached_zh = f"显示{person_zh}{other_zh}的{zh_noun}"
    en = (f"A {en_noun} that shows {person_en} {shows_en}{private_en} {outside_en} every provision of the set: "
          f"{unless_en}{act_en} it{even_en} is an offence under none of them, while {act_en} {reached_en} is an "
          f"offence under {by}.")
    zh = (f"显示{person_zh}{shows_zh}{private_zh}的{zh_noun}{outside_zh}所审查的任何条文范围之内：{unless_zh}{even_zh}"
          f"{act_zh}此类{zh_noun}亦不构成其中任何犯罪；而{act_zh}{reached_zh}，依{by_zh}构成犯罪。")
    return Text(en=en, zh=zh)


def describe_unit_gap(gap: UnitGap) -> Text:
    """Art. 18(1)'s gap in one sentence each language: what a company's agent does for it, punishable in the agent,
    for which no provision or rule of the set makes the company answer."""
    s = gap.scenario
    m = s.material
    assert m is not None
    en_noun, zh_noun, person_en, person_zh, shows_en, shows_zh = _shown(m)
    act_en, act_zh = _GERUNDS.get(s.act, (s.act, s.act))
    needs = _needs(gap.needs)
    how_en = f", {_join_en([n[0] for n in needs])}" if needs else ""
    how_zh = f"，{'、'.join(n[1] for n in needs)}" if needs else ""
    unless_en, unless_zh = _unless(gap.doubts)
    unless_en = f" {unless_en}" if unless_en else ""
    unless_zh = f"{unless_zh}，" if unless_zh else ""
    en = (f"A company's manager, acting for the company and for its benefit, commits the offence of {gap.provision} by "
          f"{act_en} a {en_noun} that shows {person_en} {shows_en}{how_en}: the manager is punishable under it, but no "
          f"provision or rule of the set makes the company liable{unless_en}.")
    zh = (f"一家公司的负责人为公司利益{act_zh}显示{person_zh}{shows_zh}的{zh_noun}{how_zh}，"
          f"构成{gap.provision}规定之罪：该负责人可依该条处罚，但{unless_zh}所审查的条文和规则均未规定公司对此承担责任。")
    return Text(en=en, zh=zh)


# The facts inside a defence, by its kind: what makes it apply (its conditions are granted with it).
_DEFENCES: dict[str, tuple[str, str]] = {
    "artistic-value": ("it is part of a literary or artistic work of artistic value",
                       "该材料属于有艺术价值的文学、艺术作品"),
    "artistic-work": ("it is made for artistic creation", "该材料系为艺术创作而制作"),
    "public-good": ("it is done for the public good", "该行为系为公共利益所必需"),
    "news-reporting": ("it is done for news reporting", "该行为系为新闻报道"),
    "legitimate-purpose": ("the actor has a legitimate purpose", "行为人具有正当目的"),
    # the limb that narrows: art (a scientific, medical or educational purpose may be conduct the law authorises)
    "science-medicine-education-or-art": ("it is done for a legitimate purpose related to art",
                                          "该行为系出于与艺术有关的正当目的"),
}


def describe_defence_gap(gap: DefenceGap, excluded_by: dict[str, str] | None = None) -> Text:
    """A defence wider than the treaty allows, in one sentence each language: facts inside it, every other element of
    the provisions it belongs to granted, that no provision of the set makes an offence. An exclusion of works from
    the offence's object (the vocabulary's `form: work`) is no defence and is called an exclusion, citing where the
    law makes it (`excluded_by`, en and zh, from the pack) or else the provisions."""
    s = gap.scenario
    m = s.material
    assert m is not None
    en_noun, zh_noun, person_en, person_zh, shows_en, shows_zh = _shown(m)
    act_en, act_zh = _GERUNDS.get(s.act, (s.act, s.act))
    label = vocabulary().label
    inside_en, inside_zh = _DEFENCES.get(gap.exception, (
        f"the exception for {label('exceptions', gap.exception, 'en')} applies",
        f"符合“{label('exceptions', gap.exception, 'zh')}”的例外"))
    # the defence's conditions worded as clauses hold too: the facts say so, as the accused would have to show them
    v = vocabulary()
    clauses = [c for c in gap.conditions if (v.entry("exception-conditions", c) or {}).get("form") == "clause"]
    if clauses:
        inside_en += "".join(f" and {label('exception-conditions', c, 'en')}" for c in clauses)
        inside_zh += "".join(f"，且{label('exception-conditions', c, 'zh')}" for c in clauses)
    if gap.accused_proves:  # a defence the accused must prove takes the act outside the offence once proved
        inside_zh = f"被告人证明{inside_zh}"
    needs = _needs(gap.needs)
    even_en = f", even {_join_en([n[0] for n in needs])}," if needs else ""
    even_zh = f"即使{'、'.join(n[1] for n in needs)}，" if needs else ""
    by_en, by_zh = ", ".join(gap.by), "、".join(gap.by)
    # the clauses between the material and its verb, set off by commas
    taken_en, taken_zh = _taken(m)
    aside = f"{f', {taken_en}' if taken_en else ''}{even_en.rstrip(',')}"
    aside = f"{aside}," if aside else ""
    private_zh = f"、{taken_zh}" if taken_zh else ""
    consent_en = f" {_CONSENT_WITHOUT[0]}" if gap.floor.consent_absent else ""
    consent_zh = _CONSENT_WITHOUT[1] if gap.floor.consent_absent else ""
    facts_en = f"{act_en}{consent_en} a {en_noun} that shows {person_en} {shows_en}{aside}"
    facts_zh = f"{consent_zh}{act_zh}显示{person_zh}{shows_zh}{private_zh}的{zh_noun}，{inside_zh}的，{even_zh}"
    if (vocabulary().entry("exceptions", gap.exception) or {}).get("form") == "work":
        works_en, works_zh = label("exceptions", gap.exception, "en"), label("exceptions", gap.exception, "zh")
        where_en = excluded_by["en"] if excluded_by else f"the law {by_en} belong{'s' if len(gap.by) == 1 else ''} to"
        where_zh = excluded_by["zh"] if excluded_by else f"{by_zh}所属的法律"
        return Text(en=f"An exclusion wider than the treaty allows: {facts_en} is an offence under no provision of the "
                       f"set where {inside_en}: {where_en} excludes {works_en} from the object of {by_en}.",
                    zh=f"排除范围宽于公约允许的范围：{facts_zh}亦不构成所审查的任何条文规定的犯罪：{where_zh}"
                       f"将{works_zh}排除在{by_zh}的犯罪对象之外。")
    where_en = f"the accused proves that {inside_en}" if gap.accused_proves else inside_en
    return Text(en=f"A defence wider than the treaty allows: {facts_en} is an offence under no provision of the set "
                   f"where {where_en}: {by_en} {'makes' if len(gap.by) == 1 else 'make'} an exception for it.",
                zh=f"抗辩范围宽于公约允许的范围：{facts_zh}亦不构成所审查的任何条文规定的犯罪：{by_zh}对此规定了例外。")
