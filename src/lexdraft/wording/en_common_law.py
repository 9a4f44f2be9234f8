"""The clause model worded as an English common-law section: numbered subsections, liability on conviction.

The forms follow the Commonwealth statutes the atlas quotes: "A person commits an offence if …" and "is liable on
conviction to imprisonment for a term not exceeding 2 years" (NZ HDCA 2015 s 22A, FVPCA 1993 s 124), "Nothing in
subsection (1) makes it an offence …" (FVPCA s 131(4)), "It shall be no defence to a charge under subsection (1)
that …" (s 131(3)), "In this section, …" for definitions. Punishments with no common-law counterpart (criminal
detention, public surveillance) are refused, never translated into something the law does not say.
"""

from __future__ import annotations

import re

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from .clause import (
    Acts,
    Definition,
    Exception_,
    Knowledge,
    Numbers,
    Offence,
    Omission,
    Prosecution,
    Values,
    age_tests,
    mode_of_trial,
)
from .en import OfficialEnglish, object_noun
from .labels import condition_clause, term_label
from .numerals import en_fraction
from .phrases import Item, condition_items
from .words import join_alternatives, with_article

_FRAMES = {"identifiable-by": "is capable of being identified by {v}", "standard": "is {v}", "privacy": "is {v}"}

# Punishments a common-law section can impose: imprisonment (for a term or for life) and a fine, also as the
# alternative to imprisonment or alone ("imprisonment for a term not exceeding 1 year or a fine").
_TERMS = {"imprisonment", "life-imprisonment", "fine"}

# Prosecutions only upon the complaint of the person harmed (告诉的才处理, 告訴乃論).
_ON_COMPLAINT = {"private", "complaint-required"}


def unit_words(jurisdiction: str) -> tuple[str, str]:
    """What composed text calls an article and its numbered parts: a common-law section and its subsections, or
    the pack's own words (France's and Brazil's articles and paragraphs, pack.yaml `wording.en`)."""
    p = packs.pack(jurisdiction)
    words = p.words("en") if p is not None else packs.Wording()
    return words.article or "section", words.paragraph or "subsection"


def _label(term: A.Term) -> str:
    return term_label(term, "en")


def _years(d: A.Duration) -> str:
    """5 years, 6 months: Commonwealth statutes write terms in figures."""
    unit = _label(d.unit)
    return f"{d.amount} {unit[:-1] if d.amount == 1 and unit.endswith('s') else unit}"


def _refuse(what: str, term: A.Term, hint: str) -> Exception:
    return fail("E402", f"the common-law English style has no wording for {what} `{term.name}`", term.span, hint)


def _list_end(i: int, n: int, word: str, ends: bool = True) -> str:
    """'; or' before the last item, '.' after it (or ';' when the sentence goes on)."""
    if i == n:
        return "." if ends else ";"
    return f"; {word}" if i == n - 1 else ";"


