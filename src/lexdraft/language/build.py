"""Build the typed AST while the LALR parser reduces, attaching source spans: no parse tree is made on the way.

The parser runs with `keep_all_tokens`, so each rule's callback sees every token of its match, keywords and
braces included, and the span of a rule runs from its first token to its last: the positions lark's
`propagate_positions` gives a parse tree. A callback returns a piece, `(value, start, end)`, where `start`
has the `line` and `column` of the rule's first token and `end` the `end_line` and `end_column` of its last
(a Token, or a Span that already covers the rule).
"""

from __future__ import annotations

import re
import sys
from typing import Any

from lark import Token

from ..diagnostics import Diagnostic
from . import ast as A

# Fields a provision or interpretation may give at most once; repeatable ones build tuples.
_REPEATABLE = {"source", "tier", "exception", "ji_article", "ob_tier", "as_to", "translations", "item", "sanction",
               "element_provenance"}

# Conditions nest at most this deep: later stages walk the tree recursively, and no statute nests past three.
MAX_NESTING = 100

# (value, start, end[, depth]): start has line and column, end has end_line and end_column; a condition adds its depth
Piece = tuple[Any, ...]


MAX_DIGITS = 15  # 999 trillion: beyond every fine, count or term a statute gives


def _unquote(tok: Token) -> str:
    s = str(tok)
    return s[3:-3].strip("\n") if s.startswith('"""') else s[1:-1]


def _text(fields: dict[str, Any]) -> A.Text | None:
    """The document's own verbatim text; not a `text of ID`."""
    value = fields.get("text")
    return value if isinstance(value, A.Text) else None


def _text_of(fields: dict[str, Any]) -> A.Ref | None:
    """The document whose verbatim text this one shares (`text of ID`)."""
    value = fields.get("text")
    return value if isinstance(value, A.Ref) else None


def _versions(fields: dict[str, Any]) -> dict[str, Any]:
    """The translations' standing per language and the version of the law: fields every statute document has."""
    return {"translations": tuple(fields.get("translations", ())), "version": fields.get("version"),
            "explanation": fields.get("explanation")}


# A language tag as a draft writes it: a primary language of two or three letters, then subtags (zh-hant, pt-br).
LANGUAGE_TAG = re.compile(r"[a-z]{2,3}(-[a-z0-9]{2,8})*")


def _per(part: Any) -> str | A.Text | None:
    return None if part is None else part[0]


# A rule's children read by name: lark hands a callback its parts in grammar order, with None for each absent optional
# part, so an index such as c[5] would silently read another part once an optional one is added before it. The
# callbacks instead ask for a token by its type, for what follows a keyword, or for the pieces the sub-rules built.

def _all(c: list[Any], kind: str) -> list[Token]:
    """The tokens of one type (NAME, ID, INT, …), in order."""
    return [t for t in c if type(t) is Token and t.type == kind]


def _one(c: list[Any], kind: str, index: int = 0) -> Any:
    """The `index`th token of one type, or None where the draft has fewer."""
    found = _all(c, kind)
    return found[index] if index < len(found) else None


def _after(c: list[Any], kind: str, offset: int = 1, nth: int = 0) -> Any:
    """The part `offset` places after the `nth` token of type `kind` (a keyword, usually), or None where that token
    is absent."""
    seen = 0
    for i, part in enumerate(c):
        if type(part) is Token and part.type == kind:
            if seen == nth:
                return c[i + offset]
            seen += 1
    return None


def _pieces(c: list[Any]) -> list[Piece]:
    """The pieces the rule's sub-rules built, in order."""
    return [p for p in c if type(p) is tuple]


def _piece(c: list[Any]) -> Any:
    """The rule's first sub-rule piece (a `names`, `bilingual`, `compare`, …), or None where it is absent."""
    for p in c:
        if type(p) is tuple:
            return p
    return None


def _value(c: list[Any]) -> Any:
    """The value of the rule's first sub-rule piece, or None where it is absent."""
    p = _piece(c)
    return None if p is None else p[0]


