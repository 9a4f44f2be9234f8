"""Single-element widenings and narrowings of the bundled drafts, over every field of the syntax tree, and the
mutation score: the share of the weakenings the treaty reads that the check detects.

Run from the repository root: `python bench/mutation.py` (bench/run.py prints the same score). A weakening is
detected when some requirement's verdict is lower or its offence reaches fewer of the treaty's acts; a changed
reason alone does not count. In the bundled drafts most requirements are already partly met, so a weakening often
has no verdict left to lower; the conforming corpus (bench/conforming, `--conforming`) has two offences that meet
Arts. 14 and 16 in full, and there every narrowing is scored per element kind (tests/test_mutation_score.py keeps
the kinds that are all detected so). Beside it, the same corpus with its possession offence split into one with a
purpose of dissemination and one with none, which makes the purpose up: there every narrowing of the second is
scored as `purpose made up`, detected when the check no longer says the purpose leaves nothing out or a verdict
falls. tests/test_monotone.py runs the generators: widening never lowers a verdict, narrowing never raises one, and
a change to a field that bears on no treaty element changes none.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import typing
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import UnionType

from lexdraft.language import ast as A
from lexdraft.language.vocabulary import vocabulary
from lexdraft.pipeline import by_jurisdiction, load
from lexdraft.treaty.conformance import Finding, Report, check
from lexdraft.treaty.facts import facts_of
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Grade, RequirementKind, Verdict

ROOT = Path(__file__).resolve().parent.parent
# The bundled sets the closing note of issue 13 reads: each is checked as `lexdraft check` checks it.
SETS = ("drafts/prc/in-force", "drafts/prc", "drafts/tw/in-force")
ARTICLES = ("uncc.14", "uncc.16", "uncc.18")

# How each field of the tree bears on what an offence reaches. Every field of every node below Provision is
# named here (tests/test_monotone.py fails on one that is not, so a new element is classified when it is added):
#   alternatives  a list of terms any one of which suffices: one more widens, one fewer narrows
#   all-or-list   as alternatives, but the empty list means every one (recipients; actors: every natural person,
#                 legal persons left to the general part, so an actors change is judged by _actors_direction)
#   limit         an element that, present, narrows: leaving it out widens, putting it in narrows
#   limits        a list of such elements (object attributes, defences, excluded means)
#   ordered       a term or operator whose values are ordered from narrow to wide (ORDERS)
#   threshold     a number that, raised, narrows (a base tier's threshold)
#   bound-acts    the acts a base tier's condition binds: the empty list binds every act, so leaving it out narrows
#                 and dropping one act of several widens
#   defence-acts  the acts a defence is confined to (`exception KIND for ACTS`): the empty list is every act, so
#                 leaving it out narrows the offence and dropping one act of several widens it
#   neutral       bears on no treaty element the check reads: any change leaves every verdict as it was
#   identity      what names or groups the node, not what it reaches: never mutated
Kind = str
FIELDS: dict[tuple[str, str], Kind] = {
    ("Provision", "id"): "identity",
    ("Provision", "jurisdiction"): "identity",
    ("Provision", "status"): "neutral",
    ("Provision", "instrument"): "neutral",
    ("Provision", "chapter"): "neutral",
    ("Provision", "title"): "neutral",
    ("Provision", "sources"): "neutral",
    ("Provision", "implements"): "neutral",
    ("Provision", "protects"): "neutral",
    # "without right" (非法 / unlawfully) is the treaty's own limit: stating it narrows nothing the treaty asks for
    ("Provision", "wrongfulness"): "neutral",
    ("Provision", "actors"): "all-or-list",
    ("Provision", "mental"): "identity",  # its kind and degree are ordered below
    ("Provision", "as_to"): "limits",  # a mental element of its own for one element: one more narrows
    ("Provision", "recipients"): "all-or-list",  # to whom the conduct is directed; none named limits nothing
    ("Provision", "purpose"): "limit",
    ("Provision", "conduct"): "alternatives",
    # the offences it finances are ids of the set, not terms: no bundled provision in force states any
    ("Provision", "finances"): "identity",
    ("Provision", "means"): "limit",
    ("Provision", "object"): "identity",  # the kind of material decides the article; its attributes are limits
    ("Provision", "consent"): "ordered",
    # who gives a minor's consent: what Art. 16(4)'s note tells a reviewer, never a verdict (16(4) is not-assessed)
    ("Provision", "consent_minors"): "neutral",
    # the age under which the statute says no consent counts: a higher age denies more persons' consent effect, so
    # the offence reaches more (Art. 16(4) met where it is 18 or over)
    ("Provision", "consent_below_age"): "ordered",
    ("Provision", "harm"): "limit",
    ("Provision", "duty"): "identity",
    ("Provision", "tiers"): "identity",  # a base tier's requirement and threshold are limits, below
    ("Provision", "exceptions"): "limits",
    ("Provision", "prosecution"): "neutral",  # a risk to Art. 21(1), never a verdict
    ("Provision", "penalties"): "neutral",
    ("Provision", "text"): "neutral",
    ("Provision", "translation"): "neutral",
    ("Provision", "text_of"): "neutral",
    ("Provision", "translations"): "neutral",
    ("Provision", "version"): "neutral",
    ("Provision", "explanation"): "neutral",  # why an amendment changes the article: the drafters' words
    ("Provision", "provenance"): "neutral",  # how its text was obtained: it marks a verdict, never changes it
    ("Provision", "element_provenances"): "neutral",  # an element's own label: it marks a sentence, never a verdict
    ("ElementProvenance", "label"): "neutral",
    ("ElementProvenance", "elements"): "neutral",
    ("Translation", "lang"): "identity",
    ("Translation", "status"): "identity",
    ("Version", "as_at"): "identity",
    ("Version", "amended_by"): "identity",
    ("Version", "zh"): "identity",
    ("Version", "inserted"): "identity",
    ("Term", "name"): "identity",
    ("Term", "section"): "identity",
    ("Ref", "id"): "identity",
    ("Text", "zh"): "identity",
    ("Text", "en"): "identity",
    ("Text", "zh_hant"): "identity",
    ("Text", "other"): "identity",
    ("Text", "places"): "identity",  # where each language's words stand in the file
    ("Instrument", "kind"): "identity",
    ("Instrument", "target"): "identity",
    ("Instrument", "inserts"): "identity",
    ("Instrument", "after"): "identity",
    ("Instrument", "replaces"): "identity",
    ("Instrument", "adds_to"): "identity",
    ("Instrument", "paragraph"): "identity",
    ("Protects", "primary"): "identity",
    ("Protects", "secondary"): "identity",
    ("Mental", "kind"): "ordered",
    ("Mental", "degree"): "ordered",
    ("Mental", "rebuttal"): "neutral",
    ("AsTo", "element"): "identity",
    ("AsTo", "states"): "identity",  # each state of mind is ordered as a Mental's kind and degree are
    ("Purpose", "purposes"): "alternatives",
    ("Purpose", "evidence"): "neutral",
    ("Means", "means"): "alternatives",
    ("Means", "excluding"): "limits",
    ("ObjectSpec", "kind"): "identity",
    ("ObjectSpec", "attrs"): "limits",
    ("ObjectSpec", "called"): "neutral",  # the statute's own word for its object, for composed titles
    ("ObjectAttr", "name"): "identity",
    ("ObjectAttr", "values"): "alternatives",  # all-of (cumulative) attributes read the other way
    ("ObjectAttr", "cumulative"): "ordered",
    ("Tier", "name"): "identity",
    ("Tier", "requires"): "limit",  # of the base tier; a higher tier's circumstances are neutral
    ("Tier", "condition"): "limit",
    ("Tier", "per"): "neutral",
    ("Tier", "acts"): "bound-acts",
    ("Condition", "mode"): "identity",
    ("Condition", "items"): "identity",
    ("Threshold", "measure"): "identity",
    ("Threshold", "op"): "ordered",
    ("Threshold", "amount"): "threshold",
    ("Threshold", "unit"): "identity",
    ("Threshold", "channel"): "limit",
    ("Exception_", "kind"): "identity",
    ("Exception_", "conditions"): "limits-of-a-defence",
    ("Exception_", "burden"): "neutral",  # who proves a defence is reported, not read as a verdict
    ("Exception_", "acts"): "defence-acts",
    ("Prosecution", "kind"): "neutral",
    ("Prosecution", "exceptions"): "neutral",
    ("Duty", "name"): "identity",
    ("Duty", "under"): "neutral",
    ("Duty", "precondition"): "limit",
    ("Duty", "breaches"): "neutral",
    ("Sentence", "tier"): "identity",
    ("Sentence", "principals"): "neutral",
    ("Sentence", "fine"): "neutral",
    ("Sentence", "increase"): "neutral",
    ("Principal", "kind"): "neutral",
    ("Principal", "low"): "neutral",
    ("Principal", "high"): "neutral",
    ("Duration", "amount"): "neutral",
    ("Duration", "unit"): "neutral",
    ("Fine", "mode"): "neutral",
    ("Fine", "cap"): "neutral",
    ("Fine", "floor"): "neutral",
    ("Fine", "unit"): "neutral",
    ("Fine", "or_also"): "neutral",
    ("Fine", "and_also"): "neutral",  # a penalty beside the fine (forfeiture): the checker reads no penalty
}

# Narrow to wide. None stands for silence, which limits nothing.
ORDERS: dict[tuple[str, str], tuple[object, ...]] = {
    ("Provision", "consent"): ("absent", None),  # `irrelevant` says what silence says
    ("Provision", "consent_below_age"): (None, 16, 18),  # no person's consent denied, those under 16, every minor's
    ("Mental", "kind"): ("knowledge", "intent"),
    ("Mental", "degree"): ("direct", None),  # of intent; `actual` of knowledge, below
    ("ObjectAttr", "cumulative"): (True, False),
    ("Threshold", "op"): (A.ComparisonOp.GT, A.ComparisonOp.GE),
}
DEGREE_ORDERS = {"intent": ("direct", None), "knowledge": ("actual", None)}

# The vocabulary list each optional term or term list is drawn from when a mutation adds one.
SECTIONS = {("Provision", "actors"): "actors", ("Provision", "harm"): "harms",
            ("Duty", "precondition"): "preconditions", ("Threshold", "channel"): "channels",
            ("Tier", "requires"): "circumstances",
            ("Means", "excluding"): "means", ("Exception_", "conditions"): "exception-conditions",
            ("Provision", "exceptions"): "exceptions", ("Provision", "purpose"): "purposes",
            ("Provision", "means"): "means", ("Provision", "recipients"): "recipients"}


# ------------------------------------------------------------------ the tree's fields, found generically

def _node_types(hint: object) -> Iterator[type[A.Node]]:
    """The node classes a field's type admits (through unions, tuples and optionals)."""
    if isinstance(hint, type) and issubclass(hint, A.Node):
        yield hint
    for arg in typing.get_args(hint) if (typing.get_origin(hint) or isinstance(hint, UnionType)) else ():
        yield from _node_types(arg)


