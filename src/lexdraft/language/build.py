"""Build the typed AST while the LALR parser reduces, attaching source spans: no parse tree is made on the way.

The parser runs with `keep_all_tokens`, so each rule's callback sees every token of its match, keywords and
braces included, and the span of a rule runs from its first token to its last: the positions lark's
`propagate_positions` gives a parse tree. A callback returns a piece, `(value, start, end)`, where `start`
has the `line` and `column` of the rule's first token and `end` the `end_line` and `end_column` of its last
(a Token, or a Span that already covers the rule).
"""

from __future__ import annotations

from typing import Any

from lark import Token

from ..diagnostics import Diagnostic
from . import ast as A

# Fields a provision or interpretation may give at most once; repeatable ones build tuples.
_REPEATABLE = {"source", "tier", "exception", "ji_article", "ob_tier"}

# Conditions nest at most this deep: later stages walk the tree recursively, and no statute nests past three.
MAX_NESTING = 100

# (value, start, end[, depth]): start has line and column, end has end_line and end_column; a condition adds its depth
Piece = tuple[Any, ...]
Field = tuple[str, Any, A.Span]  # a field of a provision or interpretation: its name, value and span


MAX_DIGITS = 15  # 999 trillion: beyond every fine, count or term a statute gives


def _unquote(tok: Token) -> str:
    s = str(tok)
    return s[3:-3].strip("\n") if s.startswith('"""') else s[1:-1]


