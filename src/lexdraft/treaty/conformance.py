"""Check a set of provisions against a treaty article's requirements: verdicts, reasons, risks."""

from __future__ import annotations

import dataclasses
import operator
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import TYPE_CHECKING

from .. import packs
from ..diagnostics import LexdraftError, Span
from ..language.ast import Exception_, Obligation, Provision, Rule, Sanction, Term, Text
from ..language.vocabulary import vocabulary
from ..packs.numerals import chinese_numeral
from . import acts, threshold
from .facts import Facts, facts_of
from .grades import current as current_grades
from .papers import FILE_NAME, cite_text
from .spec import Element, MinorsConsent, Requirement, RiskRule, Spec, paragraph_label
from .values import Force, Grade, RequirementKind, Verdict

if TYPE_CHECKING:
    from .decisions import Decision


@dataclass(frozen=True, slots=True)  # a large set's grades hold ten a provision: no dictionary each
class Note:
    """One sentence of justification, tied to the provision it speaks of."""

    provision: str
    text: Text
    span: Span | None = None
    # a remark explains or flags (a term's coverage, a burden, a question for a reviewer, a reach beyond the treaty):
    # it limits nothing the provision reaches
    remark: bool = False
    # a question a reviewer must answer before the verdict can be signed (the reading of a term it rests on): shown
    # with the verdict and in the list for a reviewer's decision, though the verdict stands
    question: bool = False
    # the spec check that gave it, where its reason is worded from the set (what a threshold leaves out); AGES for
    # the ages the object reaches
    check: str | None = None


AGES = "ages"


@dataclass
class Finding:
    """One requirement's verdict, the provisions that carry it and the reasons."""

    requirement: Requirement
    verdict: Verdict
    met_by: list[str] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    # offences: the treaty acts some provision reaches, in full or part
    reached: list[str] = field(default_factory=list)
    # treaty words the reference does not verify, on which alone the requirement would have failed
    unverified: list[str] = field(default_factory=list)
    # the reviewer's decision that gave the verdict, where the check left it not-assessed (treaty/decisions.py)
    decision: Decision | None = None
    # the weakest provenance of the text the verdict rests on, where it is flagged (`paraphrase`, `r-memory`): the
    # verdict would change without the provisions whose text is that weak
    rests_on: str | None = None
    # the documents whose text is that weak, those that carry the verdict first: provisions, and the general-part
    # rules and administrative measures the verdict may rest on as well
    resting: list[str] = field(default_factory=list)
    # the provisions quoting the text of an earlier version (`status outdated`) without which the verdict would differ:
    # it is marked [dated], as it may rest on words since amended
    dated: list[str] = field(default_factory=list)
    # offences: every provision that reaches some act (in full, in part or within an option), outranked or not
    carriers: list[str] = field(default_factory=list)
    # offences: the treaty acts the set reaches only in part (its best provision for each is limited)
    partial: list[str] = field(default_factory=list)
    # offences: the acts not reached that a provision's words may reach, which the reference does not settle
    unsettled: list[str] = field(default_factory=list)
    # not-assessed: the verdicts a reviewer's decision can give, lowest first, where the check knows them (financing
    # through a general part not given: the verdict without it, and with it); a widening may narrow the range, never
    # lower it
    between: tuple[Verdict, Verdict] | None = None

    @property
    def questions(self) -> list[Note]:
        """What a reviewer must confirm for the verdict to stand (a term's reading it rests on)."""
        return [n for n in self.notes if n.question]


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
    verdicts: list[Finding]
    risks: list[Risk]

    @property
    def conforms(self) -> bool:
        return not any(v.verdict.fails for v in self.verdicts if v.requirement.force is Force.SHALL)


def _t(en: str, zh: str) -> Text:
    return Text(zh=zh, en=en)


def _age_reach(p: Provision, f: Facts, ages: tuple[int, int | None]) -> tuple[int, int | None] | None:
    """The part of the treaty's age range [from, below) that the provision's object reaches, as [from, below), or
    None when it reaches none of it. Read from the vocabulary's `ages` of the person terms (silence: any person)."""
    v = vocabulary()
    lo, hi = ages
    reached: list[tuple[int, int | None]] = []
    for term in sorted(f.object_person):
        a, b = (v.entry("object-attributes.person", term) or {}).get("ages") or (0, None)
        start, end = max(a, lo), b if hi is None else (hi if b is None else min(b, hi))
        if end is None or start < end:
            reached.append((start, end))
    if not reached:
        return None
    return min(r[0] for r in reached), None if any(r[1] is None for r in reached) else max(r[1] for r in reached)


def _years(f: Facts, ages: tuple[int, int | None] | None) -> frozenset[int] | None:
    """The years of the treaty's age range (Art. 14: 0 to 17) that the provision's object reaches, where that range
    is closed; None for an open one (Art. 16: over 18), which no set makes up across provisions."""
    if ages is None or ages[1] is None:
        return None
    v = vocabulary()
    out: set[int] = set()
    for term in f.object_person or ("any-person",):
        a, b = (v.entry("object-attributes.person", term) or {}).get("ages") or (0, None)
        out.update(range(max(a, ages[0]), ages[1] if b is None else min(b, ages[1])))
    return frozenset(out)


def _cells(q: Requirement) -> frozenset[tuple[str, int | None, str]]:
    """What an act must reach in full: material of every origin, of persons of every year of the requirement's age
    range (one cell per year where it is closed), however the offender came by it (every way of `ways-obtained`)."""
    v = vocabulary()
    origins = v.section("object-attributes.origin")
    years: tuple[int | None, ...] = tuple(range(*q.ages)) if q.ages and q.ages[1] is not None else (None,)  # type: ignore[arg-type]
    return frozenset((o, y, w) for o in origins for y in years for w in v.section("ways-obtained"))


def _says(term: str) -> str:
    """What an `obtained` value's words limit (its vocabulary `says`): how the offender came by the image
    (`offender`) or how the recording was made, whoever discloses it (`recording`)."""
    return str((vocabulary().entry("object-attributes.obtained", term) or {}).get("says", "offender"))


def _ways(f: Facts, says: str | None = None) -> frozenset[str]:
    """The ways of coming by the image that the provision's `obtained` limit reaches (vocabulary `ways`): any of its
    values', or, where they are all required (`,`), those of every one; every way where it states none. With `says`,
    only the values whose words limit that (`offender`, `recording`)."""
    v = vocabulary()
    every = frozenset(v.section("ways-obtained"))
    terms = sorted(t for t in f.object_obtained if says is None or _says(t) == says)
    if not terms:
        return every
    each = [frozenset((v.entry("object-attributes.obtained", t) or {}).get("ways") or ()) & every for t in terms]
    return frozenset.intersection(*each) if "obtained" in f.object_cumulative else frozenset().union(*each)


def _obtained_notes(p: Provision, f: Facts, says: str) -> list[Note]:
    """The vocabulary's reason and source for each `obtained` term whose words limit what `says` names, as a conduct
    term's coverage is told."""
    v = vocabulary()
    notes = []
    span = p.object.span if p.object else p.span
    for t in sorted(u for u in f.object_obtained if _says(u) == says):
        entry = v.entry("object-attributes.obtained", t) or {}
        reason, source = entry.get("reason") or {}, entry.get("source") or {}
        if not isinstance(reason, dict) or "en" not in reason:
            continue
        source_en, source_zh = (source.get("en", ""), source.get("zh", source.get("en", ""))) \
            if isinstance(source, dict) else (str(source), str(source))
        notes.append(Note(p.id, _t(f"'{entry.get('en', t)}': {reason['en']} (source: {source_en})",
                                   f"“{entry.get('zh', t)}”：{reason.get('zh', reason['en'])}（依据：{source_zh}）"),
                          span, remark=True))
    return notes


def _span(years: Iterable[int | None]) -> tuple[int, int | None]:
    ys = sorted(y for y in years if y is not None)
    return ys[0], ys[-1] + 1


@cache  # a few ranges, asked for at every provision of a set
def _ages_en(span: tuple[int, int | None]) -> str:
    lo, hi = span
    if hi is None:
        return f"aged {lo} or over"
    return f"under {hi}" if lo == 0 else f"aged {lo} to {hi - 1}"


@cache
def _ages_zh(span: tuple[int, int | None]) -> str:
    """In statute usage: 不满十四周岁, 已满十四周岁不满十八周岁, 十八周岁以上 (numbers in Chinese numerals)."""
    lo, hi = span
    zh_lo = chinese_numeral(lo)
    if hi is None:
        return f"{zh_lo}周岁以上"
    zh_hi = chinese_numeral(hi)
    return f"不满{zh_hi}周岁" if lo == 0 else f"已满{zh_lo}周岁不满{zh_hi}周岁"


def _age_grade(q: Requirement, p: Provision, f: Facts) -> tuple[Grade, Note] | None:
    """Age decides the article: the provision's object measured against the persons the requirement concerns
    (Art. 14: under 18). None where the requirement or the object's kind is not about persons' ages."""
    kind = vocabulary().entry("objects", f.object_kind or "") or {}
    if q.ages is None or not kind.get("of-persons"):
        return None
    span = p.object.span if p.object else p.span
    want_en, want_zh = _ages_en(q.ages), _ages_zh(q.ages)
    reach = _age_reach(p, f, q.ages)
    if reach is None:
        own = _age_reach(p, f, (0, None)) or (0, None)
        return Grade.EXCLUDED, Note(p.id, _t(
            f"The object is limited to persons {_ages_en(own)}; the article concerns persons {want_en}, so the "
            f"provision implements nothing of it.",
            f"犯罪对象限于{_ages_zh(own)}者；本条涉及{want_zh}者，故该条对本条未作任何实施。"), span)
    if reach != q.ages:
        return Grade.PARTIAL, Note(p.id, _t(
            f"The object reaches persons {_ages_en(reach)} only; the article concerns every person {want_en}.",
            f"犯罪对象仅及于{_ages_zh(reach)}者；本条涉及所有{want_zh}者。"), span)
    general = [t for t in sorted(f.object_person) if not _within(t, q.ages)]
    if general and q.ages[1] is not None and all(_upper(t) is not None for t in general):
        # a band of minors wider than the treaty's (Korea's children and youth: under 19), not persons in general
        wider = (0, max(b for t in general if (b := _upper(t)) is not None))
        return Grade.FULL, Note(p.id, _t(
            f"The object reaches persons {_ages_en(wider)}, every person {want_en} among them: it counts for this "
            f"article as far as it reaches those {want_en}, and reaches beyond them.",
            f"犯罪对象及于{_ages_zh(wider)}者，所有{want_zh}者均在其内：本审查就其涵盖{want_zh}者的部分计入实施，"
            f"其涵盖范围超出该年龄。"), span)
    if general:
        return Grade.FULL, Note(p.id, _t(
            f"The object is not limited to persons {want_en}: it counts for this article only as far as it reaches "
            f"them, which it does as persons in general.",
            f"该罪对象不限于{want_zh}者；本审查仅就其涵盖{want_zh}者的部分计入实施，对此类人员仅作为一般人予以涵盖。"),
            span)
    return None


def _upper(term: str) -> int | None:
    """The age below which the person term reaches (19 for persons under 19), or None where it has no bound."""
    b = ((vocabulary().entry("object-attributes.person", term) or {}).get("ages") or (0, None))[1]
    return None if b is None else int(b)


def _sex_grade(q: Requirement, p: Provision, f: Facts) -> Note | None:
    """A person term that reaches one sex only (the vocabulary's `sex`: 妇女, a woman) narrows an article that
    concerns persons whatever their sex, as Arts. 14 and 16 do: the provision reaches the other sex only at the ages
    another of its terms reaches. None where no term is so limited or others make up the rest."""
    if "person" not in f.object_stated:
        return None
    left = _one_sex(packs.folders(), f.object_person, q.ages)
    if not left:
        return None
    v = vocabulary()
    en = ", ".join(v.label("object-attributes.person", t, "en") for t in left)
    zh = "、".join(v.label("object-attributes.person", t, "zh") for t in left)
    want_en, want_zh = (f" {_ages_en(q.ages)}", _ages_zh(q.ages)) if q.ages else ("", "")
    return Note(p.id, _t(f"The object is limited to persons of one sex ({en}); the article concerns every person"
                         f"{want_en}, whatever their sex, so the others are not reached.",
                         f"犯罪对象限于单一性别者（{zh}）；本条涉及所有{want_zh}人，不论其性别，其他人不在其内。"),
                p.object.span if p.object else p.span)


@cache  # a few sets of person terms, asked of every provision that carries an article's offences
def _one_sex(folders: tuple[str, ...], persons: frozenset[str], ages: tuple[int, int | None] | None) -> tuple[str, ...]:
    """The person terms among `persons` that reach one sex only, at ages within `ages` that none of the others
    reaches (with the vocabulary of the packs in use, `folders`): what _sex_grade says the object leaves out."""
    v = vocabulary()
    lo, hi = ages or (0, None)

    def span(term: str) -> tuple[int, float]:
        a, b = (v.entry("object-attributes.person", term) or {}).get("ages") or (0, None)
        return max(a, lo), min(float("inf") if b is None else b, float("inf") if hi is None else hi)

    sexed = sorted(t for t in persons if (v.entry("object-attributes.person", t) or {}).get("sex"))
    whole = [span(t) for t in persons if t not in sexed]
    return tuple(t for t in sexed if span(t)[0] < span(t)[1]
                 and not any(a <= span(t)[0] and span(t)[1] <= b for a, b in whole))


def _within(term: str, ages: tuple[int, int | None]) -> bool:
    """Whether every person the term reaches is within the range: a term about minors, not about persons in general."""
    a, b = (vocabulary().entry("object-attributes.person", term) or {}).get("ages") or (0, None)
    return a >= ages[0] and (ages[1] is None or (b is not None and b <= ages[1]))


Graded = tuple[Grade, frozenset[str], list[Note], str | None, frozenset[str], frozenset[str] | None]


def _grade_offence(q: Requirement, p: Provision, f: Facts) -> Graded:
    """How far one provision covers an offence requirement: grade, treaty verbs covered, notes, option used, the
    verbs reached only through other conduct (insult reaching publish), which count as partly reached, and the part
    of the material it reaches where its origins or the ages of the persons it shows alone limit it (cells of origin
    and year, as _cells; None: all of it). A provision limited to part of the origins or of the ages is graded as if
    whole: the set decides whether other provisions make up the rest (Germany's § 184b for children under 14, § 184c
    for persons aged 14 to 17)."""
    og = q.object_grade(f.object_kind, p.jurisdiction.name if p.jurisdiction else None)
    if og is None:
        return Grade.NONE, frozenset(), [], None, frozenset(), None
    grade, option = og[0], None
    notes = [Note(p.id, og[1], p.object.span if p.object else p.span)] if og[1] else []
    aged = _age_grade(q, p, f)
    years: frozenset[int] | None = None
    if aged is not None:
        notes.append(dataclasses.replace(aged[1], check=AGES))
        if aged[0] is Grade.EXCLUDED:
            verbs = f.covers & set(q.conduct)
            return (Grade.EXCLUDED, verbs, notes, None, frozenset(), None) if verbs \
                else (Grade.NONE, frozenset(), [], None, frozenset(), None)
        if aged[0] is Grade.PARTIAL:
            years = _years(f, q.ages)
            if years is None:  # an open range: made up by no other provision
                grade = Grade.PARTIAL
    sexed = _sex_grade(q, p, f)
    if sexed is not None:
        notes.append(sexed)
        grade = Grade.PARTIAL
    verbs = f.covers & set(q.conduct)
    # an act reached only through other conduct is reached in part; the acts the provision names keep their grade,
    # so that adding insult to a dissemination offence never lowers what it already reached
    via: set[str] = set()
    for conduct, treaty_verbs, reason in q.conduct_via:
        if conduct in f.conduct:
            extra = set(treaty_verbs) & set(q.conduct) - verbs - via
            if extra:
                via |= extra
                notes.append(Note(p.id, reason, p.span))
    verbs |= via
    if not verbs:
        return Grade.NONE, frozenset(), [], None, frozenset(), None
    notes.extend(_coverage_notes(q, p, frozenset(verbs)))
    # an act the base offence reaches only under a condition that binds it (a limb's qualifier) is reached in part;
    # the provision's other acts keep their grade
    bound, note = _bound_acts(q, p, verbs)
    if note is not None:
        via |= bound
        notes.append(note)
    notes.extend(_burden_notes(p))
    notes.extend(_consent_defence(q, p))
    part: frozenset[str] | None = None
    ways: frozenset[str] | None = None
    excepted, every_act = _excepted_acts(p, f, verbs)
    for check in q.checks:
        if check.when.holds(f):
            o = check.outcome
            if o.grade is Grade.PARTIAL and not check.when.holds(every_act):
                # a defence to some acts only narrows those (England's PCA 1978 s. 1(4)): the others keep their grade
                bound = set().union(*(acts_ for e, acts_ in excepted if check.when.holds(_with_exception(every_act,
                                                                                                         e))))
                if bound:
                    via |= bound
                    ordered = [a for a in q.conduct if a in bound]
                    reason = threshold.worded(o.reason_for(p.jurisdiction.name if p.jurisdiction else None), p, f)
                    notes.append(Note(p.id, _t(f"{acts.acts(ordered, 'en')[:1].upper()}"
                                               f"{acts.acts(ordered, 'en')[1:]}: {reason.en}",
                                               f"{acts.acts(ordered, 'zh')}：{reason.zh}"), p.span, check=check.id))
                    continue

            if check.obtained_part:  # a limit by how the image was obtained, unless its terms reach every way
                mine = _ways(f, check.obtained_part)
                if mine >= {c[2] for c in _cells(q)}:
                    continue
                ways = mine if ways is None else ways & mine
            reason = threshold.worded(o.reason_for(p.jurisdiction.name if p.jurisdiction else None), p, f)
            notes.append(Note(p.id, reason, p.span, remark=o.grade in (Grade.BEYOND, Grade.REVIEW),
                              question=o.grade is Grade.REVIEW, check=check.id))
            if o.grade is Grade.EXCLUDED:
                return Grade.EXCLUDED, verbs, notes, None, frozenset(), None
            if o.grade is Grade.PARTIAL and check.part:
                part = frozenset(check.part) if part is None else part & frozenset(check.part)
            elif o.grade is Grade.PARTIAL and check.obtained_part:
                notes.extend(_obtained_notes(p, f, check.obtained_part))
            elif o.grade is Grade.PARTIAL:
                grade = Grade.PARTIAL
            elif o.grade is Grade.OPTION:
                option = o.option
                grade = Grade.OPTION if grade is Grade.FULL else grade
    notes = _purposes_as_alternatives(q, p, notes)
    if part is None and years is None and ways is None:
        return grade, verbs, notes, option, frozenset(via), None
    cells = frozenset(c for c in _cells(q) if (part is None or c[0] in part) and (years is None or c[1] in years)
                      and (ways is None or c[2] in ways))
    return grade, verbs, notes, option, frozenset(via), cells


