"""Locate the data lexdraft ships (grammar, vocabulary, conformance specs, templates) and its cache folder."""

from __future__ import annotations

import contextlib
import dataclasses
import enum
import hashlib
import hmac
import importlib
import io
import operator
import os
import pickle
import secrets
import stat
import sys
import tempfile
import time
import types
from collections.abc import Callable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, TypeVar

from platformdirs import user_cache_dir

_PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")


# Where the wheel puts a data folder whose name a module of the package has (pyproject's force-include).
_INSTALLED = {"packs": "packs-bundled"}


@cache
def data_dir(name: str) -> Path:
    """The folder `name` inside the installed package, or at the top of a source checkout."""
    for candidate in (_PACKAGE / _INSTALLED.get(name, name), _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lexdraft data folder {name!r} is missing from the installation")


def source_file(module: str) -> Path:
    """A lexdraft module's own source file, e.g. `spec.py`: part of what a cached value depends on."""
    return _PACKAGE / module


def cache_folder() -> str | None:
    """The user's private cache folder (0700, theirs), made if missing; None where none can be had safely.

    A temp folder is emptied at reboot, a cache folder is not. A folder that someone else owns, or that others may
    write in, may hold planted entries: it is not used at all.
    """
    folder = user_cache_dir("lexdraft", appauthor=False)
    try:
        os.makedirs(folder, mode=0o700, exist_ok=True)
        info = os.stat(folder)
        if not stat.S_ISDIR(info.st_mode):
            return None
        if hasattr(os, "getuid"):  # POSIX; a Windows user's cache folder is private to them already
            if info.st_uid != os.getuid() or info.st_mode & 0o022:
                return None
            if info.st_mode & 0o077:  # ours, readable by others (an older lexdraft made it so): made private
                os.chmod(folder, 0o700)
    except OSError:
        return None
    return folder


def _private_file(info: os.stat_result) -> bool:
    return stat.S_ISREG(info.st_mode) and (not hasattr(os, "getuid")
                                           or (info.st_uid == os.getuid() and not info.st_mode & 0o077))


def _key(folder: str) -> bytes | None:
    """The per-user secret that signs this folder's entries, made on first use; None if it cannot be had."""
    path = os.path.join(folder, "key")
    for _ in range(3):
        try:
            fd = os.open(path, os.O_RDONLY | _NOFOLLOW)
        except FileNotFoundError:
            try:
                fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
                with os.fdopen(fd, "wb") as f:
                    f.write(secrets.token_bytes(_KEY_BYTES))
                try:
                    with contextlib.suppress(FileExistsError):  # another process made one meanwhile: theirs is read
                        os.link(tmp, path)  # never replaces a key
                finally:
                    os.unlink(tmp)
            except OSError:
                return None
            continue
        except OSError:
            return None
        with os.fdopen(fd, "rb") as f:
            info = os.fstat(f.fileno())
            key = f.read(_KEY_BYTES + 1)
        if _private_file(info) and len(key) == _KEY_BYTES:
            return key
        try:  # a key we did not make (or a broken one) signs nothing: a new one is made and the entries rebuilt
            os.unlink(path)
        except OSError:
            return None
    return None


def _entry(kind: str, inputs: tuple[bytes, ...]) -> str:
    """An entry's name: a digest of its inputs and the Python version, so that checkouts with different grammars
    or specs never read each other's entries."""
    digest = hashlib.sha256()
    for data in (f"{sys.version_info[:2]}".encode(), *inputs):
        digest.update(len(data).to_bytes(8, "little") + data)
    return f"{kind}-{digest.hexdigest()[:16]}.pickle"


def _seal(key: bytes, name: str, payload: bytes) -> bytes:
    return hmac.new(key, name.encode() + b"\0" + payload, hashlib.sha256).digest()


def cached(kind: str, sources: tuple[Path, ...], build: Callable[[], T], also: tuple[str, ...] = ()) -> T:
    """`build()`, or its value from the cache when no file in `sources` has changed since it was built.

    `sources` are every file the value depends on, the code that builds it included; `also` what else it depends
    on (the name a pack's messages give its file, say). Only values are cached:
    when `build` raises (an invalid spec, say), nothing is written and the next run reports the same errors.
    An entry is a pickle, which runs code when loaded: it is loaded only when it carries the seal (an HMAC) that
    this user's key gives it; a corrupt, foreign or planted entry is ignored and rebuilt.
    """
    folder = cache_folder()
    key = _key(folder) if folder is not None else None
    if folder is None or key is None:
        return build()
    try:
        name = _entry(kind, (*(p.read_bytes() for p in sources), *(a.encode() for a in also)))
    except OSError:
        return build()
    path = os.path.join(folder, name)
    payload = _read_sealed(key, path, name)
    if payload is not None:
        with contextlib.suppress(Exception):  # sealed but unloadable (a class since renamed): rebuilt
            return pickle.loads(payload)  # type: ignore[no-any-return]
    value = build()
    with contextlib.suppress(pickle.PicklingError):
        out = io.BytesIO()
        _SlottedPickler(out, protocol=pickle.HIGHEST_PROTOCOL).dump(value)
        _write_sealed(key, path, name, out.getvalue())
    return value


def _read_sealed(key: bytes, path: str, name: str) -> bytes | None:
    """The payload of the entry at `path` when it is a private file carrying this user's seal for `name`; None for
    a missing, corrupt, foreign or planted entry. An entry read is marked as used (its time), for the eviction."""
    with contextlib.suppress(OSError), open(path, "rb", opener=_open_nofollow) as f:
        blob = f.read()
        seal, payload = blob[:_SEAL_BYTES], blob[_SEAL_BYTES:]
        info = os.fstat(f.fileno())
        if _private_file(info) and hmac.compare_digest(seal, _seal(key, name, payload)):
            if info.st_mtime < time.time() - _TOUCH_AFTER:
                with contextlib.suppress(OSError):
                    os.utime(path)
            return payload
    return None


def _write_sealed(key: bytes, path: str, name: str, payload: bytes) -> None:
    """The entry written whole under a temporary name and renamed into place: a reader, or a second writer of the
    same entry in another process, never meets half an entry. A read-only or full cache folder costs speed, not
    correctness."""
    try:
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_seal(key, name, payload) + payload)
            os.replace(tmp, path)
            _count(_SEAL_BYTES + len(payload))
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except OSError:
        pass


