"""`lexdraft lsp` end to end: a real LSP client (pytest-lsp) starts the server over stdio in a small workspace."""

from __future__ import annotations

import asyncio
import json
import shutil
import subprocess
import sys
from collections.abc import AsyncIterator, Callable
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types as T
from pygls.uris import to_fs_path
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from lexdraft.cli import main
from lexdraft.language.fmt import format_source
from lexdraft.lsp.positions import Lines

ROOT = Path(__file__).resolve().parent.parent
PROPOSED = ROOT / "drafts" / "prc" / "proposed"

# A new provision with a misspelt conduct on a line that holds Chinese and a character beyond the BMP (𠀀, two
# UTF-16 code units) before it: the diagnostic's column is counted in UTF-16, not in characters or bytes.
NEW = """provision prc.criminal-law.253-3 {
  jurisdiction prc
  status       proposed
  title zh "私密𠀀图像" en "Images" conduct produce, distribte
  implements   uncc.16
  mental       intent
  object       intimate-image
  prosecution  public
  penalty
    base imprisonment <= 3 years
}
"""
ERROR_LINE = 3
ERROR_START = len('  title zh "私密𠀀图像" en "Images" conduct produce, ') + 1  # in UTF-16 units: 𠀀 counts twice


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "lexdraft", "lsp"]))
async def client(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    for name in ("253-2-dfii.lexd", "dfii-interpretation.lexd"):
        shutil.copy(PROPOSED / name, tmp_path / name)
    params = T.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri(),
                                workspace_folders=[T.WorkspaceFolder(tmp_path.as_uri(), "drafts")])
    refreshed: list[None] = []
    lsp_client.feature(T.WORKSPACE_CODE_LENS_REFRESH)(lambda ls, params: refreshed.append(params))
    lsp_client.lenses_refreshed = refreshed  # type: ignore[attr-defined]
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


async def _diagnostics(client: LanguageClient, uri: str, ok: Callable[[list[T.Diagnostic]], bool],
                       timeout: float = 20) -> list[T.Diagnostic]:
    """The file's diagnostics once they satisfy `ok` (publications before the edit may still be on their way)."""
    async def wait() -> list[T.Diagnostic]:
        while not ok(client.diagnostics.get(uri, [])):
            await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


async def _until(ok: Callable[[], bool]) -> None:
    while not ok():
        await asyncio.sleep(0.05)


def _own(diagnostics: list[T.Diagnostic]) -> list[T.Diagnostic]:
    """The file's own problems (lint and syntax), not the set's verdicts."""
    return [d for d in diagnostics if d.source == "lexdraft"]


def _open(client: LanguageClient, path: Path, text: str | None = None) -> str:
    uri = path.as_uri()
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri=uri, language_id="lexdraft", version=1, text=path.read_text(encoding="utf-8") if text is None else text)))
    return uri


