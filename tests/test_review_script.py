"""A Chinese review of a jurisdiction whose statutes are written in traditional characters is wholly in that script
and usage (issue 14; LAWYER-M NIT-2, LAWYER-F S-5), its quotations of the statutes the source's characters; a review
of a jurisdiction written in simplified characters stays so; a review of both writes each part in its own."""

from __future__ import annotations

import json
import re
from pathlib import Path

import opencc
import pytest
from cli_run import run

from lexdraft import packs
from lexdraft.wording.edits import _HANT
from lexdraft.wording.taiwan import in_script

PACKS = Path(__file__).resolve().parent / "packs"  # xh: Hantland, zh-Hant; yy: Testland, zh-Hans

# Hantland's art. 10 in characters OpenCC s2tw would change if they went through it again: 占 (佔), 里 (裡)
ARTICLE_10 = "於鄰里散布兒童之性影像者，處三年以下有期徒刑。\n意圖散布而占有前項性影像者，亦同。"
PROVISION = '''provision xh.penal-code.10.{n} {{
  jurisdiction xh
  status       in-force
  instrument   penal-code
  title        zh-hant "{title}"
               en "{en}"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      {conduct}
  {extra}
  object       csam {{
    depicts  sexual-activity | exposed-sexual-organs
    person   minor
    medium   visual
  }}
  prosecution  public
  penalty
    base imprisonment <= 3 years
  text         zh-hant """
第 10 條
{text}
"""
               en """
¶1 A person who distributes sexual images of a child in a neighbourhood is punished by imprisonment up to 3 years.
¶2 The same applies to a person who holds such images with intent to distribute them.
"""
}}
'''
DRAFT = PROVISION.format(n=1, title="散布兒童性影像罪", en="Distributing sexual images of children",
                         conduct="distribute", extra="means        any-means", text=ARTICLE_10) + \
    PROVISION.format(n=2, title="意圖散布而占有兒童性影像罪", en="Holding sexual images of children to distribute",
                     conduct="possess", extra="purpose      dissemination", text=ARTICLE_10)
