"""The general part's routes: participation, attempt and preparation rules reaching the offences a set carries."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from .. import packs
from ..language.ast import Provision, Rule, Text
from ..language.vocabulary import vocabulary
from .conformance import Finding, Note, check
from .spec import Requirement, ViaRules, paragraph_label, spec_for
from .values import Force, RequirementKind, Verdict

# A rule of this kind reaches participation in every capacity (principals, accessories, instigators) by itself;
# the other kinds a requirement lists must all reach an offence together.
EVERY_CAPACITY = "complicity"


def _kind_label(kind: str, lang: str) -> str:
    return vocabulary().label("rule-kinds", kind, lang)


def _kinds(kinds: Iterable[str], lang: str) -> str:
    """The kinds as a list: their Chinese labels, or their names in English (the labels explain, at length)."""
    kinds = list(kinds)
    if lang == "zh":
        return "、".join(_kind_label(k, lang) for k in kinds)
    return kinds[0] if len(kinds) == 1 else f"{', '.join(kinds[:-1])} or {kinds[-1]}"


def _reaching(rules: list[Rule], kinds: Iterable[str], pid: str) -> list[Rule]:
    wanted = set(kinds)
    return [r for r in rules if r.kind is not None and r.kind.name in wanted and r.reaches_provision(pid)]


def _covers(q_kinds: tuple[str, ...], found: list[Rule]) -> bool:
    """Whether the rules found reach the offence in every capacity the requirement names."""
    have = {r.kind.name for r in found if r.kind is not None}
    if EVERY_CAPACITY in q_kinds and EVERY_CAPACITY in have:
        return True
    return set(q_kinds) - {EVERY_CAPACITY} <= have


def carriers(articles: Iterable[str], provisions: list[Provision], rules: list[Rule]) -> list[str]:
    """The provisions that carry the offences of the articles, wholly or in part."""
    return sorted({pid for a in articles for v in check(spec_for(a), provisions, rules).verdicts
                   if v.requirement.kind is RequirementKind.OFFENCE for pid in v.met_by})


def participation(q: Requirement, provisions: list[Provision], rules: list[Rule]) -> Finding:
    """Art. 19: participation (or attempt, or preparation) in the offences the set carries is criminal where a
    general-part rule of the kinds named reaches each provision that carries them. A set that gives no such rule
    leaves the question to a reviewer: the general part decides it, and it is not here."""
    given = [r for r in rules if r.kind is not None and r.kind.name in q.rule_kinds]
    offences = carriers(q.offences_of, provisions, rules)
    kinds_en, kinds_zh = _kinds(q.rule_kinds, "en"), _kinds(q.rule_kinds, "zh")
    if not offences:
        verdict = Verdict.NOT_MET if q.force is Force.SHALL else Verdict.NA
        return Finding(q, verdict, [], [Note("", Text(
            en="No provision in the set establishes the Convention offences, so there is nothing to take part in.",
            zh="所审查的条文均未确立本公约所规定的犯罪，无从参与。"))])
    if not given:
        return Finding(q, Verdict.NOT_ASSESSED, [], [Note("", Text(
            en=f"The set gives no general-part rule on {kinds_en}: whether it reaches the offences "
               f"({', '.join(offences)}) is for a reviewer, who reads the general part.",
            zh=f"所审查的文件中没有关于{kinds_zh}的总则规则：其是否适用于相关犯罪（{'、'.join(offences)}），须由审查人员"
               f"依总则判断。"))])
    notes: list[Note] = []
    reached, short = [], []
    for pid in offences:
        found = _reaching(given, q.rule_kinds, pid)
        for r in sorted(found, key=lambda r: r.id):
            assert r.kind is not None
            notes.append(Note(pid, Text(en=f"{_kind_label(r.kind.name, 'en').capitalize()}: under {r.id}.",
                                        zh=f"{_kind_label(r.kind.name, 'zh')}：依照{r.id}。"), r.span))
        (reached if found and _covers(q.rule_kinds, found) else short).append(pid)
        if found and pid in short:
            notes.append(Note(pid, Text(en=f"Reached in part: not every capacity the paragraph names ({kinds_en}).",
                                        zh=f"仅部分涵盖：并非涵盖该款所列的各种情形（{kinds_zh}）。")))
    used = sorted({r.id for r in given for pid in offences if r.reaches_provision(pid)})
    if short:
        notes.append(Note("", Text(
            en=f"No rule on {kinds_en} reaches {', '.join(short)} in full.",
            zh=f"没有关于{kinds_zh}的规则完全适用于{'、'.join(short)}。")))
    if q.force is not Force.SHALL:
        verdict = Verdict.OPTION_USED if used else Verdict.NA
    else:
        verdict = Verdict.MET if not short else Verdict.PARTLY_MET if used else Verdict.NOT_MET
    return Finding(q, verdict, used, notes)


# the verdicts a route gives, as the reasons word them in Chinese
_ZH = {Verdict.MET: "已实施", Verdict.PARTLY_MET: "部分实施", Verdict.NOT_MET: "未实施"}


def _route(via: ViaRules, done: dict[str, Finding], given: list[Rule] | None) -> tuple[Verdict, list[Note]]:
    """How far financing is reached as participation in the offences `via` names, through the rules given (None: as
    if a rule of the kinds named reached every provision that carries them), and the notes citing them."""
    grades: list[int] = []
    cited: list[Note] = []
    for oid in via.offences:
        offence = done.get(oid)
        if offence is None or not offence.met_by:
            grades.append(0)
            continue
        found = {pid: _reaching(given, via.kinds, pid) if given is not None else [None] for pid in offence.met_by}
        for pid, rs in sorted(found.items()):
            cited.extend(Note(pid, Text(en=f"Financing it is participation in it under {r.id}.",
                                        zh=f"依照{r.id}，资助该罪以参与该罪论。"), r.span) for r in rs if r is not None)
        whole = all(found.values())
        grades.append(offence.verdict.rank if whole else min(1, offence.verdict.rank) if any(found.values()) else 0)
    route = Verdict.MET if all(g == 2 for g in grades) else Verdict.NOT_MET if not any(grades) else \
        Verdict.PARTLY_MET
    return route, cited


def through_rules(q: Requirement, finding: Finding, done: dict[str, Finding], rules: list[Rule],
                  jurisdiction: str | None = None, general_part: bool = True) -> Finding:
    """An offence reached through participation in others (Art. 14(1)(d): financing (a)-(c), which a State may
    but need not make a separate offence): as far as a rule of the kinds named reaches every provision that carries
    them, and no further than those offences are met. The report cites the rules. Where the set gives no such rule,
    the general part it does not encode (named in the jurisdiction's pack, where the pack says where) may reach
    financing: a reviewer decides (not-assessed) wherever that route could raise the verdict; where it could not (the
    offences financed are met no further than the verdict already is), the verdict stands and says so."""
    via = q.via_rules
    if via is None or not finding.verdict.fails:
        return finding
    given = [r for r in rules if r.kind is not None and r.kind.name in via.kinds]
    kinds_en, kinds_zh = _kinds(via.kinds, "en"), _kinds(via.kinds, "zh")
    if not given:
        best, _ = _route(via, done, None)
        # a set that gives none of its general part says so once, for every paragraph the general part decides,
        # where the route could raise the verdict (conformance.check leaves the others as they are)
        if not general_part and best.rank > finding.verdict.rank:
            note = Note("", Text(
                en=f"{via.reason.en} The set gives no general-part rule on {kinds_en}, so that route is for a "
                   f"reviewer.",
                zh=f"{via.reason.zh}所审查的文件中没有关于{kinds_zh}的总则规则，故该途径须由审查人员判断。"))
            return dataclasses.replace(finding, notes=[*finding.notes, note])
        if best.rank <= finding.verdict.rank:
            note = Note("", Text(
                en=f"{via.reason.en} The set gives no general-part rule on {kinds_en}, so that route is for a "
                   f"reviewer; it could reach financing no further than the offences financed are met.",
                zh=f"{via.reason.zh}所审查的文件中没有关于{kinds_zh}的总则规则，故该途径须由审查人员判断；"
                   f"该途径对资助行为的涵盖不超过被资助之罪的实施程度。"))
            return dataclasses.replace(finding, notes=[*finding.notes, note])
        pack = packs.pack(jurisdiction) if jurisdiction is not None else None
        where = pack.complicity if pack is not None and pack.complicity else None
        where_en, where_zh = (f" ({where['en']})", f"（{where['zh']}）") if where else ("", "")
        paragraphs = [done[o].requirement.paragraph for o in via.offences if o in done]
        best_zh = _ZH[best]
        note = Note("", Text(
            en=f"{via.reason.en} The general part's rules on {kinds_en}{where_en} are not among the general-part "
               f"rules given: whether they reach financing the offences of {', '.join(paragraphs)} is for a "
               f"reviewer's decision; if they do, the paragraph is {best} through them, and if not, {finding.verdict}. "
               f"A separate financing offence would put it beyond doubt.",
            zh=f"{via.reason.zh}总则中关于{kinds_zh}的规则{where_zh}未纳入所给出的总则规则：其是否涵盖资助"
               f"{'、'.join(paragraph_label(p, 'zh') for p in paragraphs)}规定之罪的行为，须由审查人员决定；"
               f"如涵盖，则通过该等规则{best_zh}，否则为{_ZH[finding.verdict]}。另设资助犯罪的独立罪名可消除疑问。"),
                    question=True)
        return dataclasses.replace(finding, verdict=Verdict.NOT_ASSESSED, notes=[*finding.notes, note],
                                   between=(finding.verdict, best))
    route, cited = _route(via, done, given)
    if route.rank <= finding.verdict.rank:
        if cited:
            return dataclasses.replace(finding, notes=[*finding.notes, Note("", via.reason), *cited])
        return finding
    done_zh = _ZH[route]
    reason = Note("", Text(en=f"{via.reason.en} Reached through {kinds_en}: {route}.",
                           zh=f"{via.reason.zh}通过{kinds_zh}予以涵盖：{done_zh}。"))
    reached = list(dict.fromkeys([*finding.reached, *q.conduct]))
    return dataclasses.replace(finding, verdict=route, notes=[*finding.notes, reason, *cited], reached=reached)



def through_incitement(q: Requirement, finding: Finding, done: dict[str, Finding], rules: list[Rule],
                       jurisdiction: str | None = None) -> Finding:
    """An act a general part may also reach as instigating another's offence (Art. 14(1)(b): soliciting the material,
    as inciting its supply under 14(1)(a)). The treaty asks the act criminalised as such, and offers no route through
    participation as it does for financing (14(1)(d)), so the verdict stands on the provisions; where none reaches the
    act in full and the set carries the offence incited, a reviewer's question says whether the general part's rules
    on instigation (those given, or those the pack names) reach a request that no supply follows."""
    inc = q.incitement
    if inc is None or (inc.act in finding.reached and inc.act not in finding.partial):
        return finding
    supply = sorted({pid for o in inc.offences if o in done for pid in done[o].met_by})
    if not supply:
        return finding  # nothing to incite: the set punishes no supply
    paragraphs = [done[o].requirement.paragraph for o in inc.offences if o in done]
    kinds_en, kinds_zh = _kinds(inc.kinds, "en"), _kinds(inc.kinds, "zh")
    given = sorted({r.id for r in rules if r.kind is not None and r.kind.name in inc.kinds
                    for pid in supply if r.reaches_provision(pid)})
    cited_zh = "、".join(paragraph_label(p, "zh") for p in paragraphs)
    if given:
        en = (f"The set's rules on {kinds_en} ({', '.join(given)}) reach the provisions that carry "
              f"{', '.join(paragraphs)} ({', '.join(supply)}); whether they do so is for a reviewer.")
        zh = (f"所审查的关于{kinds_zh}的规则（{'、'.join(given)}）适用于确立{cited_zh}之罪的条文"
              f"（{'、'.join(supply)}）；其是否如此，须由审查人员判断。")
    else:
        pack = packs.pack(jurisdiction) if jurisdiction is not None else None
        where = pack.complicity if pack is not None and pack.complicity else None
        where_en, where_zh = (f" ({where['en']})", f"（{where['zh']}）") if where else ("", "")
        en = (f"The general part's rules on {kinds_en}{where_en} are not among the rules given: whether they do so is "
              f"for a reviewer.")
        zh = f"总则中关于{kinds_zh}的规则{where_zh}未纳入所给出的总则规则，其是否如此，须由审查人员判断。"
    note = Note("", Text(en=f"{inc.reason.en} {en}", zh=f"{inc.reason.zh}{zh}"), remark=True, question=True)
    return dataclasses.replace(finding, notes=[*finding.notes, note])


def route_cannot_raise(q: Requirement, finding: Finding, done: dict[str, Finding]) -> bool:
    """Whether reaching `q` through participation (financing as aiding the offences of 14(1)(a)-(c)) could give no
    better verdict than the finding has, even if the general part's rules reached every provision carrying them: a
    set with none of the offences financed leaves financing not-met, general part or not."""
    return q.via_rules is not None and _route(q.via_rules, done, None)[0].rank <= finding.verdict.rank
