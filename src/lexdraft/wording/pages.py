"""Page models handed to the templates: every word a provision page prints, decided here."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .boilerplate import words
from .citations import (
    Article,
    article_id,
    article_label,
    citation,
    law_name,
    own_name,
    paragraph_label,
    per_source,
    short_name,
    sources_cited,
)
from .divisions import section_lines, sectioned
from .en_common_law import unit_words
from .labels import authentic, language_name, own_language, text_in, traditional, translation_status
from .notes import DraftingNote, drafting_notes
from .obligations import obligation_lines
from .styles import STYLES, article_paragraphs, composes, style_name
from .taiwan import composed_chinese
from .versions import dated_as_at, dated_date, version_words


@dataclass(frozen=True)
class ProvisionPage:
    """Everything a provision template prints, decided here."""

    form: str  # amendment | proposal | statute | summary
    script: str  # hans | hant: the script of the template's own words
    title: str | None
    citation: str
    intro: str | None  # the amendment's instruction sentence
    lead: str | None  # the article label opening the first line
    quoted: bool
    lines: tuple[str, ...]
    translation: str | None  # statute English: working-gloss | published | unrecorded | missing | authentic
    paragraph: str | None  # for a statute entry on one paragraph: 第三款 / paragraph 3
    notes: tuple[DraftingNote, ...]
    sources: tuple[str, ...]
    lang: str
    # A statute not authentic in the page's language: the language its text is authentic in, and after that text,
    # the translation the draft carries into the page's language (none where translation is "missing").
    own: str | None = None
    translated: tuple[str, ...] = ()
    version: str | None = None  # "law as at …": the version of the statute the text is
    dated: str | None = None  # `status outdated`: the as-at date of the earlier version the text is (2013-2020)
    # a proposal's front matter as its pack words it (`front:`): the mark after its citation, the quotation marks
    proposed_mark: str | None = None
    quotes: tuple[str, str] = ("“", "”")
    undrafted: bool = False  # a proposal whose English is not drafted: its Chinese is printed, and the page says so
    # a proposal's heading as its jurisdiction's drafting offices word it (the pack's `front:` amended, added or
    # proposal), in place of its citation and standing
    office_heading: str | None = None
    # a statute entry resting on a summary (`paraphrase`) or a recollection (`r-memory`): said above its text, so
    # that no reader takes what it quotes for the statute's words
    provenance: str | None = None
    # a summary composed in another language, its style composing none in the page's (France's, in Chinese): that tag
    summary_in: str | None = None
    # a common-law section's text in force, its parts a line each (wording.divisions), which Word sets out by level
    sections: bool = False

    @property
    def words(self) -> Mapping[str, str]:
        """The fixed words around the text, in the page's language and script."""
        return words(self.lang, self.script)

    @property
    def translation_heading(self) -> str | None:
        """The line above the translation: its language and standing."""
        if not self.translated:
            return None
        w = self.words
        status = w.get(f"{self.translation}-short", w["unrecorded-short"])
        return w["translation-heading"].format(language=language_name(self.lang, self.lang), status=status)

    @property
    def standing(self) -> str:
        """The text's standing after its citation: （立法建议稿）, (in force), (structured summary), or for the text of
        an earlier version, never "in force": (text as at 2013-2020; later amended, current text not verified [NF])."""
        if self.form == "statute" and self.dated:
            return self.words["dated"].format(date=dated_date(self.dated, self.lang))
        standing = {"statute": "in-force", "summary": "summary"}.get(self.form, "proposed")
        if standing == "proposed" and self.proposed_mark:  # the pack's own (`front:`): Taiwan's （草案）
            return self.proposed_mark
        return self.words[standing]

    @property
    def heading(self) -> str:
        """The heading under the title: the proposal's, as its pack words it, or the citation with the standing."""
        return self.office_heading or self.citation + self.standing

    @property
    def subheading(self) -> str | None:
        """The heading where it says more than the title: a heading the same as the title is printed once."""
        return None if self.heading == self.title else self.heading

    @property
    def frame(self) -> tuple[str, ...]:
        """What the reader must know before the text: a summary is not the statute; which paragraph an entry is on;
        the standing of a statute's English."""
        w = self.words
        if self.form == "summary":
            return (w["summary-warning"],
                    *((w["summary-in"].format(language=language_name(self.summary_in, self.lang)),)
                      if self.summary_in else ()),
                    *((w[f"rests-on-{self.provenance}"],) if self.provenance in ("paraphrase", "r-memory") else ()))
        if self.undrafted:
            return (w["not-drafted"],)
        if self.form != "statute":
            return ()
        entry = (w["entry-on"].format(paragraph=self.paragraph),) if self.paragraph else ()
        entry += (w["as-at-dated" if self.dated else "as-at"].format(version=self.version),) if self.version else ()
        entry += (w[f"rests-on-{self.provenance}"],) if self.provenance in ("paraphrase", "r-memory") else ()
        if self.own is not None:  # the authentic text first, in its own language, then whatever translation there is
            own = language_name(self.own, self.lang)
            if self.translation == "missing":
                return (*entry, w["own-missing"].format(own=own, language=language_name(self.lang, self.lang)))
            return (*entry, w["own-" + (self.translation or "unrecorded")].format(
                own=own, language=language_name(self.lang, self.lang)))
        if self.translation == "authentic":  # the statute's own language: no translation to qualify
            return entry
        if self.lang != "en" and self.translation == "missing":
            return (*entry, w["missing"])
        if self.lang == "en":
            return (*entry, w.get(self.translation or "unrecorded", w["unrecorded"]))
        return entry or (w["verbatim"],)

    @property
    def notes_heading(self) -> str:
        """Drafting notes beside a proposal; the elements of a summary."""
        return self.words["elements" if self.form == "summary" else "notes"]


