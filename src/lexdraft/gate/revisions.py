"""The drafts as git holds them, at a revision or in the index: read with plumbing, never checked out, never trusted.

What a pull request's author controls here is the content of both trees. So a link is followed inside the
repository's own tree (never to the disk), a blob's size is asked before it is loaded, a submodule named like a
draft is skipped, and a draft that cannot be loaded is that one draft's problem. What the gate cannot read at all
(an unknown revision, a missing object) stops it with E503: a base it cannot see is never an empty one.
"""

from __future__ import annotations

import os
import posixpath
import subprocess
from dataclasses import dataclass, field
from datetime import UTC, datetime

from ..diagnostics import Diagnostic, LexdraftError, Span, fail
from ..pipeline import DECISIONS, SUFFIX, DraftSet, load_sources
from ..source import MAX_BYTES, decode_text, read_bytes

LINK, SUBMODULE = "120000", "160000"
NO_COMMIT = "0" * 40  # git's name for no commit: the base of a repository's first commit
OUTSIDE_HINT = "a draft is a file of the repository; copy its text in, or name the draft itself"
MAX_HOPS = 8  # a link to a link …: git itself gives up at 40; a drafts repository needs one


def git(*args: str, stdin: bytes | None = None) -> bytes:
    """Run git in the current folder; its failures become located errors with git's own reason, never tracebacks."""
    try:
        done = subprocess.run(["git", *args], input=stdin, capture_output=True, check=False)
    except FileNotFoundError:
        raise fail("E501", "git is not installed", None, "the gate reads the base revision with git") from None
    if done.returncode != 0:
        lines = [x.strip() for x in done.stderr.decode("utf-8", "replace").splitlines() if x.strip()]
        if any("not a git repository" in x for x in lines):
            raise fail("E502", "not inside a git repository", None,
                       "run the gate from a checkout of the drafts' repository")
        # git's reason is its first fatal: or error: line; what follows is advice (safe.directory, say)
        reason = next((x for x in lines if x.startswith(("fatal:", "error:"))), lines[0] if lines else "")
        hints = ["check the revision and the paths"]
        if "dubious ownership" in reason:
            hints = [("the repository belongs to another user: git refuses it until it is marked safe "
                      "(git config --global --add safe.directory PATH), which only its owner should decide")]
        raise LexdraftError([Diagnostic("E503", f"git {args[0]} failed: {reason or done.returncode}", None,
                                        tuple(hints))])
    return done.stdout


def resolve(rev: str) -> str:
    """The commit a revision names (E503 when it names none, or names one by searching commit messages)."""
    git("rev-parse", "--show-toplevel")  # E502 outside a repository, and git's reason (dubious ownership) first
    if ":" in rev or "^{/" in rev:
        # `:/text` and `REV^{/text}` pick the newest commit whose message matches: a message anyone can write
        raise fail("E503", f"revision {rev!r} searches commit messages or names a path", None,
                   "name the base by commit, branch or tag, e.g. origin/main or a commit id")
    try:
        return git("rev-parse", "--verify", "--quiet", "--end-of-options", f"{rev}^{{commit}}").decode().strip()
    except LexdraftError:
        raise fail("E503", f"unknown revision {rev!r}", None,
                   "give a commit, branch or tag, e.g. HEAD~1 or origin/main; a CI checkout needs the history "
                   "(actions/checkout with fetch-depth: 0)") from None


def commit_time(rev: str) -> str:
    """The committer time of a revision, UTC, as YYYY-MM-DDTHH:MM:SS: a timestamp that keeps outputs reproducible."""
    try:
        seconds = int(git("log", "-1", "--format=%ct", rev, "--").decode().strip() or 0)
    except LexdraftError:  # a repository without a commit yet: its first commit is being made
        seconds = 0
    return datetime.fromtimestamp(seconds, UTC).strftime("%Y-%m-%dT%H:%M:%S")


def base_commit(rev: str) -> str:
    """The commit of the base; NO_COMMIT when it is HEAD before the repository's first commit (a pre-commit hook on
    it), which holds no drafts. Any other revision that names nothing is E503."""
    git("rev-parse", "--show-toplevel")
    unborn = subprocess.run(["git", "rev-parse", "--verify", "--quiet", "HEAD^{commit}"], capture_output=True,
                            check=False).returncode != 0
    if unborn:
        branch = subprocess.run(["git", "symbolic-ref", "--quiet", "--short", "HEAD"], capture_output=True,
                                check=False).stdout.decode("utf-8", "replace").strip()
        if rev in ("HEAD", "@", branch):
            return NO_COMMIT
    return resolve(rev)


def toplevel() -> str:
    return os.path.realpath(git("rev-parse", "--show-toplevel").decode("utf-8", "surrogateescape").strip())


# ------------------------------------------------------------------ one tree: a commit's, or the index

