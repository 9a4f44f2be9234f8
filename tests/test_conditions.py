"""Spec conditions: read into a typed tree at load time, over facts whose names are declared once."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from lexdraft.pipeline import known_articles
from lexdraft.treaty.conditions import AllOf, AnyOf, Not, Op, parse_condition
from lexdraft.treaty.conditions import Test as FactTest
from lexdraft.treaty.facts import Facts, fact_names
from lexdraft.treaty.spec import _schema, spec_for
from lexdraft.treaty.values import RequirementKind

ROOT = Path(__file__).resolve().parent.parent


def _facts(**changes: object) -> Facts:
    empty = frozenset[str]()
    base = Facts(object_kind="intimate-image", object_origin=frozenset({"real", "synthetic"}),
                 object_person=frozenset({"any-person"}), object_medium=frozenset({"visual"}), object_depicts=empty,
                 object_standard=empty, object_virtual_test=empty, object_cumulative=empty, object_stated=empty,
                 object_place=empty, object_privacy=empty, object_identifiable_by=empty, object_age_test=empty,
                 object_obtained=empty,
                 purpose=frozenset({"profit"}), mental="intent", mental_degree=None,
                 mental_states=frozenset({"intent"}), mental_as_to=empty, mental_as_to_harm=empty, recipients=empty,
                 consent=None, harm=None, prosecution="public", base_threshold=False,
                 conduct=frozenset({"distribute"}), covers=frozenset({"distribute"}), means=empty,
                 actors=frozenset({"natural-person"}), exceptions=empty, exception_conditions=empty,
                 precondition=None)
    return dataclasses.replace(base, **changes)  # type: ignore[arg-type]


def test_the_fact_names_are_declared_once() -> None:
    """The schema file lists no fact: the loader adds every field of Facts as a condition key."""
    text = (ROOT / "conformance" / "schema.json").read_text(encoding="utf-8")
    written = set(json.loads(text)["$defs"]["condition"]["properties"])
    assert written == {"all", "any", "not"}
    assert set(_schema()["$defs"]["condition"]["properties"]) == {"all", "any", "not", *fact_names()}
    assert len(fact_names()) == len(dataclasses.fields(Facts))


def test_the_tests_forces_and_kinds_come_from_the_code() -> None:
    defs = _schema()["$defs"]
    assert list(defs["test"]["properties"]) == [str(op) for op in Op]
    assert defs["requirement"]["properties"]["force"]["enum"] == ["shall", "may", "saving"]
    assert defs["grade"]["enum"] == ["partial", "option", "excluded", "beyond", "review"]


@pytest.mark.parametrize("article", known_articles())
def test_shipped_specs_hold_typed_conditions(article: str) -> None:
    spec = spec_for(article)
    conditions = [c.when for q in spec.requirements for c in q.checks]
    conditions += [e.require for q in spec.requirements for e in q.elements]
    conditions += [q.used_when for q in spec.requirements if q.used_when is not None]
    conditions += [r.when for r in spec.risks]
    # a spec read from the general-part rules alone (Art. 19) tests no fact of a provision
    assert conditions or all(q.kind is RequirementKind.PARTICIPATION for q in spec.requirements)
    assert all(isinstance(c, (AllOf, AnyOf, Not, FactTest)) for c in conditions)


def test_a_condition_is_read_into_its_tree() -> None:
    node = {"all": [{"purpose": {"has": "profit"}}, {"not": {"mental": {"is-any": ["intent", "knowledge"]}}}]}
    assert parse_condition(node) == AllOf((FactTest("purpose", Op.HAS, "profit"),
                                           Not(FactTest("mental", Op.IS_ANY, ("intent", "knowledge")))))


@pytest.mark.parametrize(("fact", "op", "argument", "expected"), [
    ("purpose", Op.HAS, "profit", True),
    ("purpose", Op.LACKS, "profit", False),
    ("object.origin", Op.HAS_ALL, ("real", "synthetic"), True),
    ("object.origin", Op.HAS_ALL, ("real", "simulated"), False),
    ("object.medium", Op.HAS_ANY, ("written", "visual"), True),
    ("object.depicts", Op.PRESENT, False, True),  # silence: no limit
    ("object.depicts", Op.PRESENT, True, False),
    ("mental", Op.IS, "intent", True),
    ("mental", Op.HAS, "intent", True),  # a word fact counts as the set of that word
    ("prosecution", Op.IS_ANY, ("private", "complaint-required"), False),
    ("consent", Op.PRESENT, False, True),  # None: the provision is silent
    ("base-threshold", Op.IS, False, True),
    ("base-threshold", Op.IS, True, False),
])
def test_each_test_over_facts(fact: str, op: Op, argument: str | bool | tuple[str, ...], expected: bool) -> None:
    assert FactTest(fact, op, argument).holds(_facts()) is expected


def test_all_any_not() -> None:
    yes, no = FactTest("purpose", Op.HAS, "profit"), FactTest("purpose", Op.HAS, "revenge")
    f = _facts()
    assert AllOf((yes, yes)).holds(f) and not AllOf((yes, no)).holds(f)
    assert AnyOf((no, yes)).holds(f) and not AnyOf((no, no)).holds(f)
    assert Not(no).holds(f) and not Not(yes).holds(f)


def test_a_condition_shows_as_the_spec_wrote_it() -> None:
    node = {"all": [{"purpose": {"has": "profit"}}, {"not": {"mental": {"is-any": ["intent", "knowledge"]}}},
                    {"any": [{"base-threshold": {"is": True}}]}]}
    assert parse_condition(node).as_data() == node


def test_only_holds_when_every_word_is_among_the_argument_and_there_is_one() -> None:
    """`only` reads a limit such as "by violence or coercion": an open list (other-method) or silence is no limit."""
    force = FactTest("means", Op.ONLY, ("violence", "coercion"))
    assert force.holds(_facts(means=frozenset({"violence"})))
    assert force.holds(_facts(means=frozenset({"violence", "coercion"})))
    assert not force.holds(_facts(means=frozenset({"violence", "other-method"})))
    assert not force.holds(_facts(means=frozenset()))
