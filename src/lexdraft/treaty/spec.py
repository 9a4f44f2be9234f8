"""Load conformance specs (YAML) into typed requirements, with located errors."""

from __future__ import annotations

import dataclasses
import difflib
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from .. import packs, yamldata
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.ast import Text
from ..resources import cached, data_dir, source_file
from .conditions import ARGUMENT_SCHEMA, Condition, parse_condition
from .facts import Facts, fact_names
from .values import SPEC_GRADES, Force, Grade, RequirementKind

# Keys whose value is a condition (conformance/schema.json, $defs/condition).
CONDITION_KEYS = ("when", "require", "used-when", "not")


@dataclass(frozen=True)
class Outcome:
    """What a matching check does to a provision's coverage, and why."""

    grade: Grade  # one of SPEC_GRADES
    reason: Text
    option: str | None = None  # the treaty option relied on, e.g. uncc.14.3.a
    # the reason as one jurisdiction's provisions get it (its own law and sources), by code; `in:` in the spec
    local: tuple[tuple[str, Text], ...] = ()

    def reason_for(self, jurisdiction: str | None) -> Text:
        """The jurisdiction's own explanation where the spec gives one, else the reason in the treaty's terms."""
        return next((t for code, t in self.local if code == jurisdiction), self.reason)


@dataclass(frozen=True)
class Check:
    id: str
    when: Condition
    outcome: Outcome
    # the part of the material's origin (real, synthetic) a provision this check holds of reaches: its limit is made
    # up where other provisions of the set reach the rest for the same act (real recordings in one, drawings in another)
    part: tuple[str, ...] = ()
    # the limit is one of `object.obtained`: how the offender came by the image (`offender`) or how the recording was
    # made (`recording`, the vocabulary's `says`); made up, as `part`, where other provisions reach the other ways
    # (vocabulary `ways-obtained`) for the same act
    obtained_part: str | None = None
    # the places of recording (vocabulary `place` terms: dwelling within private-place, public-place) a provision this
    # check holds of reaches: a definition's limit made up where other provisions of the set reach the other places
    place_part: tuple[str, ...] = ()


@dataclass(frozen=True)
class Element:
    """One part of a treaty definition that a provision's object must have."""

    id: str
    require: Condition
    missing: Text


@dataclass(frozen=True)
class Unverified:
    """Treaty words whose wording is not verified (⟨?⟩ in the reference): a requirement that would fail only on
    them is no gap, and its verdict says so."""

    words: str
    conduct: tuple[str, ...] = ()
    elements: tuple[str, ...] = ()


@dataclass(frozen=True)
class Route:
    """A conduct by which a legal person takes part in the offences (an intermediary's omission), and how far it
    reaches: said of a provision by the first case whose condition holds of it (a prior order to correct), else by
    the default."""

    conduct: str
    reason: Text
    cases: tuple[tuple[Condition, Text], ...] = ()

    def reason_for(self, facts: Facts) -> Text:
        return next((t for when, t in self.cases if when.holds(facts)), self.reason)


@dataclass(frozen=True)
class ViaRules:
    """An offence the treaty lets a State reach without a separate offence: through a general-part rule of one of
    `kinds` that reaches the provisions carrying the requirements `offences` (financing as aiding them)."""

    kinds: tuple[str, ...]
    offences: tuple[str, ...]
    reason: Text


@dataclass(frozen=True)
class Incitement:
    """An act of the offence a general part may also reach as instigating another's offence (soliciting material as
    inciting the offences of `offences`, its supply), through rules of `kinds`: not a route the treaty offers, as it
    offers financing's, so it raises no verdict; where no provision reaches the act in full, a reviewer is asked."""

    act: str
    kinds: tuple[str, ...]
    offences: tuple[str, ...]
    reason: Text


