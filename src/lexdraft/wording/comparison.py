"""The comparison table of an amendment: each article in force and as amended, side by side, in the form its pack
states (the PRC's 修改前 | 修改后; Taiwan's 修正條文 | 現行條文 | 說明), the explanation as the draft file writes it."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.amendments import code_of
from .boilerplate import words
from .citations import article_label, law_name, own_name
from .notes import treaty_notes
from .pages import obligation_page, office_heading, provision_page, rule_page
from .taiwan import taiwan_script

Amending = A.Provision | A.Obligation | A.Rule

# Lines of a Chinese statute that do not open a paragraph: a list's items (（一）…) and an article heading standing
# alone (第 39 條), as Taiwan's texts print it.
_ITEM = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]|^\d+\.")
_HEADING = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+(-[0-9]+)*\s*[条條](之\s*[0-9一二三四五六七八九十]+)?$")
# An article's own number before its first words (第三百六十六条 单位犯……; Article 366 Where …): the table labels it.
_NUMBERED = re.compile(r"^(第\s*[0-9〇一二三四五六七八九十百千]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?|"
                       r"Article \d+[A-Za-z-]*\.?)[\s\u3000]+")
# The paragraph marks of an English working gloss in force: ¶1 …
_MARK = re.compile(r"^¶\s*(\d+)\s*")


Spans = tuple[tuple[int, int], ...]  # the changed characters of one line: (start, end) offsets


@dataclass(frozen=True)
class Row:
    """One article: the lines of each column, in the pack's order of columns, and in each line the words the
    amendment changes (in the text in force: words it replaces or strikes out; as amended: words it puts in)."""

    cells: tuple[tuple[str, ...], ...]
    marks: tuple[tuple[Spans, ...], ...] = ()

    def segments(self, column: int) -> list[list[tuple[str, bool]]]:
        """Each line of one column as (words, changed) pieces, in order."""
        lines = self.cells[column]
        spans = self.marks[column] if self.marks else ((),) * len(lines)
        out = []
        for line, marked in zip(lines, spans, strict=True):
            pieces, at = [], 0
            for start, end in marked:
                if start > at:
                    pieces.append((line[at:start], False))
                pieces.append((line[start:end], True))
                at = end
            if at < len(line) or not pieces:
                pieces.append((line[at:], False))
            out.append(pieces)
        return out


@dataclass(frozen=True)
class ComparisonTable:
    """Everything a comparison table's writer prints: its title, its column headings, its rows."""

    title: str
    columns: tuple[str, ...]  # what each column holds: current, amended, explanation
    headings: tuple[str, ...]
    rows: tuple[Row, ...]
    lang: str
    jurisdiction: str
    script: str = "hans"
    # notes below the table: the Convention's words at their least certain that its English prints ("Treaty words: …")
    notes: tuple[str, ...] = ()

    @property
    def words(self) -> Mapping[str, str]:
        return words(self.lang, self.script)

    @property
    def html_lang(self) -> str:
        return "en" if self.lang == "en" else "zh-Hant" if self.script == "hant" else "zh-Hans"


def amendments_of(documents: Sequence[A.Document]) -> list[Amending | A.Amendment]:
    """What a comparison table compares in a draft file: its bills, else its amendments of articles."""
    bills = [d for d in documents if isinstance(d, A.Amendment)]
    if bills:
        return list(bills)
    return [d for d in documents if isinstance(d, Amending) and d.instrument is not None and d.instrument.operation]


