"""Jurisdiction packs: an office's own pack in a folder outside the package, declared in lexdraft.toml or given with
--pack, changes what check, render, gate and a Sphinx build say; a broken pack is a located error; every id a pack's
numbering lets parse accept, render can cite."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from cli_run import run
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lexdraft import packs
from lexdraft.diagnostics import LexdraftError
from lexdraft.packs.pack import read_pack
from lexdraft.wording.citations import article_label

HERE = Path(__file__).resolve().parent
NZ = HERE / "packs" / "nz"
BAD = HERE / "bad" / "packs"  # NAME/ holds one broken pack (or two for a duplicate code); NAME.expected its errors

DRAFT = '''provision nz.hdca.22a {
  jurisdiction nz
  status       in-force
  title        zh "未经同意发布私密视觉录制内容"
               en "Posting intimate visual recording without consent"
  source       "Harmful Digital Communications Act 2015, s. 22A"
  text         en """(1) A person commits an offence if the person, without reasonable excuse, posts a digital
communication that is an intimate visual recording of a victim."""
}
'''


pytestmark = pytest.mark.usefixtures("bundled_only")


def _office_pack(folder: Path) -> None:
    """The test New Zealand pack, as an office's own: named and citing unlike the pack lexdraft bundles for nz, so
    that what a command prints shows which of the two it used."""
    shutil.copytree(NZ, folder)
    text = (folder / "pack.yaml").read_text(encoding="utf-8")
    text = text.replace("en: New Zealand,", "en: New Zealand (office),").replace("article: 'section {number}'",
                                                                               "article: 's. {number}'")
    (folder / "pack.yaml").write_text(text, encoding="utf-8")


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts repository with its own New Zealand pack, named in its lexdraft.toml."""
    _office_pack(tmp_path / "office-packs" / "nz")
    (tmp_path / "lexdraft.toml").write_text('packs = ["office-packs"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "22a.lexd").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_check_names_the_office_jurisdiction(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.16")
    assert code == 1, err  # the one section does not implement Art. 16 as encoded: no conduct, no object
    assert "Jurisdiction: New Zealand (office)\n" in out
    assert "Provisions checked: nz.hdca.22a (in force)" in out


def test_render_cites_as_the_pack_says(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "drafts/22a.lexd", "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[:2] == ["Posting intimate visual recording without consent",
                                    "Harmful Digital Communications Act 2015, s. 22A (in force)"]
    assert "authoritative" not in out  # English is the statute's own language: no translation note


def test_render_in_chinese_shows_the_english_statute_and_says_no_translation_is_given(
        office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", "drafts/22a.lexd", "--lang", "zh")
    assert code == 0, err
    assert "《Harmful Digital Communications Act 2015》第22A条（现行有效）" in out
    assert "未载有该条文的中文译文" in out
    assert "(1) A person commits an offence if the person" in out


def test_without_the_toml_the_office_pack_is_not_used(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # lexdraft bundles a New Zealand pack: the office's own, named differently here, replaces it only where named.
    (office / "lexdraft.toml").unlink()
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.16")
    assert "Jurisdiction: New Zealand\n" in out, err
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.16", "--pack", "office-packs")
    assert "Jurisdiction: New Zealand (office)\n" in out, err
    code, out, err = run(capsys, "render", "drafts/22a.lexd", "--lang", "en", "--pack", "office-packs")
    assert code == 0, err
    assert "Harmful Digital Communications Act 2015, s. 22A" in out


def test_pyproject_tool_lexdraft_names_the_packs(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (office / "lexdraft.toml").unlink()
    (office / "pyproject.toml").write_text('[tool.lexdraft]\npacks = ["office-packs"]\n', encoding="utf-8")
    code, out, err = run(capsys, "render", "drafts/22a.lexd", "--lang", "en")
    assert code == 0, err
    assert "Harmful Digital Communications Act 2015, s. 22A" in out


def test_a_bad_lexdraft_toml_is_located(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (office / "lexdraft.toml").write_text('# the office\npack = ["office-packs"]\n', encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts")
    assert (code, out) == (2, "")
    assert err.startswith(f"{office / 'lexdraft.toml'}:2:1: error[E705]: unknown setting 'pack'\n")
    assert "   2 | pack = [\"office-packs\"]" in err


def test_the_gate_reads_the_office_pack(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=office, check=True, capture_output=True)

    git("init", "-q", "-b", "main")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "--allow-empty", "-m", "base")
    git("add", "-A")
    git("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", "pack and draft")
    (office / "drafts" / "22a.lexd").write_text(DRAFT.replace("jurisdiction nz", "jurisdiction nz\n  conduct publish"),
                                                encoding="utf-8")
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts", "--against", "uncc.16")
    assert (code, err) == (0, "")
    assert "nz.hdca.22a: changed / 修改 (drafts/22a.lexd)" in out  # parsed and compared through the office's pack
    assert "drafts/22a.lexd:3:11: Conduct added: publish" in out


@pytest.mark.sphinx
def test_a_sphinx_site_uses_the_pack_its_conf_names(tmp_path: Path) -> None:
    from sphinx.cmd.build import build_main

    site = tmp_path / "site"
    (site / "drafts").mkdir(parents=True)
    _office_pack(tmp_path / "office" / "nz")
    (site / "drafts" / "22a.lexd").write_text(DRAFT, encoding="utf-8")
    (site / "conf.py").write_text('extensions = ["lexdraft.sphinx"]\nlexdraft_packs = ["../office"]\n',
                                  encoding="utf-8")
    (site / "index.rst").write_text("NZ\n==\n\n.. lexdraft:draft:: drafts/22a.lexd\n\n"
                                    ".. lexdraft:report:: drafts\n   :against: uncc.16\n", encoding="utf-8")
    assert build_main(["-q", "-W", "-b", "html", str(site), str(tmp_path / "out")]) == 0
    page = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert "Harmful Digital Communications Act 2015, s. 22A" in page  # the office's citation, not the bundled one's
    assert "《Harmful Digital Communications Act 2015》第22A条" in page  # the Chinese column cites it as the pack does


# ------------------------------------------------------------------ broken packs

CASES = sorted(p.name for p in BAD.iterdir() if p.is_dir()) if BAD.is_dir() else []


@pytest.mark.parametrize("name", CASES)
def test_a_broken_pack_is_a_located_error(name: str, capsys: pytest.CaptureFixture[str],
                                          monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest) -> None:
    monkeypatch.chdir(HERE.parent)
    folders = sorted(p for p in (BAD / name).iterdir() if p.is_dir())
    args = [a for f in folders for a in ("--pack", str(f.relative_to(HERE.parent)))]
    code, out, err = run(capsys, "check", *args, "drafts/prc/in-force")
    assert (code, out) == (2, "")
    assert "Traceback" not in err
    assert re.match(r"^tests/bad/packs/\S+:\d+:\d+: error\[E70\d\]: ", err), err
    expected = BAD / f"{name}.expected"
    if request.config.getoption("--regen-bad", default=False):
        expected.write_text(err, encoding="utf-8")
    assert err == expected.read_text(encoding="utf-8")


def test_every_bad_pack_case_is_there() -> None:
    assert {"unknown-key", "uncovered-element", "numbering-mismatch", "duplicate-code"} <= set(CASES)


# ------------------------------------------------------------------ numbering

PACKS = [*packs.all_packs().values(), read_pack(NZ, "tests/packs/nz")]


@pytest.mark.parametrize("pack", list(packs.all_packs().values()), ids=lambda p: p.code)
def test_an_article_inserted_after_any_example_is_one_the_numbering_takes(pack: packs.Pack) -> None:
    """A review can suggest a new article in every bundled pack: its `inserted` form (or the default, 253-1) gives a
    number the pattern takes, after every example (the Philippines' default 4-1 did not: no new section was offered)."""
    for example in pack.examples:
        assert pack.numbering().fullmatch(pack.next_inserted(example)), (example, pack.next_inserted(example))


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_every_id_parse_accepts_render_can_cite(pack: packs.Pack) -> None:
    """Property: any article number the pack's pattern takes, and an id can hold, lint accepts and render cites;
    anything else is refused by both."""
    packs.use([str(NZ.parent)] if pack.code == "nz" else [])
    instrument = next(iter(pack.instruments))

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.from_regex(pack.pattern, fullmatch=True), st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True)))
    def prop(number: str) -> None:
        ident = f"{pack.code}.{instrument}.{number}"
        problem = packs.id_problem(ident, pack.code)
        can_stand = re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", number) is not None
        if problem is None:
            assert can_stand
            for lang in ("en", "zh"):
                assert article_label(number, pack.code, lang)
        else:
            assert not (can_stand and re.fullmatch(pack.pattern, number)), (ident, problem)

    prop()


@pytest.mark.parametrize("pack", [p for p in PACKS if p.items], ids=lambda p: p.code)
def test_every_item_parse_accepts_render_can_cite(pack: packs.Pack) -> None:
    """Property: an id naming an item of a paragraph (a limb, 项, 款, (a)) that the pack's `items` takes, parse
    accepts and render cites in every language, the item's number in it; any other item is refused."""
    packs.use([])  # the bundled packs (the test pack of nz numbers no items)
    instrument = next(iter(pack.instruments))

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.from_regex(pack.items or "", fullmatch=True), st.from_regex(r"[a-z0-9]{1,3}", fullmatch=True)),
           st.integers(1, 12))
    def prop(item: str, paragraph: int) -> None:
        ident = f"{pack.code}.{instrument}.{pack.examples[0]}.{paragraph}.{item}"
        problem = packs.id_problem(ident, pack.code)
        if re.fullmatch(pack.items or "", item) and re.fullmatch(r"[a-z0-9]+", item):
            assert problem is None, (ident, problem)
            for lang in ("en", "zh"):
                whole = article_label(pack.examples[0], pack.code, lang, paragraph, item)
                assert whole.startswith(article_label(pack.examples[0], pack.code, lang, paragraph)) and \
                    whole != article_label(pack.examples[0], pack.code, lang, paragraph)
        else:
            assert problem is not None, ident

    prop()


