"""The smallest facts a requirement demands be punishable that no provision of the set reaches, by treaty/reach."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import TypeVar

from ..language.ast import Provision, Rule
from ..language.vocabulary import vocabulary
from .conformance import check
from .facts import facts_of
from .floor import Floor, defence_grade, floor_of, representative_ages
from .reach import Doubt, Reach, reaches
from .scenario import Material, Person, Scenario
from .spec import Requirement, Spec, spec_for
from .values import Grade, RequirementKind


@dataclass(frozen=True)
class Counterexample:
    """Facts the treaty requires to be punishable, and why each provision of the set does not reach them."""

    requirement: str
    scenario: Scenario
    floor: Floor
    misses: tuple[Reach, ...]  # one per provision of the set, each with a miss or a question for a court
    # the facts record a real person and the set has an offence against that person (_force_would_bring_in): the
    # absence of force is then one of the reasons no provision reaches them
    unforced: bool = False

    @property
    def doubts(self) -> tuple[tuple[str, Doubt], ...]:
        """What a court would have to find for a provision to reach the facts after all; none for facts that escape
        every provision beyond doubt."""
        return doubts_of(self.misses)


def doubts_of(results: Iterable[Reach]) -> tuple[tuple[str, Doubt], ...]:
    """(provision, question) for each provision that reaches the facts only if a court so finds."""
    return tuple((r.provision, d) for r in results if r.uncertain for d in r.doubts)


def article_of(requirement: str) -> str:
    """uncc.14.1.c -> uncc.14"""
    return ".".join(requirement.split(".")[:2])


def _object_met(r: Reach) -> bool:
    """The provision's object holds of the facts beyond doubt (a court's finding it waits on is no object met)."""
    return not any(m.element == "object" or m.element.startswith("object.") for m in (*r.misses, *r.doubts))


def unprotected_age(floor: Floor, s: Scenario, provisions: list[Provision], rules: list[Rule]) -> int | None:
    """The least-protected age of the requirement's range for facts that record a real person: inside the widest
    stretch of ages at which no provision of the set would reach the same facts had the actor coerced or enticed
    the person shown (an offence against that person: indecency, rape), away from the stretch's ends (principle G:
    facts that trigger no neighbouring offence); None where every age is protected so."""
    lo, hi = floor.ages
    top = hi if hi is not None else lo + 100
    assert s.material is not None
    known = s.material.person.identifiable
    free = [a for a in range(lo, top) if not any(
        reaches(p, s.but(contact=True).with_material(person=Person(a, identifiable=known)), rules).reached
        for p in provisions)]
    if not free or len(free) == top - lo:
        return None
    stretches: list[tuple[int, int]] = []
    for a in free:
        if stretches and stretches[-1][1] == a:
            stretches[-1] = (stretches[-1][0], a + 1)
        else:
            stretches.append((a, a + 1))
    a, b = max(stretches, key=lambda st: st[1] - st[0])
    return max(a, b - 2) if b < top or hi is not None else max(a + 2, 30)


def _makes_a_record_of(s: Scenario) -> bool:
    """The act records a real person: whoever does it is with the person shown, so that an offence against that
    person (rape, indecency) would stand beside it unless their age and the absence of force keep it out."""
    return s.act == "produce" and s.material is not None and s.material.origin == "real" and s.material.person.exists


def _force_would_bring_in(floor: Floor, s: Scenario, provisions: list[Provision], rules: list[Rule]) -> bool:
    """Whether the facts record a real person and some provision of the set is an offence against that person: one
    that would reach the maker (or leave them to a court) only had they coerced or enticed the person shown, by
    violence or coercion, at the facts' age or another of the requirement's. Then the age and the absence of force
    are why that offence does not reach the facts; else nothing in the set turns on force, and the facts do not
    say it."""
    if not _makes_a_record_of(s):
        return False
    assert s.material is not None
    forced = s.but(contact=True, manner=s.manner | {"violence", "coercion"})
    known = s.material.person.identifiable

    def at(facts: Scenario, age: int) -> Scenario:
        return facts.with_material(person=Person(age, identifiable=known))

    return any(not reaches(p, at(forced, age), rules, provisions).misses
               and reaches(p, at(s, age), rules, provisions).misses
               for age in dict.fromkeys([s.material.person.age, *representative_ages(floor.ages)]) for p in provisions)


def candidates(floor: Floor, identifiable: bool = True,
               first_age: Callable[[Scenario], int | None] = lambda s: None,
               place: str | None = None) -> Iterable[Scenario]:
    """The floor's facts, act by act (the act needing the least audience first, then the treaty's order), and for
    each act every material inside the requirement; the person shown identifiable, or (`identifiable` false) not,
    which the treaty does not ask either; `first_age` may put one age before the representative ones; `place` where
    the material was made, which the treaty does not ask either (None: wherever its privacy puts it)."""
    order = sorted(floor.acts, key=lambda a: (floor.audience(a)[0] + 10 * floor.audience(a)[1], floor.acts.index(a)))
    for act in order:
        recipients, public = floor.audience(act)
        for medium, origin, depiction in itertools.product(floor.media, floor.origins, floor.depictions):
            s = Scenario(act, Material(medium, origin, frozenset({depiction}),
                                       Person(floor.ages[0], identifiable=identifiable),
                                       private_at_recording=floor.private, place=place),
                         recipients=recipients, public=public)
            ages = representative_ages(floor.ages)
            first = first_age(s)
            for age in ([first] if first is not None else []) + [a for a in ages if a != first]:
                yield s.with_material(person=Person(age, identifiable=identifiable))


def _first_age(floor: Floor, provisions: list[Provision], rules: list[Rule]) -> Callable[[Scenario], int | None]:
    """For facts that make a record of a real person, the age to try first: the least-protected one."""
    free: dict[Scenario, int | None] = {}

    def first_age(s: Scenario) -> int | None:
        if not _makes_a_record_of(s):
            return None
        assert s.material is not None
        # every age of the same facts asks the same question
        key = s.with_material(person=Person(floor.ages[0], identifiable=s.material.person.identifiable))
        if key not in free:
            free[key] = unprotected_age(floor, key, provisions, rules)
        return free[key]

    return first_age


def search(floor: Floor, provisions: list[Provision], rules: list[Rule],
           in_full: Callable[[str], bool] = lambda act: False) -> Counterexample | None:
    """For each act in turn, the facts whose material satisfies the object of the most provisions (so that the gap
    lies in the other elements, principle G) that still no provision reaches; where the act makes a record of a real
    person, at the age no offence of the set against that person protects, before any other; where every such fact
    is reached, the same facts with a person no one could identify, for a set whose offences ask identifiability.
    An act the check reads as reached in full (`in_full`) is a counterexample's only with a depiction the set does
    not reach for it: the definition's gap, never material one provision reaches in a form another leaves out."""
    first_age = _first_age(floor, provisions, rules)
    shown = _depictions_reached(floor, provisions, rules)
    covered = {verb for p in provisions for verb in facts_of(p).covers}  # an act no provision names is reached by none

    def admitted(s: Scenario) -> bool:
        assert s.material is not None
        return not (s.act in covered and in_full(s.act) and s.material.depicts & shown(s.act))

    def at(place: str | None) -> Counterexample | None:
        found = _search(floor, filter(admitted, candidates(floor, first_age=first_age, place=place)), provisions,
                        rules, first_age)
        if (found is None or found.doubts) and _limits(provisions, "obtained"):
            # offences limited by how the actor came by the material: the same facts, come by each other way in turn
            for way in vocabulary().section("ways-obtained"):
                other = _search(floor, (s.but(obtained=way) for s in candidates(floor, first_age=first_age,
                                                                                 place=place)
                                        if admitted(s)), provisions, rules, first_age)
                if other is not None and (found is None or not other.doubts):
                    found = other
                    if not other.doubts:
                        break
        if (found is None or found.doubts) and _limits(provisions, "identifiable-by"):
            other = _search(floor, filter(admitted, candidates(floor, identifiable=False, first_age=first_age,
                                                               place=place)),
                            provisions, rules, first_age)
            if other is not None and (found is None or not other.doubts):
                found = other
        return found

    return _each_place(provisions, at)


