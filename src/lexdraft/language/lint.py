"""The semantic pass: named rules over a whole set of parsed drafts, each problem a located diagnostic."""

from __future__ import annotations

import datetime
import difflib
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field, fields

from .. import packs
from ..diagnostics import Diagnostic, Severity
from . import amendments
from . import ast as A
from .printer import format_principal, format_threshold
from .resolve import shared_text, texted
from .vocabulary import Vocabulary, vocabulary

# Vocabulary sections in the words a drafter uses; object-attribute values are worded per attribute.
SECTION_WORDS = {
    "jurisdictions": "jurisdiction", "statuses": "status", "stages": "stage", "instruments": "instrument",
    "issuers": "issuer",
    "interests": "protected interest", "mental": "state of mind", "mental-degrees": "degree of the state of mind",
    "purposes": "purpose", "evidence": "kind of evidence", "conduct": "conduct", "means": "means",
    "objects": "object", "object-attributes": "object attribute", "consent": "`consent` value",
    "consent-for-minors": "giver of a minor's consent", "harms": "harm",
    "exceptions": "exception", "exception-conditions": "exception condition", "prosecution": "kind of prosecution",
    "prosecution-exceptions": "prosecution exception", "actors": "actor", "tiers": "tier",
    "circumstances": "circumstance", "measures": "measure", "units": "unit", "channels": "channel",
    "penalties": "penalty", "fine-modes": "fine mode", "standards": "standard", "translations": "translation status",
    "duties": "duty", "duty-sources": "source of a duty", "preconditions": "precondition",
    "durations": "unit of time", "platform-classes": "platform class", "obligation-tiers": "obligation tier",
    "obligation-measures": "measure", "sanctions": "sanction", "rule-kinds": "kind of general-part rule",
    "unit-sanctions": "sanction on a legal person", "fault-elements": "`as-to` element",
    "recipients": "recipient", "burdens": "burden of proof", "provenances": "provenance label",
    "provenance-elements": "`provenance … for` element",
    "wrongfulness": "`wrongfulness` value",
}

# Severity of tiers: a penalty line may not be lighter than the line of the tier below it.
TIER_RANK = {"base": 0, "aggravated": 1, "serious": 1, "especially-serious": 2, "summary": 0, "indictment": 1}

# Principal penalties in the order of severity of PRC Criminal Law arts. 33-34; the rest rank as fine-only.
PRINCIPAL_RANK = {"public-surveillance": 1, "criminal-detention": 2, "imprisonment": 3, "life-imprisonment": 4}
MONTHS = {"years": 12, "months": 1}

OMISSION = "fail-to-perform-duty"
KEYWORD_UNITS = {"on", "via"}  # a channel keyword read as the unit when the unit is left out
SHOWN_CHOICES = 6
ALTERNATIVE_WORDS = {"or", "and"}  # read as the tier of a new penalty line where | was meant


@dataclass(frozen=True)
class Lookups:
    """The drafts linted together, with the lookups the rules share."""

    documents: tuple[A.Document, ...]  # in (file, line, column) order
    provisions: dict[str, A.Provision]  # the first provision with each id
    obligations: dict[str, A.Obligation]  # the first obligation with each id
    articles: frozenset[str] | None  # treaty articles with a conformance spec, e.g. uncc.16; None: not known
    vocab: Vocabulary
    channel_misreads: dict[int, A.Term]  # id(threshold) -> the channel read as a circumstance after it
    terms: tuple[A.Term, ...]  # every term of every document once, in document order
    thresholds: tuple[tuple[A.Threshold, ...], ...]  # each document's thresholds, in document order
    # the provisions and obligations by id (a provision before an obligation of its id), made once for the set: a
    # rule that asks for it at every interpretation would copy 10,000 ids each time
    texts: dict[str, A.Provision | A.Obligation] = field(default_factory=dict)


Rule = Callable[[Lookups], Iterator[Diagnostic]]


def lint(drafts: Sequence[A.DraftFile], *, articles: Iterable[str] | None = None,
         own: Callable[[A.DraftFile], list[Diagnostic]] | None = None) -> list[Diagnostic]:
    """Every semantic problem in the set of drafts, sorted by file, line, column and code. `articles` are the
    treaty articles with a spec (the pipeline knows them); without them `implements` is not checked (E212).
    `own(draft)` gives a file's findings under the LOCAL rules, as lint_file finds them (the pipeline keeps them per
    file, so that only a changed file is linted alone again); without it they are found here."""
    if own is None:
        ds = _lookups(drafts, articles)
        found = [d for rule in RULES for d in rule(ds)]
    else:
        ds = _lookups(drafts, articles, walk=False)
        found = [d for rule in RULES if rule not in LOCAL for d in rule(ds)]
        found.extend(d for f in drafts for d in own(f))
    return sorted(found, key=lint_order)


def lint_file(draft: A.DraftFile, *, articles: Iterable[str] | None = None) -> list[Diagnostic]:
    """The findings of the LOCAL rules in one draft: what it says of itself, whatever else is in the set."""
    ds = _lookups([draft], articles)
    return sorted((d for rule in LOCAL for d in rule(ds)), key=lint_order)


def lint_order(d: Diagnostic) -> tuple[str, int, int, str, str]:
    """The order lint's findings come in: by file, line, column, code and message."""
    s = d.span
    return (s.file, s.line, s.column, d.code, d.message) if s else ("", 0, 0, d.code, d.message)



def _lookups(drafts: Sequence[A.DraftFile], articles: Iterable[str] | None, walk: bool = True) -> Lookups:
    """The set's lookups; without `walk`, only its documents by id (no term, threshold or channel is gathered):
    what the rules that read across files need, and all of the set's walk they would cost."""
    docs = sorted((doc for f in drafts for doc in f.documents), key=lambda d: _pos(d.span))
    provisions: dict[str, A.Provision] = {}
    obligations: dict[str, A.Obligation] = {}
    for doc in docs:
        if isinstance(doc, A.Provision):
            provisions.setdefault(doc.id, doc)
        elif isinstance(doc, A.Obligation):
            obligations.setdefault(doc.id, doc)
    misreads: dict[int, A.Term] = {}
    terms: dict[int, A.Term] = {}  # by id: a range like 3..7 years shares its unit
    thresholds: list[tuple[A.Threshold, ...]] = []
    # One walk over every document gathers what the rules look for, instead of a walk per rule.
    for doc in docs if walk else ():
        found: list[A.Threshold] = []
        for node in _walk(doc):
            if type(node) is A.Term:
                terms.setdefault(id(node), node)
            elif type(node) is A.Threshold:
                found.append(node)
            elif type(node) is A.Condition:
                misreads.update(_channel_misreads(node))
        thresholds.append(tuple(found))
    known = None if articles is None else frozenset(articles)
    return Lookups(tuple(docs), provisions, obligations, known, vocabulary(), misreads, tuple(terms.values()),
                   tuple(thresholds), {**obligations, **provisions})


_NODE_FIELDS: dict[type[A.Node], tuple[str, ...]] = {}  # by node class, filled as the classes are met


