"""Present a country review: one page model per language (every citation and word decided here), rendered by the
text, Markdown and HTML templates, and a JSON form with both languages."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup

from .. import __version__, escape, packs
from ..diagnostics import LexdraftError
from ..language.ast import Amendment as Bill
from ..language.ast import Document, Interpretation, Provision, Text
from ..language.vocabulary import vocabulary
from ..treaty import acts
from ..treaty.amend import Amendment, lighter_for
from ..treaty.conformance import Note
from ..treaty.papers import cite as cite_papers
from ..treaty.review import ArticleReview, Measure, Paragraph, Review, paragraph_label, treaty_citation_form
from ..treaty.spec import spec_for
from ..treaty.values import Force, RequirementKind, Verdict
from ..wording.citations import (
    TREATY_NAME_ZH,
    article_id,
    citation,
    cite_treaty_as,
    law_name,
    law_reference,
    short_reference,
    within_law,
)
from ..wording.citations import article_label as cited_article
from ..wording.citations import paragraph_label as cited_paragraph
from ..wording.edits import edits_words, penalty_from_note, reaching_note
from ..wording.environment import environment
from ..wording.labels import label, provenance_mark, text_in, traditional
from ..wording.numerals import zh_numeral
from ..wording.render import provisions_of, render, text_lines
from ..wording.styles import article_word, composes
from ..wording.taiwan import in_script, own_usage, taiwan_script
from ..wording.versions import dated_as_at, dated_date
from ..wording.words import of_several
from .penalty_note import penalty_note
from .report import FORCE_LABELS, VERDICT_LABELS

REVIEW_SCHEMA_VERSION = 1
LANGS = ("en", "zh")

# The review's fixed words. Headings follow the layout of UNODC implementation-review country reports.
WORDS: dict[str, dict[str, str]] = {
    "en": {
        "title": "Review of implementation of the UN Convention against Cybercrime",
        "jurisdiction": "Jurisdiction", "benchmark": "Reviewed as a benchmark",
        "article": "Article", "scope": "Scope of the review", "provenance": "The treaty text and its provenance",
        "text": "Treaty text", "measures": "Measures", "verdicts": "Verdicts",
        "paragraph": "Paragraph", "force": "Force", "verdict": "Verdict", "by": "Provisions",
        "observations": "Observations", "counterexample": "Counterexample", "amendment": "Suggested amendment",
        "alternatives": "Each suggested amendment is verified on its own against the set as it stands; amendments "
                        "that insert the same {article} are alternatives a drafter merges into one.",
        "practices": "Good practices", "beyond": "Going beyond the Convention",
        "challenges": "Challenges", "recommendations": "Recommendations", "reviewer": "For a reviewer's decision",
        "decided": "Decided by a reviewer",
        "declaration": "Notification or declaration", "sources": "Sources cited", "none": "None.",
        "no_practices": "None found in the provisions reviewed.",
        "no_beyond": "None found in the provisions reviewed.",
        "no_challenges": "None found in the provisions reviewed.",
        "no_recommendations": "None: every obligatory paragraph assessed is implemented.",
        "quoted": "lexdraft's working gloss, not an official translation; it may shorten the text",
        "quoted-published": "quoted in a published, unofficial translation", "marks": "marks",
        "result_ok": "Every obligatory paragraph assessed is implemented.",
        "result_pending": "Every obligatory paragraph assessed is implemented; {named} could not be assessed and "
                          "awaits a reviewer's decision.",
        "result_none": "No obligatory paragraph could be assessed: {named} awaits a reviewer's decision.",
        "no_recommendations_pending": "None from the check: {named} awaits a reviewer's decision (see below).",
        "result_gap": "Obligatory paragraphs are not, or only partly, implemented; see the recommendations.",
        "summary": "Summary", "gist": "", "colon": ": ", "context": "context",
        # the marks around a quotation, a parenthesis and a full stop, in each language's punctuation
        "lq": "“", "rq": "”", "lp": " (", "rp": ")", "stop": ". ",
    },
    "zh": {
        "title": "《联合国打击网络犯罪公约》实施情况审查",
        "jurisdiction": "法域", "benchmark": "作为参照审查",
        "article": "条款", "scope": "审查范围", "provenance": "公约条文及其来源",
        "text": "公约条文（英文重构文本）", "measures": "相关措施", "verdicts": "结论",
        "paragraph": "条款", "force": "效力", "verdict": "结论", "by": "实施条文",
        "observations": "审查意见", "counterexample": "反例", "amendment": "修改建议",
        "alternatives": "每项修改建议均针对现有条文集单独复核；"
                        "增加同一条文的各项建议互为替代方案，由起草者合并为一条。",
        "practices": "良好做法", "beyond": "超出公约要求的规定", "challenges": "挑战",
        "recommendations": "建议", "reviewer": "须由审查人员决定的事项", "decided": "已由审查人员决定的事项",
        "declaration": "通知或者声明", "sources": "引用文献", "none": "无。",
        "no_practices": "所审查的条文中未发现。",
        "no_beyond": "所审查的条文中未发现。",
        "no_challenges": "所审查的条文中未发现。",
        "no_recommendations": "无：所审查的强制性条款均已实施。",
        "quoted": "引文为本工具的工作译文，并非官方译文，或有简略", "quoted-published": "引文为已发布的非官方译文",
        "marks": "标记",
        "result_ok": "所审查的强制性条款均已实施。",
        "result_pending": "所审查的强制性条款均已实施；{named}无法审查，须由审查人员决定。",
        "result_none": "没有可以审查的强制性条款：{named}须由审查人员决定。",
        "no_recommendations_pending": "审查未提出建议：{named}须由审查人员决定（见下文）。",
        "result_gap": "存在未实施或者部分实施的强制性条款，见建议。",
        "summary": "概要", "colon": "：", "context": "背景", "gist": "中文要点（本工具自拟；未找到公约的正式中文文本）",
        # full-width: a page about a State whose statutes are in traditional characters quotes in 「」 (in_script)
        "lq": "“", "rq": "”", "lp": "（", "rp": "）", "stop": "。",
    },
}
ROLES = {"en": {"offence": "offence", "general-part": "general part", "special-part": "special part",
                "interpretation": "judicial interpretation", "administrative": "administrative measure"},
         "zh": {"offence": "犯罪条文", "general-part": "总则规定", "special-part": "分则规定",
                "interpretation": "司法解释", "administrative": "行政措施"}}


@dataclass(frozen=True)
class MeasureRow:
    citation: str
    role: str
    quote: str
    note: str  # how the quotation stands: a working translation
    paragraphs: str
    bears: str  # the role and the paragraphs, as the language writes them in parentheses


@dataclass(frozen=True)
class AmendmentRow:
    """A suggested amendment as a reader sees it: what it changes, its statute text, how it was re-checked."""

    what: str
    text: str  # rendered in the jurisdiction's drafting style, in the review's language
    verified: str
    file: str  # the name `--write-amendments` gives it


@dataclass(frozen=True)
class ParagraphRow:
    id: str
    paragraph: str
    force: str
    gist: str  # zh: the project's Chinese summary of treaty words that have no official Chinese text
    verdict: str
    state: str  # the verdict's own word (partly-met), for a style to mark it by
    fails: bool
    by: str
    text: str
    marks: str
    observations: tuple[str, ...]
    recommendation: str
    declaration: str
    counterexample: str
    amendment: AmendmentRow | None
    # what the list for a reviewer's decision says of it: every observation of a verdict the check cannot give, the
    # questions alone of one that stands on a reading a reviewer must confirm
    reviewer: tuple[str, ...] = ()
    questions: tuple[str, ...] = ()


@dataclass(frozen=True)
class ArticlePage:
    article: str
    heading: str
    scope: tuple[str, ...]
    provenance: tuple[str, ...]
    paragraphs: tuple[ParagraphRow, ...]
    measures: tuple[MeasureRow, ...]
    practices: tuple[str, ...]
    challenges: tuple[str, ...]
    recommendations: tuple[ParagraphRow, ...]
    reviewer: tuple[ParagraphRow, ...]
    decided: tuple[ParagraphRow, ...]
    amendments: tuple[ParagraphRow, ...]
    declarations: tuple[ParagraphRow, ...]
    result: str
    no_recommendations: str  # what "Recommendations" says when the check has none, which depends on what is left
    beyond: tuple[str, ...] = ()  # what provisions reach beyond the treaty: not in itself a good practice


@dataclass(frozen=True)
class ReviewPage:
    lang: str
    code: str  # the jurisdiction's code (prc), for anchors
    words: dict[str, str]
    title: str
    jurisdiction: str
    benchmark: str
    articles: tuple[ArticlePage, ...]
    sources: tuple[str, ...]
    tag: str = "en"  # the language and script it is written in: en, zh-Hans, zh-Hant (its jurisdiction's)


class _Cite:
    """Replaces, in the checker's and the specs' sentences, each document id of the set with its citation in the
    jurisdiction's own form, and each seed paper's file name with its authors and title."""

    def __init__(self, documents: Sequence[Document], lang: str) -> None:
        self.lang = lang
        self.short: dict[str, str] = {}
        self.full: dict[str, str] = {}
        # a list of articles of one law names the law once: in Chinese before the first, 《兒童及少年性剝削防制條例》
        # 第三十八條第一項、第三十九條第二項; in English after the last, "Article 237-1; paragraph 1 of Article 363 of
        # the Criminal Law"
        self.law: dict[str, str] = {}
        self.within: dict[str, str] = {}
        for d in documents:
            try:
                if isinstance(d, Interpretation | Bill):
                    raise LexdraftError([])  # an interpretation or a bill is cited by its title
                self.full[d.id] = citation(d, lang)
                self.short[d.id] = short_reference(d, lang)  # type: ignore[arg-type]  # any article of a code
                within = within_law(d, lang)  # type: ignore[arg-type]
                if lang == "zh" and within != self.short[d.id] and self.short[d.id].endswith(within):
                    self.law[d.id], self.within[d.id] = self.short[d.id].removesuffix(within), within
                elif lang == "en" and self.short[d.id].endswith(law := f" of {law_reference(d)}"):  # type: ignore[arg-type]
                    self.law[d.id], self.within[d.id] = law, self.short[d.id].removesuffix(law)
            except LexdraftError:  # no pack or instrument names it: cited by its title, else its id
                title = text_in(d.title, lang, False) if d.title else None
                self.full[d.id] = self.short[d.id] = title or d.id
        ids = sorted(self.short, key=len, reverse=True)
        self._ids = re.compile("|".join(re.escape(i) + r"(?![A-Za-z0-9.-]*[A-Za-z0-9])" for i in ids)) if ids else None

    def __call__(self, text: str) -> str:
        if self._ids is not None:
            found = list(self._ids.finditer(text))
            out, at, with_next = [], 0, False
            for i, m in enumerate(found):
                law = self.law.get(m.group(0), "")
                other = (found[i - 1] if i else None) if self.lang == "zh" else \
                    (found[i + 1] if i + 1 < len(found) else None)
                listed = bool(law) and other is not None and self.law.get(other.group(0)) == law and \
                    _listed(text, *((other, m) if self.lang == "zh" else (m, other)), self.lang)
                between = text[at:m.start()]
                if self.lang != "zh" and i and found[i - 1].end() == at:
                    # a list's articles of one law are parted by commas (by semicolons where a citation has a comma
                    # of its own: article 227-23, paragraph 2), its laws by semicolons
                    before = found[i - 1].group(0)
                    if between == ", " and self.law.get(before, law) != law:
                        between = "; "
                    elif with_next and between in (", ", "; "):
                        commas = "," in self.within[before] or "," in self.within[m.group(0)]
                        between = "; " if commas else ", "
                with_next = listed
                out += [between, self.within[m.group(0)] if listed else self.short[m.group(0)]]
                at = m.end()
            text = "".join(out) + text[at:]
        return cite_papers(text, self.lang)  # the one citation formatter, as the check's reports use it

    def of(self, pid: str) -> str:
        return self.short.get(pid, pid)

    def ids(self, pids: Sequence[str]) -> str:
        """The documents as a list: 、 in Chinese; in English commas between the articles of one law, named once
        after the last, and semicolons between laws ("Article 363, paragraph 1 of Article 364 of the Criminal Law;
        Article 10 of the Act"), as the review's sentences list them."""
        pids = _in_order(pids)
        if all(p in self.short for p in pids):
            return self(("、" if self.lang == "zh" else ", ").join(pids))
        return ("、" if self.lang == "zh" else "; ").join(self.of(p) for p in pids)


def _in_order(pids: Sequence[str]) -> list[str]:
    """Provisions named together in the order their laws number them (the deep synthesis provisions' arts. 9, 10, 16,
    not 10, 16, 9 as their ids sort), each law where it first comes."""
    def law(pid: str) -> str:
        return pid.rsplit(".", 1)[0] if pid.count(".") < 2 else ".".join(pid.split(".")[:2])

    laws: dict[str, int] = {}
    for pid in pids:
        laws.setdefault(law(pid), len(laws))

    def key(pid: str) -> tuple[int, list[int | str]]:
        return laws[law(pid)], [int(x) if x.isdigit() else x for x in re.split(r"(\d+)", pid)]

    return sorted(pids, key=key)


def _listed(text: str, first: re.Match[str], second: re.Match[str], lang: str) -> bool:
    """Whether two citations are items of one list. An English "; " parts items only where the second ends the list
    or the clause ("…; Article 366 of the Criminal Law punishes …" starts a clause)."""
    between = text[first.end():second.start()]
    if lang == "zh":
        return between in ("、", "和", "及", "或", "或者", "至")
    if between == "; ":
        return second.end() == len(text) or text[second.end()] in ";,).:"
    return between in (", ", " and ", ", and ", " or ", ", or ")


def _sentence(s: str) -> str:
    """A line that starts with a citation (paragraph 1 of Article 363 …) starts with a capital, as a sentence does."""
    return s[:1].upper() + s[1:]


def _words(t: Text | None, lang: str) -> str:
    return ((t.zh if lang == "zh" else t.en) or "") if t is not None else ""


# an article's heading before its words: 第三百六十三条, 第 319-3 條, Article 363 ¶1:
_HEAD = re.compile(r"^(第\s*[\d零〇一二三四五六七八九十百千-]+\s*[条條](之[一二三四五六七八九十]+)?\s*"
                   r"|Article [\w-]+:?\s*)")


def _line(line: str, first: bool, single: bool) -> str:
    """A line of a quotation without its own quotes; the first without its article's heading, and without its
    paragraph's mark where it is the one paragraph quoted."""
    mark, words = re.match(r"^(¶\d+:?\s*)?(.*)$", _HEAD.sub("", line) if first else line).groups()
    words = words.strip().strip('"“”「」')
    return words if (single and first) or not mark or not words else f"{mark.strip()} {words}"


def _quote(doc: Document, lang: str, provisions: dict[str, Provision]) -> tuple[str, str | None]:
    """The document's text in `lang`, quoted whole as the set encodes it (a proposal as lexdraft words it): a list's
    lead-in with its items, never its first line alone. Where the id names a paragraph and the text marks its
    paragraphs (¶2, or the Chinese lines), that paragraph, the rest elided (…, ……). Also the key of the words saying
    the quotation is a translation and of what standing (or None)."""
    tw = traditional(doc.jurisdiction.name) if doc.jurisdiction else False
    text = text_in(doc.text, lang, tw) if not isinstance(doc, Interpretation) and doc.text is not None else None
    rendered = not text
    status = getattr(doc, "status", None)
    if rendered and status is not None and status.name != "proposed":
        return "", None  # law in force whose text the set does not quote: a summary lexdraft writes is no quotation
    if rendered:
        try:
            lines = [x.strip() for x in text_lines(doc, lang, provisions) if x.strip()]
        except LexdraftError:
            return "", False
        before = after = False
        single = True
    else:
        lines = [x.strip() for x in (text or "").split("\n") if x.strip()]
        try:
            paragraph = None if isinstance(doc, Interpretation) else article_id(doc).paragraph
        except LexdraftError:
            paragraph = None
        # a common-law section's paragraphs are its subsections, numbered (1), (2) at the start of their lines, where
        # its text numbers them so and marks no paragraph ¶
        sections = lang == "en" and doc.jurisdiction is not None and \
            article_word(doc.jurisdiction.name) == "section" and any(_SUBSECTION.match(x) for x in lines) and \
            not any(_MARKED.match(x) for x in lines)
        lines, before, after = _subsection_lines(lines, paragraph) if sections else \
            _paragraph_lines(lines, paragraph, lang)
        single = before or after or sum(bool(_MARKED.match(x)) for x in lines) <= 1
    # the article's heading before its words (第 36 條, Article 36) is the citation's, and so is the mark of the one
    # paragraph it names (¶1:); the marks of several paragraphs quoted together stay, and a line's own quotes are the
    # quotation's. A Chinese text's paragraphs are its lines: quoted together, each is marked as the law cites it
    # (〔第二款〕, 〔第二項〕), so that they do not run into one
    marks = _paragraph_marks(lines, doc, lang) if lang == "zh" and not rendered and not (before or after) else {}
    words = [y for y in (marks.get(i, "") + _line(x, i == 0, single) for i, x in enumerate(lines)) if y]
    ellipsis = "……" if lang == "zh" else "…"
    quoted = ("" if lang == "zh" else " ").join(words)
    if quoted and before:
        quoted = ellipsis + ("" if lang == "zh" else " ") + quoted
    if quoted and after:
        quoted += ("" if lang == "zh" else " ") + ellipsis
    standing = getattr(doc, "translation", None)
    gloss = None if lang != "en" or standing is None or rendered else \
        ("quoted-published" if standing.name == "published" else "quoted")
    return quoted, gloss


_MARKED = re.compile(r"^(Article [\w-]+ )?¶(\d+)\b")
_LIST_ITEM = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_ITEM = re.compile(r"^\((?:[a-z]{1,3}|[0-9]{1,3}[A-Za-z]?)\)\s")
_BARE_HEADING = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千-]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?$")
_ARTICLE = re.compile(r"^(第\s*[0-9〇一二三四五六七八九十百千-]+\s*[条條](之\s*[0-9一二三四五六七八九十]+)?"
                      r"|Article [\w-]+)")


