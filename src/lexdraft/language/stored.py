"""Parsed drafts kept in the user's cache, addressed by the hash of their bytes and of everything that reads them."""

from __future__ import annotations

import contextlib
import hashlib
import pickle
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache

from .. import packs
from ..resources import (
    data_dir,
    data_dumps,
    data_loads,
    interned,
    source_file,
    store,
    store_on,
    store_wanted,
    stored,
)
from .ast import DraftFile

# The classes a parsed draft and its lint findings are made of: nothing else is ever unpickled from an entry.
DATA_MODULES = ("lexdraft.language.ast", "lexdraft.diagnostics")


def environment() -> str:
    """A digest of everything besides a draft's bytes that decides what lexdraft makes of it: lexdraft's own code
    (every module, not its version number), the grammar, the vocabulary, the packs in use, the treaty specs and the
    Python version. Any change to one of them makes every entry a miss. A command run with `--no-cache` hashes
    none of them: its addresses name drafts only while it runs, which changes none of what they depend on."""
    if not store_wanted():
        return ""
    return _environment(packs.folders(), packs.naming())


@cache
def _environment(folders: tuple[str, ...], naming: object) -> str:  # memoized per choice of packs and their names
    digest = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    package = source_file("")
    data = [data_dir("grammar"), data_dir("vocabulary"), data_dir("conformance")]
    files = sorted(package.rglob("*.py")) + sorted(f for d in data for f in d.rglob("*") if f.is_file())
    for f in (*files, *packs.pack_files()):
        _add(digest, str(f.relative_to(package) if f.is_relative_to(package) else f.name).encode())
        _add(digest, f.read_bytes())
    # and the names messages give the packs' files: not where they are on disk, which for the gate's copy of the
    # base revision's packs is a new temporary folder at each run
    for p in sorted(packs.all_packs().values(), key=lambda p: p.code):
        _add(digest, f"{p.code}\0{p.path}\0{p.vocabulary_path}".encode())
    return digest.hexdigest()


def _add(digest: hashlib._Hash, data: bytes) -> None:
    digest.update(len(data).to_bytes(8, "little") + data)


def digest(*parts: str | bytes) -> str:
    """The hex digest of `parts` in the current environment: an entry's address."""
    d = hashlib.sha256(environment().encode())
    for part in parts:
        _add(d, part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part)
    return d.hexdigest()


def load(kind: str, address: str, modules: tuple[str, ...] = DATA_MODULES) -> object | None:
    """The value stored at `address`, or None: missing, or unreadable (a corrupted entry is rebuilt, not trusted)."""
    payload = stored(kind, address)
    if payload is None:
        return None
    try:
        return data_loads(payload, modules)
    except (pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError,
            KeyError):
        return None


def keep(kind: str, address: str, value: object, *, intern: bool = False) -> None:
    """`value` stored at `address`; with `intern`, its equal parts stored once (resources.interned), for a value that
    repeats itself and is read far more often than written."""
    if store_on():  # with --no-cache, nothing is pickled for a store that keeps nothing
        store(kind, address, data_dumps(interned(value) if intern else value))


_shared: dict[str, object] | None = None  # address -> draft (or value), while a command reads two revisions (shared)
_addresses: dict[tuple[str, str], str] | None = None  # (path, text) -> its draft's address, meanwhile


@contextlib.contextmanager
def shared() -> Iterator[None]:
    """Meanwhile, a draft read again under the same name with the same bytes is the draft already made, the same
    object: the gate reads two revisions, and a file the change left alone is then neither parsed nor read from the
    cache a second time (with --no-cache too)."""
    global _shared, _addresses
    before, _shared = _shared, {}
    addresses, _addresses = _addresses, {}
    try:
        yield
    finally:
        _shared, _addresses = before, addresses


def draft_address(path: str, text: str) -> str:
    """The address of the draft `path` holding `text`, which names it in the cache: hashed once a command while
    `shared` (the gate names a draft the change left alone on both sides, by one text)."""
    if _addresses is None:
        return digest("draft", path, text)
    found = _addresses.get((path, text))
    if found is None:
        found = _addresses[(path, text)] = digest("draft", path, text)
    return found


def shared_value(address: str) -> object | None:
    """What this command made under `address` already, while `shared` (None otherwise)."""
    return None if _shared is None else _shared.get(address)


def share(address: str, value: object) -> None:
    """Keep `value` under `address` for the rest of `shared`: the second revision the command reads reuses it."""
    if _shared is not None:
        _shared[address] = value


def parsed(path: str, text: str, parse: Callable[[str, str], DraftFile]) -> tuple[DraftFile, str]:
    """The draft `path` holding `text`, from the cache when lexdraft has parsed these bytes under this name before,
    else `parse(text, path)`, kept; with its address, which names the draft in the keys of what is computed from it.
    Syntax errors are never kept: they are reported afresh."""
    address = draft_address(path, text)
    known = shared_value(address)
    if isinstance(known, DraftFile):
        return known, address
    found = load("drafts", address)
    draft = found if isinstance(found, DraftFile) else None
    if draft is None:
        draft = parse(text, path)
        keep("drafts", address, draft)
    share(address, draft)
    return draft, address


class Index:
    """The entries of one kind for the files of a set, kept together in one entry (a warm run reads one entry, not
    one a file). It lives at one place named by `name` (the set's files by their names, not their bytes), so that
    the next run over the same set finds it after an edit; what it holds is keyed by each file's address, as a file's
    own entry is, so an entry of a file that changed since is never read, only left out. It is written again when
    more than STALE of the set's files would be new to it: a run after a one-file edit writes none."""

    STALE = 1 / 8

    def __init__(self, kind: str, name: str, wanted: Iterable[str], modules: tuple[str, ...] = DATA_MODULES):
        self.kind = kind
        self.address = digest(kind, name)
        self.wanted = frozenset(wanted)  # the set's files, by address: what the index is written with
        self.modules = modules
        self._indexed: dict[str, object] | None = None  # read when an entry is first wanted
        self.read: dict[str, object] = {}  # the set's entries as this run found or made them
        self.made: set[str] = set()  # the files whose entries this run made or added to

    @property
    def indexed(self) -> dict[str, object]:
        """The index as found (a run that wants none of its entries reads none)."""
        if self._indexed is None:
            found = shared_value(self.address)  # the gate's second side reads the index the first side read
            if not isinstance(found, dict):
                found = load(self.kind, self.address, self.modules)
                found = found if isinstance(found, dict) and all(isinstance(a, str) for a in found) else {}
                share(self.address, found)
            self._indexed = found
        return self._indexed

    def get(self, address: str) -> object | None:
        """The entry of the file at `address` that the index holds, if it does."""
        return self.indexed.get(address)

    def found(self, address: str, value: object) -> None:
        """The file's entry as this run uses it, from the index or elsewhere."""
        self.read[address] = value

    def made_afresh(self, address: str, value: object) -> None:
        """The file's entry as this run made it (or added to it)."""
        self.made.add(address)
        self.found(address, value)

    def save(self) -> None:
        """The index written again, of the set's entries this run found or made and those the index held as they are,
        when more than STALE of the set's files would be new to it."""
        if self._indexed is None and not self.made:  # nothing wanted, nothing made
            return
        indexed = self.indexed
        entries = {a: found for a in sorted(self.wanted) if (found := self.read.get(a, indexed.get(a))) is not None}
        new = sum(1 for a in entries if a not in indexed or a in self.made)
        if not new or new <= self.STALE * len(self.wanted):
            return
        keep(self.kind, self.address, entries, intern=True)
        share(self.address, entries)
        self._indexed = entries
        self.made = set()