def _node_fields(cls: type[A.Node]) -> tuple[str, ...]:
    """The fields of an AST node class that may hold nodes, last first: those typed with an AST class, not the span.

    AST classes are capitalised and plain values (str, int, bool) are not, so a Term is a leaf without a look inside.
    """
    names = _NODE_FIELDS.get(cls)
    if names is None:
        names = _NODE_FIELDS[cls] = tuple(reversed(
            [f.name for f in fields(cls) if f.name != "span" and re.search(r"\b[A-Z]", str(f.type))]))
    return names


def _walk(node: A.Node) -> list[A.Node]:
    """Node.walk as a list: the node and all below it, depth first in field order, without per-node field lookups."""
    out: list[A.Node] = []
    stack: list[object] = [node]
    while stack:
        n = stack.pop()
        if not isinstance(n, A.Node):
            continue  # an absent optional field
        out.append(n)
        # Pushed last field first, last item first, so they come off the stack in Node.walk's order.
        for name in _node_fields(type(n)):
            value = getattr(n, name)
            if type(value) is tuple:
                stack.extend(reversed(value))
            else:
                stack.append(value)
    return out


def _pos(span: A.Span | None) -> tuple[str, int, int]:
    return (span.file, span.line, span.column) if span else ("", 0, 0)


def _channel_misreads(c: A.Condition) -> Iterator[tuple[int, A.Term]]:
    """`views >= 1000 on public-platform` parses with `on` as the unit and the channel as a circumstance."""
    for item, following in zip(c.items, c.items[1:]):
        if (isinstance(item, A.Threshold) and item.unit.name in KEYWORD_UNITS and item.channel is None
                and isinstance(following, A.Term) and _same_line(item.span, following.span)):
            yield id(item), following


def _same_line(a: A.Span | None, b: A.Span | None) -> bool:
    return a is not None and b is not None and a.end_line == b.line


def _at(span: A.Span | None, end: A.Span | None) -> A.Span | None:
    """A span from the start of one node to the end of another."""
    if span is None or end is None:
        return span
    return A.Span(span.file, span.line, span.column, end.end_line, end.end_column)


def _terms(ds: Lookups) -> Iterator[A.Term]:
    """Every term of every document once (a range like 3..7 years shares its unit)."""
    return iter(ds.terms)


def _plain(section: str) -> str:
    if section.startswith("object-attributes."):
        return f"`{section.split('.', 1)[1]}` value"
    return SECTION_WORDS.get(section, section)


def _choices(names: Iterable[str]) -> str:
    names = list(names)
    shown = ", ".join(f"`{n}`" for n in names[:SHOWN_CHOICES])
    return shown + (f" and {len(names) - SHOWN_CHOICES} more" if len(names) > SHOWN_CHOICES else "")


def _did_you_mean(matches: Sequence[str]) -> str:
    return "did you mean " + " or ".join(f"`{m}`" for m in matches) + "?"


# E201 -------------------------------------------------------------------------------------------
def unknown_terms(ds: Lookups) -> Iterator[Diagnostic]:
    """E201: every term must be in its vocabulary section."""
    misread = {id(t) for t in ds.channel_misreads.values()}
    attribute_sections = {f"object-attributes.{name}" for name in ds.vocab.section("object-attributes")}
    standard_sections = {f"object-attributes.{name}" for name in ds.vocab.section("standards")}
    attribute_or_standard = attribute_sections | standard_sections
    known: dict[tuple[str, str], bool] = {}  # a set of drafts repeats the same few hundred terms
    for term in _terms(ds):
        # Units are checked against their measure (E202) or fine (E213), terms of time with the range (E204).
        if term.section in ("units", "durations") or id(term) in misread:
            continue
        if term.section.startswith("object-attributes.") and term.section not in attribute_or_standard:
            continue  # the attribute itself is unknown, reported once at its name
        key = (term.section, term.name)
        if key not in known:
            known[key] = ds.vocab.entry(term.section, term.name) is not None
        if known[key]:
            continue
        allowed = list(ds.vocab.section(term.section))
        matches = ds.vocab.suggest(term.section, term.name)
        if term.section == "tiers" and term.name in ALTERNATIVE_WORDS:
            # `imprisonment <= 3 years or criminal-detention` starts a penalty line for a tier named `or`.
            hint = "join alternative penalties with |, e.g. `imprisonment <= 3 years | criminal-detention`"
        elif term.section == "jurisdictions":  # a jurisdiction is a pack's, not the vocabulary's
            hint = (f"{_did_you_mean(matches) + ' ' if matches else ''}the packs in use have {_choices(allowed)}; "
                    "a jurisdiction of your own is a pack, given with `--pack DIR` or named in the drafts' "
                    "lexdraft.toml (`packs = [\"…\"]`)")
        elif matches:
            hint = _did_you_mean(matches)
        elif allowed:
            hint = f"choose from {_choices(allowed)} (`lexdraft terms {term.section}` lists each with its meaning)"
        else:
            hint = f"the vocabulary lists no {_plain(term.section)}s; add them to vocabulary/vocabulary.yaml"
        yield Diagnostic("E201", f"unknown {_plain(term.section)} `{term.name}`", term.span, (hint,))


# E202 -------------------------------------------------------------------------------------------
def threshold_units(ds: Lookups) -> Iterator[Diagnostic]:
    """E202: a threshold counts its measure in one of the measure's units."""
    for thresholds in ds.thresholds:
        for t in thresholds:
            measure = ds.vocab.entry("measures", t.measure.name)
            units = [str(u) for u in measure.get("units", ())] if measure else []
            if t.unit.name in KEYWORD_UNITS:
                channel = ds.channel_misreads.get(id(t))
                fixed = f"{t.measure.name} {t.op} {t.amount} {units[0] if units else 'UNIT'}"
                if channel is not None:
                    fixed += f" {t.unit.name} {channel.name}"
                yield Diagnostic("E202", "threshold without a unit", _at(t.span, channel.span if channel else None),
                                 (f"write the unit after the number: `{fixed}`",))
            elif ds.vocab.entry("units", t.unit.name) is None:
                yield _not_a_unit(ds, t, units)
            elif measure is not None and t.unit.name not in units:
                fixed = format_threshold(A.Threshold(t.measure, t.op, t.amount, A.Term(units[0], "units"), t.channel))
                yield Diagnostic("E202", f"`{t.measure.name}` is counted in {' or '.join(units)}, not {t.unit.name}",
                                 t.unit.span, (f"write `{fixed}`",))


def _not_a_unit(ds: Lookups, t: A.Threshold, units: list[str]) -> Diagnostic:
    fixed = format_threshold(A.Threshold(t.measure, t.op, t.amount, A.Term(units[0] if units else "UNIT", "units"),
                                         t.channel))
    if t.unit.span and t.span and t.unit.span.line > t.span.line:
        # `views >= 1000` ending its line: the next line's circumstance was read as the unit.
        unit = units[0] if units else "UNIT"
        hint = (f"write the unit after the number: `{t.measure.name} {t.op} {t.amount} {unit}`; "
                f"`{t.unit.name}` on line {t.unit.span.line} was read as the unit")
        return Diagnostic("E202", "threshold without a unit", t.measure.span, (hint,))
    matches = ds.vocab.suggest("units", t.unit.name)
    if matches:
        hint = _did_you_mean(matches)
    elif units:
        hint = f"`{t.measure.name}` is counted in {' or '.join(units)}: write `{fixed}`"
    else:
        hint = f"units are {_choices(ds.vocab.section('units'))}"
    return Diagnostic("E202", f"`{t.unit.name}` is not a unit", t.unit.span, (hint,))


