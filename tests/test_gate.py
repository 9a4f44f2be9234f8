"""lexdraft gate on throwaway git repositories holding two revisions of the bundled proposals."""

from __future__ import annotations

import dataclasses
import json
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import jsonschema_rs
import pytest
import xmlschema
import yaml

from lexdraft import pipeline as load_module
from lexdraft.cli import build_parser, main
from lexdraft.codes import CODES, Code
from lexdraft.diagnostics import Diagnostic
from lexdraft.gate.diff import diff_documents
from lexdraft.language import ast as A
from lexdraft.pipeline import load
from lexdraft.treaty.spec import spec_for

ROOT = Path(__file__).resolve().parents[1]
PROPOSED = ROOT / "drafts" / "prc" / "proposed"
OBLIGATIONS = ROOT / "drafts" / "prc" / "in-force" / "deep-synthesis-obligations.lexd"  # the duties 286-2 cites
SCHEMAS = Path(__file__).resolve().parent / "schemas"
POSSESSION = "drafts/364-1-csem-possession.lexd"
DFII = "drafts/dfii-interpretation.lexd"


def git(repo: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.name=lexdraft tests", "-c", "user.email=tests@lexdraft.invalid",
                           "-c", "commit.gpgsign=false", *args], cwd=repo, check=True, capture_output=True,
                          text=True).stdout


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository whose first commit holds the bundled PRC proposals and the obligations they cite;
    the working tree is where tests edit."""
    (tmp_path / "drafts").mkdir()
    for f in [*sorted(PROPOSED.glob("*.lexd")), OBLIGATIONS]:
        shutil.copy(f, tmp_path / "drafts" / f.name)
    git(tmp_path, "init", "-q")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-qm", "the proposals as published")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def edit(repo: Path, path: str, old: str, new: str) -> None:
    f = repo / path
    text = f.read_text(encoding="utf-8")
    assert old in text
    f.write_text(text.replace(old, new), encoding="utf-8")


def gate(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(["gate", "--base", "HEAD", *args])
    out, err = capsys.readouterr()
    return code, out, err


def drop_possession(repo: Path) -> None:
    edit(repo, POSSESSION, "conduct      possess, control", "conduct      control")


def raise_dfii_threshold(repo: Path) -> None:
    edit(repo, DFII, "disseminated-to >= 50 persons via private-group",
         "disseminated-to >= 100 persons via private-group")


# ------------------------------------------------------------------ verdicts and exit codes

def test_removing_possession_narrows_14_1_c_and_fails(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    code, out, err = gate(capsys, "drafts")
    assert (code, err) == (1, "")
    lines = out.splitlines()
    commit = git(repo, "rev-parse", "HEAD")[:12]
    assert lines[:2] == ["lexdraft gate: FAILED / 未通过", f"Base HEAD ({commit}) → working tree / 基准版本 → 工作区"]
    assert lines[3:8] == [
        "Changed drafts / 修改的草案:",
        "  prc.criminal-law.364-1: changed / 修改 (drafts/364-1-csem-possession.lexd)",
        "    - drafts/364-1-csem-possession.lexd:40:16: Conduct removed: possess",
        "      删除行为：持有",
        "",
    ]
    assert lines[8:] == [
        "Treaty requirements / 公约要求:",
        ("  FAIL prc uncc.14.1.c [14(1)(c), obligatory] partly-met -> partly-met: lost "
        "(no longer reached: possess; fails the gate (an obligatory requirement))"),
        "       强制性：部分实施 → 部分实施：降低（不再涵盖：持有；强制性要求，未通过）",
        "  19 unchanged / 其余19项不变",
    ]


def test_tolerating_partly_met_lets_the_narrowing_pass(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--tolerate-partly-met")
    assert code == 0
    assert out.startswith("lexdraft gate: passed / 通过\n")
    assert "lost (no longer reached: possess; tolerated (--tolerate-partly-met))" in out


def test_deleting_the_possession_offence_is_not_met_even_when_tolerating(
        repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / POSSESSION).unlink()
    bill = repo / "drafts" / "criminal-law-amendment.lexd"  # the bill no longer gathers it
    bill.write_text(bill.read_text(encoding="utf-8").replace("  item         prc.criminal-law.364-1\n", ""),
                    encoding="utf-8")
    code, out, _ = gate(capsys, "drafts", "--tolerate-partly-met")
    assert code == 1
    assert "  prc.criminal-law.364-1: removed / 删除 (drafts/364-1-csem-possession.lexd)" in out
    assert ("  FAIL prc uncc.14.1.c [14(1)(c), obligatory] partly-met -> not-met: lost "
            "(no longer reached: possess, control; fails the gate (an obligatory requirement))") in out
    # 14(2) was partly-met with it: its virtual-material test also excludes deepfakes of real children (G6)
    assert ("  FAIL prc uncc.14.2 [14(2), obligatory] partly-met -> not-met: lost "
            "(fails the gate (an obligatory requirement))") in out
    # the option the offence used is no longer used: a change, but no loss of conformance (its virtual test is no use
    # of 14(3)(a), which stays n/a)
    assert "       prc uncc.14.3.b [14(3)(b), optional] option-used -> n/a: unchanged" in out
    assert "uncc.14.3.a" not in out


def test_adding_the_possession_offence_gains(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    git(repo, "rm", "-q", POSSESSION)
    git(repo, "commit", "-qm", "without the possession offence")
    git(repo, "checkout", "-q", "HEAD~1", "--", POSSESSION)
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert "  prc.criminal-law.364-1: added / 新增 (drafts/364-1-csem-possession.lexd)" in out
    assert ("       prc uncc.14.1.c [14(1)(c), obligatory] not-met -> partly-met: gained "
            "(now reached: possess, control)") in out


def test_raising_the_dfii_threshold_is_reported_and_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raise_dfii_threshold(repo)
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert out.splitlines()[3:10] == [
        "Changed drafts / 修改的草案:",
        "  prc.spc.dfii-interpretation: changed / 修改 (drafts/dfii-interpretation.lexd)",
        ("    - drafts/dfii-interpretation.lexd:20:5: article 2 › dissemination to: threshold raised from 50 to 100 "
        "persons"),
        "      第2条 › 传播对象：阈值由50人提高至100人",
        "",
        "Treaty requirements / 公约要求:",
        "  20 unchanged / 其余20项不变",
    ]


def test_no_change_passes(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = gate(capsys)  # the current folder by default
    assert code == 0
    assert "Changed drafts / 修改的草案:\n  none / 无\n" in out


@pytest.mark.parametrize("staged", [False, True])
def test_a_draft_the_change_left_alone_is_decoded_once(repo: Path, capsys: pytest.CaptureFixture[str],
                                                       monkeypatch: pytest.MonkeyPatch, staged: bool) -> None:
    # the working tree's (or the index's) bytes are compared with the base's: the same bytes are the same text
    from lexdraft import source
    from lexdraft.gate import revisions

    decoded: list[str] = []

    def counting(data: bytes, path: str, what: str, size: int = 0) -> str:
        decoded.extend([path] if what == "draft" else [])  # not the specs and packs, read once an installation
        return decode(data, path, what, size)

    decode = source.decode_text
    monkeypatch.setattr(source, "decode_text", counting)
    monkeypatch.setattr(revisions, "decode_text", counting)
    drop_possession(repo)
    if staged:
        git(repo, "add", POSSESSION)
    code, out, _ = gate(capsys, "--no-cache", *(["--staged"] if staged else []))
    assert code == 1 and "FAIL prc uncc.14.1.c" in out  # the edit is read, not the base's text
    drafts = sorted(str(p.relative_to(repo)) for p in (repo / "drafts").glob("*.lexd"))
    assert sorted(decoded) == sorted([*drafts, POSSESSION])


def test_a_draft_the_change_left_alone_is_hashed_once(repo: Path, capsys: pytest.CaptureFixture[str],
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    # its address names it on both sides, and tells which of them may read it sketched
    from lexdraft.gate import compare
    from lexdraft.language import stored

    hashed: list[str] = []
    digest = stored.digest

    def counting(*parts: str | bytes) -> str:
        hashed.extend([str(parts[1])] if parts[0] == "draft" else [])
        return digest(*parts)

    for module in (stored, load_module, compare):
        monkeypatch.setattr(module, "digest", counting, raising=False)
    drop_possession(repo)
    assert gate(capsys, "--no-cache")[0] == 1
    drafts = sorted(str(p.relative_to(repo)) for p in (repo / "drafts").glob("*.lexd"))
    assert sorted(hashed) == sorted([*drafts, POSSESSION])


def test_a_gate_with_an_empty_cache_runs_once_and_says_what_a_gate_without_it_says(
        repo: Path, cache_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    # the base reads sketched only the drafts the working tree's side found sketched in the cache
    from lexdraft.gate import compare

    runs: list[bool] = []
    run = compare.run

    def counting(*args: Any, **kwargs: Any) -> Any:
        runs.append(kwargs["sketch"])
        return run(*args, **kwargs)

    monkeypatch.setattr(compare, "run", counting)
    drop_possession(repo)
    cold = gate(capsys, "--no-cache")
    for _ in range(2):  # the cache empty, then holding both sides
        runs.clear()
        assert gate(capsys) == cold
        assert runs == [True]


def test_against_limits_the_articles(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--against", "uncc.16")
    assert code == 0
    assert "  6 unchanged / 其余6项不变" in out
    code, _, err = gate(capsys, "drafts", "--against", "uncc.99")
    assert code == 2
    assert err.startswith("error[E401]: unknown treaty article 'uncc.99'")


def test_an_article_named_twice_is_compared_once(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    once = gate(capsys, "drafts", "--against", "uncc.16")
    assert gate(capsys, "drafts", "--against", "uncc.16", "--against", "uncc.16") == once
    assert "  6 unchanged / 其余6项不变" in once[1]


# ------------------------------------------------------------------ the comparison table

def test_markdown_comment_with_the_comparison_table(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    raise_dfii_threshold(repo)
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--format", "markdown")
    assert code == 1
    assert out.startswith("## lexdraft gate: FAILED / 未通过\n")
    assert ("| **FAIL** | `uncc.14.1.c` 14(1)(c), obligatory / 强制性 | prc | partly-met / 部分实施 | "
            "partly-met / 部分实施 | lost: no longer reached: possess; fails the gate (an obligatory requirement)"
            "<br>降低：不再涵盖：持有；强制性要求，未通过 |") in out
    assert ("- article 2 › dissemination to: threshold raised from 50 to 100 persons<br>"
            "第2条 › 传播对象：阈值由50人提高至100人") in out
    table = out.split("#### prc.spc.dfii-interpretation\n", 1)[1]
    caption, _, header, rule, zh, en = table.splitlines()[1:7]
    assert caption == "Lines in bold are those the change touches. / 加粗部分为修改涉及的内容。"
    assert (header, rule) == ("| | 修改前 / before | 修改后 / after |", "|---|---|---|")
    zh_old, zh_new = zh.split(" | ")[1:3]
    assert "（一）通过私密群组传播给五十人以上的；" in zh_old and "五十人" not in zh_new
    assert "（一）通过私密群组传播给一百人以上的；" in zh_new
    en_old, en_new = en.split(" | ")[1:3]
    assert "(1) dissemination to 50 or more persons via private groups;" in en_old
    assert "(1) dissemination to 100 or more persons via private groups;" in en_new
    possession = out.split("#### prc.criminal-law.364-1\n", 1)[1].split("####")[0]
    assert "“明知是未成年人性虐待或者性剥削材料而非法持有、控制" in possession
    assert "“明知是未成年人性虐待或者性剥削材料而非法控制" in possession
    # The lines the change touches are in bold on both sides, and only those.
    assert "<br>**（一）通过私密群组传播给五十人以上的；**<br>" in zh_old
    assert "<br>**（一）通过私密群组传播给一百人以上的；**<br>" in zh_new
    assert zh_old.count("**") == zh_new.count("**") == 2 and en_old.count("**") == 2


def test_text_markdown_and_html_say_the_same_sentences(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Each bilingual sentence lives once (templates/gate.words.j2): the three reports word it alike."""
    drop_possession(repo)
    outs = [gate(capsys, "drafts", "--format", fmt)[1] for fmt in ("text", "markdown", "html")]
    for sentence in ("lexdraft gate: FAILED / 未通过", "19 unchanged / 其余19项不变", "Changed drafts / 修改的草案",
                     "Treaty requirements / 公约要求", "Conduct removed: possess"):
        assert all(sentence in out for out in outs), sentence
    text, markdown, html = outs
    assert "  prc.criminal-law.364-1: changed / 修改 (drafts/364-1-csem-possession.lexd)" in text
    assert "**prc.criminal-law.364-1**: changed / 修改 (`drafts/364-1-csem-possession.lexd`)" in markdown
    assert ("<h3><strong>prc.criminal-law.364-1</strong>: changed / 修改 "
            "(<code>drafts/364-1-csem-possession.lexd</code>)</h3>") in html


