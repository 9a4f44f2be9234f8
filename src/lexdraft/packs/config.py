"""A drafts repository's lexdraft.toml (or [tool.lexdraft] in its pyproject.toml): the pack folders it names, and
the cap on the cache folder's size."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..diagnostics import Span, fail

KEYS = ("packs", "cache-megabytes")
# Where the settings are read, in this order in each folder from the input upwards: the file, and its table.
SETTINGS: tuple[tuple[str, tuple[str, ...] | None], ...] = (
    ("lexdraft.toml", None), ("pyproject.toml", ("tool", "lexdraft")))


def configured_packs(start: str) -> tuple[str, ...]:
    """The pack folders named by the lexdraft.toml (or pyproject.toml with [tool.lexdraft]) nearest above `start`,
    a file or folder, looking no higher than the top of its git repository; relative paths are the file's."""
    found = _settings(start)
    return (_packs(*found) or ()) if found is not None else ()


def configured_cache_megabytes(start: str) -> int | None:
    """The cap on the cache folder (`cache-megabytes`) the settings nearest above `start` name; None for none."""
    found = _settings(start)
    if found is None:
        return None
    path, table = found
    text = path.read_text(encoding="utf-8")
    data = _table(str(path), text, table)
    return None if data is None else data.get("cache-megabytes")


def _settings(start: str) -> tuple[Path, tuple[str, ...] | None] | None:
    """The settings file nearest above `start` that holds lexdraft's settings, and their table in it."""
    here = Path(os.path.abspath(start))  # not resolve(): a link loop among the inputs is the reader's to report
    folder = here if here.is_dir() else here.parent
    for d in (folder, *folder.parents):
        for name, table in SETTINGS:
            if (d / name).is_file() and _table(str(d / name), (d / name).read_text(encoding="utf-8"),
                                               table) is not None:
                return d / name, table
        if (d / ".git").exists():
            break
    return None


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
    data = _table(file, text, table)
    if data is None:
        return None
    folders = data.get("packs", [])
    if not isinstance(folders, list) or not all(isinstance(f, str) for f in folders):
        raise fail("E705", "`packs` must be a list of folders", where_set(file, text, "packs"),
                   'write packs = ["packs"]: each folder holds pack.yaml, or one folder per pack')
    return tuple(folders)


def _table(file: str, text: str, table: tuple[str, ...] | None) -> dict[str, object] | None:
    """lexdraft's settings in a settings file's text, each key known and the cap a whole number; None when `table`
    is not there."""
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
                       "lexdraft reads `packs = [\"FOLDER\", …]`: the folders of the office's jurisdiction packs, "
                       "and `cache-megabytes = 512`: the cap on its cache folder")
    cap = data.get("cache-megabytes", 0)
    if type(cap) is not int or cap < 0:
        raise fail("E705", "`cache-megabytes` must be a whole number of megabytes", where_set(file, text,
                   "cache-megabytes"), "write cache-megabytes = 512: lexdraft removes the entries used longest ago "
                   "above it (0 keeps none)")
    return data
