"""The documentation site: `sphinx-build -W` of docs/ succeeds, every draft set has its page, and the pages show
what a reviewer needs — checked in the HTML, and in headless Chromium where it is installed."""

from __future__ import annotations

import importlib.util
import os
import re
import struct
import sys
from pathlib import Path
from types import ModuleType

import pytest

from lexdraft.language.ast import Provision
from lexdraft.pipeline import known_articles, parse_draft

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def _browser_check() -> ModuleType:
    spec = importlib.util.spec_from_file_location("browser_check", DOCS / "browser_check.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["browser_check"] = module
    spec.loader.exec_module(module)
    return module


check = _browser_check()
DRAFT_SETS = sorted({p.parent for p in (ROOT / "drafts").rglob("*.lexd")})


def page_of(folder: Path) -> str:
    """drafts/prc/in-force -> drafts/prc-in-force: the page that publishes a draft set."""
    return "drafts/" + "-".join(folder.relative_to(ROOT / "drafts").parts)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    done = check.build(out)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "WARNING" not in done.stderr and "Traceback" not in done.stderr
    return out


def test_every_draft_set_has_its_page() -> None:
    for folder in DRAFT_SETS:
        page = DOCS / f"{page_of(folder)}.rst"
        assert page.is_file(), f"{folder.relative_to(ROOT)} has no page: add {page.relative_to(ROOT)}"
        rel = folder.relative_to(ROOT).as_posix()
        assert f".. lexdraft:report:: /../{rel}\n" in page.read_text(encoding="utf-8")
        assert f".. lexdraft:draft:: /../{rel}\n" in page.read_text(encoding="utf-8")


@pytest.mark.parametrize("folder", DRAFT_SETS, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_draft_set_page_shows_every_document_and_a_report_per_article(site: Path, folder: Path) -> None:
    html = (site / f"{page_of(folder)}.html").read_text(encoding="utf-8")
    page = check.structure(html)
    documents = [d for f in sorted(folder.glob("*.lexd")) for d in parse_draft(str(f)).documents]
    assert len(page.grids) == len(documents)
    for doc in documents:
        assert f'<section id="lexdraft-doc-{doc.id}">' in html
    jurisdictions = {d.jurisdiction.name for d in documents if isinstance(d, Provision) and d.jurisdiction}
    assert len(page.tables) == len(jurisdictions) * len(known_articles())
    assert check.problems_on_page(page_of(folder), html) == []


def test_reference_pages_are_generated(site: Path) -> None:
    specs = (site / "specs.html").read_text(encoding="utf-8")
    for article in known_articles():
        assert f'<section id="lexdraft-spec-{article}">' in specs
    assert '<section id="lexdraft-req-uncc.14.1.a">' in specs
    language = (site / "language.html").read_text(encoding="utf-8")
    assert "<code class=\"docutils literal notranslate\"><span class=\"pre\">evidenced-by</span></code>" in language
    assert "intimate-image" in language and "私密图像" in language
    index = (site / "lexdraft-provisions.html").read_text(encoding="utf-8")
    assert index.count("#lexdraft-doc-") >= sum(len(parse_draft(str(f)).documents)
                                                for d in DRAFT_SETS for f in d.glob("*.lexd"))
    tutorial = (site / "tutorial.html").read_text(encoding="utf-8")
    assert '<span class="k">provision</span>' in tutorial  # the lexdraft code block, highlighted
    assert re.search(r'<tr class="verdict-partly-met[^"]*"', tutorial)  # the threshold variant's 16(1)


def test_site_is_byte_identical_when_built_again(site: Path, tmp_path: Path) -> None:
    again = check.build(tmp_path)
    assert again.returncode == 0
    for page in ("drafts/prc-in-force.html", "specs.html", "language.html", "tutorial.html"):
        assert (tmp_path / page).read_bytes() == (site / page).read_bytes(), page
    downloads = sorted(p.relative_to(site) for p in (site / "_downloads" / "lexdraft").iterdir())
    assert downloads == sorted(p.relative_to(tmp_path) for p in (tmp_path / "_downloads" / "lexdraft").iterdir())
    for rel in downloads:  # each draft's Word and Akoma Ntoso files too
        assert (tmp_path / rel).read_bytes() == (site / rel).read_bytes(), rel


needs_chromium = pytest.mark.skipif(check.chromium() is None,
                                    reason="chromium is not installed (Debian: apt-get install chromium "
                                           "fonts-noto-cjk); the HTML checks above still run")


def _png_size(png: Path) -> tuple[int, int]:
    data = png.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@needs_chromium
def test_chromium_shows_side_by_side_text_and_verdict_tables(site: Path) -> None:
    families, picked = check.chinese_fonts()
    assert families, "no Chinese font: apt-get install fonts-noto-cjk"
    assert "CJK" in picked or any(picked in f for f in families), picked
    for folder in DRAFT_SETS:
        name = page_of(folder)
        dom = check.dump_dom(site / f"{name}.html")
        assert check.structure(dom).grids, f"{name}: Chromium's DOM lacks the side-by-side text"
        assert check.problems_on_page(name, dom) == []


@needs_chromium
def test_chromium_draws_every_chinese_character_with_a_glyph(site: Path) -> None:
    for folder in DRAFT_SETS:
        chars, tofu = check.missing_glyphs(site / f"{page_of(folder)}.html")
        assert chars > 100 and tofu == "", f"{page_of(folder)}: {len(tofu)} of {chars} characters are tofu: {tofu}"


@needs_chromium
def test_the_tofu_probe_sees_missing_fonts(site: Path, tmp_path: Path) -> None:
    """Without a Chinese font (fontconfig told of the Latin DejaVu fonts only), every character is a missing glyph."""
    latin = Path("/usr/share/fonts/truetype/dejavu")
    if not latin.is_dir():
        pytest.skip("Debian's DejaVu fonts are not where this test looks for them")
    conf = tmp_path / "fonts.conf"
    conf.write_text(f'<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig><dir>{latin}</dir>'
                    f'<cachedir>{tmp_path / "cache"}</cachedir></fontconfig>', encoding="utf-8")
    chars, tofu = check.missing_glyphs(site / "drafts/tw-in-force.html",
                                       env={**os.environ, "FONTCONFIG_FILE": str(conf)})
    assert chars > 100 and len(tofu) == chars


@needs_chromium
def test_chromium_screenshot(site: Path) -> None:
    png = site / "screenshots" / "prc-proposed-text.png"
    png.parent.mkdir(exist_ok=True)
    page = site / "drafts" / "prc-proposed.html"
    check.screenshot(page, png, focus="lexdraft-doc-prc.criminal-law.253-2")
    assert _png_size(png) == (1300, 1600)
    assert not (page.parent / f".focus-{page.name}").exists()


# ---------------------------------------------------------------- the country reviews (lexdraft review)

def review_page_of(folder: Path) -> str:
    """drafts/prc/in-force -> reviews/prc-in-force: the page with the set's country review."""
    return "reviews/" + "-".join(folder.relative_to(ROOT / "drafts").parts)


def test_every_draft_set_has_its_review_page_in_both_languages() -> None:
    for folder in DRAFT_SETS:
        page = DOCS / f"{review_page_of(folder)}.rst"
        assert page.is_file(), f"{folder.relative_to(ROOT)} has no review page: add {page.relative_to(ROOT)}"
        text = page.read_text(encoding="utf-8")
        assert text.count(f".. lexdraft:review:: /../{folder.relative_to(ROOT).as_posix()}\n") == 2
        assert "   :lang: zh\n" in text


@pytest.mark.parametrize("folder", DRAFT_SETS, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_review_page_shows_each_article_in_both_languages(site: Path, folder: Path) -> None:
    from lexdraft.treaty.review import review_data

    html = (site / f"{review_page_of(folder)}.html").read_text(encoding="utf-8")
    jurisdiction = folder.relative_to(ROOT / "drafts").parts[0]
    for lang in ("en", "zh"):
        for article in ("uncc.14", "uncc.16", "uncc.18"):
            assert f'<section id="lexdraft-review-{lang}-{article}-{jurisdiction}">' in html
    assert "Recommendations" in html and ("建議" if jurisdiction == "tw" else "建议") in html  # in its script
    # a counterexample shows each gap; a set with none (South Africa's, as the atlas reads it) has none to show
    assert ("Counterexample" in html) == ("partly-met" in html or "not-met" in html)
    assert not re.search(r"\d{3}_[0-9a-f]{16}\.txt", html)  # papers by authors and title, never file names
    bibliography = (site / "bibliography.html").read_text(encoding="utf-8")
    straight = bibliography.replace("“", '"').replace("”", '"').replace("’", "'")  # the site curls quotation marks
    for source in review_data().sources:  # each by its authors and title
        assert source.full in straight, source.file


@needs_chromium
def test_tables_are_readable_on_a_420_px_screen(site: Path) -> None:
    """No cell of a verdict table runs past the right edge of a phone's screen: the reasons column was cut off."""
    for folder in DRAFT_SETS:
        for name in (page_of(folder), review_page_of(folder)):
            width, cells, cut = check.cut_off_cells(site / f"{name}.html", 420)
            assert width == 420 and cells > 0
            assert cut == "", f"{name}: cells end at {cut} px on a 420 px screen"

def test_the_atlas_page_colours_each_cell_and_links_it_to_its_report(site: Path) -> None:
    page = (site / "atlas.html").read_text(encoding="utf-8")
    cells = re.findall(r'<td class="lexdraft-atlas-(met|part|gap|review)', page)
    assert len(cells) == 10 * 23  # ten systems, the twenty-three requirements of Arts. 14, 16, 18 and 19
    assert {"met", "part", "gap", "review"} <= set(cells)
    assert 'href="drafts/fr-in-force.html#lexdraft-report-fr-uncc.16"' in page
    assert 'href="drafts/prc-in-force.html#lexdraft-report-prc-uncc.14"' in page  # in force, not the proposals


def test_no_page_names_a_paper_by_its_file_name(site: Path) -> None:
    """A paper is cited by authors and title on the site, as in every report (the seeds' INDEX.md); a page that shows
    a draft's own source, where a maintainer keeps the file name, is no reader's citation and is left out."""
    def prose(page: Path) -> str:  # the page without its source listings (<pre>)
        return re.sub(r"<pre>.*?</pre>", "", page.read_text(encoding="utf-8"), flags=re.DOTALL)

    named = sorted(str(p.relative_to(site)) for p in site.rglob("*.html") if re.search(r"_[0-9a-f]{16}\.txt", prose(p)))
    assert named == []


@pytest.mark.parametrize("folder", DRAFT_SETS, ids=lambda f: f.relative_to(ROOT).as_posix())
def test_each_draft_file_is_offered_as_word_and_akoma_ntoso(site: Path, folder: Path) -> None:
    """Every draft file of a set's page links its .docx in both languages and its Akoma Ntoso (in Chinese only where
    the statute has Chinese text), and the files linked are there: a Word document and AKN XML."""
    html = (site / f"{page_of(folder)}.html").read_text(encoding="utf-8")
    links = re.findall(r'<a class="lexdraft-download reference external" href="([^"]+)">([^<]+)</a>', html)
    chinese = folder.relative_to(ROOT / "drafts").parts[0] in ("prc", "tw")
    for draft in sorted(folder.glob("*.lexd")):
        stem = "__".join(draft.relative_to(ROOT).with_suffix("").parts)
        # an entry in force encoded from recollection quotes no text for Akoma Ntoso to carry (test_akn)
        akn = all(d.text is not None or d.text_of is not None for d in parse_draft(str(draft)).documents
                  if isinstance(d, Provision) and d.status is not None and d.status.name == "in-force")
        expected = [f"{stem}.zh.docx", f"{stem}.en.docx",
                    *([f"{stem}.zh.akn.xml"] if chinese and akn else []), *([f"{stem}.en.akn.xml"] if akn else [])]
        found = [href.rsplit("/", 1)[1] for href, _ in links if f"/{stem}." in href]
        assert found == expected, draft
        for name in expected:
            href = next(h for h, _ in links if h.endswith("/" + name))
            target = (site / page_of(folder)).parent / href
            data = target.read_bytes()
            if name.endswith(".docx"):
                assert data[:2] == b"PK" and b"word/document.xml" in data
            else:
                assert data.startswith(b"<?xml") and b"http://docs.oasis-open.org/legaldocml/ns/akn/3.0" in data



def test_the_proposals_pages_show_their_comparison_tables(site: Path) -> None:
    """The Taiwan amendment with its 說明 and the PRC bill, each article beside the text in force, in both languages."""
    tw = (site / "drafts" / "tw-proposed.html").read_text(encoding="utf-8")
    tables = re.findall(r'<table class="lexdraft-comparison[^"]*" lang="([a-zA-Z-]+)"', tw)
    assert tables == ["zh-TW", "en"]
    assert "<p>修正條文</p>" in tw and "<p>說明</p>" in tw and "<p>Explanation</p>" in tw
    assert "<p>一、第一項及第二項未修正。</p>" in tw
    prc = (site / "drafts" / "prc-proposed.html").read_text(encoding="utf-8")
    assert re.findall(r'<table class="lexdraft-comparison[^"]*" lang="([a-zA-Z-]+)"', prc) == ["zh-CN", "en"]
    assert "<p>修改前</p>" in prc and "<p>After amendment</p>" in prc
    assert "<p>第三百六十六条　单位犯本节第三百六十三条、第三百六十四条、第三百六十五条规定之罪的" in prc


@pytest.mark.parametrize(("page", "draft", "in_force"), [
    ("tw-proposed", "tw/proposed/csepa-39-amendment.lexd", "tw/in-force"),
    ("prc-proposed", "prc/proposed/criminal-law-amendment.lexd", "prc/in-force")])
def test_each_comparison_table_is_offered_as_the_word_document_render_writes(
        site: Path, tmp_path: Path, page: str, draft: str, in_force: str) -> None:
    """The table a drafting office files (條文對照表, 修改前后对照表) is a download in each language, the same bytes
    as `render --table docx` writes, and named apart from the draft file's own Word and Akoma Ntoso downloads."""
    from lexdraft.cli import main

    html = (site / "drafts" / f"{page}.html").read_text(encoding="utf-8")
    stem = "__".join(Path("drafts", draft).with_suffix("").parts)
    links = re.findall(r'<a class="lexdraft-download reference external" href="([^"]+)">([^<]+)</a>', html)
    tables = [(href.rsplit("/", 1)[1], label) for href, label in links if "/comparison__" in href]
    assert tables == [(f"comparison__{stem}.zh.docx", "Word (中文)"), (f"comparison__{stem}.en.docx", "Word (English)")]
    for lang in ("zh", "en"):
        out = tmp_path / f"{lang}.docx"
        assert main(["render", str(ROOT / "drafts" / draft), "--table", "docx", "--lang", lang,
                     "--with", str(ROOT / "drafts" / in_force), "-o", str(out)]) == 0
        href = next(h for h, _ in links if h.endswith(f"/comparison__{stem}.{lang}.docx"))
        assert ((site / "drafts" / href).resolve()).read_bytes() == out.read_bytes()


@pytest.mark.parametrize(("page", "draft", "in_force", "kinds"), [
    ("tw-proposed", "tw/proposed/csepa-39-amendment.lexd", "tw/in-force", ("as-amended",)),
    ("prc-proposed", "prc/proposed/criminal-law-amendment.lexd", "prc/in-force", ("memorandum", "as-amended"))])
def test_each_bill_offers_its_memorandum_and_its_text_as_amended(
        site: Path, tmp_path: Path, page: str, draft: str, in_force: str, kinds: tuple[str, ...]) -> None:
    """Beside a bill's own downloads, its explanatory memorandum (a bill of items has one) and the text as amended,
    in Word and Akoma Ntoso in each language: the same bytes as `render --memorandum FORMAT` and `render --as-amended
    FORMAT` write with the text in force. The articles a bill gathers are offered through the bill, not one by one."""
    from lexdraft.cli import main

    html = (site / "drafts" / f"{page}.html").read_text(encoding="utf-8")
    stem = "__".join(Path("drafts", draft).with_suffix("").parts)
    links = re.findall(r'<a class="lexdraft-download reference external" href="([^"]+)">([^<]+)</a>', html)
    offered = [(href.rsplit("/", 1)[1], label) for href, label in links
               if href.rsplit("/", 1)[1].startswith(("memorandum__", "as-amended__")) and f"__{stem}." in href]
    assert offered == [(f"{kind}__{stem}.{lang}.{ext}", f"{name} ({'中文' if lang == 'zh' else 'English'})")
                       for kind in kinds for ext, name in (("docx", "Word"), ("akn.xml", "Akoma Ntoso"))
                       for lang in ("zh", "en")]
    # next to the draft's own downloads: the paragraphs right after the one that offers the draft file
    own = re.search(rf'<p class="lexdraft-meta lexdraft-downloads">Download: .*?{stem}\.en\.akn\.xml.*?</p>\s*'
                    + r'\s*'.join(r'<p class="lexdraft-meta lexdraft-downloads">' + lead + r'.*?</p>' for lead in
                                  ("The explanatory memorandum: ", "The text as amended: ")[-len(kinds):]),
                    html, flags=re.DOTALL)
    assert own is not None
    for kind in kinds:
        for fmt, ext in (("docx", "docx"), ("akn", "akn.xml")):
            for lang in ("zh", "en"):
                out = tmp_path / f"{kind}.{lang}.{ext}"
                assert main(["render", str(ROOT / "drafts" / draft), f"--{kind}", fmt, "--lang", lang,
                             "--with", str(ROOT / "drafts" / in_force), "-o", str(out)]) == 0
                href = next(h for h, _ in links if h.endswith(f"/{kind}__{stem}.{lang}.{ext}"))
                assert ((site / "drafts" / href).resolve()).read_bytes() == out.read_bytes(), (kind, lang, ext)
    gathered = ("253-2-dfii", "286-2-platform-reasonable-care", "364-1-csem-possession", "366-legal-persons")
    assert not any(f"as-amended__drafts__prc__proposed__{name}." in html for name in gathered)


def test_the_tutorial_shows_every_format_the_readme_shows(site: Path) -> None:
    """The site carries the README's list of formats (one command each, run by tests/test_readme_formats.py)."""
    import html as html_module

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = re.search(r"<!-- formats -->\n```sh\n(.*?)```", readme, flags=re.DOTALL)
    assert block is not None
    commands = [line for line in block.group(1).split("\n") if line.startswith("lexdraft ")]
    page = html_module.unescape(re.sub(r"<[^>]+>", "", (site / "tutorial.html").read_text(encoding="utf-8")))
    assert len(commands) > 30 and [c for c in commands if c not in page] == []
