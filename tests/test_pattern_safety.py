"""A pack's numbering and items patterns are matched in time linear in the id (lexdraft.packs.patterns): a pack is
data a drafting office writes, a local pack and the language server read it directly, and Python's backtracking
matcher takes exponential time on ([0-9]+)+ and a crafted id it does not match. RE2 matches what Python's `re`
matches, whole, on what a numbering pattern writes; what it refuses is a located E702 (tests/bad/packs)."""

from __future__ import annotations

import re
import subprocess
import sys
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lexdraft.packs.patterns import Unsafe, compiled

HERE = Path(__file__).resolve().parent

# patterns a pack may write, and the ReDoS shapes: nested repeats, overlapping alternatives, empty loops
_ATOMS = st.sampled_from(["a", "b", "1", "-", ".", "[a-c]", "[^a]", "[0-9]", r"\d", r"\w", "(?i:A)", "(?:)"])


def _regex(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.one_of(
        st.tuples(children, children).map("".join),
        st.tuples(children, children).map(lambda p: f"({p[0]}|{p[1]})"),
        st.tuples(children, st.sampled_from(["*", "+", "?", "{2}", "{0,3}", "{1,}", "*?", "+?"])).map(
            lambda p: f"(?:{p[0]}){p[1]}"))


PATTERNS = st.recursive(_ATOMS, _regex, max_leaves=8)
TEXTS = st.text(alphabet="ab1A-c", max_size=10)


@settings(max_examples=400, deadline=None)
@given(PATTERNS, TEXTS)
def test_re2_matches_what_python_matches_whole(pattern: str, text: str) -> None:
    assert bool(compiled(pattern).fullmatch(text)) == bool(re.fullmatch(pattern, text))


@pytest.mark.parametrize("pattern", ["([0-9]+)+(-[0-9]+)*", "(a|a)*b", "(a|aa)+", "((a*)*)*b", "(\\d|[0-9])*-"])
def test_a_crafted_id_is_matched_in_linear_time(pattern: str) -> None:
    """Python's own matcher takes seconds on 24 characters of the first; here 100,000 take well under one."""
    text = ("1" if "0-9" in pattern or "\\d" in pattern else "a") * 100_000 + "x"
    start = time.process_time()
    assert not compiled(pattern).fullmatch(text)
    assert time.process_time() - start < 1.0


@pytest.mark.parametrize(("pattern", "what"), [
    (r"([a-z])\1", "invalid escape"), ("(?=1)1", "invalid perl operator"), ("(?>1)", "invalid perl operator"),
    ("1++", "bad repetition operator"), ("(1)?(?(1)a|b)", "invalid perl operator"),
    ("1{0,100000}", "invalid repetition size"), ("(1{1,100}){1,100}", "invalid repetition size"),
    ("((){0,1999}){0,1999}", "invalid repetition size"),
    ("[0-9", "not a regular expression: unterminated character set"),
    ("1{0,4294967295}", "too large"), ("(" * 3000 + ")" * 3000, "too large")])
def test_what_re2_cannot_run_in_linear_time_is_refused_with_its_reason(pattern: str, what: str) -> None:
    with pytest.raises(Unsafe, match=re.escape(what)):
        compiled(pattern)


@pytest.mark.parametrize("pattern", ["^[0-9]+$", r"[0-9]+\b", "1(?:){0,999}", "(" * 300 + "1" + ")" * 300])
def test_what_runs_in_linear_time_is_taken(pattern: str) -> None:
    """Anchors, empty repeats and deep nesting cost RE2 nothing, and a pack may write them."""
    assert compiled(pattern).fullmatch("1")


def test_a_check_of_a_crafted_id_against_an_office_pack_ends(tmp_path: Path) -> None:
    """End to end, as a drafting office's pack and a hostile draft meet: with Python's matcher, this check ran for
    hours (2^40 ways to split the digits); now it is E220 at once."""
    packs = tmp_path / "packs"
    pack = (HERE / "packs" / "yy" / "pack.yaml").read_text(encoding="utf-8")
    (packs / "yy").mkdir(parents=True)
    (packs / "yy" / "pack.yaml").write_text(pack.replace("'[0-9]{1,4}(-[0-9]{1,3})*'", "'([0-9]+)+(-[0-9]+)*'"),
                                            encoding="utf-8")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    ident = "yy.penal-code." + "1" * 40 + "x"
    (tmp_path / "a.lexd").write_text(f'provision {ident} {{\n  jurisdiction yy\n  status in-force\n}}\n',
                                     encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "lexdraft", "check", "a.lexd"], cwd=tmp_path, capture_output=True,
                          text=True, timeout=120, env={"LEXDRAFT_CACHE_MB": "0", "PATH": ""}, check=False)
    assert done.returncode == 2, done.stderr
    assert f"a.lexd:1:11: error[E220]: cannot find an article number in the id '{ident}'" in done.stderr