def _per(part: Any) -> str | A.Text | None:
    return None if part is None else part[0]


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

    def _term(self, tok: Token, section: str) -> A.Term:
        return A.Term(str(tok), section, span=self._tspan(tok))

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
        ident = c[1]
        f = self._collect("provision", c[3:-1])
        value = A.Provision(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), chapter=f.get("chapter"), title=f.get("title"),
            sources=tuple(f.get("source", ())), implements=f.get("implements", ()),
            protects=f.get("protects"), actors=f.get("actors", ()), mental=f.get("mental"),
            purpose=f.get("purpose"), conduct=f.get("conduct", ()), means=f.get("means"),
            object=f.get("object"), consent=f.get("consent"), harm=f.get("harm"), duty=f.get("duty"),
            tiers=tuple(f.get("tier", ())), exceptions=tuple(f.get("exception", ())),
            prosecution=f.get("prosecution"), penalties=f.get("penalty", ()), text=f.get("text"),
            translation=f.get("translation"), span=self._tspan(ident))  # a document is reported at its id
        return value, c[0], c[-1]

    def obligation(self, c: list[Any]) -> Piece:
        ident = c[1]
        f = self._collect("obligation", c[3:-1])
        value = A.Obligation(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            instrument=f.get("instrument"), title=f.get("title"), sources=tuple(f.get("source", ())),
            holders=f.get("holder", ()), duty=f.get("duty"), tiers=tuple(f.get("ob_tier", ())),
            sanction=f.get("sanction"), text=f.get("text"), translation=f.get("translation"),
            span=self._tspan(ident))
        return value, c[0], c[-1]

    def interpretation(self, c: list[Any]) -> Piece:
        ident = c[1]
        f = self._collect("interpretation", c[3:-1])
        value = A.Interpretation(
            id=str(ident), jurisdiction=f.get("jurisdiction"), status=f.get("status"),
            title=f.get("title"), sources=tuple(f.get("source", ())), issuers=f.get("issuer", ()),
            interprets=f.get("interprets", ()), preamble=f.get("preamble"),
            articles=tuple(f.get("ji_article", ())), span=self._tspan(ident))
        return value, c[0], c[-1]

    # provision fields: each a (field name, value, span) piece ------------------
    def jurisdiction(self, c: list[Any]) -> Piece:
        return self._field("jurisdiction", self._term(c[1], "jurisdictions"), self._span(c))

    def status(self, c: list[Any]) -> Piece:
        return self._field("status", self._term(c[1], "statuses"), self._span(c))

    def instrument(self, c: list[Any]) -> Piece:
        # instrument NAME [to STRING] [inserting article N after M]
        span = self._span(c)
        target, inserts, after = c[3], c[6], c[8]
        value = A.Instrument(self._term(c[1], "instruments"), _unquote(target) if target else None,
                             inserts[0] if inserts else None, after[0] if after else None, span=span)
        return self._field("instrument", value, span)

    def article_no(self, c: list[Token]) -> Piece:
        return "-".join(str(self._int(p)) if len(p) > MAX_DIGITS else str(p) for p in c[0::2]), c[0], c[-1]

    def chapter(self, c: list[Any]) -> Piece:
        return self._field("chapter", self._int(c[1]), self._span(c))

    def title(self, c: list[Any]) -> Piece:
        return self._field("title", c[1][0], self._span(c))

    def text(self, c: list[Any]) -> Piece:
        return self._field("text", c[1][0], self._span(c))

    def source(self, c: list[Any]) -> Piece:
        return self._field("source", _unquote(c[1]), self._span(c))

    def implements(self, c: list[Any]) -> Piece:
        refs = tuple(A.Ref(str(i), span=self._tspan(i)) for i in c[1::2])
        return self._field("implements", refs, self._span(c))

    def protects(self, c: list[Any]) -> Piece:
        # protects names [; secondary names]
        span = self._span(c)
        value = A.Protects(self._terms(c[1], "interests"), self._terms(c[4], "interests"), span=span)
        return self._field("protects", value, span)

    def actors(self, c: list[Any]) -> Piece:
        return self._field("actors", self._terms(c[1], "actors"), self._span(c))

    def mental(self, c: list[Any]) -> Piece:
        # mental NAME [NAME] [rebuttable bilingual]
        span = self._span(c)
        degree, rebuttal = c[2], c[4]
        value = A.Mental(self._term(c[1], "mental"), self._term(degree, "mental-degrees") if degree else None,
                         rebuttal[0] if rebuttal else None, span=span)
        return self._field("mental", value, span)

    def purpose(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Purpose(self._terms(c[1], "purposes"), self._terms(c[3], "evidence"), span=span)
        return self._field("purpose", value, span)

    def conduct(self, c: list[Any]) -> Piece:
        return self._field("conduct", self._terms(c[1], "conduct"), self._span(c))

    def means(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Means(self._terms(c[1], "means"), self._terms(c[3], "means"), span=span)
        return self._field("means", value, span)

    def object(self, c: list[Any]) -> Piece:
        # object NAME [{ object_attr* }]: the attributes are the pieces among the braces
        span = self._span(c)
        attrs = tuple(p[0] for p in c[2:] if type(p) is tuple)
        return self._field("object", A.ObjectSpec(self._term(c[1], "objects"), attrs, span=span), span)

    def object_attr(self, c: list[Any]) -> Piece:
        name, (cumulative, toks) = c[0], c[1][0]
        span = self._span(c)
        value = A.ObjectAttr(self._term(name, "object-attributes"),
                             tuple(self._term(t, f"object-attributes.{name}") for t in toks), cumulative, span=span)
        return value, span, span

    def alternatives(self, c: list[Token]) -> Piece:
        return (False, c[0::2]), c[0], c[-1]

    def cumulative(self, c: list[Token]) -> Piece:
        return (True, c[0::2]), c[0], c[-1]

    def consent(self, c: list[Any]) -> Piece:
        return self._field("consent", self._term(c[1], "consent"), self._span(c))

    def harm(self, c: list[Any]) -> Piece:
        return self._field("harm", self._term(c[1], "harms"), self._span(c))

    def duty(self, c: list[Any]) -> Piece:
        # duty NAME [under NAME] [precondition NAME] [breaching refs]
        span = self._span(c)
        under, precondition, breaches = c[3], c[5], c[7]
        value = A.Duty(self._term(c[1], "duties"), self._term(under, "duty-sources") if under else None,
                       self._term(precondition, "preconditions") if precondition else None,
                       breaches[0] if breaches else (), span=span)
        return self._field("duty", value, span)

    def tier(self, c: list[Any]) -> Piece:
        # tier NAME [requires NAME] [when condition] [per STRING | bilingual]
        span = self._span(c)
        requires, condition, per = c[3], c[5], c[7]
        value = A.Tier(self._term(c[1], "tiers"), self._term(requires, "circumstances") if requires else None,
                       condition[0] if condition else None, _per(per), span=span)
        return self._field("tier", value, span)

    def exception(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Exception_(self._term(c[1], "exceptions"), self._terms(c[3], "exception-conditions"), span=span)
        return self._field("exception", value, span)

    def prosecution(self, c: list[Any]) -> Piece:
        span = self._span(c)
        value = A.Prosecution(self._term(c[1], "prosecution"), self._terms(c[3], "prosecution-exceptions"),
                              span=span)
        return self._field("prosecution", value, span)

    def penalty(self, c: list[Any]) -> Piece:
        return self._field("penalty", tuple(p[0] for p in c[1:]), self._span(c))

    def translation(self, c: list[Any]) -> Piece:
        return self._field("translation", self._term(c[1], "translations"), self._span(c))

    # penalties -------------------------------------------------------------
    def sentence(self, c: list[Any]) -> Piece:
        # NAME principal (| principal)* [; fine]
        span = self._span(c)
        rest = [p[0] for p in c[1:] if type(p) is tuple]
        principals = tuple(r for r in rest if isinstance(r, A.Principal))
        fine = next((r for r in rest if isinstance(r, A.Fine)), None)
        return A.Sentence(self._term(c[0], "tiers"), principals, fine, span=span), span, span

    def increase(self, c: list[Any]) -> Piece:
        # NAME increase up-to INT / INT
        span = self._span(c)
        return A.Sentence(self._term(c[0], "tiers"), increase=(self._int(c[3]), self._int(c[5])), span=span), span, span

    def principal(self, c: list[Any]) -> Piece:
        span = self._span(c)
        low, high = c[1][0] if c[1] else (None, None)
        return A.Principal(self._term(c[0], "penalties"), low, high, span=span), span, span

    def at_most(self, c: list[Any]) -> Piece:
        return (None, c[1][0]), c[0], c[1][2]

    def at_least(self, c: list[Any]) -> Piece:
        return (c[1][0], None), c[0], c[1][2]

    def between_same_unit(self, c: list[Any]) -> Piece:
        low, high = c[0], c[2][0]
        return (A.Duration(self._int(low), high.unit, span=self._tspan(low)), high), low, c[2][2]

    def between(self, c: list[Any]) -> Piece:
        return (c[0][0], c[2][0]), c[0][1], c[2][2]

    def duration(self, c: list[Any]) -> Piece:
        span = self._span(c)
        return A.Duration(self._int(c[0]), self._term(c[1], "durations"), span=span), span, span

    def fine(self, c: list[Any]) -> Piece:
        # fine NAME [<= INT NAME] [or NAME]
        span = self._span(c)
        cap, unit, also = c[3], c[4], c[6]
        value = A.Fine(self._term(c[1], "fine-modes"), self._int(cap) if cap else None,
                       self._term(unit, "units") if unit else None,
                       self._term(also, "penalties") if also else None, span=span)
        return value, span, span

    # thresholds --------------------------------------------------------------
    def condition(self, c: list[Any]) -> Piece:
        # any|all { item* }; a fourth element of a piece is the depth of a nested condition
        span = self._span(c)
        items = c[2:-1]
        depth = 1 + max((p[3] for p in items if len(p) == 4), default=0)
        if depth > MAX_NESTING:
            self.too_deep = True
        return A.Condition(A.ConditionMode(str(c[0])), tuple(p[0] for p in items), span=span), span, span, depth

    def threshold(self, c: list[Any]) -> Piece:
        # NAME compare INT NAME [via|on NAME]
        span = self._span(c)
        channel = c[5]
        value = A.Threshold(self._term(c[0], "measures"), A.ComparisonOp(str(c[1][0])), self._int(c[2]),
                            self._term(c[3], "units"), self._term(channel, "channels") if channel else None, span=span)
        return value, span, span

    def compare(self, c: list[Token]) -> Piece:
        return str(c[0]), c[0], c[0]

    def circumstance(self, c: list[Token]) -> Piece:
        return self._term(c[0], "circumstances"), c[0], c[0]

    # obligations ------------------------------------------------------------------
    def holder(self, c: list[Any]) -> Piece:
        return self._field("holder", self._terms(c[1], "actors"), self._span(c))

    def ob_tier(self, c: list[Any]) -> Piece:
        # tier NAME [for names] measures names
        span = self._span(c)
        value = A.ObligationTier(self._term(c[1], "obligation-tiers"), self._terms(c[3], "platform-classes"),
                                 self._terms(c[5], "obligation-measures"), span=span)
        return self._field("ob_tier", value, span)

    def sanction(self, c: list[Any]) -> Piece:
        # sanction NAME [INT .. INT NAME] [per STRING | bilingual]
        span = self._span(c)
        low, high, unit, per = c[2], c[4], c[5], c[7]
        value = A.Sanction(self._term(c[1], "sanctions"), self._int(low) if low else None, self._int(high) if high else None,
                           self._term(unit, "units") if unit else None, _per(per), span=span)
        return self._field("sanction", value, span)

    # interpretations --------------------------------------------------------------
    def issuer(self, c: list[Any]) -> Piece:
        return self._field("issuer", self._terms(c[1], "issuers"), self._span(c))

    def interprets(self, c: list[Any]) -> Piece:
        refs = tuple(A.Ref(str(i), span=self._tspan(i)) for i in c[1::2])
        return self._field("interprets", refs, self._span(c))

    def preamble(self, c: list[Any]) -> Piece:
        return self._field("preamble", c[1][0], self._span(c))

    def ji_article(self, c: list[Any]) -> Piece:
        # article INT body: the body piece is (kind, constructor arguments)
        n = self._int(c[1])
        span = self._span(c)
        kind, args = c[2][0]
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
        # defines NAME NAME [evidenced-by names]
        standard = c[1]
        args = (self._term(standard, "standards"), self._term(c[2], f"object-attributes.{standard}"),
                self._terms(c[4], "evidence"))
        return ("defines", args), c[0], self._end(c)

    def ji_tier(self, c: list[Any]) -> Piece:
        # tier NAME of ID when condition
        ident = c[3]
        args = (self._term(c[1], "tiers"), A.Ref(str(ident), span=self._tspan(ident)), c[5][0])
        return ("tier", args), c[0], c[5][2]

    def evidence(self, c: list[Any]) -> Piece:
        # evidence NAME by names
        return ("evidence", (self._term(c[1], "standards"), self._terms(c[3], "evidence"))), c[0], c[3][2]

    def ji_text(self, c: list[Any]) -> Piece:
        return ("text", (c[1][0],)), c[0], c[1][2]

    def presumes(self, c: list[Any]) -> Piece:
        # presumes NAME of ID when condition [rebuttable bilingual]
        ident, rebuttal = c[3], c[7]
        args = (self._term(c[1], "mental"), A.Ref(str(ident), span=self._tspan(ident)), c[5][0],
                rebuttal[0] if rebuttal else None)
        return ("presumes", args), c[0], self._end(c)

    def deems_breached(self, c: list[Any]) -> Piece:
        # deems-breached NAME of ID when condition
        ident = c[3]
        args = (self._term(c[1], "duties"), A.Ref(str(ident), span=self._tspan(ident)), c[5][0])
        return ("deems-breached", args), c[0], c[5][2]

    def mitigates(self, c: list[Any]) -> Piece:
        # mitigates ID when condition
        ident = c[1]
        return ("mitigates", (A.Ref(str(ident), span=self._tspan(ident)), c[3][0])), c[0], c[3][2]

    # shared ----------------------------------------------------------------------
    def names(self, c: list[Token]) -> Piece:
        return c[0::2], c[0], c[-1]

    def refs(self, c: list[Token]) -> Piece:
        return tuple(A.Ref(str(i), span=self._tspan(i)) for i in c[0::2]), c[0], c[-1]

    def bilingual(self, c: list[Piece]) -> Piece:
        langs: dict[str, str] = {}
        for (lang, value, span), _, _ in c:
            key = lang.replace("-", "_")
            if key in langs:
                self.diagnostics.append(Diagnostic("E111", f"`{lang}` text is given twice", span,
                                                   ("give each language once",)))
            langs.setdefault(key, value)
        span = self._span(c)
        return A.Text(span=span, **langs), span, span

    def per_source(self, c: list[Any]) -> Piece:
        """`per "..."`: one citation for both languages; `per zh "..." en "..."`: each language's words."""
        span = self._span(c)
        return (_unquote(c[0]) if isinstance(c[0], Token) else c[0][0]), span, span

    def lang_text(self, c: list[Token]) -> Piece:
        span = self._span(c)
        return (str(c[0]), _unquote(c[1]), span), span, span
