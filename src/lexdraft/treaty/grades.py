"""Per-provision grades kept across checks, so that a set checked again grades only the provisions that changed."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..language.ast import Provision

# A provision's grade for one offence requirement reads only that provision (its elements and spans, which the
# grade's notes cite), the requirement and the vocabulary and pack of its jurisdiction: never the other provisions
# of the set, whose combination (conformance._offence) is made again at every check. The caller names each
# provision by its content (the address of its file in the cache and its place in the file); the specs, the
# vocabulary, the packs and lexdraft's own code are in the address of the entry that holds the grades.

Kept = dict[str, dict[str, Any]]  # provision key -> requirement id -> grade


class Grades:
    """The grades a check may reuse (read by `load` when first needed) and those it made. A provision without a key
    is graded afresh each time."""

    def __init__(self, keys: Mapping[int, str], load: Callable[[], Kept | None] = lambda: None):
        self.keys = keys  # id(provision) -> its key
        self._load = load
        self._known: Kept | None = None
        self.made = 0  # grades made by this run, not found
        self._facts: dict[int, tuple[Provision, Any]] = {}  # id(provision) -> (it, its facts), for this run only

    @property
    def known(self) -> Kept:
        if self._known is None:
            self._known = self._load() or {}
        return self._known

    def get(self, p: Provision, requirement: str) -> Any | None:
        key = self.keys.get(id(p))
        return None if key is None else self.known.get(key, {}).get(requirement)

    def put(self, p: Provision, requirement: str, grade: Any) -> None:
        key = self.keys.get(id(p))
        if key is not None:
            self.known.setdefault(key, {})[requirement] = grade
            self.made += 1

    def to_keep(self) -> Kept:
        """The grades of the provisions this check was given, for the next check (those of provisions gone are
        dropped, so the entry never outgrows the set)."""
        live = set(self.keys.values())
        return {key: grades for key, grades in self.known.items() if key in live}

    def facts_of(self, p: Provision, make: Callable[[Provision], Any]) -> Any:
        """The provision's facts, made once however many checks of the run read them."""
        known = self._facts.get(id(p))
        if known is None or known[0] is not p:
            known = self._facts[id(p)] = (p, make(p))
        return known[1]


_current: Grades | None = None


def current() -> Grades | None:
    """The grades of the check under way, if its caller keeps them."""
    return _current


@contextlib.contextmanager
def kept(grades: Grades) -> Iterator[Grades]:
    """Meanwhile, every offence grade is looked up in `grades` first and put there when made: the checks of one set
    (and the checks of other articles they make, Art. 18 reading Arts. 14 and 16) grade each provision once."""
    global _current
    before, _current = _current, grades
    try:
        yield grades
    finally:
        _current = before