@pytest.mark.asyncio
async def test_a_diagnostic_at_its_range_then_cleared(client: LanguageClient, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    uri = _open(client, tmp_path / "new.lexd", NEW)
    found = _own(await _diagnostics(client, uri, lambda ds: bool(_own(ds))))
    assert [(d.code, d.message) for d in found] == [
        ("E201", "unknown conduct `distribte`\n= hint: did you mean `distribute` or `disseminate`?")]
    # The command line says the same of the file saved, at the same place counted in characters.
    (tmp_path / "new.lexd").write_text(NEW, encoding="utf-8")
    assert main(["check", str(tmp_path)]) == 2
    assert capsys.readouterr().err.startswith(
        f"{tmp_path / 'new.lexd'}:{ERROR_LINE + 1}:{ERROR_START}: error[E201]: unknown conduct `distribte`\n")
    start = ERROR_START - 1 + 1  # 0-based, in UTF-16 units: the characters before it, and 𠀀's second unit
    assert found[0].range == T.Range(T.Position(ERROR_LINE, start), T.Position(ERROR_LINE, start + len("distribte")))
    assert found[0].severity == T.DiagnosticSeverity.Error

    client.text_document_did_change(T.DidChangeTextDocumentParams(
        T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [T.TextDocumentContentChangePartial(range=found[0].range, text="distribute")]))
    assert _own(await _diagnostics(client, uri, lambda ds: not _own(ds))) == []


@pytest.mark.asyncio
@pytest.mark.parametrize(("typed", "code"), [("\x1b[2J", "E005"), ("\u202e", "E005"), ("\x9b", "E005"),
                                              ("\ud800", "E003"), (chr(0xDFFF), "E003")],
                         ids=["esc", "rlo", "csi", "high-surrogate", "low-surrogate"])
async def test_a_character_the_file_would_be_refused_for_is_said_as_it_is_typed(
        client: LanguageClient, tmp_path: Path, capsys: pytest.CaptureFixture[str], typed: str, code: str) -> None:
    """The editor's text, not yet saved, is held to what the command line refuses in the file (E005): a control or
    bidi character pasted into a title is an error at its place, as `lexdraft check` says of the file saved. A lone
    surrogate (a JSON client may send one) is what its bytes saved are to the command line: not UTF-8 (E003)."""
    text = NEW.replace("distribte", "distribute").replace('en "Images"', f'en "Ima{typed}ges"')
    uri = _open(client, tmp_path / "new.lexd", text)
    found = _own(await _diagnostics(client, uri, lambda ds: bool(_own(ds))))
    assert [d.code for d in found] == [code], found
    column = text.split("\n")[ERROR_LINE].index(typed) + 1  # 𠀀 is two UTF-16 units before it
    assert found[0].range.start == T.Position(ERROR_LINE, column)
    (tmp_path / "new.lexd").write_text(text, encoding="utf-8", errors="surrogatepass")
    assert main(["check", str(tmp_path / "new.lexd")]) == 2
    assert f"new.lexd:{ERROR_LINE + 1}:{text.split(chr(10))[ERROR_LINE].index(typed) + 1}: error[{code}]" in \
        capsys.readouterr().err


@pytest.mark.asyncio
async def test_a_syntax_error_then_fixed(client: LanguageClient, tmp_path: Path) -> None:
    uri = _open(client, tmp_path / "new.lexd", NEW.replace("distribte", "distribute").replace("  status", "  statu"))
    found = _own(await _diagnostics(client, uri, lambda ds: bool(_own(ds))))
    assert [(d.code, d.message.split("\n")[0]) for d in found] == [
        ("E102", "`statu` is not a field")]
    assert found[0].range == T.Range(T.Position(2, 2), T.Position(2, 7))
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        [T.TextDocumentContentChangePartial(range=T.Range(T.Position(2, 7), T.Position(2, 7)), text="s")]))
    assert _own(await _diagnostics(client, uri, lambda ds: not _own(ds))) == []


@pytest.mark.asyncio
async def test_code_action_offers_the_did_you_mean(client: LanguageClient, tmp_path: Path) -> None:
    uri = _open(client, tmp_path / "new.lexd", NEW)
    found = _own(await _diagnostics(client, uri, lambda ds: bool(_own(ds))))
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), found[0].range, T.CodeActionContext(diagnostics=found)))
    assert actions is not None
    assert [a.title for a in actions if isinstance(a, T.CodeAction)] == [
        "Replace with `distribute`", "Replace with `disseminate`"]
    action = actions[0]
    assert isinstance(action, T.CodeAction) and action.edit is not None and action.edit.changes is not None
    assert {u: list(e) for u, e in action.edit.changes.items()} == {uri: [T.TextEdit(found[0].range, "distribute")]}


