"""The text as amended (lexdraft.wording.consolidated) written out: plain text, Markdown or HTML through its
templates."""

from __future__ import annotations

from .. import escape
from ..wording.consolidated import ConsolidatedPage
from ..wording.environment import environment


def to_text(page: ConsolidatedPage) -> str:
    return environment().get_template("consolidated.txt.j2").render(page=page)


def to_markdown(page: ConsolidatedPage) -> str:
    return environment().get_template("consolidated.md.j2").render(page=page, md=escape.markdown_text)


def to_html(page: ConsolidatedPage) -> str:
    return environment().get_template("consolidated.html.j2").render(page=page)
