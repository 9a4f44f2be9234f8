"""The packs the gate judges both sides by: lexdraft.toml and the repository's pack folders as the base revision
holds them, so that a change cannot edit the pack its own check reads (unless a maintainer accepts the change).

A pack folder outside the repository (a path lexdraft.toml or --pack names out of it) is no part of a pull request:
it is read from the disk. The treaty specs are the installed lexdraft's, which a drafts repository pins.
"""

from __future__ import annotations

import dataclasses
import os
import posixpath
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from .. import packs
from ..diagnostics import LexdraftError, Span, fail
from ..language.vocabulary import vocabulary
from ..packs.config import SETTINGS, configured_packs, named_folders, where_set
from ..source import MAX_BYTES, decode_text
from .revisions import NO_COMMIT, _blobs, _tree_entries, base_commit, git, sizes, toplevel

REGULAR = ("100644", "100755")
ACCEPTED_HINT = ("the gate reads packs and lexdraft.toml as the base holds them; a maintainer who accepts the "
                 "change's rules runs it with --accept-rule-changes")


class _Base:
    """Files of the base revision's tree, read with git (sizes first), named `REV:path` in messages."""

    def __init__(self, commit: str, label: str, into: str):
        self.commit, self.label, self.into = commit, label, into
        self.sources: dict[str, str] = {}  # what messages about these files quote

    def shown(self, path: str) -> str:
        return f"{self.label}:{path}"

    def _entries(self, path: str) -> list[tuple[str, str, str]]:
        if self.commit == NO_COMMIT:  # the repository's first commit is being made: the base holds nothing
            return []
        listed = _tree_entries(git("ls-tree", "-r", "-z", "--full-tree", self.commit, "--", path))
        return [(e.mode, e.oid, e.path) for e in listed if e.path == path or e.path.startswith(path + "/")]

    def _read(self, entries: list[tuple[str, str, str]], span: Span | None) -> dict[str, str]:
        for mode, _, path in entries:
            if mode not in REGULAR:
                raise fail("E705", f"{self.shown(path)} is a link or a submodule: the gate does not follow it", span,
                           "keep the settings and packs as files of the repository")
        size = sizes([oid for _, oid, _ in entries], self.label)
        for _, oid, path in entries:
            if size[oid] > MAX_BYTES:
                raise fail("E705", f"{self.shown(path)} is {size[oid]:,} bytes; lexdraft reads at most {MAX_BYTES:,}",
                           span, "a pack is a few small YAML files")
        data = _blobs(sorted({oid for _, oid, _ in entries}))
        out = {}
        for _, oid, path in entries:
            text = decode_text(data[oid], self.shown(path), "pack file")
            self.sources[self.shown(path)] = text
            out[path] = text
        return out

    def text(self, path: str) -> str | None:
        """The file at `path` (relative to the top), or None when the base has no such file."""
        found = [e for e in self._entries(path) if e[2] == path]
        return self._read(found, None)[path] if found else None

    def copy(self, folder: str, span: Span | None, named_by: str) -> str:
        """The folder `folder` (relative to the top) written out as the base holds it; its path on disk."""
        entries = self._entries(folder)
        if not entries:
            raise fail("E705", f"the pack folder {folder!r} ({named_by}) does not exist at {self.label}", span,
                       "a pack folder the change adds is used once the change is in the base, or when a "
                       "maintainer accepts it (--accept-rule-changes)")
        for path, text in self._read(entries, span).items():
            target = Path(self.into, *path.split("/"))
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
        return os.path.join(self.into, *folder.split("/"))


def _start(paths: Sequence[str], top: str) -> str:
    """The folder the settings are looked for from (the first input's), relative to the top; '' for the top."""
    here = os.path.abspath(paths[0] if paths else os.curdir)
    inside = _in_repository(here if os.path.isdir(here) else os.path.dirname(here), top)
    return "" if inside is None or inside == "." else inside


def _settings(base: _Base, start: str) -> tuple[str, str, tuple[str, ...]] | None:
    """The settings file nearest above `start` at the base (as configured_packs looks on disk): its path, its text
    and the folders it names."""
    folder = start
    while True:
        for name, table in SETTINGS:
            path = posixpath.join(folder, name) if folder else name
            text = base.text(path)
            if text is not None and (named := named_folders(base.shown(path), text, table)) is not None:
                return path, text, named
        if not folder:
            return None
        folder = posixpath.dirname(folder)


def _chain(start: str) -> list[str]:
    """The folders from `start` up to the top ('' the last), relative to the top."""
    out = [start]
    while out[-1]:
        out.append(posixpath.dirname(out[-1]))
    return out


