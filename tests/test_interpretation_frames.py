"""Interpretations in the frame the courts issue them in: number and adoption line only as the file states them, a
draft's stage, the catch-all item, the final articles, and the check that quoted terms are the statute's words."""

from __future__ import annotations

import io
from dataclasses import replace
from pathlib import Path

import docx
import pytest
import xmlschema
from lxml import etree

from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.fmt import format_source
from lexdraft.language.parse import parse_text
from lexdraft.outputs.akn import NS, to_akn
from lexdraft.outputs.docx import to_docx
from lexdraft.wording.pages import provision_page
from lexdraft.wording.render import provisions_of, render

REPO = Path(__file__).resolve().parents[1]
DFII = REPO / "drafts" / "prc" / "proposed" / "253-2-dfii.lexd"
SCHEMA = Path(__file__).resolve().parent / "schemas" / "akn" / "akomantoso30.xsd"
PROVISIONS = provisions_of(parse_text(DFII.read_text(encoding="utf-8"), str(DFII)).documents)

# A frame as a file quoting an adopted interpretation states it. The number is the 2010 Interpretation (II)'s
# (reference texts, part C.2); the adoption line's wording is this test's, since the reference quotes none.
ADOPTED = """interpretation prc.spc-spp.frame {
  jurisdiction prc
  status       in-force
  issuer       supreme-peoples-court, supreme-peoples-procuratorate
  number       "法释〔2010〕3号"
  adopted      zh "测试用通过情况" en "adoption line of this test"
  title        zh "测试解释" en "Test Interpretation"
  interprets   prc.criminal-law.253-2
  preamble     zh "依法惩治测试犯罪" en "punish test crimes"
  article 1 tier serious of prc.criminal-law.253-2 when any {
    disseminated-to >= 50 persons via private-group
    views >= 1000 views on public-platform
  } catch-all
  supersedes   earlier
  commencement "2019-11-01"
}
"""


def _doc(text: str) -> A.Interpretation:
    doc = parse_text(text, "frame.lexd").documents[0]
    assert isinstance(doc, A.Interpretation)
    return doc


def _proposal(fields: str = "", article: str = "") -> str:
    return f"""interpretation prc.spc.frame {{
  jurisdiction prc
  status       proposed
  issuer       supreme-peoples-court
{fields}  title        zh "测试解释" en "Test Interpretation"
  interprets   prc.criminal-law.253-2
  preamble     zh "依法惩治测试犯罪" en "punish test crimes"
  {article or 'article 1 evidence ai-synthesis by expert-opinion'}
}}
"""


def test_an_adopted_interpretation_carries_its_number_adoption_line_and_final_articles() -> None:
    lines = render(_doc(ADOPTED), "zh", PROVISIONS).split("\n")
    assert lines[:3] == ["测试解释", "法释〔2010〕3号", "（测试用通过情况）"]
    assert not any("制定机关" in line or "建议稿" in line for line in lines)  # the court's title names its issuers
    start = lines.index("第一条　具有下列情形之一的，应当认定为刑法第二百五十三条之二规定的“情节严重”：")
    assert lines[start:start + 6] == [
        "第一条　具有下列情形之一的，应当认定为刑法第二百五十三条之二规定的“情节严重”：",
        "（一）通过私密群组传播给五十人以上的；",
        "（二）在公开平台被浏览一千次以上的；",
        "（三）其他情节严重的情形。",
        "第二条　以前发布的司法解释与本解释不一致的，以本解释为准。",
        "第三条　本解释自2019年11月1日起施行。",
    ]


def test_the_frame_in_english() -> None:
    lines = render(_doc(ADOPTED), "en", PROVISIONS).split("\n")
    assert lines[:3] == ["Test Interpretation", "法释〔2010〕3号", "(adoption line of this test)"]
    start = lines.index("Article 1 Any of the following shall be deemed “serious circumstances” under Article 253B "
                        "of the Criminal Law:")
    assert lines[start + 1:start + 6] == [
        "(1) dissemination to 50 or more persons via private groups;",
        "(2) 1,000 or more views on public platforms; or",
        "(3) other serious circumstances.",
        ("Article 2 Where a judicial interpretation issued earlier is inconsistent with this Interpretation, this "
         "Interpretation shall prevail."),
        "Article 3 This Interpretation shall come into force on November 1, 2019.",
    ]