@pytest.mark.parametrize("ident,label", [("fr.code-penal.227-23.1.2", "article 227-23, paragraph 1, sentence 2"),
                                         ("prc.criminal-law.287-1.1.3", "Article 287A, paragraph 1, item (3)"),
                                         ("sg.penal-code.377be.1.b", "s. 377BE(1)(b)")])
def test_items_render_as_the_pack_says(ident: str, label: str) -> None:
    code, _, number, paragraph, item = ident.split(".")
    assert packs.id_problem(ident, code) is None
    assert article_label(number, code, "en", int(paragraph), item) == label
    assert article_label("287-1", "prc", "zh", 1, "3") == "第二百八十七条之一第一款第三项"
    assert article_label("319-1", "tw", "zh", 1, "2") == "第三百十九條之一第一項第二款"


@pytest.mark.parametrize("ident,label", [("nz.hdca.22a", "section 22A"), ("nz.hdca.22a.1", "section 22A(1)"),
                                         ("prc.criminal-law.253-1", "Article 253A"),
                                         ("tw.criminal-code.319-4.1", "Article 319-4, paragraph 1")])
def test_ids_render_as_the_pack_says(ident: str, label: str) -> None:
    packs.use([str(NZ.parent)])
    code, _, number, *paragraph = ident.split(".")
    assert packs.id_problem(ident, code) is None
    assert article_label(number, code, "en", int(paragraph[0]) if paragraph else None) == label


