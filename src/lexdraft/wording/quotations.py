"""What E410 (an interpretation quotes the statute's own words) reads of a set kept only as sketches, gathered as
the set is read: light to import, so that a check meeting no interpretation loads no wording."""

from __future__ import annotations

from collections.abc import Container

from ..diagnostics import Diagnostic
from ..language import ast as A


class Quotations:
    """E410 for a cold check that keeps only sketches, shown each draft whole as it is read (pipeline.load_sources'
    `whole`): it keeps the interpretations of the files checked (`named`) and, until those that name them are
    checked, the provisions they name, whole; an interpretation file is checked once every provision it names has
    been read. A file left waiting (a provision read before the interpretation that names it, or one whose text is
    another's) is checked by interpretations.quotes_of_set with what is kept, reading drafts again only where that is
    not enough."""

    def __init__(self, named: Container[str]):
        self.named = named
        self.waiting: dict[str, tuple[list[A.Interpretation], frozenset[str]]] = {}  # by path: and the ids they name
        self.wanted: dict[str, int] = {}  # id: how many files waiting name it
        self.held: dict[str, A.Provision] = {}
        self.found: dict[str, list[Diagnostic]] = {}  # by path: the E410 of a file checked

    def __call__(self, draft: A.DraftFile) -> None:
        docs = interpretations_of(draft)
        if docs and draft.path in self.named:
            ids = frozenset(r.id for doc in docs for r in refs(doc))
            self.waiting[draft.path] = docs, ids
            for i in ids:
                self.wanted[i] = self.wanted.get(i, 0) + 1
        for d in draft.documents:
            if type(d) is A.Provision and d.text_of is None and d.id in self.wanted:
                self.held[d.id] = d
        for path, (docs, ids) in list(self.waiting.items()):
            if ids <= self.held.keys():
                from .interpretations import misquoted

                self.found[path] = misquoted(docs, self.held)
                self._done(path)

    def _done(self, path: str) -> None:
        for i in self.waiting.pop(path)[1]:
            self.wanted[i] -= 1
            if not self.wanted[i]:
                del self.wanted[i]
                self.held.pop(i, None)


def interpretations_of(f: A.DraftFile) -> list[A.Interpretation]:
    return [d for d in f.documents if isinstance(d, A.Interpretation)]


def refs(doc: A.Interpretation) -> list[A.Ref]:
    """Every provision the interpretation names: those it interprets and those its articles name."""
    return [*doc.interprets, *(a.provision for a in doc.articles if isinstance(a, A.REFERRING_ARTICLES))]
