"""Build the lexdraft site and look at it in headless Chromium: screenshots, and the checks a script can make.

    python docs/browser_check.py [OUT]     # site in OUT/html, screenshots in OUT/screenshots (default docs/_build)

Checks: the site builds with `sphinx-build -W`; a Chinese font is installed (`fc-list :lang=zh`) and is the one
fontconfig picks for Chinese; Chromium draws every Chinese character of the pages with a glyph (none as the
missing-glyph box, "tofu"); in the DOM Chromium builds, every draft-set page shows each document's Chinese and
English text side by side, block facing block, and a verdict table per article. Exits 1 naming what failed.
tests/test_site.py runs the same checks and skips them where Chromium is absent.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

DOCS = Path(__file__).resolve().parent
PAGES = ("drafts/prc-in-force", "drafts/prc-proposed", "drafts/tw-in-force", "tutorial")
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN = re.compile(r"[A-Za-z]{3}")
CHROMIUM_FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--hide-scrollbars")


def build(out: Path) -> subprocess.CompletedProcess[str]:
    """`sphinx-build -W` of docs/ into `out`, from scratch."""
    return subprocess.run([sys.executable, "-m", "sphinx", "-W", "-E", "-q", "-b", "html", str(DOCS), str(out)],
                          capture_output=True, text=True, timeout=300, check=False)


def chromium() -> str | None:
    return next((p for p in (shutil.which(n) for n in ("chromium", "chromium-browser")) if p), None)


def chinese_fonts() -> tuple[list[str], str]:
    """The font families fontconfig has for Chinese, and the one it picks for Simplified Chinese text."""
    if shutil.which("fc-list") is None:
        return [], ""
    families = subprocess.run(["fc-list", ":lang=zh", "family"], capture_output=True, text=True,
                              check=False).stdout.split("\n")
    picked = subprocess.run(["fc-match", "-f", "%{family}", "serif:lang=zh-cn"], capture_output=True, text=True,
                            check=False)
    return sorted({f for f in families if f.strip()}), picked.stdout


def _run_chromium(args: list[str], timeout: int = 60, env: dict[str, str] | None = None) -> str:
    browser = chromium()
    assert browser is not None, "chromium is not installed"
    with tempfile.TemporaryDirectory(prefix="lexdraft-chromium-") as profile:
        done = subprocess.run([browser, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
                              capture_output=True, text=True, timeout=timeout, check=False, env=env)
    return done.stdout


def dump_dom(page: Path) -> str:
    """The page's DOM after Chromium has loaded and laid it out."""
    return _run_chromium(["--dump-dom", page.as_uri()])


def _with_script(page: Path, script: str, prefix: str) -> Path:
    """A copy of the page beside it (so its stylesheets load) running `script` once the page is parsed."""
    copy = page.with_name(f".{prefix}-{page.name}")
    copy.write_text(page.read_text(encoding="utf-8").replace("</body>", f"<script>{script}</script></body>"),
                    encoding="utf-8")
    return copy


def screenshot(page: Path, png: Path, width: int = 1300, height: int = 1600, focus: str | None = None) -> None:
    """A screenshot of the page; with `focus` (an element id) starting at that element.

    Headless Chromium shoots the top of a page and ignores #fragments, so a focused shot is taken of a copy of the
    page from which everything before the element has been removed.
    """
    shown = page if focus is None else _with_script(
        page, "for(var n=document.getElementById(" + repr(focus) + ");n&&n.tagName!=='BODY';n=n.parentElement)"
              "{while(n.previousElementSibling)n.previousElementSibling.remove();}", "focus")
    try:
        _run_chromium([f"--window-size={width},{height}", f"--screenshot={png}", shown.as_uri()])
    finally:
        if shown != page:
            shown.unlink()


