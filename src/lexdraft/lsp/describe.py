"""What the editor shows on hover: a term's labels and treaty reach, a field's treaty paragraphs, a document's title."""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

from .. import escape
from ..diagnostics import LexdraftError
from ..language import ast as A
from ..language.lint import SECTION_WORDS
from ..language.syntax_errors import ARTICLE_FORMS, FORMS
from ..language.vocabulary import vocabulary
from ..outputs.report import FORCE_LABELS
from ..pipeline import known_articles
from ..treaty.conditions import AllOf, AnyOf, Condition, Not, Test
from ..treaty.spec import Requirement, Spec, spec_for
from ..treaty.values import RequirementKind

FORCE = FORCE_LABELS["en"]

# The facts a spec's conditions test (treaty/facts.py), by the field a drafter writes them in.
_FIELD_OF_FACT = {"covers": "conduct", "base-threshold": "tier", "exceptions": "exception",
                  "exception-conditions": "exception", "precondition": "duty"}
# Requirements that read a field as a whole rather than through a condition.
_FIELD_OF_KIND = {RequirementKind.SANCTIONS: "penalty", RequirementKind.LEGAL_PERSONS: "actors"}


@cache
def specs() -> tuple[Spec, ...]:
    """The shipped specs; none when one is invalid (its errors are the specs' problem, not the draft's)."""
    try:
        return tuple(spec_for(a) for a in known_articles())
    except LexdraftError:
        return ()


def _facts(condition: Condition | None) -> Iterator[str]:
    """The fact names a spec condition tests, e.g. `object.origin` in {object.origin: {lacks: real}}."""
    if isinstance(condition, Test):
        yield condition.fact
    elif isinstance(condition, AllOf | AnyOf):
        for c in condition.items:
            yield from _facts(c)
    elif isinstance(condition, Not):
        yield from _facts(condition.item)


def _fields(q: Requirement) -> set[str]:
    """The fields of a provision that a requirement reads."""
    facts = [f for c in q.checks for f in _facts(c.when)]
    facts += [f for e in q.elements for f in _facts(e.require)]
    facts += list(_facts(q.used_when))
    fields = {_FIELD_OF_FACT.get(f, f.split(".")[0]) for f in facts}
    if q.conduct or q.conduct_via:
        fields.add("conduct")
    if q.objects:
        fields.add("object")
    if q.kind in _FIELD_OF_KIND:
        fields.add(_FIELD_OF_KIND[q.kind])
    return fields


def _paragraph(q: Requirement) -> str:
    return f"`{q.id}` ({q.paragraph}, {FORCE[q.force]})"


def term(section: str, name: str) -> str | None:
    """A term's labels in Chinese and English; for conduct, the treaty acts it answers to and where the treaty
    names them; for an object, the paragraphs whose offences it is an object of."""
    v = vocabulary()
    entry = v.entry(section, name)
    if entry is None:
        return None
    what = SECTION_WORDS.get(section.split(".")[0], section)
    if section.startswith("object-attributes."):
        what = f"value of `{section.split('.', 1)[1]}`"
    # a pack's vocabulary.yaml (a drafting office's, a pull request's) may add the term: its labels are shown as
    # written, never read as Markdown
    lines = [f"**{name}** — {what}", "", *(f"- {lang}: {escape.markdown_text(str(entry.get(lang, '')))}"
                                           for lang in ("zh", "en"))]
    covers = [str(c) for c in entry.get("covers", ())] if section == "conduct" else []
    if covers:
        lines += ["", "Covers the treaty's acts: " + ", ".join(escape.markdown_code(c) for c in covers)]
        lines += [f"- {_paragraph(q)}: " + ", ".join(c for c in covers if c in q.conduct)
                  for s in specs() for q in s.requirements if set(covers) & set(q.conduct)]
    if section == "objects":
        graded = [(q, grade) for s in specs() for q in s.requirements for kind, grade, _ in q.objects if kind == name]
        if graded:
            lines += ["", "Object of:"] + [f"- {_paragraph(q)}: {grade}" for q, grade in graded]
    return "\n".join(lines)


def word(name: str) -> str | None:
    """A word that may be a term of several lists (the draft does not parse, so its place is unknown)."""
    sections = [s for s, entries in vocabulary().lists().items() if isinstance(entries, dict) and name in entries]
    found = [t for t in (term(s, name) for s in sections) if t]
    return "\n\n---\n\n".join(found) if found else None


def field(name: str) -> str | None:
    """A field keyword: its form, and the treaty paragraphs whose verdicts read it."""
    form = FORMS.get(name) or ARTICLE_FORMS.get(name)
    if form is None:
        return None
    lines = [f"**{name}** — field", "", "```lexdraft", form, "```"]
    bearing = [q for s in specs() for q in s.requirements if name in _fields(q)]
    if bearing:
        lines += ["", "Bears on:"]
        lines += [f"- {_paragraph(q)}: {q.explanation.en}" for q in bearing]
    return "\n".join(lines)


def article(ident: str) -> str | None:
    """A treaty article or paragraph named in `implements`."""
    for s in specs():
        if s.article == ident:
            provisional = " (provisional text)" if s.provisional else ""
            return f"**{s.article}** — {s.title.en}{provisional}\n\n{s.title.zh}"
        for q in s.requirements:
            if q.id == ident:
                return f"**{q.id}** — {q.paragraph}, {FORCE[q.force]}\n\n{q.explanation.en}"
    return None


def document(doc: A.Document, path: str) -> str:
    """A provision, interpretation or obligation: its title in both languages, its status and where it is."""
    kind = type(doc).__name__.lower()
    lines = [f"**{doc.id}** — {kind}"]
    if doc.title is not None:
        lines += ["", *(escape.markdown_text(t) for t in (doc.title.zh, doc.title.zh_hant, doc.title.en) if t)]
    if doc.status is not None:
        entry = vocabulary().entry("statuses", doc.status.name)
        label = f"{entry['en']} ({entry['zh']})" if entry else doc.status.name
        lines += ["", f"Status: {label}"]
    line = f":{doc.span.line}" if doc.span else ""
    lines += ["", escape.markdown_code(f"{path}{line}")]  # title and file name are shown, never read as Markdown
    return "\n".join(lines)
