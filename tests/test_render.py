"""Tests of the render stage: golden files for every bundled draft, and the pieces the text is built from."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import jinja2
import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.parse import parse_file, parse_text
from lexdraft.language.resolve import resolve_texts
from lexdraft.wording.citations import article_label, citation, short_reference
from lexdraft.wording.clause import ClauseWording, Offence, offence, parts
from lexdraft.wording.en import OfficialEnglish
from lexdraft.wording.environment import environment, escapes
from lexdraft.wording.numerals import en_number, zh_numeral
from lexdraft.wording.phrases import penalty_phrase
from lexdraft.wording.render import provisions_of, render
from lexdraft.wording.styles import clause_wording
from lexdraft.wording.zh import PrcChinese, TaiwanChinese

REPO = Path(__file__).resolve().parents[1]
DRAFTS = REPO / "drafts"
GOLDEN = Path(__file__).resolve().parent / "golden"
LANGS = ("zh", "en")


# ------------------------------------------------------------------ golden files

def _draft_files() -> list[Path]:
    return sorted(DRAFTS.glob("**/*.lexd"))


def _parsed() -> tuple[dict[Path, A.DraftFile | LexdraftError], dict[str, A.Provision]]:
    """Every draft parsed once per collection, with `text of` resolved as loading the set does, and the provisions of
    all that parse."""
    out: dict[Path, A.DraftFile | LexdraftError] = {}
    for path in _draft_files():
        try:
            out[path] = parse_file(str(path))
        except LexdraftError as e:
            out[path] = e
    parsed = [(path, draft) for path, draft in out.items() if isinstance(draft, A.DraftFile)]
    resolved = resolve_texts([draft for _, draft in parsed])
    out.update((path, draft) for (path, _), draft in zip(parsed, resolved))
    return out, provisions_of([d for draft in resolved for d in draft.documents])


PARSED, PROVISIONS = _parsed()


def golden_name(path: Path, doc_id: str, lang: str) -> str:
    """tests/golden/<path under drafts/ with / as __>.<doc id>.<lang>.txt"""
    return f"{path.relative_to(DRAFTS).as_posix().replace('/', '__')}.{doc_id}.{lang}.txt"


def _golden_cases() -> list[object]:
    cases: list[object] = []
    for path, draft in PARSED.items():
        rel = path.relative_to(DRAFTS).as_posix()
        if isinstance(draft, LexdraftError):
            cases.append(pytest.param(path, None, "zh", id=f"{rel}-unparsable"))
            continue
        for doc in draft.documents:
            for lang in LANGS:
                cases.append(pytest.param(path, doc.id, lang, id=f"{rel}:{doc.id}:{lang}"))
    return cases


@pytest.mark.parametrize(("path", "doc_id", "lang"), _golden_cases())
def test_golden(path: Path, doc_id: str | None, lang: str, regen_golden: bool) -> None:
    draft = PARSED[path]
    if isinstance(draft, LexdraftError):
        pytest.fail(f"{path} does not parse: {draft}")
    doc = next(d for d in draft.documents if d.id == doc_id)
    text = render(doc, lang, PROVISIONS)
    golden = GOLDEN / golden_name(path, doc.id, lang)
    if regen_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
        return
    if not golden.exists():
        pytest.fail(f"no golden file {golden.relative_to(REPO)}; run "
                    "`PYTHONPATH=src python3 -m pytest tests/test_render.py --regen-golden`, then read it")
    assert text == golden.read_text(encoding="utf-8")


def test_no_stale_golden_files(regen_golden: bool) -> None:
    """A golden file whose draft or document is gone would hide a rename; regenerating removes it."""
    expected = {golden_name(path, doc.id, lang)
                for path, draft in PARSED.items() if not isinstance(draft, LexdraftError)
                for doc in draft.documents for lang in LANGS}
    stale = sorted(p for p in GOLDEN.glob("*.txt") if p.name not in expected)
    if regen_golden:
        for p in stale:
            p.unlink()
        return
    assert not stale, f"golden files without a draft: {[p.name for p in stale]}; run with --regen-golden"


def test_golden_cases_cover_every_draft() -> None:
    assert _draft_files(), "the drafts folder is empty"
    assert set(PARSED) == set(_draft_files())


# ------------------------------------------------------------------ article numbers

@pytest.mark.parametrize(("number", "jurisdiction", "paragraph", "expected"), [
    ("253-2", "prc", None, "第二百五十三条之二"),
    ("253", "prc", None, "第二百五十三条"),
    ("210", "prc", None, "第二百一十条"),
    ("10", "prc", None, "第十条"),
    ("237", "prc", 3, "第二百三十七条第三款"),
    ("319-4", "tw", None, "第三百十九條之四"),
    ("319-3", "tw", 4, "第三百十九條之三第四項"),
    ("110", "tw", None, "第一百十條"),
    ("10", "tw", None, "第十條"),
])
def test_article_label_zh(number: str, jurisdiction: str, paragraph: int | None, expected: str) -> None:
    assert article_label(number, jurisdiction, "zh", paragraph) == expected


def test_article_label_en() -> None:
    assert article_label("253-2", "prc", "en") == "Article 253B"
    assert article_label("319-3", "tw", "en", 4) == "Article 319-3, paragraph 4"


def test_taiwan_numerals_differ_from_prc_usage_deliberately() -> None:
    # PRC usage by default; Taiwan drops the 一 before 十 and writes 萬.
    assert zh_numeral(319) == "三百一十九"
    assert zh_numeral(319, "tw") == "三百十九"
    assert zh_numeral(1010, "tw") == "一千零十"
    assert zh_numeral(500000, "tw") == "五十萬"
    assert zh_numeral(500000) == "五十万"


def test_english_numbers() -> None:
    assert [en_number(n) for n in (1, 3, 10, 15, 21, 40)] == ["one", "three", "ten", "fifteen", "twenty-one", "forty"]
    assert en_number(1000) == "1,000"


def test_citations_from_ids() -> None:
    p = PROVISIONS["tw.criminal-code.319-4"]
    assert citation(p, "zh") == "《中華民國刑法》第三百十九條之四"
    assert citation(p, "en") == "Criminal Code (Taiwan), Article 319-4"
    dfii = PROVISIONS["prc.criminal-law.253-2"]
    assert short_reference(dfii, "zh") == "刑法第二百五十三条之二"
    assert short_reference(dfii, "en") == "Article 253B of the Criminal Law"


def test_law_missing_from_the_vocabulary_is_an_error_not_a_wrong_citation() -> None:
    # Falling back to `instrument criminal-code` would cite another act's article as the Criminal Code's.
    p = _provision("provision tw.no-such-act.36 {\n  instrument criminal-code\n"
                   "  penalty base imprisonment <= 3 years\n}")
    with pytest.raises(LexdraftError) as e:
        citation(p, "zh")
    assert e.value.diagnostics[0].code == "E403"
    assert "instrument no-such-act" in e.value.diagnostics[0].hints[0]


def test_id_without_article_number_is_an_error() -> None:
    p = _provision("provision prc.criminal-law.abc { penalty base imprisonment <= 3 years }")
    with pytest.raises(LexdraftError) as e:
        render(p, "zh", {})
    assert e.value.diagnostics[0].code == "E403"


# ------------------------------------------------------------------ penalty chains

def _provision(text: str) -> A.Provision:
    doc = parse_text(text, "test.lexd").documents[0]
    assert isinstance(doc, A.Provision)
    return doc


def _proposal(body: str, ident: str = "prc.criminal-law.999") -> A.Provision:
    jurisdiction, instrument = ident.split(".")[:2]
    return _provision(f"provision {ident} {{\n  jurisdiction {jurisdiction}\n  status proposed\n"
                      f"  instrument {instrument}\n{body}\n}}")


def _article(p: A.Provision, lang: str) -> list[str]:
    """The article's own lines from a rendered proposal: between the heading block and the notes."""
    text = render(p, lang, {p.id: p})
    body = text.split("\n\n")[1]
    return body.split("\n")


