"""A check loads only what checking reads: not the review and its amendments, not the page composer, not the
templates (a review or a rendering reads them), and no numerals library."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent.parent / "bench"
NOT_READ = ("cn2an", "jinja2", "lexdraft.treaty.amend", "lexdraft.treaty.review", "lexdraft.wording.pages")
PROBE = ("import sys\nfrom lexdraft.cli import main\ncode = main(['check', '--no-cache', *sys.argv[1:]])\n"
         f"print(code, sorted(m for m in sys.modules if m in {NOT_READ!r}), file=sys.stderr)")


def test_a_one_file_check_reads_neither_the_review_nor_the_pages(tmp_path: Path) -> None:
    # the benchmark's synthetic drafts: ages graded (in Chinese numerals), incitement through the general part
    spec = importlib.util.spec_from_file_location("lexdraft_bench_corpus", BENCH / "corpus.py")
    assert spec is not None and spec.loader is not None
    corpus = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = corpus  # dataclasses look their module up while the class is made
    spec.loader.exec_module(corpus)
    corpus.write_corpus(tmp_path / "drafts", 50, 2024)
    one = min((tmp_path / "drafts").rglob("articles-*.lexd"))
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-c", PROBE, str(one), "--against", "uncc.16", "--against", "uncc.14"],
                          capture_output=True, text=True, env=env, check=False, timeout=300)
    code, loaded = done.stderr.strip().splitlines()[-1].split(" ", 1)
    assert code in ("0", "1")  # a check that ran (1: a draft does not conform), not an error
    assert loaded == "[]"
