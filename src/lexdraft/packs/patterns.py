"""A pack's numbering and items patterns, matched whole in time linear in the text.

A pack is data a drafting office writes. Python's own matcher backtracks, so a pattern such as ([0-9]+)+ takes
exponential time on a crafted id it does not match; RE2 (google-re2) never backtracks, and refuses what needs it
(a back-reference, look-around) or what would not fit its memory bound. A pattern must also be one Python's `re`
compiles, so that it means what the language reference says it means: RE2 alone would read a repeat past its bound,
a{0,4294967295}, as the letters themselves.
"""

from __future__ import annotations

import re
from functools import cache

import re2  # type: ignore[import-untyped]  # google-re2 ships no type information

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # RE2 would otherwise print the refused pattern to standard error itself
_OPTIONS.max_mem = 1 << 20  # a numbering pattern is a few dozen characters; a bigger program is refused


Pattern = re2._Regexp  # what re2.compile returns; the module names no public type for it


class Unsafe(ValueError):
    """A pattern lexdraft will not run: why, and what to write instead."""

    def __init__(self, message: str, hint: str) -> None:
        super().__init__(message)
        self.hint = hint


_PLAIN = ("write it with characters, classes, groups, | and repeats, e.g. [0-9]{1,4}(-[0-9]{1,3})*, and no "
          "back-reference or look-around: lexdraft matches it whole, in time linear in the id (RE2), so that no id "
          "can stall a check")
# RE2's reasons, in a drafter's words
_WORDS = {"invalid escape sequence": "uses an escape lexdraft does not run (a back-reference such as \\1?)",
          "invalid perl operator": "uses a group lexdraft does not run (look-around, an atomic or a conditional group)",
          "bad repetition operator": "uses a repeat lexdraft does not run (a possessive repeat such as ++?)"}
_SHORTER = "write a shorter pattern: a repeat such as {1,6} copies what it repeats that many times, 1,000 at most"


@cache
def compiled(source: str) -> Pattern:
    """The pattern for `source`, or Unsafe with the reason it is none lexdraft runs."""
    try:
        re.compile(source)  # compiling does not backtrack; only matching does
    except re.error as e:
        raise Unsafe(f"is not a regular expression: {e.msg}", _PLAIN) from None
    except (OverflowError, RecursionError):  # a repeat past Python's bound, groups nested past its stack
        raise Unsafe("is too large to run", _SHORTER) from None
    try:
        return re2.compile(source, _OPTIONS)
    except re2.error as e:
        reason = e.args[0].decode("utf-8", "replace") if e.args and isinstance(e.args[0], bytes) else str(e)
        large = "repetition size" in reason or "too large" in reason
        if large:
            raise Unsafe(f"is too large to run (RE2: {reason})", _SHORTER) from None
        words = next((w for kind, w in _WORDS.items() if reason.startswith(kind)), "cannot be run in linear time")
        raise Unsafe(f"{words} (RE2: {reason})", _PLAIN) from None