def test_html_page_is_escaped(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, DFII, 'en "punish according to law', 'en "<b>punish</b> according to law')
    code, out, _ = gate(capsys, "drafts", "--format", "html")
    assert code == 0
    assert out.startswith("<!DOCTYPE html>")
    assert "&lt;b&gt;punish&lt;/b&gt;" in out and "<b>punish" not in out
    assert "<th>修改前 / before</th><th>修改后 / after</th>" in out
    assert "<li>preamble: English changed<br>序言：英文已修改</li>" in out
    # Only the preamble's English line changed: struck through before, highlighted after.
    assert [t for t, _ in re.findall(r"<(del|ins)>(In order to)", out)] == ["del", "ins"]
    assert out.count("<del>") == out.count("<ins>") == 1


def test_outputs_are_written_atomically_and_identically(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    for fmt in ("text", "markdown", "html", "sarif", "junit"):
        assert main(["gate", "--base", "HEAD", "drafts", "--format", fmt, "-o", f"one.{fmt}"]) == 1
        assert main(["gate", "--base", "HEAD", "drafts", "--format", fmt, "-o", f"two.{fmt}"]) == 1
        assert (repo / f"one.{fmt}").read_bytes() == (repo / f"two.{fmt}").read_bytes()


# ------------------------------------------------------------------ SARIF and JUnit

def sarif_validator() -> jsonschema_rs.Validator:
    """The vendored SARIF 2.1.0 schema, with the one known slip of the published file put right.

    The file lists region's `anyOf` (a region has a startLine, a charOffset or a byteOffset, SARIF §3.30.2) among
    region's properties, where no validator can read it as a rule; it is moved to where the spec means it.
    """
    schema = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    region = schema["definitions"]["region"]
    region["anyOf"] = region["properties"].pop("anyOf")
    return jsonschema_rs.validator_for(schema, validate_formats=True)


def test_the_sarif_schema_rejects_what_it_should() -> None:
    """The schema as loaded is a real check: a level SARIF does not know and a region without a start fail."""
    log = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "lexdraft"}}, "results": [
        {"ruleId": "uncc.14.1.c", "level": "fatal", "message": {"text": "m"}, "locations": [
            {"physicalLocation": {"artifactLocation": {"uri": "a.lexd"}, "region": {"startColumn": 3}}}]}]}]}
    errors = sorted(e.message for e in sarif_validator().iter_errors(log))
    assert len(errors) == 2
    assert any("fatal" in e for e in errors)


