"""The gate against a hostile pull request: a base it cannot read fails closed, and nothing in a change (links,
untracked files, submodules, a huge blob) hides a loss."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

from lexdraft.cli import main
from lexdraft.source import MAX_BYTES

OFFENCE = """provision prc.criminal-law.253-3 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 253-3 after 253-2
  title        zh "未经同意传播私密图像罪"
               en "Disseminating intimate images without consent"
  implements   uncc.16
  protects     sexual-autonomy, privacy
  mental       intent
  conduct      sell, distribute, transmit, publish, make-available
  means        ict-system
  object       intimate-image {
    depicts    exposed-sexual-organs | sexual-activity
    person     adult
    origin     real
  }
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 3 years | criminal-detention; fine optional
}
"""
ALL_ACTS = "conduct      sell, distribute, transmit, publish, make-available"


def git(repo: Path, *args: str, env: dict[str, str] | None = None) -> str:
    return subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                           "-c", "commit.gpgsign=false", "-c", "protocol.file.allow=always", *args], cwd=repo,
                          check=True, capture_output=True, text=True, env=env).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts repository whose first commit holds the README's offence (five acts of dissemination)."""
    root = tmp_path / "repo"
    (root / "drafts").mkdir(parents=True)
    (root / "drafts" / "offence.lexd").write_text(OFFENCE, encoding="utf-8")
    git(root, "init", "-q")
    git(root, "add", ".")
    git(root, "commit", "-qm", "the offence")
    monkeypatch.chdir(root)
    return root


def weaken(repo: Path) -> None:
    """Four of the five acts deleted: Art. 16(1) loses ground, which must fail the gate."""
    f = repo / "drafts" / "offence.lexd"
    text = f.read_text(encoding="utf-8")
    assert ALL_ACTS in text
    f.write_text(text.replace(ALL_ACTS, "conduct      sell"), encoding="utf-8")


def commit_all(repo: Path, message: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", message)


def gate(capsys: pytest.CaptureFixture[str], *args: str, base: str = "HEAD") -> tuple[int, str, str]:
    code = main(["gate", "--base", base, *args])
    out, err = capsys.readouterr()
    return code, out, err


# ------------------------------------------------------------------ 1. the gate fails open

def test_a_committed_link_does_not_hide_a_loss(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "alias.lexd").symlink_to("offence.lexd")
    assert gate(capsys, "drafts")[0] == 0
    commit_all(repo, "an alias")
    weaken(repo)
    code, out, _ = gate(capsys, "drafts")
    assert code == 1
    assert "FAIL prc uncc.16.1" in out


@pytest.mark.parametrize("bad", ["huge", "binary", "gbk"])
def test_one_unloadable_base_draft_is_absent_alone(repo: Path, capsys: pytest.CaptureFixture[str], bad: str) -> None:
    """A base draft that cannot be loaded, deleted in the same change, is that one draft absent: losses in every
    other draft are still caught, and the problem is reported in every format."""
    data = {"huge": b"#" * (MAX_BYTES + 10) + b"\n", "binary": b"\x00\x01", "gbk": "# 草案\n".encode("gbk")}[bad]
    (repo / "drafts" / "other.lexd").write_bytes(data)
    commit_all(repo, "an unloadable draft")
    (repo / "drafts" / "other.lexd").unlink()
    weaken(repo)
    code, out, err = gate(capsys, "drafts")
    assert (code, err) == (1, "")
    assert "FAIL prc uncc.16.1" in out
    assert "drafts/other.lexd:1:" in out.split("Changed drafts")[0]
    assert "compared as absent" in out
    for fmt in ("markdown", "html", "sarif", "junit"):
        code, out, _ = gate(capsys, "drafts", "--format", fmt)
        assert code == 1
        assert "drafts/other.lexd" in out, fmt
        assert "E00" in out, fmt


def test_an_unreadable_base_fails_closed(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A tree git cannot read (an object missing) is no empty base: exit 2, not a pass."""
    (repo / "drafts" / "second.lexd").write_text(OFFENCE.replace("253-3", "253-4"), encoding="utf-8")
    commit_all(repo, "a second offence")
    blob = git(repo, "rev-parse", "HEAD:drafts/second.lexd").strip()
    os.remove(repo / ".git" / "objects" / blob[:2] / blob[2:])
    weaken(repo)
    code, out, err = gate(capsys, "drafts")
    assert code == 2
    assert out == ""
    assert "error[E503]" in err
    code, out, err = gate(capsys, "drafts", "--format", "sarif")
    assert code == 2
    assert json.loads(out)["runs"][0]["properties"]["failed"] is True
