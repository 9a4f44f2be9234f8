"""Print an AST as a draft in canonical layout: the text `fmt` writes and diagnostics quote; it holds no comments."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from . import ast as A

INDENT = "  "
FIELD_WIDTH = 13  # "jurisdiction" plus one space: every field's value starts in the same column


def format_draft(draft: A.DraftFile) -> str:
    """The whole file: its documents in order, a blank line between them; an AST has no comments to print."""
    return "\n".join(format_document(d) for d in draft.documents)


def format_document(doc: A.Document) -> str:
    """One provision, obligation or interpretation, ending in a newline."""
    if isinstance(doc, A.Provision):
        head, groups = f"provision {doc.id} {{", _provision_groups(doc)
    elif isinstance(doc, A.Obligation):
        head, groups = f"obligation {doc.id} {{", _obligation_groups(doc)
    elif isinstance(doc, A.Rule):
        head, groups = f"rule {doc.id} {{", _rule_groups(doc)
    elif isinstance(doc, A.Amendment):
        head, groups = f"bill {doc.id} {{", _amendment_groups(doc)
    else:
        head, groups = f"interpretation {doc.id} {{", _interpretation_groups(doc)
    body: list[str] = []
    for group in (g for g in groups if g):
        if body:
            body.append("")
        body.extend(group)
    return "\n".join([head, *body, "}"]) + "\n"


# provisions -------------------------------------------------------------------
def _provision_groups(p: A.Provision) -> list[list[str]]:
    # Groups follow the reading order of an offence: placement, elements, circumstances and sanction, statute text.
    placement: list[str] = []
    _add(placement, "jurisdiction", _name(p.jurisdiction))
    _add(placement, "status", _name(p.status))
    _add(placement, "instrument", None if p.instrument is None else _instrument(p.instrument))
    _add(placement, "chapter", None if p.chapter is None else str(p.chapter))
    _add_text(placement, "title", p.title)
    for s in p.sources:
        _add_source(placement, s)
    _add(placement, "provenance", _name(p.provenance))
    for e in p.element_provenances:
        _add(placement, "provenance", e.label.name + _suffix("for", e.elements))
    _add(placement, "implements", _ids(p.implements))
    _add(placement, "protects", None if p.protects is None else _protects(p.protects))

    elements: list[str] = []
    _add(elements, "actors", _names(p.actors))
    if p.mental is not None:
        head = " ".join(t.name for t in (p.mental.kind, p.mental.degree) if t is not None)
        if p.mental.rebuttal is None:
            _add(elements, "mental", head)
        else:
            _add_text(elements, "mental", p.mental.rebuttal, prefix=f"{head} rebuttable ")
    for a in p.as_to:
        states = " | ".join(" ".join(t.name for t in (m.kind, m.degree) if t is not None) for m in a.states)
        _add(elements, "as-to", f"{a.element.name} {states}")
    _add(elements, "wrongfulness", _name(p.wrongfulness))
    if p.purpose is not None:
        _add(elements, "purpose", _names(p.purpose.purposes) + _suffix("evidenced-by", p.purpose.evidence))
    _add(elements, "conduct", _names(p.conduct))
    _add(elements, "finances", _ids(p.finances))
    if p.means is not None:
        _add(elements, "means", _names(p.means.means) + _suffix("excluding", p.means.excluding))
    if p.object is not None:
        elements.extend(_object(p.object))
    _add(elements, "consent", None if p.consent is None
         else _name(p.consent) + _suffix("minors-by", [p.consent_minors] if p.consent_minors else [])
         + (f" below-age {p.consent_below_age}" if p.consent_below_age is not None else ""))
    _add(elements, "recipients", _names(p.recipients))
    _add(elements, "harm", _name(p.harm))
    _add(elements, "duty", None if p.duty is None else _duty(p.duty))

    sanction: list[str] = []
    for t in p.tiers:
        sanction.extend(_tier(t))
    for e in p.exceptions:
        burden = f" burden {e.burden.name}" if e.burden is not None else ""
        _add(sanction, "exception", e.kind.name + _suffix("for", e.acts) + _suffix("when", e.conditions) + burden)
    if p.prosecution is not None:
        _add(sanction, "prosecution", p.prosecution.kind.name + _suffix("except", p.prosecution.exceptions))
    if p.penalties:
        sanction.append(INDENT + "penalty")
        width = max(len(s.tier.name) for s in p.penalties) + 1
        sanction.extend(INDENT * 2 + s.tier.name.ljust(width) + format_sentence_body(s) for s in p.penalties)

    statute: list[str] = []
    _add_statute_standing(statute, p)
    _add_text(statute, "text", p.text)
    _add(statute, "text", None if p.text_of is None else "of " + p.text_of.id)
    _add_text(statute, "explanation", p.explanation)
    return [placement, elements, sanction, statute]


def _instrument(i: A.Instrument) -> str:
    out = i.kind.name
    if i.target is not None:
        out += f" to {_string(i.target)}"
    if i.inserts is not None and i.after is not None:
        out += f" inserting article {i.inserts} after {i.after}"
    elif i.replaces is not None:
        out += f" replacing article {i.replaces}" + (f" paragraph {i.paragraph}" if i.paragraph else "")
    elif i.adds_to is not None:
        out += f" adding paragraph {i.paragraph} to article {i.adds_to}"
    return out


def _protects(p: A.Protects) -> str:
    return _names(p.primary) + (f"; secondary {_names(p.secondary)}" if p.secondary else "")


def _object(o: A.ObjectSpec) -> list[str]:
    head = o.kind.name
    if o.called is not None:
        head += " called " + " ".join(line.strip() for line in _bilingual("", o.called))
    if not o.attrs:
        return [_field("object", head)]
    width = max(len(a.name.name) for a in o.attrs) + 1
    lines = [_field("object", head + " {")]
    for a in o.attrs:
        joiner = ", " if a.cumulative else " | "
        lines.append(INDENT * 2 + a.name.name.ljust(width) + joiner.join(v.name for v in a.values))
    lines.append(INDENT + "}")
    return lines


def _duty(d: A.Duty) -> str:
    out = d.name.name
    if d.under is not None:
        out += f" under {d.under.name}"
    if d.precondition is not None:
        out += f" precondition {d.precondition.name}"
    if d.breaches:
        out += f" breaching {_ids(d.breaches)}"
    return out


def _tier(t: A.Tier) -> list[str]:
    head = f"{INDENT}tier {t.name.name}"
    if t.requires is not None:
        head += f" requires {t.requires.name}"
    if t.acts:
        head += " for " + ", ".join(a.name for a in t.acts)
    lines = [head]
    if t.condition is not None:
        lines[-1] += " when "
        _append(lines, format_condition(t.condition, INDENT))
    _add_per(lines, t.per)
    return lines


def format_sentence_body(s: A.Sentence) -> str:
    """A penalty line after its tier name: `imprisonment <= 3 years | criminal-detention; fine optional`."""
    if s.increase is not None:
        return f"increase up-to {s.increase[0]}/{s.increase[1]}"
    out = " | ".join(format_principal(p) for p in s.principals)
    if s.fine is not None:
        out += "; " + _fine(s.fine)
    return out


def format_principal(p: A.Principal) -> str:
    """One principal penalty with its range, e.g. `imprisonment 3..7 years`."""
    low, high = p.low, p.high
    if low is None and high is None:
        return p.kind.name
    if low is None and high is not None:
        return f"{p.kind.name} <= {_duration(high)}"
    if high is None and low is not None:
        return f"{p.kind.name} >= {_duration(low)}"
    assert low is not None and high is not None
    if low.unit.name == high.unit.name:
        return f"{p.kind.name} {low.amount}..{_duration(high)}"
    return f"{p.kind.name} {_duration(low)}..{_duration(high)}"


def _duration(d: A.Duration) -> str:
    return f"{d.amount} {d.unit.name}"


def _fine(f: A.Fine) -> str:
    out = f"fine {f.mode.name}"
    if f.cap is not None and f.unit is not None:
        out += f" {f.floor}..{f.cap} {f.unit.name}" if f.floor is not None else f" <= {f.cap} {f.unit.name}"
    if f.or_also is not None:
        out += f" or {f.or_also.name}"
    if f.and_also is not None:
        out += f" and {f.and_also.name}"
    return out


# thresholds -------------------------------------------------------------------
def format_condition(c: A.Condition, indent: str) -> list[str]:
    """`any {` with one item per line below it; the first line continues the caller's line."""
    if not c.items:
        return [f"{c.mode} {{}}"]
    inner = indent + INDENT
    lines = [f"{c.mode} {{"]
    for item in c.items:
        if isinstance(item, A.Condition):
            lines.append(inner)
            _append(lines, format_condition(item, inner))
        elif isinstance(item, A.Threshold):
            lines.append(inner + format_threshold(item))
        else:
            lines.append(inner + item.name)
    lines.append(indent + "}")
    return lines


