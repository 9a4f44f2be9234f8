"""Per-provision grades kept across checks, so that a set checked again grades only the provisions that changed."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from ..language.ast import Provision

# A provision's grade for one offence requirement reads only that provision (its elements and spans, which the
# grade's notes cite), the requirement and the vocabulary and pack of its jurisdiction: never the other provisions
# of the set, whose combination (conformance._offence) is made again at every check. The caller names each
# provision by its content: the address of its file in the cache (the file's bytes and everything that reads them)
# and its place in the file, as "address:place". The grades are kept per file, so a change rewrites the grades of
# the files it touched, not those of the whole set; whichever set and jurisdiction a file is checked in, its grades
# are the same.

FileGrades = dict[int, dict[str, Any]]  # a file's provisions by place -> requirement id -> grade (and FACTS)
FACTS = "facts of the provision"  # where a provision's facts are kept beside its grades: no requirement's id


class Grades:
    """The grades a check may reuse (each file's read by `load` when first needed) and those it made. A provision
    without a key is graded afresh each time."""

    def __init__(self, keys: Mapping[int, str], load: Callable[[str], FileGrades | None] = lambda address: None,
                 files: dict[str, FileGrades] | None = None):
        self.keys = keys  # id(provision) -> its key, "address:place"
        self._load = load
        self._files: dict[str, FileGrades] = {}  # a file's address -> its grades, as read and added to
        # the grades read from the cache, shared with the checks of the set's other jurisdictions (a file may hold
        # provisions of two), which then read them once; what a check makes is its own, so a cold check holds no
        # jurisdiction's grades while it checks the next
        self._shared = files
        self.changed: set[str] = set()  # the files whose grades this run added to
        self.made = 0  # grades made by this run, not found
        self._facts: dict[int, tuple[Provision, Any]] = {}  # id(provision) -> (it, its facts), for this run only

    def _place(self, p: Provision) -> tuple[FileGrades, int] | None:
        key = self.keys.get(id(p))
        if key is None:
            return None
        # read from the key each time: kept beside it for every provision of a large set, it cost 100 bytes each
        address, _, place = key.rpartition(":")
        known = self._files.get(address)
        if known is None:
            known = None if self._shared is None else self._shared.get(address)
            if known is None:
                known = self._load(address)
                if known is not None and self._shared is not None:
                    self._shared[address] = known
            known = self._files[address] = known if known is not None else {}
        return known, int(place)

    def get(self, p: Provision, requirement: str) -> Any | None:
        found = self._place(p)
        return None if found is None else found[0].get(found[1], {}).get(requirement)

    def put(self, p: Provision, requirement: str, grade: Any) -> None:
        if self._put(p, requirement, grade):
            self.made += 1

    def _put(self, p: Provision, name: str, value: Any) -> bool:
        found = self._place(p)
        if found is None:
            return False
        found[0].setdefault(found[1], {})[name] = value
        self.changed.add(self.keys[id(p)].rpartition(":")[0])
        return True

    def to_keep(self) -> dict[str, FileGrades]:
        """The grades of each file this check added to, by its address, for the next check (a changed file has a
        new address: what was kept under the old one is left to the cache's eviction)."""
        return {address: self._files[address] for address in sorted(self.changed)}

    def facts_of(self, p: Provision, make: Callable[[Provision], Any]) -> Any:
        """The provision's facts, made once however many checks of the run read them, and kept with its grades:
        the set's combination reads the facts of every provision (which reach legal persons), not only of those
        graded again."""
        known = self._facts.get(id(p))
        if known is None or known[0] is not p:
            facts = self.get(p, FACTS)
            if facts is None:
                facts = make(p)
                self._put(p, FACTS, facts)
            known = self._facts[id(p)] = (p, facts)
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
