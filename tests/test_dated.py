"""A text of an earlier version (`status outdated`): France's art. 227-23 is quoted as it stood from 2013 to 2020 and
was amended since, its current text not found. It never says "in force", in either language, and every verdict
resting on it is marked [dated] in the atlas and the review (LAWYER-FINAL F1, S-O)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from cli_run import run

ROOT = Path(__file__).resolve().parent.parent
FRANCE = ROOT / "drafts" / "fr" / "in-force"
ARTICLE = FRANCE / "227-23-child-pornography.lexd"
IN_FORCE = sorted(str(p) for p in (ROOT / "drafts").glob("*/in-force"))


pytestmark = pytest.mark.usefixtures("bundled_only")


def entry(out: str, ident_heading: str) -> list[str]:
    """The lines of one rendered entry, from its title to the next blank-line-separated title."""
    lines = out.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith(ident_heading)) - 1
    return lines[start:start + 5]


def test_france_227_23_says_what_text_it_is_in_english(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", str(ARTICLE), "--lang", "en")
    assert code == 0, err
    assert entry(out, "Criminal Code (France), article 227-23, paragraph 1, sentence 2")[:4] == [
        ("Fixing, recording or transmitting a pornographic image of a minor under fifteen, even without a view to its "
        "dissemination"),
        ("Criminal Code (France), article 227-23, paragraph 1, sentence 2 (text as at 2013-2020; later amended, "
        "current text not verified [NF])"),
        "This entry concerns paragraph 1, sentence 2; the text below is the provision as this entry quotes it.",
        "The text quoted is the text as at 2013-2020; the current text was not found."]
    assert out.count("(text as at 2013-2020; later amended, current text not verified [NF])") == 4
    # art. 227-23-1, created in 2021, is quoted in force; the four entries on art. 227-23 never say so
    assert out.count(" (in force)") == 1 and "article 227-23-1, paragraph 1 (in force)" in out
    # the editor's aside in the reference's translation is kept beside al. 4's old penalty, with its provenance in
    # place of the note it pointed to
    assert "two years and €30,000 [now 5 yrs / €75,000, since the loi n° 2020-936 du 30 juillet 2020 [P]]" in out
    assert "see note" not in out
    assert "penalty since loi n° 2020-936 [P]" in out  # the later penalty keeps its provenance, in the source


def test_france_227_23_says_what_text_it_is_in_chinese(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "render", str(ARTICLE), "--lang", "zh")
    assert code == 0, err
    assert entry(out, "《法国刑法典》第227-23条第1款第2句")[:4] == [
        "固定、录制或者传输不满十五周岁未成年人的色情图像，即使不以传播为目的",
        "《法国刑法典》第227-23条第1款第2句（2013—2020年文本；其后经修正，现行文本未经核实）",
        "本条目涉及该条第1款第2句；以下为本条目引录的条文原文。",
        "本条文为2013年至2020年间的文本；现行文本未找到。"]
    assert entry(out, "《法国刑法典》第227-23条第1款第1句")[0] == "为传播目的固定、录制或者传输未成年人色情图像"
    assert out.count("（现行有效）") == 1  # art. 227-23-1 alone


@pytest.mark.parametrize("version,said", [
    ('  version      amended-by "loi n° 2021-478"\n', "it gives no `version as-at`"),
    ('  version      as-at "2013 (the 2013-2020 text)"\n',
     '`as-at "2013 (the 2013-2020 text)"` is not a year, two years or a date'),
    ("", "it gives no `version as-at`"),
])
def test_a_dated_text_without_its_date_is_a_located_error(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                         version: str, said: str) -> None:
    source = ARTICLE.read_text(encoding="utf-8")
    first = source.index("provision fr.code-penal.227-23.1.1")
    block = source[first:source.index("\n}\n", first) + 3]
    block = block.replace('  version      as-at "2013-2020"\n', version)
    path = tmp_path / "d.lexd"
    path.write_text(block, encoding="utf-8")
    status, _, err = run(capsys, "check", str(path))
    assert status == 2
    assert f"error[E222]: provision `fr.code-penal.227-23.1.1` is `status outdated`, but {said}" in err
    assert "d.lexd:" in err and "^" in err and 'version as-at "2013-2020"' in err  # located, with its hint


@pytest.mark.parametrize("as_at", ["2013", "2013-2020", "2022-03", "2016-10-08"])
def test_a_dated_text_takes_a_year_two_years_a_month_or_a_date(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                               as_at: str) -> None:
    source = ARTICLE.read_text(encoding="utf-8").replace('as-at "2013-2020"', f'as-at "{as_at}"')
    path = tmp_path / "d.lexd"
    path.write_text(source, encoding="utf-8")
    status, out, err = run(capsys, "render", str(path), "--lang", "zh")
    assert status == 0, err
    heading = {"2013": "（2013年文本；", "2013-2020": "（2013—2020年文本；", "2022-03": "（2022年3月文本；",
               "2016-10-08": "（2016年10月8日文本；"}[as_at]
    assert heading in out


def test_the_atlas_marks_every_verdict_resting_on_the_dated_text(capsys: pytest.CaptureFixture[str]) -> None:
    code, text, err = run(capsys, "atlas", *IN_FORCE, "--against", "uncc.14", "--against", "uncc.16")
    assert code == 0, err
    fr = {line.split()[0]: line.split()[3:5] for line in text.splitlines() if line.startswith("uncc.1")}
    marked = {rid for rid, cells in fr.items() if "[dated]" in cells}
    assert marked == {"uncc.14.1.a", "uncc.14.1.b", "uncc.14.1.c", "uncc.14.2", "uncc.14.3.b"}
    assert "[dated] after a verdict: it rests on provisions quoted in the text of an earlier version" in text
    assert ("  uncc.14.1.c met [dated]: rests on the text of an earlier version, later amended, current text not "
            "verified [NF]: fr.code-penal.227-23.4") in text
    assert ("  Law: as at 2013-2020 ([dated]: text of an earlier version; later amended, current text not verified "
            "[NF]) (fr.code-penal.227-23.1.1, fr.code-penal.227-23.1.2, fr.code-penal.227-23.2, "
            "fr.code-penal.227-23.4)") in text
    code, md, err = run(capsys, "atlas", *IN_FORCE, "--format", "markdown", "--against", "uncc.14")
    assert "| uncc.14.1.c (obligatory) | met \\[R-memory\\] | met \\[dated\\] |" in md
    assert "\\[dated\\] after a verdict" in md
    code, out, err = run(capsys, "atlas", *IN_FORCE, "--format", "json", "--against", "uncc.14")
    france = next(j for j in json.loads(out)["jurisdictions"] if j["code"] == "fr")["verdicts"]
    assert france["uncc.14.1.c"]["dated"] == ["fr.code-penal.227-23.4"]
    assert france["uncc.14.1.d"]["dated"] == []  # not-assessed: a reviewer's, resting on no text
    code, csv_text, err = run(capsys, "atlas", *IN_FORCE, "--format", "csv", "--against", "uncc.14")
    assert next(line for line in csv_text.splitlines()
                if line.startswith("fr,uncc.14.1.c,")).endswith(",fr.code-penal.227-23.4")
    code, html, err = run(capsys, "atlas", *IN_FORCE, "--format", "html", "--against", "uncc.14")
    assert "met [dated]</a>" in html


def test_the_mark_comes_from_the_status(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The same France set with art. 227-23 relabelled in force carries no [dated] mark: the status decides it."""
    for f in FRANCE.glob("*.lexd"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8").replace("status       outdated",
                                                                            "status       in-force"),
                                       encoding="utf-8")
    code, text, err = run(capsys, "atlas", str(tmp_path), "--against", "uncc.14")
    assert code == 0, err
    assert "[dated]" not in text and "partly-met" in text