@dataclass(frozen=True)
class Narrows:
    """An option that narrows offences (14(3): the material; 16(5): the mental element): the set takes it only where
    every provision carrying `offences` does, since one that does not reaches the same acts without the limit."""

    offences: tuple[str, ...]
    # the option narrows the material: a provision whose object is the person the offence is committed against (an
    # indecency offence against a real child) neither takes nor refuses it
    material: bool
    reason: Text  # why the set does not take it, where a provision carrying the offences does not
    # a provision that reaches nothing the option would leave out, by a narrower limit of its own (real recordings
    # only, against 14(3)(a)): it neither takes nor refuses the option; the offences count its limit as a narrowing
    within: Condition | None = None
    within_reason: Text | None = None


@dataclass(frozen=True)
class Excludes:
    """An option that excludes some conduct from offences (14(4)): the set uses it where any provision carrying
    `offences` states the exclusion, and every such provision is named, as taking it or as punishing that conduct."""

    offences: tuple[str, ...]
    reason: Text  # said of a provision carrying the offences that does not state the exclusion


@dataclass(frozen=True)
class MinorsConsent:
    """A deeming rule that a person under 18 cannot consent (Art. 16(4)), read on the provisions carrying `offences`:
    what a reviewer is told of one whose image may be of a person under 18 and that lets the consent of the person
    depicted count (`counts`: its want an element, or consent a defence, with no condition that the person be an
    adult), and of one whose consent defence holds only for an adult (`adults`); `{how}` and `{effect}` are the
    provision's own ways of letting consent count. The verdict stays the reviewer's, unless the statutes of the
    provisions that let consent count say that no person under 18 can give it (`below_all`)."""

    offences: tuple[str, ...]
    counts: Text
    adults: Text
    # of one whose statute gives a minor's consent to others (`consent … minors-by`, `{givers}`), and the sentence
    # added to `counts` where other provisions of the set do (`{others}`, `{make}`) and this one does not
    given_by: Text
    elsewhere: Text
    # of one whose statute says a person under an age cannot give the consent (`consent … below-age AGE`, `{age}`):
    # `below` where persons under 18 of that age or over are left (`{left}`: the question names only them),
    # `below_all` where none is
    below: Text
    below_all: Text
    # the offences of another article (Art. 14(1)(a)) whose carriers reach the dissemination of the image (`image`) with
    # no element of consent: `counts` names them as its `{named}`, in `named`'s words with their `{provisions}`; empty
    # where none is in the set
    whatever_the_consent: tuple[str, ...] = ()
    named: Text | None = None
    image: Condition | None = None  # what the carrier's material must reach: the image the rule speaks of
    # where those carriers reach images of some persons under 18 only: `band` one carrier's (`{provision}`, `{ages}`),
    # `gap` the ages under 18 none of them reaches (`{ages}`), told as `named`'s `{ages}`
    band: Text | None = None
    gap: Text | None = None
    # where a carrier reaches the dissemination only under a condition of its acts (a qualifier its base tier
    # requires: Singapore's s. 377BL, an exploitative relationship): `{provision}`, `{condition}`
    qualified: Text | None = None


