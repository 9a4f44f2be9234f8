"""The explanatory memorandum of an amendment bill (关于《……（草案）》的说明): for each item, the papers it rests on,
the drafters' own explanation where the file gives one, and the treaty findings it changes, re-checked item by item
against the text in force; every sentence comes from the bill, the drafts and the review's findings."""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .. import escape, packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.amendments import Step, code_of, earlier_in_bill, paragraph_in_force
from ..pipeline import check_provisions, treaty_articles
from ..treaty.conformance import Finding, Note
from ..treaty.papers import FILE_NAME
from ..treaty.spec import paragraph_label, treaty_citation_form
from ..wording.bills import bill_page
from ..wording.citations import article_label, cite_treaty_as, sources_cited
from ..wording.environment import environment
from ..wording.labels import text_in
from ..wording.numerals import chinese_numeral
from ..wording.taiwan import in_script
from .report import VERDICT_LABELS
from .review import Cite

Amending = A.Provision | A.Obligation | A.Rule
Item = Amending | A.Deletion

# The memorandum's own words, per language: its part headings and the sentences that join the findings. Every fact
# in them comes from data ({…}); none is a placeholder for a drafter to fill in.
WORDS: Mapping[str, Mapping[str, str]] = {
    "zh": {
        "insert": "增加{article}", "replace": "修改{article}", "add-paragraph": "在{article}中增加一款",
        "delete": "删去{article}", "titled": "{what}（{title}）",
        "overview": "草案共{count}条：{parts}。", "commencement-part": "规定施行日期",
        "does-insert": "增加{article}", "does-replace": "修改{article}",
        "does-add-paragraph": "在{article}中增加一款",
        "does-delete": "删去{article}", "paragraph": "{paragraph}",
        "basis": "以下各条所述审查结论，系将现行规定（{provisions}）对照{articles}逐项审查，并按草案顺序逐条加入"
                 "草案各条后重新审查所得。",
        "sources": "本条依据：", "explanation": "起草者说明：",
        "changed": "{paragraph}：现行法律为“{before}”，本条加入后为“{after}”。",
        "kept": "{paragraph}：仍为“{after}”，审查理由有所变化。",
        "before": "现行法律的审查理由：", "after": "本条加入后的审查理由：",
        "unchanged": "本条不改变{articles}的任何审查结论。", "commencement": "施行日期", "sep": "；", "list": "、",
        "and": "，", "colon": "：",
    },
    "en": {
        "insert": "{article} added", "replace": "{article} amended", "add-paragraph": "A paragraph added to {article}",
        "delete": "{article} deleted", "titled": "{what}: {title}",
        "overview": "The draft has {count} items: {parts}.", "commencement-part": "it provides for its commencement",
        "does-insert": "it adds {article}", "does-replace": "it amends {article}",
        "does-add-paragraph": "it adds a paragraph to {article}", "does-delete": "it deletes {article}",
        "paragraph": "Art. {paragraph}",
        "basis": "The findings below come from checking the provisions in force ({provisions}) against {articles}, "
                 "and checking again as each item of the draft is added, in the draft's order.",
        "sources": "This item rests on: ", "explanation": "The drafters' explanation: ",
        "changed": "{paragraph}: {before} under the law in force; {after} with this item.",
        "kept": "{paragraph}: still {after}; the reasons change.",
        "before": "The reasons under the law in force:", "after": "The reasons with this item:",
        "unchanged": "This item changes no finding on {articles}.", "commencement": "Commencement", "sep": "; ",
        "list": ", ", "and": "; ", "colon": ": ",
    },
}


@dataclass(frozen=True)
class Change:
    """One treaty paragraph whose finding an item changes: its verdict before and after, and the reasons the review
    gives under the law in force that the item removes, and those it gives once the item is added."""

    paragraph: str
    said: str  # 第14条第1款(c)项：现行法律为“未满足”，本条加入后为“部分满足”。
    before: tuple[str, ...]
    after: tuple[str, ...]


@dataclass(frozen=True)
class Part:
    """One item of the bill as the memorandum explains it."""

    heading: str
    sources: tuple[str, ...] = ()
    explanation: tuple[str, ...] = ()  # the drafters' own words (`explanation`), as the file gives them
    changes: tuple[Change, ...] = ()
    unchanged: str = ""  # said where the item changes no finding
    text: tuple[str, ...] = ()  # the commencement's own words


