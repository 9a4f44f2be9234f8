"""Drafting notes: what a draft says beside its article text (interests, mental state, proof, numbers, treaty)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from .. import packs
from ..language import ast as A
from .citations import article_id, obligation_references, per_source, special_part, treaty_reference
from .labels import doubtful_words, term_label, traditional
from .numerals import roman, zh_numeral
from .phrases import condition_items, lead_in
from .words import capitalize, join_alternatives


@dataclass(frozen=True)
class DraftingNote:
    """One drafting note: its kind names the template's heading word."""

    kind: str
    text: str
    label: str | None = None  # the heading in the jurisdiction's own doctrine, where its pack gives one


def drafting_notes(p: A.Provision, lang: str, *, inline_base: bool,
                   composed: Sequence[str]) -> tuple[DraftingNote, ...]:
    """What the draft says that the article text does not: interests, mental state, evidence, numbers, prosecution.
    `composed`: the text lexdraft composed for the page (none where the drafter worded it)."""
    zh = lang == "zh"
    sep = "、" if zh else ", "
    notes: list[DraftingNote] = []
    if p.chapter is not None and p.status is not None and p.status.name == "proposed":
        aid = article_id(p)
        # The part of the code that holds its offences, as the pack names it (刑法分则 / Part Two of the Criminal Law)
        part = special_part(aid.jurisdiction, aid.law, lang)
        if zh:
            notes.append(DraftingNote("placement", f"{part}第{zh_numeral(p.chapter, aid.jurisdiction)}章"))
        else:
            notes.append(DraftingNote("placement", f"Chapter {roman(p.chapter)} of {part}" if part
                                      else f"Chapter {roman(p.chapter)}"))
    pack = packs.pack(article_id(p).jurisdiction)
    if p.protects is not None:
        # an interest in the words of the jurisdiction's law where its pack gives them (兒童及少年性自主權益)
        own = pack.words(lang).interests if pack is not None else {}

        def interest(t: A.Term) -> str:
            return own.get(t.name) or term_label(t, lang)

        text = sep.join(map(interest, p.protects.primary))
        if p.protects.secondary:
            text += ("；次要法益：" if zh else "; secondary: ") + sep.join(map(interest, p.protects.secondary))
        notes.append(DraftingNote("protects", text))
    if p.mental is not None:
        text = term_label(p.mental.degree, lang) if p.mental.degree else term_label(p.mental.kind, lang)
        if p.mental.rebuttal is not None:
            rebut = p.mental.rebuttal.zh if zh else p.mental.rebuttal.en
            if rebut:
                text += ("，可以推翻：" if zh else "; rebuttable: ") + rebut
        notes.append(DraftingNote("mental", text))
    if p.purpose is not None and p.purpose.evidence:
        ev = [term_label(t, lang) for t in p.purpose.evidence]
        if zh:
            purpose = "或者".join(term_label(t, "zh") for t in p.purpose.purposes)
            text = f"{purpose}，可以通过{'、'.join(ev)}等情形证明"
        else:
            purpose = " or ".join(term_label(t, "en").removeprefix("for ") for t in p.purpose.purposes)
            text = f"{capitalize(purpose)} may be shown by {join_alternatives(ev, 'en')}"
        notes.append(DraftingNote("purpose", text))
    if p.means is not None and p.means.excluding:
        notes.append(DraftingNote("excluding", sep.join(term_label(t, lang) for t in p.means.excluding)))
    jur = article_id(p).jurisdiction
    for tier in p.tiers:
        notes.extend(_tier_notes(p, tier, lang, inline_base, jur))
    if p.prosecution is not None:
        text = term_label(p.prosecution.kind, lang)
        if p.prosecution.exceptions:
            ex = sep.join(term_label(t, lang) for t in p.prosecution.exceptions)
            text += f"，但{ex}的除外" if zh else f", except in cases of {ex}"
        notes.append(DraftingNote("prosecution", text))
    if p.duty is not None and p.duty.breaches:
        notes.append(DraftingNote("breaches", obligation_references(p.duty.breaches, lang)))
    # a word of the Convention's English at its least certain, where the English text lexdraft composed prints it:
    # the text keeps the reference's reading, the note says the doubt
    said = treaty_words([p], composed) if lang == "en" else ""
    if said:
        notes.append(DraftingNote("uncertain", said))
    if p.implements:
        # a jurisdiction that cannot be a party (its pack's `benchmark`) takes the treaty as a benchmark (參照), and
        # implements nothing of it
        kind = "benchmark" if pack is not None and pack.benchmark else "implements"
        notes.append(DraftingNote(kind, sep.join(treaty_reference(r.id, lang) for r in p.implements)))
    own = pack.words(lang).notes if pack is not None else {}
    return tuple(DraftingNote(n.kind, n.text, own.get(n.kind)) for n in notes)