def comparison_table(documents: Sequence[A.Document], context: Sequence[A.Document],
                     lang: str | None = None) -> ComparisonTable:
    """The comparison table of the amendments among `documents` (a file's), against the text in force `context`
    (every document loaded with them) holds; E411 where it cannot be made. Without `lang`, the table is written in
    the authentic language of its pack's statutes: it is a statute document laid before the legislature, not a
    report (docs/language.md, "Comparison tables")."""
    changes = amendments_of(documents)
    if not changes:
        where = documents[0].span if documents else None
        raise fail("E411", "nothing here amends an article: a comparison table compares an amendment with the text "
                   "in force", where, "render an amendment (`instrument amendment to \"…\" replacing article …`) or "
                   "a bill with --table")
    jurisdiction = jurisdiction_of(changes[0])
    pack = packs.pack(jurisdiction)
    form = pack.comparison if pack is not None else None
    if lang is None:
        lang = pack.languages[0].split("-")[0] if pack is not None and pack.languages else "en"
    labels = form.labels.get(lang) if form is not None else None
    if form is None or labels is None:
        raise fail("E411", f"the pack of {jurisdiction!r} gives no form for a comparison table in {lang!r}",
                   changes[0].span, "add `comparison: {columns: …, " + lang + ": {title: …}}` to the pack "
                   "(docs/language.md, \"Packs\")")
    hant = lang == "zh" and pack is not None and pack.script == "hant"
    in_force = texts_in_force(context)
    rows: list[Row] = []
    acts: list[str] = []
    # An article changed more than once is one row, as the table sets each article in force beside it as amended:
    # its changes made in order, each on the article as those before it left it; their explanations in that order.
    made: dict[str, tuple[int, list[list[str]], tuple[str, ...]]] = {}  # article -> (its row, as amended, explained)
    made_by: dict[str, list[A.Provision]] = {}  # article -> the provisions that make it (their objects' words)
    for change in changes:
        items = change.gathered if isinstance(change, A.Amendment) else (change,)
        for item in items:
            article = item.article if isinstance(item, A.Deletion) else item.instrument.article \
                if item.instrument is not None else None
            assert article is not None
            earlier = made.get(article)
            if isinstance(item, A.Provision):
                made_by.setdefault(article, []).append(item)
            if isinstance(item, A.Deletion):
                assert isinstance(change, A.Amendment) and change.amends is not None
                code = f"{jurisdiction}.{change.amends.name}"
                cells, after = _deleted(item, code, in_force, jurisdiction, lang, change,
                                        earlier[1] if earlier else None)
            else:
                cells, after = _changed(item, in_force, jurisdiction, lang, form, earlier[1] if earlier else None)
                name = _act(item, jurisdiction, lang)
                if name not in acts:
                    acts.append(name)
            explained = (earlier[2] if earlier else ()) + cells["explanation"]
            cells = {**cells, "explanation": explained}
            marks = _changes(cells["current"], cells["amended"], lang)
            row = Row(tuple(cells[c] for c in form.columns), tuple(marks.get(c, ((),) * len(cells[c]))
                                                                  for c in form.columns))
            if earlier:
                rows[earlier[0]] = row
            else:
                rows.append(row)
            made[article] = (earlier[0] if earlier else len(rows) - 1, after, explained)
    act = "、".join(acts) if lang == "zh" else " and ".join(acts)
    # the draft's own heading where the table is of one article (…第三十九條條文修正草案), else the pack's for several
    heading = office_heading(changes[0], lang) if len(rows) == 1 and isinstance(changes[0], A.Provision) else None
    title = labels["title"].format(act=act, draft=heading or labels.get("several", "{act}").format(act=act))
    headings = tuple(labels[c] for c in form.columns)
    notes = treaty_notes([(article_label(article, jurisdiction, lang), made_by.get(article, ()),
                           rows[at].cells[form.columns.index("amended")] if "amended" in form.columns else ())
                          for article, (at, _, _) in made.items()], lang, words(lang))
    if hant:
        rows = [Row(tuple(tuple(taiwan_script(x) for x in cell) for cell in r.cells), r.marks) for r in rows]
    return ComparisonTable(title, form.columns, headings, tuple(rows), lang, jurisdiction, "hant" if hant else "hans",
                           notes)


def _tokens(text: str, lang: str) -> list[str]:
    """What a change is counted in: each character of Chinese, each word, space or mark of English."""
    return list(text) if lang == "zh" else re.findall(r"\w+|\s+|[^\w\s]", text)