@dataclass(frozen=True)
class Memorandum:
    """Everything a memorandum's writers print."""

    title: str
    bill: str
    overview: str
    basis: str
    parts: tuple[Part, ...]
    lang: str
    jurisdiction: str
    script: str = "hans"
    office: str = ""  # the bill's office line, as its file states it
    status: str = ""  # 草案 / Draft while the bill is proposed: the header of its Word pages
    own_words: Mapping[str, str] | None = None  # its fixed words in a traditional-script pack's script

    @property
    def words(self) -> Mapping[str, str]:
        return self.own_words or WORDS[self.lang]

    @property
    def html_lang(self) -> str:
        return "en" if self.lang == "en" else "zh-Hant" if self.script == "hant" else "zh-Hans"


def _jurisdiction(doc: A.Document) -> str:
    return doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]


def _in_force(context: Sequence[A.Document], jurisdiction: str) -> list[Amending]:
    return [d for d in context if isinstance(d, Amending) and d.status is not None and d.status.name == "in-force"
            and _jurisdiction(d) == jurisdiction]


def _findings(documents: Sequence[Amending], articles: list[str]) -> dict[str, Finding]:
    provisions = [d for d in documents if isinstance(d, A.Provision)]
    rules = [d for d in documents if isinstance(d, A.Rule)]
    measures = [d for d in documents if isinstance(d, A.Obligation)]
    return {f.requirement.id: f for c in check_provisions(provisions, articles, rules, (), None, None, measures)
            for f in c.report.verdicts}


def _applied(documents: list[Amending], item: Item, code: str, earlier: Sequence[Step]) -> list[Amending]:
    """The set once one item is made: an inserted article added; a replaced article's (or paragraph's) text in force
    and a deleted article taken out, the amending text put in. A paragraph is the one the item numbers after the
    bill's `earlier` changes of its article: its entry in force by its number there, or the item that added it."""
    def gone(code: str, article: str, paragraph: int | None) -> list[Amending]:
        was = paragraph_in_force(paragraph, earlier) if paragraph else None
        if isinstance(was, str):
            return [d for d in documents if d.id != was]
        ident = f"{code}.{article}" + (f".{was}" if was else "")
        return [d for d in documents if d.id != ident and not d.id.startswith(ident + ".")]

    if isinstance(item, A.Deletion):
        return gone(code, item.article, item.paragraph)
    ins = item.instrument
    assert ins is not None and ins.article is not None
    if ins.operation == "replace":
        documents = gone(code_of(item), ins.article, ins.paragraph)
    return [*documents, item]


