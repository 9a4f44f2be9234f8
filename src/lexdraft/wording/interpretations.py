"""Judicial interpretations worded: preamble and articles (tiers, definitions, presumptions, evidence)."""

from __future__ import annotations

import re
from collections import ChainMap
from collections.abc import Container, Mapping, Sequence

from ..diagnostics import Diagnostic, LexdraftError, Span, fail
from ..language import ast as A
from ..language.resolve import resolve_texts
from ..language.stored import digest, keep
from ..language.stored import load as stored_value
from ..pipeline import DraftSet, parse_draft
from ..resources import store_on
from .boilerplate import words
from .citations import article_id, law_name, short_reference, sources_cited
from .clause import FRAMED_ATTRIBUTES, ClauseWording, thing_of, who_of
from .labels import term_label, traditional
from .numerals import zh_numeral
from .pages import InterpretationPage, provision_page, title_of
from .phrases import lead_in, list_lines
from .quotations import Quotations, interpretations_of, refs
from .styles import clause_wording, composes, style_name
from .words import capitalize, join_alternatives

# The question a standard answers, for "认定是否……" and "对是否……难以确定的".
_STANDARD_QUESTIONS = {
    "identifiable-by": ("是否可被识别", "whether an image is identifiable"),
    "ai-synthesis": ("是否系人工智能合成", "whether an image was produced by AI synthesis"),
    "dissemination-purpose": ("是否以传播为目的", "whether the conduct was for the purpose of dissemination"),
}


def _laws_cited(doc: A.Interpretation, provisions: Mapping[str, A.Provision], lang: str) -> list[str]:
    names: list[str] = []
    for ref in doc.interprets:
        name = law_name(_interpreted(ref, provisions), lang)
        if name not in names:
            names.append(name)
    return names


def _interpreted(ref: A.Ref, provisions: Mapping[str, A.Provision]) -> A.Provision:
    p = provisions.get(ref.id)
    if p is None:
        raise fail("E404", f"the interpretation refers to {ref.id}, which is not among the provisions rendered",
                   ref.span, "render the interpretation together with the drafts that hold that provision")
    return p


def _preamble(doc: A.Interpretation, provisions: Mapping[str, A.Provision], lang: str) -> str:
    """为依法惩治……，根据《中华人民共和国刑法》的规定，现就办理此类刑事案件适用法律的若干问题解释如下：
    (the laws its provisions belong to)"""
    if doc.preamble is None:
        raise fail("E405", f"the interpretation {doc.id} has no preamble", doc.span,
                   "add `preamble zh \"依法惩治……\" en \"punish ...\"`: the purpose the interpretation serves")
    text = doc.preamble.zh if lang == "zh" else doc.preamble.en
    if not text:
        raise fail("E405", f"the preamble of {doc.id} has no {lang} text", doc.preamble.span,
                   f"add `{lang} \"...\"` to the preamble")
    laws = _laws_cited(doc, provisions, lang)
    if not laws:  # lint asks for `interprets` (E211): the law cited is that of the provisions interpreted, no default
        raise fail("E404", f"the interpretation {doc.id} names no provision it interprets", doc.span,
                   "add `interprets <provision id>`: the preamble cites the law that provision belongs to")
    if lang == "zh":
        if "解释如下" in text:
            return text  # the drafters wrote the whole preamble
        purpose = text.removeprefix("为").rstrip("，。；")
        if not purpose.startswith("依法"):
            purpose = "依法惩治" + purpose
        cited = "".join(f"《{law}》" for law in laws)
        return f"为{purpose}，根据{cited}的规定，现就办理此类刑事案件适用法律的若干问题解释如下："
    purpose = re.sub(r"^(in order )?to ", "", text.strip().rstrip(".,;"), flags=re.IGNORECASE)
    if not purpose.lower().startswith("punish"):
        purpose = "punish in accordance with law " + purpose
    cited = join_alternatives(laws, "en", "and")
    return (f"In order to {purpose}, this Interpretation is made, pursuant to the {cited}, on several issues "
            "concerning the application of law in handling such criminal cases, as follows:")


