"""The words a lawyer reads, against the treaty and statute text lexdraft holds (two independent legal reads of the
review, the check and the atlas): the treaty's situations of Art. 14(2) as the treaty words them, one name for the
treaty in a Taiwan review, and quotations that show the paragraph cited."""

from __future__ import annotations

import re

import pytest

from lexdraft.pipeline import load_sources
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for

pytestmark = pytest.mark.usefixtures("bundled_only")

CSAM = """
provision ie.act.{n} {{
  jurisdiction ie
  status       in-force
  title        zh "罪" en "Offence"
  conduct      produce, distribute, possess
  object       csam {{
    person minor
    standard {standard}
  }}
  penalty
    base imprisonment <= 3 years
}}
"""


def findings(article: str, *sources: str) -> dict[str, Finding]:
    drafts, _ = load_sources([(f"t{i}.lexd", s) for i, s in enumerate(sources)])
    report = check(spec_for(article), drafts.provisions, drafts.rules)
    return {f.requirement.id: f for f in report.verdicts}


def _notes(f: Finding, lang: str) -> str:
    return "\n".join(getattr(n.text, lang) or "" for n in f.notes)


@pytest.mark.parametrize("standard", ["sexually-explicit", "obscene"])
def test_a_standard_s_question_names_14_2_c_and_d_as_the_treaty_words_them(standard: str) -> None:
    """14(2)(c) is sexual parts displayed for *primarily* sexual purposes; 14(2)(d) is torture or cruel, inhumane or
    degrading treatment or punishment of a child, the material being sexual in nature: not 'sexual torture'."""
    f = findings("uncc.14", CSAM.format(n=1, standard=standard))["uncc.14.2"]
    en, zh = _notes(f, "en"), _notes(f, "zh")
    assert "torture or cruel, inhumane or degrading treatment or punishment, the material being sexual in nature" in en
    assert "酷刑或者残忍、不人道、有辱人格的待遇或者处罚" in zh and "且该材料具有性内容" in zh
    assert "sexual torture" not in en and "性酷刑" not in zh
    if standard == "sexually-explicit":
        assert "displayed for primarily sexual purposes (c)" in en and "以性为主要目的展示儿童性部位（(c)项）" in zh


def test_lexdraft_s_own_words_on_14_2_d_follow_the_treaty_text_it_holds() -> None:
    """The reference's English of 14(2)(d) reads "cruel, inhumane ⟨?inhuman⟩ or degrading": lexdraft's own words
    about it (the specs' reasons, the vocabulary's situations) use the reading the reference gives, never the marked
    alternative, whatever the notes of a finding add to it."""
    from pathlib import Path

    quoted = next(q.terms for q in spec_for("uncc.14").requirements if q.id == "uncc.14.2")
    reading = re.search(r"cruel, (\w+) ⟨\?(\w+)⟩ or degrading", quoted)
    assert reading is not None, quoted
    said, other = reading.groups()
    root = Path(__file__).resolve().parent.parent
    for path in [*sorted((root / "conformance").rglob("*.yaml")), root / "vocabulary" / "vocabulary.yaml"]:
        text = path.read_text(encoding="utf-8")
        words = re.findall(r"cruel, (\w+)(?! ⟨) or degrading", text)
        assert all(w == said for w in words), (path.name, words, said, other)
    f = findings("uncc.14", CSAM.format(n=1, standard="obscene"))["uncc.14.2"]
    assert f"cruel, {said} or degrading" in _notes(f, "en")


def test_a_text_split_by_an_unquoted_comma_is_a_located_error(tmp_path) -> None:
    """`{en: a, b, zh: c}` is the text "a" and a key "b": the review said "as an offence about the material itself"
    where its data and its Chinese (不论材料如何制作) add ", however it was made"."""
    from lexdraft.diagnostics import LexdraftError
    from lexdraft.treaty.review import load_review_data

    bad = tmp_path / "review.yaml"
    bad.write_text("limits:\n  person: {en: about the material itself, however it was made, zh: 不论材料如何制作}\n",
                   encoding="utf-8")
    with pytest.raises(LexdraftError) as e:
        load_review_data(str(bad))
    (d,) = e.value.diagnostics
    assert d.code == "E303" and "`however it was made`" in d.message and "quote the text" in d.hints[0]
    assert d.span is not None and d.span.line == 2


