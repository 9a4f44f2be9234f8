"""Cite the seed papers as a reader sees them: authors and title in place of the file names drafts and specs use."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.ast import Text
from ..resources import cached, data_dir, source_file

# The papers' citations are data, beside the review's other words (the seeds' INDEX.md, "How to cite them"): drafts
# and specs may name a paper by its file name and section, as a maintainer finds it; a reader never sees that name.
PAPERS = "common/review.yaml"  # in the conformance folder, under `sources:`
FILE_NAME = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")


@dataclass(frozen=True)
class Source:
    """A paper the specs and drafts cite by its file name, as a reader sees it cited: authors and title."""

    file: str
    short: Text
    full: str


def bilingual_text(m: Any, where: str, path: str) -> Text:
    """An `en:`/`zh:` mapping of a data file as a Text, its whitespace folded; anything else is a located E303."""
    if not isinstance(m, dict) or not {"en", "zh"} <= set(m):
        span = getattr(m, "span", None) or Span(path, 1, 1, 1, 2)
        raise LexdraftError([Diagnostic("E303", f"{where} must give `en:` and `zh:`", span,
                                        ("see the comments at the top of the file",))])
    if stray := sorted(str(k) for k in m if k not in ("en", "zh")):
        # `{en: a, b, zh: c}` is the text "a" and a key "b": the words after the comma are lost without a trace
        span = getattr(m, "span", None) or Span(path, 1, 1, 1, 2)
        raise LexdraftError([Diagnostic("E303", f"{where} gives `{stray[0]}` beside `en:` and `zh:`", span,
                                        ("a comma in an unquoted text ends it: quote the text ('…, …')",))])
    return Text(zh=" ".join(str(m["zh"]).split()), en=" ".join(str(m["en"]).split()))


def read_sources(data: Any, path: str) -> tuple[Source, ...]:
    """The `sources:` of the review's data file, each with its short citation in both languages and its full one."""
    return tuple(Source(str(s["file"]), bilingual_text(s["short"], f"source {s['file']}", path),
                        " ".join(str(s["full"]).split())) for s in data.get("sources") or ())


def _load(path: str) -> tuple[Source, ...]:
    from .. import yamldata

    data = yamldata.load(path)
    if not isinstance(data, yamldata.Mapping):
        raise LexdraftError([Diagnostic("E303", "the review data file must be a mapping", Span(path, 1, 1, 1, 2),
                                        ("it holds sources, acts, limits, provenance and practices",))])
    return read_sources(data, path)


@cache
def sources() -> tuple[Source, ...]:
    """The papers, read once and then from the cache until the data file (or the code reading it) changes."""
    path = data_dir("conformance") / PAPERS
    code = ("treaty/papers.py", "yamldata.py", "language/ast.py", "diagnostics.py")
    return cached("papers", (path, *map(source_file, code)), lambda: _load(str(path)))


@cache
def _by_file() -> dict[str, Source]:
    return {s.file: s for s in sources()}


def cite(text: str, lang: str) -> str:
    """The text with each paper's file name replaced by its authors and title, in `lang`; a file name the data does
    not know stays, so that a test finds it rather than a reader losing the citation."""
    if ".txt" not in text or not FILE_NAME.search(text):
        return text  # most text names no paper: the data is not even read

    def one(m: re.Match[str]) -> str:
        s = _by_file().get(m.group(0))
        return m.group(0) if s is None else ((s.short.zh if lang == "zh" else s.short.en) or s.file)

    return FILE_NAME.sub(one, text)


def cite_text(t: Text) -> Text:
    """A two-language text with each language's citations: what a note or a reason says to its reader."""
    zh, en = (cite(t.zh, "zh") if t.zh else t.zh), (cite(t.en, "en") if t.en else t.en)
    hant = cite(t.zh_hant, "zh") if t.zh_hant else t.zh_hant
    if (zh, en, hant) == (t.zh, t.en, t.zh_hant):
        return t
    return Text(zh=zh, en=en, zh_hant=hant, other=t.other, span=t.span)
