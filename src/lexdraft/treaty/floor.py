"""The facts a requirement demands be punishable, at the treaty's floor: the ranges a counterexample is drawn from."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

from ..language.ast import Exception_, Provision
from ..language.vocabulary import vocabulary
from .conditions import AllOf, AnyOf, Condition, Not, Op, Test
from .facts import facts_of
from .scenario import Scenario
from .spec import Requirement, Spec
from .values import Grade, RequirementKind

# What the treaty's words fix that the spec's elements leave to the text (principle G of tests/expected/remedies.md:
# a dimension a State may limit by option takes the value inside every option). Each entry cites its words.
_TEXT_FIXES: dict[str, dict[str, bool]] = {
    # 16(1) "without the consent of the person depicted"; 16(2) "which was private at the time of the recording"
    "uncc.16": {"consent": True, "private": True},
}
# Elsewhere consent plays no part: the floor takes none, which every provision that asks for its absence accepts.

# The interests each article protects, for placing a new article beside the provisions that protect the same.
PROTECTS: dict[str, tuple[str, ...]] = {
    "uncc.14": ("child-sexual-integrity", "physical-and-mental-health-of-minors"),
    "uncc.16": ("sexual-autonomy", "privacy"),
}

# How far each treaty act reaches at its least: (persons it reaches, whether before the public). A counterexample
# takes the act that needs the least, so that no audience figure can stand behind the gap.
_AUDIENCE: dict[str, tuple[int, bool]] = {
    "transmit": (1, False), "sell": (1, False), "offer": (1, False),
    "distribute": (2, False),
    "publish": (0, True), "make-available": (0, True), "display": (0, True), "broadcast": (0, True),
}


@dataclass(frozen=True)
class Floor:
    """The facts a requirement demands be punishable: each dimension's range, in the order a search prefers."""

    requirement: str
    acts: tuple[str, ...]
    media: tuple[str, ...]
    origins: tuple[str, ...]
    depictions: tuple[str, ...]
    ages: tuple[int, int | None]  # [from, below)
    consent_absent: bool  # the treaty makes the lack of the person's consent an element
    private: bool  # the treaty requires the material to have been private when made
    person_open: bool  # the definition accepts material of any person (what an object silent on persons reaches)
    media_given: bool  # the definition names the media (otherwise the object's kind decides)
    origins_given: bool

    def audience(self, act: str) -> tuple[int, bool]:
        return _AUDIENCE.get(act, (0, False))

    def admits(self, s: Scenario) -> bool:
        """Whether the facts are ones the requirement demands be punishable: a floor act, by a natural person, with
        material inside every option, and nothing (purpose, harm, circumstance, audience) the treaty does not ask."""
        m = s.material
        if m is None or s.act not in self.acts or s.actor != "natural-person" or s.mental != "intent":
            return False
        lo, hi = self.ages
        recipients, public = self.audience(s.act)
        return (m.medium in self.media and m.origin in self.origins and bool(m.depicts)
                and m.depicts <= set(self.depictions) and m.person.exists
                and lo <= m.person.age and (hi is None or m.person.age < hi)
                and not s.consent and (not self.private or m.private_at_recording)
                and not s.purposes and not s.harm and not s.circumstances and not s.justifications
                and s.recipients == recipients and s.public == public and s.views == 0 and s.gains == 0
                and "ict-system" in s.means)


def _tests(c: Condition) -> Iterator[Test]:
    if isinstance(c, Test):
        yield c
    elif isinstance(c, (AllOf, AnyOf)):
        for item in c.items:
            yield from _tests(item)
    elif isinstance(c, Not):
        return  # what a definition excludes gives no value the floor must take


def _words(spec: Spec, fact: str, every: bool = False) -> list[str]:
    """The words the article's definition requires of one fact of the object, in the spec's order: of a test that
    accepts any of several words (synonyms in different statutes' vocabularies), the first; of one that requires
    them all, each (`every`: all the words a test accepts)."""
    out: list[str] = []
    for q in spec.requirements:
        if q.kind is not RequirementKind.DEFINITION:
            continue
        for e in q.elements:
            for t in _tests(e.require):
                if t.fact != fact:
                    continue
                words = t.argument if isinstance(t.argument, tuple) else (str(t.argument),)
                chosen = words[:1] if t.op in (Op.HAS_ANY, Op.IS_ANY) and not every else words
                out += [w for w in chosen if w not in out]
    return out


def _person_range(spec: Spec, q: Requirement) -> tuple[int, int | None]:
    """The ages the requirement concerns: its own, or those every person term of the definition reaches."""
    if q.ages is not None:
        return q.ages
    ranges = [tuple((vocabulary().entry("object-attributes.person", w) or {}).get("ages") or (0, None))
              for w in _words(spec, "object.person")]
    if not ranges:
        return 0, None
    lo = max(int(r[0]) for r in ranges)
    highs = [int(r[1]) for r in ranges if r[1] is not None]
    return lo, min(highs) if highs else None


def floor_of(spec: Spec, q: Requirement) -> Floor:
    """The requirement's floor: its acts (less those resting only on unverified treaty words), and the material its
    article's definition requires, read from the spec's elements."""
    doubtful = {verb for u in q.unverified for verb in u.conduct}
    fixes = _TEXT_FIXES.get(spec.article, {})
    media = _words(spec, "object.medium")
    origins = _words(spec, "object.origin")
    return Floor(q.id, tuple(a for a in q.conduct if a not in doubtful), tuple(media or ["visual"]),
                 tuple(origins or ["real", "synthetic"]), tuple(_words(spec, "object.depicts")),
                 _person_range(spec, q), fixes.get("consent", False), fixes.get("private", False),
                 "any-person" in _words(spec, "object.person", every=True), bool(media), bool(origins))


def representative_ages(ages: tuple[int, int | None]) -> list[int]:
    """One age inside each stretch of the range that the vocabulary's person terms cut it into, away from the
    stretch's ends (a court could argue about an age at a boundary), the widest stretch first."""
    lo, hi = ages
    cuts = {lo}
    for entry in vocabulary().section("object-attributes.person").values():
        for bound in (entry.get("ages") or ()):
            if bound is not None and bound > lo and (hi is None or bound < hi):
                cuts.add(int(bound))
    points = sorted(cuts)
    stretches = []
    for i, a in enumerate(points):
        b = points[i + 1] if i + 1 < len(points) else hi
        stretches.append((-(b - a) if b is not None else -1000, max(a, b - 2) if b is not None else max(a + 2, 30)))
    return [age for _, age in sorted(stretches, key=lambda st: st[0])]


def defence_grade(q: Requirement, p: Provision, e: Exception_) -> Grade | None:
    """What the treaty makes of one defence of a provision, for a requirement: the grade of the requirement's checks
    that the defence, with its own conditions, turns on (PARTIAL: wider than "without right", so facts inside it are
    still facts the treaty requires punished; REVIEW: open, a reviewer judges; OPTION: an option the treaty permits);
    None where no check turns on it (within "without right")."""
    base = dataclasses.replace(facts_of(p), exceptions=frozenset(), exception_conditions=frozenset())
    alone = dataclasses.replace(base, exceptions=frozenset({e.kind.name}),
                                exception_conditions=frozenset(c.name for c in e.conditions))
    grades = [c.outcome.grade for c in q.checks if c.when.holds(alone) and not c.when.holds(base)]
    for grade in (Grade.PARTIAL, Grade.REVIEW, Grade.OPTION):
        if grade in grades:
            return grade
    return None
