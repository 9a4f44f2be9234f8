"""The driver: collect drafts from paths, load them as a set (or one draft in its context), and check the set's
provisions per jurisdiction against treaty articles. The CLI, the gate and the Sphinx extension all go through it."""

from __future__ import annotations

import contextlib
import difflib
import os
import re
from collections.abc import Callable, Container, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .diagnostics import Diagnostic, LexdraftError, Severity, Span, fail
from .language.ast import Document, DraftFile, Interpretation, Obligation, Provision, Rule, Sketch, TreeNeeded, sketched
from .language.lint import lint, lint_file
from .language.resolve import resolve_texts
from .language.stored import Index, digest, draft_address, keep, parsed, share, shared_value
from .language.stored import load as stored_value
from .resources import data_dir, data_dumps, store_on
from .source import read_text

if TYPE_CHECKING:  # the treaty is loaded when a set is checked, not when a draft is only parsed or formatted
    from .treaty.conformance import Report
    from .treaty.decisions import Decision
    from .treaty.grades import FileGrades
    from .treaty.grades_index import GradesIndex
    from .treaty.review import Review

SUFFIX = ".lexd"
NO_JURISDICTION = "?"  # the group of provisions that name no jurisdiction
DECISIONS = "decisions.yaml"  # a reviewer's decisions on the not-assessed verdicts, beside the drafts they concern


