"""What a command does not need is not imported: a check of drafts the cache holds never loads the parser."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

DRAFT = Path(__file__).resolve().parents[1] / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"
PROBE = ("import sys\nfrom lexdraft.cli import main\nmain(['check', sys.argv[1]])\n"
         "print(sorted(m for m in sys.modules if m == 'lark' or m == 'lexdraft.language.parse'), file=sys.stderr)")


def _loaded(tmp_path: Path) -> str:
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PROBE, str(DRAFT)], capture_output=True, text=True,
                          env=env, check=False, timeout=300)
    return done.stderr.strip().splitlines()[-1]


def test_a_check_of_cached_drafts_never_loads_the_parser(tmp_path: Path) -> None:
    assert _loaded(tmp_path) == "['lark', 'lexdraft.language.parse']"  # the first check parses the draft
    assert _loaded(tmp_path) == "[]"  # the second finds it in the cache
