"""The country review: golden reviews of the PRC and Taiwan in force, in both languages, and what every review must
hold — citations in the jurisdiction's own form, sources by author and title, the review register, the scope."""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Sequence
from pathlib import Path

import jsonschema_rs
import pytest
from markdown_it import MarkdownIt

from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError
from lexdraft.language.ast import Provision
from lexdraft.language.vocabulary import vocabulary
from lexdraft.outputs import review as out
from lexdraft.pipeline import load, review_drafts
from lexdraft.treaty.review import Review, _declaration, load_review_data, review_data
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Force, Verdict

REPO = Path(__file__).resolve().parent.parent
DRAFTS = REPO / "drafts"
GOLDEN = REPO / "tests" / "golden" / "review"
SCHEMA = REPO / "schemas" / "review.schema.json"
ARTICLES = ["uncc.14", "uncc.16", "uncc.18"]
SETS = {"prc": DRAFTS / "prc" / "in-force", "tw": DRAFTS / "tw" / "in-force"}
SEED_FILE = re.compile(r"\d{3}_[0-9a-f]{16}\.txt")
DOCUMENT_ID = re.compile(r"\b(prc|tw)\.[a-z-]+\.[0-9]")


def _review(jurisdiction: str) -> Review:
    (r,) = review_drafts(load([str(SETS[jurisdiction])]), ARTICLES)
    return r


REVIEWS = {j: _review(j) for j in SETS}


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", sorted(SETS))
def test_golden_review(jurisdiction: str, lang: str, regen_golden: bool) -> None:
    """The reviews a treaty reviewer reads: `lexdraft review drafts/<j>/in-force --against uncc.14 --against uncc.16
    --against uncc.18 --format markdown --lang <lang>`."""
    text = out.to_markdown([REVIEWS[jurisdiction]], lang)
    golden = GOLDEN / f"{jurisdiction}.{lang}.md"
    if regen_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
        return
    assert text == golden.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", ["text", "markdown", "html"])
@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("jurisdiction", sorted(SETS))
def test_readers_see_citations_and_authors_never_ids_or_file_names(jurisdiction: str, lang: str, fmt: str) -> None:
    text = out.FORMATS[fmt]([REVIEWS[jurisdiction]], lang)
    assert not DOCUMENT_ID.search(text), DOCUMENT_ID.search(text)
    assert not SEED_FILE.search(text)


@pytest.mark.parametrize("jurisdiction", sorted(SETS))
def test_the_chinese_review_holds_no_english_term_ids(jurisdiction: str) -> None:
    """Treaty words quoted in English are the reconstruction (no official Chinese text was found); the vocabulary's
    term ids, which the checker's English reasons name acts by, never appear in Chinese prose."""
    page = out.page(REVIEWS[jurisdiction], "zh")
    terms = {name for section in ("conduct", "objects") for name in vocabulary().section(section) if "-" in name}
    prose = [s for a in page.articles for s in (*a.scope, *a.practices, *a.challenges,
                                                  *(o for p in a.paragraphs for o in p.observations),
                                                  *(p.recommendation for p in a.paragraphs))]
    for sentence in prose:
        assert not {t for t in terms if re.search(rf"(?<![A-Za-z-]){re.escape(t)}(?![A-Za-z-])", sentence)}, sentence
        assert not re.search(r"\b(sell|possess|access|offer|display|control)\b", sentence), sentence


_VERBS = "produce|offer|sell|distribute|transmit|broadcast|display|publish|make-available|solicit|procure|access|" \
    "possess|control|finance"
# an act listed by its id: in a list in parentheses, "(possess, control)", or as the subject of "rests only on"
BARE_ACT = re.compile(rf"\((?:[a-z-]+(?:, | or | and ))*(?:{_VERBS})(?:(?:, | or | and )[a-z-]+)*\)|"
                      rf"\b(?:{_VERBS}) rests? only on")


