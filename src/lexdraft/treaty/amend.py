"""The smallest amendment that closes a gap: edits of the provisions in force before a new article, each verified."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import LexdraftError, Severity
from ..language import ast as A
from ..language.amendments import code_of, paragraph_count
from ..language.lint import lint
from ..language.parse import parse_text
from ..language.printer import format_document
from ..language.vocabulary import vocabulary
from .conformance import check, liable_by_measure
from .counterexample import Counterexample, article_of, counterexample
from .edits import Edit
from .floor import PROTECTS, Floor
from .reach import Miss, Reach, answers, financed_through, reached_by, reaches
from .scenario import Scenario
from .spec import Requirement, spec_for
from .textual import WordEdit, insert_conduct, insert_paragraph, insertion_point, reword, reword_article, strike
from .values import RequirementKind, Verdict

# The provenance of every text lexdraft suggests: never the label of the statute it amends, whose words it no longer
# only quotes; in a Chinese draft in Chinese, in its law's script (资料来源：lexdraft建议稿; 資料來源：lexdraft建議稿).
SUGGESTED = "lexdraft suggestion"


def _suggested(jurisdiction: A.Term | None) -> tuple[A.Text]:
    pack = packs.pack(jurisdiction.name) if jurisdiction is not None else None
    if pack is not None and pack.script == "hant":
        return (A.Text(en=SUGGESTED, zh_hant="lexdraft建議稿"),)
    return (A.Text(en=SUGGESTED, zh="lexdraft建议稿"),)
# The ranks of tests/expected/remedies.md §0.B, cheapest first: remove a limit the treaty does not allow, widen a
# provision by one element, amend a general clause, (add a paragraph,) insert a new article.
REMOVE_LIMIT, WIDEN, GENERAL_CLAUSE, ADD_PARAGRAPH, NEW_ARTICLE = 1, 2, 3, 4, 5
MOST_EDITS = 2  # an edit of a provision in force that needs three or more changes is not valid (§0.B)

# The statuses that state the law a suggestion builds on: in force, or the text of an earlier version that is the best
# the set has (`outdated`; every verdict resting on it is marked so).
LAW = ("in-force", "outdated")

MAJORITY = 18  # Art. 14(2): material of "any person under 18 years of age" is material of children


@dataclass(frozen=True)
class Verification:
    """The set re-checked with the amendment: the requirement's verdict, every verdict that fell, and whether the
    counterexample is now punishable; `collateral` names facts outside the requirement the edit newly reaches."""

    before: dict[str, Verdict]
    after: dict[str, Verdict]
    reached_by: tuple[str, ...]
    collateral: tuple[str, ...] = ()
    lint: tuple[str, ...] = ()
    # an amendment that names the offences of other suggestions (financing them) is re-checked with them: its
    # requirement's verdict with it alone, and whether the counterexample is then punishable
    alone: Verdict | None = None
    alone_reached: bool = True
    alone_through: tuple[str, ...] = ()  # the offences it names that then reach the act financed

    def fell(self) -> list[str]:
        return [q for q, v in self.before.items() if self.after[q].rank < v.rank]

    def mended(self) -> list[str]:
        """Every requirement that failed before and conforms after: the gap itself, and what the same edit closes
        beside it (a definition such as 14(2), a sibling paragraph)."""
        return [q for q, v in self.before.items() if v.fails and self.after[q].conforms]

    def valid(self, requirement: str) -> bool:
        verdict = self.after[requirement]
        return (verdict.conforms and not self.fell() and bool(self.reached_by) and not self.collateral
                and not self.lint)


@dataclass(frozen=True)
class Amendment:
    """A verified change to the set that makes one requirement met."""

    requirement: str
    rank: int  # REMOVE_LIMIT, WIDEN, GENERAL_CLAUSE or NEW_ARTICLE
    target: str  # the provision amended, or the new one
    amends: str | None  # the provision in force it changes; None for a new article
    edits: tuple[str, ...]  # each element changed, in words ("remove the base threshold (…)", "add conduct control")
    document: A.Provision
    lexd: str  # the draft as a drafter starts from it: a note, then the provision as lexdraft prints it
    verification: Verification
    counterexample: Counterexample | None  # None for Art. 18: the gap is who answers, not which facts
    options: tuple[str, ...] = ()  # treaty options the amendment takes as a side effect, e.g. uncc.16.3
    closes: tuple[str, ...] = ()  # every requirement it makes met: more than its own where gaps share one article
    also: tuple[A.Provision, ...] = ()  # further provisions in force it changes, each read in place of its own
    penalty_of: str | None = None  # a new article: the offence of the set whose penalty it takes (_penalty_source)
    # the treaty's acts for which penalty_of was taken as the gravest offence punishing them (material of children);
    # () when it was taken as the offence nearest in conduct
    penalty_gravest: tuple[str, ...] = ()
    # penalty_of was taken as the set's offence on the same material (material of children), not the gravest: "acts"
    # where it punishes some of the new article's acts, "nearest" where it is the one nearest in conduct; else ""
    penalty_same: str = ""
    caveat: A.Text | None = None  # what a drafter checks first (a law the reference does not hold)
    # the other suggestions it presupposes (a financing article naming their offences), re-checked with them
    presupposes: tuple[A.Provision, ...] = ()
    # its changes of the provisions in force, as data the wording says in each language (`edits` is the English the
    # .lexd draft's note gives, in the language's terms); () for a new article
    said: tuple[Edit, ...] = ()
    # a financing article: the articles its text names whole (Article 38), not by the paragraphs it finances
    names_whole: frozenset[str] = frozenset()
    # an act added to a provision in force: why that one, as the review says it: the requirement's acts it already
    # punishes on the same material, or none (no offence of the set does: it is the one needing fewest changes)
    host_carries: tuple[str, ...] = ()
    # a new article: the offences in force punishing acts of the requirement on the same material, none of which an
    # edit of at most MOST_EDITS changes could close the gap in (why they are not amended instead)
    passed_over: tuple[str, ...] = ()
    # a new article numbered and placed after another suggestion's (200-2 after the 200-1 suggested for 14(1)(b)):
    # those suggestions, from the nearest back to the one that follows an article of the law; without them it follows
    # that article, numbered as the last of them is
    follows: tuple[Amendment, ...] = ()

    @property
    def documents(self) -> tuple[A.Provision, ...]:
        return (self.document, *self.also)


@dataclass(frozen=True)
class _Candidate:
    rank: int
    edits: tuple[str, ...]
    document: A.Provision
    amends: str | None
    penalty_of: str | None = None  # a new article: the offence whose penalty it takes
    penalty_gravest: tuple[str, ...] = ()  # as Amendment's
    penalty_same: str = ""  # as Amendment's
    # what the edits entail, which no cheaper candidate needs to be weighed against: a paragraph deleted, renumbering
    consequential: tuple[str, ...] = ()
    caveat: A.Text | None = None
    said: tuple[Edit, ...] = ()  # its changes of a provision in force as data, for every language (treaty/edits)
    names_whole: frozenset[str] = frozenset()  # as Amendment's

    @property
    def changes(self) -> tuple[str, ...]:
        return (*self.edits, *self.consequential)


def _term(name: str, section: str) -> A.Term:
    return A.Term(name, section)


def _conduct_for(acts: Sequence[str], used: frozenset[str] = frozenset()) -> list[str]:
    """The fewest conduct terms that cover the acts, the jurisdiction's own (`used` by its provisions) first, each
    covering as few other acts as it can, in the acts' order."""
    wanted = list(acts)
    chosen: list[str] = []
    terms = {name: set(entry.get("covers", ())) for name, entry in vocabulary().section("conduct").items()}
    while wanted:
        best = max(terms, key=lambda t: (len(terms[t] & set(wanted)), t in used, -len(terms[t] - set(acts)),
                                         t == wanted[0]))
        if not terms[best] & set(wanted):
            break
        # the treaty's own verb, where the vocabulary has it, unless a general verb (传播) takes in three acts or more;
        # it then stands for its own act only, so each treaty verb keeps its word (possess, control: not possess alone,
        # though the vocabulary reads possessing as reaching control)
        if len(terms[best] & set(wanted)) < 3 and wanted[0] in terms[wanted[0]]:
            best = wanted[0]
            chosen.append(best)
            wanted = wanted[1:]
            continue
        chosen.append(best)
        wanted = [a for a in wanted if a not in terms[best]]
    return sorted(chosen, key=lambda t: min(acts.index(a) for a in terms[t] if a in acts))