def test_the_review_marks_the_dated_verdicts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "review", str(FRANCE), "--against", "uncc.14")
    assert code == 1 and not err, err  # 1: the review finds gaps
    assert "Verdict: met [dated]" in out
    assert ("This verdict rests on article 227-23, paragraph 4 of the Code pénal, quoted in the text of an earlier "
            "version ([dated]), since amended, whose current text was not verified [NF]; on the current text it may "
            "differ.") in out
    code, out, err = run(capsys, "review", str(FRANCE), "--against", "uncc.14", "--lang", "zh")
    assert code == 1 and not err, err
    assert "结论：已实施 [dated]" in out
    assert "其引录的是旧版文本（[dated]），其后经修正，现行文本未经核实 [NF]" in out


def test_an_amendment_of_a_dated_text_says_so_and_is_checked_against_it(capsys: pytest.CaptureFixture[str]) -> None:
    """France's art. 227-23 is quoted as at 2013-2020: the amendment that removes al. 1's purpose says the current
    text must be verified first and that it is expressed against the dated one, and so does its re-check; the new
    financing article that takes al. 4's penalty says that penalty must be verified."""
    code, out, err = run(capsys, "review", str(FRANCE), "--against", "uncc.14")
    assert code == 1, err
    lines = out.splitlines()
    amend = next(line for line in lines if line.startswith("  Suggested amendment (fr-uncc.14.1.a.lexd)"))
    assert amend.endswith("The text it changes is quoted as at 2013-2020 and has since been amended; its current text "
                          "was not verified [NF]. The current text must be verified first: the amendment is expressed "
                          "against the text as at 2013-2020, not against the law as it stands.")
    assert lines[lines.index(amend) + 1:][next(i for i, line in enumerate(lines[lines.index(amend) + 1:])
                                              if line.startswith("  Re-checked"))].startswith(
        "  Re-checked against the text as at 2013-2020: with it, 14(1)(a) is met")
    financing = next(line for line in lines if line.startswith("  Suggested amendment (fr-uncc.14.1.d.lexd)"))
    assert financing.endswith("Criminal Code (France), article 227-23, paragraph 4 is quoted as at 2013-2020 and has "
                              "since been amended: its current penalty must be verified first.")
    code, out, err = run(capsys, "review", str(FRANCE), "--against", "uncc.14", "--lang", "zh")
    assert "被修改的条文引自2013年至2020年间的文本，其后经修正，现行文本未经核实[NF]：须先核实现行文本" in out
    assert "已复核（以2013年至2020年间的文本为准）：" in out