@pytest.mark.parametrize("number,label", [("253-1", "Article 253A"), ("253-2", "Article 253B"), ("1-26", "Article 1Z"),
                                          ("1-27", "Article 1AA"), ("1-0", "Article 10"), ("1-bis", "Article 1bis")])
def test_sub_numerals_letters_write_further_parts_as_capitals(number: str, label: str) -> None:
    """`sub-numerals: letters` (the PRC's English): 1 -> A, 26 -> Z, then AA; a part that is no counting number is
    written as `numbered` writes it."""
    form = packs.Citation("Article {head}{subs}", sub="{n}", sub_numerals="letters")
    assert form.label(number) == label


def test_obligations_breached_are_cited_in_english_as_the_pack_cites_each_article() -> None:
    """A drafting note's obligations breached: an inserted article of any PRC instrument is cited by its letter
    (the deep synthesis provisions' 第十七条之一 is Article 17A), never by the id's digits (17-1)."""
    from lexdraft.language.ast import Ref
    from lexdraft.wording.citations import obligation_references

    refs = [Ref(f"prc.deep-synthesis-provisions.{n}") for n in ("10", "17", "17-1")]
    law = "Provisions on the Administration of Deep Synthesis of Internet Information Services"
    assert obligation_references(refs, "en") == f"{law}, Articles 10, 17 and 17A"
    assert obligation_references(refs[2:], "en") == f"{law}, Article 17A"
    assert obligation_references(refs[2:], "zh") == "《互联网信息服务深度合成管理规定》第十七条之一"