def _paragraph_marks(lines: list[str], doc: Document, lang: str) -> dict[int, str]:
    """The mark of each paragraph of a Chinese text quoted whole, by the line it begins (a list's items and a bare
    heading begin none), where it has two or more and quotes no other article; none otherwise."""
    item = _LIST_ITEM if lang == "zh" else _ITEM
    starts = [i for i, x in enumerate(lines) if not item.match(x) and not _BARE_HEADING.match(x)]
    own = _ARTICLE.match(lines[0]) if lines else None
    if len(starts) < 2 or any(i and (h := _ARTICLE.match(lines[i])) and (own is None or h.group(1) != own.group(1))
                              for i in starts):
        return {}
    pack = packs.pack(doc.jurisdiction.name) if doc.jurisdiction else None
    form = pack.citations.get("zh") if pack is not None else None
    if form is not None and "{paragraph}" in form.paragraph:
        said = [form.paragraph.format(article="", paragraph=form.numbered(str(n + 1))) for n in range(len(starts))]
    else:
        said = [f"第{zh_numeral(n + 1)}款" for n in range(len(starts))]
    return {i: f"〔{w}〕" for i, w in zip(starts, said, strict=True)}


# a subsection's own number where it begins a line: (1), (1A); the section's (1) may follow its heading on line one
_SUBSECTION = re.compile(r"^\((\d+)([A-Z]{0,2})\)\s")
_FIRST_SUBSECTION = re.compile(r"\s\(1\)\s")