ART_363_ZH = ("以牟利为目的，制作、复制、出版、贩卖、传播淫秽物品的，处三年以下有期徒刑、拘役或者管制，并处罚金；"
              "情节严重的，处三年以上十年以下有期徒刑，并处罚金；情节特别严重的，处十年以上有期徒刑或者无期徒刑，"
              "并处罚金或者没收财产。")


def test_three_tiers_reproduce_article_363() -> None:
    # The elements of art. 363 ¶1, composed, give the statute's own sentence word for word.
    p = _proposal("""
  purpose profit
  conduct produce, reproduce, publish, sell, disseminate
  object obscene-material
  tier serious requires serious-circumstances
  tier especially-serious requires especially-serious-circumstances
  penalty
    base imprisonment <= 3 years | criminal-detention | public-surveillance; fine mandatory
    serious imprisonment 3..10 years; fine mandatory
    especially-serious imprisonment >= 10 years | life-imprisonment; fine mandatory or confiscation-of-property""")
    assert _article(p, "zh")[0] == "第九百九十九条　" + ART_363_ZH
    assert _article(p, "en")[0] == (
        "Article 999 Whoever, for the purpose of making a profit, produces, reproduces, publishes, sells or "
        "disseminates obscene articles shall be sentenced to fixed-term imprisonment of not more than three years, "
        "criminal detention or public surveillance, and shall also be fined; where the circumstances are serious, "
        "to fixed-term imprisonment of not less than three years and not more than ten years, and shall also be "
        "fined; where the circumstances are especially serious, to fixed-term imprisonment of not less than ten "
        "years or life imprisonment, and shall also be fined or sentenced to confiscation of property.")


