"""The rules a change is judged by, at the base and now: a change to them is a rule change, told with what would
move under the new rules, and never taken silently from the pull request that makes it.

Rules are the files a drafts repository may carry beside its drafts: treaty specs and what they share
(conformance/**), vocabulary (vocabulary/**), jurisdiction packs (packs/**) and lexdraft.toml, and wherever else
its settings are and the pack folders they name (gate.base_packs finds them). Any difference between the base and
the new side is a rule change.
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..diagnostics import LexdraftError
from ..language.ast import Provision
from ..pipeline import by_jurisdiction
from ..source import MAX_BYTES
from ..treaty.conformance import check
from ..treaty.spec import Spec, load_spec
from .revisions import NO_COMMIT, git, sizes

TOPS = ("conformance", "vocabulary", "packs", "lexdraft.toml")


@dataclass(frozen=True)
class RuleChange:
    path: str  # relative to the repository's top
    kind: str  # added, removed or changed
    moves: tuple[str, ...]  # what the new rules would change in the verdicts on the new drafts


def is_rule(path: str, more: tuple[str, ...] = ()) -> bool:
    """Whether a path (relative to the repository's top) is one of the rules; `more` are further rule files and
    folders, relative to the top."""
    return (path == "lexdraft.toml" or path.split("/")[0] in ("conformance", "vocabulary", "packs")
            or any(path == m or path.startswith(m + "/") for m in more))


def _listed(records: bytes, index: bool, more: tuple[str, ...] = ()) -> dict[str, str]:
    out = {}
    for record in records.decode("utf-8", "surrogateescape").split("\0"):
        if record:
            meta, path = record.split("\t", 1)
            fields = meta.split()
            oid = fields[1] if index else fields[2]
            if is_rule(path, more):
                out[path] = oid
    return out


def at_commit(commit: str, more: tuple[str, ...] = ()) -> dict[str, str]:
    if commit == NO_COMMIT:
        return {}
    return _listed(git("ls-tree", "-r", "-z", "--full-tree", commit, "--", *TOPS, *more), index=False, more=more)


def in_index(more: tuple[str, ...] = ()) -> dict[str, str]:
    return _listed(git("ls-files", "-s", "-z", "--full-name", "--", *(f":(top,literal){t}" for t in (*TOPS, *more))),
                   index=True, more=more)


def in_working_tree(top: str, more: tuple[str, ...] = ()) -> dict[str, str]:
    """The rule files on disk, by the blob id git would give them (so that they compare with the base's)."""
    found = []
    for name in (*TOPS, *more):
        where = os.path.join(top, name)
        if os.path.isfile(where) or os.path.islink(where):
            found.append(name)
        for folder, _, files in os.walk(where):
            found += [os.path.relpath(os.path.join(folder, f), top).replace(os.sep, "/") for f in files]
    found = sorted({p for p in found if is_rule(p, more)})
    if not found:
        return {}
    # A link is hashed as git stores it (its target's path), as the base holds it.
    oids = git("-C", top, "hash-object", "--no-filters", "--stdin-paths",
               stdin="".join(p + "\n" for p in found).encode("utf-8", "surrogateescape")).decode().split()
    return dict(zip(found, oids, strict=True))


def _load(path: str) -> Spec | str:
    try:
        return load_spec(path)
    except LexdraftError as e:
        return f"does not load: {e.diagnostics[0].code} {e.diagnostics[0].message}"


def _spec_blob(oid: str | None, folder: str, name: str) -> Spec | str | None:
    """A spec as git holds it, loaded as lexdraft loads specs (its size asked first), or why it does not load."""
    if oid is None:
        return None
    if sizes([oid], "the base")[oid] > MAX_BYTES:
        return f"does not load: E002 over {MAX_BYTES:,} bytes"
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, name)
    Path(path).write_bytes(git("cat-file", "blob", oid))
    return _load(path)


def _spec_file(top: str, path: str) -> Spec | str | None:
    """A spec in the working tree; a link leading out of the repository is not read."""
    where = os.path.join(top, path)
    if not os.path.lexists(where):
        return None
    if not Path(os.path.realpath(where)).is_relative_to(top):
        return "is a link that leads outside the repository: it is not read"
    return _load(where)


def _moves(old: Spec | str | None, new: Spec | str | None, provisions: list[Provision]) -> tuple[str, ...]:
    if isinstance(new, str):
        return (f"the new spec {new}",)
    if new is None:
        return ("the spec is gone: its article is no longer checked",)
    if isinstance(old, str) or old is None:
        return (f"{new.article} is checked under the new spec", )
    out = []
    for jurisdiction, provs in sorted(by_jurisdiction(provisions).items()):
        before = {v.requirement.id: v.verdict for v in check(old, provs).verdicts}
        for v in check(new, provs).verdicts:
            was = before.get(v.requirement.id)
            if was != v.verdict:
                out.append(f"{jurisdiction} {v.requirement.id}: {was or 'absent'} -> {v.verdict}")
    return tuple(out)


def changes(commit: str, staged: bool, top: str, provisions: list[Provision],
            more: tuple[str, ...] = ()) -> list[RuleChange]:
    """Each rule file that differs between the base and the new side, with what would move on the new drafts;
    `more` are the settings files and pack folders beyond the usual places, relative to the top."""
    old = at_commit(commit, more)
    new = in_index(more) if staged else in_working_tree(top, more)
    out = []
    with tempfile.TemporaryDirectory(prefix="lexdraft-rules-") as folder:
        for path in sorted(old.keys() | new.keys()):
            a, b = old.get(path), new.get(path)
            if a == b:
                continue
            kind = "added" if a is None else "removed" if b is None else "changed"
            moves: tuple[str, ...] = ()
            if path.startswith("conformance/") and path.count("/") == 1 and path.endswith(".yaml"):  # an article's
                name = os.path.basename(path)
                before = _spec_blob(a, os.path.join(folder, "old"), name)
                after = _spec_blob(b, os.path.join(folder, "new"), name) if staged else _spec_file(top, path)
                moves = _moves(before, after, provisions)
            out.append(RuleChange(path, kind, moves))
    return out