def limit_keys(q: Requirement, p: Provision, f: Facts) -> list[str]:
    """What keeps a provision from reaching an offence requirement's acts in full: limit keys (check ids, object
    kinds, conduct read in part, ages, a qualifier of the base offence), in the order found."""
    keys: list[str] = []
    og = q.object_grade(f.object_kind)
    if og is not None and og[0] is Grade.PARTIAL:
        keys.append(f.object_kind or "")
    aged = _age_grade(q, p, f)
    if aged is not None and aged[0] is Grade.PARTIAL:
        keys.append(AGES)
    keys += [c for c, _, _ in q.conduct_via if c in f.conduct]
    if _bound_acts(q, p, set(f.covers & set(q.conduct)))[1] is not None:
        keys.append("base-qualifier")
    return keys + [c.id for c in q.checks if c.outcome.grade is Grade.PARTIAL and c.when.holds(f)]


def _other_limits(q: Requirement, p: Provision, f: Facts) -> frozenset[str]:
    """What limits a provision beside its part of the material (its ages, origins, how it was obtained), as limit
    keys: provisions that share them make up each other's part of the material (_best)."""
    parts = {c.id for c in q.checks if c.part or c.obtained_part}
    return frozenset(k for k in limit_keys(q, p, f) if k != AGES and k not in parts)


def purpose_keys(q: Requirement, f: Facts) -> frozenset[str]:
    """The checks of the requirement that narrow the provision by its purposes: those that hold of it, and would not
    were it to require none."""
    if not f.purpose:
        return frozenset()
    bare = dataclasses.replace(f, purpose=frozenset())
    return frozenset(c.id for c in q.checks if c.outcome.grade is Grade.PARTIAL and c.when.holds(f)
                     and not c.when.holds(bare))


def purposes_made_up(q: Requirement, provisions: dict[str, Provision],
                     facts: dict[str, Facts]) -> dict[str, list[str]]:
    """The provisions whose purpose limit the others make up, each with those others: for every act it reaches,
    another provision reaches that act with no purpose at all, for every part of the material it reaches (origins,
    ages, how the offender came by it, depictions, media) and with no limit of its own it lacks, nor a defence whose
    reach a reviewer must judge (Portugal's art. 176.º n.º 1 d), holding for distribution, beside n.º 4, holding with
    no purpose: not France's art. 227-23 al. 1, whose purpose-free sentence 2 reaches children under 15 only). A
    threshold or qualifier of the other's base offence is never taken to be the same as one of its own."""
    keys = {pid: limit_keys(q, provisions[pid], f) for pid, f in facts.items()}
    cells = {"ages", *(c.id for c in q.checks if c.part or c.obtained_part)}  # compared by what they reach
    out: dict[str, list[str]] = {}
    for pid, mine in facts.items():
        own = purpose_keys(q, mine)
        if not own or not own & set(keys[pid]):
            continue
        rest = set(keys[pid]) - own
        years, ways = _years(mine, q.ages), _ways(mine)
        fit = [o for o, theirs in facts.items()
               if o != pid and not theirs.purpose and set(keys[o]) - cells <= rest
               and not {"base-threshold", "base-qualifier"} & set(keys[o])
               and theirs.object_kind == mine.object_kind and theirs.actors >= mine.actors
               and theirs.object_origin >= mine.object_origin and theirs.object_medium >= mine.object_medium
               and theirs.object_depicts >= mine.object_depicts and theirs.object_cumulative <= mine.object_cumulative
               and (years is None or (_years(theirs, q.ages) or frozenset()) >= years)
               and (q.ages is not None or theirs.object_person >= mine.object_person)
               and _questions(q, theirs) <= _questions(q, mine)
               and _ways(theirs) >= ways and _sex_grade(q, provisions[o], theirs) is None]
        acts_ = mine.covers & set(q.conduct)
        by = [o for o in fit if facts[o].covers & acts_]
        if acts_ and by and acts_ <= set().union(*(facts[o].covers for o in by)):
            out[pid] = by
    return out


def _questions(q: Requirement, f: Facts) -> frozenset[str]:
    """The checks that leave a provision's reach to a reviewer (an open defence): what it may leave out."""
    return frozenset(c.id for c in q.checks if c.outcome.grade is Grade.REVIEW and c.when.holds(f))


def _purposes_made_up_notes(q: Requirement, notes: list[Note], provisions: dict[str, Provision],
                            facts: dict[str, Facts]) -> list[Note]:
    """A provider's purpose narrowing that others of the set make up (purposes_made_up) is said so, in place of its
    reason: the purpose leaves nothing out."""
    made_up = purposes_made_up(q, provisions, facts)
    if not made_up:
        return notes
    v = vocabulary()
    out: list[Note] = []
    for n in notes:
        others = made_up.get(n.provision)
        if others is None or n.check not in purpose_keys(q, facts[n.provision]):
            out.append(n)
            continue
        if any(m.provision == n.provision and m.check == "purpose-made-up" for m in out):
            continue  # said once, for all its purposes
        p = provisions[n.provision]
        labels = [v.entry("purposes", t.name) or {} for t in p.purpose.purposes] if p.purpose else []
        en = " or ".join(str(e.get("en", "")) for e in labels)
        zh = "或者".join(str(e.get("zh", "")) for e in labels)
        acts_ = [a for a in q.conduct if a in facts[n.provision].covers]
        out.append(Note(n.provision, _t(
            f"The offence is limited to acts done {en}, but {', '.join(others)} "
            f"{'punish' if len(others) > 1 else 'punishes'} {acts.acts(acts_, 'en')} the same material with no "
            f"purpose and no limit this provision lacks, so its purpose leaves nothing out.",
            f"该罪限于{zh}实施的行为，但{'、'.join(others)}处罚同一材料的{acts.acts(acts_, 'zh')}，不要求任何目的，"
            f"亦无该条所无的其他限制，故该目的要件未造成缺漏。"), n.span, remark=True,
                        check="purpose-made-up"))
    return out


def _purposes_as_alternatives(q: Requirement, p: Provision, notes: list[Note]) -> list[Note]:
    """A provision whose purposes are alternatives (India's POCSO s. 15: to share or transmit, or for commercial
    purposes) requires one of them, not each: the narrowing reasons of its purposes (the spec's `…-purpose` checks)
    are said once, naming them all."""
    partial = {c.id for c in q.checks if c.id.endswith("-purpose") and c.outcome.grade is Grade.PARTIAL}
    mine = [n for n in notes if n.check in partial]
    if p.purpose is None or len(p.purpose.purposes) < 2 or len(mine) < 2:
        return notes
    v = vocabulary()
    labels = [v.entry("purposes", t.name) or {} for t in p.purpose.purposes]
    en = " or ".join(str(e.get("en", "")).removeprefix("for the purpose of ") for e in labels)
    zh = "或者".join(str(e.get("zh", "")) for e in labels)
    first = notes.index(mine[0])
    said = Note(p.id, _t(
        f"The offence requires one of its purposes ({en}); Art. {q.paragraph} requires none, so conduct done for "
        f"none of them is not reached.",
        f"该罪要求具有其所列目的之一（{zh}）；公约并无此要求，不具有其中任何目的的行为不在其内。"),
        mine[0].span, check=mine[0].check)
    rest = [n for n in notes if n not in mine]
    return rest[:first] + [said] + rest[first:]


def _graded(q: Requirement, p: Provision, table: dict[str, Facts], same: dict[object, object] | None = None) -> Graded:
    """_grade_offence, from the grades kept for the check under way (treaty.grades) when the provision was graded
    before: it reads the provision alone, never the rest of the set. `same`: the notes, and lists of them, of the
    provision's other grades made so far, which an equal one of this grade is taken from."""
    grades = current_grades()
    if grades is None:
        return _grade_offence(q, p, table[p.id])
    found = grades.get(p, q.id)
    if found is None:
        found = _grade_offence(q, p, table[p.id])
        # most provisions of a set, for most requirements: kept as one object; the others share what they repeat
        found = _UNGRADED if found == _UNGRADED else _shared_parts(found, {} if same is None else same)
        grades.put(p, q.id, found)
    return found  # type: ignore[no-any-return]


# A provision that reaches nothing of a requirement.
_UNGRADED: Graded = (Grade.NONE, frozenset(), [], None, frozenset(), None)
_SAME: dict[object, object] = {}  # one object for each value many grades hold: a set of acts, a note's words


def _shared_parts(graded: Graded, same: dict[object, object]) -> Graded:
    """The grade with the sets of acts and the words of its notes that other grades hold too taken from them: a cold
    check of a large set holds every provision's grades at once. A note's words are shared only where they stand
    nowhere in a draft (no span), since equal words at another place are not the same. The notes, and the list of
    them, are taken from `same` (the provision's other grades: the same check often gives the same note for several
    requirements) where equal, and added to it; the lists are only ever read."""
    grade, verbs, notes, option, via, part = graded
    mine = [same.setdefault(n, n) for n in map(_shared_words, notes)]
    return (grade, _SAME.setdefault(verbs, verbs), same.setdefault(tuple(mine), mine), option,
            _SAME.setdefault(via, via), part if part is None else _SAME.setdefault(part, part))


def _shared_words(n: Note) -> Note:
    if n.text.span is not None or n.text.places:
        return n
    text = _SAME.setdefault(n.text, n.text)
    return n if text is n.text else dataclasses.replace(n, text=text)


def grade_alone(articles: Iterable[str], provisions: Iterable[Provision]) -> None:
    """Make, into the grades kept for the check under way (treaty.grades), what a check of any set holding these
    provisions reads of each alone: its facts and its grade for every offence requirement of the articles and of the
    articles their requirements read (Art. 18's offences of Arts. 14 and 16). A cold check grades a file so as it
    reads it, and then needs no more of the file than its sketch."""
    from .spec import spec_for

    provisions = list(provisions)
    grades = current_grades()
    assert grades is not None, "grade_alone keeps its grades for a check: call it within treaty.grades.kept"
    requirements: list[Requirement] = []
    todo, seen = list(articles), set()
    while todo:
        article = todo.pop(0)
        if article in seen:
            continue
        seen.add(article)
        for q in spec_for(article).requirements:
            todo.extend(q.offences_of)
            if q.minors_consent is not None:  # Art. 16(4) reads the carriers of Art. 14(1)(a)
                todo.extend(".".join(o.split(".")[:2]) for o in q.minors_consent.whatever_the_consent)
            if q.kind is RequirementKind.OFFENCE:
                requirements.append(q)
    for p in provisions:
        table = {p.id: grades.facts_of(p, facts_of)}  # this provision's own, whatever others share its id
        same: dict[object, object] = {}
        for q in requirements:
            _graded(q, p, table, same)


class _Table(dict[str, Facts]):
    """Each provision's facts by id, made when first read (once a run, where the check's grades are kept)."""

    def __init__(self, provisions: list[Provision]):
        super().__init__()
        self._by_id = {p.id: p for p in provisions}

    def __missing__(self, pid: str) -> Facts:
        p = self._by_id[pid]
        grades = current_grades()
        made = self[pid] = facts_of(p) if grades is None else grades.facts_of(p, facts_of)
        return made


def _act_zh(act: str) -> str:
    """A treaty act in Chinese as the review names it (never a statute's word for it)."""
    return acts.act(act, "zh")


def _coverage_notes(q: Requirement, p: Provision, verbs: frozenset[str]) -> list[Note]:
    """The vocabulary's (or the pack's) reason for each conduct term that decides which of the requirement's acts
    the provision reaches: a term reaching an act other than its own name that no term of that name reaches, or a
    term declining an act the provision then leaves out."""
    v = vocabulary()
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None
    own = {t.name for t in p.conduct}
    notes = []
    for t in p.conduct:
        entry = v.conduct(t.name, jurisdiction)
        reason = entry.get("reason")
        if not isinstance(reason, dict):
            continue
        covered = [a for a in q.conduct if a in set(entry.get("covers", ())) & verbs and a != t.name]
        reached = [a for a in covered if a not in own]
        declined = [a for a in q.conduct if a in set(entry.get("declines", ()) or ()) and a not in verbs]
        # acts the term's words may reach, which the reference does not settle: not counted, and said to be open
        unsettled = [a for a in q.conduct if a in set(entry.get("unsettled", ()) or ()) and a not in verbs]
        if not reached and not declined and not unsettled:
            continue
        # the acts the reason gives that a term of their name reaches too: named apart, so that the label claims what
        # the reason claims and no more is read as decided by it (India's s. 67B: 'transmitting' reaches broadcasting,
        # and distributing, which the section names as well)
        named = [a for a in covered if a in own]
        also_en = f" (and {acts.acts(named, 'en')}, which the provision names as well)" if named else ""
        also_zh = f"（以及该条文亦明文规定的{acts.acts(named, 'zh')}）" if named else ""
        # the statute's term in its words, the treaty's acts in the review's: never an internal id
        en_parts = [f"reaches {acts.acts(reached, 'en')}{also_en}"] * bool(reached) + \
            [f"not {acts.acts(declined, 'en', 'or')}"] * bool(declined) + \
            [f"may reach {acts.acts(unsettled, 'en', 'or')}, which the reference does not settle"] * bool(unsettled)
        zh_parts = [f"涵盖{acts.acts(reached, 'zh')}{also_zh}"] * bool(reached) + \
            [f"不涵盖{acts.acts(declined, 'zh')}"] * bool(declined) + \
            [f"可能涵盖{acts.acts(unsettled, 'zh')}，参考文本对此未有定论"] * bool(unsettled)
        quoted = acts.term(t.name, jurisdiction)
        source = entry.get("source")
        source_en, source_zh = (source.get("en", ""), source.get("zh", source.get("en", ""))) \
            if isinstance(source, dict) else (str(source), str(source))
        # a term whose words are an interpretation's, not the statute's, says whose they are
        words = entry.get("words")
        read_en, read_zh = (f"Read with {words['en']}, ", f"结合{words.get('zh', words['en'])}，") \
            if isinstance(words, dict) else ("", "")
        person_en, person_zh = _person_words(p, entry)
        why_en = reason["en"].replace("{person}", person_en)
        why_zh = reason.get("zh", reason["en"]).replace("{person}", person_zh)
        notes.append(Note(p.id, _t(
            f"{read_en}{quoted.en} {' but '.join(en_parts)}: {why_en} (source: {source_en})",
            f"{read_zh}{quoted.zh}{'，但'.join(zh_parts)}：{why_zh}（依据：{source_zh}）"),
            t.span, remark=not declined))
        question = entry.get("question")
        asked = question if isinstance(question, dict) else None
        if unsettled:  # the gap stands on the reference's text; whether it is one is the reviewer's to decide
            what_en, what_zh, plural = acts.acts(unsettled, "en", "or"), acts.acts(unsettled, "zh"), len(unsettled) > 1
            # the reading's own question says what the reviewer should read to settle it (a statute's definition)
            also_en = f" {asked['en']}" if asked else ""
            also_zh = asked.get("zh", asked["en"]) if asked else ""
            notes.append(Note(p.id, _t(
                f"Whether {quoted.en} reaches {what_en} the reference does not settle: {acts.acts(unsettled, 'en')} "
                f"{'are' if plural else 'is'} counted as not reached until a reviewer confirms "
                f"{'them' if plural else 'it'} from the statute or the courts' reading of it.{also_en}",
                f"{quoted.zh}是否涵盖{what_zh}，参考文本未有定论：在审查人员依据法律条文或法院的解释予以确认之前，"
                f"{what_zh}按未涵盖计。{also_zh}"), t.span, remark=True, question=True))
        elif reached and asked:  # the acts reached rest on a reading a reviewer must confirm
            notes.append(Note(p.id, _t(asked["en"], asked.get("zh", asked["en"])), t.span, remark=True,
                              question=True))
    return notes


def _excepted_acts(p: Provision, f: Facts, verbs: set[str]) -> tuple[list[tuple[Exception_, set[str]]], Facts]:
    """The exceptions bound to some acts (`exception KIND for ACTS`), each with the treaty acts it reaches (those of
    `verbs` no term outside its acts reaches: an act the provision reaches through another term stays punishable
    inside the exception), and the facts with only the exceptions that bind every act."""
    bound = [e for e in p.exceptions if e.acts]
    if not bound:
        return [], f
    v = vocabulary()
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None

    def reached(of: Iterable[str]) -> set[str]:
        return {verb for c in of for verb in v.conduct(c, jurisdiction).get("covers", ())} & verbs

    named = [c.name for c in p.conduct]
    out = [(e, reached(a.name for a in e.acts) - reached(c for c in named if c not in {a.name for a in e.acts}))
           for e in bound]
    unbound = [e for e in p.exceptions if not e.acts]
    return out, dataclasses.replace(f, exceptions=frozenset(e.kind.name for e in unbound),
                                    exception_conditions=frozenset(c.name for e in unbound for c in e.conditions))


def _with_exception(f: Facts, e: Exception_) -> Facts:
    return dataclasses.replace(f, exceptions=f.exceptions | {e.kind.name},
                               exception_conditions=f.exception_conditions | {c.name for c in e.conditions})


def _bound_acts(q: Requirement, p: Provision, verbs: set[str]) -> tuple[set[str], Note | None]:
    """The treaty acts a condition of the base offence binds, where it binds acts rather than measuring the whole
    offence: a base tier bound `for` some of the conduct (France's art. 227-23 al. 4 punishes consulting only
    "habituellement ou en contrepartie d'un paiement", acquiring and possessing always), or requiring a qualifier (a
    condition of the acts, not a threshold: Singapore's exploitative relationship). Those acts that no unbound
    conduct term reaches are reached in part, and the reason says the condition; a threshold of the whole offence is
    the spec's `base-threshold` check."""
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is None or base.requires is None and base.condition is None:
        return set(), None
    v = vocabulary()
    circumstance = v.entry("circumstances", base.requires.name) or {} if base.requires is not None else {}
    if not base.acts and not (circumstance.get("qualifier") and base.condition is None):
        return set(), None
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None
    named = [c.name for c in p.conduct]
    terms = [c for c in named if c in {a.name for a in base.acts}] if base.acts else named

    def reached(of: Iterable[str]) -> set[str]:
        return {verb for c in of for verb in v.conduct(c, jurisdiction).get("covers", ())} & verbs

    bound = reached(terms) - reached(c for c in named if c not in terms)
    if not bound:
        return set(), None
    ordered = [a for a in q.conduct if a in bound]
    label_en, label_zh = (str(circumstance.get("en", "")), str(circumstance.get("zh", ""))) if circumstance else \
        ("above the threshold its base tier sets", "达到其基本罪状所设门槛")
    which_en, which_zh = acts.acts(ordered, "en"), acts.acts(ordered, "zh")
    # a condition of some acts names the statute's words it binds; one of every act needs no such list
    as_en = " and ".join(acts.term(c, jurisdiction).en for c in terms) + " " if base.acts else ""
    as_zh = "、".join(acts.term(c, jurisdiction).zh for c in terms) if base.acts else ""
    lead_en = f"only {as_en}{label_en}" if base.acts else f"only {label_en}"
    lead_zh = f"仅{label_zh}的{as_zh}入罪" if base.acts else f"仅在{label_zh}时入罪"
    rest_en = f"so {which_en} without it is not reached" if len(ordered) == 1 else \
        "so these acts are not reached without it"
    return bound, Note(p.id, _t(
        f"{which_en[:1].upper()}{which_en[1:]}: {lead_en}; Art. {q.paragraph} sets no such condition, {rest_en}.",
        f"{which_zh}：{lead_zh}；公约并无此条件，不具备该条件的{which_zh}不在其内。"), base.span)


