"""The Sphinx extension on a small site (tests/roots/test-lexdraft), built with sphinx.testing's fixtures."""

from __future__ import annotations

import os
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
from check_schema import check_json

from lexdraft.cli import main
from lexdraft.pipeline import parse_draft
from lexdraft.resources import data_dir
from lexdraft.sphinx import side_by_side, source_segments
from lexdraft.wording.render import render

pytest_plugins = ("sphinx.testing.fixtures",)

ROOT = Path(__file__).resolve().parent.parent
PROPOSED = ROOT / "drafts/prc/proposed"
OBLIGATIONS = ROOT / "drafts/prc/in-force/deep-synthesis-obligations.lexd"  # the duties 286-2 breaches
BUILD = pytest.mark.sphinx("html", testroot="lexdraft", freshenv=True)


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return Path(__file__).resolve().parent / "roots"


def put_drafts(app: Any, *files: Path) -> Path:
    """The site's drafts/ folder, holding copies of `files` (all of drafts/prc/proposed when none are named), and its
    context/ folder (the pages' `:with:`), holding the obligations in force that the proposals cite."""
    context = Path(app.srcdir) / "context"
    context.mkdir(exist_ok=True)
    shutil.copy(OBLIGATIONS, context / OBLIGATIONS.name)
    folder = Path(app.srcdir) / "drafts"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for f in files or tuple(sorted(PROPOSED.glob("*.lexd"))):
        shutil.copy(f, folder / f.name)
    return folder


def html(app: Any, page: str = "index") -> str:
    return (Path(app.outdir) / f"{page}.html").read_text(encoding="utf-8")


def cells(page: str) -> list[tuple[str, str]]:
    """The side-by-side cells: (lang, text without tags), in document order."""
    found = re.findall(r'<div class="lexdraft-text[^"]*" lang="([^"]+)">(.*?)</div>', page, re.DOTALL)
    return [(lang, re.sub(r"<[^>]+>", "", body).strip()) for lang, body in found]


def cli_json(capsys: pytest.CaptureFixture[str], *args: str) -> Any:
    """The one report `check --format json` prints for these drafts (validated against the published schema)."""
    main(["check", *args, "--format", "json"])
    [report] = check_json(capsys.readouterr().out)
    return report


@BUILD
def test_drafts_side_by_side_with_the_renderers_text(app: Any, warning: Any) -> None:
    put_drafts(app)
    app.build()
    assert app.statuscode == 0, warning.getvalue()
    assert warning.getvalue() == ""
    page = html(app)
    shown = cells(page)
    # Every document of the folder, Chinese beside English, in the renderer's own words.
    for path in sorted(PROPOSED.glob("*.lexd")):
        for doc in parse_draft(str(path)).documents:
            assert f'<section id="lexdraft-doc-{doc.id}">' in page
    # What `:with:` reads is context for the lint (the obligations 286-2 breaches), not shown on the page.
    for doc in parse_draft(str(OBLIGATIONS)).documents:
        assert f'<section id="lexdraft-doc-{doc.id}">' not in page
    # An obligation is cited as the article it is, not as an interpretation.
    assert ("<code class=\"docutils literal notranslate\"><span class=\"pre\">prc.deep-synthesis-provisions.17-1</span>"
            "</code> · Provisions on the Administration of Deep Synthesis of Internet Information Services, "
            "Article 17A"
            " · proposed") in page
    dfii = parse_draft(str(PROPOSED / "253-2-dfii.lexd")).documents[0]
    zh = render(dfii, "zh", {}).split("\n")
    en = render(dfii, "en", {}).split("\n")
    assert ("zh-CN", zh[0]) in [(lang, text.split("\n")[0]) for lang, text in shown]
    assert [lang for lang, _ in shown[:2]] == ["zh-CN", "en"]
    assert any(text.startswith(en[0]) for lang, text in shown if lang == "en")
    # Each pair of cells faces its translation: the amendment's article beside the English article.
    pairs = dict(zip([t for _, t in shown[::2]], [t for _, t in shown[1::2]]))
    article_zh = next(t for t in pairs if t.startswith("在刑法第二百五十三条之一后增加一条"))
    assert pairs[article_zh].startswith("One article is added after Article 253A of the Criminal Law")
    # The draft as written, highlighted by the lexer.
    assert '<span class="k">provision</span>' in page
    assert 'prc.criminal-law.253-2</span>' in page