@pytest.mark.asyncio
async def test_hover_on_a_term_a_field_and_an_id(client: LanguageClient, tmp_path: Path) -> None:
    uri = _open(client, tmp_path / "253-2-dfii.lexd")
    text = (tmp_path / "253-2-dfii.lexd").read_text(encoding="utf-8")
    lines = text.split("\n")
    conduct = next(n for n, s in enumerate(lines) if s.startswith("  conduct"))

    term = await client.text_document_hover_async(T.HoverParams(
        T.TextDocumentIdentifier(uri), T.Position(conduct, lines[conduct].index("disseminate") + 3)))
    assert term is not None and isinstance(term.contents, T.MarkupContent)
    assert "- zh: 传播" in term.contents.value and "- en: disseminate" in term.contents.value
    assert "`uncc.16.1` (16(1), obligatory): distribute, transmit, publish, make-available" in term.contents.value
    assert term.range == T.Range(T.Position(conduct, lines[conduct].index("disseminate")),
                                 T.Position(conduct, lines[conduct].index("disseminate") + len("disseminate")))

    field = await client.text_document_hover_async(T.HoverParams(T.TextDocumentIdentifier(uri),
                                                                 T.Position(conduct, 3)))
    assert field is not None and isinstance(field.contents, T.MarkupContent)
    assert "**conduct** — field" in field.contents.value
    assert "`uncc.16.1` (16(1), obligatory)" in field.contents.value

    interp = tmp_path / "dfii-interpretation.lexd"
    iuri = _open(client, interp)
    ilines = interp.read_text(encoding="utf-8").split("\n")
    at = next(n for n, s in enumerate(ilines) if s.startswith("  interprets"))
    ident = await client.text_document_hover_async(T.HoverParams(
        T.TextDocumentIdentifier(iuri), T.Position(at, ilines[at].index("prc.criminal-law") + 5)))
    assert ident is not None and isinstance(ident.contents, T.MarkupContent)
    assert ident.contents.value.startswith("**prc.criminal-law.253-2** — provision\n\n"
                                           "制作、合成、传播他人可识别深度伪造私密图像罪\n"
                                           "Producing, synthesizing or disseminating identifiable deepfake intimate "
                                           "images of another\n\nStatus: proposed (立法建议)")


@pytest.mark.asyncio
async def test_completion_of_terms_and_ids(client: LanguageClient, tmp_path: Path) -> None:
    text = "provision prc.criminal-law.253-3 {\n  conduct produce, dis"
    uri = _open(client, tmp_path / "new.lexd", text)
    result = await client.text_document_completion_async(T.CompletionParams(
        T.TextDocumentIdentifier(uri), T.Position(1, len("  conduct produce, dis"))))
    assert isinstance(result, T.CompletionList)
    labels = {i.label for i in result.items}
    assert {"distribute", "disseminate", "produce"} <= labels
    assert "intent" not in labels and "intimate-image" not in labels  # a state of mind, an object: not conduct
    item = next(i for i in result.items if i.label == "distribute")
    assert item.text_edit == T.TextEdit(T.Range(T.Position(1, 19), T.Position(1, 22)), "distribute")
    assert item.detail == "distribute"

    # The word after `object intimate-image {` names an attribute; after the attribute, one of its values.
    text = "provision prc.criminal-law.253-3 {\n  object intimate-image {\n    origin \n  }\n}\n"
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        T.VersionedTextDocumentIdentifier(uri=uri, version=2), [T.TextDocumentContentChangeWholeDocument(text)]))
    result = await client.text_document_completion_async(T.CompletionParams(
        T.TextDocumentIdentifier(uri), T.Position(2, len("    origin "))))
    assert isinstance(result, T.CompletionList)
    assert {i.label for i in result.items if i.kind == T.CompletionItemKind.EnumMember} == {"real", "synthetic"}

    interp = "interpretation prc.spc.x {\n  interprets "
    iuri = _open(client, tmp_path / "x.lexd", interp)
    result = await client.text_document_completion_async(T.CompletionParams(
        T.TextDocumentIdentifier(iuri), T.Position(1, len("  interprets "))))
    assert isinstance(result, T.CompletionList)
    assert [i.label for i in result.items] == ["prc.criminal-law.253-2"]