# E203, E204 -----------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Bound:
    rank: int
    months: float
    principal: A.Principal  # worded only for a diagnostic


def _months(d: A.Duration | None) -> float | None:
    return None if d is None or d.unit.name not in MONTHS else d.amount * MONTHS[d.unit.name]


def _bounds(s: A.Sentence) -> tuple[_Bound, _Bound] | None:
    """The heaviest and the lightest penalty of a line, or None when it cannot be compared."""
    if s.increase is not None or not s.principals:
        return None
    heaviest: _Bound | None = None
    lightest: _Bound | None = None
    for p in s.principals:
        rank = PRINCIPAL_RANK.get(p.kind.name, 0)
        high, low = _months(p.high), _months(p.low)
        if (p.high is not None and high is None) or (p.low is not None and low is None) or \
                (low is not None and high is not None and low > high):
            return None  # E204 reports the range; comparing it would only repeat the error
        top = _Bound(rank, float("inf") if high is None else high, p)
        bottom = _Bound(rank, low or 0.0, p)
        if heaviest is None or (top.rank, top.months) > (heaviest.rank, heaviest.months):
            heaviest = top
        if lightest is None or (bottom.rank, bottom.months) < (lightest.rank, lightest.months):
            lightest = bottom
    assert heaviest is not None and lightest is not None
    return heaviest, lightest


def _lighter(a: _Bound, b: _Bound) -> bool:
    return (a.rank, a.months) < (b.rank, b.months)


def penalty_order(ds: Lookups) -> Iterator[Diagnostic]:
    """E203: a higher tier may not be punished more lightly than the tier below it."""
    for p in _provisions(ds):
        ranked = [(TIER_RANK[s.tier.name], s, b) for s in p.penalties
                  if s.tier.name in TIER_RANK and (b := _bounds(s)) is not None]
        for rank, s, (top, bottom) in ranked:
            lower = [r for r, _, _ in ranked if r < rank]
            if not lower:
                continue
            for below_rank, below, (below_top, below_bottom) in ranked:
                if below_rank != max(lower):
                    continue
                if _lighter(top, below_top):
                    what, mine, theirs = "heaviest", top.principal, below_top.principal
                elif _lighter(bottom, below_bottom):
                    what, mine, theirs = "lightest", bottom.principal, below_bottom.principal
                else:
                    continue
                yield Diagnostic(
                    "E203", f"the `{s.tier.name}` tier's {what} penalty (`{format_principal(mine)}`) is lighter than "
                    f"the `{below.tier.name}` tier's (`{format_principal(theirs)}`)", s.span,
                    (("penalties must not fall as the circumstances grow more serious: base, then serious "
                     "or aggravated, then especially-serious"),))


def penalty_ranges(ds: Lookups) -> Iterator[Diagnostic]:
    """E204: terms are counted in years or months, are longer than nothing, and a range runs from low to high; an
    increase is a part of the penalty (1/2: 加重其刑至二分之一)."""
    time_units = list(ds.vocab.section("durations"))
    for p in _provisions(ds):
        for s in p.penalties:
            if s.increase is not None:
                num, den = s.increase
                if num == 0 or den == 0 or num > den:
                    yield Diagnostic("E204", f"an increase of {num}/{den} is not a part of the penalty", s.span,
                                     ("write the fraction the statute gives, e.g. `increase up-to 1/2`",))
            for pr in s.principals:
                for d in (pr.low, pr.high):
                    if d is not None and d.amount == 0:
                        yield Diagnostic("E204", "a term of zero", d.span,
                                         ("a term is at least one month; leave out a bound that does not apply",))
                if pr.low is not None and pr.high is not None and pr.low.amount and \
                        (pr.low.amount, pr.low.unit.name) == (pr.high.amount, pr.high.unit.name):
                    hint = "a statutory term is a range or a bound: write `<=`, `>=` or two different ends"
                    yield Diagnostic("E204", f"the range `{format_principal(pr)}` has equal ends", pr.span, (hint,))
                checked: set[int] = set()
                for d in (pr.low, pr.high):
                    if d is not None and id(d.unit) not in checked and d.unit.name not in MONTHS:
                        checked.add(id(d.unit))
                        yield Diagnostic("E204", f"`{d.unit.name}` is not a unit of a term of punishment",
                                         d.unit.span, (f"count terms in {' or '.join(time_units)}",))
                low, high = _months(pr.low), _months(pr.high)
                if low is not None and high is not None and low > high:
                    assert pr.low is not None and pr.high is not None
                    swapped = format_principal(A.Principal(pr.kind, pr.high, pr.low))
                    yield Diagnostic("E204", f"the range `{format_principal(pr)}` runs from high to low", pr.span,
                                     (f"write the lower end first: `{swapped}`",))
                if pr.kind.name == "life-imprisonment" and (pr.low or pr.high):
                    yield Diagnostic("E204", "life imprisonment has no term", pr.span,
                                     ("write `life-imprisonment` alone",))


# E205, E206 ----------------------------------------------------------------------------------------
def duplicate_ids(ds: Lookups) -> Iterator[Diagnostic]:
    """E205: provision and interpretation ids are unique across the set."""
    first: dict[str, A.Document] = {}
    for doc in ds.documents:
        if doc.id not in first:
            first[doc.id] = doc
            continue
        span = first[doc.id].span
        where = span.location(column=False) if span else "another file"
        kind = _kind(doc)
        yield Diagnostic("E205", f"{kind} id `{doc.id}` is already used", doc.span,
                         (f"it is first used at {where}; give this {kind} its own id",))


def unknown_provisions(ds: Lookups) -> Iterator[Diagnostic]:
    """E206: an interpretation interprets, and its tier articles name, provisions of the set; so does a provision the
    offences it finances."""
    refs = [ref for i in _interpretations(ds) for ref in
            (*i.interprets, *(a.provision for a in i.articles if isinstance(a, A.REFERRING_ARTICLES)))]
    refs += [ref for p in ds.provisions.values() for ref in p.finances]
    for ref in refs:
        if ref.id in ds.provisions:
            continue
        # Ids share long prefixes, so only a near miss such as 253-3 for 253-2 is worth suggesting.
        matches = difflib.get_close_matches(ref.id, list(ds.provisions), n=3, cutoff=0.9)
        hints = [_did_you_mean(matches)] if matches else []
        hints.append("the provision must be among the files checked together")
        yield Diagnostic("E206", f"no provision `{ref.id}` among the drafts", ref.span, tuple(hints))


