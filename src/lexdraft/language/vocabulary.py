"""The controlled vocabulary: bilingual labels for every term the language allows."""

from __future__ import annotations

import difflib
from collections.abc import Iterable
from functools import cache
from typing import Any

from .. import packs, yamldata
from ..diagnostics import Diagnostic, LexdraftError, Span
from ..resources import cached, data_dir, source_file


class Vocabulary:
    def __init__(self, data: dict[str, Any], conduct_of: dict[str, dict[str, Any]] | None = None):
        self._data = data
        # a pack's own reading of a base conduct term, for its jurisdiction only: code -> term -> entry
        self._conduct_of = conduct_of or {}
        self._sections: dict[str, dict[str, Any]] = {}  # by dotted name: a check asks for them ten thousand times

    def conduct(self, name: str, jurisdiction: str | None = None) -> dict[str, Any]:
        """A conduct term's entry as the jurisdiction's law reads it: its pack's override, else the base entry."""
        own = self._conduct_of.get(jurisdiction or "", {}).get(name)
        return own if own is not None else self.entry("conduct", name) or {}

    def lists(self) -> dict[str, Any]:
        """Every list by name, nested ones (object-attributes) as the file has them: for generated references."""
        return self._data

    def section(self, name: str) -> dict[str, Any]:
        """A vocabulary list; `object-attributes.depicts` reaches into nested lists."""
        found = self._sections.get(name)
        if found is None:
            node: Any = self._data
            for part in name.split("."):
                node = node.get(part, {}) if isinstance(node, dict) else {}
            found = self._sections[name] = node if isinstance(node, dict) else {}
        return found

    def entry(self, section: str, name: str) -> dict[str, Any] | None:
        entry = self.section(section).get(name)
        return entry if isinstance(entry, dict) else None

    def label(self, section: str, name: str, lang: str) -> str:
        """The term's label in `lang` (zh or en)."""
        entry = self.entry(section, name)
        if entry is None:
            raise KeyError(f"{section}.{name}")
        return str(entry[lang])

    def suggest(self, section: str, name: str) -> list[str]:
        return difflib.get_close_matches(name, list(self.section(section)), n=3, cutoff=0.6)


def vocabulary() -> Vocabulary:
    """The vocabulary with the packs in use: their jurisdictions, instruments and terms merged over the base."""
    return _vocabulary(packs.folders())


@cache
def _vocabulary(folders: tuple[str, ...]) -> Vocabulary:
    """Read from the cache until vocabulary.yaml, a pack (or the code reading them) changes."""
    path = data_dir("vocabulary") / "vocabulary.yaml"
    code = ("language/vocabulary.py", "yamldata.py", "language/ast.py", "diagnostics.py", "packs/pack.py",
            "packs/__init__.py")
    sources = (path, data_dir("packs") / "schema.json", *packs.pack_files(), *map(source_file, code))
    return cached("vocabulary", sources, lambda: Vocabulary(*_merged(yamldata.load(str(path)), packs.all_packs())))


# Sections a pack's vocabulary.yaml may not add to: they are the pack.yaml's own (names, instruments).
_PACK_SECTIONS = ("jurisdictions", "instruments")


def _coverage_errors(name: str, entry: dict[str, Any], treaty_acts: set[str], span: Span,
                     override: bool) -> list[Diagnostic]:
    """E703: a conduct term covers, declines or leaves unsettled only the treaty's acts, and says why where it reaches
    beyond its own name, declines an act or leaves one unsettled, or overrides the base reading of the term."""
    errors = []
    for key in ("covers", "declines", "unsettled"):
        for act in entry.get(key, ()) or ():
            if act not in treaty_acts:
                close = difflib.get_close_matches(str(act), sorted(treaty_acts), n=1)
                errors.append(Diagnostic(
                    "E703", f"the term {name!r} {key} {act!r}, which is no element of the treaty", span,
                    (f"did you mean {close[0]!r}?" if close else
                     "the treaty's acts: " + ", ".join(sorted(treaty_acts)),)))
    if errors:
        return errors  # one mistake at a time: the acts first
    beyond = set(entry.get("covers", ()) or ()) - {name} or entry.get("declines") or entry.get("unsettled")
    reason = entry.get("reason")
    source = entry.get("source")
    if (beyond or override) and not (isinstance(reason, dict) and isinstance(reason.get("en"), str)
                                     and (isinstance(source, str) or isinstance(source, dict)
                                          and isinstance(source.get("en"), str))):
        why = "overrides lexdraft's reading of the term" if override else "reaches beyond its own name"
        errors.append(Diagnostic(
            "E703", f"the term {name!r} {why} without giving its reason and source", span,
            (("add `reason: {en: …, zh: …}` (why it reaches the acts it covers) and `source: \"…\"` (the statute "
              "or judgment that reads it so; `{en: …, zh: …}` for words to translate)"),)))
    return errors