class Builder:
    """The parser's callbacks, by rule name; `begin` readies it for one file, `end` hands back what it found.

    lark binds the callbacks once, when the parser is made, so the file being built is state on this object:
    parse.py runs one parse at a time through it.
    """

    def __init__(self) -> None:
        self.path = ""
        self.diagnostics: list[Diagnostic] = []
        self.too_deep = False

    def begin(self, path: str) -> None:
        self.path, self.diagnostics, self.too_deep = path, [], False

    def end(self) -> tuple[list[Diagnostic], bool]:
        """Duplicate-field diagnostics, in source order, and whether some condition nests past MAX_NESTING."""
        found, too_deep = self.diagnostics, self.too_deep
        self.diagnostics = []
        return found, too_deep

    # spans ---------------------------------------------------------------
    def _span(self, c: list[Any]) -> A.Span:
        """From the rule's first token to its last; trailing optional parts that are absent are None."""
        first = c[0]
        if type(first) is tuple:
            first = first[1]
        last = self._end(c)
        return A.Span(self.path, first.line, first.column, last.end_line, last.end_column)

    @staticmethod
    def _end(c: list[Any]) -> Any:
        """What ends the rule: its last token, or the end of its last piece; absent optional parts are None."""
        i = len(c) - 1
        while c[i] is None:
            i -= 1
        last = c[i]
        return last[2] if type(last) is tuple else last

    def _tspan(self, tok: Token) -> A.Span:
        return A.Span(self.path, tok.line or 1, tok.column or 1, tok.end_line or 1, tok.end_column or 1)

    def _int(self, tok: Token) -> int:
        """A number of the draft; one longer than any figure of a statute is a mistake (and would not convert to
        Chinese numerals), told here and read as 0 so that the rest of the file is still checked."""
        if len(tok) > MAX_DIGITS:
            self.diagnostics.append(Diagnostic(
                "E115", f"number of {len(tok):,} digits; figures in drafts have at most {MAX_DIGITS}", self._tspan(tok),
                ("check the number: a stray key or a pasted value is the likely cause",)))
            return 0
        return int(tok)

    def _counted(self, tok: Token, code: str, what: str, hint: str) -> int:
        """A number counted from one (a paragraph, a bill's number): 0 is an error, not read as none, which would
        delete or replace the whole article, or leave the bill unnumbered."""
        n = self._int(tok)
        if n == 0 and len(tok) <= MAX_DIGITS:
            self.diagnostics.append(Diagnostic(code, f"{what} 0: {what}s are numbered from 1", self._tspan(tok),
                                               (hint,)))
        return n

    def _paragraph(self, tok: Token) -> int:
        return self._counted(tok, "E230", "paragraph", "name the paragraph by its number (1 is the first), or leave "
                             "out `paragraph` where the whole article is meant")

    def _term(self, tok: Token, section: str) -> A.Term:
        return A.Term(sys.intern(str(tok)), section, span=self._tspan(tok))

    def _terms(self, names: Any, section: str) -> tuple[A.Term, ...]:
        """The terms of a `names` piece, or () for an absent one."""
        return tuple(self._term(t, section) for t in names[0]) if names else ()

    def _field(self, name: str, value: Any, span: A.Span) -> Piece:
        return (name, value, span), span, span

    # documents -----------------------------------------------------------
    def start(self, c: list[Piece]) -> tuple[A.Document, ...]:
        return tuple(p[0] for p in c)

    def _collect(self, kind: str, fields: list[Piece]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, A.Span] = {}
        for (name, value, span), _, _ in fields:
            if name in _REPEATABLE:
                out.setdefault(name, []).append(value)
            elif name in seen:
                self.diagnostics.append(Diagnostic(
                    "E110", f"`{name}` is given twice in this {kind}", span,
                    (f"the first `{name}` is at line {seen[name].line}; merge the two into one",)))
            else:
                out[name], seen[name] = value, span
        return out

    def provision(self, c: list[Any]) -> Piece:
        ident = _one(c, "ID")
        f = self._collect("provision", _pieces(c))
        value = A.Provision(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), chapter=f.get("chapter"), title=f.get("title"),
            sources=tuple(f.get("source", ())), implements=f.get("implements", ()),
            protects=f.get("protects"), actors=f.get("actors", ()), mental=f.get("mental"),
            as_to=tuple(f.get("as_to", ())), wrongfulness=f.get("wrongfulness"), purpose=f.get("purpose"),
            conduct=f.get("conduct", ()), finances=f.get("finances", ()),
            means=f.get("means"), object=f.get("object"), consent=(f.get("consent") or (None, None, None))[0],
            consent_minors=(f.get("consent") or (None, None, None))[1],
            consent_below_age=(f.get("consent") or (None, None, None))[2],
            recipients=f.get("recipients", ()), harm=f.get("harm"), duty=f.get("duty"),
            tiers=tuple(f.get("tier", ())), exceptions=tuple(f.get("exception", ())),
            prosecution=f.get("prosecution"), penalties=f.get("penalty", ()), text=_text(f), text_of=_text_of(f),
            translation=f.get("translation"), **_versions(f), provenance=f.get("provenance"),
            element_provenances=self._element_provenances(f),
            span=self._tspan(ident))  # a document is reported at its id
        return value, c[0], c[-1]

    def _element_provenances(self, f: dict[str, Any]) -> tuple[A.ElementProvenance, ...]:
        """The provision's `provenance … for` lines, each element named once among them (E225)."""
        seen: dict[str, A.Span] = {}
        for e in f.get("element_provenance", ()):
            for t in e.elements:
                if t.name in seen:
                    self.diagnostics.append(Diagnostic(
                        "E225", f"the provenance of `{t.name}` is given twice", t.span,
                        ((f"the first is at line {seen[t.name].line}; an element's text was obtained one way: "
                          "keep the weaker label"),)))
                seen.setdefault(t.name, t.span)
        return tuple(f.get("element_provenance", ()))

    def _no_element_provenances(self, kind: str, f: dict[str, Any]) -> None:
        """E225: a rule or measure has one provenance; only a provision's elements have labels of their own."""
        for e in f.get("element_provenance", ()):
            self.diagnostics.append(Diagnostic(
                "E225", f"a {kind}'s `provenance` names no elements", e.span,
                ((f"write `provenance {e.label.name}` alone: only a provision's elements can carry labels of "
                  "their own"),)))

    def obligation(self, c: list[Any]) -> Piece:
        ident = _one(c, "ID")
        f = self._collect("obligation", _pieces(c))
        self._no_element_provenances("measure", f)
        value = A.Obligation(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), title=f.get("title"), sources=tuple(f.get("source", ())),
            holders=f.get("holder", ()), duty=f.get("duty"), conduct=f.get("conduct", ()), object=f.get("object"),
            tiers=tuple(f.get("ob_tier", ())), sanctions=tuple(f.get("sanction", ())),
            text=_text(f), text_of=_text_of(f), translation=f.get("translation"),
            **_versions(f), provenance=f.get("provenance"), span=self._tspan(ident))
        return value, c[0], c[-1]

    def rule(self, c: list[Any]) -> Piece:
        ident = _one(c, "ID")
        f = self._collect("rule", _pieces(c))
        self._no_element_provenances("rule", f)
        reaches = f.get("reaches")
        value = A.Rule(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), title=f.get("title"), sources=tuple(f.get("source", ())),
            kind=f.get("rule_kind"), reaches_all=reaches == "all",
            reaches=reaches if isinstance(reaches, tuple) else (),
            punishes=f.get("punishes", ()), text=_text(f), text_of=_text_of(f), translation=f.get("translation"),
            **_versions(f),
            provenance=f.get("provenance"), span=self._tspan(ident))
        return value, c[0], c[-1]

    def interpretation(self, c: list[Any]) -> Piece:
        ident = _one(c, "ID")
        f = self._collect("interpretation", _pieces(c))
        value = A.Interpretation(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            title=f.get("title"), sources=tuple(f.get("source", ())), issuers=f.get("issuer", ()),
            interprets=f.get("interprets", ()), preamble=f.get("preamble"),
            articles=tuple(f.get("ji_article", ())), stage=f.get("stage"), number=f.get("doc_number"),
            adopted=f.get("adopted"), commencement=f.get("ji_commencement"), supersedes="supersedes" in f,
            span=self._tspan(ident))
        return value, c[0], c[-1]

    def amendment(self, c: list[Any]) -> Piece:
        ident = _one(c, "ID")
        f = self._collect("amendment", _pieces(c))
        value = A.Amendment(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"), title=f.get("title"),
            office=f.get("office"), sources=tuple(f.get("source", ())), amends=f.get("amends"), number=f.get("ordinal"),
            items=tuple(f.get("item", ())), commencement=f.get("commencement"), span=self._tspan(ident))
        return value, c[0], c[-1]

    def amends(self, c: list[Any]) -> Piece:
        return self._field("amends", self._term(_one(c, "NAME"), "instruments"), self._span(c))

    def ordinal(self, c: list[Any]) -> Piece:
        hint = ("give the amendment's number as the act's amendments count them (13 for 刑法修正案（十三）), or leave "
                "out `number` where the amendment has none, as an act's first amendment")
        return self._field("ordinal", self._counted(_one(c, "INT"), "E231", "amendment", hint), self._span(c))

    def item(self, c: list[Any]) -> Piece:
        # item ID | item deleting article N [paragraph P]
        span = self._span(c)
        ident = _one(c, "ID")
        if ident is not None:
            return self._field("item", A.Ref(str(ident), span=self._tspan(ident)), span)
        article, paragraph = _after(c, "_ARTICLE"), _after(c, "_PARAGRAPH")
        return self._field("item", A.Deletion(article[0], self._paragraph(paragraph) if paragraph else None, span=span),
                           span)

    def commencement(self, c: list[Any]) -> Piece:
        return self._field("commencement", _value(c), self._span(c))

    def office(self, c: list[Any]) -> Piece:
        return self._field("office", _value(c), self._span(c))

    # provision fields: each a (field name, value, span) piece ------------------
    def jurisdiction(self, c: list[Any]) -> Piece:
        return self._field("jurisdiction", self._term(_one(c, "NAME"), "jurisdictions"), self._span(c))

    def status(self, c: list[Any]) -> Piece:
        return self._field("status", self._term(_one(c, "NAME"), "statuses"), self._span(c))

    def instrument(self, c: list[Any]) -> Piece:
        # instrument NAME [to STRING] [inserting article N after M | replacing article N [paragraph P]
        #                               | adding paragraph P to article N]
        span = self._span(c)
        target, article, after = _one(c, "STRING"), _after(c, "_ARTICLE"), _after(c, "_AFTER")
        paragraph = _after(c, "_PARAGRAPH")
        number = article[0] if article else None
        value = A.Instrument(self._term(_one(c, "NAME"), "instruments"), _unquote(target) if target else None,
                             number if _one(c, "_INSERTING") else None, after[0] if after else None,
                             number if _one(c, "_REPLACING") else None, number if _one(c, "_ADDING") else None,
                             self._paragraph(paragraph) if paragraph else None, span=span)
        return self._field("instrument", value, span)

    def article_no(self, c: list[Token]) -> Piece:
        parts = _all(c, "ARTICLE_PART")
        for part in parts:
            if part.isdigit() and len(part) > MAX_DIGITS:
                self._int(part)  # E115, at the number
        return "-".join(str(p) for p in parts), parts[0], parts[-1]

    def chapter(self, c: list[Any]) -> Piece:
        return self._field("chapter", self._int(_one(c, "INT")), self._span(c))

    def title(self, c: list[Any]) -> Piece:
        return self._field("title", _value(c), self._span(c))

    def text(self, c: list[Any]) -> Piece:
        # text bilingual | text of ID: the field holds the Text, or a Ref to the document whose text it shares
        ident = _after(c, "OF")
        value = A.Ref(str(ident), span=self._tspan(ident)) if ident is not None else _value(c)
        return self._field("text", value, self._span(c))

    def source(self, c: list[Any]) -> Piece:
        quoted = _one(c, "STRING")  # `source "..."` for both languages, or `source zh "..." en "..."`
        return self._field("source", _unquote(quoted) if quoted is not None else _value(c), self._span(c))

    def provenance(self, c: list[Any]) -> Piece:
        label, span = self._term(_one(c, "NAME"), "provenances"), self._span(c)
        elements = _after(c, "_FOR")
        if elements is None:
            return self._field("provenance", label, span)
        return self._field("element_provenance",
                           A.ElementProvenance(label, self._terms(elements, "provenance-elements"), span=span), span)

    def implements(self, c: list[Any]) -> Piece:
        refs = tuple(A.Ref(str(i), span=self._tspan(i)) for i in _all(c, "ID"))
        return self._field("implements", refs, self._span(c))

    def finances(self, c: list[Any]) -> Piece:
        refs = tuple(A.Ref(str(i), span=self._tspan(i)) for i in _all(c, "ID"))
        return self._field("finances", refs, self._span(c))

    def protects(self, c: list[Any]) -> Piece:
        # protects names [; secondary names]
        span = self._span(c)
        value = A.Protects(self._terms(_piece(c), "interests"), self._terms(_after(c, "SECONDARY"), "interests"),
                           span=span)
        return self._field("protects", value, span)

    def actors(self, c: list[Any]) -> Piece:
        return self._field("actors", self._terms(_piece(c), "actors"), self._span(c))

    def mental(self, c: list[Any]) -> Piece:
        # mental NAME [NAME] [rebuttable bilingual]
        span = self._span(c)
        kind, degree = _after(c, "MENTAL"), _one(c, "NAME", 1)
        rebuttal = _after(c, "_REBUTTABLE")
        value = A.Mental(self._term(kind, "mental"), self._term(degree, "mental-degrees") if degree else None,
                         rebuttal[0] if rebuttal else None, span=span)
        return self._field("mental", value, span)

    def as_to(self, c: list[Any]) -> Piece:
        # as-to NAME state_of_mind ("|" state_of_mind)*
        span = self._span(c)
        value = A.AsTo(self._term(_one(c, "NAME"), "fault-elements"), tuple(p[0] for p in _pieces(c)), span=span)
        return self._field("as_to", value, span)

    def state_of_mind(self, c: list[Any]) -> Piece:
        kind, degree = _one(c, "NAME"), _one(c, "NAME", 1)
        span = self._span(c)
        value = A.Mental(self._term(kind, "mental"), self._term(degree, "mental-degrees") if degree else None,
                         span=span)
        return value, span, span

    def purpose(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Purpose(self._terms(_after(c, "PURPOSE"), "purposes"),
                          self._terms(_after(c, "_EVIDENCED_BY"), "evidence"), span=span)
        return self._field("purpose", value, span)

    def conduct(self, c: list[Any]) -> Piece:
        return self._field("conduct", self._terms(_piece(c), "conduct"), self._span(c))

    def means(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Means(self._terms(_after(c, "MEANS"), "means"), self._terms(_after(c, "_EXCLUDING"), "means"),
                        span=span)
        return self._field("means", value, span)

    def object(self, c: list[Any]) -> Piece:
        # object NAME [{ object_attr* }]: the attributes are the pieces among the braces
        span = self._span(c)
        called = _after(c, "_CALLED")
        attrs = tuple(p[0] for p in _pieces(c) if p is not called)
        return self._field("object", A.ObjectSpec(self._term(_one(c, "NAME"), "objects"), attrs,
                                                  called[0] if called else None, span=span), span)

    def object_attr(self, c: list[Any]) -> Piece:
        name, (cumulative, toks) = _one(c, "NAME"), _value(c)
        span = self._span(c)
        value = A.ObjectAttr(self._term(name, "object-attributes"),
                             tuple(self._term(t, f"object-attributes.{name}") for t in toks), cumulative, span=span)
        return value, span, span

    def alternatives(self, c: list[Token]) -> Piece:
        return (False, _all(c, "NAME")), c[0], c[-1]

    def cumulative(self, c: list[Token]) -> Piece:
        return (True, _all(c, "NAME")), c[0], c[-1]

    def consent(self, c: list[Any]) -> Piece:
        by = _after(c, "_MINORS_BY")  # who gives the consent of a person under 18
        age = _one(c, "INT")  # the age under which no consent counts
        term = self._term(_one(c, "NAME"), "consent")
        below = self._int(age) if age is not None else None
        if below == 0 and len(age) <= MAX_DIGITS:
            self.diagnostics.append(Diagnostic(
                "E224", "below-age 0: no person is under that age", self._tspan(age),
                ('write the age the statute names: `below-age 16` for "a person under 16 cannot consent"',)))
        elif below is not None and term.name == "irrelevant":
            self.diagnostics.append(Diagnostic(
                "E224", "`below-age` on consent the statute makes irrelevant: no one's consent counts",
                self._tspan(age), (("leave out `below-age`, or write `consent absent below-age …` where the want of "
                                    "consent is an element"),)))
        return self._field("consent", (term, self._term(by, "consent-for-minors") if by else None, below),
                           self._span(c))

    def recipients(self, c: list[Any]) -> Piece:
        return self._field("recipients", self._terms(_piece(c), "recipients"), self._span(c))

    def wrongfulness(self, c: list[Any]) -> Piece:
        return self._field("wrongfulness", self._term(_one(c, "NAME"), "wrongfulness"), self._span(c))

    def harm(self, c: list[Any]) -> Piece:
        return self._field("harm", self._term(_one(c, "NAME"), "harms"), self._span(c))

    def duty(self, c: list[Any]) -> Piece:
        # duty NAME [under NAME] [precondition NAME] [breaching refs]
        span = self._span(c)
        under, precondition, breaches = _after(c, "_UNDER"), _after(c, "_PRECONDITION"), _after(c, "_BREACHING")
        value = A.Duty(self._term(_after(c, "DUTY"), "duties"), self._term(under, "duty-sources") if under else None,
                       self._term(precondition, "preconditions") if precondition else None,
                       breaches[0] if breaches else (), span=span)
        return self._field("duty", value, span)

    def tier(self, c: list[Any]) -> Piece:
        # tier NAME [requires NAME] [for names] [when condition] [per STRING | bilingual]
        span = self._span(c)
        requires, condition, per = _after(c, "_REQUIRES"), _after(c, "_WHEN"), _after(c, "_PER")
        value = A.Tier(self._term(_after(c, "_TIER"), "tiers"),
                       self._term(requires, "circumstances") if requires else None,
                       condition[0] if condition else None, _per(per),
                       self._terms(_after(c, "_FOR"), "conduct"), span=span)
        return self._field("tier", value, span)

    def exception(self, c: list[Any]) -> Piece:
        span = self._span(c)
        burden = _after(c, "_BURDEN")
        value = A.Exception_(self._term(_one(c, "NAME"), "exceptions"),
                             self._terms(_after(c, "_WHEN"), "exception-conditions"),
                             self._term(burden, "burdens") if burden else None,
                             self._terms(_after(c, "_FOR"), "conduct"), span=span)
        return self._field("exception", value, span)

    def prosecution(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Prosecution(self._term(_one(c, "NAME"), "prosecution"),
                              self._terms(_after(c, "_EXCEPT"), "prosecution-exceptions"), span=span)
        return self._field("prosecution", value, span)

    def penalty(self, c: list[Any]) -> Piece:
        return self._field("penalty", tuple(p[0] for p in _pieces(c)), self._span(c))

    def translation(self, c: list[Any]) -> Piece:
        # translation [lang] NAME: without a language, the standing of every translation the text carries
        words = [t for t in c[1:] if type(t) is Token]
        status = self._term(words[-1], "translations")
        if len(words) == 1:
            return self._field("translation", status, self._span(c))
        lang = self.lang([words[0]])[0]
        return self._field("translations", A.Translation(lang, status, span=self._span(c)), self._span(c))

    def version(self, c: list[Any]) -> Piece:
        # version [as-at STRING] [amended-by STRING | inserted-by STRING] [zh STRING]
        span = self._span(c)
        as_at, zh = _after(c, "_AS_AT"), _after(c, "ZH")
        inserted = _after(c, "_INSERTED_BY")
        amended = _after(c, "_AMENDED_BY") or inserted
        if as_at is None and amended is None:
            self.diagnostics.append(Diagnostic(
                "E116", "`version` says neither the date nor the amending act", span,
                ('write `version as-at "2024-05-23"`, `version amended-by "…"` or both',)))
        return self._field("version", A.Version(as_at and _unquote(as_at), amended and _unquote(amended),
                                                zh and _unquote(zh), inserted is not None, span=span), span)

    # penalties -------------------------------------------------------------
    def sentence(self, c: list[Any]) -> Piece:
        # NAME principal (| principal)* [; fine]: the principals and the fine told apart by their type
        span = self._span(c)
        rest = [p[0] for p in _pieces(c)]
        principals = tuple(r for r in rest if isinstance(r, A.Principal))
        fine = next((r for r in rest if isinstance(r, A.Fine)), None)
        return A.Sentence(self._term(_one(c, "NAME"), "tiers"), principals, fine, span=span), span, span

    def increase(self, c: list[Any]) -> Piece:
        # NAME increase up-to INT / INT
        span = self._span(c)
        fraction = (self._int(_after(c, "_UP_TO")), self._int(_after(c, "SLASH")))
        return A.Sentence(self._term(_one(c, "NAME"), "tiers"), increase=fraction, span=span), span, span

    def principal(self, c: list[Any]) -> Piece:
        span = self._span(c)
        bounds = _value(c)
        low, high = bounds if bounds else (None, None)
        return A.Principal(self._term(_one(c, "NAME"), "penalties"), low, high, span=span), span, span

    def at_most(self, c: list[Any]) -> Piece:
        high = _after(c, "LE")
        return (None, high[0]), c[0], high[2]

    def at_least(self, c: list[Any]) -> Piece:
        low = _after(c, "GE")
        return (low[0], None), c[0], low[2]

    def between_same_unit(self, c: list[Any]) -> Piece:
        # INT .. duration: the lower end counts in the upper end's unit
        low, (high, _, end) = _one(c, "INT"), _pieces(c)[0]
        return (A.Duration(self._int(low), high.unit, span=self._tspan(low)), high), low, end

    def between(self, c: list[Any]) -> Piece:
        low, high = _pieces(c)
        return (low[0], high[0]), low[1], high[2]

    def duration(self, c: list[Any]) -> Piece:
        span = self._span(c)
        return A.Duration(self._int(_one(c, "INT")), self._term(_one(c, "NAME"), "durations"), span=span), span, span

    def fine(self, c: list[Any]) -> Piece:
        # fine NAME [<= INT NAME | INT .. INT NAME] [or NAME] [and NAME]: the currency is the NAME after the cap
        span = self._span(c)
        cap, also, beside = _after(c, "LE"), _after(c, "_OR"), _after(c, "_AND")
        unit = _after(c, "LE", 2)
        floor = None
        amounts = [part for part in c if type(part) is Token and part.type == "INT"]
        if cap is None and len(amounts) == 2:  # a minimum and a cap: 新臺幣六萬元以上六十萬元以下
            floor, cap = amounts
            unit = c[c.index(cap) + 1]
        value = A.Fine(self._term(_after(c, "_FINE"), "fine-modes"), self._int(cap) if cap else None,
                       self._term(unit, "units") if unit else None,
                       self._term(also, "penalties") if also else None, floor=self._int(floor) if floor else None,
                       and_also=self._term(beside, "penalties") if beside else None, span=span)
        return value, span, span

    # thresholds --------------------------------------------------------------
    def condition(self, c: list[Any]) -> Piece:
        # any|all { item* }; a fourth element of a piece is the depth of a nested condition
        span = self._span(c)
        items = _pieces(c)
        depth = 1 + max((p[3] for p in items if len(p) == 4), default=0)
        if depth > MAX_NESTING:
            self.too_deep = True
        mode = _one(c, "ANY") or _one(c, "ALL")
        return A.Condition(A.ConditionMode(str(mode)), tuple(p[0] for p in items), span=span), span, span, depth

    def threshold(self, c: list[Any]) -> Piece:
        # NAME compare INT NAME [via|on NAME]: the unit is the NAME after the amount
        span = self._span(c)
        amount, channel = _one(c, "INT"), _after(c, "_VIA") or _after(c, "_ON")
        value = A.Threshold(self._term(_one(c, "NAME"), "measures"), A.ComparisonOp(_value(c)), self._int(amount),
                            self._term(_after(c, "INT"), "units"),
                            self._term(channel, "channels") if channel else None, span=span)
        return value, span, span

    def compare(self, c: list[Token]) -> Piece:
        return str(c[0]), c[0], c[0]

    def circumstance(self, c: list[Token]) -> Piece:
        return self._term(c[0], "circumstances"), c[0], c[0]

    # obligations ------------------------------------------------------------------
    def holder(self, c: list[Any]) -> Piece:
        return self._field("holder", self._terms(_piece(c), "actors"), self._span(c))

    def ob_tier(self, c: list[Any]) -> Piece:
        # tier NAME [for names] [measures names]
        span = self._span(c)
        value = A.ObligationTier(self._term(_after(c, "_TIER"), "obligation-tiers"),
                                 self._terms(_after(c, "_FOR"), "platform-classes"),
                                 self._terms(_after(c, "_MEASURES"), "obligation-measures"), span=span)
        return self._field("ob_tier", value, span)

    def sanction(self, c: list[Any]) -> Piece:
        # sanction NAME [INT .. INT NAME] [per STRING | bilingual]: the currency is the NAME after the range
        span = self._span(c)
        low, high = _one(c, "INT"), _one(c, "INT", 1)
        unit, per = _after(c, "INT", 1, nth=1), _after(c, "_PER")
        value = A.Sanction(self._term(_after(c, "SANCTION"), "sanctions"), self._int(low) if low else None,
                           self._int(high) if high else None, self._term(unit, "units") if unit else None,
                           _per(per), span=span)
        return self._field("sanction", value, span)

    # general-part rules -----------------------------------------------------------
    def rule_kind(self, c: list[Any]) -> Piece:
        return self._field("rule_kind", self._term(_one(c, "NAME"), "rule-kinds"), self._span(c))

    def reaches(self, c: list[Any]) -> Piece:
        # reaches all | reaches refs
        return self._field("reaches", "all" if _one(c, "ALL") is not None else _value(c), self._span(c))

    def punishes(self, c: list[Any]) -> Piece:
        return self._field("punishes", self._terms(_piece(c), "unit-sanctions"), self._span(c))

    # interpretations --------------------------------------------------------------
    def issuer(self, c: list[Any]) -> Piece:
        return self._field("issuer", self._terms(_piece(c), "issuers"), self._span(c))

    def stage(self, c: list[Any]) -> Piece:
        return self._field("stage", self._term(_one(c, "NAME"), "stages"), self._span(c))

    def doc_number(self, c: list[Any]) -> Piece:
        span = self._span(c)
        return self._field("doc_number", A.Stated(_unquote(_one(c, "STRING")), span=span), span)

    def adopted(self, c: list[Any]) -> Piece:
        return self._field("adopted", _value(c), self._span(c))

    def ji_commencement(self, c: list[Any]) -> Piece:
        span = self._span(c)
        quoted = _one(c, "STRING")
        stated = A.Stated(_unquote(quoted), span=span) if quoted is not None else A.OnPublication(span=span)
        return self._field("ji_commencement", stated, span)

    def supersedes(self, c: list[Any]) -> Piece:
        return self._field("supersedes", True, self._span(c))

    def interprets(self, c: list[Any]) -> Piece:
        refs = tuple(A.Ref(str(i), span=self._tspan(i)) for i in _all(c, "ID"))
        return self._field("interprets", refs, self._span(c))

    def explanation(self, c: list[Any]) -> Piece:
        return self._field("explanation", _value(c), self._span(c))

    def preamble(self, c: list[Any]) -> Piece:
        return self._field("preamble", _value(c), self._span(c))

    def ji_article(self, c: list[Any]) -> Piece:
        # article INT body: the body piece is (kind, constructor arguments)
        n = self._int(_after(c, "_ARTICLE"))
        span = self._span(c)
        kind, args = _value(c)
        article: A.JIArticle
        if kind == "defines":
            article = A.DefinesArticle(n, *args, span=span)
        elif kind == "tier":
            article = A.TierArticle(n, *args, span=span)
        elif kind == "evidence":
            article = A.EvidenceArticle(n, *args, span=span)
        elif kind == "presumes":
            article = A.PresumptionArticle(n, *args, span=span)
        elif kind == "deems-breached":
            article = A.DeemingArticle(n, *args, span=span)
        elif kind == "mitigates":
            article = A.MitigationArticle(n, *args, span=span)
        else:
            article = A.TextArticle(n, *args, span=span)
        return self._field("ji_article", article, span)

    def defines(self, c: list[Any]) -> Piece:
        # defines NAME NAME [evidenced-by names]: the standard, then its value
        standard, value = _one(c, "NAME"), _one(c, "NAME", 1)
        args = (self._term(standard, "standards"), self._term(value, f"object-attributes.{standard}"),
                self._terms(_after(c, "_EVIDENCED_BY"), "evidence"))
        return ("defines", args), c[0], self._end(c)

    def ji_tier(self, c: list[Any]) -> Piece:
        # tier NAME of ID when condition
        ident, condition = _after(c, "OF"), _after(c, "_WHEN")
        args = (self._term(_after(c, "_TIER"), "tiers"), A.Ref(str(ident), span=self._tspan(ident)), condition[0],
                _one(c, "CATCH_ALL") is not None)
        return ("tier", args), c[0], self._end(c)

    def evidence(self, c: list[Any]) -> Piece:
        # evidence NAME by names
        fact, names = _after(c, "EVIDENCE"), _after(c, "BY")
        return ("evidence", (self._term(fact, "standards"), self._terms(names, "evidence"))), c[0], self._end(c)

    def ji_text(self, c: list[Any]) -> Piece:
        return ("text", (_value(c),)), c[0], self._end(c)

    def presumes(self, c: list[Any]) -> Piece:
        # presumes NAME of ID when condition [rebuttable bilingual]
        ident, condition, rebuttal = _after(c, "OF"), _after(c, "_WHEN"), _after(c, "_REBUTTABLE")
        args = (self._term(_after(c, "PRESUMES"), "mental"), A.Ref(str(ident), span=self._tspan(ident)), condition[0],
                rebuttal[0] if rebuttal else None)
        return ("presumes", args), c[0], self._end(c)

    def deems_breached(self, c: list[Any]) -> Piece:
        # deems-breached NAME of ID when condition
        ident, condition = _after(c, "OF"), _after(c, "_WHEN")
        args = (self._term(_one(c, "NAME"), "duties"), A.Ref(str(ident), span=self._tspan(ident)), condition[0])
        return ("deems-breached", args), c[0], self._end(c)

    def mitigates(self, c: list[Any]) -> Piece:
        # mitigates ID when condition
        ident = _one(c, "ID")
        return ("mitigates", (A.Ref(str(ident), span=self._tspan(ident)), _after(c, "_WHEN")[0])), c[0], self._end(c)

    # shared ----------------------------------------------------------------------
    def names(self, c: list[Token]) -> Piece:
        return _all(c, "NAME"), c[0], c[-1]

    def refs(self, c: list[Token]) -> Piece:
        return tuple(A.Ref(str(i), span=self._tspan(i)) for i in _all(c, "ID")), c[0], c[-1]

    def bilingual(self, c: list[Piece]) -> Piece:
        langs: dict[str, str] = {}
        other: dict[str, str] = {}
        places: dict[str, A.Span] = {}
        for (lang, value, span), _, _ in c:
            places.setdefault(lang, span)
            key = lang.replace("-", "_")
            known = key in ("zh", "en", "zh_hant")
            if key in langs or lang in other:
                self.diagnostics.append(Diagnostic("E111", f"`{lang}` text is given twice", span,
                                                   ("give each language once",)))
            (langs if known else other).setdefault(key if known else lang, value)
        span = self._span(c)
        return A.Text(span=span, other=tuple(other.items()), places=tuple(places.items()), **langs), span, span

    def lang(self, c: list[Token]) -> Piece:
        tag = c[0]
        if not LANGUAGE_TAG.fullmatch(str(tag)):
            self.diagnostics.append(Diagnostic(
                "E117", f"`{tag}` is not a language tag", self._tspan(tag),
                (("write the language as a tag of two or three letters, e.g. `en`, `fr`, `pt-br`, `zh-hant`; "
                  "a field name here means the text before it is not closed"),)))
        return str(tag), tag, tag

    def per_source(self, c: list[Any]) -> Piece:
        """`per "..."`: one citation for both languages; `per zh "..." en "..."`: each language's words."""
        span = self._span(c)
        quoted = _one(c, "STRING")
        return (_unquote(quoted) if quoted is not None else _value(c)), span, span

    def called(self, c: list[Piece]) -> Piece:
        # an object's own words: one-line texts, each after its language tag
        return self.bilingual(c)

    def called_text(self, c: list[Any]) -> Piece:
        return self.lang_text(c)

    def lang_text(self, c: list[Any]) -> Piece:
        # lang (STRING | BLOCK)
        span = self._span(c)
        return (_value(c), _unquote(_one(c, "STRING") or _one(c, "BLOCK")), span), span, span