def draft_paths(paths: list[str], *, allow_empty: bool = False) -> list[str]:
    """Each path is a draft file or a folder searched recursively; sorted for determinism, each file once however
    it is named (a second spelling or a link to a file already found adds nothing). No draft at all is an error
    unless `allow_empty` (the gate, where a change may delete every draft)."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(_drafts_in(raw))
        elif p.exists():
            found.append(str(p))
        elif p.is_symlink():
            raise fail("E001", f"{raw} is a link to nothing: its target is missing, or the link leads back to itself",
                       None, f"point the link at a draft, or name the draft itself (the link reads {os.readlink(p)})")
        else:
            raise fail("E001", f"no such file or folder: {raw}", None, _near_miss(p))
    if not found and not allow_empty:
        others = sorted({name for raw in paths for name in _some_names(raw)})
        seen = f" (the folder holds {', '.join(others[:3])}{' …' if len(others) > 3 else ''})" if others else ""
        raise fail("E001", f"no {SUFFIX} drafts found in {', '.join(paths)}", None,
                   f"drafts are files ending in {SUFFIX}{seen}")
    unique: dict[str, str] = {}
    real = _resolver()
    for f in sorted(found):
        unique.setdefault(real(f), f)
    return sorted(unique.values())


def _resolver() -> Callable[[str], str]:
    """os.path.realpath for the files of one command, each folder resolved once: realpath looks at every part of a
    path, for each of the thousands of drafts of a large set, twice a check. A file's own name is still looked at,
    as a link."""
    folders: dict[str, str] = {}

    def real(path: str) -> str:
        folder, name = os.path.split(path)
        if name in ("", ".", ".."):
            return os.path.realpath(path)
        resolved = folders.get(folder)
        if resolved is None:
            resolved = folders[folder] = os.path.realpath(folder or ".")
        full = os.path.join(resolved, name)
        return os.path.realpath(full) if os.path.islink(full) else full

    return real


def decision_paths(paths: list[str]) -> list[str]:
    """The reviewer decisions (decisions.yaml) beside the drafts: in the folders searched, and beside a draft named
    on its own; sorted, each file once."""
    found: list[str] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found.extend(str(Path(top) / DECISIONS) for top, _, files in os.walk(raw) if DECISIONS in files)
        elif (p.parent / DECISIONS).is_file():
            found.append(str(p.parent / DECISIONS))
    unique: dict[str, str] = {}
    for f in sorted(found):
        unique.setdefault(os.path.realpath(f), f)
    return sorted(unique.values())


def _drafts_in(folder: str) -> list[str]:
    """The .lexd files below `folder` (a folder named like a draft is no draft); a folder that cannot be read is
    an error, not a silent gap in the set."""
    def unreadable(e: OSError) -> None:
        raise fail("E001", f"cannot read folder {e.filename}: {e.strerror}", None,
                   "the drafts in it would be left out of the check: make it readable, or name other paths")

    return [str(Path(top) / name) for top, _, files in os.walk(folder, onerror=unreadable)
            for name in files if name.endswith(SUFFIX)]


def _some_names(folder: str, most: int = 200) -> list[str]:
    """A few file names below `folder`, for the hint when it holds no draft (a large tree is not walked whole)."""
    names: list[str] = []
    for _, _, files in os.walk(folder):
        names.extend(files)
        if len(names) >= most:
            break
    return names


def _near_miss(p: Path) -> str:
    """Did you mean a file or folder next to the one named, or check the path."""
    parent = p.parent if str(p.parent) else Path(".")
    if parent.is_dir():
        close = difflib.get_close_matches(p.name, sorted(f.name for f in parent.iterdir()), n=1, cutoff=0.75)
        if close:
            return f"did you mean {(parent / close[0]).as_posix() if str(p.parent) != '.' else close[0]}?"
        return f"check the spelling; {parent.as_posix()} holds no such name"
    return "check the spelling; a relative path is read from the folder the command runs in"


@dataclass(frozen=True)
class DraftSet:
    """Drafts loaded together: parsed, and linted as one set."""

    files: tuple[DraftFile, ...]
    warnings: tuple[Diagnostic, ...] = ()  # lint findings that stop nothing: a command shows them beside its output
    decisions: tuple[Decision, ...] = ()  # a reviewer's verdicts on what the check leaves not-assessed
    addresses: tuple[str, ...] = field(default=(), compare=False)  # each file's address in the cache (stored)
    # the grades of the files graded as they were read (load_sources' `ahead`), by address: taken by the set's check
    # (check_set), which forgets each once no jurisdiction after reads it, so that a large set's grades are not held
    # while its reports are written; a second check grades again
    grades: dict[str, FileGrades] = field(default_factory=dict, compare=False, repr=False)

    @property
    def documents(self) -> list[Document]:
        return [d for f in self.files for d in f.documents]

    @property
    def provisions(self) -> list[Provision]:
        return [d for f in self.files for d in f.documents if isinstance(d, Provision)]

    @property
    def rules(self) -> list[Rule]:
        """The general-part rules (participation, attempt, legal persons) the checker reads beside the provisions."""
        return [d for f in self.files for d in f.documents if isinstance(d, Rule)]

    @property
    def obligations(self) -> list[Obligation]:
        """The administrative measures the checker reads beside the provisions (Art. 18(2), and what a measure that
        is no crime forbids)."""
        return [d for f in self.files for d in f.documents if isinstance(d, Obligation)]

    @property
    def interpretations(self) -> list[Interpretation]:
        return [d for f in self.files for d in f.documents if isinstance(d, Interpretation)]

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]


def parse_draft(path: str, text: str | None = None) -> DraftFile:
    """Parse one draft (its text read from `path` unless given); a file without a provision or interpretation is a
    mistake (E004), not an empty set."""
    return _parse_draft(path, text)[0]


def _parse_draft(path: str, text: str | None) -> tuple[DraftFile, str]:
    """The draft and its address in the cache (language.stored), which keys what is computed from it."""
    text = read_text(path, "draft") if text is None else text
    draft, address = parsed(path, text, parse_text)
    if not draft.documents:
        raise _no_documents(path, text)
    return draft, address


def _sketched(path: str, text: str | None, only: Container[str] | None = None,
              index: Index | None = None) -> tuple[DraftFile, str, list[Diagnostic] | None]:
    """A draft as checking its set reads it, with its address and its own lint findings: its sketch (provisions
    reduced to language.ast.SKETCHED) when a check kept one (and its address is among `only`, if given), else the
    whole draft, whose sketch is kept for the next check. A draft met for the first time is whole, so a cold check
    never meets a sketch. The set's sketches are read from its `index` (language.stored.Index) when it holds them,
    else from each draft's own entry."""
    text = read_text(path, "draft") if text is None else text
    address = draft_address(path, text)
    if only is None or address in only:
        found = shared_value("sketch " + address)  # the gate's second side reads the first side's
        if found is None and index is not None:
            found = index.get(address)
        if found is None:
            found = stored_value("sketches", address)
        if isinstance(found, tuple) and len(found) == 2 and isinstance(found[0], DraftFile) \
                and isinstance(found[1], list) and found[0].path == path:
            share("sketch " + address, found)
            if index is not None:
                index.found(address, found)
            return found[0], address, found[1]
    draft, address = _parse_draft(path, text)
    if not store_on():
        return draft, address, None
    own = _own_lint(draft, address, known_articles())
    kept = (sketched(draft), own)
    keep("sketches", address, kept)
    if index is not None:
        index.made_afresh(address, kept)
    return draft, address, own


