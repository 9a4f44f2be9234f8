"""A comparison table (lexdraft.wording.comparison) written out: plain text, Markdown or HTML through its templates."""

from __future__ import annotations

from collections.abc import Sequence

from .. import escape
from ..wording.comparison import ComparisonTable, Row
from ..wording.environment import environment

# How each column marks the words an amendment changes in plain text, as `git diff --word-diff` does (docs/language.md,
# "Comparison tables"): words in force it replaces or strikes out, and the words it puts in.
TEXT_MARKS = {"current": ("[-", "-]"), "amended": ("{+", "+}")}
# and in Markdown and HTML: struck out and inserted, which a browser shows struck through and underlined
HTML_MARKS = {"current": "del", "amended": "ins"}


def _text_lines(table: ComparisonTable, row: Row, column: int) -> list[str]:
    """One column's lines with its changed words between the plain-text marks."""
    opening, closing = TEXT_MARKS.get(table.columns[column], ("", ""))
    return ["".join(f"{opening}{words}{closing}" if changed else words for words, changed in line)
            for line in row.segments(column)]


def to_text(table: ComparisonTable) -> str:
    return environment().get_template("comparison.txt.j2").render(table=table, lines=_text_lines)


def _cell(lines: Sequence[str]) -> str:
    """One Markdown cell: each line escaped (no markup, link or cell break from a draft), joined with <br>."""
    return "<br>".join(escape.markdown_text(line) for line in lines) or "—"


def _marked_cell(table: ComparisonTable, row: Row, column: int) -> str:
    """One Markdown cell with its changed words in <del> or <ins>, every word of the draft escaped."""
    tag = HTML_MARKS.get(table.columns[column])
    lines = ["".join(f"<{tag}>{escape.markdown_text(words)}</{tag}>" if changed and tag else
                     escape.markdown_text(words) for words, changed in line) for line in row.segments(column)]
    return "<br>".join(lines) or "—"


def to_markdown(table: ComparisonTable) -> str:
    return environment().get_template("comparison.md.j2").render(table=table, cell=_cell, marked=_marked_cell)


def to_html(table: ComparisonTable) -> str:
    return environment().get_template("comparison.html.j2").render(table=table, marks=HTML_MARKS)
