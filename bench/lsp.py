"""Benchmark the language server: diagnostics for an edit in a 1,000-provision workspace, against bare parsing.

Run from the repository root: `python bench/lsp.py` (or `--provisions N`). A real client starts `lexdraft lsp`
over stdio in a generated corpus, opens one file, and times each edit from the change sent to its diagnostics
received; the baseline is bare Lark parsing of that one file in this process. Exits 1 when the target is missed.
"""

from __future__ import annotations

import argparse
import asyncio
import sys
import tempfile
import time
from pathlib import Path

from corpus import write_corpus
from lsprotocol import types as T
from pygls.lsp.client import LanguageClient
from timing import best

from lexdraft.language.parse import parser

EDIT_OVER_PARSE = 3.0  # the target: diagnostics within 3 x the bare parse time of the edited file


def bare_parse(text: str, repeat: int) -> float:
    """The fastest of `repeat` bare Lark parses of the file, the collector off (as run.py times them)."""
    lark = parser()
    return best(lambda: lark.parse(text), repeat)


async def edits(root: Path, path: Path, repeat: int) -> tuple[float, float]:
    """(first diagnostics after opening, fastest edit-to-diagnostics) through a real client over stdio."""
    client = LanguageClient("lexdraft-bench", "1")
    arrived: asyncio.Queue[T.PublishDiagnosticsParams] = asyncio.Queue()

    @client.feature(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def _published(params: T.PublishDiagnosticsParams) -> None:
        arrived.put_nowait(params)

    await client.start_io(sys.executable, "-m", "lexdraft", "lsp")
    await client.initialize_async(T.InitializeParams(capabilities=T.ClientCapabilities(), root_uri=root.as_uri(),
                                                     workspace_folders=[T.WorkspaceFolder(root.as_uri(), "corpus")]))
    client.initialized(T.InitializedParams())
    uri, text = path.as_uri(), path.read_text(encoding="utf-8")

    async def diagnostics_of(uri: str) -> T.PublishDiagnosticsParams:
        while True:
            params = await arrived.get()
            if params.uri == uri:
                return params

    start = time.perf_counter()
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(uri, "lexdraft", 1, text)))
    opened = await diagnostics_of(uri)
    first = time.perf_counter() - start
    assert not [d for d in opened.diagnostics if d.source == "lexdraft"], opened.diagnostics
    await asyncio.sleep(2)  # the set's first check, started on open, runs out before the edits are timed
    while not arrived.empty():
        arrived.get_nowait()
    times = []
    for version in range(2, repeat + 2):
        # An edit on the last line: a comment typed and taken away again, so every version is a valid draft.
        changed = text + ("# a note\n" if version % 2 == 0 else "")
        start = time.perf_counter()
        document = T.VersionedTextDocumentIdentifier(version=version, uri=uri)
        client.text_document_did_change(T.DidChangeTextDocumentParams(
            document, [T.TextDocumentContentChangeWholeDocument(changed)]))
        await diagnostics_of(uri)
        times.append(time.perf_counter() - start)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return first, min(times)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--provisions", type=int, default=1000)
    ap.add_argument("--repeat", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="lexdraft-lsp-bench-") as tmp:
        root = Path(tmp)
        write_corpus(root, args.provisions)
        paths = sorted(root.rglob("*.lexd"))
        path = paths[len(paths) // 2]
        bare = bare_parse(path.read_text(encoding="utf-8"), args.repeat)
        first, edit = asyncio.run(edits(root, path, args.repeat))
    ratio = edit / bare
    print(f"workspace: {args.provisions:,} provisions in {len(paths)} files; edited {path.name}")
    print(f"  (a) bare Lark parse of the file        {bare * 1000:8.1f} ms")
    print(f"  (b) edit -> diagnostics over stdio     {edit * 1000:8.1f} ms   = {ratio:.2f} x bare parse "
          f"(target <= {EDIT_OVER_PARSE})")
    print(f"  first diagnostics after opening         {first * 1000:8.1f} ms (the workspace parsed for context)")
    return 0 if ratio <= EDIT_OVER_PARSE else 1


if __name__ == "__main__":
    sys.exit(main())
