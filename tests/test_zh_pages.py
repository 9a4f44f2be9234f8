"""Every line lexdraft writes on a Chinese page is Chinese (LAWYER-FINAL F2): the title and the version of the eight
atlas systems' statutes are given in Chinese, and where a draft gives none the page is a located error (E405), never
the English or the statute's own language in its place. The statute's own text keeps its language, and the sources
are citations, quoted as they are."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cli_run import run

from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.pipeline import load
from lexdraft.wording.pages import provision_page

ROOT = Path(__file__).resolve().parent.parent
ATLAS = ("fr", "sg", "ph", "za", "nz", "ie", "in", "br")
# Two Latin words in a row, once what a Chinese sentence may quote is taken out: a title or act name in “…”, a
# provenance label in […] ([R-memory], [P]), a language tag or an article number (377BE, 24B).
ENGLISH = re.compile(r"[A-Za-z]{2,}[ ,.;:'()-]+[A-Za-z]{2,}")
QUOTED = re.compile(r"“[^”]*”|《[^》]*》|\[[^\]]*\]")

SOURCE = '''provision sg.penal-code.377be.1 {
  jurisdiction sg
  status       in-force
  title        zh "传播私密图像或者录像"
               en "Distributing intimate image or recording"
  source       "Penal Code 1871 s. 377BE(1)"
  version      as-at "2026-04-24 (Singapore Statutes Online, as scraped)"
               zh "截至2026-04-24（据新加坡法规在线网站的抓取副本）"
  text         en "Any person shall be guilty of an offence who intentionally or knowingly distributes an image."
}
'''


pytestmark = pytest.mark.usefixtures("bundled_only")


def english(line: str) -> str | None:
    """The first English phrase in a line lexdraft wrote in Chinese, or None."""
    found = ENGLISH.search(QUOTED.sub("", line))
    return found.group(0) if found else None


@pytest.mark.parametrize("code", ATLAS)
def test_every_line_lexdraft_writes_on_a_chinese_page_is_chinese(code: str) -> None:
    drafts = load([str(ROOT / "drafts" / code / "in-force")])
    assert drafts.provisions
    for p in drafts.provisions:
        page = provision_page(p, "zh")
        written = [page.title or "", page.heading, *page.frame, page.translation_heading or ""]
        assert [(p.id, line) for line in written if english(line)] == []
        assert page.title and re.search(r"[\u4e00-\u9fff]", page.title)


def test_the_chinese_atlas_states_each_version_of_the_law_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "atlas", *(str(ROOT / "drafts" / c / "in-force") for c in ATLAS), "--lang", "zh")
    assert status == 0, err
    versions = [line for line in out.splitlines() if line.startswith("  法律文本: ")]
    # each version, then the ids quoting it
    assert len(versions) > 20 and [line for line in versions if english(re.sub(r" \([a-z0-9., -]+\)$", "", line))] == []
    assert "  法律文本: 截至2021-02-10（施行日期 [P]） (ie.hhcroa-2020.2, ie.hhcroa-2020.3)" in versions


def test_a_chinese_page_without_a_chinese_title_is_a_located_error(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.lexd"
    path.write_text(SOURCE.replace('  title        zh "传播私密图像或者录像"\n               en', "  title        en"),
                    encoding="utf-8")
    status, out, err = run(capsys, "render", str(path), "--lang", "zh")
    assert status == 2 and out == ""
    assert "d.lexd:4:16: error[E405]: the title of sg.penal-code.377be.1 has no zh text" in err
    assert "^" in err and 'add `zh "..."` to the title' in err
    assert out == ""  # never the English in its place
    status, out, err = run(capsys, "render", str(path), "--lang", "en")
    assert status == 0 and out.startswith("Distributing intimate image or recording\n")


def test_a_version_that_is_more_than_a_date_needs_its_chinese(tmp_path: Path,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "d.lexd"
    path.write_text(SOURCE.replace('               zh "截至2026-04-24（据新加坡法规在线网站的抓取副本）"\n', ""),
                    encoding="utf-8")
    status, out, err = run(capsys, "render", str(path), "--lang", "zh")
    assert status == 2
    assert "d.lexd:7:3: error[E405]: the version of sg.penal-code.377be.1 has no Chinese words" in err
    assert "as scraped" not in out
    # a bare date is written in any language, and the English page never needs the Chinese
    path.write_text(SOURCE.replace('"2026-04-24 (Singapore Statutes Online, as scraped)"\n'
                                   '               zh "截至2026-04-24（据新加坡法规在线网站的抓取副本）"',
                                   '"2026-04-24"'), encoding="utf-8")
    status, out, err = run(capsys, "render", str(path), "--lang", "zh")
    assert status == 0, err
    assert "本条文为截至2026-04-24的法律文本。" in out
    status, out, err = run(capsys, "render", str(ROOT / "drafts" / "sg" / "in-force" / "377be-intimate-image.lexd"),
                           "--lang", "zh")
    assert status == 0, err
    assert "本条文为截至2026-04-24（据新加坡法规在线网站的抓取副本）的法律文本。" in out


def test_a_version_s_chinese_prints_back_under_it() -> None:
    parsed = parse_text(SOURCE, "d.lexd")
    printed = format_draft(parsed)
    assert ('  version      as-at "2026-04-24 (Singapore Statutes Online, as scraped)"\n'
            '               zh "截至2026-04-24（据新加坡法规在线网站的抓取副本）"\n') in printed
    assert parse_text(printed, "d.lexd") == parsed
    version = parsed.documents[0].version
    assert version is not None and version.zh == "截至2026-04-24（据新加坡法规在线网站的抓取副本）"