def field_inventory(root: type[A.Node] = A.Provision) -> list[tuple[str, str]]:
    """Every (class, field) of the tree below `root`, the span aside, found from the classes' type hints."""
    seen: set[type[A.Node]] = set()
    out: list[tuple[str, str]] = []
    todo = [root]
    while todo:
        cls = todo.pop()
        if cls in seen:
            continue
        seen.add(cls)
        hints = typing.get_type_hints(cls, {**vars(A), **vars(sys.modules[cls.__module__])})
        for f in dataclasses.fields(cls):
            if f.name == "span":
                continue
            out.append((cls.__name__, f.name))
            todo.extend(_node_types(hints[f.name]))
    return sorted(set(out))


# ------------------------------------------------------------------ mutations

@dataclass(frozen=True)
class Mutation:
    provision: str
    what: str  # e.g. "conduct: drop possess"
    kind: Kind
    direction: str  # wider, narrower, neutral or mixed
    result: A.Provision


def _terms(section: str, present: Iterable[str] = ()) -> list[str]:
    have = set(present)
    return [t for t in vocabulary().section(section) if t not in have]


def _default(cls: type[A.Node], name: str) -> object:
    f = next(f for f in dataclasses.fields(cls) if f.name == name)
    return f.default if f.default is not dataclasses.MISSING else f.default_factory()  # type: ignore[misc]