def _cut_text(entry: object, span: Span) -> tuple[str, Span] | None:
    """A key with no value inside a term's mapping, where it stands: in `{en: sends it, to one person, …}` an
    unquoted comma ends the text, and the rest of it becomes keys without values, which would be lost unseen."""
    if not isinstance(entry, dict):
        return None
    for key, value in entry.items():
        where = entry.key_spans.get(key, span) if isinstance(entry, yamldata.Mapping) else span
        if value is None:
            return str(key), where
        found = _cut_text(value, where)
        if found is not None:
            return found
    return None


def _labelled(entry: object) -> bool:
    return isinstance(entry, dict) and all(isinstance(entry.get(k), str) for k in ("zh", "en"))


def _attribute_values(base: dict[str, Any], terms: dict[str, Any], errors: list[Diagnostic],
                      ways_obtained: Iterable[str] = ()) -> dict[str, Any]:
    """A pack's values of the object attributes (an age band its statutes use: `person: {minor-aged-14-to-17: {zh: …,
    en: …, ages: [14, 18]}}`), each under an attribute the base vocabulary has; an age term says its ages, which the
    checker reads (E703 otherwise), and a way of obtaining the image (`obtained`) the ways it reaches."""
    known_ways = [str(w) for w in ways_obtained]
    merged = {attr: dict(values) for attr, values in base.items()}
    for attr, values in terms.items():
        span = terms.key_spans[attr] if isinstance(terms, yamldata.Mapping) else Span("", 1, 1, 1, 2)
        if attr not in merged or not isinstance(values, dict):
            close = difflib.get_close_matches(str(attr), list(merged), n=1)
            hint = f"did you mean {close[0]!r}?" if close else "the attributes are " + ", ".join(merged)
            errors.append(Diagnostic("E703", f"{attr!r} is not an object attribute a pack can add values to", span,
                                     (hint,)))
            continue
        for name, entry in values.items():
            where = values.key_spans[name] if isinstance(values, yamldata.Mapping) else span
            if not _labelled(entry):
                errors.append(Diagnostic("E703", f"the {attr} value {name!r} needs a Chinese and an English label",
                                         where, (f"write `{name}: {{zh: …, en: …}}` under `{attr}:`",)))
                continue
            cut = _cut_text(entry, where)
            if cut is not None:
                errors.append(Diagnostic("E703", f"the {attr} value {name!r} has {cut[0]!r} with no value: a text was "
                                         "cut at a comma", cut[1],
                                         ("inside `{…}` a comma ends a text: put the text in double quotes",)))
                continue
            ages = entry.get("ages")
            if attr == "person" and not (isinstance(ages, list) and len(ages) == 2 and isinstance(ages[0], int)
                                         and (ages[1] is None or isinstance(ages[1], int) and ages[1] > ages[0])):
                hint = (f"write `{name}: {{zh: …, en: …, ages: [FROM, BELOW]}}` in years, BELOW null for no upper "
                        "bound: [14, 18] is a person aged 14 to 17")
                errors.append(Diagnostic("E703", f"the person value {name!r} needs the ages it reaches", where,
                                         (hint,)))
                continue
            ways = entry.get("ways")
            if attr == "obtained" and not (isinstance(ways, list) and ways
                                           and set(map(str, ways)) <= set(known_ways)):
                hint = ("write `ways: [...]` from the base vocabulary's `ways-obtained` (" + ", ".join(known_ways)
                        + "), with its `reason` and `source`")
                errors.append(Diagnostic("E703", f"the obtained value {name!r} needs the ways of coming by the "
                                                 "image it reaches", where, (hint,)))
                continue
            if attr == "obtained" and entry.get("says", "offender") not in ("offender", "recording"):
                errors.append(Diagnostic("E703", f"the obtained value {name!r} says how the offender came by the image "
                                                 "or how the recording was made", where,
                                         ("write `says: recording` for words on how the recording was made, "
                                          + "whoever discloses it, or leave `says` out",)))
                continue
            merged[attr][name] = entry
    return merged


