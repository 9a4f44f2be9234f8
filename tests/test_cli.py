"""The command line: exit codes, JSON shape, located errors, atomic output."""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from check_schema import SCHEMA, check_json, problems

from lexdraft.cli import main
from lexdraft.treaty.values import Force, RequirementKind, Verdict

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


def test_check_exit_codes(capsys):
    assert main(["check", str(DRAFTS / "tw/in-force"), "--against", "uncc.16"]) == 0
    assert main(["check", str(DRAFTS / "prc/in-force"), "--against", "uncc.16"]) == 1
    out = capsys.readouterr().out
    assert "uncc.16.1  [16(1), obligatory]  partly-met" in out
    # Taiwan conforms on what could be assessed; 16(4) (deeming consent) awaits a reviewer, and the result says so
    # rather than calling every obligatory requirement implemented
    assert main(["check", str(DRAFTS / "tw/in-force"), "--against", "uncc.16"]) == 0
    result = [line for line in capsys.readouterr().out.splitlines() if line.startswith("Result: ")]
    assert result == [("Result: every obligatory requirement assessed is implemented; 1 more awaits a reviewer's "
                      "decision.")]


def test_check_json_is_the_documented_shape(capsys):
    assert main(["check", str(DRAFTS / "prc/in-force"), "--against", "uncc.16", "--format", "json"]) == 1
    [data] = check_json(capsys.readouterr().out)
    assert data["against"] == "uncc.16" and data["conforms"] is False and data["provisional"] is True
    first = data["requirements"][0]
    assert set(first) >= {"id", "paragraph", "force", "verdict", "met_by", "reason"}
    assert (first["id"], first["paragraph"], first["force"], first["verdict"]) == \
        ("uncc.16.1", "16(1)", "shall", "partly-met")
    assert set(first["reason"]) == {"en", "zh"}
    verdicts = {"met", "partly-met", "not-met", "option-used", "beyond", "n/a", "not-assessed"}
    assert {r["verdict"] for r in data["requirements"]} <= verdicts
    assert data["risks"][0]["provision"] == "prc.criminal-law.246"


def test_check_chinese_report(capsys):
    main(["check", str(DRAFTS / "prc/in-force"), "--against", "uncc.14", "--lang", "zh"])
    out = capsys.readouterr().out
    assert "uncc.14.1.c  [14(1)(c), 强制性]  未实施" in out


def test_invalid_draft_exits_2_with_located_error(tmp_path, capsys):
    bad = tmp_path / "bad.lexd"
    bad.write_text("provision a.b {\n  conduct produse\n}\n", encoding="utf-8")
    assert main(["check", str(bad), "--against", "uncc.16"]) == 2
    err = capsys.readouterr().err
    assert f"{bad}:2:11: error[E201]" in err
    assert "Traceback" not in err


def test_unknown_article_exits_2(capsys):
    assert main(["check", str(DRAFTS / "tw"), "--against", "uncc.99"]) == 2
    assert "unknown treaty article 'uncc.99'" in capsys.readouterr().err


def test_check_json_is_always_a_list_of_reports(tmp_path, capsys):
    assert main(["check", str(DRAFTS / "prc/in-force"), "--format", "json"]) == 1
    reports = check_json(capsys.readouterr().out)
    assert [(r["jurisdiction"], r["against"]) for r in reports] == [("prc", "uncc.14"), ("prc", "uncc.16"),
                                                                      ("prc", "uncc.18"), ("prc", "uncc.19")]
    obligations = [p for p in (DRAFTS / "prc/in-force").glob("*.lexd") if "obligation " in p.read_text("utf-8")]
    assert obligations
    assert main(["check", str(obligations[0]), "--format", "json"]) == 0
    assert check_json(capsys.readouterr().out) == []  # nothing to check is an empty list, not another shape
    assert all(r["schema"] == 2 for r in reports)


def test_errors_come_as_json_when_json_is_asked_for(tmp_path, capsys):
    bad = tmp_path / "bad.lexd"
    bad.write_text("provision prc.criminal-law.1 {\n  conduct distribte\n}\n", encoding="utf-8")
    assert main(["check", str(bad), "--format", "json"]) == 2
    out, err = capsys.readouterr()
    errors = check_json(out)["errors"]
    assert errors and all(e["severity"] == "error" for e in errors)
    assert {"file": str(bad), "line": 2, "column": 11} in [e["at"] for e in errors]
    assert f"{bad}:2:11: error[" in err  # and located on standard error, as ever
    assert main(["check", str(bad), "--format", "json", "-o", str(tmp_path / "out.json")]) == 2
    assert capsys.readouterr().out == "" and not (tmp_path / "out.json").exists()  # -o: the exit code tells