SIMPLIFIED = '''provision yy.penal-code.100-1 {
  jurisdiction yy
  status       proposed
  instrument   amendment to "测试国刑法典" inserting article 100-1 after 100
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


@pytest.fixture
def hantland(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "lexdraft.toml").write_text(f'packs = ["{PACKS.as_posix()}"]\n', encoding="utf-8")
    (tmp_path / "10.lexd").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "100-1.lexd").write_text(SIMPLIFIED, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def simplified_only(text: str) -> set[str]:
    """The characters of `text` that traditional Chinese never writes: OpenCC s2t changes them and t2s keeps them
    (制, written in both, is not one; 后, 发, 条 are)."""
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    return {c for c in set(text) if "\u4e00" <= c <= "\u9fff" and s2t.convert(c) != c and t2s.convert(c) == c}


def traditional_only(text: str) -> set[str]:
    s2t, t2s = opencc.OpenCC("s2t"), opencc.OpenCC("t2s")
    return {c for c in set(text) if "\u4e00" <= c <= "\u9fff" and t2s.convert(c) != c and s2t.convert(c) == c}


def _unquoted(text: str) -> str:
    """The review's text less its quotations of Hantland's statute (each paragraph, whole or begun)."""
    for paragraph in ARTICLE_10.split("\n"):
        text = text.replace(paragraph, "")
    return text


def test_a_traditional_jurisdictions_review_is_in_its_script(hantland: Path, capsys: pytest.CaptureFixture[str]):
    for form in ("text", "markdown", "html"):
        code, out, err = run(capsys, "review", "10.lexd", "--against", "uncc.14", "--lang", "zh", "--format", form)
        assert code == 1 and not err, err  # gaps found
        assert not simplified_only(_unquoted(out)), (form, sorted(simplified_only(_unquoted(out))))
        assert "審查範圍" in out and "條文" in out and "「散布」涵蓋" in out  # its words, its quotation marks
    assert '<html lang="zh-Hant">' in out and '<section class="lexdraft-review" lang="zh-Hant">' in out
    code, out, err = run(capsys, "review", "10.lexd", "--against", "uncc.14", "--format", "json")
    zh = [v for v in _strings(json.loads(out)) if v[0] == "zh"]
    assert zh and not simplified_only(_unquoted("".join(s for _, s in zh)))


def _strings(value: object, lang: str = "") -> list[tuple[str, str]]:
    if isinstance(value, dict):
        return [x for k, v in value.items() for x in _strings(v, k if k in ("en", "zh") else lang)]
    if isinstance(value, list):
        return [x for v in value for x in _strings(v, lang)]
    return [(lang, value)] if isinstance(value, str) and lang else []


def test_its_quotations_are_the_statutes_characters(hantland: Path, capsys: pytest.CaptureFixture[str]):
    """Never converted again: s2tw would write 占有 as 佔有 and 鄰里 as 鄰裡."""
    _, out, _ = run(capsys, "review", "10.lexd", "--against", "uncc.14", "--lang", "zh")
    first, second = ARTICLE_10.split("\n")
    assert f"「{first}……」" in out and f"「……{second}」" in out  # each measure's paragraph, marked in its article
    assert "而佔有前項" not in out and "鄰裡" not in out


def test_a_simplified_jurisdictions_review_stays_simplified(hantland: Path, capsys: pytest.CaptureFixture[str]):
    _, out, err = run(capsys, "review", "100-1.lexd", "--against", "uncc.16", "--lang", "zh")
    assert not err and "审查范围" in out and not traditional_only(out), sorted(traditional_only(out))


def test_a_review_of_both_writes_each_part_in_its_script(hantland: Path, capsys: pytest.CaptureFixture[str]):
    _, out, err = run(capsys, "review", "100-1.lexd", "10.lexd", "--against", "uncc.14", "--against", "uncc.16",
                      "--lang", "zh", "--format", "html")
    assert not err, err
    parts = re.split(r'<section class="lexdraft-review" lang="(zh-Han[st])">', out)
    by_script = dict(zip(parts[1::2], parts[2::2], strict=True))
    assert set(by_script) == {"zh-Hans", "zh-Hant"}
    assert not simplified_only(_unquoted(by_script["zh-Hant"])) and not traditional_only(by_script["zh-Hans"])
    # the page's own title and language: the review's default where its parts' scripts differ
    assert '<html lang="zh-Hans">' in out and "<title>《联合国打击网络犯罪公约》实施情况审查</title>" in out


def test_prose_in_script_keeps_quotations_of_the_statutes() -> None:
    with packs.using([str(PACKS)]):  # xh, the test's traditional-script pack
        _prose_in_script_keeps_quotations_of_the_statutes()


def _prose_in_script_keeps_quotations_of_the_statutes() -> None:
    verbatim = ARTICLE_10
    assert in_script("“占有”涵盖控制；“视觉记录”不满十八周岁", "xh", verbatim) == \
        "「占有」涵蓋控制；「視覺記錄」不滿十八週歲"
    # Taiwan's usage after its script (packs/tw/pack.yaml `usage`)
    assert in_script("存储在账户或者服务器中，计算机生成，发布", "tw") == "儲存在帳戶或伺服器中，電腦生成，發布"
    assert in_script("实际占有", "tw") == "實際占有"
    # identity and capacity as Taiwan's statutes write them (Criminal Code art. 31: 身分); a storage medium
    assert in_script("以任何身份参与；其他存储介质", "tw") == "以任何身分參與；其他儲存媒體"
    assert in_script("“占有”", "prc", verbatim) == "“占有”"  # a simplified jurisdiction's prose as composed
    for form in _HANT.values():  # Taiwan's own drafting words pass through as they are
        assert in_script(form, "tw") == form.replace("“", "「").replace("”", "」")


def test_a_title_keeps_its_words_and_takes_the_jurisdictions_characters() -> None:
    """A name in 《》 is written in Taiwan's characters but not reworded into its usage (LAWYER-S24): the review says
    it follows the Chinese literature's name for the Convention, which writes 网络 where Taiwan's statutes say 網路."""
    assert in_script("《联合国打击网络犯罪公约》要求网络服务", "tw") == "《聯合國打擊網絡犯罪公約》要求網路服務"


def test_a_child_of_twelve_is_a_shaonian_in_taiwans_words() -> None:
    """兒童及少年福利與權益保障法 art. 2: a 兒童 is under twelve, a 少年 twelve to seventeen."""
    assert in_script("一名十二周岁儿童", "tw") == "一名十二歲少年"


def test_the_check_reports_reasons_are_in_its_script(hantland: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = run(capsys, "check", "10.lexd", "--against", "uncc.14", "--lang", "zh")
    assert not err and "審查條文" in out and "「散布」涵蓋" in out
    assert not simplified_only(_unquoted(out)), sorted(simplified_only(_unquoted(out)))
    # the treaty cited in its law's form, as its review cites it: 第14條第1款 would read as an item (款) of Art. 14
    assert "公約第十四條第一項、第十六條第一項" in out and not re.search(r"第\d+條", out)
    _, out, err = run(capsys, "check", "10.lexd", "--against", "uncc.14", "--format", "json")
    (report,) = json.loads(out)
    reasons = [r["reason"]["zh"] for r in report["requirements"]] + \
        [d["zh"] for r in report["requirements"] for d in r["details"]]
    assert any(reasons) and not simplified_only(_unquoted("".join(reasons)))
    # one about a simplified-script jurisdiction as composed
    _, out, err = run(capsys, "check", "100-1.lexd", "--against", "uncc.16", "--lang", "zh")
    assert "审查条文" in out and not traditional_only(out)


def test_the_atlas_gives_each_jurisdictions_reasons_in_its_script(hantland: Path,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    _, out, err = run(capsys, "atlas", "10.lexd", "100-1.lexd", "--against", "uncc.14", "--lang", "zh",
                      "--format", "json")
    assert not err, err
    rows = {j["code"]: j for j in json.loads(out)["jurisdictions"]}
    hant = "".join(r for v in rows["xh"]["verdicts"].values() for r in v["reasons"])
    hans = "".join(r for v in rows["yy"]["verdicts"].values() for r in v["reasons"])
    assert hant and not simplified_only(_unquoted(hant)) and hans and not traditional_only(hans)
    assert rows["xh"]["name"] == "测试邦"  # the atlas's own words, about every jurisdiction, in the default


BILL_FORMS = """
bill:
  zh: {title: '{act}修正案{number}', number: '（{n}）', draft: '（草案）', item: '{n}、', number-numerals: chinese,
       item-numerals: chinese}
  en: {title: 'Amendment{number} to the {act}', number: ' ({n})', draft: ' (Draft)', item: '{n}. ',
       number-numerals: roman, item-numerals: arabic}
memorandum:
  zh: {title: '關於《{bill}》的說明', part: '{n}、', part-numerals: chinese}
  en: {title: 'Explanation of the {bill}', part: '{n}. '}
"""
BILL = '''provision xh.penal-code.10-1 {
  jurisdiction xh
  status       proposed
  instrument   amendment to "測試邦刑法" inserting article 10-1 after 10
  title        zh-hant "持有兒童性影像罪"
               en "Possessing sexual images of children"
  implements   uncc.14
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {
    depicts  sexual-activity | exposed-sexual-organs
    person   minor
    medium   visual
  }
  prosecution  public
  penalty
    base imprisonment <= 2 years
}

