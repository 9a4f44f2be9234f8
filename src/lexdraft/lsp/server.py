"""The LSP face: pygls handlers that turn the workspace's diagnostics, verdicts and lookups into protocol messages."""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from typing import Any, BinaryIO

from lsprotocol import types as T
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

from .. import __version__, packs
from ..diagnostics import Diagnostic, LexdraftError, Severity, Span, format_all
from ..language import ast as A
from ..language.fmt import format_source
from ..language.parse import parser
from ..packs.config import configured_packs
from ..treaty.values import Force
from . import describe
from .complete import complete, typed_start
from .positions import Lines, normalize
from .workspace import Placed, Workspace

SOURCE = "lexdraft"
_DID_YOU_MEAN = re.compile(r"^did you mean ((?:`[^`]+`(?: or )?)+)\?$")
_SEVERITY = {Severity.ERROR: T.DiagnosticSeverity.Error, Severity.WARNING: T.DiagnosticSeverity.Warning}
_KIND = {"term": T.CompletionItemKind.EnumMember, "keyword": T.CompletionItemKind.Keyword,
         "id": T.CompletionItemKind.Reference, "article": T.CompletionItemKind.Reference}
_SYMBOL = {A.Provision: T.SymbolKind.Class, A.Interpretation: T.SymbolKind.Namespace,
           A.Obligation: T.SymbolKind.Interface, A.Rule: T.SymbolKind.Struct, A.Amendment: T.SymbolKind.Module}


