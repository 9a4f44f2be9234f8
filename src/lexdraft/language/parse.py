"""Read .lexd files and parse them with the LALR grammar into a typed AST."""

from __future__ import annotations

import re
import threading
from array import array
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, cast

from lark import Lark, Token, Tree, UnexpectedCharacters, UnexpectedEOF, UnexpectedInput, UnexpectedToken
from lark import __file__ as lark_file
from lark.grammar import Rule
from lark.lark import _LOAD_ALLOWED_OPTIONS, _get_lexer_callbacks
from lark.lexer import PatternStr, TerminalDef, UnlessCallback
from lark.parse_tree_builder import ParseTreeBuilder
from lark.parsers.lalr_analysis import Shift

from ..diagnostics import Diagnostic, LexdraftError
from ..resources import cached, data_dir, source_file
from ..source import read_text
from .ast import Document, DraftFile, Span
from .build import Builder
from .syntax_errors import (
    DOCUMENTS,
    FIELDS,
    Source,
    character_hint,
    did_you_mean,
    earlier_cause,
    form_hint,
    nesting_error,
)

# The grammar ignores comments; while a parse_source call is running, the lexer hands them here for the formatter.
_COMMENTS: ContextVar[list[Token] | None] = ContextVar("lexdraft_comments", default=None)


def _keep_comment(tok: Token) -> Token:
    kept = _COMMENTS.get()
    if kept is not None:
        kept.append(tok)
    return tok


def _lalr(kind: str, **options: Any) -> Lark:
    """The LALR parser over lexdraft's grammar, its tables from lexdraft's own verified cache (resources.cached).

    Compiling takes ~0.3 s, loading ~15 ms. lark's own `cache` option is never used: its entries are pickles
    loaded unchecked, and `cache=True` reads a file with a predictable name in the shared temp folder.
    """
    grammar = data_dir("grammar") / "lexdraft.lark"
    built: list[Lark] = []

    def build() -> dict[str, Any]:
        built.append(Lark.open(str(grammar), parser="lalr", strict=True, **options))
        data, memo = built[0].memo_serialize([TerminalDef, Rule])
        # what is given again at load (the transformer, the callbacks) is not data
        data["options"] = {k: v for k, v in data["options"].items() if k not in _LOAD_ALLOWED_OPTIONS}
        return {"data": data, "memo": memo}

    sources = (grammar, source_file("language/parse.py"), Path(lark_file))
    tables = cached(f"grammar-{kind}", sources, build)
    if built:
        return built[0]
    loaded = Lark._load_from_dict(tables["data"], tables["memo"],  # type: ignore[no-untyped-call]
                                  **{k: v for k, v in options.items() if k in _LOAD_ALLOWED_OPTIONS})
    return cast(Lark, loaded)


@cache
def parser() -> Lark:
    """The LALR parser that makes parse trees (for the formatter and error messages), built once per process."""
    return _lalr("tree", propagate_positions=True, lexer_callbacks={"COMMENT": _keep_comment})


@cache
def _building() -> tuple[Builder, _Driver]:
    """The AST built as the parser reduces (build.py): no parse tree, one pass, through the driver's tables."""
    builder = Builder()
    return builder, _Driver(_tables(), builder)


def _fallback() -> Lark:
    """lark's own parser over the same grammar and builder: what says where a syntax error is (_Stuck)."""
    return _fallback_for(_building()[0])


@cache
def _fallback_for(builder: Builder) -> Lark:
    """Made for the builder _building gives, so that a new one (its cache cleared) never leaves lark's parser sending
    its diagnostics to the old."""
    return _lalr("ast", keep_all_tokens=True, transformer=builder)