@BUILD
def test_report_table_gives_the_cli_verdicts(app: Any, warning: Any, capsys: pytest.CaptureFixture[str]) -> None:
    put_drafts(app)
    app.build()
    page = html(app)
    expected = cli_json(capsys, str(PROPOSED), str(OBLIGATIONS), "--against", "uncc.16")
    rows = re.findall(r'<tr class="verdict-([a-z-]+)[^"]*">(.*?)</tr>', page, re.DOTALL)
    assert [v for v, _ in rows] == [q["verdict"].replace("/", "") for q in expected["requirements"]]
    first = rows[0][1]
    assert "16(1)" in first and "obligatory" in first and "强制性" in first and "未实施" in first
    definition = rows[1][1]
    assert re.search(r'<td><p><a [^>]*href="spec.html#lexdraft-req-uncc.16.2"', definition)  # linked to its spec
    assert 'href="#lexdraft-doc-prc.criminal-law.253-2"' in definition  # the provision that meets it, as a link
    assert "Result: " in page and "存在未实施或部分实施的强制性要求" in page


@BUILD
def test_roles_spec_and_provision_index(app: Any, warning: Any) -> None:
    put_drafts(app)
    app.build()
    assert warning.getvalue() == ""
    page = html(app)
    assert re.search(r'<a class="reference internal" href="#lexdraft-doc-prc.criminal-law.253-2"[^>]*>'
                     r'<code[^>]*><span class="pre">prc.criminal-law.253-2</span></code></a>', page)
    assert 'href="spec.html#lexdraft-req-uncc.16.1"' in page
    spec = html(app, "spec")
    for rid in ("uncc.16.1", "uncc.16.2", "uncc.16.6"):
        assert f'<section id="lexdraft-req-{rid}">' in spec
    assert "profit-purpose" in spec and "The offence requires a profit purpose" in spec
    index = html(app, "lexdraft-provisions")
    assert "People" in index or "PRC" in index or "China" in index
    for pid in ("prc.criminal-law.253-2", "prc.criminal-law.364-1", "prc.spc.dfii-interpretation"):
        assert f'index.html#lexdraft-doc-{pid}' in index


@BUILD
def test_pages_depend_on_drafts_specs_templates_and_vocabulary(app: Any) -> None:
    folder = put_drafts(app)
    app.build()
    deps = {os.path.realpath(os.path.join(app.srcdir, d)) for d in app.env.dependencies["index"]}
    wanted = [folder / "253-2-dfii.lexd", folder / "dfii-interpretation.lexd", data_dir("conformance") / "uncc-16.yaml",
              data_dir("templates") / "statute.j2", data_dir("vocabulary") / "vocabulary.yaml",
              data_dir("grammar") / "lexdraft.lark"]
    assert {os.path.realpath(w) for w in wanted} <= deps
    assert os.path.realpath(data_dir("conformance") / "uncc-16.yaml") in \
        {os.path.realpath(os.path.join(app.srcdir, d)) for d in app.env.dependencies["spec"]}


@BUILD
def test_a_changed_draft_rebuilds_its_page(app: Any) -> None:
    folder = put_drafts(app)
    app.build()
    draft = folder / "364-1-csem-possession.lexd"
    text = draft.read_text(encoding="utf-8")
    title = re.search(r'en "([^"]+)"', text)
    assert title is not None and title.group(1) in html(app)
    draft.write_text(text.replace(title.group(1), "Possessing CSEM, retitled"), encoding="utf-8")
    later = os.stat(draft).st_mtime + 5
    os.utime(draft, (later, later))
    app.build()
    assert "Possessing CSEM, retitled" in html(app)
    assert title.group(1) not in html(app)


