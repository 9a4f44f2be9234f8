"""One jurisdiction pack read from its folder: pack.yaml validated against packs/schema.json, as typed data."""

from __future__ import annotations

import difflib
import json
import re
import string
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from .. import yamldata
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..resources import data_dir
from ..source import read_text
from .numerals import chinese_numeral
from .patterns import Pattern, Unsafe, compiled

# The parts of an id after the instrument, as the grammar's ID allows them: what a numbering pattern may accept.
ID_PART = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
# The fields each citation template may use (docs/language.md, "Packs").
FIELDS = {"article": {"number", "head", "subs"}, "sub": {"n"}, "paragraph": {"article", "paragraph"},
          "item": {"paragraph", "item"}, "letter": {"paragraph", "item"}, "lettered": {"number", "letters"}}
# Chinese scripts by language tag: Taiwan's statutes are written in zh-Hant.
SCRIPTS = {"zh-Hant": "hant", "zh-Hans": "hans", "zh": "hans"}


@dataclass(frozen=True)
class Citation:
    """How one language cites an article of the jurisdiction: templates and how numbers are written."""

    article: str
    sub: str = "-{n}"
    paragraph: str = "{article}({paragraph})"
    item: str | None = None  # an item of a paragraph: {paragraph} as cited, then {item}: 第一项, (a), sentence 2
    # an item numbered by a letter, as a treaty's subparagraphs are, where the law's own items are numbered and its
    # courts cite letters otherwise (Taiwan: 第十四條第一項(a)款, never 第a款); None: as `item`
    letter: str | None = None
    numerals: str = "arabic"  # arabic, chinese (PRC usage) or chinese-tw (三百十九, 萬)
    # or upper: 22a -> 22A; or upper-head: 2252a-a -> 2252A(a), its first part only; or capitalized: a part that is a
    # word begins with a capital, 199-octies -> 199 Octies, 202-bis -> 202 Bis (Mexico's usage; Italy's is 199-octies)
    case: str = "as-written"
    # an article numbered by digits, then letters (an inserted section): '{number}-{letters}' cites 4a as 4-A, where
    # the hyphen of the id marks a lettered paragraph (4-s, section 4(s)); None: as the id writes it (22A)
    lettered: str | None = None
    # how a further part of the number is written: as `numerals` says (None), or as a capital letter, 1 -> A (an
    # inserted article cited 253A, 253B in English, where Chinese writes 之一, 之二)
    sub_numerals: str | None = None

    def numbered(self, part: str, head: bool = True) -> str:
        """One part of an article number as this citation writes it: in Chinese numerals, or upper case (22A), or a
        word capitalized (Octies), or its letters set off as `lettered` says (4-A)."""
        split = re.fullmatch(r"([0-9]+)([a-z]+)", part) if head and self.lettered else None
        if split is not None and self.lettered is not None:
            return self.lettered.format(number=self.numbered(split[1]), letters=self.numbered(split[2]))
        if part.isdigit() and self.numerals != "arabic":
            return chinese_numeral(int(part), self.numerals)
        if self.case == "capitalized":
            return part[:1].upper() + part[1:] if part[:1].isalpha() else part
        return part.upper() if self.case == "upper" or (self.case == "upper-head" and head) else part

    def sub_numbered(self, part: str) -> str:
        """A further part of an article number: `2` -> B where the pack writes them as letters, else as `numbered`."""
        if self.sub_numerals == "letters" and part.isdigit() and int(part) > 0:
            n, letters = int(part), ""
            while n:  # 1 -> A, 26 -> Z, 27 -> AA
                n, r = divmod(n - 1, 26)
                letters = chr(ord("A") + r) + letters
            return letters
        return self.numbered(part, False)

    def label(self, number: str, paragraph: int | None = None, item: str | None = None) -> str:
        """`253-2` -> 第二百五十三条之二 / Article 253B; a paragraph as the template writes it (第三項, (1)), and an
        item of it (第一项, (a))."""
        head, *subs = number.split("-")
        out = self.article.format(number="-".join(self.numbered(n, i == 0) for i, n in enumerate(number.split("-"))),
                                  head=self.numbered(head), subs="".join(self.sub.format(n=self.sub_numbered(s))
                                                                         for s in subs))
        if paragraph:
            out = self.paragraph.format(article=out, paragraph=self.numbered(str(paragraph)))
        if paragraph and item and self.item:
            # an item keeps its letters as written ((a), not (A)); its digits follow the pack's numerals
            form = self.letter if self.letter is not None and item.isalpha() else self.item
            out = form.format(paragraph=out, item=chinese_numeral(int(item), self.numerals)
                              if item.isdigit() and self.numerals != "arabic" else item)
        return out