def _graded_as_read(path: str, text: str | None, articles: Sequence[str],
                    whole: Callable[[DraftFile], None] | None = None
                    ) -> tuple[DraftFile, str, list[Diagnostic], FileGrades | None]:
    """A draft read for a cold check of its set: parsed, linted alone and its provisions graded alone against
    `articles` (treaty.conformance.grade_alone), shown to `whole`, then sketched, so that its tree (spans and all) is
    dropped before the next file is read: a large set never holds every tree at once. A provision whose text is
    another's (`text of`) stays whole and is graded with the set, once its text is resolved."""
    from .treaty.conformance import grade_alone
    from .treaty.grades import Grades, kept

    draft, address = _parse_draft(path, text)
    own = _own_lint(draft, address, known_articles())
    alone = {id(d): f"{address}:{i}" for i, d in enumerate(draft.documents)
             if type(d) is Provision and d.text_of is None}
    grades = Grades(alone)
    with kept(grades):
        grade_alone(articles, [d for d in draft.documents if id(d) in alone])
    if whole is not None:
        whole(draft)
    return sketched(draft), address, own, grades.to_keep().get(address)


# A document begins with its keyword; `fmt` puts each at the start of a line.
_INTERPRETATION = re.compile(r"^[ \t]*interpretation\b", re.MULTILINE)


def _interpretations_first(sources: list[tuple[str, str | None]]) -> tuple[list[int], list[tuple[str, str | None]]]:
    """The order in which a cold check reads its files so that what it shows each whole draft (load_sources'
    `whole`) meets the interpretations before the provisions they name: first the files with a line that begins with
    `interpretation`, their texts read now, then the others, each in the order given. A file this misses (a document
    not at a line's start) is only read in its turn, which never changes what the check finds."""
    first: list[int] = []
    rest: list[int] = []
    texts = list(sources)
    for at, (path, text) in enumerate(sources):
        if text is None and Path(path).name != DECISIONS:
            try:
                text = read_text(path, "draft")
            except LexdraftError:
                pass  # said when the file is read in its turn
        if text is not None and Path(path).name != DECISIONS and _INTERPRETATION.search(text):
            first.append(at)
            texts[at] = (path, text)
        else:
            rest.append(at)
    return [*first, *rest], texts


def _linted(files: list[DraftFile], addresses: list[str],
            known: Mapping[str, list[Diagnostic]] | None = None) -> list[Diagnostic]:
    """lint() over the set, from the cache when these very drafts (by address, in this order) were linted before.
    Otherwise each file's own findings (lint_file) come from `known` (by address) or the cache but for the files that
    changed, and only the rules that read across files run over the whole set."""
    articles = known_articles()
    address = digest("lint", "\0".join(articles), *addresses)
    found = stored_value("lint", address)
    if isinstance(found, list):
        return found
    at = {id(f): a for f, a in zip(files, addresses, strict=True)}

    def own(draft: DraftFile) -> list[Diagnostic]:
        given = (known or {}).get(at[id(draft)])
        if given is not None:
            return given
        return _own_lint(draft, at[id(draft)], articles)

    found = lint(files, articles=articles, own=own)
    keep("lint", address, found)
    return found


def _own_lint(draft: DraftFile, address: str, articles: list[str]) -> list[Diagnostic]:
    """The findings of lint's rules that read one file alone (lint_file), from the cache when this file (by its
    address) was linted before."""
    own_address = digest("lint-file", "\0".join(articles), address)
    kept = stored_value("lint-files", own_address)
    if isinstance(kept, list):
        return kept
    findings = lint_file(draft, articles=articles)
    keep("lint-files", own_address, findings)
    return findings


def parse_text(text: str, path: str) -> DraftFile:
    """language.parse.parse_text, imported when a draft is not in the cache: a command whose drafts all are never
    loads the parser (lark and the compiled grammar)."""
    from .language import parse

    return parse.parse_text(text, path)