def _person_words(p: Provision, entry: dict[str, object]) -> tuple[str, str]:
    """Who a conduct term's reason speaks of (`{person}` in it): the one person the provision's object is, where it
    names one (art. 237 ¶3's child under 14), else the person the term's own words concern (`person:`, art. 9's
    minor)."""
    v = vocabulary()
    names = p.object.values("person") if p.object else ()
    name = names[0] if len(names) == 1 else str(entry.get("person", "any-person"))
    label = v.entry("object-attributes.person", name) or {}
    return str(label.get("en", name)), str(label.get("zh", name))


def _burden_notes(p: Provision) -> list[Note]:
    """Who must prove each defence the provision states a burden for: a reviewer weighs a defence the accused must
    prove otherwise than one the prosecution must disprove."""
    v = vocabulary()
    notes = []
    for e in p.exceptions:
        if e.burden is None:
            continue
        kind, burden = (v.entry(s, n) or {} for s, n in (("exceptions", e.kind.name), ("burdens", e.burden.name)))
        notes.append(Note(p.id, _t(
            f"Defence ({kind.get('en', e.kind.name)}): {burden.get('en', e.burden.name)}.",
            f"抗辩事由（{kind.get('zh', e.kind.name)}）：{burden.get('zh', e.burden.name)}。"), e.span, remark=True))
    return notes


CONSENT_DEFENCE = "consent-of-depicted-person"  # the exception that the person depicted consented


def _consent_defence(q: Requirement, p: Provision) -> list[Note]:
    """A defence that the person depicted consented, where the treaty makes the want of consent an element of the
    offence (Art. 16(1)): it reaches the same conduct and says who must prove consent, which the treaty leaves to
    domestic law; the verdict stands, and the reason says so (an offence whose treaty paragraph has no such element
    reads the defence by its checks: Art. 14 admits no child's consent)."""
    if q.consent_defence is None:
        return []
    v = vocabulary()
    out = []
    for e in p.exceptions:
        if e.kind.name != CONSENT_DEFENCE:
            continue
        burden = v.entry("burdens", e.burden.name) or {} if e.burden is not None else {}
        who_en = f" ({burden['en']})" if "en" in burden else ""
        who_zh = f"（{burden['zh']}）" if "zh" in burden else ""
        out.append(Note(p.id, _t(f"The consent of the person depicted is a defence{who_en}: {q.consent_defence.en}",
                                 f"被描绘者本人同意是抗辩事由{who_zh}：{q.consent_defence.zh}"), e.span, remark=True))
    return out


# The ways a provision lets the consent of the person depicted count, for a deeming rule on a minor's consent:
# (how it counts, what a minor's consent then does on the words), each in English and Chinese.
_ELEMENT = (_t("The want of consent of the person depicted is an element of the offence",
               "未经被描绘者同意是该罪的构成要件"),
            _t("takes the dissemination outside the offence", "即可使传播行为不构成该罪"))
_DEFENCES = {
    CONSENT_DEFENCE: (_t("The consent of the person depicted is a defence", "被描绘者本人同意是抗辩事由"),
                      _t("makes out the defence", "即可成立该抗辩")),
    "reasonable-belief-in-consent": (_t("A reasonable belief that the person depicted consented is a defence",
                                        "合理相信被描绘者同意是抗辩事由"),
                                     _t(", or a reasonable belief in it, makes out the defence",
                                        "（或者对其同意的合理相信）即可成立该抗辩")),
}
ADULT_ONLY = "depicted-person-adult"  # an exception's condition that the person depicted is an adult


def _consent_free(rule: MinorsConsent, acts: set[str], provisions: list[Provision], table: dict[str, Facts],
                  reports: Callable[[str], Report]) -> list[str]:
    """The provisions carrying the other article's offences the rule names (Art. 14(1)(a)) that reach one of `acts`
    (the dissemination of Art. 16(1)) of the rule's image of a person under 18 whatever the consent: neither its
    want as an element nor a defence of consent (`consent irrelevant` says so in terms). `reports` checks an
    article's spec against the set."""
    by_id = {p.id: p for p in provisions}
    found: list[str] = []
    for rid in rule.whatever_the_consent:
        article = ".".join(rid.split(".")[:2])
        f = next((v for v in reports(article).verdicts if v.requirement.id == rid), None)
        for pid in f.carriers if f is not None else ():
            p = by_id[pid]
            # no consent element, or one saying consent is irrelevant (the Philippines' RA 11930), and no exception
            # that turns on a consent (Singapore's s. 377BN(6), consensual private material of married persons)
            if ((p.consent is None or p.consent.name == "irrelevant")
                    and not any(_turns_on_consent(e) for e in p.exceptions)
                    and (rule.image is None or rule.image.holds(table[pid]))
                    and _graded(f.requirement, p, table)[1] & acts and _age_reach(p, table[pid], (0, 18)) is not None
                    and pid not in found):
                found.append(pid)
    return sorted(found)


def _adult_images(f: Finding, mine: list[str], free: Sequence[str], table: dict[str, Facts],
                  by_id: dict[str, Provision]) -> Finding:
    """Art. 16(4) where the offences carrying 16(1) reach images of adults only (Australia's s. 474.17A, as recalled):
    a minor's consent plays no part in them, and whether it could make the dissemination of such an image of a minor
    lawful rests on the Art. 14 offences. Met where those reaching the dissemination whatever the consent (`free`),
    under no condition of their acts, reach every age under 18; else a reviewer's, told what the set gives."""
    whole = [pid for pid in free if _base_limit(by_id[pid]) is None]
    years = set().union(*(_years(table[pid], (0, 18)) or () for pid in whole)) if whole else set()
    ours_en, ours_zh = _and(mine), "、".join(mine)
    head = _t(f"The offences carrying Art. 16(1) ({ours_en}) reach images of adults only, so the consent of a person "
              "under 18 plays no part in them; the dissemination of an intimate image of such a person that is child "
              "sexual abuse or child sexual exploitation material falls to the offences under Art. 14.",
              f"确立第16条第1款规定之罪的条文（{ours_zh}）仅涵盖成年人的图像，不满十八周岁者的同意与其无关；传播属于儿童性虐待"
              "或儿童性剥削材料的此类人员私密图像的行为，由第14条规定的犯罪处理。")
    if whole and years >= set(range(18)):
        ids_en, ids_zh = _and(whole), "、".join(whole)
        return dataclasses.replace(f, verdict=Verdict.MET, met_by=sorted(whole), notes=[Note("", _t(
            f"{head.en} {ids_en} {'reaches' if len(whole) == 1 else 'reach'} that dissemination whatever the consent "
            "of the person depicted, at every age under 18, so no consent of such a person takes it outside the law: "
            "at least as far as Art. 16(4) requires (provisional English, [U-EN]).",
            f"{head.zh}{ids_zh}不论被描绘者是否同意均涵盖该传播行为，且及于所有不满十八周岁者，此类人员的同意均不能使该行为"
            "不受处罚：这至少达到了第16条第4款的要求（引文为本工具据暂定英文本所译，[U-EN]）。"))])
    def limit(pid: str, lang: str) -> str:
        q = _base_limit(by_id[pid])
        if q is not None:
            return f"{pid} only {q.en}" if lang == "en" else f"{pid}仅在{q.zh}的情形下涵盖"
        runs = _runs(_years(table[pid], (0, 18)) or ())
        if lang == "en":
            return f"{pid} only for images of persons {' or '.join(_ages_en(r) for r in runs)}"
        return f"{pid}仅涵盖{'或者'.join(_ages_zh(r) for r in runs)}者的图像"

    named = _t(" In the set, the offences that reach it whatever the consent of the person depicted reach it only in "
               f"part: {'; '.join(limit(pid, 'en') for pid in free)}.",
               f"本组中，不论被描绘者是否同意均涵盖该传播行为的犯罪仅部分涵盖之："
               f"{'；'.join(limit(pid, 'zh') for pid in free)}。") \
        if free else _t(" No offence of the set reaches it whatever the consent.",
                        "所审查的条文中没有不论是否同意均涵盖该传播行为的犯罪。")
    return dataclasses.replace(f, verdict=Verdict.NOT_ASSESSED, met_by=[], notes=[Note("", _t(
        f"{head.en}{named.en} Whether the law denies a minor's consent effect for such an image is for a reviewer.",
        f"{head.zh}{named.zh}法律是否否认不满十八周岁者对此类图像所作同意的效力，须由审查人员判断。"),
        remark=True, question=True)])


# exceptions that hold only with someone's consent: the depicted person's (a defence of consent, a belief in it) or
# the persons involved (consensual private material, Art. 14(4)(b))
_CONSENT_EXCEPTIONS = frozenset({*_DEFENCES, "consensual-private-use"})


def _turns_on_consent(e: Exception_) -> bool:
    """Whether an exception holds only with a consent: of its kind, or by a condition (`when consent-of-depicted-
    person`)."""
    return e.kind.name in _CONSENT_EXCEPTIONS or any(c.name == CONSENT_DEFENCE for c in e.conditions)


def _runs(years: Iterable[int]) -> list[tuple[int, int]]:
    """Years as runs [from, below): 0, 1, 2, 5 -> (0, 3), (5, 6)."""
    out: list[tuple[int, int]] = []
    for y in sorted(years):
        if out and out[-1][1] == y:
            out[-1] = (out[-1][0], y + 1)
        else:
            out.append((y, y + 1))
    return out


def _qualifier(p: Provision) -> Text | None:
    """The condition of every act a provision's base tier requires (a qualifier, not a threshold: Singapore's
    exploitative relationship), in the vocabulary's words; None where it sets none."""
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is None or base.requires is None or base.acts or base.condition is not None:
        return None
    entry = vocabulary().entry("circumstances", base.requires.name) or {}
    return _t(str(entry["en"]), str(entry["zh"])) if entry.get("qualifier") else None


def _base_limit(p: Provision) -> Text | None:
    """Whatever a provision's base tier asks of every act beyond its elements: a qualifier (_qualifier), or a
    threshold the treaty does not set (Testland's "causing serious consequences"), worded to follow "only"."""
    qualifier = _qualifier(p)
    if qualifier is not None:
        return qualifier
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is None or base.acts or base.requires is None and base.condition is None:
        return None
    entry = (vocabulary().entry("circumstances", base.requires.name) or {}) if base.requires is not None else {}
    en, zh = str(entry.get("en", "")), str(entry.get("zh", ""))
    return _t(f'above the threshold "{en}"' if en else "above the threshold its base tier sets",
              zh or "达到其基本罪状所设门槛")


def _consent_free_ages(rule: MinorsConsent, consent_free: Sequence[str], table: dict[str, Facts],
                       by_id: dict[str, Provision]) -> Text:
    """The ages under 18 the offences reached whatever the consent reach, where none reaches all (Germany's § 184b,
    children under 14): each one's band, and the ages none reaches, for which the Art. 14 route says nothing; and
    the condition of its acts under which one reaches the dissemination only (Singapore's s. 377BL)."""
    quals = [(pid, q) for pid in consent_free if (q := _qualifier(by_id[pid])) is not None]
    only = _t("".join(f"; {rule.qualified.en.format(provision=pid, condition=q.en)}" for pid, q in quals),
              "".join(f"；{rule.qualified.zh.format(provision=pid, condition=q.zh)}" for pid, q in quals)) \
        if rule.qualified is not None else _t("", "")
    under = (0, 18)
    years = {pid: _years(table[pid], under) or frozenset() for pid in consent_free}
    every = set(range(*under))
    if rule.band is None or not years or any(ys >= every for ys in years.values()):
        return only

    def said(ys: Iterable[int], lang: str) -> str:
        tell = _ages_en if lang == "en" else _ages_zh
        return (" or " if lang == "en" else "或者").join(tell(r) for r in _runs(ys))

    bands_en = ", ".join(rule.band.en.format(provision=pid, ages=said(ys, "en")) for pid, ys in years.items())
    bands_zh = "，".join(rule.band.zh.format(provision=pid, ages=said(ys, "zh")) for pid, ys in years.items())
    left = every - set().union(*years.values())
    gap = (_t(rule.gap.en.format(ages=said(left, "en")), rule.gap.zh.format(ages=said(left, "zh")))
           if left and rule.gap is not None else _t("", ""))
    return _t(f"; {bands_en}{gap.en}{only.en}", f"；{bands_zh}{gap.zh}{only.zh}")


def _minors_consent(rule: MinorsConsent, provisions: list[Provision], table: dict[str, Facts],
                    consent_free: Sequence[str], everyone: dict[str, Provision]) -> tuple[list[Note], list[str]]:
    """What the words of each provision carrying the offences do with the consent of a person under 18 (Art. 16(4)):
    a question for a reviewer where its image may be of such a person and consent counts (its want an element, or
    consent a defence not confined to adults), naming the set's offences under another article that reach the
    dissemination whatever the consent (`consent_free`, CSEPA art. 38 ¶1); a remark where a consent defence holds
    only for an adult. Nothing where the image is of adults only, or consent plays no part: the words then give a
    minor's consent no effect. Where the statute gives a minor's consent to others (`consent … minors-by`), the
    question is whether their consent does; where another provision of the set does so and this one does not,
    whether that rule reaches this one. Where the statute says a person under an age cannot give the consent
    (`consent … below-age`), the question names only the persons under 18 of that age or over, and none is asked where
    no such person is left. With the notes, the provisions whose statute denies every minor's consent effect so."""
    ages = _consent_free_ages(rule, consent_free, table, everyone)
    named = (_t(rule.named.en.format(provisions=", ".join(consent_free), ages=ages.en),
                rule.named.zh.format(provisions="、".join(consent_free), ages=ages.zh))
             if consent_free and rule.named is not None else _t("", ""))
    notes = []
    denied = []  # the provisions whose statute says no person under 18 can give the consent
    v = vocabulary()
    givers = {p.id: p.consent_minors for p in provisions if p.consent is not None and p.consent_minors is not None}
    for p in provisions:
        ways = [(_ELEMENT, p.consent.span)] if p.consent is not None and p.consent.name.startswith("absent") else []
        adults = []
        for e in p.exceptions:
            if e.kind.name in _DEFENCES:
                (ways if ADULT_ONLY not in {c.name for c in e.conditions} else adults).append((_DEFENCES[e.kind.name],
                                                                                                e.span))
        reach = _age_reach(p, table[p.id], (0, 18))
        if not (ways or adults) or reach is None:
            continue
        below = p.consent_below_age if p.consent is not None and p.consent.name.startswith("absent") else None
        if ways:
            hows = [w[0][0] for w in ways]
            how_en, how_zh = "; ".join(h.en or "" for h in hows), "；".join(h.zh or "" for h in hows)
            effect = ways[0][0][1]  # the element's, else the first defence's (the belief's only where it stands alone)
            by = givers.get(p.id)
            # the persons under 18 the image may show whose consent the statute does not deny effect
            left = (max(reach[0], below), reach[1] or 18) if below is not None else reach
            # the rule is the encoding's: a paraphrase or recollection of it carries its mark
            mark = _flag_mark(p, "consent")
            if below is not None and left[0] >= left[1]:
                denied.append(p.id)
                notes.append(Note(p.id, _t(
                    rule.below_all.en.format(how=how_en, age=_ages_en((0, below)), mark=mark.en),
                    rule.below_all.zh.format(how=how_zh, age=_ages_zh((0, below)), mark=mark.zh)),
                                  ways[0][1], remark=True))
                continue
            if below is not None:
                text = _t(rule.below.en.format(how=how_en, age=_ages_en((0, below)), left=_ages_en(left),
                                               effect=effect.en, named=named.en, mark=mark.en),
                          rule.below.zh.format(how=how_zh, age=_ages_zh((0, below)), left=_ages_zh(left),
                                               effect=effect.zh, named=named.zh, mark=mark.zh))
            elif by is not None:
                text = _t(rule.given_by.en.format(how=how_en, named=named.en,
                                                  givers=v.label("consent-for-minors", by.name, "en")),
                          rule.given_by.zh.format(how=how_zh, named=named.zh,
                                                  givers=v.label("consent-for-minors", by.name, "zh")))
            else:
                text = _t(rule.counts.en.format(how=how_en, effect=effect.en, named=named.en),
                          rule.counts.zh.format(how=how_zh, effect=effect.zh, named=named.zh))
                others = sorted(i for i in givers if i != p.id)
                if others:
                    said = sorted({givers[i].name for i in others})
                    more = _t(rule.elsewhere.en.format(
                        others=", ".join(others), make="makes" if len(others) == 1 else "make",
                        givers=" or ".join(v.label("consent-for-minors", g, "en") for g in said)),
                        rule.elsewhere.zh.format(others="、".join(others), make="",
                                                 givers="或者".join(v.label("consent-for-minors", g, "zh")
                                                                  for g in said)))
                    text = _t(f"{text.en} {more.en}", f"{text.zh}{more.zh}")
            # one object for the provisions it is said of alike: it names the set's offences reached whatever the
            # consent, so a copy a provision would make the set's notes grow as the square of its size
            text = _SAME.setdefault(text, text)  # type: ignore[assignment]
            notes.append(Note(p.id, text, ways[0][1], remark=True, question=True))
        for (how, _), span in adults:
            notes.append(Note(p.id, _t(rule.adults.en.format(how=how.en), rule.adults.zh.format(how=how.zh)), span,
                              remark=True))
    return notes, denied


Cells = frozenset[tuple[str, int | None, str]]  # the origins, years and ways obtained a provision reaches (_cells)
# one provision's rank for an act, its part of the material, its id, and what else limits it (_other_limits)
Reach = tuple[int, Cells | None, str, frozenset[str]]


def _best(rows: list[Reach], universe: Cells) -> tuple[int, list[str], tuple[tuple[str, Cells], ...]]:
    """One treaty act's rank in the set and the provisions that give it: the best that one provision gives alone (one
    limited to part of the material, by its origins or the ages it reaches, reaches the act in part), or, where
    provisions limited to complementary parts together reach all of it, the least of theirs, with those provisions
    and their parts."""
    alone = [(min(rank, Grade.PARTIAL.rank) if part is not None else rank, pid) for rank, part, pid, _ in rows]
    top = max(rank for rank, _ in alone)
    # each cell's best rank, in one pass over the rows (a row limited to part of the material raises only its cells)
    whole = max((rank for rank, part, _, _ in rows if part is None), default=0)
    cover = dict.fromkeys(universe, whole)
    for rank, part, _, _ in rows:
        if part is not None and rank > whole:
            for c in part:
                if c in cover and rank > cover[c]:
                    cover[c] = rank
    together = min(cover.values(), default=0)
    # provisions that reach the act in part for another reason too still make up each other's part of the material
    # where that reason is the same for each (a virtual-material test they share) and no provision reaches all of it
    # as well: their limits of the material are no gap, the reason they share stays one
    limited = [(part, other) for rank, part, _, other in rows if part is not None and rank >= together]
    alike = together == top and len({other for _, other in limited}) == 1 and not any(
        part is None and rank >= top for rank, part, _, _ in rows)
    if together < top or together == top and not alike:
        return top, [pid for rank, pid in alone if rank == top], ()
    used = sorted({(pid, part) for rank, part, pid, _ in rows if part is not None and rank >= together})
    unlimited = [pid for rank, part, pid, _ in rows if part is None and rank >= together]
    return together, sorted({*unlimited, *(pid for pid, _ in used)}), tuple(used)