def test_chinese_citations_come_from_the_packs() -> None:
    assert article_label("253-1", "prc", "zh", 3) == "第二百五十三条之一第三款"
    assert article_label("319-4", "tw", "zh", 1) == "第三百十九條之四第一項"


def test_a_pack_error_is_raised_once_per_load() -> None:
    packs.use([str(BAD / "unknown-key")])
    with pytest.raises(LexdraftError) as e:
        packs.all_packs()
    assert [d.code for d in e.value.diagnostics] == ["E701"]


# ------------------------------------------------------------------ the gate judges by the base's packs

# a pack term reaching beyond its name says why and on what authority (E703 otherwise)
WHY = ', reason: {en: "To post is to communicate by electronic means."}, source: "HDCA 2015, s. 4"'
POST = "  post: {zh: 发布, en: post, en3: posts, covers: [make-available]" + WHY + "}\n"
HOSTILE_POST = "  post: {zh: 发布, en: post, en3: posts, covers: [make-available, distribute, transmit]" + WHY + "}\n"
OFFENCE = DRAFT.replace("\n}\n", """
  mental       intent
  conduct      post, distribute, transmit
  means        ict-system
  object       intimate-image {
    depicts    exposed-sexual-organs | sexual-activity
    person     adult
    origin     real
  }
  consent      absent
  prosecution  public
}
""")


def _commit(root: Path, message: str) -> None:
    for args in (("add", "-A"), ("-c", "user.name=t", "-c", "user.email=t@t", "commit", "-q", "-m", message)):
        subprocess.run(["git", *args], cwd=root, check=True, capture_output=True)


@pytest.fixture
def repository(office: Path) -> Path:
    """The office's repository at its base: the pack says `post` makes an image available, nothing more."""
    (office / "office-packs" / "nz" / "vocabulary.yaml").write_text("conduct:\n" + POST, encoding="utf-8")
    (office / "drafts" / "22a.lexd").write_text(OFFENCE, encoding="utf-8")
    subprocess.run(["git", "init", "-q", "-b", "main"], cwd=office, check=True)
    _commit(office, "the office's pack and its section")
    return office


