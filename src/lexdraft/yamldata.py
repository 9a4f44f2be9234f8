"""Safe YAML loading that keeps positions and rejects duplicate keys."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .ast import Span
from .diagnostics import LexdraftError, fail
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
    except yaml.MarkedYAMLError as e:
        raise _plain(path, text, e) from None
    if node is None:
        return None
    return _build(path, node)


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
        return fail("E301", "this quoted text runs on past the end of its line", Span(path, q_line, q_col, q_line, q_col + 1),
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


def _build(path: str, node: yaml.Node, constructor: yaml.SafeLoader | None = None) -> Any:
    import yaml

    c = constructor or yaml.SafeLoader("")  # one per document: making one per scalar cost more than the parse
    if isinstance(node, yaml.MappingNode):
        out = Mapping()
        out.span, out.key_spans = _span(path, node), {}
        for key_node, value_node in node.value:
            key = c.construct_scalar(key_node) if isinstance(key_node, yaml.ScalarNode) else None
            if not isinstance(key, str):
                raise fail("E302", "mapping keys must be plain words", _span(path, key_node))
            if key in out:
                raise fail("E302", f"duplicate key {key!r}", _span(path, key_node),
                           f"{key!r} is already given at line {out.key_spans[key].line}")
            out[key] = _build(path, value_node, c)
            out.key_spans[key] = _span(path, key_node)
        return out
    if isinstance(node, yaml.SequenceNode):
        seq = Sequence(_build(path, n, c) for n in node.value)
        seq.span = _span(path, node)
        return seq
    return c.construct_object(node)
