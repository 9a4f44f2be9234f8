"""The semantic diff of two revisions of a set of drafts: documents added, removed or changed, element by element.

The AST is walked generically (dataclasses.fields), so a field added to a node class is diffed without code here;
elements are named in English and Chinese from the `elements` section of vocabulary/vocabulary.yaml.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields
from typing import Any

from ..diagnostics import LexdraftError, Span
from ..language import ast as A
from ..language.vocabulary import vocabulary
from ..wording import labels
from ..wording.phrases import penalty_phrase, threshold_phrase

LONG = 40  # characters: a longer text is reported as changed, not quoted before and after


@dataclass(frozen=True)
class Change:
    """One change of legal substance, in English and Chinese, at the place in the new draft nearest to it."""

    en: str
    zh: str
    span: Span | None


@dataclass(frozen=True)
class DocumentDiff:
    id: str
    kind: str  # added | removed | changed
    old: A.Document | None
    new: A.Document | None
    changes: tuple[Change, ...] = ()

    @property
    def span(self) -> Span | None:
        """Where a reader of the new drafts looks: the first change, else the document."""
        first = next((c.span for c in self.changes if c.span is not None), None)
        return first or (self.new.span if self.new is not None else None)


def diff_documents(old: Sequence[A.Document], new: Sequence[A.Document]) -> list[DocumentDiff]:
    """Documents matched by id across the two revisions, in id order; unchanged ones are left out."""
    before = {d.id: d for d in old}
    after = {d.id: d for d in new}
    out = []
    for key in sorted(before.keys() | after.keys()):
        a, b = before.get(key), after.get(key)
        if a is None:
            out.append(DocumentDiff(key, "added", None, b))
        elif b is None:
            out.append(DocumentDiff(key, "removed", a, None))
        elif a != b:
            jur = b.jurisdiction.name if b.jurisdiction else key.split(".")[0]  # the id's own, as lint reads it
            changes: list[Change] = []
            _diff_fields(a, b, (), b.span, jur, changes)
            out.append(DocumentDiff(key, "changed", a, b, tuple(changes)))
    return out


# ------------------------------------------------------------------ names of elements and values

Words = tuple[str, str]  # (en, zh)


def _element(owner: type, name: str) -> Words:
    """The words for a field: `Class.field` in the vocabulary, else `field`, else the field's own name."""
    section = vocabulary().section("elements")
    entry = section.get(f"{owner.__name__.rstrip('_')}.{name}", section.get(name))
    if isinstance(entry, dict):
        return str(entry.get("en", "")), str(entry.get("zh", ""))
    plain = name.replace("_", " ")
    return plain, plain


def _term(t: A.Term, lang: str) -> str:
    return labels.label(t.section, t.name, lang)


def _key(node: A.Node) -> tuple[str, object]:
    """What identifies an item of a list across revisions: its number, id, or first term."""
    if isinstance(node, A.Term):
        return "Term", node.name
    for f in fields(node):
        value = getattr(node, f.name)
        if f.name in ("number", "id"):
            return type(node).__name__, value
        if isinstance(value, A.Term):
            return type(node).__name__, value.name
    return type(node).__name__, None


def _name(node: A.Node, lang: str) -> str:
    """A list item as a path names it: `article 2` is `2` here (the list's word comes first), a tier its term."""
    if isinstance(node, A.Term):
        return _term(node, lang)
    for f in fields(node):
        value = getattr(node, f.name)
        if f.name == "number":
            return f"第{value}条" if lang == "zh" else str(value)
        if f.name == "id":
            return str(value)
        if isinstance(value, A.Term):
            return _term(value, lang)
    return type(node).__name__.lower().rstrip("_")


# Whole phrases for the nodes the renderer already words; any other node is shown by its name.
_PHRASES: dict[type, Callable[[Any, str, str], str]] = {A.Threshold: threshold_phrase, A.Sentence: penalty_phrase}


def _show(value: Any, lang: str, jur: str) -> str:
    """A value added, removed or replaced, as a reader wants to see it."""
    if isinstance(value, bool):
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if isinstance(value, A.Text):
        text = (value.zh or value.zh_hant) if lang == "zh" else value.en
        return text or ""
    if isinstance(value, A.Ref):
        return value.id
    phrase = _PHRASES.get(type(value))
    if phrase is not None:
        try:
            return phrase(value, lang, jur)
        except LexdraftError:  # the vocabulary cannot word it: its name will do
            pass
    if isinstance(value, A.Node):
        return _name(value, lang)
    if isinstance(value, tuple):
        return ("、" if lang == "zh" else ", ").join(_show(v, lang, jur) for v in value)
    return str(value)


# ------------------------------------------------------------------ the walk

Path = tuple[Words, ...]