_Found = TypeVar("_Found", "Counterexample", "MaterialGap")


def _limits(provisions: list[Provision], attr: str) -> bool:
    """Whether some provision's object is limited by the attribute."""
    return any(a.name.name == attr for p in provisions if p.object for a in p.object.attrs)


def _each_place(provisions: list[Provision], at: Callable[[str | None], _Found | None]) -> _Found | None:
    """What `at` finds with the material made wherever its privacy puts it, and, where some provision is limited by
    where it was made (`place`) and that finds nothing beyond doubt, made in each place in turn: a place limit then
    combines with every other limit of the set (an image private when recorded, made in a public place, of a kind a
    second offence leaves out). What `at` finds has `doubts`: the first without any wins."""
    found = at(None)
    if (found is None or found.doubts) and _limits(provisions, "place"):
        for place in vocabulary().section("object-attributes.place"):
            other = at(place)
            if other is not None and (found is None or not other.doubts):
                found = other
                if not other.doubts:
                    break
    return found


def _depictions_reached(floor: Floor, provisions: list[Provision],
                        rules: list[Rule]) -> Callable[[str], frozenset[str]]:
    """The depictions of the floor that some provision reaches for an act, with any material the floor admits and
    every purpose, circumstance and audience the set asks for: asked of an act once, when first needed."""
    known: dict[str, frozenset[str]] = {}

    def shown(act: str) -> frozenset[str]:
        if act not in known:
            known[act] = frozenset(d for d in floor.depictions if any(
                reaches(p, _generous(s, provisions), rules, provisions).reached
                for s in candidates(floor) if s.act == act and s.material is not None
                and s.material.depicts == frozenset({d}) for p in provisions))
        return known[act]

    return shown


