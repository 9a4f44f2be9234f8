"""The typed syntax tree of lexdraft drafts: frozen dataclasses with source spans."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field, fields, replace
from enum import StrEnum

from ..diagnostics import Span


@dataclass(frozen=True, slots=True)
class Node:
    """Base of every AST node; the span never takes part in equality."""

    span: Span | None = field(default=None, compare=False, repr=False, kw_only=True)

    def children(self) -> Iterator[Node]:
        """Direct child nodes, in field order."""
        for f in fields(self):
            value = getattr(self, f.name)
            items = value if isinstance(value, tuple) else (value,)
            for item in items:
                if isinstance(item, Node):
                    yield item

    def walk(self) -> Iterator[Node]:
        """This node and all nodes below it, depth first."""
        yield self
        for child in self.children():
            yield from child.walk()


@dataclass(frozen=True, slots=True)
class Term(Node):
    """A word of the controlled vocabulary; `section` names the vocabulary list it must come from."""

    name: str
    section: str


@dataclass(frozen=True, slots=True)
class Ref(Node):
    """A reference to a provision or treaty requirement by id."""

    id: str


@dataclass(frozen=True, slots=True)
class Stated(Node):
    """A value a file states word for word, never composed: a document number, a date."""

    value: str


@dataclass(frozen=True, slots=True)
class OnPublication(Node):
    """A commencement on the day the instrument is published (本解释自发布之日起施行), as the file states it."""


@dataclass(frozen=True, slots=True)
class Text(Node):
    """Text by language: PRC Chinese, English, Traditional Chinese, and any other language a statute is written in."""

    zh: str | None = None
    en: str | None = None
    zh_hant: str | None = None
    other: tuple[tuple[str, str], ...] = ()  # (language tag, words) for every other language, e.g. ("fr", "Est puni")
    # Where each language's words stand in the file (tag as written, span), so that an error in the English points at
    # the English; like the span, no part of equality.
    places: tuple[tuple[str, Span], ...] = field(default=(), compare=False, repr=False)

    def place(self, tag: str) -> Span | None:
        """Where the words in one language stand, or else where the whole text does."""
        return next((span for lang, span in self.places if lang == tag), self.span)

    def get(self, tag: str) -> str | None:
        """The words in one language (a tag as drafts write it: zh, zh-hant, en, fr, pt-br), or None."""
        if tag in ("zh", "en", "zh-hant"):
            return getattr(self, tag.replace("-", "_"))  # type: ignore[no-any-return]
        return next((words for lang, words in self.other if lang == tag), None)

    @property
    def languages(self) -> tuple[str, ...]:
        """The tags of the languages given, the other languages first (a statute's own language leads)."""
        return (*(lang for lang, _ in self.other),
                *(tag for tag in ("zh", "zh-hant", "en") if self.get(tag) is not None))


@dataclass(frozen=True, slots=True)
class Translation(Node):
    """`translation LANG STATUS`: the standing of the text's translation into one language (`translation STATUS`,
    without a language, is the document's `translation` and speaks for every translation the text carries)."""

    lang: str
    status: Term


@dataclass(frozen=True, slots=True)
class Version(Node):
    """The version of the statute a provision in force encodes: the law as at a date, and the act last amending it."""

    as_at: str | None = None
    amended_by: str | None = None
    zh: str | None = None  # the same in Chinese, where it is more than a date
    inserted: bool = False  # `inserted-by`: the act named inserted the article (it has not amended it since)


@dataclass(frozen=True, slots=True)
class Instrument(Node):
    """The instrument a document belongs to; for an amendment, the act amended and what the amendment does to it."""

    kind: Term
    target: str | None = None  # the act amended, e.g. "中华人民共和国刑法"
    inserts: str | None = None  # article number inserted, e.g. "253-2"
    after: str | None = None  # the article it follows, e.g. "253-1"
    replaces: str | None = None  # the article whose text (or whose paragraph's text) the document's text replaces
    adds_to: str | None = None  # the article the document's text is added to as paragraph `paragraph`
    paragraph: int | None = None  # the paragraph replaced, or the number of the paragraph added

    @property
    def operation(self) -> str | None:
        """insert | replace | add-paragraph, or None for a document that amends nothing."""
        return "insert" if self.inserts else "replace" if self.replaces else "add-paragraph" if self.adds_to else None

    @property
    def article(self) -> str | None:
        """The article the document's text stands at once the amendment is made."""
        return self.inserts or self.replaces or self.adds_to


@dataclass(frozen=True, slots=True)
class Protects(Node):
    primary: tuple[Term, ...]
    secondary: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class Mental(Node):
    kind: Term
    degree: Term | None = None
    rebuttal: Text | None = None  # what rebuts a presumed state of mind


@dataclass(frozen=True, slots=True)
class AsTo(Node):
    """A mental element of its own for one element of the offence (knowledge of the age, recklessness as to
    consent); the states of mind are alternatives."""

    element: Term
    states: tuple[Mental, ...]


@dataclass(frozen=True, slots=True)
class Purpose(Node):
    purposes: tuple[Term, ...]  # alternatives
    evidence: tuple[Term, ...] = ()  # how the purpose is shown


@dataclass(frozen=True, slots=True)
class Means(Node):
    means: tuple[Term, ...]
    excluding: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class ObjectAttr(Node):
    name: Term
    values: tuple[Term, ...]
    cumulative: bool = False  # values joined by "," must all hold; by "|" any one


@dataclass(frozen=True, slots=True)
class ObjectSpec(Node):
    kind: Term
    attrs: tuple[ObjectAttr, ...] = ()
    called: Text | None = None  # the statute's own words for its object (`called en "child pornography"`)

    def values(self, attr: str) -> tuple[str, ...]:
        """The term names given for one attribute, or () when the draft is silent."""
        for a in self.attrs:
            if a.name.name == attr:
                return tuple(v.name for v in a.values)
        return ()


class ComparisonOp(StrEnum):
    """How a threshold's number bounds the measure."""

    GE = ">="
    GT = ">"
    LE = "<="
    LT = "<"
    EQ = "="


class ConditionMode(StrEnum):
    """Whether any one item of a condition suffices, or all must hold."""

    ANY = "any"
    ALL = "all"


@dataclass(frozen=True, slots=True)
class Threshold(Node):
    measure: Term
    op: ComparisonOp
    amount: int
    unit: Term
    channel: Term | None = None


@dataclass(frozen=True, slots=True)
class Condition(Node):
    mode: ConditionMode
    items: tuple[Threshold | Term | Condition, ...]


@dataclass(frozen=True, slots=True)
class Tier(Node):
    name: Term
    requires: Term | None = None  # the statutory circumstance, e.g. serious-circumstances
    condition: Condition | None = None  # the numbers that make it out
    per: str | Text | None = None  # where the numbers come from: one citation, or each language's words
    # the base tier's condition binds these acts of the provision's conduct only (a limb's qualifier: art. 227-23
    # al. 4's consulting "habituellement ou en contrepartie d'un paiement", not its possessing); empty: every act
    acts: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class Exception_(Node):
    kind: Term
    conditions: tuple[Term, ...] = ()  # cumulative
    burden: Term | None = None  # who must prove it, where the statute says (a defence the accused proves)
    # the acts of the provision's conduct it applies to (England's PCA 1978 s. 1(4), a defence to distributing and
    # possessing with a view to distributing, not to making); empty: every act
    acts: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class ElementProvenance(Node):
    """`provenance paraphrase for consent`: how the text one or more elements encode was obtained, where it differs
    from the provision's own label (New Zealand's HDCA s. 22A, recalled, whose under-16 consent rule a secondary
    source states)."""

    label: Term
    elements: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Prosecution(Node):
    kind: Term
    exceptions: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class Duration(Node):
    amount: int
    unit: Term  # years or months


@dataclass(frozen=True, slots=True)
class Principal(Node):
    kind: Term
    low: Duration | None = None
    high: Duration | None = None


@dataclass(frozen=True, slots=True)
class Fine(Node):
    mode: Term
    cap: int | None = None
    unit: Term | None = None
    or_also: Term | None = None  # e.g. "or confiscation-of-property"
    floor: int | None = None  # the minimum the statute sets beside the cap (新臺幣六萬元以上), where it sets one
    and_also: Term | None = None  # a penalty ordered beside the fine: "and forfeiture" (y decomiso de los objetos)


@dataclass(frozen=True, slots=True)
class Sentence(Node):
    tier: Term
    principals: tuple[Principal, ...] = ()
    fine: Fine | None = None
    increase: tuple[int, int] | None = None  # raise the tier below by up to this fraction


@dataclass(frozen=True, slots=True)
class Duty(Node):
    name: Term
    under: Term | None = None  # the duty's legal source
    precondition: Term | None = None
    breaches: tuple[Ref, ...] = ()  # the administrative obligations whose breach the omission consists in


@dataclass(frozen=True, slots=True)
class Provision(Node):
    id: str
    jurisdiction: Term | None = None
    status: Term | None = None
    instrument: Instrument | None = None
    chapter: int | None = None
    title: Text | None = None
    sources: tuple[str | Text, ...] = ()  # a line for both languages, or each language's own
    implements: tuple[Ref, ...] = ()
    protects: Protects | None = None
    actors: tuple[Term, ...] = ()
    mental: Mental | None = None
    as_to: tuple[AsTo, ...] = ()  # mental elements per element of the offence
    # the want of right its text states (非法 / unlawfully): the treaty's own "without right", which narrows nothing
    wrongfulness: Term | None = None
    purpose: Purpose | None = None
    conduct: tuple[Term, ...] = ()
    # the offences whose financing it punishes as those offences: it reaches financing only as far as they reach
    # the act financed
    finances: tuple[Ref, ...] = ()
    means: Means | None = None
    object: ObjectSpec | None = None
    consent: Term | None = None
    # who gives the consent of a person under 18 (`consent absent minors-by parental-authority`: France's art. 226-1,
    # « le consentement doit émaner des titulaires de l'autorité parentale »); None: the statute does not say
    consent_minors: Term | None = None
    # the age under which the statute says no consent counts (`consent absent below-age 16`: New Zealand's HDCA
    # s. 22A, "a person under 16 cannot consent to the posting"); None: the statute does not say
    consent_below_age: int | None = None
    recipients: tuple[Term, ...] = ()  # to whom the conduct must be directed (alternatives); () does not limit it
    harm: Term | None = None
    duty: Duty | None = None
    tiers: tuple[Tier, ...] = ()
    exceptions: tuple[Exception_, ...] = ()
    prosecution: Prosecution | None = None
    penalties: tuple[Sentence, ...] = ()
    text: Text | None = None  # verbatim statute text, for provisions in force
    translation: Term | None = None  # status of the English in `text`
    text_of: Ref | None = None  # `text of ID`: the text is that document's; loading a set puts it in `text`
    translations: tuple[Translation, ...] = ()  # `translation LANG STATUS`, per language
    version: Version | None = None
    explanation: Text | None = None  # why an amendment changes the article, as its drafters word it (說明)
    provenance: Term | None = None  # how its text was obtained (vocabulary `provenances`: v-primary … r-memory)
    # an element's own label, where it differs: what a sentence resting on that element alone is marked with
    element_provenances: tuple[ElementProvenance, ...] = ()


@dataclass(frozen=True, slots=True)
class DefinesArticle(Node):
    """An interpretation article fixing a standard, e.g. what 'identifiable' means."""

    number: int
    standard: Term
    value: Term
    evidence: tuple[Term, ...] = ()


@dataclass(frozen=True, slots=True)
class TierArticle(Node):
    """An interpretation article enumerating the circumstances of a provision's tier."""

    number: int
    tier: Term
    provision: Ref
    condition: Condition
    catch_all: bool = False  # the list ends with 其他……的情形, the circumstances the court leaves open


@dataclass(frozen=True, slots=True)
class EvidenceArticle(Node):
    """An interpretation article ruling how a fact is proved."""

    number: int
    fact: Term
    evidence: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class TextArticle(Node):
    number: int
    text: Text


@dataclass(frozen=True, slots=True)
class PresumptionArticle(Node):
    """An interpretation article presuming a state of mind from circumstances, with what rebuts the presumption."""

    number: int
    mental: Term
    provision: Ref
    condition: Condition
    rebuttal: Text | None = None


@dataclass(frozen=True, slots=True)
class DeemingArticle(Node):
    """An interpretation article deeming a duty breached from circumstances, e.g. logs not kept (adverse inference)."""

    number: int
    duty: Term
    provision: Ref
    condition: Condition


@dataclass(frozen=True, slots=True)
class MitigationArticle(Node):
    """An interpretation article naming circumstances, such as working compliance, that mitigate the punishment."""

    number: int
    provision: Ref
    condition: Condition


JIArticle = (DefinesArticle | TierArticle | EvidenceArticle | TextArticle | PresumptionArticle | DeemingArticle
             | MitigationArticle)
# Interpretation articles that name the provision they apply to.
REFERRING_ARTICLES = (TierArticle, PresumptionArticle, DeemingArticle, MitigationArticle)


@dataclass(frozen=True, slots=True)
class Interpretation(Node):
    id: str
    jurisdiction: Term | None = None
    status: Term | None = None
    title: Text | None = None
    sources: tuple[str | Text, ...] = ()  # a line for both languages, or each language's own
    issuers: tuple[Term, ...] = ()
    interprets: tuple[Ref, ...] = ()
    preamble: Text | None = None
    articles: tuple[JIArticle, ...] = ()
    # The frame, as the file states it: never composed from anything else.
    stage: Term | None = None  # draft-for-comment: a court's own draft published for comment (征求意见稿)
    number: Stated | None = None  # the document number: 法释〔2010〕3号
    adopted: Text | None = None  # the adoption line, without its parentheses
    commencement: Stated | OnPublication | None = None  # its commencement article: a date (YYYY-MM-DD), or publication
    supersedes: bool = False  # the article: 以前发布的司法解释与本解释不一致的，以本解释为准


@dataclass(frozen=True, slots=True)
class ObligationTier(Node):
    """The measures one tier of an obligation requires, of every holder or only of the platform classes named."""

    name: Term
    classes: tuple[Term, ...]
    measures: tuple[Term, ...]


@dataclass(frozen=True, slots=True)
class Sanction(Node):
    """An administrative sanction: a fine range, or a reference to the sanctions of other laws."""

    kind: Term
    low: int | None = None
    high: int | None = None
    unit: Term | None = None
    per: str | Text | None = None  # where the figures come from: one citation, or each language's words


@dataclass(frozen=True, slots=True)
class Obligation(Node):
    """An administrative duty: who bears it, what it requires (by tier), and its sanction."""

    id: str
    jurisdiction: Term | None = None
    status: Term | None = None
    instrument: Instrument | None = None
    title: Text | None = None
    sources: tuple[str | Text, ...] = ()  # a line for both languages, or each language's own
    holders: tuple[Term, ...] = ()
    duty: Duty | None = None
    # an administrative prohibition: the conduct it forbids with the object, read by the checker as a measure that is
    # no criminal offence (CSEPA art. 39 ¶3's fine on first possession)
    conduct: tuple[Term, ...] = ()
    object: ObjectSpec | None = None
    tiers: tuple[ObligationTier, ...] = ()
    # its sanctions, the principal first (a fine), then those laid down beside it (CSEPA art. 39 ¶3: an order to
    # receive counselling education, the forfeiture of the items)
    sanctions: tuple[Sanction, ...] = ()
    text: Text | None = None  # verbatim text, for obligations in force
    translation: Term | None = None
    text_of: Ref | None = None  # as a provision's
    translations: tuple[Translation, ...] = ()  # `translation LANG STATUS`, per language
    version: Version | None = None
    explanation: Text | None = None  # why an amendment changes the article, as its drafters word it (說明)
    provenance: Term | None = None  # how its text was obtained, as a provision's

    @property
    def sanction(self) -> Sanction | None:
        """The principal sanction: the first the obligation lays down."""
        return self.sanctions[0] if self.sanctions else None


@dataclass(frozen=True, slots=True)
class Rule(Node):
    """A rule of a code's general part (participation, attempt, preparation, liability of legal persons), with its
    verbatim text, so that a report can cite it and a bill can amend it."""

    id: str
    jurisdiction: Term | None = None
    status: Term | None = None
    instrument: Instrument | None = None
    title: Text | None = None
    sources: tuple[str | Text, ...] = ()  # a line for both languages, or each language's own
    kind: Term | None = None  # complicity, attempt, preparation, legal-persons, …
    reaches_all: bool = False  # `reaches all`: every offence of the code
    reaches: tuple[Ref, ...] = ()  # or only the provisions named
    punishes: tuple[Term, ...] = ()  # a legal-persons rule: how the unit and the persons in charge answer
    text: Text | None = None
    translation: Term | None = None
    text_of: Ref | None = None  # as a provision's: one section holding two rules (attempt and aiding) quoted once
    translations: tuple[Translation, ...] = ()
    version: Version | None = None
    explanation: Text | None = None  # why an amendment changes the article, as its drafters word it (說明)
    provenance: Term | None = None  # how its text was obtained, as a provision's

    def reaches_provision(self, provision_id: str) -> bool:
        """Whether the rule applies to the offence of this provision id (a paragraph id counts under its article)."""
        return self.reaches_all or any(provision_id == r.id or provision_id.startswith(r.id + ".")
                                       for r in self.reaches)


@dataclass(frozen=True, slots=True)
class Deletion(Node):
    """A bill's item deleting an article, or one of its paragraphs, of the act the bill amends (删去刑法第X条第Y款)."""

    article: str
    paragraph: int | None = None


@dataclass(frozen=True, slots=True)
class Amendment(Node):
    """A bill amending one act: the amendments of the set it gathers, by id, and its deletions, in the order it numbers
    them, and its commencement as the bill words it."""

    id: str
    jurisdiction: Term | None = None
    status: Term | None = None
    title: Text | None = None  # given only where the bill's own title is not the pack's form (an enacted amendment)
    office: Text | None = None  # the drafting office's line on the cover, as the file states it
    sources: tuple[str | Text, ...] = ()  # a line for both languages, or each language's own
    amends: Term | None = None  # the act amended, as the pack names its instruments: criminal-law
    number: int | None = None  # the amendment's number: 13 for 刑法修正案（十三）
    items: tuple[Ref | Deletion, ...] = ()
    commencement: Text | None = None
    # What the items name, once a set is loaded (language/resolve.py): the documents themselves, and the deletions.
    gathered: tuple[Provision | Obligation | Rule | Deletion, ...] = field(default=(), compare=False, repr=False)


Document = Provision | Interpretation | Obligation | Rule | Amendment


@dataclass(frozen=True, slots=True)
class DraftFile(Node):
    path: str = field(compare=False)
    documents: tuple[Document, ...] = ()


class TreeNeeded(Exception):
    """A sketch was asked for a field it does not hold: the caller reads the whole drafts instead."""


class _Partial:
    """A node of a sketch (see Sketch): it holds the fields its class names in __stored_fields__ (which resources
    stores), and reading any other field of the node it stands for raises TreeNeeded."""

    __slots__ = ()
    __stored_fields__: tuple[str, ...] = ()
    __missing_fields__: frozenset[str] = frozenset()

    def __getattr__(self, name: str) -> object:
        if name in self.__missing_fields__:
            raise TreeNeeded(f"{name} of a sketched {type(self).__mro__[2].__name__}")
        raise AttributeError(name)

    # equal to another node as the node it stands for would be: which takes the fields it does not hold
    def __eq__(self, other: object) -> bool:
        if other is self:
            return True
        raise TreeNeeded(f"equality of a sketched {type(self).__mro__[2].__name__}")

    def __hash__(self) -> int:
        raise TreeNeeded(f"hash of a sketched {type(self).__mro__[2].__name__}")


# What checking a set reads of a provision besides its cached grades and facts: ids, statuses and texts (the set's
# key, `text of`), its sources (an option's note cites them), what lint's rules across files read, and what a report
# prints; of its tiers their names (lint E215), of its object and prosecution their kinds and spans (which a check's
# notes cite); the offences it finances (E206, and how far a financing offence reaches); its consent element, who gives
# a minor's consent, the age under which no consent counts, and its exceptions' kinds, conditions and spans (what
# Art. 16(4)'s note on a minor's consent reads, and cites).
SKETCHED = ("span", "id", "jurisdiction", "status", "instrument", "implements", "mental", "duty", "tiers", "object",
            "prosecution", "text", "text_of", "version", "provenance", "sources", "finances", "consent",
            "consent_minors", "consent_below_age", "exceptions",
            "conduct",  # conduct: a paragraph no provision meets names those that punish its acts for other material
            "purpose",  # its purposes: a purpose the set's other provisions make up is said so
            "actors",  # whether its words name who commits it (Art. 18(1): silence leaves legal persons to a reviewer)
            "element_provenances",  # an element's own label: the 16(4) and 18(3) sentences resting on one element
            "penalties")  # whether it fines (Art. 18(4)): its lines' tiers and kinds of punishment (SentenceSketch)


def _missing(cls: type, kept: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.name for f in fields(cls)) - set(kept)


class TermSketch(_Partial, Term):
    """A term of a sketch: its name and section without its place in the draft (a sketch holds ten terms, and a span
    weighs more than the term); equal to a whole term as terms are, by name and section."""

    __slots__ = ()
    __stored_fields__ = ("name", "section")
    __missing_fields__ = frozenset({"span"})

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Term):
            return (self.name, self.section) == (other.name, other.section)
        return NotImplemented

    def __hash__(self) -> int:
        return hash((self.name, self.section))


