"""The CI gate: the drafts at a git revision against the working tree, requirement by requirement.

Both sides go through the same pipeline (parse, lint, conformance); the revision is read with git, never checked
out. A requirement's verdicts are ordered met = option-used = beyond = n/a > partly-met > not-met: each of the
first four conforms (README, "Verdicts and risks"), so moving among them is no loss. Within one verdict, an offence
that reaches fewer of the treaty's acts than before has lost ground too (possession dropped from a
possess-or-control offence leaves it partly-met, but narrower).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.stored import draft_address, shared, shared_value
from ..pipeline import (
    DraftSet,
    by_jurisdiction,
    check_groups,
    decision_paths,
    draft_paths,
    load_sources,
    provision_keys,
    set_keys,
    treaty_articles,
)
from ..treaty.conformance import Finding, Report
from ..treaty.spec import Requirement
from ..treaty.values import Force, Verdict
from .diff import DocumentDiff, diff_documents
from .revisions import (
    NO_COMMIT,
    OUTSIDE_HINT,
    Stored,
    as_stored,
    at_commit,
    base_commit,
    commit_time,
    drafts_of,
    in_index,
    load_each,
    toplevel,
)
from .rules import RuleChange
from .rules import changes as rule_changes

# ------------------------------------------------------------------ comparing the two sides

@dataclass(frozen=True)
class RequirementChange:
    jurisdiction: str
    requirement: Requirement
    before: Finding
    after: Finding
    acts_lost: tuple[str, ...]  # treaty acts no provision reaches any more
    acts_gained: tuple[str, ...]
    fails: bool
    span: Span | None  # in the working tree: where the change that caused it is

    @property
    def review(self) -> bool:
        """A move into or out of not-assessed: a reviewer's question opened or answered, not a gain or loss."""
        return (self.before.verdict is Verdict.NOT_ASSESSED) != (self.after.verdict is Verdict.NOT_ASSESSED)

    @property
    def status(self) -> str:
        """review for a move into or out of not-assessed; otherwise gained, lost or unchanged, by the order of
        verdicts and then by the treaty acts reached."""
        if self.review:
            return "review"
        old, new = self.before.verdict.rank, self.after.verdict.rank
        if new != old:
            return "gained" if new > old else "lost"
        return "lost" if self.acts_lost else "gained" if self.acts_gained else "unchanged"


@dataclass(frozen=True)
class GateResult:
    base: str  # the revision as given
    commit: str
    time: str  # the commit time of HEAD (JUnit's timestamp)
    old: DraftSet
    new: DraftSet
    documents: list[DocumentDiff]
    reports: list[tuple[str, Report, Report]]  # (jurisdiction, at base, in the working tree)
    requirements: list[RequirementChange]
    new_warnings: list[Diagnostic]
    base_problems: list[Diagnostic]  # base drafts that do not load: each is compared as absent, the rest as they are
    base_sources: dict[str, str] = field(default_factory=dict)  # the base's drafts, for quoting their problems
    base_notes: list[str] = field(default_factory=list)  # what the base holds that is no draft (a submodule)
    tolerate_partly_met: bool = False
    fail_on_new_warnings: bool = False
    strict_review: bool = False
    rule_changes: list[RuleChange] = field(default_factory=list)  # specs, vocabulary, packs changed by the change
    accept_rule_changes: bool = False  # a maintainer approved them

    @property
    def failed(self) -> bool:
        return (any(r.fails for r in self.requirements) or (self.fail_on_new_warnings and bool(self.new_warnings))
                or self.rules_fail)

    @property
    def rules_fail(self) -> bool:
        """A change to the rules it is judged by fails the change, until a maintainer accepts it."""
        return bool(self.rule_changes) and not self.accept_rule_changes


def _touched(report: Report) -> bool:
    """Whether the article concerns any provision of the set: one implements it, or the check names one."""
    article = report.spec.article
    return (any(r.id == article or r.id.startswith(article + ".") for p in report.provisions for r in p.implements)
            or any(v.met_by or v.options or any(n.provision for n in v.notes) for v in report.verdicts)
            or bool(report.risks))


