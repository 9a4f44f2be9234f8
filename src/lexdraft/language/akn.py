"""Read an Akoma Ntoso act, safely, into .lexd provisions holding its articles' verbatim text (`import akn`).

Each article of the act (each section, in acts that number sections rather than articles) becomes a provision in
force with its id, jurisdiction, title, sources and its text in the expression's language, exactly as the act
words it. What AKN does not say — the elements of the offence, the other language's title, what lexdraft calls
the instrument when its vocabulary does not name it — is left to the drafter, in comments saying what is to be
encoded; nothing is guessed. The drafts are printed by lexdraft's own printer, so they parse as printed.

The XML is read with lxml with external entities, DTD loading and the network off, and a document that declares a
DTD at all (where entity bombs and external entities live) is refused before anything in it is used.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from lxml import etree

from .. import escape, packs
from ..diagnostics import Span, fail
from . import ast as A
from .fmt import format_source
from .printer import format_document
from .vocabulary import vocabulary

NS = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
MAX_BYTES = 20_000_000  # a consolidated code in AKN is a few megabytes


def _jurisdiction_of(country: str) -> str | None:
    """lexdraft's jurisdiction for an FRBRcountry: the pack whose `akn-country` (or code) it is."""
    found = packs.all_packs()
    return next((p.code for p in found.values() if p.akn_country == country), country if country in found else None)


_LANGUAGES = {"zho": "zh", "chi": "zh", "zh": "zh", "eng": "en", "en": "en"}
# Text that is not the article's words: footnotes and editors' notes inside a paragraph, and markers.
_NOT_TEXT = {"authorialNote", "noteRef", "eol", "eop", "marker", "img"}
# Elements whose text is one line of the article (a paragraph of the statute, an item of a list, a cell).
_LINES = {"p", "listIntroduction", "listWrapUp", "heading", "subheading", "li", "td", "th", "block", "tocItem"}
_ARTICLE_NO = re.compile(r"^\d{1,6}(-\d{1,6})*$")
_ID_PART = re.compile(r"[^a-z0-9]+")
_LAYOUT = re.compile(r"[ \t\r\n]+")


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@dataclass(frozen=True)
class _Act:
    path: str
    root: etree._Element
    act: etree._Element
    lang: str  # zh | en
    script: str  # zh | zh-hant | en: the text block's language tag
    country: str
    work: str
    expression: str


def import_akn(paths: list[str]) -> str:
    """The articles of the AKN acts at `paths` as .lexd source text, in canonical layout. Expressions of one work
    in different languages (its Chinese and its English) make one provision per article with both texts."""
    articles: dict[tuple[str, str], _Article] = {}
    for path in paths:
        for act in _read(path):
            elements = [a for a in act.act.iter(_q("article")) if not _quoted(a)]
            unit = "article"
            if not elements:
                elements = [s for s in act.act.iter(_q("section")) if not _quoted(s)]
                unit = "section"
            if not elements:
                raise fail("E602", f"the act in {path} has no article or section to import", _at(path, act.act),
                           "import reads the articles (or sections) of an act's body")
            for element in elements:
                found = _article(act, element, unit, len(elements))
                key = (act.work, found.eid or found.number)
                if key in articles:
                    articles[key].merge(found, path, element)
                else:
                    articles[key] = found
    return format_source("\n".join(_draft(a) for a in articles.values()), paths[0])


# ------------------------------------------------------------------ reading


def _read(path: str) -> list[_Act]:
    data = _bytes(path)
    # No DTD: AKN has none, and it is where entity bombs and external entities are declared.
    doctype = re.search(rb"<!DOCTYPE", data)
    if doctype is not None:
        raise fail("E601", f"{path} declares a DTD (<!DOCTYPE …>); entities are not read from imported XML",
                   _offset_span(path, data, doctype.start(), len(b"<!DOCTYPE")),
                   "Akoma Ntoso documents carry no DTD: remove the declaration, or export the act again")
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                             huge_tree=False, remove_comments=True, remove_pis=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        line, col = e.position if e.position else (1, 1)
        raise fail("E601", f"{path} is not well-formed XML: {e.msg}", Span(path, line, max(col, 1), line,
                   max(col, 1) + 1), "Akoma Ntoso files are XML: check the file is the whole document") from None
    info = root.getroottree().docinfo
    if info.internalDTD is not None or info.doctype:
        raise fail("E601", f"{path} declares a DTD; entities are not read from imported XML", Span(path, 1, 1, 1, 2),
                   "Akoma Ntoso documents carry no DTD: remove the declaration")
    if root.tag != _q("akomaNtoso"):
        raise fail("E602", f"{path} is not Akoma Ntoso 3.0: its root is <{etree.QName(root).localname}> in "
                   f"{etree.QName(root).namespace or 'no namespace'}", _at(path, root),
                   f"import reads <akomaNtoso xmlns=\"{NS}\"> documents")
    doc = next((c for c in root if isinstance(c.tag, str)), None)
    if doc is not None and doc.tag == _q("documentCollection"):
        # A collection (lexdraft writes one for a file of several entries): the acts inline in its components.
        acts = [c for c in doc.iter(_q("act")) if getattr(c.getparent(), "tag", None) == _q("component")]
        if acts:
            return [_expression(path, root, act) for act in acts]
    if doc is None or doc.tag != _q("act"):
        kind = etree.QName(doc).localname if doc is not None else "nothing"
        raise fail("E602", f"{path} holds a <{kind}>, not an <act>", _at(path, doc if doc is not None else root),
                   "import reads acts: a bill or a judgment has no articles in force")
    return [_expression(path, root, doc)]