class LexdraftServer(LanguageServer):
    """A pygls server holding one workspace model and what it last published per file."""

    def __init__(self) -> None:
        super().__init__("lexdraft", __version__)
        self._model: Workspace | None = None
        self.lint: dict[str, list[T.Diagnostic]] = {}  # path -> the file's own problems, as typed
        self.verdicts: dict[str, list[T.Diagnostic]] = {}  # path -> the set's verdicts, as last saved
        self.placed: list[Placed] | None = None

    @property
    def model(self) -> Workspace:
        if self._model is None:
            roots = [to_fs_path(f.uri) or "" for f in self.workspace.folders.values()]
            if not roots and self.workspace.root_path:
                roots = [self.workspace.root_path]
            roots = [r for r in roots if r]
            self._use_packs(roots)
            self._model = Workspace(roots)
        return self._model

    def _use_packs(self, roots: list[str]) -> None:
        """The packs the workspace's lexdraft.toml (or [tool.lexdraft]) names, as `lexdraft check` there reads them;
        a broken configuration is told in the editor's log, and the bundled packs are used meanwhile."""
        named: list[str] = []
        for root in roots:
            try:
                named += configured_packs(root)
            except LexdraftError as e:
                self.window_log_message(T.LogMessageParams(T.MessageType.Error, format_all(e.diagnostics)))
        packs.use(named)

    def lines(self, path: str) -> Lines:
        return Lines(self.model.parsed(path).text, str(self.workspace.position_encoding or "utf-16"))

    def range(self, span: Span, lines: Lines | None = None) -> T.Range:
        (sl, sc), (el, ec) = (lines or self.lines(span.file)).span_range(span)
        return T.Range(T.Position(sl, sc), T.Position(el, ec))

    def location(self, span: Span) -> T.Location:
        return T.Location(uri(span.file), self.range(span))

    def offset(self, path: str, position: T.Position) -> int:
        return self.lines(path).offset(position.line, position.character)

    def publish(self, path: str) -> None:
        self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
            uri=uri(path), diagnostics=[*self.lint.get(path, []), *self.verdicts.get(path, [])]))

    def check_file(self, path: str) -> None:
        """Parse and lint the file's current text, and publish what is wrong with it."""
        lines = self.lines(path)
        self.lint[path] = [self.diagnostic(d, lines) for d in self.model.diagnostics(path)]
        self.publish(path)

    def check_set(self) -> None:
        """Check the workspace's set per jurisdiction and show each verdict on the provisions it concerns."""
        self.placed = self.model.placed()
        before = set(self.verdicts)
        self.verdicts = {}
        for placed in self.placed:
            self.verdicts.setdefault(placed.span.file, []).append(self.verdict(placed))
        encoding = str(self.workspace.position_encoding or "utf-16")
        _, mistakes = self.model.decisions()
        for d in mistakes:  # a mistake in decisions.yaml is shown there, as check shows it (an unreadable file's
            # message names it: it goes to the first decisions file)
            where = d.span.file if d.span is not None else self.model.decision_files()[0]
            lines = Lines(self.model.text(where) or "", encoding)
            self.verdicts.setdefault(where, []).append(self.diagnostic(d, lines))
        for path in sorted(before | set(self.verdicts)):
            self.publish(path)

    def diagnostic(self, d: Diagnostic, lines: Lines) -> T.Diagnostic:
        """A lexdraft diagnostic as the command line words it, with the replacements its hint offers."""
        span = d.span or Span("", 1, 1, 1, 2)
        fixes = [f for h in d.hints if (m := _DID_YOU_MEAN.match(h)) for f in re.findall(r"`([^`]+)`", m.group(1))]
        message = "\n".join([d.message, *(f"= hint: {h}" for h in d.hints)])
        return T.Diagnostic(range=self.range(span, lines), message=message, code=d.code, source=SOURCE,
                            severity=_SEVERITY.get(d.severity, T.DiagnosticSeverity.Information),
                            data={"fixes": fixes} if fixes else None)

    def verdict(self, placed: Placed) -> T.Diagnostic:
        v, q = placed.verdict, placed.verdict.requirement
        if v.verdict.conforms:
            severity = T.DiagnosticSeverity.Hint
        else:
            severity = T.DiagnosticSeverity.Warning if q.force is Force.SHALL else T.DiagnosticSeverity.Information
        notes = [n.text.en or "" for n in v.notes if placed.provision is None or n.provision in ("", placed.provision)]
        head = f"{q.paragraph} ({describe.FORCE[q.force]}): {v.verdict}"
        if v.decision is not None:  # as check's report says it
            head += " — " + v.decision.label("en")
        if placed.provision is None and not v.verdict.conforms:
            head += " — no provision of this jurisdiction meets it"
        return T.Diagnostic(range=self.range(placed.span), message="\n".join([head, *notes]), code=q.id,
                            source=f"{SOURCE} {placed.report.spec.article}", severity=severity,
                            data=None if v.verdict.conforms else {"jurisdiction": placed.jurisdiction,
                                                                   "requirement": q.id})


def uri(path: str) -> str:
    return from_fs_path(path) or path


def path_of(document_uri: str) -> str:
    return to_fs_path(document_uri) or document_uri


server = LexdraftServer()


# text sync ------------------------------------------------------------------------------------------------------
@server.feature(T.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: LexdraftServer, params: T.DidOpenTextDocumentParams) -> None:
    path = path_of(params.text_document.uri)
    ls.model.open(path, params.text_document.text)
    ls.check_file(path)
    if ls.placed is None:
        ls.check_set()


@server.feature(T.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: LexdraftServer, params: T.DidChangeTextDocumentParams) -> None:
    path = path_of(params.text_document.uri)
    ls.model.open(path, ls.workspace.get_text_document(params.text_document.uri).source)
    ls.check_file(path)


@server.feature(T.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: LexdraftServer, params: T.DidSaveTextDocumentParams) -> None:
    path = path_of(params.text_document.uri)
    ls.model.changed_on_disk(path)
    ls.check_set()
    capabilities = ls.client_capabilities.workspace
    if capabilities and capabilities.code_lens and capabilities.code_lens.refresh_support:
        ls.workspace_code_lens_refresh(None)