@pytest.mark.asyncio
async def test_definition_and_references(client: LanguageClient, tmp_path: Path) -> None:
    interp = tmp_path / "dfii-interpretation.lexd"
    uri = _open(client, interp)
    lines = interp.read_text(encoding="utf-8").split("\n")
    at = next(n for n, s in enumerate(lines) if s.startswith("  interprets"))
    where = await client.text_document_definition_async(T.DefinitionParams(
        T.TextDocumentIdentifier(uri), T.Position(at, lines[at].index("prc.criminal-law"))))
    offence = (tmp_path / "253-2-dfii.lexd").read_text(encoding="utf-8").split("\n")
    line = offence.index("provision prc.criminal-law.253-2 {")
    start = len("provision ")
    assert where == [T.Location((tmp_path / "253-2-dfii.lexd").as_uri(),
                                T.Range(T.Position(line, start), T.Position(line, start + 22)))]

    refs = await client.text_document_references_async(T.ReferenceParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(at, lines[at].index("prc.criminal-law")),
        context=T.ReferenceContext(include_declaration=False)))
    tier = next(n for n, s in enumerate(lines) if "tier serious of" in s)
    assert refs is not None and list(refs) == [T.Location(uri, T.Range(T.Position(at, 15), T.Position(at, 37))),
                    T.Location(uri, T.Range(T.Position(tier, lines[tier].index("prc.")),
                                            T.Position(tier, lines[tier].index("prc.") + 22)))]


@pytest.mark.asyncio
async def test_formatting_keeps_comments(client: LanguageClient, tmp_path: Path) -> None:
    text = "# the drafters' note\nprovision a.b.c {\nstatus proposed   # why\n  jurisdiction prc\n}\n"
    uri = _open(client, tmp_path / "new.lexd", text)
    edits = await client.text_document_formatting_async(T.DocumentFormattingParams(
        T.TextDocumentIdentifier(uri), T.FormattingOptions(tab_size=2, insert_spaces=True)))
    whole = T.Range(T.Position(0, 0), T.Position(5, 0))
    assert edits is not None and list(edits) == [T.TextEdit(whole, format_source(text, "new.lexd"))]
    assert edits[0].new_text == ("# the drafters' note\nprovision a.b.c {\n  jurisdiction prc\n  # why\n"
                                 "  status       proposed\n}\n")


@pytest.mark.asyncio
async def test_rename_symbols_and_lenses(client: LanguageClient, tmp_path: Path) -> None:
    offence = tmp_path / "253-2-dfii.lexd"
    uri = _open(client, offence)
    lines = offence.read_text(encoding="utf-8").split("\n")
    line = lines.index("provision prc.criminal-law.253-2 {")
    edit = await client.text_document_rename_async(T.RenameParams(
        T.TextDocumentIdentifier(uri), T.Position(line, 12), "prc.criminal-law.253-9"))
    assert edit is not None and edit.changes is not None
    assert sorted((Path(u).name, len(e)) for u, e in edit.changes.items()) == [
        ("253-2-dfii.lexd", 1), ("dfii-interpretation.lexd", 2)]

    symbols = await client.text_document_document_symbol_async(T.DocumentSymbolParams(T.TextDocumentIdentifier(uri)))
    assert symbols is not None
    assert [(s.name, s.kind) for s in symbols if isinstance(s, T.DocumentSymbol)] == [
        ("prc.criminal-law.253-2", T.SymbolKind.Class)]

    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="dfii"))
    assert found is not None and [s.name for s in found] == ["prc.spc.dfii-interpretation"]

    lenses = await client.text_document_code_lens_async(T.CodeLensParams(T.TextDocumentIdentifier(uri)))
    assert lenses is not None
    titles = [lens.command.title for lens in lenses if lens.command]
    assert any(t.startswith("uncc.16: 16(1) ") for t in titles), titles