@pytest.mark.sphinx("html", testroot="lexdraft", freshenv=True, warningiserror=True)
def test_a_broken_draft_is_a_located_warning_and_fails_w(app: Any, warning: Any) -> None:
    folder = put_drafts(app, PROPOSED / "253-2-dfii.lexd")
    draft = folder / "253-2-dfii.lexd"
    text = draft.read_text(encoding="utf-8").replace("conduct      produce,", "conduct      prodcue,")
    draft.write_text(text, encoding="utf-8")
    line = next(n for n, s in enumerate(text.split("\n"), start=1) if "prodcue" in s)
    column = text.split("\n")[line - 1].index("prodcue") + 1
    app.build()  # no exception: the error is reported, not raised
    assert app.statuscode == 1
    out = warning.getvalue()
    assert f"{draft}:{line}:{column}: WARNING: error[E201]: unknown conduct `prodcue`" in out, out
    assert out.count("unknown conduct `prodcue`") == 1  # told once, though the report and the text both load it
    assert "= hint: did you mean `produce`" in out
    assert "^^^^^^^" in out  # the CLI's caret under the word
    assert "Traceback" not in out
    assert "error[E201]" in html(app)  # the page says so too, when built without -W


@BUILD
def test_a_fixed_draft_clears_its_pages_error(app: Any, warning: Any) -> None:
    folder = put_drafts(app, PROPOSED / "253-2-dfii.lexd")
    draft = folder / "253-2-dfii.lexd"
    good = draft.read_text(encoding="utf-8")
    draft.write_text(good.replace("conduct      produce,", "conduct      prodcue,"), encoding="utf-8")
    app.build()
    assert "error[E201]" in html(app)
    draft.write_text(good, encoding="utf-8")
    later = os.stat(draft).st_mtime + 5
    os.utime(draft, (later, later))
    app.build()
    assert "error[E201]" not in html(app)
    assert '<section id="lexdraft-doc-prc.criminal-law.253-2">' in html(app)


@BUILD
def test_an_article_named_twice_is_reported_once(app: Any, warning: Any, capsys: pytest.CaptureFixture[str]) -> None:
    put_drafts(app)
    index = Path(app.srcdir) / "index.rst"
    index.write_text(index.read_text(encoding="utf-8").replace(":against: uncc.16", ":against: uncc.16, uncc.16"),
                     encoding="utf-8")
    app.build()
    expected = cli_json(capsys, str(PROPOSED), str(OBLIGATIONS), "--against", "uncc.16", "--against", "uncc.16")
    rows = re.findall(r'<tr class="verdict-([a-z-]+)[^"]*">', html(app))
    assert rows == [q["verdict"].replace("/", "") for q in expected["requirements"]]
    assert "duplicate" not in warning.getvalue()


@BUILD
def test_unknown_article_and_dangling_citation_are_warnings_at_the_page(app: Any, warning: Any) -> None:
    put_drafts(app)
    index = Path(app.srcdir) / "index.rst"
    source = index.read_text(encoding="utf-8").replace(":against: uncc.16", ":against: uncc.61")
    written = source + "\nSee :lexdraft:provision:`prc.criminal-law.999`.\n\n.. lexdraft:draft:: nowhere\n"
    index.write_text(written, encoding="utf-8")
    app.build()
    out = warning.getvalue()
    nowhere = written.split("\n").index(".. lexdraft:draft:: nowhere") + 1
    assert f"index.rst:{nowhere}: WARNING: error[E001]: no such file or folder: nowhere" in out
    line = source.split("\n").index(".. lexdraft:report:: drafts") + 1
    assert f"index.rst:{line}: WARNING: error[E401]: unknown treaty article 'uncc.61'" in out, out
    assert "known: uncc.14, uncc.16" in out
    assert "no published provision or interpretation has the id prc.criminal-law.999" in out


