"""Check a set of provisions against a treaty article's requirements: verdicts, reasons, risks."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .ast import Provision, Span, Text
from .spec import Requirement, Spec
from .vocabulary import vocabulary

VERDICTS = ("met", "partly-met", "not-met", "option-used", "beyond", "n/a")
# verdicts under which an obligatory requirement counts as implemented
CONFORMING = {"met", "option-used", "beyond", "n/a"}
_RANK = {"full": 3, "option": 2, "partial": 1}
_ALL_ORIGINS = ("real", "synthetic")
_ALL_MEDIA = ("visual", "written", "audio")


def facts(p: Provision) -> dict[str, Any]:
    """The provision as the flat facts that spec conditions test; silence means no limit."""
    v = vocabulary()
    obj = p.object
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    conduct = {t.name for t in p.conduct}
    covers = {verb for c in conduct for verb in (v.entry("conduct", c) or {}).get("covers", ())}
    return {
        "object.kind": obj.kind.name if obj else None,
        "object.origin": set(obj.values("origin") or _ALL_ORIGINS) if obj else set(),
        "object.person": set(obj.values("person") or ("any-person",)) if obj else set(),
        "object.medium": set(obj.values("medium") or _ALL_MEDIA) if obj else set(),
        "object.depicts": set(obj.values("depicts")) if obj else set(),
        "object.standard": set(obj.values("standard")) if obj else set(),
        "object.virtual-test": set(obj.values("virtual-test")) if obj else set(),
        "purpose": {t.name for t in p.purpose.purposes} if p.purpose else set(),
        "mental": p.mental.kind.name if p.mental else "intent",
        "consent": p.consent.name if p.consent else None,
        "harm": p.harm.name if p.harm else None,
        "prosecution": p.prosecution.kind.name if p.prosecution else "public",
        "base-threshold": base is not None and (base.requires is not None or base.condition is not None),
        "conduct": conduct,
        "covers": covers,
        "means": {t.name for t in p.means.means} if p.means else set(),
        "actors": {t.name for t in p.actors} or {"natural-person"},
        "exceptions": {e.kind.name for e in p.exceptions},
        "exception-conditions": {c.name for e in p.exceptions for c in e.conditions},
    }


def holds(condition: Any, f: dict[str, Any]) -> bool:
    """Evaluate a declarative spec condition against a provision's facts (data, never eval)."""
    (key, value), = condition.items()
    if key == "all":
        return all(holds(c, f) for c in value)
    if key == "any":
        return any(holds(c, f) for c in value)
    if key == "not":
        return not holds(value, f)
    (test, arg), = value.items()
    fact = f.get(key)
    values = fact if isinstance(fact, set) else ({fact} if fact is not None else set())
    tests: dict[str, Callable[[], bool]] = {
        "has": lambda: arg in values,
        "has-any": lambda: bool(values & set(arg)),
        "has-all": lambda: set(arg) <= values,
        "lacks": lambda: arg not in values,
        "is": lambda: fact == arg,
        "is-any": lambda: fact in arg,
        "present": lambda: bool(values) == bool(arg),
    }
    return tests[test]()


@dataclass(frozen=True)
class Note:
    """One sentence of justification, tied to the provision it speaks of."""

    provision: str
    text: Text
    span: Span | None = None


@dataclass
class Verdict:
    requirement: Requirement
    verdict: str
    met_by: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    reached: list[str] = field(default_factory=list)  # offences: the treaty acts some provision reaches, in full or part


@dataclass(frozen=True)
class Risk:
    id: str
    paragraph: str
    provision: str
    requirement: str
    reason: Text
    span: Span | None


@dataclass
class Report:
    spec: Spec
    provisions: list[Provision]
    verdicts: list[Verdict]
    risks: list[Risk]

    @property
    def conforms(self) -> bool:
        return all(v.verdict in CONFORMING for v in self.verdicts if v.requirement.force == "shall")


def _t(en: str, zh: str) -> Text:
    return Text(zh=zh, en=en)


def _label(section: str, name: str, lang: str) -> str:
    entry = vocabulary().entry(section, name)
    return str(entry[lang]) if entry else name