def _search(floor: Floor, facts: Iterable[Scenario], provisions: list[Provision], rules: list[Rule],
            first_age: Callable[[Scenario], int | None]) -> Counterexample | None:
    by_act: dict[str, list[tuple[bool, int, int, Scenario, list[Reach]]]] = {}
    for n, s in enumerate(facts):
        results = [reaches(p, s, rules, provisions) for p in provisions]
        assert s.material is not None
        aside = first_age(s) not in (None, s.material.person.age)  # an age some offence against the person protects
        by_act.setdefault(s.act, []).append((aside, -sum(map(_object_met, results)), n, s, results))
    # facts every provision misses beyond doubt first; else the first that only a court's finding would bring in
    hedged = None
    for options in by_act.values():
        for _, _, _, s, results in sorted(options, key=lambda o: o[:3]):
            if all(r.misses for r in results):
                return Counterexample(floor.requirement, s, floor, tuple(results),
                                      _force_would_bring_in(floor, s, provisions, rules))
            if hedged is None and not any(r.reached for r in results):
                hedged = Counterexample(floor.requirement, s, floor, tuple(results),
                                        _force_would_bring_in(floor, s, provisions, rules))
    return hedged


def counterexample(requirement: Requirement, provisions: Iterable[Provision], rules: Iterable[Rule] = (),
                   spec: Spec | None = None, full: Iterable[str] | None = None) -> Counterexample | None:
    """The smallest facts the requirement demands be punishable that no provision of the set reaches, or None where
    every such fact is reached (or the requirement is not an offence: definitions, options and reviews have no
    facts of their own). `full`: the acts the check reads as reached in full, where the caller has its finding;
    else the check is asked, once a counterexample's act is one a provision reaches."""
    if requirement.kind is not RequirementKind.OFFENCE:
        return None
    spec = spec or spec_for(article_of(requirement.id))
    provs, general = sorted(provisions, key=lambda p: p.id), list(rules)
    acts: list[frozenset[str]] = [] if full is None else [frozenset(full)]

    def in_full(act: str) -> bool:
        if not acts:
            f = next(v for v in check(spec, provs, general, general_part=bool(general)).verdicts
                     if v.requirement.id == requirement.id)
            acts.append(frozenset(f.reached) - frozenset(f.partial))
        return act in acts[0]

    return search(floor_of(spec, requirement), provs, general, in_full)


@dataclass(frozen=True)
class MaterialGap:
    """Material inside a definition that no provision of the set reaches, even with every other element an offence
    of the set asks for made out, beside material it does reach with the same facts: the definition's gap alone."""

    requirement: str
    scenario: Scenario  # the facts with the material outside every provision
    reached: Scenario  # the same facts with the material the set does reach
    by: tuple[str, ...]  # the provisions that reach `reached`
    needs: tuple[Reach, ...]  # what those provisions ask beyond the floor (purposes, thresholds, audience)
    doubts: tuple[tuple[str, Doubt], ...] = ()  # what a court would have to find to bring `scenario` in


def _generous(s: Scenario, provisions: list[Provision]) -> Scenario:
    """The facts with every purpose, circumstance, figure and audience the set's provisions ask for: what a
    definition's gap must survive (no manner, contact or harm, which are the conduct's, not the material's)."""
    purposes = frozenset(t.name for p in provisions if p.purpose is not None for t in p.purpose.purposes)
    circumstances = frozenset(t.requires.name for p in provisions for t in p.tiers if t.requires is not None)
    many = 10 ** 6
    return s.but(purposes=purposes, circumstances=circumstances, public=True, recipients=many, views=many,
                 gains=many).with_material(count=many)