def _edit(p: A.Provision, miss: Miss, s: Scenario) -> tuple[int, str, A.Provision, WordEdit | None, Edit] | None:
    """One miss mended by one edit of the provision: (rank, the edit in words, the provision edited, the same edit
    made in the words of its text in force where they show where it goes, the edit as data for every language)."""
    parts = p.id.split(".")
    at = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else None

    def said(op: str, *terms: A.Term) -> Edit:
        return Edit(op, tuple(terms), p.id, at)

    if miss.element in ("conduct", "conduct.manner"):
        (term,) = _conduct_for([s.act]) or (None,)
        if term is None or s.act == "finance":
            return None  # financing is no act on the material: an article of its own punishes it (_financing)
        if s.act == "offer" and _offer_place(p.jurisdiction.name if p.jurisdiction else None) is not None:
            return None  # the pack places offering beside distribution (_offer), not in whichever article misses it
        return WIDEN, f"add the conduct {term}", dataclasses.replace(
            p, conduct=(*p.conduct, _term(term, "conduct"))), insert_conduct(p, term), \
            said("add-conduct", _term(term, "conduct"))
    if miss.element == "tier":
        tiers = tuple(t for t in p.tiers if t.name.name != "base")
        base = next((t for t in p.tiers if t.name.name == "base"), None)
        words = strike(p, base.requires.section, base.requires.name) if base and base.requires else None
        return REMOVE_LIMIT, f"remove the base threshold ({miss.detail})", dataclasses.replace(p, tiers=tiers), \
            words, said("remove-threshold", *((base.requires,) if base and base.requires else ()))
    if miss.element == "purpose":
        words = strike(p, p.purpose.purposes[0].section, p.purpose.purposes[0].name) \
            if p.purpose is not None and len(p.purpose.purposes) == 1 else None
        return REMOVE_LIMIT, f"remove the purpose ({miss.detail})", dataclasses.replace(p, purpose=None), words, \
            said("remove-purpose", *(p.purpose.purposes if p.purpose is not None else ()))
    if miss.element == "recipients":
        return (REMOVE_LIMIT, f"remove the recipients condition ({miss.detail})", dataclasses.replace(p, recipients=()),
                None, said("remove-recipients", *p.recipients))
    if miss.element == "harm":
        return REMOVE_LIMIT, f"remove the harm element ({miss.detail})", dataclasses.replace(p, harm=None), None, \
            said("remove-harm", *((p.harm,) if p.harm is not None else ()))
    if miss.element == "duty" and p.duty is not None:
        return REMOVE_LIMIT, f"remove the precondition ({miss.detail})", dataclasses.replace(
            p, duty=dataclasses.replace(p.duty, precondition=None)), None, \
            said("remove-precondition", *((p.duty.precondition,) if p.duty.precondition is not None else ()))
    if miss.element == "object.obtained" and p.object is not None:  # how the offender came by it: any way
        gone = next(a for a in p.object.attrs if a.name.name == "obtained")
        return REMOVE_LIMIT, f"remove the limit to material {miss.detail}", dataclasses.replace(
            p, object=dataclasses.replace(p.object, attrs=tuple(a for a in p.object.attrs if a is not gone))), None, \
            said("remove-obtained", *gone.values)
    if miss.element == "means" and p.means is not None:
        return WIDEN, "reach any means", dataclasses.replace(p, means=A.Means((_term("any-means", "means"),))), None, \
            said("any-means")
    if miss.element == "actors":
        return WIDEN, f"add the actor {miss.detail}", dataclasses.replace(
            p, actors=(*_stated_actors(p), _term(miss.detail, "actors"))), None, \
            said("add-actor", _term(miss.detail, "actors"))
    if miss.element.startswith("object.") and p.object is not None and s.material is not None:
        attr = miss.element.split(".", 1)[1]
        value = _value_for(attr, s)
        if value is None:
            return None
        attrs = tuple(dataclasses.replace(a, values=(*a.values, _term(value, a.values[0].section)), cumulative=False)
                      if a.name.name == attr else a for a in p.object.attrs)
        section = next((a.values[0].section for a in p.object.attrs if a.name.name == attr and a.values),
                       f"object-attributes.{attr}")
        return WIDEN, f"add {value} to the object's {attr}", dataclasses.replace(
            p, object=dataclasses.replace(p.object, attrs=attrs)), None, said("add-value", _term(value, section))
    return None  # another object, a consent or an exception: not one element away


def _value_for(attr: str, s: Scenario) -> str | None:
    """The attribute value that takes in the facts' material."""
    m = s.material
    assert m is not None
    if attr in ("origin", "medium"):
        return m.origin if attr == "origin" else m.medium
    if attr == "depicts":
        return min(m.depicts)
    if attr == "person":  # the narrowest person term that takes in the age
        age = m.person.age
        fits: list[tuple[int, str]] = []
        for name, entry in vocabulary().section("object-attributes.person").items():
            lo, hi = entry.get("ages") or (0, None)
            if lo <= age and (hi is None or age < hi):
                fits.append(((hi if hi is not None else 1000) - lo, name))
        return min(fits)[1] if fits else None
    return None


def _shape(d: A.Provision | A.Obligation) -> tuple[frozenset[str], str, tuple[tuple[str, tuple[str, ...]], ...]]:
    """The act and the material a measure reaches, as its elements say them."""
    obj = d.object
    attrs = tuple(sorted((a.name.name, tuple(sorted(v.name for v in a.values))) for a in obj.attrs)) if obj else ()
    return frozenset(t.name for t in d.conduct), obj.kind.name if obj else "", attrs


def _displaced(p: A.Provision, measures: Sequence[A.Provision | A.Obligation]) -> tuple[A.Provision | A.Obligation,
                                                                                      ...]:
    """The paragraphs of the provision's own article, in force, that deal with the very act and material below the
    threshold it sets (CSEPA art. 39 ¶3's administrative fine for a first apprehension, beside ¶4's crime from the
    second): when the threshold goes they go too, or one act would be a crime and an administrative offence."""
    head = p.id.split(".")[:3]
    return tuple(d for d in measures if d.id != p.id and d.id.split(".")[:3] == head and len(d.id.split(".")) == 4
                 and d.id.split(".")[3].isdigit() and d.status is not None and d.status.name == "in-force"
                 and _shape(d) == _shape(p))


def _edits_of(r: Reach, p: A.Provision, s: Scenario,
              measures: Sequence[A.Provision | A.Obligation] = (), article: str | None = None) -> _Candidate | None:
    """Every miss of one provision mended: a candidate when each takes one edit and there are at most MOST_EDITS.
    Where a threshold goes, the paragraphs of its article that dealt with the act below it (`measures`) go too, and
    the article is amended whole, its later paragraphs renumbered. The amendment implements `article`, as a new
    article the review suggests does."""
    if not r.misses or len(r.misses) > MOST_EDITS:
        return None
    doc, words, ranks, wording, said = p, [], [], [], []
    for miss in r.misses:
        done = _edit(doc, miss, s)
        if done is None:
            return None
        ranks.append(done[0])
        words.append(done[1])
        doc = done[2]
        wording.append(done[3])
        said.append(done[4])
    proposed = _as_proposed(doc, p, article)
    if proposed.object is not None and proposed.conduct:  # its name follows what it now punishes, not what it did
        proposed = dataclasses.replace(proposed, title=_title(
            [t.name for t in proposed.conduct], proposed.object.kind.name,
            proposed.jurisdiction.name if proposed.jurisdiction else None, proposed.object.called))
    edits = [w for w in wording if w is not None]
    gone = _displaced(p, measures) if any(m.element == "tier" for m in r.misses) else ()
    dropped = [int(d.id.split(".")[3]) for d in gone]
    # a text of an earlier version is not reworded: its words may no longer be the law, so the amendment is stated in
    # words, to be made in the current text once that is verified
    reworded = (reword_article(p, edits, dropped) if gone else reword(p, edits)) \
        if all(wording) and _dated(p) is None else None
    if gone and reworded is None and _dated(p) is None:
        return None  # a threshold lifted beside the paragraph it set apart, left in force: no drafter's amendment
    consequential = tuple(f"delete paragraph {n}, which dealt with the same act below the threshold"
                          for n in dropped)
    said += [Edit("delete-paragraph", provision=p.id, paragraph=n) for n in dropped]
    if gone:
        consequential += ("renumber the later paragraphs and the references to them",)
        said.append(Edit("renumber", provision=p.id))
    if reworded is not None:
        # The paragraph as drafting offices amend it: its words in force, with the words changed, and nothing else;
        # the whole article where a paragraph goes and the later ones move up.
        pack = packs.pack(proposed.jurisdiction.name if proposed.jurisdiction else p.id.split(".")[0])
        proposed = dataclasses.replace(
            proposed, text=reworded.text(pack is not None and pack.script == "hant"),
            translation=_term("working-gloss", "translations"),
            instrument=A.Instrument(_term("amendment", "instruments"), _act_of(p), replaces=reworded.article,
                                    paragraph=reworded.paragraph))
        if reworded.paragraph is None and pack is not None:  # the whole article: named as its amendment, not an offence
            proposed = dataclasses.replace(proposed, title=_article_title(p, reworded.article, pack))
    return _Candidate(max(ranks), tuple(words), proposed, p.id, consequential=consequential, said=tuple(said))


def _as_proposed(doc: A.Provision, was: A.Provision, article: str | None = None) -> A.Provision:
    """The edited provision as a proposal: its statute text no longer says what it does (the changed paragraph must
    be made by editing the text in force, which a drafter does), and it amends the act it belongs to; it implements
    the treaty article whose gap it closes, as every suggestion says in its drafting notes."""
    return dataclasses.replace(doc, status=_term("proposed", "statuses"), instrument=_amending(was), text=None,
                               translation=None, text_of=None, sources=_suggested(doc.jurisdiction),
                               implements=_implementing(doc.implements, article))


def _implementing(refs: Sequence[A.Ref], article: str | None) -> tuple[A.Ref, ...]:
    """The treaty articles a provision implements, with `article` added where it is not among them."""
    return tuple(refs) + ((A.Ref(article),) if article is not None and article not in {r.id for r in refs} else ())


