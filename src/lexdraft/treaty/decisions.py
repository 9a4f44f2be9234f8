"""Reviewer decisions: the verdicts a reviewer records in `decisions.yaml` beside the drafts, read and applied."""

from __future__ import annotations

import dataclasses
import datetime
import difflib
from collections.abc import Iterable
from dataclasses import dataclass

from .. import yamldata
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.ast import Text
from .conformance import Finding, Note, Report
from .values import Verdict

KEYS = ("requirement", "jurisdiction", "verdict", "reason", "who", "date")
# A reviewer decides what the text cannot show; not-assessed is the question itself, not an answer to it.
DECIDABLE = tuple(v for v in Verdict if v is not Verdict.NOT_ASSESSED)
START = "the file holds `decisions:` and a list of entries, each with " + ", ".join(KEYS)


@dataclass(frozen=True)
class Decision:
    """One reviewer's verdict on one requirement for one jurisdiction, with why, who and when."""

    requirement: str
    jurisdiction: str
    verdict: Verdict
    reason: Text
    who: str
    date: str  # YYYY-MM-DD
    span: Span

    def label(self, lang: str) -> str:
        """'decided by a reviewer (who, date)', as the reports say it."""
        return f"由审查人员决定（{self.who}，{self.date}）" if lang == "zh" else \
            f"decided by a reviewer ({self.who}, {self.date})"


def _first_line(path: str, text: str) -> Span:
    number = next((n for n, s in enumerate(text.split("\n"), 1) if s.strip() and not s.lstrip().startswith("#")), 1)
    return Span(path, number, 1, number, 2)


def read_decisions(path: str, text: str, requirements: Iterable[str], jurisdictions: Iterable[str]
                   ) -> list[Decision]:
    """Every decision of one file, or every located mistake in it (E801): an unknown requirement or jurisdiction, a
    verdict a reviewer cannot give, a missing reason, who or date, a second decision on the same question."""
    try:
        data = yamldata.load(path, text)
    except LexdraftError as e:  # an unquoted date is YAML's timestamp: say so in a reviewer's words
        raise LexdraftError([Diagnostic(d.code, "a date must be quoted text here", d.span,
                                        ('write it as date: "2026-12-01"',))
                             if "timestamp" in d.message else d for d in e.diagnostics]) from None
    if not isinstance(data, yamldata.Mapping) or "decisions" not in data:
        raise LexdraftError([Diagnostic("E801", "a decisions file must be a mapping with `decisions:`",
                                        data.span if isinstance(data, yamldata.Mapping) else _first_line(path, text),
                                        (START,))])
    extra = [k for k in data if k != "decisions"]
    entries = data["decisions"]
    errors = [Diagnostic("E801", f"unknown key {k!r} in a decisions file", data.key_spans[k],
                         ("the file holds only `decisions:`",)) for k in extra]
    if not isinstance(entries, yamldata.Sequence):
        errors.append(Diagnostic("E801", "`decisions:` must be a list of entries", data.key_spans["decisions"],
                                 (START,)))
        raise LexdraftError(errors)
    known_requirements, known_jurisdictions = sorted(set(requirements)), sorted(set(jurisdictions))
    found: list[Decision] = []
    seen: dict[tuple[str, str], Span] = {}
    for entry in entries:
        problems, decision = _entry(path, entry, data.key_spans["decisions"], known_requirements,
                                    known_jurisdictions)
        errors.extend(problems)
        if decision is None:
            continue
        key = (decision.requirement, decision.jurisdiction)
        if key in seen:
            errors.append(Diagnostic("E801", f"a second decision on {key[0]} for {key[1]}", decision.span,
                                     (f"the first is at line {seen[key].line}: keep one",)))
            continue
        seen[key] = decision.span
        found.append(decision)
    if errors:
        raise LexdraftError(errors)
    return found


def _near(value: str, known: list[str], what: str) -> str:
    close = difflib.get_close_matches(value, known, n=1, cutoff=0.6)
    return f"did you mean {close[0]}?" if close else f"known {what}: {', '.join(known)}"