def material_gap(requirement: Requirement, provisions: Iterable[Provision], rules: Iterable[Rule] = (),
                 spec: Spec | None = None, among: Iterable[str] | None = None) -> MaterialGap | None:
    """For a definition (Art. 14(2), 16(2)): the first limb of it that no provision reaches where another limb, with
    the same act and facts, is reached; None where every limb is reached, or none is (then the offences' own
    counterexamples say more). `among`: the provisions under review for the definition, the only ones the gap may
    name as reaching the other limb."""
    if requirement.kind is not RequirementKind.DEFINITION:
        return None
    spec = spec or spec_for(article_of(requirement.id))
    provisions = sorted(provisions, key=lambda p: p.id)
    rules = list(rules)
    named = None if among is None else set(among)
    return _each_place(provisions, lambda place: _material_gap(requirement, spec, provisions, rules, named, place))


def _material_gap(requirement: Requirement, spec: Spec, provisions: list[Provision], rules: list[Rule],
                  named: set[str] | None, place: str | None) -> MaterialGap | None:
    hedged = None  # a limb only a court's finding would bring in: reported only where no limb is outside beyond doubt
    for q in spec.requirements:
        if q.kind is not RequirementKind.OFFENCE or not q.conduct:
            continue
        floor = floor_of(spec, q)
        first_age = _first_age(floor, provisions, rules)
        for s in candidates(floor, first_age=first_age, place=place):
            assert s.material is not None
            if s.material.depicts != frozenset({floor.depictions[0]}):
                continue  # each limb is tried below, against the same facts
            g = _generous(s, provisions)
            if place is not None and not any(reached_by_ids(provisions, g.with_material(depicts=frozenset({d})), rules)
                                             for d in floor.depictions):
                # no limb is reached where this image was made: the place is the gap, beside one made elsewhere
                found = _place_gap(requirement, g, floor.depictions[0], s, provisions, rules, named)
                if found is not None and not found.doubts:
                    return found
                hedged = hedged or found
                continue
            for d in floor.depictions:
                base = g.with_material(depicts=frozenset({d}))
                by = [pid for pid in reached_by_ids(provisions, base, rules) if named is None or pid in named]
                if not by:
                    continue
                for other in floor.depictions:
                    gap = g.with_material(depicts=frozenset({other}))
                    results = [reaches(p, gap, rules, provisions) for p in provisions]
                    if other == d or any(r.reached for r in results):
                        continue
                    at_floor = s.with_material(depicts=frozenset({d}))
                    needs = tuple(reaches(p, at_floor, rules, provisions) for p in provisions if p.id in by)
                    found = MaterialGap(requirement.id, gap, base, tuple(by), needs, doubts_of(results))
                    if not found.doubts:
                        return found
                    hedged = hedged or found
                break  # the limbs are tried against the first one the set reaches
    return hedged


def _place_gap(requirement: Requirement, g: Scenario, depicts: str, floor_facts: Scenario,
               provisions: list[Provision], rules: list[Rule], named: set[str] | None) -> MaterialGap | None:
    """An image made where no provision of the set reaches it (a private place other than a dwelling, where one
    offence reaches dwellings and another public places), beside the same image made in a place one does reach."""
    gap = g.with_material(depicts=frozenset({depicts}))
    for elsewhere in vocabulary().section("object-attributes.place"):
        base = gap.with_material(place=elsewhere)
        by = [pid for pid in reached_by_ids(provisions, base, rules) if named is None or pid in named]
        if by:
            results = [reaches(p, gap, rules, provisions) for p in provisions]
            at_floor = floor_facts.with_material(depicts=frozenset({depicts}), place=elsewhere)
            needs = tuple(reaches(p, at_floor, rules, provisions) for p in provisions if p.id in by)
            return MaterialGap(requirement.id, gap, base, tuple(by), needs, doubts_of(results))
    return None


def reached_by_ids(provisions: list[Provision], s: Scenario, rules: list[Rule]) -> list[str]:
    return [p.id for p in provisions if reaches(p, s, rules, provisions).reached]


@dataclass(frozen=True)
class UnitGap:
    """Art. 18(1): facts a natural person is punished for under a provision of the set, done by a company's agent
    for the company, that no provision or rule of the set lets the company answer for."""

    requirement: str
    provision: str
    scenario: Scenario  # done by a natural person: reached by `provision`
    misses: tuple[Reach, ...]  # the same facts done by a unit, one per provision, none reached
    needs: tuple[Reach, ...]  # what `provision` asks beyond the floor, which `scenario` grants

    @property
    def doubts(self) -> tuple[tuple[str, Doubt], ...]:
        """What a court would have to find for the company to answer after all."""
        return doubts_of(self.misses)