def _expression(path: str, root: etree._Element, doc: etree._Element) -> _Act:
    """One act's expression: its language, country and FRBR names."""
    language = _value(doc, "meta/akn:identification/akn:FRBRExpression/akn:FRBRlanguage", "language")
    country = _value(doc, "meta/akn:identification/akn:FRBRWork/akn:FRBRcountry", "value")
    expression = _value(doc, "meta/akn:identification/akn:FRBRExpression/akn:FRBRthis", "value") \
        or _value(doc, "meta/akn:identification/akn:FRBRWork/akn:FRBRthis", "value") or path
    lang = _LANGUAGES.get((language or "").lower())
    if lang is None:
        where = doc.find("akn:meta/akn:identification/akn:FRBRExpression/akn:FRBRlanguage", {"akn": NS})
        raise fail("E602", f"the act is in {language or 'no stated language'}; lexdraft's text blocks hold Chinese "
                   "(zh, zh-hant) and English (en)", _at(path, where if where is not None else doc),
                   "import an expression of the act in Chinese or English")
    p = packs.pack(_jurisdiction_of((country or "").lower()) or "")
    script = "zh-hant" if lang == "zh" and p is not None and p.script == "hant" else lang
    work = _value(doc, "meta/akn:identification/akn:FRBRWork/akn:FRBRuri", "value") or path
    return _Act(path, root, doc, lang, script, (country or "").lower(), work, expression)


def _bytes(path: str) -> bytes:
    p = Path(path)
    try:
        info = p.stat()
        if not stat.S_ISREG(info.st_mode):
            raise fail("E001", f"{path} is not a regular file", None, "give the AKN .xml file itself")
        with p.open("rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise fail("E001", f"cannot read {path}: {e.strerror}", None,
                   "check that the file exists and that you may read it") from None
    if len(data) > MAX_BYTES:
        raise fail("E002", f"{path} is over {MAX_BYTES:,} bytes", Span(path, 1, 1, 1, 2),
                   "import the act's articles from a smaller expression")
    return data


def _value(doc: etree._Element, path: str, attr: str) -> str | None:
    el = doc.find("akn:" + path, {"akn": NS})
    return el.get(attr) if el is not None else None


def _quoted(el: etree._Element) -> bool:
    """Inside a quotation (an amendment's quoted article): not an article of this act."""
    return any(etree.QName(a).localname in ("quotedStructure", "embeddedStructure") for a in el.iterancestors())


def _at(path: str, el: etree._Element) -> Span:
    """The element's start tag: its line, and the column of its `<` where the line holds one tag of that name."""
    line = el.sourceline or 1
    try:
        with open(path, "rb") as f:
            text = f.read(MAX_BYTES).split(b"\n")[line - 1].decode("utf-8", "replace")
    except (OSError, IndexError):
        return Span(path, line, 1, line, 2)
    tag = "<" + etree.QName(el).localname
    col = text.find(tag) + 1 if text.count(tag) == 1 else 1
    return Span(path, line, max(col, 1), line, max(col, 1) + (len(tag) if col > 0 else 1))


def _offset_span(path: str, data: bytes, start: int, length: int) -> Span:
    line = data[:start].count(b"\n") + 1
    col = start - (data.rfind(b"\n", 0, start) + 1) + 1
    return Span(path, line, col, line, col + length)


# ------------------------------------------------------------------ articles


def _text(el: etree._Element) -> str:
    """An element's words, without notes, with the XML's layout spacing made single spaces."""
    parts: list[str] = []

    def walk(node: etree._Element) -> None:
        if isinstance(node.tag, str) and etree.QName(node).localname in _NOT_TEXT:
            parts.append(node.tail or "")
            return
        parts.append(node.text or "")
        for child in node:
            walk(child)
        parts.append(node.tail or "")

    walk(el)
    parts[-1] = ""  # the element's own tail is not its text
    # Only XML's own spacing is layout: an ideographic space (第一条　…) is part of the statute's words.
    return _LAYOUT.sub(" ", "".join(parts)).strip(" \t\r\n")


