"""Amendment operations checked against the text in force the set holds: numbering, paragraphs, one change each."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from .. import packs
from ..diagnostics import Diagnostic
from . import ast as A
from .resolve import shared_text

Amending = A.Provision | A.Obligation | A.Rule

# Lines of a Chinese statute text that are not paragraphs: the items of a list (（一）…) and an article heading standing
# alone (第 39 條, 第 319-1 條), as Taiwan's texts print it.
_ITEM = re.compile(r"^[（(][一二三四五六七八九十百]+[）)]")
_HEADING = re.compile(r"^第\s*[0-9〇一二三四五六七八九十百千]+(-[0-9]+)*\s*[条條](之\s*[0-9一二三四五六七八九十]+)?$")


def _act(code: str) -> packs.Instrument | None:
    """The pack's instrument of a code (jurisdiction.instrument), if the pack names it."""
    jurisdiction, _, name = code.partition(".")
    pack = packs.pack(jurisdiction)
    return pack.instruments.get(name) if pack is not None else None


def code_of(doc: A.Document) -> str:
    """The code a document belongs to, jurisdiction.instrument: the act an amendment amends (its id names the
    amending instrument, so that it never takes the id of the text in force it changes), else its id's first parts."""
    ins = getattr(doc, "instrument", None)
    if ins is not None and ins.operation and ins.target:
        jurisdiction = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
        key = packs.instrument_named(jurisdiction, ins.target)
        if key is not None:
            return f"{jurisdiction}.{key}"
    return ".".join(doc.id.split(".")[:2])


def paragraph_count(text: A.Text) -> int | None:
    """The paragraphs of a verbatim article: its Chinese lines less list items and a bare heading; else the English
    ¶ marks; None where neither says."""
    chinese = text.zh or text.zh_hant
    if chinese:
        lines = [s.strip() for s in chinese.strip("\n").split("\n") if s.strip()]
        return sum(1 for s in lines if not _ITEM.match(s) and not _HEADING.match(s)) or None
    marks = [int(m) for m in re.findall(r"^¶(\d+)", text.en or "", re.MULTILINE)]
    return max(marks) if marks else None


@dataclass
class _InForce:
    """What the set knows of one article in force: its exact count of paragraphs, or the highest one it cites."""

    doc: A.Document
    count: int | None = None
    at_least: int = 0


def _in_force(documents: Sequence[A.Document], by_id: dict[str, A.Provision | A.Obligation]) -> dict[str, _InForce]:
    """Articles in force by code.article (prc.criminal-law.287-1), from the documents of the set that quote them."""
    out: dict[str, _InForce] = {}
    for doc in documents:
        if not isinstance(doc, Amending) or doc.status is None or doc.status.name != "in-force":
            continue
        parts = doc.id.split(".")
        if len(parts) < 3:
            continue
        key = ".".join(parts[:3])
        entry = out.setdefault(key, _InForce(doc))
        paragraph = int(parts[3]) if len(parts) > 3 and parts[3].isdigit() else None
        text = doc.text if isinstance(doc, A.Rule) else shared_text(doc, by_id)[0]
        count = paragraph_count(text) if text is not None else None
        # A paragraph's entry quotes the whole article when its text has that many paragraphs; one paragraph of text
        # may be the paragraph alone.
        if count is not None and (paragraph is None or (count > 1 and count >= paragraph)):
            entry.count = count
        entry.at_least = max(entry.at_least, paragraph or 0)
    return out


def follows(new: str, after: str) -> bool:
    """Whether article `new` is the one inserted directly after `after`: 253-2 after 253-1, 364-1 after 364, or a
    new last article 31 after 30 (whether 31 is free is checked against the text in force)."""
    n, a = new.split("-"), after.split("-")
    if not all(part.isdigit() for part in n + a):
        return True  # a numbering of letters (22A after 22) is the pack's own: nothing to count
    if n == a + ["1"]:
        return True
    return len(n) == len(a) and n[:-1] == a[:-1] and int(n[-1]) == int(a[-1]) + 1


def _next_after(after: str) -> str:
    head, *subs = after.split("-")
    return f"{head}-1" if not subs else "-".join([head, *subs[:-1], str(int(subs[-1]) + 1)])


def check(documents: Sequence[A.Document], by_id: dict[str, A.Provision | A.Obligation]) -> Iterator[Diagnostic]:
    """E230: each amendment operation fits the act and the text in force the set holds, and no two change the same
    article or paragraph; E231: a bill gathers amendments of its own act, each once."""
    in_force = _in_force(documents, by_id)
    seen = _Seen()
    yield from _operations(documents, in_force, seen)
    for bill in (d for d in documents if isinstance(d, A.Amendment)):
        yield from _bill(bill, documents)


