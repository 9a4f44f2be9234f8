"""Hostile file names and links. On the documentation site a draft's downloads (Word, Akoma Ntoso) are named by its
path, and a name holding what a URL reads otherwise (`#` a fragment, `?` a query, `%` an escape, a blank, quotes,
`<>`) still links the very file written, never another address, and puts no markup into the page. A pack whose files
are links out of the folder of packs that names it is never read, so its target (a secret of the machine that builds
a pull request's site) is never quoted into a log."""

from __future__ import annotations

import re
from html import unescape as html_unescape
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import pytest
from cli_run import run
from test_control_characters import DRAFT

from lexdraft import packs
from lexdraft.diagnostics import LexdraftError, format_all

pytest_plugins = ("sphinx.testing.fixtures",)
ROOT = Path(__file__).resolve().parent.parent
NAMES = ["a#b.lexd", "a?b=1.lexd", "a%41b.lexd", "a b.lexd", "a\"b'<i>c.lexd", "a&amp;b.lexd", "a;b:c.lexd"]


@pytest.fixture(scope="session")
def rootdir() -> Path:
    return ROOT / "tests" / "roots"


@pytest.mark.sphinx("html", testroot="lexdraft", srcdir="hostile-names", freshenv=True)  # its own copy: it adds drafts
def test_every_download_links_the_file_written_whatever_its_name(app: Any, warning: Any) -> None:
    drafts = Path(app.srcdir) / "drafts"
    drafts.mkdir(exist_ok=True)
    (Path(app.srcdir) / "context").mkdir(exist_ok=True)
    for n, name in enumerate(NAMES):
        text = DRAFT.format(zh="", en="").replace("253-3 after 253-2", f"{400 + n}-1 after {400 + n}")
        (drafts / name).write_text(text.replace("253-3", f"{400 + n}-1"), encoding="utf-8")
    app.build()
    assert "error[" not in warning.getvalue(), warning.getvalue()
    page = Path(app.outdir) / "index.html"
    html = page.read_text(encoding="utf-8")
    assert "<i>" not in html  # a name's markup is text
    links = re.findall(r'<a class="lexdraft-download reference external" href="([^"]+)">', html)
    assert len(links) == 4 * len(NAMES), links  # Word and Akoma Ntoso, in Chinese and in English, for each
    for href in links:
        parts = urlsplit(html_unescape(href))
        assert not parts.scheme and not parts.query and not parts.fragment, href  # the whole name is the path
        target = (page.parent / unquote(parts.path)).resolve()
        assert target.is_file(), href
        assert target.is_relative_to(Path(app.outdir).resolve())
    written = {p.name for p in (Path(app.outdir) / "_downloads" / "lexdraft").iterdir()}
    for name in NAMES:
        assert f"drafts__{name[:-5]}.en.docx" in written, name


SECRET = "machine github.com login ci password ghp_SECRET"
NZ = ROOT / "tests" / "bad" / "packs" / "age-without-ages" / "nz" / "pack.yaml"  # a valid pack.yaml


@pytest.mark.parametrize("linked", ["pack.yaml", "vocabulary.yaml", "the-folder"])
def test_a_pack_file_linked_out_of_its_folder_is_never_read(tmp_path: Path, linked: str,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    secret = tmp_path / "home" / ".netrc"
    secret.parent.mkdir()
    secret.write_text(SECRET + "\n", encoding="utf-8")
    office = tmp_path / "repo" / "packs"
    if linked == "the-folder":  # packs/nz -> a folder of the machine's, holding a pack.yaml that is the secret
        (tmp_path / "home" / "pack.yaml").symlink_to(secret)
        office.mkdir(parents=True)
        (office / "nz").symlink_to(tmp_path / "home")
    else:
        (office / "nz").mkdir(parents=True)
        (office / "nz" / "pack.yaml").write_text(NZ.read_text(encoding="utf-8"), encoding="utf-8")
        (office / "nz" / linked).unlink(missing_ok=True)
        (office / "nz" / linked).symlink_to(secret)
    code, out, err = run(capsys, "check", str(ROOT / "drafts" / "nz"), "--pack", str(office), "--no-cache")
    assert (code, out) == (2, ""), err
    assert "error[E705]: " in err and "is a link that leads outside the pack folder" in err and "= hint: " in err
    assert "ghp_SECRET" not in err
    with packs.using([str(office)]), pytest.raises(LexdraftError) as raised:  # as the Sphinx extension loads them
        packs.all_packs()
    assert "ghp_SECRET" not in format_all(raised.value.diagnostics, dict(raised.value.sources))


def test_a_pack_file_linked_within_the_folder_of_packs_is_read(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    office = tmp_path / "packs"
    (office / "nz").mkdir(parents=True)
    bundled = ROOT / "packs" / "nz"
    (office / "shared-nz.yaml").write_text((bundled / "pack.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (office / "nz" / "pack.yaml").symlink_to(office / "shared-nz.yaml")
    (office / "nz" / "vocabulary.yaml").write_text((bundled / "vocabulary.yaml").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    code, _, err = run(capsys, "check", str(ROOT / "drafts" / "nz"), "--pack", str(office), "--no-cache", "-q")
    assert code in (0, 1), err