def test_base_tier_that_requires_a_circumstance_reproduces_article_253_1() -> None:
    # Art. 253-1 ¶1: the base tier itself needs 情节严重, so the clause ends "，情节严重的，处…".
    p = _proposal("""
  conduct sell, provide
  object personal-information
  actors natural-person, unit
  tier base requires serious-circumstances
  tier especially-serious requires especially-serious-circumstances
  penalty
    base imprisonment <= 3 years | criminal-detention; fine optional
    especially-serious imprisonment 3..7 years; fine mandatory""")
    zh = _article(p, "zh")
    assert zh[0].endswith("贩卖、提供公民个人信息，情节严重的，处三年以下有期徒刑或者拘役，并处或者单处罚金；"
                          "情节特别严重的，处三年以上七年以下有期徒刑，并处罚金。")
    assert zh[1] == ("单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员和其他直接责任人员，依照前款的规定处罚。")
    en = _article(p, "en")
    assert ", where the circumstances are serious, shall be sentenced to fixed-term imprisonment of not more than " \
           "three years or criminal detention, and shall also, or shall only, be fined;" in en[0]


def test_dfii_penalty_chain_in_english_reads_as_statutory_english() -> None:
    # the purpose of dissemination governs the making; dissemination itself needs none (cf. TW art. 319-4 ¶1-¶2):
    # a limb of its own, whose object is named in full (not 该图像 / "such an image")
    text = render(PROVISIONS["prc.criminal-law.253-2"], "en", PROVISIONS)
    zh = render(PROVISIONS["prc.criminal-law.253-2"], "zh", PROVISIONS)
    assert ("以传播为目的，利用人工智能等深度合成技术，制作、合成他人私密图像的，"
            "或者传播以前述方式制作、合成的他人私密图像的，处三年以下有期徒刑") in zh
    assert ("“Whoever, for the purpose of dissemination, by artificial intelligence or other deep "
            "synthesis technology, produces or synthesizes an intimate image of another person, or whoever "
            "disseminates an intimate image of another person produced or synthesized in that way, shall be "
            "sentenced to fixed-term imprisonment of not more than three "
            "years or criminal detention, and shall also, or shall only, be fined; where the "
            "circumstances are serious, to fixed-term imprisonment of not less than three years and not more than "
            "seven years, and shall also be fined.") in text


@pytest.mark.parametrize(("line", "zh", "en"), [
    ("base imprisonment 6 months..5 years", "六个月以上五年以下有期徒刑",
     "fixed-term imprisonment of not less than six months and not more than five years"),
    ("base imprisonment <= 1 years", "一年以下有期徒刑", "fixed-term imprisonment of not more than one year"),
    ("base imprisonment <= 2 years | criminal-detention", "二年以下有期徒刑或者拘役",
     "fixed-term imprisonment of not more than two years or criminal detention"),
    ("base imprisonment <= 3 years | criminal-detention | public-surveillance | deprivation-of-political-rights",
     "三年以下有期徒刑、拘役、管制或者剥夺政治权利",
     ("fixed-term imprisonment of not more than three years, criminal detention, public surveillance or "
      "deprivation of political rights")),
    # Taiwan's penalties in English as the reference's glosses of its Criminal Code word them (packs/tw `wording`)
    ("base imprisonment <= 5 years; fine additional <= 500000 twd", "五年以下有期徒刑，得併科新臺幣五十萬元以下罰金",
     "imprisonment of not more than five years, and may additionally be fined not more than NT$500,000"),
    ("base criminal-detention; fine optional", "拘役，并处或者单处罚金",
     "criminal detention, and shall also, or shall only, be fined"),
])
def test_penalty_phrases(line: str, zh: str, en: str) -> None:
    p = _proposal(f"  conduct possess\n  penalty\n    {line}", "tw.criminal-code.999" if "twd" in line else
                  "prc.criminal-law.999")
    jurisdiction = "tw" if "twd" in line else "prc"
    assert penalty_phrase(p.penalties[0], "zh", jurisdiction) == zh
    assert penalty_phrase(p.penalties[0], "en", jurisdiction) == en