_PLACES = ("dwelling", "private-place", "public-place")  # where an image was made; a dwelling is a private place


def _material_points(f: Facts, depictions: tuple[str, ...], media: tuple[str, ...]) -> frozenset[tuple[str, str, str]]:
    """The kinds of material the treaty's definition asks for that a provision's object reaches: what it shows, where
    it was made and its medium, each of the definition's own values (silence reaches every place). An object that
    must show all it lists at once reaches no one kind alone."""
    if f.object_cumulative & {"depicts", "medium", "place"}:
        return frozenset()
    places = [pl for pl in _PLACES if not f.object_place or pl in f.object_place
              or pl == "dwelling" and "private-place" in f.object_place]
    return frozenset((d, pl, m) for d in depictions if d in f.object_depicts for pl in places
                     for m in media if m in f.object_medium)


def _adds_material(q: Requirement, rows: dict[str, list[Reach]], best: dict[str, tuple[int, list[str]]],
                   universe: Cells, table: dict[str, Facts]) -> tuple[list[Note], list[Note]]:
    """The provisions outranked for every act they reach whose object reaches material the definition asks for that
    the providers of one of those acts do not (Germany's § 201a(1) Nr. 5, images in a dwelling of whatever they show,
    beside § 184k's of exposed intimate parts only): the set reaches that material through them, within their own
    limits, so they are among those implementing the requirement. One note each says why; and one of the set, of
    the others left out, says that the providers reach all they reach more fully (said of no provision: a provision
    a note is said of is one the definition and the review read)."""
    from .floor import floor_of  # the material the definition asks for
    from .spec import spec_for

    article = ".".join(q.id.split(".")[:2])
    try:
        spec = spec_for(article)
    except (OSError, LexdraftError):  # a requirement of no shipped spec: nothing to compare with
        return [], []
    floor = floor_of(spec, q)
    listed = {pid for verb in best for pid in best[verb][1]}
    outranked: dict[str, dict[str, Cells]] = {}  # provision -> act -> its part of the material
    covered: dict[str, dict[tuple[str, str, str], set[tuple[str, int | None, str]]]] = {}  # act -> kind -> cells
    for verb, reach in rows.items():
        for _, part, pid, _ in reach:
            if pid not in listed:
                outranked.setdefault(pid, {})[verb] = part if part is not None else universe
            elif pid in best[verb][1]:
                for point in _material_points(table[pid], floor.depictions, floor.media):
                    covered.setdefault(verb, {}).setdefault(point, set()).update(part if part is not None else universe)
    out: list[Note] = []
    said: dict[tuple[tuple[str, ...], tuple[str, ...]], Text] = {}  # its words name every provider: made once each
    left: dict[tuple[str, ...], list[str]] = {}  # the providers that reach more -> the provisions they leave out
    for pid in sorted(outranked):
        extra: set[tuple[str, str, str]] = set()
        over: set[str] = set()
        mine = _material_points(table[pid], floor.depictions, floor.media)
        for verb, cells in outranked[pid].items():
            for point in mine:
                if not cells <= covered.get(verb, {}).get(point, set()):
                    extra.add(point)
                    over.update(best[verb][1])
        if not extra:
            left.setdefault(tuple(sorted({o for verb in outranked[pid] for o in best[verb][1]})), []).append(pid)
            continue
        theirs = {pt[0] for verb in outranked[pid] for pt in covered.get(verb, {})}  # what the providers show
        shown = tuple(d for d in floor.depictions if d not in theirs and any(pt[0] == d for pt in extra))
        others = tuple(sorted(over))
        text = said.get((others, shown))
        if text is None:
            text = said[(others, shown)] = _listed_though(others, shown)
        out.append(Note(pid, text, remark=True))
    return out, [Note("", _t(
        f"Not listed: {', '.join(out_)}, as {', '.join(by)} {'reaches' if len(by) == 1 else 'reach'} every act "
        f"{'it reaches' if len(out_) == 1 else 'they reach'}, and all the material of the definition "
        f"{'it reaches' if len(out_) == 1 else 'they reach'}, more nearly as the paragraph asks.",
        f"未列为实施条文：{'、'.join(out_)}；{'、'.join(by)}涵盖其所涵盖的各项行为及定义所指材料，且更符合该款的要求。"),
        remark=True) for by, out_ in left.items()]


def _listed_though(others: tuple[str, ...], shown: tuple[str, ...]) -> Text:
    """Why a provision outranked for every act it reaches is listed: what its object shows that the providers' do not
    (`shown`; none: other material)."""
    v = vocabulary()
    words_en = [str((v.entry("object-attributes.depicts", d) or {}).get("en", d)) for d in shown]
    words_zh = [str((v.entry("object-attributes.depicts", d) or {}).get("zh", d)) for d in shown]
    what_en = f"images of {' or '.join(words_en)}, which theirs do not reach" if shown else (
        "material theirs do not reach")
    what_zh = f"前述条文未涵盖的{'或者'.join(words_zh)}的图像" if shown else "前述条文未涵盖的材料"
    return _t(f"Listed though {', '.join(others)} {'reaches' if len(others) == 1 else 'reach'} the acts it reaches "
              f"more fully: its object reaches {what_en}, "
              f"so the set reaches that material through it, within its own limits set out here.",
              f"{'、'.join(others)}对本条所涵盖的行为涵盖更为完整，但本条仍列为实施条文：本条犯罪对象涵盖{what_zh}，"
              f"该等材料由本条涵盖，但受此处所列本条自身的限制。")


def _together_note(verbs: list[str], parts: tuple[tuple[str, Cells], ...], others: list[str], universe: Cells,
                   ages: tuple[int, int | None] | None, table: dict[str, Facts] | None = None) -> Note:
    """Why provisions each limited to part of the material (its origins, the ages of the persons it shows, how it was
    made or obtained) together reach the act in full. A limit by how the material was made or obtained is told in
    the provision's own words (its `obtained` values, from `table`), else by the ways it reaches."""
    v = vocabulary()
    origins = {c[0] for c in universe}
    years = {c[1] for c in universe}
    ways = {c[2] for c in universe}
    known = list(v.section("ways-obtained"))

    def facts(pid: str) -> Facts | None:
        """The provision's facts: a run's table makes them when first read (`_Table`), so never `in` or `get`."""
        try:
            return table[pid] if table is not None else None
        except KeyError:
            return None

    def own(pid: str, lang: str) -> list[str]:
        f = facts(pid)
        return [str((v.entry("object-attributes.obtained", t) or {}).get(lang, t))
                for t in sorted(f.object_obtained)] if f is not None else []

    def limits(pid: str, part: Cells, lang: str) -> str:
        mine_o, mine_y, mine_w = {c[0] for c in part}, {c[1] for c in part}, {c[2] for c in part}
        words = []
        if mine_o != origins:
            kinds = [str((v.entry("object-attributes.origin", o) or {}).get(lang, o)) for o in sorted(mine_o)]
            words.append(f"{' or '.join(kinds)} material" if lang == "en" else f"{'或者'.join(kinds)}材料")
        if mine_y != years:
            span = _span(mine_y)
            words.append(f"persons {_ages_en(span)}" if lang == "en" else f"{_ages_zh(span)}者")
        said = " of ".join(words) if lang == "en" else "中".join(words)
        if mine_w != ways:  # "material obtained with the consent of …", or by its ways: "material … made by the …"
            how = own(pid, lang) or [str((v.entry("ways-obtained", w) or {}).get(lang, w)) for w in known
                                     if w in mine_w]
            said = (f"{said or 'material'} {' or '.join(how)}" if lang == "en"
                    else f"{'或者'.join(how)}的{said or '材料'}")
        return said

    ids = [pid for pid, _ in parts] + others
    aged = any({c[1] for c in part} != years for _, part in parts)
    of_origin = any({c[0] for c in part} != origins for _, part in parts)
    limited = [pid for pid, part in parts if {c[2] for c in part} != ways]
    says = {_says(t) for pid in limited if (f := facts(pid)) is not None for t in f.object_obtained} or {"offender"}
    whole_en = " and ".join(["of every origin"] * of_origin
                            + ([f"of persons of every age {_ages_en(ages)}"] if aged and ages else [])
                            + ["however it was made"] * bool(limited and "recording" in says)
                            + ["however the offender came by it"] * bool(limited and "offender" in says))
    whole_zh = "、".join(["各种来源"] * of_origin + ([f"涉及所有{_ages_zh(ages)}者"] if aged and ages else [])
                        + ["无论以何种方式制作"] * bool(limited and "recording" in says)
                        + ["无论行为人以何种方式取得"] * bool(limited and "offender" in says))
    limits_en = "; ".join(f"{pid} reaches {limits(pid, part, 'en')} only" for pid, part in parts)
    limits_zh = "；".join(f"{pid}仅涵盖{limits(pid, part, 'zh')}" for pid, part in parts)
    for_en = f" for {acts.acts(verbs, 'en')}" if verbs else ""  # none: the definition's material
    for_zh = f"就{'、'.join(map(_act_zh, verbs))}" if verbs else ""
    return Note("", _t(
        f"Together {', '.join(ids)} reach material {whole_en}{for_en}: {limits_en}; what one leaves out, another "
        f"reaches, so their limits are no gap.",
        f"{'、'.join(ids)}合并适用，{for_zh}涵盖{whole_zh}的材料：{limits_zh}；"
        f"一条未涵盖的，由另一条涵盖，故其各自的限制不构成缺漏。"))


def _offence(q: Requirement, provisions: list[Provision], table: dict[str, Facts]) -> Finding:
    rows: dict[str, list[Reach]] = {}  # treaty verb -> how each provision reaches it
    notes: list[Note] = []
    options: list[tuple[str, str]] = []
    excluded: list[str] = []
    reaching: list[str] = []
    acts_of: dict[str, frozenset[str]] = {}  # the treaty acts each provision reaches
    whole: set[str] = set()  # the provisions that reach them with no limit but, at most, the material's origin
    all_years = {c[1] for c in _cells(q)}
    all_ways = {c[2] for c in _cells(q)}
    for p in provisions:
        grade, verbs, pnotes, option, via, part = _graded(q, p, table)
        if grade is Grade.NONE:
            continue
        notes.extend(pnotes)
        if grade is Grade.EXCLUDED:
            excluded.append(p.id)
            continue
        reaching.append(p.id)
        acts_of[p.id] = verbs
        if grade.rank >= Grade.OPTION.rank and (part is None or {c[1] for c in part} >= all_years
                                                and {c[2] for c in part} >= all_ways):
            whole.add(p.id)
        if option:
            options.append((option, p.id))
        other = _other_limits(q, p, table[p.id]) if part is not None and grade is Grade.PARTIAL else frozenset()
        for verb in verbs:
            mine = min(grade.rank, Grade.PARTIAL.rank) if verb in via else grade.rank
            rows.setdefault(verb, []).append((mine, part, p.id, other | {"via"} if verb in via else other))
    best: dict[str, tuple[int, list[str]]] = {}  # treaty verb -> (rank, provisions)
    joined: dict[tuple[tuple[tuple[str, Cells], ...], tuple[str, ...]], list[str]] = {}
    universe = _cells(q)
    for verb in q.conduct:
        if verb in rows:
            rank, who, parts = _best(rows[verb], universe)
            best[verb] = (rank, who)
            if parts:
                others = tuple(pid for pid in who if pid not in {p for p, _ in parts})
                joined.setdefault((parts, others), []).append(verb)
    together = [_together_note(verbs, parts, list(others), universe, q.ages, table)
                for (parts, others), verbs in joined.items()]
    # a provision whose part of the material others make up for every act it gives: its age band is told in the
    # note on them together, and is no gap of its own
    joined_for: dict[str, set[str]] = {}
    for (parts, _), verbs in joined.items():
        for pid, _ in parts:
            joined_for.setdefault(pid, set()).update(verbs)
    made_up = {pid for pid, verbs in joined_for.items()
               if verbs >= {verb for verb in acts_of[pid] if verb in best and pid in best[verb][1]}}
    notes = [n for n in notes if not (n.check == AGES and n.provision in made_up)]
    covered = [verb for verb in q.conduct if verb in best]
    missing = [verb for verb in q.conduct if verb not in best]
    met_by = sorted({pid for verb in covered for pid in best[verb][1]})
    adding, left = _adds_material(q, rows, best, universe, table)
    notes.extend(adding)
    met_by = sorted({*met_by, *(n.provision for n in adding)})
    # An act that only unverified treaty words require is no gap while those words are in doubt.
    doubtful = {verb: u.words for u in q.unverified for verb in u.conduct}
    unverified: list[str] = []
    doubts: list[Note] = []
    in_doubt = [verb for verb in missing if verb in doubtful]
    if covered and in_doubt:  # so told whatever else is missing
        unverified = sorted({doubtful[verb] for verb in in_doubt})
        doubts = [_unverified_note(unverified, in_doubt)]
        missing = [verb for verb in missing if verb not in doubtful]
    if not covered:
        verdict = Verdict.NOT_MET
    elif missing or any(best[verb][0] == Grade.PARTIAL.rank for verb in covered):
        verdict = Verdict.PARTLY_MET
    elif any(best[verb][0] == Grade.OPTION.rank for verb in covered):
        verdict = Verdict.OPTION_USED
    else:
        verdict = Verdict.MET
    partial = [verb for verb in covered if best[verb][0] == Grade.PARTIAL.rank]
    # outranked provisions add nothing a reviewer needs; keep the providers and the excluded
    providers, kept = set(met_by), {*met_by, *excluded}  # sets: a large set has thousands of both
    unsettled = _unsettled(missing, [p for p in provisions if p.id in providers], table)
    summary = _offence_summary(q, verdict, missing, excluded, partial, len(partial) == len(covered), unsettled,
                               bearing_on(q, provisions) if not covered else [])
    notes = [*(n for n in notes if n.provision in kept), *left]
    by_id = {p.id: p for p in provisions}
    notes = _worded_from_set(q, notes, by_id, acts_of, whole, table)
    notes = _purposes_made_up_notes(q, notes, {pid: by_id[pid] for pid in met_by},
                                    {pid: table[pid] for pid in met_by})
    used = sorted({o for o, pid in options if pid in providers})
    return Finding(q, verdict, met_by, [summary, *doubts, *together, *notes], used, covered, unverified,
                   carriers=reaching, partial=partial, unsettled=unsettled)


def _unsettled(missing: list[str], providers: list[Provision], table: dict[str, Facts]) -> list[str]:
    """The acts no provision reaches that a provider's conduct term may reach (its vocabulary entry's `unsettled`):
    the reference does not settle whether its words do, so they stay a gap that a reviewer may close. The terms are
    read from the providers' facts, which a re-check holds for a provision it reads sketched."""
    v = vocabulary()
    open_ = {a for p in providers for t in table[p.id].conduct
             for a in v.conduct(t, p.jurisdiction.name if p.jurisdiction else None).get("unsettled", ()) or ()}
    return [verb for verb in missing if verb in open_]


def _worded_from_set(q: Requirement, notes: list[Note], by_id: dict[str, Provision],
                     acts_of: dict[str, frozenset[str]], whole: set[str], table: dict[str, Facts]) -> list[Note]:
    """A check's reason that says what a provision's threshold leaves out, less what the set's other provisions
    punish from the first act for the same acts (Taiwan's 39 ¶4 leaves out drawings, not 39 ¶2's 性影像)."""
    checks = {c.id: c for c in q.checks}
    out = []
    for n in notes:
        check = checks.get(n.check or "")
        p = by_id.get(n.provision)
        if check is not None and p is not None and n.provision in acts_of:
            template = check.outcome.reason_for(p.jurisdiction.name if p.jurisdiction else None)
            if threshold.fills(template):
                others = threshold.first_act_others(p, acts_of[p.id], {pid: a for pid, a in acts_of.items()
                                                                       if pid in whole}, table)
                n = dataclasses.replace(n, text=threshold.worded(template, p, table[p.id], others))
        out.append(n)
    return out


def _unverified_note(words: list[str], verbs: list[str]) -> Note:
    """What rests only on treaty words in doubt: the acts, named as the review names them ("selling", never the
    vocabulary's id), or, without acts, the definition's elements the provision lacks."""
    quoted_en = ", ".join(f'"{w}"' for w in words)
    quoted_zh = "、".join(f"“{w}”" for w in words)
    what_en = acts.acts(verbs, "en") if verbs else "what the provision lacks"
    what_zh = acts.acts(verbs, "zh") if verbs else "该条所欠缺的要件"
    rest = "rest" if len(verbs) > 1 else "rests"
    return Note("", _t(
        f"Not counted as a gap: {what_en} {rest} only on the treaty words {quoted_en}, which the reference "
        f"marks as unverified; a reviewer must compare them with the official text.",
        f"不计为缺漏：{what_zh}仅以公约用语{quoted_zh}为依据，而参考文本将该用语标注为未经核实；"
        f"须由审查人员对照正式文本核实。"))


# acts a provision's words may reach, which the reference does not settle: a gap on its text, not a finding that
# the law leaves them unpunished
UNSETTLED = {"en": "Not shown to be criminalised: {acts}, which a provision's words may reach; the reference does not "
                   "settle whether they do (below).",
             "zh": "未能认定已入罪：{acts}；条文用语可能涵盖，但参考文本对此未有定论（见下文）。"}


def bearing_on(q: Requirement, provisions: Iterable[Provision]) -> list[str]:
    """The provisions whose conduct reaches some act of the requirement, whatever their object and other elements."""
    v = vocabulary()
    return [p.id for p in provisions if any(
        set(v.conduct(t.name, p.jurisdiction.name if p.jurisdiction else None).get("covers", ())) & set(q.conduct)
        for t in p.conduct)]


def _offence_summary(q: Requirement, verdict: Verdict, missing: list[str], excluded: list[str],
                     partial: list[str], every: bool, unsettled: list[str], bearing: list[str]) -> Note:
    settled = [verb for verb in missing if verb not in unsettled]
    verbs_en, verbs_zh = acts.acts(settled, "en"), acts.acts(settled, "zh")
    if verdict is Verdict.NOT_MET and not excluded:  # in the review's words (treaty/review._offence_summary)
        either_en, either_zh = acts.acts(q.conduct, "en", "or"), acts.acts(q.conduct, "zh")
        para = paragraph_label(q.paragraph, "zh")  # not 本项: 16(1) is a 款
        if not bearing:
            return Note("", _t(f"No provision of the set makes {either_en} an offence, whatever the material: none "
                               "punishes the act at all, rather than more narrowly than the paragraph requires.",
                               f"所审查的条文均未将{either_zh}规定为犯罪，无论涉及何种材料：并非入罪范围窄于{para}的"
                               "要求，而是均未处罚该行为。"))
        return Note("", _t(f"{either_en[:1].upper()}{either_en[1:]} is an offence under {', '.join(bearing)} only for "
                           "what the paragraph does not concern, so no part of it is criminalised as the paragraph "
                           "requires.",
                           f"{'、'.join(bearing)}虽处罚{either_zh}，但不及于{para}所涉的材料或者情形，故{para}要求入罪的"
                           "行为均未入罪。"))
    parts_en, parts_zh = [], []
    if verdict is Verdict.MET:
        parts_en.append("Every act the paragraph lists is criminalised without a limit the treaty does not allow.")
        parts_zh.append("该款所列各项行为均已入罪，且无公约不允许的限制。")
    if verdict is Verdict.OPTION_USED:
        parts_en.append("Every act is criminalised, within a limitation the treaty permits.")
        parts_zh.append("各项行为均已入罪，所设限制属于公约允许的选择。")
    if settled:
        parts_en.append(f"Not criminalised by any provision: {verbs_en}.")
        parts_zh.append(f"以下行为未被任何条文规定为犯罪：{verbs_zh}。")
    if unsettled:
        parts_en.append(UNSETTLED["en"].format(acts=acts.acts(unsettled, "en")))
        parts_zh.append(UNSETTLED["zh"].format(acts=acts.acts(unsettled, "zh")))
    # the reasons follow in a review, not in a memorandum; an act reached in full is never said to be limited
    if verdict is Verdict.PARTLY_MET and partial and every and not missing:
        parts_en.append("Each act is reached only in part.")
        parts_zh.append("各项行为均仅部分入罪。")
    elif partial:
        parts_en.append(f"Reached only in part: {acts.acts(partial, 'en')}.")
        parts_zh.append(f"仅部分入罪的行为：{acts.acts(partial, 'zh')}。")
    if excluded:
        parts_en.append(f"Not counted: {', '.join(excluded)} (see below).")
        parts_zh.append(f"不计入：{'、'.join(excluded)}（见下文）。")
    return Note("", _t(" ".join(parts_en), "".join(parts_zh)))