# E207 ----------------------------------------------------------------------------------------------
def tier_penalties(ds: Lookups) -> Iterator[Diagnostic]:
    """E207: each declared tier has one penalty line, and each penalty line a declared tier (base aside)."""
    for p in _provisions(ds):
        declared: dict[str, A.Tier] = {}
        for t in p.tiers:
            if t.name.name in declared:
                yield Diagnostic("E207", f"tier `{t.name.name}` is declared twice", t.name.span,
                                 (f"merge it with the `tier {t.name.name}` at line {_line(declared[t.name.name])}",))
            declared.setdefault(t.name.name, t)
        lines: dict[str, A.Sentence] = {}
        for s in p.penalties:
            name = s.tier.name
            if name in lines:
                yield Diagnostic("E207", f"two penalty lines for the `{name}` tier", s.tier.span,
                                 (f"the first is at line {_line(lines[name])}; give each tier one line",))
            lines.setdefault(name, s)
            if name not in declared and name != "base" and ds.vocab.entry("tiers", name) is not None:
                yield Diagnostic("E207", f"a penalty for the `{name}` tier, which the provision does not declare",
                                 s.tier.span, (f"declare it, e.g. `tier {name} requires …`, or remove this line",))
        for name, t in declared.items():
            if name != "base" and name not in lines:
                yield Diagnostic("E207", f"the `{name}` tier has no penalty line", t.name.span,
                                 (f"add `{name} …` under `penalty`",))
        # `for` binds the base offence's condition to some of its acts (a limb's qualifier): a higher tier's
        # circumstances aggravate every act, and an act the conduct does not name binds nothing
        conduct = {c.name for c in p.conduct}
        for t in p.tiers:
            for a in t.acts:
                if t.name.name != "base":
                    yield Diagnostic("E207", f"the `{t.name.name}` tier is bound to acts; only the base tier can be",
                                     a.span, ("a qualifier of some acts only belongs to `tier base requires … for …`",))
                    break
                if a.name not in conduct:
                    yield Diagnostic("E207", f"`for {a.name}`: the provision's conduct does not name it", a.span,
                                     ("name one of its acts: " + ", ".join(sorted(conduct)) if conduct
                                      else "give the provision its `conduct` first",))
        for e in p.exceptions:  # an exception to some acts only names them from the conduct too
            for a in e.acts:
                if a.name not in conduct:
                    yield Diagnostic("E207", f"`for {a.name}`: the provision's conduct does not name it", a.span,
                                     ("name one of its acts: " + ", ".join(sorted(conduct)) if conduct
                                      else "give the provision its `conduct` first",))


def _line(node: A.Node) -> str:
    return str(node.span.line) if node.span else "?"


# E208-E210 ----------------------------------------------------------------------------------------
def mental_degrees(ds: Lookups) -> Iterator[Diagnostic]:
    """E208: a degree belongs to its state of mind (direct intent, presumed knowledge, …)."""
    degrees = ds.vocab.section("mental-degrees")
    for m in (m for p in _provisions(ds) for m in (p.mental, *(s for a in p.as_to for s in a.states))):
        if m is None or m.degree is None or ds.vocab.entry("mental", m.kind.name) is None:
            continue
        entry = ds.vocab.entry("mental-degrees", m.degree.name)
        if entry is None or entry.get("of") == m.kind.name:
            continue
        fits = [name for name, e in degrees.items() if isinstance(e, dict) and e.get("of") == m.kind.name]
        hint = f"{m.kind.name} takes {' or '.join(f'`{d}`' for d in fits)}" if fits else \
            f"{m.kind.name} takes no degree; write `mental {m.kind.name}`"
        yield Diagnostic("E208", f"`{m.degree.name}` is a degree of {entry.get('of')}, not of {m.kind.name}",
                         m.degree.span, (hint,))


def rebuttable_presumptions(ds: Lookups) -> Iterator[Diagnostic]:
    """E209: a presumed state of mind needs a route to rebut it; only a presumption can be rebutted."""
    for i in _interpretations(ds):
        for a in i.articles:
            p = ds.provisions.get(a.provision.id) if isinstance(a, A.PresumptionArticle) else None
            if isinstance(a, A.PresumptionArticle) and p is not None and \
                    (p.mental is None or p.mental.kind.name != a.mental.name):
                required = p.mental.kind.name if p.mental else "intent (no `mental` given)"
                yield Diagnostic("E209", f"article {a.number} presumes {a.mental.name}, but `{p.id}` requires "
                                 f"{required}", a.mental.span,
                                 ((f"presume the state of mind the provision requires, or give `{p.id}` "
                                  f"`mental {a.mental.name} presumed rebuttable …`"),))
            if isinstance(a, A.PresumptionArticle) and a.rebuttal is None:
                yield Diagnostic("E209", f"article {a.number} presumes {a.mental.name} without a rebuttal",
                                 _at(a.mental.span, a.provision.span),
                                 (("the culpability principle requires a way to rebut the presumption: add "
                                   "`rebuttable zh \"…\" en \"…\"` after the condition, saying what rebuts it"),))
    for p in _provisions(ds):
        m = p.mental
        if m is None:
            continue
        presumed = m.degree is not None and m.degree.name == "presumed"
        if presumed and m.rebuttal is None:
            yield Diagnostic("E209", f"presumed {m.kind.name} without a rebuttal", m.span,
                             (("the culpability principle requires a way to rebut the presumption: add "
                              "`rebuttable zh \"…\" en \"…\"` saying what rebuts it"),))
        elif m.rebuttal is not None and not presumed:
            yield Diagnostic("E209", "only a presumed state of mind can be rebuttable", m.rebuttal.span,
                             (f"write `mental {m.kind.name} presumed rebuttable …`, or drop the rebuttal",))


def omission_duties(ds: Lookups) -> Iterator[Diagnostic]:
    """E210: an omission offence names the duty it fails and where that duty comes from."""
    for p in _provisions(ds):
        omission = next((c for c in p.conduct if c.name == OMISSION), None)
        if omission is not None and p.duty is None:
            yield Diagnostic("E210", f"`{OMISSION}` without a `duty`", omission.span,
                             (("an omission is punishable only for breach of a legal duty: add "
                              "`duty NAME under SOURCE`"),))
        elif omission is not None and p.duty is not None and p.duty.under is None and not p.duty.breaches:
            yield Diagnostic("E210", f"the duty `{p.duty.name.name}` has no source", p.duty.span,
                             (("an omission is punishable only for breach of a duty the law lays down: add "
                               "`under SOURCE` (e.g. laws-and-administrative-regulations) or `breaching` the "
                               "obligation it fails"),))


# E217, E218 -----------------------------------------------------------------------------------
def breached_obligations(ds: Lookups) -> Iterator[Diagnostic]:
    """E217: a duty's `breaching` names obligations among the drafts."""
    for p in _provisions(ds):
        for ref in p.duty.breaches if p.duty else ():
            if ref.id in ds.obligations:
                continue
            if ref.id in ds.provisions:
                hints = [(f"`{ref.id}` is a provision; `breaching` names the administrative obligation whose breach "
                         "the omission consists in")]
            else:
                matches = difflib.get_close_matches(ref.id, list(ds.obligations), n=3, cutoff=0.9)
                hints = [_did_you_mean(matches)] if matches else []
                hints.append("the obligation must be among the files checked together: `check` its file too, or give "
                             "its folder with `--with` (check, render and parse read it as context)")
            yield Diagnostic("E217", f"no obligation `{ref.id}` among the drafts", ref.span, tuple(hints))