def test_taiwan_s_optional_fine_is_not_the_prc_s_in_english() -> None:
    """處五年以下有期徒刑、拘役或科或併科五十萬元以下罰金 (art. 319-4 ¶1) in the words of the reference's gloss, not the
    official translations of PRC law ("fixed-term imprisonment …, criminal detention, and shall also, or shall only,
    be fined")."""
    p = _proposal("  conduct possess\n  penalty\n    base imprisonment <= 5 years | criminal-detention; fine optional "
                  "<= 500000 twd", "tw.criminal-code.999")
    assert penalty_phrase(p.penalties[0], "en", "tw") == ("imprisonment of not more than five years or short-term "
                                                          "detention, and/or a fine of not more than NT$500,000")
    en = _article(p, "en")[0]
    assert "and/or a fine of not more than NT$500,000" in en and "shall only" not in en


def test_taiwan_composed_text_follows_the_packs_drafting_usage() -> None:
    """Composed Chinese for Taiwan uses its statutes' words (the tw pack's `usage`): 或, not 或者; ages as
    未滿十八歲之人, not 不滿十八週歲的未成年人; the same elements composed for the PRC keep the PRC's words. Material
    of children is the Act's own object, 兒童或少年之性影像 (the pack's `objects`), which the Act defines: an article
    composed on it defines nothing (LAWYER-FINAL F5: no second, Mainland-style definition in the Act)."""
    body = """
  conduct possess, control
  object sexual-image {
    depicts  sexual-activity | presence-at-sexual-activity
    person   minor
    medium   visual
  }
  penalty
    base imprisonment <= 3 years | criminal-detention"""
    tw = "\n".join(_article(_proposal(body, "tw.csepa.99"), "zh"))
    prc = "\n".join(_article(_proposal(body), "zh"))
    assert "未滿十八歲之人" in tw and "真實或模擬" in tw
    assert not any(word in tw for word in ("或者", "週歲", "不滿", "網絡"))
    assert "不满十八周岁的未成年人" in prc and "真实或者模拟" in prc
    own = _article(_proposal(body.replace("sexual-image", "csam"), "tw.csepa.99"), "zh")
    assert [line for line in own if line] == [
        ("第九十九條\u3000持有或控制兒童或少年之性影像、與性相關而客觀上足以引起性慾或羞恥之圖畫、語音或其他物品者，"
         "處三年以下有期徒刑或拘役。")], own


def test_increase_up_to_a_fraction() -> None:
    p = _proposal("""
  conduct sell
  object sexual-image
  tier aggravated requires profit-or-sale
  penalty
    base imprisonment <= 5 years
    aggravated increase up-to 1/2""", "tw.criminal-code.999")
    zh, en = _article(p, "zh")[0], _article(p, "en")[0]
    # Taiwan writes 或 where the PRC writes 或者 (the tw pack's `usage`)
    assert zh.endswith("販賣他人性影像者，處五年以下有期徒刑；意圖營利或販賣者，加重其刑至二分之一。")
    assert en.endswith("; where the offence is committed with intent to gain, or by selling, "
                       "the punishment shall be increased by up to one half.")


def test_tier_listed_with_its_circumstances_reads_like_article_237() -> None:
    # A higher tier given by a list of circumstances, as art. 237 ¶3 writes it.
    p = _proposal("""
  conduct molest
  object person { person child-under-14 }
  tier aggravated when any {
    several-victims-or-occasions
    crowd-or-public-place
    injury-to-child
  }
  penalty
    base imprisonment <= 5 years
    aggravated imprisonment >= 5 years""")
    assert _article(p, "zh") == [
        "第九百九十九条　猥亵不满十四周岁的儿童的，处五年以下有期徒刑；有下列情形之一的，处五年以上有期徒刑：",
        "（一）猥亵儿童多人或者多次的；",
        "（二）聚众或者在公共场所当众犯罪的；",
        "（三）造成儿童伤害或者其他严重后果的。",
    ]
    en = _article(p, "en")
    assert en[0].endswith("; in any of the following circumstances, to fixed-term imprisonment of not less than "
                          "five years:")
    assert en[1:] == ["(1) several children or several occasions;",
                      "(2) gathering a crowd or acting in public in a public place; or",
                      "(3) causing injury or other serious consequences to the child."]


def test_a_tier_without_a_statutory_name_is_an_error() -> None:
    p = _proposal("  conduct possess\n  penalty\n    base imprisonment <= 5 years\n"
                  "    aggravated imprisonment >= 5 years")
    with pytest.raises(LexdraftError) as e:
        render(p, "zh", {})
    assert e.value.diagnostics[0].code == "E406"


def test_private_prosecution_paragraph() -> None:
    p = _proposal("""
  conduct insult
  object person { person any-person }
  tier base requires serious-circumstances
  prosecution private except serious-harm-to-public-order-or-state
  penalty
    base imprisonment <= 3 years""")
    assert _article(p, "zh")[1] == "前款罪，告诉的才处理，但是严重危害社会秩序和国家利益的除外。"
    assert _article(p, "en")[1] == ("The crime in the preceding paragraph shall be handled only upon complaint, "
                                    "except in cases of serious harm to public order or to the interests of the State.")