@dataclass(frozen=True)
class Requirement:
    id: str
    paragraph: str
    force: Force
    kind: RequirementKind
    terms: str
    explanation: Text
    span: Span
    conduct: tuple[str, ...] = ()
    objects: tuple[tuple[str, Grade, Text | None], ...] = ()  # (object kind, grade, reason)
    object_local: tuple[tuple[str, str, Text], ...] = ()  # (object kind, jurisdiction, its own reason)
    conduct_via: tuple[tuple[str, tuple[str, ...], Text], ...] = ()  # partial coverage by other conduct
    checks: tuple[Check, ...] = ()
    elements: tuple[Element, ...] = ()
    used_when: Condition | None = None
    used_reason: Text | None = None
    offences_of: tuple[str, ...] = ()  # the articles whose offences legal persons must answer for (Art. 18)
    participation_via: tuple[Route, ...] = ()  # conduct by which a legal person takes part, and how far
    ages: tuple[int, int | None] | None = None  # the persons the material concerns: [from, below) in years
    # treaty words the reference marks as uncertain, with the acts or definition elements that rest on them alone
    unverified: tuple[Unverified, ...] = ()
    rule_kinds: tuple[str, ...] = ()  # participation: the general-part rule kinds that meet it
    via_rules: ViaRules | None = None  # an offence reached through participation rules (Art. 14(1)(d) financing)
    incitement: Incitement | None = None  # an act a general part may reach as incitement (14(1)(b) soliciting)
    narrows: Narrows | None = None  # an option: the offences whose every carrier must take it
    excludes: Excludes | None = None  # an option: the offences any carrier of which may state it
    # Art. 18(2): administrative measures binding legal persons are a form of their liability; said where none is given
    administrative: Text | None = None
    general_part: Text | None = None  # why the general part decides it where the provisions are silent
    # an offence whose want of consent is the treaty's element: what a defence of consent means for it
    consent_defence: Text | None = None
    minors_consent: MinorsConsent | None = None  # a deeming rule on a minor's consent, read on the offences

    def object_grade(self, kind: str | None, jurisdiction: str | None = None) -> tuple[Grade, Text | None] | None:
        """How far an object of this kind counts, and why: in the jurisdiction's own terms where the spec has them."""
        for name, grade, reason in self.objects:
            if name == kind:
                own = next((t for k, code, t in self.object_local if k == kind and code == jurisdiction), None)
                return grade, own or reason
        return None


@dataclass(frozen=True)
class RiskRule:
    """A threat to effective implementation that no verdict shows, looked for in the provisions that carry the
    requirements of the kinds named."""

    id: str
    paragraph: str
    when: Condition
    reason: Text
    kinds: tuple[RequirementKind, ...]


@dataclass(frozen=True)
class Spec:
    article: str
    title: Text
    provisional: bool
    status: str
    path: str
    requirements: tuple[Requirement, ...]
    risks: tuple[RiskRule, ...]


# What a spec's own risk rules look at; the common ones (COMMON_RISKS) look at the offences alone.
_SPEC_RISK_KINDS = (RequirementKind.OFFENCE, RequirementKind.LEGAL_PERSONS)
_COMMON_RISK_KINDS = (RequirementKind.OFFENCE,)