def _grade_offence(q: Requirement, p: Provision, f: dict[str, Any]) -> tuple[str, set[str], list[Note], str | None]:
    """How far one provision covers an offence requirement: grade, treaty verbs covered, notes, option used."""
    og = q.object_grade(f["object.kind"]) if f["object.kind"] else None
    if og is None:
        return "none", set(), [], None
    grade, option = og[0], None
    notes = [Note(p.id, og[1], p.object.span if p.object else p.span)] if og[1] else []
    verbs = f["covers"] & set(q.conduct)
    for conduct, treaty_verbs, reason in q.conduct_via:
        if conduct in f["conduct"]:
            extra = set(treaty_verbs) & set(q.conduct) - verbs
            if extra:
                verbs |= extra
                grade = "partial"
                notes.append(Note(p.id, reason, p.span))
    if not verbs:
        return "none", set(), [], None
    for check in q.checks:
        if holds(check.when, f):
            o = check.outcome
            notes.append(Note(p.id, o.reason, p.span))
            if o.grade == "excluded":
                return "excluded", verbs, notes, None
            if o.grade == "partial":
                grade = "partial"
            elif o.grade == "option":
                option = o.option
                grade = "option" if grade == "full" else grade
    return grade, verbs, notes, option


def _offence(q: Requirement, provisions: list[Provision], table: dict[str, dict[str, Any]]) -> Verdict:
    best: dict[str, tuple[int, list[str]]] = {}  # treaty verb -> (rank, provisions)
    notes: list[Note] = []
    options: list[tuple[str, str]] = []
    excluded: list[str] = []
    for p in provisions:
        grade, verbs, pnotes, option = _grade_offence(q, p, table[p.id])
        if grade == "none":
            continue
        notes.extend(pnotes)
        if grade == "excluded":
            excluded.append(p.id)
            continue
        if option:
            options.append((option, p.id))
        for verb in verbs:
            rank, who = best.get(verb, (0, []))
            if _RANK[grade] > rank:
                best[verb] = (_RANK[grade], [p.id])
            elif _RANK[grade] == rank:
                who.append(p.id)
    covered = [verb for verb in q.conduct if verb in best]
    missing = [verb for verb in q.conduct if verb not in best]
    met_by = sorted({pid for verb in covered for pid in best[verb][1]})
    if not covered:
        verdict = "not-met"
    elif missing or any(best[verb][0] == _RANK["partial"] for verb in covered):
        verdict = "partly-met"
    elif any(best[verb][0] == _RANK["option"] for verb in covered):
        verdict = "option-used"
    else:
        verdict = "met"
    summary = _offence_summary(q, verdict, missing, excluded)
    # outranked provisions add nothing a reviewer needs; keep the providers and the excluded
    notes = [n for n in notes if n.provision in met_by or n.provision in excluded]
    used = sorted({o for o, pid in options if pid in met_by})
    return Verdict(q, verdict, met_by, [summary, *notes], used, covered)


def _offence_summary(q: Requirement, verdict: str, missing: list[str], excluded: list[str]) -> Note:
    verbs_en = ", ".join(missing)
    verbs_zh = "、".join(missing)
    if verdict == "not-met" and not excluded:
        return Note("", _t(f"No provision in the set criminalises this conduct ({', '.join(q.conduct)}).",
                           f"所审查的条文均未将该行为（{'、'.join(q.conduct)}）规定为犯罪。"))
    parts_en, parts_zh = [], []
    if verdict == "met":
        parts_en.append("Every act the paragraph lists is criminalised without a limit the treaty does not allow.")
        parts_zh.append("该款所列各项行为均已入罪，且无公约不允许的限制。")
    if verdict == "option-used":
        parts_en.append("Every act is criminalised, within a limitation the treaty permits.")
        parts_zh.append("各项行为均已入罪，所设限制属于公约允许的选择。")
    if missing:
        parts_en.append(f"Not criminalised by any provision: {verbs_en}.")
        parts_zh.append(f"以下行为未被任何条文规定为犯罪：{verbs_zh}。")
    if verdict == "partly-met" and not missing:
        parts_en.append("Each act is reached only in part, for the reasons below.")
        parts_zh.append("各项行为仅部分入罪，理由如下。")
    if excluded:
        parts_en.append(f"Not counted: {', '.join(excluded)} (see below).")
        parts_zh.append(f"不计入：{'、'.join(excluded)}（见下文）。")
    return Note("", _t(" ".join(parts_en), "".join(parts_zh)))