def _say(path: Path, label: Words, en: str, zh: str, span: Span | None, out: list[Change]) -> None:
    """One change: the path to the element, then what happened to it; an element without words is named by its path."""
    if not label[0] and path:
        path, label = path[:-1], path[-1]
    where_en = " › ".join(p[0] for p in path)
    where_zh = " › ".join(p[1] for p in path)
    # the message's own {label} comes before any of the draft's words, which may hold the same letters
    en = en.replace("{label}", label[0], 1).strip()
    zh = zh.replace("{label}", label[1], 1)
    out.append(Change(f"{where_en}: {en}" if where_en else en[:1].upper() + en[1:],
                      f"{where_zh}：{zh}" if where_zh else zh, span))


def _diff(a: Any, b: Any, field_name: str, path: Path, span: Span | None, jur: str, out: list[Change],
          owner: A.Node | None = None) -> None:
    """Compare one element's two values; `owner` is the new node the field belongs to."""
    if a == b:
        return
    label = _element(type(owner), field_name) if owner is not None else ("", "")
    if isinstance(a, tuple) or isinstance(b, tuple):
        _diff_items(tuple(a or ()), tuple(b or ()), label, path, span, jur, out)
    elif isinstance(a, A.Node) and type(a) is type(b) and not isinstance(a, (A.Term, A.Ref)):
        _diff_fields(a, b, path + (label,) if label[0] or label[1] else path, span, jur, out)
    elif a is None:
        _say(path, label, f"{{label}} added: {_show(b, 'en', jur)}", f"增加{{label}}：{_show(b, 'zh', jur)}", span, out)
    elif b is None:
        _say(path, label, f"{{label}} removed: {_show(a, 'en', jur)}", f"删除{{label}}：{_show(a, 'zh', jur)}",
             span, out)
    elif isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool):
        unit = getattr(owner, "unit", None)  # a threshold's persons, a term's years
        en_unit = f" {_term(unit, 'en')}" if isinstance(unit, A.Term) else ""
        zh_unit = _term(unit, "zh") if isinstance(unit, A.Term) else ""
        en_verb, zh_verb = ("raised", "提高") if b > a else ("lowered", "降低")
        _say(path, label, f"{{label}} {en_verb} from {a} to {b}{en_unit}",
             f"{{label}}由{a}{zh_unit}{zh_verb}至{b}{zh_unit}", span, out)
    else:
        old_en, new_en = _show(a, "en", jur), _show(b, "en", jur)
        if isinstance(a, str) and max(len(old_en), len(new_en)) > LONG:  # free text: too long to quote twice
            _say(path, label, "{label} changed", "{label}已修改", span, out)
        else:
            _say(path, label, f"{{label}} changed from {old_en} to {new_en}",
                 f"{{label}}由“{_show(a, 'zh', jur)}”改为“{_show(b, 'zh', jur)}”", span, out)


def _diff_fields(a: A.Node, b: A.Node, path: Path, span: Span | None, jur: str, out: list[Change]) -> None:
    for f in fields(b):
        if f.compare:
            _diff(getattr(a, f.name), getattr(b, f.name), f.name, path, b.span or span, jur, out, b)


def _diff_items(a: tuple[Any, ...], b: tuple[Any, ...], label: Words, path: Path, span: Span | None, jur: str,
                out: list[Change]) -> None:
    """Lists: items matched by key (nodes) or value (text, numbers), in order; the rest added or removed."""
    def key(item: Any) -> object:
        return _key(item) if isinstance(item, A.Node) else ("value", item)

    unmatched = list(b)
    pairs: list[tuple[Any, Any]] = []
    removed: list[Any] = []
    for item in a:
        match = next((i for i, other in enumerate(unmatched) if key(other) == key(item)), None)
        if match is None:
            removed.append(item)
        else:
            pairs.append((item, unmatched.pop(match)))
    # a removed item is shown on the line of the list that held it, where a remaining item stands
    near = next((item.span for item in b if isinstance(item, A.Node) and item.span), span)
    for item in removed:
        _say(path, label, f"{{label}} removed: {_show(item, 'en', jur)}", f"删除{{label}}：{_show(item, 'zh', jur)}",
             near, out)
    for item in unmatched:
        _say(path, label, f"{{label}} added: {_show(item, 'en', jur)}", f"增加{{label}}：{_show(item, 'zh', jur)}",
             item.span if isinstance(item, A.Node) and item.span else span, out)
    for old, new in pairs:
        if old != new and isinstance(new, A.Node):
            en_name, zh_name = _name(new, "en"), _name(new, "zh")
            step = (f"{label[0]} {en_name}".strip(), f"{label[1]}“{zh_name}”" if label[1] else zh_name)
            _diff_fields(old, new, path + (step,), new.span or span, jur, out)
