"""Whether a provision reaches given facts, read from its syntax tree alone (never from the spec's conditions)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from ..language import ast as A
from ..language.vocabulary import vocabulary
from . import acts
from .scenario import Material, Scenario

# This module must not read the spec (treaty/spec, conditions, facts, conformance): a counterexample it confirms
# would otherwise only repeat the check's own reading. It reads the provision's elements and the vocabulary's data
# (what a conduct term covers, the ages a person term reaches), and decides each element against the facts.


@dataclass(frozen=True, slots=True)
class Miss:
    """One element of a provision that the facts do not satisfy."""

    # actors, conduct, conduct.manner, object, object.<attribute>, means, recipients, purpose, mental, mental.as-to,
    # consent, harm, tier, exception, duty, finances
    element: str
    detail: str  # the word that decides it: the act not covered, the attribute value wanted, the circumstance required
    why: str  # in plain English, for a reader of tests and reports


@dataclass(frozen=True, slots=True)
class Doubt:
    """One element the facts satisfy only if a court so finds: an evaluative word of the provision (obscene,
    explicitly promoting pornography) that the vocabulary says a court applies to such material or not; or
    (`unsettled`) a conduct word whose reach of the facts' act the vocabulary leaves `unsettled`: the statute's
    definition or its courts' reading, which the reference does not give, decides it."""

    element: str  # as Miss.element
    term: str  # the evaluative word, or the conduct term
    question: A.Text  # what would satisfy it: "the material explicitly promotes pornography", "'supplying' reaches
    # selling"
    unsettled: bool = False


@dataclass(frozen=True, slots=True)
class Reach:
    provision: str
    misses: tuple[Miss, ...]
    doubts: tuple[Doubt, ...] = ()

    @property
    def reached(self) -> bool:
        """Reached beyond doubt: no element misses and none waits on a court's finding."""
        return not self.misses and not self.doubts

    @property
    def uncertain(self) -> bool:
        """Reached unless a court finds otherwise: no element misses, some wait on a finding."""
        return not self.misses and bool(self.doubts)


# What "obscene" needs of material (PRC art. 367: concretely depicting sexual acts or explicitly promoting
# pornography): a depiction of sexual activity, not nudity alone; where the second limb reaches a depiction only by a
# court's finding, the vocabulary says so (`court-decides`).
_OBSCENE = ("sexual-activity", "sexual-acts-concretely", "explicit-pornography")

# Whether an element holds: True, False, or the evaluative word whose finding by a court decides it.
Truth = bool | str


def _any(truths: Iterable[Truth]) -> Truth:
    truths = list(truths)
    if True in truths:
        return True
    return next((t for t in truths if isinstance(t, str)), False)


def _all(truths: Iterable[Truth]) -> Truth:
    truths = list(truths)
    if False in truths:
        return False
    return next((t for t in truths if isinstance(t, str)), True)

# Conduct terms whose reach of a treaty act depends on how the act is done, beyond what the vocabulary's `covers`
# says: (treaty acts, what must hold, why).
_SPREADING = ("distribute", "transmit", "publish", "make-available", "display", "broadcast")
_MANNER: dict[str, tuple[tuple[str, ...], Callable[[Scenario], bool], str]] = {
    "insult": (_SPREADING, lambda s: s.public and "insulting-words" in s.manner,
               "public insult needs an insult done in public"),
    "defame": (_SPREADING, lambda s: "fabricated-facts" in s.manner or s.material is not None
               and s.material.origin == "synthetic", "defamation needs fabricated facts"),
    "coerce-sexual-exposure": (("produce",), lambda s: s.contact and _made_to_show("coerce-sexual-exposure", s),
                               "needs the minor to be coerced or enticed by the actor into what the material shows"),
}