@pytest.mark.asyncio
async def test_save_shows_the_sets_verdicts(client: LanguageClient, tmp_path: Path) -> None:
    offence = tmp_path / "253-2-dfii.lexd"
    uri = _open(client, offence)
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri)))
    found = await _diagnostics(client, uri, lambda ds: any(d.source == "lexdraft uncc.16" for d in ds))
    verdicts = {d.code: d for d in found if d.source and d.source.startswith("lexdraft uncc.")}
    assert "uncc.16.1" in verdicts
    assert verdicts["uncc.16.1"].message.startswith("16(1) (obligatory): ")
    # Art. 14 has no provision of this set: its offences are shown on the jurisdiction's first provision.
    assert verdicts["uncc.14.1.a"].message.startswith(
        "14(1)(a) (obligatory): not-met — no provision of this jurisdiction meets it\nProducing, offering, selling")
    # why, in the review's words (5da9221): the set's offence punishes the acts only for other material
    assert "only for what the paragraph does not concern" in verdicts["uncc.14.1.a"].message
    assert verdicts["uncc.14.1.a"].severity == T.DiagnosticSeverity.Warning
    assert verdicts["uncc.14.1.a"].range == verdicts["uncc.16.1"].range  # both on the provision's id
    # and the editor is asked to fetch the lenses again
    await asyncio.wait_for(_until(lambda: client.lenses_refreshed == [None]), 10)  # type: ignore[attr-defined]


@pytest.mark.asyncio
async def test_code_action_offers_a_gaps_suggested_amendment(client: LanguageClient, tmp_path: Path) -> None:
    offence = tmp_path / "253-2-dfii.lexd"
    uri = _open(client, offence)
    client.text_document_did_save(T.DidSaveTextDocumentParams(T.TextDocumentIdentifier(uri)))
    found = await _diagnostics(client, uri, lambda ds: any(d.code == "uncc.14.1.a" for d in ds))
    gap = next(d for d in found if d.code == "uncc.14.1.a")
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), gap.range, T.CodeActionContext(diagnostics=[gap])))
    assert actions is not None
    suggested = [a for a in actions if isinstance(a, T.CodeAction) and a.title.startswith("Suggested amendment")]
    assert len(suggested) == 1, [a.title for a in actions]
    assert suggested[0].title.startswith("Suggested amendment for uncc.14.1.a")
    assert suggested[0].edit is not None and suggested[0].edit.document_changes is not None
    create, edit = suggested[0].edit.document_changes
    assert isinstance(create, T.CreateFile) and create.options is not None and not create.options.overwrite
    assert isinstance(edit, T.TextDocumentEdit) and edit.text_document.uri == create.uri
    # the very draft `lexdraft review --write-amendments` writes, in the workspace's amendments folder
    written = tmp_path / "review"
    assert main(["review", str(offence), "--write-amendments", str(written)]) == 1
    target = Path(to_fs_path(create.uri) or "")
    assert target.parent == tmp_path / "amendments"
    assert edit.edits[0].new_text == (written / target.name).read_text(encoding="utf-8")
    assert edit.edits[0].new_text.startswith("# Suggested by lexdraft for uncc.14.1.a")
    # a verdict the set meets offers none
    met = next(d for d in found if (d.source or "").startswith("lexdraft uncc.") and d.data is None)
    actions = await client.text_document_code_action_async(T.CodeActionParams(
        T.TextDocumentIdentifier(uri), met.range, T.CodeActionContext(diagnostics=[met])))
    assert not actions


DECIDED = """\
decisions:
  - requirement: uncc.16.4
    jurisdiction: prc
    verdict: {verdict}
    reason: {{en: "Art. 253-2 reaches the images the deeming rule concerns.", zh: "第二百五十三条之二涵盖这些图像。"}}
    who: Li Wei
    date: "2026-12-01"
"""