def test_a_proposal_has_no_number_date_or_placeholder() -> None:
    zh = render(_doc(_proposal()), "zh", PROVISIONS)
    assert zh.split("\n")[1:3] == ["（司法解释建议稿）", "建议制定机关：最高人民法院"]
    assert "法释" not in zh and "施行" not in zh and "〔" not in zh and "年" not in zh


def test_a_courts_draft_for_comment_says_so_and_names_no_proposed_issuer() -> None:
    doc = _doc(_proposal("  stage        draft-for-comment\n"))
    zh, en = render(doc, "zh", PROVISIONS).split("\n"), render(doc, "en", PROVISIONS).split("\n")
    assert zh[:2] == ["测试解释", "（征求意见稿）"]
    assert en[:2] == ["Test Interpretation", "(Draft for Comment)"]
    assert not any("制定机关" in line for line in zh) and "法释" not in "".join(zh)


@pytest.mark.parametrize(("fields", "article", "line", "message"), [
    ('  number       "法释〔2026〕1号"\n', "", 5, "is not in force, so it has no document number"),
    ('  adopted      zh "……通过" en "Adopted …"\n', "", 5, "is not in force, so it has no adoption line"),
    ('  commencement "2026-02-30"\n', "", 5, "the commencement “2026-02-30” is no date written YYYY-MM-DD"),
    ("", "article 1 tier serious of prc.criminal-law.253-2 when all {\n    views >= 1000 views\n  } catch-all",
     8, "article 1 ends a list whose items must all be present with a catch-all item"),
])
def test_a_frame_that_does_not_fit_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                     fields: str, article: str, line: int, message: str) -> None:
    draft = tmp_path / "frame.lexd"
    draft.write_text(_proposal(fields, article), encoding="utf-8")
    assert main(["render", str(draft), "--with", str(DFII), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert f"frame.lexd:{line}:" in err and "error[E232]" in err and message in err
    assert "^" in err and "hint:" in err


def test_a_draft_for_comment_in_force_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "frame.lexd"
    draft.write_text(ADOPTED.replace("  number", "  stage        draft-for-comment\n  number"), encoding="utf-8")
    assert main(["parse", str(draft), "--with", str(DFII), "--no-cache"]) == 2
    assert "error[E232]: `prc.spc-spp.frame` is in force, so it is no draft-for-comment" in capsys.readouterr().err


def test_a_quoted_term_the_provision_does_not_use_stops_the_render(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """253-2 says 能够为……所识别, never 可被识别: the interpretation may not quote words the statute lacks."""
    draft = tmp_path / "quote.lexd"
    draft.write_text(_proposal(article='article 1 text zh "刑法第二百五十三条之二规定的“可被识别”，是指……。" '
                                       'en "“Identifiable” under Article 253B means …"'), encoding="utf-8")
    assert main(["render", str(draft), "--with", str(DFII), "--lang", "en", "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "quote.lexd:8:36: error[E410]: article 1 quotes “可被识别”, which the text of `prc.criminal-law.253-2` " \
           "does not contain" in err
    assert "^^^" in err and "hint: quote the provision's own words" in err


def test_the_quoted_terms_lexdraft_composes_are_the_statutes_words() -> None:
    """The bundled interpretation quotes 253-2's definition as render composes it; against a text of 253-2 that
    words the definition otherwise, the same article is refused at its place."""
    bundled = REPO / "drafts" / "prc" / "proposed" / "dfii-interpretation.lexd"
    doc = _doc(bundled.read_text(encoding="utf-8"))
    assert "“能够为被描绘者的亲属、同事或者其他熟人所识别”" in render(doc, "zh", PROVISIONS)
    p = PROVISIONS["prc.criminal-law.253-2"]
    reworded = replace(p, text=A.Text(zh="……本条所称私密图像，是指可被识别的……图像。情节严重的，……", en="…"))
    with pytest.raises(LexdraftError) as caught:
        render(doc, "en", {**PROVISIONS, p.id: reworded})
    d = caught.value.diagnostics[0]
    assert d.code == "E410" and "article 1 quotes “能够为被描绘者的亲属、同事或者其他熟人所识别”" in d.message
    assert d.span is not None and d.span.line == doc.articles[0].span.line  # type: ignore[union-attr]


def test_an_english_quote_the_english_text_lacks_stops_the_english_render(tmp_path: Path,
                                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The Chinese quotes 253-2's own 私密图像; the English quotes “Private image”, where 253-2's English defines
    ‘intimate image’. An English reader takes a quoted term for the Act's: the English render stops, the Chinese
    (whose quote stands) does not."""
    draft = tmp_path / "quote.lexd"
    draft.write_text(_proposal(article='article 1 text zh "刑法第二百五十三条之二规定的“私密图像”，包括……。" '
                                       'en "“Private image” under Article 253B includes …"'), encoding="utf-8")
    assert main(["render", str(draft), "--with", str(DFII), "--lang", "zh", "--no-cache"]) == 0
    capsys.readouterr()
    assert main(["render", str(draft), "--with", str(DFII), "--lang", "en", "--no-cache"]) == 2
    err = capsys.readouterr().err
    column = draft.read_text(encoding="utf-8").split("\n")[7].index("“Private") + 1  # at the English quotation
    assert f"quote.lexd:8:{column}: error[E410]: article 1 quotes “Private image”, which the English text of " \
           "`prc.criminal-law.253-2` does not contain" in err
    # the Act's own term, capitalised as a sentence opens, is the Act's term
    draft.write_text(draft.read_text(encoding="utf-8").replace("Private image", "Intimate image"), encoding="utf-8")
    assert main(["render", str(draft), "--with", str(DFII), "--lang", "en", "--no-cache"]) == 0
    assert "Article 1 “Intimate image” under Article 253B includes …" in capsys.readouterr().out


def test_the_english_quotes_lexdraft_composes_are_checked_against_the_english_text() -> None:
    """The bundled interpretation quotes 253-2's English definition word for word, and a tier by the name the courts'
    translations give it (“serious circumstances”, for an Act that says "where the circumstances are serious");
    against an English text of 253-2 worded otherwise, the English render is refused at the article, the Chinese not."""
    bundled = REPO / "drafts" / "prc" / "proposed" / "dfii-interpretation.lexd"
    doc = _doc(bundled.read_text(encoding="utf-8"))
    english = render(doc, "en", PROVISIONS)
    assert "“is capable of being identified by the family, colleagues or other acquaintances of the person " \
           "depicted”" in english and "“serious circumstances”" in english
    p = PROVISIONS["prc.criminal-law.253-2"]
    assert "where the circumstances are serious" in "".join(provision_page(p, "en").lines)
    reworded = replace(p, text=A.Text(zh="\n".join(provision_page(p, "zh").lines), en=(
        "Whoever … ‘intimate image’ means an image by which the person depicted can be recognised; where the "
        "circumstances are serious, …")))
    assert "能够为被描绘者的亲属、同事或者其他熟人所识别" in render(doc, "zh", {**PROVISIONS, p.id: reworded})
    with pytest.raises(LexdraftError) as caught:
        render(doc, "en", {**PROVISIONS, p.id: reworded})
    d = caught.value.diagnostics[0]
    assert d.code == "E410" and d.message == (
        "article 1 quotes “is capable of being identified by the family, colleagues or other acquaintances of the "
        "person depicted”, which the English text of `prc.criminal-law.253-2` does not contain")
    assert d.span is not None and d.span.line == doc.articles[0].span.line  # type: ignore[union-attr]


def test_the_frame_is_written_back_as_the_file_states_it() -> None:
    printed = format_source(ADOPTED, "frame.lexd")
    assert format_source(printed, "frame.lexd") == printed
    again = _doc(printed)
    assert again == _doc(ADOPTED) and again.number == A.Stated("法释〔2010〕3号") and again.supersedes


def test_word_and_akoma_ntoso_carry_the_frame() -> None:
    doc = _doc(ADOPTED)
    texts = [p.text for p in docx.Document(io.BytesIO(to_docx([doc], "zh", PROVISIONS))).paragraphs]
    assert texts[:3] == ["测试解释", "法释〔2010〕3号", "（测试用通过情况）"]
    assert "第三条　本解释自2019年11月1日起施行。" in texts
    xml = to_akn([doc], "zh", PROVISIONS, name="frame")
    assert xmlschema.XMLSchema(str(SCHEMA)).is_valid(xml)
    root = etree.fromstring(xml.encode() if isinstance(xml, str) else xml)
    assert root.findtext(f".//{{{NS}}}docNumber") == "法释〔2010〕3号"
    nums = [a.findtext(f"{{{NS}}}num") for a in root.iter(f"{{{NS}}}article")]
    assert nums == ["第一条", "第二条", "第三条"]


def test_the_frbr_work_carries_the_number_the_file_states_and_no_other() -> None:
    """The work's FRBRnumber is the document number as stated, the same in every expression (the English AKN too,
    whose reader looks a judicial interpretation up by its 法释 number); a proposal has none, and no URI is built
    from a number (with the date unrecorded it would pass for the publisher's)."""
    schema = xmlschema.XMLSchema(str(SCHEMA))
    for lang in ("zh", "en"):
        xml = to_akn([_doc(ADOPTED)], lang, PROVISIONS)
        assert [e.reason for e in schema.iter_errors(xml)] == []
        work = etree.fromstring(xml.encode()).find(f".//{{{NS}}}FRBRWork")
        assert [n.get("value") for n in work.iter(f"{{{NS}}}FRBRnumber")] == ["法释〔2010〕3号"]
        assert work.find(f"{{{NS}}}FRBRuri").get("value") == \
            "/akn/cn/act/judicialInterpretation/1000-01-01/prc.spc-spp.frame"
    proposal = etree.fromstring(to_akn([_doc(_proposal())], "zh", PROVISIONS).encode())
    assert proposal.find(f".//{{{NS}}}FRBRnumber") is None and proposal.find(f".//{{{NS}}}docNumber") is None


MISQUOTE = ('article 1 text zh "刑法第二百五十三条之二规定的“可被识别”，是指……。" '
            'en "“Identifiable” under Article 253B means …"')


@pytest.mark.parametrize("cache", [False, True])
def test_check_reports_a_misquote_at_the_quotation(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                  monkeypatch: pytest.MonkeyPatch, cache: bool) -> None:
    """`check` (not only render) refuses an interpretation quoting words its article does not use, at the quotation
    itself; with the cache, a second check reads the set sketched and still finds it; a correct quote passes."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "provision.lexd").write_text(DFII.read_text(encoding="utf-8"), encoding="utf-8")
    draft = folder / "quote.lexd"
    no_cache = [] if cache else ["--no-cache"]
    correct = MISQUOTE.replace("可被识别", "私密图像").replace("“Identifiable”", "“Intimate image”")
    draft.write_text(_proposal(article=correct), encoding="utf-8")
    for _ in range(2 if cache else 1):  # with the cache, the second check reads the drafts sketched
        assert main(["check", str(folder), "-q", *no_cache]) in (0, 1)
    capsys.readouterr()
    draft.write_text(_proposal(article=MISQUOTE), encoding="utf-8")
    for command in (["check", str(folder)], ["check", str(draft), "--with", str(DFII)]):
        assert main([*command, *no_cache]) == 2
        err = capsys.readouterr().err
        column = MISQUOTE.index("“可被识别”") + 3  # the line's two spaces of indent, 1-based
        assert f"quote.lexd:8:{column}: error[E410]: article 1 quotes “可被识别”, which the text of " \
               "`prc.criminal-law.253-2` does not contain" in err
        assert "quote.lexd:8:" in err and "error[E410]: article 1 quotes “Identifiable”, which the English" in err
        shown = err.split("\n")
        caret = next(line for line in shown if "^" in line)
        assert caret.strip(" |").startswith("^") and caret.count("^") == 10  # “可被识别”, as wide as it shows
        assert "hint: quote the provision's own words" in err


def test_a_quote_that_stood_is_checked_again_when_its_article_changes(tmp_path: Path,
                                                                      capsys: pytest.CaptureFixture[str],
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache keeps that an interpretation's quotations stood against the bytes of its file and of the files of
    the provisions it names: a re-check that changed none of them parses none, and one that changes the article's
    words finds the quotation no longer stands."""
    from lexdraft import pipeline

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "set"
    folder.mkdir()
    provision = folder / "provision.lexd"
    provision.write_text(DFII.read_text(encoding="utf-8"), encoding="utf-8")
    correct = MISQUOTE.replace("可被识别", "私密图像").replace("“Identifiable”", "“Intimate image”")
    (folder / "quote.lexd").write_text(_proposal(article=correct), encoding="utf-8")
    assert main(["check", str(folder), "-q"]) in (0, 1)
    parsed: list[str] = []
    parse = pipeline.parse_text
    monkeypatch.setattr(pipeline, "parse_text", lambda text, path: parsed.append(path) or parse(text, path))
    assert main(["check", str(folder), "-q"]) in (0, 1)
    assert parsed == []  # its verdict kept: neither file read whole again
    text = provision.read_text(encoding="utf-8")
    assert "object       intimate-image {" in text  # composed as 私密图像
    provision.write_text(text.replace("object       intimate-image {", "object       csam {"), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", str(folder)]) == 2
    assert "error[E410]: article 1 quotes “私密图像”" in capsys.readouterr().err


@pytest.mark.parametrize("name", ["a-quote.lexd", "z-quote.lexd"])
def test_a_cold_check_finds_a_misquote_reading_each_file_once(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                              monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """A cold check keeps only the sketches of the drafts it has read: it reads the interpretations first and holds
    the provisions they name until their quotations are checked, so it finds the misquote as the check of the whole
    trees does, the interpretation's file before or after the provision's, and parses no file twice."""
    from lexdraft import pipeline

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "set"
    folder.mkdir()
    (folder / "provision.lexd").write_text(DFII.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / name).write_text(_proposal(article=MISQUOTE), encoding="utf-8")
    parsed: list[str] = []
    parse = pipeline.parse_text
    monkeypatch.setattr(pipeline, "parse_text", lambda text, path: parsed.append(path) or parse(text, path))
    assert main(["check", str(folder), "--no-cache"]) == 2
    cold = capsys.readouterr().err
    assert sorted(parsed) == sorted(str(p) for p in folder.iterdir())
    assert "error[E410]: article 1 quotes “可被识别”" in cold and "error[E410]: article 1 quotes “Identifiable”" in cold
    assert main(["check", str(folder), "--no-cache", "--status", "proposed"]) == 2  # from the whole trees
    assert capsys.readouterr().err == cold


# A provision whose text is another's (`text of`), in a file of its own, and an interpretation quoting the name of its
# `serious` tier, which the text it shares says (有其他恶劣情节的).
STATED = """provision prc.criminal-law.400-1 {
  jurisdiction prc
  status       in-force
  instrument   criminal-law
  title        zh "传输生成条文罪" en "Generated offence: transmit"
  source       "a test's own words, not law"
  mental       intent
  conduct      transmit
  object       obscene-material {
    depicts    explicit-pornography
  }
  tier serious requires flagrant-circumstances
  prosecution  public
  penalty
    base    imprisonment <= 3 years
    serious imprisonment 3..8 years
  translation  working-gloss
  text         zh "传输淫秽物品的，处三年以下有期徒刑；有其他恶劣情节的，处三年以上八年以下有期徒刑。"
               en "Whoever transmits obscene articles; where there are other flagrant circumstances, more."
}
"""
SHARED = STATED.replace("400-1 {", "400-2 {").split("  translation")[0] + \
    "  text         of prc.criminal-law.400-1\n}\n"
QUOTING = """interpretation prc.spc.test {
  jurisdiction prc
  status       in-force
  issuer       supreme-peoples-court
  title        zh "测试解释" en "Test Interpretation"
  source       "a test's own words, not law"
  interprets   prc.criminal-law.400-2
  preamble     zh "依法惩治测试犯罪" en "punish test crimes"
  article 1 tier serious of prc.criminal-law.400-2 when any {
    illegal-gains > 100 yuan
  }
}
"""


def test_a_quote_that_stood_is_checked_again_when_the_text_it_shares_changes(
        tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    """The quotations stood against the words of a provision whose text is another's: when the file of that other
    provision changes them, a re-check finds the quotation no longer stands, as a cold check does (the cache kept
    their standing by the files of the interpretation and of the provision it names, not of the text shared)."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    folder = tmp_path / "set"
    folder.mkdir()
    for name, text in (("stated.lexd", STATED), ("shared.lexd", SHARED), ("quoting.lexd", QUOTING)):
        (folder / name).write_text(text, encoding="utf-8")
    for _ in range(2):  # the second check reads the set sketched, and the quotations' standing from the cache
        assert main(["check", str(folder), "-q"]) == 1
    stated = folder / "stated.lexd"
    stated.write_text(STATED.replace("有其他恶劣情节的", "情节特别严重的"), encoding="utf-8")
    capsys.readouterr()
    for more in ([], ["--no-cache"]):
        assert main(["check", str(folder), "-q", *more]) == 2
        assert "error[E410]: article 1 quotes “有其他恶劣情节”, which the text of `prc.criminal-law.400-2` does " \
               "not contain" in capsys.readouterr().err


def test_the_gate_refuses_a_misquote(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import subprocess

    monkeypatch.chdir(tmp_path)
    (tmp_path / "drafts").mkdir()
    (tmp_path / "drafts" / "provision.lexd").write_text(DFII.read_text(encoding="utf-8"), encoding="utf-8")
    for args in (["init", "-q"], ["add", "."], ["-c", "user.name=t", "-c", "user.email=t@t", "commit", "-qm", "base"]):
        subprocess.run(["git", *args], check=True, cwd=tmp_path)
    (tmp_path / "drafts" / "quote.lexd").write_text(_proposal(article=MISQUOTE), encoding="utf-8")
    assert main(["gate", "drafts", "--base", "HEAD", "--no-cache"]) == 2
    assert "error[E410]: article 1 quotes “可被识别”" in capsys.readouterr().err


def test_a_joint_interpretations_title_separates_its_issuers_with_a_space() -> None:
    """Official titles of the two courts' joint interpretations put a space between the courts' names (最高人民法院
    最高人民检察院关于……的解释), never 、, which would read as one list within the title."""
    bundled = REPO / "drafts" / "prc" / "proposed" / "platform-liability-interpretation.lexd"
    doc = _doc(bundled.read_text(encoding="utf-8"))
    assert len(doc.issuers) == 2
    title = render(doc, "zh", PROVISIONS | provisions_of(parse_text(
        (REPO / "drafts" / "prc" / "proposed" / "286-2-platform-reasonable-care.lexd").read_text(encoding="utf-8"),
        "286-2.lexd").documents)).split("\n")[0]
    assert title.startswith("最高人民法院 最高人民检察院关于") and "、最高人民检察院" not in title


def test_a_commencement_on_publication_is_worded_in_each_language() -> None:
    """本解释自发布之日起施行: the commencement from the day of publication, which no date can state, is its own
    form; written back as the file states it, and in Traditional Chinese for a jurisdiction writing it."""
    text = ADOPTED.replace('commencement "2019-11-01"', "commencement on-publication")
    doc = _doc(text)
    assert isinstance(doc.commencement, A.OnPublication)
    assert render(doc, "zh", PROVISIONS).rstrip("\n").split("\n")[-1] == "第三条　本解释自发布之日起施行。"
    assert render(doc, "en", PROVISIONS).rstrip("\n").split("\n")[-1] == \
        "Article 3 This Interpretation shall come into force on the date of its publication."
    printed = format_source(text, "frame.lexd")
    assert "  commencement on-publication\n" in printed and _doc(printed) == doc
    texts = [p.text for p in docx.Document(io.BytesIO(to_docx([doc], "zh", PROVISIONS))).paragraphs]
    assert "第三条　本解释自发布之日起施行。" in texts
    from lexdraft.wording.boilerplate import words

    assert words("zh", "hant")["ji-commencement-publication"] == "本解釋自發布之日起施行。"


def test_a_quoted_commencement_is_still_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "frame.lexd"
    draft.write_text(ADOPTED.replace('"2019-11-01"', '"on-publication"'), encoding="utf-8")
    assert main(["render", str(draft), "--with", str(DFII), "--no-cache"]) == 2
    err = capsys.readouterr().err
    assert "error[E232]: the commencement “on-publication” is no date" in err and "commencement on-publication`" in err
