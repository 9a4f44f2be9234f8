"""The check is monotone over every field of the syntax tree: widening a provision of a bundled set never lowers a
verdict, narrowing never raises one, and a field that bears on no treaty element changes none. The generators are
bench/mutation.py's, which also computes the mutation score (the score itself is the benchmark's)."""

from __future__ import annotations

import dataclasses
import re
from functools import cache

import pytest
from bench_mutation import M
from hypothesis import given, settings
from hypothesis import strategies as st

from lexdraft.language import ast as A

PROPERTY = settings(max_examples=120, deadline=None, derandomize=True, database=None, print_blob=True)


@cache
def sets() -> tuple:  # type: ignore[type-arg]
    return tuple(M.bundled_sets())


@cache
def before(i: int) -> list:  # type: ignore[type-arg]
    s = sets()[i]
    return M.reports(s.provisions, s.rules)


def _field(what: str) -> str:
    """conduct: drop possess -> conduct; object.attrs[person].values: … -> object.attrs.values."""
    return re.sub(r"\[[^]]*\]", "", what.split(": ")[0])


@cache
def by_field(direction: str) -> dict[str, list[tuple[int, object]]]:
    """Every mutation of the bundled sets in one direction, grouped by the field it changes, so that each field is
    drawn as often as any other however many terms its vocabulary list has."""
    out: dict[str, list[tuple[int, object]]] = {}
    for i, s in enumerate(sets()):
        for p in s.provisions:
            for m in M.mutations(p):
                if m.direction == direction:
                    out.setdefault(_field(m.what), []).append((i, m))
    return dict(sorted(out.items()))


def drawn(direction: str) -> st.SearchStrategy:  # type: ignore[type-arg]
    return st.sampled_from(sorted(by_field(direction))).flatmap(lambda f: st.sampled_from(by_field(direction)[f]))


def test_every_field_of_the_tree_is_classified() -> None:
    """A field added to the AST (by a new element of the language) must say how it bears on an offence's reach
    before the generators can cover it: bench/mutation.py's FIELDS names every one, and nothing else."""
    inventory = set(M.field_inventory())
    assert inventory - set(M.FIELDS) == set(), "classify these fields in bench/mutation.py FIELDS"
    assert set(M.FIELDS) - inventory == set(), "these fields are no longer in the AST"
    assert {k for k in M.FIELDS if M.FIELDS[k] == "ordered"} <= set(M.ORDERS) | {("Mental", "degree")}


def test_the_inventory_follows_the_type_hints() -> None:
    """The inventory is found, not listed: a field added to a node class shows up in it."""
    @dataclasses.dataclass(frozen=True, slots=True)
    class Grown(A.Provision):
        novelty: A.Term | None = None

    found = M.field_inventory(Grown)
    assert ("Grown", "novelty") in found and ("ObjectAttr", "cumulative") in found


def test_the_generators_reach_every_kind_of_field_in_both_directions() -> None:
    kinds = {(m.kind, m.direction) for s in sets() for p in s.provisions for m in M.mutations(p)}
    for kind in ("alternatives", "all-or-list", "limit", "limits", "limits-of-a-defence", "ordered", "threshold"):
        assert {(kind, "wider"), (kind, "narrower")} <= kinds, kind
    assert ("neutral", "neutral") in kinds


@PROPERTY
@given(drawn("wider"))
def test_widening_a_provision_never_lowers_a_verdict(case: tuple[int, object]) -> None:
    i, m = case
    s = sets()[i]
    assert M.lowered(before(i), M.reports(M.replaced(s, m), s.rules)) == [], f"{s.name}: {m.provision} {m.what}"


@PROPERTY
@given(drawn("narrower"))
def test_narrowing_a_provision_never_raises_a_verdict(case: tuple[int, object]) -> None:
    i, m = case
    s = sets()[i]
    assert M.lowered(M.reports(M.replaced(s, m), s.rules), before(i)) == [], f"{s.name}: {m.provision} {m.what}"


@PROPERTY
@given(drawn("neutral"))
def test_a_field_that_bears_on_no_treaty_element_changes_no_verdict(case: tuple[int, object]) -> None:
    i, m = case
    s = sets()[i]
    assert M.changed(before(i), M.reports(M.replaced(s, m), s.rules)) == [], f"{s.name}: {m.provision} {m.what}"


@PROPERTY
@given(st.data())
def test_a_provision_added_to_the_set_never_lowers_a_verdict(data: st.DataObject) -> None:
    """Another provision of the bundle, put into a set as a provision of that set's jurisdiction."""
    i = data.draw(st.integers(0, len(sets()) - 1))
    s = sets()[i]
    pool = [p for t in sets() for p in t.provisions]
    extra = data.draw(st.sampled_from(pool))
    jurisdiction = s.provisions[0].jurisdiction
    added = dataclasses.replace(extra, id=extra.id + "-added", jurisdiction=jurisdiction)
    assert M.lowered(before(i), M.reports([*s.provisions, added], s.rules)) == [], extra.id
    # and taking one away never raises one
    gone = data.draw(st.sampled_from(s.provisions))
    assert M.lowered(M.reports([p for p in s.provisions if p is not gone], s.rules), before(i)) == [], gone.id


# ------------------------------------------------------------------ the elements every offence is read for

# The elements issue 13's reasoning added to what the check reads (bench/mutation.py `element` names them), over the
# bundled sets and the atlas. Drawn per element, so that each is drawn as often as any other however few fields or
# provisions it spans.
ELEMENTS = ("means", "harm", "purposes", "recipients", "object identifiable-by", "object privacy", "object place",
            "mental element", "defences", "age bands")


