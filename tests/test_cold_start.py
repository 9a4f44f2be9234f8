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


def test_a_check_without_the_cache_hashes_none_of_lexdraft(monkeypatch, capsys, cache_home: Path) -> None:
    """`--no-cache` names drafts only while the command runs: the digest of lexdraft's code, grammar, vocabulary,
    packs and specs that keys the cache is never made, and the report is the one a check with the cache prints."""
    from lexdraft import cli
    from lexdraft.language import stored

    def never(*args: object) -> str:
        raise AssertionError("hashed lexdraft's code")

    with_cache = cli.main(["check", str(DRAFT)]), capsys.readouterr().out
    monkeypatch.setattr(stored, "_environment", never)
    assert (cli.main(["check", str(DRAFT), "--no-cache"]), capsys.readouterr().out) == with_cache
    monkeypatch.undo()
    assert stored.environment() != ""  # the command over, the store is wanted again