@dataclass(frozen=True)
class Entry:
    mode: str
    oid: str
    path: str  # as git prints it: relative to the current folder


@dataclass
class Tree:
    """A commit's tree (commit set) or the index (commit None), listed under some paths."""

    commit: str | None
    prefix: str  # the current folder, relative to the repository's top
    entries: list[Entry]
    label: str

    def lookup(self, top_path: str) -> Entry | None:
        """One path of the whole tree, relative to the repository's top."""
        spec = f":(top,literal){top_path}"
        if self.commit is None:
            found = _index_entries(git("ls-files", "-s", "-z", "--", spec))
        else:
            found = _tree_entries(git("ls-tree", "-z", "--full-tree", self.commit, "--", top_path))
        return found[0] if found else None


def _tree_entries(listed: bytes) -> list[Entry]:
    out = []
    for record in listed.decode("utf-8", "surrogateescape").split("\0"):
        if record:
            meta, path = record.split("\t", 1)
            mode, _, oid = meta.split()
            out.append(Entry(mode, oid, path))
    return out


def _index_entries(listed: bytes) -> list[Entry]:
    out = []
    for record in listed.decode("utf-8", "surrogateescape").split("\0"):
        if record:
            meta, path = record.split("\t", 1)
            mode, oid, stage = meta.split()
            if stage != "0":
                raise fail("E503", f"{path} has an unresolved merge conflict", None,
                           "resolve the conflict and stage the draft, then commit")
            out.append(Entry(mode, oid, path))
    return out


def _prefix() -> str:
    return git("rev-parse", "--show-prefix").decode("utf-8", "surrogateescape").strip()


def at_commit(commit: str, paths: list[str], label: str) -> Tree:
    listed = git("ls-tree", "-r", "-z", commit, "--", *paths)
    return Tree(commit, _prefix(), _tree_entries(listed), label)


def in_index(paths: list[str]) -> Tree:
    listed = git("ls-files", "-s", "-z", "--", *paths)
    return Tree(None, _prefix(), _index_entries(listed), "the index")


def sizes(oids: list[str], label: str) -> dict[str, int]:
    """Each object's size, asked of git before any is loaded; a missing object is a tree git cannot read."""
    if not oids:
        return {}
    out = {}
    for line in git("cat-file", "--batch-check", stdin="".join(o + "\n" for o in oids).encode()).decode().splitlines():
        parts = line.split()
        if len(parts) != 3:
            raise fail("E503", f"git cannot read {label}: object {parts[0]} is missing", None,
                       "the repository is incomplete (a shallow or partial clone?); fetch the history")
        out[parts[0]] = int(parts[2])
    return out


def _blobs(oids: list[str]) -> dict[str, bytes]:
    """The objects' contents, in one git process."""
    if not oids:
        return {}
    data = git("cat-file", "--batch", stdin="".join(o + "\n" for o in oids).encode())
    out, at = {}, 0
    for oid in oids:
        header_end = data.index(b"\n", at)
        size = int(data[at:header_end].split()[2])
        out[oid] = data[header_end + 1: header_end + 1 + size]
        at = header_end + 1 + size + 1
    return out


def _head(oid: str, most: int = 4096) -> bytes:
    """The first bytes of a blob too large to load, for quoting its first line."""
    with subprocess.Popen(["git", "cat-file", "blob", oid], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL) as p:
        assert p.stdout is not None
        head = p.stdout.read(most)
        p.kill()
    return head


# ------------------------------------------------------------------ the drafts a tree holds

@dataclass
class Stored:
    """The drafts of a tree: their texts, the ones that cannot be loaded (each alone), and what was skipped."""

    texts: list[tuple[str, str]] = field(default_factory=list)  # (path, text), sorted, each blob once
    problems: list[Diagnostic] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    shown: dict[str, str] = field(default_factory=dict)  # what the problems quote, for every path they name
    # each text by its path (with its bytes) and by its blob: the other side reads a file unchanged without decoding
    read: dict[str, tuple[bytes, str]] = field(default_factory=dict)
    by_oid: dict[str, str] = field(default_factory=dict)


def _first(path: str) -> Span:
    return Span(path, 1, 1, 1, 2)


