"""How instruments are cited: article ids and labels, law names, citations, sources, treaty references."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary
from .labels import text_in
from .numerals import zh_numeral
from .words import join_alternatives

# Short names used when one instrument cites another ("刑法第二百五十三条之二").
_SHORT_NAMES = {
    "criminal-law": ("刑法", "the Criminal Law"),
    "criminal-code": ("刑法", "the Criminal Code"),
}

# Treaties the drafts implement, by the first part of a treaty id (uncc.16 -> Art. 16).
_TREATIES = {"uncc": ("《联合国打击网络犯罪公约》", "UN Convention against Cybercrime")}

# What sits at an article of an instrument: an offence provision or an administrative obligation.
Article = A.Provision | A.Obligation

_ARTICLE_NO = re.compile(r"^\d{1,6}(-\d{1,6})*$")  # article numbers; 6 digits is more than any code has


@dataclass(frozen=True)
class ArticleId:
    """Where a provision sits: jurisdiction, instrument term, article number such as 253-2, paragraph."""

    jurisdiction: str
    law: str
    article: str
    paragraph: int | None = None


def article_id(provision: Article) -> ArticleId:
    """Parse `prc.criminal-law.253-2` or `tw.criminal-code.319-3.4`; an inserted article wins over the id."""
    parts = provision.id.split(".")
    if len(parts) < 3 or not _ARTICLE_NO.match(parts[2]):
        raise fail("E403", f"cannot find an article number in the id {provision.id!r}", provision.span,
                   "write the id as jurisdiction.instrument.article, e.g. prc.criminal-law.253-2")
    paragraph = None
    if len(parts) > 3:
        if len(parts) > 4 or not parts[3].isdigit() or len(parts[3]) > 6:
            raise fail("E403", f"the id {provision.id!r} has more than an article and a paragraph", provision.span,
                       "add at most a paragraph number after the article, e.g. prc.criminal-law.237.3")
        paragraph = int(parts[3])
    jurisdiction = provision.jurisdiction.name if provision.jurisdiction else parts[0]
    number = parts[2]
    if provision.instrument is not None and provision.instrument.inserts:
        number = provision.instrument.inserts
    return ArticleId(jurisdiction, parts[1], number, paragraph)


def article_label(number: str, jurisdiction: str, lang: str, paragraph: int | None = None) -> str:
    """`253-2` -> 第二百五十三条之二 / Article 253-2; Taiwan writes 第三百十九條之四 with 項 for paragraphs."""
    if lang == "en":
        return f"Article {number}" + (f", paragraph {paragraph}" if paragraph else "")
    tw = jurisdiction == "tw"
    head, *subs = (int(p) for p in number.split("-"))
    out = f"第{zh_numeral(head, jurisdiction)}{'條' if tw else '条'}"
    out += "".join(f"之{zh_numeral(s, jurisdiction)}" for s in subs)
    if paragraph:
        out += f"第{zh_numeral(paragraph, jurisdiction)}{'項' if tw else '款'}"
    return out


def law_name(provision: Article, lang: str) -> str:
    """The full name of the instrument the article belongs to."""
    aid = article_id(provision)
    entry = vocabulary().entry("instruments", aid.law)
    if entry is not None:
        return str(entry[lang])
    if provision.instrument is not None and provision.instrument.target and lang == "zh":
        return provision.instrument.target
    # Falling back to the `instrument` kind would cite the wrong act (a CSEPA article as 中華民國刑法).
    raise fail("E403", f"cannot name the law of {provision.id}: `{aid.law}` is not an instrument in the vocabulary",
               provision.span,
               f"add `{aid.law}: {{zh: <the act's Chinese name>, en: <its English name>}}` under `instruments:` "
               f"in vocabulary/vocabulary.yaml and write `instrument {aid.law}`")


def citation(provision: Article, lang: str) -> str:
    """《中华人民共和国刑法》第二百五十三条之二 / Criminal Law of ..., Article 253-2."""
    aid = article_id(provision)
    label = article_label(aid.article, aid.jurisdiction, lang, aid.paragraph)
    if lang == "zh":
        return f"《{law_name(provision, lang)}》{label}"
    return f"{law_name(provision, lang)}, {label}"


def short_reference(provision: A.Provision, lang: str) -> str:
    """How an interpretation cites the provision: 刑法第二百五十三条之二 / Article 253-2 of the Criminal Law."""
    aid = article_id(provision)
    zh_short, en_short = _SHORT_NAMES.get(aid.law, (f"《{law_name(provision, 'zh')}》", ""))
    if lang == "zh":
        return zh_short + article_label(aid.article, aid.jurisdiction, "zh", aid.paragraph)
    law = en_short or f"the {law_name(provision, 'en')}"
    if aid.paragraph:
        return f"paragraph {aid.paragraph} of Article {aid.article} of {law}"
    return f"Article {aid.article} of {law}"


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
        entry = vocabulary().entry("instruments", parts[1]) if len(parts) == 3 else None
        if entry is None or not _ARTICLE_NO.match(parts[2]):
            by_law.setdefault(ref.id, [])  # an id the vocabulary cannot name is cited as written
            continue
        law = f"《{entry['zh']}》" if lang == "zh" else str(entry["en"])
        by_law.setdefault(law, []).append(article_label(parts[2], parts[0], lang) if lang == "zh" else parts[2])
    out = []
    for law, articles in by_law.items():
        if not articles:
            out.append(law)
        elif lang == "zh":
            out.append(law + "、".join(articles))
        else:
            out.append(f"{law}, Article{'s' if len(articles) > 1 else ''} {join_alternatives(articles, 'en', 'and')}")
    return ("；" if lang == "zh" else "; ").join(out)


def per_source(per: str | A.Text | None, lang: str, tw: bool = False) -> str | None:
    """A `per` citation in `lang`: the one string both languages share, or that language's own words."""
    if per is None or isinstance(per, str):
        return per
    value = text_in(per, lang, tw)
    if not value:
        raise fail("E405", f"the `per` source has no {'Chinese' if lang == 'zh' else 'English'} words", per.span,
                   f"add `{'zh-hant' if tw and lang == 'zh' else lang} \"...\"` to it, or give one string for both")
    return value
