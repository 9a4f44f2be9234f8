"""Positions between lexdraft's spans (1-based, in characters) and the editor's (0-based, in code units)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..diagnostics import Span

# LSP counts a column in UTF-16 code units unless client and server agree on another encoding: a character beyond
# the Basic Multilingual Plane (𠀀, an emoji) is two units, every Chinese character of the BMP one.
UTF16, UTF8, UTF32 = "utf-16", "utf-8", "utf-32"


def _units(ch: str, encoding: str) -> int:
    if encoding == UTF32:
        return 1
    if encoding == UTF8:
        return len(ch.encode("utf-8", "surrogatepass"))  # a lone surrogate in an editor's text: three bytes
    return 2 if ord(ch) > 0xFFFF else 1


def normalize(text: str) -> str:
    """One newline convention, as lexdraft reads files: LSP also ends lines at \\r\\n and \\r, so lines agree."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


@dataclass(frozen=True)
class Lines:
    """A text's lines, to turn character columns into the client's code units and back."""

    text: str
    encoding: str = UTF16

    @cached_property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    @cached_property
    def starts(self) -> list[int]:
        """The character offset at which each line starts."""
        out, at = [], 0
        for s in self.lines:
            out.append(at)
            at += len(s) + 1
        return out

    def units(self, line: int, column: int) -> int:
        """The 0-based character `column` of 0-based `line` in code units."""
        lines = self.lines
        if not 0 <= line < len(lines):
            return max(column, 0)
        if self.encoding == UTF32:
            return column
        return sum(_units(ch, self.encoding) for ch in lines[line][:column])

    def column(self, line: int, units: int) -> int:
        """The 0-based character column at `units` code units into 0-based `line` (a unit inside a character
        counts as that character's start)."""
        lines = self.lines
        if not 0 <= line < len(lines):
            return 0
        count = 0
        for i, ch in enumerate(lines[line]):
            count += _units(ch, self.encoding)
            if count > units:
                return i
        return len(lines[line])

    def offset(self, line: int, units: int) -> int:
        """The character offset into the text of a client position."""
        lines = self.lines
        line = min(max(line, 0), len(lines) - 1)
        return self.starts[line] + self.column(line, units)

    def position(self, offset: int) -> tuple[int, int]:
        """The client position (0-based line, code units) of a character offset."""
        line = self.text.count("\n", 0, offset)
        start = self.text.rfind("\n", 0, offset) + 1
        return line, self.units(line, offset - start)

    def span_range(self, span: Span) -> tuple[tuple[int, int], tuple[int, int]]:
        """A span's start and end as client positions."""
        start = (span.line - 1, self.units(span.line - 1, span.column - 1))
        end = (span.end_line - 1, self.units(span.end_line - 1, span.end_column - 1))
        return start, end