def test_any_state_s_dated_text_is_amended_in_words_not_reworded(tmp_path: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """Taiwan's CSEPA art. 39 ¶4, were its text one of 2018 since amended: the amendment lifting its threshold no
    longer rewords the dated article (its words may not be the law), says so in the review and in the file it writes,
    and the file carries no statute text."""
    folder = tmp_path / "tw"
    folder.mkdir()
    for f in (ROOT / "drafts" / "tw" / "in-force").iterdir():
        text = f.read_text(encoding="utf-8")
        if f.name == "csepa-36-38-39.lexd":
            head, tail = text.split("provision tw.csepa.39.4 {", 1)
            tail = tail.replace("status       in-force", "status       outdated", 1)
            tail = tail.replace("\n  text ", '\n  version      as-at "2018"\n  text ', 1)
            text = head + "provision tw.csepa.39.4 {" + tail
        (folder / f.name).write_text(text, encoding="utf-8")
    code, in_force, err = run(capsys, "review", str(ROOT / "drafts" / "tw" / "in-force"), "--against", "uncc.14")
    assert "is amended to read:" in in_force  # in force, the article is reworded in its own words
    written = tmp_path / "amendments"
    code, out, err = run(capsys, "review", str(folder), "--against", "uncc.14", "--write-amendments", str(written))
    assert code == 1, err
    section = out.split("Suggested amendment (tw-uncc.14.1.c.lexd)", 1)[1].split("\n  Re-checked", 1)
    assert "The text it changes is quoted as at 2018 and has since been amended" in section[0]
    # the paragraph is set out as lexdraft composes it, cited as the paragraph (LAWYER-S24 M-5), never as the dated
    # words edited: the file it writes carries no statute text (below)
    assert "Paragraph 4 of Article 39 of the Child and Youth Sexual Exploitation Prevention Act is amended to read:" \
        in section[0]
    assert section[1].startswith(" against the text as at 2018: with it, 14(1)(c) is met")
    draft = (written / "tw-uncc.14.1.c.lexd").read_text(encoding="utf-8")
    assert "whose text is quoted as at 2018 and has since been amended (current text not verified [NF]): verify " \
        "the current text first" in draft
    assert "\n  text " not in draft and "the dated text is not reworded" in draft
