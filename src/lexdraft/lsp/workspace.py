"""The language server's view of a workspace: each draft's current text, parsed, linted and checked as one set."""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language import ast as A
from ..language.lint import lint
from ..language.parse import read_source
from ..language.stored import digest
from ..pipeline import (
    DECISIONS,
    NO_JURISDICTION,
    DraftSet,
    by_jurisdiction,
    check_jurisdiction,
    decision_paths,
    draft_paths,
    known_articles,
    parse_draft,
    provision_keys,
    read_decision_files,
    set_keys,
)
from ..resources import store_off
from ..source import displayable
from ..treaty.conformance import Finding, Report
from .positions import normalize

if TYPE_CHECKING:  # the amendments are read when an editor asks for one, not at start
    from ..treaty.amend import Amendment
    from ..treaty.decisions import Decision

WORD = re.compile(r"[a-z0-9][a-z0-9.-]*")


@dataclass(frozen=True)
class Parsed:
    """One draft's text and what parsing it gave: its AST, or the errors that stopped it."""

    path: str
    text: str
    draft: A.DraftFile | None
    errors: tuple[Diagnostic, ...] = ()


@dataclass(frozen=True)
class Placed:
    """A verdict of the set's check shown on a provision it concerns, or on its jurisdiction's first provision
    when no provision meets it (`provision` None)."""

    span: Span
    report: Report
    verdict: Finding
    provision: str | None
    jurisdiction: str = NO_JURISDICTION


@dataclass(frozen=True)
class Hit:
    """What stands at a cursor: a vocabulary term, a reference, a document's own id, or a field keyword."""

    kind: str  # term | ref | id | field
    span: Span
    node: A.Node | None = None
    word: str = ""


def references_of(doc: A.Document) -> Iterator[A.Ref]:
    """The provisions and obligations a document refers to (`interprets`, `of`, `mitigates`, `breaching`); the
    treaty articles of `implements` are no documents of the workspace."""
    treaty = {id(r) for r in doc.implements} if isinstance(doc, A.Provision) else set()
    for node in doc.walk():
        if type(node) is A.Ref and id(node) not in treaty:
            yield node


