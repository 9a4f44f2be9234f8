"""Same inputs, same bytes: across runs and hash seeds; outputs written whole or not at all."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import jinja2
import pytest

from lexdraft import cli
from lexdraft.diagnostics import LexdraftError
from lexdraft.wording.environment import environment, escapes

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = ROOT / "drafts"

# Every output form lexdraft writes from the bundled drafts.
OUTPUTS = [
    ["check", "drafts", "--format", "json"],
    ["check", "drafts", "--lang", "zh"],
    ["render", "drafts/prc/proposed/dfii-interpretation.lexd", "--lang", "zh"],
    ["render", "drafts/prc/proposed/253-2-dfii.lexd", "--lang", "en"],
    ["render", "drafts/tw/in-force/csepa-36-38-39.lexd", "--lang", "zh"],
    ["render", "drafts/prc/proposed/platform-liability-interpretation.lexd", "--lang", "en"],
    ["render", "drafts/prc/proposed/deepfake-tiered-obligations.lexd", "--lang", "zh"],
    ["parse", "drafts/prc/in-force/363-obscene-for-profit.lexd", "--ast"],
    ["fmt", "drafts/tw"],
]


def run(args: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run([sys.executable, "-m", "lexdraft.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, check=False, timeout=120)
    assert done.returncode in (0, 1), done.stderr.decode()
    return done.stdout


@pytest.mark.parametrize("args", OUTPUTS, ids=lambda a: " ".join(a[:2]))
def test_output_is_byte_identical_across_hash_seeds(args: list[str]) -> None:
    first = run(args, "0")
    assert first
    assert run(args, "1") == first
    assert run(args, "4242") == first


def test_interrupted_write_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"

    def crash(*_: object) -> None:
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(LexdraftError) as caught:  # said as E408, with what the system said
        cli.write_output("text", str(target))
    assert [d.code for d in caught.value.diagnostics] == ["E408"]
    assert list(tmp_path.iterdir()) == []


def test_failed_write_keeps_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.txt"
    target.write_text("old", encoding="utf-8")
    monkeypatch.setattr(os, "replace", lambda *_: (_ for _ in ()).throw(OSError("disk full")))
    with pytest.raises(LexdraftError):
        cli.write_output("new", str(target))
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["report.txt"]


def test_markup_templates_are_autoescaped_and_text_templates_are_not() -> None:
    assert escapes("report.html.j2") and escapes("sarif.xml.j2")
    assert not escapes("provision.zh.j2") and not escapes(None)
    loader = jinja2.DictLoader({"page.html.j2": "{{ x }}", "article.zh.j2": "{{ x }}"})
    env = jinja2.Environment(loader=loader, autoescape=environment().autoescape)
    assert env.get_template("page.html.j2").render(x="<b>“罪”</b>") == "&lt;b&gt;“罪”&lt;/b&gt;"
    assert env.get_template("article.zh.j2").render(x="<b>") == "<b>"