def _merged(base: dict[str, Any], found: dict[str, packs.Pack]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """The base vocabulary with each pack's jurisdiction, instruments and vocabulary additions (E703 when wrong),
    and each pack's own reading of base conduct terms, which holds for its jurisdiction only."""
    data = {**base, "jurisdictions": {}, "instruments": {}}
    treaty_acts = {str(c) for entry in base.get("conduct", {}).values() for c in entry.get("covers", ())}
    conduct_of: dict[str, dict[str, Any]] = {}
    errors: list[Diagnostic] = []
    for p in found.values():
        data["jurisdictions"][p.code] = {"zh": p.label("zh"), "en": p.names["en"]}
        for name, instrument in p.instruments.items():
            labels = instrument.labels
            data["instruments"].setdefault(name, {"zh": labels.get("zh", labels["en"]), "en": labels["en"]})
    for p in found.values():
        additions = p.vocabulary
        if additions is None:
            continue
        if not isinstance(additions, yamldata.Mapping):
            errors.append(Diagnostic("E703", "a pack's vocabulary.yaml must be a mapping of lists",
                                     Span(str(p.vocabulary_path), 1, 1, 1, 2), ("e.g. `conduct:` and its terms",)))
            continue
        for section, terms in additions.items():
            where = additions.key_spans[section]
            known = [s for s in base if s not in _PACK_SECTIONS]
            if section not in known or not isinstance(terms, dict):
                close = difflib.get_close_matches(section, known, n=1)
                hint = f"did you mean {close[0]!r}?" if close else \
                    ("jurisdictions and instruments belong in pack.yaml" if section in _PACK_SECTIONS
                     else "a pack adds terms to the base vocabulary's lists: " + ", ".join(known[:8]) + ", …")
                errors.append(Diagnostic("E703", f"{section!r} is not a vocabulary list a pack can add to", where,
                                         (hint,)))
                continue
            if section == "object-attributes":  # values of an attribute: `person: {minor-aged-14-to-17: …}`
                data[section] = _attribute_values(data[section], terms, errors, data.get("ways-obtained") or {})
                continue
            merged = dict(data[section])
            for name, entry in terms.items():
                span = terms.key_spans[name] if isinstance(terms, yamldata.Mapping) else where
                if not isinstance(entry, dict) or not all(isinstance(entry.get(k), str) for k in ("zh", "en")):
                    errors.append(Diagnostic("E703", f"the term {name!r} needs a Chinese and an English label", span,
                                             (f"write `{name}: {{zh: …, en: …}}`",)))
                    continue
                cut = _cut_text(entry, span)
                if cut is not None:
                    errors.append(Diagnostic(
                        "E703", f"the term {name!r} has {cut[0]!r} with no value: a text was cut at a comma", cut[1],
                        ("inside `{…}` a comma ends a text: put the text in double quotes, `en: \"…, …\"`",)))
                    continue
                if section == "conduct":
                    override = name in base.get("conduct", {})
                    errors.extend(_coverage_errors(name, entry, treaty_acts, span, override))
                    if override:
                        conduct_of.setdefault(p.code, {})[name] = entry
                        continue
                merged[name] = entry
            data[section] = merged
    if errors:
        raise LexdraftError(errors)
    return data, conduct_of


def _is_term(entry: Any) -> bool:
    return isinstance(entry, dict) and ("en" in entry or "zh" in entry)


def term_kinds(data: dict[str, Any], prefix: str = "") -> dict[str, int]:
    """Every list of terms by its dotted name (object-attributes.depicts), with how many terms it holds."""
    out: dict[str, int] = {}
    for name, node in data.items():
        if not isinstance(node, dict) or not node:
            continue
        terms = sum(1 for entry in node.values() if _is_term(entry))
        if terms:
            out[prefix + name] = terms
        nested = {k: v for k, v in node.items() if isinstance(v, dict) and not _is_term(v)}
        out.update(term_kinds(nested, f"{prefix}{name}."))
    return out


def term_list(section: str | None) -> str:
    """`lexdraft terms [KIND]`: the kinds of terms, or one kind's terms with their labels (and, for conduct, the
    treaty acts each reaches), from the vocabulary with the packs in use; every word escaped for a terminal."""
    from .. import escape
    from ..diagnostics import fail

    v = vocabulary()
    kinds = term_kinds(v.lists())
    if section is None:
        width = max(map(len, kinds))
        rows = [f"{name.ljust(width)}  {count} term{'s' if count > 1 else ''}" for name, count in sorted(kinds.items())]
        return escape.lines("\n".join(["Kinds of terms (lexdraft terms KIND lists one):", *rows]) + "\n")
    if section not in kinds:
        close = difflib.get_close_matches(section, list(kinds), n=3, cutoff=0.5)
        raise fail("E201", f"unknown kind of term {section!r}", None,
                   ("did you mean " + " or ".join(f"`{c}`" for c in close) + "? " if close else "")
                   + "`lexdraft terms` lists the kinds")
    rows = []
    for name, entry in v.section(section).items():
        if not _is_term(entry):
            continue
        row = f"{name}: {entry.get('en', '')} / {entry.get('zh', '')}"
        if section == "conduct" and entry.get("covers"):
            row += f" (reaches: {', '.join(entry['covers'])})"
        rows.append(row)
    return escape.lines("\n".join(rows) + "\n")