def _wording(doc: A.Interpretation | A.Provision, lang: str) -> ClauseWording:
    """The words of the document's own jurisdiction (its pack's drafting style), in `lang`."""
    jur = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
    if not composes(lang, jur):
        raise fail("E401", f"the {style_name(jur)} drafting style of {jur!r} composes no text in {lang!r}", doc.span,
                   "render the interpretation in a language its jurisdiction's style composes in")
    return clause_wording(lang, jur)


def _tier_name(tier: A.Term, p: A.Provision, lang: str) -> str:
    """情节严重 / serious circumstances: the words the provision uses for the tier."""
    decl = next((t for t in p.tiers if t.name.name == tier.name), None)
    if decl is not None and decl.requires is not None:
        label = term_label(decl.requires, lang)
    elif tier.name in {"serious", "especially-serious"}:
        label = term_label(tier, lang)
    else:
        raise fail("E406", f"the provision {p.id} gives the `{tier.name}` tier no statutory name to quote", tier.span,
                   f"declare `tier {tier.name} requires <circumstance>` in {p.id}")
    if lang == "en":
        m = re.match(r"^where the circumstances are (.+)$", label)
        label = f"{m.group(1)} circumstances" if m else label.removeprefix("where ")
    return label


def _question(term: A.Term, lang: str) -> str:
    q = _STANDARD_QUESTIONS.get(term.name)
    if q is None:
        raise fail("E402", f"no wording for the standard `{term.name}` in an interpretation article", term.span,
                   "the renderer words " + ", ".join(sorted(_STANDARD_QUESTIONS)))
    return q[0] if lang == "zh" else q[1]


def _ji_article(a: A.JIArticle, doc: A.Interpretation, provisions: Mapping[str, A.Provision],
                lang: str) -> tuple[str, ...]:
    zh = lang == "zh"
    if isinstance(a, A.TextArticle):
        value = a.text.zh if zh else a.text.en
        if not value:
            raise fail("E405", f"article {a.number} has no {lang} text", a.text.span,
                       f"add `{lang} \"...\"` to the article's text")
        return tuple(value.strip("\n").split("\n"))
    if isinstance(a, A.TierArticle):
        p = _interpreted(a.provision, provisions)
        jur = article_id(p).jurisdiction
        name, ref = _tier_name(a.tier, p, lang), short_reference(p, lang)
        # The catch-all closes the list as interpretations close theirs: （七）其他情节严重的情形。
        other = (f"其他{name}的情形" if zh else f"other {name}") if a.catch_all else None
        if zh:
            return (f"{lead_in(a.condition.mode, 'zh')}的，应当认定为{ref}规定的“{name}”：",
                    *list_lines(a.condition, "zh", jur, other=other))
        lead = "Any of the following" if a.condition.mode is A.ConditionMode.ANY \
            else "The following, where all are present,"
        return (f"{lead} shall be deemed “{name}” under {ref}:", *list_lines(a.condition, "en", jur, other=other))
    if not doc.interprets:
        raise fail("E404", f"article {a.number} needs the provision it interprets", a.span,
                   "add `interprets <provision id>` to the interpretation")
    refs = [short_reference(_interpreted(r, provisions), lang) for r in doc.interprets]
    where = join_alternatives(refs, lang, "和" if zh else "and")
    if isinstance(a, A.DefinesArticle):
        std = term_label(a.standard, lang, "standards")
        frame = _wording(doc, lang).frame(a.standard.name)
        if frame is None:
            raise fail("E402", f"no wording to define the standard `{a.standard.name}`", a.standard.span,
                       "the renderer defines " + ", ".join(sorted(FRAMED_ATTRIBUTES)))
        value = term_label(a.value, lang, f"object-attributes.{a.standard.name}")
        evidence = [term_label(e, lang, "evidence") for e in a.evidence]
        words = frame.format(v=value)  # the statute's own words, quoted exactly as its definition says them
        if evidence:
            if zh:
                return (f"认定是否属于{where}规定的“{words}”，可以根据{'、'.join(evidence)}综合判断。",)
            return ((f"In determining whether an image “{words}” within the meaning of {where}, "
                     f"{join_alternatives(evidence, 'en', 'and')} may be considered as a whole."),)
        if zh:
            return (f"{where}规定的“{std}”，是指{words}。",)
        return (f"“{capitalize(std)}” under {where} means {words.removeprefix('is ')}.",)
    if isinstance(a, (A.PresumptionArticle, A.DeemingArticle, A.MitigationArticle)):
        return _platform_article(a, provisions, lang)
    assert isinstance(a, A.EvidenceArticle)
    evidence = [term_label(e, lang, "evidence") for e in a.evidence]
    # An expert opinion is evidence the court examines with the rest, never a finding that binds it.
    if zh:
        return (f"对{_question(a.fact, 'zh')}难以确定的，可以依据{'、'.join(evidence)}，结合其他证据综合认定。",)
    return ((f"Where it is difficult to determine {_question(a.fact, 'en')}, the determination may be made on "
             f"the basis of {join_alternatives(evidence, 'en', 'and')}, together with the other evidence, "
             "considered as a whole."),)