def test_a_change_cannot_widen_its_own_pack_to_hide_a_loss(repository: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    # The change drops distributing and transmitting, and widens its own pack's `post` to cover them.
    (repository / "office-packs" / "nz" / "vocabulary.yaml").write_text("conduct:\n" + HOSTILE_POST, encoding="utf-8")
    (repository / "drafts" / "22a.lexd").write_text(OFFENCE.replace("post, distribute, transmit", "post"),
                                                    encoding="utf-8")
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts", "--against", "uncc.16")
    assert (code, err) == (1, "")
    # judged by the base's pack, the section no longer reaches distributing or transmitting
    assert ("FAIL nz uncc.16.1 [16(1), obligatory] partly-met -> partly-met: lost (no longer reached: distribute, "
            "transmit;") in out
    assert "FAIL office-packs/nz/vocabulary.yaml: changed" in out  # and the pack's edit is a rule change
    # A maintainer who accepts the new pack has the change judged by it: nothing is lost under it.
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts", "--against", "uncc.16", "--accept-rule-changes")
    assert (code, err) == (0, ""), out
    assert "no longer reached" not in out and "accepted (--accept-rule-changes)" in out


def test_a_pack_folder_named_with_pack_is_read_from_the_base_too(repository: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    (repository / "lexdraft.toml").write_text("packs = []\n", encoding="utf-8")
    _commit(repository, "the pack is named on the command line")
    (repository / "office-packs" / "nz" / "vocabulary.yaml").write_text("conduct:\n" + HOSTILE_POST, encoding="utf-8")
    (repository / "drafts" / "22a.lexd").write_text(OFFENCE.replace("post, distribute, transmit", "post"),
                                                    encoding="utf-8")
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts", "--pack", "office-packs", "--against", "uncc.16")
    assert (code, err) == (1, "")
    assert "lost (no longer reached: distribute, transmit;" in out
    assert "FAIL office-packs/nz/vocabulary.yaml: changed" in out


def test_a_change_that_adds_a_pack_is_told_how_a_maintainer_accepts_it(repository: Path,
                                                                        capsys: pytest.CaptureFixture[str]) -> None:
    # The change adds an office pack for a new jurisdiction and a draft that uses it: unknown at the base.
    shutil.copytree(repository / "office-packs" / "nz", repository / "office-packs" / "xx")
    pack = repository / "office-packs" / "xx" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("code: nz", "code: xx"), encoding="utf-8")
    (repository / "drafts" / "xx.lexd").write_text(DRAFT.replace("nz.hdca", "xx.hdca").replace("jurisdiction nz",
                                                                                               "jurisdiction xx"),
                                                   encoding="utf-8")
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts")
    assert (code, out) == (2, "")
    assert err.startswith("drafts/xx.lexd:2:16: error[E201]: unknown jurisdiction `xx`\n"), err
    assert ("hint: the pack of 'xx' (office-packs/xx/pack.yaml) is new in this change, and the gate reads packs as "
            "the base revision holds them: a new pack is a rule change, used once it is in the base or when a "
            "maintainer accepts it with `lexdraft gate --accept-rule-changes`") in err
    assert "E211" not in err  # what an unknown jurisdiction's statutes are written in is not known: no second error
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts", "--accept-rule-changes")
    assert (code, err) == (0, ""), out
    assert "office-packs/xx/pack.yaml: added" in out and "accepted (--accept-rule-changes)" in out


def test_a_broken_pack_at_the_base_is_quoted_as_the_base_holds_it(repository: Path,
                                                                   capsys: pytest.CaptureFixture[str]) -> None:
    pack = repository / "office-packs" / "nz" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("style:", "styel:"), "utf-8")
    _commit(repository, "a typo in the pack")
    pack.write_text((NZ / "pack.yaml").read_text(encoding="utf-8"), "utf-8")  # mended in the change: not trusted
    code, out, err = run(capsys, "gate", "--base", "HEAD", "drafts")
    assert (code, out) == (2, "")
    assert err.startswith("HEAD:office-packs/nz/pack.yaml:11:1: error[E701]: unknown key 'styel' in the pack\n"), err
    assert "  11 | styel: common-law-en" in err
    assert "lexdraft-base-packs" not in err  # no temporary folder's name in a CI log


# ------------------------------------------------------------------ nothing of the PRC where another pack speaks

YY = HERE / "packs" / "yy"  # Testland: its statutes in Chinese, composed in the amendment form, and not the PRC
YY_PROPOSAL = '''provision yy.penal-code.100-1 {
  jurisdiction yy
  status       proposed
  instrument   amendment to "测试国刑法典" inserting article 100-1 after 100
  chapter      3
  title        zh "未经同意传播私密图像罪"
               en "Disseminating intimate images without consent"
  implements   uncc.16
  mental       intent
  conduct      distribute, transmit
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
'''
YY_INTERPRETATION = '''interpretation yy.high-court.intimate-images {
  jurisdiction yy
  status       proposed
  issuer       testland-high-court
  title        zh "测试国高等法院关于办理传播私密图像刑事案件适用法律若干问题的解释"
               en "Interpretation of the High Court of Testland on Cases of Disseminating Intimate Images"
  interprets   yy.penal-code.100-1
  preamble     zh "依法惩治传播他人私密图像的犯罪活动"
               en "punish according to law the crimes of disseminating intimate images of others"
  article 1 ARTICLE
}
'''
PRC_WORDS = ("中华人民共和国", "People's Republic", "刑法分则", "Criminal Law", "《刑法》")


