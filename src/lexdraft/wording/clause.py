"""The clause model: an offence article's parts decided once, as data, and the contract each language's wording keeps.

`offence(p)` reads a provision into a small tree of typed parts (who, knowledge, purposes, means, the conduct
chain or the omission, the object and its definition, consent, harm, tiers with their triggers and penalties,
unit liability, exceptions, prosecution). A `ClauseWording` (zh.py, en.py) says every part in one language and
style; `article` assembles the parts into the statute's paragraphs. Every decision that is not about words —
which acts a purpose governs, which tier may end in a list, which exceptions exist — is made here, so the
languages cannot drift apart on it.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from dataclasses import dataclass, fields

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .citations import article_id
from .words import join_alternatives

# How each exception reads in the article: an act done for a purpose, or a kind of work
# that falls outside the object. Exceptions missing here cannot be phrased (E402).
# How an exception's vocabulary entry says it is worded (`form:` in the exceptions section, so a pack's vocabulary can
# give its own): an act done as the label says (依法履行职责而实施 / in the lawful performance of official duties), an
# act done for the label's purpose (为……而实施 / for …), or a kind of work outside the object.
EXCEPTION_FORMS = ("act", "purpose", "work")

# Conduct that names its own object (发布信息, 设立网站、通讯群组): the statute's structure around them
# (a list of acts, a helper's knowledge of another's crime) is beyond composition, so an object beside
# them cannot be worded without misstating the law (E402).
_SELF_CONTAINED_CONDUCT = {
    "coerce-sexual-exposure", "set-up-website-or-group", "publish-information",
    "provide-technical-support", "provide-advertising-or-payment",
}

# `depicts` values that describe the content itself (art. 367: 具体描绘性行为、露骨宣扬色情): they
# modify the noun directly instead of following 描绘 / "depicts".
_CONTENT_DEPICTIONS = {"sexual-acts-concretely", "explicit-pornography"}

# Object attributes a definition words, in the order the model keeps them.
DEFINED_ATTRIBUTES = ("depicts", "person", "origin", "medium", "virtual-test", "identifiable-by", "standard",
                      "privacy", "age-test", "place", "obtained")

# Attributes predicated of the object by a frame of each wording (能够被{v}识别 / is capable of being identified by
# {v}); an interpretation can define only these.
FRAMED_ATTRIBUTES = ("identifiable-by", "privacy", "standard")

# Treaty verbs of spreading: a purpose of dissemination governs the making, never the spreading itself.
_SPREADING = {"distribute", "transmit", "broadcast", "display", "publish", "make-available", "sell"}

# Means that make the object synthetic. With one of them the offence clause already says the object is synthesized
# (and the spreading limb refers back to that making), so a definition repeating `origin synthetic` would be
# circular: 合成……合成的图像 / synthesizes … a synthetic image.
_SYNTHESIZING_MEANS = {"ai-synthesis", "computer-synthesis"}


# ------------------------------------------------------------------ the parts

@dataclass(frozen=True)
class Who:
    """Who can commit the offence: a special subject (网络服务提供者), else whoever; and whether units can."""

    subject: A.Term | None
    units: bool = False


@dataclass(frozen=True)
class Knowledge:
    """Knowledge the statute states (明知 / knowingly); presumed: 明知或者应当知道 / knows or should know.

    Intent needs no words: the general part makes it the default (PRC art. 14, Taiwan art. 12), so the model
    holds no part for it."""

    presumed: bool


@dataclass(frozen=True)
class Acts:
    """The conduct chain: the acts a purpose governs, then acts of spreading that need no purpose (TW art. 319-4).

    The spreading acts are a limb of their own, never under the purpose, and their object is the one made by the
    governed acts in the way the clause states (……的，或者传播以前述方式制作的…… / or whoever disseminates … made in
    that way): 该图像 / "such an image" would leave open which image is meant."""

    governed: tuple[A.Term, ...]
    spreading: tuple[A.Term, ...] = ()


@dataclass(frozen=True)
class Omission:
    """A duty not performed (不履行……义务): the duty, the law that prescribes it, and its precondition."""

    duty: A.Term
    under: A.Term | None
    precondition: A.Term | None


@dataclass(frozen=True)
class Thing:
    """The object as the offence clause names it: its kind, or the persons a person object is restricted to."""

    kind: A.Term
    persons: tuple[A.Term, ...] = ()
    own: bool = False  # the jurisdiction's own object, which its pack names (兒童或少年之性影像) and its law defines


@dataclass(frozen=True)
class Values:
    """An object attribute's values; cumulative ones join with 和 / and, the others are alternatives."""

    terms: tuple[A.Term, ...]
    cumulative: bool = False


