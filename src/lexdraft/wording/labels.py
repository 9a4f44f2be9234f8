"""The words for a thing in a language: vocabulary labels of terms, and a text's words by language."""

from __future__ import annotations

from collections.abc import Iterable

from .. import packs
from ..diagnostics import fail
from ..language import ast as A
from ..language.vocabulary import vocabulary


def label(section: str, name: str, lang: str) -> str:
    """The vocabulary's words for a term in `lang`, else the term's own name: for reports, diffs and pages that
    name what they cannot word instead of stopping. Statute text uses term_label, which never falls back."""
    entry = vocabulary().entry(section, name)
    value = entry.get(lang) if entry else None
    return value if isinstance(value, str) else name

def provenance_mark(name: str) -> str:
    """The mark a report shows beside a verdict for a provenance: R-memory, P (vocabulary `provenances`)."""
    return str((vocabulary().entry("provenances", name) or {}).get("mark", name))


def term_label(term: A.Term, lang: str, section: str | None = None) -> str:
    """The vocabulary label of a term, or E402 when the vocabulary has none."""
    sec = section or term.section
    entry = vocabulary().entry(sec, term.name)
    if entry is None or lang not in entry:
        raise fail("E402", f"no {lang} wording for `{term.name}` in vocabulary section `{sec}`", term.span,
                   "add the term to vocabulary/vocabulary.yaml, or use a term the vocabulary has")
    return str(entry[lang])


def doubtful_words(terms: Iterable[A.Term]) -> dict[str, str]:
    """The words of the terms' English labels that are the Convention's reconstructed English at its least certain,
    each with the reading the reference marks beside it (vocabulary `doubt-en`: inhumane -> inhuman)."""
    return {w: str(alt) for t in terms
            for w, alt in ((vocabulary().entry(t.section, t.name) or {}).get("doubt-en") or {}).items()}


def condition_clause(term: A.Term) -> str:
    """An exception's condition as a clause of English statute text: a clause term as its label says it ("the person
    depicted is an adult", vocabulary `form: clause`), a condition beginning with or by as it is, else what must
    exist ("there is a serious narrative necessity")."""
    label = term_label(term, "en")
    entry = vocabulary().entry(term.section, term.name) or {}
    return label if entry.get("form") == "clause" or label.startswith(("with ", "by ", "where ")) \
        else f"there is {label}"


def traditional(jurisdiction: str) -> bool:
    """Whether the jurisdiction's pack writes its Chinese in Traditional characters (zh-Hant, as Taiwan does)."""
    p = packs.pack(jurisdiction)
    return p is not None and p.script == "hant"


def authentic(jurisdiction: str, lang: str) -> bool:
    """Whether `lang` (en, zh) is a language the jurisdiction's statutes are authentic in: no translation note."""
    p = packs.pack(jurisdiction)
    return p is not None and any(tag == lang or tag.startswith(lang + "-") for tag in p.languages)


def text_in(text: A.Text, lang: str, tw: bool) -> str | None:
    """A text's words in `lang`; Taiwan's Chinese is its zh-hant text where it has one."""
    return ((text.zh_hant or text.zh) if tw else text.zh) if lang == "zh" else text.en


# The names of the languages statutes are written in, for the words around their text; a tag not listed is named as
# itself. Keyed by the primary language of the tag (pt-br is Portuguese).
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "en": {"en": "English", "zh": "英文"}, "zh": {"en": "Chinese", "zh": "中文"},
    "fr": {"en": "French", "zh": "法文"}, "pt": {"en": "Portuguese", "zh": "葡萄牙文"},
    "es": {"en": "Spanish", "zh": "西班牙文"}, "de": {"en": "German", "zh": "德文"},
    "hi": {"en": "Hindi", "zh": "印地文"}, "ar": {"en": "Arabic", "zh": "阿拉伯文"},
    "ru": {"en": "Russian", "zh": "俄文"}, "fil": {"en": "Filipino", "zh": "菲律宾文"},
    "ga": {"en": "Irish", "zh": "爱尔兰文"}, "mi": {"en": "Māori", "zh": "毛利文"},
    "af": {"en": "Afrikaans", "zh": "南非荷兰文"}, "ms": {"en": "Malay", "zh": "马来文"},
}


def language_name(tag: str, lang: str) -> str:
    """The name of the language `tag` in `lang` (en or zh): French, 法文; an unlisted tag is named by itself."""
    names = LANGUAGE_NAMES.get(tag.lower().split("-")[0])
    return names["zh" if lang == "zh" else "en"] if names else tag


def own_language(jurisdiction: str, text: A.Text) -> str | None:
    """The tag of the text's own language where its statutes are authentic in neither Chinese script: the first
    language of the pack's list that the text gives (pt-BR matches pt-br and pt). None for Chinese statutes and for
    jurisdictions without a pack, whose texts keep the Chinese-and-English page."""
    p = packs.pack(jurisdiction)
    if p is None or any(tag.lower().startswith("zh") for tag in p.languages):
        return None
    given = text.languages
    for tag in (t.lower() for t in p.languages):
        for candidate in (tag, tag.split("-")[0]):
            if candidate in given:
                return candidate
    return None


def translation_status(d: A.Provision | A.Obligation | A.Rule, lang: str) -> A.Term | None:
    """The standing of a document's translation into `lang`: its own `translation LANG` line, else the `translation`
    that speaks for all of them."""
    tag = "zh" if lang.startswith("zh") else lang
    return next((t.status for t in d.translations if t.lang == lang or t.lang == tag), d.translation)