def treaty_words(provisions: Iterable[A.Provision], lines: Iterable[str], subject: str = "the text") -> str:
    """Where English `lines` print a word of the Convention's English at its least certain that the provisions' objects
    take from it (vocabulary `doubt-en`): a clause saying so, the word and the reading the reference marks beside it;
    "" where they print none. The text keeps the reference's reading; the note says the doubt."""
    doubtful = doubtful_words(v for p in provisions if p.object is not None for a in p.object.attrs for v in a.values)
    text = list(lines)
    printed = [(w, alt) for w, alt in doubtful.items() if any(re.search(rf"\b{w}\b", line) for line in text)]
    if not printed:
        return ""
    said = "; ".join(f"“{w}” may read “{alt}”" for w, alt in printed)
    return (f"{subject} follows the Convention's English as reconstructed, not yet checked against the official "
            f"English, and least certain here: {said}; a drafter checks {'it' if len(printed) == 1 else 'them'} "
            "against the official text")


def treaty_notes(articles: Iterable[tuple[str, Sequence[A.Provision], Sequence[str]]], lang: str,
                 w: Mapping[str, str]) -> tuple[str, ...]:
    """A whole instrument's notes on the Convention's words at their least certain that its English prints, one for
    each article printing them (its label, the provisions that make it, its lines: "Treaty words: The English of
    Article 364A follows …"), as a drafting note says it of one article; none in Chinese."""
    if lang != "en":
        return ()
    said = [(label, treaty_words(made_by, lines, f"the English of {label}")) for label, made_by, lines in articles]
    return tuple(f"{w['uncertain']}: {capitalize(text)}." for _, text in said if text)


def _tier_notes(p: A.Provision, tier: A.Tier, lang: str, inline_base: bool, jur: str) -> list[DraftingNote]:
    """Where a tier's numbers come from, and the numbers themselves when the article text does not give them."""
    zh = lang == "zh"
    source = per_source(tier.per, lang, traditional(jur))
    if tier.name.name == "base" and inline_base and tier.requires is None:
        if not source:
            return []
        return [DraftingNote("tier", f"第一款规定的数量标准依据{source}" if zh
                     else f"the threshold in the first paragraph follows {source}")]
    name = term_label(tier.requires, lang) if tier.requires else term_label(tier.name, lang)
    if not zh:
        m = re.match(r"^where the circumstances are (.+)$", name)
        name = f"{m.group(1)} circumstances" if m else name.removeprefix("where ")
    if tier.condition is not None and tier.condition.items:
        items = [i.text for i in condition_items(tier.condition, lang, jur)]
        if zh:
            per = f"（依据：{source}）" if source else ""
            lead = lead_in(tier.condition.mode, "zh")
            return [DraftingNote("tier", f"“{name}”，是指{lead}：{'；'.join(items)}{per}")]
        per = f" (per {source})" if source else ""
        return [DraftingNote("tier", f"“{name}” means {lead_in(tier.condition.mode, 'en')}: {'; '.join(items)}{per}")]
    if source:
        return [DraftingNote("tier", f"“{name}”的数量标准见{source}" if zh
                             else f"the numbers for “{name}” are in {source}")]
    return []