def _changes(current: Sequence[str], amended: Sequence[str], lang: str) -> dict[str, tuple[Spans, ...]]:
    """The words an amendment changes, line by line: in force, those it replaces or strikes out; as amended, those
    it puts in (difflib: lines first, each changed line set beside the line in force most like it, then by characters
    in Chinese and words in English). Nothing is marked where either side is empty: an inserted or deleted article
    is changed as a whole."""
    if not current or not amended:
        return {}
    import difflib

    marks: dict[str, list[list[tuple[int, int]]]] = {"current": [[] for _ in current],
                                                     "amended": [[] for _ in amended]}
    for op, a0, a1, b0, b1 in difflib.SequenceMatcher(None, current, amended, autojunk=False).get_opcodes():
        if op == "equal":
            continue
        left = list(range(a0, a1))
        for j in range(b0, b1):
            like = max(left, key=lambda i: difflib.SequenceMatcher(None, current[i], amended[j]).ratio(),
                       default=None)
            if like is None or difflib.SequenceMatcher(None, current[like], amended[j]).ratio() < 0.5:
                marks["amended"][j] = [(0, len(amended[j]))]  # a new line
                continue
            left.remove(like)
            old, new = _tokens(current[like], lang), _tokens(amended[j], lang)
            at = [[0], [0]]
            for i, ts in enumerate((old, new)):
                for t in ts:
                    at[i].append(at[i][-1] + len(t))
            for tag, x0, x1, y0, y1 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes():
                if tag != "equal":
                    if x1 > x0:
                        marks["current"][like].append((at[0][x0], at[0][x1]))
                    if y1 > y0:
                        marks["amended"][j].append((at[1][y0], at[1][y1]))
        for i in left:
            marks["current"][i] = [(0, len(current[i]))]  # a line struck out
    gap = 1 if lang == "zh" else 0
    return {"current": _per_line(current, marks["current"], gap), "amended": _per_line(amended, marks["amended"], gap)}


def _per_line(lines: Sequence[str], spans: Sequence[Sequence[tuple[int, int]]], gap: int) -> tuple[Spans, ...]:
    """Each line's changed spans: blank pieces dropped, two spans `gap` characters apart or less made one
    (第一項{+至第三+}項, not 第一項{+至+}第{+三+}項), and a line more than half changed marked whole (a rewritten
    gloss reads better so than as a patchwork)."""
    out: list[Spans] = []
    for line, own in zip(lines, spans, strict=True):
        merged: list[tuple[int, int]] = []
        for a, b in sorted(own):
            if not line[a:b].strip():
                continue
            if merged and a - merged[-1][1] <= gap:
                merged[-1] = (merged[-1][0], b)
            else:
                merged.append((a, b))
        if sum(b - a for a, b in merged) * 2 > len(line.strip()):
            merged = [(len(line) - len(line.lstrip()), len(line.rstrip()))]
        out.append(tuple(merged))
    return tuple(out)


def _act(doc: Amending, jurisdiction: str, lang: str) -> str:
    """The act an amendment changes, as the pack names it."""
    pack = packs.pack(jurisdiction)
    key = code_of(doc).split(".", 1)[1]
    act = pack.instruments.get(key) if pack is not None else None
    name = (act.labels.get(lang) or act.labels["en"]) if act is not None else law_name(doc, lang)
    return own_name(jurisdiction, name)


def jurisdiction_of(doc: A.Document) -> str:
    return doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]


def texts_in_force(context: Sequence[A.Document]) -> dict[str, Amending]:
    """The documents in force that quote an article's text, by code.article (prc.criminal-law.366)."""
    out: dict[str, Amending] = {}
    for doc in context:
        if isinstance(doc, Amending) and doc.status is not None and doc.status.name == "in-force" \
                and doc.text is not None:
            parts = doc.id.split(".")
            if len(parts) >= 3:
                out.setdefault(".".join(parts[:3]), doc)
    return out


def _text(doc: Amending, lang: str) -> str | None:
    assert doc.text is not None
    return (doc.text.zh or doc.text.zh_hant) if lang == "zh" else doc.text.en


def paragraphs(text: str) -> list[list[str]]:
    """An article's text as paragraphs of lines: a list item stays with the paragraph it belongs to; a bare heading
    and an English ¶ mark are dropped (the table labels the article itself)."""
    out: list[list[str]] = []
    for raw in text.strip("\n").split("\n"):
        line = raw.strip()
        if not line or _HEADING.match(line):
            continue
        if out and _ITEM.match(line):
            out[-1].append(line)
        else:
            out.append([_MARK.sub("", line) if out else _NUMBERED.sub("", _MARK.sub("", line))])
    return out


def _labelled(label: str, lang: str, paras: Sequence[Sequence[str]]) -> tuple[str, ...]:
    """The article's lines, its label before the first as a comparison table prints it: 第三百六十六条　单位犯……"""
    lines = [line for p in paras for line in p]
    if not lines:
        return ()
    space = words(lang)["space"]
    return (label + space + lines[0], *lines[1:])


