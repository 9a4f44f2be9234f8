"""The Jinja environment for statute and gate templates: strict, escaping markup only."""

from __future__ import annotations

from functools import cache

import jinja2

from ..resources import data_dir


def escapes(template_name: str | None) -> bool:
    """Autoescape markup templates (`*.html.j2`, `*.xml.j2`); statute text templates stay plain text."""
    return template_name is not None and any(f".{ext}" in template_name for ext in ("html", "xml", "svg"))


@cache
def environment() -> jinja2.Environment:
    """The template environment, built once: strict about undefined names, escaping markup only."""
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(data_dir("templates"))),
        undefined=jinja2.StrictUndefined, keep_trailing_newline=True, autoescape=escapes,
        trim_blocks=True, lstrip_blocks=True)
