"""bench/mutation.py, loaded once for the tests that read it (a script's module rather than part of the package)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("lexdraft_bench_mutation",
                                               Path(__file__).resolve().parent.parent / "bench" / "mutation.py")
assert _spec is not None and _spec.loader is not None
M = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = M  # dataclasses look their module up while the class is made
_spec.loader.exec_module(M)