@pytest.fixture
def testland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "lexdraft.toml").write_text(f'packs = ["{YY.parent.as_posix()}"]\n', encoding="utf-8")
    (tmp_path / "100-1.lexd").write_text(YY_PROPOSAL, encoding="utf-8")
    (tmp_path / "interpretation.lexd").write_text(
        YY_INTERPRETATION.replace("ARTICLE", "evidence ai-synthesis by court-expert-opinion"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_drafting_notes_place_an_article_in_its_own_code(testland: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, zh, err = run(capsys, "render", "100-1.lexd", "--lang", "zh")
    assert code == 0, err
    assert "《测试国刑法典》第一百条之一（立法建议稿）" in zh
    assert "在刑法典第一百条后增加一条，作为第一百条之一：" in zh
    assert "拟置位置：刑法典分则第三章。" in zh
    code, en, err = run(capsys, "render", "100-1.lexd", "--lang", "en")
    assert "Placement: Chapter III of Part Two of the Penal Code." in en
    assert not [w for w in PRC_WORDS if w in zh + en]


def test_an_interpretation_cites_its_own_code(testland: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, zh, err = run(capsys, "render", "interpretation.lexd", "--lang", "zh")
    assert code == 0, err
    assert "为依法惩治传播他人私密图像的犯罪活动，根据《测试国刑法典》的规定" in zh
    assert "建议制定机关：测试国高等法院" in zh
    code, en, err = run(capsys, "render", "interpretation.lexd", "--lang", "en")
    assert "pursuant to the Penal Code of Testland, on several issues" in en
    assert not [w for w in PRC_WORDS if w in zh + en]


def test_a_word_document_has_its_pack_s_margins(testland: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import docx

    for draft, margins in (("100-1.lexd", (20, 22, 24, 26)),
                           (str(HERE.parent / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"), (37, 35, 28, 26)),
                           (str(HERE.parent / "drafts" / "tw" / "in-force" / "319-4-false-sexual-images.lexd"),
                            (25, 25, 25, 25))):
        code, _, err = run(capsys, "render", draft, "--format", "docx", "-o", "out.docx")
        assert code == 0, err
        section = docx.Document("out.docx").sections[0]
        sides = (section.top_margin, section.bottom_margin, section.left_margin, section.right_margin)
        assert tuple(round(s.mm) for s in sides) == margins, draft  # Word keeps them in twips


def test_the_gate_words_a_document_by_the_jurisdiction_of_its_id() -> None:
    """A document without a `jurisdiction` line is worded as its id's jurisdiction writes, never as the PRC."""
    from lexdraft.gate.diff import diff_documents
    from lexdraft.language.parse import parse_text

    draft = ('provision tw.criminal-code.319-5 {\n  status proposed\n  title zh "測試" en "Test"\n'
             "  conduct distribute\n  penalty\n    base imprisonment <= 3 years\nMORE}\n")
    old = parse_text(draft.replace("MORE", ""), "a.lexd").documents
    new = parse_text(draft.replace("MORE", "    aggravated imprisonment <= 7 years; fine additional <= 700000 twd\n"),
                     "a.lexd").documents
    [changed] = diff_documents(old, new)
    assert [c.zh for c in changed.changes] == ["增加刑罚：七年以下有期徒刑，得併科新臺幣七十萬元以下罰金"]


# ------------------------------------------------------------------ inserting an article numbered with letters

NZ_INSERTED = '''provision nz.hdca.22b {
  jurisdiction nz
  status       proposed
  instrument   amendment to "Harmful Digital Communications Act 2015" inserting article NEW after AFTER
  title        en "Threatening to post an intimate visual recording"
  implements   uncc.16
  mental       intent
  conduct      distribute
  object       intimate-image
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}
'''


def test_a_section_numbered_with_letters_is_inserted_as_the_pack_cites_it(office: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (office / "drafts" / "22b.lexd").write_text(NZ_INSERTED.replace("NEW", "22b").replace("AFTER", "22a"), "utf-8")
    code, out, err = run(capsys, "render", "drafts/22b.lexd", "--lang", "en")
    assert code == 0, err
    assert out.splitlines()[:4] == [
        "New section 22B inserted (Threatening to post an intimate visual recording)", "",
        "After section 22A, insert:", "22B Threatening to post an intimate visual recording"]
    (office / "drafts" / "22b.lexd").write_text(NZ_INSERTED.replace("NEW", "22-b").replace("AFTER", "22a"), "utf-8")
    code, out, err = run(capsys, "parse", "drafts/22b.lexd")
    assert (code, out) == (2, "")
    assert "drafts/22b.lexd:4:3: error[E220]: article 22-b is not numbered as nz's pack numbers articles" in err


@pytest.mark.parametrize("pack", PACKS, ids=lambda p: p.code)
def test_every_number_an_id_can_hold_can_be_inserted(pack: packs.Pack) -> None:
    """Property: `inserting article N after M` takes exactly the numbers the pack's pattern takes (as ids do), and
    what it takes, render cites."""
    from lexdraft.language.lint import lint
    from lexdraft.language.parse import parse_text

    packs.use([str(NZ.parent)] if pack.code == "nz" else [])
    instrument = next(iter(pack.instruments))

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(st.one_of(st.from_regex(pack.pattern, fullmatch=True), st.from_regex(r"[a-z0-9]{1,4}(-[a-z0-9]{1,3})?",
                                                                                fullmatch=True)))
    def prop(number: str) -> None:
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", number):
            return  # not an article number an id can hold: no draft can name it
        draft = (f"provision {pack.code}.{instrument}.{pack.examples[0]} {{\n  jurisdiction {pack.code}\n"
                 f"  status proposed\n  instrument amendment inserting article {number} after {pack.examples[0]}\n"
                 '  title en "t" zh "t" zh-hant "t"\n}\n')
        problems = [d for d in lint([parse_text(draft, "x.lexd")]) if d.code == "E220"]
        if re.fullmatch(pack.pattern, number):
            assert not problems, (number, problems)
            assert article_label(number, pack.code, "en")
        else:
            assert problems, number

    prop()


# ------------------------------------------------------------------ the README's and the reference's packs are true

ROOT = HERE.parent


def test_the_readme_s_lines_add_a_jurisdiction(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                               capsys: pytest.CaptureFixture[str]) -> None:
    """The README's "Adding a jurisdiction", run as it stands: its pack is the one in use, and cites as it says."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Adding a jurisdiction", 1)[1].split("\n## ", 1)[0]
    [snippet] = re.findall(r"\n```\n(.*?)```", section, re.DOTALL)
    assert len(snippet.splitlines()) <= 12
    subprocess.run(["bash", "-e", "-c", snippet], cwd=tmp_path, check=True)
    (tmp_path / "22a.lexd").write_text(DRAFT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "render", "22a.lexd", "--lang", "en")
    assert code == 0, err
    assert "Harmful Digital Communications Act 2015, section 22A (in force)" in out
    from lexdraft.packs.config import configured_packs

    with packs.using(configured_packs(str(tmp_path))):  # as the command chose them; they end with the command
        nz = packs.pack("nz")
        assert nz is not None and nz.path == "packs/nz/pack.yaml"  # the README's pack, over the bundled one


def test_the_language_reference_s_pack_is_a_pack(tmp_path: Path) -> None:
    """docs/language.md's pack.yaml, every key it explains, is read without an error."""
    reference = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    [example] = re.findall(r"### pack.yaml\n\n```yaml\n(.*?)```", reference, re.DOTALL)
    (tmp_path / "nz").mkdir()
    (tmp_path / "nz" / "pack.yaml").write_text(example, encoding="utf-8")
    pack = read_pack(tmp_path / "nz", "nz")
    assert pack.margins == (25, 25, 30, 25)
    assert pack.instruments["penal-code"].special_part == {"en": "Book II of the Penal Code"}
    keys = {line.split(":")[0] for line in example.splitlines() if re.match(r"[a-z-]+:", line)}
    schema = (ROOT / "packs" / "schema.json").read_text(encoding="utf-8")
    import json
    assert keys == set(json.loads(schema)["properties"]), "a pack key the reference does not show"


@pytest.mark.parametrize("ident", ["prc.criminal-law.253-1.0", "prc.criminal-law.253-1.00"])
def test_an_id_never_names_paragraph_0(ident: str) -> None:
    """Paragraphs are numbered from 1, as a bill's deletions and an amendment's operations number them (E230): an id
    naming paragraph 0 was accepted and cited as the whole article."""
    problem = packs.id_problem(ident, "prc")
    assert problem is not None and "paragraph 0" in problem[0], problem
