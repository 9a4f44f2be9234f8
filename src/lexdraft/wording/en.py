"""The clause model worded in English, in the style of the official translations of PRC law."""

from __future__ import annotations

import re

from ..language import ast as A
from ..language.vocabulary import vocabulary
from ..treaty.acts import gerund
from .clause import (
    Acts,
    Circumstance,
    ClauseWording,
    Definition,
    Exception_,
    Knowledge,
    Numbers,
    Offence,
    Omission,
    Prosecution,
    Thing,
    Trigger,
    Values,
    Who,
    age_tests,
    mode_of_trial,
)
from .labels import condition_clause, term_label
from .phrases import condition_items, lead_in, list_lines, penalty_phrase
from .words import capitalize, join_alternatives, with_article

_FRAMES = {"identifiable-by": "is capable of being identified by {v}", "standard": "is {v}", "privacy": "is {v}"}


def _label(term: A.Term) -> str:
    return term_label(term, "en")


def gerund_of(term: A.Term) -> str:
    """A conduct term as an act: distribute -> distributing."""
    return gerund(vocabulary().entry("conduct", term.name) or {"en": term.name})


def object_noun(kind: A.Term) -> str:
    """The defined term without its article or possessor: an intimate image of another person -> intimate image."""
    label = re.sub(r"^(an?|the) ", "", _label(kind))
    return re.sub(r" of (another person|others)$", "", label)


def where_clause(label: str) -> str:
    """Make a circumstance label an English 'where' clause."""
    if label.startswith("where "):
        return label
    if label.startswith(("with ", "by ")):
        return f"where the offence is committed {label}"
    return f"where the case involves {label}"


def participle(term: A.Term) -> str:
    """The past participle of a making verb (produce -> produced, record -> recorded)."""
    verb = _label(term)
    return verb + ("d" if verb.endswith("e") else "ed")