def format_threshold(t: A.Threshold) -> str:
    """`views >= 1000 views on public-platform`."""
    out = f"{t.measure.name} {t.op} {t.amount} {t.unit.name}"
    if t.channel is not None:
        # Both words parse the same; "on" reads right before a platform, "via" before a group or service.
        word = "on" if t.channel.name.endswith("platform") else "via"
        out += f" {word} {t.channel.name}"
    return out


# obligations ---------------------------------------------------------------------
def _obligation_groups(o: A.Obligation) -> list[list[str]]:
    placement: list[str] = []
    _add(placement, "jurisdiction", _name(o.jurisdiction))
    _add(placement, "status", _name(o.status))
    _add(placement, "instrument", None if o.instrument is None else _instrument(o.instrument))
    _add_text(placement, "title", o.title)
    for s in o.sources:
        _add_source(placement, s)
    _add(placement, "provenance", _name(o.provenance))
    duty: list[str] = []
    _add(duty, "holder", _names(o.holders))
    _add(duty, "duty", None if o.duty is None else _duty(o.duty))
    _add(duty, "conduct", _names(o.conduct))
    if o.object is not None:
        duty.extend(_object(o.object))
    for t in o.tiers:
        _add(duty, "tier", t.name.name + _suffix("for", t.classes) + _suffix("measures", t.measures))
    for sanction in o.sanctions:
        duty.extend(_sanction(_field("sanction", ""), sanction))
    statute: list[str] = []
    _add_statute_standing(statute, o)
    _add_text(statute, "text", o.text)
    _add(statute, "text", None if o.text_of is None else "of " + o.text_of.id)
    _add_text(statute, "explanation", o.explanation)
    return [placement, duty, statute]


