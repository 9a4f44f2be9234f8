"""The review page of a draft set and the bibliography, as Sphinx directives over the review's page model."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from typing import Any, ClassVar

from docutils import nodes
from docutils.parsers.rst import directives

from ..outputs.review import ArticlePage, ParagraphRow, ReviewPage, page
from ..pipeline import by_jurisdiction, review_drafts
from ..treaty.review import review_data
from ..treaty.spec import spec_path
from . import PipelineDirective, _articles, _para, _section


def _lang(argument: str | None) -> str:
    return str(directives.choice(argument or "en", ("en", "zh")))


def _items(texts: Iterable[str], tag: str) -> nodes.bullet_list:
    out = nodes.bullet_list()
    for t in texts:
        out += nodes.list_item("", _para(t, tag))
    return out


def _list_or(texts: tuple[str, ...], empty: str, tag: str) -> nodes.Node:
    return _items(texts, tag) if texts else _para(empty, tag)


class ReviewDirective(PipelineDirective):
    """``.. lexdraft:review:: PATH`` with ``:against: uncc.14 uncc.16`` and ``:lang: en|zh`` — the country review
    of the set, per jurisdiction and article, as `lexdraft review` writes it."""

    required_arguments = 1
    option_spec: ClassVar[dict[str, Callable[[str], Any]]] = {"against": directives.unchanged,
                                                              "with": directives.unchanged, "lang": _lang}

    def produce(self) -> list[nodes.Node]:
        articles = _articles(self.options.get("against"))
        lang = self.options.get("lang", "en")
        drafts, shown = self.load_drafts()
        for article in articles:
            self.env.note_dependency(os.path.abspath(spec_path(article)))
        shown_ids = {d.id for f in shown for d in f.documents}
        wanted = set(by_jurisdiction(p for p in drafts.provisions if p.id in shown_ids))
        return [self._review(page(r, lang)) for r in review_drafts(drafts, articles) if r.jurisdiction in wanted]

    def _review(self, p: ReviewPage) -> nodes.container:
        tag = "language-zh-CN" if p.lang == "zh" else "language-en"
        w = p.words
        out = nodes.container(classes=["lexdraft-review", tag])
        head = _para("", tag)
        head += nodes.strong(w["jurisdiction"] + ": ", w["jurisdiction"] + ": ")
        head += nodes.Text(p.jurisdiction)
        out += head
        if p.benchmark:
            note = nodes.note()
            note += _para(f"{w['benchmark']}: {p.benchmark}", tag)
            out += note
        for a in p.articles:
            out += self._article(a, p, tag)
        if p.sources:
            out += nodes.rubric("", w["sources"])
            out += _items(p.sources, tag)
        return out

    def _article(self, a: ArticlePage, p: ReviewPage, tag: str) -> nodes.section:
        w = p.words
        section = _section(f"lexdraft-review-{p.lang}-{a.article}-{p.code}", a.heading)
        for key, texts in (("scope", a.scope), ("provenance", a.provenance)):
            section += nodes.rubric("", w[key])
            section += _items(texts, tag)
        section += nodes.rubric("", w["measures"])
        measures = nodes.bullet_list()
        for m in a.measures:
            item = nodes.paragraph(classes=[tag])
            item += nodes.strong(m.citation, m.citation)
            item += nodes.Text(" " + m.bears if p.lang == "en" else m.bears)
            if m.quote:
                item += nodes.Text(f": “{m.quote}”" + (f" ({m.note})" if m.note else ""))
            measures += nodes.list_item("", item)
        section += measures if a.measures else _para(w["none"], tag)
        section += nodes.rubric("", w["verdicts"])
        section += self._table(a.paragraphs, w, tag)
        for row in a.paragraphs:
            section += nodes.rubric("", f"{row.paragraph}: {row.verdict}")
            quote = nodes.block_quote()
            quote += _para(f"{w['text']}{' [' + row.marks + ']' if row.marks else ''}: {row.text}", "language-en")
            if row.gist:
                quote += _para(f"{w['gist']}: {row.gist}", tag)
            section += quote
            section += _items(row.observations, tag)
            if row.counterexample:
                said = _para("", tag)
                said += nodes.strong(w["counterexample"] + ": ", w["counterexample"] + ": ")
                said += nodes.Text(row.counterexample)
                section += said
            if row.amendment is not None:
                said = _para("", tag)
                said += nodes.strong(w["amendment"] + ": ", w["amendment"] + ": ")
                said += nodes.Text(row.amendment.what)
                section += said
                section += nodes.literal_block(row.amendment.text, row.amendment.text,
                                               classes=["lexdraft-amendment", tag])
                section += _para(row.amendment.verified, tag)
        section += nodes.rubric("", w["beyond"])
        section += _list_or(a.beyond, w["no_beyond"], tag)
        section += nodes.rubric("", w["practices"])
        section += _list_or(a.practices, w["no_practices"], tag)
        section += nodes.rubric("", w["challenges"])
        section += _list_or(a.challenges, w["no_challenges"], tag)
        section += nodes.rubric("", w["recommendations"])
        section += _list_or(tuple(f"{r.paragraph}: {r.recommendation}" for r in a.recommendations),
                            a.no_recommendations, tag)
        for key, rows, texts in (("declaration", a.declarations, lambda r: (r.declaration,)),
                                 ("reviewer", a.reviewer, lambda r: r.reviewer),  # each statement apart
                                 ("decided", a.decided, lambda r: (f"{r.verdict}. {r.observations[-1]}",))):
            if rows:
                section += nodes.rubric("", w[key])
                section += _items((f"{r.paragraph}: {t}" for r in rows for t in texts(r)), tag)
        result = _para("", "lexdraft-result", tag)
        result += nodes.strong(w["summary"] + ": ", w["summary"] + ": ")
        result += nodes.Text(a.result)
        section += result
        return section

    @staticmethod
    def _table(rows: tuple[ParagraphRow, ...], w: dict[str, str], tag: str) -> nodes.table:
        """The verdicts at a glance: paragraph, force, verdict, the provisions that carry it."""
        table = nodes.table(classes=["lexdraft-report", "lexdraft-review"])
        group = nodes.tgroup(cols=4)
        table += group
        for width in (15, 15, 20, 50):
            group += nodes.colspec(colwidth=width)
        head = nodes.row()
        for h in (w["paragraph"], w["force"], w["verdict"], w["by"]):
            head += nodes.entry("", _para(h, tag))
        group += nodes.thead("", head)
        body = nodes.tbody()
        for r in rows:
            row = nodes.row(classes=[f"verdict-{r.state}"])
            for text, classes in ((r.paragraph, []), (r.force, []), (r.verdict, ["lexdraft-verdict"]),
                                  (r.by or "—", [])):
                row += nodes.entry("", _para(text, tag), classes=classes)
            body += row
        group += body
        return table


class BibliographyDirective(PipelineDirective):
    """``.. lexdraft:bibliography::`` — the papers lexdraft's specs, drafts and reviews cite, by authors and title."""

    def produce(self) -> list[nodes.Node]:
        out = nodes.enumerated_list(classes=["lexdraft-bibliography"])
        for s in review_data().sources:
            out += nodes.list_item("", _para(s.full))
        return [out]