@pytest.mark.parametrize("jurisdiction", sorted(SETS))
def test_acts_are_named_as_the_review_names_them_never_as_ids_or_bare_verbs(jurisdiction: str) -> None:
    """"it punishes this conduct (possessing or controlling)", never "(possess, control)": a reader sees the treaty's
    acts in the review's words wherever a reason lists them."""
    text = out.to_text([REVIEWS[jurisdiction]], "en")
    assert not BARE_ACT.search(text), text[BARE_ACT.search(text).start() - 80:][:160]  # type: ignore[union-attr]
    if jurisdiction == "tw":
        assert "it punishes this conduct (possessing or controlling) with this material" in text


def test_an_act_resting_on_unverified_treaty_words_is_named_as_an_act() -> None:
    # South Africa's disclosure reaches no sale on any reading the set states (France's « porter à la connaissance »
    # does, on lexdraft's own reading [OWN] of the reference's)
    (r,) = review_drafts(load([str(DRAFTS / "za" / "in-force")]), ["uncc.16"])
    text = out.to_text([r], "en")
    assert 'Not counted as a gap: selling rests only on the treaty words "selling"' in text
    assert "不计为缺漏：出售仅以公约用语“selling”为依据" in out.to_text([r], "zh")


def test_taiwans_chinese_review_says_its_law_in_its_own_terms() -> None:
    """Money as Taiwan's statutes write it and its sanction's own name (新臺幣一萬元以上十萬元以下罰鍰, not 罚款10000至
    100000新臺幣元); Taiwan's doctrine of the elements (主觀構成要件, not the Mainland's 主觀方面); one name for the Act
    and for the Criminal Code in Chinese (never a simplified 《儿童及少年性剥削防制条例》 or a quoted “刑法”)."""
    text = out.to_markdown([REVIEWS["tw"]], "zh")
    assert "僅處新臺幣一萬元以上十萬元以下罰鍰（第三十九條第三項）" in text
    assert "主觀構成要件：故意" in text and "主觀方面" not in text
    assert "儿童及少年性剥削防制条例" not in text and "「刑法」" not in text
    assert "刑法第十條第八項" in text


def test_a_traditional_script_review_cites_the_treaty_as_its_law_cites_an_article() -> None:
    """Taiwan's Chinese review cites the Convention in Taiwan's form (項 a paragraph, 款 a subparagraph, numbers as
    its statutes write them, a lettered subparagraph as its courts cite one: (a)款, never 第a款, LAWYER-FINAL2 S5),
    read from its pack; the PRC's keeps the UN's Chinese usage (款, 项), which is its own."""
    tw = out.to_markdown([REVIEWS["tw"]], "zh")
    assert "## 第十四條 " in tw and "第十四條第一項(c)款" in tw and "第十四條第二項" in tw
    assert "第十四、十六、十八條" in tw and "第十四條第一項(a)款至(c)款" in tw
    assert not re.search(r"第[a-z]款", tw), re.search(r".{20}第[a-z]款.{20}", tw)
    assert not re.search(r"第\d+[条款]|\([a-z]\)项", tw), re.search(r".{20}第\d+[条款].{20}", tw)
    assert "款稱「項」，項稱「款」" in tw  # and the reader is told so
    prc = out.to_markdown([REVIEWS["prc"]], "zh")
    assert "第14条第1款(c)项" in prc and "第十四條" not in prc
    # the English and the JSON's paragraph ids are untouched
    assert "14(1)(c)" in out.to_markdown([REVIEWS["tw"]], "en")