def _platform_article(a: A.PresumptionArticle | A.DeemingArticle | A.MitigationArticle,
                      provisions: Mapping[str, A.Provision], lang: str) -> tuple[str, ...]:
    """A presumption, an adverse inference or a mitigating circumstance, in the form of 2019 Interpretation art. 11:
    具有下列情形之一的，可以认定……，但是……的除外：（一）……"""
    zh = lang == "zh"
    p = _interpreted(a.provision, provisions)
    jur = article_id(p).jurisdiction
    ref = short_reference(p, lang)
    wording = _wording(p, lang)
    subject = wording.subject(who_of(p)) or ("行为人" if zh else "an offender")
    lead = lead_in(a.condition.mode, lang)
    items = list_lines(a.condition, lang, jur)
    if isinstance(a, A.PresumptionArticle):
        if a.mental.name != "knowledge" or a.rebuttal is None:
            raise fail("E402", f"no wording for a presumption of {a.mental.name} without a rebuttal", a.mental.span,
                       "write `presumes knowledge of … when … rebuttable zh \"…\" en \"…\"`")
        rebuttal = a.rebuttal.zh if zh else a.rebuttal.en
        if not rebuttal:
            raise fail("E405", f"the rebuttal of article {a.number} has no {lang} text", a.rebuttal.span,
                       f"add `{lang} \"…\"` to the rebuttal")
        thing = thing_of(p)
        obj = wording.thing(thing) if thing else ""
        # 推定明知 (2019 Interpretation art. 11: 可以认定……明知……，但是有相反证据的除外): the knowledge the
        # statute requires is presumed, not replaced by 应当知道, which would be a lower standard.
        if zh:
            return (f"{lead}的，可以认定{subject}明知是{ref}规定的{obj}，但是{rebuttal}：", *items)
        return ((f"Where {lead} applies, {subject} may be found to have known that it was dealing with {obj} "
                 f"within the meaning of {ref}, {rebuttal}:"), *items)
    if isinstance(a, A.DeemingArticle):
        # Only the duty the provision itself names can be deemed breached: any other duty's breach is no element.
        if p.duty is None or p.duty.name.name != a.duty.name:
            named = f"`{p.duty.name.name}`" if p.duty is not None else "no duty"
            raise fail("E402", f"{p.id} names {named}, so no article can deem `{a.duty.name}` breached", a.duty.span,
                       "deem breached the duty the provision names in its `duty` field")
        duty = term_label(a.duty, lang)
        if zh:
            return (f"{subject}{lead}的，应当认定其未履行{ref}规定的{duty}：", *items)
        return ((f"{capitalize(subject)} shall be deemed to have failed to perform {duty} under {ref} where {lead} "
                 "applies:"), *items)
    if zh:
        return (f"{subject}犯{ref}规定之罪，{lead}的，可以从轻处罚：", *items)
    applies = "applies" if a.condition.mode is A.ConditionMode.ANY else "apply"
    return ((f"Where {subject} commits the crime under {ref} and {lead} {applies}, "
             "it may be given a lighter punishment:"), *items)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")