def _article_title(p: A.Provision, article: str, pack: packs.Pack) -> A.Text:
    """兒童及少年性剝削防制條例第三十九條條文修正草案 / Draft Amendment to Article 39 of the Child and Youth Sexual
    Exploitation Prevention Act: an article amended whole, as the pack heads an amended article (`front: amended`),
    else as it names its acts and an amendment of them."""
    entry = vocabulary().entry("instruments", p.instrument.kind.name) if p.instrument is not None else None
    act = _act_of(p) or ""
    act_en = str((entry or {}).get("en", act)).removesuffix(f" ({pack.names['en']})")
    amendment = pack.instruments.get("amendment")
    zh = act + pack.cite(article, "zh") + (amendment.labels.get("zh", "") if amendment else "")
    en = f"Amendment of {pack.cite(article, 'en')} of the {act_en}"
    heads = {lang: pack.front.get(lang, {}).get("amended") for lang in ("zh", "en")}
    zh = heads["zh"].format(act=act, article=pack.cite(article, "zh")) if heads["zh"] else zh
    en = heads["en"].format(act=act_en, article=pack.cite(article, "en")) if heads["en"] else en
    return A.Text(zh_hant=zh, en=en) if pack.script == "hant" else A.Text(zh=zh, en=en)


def _act_of(p: A.Provision) -> str | None:
    """The name of the act a provision belongs to, in the jurisdiction's language: as its pack names its instrument,
    else as the vocabulary does (whose `penal-code` may be another State's)."""
    if p.instrument is None:
        return None
    pack = packs.pack(p.jurisdiction.name) if p.jurisdiction is not None else None
    own = pack.instruments.get(p.instrument.kind.name) if pack is not None else None
    entry = vocabulary().entry("instruments", p.instrument.kind.name) or {}
    return p.instrument.target or (own.labels.get("zh") if own is not None else None) or entry.get("zh")


def _amending(p: A.Provision, inserts: str | None = None, after: str | None = None) -> A.Instrument:
    return A.Instrument(_term("amendment", "instruments"), _act_of(p), inserts, after)


def _personal(interest: str) -> bool:
    return interest not in ("public-morality", "social-order", "network-security-order")


def _neighbour(provisions: Sequence[A.Provision], article: str, cx: Counterexample) -> A.Provision:
    """The provision in force whose protected interest is closest to the article's (personal interests before public
    ones), then one whose object takes in the counterexample's, then the one that comes nearest to reaching it."""
    wanted = set(PROTECTS.get(article, ()))
    misses = {r.provision: r.misses for r in cx.misses}

    def closeness(p: A.Provision) -> tuple[int, int, bool, int, str]:
        interests = {t.name for t in (p.protects.primary + p.protects.secondary)} if p.protects else set()
        own = misses.get(p.id, ())
        return (-len(interests & wanted), -sum(map(_personal, interests)),
                any(m.element.startswith("object") for m in own), len(own), p.id)

    in_force = [p for p in provisions if p.status is not None and p.status.name in LAW] or list(provisions)
    return min(in_force, key=closeness)


def _article_number(p: A.Provision) -> str:
    """prc.criminal-law.237.3 -> 237 (the article, without its paragraph)."""
    parts = p.id.split(".")
    return parts[2] if len(parts) > 2 else parts[-1]


def _new_id(near: A.Provision, taken: set[str]) -> tuple[str, str, str]:
    """The id, article number and the article it follows for an article inserted after the neighbour's, numbered as
    its pack numbers inserted articles (`numbering.inserted`): 364-1 (之一) after 364, 22A after 22, 377BF after
    377BE."""
    head = ".".join(near.id.split(".")[:2])
    after = _article_number(near)
    pack = packs.pack(near.jurisdiction.name if near.jurisdiction else near.id.split(".")[0])
    form = pack.inserted if pack is not None else "{number}-{1}"
    if form.endswith("{1}"):
        if near.status is not None and near.status.name not in LAW:
            # beside a proposed article (364-1), the next of its series (364-2), as the NPC numbers them, not
            # 364-1-1; an article in force may stand in a series the set does not hold, so its own number is the root
            after = after.split("-")[0]
        number = f"{after}-1"
    else:
        if form == "{number}{a}":
            after = after.split("-")[0]  # 4-s is paragraph (s) of section 4: a section follows section 4 whole
        number = packs.next_inserted(form, after)
    follows = after
    instrument = pack.instruments.get(head.split(".")[1]) if pack is not None and "." in head else None
    known = instrument.numbers if instrument is not None else frozenset()

    # the set's articles and their paragraphs (under {number}{a}, their lettered paragraphs too: 4a-s), and the numbers
    # the pack knows the act uses
    tails = (".", "-") if form == "{number}{a}" else (".",)

    def used(n: str) -> bool:
        own = f"{head}.{n}"
        return n in known or any(t == own or t.startswith(tuple(own + tail for tail in tails)) for t in taken)

    while used(number):
        # a second article inserted there follows the first (237-2 after 237-1, 22B after 22A), as E230 checks
        follows, number = number, packs.next_inserted(form, number)
    return f"{head}.{number}", number, follows


def _gerund(label: str) -> str:
    words = label.split(" ")
    i = 1 if words[0] in ("otherwise", "publicly") and len(words) > 1 else 0
    verb = words[i]
    if verb.endswith("e") and not verb.endswith("ee"):
        verb = verb[:-1] + "ing"
    elif verb in ("control", "transmit", "submit", "commit"):
        verb = verb + verb[-1] + "ing"
    else:
        verb += "ing"
    return " ".join([*words[:i], verb, *words[i + 1:]])


def _title(conduct: Sequence[str], kind: str, jurisdiction: str | None, called: A.Text | None = None) -> A.Text:
    """The offence's name from the vocabulary's labels; in Taiwan's characters where its statutes are written in them
    (composed in the vocabulary's register, as `render` composes Taiwan text: a drafter revises it). The object in
    the words the draft gives for it (`object … called`), else the pack's, else the treaty's term."""
    v = vocabulary()
    pack = packs.pack(jurisdiction) if jurisdiction else None
    own, own_en = (pack.words("zh"), pack.words("en")) if pack is not None else (packs.Wording(), packs.Wording())
    # each act in the jurisdiction's own word where its pack reads the term so (France's « consulter »: consulting)
    verbs = [_gerund(str(v.conduct(c, jurisdiction).get("en") or v.label("conduct", c, "en"))) for c in conduct]
    en = (", ".join(verbs[:-1]) + " or " + verbs[-1]) if len(verbs) > 1 else verbs[0]
    called_zh = (called.zh_hant or called.zh) if called is not None else None
    # the acts and the object in the statutes' own words where the pack gives them: (索取、取得、瀏覽……罪)
    thing_zh = called_zh or own.objects.get(kind) or v.label("objects", kind, "zh")
    zh = "、".join(own.conduct.get(c) or v.label("conduct", c, "zh") for c in conduct) + thing_zh + "罪"
    thing = (called.en if called is not None else None) or own_en.objects.get(kind) or v.label("objects", kind, "en")
    en = f"{en[0].upper()}{en[1:]} {thing}"
    if list(conduct) == ["finance"]:  # financing offences on the material, never a crime of financing material
        zh = f"{v.label('conduct', 'finance', 'zh')}涉及{thing_zh}的犯罪"
        en = f"Financing offences involving {thing}"
    if pack is not None and pack.script == "hant":
        import opencc  # only a title for a jurisdiction written in traditional characters needs it

        return A.Text(zh_hant=pack.in_own_usage(opencc.OpenCC("s2tw").convert(zh)), en=en)
    return A.Text(zh=zh, en=en)


def _called(provisions: Sequence[A.Provision], kind: str, jurisdiction: str | None) -> A.Text | None:
    """The words the jurisdiction's statutes use for an object of this kind, where a provision of the set gives them
    (`object csam called en "child pornography"`): the first by id, so that every suggestion names it alike."""
    return next((p.object.called for p in sorted(provisions, key=lambda p: p.id)
                 if p.object is not None and p.object.called is not None and p.object.kind.name == kind
                 and (p.jurisdiction.name if p.jurisdiction else None) == jurisdiction), None)


def _base(p: A.Provision) -> A.Sentence | None:
    return next((s for s in p.penalties if s.tier.name == "base"), None)


def _years(s: A.Sentence) -> float:
    """How heavy a sentence is, by its longest term (months as parts of a year); one with no term, lightest."""
    terms = [d.amount / (12 if d.unit.name == "months" else 1) for x in s.principals for d in (x.high, x.low) if d]
    return max(terms, default=0.0) + (0.5 if any(x.kind.name == "life-imprisonment" for x in s.principals) else 0)


def _covered(terms: Iterable[str]) -> set[str]:
    """The treaty's acts that conduct terms reach."""
    return {a for t in terms for a in (vocabulary().entry("conduct", t) or {}).get("covers", ())}