@dataclass(frozen=True)
class BillForm:
    """How one language titles an amendment bill and numbers its items (pack.yaml `bill:`)."""

    title: str  # {act} amended and the amendment's {number}: '{act}修正案{number}'
    item: str  # '{n}、' / '{n}. '
    number: str = "{n}"  # '（{n}）' / ' ({n})'
    draft: str = ""  # what a proposed bill's title ends with: （草案） / (Draft)
    number_numerals: str = "arabic"  # arabic, chinese, chinese-tw or roman
    item_numerals: str = "arabic"


@dataclass(frozen=True)
class Wording:
    """The jurisdiction's own words in composed text in one language (pack.yaml `wording:`); empty where the
    drafting style's own words serve."""

    article: str | None = None  # what an article is called: section, article
    paragraph: str | None = None  # and its numbered parts: subsection, paragraph
    penalties: dict[str, str] = field(default_factory=dict)  # imprisonment -> imprisonment (not fixed-term …)
    fine_modes: dict[str, str] = field(default_factory=dict)  # optional -> and/or a fine
    money: str | None = None  # NT${amount}
    or_word: str | None = None  # zh: what joins composed alternatives (或 in Taiwan's statutes, the PRC's 或者)
    legal_persons: str | None = None  # the legal persons' paragraph, with {ref} (the offence) and {where} (its penalty)
    usage: dict[str, str] = field(default_factory=dict)  # zh: other composed words -> the statutes' own: 網絡 -> 網路
    conduct: dict[str, str] = field(default_factory=dict)  # a conduct term -> its statutes' word: reproduce -> 重製
    financing: str | None = None  # the sentence of an article punishing financing as the offence financed
    unlawfully: str | None = None  # the statutes' word for the want of right before the acts: 非法, 無正當理由
    # zh: how its statutes name a legal person and the persons punished beside it, where a review states its law
    # (the PRC's 单位 and 直接负责的主管人员和其他直接责任人员); the treaty's 法人 where the pack says nothing
    legal_person_word: str | None = None
    responsible_persons: str | None = None
    # a protected interest as the jurisdiction's law names it, where it is not the vocabulary's: 兒童及少年性自主權益
    interests: dict[str, str] = field(default_factory=dict)
    # an object as the jurisdiction's law names it (兒童或少年之性影像): a composed article then needs no definition
    objects: dict[str, str] = field(default_factory=dict)
    means: dict[str, str] = field(default_factory=dict)  # a means as its statutes say it: 以網際網路或其他方法
    financing_title: str | None = None  # the heading of the financing article: 資助兒童或少年性剝削犯罪
    # an administrative sanction as its law names it, by vocabulary term, where it is not the vocabulary's: fine -> 罰鍰
    sanctions: dict[str, str] = field(default_factory=dict)
    # a drafting note's heading in the jurisdiction's doctrine, by note kind, where it is not the style's own:
    # mental -> 主觀構成要件 (Taiwan's doctrine of the elements, not the Mainland's four-element 主觀方面)
    notes: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OfferPlace:
    """Where offering (UNCC Art. 14(1)(a)) goes in the jurisdiction's law (pack.yaml `offer:`): a paragraph added to
    the article that carries distribution, with its penalty as a draft writes one, and its heading and text in zh and
    en; `check`, what a drafter must look at first."""

    article: str
    penalty: str
    title: dict[str, str]
    text: dict[str, str]
    check: dict[str, str] = field(default_factory=dict)
    # what the paragraph whose penalty it takes punishes, as the review names it in zh and en
    penalty_of: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ComparisonForm:
    """How the jurisdiction sets an amendment beside the text in force (pack.yaml `comparison:`): which texts stand in
    which column, whether the drafters' explanation is required, and per language the title and the headings."""

    columns: tuple[str, ...]  # current (in force), amended, explanation, in the order of the table
    explanation_required: bool
    labels: dict[str, dict[str, str]]  # by language: title ({act}) and a heading for each column