def title_of(doc: A.Document, lang: str, prefer_hant: bool) -> str | None:
    t = doc.title
    if t is None:
        return None
    if lang == "en":
        value = t.en
    else:
        # Every line lexdraft writes on a Chinese page is Chinese: a title without Chinese is an error to fix, never
        # shown in English or the statute's own language instead (the statute's text alone keeps its language).
        value = (t.zh_hant or t.zh) if prefer_hant else (t.zh or t.zh_hant)
    if not value:
        raise fail("E405", f"the title of {doc.id} has no {lang} text", t.span, f"add `{lang} \"...\"` to the title")
    return value


def style_notes(p: A.Provision, lang: str) -> tuple[DraftingNote, ...]:
    """Composed text in a style not the jurisdiction's own (French in English common-law form): the pack's note, for
    a proposal (it says how the enacted text must be drafted); a summary of law in force says it is no statute text."""
    pack = packs.pack(article_id(p).jurisdiction)
    in_force = p.status is not None and p.status.name == "in-force"
    note = pack.style_note if pack is not None and p.text is None and not in_force else {}
    return (DraftingNote("style", note.get(lang) or note["en"]),) if note else ()


def _amendment_intro(p: Article, lang: str) -> str | None:
    """The instruction sentence of an amendment, as the NPC's amendments word it:
    在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二： / 将刑法第三百六十六条修改为： /
    在刑法第二百八十七条之一中增加一款作为第四款：, and in English One article is added after Article 253A of the
    Criminal Law as Article 253B: / … is amended to read:"""
    ins = p.instrument
    if replaced_part(p) is not None:
        return part_instruction(p, lang)
    if ins is None or ins.kind.name != "amendment" or not ins.operation:
        return None
    return amendment_instruction(p, lang)


def replaced_part(p: Article) -> tuple[int, str | None] | None:
    """The paragraph (and the item of it) whose text a proposal amending its act replaces where the amendment states
    no operation: a review's suggestion composed for one paragraph (or one sentence of it) of an article in force,
    which stands at the paragraph its id names and leaves the article's other paragraphs as they are."""
    ins = p.instrument
    if p.status is None or p.status.name != "proposed" or ins is None or ins.kind.name != "amendment" \
            or ins.operation:
        return None
    aid = article_id(p)
    return (aid.paragraph, aid.item) if aid.paragraph is not None else None