def _no_documents(path: str, text: str) -> LexdraftError:
    lines = text.split("\n")
    # Point at the first line with anything on it: a commented-out block is the likely cause.
    line = next((n for n, s in enumerate(lines, start=1) if s.strip()), None)
    if line is None:
        what = "it is empty" if not text else "it holds only blank lines"
        return fail("E004", f"file holds no provision or interpretation: {what}", Span(path, 1, 1, 1, 2),
                    "write a `provision ID { … }` or `interpretation ID { … }` block in it, or delete the file")
    col = len(lines[line - 1]) - len(lines[line - 1].lstrip()) + 1
    return fail("E004", "file holds no provision or interpretation, only comments",
                Span(path, line, col, line, col + 1),
                "a line starting with # is a comment; remove the # in front of a block to make it count, "
                "or delete the file")


def load(paths: list[str]) -> DraftSet:
    """Parse every draft (each file stops at its first syntax error) and lint the whole set; any error stops, and
    the warnings come with the set."""
    found = draft_paths(paths)
    drafts, _ = load_sources([(path, None) for path in [*found, *decision_paths(paths)]])
    return drafts


def load_sources(sources: list[tuple[str, str | None]],
                 progress: Callable[[int, int], None] | None = None, *,
                 sketch: bool | Container[str] = False,
                 ahead: Sequence[str] | None = None,
                 whole: Callable[[DraftFile], None] | None = None) -> tuple[DraftSet, list[Diagnostic]]:
    """Parse drafts given as (path, text) pairs (None: read the path) and lint them as one set; a pair whose file is
    named decisions.yaml is a reviewer's decisions, read beside them. `progress(done, total)` is told after each.
    With `sketch`, a draft unchanged since a check kept its sketch comes sketched (language.ast.Sketch), if its
    address is among `sketch` when that is no bool: only for checking the set, by a caller that catches TreeNeeded
    and loads again without. With `ahead` (the articles a check of the whole set will read), every draft is graded
    as it is read and kept only as its sketch (_graded_as_read): for a check that reads nothing else of it either,
    but what it shows `whole`, each draft whole before it is sketched, the files that may hold an interpretation
    first (_interpretations_first).

    Errors raise LexdraftError; lint findings of another severity (warnings) are returned beside the set.
    """
    sources = _each_file_once(sources)
    order: Iterable[int] = range(len(sources))
    if ahead is not None and whole is not None:
        order, sources = _interpretations_first(sources)
    read: dict[int, tuple[DraftFile, str]] = {}  # by place in `sources`: the set keeps the order given
    own: dict[str, list[Diagnostic]] = {}
    problems: dict[int, LexdraftError] = {}
    decided: dict[int, list[Decision]] = {}
    graded: dict[str, FileGrades] = {}
    # the set's sketches, read together (language.stored.Index), named by its files
    index = Index("sketch-index", "\0".join(path for path, _ in sources), ()) \
        if sketch is not False and store_on() else None
    for done, at in enumerate(order, start=1):
        path, text = sources[at]
        if progress is not None:
            progress(done, len(sources))
        try:
            if Path(path).name == DECISIONS:
                decided[at] = _decisions(path, text)
                continue
            if ahead is not None:
                draft, address, own[address], made = _graded_as_read(path, text, ahead, whole)
                if made is not None:
                    graded[address] = made
            elif sketch is not False:
                draft, address, findings = _sketched(path, text, None if sketch is True else sketch, index)
                if findings is not None:
                    own[address] = findings
            else:
                draft, address = _parse_draft(path, text)
        except LexdraftError as e:
            problems[at] = e
        else:
            read[at] = draft, address
    files = [read[at][0] for at in sorted(read)]
    addresses = [read[at][1] for at in sorted(read)]
    failed = [problems[at] for at in sorted(problems)]
    quoted = {path: text for e in failed for path, text in e.sources.items()}  # texts not readable again as they were
    found = _linted(files, addresses, own)
    decisions = [d for at in sorted(decided) for d in decided[at]]
    errors = [*(d for e in failed for d in e.diagnostics), *(d for d in found if d.severity is Severity.ERROR),
              *_twice_decided(decisions)]
    if errors:
        raise LexdraftError(errors, quoted)
    if index is not None:
        index.wanted = frozenset(addresses)
        index.save()
    warnings = [d for d in found if d.severity is not Severity.ERROR]
    # `text of` is resolved here, once, so that every later stage reads a plain `text`.
    return DraftSet(tuple(resolve_texts(files)), tuple(warnings), tuple(decisions), tuple(addresses), graded), warnings