def _tables() -> dict[str, Any]:
    """What _Driver runs on, from lexdraft's verified cache (resources.cached): the parse table, lark's rules and
    terminals (its callbacks are made from them as lark makes them) and each state's lexer, its regexes as `re`
    compiles them (_Regex), made from lark's parser over the grammar. Loading lark's parser and compiling the
    lexers' regexes cost a one-file check a fifth of its time."""
    grammar = data_dir("grammar") / "lexdraft.lark"

    def build() -> dict[str, Any]:
        lark = Lark.open(str(grammar), parser="lalr", strict=True, keep_all_tokens=True)
        frontend = lark.parser
        table = frontend.parser.parser.parse_table
        number = {rule: i for i, rule in enumerate(lark.rules)}
        lexers: dict[int, int] = {}  # state -> its lexer's place in `made` (states share a lexer)
        made: list[tuple[Any, ...]] = []
        places: dict[int, int] = {}
        for state, lexer in frontend.lexer.lexers.items():
            if id(lexer) not in places:
                places[id(lexer)] = len(made)
                scanner = lexer.scanner  # compiled now, with the callbacks
                unless = {name: [_Regex.of(r) for r in f.scanner._mres] for name, f in lexer.callback.items()
                          if isinstance(f, UnlessCallback)}
                if len(unless) != len(lexer.callback):
                    raise TypeError("a lexer callback the driver cannot keep")  # lexer_callbacks: never given here
                made.append(([_Regex.of(r) for r in scanner._mres], unless, frozenset(lexer.ignore_types),
                             frozenset(lexer.newline_types)))
            lexers[state] = places[id(lexer)]
        (start,) = lark.options.start
        return {
            "actions": {state: {symbol: arg if action is Shift else (len(arg.expansion), number[arg], arg.origin.name)
                                for symbol, (action, arg) in row.items()} for state, row in table.states.items()},
            "rules": lark.rules, "terminals": lark.terminals, "placeholders": lark.options.maybe_placeholders,
            "start": table.start_states[start], "end": table.end_states[start], "lexers": lexers, "made": made,
        }

    return cached("grammar-driver", (grammar, source_file("language/parse.py"), Path(lark_file), Path(re.__file__)),
                  build)


class _Regex:
    """A compiled regex as it is kept: what `re` hands its compiler's last step (_sre.compile) for it, so that loading
    it compiles nothing again; the pattern alone where this Python's `re` works otherwise. Made only from a pattern
    `re` compiled, and checked equal to it (a Pattern compares by its compiled code)."""

    @staticmethod
    def of(regex: re.Pattern[str]) -> tuple[Any, ...]:
        try:
            import _sre
            from re import _compiler, _parser  # type: ignore[attr-defined]

            parsed = _parser.parse(regex.pattern, regex.flags)
            code = _compiler._code(parsed, regex.flags)
            names = parsed.state.groupdict
            index: list[str | None] = [None] * parsed.state.groups
            for name, i in names.items():
                index[i] = name
            kept = (regex.pattern, regex.flags | parsed.state.flags, array("I", code).tobytes(),
                    parsed.state.groups - 1, dict(names), tuple(index))
        except Exception:  # noqa: BLE001 -- another Python's internals: the pattern is compiled when loaded
            return (regex.pattern, regex.flags)
        same = _sre.CODESIZE == array("I").itemsize and _Regex.load(kept) == regex
        return kept if same else (regex.pattern, regex.flags)

    @staticmethod
    def load(kept: tuple[Any, ...]) -> re.Pattern[str]:
        if len(kept) == 6:
            import _sre

            pattern, flags, code, groups, names, index = kept
            return cast("re.Pattern[str]", _sre.compile(pattern, flags, array("I", code).tolist(), groups, names,
                                                        index))
        return re.compile(*kept)


class _Stuck(Exception):
    """The driver met what lark would report as a syntax error: lark parses the file again to say what."""


class _Unless:
    """lark's UnlessCallback: a token of a state's regex that is one of the keywords it folded in is retyped."""

    def __init__(self, regexes: list[re.Pattern[str]]) -> None:
        self.regexes = regexes

    def __call__(self, token: Token) -> Token:
        for regex in self.regexes:
            m = regex.fullmatch(token.value)
            if m:
                token.type = m.lastgroup  # type: ignore[assignment]
                break
        return token


