"""Safe YAML loading that keeps positions and rejects duplicate keys."""

from __future__ import annotations

from typing import Any

import yaml

from .ast import Span
from .diagnostics import fail


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
    """Parse one YAML document; errors come out as located diagnostics (E301, E302)."""
    if text is None:
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except UnicodeDecodeError as e:
            raise fail("E003", "file is not valid UTF-8 text", Span(path, 1, 1, 1, 2),
                       f"save it as UTF-8 ({e.reason} at byte {e.start})") from None
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise fail("E301", f"invalid YAML: {e.problem or e.context}", Span(path, line, col, line, col + 1),
                   "check the indentation and quoting around this point") from None
    if node is None:
        return None
    return _build(path, node)


# libyaml composes the same nodes with the same marks an order of magnitude faster; its error messages differ.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    """The document's node tree; a document libyaml rejects is composed again in Python, for Python's message."""
    try:
        return yaml.compose(text, Loader=_FAST_LOADER)
    except yaml.YAMLError:
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _build(path: str, node: yaml.Node, constructor: yaml.SafeLoader | None = None) -> Any:
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