@server.feature(T.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: LexdraftServer, params: T.DidCloseTextDocumentParams) -> None:
    path = path_of(params.text_document.uri)
    ls.model.close(path)
    ls.lint.pop(path, None)
    ls.publish(path)


@server.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: LexdraftServer, params: T.DidChangeWatchedFilesParams) -> None:
    for change in params.changes:
        ls.model.changed_on_disk(path_of(change.uri))
    ls.check_set()


# lookups ---------------------------------------------------------------------------------------------------------
def _hit(ls: LexdraftServer, document_uri: str, position: T.Position) -> tuple[str, Any]:
    path = path_of(document_uri)
    lines = ls.lines(path)
    return path, ls.model.at(path, position.line + 1, lines.column(position.line, position.character) + 1)


@server.feature(T.TEXT_DOCUMENT_HOVER)
def hover(ls: LexdraftServer, params: T.HoverParams) -> T.Hover | None:
    _, hit = _hit(ls, params.text_document.uri, params.position)
    if hit is None:
        return None
    text: str | None = None
    if hit.kind == "term":
        text = describe.term(hit.node.section, hit.node.name)
    elif hit.kind in ("id", "ref"):
        found = ls.model.definitions(hit.word)
        text = "\n\n---\n\n".join(describe.document(d, p) for p, d in found) if found else describe.article(hit.word)
    elif hit.kind == "field":
        text = describe.field(hit.word)
    else:  # a draft that does not parse: the word may be a field or a term of several lists
        text = describe.field(hit.word) or describe.word(hit.word)
    if not text:
        return None
    return T.Hover(T.MarkupContent(T.MarkupKind.Markdown, text), ls.range(hit.span))


@server.feature(T.TEXT_DOCUMENT_COMPLETION, T.CompletionOptions(trigger_characters=[" ", ","]))
def completion(ls: LexdraftServer, params: T.CompletionParams) -> T.CompletionList:
    path = path_of(params.text_document.uri)
    text = ls.model.parsed(path).text
    lines = ls.lines(path)
    offset = lines.offset(params.position.line, params.position.character)
    start = lines.position(typed_start(text, offset))
    typed = T.Range(T.Position(*start), params.position)
    items = [T.CompletionItem(label=i.label, kind=_KIND[i.kind], detail=i.detail or None,
                              documentation=i.documentation or None, text_edit=T.TextEdit(typed, i.label),
                              sort_text=f"{'0' if i.kind != 'keyword' else '1'}{i.label}")
             for i in complete(text, offset, path, ls.model.index())]
    return T.CompletionList(is_incomplete=False, items=items)


def _ident(ls: LexdraftServer, document_uri: str, position: T.Position) -> str | None:
    _, hit = _hit(ls, document_uri, position)
    return hit.word if hit is not None and hit.kind in ("id", "ref") else None


@server.feature(T.TEXT_DOCUMENT_DEFINITION)
def definition(ls: LexdraftServer, params: T.DefinitionParams) -> list[T.Location]:
    ident = _ident(ls, params.text_document.uri, params.position)
    return [ls.location(d.span) for _, d in ls.model.definitions(ident) if d.span] if ident else []


@server.feature(T.TEXT_DOCUMENT_REFERENCES)
def references(ls: LexdraftServer, params: T.ReferenceParams) -> list[T.Location]:
    ident = _ident(ls, params.text_document.uri, params.position)
    if ident is None:
        return []
    spans = [d.span for _, d in ls.model.definitions(ident) if d.span] if params.context.include_declaration else []
    return [ls.location(s) for s in [*spans, *ls.model.references(ident)]]


@server.feature(T.TEXT_DOCUMENT_PREPARE_RENAME)
def prepare_rename(ls: LexdraftServer, params: T.PrepareRenameParams) -> T.Range | None:
    _, hit = _hit(ls, params.text_document.uri, params.position)
    if hit is None or hit.kind not in ("id", "ref") or not ls.model.definitions(hit.word):
        return None
    return ls.range(hit.span)


