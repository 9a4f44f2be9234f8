"""The words for a thing in a language: vocabulary labels of terms, and a text's words by language."""

from __future__ import annotations

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

def term_label(term: A.Term, lang: str, section: str | None = None) -> str:
    """The vocabulary label of a term, or E402 when the vocabulary has none."""
    sec = section or term.section
    entry = vocabulary().entry(sec, term.name)
    if entry is None or lang not in entry:
        raise fail("E402", f"no {lang} wording for `{term.name}` in vocabulary section `{sec}`", term.span,
                   "add the term to vocabulary/vocabulary.yaml, or use a term the vocabulary has")
    return str(entry[lang])


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