def test_the_person_limit_recommends_the_material_however_it_was_made_in_both_languages() -> None:
    from lexdraft.treaty.review import review_data

    data = review_data()
    person = data.limit("person", "uncc.14")
    assert person is not None
    assert person.en == "as an offence about the material itself, however it was made"
    assert "不论材料如何制作" in person.zh
    adults = data.limit("adults-only", "uncc.14")
    assert adults is not None and adults.en == "whoever commits it, whatever their age"


# ------------------------------------------------------------------ one name for the treaty where usage differs

HANT_PACKS = __import__("pathlib").Path(__file__).resolve().parent / "packs"


@pytest.mark.parametrize("usage", ["", "    usage: {網絡: 網路}\n"])
def test_a_traditional_review_gives_the_treaty_s_name_in_its_usage_beside_the_literature_s(
        tmp_path, monkeypatch, capsys, usage: str) -> None:
    """The literature's terms are transcribed from simplified characters (said so), and where the jurisdiction's
    usage writes the name otherwise (網路 for 網絡), that name too: its bills may use it."""
    import shutil

    from cli_run import run

    packs = tmp_path / "packs"
    shutil.copytree(HANT_PACKS / "xh", packs / "xh")
    if usage:
        with (packs / "xh" / "pack.yaml").open("a", encoding="utf-8") as f:
            f.write("wording:\n  zh:\n" + usage)
    (tmp_path / "lexdraft.toml").write_text(f'packs = ["{packs.as_posix()}"]\n', encoding="utf-8")
    draft = CSAM.format(n=1, standard="obscene").replace("ie.act", "xh.penal-code").replace("jurisdiction ie", (
        "jurisdiction xh\n  instrument   penal-code")).replace('zh "罪"', 'zh-hant "罪"')
    (tmp_path / "1.lexd").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, zh, err = run(capsys, "review", "1.lexd", "--against", "uncc.14", "--lang", "zh")
    assert "error" not in err, err
    _, en, _ = run(capsys, "review", "1.lexd", "--against", "uncc.14")
    assert "《聯合國打擊網絡犯罪公約》、信息和通信技術系統" in zh and "上述二手文獻用語係由簡體原文轉寫為正體字" in zh
    assert "資料來源：lexdraft建議稿" in zh and "lexdraft suggestion" not in zh and "建议" not in zh
    assert "《联合国打击网络犯罪公约》" in en and "in traditional characters" in en
    if usage:
        assert "依測試邦用語，公約名稱亦作《聯合國打擊網路犯罪公約》。" in zh
        assert "in Hantland's usage the Convention's name is also written 《聯合國打擊網路犯罪公約》." in en
    else:
        assert "公約名稱亦作" not in zh and "name is also written" not in en


def test_taiwan_s_composed_chinese_says_透過_存取_網路上_and_keeps_the_literature_s_term() -> None:
    """Mainland words s2tw leaves (通過 'by means of', 訪問 'access', 網上 'online') are written as Taiwan
    writes them; a suggestion adopted is 採納, never 通過 read as 透過; 信息 stays only in the literature's
    信息和通信技術系統."""
    import re
    from pathlib import Path

    from lexdraft.outputs import review as out
    from lexdraft.pipeline import load, review_drafts
    from lexdraft.wording.taiwan import in_script

    assert in_script("一名成年人在网上通过某一服务访问该材料", "tw") == "一名成年人在網路上透過某一服務存取該材料"
    (r,) = review_drafts(load([str(Path(__file__).resolve().parent.parent / "drafts" / "tw" / "in-force")]),
                         ["uncc.14", "uncc.16", "uncc.18"])
    page = out.to_markdown([r], "zh")
    zh = re.sub(r"“[^”]*”|「[^」]*」", "", page)  # composed prose, less the quotations of the statutes
    assert not re.search("通過|網上|訪問", zh), re.findall(".{8}(?:通過|網上|訪問).{8}", zh)
    assert "透過信息和通信技術系統" in zh and not re.search("信息(?!和通信技術系統)", zh)