def _cause_span(ids: set[str], documents: list[DocumentDiff], new: DraftSet) -> Span | None:
    """The change behind a requirement's change: the first changed provision among those it names."""
    for d in documents:
        if d.id in ids and d.span is not None:
            return d.span
    return next((p.span for p in new.provisions if p.id in ids), None)


def compare(old: DraftSet, new: DraftSet, against: list[str] | None = None, *, tolerate_partly_met: bool = False,
            strict_review: bool = False) -> tuple[list[DocumentDiff], list[tuple[str, Report, Report]],
                                                  list[RequirementChange]]:
    """The semantic diff, the reports of both sides, and each requirement's change, per jurisdiction and article."""
    articles = treaty_articles(against)
    documents = diff_documents(old.documents, new.documents)
    before, after = by_jurisdiction(old.provisions), by_jurisdiction(new.provisions)
    # A jurisdiction on one side only is checked with no provisions on the other.
    jurisdictions = sorted(before.keys() | after.keys())
    # each side with its own general-part rules and reviewer decisions, as `check` reads them
    # the head side regrades only the provisions the change touched: the others' grades are the base side's
    at_base = check_groups({j: before.get(j, []) for j in jurisdictions}, articles, old.rules, old.decisions,
                           set_keys(old), provision_keys(old), old.obligations)
    now = check_groups({j: after.get(j, []) for j in jurisdictions}, articles, new.rules, new.decisions,
                       set_keys(new), provision_keys(new), new.obligations)
    pairs = [(b.jurisdiction, b.report, n.report) for b, n in zip(at_base, now, strict=True)]
    if not against:
        touched = {r.spec.article for _, b, n in pairs for r in (b, n) if _touched(r)}
        pairs = [(j, b, n) for j, b, n in pairs if b.spec.article in touched]
    changes = []
    for jurisdiction, b, n in pairs:
        for vb, vn in zip(b.verdicts, n.verdicts, strict=True):
            lost = tuple(a for a in vb.reached if a not in vn.reached)
            gained = tuple(a for a in vn.reached if a not in vb.reached)
            worse = vn.verdict.rank < vb.verdict.rank or (vn.verdict.rank == vb.verdict.rank and bool(lost))
            tolerated = tolerate_partly_met and vn.verdict is not Verdict.NOT_MET
            fails = vb.requirement.force is Force.SHALL and worse and not tolerated
            if (vb.verdict is Verdict.NOT_ASSESSED) != (vn.verdict is Verdict.NOT_ASSESSED):
                # a reviewer's question opened, or answered with a gap: reported, failing only when asked to
                fails = strict_review and vb.requirement.force is Force.SHALL and (
                    vn.verdict is Verdict.NOT_ASSESSED or vn.verdict.fails)
            ids = {*vb.met_by, *vn.met_by, *(x.provision for x in (*vb.notes, *vn.notes) if x.provision)}
            changes.append(RequirementChange(jurisdiction, vb.requirement, vb, vn, lost, gained, fails,
                                             _cause_span(ids, documents, new)))
    return documents, pairs, changes


def _key(d: Diagnostic) -> tuple[str, str, str]:
    """A warning's identity across revisions: its file, code and message, not its line (lines move)."""
    return (d.span.file if d.span else "", d.code, d.message)


def _inside(files: list[str], top: str) -> None:
    """A draft in the working tree that is a link leading out of the repository is never read (its first line
    would be quoted in a public CI log)."""
    outside = [f for f in files if not Path(os.path.realpath(f)).is_relative_to(top)]
    if outside:
        raise LexdraftError([Diagnostic("E001", f"{f} is a link that leads outside the repository: it is not read",
                                        None, (OUTSIDE_HINT,)) for f in outside])