def _subsection_lines(lines: list[str], paragraph: int | None) -> tuple[list[str], bool, bool]:
    """The lines of subsection `paragraph` of a common-law section, to the next subsection ((1A) included), and
    whether words of the section stand before and after them; the whole text where it does not number them."""
    marks = [(i, m) for i, x in enumerate(lines) if (m := _SUBSECTION.match(x))]
    starts = [i for i, _ in marks]
    numbers = [None if m[2] else int(m[1]) for _, m in marks]  # (1A) is no subsection 1
    if paragraph is None or not starts:
        return lines, False, False
    if paragraph in numbers:
        at = numbers.index(paragraph)
        first, last = starts[at], starts[at + 1] if at + 1 < len(starts) else len(lines)
    elif paragraph == 1 and starts[0] > 0 and _FIRST_SUBSECTION.search(lines[0]):
        first, last = 0, starts[0]  # "16. Disclosure … — (1) Any person …", then (2) on a line of its own
    else:
        return lines, False, False
    return lines[first:last], first > 0, last < len(lines)


def _paragraph_lines(lines: list[str], paragraph: int | None, lang: str) -> tuple[list[str], bool, bool]:
    """The lines of paragraph `paragraph` of a verbatim text, and whether words of the text stand before and after
    them; the whole text where the id names no paragraph or the text does not mark it. A paragraph runs to the next
    line that is no list item (（一）……, (a) …): an English text numbers its paragraphs with ¶, a Chinese one by
    their lines; a line of another article quoted beside it ("Article 367: …", 第三百六十七条) ends the count."""
    if paragraph is None:
        return lines, False, False
    item = _LIST_ITEM if lang == "zh" else _ITEM
    starts = [i for i, x in enumerate(lines) if not item.match(x) and not _BARE_HEADING.match(x)]
    own = _ARTICLE.match(lines[0]) if lines else None
    numbers: list[int | None] = []
    other = False
    for i in starts:
        heading = _ARTICLE.match(lines[i])
        other = other or bool(i and heading and (own is None or heading.group(1) != own.group(1)))
        marked = _MARKED.match(lines[i])
        numbers.append(None if other else len(numbers) + 1 if lang == "zh" else int(marked.group(2)) if marked
                       else None)
    if paragraph not in numbers:
        return lines, False, False
    at = numbers.index(paragraph)
    first, last = starts[at], starts[at + 1] if at + 1 < len(starts) else len(lines)
    heading = first > 0 and all(_BARE_HEADING.match(x) for x in lines[:first])
    return lines[first:last], first > 0 and not heading, last < len(lines)


