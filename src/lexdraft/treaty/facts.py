"""A provision as the facts that spec conditions test: one field per fact, the one list of fact names."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any

from ..language.ast import Provision
from ..language.vocabulary import vocabulary

# What silence means: a provision that names no origin, person, medium or depiction is not limited to any (docs/
# language.md: "an attribute left out means the draft does not limit the object in that respect"), and one that names
# no actors is not limited among natural persons (any person, not adults only). It does not make legal persons liable:
# whether "a person" or "whoever" includes a legal person is for the general part to say (Canada's "everyone" does,
# Germany's "wer" does not), which a `legal-persons` rule states.
_ALL_ORIGINS = ("real", "synthetic")
_ALL_MEDIA = ("visual", "written", "audio")
_SILENT_ACTORS = ("natural-person",)

Value = frozenset[str] | str | bool | None


def _fact(name: str) -> Any:
    """A field of Facts under the name spec conditions use (`object.kind`, `base-threshold`)."""
    return field(metadata={"fact": name})


@dataclass(frozen=True, slots=True)
class Facts:
    """What the checker reads of one provision. A set holds every word the provision allows; a word stands for a
    single choice (None: the provision is silent); a boolean says whether something is present."""

    object_kind: str | None = _fact("object.kind")
    object_origin: frozenset[str] = _fact("object.origin")
    object_person: frozenset[str] = _fact("object.person")
    object_medium: frozenset[str] = _fact("object.medium")
    object_depicts: frozenset[str] = _fact("object.depicts")
    object_standard: frozenset[str] = _fact("object.standard")
    object_virtual_test: frozenset[str] = _fact("object.virtual-test")
    object_cumulative: frozenset[str] = _fact("object.cumulative")  # attributes whose values must all hold
    # the attributes the provision states: silence reaches every value, but only what the statute says can make it
    # reach beyond the treaty (a `beyond` check tests this beside the values)
    object_stated: frozenset[str] = _fact("object.stated")
    object_place: frozenset[str] = _fact("object.place")
    object_privacy: frozenset[str] = _fact("object.privacy")
    object_identifiable_by: frozenset[str] = _fact("object.identifiable-by")
    object_age_test: frozenset[str] = _fact("object.age-test")
    object_obtained: frozenset[str] = _fact("object.obtained")  # how the offender came by the image (silence: any way)
    purpose: frozenset[str] = _fact("purpose")
    mental: str = _fact("mental")
    mental_degree: str | None = _fact("mental.degree")
    # every state of mind the provision accepts, for the offence or for one of its elements (`as-to`)
    mental_states: frozenset[str] = _fact("mental.states")
    mental_as_to: frozenset[str] = _fact("mental.as-to")  # the elements with a mental element of their own
    # the states of mind as to harm being caused (`as-to harm intent | recklessness`): Hong Kong's Crimes Ordinance
    # s. 159AAE and Ireland's 2020 Act s. 2 accept recklessness beside the intent
    mental_as_to_harm: frozenset[str] = _fact("mental.as-to-harm")
    recipients: frozenset[str] = _fact("recipients")
    consent: str | None = _fact("consent")
    harm: str | None = _fact("harm")
    prosecution: str = _fact("prosecution")
    base_threshold: bool = _fact("base-threshold")
    conduct: frozenset[str] = _fact("conduct")
    covers: frozenset[str] = _fact("covers")
    means: frozenset[str] = _fact("means")
    actors: frozenset[str] = _fact("actors")
    exceptions: frozenset[str] = _fact("exceptions")
    exception_conditions: frozenset[str] = _fact("exception-conditions")
    precondition: str | None = _fact("precondition")

    def value(self, fact: str) -> Value:
        """The fact by its spec name; the name was checked when the spec was loaded."""
        return getattr(self, _FIELD_OF[fact])  # type: ignore[no-any-return]


@cache
def fact_names() -> tuple[str, ...]:
    """Every fact a spec condition may test, in the order Facts declares them (conformance/schema.json's
    condition keys are generated from this)."""
    return tuple(f.metadata["fact"] for f in fields(Facts))


_FIELD_OF = {f.metadata["fact"]: f.name for f in fields(Facts)}
_SET_FIELDS = tuple(f.name for f in fields(Facts) if str(f.type).startswith("frozenset"))


def facts_of(p: Provision) -> Facts:
    """The provision as facts; silence means no limit."""
    v = vocabulary()
    obj = p.object
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    conduct = frozenset(t.name for t in p.conduct)
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None

    def attr(name: str, silent: tuple[str, ...] = ()) -> frozenset[str]:
        return frozenset(obj.values(name) or silent) if obj else frozenset()

    return _shared_sets(Facts(
        object_kind=obj.kind.name if obj else None,
        object_origin=attr("origin", _ALL_ORIGINS),
        object_person=attr("person", ("any-person",)),
        object_medium=attr("medium", _ALL_MEDIA),
        object_depicts=_shown_of_anyone(obj.kind.name, attr("depicts", tuple(v.section("object-attributes.depicts"))))
        if obj else frozenset(),
        object_standard=attr("standard"),
        object_virtual_test=attr("virtual-test"),
        object_cumulative=frozenset(a.name.name for a in obj.attrs if a.cumulative and len(a.values) > 1)
        if obj else frozenset(),
        object_stated=frozenset(a.name.name for a in obj.attrs if a.values) if obj else frozenset(),
        purpose=frozenset(t.name for t in p.purpose.purposes) if p.purpose else frozenset(),
        object_place=attr("place"),
        object_privacy=attr("privacy"),
        object_identifiable_by=attr("identifiable-by"),
        object_age_test=attr("age-test"),
        object_obtained=attr("obtained"),
        mental=p.mental.kind.name if p.mental else "intent",
        mental_degree=p.mental.degree.name if p.mental and p.mental.degree else None,
        mental_states=frozenset([p.mental.kind.name if p.mental else "intent",
                                 *(m.kind.name for a in p.as_to for m in a.states)]),
        mental_as_to=frozenset(a.element.name for a in p.as_to),
        mental_as_to_harm=frozenset(m.kind.name for a in p.as_to if a.element.name == "harm" for m in a.states),
        recipients=frozenset(t.name for t in p.recipients),
        consent=p.consent.name if p.consent else None,
        harm=p.harm.name if p.harm else None,
        prosecution=p.prosecution.kind.name if p.prosecution else "public",
        # a base tier bound to some acts, or requiring a qualifier (a condition of the acts, not a threshold), limits
        # the acts it binds: the checker reads it per act (treaty/conformance.py, _bound_acts)
        base_threshold=base is not None and not base.acts and (base.condition is not None or (
            base.requires is not None and not (v.entry("circumstances", base.requires.name) or {}).get("qualifier"))),
        conduct=conduct,
        covers=frozenset(verb for c in conduct for verb in v.conduct(c, jurisdiction).get("covers", ())),
        means=frozenset(t.name for t in p.means.means) if p.means else frozenset(),
        actors=frozenset(t.name for t in p.actors) or frozenset(_SILENT_ACTORS),
        exceptions=frozenset(e.kind.name for e in p.exceptions),
        exception_conditions=frozenset(c.name for e in p.exceptions for c in e.conditions),
        precondition=p.duty.precondition.name if p.duty and p.duty.precondition else None,
    ))


def _shown_of_anyone(kind: str, depicts: frozenset[str]) -> frozenset[str]:
    """The depictions an object reaches: those it names and, where it is material by what it shows of whoever it
    shows (the vocabulary's `of-anyone`: obscene articles), every depiction of a person beside others' acts it names
    (`others`: a child present at sexual activity is shown by material showing that activity), as the counterexample
    search reads them (treaty/reach.py)."""
    v = vocabulary()
    if not (v.entry("objects", kind) or {}).get("of-anyone"):
        return depicts
    from .reach import implied  # the same reading of what material shows, for the check and the counterexamples

    named = implied(depicts)
    beside = {term for term, entry in v.section("object-attributes.depicts").items()
              if (others := (entry or {}).get("others")) and named & implied(frozenset(others))}
    return depicts | beside


# Each set of words a fact holds, once: the provisions of a set repeat the same few (a silent attribute's every
# value), and a check holds the facts of all of them at once.
_SAME: dict[frozenset[str], frozenset[str]] = {}


def _shared_sets(f: Facts) -> Facts:
    for name in _SET_FIELDS:
        value = getattr(f, name)
        object.__setattr__(f, name, _SAME.setdefault(value, value))
    return f