@cache
def _validator(root: str) -> Any:
    """The JSON Schema validator for a spec or the common risks, built once (jsonschema-rs: fast to import)."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(_root(root))


def _root(root: str) -> dict[str, Any]:
    """The schema a file is read with: a spec's (`spec`), or the common risks' (`risks`), which is a spec's
    `risks` list alone."""
    schema = _schema()
    if root == "spec":
        return schema
    return {"type": "object", "required": ["risks"], "additionalProperties": False,
            "properties": {"risks": schema["properties"]["risks"]}, "$defs": schema["$defs"]}


@cache
def _schema() -> dict[str, Any]:
    """conformance/schema.json with what the code declares filled in, so that it is written once: the facts a
    condition may test, the tests, and the forces, kinds and grades a spec may give."""
    with open(data_dir("conformance") / "schema.json", encoding="utf-8") as f:
        schema: dict[str, Any] = json.load(f)
    defs = schema["$defs"]
    defs["grade"] = {"enum": [str(g) for g in SPEC_GRADES]}
    defs["test"]["properties"] = {str(op): argument for op, argument in ARGUMENT_SCHEMA.items()}
    defs["condition"]["properties"].update({name: {"$ref": "#/$defs/test"} for name in fact_names()})
    defs["requirement"]["properties"]["force"] = {"enum": [str(f) for f in Force]}
    defs["requirement"]["properties"]["kind"] = {"enum": [str(k) for k in RequirementKind]}
    # a check's part of the origin range names the vocabulary's origins
    from ..language.vocabulary import vocabulary

    origins = sorted(vocabulary().section("object-attributes.origin"))
    defs["check"]["properties"]["origin-part"]["items"] = {"enum": origins}
    places = sorted(vocabulary().section("object-attributes.place"))
    defs["check"]["properties"]["place-part"]["items"] = {"enum": places}
    return schema


def _node_at(data: Any, path: list[str | int]) -> tuple[Any, Any]:
    """The YAML node at `path` and its parent mapping or list."""
    parent, node = None, data
    for step in path:
        parent, node = node, node[step]
    return parent, node


_SINGULAR = {"requirements": "requirement", "checks": "check", "elements": "element", "risks": "risk"}


def _spec_place(data: Any, path: list[str | int]) -> str:
    """`requirement uncc.16.1, check profit-purpose, when` — a place a spec author recognises."""
    words: list[str] = []
    node = data
    for step in path:
        node = node[step]
        if isinstance(step, int):
            name = _SINGULAR.get(words[-1], words[-1]) if words else "item"
            ident = node.get("id") if isinstance(node, dict) else None
            words[-1] = f"{name} {ident}" if ident else f"{name} #{step + 1}"
        else:
            words.append(str(step))
    return ", ".join(words) or "the spec file"


def _allowed(root: str, schema_path: list[str | int]) -> list[str]:
    """The keys the schema allows where an unknown key was found."""
    node: Any = _root(root)
    for step in schema_path[:-1]:
        node = node[step]
    while "$ref" in node and "properties" not in node:
        node = _schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return sorted(node.get("properties", {}))


def _span_of(data: Any, path: list[str | int], path_file: str) -> Span | None:
    """Where the value at `path` stands: its own span, or its key's."""
    parent, node = _node_at(data, path)
    if isinstance(node, (yamldata.Mapping, yamldata.Sequence)):
        return node.span
    if isinstance(parent, yamldata.Mapping) and isinstance(path[-1], str):
        return parent.key_spans.get(path[-1], parent.span)
    if isinstance(parent, yamldata.Sequence):
        return parent.span
    return Span(path_file, 1, 1, 1, 2)


def _description(root: str, schema_path: list[str | int]) -> str | None:
    """The schema's own words for the value it expects where a check failed (its `description`)."""
    node: Any = _root(root)
    for step in schema_path[:-1]:
        node = node[step]
    return node.get("description") if isinstance(node, dict) else None


def _schema_errors(data: Any, path: str, root: str = "spec") -> list[Diagnostic]:
    """Every schema violation as a located, plainly worded diagnostic (E303)."""
    out = []
    misspelt: set[tuple[tuple[str | int, ...], str]] = set()  # (where, key): a missing key given under a close name
    missing = []
    for e in _validator(root).iter_errors(data):
        where_path = list(e.instance_path)
        kind = type(e.kind).__name__
        where = _spec_place(data, where_path)
        span = _span_of(data, where_path, path)
        _, value = _node_at(data, where_path)
        if kind == "AdditionalProperties":
            allowed = _allowed(root, list(e.schema_path))
            for key in e.kind.unexpected:
                key_span = value.key_spans.get(key, span) if isinstance(value, yamldata.Mapping) else span
                # a near spelling only (`reasn`, `grde`): `note` is no misspelling of `not-in`
                close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.7)
                if close:
                    misspelt.add((tuple(where_path), close[0]))
                hint = f"did you mean {close[0]!r}?" if close else "allowed here: " + ", ".join(allowed)
                out.append(Diagnostic("E303", f"unknown key {key!r} in {where}", key_span, (hint,)))
        elif kind == "Required":
            missing.append((tuple(where_path), e.kind.property,
                            Diagnostic("E303", f"{where} is missing {e.kind.property!r}", span,
                                       (f"add `{e.kind.property}:`",))))
        elif kind == "Enum":
            options = ", ".join(str(o) for o in e.kind.options)
            out.append(Diagnostic("E303", f"{where}: {value!r} is not allowed", span, (f"use one of: {options}",)))
        elif kind == "Type":
            wanted = " or ".join({"object": "a mapping", "array": "a list", "string": "a text",
                                  "boolean": "true or false"}.get(t, t) for t in e.kind.types)
            out.append(Diagnostic("E303", f"{where} must be {wanted}", span, ("see conformance/schema.json",)))
        elif kind in ("MinProperties", "MaxProperties") and where_path and where_path[-1] in CONDITION_KEYS:
            out.append(Diagnostic("E303", f"{where} must hold exactly one condition or test", span,
                                  ("e.g. `purpose: {has: profit}` or `all: [...]`",)))
        elif kind in ("MinItems", "MinProperties", "MinLength"):
            out.append(Diagnostic("E303", f"{where} must not be empty", span, ("see conformance/schema.json",)))
        elif (expected := _description(root, list(e.schema_path))) is not None:
            out.append(Diagnostic("E303", f"{where}: {value!r} should be {expected}", span,
                                  ("see conformance/schema.json",)))
        else:
            out.append(Diagnostic("E303", f"{where}: {e.message}", span, ("see conformance/schema.json",)))
    # A misspelt key is one mistake: report the unknown key with its "did you mean", not also the missing one.
    out += [d for where_path, key, d in missing if (where_path, key) not in misspelt]
    return sorted(out, key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))