@dataclass(frozen=True)
class Instrument:
    name: str  # the term in ids and `instrument` lines
    labels: dict[str, str]  # en, zh, own
    short: dict[str, str]  # how another instrument cites it: 刑法 / the Criminal Law
    special_part: dict[str, str] = field(default_factory=dict)  # where a code's offences stand: 刑法分则 / Part Two …
    general_part: tuple[int, int] | None = None  # the first and last article of a code's general part
    abbreviation: dict[str, str] = field(default_factory=dict)  # as a review's sentences abbreviate it: CSEPA
    # the article numbers it is known to use (`numbers`, series expanded), and where the list is from; () unknown
    numbers: frozenset[str] = frozenset()
    numbers_source: str | None = None


@dataclass(frozen=True)
class Pack:
    code: str
    names: dict[str, str]  # own, en, zh
    languages: tuple[str, ...]  # BCP 47 tags of the authentic texts
    pattern: str  # what the article part of an id must be, matched whole
    examples: tuple[str, ...]
    citations: dict[str, Citation]  # by the language lexdraft writes in: en, zh
    style: str
    currency: str | None
    currency_unit: str | None
    fine_units: tuple[str, ...]
    prosecution: tuple[str, ...]
    instruments: dict[str, Instrument]
    akn_country: str | None
    general_part: str | None  # a folder of .lexd general-part rules, relative to the pack
    margins: tuple[int, int, int, int] | None  # a Word document's margins in mm (top, bottom, left, right)
    path: str  # pack.yaml, as the diagnostics name it
    span: Span  # where `code:` stands
    vocabulary: Any = field(default=None, compare=False)  # the pack's vocabulary.yaml, merged by language.vocabulary
    vocabulary_path: str | None = None
    style_note: dict[str, str] = field(default_factory=dict)  # en, zh: where composed text is not in its own style
    benchmark: dict[str, str] | None = None  # why a review measures it as a benchmark: it cannot become a party
    bills: dict[str, BillForm] = field(default_factory=dict)  # by language: how its amendment bills are written
    # by language: how a bill's explanatory memorandum is titled ({bill}) and its parts numbered (part, part-numerals)
    memorandum: dict[str, dict[str, str]] = field(default_factory=dict)
    # by language: the words around a proposal's text in its own style (proposed: its mark; quotes: “” or 「」)
    front: dict[str, dict[str, str]] = field(default_factory=dict)
    # by language: how the text as amended is titled ({act}, {amendment}) and marked not in force (standing)
    consolidated: dict[str, dict[str, str]] = field(default_factory=dict)
    comparison: ComparisonForm | None = None  # how an amendment is set beside the text in force
    wording: dict[str, Wording] = field(default_factory=dict)  # by language: its own words in composed text
    risks: dict[str, dict[str, str]] = field(default_factory=dict)  # a common risk's reason in its procedure's words
    risk_spans: dict[str, Span] = field(default_factory=dict)  # where each of them is named
    complicity: dict[str, str] | None = None  # en, zh: where its general part provides for complicity
    # en, zh: what the reference holds of the law's liability of legal persons, stated where nothing in the set makes
    # them liable (Art. 18(1)), so that the verdict says what it rests on
    legal_persons_law: dict[str, str] | None = None
    offer: OfferPlace | None = None  # where a suggested amendment puts offering
    # how a suggested financing article (Art. 14(1)(d)) cites the offences it finances: by paragraph, or by article
    # (犯第三十六條、第三十八條……之罪), each article whose every offence in the set it finances
    financing_cites: str = "paragraph"
    # by exception kind (of `form: work`): en, zh, where its law excludes such works from an offence's object
    exclusions: dict[str, dict[str, str]] = field(default_factory=dict)
    items: str | None = None  # what an item of a paragraph is numbered as (the fifth part of an id), matched whole
    # how an article inserted after another is numbered: '{number}-{1}' (253 -> 253-1 -> 253-2, 之一, 之二),
    # '{number}{a}' (22 -> 22a -> 22b; 377be -> 377bf), '{number}-{a}' (241 -> 241-a -> 241-b)
    inserted: str = "{number}-{1}"

    def words(self, lang: str) -> Wording:
        """The pack's own words in `lang`, or none (the style's words then serve)."""
        return self.wording.get(lang) or Wording()

    def cite(self, number: str, lang: str, paragraph: int | None = None, item: str | None = None) -> str:
        """An article (and paragraph, and item) as the pack cites it in `lang` (its English where it gives no form)."""
        return (self.citations.get(lang) or self.citations["en"]).label(number, paragraph, item)

    def in_own_usage(self, chinese: str) -> str:
        """Composed Chinese in the words the jurisdiction's statutes use: `wording: zh: or` for 或者 wherever composed
        text says it, then `usage`, in order."""
        words = self.words("zh")
        if words.or_word:
            chinese = chinese.replace("或者", words.or_word)
        for old, new in words.usage.items():
            chinese = chinese.replace(old, new)
        return chinese

    @property
    def script(self) -> str:
        """The Chinese script of the pack's own Chinese texts (hant for zh-Hant), else hans."""
        return next((SCRIPTS[lang] for lang in self.languages if lang in SCRIPTS), "hans")

    def label(self, lang: str) -> str:
        return self.names.get(lang) or self.names["en"]

    def numbering(self) -> Pattern:
        return compiled(self.pattern)

    def next_inserted(self, number: str) -> str:
        return next_inserted(self.inserted, number)


