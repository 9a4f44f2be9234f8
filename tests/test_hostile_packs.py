"""Hostile strings in a drafting office's packs (tests/test_hostile.py does the drafts'): every text a pack.yaml can
give, by packs/schema.json, holds them in the office's copy of the bundled packs, and every format of every command
that shows pack text stays well-formed and escaped. A text a pack gives that the schema gains later fails here until
it is planted or said to be parsed (PARSED) or given by no bundled pack (NOT_GIVEN)."""

from __future__ import annotations

import json
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from test_gate import git
from test_hostile import HOSTILE, VALIDATORS, Run, _markdown, _text

from lexdraft import pipeline
from lexdraft.cli import main

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = json.loads((ROOT / "packs" / "schema.json").read_text(encoding="utf-8"))
# a template's braces are its fields (E701): the hostile strings without them
PLANTED = " ".join(h for h in HOSTILE if "{" not in h and "}" not in h)
# Texts read as data, not shown as written: patterns and examples, an article number, a penalty, a folder, and the
# names by which an amendment's `to "…"` names its act (E230)
PARSED = {"numbering.pattern", "numbering.examples.*", "numbering.items", "offer.article", "offer.penalty",
          "general-part", "instruments.*.zh", "instruments.*.own", "instruments.*.numbers.*"}
# Texts the schema allows that no bundled pack gives, so no copy of one holds them
NOT_GIVEN = {f"wording.{lang}.{key}" for lang in ("en", "zh") for key in (
    "notes.placement", "notes.protects", "notes.purpose", "notes.excluding", "notes.tier", "notes.prosecution")} | {
    "wording.en.notes.mental", "wording.en.usage.*",
    "wording.en.responsible-persons", "wording.en.sanctions.*", "wording.zh.penalties.*", "wording.zh.money",
    "wording.zh.fine-modes.mandatory", "wording.zh.fine-modes.optional", "wording.zh.fine-modes.additional",
    "wording.en.fine-modes.mandatory", "wording.en.conduct.*", "citation.en.letter", "instruments.*.abbreviation.zh"}