def _made_to_show(term: str, s: Scenario) -> bool:
    """Whether the material shows what a conduct against the person makes them give (the vocabulary's `material`:
    exposing private parts or performing obscene acts, not being present at others' acts); a term silent on it
    makes any material."""
    wanted = ((vocabulary().entry("conduct", term) or {}).get("material") or {}).get("depicts")
    return not wanted or (s.material is not None and bool(shows(s.material) & set(wanted)))


def _covers(term: str, jurisdiction: str | None = None) -> frozenset[str]:
    """The treaty acts a conduct term reaches, as the jurisdiction's law reads it (its pack's reading, if any)."""
    return frozenset(vocabulary().conduct(term, jurisdiction).get("covers", ()))


def _within_acts(p: A.Provision, e: A.Exception_, act: str) -> bool:
    """Whether an exception bound to some acts of the provision covers a treaty act: one of its acts reaches it and
    none of the provision's other acts does (reached so, the act stays punishable inside the exception)."""
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None
    mine = {a.name for a in e.acts}
    return any(act in _covers(t, jurisdiction) for t in mine) and not any(
        act in _covers(t.name, jurisdiction) for t in p.conduct if t.name not in mine)


def _conduct(p: A.Provision, s: Scenario) -> Miss | Doubt | None:
    """None where a conduct term reaches the facts' act; a Doubt where none does but a term's words may (the
    vocabulary's `unsettled`, as the jurisdiction's law reads the term): a counterexample never tells such facts as
    certainly outside the provision."""
    terms = [t.name for t in p.conduct]
    jurisdiction = p.jurisdiction.name if p.jurisdiction else None
    wanting = []
    for term in terms:
        manner = _MANNER.get(term)
        if manner is not None and s.act in (*manner[0], *_covers(term, jurisdiction)):
            if manner[1](s):
                return None
            wanting.append((term, manner[2]))
        elif s.act in _covers(term, jurisdiction):
            return None
    if wanting:  # the act is one the conduct reaches, but not done in the manner it needs
        return Miss("conduct.manner", ", ".join(t for t, _ in wanting), "; ".join(f"{t}: {w}" for t, w in wanting))
    for term in terms:
        if s.act in (vocabulary().conduct(term, jurisdiction).get("unsettled") or ()):
            word = acts.term(term, jurisdiction)
            return Doubt("conduct", term, A.Text(en=f"{word.en} reaches {acts.act(s.act, 'en')}",
                                                 zh=f"{word.zh}涵盖{acts.act(s.act, 'zh')}"), unsettled=True)
    return Miss("conduct", s.act, f"no conduct of the provision ({', '.join(terms) or 'none'}) covers {s.act!r}")


# What a depiction also is, in the words other statutes use for it: a picture of sexual activity depicts sexual acts
# concretely (PRC art. 367) and is a sex-related act (Taiwan Criminal Code art. 10 ¶8); displayed sexual parts are
# exposed organs and private parts. Reading presence at sexual activity and sexual torture as Taiwan's "other
# sex-related acts" is this project's interpretation, as the Art. 14 spec says of the same words.
_IMPLIES: dict[str, frozenset[str]] = {
    "sexual-activity": frozenset({"sexual-acts-concretely", "sex-related-acts"}),
    "sexual-acts-concretely": frozenset({"sexual-activity", "sex-related-acts"}),
    "exposed-sexual-organs": frozenset({"private-body-parts"}),
    "sexual-parts-for-sexual-purpose": frozenset({"exposed-sexual-organs", "private-body-parts"}),
    "presence-at-sexual-activity": frozenset({"sex-related-acts"}),
    "sexual-torture": frozenset({"sex-related-acts"}),
    "touching-private-parts": frozenset({"sex-related-acts"}),
}


def shows(m: Material, anyone: bool = False) -> frozenset[str]:
    """What the material depicts, with what each depiction also is; `anyone`: also what it shows of persons other
    than the one it is about (the vocabulary's `others`: presence at sexual activity shows that activity)."""
    v = vocabulary()
    shown = m.depicts.union(*(frozenset((v.entry("object-attributes.depicts", d) or {}).get("others") or ())
                              for d in m.depicts)) if anyone else m.depicts
    return implied(shown)


