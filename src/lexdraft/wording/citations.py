"""How instruments are cited: article ids and labels, law names, citations, sources, treaty references."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import LexdraftError, fail
from ..language import ast as A
from ..language.amendments import code_of
from ..language.vocabulary import vocabulary
from ..treaty.papers import cite
from .labels import text_in
from .numerals import zh_numeral
from .words import join_alternatives

# Treaties the drafts implement, by the first part of a treaty id (uncc.16 -> Art. 16).
# The Chinese name is the secondary literature's: no official Chinese text was found (reference, Chinese terms).
TREATY_NAME_ZH = "《联合国打击网络犯罪公约》"
_TREATIES = {"uncc": (TREATY_NAME_ZH, "UN Convention against Cybercrime")}

# What sits at an article of an instrument: an offence provision or an administrative obligation.
Article = A.Provision | A.Obligation | A.Rule



@dataclass(frozen=True)
class ArticleId:
    """Where a provision sits: jurisdiction, instrument term, article number such as 253-2, paragraph."""

    jurisdiction: str
    law: str
    article: str
    paragraph: int | None = None
    item: str | None = None  # an item of the paragraph (a limb, 项, 款, (a)), as the pack numbers it


def article_id(provision: Article) -> ArticleId:
    """Parse `prc.criminal-law.253-2`, `tw.criminal-code.319-3.4` or `nz.hdca.22a`: the article part as the
    jurisdiction's pack numbers its articles, then at most a paragraph and an item of it (`fr.code-penal.227-23.1.2`);
    an inserted article wins over the id."""
    parts = provision.id.split(".")
    jurisdiction = provision.jurisdiction.name if provision.jurisdiction else parts[0]
    problem = packs.id_problem(provision.id, jurisdiction)
    if problem is not None:
        raise fail("E403", problem[0], provision.span, problem[1])
    paragraph = int(parts[3]) if len(parts) > 3 else None
    number, law = parts[2], parts[1]
    ins = provision.instrument
    if ins is not None and ins.operation:
        # An amendment stands where it puts its text: the article it inserts, replaces or adds a paragraph to, in the
        # act it amends (its id names the amending instrument where the article is in force under its own id).
        number, paragraph = ins.article or number, ins.paragraph if ins.operation != "insert" else paragraph
        law = code_of(provision).split(".", 1)[1]
    return ArticleId(jurisdiction, law, number, paragraph, parts[4] if len(parts) > 4 else None)


def _numbered(part: str, form: packs.Citation) -> str:
    return form.numbered(part)


def article_label(number: str, jurisdiction: str, lang: str, paragraph: int | None = None,
                  item: str | None = None) -> str:
    """An article as its jurisdiction's pack cites it in `lang`: `253-2` -> 第二百五十三条之二 / Article 253-2,
    `22a` -> section 22A; a paragraph as the pack writes it (第三項, (1), Abs. 1), and an item of it (第一项, (a))."""
    p = packs.pack(jurisdiction)
    if p is None:
        raise fail("E403", f"no pack for the jurisdiction {jurisdiction!r}", None,
                   "add packs/<code>/pack.yaml for it (docs/language.md, \"Packs\")")
    return p.cite(number, lang, paragraph, item)


def within_law(provision: Article, lang: str) -> str:
    """An article as a text of its own law cites it, the law unnamed (第二百三十七条之一, Article 363, paragraph 1);
    its id where no pack numbers it."""
    try:
        aid = article_id(provision)
        return article_label(aid.article, aid.jurisdiction, lang, aid.paragraph, aid.item)
    except LexdraftError:
        return provision.id


def paragraph_label(paragraph: int, jurisdiction: str, lang: str) -> str:
    """A paragraph alone, as the pack's paragraph citation writes it without its article: 第三款, 第三項, (3)."""
    p = packs.pack(jurisdiction)
    form = (p.citations.get(lang) or p.citations["en"]) if p is not None else packs.Citation("Article {number}")
    return form.paragraph.replace("{article}", "").lstrip(", ").format(paragraph=_numbered(str(paragraph), form))


def short_name(jurisdiction: str, target: str) -> dict[str, str]:
    """How the pack shortens the instrument whose Chinese name is `target` (刑法 / the Criminal Law), if it does."""
    p = packs.pack(jurisdiction)
    for instrument in p.instruments.values() if p is not None else ():
        if target in (instrument.labels.get("zh"), instrument.labels.get("own"), instrument.labels["en"]):
            return instrument.short
    return {}


def own_name(jurisdiction: str, name: str) -> str:
    """An act's name as the jurisdiction's own instruments write it (an amendment's instruction, a bill's title, a
    comparison table's and the text as amended's): without the jurisdiction's name in brackets that its pack adds to
    the English for readers of several States (Criminal Code (Taiwan) -> Criminal Code)."""
    p = packs.pack(jurisdiction)
    return name.removesuffix(f" ({p.names['en']})") if p is not None else name


