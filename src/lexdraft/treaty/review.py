"""The country review: one jurisdiction's verdicts laid out as a treaty implementation review, article by article."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache

from .. import packs, yamldata
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.ast import Document, Interpretation, Obligation, Provision, Rule, Text
from ..language.vocabulary import vocabulary
from ..resources import data_dir
from .amend import Amendment, suggest_amendments
from .conditions import Condition, parse_condition
from .conformance import (
    UNSETTLED,
    Finding,
    Note,
    Report,
    Risk,
    _years,
    bearing_on,
    check,
    limit_keys,
    purpose_keys,
    purposes_made_up,
)
from .counterexample import counterexample, defence_gap, material_gap, unit_gap
from .facts import facts_of
from .financing_reach import beyond_financing
from .narrate import describe, describe_defence_gap, describe_gap, describe_unit_gap
from .papers import Source, read_sources
from .papers import bilingual_text as _text
from .spec import Requirement, Spec, paragraph_label, treaty_citation_form, zh_paragraph
from .threshold import QUANTITATIVE, named
from .values import Force, RequirementKind, Verdict

REVIEW_DATA = "common/review.yaml"  # in the conformance folder: words of the review, never a verdict


@dataclass(frozen=True)
class Practice:
    id: str
    article: str
    objects: tuple[str, ...]
    when: Condition
    text: Text


@dataclass(frozen=True)
class ReviewData:
    sources: tuple[Source, ...]
    acts: dict[str, Text]
    limits: dict[str, Text | dict[str, Text]]
    provenance: dict[str, Text]
    practices: tuple[Practice, ...]
    materials: dict[str, Text]
    consider: dict[str, Text]  # by requirement id: what the reviewers recommend a State consider

    def limit(self, key: str, article: str) -> Text | None:
        entry = self.limits.get(key)
        return entry.get(article) if isinstance(entry, dict) else entry

    def act(self, verb: str) -> Text:
        return self.acts.get(verb) or Text(zh=verb, en=verb)


def load_review_data(path: str) -> ReviewData:
    """The review's words (conformance/common/review.yaml); a malformed entry is a located error."""
    data = yamldata.load(path)
    if not isinstance(data, yamldata.Mapping):
        raise LexdraftError([Diagnostic("E303", "the review data file must be a mapping", Span(path, 1, 1, 1, 2),
                                        ("it holds sources, acts, limits, provenance and practices",))])
    sources = read_sources(data, path)
    limits: dict[str, Text | dict[str, Text]] = {}
    for key, value in (data.get("limits") or {}).items():
        if isinstance(value, dict) and "en" not in value:
            limits[key] = {article: _text(v, f"limit {key} for {article}", path) for article, v in value.items()}
        else:
            limits[key] = _text(value, f"limit {key}", path)
    practices = tuple(Practice(str(p["id"]), str(p["article"]), tuple(p.get("objects") or ()),
                               parse_condition(p["when"]), _text(p["text"], f"practice {p['id']}", path))
                      for p in data.get("practices") or ())
    return ReviewData(sources, {k: _text(v, f"act {k}", path) for k, v in (data.get("acts") or {}).items()}, limits,
                      {k: _text(v, f"provenance {k}", path) for k, v in (data.get("provenance") or {}).items()},
                      practices,
                      {k: _text(v, f"material of {k}", path) for k, v in (data.get("materials") or {}).items()},
                      {k: _text(v, f"consider {k}", path) for k, v in (data.get("consider") or {}).items()})


@cache
def review_data() -> ReviewData:
    return load_review_data(str(data_dir("conformance") / REVIEW_DATA))


# ------------------------------------------------------------------ the model


@dataclass(frozen=True)
class Measure:
    """A domestic document that bears on the article: an offence, a general-part rule, an interpretation or an
    administrative measure, and the treaty paragraphs it bears on."""

    document: Document
    role: str  # offence | general-part | special-part | interpretation | administrative
    paragraphs: tuple[str, ...]
    # an administrative measure the findings list as context only (a compliance duty punished for its own breach,
    # which the 18(2) finding says is not the liability of legal persons): labelled so, not by the paragraph
    context: bool = False


@dataclass(frozen=True)
class Paragraph:
    """One treaty paragraph: its text and marks, the verdict, the reasoning, and what the review asks."""

    finding: Finding
    text: str  # the treaty words as the reference gives them, marks (⟨?⟩) kept
    marks: tuple[str, ...]  # the provenance tags of those words: U-EN, V-AR ...
    observations: tuple[Note, ...]
    recommendation: Text | None
    declaration: Text | None  # what the reference says of a notification for an option used
    counterexample: Text | None = None  # for a gap: facts the treaty requires punished that no provision reaches
    amendment: Amendment | None = None  # for a gap: the smallest change that closes it, re-checked (treaty/amend)

    @property
    def requirement(self) -> Requirement:
        return self.finding.requirement

    @property
    def verdict(self) -> Verdict:
        return self.finding.verdict


@dataclass(frozen=True)
class ArticleReview:
    spec: Spec
    scope: tuple[Text, ...]
    provenance: tuple[Text, ...]
    paragraphs: tuple[Paragraph, ...]
    measures: tuple[Measure, ...]
    practices: tuple[Note, ...]  # good practices the review data names (prosecuted by the State, synthetic material)
    challenges: tuple[Risk, ...]
    # what a provision reaches beyond the treaty: permitted, but not in itself a good practice, so listed apart
    beyond: tuple[Note, ...] = ()

    @property
    def for_reviewer(self) -> tuple[Paragraph, ...]:
        """What the check leaves to a reviewer: a verdict it cannot give, or one that rests on a reading a reviewer
        must confirm (a question)."""
        return tuple(p for p in self.paragraphs if p.verdict is Verdict.NOT_ASSESSED or p.finding.questions)

    @property
    def decided(self) -> tuple[Paragraph, ...]:
        """What a reviewer decided (decisions.yaml) where the check could not."""
        return tuple(p for p in self.paragraphs if p.finding.decision is not None)

    @property
    def amendments(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.amendment is not None)

    @property
    def recommendations(self) -> tuple[Paragraph, ...]:
        return tuple(p for p in self.paragraphs if p.recommendation is not None)

    @property
    def conforms(self) -> bool:
        return not any(p.verdict.fails for p in self.paragraphs if p.requirement.force is Force.SHALL)