def _schema(node: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in node:
        node = SCHEMA["$defs"][node["$ref"].split("/")[-1]]
    return node


def _free(node: dict[str, Any], path: tuple[str, ...] = ()) -> Iterator[str]:
    """The schema's paths to a text a pack gives in its own words: a string of no enum, no anchored pattern (a term,
    a code) and no bound too short for the hostile strings (a conjunction); a template's pattern asks only for its
    field ({item})."""
    node = _schema(node)
    if node.get("type") == "string" and not {"enum", "const"} & set(node) and \
            not str(node.get("pattern", "")).startswith("^") and node.get("maxLength", len(PLANTED)) >= len(PLANTED):
        yield ".".join(path)
    for name, sub in (node.get("properties") or {}).items():
        yield from _free(sub, (*path, name))
    for sub in (node.get("patternProperties") or {}).values():
        yield from _free(sub, (*path, "*"))
    for key in ("additionalProperties", "items"):
        if isinstance(node.get(key), dict):
            yield from _free(node[key], (*path, "*"))


def _plant(value: Any, node: dict[str, Any], path: tuple[str, ...], planted: set[str]) -> Any:
    """The pack's data with PLANTED after every text of a path _free yields, but PARSED."""
    node = _schema(node)
    if isinstance(value, str):
        where = ".".join(path)
        if where in set(_free(node, path)) - PARSED:
            planted.add(where)
            return f"{value} {PLANTED}"
        return value
    if isinstance(value, list) and isinstance(node.get("items"), dict):
        return [_plant(v, node["items"], (*path, "*"), planted) for v in value]
    if isinstance(value, dict):
        out = {}
        for key, v in value.items():
            sub = (node.get("properties") or {}).get(key)
            step = key
            if sub is None:
                sub = next((s for p, s in (node.get("patternProperties") or {}).items() if re.search(p, key)), None)
                step = "*"
            if sub is None and isinstance(node.get("additionalProperties"), dict):
                sub, step = node["additionalProperties"], "*"
            out[key] = _plant(v, sub, (*path, step), planted) if sub is not None else v
        return out
    return value


@pytest.fixture(scope="module")
def office(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, set[str]]:
    """A drafts repository whose lexdraft.toml names the office's copy of every bundled pack, each text planted; the
    packs at a base revision (the gate reads them there), one draft changed since."""
    repo = tmp_path_factory.mktemp("office")
    shutil.copytree(ROOT / "drafts", repo / "drafts")
    planted: set[str] = set()
    for folder in sorted((ROOT / "packs").iterdir()):
        if (folder / "pack.yaml").is_file():
            shutil.copytree(folder, repo / "office" / folder.name)
            data = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
            (repo / "office" / folder.name / "pack.yaml").write_text(
                yaml.safe_dump(_plant(data, SCHEMA, (), planted), allow_unicode=True, sort_keys=False, width=10**6),
                encoding="utf-8")
    (repo / "lexdraft.toml").write_text('packs = ["office"]\n', encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "branch", "base")
    amendment = repo / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd"
    amendment.write_text(amendment.read_text(encoding="utf-8").replace("修正草案\"", "修正草案（第二稿）\"", 1),
                         encoding="utf-8")
    return repo, planted


def test_every_text_a_pack_gives_is_planted(office: tuple[Path, set[str]]) -> None:
    free = set(_free(SCHEMA))
    assert {"instruments.*.abbreviation.en", "offer.penalty-of.zh", "citation.zh.letter"} <= free
    _, planted = office
    assert NOT_GIVEN | PARSED <= free
    assert free - PARSED - NOT_GIVEN == planted, (sorted(free - PARSED - NOT_GIVEN - planted),
                                                  sorted(planted - (free - PARSED - NOT_GIVEN)))


TW = "drafts/tw/proposed/csepa-39-amendment.lexd"
BILL = "drafts/prc/proposed/criminal-law-amendment.lexd"
RUNS = [*(["check", "drafts", "--format", f] for f in ("text", "json")),
        *(["atlas", "drafts", "--format", f, "--lang", lang] for f in ("text", "markdown", "json", "csv", "html")
          for lang in ("en", "zh")),
        *(["review", f"drafts/{j}", "--format", f, "--lang", lang] for j in ("prc", "tw", "fr")
          for f in ("text", "markdown", "html", "docx", "json") for lang in ("en", "zh")),
        *(["render", BILL, "--with", "drafts/prc/in-force", option, f, "--lang", lang]
          for option, f in (("--format", "docx"), ("--format", "akn"), ("--memorandum", "markdown"),
                            ("--memorandum", "docx"), ("--table", "html")) for lang in ("en", "zh")),
        *(["render", TW, "--with", "drafts/tw/in-force", option, f, "--lang", lang]
          for option, f in (("--format", "text"), ("--format", "docx"), ("--format", "akn"), ("--table", "markdown"),
                            ("--table", "docx"), ("--as-amended", "html")) for lang in ("en", "zh")),
        *(["gate", "--base", "base", "drafts/tw", "--format", f]
          for f in ("text", "markdown", "html", "sarif", "junit"))]


_REVIEWS: dict[tuple[object, ...], Any] = {}
_review_drafts = pipeline.review_drafts


def _reviewed(drafts: Any, against: Any = None, pending: Any = ()) -> Any:
    """A jurisdiction's review made once for its ten runs (five formats, two languages): the review is the same
    model whatever the format or language it is written in, and making it is most of a run's cost."""
    key = (os.getcwd(), tuple(drafts.paths), tuple(against or ()), tuple(p.id for p in pending))
    if key not in _REVIEWS:
        _REVIEWS[key] = _review_drafts(drafts, against, pending)
    return _REVIEWS[key]


def _here(repo: Path, argv: list[str], capsysbinary: pytest.CaptureFixture[bytes],
          monkeypatch: pytest.MonkeyPatch) -> Run:
    """`lexdraft ARGV` run in this process from the office's repository (its lexdraft.toml names the packs): the
    command's own output, without a new interpreter's start and imports for each of the runs. tests/test_hostile.py
    runs the commands as processes, in a C.UTF-8 locale, on drafts holding the same strings."""
    monkeypatch.chdir(repo)
    monkeypatch.setattr(pipeline, "review_drafts", _reviewed)
    capsysbinary.readouterr()
    code = main(argv)
    out, err = capsysbinary.readouterr()
    return Run(code, out, err)


@pytest.mark.parametrize("argv", RUNS, ids=" ".join)
def test_pack_text_reaches_every_format_escaped(office: tuple[Path, set[str]], argv: list[str],
                                                capsysbinary: pytest.CaptureFixture[bytes],
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    repo, _ = office
    run = _here(repo, argv, capsysbinary, monkeypatch)
    assert run.code in (0, 1), run.err.decode("utf-8", "replace")
    fmt = argv[argv.index(next(o for o in argv if o in ("--format", "--table", "--memorandum", "--as-amended"))) + 1]
    if fmt == "markdown":  # the headings name the pack's acts, which hold the hostile strings: read, not matched
        _markdown(run.out, headings=re.compile(".*"))
    else:
        VALIDATORS[fmt](run.out)
    _text(run.err)
