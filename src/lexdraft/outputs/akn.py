"""Akoma Ntoso 3.0 XML of rendered provisions, obligations and interpretations, built with lxml from the page models.

What each draft becomes, and why:

- A provision or obligation in force is the `act` it is an article of, holding that article with the verbatim text,
  a paragraph for each paragraph of the text: its work is the act's (`/akn/cn/act/1000-01-01/criminal-law`), the
  same IRI by which a bill amending the act names it, so that a modification's destination
  (`…/criminal-law/!main#art_364`) is the article of this export; the draft entry's id is the work's FRBRalias.
  The number the text prints first, as the pack cites it (第三百六十四条, Article 364), or on a line of its own (第
  319-1 條, as Taiwan's texts print it; the num then ends with an `eol`), is the article's `num`, and a working gloss's
  paragraph mark (¶2) the paragraph's, not words of the paragraph.
- A proposal is a `bill`: AKN's type for a text proposed for adoption. A proposal in the amendment form
  ("在刑法第二百五十三条之一后增加一条，作为第二百五十三条之二：") carries the new article as an AKN
  modification — the instruction in a `mod` whose `quotedStructure` holds the article — and names it in the
  metadata's `activeModifications` as an insertion after the article it follows in the act it amends.
- A judicial interpretation is an `act` (a `bill` while proposed) with name="judicialInterpretation" and that
  subtype in its FRBR identity. Not a `judgment`, which AKN keeps for decisions in cases, and not the generic
  `doc`: a PRC judicial interpretation is a normative text with the force of law (the Supreme People's Court's
  Provisions on Judicial Interpretation Work, art. 5), numbered in articles as an act is, and the naming convention
  gives acts a subtype for exactly this (`/akn/cn/act/judicialInterpretation/…`).
- A file with several documents is a `documentCollection` with each document inline in a `component`.

FRBR identity follows the AKN naming convention: `/akn/{country}/{type}[/{subtype}]/{date}/{name}` for the work
(the country is the pack's akn-country, prc → cn; the name the act's for an article in force, else the draft's own
id), `{work}/{language}@` for the expression and `{expression}/!main.xml` for the manifestation. One
expression per file: the language is the one `--lang` chooses, as AKN keeps each language version as its own
expression document; English is written only where the draft has English, never the Chinese under an English
label. Dates: the naming convention makes the work's date a required part of its IRI, the same as its FRBRWork's
FRBRdate (Akoma Ntoso Naming Convention v1.0, OASIS Standard, 2019, "The IRI reference of a Work"; Laws.Africa's
cobalt enforces it, issue #41), and the schema requires every FRBRdate to carry an xsd:date, whose `name` "specifies
which actual date is contained here" (akomantoso30.xsd, element FRBRdate). Neither has a value for "no date". A
proposal has no date of its own before it is introduced: it is dated 9999-01-01 named "draft", as UK Lawmaker's drafts
are (the National Archives' Lawmaker parser, nationalarchives/tna-judgments-parser, src/lawmaker/akn/Metadata.cs,
writes `<FRBRdate date="9999-01-01" name="draft"/>` in work and expression), a date no reader takes for a past one.
A text in force whose date the draft does not record (an act, the act a proposal amends) is dated 1000-01-01 named
"undated": a placeholder said to be one, as Find Case Law names its placeholder date "dummy" (nationalarchives/
ds-find-caselaw-docs, ADR 8). The URIs carry the same values. Each date the file does give is used, and only it:
- an act's work: always the placeholder (the reference texts give no enactment dates);
- an article's expression: the date of the version the provision records (`version as-at "2024-05-23 …"`, a
  whole date only), named "as-at", in the expression URI as the naming convention dates a version (`zho@2024-05-23`);
- an adopted interpretation's work: the date of its adoption line (2010年1月18日……通过), named "adoption", where
  the line gives one date; a commencement date is when it takes effect, not the work's date.
A commencement is an event of the document's life (`lifecycle`): an interpretation's or a bill's is a "generation"
event from the document itself (its `original`), on the date the file states (`commencement "2019-11-01"`, or the one
date a bill's words name); on publication, whose day no file states, it is dated as above (DRAFT, UNDATED) and refers
to a TLCEvent saying the date is not stated. The text as amended records each amending draft's as an "amendment"
event from that draft (its `passiveRef`).
Authors the draft does not record are a `TLCOrganization` saying so; the manifestation's author is lexdraft.

An interpretation's frame is printed as the text prints it: its number (`docNumber`) and adoption line as the file
states them, the stage of a proposal (`docStage`: 司法解释建议稿, or 征求意见稿 for a court's own draft). The court is
the author (`FRBRauthor`) and the `docAuthority` of what it adopted or published for comment only: a scholars'
proposal names it as the body the text is proposed to, its author is the one the draft records (none: "not recorded").

A document the file gives a number carries it in the work's `FRBRnumber`, as the file states it: an adopted
interpretation's document number (法释〔2010〕3号), a bill's number in the series of its act's amendments (13, for
刑法修正案（十三）). Never one of lexdraft's own: a proposed interpretation has none (E232). The URI keeps the draft's
id as its last component even then: with the date unrecorded, a URI built from the number would pass for the official
identifier of the work, which only its publisher can give.

A common-law pack's article is a `section` (its words call it one: unit_words), marked up in that tradition's AKN
vocabulary from its numbers, on a line of their own or inside one (wording.divisions): `subsection` (1), `paragraph`
(a), `subparagraph` (i), `clause` (aa), the words between parts an `hcontainer` and those after them a `wrapUp`.

eIds follow the naming convention (`art_253-2__para_1`, a list item `art_253-2__para_1__point_1`, a section's
`sec_16__subsec_2__para_a__subpara_i`; inside a quoted
structure, prefixed by its eId; inside a collection's component, by the component's), unique in each document as the
schema requires.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from urllib.parse import quote

from lxml import etree

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.amendments import Step, earlier_changes, earlier_in_bill, paragraph_in_force
from ..language.vocabulary import vocabulary
from ..wording.citations import article_id, article_label
from ..wording.comparison import amendments_of
from ..wording.consolidated import ConsolidatedPage
from ..wording.divisions import divide, section_lines, section_number, sectioned
from .memorandum import Memorandum
from .pages import BillPage, InterpretationPage, Page, ProvisionPage, page_of
from .xmltext import xml_text

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _country(jurisdiction: str) -> str:
    """The AKN country of a jurisdiction: its pack's `akn-country` (prc -> cn), else its own code."""
    p = packs.pack(jurisdiction)
    return p.akn_country if p is not None and p.akn_country else jurisdiction