INSERTED_FORMS = ("{number}-{1}", "{number}{a}", "{number}-{a}")


def inserted_form(numbering: Any) -> str:
    """How the pack numbers an article inserted after another: its `numbering.inserted`, else the first form whose
    number after each of its examples the numbering pattern takes (22 -> 22a where the pattern takes no 22-1), else
    the first form."""
    if "inserted" in numbering:
        return str(numbering["inserted"])
    pattern = compiled(str(numbering["pattern"]))
    return next((form for form in INSERTED_FORMS
                 if all(pattern.fullmatch(n := next_inserted(form, str(example))) and ID_PART.fullmatch(n)
                        for example in numbering["examples"])), INSERTED_FORMS[0])


def next_inserted(form: str, number: str) -> str:
    """The number of an article inserted after `number` where inserted articles are numbered `form` (a pack's
    `numbering.inserted`): the next of a series `number` ends (22a -> 22b, 377bz -> 377bza, 253-1 -> 253-2), else the
    first after it (22 -> 22a, 253 -> 253-1). A lettered series runs a, b, … z, then za, zb, as offices letter them.
    Where letters join the number ({number}{a}), a hyphenated part is a division of the section (4-s, paragraph (s);
    2252a-a, subsection (a)): a section is inserted after the section whole (4-s -> 4a)."""
    sep = form.removeprefix("{number}")[:-3]
    if form == "{number}{a}":
        number = number.split("-")[0]
    if form.endswith("{1}"):
        head, _, last = number.rpartition(sep)
        return f"{head}{sep}{int(last) + 1}" if head and last.isdigit() else f"{number}{sep}1"
    letters = re.search(r"[a-z]+$", number)
    if letters is None or (sep and not number[:letters.start()].endswith(sep)):
        return f"{number}{sep}a"
    run = letters.group(0)
    return number[:letters.start()] + (run[:-1] + chr(ord(run[-1]) + 1) if run[-1] != "z" else run + "a")


@cache
def _validator() -> Any:
    import jsonschema_rs

    return jsonschema_rs.validator_for(_schema())


@cache
def _schema() -> dict[str, Any]:
    with open(data_dir("packs") / "schema.json", encoding="utf-8") as f:
        return json.load(f)  # type: ignore[no-any-return]


def _at(data: Any, path: list[str | int]) -> tuple[Any, Any]:
    parent, node = None, data
    for step in path:
        parent, node = node, node[step]
    return parent, node