def test_any_person_is_written_as_another_person() -> None:
    p = _proposal("""
  conduct insult
  object person { person any-person }
  penalty
    base imprisonment <= 3 years""")
    assert _article(p, "zh")[0] == "第九百九十九条　公然侮辱他人的，处三年以下有期徒刑。"
    assert _article(p, "en")[0] == ("Article 999 Whoever publicly insults another person shall be sentenced to "
                                    "fixed-term imprisonment of not more than three years.")


def test_definition_of_the_object_follows_article_367() -> None:
    p = _proposal("""
  conduct disseminate
  object obscene-material {
    depicts  sexual-acts-concretely | explicit-pornography
    medium   visual | written | audio
  }
  penalty
    base imprisonment <= 2 years""")
    assert _article(p, "zh")[1] == "本条所称淫秽物品，是指具体描绘性行为或者露骨宣扬色情的视觉、文字或者音频物品。"
    # A plural head noun takes plural verbs.
    assert _article(p, "en")[1] == ("For the purposes of this Article, “obscene articles” means visual, written or "
                                    "audio articles that contain concretely depicted sexual acts or explicitly "
                                    "promoted pornography.")


def test_conduct_that_names_its_own_object_is_not_combined_with_another() -> None:
    # "发布信息违法犯罪信息" would misstate art. 287-1; the renderer refuses rather than guess.
    p = _proposal("  conduct publish-information\n  object illegal-information\n  penalty\n"
                  "    base imprisonment <= 3 years")
    with pytest.raises(LexdraftError) as e:
        render(p, "zh", {})
    assert e.value.diagnostics[0].code == "E402"
    assert "publish-information" in e.value.diagnostics[0].message


# ------------------------------------------------------------------ provisions in force

def test_statute_text_is_printed_verbatim_with_the_standing_of_its_english() -> None:
    p = PROVISIONS["prc.criminal-law.286-1"]
    assert p.text is not None and p.text.zh is not None and p.text.en is not None
    zh, en = render(p, "zh", PROVISIONS), render(p, "en", PROVISIONS)
    assert p.text.zh.strip("\n") in zh
    assert p.text.en.strip("\n") in en
    assert "working gloss" in en and "not an official or published translation" in en


def test_taiwan_statute_uses_traditional_text() -> None:
    p = PROVISIONS["tw.criminal-code.319-4"]
    assert p.text is not None and p.text.zh_hant is not None
    zh = render(p, "zh", PROVISIONS)
    assert p.text.zh_hant.strip("\n") in zh
    assert "《中華民國刑法》第三百十九條之四（現行有效）" in zh


def test_statute_entry_on_one_paragraph_says_so() -> None:
    zh = render(PROVISIONS["prc.criminal-law.237.3"], "zh", PROVISIONS)
    assert "《中华人民共和国刑法》第二百三十七条第三款（现行有效）\n本条目涉及该条第三款；" in zh
    en = render(PROVISIONS["prc.criminal-law.237.3"], "en", PROVISIONS)
    assert "This entry concerns paragraph 3;" in en


def test_provision_in_force_without_text_is_labelled_a_summary() -> None:
    p = _provision("""provision prc.criminal-law.999 {
  jurisdiction prc
  status in-force
  instrument criminal-law
  conduct disseminate
  object obscene-material
  tier base requires serious-circumstances
  penalty
    base imprisonment <= 2 years | criminal-detention | public-surveillance
}""")
    zh, en = render(p, "zh", {}), render(p, "en", {})
    assert "（结构化摘要）" in zh and "并非法条原文" in zh
    assert "(structured summary)" in en and "not the text of the statute" in en
    assert "传播淫秽物品，情节严重的，处二年以下有期徒刑、拘役或者管制。" in zh
    assert "第九百九十九条　" not in zh  # a summary is not presented as the article itself


def test_missing_english_statute_text_shows_chinese_and_says_so() -> None:
    p = _provision('provision prc.criminal-law.999 {\n  status in-force\n  instrument criminal-law\n'
                   '  text zh "第九百九十九条 示例。"\n}')
    en = render(p, "en", {})
    assert "No English translation is recorded" in en
    assert "第九百九十九条 示例。" in en


# ------------------------------------------------------------------ interpretations