class OfficialEnglish(ClauseWording):
    """Whoever …, shall be sentenced to …; where the circumstances are serious, to … (the official translations)."""

    lang = "en"
    duty_source = "prescribed by"  # a duty's source, as the wording names it
    case = "the case"  # what a tier's numbers are counted in

    def subject(self, who: Who) -> str | None:
        """One of the subject, with its article: network service providers -> a network service provider."""
        return with_article(_label(who.subject).rstrip("s")) if who.subject else None

    def knowledge(self, k: Knowledge, conduct: Acts | Omission) -> str:
        if isinstance(conduct, Omission):
            return "knows or should know" if k.presumed else "knows"
        return "knowing or having reason to know its nature," if k.presumed else "knowingly"

    def purposes(self, terms: tuple[A.Term, ...]) -> str:
        return " or ".join(_label(t) for t in terms)

    def means(self, terms: tuple[A.Term, ...]) -> str:
        """by means of an information network / by violence or coercion: nominal means follow one 'by'; a means in the
        words the jurisdiction's pack gives (by the internet or other means)."""
        labels = [self.own_words.means.get(m.name) or _label(m) for m in terms]
        verbal = [label for label in labels if label.startswith("by ")]
        nominal = [label for label in labels if label not in verbal]
        return " or ".join(verbal + (["by " + join_alternatives(nominal, "en")] if nominal else []))

    def acts(self, terms: tuple[A.Term, ...]) -> str:
        """The verbs in the third person (the vocabulary's `en3`, or the jurisdiction's pack's where it reads the term
        in its own word: France's « consulter », consults): produces, synthesizes or disseminates."""
        return join_alternatives([str(vocabulary().conduct(c.name, self.jurisdiction).get("en3") or _label(c))
                                  for c in terms], "en")

    def omission(self, o: Omission) -> str:
        name = _label(o.duty)
        the = "" if name.startswith("the ") else "the "
        return f"fails to perform {the}{name}{f' {self.duty_source} ' + _label(o.under) if o.under else ''}"

    def precondition(self, term: A.Term) -> str:
        return _label(term)

    def thing(self, t: Thing) -> str:
        if t.persons:
            return join_alternatives([_label(v) for v in t.persons], "en")
        # the object as the jurisdiction's law names it, where its pack gives the words
        return (self.own_words.objects.get(t.kind.name) if t.own else None) or _label(t.kind)

    def as_to(self, a: A.AsTo) -> str:
        """with knowledge or reason to believe as to the nature of the material"""
        states = join_alternatives([_label(m.kind) for m in a.states], "en")
        return f"with {states} as to {_label(a.element)}"

    def consent(self, term: A.Term, minors: A.Term | None = None, below: int | None = None) -> str:
        """without the consent of the person depicted (where that person is under 18, of the holders of parental
        authority) / (a person under 16 cannot give that consent)"""
        return (_label(term) + (f" (where that person is under 18, of {_label(minors)})" if minors else "")
                + (f" (a person under {below} cannot give that consent)" if below is not None else ""))

    def harm(self, term: A.Term) -> str:
        return _label(term)

    def trigger(self, t: Trigger) -> str:
        if isinstance(t, Circumstance):
            return where_clause(_label(t.term))
        if isinstance(t, Numbers):
            if t.listed:
                return f"in {lead_in(t.condition.mode, 'en')} circumstances"
            items = [i.text for i in condition_items(t.condition, "en", self.jurisdiction)]
            word = "or" if t.condition.mode is A.ConditionMode.ANY else "and"
            return f"where {self.case} involves " + join_alternatives(items, "en", word)
        label = str(vocabulary().label("tiers", t.tier.name, "en"))
        return label if mode_of_trial(t) else where_clause(label)

    def penalty(self, s: A.Sentence) -> str:
        return penalty_phrase(s, "en", self.jurisdiction)

    def clause(self, o: Offence) -> str:
        """Whoever, for the purpose of …, produces … an intimate image of another person without consent (no verb)."""
        lead: list[str] = []
        if o.purposes:
            lead.append(self.purposes(o.purposes))
        if o.means:
            lead.append(self.means(o.means))
        obj = self.thing(o.object) if o.object else ""
        if isinstance(o.conduct, Omission):
            core = self.omission(o.conduct)
            if o.knowledge:
                core += f" with regard to {obj} which it {self.knowledge(o.knowledge, o.conduct)} of"
            if o.conduct.precondition is not None:
                core += f" and {self.precondition(o.conduct.precondition)}"
        else:
            adverb = self.knowledge(o.knowledge, o.conduct) + " " if o.knowledge else ""
            if o.wrongfulness is not None:  # knowingly and unlawfully produces …
                unlawful = self.wrongfulness(o.wrongfulness)
                adverb = f"{adverb.strip()} and {unlawful} " if adverb else f"{unlawful} "
            to = f" {self.recipients(o.recipients)}" if o.recipients else ""
            core = f"{adverb}{self.acts(o.conduct.governed)} {obj}{'' if o.conduct.spreading else to}".rstrip()
            if o.conduct.spreading:
                # A limb of its own (or whoever …): the purpose governs only the making before it, and to whom only
                # the spreading after it.
                made = join_alternatives([participle(c) for c in o.conduct.governed], "en")
                way = " in that way" if o.means else ""
                again = f"{self.wrongfulness(o.wrongfulness)} " if o.wrongfulness is not None else ""
                core += f", or whoever {again}{self.acts(o.conduct.spreading)} {obj} {made}{way}{to},"
        if o.consent is not None:
            core += " " + self.consent(o.consent, o.consent_minors, o.consent_below_age)
        if o.harm is not None:
            core += f", {self.harm(o.harm)},"
        core += "".join(f", {self.as_to(a)}," for a in o.as_to)
        subject = self.subject(o.who)
        if subject:
            head = f"{capitalize(subject)} that"
            return f"{head} {', '.join(lead) + ', ' if lead else ''}{core}"
        return f"Whoever, {', '.join(lead)}, {core}" if lead else f"Whoever {core}"

    def offence_lines(self, o: Offence) -> list[str]:
        text = self.clause(o)
        tail: list[str] = []
        for i, tier in enumerate(o.tiers):
            trig, pen = tier.trigger, self.penalty(tier.sentence)
            listed = isinstance(trig, Numbers) and trig.listed
            if i == 0:
                if trig is None:
                    text += f" shall be sentenced to {pen}"
                elif listed:
                    text += f" shall, {self.trigger(trig)}, be sentenced to {pen}:"
                else:
                    text += f", {self.trigger(trig)}, shall be sentenced to {pen}"
            else:
                assert trig is not None  # only the first tier may be the base tier without a condition
                to = "" if tier.sentence.increase else "to "
                text += f"; {self.trigger(trig)}, {to}{pen}" + (":" if listed else "")
            if isinstance(trig, Numbers) and trig.listed:
                tail = list_lines(trig.condition, "en", self.jurisdiction)
        if not tail:
            text += "."
        return [text, *tail]

    def reference(self, kind: str, near: bool) -> str:
        place = "the preceding paragraph" if near else "paragraph 1"
        return f"the crime in {place}" if kind == "crime" else place

    def units(self, ref: str, where: str) -> str:
        return (f"Where a unit commits {ref}, the unit shall be sentenced to a fine, and its directly responsible "
                f"managers and other directly responsible persons shall be punished in accordance with {where}.")

    def exception(self, e: Exception_, o: Offence, ref: str, summary: bool) -> list[str]:
        """Conduct under the preceding paragraph carried out for … does not constitute a crime where …"""
        label = _label(e.kind)
        conds = [condition_clause(c) for c in e.conditions]
        if e.form == "work":
            noun = object_noun(o.object.kind) if o.object else "the object of this Article"
            scope = "this summary" if summary else "this Article"
            lead = f"{capitalize(label)} are not {noun} within the meaning of {scope}"
        else:
            act = f"for {label}" if e.form == "purpose" else label
            # a defence to some acts only names them: "Conduct under … consisting in distributing and carried out …"
            which = f" consisting in {join_alternatives([gerund_of(a) for a in e.acts], 'en')} and" if e.acts else ""
            lead = f"Conduct under {ref}{which} carried out {act}"
        verb = "" if e.form == "work" else " does not constitute a crime"

        if len(conds) > 1:
            items = [f"({i}) {c}{'.' if i == len(conds) else '; and' if i == len(conds) - 1 else ';'}"
                     for i, c in enumerate(conds, 1)]
            return [f"{lead}{verb} where all of the following conditions are met:", *items]
        if conds:
            c = conds[0]
            if c.startswith("with "):
                return [f"{lead} {c}{verb}."]
            return [f"{lead}{verb} where {c}."]
        return [f"{lead}{verb}."]

    def prosecution(self, pr: Prosecution, ref: str) -> str:
        """… shall be handled only upon complaint, except in cases of …"""
        label = re.sub(r" \(.*\)$", "", _label(pr.kind))
        excepts = [_label(x) for x in pr.exceptions]
        tail = f", except in cases of {join_alternatives(excepts, 'en')}" if excepts else ""
        return f"{capitalize(ref)} shall be {label}{tail}."

    def regardless_of_consent(self, term: A.Term) -> str:
        return f"This Article applies {_label(term)}."

    def frame(self, attribute: str) -> str | None:
        return _FRAMES.get(attribute)

    def definition(self, d: Definition, quoted: bool, summary: bool) -> list[str]:
        """For the purposes of this Article, 'intimate image' means … that …"""
        scope = "this summary" if summary else "this Article"
        q_open, q_close = ("‘", "’") if quoted else ("“", "”")
        noun = object_noun(d.kind)
        head = noun.split()[-1]  # the head of a compound noun: intimate image -> image

        def vals(v: Values | None) -> list[str]:
            return [_label(t) for t in v.terms] if v else []

        def joined(v: Values | None) -> str:
            return join_alternatives(vals(v), "en", "and" if v and v.cumulative else None)

        depicts, origins = vals(d.depicts), vals(d.origin)
        adjectives = [origins[0]] if len(origins) == 1 else []
        if d.medium:
            adjectives.append(joined(d.medium))
        who = f"{joined(d.person)} in " if d.person else ""
        verb = "contains" if d.content and not who else "depicts"
        clauses = []
        # What the object depicts comes first, unless it is enumerated: a list can only close the sentence.
        if depicts and not d.listed:
            clauses.append(f"{verb} {who}{joined(d.depicts)}")
        elif not depicts and d.person:
            clauses.append(f"depicts {joined(d.person)}")
        if d.standard:
            clauses.append(_FRAMES["standard"].format(v=joined(d.standard)))
        clauses += [_FRAMES[n].format(v=joined(d.values(n))) for n in ("identifiable-by", "privacy") if d.values(n)]
        if d.place:
            clauses.append(f"was made in {joined(d.place)}")
        if d.obtained:
            clauses.append(f"was {joined(d.obtained)}")
        if d.listed:
            clauses.append(f"{verb} {who}any of the following")
        if head.endswith("s"):
            # A plural head ("obscene articles") takes plural verbs: that depict ... and are obscene.
            plural = {"depicts": "depict", "contains": "contain", "is": "are"}
            clauses = [re.sub(r"^(depicts|contains|is)\b", lambda m: plural[m.group(1)], c) for c in clauses]
        described = with_article(" ".join([*adjectives, head]))
        if len(origins) > 1:
            described += f", whether {join_alternatives(origins, 'en')},"
        # an object stated only by what does not restrict it (its origins, an age test) has no definition to give
        text = (f"For the purposes of {scope}, {q_open}{noun}{q_close} means {described} that "
                + join_alternatives(clauses, "en", "and")) if clauses else \
            f"For the purposes of {scope}, {q_open}{noun}{q_close} means {described.rstrip(',')}" \
            if adjectives or origins else None
        lines: list[str] = []
        if text is not None and d.listed:
            lines.append(text + ":")
            lines += [f"({i}) {v}{'.' if i == len(depicts) else ';'}" for i, v in enumerate(depicts, 1)]
        elif text is not None:
            lines.append(text + ".")
        if d.age_test:
            lines.append(f"For the purposes of {scope}, the age of a person depicted is {age_tests(d.age_test, 'en')}.")
        if d.virtual_test:
            tests = vals(d.virtual_test)
            lines.append(f"Synthetic {head} falls within {scope} only where all of the following are met:")
            lines += [f"({i}) {t}{'.' if i == len(tests) else '; and' if i == len(tests) - 1 else ';'}"
                      for i, t in enumerate(tests, 1)]
            lines += [f"{_label(t)}." for t in d.virtual_scope]
        return lines
