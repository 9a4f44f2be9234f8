"""Name acts as a review does: the treaty's acts in the review's own words, a statute's conduct term in its own."""

from __future__ import annotations

from functools import cache

from .. import packs
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..language.ast import Text
from ..language.vocabulary import vocabulary
from ..resources import cached, data_dir, source_file
from .papers import bilingual_text
from .textual import statute_words

# The review's words for the treaty's acts live beside its other words (conformance/common/review.yaml, `acts:`): a
# reason that says which treaty acts a statute's term reaches names them so, never in another statute's words.
ACTS = "common/review.yaml"


def _load(path: str) -> dict[str, Text]:
    from .. import yamldata

    data = yamldata.load(path)
    if not isinstance(data, yamldata.Mapping):
        raise LexdraftError([Diagnostic("E303", "the review data file must be a mapping", Span(path, 1, 1, 1, 2),
                                        ("it holds sources, acts, limits, provenance and practices",))])
    return {str(k): bilingual_text(v, f"act {k}", path) for k, v in (data.get("acts") or {}).items()}


@cache
def _acts() -> dict[str, Text]:
    path = data_dir("conformance") / ACTS
    code = ("treaty/acts.py", "treaty/papers.py", "yamldata.py", "language/ast.py", "diagnostics.py")
    return cached("acts", (path, *map(source_file, code)), lambda: _load(str(path)))


def act(verb: str, lang: str) -> str:
    """A treaty act (`make-available`) as the review names it: "otherwise making available", 以其他方式提供."""
    words = _acts().get(verb)
    return (words.zh if lang == "zh" else words.en) or verb if words is not None else verb


def acts(verbs: list[str], lang: str, conj: str = "and") -> str:
    """Treaty acts in the review's words, joined as a list is in that language ("or" after a "not")."""
    words = [act(v, lang) for v in verbs]
    if lang == "zh" or len(words) < 2:
        return "、".join(words)
    return ", ".join(words[:-1]) + f" {conj} " + words[-1]


# Verbs that double their last consonant before -ing (the vocabulary's labels use no others).
_DOUBLED = {"set", "commit", "control", "transmit", "submit", "get", "put", "cut", "run", "stop", "admit"}


def _ing(verb: str) -> str:
    if verb.endswith("ie"):
        return verb[:-2] + "ying"
    if verb.endswith("e") and not verb.endswith(("ee", "ye", "oe")):
        return verb[:-1] + "ing"
    return verb + verb[-1] + "ing" if verb in _DOUBLED else verb + "ing"


def gerund(entry: dict[str, object]) -> str:
    """A conduct term's English label as an act ("publish information" -> "publishing information"). Its verbs are
    the words that its third-person form (`en3`) inflects, so "coerce or entice a minor to expose" becomes
    "coercing or enticing a minor to expose"; a term without that form has its first word taken as its verb."""
    words = str(entry.get("en", "")).split(" ")
    third = str(entry.get("en3") or "").split(" ")
    if len(third) != len(words) or third == words:
        third = [w + "s" if i == 0 else w for i, w in enumerate(words)]
    return " ".join(_ing(w) if w != t and w.isalpha() else w for w, t in zip(words, third, strict=True))


def term(name: str, jurisdiction: str | None) -> Text:
    """A statute's conduct term as a reason quotes it: in English its act, with the statute's own words where it is
    written in Chinese, "'publishing information' (发布信息)", or where its pack's reading gives them (`own`:
    "'consulting' (« consulter »)"); in Chinese its words, “发布信息” (its pack's, if any), and those `own` words."""
    entry = vocabulary().conduct(name, jurisdiction)
    zh = str(entry.get("zh", name))
    pack = packs.pack(jurisdiction) if jurisdiction else None
    # the Chinese label is the statute's own word only where the statute is written in Chinese: the pack's reading's
    # word, else, in English, the vocabulary's in the statutes' script and usage (Hong Kong's 進口, never the
    # mainland's 进口); the Chinese is put in the page's script where the page is made, which keeps a word as the
    # set's own texts write it (散布, not s2tw's 散佈)
    if pack is not None and any(lang.startswith("zh") for lang in pack.languages):
        own = zh
        if entry.get("zh") == (vocabulary().conduct(name, None) or {}).get("zh"):
            own = statute_words("conduct", name, jurisdiction) or zh
        return Text(en=f"'{gerund(entry)}' ({own})", zh=f"“{zh}”")
    own = entry.get("own")
    if isinstance(own, str):
        return Text(en=f"'{gerund(entry)}' ({own})", zh=f"“{zh}”（{own}）")
    return Text(en=f"'{gerund(entry)}'", zh=f"“{zh}”")