def part_instruction(p: Article, lang: str, *, law_named: bool = True, ending: str = "is amended to read:") -> str:
    """将刑法第二百三十七条第一款修改为： / Paragraph 1 of Article 237 of the Criminal Law is amended to read: (a
    common-law section's: Paragraph 4 of article 227-23 is replaced by the following:; an item as the pack cites it:
    Article 227-23, paragraph 1, sentence 1 is …), for the part `replaced_part` names."""
    part = replaced_part(p)
    assert part is not None
    aid = article_id(p)
    j = aid.jurisdiction
    target = (p.instrument.target if p.instrument is not None else None) or law_name(p, "zh")
    short = short_name(j, target)
    if lang == "zh":
        law = (short.get("zh") or f"《{target}》") if law_named else ""
        return f"将{law}{article_label(aid.article, j, 'zh', *part)}修改为："
    label = article_label(aid.article, j, "en", *part)
    which = f"Paragraph {part[0]} of {article_label(aid.article, j, 'en')}" if part[1] is None \
        else label[:1].upper() + label[1:]
    of = f" of {short.get('en') or 'the ' + own_name(j, law_name(p, 'en'))}" if law_named else ""
    return f"{which}{of} {ending}"


def amendment_instruction(p: Article, lang: str, *, law_named: bool = True) -> str:
    """The instruction of one amendment operation; `law_named=False` leaves the act out of the English, as a bill's
    items do (the bill's title names it)."""
    ins = p.instrument
    assert ins is not None and ins.operation is not None and ins.article is not None
    aid = article_id(p)
    j = aid.jurisdiction
    target = ins.target or law_name(p, "zh")
    short = short_name(j, target)
    if lang == "zh":
        law = short.get("zh") or f"《{target}》"
        if ins.operation == "insert":
            where = f"{law}第{article_label(ins.after, j, 'zh')[1:]}后" if ins.after else f"{law}中"
            return f"在{where}增加一条，作为{article_label(ins.inserts or '', j, lang)}："
        if ins.operation == "replace":
            return f"将{law}{article_label(ins.article, j, 'zh', ins.paragraph)}修改为："
        added = paragraph_label(ins.paragraph or 0, j, "zh")
        return f"在{law}{article_label(ins.article, j, 'zh')}中增加一款作为{added}："
    law = short.get("en") or f"the {own_name(j, law_name(p, 'en'))}"  # an act without a short name, as its law names it
    of = f" of {law}" if law_named else ""

    def cite(number: str) -> str:
        return article_label(number, j, "en")

    if ins.operation == "insert":
        new = cite(ins.inserts or "")
        if not law_named:
            after = f" after {cite(ins.after)}" if ins.after else ""
            return f"The following article is added{after} as {new}:"
        after = f"after {cite(ins.after)} of {law}" if ins.after else f"to {law}"
        return f"One article is added {after} as {new}:"
    article = cite(ins.article)
    if ins.operation == "replace":
        which = f"Paragraph {ins.paragraph} of {article}" if ins.paragraph else article
        return f"{which}{of} is amended to read:"
    return f"The following paragraph is added to {article}{of} as paragraph {ins.paragraph}:"


def front_matter(jurisdiction: str, lang: str) -> tuple[str | None, tuple[str, str]]:
    """A proposal's front matter in its pack's own style (`front:`): the mark after its citation, and the marks that
    quote the text an amendment puts in; without them, the PRC's (立法建议稿, “”)."""
    p = packs.pack(jurisdiction)
    form = p.front.get(lang, {}) if p is not None else {}
    quotes = form.get("quotes", "“”")
    return form.get("proposed"), (quotes[0], quotes[1])


def office_heading(p: Article, lang: str) -> str | None:
    """A proposal's heading in its pack's form (`front:`), by what it does to the act: an article amended
    (兒童及少年性剝削防制條例第三十九條條文修正草案), a new one inserted (…增訂第三十九條之一條文草案), or an article
    proposed in no amendment's form; None where the pack gives no such form."""
    if p.status is None or p.status.name != "proposed":
        return None
    aid = article_id(p)
    pack = packs.pack(aid.jurisdiction)
    form = pack.front.get(lang, {}) if pack is not None else {}
    ins = p.instrument
    operation = ins.operation if ins is not None else None
    key = "added" if operation == "insert" else "amended" if operation or replaced_part(p) is not None \
        else "proposal"
    if key not in form:
        return None
    return form[key].format(act=own_name(aid.jurisdiction, law_name(p, lang)),
                            article=article_label(aid.article, aid.jurisdiction, lang))