@dataclass(frozen=True)
class Definition:
    """The paragraph defining the object (本条所称……，是指…… / For the purposes of this Article, …)."""

    kind: A.Term
    depicts: Values | None
    person: Values | None
    origin: Values | None
    medium: Values | None
    virtual_test: Values | None
    identifiable_by: Values | None
    standard: Values | None
    privacy: Values | None
    age_test: Values | None = None  # how the age of the person depicted is established (its own sentence)
    place: Values | None = None  # where the image was made
    obtained: Values | None = None  # how the offender came by it
    # the virtual test's scope, a sentence after it: 描绘真实存在的未成年人的合成材料，不受前款条件限制
    virtual_scope: tuple[A.Term, ...] = ()

    def values(self, attribute: str) -> Values | None:
        """An attribute's values by its name in the language (`identifiable-by`)."""
        value: Values | None = getattr(self, attribute.replace("-", "_"))
        return value

    @property
    def listed(self) -> bool:
        """More than two depictions are enumerated, and a list can only close the sentence."""
        return self.depicts is not None and len(self.depicts.terms) > 2

    @property
    def content(self) -> bool:
        """Every depiction describes the content itself (具体描绘性行为), not what the object depicts."""
        return self.depicts is not None and all(v.name in _CONTENT_DEPICTIONS for v in self.depicts.terms)


@dataclass(frozen=True)
class Circumstance:
    """A tier brought in by a named circumstance (情节严重的 / where the circumstances are serious)."""

    term: A.Term


@dataclass(frozen=True)
class Numbers:
    """A tier brought in by its numbers: inline, or (listed, the last tier only) a lead-in and a list."""

    condition: A.Condition
    listed: bool


@dataclass(frozen=True)
class TierName:
    """A tier brought in by the words of the tier itself (the `tiers` section of the vocabulary)."""

    tier: A.Term


Trigger = Circumstance | Numbers | TierName


def mode_of_trial(t: Trigger | None) -> bool:
    """A tier that is a mode of trial (on summary conviction, on conviction on indictment): its words stand alone."""
    return isinstance(t, TierName) and bool((vocabulary().entry("tiers", t.tier.name) or {}).get("mode-of-trial"))


@dataclass(frozen=True)
class Tier:
    """One punishment: what brings it into play (none for the base tier without a condition) and the sentence."""

    trigger: Trigger | None
    sentence: A.Sentence


@dataclass(frozen=True)
class Exception_:
    """An act done for a purpose, or a kind of work outside the object, with the conditions it must meet."""

    kind: A.Term
    form: str  # act | purpose | work
    conditions: tuple[A.Term, ...]
    burden: A.Term | None = None  # who must prove it, where the statute says (its own sentence after the exception)
    acts: tuple[A.Term, ...] = ()  # the conduct terms it applies to; empty: every act of the offence


@dataclass(frozen=True)
class Prosecution:
    """A prosecution other than public (告诉的才处理 / only upon complaint), with its exceptions."""

    kind: A.Term
    exceptions: tuple[A.Term, ...]


@dataclass(frozen=True)
class Offence:
    """An offence article, decided once; every part here must be said by every wording."""

    who: Who
    knowledge: Knowledge | None
    purposes: tuple[A.Term, ...]
    means: tuple[A.Term, ...]
    conduct: Acts | Omission
    object: Thing | None
    consent: A.Term | None  # an element: the act is done without consent
    harm: A.Term | None
    tiers: tuple[Tier, ...]
    exceptions: tuple[Exception_, ...]
    prosecution: Prosecution | None
    regardless_of_consent: A.Term | None  # the article applies whether or not the person consented
    definition: Definition | None
    as_to: tuple[A.AsTo, ...] = ()  # a mental element of its own for one element (knowledge of the nature, …)
    wrongfulness: A.Term | None = None  # the want of right the text states before the acts (非法 / unlawfully)
    consent_minors: A.Term | None = None  # who gives the consent of a person under 18 (holders of parental authority)
    consent_below_age: int | None = None  # the age under which no person can give the consent
    # to whom the acts must be directed (向不特定人或者多数人 / to the public); in an offence with a limb of making
    # and one of spreading, the spreading only: nothing is made to anyone
    recipients: tuple[A.Term, ...] = ()