def class_tiers(ds: Lookups) -> Iterator[Diagnostic]:
    """E218: an obligation tier that binds only some platform classes names them, one that binds all names none;
    every tier lists its measures."""
    for o in _obligations(ds):
        for t in o.tiers:
            if not t.measures:
                yield Diagnostic("E218", f"the `{t.name.name}` tier lists no measures", t.span,
                                 ((f"add what it requires: `tier {t.name.name}"
                                  f"{' for ' + ', '.join(c.name for c in t.classes) if t.classes else ''} "
                                  "measures …`"),))
            entry = ds.vocab.entry("obligation-tiers", t.name.name)
            if entry is None:
                continue  # E201
            every = bool(entry.get("all-classes"))
            if not every and not t.classes:
                yield Diagnostic("E218", f"the `{t.name.name}` tier applies only to some platform classes but names "
                                 "none", t.name.span,
                                 ((f"name them: `tier {t.name.name} for CLASS, … measures …`; classes are "
                                  f"{_choices(ds.vocab.section('platform-classes'))}"),))
            elif every and t.classes:
                yield Diagnostic("E218", f"the `{t.name.name}` tier binds every holder, so it names no platform class",
                                 t.classes[0].span,
                                 ("drop `for …`, or use a tier for some classes such as `enhanced` or `reduced`",))


# E211 ---------------------------------------------------------------------------------------------
def _flagged(ds: Lookups, doc: A.Rule) -> bool:
    """Whether the rule states a provenance that is not the statute's words (`r-memory`, `paraphrase`)."""
    return doc.provenance is not None and bool((ds.vocab.entry("provenances", doc.provenance.name) or {}).get("flag"))


def required_fields(ds: Lookups) -> Iterator[Diagnostic]:
    """E211: the fields without which a provision or interpretation cannot be read."""
    for doc in ds.documents:
        kind = _kind(doc)
        if isinstance(doc, A.Provision):
            present = {"jurisdiction": bool(doc.jurisdiction), "status": bool(doc.status), "title": bool(doc.title)}
        elif isinstance(doc, A.Obligation):
            present = {"jurisdiction": bool(doc.jurisdiction), "status": bool(doc.status), "title": bool(doc.title),
                       "holder": bool(doc.holders), "duty": bool(doc.duty)}
        elif isinstance(doc, A.Amendment):
            present = {"jurisdiction": bool(doc.jurisdiction), "status": bool(doc.status), "amends": bool(doc.amends),
                       "item": bool(doc.items)}
        elif isinstance(doc, A.Rule):
            present = {"jurisdiction": bool(doc.jurisdiction), "status": bool(doc.status), "title": bool(doc.title),
                       "kind": bool(doc.kind), "reaches": doc.reaches_all or bool(doc.reaches),
                       # a rule the reference gives no text of, recalled or paraphrased, renders as a summary
                       "text": doc.text is not None or doc.text_of is not None or _flagged(ds, doc)}
        else:
            present = {"issuer": bool(doc.issuers), "interprets": bool(doc.interprets), "title": bool(doc.title),
                       "article": bool(doc.articles)}
        missing = [name for name, given in present.items() if not given]
        if missing:
            yield Diagnostic("E211", f"{kind} `{doc.id}` has no {_listing(missing)}", doc.span,
                             (f"add {'it' if len(missing) == 1 else 'them'} inside the {kind}'s braces",))
        if isinstance(doc, A.Provision) and doc.text is None and doc.text_of is None and \
                not (doc.conduct and doc.penalties):
            if doc.conduct or doc.penalties:
                has, lacks = ("conduct", "penalty") if doc.conduct else ("penalty", "conduct")
                message = f"provision `{doc.id}` has `{has}` but no `{lacks}`"
            else:
                message = f"provision `{doc.id}` states no offence: it has no `text` and no `conduct` or `penalty`"
            yield Diagnostic("E211", message, doc.span,
                             (("a provision either quotes its statute in `text` or states its offence with "
                              "`conduct` and `penalty`"),))
        if isinstance(doc, A.Obligation) and bool(doc.conduct) != (doc.object is not None):
            has, lacks = ("conduct", "object") if doc.conduct else ("object", "conduct")
            yield Diagnostic("E211", f"obligation `{doc.id}` has `{has}` but no `{lacks}`", doc.span,
                             (("an obligation that forbids conduct (an administrative offence) names the conduct "
                               "and its object together, as a provision does"),))
        if doc.title is not None:
            yield from _title_languages(doc)


def _listing(names: Sequence[str]) -> str:
    quoted = [f"`{n}`" for n in names]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " or " + quoted[-1]


def _title_languages(doc: A.Document) -> Iterator[Diagnostic]:
    assert doc.title is not None
    p = packs.pack(doc.jurisdiction.name) if doc.jurisdiction is not None else None
    traditional = p is not None and p.script == "hant"
    chinese = ("zh-hant", doc.title.zh_hant, "Traditional Chinese") if traditional else ("zh", doc.title.zh, "Chinese")
    # Chinese is needed where the statutes are Chinese (or no jurisdiction is named); English always. A jurisdiction
    # without a pack is E201's alone: what its statutes are written in is not known.
    unknown = p is None and doc.jurisdiction is not None
    needed = (chinese,) if not unknown and (p is None or any(lang.startswith("zh") for lang in p.languages)) else ()
    for tag, value, language in (*needed, ("en", doc.title.en, "English")):
        if value is None:
            yield Diagnostic("E211", f"the title has no {language} (`{tag}`) text", doc.title.span,
                             (f"add `{tag} \"…\"` on its own line below the title",))


# E212 ---------------------------------------------------------------------------------------------
def implemented_articles(ds: Lookups) -> Iterator[Diagnostic]:
    """E212: `implements` names a treaty article (or a paragraph of one) with a conformance spec."""
    if ds.articles is None:
        return
    for p in _provisions(ds):
        for ref in p.implements:
            if any(ref.id == a or ref.id.startswith(a + ".") for a in ds.articles):
                continue
            known = f"specs exist for {_choices(sorted(ds.articles))}" if ds.articles else "no specs are installed"
            yield Diagnostic("E212", f"no conformance spec for treaty article `{ref.id}`", ref.span,
                             (f"{known}; an article is checked only when conformance/ holds its spec",))