# ------------------------------------------------------------------ the content-addressed store

_storing = True  # `--no-cache` turns it off for the process
_wanted = True  # and only `--no-cache` (store_off pauses the store, for a while)


def store_enabled(enabled: bool) -> None:
    """Whether `stored` and `store` use the cache folder at all (`--no-cache`: neither read nor written)."""
    global _storing, _wanted
    _storing = _wanted = enabled


def store_wanted() -> bool:
    """Whether the command may use the store at all: False for the whole of a command run with `--no-cache`, which
    store_off, pausing the store for a while, leaves True."""
    return _wanted


def store_on() -> bool:
    """Whether this process reads and writes the content-addressed store (no `--no-cache`, no store_off)."""
    return _storing


@contextlib.contextmanager
def store_off() -> Iterator[None]:
    """Neither read nor write the content-addressed store meanwhile (an editor's unsaved text, which changes with
    every keystroke, would fill the cache folder with entries no one reads again)."""
    global _storing
    before, _storing = _storing, False
    try:
        yield
    finally:
        _storing = before


def _store_place(kind: str, digest: str, make: bool = True) -> tuple[bytes, str, str] | None:
    """The key, path and sealed name of an entry of the content-addressed store, its folder made (unless not
    `make`: a reader finds no entry in a folder that is missing); None without a usable cache."""
    if not _storing:
        return None
    folder = cache_folder()
    key = _key(folder) if folder is not None else None
    if folder is None or key is None:
        return None
    sub = os.path.join(folder, kind, digest[:2])
    try:
        if make:  # a warm check reads thousands of entries: a makedirs each was a tenth of its time
            os.makedirs(sub, mode=0o700, exist_ok=True)
    except OSError:
        return None
    name = f"{kind}/{digest}"
    return key, os.path.join(sub, digest[2:]), name