@pytest.mark.asyncio
async def test_verdicts_honour_the_reviewers_decisions(client: LanguageClient, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """decisions.yaml beside the drafts decides in the editor as it does for `lexdraft check`; a mistake in it is
    shown in it, at the place check names, and no decision is applied meanwhile."""
    uri = _open(client, tmp_path / "253-2-dfii.lexd")
    found = await _diagnostics(client, uri, lambda ds: any(d.code == "uncc.16.4" for d in ds))
    assert next(d for d in found if d.code == "uncc.16.4").message.startswith("16(4) (obligatory): not-assessed")

    decisions = tmp_path / "decisions.yaml"
    decisions.write_text(DECIDED.format(verdict="not-assessed"), encoding="utf-8")
    assert main(["check", str(tmp_path), "--against", "uncc.16"]) == 2
    said = capsys.readouterr().err.split("\n")[0]
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        [T.FileEvent(decisions.as_uri(), T.FileChangeType.Created)]))
    wrong = await _diagnostics(client, decisions.as_uri(), bool)
    assert [d.code for d in wrong] == ["E801"] and said.endswith(wrong[0].message.split("\n")[0])
    assert said.startswith(f"{decisions}:{wrong[0].range.start.line + 1}:{wrong[0].range.start.character + 1}: ")

    decisions.write_text(DECIDED.format(verdict="met"), encoding="utf-8")
    client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
        [T.FileEvent(decisions.as_uri(), T.FileChangeType.Changed)]))
    found = await _diagnostics(client, uri, lambda ds: any(d.code == "uncc.16.4" and "met —" in d.message
                                                           for d in ds))
    decided = next(d for d in found if d.code == "uncc.16.4")
    assert decided.message.startswith("16(4) (obligatory): met — decided by a reviewer (Li Wei, 2026-12-01)\n")
    assert "Decided by a reviewer (Li Wei, 2026-12-01): Art. 253-2 reaches" in decided.message
    assert not await _diagnostics(client, decisions.as_uri(), lambda ds: not ds)
    assert main(["check", str(tmp_path), "--against", "uncc.16"]) == 1  # 16(1) is a gap still
    assert "uncc.16.4  [16(4), obligatory]  met — decided by a reviewer (Li Wei, 2026-12-01)\n" in \
        capsys.readouterr().out


def test_positions_count_utf16_units() -> None:
    lines = Lines("a𠀀中b\n第二行")
    assert lines.units(0, 2) == 3 and lines.units(0, 3) == 4
    assert lines.column(0, 3) == 2 and lines.column(0, 2) == 1  # the middle of 𠀀 is 𠀀
    assert lines.offset(1, 2) == 7 and lines.position(7) == (1, 2)
    assert Lines("a𠀀b", "utf-8").units(0, 2) == 5 and Lines("a𠀀b", "utf-32").units(0, 2) == 2


@pytest.mark.asyncio
async def test_odd_places_answer_nothing_and_never_crash(client: LanguageClient, tmp_path: Path) -> None:
    text = 'provision prc.criminal-law.253-3 {\n  title zh "未完'
    uri = _open(client, tmp_path / "new.lexd", text)
    doc = T.TextDocumentIdentifier(uri)
    assert await client.text_document_hover_async(T.HoverParams(doc, T.Position(40, 3))) is None
    result = await client.text_document_completion_async(T.CompletionParams(doc, T.Position(1, 14)))
    assert isinstance(result, T.CompletionList) and list(result.items) == []  # inside a text: nothing to complete
    assert await client.text_document_definition_async(T.DefinitionParams(doc, T.Position(1, 3))) == []
    assert await client.text_document_formatting_async(T.DocumentFormattingParams(
        doc, T.FormattingOptions(tab_size=2, insert_spaces=True))) is None  # a syntax error: its diagnostic says so
    offence = tmp_path / "253-2-dfii.lexd"
    ouri = _open(client, offence)
    line = offence.read_text(encoding="utf-8").split("\n").index("provision prc.criminal-law.253-2 {")
    with pytest.raises(Exception, match="is not an id"):
        await client.text_document_rename_async(T.RenameParams(T.TextDocumentIdentifier(ouri), T.Position(line, 12),
                                                               "Not An Id"))


