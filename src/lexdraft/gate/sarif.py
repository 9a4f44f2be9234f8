"""SARIF 2.1.0 for code hosts: each requirement whose verdict changed, and each new warning, on the draft line
that caused it. Rule ids are stable: the treaty requirement ids (uncc.14.1.c) and the diagnostic codes (W…)."""

from __future__ import annotations

import dataclasses
import json
import os
from pathlib import Path
from typing import Any
from urllib.parse import quote

from .. import __version__, escape
from ..codes import CODES
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..treaty.values import Force
from .compare import GateResult
from .decisions import rows
from .revisions import toplevel

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {Force.SHALL: "error", Force.MAY: "warning", Force.SAVING: "note"}


def _root() -> str:
    """The repository's top folder, which SARIF locations are relative to (%SRCROOT%); outside one, this folder."""
    try:
        return toplevel()
    except LexdraftError:
        return os.getcwd()


def _location(span: Span | None, root: str) -> list[dict[str, Any]]:
    if span is None:
        return []
    # from the repository root, whatever path was given: a code host places it, and no machine path is published
    path = Path(os.path.relpath(os.path.realpath(span.file), os.path.realpath(root)))
    uri = quote(os.fsencode(path.as_posix()))  # a name's own bytes, percent-encoded, even where they are not UTF-8
    return [{"physicalLocation": {
        "artifactLocation": {"uri": uri, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": span.line, "startColumn": span.column,
                   "endLine": span.end_line, "endColumn": span.end_column}}}]


def _at(d: Diagnostic) -> str:
    return f"{d.span.location()}: " if d.span else ""


class _Log:
    """One SARIF run: rules in the order first met, results pointing at them."""

    def __init__(self) -> None:
        self.root = _root()
        self.rules: list[dict[str, Any]] = []
        self.index: dict[str, int] = {}
        self.results: list[dict[str, Any]] = []

    def rule(self, rule_id: str, text: str, full: str, level: str, properties: dict[str, Any]) -> int:
        if rule_id not in self.index:
            self.index[rule_id] = len(self.rules)
            self.rules.append({"id": rule_id, "shortDescription": {"text": text}, "fullDescription": {"text": full},
                               "defaultConfiguration": {"level": level}, "properties": properties})
        return self.index[rule_id]

    def diagnostic(self, d: Diagnostic, level: str) -> None:
        """A lint warning or an error in a draft, under a rule named by its code."""
        code = CODES[d.code]
        full = f"{code.summary}; for example: {code.example} (`lexdraft explain {d.code}`)"
        i = self.rule(d.code, code.summary, full, d.severity, {})
        self.results.append({"ruleId": d.code, "ruleIndex": i, "level": level,
                             "message": {"text": d.message + "".join(f" (hint: {h})" for h in d.hints)},
                             "locations": _location(d.span, self.root)})

    def dumps(self, properties: dict[str, Any]) -> str:
        log = {"$schema": SCHEMA, "version": "2.1.0", "runs": [{
            "tool": {"driver": {"name": "lexdraft", "version": __version__, "semanticVersion": __version__,
                                "rules": self.rules}},
            "columnKind": "unicodeCodePoints",
            "properties": properties,
            "results": self.results}]}
        return escape.json_text(json.dumps(log, ensure_ascii=False, indent=2) + "\n")


def to_sarif(result: GateResult) -> str:
    log = _Log()
    for _, report, _ in result.reports:
        for q in report.spec.requirements:
            log.rule(q.id, f"UNCC Art. {q.paragraph}: {q.explanation.en}", q.terms, LEVEL[q.force],
                     {"paragraph": q.paragraph, "force": q.force, "zh": q.explanation.zh})
    for row in rows(result):
        c = row.change
        level = "error" if c.fails else "note" if c.status != "lost" else "warning"
        text = (f"{c.jurisdiction}: {c.requirement.id} ({c.requirement.paragraph}, {row.force[0]}) "
                f"{c.before.verdict} -> {c.after.verdict}, {row.status[0]}" + (f": {row.detail[0]}" if row.detail[0]
                                                                                 else ""))
        log.results.append({"ruleId": c.requirement.id, "ruleIndex": log.index[c.requirement.id], "level": level,
                            "message": {"text": text}, "locations": _location(c.span, log.root),
                            "properties": {"zh": f"{row.before[1]} → {row.after[1]}：{row.status[1]}"
                                                 + (f"（{row.detail[1]}）" if row.detail[1] else "")}})
    for w in result.new_warnings:
        log.diagnostic(w, "error" if result.fail_on_new_warnings else "warning")
    for rc in result.rule_changes:  # the rules the change is judged by: an error until a maintainer accepts it
        i = log.rule("rule-change", "A change to the rules the gate judges by", "Specs, vocabulary, packs or "
                     "lexdraft.toml changed; a maintainer accepts it with --accept-rule-changes.", "error", {})
        log.results.append({"ruleId": "rule-change", "ruleIndex": i, "level": "error" if result.rules_fail else "note",
                            "message": {"text": f"{rc.path}: {rc.kind}" + "".join(f"; would move: {m}"
                                                                                   for m in rc.moves)},
                            "locations": []})
    for d in result.base_problems:  # in the base, not the working tree: told, never located on today's lines
        log.diagnostic(dataclasses.replace(d, span=None, message=f"at {result.base}: {_at(d)}{d.message}"), "note")
    return log.dumps({"base": result.base, "commit": result.commit, "failed": result.failed})


def invalid_sarif(diagnostics: list[Diagnostic]) -> str:
    """The errors that stop the gate (exit 2), so that code hosts annotate a draft that does not parse too."""
    log = _Log()
    for d in diagnostics:
        log.diagnostic(d, "error")
    return log.dumps({"failed": True, "invalid": True})