# E213-E216 ----------------------------------------------------------------------------------------
def fine_units(ds: Lookups) -> Iterator[Diagnostic]:
    """E213: a fine's cap is an amount of money."""
    for p in _provisions(ds):
        for s in p.penalties:
            f = s.fine
            if f is not None and f.unit is not None and ds.vocab.entry("units", f.unit.name) is None:
                matches = ds.vocab.suggest("units", f.unit.name)
                hint = _did_you_mean(matches) if matches else \
                    f"write the currency after the amount: `fine {f.mode.name} <= {f.cap} yuan`"
                yield Diagnostic("E213", f"fine cap without a currency: `{f.unit.name}` is not a unit",
                                 f.unit.span, (hint,))
    for sa in (sa for o in _obligations(ds) for sa in o.sanctions):
        if sa.unit is None or sa.low is None or sa.high is None:
            continue
        if ds.vocab.entry("units", sa.unit.name) is None:
            matches = ds.vocab.suggest("units", sa.unit.name)
            fine = sa.kind.name == "fine"  # a sanction beside it (counselling hours) has a unit, not a currency
            yield Diagnostic("E213", f"{'fine range without a currency' if fine else 'range without a unit'}: "
                             f"`{sa.unit.name}` is not a unit", sa.unit.span,
                             (_did_you_mean(matches) if matches else
                              f"write the {'currency' if fine else 'unit'} after the range, e.g. "
                              f"{'yuan' if fine else 'hours'}",))
        if sa.low > sa.high:
            yield Diagnostic("E213", f"the fine range {sa.low}..{sa.high} runs from high to low", sa.span,
                             (f"write the lower end first: `{sa.high}..{sa.low} {sa.unit.name}`",))


def article_numbers(ds: Lookups) -> Iterator[Diagnostic]:
    """E214: an interpretation's articles are numbered 1, 2, 3, … in order."""
    for i in _interpretations(ds):
        for expected, a in enumerate(i.articles, start=1):
            if a.number != expected:
                yield Diagnostic("E214", f"article {a.number} should be article {expected}", a.span,
                                 ("number the articles 1, 2, 3, … in the order they appear",))
                break


def cited_ids(ds: Lookups) -> Iterator[Diagnostic]:
    """E220: a provision's or obligation's id is jurisdiction.instrument.article[.paragraph], the article numbered
    as its jurisdiction's pack numbers articles: what parses is what render can cite."""
    for doc in ds.documents:
        if not isinstance(doc, A.Provision | A.Obligation):
            continue
        jurisdiction = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
        if packs.pack(jurisdiction) is None:
            continue  # an unknown jurisdiction is E201's
        problem = packs.id_problem(doc.id, jurisdiction)
        if problem is not None:
            yield Diagnostic("E220", problem[0], doc.span, (problem[1],))
        ins = doc.instrument if isinstance(doc, A.Provision) else None
        pack = packs.pack(jurisdiction)
        numbers = (ins.inserts, ins.after, ins.replaces, ins.adds_to) if ins is not None and pack is not None else ()
        for number in numbers:  # every article an amendment names, as the pack numbers them
            if number is not None and not pack.numbering().fullmatch(number):
                yield Diagnostic("E220", f"article {number} is not numbered as {jurisdiction}'s pack numbers articles",
                                 ins.span, ((f"write it as the pack's numbering says ({pack.pattern}), e.g. "
                                            f"{pack.examples[-1]}"),))


def interpreted_tiers(ds: Lookups) -> Iterator[Diagnostic]:
    """E215: a tier article enumerates a tier its provision declares."""
    for i in _interpretations(ds):
        for a in i.articles:
            p = ds.provisions.get(a.provision.id) if isinstance(a, A.TierArticle) else None
            if p is None or not isinstance(a, A.TierArticle) or a.tier.name == "base":
                continue
            if all(t.name.name != a.tier.name for t in p.tiers):
                yield Diagnostic("E215", f"`{p.id}` declares no `{a.tier.name}` tier", a.tier.span,
                                 (f"add `tier {a.tier.name} requires …` to the provision",))


def repeated_terms(ds: Lookups) -> Iterator[Diagnostic]:
    """E216: a list names each term once, and an object gives each attribute once."""
    for doc in ds.documents:
        if isinstance(doc, A.Provision | A.Obligation) and doc.object is not None:
            given: dict[str, A.ObjectAttr] = {}
            for a in doc.object.attrs:
                if a.name.name in given:
                    hint = (f"merge it with line {_line(given[a.name.name])}: join the values with | (any one) "
                            "or , (all of them)")
                    yield Diagnostic("E216", f"attribute `{a.name.name}` is given twice in the object", a.name.span,
                                     (hint,))
                given.setdefault(a.name.name, a)
        for terms, what in _term_lists(doc):
            seen: set[str] = set()
            for t in terms:
                if t.name in seen:
                    yield Diagnostic("E216", f"`{t.name}` is listed twice in {what}", t.span,
                                     ("remove the repetition",))
                seen.add(t.name)


def _term_lists(doc: A.Document) -> Iterator[tuple[Sequence[A.Term], str]]:
    if isinstance(doc, A.Amendment):
        return
    if isinstance(doc, A.Rule):
        yield doc.punishes, "`punishes`"
        return
    if isinstance(doc, A.Obligation):
        yield doc.holders, "`holder`"
        yield doc.conduct, "`conduct`"
        for a in doc.object.attrs if doc.object else ():
            yield a.values, f"`{a.name.name}`"
        for t in doc.tiers:
            yield t.classes, f"the classes of tier `{t.name.name}`"
            yield t.measures, f"the measures of tier `{t.name.name}`"
        return
    if isinstance(doc, A.Interpretation):
        yield doc.issuers, "`issuer`"
        for article in doc.articles:
            if isinstance(article, (A.DefinesArticle, A.EvidenceArticle)):
                yield article.evidence, f"the evidence of article {article.number}"
        return
    if doc.protects:
        yield doc.protects.primary + doc.protects.secondary, "`protects`"
    yield doc.actors, "`actors`"
    yield doc.conduct, "`conduct`"
    yield doc.recipients, "`recipients`"
    for a in doc.as_to:
        yield tuple(m.kind for m in a.states), f"the states of mind as to {a.element.name}"
    if doc.purpose:
        yield doc.purpose.purposes, "`purpose`"
        yield doc.purpose.evidence, "the evidence of the purpose"
    if doc.means:
        yield doc.means.means + doc.means.excluding, "`means`"
    if doc.object:
        for a in doc.object.attrs:
            yield a.values, f"`{a.name.name}`"
    for e in doc.exceptions:
        yield e.conditions, f"the conditions of exception `{e.kind.name}`"
    if doc.prosecution:
        yield doc.prosecution.exceptions, "the exceptions to prosecution"


# E219 ---------------------------------------------------------------------------------------------
def shared_texts(ds: Lookups) -> Iterator[Diagnostic]:
    """E219: `text of ID` names a provision, obligation or rule of the set that has verbatim text, and no circle."""
    by_id = texted([A.DraftFile("", ds.documents)])
    for doc in ds.documents:
        if not isinstance(doc, (A.Provision, A.Obligation, A.Rule)) or doc.text_of is None:
            continue
        ref = doc.text_of
        target = by_id.get(ref.id)
        if target is None:
            others = [i for i in by_id if i != doc.id]
            matches = difflib.get_close_matches(ref.id, others, n=3, cutoff=0.9)
            hints = [_did_you_mean(matches)] if matches else []
            hints.append("the provision, obligation or rule whose text is shared must be among the files checked "
                         "together")
            yield Diagnostic("E219", f"no provision, obligation or rule `{ref.id}` among the drafts", ref.span,
                             tuple(hints))
        elif target.text is None and target.text_of is None:
            yield Diagnostic("E219", f"`{ref.id}` has no verbatim `text` to share", ref.span,
                             ((f"`text of` names a provision, obligation or rule that quotes its statute in `text`; "
                               f"give `{ref.id}` its text, or quote it here"),))
        else:
            text, chain = shared_text(doc, by_id)
            if text is None and chain[-1] == doc.id:
                yield Diagnostic("E219", f"`text of` goes round in a circle: {' → '.join(chain)}", ref.span,
                                 ("one of them must quote the statute in `text` for the others to share",))