JI = """interpretation prc.spc.test {
  jurisdiction prc
  status proposed
  issuer supreme-peoples-court, supreme-peoples-procuratorate
  title zh "测试解释" en "Test interpretation"
  interprets prc.criminal-law.253-2
  preamble zh "依法惩治测试犯罪" en "punish test crimes according to law"
  article 1 tier serious of prc.criminal-law.253-2 when all {
    disseminated-to >= 50 persons
    views >= 1000 views on public-platform
  }
  article 2 tier serious of prc.criminal-law.253-2 when any {
    forwards >= 500 times
    all {
      illegal-gains >= 10000 yuan
      clicks >= 5000 clicks
    }
  }
  article 3 text zh "本解释自发布之日起施行。" en "This Interpretation takes effect on the date of issue."
}"""


def _ji() -> A.Interpretation:
    doc = parse_text(JI, "test.lexd").documents[0]
    assert isinstance(doc, A.Interpretation)
    return doc


def test_interpretation_enumeration_zh() -> None:
    lines = render(_ji(), "zh", PROVISIONS).split("\n")
    assert lines[0] == "测试解释"
    assert "建议制定机关：最高人民法院、最高人民检察院" in lines
    assert ("为依法惩治测试犯罪，根据《中华人民共和国刑法》的规定，"
            "现就办理此类刑事案件适用法律的若干问题解释如下：") in lines
    start = lines.index("第一条　同时具有下列情形的，应当认定为刑法第二百五十三条之二规定的“情节严重”：")
    assert lines[start:start + 9] == [
        "第一条　同时具有下列情形的，应当认定为刑法第二百五十三条之二规定的“情节严重”：",
        "（一）传播给五十人以上的；",
        "（二）在公开平台被浏览一千次以上的。",
        "第二条　具有下列情形之一的，应当认定为刑法第二百五十三条之二规定的“情节严重”：",
        "（一）被转发五百次以上的；",
        "（二）同时具有下列情形的：",
        "1.违法所得一万元以上的；",
        "2.实际被点击数达到五千次以上的。",
        "第三条　本解释自发布之日起施行。",
    ]


def test_interpretation_enumeration_en() -> None:
    lines = render(_ji(), "en", PROVISIONS).split("\n")
    start = lines.index("Article 1 The following, where all are present, shall be deemed “serious circumstances” "
                        "under Article 253B of the Criminal Law:")
    assert lines[start + 1:start + 9] == [
        "(1) dissemination to 50 or more persons; and",
        "(2) 1,000 or more views on public platforms.",
        ("Article 2 Any of the following shall be deemed “serious circumstances” under Article 253B of the "
         "Criminal Law:"),
        "(1) being forwarded 500 or more times; or",
        "(2) all of the following:",
        "(a) illegal gains of 10,000 yuan or more;",
        "(b) 5,000 or more actual clicks.",
        "Article 3 This Interpretation takes effect on the date of issue.",
    ]


def test_interpretation_needs_the_provision_it_interprets() -> None:
    with pytest.raises(LexdraftError) as e:
        render(_ji(), "zh", {})
    assert e.value.diagnostics[0].code == "E404"


def test_threshold_channel_without_a_place_in_the_phrase_is_an_error() -> None:
    text = JI.replace("forwards >= 500 times", "forwards >= 500 times via private-group")
    doc = parse_text(text, "test.lexd").documents[0]
    with pytest.raises(LexdraftError) as e:
        render(doc, "zh", PROVISIONS)
    assert e.value.diagnostics[0].code == "E402"
    assert "channel" in e.value.diagnostics[0].message


# ------------------------------------------------------------------ the machinery

def test_rendering_is_deterministic() -> None:
    docs = [d for draft in PARSED.values() if not isinstance(draft, LexdraftError) for d in draft.documents]
    first = [render(d, lang, PROVISIONS) for d in docs for lang in LANGS]
    environment.cache_clear()
    second = [render(d, lang, PROVISIONS) for d in docs for lang in LANGS]
    assert first == second
    assert all(t.endswith("\n") and not t.endswith("\n\n") for t in first)


def test_environment_is_strict_escaping_markup_only_and_built_once() -> None:
    env = environment()
    assert env is environment()
    assert env.undefined is jinja2.StrictUndefined
    assert env.keep_trailing_newline and env.autoescape is escapes
    assert not escapes("provision.zh.txt.j2") and not escapes(None)
    assert escapes("report.html.j2") and escapes("junit.xml.j2")


def test_unknown_language_is_an_error() -> None:
    with pytest.raises(LexdraftError) as e:
        render(PROVISIONS["prc.criminal-law.253-2"], "fr", PROVISIONS)
    assert e.value.diagnostics[0].code == "E401"


# ------------------------------------------------------------------ per: where figures come from

PER_BODY = """
  conduct possess
  object csam
  tier base when any {
    items-possessed >= 3 items
  } per %s
  penalty
    base imprisonment <= 2 years"""


