"""Completion at a cursor: what the LALR parser accepts there, filled in from the vocabulary and the workspace's ids."""

from __future__ import annotations

import re
from dataclasses import dataclass

from lark import Token, UnexpectedInput
from lark.lexer import PatternStr

from ..diagnostics import LexdraftError
from ..language import ast as A
from ..language.parse import parse_text, parser
from ..language.syntax_errors import Source
from ..language.vocabulary import vocabulary
from .describe import specs

# A name the drafter cannot have meant, put where the word being typed stands to learn which vocabulary list the
# grammar's builder files it under: the builder decides sections, so completion never guesses them.
PLACEHOLDER = "zzlexdraftcursor"
_TYPED = re.compile(r"[a-z0-9][a-z0-9.-]*$")

# The keyword before an id decides what it names (grammar/lexdraft.lark).
_PROVISION_REFS = {"INTERPRETS", "OF", "MITIGATES"}
_OBLIGATION_REFS = {"_BREACHING"}
_TREATY_REFS = {"IMPLEMENTS"}


@dataclass(frozen=True)
class Item:
    label: str
    kind: str  # term | keyword | id | article
    detail: str = ""
    documentation: str = ""


def typed_start(text: str, offset: int) -> int:
    """Where the word the cursor ends stands (the cursor itself when it ends none)."""
    m = _TYPED.search(text[text.rfind("\n", 0, offset) + 1:offset])
    return offset - len(m.group(0)) if m else offset


def complete(text: str, offset: int, path: str, documents: dict[str, list[tuple[str, A.Document]]]) -> list[Item]:
    """What may stand at `offset` of `text`: keywords, terms of the list the field takes, ids of the kind the
    keyword before wants."""
    start = typed_start(text, offset)
    interactive = parser().parse_interactive(text[:start])
    try:
        tokens: list[Token] = list(interactive.iter_parse())
    except UnexpectedInput:
        return []  # a mistake before the cursor: its diagnostic says what to fix first
    accepts: set[str] = interactive.accepts()  # type: ignore[no-untyped-call]
    items: list[Item] = []
    if "NAME" in accepts:
        section = _section(text, start, offset, path)
        if section is not None:
            for name, entry in vocabulary().section(section).items():
                if isinstance(entry, dict):
                    items.append(Item(name, "term", str(entry.get("en", "")), f"{entry.get('zh', '')} — "
                                                                              f"{entry.get('en', '')}"))
    if "ID" in accepts:
        items.extend(_ids(tokens, documents))
    literals = {t.name: t.pattern.value for t in parser().terminals if isinstance(t.pattern, PatternStr)}
    for name in sorted(accepts):
        word = literals.get(name, "")
        if word.replace("-", "").isalpha():
            items.append(Item(word, "keyword"))
    return items


def _section(text: str, start: int, offset: int, path: str) -> str | None:
    """The vocabulary list a name at `start` belongs to: the placeholder parsed with the rest of the file, or,
    when the rest does not parse yet, with the blocks still open closed."""
    end = offset + len(re.match(r"[a-z0-9.-]*", text[offset:]).group(0))  # type: ignore[union-attr]
    head = text[:start] + PLACEHOLDER
    closers = "\n" + "}" * len(Source.of(path, head).open_blocks(len(head)))
    for candidate in (head + text[end:], head + closers):
        try:
            draft = parse_text(candidate, path)
        except LexdraftError:
            continue
        for doc in draft.documents:
            for node in doc.walk():
                if isinstance(node, A.Term) and node.name == PLACEHOLDER:
                    return node.section
    return None


def _ids(tokens: list[Token], documents: dict[str, list[tuple[str, A.Document]]]) -> list[Item]:
    """Provision, obligation or treaty ids, by the keyword the list of ids follows."""
    keyword = next((t.type for t in reversed(tokens) if t.type not in ("ID", "COMMA")), None)
    if keyword in _TREATY_REFS:
        out = [Item(s.article, "article", s.title.en or "") for s in specs()]
        return out + [Item(q.id, "article", q.paragraph, q.explanation.en or "")
                      for s in specs() for q in s.requirements]
    wanted: type[A.Provision | A.Obligation]
    if keyword in _PROVISION_REFS:
        wanted = A.Provision
    elif keyword in _OBLIGATION_REFS:
        wanted = A.Obligation
    else:
        return []  # a document's own id: a new name, nothing to complete
    out = []
    for ident, found in sorted(documents.items()):
        docs = [d for _, d in found if isinstance(d, wanted)]
        if docs:
            title = docs[0].title or A.Text()
            out.append(Item(ident, "id", title.en or title.zh or "", title.zh or ""))
    return out