def _final_articles(doc: A.Interpretation, lang: str) -> list[str]:
    """The articles that close an interpretation, each only where the file gives it: the one on earlier
    interpretations, then the commencement on the date the file states (never a date of lexdraft's own)."""
    w = words(lang)
    out = [w["ji-supersedes"]] if doc.supersedes else []
    if isinstance(doc.commencement, A.OnPublication):
        out.append(w["ji-commencement-publication"])
    elif doc.commencement is not None:
        year, month, day = (int(x) for x in doc.commencement.value.split("-"))  # lint (E232) checked the date
        out.append(w["ji-commencement"].format(year=year, month=month, day=day, month_name=_MONTHS[month - 1]))
    return out


def interpretation_page(doc: A.Interpretation, provisions: Mapping[str, A.Provision],
                         lang: str) -> InterpretationPage:
    jur = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
    quoted_terms(doc, provisions, lang)
    articles = []
    for a in doc.articles:
        articles.append((_label(a.number, lang, jur), _ji_article(a, doc, provisions, lang)))
    for text in _final_articles(doc, lang):
        articles.append((_label(len(articles) + 1, lang, jur), (text,)))
    issuers = join_alternatives([term_label(i, lang) for i in doc.issuers], lang, "、" if lang == "zh" else "and")
    proposed = doc.status is not None and doc.status.name == "proposed"
    adopted = (doc.adopted.zh if lang == "zh" else doc.adopted.en) if doc.adopted is not None else None
    if doc.adopted is not None and not adopted:
        raise fail("E405", f"the adoption line of {doc.id} has no {lang} text", doc.adopted.span,
                   f"add `{lang} \"…\"` to `adopted`, as the court's {lang} text words it")
    return InterpretationPage(
        title_of(doc, lang, prefer_hant=traditional(jur)), proposed, issuers, _preamble(doc, provisions, lang),
        tuple(articles), sources_cited(doc.sources, lang), lang, number=doc.number.value if doc.number else None,
        adopted=(f"（{adopted}）" if lang == "zh" else f"({adopted})") if adopted else None,
        stage=term_label(doc.stage, lang) if doc.stage is not None else None)


def _label(number: int, lang: str, jurisdiction: str) -> str:
    return f"第{zh_numeral(number, jurisdiction)}条" if lang == "zh" else f"Article {number}"


# “…” in an article lexdraft composes, or in the text a drafter wrote.
_QUOTE = re.compile(r"“([^”]+)”")


def quoted_terms(doc: A.Interpretation, provisions: Mapping[str, A.Provision], lang: str = "zh") -> None:
    """E410: every term an article quotes (“…”) stands word for word in the text of the provision it interprets, as
    render composes that text (a proposal's) or quotes it (a provision in force): an interpretation construes the
    statute's words and may not put words of its own in quotation marks as if they were the statute's. The Chinese
    is always checked, the authoritative text; the English where the interpretation is rendered in English, against
    the English of the provision, since the English reader takes a quoted term for a term the Act defines or uses.
    A `text` article on a provision quoting its text in force is W202's, a warning: real interpretations quote other
    articles' words too (the 2010 Interpretation (II) art. 9 quotes art. 367's “其他淫秽物品”)."""
    for a in doc.articles:
        interpreted = _quoting(a, doc, provisions)
        for checked in ("zh", "en") if lang == "en" else ("zh",):
            _quotes_stand(a, doc, provisions, interpreted, checked)


def misquotes(doc: A.Interpretation, provisions: Mapping[str, A.Provision]) -> list[Diagnostic]:
    """quoted_terms for `check` and the gate: every E410 of the interpretation, in both languages, and nothing else
    (an article that cannot be worded, or a provision outside the set, is render's to report)."""
    found: list[Diagnostic] = []
    for a in doc.articles:
        for lang in ("zh", "en"):
            try:
                _quotes_stand(a, doc, provisions, _quoting(a, doc, provisions), lang)
            except LexdraftError as e:
                found.extend(d for d in e.diagnostics if d.code == "E410")
    return found


