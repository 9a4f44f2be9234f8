"""The page of a composed common-law section: the bill clause that inserts it, its heading and subsections."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass

from ..language import ast as A
from .boilerplate import words
from .citations import article_id, article_label, citation, sources_cited
from .en_common_law import unit_words
from .notes import DraftingNote, drafting_notes
from .pages import part_instruction, replaced_part, style_notes, title_of
from .styles import article_paragraphs, style_name

# The style whose composed text is a section with numbered subsections.
SECTION_STYLE = "common-law-en"


def is_section(p: A.Provision, lang: str) -> bool:
    """A provision whose text lexdraft composes (not quoted) in a jurisdiction that drafts in sections."""
    return p.text is None and lang == "en" and style_name(article_id(p).jurisdiction) == SECTION_STYLE


def section_number(number: str, jurisdiction: str) -> str:
    """A section number as the jurisdiction's pack prints it, without the word before it: 22b -> 22B."""
    return article_label(number, jurisdiction, "en").rsplit(" ", 1)[-1]


@dataclass(frozen=True)
class SectionPage:
    """Everything section.j2 prints: the clause heading and instruction of a bill, the section, the notes."""

    form: str  # amendment | proposal | summary
    heading: str  # New section 22B inserted (…) / Section 22B (proposed) / Act, section 22B (structured summary)
    intro: str | None  # After section 22A, insert:
    head: str  # the section's own heading: 22B Sharing an intimate image without consent
    lines: tuple[str, ...]
    notes: tuple[DraftingNote, ...]
    sources: tuple[str, ...]
    lang: str = "en"
    # a summary of a provision resting on a secondary source's summary (`paraphrase`) or a recollection (`r-memory`):
    # said above its text, as a statute entry's page says it
    provenance: str | None = None

    @property
    def words(self) -> Mapping[str, str]:
        """The fixed words around the text."""
        return words(self.lang)

    @property
    def frame(self) -> tuple[str, ...]:
        """A summary is not the statute, nor, where it rests on a summary or a recollection, on the statute's text: say
        so before its text."""
        if self.form != "summary":
            return ()
        rests = (self.words[f"rests-on-{self.provenance}"],) if self.provenance in ("paraphrase", "r-memory") else ()
        return (self.words["summary-warning"], *rests)

    @property
    def notes_heading(self) -> str:
        return self.words["elements" if self.form == "summary" else "notes"]


def section_page(p: A.Provision, lang: str) -> SectionPage:
    """A proposal as the bill clause inserting it (New section 22B inserted / After section 22A, insert:), a
    proposal without a place as the section alone, a provision in force as a structured summary."""
    aid = article_id(p)
    proposed = p.status is not None and p.status.name == "proposed"
    number = section_number(aid.article, aid.jurisdiction)
    title = title_of(p, lang, prefer_hant=False)
    head = f"{number} {title}" if title else number
    ins = p.instrument
    inserted = proposed and ins is not None and ins.kind.name == "amendment" and bool(ins.inserts)
    w = words(lang)
    unit = unit_words(aid.jurisdiction)[0]  # section, or the pack's own word (article)
    if inserted:
        assert ins is not None
        form = "amendment"
        heading = f"New {unit} {number} inserted" + (f" ({title})" if title else "")
        after = section_number(ins.after, aid.jurisdiction) if ins.after else None
        intro: str | None = f"After {unit} {after}, insert:" if after else "Insert:"
    elif part := replaced_part(p):
        # one paragraph (or a sentence of it) replaced: cited as such, with no article heading, which would read as
        # the whole article replaced and its other paragraphs repealed
        form, head = "amendment", ""
        label = article_label(aid.article, aid.jurisdiction, lang, *part)
        heading = label[:1].upper() + label[1:] + w["proposed"]
        intro = part_instruction(p, lang, law_named=False, ending="is replaced by the following:")
        subsection = _subsection(p, lang, part, unit, number)
        if subsection is not None:
            intro, lines, rest = subsection
            notes = drafting_notes(p, lang, inline_base=_inline_base(p), composed=lines) + rest + style_notes(p, lang)
            return SectionPage(form, heading, intro, head, lines, notes, sources_cited(p.sources, lang), lang)
    elif proposed:
        form = "proposal"
        heading = f"{unit.capitalize()} {number}" + w["proposed"]
        intro = None
    else:
        # a provision in force is cited as the statute entries are, its act named and in its pack's citation form
        # ("Criminal Code (Cth), section 474.22", "…, article 7"), whatever the style's word for a unit
        form = "summary"
        heading = citation(p, lang) + w["summary"]
        intro = None
    lines = article_paragraphs(p, lang, quoted=inserted, summary=not proposed)
    notes = drafting_notes(p, lang, inline_base=_inline_base(p), composed=lines) + style_notes(p, lang)
    provenance = p.provenance.name if p.provenance is not None and form == "summary" else None
    return SectionPage(form, heading, intro, head, tuple(lines), notes, sources_cited(p.sources, lang), lang,
                       provenance)


def _inline_base(p: A.Provision) -> bool:
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    return base is not None and base.requires is None and base.condition is not None


# The offence subsection as composed: (1) A person commits an offence if the person <what a paragraph of a list says>.
_OFFENCE = re.compile(r"^\(1\) .*? commits an offence if (?:the person|it),? (.+)$")
_SUBSECTION = re.compile(r"^\(\d+\) ")


def _subsection(p: A.Provision, lang: str, part: tuple[int, str | None], unit: str,
                number: str) -> tuple[str, tuple[str, ...], tuple[DraftingNote, ...]] | None:
    """A subsection of a section (or a paragraph of its list) replaced, in the common-law form: In section 24, for
    subsection (1) substitute— (1) A person commits an offence if …; In section 24(1), for paragraph (c)
    substitute— (c) distributes or possesses …. The replacement is the composed offence alone, numbered as the part it
    replaces; the composed subsections after it (penalty, definition) are no part of the amendment, which leaves the
    section's own standing: a drafting note sets them out for the drafter to compare. None where the pack calls its
    parts by words of its own (France's alinéas hold offence and penalty: the composed article replaces one whole)."""
    j = article_id(p).jurisdiction
    subsection = unit_words(j)[1]
    if subsection != "subsection":
        return None
    groups: list[list[str]] = []
    for line in article_paragraphs(p, lang, quoted=False, summary=False):
        if _SUBSECTION.match(line) or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    offence, rest = groups[0], groups[1:]
    paragraph, item = part
    if item is None:
        intro = f"In {unit} {number}, for {subsection} ({paragraph}) substitute—"
        lines = (_SUBSECTION.sub(f"({paragraph}) ", offence[0], count=1), *offence[1:])
    else:
        limb = _OFFENCE.match(offence[0])
        if limb is None or len(offence) > 1:
            return None  # an offence set out as a list of its own is no paragraph of another's list
        intro = f"In {unit} {number}({paragraph}), for paragraph ({item}) substitute—"
        lines = (f"({item}) {limb.group(1)}",)
    composed = " ".join(line for group in rest for line in group).removesuffix(".")
    label = (f"Composed with it, for comparison with the {unit}'s own {subsection}s, which stand "
             "(not part of the amendment)")
    return intro, lines, (DraftingNote("composed", composed, label),) if composed else ()