class _DataOnly(pickle.Unpickler):
    """An unpickler that makes only lexdraft's data classes (dataclasses and enums of the modules named) and plain
    containers: a pickle that names any other class or function (os.system, a __reduce__ of its own) is refused.

    Entries are sealed as well (a planted one is never unpickled); this is the second wall, so that a value holding
    something unexpected fails to load instead of running it."""

    def __init__(self, payload: bytes, modules: tuple[str, ...]) -> None:
        super().__init__(io.BytesIO(payload))
        self.modules = modules

    def find_class(self, module: str, name: str) -> Any:
        # what an answer allows depends only on these three: looked up once a process (a set's cached drafts and
        # grades are thousands of entries, each naming the same few dozen classes)
        found = _ALLOWED.get((module, name, self.modules))
        if found is None:
            found = _ALLOWED[(module, name, self.modules)] = _allowed(module, name, self.modules)
        return found


def _allowed(module: str, name: str, modules: tuple[str, ...]) -> Any:
    """The class or function `module.name` when an entry of data of `modules` may make it; UnpicklingError else."""
    if module == "builtins" and name in _CONTAINERS:
        return _CONTAINERS[name]
    if module == __name__ and name == "_rebuild":  # sets the fields of a class this function allowed, nothing else
        return _rebuild
    if module == __name__ and name == "_builder_of":  # what _rebuild calls, for a class this function allowed
        return _builder_of
    # a name ending in a dot allows the modules of that package
    if module in modules or module.startswith(tuple(m for m in modules if m.endswith("."))):
        cls = getattr(importlib.import_module(module), name, None)
        if isinstance(cls, type) and (dataclasses.is_dataclass(cls) or issubclass(cls, enum.Enum)):
            return cls
    raise pickle.UnpicklingError(f"{module}.{name} is not lexdraft data")


_ALLOWED: dict[tuple[str, str, tuple[str, ...]], Any] = {}  # refusals are not kept: they raise each time


_CONTAINERS: dict[str, type] = {"frozenset": frozenset, "set": set, "tuple": tuple, "list": list, "dict": dict}


def data_loads(payload: bytes, modules: tuple[str, ...]) -> Any:
    """A value pickled by `data_dumps`, made only of the data classes of `modules`; UnpicklingError otherwise."""
    return _DataOnly(payload, modules).load()


def data_dumps(value: object, *, key: bool = False) -> bytes:
    """`value`, lexdraft data, as a pickle that `data_loads` reads back. With `key`, bytes that depend only on what
    the value holds, not on which of its parts are the same object, so that equal values give equal keys (the
    pickle memo is off: a shared part is written at each place it stands)."""
    out = io.BytesIO()
    pickler = _DataPickler(out, protocol=pickle.HIGHEST_PROTOCOL)
    pickler.fast = key
    pickler.dump(value)
    return out.getvalue()


def interned(value: T) -> T:
    """`value` with its equal immutable parts (strings, tuples, frozensets, frozen data classes) made one object each,
    so that `data_dumps` writes each once and `data_loads` makes each once: a set's grades repeat the same words,
    reasons and facts at thousands of provisions. Lists, dicts and sets stay distinct objects (they may change), and
    so does whatever holds one, or a sketch (language.ast.Sketch, which cannot say whether it equals another)."""
    canon: dict[type, dict[Any, Any]] = {}
    done: dict[int, Any] = {}  # id(part) -> its interned part, for a part met twice (the value keeps it alive)
    merged: set[int] = set()  # the parts made one: immutable all the way down, compared by value

    def plain(o: Any) -> bool:
        return o is None or type(o) in _PLAIN or isinstance(o, enum.Enum) or id(o) in merged

    def one(o: Any) -> Any:
        cls = type(o)
        if cls is str:
            return canon.setdefault(str, {}).setdefault(o, o)
        if o is None or cls in _PLAIN or isinstance(o, enum.Enum):
            return o
        made = done.get(id(o))
        if made is not None:
            return made
        if cls is list:
            made = [one(x) for x in o]
        elif cls is dict:
            made = {one(k): one(v) for k, v in o.items()}
        elif cls is set:
            made = {one(x) for x in o}
        elif cls is tuple or cls is frozenset:
            made = cls(map(one, o))
            if all(map(plain, made)):
                made = _canonical(canon, merged, made)
        else:
            shape = _SHAPES.get(cls)
            if shape is None:
                shape = _SHAPES[cls] = _shape(cls)
            if not shape:
                return o
            values = shape[1](o)
            parts = tuple(map(one, values))
            made = o if all(a is b for a, b in zip(parts, values, strict=True)) else _rebuild(cls, parts)
            if _mergeable(cls) and all(map(plain, parts)):
                unseen = _uncompared(cls)  # a node's span: made one only with a node equal to it and at its place
                made = _canonical(canon, merged, made, tuple(parts[i] for i in unseen) if unseen else None)
        done[id(o)] = made
        return made

    return one(value)  # type: ignore[no-any-return]


