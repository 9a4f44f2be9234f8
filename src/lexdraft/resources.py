"""Locate the data lexdraft ships (grammar, vocabulary, conformance specs, templates) and its cache folder."""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
import tempfile
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import TypeVar

_PACKAGE = Path(__file__).resolve().parent
T = TypeVar("T")


@cache
def data_dir(name: str) -> Path:
    """The folder `name` inside the installed package, or at the top of a source checkout."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"lexdraft data folder {name!r} is missing from the installation")


def source_file(module: str) -> Path:
    """A lexdraft module's own source file, e.g. `spec.py`: part of what a cached value depends on."""
    return _PACKAGE / module


def cache_file(kind: str, *inputs: bytes) -> str | None:
    """A file in the user's cache folder named by a digest of `inputs` and the Python version, or None.

    A temp folder is emptied at reboot, a cache folder is not. The name carries the digest, so checkouts with
    different grammars or specs never read each other's entries.
    """
    folder = os.path.join(os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "lexdraft")
    try:
        os.makedirs(folder, exist_ok=True)
    except OSError:
        return None
    digest = hashlib.sha256()
    for data in (f"{sys.version_info[:2]}".encode(), *inputs):
        digest.update(len(data).to_bytes(8, "little") + data)
    return os.path.join(folder, f"{kind}-{digest.hexdigest()[:16]}")


def cached(kind: str, sources: tuple[Path, ...], build: Callable[[], T]) -> T:
    """`build()`, or its value from the cache when no file in `sources` has changed since it was built.

    `sources` are every file the value depends on, the code that builds it included. Only values are cached:
    when `build` raises (an invalid spec, say), nothing is written and the next run reports the same errors.
    """
    try:
        path = cache_file(kind, *(p.read_bytes() for p in sources))
    except OSError:
        path = None
    if path is not None:
        with contextlib.suppress(Exception), open(path + ".pickle", "rb") as f:  # missing or corrupt: rebuilt
            return pickle.load(f)  # type: ignore[no-any-return]
    value = build()
    if path is not None:
        try:
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".tmp-")
            with os.fdopen(fd, "wb") as f:
                pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(tmp, path + ".pickle")
        except OSError:
            pass  # a read-only cache folder costs speed, not correctness
    return value
