"""The text "as amended": each article an amendment (or a bill's items) changes, as the statute would read with it
made, in the statute's order, titled and marked not in force as its pack words it (`consolidated:`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.amendments import code_of
from .bills import bill_page
from .boilerplate import words
from .citations import article_label, own_name
from .comparison import amendments_of, jurisdiction_of, paragraphs, texts_in_force
from .labels import authentic
from .notes import treaty_notes
from .pages import obligation_page, provision_page, rule_page
from .taiwan import taiwan_script

Amending = A.Provision | A.Obligation | A.Rule


@dataclass(frozen=True)
class Article:
    """One article as amended: its label and its paragraphs (a list's items kept with the paragraph they belong
    to); none for an article the amendment deletes."""

    label: str
    paragraphs: tuple[tuple[str, ...], ...]
    deleted: str = ""  # what a deleted article leaves where it stood: （删去）
    space: str = " "  # between the label and the first words: 第三百六十六条　单位犯……
    number: str = ""  # as ids write it (253-2): where an Akoma Ntoso text puts the article (art_253-2)

    @property
    def lines(self) -> tuple[str, ...]:
        """The article as a statute prints it: its label before its first words, each line of a paragraph on its
        own."""
        flat = [line for p in self.paragraphs for line in p] or [self.deleted]
        return (self.label + self.space + flat[0], *flat[1:])


@dataclass(frozen=True)
class ConsolidatedPage:
    """Everything a consolidated text's writers print: the title and the standing, as the pack words them, the
    standing of an English text's translation, and the articles."""

    title: str
    standing: str
    translation: str
    articles: tuple[Article, ...]
    lang: str
    jurisdiction: str
    script: str = "hans"
    # notes below the standing: the Convention's words at their least certain that the English prints ("Treaty
    # words: …")
    notes: tuple[str, ...] = ()

    @property
    def words(self) -> Mapping[str, str]:
        return words(self.lang, self.script)

    @property
    def html_lang(self) -> str:
        return "en" if self.lang == "en" else "zh-Hant" if self.script == "hant" else "zh-Hans"


# What an article deleted leaves where it stood, as consolidated texts print it.
DELETED = {"hans": "（删去）", "hant": "（刪除）", "en": "(Deleted)"}


def _text_in_force(code: str, article: str, in_force: Mapping[str, Amending], lang: str, hant: bool,
                   what: str, span: A.Span | None) -> list[list[str]]:
    known = in_force.get(f"{code}.{article}")
    text = None
    if known is not None and known.text is not None:
        text = ((known.text.zh_hant or known.text.zh) if hant else known.text.zh or known.text.zh_hant) \
            if lang == "zh" else known.text.en
    if not text:
        missing = "is not among the drafts" if known is None else f"has no {lang} text in `{known.id}`"
        raise fail("E411", f"the text in force of article {article}, which `{what}` changes, {missing}", span,
                   "read the drafts in force with it, e.g. `--with drafts/prc/in-force`: the text as amended is the "
                   "article in force with the amendment made")
    return paragraphs(text)


def _amended(doc: Amending, in_force: Mapping[str, Amending], lang: str, hant: bool,
             made: Mapping[str, Article]) -> tuple[str, list[list[str]]]:
    """The article `doc` changes, as it reads once changed: from the article as the changes before it left it (`made`,
    by number), else as in force; its paragraph numbered as the article then stands."""
    ins = doc.instrument
    assert ins is not None and ins.operation is not None and ins.article is not None
    page = provision_page(doc, lang) if isinstance(doc, A.Provision) else \
        rule_page(doc, lang) if isinstance(doc, A.Rule) else obligation_page(doc, lang)
    new = paragraphs("\n".join(page.lines))
    if ins.operation == "insert":
        return ins.article, new
    current = [list(p) for p in made[ins.article].paragraphs] if ins.article in made else \
        _text_in_force(code_of(doc), ins.article, in_force, lang, hant, doc.id, ins.span)
    if ins.operation == "add-paragraph":  # as paragraph P: those from P on in force move down one
        at = ins.paragraph - 1 if ins.paragraph else len(current)
        return ins.article, current[:at] + new + current[at:]
    if ins.paragraph:
        if ins.paragraph > len(current):
            raise fail("E411", f"article {ins.article} has no paragraph {ins.paragraph} in force", ins.span,
                       f"replace one of its paragraphs 1-{len(current)}")
        return ins.article, current[:ins.paragraph - 1] + new + current[ins.paragraph:]
    return ins.article, new


def _order(article: str) -> tuple[int, ...]:
    """An article number in the statute's order: 253 < 253-1 < 253-2 < 254."""
    return tuple(int(p) if p.isdigit() else 0 for p in article.split("-"))