def _span(data: Any, path: list[str | int], file: str) -> Span:
    """Where the value at `path` stands: its own span, or its key's."""
    parent, node = _at(data, path)
    if isinstance(node, (yamldata.Mapping, yamldata.Sequence)):
        return node.span
    if isinstance(parent, yamldata.Mapping) and path and isinstance(path[-1], str):
        return parent.key_spans.get(path[-1], parent.span)
    if isinstance(parent, yamldata.Sequence):
        return parent.span
    return Span(file, 1, 1, 1, 2)


def _allowed(schema_path: list[str | int]) -> list[str]:
    node: Any = _schema()
    for step in schema_path[:-1]:
        node = node[step]
    while "$ref" in node and "properties" not in node:
        node = _schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return sorted(node.get("properties", {}))


def _split_by_comma(mapping: object, key: str) -> bool:
    """Whether an unknown key is likely the rest of an unquoted text a comma cut off in a flow mapping
    (`{en: StGB §§ 25-27 (perpetration, instigation), zh: …}`): a key without a value, on the line of another key."""
    if not isinstance(mapping, yamldata.Mapping) or mapping.get(key) is not None or key not in mapping.key_spans:
        return False
    line = mapping.key_spans[key].line
    return any(k != key and s.line == line for k, s in mapping.key_spans.items())


def _place(path: list[str | int]) -> str:
    return ".".join(str(p) for p in path) or "the pack"


def _schema_errors(data: Any, file: str) -> list[Diagnostic]:
    """Every schema violation as a located diagnostic (E701), in a pack author's words."""
    out = []
    misspelt: set[tuple[tuple[str | int, ...], str]] = set()  # a missing key given under a close name: one mistake
    missing: list[tuple[tuple[str | int, ...], str, Diagnostic]] = []
    for e in _validator().iter_errors(data):
        where = list(e.instance_path)
        kind = type(e.kind).__name__
        span = _span(data, where, file)
        _, value = _at(data, where)
        hint = "see packs/schema.json and docs/language.md, \"Packs\""
        if kind == "AdditionalProperties":
            allowed = _allowed(list(e.schema_path))
            for key in e.kind.unexpected:
                key_span = value.key_spans.get(key, span) if isinstance(value, yamldata.Mapping) else span
                close = difflib.get_close_matches(key, allowed, n=1)
                if close:
                    misspelt.add((tuple(where), close[0]))
                hint = f"did you mean {close[0]!r}?" if close else "allowed here: " + ", ".join(allowed)
                if _split_by_comma(value, key):
                    hint = ("a comma inside `{…}` ends an entry, so an unquoted text with a comma reads as several "
                            "keys: put the text in quotes, e.g. en: \"…, …\"")
                out.append(Diagnostic("E701", f"unknown key {key!r} in {_place(where)}", key_span, (hint,)))
            continue
        if kind == "Required":
            missing.append((tuple(where), e.kind.property,
                            Diagnostic("E701", f"{_place(where)} is missing {e.kind.property!r}", span,
                                       (f"add `{e.kind.property}:`",))))
            continue
        if kind == "Enum":
            message = f"{_place(where)}: {value!r} is not allowed"
            hint = "use one of: " + ", ".join(str(o) for o in e.kind.options)
        elif kind == "Type":
            wanted = " or ".join({"object": "a mapping", "array": "a list", "string": "a text"}.get(t, t)
                                 for t in e.kind.types)
            message = f"{_place(where)} must be {wanted}"
        elif kind in ("MinItems", "MinProperties", "MinLength"):
            message = f"{_place(where)} must not be empty"
        elif kind == "Pattern" and (described := _description(list(e.schema_path))):
            message = f"{_place(where)}: {value!r} should be {described}"
        else:
            message = f"{_place(where)}: {e.message}"
        out.append(Diagnostic("E701", message, span, (hint,)))
    out += [d for where, key, d in missing if (where, key) not in misspelt]
    return sorted(out, key=lambda d: (d.span.line, d.span.column) if d.span else (0, 0))


def _description(schema_path: list[str | int]) -> str | None:
    node: Any = _schema()
    for step in schema_path[:-1]:
        node = node[step]
    while isinstance(node, dict) and "$ref" in node and "description" not in node:
        node = _schema()["$defs"][node["$ref"].rsplit("/", 1)[1]]
    return node.get("description") if isinstance(node, dict) else None