def _measure(m: Measure, cite: _Cite, lang: str, provisions: dict[str, Provision]) -> MeasureRow:
    quote, gloss = _quote(m.document, lang, provisions)
    paragraphs = ("、" if lang == "zh" else ", ").join(paragraph_label(p, lang) for p in m.paragraphs)
    if m.context:  # listed as context by the findings that name it, never as bearing on their paragraphs
        paragraphs = WORDS[lang]["context"]
    role = ROLES[lang][m.role]
    bears = (f"（{role}{'；' + paragraphs if paragraphs else ''}）" if lang == "zh" else
             f"({role}{'; ' + paragraphs if paragraphs else ''})")
    note = [WORDS[lang][gloss]] if gloss else []
    flagged = _flagged_provenance(m.document)
    if quote and flagged:  # a recollection or a paraphrase is quoted as what it is, never as the statute's words
        what, mark = label("provenances", flagged, lang), provenance_mark(flagged)
        note.insert(0, f"文本为{what} [{mark}]" if lang == "zh" else f"text given as {what} [{mark}]")
    if quote and (at := dated_as_at(m.document)):  # the text of an earlier version: said beside its words
        note.append(f"该文本为{dated_date(at, lang, span=True)}的文本 [dated]，其后经修正，现行文本未经核实 [NF]"
                    if lang == "zh" else
                    f"the text as at {dated_date(at, lang)} [dated], since amended, whose current text was not "
                    "verified [NF]")
    return MeasureRow(cite.full.get(m.document.id, m.document.id), role, quote,
                      ("；" if lang == "zh" else "; ").join(note), paragraphs, bears)


def _flagged_provenance(doc: Document) -> str | None:
    """A document's provenance where a text resting on it is flagged (r-memory, paraphrase), else None."""
    name = getattr(doc, "provenance", None)
    entry = vocabulary().entry("provenances", name.name) if name is not None else None
    return name.name if entry and entry.get("flag") else None


def _named_once(rows: tuple[MeasureRow, ...], measures: Sequence[Measure], lang: str) -> tuple[MeasureRow, ...]:
    """An English review names a law by its full name in the measures and by its pack's short name in its sentences;
    where the short name is no part of the full one (Criminal Code (France), the Code pénal), the first measure of
    that law gives it, so that the reader knows the two for one law: Criminal Code (France) (“Code pénal”)."""
    if lang == "zh":
        return rows
    seen: set[str] = set()
    out = []
    for row, m in zip(rows, measures, strict=True):
        try:
            full, short = law_name(m.document, "en"), law_reference(m.document)  # type: ignore[arg-type]
        except LexdraftError:  # an interpretation, or a document no pack names: cited by its title
            full = short = ""
        bare = short.removeprefix("the ")
        if full and full not in seen and bare not in full and row.citation.startswith(f"{full}, "):
            seen.add(full)
            row = dataclasses.replace(row, citation=f"{full} (“{bare}”){row.citation[len(full):]}")
        out.append(row)
    return tuple(out)


def amendment_file(jurisdiction: str, am: Amendment) -> str:
    """prc-uncc.14.1.c.lexd: one file per amendment, named by the jurisdiction and the requirements it closes
    (prc-uncc.14.1.b+c.lexd where one new article closes two)."""
    closes = am.closes or (am.requirement,)
    head = closes[0]
    rest = [c[len(head.rsplit(".", 1)[0]) + 1:] if c.rsplit(".", 1)[0] == head.rsplit(".", 1)[0] else c
            for c in closes[1:]]
    return f"{jurisdiction}-{'+'.join([head, *rest])}.lexd"