def test_a_bilingual_per_gives_each_language_its_own_words() -> None:
    p = _proposal(PER_BODY % ('zh "某文件第四节（数量由起草者确定）"\n'
                              '        en "a paper §4 (number chosen by the drafters)"'))
    tier = p.tiers[0]
    assert isinstance(tier.per, A.Text)
    assert (tier.per.zh, tier.per.en) == ("某文件第四节（数量由起草者确定）",
                                          "a paper §4 (number chosen by the drafters)")
    zh, en = render(p, "zh", {p.id: p}), render(p, "en", {p.id: p})
    assert "数量标准：第一款规定的数量标准依据某文件第四节（数量由起草者确定）。" in zh.split("\n")
    assert "drafters" not in zh
    assert "Thresholds: the threshold in the first paragraph follows a paper §4 (number chosen by the drafters)." in en
    # One string is a citation both languages share.
    shared = _proposal(PER_BODY % '"2004 Interpretation art. 3"')
    assert shared.tiers[0].per == "2004 Interpretation art. 3"
    assert "数量标准：第一款规定的数量标准依据2004 Interpretation art. 3。" in render(shared, "zh", {}).split("\n")


def test_a_per_without_the_language_asked_for_is_a_located_error() -> None:
    p = _proposal(PER_BODY % 'en "a paper §4"')
    assert render(p, "en", {p.id: p})
    with pytest.raises(LexdraftError) as caught:
        render(p, "zh", {p.id: p})
    [d] = caught.value.diagnostics
    assert d.code == "E405" and d.message == "the `per` source has no Chinese words"
    assert d.span is not None and d.span.line == 10
    assert d.hints == ('add `zh "..."` to it, or give one string for both',)


# ------------------------------------------------------------------ Taiwan's script

TW_PROPOSAL = """provision tw.criminal-code.319-7 {
  jurisdiction tw
  status       proposed
  instrument   criminal-code
  title        zh-hant "不實性影像罪"
               en "False sexual images"
  mental       intent
  purpose      dissemination
  conduct      produce, distribute, broadcast
  means        computer-synthesis
  object       sexual-image {
    depicts  sexual-activity | exposed-sexual-organs
    standard objectively-arousing
    person   any-person
    origin   synthetic
    medium   visual
  }
  prosecution  public
  penalty
    base imprisonment <= 5 years; fine additional <= 500000 twd
}
"""


def test_a_taiwan_proposal_is_composed_in_taiwans_script() -> None:
    p = _provision(TW_PROPOSAL)
    zh = render(p, "zh", {p.id: p})
    lines = zh.split("\n")
    assert lines[:2] == ["不實性影像罪", "中華民國刑法第三百十九條之七條文草案"]  # Taiwan's form (pack front:)
    assert "起草說明（不屬於條文內容）" in lines and "追訴方式：公訴。" in lines
    # The words of Taiwan's statutes, as art. 319-3 and 319-4 write them: 散布, not OpenCC's 散佈.
    assert "散布" in zh and "散佈" not in zh
    assert "客觀上足以引起性慾或羞恥" in zh
    # No simplified-only character is left beside the traditional ones.
    assert not set("传为处罚条说属观规项该图") & set(zh), zh
    # PRC text stays simplified.
    prc = render(PROVISIONS["prc.criminal-law.253-2"], "zh", PROVISIONS)
    assert "（立法建议稿）" in prc and "起草说明（不属于条文内容）" in prc


# ------------------------------------------------------------------ the clause model, worded per language

def _composed_proposals() -> list[A.Provision]:
    """Every bundled proposed provision whose article is composed from its elements (not quoted by hand)."""
    return [p for p in PROVISIONS.values()
            if p.status is not None and p.status.name == "proposed" and p.text is None]


def _unsaid(wording: ClauseWording, model: Offence, text: str, quoted: bool) -> list[str]:
    """The parts of the model whose words are missing from a statute text (a sentence may capitalise them)."""
    def said(w: str) -> bool:
        return bool(w) and (w in text or w[:1].upper() + w[1:] in text)

    phrases = wording.phrases(model, quoted=quoted)
    assert set(phrases) == set(parts(model)), "a part of the model has no words to look for"
    return [part for part, words in phrases.items() if not words or not all(map(said, words))]


def test_the_bundled_proposals_are_composed_from_the_model() -> None:
    assert {p.id for p in _composed_proposals()} >= {"prc.criminal-law.253-2", "prc.criminal-law.286-2",
                                                     "prc.criminal-law.364-1"}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("provision_id", sorted(p.id for p in _composed_proposals()))