def _entry(path: str, entry: object, at: Span, requirements: list[str], jurisdictions: list[str]
           ) -> tuple[list[Diagnostic], Decision | None]:
    if not isinstance(entry, yamldata.Mapping):
        return [Diagnostic("E801", "a decision must be a mapping", getattr(entry, "span", at), (START,))], None
    problems: list[Diagnostic] = []
    for key in entry:
        if key not in KEYS:
            problems.append(Diagnostic("E801", f"unknown key {key!r} in a decision", entry.key_spans[key],
                                       (_near(key, list(KEYS), "keys"),)))
    missing = [k for k in KEYS if k not in entry or entry[k] in (None, "")]
    if missing:
        problems.append(Diagnostic("E801", f"a decision without {', '.join(missing)}", entry.span,
                                   ("a decision records " + ", ".join(KEYS),)))
    texts = {k: entry[k] for k in ("requirement", "jurisdiction", "verdict", "who", "date")
             if k in entry and entry[k] not in (None, "")}
    for key, value in texts.items():
        if not isinstance(value, str):
            problems.append(Diagnostic("E801", f"`{key}` must be text", entry.key_spans[key],
                                       ("quote the value",)))
    if problems:
        return problems, None
    if entry["requirement"] not in requirements:
        problems.append(Diagnostic("E801", f"no treaty requirement {entry['requirement']!r}",
                                   entry.key_spans["requirement"], (_near(entry["requirement"], requirements,
                                                                          "requirements"),)))
    if entry["jurisdiction"] not in jurisdictions:
        problems.append(Diagnostic("E801", f"no jurisdiction {entry['jurisdiction']!r}",
                                   entry.key_spans["jurisdiction"], (_near(entry["jurisdiction"], jurisdictions,
                                                                           "jurisdictions"),)))
    if entry["verdict"] not in DECIDABLE:
        hint = ("not-assessed is the question a decision answers: give the verdict the reviewer reached"
                if entry["verdict"] == Verdict.NOT_ASSESSED else _near(entry["verdict"], list(DECIDABLE), "verdicts"))
        problems.append(Diagnostic("E801", f"{entry['verdict']!r} is not a verdict a reviewer can record",
                                   entry.key_spans["verdict"], (hint,)))
    try:
        day = datetime.date.fromisoformat(entry["date"])
        if day.isoformat() != entry["date"]:
            raise ValueError
    except ValueError:
        problems.append(Diagnostic("E801", f"{entry['date']!r} is not a date", entry.key_spans["date"],
                                   ('write the day of the decision as YYYY-MM-DD, e.g. "2026-12-01"',)))
    reason = _reason(entry["reason"])
    if reason is None:
        problems.append(Diagnostic("E801", "`reason` must be text, or `en:` and `zh:` texts", entry.key_spans["reason"],
                                   ('reason: "why the reviewer decided so", or reason: {en: "…", zh: "…"}',)))
    if problems or reason is None:
        return problems, None
    return [], Decision(entry["requirement"], entry["jurisdiction"], Verdict(entry["verdict"]), reason,
                        entry["who"].strip(), entry["date"], entry.span)


def _reason(value: object) -> Text | None:
    """A plain text is shown in both languages; a mapping gives each language its own."""
    if isinstance(value, str) and value.strip():
        return Text(zh=value.strip(), en=value.strip())
    if isinstance(value, yamldata.Mapping) and set(value) <= {"en", "zh"} and value \
            and all(isinstance(t, str) and t.strip() for t in value.values()):
        en, zh = value.get("en"), value.get("zh")
        return Text(zh=(zh or en).strip(), en=(en or zh).strip())
    return None


def apply(report: Report, jurisdiction: str, decisions: Iterable[Decision]) -> Report:
    """The report with the reviewer's verdict in place of each not-assessed one it decides. A decision on a
    requirement the check decides itself is not applied: the finding says so, and keeps the check's verdict."""
    mine = {d.requirement: d for d in decisions if d.jurisdiction == jurisdiction}
    if not mine:
        return report
    verdicts = [_decided(v, mine[v.requirement.id]) if v.requirement.id in mine else v for v in report.verdicts]
    return dataclasses.replace(report, verdicts=verdicts)


def _decided(v: Finding, d: Decision) -> Finding:
    if v.verdict is not Verdict.NOT_ASSESSED:
        return dataclasses.replace(v, notes=[*v.notes, Note("", Text(
            en=f"A reviewer's decision ({d.verdict}, {d.who}, {d.date}) is recorded for this requirement, but the "
               f"check decides it from the text itself ({v.verdict}): the decision is not applied.",
            zh=f"已记录审查人员对本项要求的决定（{d.verdict}，{d.who}，{d.date}），但本项要求由审查程序依条文本身"
               f"判定（{v.verdict}），故不采用该决定。"), d.span)])
    said = Note("", Text(en=f"Decided by a reviewer ({d.who}, {d.date}): {d.reason.en}",
                         zh=f"由审查人员决定（{d.who}，{d.date}）：{d.reason.zh}"), d.span)
    return dataclasses.replace(v, verdict=d.verdict, notes=[*v.notes, said], decision=d)