def _definition(q: Requirement, provisions: list[Provision], table: dict[str, Facts]) -> Finding:
    candidates = [(p, og) for p in provisions
                  if (og := q.object_grade(table[p.id].object_kind, p.jurisdiction.name if p.jurisdiction else None))]
    if not candidates:
        return Finding(q, Verdict.NOT_MET, [], [Note("", _t("No provision in the set has an object of this kind.",
                                                          "所审查的条文中没有以此类对象为客体的条文。"))])
    best_rank: int = 0
    best: list[str] = []
    notes: list[Note] = []
    beyond: list[Note] = []
    unverified: set[str] = set()
    by_age: dict[str, frozenset[int]] = {}
    by_place: dict[str, frozenset[str]] = {}
    lacking: list[tuple[int, Element, str]] = []  # (note, element, provision): an element the object lacks
    for p, (grade, reason) in candidates:
        og = (grade, reason)
        f = table[p.id]
        jurisdiction = p.jurisdiction.name if p.jurisdiction else None
        failed = [e for e in q.elements if not e.require.holds(f)]
        doubtful = {element: u.words for u in q.unverified for element in u.elements}
        if failed and all(e.id in doubtful for e in failed) and len(failed) < len(q.elements):
            unverified |= {doubtful[e.id] for e in failed}
            notes.append(Note(p.id, _unverified_note(sorted({doubtful[e.id] for e in failed}), []).text, p.span))
            failed = []
        if reason:  # an object of another kind: its own reason says it all
            notes.append(Note(p.id, reason, p.object.span if p.object else p.span))
        else:
            lacking.extend((len(notes) + i, e, p.id) for i, e in enumerate(failed))
            notes.extend(Note(p.id, e.missing, p.object.span if p.object else p.span) for e in failed)
        aged = _age_grade(q, p, f)
        years: frozenset[int] | None = None
        if aged is not None:
            notes.append(aged[1])
            if aged[0] is Grade.EXCLUDED:
                continue  # reaches none of the persons the definition concerns
            if aged[0] is Grade.PARTIAL:
                grade = Grade.PARTIAL
                years = _years(f, q.ages)
        sexed = _sex_grade(q, p, f)
        if sexed is not None:  # whom the offence protects, not what the material is: the definition stands
            notes.append(dataclasses.replace(sexed, remark=True))
        # the material of some ages only, punished without a qualifier every case needs (Singapore's s. 377BL reaches
        # persons aged 16 or 17 in an exploitative relationship only: no definition of their material in full)
        base = next((t for t in p.tiers if t.name.name == "base"), None)
        qualified = base is not None and (base.requires is not None or base.condition is not None)
        age_only = years is not None and grade is Grade.PARTIAL and og[0] is Grade.FULL and not qualified
        places: frozenset[str] | None = None  # the places of recording a place limit leaves it (`place-part`)
        other_limit = grade is not Grade.FULL or og[0] is not Grade.FULL or qualified
        for check in q.checks:
            if check.when.holds(f):
                if check.outcome.grade is Grade.BEYOND:
                    if grade is Grade.FULL:  # extensions count only on objects of the treaty's own kind
                        beyond.append(Note(p.id, check.outcome.reason_for(jurisdiction),
                                           p.object.span if p.object else p.span))
                elif check.outcome.grade is Grade.REVIEW:
                    notes.append(Note(p.id, check.outcome.reason_for(jurisdiction), p.span, remark=True,
                                      question=True))
                else:
                    notes.append(Note(p.id, threshold.worded(check.outcome.reason_for(jurisdiction), p, f), p.span))
                    if check.place_part and check.outcome.grade is Grade.PARTIAL:
                        part = frozenset(check.place_part)
                        places = part if places is None else places & part
                    else:
                        other_limit = True
                    grade, age_only = Grade.PARTIAL, False
        rank = 0 if len(failed) == len(q.elements) and q.elements else (Grade.PARTIAL.rank if failed else grade.rank)
        if places is not None and not other_limit and not failed:
            by_place[p.id] = places  # the definition in full, but for where the image was made
        if age_only and not failed and years is not None:
            by_age[p.id] = years  # the definition in full, but for the ages: other provisions may reach the rest
        if rank > best_rank:
            best_rank, best = rank, [p.id]
        elif rank == best_rank and rank:
            best.append(p.id)
    if best_rank < Grade.FULL.rank:  # no object has every element: say which others have the one it lacks
        made: dict[int, tuple[frozenset[str], Text]] = {}  # an element's holders and the words naming them, once
        for at, e, pid in lacking:
            if id(e) not in made:
                holders_, text_ = _made_up_in_part(e, "", candidates, table)
                made[id(e)] = frozenset(holders_), text_
            holders, text = made[id(e)]
            if pid in holders:  # a provision lacking the element holds it only were `holds` to change its mind
                text = _made_up_in_part(e, pid, candidates, table)[1]
            notes[at] = dataclasses.replace(notes[at], text=text)
    all_years = {c[1] for c in _cells(q)}
    together: list[Note] = []
    if best_rank < Grade.FULL.rank and by_age and set().union(*by_age.values()) >= all_years:
        # provisions each reaching the definition for some ages (§ 184b under 14, § 184c 14 to 17) reach it together
        best_rank, best = Grade.FULL.rank, sorted(by_age)
        parts = tuple((pid, frozenset((o, y, w) for o, _, w in _cells(q) for y in years)) for pid, years in
                      sorted(by_age.items()))
        together = [_together_note([], parts, [], _cells(q), q.ages)]
        beyond = [n for n in beyond if n.provision in by_age]
    every_place = frozenset(vocabulary().section("object-attributes.place"))
    if best_rank < Grade.FULL.rank and by_place and frozenset().union(*by_place.values()) >= every_place:
        # provisions each reaching the definition for images made in some places (a private place in one, a public
        # place in another) reach it together
        best_rank, best = Grade.FULL.rank, sorted(by_place)
        together = [_places_together(by_place)]
        beyond = [n for n in beyond if n.provision in by_place]
    if best_rank == Grade.FULL.rank:
        verdict = Verdict.BEYOND if beyond else Verdict.MET
        notes = [n for n in notes if n.provision not in best or n.remark]  # a reviewer's question stays
        # a verdict says why: which provisions' object reaches every element the definition lists
        notes.insert(0, Note("", _t(f"The object of {', '.join(sorted(best))} reaches every element of the "
                                    f"definition.",
                                    f"{'、'.join(sorted(best))}的犯罪对象涵盖该定义的各项要素。")))
        notes[1:1] = together
    else:
        verdict = Verdict.PARTLY_MET if best_rank else Verdict.NOT_MET
        beyond = []  # extensions matter only beside a definition that is met
    return Finding(q, verdict, sorted(best), [*notes, *beyond], unverified=sorted(unverified))


def _places_together(by_place: dict[str, frozenset[str]]) -> Note:
    """Provisions whose place limits together leave no place of recording out, each with the places it reaches."""
    v = vocabulary()
    order = list(v.section("object-attributes.place"))

    def said(places: frozenset[str], lang: str) -> str:
        # a dwelling is a private place: named only where the provision reaches no other
        shown = places - {"dwelling"} if "private-place" in places else places
        labels = [v.label("object-attributes.place", t, lang) for t in order if t in shown]
        return (" or ".join(labels)) if lang == "en" else "或者".join(labels)

    ids = sorted(by_place)
    each_en = "; ".join(f"{pid} those made in {said(by_place[pid], 'en')}" for pid in ids)
    each_zh = "；".join(f"{pid}涵盖在{said(by_place[pid], 'zh')}摄录的图像" for pid in ids)
    return Note("", _t(f"Together {_and(ids)} reach images made in every place: {each_en}. Whether the statute's "
                       "places leave none between them (a workplace, a vehicle) is for a reviewer.",
                       f"{'、'.join(ids)}合在一起涵盖在任何场所摄录的图像：{each_zh}。法律所称的各类场所之间是否仍有遗漏"
                       "（如工作场所、交通工具），须由审查人员判断。"))


def _made_up_in_part(e: Element, pid: str, candidates: list[tuple[Provision, tuple[Grade, Text | None]]],
                     table: dict[str, Facts]) -> tuple[list[str], Text]:
    """An element a provision's object lacks, and the set's other objects of the definition's kind that have it
    (§ 201a beside § 184k's exposed intimate parts): they make it up within their own limits, given beside. With the
    words, those objects' provisions: the words name them all, so every provision lacking the element shares them."""
    holders = sorted(p.id for p, (grade, reason) in candidates
                     if p.id != pid and grade is Grade.FULL and not reason and e.require.holds(table[p.id]))
    if not holders:
        return holders, e.missing
    one = len(holders) == 1
    return holders, _t(
        f"{e.missing.en} The set makes it up in part: {', '.join(holders)} {'reaches' if one else 'reach'} what it "
        f"lacks, within {'its' if one else 'their'} own limits given here.",
        f"{e.missing.zh}所审查的条文部分弥补了这一点：{'、'.join(holders)}涵盖其所缺，但受此处所列其自身的限制。")


_NOT_TAKEN = _t("The option is not taken by any provision in the set.", "所审查的条文均未采用该选择。")


def _against_the_person(f: Facts) -> bool:
    """Whether the object is the person the offence is committed against (an indecency offence against a child), not
    material showing a person."""
    return bool((vocabulary().entry("objects", f.object_kind or "") or {}).get("against-the-person"))


def _material(f: Facts) -> bool:
    """Whether the object is material showing persons: what an option narrowing the material can narrow."""
    kind = vocabulary().entry("objects", f.object_kind or "") or {}
    return bool(kind.get("of-persons")) and not kind.get("against-the-person")


def _used(q: Requirement, jurisdiction: str | None, p: Provision | None = None, f: Facts | None = None) -> Text | None:
    """Why the provision takes the option, in the law's own words where it states the law (单位 for the PRC); where
    the option turns on the test for virtual material the provision sets, that test in its own terms (Singapore's
    indistinguishability is one element, not another law's three), and whose proposal it is where the provision's
    own source says (the PRC bill's art. 364-1 takes a paper's three elements)."""
    if q.used_reason is None:
        return None
    said = _in_law(q.used_reason, jurisdiction)
    tests = sorted(f.object_virtual_test) if f is not None else []
    if tests and "object.virtual-test" in str(q.used_when.as_data() if q.used_when is not None else ""):
        v = vocabulary()
        entries = {t: v.entry("object-attributes.virtual-test", t) or {} for t in tests}
        # a scope term (material of an existing person spared the test) is no condition: its own sentence, after them
        conditions = [t for t in tests if not entries[t].get("scope")]
        scope = [t for t in tests if entries[t].get("scope")]
        # The statute wording names persons under eighteen; a provision whose object reaches other ages (Singapore's
        # under-16s) has its test stated with its own, and its scope said as a report says it, never "the preceding
        # paragraph" of a statute the report does not quote.
        own = _age_reach(p, f, (0, None)) if p is not None and f is not None else None
        persons = own if own is not None and own[1] is not None and own != (0, 18) else None

        def stated(t: str, lang: str) -> str:
            report = entries[t].get("report") or {}
            if persons is not None and lang in report:
                return str(report[lang]).format(persons=(_ages_en if lang == "en" else _ages_zh)(persons))
            return str(entries[t].get(lang, t))

        en = "; and ".join(stated(t, "en") for t in conditions)
        zh = "；且".join(stated(t, "zh") for t in conditions)
        every = f is not None and len(conditions) > 1 and "virtual-test" in f.object_cumulative  # all must hold
        said = _t(f"{said.en} The provision's {'cumulative ' if every else ''}test for virtual material{_whose(p)[0]}: "
                  f"{en}." + "".join(f" {entries[t]['report']['en']}." for t in scope),
                  f"{said.zh}该条规定的虚拟材料{'累积' if every else ''}要件{_whose(p)[1]}：{zh}。"
                  + "".join(f"{entries[t]['report']['zh']}。" for t in scope))
    return said


def _whose(p: Provision | None) -> tuple[str, str]:
    """Where the provision's test for virtual material comes from, as its own `source` says: a paper's proposal is
    the author's (", as the author proposes in …"); a statute's words need no such note."""
    for s in p.sources if p is not None else ():
        en, zh = (s, s) if isinstance(s, str) else (s.en or "", s.zh or s.en or "")
        if "virtual material" in en and FILE_NAME.search(en):
            return f", as the author proposes in {en}", f"（作者在{zh}中提出）"
    return "", ""


def _option(q: Requirement, provisions: list[Provision], table: dict[str, Facts]) -> Finding:
    """An option the set takes: for an option that narrows offences, only where every provision carrying them takes
    it (one that does not reaches the same acts without the limit); for one that widens or chooses a form, where any
    provision does."""
    by_id = {p.id: p for p in provisions}
    holds = {p.id: q.used_when is not None and q.used_when.holds(table[p.id]) for p in provisions}
    here = _jurisdiction_of(provisions)
    notes: list[Note] = []
    if q.narrows is not None and q.narrows.material:
        # an offence against a real child is no election to narrow the material: it neither takes nor refuses it
        persons = [p.id for p in provisions if _against_the_person(table[p.id])]
        notes += [Note(pid, _t(
            "Its object is the person the offence is committed against, not material: it is no use of an option that "
            "narrows the material, and it leaves the material offences as they are.",
            "该罪的对象是犯罪所针对的人本身而非材料：不属于对材料范围作出限制的选择，亦不影响涉及材料的犯罪的范围。"))
            for pid in persons]
        holds = {pid: h for pid, h in holds.items() if _material(table[pid])}
    if q.narrows is not None and q.narrows.within is not None:
        within = sorted(pid for pid, h in holds.items() if not h and q.narrows.within.holds(table[pid]))
        if q.narrows.within_reason is not None:
            notes += [Note(pid, q.narrows.within_reason) for pid in within]
        holds = {pid: h for pid, h in holds.items() if pid not in within}
    users = sorted(pid for pid, h in holds.items() if h)
    if q.narrows is not None and len(users) < len(holds):
        # where some provisions take it, those that do not are named; where none does, the reason says it all
        others = sorted(pid for pid, h in holds.items() if not h) if users else []
        para = paragraph_label(q.paragraph, "zh")  # not 本款: on Taiwan's page 款 is a subparagraph
        notes = [Note("", q.narrows.reason), *(Note(pid, _t(
            f"Not so limited: it carries its offences without the limit the option of Art. {q.paragraph} allows.",
            f"未作此限制：该条规定的犯罪不受{para}的选择所允许之限制。"))
            for pid in others), *(Note(pid, used) for pid in users if (used := _used(q, here, by_id[pid], table[pid]))),
                 *notes]
        return Finding(q, Verdict.NA, [], notes)
    if users and q.used_reason:
        # an exclusion is the set's where any offence states it; the offences that punish the conduct are named too
        others = sorted(pid for pid, h in holds.items() if not h) if q.excludes is not None else []
        return Finding(q, Verdict.OPTION_USED, users, [*(Note(pid, _used(q, here, by_id[pid], table[pid])
                                                              or q.used_reason) for pid in users),
                                                       *(Note(pid, q.excludes.reason) for pid in others
                                                         if q.excludes is not None), *notes])
    return Finding(q, Verdict.NA, [], [Note("", _NOT_TAKEN), *notes])


def _article_name(article: str, lang: str) -> str:
    number = article.rsplit(".", 1)[-1]
    return f"第{number}条" if lang == "zh" else f"Art. {number}"


UNIT_FINE = "fine-on-unit"  # how a legal-persons rule punishes the unit with a monetary sanction
ADMINISTRATIVE_FINE = "administrative-fine-on-unit"  # the same, as a regulatory fine: no criminal liability


def administrative_rule(r: Rule) -> bool:
    """Whether a legal-persons rule makes legal persons answer administratively, not criminally (its `punishes`
    names a vocabulary `administrative` sanction: Germany's OWiG § 30), a form Art. 18(2) permits."""
    v = vocabulary()
    return any((v.entry("unit-sanctions", t.name) or {}).get("administrative") for t in r.punishes)


def _liable_by_rule(pid: str, rules: list[Rule]) -> Rule | None:
    """The general-part or specific legal-persons clause (PRC arts. 30-31, 366) that reaches this offence, if any."""
    reaching = [r for r in rules if r.kind is not None and r.kind.name == "legal-persons" and r.reaches_provision(pid)]
    # the specific clause (art. 366 for arts. 363-365) is the one to cite before the general one; of clauses alike,
    # the one that makes legal persons liable (they answer as the offence or another provision says: PRC art. 30,
    # Australia's Criminal Code s. 12.1) before one that only fines them (PRC art. 31; a sentencing rule such as
    # Australia's Crimes Act s. 4B, as recalled)
    return min(reaching, key=lambda r: (r.reaches_all, len(r.reaches), not _makes_liable(r), r.id), default=None)


def _administratively(by: str) -> Text:
    """Art. 18(1): legal persons answer for an offence administratively under a rule or measure (`by`)."""
    return _t(f"Legal persons answer for this offence administratively under {by}, a form Art. 18(2) permits.",
              f"依照{by}，法人对该罪承担行政责任（属于第18条第2款允许的责任形式之一）。")


def _makes_liable(r: Rule) -> bool:
    """Whether a legal-persons rule says the legal person answers as an offence provides (its own penalty, or as
    another provision says), rather than only fining it."""
    return any(t.name in (OFFENCE_PENALTY, "as-provided-elsewhere") for t in r.punishes)