def test_measures_are_cited_in_the_jurisdictions_own_form_with_a_quotation() -> None:
    prc = out.page(REVIEWS["prc"], "zh").articles[0]
    cited = {m.citation: m for m in prc.measures}
    assert "《中华人民共和国刑法》第三百六十三条第一款" in cited
    assert cited["《中华人民共和国刑法》第三百六十三条第一款"].quote.startswith("以牟利为目的，制作、复制、出版")
    assert cited["《中华人民共和国刑法》第三百六十六条"].role == "分则规定"  # the specific clause: Part Two (art. 366)
    tw = out.page(REVIEWS["tw"], "zh").articles[1]
    third = next(m for m in tw.measures if m.citation == "《中華民國刑法》第三百十九條之三第四項")
    # the paragraph the id names, not the article's first, the paragraphs around it elided
    assert third.quote.startswith("……意圖營利而犯前三項之罪者") and third.quote.endswith("亦同。……"), third.quote
    en = out.page(REVIEWS["prc"], "en").articles[2]
    admin = [m for m in en.measures if m.role == "administrative measure"]
    assert admin and all(m.citation.startswith("Provisions on the Administration of Deep Synthesis") for m in admin)
    # the compliance duties the 18(2) finding lists as context only are labelled so, never by the paragraph they do
    # not implement; in Chinese likewise
    assert {m.bears for m in admin} == {"(administrative measure; context)"}
    zh = out.page(REVIEWS["prc"], "zh").articles[2]
    assert {m.bears for m in zh.measures if m.role == "行政措施"} == {"（行政措施；背景）"}
    # a measure that bears on a paragraph (CSEPA art. 39 ¶3's fine, under 14(1)(c)) is labelled by it
    tw = out.page(REVIEWS["tw"], "en").articles[0]
    assert [m.bears for m in tw.measures if m.role == "administrative measure"] == \
        ["(administrative measure; 14(1)(c))"]
    # the standing of the translation quoted: arts. 30/31 and 246 are published (unofficial), the rest working glosses,
    # each saying whose it is (LAWYER-S26b: the Taiwan CSEPA glosses did not)
    notes = {m.citation.removeprefix("Criminal Law of the People's Republic of China, "): m.note for m in en.measures}
    assert notes["Article 31"] == "quoted in a published, unofficial translation", notes
    assert notes["Article 366"] == "lexdraft's working gloss, not an official translation; it may shorten the text", \
        notes


def test_recommendations_speak_in_the_review_register() -> None:
    """As UNODC review reports word them, "It is recommended that [State] criminalize …" where nothing reaches the
    conduct, "… ensure …" where a limit narrows it; one for every obligatory paragraph not met, none for a paragraph
    met; for an option, only "The reviewers recommend that [State] consider …", where it widens protection and the
    set does not take it (PRC 16(3)), never "must"."""
    for r in REVIEWS.values():
        for a in r.articles:
            for p in a.paragraphs:
                if p.requirement.force is not Force.SHALL:
                    if p.recommendation is not None:
                        assert p.requirement.kind == "option" and p.verdict is Verdict.NA, p.requirement.id
                        assert re.match(r"The reviewers recommend that .+ consider ", p.recommendation.en or "")
                        assert (p.recommendation.zh or "").startswith(f"审查人员建议{r.name.zh}考虑")
                    continue
                fails = p.verdict.fails
                assert (p.recommendation is not None) == fails, p.requirement.id
                if p.recommendation is not None:
                    assert re.match(r"It is recommended that (the People's Republic of China|Taiwan) "
                                    r"(criminalize|ensure) ", p.recommendation.en or ""), p.recommendation.en
                    assert (p.recommendation.zh or "").startswith(f"建议{r.name.zh}"), p.recommendation.zh
    prc14 = {p.requirement.id: p for p in REVIEWS["prc"].articles[0].paragraphs}
    possession = prc14["uncc.14.1.c"].recommendation
    assert possession is not None and (possession.en or "").startswith(
        "It is recommended that the People's Republic of China criminalize possessing or controlling")
    prc16 = {p.requirement.id: p for p in REVIEWS["prc"].articles[1].paragraphs}
    extend = prc16["uncc.16.3"].recommendation
    assert extend is not None and (extend.en or "").startswith(
        "The reviewers recommend that the People's Republic of China consider extending the definition")
    produce = prc14["uncc.14.1.a"].recommendation
    assert produce is not None and "without a profit purpose (prc.criminal-law.363.1)" in (produce.en or "")


def test_scope_says_what_was_assessed_and_what_was_not() -> None:
    prc = REVIEWS["prc"]
    art18 = out.page(prc, "en").articles[2]
    assert "Art. 18(1) is reviewed for the offences of Arts. 14 and 16 only." in art18.scope
    assert any(s.startswith("Administrative liability is assessed from the obligations given") for s in art18.scope)
    assert any(s.startswith("Not assessed: Art. 18(4)") for s in art18.scope)  # 18(3): art. 31 meets it
    assert art18.provenance[0].startswith("The treaty text of Art. 18 is provisional")
    art14 = out.page(prc, "en").articles[0]
    assert art14.provenance[0].startswith("The treaty text of Art. 14 is verified")