def implied(depicts: frozenset[str]) -> frozenset[str]:
    """The depictions with what each also is (sexual activity is a sexual act depicted concretely)."""
    return depicts.union(*(_IMPLIES.get(d, frozenset()) for d in depicts))


def _of_anyone(kind: str) -> bool:
    """Whether an object of this kind is material by what it shows, of whoever it shows (the vocabulary's
    `of-anyone`: obscene material), rather than material of the person it is about."""
    return bool((vocabulary().entry("objects", kind) or {}).get("of-anyone"))


def _depicts(term: str, m: Material, anyone: bool) -> Truth:
    """Whether the material shows what a depiction word of a provision names: it does, it does not, or (the
    vocabulary's `court-decides`) it does if a court so finds."""
    shown = shows(m, anyone)
    if term in shown:
        return True
    open_to = (vocabulary().entry("object-attributes.depicts", term) or {}).get("court-decides") or ()
    return term if shown & set(open_to) else False


def _sexual(m: Material) -> bool:
    return bool(m.depicts)


def _kind(kind: str, s: Scenario) -> Truth:
    """Whether the facts' material (or the person it shows) is an object of this kind."""
    m = s.material
    if m is None:
        return False
    if kind == "csam":
        return _sexual(m) and m.person.age < 18
    if kind in ("intimate-image", "sexual-image"):
        return _sexual(m) and m.medium == "visual"
    if kind == "obscene-material":
        return _any(_depicts(t, m, _of_anyone(kind)) for t in _OBSCENE)
    if kind == "person":  # the act is done to the person the material shows: spreading it, or through contact
        return m.person.exists and (s.contact or s.act in (*_SPREADING, "sell", "offer"))
    entry = vocabulary().entry("objects", kind) or {}
    if entry.get("of-persons") and not entry.get("against-the-person"):
        # other material of persons (a publication the law classifies, New Zealand's "objectionable"): what it is
        # the object's attributes say (depicts, person, standard), each read below
        return _sexual(m)
    return False  # information, another's crime: no material of a person


def _ages(term: str) -> tuple[int, int | None]:
    a, b = (vocabulary().entry("object-attributes.person", term) or {}).get("ages") or (0, None)
    return int(a), None if b is None else int(b)


def _value_holds(attr: str, value: str, s: Scenario, m: Material, kind: str) -> Truth:
    if attr == "depicts":
        return _depicts(value, m, _of_anyone(kind))
    if attr == "person":
        lo, hi = _ages(value)
        return lo <= m.person.age and (hi is None or m.person.age < hi)
    if attr == "origin":
        return m.origin == value
    if attr == "medium":
        return m.medium == value
    if attr == "standard":
        return _any(_depicts(t, m, _of_anyone(kind)) for t in _OBSCENE) if value == "obscene" else _sexual(m)
    if attr == "privacy":
        return m.private_at_recording
    if attr == "identifiable-by":
        return m.person.identifiable and m.person.exists
    if attr == "virtual-test":  # the cumulative test for virtual material: real material needs none
        return m.origin == "real"
    if attr == "place":  # where the image was made: a private place or dwelling, or a public one
        if m.place is None:
            return m.private_at_recording == (value != "public-place")
        return value == m.place or (value == "private-place" and m.place == "dwelling")  # a dwelling is private
    if attr == "age-test":  # the actual age needs a real person; an apparent or depicted age any
        return m.person.exists or value != "actual-age"
    if attr == "obtained":  # how the actor came by the material: the ways the vocabulary says the value reaches
        return s.obtained in ((vocabulary().entry("object-attributes.obtained", value) or {}).get("ways") or ())
    return True  # an attribute this evaluator does not know limits nothing it can show: never claim a gap on it


def _scope(term: str) -> bool:
    """A virtual-test term that says where the test applies (`scope`), not a condition material must meet."""
    return bool((vocabulary().entry("object-attributes.virtual-test", term) or {}).get("scope"))