bill xh.penal-code-amendment.1 {
  jurisdiction xh
  status       proposed
  amends       penal-code
  number       1
  item         xh.penal-code.10-1
}
'''


def test_a_memorandum_is_in_its_jurisdictions_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Its review reasons, before and after each item, were left in simplified characters beside its own
    traditional words; and the Convention is cited in its law's form (第十四條第一項(c)款)."""
    (tmp_path / "packs" / "xh").mkdir(parents=True)
    (tmp_path / "packs" / "xh" / "pack.yaml").write_text(
        (PACKS / "xh" / "pack.yaml").read_text(encoding="utf-8") + BILL_FORMS, encoding="utf-8")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "10.lexd").write_text(DRAFT, encoding="utf-8")
    (tmp_path / "bill.lexd").write_text(BILL, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, out, err = run(capsys, "render", "bill.lexd", "--memorandum", "--with", "10.lexd", "--lang", "zh")
    assert not err, err
    assert "現行法律的審查理由" in out and "第十四條第一項(c)款" in out and not re.search(r"第\d+條", out)
    assert not simplified_only(_unquoted(out)), sorted(simplified_only(_unquoted(out)))


# a statute quoted in straight quotes, a file name or a force in half-width parentheses, a label's colon after ] or )
_ENGLISH_MARKS = r'"於鄰里|修改建[議议] \(|\]: |[\u4e00-\u9fff]\)(: |：)|\.lexd`?\)|[\u4e00-\u9fff]\. '


def test_a_chinese_review_is_punctuated_in_chinese(hantland: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """Full-width marks in every form of a Chinese review: a statute quoted in the jurisdiction's quotation marks
    (「」 where its statutes are in traditional characters, “” in simplified), a file name or a paragraph's force in
    （）, a label's colon ：, a verdict ended 。; never the English " (", "): " or straight quotes."""
    for form in ("text", "markdown", "html"):
        _, out, err = run(capsys, "review", "10.lexd", "--against", "uncc.14", "--lang", "zh", "--format", form)
        assert not err, err
        assert "「於鄰里散布兒童之性影像者" in out and "（強制性）：" in out or "[強制性]：" in out, form
        assert not re.search(_ENGLISH_MARKS, out), (form, re.search(_ENGLISH_MARKS, out))
        _, out, err = run(capsys, "review", "100-1.lexd", "--against", "uncc.16", "--lang", "zh", "--format", form)
        assert not err and ("（强制性）：" in out or "[强制性]：" in out), form
        assert not re.search(_ENGLISH_MARKS, out), (form, re.search(_ENGLISH_MARKS, out))
    _, out, _ = run(capsys, "review", "10.lexd", "--against", "uncc.14", "--lang", "en")
    assert '"A person who distributes' in out or "[obligatory]: " in out  # the English keeps its own marks


def test_provisions_named_together_are_in_their_law_s_order() -> None:
    """The deep synthesis provisions' arts. 9, 10, 16 and 17 were listed 第十条、第十六条、第十七条、第九条, as their
    ids sort: provisions named together are listed as their law numbers them."""
    from lexdraft.outputs.review import Cite
    from lexdraft.pipeline import load_sources

    with packs.using([str(PACKS)]):
        drafts, _ = load_sources([(f"{n}.lexd", PROVISION.format(n=1, title="罪", en="Offence", conduct="distribute",
                                                               extra="", text=ARTICLE_10).replace(
            "xh.penal-code.10.1", f"xh.penal-code.{n}")) for n in (10, 9, 17)])
        ids = ["xh.penal-code.10", "xh.penal-code.17", "xh.penal-code.9"]
        assert Cite(drafts.provisions, "zh").ids(ids) == "刑法第九條、第十條、第十七條"
        assert Cite(drafts.provisions, "en").ids(ids) == "Article 9, Article 10, Article 17 of the Penal Code"


def test_taiwan_s_page_names_a_threshold_as_its_suggested_edits_do() -> None:
    """A threshold below which an act goes unpunished is one term on Taiwan's page: the 處罰門檻 its suggested edits
    delete (刪除「…」之處罰門檻), not the Mainland's 入罪門檻 beside them (LAWYER-S27); a PRC page keeps 入罪门槛."""
    said = "仅修改其一至两处要件（如行为、材料、入罪门槛）"
    assert "處罰門檻" in in_script(said, "tw") and "入罪" not in in_script(said, "tw")
    assert in_script(said, "prc") == said
