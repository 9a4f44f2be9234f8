"""Code-level mutation of the checker core: flip one comparison, boolean operator, `not`, truth value or small integer
in src/lexdraft/treaty/ at a time and run the tests that check verdicts; a mutant the tests let pass is a survivor.

Run from the repository root: `python bench/code_mutation.py --sample 40` (a deterministic sample of the mutants,
spread evenly over the modules: every k-th of each module's list, in source order) or `--list` to count them. Each
mutant runs in a copy of the repository made once under a temporary folder (the working tree is never touched),
with its own cache folder and no bytecode, and is killed when the targeted tests fail or run out of time. No
dependency beyond pytest: mutmut and cosmic-ray rewrite the tree or need a database and a runner of their own, and
the two cores this project's machines have allow a sample, not the thousands of mutants a full run makes.
"""

from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MODULES = ("src/lexdraft/treaty/conformance.py", "src/lexdraft/treaty/conditions.py",
           "src/lexdraft/treaty/reach.py", "src/lexdraft/treaty/facts.py")
# The tests that read verdicts and their reasons, fastest and broadest first (pytest stops at the first failure).
# The goldens (tests/test_review.py, tests/test_atlas.py) and the counterexample search's tests kill more, slowly.
TESTS = ("tests/test_conditions.py", "tests/test_conformance.py", "tests/test_verdicts.py", "tests/test_reasoning.py",
         "tests/test_coverage.py", "tests/test_elements.py", "tests/test_mutation_score.py",
         "tests/test_victims_of_one_sex.py", "tests/test_code_mutants.py", "tests/test_unseen_statutes.py",
         "tests/test_participation.py", "tests/test_administrative.py")
COPIED = ("src", "tests", "vocabulary", "conformance", "grammar", "packs", "templates", "drafts", "bench", "schemas",
          "docs", "editors", "README.md", "pyproject.toml")

FLIP_COMPARE = {ast.Lt: ast.LtE, ast.LtE: ast.Lt, ast.Gt: ast.GtE, ast.GtE: ast.Gt, ast.Eq: ast.NotEq,
                ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot, ast.IsNot: ast.Is}


@dataclass(frozen=True)
class Mutant:
    module: str
    line: int
    what: str  # e.g. "< -> <=", "and -> or", "drop not", "True -> False", "2 -> 3"
    index: int  # which of the module's mutation sites, in the order _sites finds them


