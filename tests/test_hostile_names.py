"""Hostile file names on the documentation site: a draft's downloads (Word, Akoma Ntoso) are named by its path, and
a name holding what a URL reads otherwise (`#` a fragment, `?` a query, `%` an escape, a blank, quotes, `<>`) still
links the very file written, never another address, and puts no markup into the page."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from test_control_characters import DRAFT

pytest_plugins = ("sphinx.testing.fixtures",)
ROOT = Path(__file__).resolve().parent.parent
NAMES = ["a#b.lexd", "a?b=1.lexd", "a%41b.lexd", "a b.lexd", "a\"b'<i>c.lexd", "a&amp;b.lexd", "a;b:c.lexd"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


@pytest.mark.sphinx("html", testroot="lexdraft", freshenv=True)
def test_every_download_links_the_file_written_whatever_its_name(app: Any, warning: Any) -> None:
    drafts = Path(app.srcdir) / "drafts"
    drafts.mkdir(exist_ok=True)
    (Path(app.srcdir) / "context").mkdir(exist_ok=True)
    for n, name in enumerate(NAMES):
        text = DRAFT.format(zh="", en="").replace("253-3 after 253-2", f"{400 + n}-1 after {400 + n}")
        (drafts / name).write_text(text.replace("253-3", f"{400 + n}-1"), encoding="utf-8")
    app.build()
    assert "error[" not in warning.getvalue(), warning.getvalue()
    page = Path(app.outdir) / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<i>" not in html  # a name's markup is text
    links = re.findall(r'<a class="lexdraft-download reference external" href="([^"]+)">', html)
    assert len(links) == 4 * len(NAMES), links  # Word and Akoma Ntoso, in Chinese and in English, for each
    for href in links:
        parts = urlsplit(html_unescape(href))
        assert not parts.scheme and not parts.query and not parts.fragment, href  # the whole name is the path
        target = (page.parent / unquote(parts.path)).resolve()
        assert target.is_file(), href
        assert target.is_relative_to(Path(app.outdir).resolve())
    written = {p.name for p in (Path(app.outdir) / "_downloads" / "lexdraft").iterdir()}
    for name in NAMES:
        assert f"drafts__{name[:-5]}.en.docx" in written, name