def test_a_files_source_is_cut_into_its_documents() -> None:
    path = ROOT / "drafts/tw/in-force/csepa-36-38-39.lexd"
    draft = parse_draft(str(path))
    segments = source_segments(draft)
    assert "".join(segments).split() == path.read_text(encoding="utf-8").split()  # nothing lost, nothing twice
    assert segments[0].startswith("# Taiwan Child and Youth Sexual Exploitation Prevention Act")
    for doc, segment in zip(draft.documents, segments):
        assert f"provision {doc.id} {{" in segment
        assert segment.rstrip().endswith("}")
        assert segment.count("provision ") == 1


def test_side_by_side_pairs_blocks_and_keeps_unpaired_text_whole() -> None:
    def shown(grid: Any) -> list[tuple[str, list[str]]]:
        return [(cell["classes"][-1], [p.astext() for p in cell.children]) for cell in grid.children]

    assert shown(side_by_side("第一条\n甲\n\n资料来源", "Article 1\nA\n\nSources", "zh-CN")) == [
        ("language-zh-CN", ["第一条", "甲"]), ("language-en", ["Article 1", "A"]),
        ("language-zh-CN", ["资料来源"]), ("language-en", ["Sources"])]
    # Should the languages ever have different blocks, nothing is dropped: each text is shown whole.
    assert shown(side_by_side("甲\n\n乙", "A and B", "zh-TW")) == [
        ("language-zh-TW", ["甲", "乙"]), ("language-en", ["A and B"])]


@BUILD
def test_a_draft_linked_out_of_the_project_is_never_read(app: Any, warning: Any, tmp_path: Path) -> None:
    """A link in the drafts' folder to a file outside the project (a secret in the CI machine) is an error that
    says so; the file is not read, so nothing of it reaches the page or the log."""
    secret = tmp_path / "secret.txt"
    secret.write_text("SECRET-TOKEN=hunter2\n", encoding="utf-8")
    folder = put_drafts(app, PROPOSED / "253-2-dfii.lexd")
    (folder / "x.lexd").symlink_to(secret)
    app.build()
    out = warning.getvalue()
    assert "x.lexd is a link that leads outside the project: it is not read" in out, out
    assert "hunter2" not in out and "hunter2" not in html(app)


@BUILD
def test_the_report_reads_the_general_part_and_the_reviewer_decisions(app: Any, warning: Any) -> None:
    """The site checks a set as `lexdraft check` does: with its general-part rules (Art. 18(1) cites art. 366) and
    the reviewer decisions beside the drafts (18(4) decided by a reviewer, said on the verdict)."""
    in_force = ROOT / "drafts/prc/in-force"
    folder = put_drafts(app, *sorted(in_force.glob("*.lexd")))
    (folder / "decisions.yaml").write_text(
        'decisions:\n  - requirement: uncc.18.4\n    jurisdiction: prc\n    verdict: met\n'
        '    reason: "The fines of art. 31 are effective, proportionate and dissuasive."\n'
        '    who: Li Wei\n    date: "2026-12-01"\n', encoding="utf-8")
    (Path(app.srcdir) / "index.rst").write_text("Report\n======\n\n.. lexdraft:report:: drafts\n"
                                                "   :against: uncc.18\n", encoding="utf-8")
    app.build()
    assert app.statuscode == 0, warning.getvalue()
    page = html(app)
    assert "Legal persons are liable for this offence under" in page and "prc.criminal-law.366" in page
    assert "decided by a reviewer (Li Wei, 2026-12-01)" in page
    assert "由审查人员决定（Li Wei，2026-12-01）" in page
