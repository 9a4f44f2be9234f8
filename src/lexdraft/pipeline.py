"""Collect draft files from paths, parse them all, and lint them as one set."""

from __future__ import annotations

import difflib
import os
from dataclasses import dataclass
from pathlib import Path

from .diagnostics import Diagnostic, LexdraftError, Severity, fail
from .language.ast import DraftFile, Interpretation, Provision, Span
from .language.lint import lint
from .language.parse import parse_text, read_source

SUFFIX = ".lexd"


def draft_paths(paths: list[str], *, allow_empty: bool = False) -> list[str]:
    """Each path is a draft file or a folder searched recursively; sorted for determinism, each file once however
    it is named (a second spelling or a link to a file already found adds nothing). No draft at all is an error
    unless `allow_empty` (the gate, where a change may delete every draft)."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(_drafts_in(raw))
        elif p.exists():
            found.append(str(p))
        elif p.is_symlink():
            raise fail("E001", f"{raw} is a link to nothing: its target is missing, or the link leads back to itself",
                       None, f"point the link at a draft, or name the draft itself (the link reads {os.readlink(p)})")
        else:
            raise fail("E001", f"no such file or folder: {raw}", None, _near_miss(p))
    if not found and not allow_empty:
        others = sorted({name for raw in paths for name in _some_names(raw)})
        seen = f" (the folder holds {', '.join(others[:3])}{' …' if len(others) > 3 else ''})" if others else ""
        raise fail("E001", f"no {SUFFIX} drafts found in {', '.join(paths)}", None,
                   f"drafts are files ending in {SUFFIX}{seen}")
    unique: dict[str, str] = {}
    for f in sorted(found):
        unique.setdefault(os.path.realpath(f), f)
    return sorted(unique.values())


def _drafts_in(folder: str) -> list[str]:
    """The .lexd files below `folder` (a folder named like a draft is no draft); a folder that cannot be read is
    an error, not a silent gap in the set."""
    def unreadable(e: OSError) -> None:
        raise fail("E001", f"cannot read folder {e.filename}: {e.strerror}", None,
                   "the drafts in it would be left out of the check: make it readable, or name other paths")

    return [str(Path(top) / name) for top, _, files in os.walk(folder, onerror=unreadable)
            for name in files if name.endswith(SUFFIX)]


def _some_names(folder: str, most: int = 200) -> list[str]:
    """A few file names below `folder`, for the hint when it holds no draft (a large tree is not walked whole)."""
    names: list[str] = []
    for _, _, files in os.walk(folder):
        names.extend(files)
        if len(names) >= most:
            break
    return names


def _near_miss(p: Path) -> str:
    """Did you mean a file or folder next to the one named, or check the path."""
    parent = p.parent if str(p.parent) else Path(".")
    if parent.is_dir():
        close = difflib.get_close_matches(p.name, sorted(f.name for f in parent.iterdir()), n=1, cutoff=0.75)
        if close:
            return f"did you mean {(parent / close[0]).as_posix() if str(p.parent) != '.' else close[0]}?"
        return f"check the spelling; {parent.as_posix()} holds no such name"
    return "check the spelling; a relative path is read from the folder the command runs in"


@dataclass(frozen=True)
class DraftSet:
    files: tuple[DraftFile, ...]
    warnings: tuple[Diagnostic, ...] = ()  # lint findings that stop nothing: a command shows them beside its output

    @property
    def provisions(self) -> list[Provision]:
        return [d for f in self.files for d in f.documents if isinstance(d, Provision)]

    @property
    def interpretations(self) -> list[Interpretation]:
        return [d for f in self.files for d in f.documents if isinstance(d, Interpretation)]


def parse_draft(path: str, text: str | None = None) -> DraftFile:
    """Parse one draft (its text read from `path` unless given); a file without a provision or interpretation is a
    mistake (E004), not an empty set."""
    text = read_source(path) if text is None else text
    draft = parse_text(text, path)
    if not draft.documents:
        raise _no_documents(path, text)
    return draft


def _no_documents(path: str, text: str) -> LexdraftError:
    lines = text.split("\n")
    # Point at the first line with anything on it: a commented-out block is the likely cause.
    line = next((n for n, s in enumerate(lines, start=1) if s.strip()), None)
    if line is None:
        what = "it is empty" if not text else "it holds only blank lines"
        return fail("E004", f"file holds no provision or interpretation: {what}", Span(path, 1, 1, 1, 2),
                    "write a `provision ID { … }` or `interpretation ID { … }` block in it, or delete the file")
    col = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1
    return fail("E004", "file holds no provision or interpretation, only comments", Span(path, line, col, line, col + 1),
                "a line starting with # is a comment; remove the # in front of a block to make it count, "
                "or delete the file")


def load(paths: list[str]) -> DraftSet:
    """Parse every draft (each file stops at its first syntax error) and lint the whole set; any error stops, and
    the warnings come with the set."""
    drafts, _ = load_sources([(path, None) for path in draft_paths(paths)])
    return drafts


def load_sources(sources: list[tuple[str, str | None]]) -> tuple[DraftSet, list[Diagnostic]]:
    """Parse drafts given as (path, text) pairs (None: read the path) and lint them as one set.

    Errors raise LexdraftError; lint findings of another severity (warnings) are returned beside the set.
    """
    files: list[DraftFile] = []
    problems: list[Diagnostic] = []
    for path, text in sources:
        try:
            files.append(parse_draft(path, text))
        except LexdraftError as e:
            problems.extend(e.diagnostics)
    found = lint(files)
    problems.extend(d for d in found if d.severity is Severity.ERROR)
    if problems:
        raise LexdraftError(problems)
    warnings = [d for d in found if d.severity is not Severity.ERROR]
    return DraftSet(tuple(files), tuple(warnings)), warnings