def _text(m: Any) -> Text:
    return Text(zh=str(m["zh"]), en=str(m["en"]))


def _local(m: Any) -> tuple[tuple[str, Text], ...]:
    return tuple((str(code), _text(t)) for code, t in (m.get("in") or {}).items())


def _outcome(m: Any) -> Outcome:
    return Outcome(Grade(m["grade"]), _text(m["reason"]), m.get("option"), _local(m))


def _requirement(m: Any) -> Requirement:
    objects = tuple((kind, Grade.FULL, None) if v == "full" else (kind, Grade(v["grade"]), _text(v["reason"]))
                    for kind, v in (m.get("objects") or {}).items())
    return Requirement(
        id=str(m["id"]), paragraph=str(m["paragraph"]), force=Force(m["force"]), kind=RequirementKind(m["kind"]),
        terms=str(m["terms"]), explanation=_text(m["explanation"]), span=m.span,
        conduct=tuple(m.get("conduct") or ()), objects=objects,
        object_local=tuple((kind, code, t) for kind, v in (m.get("objects") or {}).items() if v != "full"
                           for code, t in _local(v)),
        conduct_via=tuple((c, tuple(v["covers"]), _text(v["reason"])) for c, v in (m.get("conduct-via") or {}).items()),
        checks=tuple(Check(str(c["id"]), parse_condition(c["when"]), _outcome(c), tuple(c.get("origin-part") or ()),
                           str(c["obtained-part"]) if "obtained-part" in c else None,
                           tuple(c.get("place-part") or ()))
                     for c in m.get("checks") or ()
                     if m["id"] in (c.get("only-in") or [m["id"]]) and m["id"] not in (c.get("not-in") or ())),
        elements=tuple(Element(str(e["id"]), parse_condition(e["require"]), _text(e["missing"]))
                       for e in m.get("elements") or ()),
        used_when=parse_condition(m["used-when"]) if "used-when" in m else None,
        used_reason=_text(m["used-reason"]) if "used-reason" in m else None,
        offences_of=tuple(str(a) for a in m.get("offences-of") or ()),
        participation_via=tuple(Route(str(c), _text(t), tuple((parse_condition(w["when"]), _text(w))
                                                              for w in t.get("where") or ()))
                                for c, t in (m.get("participation-via") or {}).items()),
        ages=(int(m["ages"][0]), None if m["ages"][1] is None else int(m["ages"][1])) if "ages" in m else None,
        unverified=tuple(Unverified(str(u["words"]), tuple(u.get("conduct") or ()), tuple(u.get("elements") or ()))
                         for u in m.get("unverified") or ()),
        rule_kinds=tuple(str(k) for k in m.get("rule-kinds") or ()),
        via_rules=ViaRules(tuple(m["via-rules"]["kinds"]), tuple(m["via-rules"]["offences"]),
                           _text(m["via-rules"]["reason"])) if "via-rules" in m else None,
        incitement=Incitement(str(m["incitement"]["act"]), tuple(m["incitement"]["kinds"]),
                              tuple(m["incitement"]["offences"]), _text(m["incitement"]["reason"]))
        if "incitement" in m else None,
        narrows=_narrows(m["narrows"]) if "narrows" in m else None,
        administrative=_text(m["administrative"]) if "administrative" in m else None,
        consent_defence=_text(m["consent-defence"]) if "consent-defence" in m else None,
        minors_consent=_minors_consent(m["minors-consent"]) if "minors-consent" in m else None,
        excludes=Excludes(tuple(str(o) for o in m["excludes"]["offences"]), _text(m["excludes"]["reason"]))
        if "excludes" in m else None,
        general_part=_text(m["general-part"]) if "general-part" in m else None)