def test_an_obligatory_paragraph_left_to_a_reviewer_is_never_summarised_as_implemented() -> None:
    """Art. 19 (participation) rests on general-part rules the PRC set does not encode: nothing in it can be
    assessed, so the scope names nothing as assessed, carries no Art. 18 lines, and the summary and the empty
    recommendations say 19(1) awaits a reviewer instead of "every obligatory paragraph assessed is implemented"."""
    (r,) = review_drafts(load([str(SETS["prc"])]), ["uncc.19"])
    for lang, awaits in (("en", "Art. 19(1) awaits a reviewer's decision"), ("zh", "第19条第1款须由审查人员决定")):
        (art19,) = out.page(r, lang).articles
        assert not any(s.startswith(("Assessed:", "审查范围：")) for s in art19.scope), art19.scope
        assert not any("Administrative liability" in s or "行政责任" in s for s in art19.scope), art19.scope
        assert awaits in art19.result and awaits in art19.no_recommendations
        assert "implemented" not in art19.result and "均已实施" not in art19.result
    # a gap is still summarised as a gap, whatever else awaits a reviewer
    assert out.page(REVIEWS["prc"], "en").articles[0].result == out.WORDS["en"]["result_gap"]


def test_taiwan_is_reviewed_as_a_benchmark_and_the_prc_as_a_state() -> None:
    assert REVIEWS["tw"].benchmark is not None and "cannot become a State Party" in (REVIEWS["tw"].benchmark.en or "")
    assert REVIEWS["prc"].benchmark is None
    assert "作為參照審查" in out.to_text([REVIEWS["tw"]], "zh")


def test_good_practices_and_challenges() -> None:
    tw16 = out.page(REVIEWS["tw"], "en").articles[1]
    assert any("synthetic (deepfake) sexual images" in s and "Article 319-4" in s for s in tw16.practices)
    assert any("victim's complaint" in s for s in tw16.challenges)  # 告訴乃論: an Art. 21(1) risk
    prc16 = out.page(REVIEWS["prc"], "en").articles[1]
    assert any(s.startswith("Article 246 of the Criminal Law (Art. 21(1))") for s in prc16.challenges)


def test_reaching_beyond_the_convention_is_said_apart_from_good_practices() -> None:
    """Reaching further than the treaty is permitted but is not in itself a UNODC good practice: it has its own
    section ("Going beyond the Convention" / 超出公约要求的规定), and the good practices keep only those the review
    data names."""
    tw16 = out.page(REVIEWS["tw"], "en").articles[1]
    assert any(s.startswith("Paragraph 1 of Article 319-3, paragraph 4 of Article 319-3 of the Criminal Code:")
               and "Also reaches images of other private parts" in s for s in tw16.beyond)
    assert not any("Also reaches" in s for s in tw16.practices)
    assert any("prosecuted by the State" in s for s in tw16.practices)
    text = out.to_markdown([REVIEWS["tw"]], "zh")
    assert "### 超出公約要求的規定" in text and "### 良好做法" in text
    assert out.to_markdown([REVIEWS["tw"]], "en").count("### Going beyond the Convention") == 3


def test_an_option_used_says_what_the_reference_holds_on_notification() -> None:
    """Art. 14(3) and 16(5) carry no notification in the reference; its final clauses are not in it, so the review
    asserts none either way. An option whose words ask for a declaration gets one drafted."""
    tw = {p.requirement.id: p for a in REVIEWS["tw"].articles for p in a.paragraphs}
    used = tw["uncc.16.3"]  # 14(3)(b) is not Taiwan's: arts. 36 and 38 of the CSEPA reach audio too
    assert used.verdict is Verdict.OPTION_USED and used.declaration is not None
    assert "attaches no notification or declaration" in (used.declaration.en or "")
    assert "final clauses" in (used.declaration.en or "")
    q = dataclasses.replace(used.requirement, terms=used.requirement.terms + " ... by a notification to the "
                                                                             "Secretary-General")
    drafted = _declaration(q, used.finding, REVIEWS["tw"].name)
    assert drafted is not None and (drafted.en or "").startswith('Draft declaration: "In accordance with article 16')
    assert tw["uncc.14.1.a"].declaration is None