LANGUAGES = {"zh": "zho", "en": "eng"}  # ISO 639-2, as the naming convention writes languages
UNDATED = "1000-01-01"  # a text in force whose date the draft does not record (module docstring)
DRAFT = "9999-01-01"  # a proposal, not yet introduced: UK Lawmaker's date of a draft (module docstring)


def _dated(proposed: bool) -> str:
    return DRAFT if proposed else UNDATED


def _proposed(doc: A.Document) -> bool:
    return doc.status is not None and doc.status.name == "proposed"


def _el(parent: etree._Element | None, tag: str, text: str | None = None, **attrs: str) -> etree._Element:
    el = etree.Element(f"{{{NS}}}{tag}", nsmap={None: NS}) if parent is None else \
        etree.SubElement(parent, f"{{{NS}}}{tag}")
    for key, value in attrs.items():
        el.set(key.rstrip("_"), xml_text(value))
    if text is not None:
        el.text = xml_text(text)
    return el


def to_akn(documents: Sequence[A.Document], lang: str, provisions: Mapping[str, A.Provision],
           name: str = "drafts") -> str:
    """The documents of one draft file as Akoma Ntoso 3.0 XML in `lang`; `name` names a collection of several."""
    pages = [page_of(d, lang, provisions) for d in documents]
    earlier = earlier_changes(documents)  # an amendment's paragraph numbered after the file's changes before it
    root = _el(None, "akomaNtoso")
    if len(documents) == 1:
        _Writer(documents[0], pages[0], lang, "").write(root)
    else:
        jurisdictions = sorted({_jurisdiction(d) for d in documents})
        country = _country(jurisdictions[0]) if len(jurisdictions) == 1 else "mul"
        collection = _el(root, "documentCollection", name="lexdraftFile")
        meta = _el(collection, "meta")
        drafts = all(_proposed(d) for d in documents)
        work = f"/akn/{country}/documentCollection/{_dated(drafts)}/{quote(name, safe='.-_')}"
        _identification(meta, work, lang, name, country, None, authoritative=None, authors=["#lexdraft"],
                        dated=_dated(drafts))
        _references(meta, {"lexdraft": "lexdraft"})
        body = _el(collection, "collectionBody")
        for i, (doc, page) in enumerate(zip(documents, pages, strict=True), start=1):
            component = _el(body, "component", eId=f"cmp_{i}")
            _Writer(doc, page, lang, f"cmp_{i}__", earlier.get(doc.id, ())).write(component)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


def memorandum_akn(memo: Memorandum, bill: A.Amendment) -> str:
    """A bill's explanatory memorandum as Akoma Ntoso: a `doc` named explanatoryMemorandum (AKN's generic document,
    for a text that accompanies a bill but is not one), its work named after the bill's, each item's part an
    `hcontainer` holding the memorandum's paragraphs and the review's reasons as lists."""
    country = _country(memo.jurisdiction)
    root = _el(None, "akomaNtoso")
    top = _el(root, "doc", name="explanatoryMemorandum")
    meta = _el(top, "meta")
    name = f"{bill.id}.memorandum"
    work = f"/akn/{country}/doc/explanatoryMemorandum/{_dated(_proposed(bill))}/{name}"
    _identification(meta, work, memo.lang, name, country, "explanatoryMemorandum", None, ["#lexdraft"],
                    str(bill.number) if bill.number is not None else None, dated=_dated(_proposed(bill)))
    _references(meta, {"lexdraft": "lexdraft"})
    preface = _el(top, "preface")
    _el(_el(preface, "p"), "docTitle", memo.title)
    if memo.office:
        _el(_el(preface, "p"), "docProponent", memo.office)
    body = _el(top, "mainBody")
    for line in (memo.overview, memo.basis):
        _el(body, "p", line)
    w = memo.words
    for i, part in enumerate(memo.parts, start=1):
        box = _el(body, "hcontainer", eId=f"hcontainer_{i}", name="part")
        _el(box, "heading", part.heading)
        content = _el(box, "content")
        if part.sources:
            _el(content, "p", w["sources"] + w["sep"].join(part.sources))
        if part.explanation:
            _el(content, "p", w["explanation"])
            for line in part.explanation:
                _el(content, "p", line)
        for change in part.changes:
            _el(content, "p", change.said)
            for heading, lines in ((w["before"], change.before), (w["after"], change.after)):
                if lines:
                    _el(content, "p", heading)
                    items = _el(content, "ul")
                    for line in lines:
                        _el(_el(items, "li"), "p", line)
        for line in ((part.unchanged,) if part.unchanged else ()) + part.text:
            _el(content, "p", line)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


_CHINESE_DATE = re.compile(r"(\d{4})年(\d{1,2})月(\d{1,2})日")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _adoption_date(doc: A.Interpretation) -> str | None:
    """The date of the interpretation's adoption line (2010年1月18日……通过), where it gives one: a line naming two
    dates (each court adopting on its own day) gives none, as the work has one date."""
    line = doc.adopted.zh if doc.adopted is not None else None
    dates = {f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in _CHINESE_DATE.findall(line or "")}
    return dates.pop() if len(dates) == 1 else None


def _as_at(doc: A.Document) -> str | None:
    """The date of the version a provision in force records (`version as-at "2024-05-23 …"`), if a whole date."""
    version = getattr(doc, "version", None)
    match = _ISO_DATE.match(version.as_at) if version is not None and version.as_at else None
    return match[0] if match else None


