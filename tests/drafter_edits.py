"""What a drafter changes in one offence, for the tests that compare a check reading what an earlier one kept (grades,
sketches) with a cold check: the edits, one edit applied, and a check run as a new process would run it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_run import run

from lexdraft.treaty import conformance

# One provision's edits, each a (pattern, replacement) applied at one of its matches: what a drafter changes in an
# offence (its acts, its object, its mental element, a purpose) and a comment that moves every span below it.
EDITS = (
    (r"\n  conduct      ", "\n  conduct      publish, "),
    (r"\n  conduct      ([a-z-]+), ", "\n  conduct      "),
    (r"person   any-person", "person   adult"),
    (r"person   any-person", "person   minor"),
    (r"person   minor", "person   any-person"),
    (r"\n  mental       intent", "\n  mental       knowledge"),
    (r"\n  mental       ", "\n  purpose      cause-harm\n  mental       "),
    (r"\nprovision ", "\n# a drafter's note\nprovision "),
)


def edited(text: str, edit: int, at: int) -> str | None:
    """`text` with EDITS[edit] applied at its match number `at` (counted round), or None where it has none."""
    pattern, replacement = EDITS[edit]
    found = list(re.finditer(pattern, text))
    if not found:
        return None
    m = found[at % len(found)]
    return text[:m.start()] + m.expand(replacement) + text[m.end():]


def check_afresh(capsys: pytest.CaptureFixture[str], folder: Path, *more: str) -> tuple[int, str, str]:
    """`lexdraft check folder` in this process with nothing of an earlier check in it, as a new process runs it."""
    conformance._CHECKED.clear()
    conformance._OFFENCES.clear()
    return run(capsys, "check", str(folder), *more)