def _sites(tree: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """Every place one operator or constant can be flipped, with what the flip is, in a fixed order."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Compare):
            for i, op in enumerate(node.ops):
                if type(op) in FLIP_COMPARE:
                    yield node, f"cmp{i}"
        elif isinstance(node, ast.BoolOp):
            yield node, "boolop"
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            yield node, "not"
        elif isinstance(node, ast.Constant) and isinstance(node.value, bool):
            yield node, "bool"
        elif isinstance(node, ast.Constant) and type(node.value) is int and 0 <= node.value <= 100:
            yield node, "int"


def _describe(node: ast.AST, how: str) -> str:
    if how.startswith("cmp"):
        op = node.ops[int(how[3:])]  # type: ignore[attr-defined]
        return f"{_sign(type(op))} -> {_sign(FLIP_COMPARE[type(op)])}"
    if how == "boolop":
        return "and -> or" if isinstance(node.op, ast.And) else "or -> and"  # type: ignore[attr-defined]
    if how == "not":
        return "drop not"
    value = node.value  # type: ignore[attr-defined]
    return f"{value} -> {not value}" if how == "bool" else f"{value} -> {value + 1}"


def _sign(op: type) -> str:
    return {ast.Lt: "<", ast.LtE: "<=", ast.Gt: ">", ast.GtE: ">=", ast.Eq: "==", ast.NotEq: "!=", ast.In: "in",
            ast.NotIn: "not in", ast.Is: "is", ast.IsNot: "is not"}[op]


class _Flip(ast.NodeTransformer):
    """Flips the site with the given index, leaving the rest of the module as it was."""

    def __init__(self, index: int):
        self.target = index

    def apply(self, tree: ast.AST) -> ast.AST:
        node, how = list(_sites(tree))[self.target]
        if how.startswith("cmp"):
            i = int(how[3:])
            node.ops[i] = FLIP_COMPARE[type(node.ops[i])]()  # type: ignore[attr-defined]
            return tree
        if how == "boolop":
            node.op = ast.Or() if isinstance(node.op, ast.And) else ast.And()  # type: ignore[attr-defined]
            return tree
        if how == "not":
            return _Replace(node, node.operand).visit(tree)  # type: ignore[attr-defined]
        if how == "bool":
            node.value = not node.value  # type: ignore[attr-defined]
        else:
            node.value = node.value + 1  # type: ignore[attr-defined]
        return tree


class _Replace(ast.NodeTransformer):
    def __init__(self, old: ast.AST, new: ast.AST):
        self.old, self.new = old, new

    def generic_visit(self, node: ast.AST) -> ast.AST:
        return self.new if node is self.old else super().generic_visit(node)


def mutants(modules: tuple[str, ...] = MODULES) -> list[Mutant]:
    """Every site of every module, type annotations aside (a flip there changes nothing that runs)."""
    out = []
    for module in modules:
        tree = ast.parse((ROOT / module).read_text(encoding="utf-8"))
        typed = {id(sub) for node in ast.walk(tree)
                 for ann in (getattr(node, "annotation", None), getattr(node, "returns", None)) if ann is not None
                 for sub in ast.walk(ann)}
        mine = [Mutant(module, getattr(node, "lineno", 0), _describe(node, how), i)
                for i, (node, how) in enumerate(_sites(tree)) if id(node) not in typed]
        out.extend(sorted(mine, key=lambda m: (m.line, m.index)))
    return out


def sample(all_mutants: list[Mutant], n: int) -> list[Mutant]:
    """n mutants spread evenly: each module gets a share in proportion to its sites, every k-th in source order."""
    out: list[Mutant] = []
    total = len(all_mutants)
    for module in dict.fromkeys(m.module for m in all_mutants):
        mine = [m for m in all_mutants if m.module == module]
        share = max(1, round(n * len(mine) / total))
        step = max(1, len(mine) // share)
        out.extend(mine[step // 2::step][:share])
    return out


def mutated_source(m: Mutant) -> str:
    tree = ast.parse((ROOT / m.module).read_text(encoding="utf-8"))
    return ast.unparse(ast.fix_missing_locations(_Flip(m.index).apply(tree)))


def _copy_tree(to: Path) -> None:
    for name in COPIED:
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, to / name, ignore=shutil.ignore_patterns("__pycache__", ".venv"))
        elif src.exists():
            shutil.copy(src, to / name)


def run_tests(copy: Path, tests: tuple[str, ...], timeout: float) -> tuple[bool, float, str]:
    """Whether the tests pass in the copy, how long they took, and the first failing test's id."""
    env = {**os.environ, "PYTHONPATH": str(copy / "src"), "PYTHONDONTWRITEBYTECODE": "1",
           "XDG_CACHE_HOME": str(copy / ".cache")}
    shutil.rmtree(copy / ".cache", ignore_errors=True)
    start = time.monotonic()
    try:
        done = subprocess.run([sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests],
                              cwd=copy, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    except subprocess.TimeoutExpired:
        return False, time.monotonic() - start, "(timed out)"
    failed = next((line.split(" ")[1] for line in done.stdout.splitlines() if line.startswith("FAILED ")), "")
    return done.returncode == 0, time.monotonic() - start, failed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sample", type=int, default=40, help="how many mutants to run (spread over the modules)")
    parser.add_argument("--list", action="store_true", help="count and list the mutants, run nothing")
    parser.add_argument("--tests", nargs="*", default=list(TESTS), help="the tests each mutant runs")
    args = parser.parse_args(argv)
    everything = mutants()
    chosen = everything if args.list else sample(everything, args.sample)
    if args.list:
        for m in chosen:
            print(f"{m.module}:{m.line}  {m.what}")
        print(f"{len(everything)} mutants")
        return 0
    with tempfile.TemporaryDirectory(prefix="lexdraft-mutants-") as tmp:
        copy = Path(tmp)
        _copy_tree(copy)
        ok, base, failed = run_tests(copy, tuple(args.tests), timeout=3600)
        if not ok:
            print(f"the tests fail before any mutation ({failed}): nothing to measure")
            return 1
        print(f"{len(everything)} mutants in {len(MODULES)} modules; running {len(chosen)} (every k-th of each "
              f"module's, in source order); the tests take {base:.0f} s unmutated", flush=True)
        survivors = []
        for m in chosen:
            target = copy / m.module
            original = target.read_text(encoding="utf-8")
            target.write_text(mutated_source(m), encoding="utf-8")
            try:
                passed, took, failed = run_tests(copy, tuple(args.tests), timeout=3 * base + 60)
            finally:
                target.write_text(original, encoding="utf-8")
            print(f"{'SURVIVED' if passed else 'killed  '}  {m.module}:{m.line}  {m.what}  ({took:.0f} s"
                  f"{', ' + failed if failed else ''})", flush=True)
            if passed:
                survivors.append(m)
        killed = len(chosen) - len(survivors)
        print(f"code mutation score: {killed} of {len(chosen)} killed ({100 * killed / max(len(chosen), 1):.1f} %)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