@server.feature(T.TEXT_DOCUMENT_RENAME)
def rename(ls: LexdraftServer, params: T.RenameParams) -> T.WorkspaceEdit | None:
    ident = _ident(ls, params.text_document.uri, params.position)
    if ident is None or not ls.model.definitions(ident):
        return None
    if not re.fullmatch(parser().get_terminal("ID").pattern.to_regexp(), params.new_name):
        raise ValueError(f"`{params.new_name}` is not an id: write lowercase words joined by dots, "
                         "e.g. prc.criminal-law.253-2")
    spans = [d.span for _, d in ls.model.definitions(ident) if d.span] + ls.model.references(ident)
    changes: dict[str, list[T.TextEdit]] = {}
    for span in spans:
        changes.setdefault(uri(span.file), []).append(T.TextEdit(ls.range(span), params.new_name))
    return T.WorkspaceEdit(changes=changes)


@server.feature(T.TEXT_DOCUMENT_FORMATTING)
def formatting(ls: LexdraftServer, params: T.DocumentFormattingParams) -> list[T.TextEdit] | None:
    path = path_of(params.text_document.uri)
    text = ls.model.parsed(path).text
    try:
        formatted = format_source(text, path)
    except LexdraftError:
        return None  # the diagnostics already say what stops it
    source = normalize(ls.workspace.get_text_document(params.text_document.uri).source)
    if formatted == source:
        return []
    end = ls.lines(path).position(len(text))
    return [T.TextEdit(T.Range(T.Position(0, 0), T.Position(*end)), formatted)]


@server.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
def code_action(ls: LexdraftServer, params: T.CodeActionParams) -> list[T.CodeAction]:
    actions = []
    for d in params.context.diagnostics:
        fixes = d.data.get("fixes", []) if isinstance(d.data, dict) else []
        for n, fix in enumerate(fixes):
            actions.append(T.CodeAction(
                title=f"Replace with `{fix}`", kind=T.CodeActionKind.QuickFix, diagnostics=[d], is_preferred=n == 0,
                edit=T.WorkspaceEdit(changes={params.text_document.uri: [T.TextEdit(d.range, fix)]})))
        if isinstance(d.data, dict) and "requirement" in d.data:
            actions.extend(_suggested_amendment(ls, params.text_document.uri, d))
    return actions


AMENDMENTS = "amendments"  # the workspace folder a suggested amendment is written to, as `review --write-amendments`


def _suggested_amendment(ls: LexdraftServer, document_uri: str, d: T.Diagnostic) -> list[T.CodeAction]:
    """A gap's suggested amendment (what `lexdraft review` suggests) as a new draft in the workspace's amendments
    folder, never over a file already there: the drafter reads it, moves it among the drafts and edits it."""
    from ..outputs.review import amendment_file

    assert isinstance(d.data, dict)
    jurisdiction, requirement = str(d.data.get("jurisdiction")), str(d.data.get("requirement"))
    am = ls.model.amendment(jurisdiction, requirement)
    if am is None:
        return []
    path = os.path.join(ls.model.root_of(path_of(document_uri)), AMENDMENTS, amendment_file(jurisdiction, am))
    where = uri(path)
    what = f"amend {am.amends}: " if am.amends else "a new article: "
    return [T.CodeAction(
        title=f"Suggested amendment for {', '.join(am.closes or (requirement,))} ({what}{'; '.join(am.edits)})",
        kind=T.CodeActionKind.QuickFix, diagnostics=[d],
        edit=T.WorkspaceEdit(document_changes=[
            T.CreateFile(uri=where, options=T.CreateFileOptions(overwrite=False, ignore_if_exists=False)),
            T.TextDocumentEdit(T.OptionalVersionedTextDocumentIdentifier(uri=where, version=None),
                               [T.TextEdit(T.Range(T.Position(0, 0), T.Position(0, 0)), am.lexd)])]))]


