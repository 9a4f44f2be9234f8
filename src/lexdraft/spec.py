"""Load conformance specs (YAML) into typed requirements, with located errors."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from . import yamldata
from .ast import Span, Text
from .diagnostics import Diagnostic, LexdraftError
from .resources import data_dir

KINDS = ("offence", "definition", "option", "manual", "saving")
FORCES = ("shall", "may", "saving")
GRADES = ("full", "partial", "option", "excluded")
# Facts a condition may test; lexdraft.conformance computes them per provision.
FACTS = (
    "object.kind", "object.origin", "object.person", "object.medium", "object.depicts",
    "object.standard", "object.virtual-test", "purpose", "mental", "consent", "harm",
    "prosecution", "base-threshold", "conduct", "covers", "means", "actors",
    "exceptions", "exception-conditions",
)
TESTS = ("has", "has-any", "has-all", "lacks", "is", "is-any", "present")


@dataclass(frozen=True)
class Outcome:
    """What a matching check does to a provision's coverage, and why."""

    grade: str  # partial | option | excluded | beyond
    reason: Text
    option: str | None = None  # the treaty option relied on, e.g. uncc.14.3.a


@dataclass(frozen=True)
class Check:
    id: str
    when: Any  # a condition: see conformance.holds
    outcome: Outcome


@dataclass(frozen=True)
class Element:
    """One part of a treaty definition that a provision's object must have."""

    id: str
    require: Any
    missing: Text


@dataclass(frozen=True)
class Requirement:
    id: str
    paragraph: str
    force: str
    kind: str
    terms: str
    explanation: Text
    span: Span
    conduct: tuple[str, ...] = ()
    objects: tuple[tuple[str, str, Text | None], ...] = ()  # (object kind, grade, reason)
    conduct_via: tuple[tuple[str, tuple[str, ...], Text], ...] = ()  # partial coverage by other conduct
    checks: tuple[Check, ...] = ()
    elements: tuple[Element, ...] = ()
    used_when: Any = None
    used_reason: Text | None = None

    def object_grade(self, kind: str) -> tuple[str, Text | None] | None:
        for name, grade, reason in self.objects:
            if name == kind:
                return grade, reason
        return None


@dataclass(frozen=True)
class RiskRule:
    id: str
    paragraph: str
    when: Any
    reason: Text


@dataclass(frozen=True)
class Spec:
    article: str
    title: Text
    provisional: bool
    status: str
    path: str
    requirements: tuple[Requirement, ...]
    risks: tuple[RiskRule, ...]


