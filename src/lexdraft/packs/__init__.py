"""The jurisdiction packs in use: the bundled ones and a drafting office's own, loaded in one place."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from contextlib import contextmanager
from functools import cache
from pathlib import Path

from ..diagnostics import Diagnostic, LexdraftError, fail
from ..resources import cached, data_dir, source_file
from .pack import BillForm, Citation, Instrument, OfferPlace, Pack, Wording, next_inserted
from .patterns import compiled

__all__ = ["BillForm", "Citation", "Instrument", "OfferPlace", "Pack", "Wording", "all_packs", "folders", "id_problem",
           "instrument_named", "next_inserted", "pack", "pack_files", "use", "using"]

_extra: tuple[str, ...] = ()  # a drafting office's pack folders: lexdraft.toml, --pack, the Sphinx conf.py
_names: dict[str, str] = {}  # a folder's name in messages, where it is a copy (the gate's packs of the base revision)


def use(extra: Iterable[str], shown: Mapping[str, str] | None = None) -> None:
    """Use the packs in these folders beside the bundled ones, from now on (each folder a pack, or holds packs).
    `shown` names a folder in messages where its path on disk would mislead: a copy taken from a git revision."""
    global _extra, _names
    _extra = tuple(dict.fromkeys(os.path.abspath(f) for f in extra))
    _names = {os.path.realpath(k): v for k, v in (shown or {}).items()}


@contextmanager
def using(extra: Iterable[str], shown: Mapping[str, str] | None = None) -> Iterator[None]:
    """`use` for a while: the packs in use before are in use again afterwards."""
    before = (_extra, _names)
    use(extra, shown)
    try:
        yield
    finally:
        use(*before)


def folders() -> tuple[str, ...]:
    """Every pack folder in use: the bundled packs first, then the office's, in the order they were named."""
    return _folders(_extra)


@cache
def _folders(extra: tuple[str, ...]) -> tuple[str, ...]:
    # Asked for at every vocabulary look-up: the paths are resolved once per choice of packs, not per look-up.
    bundled = str(data_dir("packs"))
    # A folder named twice (a repository naming the bundled packs, as lexdraft's own checkout would) is read once.
    return tuple(dict.fromkeys(os.path.realpath(f) for f in (bundled, *extra)))


def _shown(path: Path) -> str:
    """A pack's path as messages name it: its own name where it is a copy, else relative to the working folder when
    inside it."""
    for root, name in _names.items():
        if Path(os.path.realpath(path)).is_relative_to(root):
            inside = os.path.relpath(os.path.realpath(path), root).replace(os.sep, "/")
            return name if inside == "." else f"{name}/{inside}"
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive (Windows)
        return str(path)


def _pack_folders(root: str) -> list[Path]:
    top = Path(root)
    if (top / "pack.yaml").is_file():
        return [top]
    if not top.is_dir():
        raise fail("E705", f"the pack folder {root} does not exist", None,
                   "name a folder holding pack.yaml, or holding one folder per pack (<code>/pack.yaml)")
    return sorted(p for p in top.iterdir() if (p / "pack.yaml").is_file())


def _files_of(folder: Path) -> list[Path]:
    return [f for f in (folder / "pack.yaml", folder / "vocabulary.yaml") if f.is_file()]


def pack_files() -> tuple[Path, ...]:
    """The files the packs in use are read from: what a cached vocabulary depends on."""
    return tuple(f for root in folders() for folder in _pack_folders(root) for f in _files_of(folder))


@cache
def _load(roots: tuple[str, ...], cwd: str, names: tuple[tuple[str, str], ...]) -> dict[str, Pack]:
    """The packs of `roots`; memoized also by the working folder and the copies' names, which decide how messages
    name a pack's files (_shown), and so the environment digest of every cache entry (language/stored.py)."""
    packs: dict[str, Pack] = {}
    errors: list[Diagnostic] = []
    bundled: set[str] = set()  # codes whose pack is the bundled one, which an office's own pack replaces
    for n, root in enumerate(roots):
        for folder in _pack_folders(root):
            outside = [f for f in _files_of(folder) if not Path(os.path.realpath(f)).is_relative_to(root)]
            if outside:  # never read, never quoted: a link from a pull request's pack to a secret of the machine
                errors += [Diagnostic("E705", f"{_shown(f)} is a link that leads outside the pack folder "
                                      f"{_shown(Path(root))}: it is not read", None,
                                      ("keep a pack's files inside the folder of packs that names it",))
                           for f in outside]
                continue
            try:
                p = read_pack_at(folder)
            except LexdraftError as e:
                errors += e.diagnostics
                continue
            if n == 0:
                bundled.add(p.code)
            elif p.code in bundled:
                bundled.discard(p.code)  # the office keeps its own pack of a jurisdiction lexdraft bundles
            elif p.code in packs:
                errors.append(Diagnostic("E704", f"a second pack for the jurisdiction {p.code!r}", p.span,
                                         ((f"{packs[p.code].path} already defines {p.code!r}: give this pack another "
                                          "code, or remove one of the two"),)))
                continue
            packs[p.code] = p
    if errors:
        raise LexdraftError(errors)
    return packs