def _penalty_source(article: str, provisions: Sequence[A.Provision], conduct: Sequence[str],
                    of_children: bool) -> A.Provision | None:
    """The offence in force whose penalty a new article takes, weighing each of its acts. On material of children, an
    act the set already punishes for material at large is measured by the gravest offence punishing it: the graver
    kind must not be punished more lightly than the set punishes the act for any material (producing and selling
    child sexual abuse material are not punished as disseminating obscene articles is, when art. 363 punishes
    producing, selling and disseminating them more heavily). Material of adults is no graver kind of what the set's
    offences punish (an intimate image is not a kind of article made for profit), so there, as for an act no offence
    punishes, each act is measured by the offence whose acts stand nearest in the treaty's list of acts (producing …
    making available, soliciting, procuring, accessing, possessing, controlling, financing), one without a threshold
    before one with, then the lighter. The article takes the lightest of its acts' measures, so that it sits within
    the set's own scale: accessing is not punished as producing, nor soliciting, procuring and accessing together as
    paying to possess."""
    order: list[str] = []
    for r in spec_for(article).requirements:
        if r.kind is RequirementKind.OFFENCE:
            order += [a for a in r.conduct if a not in order]

    def acts(terms: Iterable[str]) -> set[int]:
        return {order.index(a) for t in terms for a in (vocabulary().entry("conduct", t) or {}).get("covers", ())
                if a in order}

    new = acts(conduct)
    offences = []
    # an article on material takes the scale of the offences on material where the set has any: indecency against a
    # child (an offence against the person) is no measure for producing or selling material
    material = [p for p in provisions if _of_material(p)]
    for p in material or provisions:
        base = _base(p)
        own = acts(t.name for t in p.conduct)
        if not new or not own or base is None or not base.principals or p.status is None or \
                p.status.name not in LAW:
            continue
        threshold = any(t.name.name == "base" and (t.requires or t.condition) and not t.acts for t in p.tiers)
        offences.append((own, threshold, _years(base), p.id, p))
    if not offences:
        return None
    if of_children:
        # the set's offences on the same material (of children) measure it where there are any: an offence on
        # intimate images of anyone is no measure for a new offence on child sexual abuse material beside one
        # punishing that material (New Zealand's s. 22A(1), 2 years, beside s. 124(1), 14 years)
        offences = [o for o in offences if _of_children(o[4])] or offences

    def measure(x: int) -> tuple[frozenset[int], bool, float, str, A.Provision]:
        punishing = [o for o in offences if x in o[0]] if of_children else []
        if punishing:
            return max(punishing, key=lambda o: (_gravity(o[4]), o[3]))
        return min(offences, key=lambda o: (min(abs(x - y) for y in o[0]), *o[1:4]))

    return min((measure(x) for x in sorted(new)), key=lambda o: o[1:4])[-1]


def lighter_for(new: A.Provision, source: A.Provision, provisions: Iterable[A.Provision],
                scenario: Scenario) -> tuple[A.Provision, ...]:
    """The offences in force, lighter than the one whose penalty a new article takes, that already punish some act on
    material the new article reaches and that source does not (Taiwan's 39-1 takes art. 39 ¶2's penalty for drawn
    material too, whose possession art. 39 ¶4 punishes by a fine, from a second apprehension): the same conduct on
    that material would then be punished at two scales, which a drafter weighs. Read by the evaluator on the
    counterexample's material varied in origin and medium, its object alone: any act of the offence counts."""
    if scenario.material is None:
        return ()
    v = vocabulary()

    def holds(p: A.Provision, s: Scenario) -> bool:
        return not any(m.element.startswith("object") for m in reaches(p, s).misses)

    varied = [scenario.with_material(origin=o, medium=m) for o in sorted(v.section("object-attributes.origin"))
              for m in sorted(v.section("object-attributes.medium"))]
    wider = [s for s in varied if holds(new, s) and not holds(source, s)]
    base = _base(source)
    if not wider or base is None:
        return ()
    return tuple(p for p in provisions if p.id not in (new.id, source.id) and p.status is not None
                 and p.status.name in LAW and _base(p) is not None and not p.finances
                 and _gravity(p) < _gravity(source) and any(holds(p, s) for s in wider))


def _of_children(doc: A.Provision) -> bool:
    """Whether a suggested article is on material of children: its persons end at the age of majority or below."""
    persons = doc.object.values("person") if doc.object else ()
    ends = [(vocabulary().entry("object-attributes.person", p) or {}).get("ages", (0, None))[1] for p in persons]
    return bool(ends) and all(e is not None and e <= MAJORITY for e in ends)


def _gravity(p: A.Provision) -> tuple[float, float, bool]:
    """How grave an offence's punishment is: its heaviest sentence, then its base sentence, then a fine beside it."""
    base = _base(p)
    assert base is not None
    return max(map(_years, p.penalties)), _years(base), base.fine is not None


def _carried(source: A.Provision) -> tuple[tuple[A.Tier, ...], tuple[A.Sentence, ...], tuple[str, ...]]:
    """The tiers of the source's penalty a new article takes, as the source words them: the base sentence without its
    threshold, and each higher tier brought in by a statutory circumstance (情节严重的), which the new article states
    without the figures an interpretation sets for the source's own object. A tier brought in only by figures, which
    the new article does not have, or one that raises the tier below (an aggravation), is not carried; the third item
    names each, so that the draft says so."""
    base = _base(source)
    assert base is not None
    tiers: list[A.Tier] = []
    sentences = [dataclasses.replace(base, increase=None, span=None)]
    dropped: list[str] = []
    for s in source.penalties:
        if s is base:
            continue
        decl = next((t for t in source.tiers if t.name.name == s.tier.name), None)
        if decl is None or decl.requires is None or s.increase is not None:
            dropped.append(s.tier.name)
            continue
        tiers.append(A.Tier(decl.name, decl.requires))
        sentences.append(dataclasses.replace(s, span=None))
    return tuple(tiers), tuple(sentences), tuple(dropped)


def _new_article(q: Requirement, floor: Floor, provisions: Sequence[A.Provision], rules: Sequence[A.Rule],
                 cx: Counterexample, taken: frozenset[str] = frozenset()) -> _Candidate:
    """A new article carrying exactly the requirement's mandatory elements, mapped to the vocabulary, beside the
    provision in force whose protected interest is closest, with that provision's base penalty (a drafter's choice)."""
    article = article_of(q.id)
    near = _neighbour(provisions, article, cx)
    # only the acts the set leaves unpunished, for material of some origin (an act reached only for real recordings is
    # open for drawn material of the same child): those some provision already reaches in full stay where they are;
    # an act the check does not read as reached in full (one reached only by an offence on a publication the law
    # classifies, or on intimate images of anyone) is open too
    origins = sorted(vocabulary().section("object-attributes.origin"))
    full = {a for f in check(spec_for(article), provisions, rules).verdicts if f.requirement.id == q.id
            for a in f.reached if a not in f.partial}
    open_acts = [a for a in q.conduct if a not in full or any(not reached_by(provisions, cx.scenario.but(
        act=a, recipients=floor.audience(a)[0], public=floor.audience(a)[1],
        material=dataclasses.replace(cx.scenario.material, origin=o)), rules) for o in origins)] or list(q.conduct)
    conduct = _conduct_for(open_acts, frozenset(t.name for p in provisions for t in p.conduct))
    kind = next(name for name, grade, _ in q.objects if str(grade) == "full")
    attrs = [A.ObjectAttr(_term("depicts", "object-attributes"),
                          tuple(_term(d, "object-attributes.depicts") for d in floor.depictions))]
    if not floor.person_open:
        exact = [name for name, e in vocabulary().section("object-attributes.person").items()
                 if tuple(e.get("ages") or (0, None)) == tuple(floor.ages)]
        if exact:
            attrs.append(A.ObjectAttr(_term("person", "object-attributes"),
                                      (_term(exact[0], "object-attributes.person"),)))
    if floor.origins_given:
        attrs.append(A.ObjectAttr(_term("origin", "object-attributes"),
                                  tuple(_term(o, "object-attributes.origin") for o in floor.origins)))
    if floor.media_given:
        attrs.append(A.ObjectAttr(_term("medium", "object-attributes"),
                                  tuple(_term(m, "object-attributes.medium") for m in floor.media)))
    if floor.private:
        attrs.append(A.ObjectAttr(_term("privacy", "object-attributes"),
                                  (_term("private-at-recording", "object-attributes.privacy"),)))
    children = not floor.person_open and floor.ages[1] is not None and floor.ages[1] <= MAJORITY
    source = _penalty_source(article, provisions, conduct, children) or near
    base = _base(source)
    tiers, penalty, dropped = _carried(source) if base is not None and base.principals else ((), (), ())
    # An article making new acts punishable (possessing, accessing) stands beside the offence whose penalty it takes,
    # as a drafting office adds 持有 after 传播 (364 -> 364-1); one punishing acts that offence has already, for
    # another object or interest, stands beside the provision protecting the nearest interest.
    beside = source if penalty and not _covered(conduct) & _covered(t.name for t in source.conduct) else near
    # material of children goes into the law of the set's offences on it, not beside an offence on other material
    # whose penalty it takes where none of those states one (an act on intimate images of anyone)
    same = [p for p in provisions if p.status is not None and p.status.name in LAW and p.object is not None
            and p.object.kind.name == kind and _of_children(p)]
    if children and same and not _of_children(beside):
        beside = _neighbour(same, article, cx)
    ident, number, after = _new_id(beside, {p.id for p in provisions} | taken)
    called = _called(provisions, kind, near.jurisdiction.name if near.jurisdiction else None)
    doc = A.Provision(
        id=ident, jurisdiction=near.jurisdiction, status=_term("proposed", "statuses"),
        instrument=_amending(beside, number, after), chapter=beside.chapter,
        title=_title(conduct, kind, near.jurisdiction.name if near.jurisdiction else None, called),
        implements=(A.Ref(article),),
        protects=A.Protects(tuple(_term(i, "interests") for i in PROTECTS.get(article, ()))) or None,
        actors=(_term("natural-person", "actors"),), mental=A.Mental(_term("intent", "mental")),
        # "without right" in the statute's word (非法; remedies.md §1.3), so that an investigator's or a moderator's
        # handling is outside the words; the want of consent says it for Art. 16, where it is the element
        wrongfulness=None if floor.consent_absent else _term("unlawfully", "wrongfulness"),
        conduct=tuple(_term(c, "conduct") for c in conduct), means=A.Means((_term("any-means", "means"),)),
        object=A.ObjectSpec(_term(kind, "objects"), tuple(attrs), called),
        consent=_term("absent", "consent") if floor.consent_absent else None, tiers=tiers,
        prosecution=A.Prosecution(_term("public", "prosecution")), penalties=penalty,
        sources=_suggested(near.jurisdiction))
    elements = [f"conduct {', '.join(conduct)}", f"object {kind}", *(
        f"{a.name.name} {' | '.join(v.name for v in a.values)}" for a in attrs)]
    if floor.consent_absent:
        elements.append("consent absent")
    edits = (f"insert article {number} after {after}: " + "; ".join(elements),)
    gravest, same = _penalty_why(article, conduct, source, provisions) if penalty and children else ((), "")
    edits += (_penalty_words(source.id, dropped, gravest, same),) if penalty else ()
    return _Candidate(NEW_ARTICLE, edits, doc, None, source.id if penalty else None, gravest, penalty_same=same)