def test_every_part_of_the_model_is_in_the_statute_text(provision_id: str, lang: str) -> None:
    """On the rendered statute text itself (not the notes): who, knowledge, purposes, means, conduct, object,
    consent, harm, every tier's trigger and penalty, unit liability, exceptions, prosecution, definition."""
    p = PROVISIONS[provision_id]
    model = offence(p)
    text = render(p, lang, PROVISIONS)
    article = text.split("\n\n")[1]  # between the heading block and the drafting notes
    quoted = p.instrument is not None and p.instrument.kind.name == "amendment" and bool(p.instrument.inserts)
    jurisdiction = p.jurisdiction.name if p.jurisdiction else "prc"
    assert _unsaid(clause_wording(lang, jurisdiction), model, article, quoted) == []
    assert len(parts(model)) >= 5


@pytest.mark.parametrize("provision_id", sorted(p.id for p in _composed_proposals()))
def test_taiwans_wording_says_every_part_in_its_script(provision_id: str) -> None:
    model = offence(PROVISIONS[provision_id])
    wording = TaiwanChinese("tw")
    text = "\n".join(wording.article(model))
    assert _unsaid(wording, model, text, False) == []
    assert not set("传为处罚条说属规项该图") & set(text), text


def test_a_wording_that_drops_a_part_is_caught() -> None:
    class Forgetful(PrcChinese):
        def clause(self, o: Offence) -> str:
            return super().clause(replace(o, purposes=()))

    p = PROVISIONS["prc.criminal-law.253-2"]
    model = offence(p)
    text = "\n".join(Forgetful("prc").article(model))
    assert _unsaid(Forgetful("prc"), model, text, False) == ["purposes"]


def test_a_wording_must_word_every_part() -> None:
    class Partial(ClauseWording):
        lang = "zh"

    with pytest.raises(TypeError, match="abstract"):
        Partial("prc")  # type: ignore[abstract]


def test_one_model_for_both_languages() -> None:
    """The structure is decided once: the languages word the same parts, in the same tiers."""
    p = PROVISIONS["prc.criminal-law.253-2"]
    model = offence(p)
    assert [t.sentence.tier.name for t in model.tiers] == ["base", "serious"]
    assert set(PrcChinese("prc").phrases(model)) == set(OfficialEnglish("prc").phrases(model)) == set(parts(model))


def test_knowledge_without_an_object_is_an_error_not_dropped() -> None:
    # 明知 needs what is known; the text used to drop the element without a word.
    p = _proposal("  mental knowledge presumed\n  conduct disseminate\n  penalty\n    base imprisonment <= 3 years")
    for lang in LANGS:
        with pytest.raises(LexdraftError) as e:
            render(p, lang, {})
        assert e.value.diagnostics[0].code == "E402"
        assert "knowledge" in e.value.diagnostics[0].message


def test_age_bands_one_of_them_open_ended_are_worded() -> None:
    """Alternative persons where one band has no end (any-person, from 0 up) and another starts where it does
    (minor, 0 to 18): the bands are ordered with the open one last, not compared with None (an internal error)."""
    p = _provision("""provision prc.criminal-law.998 {
  jurisdiction prc
  status       proposed
  title        zh "测试" en "Test"
  actors       natural-person
  mental       intent
  conduct      distribute
  object       csam {
    person       minor | any-person
  }
  penalty
    base imprisonment <= 3 years
}
""")
    assert render(p, "en", {})


_CONDITIONED = """provision {pid} {{
  jurisdiction {j}
  status       proposed
  instrument   {instrument}
  title        zh "持有材料" en "Possession of material"
  implements   uncc.14
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    person minor
  }}
  exception    legitimate-purpose when {conditions}
  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
"""


@pytest.mark.parametrize(("j", "pid", "instrument", "lead"), [
    ("nz", "nz.hdca.30", "hdca", "for a legitimate purpose if "),
    ("prc", "prc.criminal-law.364-2", "criminal-law", "does not constitute a crime where "),
])
@pytest.mark.parametrize(("conditions", "said"), [
    ("depicted-person-adult", "the person depicted is an adult."),
    ("no-undue-risk-to-minors", "the act poses no undue risk of harm to persons under eighteen."),
    ("narrative-necessity", "there is a serious narrative necessity."),
])
def test_an_exception_s_condition_is_worded_as_a_clause(j: str, pid: str, instrument: str, lead: str,
                                                         conditions: str, said: str) -> None:
    """A condition whose label is a clause ("the person depicted is an adult") was composed "if there is the person
    depicted is an adult"; a noun condition still reads "there is a serious narrative necessity"."""
    text = _CONDITIONED.format(pid=pid, j=j, instrument=instrument, conditions=conditions)
    (p,) = parse_text(text, "c.lexd").documents
    out = render(p, "en", {p.id: p})
    assert lead + said in out, out
    assert "there is the" not in out