def _commencement(doc: A.Document) -> tuple[str, bool] | None:
    """When a document commences, where it says: its date and whether the file states it. An interpretation's
    `commencement "2019-11-01"` is that date; a bill's words give one where they name a single date (本修正案自2027年
    1月1日起施行). On publication (`on-publication`, 本修正案自公布之日起施行), or words naming no date, the day is not
    recorded: it is said as lexdraft says every date a draft does not record (DRAFT for a proposal, else UNDATED)."""
    if isinstance(doc, A.Interpretation) and doc.commencement is not None:
        value = doc.commencement.value if isinstance(doc.commencement, A.Stated) else ""
        stated = value if _ISO_DATE.fullmatch(value) else None
    elif isinstance(doc, A.Amendment) and doc.commencement is not None:
        words = " ".join(w for w in (doc.commencement.zh, doc.commencement.zh_hant, doc.commencement.en) if w)
        dates = {f"{y}-{int(m):02d}-{int(d):02d}" for y, m, d in _CHINESE_DATE.findall(words)}
        dates |= set(_ISO_DATE.findall(words))
        stated = dates.pop() if len(dates) == 1 else None
    else:
        return None
    return (stated, True) if stated else (_dated(_proposed(doc)), False)


def _commencement_event(commenced: tuple[str, bool], lang: str) -> tuple[str, str]:
    """The TLCEvent a commencement's eventRef refers to (its eId, and showAs in `lang`): its date, or that the draft
    does not record it."""
    if commenced[1]:
        return "commencement", "施行" if lang == "zh" else "commencement"
    return "commencement-undated", ("施行（文件未载明日期）" if lang == "zh"
                                    else "commencement (the file states no date)")


def _jurisdiction(doc: A.Document) -> str:
    return doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]


def _amended_act(doc: A.Provision | A.Obligation | A.Rule) -> str:
    """The name of the act a proposed article amends, by its instrument term where the vocabulary names it."""
    target = doc.instrument.target if doc.instrument else None
    if target:
        named = [n for n, e in vocabulary().section("instruments").items() if e.get("zh") == target]
        return named[0] if named else quote(target, safe="")
    return article_id(doc).law


def _act_work(country: str, act: str) -> str:
    """The work of an act in force: the one IRI by which its articles' exports, the bills amending it and its text as
    amended all name it."""
    return f"/akn/{country}/act/{UNDATED}/{act}"


def _work(doc: A.Document, country: str) -> str:
    """A document's work URI, as its own Akoma Ntoso names it (a proposal is a bill)."""
    kind = "bill" if _proposed(doc) else "act"
    subtype = "/judicialInterpretation" if isinstance(doc, A.Interpretation) else ""
    return f"/akn/{country}/{kind}{subtype}/{_dated(_proposed(doc))}/{doc.id}"


def consolidated_akn(page: ConsolidatedPage, documents: Sequence[A.Document]) -> str:
    """The text as amended as Akoma Ntoso: the act amended, in a version of its own (`contains="singleVersion"`, an
    expression not authoritative, its version number naming the amending drafts), holding the articles as they would
    read; the standing (not law in force) its preface's `docStatus`. Each changed article is traced to the item that
    changes it as AKN traces a consolidation: a `passiveModifications` textualMod whose source is the item's `mod` in
    the amending draft's own Akoma Ntoso (`…/prc.criminal-law-amendment.13/!main#art_1__mod_1`), the draft named in
    the references as a `passiveRef`."""
    country = _country(page.jurisdiction)
    acts: dict[str, None] = {}
    changed: dict[str, list[tuple[str, str, A.Document]]] = {}  # article -> (type, the item's mod, the draft)
    for change in amendments_of(documents):
        work = _work(change, country)
        if isinstance(change, A.Amendment):
            assert change.amends is not None
            acts[change.amends.name] = None
            for i, item in enumerate(change.gathered, start=1):
                article = item.article if isinstance(item, A.Deletion) else item.instrument.article \
                    if item.instrument is not None else None
                if article is not None:
                    changed.setdefault(article, []).append((_mod_type(item), f"{work}/!main#art_{i}__mod_1", change))
        elif change.instrument is not None and change.instrument.article is not None:
            acts[_amended_act(change)] = None
            changed.setdefault(change.instrument.article, []).append(
                (_mod_type(change), f"{work}/!main#para_1__mod_1", change))
    if len(acts) != 1:
        raise fail("E411", f"these drafts amend {len(acts)} acts ({', '.join(acts)}): an Akoma Ntoso text as amended "
                   "is one act in one version", documents[0].span if documents else None,
                   "render the amendments of each act from a file of their own")
    act = next(iter(acts))
    root = _el(None, "akomaNtoso")
    top = _el(root, "act", name=act, contains="singleVersion")
    meta = _el(top, "meta")
    work = _act_work(country, act)
    amending = list(dict.fromkeys(d for entries in changed.values() for _, _, d in entries))
    _identification(meta, work, page.lang, act, country, None, False, ["#author-not-recorded"],
                    version=", ".join(d.id for d in amending),
                    version_date=_dated(any(_proposed(d) for d in amending)))
    # Each amending draft amends the act when it commences: an amendment event from the draft (its passiveRef), on
    # the day its commencement states, else unrecorded (a proposal's DRAFT)
    lifecycle = _el(meta, "lifecycle", source="#lexdraft")
    events: dict[str, str] = {}
    for i, doc in enumerate(amending, start=1):
        commenced = _commencement(doc) or (_dated(_proposed(doc)), False)
        event, shown = _commencement_event(commenced, page.lang)
        events[event] = shown
        _el(lifecycle, "eventRef", eId=f"evt_{i}", date=commenced[0], source=f"#pref_{i}", type="amendment",
            refersTo=f"#{event}")
    analysis = _el(meta, "analysis", source="#lexdraft")
    mods = _el(analysis, "passiveModifications")
    n = 0
    for article in page.articles:
        for kind, source, _ in changed.get(article.number, ()):
            n += 1
            mod = _el(mods, "textualMod", type=kind, eId=f"pmod_{n}")
            _el(mod, "source", href=source)
            _el(mod, "destination", href=f"#art_{article.number}")
            if kind != "repeal":
                _el(mod, "new", href=f"#art_{article.number}")
    refs = _el(meta, "references", source="#lexdraft")
    for i, doc in enumerate(amending, start=1):
        _el(refs, "passiveRef", eId=f"pref_{i}", href=_work(doc, country), showAs=doc.id)
    for event, shown in sorted(events.items()):
        _el(refs, "TLCEvent", eId=event, href=f"/ontology/event/lexdraft/{event}", showAs=shown)
    organizations = {"lexdraft": "lexdraft", "author-not-recorded": "起草者未在草案中记录" if page.lang == "zh"
                     else "the author is not recorded in the draft"}
    for eid, shown in organizations.items():
        _el(refs, "TLCOrganization", eId=eid, href=f"/ontology/organization/{eid}", showAs=shown)
    said = [("translation", page.translation)] if page.translation else []
    said += [("treaty-words", n) for n in page.notes]  # the Convention's words at their least certain
    if said:
        notes = _el(meta, "notes", source="#lexdraft")
        for i, (kind, text) in enumerate(said, start=1):
            _el(_el(notes, "note", eId=f"note_{i}", class_=kind), "p", text)
    preface = _el(top, "preface")
    _el(_el(preface, "p"), "docTitle", page.title)
    _el(_el(preface, "p"), "docStatus", page.standing)
    body = _el(top, "body")
    for article in page.articles:
        art = _el(body, "article", eId=f"art_{article.number}")
        _el(art, "num", article.label)
        if not article.paragraphs:  # deleted: what it leaves where it stood, as the text prints it
            _el(_el(art, "content"), "p", article.deleted)
            continue
        _paragraphs(art, f"art_{article.number}__para_", [line for p in article.paragraphs for line in p])
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True).decode("utf-8")