def _ordered(key: tuple[str, str], node: A.Node, value: object) -> tuple[object, ...]:
    if key == ("Mental", "degree"):
        return DEGREE_ORDERS.get(node.kind.name, ())  # type: ignore[attr-defined]
    return ORDERS[key]


def _term_value(value: object) -> object:
    return value.name if isinstance(value, A.Term) else value


def _as_field(key: tuple[str, str], node: A.Node, value: object) -> object:
    """An order's value as the field holds it."""
    if value is None or isinstance(value, (bool, int, A.ComparisonOp)):
        return value
    section = {("Provision", "consent"): "consent", ("Mental", "kind"): "mental",
               ("Mental", "degree"): "mental-degrees"}[key]
    return A.Term(str(value), section)


def _new_limit(key: tuple[str, str]) -> Iterator[tuple[str, object]]:
    """The elements a narrowing may put where the draft is silent."""
    section = SECTIONS.get(key)
    if key == ("Provision", "purpose"):
        yield from ((t, A.Purpose((A.Term(t, "purposes"),))) for t in _terms("purposes"))
    elif key == ("Provision", "means"):
        yield from ((t, A.Means((A.Term(t, "means"),))) for t in _terms("means") if t != "any-means")
    elif section is not None and key != ("Tier", "requires"):
        yield from ((t, A.Term(t, section)) for t in _terms(section))
    elif key == ("Tier", "requires"):
        yield "serious-circumstances", A.Term("serious-circumstances", "circumstances")


def _new_in_list(key: tuple[str, str], node: A.Node, present: tuple[object, ...]) -> Iterator[tuple[str, object]]:
    """What a narrowing may add to a list of limits."""
    if key == ("ObjectSpec", "attrs"):
        have = {a.name.name for a in present}  # type: ignore[attr-defined]
        for name in vocabulary().section("object-attributes"):
            if name in have:
                continue
            for value in _terms(f"object-attributes.{name}"):
                if name == "person" and value == "any-person":
                    continue  # silence already says any person
                if _scope(f"object-attributes.{name}", value):
                    continue  # a test's scope without the test is no draft (E223)
                yield f"{name} {value}", A.ObjectAttr(A.Term(name, "object-attributes"),
                                                     (A.Term(value, f"object-attributes.{name}"),))
    elif key == ("Provision", "as_to"):
        return  # a per-element mental state is dropped (wider), never made up: which elements a statute names varies
    elif key == ("Provision", "exceptions"):
        have = {e.kind.name for e in present}  # type: ignore[attr-defined]
        yield from ((t, A.Exception_(A.Term(t, "exceptions"))) for t in _terms("exceptions", have))
    else:
        section = SECTIONS[key]
        yield from ((t, A.Term(t, section)) for t in _terms(section, (_term_value(x) for x in present)))


def _label(x: object) -> str:
    if isinstance(x, A.Term):
        return x.name
    if isinstance(x, A.ObjectAttr):
        return f"{x.name.name} {', '.join(v.name for v in x.values)}"
    if isinstance(x, A.Exception_):
        return x.kind.name
    return type(x).__name__ if isinstance(x, A.Node) else str(x)


def _name(node: A.Node, i: int) -> str:
    """A list item as a path names it: by its name or kind where it has one (attrs[person], tiers[base])."""
    for attr in ("name", "kind", "tier"):
        term = getattr(node, attr, None)
        if isinstance(term, A.Term):
            return term.name
    return str(i)


def _scope(section: str, term: str) -> bool:
    """A term that says where a test applies (`scope`: a virtual test sparing material depicting an existing person),
    not a condition: adding it widens the offence whichever way the test's conditions are joined."""
    return bool((vocabulary().entry(section, term) or {}).get("scope"))


def _age_replacements(term: str, present: set[str]) -> Iterator[tuple[str, str]]:
    """The age bands a person term may be replaced by, each narrower or wider by age alone (`minor` -> `child-under-16`
    narrows, -> `any-person` widens): a band that overlaps it only in part, or a term of one sex (`woman`, narrower by
    sex, maybe wider by age), is no one-way change."""
    section = "object-attributes.person"

    def ages(t: str) -> tuple[int, float, bool]:
        entry = vocabulary().entry(section, t) or {}
        lo, hi = entry.get("ages") or (0, None)
        return lo, float("inf") if hi is None else hi, bool(entry.get("sex"))

    lo, hi, one_sex = ages(term)
    if one_sex:
        return
    for other in vocabulary().section(section):
        a, b, sex = ages(other)
        if other in present or sex or (a, b) == (lo, hi):
            continue
        if lo <= a and b <= hi:
            yield other, "narrower"
        elif a <= lo and hi <= b:
            yield other, "wider"


