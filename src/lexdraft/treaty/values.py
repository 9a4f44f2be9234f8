"""The typed values a treaty check speaks in: verdicts (with rank and conformity), forces, kinds and grades."""

from __future__ import annotations

from enum import StrEnum

# StrEnum: a member is its text, so JSON, the text reports and the specs' YAML read and write the same words.


class Verdict(StrEnum):
    """What a requirement's check concludes; `rank` orders verdicts for the gate and for monotonicity."""

    MET = "met"
    PARTLY_MET = "partly-met"
    NOT_MET = "not-met"
    OPTION_USED = "option-used"
    BEYOND = "beyond"
    NA = "n/a"
    NOT_ASSESSED = "not-assessed"  # only a reviewer can decide: it neither conforms nor fails

    @property
    def rank(self) -> int:
        """2 for every verdict that implements the requirement, 1 for partly-met, 0 for not-met."""
        return _VERDICT_RANK[self]

    @property
    def conforms(self) -> bool:
        """Whether an obligatory requirement with this verdict counts as implemented."""
        return self is not Verdict.NOT_ASSESSED and self.rank == _VERDICT_RANK[Verdict.MET]

    @property
    def fails(self) -> bool:
        """Whether an obligatory requirement with this verdict is a gap; not-assessed is for a reviewer, not a gap."""
        return self.rank < _VERDICT_RANK[Verdict.MET]


# met = option-used = beyond = n/a > partly-met > not-met (README, "Verdicts and risks"). not-assessed stands outside
# the order: it is ranked with the verdicts that do not fail, so that a move into it is never a loss, and the gate
# tells such moves apart (a reviewer's question is not a gap).
_VERDICT_RANK = {Verdict.MET: 2, Verdict.OPTION_USED: 2, Verdict.BEYOND: 2, Verdict.NA: 2, Verdict.NOT_ASSESSED: 2,
                 Verdict.PARTLY_MET: 1, Verdict.NOT_MET: 0}


class Force(StrEnum):
    """How the treaty binds a requirement."""

    SHALL = "shall"
    MAY = "may"
    SAVING = "saving"


class RequirementKind(StrEnum):
    """Which reading of the provisions decides a requirement."""

    OFFENCE = "offence"
    DEFINITION = "definition"
    OPTION = "option"
    MANUAL = "manual"
    SAVING = "saving"
    LEGAL_PERSONS = "legal-persons"
    SANCTIONS = "sanctions"
    PARTICIPATION = "participation"  # met by general-part rules (complicity, attempt …) reaching the offences
    # Art. 18(3): met by a legal-persons rule that punishes the natural persons responsible beside the legal person
    NATURAL_PERSONS = "natural-persons"


class Grade(StrEnum):
    """How far one provision covers a requirement; `rank` orders the grades that count as coverage."""

    FULL = "full"
    OPTION = "option"
    PARTIAL = "partial"
    EXCLUDED = "excluded"
    BEYOND = "beyond"
    REVIEW = "review"  # a reviewer must weigh it (an open defence such as "reasonable excuse"): noted, grades nothing
    NONE = "none"

    @property
    def rank(self) -> int:
        """3 for full, 2 for an option the treaty permits, 1 for partial; 0 for what covers nothing."""
        return _GRADE_RANK.get(self, 0)


_GRADE_RANK = {Grade.FULL: 3, Grade.OPTION: 2, Grade.PARTIAL: 1}  # read for every row of a set's combination


# The grades a spec's check or object may give (full is written as the bare word `full` under objects).
SPEC_GRADES = (Grade.PARTIAL, Grade.OPTION, Grade.EXCLUDED, Grade.BEYOND, Grade.REVIEW)
