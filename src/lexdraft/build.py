"""Build the typed AST from lark's parse tree (from_tree), attaching source spans."""

from __future__ import annotations

from typing import Any

from lark import Token, Transformer, Tree, v_args
from lark.tree import Meta

from . import ast as A
from .diagnostics import Diagnostic

# Fields a provision or interpretation may give at most once; repeatable ones build tuples.
_REPEATABLE = {"source", "tier", "exception", "ji_article"}


def _unquote(tok: Token) -> str:
    s = str(tok)
    return s[3:-3].strip("\n") if s.startswith('"""') else s[1:-1]


@v_args(inline=True, meta=True)
class FromTree(Transformer):  # type: ignore[type-arg]
    """lark Tree -> lexdraft.ast; duplicate fields are collected as diagnostics."""

    def __init__(self, path: str):
        super().__init__()
        self.path = path
        self.diagnostics: list[Diagnostic] = []

    # spans ---------------------------------------------------------------
    def _span(self, meta: Meta) -> A.Span | None:
        if getattr(meta, "empty", True):
            return None
        return A.Span(self.path, meta.line, meta.column, meta.end_line, meta.end_column)

    def _tspan(self, tok: Token) -> A.Span:
        return A.Span(self.path, tok.line or 1, tok.column or 1, tok.end_line or 1, tok.end_column or 1)

    def _term(self, tok: Token, section: str) -> A.Term:
        return A.Term(str(tok), section, span=self._tspan(tok))

    def _terms(self, names: list[Token] | None, section: str) -> tuple[A.Term, ...]:
        return tuple(self._term(t, section) for t in names or ())

    # documents -----------------------------------------------------------
    def start(self, meta: Meta, *documents: A.Document) -> tuple[A.Document, ...]:
        return documents

    def _collect(self, kind: str, fields: tuple[tuple[str, Any, A.Span | None], ...]) -> dict[str, Any]:
        out: dict[str, Any] = {}
        seen: dict[str, A.Span | None] = {}
        for name, value, span in fields:
            if name in _REPEATABLE:
                out.setdefault(name, []).append(value)
            elif name in seen:
                first = seen[name]
                where = f" at line {first.line}" if first else ""
                self.diagnostics.append(Diagnostic(
                    "E110", f"`{name}` is given twice in this {kind}", span,
                    (f"the first `{name}` is{where}; merge the two into one",)))
            else:
                out[name], seen[name] = value, span
        return out

    def provision(self, meta: Meta, ident: Token, *fields: tuple[str, Any, A.Span | None]) -> A.Provision:
        f = self._collect("provision", fields)
        return A.Provision(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), chapter=f.get("chapter"), title=f.get("title"),
            sources=tuple(f.get("source", ())), implements=f.get("implements", ()),
            protects=f.get("protects"), actors=f.get("actors", ()), mental=f.get("mental"),
            purpose=f.get("purpose"), conduct=f.get("conduct", ()), means=f.get("means"),
            object=f.get("object"), consent=f.get("consent"), harm=f.get("harm"), duty=f.get("duty"),
            tiers=tuple(f.get("tier", ())), exceptions=tuple(f.get("exception", ())),
            prosecution=f.get("prosecution"), penalties=f.get("penalty", ()), text=f.get("text"),
            translation=f.get("translation"), span=self._id_span(meta, ident))

    def interpretation(self, meta: Meta, ident: Token, *fields: tuple[str, Any, A.Span | None]) -> A.Interpretation:
        f = self._collect("interpretation", fields)
        return A.Interpretation(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            title=f.get("title"), sources=tuple(f.get("source", ())), issuers=f.get("issuer", ()),
            interprets=f.get("interprets", ()), preamble=f.get("preamble"),
            articles=tuple(f.get("ji_article", ())), span=self._id_span(meta, ident))

    def _id_span(self, meta: Meta, ident: Token) -> A.Span:
        # A document is reported at its id, the part a reader looks for.
        return self._tspan(ident)

    # provision fields: each returns (field name, value, span) ---------------
    def jurisdiction(self, meta: Meta, name: Token) -> tuple[str, Any, A.Span | None]:
        return "jurisdiction", self._term(name, "jurisdictions"), self._span(meta)

    def status(self, meta: Meta, name: Token) -> tuple[str, Any, A.Span | None]:
        return "status", self._term(name, "statuses"), self._span(meta)

    def instrument(self, meta: Meta, kind: Token, target: Token | None, inserts: str | None,
                   after: str | None) -> tuple[str, Any, A.Span | None]:
        value = A.Instrument(self._term(kind, "instruments"), _unquote(target) if target else None,
                             inserts, after, span=self._span(meta))
        return "instrument", value, self._span(meta)

    def article_no(self, meta: Meta, *parts: Token) -> str:
        return "-".join(str(p) for p in parts)

    def chapter(self, meta: Meta, number: Token) -> tuple[str, Any, A.Span | None]:
        return "chapter", int(number), self._span(meta)

    def title(self, meta: Meta, text: A.Text) -> tuple[str, Any, A.Span | None]:
        return "title", text, self._span(meta)

    def text(self, meta: Meta, text: A.Text) -> tuple[str, Any, A.Span | None]:
        return "text", text, self._span(meta)

    def source(self, meta: Meta, s: Token) -> tuple[str, Any, A.Span | None]:
        return "source", _unquote(s), self._span(meta)

    def implements(self, meta: Meta, *ids: Token) -> tuple[str, Any, A.Span | None]:
        return "implements", tuple(A.Ref(str(i), span=self._tspan(i)) for i in ids), self._span(meta)

    def protects(self, meta: Meta, primary: list[Token], secondary: list[Token] | None) -> tuple[str, Any, A.Span | None]:
        value = A.Protects(self._terms(primary, "interests"), self._terms(secondary, "interests"), span=self._span(meta))
        return "protects", value, self._span(meta)

    def actors(self, meta: Meta, names: list[Token]) -> tuple[str, Any, A.Span | None]:
        return "actors", self._terms(names, "actors"), self._span(meta)

    def mental(self, meta: Meta, kind: Token, degree: Token | None, rebuttal: A.Text | None) -> tuple[str, Any, A.Span | None]:
        value = A.Mental(self._term(kind, "mental"), self._term(degree, "mental-degrees") if degree else None,
                         rebuttal, span=self._span(meta))
        return "mental", value, self._span(meta)

    def purpose(self, meta: Meta, purposes: list[Token], evidence: list[Token] | None) -> tuple[str, Any, A.Span | None]:
        value = A.Purpose(self._terms(purposes, "purposes"), self._terms(evidence, "evidence"), span=self._span(meta))
        return "purpose", value, self._span(meta)

    def conduct(self, meta: Meta, names: list[Token]) -> tuple[str, Any, A.Span | None]:
        return "conduct", self._terms(names, "conduct"), self._span(meta)

    def means(self, meta: Meta, means: list[Token], excluding: list[Token] | None) -> tuple[str, Any, A.Span | None]:
        value = A.Means(self._terms(means, "means"), self._terms(excluding, "means"), span=self._span(meta))
        return "means", value, self._span(meta)

    def object(self, meta: Meta, kind: Token, *attrs: A.ObjectAttr | None) -> tuple[str, Any, A.Span | None]:
        value = A.ObjectSpec(self._term(kind, "objects"), tuple(a for a in attrs if a is not None), span=self._span(meta))
        return "object", value, self._span(meta)

    def object_attr(self, meta: Meta, name: Token, values: tuple[bool, list[Token]]) -> A.ObjectAttr:
        cumulative, toks = values
        return A.ObjectAttr(self._term(name, "object-attributes"),
                            self._terms(toks, f"object-attributes.{name}"), cumulative, span=self._span(meta))

    def alternatives(self, meta: Meta, *names: Token) -> tuple[bool, list[Token]]:
        return False, list(names)

    def cumulative(self, meta: Meta, *names: Token) -> tuple[bool, list[Token]]:
        return True, list(names)

    def consent(self, meta: Meta, name: Token) -> tuple[str, Any, A.Span | None]:
        return "consent", self._term(name, "consent"), self._span(meta)

    def harm(self, meta: Meta, name: Token) -> tuple[str, Any, A.Span | None]:
        return "harm", self._term(name, "harms"), self._span(meta)

    def duty(self, meta: Meta, name: Token, under: Token | None, precondition: Token | None) -> tuple[str, Any, A.Span | None]:
        value = A.Duty(self._term(name, "duties"), self._term(under, "duty-sources") if under else None,
                       self._term(precondition, "preconditions") if precondition else None, span=self._span(meta))
        return "duty", value, self._span(meta)

    def tier(self, meta: Meta, name: Token, requires: Token | None, condition: A.Condition | None,
             per: Token | None) -> tuple[str, Any, A.Span | None]:
        value = A.Tier(self._term(name, "tiers"), self._term(requires, "circumstances") if requires else None,
                       condition, _unquote(per) if per else None, span=self._span(meta))
        return "tier", value, self._span(meta)

    def exception(self, meta: Meta, kind: Token, conditions: list[Token] | None) -> tuple[str, Any, A.Span | None]:
        value = A.Exception_(self._term(kind, "exceptions"), self._terms(conditions, "exception-conditions"),
                             span=self._span(meta))
        return "exception", value, self._span(meta)

    def prosecution(self, meta: Meta, kind: Token, exceptions: list[Token] | None) -> tuple[str, Any, A.Span | None]:
        value = A.Prosecution(self._term(kind, "prosecution"), self._terms(exceptions, "prosecution-exceptions"),
                              span=self._span(meta))
        return "prosecution", value, self._span(meta)

    def penalty(self, meta: Meta, *sentences: A.Sentence) -> tuple[str, Any, A.Span | None]:
        return "penalty", sentences, self._span(meta)

    def translation(self, meta: Meta, name: Token) -> tuple[str, Any, A.Span | None]:
        return "translation", self._term(name, "translations"), self._span(meta)

    # penalties -------------------------------------------------------------
    def sentence(self, meta: Meta, tier: Token, *rest: Any) -> A.Sentence:
        principals = tuple(r for r in rest if isinstance(r, A.Principal))
        fine = next((r for r in rest if isinstance(r, A.Fine)), None)
        return A.Sentence(self._term(tier, "tiers"), principals, fine, span=self._span(meta))

    def increase(self, meta: Meta, tier: Token, num: Token, den: Token) -> A.Sentence:
        return A.Sentence(self._term(tier, "tiers"), increase=(int(num), int(den)), span=self._span(meta))

    def principal(self, meta: Meta, kind: Token, rng: tuple[A.Duration | None, A.Duration | None] | None) -> A.Principal:
        low, high = rng or (None, None)
        return A.Principal(self._term(kind, "penalties"), low, high, span=self._span(meta))

    def at_most(self, meta: Meta, _le: Token, d: A.Duration) -> tuple[A.Duration | None, A.Duration | None]:
        return None, d

    def at_least(self, meta: Meta, _ge: Token, d: A.Duration) -> tuple[A.Duration | None, A.Duration | None]:
        return d, None

    def between_same_unit(self, meta: Meta, low: Token, high: A.Duration) -> tuple[A.Duration | None, A.Duration | None]:
        return A.Duration(int(low), high.unit, span=self._tspan(low)), high

    def between(self, meta: Meta, low: A.Duration, high: A.Duration) -> tuple[A.Duration | None, A.Duration | None]:
        return low, high

    def duration(self, meta: Meta, amount: Token, unit: Token) -> A.Duration:
        return A.Duration(int(amount), self._term(unit, "durations"), span=self._span(meta))

    def fine(self, meta: Meta, mode: Token, _le: Token | None, cap: Token | None, unit: Token | None,
             also: Token | None) -> A.Fine:
        return A.Fine(self._term(mode, "fine-modes"), int(cap) if cap else None,
                      self._term(unit, "units") if unit else None,
                      self._term(also, "penalties") if also else None, span=self._span(meta))

    # thresholds --------------------------------------------------------------
    def condition(self, meta: Meta, mode: Token, *items: Any) -> A.Condition:
        return A.Condition(str(mode), tuple(items), span=self._span(meta))

    def threshold(self, meta: Meta, measure: Token, op: str, amount: Token, unit: Token,
                  channel: Token | None) -> A.Threshold:
        return A.Threshold(self._term(measure, "measures"), op, int(amount), self._term(unit, "units"),
                           self._term(channel, "channels") if channel else None, span=self._span(meta))

    def compare(self, meta: Meta, op: Token) -> str:
        return str(op)

    def circumstance(self, meta: Meta, name: Token) -> A.Term:
        return self._term(name, "circumstances")

    # interpretations --------------------------------------------------------------
    def issuer(self, meta: Meta, names: list[Token]) -> tuple[str, Any, A.Span | None]:
        return "issuer", self._terms(names, "issuers"), self._span(meta)

    def interprets(self, meta: Meta, *ids: Token) -> tuple[str, Any, A.Span | None]:
        return "interprets", tuple(A.Ref(str(i), span=self._tspan(i)) for i in ids), self._span(meta)

    def preamble(self, meta: Meta, text: A.Text) -> tuple[str, Any, A.Span | None]:
        return "preamble", text, self._span(meta)

    def ji_article(self, meta: Meta, number: Token, body: Any) -> tuple[str, Any, A.Span | None]:
        n = int(number)
        span = self._span(meta)
        kind, args = body
        article: A.JIArticle
        if kind == "defines":
            article = A.DefinesArticle(n, *args, span=span)
        elif kind == "tier":
            article = A.TierArticle(n, *args, span=span)
        elif kind == "evidence":
            article = A.EvidenceArticle(n, *args, span=span)
        else:
            article = A.TextArticle(n, *args, span=span)
        return "ji_article", article, span

    def defines(self, meta: Meta, standard: Token, value: Token, evidence: list[Token] | None) -> tuple[str, tuple[Any, ...]]:
        return "defines", (self._term(standard, "standards"),
                           self._term(value, f"object-attributes.{standard}"), self._terms(evidence, "evidence"))

    def ji_tier(self, meta: Meta, tier: Token, ident: Token, condition: A.Condition) -> tuple[str, tuple[Any, ...]]:
        return "tier", (self._term(tier, "tiers"), A.Ref(str(ident), span=self._tspan(ident)), condition)

    def evidence(self, meta: Meta, fact: Token, names: list[Token]) -> tuple[str, tuple[Any, ...]]:
        return "evidence", (self._term(fact, "standards"), self._terms(names, "evidence"))

    def ji_text(self, meta: Meta, text: A.Text) -> tuple[str, tuple[Any, ...]]:
        return "text", (text,)

    # shared ----------------------------------------------------------------------
    def names(self, meta: Meta, *names: Token) -> list[Token]:
        return list(names)

    def bilingual(self, meta: Meta, *parts: tuple[str, str, A.Span]) -> A.Text:
        langs: dict[str, str] = {}
        for lang, value, span in parts:
            key = lang.replace("-", "_")
            if key in langs:
                self.diagnostics.append(Diagnostic("E111", f"`{lang}` text is given twice", span,
                                                   ("give each language once",)))
            langs.setdefault(key, value)
        return A.Text(span=self._span(meta), **langs)

    def lang_text(self, meta: Meta, lang: Token, value: Token) -> tuple[str, str, A.Span | None]:
        return str(lang), _unquote(value), self._span(meta)


def from_tree(tree: Tree[Token], path: str) -> tuple[A.DraftFile, list[Diagnostic]]:
    builder = FromTree(path)
    documents = builder.transform(tree)
    return A.DraftFile(path, tuple(documents)), builder.diagnostics
