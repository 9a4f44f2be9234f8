"""Locate the data lexdraft ships (grammar, vocabulary, conformance specs, templates) and its cache folder."""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import os
import pickle
import secrets
import stat
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

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
    with contextlib.suppress(OSError), open(path, "rb", opener=_open_nofollow) as f:
        blob = f.read()
        seal, payload = blob[:_SEAL_BYTES], blob[_SEAL_BYTES:]
        if _private_file(os.fstat(f.fileno())) and hmac.compare_digest(seal, _seal(key, name, payload)):
            with contextlib.suppress(Exception):  # sealed but unloadable (a class since renamed): rebuilt
                return pickle.loads(payload)  # type: ignore[no-any-return]
    value = build()
    try:
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-")
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(_seal(key, name, payload) + payload)
            os.replace(tmp, path)  # written by rename: no half-written entry is ever read
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
            raise
    except (OSError, pickle.PicklingError):
        pass  # a read-only cache folder costs speed, not correctness
    return value


def _open_nofollow(path: str, flags: int) -> int:
    return os.open(path, flags | _NOFOLLOW)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)  # an entry or key that is a link is not followed
_KEY_BYTES = 32
_SEAL_BYTES = hashlib.sha256().digest_size