def _penalty_why(article: str, conduct: Sequence[str], source: A.Provision,
                 provisions: Sequence[A.Provision]) -> tuple[tuple[str, ...], str]:
    """Why a new article on material of children takes its source's penalty: (the treaty's acts of the article that
    the source punishes and no offence of the set punishes more gravely, in the treaty's order; as
    Amendment.penalty_same). An offence on material of children is named as the set's offence on such material,
    never as the gravest; another is named the gravest only for the acts no offence punishes more gravely."""
    shared = _covered(conduct) & _covered(t.name for t in source.conduct)
    if _of_children(source):
        return (), "acts" if shared else "nearest"
    graver = _covered(t.name for p in provisions if p.id != source.id and p.status is not None
                      and p.status.name in LAW and _base(p) is not None and _base(p).principals
                      and _gravity(p) > _gravity(source) for t in p.conduct)
    order = dict.fromkeys(x for r in spec_for(article).requirements for x in r.conduct)
    return tuple(a for a in order if a in shared and a not in graver), ""


def _penalty_words(source: str, dropped: Sequence[str], gravest: Sequence[str] = (), same: str = "") -> str:
    """The edit that gives a new article its penalty, naming why it is that offence's and each tier it leaves out."""
    why = "the offence nearest in conduct among the set's offences on material depicting persons under 18" \
        if same == "nearest" else \
        "an offence of the set on material depicting persons under 18 that punishes some of its acts" if same else \
        f"the gravest offence of the set punishing {', '.join(gravest)}" if gravest else \
        "the offence of the set nearest in conduct"
    words = f"the penalty of {source}, {why} (a drafter's choice)"
    if dropped:
        words += f", without its {', '.join(dropped)} tier{'s' if len(dropped) > 1 else ''}, which no circumstance " \
                 "of the new article brings in"
    return words


def _place(pid: str) -> tuple[tuple[int, ...], int]:
    """A provision's place in its act: its article's numbers (39, 36-1 as (36, 1)), then its paragraph."""
    parts = pid.split(".")
    article = tuple(int(n) if n.isdigit() else 0 for n in parts[2].split("-")) if len(parts) > 2 else ()
    return article, int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else 0


def _cited(pids: Sequence[str], pack: packs.Pack, lang: str, whole: frozenset[str] = frozenset()) -> str:
    """The offences an article refers to, as its statutes cite them: 第三十六條第一項、第三十八條第一項、第三項或
    第三十九條第二項 / Article 36, paragraph 1; Article 38, paragraph 3; or Article 39, paragraph 2; the articles in
    `whole` without their paragraphs (第三十六條、第三十八條或第三十九條 / Article 36, Article 38 or Article 39)."""
    by_article: dict[str, list[int | None]] = {}
    for pid in pids:
        parts = pid.split(".")
        paragraph = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() and parts[2] not in whole else None
        if paragraph not in by_article.setdefault(parts[2], []):
            by_article[parts[2]].append(paragraph)
    if lang == "zh":
        form = pack.citations.get("zh") or pack.citations["en"]
        items = [pack.cite(number, "zh", paras[0]) + "".join(
            "、" + form.paragraph.format(article="", paragraph=form.numbered(str(n))) for n in paras[1:] if n)
            for number, paras in by_article.items()]
        joined = "、".join(items)
        # the last offence joined by the pack's `or` (Taiwan's 或); where it sets none, 、 throughout, as PRC art. 366
        # lists the articles it applies to
        cut = joined.rfind("、") if pack.words("zh").or_word else -1
        return joined if cut < 0 else joined[:cut] + pack.words("zh").or_word + joined[cut + 1:]
    cites = [pack.cite(number, "en", n) for number, paras in by_article.items() for n in paras]
    if set(by_article) <= whole:  # articles alone: no paragraph's comma to keep apart
        return cites[0] if len(cites) == 1 else ", ".join(cites[:-1]) + " or " + cites[-1]
    return cites[0] if len(cites) == 1 else "; ".join(cites[:-1]) + "; or " + cites[-1]


def _whole_articles(named: Sequence[str], by_id: dict[str, A.Provision], pack: packs.Pack) -> frozenset[str]:
    """The articles a financing article cites whole, where the pack cites them so (`financing-cites: article`): each
    whose every offence in force in the set it finances, so that a paragraph another suggestion inserts or deletes
    (CSEPA art. 38 ¶3, art. 39 ¶3) leaves the list right; an article holding an offence it does not finance is cited
    by paragraph."""
    if pack.financing_cites != "article":
        return frozenset()
    code = {pid: code_of(by_id[pid]) for pid in named}
    out = set()
    for pid in named:
        article = pid.split(".")[2]
        in_article = [q for q, p in by_id.items() if len(q.split(".")) == 4 and q.split(".")[2] == article
                      and code_of(p) == code[pid] and p.status is not None and p.status.name in LAW]
        if all(q in named for q in in_article):
            out.add(article)
    return frozenset(out)


def _of_persons(p: A.Provision) -> bool:
    """Whether the offence is one on material showing persons or against the person shown (indecency against a
    child): the offences of Art. 14(1)(a)-(c) whose financing an article punishes; not one on information or another's
    crime at large, whose financing would be punished far beyond the treaty."""
    entry = vocabulary().entry("objects", p.object.kind.name) if p.object is not None else None
    return bool(entry and entry.get("of-persons"))


def _of_material(p: A.Provision) -> bool:
    """Whether the offence is one on material showing persons (not one against the person, as indecency is, nor on
    information or another's crime at large): the scale whose penalties a new article on material takes."""
    entry = vocabulary().entry("objects", p.object.kind.name) if p.object is not None else None
    return bool(entry and entry.get("of-persons") and not entry.get("against-the-person"))


def _financing_title(doc: A.Provision, pack: packs.Pack) -> A.Text:
    """The heading of an article punishing financing as the offences financed: financing those offences, never a
    crime (罪名) of financing the material, which the article does not make."""
    v = vocabulary()
    assert doc.object is not None
    kind = doc.object.kind.name
    zh = f"{v.label('conduct', 'finance', 'zh')}{v.label('objects', kind, 'zh')}犯罪"
    en = f"Financing offences concerning {v.label('objects', kind, 'en')}"
    if pack.script == "hant":
        import opencc  # only a jurisdiction written in traditional characters needs it

        return A.Text(zh_hant=pack.in_own_usage(opencc.OpenCC("s2tw").convert(zh)), en=en)
    return A.Text(zh=zh, en=en)


def _offer_place(jurisdiction: str | None) -> packs.OfferPlace | None:
    pack = packs.pack(jurisdiction) if jurisdiction else None
    return pack.offer if pack is not None else None


def _offer(q: Requirement, provisions: Sequence[A.Provision], s: Scenario) -> _Candidate | None:
    """Offering (Art. 14(1)(a)) where the pack places it (`offer:`): a paragraph of the article that carries
    distribution, with the pack's heading, words and penalty; the material is that of the article's first paragraph,
    which the words refer to (第一項物品). It adds an act to that offence, so it goes where the article's rules on its
    offences (the increase for gain, attempts, confiscation: 前二項, 第一項至第三項) reach it, before the first of
    them, and the article is amended whole, its later paragraphs and their references renumbered
    (textual.insert_paragraph); after the last paragraph only where no rule applies to those above it. None where the
    pack places it nowhere."""
    if s.act != "offer" or "offer" not in q.conduct:
        return None
    jurisdiction = next((p.jurisdiction.name for p in provisions if p.jurisdiction), None)
    place = _offer_place(jurisdiction)
    in_article = sorted((p for p in provisions if len(p.id.split(".")) > 2 and p.id.split(".")[2] == place.article
                         and p.status is not None and p.status.name == "in-force" and p.text is not None),
                        key=lambda p: _place(p.id)) if place is not None else []
    if place is None or not in_article:
        return None
    carrier = in_article[0]
    assert carrier.text is not None
    count = paragraph_count(carrier.text)
    if count is None:
        return None
    pack = packs.pack(jurisdiction or "")
    hant = pack is not None and pack.script == "hant"
    chinese = carrier.text.zh_hant or carrier.text.zh or ""
    at = insertion_point(chinese)
    whole = insert_paragraph(carrier, at, place.text["zh"], place.text["en"], _place(carrier.id)[1] or 1) \
        if at is not None and pack is not None and "amendment" in pack.instruments else None
    number = at if whole is not None else count + 1
    # the article amended whole is named as its amendment (tw.amendment.38.3), never by an id in force
    ident = ".".join([carrier.id.split(".")[0], "amendment", place.article, str(number)]) if whole is not None else \
        ".".join(carrier.id.split(".")[:3] + [str(number)])
    try:
        parsed = parse_text(f"provision {ident} {{\n  penalty\n    base {place.penalty}\n}}\n", "pack.yaml")
    except LexdraftError:
        return None  # a pack's penalty the language cannot read: packs/schema.json lets only strings through
    (shaped,) = parsed.documents
    assert isinstance(shaped, A.Provision)
    if whole is not None:
        text = whole.text(hant)
        instrument = A.Instrument(_term("amendment", "instruments"), _act_of(carrier), replaces=place.article)
        assert pack is not None
        title = _article_title(carrier, place.article, pack)
    else:
        text = A.Text(zh_hant=place.text["zh"], en=place.text["en"]) if hant else A.Text(zh=place.text["zh"],
                                                                                         en=place.text["en"])
        instrument = A.Instrument(_term("amendment", "instruments"), _act_of(carrier), adds_to=place.article,
                                  paragraph=number)
        title = A.Text(zh_hant=place.title["zh"], en=place.title["en"]) if hant else A.Text(zh=place.title["zh"],
                                                                                            en=place.title["en"])
    doc = dataclasses.replace(
        carrier, id=ident, status=_term("proposed", "statuses"), instrument=instrument,
        title=title, sources=_suggested(carrier.jurisdiction), conduct=(_term("offer", "conduct"),), tiers=(),
        purpose=None,
        implements=_implementing(carrier.implements, article_of(q.id)),
        penalties=tuple(dataclasses.replace(x, span=None) for x in shaped.penalties), text=text, text_of=None,
        translation=_term("working-gloss", "translations"))
    caveat = A.Text(zh=place.check["zh"], en=place.check["en"]) if place.check else None
    if whole is None:
        edit = f"add paragraph {number} to article {place.article}: offering the material of its paragraph 1"
        return _Candidate(ADD_PARAGRAPH, (edit,), doc, None, caveat=caveat)
    # the .lexd note's words (the review says it in each language from `said`, naming what those paragraphs deal with)
    edit = (f"insert, as a new paragraph {number}, an offence of offering the material of paragraph 1, ahead of the "
            "paragraphs that refer back to the ones above it")
    of = _place(carrier.id)[1] or 1
    said = (Edit("insert-paragraph", (_term("offer", "conduct"),), carrier.id, number, of, "offer", whole.following,
                 whole.reaching, whole.through, whole.penalty_from),
            Edit("renumber", provision=carrier.id, paragraph=number))
    return _Candidate(ADD_PARAGRAPH, (edit,), doc, None, caveat=caveat,
                      consequential=("renumber the later paragraphs and the references to them",), said=said)