def _quoting(a: A.JIArticle, doc: A.Interpretation, provisions: Mapping[str, A.Provision]) -> list[A.Provision]:
    """The provisions whose words the article's quotes must be: none for a `text` article on a provision quoting its
    text in force (W202's), nor for one the interpretation names no provision for (E404's)."""
    refs = (a.provision,) if isinstance(a, A.REFERRING_ARTICLES) else doc.interprets
    interpreted = [_interpreted(r, provisions) for r in refs]
    if isinstance(a, A.TextArticle) and any(p.text is not None or p.text_of is not None for p in interpreted):
        return []
    return interpreted


def _quotes_stand(a: A.JIArticle, doc: A.Interpretation, provisions: Mapping[str, A.Provision],
                  interpreted: list[A.Provision], lang: str) -> None:
    texts = [t for p in interpreted if (t := _statute_words(p, lang)) is not None]
    if not texts:
        return  # a statute with no text in this language: nothing to quote from, and its page says so
    # The name a tier goes by is the term an interpretation quotes: “serious circumstances” for a statute whose
    # English says "where the circumstances are serious" (as the courts' translations quote 情节严重).
    names = {_squeezed(_tier_name(t.name, p, lang), lang) for p in interpreted for t in p.tiers
             if t.requires is not None or t.name.name in {"serious", "especially-serious"}} if lang == "en" else set()
    for quote in _QUOTE.findall("".join(_ji_article(a, doc, provisions, lang))):
        words = _squeezed(quote, lang)
        if words in names or any(words in t for t in texts):
            continue
        cited = "、".join(f"`{p.id}`" for p in interpreted) if lang == "zh" else \
            ", ".join(f"`{p.id}`" for p in interpreted)
        which = "" if lang == "zh" else "English "
        span = _quotation(a.text, lang, quote) if isinstance(a, A.TextArticle) else a.span
        raise fail("E410", f"article {a.number} quotes “{quote}”, which the {which}text of {cited} does not contain",
                   span, "quote the provision's own words (render it to see them), or define the term in the "
                         "provision so that its text says it")


def _quotation(text: A.Text, lang: str, quote: str) -> Span | None:
    """Where the quotation stands in the drafter's string, for a string on one line (a STRING has no escapes, so its
    characters are the source's and it ends the place); else where the words in that language stand."""
    place, words = text.place(lang), text.get(lang) or ""
    at = words.find(f"“{quote}”")
    if place is None or at < 0 or place.line != place.end_line:
        return place
    start = place.end_column - len(words) - 1 + at
    return Span(place.file, place.line, start, place.line, start + len(quote) + 2)


def _statute_words(p: A.Provision, lang: str) -> str | None:
    """The provision's text in `lang` as render prints it, squeezed for comparison; None where it has none in
    `lang` (a statute in force with no translation into it)."""
    page = provision_page(p, lang)
    lines = page.translated if page.own else (() if page.translation == "missing" else page.lines)
    return _squeezed(" ".join(lines), lang) if lines else None


def _squeezed(text: str, lang: str) -> str:
    """Chinese without its whitespace (a quote may wrap where the statute's lines do not); English with its
    whitespace as single spaces and in lower case (a quoted term opening a sentence is capitalised)."""
    return "".join(text.split()) if lang == "zh" else " ".join(text.split()).casefold()


def quotes_of_set(drafts: DraftSet, named: Container[str], texts: Mapping[str, str | None],
                  quotations: Quotations | None = None) -> None:
    """E410 over the interpretations of a set checked (`check`, the gate) whose files are among `named`, against the
    set's provisions as render composes them. Interpretation file by interpretation file: those `quotations` checked
    as the set was read stand; where the set holds a file or a provision it names sketched, those files alone are read
    whole again (their text from `texts` where it is no file's), parsing only, and let go before the next; a file
    whose quotations stood against the same bytes of the same files stands (kept in the cache by their addresses), so
    a re-check that changed none of them parses none."""
    mine = [f for f in drafts.files if f.path in named and any(isinstance(d, A.Interpretation) for d in f.documents)]
    if not mine:
        return
    provisions = _provisions(drafts.files)
    holders = {d.id: g.path for g in drafts.files for d in g.documents if isinstance(d, A.Provision)}
    found = [d for f in mine for d in _misquotes_of_file(f, drafts, provisions, holders, texts, quotations)]
    if found:
        raise LexdraftError(found)


