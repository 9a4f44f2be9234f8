"""`lexdraft lsp`: the language server editors start, over standard input and output."""

from __future__ import annotations

import gc


def serve() -> int:
    """Run the server until the editor ends it."""
    # The command line turns the cyclic collector off for its short runs; a server lives as long as the editor.
    gc.enable()
    from .server import serve as run

    run()
    return 0