@cache
def _mergeable(cls: type) -> bool:
    """Whether two equal instances of the data class `cls`, with the same fields it does not compare, are the same
    value: frozen, and no sketch (which cannot say whether it equals another)."""
    return bool(cls.__dataclass_params__.frozen) and not hasattr(cls, "__stored_fields__")  # type: ignore[attr-defined]


@cache
def _uncompared(cls: type) -> tuple[int, ...]:
    """The places, among the fields `cls` stores, of those its equality does not compare (a node's span)."""
    compared = {f.name: f.compare for f in dataclasses.fields(cls)}
    shape = _SHAPES.get(cls) or _shape(cls)
    return tuple(i for i, name in enumerate(shape[0] if shape else ()) if not compared.get(name, True))


def _canonical(canon: dict[type, dict[Any, Any]], merged: set[int], o: Any, beside: tuple[Any, ...] | None = None
               ) -> Any:
    """The first part equal to `o` (and to its fields in `beside`, which its equality does not compare) met so far,
    `o` itself if it is the first. Numbers in a tuple or frozenset key it with their types: (1,) == (True,), and
    neither may stand for the other."""
    key = (o, tuple(type(x) for x in o)) if type(o) in (tuple, frozenset) and any(
        type(x) in _NUMBERS for x in o) else o
    if beside is not None:
        key = (key, beside)
    try:
        found = canon.setdefault(type(o), {}).setdefault(key, o)
    except TypeError:  # a data class that is not hashable after all
        return o
    merged.add(id(found))
    return found


_NUMBERS = (int, float, bool, complex)
_PLAIN = frozenset({int, float, bool, complex, str, bytes})


class _DataPickler(pickle.Pickler):
    """A data class is written as its field values and what makes an instance of its class from them (_Maker): not
    by the dataclass's own __getstate__ and __setstate__, which look the fields up again for every node (10,000
    provisions hold more than a million nodes). The maker is written once a pickle, as `_builder_of(cls)`, and each
    node calls it: one call a node, where `_rebuild(cls, values)` took two (a third of reading a set's index)."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls is _Maker:
            return _builder_of, (obj.cls,)
        shape = _SHAPES.get(cls)
        if shape is None:
            shape = _SHAPES[cls] = _shape(cls)
        if not shape:
            return NotImplemented
        maker = _MAKERS.get(cls)
        if maker is None:
            maker = _MAKERS[cls] = _Maker(cls)
        return maker, (shape[1](obj),)


class _SlottedPickler(_DataPickler):
    """What `cached` writes: its data classes with slots as _DataPickler writes them (their field values, made again
    by their builder), not through dataclasses' own __setstate__, which looks every field up again for every object
    (the specs, packs and vocabulary a one-file check reads hold thousands); anything else as pickle writes it. A
    class with more than its fields (an instance dictionary, a slot of its own) is pickled as usual, whole."""

    def reducer_override(self, obj: Any) -> Any:
        cls = type(obj)
        if cls is not _Maker and not _only_fields(cls):
            return NotImplemented
        return super().reducer_override(obj)


def _only_fields(cls: type) -> bool:
    """Whether an instance of `cls` is a data class holding its fields and nothing else: slots, no dictionary."""
    known = _FIELDS_ONLY.get(cls)
    if known is None:
        slots = {s for c in cls.__mro__ for s in c.__dict__.get("__slots__", ())} - {"__weakref__"}
        known = _FIELDS_ONLY[cls] = (dataclasses.is_dataclass(cls) and not cls.__dictoffset__
                                     and "__stored_fields__" not in cls.__dict__
                                     and slots == {f.name for f in dataclasses.fields(cls)})
    return known


_FIELDS_ONLY: dict[type, bool] = {}


class _Maker:
    """Stands in a pickle for the builder of one data class (written once, then referred to by the pickle's memo)."""

    __slots__ = ("cls",)

    def __init__(self, cls: type) -> None:
        self.cls = cls

    def __call__(self, values: tuple[Any, ...]) -> Any:
        return _rebuild(self.cls, values)


_MAKERS: dict[type, _Maker] = {}


def _builder_of(cls: type) -> Callable[[tuple[Any, ...]], Any]:
    """What makes an instance of the data class `cls` from its field values (UnpicklingError for any other class)."""
    build = _BUILDERS.get(cls)
    if build is None:
        build = _BUILDERS[cls] = _builder(cls)
    return build


def _shape(cls: type) -> tuple[()] | tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]:
    """A data class's field names and a function giving its field values in that order; () for any other class."""
    if not dataclasses.is_dataclass(cls):
        return ()
    # a class may keep only some of its fields (a sketch, language.ast.Sketch): it names them
    names = cls.__dict__.get("__stored_fields__") or tuple(f.name for f in dataclasses.fields(cls))
    if len(names) == 1:
        one = operator.attrgetter(names[0])
        return names, lambda obj: (one(obj),)
    return names, operator.attrgetter(*names) if names else (lambda obj: ())