def law_name(provision: Article, lang: str) -> str:
    """The full name of the instrument the article belongs to."""
    aid = article_id(provision)
    p = packs.pack(aid.jurisdiction)
    instrument = p.instruments.get(aid.law) if p is not None else None
    entry = instrument.labels if instrument is not None else vocabulary().entry("instruments", aid.law)
    if entry is not None:
        return str(entry.get(lang) or entry.get("own") or entry["en"])  # an act not named in Chinese: its own name
    if provision.instrument is not None and provision.instrument.target and lang == "zh":
        return provision.instrument.target
    # Falling back to the `instrument` kind would cite the wrong act (a CSEPA article as 中華民國刑法).
    raise fail("E403", f"cannot name the law of {provision.id}: `{aid.law}` is not an instrument in the vocabulary",
               provision.span,
               f"add `{aid.law}: {{en: <the act's English name>, zh: <its Chinese name>}}` under `instruments:` "
               f"in the pack of {aid.jurisdiction} and write `instrument {aid.law}`")


def special_part(jurisdiction: str, law: str, lang: str) -> str:
    """The part of the code `law` that holds its offences, as the pack names it (刑法分则 / Part Two of the Criminal
    Law); '' where the pack names none."""
    p = packs.pack(jurisdiction)
    instrument = p.instruments.get(law) if p is not None else None
    part = instrument.special_part if instrument is not None else {}
    return part.get(lang) or part.get("en", "")


def citation(provision: Article, lang: str) -> str:
    """《中华人民共和国刑法》第二百五十三条之二 / Criminal Law of ..., Article 253-2."""
    aid = article_id(provision)
    label = article_label(aid.article, aid.jurisdiction, lang, aid.paragraph, aid.item)
    if lang == "zh":
        return f"《{law_name(provision, lang)}》{label}"
    return f"{law_name(provision, lang)}, {label}"


def short_reference(provision: A.Provision, lang: str) -> str:
    """How an interpretation cites the provision: 刑法第二百五十三条之二 / Article 253-2 of the Criminal Law."""
    aid = article_id(provision)
    p = packs.pack(aid.jurisdiction)
    instrument = p.instruments.get(aid.law) if p is not None else None
    short = instrument.short if instrument is not None else {}
    if lang == "zh":
        zh_short = short.get("zh", f"《{law_name(provision, 'zh')}》")
        return zh_short + article_label(aid.article, aid.jurisdiction, "zh", aid.paragraph, aid.item)
    law = law_reference(provision)
    if aid.paragraph and p is not None and p.style == "common-law-en":
        # The packs whose English is not the official translations' cite a paragraph as their own citation form
        # does: section 124(1), s. 377BE(1), article 226-2-1, paragraph 2 (not "paragraph 1 of section 124").
        return f"{article_label(aid.article, aid.jurisdiction, 'en', aid.paragraph, aid.item)} of {law}"
    label = article_label(aid.article, aid.jurisdiction, "en")
    if aid.paragraph and aid.item:
        return f"{article_label(aid.article, aid.jurisdiction, 'en', aid.paragraph, aid.item)} of {law}"
    if aid.paragraph:
        return f"paragraph {aid.paragraph} of {label} of {law}"  # as the official translations of PRC law cite
    return f"{label} of {law}"


def law_reference(provision: A.Provision) -> str:
    """The law an English reference names after the article: the Criminal Law, the Crimes Act 1961."""
    aid = article_id(provision)
    p = packs.pack(aid.jurisdiction)
    instrument = p.instruments.get(aid.law) if p is not None else None
    return (instrument.short if instrument is not None else {}).get("en") or f"the {law_name(provision, 'en')}"


def treaty_reference(ref: str, lang: str) -> str:
    """`uncc.16.1` -> 《联合国打击网络犯罪公约》第十六条第一款 / UN Convention against Cybercrime, Art. 16(1)."""
    prefix, *numbers = ref.split(".")
    name = _TREATIES.get(prefix)
    if name is None or not numbers or not all(n.isdigit() for n in numbers):
        return ref
    if lang == "zh":
        out = f"{name[0]}第{zh_numeral(int(numbers[0]))}条"
        if len(numbers) > 1:
            out += f"第{zh_numeral(int(numbers[1]))}款"
        return out
    return f"{name[1]}, Art. {numbers[0]}" + "".join(f"({n})" for n in numbers[1:])