def _amendment(am: Amendment, jurisdiction: str, cite: _Cite, lang: str,
               provisions: dict[str, Provision]) -> AmendmentRow:
    zh = lang == "zh"
    unit = article_word(jurisdiction)  # a new section, article or §, as the jurisdiction's composed text calls it
    # the paragraph named, not 本项: a paragraph of the treaty is a 款, a lettered one a 项 (款 in Taiwan's form, which
    # the page restates its treaty citations in)
    para = paragraph_label(_paragraph_of(am.requirement), lang)
    doc = am.document
    added = doc.instrument is not None and doc.instrument.operation == "add-paragraph"  # a paragraph, not an article
    try:
        cited = citation(doc, lang)
    except LexdraftError:
        cited = doc.id
    # an article amended whole (a paragraph deleted beside the one edited, or one inserted before the rules on the
    # paragraphs above it) is cited as the article
    whole = doc.instrument is not None and doc.instrument.replaces is not None and doc.instrument.paragraph is None
    if am.amends is not None or whole:  # its edits said in the review's language (wording/edits), the same in each
        amended = cited if whole or am.amends is None else cite.full.get(am.amends, cited)
        said = edits_words(am.said, lang, jurisdiction, whole, cite.of) if am.said else \
            ("" if zh else "; ".join(am.edits))
        what = (f"修改{amended}{'：' + said if said else ''}（修改后的条文见下）。" if zh else
                f"Amend {amended}: {said} (the amended text below).")
        what += penalty_from_note(am.said, lang, jurisdiction) + reaching_note(am.said, lang, jurisdiction)
        if any(e.op == "add-conduct" for e in am.said):  # why an act goes to this offence (treaty/amend)
            carried = acts.acts(list(am.host_carries), lang)
            what += ((f"修改该条，是因为该条已就同类材料处罚{para}所列的{carried}行为。" if zh else
                      f" It is the one amended because it already punishes {carried}, acts of {para}, on "
                      "the same material.") if am.host_carries else
                     (f"所审查条文中没有就同类材料处罚{para}所列行为的犯罪：修改该条，是因为其所需修改最少。" if zh else
                      f" No offence of the set punishes an act of {para} on the same material: it is the one "
                      "amended because it needs the fewest changes."))
        was = provisions.get(am.amends or "")
        if doc.text is None and was is not None and was.text is not None and not whole:
            # composed from the elements, not the text in force edited: what the text says beyond them is not in it
            what += ("下列条文根据该条已编码的要件组成，替换整条：现行条文中未编码的内容（其自身例外的表述、未遂、"
                     "其他程序的刑罚等）不在其中，起草者只修改需要改动的文字。" if zh else
                     " The text below is composed from the provision's encoded elements and replaces it whole: what "
                     "the provision in force says beyond them (its exceptions' own words, attempt, penalties on other "
                     "procedures) is not in it, so a drafter amends only the words that change.")
    elif added:
        what = f"增加{cited}（条文见下）。" if zh else f"Add a paragraph, {cited} (its text below)."
    elif am.presupposes:  # a financing article naming the offences of other suggestions: adopted with them
        them = ("、" if zh else "; ").join(_one_law(am.presupposes, lang))
        span = _financed_span(am.requirement, lang)
        what = (f"增加一条：{cited}（条文见下），以就{span}建议的条文（{them}）一并采纳为前提："
                f"该条列举其规定之罪。" if zh
                else f"Insert a new {unit}, {cited} (its text below), if the {unit}s suggested for {span} are "
                     f"adopted ({them}): it names their offences.")
    else:
        what = f"增加一条：{cited}（条文见下）。" if zh else f"Insert a new {unit}, {cited} (its text below)."
        what += _follows(am, jurisdiction, unit, lang)
        if am.penalty_of is not None:  # why this penalty: the set's own scale (treaty/amend._penalty_source)
            of = cite.full.get(am.penalty_of, am.penalty_of)
            named = acts.acts(list(am.penalty_gravest), lang)  # material of children: the set's gravest measure
            near = am.penalty_same == "nearest"  # of those on the same material, the one nearest in conduct
            # the set's offences on material depicting persons under 18 measure it; the new article may reach more
            # material than the one it takes its penalty from (drawn images): not called "the same material"
            why = (f"针对描绘不满十八周岁者的材料{'且行为最接近' if near else '、处罚本条部分行为'}的犯罪"
                   if am.penalty_same else
                   f"处罚其所列行为（{named}）最重的犯罪" if am.penalty_gravest else "行为最接近的犯罪") if zh else \
                ("the offence nearest in conduct among the set's offences on material depicting persons under 18"
                 if near else f"an offence of the set on material depicting persons under 18 that punishes some of "
                 f"the new {unit}'s acts" if am.penalty_same else
                 f"the gravest offence of the set that punishes its acts ({named})" if am.penalty_gravest else
                 "the offence of the set nearest in conduct")
            # what the new article does not carry of that offence: its purpose, its threshold (outputs/penalty_note)
            source = provisions.get(am.penalty_of)
            # the offences in force that punish the material it adds more lightly (treaty/amend.lighter_for)
            lighter = lighter_for(doc, source, provisions.values(), am.counterexample.scenario) \
                if source is not None and am.counterexample is not None else ()
            taken = penalty_note(doc, source, lang, lighter) if source is not None else ""
            what += (f"其法定刑取自{of}，即所审查条文中{why}，由起草者决定{taken}。" if zh else
                     f" Its penalty is that of {of}, {why}: a drafter's choice{taken}.")
    if am.passed_over:  # why the offences punishing the paragraph's acts on that material are not amended instead
        them = cite.ids(list(am.passed_over))
        # treaty/amend: an offence in force is amended in at most MOST_EDITS elements, and only where the re-check
        # then finds the paragraph met, no other verdict lower and no fact beyond the paragraph newly punished
        one = len(am.passed_over) == 1
        what += (f"未改为修改{them}：其虽已就同类材料处罚{para}所列行为，但仅修改其一至两处要件（如行为、材料、"
                 f"入罪门槛），均不能使{para}得到实施，而不致使其他条款的审查结论由已实施变为部分实施或未实施（或由部分"
                 "实施变为未实施）、亦不处罚超出该规定范围的行为；本审查不建议对现行犯罪作更大幅度的改写。" if zh else
                 f" Not amended instead: {them}, which already punish{'es' if one else ''} acts of {para} on "
                 f"the same kind of material: no amendment of one or two elements of {'it' if one else 'any of them'} "
                 f"(an act, the material, a threshold and the like) would implement {para} without lowering another "
                 "paragraph's verdict or punishing what the paragraph leaves out, and a wider rewriting of an offence "
                 "in force is not suggested.")
    if am.caveat is not None:  # what a drafter checks first: a law the reference does not hold
        what += am.caveat.zh if zh else f" {am.caveat.en}"
    # an amendment built on a text of an earlier version (`status outdated`: its current text not verified) says so,
    # and is expressed against that text, not as a change of the law as it stands today
    based = [pid for pid in ((am.amends,) if am.amends else ()) + tuple(d.id for d in am.also)]
    dated = sorted({at for pid in based if pid in provisions and (at := dated_as_at(provisions[pid]))})
    penalty = provisions.get(am.penalty_of or "")
    penalty_dated = dated_as_at(penalty) if penalty is not None else None
    for at in dated:
        when = dated_date(at, lang, span=True)
        what += (f"被修改的条文引自{when}的文本，其后经修正，现行文本未经核实[NF]：须先核实现行文本；"
                 f"本修改以{when}的文本为准表述，并非对现行法的修改。" if zh else
                 f" The text it changes is quoted as at {at} and has since been amended; its current text was not "
                 f"verified [NF]. The current text must be verified first: the amendment is expressed against the "
                 f"text as at {at}, not against the law as it stands.")
    if penalty_dated is not None and am.penalty_of not in based:
        of = cite.full.get(am.penalty_of or "", am.penalty_of or "")
        when = dated_date(penalty_dated, lang, span=True)
        what += (f"{of}引自{when}的文本，其后经修正：须先核实其现行法定刑。" if zh else
                 f" {of} is quoted as at {penalty_dated} and has since been amended: its current penalty must be "
                 f"verified first.")
    # An amendment lexdraft cannot word is a located error (E402 at the element in the draft), never text in the
    # review: tests/test_review_amendments.py words every amendment of every bundled set in every language. A style
    # that composes nothing in the review's language (common-law English in a Chinese review) gives its English.
    shown = lang if composes(lang, jurisdiction) else "en"
    text = cite(render(doc, shown, {**provisions, doc.id: doc}).rstrip("\n"))
    if shown != lang:
        text = f"（本工具不以该法域的起草风格生成中文条文，以下为英文条文。）\n{text}"
    v = am.verification
    closes = am.closes or (am.requirement,)
    states = [(paragraph_label(_paragraph_of(c), lang), VERDICT_LABELS[lang][v.after[c]]) for c in closes]
    by = cite.ids([p for p in v.reached_by]) if all(p in cite.short for p in v.reached_by) else \
        ("、" if zh else ", ").join(v.reached_by)
    if v.reached_by == (doc.id,):
        by = ("新增条文" if am.amends is None and not whole else "修改后的条文") if zh else \
            ("the new paragraph" if added else f"the new {unit}" if am.amends is None and not whole else
             "the amended provision")
    options = [paragraph_label(_paragraph_of(o), lang) for o in am.options]
    if v.alone is not None:  # re-checked with the suggestions it presupposes, and alone
        verified = _with_them(am, states, by, cite, unit)
    elif zh:
        against = f"（以{'、'.join(dated_date(at, lang, span=True) for at in dated)}的文本为准）" if dated else ""
        verified = (f"已复核{against}：加入该修改后，{'、'.join(f'{p}的结论为“{a}”' for p, a in states)}；"
                    f"第14、16、18条的其他结论均未降低；"
                    f"反例所述行为依{by}可予处罚。")
        if options:
            verified += f"该修改同时采用了{'、'.join(options)}的选择。"
    else:
        against = f" against the text as at {', '.join(dated)}" if dated else ""
        verified = (f"Re-checked{against}: with it, {' and '.join(f'{p} is {a}' for p, a in states)}; no other "
                    f"verdict of Arts. 14, 16 and 18 falls; "
                    f"the counterexample is punishable under {by}.")
        if options:
            verified += f" It uses the option of {', '.join(options)}."
    return AmendmentRow(what, text, verified, amendment_file(jurisdiction, am))


def _follows(am: Amendment, jurisdiction: str, unit: str, lang: str) -> str:
    """Where a new article is numbered and placed after another suggested one (treaty/amend, Amendment.follows), the
    condition: those are adopted with it; else it follows the article of the law they follow, numbered as the first
    of them is."""
    if not am.follows:
        return ""
    zh = lang == "zh"
    first = am.follows[-1].document.instrument
    assert first is not None and first.inserts is not None and first.after is not None
    base, number = (cited_article(n, jurisdiction, lang) for n in (first.after, first.inserts))

    def suggested(a: Amendment) -> str:
        at = a.document.instrument
        assert at is not None and at.inserts is not None
        paragraphs = ("、" if zh else " and ").join(paragraph_label(_paragraph_of(r), lang)
                                                   for r in a.closes or (a.requirement,))
        own = cited_article(at.inserts, jurisdiction, lang)
        return f"就{paragraphs}建议的{own}" if zh else f"{own}, suggested for {paragraphs},"

    them = [suggested(a) for a in reversed(am.follows)]
    if zh:
        rest = (f"该条未采纳的，本条在{base}后增加，作为{number}。" if len(them) == 1 else
                f"均未采纳的，本条在{base}后增加，作为{number}；仅采纳其中部分的，本条置于所采纳的最后一条之后，条号随之顺延。")
        return f"本条的条号和位置以一并采纳{'、'.join(them)}为前提；{rest}"
    listed = " and ".join(them)
    rest = (f"if that {unit} is not, this {unit} is added after {base} as {number}" if len(them) == 1 else
            f"if none of them is, this {unit} is added after {base} as {number}, and if only some are, after the "
            "last of them adopted, numbered next")
    return f" Its number and place assume that {listed} {'is' if len(them) == 1 else 'are'} adopted with it; {rest}."


