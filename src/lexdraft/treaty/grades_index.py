"""A set's per-file grades kept together in one cache entry, so that a warm check reads one entry, not one a file."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from ..language.stored import Index
from .grades import FileGrades

MODULES = ("lexdraft.language.ast", "lexdraft.diagnostics", "lexdraft.treaty.")  # what grades are made of


class GradesIndex(Index):
    """The grades of one set's files (language.stored.Index): those of its index, else each file's own entry
    (`load`); what the run graded afresh is added by `kept`, and `save` writes the index again when it is stale."""

    def __init__(self, name: str, addresses: Iterable[str], load: Callable[[str], FileGrades | None]):
        super().__init__("grades-index", name, addresses, MODULES)
        self._load = load

    def load(self, address: str) -> FileGrades | None:
        """A file's grades: from the index when it holds them, else from the file's own entry."""
        found = self.get(address)
        grades = found if _valid(found) else self._load(address)
        if grades is not None:
            self.found(address, grades)
        return grades

    def kept(self, address: str, grades: FileGrades) -> None:
        """The file's grades as this run left them (it graded some of its provisions afresh)."""
        self.made_afresh(address, grades)


def _valid(found: object) -> bool:
    """Whether an index holds grades as a file's entry does: each provision's place to its grades."""
    return isinstance(found, dict) and all(isinstance(k, int) and isinstance(v, dict) for k, v in found.items())
