"""Spec conditions as a typed tree, read once when a spec is loaded and evaluated over a provision's facts."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from .facts import Facts


class Op(StrEnum):
    """A test on one fact. A set fact is tested for its words; a word fact counts as the set of that word."""

    HAS = "has"  # the word is among the fact's
    HAS_ANY = "has-any"  # one of the words is
    HAS_ALL = "has-all"  # every word is
    LACKS = "lacks"  # the word is not
    IS = "is"  # the fact is exactly this word (or boolean)
    IS_ANY = "is-any"  # the fact is one of these words
    PRESENT = "present"  # whether the fact has any word at all, as the argument says
    ONLY = "only"  # the fact has words, and every one is among these (means limited to violence or coercion)


# The argument each test takes, as conformance/schema.json's `test` definition says (generated from this).
ARGUMENT_SCHEMA: dict[Op, dict[str, Any]] = {
    Op.HAS: {"type": "string"},
    Op.HAS_ANY: {"$ref": "#/$defs/words"},
    Op.HAS_ALL: {"$ref": "#/$defs/words"},
    Op.LACKS: {"type": "string"},
    Op.IS: {"type": ["string", "boolean"]},
    Op.IS_ANY: {"$ref": "#/$defs/words"},
    Op.PRESENT: {"type": "boolean"},
    Op.ONLY: {"$ref": "#/$defs/words"},
}

Argument = str | bool | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Test:
    fact: str  # one of facts.fact_names()
    op: Op
    argument: Argument

    def as_data(self) -> dict[str, Any]:
        """The condition as the spec writes it, e.g. {"purpose": {"has": "profit"}}: for pages that show it."""
        return {self.fact: {str(self.op): list(self.argument) if isinstance(self.argument, tuple) else self.argument}}

    def holds(self, f: Facts) -> bool:
        fact = f.value(self.fact)
        words = fact if isinstance(fact, frozenset) else frozenset({fact}) if isinstance(fact, str) else frozenset()
        arg = self.argument
        if self.op is Op.HAS:
            return arg in words
        if self.op is Op.HAS_ANY:
            return bool(words & set(arg))  # type: ignore[arg-type]
        if self.op is Op.HAS_ALL:
            return set(arg) <= words  # type: ignore[arg-type]
        if self.op is Op.LACKS:
            return arg not in words
        if self.op is Op.IS:
            return fact == arg
        if self.op is Op.IS_ANY:
            return fact in arg  # type: ignore[operator]
        if self.op is Op.ONLY:
            return bool(words) and words <= set(arg)  # type: ignore[arg-type]
        return bool(words) == bool(arg)  # Op.PRESENT


@dataclass(frozen=True, slots=True)
class AllOf:
    items: tuple[Condition, ...]

    def as_data(self) -> dict[str, Any]:
        return {"all": [c.as_data() for c in self.items]}

    def holds(self, f: Facts) -> bool:
        return all(c.holds(f) for c in self.items)


@dataclass(frozen=True, slots=True)
class AnyOf:
    items: tuple[Condition, ...]

    def as_data(self) -> dict[str, Any]:
        return {"any": [c.as_data() for c in self.items]}

    def holds(self, f: Facts) -> bool:
        return any(c.holds(f) for c in self.items)


@dataclass(frozen=True, slots=True)
class Not:
    item: Condition

    def as_data(self) -> dict[str, Any]:
        return {"not": self.item.as_data()}

    def holds(self, f: Facts) -> bool:
        return not self.item.holds(f)


Condition = AllOf | AnyOf | Not | Test


def parse_condition(node: Any) -> Condition:
    """A condition from a spec's YAML, already validated against the schema (one key: all, any, not or a fact)."""
    (key, value), = node.items()
    if key == "all":
        return AllOf(tuple(parse_condition(c) for c in value))
    if key == "any":
        return AnyOf(tuple(parse_condition(c) for c in value))
    if key == "not":
        return Not(parse_condition(value))
    (op, arg), = value.items()
    argument = tuple(str(a) for a in arg) if isinstance(arg, list) else arg if isinstance(arg, bool) else str(arg)
    return Test(str(key), Op(op), argument)
