"""A grammar fuzz over the bundled drafts: each case deletes, duplicates or swaps tokens and lines, truncates, or
inserts random bytes (a fixed seed, so every run is the same), and parse, check, render and fmt run on it in-process
through the command line's entry. Each must end in a documented exit code (0, 1 or 2; never 3, an internal error)
and, where it refuses the draft, say where: file:line:col, the line, a caret and a hint; never a traceback."""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from test_bad_inputs import LOCATED, UNLOCATED
from test_control_characters import ACTS

from lexdraft.cli import main

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted((ROOT / "drafts").rglob("*.lexd"))
SEED = 20261207
CASES = 300  # ~10 s on an idle machine for the four commands of every case
GROUPS = 10  # test items, so that a failure names a few cases, not all of them


@dataclass(frozen=True)
class Case:
    n: int
    source: Path  # the bundled draft mutated
    mutations: tuple[str, ...]
    data: bytes


def _mutate(rng: random.Random, data: bytes) -> tuple[str, bytes]:
    """One mutation of a draft's bytes: of its lines, of its blank-separated tokens, a cut, or random bytes."""
    kind = rng.choice(["delete-line", "duplicate-line", "swap-lines", "delete-token", "duplicate-token",
                       "swap-tokens", "truncate", "insert-bytes"])
    if kind == "truncate":
        return kind, data[:rng.randrange(len(data) + 1)]
    if kind == "insert-bytes":
        at = rng.randrange(len(data) + 1)
        return kind, data[:at] + bytes(rng.randrange(256) for _ in range(rng.randint(1, 4))) + data[at:]
    sep = b"\n" if kind.endswith(("line", "lines")) else b" "
    parts = data.split(sep)
    if len(parts) < 2:
        return kind, data
    i, j = rng.randrange(len(parts)), rng.randrange(len(parts))
    if kind.startswith("delete"):
        del parts[i]
    elif kind.startswith("duplicate"):
        parts.insert(j, parts[i])
    else:
        parts[i], parts[j] = parts[j], parts[i]
    return kind, sep.join(parts)


def cases() -> Iterator[Case]:
    rng = random.Random(SEED)
    for n in range(CASES):
        source = rng.choice(DRAFTS)
        data, done = source.read_bytes(), []
        for _ in range(rng.randint(1, 3)):
            kind, data = _mutate(rng, data)
            done.append(kind)
        yield Case(n, source, tuple(done), data)


ALL = list(cases())


def _argvs(path: Path, source: Path) -> list[list[str]]:
    """A proposal is read with the law in force it amends or names, as a drafter runs it."""
    context = ["--with", str(source.parent.parent / "in-force")] if source.parent.name == "proposed" else []
    return [["parse", str(path), *context, "--no-cache"], ["check", str(path), *context, "--no-cache"],
            ["render", str(path), *context, "--no-cache"], ["fmt", str(path)]]


def _problems(argv: list[str], code: int, out: str, err: str, path: Path) -> list[str]:
    if code not in (0, 1, 2):
        return [f"exit {code}"]
    found = ["a traceback"] if "Traceback" in err else []
    found += [f"{m.group()!r} unescaped" for m in [ACTS.search(err)] if m]  # a byte inserted acts on no terminal
    if code != 2:
        return found
    errors = [line for line in err.splitlines() if "error[" in line]
    if not errors:
        found.append("exit 2 and no error")
    found += [f"not a diagnostic line: {line!r}" for line in errors
              if not (LOCATED.match(line) or UNLOCATED.match(line))]
    if not any(m["file"] == str(path) for m in LOCATED.finditer(err)):
        found.append("no error located in the file")
    for block in re.split(r"^(?=\S)", err, flags=re.MULTILINE)[1:]:
        if "error[" in block.split("\n")[0] and "\n  = hint: " not in block:
            found.append(f"no hint: {block.splitlines()[0]!r}")
        if LOCATED.match(block) and not re.search(r"\n +\| +\^", block):
            found.append(f"no caret: {block.splitlines()[0]!r}")
    if argv[0] != "fmt" and out:
        found.append("exit 2 with output")
    return found


@pytest.mark.parametrize("group", range(GROUPS))
def test_mutated_drafts_end_in_a_documented_code_with_a_located_message(
        group: int, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    failures = []
    for case in ALL[group::GROUPS]:
        folder = tmp_path / str(case.n)
        folder.mkdir()
        path = folder / case.source.name
        path.write_bytes(case.data)
        for argv in _argvs(path, case.source):
            capsys.readouterr()
            code = main(argv)
            out, err = capsys.readouterr()
            for problem in _problems(argv, code, out, err, path):
                failures.append(f"case {case.n} ({case.source.relative_to(ROOT)}, {'+'.join(case.mutations)}), "
                                f"{argv[0]}: {problem}\n{err[-600:]}")
    assert not failures, "\n".join(failures[:5])


def test_the_fuzz_is_deterministic_and_reaches_every_stage() -> None:
    """The same seed makes the same cases; they mutate every kind of way, and enough of them still parse that the
    checker and the renderer run on mutated drafts too, not only the parser's errors."""
    assert [(c.source, c.mutations, c.data) for c in cases()] == [(c.source, c.mutations, c.data) for c in ALL]
    kinds = {k for c in ALL for k in c.mutations}
    assert kinds == {"delete-line", "duplicate-line", "swap-lines", "delete-token", "duplicate-token", "swap-tokens",
                     "truncate", "insert-bytes"}
    assert len({c.source for c in ALL}) >= len(DRAFTS) * 3 // 4