_TERMS: dict[tuple[str, str], TermSketch] = {}  # a term sketched is the same for every provision: made once


def _term(t: Term | None) -> Term | None:
    if t is None:
        return None
    made = _TERMS.get((t.name, t.section))
    if made is None:
        made = _TERMS[(t.name, t.section)] = object.__new__(TermSketch)
        object.__setattr__(made, "name", t.name)
        object.__setattr__(made, "section", t.section)
    return made


_ATTRS: dict[object, object] = {}  # a sketched object attribute (or tuple of them), made once for every provision


def _attrs(attrs: tuple[ObjectAttr, ...]) -> tuple[ObjectAttr, ...]:
    """An object's attributes sketched: their names and values as sketched terms, without their places; equal
    attributes (as nodes are: spans aside) are one object, and so are equal tuples of them."""
    sketches = (replace(a, name=_term(a.name), span=None, values=tuple(map(_term, a.values))) for a in attrs)
    made = tuple(_ATTRS.setdefault(a, a) for a in sketches)
    return _ATTRS.setdefault(made, made)  # type: ignore[return-value]


class InstrumentSketch(_Partial, Instrument):
    """An instrument of a sketch: every field but its place in the draft, so one object for every provision that
    names the same instrument alike; equal to a whole instrument as instruments are (their places aside)."""

    __slots__ = ()
    __stored_fields__ = ("kind", "target", "inserts", "after", "replaces", "adds_to", "paragraph")
    __missing_fields__ = frozenset({"span"})

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Instrument):
            return _values(self) == _values(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(_values(self))


def _values(i: Instrument) -> tuple[object, ...]:
    return tuple(getattr(i, name) for name in InstrumentSketch.__stored_fields__)


_INSTRUMENTS: dict[tuple[object, ...], InstrumentSketch] = {}


def _instrument(i: Instrument | None) -> Instrument | None:
    if i is None:
        return None
    key = (_term(i.kind), *_values(i)[1:])
    made = _INSTRUMENTS.get(key)
    if made is None:
        made = _INSTRUMENTS[key] = _sketch(i, InstrumentSketch, kind=key[0])  # type: ignore[assignment]
    return made


class TierSketch(_Partial, Tier):
    __slots__ = ()
    # whether a tier is qualified, and the acts a base tier's condition binds (conformance)
    __stored_fields__ = ("span", "name", "requires", "condition", "acts")
    __missing_fields__ = _missing(Tier, __stored_fields__)


class ObjectSketch(_Partial, ObjectSpec):
    __slots__ = ()
    __stored_fields__ = ("span", "kind", "attrs")  # attrs: a reason states a provision's own test (virtual-test)
    __missing_fields__ = _missing(ObjectSpec, __stored_fields__)


class ExceptionSketch(_Partial, Exception_):
    __slots__ = ()
    __stored_fields__ = ("span", "kind", "conditions", "acts")
    __missing_fields__ = _missing(Exception_, __stored_fields__)


class PrincipalSketch(_Partial, Principal):
    __slots__ = ()
    __stored_fields__ = ("kind",)
    __missing_fields__ = _missing(Principal, __stored_fields__)


class FineSketch(_Partial, Fine):
    __slots__ = ()
    __stored_fields__ = ("mode",)
    __missing_fields__ = _missing(Fine, __stored_fields__)


class SentenceSketch(_Partial, Sentence):
    """A penalty line of a sketch: its tier and the kinds of its punishments, whether it fines (Art. 18(4)); the
    terms and amounts stay in the tree. Without spans, one sketch serves every provision whose line is the same."""

    __slots__ = ()
    __stored_fields__ = ("tier", "principals", "fine")
    __missing_fields__ = _missing(Sentence, __stored_fields__)


class PurposeSketch(_Partial, Purpose):
    __slots__ = ()
    __stored_fields__ = ("purposes",)
    __missing_fields__ = _missing(Purpose, __stored_fields__)


class ProsecutionSketch(_Partial, Prosecution):
    __slots__ = ()
    __stored_fields__ = ("span", "kind", "exceptions")
    __missing_fields__ = _missing(Prosecution, __stored_fields__)


class ConditionSketch(_Partial, Condition):
    __slots__ = ()
    __stored_fields__ = ("span", "mode")
    __missing_fields__ = _missing(Condition, __stored_fields__)


class TierArticleSketch(_Partial, TierArticle):
    __slots__ = ()
    __stored_fields__ = ("span", "number", "tier", "provision", "condition", "catch_all")
    __missing_fields__ = _missing(TierArticle, __stored_fields__)


class PresumptionArticleSketch(_Partial, PresumptionArticle):
    __slots__ = ()
    __stored_fields__ = ("span", "number", "mental", "provision", "condition", "rebuttal")
    __missing_fields__ = _missing(PresumptionArticle, __stored_fields__)


class DeemingArticleSketch(_Partial, DeemingArticle):
    __slots__ = ()
    __stored_fields__ = ("span", "number", "duty", "provision", "condition")
    __missing_fields__ = _missing(DeemingArticle, __stored_fields__)


class MitigationArticleSketch(_Partial, MitigationArticle):
    __slots__ = ()
    __stored_fields__ = ("span", "number", "provision", "condition")
    __missing_fields__ = _missing(MitigationArticle, __stored_fields__)


# An interpretation's articles with their conditions reduced to their modes: what lint's rules across files read
# (the provisions and tiers they name, E215 and E232); its title, sources and preamble are for its own file's rules.
INTERPRETATION_SKETCHED = ("span", "id", "jurisdiction", "status", "issuers", "interprets", "articles", "stage",
                           "number", "adopted", "commencement", "supersedes")
_ARTICLE_SKETCHES: dict[type, type[_Partial]] = {
    TierArticle: TierArticleSketch, PresumptionArticle: PresumptionArticleSketch,
    DeemingArticle: DeemingArticleSketch, MitigationArticle: MitigationArticleSketch}


class InterpretationSketch(_Partial, Interpretation):
    __slots__ = ()
    __stored_fields__ = INTERPRETATION_SKETCHED
    __missing_fields__ = _missing(Interpretation, INTERPRETATION_SKETCHED)


class Sketch(_Partial, Provision):
    """A provision of a draft that did not change since the last check, reduced to the fields in SKETCHED: a
    re-check reads it from the cache instead of the whole tree (its grades and facts are cached too). Any other field
    raises TreeNeeded, and the command then checks the whole trees: a sketch makes a check cheaper, never
    different."""

    __slots__ = ()
    __stored_fields__ = SKETCHED
    __missing_fields__ = _missing(Provision, SKETCHED)


_SENTENCES: dict[tuple[object, ...], SentenceSketch] = {}  # a penalty line sketched, made once for every provision


def _sentence(s: Sentence) -> SentenceSketch:
    key = (s.tier.name, s.tier.section, tuple((x.kind.name, x.kind.section) for x in s.principals),
           None if s.fine is None else (s.fine.mode.name, s.fine.mode.section))
    made = _SENTENCES.get(key)
    if made is None:
        fine = s.fine and _sketch(s.fine, FineSketch, mode=_term(s.fine.mode))
        made = _SENTENCES[key] = _sketch(s, SentenceSketch, tier=_term(s.tier), fine=fine,  # type: ignore[assignment]
                                         principals=tuple(_sketch(x, PrincipalSketch, kind=_term(x.kind))
                                                          for x in s.principals))
    return made


# A tuple of a sketch's whose items are the same for every provision naming them alike (terms and penalty lines
# sketched, each made once; lines of sources), one object for all: a large set repeats a few.
_TUPLES: dict[tuple[object, ...], tuple[object, ...]] = {}


def _terms(terms: tuple[Term, ...]) -> tuple[Term, ...]:
    made = tuple(map(_term, terms))
    return _TUPLES.setdefault(made, made)  # type: ignore[return-value]


def _sentences(lines: tuple[Sentence, ...]) -> tuple[Sentence, ...]:
    made = tuple(map(_sentence, lines))
    # a sketched line hashes as no node (it raises TreeNeeded): named by identity, each being made once
    return _TUPLES.setdefault((_sentences, *map(id, made)), made)  # type: ignore[return-value]


def _sources(sources: tuple[str | Text, ...]) -> tuple[str | Text, ...]:
    if not all(type(s) is str for s in sources):  # a language's own line is a Text, which stands at its place
        return sources
    return _TUPLES.setdefault(sources, sources)  # type: ignore[return-value]


def _sketch(node: Node, cls: type[_Partial], **parts: object) -> object:
    made = object.__new__(cls)
    for name in cls.__stored_fields__:
        object.__setattr__(made, name, parts[name] if name in parts else getattr(node, name))
    return made


def sketched(draft: DraftFile) -> DraftFile:
    """The draft with each provision and interpretation sketched (a provision whose text is another's, `text of`,
    stays whole: resolving it makes a new provision)."""
    def article(a: JIArticle) -> JIArticle:
        cls = _ARTICLE_SKETCHES.get(type(a))
        if cls is None:
            return a
        return _sketch(a, cls, condition=_sketch(a.condition, ConditionSketch))  # type: ignore[attr-defined,return-value]

    def one(doc: Document) -> Document:
        if type(doc) is Interpretation:
            return _sketch(doc, InterpretationSketch,  # type: ignore[return-value]
                           articles=tuple(article(a) for a in doc.articles))
        if type(doc) is not Provision or doc.text_of is not None:
            return doc
        return _sketch(doc, Sketch,  # type: ignore[return-value]
                       jurisdiction=_term(doc.jurisdiction), status=_term(doc.status),
                       provenance=_term(doc.provenance), conduct=_terms(doc.conduct), actors=_terms(doc.actors),
                       penalties=_sentences(doc.penalties), sources=_sources(doc.sources),
                       instrument=_instrument(doc.instrument),
                       mental=doc.mental and replace(doc.mental, kind=_term(doc.mental.kind),
                                                     degree=_term(doc.mental.degree)),
                       tiers=tuple(_sketch(t, TierSketch, name=_term(t.name), requires=_term(t.requires),
                                           condition=t.condition and _sketch(t.condition, ConditionSketch),
                                           acts=tuple(map(_term, t.acts)))
                                   for t in doc.tiers),
                       object=doc.object and _sketch(doc.object, ObjectSketch, kind=_term(doc.object.kind),
                                                     attrs=_attrs(doc.object.attrs)),
                       exceptions=tuple(_sketch(e, ExceptionSketch, kind=_term(e.kind),
                                                conditions=tuple(map(_term, e.conditions)),
                                                acts=tuple(map(_term, e.acts))) for e in doc.exceptions),
                       purpose=doc.purpose and _sketch(doc.purpose, PurposeSketch,
                                                       purposes=tuple(map(_term, doc.purpose.purposes))),
                       prosecution=doc.prosecution and _sketch(doc.prosecution, ProsecutionSketch,
                                                               kind=_term(doc.prosecution.kind),
                                                               exceptions=tuple(map(_term,
                                                                                    doc.prosecution.exceptions))))

    return DraftFile(draft.path, tuple(one(d) for d in draft.documents), span=draft.span)