def liable_by_measure(articles: Iterable[str], provisions: Iterable[Provision], rules: Iterable[Rule],
                      measures: Iterable[Obligation]) -> dict[str, Obligation]:
    """The offences of `articles` that legal persons answer for administratively: a measure binding them, with a
    sanction, forbids an act of a treaty offence the provision carries with its material (Italy's D.Lgs. 231/2001
    art. 25-quinquies for arts. 600-ter to 600-quater.1). Art. 18(2) lets that liability be administrative, so it is
    liability for Art. 18(1) as a criminal clause is; a compliance duty punished for its own breach is not."""
    from .spec import spec_for

    binding = _legal_person_measures(list(measures))
    if not binding:
        return {}
    provisions, rules = list(provisions), list(rules)
    found: dict[str, Obligation] = {}
    for article in articles:
        for f in check(spec_for(article), provisions, rules).verdicts:
            if f.requirement.kind is not RequirementKind.OFFENCE:
                continue
            by = next((o for o in sorted(binding, key=lambda o: o.id) if _prohibited_acts(f.requirement, o)), None)
            for pid in f.met_by:
                if by is not None:
                    found.setdefault(pid, by)
    return found


def _in_law(t: Text, jurisdiction: str | None) -> Text:
    """A sentence stating a jurisdiction's law on legal persons, in Chinese in its statutes' words (its pack's
    `wording: zh:`, the PRC's 单位 and 直接负责的主管人员和其他直接责任人员); 法人 stays the treaty's word, and
    the jurisdiction's where its pack says nothing (Taiwan's statutes say 法人)."""
    pack = packs.pack(jurisdiction) if jurisdiction else None
    words = pack.words("zh") if pack is not None else None
    if words is None or not (words.legal_person_word or words.responsible_persons) or not t.zh:
        return t
    zh = t.zh
    if words.responsible_persons:
        zh = zh.replace("对该罪负有责任的自然人", f"其{words.responsible_persons}")
    if words.legal_person_word:
        zh = zh.replace("法人", words.legal_person_word)
    return dataclasses.replace(t, zh=zh)


def _jurisdiction_of(provisions: Iterable[Provision]) -> str | None:
    """The one jurisdiction of a set's provisions, whose law a sentence about the set states; None where they mix."""
    found = {p.jurisdiction.name for p in provisions if p.jurisdiction is not None}
    return next(iter(found)) if len(found) == 1 else None


def _legal_persons(q: Requirement, provisions: list[Provision], table: dict[str, Facts],
                   rules: list[Rule] | None = None, measures: list[Obligation] | None = None) -> Finding:
    """Art. 18(1): for each article's offences, the provisions that carry them must reach legal persons, by their
    own words, a legal-persons rule, or an administrative measure that sanctions legal persons for them (18(2))."""
    from .spec import spec_for

    notes: list[Note] = []
    met_by: set[str] = set()
    grades: list[Grade] = []
    short: list[str] = []  # the articles whose offences leave legal persons out, in part or wholly
    open_: set[str] = set()  # offences silent on their actors that nothing of the set makes legal persons answer for
    shut = False  # some offence legal persons are shown not liable for, or none carries an article's offences
    by_id = {p.id: p for p in provisions}
    # what the observations say of the law's provisions is said in its statutes' words (单位 in the PRC)
    here = _jurisdiction_of(provisions)
    for article in q.offences_of:
        offences = check(spec_for(article), provisions, rules or ()).verdicts
        carriers = sorted({pid for v in offences if v.requirement.kind is RequirementKind.OFFENCE for pid in v.met_by})
        en, zh = _article_name(article, "en"), _article_name(article, "zh")
        if not carriers:
            grades.append(Grade.NONE)
            shut = True
            notes.append(Note("", _in_law(_t(
                f"No provision establishes the {en} offences, so no legal person can be liable for them (see the "
                f"{article} report).",
                f"所审查的条文均未确立{zh}规定的犯罪，法人亦无从对其承担责任（见{article}审查报告）。"), here)))
            continue
        by_rule = {c: r for c in carriers if (r := _liable_by_rule(c, rules or [])) is not None}
        own = [c for c in carriers if c in by_rule or all(e.require.holds(table[c]) for e in q.elements)]
        by_measure = {c: o for c, o in liable_by_measure((article,), provisions, rules or (), measures or ()).items()
                      if c in carriers and c not in own}
        liable = sorted({*own, *by_measure})
        # the report cites the clause that makes a legal person liable, where a rule does
        notes.extend(Note(c, _in_law(_administratively(r.id) if administrative_rule(r) else _t(
            f"Legal persons are liable for this offence under {r.id}.", f"依照{r.id}，法人可以对该罪承担责任。"), here),
            r.span) for c, r in sorted(by_rule.items()))
        notes.extend(Note(c, _in_law(_administratively(o.id), here), o.span) for c, o in sorted(by_measure.items()))
        answer = set(liable)
        others = [c for c in carriers if c not in answer]
        # a provision silent on who commits it, which no rule or measure reaches: whether the general law makes legal
        # persons liable for it ("person" read to include a body corporate) is a reviewer's, not a gap
        silent = [c for c in others if not by_id[c].actors]
        open_.update(silent)
        shut = shut or len(silent) < len(others)
        met_by.update(liable)
        grades.append(Grade.FULL if not others else Grade.PARTIAL if liable else Grade.NONE)
        if not others:
            notes.append(Note("", _in_law(_t(f"{en}: every provision that carries its offences reaches legal persons "
                                             f"({', '.join(liable)}).",
                                             f"{zh}：确立该条犯罪的条文均可追究法人责任（{'、'.join(liable)}）。"),
                                          here)))
            continue
        short.append(article)
        through = f"through {', '.join(liable)} only" if liable else "through no provision that carries them"
        through_zh = f"仅可通过{'、'.join(liable)}追究" if liable else "不能通过任何确立该条犯罪的条文追究"
        shown = [c for c in others if c not in silent]
        not_en = "; ".join([*([f"not under {', '.join(shown)}"] if shown else []),
                            *([f"not shown under {', '.join(silent)}"] if silent else [])])
        not_zh = "；".join([*([f"{'、'.join(shown)}不适用于法人"] if shown else []),
                           *([f"未表明{'、'.join(silent)}适用于法人"] if silent else [])])
        if liable or shown:
            notes.append(Note("", _in_law(_t(f"{en}: legal persons are liable {through}; {not_en}.",
                                             f"{zh}：法人责任{through_zh}；{not_zh}。"), here)))
        else:
            notes.append(Note("", _in_law(_t(
                f"{en}: no provision that carries its offences is shown to reach legal persons ({', '.join(silent)}).",
                f"{zh}：确立该条犯罪的条文均未表明可以追究法人责任（{'、'.join(silent)}）。"), here)))
        for c in others:
            notes.extend(Note(c, _in_law(e.missing, here), by_id[c].span)
                         for e in q.elements if not e.require.holds(table[c]) and c not in silent)
        notes.extend(Note(c, _in_law(_t(
            "Its words name no one in particular, and no rule of the set makes legal persons liable for it: whether "
            "the general law does (whether the person it speaks of includes a legal person) is for a reviewer.",
            "该条未限定犯罪主体，所审查的规则亦均未规定法人对该罪承担责任：一般法律是否规定法人可以成为该罪的主体，须由"
            "审查人员判断。"), here), by_id[c].span, question=True) for c in silent)
    # Participation routes (helping, an intermediary's omission) reach in part what the offences leave out.
    routes = [(p, next(r.reason_for(table[p.id]) for r in q.participation_via if r.conduct in table[p.id].conduct))
              for p in provisions if "unit" in table[p.id].actors
              and table[p.id].conduct & {r.conduct for r in q.participation_via}]
    if short and routes:
        grades = [Grade.PARTIAL if g is Grade.NONE else g for g in grades]
        met_by.update(p.id for p, _ in routes)
        ids = [p.id for p, _ in routes]
        en = " and ".join(_article_name(a, "en") for a in short)
        zh = "、".join(_article_name(a, "zh") for a in short)
        notes.append(Note("", _in_law(_t(f"For the offences of {en}, legal persons answer in part for taking part in "
                                         f"them through {', '.join(ids)}.",
                                         f"对于{zh}规定的犯罪，法人参与其中的，可以部分通过{'、'.join(ids)}追究责任。"),
                                      here)))
        notes.extend(Note(p.id, reason, p.span) for p, reason in routes)
    verdict = Verdict.MET if all(g is Grade.FULL for g in grades) else \
        Verdict.NOT_MET if all(g is Grade.NONE for g in grades) else Verdict.PARTLY_MET
    if open_ and not shut and verdict is not Verdict.MET:
        verdict = Verdict.NOT_ASSESSED  # every offence legal persons are not shown liable for is the general law's
    pack = packs.pack(here) if here is not None else None
    if verdict is not Verdict.MET and pack is not None and pack.legal_persons_law:
        # what the verdict rests on: the law on legal persons as far as the reference holds it (Taiwan's 兩罰 clauses,
        # none of them among its texts), which the provisions' actors alone do not say
        law = pack.legal_persons_law
        notes.append(Note("", Text(en=law["en"], zh=law["zh"])))
    return Finding(q, verdict, sorted(met_by), notes)


def _sanctions(q: Requirement, liable: list[Provision], table: dict[str, Facts], rules: list[Rule],
               by_measure: dict[str, Obligation] | None = None) -> Finding:
    """Art. 18(4): each legal person held liable faces the sanctions the elements require, in its provision, in the
    legal-persons rule that makes it liable (art. 366: 对单位判处罚金) or in the administrative measure that does (a
    fine); the rest is review."""
    if not liable:
        none = _t("No legal person is liable under the provisions checked, so none is sanctioned.",
                  "所审查的条文均未规定法人责任，亦无从对法人予以制裁。")
        return Finding(q, Verdict.NOT_MET, [], [Note("", none)])
    notes: list[Note] = [Note("", q.explanation)]
    sanctioned, open_ = [], []
    for p in liable:
        rule = _liable_by_rule(p.id, rules)
        measure = (by_measure or {}).get(p.id) if rule is None else None
        # what every legal-persons rule reaching the offence does (PRC art. 30 says which offences units commit,
        # art. 31 fines them): the most specific one is cited, but another may be the one that fines
        reaching = [r for r in rules if r.kind is not None and r.kind.name == "legal-persons"
                    and r.reaches_provision(p.id)]
        named = {t.name for r in reaching for t in r.punishes}
        if OFFENCE_PENALTY in named and not named & {UNIT_FINE, ADMINISTRATIVE_FINE}:
            rule = next(r for r in reaching if any(t.name == OFFENCE_PENALTY for t in r.punishes))
        own_penalty = OFFENCE_PENALTY in named and not named & {UNIT_FINE, ADMINISTRATIVE_FINE}
        fined = bool(named & {UNIT_FINE, ADMINISTRATIVE_FINE}) or own_penalty and _fines(p) or \
            measure is not None and any(x.kind.name == "fine" for x in measure.sanctions)
        if own_penalty and not fined and rule is not None:
            open_.append(p.id)  # a fine in its place is the general law's to give, or not
            notes.append(Note(p.id, _penalty_not_monetary(p, rule), p.span, question=True))
            continue
        failed = [] if fined else [e for e in q.elements if not e.require.holds(table[p.id])]
        notes.extend(Note(p.id, e.missing, p.span) for e in failed)
        if not failed:
            sanctioned.append(p.id)
    notes.extend(_unranged_fines(sanctioned, rules))
    # Whether the sanctions are effective, proportionate and dissuasive is a reviewer's decision, not the text's; so
    # is whether the general law fines a legal person whose offence carries imprisonment only
    verdict = Verdict.NOT_ASSESSED if len(sanctioned) + len(open_) == len(liable) else \
        Verdict.PARTLY_MET if sanctioned or open_ else Verdict.NOT_MET
    return Finding(q, verdict, sanctioned, notes)


OFFENCE_PENALTY = "offence-penalty-on-unit"  # the legal person takes the offence's own penalty


def _fines(p: Provision) -> bool:
    """Whether the offence's own penalty includes a fine, in some tier: one a legal person guilty of it can take."""
    return any(s.fine is not None or any(x.kind.name == "fine" for x in s.principals) for s in p.penalties)


def _penalty_not_monetary(p: Provision, rule: Rule) -> Text:
    """Art. 18(4) where a rule makes the legal person liable to the offence's own penalty and that penalty holds no
    fine: a legal person cannot be imprisoned, and whether the general law lets a court fine it instead (Canada's
    Criminal Code s. 735) is a reviewer's question."""
    if not p.penalties:
        return _t(f"Under {rule.id} the legal person takes the penalty of the offence itself, which the set does not "
                  "give: whether it includes a fine, or the general law lets a court fine a legal person, is for a "
                  "reviewer.",
                  f"依照{rule.id}，法人依该罪本身规定的刑罚处罚，而所审查的文件未载明该刑罚：其中是否包括罚金，或者一般法律是否"
                  "允许法院对法人判处罚金，须由审查人员判断。")
    return _t(f"Under {rule.id} the legal person takes the penalty of the offence itself, which is imprisonment only "
              "and includes no fine: a legal person cannot be imprisoned, so whether the general law lets a court "
              "fine a legal person in its place is for a reviewer.",
              f"依照{rule.id}，法人依该罪本身规定的刑罚处罚，而该刑罚仅为自由刑，不含罚金：法人无从被判处自由刑，一般法律是否"
              "允许法院改为对法人判处罚金，须由审查人员判断。")


UNRANGED_FINE = "fine-without-range"  # a legal-persons rule fines the unit without an amount or range (判处罚金)


def _unranged_fines(sanctioned: list[str], rules: list[Rule]) -> list[Note]:
    """For a reviewer weighing Art. 18(4): the legal-persons rules that fine the legal person for these offences
    without fixing an amount or a range (their `punishes`, read from their text). Whether the fines courts impose are
    effective and dissuasive then rests on their practice, which the text does not show."""
    unranged = sorted({r.id: r for pid in sanctioned for r in rules
                       if r.kind is not None and r.kind.name == "legal-persons" and r.reaches_provision(pid)
                       and any(t.name == UNRANGED_FINE for t in r.punishes)}.items())
    if not unranged:
        return []
    ids = [rid for rid, _ in unranged]
    return [Note("", _t(
        f"{_and(ids)} fine{'s' if len(ids) == 1 else ''} the legal person without fixing an amount or a range: the "
        "size of the fine is left to the courts, so whether the fines imposed are effective, proportionate and "
        "dissuasive is for a reviewer to weigh.",
        f"{'、'.join(ids)}对单位判处罚金，但未规定罚金的数额或者幅度：罚金数额由法院裁量，所判处的罚金是否有效、相称"
        "并具有劝阻性，须由审查人员判断。"), unranged[0][1].span, remark=True)]


# The verdicts that rest on the provisions' silence: the general part, when given, could change them.
_SILENT = (Verdict.NOT_MET, Verdict.PARTLY_MET, Verdict.NA)


def _general_part_not_given(f: Finding) -> Finding:
    """A requirement the general part decides where the provisions are silent (Art. 18(1), 18(2), 18(4); financing
    through complicity, 14(1)(d)), in a set that gives no general part: not-assessed rather than a gap that silence
    does not show. What the provisions themselves establish stays cited; what an element says of a provision that is
    silent ("Only natural persons can commit this offence") is the general part's to say, and is left out."""
    q = f.requirement
    if q.general_part is None or f.verdict not in _SILENT:
        return f
    silence = [e.missing.en for e in q.elements]  # by the English: the Chinese is in the law's own words
    notes = [n for n in f.notes if not (n.provision and n.text.en in silence)]
    return dataclasses.replace(f, verdict=Verdict.NOT_ASSESSED, notes=[*notes, Note("", q.general_part)])


def _risk_reason(rule: RiskRule, p: Provision) -> Text:
    """A risk in the words of the provision's own jurisdiction where its pack gives them (Taiwan's 告訴乃論 under
    art. 319-6, France's plainte under art. 226-6), else in the common words, which name no system's law."""
    pack = packs.pack(p.jurisdiction.name) if p.jurisdiction is not None else None
    own = pack.risks.get(rule.id) if pack is not None else None
    if own:
        return Text(en=own["en"], zh=own["zh"])
    excepted = p.prosecution.exceptions if p.prosecution is not None else ()
    if not excepted:
        return rule.reason
    # `except`: cases the State prosecutes without the victim (Germany's special public interest in prosecution)
    v = vocabulary()
    en = " or ".join(v.label("prosecution-exceptions", t.name, "en") for t in excepted)
    zh = "或者".join(v.label("prosecution-exceptions", t.name, "zh") for t in excepted)
    return Text(en=f"{rule.reason.en} The statute excepts cases of {en}: in those the State may prosecute without "
                   "waiting on the victim, which narrows the risk but does not remove it, since the ordinary case "
                   "still waits on the victim.",
                zh=f"{rule.reason.zh}法律对{zh}的情形作了例外规定：此类情形国家可以不待被害人而追诉，风险因此缩小，"
                   "但并未消除，因为通常情形仍取决于被害人。")


RESPONSIBLE = "responsible-persons-punished"  # a legal-persons rule punishing the natural persons who acted too