def _one_law(docs: Sequence[Provision], lang: str) -> list[str]:
    """Articles listed as the review cites them; in Chinese, one after an article of the same law within it, the law
    named once (《兒童及少年性剝削防制條例》第三十八條、第三十九條、第三十九條之一)."""
    out: list[str] = []
    law = None
    for d in docs:
        full, within = citation(d, lang), within_law(d, lang)
        own = full.removesuffix(within) if full != within and full.endswith(within) else None
        out.append(within if own is not None and own == law else full)
        law = own
    return out


def _financed_span(requirement: str, lang: str) -> str:
    """The paragraphs whose offences a financing requirement's offence finances: 14(1)(a)-(c), 第14条第1款(a)至(c)项."""
    article = ".".join(requirement.split(".")[:2])
    q = next(q for q in spec_for(article).requirements if q.id == requirement)
    paragraphs = [_paragraph_of(o) for o in q.via_rules.offences] if q.via_rules is not None else []
    if not paragraphs:
        return paragraph_label(_paragraph_of(requirement), lang)
    first, last = paragraphs[0], paragraphs[-1]
    head = first.rsplit("(", 1)[0]
    if len(paragraphs) == 1 or not last.startswith(head):
        return ("、" if lang == "zh" else ", ").join(paragraph_label(p, lang) for p in paragraphs)
    tail = last[len(head):]
    if lang == "zh":
        label = paragraph_label(first, lang)
        return label[:-1] + f"至{tail}" + label[-1:]
    return f"{first}-{tail}"


def _with_them(am: Amendment, states: list[tuple[str, str]], by: str, cite: _Cite, unit: str = "article") -> str:
    """The re-check of an amendment that presupposes others (financing their offences): with them, then alone, and
    why the counterexample is then punishable or not: the offence it names that reaches the act financed, or none."""
    lang = cite.lang
    v = am.verification
    through = _through(am, cite)
    assert v.alone is not None
    span = _financed_span(am.requirement, lang)
    alone = VERDICT_LABELS[lang][v.alone]
    paragraph = paragraph_label(_paragraph_of(am.requirement), lang)
    # the new articles it names are not law until enacted (an article amended whole beside it is)
    # cited as articles of the same law as the financing article, the law named once (LAWYER-M NIT-6)
    new = [within_law(d, lang) for d in am.presupposes if d.instrument is not None and d.instrument.inserts]
    void = "、".join(new) if lang == "zh" else " and ".join(filter(None, (", ".join(new[:-1]), new[-1]))) if new else ""
    if lang == "zh":
        verdicts = "、".join(f"{p}的结论为“{a}”" for p, a in states)
        out = (f"已复核（连同就{span}建议的条文）：加入该等条文及本条后，{verdicts}；"
               f"第14、16、18条的其他结论均未降低；反例所述行为依{by}可予处罚。若单独采纳本条，{paragraph}的结论为“{alone}”")
        if v.alone.conforms:
            return out + "。"
        return out + ("：" + (f"{void}在制定前并不存在，本条对其援引落空；" if void else "")
                      + f"所列之罪对{span}仅部分涵盖（其处罚门槛、目的要件同样适用），"
                      + "本条仅在其涵盖范围内处罚资助行为；"
                      + (f"反例所述行为可予处罚，因本条所列的{through}所资助的行为。" if v.alone_reached and through
                         else "反例所述行为可予处罚，因所列之罪中有一罪及于该行为。" if v.alone_reached
                         else "反例所述行为仍不受处罚：所列之罪均不及于所资助的行为。"))
    out = (f"Re-checked with the {unit}s suggested for {span}: with them and it, "
           f"{' and '.join(f'{p} is {a}' for p, a in states)}; no other verdict of Arts. 14, 16 and 18 falls; the "
           f"counterexample is punishable under {by}. Adopted alone, {paragraph} is {alone}")
    if v.alone.conforms:
        return out + "."
    return out + ((f": its references to {void} have no effect until enacted, and" if void else ":")
                  + f" the offences it names reach {span} only in part (their thresholds and purposes included), so it "
                  "finances them only as far as they reach; the counterexample "
                  + (f"is punishable, since {through}." if v.alone_reached
                     and through else "is punishable, since one of the offences it names reaches it."
                     if v.alone_reached else
                     "stays unpunished: none of the offences it names reaches the act financed."))


def _through(am: Amendment, cite: _Cite) -> str:
    """The offences a financing article names that reach the act financed, each as its text names it, then the
    paragraphs of an article it names whole that reach the act: 'Article 38, which it names, reaches the act financed
    by its paragraph 1' / 第三十八條以其第一項 (Taiwan's 39-2 names art. 38: LAWYER-F S-2). Cited as the financing
    article's law cites its own articles, as its text does."""
    zh = cite.lang == "zh"
    named: dict[tuple[str, int | None], list[int]] = {}
    for pid in am.verification.alone_through:
        parts = pid.split(".")
        paragraph = int(parts[3]) if len(parts) == 4 and parts[3].isdigit() else None
        if parts[2] in am.names_whole and paragraph is not None:  # named whole: its paragraph reaches the act
            named.setdefault((parts[2], None), []).append(paragraph)
        else:
            named.setdefault((parts[2], paragraph), [])
    jurisdiction = am.document.id.split(".")[0]
    said = []
    for (article, paragraph), below in named.items():
        label = cited_article(article, jurisdiction, cite.lang, paragraph)
        paragraphs = [cited_paragraph(n, jurisdiction, cite.lang) for n in below]
        if zh:
            said.append(f"{label}以其{'、'.join(paragraphs)}" if paragraphs else label)
        else:
            said.append(f"{label}, which it names, reaches the act financed" +
                        (f" by its {' and '.join(paragraphs)}" if paragraphs else ""))
    return f"{'、'.join(said)}及于" if zh else "; ".join(said)


def _paragraph_of(requirement: str) -> str:
    """uncc.14.3.b -> 14(3)(b), as its spec gives the paragraph."""
    article = ".".join(requirement.split(".")[:2])
    return next((q.paragraph for q in spec_for(article).requirements if q.id == requirement), requirement)


def _paragraph(p: Paragraph, cite: _Cite, lang: str, jurisdiction: str = "",
               provisions: dict[str, Provision] | None = None) -> ParagraphRow:
    q = p.requirement

    def said(notes: Sequence[Note]) -> tuple[str, ...]:
        """Each sentence once, naming every provision it is said of; one on the set as a whole names none."""
        named: dict[str, list[str]] = {}
        for n in notes:
            named.setdefault(_words(n.text, lang), []).append(n.provision)
        return tuple(_sentence(cite((cite.ids(ids) + ("：" if lang == "zh" else ": ") if (ids := list(dict.fromkeys(
            pid for pid in pids if pid))) else "") + (of_several(text, lang, [cite.of(i) for i in ids]) if len(ids) > 1
                                        else text)))
            for text, pids in named.items())

    observations = said(p.observations)
    questions = said(p.finding.questions)  # a question once, naming every provision whose verdict rests on it
    reviewer = observations if p.verdict is Verdict.NOT_ASSESSED else questions
    gist = _words(q.explanation, lang) if lang == "zh" and q.kind is not RequirementKind.MANUAL else ""
    verdict = VERDICT_LABELS[lang][p.verdict]
    if p.finding.rests_on:  # the weakest flagged text the verdict rests on, as the atlas marks it
        verdict += f" [{provenance_mark(p.finding.rests_on)}]"
        observations += (_rests_on(p, cite, lang),)
    if p.finding.dated:  # provisions quoted as at an earlier version carry it, as the atlas marks it
        verdict += " [dated]"
        observations += (_dated(p, cite, lang),)
    return ParagraphRow(q.id, paragraph_label(q.paragraph, lang), FORCE_LABELS[lang][q.force], gist,
                        verdict, str(p.verdict).replace("/", ""),
                        q.force is Force.SHALL and p.verdict.fails, cite.ids(p.finding.met_by), p.text,
                        ", ".join(p.marks), observations, cite(_words(p.recommendation, lang)),
                        cite(_words(p.declaration, lang)), cite(_words(p.counterexample, lang)),
                        _amendment(p.amendment, jurisdiction, cite, lang, provisions or {})
                        if p.amendment is not None else None, reviewer, questions)


