"""The page of an amendment bill: its title, its numbered items (instruction and quoted text), its commencement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from .boilerplate import words
from .citations import article_label, own_name, short_name, sources_cited
from .notes import treaty_notes
from .numerals import chinese_numeral, roman
from .pages import amendment_instruction, front_matter, obligation_page, provision_page, rule_page
from .taiwan import composed_chinese


@dataclass(frozen=True)
class BillItem:
    """One numbered item: what it does (在刑法……后增加一条，作为……：) and the text it puts in, which the template
    quotes."""

    label: str  # 一、 / 1.
    instruction: str
    lines: tuple[str, ...] = ()  # none for a deletion or the commencement


@dataclass(frozen=True)
class BillPage:
    """Everything bill.j2 prints."""

    title: str
    items: tuple[BillItem, ...]
    sources: tuple[str, ...]
    lang: str
    script: str = "hans"
    quotes: tuple[str, str] = ("“", "”")  # around each item's text, as the pack's front matter says (`front:`)
    office: str = ""  # the drafting office's line on the cover, as the file states it; none composed
    status: str = ""  # 草案 / Draft for a proposal: what its Word pages carry in their header
    # after the sources: the Convention's words at their least certain that the items' English prints ("Treaty words")
    notes: tuple[str, ...] = ()

    @property
    def words(self) -> Mapping[str, str]:
        """The fixed words around the text, in the page's language and script."""
        return words(self.lang, self.script)


def _numbered(n: int, numerals: str) -> str:
    return roman(n) if numerals == "roman" else str(n) if numerals == "arabic" else chinese_numeral(n, numerals)


def _form(jurisdiction: str, lang: str, span: A.Span | None) -> packs.BillForm:
    p = packs.pack(jurisdiction)
    form = p.bills.get(lang) if p is not None else None
    if form is None:
        raise fail("E420", f"the pack of {jurisdiction!r} gives no form for an amendment bill in {lang!r}", span,
                   "add `bill: {" + lang + ": {title: …, item: …}}` to the pack (docs/language.md, \"Packs\")")
    return form


def bill_page(bill: A.Amendment, lang: str) -> BillPage:
    """The bill: 中华人民共和国刑法修正案（十三）（草案）, items 一、二、… in the order the file gives them, the
    commencement as the file words it; in English, Amendment (XIII) to the Criminal Law of the People's Republic
    of China (Draft), items 1., 2., …"""
    jurisdiction = bill.jurisdiction.name if bill.jurisdiction else bill.id.split(".")[0]
    form = _form(jurisdiction, lang, bill.span)
    p = packs.pack(jurisdiction)
    assert p is not None and bill.amends is not None
    act = p.instruments.get(bill.amends.name)
    if act is None:
        raise fail("E420", f"the pack of {jurisdiction!r} names no act `{bill.amends.name}`", bill.amends.span,
                   "amend one of the pack's instruments: " + ", ".join(p.instruments))
    act_name = own_name(jurisdiction, act.labels.get(lang) or act.labels["en"])
    hant = lang == "zh" and p.script == "hant"
    given = bill.title and ((bill.title.zh_hant or bill.title.zh) if lang == "zh" else bill.title.en)
    if given:
        title = given
    else:
        number = form.number.format(n=_numbered(bill.number, form.number_numerals)) if bill.number else ""
        proposed = bill.status is not None and bill.status.name == "proposed"
        title = form.title.format(act=act_name, number=number) + (form.draft if proposed else "")
    short = short_name(jurisdiction, act.labels.get("zh") or act.labels["en"]).get("zh") or f"《{act_name}》"
    items: list[BillItem] = []
    worded: list[tuple[str, Sequence[A.Provision], Sequence[str]]] = []  # each article's words, for treaty_notes
    for gathered in bill.gathered:
        n = form.item.format(n=_numbered(len(items) + 1, form.item_numerals))
        if isinstance(gathered, A.Deletion):
            items.append(BillItem(n, _deletion(gathered, lang, short, jurisdiction)))
            continue
        page = (provision_page(gathered, lang) if isinstance(gathered, A.Provision) else
                rule_page(gathered, lang) if isinstance(gathered, A.Rule) else obligation_page(gathered, lang))
        instruction = amendment_instruction(gathered, lang, law_named=False)
        items.append(BillItem(n, composed_chinese(instruction, jurisdiction) if hant else instruction, page.lines))
        if isinstance(gathered, A.Provision) and gathered.instrument is not None and gathered.instrument.article:
            worded.append((article_label(gathered.instrument.article, jurisdiction, lang), (gathered,), page.lines))
    if bill.commencement is not None:
        text = bill.commencement.en if lang == "en" else bill.commencement.zh_hant or bill.commencement.zh
        if not text:
            raise fail("E405", f"the commencement of {bill.id} has no {lang} text", bill.commencement.span,
                       f"add `{lang} \"…\"` to the commencement")
        items.append(BillItem(form.item.format(n=_numbered(len(items) + 1, form.item_numerals)), text))
    office = ""
    if bill.office is not None:
        office = (bill.office.en if lang == "en" else bill.office.zh_hant or bill.office.zh) or ""
        if not office:
            raise fail("E405", f"the office line of {bill.id} has no {lang} text", bill.office.span,
                       f"add `{lang} \"…\"` to `office`, in the office's own words")
    script = "hant" if hant else "hans"
    status = words(lang, script)["draft-status"] if bill.status is not None and bill.status.name == "proposed" else ""
    return BillPage(title, tuple(items), sources_cited(bill.sources, lang), lang, script,
                    front_matter(jurisdiction, lang)[1], office, status, treaty_notes(worded, lang, words(lang)))


def _deletion(d: A.Deletion, lang: str, short: str, jurisdiction: str) -> str:
    """删去刑法第三百六十条第二款。 / Paragraph 2 of Article 360 is deleted."""
    if lang == "zh":
        return f"删去{short}{article_label(d.article, jurisdiction, 'zh', d.paragraph)}。"
    article = article_label(d.article, jurisdiction, "en")
    return f"Paragraph {d.paragraph} of {article} is deleted." if d.paragraph else f"{article} is deleted."
