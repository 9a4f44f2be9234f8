"""Safe YAML loading that keeps positions and rejects duplicate keys."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

from . import escape
from .diagnostics import LexdraftError, Span, fail
from .source import read_text

if TYPE_CHECKING:
    import yaml  # imported when a file is read: a cached spec or vocabulary needs only the classes below


class Mapping(dict):  # type: ignore[type-arg]
    """A YAML mapping that remembers where it and each of its keys stand."""

    span: Span
    key_spans: dict[str, Span]


class Sequence(list):  # type: ignore[type-arg]
    span: Span


def _span(file: str, node: yaml.Node) -> Span:
    s, e = node.start_mark, node.end_mark
    return Span(file, s.line + 1, s.column + 1, e.line + 1, e.column + 1)


def load(path: str, text: str | None = None) -> Any:
    """Parse one YAML document; errors come out as located diagnostics (E001-E003, E301, E302)."""
    import yaml

    if text is None:
        text = read_text(path, "spec")
    try:
        node = _compose(text)
        if node is None:
            return None
        return _build(path, node)
    except yaml.MarkedYAMLError as e:  # an unknown tag's ConstructorError too
        raise _plain(path, text, e) from None
    except RecursionError:
        raise fail("E302", f"nested more than {MAX_DEPTH} levels deep", Span(path, 1, 1, 1, 2),
                   "a spec nests a few levels: check the indentation and the brackets") from None


# PyYAML's problems, said in a spec author's words: (words in the problem, message, hint).
_PROBLEMS = (
    ("'\\t'", "a tab character cannot indent YAML", "indent with spaces"),
    ("block end", "this line does not fit the indentation around it",
     "the keys of one mapping start at the same column; a nested mapping starts on its own line, further in"),
    ("mapping values are not allowed", "a colon here starts a mapping where a plain value was expected",
     "quote a text that holds `: `, or move the nested mapping to its own line, further in"),
)


def _plain(path: str, text: str, e: yaml.MarkedYAMLError) -> LexdraftError:
    """E301 at the mistake: a quotation mark left open is reported where it opens, not where YAML gave up."""
    mark = e.problem_mark or e.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    opened = _open_quote(text, line)
    if opened:
        q_line, q_col = opened
        return fail("E301", "this quoted text runs on past the end of its line",
                    Span(path, q_line, q_col, q_line, q_col + 1),
                    f"YAML read on to line {line} looking for the closing quotation mark: close it on this line")
    problem = str(e.problem or e.context)
    if "end of stream" in problem and e.context_mark and "quoted" in str(e.context):
        line, col = e.context_mark.line + 1, e.context_mark.column + 1
        return fail("E301", "this quotation mark is never closed", Span(path, line, col, line, col + 1),
                    "close the quoted text on the line where it starts")
    for words, message, hint in _PROBLEMS:
        if words in problem:
            return fail("E301", message, Span(path, line, col, line, col + 1), hint)
    return fail("E301", f"invalid YAML: {problem}", Span(path, line, col, line, col + 1),
                "check the indentation and quoting around this point")


def _open_quote(text: str, error_line: int) -> tuple[int, int] | None:
    """(line, column) of a quoted text that runs over lines and ends where YAML failed: a quotation mark left open."""
    import yaml

    found = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if isinstance(token, yaml.ScalarToken) and token.style in ("'", '"') \
                    and token.start_mark.line < token.end_mark.line == error_line - 1:
                found = (token.start_mark.line + 1, token.start_mark.column + 1)
    except yaml.YAMLError:
        pass  # the tokens up to the error are what we look at
    return found


def _compose(text: str) -> yaml.Node | None:
    """The document's node tree; a document libyaml rejects is composed again in Python, for Python's message."""
    import yaml

    # libyaml composes the same nodes with the same marks an order of magnitude faster; its error messages differ.
    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


_CORE = "tag:yaml.org,2002:"
_SCALARS = {_CORE + t for t in ("str", "int", "float", "bool", "null")}


def _build(path: str, node: yaml.Node) -> Any:
    """Plain data with spans: texts, numbers, booleans, lists and mappings. A node that aliases repeat is built once
    and shared, but what it expands to counts (the schema's validator follows every alias: a few can name billions
    of values); an alias inside the node it names, a tag, a date or binary data is a mistake, said at its place."""
    import yaml

    c = yaml.SafeLoader("")  # one per document: making one per scalar cost more than the parse
    built: dict[int, tuple[Any, int]] = {}  # node id -> (value, values it expands to)

    def build(node: yaml.Node, within: tuple[int, ...]) -> tuple[Any, int]:
        if id(node) in within:
            raise fail("E302", "an alias (`*name`) inside the node it names", _span(path, node),
                       "a node cannot hold itself: write the inner value out")
        if id(node) in built:
            return built[id(node)]
        if len(within) > MAX_DEPTH:
            raise fail("E302", f"nested more than {MAX_DEPTH} levels deep", _span(path, node),
                       "a spec nests a few levels: check the indentation")
        inside = (*within, id(node))
        value: Any
        size = 1
        if isinstance(node, yaml.MappingNode):
            _plain_tag(path, node, _CORE + "map")
            value = Mapping()
            value.span, value.key_spans = _span(path, node), {}
            for key_node, value_node in node.value:
                key = c.construct_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
                if not isinstance(key, str):
                    raise fail("E302", "mapping keys must be plain words", _span(path, key_node),
                               "write the key as a word, e.g. `paragraph:`")
                _displayable(path, key_node, key)
                if key in value:
                    raise fail("E302", f"duplicate key {key!r}", _span(path, key_node),
                               f"{key!r} is already given at line {value.key_spans[key].line}")
                value[key], n = build(value_node, inside)
                value.key_spans[key] = _span(path, key_node)
                size += n
        elif isinstance(node, yaml.SequenceNode):
            _plain_tag(path, node, _CORE + "seq")
            items = [build(n, inside) for n in node.value]
            value = Sequence(v for v, _ in items)
            value.span = _span(path, node)
            size += sum(n for _, n in items)
        else:
            if node.tag not in _SCALARS:
                _plain_tag(path, node, _CORE + "str")
            value = c.construct_object(node)
            if isinstance(value, str):
                _displayable(path, node, value)
        if size > MAX_VALUES:
            raise fail("E302", f"aliases here expand to more than {MAX_VALUES:,} values", _span(path, node),
                       "a spec holds a few thousand values: write out what the aliases repeat, once")
        built[id(node)] = value, size
        return value, size

    return build(node, ())[0]


MAX_DEPTH = 50
MAX_VALUES = 100_000  # the shipped specs expand to a few thousand


# What a quoted YAML text may not hold once its escapes are read (`"\\e[2J"`, `"\\u202e"`, `"\\ud800"`), though the
# file's own characters passed source.py: a control, a bidi control, or a lone surrogate, which no output can encode.
_HIDDEN = re.compile(f"{escape.FORBIDDEN.pattern}|[\ud800-\udfff]")


def _displayable(path: str, node: yaml.Node, value: str) -> None:
    """A text lexdraft may show: what the file's characters must be (source.py: E005, E006) holds for its escapes."""
    found = _HIDDEN.search(value)
    if found:
        c = found.group()
        shown = f"\\u{ord(c):04x} (a lone surrogate)" if "\ud800" <= c <= "\udfff" else escape.text(c)
        raise fail("E005", f"{shown} in a quoted text, written as an escape", _span(path, node),
                   "delete the escape: terminals and logs act on control characters, bidi controls make a line read "
                   "otherwise than it is stored, and a lone surrogate is no character")
    if escape.WORKFLOW_COMMAND.search(value):
        raise fail("E006", "a text with a line starting with `::`: a CI log reads such a line as a workflow command",
                   _span(path, node), "start the line otherwise")


def _plain_tag(path: str, node: yaml.Node, expected: str) -> None:
    if node.tag != expected:
        what = node.tag.removeprefix(_CORE)
        raise fail("E302", f"a `{what}` value is not used in specs", _span(path, node),
                   "quote the value to make it a text, and leave out `!` tags")