def _rests_on(p: Paragraph, cite: _Cite, lang: str) -> str:
    """Why the verdict is marked: the documents whose weakly sourced text it rests on, named as the review cites."""
    name = p.finding.rests_on or ""
    cited = cite.ids(p.finding.resting)
    what, mark = label("provenances", name, lang), provenance_mark(name)
    if lang == "zh":
        return (f"该结论依据的条文文本在参考资料中仅为{what}（[{mark}]）：{cited}。"
                "没有该文本，结论将有所不同，须先核实。")
    return (f"This verdict rests on text the reference gives only as {what} ([{mark}]): {cited}. Without it the "
            "verdict would differ; the text must be verified first.")


def _dated(p: Paragraph, cite: _Cite, lang: str) -> str:
    """Why the verdict is marked [dated]: the provisions quoted in a text since amended, named as the review cites."""
    cited = cite.ids(p.finding.dated)
    if lang == "zh":
        return (f"该结论依据{cited}，其引录的是旧版文本（[dated]），其后经修正，现行文本未经核实 [NF]；"
                "依现行文本，结论可能不同。")
    return (f"This verdict rests on {cited}, quoted in the text of an earlier version ([dated]), since amended, whose "
            "current text was not verified [NF]; on the current text it may differ.")


def _name_in_own_usage(jurisdiction: str, lang: str) -> tuple[str, ...]:
    """For a jurisdiction whose statutes are written in traditional characters: the literature's Chinese terms are
    given transcribed, and where its usage writes the Convention's name otherwise (Taiwan: 網路 for 網絡), that name,
    so a reader of its bills (which may use it) sees both are the one treaty. No official Chinese text was found."""
    pack = packs.pack(jurisdiction)
    if pack is None or pack.script != "hant":
        return ()
    literature = taiwan_script(TREATY_NAME_ZH)
    own = own_usage(literature, jurisdiction)
    place = pack.names.get("own") or pack.label("zh")
    if lang == "zh":
        return ("上述二手文獻用語係由簡體原文轉寫為正體字" + (f"；依{place}用語，公約名稱亦作{own}" if own != literature
                                                          else "") + "。",)
    return ("The Chinese review gives these terms of the literature in traditional characters"
            + (f"; in {pack.label('en')}'s usage the Convention's name is also written {own}" if own != literature
               else "") + ".",)


def _article(a: ArticleReview, cite: _Cite, lang: str, provisions: dict[str, Provision],
             jurisdiction: str) -> ArticlePage:
    spec = a.spec
    number = spec.article.rsplit(".", 1)[-1]
    title = _words(spec.title, lang)
    heading = f"第{number}条 {title}" if lang == "zh" else f"Article {number}. {title}"
    rows = tuple(_paragraph(p, cite, lang, jurisdiction, provisions) for p in a.paragraphs)
    def said(notes: tuple[Note, ...]) -> tuple[str, ...]:
        merged: dict[str, list[str]] = {}  # one sentence found in several provisions is said once, naming them all
        for n in notes:
            merged.setdefault(_words(n.text, lang), []).append(n.provision)
        return tuple(_sentence(cite((cite.ids(ids) + ("：" if lang == "zh" else ": ") if (ids := list(dict.fromkeys(
            p for p in pids if p))) else "") + (of_several(text, lang, [cite.of(i) for i in ids]) if len(ids) > 1
                                        else text)))
            for text, pids in merged.items())

    practices = said(a.practices)
    challenges = tuple(_sentence(cite(f"{cite.of(r.provision)}（{_zh_ref(r.paragraph)}）：{_words(r.reason, lang)}"
                                      if lang == "zh" else
                                      f"{cite.of(r.provision)} (Art. {r.paragraph}): {_words(r.reason, lang)}"))
                       for r in a.challenges)
    return ArticlePage(
        spec.article, heading, tuple(cite(_words(t, lang)) for t in a.scope),
        tuple(_words(t, lang) for t in a.provenance) + _name_in_own_usage(jurisdiction, lang), rows,
        _named_once(tuple(_measure(m, cite, lang, provisions) for m in a.measures), a.measures, lang),
        practices, challenges,
        tuple(r for r in rows if r.recommendation), tuple(r for r, p in zip(rows, a.paragraphs, strict=True)
                                                          if p in a.for_reviewer),
        tuple(r for r, p in zip(rows, a.paragraphs, strict=True) if p in a.decided),
        tuple(r for r in rows if r.amendment is not None),
        tuple(r for r in rows if r.declaration),
        *_result(a, lang), beyond=said(a.beyond))


def _result(a: ArticleReview, lang: str) -> tuple[str, str]:
    """The article's summary and what its empty recommendations say: an obligatory paragraph the check could not
    assess is named as awaiting a reviewer, never passed over as implemented."""
    w = WORDS[lang]
    if not a.conforms:
        return w["result_gap"], w["no_recommendations"]
    pending = [p.requirement.paragraph for p in a.paragraphs
               if p.requirement.force is Force.SHALL and p.verdict is Verdict.NOT_ASSESSED]
    if not pending:
        return w["result_ok"], w["no_recommendations"]
    named = "、".join(_zh_ref(p) for p in pending) if lang == "zh" else "Art. " + ", ".join(pending)
    assessed = any(p.requirement.force is Force.SHALL and p.verdict is not Verdict.NOT_ASSESSED for p in a.paragraphs)
    return (w["result_pending" if assessed else "result_none"].format(named=named),
            w["no_recommendations_pending"].format(named=named))


def _zh_ref(paragraph: str) -> str:
    m = re.match(r"(\d+)\((\d+)\)", paragraph)
    return f"第{m.group(1)}条第{m.group(2)}款" if m else f"第{paragraph}条"


def page(r: Review, lang: str) -> ReviewPage:
    """Everything the templates show, in one language, decided here."""
    cite = _Cite([*r.documents, *r.pending], lang)  # a pending draft a paragraph names is cited as any article
    provisions = provisions_of([*r.documents, *r.pending])
    name = _words(r.name, lang)
    words = {k: v.replace("{article}", article_word(r.jurisdiction)) for k, v in WORDS[lang].items()}
    made = ReviewPage(lang, r.jurisdiction, words, words["title"], name, _words(r.benchmark, lang),
                      tuple(_article(a, cite, lang, provisions, r.jurisdiction) for a in r.articles),
                      tuple(s.full for s in r.sources()))
    form = treaty_citation_form(r.jurisdiction) if lang == "zh" else None
    made = _restated(made, lambda s: cite_treaty_as(s, form)) if form is not None else made
    made = _spelled_out(made, r.jurisdiction, lang)
    if lang != "zh":
        return made
    return _in_script(made, r) if traditional(r.jurisdiction) else dataclasses.replace(made, tag="zh-Hans")


# What a page quotes: the statutes' text (a measure's quotation, an amendment's statute text, composed in the
# jurisdiction's script by wording/zh) and the treaty's, never converted
_QUOTED = frozenset({"quote", "text"})


