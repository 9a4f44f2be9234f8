"""The package's layers: no module imports one above it in the pipeline (the contract in pyproject.toml)."""

from __future__ import annotations

import ast
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "lexdraft"


def test_layers_contract_is_kept() -> None:
    """import-linter checks every import, deferred ones inside functions included."""
    exe = shutil.which("lint-imports") or str(Path(sys.executable).parent / "lint-imports")
    done = subprocess.run([exe, "--config", str(ROOT / "pyproject.toml")], cwd=ROOT / "src", capture_output=True,
                          check=False, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "1 kept, 0 broken" in done.stdout


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_every_module_names_its_job(path: Path) -> None:
    """A newcomer reads each module's job from its first line."""
    doc = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert doc, f"{path.relative_to(ROOT)} has no docstring"
    assert len(doc.split("\n", 1)[0]) <= 120