@dataclass(frozen=True)
class Review:
    """One jurisdiction's review against the articles chosen."""

    jurisdiction: str
    name: Text
    benchmark: Text | None  # why it is reviewed as a benchmark and not as a State Party
    documents: tuple[Document, ...]
    articles: tuple[ArticleReview, ...]
    pending: tuple[Provision, ...] = ()  # drafts pending beside the law (`review --pending`): not reviewed, cited

    @property
    def conforms(self) -> bool:
        return all(a.conforms for a in self.articles)

    def amendments(self) -> tuple[Amendment, ...]:
        """Each suggested amendment once, though one new article may close several gaps."""
        found = [p.amendment for a in self.articles for p in a.amendments if p.amendment is not None]
        return tuple({id(am): am for am in found}.values())

    def sources(self) -> tuple[Source, ...]:
        """The papers the review's words cite, in the order of the data file."""
        words = _all_words(self)
        # the check's notes cite a paper by authors and title already (treaty/papers.py); a review's own words may
        # still name its file
        return tuple(s for s in review_data().sources
                     if s.file in words or (s.short.en or s.file) in words or (s.short.zh or s.file) in words)


def _all_words(r: Review) -> str:
    out: list[str] = []
    for a in r.articles:
        texts = [*a.scope, *(n.text for n in (*a.practices, *a.beyond))]
        for p in a.paragraphs:
            texts += [n.text for n in p.observations]
            texts += [t for t in (p.recommendation, p.declaration, p.counterexample) if t is not None]
        texts += [c.reason for c in a.challenges]
        out += [t.en or "" for t in texts] + [t.zh or "" for t in texts]
    return "\n".join(out)


def _t(en: str, zh: str) -> Text:
    return Text(zh=zh, en=en)


def _art(article: str) -> str:
    return article.rsplit(".", 1)[-1]


_MARK = re.compile(r"\s*\[([^\]]*)\]\s*$")


def treaty_words(q: Requirement) -> tuple[str, tuple[str, ...]]:
    """The paragraph's treaty words without the trailing provenance tag, and the tags it names ([U-EN, checked
    against V-AR] gives U-EN and V-AR)."""
    m = _MARK.search(q.terms)
    if m is None:
        return q.terms.strip(), ()
    tags = tuple(dict.fromkeys(re.findall(r"V-EN-frag|V-AR|U-EN|NF", m.group(1))))
    return q.terms[:m.start()].strip(), tags