def _financing(q: Requirement, floor: Floor, provisions: Sequence[A.Provision], rules: Sequence[A.Rule],
               cx: Counterexample, taken: frozenset[str],
               pending: Sequence[A.Provision] = ()) -> _Candidate | None:
    """Financing (Art. 14(1)(d)) as the pack words an article that punishes it as the offence financed (`wording:
    zh/en: financing:`): a new article after the last offence it names, citing each offence of the article's other
    paragraphs in the act that holds most of them. None where the pack words none: a new article as any other."""
    if tuple(q.conduct) != ("finance",):
        return None
    article = article_of(q.id)
    jurisdiction = next((p.jurisdiction.name for p in provisions if p.jurisdiction), None)
    pack = packs.pack(jurisdiction) if jurisdiction else None
    if pack is None or not pack.words("zh").financing or not pack.words("en").financing:
        return None
    # the offences of the law and of the drafts pending beside it (a bill's new article is financed as well)
    by_id = {p.id: p for p in [*provisions, *pending]}
    waiting = {p.id for p in pending}
    financed = {pid for f in check(spec_for(article), list(by_id.values()), rules).verdicts
                if f.requirement.kind is RequirementKind.OFFENCE and "finance" not in f.requirement.conduct
                for pid in f.carriers if pid in by_id and by_id[pid].status is not None
                and (by_id[pid].status.name in LAW or pid in waiting) and _of_persons(by_id[pid])}
    # each offence in the act it stands in (a suggested paragraph's id names the amendment, its instrument the act)
    acts = {pid: code_of(by_id[pid]) for pid in financed}
    if not acts:
        return None
    act = max(sorted(set(acts.values())), key=list(acts.values()).count)
    named = sorted((pid for pid in financed if acts[pid] == act and len(pid.split(".")) > 2), key=_place)
    last = by_id[named[-1]]
    ident, number, after = _new_id(last, {p.id for p in provisions} | taken)
    hant = pack.script == "hant"
    whole = _whole_articles(named, by_id, pack)
    zh = pack.words("zh").financing.format(offences=_cited(named, pack, "zh", whole))  # type: ignore[union-attr]
    en = pack.words("en").financing.format(offences=_cited(named, pack, "en", whole))  # type: ignore[union-attr]
    base = _new_article(q, floor, provisions, rules, cx, taken).document
    doc = dataclasses.replace(
        base, id=ident, instrument=_amending(last, number, after), chapter=last.chapter,
        conduct=(_term("finance", "conduct"),), finances=tuple(A.Ref(pid) for pid in named),
        text=A.Text(zh_hant=zh, en=en) if hant else A.Text(zh=zh, en=en),
        title=_financing_title(base, pack),
        penalties=())  # punished as the offence financed: the text says so, and no range of its own is set
    heading = (pack.words("zh").financing_title, pack.words("en").financing_title)
    if all(heading):  # the heading the pack gives it, naming the offences financed (資助兒童或少年性剝削犯罪)
        doc = dataclasses.replace(doc, title=A.Text(zh_hant=heading[0], en=heading[1]) if hant else
                                  A.Text(zh=heading[0], en=heading[1]))
    edit = f"insert article {number} after {after}: financing punished as the offence financed ({', '.join(named)})"
    return _Candidate(NEW_ARTICLE, (edit,), doc, None, caveat=_numbered_after(last, after, pack), names_whole=whole)


def _numbered_after(last: A.Provision, after: str, pack: packs.Pack) -> A.Text | None:
    """Where a new article follows not the article in force it belongs after but another suggestion's new article
    (financing after 39-1, which accessing takes), it presupposes that one: the review says what it is without it."""
    own = _article_number(last)
    if after == own:
        return None
    act = _act_of(last) or ""
    return A.Text(zh=f"本条的编号以同时建议增加的《{act}》{pack.cite(after, 'zh')}获得采纳为前提；如单独采纳，本条应为"
                     f"{pack.cite(own + '-1', 'zh')}，列在{pack.cite(own, 'zh')}之后。",
                  en=f"Its number presupposes the adoption of {pack.cite(after, 'en')}, proposed beside it; adopted "
                     f"alone, it is {pack.cite(own + '-1', 'en')}, after {pack.cite(own, 'en')}.")


def _verdicts(provisions: Sequence[A.Provision], rules: Sequence[A.Rule],
              articles: Sequence[str], measures: Sequence[A.Obligation] = ()) -> dict[str, Verdict]:
    return {v.requirement.id: v.verdict for a in articles
            for v in check(spec_for(a), provisions, rules, measures=measures).verdicts}


def _probes(floor: Floor, s: Scenario) -> list[Scenario]:
    """Facts just outside the requirement: what an edit that serves only its purpose must not newly reach."""
    out = []
    hi = floor.ages[1]
    if hi is not None and s.material is not None:
        out.append(s.with_material(person=dataclasses.replace(s.material.person, age=max(hi, 18) + 12)))
    if floor.consent_absent:
        out.append(s.but(consent=True))
    return out


def _lint_errors(doc: A.Provision, text: str, provisions: Sequence[A.Provision],
                 replaced: str | None) -> tuple[str, ...]:
    """The printed draft parses back to the same provision and lints clean beside the set it joins."""
    try:
        parsed = parse_text(text, f"{doc.id}.lexd")
    except LexdraftError as e:
        return tuple(d.message for d in e.diagnostics)
    if parsed.documents != (doc,):
        return ("the printed draft does not read back as the amendment",)
    others = A.DraftFile("set", tuple(p for p in provisions if p.id != replaced))
    return tuple(d.message for d in lint([others, parsed]) if d.severity is Severity.ERROR
                 and d.span is not None and d.span.file == f"{doc.id}.lexd")


def _verify(q: Requirement, c: _Candidate, provisions: Sequence[A.Provision], rules: Sequence[A.Rule],
            articles: Sequence[str], before: dict[str, Verdict], cx: Counterexample, text: str) -> Verification:
    after_set = [p for p in provisions if p.id != c.amends] + [c.document]
    after = _verdicts(after_set, rules, articles)
    collateral: list[str] = []
    if c.amends is not None:
        was = next(p for p in provisions if p.id == c.amends)
        for probe in _probes(cx.floor, cx.scenario):
            if reaches(c.document, probe, rules).reached and not reaches(was, probe, rules).reached:
                collateral.append(_probe_words(probe, cx.scenario))
    return Verification(before, after, tuple(reached_by(after_set, cx.scenario, rules)), tuple(collateral),
                        _lint_errors(c.document, text, provisions, c.amends))


def _probe_words(probe: Scenario, s: Scenario) -> str:
    if probe.consent != s.consent:
        return "the same act done with the consent of the person shown"
    assert probe.material is not None
    return f"the same act with material of a person aged {probe.material.person.age}"


def _dated(p: A.Provision | None) -> str | None:
    """The as-at date of a provision quoting the text of an earlier version (`status outdated`), else None."""
    if p is None or p.status is None or p.status.name != "outdated" or p.version is None:
        return None
    return p.version.as_at