def _in_script(made: ReviewPage, r: Review) -> ReviewPage:
    """The page about a jurisdiction whose statutes are written in traditional characters, wholly in its script and
    usage (wording/taiwan.in_script): its fixed words, findings, counterexamples and recommendations, the treaty's
    Chinese gist included; its quotations of the statutes kept as they are written."""
    verbatim = "\n".join(t for d in (*r.documents, *r.pending)
                          if (x := getattr(d, "text", None)) is not None and (t := text_in(x, "zh", True)))

    def converted(s: str) -> str:
        return in_script(s, r.jurisdiction, verbatim)

    made = _restated(made, converted, keep=_QUOTED)
    return dataclasses.replace(made, words={k: converted(v) for k, v in made.words.items()}, tag="zh-Hant")


def _spelled_out(made: ReviewPage, jurisdiction: str, lang: str) -> ReviewPage:
    """Each abbreviation the pack gives an instrument (CSEPA) spelled out where the page first uses it, in the order
    the page is read: 'Child and Youth Sexual Exploitation Prevention Act (CSEPA)', its jurisdiction left to the
    page's heading."""
    pack = packs.pack(jurisdiction)
    for instrument in (pack.instruments.values() if pack is not None else ()):
        short = instrument.abbreviation.get(lang)
        if not short:
            continue
        name = instrument.labels.get(lang, "").removesuffix(f" ({pack.label(lang)})") if pack else ""
        pattern = re.compile(rf"(?<![\w《]){re.escape(short)}(?!\w)")
        first = [True]

        def once(s: str, pattern: re.Pattern[str] = pattern, name: str = name, short: str = short,
                 first: list[bool] = first) -> str:
            if not first[0] or pattern.search(s) is None:
                return s
            first[0] = False
            return pattern.sub(f"{name} ({short})", s, count=1)

        made = _restated(made, once)
    return made


def _restated(value: Any, restate: Callable[[str], str], keep: frozenset[str] = frozenset()) -> Any:
    """Every text of a page restated (its strings, in its rows and lists) but the fields named in `keep`; the page's
    words stay as they are."""
    if isinstance(value, str):
        return restate(value)
    if isinstance(value, tuple):
        return tuple(_restated(v, restate, keep) for v in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, **{f.name: _restated(getattr(value, f.name), restate, keep)
                                             for f in dataclasses.fields(value)
                                             if f.name != "words" and f.name not in keep})
    return value


# ------------------------------------------------------------------ formats


def _md(s: str) -> str:
    return escape.markdown_text(s)


def _md_cell(s: str) -> str:
    return escape.markdown_text(s).replace("\n", "<br>") or "—"


def _render(template: str, pages: Sequence[ReviewPage], **extra: Any) -> str:
    return environment().get_template(template).render(pages=pages, **extra)


def to_text(reviews: Sequence[Review], lang: str = "en") -> str:
    """The review as plain text, jurisdiction by jurisdiction."""
    return escape.lines(_render("review.txt.j2", [page(r, lang) for r in reviews]))


def to_markdown(reviews: Sequence[Review], lang: str = "en") -> str:
    return _render("review.md.j2", [page(r, lang) for r in reviews], md=_md, cell=_md_cell,
                   code=escape.markdown_code, block=escape.markdown_block)


def to_html(reviews: Sequence[Review], lang: str = "en") -> str:
    """The review as one HTML page, each jurisdiction's part in its own script; the page's own title and language
    are the parts' where they share one, else the review's default (simplified Chinese)."""
    pages = [page(r, lang) for r in reviews]
    one = len({p.tag for p in pages}) == 1
    tag = pages[0].tag if pages and one else "zh-Hans" if lang == "zh" else "en"
    title = pages[0].title if pages and one else WORDS[lang]["title"]
    return _render("review.html.j2", pages, lang=lang, tag=tag, title=title, br=_br)


def _br(s: str) -> Markup:
    return Markup("<br>").join(Markup.escape(x) for x in s.split("\n"))


FORMATS: dict[str, Callable[[Sequence[Review], str], str]] = {"text": to_text, "markdown": to_markdown,
                                                               "html": to_html}


def to_json(reviews: Sequence[Review]) -> dict[str, Any]:
    """The review in both languages, as the schema (schemas/review.schema.json) describes it."""
    return {"lexdraft": __version__, "schema": REVIEW_SCHEMA_VERSION, "kind": "review",
            "jurisdictions": [_json_review(r) for r in reviews]}


def _json_review(r: Review) -> dict[str, Any]:
    pages = {lang: page(r, lang) for lang in LANGS}
    return {
        "jurisdiction": r.jurisdiction,
        "name": {lang: pages[lang].jurisdiction for lang in LANGS},
        "benchmark": {lang: pages[lang].benchmark for lang in LANGS} if r.benchmark else None,
        "conforms": r.conforms,
        "articles": [_json_article(a, {lang: pages[lang].articles[i] for lang in LANGS})
                     for i, a in enumerate(r.articles)],
        "sources": [s.full for s in r.sources()],
    }


def _json_article(a: ArticleReview, pages: dict[str, ArticlePage]) -> dict[str, Any]:
    en, zh = pages["en"], pages["zh"]
    return {
        "article": a.spec.article,
        "title": {"en": en.heading, "zh": zh.heading},
        "provisional": a.spec.provisional,
        "conforms": a.conforms,
        "scope": {"en": list(en.scope), "zh": list(zh.scope)},
        "provenance": {"en": list(en.provenance), "zh": list(zh.provenance)},
        "measures": [{"id": m.document.id, "role": m.role, "paragraphs": list(m.paragraphs), "context": m.context,
                      "citation": {"en": me.citation, "zh": mz.citation}, "quote": {"en": me.quote, "zh": mz.quote}}
                     for m, me, mz in zip(a.measures, en.measures, zh.measures, strict=True)],
        "paragraphs": [{"id": p.requirement.id, "paragraph": p.requirement.paragraph, "force": p.requirement.force,
                        "verdict": p.verdict, "met_by": p.finding.met_by, "text": p.text, "marks": list(p.marks),
                        "observations": {"en": list(pe.observations), "zh": list(pz.observations)},
                        "recommendation": {"en": pe.recommendation, "zh": pz.recommendation}
                        if p.recommendation else None,
                        "declaration": {"en": pe.declaration, "zh": pz.declaration} if p.declaration else None,
                        "counterexample": {"en": pe.counterexample, "zh": pz.counterexample}
                        if p.counterexample else None,
                        "questions": {"en": list(pe.questions), "zh": list(pz.questions)},
                        "amendment": _json_amendment(p.amendment, pe.amendment, pz.amendment)}
                       for p, pe, pz in zip(a.paragraphs, en.paragraphs, zh.paragraphs, strict=True)],
        "beyond": {"en": list(en.beyond), "zh": list(zh.beyond)},
        "good_practices": {"en": list(en.practices), "zh": list(zh.practices)},
        "challenges": {"en": list(en.challenges), "zh": list(zh.challenges)},
    }


def _json_amendment(am: Amendment | None, en: AmendmentRow | None, zh: AmendmentRow | None) -> dict[str, Any] | None:
    if am is None or en is None or zh is None:
        return None
    v = am.verification
    return {"target": am.target, "amends": am.amends, "rank": am.rank, "edits": list(am.edits), "lexd": am.lexd,
            "file": en.file, "options": list(am.options), "closes": list(am.closes or (am.requirement,)),
            "what": {"en": en.what, "zh": zh.what}, "text": {"en": en.text, "zh": zh.text},
            "verified": {"en": en.verified, "zh": zh.verified},
            "verification": {"after": v.after[am.requirement], "fell": v.fell(), "reached_by": list(v.reached_by)}}


def dumps(reviews: Sequence[Review]) -> str:
    return escape.json_text(json.dumps(to_json(reviews), ensure_ascii=False, indent=2) + "\n")

Cite = _Cite  # the citations of a review, for the other reports that quote its findings (memorandum)
