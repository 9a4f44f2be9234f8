"""A comparison table (lexdraft.wording.comparison) written out: plain text, Markdown or HTML through its templates."""

from __future__ import annotations

from collections.abc import Sequence

from .. import escape
from ..wording.comparison import ComparisonTable
from ..wording.environment import environment


def to_text(table: ComparisonTable) -> str:
    return environment().get_template("comparison.txt.j2").render(table=table)


def _cell(lines: Sequence[str]) -> str:
    """One Markdown cell: each line escaped (no markup, link or cell break from a draft), joined with <br>."""
    return "<br>".join(escape.markdown_text(line) for line in lines) or "—"


def to_markdown(table: ComparisonTable) -> str:
    return environment().get_template("comparison.md.j2").render(table=table, cell=_cell)


def to_html(table: ComparisonTable) -> str:
    return environment().get_template("comparison.html.j2").render(table=table)