def _in_repository(folder: str, top: str) -> str | None:
    """A folder on disk relative to the top, or None when it is outside the repository."""
    real = os.path.realpath(folder)
    return os.path.relpath(real, top).replace(os.sep, "/") if Path(real).is_relative_to(top) else None


def _base_folders(base: _Base, top: str, start: str, extra: Sequence[str]) -> tuple[list[str], dict[str, str],
                                                                                     list[str]]:
    """The pack folders to use (copies of the base's, or folders outside the repository), their names in messages,
    and the files and folders of the repository they come from (top-relative)."""
    folders: list[str] = []
    shown: dict[str, str] = {}
    read: list[str] = []

    def take(folder: str | None, on_disk: str, span: Span | None, named_by: str) -> None:
        if folder is None or folder == ".." or folder.startswith(("../", "/")):  # out of the repository: no part
            # of the change
            if not os.path.isdir(on_disk):
                raise fail("E705", f"the pack folder {on_disk} ({named_by}) does not exist", span,
                           "name a folder holding pack.yaml, or one folder per pack")
            folders.append(on_disk)
            return
        copied = base.copy(folder, span, named_by)
        folders.append(copied)
        shown[copied] = base.shown(folder)
        read.append(folder)

    settings = _settings(base, start)
    if settings is not None:
        path, text, named = settings
        read.append(path)
        for f in named:  # relative to the settings file: a folder out of the repository is read from the disk
            joined = posixpath.normpath(posixpath.join(posixpath.dirname(path), f))
            take(joined, os.path.normpath(os.path.join(top, joined)), where_set(base.shown(path), text, "packs"),
                 f"named in {path}")
    for f in extra:
        take(_in_repository(f, top), os.path.realpath(f), None, f"--pack {f}")
    return folders, shown, read


@contextmanager
def judged_by(base_rev: str, paths: Sequence[str], extra: Sequence[str], *,
              accept: bool) -> Iterator[tuple[str, ...]]:
    """The packs in use while the gate runs and reports: the base revision's, or with `accept` (a maintainer
    accepted the change's rules) the working tree's, as the other commands read them. It gives the settings
    files and pack folders whose changes are rule changes: every lexdraft.toml from the inputs up to the top, and
    the files and folders the packs were read from (relative to the top)."""
    commit, top = base_commit(base_rev), toplevel()
    start = _start(paths, top)
    rules = [posixpath.join(d, "lexdraft.toml") if d else "lexdraft.toml" for d in _chain(start)]
    if accept:
        folders = [*configured_packs(paths[0] if paths else os.curdir), *extra]
        rules += [inside for f in folders if (inside := _in_repository(f, top)) not in (None, ".")]
        with packs.using(folders):
            yield tuple(dict.fromkeys(rules))
        return
    with tempfile.TemporaryDirectory(prefix="lexdraft-base-packs-") as into:
        base = _Base(commit, base_rev, into)
        folders, shown, read = _base_folders(base, top, start, extra)
        with packs.using(folders, shown):
            try:  # a broken pack at the base stops the gate here, its lines quoted as the base holds them
                at_base = set(packs.all_packs())
                vocabulary()
            except LexdraftError as e:
                raise LexdraftError(e.diagnostics, {**base.sources, **e.sources}) from None
            try:
                yield tuple(dict.fromkeys([*rules, *read]))
            except LexdraftError as e:
                raise _new_packs_named(e, paths, extra, at_base) from None


def _new_packs_named(e: LexdraftError, paths: Sequence[str], extra: Sequence[str], at_base: set[str]) -> LexdraftError:
    """A draft of a jurisdiction whose pack the change itself adds is unknown at the base: its error says so, and how
    a maintainer lets the new pack in, rather than listing the base's jurisdictions."""
    unknown = {d.message.split("`")[1] for d in e.diagnostics
               if d.code == "E201" and d.message.startswith("unknown jurisdiction `")}
    if not unknown:
        return e
    try:
        with packs.using([*configured_packs(paths[0] if paths else os.curdir), *extra]):
            added = {code: p.path for code, p in packs.all_packs().items() if code in unknown - at_base}
    except LexdraftError:  # the change's own packs do not load: the error stands as it is
        return e
    if not added:
        return e
    out = []
    for d in e.diagnostics:
        code = d.message.split("`")[1] if d.code == "E201" and d.message.startswith("unknown jurisdiction `") else ""
        if code in added:
            hint = (f"the pack of {code!r} ({added[code]}) is new in this change, and the gate reads packs as the "
                    "base revision holds them: a new pack is a rule change, used once it is in the base or when a "
                    "maintainer accepts it with `lexdraft gate --accept-rule-changes`")
            d = dataclasses.replace(d, hints=(hint,))
        out.append(d)
    return LexdraftError(out, e.sources)
