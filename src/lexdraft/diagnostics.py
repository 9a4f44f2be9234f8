"""One diagnostic type for every stage, and the one printer that shows it."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from . import escape
from .codes import CODES

# Exit codes, documented in the README.
EXIT_OK = 0
EXIT_NONCONFORMING = 1
EXIT_INVALID = 2
EXIT_INTERNAL = 3  # a bug in lexdraft, told in one line, never as a finding
EXIT_PIPE = 141  # standard output closed by its reader (128 + SIGPIPE, as shells report it)

@dataclass(frozen=True, slots=True)
class Span:
    """A region of a source file; 1-based lines and columns, end exclusive."""

    file: str
    line: int
    column: int
    end_line: int
    end_column: int

    def location(self, *, column: bool = True) -> str:
        """`file:line:col` (or `file:line`): how every message, report and log names a place in a draft; the file
        name escaped (escape.path), so that it can neither act on a terminal or log nor start a workflow command."""
        file = escape.path(self.file)
        return f"{file}:{self.line}:{self.column}" if column else f"{file}:{self.line}"


MAX_SHOWN = 20  # diagnostics printed before "... and N more"
MAX_LINE = 160  # characters of a source line shown; a longer one is cut around the caret
CONTEXT = 60  # characters shown before the caret in a cut line


class Severity(StrEnum):
    """An error stops the stage; a warning is reported and the stage goes on."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True)
class Diagnostic:
    code: str  # stable, e.g. E101
    message: str
    span: Span | None
    hints: tuple[str, ...] = ()
    severity: Severity = Severity.ERROR

    def __post_init__(self) -> None:
        if self.code not in CODES:  # a code must be explained before it is raised (lexdraft explain, the docs)
            raise ValueError(f"diagnostic code {self.code!r} is not registered in lexdraft.codes")


@dataclass
class LexdraftError(Exception):
    """Raised by a stage with the diagnostics that stop it."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    sources: dict[str, str] = field(default_factory=dict)  # texts to quote that are not on disk (a staged draft)

    def __str__(self) -> str:
        return "; ".join(d.message for d in self.diagnostics)


def fail(code: str, message: str, span: Span | None, *hints: str) -> LexdraftError:
    return LexdraftError([Diagnostic(code, message, span, tuple(hints))])


def explain(code: str) -> str:
    """`lexdraft explain CODE`: what the code means and an example of the mistake (E401 for a code there is not)."""
    import difflib

    entry = CODES.get(code.strip().upper())
    if entry is None:
        close = difflib.get_close_matches(code.strip().upper(), list(CODES), n=1, cutoff=0.5)
        raise fail("E401", f"unknown code {code!r}", None,
                   f"did you mean {close[0]}?" if close else f"codes run from {min(CODES)} to {max(CODES)}",
                   "docs/language.md, Errors, lists every code")
    return f"{entry.code}: {entry.summary}\n  example: {entry.example}\n"


MAX_QUOTED = 4_000_000  # characters read to quote a line: a file far past the size limit (E002) is never read whole


def _source_line(span: Span, sources: dict[str, str]) -> str | None:
    text = sources.get(span.file)
    if text is None:
        try:
            with open(span.file, encoding="utf-8-sig") as f:
                text = f.read(MAX_QUOTED)
        except (OSError, UnicodeDecodeError):
            return None
        sources[span.file] = text
    # Lines end at \n only, as the parser counts them: splitlines() would also break at U+2028, \x0c and the like.
    lines = text.split("\n")
    return lines[span.line - 1] if 0 < span.line <= len(lines) else None


TAB = 4  # a tab in a quoted line is shown as this many spaces, so that the caret stays under its place


def _width(s: str) -> int:
    """Display width: CJK and full-width characters take two columns, a tab TAB."""
    import unicodedata

    return sum(TAB if c == "\t" else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in s)


def _window(line: str, first: int, last: int) -> tuple[str, int, int]:
    """A long line cut around the marked part, with the marked part's bounds in what is shown."""
    # A generated file may hold megabytes on one line; the reader needs the part the caret points at.
    if len(line) <= MAX_LINE:
        return line, first, last
    begin = max(0, min(first - CONTEXT, len(line) - MAX_LINE))
    end = min(len(line), max(begin + MAX_LINE, first + 1))
    last = min(last, end)
    head, tail = ("…" if begin else ""), ("…" if end < len(line) else "")
    return head + line[begin:end] + tail, first - begin + len(head), last - begin + len(head)


def format_diagnostic(d: Diagnostic, sources: dict[str, str] | None = None) -> str:
    """`file:line:col: error[CODE]: message`, the source line, a caret, and hints."""
    sources = {} if sources is None else sources
    out = []
    if d.span is not None:
        out.append(f"{d.span.location()}: {d.severity}[{d.code}]: {escape.lines(d.message)}")
        line = _source_line(d.span, sources)
        if line is not None:
            gutter = f"{d.span.line:>4} | "
            first = d.span.column - 1
            last = d.span.end_column - 1 if d.span.end_line == d.span.line and d.span.end_column > d.span.column \
                else first + 1
            shown, first, last = _window(line.rstrip(), first, last)
            # a control or invisible character in the line is shown as its escape, and the caret counts it so
            start = _width(escape.text(shown[:first]))
            length = _width(escape.text(shown[first:last]))
            out.append(gutter + escape.text(shown).replace("\t", " " * TAB))
            out.append(" " * (len(gutter) - 2) + "| " + " " * start + "^" * max(length, 1))
    else:
        out.append(f"{d.severity}[{d.code}]: {escape.lines(d.message)}")
    out.extend(f"  = hint: {escape.lines(h)}" for h in d.hints)
    return "\n".join(out)


def format_all(diagnostics: list[Diagnostic], sources: dict[str, str] | None = None) -> str:
    shown = [format_diagnostic(d, sources) for d in diagnostics[:MAX_SHOWN]]
    if len(diagnostics) > MAX_SHOWN:
        shown.append(f"... and {len(diagnostics) - MAX_SHOWN} more")
    return "\n".join(shown)