def test_sarif_marks_the_line_of_the_change(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--format", "sarif")
    assert code == 1
    log = json.loads(out)
    assert [e.message for e in sarif_validator().iter_errors(log)] == []
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == [q.id for a in ("uncc.14", "uncc.16", "uncc.18") for q in spec_for(a).requirements]
    [result] = run["results"]
    assert result["ruleId"] == "uncc.14.1.c" and rules[result["ruleIndex"]] == "uncc.14.1.c"
    assert result["level"] == "error"
    assert result["message"]["text"] == ("prc: uncc.14.1.c (14(1)(c), obligatory) partly-met -> partly-met, lost: "
                                         "no longer reached: possess; fails the gate (an obligatory requirement)")
    assert result["locations"] == [{"physicalLocation": {
        "artifactLocation": {"uri": POSSESSION, "uriBaseId": "%SRCROOT%"},
        "region": {"startLine": 40, "startColumn": 16, "endLine": 40, "endColumn": 23}}}]
    line = (repo / POSSESSION).read_text(encoding="utf-8").split("\n")[39]
    assert line[15:22] == "control"


def test_junit_is_valid_with_one_case_per_requirement(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--format", "junit")
    assert code == 1
    schema = xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd"))
    schema.validate(out.encode("utf-8"))
    doc = schema.to_dict(out.encode("utf-8"))
    suites = doc["testsuite"]
    assert [(s["@name"], s["@tests"], s["@failures"]) for s in suites] == [("uncc.14 (prc)", 10, 1),
                                                                           ("uncc.16 (prc)", 6, 0),
                                                                           ("uncc.18 (prc)", 4, 0)]
    assert [c["@name"] for c in suites[0]["testcase"]][:3] == ["uncc.14.1.a [14(1)(a)]", "uncc.14.1.b [14(1)(b)]",
                                                              "uncc.14.1.c [14(1)(c)]"]
    failure = suites[0]["testcase"][2]["failure"]
    assert failure["@type"] == "downgrade"
    assert failure["$"].startswith("drafts/364-1-csem-possession.lexd:40:16\n")


# ------------------------------------------------------------------ warnings

def test_new_warnings_fail_only_when_asked(repo: Path, capsys: pytest.CaptureFixture[str],
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    """A warning rule of the test's own is added here, flagging a provision without `possess`."""
    real_lint = load_module.lint

    def lint_with_a_warning(files: list[A.DraftFile], **options: Any) -> list[Diagnostic]:
        found = real_lint(files, **options)
        for f in files:
            for d in f.documents:
                if isinstance(d, A.Provision) and d.conduct and "possess" not in {t.name for t in d.conduct}:
                    found.append(Diagnostic("W900", "no possession", d.span, ("add `possess`",), "warning"))
        return found

    monkeypatch.setattr(load_module, "lint", lint_with_a_warning)
    monkeypatch.setitem(CODES, "W900", Code("W900", "a provision without possession", "conduct produce"))
    edit(repo, POSSESSION, "conduct      possess, control", "conduct      possess, control, access")
    # a rule patched in at run time is no part of the code the cache is keyed by: the findings are not read from it
    code, out, _ = gate(capsys, "drafts", "--fail-on-new-warnings", "--no-cache")
    assert code == 0  # the 253-2 warning is there at both revisions: not new
    assert "New warnings" not in out
    drop_possession(repo)
    code, out, _ = gate(capsys, "drafts", "--tolerate-partly-met", "--no-cache")
    assert code == 0
    assert "New warnings / 新增警告:\ndrafts/364-1-csem-possession.lexd:21:11: warning[W900]: no possession" in out
    code, out, _ = gate(capsys, "drafts", "--tolerate-partly-met", "--fail-on-new-warnings", "--format", "junit")
    assert code == 1
    xmlschema.XMLSchema(str(SCHEMAS / "JUnit.xsd")).validate(out.encode("utf-8"))
    assert '<failure message="no possession" type="new-warning">' in out
    # check and render go on past warnings: the set comes with them
    assert "no possession" in [w.message for w in load([str(repo / "drafts")]).warnings]


# ------------------------------------------------------------------ bad input

def test_an_invalid_draft_in_the_working_tree_exits_2(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, POSSESSION, "conduct      possess, control", "conduct      posess, control")
    code, out, err = gate(capsys, "drafts")
    assert (code, out) == (2, "")
    assert err.startswith("drafts/364-1-csem-possession.lexd:40:16: error[E201]: unknown conduct `posess`\n"
                          "  40 |   conduct      posess, control\n"
                          "     |                ^^^^^^\n")
    # SARIF carries the errors too, for the code host to mark the line; stderr still has the report
    assert main(["gate", "--base", "HEAD", "drafts", "--format", "sarif", "-o", "gate.sarif"]) == 2
    assert "error[E201]: unknown conduct `posess`" in capsys.readouterr().err
    log = json.loads((repo / "gate.sarif").read_text(encoding="utf-8"))
    assert [e.message for e in sarif_validator().iter_errors(log)] == []
    [result] = log["runs"][0]["results"]
    assert (result["ruleId"], result["level"], result["message"]["text"]) == (
        "E201", "error", "unknown conduct `posess` (hint: did you mean `possess`?)")
    assert result["locations"][0]["physicalLocation"]["region"]["startLine"] == 40


def test_a_broken_base_draft_is_compared_as_absent(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, POSSESSION, "conduct      possess, control", "conduct      posess, control")
    git(repo, "commit", "-qam", "a typo")
    edit(repo, POSSESSION, "conduct      posess, control", "conduct      possess, control")
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert ("Drafts at HEAD that do not load; each is compared as absent / 基准版本中无法加载的草案，逐一视为不存在:\n"
            "drafts/364-1-csem-possession.lexd:40:16: error[E201]: unknown conduct `posess`\n"
            "  40 |   conduct      posess, control\n") in out
    # that one draft is absent at the base; the others are compared as they are
    assert "  prc.criminal-law.364-1: added / 新增 (drafts/364-1-csem-possession.lexd)\n" in out
    assert "prc.spc.dfii-interpretation" not in out


def test_bad_revision_and_no_repository(repo: Path, tmp_path_factory: pytest.TempPathFactory,
                                        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["gate", "--base", "no-such-branch", "drafts"]) == 2
    assert capsys.readouterr().err == (
        "error[E503]: unknown revision 'no-such-branch'\n"
        "  = hint: give a commit, branch or tag, e.g. HEAD~1 or origin/main; a CI checkout needs the history "
        "(actions/checkout with fetch-depth: 0)\n")
    assert main(["gate", "--base=--all", "drafts"]) == 2  # an option-looking revision is a revision, not an option
    assert "unknown revision '--all'" in capsys.readouterr().err
    elsewhere = tmp_path_factory.mktemp("not-a-repository")
    monkeypatch.chdir(elsewhere)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(elsewhere.parent))
    assert main(["gate", "--base", "HEAD"]) == 2
    assert capsys.readouterr().err.startswith("error[E502]: not inside a git repository\n")


# ------------------------------------------------------------------ the diff is generic

def test_a_field_added_to_the_ast_is_diffed_without_code() -> None:
    """Another issue extends the AST; the diff names the new field from its name until the vocabulary has words."""

    @dataclasses.dataclass(frozen=True)
    class PlatformProvision(A.Provision):
        platform_class: A.Term | None = None

    [old] = load([str(PROPOSED / "364-1-csem-possession.lexd")]).provisions
    fields = {f.name: getattr(old, f.name) for f in dataclasses.fields(old) if f.init and f.name != "span"}
    before = PlatformProvision(**fields, platform_class=A.Term("unit", "actors"))
    after = PlatformProvision(**fields, platform_class=A.Term("network-service-provider", "actors"))
    [d] = diff_documents([before], [after])
    assert [(c.en, c.zh) for c in d.changes] == [
        ("Platform class changed from units (legal persons) to network service providers",
         "platform class由“单位”改为“网络服务提供者”")]


# ------------------------------------------------------------------ the hooks and the workflow run real commands

def _hooks() -> list[dict[str, object]]:
    return list(yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")))


def _commands() -> list[list[str]]:
    """The command lines the hooks and the workflow run, the base revision made HEAD."""
    workflow = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    commands = [shlex.split(str(h["entry"])) + list(h.get("args", [])) for h in _hooks()]
    for job in workflow["jobs"].values():
        for step in job["steps"]:
            for line in step.get("run", "").splitlines():
                if line.startswith("lexdraft "):
                    line = line.split(" >>")[0].split(" ||")[0].replace('"$BASE"', "HEAD")
                    commands.append(shlex.split(line.replace("$ACCEPT", "--accept-rule-changes")))
    return commands


def test_hooks_and_workflow_run_commands_lexdraft_has() -> None:
    hooks = {h["id"]: h for h in _hooks()}
    assert set(hooks) == {"lexdraft-gate", "lexdraft-check"}
    assert all(h["files"] == r"\.lexd$" and h["pass_filenames"] is False for h in hooks.values())
    commands = _commands()
    assert len(commands) == 6
    for command in commands:
        assert command[0] == "lexdraft"
        args = build_parser().parse_args(command[1:])  # SystemExit on an unknown option
        assert args.command in ("gate", "check")


def test_private_prosecution_is_a_new_risk_not_a_failure(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    edit(repo, POSSESSION, "prosecution  public", "prosecution  private")
    code, out, _ = gate(capsys, "drafts")
    assert code == 0
    assert ("    - drafts/364-1-csem-possession.lexd:55:3: Prosecution changed from public prosecution to handled only "
            "upon complaint (private prosecution)\n"
            "      追诉方式由“公诉”改为“告诉的才处理”\n") in out
    assert out.endswith(
        "  20 unchanged / 其余20项不变\n"
        "  ! new risk (21(1)): prc prc.criminal-law.364-1 (uncc.14.1.c): The offence is prosecuted only o"
        "n the victim's complaint (PRC 告诉的才处理), by private prosecution (自诉): the victim must iden"
        "tify the offender and gather the evidence without the State's investigative powers, which online"
        " is often impossible (Yu Chenghao, Mohd Zamre Mohd Zahir and Ramalingam Rajamanickam, \"Completin"
        "g Criminal Liability for DFII in Mainland China (PRC): A Comparative Law Perspective, Aligning w"
        "ith the UN Convention against Cybercrime\", §4.1.1). For insult and defamation, PRC Criminal Law "
        "art. 246 ¶3 lets the people's court ask the public security organs for assistance where the cond"
        "uct is carried out through an information network and the victim has real difficulty providing e"
        "vidence, and ¶2 leaves cases that seriously harm social order and the interests of the State to "
        "public prosecution; that assistance stops short of opening a criminal investigation, so the risk"
        " remains. This is no gap in the offence's text, but it threatens the effective, proportionate an"
        "d dissuasive sanctions Art. 21(1) requires.\n    新增风险（21(1)）：该罪告诉的才处理，并由被害人"
        "自诉：被害人须自行查明行为人并收集证据，在网络环境中往往难以做到（Yu Chenghao、Mohd Zamre Mohd Z"
        "ahir、Ramalingam Rajamanickam，“Completing Criminal Liability for DFII in Mainland China (PRC): "
        "A Comparative Law Perspective, Aligning with the UN Convention against Cybercrime”，§4.1.1）。就"
        "侮辱、诽谤而言，刑法第二百四十六条第三款规定，通过信息网络实施的，被害人提供证据确有困难时，人民"
        "法院可以要求公安机关提供协助；严重危害社会秩序和国家利益的，由公诉机关追诉（第二款）。该协助不及"
        "于立案侦查，故风险仍存。这并非罪状本身的缺漏，但危及第21条第1款要求的有效、相称和劝阻性制裁。\n")


# ------------------------------------------------------------------ what a change may delete or repair

def test_deleting_the_folder_named_loses_what_its_drafts_carried(repo: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    shutil.rmtree(repo / "drafts")
    code, out, err = gate(capsys, "drafts")
    assert (code, err) == (1, "")
    assert "  prc.criminal-law.364-1: removed / 删除 (drafts/364-1-csem-possession.lexd)\n" in out
    assert "  FAIL prc uncc.14.1.c [14(1)(c), obligatory] partly-met -> not-met: lost" in out


def test_a_base_draft_that_is_not_utf8_is_a_problem_of_the_base(repo: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (repo / "drafts" / "gbk.lexd").write_bytes("# 草案\n".encode("gbk"))
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "a draft saved as GBK")
    (repo / "drafts" / "gbk.lexd").unlink()  # the change repairs the base by removing it
    code, out, err = gate(capsys, "drafts")
    assert (code, err) == (0, "")
    assert ("Drafts at HEAD that do not load; each is compared as absent / 基准版本中无法加载的草案，逐一视为不存在:\n"
            "drafts/gbk.lexd:1:3: error[E003]: file is not valid UTF-8 text\n") in out
