"""No module of the package runs code it reads: no eval or exec, and YAML only through yaml.SafeLoader."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

SOURCES = sorted((Path(__file__).resolve().parents[1] / "src" / "lexdraft").rglob("*.py"))

# Entry points of PyYAML that build arbitrary Python objects unless given a safe loader.
UNSAFE_YAML = {"load", "load_all", "unsafe_load", "unsafe_load_all", "full_load", "full_load_all", "add_constructor",
               "Loader", "UnsafeLoader", "FullLoader", "CLoader", "CUnsafeLoader", "CFullLoader", "BaseLoader"}
SAFE_LOADERS = {"SafeLoader", "CSafeLoader"}
# Entry points that are safe only with Loader=SafeLoader.
NEEDS_LOADER = {"compose", "compose_all", "parse", "scan"}


def problems(source: str) -> list[str]:
    """Every use of eval, exec or unsafe YAML in a module's source, as `line: what`."""
    found = [f"{n}: {m.group(0)}" for n, line in enumerate(source.split("\n"), start=1)
             for m in re.finditer(r"\b(?:eval|exec)\s*\(|\byaml\.(?:unsafe_load|load)\b", line)]
    tree = ast.parse(source)
    assigned = {t.id: node.value for node in tree.body if isinstance(node, ast.Assign)
                for t in node.targets if isinstance(t, ast.Name)}
    aliases = {a.asname or a.name for node in ast.walk(tree) if isinstance(node, ast.Import)
               for a in node.names if a.name == "yaml"}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "yaml":
            found += [f"{node.lineno}: from yaml import {a.name}" for a in node.names
                      if a.name in UNSAFE_YAML | NEEDS_LOADER or a.name == "*"]
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id in ("eval", "exec"):
            found.append(f"{node.lineno}: {node.func.id}()")
        elif (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name) and node.value.id in aliases
              and node.attr in UNSAFE_YAML):
            found.append(f"{node.lineno}: yaml.{node.attr}")
        if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id in aliases
                and node.func.attr in NEEDS_LOADER
                and not _safe_loader(next((k.value for k in node.keywords if k.arg == "Loader"), None), assigned)):
            found.append(f"{node.lineno}: yaml.{node.func.attr} without Loader=yaml.SafeLoader")
    return sorted(set(found))


def _safe_loader(node: ast.expr | None, assigned: dict[str, ast.expr]) -> bool:
    """yaml.SafeLoader or yaml.CSafeLoader, directly, through a module-level name, or as getattr's lookup of one."""
    if isinstance(node, ast.Name) and node.id in assigned:
        return _safe_loader(assigned[node.id], {})
    if isinstance(node, ast.Attribute):
        return node.attr in SAFE_LOADERS
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "getattr":
        name = node.args[1] if len(node.args) > 1 else None
        default = node.args[2] if len(node.args) > 2 else None
        return isinstance(name, ast.Constant) and name.value in SAFE_LOADERS and _safe_loader(default, {})
    return False


def test_there_are_sources() -> None:
    assert len(SOURCES) > 10


@pytest.mark.parametrize("path", SOURCES, ids=[p.name for p in SOURCES])
def test_no_eval_exec_or_unsafe_yaml(path: Path) -> None:
    assert problems(path.read_text(encoding="utf-8")) == []


def test_yaml_is_read_with_the_safe_loader() -> None:
    readers = [p for p in SOURCES
               if re.search(r"^\s*(?:import yaml|from yaml )", p.read_text(encoding="utf-8"), re.MULTILINE)]
    assert readers, "some module reads YAML"
    for path in readers:
        assert "yaml.SafeLoader" in path.read_text(encoding="utf-8"), path.name


@pytest.mark.parametrize(("source", "expected"), [
    ("x = eval('1')", ["1: eval(", "1: eval()"]),
    ("exec (code)", ["1: exec (", "1: exec()"]),
    ("import yaml\nyaml.load(s)", ["2: yaml.load"]),
    ("import yaml as y\ny.unsafe_load(s)", ["2: yaml.unsafe_load"]),
    ("import yaml\nyaml.compose(s)", ["2: yaml.compose without Loader=yaml.SafeLoader"]),
    ("import yaml\nyaml.compose(s, Loader=yaml.FullLoader)",
     ["2: yaml.FullLoader", "2: yaml.compose without Loader=yaml.SafeLoader"]),
    ("from yaml import load", ["1: from yaml import load"]),
    ("import yaml\nyaml.compose(s, Loader=yaml.SafeLoader)\nyaml.safe_load(s)", []),
    ("import yaml\nL = getattr(yaml, 'CSafeLoader', yaml.SafeLoader)\nyaml.compose(s, Loader=L)", []),
    ("import yaml\nL = getattr(yaml, 'CLoader', yaml.SafeLoader)\nyaml.compose(s, Loader=L)",
     ["3: yaml.compose without Loader=yaml.SafeLoader"]),
    ("def evaluate(x): return x.retrieval(1)", []),
], ids=["eval", "exec", "yaml.load", "alias", "compose", "full-loader", "from-import", "safe", "c-safe-loader",
        "c-loader", "lookalike"])
def test_the_check_finds_what_it_looks_for(source: str, expected: list[str]) -> None:
    assert problems(source) == expected