# The templates of a pack outside its citations (`key.*.field`, one per language) and the fields each is given.
TEMPLATES = {("bill", "title"): {"act", "number"}, ("bill", "number"): {"n"}, ("bill", "item"): {"n"},
             ("memorandum", "title"): {"bill"}, ("memorandum", "part"): {"n"},
             ("consolidated", "title"): {"act", "amendment"}, ("consolidated", "standing"): {"amendment"},
             ("comparison", "title"): {"act", "draft"}, ("comparison", "several"): {"act"},
             ("wording", "financing"): {"offences"},
             ("front", "amended"): {"act", "article"}, ("front", "added"): {"act", "article"},
             ("front", "proposal"): {"act", "article"},
             ("wording", "legal-persons"): {"ref", "where"}, ("wording", "money"): {"amount"}}


def _template_errors(data: Any, file: str) -> list[Diagnostic]:
    """A template may use only its own fields, by name: {number} in a citation's `article`, {n} in its `sub`,
    {offences} in a financing article, and so on; never an attribute, an index, a conversion or a width, which
    would show lexdraft's own objects or fill memory (`{offences.__class__}`, `{n:>999999999}`)."""
    places = [(f"citation.{lang}.{key}", forms, key, FIELDS[key])
              for lang, forms in data["citation"].items() for key in forms if key in FIELDS]
    places += [(f"{section}.{lang}.{key}", forms, key, fields) for (section, key), fields in TEMPLATES.items()
               for lang, forms in (data.get(section) or {}).items()
               if isinstance(forms, dict) and isinstance(forms.get(key), str)]
    out = []
    for place, forms, key, fields in places:
        try:
            parts = list(string.Formatter().parse(forms[key]))
        except ValueError as e:
            bad = str(e)
        else:
            unknown = sorted({name for _, name, _, _ in parts if name is not None} - fields)
            bad = f"unknown field {{{unknown[0]}}}" if unknown else next(
                (f"{{{name}{'!' + conversion if conversion else ''}:{spec}}} gives the field a form" if spec
                 else f"{{{name}!{conversion}}} converts the field" for _, name, spec, conversion in parts
                 if name is not None and (spec or conversion)), "")
        if bad:
            out.append(Diagnostic("E701", f"{place}: {bad}", forms.key_spans[key],
                                  ("fields here: " + ", ".join(f"{{{f}}}" for f in sorted(fields)) + "; write a "
                                   "brace itself as {{ or }}",)))
    return out


def _numbering_errors(data: Any, file: str) -> list[Diagnostic]:
    """The numbering pattern compiles to what lexdraft runs in linear time, and every example the pack gives matches
    it and can stand in an id."""
    numbering = data["numbering"]
    out = []
    for key in ("pattern", "items"):
        try:
            if key in numbering:
                compiled(numbering[key])
        except Unsafe as e:
            name = "numbering" if key == "pattern" else key
            out.append(Diagnostic("E702", f"the {name} pattern {e}", numbering.key_spans[key], (e.hint,)))
    if out:
        return out
    pattern = compiled(numbering["pattern"])
    if "items" in numbering:
        # an id with an item must be citable in every language the pack cites in
        out += [Diagnostic("E701", f"citation.{lang} gives no `item`, though the numbering has items",
                           data["citation"].key_spans[lang], ("add item: '{paragraph}({item})' or the like",))
                for lang, forms in data["citation"].items() if "item" not in forms]
    for i, example in enumerate(numbering["examples"]):
        span = Span(file, numbering["examples"].span.line, numbering["examples"].span.column,
                    numbering["examples"].span.end_line, numbering["examples"].span.end_column)
        if not pattern.fullmatch(example):
            out.append(Diagnostic("E702", f"the example article {example!r} does not match the numbering pattern "
                                  f"{numbering['pattern']!r}", span,
                                  ((f"example {i + 1}: correct the pattern or the example; the pattern must match "
                                   "every article number of the jurisdiction, whole"),)))
        elif not ID_PART.fullmatch(example):
            out.append(Diagnostic("E702", f"the example article {example!r} cannot stand in an id", span,
                                  (("an article number in an id is lower case letters and digits joined by hyphens, "
                                   "e.g. 22a or 226-2-1"),)))
    form = inserted_form(numbering)
    for name, entry in data["instruments"].items():
        listed = entry.get("numbers") if isinstance(entry, yamldata.Mapping) else None
        for number in listed or ():
            problem = _numbers_problem(number, pattern, form)
            if problem:
                out.append(Diagnostic("E702", f"instruments.{name}.numbers: {problem}", listed.span,
                                      (("list the article numbers as ids write them (377c), a series as FIRST..LAST "
                                       f"numbered as `inserted` ({form}) numbers it: 377ba..377bo"),)))
    return out