_SHAPES: dict[type, tuple[()] | tuple[tuple[str, ...], Callable[[Any], tuple[Any, ...]]]] = {}


def _rebuild(cls: type, values: tuple[Any, ...]) -> Any:
    """An instance of the data class `cls` with its fields set to `values`, in field order, as they were; neither
    __init__ nor __post_init__ runs, as with any unpickled object."""
    return _builder_of(cls)(values)


def _builder(cls: type) -> Callable[[tuple[Any, ...]], Any]:
    """What makes an instance of `cls` from its field values: each field set through its slot (or the instance's
    dictionary) directly, bypassing a frozen class's __setattr__ as its own __init__ does. A parsed draft holds
    hundreds of nodes a provision, so this is most of the time a cached draft takes to load."""
    shape = _SHAPES.get(cls)
    if shape is None:
        shape = _SHAPES[cls] = _shape(cls)
    if not shape:
        raise pickle.UnpicklingError(f"{cls.__name__} is not a data class")
    names = shape[0]
    count = len(names)
    new = object.__new__
    slots = [getattr(cls, name, None) for name in names]
    if all(isinstance(slot, types.MemberDescriptorType) for slot in slots):
        setters = tuple(slot.__set__ for slot in slots)  # type: ignore[union-attr]
        unrolled = _unrolled(cls, setters)
        if unrolled is not None:
            return unrolled

        def build_slots(values: tuple[Any, ...]) -> Any:
            if len(values) != count:
                raise pickle.UnpicklingError(f"{cls.__name__} does not have the fields stored")
            obj = new(cls)
            for put, value in zip(setters, values):
                put(obj, value)
            return obj
        return build_slots
    if cls.__dictoffset__ and not any(isinstance(slot, types.MemberDescriptorType) for slot in slots):
        def build_dict(values: tuple[Any, ...]) -> Any:
            if len(values) != count:
                raise pickle.UnpicklingError(f"{cls.__name__} does not have the fields stored")
            obj = new(cls)
            obj.__dict__.update(zip(names, values))
            return obj
        return build_dict

    def build(values: tuple[Any, ...]) -> Any:
        if len(values) != count:
            raise pickle.UnpicklingError(f"{cls.__name__} does not have the fields stored")
        obj = new(cls)
        for name, value in zip(names, values):
            object.__setattr__(obj, name, value)
        return obj
    return build


_BUILDERS: dict[type, Callable[[tuple[Any, ...]], Any]] = {}


