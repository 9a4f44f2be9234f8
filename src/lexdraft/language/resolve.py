"""Give each `text of ID` in a set of drafts the verbatim text it names, so later stages read a plain `text`, and each
amendment bill the documents its items name."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from . import ast as A

Texted = A.Provision | A.Obligation | A.Rule


def texted(files: Sequence[A.DraftFile]) -> dict[str, Texted]:
    """The documents that may have verbatim text, by id; the first of an id counts (E205 reports the others)."""
    out: dict[str, Texted] = {}
    for f in files:
        for d in f.documents:
            if isinstance(d, (A.Provision, A.Obligation, A.Rule)):
                out.setdefault(d.id, d)
    return out


def shared_text(doc: Texted, by_id: dict[str, Texted]) -> tuple[A.Text | None, list[str]]:
    """The verbatim text `doc` has or shares, following `text of` from document to document, and the ids passed
    through; None where the chain ends at an id not in `by_id`, at a document without text, or runs in a circle."""
    chain = [doc.id]
    while doc.text is None and doc.text_of is not None:
        ident = doc.text_of.id
        if ident in chain or ident not in by_id:
            return None, chain + [ident]
        chain.append(ident)
        doc = by_id[ident]
    return doc.text, chain


def resolve_texts(files: Sequence[A.DraftFile]) -> list[A.DraftFile]:
    """The files with each `text of ID` replaced by the text it names (lint has reported any that names none), and
    each bill with the documents it gathers."""
    by_id = texted(files)
    out = []
    for f in files:
        if not any(isinstance(d, (A.Provision, A.Obligation, A.Rule)) and d.text_of is not None
                   for d in f.documents):
            out.append(f)
            continue
        documents = tuple(_resolved(d, by_id) if isinstance(d, (A.Provision, A.Obligation, A.Rule)) else d
                          for d in f.documents)
        out.append(replace(f, documents=documents))
    return _gathered(out)


def _gathered(files: list[A.DraftFile]) -> list[A.DraftFile]:
    """Each bill with the documents its items name (their texts resolved) beside its deletions; an item that names
    nothing the bill can gather is left out (lint has reported it, E231)."""
    if not any(isinstance(d, A.Amendment) for f in files for d in f.documents):
        return files
    amending: dict[str, A.Provision | A.Obligation | A.Rule] = {}
    for f in files:
        for d in f.documents:
            if isinstance(d, (A.Provision, A.Obligation, A.Rule)):
                amending.setdefault(d.id, d)
    out = []
    for f in files:
        if not any(isinstance(d, A.Amendment) for d in f.documents):
            out.append(f)
            continue
        documents = tuple(replace(d, gathered=tuple(
            i if isinstance(i, A.Deletion) else amending[i.id] for i in d.items
            if isinstance(i, A.Deletion) or i.id in amending)) if isinstance(d, A.Amendment) else d
            for d in f.documents)
        out.append(replace(f, documents=documents))
    return out


def _resolved(doc: Texted, by_id: dict[str, Texted]) -> Texted:
    if doc.text_of is None:
        return doc
    text, _ = shared_text(doc, by_id)
    return doc if text is None else replace(doc, text=text, text_of=None)