def test_sources_are_listed_by_author_and_title() -> None:
    sources = REVIEWS["prc"].sources()
    assert [s.file[:3] for s in sources] == ["000", "001", "002"]
    text = out.to_markdown([REVIEWS["prc"]], "en")
    assert '- Yanni Xiong (Beijing Normal University), "Controversies Regarding' in text
    assert ('Xiong, "Controversies Regarding the Determination Standards of Online Child Pornography Offenses under '
            'the UN Convention against Cybercrime and China\'s Countermeasures" §2.1.2') in text


def test_json_follows_its_schema_and_holds_both_languages() -> None:
    data = out.to_json(list(REVIEWS.values()))
    validator = jsonschema_rs.validator_for(json.loads(SCHEMA.read_text(encoding="utf-8")))
    assert not list(validator.iter_errors(data))
    prc = data["jurisdictions"][0]
    assert prc["jurisdiction"] == "prc" and not prc["conforms"]
    c = next(p for p in prc["articles"][0]["paragraphs"] if p["id"] == "uncc.14.1.c")
    assert c["verdict"] == "not-met"
    assert c["recommendation"]["zh"] == ("建议中华人民共和国将持有或者控制存储于信息和通信技术系统或者其他存储介质中的"
                                         "儿童性虐待或儿童性剥削材料的行为规定为犯罪。")


def test_markdown_tables_are_tables_and_html_tables_wrap() -> None:
    md = out.to_markdown([REVIEWS["prc"]], "en")
    tokens = MarkdownIt("commonmark").enable("table").parse(md)
    assert sum(t.type == "table_open" for t in tokens) == 3  # one verdict table per article
    for lang in ("en", "zh"):  # bold closes before a Chinese colon too: none is left as literal asterisks
        shown = MarkdownIt("commonmark").enable("table").render(out.to_markdown([REVIEWS["tw"]], lang))
        assert "**" not in shown
    html = out.to_html([REVIEWS["prc"]], "zh")
    assert '<html lang="zh-Hans">' in html and 'class="lexdraft-table"' in html
    assert "overflow-wrap: anywhere" in html and "<script" not in html