def _numbers_problem(number: str, pattern: Pattern, form: str) -> str:
    """What keeps one entry of an instrument's `numbers` from naming article numbers; '' when nothing does."""
    ends = number.split("..")
    if len(ends) > 2:
        return f"{number!r} is no article number nor series"
    for n in ends:
        if not (pattern.fullmatch(n) and ID_PART.fullmatch(n)):
            return f"{n!r} is not an article number as the numbering pattern takes it"
    if len(ends) == 2 and ends[-1] not in series(ends[0], ends[1], form):
        return f"the series {number!r} does not reach {ends[1]!r} by numbering inserted articles as {form}"
    return ""


def series(first: str, last: str, form: str, most: int = 1000) -> tuple[str, ...]:
    """The numbers from `first` to `last` as inserted articles follow each other (377ba, 377bb, … 377bo); stops after
    `most` where `last` is never reached."""
    out = [first]
    while out[-1] != last and len(out) < most:
        out.append(next_inserted(form, out[-1]))
    return tuple(out)


def _numbers(listed: Any, form: str) -> frozenset[str]:
    """An instrument's `numbers`, each series expanded."""
    out: set[str] = set()
    for entry in listed or ():
        first, _, last = str(entry).partition("..")
        out.update(series(first, last or first, form))
    return frozenset(out)