class _Lexers(dict[int, tuple[Any, ...]]):
    """Per parser state: its lexer's regexes, the callbacks on terminals (a keyword read as a NAME is retyped), the
    terminals skipped and those that may hold a newline. Made for a state when a parse first reaches it: all of
    them at once cost a one-file check a tenth of its time."""

    def __init__(self, lexers: dict[int, int], made: list[tuple[Any, ...]]) -> None:
        super().__init__()
        self.of, self.made = lexers, made
        self.loaded: dict[int, tuple[Any, ...]] = {}

    def __missing__(self, state: int) -> tuple[Any, ...]:
        place = self.of[state]
        lexer = self.loaded.get(place)
        if lexer is None:
            regexes, unless, ignore, multiline = self.made[place]
            retype = {name: _Unless([_Regex.load(r) for r in kept]) for name, kept in unless.items()}
            lexer = self.loaded[place] = ([_Regex.load(r) for r in regexes], retype, ignore, multiline)
        self[state] = lexer
        return lexer


class _Actions(dict[int, dict[str, Any]]):
    """Per state and symbol: the state a shift goes to, or a reduction as its length, callback and rule name (a lark
    Rule hashes in Python: looking its callback up at every reduction was a tenth of the parse). Made for a state when
    a parse first reaches it: a one-file check reaches a fraction of them."""

    def __init__(self, rows: dict[int, dict[str, Any]], callbacks: list[Any]) -> None:
        super().__init__()
        self.rows, self.callbacks = rows, callbacks

    def __missing__(self, state: int) -> dict[str, Any]:
        made = self[state] = {symbol: arg if type(arg) is int else (arg[0], self.callbacks[arg[1]], arg[2])
                              for symbol, arg in self.rows[state].items()}
        return made


class _Driver:
    """lark's contextual lexer and LALR parser run as one loop over lark's own tables, scanners and callbacks.

    lark lexes a token through a generator and three calls, and feeds it through another: a third of the time of
    a parse. This loop makes the tokens lark makes, reduces as lark does and calls the callbacks lark would make for
    `builder` (from lark's rules, by lark's own code), so the AST is the same; at a syntax error it stops (_Stuck),
    and lark's own parse of the file gives the error.
    """

    def __init__(self, tables: dict[str, Any], builder: Builder) -> None:
        rules = tables["rules"]
        for rule in rules:  # a rule keeps its hash, which a new process computes afresh (lark does so on loading)
            rule._deserialize()
        callbacks = ParseTreeBuilder(rules, Tree, False, False, tables["placeholders"]).create_callback(builder)
        self.actions = _Actions(tables["actions"], [callbacks[rule] for rule in rules])
        self.on_token = _get_lexer_callbacks(builder, tables["terminals"])
        self.start, self.end = tables["start"], tables["end"]
        self.lexers = _Lexers(tables["lexers"], tables["made"])

    def parse(self, text: str) -> Any:
        actions, on_token, lexers, end = self.actions, self.on_token, self.lexers, self.end
        new = Token._future_new
        pos, line, line_start, size = 0, 1, 0, len(text)
        state_stack: list[int] = [self.start]
        value_stack: list[Any] = []
        last: Token | None = None
        while True:
            scanners, retype, ignore, multiline = lexers[state_stack[-1]]
            token = None
            while pos < size:
                for scanner in scanners:
                    m = scanner.match(text, pos)
                    if m:
                        break
                else:
                    raise _Stuck
                value, kind = m.group(0), m.lastgroup
                start, start_line, column = pos, line, pos - line_start + 1
                if kind in multiline:
                    newlines = value.count("\n")
                    if newlines:
                        line += newlines
                        line_start = pos + value.rindex("\n") + 1
                pos += len(value)
                if kind in ignore and kind not in retype:
                    continue
                token = new(kind, value, start, start_line, column, line, pos - line_start + 1, pos)
                if kind in retype:
                    token = retype[kind](token)
                if kind not in ignore:
                    break
                token = None
            at_end = token is None
            if token is None:
                token = Token.new_borrow_pos("$END", "", last) if last is not None else Token("$END", "", 0, 1, 1)
            last = token
            kind = token.type
            while True:
                try:
                    act = actions[state_stack[-1]][kind]
                except KeyError:
                    raise _Stuck from None
                if type(act) is int:
                    state_stack.append(act)
                    value_stack.append(on_token[kind](token) if kind in on_token else token)
                    break
                n, callback, name = act  # type: ignore[misc]
                children = value_stack[-n:] if n else []
                if n:
                    del state_stack[-n:], value_stack[-n:]
                reduced = callback(children)
                state = actions[state_stack[-1]][name]
                state_stack.append(state)  # type: ignore[arg-type]
                value_stack.append(reduced)
                if at_end and state == end:
                    return reduced