def _doubt(element: str, term: str) -> Doubt:
    question = (vocabulary().entry("object-attributes.depicts", term) or {}).get("question") or {}
    return Doubt(element, term, A.Text(zh=question.get("zh"), en=question.get("en")))


def _object(p: A.Provision, s: Scenario) -> tuple[list[Miss], list[Doubt]]:
    o = p.object
    if o is None:
        return [Miss("object", "", "the provision names no object")], []
    kind = _kind(o.kind.name, s)
    if kind is False:
        return [Miss("object", o.kind.name, f"the facts hold no {o.kind.name}")], []
    m = s.material
    assert m is not None
    misses: list[Miss] = []
    doubts = [_doubt("object", kind)] if isinstance(kind, str) else []
    for a in o.attrs:
        values = [v.name for v in a.values]
        if a.name.name == "virtual-test":
            scope = [v for v in values if _scope(v)]
            if scope and m.person.exists:  # the test does not apply to material depicting an existing person
                continue
            values = [v for v in values if v not in scope] or values
        holds = [_value_holds(a.name.name, v, s, m, o.kind.name) for v in values]
        truth = _all(holds) if a.cumulative else _any(holds)
        if truth is False:
            misses.append(Miss(f"object.{a.name.name}", " | ".join(values),
                               f"the material is not {' and '.join(values) if a.cumulative else ' or '.join(values)}"
                               f" ({a.name.name})"))
        elif isinstance(truth, str):
            doubts.append(_doubt(f"object.{a.name.name}", truth))
    return misses, doubts


def _means(p: A.Provision, s: Scenario) -> Miss | None:
    if p.means is None:
        return None
    m = s.material

    def holds(term: str) -> bool:
        if term in ("any-means", "other-method"):
            return True
        if term == "ict-system":
            return "ict-system" in s.means
        if term in ("violence", "coercion"):
            return term in s.manner
        if term == "photography-or-video":
            return m is not None and m.origin == "real" and m.medium == "visual"
        if term in ("computer-synthesis", "ai-synthesis", "simple-photo-editing"):
            return m is not None and m.origin == "synthetic"
        return True  # unknown means: not a gap this evaluator can show

    if any(holds(t.name) for t in p.means.excluding):
        return Miss("means", "excluding", "the facts use a means the provision excludes")
    if not any(holds(t.name) for t in p.means.means):
        names = ", ".join(t.name for t in p.means.means)
        return Miss("means", names, f"the act is not done by {names}")
    return None


def _recipients(p: A.Provision, s: Scenario) -> Miss | None:
    """To whom the conduct must be directed (alternatives): many or unspecified persons, the public, a third party."""
    def holds(term: str) -> bool:
        if term == "many-or-unspecified":
            return s.public or s.recipients >= 3
        if term == "public":
            return s.public
        if term == "third-party":
            return s.public or s.recipients >= 1
        if term == "person-depicted":  # the actor deals with the person shown (asks a child for its own images)
            return s.contact
        return True  # any person, or a term this evaluator does not know: never claim a gap on it

    terms = [t.name for t in p.recipients]
    if terms and not any(holds(t) for t in terms):
        return Miss("recipients", " | ".join(terms), f"the conduct must be directed {' or '.join(terms)}")
    return None


def _amount(t: A.Threshold, s: Scenario) -> int:
    """The facts' figure for a threshold's measure, read by its unit; what the facts do not count is nothing."""
    unit = t.unit.name
    if unit == "items":
        return s.material.count if s.material else 0
    if unit == "persons":
        return s.recipients
    if unit in ("clicks", "views"):
        return s.views
    if unit in ("yuan", "twd"):
        return s.gains
    return 0