_SPACE = re.compile(r"\s+")

# A common-law section in Akoma Ntoso's vocabulary for it, as UK and African AKN mark one up: section, subsection (1),
# paragraph (a), subparagraph (i); a fourth level, (aa) as South Africa's Acts number it, is a clause (lexdraft's
# choice: the schema's hierarchy has no item). eIds abbreviate them as the naming convention does (sec_16__subsec_1).
_LEVELS = ("subsection", "paragraph", "subparagraph", "clause")
_SHORT = {"article": "art", "section": "sec", "subsection": "subsec", "paragraph": "para", "subparagraph": "subpara",
          "clause": "clause"}


def _unit(jurisdiction: str) -> str:
    """What Akoma Ntoso calls the pack's article: a section, with subsections, in a jurisdiction that drafts in
    common-law sections (wording.divisions.sectioned); else an article, with paragraphs."""
    return "section" if sectioned(jurisdiction) else "article"


@dataclass
class _Part:
    """A numbered part of a section as its lines number it: its level (0 the section, 1 a subsection …), its number
    as printed and as an eId writes it, its own lines before any part of it, then its parts and lines of words
    between and after them."""

    level: int
    num: str = ""
    key: str = ""
    text: list[str] = field(default_factory=list)
    items: list[_Part | str] = field(default_factory=list)


def _section_parts(lines: Sequence[str]) -> _Part:
    """A section's lines as its numbers nest them (wording.divisions: (1) a subsection; (a) a paragraph; (i) a
    subparagraph, or the letter after (h); (aa) a clause), a part's words inside a line its own. Words without a
    number are words of the part divisions reads them under (a list ends before them: 'shall be guilty of an
    offence')."""
    root = _Part(0)
    stack = [root]
    for part in divide(lines):
        if not part.level:
            while stack[-1].level > part.under:
                stack.pop()
            (stack[-1].items if stack[-1].items else stack[-1].text).append(part.line)
            continue
        while stack[-1].level >= part.level:
            stack.pop()
        node = _Part(part.level, part.num, part.key, [part.text] if part.text else [])
        stack[-1].items.append(node)
        stack.append(node)
    return root


def _section_body(parent: etree._Element, eid: str, part: _Part) -> None:
    """A part's Akoma Ntoso: its words as `content`, or, where it has parts, its first words as `intro`, each part in
    its element with its `num`, words between parts in an `hcontainer` and words after the last as `wrapUp`."""
    if not part.items:
        content = _el(parent, "content")
        for line in part.text or [""]:
            _el(content, "p", line)
        return
    if part.text:
        intro = _el(parent, "intro")
        for line in part.text:
            _el(intro, "p", line)
    last = max(i for i, item in enumerate(part.items) if isinstance(item, _Part))
    used: set[str] = set()
    words: list[str] = []
    boxes = 0

    def flush() -> None:
        nonlocal boxes
        if words:
            boxes += 1
            box = _el(parent, "hcontainer", eId=f"{eid}__hcontainer_{boxes}", name="hcontainer")
            content = _el(box, "content")
            for line in words:
                _el(content, "p", line)
            words.clear()

    for item in part.items[:last + 1]:
        if isinstance(item, str):
            words.append(item)
            continue
        flush()
        tag = _LEVELS[item.level - 1]
        own = f"{eid}__{_SHORT[tag]}_{item.key}"
        n = 1
        while own + ("" if n == 1 else f"-{n}") in used:  # a number printed twice under one part
            n += 1
        own += "" if n == 1 else f"-{n}"
        used.add(own)
        child = _el(parent, tag, eId=own)
        _el(child, "num", item.num)
        _section_body(child, own, item)
    after = [item for item in part.items[last + 1:] if isinstance(item, str)]
    if after:
        wrap = _el(parent, "wrapUp")
        for line in after:
            _el(wrap, "p", line)