def _join(items: Sequence[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def _acts(verbs: Iterable[str], lang: str, joiner: str = "and") -> str:
    data = review_data()
    words = [(data.act(v).zh if lang == "zh" else data.act(v).en) or v for v in verbs]
    if lang != "zh" and joiner != "and" and len(words) > 1:
        return ", ".join(words[:-1]) + f" {joiner} " + words[-1]
    return _join(words, lang)


# ------------------------------------------------------------------ observations


def _offence_summary(f: Finding, provisions: Sequence[Provision] = ()) -> Note:
    """The verdict's ground in words, without the spec's term ids: which acts are reached, which are not. Where none
    is, the first sentence says why: no provision punishes the acts at all (not merely more narrowly than the
    paragraph requires), or those that punish them reach nothing of what the paragraph concerns."""
    q = f.requirement
    doubtful = {verb for u in q.unverified for verb in u.conduct}
    missing = [v for v in q.conduct if v not in f.reached and not (f.unverified and v in doubtful)
               and v not in f.unsettled]
    parts_en: list[str] = []
    parts_zh: list[str] = []
    if not f.reached:
        bearing = bearing_on(q, provisions)
        either_en, either_zh = _acts(q.conduct, "en", "or"), _acts(q.conduct, "zh")
        para = paragraph_label(q.paragraph, "zh")  # not 本项: 16(1) is a 款, and Taiwan's 本項 is a paragraph
        if not bearing:
            parts_en.append(f"No provision of the set makes {either_en} an offence, whatever the material: none "
                            f"punishes the act at all, rather than more narrowly than the paragraph requires.")
            parts_zh.append(f"所审查的条文均未将{either_zh}规定为犯罪，无论涉及何种材料：并非入罪范围窄于{para}的要求，"
                            f"而是均未处罚该行为。")
        else:
            why = any(n.provision in bearing for n in f.notes)
            parts_en.append(f"{either_en[:1].upper()}{either_en[1:]} is an offence under {', '.join(bearing)} only "
                            f"for what the paragraph does not concern, so no part of it is criminalised as the "
                            f"paragraph requires" + ("; the reasons follow." if why else "."))
            parts_zh.append(f"{'、'.join(bearing)}虽处罚{either_zh}，但不及于{para}所涉的材料或者情形，故{para}要求"
                            f"入罪的行为均未入罪" + ("，理由如下。" if why else "。"))
    else:
        parts_en.append(f"Reached: {_acts(f.reached, 'en')}.")
        parts_zh.append(f"已涵盖的行为：{_acts(f.reached, 'zh')}。")
        if missing:
            parts_en.append(f"Not an offence under any provision: {_acts(missing, 'en')}.")
            parts_zh.append(f"未被任何条文规定为犯罪的行为：{_acts(missing, 'zh')}。")
        if f.unsettled:
            parts_en.append(UNSETTLED["en"].format(acts=_acts(f.unsettled, "en")))
            parts_zh.append(UNSETTLED["zh"].format(acts=_acts(f.unsettled, "zh")))
        # a provider's own reason: it reaches in part (a remark, such as a term's coverage, limits nothing)
        # (an act reached in full by some provision is never said to be limited)
        limited = any(n.provision in f.met_by and not n.remark for n in f.notes)
        every = len(f.partial) == len(f.reached)
        if f.verdict is Verdict.PARTLY_MET and limited and f.partial and not every:
            parts_en.append(f"Reached only in part, for the reasons below: {_acts(f.partial, 'en')}.")
            parts_zh.append(f"仅部分入罪的行为如下，理由见下文：{_acts(f.partial, 'zh')}。")
        elif f.verdict is Verdict.PARTLY_MET and limited and not missing:
            parts_en.append("Each act is reached only in part, for the reasons below.")
            parts_zh.append("各项行为仅部分入罪，理由如下。")
        elif f.verdict is Verdict.PARTLY_MET and limited:
            parts_en.append("The acts reached are reached only in part, for the reasons below.")
            parts_zh.append("已涵盖的行为亦仅部分入罪，理由如下。")
        elif f.verdict is Verdict.MET:
            parts_en.append("Each is an offence without a limit the treaty does not allow.")
            parts_zh.append("各项行为均已入罪，且无公约不允许的限制。")
        elif f.verdict is Verdict.OPTION_USED:
            parts_en.append("Each is an offence, within a limitation the treaty permits.")
            parts_zh.append("各项行为均已入罪，所设限制属于公约允许的选择。")
    if f.unverified:
        acts = [v for v in q.conduct if v in doubtful and v not in f.reached]
        words_en = ", ".join(f'"{w}"' for w in f.unverified)
        words_zh = "、".join(f"“{w}”" for w in f.unverified)
        parts_en.append(f"Not counted as a gap: {_acts(acts, 'en')} rests only on the treaty words {words_en}, "
                        f"which the reference marks as unverified; a reviewer must compare them with the official "
                        f"text.")
        parts_zh.append(f"不计为缺漏：{_acts(acts, 'zh')}仅以公约用语{words_zh}为依据，而参考文本将该用语标注为"
                        f"未经核实；须由审查人员对照正式文本核实。")
    return Note("", _t(" ".join(parts_en), "".join(parts_zh)))


def _observations(f: Finding, provisions: Sequence[Provision] = ()) -> tuple[Note, ...]:
    """The checker's reasons, each once; an offence's summary restated from the finding's data and the set's
    provisions."""
    notes = list(f.notes)
    if f.requirement.kind is RequirementKind.OFFENCE:
        # the checker's summary, and its note on unverified words, name acts by their term ids: restated above; a
        # question on the set as a whole (whether its general part reaches financing) is kept
        notes = [n for n in notes if n.provision or n.question] if notes else []
        notes.insert(0, _offence_summary(f, provisions))
    seen: set[tuple[str, str | None]] = set()
    out = []
    for n in notes:
        if (n.provision, n.text.en) not in seen:
            seen.add((n.provision, n.text.en))
            out.append(n)
    return tuple(out)


# ------------------------------------------------------------------ recommendations


def _limits(q: Requirement, f: Finding, provisions: dict[str, Provision]) -> list[tuple[str, list[str]]]:
    """What keeps the provisions that carry a partly-met requirement from meeting it: limit keys (check ids, object
    kinds, conduct read in part, ages), each with the provisions it is found in, in the order first found. A limit to
    part of the material (its origins, the ages it reaches) is left out where others of the set reach the rest for
    the same acts with no limit of their own it lacks: what they leave out is then recommended as theirs. So is a
    purpose that others make up (conformance.purposes_made_up)."""
    facts_by = {pid: facts_of(provisions[pid]) for pid in f.met_by if pid in provisions}
    raw = {pid: limit_keys(q, provisions[pid], facts) for pid, facts in facts_by.items()}
    purposes = purposes_made_up(q, {pid: provisions[pid] for pid in facts_by}, facts_by)
    origin_keys = {c.id for c in q.checks if c.part}
    origins = frozenset(vocabulary().section("object-attributes.origin"))

    def others(pid: str, part: set[str]) -> list[str]:
        """The other provisions reaching every act `pid` reaches, with no limit but those of `part` that it lacks
        (Portugal's art. 176.º n.º 1 c) beside n.º 3; Austria's § 207a(3) sentence 1 beside sentence 2, not France's
        art. 227-23 al. 1 sentence 1, which requires a purpose sentence 2 does not)."""
        acts = facts_by[pid].covers & set(q.conduct)
        mine = set(raw[pid]) - part
        return [o for o, theirs in facts_by.items()
                if o != pid and acts <= theirs.covers and set(raw[o]) - part <= mine]

    def made_up(pid: str, key: str) -> bool:
        if pid in purposes and key in purpose_keys(q, facts_by[pid]):  # Portugal's n.º 1 d) beside n.º 4
            return True
        if key in origin_keys:  # Portugal's realistic representations beside its recordings of real minors
            reached = set(facts_by[pid].object_origin)
            for o in others(pid, origin_keys):
                reached |= facts_by[o].object_origin
            return reached >= origins
        if key == "ages" and q.ages is not None and q.ages[1] is not None:  # Austria's two age bands
            years = set(_years(facts_by[pid], q.ages) or ())
            for o in others(pid, {"ages"}):
                years |= _years(facts_by[o], q.ages) or set()
            return years >= set(range(*q.ages))
        return False

    found: dict[str, list[str]] = {}
    for pid, keys in raw.items():
        for key in keys:
            if made_up(pid, key):
                continue
            found.setdefault(key, [])
            if pid not in found[key]:
                found[key].append(pid)
    return list(found.items())


def _by_threshold(pids: list[str], provisions: dict[str, Provision]) -> list[tuple[Text, list[str]]]:
    """The provisions, grouped by the threshold their base tier sets, in its words: the circumstance it requires
    (「情节严重」, "when caught a second or subsequent time"), and the figures that make it out where it has them."""
    groups: dict[tuple[str, str], list[str]] = {}
    for pid in pids:
        base = next((t for t in provisions[pid].tiers if t.name.name == "base"), None) if pid in provisions else None
        figures = base is not None and base.condition is not None
        if base is not None and base.requires is not None:
            key = (f'the threshold "{named(base.requires.name, "en")}"'
                   + (" and the figures that make it out" if figures else ""),
                   f"“{named(base.requires.name, 'zh')}”门槛" + ("及其数量标准" if figures else ""))
        else:
            key = (f"a {QUANTITATIVE}", "数量标准") if figures else ("a threshold", "门槛")
        groups.setdefault(key, []).append(pid)
    return [(Text(en=en, zh=zh), ids) for (en, zh), ids in groups.items()]


def _ensure(q: Requirement, f: Finding, provisions: dict[str, Provision], article: str) -> Text | None:
    data = review_data()
    merged: dict[str, tuple[Text, list[str]]] = {}  # the same words for several limits (insult, defame) said once
    for key, pids in _limits(q, f, provisions):
        words = data.limit(key, article)
        if words is None:
            continue
        for group in _by_threshold(pids, provisions) if key == "base-threshold" else [(None, pids)]:
            said = words if group[0] is None else Text(en=(words.en or "").format(threshold=group[0].en),
                                                       zh=(words.zh or "").format(threshold=group[0].zh))
            _, where = merged.setdefault(said.en or "", (said, []))
            where.extend(pid for pid in group[1] if pid not in where)
    clauses_en = [f"{words.en} ({', '.join(pids)})" for words, pids in merged.values()]
    clauses_zh = [f"{words.zh}（{'、'.join(pids)}）" for words, pids in merged.values()]
    if not clauses_en:
        return None
    if q.kind is RequirementKind.DEFINITION:
        return _t(f"Ensure that the offences reach the material Art. {q.paragraph} defines: "
                  f"{'; '.join(clauses_en)}.",
                  f"确保相关犯罪涵盖{zh_paragraph(q.paragraph)}所界定的材料：{'；'.join(clauses_zh)}。")
    return _t(f"Ensure that the conduct of Art. {q.paragraph} is punishable {'; '.join(clauses_en)}.",
              f"确保{zh_paragraph(q.paragraph)}所列行为依法受到处罚：{'；'.join(clauses_zh)}。")


def _first_sentence(text: str) -> str:
    m = re.match(r"(.+?(?:\.(?=\s|$)|。))", text)
    return m.group(1) if m else text


# English names of States that take the definite article ("the People's Republic of China", "the Philippines").
_THE = re.compile(r"\b(Republic|Kingdom|States|Federation|Philippines|Netherlands|Emirates)\b")


def _state_en(state: Text) -> str:
    name = state.en or ""
    return f"the {name}" if _THE.search(name) and not name.startswith("the ") else name


def _in_register(what: Text, state: Text) -> Text:
    """A recommendation as UNODC review reports word it: "It is recommended that [State] criminalize …" (the
    imperative each sentence is built in becomes the verb after the State's name), "建议[State]……"."""
    en = []
    for sentence in re.split(r"(?<=\.) (?=[A-Z])", what.en or ""):
        verb, _, rest = sentence.partition(" ")
        verb = {"Criminalise": "criminalize", "Ensure": "ensure"}.get(verb, verb[:1].lower() + verb[1:])
        lead = "It is recommended that" if not en else "It is also recommended that"
        en.append(f"{lead} {_state_en(state)} {verb} {rest}")
    zh = [f"建议{state.zh}{sentence}" for sentence in re.findall(r"[^。]+。", what.zh or "")]
    return _t(" ".join(en), "".join(zh))


def _recommendation(q: Requirement, f: Finding, provisions: dict[str, Provision], article: str,
                    state: Text) -> Text | None:
    """In the review's register, "It is recommended that [State] criminalize …" / "… ensure …", where an obligatory
    paragraph is not met; "The reviewers recommend that [State] consider …" for an option that widens protection and
    is not taken."""
    if q.kind is RequirementKind.OPTION and f.verdict is Verdict.NA and q.id in review_data().consider:
        # an option that widens protection, not taken: the reviewers may recommend considering it, never require it
        what = review_data().consider[q.id]
        return _t(f"The reviewers recommend that {_state_en(state)} consider {what.en}.",
                  f"审查人员建议{state.zh}考虑{what.zh}。")
    what = _what_to_do(q, f, provisions, article)
    return _in_register(what, state) if what is not None else None


def _what_to_do(q: Requirement, f: Finding, provisions: dict[str, Provision], article: str) -> Text | None:
    """What an obligatory paragraph not met asks, in the imperative: "Criminalise …" / "Ensure …"."""
    if q.force is not Force.SHALL or not f.verdict.fails:
        return None
    if q.kind is RequirementKind.OFFENCE:
        doubtful = {verb for u in q.unverified for verb in u.conduct}
        missing = [v for v in q.conduct if v not in f.reached and not (f.unverified and v in doubtful)
                   and v not in f.unsettled]
        parts: list[Text] = []
        if not f.reached:
            parts.append(_t(_first_sentence(q.explanation.en or ""), _first_sentence(q.explanation.zh or "")))
        elif missing:
            what = review_data().materials.get(article)
            parts.append(_t(f"Criminalise {_acts(missing, 'en')}{' ' + (what.en or '') if what else ''}, as Art. "
                            f"{q.paragraph} requires.",
                            f"按照{zh_paragraph(q.paragraph)}的要求，将{_acts(missing, 'zh')}"
                            f"{what.zh if what else ''}的行为规定为犯罪。"))
        if f.reached and f.unsettled:  # the provisions' words may reach them: ensure, not criminalise
            what = review_data().materials.get(article)
            parts.append(_t(f"Ensure that {_acts(f.unsettled, 'en')}{' ' + (what.en or '') if what else ''} "
                            f"{'are offences' if len(f.unsettled) > 1 else 'is an offence'}, which the words of the "
                            f"provisions given may reach but the reference does not settle.",
                            f"确保{_acts(f.unsettled, 'zh')}{what.zh if what else ''}的行为构成犯罪；现有条文用语可能"
                            f"涵盖该行为，但参考文本对此未有定论。"))
        if f.reached and (ensure := _ensure(q, f, provisions, article)) is not None:
            parts.append(ensure)
        if not parts:
            return None
        return _t(" ".join(t.en or "" for t in parts), "".join(t.zh or "" for t in parts))
    if q.kind is RequirementKind.DEFINITION:
        ensure = _ensure(q, f, provisions, article)
        if ensure is not None:
            return ensure
        return _t(f"Ensure that the offences reach every element of the material Art. {q.paragraph} defines.",
                  f"确保相关犯罪涵盖{zh_paragraph(q.paragraph)}所界定材料的全部要素。")
    if q.kind is RequirementKind.LEGAL_PERSONS:
        articles = [_art(a) for a in q.offences_of]
        # by the English: the Chinese states the law in its own words (单位 for the PRC)
        shut = sorted({n.provision for n in f.notes
                       if n.provision and any(n.text.en == e.missing.en for e in q.elements)})
        en = (f"Ensure that legal persons can be held liable for participation in the offences established in "
              f"accordance with Arts. {_join(articles, 'en')}")
        zh = f"确保法人可以因参与依照第{'、'.join(articles)}条确立的犯罪而承担责任"
        if shut:
            en += f", including those of {_join(shut, 'en')}"
            zh += f"，包括{'、'.join(shut)}规定的犯罪"
        return _t(en + ".", zh + "。")
    if q.kind is RequirementKind.SANCTIONS:
        return _t("Ensure that legal persons held liable are subject to effective, proportionate and dissuasive "
                  "criminal or non-criminal sanctions, including monetary sanctions.",
                  "确保被追究责任的法人受到有效、相称和具有劝阻性的刑事或者非刑事制裁，包括金钱制裁。")
    return None


_NOTIFY = re.compile(r"notif|declar", re.IGNORECASE)


def _declaration(q: Requirement, f: Finding, state: Text) -> Text | None:
    """For an option used: the notification or declaration its treaty words call for, or what the reference says
    of one. The reference leaves out the final clauses, so where the article's words ask for none, the review says
    that and no more."""
    if q.kind is not RequirementKind.OPTION or f.verdict is not Verdict.OPTION_USED:
        return None
    if _NOTIFY.search(q.terms):
        return _t(f"Draft declaration: \"In accordance with article {_art('.'.join(q.id.split('.')[:2]))}, paragraph "
                  f"{q.paragraph}, of the Convention, {state.en} declares that it avails itself of the following: "
                  f"{q.explanation.en}\"",
                  f"声明草案：“依照公约{zh_paragraph(q.paragraph)}，{state.zh}声明采用以下选择：{q.explanation.zh}”")
    return _t(f"The treaty text in the reference attaches no notification or declaration to the option of Art. "
              f"{q.paragraph}. The reference does not hold the Convention's final clauses (reservations, "
              f"declarations, notifications), so whether they require one is not known from it.",
              f"参考文本中的公约条文未就{zh_paragraph(q.paragraph)}的选择规定通知或者声明。参考文本未收录公约的最后条款"
              f"（保留、声明、通知），故无法据此确定该选择是否须作通知或者声明。")


# ------------------------------------------------------------------ scope, measures, practices


def _provenance(spec: Spec) -> tuple[Text, ...]:
    data = review_data()
    tags = [t for t in ("V-AR", "V-EN-frag", "U-EN") if t in spec.status]
    out = []
    if spec.provisional:
        out.append(_t(f"The treaty text of Art. {_art(spec.article)} is provisional: no verbatim text of it was "
                      f"found in any language, and the English below is a reconstruction. The verdicts rest on it "
                      f"as reconstructed.",
                      f"第{_art(spec.article)}条的公约条文为暂定文本：未找到任何语言的逐字文本，以下英文为重构文本，"
                      f"各项结论以该重构文本为依据。"))
    else:
        out.append(_t(f"The treaty text of Art. {_art(spec.article)} is verified in its structure, acts, mental "
                      f"state and options against the official Arabic text; its exact English wording is a "
                      f"reconstruction checked against the Arabic.",
                      f"第{_art(spec.article)}条的结构、行为、主观要件和选择已对照阿拉伯文作准文本核实；其英文措辞为"
                      f"对照阿拉伯文核对的重构文本。"))
    for tag in tags:
        words = data.provenance.get(tag)
        if words is not None:
            out.append(_t(f"[{tag}]: {words.en}.", f"[{tag}]：{words.zh}。"))
    out.append(_t("Words marked ⟨?⟩ are the least certain; no verdict rests on them alone.",
                  "标注⟨?⟩的用语最不确定；任何结论均不单独以其为依据。"))
    out.append(_t("No official Chinese text of the Convention was found. The Chinese of this review follows the "
                  "terms Chinese secondary literature uses for the Convention (《联合国打击网络犯罪公约》, "
                  "信息和通信技术系统, 儿童性虐待或儿童性剥削材料); every other Chinese rendering of treaty words "
                  "is lexdraft's own.",
                  "未找到公约的正式中文文本。本审查的中文沿用中文二手文献对公约的用语（《联合国打击网络犯罪公约》、"
                  "信息和通信技术系统、儿童性虐待或儿童性剥削材料）；公约用语的其他中文表述均为本工具自拟。"))
    return tuple(out)


def _scope(spec: Spec, report: Report, documents: Sequence[Document]) -> tuple[Text, ...]:
    assessed = [v.requirement.paragraph for v in report.verdicts
                if v.verdict is not Verdict.NOT_ASSESSED and v.requirement.kind is not RequirementKind.SAVING]
    pending = [v.requirement.paragraph for v in report.verdicts if v.verdict is Verdict.NOT_ASSESSED]
    saving = [v.requirement.paragraph for v in report.verdicts if v.requirement.kind is RequirementKind.SAVING]
    statuses = sorted({p.status.name for p in report.provisions if p.status})
    status_en = ", ".join({"in-force": "in force", "proposed": "proposed",
                           "outdated": "text of an earlier version, current text not verified"}.get(s, s)
                          for s in statuses)
    status_zh = "、".join({"in-force": "现行", "proposed": "拟议", "outdated": "旧版文本，现行文本未经核实"}.get(s, s)
                         for s in statuses)
    out = [_t(f"Assessed: Art. {', '.join(assessed)}, against the {len(report.provisions)} offence provisions of "
              f"the set ({status_en or 'status not given'}), read together "
              f"with the general-part rules given.",
              f"审查范围：{'、'.join(zh_paragraph(p) for p in assessed)}，依据所审查条文集中的"
              f"{len(report.provisions)}个犯罪条文（{status_zh or '未注明效力'}），"
              f"并结合所给出的总则规则。")] if assessed else []
    if pending:
        out.append(_t(f"Not assessed: Art. {', '.join(pending)}; what the offence elements cannot show is set out "
                      f"below for a reviewer's decision.",
                      f"未审查：{'、'.join(zh_paragraph(p) for p in pending)}；犯罪构成要件无法显示的事项列于下文，"
                      f"由审查人员决定。"))
    decided = [v for v in report.verdicts if v.decision is not None]
    if decided:
        out.append(_t(f"Decided by a reviewer: Art. {', '.join(v.requirement.paragraph for v in decided)}; the "
                      f"verdict shown is the reviewer's, with the reviewer's reasons.",
                      f"已由审查人员决定：{'、'.join(zh_paragraph(v.requirement.paragraph) for v in decided)}；"
                      f"所示结论及理由为审查人员作出。"))
    if saving:
        out.append(_t(f"Art. {', '.join(saving)}: no obligation to implement; listed for completeness.",
                      f"{'、'.join(zh_paragraph(p) for p in saving)}：无需实施的条款，仅为完整起见列出。"))
    for q in spec.requirements:
        # 18(3) is read on the offences 18(1) finds legal persons liable for: its scope is 18(1)'s
        if q.offences_of and q.kind is not RequirementKind.NATURAL_PERSONS:
            arts = [_art(a) for a in q.offences_of]
            out.append(_t(f"Art. {q.paragraph} is reviewed for the offences of Arts. {_join(arts, 'en')} only.",
                          f"{zh_paragraph(q.paragraph)}仅就第{'、'.join(arts)}条规定的犯罪进行审查。"))
            if q.kind is not RequirementKind.LEGAL_PERSONS:  # administrative liability is a legal persons' form
                continue
            if any(isinstance(d, Obligation) for d in documents):
                out.append(_t("Administrative liability is assessed from the obligations given: one that sanctions "
                              "legal persons for an act of the offences with their material counts as their "
                              "liability for those offences (Art. 18(2)); a compliance duty punished for its own "
                              "breach is listed under the measures as context only.",
                              "行政责任依据所给出的义务性规定审查：对法人以相关材料实施上述犯罪行为予以处罚的规定，"
                              "计为法人对该等犯罪的责任（第18条第2款）；因违反合规义务本身而受处罚的规定仅作为背景"
                              "列于相关措施之下。"))
            else:
                out.append(_t("Administrative liability is assessed from the obligations given; the set gives none.",
                              "行政责任依据所给出的义务性规定审查；所审查条文集中没有此类规定。"))
    return tuple(out)


def _measures(report: Report, documents: Sequence[Document], paragraphs: Sequence[Paragraph]) -> tuple[Measure, ...]:
    """The documents that bear on the article: the offences the verdicts name, the rules reaching them, the
    interpretations of them, the administrative duties they enforce; for legal persons, every administrative
    measure of the set."""
    bears: dict[str, list[str]] = {}
    # where a finding names a measure only in a remark and counts it for nothing (18(2)'s compliance duties, listed
    # as context), the measure bears on no paragraph: it is context, as that finding says
    context: dict[str, list[str]] = {}
    for p in paragraphs:
        counted = {*p.finding.met_by, *(n.provision for n in p.finding.notes if n.provision and not n.remark)}
        for pid in [*p.finding.met_by, *(n.provision for n in p.finding.notes if n.provision)]:
            bears.setdefault(pid, [])
            if p.requirement.paragraph not in bears[pid]:
                bears[pid].append(p.requirement.paragraph)
            if pid not in counted:
                context.setdefault(pid, []).append(p.requirement.paragraph)
    offences = [p for p in report.provisions if p.id in bears]
    ids = {p.id for p in offences}
    breached = {r.id for p in offences if p.duty for r in p.duty.breaches}
    legal_persons = any(q.kind is RequirementKind.LEGAL_PERSONS for q in report.spec.requirements)
    order = {p.requirement.paragraph: i for i, p in enumerate(paragraphs)}

    def sort(paras: Iterable[str]) -> tuple[str, ...]:
        return tuple(sorted(set(paras), key=order.__getitem__))

    out = [Measure(p, "offence", sort(bears[p.id])) for p in offences]
    for d in documents:
        if isinstance(d, Rule) and any(d.reaches_provision(pid) for pid in ids):
            out.append(Measure(d, "special-part" if _special_part(d, ids) else "general-part", sort(
                para for pid in ids if d.reaches_provision(pid) for para in bears[pid])))
        elif isinstance(d, Interpretation) and any(r.id in ids for r in d.interprets):
            out.append(Measure(d, "interpretation", sort(
                para for r in d.interprets if r.id in ids for para in bears[r.id])))
        elif isinstance(d, Obligation) and (d.id in breached or legal_persons or d.id in bears):
            # an administrative measure the verdicts name (18(2)'s form, CSEPA art. 39 ¶3's fine) bears on them too
            on = sort([*(para for p in offences if p.duty and any(r.id == d.id for r in p.duty.breaches)
                         for para in bears[p.id]),
                       *(para for para in bears.get(d.id, ()) if para not in context.get(d.id, ()))])
            out.append(Measure(d, "administrative", on, context=not on and d.id in context))
    return tuple(out)


def _special_part(rule: Rule, offences: Iterable[str]) -> bool:
    """Whether a rule stands outside its code's general part: past its last article where the pack gives the range
    (PRC art. 366, or art. 287-1 ¶2 on units), else a paragraph of the article of an offence it reaches (an attempt
    paragraph of the offence's own article). An id is jurisdiction.instrument.article[.paragraph]."""
    own = rule.id.split(".")
    pack = packs.pack(own[0])
    instrument = pack.instruments.get(own[1]) if pack is not None and len(own) > 2 else None
    head = re.match(r"\d+", own[2]) if len(own) > 2 else None
    if instrument is not None and instrument.general_part is not None and head is not None:
        first, last = instrument.general_part
        return not first <= int(head.group()) <= last
    return len(own) > 3 and any(rule.reaches_provision(pid) and pid.split(".")[:3] == own[:3] for pid in offences)


def _narrowed(paragraphs: Sequence[Paragraph]) -> set[str]:
    """The provisions that carry the article's offences only with a limit the treaty does not allow (CSEPA art. 39
    ¶4, from the second apprehension): no practice to commend, whatever they reach beyond the treaty."""
    return {n.provision for p in paragraphs if p.requirement.kind is RequirementKind.OFFENCE
            for n in p.finding.notes if n.provision in p.finding.met_by and not n.remark}


def _once(notes: Sequence[Note]) -> tuple[Note, ...]:
    """Each provision's sentence once, in the order first found."""
    return tuple({(n.provision, n.text.en): n for n in reversed(notes)}[k] for k in dict.fromkeys(
        (n.provision, n.text.en) for n in notes))


def _beyond(paragraphs: Sequence[Paragraph]) -> tuple[Note, ...]:
    """What the provisions reach beyond the treaty (a verdict `beyond`): permitted, and said apart from the good
    practices, since reaching further is not in itself one, also of a provision that narrows an offence elsewhere
    (the section says the verdict it lists; the good practices leave such a provision out); never a question for a
    reviewer (an evaluative standard the material must also meet), which is listed for the reviewer's decision."""
    return _once([n for p in paragraphs if p.verdict is Verdict.BEYOND for n in p.finding.notes
                  if n.provision in p.finding.met_by and not n.question])


def _practices(spec: Spec, report: Report, paragraphs: Sequence[Paragraph]) -> tuple[Note, ...]:
    """The good practices the review data names, found in the provisions that bear on the article."""
    narrowed = _narrowed(paragraphs)
    out: list[Note] = []
    kinds = {kind for q in spec.requirements for kind, _, _ in q.objects}
    # only the measures of the article: a provision that bears on none of its paragraphs is no practice of it
    bears = {pid for p in paragraphs for pid in [*p.finding.met_by, *(n.provision for n in p.finding.notes)]}
    for practice in review_data().practices:
        if practice.article != spec.article:
            continue
        for p in report.provisions:
            if p.id not in bears or p.id in narrowed:
                continue
            facts = facts_of(p)
            if facts.object_kind in kinds and facts.object_kind in practice.objects and practice.when.holds(facts):
                out.append(Note(p.id, practice.text, p.span))
    return _once(out)


def _gap(f: Finding) -> bool:
    """An obligatory offence not met, or one a reviewer decides because the general part may reach it (financing
    through complicity, 14(1)(d)): its facts and a separate offence that puts it beyond doubt are shown either way."""
    q = f.requirement
    return q.kind is RequirementKind.OFFENCE and q.force is Force.SHALL and (
        f.verdict.fails or (f.verdict is Verdict.NOT_ASSESSED and q.via_rules is not None))


def _counterexample(f: Finding, report: Report, rules: Sequence[Rule], pack: packs.Pack | None) -> Text | None:
    """For an obligatory offence not met: the smallest facts it requires punished that no provision reaches, found
    by treaty/reach, which reads the provisions apart from the spec (treaty/counterexample); for a definition not
    met, the material inside it that no provision reaches."""
    q = f.requirement
    # a counterexample names only provisions under review for the paragraph: those its finding names
    under_review = [*f.met_by, *(n.provision for n in f.notes if n.provision)]
    if q.kind is RequirementKind.DEFINITION and q.force is Force.SHALL and f.verdict.fails:
        # a definition's own gap: material inside it that no provision reaches though the rest of an offence be there
        gap = material_gap(q, report.provisions, rules, report.spec, under_review)
        return describe_gap(gap) if gap is not None else None
    if q.kind is RequirementKind.LEGAL_PERSONS and q.force is Force.SHALL and f.verdict.fails:
        # an offence a company's agent commits for it, that no provision, rule or measure lets the company answer
        # for: only those the finding leaves out (the others are among those it is met by)
        unit = unit_gap(q, report.provisions, rules, [pid for pid in under_review if pid not in f.met_by])
        return describe_unit_gap(unit) if unit is not None else None
    if not _gap(f):
        return None
    found = counterexample(f.requirement, report.provisions, rules, report.spec, set(f.reached) - set(f.partial))
    # a defence wider than the treaty allows is a gap of its own, with its own facts
    defence = defence_gap(f.requirement, report.provisions, rules, report.spec, under_review)
    wide = describe_defence_gap(defence, pack.exclusions.get(defence.exception) if pack is not None else None) \
        if defence is not None else None
    if found is None:
        return wide
    text = describe(found)
    if wide is not None:
        text = _t(f"{text.en} {wide.en}", f"{text.zh}{wide.zh}")
    via = f.requirement.via_rules
    if via is not None and not any(r.kind is not None and r.kind.name in via.kinds for r in rules):
        # the facts escape complicity only by being tied to no act; whether the general part reaches more is not here
        where = pack.complicity if pack is not None and pack.complicity else {}
        en = f" ({where['en']})" if where else ""
        zh = f"（{where['zh']}）" if where else ""
        text = _t(f"{text.en} The general part's rules on complicity{en} are not among the general-part rules given: "
                  f"whether they reach financing is for a reviewer.",
                  f"{text.zh}共犯规定{zh}未纳入所给出的总则规则，其是否涵盖资助行为，须由审查人员决定。")
    return text


def _units_note(pack: packs.Pack | None) -> Text | None:
    """Where the jurisdiction's Chinese citations name a paragraph by another word than the treaty's 款 (Taiwan's 項),
    a reader is told that they mean the same."""
    form = pack.citations.get("zh") if pack is not None else None
    m = re.search(r"\{paragraph\}(\w)", form.paragraph) if form is not None else None
    if m is None or m.group(1) == "款":
        return None
    unit = m.group(1)
    assert pack is not None
    if treaty_citation_form(pack.code) is not None:  # the Chinese cites the treaty in the jurisdiction's form too
        item = re.search(r"\{item\}(\w)", pack.citations["zh"].item or "")
        sub = item.group(1) if item else "款"
        return _t(f"The Chinese of this review cites the Convention as {pack.label('en')}'s law cites an article: "
                  f"{unit} for a paragraph and {sub} for a subparagraph, where the UN's Chinese texts say 款 and 项.",
                  f"本审查的中文依{pack.label('zh')}条文的引用方式引用公约条款：款称“{unit}”，项称“{sub}”"
                  f"（联合国中文文本称“款”“项”）。")
    return _t(f"In the citations of {pack.label('en')}'s law, {unit} is a paragraph of an article (as 款 is in the "
              f"Convention's paragraphs as this review cites them).",
              f"{pack.label('zh')}条文引用中的“{unit}”，即条文的款（本审查引用公约条款时称“款”）。")


def _closed(report: Report, rules: Sequence[Rule], pending: Sequence[Provision]) -> dict[str, tuple[str, ...]]:
    """The gaps the pending drafts close: each obligatory offence paragraph the law fails that the law and the drafts
    together meet, with the drafts that carry it."""
    if not pending:
        return {}
    waiting = {p.id for p in pending}
    together = {g.requirement.id: g for g in check(report.spec, [*report.provisions, *pending], rules).verdicts}
    out: dict[str, tuple[str, ...]] = {}
    for f in report.verdicts:
        g = together.get(f.requirement.id)
        by = tuple(pid for pid in g.met_by if pid in waiting) if g is not None else ()
        if _gap(f) and g is not None and g.verdict.conforms and by:
            out[f.requirement.id] = by
    return out


def _closed_note(by: Sequence[str], paragraph: str) -> Note:
    """What the review says of a gap a pending draft closes, in place of an amendment of its own."""
    para = paragraph_label(paragraph, "zh")
    return Note("", _t(f"A pending draft closes this gap: {'; '.join(by)} (proposed, not law) together with the law "
                       f"in force meets this paragraph, so no amendment is suggested for it; the verdict is the law "
                       f"in force's.",
                       f"待审议的草案将填补这一缺口：{'、'.join(by)}（立法建议稿，尚未生效）与现行法律一并适用时，{para}即"
                       f"得到实施，故不另提修改建议；上述结论系就现行法律作出。"))


def review_article(report: Report, documents: Sequence[Document], state: Text,
                   pack: packs.Pack | None = None, pending: Sequence[Provision] = ()) -> ArticleReview:
    """One article of the review, from its conformance report and the jurisdiction's documents; a gap a `pending`
    draft closes is said to be closed by it, and gets no amendment."""
    provisions = {p.id: p for p in report.provisions}
    rules = [d for d in documents if isinstance(d, Rule)]
    closed = _closed(report, rules, pending)
    # the smallest amendment for each gap, re-checked against every article; gaps nothing reaches may share one new
    # article (treaty/amend)
    remedies = suggest_amendments(report.spec.article, report.provisions, rules, skip=closed, pending=pending,
                                  measures=[d for d in documents if isinstance(d, Obligation)]) \
        if any(_gap(f) and f.requirement.id not in closed for f in report.verdicts) else {}
    paragraphs = []
    for f in report.verdicts:
        q = f.requirement
        words, marks = treaty_words(q)
        closes = (_closed_note(closed[q.id], q.paragraph),) if q.id in closed else ()
        said = _observations(f, report.provisions) + closes
        paragraphs.append(Paragraph(f, words, marks, said,
                                    _recommendation(q, f, provisions, report.spec.article, state),
                                    _declaration(q, f, state), _counterexample(f, report, rules, pack),
                                    remedies.get(q.id)))
    note = _units_note(pack)
    return ArticleReview(report.spec, _scope(report.spec, report, documents),
                         _provenance(report.spec) + ((note,) if note is not None else ()),
                         tuple(paragraphs), _measures(report, documents, paragraphs),
                         _practices(report.spec, report, paragraphs), tuple(report.risks),
                         _beyond(paragraphs) + beyond_financing(report.spec, remedies.values(), report.provisions, pack,
                                                                paragraph_label))


def review(jurisdiction: str, reports: Sequence[Report], documents: Sequence[Document],
           pending: Sequence[Provision] = ()) -> Review:
    """The review of one jurisdiction: its reports (one per article, already checked) laid out with the
    jurisdiction's documents; `pending` drafts (a bill before the legislature) close the gaps they meet."""
    pack = packs.pack(jurisdiction)
    name = _t(pack.names.get("en", jurisdiction), pack.names.get("zh") or pack.names.get("own", jurisdiction)) \
        if pack is not None else _t(jurisdiction, jurisdiction)
    benchmark = _t(pack.benchmark["en"], pack.benchmark["zh"]) if pack is not None and pack.benchmark else None
    own = [d for d in documents if (d.jurisdiction.name if d.jurisdiction else None) == jurisdiction]
    waiting = [p for p in pending if (p.jurisdiction.name if p.jurisdiction else None) == jurisdiction]
    return Review(jurisdiction, name, benchmark, tuple(own),
                  tuple(review_article(r, own, name, pack, waiting) for r in reports), tuple(waiting))
