"""Collect draft files from paths, parse them all, and lint them as one set."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .ast import DraftFile, Interpretation, Provision
from .diagnostics import Diagnostic, LexdraftError, fail
from .lint import lint
from .parse import parse_file

SUFFIX = ".lexd"


def draft_paths(paths: list[str]) -> list[str]:
    """Each path is a draft file or a folder searched recursively; sorted for determinism."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(str(f) for f in sorted(p.rglob(f"*{SUFFIX}")))
        elif p.exists():
            found.append(str(p))
        else:
            raise fail("E001", f"no such file or folder: {raw}", None, "check the path")
    if not found:
        raise fail("E001", f"no {SUFFIX} drafts found in {', '.join(paths)}", None,
                   f"drafts are files ending in {SUFFIX}")
    return sorted(dict.fromkeys(found))


@dataclass(frozen=True)
class DraftSet:
    files: tuple[DraftFile, ...]

    @property
    def provisions(self) -> list[Provision]:
        return [d for f in self.files for d in f.documents if isinstance(d, Provision)]

    @property
    def interpretations(self) -> list[Interpretation]:
        return [d for f in self.files for d in f.documents if isinstance(d, Interpretation)]


def load(paths: list[str]) -> DraftSet:
    """Parse every draft (each file stops at its first syntax error) and lint the whole set."""
    files: list[DraftFile] = []
    problems: list[Diagnostic] = []
    for path in draft_paths(paths):
        try:
            files.append(parse_file(path))
        except LexdraftError as e:
            problems.extend(e.diagnostics)
    problems.extend(lint(files))
    if problems:
        raise LexdraftError(problems)
    return DraftSet(tuple(files))