def age_tests(v: Values, lang: str) -> str:
    """The ages a definition names, by the vocabulary's `definition` words of each age test (实际年龄或者看上去的年龄 /
    their actual age or the age they appear to be); E402 at a test the vocabulary gives none for."""
    words = []
    for t in v.terms:
        given = ((vocabulary().entry(t.section, t.name) or {}).get("definition") or {}).get(lang)
        if not given:
            raise fail("E402", f"no {lang} wording to define the age test `{t.name}`", t.span,
                       "give the test `definition: {en: …, zh: …}` in the vocabulary (object-attributes.age-test)")
        words.append(str(given))
    return join_alternatives(words, lang)


# ------------------------------------------------------------------ reading a provision into the model

def who_of(p: A.Provision) -> Who:
    """The first special actor is the subject; natural persons and units are whoever."""
    special = [a for a in p.actors if a.name not in {"natural-person", "unit"}]
    return Who(special[0] if special else None, any(a.name == "unit" for a in p.actors))


def thing_of(p: A.Provision) -> Thing | None:
    """A person object names its persons, unless they are any person (which restricts nothing: 他人)."""
    obj = p.object
    if obj is None:
        return None
    if obj.kind.name == "person":
        people = next((a for a in obj.attrs if a.name.name == "person"), None)
        if people is not None and [v.name for v in people.values] != ["any-person"]:
            return Thing(obj.kind, people.values)
    return Thing(obj.kind, own=_named(p))


def _named(p: A.Provision) -> bool:
    """Whether the provision's jurisdiction names its object in its own law's words (pack `wording: objects:`)."""
    pack = packs.pack(p.jurisdiction.name) if p.jurisdiction is not None else None
    return p.object is not None and pack is not None and p.object.kind.name in pack.words("zh").objects


def _acts(p: A.Provision) -> Acts:
    """Conduct the purpose of dissemination governs, and dissemination that needs no purpose (cf. TW art. 319-4)."""
    conduct = tuple(p.conduct)
    if not p.purpose or "dissemination" not in {t.name for t in p.purpose.purposes}:
        return Acts(conduct)
    spreading = tuple(c for c in conduct
                      if set((vocabulary().entry("conduct", c.name) or {}).get("covers", ())) & _SPREADING)
    making = tuple(c for c in conduct if c not in spreading)
    return Acts(making, spreading) if making and spreading else Acts(conduct)


def _trigger(p: A.Provision, tier: A.Term, last: bool) -> Trigger | None:
    """A tier's circumstance, else its numbers, else the tier's own words; the plain base tier needs none."""
    decl = next((t for t in p.tiers if t.name.name == tier.name), None)
    if decl is not None and decl.requires is not None:
        return Circumstance(decl.requires)
    if decl is not None and decl.condition is not None and decl.condition.items:
        return Numbers(decl.condition, listed=len(decl.condition.items) > 2 and last)
    if tier.name == "base":
        return None
    if tier.name == "aggravated" or vocabulary().entry("tiers", tier.name) is None:
        raise fail("E406", f"the `{tier.name}` tier has no circumstance to name it in the statute text", tier.span,
                   f"declare `tier {tier.name} requires <circumstance>` or give its `when` condition")
    return TierName(tier)


def _means(p: A.Provision) -> tuple[A.Term, ...]:
    """The means the text states. Any means goes without saying, unless a new article states it as its
    jurisdiction's statutes do (以網際網路或其他方法); a means listed beside any means limits nothing, so it is not
    said either: 'by means of an ICT system' would put on every act a limit the provision does not have."""
    ms = tuple(p.means.means) if p.means else ()
    if any(m.name == "any-means" for m in ms) and not any(_said(p, m) for m in ms if m.name == "any-means"):
        return ()
    return tuple(m for m in ms if m.name != "any-means" or _said(p, m))