def _unrolled(cls: type, setters: tuple[Callable[[Any, Any], None], ...]) -> Callable[[tuple[Any, ...]], Any] | None:
    """The builder of a slotted class of two, three or five fields written out, without the loop over the fields,
    which took a third longer: a span (five), a term or a reference (three, two) are most of a draft's nodes, and a
    cached set of 10,000 provisions holds more than a million of them."""
    new = object.__new__
    wrong = f"{cls.__name__} does not have the fields stored"
    if len(setters) == 2:
        s0, s1 = setters

        def build2(values: tuple[Any, ...]) -> Any:
            try:
                v0, v1 = values
            except (TypeError, ValueError):
                raise pickle.UnpicklingError(wrong) from None
            obj = new(cls)
            s0(obj, v0)
            s1(obj, v1)
            return obj
        return build2
    if len(setters) == 3:
        s0, s1, s2 = setters

        def build3(values: tuple[Any, ...]) -> Any:
            try:
                v0, v1, v2 = values
            except (TypeError, ValueError):
                raise pickle.UnpicklingError(wrong) from None
            obj = new(cls)
            s0(obj, v0)
            s1(obj, v1)
            s2(obj, v2)
            return obj
        return build3
    if len(setters) == 5:
        s0, s1, s2, s3, s4 = setters

        def build5(values: tuple[Any, ...]) -> Any:
            try:
                v0, v1, v2, v3, v4 = values
            except (TypeError, ValueError):
                raise pickle.UnpicklingError(wrong) from None
            obj = new(cls)
            s0(obj, v0)
            s1(obj, v1)
            s2(obj, v2)
            s3(obj, v3)
            s4(obj, v4)
            return obj
        return build5
    return None


def stored(kind: str, digest: str) -> bytes | None:
    """The sealed bytes stored under `digest` (a hex digest of everything they were computed from), or None."""
    place = _store_place(kind, digest, make=False)
    return None if place is None else _read_sealed(*place[:2], place[2])


def store(kind: str, digest: str, payload: bytes) -> None:
    """Keep `payload` under `digest`, sealed with this user's key; several processes may store at once."""
    place = _store_place(kind, digest)
    if place is not None:
        _write_sealed(place[0], place[1], place[2], payload)


def _open_nofollow(path: str, flags: int) -> int:
    return os.open(path, flags | _NOFOLLOW)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # an entry or key that is a link is not followed
_KEY_BYTES = 32
_SEAL_BYTES = hashlib.sha256().digest_size


# ------------------------------------------------------------------ the cache's size: least recently used out

DEFAULT_MEGABYTES = 512  # the cap, unless lexdraft.toml's `cache-megabytes` or the environment says otherwise
MEGABYTES_VARIABLE = "LEXDRAFT_CACHE_MB"  # the environment's cap, over lexdraft.toml's (one machine, one folder)
_TOUCH_AFTER = 3600  # an entry read is marked used at most hourly: a write at every read would cost the reads
_TRIM_EVERY = 600  # seconds between two trims, unless a run stored a tenth of the cap
_TRIM_TO = 0.9  # a trim leaves the folder at this part of the cap, so that the next few runs need none
_STALE_TEMPORARY = 3600  # a half-written entry this old belongs to a writer that died
_KEEP = ("key", ".trimmed", ".trimming")  # the seal's key and the trim's own marks
_setting: int | None = None  # lexdraft.toml's cap, given by the command line (cache_setting)
_written = 0  # bytes this process stored


class CacheSizeError(ValueError):
    """The environment's cap is not a whole number of megabytes."""


def _count(stored: int) -> None:
    global _written
    _written += stored


def cache_setting(megabytes: int | None) -> None:
    """The cap lexdraft.toml names (`cache-megabytes`), or None for none named."""
    global _setting
    _setting = megabytes


def cache_megabytes() -> tuple[int, str]:
    """The cap on the cache folder in megabytes, and where it comes from: LEXDRAFT_CACHE_MB, lexdraft.toml, or the
    default. A value in the environment that is not a whole number (0 or more) is CacheSizeError."""
    raw = os.environ.get(MEGABYTES_VARIABLE)
    if raw is not None and raw.strip():
        if not raw.strip().isdigit():
            raise CacheSizeError(raw)
        return int(raw.strip()), MEGABYTES_VARIABLE
    if _setting is not None:
        return _setting, "lexdraft.toml"
    return DEFAULT_MEGABYTES, "the default"