def _add_statute_standing(lines: list[str], d: A.Provision | A.Obligation | A.Rule) -> None:
    """The version of the law the text is, and the standing of its translations."""
    if d.version is not None:
        v = d.version
        act = ("inserted-by " if v.inserted else "amended-by ") + _string(v.amended_by) if v.amended_by else None
        _add(lines, "version", " ".join(part for part in (v.as_at and "as-at " + _string(v.as_at), act) if part))
        if v.zh:  # its Chinese on a line of its own, under the first word, as a title's languages are
            lines.append(" " * len(_field("version", "")) + "zh " + _string(v.zh))
    _add(lines, "translation", _name(d.translation))
    for t in d.translations:
        _add(lines, "translation", f"{t.lang} {t.status.name}")


def _sanction(lead: str, s: A.Sanction) -> list[str]:
    out = lead + s.kind.name
    if s.low is not None and s.high is not None and s.unit is not None:
        out += f" {s.low}..{s.high} {s.unit.name}"
    lines = [out]
    _add_per(lines, s.per)
    return lines


def _add_per(lines: list[str], per: str | A.Text | None) -> None:
    """` per "..."` after the last line; a bilingual one continues below, aligned under its first language tag."""
    if isinstance(per, str):
        lines[-1] += f" per {_string(per)}"
    elif per is not None:
        lines[-1:] = _bilingual(lines[-1] + " per ", per)


# general-part rules -------------------------------------------------------------
def _rule_groups(r: A.Rule) -> list[list[str]]:
    placement: list[str] = []
    _add(placement, "jurisdiction", _name(r.jurisdiction))
    _add(placement, "status", _name(r.status))
    _add(placement, "instrument", None if r.instrument is None else _instrument(r.instrument))
    _add_text(placement, "title", r.title)
    for s in r.sources:
        _add_source(placement, s)
    _add(placement, "provenance", _name(r.provenance))
    reach: list[str] = []
    _add(reach, "kind", _name(r.kind))
    _add(reach, "reaches", "all" if r.reaches_all else _ids(r.reaches))
    _add(reach, "punishes", _names(r.punishes))
    statute: list[str] = []
    _add_statute_standing(statute, r)
    _add_text(statute, "text", r.text)
    _add(statute, "text", None if r.text_of is None else "of " + r.text_of.id)
    _add_text(statute, "explanation", r.explanation)
    return [placement, reach, statute]


# amendment bills -----------------------------------------------------------------
def _amendment_groups(b: A.Amendment) -> list[list[str]]:
    head: list[str] = []
    _add(head, "jurisdiction", _name(b.jurisdiction))
    _add(head, "status", _name(b.status))
    _add_text(head, "title", b.title)
    _add_text(head, "office", b.office)
    for s in b.sources:
        _add_source(head, s)
    _add(head, "amends", _name(b.amends))
    _add(head, "number", None if b.number is None else str(b.number))
    items = [_field("item", i.id if isinstance(i, A.Ref) else
                    f"deleting article {i.article}" + (f" paragraph {i.paragraph}" if i.paragraph else ""))
             for i in b.items]
    end: list[str] = []
    _add_text(end, "commencement", b.commencement)
    return [head, items, end]