def _natural_persons(q: Requirement, provisions: list[Provision], table: dict[str, Facts],
                     rules: list[Rule], by_measure: dict[str, Obligation] | None = None,
                     general_part: bool = True) -> Finding:
    """Art. 18(3): the legal person's liability leaves the natural persons who commit the offences liable. Met for
    an offence that a legal-persons rule reaches punishing the persons responsible beside the legal person (PRC art.
    31's 双罚制), or whose own words make natural persons liable: they stay liable under it, as no rule can say
    otherwise (Canada's s. 22.2 punishes no natural person, and takes nothing from those who commit the offence).
    An offence that only legal persons commit, with no rule punishing the persons responsible, is a reviewer's."""
    from .spec import spec_for

    liable: dict[str, list[Rule]] = {}  # the offences a legal person answers for -> the rules punishing both
    for article in q.offences_of:
        offences = check(spec_for(article), provisions, rules).verdicts
        for pid in sorted({p for v in offences if v.requirement.kind is RequirementKind.OFFENCE for p in v.met_by}):
            reaching = [r for r in rules if r.kind is not None and r.kind.name == "legal-persons"
                        and r.reaches_provision(pid)]
            if reaching or "unit" in table[pid].actors or pid in (by_measure or {}):
                liable[pid] = sorted((r for r in reaching if any(t.name == RESPONSIBLE for t in r.punishes)),
                                     key=lambda r: r.id)
    here = _jurisdiction_of(provisions)  # the law the observations state, in its statutes' words
    if not liable:
        return Finding(q, Verdict.NOT_ASSESSED, [], [Note("", _in_law(_t(
            "No legal person is liable for the offences under the provisions and rules checked, so there is no "
            "liability of theirs to leave the natural persons' untouched; a reviewer reads the general part.",
            "所审查的条文和规则均未规定法人对相关犯罪承担责任，无从判断法人责任是否影响自然人的责任；须由审查人员依总则判断。"),
            here)), Note("", q.explanation)])
    by_id = {p.id: p for p in provisions}
    notes: list[Note] = []
    kept: list[str] = []  # offences whose natural persons stay liable under the offence itself
    for pid, both in liable.items():
        # where the legal person's liability comes from: the clause that makes it liable for this offence (the
        # specific one before the general), else the provision's own actors
        source = _liable_by_rule(pid, rules)
        measure = (by_measure or {}).get(pid)
        if source is None and "unit" not in table[pid].actors and measure is not None:
            whence = _t(f"Legal persons answer for this offence administratively under {measure.id}",
                        f"依照{measure.id}，法人对该罪承担行政责任")
        elif source is None and (mark := _flag_mark(by_id[pid], "actors")).zh:
            # actors encoded from a paraphrase or recollection (Ireland's HHCROA s. 2, bodies corporate inferred from
            # the heading of its s. 6): the encoding says so, not the statute's words
            whence = _t(f"The provision as encoded names legal persons among those who commit it{mark.en}",
                        f"按本工具对该条的编码，该条规定法人可以成为犯罪主体{mark.zh}")
        elif source is None:
            whence = _t("The provision itself names legal persons among those who commit it",
                        "该条本身规定法人可以成为犯罪主体")
        elif administrative_rule(source):
            whence = _t(f"Legal persons answer for this offence administratively under {source.id}",
                        f"依照{source.id}，法人对该罪承担行政责任")
        else:
            whence = _t(f"Legal persons answer for this offence under {source.id}",
                        f"依照{source.id}，法人对该罪承担责任")
        if not both and table[pid].actors & {"natural-person", "adult"}:
            # the natural persons who commit the offence stay liable under it: a rule that punishes none of them
            # beside the legal person does not take that away
            kept.append(pid)
            notes.append(Note(pid, _in_law(_t(
                f"{whence.en}; the natural persons who commit the offence remain liable under {pid} itself, which no "
                "rule of the set displaces.",
                f"{whence.zh}；实施该罪的自然人仍依{pid}本身承担刑事责任，所审查的规则均未排除其责任。"), here),
                by_id[pid].span))
            continue
        if not both:
            notes.append(Note(pid, _in_law(_t(
                "No rule of the set says whether the natural persons who commit the offence remain liable beside the "
                f"legal person ({whence.en[0].lower()}{whence.en[1:]}); a reviewer reads the general part.",
                f"所审查的规则均未规定法人承担责任时实施犯罪的自然人是否仍承担刑事责任（{whence.zh}）；须由审查人员依总则判断。"),
                here), by_id[pid].span))
            continue
        notes.append(Note(pid, _in_law(_t(
            f"{whence.en}; {_and([r.id for r in both])} punish{'es' if len(both) == 1 else ''} the legal person and, "
            "beside it, the natural persons responsible for the offence.",
            f"{whence.zh}；{'、'.join(r.id for r in both)}在处罚法人的同时，处罚对该罪负有责任的自然人。"), here),
            (source or both[0]).span))
    shown = sorted(pid for pid, both in liable.items() if both or pid in kept)
    if len(shown) == len(liable):
        cited = sorted({r.id for both in liable.values() for r in both})
        said = _t(f"{_and(cited)} punish{'es' if len(cited) == 1 else ''} both, without prejudice to the natural "
                  "persons' liability",
                  f"{'、'.join(cited)}规定两者均受处罚，不影响自然人的刑事责任") if cited else None
        many = len(kept) > 1
        if cited:
            left = _t(f"the natural persons who commit the offence{'s' if many else ''} of {_and(sorted(kept))} "
                      f"remain liable under {'them' if many else 'it'}",
                      f"实施{'、'.join(sorted(kept))}之罪的自然人仍依该罪本身承担刑事责任") if kept else None
            en = "; ".join(x.en or "" for x in (said, left) if x)
            zh = "；".join(x.zh or "" for x in (said, left) if x)
        else:
            en, zh = _and(sorted(kept)), "、".join(sorted(kept))
        # the natural persons' liability does not hang on the legal person's: it stays where the legal person's is
        offences = "offences" if len(shown) > 1 else "offence"
        summary = _in_law(_t(
            f"Where a legal person is liable, the natural persons who commit the {offences} remain liable"
            f"{'' if cited else ' under the same provision' + ('s' if many else '')}: {en}.",
            f"法人承担责任的，实施犯罪的自然人仍{'' if cited else '依各该条文' if many else '依同一条文'}承担刑事责任："
            f"{zh}。"), here)
        # met on the offences' own words: a general part the set does not give could still say otherwise
        unread = [Note("", _in_law(_t(
            "The set gives no part of the general part of its law: that no general rule there takes the natural "
            "persons' liability away where a legal person is liable is for a reviewer who reads it.",
            "所审查的条文未包括总则部分：总则中是否有规则在法人承担责任时排除自然人的责任，须由审查人员阅读总则后判断。"),
            here), remark=True)] if kept and not general_part else []
        return Finding(q, Verdict.MET, shown, [Note("", summary), *notes, *unread])
    return Finding(q, Verdict.NOT_ASSESSED, shown, [Note("", q.explanation), *notes])


def _and(items: list[str]) -> str:
    """`a`, `a and b`, `a, b and c`."""
    return " and ".join(items) if len(items) < 3 else f"{', '.join(items[:-1])} and {items[-1]}"


def _manual(q: Requirement) -> Finding:
    """What the elements cannot show: a reviewer decides (not-assessed); a saving clause asks for nothing (n/a)."""
    return Finding(q, Verdict.NOT_ASSESSED if q.kind is RequirementKind.MANUAL else Verdict.NA, [],
                   [Note("", q.explanation)])


def _sanction_words(o: Obligation) -> Text:
    """An administrative measure's sanctions as a report words them: each kind, its range, where it is laid down (in
    Chinese, as a predicate: 处罚款……, 依照……处罚; those beside the principal one are predicates of their own,
    并得令其接受辅导教育, 没入……), every one of them, so that "and by nothing more" is true."""
    if not o.sanctions:
        return _t("no sanction of its own", "未规定其自身的处罚")
    pack = packs.pack(o.jurisdiction.name) if o.jurisdiction is not None else None
    first, *beside = [_one_sanction(s, n == 0, pack) for n, s in enumerate(o.sanctions)]
    en = first.en or ""
    if beside:
        en += ", with " + " and ".join(t.en or "" for t in beside)
    return _t(en, "，".join(t.zh or "" for t in [first, *beside]))


def _one_sanction(s: Sanction, principal: bool, pack: packs.Pack | None) -> Text:
    v = vocabulary()
    kind = v.entry("sanctions", s.kind.name) or {}
    # the sanction as the measure's law names it (Taiwan's 罰鍰), else the vocabulary's
    en = str(kind.get("en", s.kind.name))
    zh = (pack.words("zh").sanctions.get(s.kind.name) if pack is not None else None) or str(kind.get("zh", s.kind.name))
    zh = zh if zh.endswith("处罚") or not principal else f"处{zh}"
    if s.low is not None and s.high is not None:
        unit = v.entry("units", s.unit.name) if s.unit is not None else None
        unit_en, unit_zh = (str(unit.get("en", "")), str(unit.get("zh", ""))) if unit else ("", "")
        en = f"{en} of {s.low:,} to {s.high:,} {unit_en}".rstrip()
        # as a statute words a range, in the jurisdiction's numerals: 处一万元以上十万元以下罚款 (the PRC),
        # 处新臺幣一萬元以上十萬元以下罰鍰 (Taiwan)
        numerals = pack.citations["zh"].numerals if pack is not None and "zh" in pack.citations else "chinese"
        low, high = (chinese_numeral(n, numerals) for n in (s.low, s.high))
        currency = unit_zh[:-1] if unit_zh.endswith("元") else ""  # 新臺幣 before the first amount only
        end = "元" if unit_zh.endswith("元") else unit_zh
        # a sanction beside the principal one is a predicate of its own: its range follows it
        zh = f"处{currency}{low}{end}以上{high}{end}以下{zh.removeprefix('处')}" if principal else \
            f"{zh}（{low}{end}以上{high}{end}以下）"
    per = s.per if isinstance(s.per, Text) else Text(zh=s.per, en=s.per) if s.per else None
    if per is not None:
        en, zh = f"{en}, under {per.en or per.zh}", f"{zh}（{per.zh or per.zh_hant or per.en}）"
    return _t(en, zh)


def _prohibited_acts(q: Requirement, o: Obligation) -> list[str]:
    """The treaty acts of an offence requirement that an administrative prohibition forbids with its object: read as
    a provision's would be, though a measure that is no criminal offence implements none of them."""
    if not o.conduct or o.object is None:
        return []
    stand_in = Provision(id=o.id, jurisdiction=o.jurisdiction, actors=o.holders, conduct=o.conduct, object=o.object,
                         span=o.span)
    grade, verbs, *_ = _grade_offence(q, stand_in, facts_of(stand_in))
    return [] if grade in (Grade.NONE, Grade.EXCLUDED) else [a for a in q.conduct if a in verbs]


def _administrative_notes(q: Requirement, measures: list[Obligation]) -> list[Note]:
    """An offence's acts that administrative measures forbid: named where the paragraph is decided, since a reviewer
    reading the law sees them, and said to count for nothing (the treaty asks for criminal offences)."""
    notes = []
    for o in measures:
        forbidden = _prohibited_acts(q, o)
        if not forbidden:
            continue
        sanction = _sanction_words(o)
        # the treaty's acts in the review's words ("possessing or controlling"), never the vocabulary's ids
        notes.append(Note(o.id, _t(
            f"An administrative measure, not a criminal offence: it punishes this conduct "
            f"({acts.acts(forbidden, 'en', 'or')}) with "
            f"this material by {sanction.en}, and by nothing more, so it implements nothing of Art. {q.paragraph}; "
            f"the conduct is a crime only as far as the provisions above reach it.",
            f"该规定是行政措施而非犯罪：{'、'.join(map(_act_zh, forbidden))}此类材料的，仅{sanction.zh}，"
            f"不实施{paragraph_label(q.paragraph, 'zh')}的要求；该行为仅在上述条文所及范围内构成犯罪。"), o.span))
    return notes


def _legal_person_measures(measures: list[Obligation]) -> list[Obligation]:
    """The administrative measures that bind legal persons and carry a sanction."""
    v = vocabulary()
    return [o for o in measures if o.sanction is not None
            and any((v.entry("actors", h.name) or {}).get("legal-person") for h in o.holders)]


def _punishes_participation(o: Obligation, articles: tuple[str, ...]) -> bool:
    """Whether the measure's sanction attaches to taking part in an offence of these articles: it forbids a treaty act
    of one of their offences with their material. A duty of care, identification or labelling punished for its own
    breach is a compliance duty, whatever offences it helps to prevent."""
    from .spec import spec_for

    return any(_prohibited_acts(q, o) for article in articles for q in spec_for(article).requirements
               if q.kind is RequirementKind.OFFENCE)


def _criminal_form_by_rules(f: Finding, carriers: list[str], rules: list[Rule]) -> Finding:
    """Art. 18(2): criminal liability a legal-persons rule gives for an offence whose own text names no legal person
    (PRC art. 366 for arts. 363-365; `actors` says only who the provision's own words make liable) is the criminal
    form, cited by the rule, as a provision's own unit paragraph is by the provision."""
    by_rule = {pid: r for pid in carriers if pid not in f.met_by and (r := _liable_by_rule(pid, rules)) is not None}
    if not by_rule:
        return f
    here = next((r.jurisdiction.name for r in rules if r.jurisdiction is not None), None)
    # a rule that fines legal persons administratively (OWiG § 30) gives that form, not the criminal one
    notes = [Note(pid, _in_law(_t(f"Administrative liability is provided for legal persons for this offence under "
                                  f"{r.id} (one of the forms Art. 18(2) permits).",
                                  f"依照{r.id}，法人对该罪承担行政责任（属于第18条第2款允许的责任形式之一）。")
                               if administrative_rule(r) else
                               _t(f"Criminal liability is provided for legal persons for this offence under {r.id} "
                                  f"(one of the forms Art. 18(2) permits).",
                                  f"依照{r.id}，法人可以对该罪承担刑事责任（属于第18条第2款允许的责任形式之一）。"),
                               here), r.span)
             for pid, r in sorted(by_rule.items())]
    verdict = Verdict.OPTION_USED if f.verdict in (Verdict.NA, Verdict.OPTION_USED) else f.verdict
    kept = [n for n in f.notes if n.text != _NOT_TAKEN]
    return dataclasses.replace(f, verdict=verdict, met_by=sorted({*f.met_by, *by_rule}), notes=[*kept, *notes])


def _administrative_form(f: Finding, measures: list[Obligation], articles: tuple[str, ...],
                         by_rule: bool = False) -> Finding:
    """Art. 18(2): an administrative measure binding legal persons is the administrative form of their liability for
    participation in the offences of `articles` only where its sanction attaches to that participation (it forbids a
    treaty act with the material); it is cited with its source. A compliance duty punished for its own breach is
    listed as context only: it is neither that form nor an Art. 18(4) sanction; a set without either says so."""
    q = f.requirement
    assert q.administrative is not None
    binding = _legal_person_measures(measures)
    liable = [o for o in binding if _punishes_participation(o, articles)]
    duties = [o for o in binding if o not in liable]
    v = vocabulary()

    def holders(o: Obligation) -> tuple[str, str]:
        names = [str((v.entry("actors", h.name) or {}).get("en", h.name)) for h in o.holders]
        return (" and ".join(names) if len(names) < 3 else ", ".join(names[:-1]) + " and " + names[-1],
                "、".join(str((v.entry("actors", h.name) or {}).get("zh", h.name)) for h in o.holders))

    notes = []
    for o in liable:
        holders_en, holders_zh = holders(o)
        # the measure's own article, before any secondary source
        cited = o.sources[0] if o.sources and isinstance(o.sources[0], str) else o.id
        sanction = _sanction_words(o)
        notes.append(Note(o.id, _t(
            f"Administrative liability is provided for legal persons under this measure ({cited}): {holders_en} "
            f"bear its duty, and a breach is sanctioned by {sanction.en} (one of the forms Art. 18(2) permits); it "
            f"answers for the offences as far as the duty concerns them.",
            f"该措施（{cited}）规定了法人的行政责任：{holders_zh}承担其义务，违反的，{sanction.zh}"
            f"（属于第18条第2款允许的责任形式之一）；其仅在该义务涉及相关犯罪的范围内就该等犯罪承担责任。"), o.span))
    if not liable and not by_rule:  # a rule that fines legal persons administratively (OWiG § 30) is that form
        notes.append(Note("", q.administrative))
    for o in duties:  # the note's provision names the measure; its sanction says where the breach is punished
        holders_en, holders_zh = holders(o)
        sanction = _sanction_words(o)
        notes.append(Note(o.id, _t(
            f"An administrative measure imposing a preventive compliance duty on {holders_en}, its breach as such "
            f"sanctioned by {sanction.en}: it is neither liability for participation in the offences "
            f"(Art. 18(1)-(2)) nor a sanction under Art. 18(4), and is listed as context only.",
            f"属于对{holders_zh}的预防性合规义务（行政措施），违反的，{sanction.zh}，所罚为违反义务本身；"
            f"既非参与犯罪的责任（第18条第1款、第2款），亦非第18条第4款所称的制裁，仅列为背景。"), o.span, remark=True))
    if not liable:
        return dataclasses.replace(f, notes=[*f.notes, *notes])
    verdict = Verdict.OPTION_USED if f.verdict in (Verdict.NA, Verdict.OPTION_USED) else f.verdict
    notes = [n for n in f.notes if n.text != _NOT_TAKEN] + notes
    return dataclasses.replace(f, verdict=verdict, met_by=sorted({*f.met_by, *(o.id for o in liable)}), notes=notes)


# The kinds checked on every provision of the set; the others are judged on the provisions these find.
_READS_PROVISIONS = (RequirementKind.OFFENCE, RequirementKind.LEGAL_PERSONS)


def check(spec: Spec, provisions: Iterable[Provision], rules: Iterable[Rule] = (), *,
          general_part: bool = True, measures: Iterable[Obligation] = ()) -> Report:
    """All requirements of one article, checked against the set of provisions taken together, with the general-part
    rules (participation, attempt, legal persons) that extend them and the administrative measures (`obligation`
    documents) beside them. Without `general_part` (the set gives no part of its law's general part), what the
    general part decides is not read from the provisions' silence."""
    provs = sorted(provisions, key=lambda p: p.id)
    general = sorted(rules, key=lambda r: r.id)
    administrative = sorted(measures, key=lambda o: o.id)
    key = (packs.folders(), general_part, id(spec), *_named(provs), *_named(general), *_named(administrative))
    known = _CHECKED.get(key)
    if known is not None and all(map(_identical, known[0][1:], (provs, general, administrative))):
        return known[1]
    table = _Table(provs)
    verdicts = [_offence_of(q, provs, table) if q.kind is RequirementKind.OFFENCE
                else _legal_persons(q, provs, table, general, administrative)
                for q in spec.requirements if q.kind in _READS_PROVISIONS]
    # the offences legal persons answer for administratively (Art. 18(2)), for 18(3) and 18(4)
    offences_of = next((q.offences_of for q in spec.requirements if q.kind is RequirementKind.LEGAL_PERSONS), ())
    by_measure = liable_by_measure(offences_of, provs, general, administrative) if offences_of else {}
    # definitions, options and sanctions are judged on the provisions that carry the article's offences
    carriers = sorted({pid for v in verdicts for pid in v.met_by})
    carrying = set(carriers)
    excluded = sorted({n.provision for v in verdicts for n in v.notes if n.provision and n.provision not in carrying})
    by_id = {p.id: p for p in provs}
    done = {v.requirement.id: v for v in verdicts}
    for q in spec.requirements:
        if q.kind is RequirementKind.DEFINITION:
            # and on those outranked only for whom they protect: an offence limited to victims of one sex (women)
            # still defines the material, as another offence reaching everyone with a narrower object may not
            one_sex = {pid for v in verdicts for pid in v.carriers
                       if pid not in carrying and _sex_grade(q, by_id[pid], table[pid]) is not None}
            done[q.id] = _once(_definition, q, [by_id[i] for i in sorted({*carriers, *excluded, *one_sex})], table)
        elif q.kind is RequirementKind.OPTION:
            # an option narrowing offences is judged on the provisions that carry them, all of them
            if q.narrows is not None:
                mine = sorted({pid for o in q.narrows.offences if o in done for pid in done[o].met_by})
            elif q.excludes is not None:  # an exclusion any offence may state: outranked ones state it too
                mine = sorted({pid for o in q.excludes.offences if o in done for pid in done[o].carriers})
            else:
                mine = carriers
            done[q.id] = _once(_option, q, [by_id[i] for i in mine], table)
        elif q.kind is RequirementKind.SANCTIONS:
            done[q.id] = _sanctions(q, [by_id[i] for i in carriers], table, general, by_measure)
        elif q.kind is RequirementKind.NATURAL_PERSONS:
            done[q.id] = _natural_persons(q, provs, table, general, by_measure, general_part)
        elif q.kind is RequirementKind.PARTICIPATION:
            from .general_part import participation  # it checks the offences' articles with this function

            done[q.id] = participation(q, provs, general)
        elif q.kind not in _READS_PROVISIONS:
            done[q.id] = _manual(q)
            if q.minors_consent is not None:
                mine = sorted({pid for o in q.minors_consent.offences if o in done for pid in done[o].carriers})
                from .spec import spec_for

                acts = {a for o in q.minors_consent.offences if o in done for a in done[o].requirement.conduct}
                free = _consent_free(q.minors_consent, acts, provs, table, lambda article: check(
                    spec_for(article), provs, general, general_part=general_part, measures=administrative))
                if mine and all(_age_reach(by_id[i], table[i], (0, 18)) is None for i in mine):
                    done[q.id] = _adult_images(done[q.id], mine, free, table, by_id)
                    continue
                specific, denied = _minors_consent(q.minors_consent, [by_id[i] for i in mine], table, free, by_id)
                if specific:  # what the words do with a minor's consent, read: not the note that they cannot tell
                    done[q.id].notes = [n for n in done[q.id].notes if n.text is not q.explanation]
                done[q.id].notes += specific
                if denied and not any(n.question for n in specific):  # the statutes deny every minor's consent
                    done[q.id].verdict, done[q.id].met_by = Verdict.MET, denied
    for q in spec.requirements:
        checked = False  # a financing offence read as the offences it names, from the set checked without it
        if q.via_rules is not None and any(by_id[pid].finances for pid in done[q.id].met_by):
            done[q.id], checked = _financing_as_financed(q, done[q.id], spec, provs, general, general_part)
        if q.via_rules is not None and not checked:  # reached through participation in others (14(1)(d))
            from .general_part import through_rules

            done[q.id] = through_rules(q, done[q.id], done, general,
                                         provs[0].jurisdiction.name if provs and provs[0].jurisdiction else None,
                                         general_part)
        if q.incitement is not None:  # an act a general part may reach as incitement: a reviewer is asked
            from .general_part import through_incitement

            done[q.id] = through_incitement(q, done[q.id], done, general,
                                            provs[0].jurisdiction.name if provs and provs[0].jurisdiction else None)
        if q.kind is RequirementKind.OFFENCE and administrative:
            named = _administrative_notes(q, administrative)
            if named:
                done[q.id] = dataclasses.replace(done[q.id], notes=[*done[q.id].notes, *named])
        if q.administrative is not None:  # participation in the offences 18(1) reads
            done[q.id] = _criminal_form_by_rules(done[q.id], carriers, general)
            articles = next((r.offences_of for r in spec.requirements if r.kind is RequirementKind.LEGAL_PERSONS), ())
            by_rule = any(administrative_rule(r) for pid in carriers
                          if (r := _liable_by_rule(pid, general)) is not None)
            done[q.id] = _administrative_form(done[q.id], administrative, articles, by_rule)
    if not general_part:
        from .general_part import route_cannot_raise  # financing when no offence financed is there: still a gap

        done = {rid: f if route_cannot_raise(f.requirement, f, done) else _general_part_not_given(f)
                for rid, f in done.items()}
    verdicts = [done[q.id] for q in spec.requirements]
    risks = []
    for v in verdicts:
        if v.requirement.force is not Force.SHALL:
            continue
        for pid in v.met_by:
            for rule in spec.risks:
                if v.requirement.kind in rule.kinds and rule.when.holds(table[pid]):
                    p = by_id[pid]
                    risks.append(Risk(rule.id, rule.paragraph, pid, v.requirement.id, cite_text(_risk_reason(rule, p)),
                                      p.prosecution.span if p.prosecution else p.span))
    weighed = _weighed(spec, provs, general, general_part, verdicts, administrative)
    report = Report(spec, provs, [_cited(v) for v in _dated(spec, provs, general, general_part, weighed,
                                                            administrative)], risks)
    _CHECKED[key] = ((spec, provs, general, administrative), report)
    while len(_CHECKED) > _CHECKED_MOST:
        del _CHECKED[next(iter(_CHECKED))]
    return report