@dataclasses.dataclass(frozen=True)
class CacheInfo:
    folder: str
    entries: int
    size: int  # bytes
    megabytes: int  # the cap
    source: str  # where the cap comes from
    removed: int = 0  # entries removed by the call that made this


def _entries(folder: str) -> list[tuple[float, int, str]]:
    """(time last used, size, path) of every entry, half-written ones of dead writers removed on the way."""
    out = []
    now = time.time()
    for top, _, files in os.walk(folder):
        for name in files:
            if top == folder and name in _KEEP:
                continue
            path = os.path.join(top, name)
            with contextlib.suppress(OSError):  # gone meanwhile: another process trimmed it
                info = os.lstat(path)
                if name.startswith(".tmp-"):
                    if info.st_mtime < now - _STALE_TEMPORARY:
                        os.unlink(path)
                    continue
                out.append((info.st_mtime, info.st_size, path))
    return out


@contextlib.contextmanager
def _trimming(folder: str) -> Iterator[bool]:
    """Whether this process may trim now: one at a time (others go on, untrimmed, rather than wait)."""
    try:
        import fcntl
    except ImportError:  # Windows: trims may overlap, which removes a few more entries, never a half one
        yield True
        return
    try:
        fd = os.open(os.path.join(folder, ".trimming"), os.O_RDWR | os.O_CREAT | _NOFOLLOW, 0o600)
    except OSError:
        yield False
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        yield False
        return
    try:
        yield True
    finally:
        os.close(fd)  # the lock goes with it


def trim(megabytes: int | None = None) -> CacheInfo | None:
    """Remove the entries used longest ago until the folder is under `megabytes` (default: cache_megabytes()); a
    reader that has an entry open keeps reading it, one that comes later rebuilds it. None without a cache folder,
    or while another process trims."""
    folder = cache_folder()
    if folder is None:
        return None
    cap, source = cache_megabytes() if megabytes is None else (megabytes, "asked")
    with _trimming(folder) as mine:
        if not mine:
            return None
        entries = sorted(_entries(folder))
        size = sum(e[1] for e in entries)
        removed = 0
        if size > cap * 1_000_000:
            goal = cap * 1_000_000 * _TRIM_TO
            for _, bytes_, path in entries:
                if size <= goal:
                    break
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(path)
                size -= bytes_
                removed += 1
        with contextlib.suppress(OSError):  # the mark's time is when this trim ended: the next waits _TRIM_EVERY
            mark = os.path.join(folder, ".trimmed")
            os.close(_open_nofollow_create(mark, os.O_WRONLY | os.O_CREAT))
            os.utime(mark)
        return CacheInfo(folder, len(entries) - removed, size, cap, source, removed)


def trim_if_due() -> None:
    """After a run that stored entries: trim when the last trim is ten minutes old, or when this run alone stored a
    tenth of the cap. A bad LEXDRAFT_CACHE_MB was reported at start; here it only means no trim."""
    if not _written or not _storing:
        return
    folder = cache_folder()
    if folder is None:
        return
    try:
        cap, _ = cache_megabytes()
        last = os.stat(os.path.join(folder, ".trimmed")).st_mtime
    except CacheSizeError:
        return
    except OSError:
        last = 0.0
    if last < time.time() - _TRIM_EVERY or _written * 10 >= cap * 1_000_000:
        trim(cap)


def cache_info() -> CacheInfo | None:
    """The cache folder, its entries and their size, and the cap; None without a cache folder."""
    folder = cache_folder()
    if folder is None:
        return None
    cap, source = cache_megabytes()
    entries = _entries(folder)
    return CacheInfo(folder, len(entries), sum(e[1] for e in entries), cap, source)


def clear_cache() -> CacheInfo | None:
    """Every entry removed (the key that seals them stays): the next runs rebuild what they need."""
    return trim(0)


def _open_nofollow_create(path: str, flags: int) -> int:
    return os.open(path, flags | _NOFOLLOW, 0o600)
