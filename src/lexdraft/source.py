"""Read a user's file as text, or say plainly why it cannot be read."""

from __future__ import annotations

import re
import stat
import unicodedata
from pathlib import Path

from . import escape
from .diagnostics import Diagnostic, LexdraftError, Span, fail

MAX_BYTES = 2_000_000  # a whole criminal code is far smaller; beyond this is a mistake


def read_text(path: str, what: str) -> str:
    """The text of `path` (a `what`: "draft" or "spec"), with one newline convention and no byte-order mark.

    A folder, an unreadable, oversized, binary, UTF-16 or non-UTF-8 file is invalid input (E001-E003)."""
    data, size = read_bytes(path, what)
    return decode_text(data, path, what, size)


def read_bytes(path: str, what: str) -> tuple[bytes, int]:
    """What read_text decodes: the bytes of `path` up to one past the limit, and the whole file's size. A folder,
    a device or an unreadable file is E001."""
    p = Path(path)
    try:
        info = p.stat()
        kind = info.st_mode
        if stat.S_ISDIR(kind):
            raise fail("E001", f"{path} is a folder, not a {what} file", None,
                       "give one .lexd file here; `check` and `fmt` also take folders" if what == "draft"
                       else "give one .yaml file here")
        if not stat.S_ISREG(kind):
            # A device or a pipe may never end: it is not read at all.
            raise fail("E001", f"{path} is not a regular file (a device, pipe or socket)", None,
                       f"give the {what} file itself")
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # no more than the limit, however large the file
    except OSError as e:
        raise fail("E001", f"cannot read {path}: {e.strerror}", None,
                   "check that the file exists and that you may read it") from None
    return data, info.st_size


def decode_text(data: bytes, path: str, what: str, size: int = 0) -> str:
    """A file's bytes (from disk, or from git at a revision) as text; `size` is the whole file's, when only the
    first bytes past the limit were read."""
    first = Span(path, 1, 1, 1, 2)
    if len(data) > MAX_BYTES:
        raise fail("E002", f"file is {max(size, len(data)):,} bytes; {what}s are limited to {MAX_BYTES:,}", first,
                   "split the file: one provision or interpretation per file is usual" if what == "draft"
                   else "one spec file per treaty article is usual")
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # Some editors' "Unicode" is UTF-16, whose NUL bytes would otherwise call the file binary.
        raise fail("E003", "file is UTF-16 text, not UTF-8", first, "save the file as UTF-8")
    body = data.removeprefix(b"\xef\xbb\xbf")
    undecodable = None
    try:  # one newline convention, so texts and columns do not depend on the editor
        text = _lines(body.decode("utf-8"))
    except UnicodeDecodeError:  # a byte that is not UTF-8 kept as a lone surrogate, so that the error points at it
        text = _lines(body.decode("utf-8", "surrogateescape"))  # in characters and quotes its line (shown \xff)
        undecodable = re.search("[\udc80-\udcff]", text)
    binary = text.find("\x00") if b"\x00" in body else -1
    if binary >= 0:
        raise LexdraftError([Diagnostic("E003", f"file is binary, not a {what}", _at(text, binary, path),
                                        ("drafts are UTF-8 text files ending in .lexd" if what == "draft"
                                         else "specs are UTF-8 YAML files ending in .yaml",))], {path: text})
    if undecodable:
        raise LexdraftError([Diagnostic("E003", "file is not valid UTF-8 text", _at(text, undecodable.start(), path),
                                        ("save the file as UTF-8 (GBK and Big5 are not accepted)",))], {path: text})
    return displayable(text, path)


def _lines(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


_STRING_STARTS_COMMAND = re.compile(r'"[^\S\n]*::')
_SURROGATE = re.compile("[\ud800-\udfff]")
_NOT_SHOWN = re.compile(f"{_SURROGATE.pattern}|{escape.FORBIDDEN.pattern}")  # a lone surrogate, or what escape forbids


def displayable(text: str, path: str) -> str:
    """The text, unless it holds what would act on a terminal or CI log when shown: a control character or bidi
    override (E005), or a string that starts a line with `::`, a GitHub Actions workflow command (E006). A lone
    surrogate, which only an editor's text can hold, is what its bytes saved would be: not UTF-8 (E003)."""
    found = _NOT_SHOWN.search(text)  # one pass over the text for both
    surrogate = found and (found if _SURROGATE.match(found.group()) else _SURROGATE.search(text, found.end()))
    if surrogate:
        raise fail("E003", f"file is not valid UTF-8 text: {escape.text(surrogate.group())}, a lone surrogate, has "
                   "no UTF-8 form", _at(text, surrogate.start(), path),
                   "delete it: a surrogate is half of a character beyond the Basic Multilingual Plane, never a "
                   "character of its own")
    if found:
        name = unicodedata.name(found.group(), "") or {"\x1b": "ESCAPE"}.get(found.group(), "control character")
        raise fail("E005", f"{escape.text(found.group())} ({name.lower()}) in the text", _at(text, found.start(), path),
                   "delete it: terminals and logs act on control characters, and bidi controls make a line read "
                   "otherwise than it is stored (ZWJ, ZWNJ, LRM and RLM are accepted)")
    found = (escape.WORKFLOW_COMMAND.search(text) or _STRING_STARTS_COMMAND.search(text)) if "::" in text else None
    if found:
        start = text.index("::", found.start())
        raise fail("E006", "text starting with `::`: a CI log reads a line that starts so as a workflow command",
                   _at(text, start, path, 2), "start the line otherwise; no statute line starts with `::`")
    return text


def _at(text: str, offset: int, path: str, length: int = 1) -> Span:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Span(path, line, col, line, col + length)