class _Reader:
    """Validates one YAML spec, collecting every problem with its position."""

    def __init__(self, path: str):
        self.path = path
        self.errors: list[Diagnostic] = []

    def error(self, message: str, span: Span | None, hint: str) -> None:
        self.errors.append(Diagnostic("E303", message, span, (hint,)))

    def mapping(self, node: Any, where: str, required: tuple[str, ...], optional: tuple[str, ...] = ()) -> dict[str, Any]:
        if not isinstance(node, dict):
            self.error(f"{where} must be a mapping", getattr(node, "span", None), "write `key: value` lines")
            return {}
        spans = getattr(node, "key_spans", {})
        for key in node:
            if key not in required and key not in optional:
                self.error(f"unknown key {key!r} in {where}", spans.get(key),
                           "allowed keys: " + ", ".join(required + optional))
        for key in required:
            if key not in node:
                self.error(f"{where} is missing {key!r}", getattr(node, "span", None), f"add `{key}:`")
        return node

    def text(self, node: Any, where: str) -> Text:
        m = self.mapping(node, where, ("en", "zh"))
        return Text(zh=str(m.get("zh", "")), en=str(m.get("en", "")))

    def condition(self, node: Any, where: str) -> Any:
        """A condition is {fact: {test: value}}, or all/any/not of conditions."""
        if not isinstance(node, yamldata.Mapping) or len(node) != 1:
            self.error(f"{where}: a condition is one `fact: {{test: value}}` or all/any/not",
                       getattr(node, "span", None), "e.g. `purpose: {has: profit}`")
            return {"all": []}
        (key, value), = node.items()
        if key in ("all", "any"):
            if not isinstance(value, list):
                self.error(f"{where}: `{key}` takes a list of conditions", node.key_spans[key], "write a YAML list")
                return {"all": []}
            return {key: [self.condition(v, where) for v in value]}
        if key == "not":
            return {"not": self.condition(value, where)}
        if key not in FACTS:
            self.error(f"{where}: unknown fact {key!r}", node.key_spans[key], "facts: " + ", ".join(FACTS))
        test = self.mapping(value, f"{where} test", (), TESTS)
        if len(test) != 1:
            self.error(f"{where}: give exactly one test", getattr(value, "span", None), "tests: " + ", ".join(TESTS))
        return {key: dict(test)}

    def outcome(self, node: Any, where: str) -> Outcome:
        m = self.mapping(node, where, ("grade", "reason"), ("option",))
        grade = str(m.get("grade", "partial"))
        if grade not in ("partial", "option", "excluded", "beyond"):
            self.error(f"{where}: unknown grade {grade!r}", getattr(m, "key_spans", {}).get("grade"), "partial, option, excluded or beyond")
        return Outcome(grade, self.text(m.get("reason", {}), where), m.get("option"))

    def requirement(self, node: Any) -> Requirement | None:
        m = self.mapping(node, "a requirement", ("id", "paragraph", "force", "kind", "terms", "explanation"),
                         ("conduct", "objects", "conduct-via", "checks", "elements", "used-when", "used-reason"))
        if not m or "id" not in m:
            return None
        rid = str(m["id"])
        assert isinstance(m, yamldata.Mapping)  # requirements come straight from YAML, with positions
        span, key_spans = m.span, m.key_spans
        if m.get("force") not in FORCES:
            self.error(f"{rid}: force must be shall, may or saving", key_spans.get("force", span), "use the treaty's own word")
        if m.get("kind") not in KINDS:
            self.error(f"{rid}: kind must be one of {', '.join(KINDS)}", key_spans.get("kind", span), "see docs")
        objects: list[tuple[str, str, Text | None]] = []
        for kind, value in (m.get("objects") or {}).items():
            if value == "full":
                objects.append((kind, "full", None))
            else:
                o = self.outcome(value, f"{rid} objects.{kind}")
                objects.append((kind, o.grade, o.reason))
        via = []
        for conduct, value in (m.get("conduct-via") or {}).items():
            v = self.mapping(value, f"{rid} conduct-via.{conduct}", ("covers", "reason"))
            via.append((conduct, tuple(v.get("covers", ())), self.text(v.get("reason", {}), rid)))
        checks = []
        for c in m.get("checks") or ():
            cm = self.mapping(c, f"{rid} check", ("id", "when", "grade", "reason"), ("option",))
            if cm:
                outcome = self.outcome({k: cm[k] for k in ("grade", "reason", "option") if k in cm}, f"{rid} check")
                checks.append(Check(str(cm.get("id")), self.condition(cm.get("when"), f"{rid} check"), outcome))
        elements = []
        for e in m.get("elements") or ():
            em = self.mapping(e, f"{rid} element", ("id", "require", "missing"))
            if em:
                elements.append(Element(str(em.get("id")), self.condition(em.get("require"), f"{rid} element"),
                                        self.text(em.get("missing", {}), rid)))
        return Requirement(
            id=rid, paragraph=str(m.get("paragraph", "")), force=str(m.get("force")), kind=str(m.get("kind")),
            terms=str(m.get("terms", "")), explanation=self.text(m.get("explanation", {}), rid), span=span,
            conduct=tuple(m.get("conduct") or ()), objects=tuple(objects), conduct_via=tuple(via),
            checks=tuple(checks), elements=tuple(elements),
            used_when=self.condition(m["used-when"], rid) if "used-when" in m else None,
            used_reason=self.text(m["used-reason"], rid) if "used-reason" in m else None)


def load_spec(path: str) -> Spec:
    """Read and validate one spec file; every problem is a located diagnostic."""
    data = yamldata.load(path)
    r = _Reader(path)
    top = r.mapping(data, "the spec file", ("article", "title", "provisional", "status", "requirements"), ("risks",))
    requirements = tuple(q for q in (r.requirement(n) for n in top.get("requirements") or ()) if q)
    seen: dict[str, Span] = {}
    for q in requirements:
        if q.id in seen:
            r.error(f"duplicate requirement id {q.id!r}", q.span, f"first defined at line {seen[q.id].line}")
        seen[q.id] = q.span
        if not q.id.startswith(str(top.get("article", "")) + "."):
            r.error(f"requirement {q.id!r} does not belong to {top.get('article')!r}", q.span,
                    "requirement ids follow the treaty: uncc.16.1, uncc.16.2 ...")
    risks = []
    for n in top.get("risks") or ():
        m = r.mapping(n, "a risk", ("id", "paragraph", "when", "reason"))
        if m:
            risks.append(RiskRule(str(m.get("id")), str(m.get("paragraph")), r.condition(m.get("when"), "risk"),
                                  r.text(m.get("reason", {}), "risk")))
    if r.errors:
        raise LexdraftError(r.errors)
    return Spec(str(top["article"]), r.text(top["title"], "title"), bool(top["provisional"]), str(top["status"]),
                path, requirements, tuple(risks))


def spec_path(article: str) -> Path:
    """uncc.16 -> conformance/uncc-16.yaml"""
    return data_dir("conformance") / (article.replace(".", "-") + ".yaml")


def known_articles() -> list[str]:
    return sorted(p.stem.replace("-", ".") for p in data_dir("conformance").glob("*.yaml"))


@cache
def spec_for(article: str) -> Spec:
    return load_spec(str(spec_path(article)))