def test_the_server_ends_cleanly_when_the_editor_says_exit() -> None:
    """shutdown, then exit: the process ends with 0 and says nothing on standard error."""
    def frame(message: dict[str, object]) -> bytes:
        body = json.dumps({"jsonrpc": "2.0", **message}).encode("utf-8")
        return b"Content-Length: %d\r\n\r\n" % len(body) + body

    talk = frame({"id": 1, "method": "initialize", "params": {"capabilities": {}, "processId": None, "rootUri": None}})
    talk += frame({"method": "initialized", "params": {}})
    talk += frame({"id": 2, "method": "shutdown"}) + frame({"method": "exit"})
    done = subprocess.run([sys.executable, "-m", "lexdraft", "lsp"], input=talk, capture_output=True, timeout=120,
                          check=False)
    assert (done.returncode, done.stderr.decode()) == (0, "")
    assert b'"id": 2' in done.stdout or b'"id":2' in done.stdout  # the shutdown was answered


OFFICE_DRAFT = '''provision nz.hdca.22a {
  jurisdiction nz
  status       in-force
  implements   uncc.99
  title        en "Posting intimate visual recording without consent"
  source       "Harmful Digital Communications Act 2015, s. 22A"
  text         en """(1) A person commits an offence if the person, without reasonable excuse, posts a digital
communication that is an intimate visual recording of a victim."""
}
'''


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "lexdraft", "lsp"]))
async def office(lsp_client: LanguageClient, tmp_path: Path) -> AsyncIterator[None]:
    """A drafts repository whose lexdraft.toml names its own New Zealand pack (tests/packs/nz)."""
    shutil.copytree(ROOT / "tests" / "packs" / "nz", tmp_path / "office-packs" / "nz")
    (tmp_path / "lexdraft.toml").write_text('packs = ["office-packs"]\n', encoding="utf-8")
    params = T.InitializeParams(capabilities=client_capabilities("visual-studio-code"), root_uri=tmp_path.as_uri(),
                                workspace_folders=[T.WorkspaceFolder(tmp_path.as_uri(), "drafts")])
    await lsp_client.initialize_session(params)
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_the_workspace_s_lexdraft_toml_packs_are_used(office: LanguageClient, tmp_path: Path) -> None:
    uri = _open(office, tmp_path / "22a.lexd", OFFICE_DRAFT)
    found = _own(await _diagnostics(office, uri, lambda ds: bool(_own(ds))))
    # nz is the office pack's jurisdiction, English its only language: the one problem is the unknown article
    assert [d.code for d in found] == ["E212"]


def test_the_workspace_checks_a_set_with_its_general_part_rules(tmp_path: Path) -> None:
    """The editor's verdicts are `lexdraft check`'s: Art. 18(1) cites the legal-persons clause (art. 366 for art.
    364) that the set's general-part file holds, and an edit to that file is a change of the set."""
    from lexdraft.lsp.workspace import Workspace

    for f in (Path(__file__).resolve().parents[1] / "drafts" / "prc" / "in-force").glob("*.lexd"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    ws = Workspace([str(tmp_path)])
    report = next(r for r in ws.reports()["prc"] if r.spec.article == "uncc.18")
    liable = next(v for v in report.verdicts if v.requirement.id == "uncc.18.1")
    assert "Legal persons are liable for this offence under prc.criminal-law.366." in \
        [n.text.en for n in liable.notes if n.provision == "prc.criminal-law.364.1"]
