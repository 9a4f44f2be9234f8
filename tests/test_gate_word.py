"""`lexdraft gate --format docx`: the gate's report as a Word document, read back from document.xml and compared with
the Markdown report section for section."""

from __future__ import annotations

import io
import shutil
import subprocess
import zipfile
from pathlib import Path

import docx
import pytest
from docx.shared import Twips

from lexdraft.cli import main

ROOT = Path(__file__).resolve().parents[1]
PROPOSED = ROOT / "drafts" / "prc" / "proposed"
OBLIGATIONS = ROOT / "drafts" / "prc" / "in-force" / "deep-synthesis-obligations.lexd"
POSSESSION = "drafts/364-1-csem-possession.lexd"


def git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                    "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The bundled PRC proposals committed, then the possession offence narrowed in the working tree."""
    (tmp_path / "drafts").mkdir()
    for f in [*sorted(PROPOSED.glob("*.lexd")), OBLIGATIONS]:
        shutil.copy(f, tmp_path / "drafts" / f.name)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "the proposals as published")
    monkeypatch.chdir(tmp_path)
    path = tmp_path / POSSESSION
    path.write_text(path.read_text(encoding="utf-8").replace("conduct      possess, control", "conduct      control"),
                    encoding="utf-8")
    return tmp_path


def _gate(*args: str) -> int:
    return main(["gate", "--base", "HEAD", "drafts", "--no-cache", *args])


def test_the_word_report_says_what_the_markdown_report_says(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _gate("--format", "docx", "-o", "gate.docx") == 1  # the exit code is the gate's, whatever the format
    assert _gate("--format", "markdown", "-o", "gate.md") == 1
    capsys.readouterr()
    document = docx.Document("gate.docx")
    headings = [(p.style.name, p.text) for p in document.paragraphs if p.style.name.startswith("Heading")]
    assert headings == [
        ("Heading 1", "lexdraft gate: FAILED / 未通过"),
        ("Heading 2", "Treaty requirements / 公约要求"),
        ("Heading 2", "Changed drafts / 修改的草案"),
        ("Heading 2", "Comparison table / 修改对照表"),
        ("Heading 3", "prc.criminal-law.364-1"),
    ]
    markdown = (repo / "gate.md").read_text(encoding="utf-8")
    for style, text in headings:
        assert f"{'#' * (int(style[-1]) + 1)} {text}" in markdown
    requirements, comparison = document.tables
    assert [c.text for c in requirements.rows[0].cells] == ["", "requirement / 要求", "jurisdiction / 法域",
                                                             "before / 修改前", "after / 修改后", "change / 变化"]
    fail = [c.text for c in requirements.rows[1].cells]
    assert fail[:5] == ["FAIL", "uncc.14.1.c 14(1)(c), obligatory / 强制性", "prc", "partly-met / 部分实施",
                        "partly-met / 部分实施"]
    assert fail[5].startswith("lost: no longer reached: possess")
    assert [c.text for c in comparison.rows[0].cells] == ["", "修改前 / before", "修改后 / after"]
    label, before, after = comparison.rows[1].cells
    assert label.text == "中文"
    touched = [r.text for p in before.paragraphs for r in p.runs if r.bold]
    assert touched and all("持有" in t for t in touched)  # the line the change touches, in bold
    # the acts no longer include 持有 (the count, 持有、控制的数量, names what the offence punished before the change)
    assert [r.text for p in after.paragraphs for r in p.runs if r.bold] and "而持有" not in after.text
    bullets = [p.text for p in document.paragraphs if p.style.name == "List Bullet"]
    assert any("Conduct removed: possess" in b and "删除行为：持有" in b for b in bullets)
    section = document.sections[0]
    assert (section.page_width, section.page_height) == (Twips(11906), Twips(16838))  # A4


def test_the_word_report_is_the_same_bytes_each_time(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert _gate("--format", "docx", "-o", "a.docx") == 1
    assert _gate("--format", "docx", "-o", "b.docx") == 1
    capsys.readouterr()
    a, b = (repo / "a.docx").read_bytes(), (repo / "b.docx").read_bytes()
    assert a == b
    with zipfile.ZipFile(io.BytesIO(a)) as z:
        core = z.read("docProps/core.xml").decode()
        assert "dcterms:created" not in core and "dcterms:modified" not in core
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_a_word_report_is_never_written_to_a_terminal(repo: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sys.stdout.isatty", lambda: True, raising=False)
    assert _gate("--format", "docx") == 2
    assert "error[E408]: a Word document is binary and standard output is a terminal" in capsys.readouterr().err