def _definition(q: Requirement, provisions: list[Provision], table: dict[str, dict[str, Any]]) -> Verdict:
    candidates = [p for p in provisions if table[p.id]["object.kind"] and q.object_grade(table[p.id]["object.kind"])]
    if not candidates:
        return Verdict(q, "not-met", [], [Note("", _t("No provision in the set has an object of this kind.",
                                                          "所审查的条文中没有以此类对象为客体的条文。"))])
    best_rank: int = 0
    best: list[str] = []
    notes: list[Note] = []
    beyond: list[Note] = []
    for p in candidates:
        f = table[p.id]
        grade, reason = q.object_grade(f["object.kind"])  # type: ignore[misc]
        failed = [e for e in q.elements if not holds(e.require, f)]
        if reason:  # an object of another kind: its own reason says it all
            notes.append(Note(p.id, reason, p.object.span if p.object else p.span))
        else:
            notes.extend(Note(p.id, e.missing, p.object.span if p.object else p.span) for e in failed)
        for check in q.checks:
            if holds(check.when, f):
                if check.outcome.grade == "beyond":
                    if grade == "full":  # extensions count only on objects of the treaty's own kind
                        beyond.append(Note(p.id, check.outcome.reason, p.object.span if p.object else p.span))
                else:
                    notes.append(Note(p.id, check.outcome.reason, p.span))
                    grade = "partial"
        rank = 0 if len(failed) == len(q.elements) and q.elements else (_RANK["partial"] if failed else _RANK[grade])
        if rank > best_rank:
            best_rank, best = rank, [p.id]
        elif rank == best_rank and rank:
            best.append(p.id)
    if best_rank == _RANK["full"]:
        verdict = "beyond" if beyond else "met"
        notes = [n for n in notes if n.provision not in best]
    else:
        verdict = "partly-met" if best_rank else "not-met"
        beyond = []  # extensions matter only beside a definition that is met
    return Verdict(q, verdict, sorted(best), [*notes, *beyond])


def _option(q: Requirement, provisions: list[Provision], table: dict[str, dict[str, Any]]) -> Verdict:
    users = [p.id for p in provisions if q.used_when is not None and holds(q.used_when, table[p.id])]
    if users and q.used_reason:
        return Verdict(q, "option-used", sorted(users), [Note(pid, q.used_reason) for pid in sorted(users)])
    return Verdict(q, "n/a", [], [Note("", _t("The option is not taken by any provision in the set.",
                                              "所审查的条文均未采用该选择。"))])


def _manual(q: Requirement) -> Verdict:
    return Verdict(q, "n/a", [], [Note("", q.explanation)])


def check(spec: Spec, provisions: Iterable[Provision]) -> Report:
    """All requirements of one article, checked against the set of provisions taken together."""
    provs = sorted(provisions, key=lambda p: p.id)
    table = {p.id: facts(p) for p in provs}
    verdicts = [_offence(q, provs, table) for q in spec.requirements if q.kind == "offence"]
    # definitions and options are judged on the provisions that carry the article's offences
    carriers = sorted({pid for v in verdicts for pid in v.met_by})
    excluded = sorted({n.provision for v in verdicts for n in v.notes if n.provision and n.provision not in carriers})
    by_id = {p.id: p for p in provs}
    done = {v.requirement.id: v for v in verdicts}
    for q in spec.requirements:
        if q.kind == "definition":
            done[q.id] = _definition(q, [by_id[i] for i in sorted({*carriers, *excluded})], table)
        elif q.kind == "option":
            done[q.id] = _option(q, [by_id[i] for i in carriers], table)
        elif q.kind != "offence":
            done[q.id] = _manual(q)
    verdicts = [done[q.id] for q in spec.requirements]
    risks = []
    for v in verdicts:
        if v.requirement.force != "shall" or v.requirement.kind != "offence":
            continue
        for pid in v.met_by:
            for rule in spec.risks:
                if holds(rule.when, table[pid]):
                    p = by_id[pid]
                    risks.append(Risk(rule.id, rule.paragraph, pid, v.requirement.id, rule.reason,
                                      p.prosecution.span if p.prosecution else p.span))
    return Report(spec, provs, verdicts, risks)