def _draft(c: _Candidate, closes: str, base: dict[str, A.Provision] | None = None) -> str:
    """The amendment as a .lexd file: a note saying what it is and is not, then the provision. One built on a text of
    an earlier version says so: the current text must be verified first, and the amendment is expressed against the
    dated one."""
    lines = [f"# Suggested by lexdraft for {closes}: proposed, not law; penalty and placement are a drafter's choice."]
    base = base or {}
    dated = _dated(base.get(c.amends or ""))
    penalty_dated = _dated(base.get(c.penalty_of or ""))
    if c.amends is not None and dated is not None:
        lines.append(f"# It amends {c.amends}, whose text is quoted as at {dated} and has since been amended (current "
                     f"text not verified [NF]): verify the current text first. It is expressed against the text as "
                     f"at {dated} and is read in its place (same id): " + "; ".join(c.changes) + ".")
        lines.append("# Its statute text is to be made by making those changes in the current text, once verified; "
                     "the dated text is not reworded.")
    elif c.amends is not None:
        lines.append(f"# It amends {c.amends} in force and is read in its place (same id): " + "; ".join(c.changes)
                     + ".")
        whole = c.document.instrument is not None and c.document.instrument.paragraph is None
        lines.append(f"# Its text is the {'article' if whole else 'paragraph'} in force with only those changes."
                     if c.document.text else
                     "# The amended paragraph's statute text is to be made by editing the text in force.")
    else:
        lines.append("# A new article: " + "; ".join(c.edits) + ".")
        pack = packs.pack(c.document.id.split(".")[0])
        act = pack.instruments.get(c.document.id.split(".")[1]) if pack is not None else None
        if act is not None and act.numbers:
            source = " ".join((act.numbers_source or "as its pack lists them").split())  # one comment line
            lines.append("# Its number is the next in the series that neither the set nor the numbers the Act is "
                         f"known to use ({source}) take.")
        elif pack is not None and not pack.inserted.endswith("{1}"):
            # a lettered series (22A, 377BF) may go on in the Act beyond what the set holds
            lines.append("# Its number is the next in the series that the set leaves free; the Act may already use "
                         "it: a drafter confirms it, or takes the next free one.")
    if penalty_dated is not None and c.penalty_of != c.amends:
        lines.append(f"# {c.penalty_of}, whose penalty it takes, is quoted as at {penalty_dated} and has since been "
                     f"amended: verify its current penalty first.")
    return "\n".join(lines) + "\n" + format_document(c.document)


def suggest_amendment(requirement: Requirement, provisions: Iterable[A.Provision], rules: Iterable[A.Rule] = (),
                      articles: Sequence[str] = ("uncc.14", "uncc.16", "uncc.18"),
                      cx: Counterexample | None = None, taken: frozenset[str] = frozenset(),
                      pending: Sequence[A.Provision] = (),
                      measures: Sequence[A.Obligation] = (),
                      presupposed: Sequence[A.Provision] = ()) -> Amendment | None:
    """The cheapest verified amendment that makes the requirement met: an edit of a provision in force (a limit
    removed, one element added; at most two changes, none reaching beyond the requirement) before a new article.
    Verified: the set re-checked with it meets the requirement, no verdict of `articles` falls, and the
    counterexample becomes punishable. None where the requirement has no counterexample or nothing verifies.
    For Art. 18(1) (legal persons), the offences no legal person can commit are each opened to units.
    A new article takes a number none of the provisions nor `taken` (other suggestions, pending drafts) has; a
    financing article names the offences of `pending` drafts too, and those of the `presupposed` suggestions (for
    14(1)(a)-(c)), with which it is re-checked: the report gives its verdict alone too."""
    provs = sorted(provisions, key=lambda p: p.id)
    rules = list(rules)
    if requirement.kind is RequirementKind.LEGAL_PERSONS:
        return _legal_persons(requirement, provs, rules, articles, measures)
    cx = cx or counterexample(requirement, provs, rules)
    if cx is None:
        return None
    by_id = {p.id: p for p in provs}
    candidates = [c for r in cx.misses
                  if (c := _edits_of(r, by_id[r.provision], cx.scenario, [*provs, *measures],
                                     article_of(requirement.id))) is not None and by_id[r.provision].status is not None]
    acts = set(requirement.conduct)

    def stranger(c: _Candidate) -> bool:
        """Whether the provision carries no other act of the requirement: adding `control` belongs beside
        `possess`, not in an offence of selling."""
        covered = {a for t in by_id[c.document.id].conduct
                   for a in (vocabulary().entry("conduct", t.name) or {}).get("covers", ())}
        return not covered & acts

    # an act missing from the set goes to the offence that carries the paragraph's other acts for the same material;
    # one the set punishes already is not copied into an offence carrying none of them (possession into advertising)
    carried = {p.object.kind.name for p in provs if p.status is not None and p.status.name in LAW
               and p.object is not None and _covered(t.name for t in p.conduct) & acts}
    candidates = [c for c in candidates if not (stranger(c) and c.document.object is not None
                                                and c.document.object.kind.name in carried)]
    candidates.sort(key=lambda c: (len(c.edits), c.rank, stranger(c), len(c.document.tiers), len(c.document.conduct),
                                   c.document.id))
    offer = _offer(requirement, provs, cx.scenario)
    if offer is not None:  # where the pack puts offering, before any new article
        candidates.append(offer)
    financing = _financing(requirement, cx.floor, provs, rules, cx, taken, [*pending, *presupposed])
    named = {r.id for r in financing.document.finances} if financing is not None else set()
    presupposes = tuple(sorted((p for p in presupposed if p.id in named), key=lambda p: _place(p.id)))
    if financing is not None and presupposes:
        before = _verdicts(provs, rules, articles)
        # re-checked with what it names beside the law: the suggestions it presupposes and the pending drafts
        beside = [*presupposes, *(p for p in pending if p.id in named and p.id not in {d.id for d in presupposes})]
        with_them = [p for p in provs if p.id not in {d.id for d in beside}] + beside
        text = _draft(financing, requirement.id).replace(
            "\nprovision ", f"\n# It names the offences of {', '.join(d.id for d in presupposes)}, suggested beside "
            "it: it is to be adopted with them, and reaches financing only as far as the offences it names do."
            "\nprovision ",
            1)
        v = _verify(requirement, financing, with_them, rules, articles, before, cx, text)
        alone = [*provs, financing.document]
        v = dataclasses.replace(v, alone=_verdicts(alone, rules, articles)[requirement.id],
                                alone_reached=bool(reached_by(alone, cx.scenario, rules)),
                                alone_through=tuple(financed_through(financing.document, cx.scenario, rules, provs)))
        if v.valid(requirement.id):
            return Amendment(requirement.id, financing.rank, financing.document.id, None, financing.changes,
                             financing.document, text, v, cx, (), (requirement.id,), presupposes=presupposes,
                             caveat=financing.caveat, names_whole=financing.names_whole)
    elif financing is not None:
        candidates.append(financing)
    if financing is None:  # where the pack words financing, its form is the form: no offence of financing material
        candidates.append(_new_article(requirement, cx.floor, provs, rules, cx, taken))
    before = _verdicts(provs, rules, articles)
    for c in candidates:
        text = _draft(c, requirement.id, by_id)
        v = _verify(requirement, c, provs, rules, articles, before, cx, text)
        if v.valid(requirement.id):
            options = tuple(sorted({q for q, verdict in v.after.items() if verdict is Verdict.OPTION_USED
                                    and before.get(q) is not Verdict.OPTION_USED}))
            host = by_id.get(c.amends or "")
            carries = tuple(a for a in requirement.conduct if host is not None
                            and a in _covered(t.name for t in host.conduct))
            kind = c.document.object.kind.name if c.document.object is not None else None
            passed = tuple(p.id for p in provs if c.rank == NEW_ARTICLE and p.status is not None
                           and p.status.name in LAW and p.object is not None and p.object.kind.name == kind
                           and _covered(t.name for t in p.conduct) & acts)
            return Amendment(requirement.id, c.rank, c.document.id, c.amends, c.changes, c.document, text, v, cx,
                             options, (requirement.id,), penalty_of=c.penalty_of,
                             penalty_gravest=c.penalty_gravest, penalty_same=c.penalty_same, caveat=c.caveat,
                             said=c.said, host_carries=carries, passed_over=passed)
    return None


def _gaps(article: str, provisions: Sequence[A.Provision], rules: Sequence[A.Rule]) -> list[tuple[Requirement, bool]]:
    """The article's offence gaps, each with whether nothing in the set reaches any of its acts (not-met). An offence
    the general part may reach, which a reviewer decides (financing through complicity, 14(1)(d)), counts as one: a
    separate offence would put it beyond doubt."""
    report = check(spec_for(article), provisions, rules)
    return [(f.requirement, not f.reached if f.verdict is Verdict.NOT_ASSESSED else f.verdict is Verdict.NOT_MET)
            for f in report.verdicts if f.requirement.kind is RequirementKind.OFFENCE and (
                f.verdict.fails or (f.verdict is Verdict.NOT_ASSESSED and f.requirement.via_rules is not None))]


