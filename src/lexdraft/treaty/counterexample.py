"""The smallest facts a requirement demands be punishable that no provision of the set reaches, by treaty/reach."""

from __future__ import annotations

import itertools
from collections.abc import Iterable
from dataclasses import dataclass

from ..language.ast import Provision, Rule
from .floor import Floor, floor_of, representative_ages
from .reach import Reach, reaches
from .scenario import Material, Person, Scenario
from .spec import Requirement, Spec, spec_for
from .values import RequirementKind


@dataclass(frozen=True)
class Counterexample:
    """Facts the treaty requires to be punishable, and why each provision of the set does not reach them."""

    requirement: str
    scenario: Scenario
    floor: Floor
    misses: tuple[Reach, ...]  # one per provision of the set, each with at least one miss


def article_of(requirement: str) -> str:
    """uncc.14.1.c -> uncc.14"""
    return ".".join(requirement.split(".")[:2])


def _object_met(r: Reach) -> bool:
    return not any(m.element == "object" or m.element.startswith("object.") for m in r.misses)


def candidates(floor: Floor, identifiable: bool = True) -> Iterable[Scenario]:
    """The floor's facts, act by act (the act needing the least audience first, then the treaty's order), and for
    each act every material inside the requirement; the person shown identifiable, or (`identifiable` false) not,
    which the treaty does not ask either."""
    order = sorted(floor.acts, key=lambda a: (floor.audience(a)[0] + 10 * floor.audience(a)[1], floor.acts.index(a)))
    for act in order:
        recipients, public = floor.audience(act)
        for medium, origin, depiction, age in itertools.product(
                floor.media, floor.origins, floor.depictions, representative_ages(floor.ages)):
            material = Material(medium, origin, frozenset({depiction}), Person(age, identifiable=identifiable),
                                private_at_recording=floor.private)
            yield Scenario(act, material, recipients=recipients, public=public)


def search(floor: Floor, provisions: list[Provision], rules: list[Rule]) -> Counterexample | None:
    """For each act in turn, the facts whose material satisfies the object of the most provisions (so that the gap
    lies in the other elements, principle G) that still no provision reaches; where every such fact is reached,
    the same facts with a person no one could identify, for a set whose offences ask identifiability."""
    found = _search(floor, candidates(floor), provisions, rules)
    if found is None and any(a.name.name == "identifiable-by" for p in provisions if p.object for a in p.object.attrs):
        found = _search(floor, candidates(floor, identifiable=False), provisions, rules)
    return found


def _search(floor: Floor, facts: Iterable[Scenario], provisions: list[Provision],
            rules: list[Rule]) -> Counterexample | None:
    by_act: dict[str, list[tuple[int, int, Scenario, list[Reach]]]] = {}
    for n, s in enumerate(facts):
        results = [reaches(p, s, rules) for p in provisions]
        by_act.setdefault(s.act, []).append((-sum(map(_object_met, results)), n, s, results))
    for options in by_act.values():
        for _, _, s, results in sorted(options, key=lambda o: o[:2]):
            if not any(r.reached for r in results):
                return Counterexample(floor.requirement, s, floor, tuple(results))
    return None


def counterexample(requirement: Requirement, provisions: Iterable[Provision], rules: Iterable[Rule] = (),
                   spec: Spec | None = None) -> Counterexample | None:
    """The smallest facts the requirement demands be punishable that no provision of the set reaches, or None where
    every such fact is reached (or the requirement is not an offence: definitions, options and reviews have no
    facts of their own)."""
    if requirement.kind is not RequirementKind.OFFENCE:
        return None
    spec = spec or spec_for(article_of(requirement.id))
    return search(floor_of(spec, requirement), sorted(provisions, key=lambda p: p.id), list(rules))