# outline and lenses ------------------------------------------------------------------------------------------------
def _extent(doc: A.Document) -> Span:
    """From the line of the document's id to the end of its last part (the closing brace is not in the AST)."""
    assert doc.span is not None
    ends = [(n.span.end_line, n.span.end_column) for n in doc.walk() if n.span is not None]
    end_line, end_column = max(ends)
    return Span(doc.span.file, doc.span.line, 1, end_line, end_column)


@server.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
def document_symbol(ls: LexdraftServer, params: T.DocumentSymbolParams) -> list[T.DocumentSymbol]:
    path = path_of(params.text_document.uri)
    draft = ls.model.parsed(path).draft
    if draft is None:
        return []
    lines = ls.lines(path)
    out = []
    for doc in draft.documents:
        if doc.span is None:
            continue
        children = []
        if isinstance(doc, A.Interpretation):
            for a in doc.articles:
                if a.span is not None:
                    r = ls.range(a.span, lines)
                    kind = type(a).__name__.removesuffix("Article").lower()
                    children.append(T.DocumentSymbol(name=f"article {a.number}", detail=kind,
                                                     kind=T.SymbolKind.Field, range=r, selection_range=r))
        title = doc.title.en or doc.title.zh if doc.title else None
        out.append(T.DocumentSymbol(name=doc.id, detail=title, kind=_SYMBOL[type(doc)],
                                    range=ls.range(_extent(doc), lines), selection_range=ls.range(doc.span, lines),
                                    children=children or None))
    return out


@server.feature(T.WORKSPACE_SYMBOL)
def workspace_symbol(ls: LexdraftServer, params: T.WorkspaceSymbolParams) -> list[T.WorkspaceSymbol]:
    query = params.query.lower()
    out = []
    for ident, found in sorted(ls.model.index().items()):
        for _, doc in found:
            title = " ".join(t for t in (doc.title.zh, doc.title.en) if t) if doc.title else ""
            if doc.span is not None and (query in ident or query in title.lower()):
                out.append(T.WorkspaceSymbol(name=ident, kind=_SYMBOL[type(doc)], location=ls.location(doc.span),
                                             container_name=title or None))
    return out


def _lens_titles(placed: Sequence[Placed]) -> list[str]:
    by_article: dict[str, list[str]] = {}
    for p in placed:
        q = p.verdict.requirement
        by_article.setdefault(p.report.spec.article, []).append(f"{q.paragraph} {p.verdict.verdict}")
    return [f"{article}: " + " · ".join(items) for article, items in by_article.items()]


@server.feature(T.TEXT_DOCUMENT_CODE_LENS)
def code_lens(ls: LexdraftServer, params: T.CodeLensParams) -> list[T.CodeLens]:
    path = path_of(params.text_document.uri)
    if ls.placed is None:
        ls.check_set()
    draft = ls.model.parsed(path).draft
    if draft is None or ls.placed is None:
        return []
    lines = ls.lines(path)
    lenses: list[T.CodeLens] = []
    for doc in draft.documents:
        if not isinstance(doc, A.Provision) or doc.span is None:
            continue
        r = ls.range(doc.span, lines)
        mine = [p for p in ls.placed if p.provision == doc.id and p.span.file == path]
        unmet = [p for p in ls.placed if p.provision is None and p.span == doc.span]
        titles = _lens_titles(mine) + [f"{t} (no provision of {doc.jurisdiction.name if doc.jurisdiction else '?'} "
                                       "meets it)" for t in _lens_titles(unmet)]
        lenses.extend(T.CodeLens(range=r, command=T.Command(title=t, command="")) for t in titles)
    return lenses


def serve(stdin: BinaryIO, stdout: BinaryIO) -> None:
    """Speak LSP over these streams (the process's standard input and output) until the client says exit."""
    server.start_io(stdin, stdout)