def consolidated_page(documents: Sequence[A.Document], context: Sequence[A.Document],
                      lang: str | None = None) -> ConsolidatedPage:
    """The articles the amendments among `documents` change, as amended, against the text in force `context` holds;
    without `lang`, in the authentic language of the pack's statutes (a statute text, as a comparison table is)."""
    changes = amendments_of(documents)
    if not changes:
        where = documents[0].span if documents else None
        raise fail("E411", "nothing here amends an article: the text as amended is the text in force with an "
                   "amendment made", where, "render an amendment or a bill with --as-amended")
    jurisdiction = jurisdiction_of(changes[0])
    pack = packs.pack(jurisdiction)
    if lang is None:
        lang = pack.languages[0].split("-")[0] if pack is not None and pack.languages else "en"
    form = pack.consolidated.get(lang) if pack is not None else None
    if pack is None or form is None:
        raise fail("E411", f"the pack of {jurisdiction!r} gives no form for a text as amended in {lang!r}",
                   changes[0].span, "add `consolidated: {" + lang + ": {title: …, standing: …}}` to the pack "
                   "(docs/language.md, \"Packs\")")
    hant = lang == "zh" and pack.script == "hant"
    script = "hant" if hant else "hans"
    w = words(lang, script)
    in_force = texts_in_force(context)
    articles: dict[str, Article] = {}
    names: list[str] = []
    acts: list[str] = []
    glosses: set[str] = set()
    made_by: dict[str, list[A.Provision]] = {}  # article -> the provisions that make it (their objects' words)
    for change in changes:
        if isinstance(change, A.Amendment):
            names.append(bill_page(change, lang).title)
            items: Sequence[Amending | A.Deletion] = change.gathered
        else:
            title = change.title and ((change.title.zh_hant or change.title.zh) if lang == "zh" else change.title.en)
            names.append(title or change.id)
            items = (change,)
        for item in items:
            if isinstance(item, A.Deletion):
                assert isinstance(change, A.Amendment) and change.amends is not None
                code = f"{jurisdiction}.{change.amends.name}"
                label = article_label(item.article, jurisdiction, lang)
                if item.paragraph:
                    paras = [list(p) for p in articles[item.article].paragraphs] if item.article in articles else \
                        _text_in_force(code, item.article, in_force, lang, hant, change.id, item.span)
                    if item.paragraph > len(paras):
                        raise fail("E411", f"article {item.article} has no paragraph {item.paragraph} to delete",
                                   item.span, f"delete one of its paragraphs 1-{len(paras)}")
                    del paras[item.paragraph - 1]
                    articles[item.article] = Article(label, tuple(tuple(p) for p in paras), space=w["space"],
                                                     number=item.article)
                else:
                    articles[item.article] = Article(label, (), DELETED["en" if lang == "en" else script],
                                                     w["space"], item.article)
                continue
            # changes of one article are made in order, each on the article as those before it left it
            article, paras = _amended(item, in_force, lang, hant, articles)
            if isinstance(item, A.Provision):
                made_by.setdefault(article, []).append(item)
            articles[article] = Article(article_label(article, jurisdiction, lang), tuple(tuple(p) for p in paras),
                                        space=w["space"], number=article)
            act = _act(item, pack, lang)
            if act not in acts:
                acts.append(act)
            # the standing of an English that quotes a text (a composed article's English is the draft's own)
            if item.text is not None:
                glosses.add(item.translation.name if item.translation is not None else "unrecorded")
            known = in_force.get(f"{code_of(item)}.{article}")
            if known is not None and item.instrument is not None and item.instrument.operation != "replace" \
                    or item.instrument is not None and item.instrument.paragraph:
                glosses.add(known.translation.name if known is not None and known.translation is not None
                            else "unrecorded")
    sep = "、" if lang == "zh" else " and "
    title = form["title"].format(act=sep.join(acts), amendment=sep.join(names))
    standing = form["standing"].format(amendment=sep.join(names))
    translation = ""
    if glosses and not authentic(jurisdiction, lang):
        kind = glosses.pop() if len(glosses) == 1 else "unrecorded"
        translation = w.get(kind if kind in ("working-gloss", "published") else "unrecorded", "")
    ordered = tuple(articles[a] for a in sorted(articles, key=_order))
    notes = treaty_notes([(a.label, made_by.get(a.number, ()), a.lines) for a in ordered], lang, w)
    if hant:
        ordered = tuple(Article(a.label, tuple(tuple(taiwan_script(x) for x in p) for p in a.paragraphs), a.deleted,
                                a.space, a.number) for a in ordered)
    return ConsolidatedPage(title, standing, translation, ordered, lang, jurisdiction, script, notes)


def _act(doc: Amending, pack: packs.Pack, lang: str) -> str:
    key = code_of(doc).split(".", 1)[1]
    act = pack.instruments.get(key)
    return own_name(pack.code, act.labels.get(lang) or act.labels["en"]) if act is not None else key