def in_order(documents: Sequence[A.Document]) -> list[tuple[Amending | A.Deletion, A.Amendment | None]]:
    """The set's changes in the order they are made: each bill's items in its order, then the amendments no bill
    gathers, in the order of the files; with the bill each item belongs to. Changes of one article are made in this
    order, each naming paragraphs as the article stands after those before it."""
    first: dict[str, A.Document] = {}
    for d in documents:
        first.setdefault(d.id, d)
    out: list[tuple[Amending | A.Deletion, A.Amendment | None]] = []
    placed: set[str] = set()
    for bill in (d for d in documents if isinstance(d, A.Amendment)):
        for item in bill.items:
            if isinstance(item, A.Deletion):
                out.append((item, bill))
                continue
            doc = first.get(item.id)
            if isinstance(doc, Amending) and doc.instrument is not None and doc.instrument.operation \
                    and doc.id not in placed:
                placed.add(doc.id)
                out.append((doc, bill))
    out += [(d, None) for d in documents if isinstance(d, Amending) and d.instrument is not None
            and d.instrument.operation and d.id not in placed]
    return out


def earlier_changes(documents: Sequence[A.Document]) -> dict[str, tuple[Step, ...]]:
    """For each amendment of the set, by id, the changes of its article made before it (in_order)."""
    history: dict[tuple[str, str], list[Step]] = {}
    out: dict[str, tuple[Step, ...]] = {}
    for item, bill in in_order(documents):
        if isinstance(item, A.Deletion):
            if bill is not None and bill.amends is not None:
                jurisdiction = bill.jurisdiction.name if bill.jurisdiction else bill.id.split(".")[0]
                history.setdefault((f"{jurisdiction}.{bill.amends.name}", item.article), []).append(
                    ("delete", item.paragraph, bill.id))
            continue
        ins = item.instrument
        assert ins is not None and ins.operation is not None and ins.article is not None
        earlier = history.setdefault((code_of(item), ins.article), [])
        out.setdefault(item.id, tuple(earlier))
        if ins.operation != "insert":
            earlier.append((ins.operation, ins.paragraph, item.id))
    return out


def earlier_in_bill(bill: A.Amendment) -> list[tuple[Step, ...]]:
    """For each item a bill gathers, in order, the bill's changes of its article made before it."""
    history: dict[str, list[Step]] = {}
    out: list[tuple[Step, ...]] = []
    for item in bill.gathered:
        if isinstance(item, A.Deletion):
            article, step = item.article, ("delete", item.paragraph, bill.id)
        else:
            assert item.instrument is not None and item.instrument.article is not None
            article, step = item.instrument.article, (item.instrument.operation or "", item.instrument.paragraph,
                                                      item.id)
        earlier = history.setdefault(article, [])
        out.append(tuple(earlier))
        if step[0] != "insert":
            earlier.append(step)
    return out


# A change of an article's paragraphs, as made: (operation, the paragraph it names, the change's id); operation is
# replace, add-paragraph or delete, the paragraph None for the whole article.
Step = tuple[str, int | None, str]


def paragraph_in_force(paragraph: int, earlier: Sequence[Step]) -> int | str:
    """The paragraph an article numbers `paragraph` after the `earlier` changes of it (in order): its number in the
    text in force, or the id of the change that added it. A paragraph added as paragraph Q moves those from Q on one
    down; one deleted, those after it one up."""
    for operation, at, by in reversed(earlier):
        if at is None:
            continue
        if operation == "add-paragraph":
            if paragraph == at:
                return by
            if paragraph > at:
                paragraph -= 1
        elif operation == "delete" and paragraph >= at:
            paragraph += 1
    return paragraph


class _Seen(dict[tuple[str, str, int | str | None], A.Document]):
    """The first document changing each (code, article, paragraph), with the first changing each article at hand: a
    change of a whole article is then checked against its paragraphs' changes without a walk over every change (a
    set of thousands of amendments spent most of its lint there)."""

    def __init__(self) -> None:
        super().__init__()
        self.articles: dict[tuple[str, str], A.Document] = {}

    def setdefault(self, key: tuple[str, str, int | str | None],  # type: ignore[override]
                   doc: A.Document) -> A.Document:
        self.articles.setdefault(key[:2], doc)
        return super().setdefault(key, doc)