# Draws each Chinese character of the page in the font the page gives its Chinese text, and compares the pixels with
# those of a code point no font has (U+10FFFD): a character drawn like it is a missing glyph, a "tofu" box.
_TOFU_SCRIPT = """
var el = document.querySelector('[lang^="zh"]');
var font = '32px ' + (el ? getComputedStyle(el).fontFamily : 'serif');
var canvas = document.createElement('canvas'); canvas.width = 48; canvas.height = 48;
var ctx = canvas.getContext('2d');
function pixels(ch) { ctx.clearRect(0, 0, 48, 48); ctx.font = font; ctx.fillText(ch, 4, 38);
  return Array.prototype.join.call(ctx.getImageData(0, 0, 48, 48).data, ''); }
var missing = pixels(String.fromCodePoint(0x10FFFD));
var seen = {}, chars = [], tofu = [];
(document.body.innerText.match(/[\u4e00-\u9fff]/g) || []).forEach(function (c) {
  if (!seen[c]) { seen[c] = 1; chars.push(c); } });
chars.forEach(function (c) { if (pixels(c) === missing) tofu.push(c); });
document.body.setAttribute('data-cjk-chars', String(chars.length));
document.body.setAttribute('data-tofu', tofu.join(''));
"""


def missing_glyphs(page: Path, env: dict[str, str] | None = None) -> tuple[int, str]:
    """(the number of distinct Chinese characters on the page, those Chromium draws as a missing glyph)."""
    probe = _with_script(page, _TOFU_SCRIPT, "glyphs")
    try:
        dom = _run_chromium(["--dump-dom", probe.as_uri()], env=env)
    finally:
        probe.unlink()
    chars = re.search(r'data-cjk-chars="(\d+)"', dom)
    tofu = re.search(r'data-tofu="([^"]*)"', dom)
    assert chars is not None and tofu is not None, "the glyph probe did not run"
    return int(chars.group(1)), tofu.group(1)


# Every cell of the site's tables (verdicts, review, spec) measured against the page's width: a cell whose right edge
# lies past it is cut off on that screen. Run in a frame of the width tested (headless Chromium will not make its
# own window narrower than 500 px, and a phone is narrower).
_NARROW_SCRIPT = """
var frame = document.getElementById('page');
frame.onload = function () {
  var doc = frame.contentDocument, width = doc.documentElement.clientWidth, cut = [];
  doc.querySelectorAll('table.lexdraft-report td, table.lexdraft-spec td').forEach(function (c) {
    var r = c.getBoundingClientRect();
    if (r.width > 0 && r.right > width + 1) cut.push(Math.round(r.right));
  });
  document.body.setAttribute('data-width', String(width));
  document.body.setAttribute('data-cells', String(doc.querySelectorAll('table.lexdraft-report td').length));
  document.body.setAttribute('data-cut', cut.slice(0, 5).join(' '));
};
"""


def cut_off_cells(page: Path, width: int = 420) -> tuple[int, int, str]:
    """(the frame's width, the number of verdict-table cells, the right edges of those running past it) for the
    page shown `width` pixels wide."""
    frame = page.with_name(f".narrow-{page.name}")
    frame.write_text(f'<!DOCTYPE html><html><body style="margin:0"><iframe id="page" src="{html.escape(page.name)}" '
                     f'width="{width}" height="900" style="border:0"></iframe><script>{_NARROW_SCRIPT}</script>'
                     f'</body></html>', encoding="utf-8")
    try:
        dom = _run_chromium(["--allow-file-access-from-files", "--virtual-time-budget=10000", "--dump-dom",
                             frame.as_uri()])
    finally:
        frame.unlink()
    found = [re.search(f'data-{key}="([^"]*)"', dom) for key in ("width", "cells", "cut")]
    assert all(found), "the narrow-screen probe did not run"
    return int(found[0].group(1)), int(found[1].group(1)), found[2].group(1)  # type: ignore[union-attr]


@dataclass
class Cell:
    lang: str
    text: str