# The builder holds the file being built (lark binds callbacks once), so parses through it take turns.
_BUILDING = threading.Lock()


@dataclass(frozen=True)
class ParsedSource:
    """A file's AST with what the formatter needs to put its comments back: the parse tree and the comments."""

    draft: DraftFile
    tree: Tree[Token]
    comments: tuple[Token, ...]


# Curated syntax errors: each message with inputs that make the same mistake.
# lark's match_examples picks the message whose example fails in the same parser state.
SYNTAX_EXAMPLES: dict[tuple[str, str, str], list[str]] = {
    ("E101", "a provision needs an id such as prc.criminal-law.253-2",
     "write the jurisdiction, the instrument and the article, joined by dots"): [
        "provision {", "provision x {"],
    ("E101", "an interpretation needs an id such as prc.spc.dfii-interpretation",
     "write the jurisdiction, the issuer and a short name, joined by dots"): [
        "interpretation {", "interpretation x {"],
    ("E102", "expected a field such as `conduct`, `object`, `penalty` or a closing `}`",
     "every line of a provision starts with a field name; see docs/language.md"): [
        "provision a.b { foo", "provision a.b { conduct produce 3", "provision a.b { 3",
        "provision a.b { \"x\""],
    ("E103", "a threshold needs a comparison, a number and a unit, e.g. `views >= 1000 views`",
     "write the quantity, then >=, then the number, then its unit"): [
        "provision a.b { tier serious when any { views 1000",
        "provision a.b { tier serious when any { views >= 1000 }",
        "provision a.b { tier serious when any { views >= }",
        "provision a.b { tier serious when any { views => 1000 views }"],
    ("E104", "a list of terms is separated by commas",
     "put a comma between the terms"): [
        "provision a.b { conduct produce, }", "provision a.b { conduct , produce }"],
    # `|` joins the alternatives of an object attribute, a state of mind and a penalty; a field's list takes commas
    ("E104", "this list of terms is separated by commas, not |",
     ("write `recipients public, third-party`: `|` joins only an object attribute's values, `as-to` states and "
      "penalties")): [
        "provision a.b { recipients public | x", "provision a.b { conduct produce | x",
        "provision a.b { actors natural-person | x", "provision a.b { purpose profit | x"],
    ("E105", "text must follow a language tag: zh \"...\" or en \"...\"",
     "write zh \"中文\" en \"English\""): [
        "provision a.b { title \"x\"", "provision a.b { title }", "provision a.b { text }",
        "provision a.b { mental knowledge presumed rebuttable }", "provision a.b { mental knowledge rebuttable }"],
    ("E106", "a term of punishment needs its unit, e.g. `imprisonment <= 3 years`",
     "write years or months after the number"): [
        "provision a.b { penalty base imprisonment <= 3 }", "provision a.b { penalty base imprisonment <= 3 | x }",
        "provision a.b { penalty base imprisonment <= 3; fine optional }"],
    ("E106", "a penalty line names its tier, then the penalties, e.g. `base imprisonment <= 3 years`",
     "separate alternatives with | and add the fine after a ;"): [
        "provision a.b { penalty }", "provision a.b { penalty base }", "provision a.b { penalty base imprisonment <= }",
        "provision a.b { penalty base imprisonment; fine }",
        "provision a.b { penalty base imprisonment <= 3 years, fine optional }",
        "provision a.b { penalty base imprisonment, criminal-detention }"],
    ("E107", "a file holds `provision`, `interpretation` and `obligation` blocks only",
     "start each block with `provision ID {`, `interpretation ID {` or `obligation ID {`"): [
        "foo", "conduct produce", "\"x\"", "provision a.b { } }"],
    ("E112", "a range is written with two dots, e.g. `imprisonment 3..7 years`",
     "write the lower end, then .., then the upper end and its unit"): [
        "provision a.b { penalty base imprisonment 3-7 years }", "provision a.b { penalty base imprisonment 3 to 7 }",
        "provision a.b { penalty base imprisonment 3 years-7 years }"],
    ("E113", "a fine's cap needs its currency, e.g. `fine optional <= 50000 yuan`",
     "write the currency after the amount"): [
        "provision a.b { penalty base imprisonment; fine optional <= 5000 }",
        "provision a.b { penalty base imprisonment <= 3 years; fine optional <= 5000 }"],
}