def _minors_consent(m: Any) -> MinorsConsent:
    whatever = m.get("whatever-the-consent") or {}
    return MinorsConsent(tuple(str(o) for o in m["offences"]), _text(m["counts"]), _text(m["adults"]),
                         _text(m["given-by"]), _text(m["elsewhere"]), _text(m["below-age"]),
                         _text(m["below-age-all"]),
                         tuple(str(o) for o in whatever.get("offences") or ()),
                         _text(whatever["named"]) if "named" in whatever else None,
                         parse_condition(whatever["image"]) if "image" in whatever else None,
                         _text(whatever["band"]) if "band" in whatever else None,
                         _text(whatever["gap"]) if "gap" in whatever else None,
                         _text(whatever["qualified"]) if "qualified" in whatever else None)


def _narrows(m: Any) -> Narrows:
    return Narrows(tuple(str(o) for o in m["offences"]), bool(m.get("material", False)), _text(m["reason"]),
                   parse_condition(m["within"]) if "within" in m else None,
                   _text(m["within-reason"]) if "within-reason" in m else None)


def _first_content_line(path: str) -> int:
    """The first line that is neither blank nor a comment: where a document that is not a mapping starts."""
    with open(path, encoding="utf-8-sig") as f:
        for number, line in enumerate(f, 1):
            if line.strip() and not line.lstrip().startswith("#"):
                return number
    return 1


def _read(path: str, root: str, what: str, start: str) -> Any:
    """A YAML mapping validated against its schema, or the located errors that stop it."""
    data = yamldata.load(path)
    if data is None:
        raise LexdraftError([Diagnostic("E303", f"the {what} file is empty", Span(path, 1, 1, 1, 2), (start,))])
    if not isinstance(data, yamldata.Mapping):
        line = _first_content_line(path)
        raise LexdraftError([Diagnostic("E303", f"the {what} file must be a mapping", Span(path, line, 1, line, 2),
                                        (start,))])
    errors = _schema_errors(data, path, root)
    if errors:
        raise LexdraftError(errors)
    return data


def _risks(data: Any, kinds: tuple[RequirementKind, ...]) -> tuple[RiskRule, ...]:
    return tuple(RiskRule(str(r["id"]), str(r["paragraph"]), parse_condition(r["when"]), _text(r["reason"]), kinds)
                 for r in data.get("risks") or ())


def load_common_risks(path: str) -> tuple[RiskRule, ...]:
    """The risks looked for in every article's offences (conformance/common/risks.yaml)."""
    return _risks(_read(path, "risks", "risks", "the file holds `risks:` and a list of risks"), _COMMON_RISK_KINDS)