def _misquotes_of_file(f: A.DraftFile, drafts: DraftSet, provisions: dict[str, A.Provision],
                       holders: Mapping[str, str], texts: Mapping[str, str | None],
                       quotations: Quotations | None) -> list[Diagnostic]:
    """E410 of one interpretation file: as `quotations` found it, else against the set as loaded (with the
    interpretations and provisions `quotations` kept whole), else (a sketch in the way) against its file and the
    files of the provisions it names read whole again, unless the cache holds that they stood. Quotations that stand
    against the whole trees are kept as standing too: the next run, which reads the same files sketched, reads none
    again."""
    if quotations is not None and f.path in quotations.found:
        return quotations.found[f.path]
    docs, held = interpretations_of(f), {}
    if quotations is not None and f.path in quotations.waiting:
        docs, held = quotations.waiting[f.path][0], quotations.held
    try:
        made = misquoted(docs, ChainMap(held, provisions))
    except A.TreeNeeded:
        return _reread_misquotes(f, drafts, provisions, holders, texts)
    if not made and store_on():
        key = _quotes_key(f, drafts, provisions, holders)
        if key is not None:
            keep("quotes", key, True)
    return made


def _quotes_key(f: A.DraftFile, drafts: DraftSet, provisions: Mapping[str, A.Provision],
                holders: Mapping[str, str]) -> str | None:
    """What E410 of one interpretation file reads, as a key in the cache: its file and the files of the provisions
    it names (`holders`: the file of each provision), by address, and these provisions' texts (the ids they name
    are in a sketch too; a text may be another's, `text of`, from a file the key does not name). None for a set not
    loaded through the cache."""
    ids = {r.id for doc in interpretations_of(f) for r in refs(doc)}
    paths = sorted({holders[i] for i in ids if i in holders} - {f.path})
    addresses = dict(zip(drafts.paths, drafts.addresses, strict=True)) \
        if len(drafts.addresses) == len(drafts.files) else {}
    if not all(q in addresses for q in (f.path, *paths)):
        return None
    stated = [repr((t.zh, t.en, t.zh_hant, t.other)) for i in sorted(ids)
              if (p := provisions.get(i)) is not None and (t := p.text) is not None]
    return digest("quotes", f.path, addresses[f.path], *(addresses[q] for q in paths), *stated)


def _reread_misquotes(f: A.DraftFile, drafts: DraftSet, provisions: Mapping[str, A.Provision],
                      holders: Mapping[str, str], texts: Mapping[str, str | None]) -> list[Diagnostic]:
    """E410 of one interpretation file against its file and the files of the provisions it names read whole again,
    unless the cache holds that the quotations stood against these very files and texts (_quotes_key)."""
    key = _quotes_key(f, drafts, provisions, holders)
    if key is not None and stored_value("quotes", key) is True:
        return []
    ids = {r.id for doc in interpretations_of(f) for r in refs(doc)}
    paths = sorted({holders[i] for i in ids if i in holders} - {f.path})
    whole = parse_draft(f.path, texts.get(f.path))
    by_path = {g.path: g for g in drafts.files}
    again = {q: parse_draft(q, texts.get(q)) for q in paths if any(type(d) is A.Sketch for d in by_path[q].documents)}
    files = resolve_texts([whole if g.path == f.path else again.get(g.path, g) for g in drafts.files])
    made = misquoted(interpretations_of(whole), _provisions(files))
    if not made and key is not None:
        keep("quotes", key, True)
    return made


def _provisions(files: Sequence[A.DraftFile]) -> dict[str, A.Provision]:
    return {d.id: d for f in files for d in f.documents if isinstance(d, A.Provision)}


def misquoted(interpretations: list[A.Interpretation], provisions: Mapping[str, A.Provision]) -> list[Diagnostic]:
    return [d for doc in interpretations for d in misquotes(doc, provisions)]
