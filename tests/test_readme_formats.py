"""The README's "Formats, one command each": every command shown runs, in a copy of the drafts under git (the gate's
base revision is `main`), and writes the format it names; and every format `render`, `check`, `review`, `atlas` and
`gate` offer is shown."""

from __future__ import annotations

import argparse
import csv
import glob
import io
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path

import docx
import pytest
from lxml import etree

from lexdraft.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCK = re.search(r"<!-- formats -->\n```sh\n(.*?)```\n<!-- /formats -->", README, flags=re.DOTALL)
assert BLOCK is not None, "README.md has lost its formats block (<!-- formats --> ... <!-- /formats -->)"
COMMANDS = [line for line in BLOCK.group(1).split("\n") if line.startswith("lexdraft ")]
SHOWN = ("render", "check", "review", "atlas", "gate")
CHOSEN = ("format", "table", "memorandum", "as_amended")  # the options that choose an output format
AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"


def _subparsers() -> dict[str, argparse.ArgumentParser]:
    action = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction))
    return dict(action.choices)


def _format(argv: list[str]) -> tuple[str, str, str]:
    """The command, the option that chooses its output and the format chosen, as the command line reads them."""
    args = build_parser().parse_args(argv)
    chosen = [(dest, getattr(args, dest)) for dest in CHOSEN[1:] if getattr(args, dest, None)]
    return (argv[0], *(chosen[0] if chosen else ("format", args.format)))


def test_every_format_is_shown() -> None:
    shown = {_format(shlex.split(line)[1:]) for line in COMMANDS}
    offered = {(name, action.dest, choice) for name, sub in _subparsers().items() if name in SHOWN
               for action in sub._actions if action.dest in CHOSEN and action.choices for choice in action.choices}
    assert offered, "the command line offers no formats?"
    assert sorted(offered - shown) == [], "formats the README does not show"


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A drafts repository: the bundled drafts, committed on `main`."""
    top = tmp_path_factory.mktemp("project")
    shutil.copytree(ROOT / "drafts", top / "drafts")
    for args in (["init", "-q"], ["checkout", "-q", "-b", "main"], ["add", "."], ["commit", "-qm", "the drafts"]):
        subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                        "-c", "commit.gpgsign=false", *args], cwd=top, check=True, capture_output=True)
    return top


def _check(fmt: str, data: bytes) -> None:
    """That `data` is what `fmt` names: a Word package, AKN, JSON, SARIF, JUnit, CSV, an HTML page, or text."""
    if fmt == "docx":
        assert docx.Document(io.BytesIO(data)).paragraphs
        return
    text = data.decode("utf-8")
    assert text.strip()
    if fmt == "akn":
        assert etree.fromstring(data, etree.XMLParser(resolve_entities=False, no_network=True)).tag == \
            f"{{{AKN}}}akomaNtoso"
    elif fmt in ("json", "sarif"):
        loaded = json.loads(text)
        if fmt == "sarif":
            assert loaded["version"] == "2.1.0"
    elif fmt == "junit":
        assert etree.fromstring(data).tag in ("testsuites", "testsuite")
    elif fmt == "csv":
        rows = list(csv.reader(io.StringIO(text)))
        assert len(rows) > 1 and all(len(r) == len(rows[0]) for r in rows)
    elif fmt == "html":
        assert text.lstrip().lower().startswith("<!doctype html>") and text.rstrip().endswith("</html>")
    elif fmt == "markdown":
        assert re.search(r"^(#|\|)", text, flags=re.MULTILINE), "no heading or table row: is it Markdown?"
    else:
        assert not text.lstrip().startswith(("<", "{", "[")), "text, not markup"


@pytest.mark.parametrize("line", COMMANDS, ids=[f"{i:02d}" for i in range(len(COMMANDS))])
def test_each_command_shown_runs_and_writes_its_format(project: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsysbinary: pytest.CaptureFixture[bytes], line: str) -> None:
    monkeypatch.chdir(project)
    argv = [a for arg in shlex.split(line)[1:] for a in (sorted(glob.glob(arg)) if "*" in arg else [arg])]
    command, _, fmt = _format(argv)
    capsysbinary.readouterr()
    code = main(argv)
    out, err = capsysbinary.readouterr()
    # 1: the set does not conform (check, review) or the change is refused (gate), as README's exit codes say
    assert code in ((0, 1) if command in ("check", "review", "gate") else (0,)), err.decode()
    assert b"error[" not in err and b"Traceback" not in err
    if "-o" in argv:
        target = project / argv[argv.index("-o") + 1]
        data = target.read_bytes()
        target.unlink()
    else:
        data = out
    _check(fmt, data)