def suggest_amendments(article: str, provisions: Iterable[A.Provision], rules: Iterable[A.Rule] = (),
                       articles: Sequence[str] = ("uncc.14", "uncc.16", "uncc.18"), skip: Iterable[str] = (),
                       pending: Sequence[A.Provision] = (),
                       measures: Sequence[A.Obligation] = ()) -> dict[str, Amendment]:
    """An amendment for every offence gap of the article, by requirement id, each new article with its own number.
    Where two or more gaps that nothing in the set reaches (not-met) each need a new article, one article carries
    the acts of them all (tests/expected/remedies.md §0.E) when it verifies for each; their amendments are then that
    one article, and `closes` names every requirement it makes met. A gap some provision reaches in part keeps its
    own remedy: a copy of the whole paragraph as one offence is what §1.5 forbids. The gaps in `skip` (closed by a
    pending draft) get none; `pending` drafts' numbers are taken, and their offences financed."""
    provs = sorted(provisions, key=lambda p: p.id)
    rules = list(rules)
    gaps = [g for g in _gaps(article, provs, rules) if g[0].id not in set(skip)]
    found: dict[str, Amendment] = {}
    waiting = {p.id for p in pending}
    taken: set[str] = set(waiting)

    def suggest(qs: Iterable[Requirement]) -> None:
        for q in qs:
            a = suggest_amendment(q, provs, rules, articles, taken=frozenset(taken), pending=pending,
                                  measures=measures)
            if a is not None:
                found[q.id] = a
                if a.amends is None:
                    taken.add(a.target)

    # financing follows the articles whose offences it finances: it takes its number after theirs (39-1 access, then
    # 39-2 financing), so it is suggested last
    financed = [(q, not_met) for q, not_met in gaps if tuple(q.conduct) == ("finance",)]
    acts = [g for g in gaps if g not in financed]
    suggest(q for q, not_met in acts if not_met)  # the gaps nothing reaches first: their new articles may merge
    new = [a for a in found.values() if a.rank == NEW_ARTICLE]
    merged = _merged(new, provs, rules, articles, waiting) if len(new) > 1 else None
    if merged is not None:
        found.update({rid: merged for rid in merged.closes})
        taken = {a.target for a in found.values() if a.amends is None} | waiting
    suggest(q for q, not_met in acts if not not_met)
    # financing names the offences of the articles suggested for 14(1)(a)-(c) too, and is re-checked with them
    suggested = list({d.id: d for a in found.values() for d in a.documents}.values())
    for q, _ in financed:
        a = suggest_amendment(q, provs, rules, articles, taken=frozenset(taken), pending=pending, measures=measures,
                              presupposed=suggested)
        if a is not None:
            found[q.id] = a
    return _placed(found, [q.id for q, _ in sorted(gaps, key=lambda g: g[0].id)])


def _placed(found: dict[str, Amendment], order: Sequence[str]) -> dict[str, Amendment]:
    """The amendments by requirement in `order`, each new article that follows another suggested one saying so
    (Amendment.follows): a drafter may adopt one suggestion without the other. A financing article already says it is
    adopted with the articles it names."""
    new: dict[str, Amendment] = {}
    for a in found.values():
        if a.amends is None:
            new.setdefault(a.target, a)
    placed: dict[int, Amendment] = {}  # one amendment closing several requirements stays one
    for a in found.values():
        chain: list[Amendment] = []
        at = a.document.instrument
        while at is not None and at.after and (prev := new.get(f"{a.target.rsplit('.', 1)[0]}.{at.after}")) \
                is not None and prev is not a and prev not in chain and prev.document not in a.presupposes:
            chain.append(prev)
            at = prev.document.instrument
        if not chain or id(a) in placed:
            placed.setdefault(id(a), a)
            continue
        first = chain[-1].document.instrument
        assert first is not None
        assumed = ", ".join(f"{f.document.id} (for {', '.join(f.closes or (f.requirement,))})" for f in reversed(chain))
        them = "it" if len(chain) == 1 else "them"
        note = (f"# Its number and place assume {assumed} adopted with it; without {them} it follows article "
                f"{first.after}, numbered {first.inserts}.")
        placed[id(a)] = dataclasses.replace(a, follows=tuple(chain),
                                            lexd=a.lexd.replace("\nprovision ", f"\n{note}\nprovision ", 1))
    return {rid: placed[id(found[rid])] for rid in order if rid in found}


def _merged(new: Sequence[Amendment], provs: Sequence[A.Provision], rules: Sequence[A.Rule],
            articles: Sequence[str], taken: set[str] | None = None) -> Amendment | None:
    """The new articles of several gaps as one: the union of their acts, verified to meet each requirement."""
    first = new[0]
    acts = [a for am in new for t in am.document.conduct
            for a in (vocabulary().entry("conduct", t.name) or {}).get("covers", ())]
    conduct = _conduct_for(list(dict.fromkeys(acts)), frozenset(t.name for p in provs for t in p.conduct))
    assert first.document.object is not None
    doc = dataclasses.replace(first.document, conduct=tuple(_term(c, "conduct") for c in conduct),
                              title=_title(conduct, first.document.object.kind.name,
                                           first.document.jurisdiction.name if first.document.jurisdiction else None,
                                           first.document.object.called))
    source = _penalty_source(article_of(first.requirement), provs, conduct, _of_children(first.document))
    base = _base(source) if source is not None else None
    dropped: tuple[str, ...] = ()
    if base is not None and source is not None and first.penalty_of is not None:
        # the union of acts may stand nearer another offence: its penalty, and (for new acts) its place beside it
        tiers, penalties, dropped = _carried(source)
        doc = dataclasses.replace(doc, tiers=tiers, penalties=penalties)
        if not _covered(conduct) & _covered(t.name for t in source.conduct):
            ident, number, after = _new_id(source, {p.id for p in provs} | (taken or set()))
            doc = dataclasses.replace(doc, id=ident, instrument=_amending(source, number, after),
                                      chapter=source.chapter)
    ids = tuple(am.requirement for am in new)
    assert doc.instrument is not None
    where = f"insert article {doc.instrument.inserts} after {doc.instrument.after}"
    rest = first.edits[0].split(": ", 1)[1].split("; ", 1)[1]
    penalty_of = source.id if base is not None and first.penalty_of is not None else first.penalty_of
    gravest, same = _penalty_why(article_of(first.requirement), conduct, source, provs) \
        if source is not None and penalty_of == source.id and _of_children(first.document) else ((), "")
    edits = (f"{where}: conduct {', '.join(conduct)}; {rest}",) + (
        (_penalty_words(penalty_of, dropped, gravest, same),) if penalty_of else ())
    c = _Candidate(NEW_ARTICLE, edits, doc, None, penalty_of, gravest, penalty_same=same)
    before = _verdicts(provs, rules, articles)
    text = _draft(c, " and ".join(ids), {p.id: p for p in provs})
    after_set = [*provs, doc]
    after = _verdicts(after_set, rules, articles)
    facts = [am.counterexample.scenario for am in new if am.counterexample is not None]
    if not all(after[q].conforms for q in ids) or any(after[q].rank < v.rank for q, v in before.items()) or \
            len(facts) < len(new) or not all(reached_by(after_set, s, rules) for s in facts):
        return None
    v = Verification(before, after, tuple(reached_by(after_set, facts[0], rules)), (),
                     _lint_errors(doc, text, provs, None))
    if v.lint:
        return None
    options = tuple(sorted({q for q, verdict in after.items() if verdict is Verdict.OPTION_USED
                            and before.get(q) is not Verdict.OPTION_USED}))
    return Amendment(first.requirement, NEW_ARTICLE, doc.id, None, c.edits, doc, text, v, first.counterexample,
                     options, ids, penalty_of=penalty_of, penalty_gravest=gravest, penalty_same=same)


def _stated_actors(p: A.Provision) -> tuple[A.Term, ...]:
    """Who the provision's words make liable, as an actor is added to them: silence is every natural person, so a
    provision that names none keeps them, stated, beside the legal persons it gains."""
    return p.actors or (_term("natural-person", "actors"),)


def _legal_persons(q: Requirement, provs: Sequence[A.Provision], rules: Sequence[A.Rule],
                   articles: Sequence[str], measures: Sequence[A.Obligation] = ()) -> Amendment | None:
    """Art. 18(1): every provision that carries the offences of the articles named and that no legal person can
    commit (by its actors or a legal-persons rule) or answer for under an administrative measure gets `unit` among
    its actors, one element each, as a paragraph on units (单位犯前款罪的……) does; verified as any amendment is. A rule
    of the general part cannot be composed: the language keeps a rule only with its verbatim text."""
    by_id = {p.id: p for p in provs}
    carriers = sorted({pid for article in q.offences_of for f in check(spec_for(article), provs, rules).verdicts
                       if f.requirement.kind is RequirementKind.OFFENCE for pid in f.met_by})
    administrative = liable_by_measure(q.offences_of, provs, rules, measures)
    short = [by_id[pid] for pid in carriers if not answers(by_id[pid], "unit", rules) and pid not in administrative]
    if not short:
        return None
    docs = [_as_proposed(dataclasses.replace(p, actors=(*_stated_actors(p), _term("unit", "actors"))), p,
                         article_of(q.id))
            for p in short]
    edits = tuple(f"add the actor unit to {p.id}" for p in short)
    said = tuple(Edit("add-actor", (_term("unit", "actors"),), p.id) for p in short)
    text = "\n".join([f"# Suggested by lexdraft for {q.id}: proposed, not law.",
                      "# Each provision amends the one in force with the same id and is read in its place: "
                      + "; ".join(edits) + ".",
                      "# The amended paragraphs' statute text is to be made by editing the text in force."]) + "\n"
    text += "\n".join(format_document(d) for d in docs)
    before = _verdicts(provs, rules, articles, measures)
    after_set = [p for p in provs if p.id not in {d.id for d in docs}] + docs
    after = _verdicts(after_set, rules, articles, measures)
    problems = tuple(m for d in docs for m in _lint_errors(d, format_document(d), provs, d.id))
    v = Verification(before, after, tuple(d.id for d in docs), (), problems)
    if not (after[q.id].conforms and not v.fell() and not problems):
        return None
    return Amendment(q.id, WIDEN, docs[0].id, docs[0].id, edits, docs[0], text, v, None, (), (q.id,),
                     tuple(docs[1:]), said=said)