def _clash(seen: _Seen, code: str, number: str, paragraph: int | str | None) -> A.Document | None:
    """The document that already changes this article or paragraph (its number in force, or the change that added
    it): a change of the whole article clashes with any change of one of its paragraphs, and the other way round."""
    clash = seen.get((code, number, paragraph)) or seen.get((code, number, None))
    if clash is None and not paragraph:
        clash = seen.articles.get((code, number))
    return clash


def _operations(documents: Sequence[A.Document], in_force: dict[str, _InForce],
                seen: _Seen) -> Iterator[Diagnostic]:
    """Each change, in the order made, against the text in force as the changes before it left the article: a
    paragraph named after one was added before it is the paragraph so numbered then (E230 where two change one)."""
    history: dict[tuple[str, str], list[Step]] = {}
    for doc, bill in in_order(documents):
        if isinstance(doc, A.Deletion):
            if bill is None or bill.amends is None:
                continue  # E211 asks for `amends`
            jurisdiction = bill.jurisdiction.name if bill.jurisdiction else bill.id.split(".")[0]
            code, number, paragraph, operation = f"{jurisdiction}.{bill.amends.name}", doc.article, doc.paragraph, \
                "delete"
            earlier = history.setdefault((code, number), [])
            yield from _deletion(bill, doc, code, in_force, _shift(earlier))
            owner: A.Document = bill
        else:
            ins = doc.instrument
            assert ins is not None and ins.operation is not None and ins.article is not None
            code, number, paragraph, operation = code_of(doc), ins.article, ins.paragraph, ins.operation
            earlier = history.setdefault((code, number), [])
            yield from _operation(doc, ins, in_force, _shift(earlier))
            owner = doc
        # where the change stands in the text in force: an added paragraph is its own, a new one
        place: int | str | None = None if paragraph is None else owner.id if operation == "add-paragraph" \
            else paragraph_in_force(paragraph, earlier)
        clash = _clash(seen, code, number, place)
        what = f"article {number}" + (f" paragraph {paragraph}" if paragraph else "")
        # one id twice is E205's; a bill deleting what it deletes already is this one's
        if clash is not None and (clash.id != owner.id or operation == "delete"):
            deleted = operation == "delete" or isinstance(clash, A.Amendment)  # a bill's deletion, before or now
            said = f"{what} is deleted, and `{clash.id if operation == 'delete' else owner.id}` changes it" \
                if deleted else f"{what} is changed twice: `{clash.id}` changes it too"
            yield Diagnostic("E230", said, doc.span if operation == "delete" else ins.span,
                             ("delete it or change it, not both",) if deleted else
                             ("make one change of each article or paragraph; merge the two texts",))
        seen.setdefault((code, number, place), owner)
        if operation != "insert":
            earlier.append((operation, paragraph, owner.id))


def _shift(earlier: Sequence[Step]) -> int:
    """How many paragraphs the changes before this one added to the article, less those they deleted."""
    return sum(1 if op == "add-paragraph" else -1 if op == "delete" and at else 0 for op, at, _ in earlier)


def _counted(count: int, shift: int, source: str) -> str:
    """The article's paragraphs in force (in `source`), and as the changes before this one leave them."""
    said = f"{count} paragraph{'s' if count > 1 else ''} in force (`{source}`)"
    return said if not shift else f"{said}, {count + shift} after the changes before this one"


def _what(ins: A.Instrument) -> str:
    return f"article {ins.article}" + (f" paragraph {ins.paragraph}" if ins.paragraph else "")