_COMPARE: dict[A.ComparisonOp, Callable[[int, int], bool]] = {
    A.ComparisonOp.GE: lambda a, b: a >= b, A.ComparisonOp.GT: lambda a, b: a > b,
    A.ComparisonOp.LE: lambda a, b: a <= b, A.ComparisonOp.LT: lambda a, b: a < b,
    A.ComparisonOp.EQ: lambda a, b: a == b,
}


def _condition(c: A.Condition, s: Scenario) -> bool:
    def item(i: A.Threshold | A.Term | A.Condition) -> bool:
        if isinstance(i, A.Threshold):
            return _COMPARE[i.op](_amount(i, s), i.amount)
        if isinstance(i, A.Term):
            return i.name in s.circumstances
        return _condition(i, s)

    results = [item(i) for i in c.items]
    return all(results) if c.mode is A.ConditionMode.ALL else any(results)


def _base_tier(p: A.Provision, s: Scenario) -> Miss | None:
    base = next((t for t in p.tiers if t.name.name == "base"), None)
    if base is None or (base.requires is None and base.condition is None):
        return None
    if base.acts:  # the condition binds some acts only: the facts' act, where another term reaches it, is free of it
        jurisdiction = p.jurisdiction.name if p.jurisdiction else None
        bound = {a.name for a in base.acts}
        if any(s.act in _covers(t.name, jurisdiction) for t in p.conduct if t.name not in bound):
            return None
    if base.requires is not None and base.requires.name in s.circumstances:
        return None
    if base.condition is not None and _condition(base.condition, s):
        return None
    what = base.requires.name if base.requires is not None else "its figures"
    return Miss("tier", what, f"punishable only where {what} (a base threshold the facts do not reach)")


def _actors(p: A.Provision, s: Scenario, rules: Iterable[A.Rule]) -> Miss | None:
    actors = {t.name for t in p.actors}
    if s.actor == "natural-person":
        if not actors or "natural-person" in actors:
            return None
        if "adult" in actors:  # natural persons of full age only
            return None if s.actor_adult else Miss("actors", "adult", "only adults commit it")
        return Miss("actors", "natural-person", "only other actors than natural persons commit it")
    v = vocabulary()
    if any((v.entry("actors", a) or {}).get("legal-person") for a in actors):
        return None  # units, or a class of providers a unit can be
    if any(r.kind is not None and r.kind.name == "legal-persons" and r.reaches_provision(p.id) for r in rules):
        return None
    # a provision silent on who commits it leaves legal persons to the general part, which no rule here states
    return Miss("actors", "unit", "its words name no legal person, and no legal-persons rule reaches it")


# How much a state of mind proves: intent (knowing and willing the act) satisfies knowledge and negligence.
_MENTAL = {"negligence": 0, "knowledge": 1, "intent": 2}
# The elements an `as-to` state of mind can be about that are facts beyond the act: a harm, or its likelihood.
_HARM_KNOWN = frozenset({"harm", "likely-harm"})


def answers(p: A.Provision, actor: str, rules: Iterable[A.Rule] = ()) -> bool:
    """Whether the actor (natural-person or unit) can commit the provision's offence, by its actors or a rule."""
    return _actors(p, Scenario("", None, actor=actor), list(rules)) is None


# The act financing pays for, as the facts of financing tell it (treaty/narrate: a website that makes the material
# available to the public).
_FINANCED = "make-available"


def _financed(p: A.Provision, s: Scenario, rules: list[A.Rule], others: Sequence[A.Provision]) -> Miss | None:
    """A provision punishing financing as the offences it names (`finances`) reaches it only as far as one of them
    reaches the act financed, thresholds and purposes included: financing what is no crime is none either."""
    if not p.finances or s.act != "finance":
        return None
    if financed_through(p, s, rules, others):
        return None
    ids = ", ".join(sorted(r.id for r in p.finances))
    return Miss("finances", ids, f"punishes financing only as the offences it names ({ids}), none of which reaches "
                                 "the act financed")