def test_cli_review(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "review.md"
    argv = ["review", str(SETS["prc"]), *(x for a in ARTICLES for x in ("--against", a))]
    assert main([*argv, "--format", "markdown", "-o", str(target)]) == 1  # gaps: exit 1, as check
    assert target.read_text(encoding="utf-8") == (GOLDEN / "prc.en.md").read_text(encoding="utf-8")
    assert main(["review", str(SETS["tw"]), "--against", "uncc.16"]) == 0
    assert "Article 16. Non-consensual dissemination of intimate images" in capsys.readouterr().out
    assert main(["review", str(SETS["tw"]), "--against", "uncc.99"]) == 2
    assert "unknown treaty article 'uncc.99'" in capsys.readouterr().err


def test_a_malformed_review_data_file_is_a_located_error(tmp_path: Path) -> None:
    bad = tmp_path / "review.yaml"
    bad.write_text("sources:\n  - file: x.txt\n    short: {en: only English}\n    full: X\n", encoding="utf-8")
    with pytest.raises(LexdraftError) as e:
        load_review_data(str(bad))
    (d,) = e.value.diagnostics
    assert d.code == "E303" and "must give `en:` and `zh:`" in d.message
    assert d.span is not None and (d.span.file, d.span.line) == (str(bad), 3)


def test_every_limit_a_spec_can_find_has_review_words() -> None:
    """A check or object kind that makes a provision count in part needs the words of its recommendation."""
    data = review_data()
    for article in ARTICLES:
        for q in spec_for(article).requirements:
            if q.force is not Force.SHALL:
                continue
            keys = [c.id for c in q.checks if c.outcome.grade == "partial"]
            keys += [kind for kind, grade, _ in q.objects if grade == "partial"]
            keys += [c for c, _, _ in q.conduct_via]
            for key in keys:
                assert data.limit(key, article) is not None, (article, key)


def test_a_reviewers_decision_is_shown_as_decided(tmp_path: Path) -> None:
    """A decisions.yaml beside the drafts answers what the check leaves not-assessed; the review shows the
    reviewer's verdict as theirs and no longer lists the paragraph as open."""
    import shutil

    folder = tmp_path / "prc"
    shutil.copytree(SETS["prc"], folder)
    (folder / "decisions.yaml").write_text(
        'decisions:\n  - requirement: uncc.16.4\n    jurisdiction: prc\n    verdict: not-met\n'
        '    reason: {en: "No rule denies effect to a minor\'s consent.", zh: "没有否认未成年人同意效力的规则。"}\n'
        '    who: A. Reviewer\n    date: "2026-12-01"\n', encoding="utf-8")
    (r,) = review_drafts(load([str(folder)]), ["uncc.16"])
    page = out.page(r, "en").articles[0]
    # 16(4) is decided, so no longer open; what stays for a reviewer is the questions on other paragraphs
    assert [p.paragraph for p in page.decided] == ["16(4)"]
    assert "16(4)" not in [p.paragraph for p in page.reviewer]
    assert any(s.startswith("Decided by a reviewer: Art. 16(4)") for s in page.scope)
    text = out.to_text([r], "en")
    assert "Decided by a reviewer\n  = 16(4) [obligatory]: not-met. Decided by a reviewer (A. Reviewer, 2026-12-01): " \
           "No rule denies effect to a minor's consent." in text


def test_every_offence_gap_states_its_counterexample() -> None:
    """The counterexample comes from treaty/counterexample (the provisions read apart from the spec); the review
    states one for every obligatory offence, definition or legal-persons paragraph not met (for a definition, the
    material no provision reaches; for legal persons, an offence a company's agent commits for it that no rule lets
    the company answer for), and none where the paragraph is met. Financing a reviewer decides (the general part's
    complicity rules may reach it, 14(1)(d)) has its facts too: the reviewer decides on them."""
    for r in REVIEWS.values():
        for a in r.articles:
            for p in a.paragraphs:
                gap = p.requirement.kind in ("offence", "definition", "legal-persons") and \
                    p.requirement.force is Force.SHALL and (p.verdict.fails or (
                        p.verdict is Verdict.NOT_ASSESSED and p.requirement.via_rules is not None))
                assert (p.counterexample is not None) == gap, p.requirement.id
    prc = {p.requirement.id: p for a in REVIEWS["prc"].articles for p in a.paragraphs}
    c = prc["uncc.14.1.c"].counterexample
    assert c is not None and (c.en or "").startswith("An adult keeps on a phone or computer one photograph")
    assert (c.zh or "").endswith("所审查的条文均未将此行为规定为犯罪。")


def _rechecked(r: Review, lexd: str, path: str, beside: Sequence[Provision] = ()) -> dict[str, Verdict]:
    """The set with the amendment in it (an amended provision read in place of the one in force), and the
    suggestions it presupposes `beside` it, checked again by the checker itself, not by the amendment's own
    verification."""
    from lexdraft.language.ast import Provision as P
    from lexdraft.language.parse import parse_text
    from lexdraft.pipeline import check_jurisdiction

    drafts = load([str(SETS[r.jurisdiction])])
    (doc,) = [d for d in parse_text(lexd, path).documents if isinstance(d, P)]
    ids = {doc.id, *(b.id for b in beside)}
    provisions = [p for p in drafts.provisions if p.id not in ids] + [doc, *beside]
    return {v.requirement.id: v.verdict for c in check_jurisdiction(r.jurisdiction, provisions, ARTICLES, drafts.rules)
            for v in c.report.verdicts}


@pytest.mark.parametrize("jurisdiction", sorted(SETS))
def test_every_suggested_amendment_meets_its_requirement_and_lowers_nothing(jurisdiction: str) -> None:
    r = REVIEWS[jurisdiction]
    before = {p.requirement.id: p.verdict for a in r.articles for p in a.paragraphs}
    gaps = [p for a in r.articles for p in a.paragraphs
            if p.counterexample is not None and p.requirement.kind == "offence"]
    assert gaps and all(p.amendment is not None for p in gaps if p.requirement.id != "uncc.16.1" or
                        jurisdiction == "prc"), [p.requirement.id for p in gaps if p.amendment is None]
    for p in gaps:
        if p.amendment is None:
            continue
        after = _rechecked(r, p.amendment.lexd, f"{p.requirement.id}.lexd", p.amendment.presupposes)
        assert after[p.requirement.id].conforms, (p.requirement.id, after[p.requirement.id])
        assert not [q for q, v in before.items() if after[q].rank < v.rank], p.requirement.id


def test_the_review_shows_each_amendment_as_statute_text() -> None:
    prc = out.page(REVIEWS["prc"], "zh").articles[0]
    c = next(r for r in prc.paragraphs if r.id == "uncc.14.1.c")
    assert c.amendment is not None and c.amendment.file == "prc-uncc.14.1.b+c.lexd"
    assert c.amendment.what.startswith("增加一条：《中华人民共和国刑法》第三百六十四条之一")
    assert "作为第三百六十四条之一：\n“非法索取、获取、浏览、持有、控制未成年人性虐待或者性剥削材料的" in \
        c.amendment.text
    assert c.amendment.verified.startswith("已复核：加入该修改后，第14条第1款(b)项的结论为“已实施”、"
                                           "第14条第1款(c)项的结论为“已实施”")
    tw = out.page(REVIEWS["tw"], "en").articles[0]
    # possessing reaches controlling (the vocabulary's reading, issue 13), so Taiwan's 14(1)(c) needs no control added;
    # its one amendment is remedies.md §3.3's, the second apprehension removed from CSEPA art. 39 ¶4, the first
    # apprehension's ¶3 deleted and the later paragraphs renumbered: art. 39 amended whole. 14(1)(a) still lacks
    # offering, which goes to art. 38 (distribution) as its ¶3, before the rules on the paragraphs above it
    possession = next(r for r in tw.paragraphs if r.id == "uncc.14.1.c").amendment
    assert possession is not None
    assert possession.what.startswith("Amend Child and Youth Sexual Exploitation Prevention Act (Taiwan), Article 39: "
                                      "in paragraph 4, remove") and "delete paragraph 3" in possession.what
    assert "control" not in possession.text
    offer = next(r for r in tw.paragraphs if r.id == "uncc.14.1.a").amendment
    assert offer is not None and offer.what.startswith(
        "Amend Child and Youth Sexual Exploitation Prevention Act (Taiwan), Article 38: insert, as a new paragraph 3, "
        "an offence of offering")


def test_write_amendments_writes_each_draft_once_and_never_replaces_a_file(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "amendments"
    argv = ["review", str(SETS["prc"]), "--write-amendments", str(folder), "-o", str(tmp_path / "review.txt")]
    assert main(argv) == 1
    written = sorted(p.name for p in folder.iterdir())
    assert written == sorted({out.amendment_file("prc", am) for am in REVIEWS["prc"].amendments()})
    assert "prc-uncc.14.1.b+c.lexd" in written  # one new article closes both gaps nothing reaches
    first = {p: p.read_bytes() for p in folder.iterdir()}
    assert f"{len(written)} suggested amendments written to" in capsys.readouterr().err
    texts = {path: path.read_text(encoding="utf-8") for path in folder.iterdir()}
    for path, text in texts.items():  # each draft is a draft lexdraft reads back, beside the drafts it presupposes
        named = re.findall(r"^# It names the offences of (.+), suggested beside it", text, re.MULTILINE)
        ids = named[0].split(", ") if named else []
        beside = [str(o) for o, t in texts.items() if any(f"provision {i} {{" in t for i in ids)]
        assert load([str(path), *beside, str(SETS["prc"])]).provisions
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert "error[E409]" in err and "exists: a suggested amendment never replaces a file" in err
    assert {p: p.read_bytes() for p in folder.iterdir()} == first


_ADULTS_ONLY = '''provision fr.x.10 {
  jurisdiction fr
  status       in-force
  title        en "Possessing intimate images of adults"
  actors       natural-person
  mental       intent
  conduct      possess
  object       intimate-image {
    person   adult
  }
  prosecution  public
  penalty
    base imprisonment <= 1 years
}
'''


def test_a_paragraph_met_by_nothing_says_in_its_first_sentence_why() -> None:
    """LAWYER-M S-6: a not-met offence's first observation states the ground in one sentence: no provision punishes
    the acts at all (the PRC's possession), which is not a narrowing; or those that punish the acts reach nothing the
    paragraph concerns (possession of intimate images of adults, for Art. 14)."""
    from lexdraft.pipeline import load_sources

    def first(text: str, lang: str) -> str:
        drafts, _ = load_sources([("x.lexd", text)])
        (r,) = review_drafts(drafts, ["uncc.14"])
        row = next(p for a in out.page(r, lang).articles for p in a.paragraphs if p.id == "uncc.14.1.c")
        return row.observations[0]

    nothing = _ADULTS_ONLY.replace("conduct      possess", "conduct      produce")
    assert first(nothing, "en") == ("No provision of the set makes possessing or controlling an offence, whatever the "
                                    "material: none punishes the act at all, rather than more narrowly than the "
                                    "paragraph requires.")
    assert first(nothing, "zh") == ("所审查的条文均未将持有、控制规定为犯罪，无论涉及何种材料："
                                    "并非入罪范围窄于第14条第1款(c)项的要求，而是均未处罚该行为。")
    assert first(_ADULTS_ONLY, "en").startswith(
        "Possessing or controlling is an offence under Possessing intimate images of adults only for what the "
        "paragraph does not concern, so no part of it is criminalised as the paragraph requires")
    # the paragraph by its citation, not 本项, which is wrong of a 款 (16(1)) and is paragraph 1 on Taiwan's page
    assert "不及于第14条第1款(c)项所涉的材料或者情形，故第14条第1款(c)项要求入罪的行为均未入罪" in \
        first(_ADULTS_ONLY, "zh")


def test_a_list_of_articles_of_one_law_names_the_law_once_in_english_as_in_chinese() -> None:
    """"paragraph 1 of Article 36 of the … Act (Taiwan); paragraph 1 of Article 38 of the … Act (Taiwan)" named the
    Act in every item: a list names its law after its last item, as 《…》第三十六條第一項、第三十八條第一項 names it
    before the first; a "; " that starts a clause, or an article repeated, is no list. Its articles are parted by
    commas, its laws by semicolons."""
    tw14 = out.page(REVIEWS["tw"], "en").articles[0]
    row = next(p for p in tw14.paragraphs if p.paragraph == "14(1)(a)")
    assert row.by == ("paragraph 1 of Article 36, paragraph 1 of Article 38, paragraph 3 of Article 38 of the Child "
                      "and Youth Sexual Exploitation Prevention Act (Taiwan)")
    cite = out._Cite(REVIEWS["prc"].documents, "en")
    law = " of the Criminal Law"
    assert cite("prc.criminal-law.363.1, prc.criminal-law.364.1 and prc.criminal-law.246") == \
        f"paragraph 1 of Article 363, paragraph 1 of Article 364 and Article 246{law}"
    assert cite("under prc.criminal-law.366; prc.criminal-law.366 punishes the legal person") == \
        f"under Article 366{law}; Article 366{law} punishes the legal person"
    # a list's articles of one law are parted by commas, whichever the sentence wrote
    assert cite("prc.criminal-law.246; prc.criminal-law.363.1.") == f"Article 246, paragraph 1 of Article 363{law}."
    zh = out._Cite(REVIEWS["prc"].documents, "zh")
    assert zh("prc.criminal-law.246、prc.criminal-law.363.1") == "刑法第二百四十六条、第三百六十三条第一款"
    assert zh("通过prc.criminal-law.286-1、prc.criminal-law.287-2追究") == \
        "通过刑法第二百八十六条之一、第二百八十七条之二追究"