class CommonLawEnglish(OfficialEnglish):
    """(1) A person commits an offence if the person … (2) A person who commits an offence under subsection (1) is
    liable on conviction to … Each later part is a subsection of its own; lists are paragraphs (a), (b), (i)."""

    lang = "en"
    duty_source = "imposed by"
    case = "the offence"

    def __init__(self, jurisdiction: str) -> None:
        super().__init__(jurisdiction)
        self.unit, self.part = unit_words(jurisdiction)
        # Where the parts stand: the offence is subsection (1), its penalties subsection (2).
        self.offence_ref, self.penalty_ref = f"{self.part} (1)", f"{self.part} (2)"

    # -------------------------------------------------------------- the parts
    # The parts worded as the official translations word them (subject, purposes, means, acts, thing, consent,
    # harm, trigger) are inherited from OfficialEnglish; what a common-law section says otherwise is below.

    def knowledge(self, k: Knowledge, conduct: Acts | Omission) -> str:
        if isinstance(conduct, Omission):
            return "knows or ought to know" if k.presumed else "knows"
        return "knowing or having reason to believe" if k.presumed else "knowing"

    def penalty(self, s: A.Sentence) -> str:
        """imprisonment for a term not exceeding 3 years or a fine, or both: what the person is liable to."""
        if s.increase is not None:
            num, den = s.increase
            return f"the penalty in paragraph (a) increased by up to {en_fraction(num, den)}"
        terms = []
        fine = self._fine(s.fine) if s.fine is not None else None
        # a principal fine has no amount of its own: the `; fine` part gives its cap, so it is that fine, said once
        principal_fine = any(p.kind.name == "fine" for p in s.principals)
        for p in s.principals:
            if p.kind.name not in _TERMS:
                raise _refuse("the punishment", p.kind, "a common-law section punishes by imprisonment or a fine; "
                              "write the penalty as `imprisonment <= N years` with a `fine`")
            if p.kind.name == "life-imprisonment":
                terms.append("imprisonment for life")
                continue
            if p.kind.name == "fine":
                terms.append(fine or "a fine")
                continue
            if p.high is None:
                raise fail("E407", "a common-law section states the maximum term of imprisonment", p.span,
                           "write `imprisonment <= N years` or `imprisonment N..M years`")
            low = f"of not less than {_years(p.low)} and " if p.low else ""
            terms.append(f"imprisonment for a term {low}not exceeding {_years(p.high)}")
        # a penalty beside the fine: "…, and to forfeiture of the material and the means used"
        beside = s.fine.and_also if s.fine is not None else None
        also = f", and to {term_label(beside, 'en', 'penalties')}" if beside is not None else ""
        if principal_fine:  # "imprisonment … or a fine not exceeding …", and ", or both" where the fine may go with it
            both = len(terms) > 1 and s.fine is not None and s.fine.mode.name == "optional"
            return " or ".join(terms) + (", or both" if both else "") + also
        if not terms:
            if fine is None:
                raise fail("E407", f"the `{s.tier.name}` penalty names no punishment", s.span,
                           f"write the punishment after the tier, e.g. `{s.tier.name} imprisonment <= 3 years`")
            return fine + also
        text = " or ".join(terms)
        if fine is None:
            return text
        mode = s.fine.mode.name if s.fine is not None else ""
        if mode == "optional":  # 并处或者单处: either or both
            text = f"{text} or {fine}, or both"
        elif mode == "additional":  # 得併科: the court may add a fine
            text = f"{text}, with or without {fine}"
        else:
            text = f"{text} and {fine}"  # 并处: the fine goes with the term
        return text + also

    def _fine(self, f: A.Fine) -> str:
        if f.or_also is not None:
            raise _refuse("the punishment", f.or_also, "a common-law section states forfeiture in a section of its "
                          "own; drop it from the fine")
        if f.mode.name not in {"mandatory", "optional", "additional"}:
            raise _refuse("the fine mode", f.mode, "choose mandatory, optional or additional")
        if f.cap is None:
            return "a fine"
        if f.unit is None:
            raise fail("E407", "a fine cap needs its currency, e.g. `fine mandatory <= 500000 yuan`", f.span,
                       "write the currency after the amount")
        if f.floor is not None:
            return f"a fine of not less than {f.floor:,} and not exceeding {f.cap:,} {_label(f.unit)}"
        return f"a fine not exceeding {f.cap:,} {_label(f.unit)}"

    # -------------------------------------------------------------- the offence and its penalties

    def clause(self, o: Offence) -> str:
        """A person commits an offence if the person, for the purpose of …, produces … without consent."""
        lead = [self.purposes(o.purposes)] if o.purposes else []
        if o.means:
            lead.append(self.means(o.means))
        obj = self.thing(o.object) if o.object else ""
        subject = self.subject(o.who)
        pronoun = "it" if subject else "the person"
        if isinstance(o.conduct, Omission):
            core = self.omission(o.conduct)
            if o.knowledge:
                core += f" in respect of {obj} that {pronoun} {self.knowledge(o.knowledge, o.conduct)} of"
            if o.conduct.precondition is not None:
                core += f" and {self.precondition(o.conduct.precondition)}"
        else:
            unlawful = f"{self.wrongfulness(o.wrongfulness)} " if o.wrongfulness is not None else ""
            to = f" {self.recipients(o.recipients)}" if o.recipients else ""
            core = f"{unlawful}{self.acts(o.conduct.governed)} {obj}{'' if o.conduct.spreading else to}".rstrip()
            if [t.name for t in o.conduct.governed] == ["finance"] and o.object and not o.conduct.spreading:
                # one finances offences, not material (Art. 14(1)(d): "financing the offences")
                core = f"{unlawful}{self.acts(o.conduct.governed)} the commission of an offence involving {obj}{to}"
            if o.conduct.spreading:  # to whom: the spreading limb's, nothing being made to anyone
                core += f", or {unlawful}{self.acts(o.conduct.spreading)} such {with_article(self._noun(o))}{to}"
            if o.knowledge and o.object:
                noun = self._noun(o)
                core += (f", {self.knowledge(o.knowledge, o.conduct)} that the {noun.split()[-1]} is "
                         f"{with_article(noun)},")
        if o.consent is not None:
            core += " " + self.consent(o.consent, o.consent_minors, o.consent_below_age)
        if o.harm is not None:
            core = core.rstrip(",") + f", {self.harm(o.harm)}"
        for a in o.as_to:
            core = core.rstrip(",") + f", {self.as_to(a)}"
        core = core.rstrip(",")
        who = subject or "a person"
        return f"{who[:1].upper() + who[1:]} commits an offence if {pronoun}, {', '.join(lead)}, {core}." if lead \
            else f"{who[:1].upper() + who[1:]} commits an offence if {pronoun} {core}."

    @staticmethod
    def _noun(o: Offence) -> str:
        """The object's noun without its possessor: intimate image."""
        return object_noun(o.object.kind) if o.object else "thing"

    def _tier_items(self, o: Offence) -> list[str]:
        """Paragraphs (a), (b), …: one per tier, its trigger first; a listed trigger ends in (i), (ii), …"""
        lines: list[str] = []
        n = len(o.tiers)
        for i, tier in enumerate(o.tiers, 1):
            mark, trig, pen = f"({chr(ord('a') + i - 1)})", tier.trigger, self.penalty(tier.sentence)
            last = _list_end(i, n, "or")
            if isinstance(trig, Numbers) and trig.listed:
                lines.append(f"{mark} to {pen}, {self.trigger(trig)}:")
                lines += self._items(condition_items(trig.condition, "en", self.jurisdiction), trig.condition.mode)
            elif trig is None:
                lines.append(f"{mark} to {pen}{last}")
            else:
                lines.append(f"{mark} {self.trigger(trig)}, to {pen}{last}")
        return lines

    def _items(self, items: tuple[Item, ...], mode: A.ConditionMode) -> list[str]:
        word = "or" if mode is A.ConditionMode.ANY else "and"
        lines = []
        for i, item in enumerate(items, 1):
            mark = f"({_roman(i)})"
            if item.items:
                lines.append(f"{mark} {item.text}:")
                lines += [f"({chr(ord('A') + j - 1)}) {sub.text}{_list_end(j, len(item.items), word, i == len(items))}"
                          for j, sub in enumerate(item.items, 1)]
            else:
                lines.append(f"{mark} {item.text}{_list_end(i, len(items), word)}")
        return lines

    def offence_lines(self, o: Offence) -> list[str]:
        if all(mode_of_trial(t.trigger) for t in o.tiers):
            # a hybrid offence: "is liable— (a) on summary conviction, to …; (b) on conviction on indictment, to …."
            head = f"A person who commits an offence under {self.offence_ref} is liable"
            if len(o.tiers) == 1:
                t = o.tiers[0]
                return [self.clause(o), f"{head} {self.trigger(t.trigger)} to {self.penalty(t.sentence)}."]
            return [self.clause(o), f"{head}—", *(
                f"({chr(ord('a') + i)}) {self.trigger(t.trigger)}, to {self.penalty(t.sentence)}"
                f"{'.' if i == len(o.tiers) - 1 else ';'}" for i, t in enumerate(o.tiers) if t.trigger is not None)]
        head = f"A person who commits an offence under {self.offence_ref} is liable on conviction"
        if len(o.tiers) == 1 and o.tiers[0].trigger is None:
            return [self.clause(o), f"{head} to {self.penalty(o.tiers[0].sentence)}."]
        return [self.clause(o), f"{head},—", *self._tier_items(o)]

    def reference(self, kind: str, near: bool) -> str:
        return f"an offence under {self.offence_ref}" if kind == "crime" else self.offence_ref

    # -------------------------------------------------------------- the later subsections

    def units(self, ref: str, where: str) -> str:
        return (f"If a body corporate commits {ref}, the body corporate is liable on conviction to a fine, and every "
                f"director, manager or other officer of the body corporate who is directly responsible for the "
                f"offence is liable to the penalties in {self.penalty_ref}.")

    def exception(self, e: Exception_, o: Offence, ref: str, summary: bool) -> list[str]:
        """Nothing in subsection (1) makes it an offence for a person to … (FVPCA 1993 s 131(4)); a kind of work
        outside the object: In this section, … does not include …"""
        label = _label(e.kind)
        conds = [condition_clause(c) for c in e.conditions]
        if e.form == "work":
            noun = object_noun(o.object.kind) if o.object else "the object"
            lead = f"In {'this summary' if summary else 'this ' + self.unit}, “{noun}” does not include {label}"
        else:
            act = f"for {label}" if e.form == "purpose" else label
            if e.acts:  # a defence to some acts only names them (PCA 1978 s. 1(4): limbs (b) and (c))
                verbs = join_alternatives([_label(a) for a in e.acts], "en", "or")
                noun = object_noun(o.object.kind) if o.object else "anything"
                lead = f"Nothing in {ref} makes it an offence for a person to {verbs} {with_article(noun)}"
            else:
                lead = (f"Nothing in {ref} makes it an offence for a person to do an act referred to in that "
                        f"{self.part}")
            lead += f" {act}"

        if len(conds) > 1:
            return [f"{lead} if all of the following apply:",
                    *(f"({chr(ord('a') + i - 1)}) {c}{_list_end(i, len(conds), 'and')}"
                      for i, c in enumerate(conds, 1))]
        if conds:
            c = conds[0]
            return [f"{lead} {c}." if c.startswith("with ") else f"{lead} if {c}."]
        return [f"{lead}."]

    def prosecution(self, pr: Prosecution, ref: str) -> str:
        """A prosecution … may be commenced only on the complaint of the person against whom it was committed."""
        if pr.kind.name not in _ON_COMPLAINT | {"victim-authorisation"}:
            raise _refuse("the prosecution", pr.kind, "the common-law English style words prosecution upon "
                          "complaint (`prosecution private`) or with the victim's authorisation; public prosecution "
                          "needs no words")
        excepts = [_label(x) for x in pr.exceptions]
        tail = f", unless the offence involves {join_alternatives(excepts, 'en')}" if excepts else ""
        how = "with the authorisation" if pr.kind.name == "victim-authorisation" else "on the complaint"
        return (f"A prosecution for {ref} may be commenced only {how} of the person against whom the "
                f"offence was committed{tail}.")

    def regardless_of_consent(self, term: A.Term) -> str:
        """It is no defence to a charge under subsection (1) that … consented (FVPCA 1993 s 131(3))."""
        if term.name != "irrelevant":
            raise _refuse("the consent", term, "write `consent irrelevant`")
        return f"It is no defence to a charge under {self.offence_ref} that the person depicted consented."

    def frame(self, attribute: str) -> str | None:
        return _FRAMES.get(attribute)

    def definition(self, d: Definition, quoted: bool, summary: bool) -> list[str]:
        """In this section, “intimate image” means a synthetic image that depicts … and is capable of …"""
        scope = "this summary" if summary else f"this {self.unit}"
        noun = object_noun(d.kind)
        head = noun.split()[-1]

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
        if depicts and not d.listed:
            clauses.append(f"{verb} {who}{joined(d.depicts)}")
        elif not depicts and d.person:
            clauses.append(f"depicts {joined(d.person)}")
        if d.standard:
            clauses.append(_FRAMES["standard"].format(v=joined(d.standard)))
        if d.identifiable_by:
            clauses.append(_FRAMES["identifiable-by"].format(v=joined(d.identifiable_by)))
        if d.privacy:
            # A state (private at the time of recording) is predicated; an expectation arises from circumstances.
            v = joined(d.privacy)
            clauses.append(f"was made in circumstances giving rise to {v}" if v.startswith(("a ", "an ")) else
                           _FRAMES["privacy"].format(v=v))
        if d.place:
            clauses.append(f"was made in {joined(d.place)}")
        if d.obtained:
            clauses.append(f"was {joined(d.obtained)}")
        if d.listed:
            clauses.append(f"{verb} {who}any of the following")
        if head.endswith("s"):
            plural = {"depicts": "depict", "contains": "contain", "is": "are"}
            clauses = [re.sub(r"^(depicts|contains|is)\b", lambda m: plural[m.group(1)], c) for c in clauses]
        described = with_article(" ".join([*adjectives, head]))
        if len(origins) > 1:
            described += f", whether {join_alternatives(origins, 'en')},"
        # an object stated only by what does not restrict it (its origins, an age test) has no definition to give
        text = f"In {scope}, “{noun}” means {described} that " + join_alternatives(clauses, "en", "and") \
            if clauses else f"In {scope}, “{noun}” means {described.rstrip(',')}" if adjectives or origins else None
        lines = [] if text is None else [text + ":"] if d.listed else [text + "."]
        if d.listed:
            lines += [f"({chr(ord('a') + i - 1)}) {v}{_list_end(i, len(depicts), 'or')}"
                      for i, v in enumerate(depicts, 1)]
        if d.age_test:
            lines.append(f"In {scope}, the age of a person depicted is {age_tests(d.age_test, 'en')}.")
        if d.virtual_test:
            tests = vals(d.virtual_test)
            synthetic = with_article(f"synthetic {head}")
            lines.append(f"{synthetic[:1].upper() + synthetic[1:]} is {with_article(noun)} for the purposes of "
                         f"{scope} only if—")
            lines += [f"({chr(ord('a') + i - 1)}) {t}{_list_end(i, len(tests), 'and')}"
                      for i, t in enumerate(tests, 1)]
            lines += [f"{_label(t)}." for t in d.virtual_scope]
        return lines

    # -------------------------------------------------------------- numbering

    def article_parts(self, o: Offence, quoted: bool = False, summary: bool = False) -> list[tuple[str, list[str]]]:
        """The parts as subsections: every line that is not a paragraph of a list opens the next number."""
        out, number = [], 0
        for part, lines in super().article_parts(o, quoted, summary):
            numbered = []
            for line in lines:
                if line.startswith("("):
                    numbered.append(line)
                else:
                    number += 1
                    # a sentence on the subsection before it names it, as a section of subsections does (the
                    # vocabulary's words are the official translations' 'the preceding paragraph')
                    before = f"{self.part} ({number - 1})"
                    line = line.replace("the conditions of the preceding paragraph", f"the conditions in {before}")
                    numbered.append(f"({number}) {line.replace('the preceding paragraph', before)}")
            out.append((part, numbered))
        return out


def _roman(n: int) -> str:
    """i, ii, iii … for the sub-paragraphs of a list (up to 39, more than any tier lists)."""
    tens, ones = divmod(n, 10)
    small = ["", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"]
    return "x" * tens + small[ones]