def _offence_of(q: Requirement, provs: list[Provision], table: dict[str, Facts]) -> Finding:
    """_offence, made once a run for a requirement and a set: it reads neither the general part nor the measures,
    so the set's check with them and Art. 18(1)'s check of the offences' articles without them share it."""
    return _once(_offence, q, provs, table)


def _once(judge: Callable[[Requirement, list[Provision], dict[str, Facts]], Finding], q: Requirement,
          provs: list[Provision], table: dict[str, Facts]) -> Finding:
    """`judge(q, provs, table)`, made once a run for a requirement and these very provisions (`judge` reads nothing
    else but their facts, which `table` makes from them alone)."""
    key = (packs.folders(), judge, id(q), *_named(provs))
    known = _OFFENCES.get(key)
    if known is not None and _identical(known[0][1], provs):
        return known[1]
    made = judge(q, provs, table)
    _OFFENCES[key] = ((q, provs), made)
    while len(_OFFENCES) > _OFFENCES_MOST:
        del _OFFENCES[next(iter(_OFFENCES))]
    return made


def _named(objects: Sequence[object]) -> tuple[int, int]:
    """A list of objects named by their identities in two numbers, for a key of _once or check; the list kept beside
    the result says which objects they were (_identical). A key of every identity cost 40 bytes a provision for each
    result kept."""
    return len(objects), hash(tuple(map(id, objects)))


def _identical(kept: Sequence[object], objects: Sequence[object]) -> bool:
    return len(kept) == len(objects) and all(map(operator.is_, kept, objects))


def _financing_as_financed(q: Requirement, finding: Finding, spec: Spec, provs: list[Provision],
                           general: list[Rule], general_part: bool) -> tuple[Finding, bool]:
    """An offence of financing the offences a provision names (`finances`: 资助他人实施……规定之罪的，依照各该条的规定
    处罚) reaches financing only as far as those offences reach the paragraphs financed (`via-rules` offences,
    14(1)(a)-(c)), thresholds and purposes included: it is met only where they are all met by the offences named,
    and otherwise counts no further than they do, beside what the rest of the set reaches (the second item: the
    finding is the set's without it, already read through the general part)."""
    assert q.via_rules is not None
    by_id = {p.id: p for p in provs}
    financing = [pid for pid in finding.met_by if by_id[pid].finances]
    best = Verdict.NOT_MET
    notes: list[Note] = []
    for pid in financing:
        named = {r.id for r in by_id[pid].finances}
        financed = [p for p in provs if not p.finances and (p.id in named or any(p.id.startswith(n + ".")
                                                                                  for n in named))]
        verdicts = {f.requirement.id: f.verdict for f in check(spec, financed, general).verdicts} if financed else {}
        grades = [verdicts.get(o, Verdict.NOT_MET) for o in q.via_rules.offences]
        grade = Verdict.MET if all(v.conforms for v in grades) else \
            Verdict.NOT_MET if all(v is Verdict.NOT_MET for v in grades) else Verdict.PARTLY_MET
        best = max(best, grade, key=lambda v: v.rank)
        if not grade.conforms:
            short = [spec_paragraph(spec, o) for o, v in zip(q.via_rules.offences, grades, strict=True)
                     if not v.conforms]
            notes.append(Note(pid, Text(
                en=f"It punishes financing only as the offences it names, which reach {', '.join(short)} only in "
                   f"part or not at all (their thresholds and purposes included): financing is reached only as far as "
                   f"they are.",
                zh=f"该条仅将资助行为作为其所列之罪处罚，而所列之罪对{'、'.join(short)}仅部分涵盖或者未予涵盖（其处罚门槛、"
                   f"目的要件同样适用）：资助行为仅在该范围内受到规制。"), by_id[pid].span))
    if best.conforms:
        return finding, False
    rest = [p for p in provs if p.id not in financing]
    without = next((f for f in check(spec, rest, general, general_part=general_part).verdicts
                    if f.requirement.id == q.id), None) if rest else None
    # a verdict the rest leaves to a reviewer (financing through a general part not given) is weighed again, with the
    # financing offence's own reach as its floor, by the route through the general part
    if without is not None and without.verdict is not Verdict.NOT_ASSESSED and without.verdict.rank >= best.rank:
        return dataclasses.replace(without, met_by=[*without.met_by, *financing], notes=[*without.notes, *notes],
                                   carriers=sorted({*without.carriers, *financing})), True
    return dataclasses.replace(finding, verdict=best, notes=[*finding.notes, *notes]), False


def spec_paragraph(spec: Spec, rid: str) -> str:
    """The paragraph a requirement of the spec sits in (14(1)(a)), as the reasons name it."""
    return next((r.paragraph for r in spec.requirements if r.id == rid), rid)


def provenance_rank(p: Provision | Rule | Obligation) -> tuple[int, bool]:
    """Where the document's text stands among the reference's labels (vocabulary `provenances`: 0 for verbatim text
    from an official site) and whether a verdict resting on it is flagged; a document that states none is taken as
    its text: verbatim, unflagged."""
    entry = (vocabulary().entry("provenances", p.provenance.name) or {}) if p.provenance is not None else {}
    return int(entry.get("rank", 0)), bool(entry.get("flag"))


def _element_label(p: Provision, element: str) -> Term | None:
    """The label a provision gives one element of its own (`provenance paraphrase for consent`), if any."""
    return next((e.label for e in p.element_provenances if element in {t.name for t in e.elements}), None)


def _flag_mark(p: Provision | Rule | Obligation, element: str | None = None) -> Text:
    """The provenance mark of what the document's text provides, as a sentence saying it carries it (English
    ` [R-memory]`, Chinese `[R-memory]`), where that provenance is flagged; nothing for text quoted verbatim. Of one
    `element`, the label the provision gives that element (`provenance paraphrase for consent`), else its own."""
    own = _element_label(p, element) if element is not None and isinstance(p, Provision) else None
    label = own or p.provenance
    entry = (vocabulary().entry("provenances", label.name) or {}) if label is not None else {}
    mark = f"[{entry.get('mark', label.name if label else '')}]" if entry.get("flag") else ""
    return _t(f" {mark}" if mark else "", mark)


def _weighed(spec: Spec, provs: list[Provision], general: list[Rule], general_part: bool,
             verdicts: list[Finding], measures: list[Obligation]) -> list[Finding]:
    """Each verdict with the weakest flagged provenance it rests on. The set is checked again without the provisions,
    general-part rules and administrative measures whose text is flagged, strongest label first: a verdict that stays
    the same rests on none of them; one that changes rests on the weakest label whose removal changes it (Brazil's
    art. 241-C, a recollection, carries its Art. 14 cells only if they change without it; Kenya's 18(1), met through a
    recalled clause of its Interpretation Act)."""
    documents: list[Provision | Rule | Obligation] = [*provs, *general, *measures]
    levels = sorted({rank for rank, flag in map(provenance_rank, documents) if flag})
    if not levels:
        return verdicts
    names = {provenance_rank(d)[0]: d.provenance.name for d in documents if d.provenance is not None}
    pending = {v.requirement.id: v.verdict for v in verdicts}
    rests: dict[str, str | None] = {}
    # a definition the set meets as well without the flagged provisions that carry it is carried by those that
    # remain too (South Africa's FPA s. 18F gives 16(2) 'beyond' without the recalled Cybercrimes Act s. 16): named
    also: dict[str, tuple[list[str], list[str]]] = {}
    # a verdict resting on one label that cites provisions of a weaker one, which it holds without (Ireland's 18(3),
    # the same without the recalled HHCROA s. 2 it cites, through the paraphrased s. 3): the provisions carrying it
    # without them, and those dropped
    without_weaker: dict[str, tuple[list[str], list[str]]] = {}
    for i, level in enumerate(levels):
        kept = [p for p in provs if provenance_rank(p)[0] < level]
        dropped = {p.id for p in provs if provenance_rank(p)[0] >= level}
        found = {v.requirement.id: v for v in check(
            spec, kept, [r for r in general if provenance_rank(r)[0] < level], general_part=general_part,
            measures=[o for o in measures if provenance_rank(o)[0] < level]).verdicts}
        for rid, verdict in list(pending.items()):
            if found[rid].verdict == verdict:
                rests[rid] = names[levels[i - 1]] if i else None
                del pending[rid]
                if not i and found[rid].requirement.kind is RequirementKind.DEFINITION:
                    also[rid] = (found[rid].met_by, sorted(dropped))
                elif i:
                    without_weaker[rid] = (found[rid].met_by, sorted(dropped))
    rests.update(dict.fromkeys(pending, names[levels[-1]]))

    @cache
    def without_general(name: str) -> dict[str, list[Rule | Obligation]]:
        """The requirements whose verdict changes without the rules and measures of this provenance, each with them."""
        weak = [d for d in [*general, *measures] if d.provenance is not None and d.provenance.name == name]
        if not weak:
            return {}
        found = {f.requirement.id: f.verdict for f in check(
            spec, provs, [r for r in general if r not in weak], general_part=general_part,
            measures=[o for o in measures if o not in weak]).verdicts}
        return {f.requirement.id: weak for f in verdicts if found[f.requirement.id] != f.verdict}

    by_doc = {d.id: d for d in documents}
    out = []
    for v in verdicts:
        extra, dropped_ids = also.get(v.requirement.id, ([], []))
        extra = [pid for pid in extra if pid not in v.met_by]
        gone = [pid for pid in v.met_by if pid in dropped_ids]
        if extra and gone and v.verdict.conforms:
            v = _carried_without(v, extra, gone, by_doc)
        # a verdict left to a reviewer asserts nothing the text could carry
        name = rests[v.requirement.id]
        if name and v.verdict is not Verdict.NOT_ASSESSED:
            weak = [d.id for d in documents if d.provenance is not None and d.provenance.name == name]
            carried = [i for i in weak if i in v.met_by]
            # the mark names text the verdict cites: where it cites only weaker text it holds without, the
            # provisions that carry it then are cited beside it
            found_by, dropped_ids = without_weaker.get(v.requirement.id, ([], []))
            extra = [pid for pid in found_by if pid not in v.met_by]
            gone = [pid for pid in v.met_by if pid in dropped_ids]
            if not carried and extra and gone and v.verdict.conforms:
                v = _carried_without(v, extra, gone, by_doc)
                carried = [i for i in weak if i in v.met_by]
            # the general-part rules and measures of that text the verdict would change without, named beside the
            # provisions: 18(1) met through a recalled clause rests on the clause as on the offences it reaches
            beside = [d.id for d in without_general(name).get(v.requirement.id, ()) if not carried
                      or not isinstance(d, Rule) or any(d.reaches_provision(pid) for pid in v.met_by)]
            v = dataclasses.replace(v, rests_on=name, resting=[*carried, *beside] if carried else beside or weak)
        out.append(_actors_told(v, by_doc))
    return out


# The requirements on legal persons, whose verdicts read who commits the offences (Art. 18(1)-(4))
_ON_LEGAL_PERSONS = (RequirementKind.LEGAL_PERSONS, RequirementKind.NATURAL_PERSONS, RequirementKind.SANCTIONS)


def _actors_told(v: Finding, by_doc: dict[str, Provision | Rule | Obligation]) -> Finding:
    """A verdict on legal persons resting on a provision whose actors have a label of their own (`provenance … for
    actors`) says how that element was obtained beside the provision's mark: New Zealand's FVPCA s. 124(2), recalled
    as a whole, names bodies corporate in words quoted verbatim; Ireland's HHCROA s. 3 has legal persons only by
    inference from a heading. The mark stays the provision's: the verdict also rests on what makes it an offence."""
    q = v.requirement
    if not v.rests_on or not (q.kind in _ON_LEGAL_PERSONS or q.administrative is not None):
        return v
    told: list[Note] = []
    v_ = vocabulary()
    for pid in v.resting:
        p = by_doc.get(pid)
        if not isinstance(p, Provision) or p.provenance is None:
            continue
        own = _element_label(p, "actors")
        if own is None or own.name == p.provenance.name:
            continue
        entry = v_.entry("provenances", own.name) or {}
        mark, whole = f"[{entry.get('mark', own.name)}]", _flag_mark(p).zh
        told.append(Note(pid, _t(
            f"Who commits it, legal persons among them, rests on {entry.get('en', own.name)} {mark}; the verdict still "
            f"rests on the rest of its text {whole} too, which makes it an offence of the articles checked.",
            f"该条的犯罪主体（包括法人）以{entry.get('zh', own.name)}为依据{mark}；"
            f"该结论同时以该条其余文本{whole}为依据，"
            "该条是否属于所审查条款规定的犯罪取决于该文本。"), p.span, remark=True))
    return dataclasses.replace(v, notes=[*v.notes, *told]) if told else v


def _carried_without(v: Finding, extra: list[str], gone: list[str],
                     by_id: dict[str, Provision | Rule | Obligation]) -> Finding:
    """The verdict cited with the provisions that give it without those of weaker text (`gone`), with a note; where
    the text of those that give it is flagged too (Ireland's HHCROA s. 3, a paraphrase), the note says so."""
    marks = [(pid, _flag_mark(by_id[pid])) for pid in extra if pid in by_id]
    marked = [f"{pid}{m.en}" for pid, m in marks if m.en]
    zh = "、".join(f"{pid}{m.zh}" for pid, m in marks if m.zh)
    also = _t(f" It rests instead on text that is itself marked: {_and(marked)}.",
              f"该结论转而依据本身亦有标注的文本：{zh}。") if marked else _t("", "")
    return dataclasses.replace(v, met_by=sorted({*v.met_by, *extra}), notes=[*v.notes, Note("", _t(
        f"{', '.join(extra)} {'gives' if len(extra) == 1 else 'give'} the same verdict without {', '.join(gone)}, "
        "whose text the reference gives only as a paraphrase or from recollection: the verdict does not rest on "
        f"that text.{also.en}",
        f"不计入{'、'.join(gone)}（参考文本仅以转述或者回忆给出其文本），{'、'.join(extra)}亦得出相同结论："
        f"该结论并不以该文本为依据。{also.zh}"))])


def _dated(spec: Spec, provs: list[Provision], general: list[Rule], general_part: bool,
           verdicts: list[Finding], measures: list[Obligation]) -> list[Finding]:
    """Each verdict with the provisions of an earlier version (`status outdated`) it rests on (France's art. 227-23,
    quoted as at 2013-2020): those that carry it, since an amendment may have widened or narrowed them, and, where the
    verdict changes without them all, all of them."""
    old = [p.id for p in provs if p.status is not None and p.status.name == "outdated"]
    if not old:
        return verdicts
    kept = [p for p in provs if p.id not in old]
    without = {v.requirement.id: v.verdict for v in check(spec, kept, general, general_part=general_part,
                                                          measures=measures).verdicts} if kept else {}
    out = []
    for v in verdicts:
        carrying = [i for i in old if i in v.met_by]
        if v.verdict is not Verdict.NOT_ASSESSED and (carrying or without.get(v.requirement.id) != v.verdict):
            v = dataclasses.replace(v, dated=carrying or old)  # a verdict left to a reviewer asserts nothing
        out.append(v)
    return out


def _cited(f: Finding) -> Finding:
    """The finding as its readers see it: a paper a spec's reason names by its file name is cited by authors and
    title, in every format (text, markdown, JSON, HTML, the atlas, the site)."""
    notes = [dataclasses.replace(n, text=cited) if (cited := cite_text(n.text)) is not n.text else n for n in f.notes]
    return f if all(a is b for a, b in zip(notes, f.notes, strict=True)) else dataclasses.replace(f, notes=notes)


# The last reports made, by the packs in use, whether the general part is read, and the identity of the spec,
# provisions and rules they read (each kept alive with its entry, so no other object takes its id): participation
# (Art. 19) and a route through it (14(1)(d)) check the offences' articles of the very set the caller checks, which
# was most of a set's check time.
_CHECKED: dict[tuple[object, ...], tuple[object, Report]] = {}
_CHECKED_MOST = 16
# The findings of offences, definitions and options made last (_once), by the packs in use, the judge, and the
# identity of the requirement and the provisions they read (each kept alive with its entry): Art. 18(1) checks the
# offences' articles of the set its caller checks, without the general part or the measures, which change none of
# them.
_OFFENCES: dict[tuple[object, ...], tuple[object, Finding]] = {}
_OFFENCES_MOST = 64