def memorandum(bill: A.Amendment, context: Sequence[A.Document], lang: str,
               against: Sequence[str] | None = None) -> Memorandum:
    """The memorandum of `bill` in `lang`, its findings from the text in force among `context` (every document
    loaded with it) checked against `against` (default: the treaty articles the bill's items implement)."""
    jurisdiction = _jurisdiction(bill)
    pack = packs.pack(jurisdiction)
    form = pack.memorandum.get(lang) if pack is not None else None
    if pack is None or form is None:
        raise fail("E412", f"the pack of {jurisdiction!r} gives no form for an explanatory memorandum in {lang!r}",
                   bill.span, "add `memorandum: {" + lang + ": {title: …, part: …}}` to the pack "
                   "(docs/language.md, \"Packs\")")
    in_force = _in_force(context, jurisdiction)
    if not in_force:
        raise fail("E412", f"no text in force of {jurisdiction!r} is read with `{bill.id}`: its memorandum says what "
                   "each item changes in the law in force", bill.span,
                   "read the drafts in force with it, e.g. `--with drafts/prc/in-force`")
    amending = [g for g in bill.gathered if not isinstance(g, A.Deletion)]
    articles = treaty_articles(against)  # every article: an item may change a finding it does not aim at (Art. 18)
    hant = lang == "zh" and pack.script == "hant"
    w = WORDS[lang]
    page = bill_page(bill, lang)
    cite = Cite([*context, *amending], lang)
    code = f"{jurisdiction}.{bill.amends.name}" if bill.amends is not None else ""
    treaty = _treaty_articles(articles, lang, w)
    documents: list[Amending] = list(in_force)
    before = _findings(documents, articles)
    parts: list[Part] = []
    verbs: dict[str, list[str]] = {}
    for n, (item, earlier) in enumerate(zip(bill.gathered, earlier_in_bill(bill), strict=True), start=1):
        documents = _applied(documents, item, code, earlier)
        after = _findings(documents, articles)
        operation, label = _operation(item, jurisdiction, lang)
        verbs.setdefault(operation, []).append(label)
        title = _title(item, lang)
        what = w[operation].format(article=label)
        heading = _numbered(form, n) + (w["titled"].format(what=what, title=title) if title else what)
        changes = tuple(c for q in after if (c := _change(before.get(q), after[q], cite, lang)) is not None)
        explanation: tuple[str, ...] = ()
        if not isinstance(item, A.Deletion) and item.explanation is not None:
            value = item.explanation.en if lang == "en" else item.explanation.zh_hant or item.explanation.zh
            explanation = tuple(x.strip() for x in (value or "").strip("\n").split("\n") if x.strip())
        sources = () if isinstance(item, A.Deletion) else _sources(item.sources, lang)
        parts.append(Part(heading, sources, explanation, changes,
                          "" if changes else w["unchanged"].format(articles=treaty)))
        before = after
    if bill.commencement is not None:
        text = bill.commencement.en if lang == "en" else bill.commencement.zh_hant or bill.commencement.zh
        if not text:
            raise fail("E405", f"the commencement of {bill.id} has no {lang} text", bill.commencement.span,
                       f"add `{lang} \"…\"` to the commencement")
        parts.append(Part(_numbered(form, len(parts) + 1) + w["commencement"], text=(text,)))
    said = [w["does-" + op].format(article=_listed(labels, lang)) for op, labels in verbs.items()]
    if bill.commencement is not None:
        said.append(w["commencement-part"])
    count = len(page.items)
    overview = w["overview"].format(count=chinese_numeral(count) if lang == "zh" else count,
                                    parts=w["and"].join(said))
    basis = w["basis"].format(provisions=cite.ids([d.id for d in in_force]), articles=treaty)
    memo = Memorandum(form["title"].format(bill=page.title), page.title, overview, basis, tuple(parts), lang,
                      jurisdiction, "hant" if hant else "hans", page.office, page.status)
    return _in_script(memo, [*context, *amending]) if hant else memo


def _sources(sources: Sequence[str | A.Text], lang: str) -> tuple[str, ...]:
    """An item's `source` lines, each paper cited once by its authors and title with the passages it gives, in the
    order the file names them; a source that is no paper as the file words it (a line given in each language, in
    the reader's)."""
    passages: dict[str, list[str]] = {}
    for line in sources:
        s = line if isinstance(line, str) else (
            ((line.zh_hant or line.zh) if lang == "zh" else line.en) or line.en or line.zh_hant or line.zh or "")
        m = FILE_NAME.match(s)
        key, rest = (m.group(0), s[m.end():].strip()) if m else (s, "")
        passages.setdefault(key, [])
        if rest:
            passages[key].append(rest)
    sep = "；" if lang == "zh" else "; "
    return tuple(" ".join([sources_cited([k], lang)[0], sep.join(v)]) if v else sources_cited([k], lang)[0]
                 for k, v in passages.items())


def _numbered(form: Mapping[str, str], n: int) -> str:
    numerals = form.get("part-numerals", "arabic")
    return form["part"].format(n=chinese_numeral(n, numerals) if numerals.startswith("chinese") else n)


def _listed(labels: Sequence[str], lang: str) -> str:
    if lang == "zh" or len(labels) == 1:
        return "、".join(labels)
    return ", ".join(labels[:-1]) + " and " + labels[-1]


def _treaty_articles(articles: Sequence[str], lang: str, w: Mapping[str, str]) -> str:
    numbers = [a.rsplit(".", 1)[-1] for a in articles]
    if lang == "zh":
        return "《联合国打击网络犯罪公约》" + w["list"].join(f"第{n}条" for n in numbers)
    named = ", ".join(numbers[:-1]) + " and " + numbers[-1] if len(numbers) > 1 else numbers[0]
    return f"Article{'s' if len(numbers) > 1 else ''} {named} of the UN Convention against Cybercrime"