@cache
def element_sets() -> tuple:  # type: ignore[type-arg]
    """The bundled sets and the atlas, which alone has some elements (recipients: France)."""
    return (*sets(), *M.bundled_sets(folders=M.ATLAS))


@cache
def element_before(i: int) -> list:  # type: ignore[type-arg]
    s = element_sets()[i]
    return M.reports(s.provisions, s.rules)


@cache
def by_element(direction: str) -> dict[str, list[tuple[int, object]]]:
    out: dict[str, list[tuple[int, object]]] = {}
    for i, s in enumerate(element_sets()):
        for p in s.provisions:
            for m in M.mutations(p):
                if m.direction == direction:
                    out.setdefault(M.element(m), []).append((i, m))
    return out


def by_element_drawn(direction: str) -> st.SearchStrategy:  # type: ignore[type-arg]
    return st.sampled_from(ELEMENTS).flatmap(lambda e: st.sampled_from(by_element(direction)[e]))


def test_the_generators_reach_every_element_the_reasoning_reads_in_both_directions() -> None:
    for e in ELEMENTS:
        assert by_element("wider").get(e) and by_element("narrower").get(e), e


@PROPERTY
@given(by_element_drawn("wider"))
def test_widening_an_element_the_reasoning_reads_never_lowers_a_verdict(case: tuple[int, object]) -> None:
    i, m = case
    s = element_sets()[i]
    assert M.lowered(element_before(i), M.reports(M.replaced(s, m), s.rules)) == [], \
        f"{s.name}: {m.provision} {m.what}"


@PROPERTY
@given(by_element_drawn("narrower"))
def test_narrowing_an_element_the_reasoning_reads_never_raises_a_verdict(case: tuple[int, object]) -> None:
    i, m = case
    s = element_sets()[i]
    assert M.lowered(M.reports(M.replaced(s, m), s.rules), element_before(i)) == [], \
        f"{s.name}: {m.provision} {m.what}"


def test_on_the_conforming_corpus_every_change_of_those_elements_is_monotone() -> None:
    """Exhaustively, on offences that meet Arts. 14 and 16 in full (bench/conforming): there a widening has every
    verdict to lose and a narrowing nothing to hide behind."""
    for s in M.conforming_sets():
        base = M.reports(s.provisions, s.rules)
        seen = set()
        for p in s.provisions:
            for m in M.mutations(p):
                if m.direction == "neutral" or M.element(m) not in ELEMENTS:
                    continue
                seen.add((M.element(m), m.direction))
                after = M.reports(M.replaced(s, m), s.rules)
                old, new = (base, after) if m.direction == "wider" else (after, base)
                assert M.lowered(old, new) == [], f"{m.provision} {m.what}"
        assert {e for e, d in seen if d == "narrower"} == set(ELEMENTS)


def test_insult_added_to_a_dissemination_offence_lowers_nothing() -> None:
    """Found by the widening property: an act reached only through insult is reached in part, but the acts the
    provision names itself keep their grade (Taiwan art. 319-3 ¶4 stayed met for 16(1) only without insult)."""
    i, s = next((i, s) for i, s in enumerate(sets()) if s.name.startswith("drafts/tw/in-force"))
    m = next(m for p in s.provisions if p.id == "tw.criminal-code.319-3.4" for m in M.mutations(p)
             if m.what == "conduct: add insult")
    assert M.lowered(before(i), M.reports(M.replaced(s, m), s.rules)) == []


# ------------------------------------------------------------------ the mutation score's generator

def test_the_mutation_score_detects_the_weakenings_the_gate_is_known_to_catch() -> None:
    """The score runs over the proposals; dropping possession from art. 364-1 is detected (14(1)(c) no longer
    reaches possess), and every survivor carries the reason it survived."""
    s = next(s for s in sets() if s.name.startswith("drafts/prc ("))
    outcomes = M.score([s])
    assert {o.weakening for o in outcomes} == set(M.CLASSES)
    possess = next(o for o in outcomes if o.mutation.provision == "prc.criminal-law.364-1"
                   and o.mutation.what == "conduct: drop possess")
    assert possess.detected == ["uncc.14.1.c no longer reaches possess"]
    assert all(o.detected or o.why.startswith(("masked by the set", "read, no lower verdict", "not read",
                                                       "no legal difference", "bears on nothing the treaty reads",
                                                       "already partly met by its kind"))
               for o in outcomes)
    text = M.summary(outcomes)
    assert text.startswith("mutation score: ")
    assert all(f"  {o.set}  {o.mutation.provision}  {o.mutation.what}  — {o.why}" in text
               for o in outcomes if not o.detected)


@pytest.mark.parametrize(("what", "expected"), [
    ("conduct: drop possess", "drop a conduct"),
    ("object.attrs: add person adult", "restrict the age"),
    ("object.attrs[person].values: drop minor", "restrict the age"),
    ("object.attrs: add origin real", "add a limit"),
    ("purpose: add profit", "add a purpose"),
    ("tiers[base].condition.items[0].amount: raised to 6", "raise a threshold"),
    ("mental.kind: intent -> knowledge", "narrow the mental element"),
    ("means.excluding: add violence", None),
    ("exceptions: add law-enforcement", None),
])
def test_each_narrowing_is_counted_as_the_weakening_it_is(what: str, expected: str | None) -> None:
    p = sets()[0].provisions[0]
    assert M.weakening_class(M.Mutation(p.id, what, "limit", "narrower", p)) == expected