def unit_gap(requirement: Requirement, provisions: Iterable[Provision], rules: Iterable[Rule] = (),
             among: Iterable[str] | None = None) -> UnitGap | None:
    """For the liability of legal persons: the first offence of the articles it concerns whose facts a natural
    person answers for and a unit, by no provision or rule, does; None where every such offence reaches units.
    `among`: the offences under review for those articles, the only ones the gap may name."""
    if requirement.kind is not RequirementKind.LEGAL_PERSONS:
        return None
    provisions = sorted(provisions, key=lambda p: p.id)
    rules = list(rules)
    named = None if among is None else set(among)
    hedged = None
    for article in requirement.offences_of:
        spec = spec_for(article)
        for q in spec.requirements:
            if q.kind is not RequirementKind.OFFENCE or not q.conduct:
                continue
            floor = floor_of(spec, q)
            for s in candidates(floor, first_age=_first_age(floor, provisions, rules)):
                # the rest of each offence granted (its purposes, figures, audience, how it is done): the actor
                # alone is in question
                g = _generous(s, provisions).but(contact=True,
                                                 manner=frozenset({"insulting-words", "fabricated-facts"}))
                by = [pid for pid in reached_by_ids(provisions, g, rules) if named is None or pid in named]
                if not by:
                    continue
                unit = g.but(actor="unit")
                misses = tuple(reaches(p, unit, rules, provisions) for p in provisions)
                if not any(r.reached for r in misses):
                    # the provision made to implement the article first: the offence a reader looks for there
                    first = min((p for p in provisions if p.id in by),
                                key=lambda p: (article not in {r.id for r in p.implements}, p.id))
                    found = UnitGap(requirement.id, first.id, g, misses, (reaches(first, s, rules, provisions),))
                    if not found.doubts:
                        return found
                    hedged = hedged or found
    return hedged


@dataclass(frozen=True)
class DefenceGap:
    """Facts the treaty requires punished that a provision would reach but for a defence wider than the treaty
    allows, and that no provision of the set reaches: the defence's own gap, beside the floor's counterexample."""

    requirement: str
    floor: Floor
    exception: str  # the defence's kind, in the vocabulary's exceptions
    by: tuple[str, ...]  # the provisions of the set whose defence it is, and that reach the facts without it
    scenario: Scenario  # inside the defence, every other element of `by` granted
    needs: tuple[Reach, ...]  # what `by` asks beyond the floor (purposes, thresholds, audience)
    misses: tuple[Reach, ...]  # one per provision of the set, none reached
    # the defence's conditions granted with it, in the vocabulary's exception-conditions (a counterexample states
    # those worded as clauses: Singapore's s. 377BN(3)(b), no undue risk of harm to any person below 16)
    conditions: tuple[str, ...] = ()
    accused_proves: bool = False  # every provision `by` puts the defence's proof on the accused (`burden accused`)


def defence_gap(requirement: Requirement, provisions: Iterable[Provision], rules: Iterable[Rule] = (),
                spec: Spec | None = None, among: Iterable[str] | None = None) -> DefenceGap | None:
    """For an offence: the first defence of a provision (under review: `among`) wider than the treaty allows, with
    facts inside it that the provision reaches without it and that no provision of the set reaches beyond doubt;
    None where no such defence keeps facts out. Facts inside a defence the treaty allows are never a gap."""
    if requirement.kind is not RequirementKind.OFFENCE:
        return None
    spec = spec or spec_for(article_of(requirement.id))
    provisions = sorted(provisions, key=lambda p: p.id)
    rules = list(rules)
    named = None if among is None else set(among)
    floor = floor_of(spec, requirement)
    wide = [(p, e) for p in provisions if named is None or p.id in named for e in p.exceptions
            if defence_grade(requirement, p, e) is Grade.PARTIAL]
    for kind in dict.fromkeys(e.kind.name for _, e in wide):
        conditions = frozenset(c.name for p, e in wide if e.kind.name == kind for c in e.conditions)
        for s in candidates(floor, first_age=_first_age(floor, provisions, rules)):
            g = _generous(s, provisions)
            by = tuple(p.id for p, e in wide if e.kind.name == kind and reaches(p, g, rules, provisions).reached)
            if not by:
                continue
            inside = g.but(justifications=frozenset({kind}) | conditions)
            results = tuple(reaches(p, inside, rules, provisions) for p in provisions)
            if all(r.misses for r in results):
                proves = all(e.burden is not None and e.burden.name == "accused"
                             for p, e in wide if e.kind.name == kind and p.id in by)
                return DefenceGap(requirement.id, floor, kind, by, inside,
                                  tuple(reaches(p, s, rules, provisions) for p in provisions if p.id in by), results,
                                  tuple(sorted(conditions)), proves)
    return None