# interpretations ----------------------------------------------------------------
def _interpretation_groups(i: A.Interpretation) -> list[list[str]]:
    head: list[str] = []
    _add(head, "jurisdiction", _name(i.jurisdiction))
    _add(head, "status", _name(i.status))
    _add(head, "stage", _name(i.stage))
    _add(head, "issuer", _names(i.issuers))
    _add(head, "number", None if i.number is None else _string(i.number.value))
    _add_text(head, "adopted", i.adopted)
    _add_text(head, "title", i.title)
    for s in i.sources:
        _add_source(head, s)
    _add(head, "interprets", _ids(i.interprets))
    _add_text(head, "preamble", i.preamble)
    articles: list[str] = []
    for a in i.articles:
        articles.extend(_article(a))
    end: list[str] = []
    _add(end, "supersedes", "earlier" if i.supersedes else None)
    _add(end, "commencement", None if i.commencement is None else "on-publication"
         if isinstance(i.commencement, A.OnPublication) else _string(i.commencement.value))
    return [head, articles, end]


def _article(a: A.JIArticle) -> list[str]:
    lead = f"{INDENT}article {a.number} "
    if isinstance(a, A.DefinesArticle):
        return [lead + f"defines {a.standard.name} {a.value.name}" + _suffix("evidenced-by", a.evidence)]
    if isinstance(a, A.EvidenceArticle):
        return [lead + f"evidence {a.fact.name} by {_names(a.evidence)}"]
    if isinstance(a, A.TierArticle):
        lines = [lead + f"tier {a.tier.name} of {a.provision.id} when "]
    elif isinstance(a, A.PresumptionArticle):
        lines = [lead + f"presumes {a.mental.name} of {a.provision.id} when "]
        _append(lines, format_condition(a.condition, INDENT))
        if a.rebuttal is not None:
            lines.extend(_bilingual(INDENT * 2 + "rebuttable ", a.rebuttal))
        return lines
    elif isinstance(a, A.DeemingArticle):
        lines = [lead + f"deems-breached {a.duty.name} of {a.provision.id} when "]
    elif isinstance(a, A.MitigationArticle):
        lines = [lead + f"mitigates {a.provision.id} when "]
    else:
        return _bilingual(lead + "text ", a.text)
    _append(lines, format_condition(a.condition, INDENT))
    if isinstance(a, A.TierArticle) and a.catch_all:
        lines[-1] += " catch-all"
    return lines


# shared --------------------------------------------------------------------------
def _field(name: str, value: str) -> str:
    return INDENT + name.ljust(FIELD_WIDTH - 1) + " " + value


def _add(lines: list[str], name: str, value: str | None) -> None:
    if value:
        lines.append(_field(name, value))


def _add_text(lines: list[str], name: str, text: A.Text | None, prefix: str = "") -> None:
    if text is not None:
        lines.extend(_bilingual(_field(name, prefix), text))


def _add_source(lines: list[str], source: str | A.Text) -> None:
    if isinstance(source, A.Text):
        _add_text(lines, "source", source)
    else:
        _add(lines, "source", _string(source))


def _bilingual(lead: str, text: A.Text) -> list[str]:
    """Each language on its own line, the later ones aligned under the first language tag."""
    parts = [*text.other, *((tag, value) for tag, value in (("zh", text.zh), ("zh-hant", text.zh_hant),
                                                             ("en", text.en)) if value is not None)]
    pad = " " * len(lead)
    return [(lead if n == 0 else pad) + f"{tag} {_string(value)}" for n, (tag, value) in enumerate(parts)]


def _string(s: str) -> str:
    # A one-line string cannot hold a quote or a newline; a block can, and its first and last newline are dropped.
    if "\n" in s or '"' in s:
        return f'"""\n{s}\n"""'
    return f'"{s}"'


def _name(term: A.Term | None) -> str | None:
    return None if term is None else term.name


def _names(terms: Iterable[A.Term]) -> str:
    return ", ".join(t.name for t in terms)


def _ids(refs: Sequence[A.Ref]) -> str:
    return ", ".join(r.id for r in refs)


def _suffix(word: str, terms: Sequence[A.Term]) -> str:
    return f" {word} {_names(terms)}" if terms else ""


def _append(lines: list[str], more: list[str]) -> None:
    """Continue the last line with the first of `more`, then add the rest."""
    lines[-1] += more[0]
    lines.extend(more[1:])