def _operation(doc: A.Document, ins: A.Instrument, in_force: dict[str, _InForce],
               shift: int = 0) -> Iterator[Diagnostic]:
    jurisdiction = doc.jurisdiction.name if doc.jurisdiction else doc.id.split(".")[0]
    if ins.target is None:
        if ins.operation != "insert":
            yield Diagnostic("E230", f"`{doc.id}` changes {_what(ins)} without saying of which act", ins.span,
                             ('name the act: `instrument amendment to "<its name>" …`',))
            return
    elif ins.operation != "insert" and (pack := packs.pack(jurisdiction)) is not None \
            and packs.instrument_named(jurisdiction, ins.target) is None:
        # An inserted article is cited under its own id; a change of an article in force must find the act's text.
        names = [i.labels.get("zh") or i.labels["en"] for i in pack.instruments.values()]
        yield Diagnostic("E230", f"the pack of {jurisdiction} names no act “{ins.target}”", ins.span,
                         ("write the act's name as the pack has it: " + "、".join(names),))
        return
    code = code_of(doc)
    number = ins.article
    assert number is not None
    known = in_force.get(f"{code}.{number}")
    if ins.operation == "insert":
        assert ins.after is not None
        if not follows(number, ins.after):
            yield Diagnostic("E230", f"article {number} does not follow article {ins.after}", ins.span,
                             ((f"the article inserted after {ins.after} is {_next_after(ins.after)}; one inserted "
                              f"further on follows the article inserted before it"),))
        if known is not None:
            yield Diagnostic("E230", f"article {number} is already in force (`{known.doc.id}`)", ins.span,
                             ((f"insert the next free number, or replace article {number}: "
                              f"`replacing article {number}`"),))
        elif (act := _act(code)) is not None and number in act.numbers:
            where = act.numbers_source or "as its pack lists the numbers it uses"
            yield Diagnostic("E230", f"article {number} is already used by the act ({where})", ins.span,
                             ((f"insert the next number the act leaves free, or replace article {number}: "
                              f"`replacing article {number}`"),))
        return
    if known is None:
        return  # the set does not quote the article: nothing to check it against
    if known.count is None:
        return
    count, now = known.count, known.count + shift  # as in force, and as the changes before this one leave it
    p = ins.paragraph
    if ins.operation == "replace" and p is not None:
        if p > now:
            yield Diagnostic("E230", f"article {number} has {_counted(count, shift, known.doc.id)}: there is no "
                             f"paragraph {p} to replace", ins.span,
                             ((f"replace one of paragraphs 1-{now}, or add a paragraph: "
                              f"`adding paragraph {now + 1} to article {number}`"),))
    elif ins.operation == "add-paragraph":
        # a paragraph added in the middle (增加一款作为第二款) renumbers those from paragraph p on, as the NPC's
        # amendments do; one beyond the last is a gap in the numbering
        assert p is not None
        if p > now + 1:
            yield Diagnostic("E230", f"article {number} has {_counted(count, shift, known.doc.id)}: the "
                             f"paragraph added is paragraph {now + 1}, not {p}", ins.span,
                             (f"write `adding paragraph {now + 1} to article {number}`",))


def _bill(bill: A.Amendment, documents: Sequence[A.Document]) -> Iterator[Diagnostic]:
    """E231: a bill's items name amendments of the set, each once, of the act the bill amends (its deletions are
    checked with the other changes, in order)."""
    jurisdiction = bill.jurisdiction.name if bill.jurisdiction else bill.id.split(".")[0]
    code = f"{jurisdiction}.{bill.amends.name}" if bill.amends else None
    first: dict[str, A.Document] = {}
    for d in documents:
        first.setdefault(d.id, d)
    named: set[str] = set()
    for item in bill.items:
        if isinstance(item, A.Deletion):
            continue
        if item.id in named:
            yield Diagnostic("E231", f"`{item.id}` is an item of this bill twice", item.span,
                             ("an amendment is one item: remove the second",))
            continue
        named.add(item.id)
        doc = first.get(item.id)
        ins = getattr(doc, "instrument", None)
        if doc is None:
            amending = [d.id for d in documents if getattr(getattr(d, "instrument", None), "operation", None)]
            matches = difflib.get_close_matches(item.id, amending, n=3, cutoff=0.8)
            hints = [f"did you mean {' or '.join(f'`{m}`' for m in matches)}?"] if matches else []
            hints.append("the amendment must be among the files checked together")
            yield Diagnostic("E231", f"no amendment `{item.id}` among the drafts", item.span, tuple(hints))
        elif ins is None or ins.operation is None or not isinstance(doc, Amending):
            yield Diagnostic("E231", f"`{item.id}` amends nothing: a bill gathers amendments", item.span,
                             (('its `instrument` line says what it does: `amendment to "…" inserting article … '
                              "after …`, `replacing article …` or `adding paragraph … to article …`"),))
        elif code is not None and code_of(doc) != code:
            yield Diagnostic("E231", f"`{item.id}` amends `{code_of(doc)}`, not `{code}`, the act this bill amends",
                             item.span, ("a bill amends one act: gather this amendment in a bill of its own",))


def _deletion(bill: A.Amendment, item: A.Deletion, code: str, in_force: dict[str, _InForce],
              shift: int) -> Iterator[Diagnostic]:
    known = in_force.get(f"{code}.{item.article}")
    if known is not None and item.paragraph and known.count is not None and item.paragraph > known.count + shift:
        yield Diagnostic("E230", f"article {item.article} has {_counted(known.count, shift, known.doc.id)}: "
                         f"there is no paragraph {item.paragraph} to delete", item.span,
                         (f"delete one of paragraphs 1-{known.count + shift}",))