class PageStructure(HTMLParser):
    """What a reviewer sees on a draft-set page: the side-by-side grids and the verdict tables."""

    def __init__(self) -> None:
        super().__init__()
        self.grids: list[list[Cell]] = []
        self.tables: list[list[tuple[str, str]]] = []  # per table: (row's verdict class, verdict cell text)
        self._stack: list[str] = []  # the role of each open div / td: "grid", "cell", "verdict" or ""
        self._row: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        if tag == "table" and "lexdraft-report" in classes:
            self.tables.append([])
        if tag == "tr":
            self._row = next((c for c in classes if c.startswith("verdict-")), None)
        if tag in ("div", "td"):
            role = ""
            if "lexdraft-bilingual" in classes:
                role = "grid"
                self.grids.append([])
            elif "lexdraft-text" in classes and self._stack and self._stack[-1] == "grid":
                role = "cell"
                self.grids[-1].append(Cell(a.get("lang") or "", ""))
            elif "lexdraft-verdict" in classes and self._row is not None:
                role = "verdict"
                self.tables[-1].append((self._row, ""))
            self._stack.append(role)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("div", "td") and self._stack:
            self._stack.pop()

    def handle_data(self, data: str) -> None:
        if "cell" in self._stack:
            self.grids[-1][-1].text += data
        elif "verdict" in self._stack:
            row, text = self.tables[-1][-1]
            self.tables[-1][-1] = (row, text + data)


def structure(dom: str) -> PageStructure:
    parser = PageStructure()
    parser.feed(dom)
    return parser


def problems_on_page(name: str, dom: str) -> list[str]:
    """What is wrong with a draft-set or tutorial page as Chromium shows it; empty when it is right."""
    page = structure(dom)
    found: list[str] = []
    if not page.grids:
        found.append(f"{name}: no side-by-side text")
    for i, grid in enumerate(page.grids, start=1):
        langs = [c.lang for c in grid]
        if len(grid) % 2 or any(not zh.startswith("zh") or en != "en" for zh, en in zip(langs[::2], langs[1::2])):
            found.append(f"{name}: grid {i} does not pair Chinese and English blocks: {langs}")
        if not any(CJK.search(c.text) for c in grid[::2]):
            found.append(f"{name}: grid {i} shows no Chinese text")
        if not any(LATIN.search(c.text) for c in grid[1::2]):
            found.append(f"{name}: grid {i}'s English column shows no English")
    if not page.tables:
        found.append(f"{name}: no verdict table")
    for i, rows in enumerate(page.tables, start=1):
        if not rows:
            found.append(f"{name}: verdict table {i} is empty")
        for row, text in rows:
            verdict = html.unescape(text).split()[0] if text.split() else ""
            if row != "verdict-" + verdict.replace("/", ""):
                found.append(f"{name}: verdict table {i}: row {row} shows {verdict!r}")
    return found


def main(argv: list[str]) -> int:
    out = Path(argv[0]) if argv else DOCS / "_build"
    site, shots = out / "html", out / "screenshots"
    done = build(site)
    if done.returncode != 0:
        print(f"sphinx-build -W failed:\n{done.stdout}{done.stderr}", file=sys.stderr)
        return 1
    print(f"site: {site}")
    failures: list[str] = []
    families, picked = chinese_fonts()
    print(f"Chinese fonts: {len(families)} families; fontconfig picks {picked!r} for zh-cn")
    if not families or not any(picked in f for f in families):
        failures.append("no Chinese font for zh-cn text: install fonts-noto-cjk")
    if chromium() is None:
        print("chromium is absent: no screenshots, no DOM checks (apt-get install chromium)", file=sys.stderr)
        return 1
    shots.mkdir(parents=True, exist_ok=True)
    for name in PAGES:
        page = site / f"{name}.html"
        failures.extend(problems_on_page(name, dump_dom(page)))
        chars, tofu = missing_glyphs(page)
        print(f"{name}: {chars} distinct Chinese characters, {len(tofu)} drawn as missing glyphs")
        if not chars or tofu:
            failures.append(f"{name}: Chinese characters drawn as missing glyphs (tofu): {tofu[:20]}")
        stem = name.replace("/", "-")
        screenshot(page, shots / f"{stem}.png")
        first_text = re.search(r'<section id="(lexdraft-doc-[^"]+)"', page.read_text(encoding="utf-8"))
        if first_text:
            screenshot(page, shots / f"{stem}-text.png", focus=first_text.group(1))
    print(f"screenshots: {shots}")
    for f in failures:
        print(f"FAIL {f}", file=sys.stderr)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