_CJK_END = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff08-\uff09]$")


def _numbered(numbers: list[str], words: str) -> str:
    """A line led by the numbers of the parts it opens, as the text prints them: `（一）通过…` (no space after a
    Chinese number), `1. a) words` in other scripts."""
    out = ""
    for number in [*numbers, words]:
        out += ("" if not out or _CJK_END.search(out) else " ") + number
    return out


def _lines(article: etree._Element) -> Iterator[str]:
    """The article's lines in order: each block of text, led by the numbers of the parts it opens."""
    pending: list[str] = []  # numbers of the parts opened since the last line: "1.", "a)"
    for el in article.iter():
        if not isinstance(el.tag, str):
            continue
        name = etree.QName(el).localname
        if name in _NOT_TEXT or any(etree.QName(a).localname in _NOT_TEXT for a in el.iterancestors()):
            continue
        if name == "num":
            if el.getparent() is not article:
                pending.append(_text(el))
            continue
        if name == "heading" and el.getparent() is article:
            continue  # the article's heading is its title
        if name in _LINES and not any(etree.QName(a).localname in _LINES for a in el.iterancestors()):
            words = _text(el)
            if words:
                yield _numbered(pending, words)
                pending = []


@dataclass
class _Article:
    """One article as read from one or more expressions of its act."""

    path: str
    unit: str
    eid: str
    number: str
    work: str
    country: str
    jurisdiction: str | None
    instrument: A.Term | None
    doc_id: str
    id_todo: list[str]
    titles: dict[str, str]  # by text language tag: zh | zh-hant | en
    texts: dict[str, str]
    sources: list[str]

    def merge(self, other: _Article, path: str, element: etree._Element) -> None:
        for script in other.texts:
            if script in self.texts:
                raise fail("E602", f"{self.unit} {self.eid or self.number} is read twice in {script}",
                           _at(path, element), "give each language's expression of the act once")
        self.titles.update(other.titles)
        self.texts.update(other.texts)
        self.sources.extend(other.sources)


def _article(act: _Act, article: etree._Element, unit: str, count: int) -> _Article:
    path = act.path
    eid = article.get("eId") or ""
    number_el = article.find(_q("num"))
    number = eid.split("__")[-1].split("_", 1)[-1] if "_" in eid else (_text(number_el) if number_el is not None
                                                                       else "")
    lines = list(_lines(article))
    label = _text(number_el) if number_el is not None else ""
    if label and lines:
        # the article's words as printed, its number first: on a line of its own where the num ends the line
        alone = number_el is not None and number_el.find(_q("eol")) is not None
        lines[:1] = [label, lines[0]] if alone else [f"{label} {lines[0]}"]
    text = "\n".join(lines)
    if not text:
        raise fail("E602", f"{unit} {eid or number} has no text to import", _at(path, article),
                   "import brings in an article's verbatim words; this one has none")
    if '"""' in text:
        raise fail("E602", f"{unit} {eid or number} holds `\"\"\"`, which a lexdraft text block cannot hold",
                   _at(path, article), "the text would end early: edit the act's copy before importing it")
    _showable(text, f"{unit} {eid or number}", path, article)
    heading = article.find(_q("heading"))
    title = _text(heading) if heading is not None else ""
    titles = list(act.act.iter(_q("docTitle")))
    if not title and count == 1 and titles:
        title = _text(titles[0])  # a one-article act is titled by its document title
    _showable(title, f"the title of {unit} {eid or number}", path, heading if heading is not None else article)
    for what, value in (("eId", eid), ("FRBRthis", act.expression)):  # both stand in the draft's `source "…"`
        if re.search(r'["\n]', value) or escape.FORBIDDEN.search(value):
            raise fail("E602", f"the {what} `{escape.text(value)}` cannot stand in a draft's quoted source",
                       _at(path, article), "edit the act's copy: an identifier holds no quotation mark, line break "
                       "or control character")
    instrument_name = act.act.get("name") or ""
    instrument = A.Term(instrument_name, "instruments") \
        if vocabulary().entry("instruments", instrument_name) is not None else None
    jurisdiction = _jurisdiction_of(act.country)
    id_todo: list[str] = []
    doc_id = _id(act, jurisdiction, number, id_todo)
    if instrument is None:
        id_todo.append(f"instrument: the act `{act.work}` in lexdraft's vocabulary of instruments")
    # a title with a quotation mark cannot be a draft's quoted title: the drafter writes it (the comments say so)
    return _Article(path, unit, eid, number, act.work, act.country, jurisdiction, instrument, doc_id, id_todo,
                    {act.script: title} if title and '"' not in title else {}, {act.script: text},
                    [f"{act.expression}#{eid}" if eid else act.expression])