def _number_line(line: str, number: str, jurisdiction: str, lang: str) -> bool:
    """Whether a line is the article's number alone, as its pack cites it (第三百一十九條之一, section 22A) or as its
    numbering writes the number, in the citation's words (第 319-1 條): spacing and case aside."""
    p = packs.pack(jurisdiction)
    if p is None:
        return False
    form = p.citations.get(lang) or p.citations["en"]
    digits = form.article.replace("{head}", "{number}").replace("{subs}", "").format(number=number)
    compact = _SPACE.sub("", line).casefold()
    return compact in {_SPACE.sub("", f).casefold() for f in (form.label(number), digits)}


# A list item of a paragraph (（一）, (1), (a)): it belongs to the paragraph it follows, as the statute numbers 款.
_ITEM = re.compile(r"^[（(]([一二三四五六七八九十]+|\d+|[a-z])[）)]")


# A paragraph's own mark in a text (lexdraft's working glosses number 款 so: "¶2 Whoever …", "¶4: Whoever …").
_PARAGRAPH = re.compile(r"^(¶\d+:?) ")


def _grouped(lines: Sequence[str]) -> list[list[str]]:
    """Lines as the statute's paragraphs: each list item kept with the paragraph it follows, so that `para_2` is the
    second paragraph (款) in every language, not the first item of a list."""
    out: list[list[str]] = []
    for line in lines:
        if out and _ITEM.match(line):
            out[-1].append(line)
        else:
            out.append([line])
    return out


def _paragraphs(parent: etree._Element, prefix: str, lines: Sequence[str], first: int = 1) -> None:
    """The lines as paragraphs numbered from `first`; a paragraph with list items is its lead-in (`intro`) and a
    `point` for each item, numbered as the text numbers it (`num`: （一）, (1), (a)), its eId `…__para_1__point_1`."""
    for n, paragraph in enumerate(_grouped(lines), start=first):
        para = _el(parent, "paragraph", eId=f"{prefix}{n}")
        mark = _PARAGRAPH.match(paragraph[0])
        if mark:  # the paragraph's number where the text marks it (¶2, a working gloss's mark of 款)
            _el(para, "num", mark[1])
            paragraph = [paragraph[0][mark.end():], *paragraph[1:]]
        if len(paragraph) == 1:
            _el(_el(para, "content"), "p", paragraph[0])
            continue
        _el(_el(para, "intro"), "p", paragraph[0])
        for k, item in enumerate(paragraph[1:], start=1):
            mark = _ITEM.match(item)
            assert mark is not None  # _grouped keeps only list items after a paragraph's first line
            point = _el(para, "point", eId=f"{prefix}{n}__point_{k}")
            _el(point, "num", mark[0])
            _el(_el(point, "content"), "p", item[mark.end():].lstrip())


def _mod_type(item: A.Provision | A.Obligation | A.Rule | A.Deletion) -> str:
    """AKN's name for what an item does to the act: a new article or paragraph, a text replaced, one deleted."""
    if isinstance(item, A.Deletion):
        return "repeal"
    return "substitution" if item.instrument is not None and item.instrument.operation == "replace" else "insertion"


_DATE_NAMES = {DRAFT: "draft", UNDATED: "undated"}  # else an adoption's date, or a version's as-at date


def _identification(meta: etree._Element, work: str, lang: str, name: str, country: str, subtype: str | None,
                    authoritative: bool | None, authors: Sequence[str], number: str | None = None,
                    version: str | None = None, version_date: str | None = None, dated: str = UNDATED,
                    alias: str | None = None) -> None:
    """FRBR identity, the work `dated` (UNDATED or DRAFT); a version other than the original (`version`, the drafts
    that make it) is dated in its expression URI (`version_date`), as the naming convention dates versions; `alias`
    the id of the draft entry an act's article comes from, a work's FRBRalias named "lexdraft"."""
    ident = _el(meta, "identification", source="#lexdraft")
    expression = f"{work}/{LANGUAGES[lang]}@" + (version_date or "")
    levels = (("FRBRWork", work, f"{work}/!main", authors, dated),
              ("FRBRExpression", expression, f"{expression}/!main", authors, version_date or dated),
              ("FRBRManifestation", f"{expression}.akn", f"{expression}/!main.xml", ["#lexdraft"],
               version_date or dated))
    for level, uri, this, by, date in levels:
        el = _el(ident, level)
        _el(el, "FRBRthis", value=this)
        _el(el, "FRBRuri", value=uri)
        if alias and level == "FRBRWork":
            _el(el, "FRBRalias", value=alias, name="lexdraft")
        _el(el, "FRBRdate", date=date, name=_DATE_NAMES.get(date)
            or ("as-at" if level != "FRBRWork" and date == version_date else "adoption"))
        for author in by:
            _el(el, "FRBRauthor", href=author)
        if level == "FRBRWork":
            _el(el, "FRBRcountry", value=country)
            if subtype:
                _el(el, "FRBRsubtype", value=subtype)
            if number:
                _el(el, "FRBRnumber", value=number)
            _el(el, "FRBRname", value=name)
        elif level == "FRBRExpression":
            if version:
                _el(el, "FRBRversionNumber", value=version)
            if authoritative is not None:
                _el(el, "FRBRauthoritative", value="true" if authoritative else "false")
            _el(el, "FRBRlanguage", language=LANGUAGES[lang])


def _references(meta: etree._Element, organizations: Mapping[str, str],
                others: Sequence[tuple[str, Mapping[str, str]]] = ()) -> None:
    """The TLC references: the organizations (eId -> showAs), then `others` (element, attributes)."""
    refs = _el(meta, "references", source="#lexdraft")
    for tag, attrs in others:
        _el(refs, tag, **attrs)
    for eid, shown in organizations.items():
        _el(refs, "TLCOrganization", eId=eid, href=f"/ontology/organization/{quote(eid, safe='.-_')}", showAs=shown)