_WORDS = {
    "ID": "an id such as prc.criminal-law.253-2", "NAME": "a vocabulary term", "INT": "a number",
    "STRING": "a quoted text", "BLOCK": "a quoted text", "$END": "the end of the file",
    "LANG": "a language tag (en, zh, fr …)",
}


# Where a field gives a token another meaning than _WORDS says.
_WORDS_IN_FIELD = {"implements": {"ID": "a treaty article such as uncc.16"}}


def _describe(expected: set[str], field: str | None = None) -> str:
    """The tokens the parser would accept, in a drafter's words; a field position is said as such."""
    literals = {t.name: t.pattern.value for t in parser().terminals if isinstance(t.pattern, PatternStr)}
    # Keywords such as `conduct` or `when`: where many are allowed with `}`, the line should start a field.
    keywords = {t for t in expected if literals.get(t, "").replace("-", "").isalpha()}
    tail: list[str] = []
    if "RBRACE" in expected and len(keywords) > 3:
        # (a language tag may follow a text too, but the line should start a field: LANG goes with the keywords)
        expected, tail = expected - keywords - {"RBRACE", "LANG"}, ["a field name", "a closing `}`"]
    if "LANG" in expected:  # any language: the tags lexdraft names itself are among them
        expected = expected - {"ZH", "EN", "ZH_HANT"}
    said = {**_WORDS, **_WORDS_IN_FIELD.get(field or "", {})}
    words = sorted({said.get(t) or f"`{literals.get(t, t.lower())}`" for t in expected}) + tail
    if len(words) > 8:
        return ", ".join(words[:8]) + " or another keyword"
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _position(e: UnexpectedInput) -> object:
    """The LALR state the parser stopped in (lark gives the whole parser state, or only its number)."""
    state = e.state
    return getattr(state, "position", state)


@cache
def _example_states() -> tuple[tuple[object, frozenset[str] | None, Token | None, tuple[str, str, str]], ...]:
    """Where each curated example stops the parser: (state, tokens accepted there, token found, message)."""
    out: list[tuple[object, frozenset[str] | None, Token | None, tuple[str, str, str]]] = []
    for label, examples in SYNTAX_EXAMPLES.items():
        for example in examples:
            try:
                parser().parse(example)
            except UnexpectedToken as ut:
                out.append((_position(ut), frozenset(ut.accepts or ()), ut.token, label))
            except UnexpectedInput as ui:
                out.append((_position(ui), None, None, label))
    return tuple(out)


def _curated(e: UnexpectedToken) -> tuple[str, str, str] | None:
    """The curated message whose example stops in the same parser state, preferring one with the same token.

    lark's match_examples also compares the depth of the parser's stack, so an example written as the first field of
    the first block would never match the same mistake further down a real file."""
    position, accepts = _position(e), frozenset(e.accepts or ())
    candidate = None
    for state, accepted, token, label in _example_states():
        if state != position or (accepted is not None and accepted != accepts):
            continue
        if token is not None and token == e.token:
            return label
        candidate = candidate or label
    return candidate