def obligation_references(refs: Sequence[A.Ref], lang: str) -> str:
    """Obligations cited by id, grouped by instrument: 《互联网信息服务深度合成管理规定》第十条、第十六条 / …, Articles
    10 and 16."""
    by_law: dict[str, list[str]] = {}
    for ref in refs:
        parts = ref.id.split(".")
        p = packs.pack(parts[0])
        instrument = p.instruments.get(parts[1]) if p is not None and len(parts) == 3 else None
        entry = instrument.labels if instrument is not None else None
        if p is None or entry is None or not p.numbering().fullmatch(parts[2]):
            by_law.setdefault(ref.id, [])  # an id the vocabulary cannot name is cited as written
            continue
        law = f"《{entry.get('zh', entry['en'])}》" if lang == "zh" else str(entry["en"])
        by_law.setdefault(law, []).append(article_label(parts[2], parts[0], lang))
    out = []
    for law, articles in by_law.items():
        if not articles:
            out.append(law)
        elif lang == "zh":
            out.append(law + "、".join(articles))
        else:  # as the pack cites each (the PRC's inserted Article 17A), its word said once: Articles 10 and 17A
            words = {a.split(" ", 1)[0] for a in articles}
            if len(articles) > 1 and len(words) == 1 and (word := words.pop()).isalpha():
                out.append(f"{law}, {word}s {join_alternatives([a.split(' ', 1)[1] for a in articles], 'en', 'and')}")
            else:
                out.append(f"{law}, {join_alternatives(articles, 'en', 'and')}")
    return ("；" if lang == "zh" else "; ").join(out)


def per_source(per: str | A.Text | None, lang: str, tw: bool = False) -> str | None:
    """A `per` citation in `lang`: the one string both languages share, or that language's own words; a paper it
    names by file name is cited by authors and title."""
    if per is None:
        return per
    if isinstance(per, str):
        return cite(per, lang)
    value = text_in(per, lang, tw)
    if not value:
        raise fail("E405", f"the `per` source has no {'Chinese' if lang == 'zh' else 'English'} words", per.span,
                   f"add `{'zh-hant' if tw and lang == 'zh' else lang} \"...\"` to it, or give one string for both")
    return cite(value, lang)


def sources_cited(sources: Sequence[str | A.Text], lang: str) -> tuple[str, ...]:
    """A document's `source` lines as a reader sees them: a paper by authors and title, never by its file name
    (drafts keep the file name, which is how a maintainer finds the passage); a line given in each language, in the
    reader's."""
    def words(s: str | A.Text) -> str:
        if isinstance(s, str):
            return s
        return ((s.zh_hant or s.zh) if lang == "zh" else s.en) or s.en or s.zh_hant or s.zh or ""

    return tuple(cite(words(s), lang) for s in sources)


# A treaty citation in the UN's Chinese usage: 第14条, 第14条第1款, 第14条第1款(a)项, 第14条第2款(a)至(c)项; then a
# paragraph or subparagraph that follows one in a list (、第2款; 以及(d)项); articles listed (第14、16条). Arabic
# numerals: the law's own articles are cited in Chinese numerals, so only the treaty's are matched.
_UN_CITATION = re.compile(r"第(\d+)条(?:第(\d+)款(?:\(([a-z])\)(?:至\(([a-z])\))?项)?)?")
_UN_ARTICLES = re.compile(r"第(\d+(?:、\d+)+)条")
_UN_PARAGRAPH = re.compile(r"第(\d+)款")
_UN_ITEMS = re.compile(r"\(([a-z])\)(?:至\(([a-z])\))?项")


def cite_treaty_as(text: str, form: packs.Citation) -> str:
    """Treaty citations in `text` restated in the jurisdiction's form (第14条第1款(a)项 -> 第十四條第一項(a)款), its
    lettered items as its `letter` template writes them ((a)款至(c)款), else as its `item` does (第a款至第c款)."""
    paragraph_unit = re.search(r"\{paragraph\}(\w)", form.paragraph)
    item_unit = re.search(r"\{item\}(\w)", form.item or "")
    if paragraph_unit is None or item_unit is None:
        return text
    # one lettered item as the form writes it after its paragraph: ({item})款 or 第{item}款
    item_form = (form.letter or form.item or "").replace("{paragraph}", "")

    def items(first: str, last: str | None) -> str:
        return item_form.format(item=first) + (f"至{item_form.format(item=last)}" if last else "")

    def full(m: re.Match[str]) -> str:
        article, paragraph, first, last = m.groups()
        out = form.label(article, int(paragraph) if paragraph else None)
        return out + (items(first, last) if first else "")

    text = _UN_ARTICLES.sub(lambda m: form.label(m.group(1).split("、")[0]).replace(
        form.numbered(m.group(1).split("、")[0]), "、".join(map(form.numbered, m.group(1).split("、")))), text)
    text = _UN_CITATION.sub(full, text)
    text = _UN_PARAGRAPH.sub(lambda m: f"第{form.numbered(m.group(1))}{paragraph_unit.group(1)}", text)
    return _UN_ITEMS.sub(lambda m: items(m.group(1), m.group(2)), text)
