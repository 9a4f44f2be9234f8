"""Mutated bundled drafts through the whole pipeline (load and lint, conformance check, render in both languages):
each either succeeds or stops with LexdraftError diagnostics located in a loaded file; nothing else may escape.

tests/test_fmt.py already checks that mutated text parses or fails with located syntax errors; here the mutations
are line- and token-level, and whatever parses goes on to lint, check and render."""

from __future__ import annotations

import contextlib
import io
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from check_schema import check_json
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lark.lexer import PatternStr

from lexdraft import escape
from lexdraft.cli import main
from lexdraft.diagnostics import TAB, LexdraftError, format_all, format_diagnostic
from lexdraft.language import ast as A
from lexdraft.language.parse import parser
from lexdraft.language.vocabulary import vocabulary
from lexdraft.pipeline import known_articles, load
from lexdraft.treaty.conformance import check
from lexdraft.treaty.spec import spec_for
from lexdraft.wording.render import render

DRAFTS_DIR = Path(__file__).resolve().parent.parent / "drafts"
DRAFTS = sorted(DRAFTS_DIR.rglob("*.lexd"))
TEXTS = {p: p.read_text(encoding="utf-8") for p in DRAFTS}

# Every example is bounded (a mutated draft is a few kilobytes) and the run is the same on every machine. No deadline:
# speed is measured in bench/, and a time limit here fails on a loaded machine, not on a slow input.
PIPELINE = settings(max_examples=250, deadline=None, derandomize=True, database=None, print_blob=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _vocabulary_terms() -> list[str]:
    """Every term of the vocabulary, object-attribute values included."""
    def walk(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                if isinstance(value, dict) and not {"zh", "en"} <= set(value):
                    yield key
                    yield from walk(value)
                elif isinstance(value, dict):
                    yield key
    return sorted(set(walk(vocabulary()._data)))


KEYWORDS = sorted({t.pattern.value for t in parser().terminals if isinstance(t.pattern, PatternStr)})
TOKENS = KEYWORDS + _vocabulary_terms() + [
    "0", "3", "1000", "99999999999999999999", "prc.criminal-law.253-2", "uncc.16", "uncc.14.3.a", '"x"', '""',
    '"""\nx\n"""', "# c", "\n", "{", "}", "any {", "all {", "} per", "3..7 years", "<= 3 years", "6 months..5 years",
    "increase up-to 1/2", "increase up-to 1/0", "; fine mandatory <= 0 yuan", "zh-hant", "tier base requires",
]
MUTATIONS = ("delete-line", "duplicate-line", "swap-lines", "insert-token", "replace-word", "insert-unicode",
             "truncate", "flip-character")


@st.composite
def mutated(draw: st.DrawFn) -> tuple[Path, str]:
    """A bundled draft with one to four line- or token-level mutations."""
    path = draw(st.sampled_from(DRAFTS))
    text = TEXTS[path]
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(MUTATIONS))
        lines = text.split("\n")
        i, j = draw(st.integers(0, len(lines) - 1)), draw(st.integers(0, len(lines) - 1))
        at = draw(st.integers(0, len(text)))
        if kind == "delete-line":
            del lines[i]
        elif kind == "duplicate-line":
            lines.insert(i, lines[i])
        elif kind == "swap-lines":
            lines[i], lines[j] = lines[j], lines[i]
        if kind in ("delete-line", "duplicate-line", "swap-lines"):
            text = "\n".join(lines)
        elif kind == "insert-token":
            text = text[:at] + " " + draw(st.sampled_from(TOKENS)) + " " + text[at:]
        elif kind == "replace-word":
            words = list(re.finditer(r"[^\s{}|,;]+", text))
            if words:
                w = words[draw(st.integers(0, len(words) - 1))]
                text = text[:w.start()] + draw(st.sampled_from(TOKENS)) + text[w.end():]
        elif kind == "insert-unicode":
            text = text[:at] + draw(st.text(st.characters(codec="utf-8"), min_size=1, max_size=3)) + text[at:]
        elif kind == "truncate":
            text = text[:at]
        else:
            text = text[:at] + draw(st.characters(codec="utf-8")) + text[at + 1:]
    return path, text


@pytest.fixture(scope="module")
def folder() -> Iterator[Path]:
    """A private folder for the mutated files, the pipeline warmed up."""
    parser()
    for article in known_articles():
        spec_for(article)
    with tempfile.TemporaryDirectory(prefix="lexdraft-properties-") as d:
        yield Path(d)


def _assert_located(e: LexdraftError, texts: dict[str, str]) -> None:
    """Every diagnostic names a loaded file, a line of it and a column, has a hint, and prints that line."""
    assert e.diagnostics, "a LexdraftError carries its diagnostics"
    # The text as the reader and the printer see it: one newline convention, lines ending at \n only.
    sources = {f: t.replace("\r\n", "\n").replace("\r", "\n") for f, t in texts.items()}
    for d in e.diagnostics:
        assert d.span is not None, d
        assert d.span.file in texts, d
        lines = sources[d.span.file].split("\n")
        assert 1 <= d.span.line <= len(lines) and d.span.column >= 1, d
        assert d.hints and all(h.strip() for h in d.hints), f"no hint: {d}"
        printed = format_diagnostic(d, sources).split("\n")
        if "\x00" not in sources[d.span.file]:  # a binary file is not shown
            shown = printed[1].split(" | ", 1)[1].strip("…")
            # controls shown escaped, a tab as the spaces that keep the caret under its place
            assert shown in escape.text(lines[d.span.line - 1]).replace("\t", " " * TAB), (d, printed)
    format_all(e.diagnostics, sources)


@PIPELINE
@given(mutated())
def test_mutated_drafts_go_through_the_whole_pipeline_or_stop_with_located_errors(
        folder: Path, case: tuple[Path, str]) -> None:
    original, text = case
    path = folder / "mutated.lexd"
    path.write_text(text, encoding="utf-8")
    # The untouched drafts of the same folder give an interpretation its provision, as `lexdraft render` does.
    siblings = [p for p in sorted(original.parent.glob("*.lexd")) if p != original]
    texts = {str(path): text, **{str(p): TEXTS[p] for p in siblings}}
    try:
        drafts = load([str(path), *map(str, siblings)])
    except LexdraftError as e:
        _assert_located(e, texts)
        return
    provisions = {p.id: p for p in drafts.provisions}
    by_jurisdiction: dict[str, list[A.Provision]] = {}
    for p in drafts.provisions:
        by_jurisdiction.setdefault(p.jurisdiction.name if p.jurisdiction else "?", []).append(p)
    for provs in by_jurisdiction.values():
        for article in known_articles():
            check(spec_for(article), provs)  # a draft that lints clean is checked without error
    mine = next(f for f in drafts.files if f.path == str(path))
    for doc in mine.documents:
        for lang in ("zh", "en"):
            try:
                render(doc, lang, provisions)
            except LexdraftError as e:
                _assert_located(e, texts)


# nested conditions ----------------------------------------------------------------------------------------------
NESTED_HEAD = """provision prc.criminal-law.253-2 {
  jurisdiction prc
  status       proposed
  title        zh "罪" en "Offence"
  conduct      distribute
  means        ict-system
  object       intimate-image
  tier serious requires serious-circumstances when """
NESTED_TAIL = """
  prosecution  public
  penalty
    base    imprisonment <= 3 years
    serious imprisonment 3..7 years
}
"""
ITEMS = ["views >= 1000 views on public-platform", "disseminated-to >= 50 persons via private-group",
         "serious-consequences", "clicks >= 20000 clicks"]


@st.composite
def nested(draw: st.DrawFn) -> str:
    """A provision whose tier condition nests `any`/`all` blocks from 1 to 130 levels deep, with items at each."""
    depth = draw(st.integers(1, 130))
    modes = draw(st.lists(st.sampled_from(["any", "all"]), min_size=depth, max_size=depth))
    items = draw(st.lists(st.sampled_from(ITEMS), min_size=depth, max_size=depth))
    condition = "".join(f"{m} {{ {i} " for m, i in zip(modes, items)) + "}" * depth
    return NESTED_HEAD + condition + NESTED_TAIL


@settings(max_examples=60, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(nested())
@example(NESTED_HEAD + "any { serious-consequences " * 100 + "}" * 100 + NESTED_TAIL)  # the deepest allowed
@example(NESTED_HEAD + "all { serious-consequences " * 101 + "}" * 101 + NESTED_TAIL)  # one level too deep
def test_nested_conditions_are_checked_and_rendered_or_too_deep(folder: Path, text: str) -> None:
    path = folder / "nested.lexd"
    path.write_text(text, encoding="utf-8")
    try:
        drafts = load([str(path)])
    except LexdraftError as e:
        assert [d.code for d in e.diagnostics] == ["E002"], e.diagnostics
        _assert_located(e, {str(path): text})
        return
    provisions = {p.id: p for p in drafts.provisions}
    for article in known_articles():
        check(spec_for(article), drafts.provisions)
    for lang in ("zh", "en"):
        assert render(drafts.provisions[0], lang, provisions)


# the command line ------------------------------------------------------------------------------------------------
LOCATED = re.compile(r"^[^\s:][^:]*:\d+:\d+: error\[E\d{3}\]: \S")


@settings(max_examples=80, deadline=None, derandomize=True, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(mutated(), st.sampled_from([["check"], ["check", "--format", "json"], ["render"], ["render", "--lang", "en"],
                                   ["parse", "--ast"], ["fmt"]]))
def test_the_command_line_exits_0_1_or_2_with_located_errors(folder: Path, case: tuple[Path, str],
                                                            command: list[str]) -> None:
    _, text = case
    mine = folder / "cli"
    mine.mkdir(exist_ok=True)
    path = mine / "draft.lexd"
    path.write_text(text, encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main([command[0], str(path), *command[1:]])
    assert code in (0, 1, 2)
    assert "Traceback" not in err.getvalue()
    if code == 2:  # nothing on standard output but, with JSON asked for, the errors as JSON
        assert out.getvalue() == "" if "json" not in command else check_json(out.getvalue())["errors"]
        errors = [line for line in err.getvalue().split("\n") if "error[" in line]
        assert errors and all(LOCATED.match(line) for line in errors), err.getvalue()
    elif command[0] != "fmt":  # fmt prints nothing for a file with nothing in it
        assert out.getvalue()


def test_an_unmutated_draft_passes_every_stage() -> None:
    """The drafts mutated above pass every stage as written, so the property is not only ever about errors."""
    drafts = load([str(DRAFTS_DIR / "prc")])  # proposals breach obligations in force
    provisions = {p.id: p for p in drafts.provisions}
    assert check(spec_for("uncc.16"), drafts.provisions).verdicts
    for doc in (d for f in drafts.files for d in f.documents):
        assert render(doc, "zh", provisions) and render(doc, "en", provisions)
