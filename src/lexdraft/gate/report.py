"""Present a gate result to people: plain text, and Markdown (a pull-request comment) or HTML with the bilingual
comparison table of the changed articles (修改前 / 修改后), rendered by the statute renderer."""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from .. import escape
from ..diagnostics import LexdraftError, format_all
from ..language.ast import Document
from ..pipeline import DraftSet
from ..wording.environment import environment
from ..wording.render import provisions_of, render
from . import decisions
from .compare import GateResult
from .decisions import RiskChange, Row
from .diff import Change, DocumentDiff

KIND = {"added": ("added", "新增"), "removed": ("removed", "删除"), "changed": ("changed", "修改")}
LANG = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class Line:
    text: str
    changed: bool  # not on the other side: marked in the table, as amendment tables mark what an amendment touches


@dataclass(frozen=True)
class Column:
    """One language of a changed document: its lines before and after (none where it did not exist)."""

    lang: str
    label: str
    old: tuple[Line, ...]
    new: tuple[Line, ...]


def compared(old: str, new: str) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """Both texts as lines, each marked where the other side does not have it (difflib's matching of lines)."""
    a, b = (old.split("\n") if old else []), (new.split("\n") if new else [])
    gone, came = set(range(len(a))), set(range(len(b)))
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        gone -= set(range(block.a, block.a + block.size))
        came -= set(range(block.b, block.b + block.size))
    return (tuple(Line(t, i in gone and bool(t.strip())) for i, t in enumerate(a)),
            tuple(Line(t, i in came and bool(t.strip())) for i, t in enumerate(b)))


@dataclass(frozen=True)
class Amendment:
    diff: DocumentDiff
    file: str
    kind: tuple[str, str]
    changes: tuple[Change, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Page:
    result: GateResult
    verdict: tuple[str, str]
    rows: tuple[Row, ...]
    unchanged: int
    amendments: tuple[Amendment, ...]
    warnings: tuple[str, ...]
    base_problems: str
    risks: tuple[RiskChange, ...]


def _text_of(doc: Document | None, drafts: DraftSet, lang: str) -> str:
    if doc is None:
        return ""
    try:
        return render(doc, lang, provisions_of([d for f in drafts.files for d in f.documents])).rstrip("\n")
    except LexdraftError as e:  # the table shows what cannot be worded instead of stopping the gate
        return "(" + str(e) + ")"


def page(result: GateResult) -> Page:
    """Everything the templates show, decided here."""
    amendments = []
    for d in result.documents:
        doc = d.new or d.old
        file = doc.span.file if doc is not None and doc.span is not None else ""
        columns = tuple(Column(lang, LANG[lang], *compared(_text_of(d.old, result.old, lang),
                                                           _text_of(d.new, result.new, lang)))
                        for lang in ("zh", "en"))
        amendments.append(Amendment(d, file, KIND[d.kind], d.changes, columns))
    if result.failed:
        verdict = ("FAILED", "未通过")
    else:
        verdict = ("passed", "通过")
    rows = decisions.rows(result)
    warnings = tuple(format_all([w]) for w in result.new_warnings)
    problems = format_all(result.base_problems, dict(result.base_sources)) if result.base_problems else ""
    return Page(result, verdict, tuple(rows), len(result.requirements) - len(rows), tuple(amendments), warnings,
                problems, tuple(decisions.risks(result)))


@dataclass(frozen=True)
class Marks:
    """How a format marks words inside the shared sentences of templates/gate.words.j2."""

    code: Callable[[str], str]
    strong: Callable[[str], str]
    text: Callable[[str], str]  # a value from a draft, a file name or the command line, escaped for the format


# Every untrusted value is escaped for where it stands (lexdraft.escape): in text nothing may act on a terminal or
# a CI log; in Markdown nothing may become markup, a link, a mention or a cell; in HTML, none may become a tag.
TEXT = Marks(escape.text, escape.text, escape.text)
MARKDOWN = Marks(escape.markdown_code, lambda s: f"**{escape.markdown_text(s)}**", escape.markdown_text)
HTML = Marks(lambda s: Markup("<code>{}</code>").format(escape.text(s)),
             lambda s: Markup("<strong>{}</strong>").format(escape.text(s)),
             Markup.escape)  # gate.words.j2 is no .html template: its macros are not autoescaped


def to_text(result: GateResult) -> str:
    """The report a person reads in a terminal or a CI log: English, then Chinese, line by line."""
    # what a draft says reaches a log: nothing in it may act on a terminal or start a workflow command
    return escape.lines(environment().get_template("gate.txt.j2").render(page=page(result), f=TEXT))


def to_markdown(result: GateResult) -> str:
    return environment().get_template("gate.md.j2").render(page=page(result), f=MARKDOWN, cell=markdown_cell,
                                                           cell_lines=markdown_lines, code=escape.markdown_code,
                                                           block=escape.markdown_block)


def to_html(result: GateResult) -> str:
    return environment().get_template("gate.html.j2").render(page=page(result), f=HTML)


def markdown_cell(text: str) -> str:
    """Text for one cell of a Markdown table: escaped (escape.markdown_text), lines joined with <br>."""
    return escape.markdown_text(text) or "—"


def markdown_lines(lines: tuple[Line, ...]) -> str:
    """A comparison cell: its lines joined with <br>, the changed ones in bold."""
    shown = (escape.markdown_text(x.text) for x in lines)
    return "<br>".join(f"**{t}**" if x.changed and t else t for t, x in zip(shown, lines, strict=True)) or "—"