def read_pack(folder: Path, shown: str) -> Pack:
    """The pack in `folder` (pack.yaml, and vocabulary.yaml when there is one); `shown` is its path in messages."""
    file = f"{shown}/pack.yaml"
    data = yamldata.load(file, read_text(str(folder / "pack.yaml"), "pack"))
    if not isinstance(data, yamldata.Mapping):
        raise LexdraftError([Diagnostic("E701", "a pack.yaml must be a mapping", Span(file, 1, 1, 1, 2),
                                        ("a pack starts with `code: <the jurisdiction's code>`",))])
    errors = _schema_errors(data, file)
    if not errors:
        errors = _template_errors(data, file) + _numbering_errors(data, file)
    if not errors and data["code"] != folder.name:
        errors.append(Diagnostic("E701", f"the pack's code {data['code']!r} is not its folder's name {folder.name!r}",
                                 data.key_spans["code"], (f"put the pack in a folder named {data['code']}/",)))
    if errors:
        raise LexdraftError(errors)
    vocabulary, vocabulary_path = None, None
    if (folder / "vocabulary.yaml").is_file():
        vocabulary_path = f"{shown}/vocabulary.yaml"
        vocabulary = yamldata.load(vocabulary_path, read_text(str(folder / "vocabulary.yaml"), "vocabulary"))
    currency = data.get("currency") or {}
    inserted = inserted_form(data["numbering"])
    instruments = {name: Instrument(name, {k: str(v) for k, v in entry.items() if k in ("en", "zh", "own")},
                                    {k: str(v) for k, v in (entry.get("short") or {}).items()},
                                    {k: str(v) for k, v in (entry.get("special-part") or {}).items()},
                                    tuple(map(int, entry["general-part"])) if entry.get("general-part") else None,
                                    {k: str(v) for k, v in (entry.get("abbreviation") or {}).items()},
                                    _numbers(entry.get("numbers"), inserted),
                                    entry.get("numbers-source"))
                   for name, entry in data["instruments"].items()}
    margins = (data.get("word") or {}).get("margins-mm")
    return Pack(
        code=str(data["code"]), names={k: str(v) for k, v in data["names"].items()},
        languages=tuple(data["languages"]), pattern=str(data["numbering"]["pattern"]),
        items=str(data["numbering"]["items"]) if "items" in data["numbering"] else None,
        inserted=inserted,
        examples=tuple(data["numbering"]["examples"]),
        citations={lang: Citation(**{k.replace("-", "_"): str(v) for k, v in forms.items()})
                   for lang, forms in data["citation"].items()},
        style=str(data["style"]), currency=currency.get("code"), currency_unit=currency.get("unit"),
        fine_units=tuple(data.get("fine-units") or ()), prosecution=tuple(data.get("prosecution") or ()),
        instruments=instruments, akn_country=data.get("akn-country"), general_part=data.get("general-part"),
        style_note={k: str(v) for k, v in (data.get("style-note") or {}).items()},
        margins=(margins["top"], margins["bottom"], margins["left"], margins["right"]) if margins else None,
        path=file, span=data.key_spans["code"], vocabulary=vocabulary, vocabulary_path=vocabulary_path,
        benchmark={k: str(v) for k, v in data["benchmark"].items()} if "benchmark" in data else None,
        complicity={k: str(v) for k, v in data["complicity"].items()} if "complicity" in data else None,
        legal_persons_law={k: str(v) for k, v in data["legal-persons-law"].items()}
        if "legal-persons-law" in data else None,
        offer=_offer(data.get("offer")), financing_cites=str(data.get("financing-cites", "paragraph")),
        exclusions={kind: {k: str(v) for k, v in where.items()}
                    for kind, where in (data.get("exclusions") or {}).items()},
        bills={lang: BillForm(**{k.replace("-", "_"): str(v) for k, v in form.items()})
               for lang, form in (data.get("bill") or {}).items()},
        memorandum={lang: {k: str(v) for k, v in form.items()}
                    for lang, form in (data.get("memorandum") or {}).items()},
        consolidated={lang: {k: str(v) for k, v in form.items()}
                      for lang, form in (data.get("consolidated") or {}).items()},
        front={lang: {k: str(v) for k, v in form.items()} for lang, form in (data.get("front") or {}).items()},
        wording={lang: Wording(form.get("article"), form.get("paragraph"),
                               {k: str(v) for k, v in (form.get("penalties") or {}).items()},
                               {k: str(v) for k, v in (form.get("fine-modes") or {}).items()}, form.get("money"),
                               form.get("or"), form.get("legal-persons"),
                               {str(k): str(v) for k, v in (form.get("usage") or {}).items()},
                               {str(k): str(v) for k, v in (form.get("conduct") or {}).items()}, form.get("financing"),
                               form.get("unlawfully"), form.get("legal-person-word"), form.get("responsible-persons"),
                               interests={str(k): str(v) for k, v in (form.get("interests") or {}).items()},
                               objects={str(k): str(v) for k, v in (form.get("objects") or {}).items()},
                               means={str(k): str(v) for k, v in (form.get("means") or {}).items()},
                               financing_title=form.get("financing-title"),
                               sanctions={str(k): str(v) for k, v in (form.get("sanctions") or {}).items()},
                               notes={str(k): str(v) for k, v in (form.get("notes") or {}).items()})
                 for lang, form in (data.get("wording") or {}).items()},
        risks={rid: {k: str(v) for k, v in reason.items()} for rid, reason in (data.get("risks") or {}).items()},
        risk_spans=dict(data["risks"].key_spans) if "risks" in data else {},
        comparison=_comparison(data.get("comparison")))


def _offer(data: Any) -> OfferPlace | None:
    if not data:
        return None

    def both(m: Any) -> dict[str, str]:
        return {k: " ".join(str(v).split()) for k, v in (m or {}).items()}

    return OfferPlace(str(data["article"]), str(data["penalty"]), both(data["title"]), both(data["text"]),
                      both(data.get("check")), both(data.get("penalty-of")))


def _comparison(data: Any) -> ComparisonForm | None:
    if not data:
        return None
    return ComparisonForm(tuple(str(c) for c in data["columns"]), data.get("explanation") == "required",
                          {lang: {k: str(v) for k, v in data[lang].items()} for lang in ("zh", "en") if lang in data})