# W201-W203: warnings, reported beside the findings and never stopping a command ---------------------------
def unimplemented_proposals(ds: Lookups) -> Iterator[Diagnostic]:
    """W201: a proposed provision names the treaty article it carries out."""
    for p in _provisions(ds):
        if p.status is not None and p.status.name == "proposed" and not p.implements:
            yield Diagnostic("W201", f"proposed provision `{p.id}` implements no treaty article", p.span,
                             ((f"name the article it carries out, e.g. `implements {_example_article(ds)}`: the "
                               "gate compares the articles a provision implements, and the rendered notes cite "
                               "them"),), Severity.WARNING)


def _example_article(ds: Lookups) -> str:
    return min(ds.articles) if ds.articles else "uncc.16"


# Words an interpretation quotes: between Chinese corner brackets or curly double quotes.
QUOTED = re.compile(r"「([^「」]+)」|“([^“”]+)”")


def unquoted_words(ds: Lookups) -> Iterator[Diagnostic]:
    """W202: words an interpretation's `text` quotes are words of the verbatim text of a provision it interprets."""
    for i in _interpretations(ds):
        texts = [t for ref in i.interprets if (t := _verbatim(ds, ref.id)) is not None]
        if not texts:
            continue  # nothing verbatim to quote from: a proposal, or a provision outside the set
        for a in i.articles:
            if not isinstance(a, A.TextArticle):
                continue
            for lang in ("zh", "zh_hant", "en"):
                written = getattr(a.text, lang)
                statutes = [_squeezed(v) for t in texts if (v := getattr(t, lang)) is not None]
                if written is None or not statutes:
                    continue
                for m in QUOTED.finditer(written):
                    words = m.group(1) or m.group(2)
                    if not any(_squeezed(words) in statute for statute in statutes):
                        cited = ", ".join(f"`{r.id}`" for r in i.interprets)
                        yield Diagnostic(
                            "W202", f"article {a.number} quotes {m.group(0)}, which the text of {cited} does not "
                            "contain", a.span,
                            (("quote the provision's words exactly, or drop the quotation marks where the article "
                              "paraphrases"),), Severity.WARNING)


def _verbatim(ds: Lookups, ident: str) -> A.Text | None:
    """The verbatim text of the provision with this id in the set, its own or shared, if it has one."""
    p = ds.provisions.get(ident)
    return None if p is None else shared_text(p, ds.texts)[0]


def _squeezed(s: str) -> str:
    """Text without its whitespace: a quote may wrap where the statute's lines do not."""
    return "".join(s.split())


def interpretation_frames(ds: Lookups) -> Iterator[Diagnostic]:
    """E232: an interpretation's frame fits its standing: a number and an adoption line only once adopted, a draft's
    stage only on a proposal, a commencement on a real date, a catch-all item only in a list of alternatives."""
    for i in _interpretations(ds):
        in_force = i.status is not None and i.status.name == "in-force"
        if not in_force:
            for what, node in (("document number", i.number), ("adoption line", i.adopted)):
                if node is not None:
                    yield Diagnostic("E232", f"`{i.id}` is not in force, so it has no {what}: a court gives one when "
                                     "it adopts an interpretation", node.span,
                                     ((f"remove the {what}, or set `status in-force` if the file quotes an "
                                       "interpretation the court adopted"),))
        elif i.stage is not None:
            yield Diagnostic("E232", f"`{i.id}` is in force, so it is no {i.stage.name}", i.stage.span,
                             ("remove the `stage` line, or set `status proposed` for a draft",))
        if isinstance(i.commencement, A.Stated) and not _is_date(i.commencement.value):
            yield Diagnostic("E232", f"the commencement “{i.commencement.value}” is no date written YYYY-MM-DD",
                             i.commencement.span,
                             (('write the date the file quotes, e.g. `commencement "2019-11-01"`, or '
                               '`commencement on-publication` for one from its publication (自发布之日起)'),))
        for a in i.articles:
            if isinstance(a, A.TierArticle) and a.catch_all and a.condition.mode is not A.ConditionMode.ANY:
                yield Diagnostic("E232", f"article {a.number} ends a list whose items must all be present with a "
                                 "catch-all item", a.span,
                                 ("a catch-all (其他……的情形) closes a list of alternatives: write `when any { … }`",))


def _is_date(value: str) -> bool:
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        datetime.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def dated_versions(ds: Lookups) -> Iterator[Diagnostic]:
    """E222: a provision whose text is of an earlier version says which, as a year, two years or a date: its heading
    prints it in every language ("text as at 2013-2020" / 2013—2020年文本)."""
    for doc in ds.documents:
        if doc.status is None or doc.status.name != "outdated":
            continue
        v = getattr(doc, "version", None)
        if v is None or v.as_at is None or not dated_as_at(v.as_at):
            given = f"`as-at \"{v.as_at}\"` is not a year, two years or a date" if v is not None and v.as_at \
                else "it gives no `version as-at`"
            yield Diagnostic("E222", f"{_kind(doc)} `{doc.id}` is `status outdated`, but {given}",
                             (v.span if v is not None else None) or doc.status.span,
                             (('write the date of the text it quotes, e.g. `version as-at "2013-2020"` or `version '
                              'as-at "2016-10-08"`; say more in a comment or the `source`'),))


# a provision's element by its `provenance … for` name -> whether the provision has it
_ELEMENTS: dict[str, Callable[[A.Provision], object]] = {
    "actors": lambda p: p.actors, "mental": lambda p: p.mental or p.as_to, "conduct": lambda p: p.conduct,
    "means": lambda p: p.means, "object": lambda p: p.object, "consent": lambda p: p.consent,
    "harm": lambda p: p.harm, "tier": lambda p: p.tiers, "exception": lambda p: p.exceptions,
    "prosecution": lambda p: p.prosecution, "penalty": lambda p: p.penalties}


def element_provenances(ds: Lookups) -> Iterator[Diagnostic]:
    """E225: an element's own provenance is of an element the provision has, and no weaker than the provision's
    label, which is the weakest any element rests on (a provision stating none is taken as verbatim)."""
    def rank(t: A.Term | None) -> int:
        return int((ds.vocab.entry("provenances", t.name) or {}).get("rank", 0)) if t is not None else 0
    for p in _provisions(ds):
        for e in p.element_provenances:
            for t in e.elements:
                has = _ELEMENTS.get(t.name)
                if has is not None and not has(p):
                    yield Diagnostic("E225", f"`provenance {e.label.name} for {t.name}`, but provision `{p.id}` has "
                                     f"no `{t.name}`", t.span,
                                     (f"give the provision's `{t.name}`, or leave `{t.name}` out of this line",))
            if rank(e.label) > rank(p.provenance):
                own = f"`provenance {p.provenance.name}`" if p.provenance is not None else "no `provenance` (verbatim)"
                yield Diagnostic("E225", f"`{e.label.name}` is weaker than the provision's own label: it has {own}",
                                 e.label.span,
                                 ((f"the provision's `provenance` is the weakest label any element rests on: "
                                   f"write `provenance {e.label.name}` for the provision, and give the stronger "
                                   "elements labels of their own"),))