def _fronted(page: ProvisionPage, p: Article) -> ProvisionPage:
    jurisdiction = article_id(p).jurisdiction
    mark, quotes = front_matter(jurisdiction, page.lang)
    return replace(page, proposed_mark=mark, quotes=quotes, office_heading=office_heading(p, page.lang))


def provision_page(p: A.Provision, lang: str) -> ProvisionPage:
    aid = article_id(p)
    tw = traditional(aid.jurisdiction)
    proposed = p.status is not None and p.status.name == "proposed"
    title = title_of(p, lang, prefer_hant=tw)
    cite = citation(p, lang)
    label = article_label(aid.article, aid.jurisdiction, lang, None if proposed else aid.paragraph)
    sources = sources_cited(p.sources, lang)
    if p.text is not None and not proposed:
        return _statute_page(p, lang, title, cite, tw)
    intro = _amendment_intro(p, lang) if proposed else None
    quoted = intro is not None
    undrafted = p.text is not None and lang == "en" and not p.text.en and bool(p.text.zh or p.text.zh_hant)
    summary_in: str | None = None
    if undrafted:
        # An amendment worded in the statute's Chinese whose English nobody drafted: the Chinese, said to be so,
        # never an English text lexdraft would have to make up.
        lines = _text_lines(p, "zh", tw)
    elif p.text is not None:
        # A proposal worded by hand: the drafters' words are the proposal (a common-law section's parts a line
        # each, as its Akoma Ntoso numbers them).
        lines = _text_lines(p, lang, tw)
        if sectioned(aid.jurisdiction):
            lines = section_lines(lines)
    elif not proposed and not composes(lang, aid.jurisdiction):
        # a summary of law in force whose style composes none in `lang`: the summary in a language it composes, said
        # to be so (a proposal's words must be given instead: E401)
        summary_in = min(STYLES[style_name(aid.jurisdiction)])
        lines = article_paragraphs(p, summary_in, quoted, summary=True)
    else:
        lines = article_paragraphs(p, lang, quoted, summary=not proposed)
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    inline_base = base is not None and base.requires is None and base.condition is not None
    form = ("amendment" if quoted else "proposal") if proposed else "summary"
    notes = drafting_notes(p, lang, inline_base=inline_base, composed=lines if p.text is None else ()) + \
        style_notes(p, lang)
    hant = tw and lang == "zh"
    if hant:
        # Composed words come from the PRC-script vocabulary: write them as Taiwan does (its clause wording does the
        # same for the article). The drafters' own text is printed as given.
        notes = tuple(DraftingNote(n.kind, composed_chinese(n.text, aid.jurisdiction), n.label) for n in notes)
        intro = intro and composed_chinese(intro, aid.jurisdiction)
    # The NPC's practice: the instruction numbers the article, the quotation does not repeat the number.
    lead = label if proposed and not quoted else None
    return _fronted(ProvisionPage(form, "hant" if hant else "hans", title, cite, intro, lead, quoted, tuple(lines),
                                  None, None, notes, sources, lang, undrafted=undrafted,
                                  summary_in=summary_in,
                                  provenance=p.provenance.name if p.provenance is not None and not proposed else None),
                    p)


def _text_lines(p: Article, lang: str, tw: bool) -> list[str]:
    text = p.text
    assert text is not None
    value = text_in(text, lang, tw)
    if not value:
        raise fail("E405", f"the text of {p.id} has no {'Chinese' if lang == 'zh' else 'English'}", text.span,
                   "add the zh-hant text" if tw and lang == "zh" else f"add `{lang} \"\"\"...\"\"\"` to the text")
    # The statute's words are printed as given; only blank edge lines from the block quotes go.
    return value.strip("\n").split("\n")