def run(base: str, paths: list[str], against: list[str] | None = None, *, tolerate_partly_met: bool = False,
        fail_on_new_warnings: bool = False, staged: bool = False, accept_rule_changes: bool = False,
        strict_review: bool = False, rule_paths: tuple[str, ...] = (), sketch: bool = False) -> GateResult:
    """Load both sides (the new side must be valid: E…, exit 2) and compare them. The new side is the working
    tree, or with `staged` the index (what a commit being made holds, without untracked or unstaged files).
    `rule_paths`: the settings and pack folders, beyond the usual places, whose changes are rule changes. With
    `sketch`, a draft the change left alone may come sketched on both sides (pipeline.load_sources): the caller
    catches TreeNeeded and runs again without."""
    with shared():  # a draft the change left alone is parsed (or read from the cache) once, not once a side
        return _run(base, paths, against, tolerate_partly_met=tolerate_partly_met,
                    fail_on_new_warnings=fail_on_new_warnings, staged=staged, accept_rule_changes=accept_rule_changes,
                    strict_review=strict_review, rule_paths=rule_paths, sketch=sketch)


def _quotes(new: DraftSet, texts: dict[str, str | None]) -> None:
    """The new side's interpretations quote the statute's own words (E410), as `check` requires."""
    if new.interpretations:
        from ..wording.interpretations import quotes_of_set

        quotes_of_set(new, set(new.paths), texts)


def _run(base: str, paths: list[str], against: list[str] | None, *, tolerate_partly_met: bool,
         fail_on_new_warnings: bool, staged: bool, accept_rule_changes: bool, strict_review: bool,
         rule_paths: tuple[str, ...], sketch: bool) -> GateResult:
    # Before a repository's first commit (a pre-commit hook on it) there is no base: every draft is new.
    commit = base_commit(base)
    tree = at_commit(commit, paths, base) if commit != NO_COMMIT else None
    stored = drafts_of(tree) if tree is not None else Stored()
    # the drafts the same on both sides (by name and bytes) are those a side may read sketched
    same = frozenset(draft_address(p, t) for p, t in stored.texts) if sketch else frozenset()
    if staged:
        mine = drafts_of(in_index(paths), stored)
        try:  # the staged text is quoted, not the file on disk (which may differ, or be a link out)
            if mine.problems:
                raise LexdraftError(mine.problems)
            new, new_warnings = load_sources([(p, t) for p, t in mine.texts], sketch=same or False)
            _quotes(new, dict(mine.texts))
        except LexdraftError as e:
            raise LexdraftError(e.diagnostics, mine.shown) from None
    else:
        # A path the change deleted holds no drafts now: what its drafts carried is lost, which the gate reports.
        at_base = [Path(e.path) for e in tree.entries] if tree is not None else []
        present = [p for p in paths if os.path.exists(p) or not any(b.is_relative_to(p) for b in at_base)]
        files = draft_paths(present, allow_empty=bool(at_base)) if present else []
        _inside(files, toplevel())
        sources = [(p, as_stored(p, stored)) for p in [*files, *decision_paths(present)]]
        new, new_warnings = load_sources(sources, sketch=same or False)
        _quotes(new, dict(sources))
    stored.read.clear()  # the base's bytes, compared with the working tree's: not held while the sides are checked
    # Each base draft that does not load is compared as absent, alone: the rest of the base still counts.
    # and sketched only where the working tree's copy came sketched from the cache: a sketch made by this run would
    # differ from the tree it stands for and have no grades kept (TreeNeeded, and the gate made again without them)
    cached = frozenset(a for a in new.addresses if shared_value("sketch " + a) is not None)
    old, old_warnings, problems = load_each(stored.texts, same & cached)
    documents, reports, requirements = compare(old, new, against, tolerate_partly_met=tolerate_partly_met,
                                               strict_review=strict_review)
    seen = {_key(d) for d in old_warnings}
    return GateResult(base, commit, commit_time("HEAD"), old, new, documents, reports, requirements,
                      [d for d in new_warnings if _key(d) not in seen], [*stored.problems, *problems],
                      stored.shown, stored.notes, tolerate_partly_met, fail_on_new_warnings, strict_review,
                      rule_changes(commit, staged, toplevel(), new.provisions, rule_paths), accept_rule_changes)
