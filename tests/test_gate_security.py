"""The gate against a hostile pull request: a base it cannot read fails closed, and nothing in a change (links,
untracked files, submodules, a huge blob) hides a loss."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest
import xmlschema

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


# ------------------------------------------------------------------ 2. links

SECRET = "SECRET-TOKEN=hunter2 must never reach a log"


@pytest.fixture
def secret(tmp_path: Path) -> Path:
    f = tmp_path / "secret.txt"  # beside the repository, not in it
    f.write_text(SECRET + "\n", encoding="utf-8")
    return f


def test_a_link_out_of_the_repository_is_never_read(repo: Path, secret: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "x.lexd").symlink_to(secret)
    for fmt in ("text", "sarif"):
        code, out, err = gate(capsys, "drafts", "--format", fmt)
        assert code == 2
        assert "hunter2" not in out + err
        assert "drafts/x.lexd is a link that leads outside the repository: it is not read" in err


def test_a_committed_link_out_of_the_repository_is_a_problem_of_the_base(
        repo: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "x.lexd").symlink_to(secret)
    commit_all(repo, "a link out")
    (repo / "drafts" / "x.lexd").unlink()
    weaken(repo)
    for fmt in ("text", "markdown", "html", "sarif", "junit"):
        code, out, err = gate(capsys, "drafts", "--format", fmt)
        assert code == 1, fmt
        assert "hunter2" not in out + err
        assert "x.lexd is a link that leads outside the repository" in out, fmt


def test_a_committed_link_to_a_draft_is_read_as_its_target_at_both_revisions(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "alias.lexd").symlink_to("offence.lexd")
    commit_all(repo, "an alias")
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert "Changed drafts / 修改的草案:\n  none / 无\n" in out
    assert "do not load" not in out


# ------------------------------------------------------------------ 3. what is being committed, not the working tree

# an untracked copy that would cover the acts removed, inserted as the article after it
WIP = OFFENCE.replace("prc.criminal-law.253-3", "prc.criminal-law.253-4").replace("253-3 after 253-2",
                                                                                  "253-4 after 253-3")


def test_staged_compares_the_index_not_untracked_files(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weaken(repo)
    git(repo, "add", "drafts/offence.lexd")
    (repo / "drafts" / "wip.lexd").write_text(WIP, encoding="utf-8")  # untracked: not part of the commit
    assert gate(capsys, "drafts")[0] == 0  # the working tree, as asked: the copy covers the loss
    code, out, _ = gate(capsys, "drafts", "--staged")
    assert code == 1
    assert "FAIL prc uncc.16.1" in out and "wip.lexd" not in out
    # an unstaged repair does not count either: what is committed is what the index holds
    (repo / "drafts" / "wip.lexd").unlink()
    (repo / "drafts" / "offence.lexd").write_text(OFFENCE, encoding="utf-8")
    assert gate(capsys, "drafts", "--staged")[0] == 1
    git(repo, "add", "drafts/offence.lexd")
    assert gate(capsys, "drafts", "--staged")[0] == 0


def test_the_pre_commit_hook_compares_what_is_staged() -> None:
    import shlex

    import yaml

    hooks = yaml.safe_load((Path(__file__).resolve().parents[1] / ".pre-commit-hooks.yaml").read_text("utf-8"))
    [hook] = [h for h in hooks if h["id"] == "lexdraft-gate"]
    assert "--staged" in shlex.split(hook["entry"])


# ------------------------------------------------------------------ 4. submodules and the first commit

def test_a_submodule_named_like_a_draft_is_skipped_with_a_note(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    head = git(repo, "rev-parse", "HEAD").strip()
    git(repo, "update-index", "--add", "--cacheinfo", f"160000,{head},drafts/vendored.lexd")
    git(repo, "commit", "-qm", "a submodule named like a draft")
    code, out, err = gate(capsys, "drafts")
    assert (code, err) == (0, "")
    assert "drafts/vendored.lexd is a submodule, not a draft: skipped" in out
    weaken(repo)
    assert gate(capsys, "drafts")[0] == 1


def test_the_first_commit_is_compared_with_an_empty_base(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "offence.lexd").write_text(OFFENCE, encoding="utf-8")
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    monkeypatch.chdir(tmp_path)
    for mode in ((), ("--staged",)):
        code, out, err = gate(capsys, "drafts", *mode)
        assert (code, err) == (0, "")
        assert "  prc.criminal-law.253-3: added / 新增 (drafts/offence.lexd)" in out
    assert main(["gate", "--base", "no-such-branch", "drafts"]) == 2  # a revision named is still checked


# ------------------------------------------------------------------ 15. revisions

def test_a_revision_that_searches_commit_messages_is_refused(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    weaken(repo)
    commit_all(repo, "a weakened offence")
    (repo / "drafts" / "offence.lexd").write_text(OFFENCE, encoding="utf-8")
    for rev in (":/weakened", "HEAD^{/weakened}", "HEAD:drafts"):
        code, out, err = gate(capsys, "drafts", base=rev)
        assert (code, out) == (2, ""), rev
        assert err.startswith(f"error[E503]: revision {rev!r} searches commit messages or names a path\n")


def test_git_s_own_reason_is_kept(repo: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("GIT_TEST_ASSUME_DIFFERENT_OWNER", "1")
    code, out, err = gate(capsys, "drafts")
    assert (code, out) == (2, "")
    assert err.startswith("error[E503]: git rev-parse failed: fatal: detected dubious ownership in repository at ")
    assert "safe.directory" in err  # in the hint


def test_a_literal_label_in_a_draft_is_not_rewritten(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = repo / "drafts" / "offence.lexd"
    f.write_text(OFFENCE.replace('  mental       intent\n', '  source       "§1"\n  mental       intent\n'), "utf-8")
    commit_all(repo, "a source")
    f.write_text(OFFENCE.replace('  mental       intent\n', '  source       "§1 {label}"\n  mental       intent\n'),
                 "utf-8")
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert "Source added: §1 {label}\n" in out and "增加来源：§1 {label}\n" in out


# ------------------------------------------------------------------ 16. the rules a change is judged by

SCHEMAS = Path(__file__).resolve().parent / "schemas"
SPEC = Path(__file__).resolve().parents[1] / "conformance" / "uncc-16.yaml"
ACTS_16_1 = "conduct: [sell, distribute, transmit, publish, make-available]"


def test_a_change_to_the_rules_is_a_rule_change_that_fails_unless_accepted(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "conformance").mkdir()
    spec = repo / "conformance" / "uncc-16.yaml"
    spec.write_bytes(SPEC.read_bytes())
    commit_all(repo, "the spec the drafts are judged by")
    assert gate(capsys, "drafts")[0] == 0
    text = spec.read_text(encoding="utf-8")
    assert ACTS_16_1 in text
    spec.write_text(text.replace(ACTS_16_1, ACTS_16_1[:-1] + ", possess]"), encoding="utf-8")
    (repo / "vocabulary").mkdir()
    (repo / "vocabulary" / "extra.yaml").write_text("conduct: {}\n", encoding="utf-8")
    code, out, _ = gate(capsys, "drafts")
    assert code == 1
    assert out.startswith("lexdraft gate: FAILED / 未通过\n")
    assert ("  FAIL conformance/uncc-16.yaml: changed\n"
            "         would move: prc uncc.16.1: met -> partly-met\n"
            "  FAIL vocabulary/extra.yaml: added\n") in out
    code, out, _ = gate(capsys, "drafts", "--accept-rule-changes")
    assert code == 0
    assert "accepted (--accept-rule-changes)" in out
    # staged: what the commit holds
    assert gate(capsys, "drafts", "--staged")[0] == 0
    git(repo, "add", "conformance")
    assert gate(capsys, "drafts", "--staged")[0] == 1
    for fmt in ("markdown", "sarif", "junit"):
        code, out, _ = gate(capsys, "drafts", "--format", fmt)
        assert code == 1 and "conformance/uncc-16.yaml" in out, fmt
        if fmt == "junit":
            xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd")).validate(out.encode("utf-8"))


def test_a_deleted_rule_file_is_a_rule_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # a settings file lexdraft can read: the gate reads the base's (one it cannot read stops it, exit 2)
    (repo / "lexdraft.toml").write_text("packs = []\n", encoding="utf-8")
    commit_all(repo, "settings")
    (repo / "lexdraft.toml").unlink()
    code, out, _ = gate(capsys, "drafts")
    assert code == 1 and "  FAIL lexdraft.toml: removed\n" in out


def _workflows() -> dict[str, dict[str, object]]:
    """lexdraft's own workflow, and the one the README documents for drafts repositories."""
    import re

    import yaml

    root = Path(__file__).resolve().parents[1]
    readme = (root / "README.md").read_text(encoding="utf-8")
    [documented] = re.findall(r"<!-- drafts-repository-workflow -->\n```yaml\n(.*?)```", readme, re.DOTALL)
    return {"ci.yml": yaml.safe_load((root / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")),
            "README": yaml.safe_load(documented)}


def _runs(workflow: dict[str, object]) -> list[str]:
    return [line.strip() for job in workflow["jobs"].values() for step in job["steps"]
            for line in step.get("run", "").splitlines()]


@pytest.mark.parametrize("name", ["ci.yml", "README"])
def test_the_workflows_hold_no_more_power_than_they_use(name: str) -> None:
    import re

    workflow = _workflows()[name]
    assert workflow["permissions"] == {}
    for job_name, job in workflow["jobs"].items():
        assert "permissions" in job, job_name
        assert set(job["permissions"]) <= {"contents", "security-events"}
        assert job["permissions"]["contents"] == "read"
        for step in job["steps"]:
            if "uses" in step:
                assert re.fullmatch(r"[\w./-]+@[0-9a-f]{40}", step["uses"]), step["uses"]  # a commit, not a tag
            if str(step.get("uses", "")).startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False
    gate_job = workflow["jobs"]["gate"]
    assert "github.event.before" in gate_job["env"]["BASE"]
    assert "HEAD~1" not in str(workflow)
    # the rules change only on a maintainer's label
    assert "--accept-rule-changes" in gate_job["env"]["ACCEPT"] and "labels" in gate_job["env"]["ACCEPT"]
    lexdraft_lines = [r for r in _runs(workflow) if r.startswith("lexdraft ")]
    assert lexdraft_lines and all(" -o " in r for r in lexdraft_lines)  # reports to files, never raw into the log


def test_lexdraft_s_own_ci_says_it_runs_the_pull_request_s_code_and_a_drafts_repository_pins_lexdraft() -> None:
    from lexdraft import __version__

    root = Path(__file__).resolve().parents[1]
    assert "runs the pull request's code, by design" in (root / ".github" / "workflows" / "ci.yml").read_text("utf-8")
    own, documented = _workflows()["ci.yml"], _workflows()["README"]
    assert _runs({"jobs": {"tests": own["jobs"]["tests"]}}) == [".ci/run"]  # the README's test command, as CI runs it
    installs = [r for r in _runs(documented) if r.startswith("pip install")]
    assert installs and all(f"'lexdraft=={__version__}'" in r for r in installs)
    assert not any("pip install ." in r for r in _runs(documented))


def test_staged_errors_quote_the_staged_text(repo: Path, secret: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = repo / "drafts" / "offence.lexd"
    f.write_text(OFFENCE.replace("conduct      sell,", "conduct      sel,"), encoding="utf-8")
    git(repo, "add", "drafts/offence.lexd")
    f.unlink()
    f.symlink_to(secret)  # on disk, unstaged: a link out, never read
    code, out, err = gate(capsys, "drafts", "--staged")
    assert (code, out) == (2, "")
    assert "  10 |   conduct      sel, distribute" in err and "hunter2" not in err


def test_a_rule_shared_by_the_specs_is_a_rule_too(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "conformance" / "common").mkdir(parents=True)
    (repo / "conformance" / "common" / "risks.yaml").write_text("risks: []\n", encoding="utf-8")
    code, out, _ = gate(capsys, "drafts")
    assert code == 1 and "  FAIL conformance/common/risks.yaml: added\n" in out