def test_the_published_schema_is_closed_and_its_enums_are_lexdraft_s():
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    defs = schema["$defs"]
    assert defs["verdict"]["enum"] == [str(v) for v in Verdict]
    assert defs["force"]["enum"] == [str(f) for f in Force]
    assert defs["kind"]["enum"] == [str(k) for k in RequirementKind]
    objects = [d for d in _objects(schema) if d.get("type") == "object"]
    assert objects and all(o.get("additionalProperties") is False for o in objects)


def _objects(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from _objects(value)
    elif isinstance(node, list):
        for value in node:
            yield from _objects(value)


def test_the_schema_rejects_what_lexdraft_does_not_print(capsys):
    main(["check", str(DRAFTS / "tw/in-force"), "--against", "uncc.16", "--format", "json"])
    [report] = check_json(capsys.readouterr().out)
    assert problems([{**report, "extra": 1}])  # closed: an unknown key
    assert problems([{**report, "requirements": [{**report["requirements"][0], "verdict": "mostly-met"}]}])
    assert problems(report)  # a report alone is no longer the shape: schema 2 is a list
    assert problems([{**report, "schema": 1}])
    assert problems({"lexdraft": "0", "schema": 2, "errors": []})  # an error object names at least one error


def test_output_file_is_written_whole_or_not_at_all(tmp_path):
    out = tmp_path / "report.json"
    assert main(["check", str(DRAFTS / "tw/in-force"), "--against", "uncc.16", "--format", "json", "-o", str(out)]) == 0
    assert check_json(out.read_text(encoding="utf-8"))[0]["conforms"] is True
    bad = tmp_path / "bad.lexd"
    bad.write_text("provision {", encoding="utf-8")
    target = tmp_path / "never.txt"
    assert main(["check", str(bad), "-o", str(target)]) == 2
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_parse_ast_dumps_json(capsys):
    assert main(["parse", str(DRAFTS / "prc/proposed/253-2-dfii.lexd"), "--ast"]) == 0
    data = json.loads(capsys.readouterr().out)
    provision = data["documents"][0]
    assert provision["node"] == "Provision" and provision["id"] == "prc.criminal-law.253-2"
    assert [t["name"] for t in provision["conduct"]] == ["produce", "synthesize", "disseminate"]


def test_check_is_deterministic(capsys):
    main(["check", str(DRAFTS), "--format", "json"])
    first = capsys.readouterr().out
    assert len(check_json(first)) > 1
    main(["check", str(DRAFTS), "--format", "json"])
    assert capsys.readouterr().out == first


def test_a_proposal_breaching_obligations_in_force_renders_with_their_folder(capsys):
    proposal = str(DRAFTS / "prc/proposed/286-2-platform-reasonable-care.lexd")
    assert main(["render", proposal]) == 2
    err = capsys.readouterr().err
    assert "error[E217]: no obligation `prc.deep-synthesis-provisions.10` among the drafts" in err
    assert main(["render", proposal, "--with", str(DRAFTS / "prc/in-force"), "--lang", "zh"]) == 0
    assert "所违反的行政义务：《互联网信息服务深度合成管理规定》第十条、第十六条、第十七条、第十七条之一。" in \
        capsys.readouterr().out
    assert main(["parse", proposal, "--with", str(DRAFTS / "prc/in-force")]) == 0
    assert capsys.readouterr().out == "ok\n"


def test_a_neighbours_own_problem_does_not_stop_rendering(capsys):
    # 286-2 beside it cites obligations in another folder; 253-2 does not depend on them.
    assert main(["render", str(DRAFTS / "prc/proposed/253-2-dfii.lexd"), "--lang", "en"]) == 0
    assert capsys.readouterr().out.startswith("Producing, synthesizing or disseminating")


def test_parse_ast_shows_obligations_and_breached_duties(capsys):
    assert main(["parse", str(DRAFTS / "prc/proposed/deepfake-tiered-obligations.lexd"), "--ast"]) == 0
    obligation = json.loads(capsys.readouterr().out)["documents"][0]
    assert obligation["node"] == "Obligation"
    assert [(t["name"]["name"], [c["name"] for c in t["classes"]]) for t in obligation["tiers"]] == [
        ("base", []), ("enhanced", ["general-social-or-video-platform"]), ("technical", ["synthesis-app"]),
        ("enhanced", ["large-leading-platform"]), ("reduced", ["small-or-medium-platform"])]
    assert [(s["low"], s["high"]) for s in obligation["sanctions"]] == [(10000, 100000)]


# -o: what is at the path ------------------------------------------------------------------------------------------
DFII = DRAFTS / "prc" / "proposed" / "253-2-dfii.lexd"


def test_output_through_a_link_replaces_the_file_it_names_and_keeps_its_mode(tmp_path, capsys):
    real = tmp_path / "report.txt"
    real.write_text("old\n", encoding="utf-8")
    real.chmod(0o644)
    link = tmp_path / "latest.txt"
    link.symlink_to(real.name)
    assert main(["render", str(DFII), "--lang", "en", "-o", str(link)]) == 0
    assert link.is_symlink() and real.read_text(encoding="utf-8").startswith("Producing, synthesizing")
    assert real.stat().st_mode & 0o777 == 0o644
    assert sorted(p.name for p in tmp_path.iterdir()) == ["latest.txt", "report.txt"]


def test_a_new_output_file_is_readable_by_others_as_the_umask_allows(tmp_path, capsys):
    out = tmp_path / "ast.json"
    assert main(["parse", str(DFII), "--ast", "-o", str(out)]) == 0
    import os

    mask = os.umask(0)
    os.umask(mask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~mask


def test_output_to_a_device_writes_to_it(capsys):
    assert main(["check", str(DFII), "--against", "uncc.16", "-o", "/dev/null"]) == 1
    assert Path("/dev/null").is_char_device()


# paths --------------------------------------------------------------------------------------------------------------
def test_a_file_named_twice_is_read_once_and_a_folder_named_like_a_draft_is_no_draft(tmp_path, capsys):
    (tmp_path / "a.lexd").write_bytes(DFII.read_bytes())
    (tmp_path / "old.lexd").mkdir()
    (tmp_path / "link.lexd").symlink_to("a.lexd")
    code = main(["check", str(tmp_path), str(tmp_path / "a.lexd"), "--against", "uncc.16", "--against", "uncc.16",
                 "--format", "json"])
    out, err = capsys.readouterr()
    assert (code, err) == (1, "")
    [report] = check_json(out)  # one article asked for twice: one report, not two
    assert report["against"] == "uncc.16" and report["provisions"] == ["prc.criminal-law.253-2"]


def test_fmt_write_rewrites_none_when_one_is_read_only(tmp_path, capsys):
    messy = DFII.read_text(encoding="utf-8").replace("  status       proposed", "  status proposed")
    for name in ("a.lexd", "b.lexd"):
        (tmp_path / name).write_text(messy, encoding="utf-8")
    (tmp_path / "b.lexd").chmod(0o444)
    assert main(["fmt", "--write", str(tmp_path)]) == 2
    assert "is read-only" in capsys.readouterr().err
    assert [(tmp_path / n).read_text(encoding="utf-8") for n in ("a.lexd", "b.lexd")] == [messy, messy]
    (tmp_path / "b.lexd").chmod(0o644)
    assert main(["fmt", "--write", str(tmp_path)]) == 0
    assert (tmp_path / "a.lexd").read_text(encoding="utf-8") == DFII.read_text(encoding="utf-8")


def test_render_reads_the_drafts_beside_it_not_a_backup_below(tmp_path, capsys):
    (tmp_path / "a.lexd").write_bytes(DFII.read_bytes())
    (tmp_path / "old").mkdir()
    (tmp_path / "old" / "a.lexd").write_bytes(DFII.read_bytes())  # the same ids: no context, no E205
    assert main(["render", str(tmp_path / "a.lexd"), "--lang", "en"]) == 0
    assert capsys.readouterr().err == ""


def test_a_verdict_the_text_cannot_settle_is_not_assessed_and_listed_for_a_reviewer(capsys):
    assert main(["check", str(DRAFTS / "prc"), "--against", "uncc.18"]) == 1
    out = capsys.readouterr().out
    lines = out.split("\n")
    assert "uncc.18.4  [18(4), obligatory]  not-assessed" in lines
    assert "uncc.18.1  [18(1), obligatory]  partly-met" in lines  # read from the offence elements: no reviewer note
    review = out.split("For a reviewer's decision:\n", 1)[1].split("\n\n", 1)[0].split("\n")
    # 18(3) is met by art. 31, which punishes the unit and the persons responsible alike
    assert [line.split(":", 1)[0] for line in review] == ["  ? uncc.18.4 [18(4), obligatory]"]
    assert main(["check", str(DRAFTS / "prc"), "--against", "uncc.18", "--lang", "zh"]) == 1
    out = capsys.readouterr().out
    assert "uncc.18.4  [18(4), 强制性]  待审查人员决定" in out.split("\n")
    assert "须由审查人员决定的事项：" in out


def test_warnings_go_to_stderr_and_leave_the_exit_code_alone(tmp_path, capsys):
    draft = tmp_path / "proposal.lexd"
    draft.write_text((DRAFTS / "prc/proposed/253-2-dfii.lexd").read_text(encoding="utf-8").replace(
        "  implements   uncc.16\n", ""), encoding="utf-8")
    warning = "warning[W201]: proposed provision `prc.criminal-law.253-2` implements no treaty article"
    assert main(["check", str(tmp_path), "--against", "uncc.16"]) == 1  # the finding's code, as without the warning
    out, err = capsys.readouterr()
    assert "Result: " in out and f"{draft}:" in err and warning in err
    assert main(["render", str(draft), "--lang", "en"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("Producing, synthesizing or disseminating") and warning in err


# exit codes and streams (issue 11: 10-14) ---------------------------------------------------------------------------
ROOT = DRAFTS.parent


def lexdraft(*args: str, **kwargs) -> subprocess.CompletedProcess:
    """The command line in its own process: the streams and signals are the real ones."""
    return subprocess.run([sys.executable, "-m", "lexdraft.cli", *args], cwd=ROOT, capture_output=True,
                          check=False, **kwargs)


def git(repo, *args):
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@lexdraft.invalid", "-c", "commit.gpgsign=false",
                    *args], cwd=repo, check=True, capture_output=True)


def test_gate_never_writes_its_output_over_a_draft_it_reads(tmp_path, capsys, monkeypatch):
    (tmp_path / "drafts").mkdir()
    draft = tmp_path / "drafts" / "dfii.lexd"
    draft.write_bytes(DFII.read_bytes())
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "one draft")
    monkeypatch.chdir(tmp_path)
    before = draft.read_bytes()
    assert main(["gate", "--base", "HEAD", "drafts", "-o", "drafts/dfii.lexd"]) == 2
    assert "E408" in capsys.readouterr().err and draft.read_bytes() == before
    # nor does the SARIF written when the working tree is invalid
    broken = before.replace(b"jurisdiction prc", b"jurisdiction prq", 1)
    draft.write_bytes(broken)
    assert main(["gate", "--base", "HEAD", "drafts", "--format", "sarif", "-o", "drafts/dfii.lexd"]) == 2
    assert draft.read_bytes() == broken


def test_fmt_write_keeps_an_edit_saved_while_it_ran(tmp_path, capsys, monkeypatch):
    from lexdraft.language import fmt

    draft = tmp_path / "a.lexd"
    draft.write_text(DFII.read_text(encoding="utf-8").replace("\n  ", "\n      ", 3), encoding="utf-8")
    saved = "# the drafter's edit, saved while fmt ran\n" + DFII.read_text(encoding="utf-8")
    real = fmt.format_source

    def editor_saves_meanwhile(text, path):
        out = real(text, path)
        draft.write_text(saved, encoding="utf-8")
        return out

    monkeypatch.setattr(fmt, "format_source", editor_saves_meanwhile)
    assert main(["fmt", "--write", str(draft)]) == 2
    assert draft.read_text(encoding="utf-8") == saved
    assert "changed since it was read" in capsys.readouterr().err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.lexd"]


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_kill_mid_write_leaves_no_temporary_file(tmp_path, signum):
    """The output is being written when the signal comes: the temporary file goes, and so does the process."""
    ready = tmp_path / "writing"
    script = f"""
import os, sys, time
import lexdraft.cli as cli
real = os.chmod
def slow(path, mode):  # the temporary file is written; hold here until the signal
    real(path, mode)
    open({str(ready)!r}, "w").close()
    time.sleep(30)
os.chmod = slow
sys.argv = ["lexdraft", "check", {str(DFII)!r}, "-o", {str(tmp_path / "out.txt")!r}]
sys.exit(cli.main())
"""
    p = subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 60
    while not ready.exists() and time.monotonic() < deadline and p.poll() is None:
        time.sleep(0.05)
    assert ready.exists()
    p.send_signal(signum)
    assert p.wait(timeout=30) == 128 + signum
    assert sorted(x.name for x in tmp_path.iterdir()) == ["writing"]


def test_a_full_device_is_an_output_that_cannot_be_written():
    with open("/dev/full", "wb") as full:
        run = subprocess.run([sys.executable, "-m", "lexdraft.cli", "check", "drafts", "--format", "json"], cwd=ROOT,
                             stdout=full, stderr=subprocess.PIPE, check=False)
    assert run.returncode == 2
    assert b"error[E408]: cannot write standard output: No space left on device" in run.stderr
    assert b"internal error" not in run.stderr


def test_with_stderr_closed_errors_never_reach_standard_output():
    run = subprocess.run([sys.executable, "-m", "lexdraft.cli", "check", "no-such.lexd"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False,
                         preexec_fn=lambda: os.close(2))
    assert (run.returncode, run.stdout) == (2, b"")
    # JSON asked for: the errors come on standard output as JSON, and only so
    run = subprocess.run([sys.executable, "-m", "lexdraft.cli", "check", "no-such.lexd", "--format", "json"],
                         cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, check=False,
                         preexec_fn=lambda: os.close(2))
    assert run.returncode == 2
    assert [e["code"] for e in check_json(run.stdout.decode("utf-8"))["errors"]] == ["E001"]


def test_a_non_blocking_standard_output_gets_all_of_it():
    r, w = os.pipe()
    os.set_blocking(w, False)
    p = subprocess.Popen([sys.executable, "-m", "lexdraft.cli", "check", "drafts", "--format", "json"], cwd=ROOT,
                         stdout=w, stderr=subprocess.DEVNULL)
    os.close(w)
    time.sleep(2)  # the reader is slow: the pipe fills
    with os.fdopen(r, "rb") as f:
        data = f.read()
    assert p.wait(timeout=60) == 1
    expected = lexdraft("check", "drafts", "--format", "json").stdout
    assert len(expected) > 65536 and data == expected


@pytest.mark.parametrize("unbuffered", ["", "1"])
def test_a_reader_that_goes_away_is_141(unbuffered):
    env = {**os.environ, "PYTHONUNBUFFERED": unbuffered}
    if not unbuffered:
        env.pop("PYTHONUNBUFFERED")
    with subprocess.Popen([sys.executable, "-m", "lexdraft.cli", "check", "drafts", "--format", "json"], cwd=ROOT,
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env) as p:
        p.stdout.read(10)
        p.stdout.close()  # `| head -c 10`
        assert p.wait(timeout=60) == 141
        err = p.stderr.read()
        assert b"Exception ignored" not in err and b"Error" not in err  # lint warnings may be there; no complaint


def test_quoting_line_1_of_a_huge_file_does_not_read_it_whole(tmp_path, capsys):
    import tracemalloc

    huge = tmp_path / "huge.lexd"
    with open(huge, "wb") as f:
        f.write(b"provision a.b {\n")
        f.truncate(200_000_000)  # sparse: cheap on disk, 200 MB to read
    tracemalloc.start()
    try:
        assert main(["check", str(huge)]) == 2
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    err = capsys.readouterr().err
    assert "error[E002]: file is 200,000,000 bytes" in err and "   1 | provision a.b {" in err
    assert peak < 30_000_000


# pipelines: --with, --status, -, -q ------------------------------------------------------------------------------
def run_with_stdin(argv: list[str], text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "lexdraft.cli", *argv], cwd=ROOT, input=text, capture_output=True,
                          text=True, check=False, timeout=300)


def test_check_with_context_checks_only_the_drafts_named(capsys):
    proposal = str(DRAFTS / "prc/proposed/286-2-platform-reasonable-care.lexd")
    assert main(["check", proposal, "--format", "json"]) == 2  # the obligations it breaches are elsewhere
    capsys.readouterr()
    main(["check", proposal, "--with", str(DRAFTS / "prc"), "--format", "json", "-q"])  # itself left out of it
    out, err = capsys.readouterr()
    reports = check_json(out)
    assert reports and all(r["provisions"] == ["prc.criminal-law.286-2"] for r in reports)
    assert err == ""


def test_check_status_checks_only_provisions_with_that_status(capsys):
    main(["check", str(DRAFTS / "prc"), "--status", "proposed", "--against", "uncc.16", "--format", "json", "-q"])
    [proposed] = check_json(capsys.readouterr().out)
    main(["check", str(DRAFTS / "prc"), "--against", "uncc.16", "--format", "json", "-q"])
    [everything] = check_json(capsys.readouterr().out)
    assert proposed["provisions"] and set(proposed["provisions"]) < set(everything["provisions"])
    assert "prc.criminal-law.253-2" in proposed["provisions"] and "prc.criminal-law.246" not in proposed["provisions"]


def test_quiet_leaves_out_the_warnings_not_the_errors(capsys):
    prc = str(DRAFTS / "prc")
    main(["check", prc, "--against", "uncc.16"])
    assert "warning[W201]" in capsys.readouterr().err
    main(["check", prc, "--against", "uncc.16", "-q"])
    assert capsys.readouterr().err == ""


def test_a_draft_read_from_standard_input_is_parsed_formatted_and_checked():
    draft = (DRAFTS / "prc/proposed/253-2-dfii.lexd").read_text(encoding="utf-8")
    assert run_with_stdin(["fmt", "-"], draft).stdout == draft
    assert run_with_stdin(["parse", "-"], draft).stdout == "ok\n"
    checked = run_with_stdin(["check", "-", "--against", "uncc.16", "--format", "json"], draft)
    [report] = check_json(checked.stdout)
    assert checked.returncode == 1 and report["provisions"] == ["prc.criminal-law.253-2"]
    broken = run_with_stdin(["check", "-"], draft.replace("conduct      produce", "conduct      produse", 1))
    assert broken.returncode == 2
    assert "<stdin>:" in broken.stderr and "error[E201]: unknown conduct `produse`" in broken.stderr
    assert "^^^^^^" in broken.stderr  # the line and its caret, as for a file
    refused = run_with_stdin(["fmt", "--write", "-"], draft)
    assert refused.returncode == 2 and "error[E408]" in refused.stderr


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_of_a_long_run_only_on_a_terminal_and_cleared(monkeypatch, capsys):
    from lexdraft import cli

    monkeypatch.setattr(cli, "PROGRESS_FROM", 1)  # the bundled drafts count as a long run here
    terminal = _Terminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    assert main(["check", str(DRAFTS / "tw"), "--against", "uncc.16"]) == 0
    said = terminal.getvalue()
    total = len(list((DRAFTS / "tw").rglob("*.lexd")))
    assert f"\rlexdraft: reading drafts, {total:,} of {total:,}" in said
    last = f"lexdraft: reading drafts, {total:,} of {total:,}"
    assert said.endswith("\r" + " " * len(last) + "\r")  # the line is cleared: the report is not written over it
    terminal.truncate(0)
    terminal.seek(0)
    main(["check", str(DRAFTS / "tw"), "--against", "uncc.16", "-q"])
    assert terminal.getvalue() == ""  # -q: nothing
    monkeypatch.setattr(sys, "stderr", io.StringIO())
    main(["check", str(DRAFTS / "tw"), "--against", "uncc.16"])
    assert "reading drafts" not in sys.stderr.getvalue()  # not a terminal: a log never gets it


def test_every_command_writes_english_unless_asked_for_chinese() -> None:
    """One default `--lang` for every command (README, "Commands"): a pipeline never meets one that changes language
    on its own, as render once did (Chinese while check and review wrote English)."""
    import argparse

    from lexdraft.cli import build_parser

    commands = next(a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)).choices
    defaults = {name: action.default for name, sub in commands.items() for action in sub._actions
                if "--lang" in action.option_strings}
    assert {"check", "review", "atlas", "render"} <= set(defaults)
    # render's default is decided when it runs: English, but a comparison table in its statutes' language
    assert set(defaults.values()) == {"en", None} and [c for c, d in defaults.items() if d is None] == ["render"]


def test_render_writes_english_and_a_comparison_table_its_statutes_language(capsys) -> None:
    """A comparison table (修改前后对照表) is a statute document, not a report: without --lang it follows the
    pack's authentic language, while the same file rendered as text follows the one English default."""
    bill = str(DRAFTS / "prc/proposed/criminal-law-amendment.lexd")
    assert main(["render", bill, "--with", str(DRAFTS / "prc/in-force")]) == 0
    assert "Amendment (XIII) to the Criminal Law" in capsys.readouterr().out
    assert main(["render", bill, "--table", "--with", str(DRAFTS / "prc/in-force")]) == 0
    table = capsys.readouterr().out
    assert "修改前后对照表" in table and "修改前" in table
    assert main(["render", bill, "--table", "--with", str(DRAFTS / "prc/in-force"), "--lang", "en"]) == 0
    assert "the text before and after amendment" in capsys.readouterr().out