def dated_as_at(value: str) -> bool:
    """A dated text's as-at date: a year (2013), two years (2013-2020), a month (2022-03) or a date (2016-10-08)."""
    return bool(re.fullmatch(r"\d{4}(-\d{4})?", value) or re.fullmatch(r"\d{4}-\d{2}", value) or _is_date(value))


def unsourced_texts(ds: Lookups) -> Iterator[Diagnostic]:
    """W203: a provision or obligation that quotes verbatim `text` says where the text comes from."""
    for doc in ds.documents:
        if isinstance(doc, (A.Provision, A.Obligation, A.Rule)) and doc.text is not None and not doc.sources:
            yield Diagnostic("W203", f"{_kind(doc)} `{doc.id}` quotes its `text` without a `source`", doc.span,
                             ("add `source \"…\"` naming the act, article and paragraph the text is quoted from",),
                             Severity.WARNING)


def _kind(doc: A.Document) -> str:
    return "provision" if isinstance(doc, A.Provision) else "obligation" if isinstance(doc, A.Obligation) else \
        "rule" if isinstance(doc, A.Rule) else "amendment" if isinstance(doc, A.Amendment) else "interpretation"


# E221 ---------------------------------------------------------------------------------------------
LEGAL_PERSONS = "legal-persons"
# how the legal person answers under a legal-persons rule: one of these, beside which it may punish natural persons
UNIT_ANSWERS = ("fine-on-unit", "administrative-fine-on-unit", "offence-penalty-on-unit", "as-provided-elsewhere")
_PUNISHES_HINT = ("name how the legal person answers: `fine-on-unit` (the rule fines it), "
                  "`administrative-fine-on-unit` (the rule fines it administratively), `offence-penalty-on-unit` "
                  "(it takes the offence's own penalty) or `as-provided-elsewhere`; add "
                  "`responsible-persons-punished` where the rule punishes natural persons beside it")


def general_part_rules(ds: Lookups) -> Iterator[Diagnostic]:
    """E221: a general-part rule reaches offences of its own jurisdiction only (of its own act, or of another it is
    applied to), and only a legal-persons rule says how the legal person answers (always: a fine the rule imposes,
    the offence's own penalty, or as another provision says), a fine without a range qualifying a fine it imposes."""
    for r in (d for d in ds.documents if isinstance(d, A.Rule)):
        law = amendments.code_of(r).split(".")[0]
        for ref in r.reaches:
            if not ref.id.startswith(law + "."):
                yield Diagnostic("E221", f"rule `{r.id}` of `{law}` reaches `{ref.id}`, a provision of another "
                                 "jurisdiction", ref.span,
                                 (f"a rule reaches the offences of its own jurisdiction: ids that begin `{law}.`",))
        if r.kind is None:
            continue
        named = {t.name for t in r.punishes}
        if r.kind.name == LEGAL_PERSONS and not named & set(UNIT_ANSWERS):
            yield Diagnostic("E221", f"the legal-persons rule `{r.id}` does not say how the legal person answers",
                             r.punishes[0].span if r.punishes else r.span, (_PUNISHES_HINT,))
        elif r.kind.name == LEGAL_PERSONS and "fine-without-range" in named \
                and not named & {"fine-on-unit", "administrative-fine-on-unit"}:
            yield Diagnostic("E221", f"the legal-persons rule `{r.id}` says its fine has no range but imposes no fine",
                             r.punishes[0].span,
                             ("`fine-without-range` goes beside `fine-on-unit` or `administrative-fine-on-unit`",))
        elif r.kind.name != LEGAL_PERSONS and r.punishes:
            yield Diagnostic("E221", f"`punishes` belongs to a legal-persons rule, not to a `{r.kind.name}` rule",
                             r.punishes[0].span, ("drop `punishes`, or make the rule `kind legal-persons`",))


def amendment_operations(ds: Lookups) -> Iterator[Diagnostic]:
    """E230: amendment operations fit the act and the text in force of the set (language/amendments.py)."""
    return amendments.check(ds.documents, ds.texts)




def _obligations(ds: Lookups) -> Iterator[A.Obligation]:
    return (d for d in ds.documents if isinstance(d, A.Obligation))


def _provisions(ds: Lookups) -> Iterator[A.Provision]:
    return (d for d in ds.documents if isinstance(d, A.Provision))


def virtual_tests(ds: Lookups) -> Iterator[Diagnostic]:
    """E223: a virtual test's scope (`existing-persons-exempt`: the test spares material depicting an existing person)
    says where conditions apply, so the test names them, all of them required (`,`)."""
    for p in ds.provisions.values():
        for a in p.object.attrs if p.object is not None else ():
            if a.name.name != "virtual-test":
                continue
            scope = [v for v in a.values
                     if (vocabulary().entry("object-attributes.virtual-test", v.name) or {}).get("scope")]
            if not scope:
                continue
            if len(scope) == len(a.values):
                yield Diagnostic("E223", "the virtual test says where it applies but names no condition", a.span,
                                 (("list the conditions synthetic material must meet beside it, e.g. "
                                   "`virtual-test high-verisimilitude, inducement-risk, existing-persons-exempt`"),))
            elif not a.cumulative:
                yield Diagnostic("E223", "the virtual test's conditions and its scope are joined by `|`", a.span,
                                 ("a virtual test's conditions are all required: join them with `,`",))


def _interpretations(ds: Lookups) -> Iterator[A.Interpretation]:
    return (d for d in ds.documents if isinstance(d, A.Interpretation))


RULES: tuple[Rule, ...] = (
    unknown_terms, threshold_units, penalty_order, penalty_ranges, duplicate_ids, unknown_provisions,
    tier_penalties, mental_degrees, rebuttable_presumptions, omission_duties, required_fields,
    implemented_articles, fine_units, article_numbers, cited_ids, interpreted_tiers, repeated_terms,
    breached_obligations, class_tiers, shared_texts, unimplemented_proposals, unquoted_words, unsourced_texts,
    general_part_rules, amendment_operations, interpretation_frames, dated_versions, virtual_tests,
    element_provenances,
)

# The rules that read one document at a time (with the vocabulary, the packs and the treaty articles, which are in
# every cache key): a file's findings under them depend on that file alone. Every other rule reads the set (the ids,
# texts or obligations of other files, or the set's articles): a new rule is one of those until it is listed here.
LOCAL: tuple[Rule, ...] = (
    unknown_terms, threshold_units, penalty_order, penalty_ranges, tier_penalties, mental_degrees, omission_duties,
    required_fields, implemented_articles, fine_units, article_numbers, cited_ids, repeated_terms, class_tiers,
    unsourced_texts, general_part_rules, dated_versions, virtual_tests, element_provenances,
)