def _statute_page(p: Article, lang: str, title: str | None, cite: str, tw: bool) -> ProvisionPage:
    """A provision in force: the verbatim text, never regenerated."""
    text = p.text
    assert text is not None
    own = own_language(article_id(p).jurisdiction, text)
    if own is not None and own != lang:
        # A statute authentic in another language than the page's: its own text always, and below it the draft's
        # translation into the page's language with its standing, or a word that none is given. Never translated.
        lines = _lines(text.get(own) or "")
        given = text.get("zh-hant" if tw and lang == "zh" and text.zh_hant else lang)
        status = translation_status(p, lang)
        return replace(_statute_page_of(p, lang, title, cite, tw, lines, "missing" if not given else
                                        status.name if status else "unrecorded"),
                       own=own, translated=tuple(_lines(given)) if given else ())
    if lang == "en" and not text.en:
        # No English: say so and show the authoritative Chinese instead of inventing a translation.
        lines = _text_lines(p, "zh", tw)
        translation: str | None = "missing"
    elif lang == "zh" and not (text.zh or text.zh_hant) and not authentic(article_id(p).jurisdiction, "zh"):
        # A statute in English with no Chinese translation: its own text, and a word that no translation is given.
        lines = _text_lines(p, "en", tw)
        translation = "missing"
    else:
        lines = _text_lines(p, lang, tw)
        translation = "authentic" if authentic(article_id(p).jurisdiction, lang) and lang == "en" else \
            (p.translation.name if p.translation else "unrecorded") if lang == "en" else None
    return _statute_page_of(p, lang, title, cite, tw, lines, translation)


def _statute_page_of(p: Article, lang: str, title: str | None, cite: str, tw: bool, lines: list[str],
                     translation: str | None) -> ProvisionPage:
    aid = article_id(p)
    paragraph = None
    if aid.paragraph:
        # The quoted text may be the whole article; the heading alone would suggest it is the paragraph. It is
        # named as the pack cites it (Abs. 1, 第三款), or a bare "(2)" by the pack's own word for it (`wording`:
        # subsection (2)), never by another system's word; "paragraph 2" where the pack gives neither.
        part = paragraph_label(aid.paragraph, aid.jurisdiction, lang)
        if aid.item:
            # … or its item (a sentence of an alinéa, a 项): the part of the citation after the article says which
            whole = article_label(aid.article, aid.jurisdiction, lang, aid.paragraph, aid.item)
            part = whole.removeprefix(article_label(aid.article, aid.jurisdiction, lang)).lstrip(", ")
        pack = packs.pack(aid.jurisdiction)
        unit = pack.words(lang).paragraph if pack is not None else None
        if unit is None and lang == "en" and pack is not None and pack.style == "common-law-en":
            unit = unit_words(aid.jurisdiction)[1]  # a section's subsections, as its composed text calls them
        paragraph = (part if lang == "zh" or part[:1].isalpha() else f"{unit} {part}" if unit
                     else f"paragraph {aid.paragraph}, item {aid.item}" if aid.item else f"paragraph {aid.paragraph}")
    sections = sectioned(aid.jurisdiction)
    if sections:
        lines = section_lines(lines)  # a common-law section's parts a line each, its words as given
    return ProvisionPage("statute", "hant" if tw and lang == "zh" else "hans", title, cite, None, None, False,
                         tuple(lines), translation, paragraph, (), sources_cited(p.sources, lang), lang,
                         version=version_words(p, lang), dated=dated_as_at(p),
                         provenance=p.provenance.name if p.provenance is not None else None, sections=sections)


def _lines(value: str) -> list[str]:
    # The statute's words are printed as given; only blank edge lines from the block quotes go.
    return value.strip("\n").split("\n")


def obligation_page(o: A.Obligation, lang: str) -> ProvisionPage:
    """An administrative obligation: in force, its verbatim text; proposed, its duty and tiers composed."""
    aid = article_id(o)
    proposed = o.status is not None and o.status.name == "proposed"
    title = title_of(o, lang, prefer_hant=traditional(aid.jurisdiction))
    cite = citation(o, lang)
    if o.text is not None and not proposed:
        return _statute_page(o, lang, title, cite, traditional(aid.jurisdiction))
    intro = _amendment_intro(o, lang) if proposed else None
    lines = _text_lines(o, lang, False) if o.text is not None else obligation_lines(o, lang)
    notes = []
    source = None if o.sanction is None else per_source(o.sanction.per, lang, traditional(aid.jurisdiction))
    if source:
        notes.append(DraftingNote("sanction", source))
    label = article_label(aid.article, aid.jurisdiction, lang)
    form = ("amendment" if intro else "proposal") if proposed else "summary"
    return _fronted(ProvisionPage(form, "hans", title, cite, intro, label if proposed and intro is None else None,
                                  intro is not None, tuple(lines), None, None, tuple(notes),
                                  sources_cited(o.sources, lang), lang), o)