def _showable(words: str, what: str, path: str, element: etree._Element) -> None:
    """What the draft will hold acts on no terminal or CI log, as a draft read from a file may not (E005, E006):
    XML takes a bidi override or a C1 control as a character reference (&#x202e;, &#x9b;), and a line of its own."""
    found = escape.FORBIDDEN.search(words)
    if found:
        raise fail("E005", f"{escape.text(found.group())} in {what}: a draft cannot hold it", _at(path, element),
                   "delete it from the act's copy: terminals and logs act on control characters, and bidi controls "
                   "make a line read otherwise than it is stored")
    if escape.WORKFLOW_COMMAND.search(words):
        raise fail("E006", f"a line of {what} starts with `::`, which a CI log reads as a workflow command",
                   _at(path, element), "edit the act's copy: no statute line starts with `::`")


_NAMES = {"zh": "Chinese (`zh`)", "zh-hant": "Chinese (`zh-hant`)", "en": "English (`en`)"}


def _draft(a: _Article) -> str:
    """The provision, printed, under comments saying what is left to encode."""
    todo: list[str] = []
    if a.jurisdiction is None:
        todo.append(f"jurisdiction: FRBRcountry `{a.country}` is not among lexdraft's "
                    f"({', '.join(packs.all_packs())}): add a pack for it")
    todo.extend(a.id_todo)
    pack = packs.pack(a.jurisdiction) if a.jurisdiction else None
    chinese = "zh-hant" if pack is not None and pack.script == "hant" else "zh"  # the script its statutes are in
    own = pack.languages if pack is not None else ("zh",)  # without a pack, lexdraft's Chinese-and-English page
    needed = (chinese, "en") if any(tag.startswith("zh") for tag in own) else ("en",)
    missing = [_NAMES[s] for s in needed if s not in a.titles]
    if missing:
        todo.append("title: the " + " and the ".join(missing) + " name")
    if "en" in a.texts and "en" not in own:  # English is a translation only where the statutes are not English
        todo.append("translation: the standing of the English text (working-gloss, published or official)")
    todo.append("the elements (protects, mental, conduct, object, tiers, penalty …) if the set is to be checked "
                "against treaty articles; the text alone is rendered as it is")
    title = A.Text(zh=a.titles.get("zh"), en=a.titles.get("en"), zh_hant=a.titles.get("zh-hant")) \
        if a.titles else None
    provision = A.Provision(
        id=a.doc_id,
        jurisdiction=A.Term(a.jurisdiction, "jurisdictions") if a.jurisdiction else None,
        status=A.Term("in-force", "statuses"),
        instrument=A.Instrument(a.instrument) if a.instrument else None,
        title=title,
        sources=tuple(a.sources),
        text=A.Text(zh=a.texts.get("zh"), en=a.texts.get("en"), zh_hant=a.texts.get("zh-hant")),
    )
    comments = [f"# Imported from {escape.text(Path(a.path).name)}, {a.unit} {a.eid or a.number}. To encode:"]
    comments += [f"# - {item}" for item in todo]
    return "\n".join(comments) + "\n" + format_document(provision)


def _id(act: _Act, jurisdiction: str | None, number: str, todo: list[str]) -> str:
    """`prc.criminal-law.364` from the act's own names; what lexdraft cannot cite is said in `todo`."""
    # lexdraft's own AKN names the draft entry an article comes from in the work's FRBRalias "lexdraft"
    name = _value(act.act, "meta/akn:identification/akn:FRBRWork/akn:FRBRalias[@name='lexdraft']", "value") \
        or _value(act.act, "meta/akn:identification/akn:FRBRWork/akn:FRBRname", "value") or ""
    if re.fullmatch(r"[a-z][a-z0-9]*(-[a-z0-9]+)*(\.[a-z0-9]+(-[a-z0-9]+)*)+", name) and name.startswith(
            f"{jurisdiction}."):
        return name  # a lexdraft id, as lexdraft's own AKN carries it
    instrument = act.act.get("name") or ""
    if vocabulary().entry("instruments", instrument) is None:
        instrument = "-".join(act.work.split("/")[3:]) or "act"
    article = _slug(number) or "1"
    if not _ARTICLE_NO.match(number):
        todo.append(f"id: the number `{number}` as lexdraft numbers articles (253-2 for 第二百五十三条之二)")
    return f"{jurisdiction or _slug(act.country) or 'xx'}.{_slug(instrument) or 'act'}.{article}"


def _slug(value: str) -> str:
    slug = _ID_PART.sub("-", value.lower()).strip("-")
    return slug if slug[:1].isalpha() or slug[:1].isdigit() else ""


__all__ = ["NS", "import_akn"]