def _operation(item: Item, jurisdiction: str, lang: str) -> tuple[str, str]:
    """What an item does, and the article it does it to, as the pack cites it."""
    if isinstance(item, A.Deletion):
        return "delete", article_label(item.article, jurisdiction, lang, item.paragraph)
    ins = item.instrument
    assert ins is not None and ins.operation is not None and ins.article is not None
    paragraph = ins.paragraph if ins.operation == "replace" else None
    return ins.operation, article_label(ins.article, jurisdiction, lang, paragraph)


def _title(item: Item, lang: str) -> str:
    if isinstance(item, A.Deletion) or item.title is None:
        return ""
    return ((item.title.zh_hant or item.title.zh) if lang == "zh" else item.title.en) or ""


def _said(notes: Sequence[Note], cite: Cite, lang: str) -> list[str]:
    """The review's reasons, each document named by its citation and each paper by its authors and title."""
    colon = "：" if lang == "zh" else ": "
    text = [(cite.of(n.provision) + colon if n.provision else "") + ((n.text.zh if lang == "zh" else n.text.en) or "")
            for n in notes]
    return [cite(t) for t in text]


def _key(text: str) -> str:
    return "".join(sorted(text))


def _change(old: Finding | None, new: Finding, cite: Cite, lang: str) -> Change | None:
    """What an item changes in one paragraph's finding (None where it changes nothing): the reasons compared as the
    reader reads them, so that an article's text in force and its amended text, cited alike, count as one."""
    was = _said(old.notes, cite, lang) if old is not None else []
    now = _said(new.notes, cite, lang)
    # A reason that only names the same provisions in another order (the amended article's id sorts elsewhere than
    # the id of its text in force) is the same reason: compared by the characters it is made of.
    was_keys, now_keys = {_key(t) for t in was}, {_key(t) for t in now}
    gone = tuple(dict.fromkeys(t for t in was if _key(t) not in now_keys))
    added = tuple(dict.fromkeys(t for t in now if _key(t) not in was_keys))
    same = old is not None and old.verdict is new.verdict
    if same and not gone and not added:
        return None
    w = WORDS[lang]
    paragraph = w["paragraph"].format(paragraph=paragraph_label(new.requirement.paragraph, lang))
    labels = VERDICT_LABELS[lang]
    said = w["kept" if same else "changed"].format(paragraph=paragraph, after=labels[new.verdict],
                                                    before=labels[old.verdict] if old is not None else "")
    return Change(paragraph, said, gone, added)


def _in_script(memo: Memorandum, documents: Sequence[Any]) -> Memorandum:
    """A traditional-script pack's memorandum: the composed words, the review's reasons among them, in its script and
    usage (wording/taiwan.in_script); the drafters' own words, the sources' titles and the statutes' quoted words
    come through as written."""
    verbatim = "\n".join(t for d in documents
                          if (x := getattr(d, "text", None)) is not None and (t := text_in(x, "zh", True)))
    form = treaty_citation_form(memo.jurisdiction)  # the Convention cited as its law cites an article

    def conv(s: str) -> str:
        return in_script(cite_treaty_as(s, form) if form is not None else s, memo.jurisdiction, verbatim)

    parts = tuple(Part(conv(p.heading), p.sources, p.explanation,
                       tuple(Change(c.paragraph, conv(c.said), tuple(map(conv, c.before)), tuple(map(conv, c.after)))
                             for c in p.changes),
                       conv(p.unchanged), p.text) for p in memo.parts)
    return dataclasses.replace(memo, title=conv(memo.title), overview=conv(memo.overview), basis=conv(memo.basis),
                               parts=parts, own_words={k: conv(v) for k, v in WORDS[memo.lang].items()})


# ------------------------------------------------------------------ formats


def to_text(memo: Memorandum) -> str:
    return environment().get_template("memorandum.txt.j2").render(memo=memo)


def to_markdown(memo: Memorandum) -> str:
    return environment().get_template("memorandum.md.j2").render(memo=memo, md=escape.markdown_text)


def to_html(memo: Memorandum) -> str:
    return environment().get_template("memorandum.html.j2").render(memo=memo)
