"""A drafts repository's lexdraft.toml (or [tool.lexdraft] in its pyproject.toml): the pack folders it names."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..diagnostics import Span, fail

KEYS = ("packs",)
# Where the settings are read, in this order in each folder from the input upwards: the file, and its table.
SETTINGS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("lexdraft.toml", None), ("pyproject.toml", ("tool", "lexdraft")))


def configured_packs(start: str) -> tuple[str, ...]:
    """The pack folders named by the lexdraft.toml (or pyproject.toml with [tool.lexdraft]) nearest above `start`,
    a file or folder, looking no higher than the top of its git repository; relative paths are the file's."""
    here = Path(os.path.abspath(start))  # not resolve(): a link loop among the inputs is the reader's to report
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        for name, table in SETTINGS:
            if (d / name).is_file() and (found := _packs(d / name, table)) is not None:
                return found
        if (d / ".git").exists():
            break
    return ()


def where_set(file: str, text: str, key: str) -> Span:
    """The line that sets `key` (tomllib gives no positions): what a message about it points at."""
    for number, line in enumerate(text.splitlines(), 1):
        if re.match(rf"\s*{re.escape(key)}\s*=", line):
            return Span(file, number, 1, number, len(line) + 1)
    return Span(file, 1, 1, 1, 2)


def _packs(path: Path, table: tuple[str, ...] | None) -> tuple[str, ...] | None:
    text = path.read_text(encoding="utf-8")
    named = named_folders(str(path), text, table)
    if named is None:
        return None
    out = []
    for f in named:
        where = (path.parent / f).resolve()
        if not where.is_dir():
            raise fail("E705", f"the pack folder {f!r} does not exist", where_set(str(path), text, "packs"),
                       f"{path.name} names folders relative to itself: {where} is missing")
        out.append(str(where))
    return tuple(out)


def named_folders(file: str, text: str, table: tuple[str, ...] | None) -> tuple[str, ...] | None:
    """The pack folders a settings file's text names, as written (relative to the file); None when `table` (e.g.
    tool.lexdraft in a pyproject.toml) is not there. `file` is the file as messages name it."""
    import tomllib  # only where a repository has a configuration file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as e:
        at = re.search(r"\(at line (\d+), column (\d+)\)", str(e))
        line, col = (int(at.group(1)), int(at.group(2))) if at else (1, 1)
        raise fail("E705", f"{os.path.basename(file)} is not valid TOML: {str(e).split(' (at')[0]}",
                   Span(file, line, col, line, col + 1), "see https://toml.io for the syntax") from None
    if table is not None:
        for name in table:
            data = data.get(name) if isinstance(data, dict) else None
        if not isinstance(data, dict):
            return None
    for key in data:
        if key not in KEYS:
            raise fail("E705", f"unknown setting {key!r}", where_set(file, text, key),
                       "lexdraft reads `packs = [\"FOLDER\", …]`: the folders of the office's jurisdiction packs")
    folders = data.get("packs", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise fail("E705", "`packs` must be a list of folders", where_set(file, text, "packs"),
                   'write packs = ["packs"]: each folder holds pack.yaml, or one folder per pack')
    return tuple(folders)