def _each_file_once(sources: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """The sources to read from files, each file once however its paths name it (a decisions.yaml named on the
    command line and found again beside the drafts, `d` and `./d/decisions.yaml`): one file is not two decisions."""
    seen: set[str] = set()
    once = []
    resolve = _resolver()
    for path, text in sources:
        if text is None:
            real = resolve(path)
            if real in seen:
                continue
            seen.add(real)
        once.append((path, text))
    return once


def _decisions(path: str, text: str | None) -> list[Decision]:
    """One decisions file, its requirements and jurisdictions checked against the specs and packs in use."""
    from .packs import all_packs
    from .source import read_text
    from .treaty.decisions import read_decisions
    from .treaty.spec import spec_for

    requirements = [q.id for a in known_articles() for q in spec_for(a).requirements]
    return read_decisions(path, read_text(path, "decisions") if text is None else text, requirements, all_packs())


def read_decision_files(sources: list[tuple[str, str | None]]) -> list[Decision]:
    """Reviewer decisions files as (path, text) pairs (None: read the path), read as `check` reads them beside a
    set: every mistake in them (E801, a question decided twice among them) raised at once."""
    decided: list[Decision] = []
    problems: list[Diagnostic] = []
    for path, text in sources:
        try:
            decided.extend(_decisions(path, text))
        except LexdraftError as e:
            problems.extend(e.diagnostics)
    problems.extend(_twice_decided(decided))
    if problems:
        raise LexdraftError(problems)
    return decided


def _twice_decided(decided: list[Decision]) -> list[Diagnostic]:
    """Two files deciding the same question: which one holds is not for lexdraft to guess."""
    first: dict[tuple[str, str], Decision] = {}
    out = []
    for d in decided:
        seen = first.setdefault((d.requirement, d.jurisdiction), d)
        if seen is not d:
            out.append(Diagnostic("E801", f"a second decision on {d.requirement} for {d.jurisdiction}", d.span,
                                  (f"{seen.span.file}:{seen.span.line} decides it already: keep one",)))
    return out


@dataclass(frozen=True)
class InContext:
    """One draft loaded with its context: the drafts beside it and those named with `--with`."""

    draft: DraftFile
    context: tuple[DraftFile, ...]
    warnings: tuple[Diagnostic, ...] = ()  # the draft's own lint findings that stop nothing

    @property
    def files(self) -> list[DraftFile]:
        return [self.draft, *self.context]

    @property
    def paths(self) -> list[str]:
        return [f.path for f in self.files]


def load_in_context(path: str, more: Iterable[str] = (), text: str | None = None, *,
                    beside: bool = True) -> InContext:
    """One draft (its text read from `path` unless given) parsed and linted with the drafts beside it (unless not
    `beside`: a draft read from standard input is beside nothing) and `more`: only its own problems stop it; a
    broken neighbour is that file's problem."""
    draft, address = _parse_draft(path, text)  # an empty file is reported (E004), as check does
    # The drafts beside it (not below: a backup copy in a subfolder is no context), and those named with --with.
    neighbours = [str(p) for p in sorted(Path(path).parent.glob("*" + SUFFIX)) if p.is_file()] if beside else []
    more = list(more)
    others = {os.path.realpath(p): p for p in [*neighbours, *(draft_paths(more) if more else [])]}
    others.pop(os.path.realpath(path), None)
    context, addresses = [], [address]
    for other in others.values():
        with contextlib.suppress(LexdraftError):
            parsed_other, other_address = parsed(other, read_text(other, "draft"), parse_text)
            context.append(parsed_other)
            addresses.append(other_address)
    found = _linted([draft, *context], addresses)
    problems = [d for d in found if d.span is None or d.span.file == path]
    errors = [d for d in problems if d.severity is Severity.ERROR]
    if errors:
        raise LexdraftError(errors)
    warnings = tuple(d for d in problems if d.severity is not Severity.ERROR)
    resolved, *context = resolve_texts([draft, *context])  # `text of` read as the text it names, as in a set
    return InContext(resolved, tuple(context), warnings)


# ------------------------------------------------------------------ checking against the treaty

def known_articles(folder: Path | None = None) -> list[str]:
    """The treaty articles with a conformance spec, sorted: conformance/uncc-16.yaml gives uncc.16."""
    if folder is None:
        try:
            folder = data_dir("conformance")
        except FileNotFoundError:
            return []
    return sorted(p.stem.replace("-", ".") for p in folder.glob("*.yaml"))


def treaty_articles(wanted: Iterable[str] | None = None) -> list[str]:
    """The articles to check, each once in the order given (default: every known one); an unknown one is E401."""
    known = known_articles()
    chosen = list(dict.fromkeys(wanted or ())) or known
    for a in chosen:
        if a not in known:
            raise fail("E401", f"unknown treaty article {a!r}", None, "known: " + ", ".join(known))
    return chosen


def by_jurisdiction(provisions: Iterable[Provision]) -> dict[str, list[Provision]]:
    """Provisions grouped by the jurisdiction they name, groups sorted by name: each is checked as one set."""
    groups: dict[str, list[Provision]] = {}
    for p in provisions:
        groups.setdefault(p.jurisdiction.name if p.jurisdiction else NO_JURISDICTION, []).append(p)
    return dict(sorted(groups.items()))


@dataclass(frozen=True)
class Checked:
    """One jurisdiction's provisions checked against one treaty article."""

    jurisdiction: str
    report: Report

    @property
    def article(self) -> str:
        return self.report.spec.article

    @property
    def conforms(self) -> bool:
        return self.report.conforms


def _jurisdiction_of(doc: Provision | Rule | Obligation) -> str:
    return doc.jurisdiction.name if doc.jurisdiction else NO_JURISDICTION


def check_jurisdiction(jurisdiction: str, provisions: list[Provision], articles: list[str],
                       rules: Iterable[Rule] = (), decisions: Iterable[Decision] = (),
                       key: str | None = None, names: Mapping[int, str] | None = None,
                       measures: Iterable[Obligation] = (), files: dict[str, FileGrades] | None = None,
                       index: GradesIndex | None = None) -> list[Checked]:
    """One jurisdiction's provisions against each of `articles` (already chosen by treaty_articles), with the
    general-part rules and administrative measures of that jurisdiction and a reviewer's decisions on what the check
    leaves not-assessed.

    `key` names the set in the cache (set_keys); without it, the set's provisions and rules themselves do (spans
    included, which the findings cite), which costs a walk over them. A jurisdiction whose set did not change is not
    checked again, whichever files the others changed; the decisions are applied afresh. A changed set grades again
    only its provisions that changed: `names` (provision_keys) names each provision by its content, and each file's
    grades are kept in the cache under its address (treaty.grades), read once a run for all the set's jurisdictions
    through `files`, from the set's `index` (grades_index) when it holds them."""
    from .treaty.decisions import apply
    from .treaty.grades import Grades, kept

    _pack_risks_known(jurisdiction)
    own = [r for r in rules if _jurisdiction_of(r) == jurisdiction]
    administrative = [o for o in measures if _jurisdiction_of(o) == jurisdiction]
    decided = list(decisions)
    if key is None and any(type(p) is Sketch for p in provisions):
        raise TreeNeeded("a key of the whole provisions")  # a sketch alone would key them by a few of their fields
    # a key names the set's files, not which of their rules and measures the caller hands over
    group = (key + "\0" + "\0".join(r.id for r in own) + "\1" + "\0".join(o.id for o in administrative)).encode() \
        if key is not None else data_dumps((provisions, own, administrative), key=True)
    grades = Grades(names or {}, index.load if index is not None else _kept_grades, files)
    with kept(grades):
        out = [Checked(jurisdiction, apply(_checked(a, jurisdiction, group, provisions, own, administrative),
                                           jurisdiction, decided))
               for a in articles]
    for file, made in grades.to_keep().items():  # only the files whose provisions were graded afresh
        address = digest("grades", file)
        share(address, made)  # the gate's second side reads the first side's grades (language.stored.shared)
        keep("grades", address, made)
        if index is not None:
            index.kept(file, made)
    return out


def _kept_grades(file: str) -> dict[int, dict[str, object]] | None:
    """The grades kept for the provisions of the file at address `file`, if they are what treaty.grades keeps."""
    address = digest("grades", file)
    found = shared_value(address)
    if isinstance(found, dict):
        return dict(found)
    found = stored_value("grades", address, _REPORT_MODULES)
    if not isinstance(found, dict) or not all(isinstance(k, int) and isinstance(v, dict) for k, v in found.items()):
        return None
    return found


def provision_keys(drafts: DraftSet) -> dict[int, str] | None:
    """Each provision of the set named by its content: the address of its file in the cache (the file's bytes and
    everything that reads them) and its place in the file. None for a set not loaded through the cache."""
    if len(drafts.addresses) != len(drafts.files):
        return None
    return {id(doc): f"{address}:{i}" for f, address in zip(drafts.files, drafts.addresses, strict=True)
            for i, doc in enumerate(f.documents) if isinstance(doc, Provision)}


def _pack_risks_known(jurisdiction: str) -> None:
    """A pack words only risks lexdraft looks for (E701 at the id otherwise: a misspelt id would never be used)."""
    from .packs import pack
    from .treaty.spec import common_risk_ids

    p = pack(jurisdiction)
    if p is None or not p.risks:
        return
    known = common_risk_ids()
    unknown = [rid for rid in p.risks if rid not in known]
    if unknown:
        raise LexdraftError([Diagnostic("E701", f"the pack words the risk {rid!r}, which lexdraft does not look for",
                                        p.risk_spans.get(rid, p.span),
                                        ("a pack words the risks of conformance/common/risks.yaml: "
                                         + ", ".join(known),)) for rid in unknown])


# What a report is made of besides the spec and the provisions: the checker's findings, read from the cache.
_REPORT_MODULES = ("lexdraft.language.ast", "lexdraft.diagnostics", "lexdraft.treaty.")


def _checked(article: str, jurisdiction: str, group: bytes, provisions: list[Provision], rules: list[Rule],
             measures: list[Obligation]) -> Report:
    """The report of one jurisdiction's set against one article, from the cache when that set was checked before."""
    import dataclasses

    from .treaty.conformance import Report, check
    from .treaty.spec import spec_for

    spec = spec_for(article)
    address = digest("verdicts", article, jurisdiction, group)
    found = stored_value("verdicts", address, _REPORT_MODULES)
    if isinstance(found, tuple) and len(found) == 2:
        order, rest = found
        with contextlib.suppress(TypeError, IndexError):  # a report of another shape: checked again
            return Report(spec=spec, provisions=[provisions[i] for i in order], **rest)
    # A set that gives no general-part rule of its jurisdiction gives none of its general part: its silence on what
    # the general part decides (liability of legal persons, complicity) shows no gap.
    report = check(spec, provisions, rules, general_part=bool(rules), measures=measures)
    # The report's provisions are the set's own objects (in the checker's order): kept as their places in the set.
    places = {id(p): i for i, p in enumerate(provisions)}
    if all(id(p) in places for p in report.provisions):
        keep("verdicts", address, ([places[id(p)] for p in report.provisions],
                                   {f.name: getattr(report, f.name) for f in dataclasses.fields(report)
                                    if f.name not in ("spec", "provisions")}))
    return report


def check_groups(groups: dict[str, list[Provision]], articles: list[str], rules: Iterable[Rule] = (),
                 decisions: Iterable[Decision] = (), keys: dict[str, str] | None = None,
                 names: Mapping[int, str] | None = None, measures: Iterable[Obligation] = (),
                 graded: dict[str, FileGrades] | None = None) -> list[Checked]:
    """Each group of provisions against each article, group by group in the order given; `graded` holds the grades
    made as the files were read (DraftSet.grades), by address, and loses each once no later group reads it."""
    rules, decisions, measures = list(rules), list(decisions), list(measures)
    files: dict[str, FileGrades] = {} if graded is None else graded
    index = grades_index(groups, names)
    out: list[Checked] = []
    for jurisdiction, provisions in groups.items():
        out.extend(check_jurisdiction(jurisdiction, provisions, articles, rules, decisions,
                                      (keys or {}).get(jurisdiction), names, measures, files, index))
        _drop_read(files, groups, jurisdiction, names)
    if index is not None:
        index.save()
    return out


def grades_index(groups: Mapping[str, list[Provision]], names: Mapping[int, str] | None) -> GradesIndex | None:
    """The grades index (treaty.grades_index) of the set whose provisions are `groups`, named by its jurisdictions
    and the files its provisions are in; None for a set not loaded through the cache, or without the cache."""
    if not names or not store_on():
        return None
    from .treaty.grades_index import GradesIndex

    addresses = {names[id(p)].rpartition(":")[0] for ps in groups.values() for p in ps if id(p) in names}
    files = sorted({p.span.file for ps in groups.values() for p in ps if p.span is not None})
    return GradesIndex("\0".join([*groups, "\1", *files]), addresses, _kept_grades)


def _drop_read(files: dict[str, FileGrades], groups: Mapping[str, list[Provision]], done: str,
               names: Mapping[int, str] | None) -> None:
    """Forget the grades of the files no jurisdiction after `done` reads: a large set's grades are not all held at
    once (the files read by two jurisdictions are read once)."""
    later = list(groups)[list(groups).index(done) + 1:]
    wanted = {names[id(p)].rpartition(":")[0] for j in later for p in groups[j] if names and id(p) in names}
    for address in [a for a in files if a not in wanted]:
        del files[address]


def check_provisions(provisions: Iterable[Provision], against: Iterable[str] | None = None,
                     rules: Iterable[Rule] = (), decisions: Iterable[Decision] = (),
                     keys: dict[str, str] | None = None, names: Mapping[int, str] | None = None,
                     measures: Iterable[Obligation] = ()) -> list[Checked]:
    """Provisions grouped by jurisdiction, each group checked against the articles (default: every known one)."""
    articles = treaty_articles(against)
    return check_groups(by_jurisdiction(provisions), articles, rules, decisions, keys, names, measures)


def review_drafts(drafts: DraftSet, against: Iterable[str] | None = None,
                  pending: Sequence[Provision] = ()) -> list[Review]:
    """The country review of each jurisdiction in the set against the articles (default: every known one); the
    `pending` drafts (a bill, proposals) are read beside it, and a gap one of them closes is said to be closed."""
    from .treaty.review import review

    articles = treaty_articles(against)
    keys = set_keys(drafts) or {}
    names = provision_keys(drafts)
    files: dict[str, FileGrades] = {}
    groups = by_jurisdiction(drafts.provisions)
    index = grades_index(groups, names)
    out = []
    for jurisdiction, provisions in groups.items():
        out.append(review(jurisdiction, [c.report for c in check_jurisdiction(jurisdiction, provisions, articles,
                                                                               drafts.rules, drafts.decisions,
                                                                               keys.get(jurisdiction), names,
                                                                               drafts.obligations, files, index)],
                          drafts.documents, pending))
        _drop_read(files, groups, jurisdiction, names)
    if index is not None:
        index.save()
    return out


def check_set(drafts: DraftSet, against: Iterable[str] | None = None) -> list[Checked]:
    """A loaded set's provisions checked per jurisdiction, with its general-part rules and decisions."""
    return check_groups(by_jurisdiction(drafts.provisions), treaty_articles(against), drafts.rules, drafts.decisions,
                        set_keys(drafts), provision_keys(drafts), drafts.obligations, drafts.grades)


def set_keys(drafts: DraftSet) -> dict[str, str] | None:
    """Each jurisdiction's set as a cache key, from the addresses of the files holding its provisions and rules and
    the texts its provisions have once `text of` is resolved (the one thing another file gives them); None for a
    set not loaded through the cache."""
    if len(drafts.addresses) != len(drafts.files):
        return None
    parts: dict[str, list[str]] = {}
    for f, address in zip(drafts.files, drafts.addresses, strict=True):
        for doc in f.documents:
            if isinstance(doc, (Provision, Rule, Obligation)):
                own = parts.setdefault(_jurisdiction_of(doc), [])
                if not own or own[-1] != address:
                    own.append(address)
                if isinstance(doc, Provision):
                    own.append(repr(doc.text))
    return {jurisdiction: digest("set", jurisdiction, *own) for jurisdiction, own in parts.items()}
