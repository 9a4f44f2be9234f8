"""Print a draft's text in canonical layout (`lexdraft fmt`), keeping its comments: the printer plus comments.

printer.format_draft prints an AST, which has no comments. format_source prints a file's text and puts each of
its comments back, by position, with its text from `#` on unchanged:

- A comment on a line of its own goes immediately before the line, in the formatted draft, of the next
  thing after it in its block that begins a line: a document, field, object attribute, threshold,
  circumstance or nested `any`/`all`, penalty line, or language of a text. It moves with that line when
  fields are put in canonical order.
- With nothing after it in its block, it stays at the end of the block, before the closing `}` (before the
  block's line if it prints on one, as `any {}`); with nothing after it in the file, at the end of the file.
- A comment after code moves onto a line of its own before that code: before the formatted line of the
  document, field, attribute, threshold, penalty line or language its line starts in; on a line that starts
  with a closing `}`, to the end of that `}`'s block.
- Comments take the indentation of the line they precede; at the end of a block, of the block's contents;
  at the end of the file, none.
- A blank line between two comments, between a comment and the line it precedes, or before the comments
  at the end of the file is kept, as one; other blank lines are the layout's.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lark import Token, Tree

from .parse import parse_source, parser
from .printer import INDENT, format_draft


def format_source(text: str, path: str) -> str:
    """A file's text in canonical layout with its comments kept; syntax errors raise LexdraftError."""
    parsed = parse_source(text, path)
    printed = format_draft(parsed.draft)
    if not parsed.comments:
        return printed
    return _with_comments(printed, _place(text, parsed.tree, parsed.comments))


# comments ------------------------------------------------------------------------
_Key = tuple[tuple[str, int], ...]

_BLOCKS = frozenset({"provision", "interpretation", "obligation", "object", "condition"})
# In canonical layout the children of these begin lines: documents, fields, attributes, items, penalty lines.
_LINE_PARENTS = frozenset({"start", "provision", "interpretation", "obligation", "object", "condition", "penalty"})


@dataclass(frozen=True)
class _Node:
    """A rule matched in a parse tree, keyed by its path so that it can be found again in the formatted text."""

    key: _Key
    start: int  # offsets in the text, end exclusive
    end: int
    line: int
    end_line: int
    begins_line: bool
    block: bool


@dataclass(frozen=True)
class _Placed:
    """Where a comment goes: before the line of node `key`, at the end of block `key`, or at the end of file."""

    where: Literal["before", "end", "file"]
    key: _Key
    comment: Token
    gap_before: bool  # a blank line above it in the source
    gap_after: bool  # a blank line below it


def _nodes(tree: Tree[Token]) -> list[_Node]:
    """Every rule match below the root; a step of the key is the rule and its count among same-named siblings."""
    out: list[_Node] = []
    stack: list[tuple[Tree[Token], _Key]] = [(tree, ())]
    while stack:
        parent, key = stack.pop()
        seen: dict[str, int] = {}
        for child in parent.children:
            if not isinstance(child, Tree):
                continue
            label = str(child.data)
            if label == "lang_text":
                # The printer puts a text's languages in a fixed order, so a language is known by its tag.
                label += f" {child.children[0]}"
            seen[label] = seen.get(label, -1) + 1
            child_key = (*key, (label, seen[label]))
            m = child.meta
            out.append(_Node(child_key, m.start_pos, m.end_pos, m.line, m.end_line,
                             str(parent.data) in _LINE_PARENTS or label.startswith("lang_text"),
                             label in _BLOCKS))
            stack.append((child, child_key))
    return out


def _place(text: str, tree: Tree[Token], comments: Sequence[Token]) -> list[_Placed]:
    """Each comment's place, by the rules of the module docstring."""
    nodes = _nodes(tree)
    anchors = sorted((n for n in nodes if n.begins_line), key=lambda n: (n.start, len(n.key)))
    anchor_starts = [n.start for n in anchors]
    blocks = sorted((n for n in nodes if n.block), key=lambda n: n.start)
    closed_by = {n.end - 1: n for n in blocks}  # the offset of each block's `}`
    lines = text.split("\n")
    placed: list[_Placed] = []
    open_blocks: list[_Node] = []  # the blocks around the comment, outermost first
    next_block = 0
    for c in sorted(comments, key=lambda t: t.start_pos or 0):
        pos, line, column = c.start_pos or 0, c.line or 1, c.column or 1
        while next_block < len(blocks) and blocks[next_block].start < pos:
            while open_blocks and open_blocks[-1].end <= blocks[next_block].start:
                open_blocks.pop()
            open_blocks.append(blocks[next_block])
            next_block += 1
        while open_blocks and open_blocks[-1].end <= pos:
            open_blocks.pop()
        before = lines[line - 1][: column - 1]
        own_line = not before.strip()
        gap_before = own_line and line > 1 and not lines[line - 2].strip()
        gap_after = own_line and line < len(lines) and not lines[line].strip()
        where: Literal["before", "end", "file"] = "file"
        key: _Key = ()
        if not own_line:
            first = pos - len(before.lstrip())  # where the code on the comment's line begins
            if first in closed_by:
                where, key = "end", closed_by[first].key
            else:
                i = bisect_right(anchor_starts, first) - 1
                while i >= 0 and anchors[i].end <= first:
                    i -= 1  # skip earlier lines' matches that end before this line, to the one around it
                if i >= 0:
                    where, key = "before", anchors[i].key
        if where == "file":
            inside = open_blocks[-1] if open_blocks else None
            i = bisect_right(anchor_starts, pos)
            if i < len(anchors) and (inside is None or anchors[i].start < inside.end):
                where, key = "before", anchors[i].key
            elif inside is not None:
                where, key = "end", inside.key
        placed.append(_Placed(where, key, c, gap_before, gap_after))
    return placed


def _with_comments(printed: str, placed: list[_Placed]) -> str:
    """The printed draft with each placed comment inserted as a line of its own."""
    found = {n.key: n for n in _nodes(parser().parse(printed))}
    body = printed.split("\n")[:-1]  # the printed draft ends in a newline, or is empty
    inserts: dict[int, list[tuple[str, _Placed]]] = {}
    at_end: list[_Placed] = []
    for p in placed:
        key = p.key
        while key and key not in found:
            # The printer keeps every rule the comments are placed by; should one be missing, use the enclosing one.
            key = key[:-1]
        if p.where == "file" or not key:
            at_end.append(p)
            continue
        node = found[key]
        index = node.line - 1
        extra = ""
        if p.where == "end" and node.end_line > node.line:
            index, extra = node.end_line - 1, INDENT  # before the `}`, indented as the block's contents
        line = body[index]
        inserts.setdefault(index, []).append((line[: len(line) - len(line.lstrip())] + extra, p))
    out: list[str] = []
    for index, line in enumerate(body):
        group = sorted(inserts.get(index, ()), key=lambda item: item[1].comment.start_pos or 0)
        for n, (indent, p) in enumerate(group):
            if n and (p.gap_before or group[n - 1][1].gap_after):
                out.append("")
            out.append(indent + p.comment.value)
        if group and group[-1][1].where == "before" and group[-1][1].gap_after:
            out.append("")
        out.append(line)
    for n, p in enumerate(at_end):
        if (p.gap_before and out) or (n and at_end[n - 1].gap_after):
            out.append("")
        out.append(p.comment.value)
    return "\n".join(out) + "\n" if out else ""