def _follow(tree: Tree, entry: Entry) -> tuple[Entry | None, str, Diagnostic | None]:
    """A link's final target in the same tree (its top-relative path), or why it is not read."""
    here = posixpath.normpath(posixpath.join(tree.prefix, entry.path))
    current = entry
    for _ in range(MAX_HOPS):
        if sizes([current.oid], tree.label)[current.oid] > 4096:
            return None, here, Diagnostic("E001", f"{entry.path} is a link too long to be one", None)
        text = _blobs([current.oid])[current.oid].decode("utf-8", "surrogateescape")
        joined = posixpath.normpath(posixpath.join(posixpath.dirname(here), text))
        if text.startswith("/") or joined == ".." or joined.startswith("../"):
            return None, here, Diagnostic(
                "E001", f"{entry.path} is a link that leads outside the repository: it is not read", None,
                (OUTSIDE_HINT,))
        found = tree.lookup(joined)
        if found is None or found.mode == SUBMODULE or found.mode.startswith("04"):
            return None, joined, Diagnostic(
                "E001", f"{entry.path} is a link to nothing in {tree.label} (it reads {text})", None,
                ("point the link at a draft of the repository, or name the draft itself",))
        if found.mode != LINK:
            return found, joined, None
        current, here = found, joined
    return None, here, Diagnostic("E001", f"{entry.path} is a chain of links too long to follow (a loop?)", None,
                                  ("point the link at the draft itself",))


def drafts_of(tree: Tree, other: Stored | None = None) -> Stored:
    """Every draft the tree holds under the paths listed, and the reviewer decisions beside them, as text; each
    failure belongs to its one file. A blob `other` tree's drafts hold too (by object id) is not decoded again."""
    stored = Stored()
    chosen: dict[str, tuple[str, Entry]] = {}  # top-relative target -> (the name first in order, its blob)
    for entry in sorted(tree.entries, key=lambda e: e.path):
        if not entry.path.endswith(SUFFIX) and posixpath.basename(entry.path) != DECISIONS:
            continue
        if entry.mode == SUBMODULE:
            stored.notes.append(f"{entry.path} is a submodule, not a draft: skipped")
            continue
        if entry.mode == LINK:
            target, where, problem = _follow(tree, entry)
            if problem is not None or target is None:
                stored.problems.append(problem or Diagnostic("E001", f"{entry.path} cannot be read", None))
                continue
            chosen.setdefault(where, (entry.path, target))  # as the working tree reads a link: its target, once
            continue
        chosen.setdefault(posixpath.normpath(posixpath.join(tree.prefix, entry.path)), (entry.path, entry))
    named = sorted(chosen.values(), key=lambda x: x[0])
    size = sizes(sorted({e.oid for _, e in named}), tree.label)
    small = _blobs(sorted({e.oid for _, e in named if size[e.oid] <= MAX_BYTES}))
    for path, entry in named:
        data = small.get(entry.oid)
        if data is None:  # over the limit: never loaded; the first line is quoted from its first bytes
            head = _head(entry.oid)
            stored.shown[path] = head.split(b"\n", 1)[0].decode("utf-8", "replace")
            stored.problems.append(Diagnostic(
                "E002", f"file is {size[entry.oid]:,} bytes; drafts are limited to {MAX_BYTES:,}", _first(path),
                ("split the file: one provision or interpretation per file is usual",)))
            continue
        try:
            text = other.by_oid.get(entry.oid) if other is not None else None
            text = decode_text(data, path, "draft") if text is None else text
        except LexdraftError as e:
            stored.shown[path] = data.decode("utf-8-sig", "replace").replace("\r\n", "\n").replace("\r", "\n")
            stored.problems.extend(e.diagnostics)
            continue
        stored.shown[path] = text  # what decoding with replacements would give: the bytes are UTF-8
        stored.texts.append((path, text))
        stored.read[path] = (data, text)
        stored.by_oid[entry.oid] = text
    return stored


def as_stored(path: str, stored: Stored) -> str | None:
    """The text of the draft at `path` in the working tree when its bytes are those `stored` read under the same
    name (decoded once for both sides), else None: the caller reads it (pipeline.load_sources)."""
    known = stored.read.get(path)
    if known is None:
        return None
    try:
        data, _ = read_bytes(path, "draft")
    except LexdraftError:
        return None  # the caller's reading says why
    return known[1] if data == known[0] else None


def load_each(texts: list[tuple[str, str]],
              sketch: frozenset[str] = frozenset()) -> tuple[DraftSet, list[Diagnostic], list[Diagnostic]]:
    """Parse and lint drafts as one set, leaving out each draft that has an error (and then any that only it made
    valid): the set, its warnings, and the errors of the drafts left out. A draft whose address is among `sketch`
    may come sketched (pipeline.load_sources)."""
    problems: list[Diagnostic] = []
    while True:
        try:
            drafts, warnings = load_sources(list(texts), sketch=sketch or False)
        except LexdraftError as e:
            problems.extend(d for d in e.diagnostics if d not in problems)
            broken = {d.span.file for d in e.diagnostics if d.span is not None}
            if any(d.span is None for d in e.diagnostics) or not broken & {p for p, _ in texts}:
                raise  # an error no draft owns: the set cannot be read, and is never taken for an empty one
            texts = [(p, t) for p, t in texts if p not in broken]
            continue
        return drafts, warnings, problems