def _said(p: A.Provision, means: A.Term) -> bool:
    """Whether a new article states a means in the words its jurisdiction's pack gives (`wording: zh: means:`): a
    provision in force, or its amendment, says no more than its own text."""
    pack = packs.pack(p.jurisdiction.name) if p.jurisdiction is not None else None
    new = p.instrument is not None and p.instrument.operation == "insert"
    return new and pack is not None and means.name in pack.words("zh").means


def definition_of(p: A.Provision) -> Definition | None:
    """The object's definition; none for a person object or an object with nothing to define."""
    obj = p.object
    if obj is None or obj.kind.name == "person" or _named(p):  # the law's own object: its law defines it
        return None
    for a in obj.attrs:
        if a.name.name not in DEFINED_ATTRIBUTES:
            raise fail("E402", f"no wording for the object attribute `{a.name.name}`", a.name.span,
                       "the renderer words " + ", ".join(DEFINED_ATTRIBUTES))
    attrs = {a.name.name: Values(a.values, a.cumulative) for a in obj.attrs}
    origin = attrs.get("origin")
    means = {m.name for m in p.means.means} if p.means else set()
    if origin is not None and [t.name for t in origin.terms] == ["synthetic"] and means & _SYNTHESIZING_MEANS:
        del attrs["origin"]
    if "person" in attrs:
        attrs["person"] = _joined_ages(attrs["person"])
    if not attrs.keys() - {"virtual-test"}:
        return None
    scope: tuple[A.Term, ...] = ()
    if "virtual-test" in attrs:  # a term saying where the test applies is a sentence of its own, not a condition
        test = attrs["virtual-test"]
        scope = tuple(t for t in test.terms if (vocabulary().entry("object-attributes.virtual-test", t.name)
                                                or {}).get("scope"))
        attrs["virtual-test"] = Values(tuple(t for t in test.terms if t not in scope), test.cumulative)
    return Definition(obj.kind, *(attrs.get(name) for name in DEFINED_ATTRIBUTES), virtual_scope=scope)


def _joined_ages(persons: Values) -> Values:
    """Alternative age bands that join into one the vocabulary names are said as that one: 'a person under 16 years
    of age or a person aged 16 or 17' is 'a person under 18 years of age' (a suggested amendment extending an
    offence to 16 and 17 adds the band beside the statute's own)."""
    if persons.cumulative or len(persons.terms) < 2:
        return persons
    people = vocabulary().section("object-attributes.person")
    bands = [people.get(t.name) or {} for t in persons.terms]
    if any("ages" not in b or "sex" in b for b in bands):
        return persons
    # by start, then end, a band without an end (any-person: 0 and up) last among those starting with it
    ranges = sorted(((b["ages"][0], b["ages"][1]) for b in bands),
                    key=lambda r: (r[0], float("inf") if r[1] is None else r[1]))
    lo, hi = ranges[0]
    for start, end in ranges[1:]:
        if hi is None or start > hi:
            return persons  # a gap, or a band past one without an end: no one term says it
        hi = None if end is None else max(hi, end)
    named = [n for n, e in people.items() if isinstance(e, dict) and "sex" not in e
             and tuple(e.get("ages") or ()) == (lo, hi)]
    return Values((A.Term(named[0], persons.terms[0].section, span=persons.terms[0].span),)) if named else persons


