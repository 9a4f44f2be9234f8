"""The edits a suggested amendment makes to the law in force, as data for the wording to say in every language."""

from __future__ import annotations

from dataclasses import dataclass

from ..language import ast as A

# The operations: an element added (add-conduct, add-actor, add-value, any-means) or a limit removed (remove-threshold,
# remove-purpose, remove-recipients, remove-harm, remove-precondition, remove-obtained) in one paragraph; a paragraph
# inserted into an article (insert-paragraph) or deleted from it (delete-paragraph); the later paragraphs and the
# references to them renumbered (renumber).
OPERATIONS = ("add-conduct", "add-actor", "add-value", "any-means", "remove-threshold", "remove-purpose",
              "remove-recipients", "remove-harm", "remove-precondition", "remove-obtained", "insert-paragraph",
              "delete-paragraph",
              "renumber")


@dataclass(frozen=True)
class Edit:
    """One operation of an amendment. `terms` are the vocabulary terms it adds or removes (none for a threshold set
    in figures); `provision` the provision in force it is made in; `paragraph` the paragraph it is made in, inserts
    or deletes; for an insertion, `of` the paragraph whose items the new offence is on and `act` the act it
    punishes, `following` what each paragraph after it deals with (gain, attempts, confiscation; None where its
    words do not say), `reaching` the paragraphs (new numbers, with what they deal with) that now reach it and
    `through` those that reach it by referring to one of them (number, what it deals with, the one referred to);
    `penalty_from` the paragraph before it whose penalty it takes, where its words show one."""

    op: str
    terms: tuple[A.Term, ...] = ()
    provision: str | None = None
    paragraph: int | None = None
    of: int | None = None
    act: str | None = None
    following: tuple[str | None, ...] = ()
    reaching: tuple[tuple[int, str | None], ...] = ()
    through: tuple[tuple[int, str | None, int], ...] = ()
    penalty_from: int | None = None  # an insertion: the paragraph whose penalty it takes

    def __post_init__(self) -> None:
        assert self.op in OPERATIONS, self.op