def rule_page(r: A.Rule, lang: str) -> ProvisionPage:
    """A general-part rule: its verbatim text, as a provision in force renders; one in force the reference gives no
    text of (recalled) as a summary of its elements, said not to be the statute's words and what it rests on."""
    tw = traditional(article_id(r).jurisdiction)
    title = title_of(r, lang, prefer_hant=tw)
    in_force = r.status is None or r.status.name != "proposed"
    if r.text is None and in_force and r.provenance is not None:
        return _fronted(ProvisionPage("summary", "hant" if tw and lang == "zh" else "hans", title, citation(r, lang),
                                      None, None, False, rule_summary(r, lang), None, None, (),
                                      sources_cited(r.sources, lang), lang, provenance=r.provenance.name), r)
    if r.text is None:
        raise fail("E405", f"the rule {r.id} has no text to render", r.span,
                   "add the rule's verbatim `text`: a general-part rule is composed only as the summary of one "
                   "recalled (`provenance r-memory`)")
    if r.status is not None and r.status.name == "proposed":
        # A proposed rule is the drafters' words; an amendment quotes them after its instruction.
        intro = _amendment_intro(r, lang)
        label = article_label(article_id(r).article, article_id(r).jurisdiction, lang)
        if intro and tw and lang == "zh":
            intro = composed_chinese(intro, article_id(r).jurisdiction)
        return _fronted(ProvisionPage("amendment" if intro else "proposal", "hant" if tw and lang == "zh" else "hans",
                                      title, citation(r, lang), intro, None if intro else label, intro is not None,
                                      tuple(_text_lines(r, lang, tw)), None, None, (), sources_cited(r.sources, lang),
                                      lang), r)
    return _statute_page(r, lang, title, citation(r, lang), tw)


def rule_summary(r: A.Rule, lang: str) -> tuple[str, ...]:
    """A rule's elements in words: its kind, the offences it reaches, how the legal person and others answer."""
    v = vocabulary()
    zh = lang == "zh"

    def said(section: str, t: A.Term) -> str:
        return str((v.entry(section, t.name) or {}).get("zh" if zh else "en", t.name))

    reaches = ("本法域的全部犯罪" if zh else "every offence of its jurisdiction") if r.reaches_all else \
        ("、" if zh else ", ").join(ref.id for ref in r.reaches)
    lines = [f"{'规则类别' if zh else 'Kind'}{'：' if zh else ': '}{said('rule-kinds', r.kind)}" if r.kind else "",
             f"{'适用于' if zh else 'Reaches'}{'：' if zh else ': '}{reaches}",
             f"{'处罚' if zh else 'Punishes'}{'：' if zh else ': '}"
             f"{('；' if zh else '; ').join(said('unit-sanctions', t) for t in r.punishes)}" if r.punishes else ""]
    return tuple(x for x in lines if x)


@dataclass(frozen=True)
class InterpretationPage:
    """Everything an interpretation template prints."""

    title: str | None
    proposed: bool
    issuers: str
    preamble: str
    articles: tuple[tuple[str, tuple[str, ...]], ...]  # (article label, lines)
    sources: tuple[str, ...]
    lang: str
    number: str | None = None  # 法释〔2010〕3号, as the file states it
    adopted: str | None = None  # the adoption line in its parentheses, as the file words it
    stage: str | None = None  # 征求意见稿: a court's own draft published for comment

    @property
    def words(self) -> Mapping[str, str]:
        """The fixed words around the text, in the page's language."""
        return words(self.lang)

    @property
    def standing(self) -> str | None:
        """（征求意见稿） for a court's draft, （司法解释建议稿） for a proposal; one in force needs no word."""
        if self.stage:
            return f"（{self.stage}）" if self.lang == "zh" else f"({self.stage})"
        return self.words["ji-proposed"] if self.proposed else None

    @property
    def shows_issuers(self) -> bool:
        """Only a proposal names the body it proposes the interpretation to: the court's own title names it."""
        return self.proposed and not self.stage and bool(self.issuers)

    @property
    def issuers_label(self) -> str:
        return self.words["issuer-proposed" if self.proposed else "issuer"]