class Workspace:
    """Drafts on disk under the workspace's folders, with the editor's unsaved texts in place of theirs."""

    def __init__(self, roots: list[str]):
        self.roots = [os.path.abspath(r) for r in roots]
        self.articles = known_articles()  # the treaty articles with a spec: what `implements` may name (E212)
        self._open: dict[str, str] = {}  # path -> the editor's text
        self._disk: dict[str, str | None] = {}  # path -> text read from disk (None: unreadable)
        self._parsed: dict[str, Parsed] = {}
        self._paths: set[str] = set()
        self._index: dict[str, list[tuple[str, A.Document]]] | None = None
        self._checked: dict[str, tuple[object, list[Report]]] = {}  # jurisdiction -> (its files' texts, reports)
        self._decision_paths: set[str] = set()  # the reviewer's decisions.yaml files under the folders
        # (their texts, the decisions read from them or the mistakes that stop them): read again when a text changes
        self._decided: tuple[object, list[Decision], list[Diagnostic]] | None = None
        # (jurisdiction, article) -> (its files' texts, the amendments suggested for its gaps, by requirement)
        self._amended: dict[tuple[str, str], tuple[object, dict[str, Amendment]]] = {}
        self.scan()

    # texts ----------------------------------------------------------------------------------------------------
    def scan(self) -> None:
        """Find the drafts under the workspace's folders again (a file was created or deleted)."""
        found: set[str] = set()
        for root in self.roots:
            with contextlib.suppress(LexdraftError):  # an unreadable folder leaves its drafts out, no more
                found.update(os.path.abspath(p) for p in draft_paths([root], allow_empty=True))
        self._paths = found
        self._decision_paths = {os.path.abspath(p) for p in decision_paths(self.roots)}
        self._disk.clear()
        self._index = None

    def open(self, path: str, text: str) -> None:
        self._open[path] = normalize(text)
        self._index = None

    def close(self, path: str) -> None:
        self._open.pop(path, None)
        self._disk.pop(path, None)
        self._index = None

    def changed_on_disk(self, path: str) -> None:
        """A draft was written, created or deleted by another program (or saved by the editor)."""
        self._disk.pop(path, None)
        if os.path.basename(path) == DECISIONS:
            if os.path.isfile(path):
                self._decision_paths.add(path)
            else:
                self._decision_paths.discard(path)
            return
        if os.path.isfile(path) and path.endswith(".lexd"):
            self._paths.add(path)
        else:
            self._paths.discard(path)
        self._index = None

    def paths(self) -> list[str]:
        return sorted(self._paths | set(self._open))

    def text(self, path: str) -> str | None:
        if path in self._open:
            return self._open[path]
        if path not in self._disk:
            try:
                self._disk[path] = read_source(path)
            except LexdraftError:
                self._disk[path] = None
        return self._disk[path]

    def parsed(self, path: str) -> Parsed:
        """The draft parsed from its current text; parsed again only when the text changed."""
        text = self.text(path) or ""
        known = self._parsed.get(path)
        if known is not None and known.text == text:
            return known
        try:
            if path in self._open:  # an editor's text, new at each keystroke: parsed, not kept in the cache
                displayable(text, path)  # what the file saved would be refused for (E003, E005, E006), said as typed
                with store_off():
                    parsed = Parsed(path, text, parse_draft(path, text))
            else:
                parsed = Parsed(path, text, parse_draft(path, text))
        except LexdraftError as e:
            parsed = Parsed(path, text, None, tuple(e.diagnostics))
        self._parsed[path] = parsed
        return parsed

    def drafts(self) -> list[A.DraftFile]:
        """Every draft that parses, in path order."""
        return [d for d in (self.parsed(p).draft for p in self.paths()) if d is not None]

    def index(self) -> dict[str, list[tuple[str, A.Document]]]:
        """Each document id with the files and documents that carry it."""
        if self._index is None:
            index: dict[str, list[tuple[str, A.Document]]] = {}
            for draft in self.drafts():
                for doc in draft.documents:
                    index.setdefault(doc.id, []).append((draft.path, doc))
            self._index = index
        return self._index

    # diagnostics ----------------------------------------------------------------------------------------------
    def diagnostics(self, path: str) -> list[Diagnostic]:
        """The file's own problems, as `lexdraft check` would report them for the workspace: the first syntax
        error, or every lint finding with the other drafts as context."""
        parsed = self.parsed(path)
        if parsed.draft is None:
            return list(parsed.errors)
        found = lint([parsed.draft, *self._context(parsed.draft)], articles=self.articles)
        return [d for d in found if d.span is None or d.span.file == path]

    def _context(self, draft: A.DraftFile) -> list[A.DraftFile]:
        """The other drafts' documents that the file's lint findings can depend on: those sharing an id with its
        documents (E205) and those it refers to. A reference found nowhere takes every draft as context, so the
        near misses of `did you mean` are sought among all of them, as the command line does."""
        own = {doc.id for doc in draft.documents}
        wanted = own | {r.id for doc in draft.documents for r in references_of(doc)}
        index = self.index()
        everything = any(i not in index and i not in own for i in wanted)
        out = []
        for other in self.drafts():
            if other.path == draft.path:
                continue
            docs = other.documents if everything else tuple(d for d in other.documents if d.id in wanted)
            if docs:
                out.append(A.DraftFile(other.path, docs))
        return out

    # the set's conformance ------------------------------------------------------------------------------------
    def _measures(self) -> list[A.Obligation]:
        """The administrative measures the checker reads beside the provisions, as `lexdraft check` does."""
        return [doc for draft in self.drafts() for doc in draft.documents if isinstance(doc, A.Obligation)]

    def _sets(self) -> Iterator[tuple[str, list[A.Provision], list[A.Rule], object]]:
        """Each jurisdiction's provisions with its general-part rules, as `lexdraft check` reads them (their files
        are its too), and the texts of those files: what its verdicts depend on."""
        provisions = [doc for draft in self.drafts() for doc in draft.documents if isinstance(doc, A.Provision)]
        rules = [doc for draft in self.drafts() for doc in draft.documents if isinstance(doc, A.Rule)]
        measures = self._measures()
        for jurisdiction, group in by_jurisdiction(provisions).items():
            own = [r for r in rules if (r.jurisdiction.name if r.jurisdiction else NO_JURISDICTION) == jurisdiction]
            files = {d.span.file for d in [*group, *own, *measures] if d.span
                     and (d.jurisdiction.name if d.jurisdiction else NO_JURISDICTION) == jurisdiction}
            yield jurisdiction, group, own, tuple((path, self.parsed(path).text) for path in sorted(files))

    def decision_files(self) -> list[str]:
        return sorted(self._decision_paths)

    def decisions(self) -> tuple[list[Decision], list[Diagnostic]]:
        """The reviewer's decisions (decisions.yaml under the workspace's folders), as `lexdraft check` reads them
        beside the drafts; with a mistake in any of them, none is applied and the mistakes are returned instead
        (check stops on them)."""
        from ..source import read_text

        texts: list[tuple[str, str | None]] = []
        for path in self.decision_files():
            if path not in self._disk:
                try:
                    self._disk[path] = read_text(path, "decisions")
                except LexdraftError:
                    self._disk[path] = None  # read again below, for its located error
            texts.append((path, self._disk[path]))
        if self._decided is None or self._decided[0] != texts:
            try:
                self._decided = (texts, read_decision_files(texts), [])
            except LexdraftError as e:
                self._decided = (texts, [], list(e.diagnostics))
        return self._decided[1], self._decided[2]

    def _named(self) -> tuple[dict[str, str], dict[int, str]]:
        """Each jurisdiction's set and each provision named by content, as `lexdraft check` names them (a draft by
        the digest of its path and text): a changed file's provisions are graded again, the others' grades are
        read from the cache (treaty.grades), and a set that did not change is not checked again."""
        files, addresses = [], []
        for path in self.paths():
            parsed = self.parsed(path)
            if parsed.draft is not None:
                files.append(parsed.draft)
                addresses.append(digest("draft", path, parsed.text))
        drafts = DraftSet(tuple(files), addresses=tuple(addresses))
        return set_keys(drafts) or {}, provision_keys(drafts) or {}

    def reports(self) -> dict[str, list[Report]]:
        """The workspace's provisions checked per jurisdiction against every article with a spec, as `lexdraft
        check` does, with the reviewer's decisions; a jurisdiction is checked again only when one of its files or
        a decisions file changed, and then grades again only the provisions of the files that changed."""
        out: dict[str, list[Report]] = {}
        decided, _ = self.decisions()
        keys: tuple[dict[str, str], dict[int, str]] | None = None
        for jurisdiction, group, own, texts in self._sets():
            key = (texts, self._decided[0] if self._decided is not None else ())
            known = self._checked.get(jurisdiction)
            if known is None or known[0] != key:
                keys = keys or self._named()
                try:
                    reports = [c.report for c in check_jurisdiction(jurisdiction, group, self.articles, own,
                                                                    decided, keys[0].get(jurisdiction), keys[1],
                                                                    self._measures())]
                except LexdraftError:
                    return {}  # a broken spec is the specs' problem; the drafts' own diagnostics still come
                known = self._checked[jurisdiction] = (key, reports)
            out[jurisdiction] = known[1]
        return out

    def root_of(self, path: str) -> str:
        """The workspace folder holding `path` (the first, for a file outside them all)."""
        here = os.path.abspath(path)
        return next((r for r in self.roots if here.startswith(r + os.sep)), self.roots[0] if self.roots
                    else os.path.dirname(here))

    def amendment(self, jurisdiction: str, requirement: str) -> Amendment | None:
        """The amendment `lexdraft review` suggests for a gap of the jurisdiction's set (treaty.amend: the smallest
        one that the set, checked again with it, verifies); None for a requirement the set meets, or a gap no
        amendment closes. Worked out when an editor asks, and kept until one of the set's files changes."""
        from ..treaty.amend import suggest_amendments

        for name, _, own, key in self._sets():
            if name != jurisdiction:
                continue
            for report in self.reports().get(jurisdiction, []):
                if not any(v.requirement.id == requirement and v.verdict.fails for v in report.verdicts):
                    continue
                known = self._amended.get((jurisdiction, report.spec.article))
                if known is None or known[0] != key:
                    try:
                        found = suggest_amendments(report.spec.article, report.provisions, own)
                    except LexdraftError:
                        return None
                    known = self._amended[(jurisdiction, report.spec.article)] = (key, found)
                # one new article may carry several gaps: it is filed under one of them and `closes` them all
                return known[1].get(requirement) or next(
                    (a for a in known[1].values() if requirement in a.closes), None)
        return None

    def placed(self) -> list[Placed]:
        """Every verdict placed on the provisions it concerns (those that meet it in whole or part, and those its
        notes speak of); a verdict that concerns none goes to its jurisdiction's first provision."""
        out: list[Placed] = []
        for jurisdiction, reports in self.reports().items():
            for report in reports:
                spans = {p.id: p.span for p in report.provisions if p.span is not None}
                first = min((p.span for p in report.provisions if p.span is not None),
                            key=lambda s: (s.file, s.line, s.column), default=None)
                for v in report.verdicts:
                    concerned = list(dict.fromkeys([*v.met_by, *(n.provision for n in v.notes if n.provision)]))
                    concerned = [c for c in concerned if c in spans]
                    if not concerned and first is not None:
                        out.append(Placed(first, report, v, None, jurisdiction))
                    out.extend(Placed(spans[c], report, v, c, jurisdiction) for c in concerned)
        return out

    # what stands where ------------------------------------------------------------------------------------------
    def at(self, path: str, line: int, column: int) -> Hit | None:
        """What the 1-based `line` and character `column` of the file fall on."""
        parsed = self.parsed(path)
        if parsed.draft is not None:
            for doc in parsed.draft.documents:
                if doc.span is not None and _within(doc.span, line, column):
                    return Hit("id", doc.span, doc, doc.id)
                for node in doc.walk():
                    if type(node) in (A.Term, A.Ref) and node.span is not None and _within(node.span, line, column):
                        if isinstance(node, A.Term):
                            return Hit("term", node.span, node, node.name)
                        if isinstance(node, A.Ref):
                            return Hit("ref", node.span, node, node.id)
        lines = parsed.text.split("\n")
        if not 0 < line <= len(lines):
            return None
        for m in WORD.finditer(lines[line - 1]):
            if m.start() < column <= m.end() + 1:
                span = Span(path, line, m.start() + 1, line, m.end() + 1)
                word = m.group(0)
                if "." in word:
                    return Hit("ref", span, None, word)
                return Hit("field" if parsed.draft is not None else "word", span, None, word)
        return None

    def definitions(self, ident: str) -> list[tuple[str, A.Document]]:
        return self.index().get(ident, [])

    def references(self, ident: str) -> list[Span]:
        """Where drafts refer to the document `ident`, in path order."""
        out: list[Span] = []
        for draft in self.drafts():
            for doc in draft.documents:
                out.extend(r.span for r in references_of(doc) if r.id == ident and r.span is not None)
        return out


def _within(span: Span, line: int, column: int) -> bool:
    """The cursor is on the span or just after its last character (where a word is typed)."""
    return (span.line, span.column) <= (line, column) <= (span.end_line, span.end_column)