def financed_through(p: A.Provision, s: Scenario, rules: Iterable[A.Rule], others: Sequence[A.Provision]) -> list[str]:
    """The offences a financing provision names (`finances`) that reach the act the facts finance: the ones it
    punishes the financing through (Taiwan's 39-2 through art. 38 ¶1, which sets no threshold)."""
    named = {r.id for r in p.finances}
    financed = s.but(act=_FINANCED, public=True)
    rules = list(rules)
    return [o.id for o in others if (o.id in named or any(o.id.startswith(n + ".") for n in named))
            and reaches(o, financed, rules).reached]


def reaches(p: A.Provision, s: Scenario, rules: Iterable[A.Rule] = (), others: Sequence[A.Provision] = ()) -> Reach:
    """Every element of the provision decided against the facts; reached when none misses. `others` are the
    provisions of its set, which a provision financing offences (`finances`) is read with."""
    misses: list[Miss] = []
    if (m := _actors(p, s, list(rules))) is not None:
        misses.append(m)
    conduct = _conduct(p, s)
    object_misses, doubts = _object(p, s)
    if isinstance(conduct, Miss):
        misses.append(conduct)
    elif conduct is not None:
        doubts.insert(0, conduct)
    misses += object_misses
    if (m := _means(p, s)) is not None:
        misses.append(m)
    if (m := _recipients(p, s)) is not None:
        misses.append(m)
    if p.purpose is not None and not {t.name for t in p.purpose.purposes} & s.purposes:
        names = ", ".join(t.name for t in p.purpose.purposes)
        misses.append(Miss("purpose", names, f"requires the purpose {names}, which the facts lack"))
    if p.mental is not None and _MENTAL.get(s.mental, 0) < _MENTAL.get(p.mental.kind.name, 0):
        misses.append(Miss("mental", p.mental.kind.name, f"requires {p.mental.kind.name}; the facts show {s.mental}"))
    elif p.mental is not None and p.mental.degree is not None and p.mental.degree.name == "direct" \
            and not s.intent_direct:
        misses.append(Miss("mental", "direct", "requires direct intent; the facts show indirect intent"))
    # knowledge (or intent, or recklessness) as to harm: the facts must hold a harm the actor could know of
    for a in p.as_to:
        if a.element.name in _HARM_KNOWN and not s.harm:
            misses.append(Miss("mental.as-to", a.element.name,
                               f"requires a state of mind as to {a.element.name}; the facts hold no harm"))
    if p.consent is not None and p.consent.name == "absent" and s.consent:
        misses.append(Miss("consent", "absent", "requires the person's lack of consent; the facts have consent"))
    if p.harm is not None and not s.harm:
        misses.append(Miss("harm", p.harm.name, f"requires harm ({p.harm.name}), which the facts lack"))
    if (m := _base_tier(p, s)) is not None:
        misses.append(m)
    if (m := _financed(p, s, list(rules), others)) is not None:
        misses.append(m)
    if p.duty is not None and p.duty.precondition is not None and p.duty.precondition.name not in s.circumstances:
        misses.append(Miss("duty", p.duty.precondition.name, "requires a precondition the facts lack"))
    for e in p.exceptions:
        if e.acts and not _within_acts(p, e, s.act):
            continue  # a defence to other acts of the provision than the facts' (`exception … for …`)
        if e.kind.name in s.justifications and all(c.name in s.justifications for c in e.conditions):
            misses.append(Miss("exception", e.kind.name, f"the exception {e.kind.name} applies"))
    # the same finding asked by several elements (the kind, its depiction, its standard) is one question
    first: dict[str, Doubt] = {}
    for d in doubts:
        first.setdefault(d.term, d)
    return Reach(p.id, tuple(misses), tuple(first.values()))


def reached_by(provisions: Iterable[A.Provision], s: Scenario, rules: Iterable[A.Rule] = ()) -> list[str]:
    """The ids of the provisions that reach the facts."""
    rules, provisions = list(rules), list(provisions)
    return [p.id for p in provisions if reaches(p, s, rules, provisions).reached]
