"""A model of facts: who acts, the act, the material and the person it shows, means, recipients, purpose, consent."""

from __future__ import annotations

from dataclasses import dataclass, replace

# The facts are told in the treaty's terms (an act is a treaty verb: possess, transmit), never in one statute's:
# whether a provision reaches them is for the evaluator (treaty/reach.py) to decide, reading the provision itself.


@dataclass(frozen=True, slots=True)
class Person:
    """The person the material shows (or the victim, where the act is done to a person)."""

    age: int
    exists: bool = True  # a real, existing person, not an invented one (Art. 14(3)(a))
    identifiable: bool = True  # identifiable by those who know them


@dataclass(frozen=True, slots=True)
class Material:
    """What the act is done with: one item unless `count` says more."""

    medium: str  # visual, written or audio (the vocabulary's object-attributes.medium)
    origin: str  # real (a recording of what happened) or synthetic (drawn, composed or generated)
    depicts: frozenset[str]  # what it shows, in the vocabulary's object-attributes.depicts
    person: Person
    count: int = 1
    private_at_recording: bool = False  # made in private, with an expectation of privacy (Art. 16(2))
    # where it was made (the vocabulary's object-attributes.place: dwelling, private-place for a private place that
    # is not a dwelling, public-place); None: wherever privacy puts it (in private: a dwelling, else a public place)
    place: str | None = None


@dataclass(frozen=True, slots=True)
class Scenario:
    """One set of facts. Fields left at their defaults are the treaty floor: no purpose, no harm, no audience, no
    circumstance that a statute might add as a threshold."""

    act: str  # a treaty act (the `covers` words of the vocabulary's conduct terms)
    material: Material | None
    actor: str = "natural-person"  # natural-person or unit
    actor_adult: bool = True
    mental: str = "intent"  # the actor knows what the material is and means to do the act
    # the actor aims at the act's result (direct intent); the floor is indirect intent (aware of it and accepting
    # it), which "intentionally" reaches too
    intent_direct: bool = False
    means: frozenset[str] = frozenset({"ict-system"})  # how the act is done; ict-system: phone, computer, network
    recipients: int = 0  # persons the material reaches through the act
    public: bool = False  # done in public or to an unspecified public
    views: int = 0
    gains: int = 0  # money gained, in the jurisdiction's currency
    purposes: frozenset[str] = frozenset()  # the vocabulary's purposes the actor pursues
    consent: bool = False  # the person shown consented to this act
    harm: bool = False  # the act causes, or is apt to cause, damage beyond the act itself
    manner: frozenset[str] = frozenset()  # how it is done beyond the act: insulting-words, fabricated-facts, coercion
    circumstances: frozenset[str] = frozenset()  # the vocabulary's circumstances that hold (none at the floor)
    justifications: frozenset[str] = frozenset()  # the vocabulary's exceptions that apply (none at the floor)
    contact: bool = False  # the actor coerced or enticed the person shown (not only handled the material)
    # how the actor came by the material (the vocabulary's `ways-obtained`): made it with the consent of the person
    # shown, the way every offence limited by it reaches first
    obtained: str = "made-with-consent"

    def but(self, **changes: object) -> Scenario:
        """The same facts with some changed: how the search and the probes vary them."""
        return replace(self, **changes)  # type: ignore[arg-type]

    def with_material(self, **changes: object) -> Scenario:
        assert self.material is not None
        return replace(self, material=replace(self.material, **changes))  # type: ignore[arg-type]