def offence(p: A.Provision) -> Offence:
    """The provision's offence article as the model holds it, checked for what no wording could say."""
    if not p.penalties:
        raise fail("E407", "the provision has no penalty, so no statute text can be written", p.span,
                   "add `penalty base ...`")
    article_id(p)
    sentences = list(p.penalties)
    # a hybrid offence's penalties are its maxima on summary conviction and on indictment, with no base tier
    hybrid = all((vocabulary().entry("tiers", s.tier.name) or {}).get("mode-of-trial") and s.increase is None
                 for s in sentences)
    if not hybrid and (sentences[0].tier.name != "base" or sentences[0].increase is not None):
        raise fail("E407", "the first penalty line must be the `base` tier with its punishments",
                   sentences[0].span, "start the penalty with `base imprisonment ...`, or give a hybrid offence's "
                   "maxima as `summary …` and `indictment …` lines only")
    own = [c for c in p.conduct if c.name in _SELF_CONTAINED_CONDUCT]
    if own and p.object is not None and p.duty is None:
        raise fail("E402", f"the conduct `{own[0].name}` names its own object, so it cannot be worded together with "
                   f"the object `{p.object.kind.name}`", own[0].span,
                   "quote the statute's own words in a `text` block; the renderer prints them verbatim")
    # Elements no drafting style words yet: stated, they would vanish from the composed text, so they stop it.
    unworded = [(f"the state of mind `{p.mental.kind.name}`", p.mental.span)] if p.mental is not None and \
        p.mental.kind.name in {"recklessness", "reason-to-believe", "strict-liability"} else []
    unworded += [(f"a mental element as to {a.element.name}", a.span) for a in p.as_to
                 if any(m.kind.name == "strict-liability" for m in a.states)]
    if unworded:
        what, span = unworded[0]
        raise fail("E402", f"no statute wording for {what}", span,
                   "quote the statute's own words in a `text` block; the renderer prints them verbatim")
    knowledge = None
    if p.mental is not None and p.mental.kind.name == "knowledge":
        if p.object is None:
            # 明知 needs what is known (明知是……而……); without an object no wording can say it.
            raise fail("E402", "knowledge cannot be worded without the object that is known", p.mental.span,
                       "add the `object` the offender knows of, or quote the statute in a `text` block")
        knowledge = Knowledge(p.mental.degree is not None and p.mental.degree.name == "presumed")
    conduct: Acts | Omission = _acts(p)
    if p.duty is not None:
        conduct = Omission(p.duty.name, p.duty.under, p.duty.precondition)
    tiers = tuple(Tier(_trigger(p, s.tier, i == len(sentences) - 1), s) for i, s in enumerate(sentences))
    exceptions = []
    for e in p.exceptions:
        form = (vocabulary().entry("exceptions", e.kind.name) or {}).get("form")
        if form not in EXCEPTION_FORMS:
            raise fail("E402", f"no statute wording for the exception `{e.kind.name}`", e.kind.span,
                       "give the exception `form: act`, `purpose` or `work` in the vocabulary's `exceptions`")
        exceptions.append(Exception_(e.kind, form, e.conditions, e.burden, e.acts))
    pr = p.prosecution
    consent = p.consent if p.consent is not None and p.consent.name != "irrelevant" else None
    regardless = p.consent if p.consent is not None and p.consent.name == "irrelevant" else None
    return Offence(
        who=who_of(p),
        knowledge=knowledge,
        purposes=tuple(p.purpose.purposes) if p.purpose else (),
        means=_means(p),
        conduct=conduct,
        object=thing_of(p),
        consent=consent,
        harm=p.harm,
        tiers=tiers,
        exceptions=tuple(exceptions),
        prosecution=Prosecution(pr.kind, pr.exceptions) if pr is not None and pr.kind.name != "public" else None,
        regardless_of_consent=regardless,
        definition=definition_of(p),
        as_to=tuple(p.as_to),
        wrongfulness=p.wrongfulness if p.duty is None else None,
        consent_minors=p.consent_minors if consent is not None else None,
        consent_below_age=p.consent_below_age if consent is not None else None,
        recipients=tuple(p.recipients),
    )


def parts(o: Offence) -> dict[str, object]:
    """The parts an offence holds (absent ones left out): what every wording must say, by the model's names."""
    out: dict[str, object] = {}
    for f in fields(o):
        value = getattr(o, f.name)
        if value is None or value == ():
            continue
        if f.name == "who" and value.subject is None and not value.units:
            continue  # whoever: no words of its own in either language
        out[f.name] = value
    return out


# ------------------------------------------------------------------ the contract of a wording