def load_spec(path: str) -> Spec:
    """Read a spec, validate it against conformance/schema.json, and build typed requirements; the common risks
    (conformance/common/risks.yaml) join its own when it has offences to look at."""
    data = _read(path, "spec", "spec", "a spec starts with `article: uncc.N`")
    errors: list[Diagnostic] = []
    requirements = tuple(_requirement(m) for m in data["requirements"])
    seen: dict[str, Span] = {}
    for q in requirements:
        if q.id in seen:
            errors.append(Diagnostic("E304", f"duplicate requirement id {q.id!r}", q.span,
                                     (f"first defined at line {seen[q.id].line}",)))
        seen.setdefault(q.id, q.span)
        if not q.id.startswith(data["article"] + "."):
            errors.append(Diagnostic("E304", f"requirement {q.id!r} does not belong to {data['article']!r}", q.span,
                                     ("requirement ids follow the treaty: uncc.16.1, uncc.16.2 ...",)))
    if errors:
        raise LexdraftError(errors)
    risks = _risks(data, _SPEC_RISK_KINDS)
    if any(q.kind is RequirementKind.OFFENCE for q in requirements):
        risks += load_common_risks(str(data_dir("conformance") / COMMON_RISKS))
    return Spec(str(data["article"]), _text(data["title"]), bool(data["provisional"]), str(data["status"]),
                path, requirements, risks)


COMMON_RISKS = Path("common") / "risks.yaml"  # in the conformance folder; not a spec, so not an article


@cache
def common_risk_ids() -> tuple[str, ...]:
    """The ids of the common risks (conformance/common/risks.yaml): the risks a pack may word for its own procedure."""
    path = data_dir("conformance") / COMMON_RISKS
    code = ("treaty/spec.py", "treaty/conditions.py", "treaty/facts.py", "yamldata.py", "diagnostics.py", "codes.py")
    sources = (path, data_dir("conformance") / "schema.json", *map(source_file, code))
    return tuple(r.id for r in cached("risks", sources, lambda: load_common_risks(str(path))))


def spec_path(article: str) -> Path:
    """uncc.16 -> conformance/uncc-16.yaml"""
    return data_dir("conformance") / (article.replace(".", "-") + ".yaml")


@cache
def spec_for(article: str) -> Spec:
    """A shipped spec, validated once and then read from the cache until it (or the code reading it) changes."""
    path = spec_path(article)
    code = ("treaty/spec.py", "treaty/values.py", "treaty/conditions.py", "treaty/facts.py", "yamldata.py",
            "language/ast.py", "diagnostics.py", "codes.py")
    common = data_dir("conformance") / COMMON_RISKS
    sources = (path, common, data_dir("conformance") / "schema.json", *map(source_file, code))
    spec = cached("spec", sources, lambda: load_spec(str(path)))
    # The cache is keyed by content, which checkouts in other folders share: the spec names the file read here.
    return spec if spec.path == str(path) else dataclasses.replace(spec, path=str(path))


def zh_paragraph(paragraph: str) -> str:
    """14(1)(a) -> 第14条第1款(a)项, as the Chinese of the review cites treaty paragraphs."""
    m = re.match(r"(\d+)(?:\((\d+)\))?(?:\(([a-z])\))?", paragraph)
    if m is None:
        return paragraph
    out = f"第{m.group(1)}条"
    if m.group(2):
        out += f"第{m.group(2)}款"
    if m.group(3):
        out += f"({m.group(3)})项"
    return out


def paragraph_label(paragraph: str, lang: str) -> str:
    """A treaty paragraph as the review cites it: 14(1)(a), or 第14条第1款(a)项; a doubt about it kept."""
    if lang != "zh":
        return paragraph
    doubt = "⟨是否存在尚不确定⟩" if "⟨existence uncertain⟩" in paragraph else ""
    return zh_paragraph(paragraph) + doubt


def treaty_citation_form(jurisdiction: str | None) -> packs.Citation | None:
    """How a Chinese review cites the treaty for a jurisdiction whose law is written in traditional characters: as
    that law cites an article and international conventions (Taiwan: 第十四條第一項(a)款, its paragraph 項 and its
    subparagraph 款), read from its pack's citation form. None where the review keeps the usage of the UN's Chinese
    texts (第14条第1款(a)项), which is also the PRC's: the treaty is an instrument in simplified characters there."""
    pack = packs.pack(jurisdiction) if jurisdiction else None
    if pack is None or pack.script != "hant":
        return None
    form = pack.citations.get("zh")
    return form if form is not None and form.item is not None else None