class _Writer:
    """One document's AKN: its type, identity, metadata and body, with eIds under `prefix`."""

    def __init__(self, doc: A.Document, page: Page, lang: str, prefix: str, earlier: Sequence[Step] = ()) -> None:
        self.doc, self.page, self.lang, self.prefix = doc, page, lang, prefix
        self.earlier = earlier  # the changes of an amendment's article made before it
        self.jurisdiction = _jurisdiction(doc)
        self.country = _country(self.jurisdiction)
        self.unit = _unit(self.jurisdiction)  # article, or a common-law section
        self.short, self.sub = ("sec", "subsec") if self.unit == "section" else ("art", "para")

    def eid(self, local: str) -> str:
        return self.prefix + local

    def write(self, parent: etree._Element) -> None:
        doc, page = self.doc, self.page
        proposed = doc.status is not None and doc.status.name == "proposed"
        kind = "bill" if proposed else "act"
        if isinstance(page, InterpretationPage):
            name, subtype = "judicialInterpretation", "judicialInterpretation"
        elif isinstance(page, BillPage):
            name, subtype = "amendment", None
        else:
            if page.form == "summary":
                raise fail("E405", f"{doc.id} is in force but its draft quotes no text: Akoma Ntoso carries a "
                           "statute's own words", doc.span,
                           "add the article's verbatim `text` to the draft; a provision known only from recollection "
                           "or a summary has none to give, so render it as text, Markdown or HTML instead, which say "
                           "it is a summary")
            if page.translation == "missing" and page.own is not None:  # a statute in another language
                raise fail("E405", f"the text of {doc.id} has no translation into {self.lang!r}: its expression "
                           f"would hold the {page.own!r} text", doc.span,
                           f"export in a language the text gives ({', '.join(doc.text.languages)}), or add the "
                           "translation to the text" if isinstance(doc, A.Provision | A.Obligation | A.Rule)
                           and doc.text else "add the translation to the text")
            if page.translation == "missing":
                raise fail("E405", f"the text of {doc.id} has no English: its English expression would hold the "
                           "Chinese", doc.span, "export with --lang zh, or add `en \"\"\"...\"\"\"` to the text")
            instrument = getattr(doc, "instrument", None)
            name, subtype = (instrument.kind.name if instrument else "provision"), None
        work = f"/akn/{self.country}/{kind}" + (f"/{subtype}" if subtype else "") + f"/{_dated(proposed)}/{doc.id}"
        title, alias = doc.id, None
        if kind == "act" and isinstance(doc, A.Provision | A.Obligation | A.Rule):
            # An article in force is the act holding it: the act's work, as a bill amending the act names it; the
            # draft entry it comes from is the work's alias
            name = title = article_id(doc).law
            alias, work = doc.id, _act_work(self.country, title)
        top = _el(parent, kind, name=name)
        meta = _el(top, "meta")
        adopted = _adoption_date(doc) if isinstance(doc, A.Interpretation) else None
        if adopted:
            work = work.replace(f"/{UNDATED}/", f"/{adopted}/")
        authors, organizations = self._authors()
        _identification(meta, work, self.lang, title, self.country, subtype, self._authoritative(),
                        [f"#{self.eid(a)}" for a in authors], self._number(), dated=adopted or _dated(proposed),
                        alias=alias, version_date=_as_at(doc) if kind == "act" else None)
        others: list[tuple[str, dict[str, str]]] = []
        commenced = _commencement(doc)
        if commenced is not None:
            # The commencement, an event of the document's own life: the day its text (or its amendments) takes
            # effect, from the document itself (`original`); a day the file does not state said as unrecorded.
            event, shown = _commencement_event(commenced, self.lang)
            _el(_el(meta, "lifecycle", source="#lexdraft"), "eventRef", eId=self.eid("evt_1"), date=commenced[0],
                source=f"#{self.eid('original')}", type="generation", refersTo=f"#{self.eid(event)}")
            others = [("original", {"eId": self.eid("original"), "href": f"{work}/{LANGUAGES[self.lang]}@",
                                    "showAs": title}),
                      ("TLCEvent", {"eId": self.eid(event), "href": f"/ontology/event/lexdraft/{event}",
                                    "showAs": shown})]
        if isinstance(page, ProvisionPage) and page.intro:
            self._active_modification(meta)
        elif isinstance(page, BillPage):
            self._bill_modifications(meta)
        _references(meta, {self.eid(k): v for k, v in organizations.items()}, others)
        self._notes(meta)
        if isinstance(page, InterpretationPage):
            self._interpretation(top, page)
        elif isinstance(page, BillPage):
            self._bill(top, page)
        else:
            self._provision(top, page)

    # ------------------------------------------------------------------ metadata

    def _authors(self) -> tuple[list[str], dict[str, str]]:
        organizations = {"lexdraft": "lexdraft"}
        doc = self.doc
        # The court is the author of what it adopted or published for comment; a proposal to it is not the court's
        if isinstance(doc, A.Interpretation) and doc.issuers and (not _proposed(doc) or doc.stage is not None):
            for issuer in doc.issuers:
                organizations[issuer.name] = vocabulary().label("issuers", issuer.name, self.lang)
            return [i.name for i in doc.issuers], organizations
        organizations["author-not-recorded"] = ("起草者未在草案中记录" if self.lang == "zh"
                                                else "the author is not recorded in the draft")
        return ["author-not-recorded"], organizations

    def _number(self) -> str | None:
        """The number the file gives the document: an interpretation's as stated, a bill's in its act's series."""
        doc = self.doc
        if isinstance(doc, A.Interpretation):
            return doc.number.value if doc.number is not None else None
        if isinstance(doc, A.Amendment):
            return str(doc.number) if doc.number is not None else None
        return None

    def _authoritative(self) -> bool | None:
        """In force: the statute's own language is authoritative (the Chinese, for the PRC and Taiwan) and a translation
        is not; a proposal has no authority yet."""
        page = self.page
        if isinstance(page, ProvisionPage) and page.form == "statute":
            return page.own is None and (page.translation == "authentic" or self.lang == "zh")
        return None

    def _target_work(self) -> str:
        assert isinstance(self.doc, A.Provision | A.Obligation | A.Rule)
        return _act_work(self.country, _amended_act(self.doc))

    def _active_modification(self, meta: etree._Element) -> None:
        assert isinstance(self.doc, A.Provision | A.Obligation | A.Rule) and self.doc.instrument is not None
        analysis = _el(meta, "analysis", source="#lexdraft")
        self._textual_mod(_el(analysis, "activeModifications"), self.doc, self._target_work(), self.eid("amod_1"),
                          self.eid("para_1__mod_1"), self.earlier)

    def _textual_mod(self, mods: etree._Element, doc: A.Provision | A.Obligation | A.Rule | A.Deletion, act: str,
                     eid: str, source: str, earlier: Sequence[Step] = ()) -> None:
        """One modification as AKN names it: an insertion after an article or into one, a substitution, a repeal;
        its destination the article or paragraph of the act, its new text the quoted structure. The modifications of
        one bill apply to the act as in force: a paragraph the instrument numbers after the bill's `earlier` changes
        of the article (增加一款作为第二款, then 第三款) is addressed by its eId in force (art_287-1__para_2)."""
        art, para = f"{self.short}_", f"__{self.sub}_"  # art_287-1__para_2, a section's sec_24__subsec_2
        if isinstance(doc, A.Deletion):
            where = f"{art}{doc.article}" + (f"{para}{paragraph_in_force(doc.paragraph, earlier)}"
                                             if doc.paragraph else "")
            kind, pos = "repeal", None
        else:
            ins = doc.instrument
            assert ins is not None and ins.article is not None
            if ins.operation == "insert":
                kind, where, pos = "insertion", f"{art}{ins.after}" if ins.after else "", \
                    "after" if ins.after else "end"
            elif ins.operation == "replace":
                kind, where, pos = "substitution", f"{art}{ins.article}" + (
                    f"{para}{paragraph_in_force(ins.paragraph, earlier)}" if ins.paragraph else ""), None
            else:
                # added as paragraph P: after the paragraph in force it follows, or before the one it precedes
                kind, where, pos = "insertion", f"{art}{ins.article}", "end"
                follows, precedes = (paragraph_in_force(p, earlier) if p else None
                                     for p in ((ins.paragraph or 1) - 1, ins.paragraph))
                if isinstance(follows, int):
                    where, pos = f"{art}{ins.article}{para}{follows}", "after"
                elif isinstance(precedes, int):
                    where, pos = f"{art}{ins.article}{para}{precedes}", "before"
        mod = _el(mods, "textualMod", type=kind, eId=eid)
        _el(mod, "source", href=f"#{source}")
        destination = _el(mod, "destination", href=f"{act}/!main" + (f"#{where}" if where else ""))
        if pos:
            destination.set("pos", pos)
        if not isinstance(doc, A.Deletion):
            _el(mod, "new", href=f"#{source}__qstr_1")

    def _bill_modifications(self, meta: etree._Element) -> None:
        bill = self.doc
        assert isinstance(bill, A.Amendment) and bill.amends is not None
        mods = _el(_el(meta, "analysis", source="#lexdraft"), "activeModifications")
        act = _act_work(self.country, bill.amends.name)
        for i, (gathered, earlier) in enumerate(zip(bill.gathered, earlier_in_bill(bill), strict=True), start=1):
            self._textual_mod(mods, gathered, act, self.eid(f"amod_{i}"), self.eid(f"art_{i}__mod_1"), earlier)

    def _notes(self, meta: etree._Element) -> None:
        page = self.page
        notes = [(n.kind, n.text) for n in page.notes] if isinstance(page, ProvisionPage) else []
        notes += [("source", s) for s in page.sources]
        notes += [("treaty-words", n) for n in page.notes] if isinstance(page, BillPage) else []
        if not notes:
            return
        block = _el(meta, "notes", source="#lexdraft")
        for i, (kind, text) in enumerate(notes, start=1):
            note = _el(block, "note", eId=self.eid(f"note_{i}"), class_=kind)
            _el(note, "p", text)

    # ------------------------------------------------------------------ body

    def _preface(self, top: etree._Element, title: str | None, authorities: str | None = None,
                 number: str | None = None, proponent: str | None = None) -> None:
        if not title and not authorities:
            return
        preface = _el(top, "preface")
        if title:
            _el(_el(preface, "p"), "docTitle", title)
        if proponent:  # a bill's office line, as the file states it
            _el(_el(preface, "p"), "docProponent", proponent)
        if number:  # an adopted interpretation's number, as the file states it
            _el(_el(preface, "p"), "docNumber", number)
        if authorities:
            _el(_el(preface, "p"), "docAuthority", authorities)

    def _article(self, parent: etree._Element, prefix: str, number: str, label: str | None,
                 lines: Sequence[str], heading: str | None = None) -> None:
        art = _el(parent, self.unit, eId=f"{prefix}{self.short}_{number}")
        alone = False
        if not label and lines and self.unit == "section":
            label, lines, heading = self._section_head(number, lines, heading)
        elif not label and lines:
            # A text in force printing its article's number first, as the pack cites it (第三百六十四条 …,
            # Article 364 ¶1: …), or on a line of its own, as cited or in the numbering's digits (第 319-1 條, as
            # Taiwan's texts print it): the number is the article's num, not words of (or a line before) its first
            # paragraph. A line of its own ends the num with an `eol`, so that import puts the line back as it was.
            printed = article_label(number, self.jurisdiction, self.lang)
            if lines[0].startswith(printed + " ") or lines[0].startswith(printed + "\u3000"):
                label, lines = printed, [lines[0][len(printed) + 1:], *lines[1:]]
            elif len(lines) > 1 and _number_line(lines[0], number, self.jurisdiction, self.lang):
                label, lines, alone = lines[0], lines[1:], True
        if label:
            num = _el(art, "num", label)
            if alone:
                _el(num, "eol")
        if heading:
            _el(art, "heading", heading)
        if self.unit == "section":
            _section_body(art, f"{prefix}sec_{number}", _section_parts(lines))
        else:
            _paragraphs(art, f"{prefix}art_{number}__para_", lines)

    def _section_head(self, number: str, lines: Sequence[str],
                      heading: str | None) -> tuple[str | None, Sequence[str], str | None]:
        """A section's number printed first (6. (1) …, 377BG.—(1) …), and its heading after it where the text prints
        one: before a dash that opens the first subsection (16. Disclosure … — (1) …), or as the rest of a line
        the numbered parts follow, or a line that ends without a stop (124 Offences involving knowledge …). The
        lines are first divided a part a line (wording.divisions), as a text holding its subsections inline is."""
        lines = section_lines(lines)
        found = section_number(lines[0], number)
        if found is None:
            return None, lines, heading
        label, rest = found
        rest_lines = list(lines[1:])
        dash = re.match(r"^([^()]*?)\s*—\s*$", rest)
        if dash and dash[1] and heading is None and rest_lines and re.match(r"\(\d", rest_lines[0]):
            return label, rest_lines, dash[1]
        # a lead-in (Any person who—) is the section's words, which its paragraphs continue
        if rest and not re.match(r"\(\w{1,6}\)", rest) and rest_lines and heading is None \
                and not re.search(r"[;:,—–-]$", rest) and (re.match(r"\(\d", rest_lines[0]) or not rest.endswith(".")):
            return label, rest_lines, rest
        return label, [rest, *rest_lines] if rest else rest_lines, heading

    def _provision(self, top: etree._Element, page: ProvisionPage) -> None:
        assert isinstance(self.doc, A.Provision | A.Obligation | A.Rule)
        # A proposal its pack heads as its drafting offices do (兒童及少年性剝削防制條例增訂第三十九條之一條文草案) is
        # titled so; the draft's own title, where it says something else, is then the article's heading.
        self._preface(top, page.office_heading or page.title or page.citation)
        heading = page.title if page.office_heading and page.title != page.office_heading else None
        body = _el(top, "body")
        number = article_id(self.doc).article
        if not page.intro:
            # In force, the verbatim text begins with the article's own number; a proposal's is its label. A statute
            # in another language is expressed in this one by the draft's translation (not authoritative, above).
            self._article(body, self.eid(""), number, page.lead, page.translated if page.own else page.lines,
                          heading)
            return
        para = _el(body, "paragraph", eId=self.eid("para_1"))
        p = _el(_el(para, "content"), "p", "")  # mixed content: the printer must add no spacing inside it
        mod = _el(p, "mod", page.intro, eId=self.eid("para_1__mod_1"))
        quoted = _el(mod, "quotedStructure", eId=self.eid("para_1__mod_1__qstr_1"), startQuote=page.quotes[0],
                     endQuote=page.quotes[1])
        self._quoted(quoted, self.eid("para_1__mod_1__qstr_1__"), self.doc.instrument, page.lines, heading)

    def _quoted(self, quoted: etree._Element, prefix: str, ins: A.Instrument | None, lines: Sequence[str],
                heading: str | None = None) -> None:
        """What an amendment puts in the act, as it will stand there: the article, or the paragraphs it replaces or
        adds, numbered as in the act."""
        assert ins is not None and ins.article is not None
        if ins.paragraph and ins.operation != "insert":
            if self.unit == "section":  # the subsection, numbered as its text numbers it
                _section_body(quoted, f"{prefix}sec_{ins.article}", _section_parts(lines))
            else:
                _paragraphs(quoted, f"{prefix}art_{ins.article}__para_", lines, ins.paragraph)
            return
        self._article(quoted, prefix, ins.article, article_label(ins.article, self.jurisdiction, self.lang), lines,
                      heading)

    def _bill(self, top: etree._Element, page: BillPage) -> None:
        """Each item an article of the bill: its instruction a `mod`, and what it puts in the act a `quotedStructure`
        holding the article (or the paragraph) as it will stand; the commencement a plain article."""
        bill = self.doc
        assert isinstance(bill, A.Amendment)
        self._preface(top, page.title, proponent=page.office or None)
        body = _el(top, "body")
        for i, item in enumerate(page.items, start=1):
            art = _el(body, "article", eId=self.eid(f"art_{i}"))
            _el(art, "num", item.label.strip())
            p = _el(_el(art, "content"), "p", "")
            if i > len(bill.gathered):  # the commencement
                p.text = xml_text(item.instruction)
                continue
            mod = _el(p, "mod", item.instruction, eId=self.eid(f"art_{i}__mod_1"))
            gathered = bill.gathered[i - 1]
            if isinstance(gathered, A.Deletion):
                continue
            quoted = _el(mod, "quotedStructure", eId=self.eid(f"art_{i}__mod_1__qstr_1"),
                         startQuote=page.quotes[0], endQuote=page.quotes[1])
            self._quoted(quoted, self.eid(f"art_{i}__mod_1__qstr_1__"), gathered.instrument, item.lines)

    def _interpretation(self, top: etree._Element, page: InterpretationPage) -> None:
        """The frame as the text prints it: the title, the number and adoption line as the file states them, the stage
        of a draft; the court as authority only of what it adopted or published, a proposal naming the body it is
        proposed to."""
        preface = _el(top, "preface")
        if page.title:
            _el(_el(preface, "p"), "docTitle", page.title)
        if page.number:
            _el(_el(preface, "p"), "docNumber", page.number)
        if page.adopted:
            _el(preface, "p", page.adopted, class_="adoption")
        if page.standing:
            _el(_el(preface, "p"), "docStage", page.standing)
        if page.shows_issuers:
            _el(preface, "p", page.issuers_label + page.words["colon"] + page.issuers, class_="proposedIssuers")
        elif page.issuers:
            _el(_el(preface, "p"), "docAuthority", page.issuers)
        _el(_el(top, "preamble"), "p", page.preamble)
        body = _el(top, "body")
        # The file's articles are numbered 1, 2, … in order (E214); the final articles follow them.
        for number, (label, lines) in enumerate(page.articles, start=1):
            self._article(body, self.eid(""), str(number), label, lines)


__all__ = ["DRAFT", "LANGUAGES", "NS", "UNDATED", "consolidated_akn", "memorandum_akn", "to_akn"]
