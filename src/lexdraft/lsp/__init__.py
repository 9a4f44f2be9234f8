"""`lexdraft lsp`: the language server editors start, over standard input and output."""

from __future__ import annotations

import contextlib
import gc
import os
import sys


def serve() -> int:
    """Run the server until the editor ends it."""
    # The command line turns the cyclic collector off for its short runs; a server lives as long as the editor.
    gc.enable()
    from .server import serve as run

    # The protocol gets its own handles on the process's input and output: pygls closes them when the editor says
    # exit, and the command line still flushes its standard output after that. Anything printed by mistake while
    # serving goes to standard error, the editor's log, instead of into the protocol's stream.
    with open(os.dup(0), "rb") as stdin, open(os.dup(1), "wb") as stdout, contextlib.redirect_stdout(sys.stderr):
        run(stdin, stdout)
    return 0