def _kind_here(cls: str, name: str, node: A.Node, base_tier: bool) -> Kind:
    kind = FIELDS.get((cls, name), "unclassified")  # tests/test_monotone.py names it; not mutated meanwhile
    if cls == "Tier" and name in ("requires", "condition", "acts") and not base_tier:
        return "neutral"  # a higher tier's circumstances aggravate; they narrow nothing
    if cls == "Threshold" and not base_tier:
        return "neutral"
    if cls == "ObjectAttr" and name == "values" and node.cumulative and len(node.values) > 1:  # type: ignore[attr-defined]
        return "all-of"  # every value must hold: one more narrows
    if cls == "ObjectAttr" and name == "cumulative" and len(node.values) < 2:  # type: ignore[attr-defined]
        return "identity"  # one value is the same whichever way it is joined
    return kind


def _field_changes(node: A.Node, path: str, base_tier: bool = False) -> Iterator[tuple[str, Kind, str, A.Node]]:
    """(what, kind, direction, the node changed) for every single-element change of `node` or a node below it."""
    cls = type(node).__name__
    for f in dataclasses.fields(node):
        if f.name == "span":
            continue
        key = (cls, f.name)
        value = getattr(node, f.name)
        here = f"{path}{f.name}"
        kind = _kind_here(cls, f.name, node, base_tier)

        def put(new: object, _name: str = f.name) -> A.Node:
            return dataclasses.replace(node, **{_name: new})  # type: ignore[arg-type]

        if kind == "neutral":
            default = _default(type(node), f.name)
            if value != default:
                yield f"{here}: left out", kind, "neutral", put(default)
            continue
        if kind in ("alternatives", "all-or-list", "all-of"):
            section = value[0].section if value else SECTIONS[key]
            wider, narrower = ("narrower", "wider") if kind == "all-of" else ("wider", "narrower")
            if kind == "all-or-list" and value:
                yield f"{here}: left out (any)", kind, "wider", put(())
            if value or kind != "all-or-list":
                for t in _terms(section, (v.name for v in value)):
                    if (cls, f.name) == ("Means", "means") and t == "any-means" and kind != "all-of":
                        continue  # `any-means` beside others is the same list said twice
                    yield f"{here}: add {t}", kind, "wider" if _scope(section, t) else wider, \
                        put((*value, A.Term(t, section)))
            if len(value) > 1:
                for i, t in enumerate(value):
                    yield f"{here}: drop {t.name}", kind, "narrower" if _scope(section, t.name) else narrower, \
                        put(value[:i] + value[i + 1:])
            elif kind == "all-or-list" and not value:
                for t in _terms(section):
                    yield f"{here}: only {t}", kind, "narrower", put((A.Term(t, section),))
            if key == ("ObjectAttr", "values") and kind == "alternatives" and node.name.name == "person":  # type: ignore[attr-defined]
                for i, t in enumerate(value):
                    for other, direction in _age_replacements(t.name, {v.name for v in value}):
                        yield f"{here}: {t.name} -> {other}", kind, direction, \
                            put(value[:i] + (A.Term(other, section),) + value[i + 1:])
        elif kind == "limit":
            if value is not None:
                yield f"{here}: left out", kind, "wider", put(None)
            else:
                for label, new in _new_limit(key):
                    yield f"{here}: add {label}", kind, "narrower", put(new)
        elif kind in ("limits", "limits-of-a-defence"):
            # a defence's conditions narrow the defence, and so widen the offence
            wider, narrower = ("narrower", "wider") if kind == "limits-of-a-defence" else ("wider", "narrower")
            for i, x in enumerate(value):
                yield f"{here}: drop {_label(x)}", kind, wider, put(value[:i] + value[i + 1:])
            for label, new in _new_in_list(key, node, value):
                yield f"{here}: add {label}", kind, narrower, put((*value, new))
        elif kind == "ordered":
            order = _ordered(key, node, value)
            current = _term_value(value)
            if current in order:
                at = order.index(current)
                if at + 1 < len(order):
                    yield f"{here}: {current} -> {order[at + 1]}", kind, "wider", put(_as_field(key, node,
                                                                                                  order[at + 1]))
                if at > 0:
                    yield f"{here}: {current} -> {order[at - 1]}", kind, "narrower", put(_as_field(key, node,
                                                                                                     order[at - 1]))
        elif kind == "bound-acts" and value and (node.requires is not None  # type: ignore[attr-defined]
                                                 or node.condition is not None):  # type: ignore[attr-defined]
            yield f"{here}: left out (every act)", kind, "narrower", put(())
            if len(value) > 1:
                for i, t in enumerate(value):
                    yield f"{here}: drop {t.name}", kind, "wider", put(value[:i] + value[i + 1:])
        elif kind == "defence-acts" and value:
            yield f"{here}: left out (every act)", kind, "narrower", put(())
            for i, t in enumerate(value if len(value) > 1 else ()):
                yield f"{here}: drop {t.name}", kind, "wider", put(value[:i] + value[i + 1:])
        elif kind == "threshold":
            op = node.op  # type: ignore[attr-defined]
            if op in (A.ComparisonOp.GE, A.ComparisonOp.GT):
                yield f"{here}: raised to {value * 2}", kind, "narrower", put(value * 2)
                if value > 1:
                    yield f"{here}: lowered to {value // 2}", kind, "wider", put(value // 2)
        # identity: not mutated itself; the nodes below it are
        children = value if isinstance(value, tuple) else (value,)
        for i, child in enumerate(children):
            if not isinstance(child, A.Node) or isinstance(child, (A.Term, A.Ref, A.Text)):
                continue
            base = base_tier or (isinstance(child, A.Tier) and child.name.name == "base")
            label = f"{here}[{_name(child, i)}]." if isinstance(value, tuple) else f"{here}."
            for what, k, direction, new_child in _field_changes(child, label, base):
                new_value = children[:i] + (new_child,) + children[i + 1:] if isinstance(value, tuple) \
                    else new_child
                yield what, k, direction, put(new_value)


def mutations(p: A.Provision) -> list[Mutation]:
    """Every single-element change of one provision, each marked wider, narrower or neutral (or mixed: an actors list
    that gains natural persons and loses legal persons, which neither direction describes)."""
    return [Mutation(p.id, what, kind, _actors_direction(p, new) if what.startswith("actors:") else direction,
                     new)  # type: ignore[arg-type]
            for what, kind, direction, new in _field_changes(p, "")]


def _actors_direction(old: A.Provision, new: A.Node) -> str:
    """Who may commit the offence, read on two scales: the natural persons (every one where the list names none or
    `natural-person`, adults where it names `adult`) and the legal persons, whom only a term the vocabulary marks
    `legal-person` makes liable (silence leaves them to the general part)."""
    def scales(p: A.Node) -> tuple[int, int]:
        names = {t.name for t in p.actors}  # type: ignore[attr-defined]
        natural = 2 if not names or "natural-person" in names else 1 if "adult" in names else 0
        legal = int(any((vocabulary().entry("actors", n) or {}).get("legal-person") for n in names))
        return natural, legal

    (n0, l0), (n1, l1) = scales(old), scales(new)
    if (n1, l1) == (n0, l0):
        return "neutral"
    if n1 >= n0 and l1 >= l0:
        return "wider"
    return "narrower" if n1 <= n0 and l1 <= l0 else "mixed"


# ------------------------------------------------------------------ reading the check

@dataclass(frozen=True)
class DraftSet:
    """One jurisdiction's provisions with its general-part rules, checked as `lexdraft check` checks them."""

    name: str
    provisions: tuple[A.Provision, ...]
    rules: tuple[A.Rule, ...]


# The atlas: the provisions in force of eight more jurisdictions, whose elements the bundled sets lack in places
# (recipients: France only).
ATLAS = tuple(f"drafts/{code}/in-force" for code in ("fr", "sg", "ph", "za", "nz", "ie", "in", "br"))


def bundled_sets(root: Path = ROOT, folders: tuple[str, ...] = SETS) -> list[DraftSet]:
    out = []
    for folder in folders:
        drafts = load([str(root / folder)])
        for jurisdiction, provisions in by_jurisdiction(drafts.provisions).items():
            rules = tuple(r for r in drafts.rules if r.jurisdiction and r.jurisdiction.name == jurisdiction)
            out.append(DraftSet(f"{folder} ({jurisdiction})", tuple(provisions), rules))
    return out


def reports(provisions: Iterable[A.Provision], rules: Iterable[A.Rule]) -> list[Report]:
    provisions, rules = list(provisions), list(rules)
    # as the pipeline checks a set: one that gives no general part leaves to a reviewer what only it decides
    return [check(spec_for(a), provisions, rules, general_part=bool(rules)) for a in ARTICLES]


def _findings(rs: list[Report]) -> dict[str, Finding]:
    return {v.requirement.id: v for r in rs for v in r.verdicts}


def lowered(before: list[Report], after: list[Report]) -> list[str]:
    """The requirements whose verdict fell, or whose offence reaches fewer treaty acts, with how."""
    old, new = _findings(before), _findings(after)
    out = []
    for rid, b in old.items():
        a = new[rid]
        lost = [x for x in b.reached if x not in a.reached]
        (b_low, b_high), (a_low, a_high) = _bounds(b), _bounds(a)
        if a_low < b_low or a_high < b_high:
            out.append(f"{rid} {b.verdict} -> {a.verdict}")
        elif lost:
            out.append(f"{rid} no longer reaches {', '.join(lost)}")
    return out


def _bounds(f: Finding) -> tuple[int, int]:
    """The ranks a verdict may have: one, or for a finding a reviewer decides between two verdicts the check knows
    (financing through a general part the set does not give), the range: settling it within the range is no fall."""
    if f.between is not None:
        return f.between[0].rank, f.between[1].rank
    return f.verdict.rank, f.verdict.rank


def changed(before: list[Report], after: list[Report]) -> list[str]:
    """The requirements whose verdict or treaty acts changed at all."""
    old, new = _findings(before), _findings(after)
    return [f"{rid} {b.verdict} -> {new[rid].verdict}" for rid, b in old.items()
            if new[rid].verdict is not b.verdict or set(new[rid].reached) != set(b.reached)]


def replaced(s: DraftSet, m: Mutation) -> list[A.Provision]:
    return [m.result if p.id == m.provision else p for p in s.provisions]


# ------------------------------------------------------------------ the mutation score

# The weakenings the treaty reads (issue 13): what a drafter could do to an offence that Arts. 14, 16 and 18 must
# notice. A defence added, an excluded means or who may commit the offence are judged otherwise (a defence narrower
# than "without right" is no gap), so they are left to the property tests.
CLASSES = ("drop a conduct", "add a limit", "add a purpose", "raise a threshold", "restrict the age",
           "narrow the mental element")


def weakening_class(m: Mutation) -> str | None:
    """Which of the issue's weakenings a narrowing is, or None when it is none of them."""
    if m.direction != "narrower":
        return None
    field, _, change = m.what.partition(": ")
    if field == "conduct":
        return "drop a conduct"
    if field.startswith("mental."):
        return "narrow the mental element"
    if field.startswith("purpose"):
        return "add a purpose"
    if field.startswith("tiers["):
        return "raise a threshold"
    if field == "object.attrs" and change.startswith("add person ") or field.startswith("object.attrs[person]"):
        return "restrict the age"
    if field.startswith(("object.", "means", "harm", "consent", "duty.precondition")) \
            and not field.startswith("means.excluding"):
        return "add a limit"
    return None


def carriers(rs: list[Report]) -> set[str]:
    """The provisions that carry some offence of the articles checked: the ones whose elements the treaty reads."""
    return {pid for r in rs for v in r.verdicts if v.requirement.kind is RequirementKind.OFFENCE for pid in v.met_by}


@dataclass(frozen=True)
class Outcome:
    set: str
    mutation: Mutation
    weakening: str
    detected: list[str]
    why: str  # for a survivor: why the check shows no loss


def _notes(rs: list[Report]) -> dict[str, list[str]]:
    return {v.requirement.id: sorted(n.text.en or "" for n in v.notes) for r in rs for v in r.verdicts}


def _survivor_reason(s: DraftSet, m: Mutation) -> str:
    """Why a weakening shows in no verdict: it makes no legal difference (`equivalent`); another provision carries
    what it lost; the check reads it (a reason is added) but the requirement was already partly met or not met; or
    the check does not read it at all."""
    original = next(p for p in s.provisions if p.id == m.provision)
    same = equivalent(m, original)
    if same:
        return f"no legal difference: {same}"
    alone_before = reports([original], s.rules)
    alone_after = reports([m.result], s.rules)
    if lowered(alone_before, alone_after):
        return "masked by the set: another provision carries what it loses"
    old, new = _notes(alone_before), _notes(alone_after)
    read = sorted(rid for rid in old if old[rid] != new[rid])
    if read:
        return f"read, no lower verdict: {', '.join(read)} already partly met or not met on other grounds"
    old_facts, new_facts = facts_of(original), facts_of(m.result)
    if m.what.startswith("tiers[") and old_facts.base_threshold:
        return ("read, no lower verdict: a base tier's threshold already counts the offence only in part, whatever "
                "its height, operator or channel")
    kind = original.object.kind.name if original.object else None
    if m.what.startswith("object.") and kind and not _treaty_kind(kind):
        entry = vocabulary().entry("objects", kind) or {}
        if entry.get("against-the-person") or not entry.get("of-persons"):
            return (f"bears on nothing the treaty reads: the object ({kind}) is no material showing a person, so what "
                    "it depicts, its medium, origin or standard define nothing of Arts. 14(2) and 16(2)")
        return (f"already partly met by its kind: the check counts an object of this kind ({kind}) only in part, for "
                "a reason of its own, whatever its attributes")
    moved = [f.name for f in dataclasses.fields(old_facts) if getattr(old_facts, f.name) != getattr(new_facts, f.name)]
    if not moved:
        return "not read: the facts the check reads of the provision are the same"
    return f"not read: the facts change ({', '.join(moved)}) but no requirement tests them for this provision"


def score(sets: list[DraftSet] | None = None) -> list[Outcome]:
    """Every weakening of every provision that carries a requirement, and whether the check detects it."""
    out = []
    for s in sets if sets is not None else bundled_sets():
        before = reports(s.provisions, s.rules)
        read = carriers(before)
        for p in s.provisions:
            if p.id not in read:
                continue
            for m in mutations(p):
                weakening = weakening_class(m)
                if weakening is None:
                    continue
                detected = lowered(before, reports(replaced(s, m), s.rules))
                out.append(Outcome(s.name, m, weakening, detected, "" if detected else _survivor_reason(s, m)))
    return out


def summary(outcomes: list[Outcome]) -> str:
    """The score, per kind of weakening, and every survivor with why it survived."""
    def share(group: list[Outcome]) -> str:
        found = sum(1 for o in group if o.detected)
        return f"{found} of {len(group)} ({100 * found / max(len(group), 1):.1f} %)"

    headline = (f"mutation score: {share(outcomes)} single-element weakenings of the bundled drafts detected as a "
                "lower verdict or fewer treaty acts reached")
    lines = [headline]
    for c in CLASSES:
        group = [o for o in outcomes if o.weakening == c]
        if group:
            lines.append(f"  {c:28} {share(group)}")
    survivors = [o for o in outcomes if not o.detected]
    by_reason: dict[str, int] = {}
    for o in survivors:
        key = o.why.split(":")[0]
        by_reason[key] = by_reason.get(key, 0) + 1
    lines.append("survivors: " + "; ".join(f"{n} {reason}" for reason, n in sorted(by_reason.items())))
    for o in survivors:
        lines.append(f"  {o.set}  {o.mutation.provision}  {o.mutation.what}  — {o.why}")
    return "\n".join(lines)


# ------------------------------------------------------------------ the conforming corpus: every element read

# Two offences that meet Arts. 14 and 16 in full. On them no weakening can hide behind a verdict already partly met,
# so every narrowing the treaty reads must be detected; tests/test_mutation_score.py holds the score there.
CONFORMING = "bench/conforming"


def conforming_sets(root: Path = ROOT) -> list[DraftSet]:
    drafts = load([str(root / CONFORMING)])
    return [DraftSet(f"{CONFORMING} ({j})", tuple(ps), tuple(r for r in drafts.rules
                                                              if r.jurisdiction and r.jurisdiction.name == j))
            for j, ps in by_jurisdiction(drafts.provisions).items()]


def _review_reasons(rs: list[Report]) -> set[str]:
    """The reasons of the checks that leave a defence to a reviewer (grade review): naming one is reading it, in the
    treaty's terms or in a jurisdiction's own (`in:`)."""
    return {t.en or "" for r in rs for q in r.spec.requirements for c in q.checks if c.outcome.grade is Grade.REVIEW
            for t in (c.outcome.reason, *(own for _, own in c.outcome.local))}


def detected(before: list[Report], after: list[Report]) -> list[str]:
    """What the check says of a narrowing: a lower verdict or fewer acts reached, or, where the treaty permits the
    narrowing or cannot yet decide it, the option it names, the unverified treaty words the verdict now rests on,
    or the question it leaves to a reviewer. A reason that limits nothing (a remark) is no detection."""
    out = lowered(before, after)
    old, new = _findings(before), _findings(after)
    review = _review_reasons(after)
    for rid, b in old.items():
        a = new[rid]
        options = sorted(set(a.options) - set(b.options))
        if a.verdict is Verdict.OPTION_USED and b.verdict is not Verdict.OPTION_USED or options:
            out.append(f"{rid} option used{': ' + ', '.join(options) if options else ''}")
        if set(a.unverified) - set(b.unverified):
            out.append(f"{rid} rests on unverified treaty words: {', '.join(sorted(set(a.unverified)))}")
        asked = {n.text.en for n in a.notes if n.text.en in review} - {n.text.en for n in b.notes}
        if asked:
            out.append(f"{rid} leaves a question to a reviewer")
    return out


# Narrowings with no legal difference for the articles checked: the score skips them, each for the reason given.
# (They stay in the property tests: a narrowing that makes no difference must still raise nothing.)
OPEN_MEANS = ("ict-system", "electronic-form", "other-method", "any-means")
WITHIN_WITHOUT_RIGHT = ("law-enforcement", "lawful-authority", "reporting-to-authorities", "crime-prevention")


@cache
def _treaty_acts() -> frozenset[str]:
    return frozenset(c for a in ARTICLES for q in spec_for(a).requirements for c in q.conduct)


@cache
def _treaty_kind(kind: str) -> bool:
    """Whether some requirement counts an object of this kind in full (csam, intimate-image): the treaty's own."""
    return any(name == kind and grade is Grade.FULL
               for a in ARTICLES for q in spec_for(a).requirements for name, grade, _ in q.objects)


def _situations(p: A.Provision) -> set[tuple[str, str]]:
    """The elements of the treaty's definitions (14(2)'s situations, 16(2)'s parts and activity) a provision meets,
    of the definitions that read its kind of object."""
    f = facts_of(p)
    return {(q.id, e.id) for a in ARTICLES for q in spec_for(a).requirements
            if q.kind is RequirementKind.DEFINITION and q.object_grade(f.object_kind)
            for e in q.elements if e.require.holds(f)}


def equivalent(m: Mutation, original: A.Provision) -> str | None:
    """Why a narrowing makes no legal difference to Arts. 14, 16 and 18, or None when it may make one."""
    field, _, change = m.what.partition(": ")
    added = change.removeprefix("add ").removeprefix("only ")
    kind = original.object.kind.name if original.object else None
    if field == "conduct":
        acts = _treaty_acts()
        if facts_of(original).covers & acts == facts_of(m.result).covers & acts:
            return "the other conduct terms still reach every treaty act the dropped one reached (vocabulary `covers`)"
        # an act of another article only (broadcasting, which `transmit` reaches, for an intimate-image offence)
        lost = (facts_of(original).covers - facts_of(m.result).covers) & acts
        carried = {verb for a in ARTICLES for v in check(spec_for(a), [original]).verdicts
                   if v.requirement.kind is RequirementKind.OFFENCE and v.met_by for verb in v.requirement.conduct}
        if not lost & carried:
            return ("the other conduct terms still reach every treaty act the dropped one reached of the articles "
                    "whose offences the provision carries (vocabulary `covers`)")
    if field == "object.attrs[depicts].values" and change.startswith("drop ") \
            and _situations(original) == _situations(m.result):
        return "the other depictions still reach every situation of the treaty's definitions the dropped one reached"
    if field == "object.attrs[medium].values" and change in ("drop written", "drop audio") \
            and "visual" in facts_of(m.result).object_medium:
        return ("the treaty requires neither written nor audio content: Art. 14(2) material includes visual material "
                "and may include them (14(3)(b) permits visual material alone), Art. 16(2) is a visual recording")
    if field == "mental.kind" and change == "intent -> knowledge":
        return ("knowing what the material is (明知) is the cognitive side of the intent the treaty asks; knowledge "
                "of a further fact is said with `as-to`, which the check reads")
    if field == "means" and added in OPEN_MEANS:
        return "the treaty's own means: an ICT system, which holds and passes on material in electronic form, or any"
    if field == "means.means" and change.startswith("drop ") and m.result.means \
            and {t.name for t in m.result.means.means} & set(OPEN_MEANS):
        return "the means left include the treaty's own (an ICT system) or leave the means open (other methods)"
    if field == "mental.degree" and change == "None -> actual":
        return ("actual knowledge of what the material is, is what intent asks; only a presumption of knowledge "
                "(推定明知) would reach further")
    if field == "consent" and change == "None -> absent" and not any(
            v.met_by for v in check(spec_for("uncc.14"), [original]).verdicts
            if v.requirement.kind is RequirementKind.OFFENCE):
        return "the offence carries none of Art. 14, and the consent of the person depicted is Art. 16(1)'s own element"
    if field == "means" and added in ("photography-or-video", "computer-synthesis"):
        return "the term ends in \"or other technological means\", which leaves the means open"
    if field == "recipients" and added in ("any-person", "third-party"):
        return "to any person, or to someone other than the offender, is what dissemination is anyway"
    if field == "exceptions" and added in WITHIN_WITHOUT_RIGHT:
        return "conduct the law authorises is within the treaty's own \"without right\""
    if kind == "intimate-image" and field == "exceptions" and added in (
            "reasonable-belief-in-consent", "self-generated-by-child", "consensual-private-use",
            "consent-of-depicted-person"):
        return ("Art. 16(1) punishes dissemination without the consent of the person depicted, intentionally: a "
                "belief in consent, the person's own image or their consent to its use leaves nothing it punishes "
                "(who must prove the consent, the treaty leaves open)")
    if kind == "intimate-image" and field == "object.attrs":
        name = added.split(" ")[0]
        if added in ("origin real", "medium visual", "person adult") or name == "privacy":
            return "Art. 16(2)'s own terms: a visual recording of an adult, private when made"
        if name in ("virtual-test", "age-test"):
            return "limits only synthetic material or the reading of ages, neither of which Art. 16 requires"
    return None


def element(m: Mutation) -> str:
    """The element of an offence a mutation changes, as the score groups them: conduct, means, object place …"""
    field, _, change = m.what.partition(": ")
    field = field.split(".")[0].split("[")[0] if not field.startswith("object.") else field
    if m.what.startswith(("object.attrs: ", "object.attrs[")):
        name = change.removeprefix("add ").removeprefix("drop ").split(" ")[0] if m.what.startswith("object.attrs: ") \
            else m.what.removeprefix("object.attrs[").split("]")[0]
        return "age bands" if name == "person" else f"object {name}"
    return {"mental": "mental element", "as_to": "mental element", "exceptions": "defences", "purpose": "purposes",
            "tiers": "threshold"}.get(field, field)


@dataclass(frozen=True)
class Scored:
    mutation: Mutation
    element: str
    detected: list[str]
    skipped: str  # why a narrowing makes no legal difference, or ""


def conforming_score(sets: list[DraftSet] | None = None) -> list[Scored]:
    """Every narrowing of the conforming corpus: what the check says of it, or why it makes no difference."""
    out = []
    for s in sets if sets is not None else conforming_sets():
        before = reports(s.provisions, s.rules)
        for p in s.provisions:
            for m in mutations(p):
                if m.direction != "narrower":
                    continue
                why = equivalent(m, p)
                found = [] if why else detected(before, reports(replaced(s, m), s.rules))
                out.append(Scored(m, element(m), found, why or ""))
    return out


# ------------------------------------------------------------------ a purpose made up by the set

MADE_UP = "purpose made up"  # the element the make-up set's narrowings are scored under


def made_up_set(s: DraftSet) -> DraftSet | None:
    """The conforming set with its material offence split in three: the acts of 14(1)(a)-(b) and (d) (score.csam.1),
    possessing and controlling real recordings for the purpose of dissemination (score.held.3), and the same with no
    purpose (score.held.4), which makes up held.3's purpose (conformance.purposes_made_up). None for a set with no
    material offence."""
    csam = next((p for p in s.provisions if p.object and p.object.kind.name == "csam"), None)
    if csam is None:
        return None
    held = ("possess", "control")
    rest = dataclasses.replace(csam, conduct=tuple(t for t in csam.conduct if t.name not in held))
    mine = tuple(t for t in csam.conduct if t.name in held)
    assert csam.object is not None
    # both limited to real recordings, as Portugal's n.os 1 d) and 4 are: the act stays reached in part, so both
    # provisions give it and the check says whether the one's purpose is made up by the other
    real = dataclasses.replace(csam.object, attrs=(*csam.object.attrs, A.ObjectAttr(
        A.Term("origin", "object-attributes"), (A.Term("real", "object-attributes.origin"),))))
    with_purpose = dataclasses.replace(csam, id="score.held.3", conduct=mine, object=real,
                                       purpose=A.Purpose((A.Term("dissemination", "purposes"),)))
    without = dataclasses.replace(csam, id="score.held.4", conduct=mine, object=real)
    return DraftSet(f"{s.name}, purpose made up", tuple(rest if p is csam else p for p in s.provisions)
                    + (with_purpose, without), s.rules)


def _within_real(m: Mutation, p: A.Provision) -> str | None:
    """Art. 14(3)(a)'s own limit put on a provision limited to real recordings limits nothing: a recording is of an
    existing person, who has an actual age."""
    field, _, change = m.what.partition(": ")
    if field == "object.attrs" and change in ("add age-test actual-age", "add virtual-test existing-persons-only") \
            and facts_of(p).object_origin == {"real"}:
        return ("Art. 14(3)(a)'s limit (an existing person, an actual age) is met by every real recording, which is "
                "all the provision and the one whose purpose it makes up reach")
    return None


def _made_up(rs: list[Report]) -> bool:
    """Whether the check says score.held.3's purpose leaves nothing out."""
    return any(n.provision == "score.held.3" and n.check == "purpose-made-up"
               for f in _findings(rs).values() for n in f.notes)


def made_up_score(sets: list[DraftSet] | None = None) -> list[Scored]:
    """Every narrowing of the provision that makes the purpose up (score.held.4): detected as a lower verdict, as the
    conforming corpus's are, or as the make-up withdrawn, so that a narrowing of the one provision reaching what the
    purpose leaves out is never hidden behind the rule (the purpose's narrowing said again, the review recommending
    it again)."""
    out = []
    for base in sets if sets is not None else conforming_sets():
        s = made_up_set(base)
        if s is None:
            continue
        before = reports(s.provisions, s.rules)
        assert _made_up(before), s.name
        partner = next(p for p in s.provisions if p.id == "score.held.4")
        for m in mutations(partner):
            if m.direction != "narrower":
                continue
            why = equivalent(m, partner) or _within_real(m, partner)
            if why:
                out.append(Scored(m, MADE_UP, [], why))
                continue
            after = reports(replaced(s, m), s.rules)
            found = detected(before, after) + ([] if _made_up(after) else ["score.held.3's purpose no longer made up"])
            out.append(Scored(m, MADE_UP, found, ""))
    return out


def conforming_summary(scored: list[Scored]) -> str:
    """Killed of total per element kind on the conforming corpus, the equivalent narrowings apart."""
    counted = [o for o in scored if not o.skipped]
    killed = sum(1 for o in counted if o.detected)
    lines = [(f"conforming corpus: {killed} of {len(counted)} narrowings detected "
              f"({100 * killed / max(len(counted), 1):.1f} %); {len(scored) - len(counted)} make no legal difference")]
    for e in sorted({o.element for o in scored}):
        group = [o for o in counted if o.element == e]
        lines.append(f"  {e:28} {sum(1 for o in group if o.detected)} of {len(group)}"
                     f"   ({sum(1 for o in scored if o.element == e and o.skipped)} equivalent)")
    lines.extend(f"  survivor: {o.mutation.provision}  {o.mutation.what}" for o in counted if not o.detected)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--conforming", action="store_true",
                        help="score only the conforming corpus (fast): every narrowing, per element kind")
    args = parser.parse_args(argv)
    print(conforming_summary(conforming_score() + made_up_score()))
    if not args.conforming:
        print(summary(score()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