class ClauseWording(ABC):
    """One language and drafting style: a phrase (or lines) for every part of the model, and their assembly.

    A new style (an English common-law section, a pack's own style) subclasses this and must word every part:
    an abstract method left out cannot be instantiated, and tests/test_render.py checks on the statute text
    that every part the model holds is said."""

    lang: str

    def __init__(self, jurisdiction: str) -> None:
        self.jurisdiction = jurisdiction

    @property
    def own_words(self) -> packs.Wording:
        """The jurisdiction's own words in this language (pack.yaml `wording:`), where the style's would not do."""
        p = packs.pack(self.jurisdiction)
        return p.words(self.lang) if p is not None else packs.Wording()

    def wrongfulness(self, term: A.Term) -> str:
        """非法 / unlawfully: the jurisdiction's own word for the want of right (pack `wording: unlawfully`), else the
        vocabulary's."""
        return self.own_words.unlawfully or str(vocabulary().label(term.section, term.name, self.lang))

    @abstractmethod
    def subject(self, who: Who) -> str | None:
        """The special subject; None for whoever."""

    @abstractmethod
    def knowledge(self, k: Knowledge, conduct: Acts | Omission) -> str:
        """明知 / knowingly (an act), knows (an omission)."""

    @abstractmethod
    def purposes(self, terms: tuple[A.Term, ...]) -> str:
        """以传播为目的 / for the purpose of dissemination."""

    @abstractmethod
    def means(self, terms: tuple[A.Term, ...]) -> str:
        """利用信息网络 / by means of an information network."""

    @abstractmethod
    def acts(self, terms: tuple[A.Term, ...]) -> str:
        """制作、合成 / produces or synthesizes."""

    @abstractmethod
    def omission(self, o: Omission) -> str:
        """不履行……义务 / fails to perform the duty ... (the precondition is its own part)."""

    @abstractmethod
    def precondition(self, term: A.Term) -> str:
        """The omission's precondition (经监管部门责令采取改正措施而拒不改正)."""

    @abstractmethod
    def thing(self, t: Thing) -> str:
        """The object as the clause names it."""

    @abstractmethod
    def consent(self, term: A.Term, minors: A.Term | None = None, below: int | None = None) -> str:
        """未经本人同意 / without the consent of the person; with who gives a minor's consent, or the age under which no
        one can give it, where the statute says."""

    @abstractmethod
    def harm(self, term: A.Term) -> str:
        """The harm the conduct causes."""

    @abstractmethod
    def trigger(self, t: Trigger) -> str:
        """What brings a tier into play, inline or as a list's lead-in."""

    @abstractmethod
    def penalty(self, s: A.Sentence) -> str:
        """One tier's punishment."""

    @abstractmethod
    def units(self, ref: str, where: str) -> str:
        """The unit-liability paragraph."""

    @abstractmethod
    def exception(self, e: Exception_, o: Offence, ref: str, summary: bool) -> list[str]:
        """An exception's lines."""

    @abstractmethod
    def prosecution(self, pr: Prosecution, ref: str) -> str:
        """The prosecution paragraph."""

    @abstractmethod
    def as_to(self, a: A.AsTo) -> str:
        """A mental element of its own for one element (对材料的性质明知或者有理由相信 / with knowledge or reason to
        believe as to the nature of the material)."""

    def recipients(self, terms: tuple[A.Term, ...]) -> str:
        """To whom the acts must be directed, as alternatives: 向不特定人或者多数人 / to many or unspecified persons
        or to the public (the vocabulary's `recipients` labels)."""
        words = [str((vocabulary().entry("recipients", t.name) or {})[self.lang]) for t in terms]
        return join_alternatives(words, self.lang, self.own_words.or_word if self.lang == "zh" else None)

    def burden(self, term: A.Term) -> str:
        """Who must prove an exception, as a sentence after it: the vocabulary's `clause` words of the burden."""
        given = ((vocabulary().entry("burdens", term.name) or {}).get("clause") or {}).get(self.lang)
        if not given:
            raise fail("E402", f"no {self.lang} wording for the burden `{term.name}`", term.span,
                       "give the burden `clause: {en: …, zh: …}` in the vocabulary's `burdens`")
        return str(given)

    @abstractmethod
    def regardless_of_consent(self, term: A.Term) -> str:
        """The paragraph saying consent does not matter."""

    @abstractmethod
    def definition(self, d: Definition, quoted: bool, summary: bool) -> list[str]:
        """The object's definition lines."""

    @abstractmethod
    def frame(self, attribute: str) -> str | None:
        """How an object attribute is predicated ({v} for its value), or None where it has no frame."""

    @abstractmethod
    def offence_lines(self, o: Offence) -> list[str]:
        """The offence paragraph with its chain of penalties, and the list the last tier ends in."""

    @abstractmethod
    def reference(self, kind: str, near: bool) -> str:
        """How a later paragraph refers to the offence paragraph (`crime` or `act`; near: right after it)."""

    def article_parts(self, o: Offence, quoted: bool = False, summary: bool = False) -> list[tuple[str, list[str]]]:
        """The composed article by part: offence and penalties, unit liability, exceptions, prosecution, the
        paragraph on consent, the definition; each with its lines."""
        out = [("offence", self.offence_lines(o))]
        paragraphs = 1
        if o.who.units:
            near = paragraphs == 1
            ref, where = self.reference("crime", near), self.reference("act", near)
            own = self.own_words.legal_persons  # the pack's own form (Taiwan's is not the PRC's unit crime)
            out.append(("units", [own.format(ref=ref, where=where) if own else self.units(ref, where)]))
            paragraphs += 1
        for e in o.exceptions:
            lines = self.exception(e, o, self.reference("act", paragraphs == 1), summary)
            if e.burden is not None:  # the burden closes the exception's paragraph
                lines = [*lines[:-1], f"{lines[-1]}{'' if self.lang == 'zh' else ' '}{self.burden(e.burden)}"]
            out.append(("exceptions", lines))
            paragraphs += 1
        if o.prosecution is not None:
            out.append(("prosecution", [self.prosecution(o.prosecution, self.reference("crime", paragraphs == 1))]))
            paragraphs += 1
        if o.regardless_of_consent is not None:
            out.append(("regardless_of_consent", [self.regardless_of_consent(o.regardless_of_consent)]))
        if o.definition is not None:
            out.append(("definition", self.definition(o.definition, quoted, summary)))
        return [(part, [self.script(line) for line in lines]) for part, lines in out]

    def script(self, text: str) -> str:
        """The composed words in the script of the jurisdiction's statutes; as composed, unless a style says."""
        return text

    def article(self, o: Offence, quoted: bool = False, summary: bool = False) -> list[str]:
        """The composed article as lines."""
        return [line for _, lines in self.article_parts(o, quoted, summary) for line in lines]

    def phrases(self, o: Offence, quoted: bool = False, summary: bool = False) -> dict[str, list[str]]:
        """The words each part of `o` must leave in the article, by the part's name in `parts`: what the tests look
        for in the statute text, so that a part a wording drops fails instead of vanishing."""
        out: dict[str, list[str]] = {}
        if o.who.subject is not None:
            out["who"] = [self.subject(o.who) or ""]
        if o.knowledge is not None:
            out["knowledge"] = [self.knowledge(o.knowledge, o.conduct).rstrip(",")]
        if o.wrongfulness is not None:
            out["wrongfulness"] = [self.wrongfulness(o.wrongfulness)]
        if o.purposes:
            out["purposes"] = [self.purposes(o.purposes)]
        if o.means:
            out["means"] = [self.means(o.means)]
        if isinstance(o.conduct, Omission):
            out["conduct"] = [self.omission(o.conduct)]
            if o.conduct.precondition is not None:
                out["conduct"].append(self.precondition(o.conduct.precondition))
        else:
            out["conduct"] = [self.acts(terms) for terms in (o.conduct.governed, o.conduct.spreading) if terms]
        if o.object is not None:
            out["object"] = [self.thing(o.object)]
        if o.consent is not None:
            out["consent"] = [self.consent(o.consent, o.consent_minors, o.consent_below_age)]
        if o.harm is not None:
            out["harm"] = [self.harm(o.harm)]
        if o.as_to:
            out["as_to"] = [self.as_to(a) for a in o.as_to]
        if o.recipients:
            out["recipients"] = [self.recipients(o.recipients)]
        out["tiers"] = [phrase for t in o.tiers
                        for phrase in ([self.trigger(t.trigger)] if t.trigger else []) + [self.penalty(t.sentence)]]
        out = {part: [self.script(phrase) for phrase in phrases] for part, phrases in out.items()}
        for part, lines in self.article_parts(o, quoted, summary)[1:]:
            out.setdefault("who" if part == "units" else part, []).extend(lines)
        return out