def _changed(doc: Amending, in_force: dict[str, Amending], jurisdiction: str, lang: str,
             form: packs.ComparisonForm, made: list[list[str]] | None = None,
             ) -> tuple[dict[str, tuple[str, ...]], list[list[str]]]:
    """The row of one change, and the article's paragraphs once it is made: on the article as the changes before it
    left it (`made`), its paragraph numbered as the article then stands; the text in force beside it."""
    ins = doc.instrument
    assert ins is not None and ins.operation is not None and ins.article is not None
    page = provision_page(doc, lang) if isinstance(doc, A.Provision) else \
        rule_page(doc, lang) if isinstance(doc, A.Rule) else obligation_page(doc, lang)
    new = paragraphs("\n".join(page.lines))
    label = article_label(ins.article, jurisdiction, lang)
    current: list[list[str]] = []
    if ins.operation != "insert":
        known = in_force.get(f"{code_of(doc)}.{ins.article}")
        text = _text(known, lang) if known is not None else None
        if known is None or not text:
            missing = "is not among the drafts" if known is None else f"has no {lang} text in `{known.id}`"
            raise fail("E411", f"the text in force of article {ins.article}, which `{doc.id}` changes, {missing}",
                       ins.span, "read the drafts in force with it, e.g. `--with drafts/prc/in-force`: the table "
                       "sets the article as it stands beside the amended one")
        current = paragraphs(text)
    before = current if made is None else made
    after = new
    if ins.paragraph and ins.operation == "replace":
        if ins.paragraph > len(before):  # lint's E230 refuses it where the set quotes the article
            raise fail("E411", f"article {ins.article} has no paragraph {ins.paragraph} in force", ins.span,
                       f"replace one of its paragraphs 1-{len(before)}")
        after = before[:ins.paragraph - 1] + new + before[ins.paragraph:]
    elif ins.operation == "add-paragraph":  # as paragraph P: those from P on in force move down one
        after = before[:ins.paragraph - 1] + new + before[ins.paragraph - 1:] if ins.paragraph else before + new
    explanation = ()
    if doc.explanation is not None:
        value = doc.explanation.en if lang == "en" else doc.explanation.zh_hant or doc.explanation.zh
        if not value:
            raise fail("E405", f"the explanation of {doc.id} has no {lang} text", doc.explanation.span,
                       f"add `{lang} \"…\"` to the explanation")
        explanation = tuple(x.strip() for x in value.strip("\n").split("\n") if x.strip())
    elif "explanation" in form.columns and form.explanation_required:
        raise fail("E411", f"`{doc.id}` gives no explanation, which the pack of {jurisdiction!r} requires in its "
                   "comparison table", ins.span,
                   'write why the article changes as the drafters word it: `explanation zh-hant """一、……""" '
                   'en """1. …"""`; lexdraft never writes it')
    return {"current": _labelled(label, lang, current), "amended": _labelled(label, lang, after),
            "explanation": explanation}, after


def _deleted(item: A.Deletion, code: str, in_force: dict[str, Amending], jurisdiction: str, lang: str,
             bill: A.Amendment, made: list[list[str]] | None = None,
             ) -> tuple[dict[str, tuple[str, ...]], list[list[str]]]:
    """A bill's deletion: the article (or paragraph) in force, and nothing where it stood; a paragraph numbered as the
    changes before it (`made`) left the article."""
    known = in_force.get(f"{code}.{item.article}")
    text = _text(known, lang) if known is not None else None
    if not text:
        raise fail("E411", f"the text in force of article {item.article}, which `{bill.id}` deletes, is not among "
                   "the drafts", item.span, "read the drafts in force with it, e.g. `--with drafts/prc/in-force`")
    current = paragraphs(text)
    label = article_label(item.article, jurisdiction, lang)
    if item.paragraph:
        after = [list(p) for p in (current if made is None else made)]
        if item.paragraph > len(after):
            raise fail("E411", f"article {item.article} has no paragraph {item.paragraph} to delete", item.span,
                       f"delete one of its paragraphs 1-{len(after)}")
        del after[item.paragraph - 1]
        return {"current": _labelled(label, lang, current), "amended": _labelled(label, lang, after),
                "explanation": ()}, after
    return {"current": _labelled(label, lang, current), "amended": (), "explanation": ()}, []
