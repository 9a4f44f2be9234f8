"""Read .lexd files and parse them with the LALR grammar into a typed AST."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from lark import Lark, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken

from .ast import DraftFile, Span
from .build import from_tree
from .diagnostics import Diagnostic, LexdraftError, fail
from .resources import data_dir

MAX_BYTES = 2_000_000  # a whole criminal code is far smaller; beyond this is a mistake


@cache
def parser() -> Lark:
    """The LALR parser, built once per process; lark caches the compiled grammar on disk."""
    return Lark.open(str(data_dir("grammar") / "lexdraft.lark"), parser="lalr", strict=True,
                     propagate_positions=True, cache=True)


# Curated syntax errors: each message with inputs that make the same mistake.
# lark's match_examples picks the message whose example fails in the same parser state.
SYNTAX_EXAMPLES: dict[tuple[str, str, str], list[str]] = {
    ("E101", "a provision needs an id such as prc.criminal-law.253-2",
     "write the jurisdiction, the instrument and the article, joined by dots"): [
        "provision {", "provision x {", "interpretation {", "interpretation x {"],
    ("E102", "expected a field such as `conduct`, `object`, `penalty` or a closing `}`",
     "every line of a provision starts with a field name; see the language reference"): [
        "provision a.b { foo", "provision a.b { conduct produce 3", "provision a.b { 3",
        "provision a.b { \"x\""],
    ("E103", "a threshold needs a comparison, a number and a unit, e.g. `views >= 1000 views`",
     "write the quantity, then >=, then the number, then its unit"): [
        "provision a.b { tier serious when any { views 1000",
        "provision a.b { tier serious when any { views >= 1000 }",
        "provision a.b { tier serious when any { views >= }"],
    ("E104", "a list of terms is separated by commas",
     "put a comma between the terms"): [
        "provision a.b { conduct produce, }", "provision a.b { conduct , produce }"],
    ("E105", "text must follow a language tag: zh \"...\" or en \"...\"",
     "write zh \"中文\" en \"English\""): [
        "provision a.b { title \"x\"", "provision a.b { title }", "provision a.b { text }"],
    ("E106", "a penalty line names its tier, then the penalties, e.g. `base imprisonment <= 3 years`",
     "separate alternatives with | and add the fine after a ;"): [
        "provision a.b { penalty }", "provision a.b { penalty base }",
        "provision a.b { penalty base imprisonment <= 3 }", "provision a.b { penalty base imprisonment <= }",
        "provision a.b { penalty base imprisonment; fine }"],
    ("E107", "a file holds `provision` and `interpretation` blocks only",
     "start each block with `provision ID {` or `interpretation ID {`"): [
        "foo", "conduct produce", "\"x\"", "provision a.b { } }"],
}

_WORDS = {
    "ID": "an id such as prc.criminal-law.253-2", "NAME": "a vocabulary term", "INT": "a number",
    "STRING": "a quoted text", "BLOCK": "a quoted text", "LBRACE": "`{`", "RBRACE": "`}`",
    "COMMA": "`,`", "SEMICOLON": "`;`", "VBAR": "`|`", "ZH": "`zh`", "EN": "`en`", "$END": "the end of the file",
}


def _describe(expected: set[str]) -> str:
    words = sorted({_WORDS.get(t, f"`{t.lower().lstrip('_').replace('_', '-')}`") for t in expected})
    if len(words) > 6:
        return ", ".join(words[:6]) + " or another field"
    return " or ".join(words)


def _syntax_error(e: UnexpectedInput, path: str, text: str) -> Diagnostic:
    line, col = max(e.line, 1) if e.line else 1, max(e.column, 1) if e.column else 1
    if isinstance(e, UnexpectedEOF) or (isinstance(e, UnexpectedToken) and e.token.type == "$END"):
        lines = text.splitlines() or [""]
        line, col = len(lines), len(lines[-1]) + 1
        return Diagnostic("E108", "the file ends before the block is closed", Span(path, line, col, line, col + 1),
                          ("add the missing `}`",))
    if isinstance(e, UnexpectedCharacters):
        char = text[e.pos_in_stream] if e.pos_in_stream < len(text) else ""
        hint = ("text in Chinese or English goes inside quotes after zh or en" if ord(char or " ") > 127
                else "terms are lower-case words joined by hyphens; texts go in double quotes")
        return Diagnostic("E109", f"unexpected character {char!r}", Span(path, line, col, line, col + 1), (hint,))
    assert isinstance(e, UnexpectedToken)
    tok = e.token
    end_col = (tok.end_column or col + 1) if tok.end_line == tok.line else col + 1
    span = Span(path, line, col, line, end_col)
    try:
        found = e.match_examples(parser().parse, SYNTAX_EXAMPLES, use_accepts=True)
    except Exception:  # noqa: BLE001 - a failed guess falls back to the expected tokens
        found = None
    shown = str(tok) if tok.type != "$END" else "end of file"
    if found:
        code, message, hint = found
        return Diagnostic(code, f"{message} (found {shown!r})", span, (hint,))
    return Diagnostic("E100", f"unexpected {shown!r}; expected {_describe(set(e.expected))}", span,
                      ("compare this line with the language reference",))


def read_source(path: str) -> str:
    """The file's text; binary, oversized and non-UTF-8 files are invalid input."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except IsADirectoryError:
        raise fail("E001", "is a folder, not a draft file", None) from None
    except OSError as e:
        raise fail("E001", f"cannot read {path}: {e.strerror}", None) from None
    first = Span(path, 1, 1, 1, 2)
    if len(data) > MAX_BYTES:
        raise fail("E002", f"file is {len(data):,} bytes; drafts are limited to {MAX_BYTES:,}", first,
                   "split the file: one provision or interpretation per file is usual")
    if b"\x00" in data:
        raise fail("E003", "file is binary, not a draft", first, "drafts are UTF-8 text files ending in .lexd")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        col = e.start - (data.rfind(b"\n", 0, e.start) + 1) + 1
        raise fail("E003", "file is not valid UTF-8 text", Span(path, line, col, line, col + 1),
                   "save the file as UTF-8 (GBK and Big5 are not accepted)") from None


def parse_text(text: str, path: str) -> DraftFile:
    """Parse one file's text; the first syntax error or any build error raises LexdraftError."""
    try:
        tree = parser().parse(text)
    except UnexpectedInput as e:
        raise LexdraftError([_syntax_error(e, path, text)]) from None
    except RecursionError:
        raise fail("E002", "input is nested too deeply", Span(path, 1, 1, 1, 2)) from None
    draft, diagnostics = from_tree(tree, path)
    if diagnostics:
        raise LexdraftError(diagnostics)
    return draft


def parse_file(path: str) -> DraftFile:
    return parse_text(read_source(path), path)