# ------------------------------------------------------------------ the generic threshold sentences, read in a golden

# A State that is not the PRC and not Taiwan (no `in:` wording of its own): one offence whose base tier requires a
# statutory circumstance, one whose base tier is made out by figures only.
THRESHOLDS = """provision yy.penal-code.200 {
  jurisdiction yy
  status       in-force
  instrument   penal-code
  title        zh "传播儿童性虐待材料罪" en "Distributing child sexual abuse material"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      produce, distribute, possess
  means        ict-system
  object       csam {
    person minor
  }
  tier base requires serious-consequences
  prosecution  public
  penalty
    base imprisonment <= 3 years
}

provision yy.penal-code.201 {
  jurisdiction yy
  status       in-force
  instrument   penal-code
  title        zh "未经同意传播私密图像罪" en "Disseminating intimate images without consent"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      distribute, transmit, sell, publish
  means        ict-system
  object       intimate-image {
    depicts    exposed-sexual-organs | sexual-activity
    person     adult
  }
  consent      absent
  tier base when any {
    disseminated-to >= 50 persons
  } per "a synthetic interpretation, art. 1"
  prosecution  public
  penalty
    base imprisonment <= 2 years
}
"""
GOLDEN = __import__("pathlib").Path(__file__).resolve().parent / "golden" / "review"


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_golden_generic_threshold_review(tmp_path, monkeypatch, capsys, lang: str, regen_golden: bool) -> None:
    """`lexdraft review` of THRESHOLDS against Arts. 14 and 16 (Testland, a test pack): the base-threshold reasons
    of uncc-14 and uncc-16 as any State's review words them ('only above the threshold "causing serious
    consequences"', 'only above its quantitative threshold' / 仅在造成严重后果时, 仅在达到其门槛时), for a lawyer to
    read. A threshold set in figures only has one English name in the observation, the recommendation and the
    amendment."""
    from cli_run import run

    (tmp_path / "lexdraft.toml").write_text(f'packs = ["{HANT_PACKS.as_posix()}"]\n', encoding="utf-8")
    (tmp_path / "t.lexd").write_text(THRESHOLDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, text, err = run(capsys, "review", "t.lexd", "--against", "uncc.14", "--against", "uncc.16",
                          "--format", "markdown", "--lang", lang)
    assert code == 1 and "error" not in err, err
    golden = GOLDEN / f"threshold-generic.{lang}.md"
    if regen_golden:
        golden.write_text(text, encoding="utf-8", newline="\n")
        return
    assert text == golden.read_text(encoding="utf-8")
    said = ('only above the threshold "causing serious consequences", which Art. 14(1) does not set',
            "only above its quantitative threshold; below it the dissemination",
            "without a quantitative threshold, which the Convention does not set (Article 201 of the Penal Code)",
            "Amend Penal Code of Testland, Article 201: remove the quantitative threshold") if lang == "en" else \
        ("该行为仅在造成严重后果时才构成犯罪，而第14条第1款并未设定此门槛", "该行为仅在达到其门槛时才构成犯罪")
    assert all(s in text for s in said), [s for s in said if s not in text]
    assert lang != "en" or not re.search(r"threshold of quantities|set in figures|above its threshold", text)
    # 200-2 is numbered and placed after the 200-1 suggested for 14(1)(b): a drafter may adopt it alone, so the review
    # says what it is then (it read "after Article 200-1" unconditioned); the articles a new one passes over are said
    # in a drafter's words, and the one whose penalty it takes is not called one on "the same material"
    placed = (("Its number and place assume that Article 200-1, suggested for 14(1)(b), is adopted with it; if that "
               "article is not, this article is added after Article 200 as Article 200-1."),
              ("no amendment of one or two elements of it (an act, the material, a threshold and the like) would "
               "implement 14(1)(a)")) if lang == "en" else \
        (("本条的条号和位置以一并采纳就第14条第1款(b)项建议的第二百条之一为前提；该条未采纳的，本条在第二百条后增加，"
          "作为第二百条之一。"), "其虽已就同类材料处罚第14条第1款(a)项所列行为，但仅修改其一至两处要件")
    assert all(s in text for s in placed), [s for s in placed if s not in text]
    assert not re.search(r"two elements or fewer|offence for the same material|不超过两处|针对同类材料的犯罪", text)
    # a suggestion's source in the page's language (LAWYER-S24 N-1)
    assert ("Sources: lexdraft suggestion" if lang == "en" else "资料来源：lexdraft建议稿") in text
    assert lang == "en" or "lexdraft suggestion" not in text


# ------------------------------------------------------------------ quotations: the paragraph cited, paragraphs shown

ARTICLE = '''provision yy.penal-code.300{para} {{
  jurisdiction yy
  status       {status}
  instrument   penal-code
  title        zh "传播儿童性虐待材料罪" en "Distributing child sexual abuse material"
  source       "a synthetic statute"
  actors       natural-person
  mental       intent
  conduct      distribute
  means        ict-system
  object       csam {{
    person minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 3 years
{version}  translation  working-gloss
  text         zh """
第三百条 传播儿童性虐待材料的，处三年以下有期徒刑。
单位犯前款罪的，对单位判处罚金。
有前两款行为，同时构成其他犯罪的，依照处罚较重的规定定罪处罚。
"""
               en """
¶1 Whoever distributes child sexual abuse material shall be sentenced to imprisonment of not more than three years.
¶2 A unit committing the crime in ¶1 shall be fined.
¶3 Where the conduct also constitutes another crime, the heavier provision applies.
"""
}}
'''


def _measures(tmp_path, monkeypatch, capsys, draft: str, lang: str) -> str:
    from cli_run import run

    (tmp_path / "lexdraft.toml").write_text(f'packs = ["{HANT_PACKS.as_posix()}"]\n', encoding="utf-8")
    (tmp_path / "t.lexd").write_text(draft, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    _, text, err = run(capsys, "review", "t.lexd", "--against", "uncc.14", "--format", "markdown", "--lang", lang)
    assert "error" not in err, err
    return text.split("### 相关措施" if lang == "zh" else "### Measures")[1].split("###")[0]


def test_a_chinese_article_quoted_whole_shows_its_paragraphs_as_the_law_cites_them(tmp_path, monkeypatch, capsys):
    """Three lines are three paragraphs (款): quoted whole, each is marked, 〔第一款〕…〔第二款〕…〔第三款〕; a
    paragraph cited alone is quoted alone, unmarked, the rest elided (LAWYER-S24 N-8)."""
    whole = _measures(tmp_path, monkeypatch, capsys, ARTICLE.format(para="", status="in-force", version=""), "zh")
    assert "“〔第一款〕传播儿童性虐待材料的，处三年以下有期徒刑。〔第二款〕单位犯前款罪的，对单位判处罚金。" \
        "〔第三款〕有前两款" in whole
    one = _measures(tmp_path, monkeypatch, capsys, ARTICLE.format(para=".2", status="in-force", version=""), "zh")
    assert "“……单位犯前款罪的，对单位判处罚金。……”" in one and "〔" not in one


def test_a_paragraph_cited_is_quoted_alone_and_a_dated_text_says_so_beside_it(tmp_path, monkeypatch, capsys):
    """An English text marks its paragraphs (¶): the provision cited by paragraph 2 quotes ¶2 only; a text of an
    earlier version carries [dated] beside its words, not in the verdicts alone (LAWYER-S24 S-7)."""
    draft = ARTICLE.format(para=".2", status="outdated", version='  version      as-at "2013-2020"\n')
    en = _measures(tmp_path, monkeypatch, capsys, draft, "en")
    assert "“… A unit committing the crime in ¶1 shall be fined. …” (lexdraft's working gloss, not an official " \
        "translation; it may shorten the text; the text as at " \
        "2013-2020 \\[dated\\], since amended, whose current text was not verified \\[NF\\])" in en
    zh = _measures(tmp_path, monkeypatch, capsys, draft, "zh")
    assert "该文本为2013年至2020年间的文本 \\[dated\\]，其后经修正，现行文本未经核实 \\[NF\\]" in zh


@pytest.mark.parametrize(("media", "said"), [("visual | audio", "Also reaches audio content,"),
                                             ("visual | written", "Also reaches written content,"),
                                             ("visual | written | audio", "Also reaches written and audio content,")])
def test_what_a_provision_reaches_beyond_14_2_names_its_own_media(media: str, said: str) -> None:
    """A law naming drawings and audio (語音) reaches no written content: the review says 'audio content', not
    'written or audio content' (LAWYER-S24 N-4)."""
    f = findings("uncc.14", CSAM.format(n=1, standard="obscene").replace(
        "    standard obscene\n", f"    standard obscene\n    medium {media}\n"))["uncc.14.2"]
    en = _notes(f, "en")
    assert said in en and "written or audio" not in en


def test_the_check_says_why_a_paragraph_is_not_met_as_the_review_does() -> None:
    """`lexdraft check` and the review give one reason for 14(1)(b) not met: no provision punishes the acts at all,
    or those that do reach nothing the paragraph concerns (LAWYER-S24 N-5)."""
    none = findings("uncc.14", CSAM.format(n=1, standard="obscene"))["uncc.14.1.b"]
    assert _notes(none, "en").startswith("No provision of the set makes soliciting, procuring or accessing an "
                                         "offence, whatever the material: none punishes the act at all, rather than "
                                         "more narrowly than the paragraph requires.")
    assert _notes(none, "zh").startswith("所审查的条文均未将索取、获取、访问规定为犯罪，无论涉及何种材料")
    images = CSAM.format(n=2, standard="obscene").replace("conduct      produce, distribute, possess",
                                                          "conduct      solicit").replace("csam", "intimate-image")
    other = findings("uncc.14", images)["uncc.14.1.b"]
    assert _notes(other, "en").startswith("Soliciting, procuring or accessing is an offence under ie.act.2 only for "
                                          "what the paragraph does not concern")


def test_a_virtual_material_test_is_named_by_its_own_conditions() -> None:
    """What a cumulative test for virtual material leaves out is material failing any of the provision's own
    conditions, named (LAWYER-S24 N-3), not 'failing another of its conditions'."""
    draft = CSAM.format(n=1, standard="obscene").replace(
        "    standard obscene\n", "    standard obscene\n    origin real | synthetic\n"
                                  "    virtual-test high-verisimilitude, inducement-risk\n")
    f = findings("uncc.14", draft)["uncc.14.1.a"]
    en, zh = _notes(f, "en"), _notes(f, "zh")
    assert ("that fails any of its conditions: that the content is realistic enough for an ordinary person to mistake "
            "it for an actual person under eighteen; that the material presents a substantial risk") in en
    assert "（不符合其所列任一条件：逼真程度足以使一般人误认为真实的未成年人；具有诱发" in zh
    assert "another of its conditions" not in en and "其他条件" not in zh


def _texts(value: object, seen: set[int] | None = None) -> list[object]:
    """Every bilingual text a spec holds, wherever in it."""
    import dataclasses

    from lexdraft.language.ast import Text

    seen = set() if seen is None else seen
    if id(value) in seen:
        return []
    seen.add(id(value))
    if isinstance(value, Text):
        return [value]
    if isinstance(value, (tuple, list)):
        return [t for v in value for t in _texts(v, seen)]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [t for f in dataclasses.fields(value) for t in _texts(getattr(value, f.name), seen)]
    return []


# A Chinese quotation of a provisional article's words (no official Chinese text was found, and the English is a
# reconstruction): the words quoted after the paragraph cited, longer than a legal term of art (“故意”, “无权”)
_QUOTED_TREATY = r"第{article}条第\d+款[^“。；]{{0,12}}“([^”]{{3,}})”([^。]*)"


@pytest.mark.parametrize("article", ["uncc.16", "uncc.18", "uncc.19"])
def test_a_chinese_quotation_of_provisional_treaty_words_is_marked_as_the_project_s_translation(article: str) -> None:
    """Art. 16's text is [U-EN], a reconstructed English: a Chinese quotation of it is lexdraft's translation of that
    English, and says so in the clause that quotes it (引文为本工具据暂定英文本所译, [U-EN]), as the English says it
    quotes the
    provisional English; never Chinese words in quotation marks that a reader could take for the treaty's."""
    import re

    from lexdraft.treaty.review import review_data

    spec = spec_for(article)
    assert spec.provisional
    number = article.split(".")[1]
    texts = [*_texts(spec), *_texts([p for p in review_data().practices if p.article == article])]
    quoted = 0
    for t in texts:
        for m in re.finditer(_QUOTED_TREATY.format(article=number), t.zh or ""):
            quoted += 1
            assert "本工具据暂定英文本所译，[U-EN]）" in m.group(2), t.zh  # in the sentence that quotes it
            assert "provisional English, [U-EN]" in (t.en or ""), t.en
    assert quoted or article != "uncc.16"


def test_chinese_wording_never_calls_lexdraft_this_item() -> None:
    """本项目 reads, in a legal text, as "this item": lexdraft calls itself 本工具 in every spec and in the review's
    own headings (its translation of provisional treaty English, its own Chinese terms)."""
    from lexdraft.outputs.review import WORDS
    from lexdraft.treaty.review import review_data

    texts = [t.zh or "" for a in ("uncc.14", "uncc.16", "uncc.18", "uncc.19")
             for t in _texts(spec_for(a))] + [t.zh or "" for t in _texts(review_data())]
    texts += [str(v) for v in WORDS["zh"].values()]
    assert not [t for t in texts if "本项目" in t]


SEXUAL_IMAGE = """
provision ie.act.{n} {{
  jurisdiction ie
  status       in-force
  title        zh "罪" en "Offence"
  conduct      distribute
  object       sexual-image {{
    depicts  exposed-sexual-organs | sexual-activity
    standard sexually-explicit
    person   adult
    origin   synthetic
    medium   visual | audio
  }}
  consent      absent
  penalty
    base imprisonment <= 3 years
}}
"""


def test_art_16_2_is_quoted_as_the_provisional_english_with_its_doubt_in_both_languages() -> None:
    """The definition of Art. 16(2) a reviewer's question quotes: the reference's doubt on "sexual parts" ⟨? "intimate
    parts"⟩ kept, and the Chinese marked as lexdraft's translation, in the words the Chinese gist of 16(2) uses
    (性部位, 具有性内容), not other words for the same treaty text."""
    f = findings("uncc.16", SEXUAL_IMAGE.format(n=1))
    en, zh = _notes(f["uncc.16.2"], "en"), _notes(f["uncc.16.2"], "zh")
    assert ("\"sexual in nature, in which the person's sexual parts ⟨? \"intimate parts\"⟩ are exposed or the person "
            "is engaged in sexual activity\" (provisional English, [U-EN])") in en
    assert ("“具有性内容、该人性部位⟨?‘私密部位’⟩暴露或者该人正在从事性活动”"
            "（引文为本工具据暂定英文本所译，[U-EN]）") in zh
    assert "性器官" not in zh and "性的性质" not in zh
    excluded = f["uncc.16.1"]  # synthetic images only: the definition's "visual recording" quoted
    assert "“视觉记录”（引文为本工具据暂定英文本所译，[U-EN]）" in _notes(excluded, "zh")
    assert '"a visual recording" (provisional English, [U-EN])' in _notes(excluded, "en")


def test_the_persons_a_legal_persons_rule_punishes_beside_it_are_said_of_any_law() -> None:
    """`responsible-persons-punished` covers the PRC's persons in charge and an officer who consented or connived
    (England's PCA 1978 s. 3): a recalled rule's summary says so in both languages, not in PRC art. 31's words, which
    stay where the PRC's own text is composed."""
    from lexdraft.wording.pages import rule_summary

    drafts, _ = load_sources([("r.lexd", """rule ie.act.6 {
  jurisdiction ie
  status       in-force
  title        zh "法人犯罪" en "Offences by corporations"
  source       "s"
  provenance   r-memory
  kind         legal-persons
  reaches      all
  punishes     offence-penalty-on-unit, responsible-persons-punished
}
""")])
    (rule,) = drafts.rules
    zh, en = "\n".join(rule_summary(rule, "zh")), "\n".join(rule_summary(rule, "en"))
    assert "在法人之外对负有责任的自然人（主管人员，或者同意、纵容该行为的高级职员）判处刑罚" in zh, zh
    assert "直接负责的主管人员和其他直接责任人员" not in zh, zh
    assert "an officer who consented or connived" in en, en