def _syntax_error(e: UnexpectedInput, path: str, text: str) -> Diagnostic:
    src = Source.of(path, text)
    line, col = max(e.line, 1) if e.line else 1, max(e.column, 1) if e.column else 1
    if isinstance(e, UnexpectedEOF) or (isinstance(e, UnexpectedToken) and e.token.type == "$END"):
        # The last line that holds anything, counted as the parser counts lines: at \n only.
        lines = text.rstrip("\n").split("\n")
        line, col = len(lines), len(lines[-1]) + 1
        blocks = src.open_blocks(len(text))
        hint = "add the missing `}`"
        if blocks:
            opened, _ = src.line_col(blocks[-1])
            kind = src.block_kind(blocks[-1])
            words = src.code[src.line_start(blocks[-1]):blocks[-1]].split()
            what = f"{words[0]} `{words[1]}`" if kind == "document" and len(words) > 1 else f"{kind} block"
            hint = f"add the `}}` that closes the {what} opened on line {opened}"
        return Diagnostic("E108", "the file ends before the block is closed", Span(path, line, col, line, col + 1),
                          (hint,))
    if isinstance(e, UnexpectedCharacters):
        pos = e.pos_in_stream or 0
        char = text[pos] if pos < len(text) else ""
        span = Span(path, line, col, line, col + 1)
        if char == '"' and text[pos - 2 : pos] == '""':
            # `"""` with no closing `"""` lexes as an empty "" followed by an unclosed quote.
            span = Span(path, line, max(col - 2, 1), line, col + 1)
            return Diagnostic("E109", 'a text opened with """ is not closed', span,
                              ('end the text with """ on a line of its own',))
        if char == '"':
            return Diagnostic("E109", "a quoted text is not closed on this line", span,
                              ('end it with " on the same line, or put a text of several lines between """ and """',))
        cause = earlier_cause(e, src, pos)
        if cause is not None:
            return cause
        allowed = set(e.allowed or ())
        expected = f"; expected {_describe(allowed)}" if allowed and len(allowed) <= 3 else ""
        return Diagnostic("E109", f"unexpected character {char!r}{expected}", span,
                          (character_hint(src, pos, allowed),))
    assert isinstance(e, UnexpectedToken)
    tok = e.token
    end_col = (tok.end_column or col + 1) if tok.end_line == tok.line else col + 1
    span = Span(path, line, col, line, end_col)
    pos = tok.start_pos if tok.start_pos is not None else 0
    cause = earlier_cause(e, src, pos)
    if cause is not None:
        return cause
    shown = str(tok) if tok.type != "$END" else "end of file"
    found = _curated(e)
    if found:
        code, message, hint = found
        close = did_you_mean(str(tok), FIELDS if code == "E102" else DOCUMENTS) \
            if code in ("E102", "E107") and str(tok).replace("-", "").isalpha() else None
        return Diagnostic(code, f"{message} (found {shown!r})", span, (close, hint) if close else (hint,))
    return Diagnostic("E100", f"unexpected {shown!r}; expected {_describe(set(e.expected), src.field_at(pos))}", span,
                      (form_hint(src, pos, set(e.expected)),))


def read_source(path: str) -> str:
    """The draft file's text; binary, oversized and non-UTF-8 files are invalid input."""
    return read_text(path, "draft")


def parse_text(text: str, path: str) -> DraftFile:
    """Parse one file's text; the first syntax error or any build error raises LexdraftError."""
    builder, driver = _building()
    with _BUILDING:
        builder.begin(path)
        try:
            # The start rule's callback gives the documents, not a tree.
            try:
                documents = cast("tuple[Document, ...]", driver.parse(text))
            except _Stuck:
                builder.begin(path)
                documents = cast("tuple[Document, ...]", _fallback().parse(text))
        except UnexpectedInput as e:
            failed: UnexpectedInput | None = e
        else:
            failed = None
        finally:
            diagnostics, too_deep = builder.end()
    if failed is not None:
        try:
            # The tree parser fails at the same token, in the parser states the curated examples are matched in.
            parser().parse(text)
        except UnexpectedInput as e:
            failed = e
        raise LexdraftError([_syntax_error(failed, path, text)]) from None
    if too_deep:
        raise LexdraftError([nesting_error(path, text)])
    if diagnostics:
        raise LexdraftError(diagnostics)
    return DraftFile(path, documents)


def parse_source(text: str, path: str) -> ParsedSource:
    """Parse one file's text keeping its parse tree and comments; errors as parse_text."""
    comments: list[Token] = []
    collecting = _COMMENTS.set(comments)
    try:
        tree = parser().parse(text)
    except UnexpectedInput as e:
        raise LexdraftError([_syntax_error(e, path, text)]) from None
    finally:
        _COMMENTS.reset(collecting)
    return ParsedSource(parse_text(text, path), tree, tuple(comments))


def parse_file(path: str) -> DraftFile:
    return parse_text(read_source(path), path)