def read_pack_at(folder: Path) -> Pack:
    """The pack in `folder`, from the cache until its files (or the code reading them) change: a check then neither
    imports YAML nor validates the pack again."""
    from .pack import read_pack

    shown = _shown(folder)
    files = [f for f in (folder / "pack.yaml", folder / "vocabulary.yaml") if f.is_file()]
    code = ("packs/pack.py", "yamldata.py", "source.py", "diagnostics.py")
    sources = (*files, data_dir("packs") / "schema.json", *map(source_file, code))
    # the file names are part of the key: a pack.yaml beside a vocabulary.yaml is not the same pack without it
    return cached("pack", sources, lambda: read_pack(folder, shown), also=(shown, *(f.name for f in files)))


def all_packs() -> dict[str, Pack]:
    """Every pack in use by code (E701-E705 when one of them is wrong)."""
    return _load(folders(), *naming())


def naming() -> tuple[str, tuple[tuple[str, str], ...]]:
    """What decides how messages name a pack's files (_shown): the working folder, and the copies' names."""
    return os.getcwd(), tuple(_names.items())


def pack(code: str) -> Pack | None:
    return all_packs().get(code)


def id_problem(ident: str, jurisdiction: str) -> tuple[str, str] | None:
    """What keeps `ident` from being cited as an article of `jurisdiction`, with a hint; None when it can be."""
    parts = ident.split(".")
    p = pack(jurisdiction)
    if p is None:
        return (f"no pack for the jurisdiction {jurisdiction!r}",
                "add packs/<code>/pack.yaml for it (docs/language.md, \"Packs\"), or name its folder in lexdraft.toml")
    example = f"{p.code}.{next(iter(p.instruments))}.{p.examples[0]}"
    if len(parts) < 3 or not p.numbering().fullmatch(parts[2]):
        return (f"cannot find an article number in the id {ident!r}",
                (f"write the id as jurisdiction.instrument.article, the article numbered as {p.code}'s pack says "
                f"({p.pattern}), e.g. {example}"))
    if len(parts) >= 4 and (not parts[3].isdigit() or len(parts[3]) > 6):
        # a subsection inserted later (Canada's 163.1(4.1), 1A in UK Acts) has no number of its own in an id
        problem = (f"the paragraph {parts[3]!r} of the id {ident!r} is not a paragraph number: paragraphs are "
                   "numbered in digits")
        return (problem, (f"write the paragraph in digits after the article, e.g. {example}.3; a paragraph numbered "
                          "4.1 or 1A cannot be named: encode it in the provision of the paragraph it follows "
                          "(docs/language.md, \"Ids\")"))
    if len(parts) >= 4 and int(parts[3]) == 0:
        return (f"the id {ident!r} names paragraph 0: paragraphs are numbered from 1",
                f"name the paragraph by its number (1 is the first), e.g. {example}.1, or leave it out for the article")
    if len(parts) == 5 and p.items is None:
        return (f"the id {ident!r} names an item of a paragraph, which {p.code}'s pack does not number",
                (f"give the pack's numbering `items:` (docs/language.md, \"Packs\"), or stop at the paragraph, "
                 f"e.g. {example}.3"))
    if len(parts) == 5 and not compiled(p.items or "").fullmatch(parts[4]):
        return (f"the item {parts[4]!r} of the id {ident!r} is not numbered as {p.code}'s pack numbers items",
                f"number it as the pack says ({p.items}), e.g. {example}.1.{_item_example(p.items or '')}")
    if len(parts) > 5:
        return (f"the id {ident!r} has more than an article, a paragraph and an item",
                f"add at most an item after the paragraph, e.g. {example}.1.{_item_example(p.items or '')}")
    return None


def _item_example(pattern: str) -> str:
    """An item number the pattern takes, for a hint: 1 or a."""
    return next((c for c in ("1", "a", "i") if compiled(pattern).fullmatch(c)), "1")


def instrument_named(code: str, name: str) -> str | None:
    """The term of the pack's instrument whose Chinese, own or English name is `name`: the act an amendment's
    `instrument amendment to "中华人民共和国刑法"` amends is `criminal-law`; None where the pack names no such act."""
    p = pack(code)
    for key, instrument in p.instruments.items() if p is not None else ():
        if name in (instrument.labels.get("zh"), instrument.labels.get("own"), instrument.labels["en"]):
            return key
    return None
