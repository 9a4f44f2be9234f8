"""The drafting styles: which wording a jurisdiction composes in, and the English common-law section."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from lexdraft import packs
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.parse import parse_file, parse_text
from lexdraft.pipeline import load
from lexdraft.wording.clause import ClauseWording, Offence, offence, parts
from lexdraft.wording.en import OfficialEnglish
from lexdraft.wording.en_common_law import CommonLawEnglish
from lexdraft.wording.render import render
from lexdraft.wording.styles import STYLES, clause_wording, style_name
from lexdraft.wording.zh import PrcChinese, TaiwanChinese

HERE = Path(__file__).resolve().parent
PROPOSALS = sorted((HERE / "styles").glob("*.lexd"))
GOLDEN = HERE / "golden" / "common-law"
DRAFTS = HERE.parent / "drafts"


@pytest.fixture(autouse=True)
def testland() -> Iterator[None]:
    """The test jurisdiction's pack (tests/styles/packs/xx), in use beside the bundled ones for each test."""
    packs.use([str(HERE / "styles" / "packs")])
    yield
    packs.use(())


def _provision(path: Path) -> A.Provision:
    doc = parse_file(str(path)).documents[0]
    assert isinstance(doc, A.Provision)
    return doc


def _section(body: str, penalty: str = "base imprisonment <= 3 years") -> A.Provision:
    doc = parse_text("provision xx.test-act.40 {\n  jurisdiction xx\n  status proposed\n"
                     f"{body}\n  penalty\n    {penalty}\n}}", "test.lexd").documents[0]
    assert isinstance(doc, A.Provision)
    return doc


def _unsaid(wording: ClauseWording, model: Offence, text: str) -> list[str]:
    """The parts of the model whose words are missing from the text (a sentence may capitalise them)."""
    def said(w: str) -> bool:
        return bool(w) and (w in text or w[:1].upper() + w[1:] in text)

    phrases = wording.phrases(model)
    assert set(phrases) == set(parts(model)), "a part of the model has no words to look for"
    return [part for part, words in phrases.items() if not words or not all(map(said, words))]


# ------------------------------------------------------------------ which style

def test_the_style_names_are_the_packs_names() -> None:
    # The names packs/<code>/pack.yaml gives in `style:`; the wording package picks the composer by them.
    assert set(STYLES) == {"prc-amendment", "tw", "common-law-en"}
    assert (style_name("prc"), style_name("tw"), style_name("xx")) == ("prc-amendment", "tw", "common-law-en")


def test_each_jurisdiction_gets_its_styles_wording() -> None:
    assert type(clause_wording("zh", "prc")) is PrcChinese
    assert type(clause_wording("en", "prc")) is OfficialEnglish
    assert type(clause_wording("zh", "tw")) is TaiwanChinese
    assert type(clause_wording("en", "tw")) is OfficialEnglish
    assert type(clause_wording("en", "xx")) is CommonLawEnglish


def test_a_common_law_proposal_is_not_composed_in_another_systems_chinese() -> None:
    p = _provision(HERE / "styles" / "sharing-intimate-image.lexd")
    p = replace(p, title=None)  # past the title, to the composed text itself
    with pytest.raises(LexdraftError) as e:
        render(p, "zh", {p.id: p})
    d = e.value.diagnostics[0]
    assert (d.code, d.span.line if d.span else None) == ("E401", 4)  # the provision
    assert "common-law-en" in d.message and "render in en" in d.hints[0]


# ------------------------------------------------------------------ the section, rendered

@pytest.mark.parametrize("path", PROPOSALS, ids=[p.stem for p in PROPOSALS])
def test_golden_common_law_sections(path: Path, regen_golden: bool) -> None:
    p = _provision(path)
    text = render(p, "en", {p.id: p})
    golden = GOLDEN / f"{path.stem}.en.txt"
    if regen_golden:
        GOLDEN.mkdir(exist_ok=True)
        golden.write_text(text, encoding="utf-8", newline="\n")
        return
    assert text == golden.read_text(encoding="utf-8")


def test_the_proposals_pass_the_checks_under_their_pack() -> None:
    """What the goldens show is what `lexdraft check` accepts: Testland's fine units, prosecution forms, numbering."""
    assert load([str(p) for p in PROPOSALS]).warnings == ()


def test_every_golden_section_has_its_proposal() -> None:
    assert {p.name.removesuffix(".en.txt") for p in GOLDEN.glob("*.txt")} == {p.stem for p in PROPOSALS}


def test_the_bill_clause_frames_the_section() -> None:
    p = _provision(HERE / "styles" / "sharing-intimate-image.lexd")
    lines = render(p, "en", {p.id: p}).split("\n")
    assert lines[0] == "New section 23 inserted (Sharing an intimate image without consent)"
    assert lines[2:5] == ["After section 22, insert:", "23 Sharing an intimate image without consent",
                          ("(1) A person commits an offence if the person, by means of an information and "
                          "communications technology system, distributes, transmits or makes available an "
                          "intimate image of another person without the consent of the person depicted.")]
    assert lines[5] == ("(2) A person who commits an offence under subsection (1) is liable on conviction to "
                        "imprisonment for a term not exceeding 5 years or a fine not exceeding 50,000 Testland "
                        "dollars, or both.")


def test_a_section_without_a_place_is_the_section_alone() -> None:
    p = _section('  title en "Test offence"\n  conduct possess\n  object csam')
    lines = render(p, "en", {p.id: p}).split("\n")
    assert lines[:4] == ["Section 40 (proposed)", "", "40 Test offence",
                         ("(1) A person commits an offence if the person possesses child sexual abuse or child sexual "
                         "exploitation material.")]


# ------------------------------------------------------------------ every part said, or a loud refusal

@pytest.mark.parametrize("path", PROPOSALS, ids=[p.stem for p in PROPOSALS])
def test_every_part_of_the_model_is_in_the_section(path: Path) -> None:
    p = _provision(path)
    model = offence(p)
    article = render(p, "en", {p.id: p}).split("\n\n")[1]
    assert _unsaid(CommonLawEnglish("xx"), model, article) == []


def test_the_proposals_exercise_every_part_but_the_omission() -> None:
    held = {part for path in PROPOSALS for part in parts(offence(_provision(path)))}
    assert held >= {"who", "knowledge", "means", "conduct", "object", "consent", "tiers", "exceptions",
                    "prosecution", "regardless_of_consent", "definition"}


def test_an_omission_by_a_special_subject_is_a_section_too() -> None:
    p = _section("  actors network-service-provider\n  mental knowledge presumed\n  conduct fail-to-perform-duty\n"
                 "  object illegal-information\n  duty information-network-security-management")
    model = offence(p)
    lines = CommonLawEnglish("xx").article(model)
    assert lines[0] == ("(1) A network service provider commits an offence if it fails to perform the "
                        "information-network security management obligations in respect of illegal or criminal "
                        "information that it knows or ought to know of.")
    assert _unsaid(CommonLawEnglish("xx"), model, "\n".join(lines)) == []


def test_a_common_law_wording_that_drops_a_part_is_caught() -> None:
    class Forgetful(CommonLawEnglish):
        def clause(self, o: Offence) -> str:
            return super().clause(replace(o, consent=None))

    model = offence(_provision(HERE / "styles" / "sharing-intimate-image.lexd"))
    assert _unsaid(Forgetful("xx"), model, "\n".join(Forgetful("xx").article(model))) == ["consent"]


@pytest.mark.parametrize(("penalty", "expected"), [
    ("base imprisonment <= 5 years", "imprisonment for a term not exceeding 5 years"),
    ("base imprisonment 3..7 years; fine mandatory",
     "imprisonment for a term of not less than 3 years and not exceeding 7 years and a fine"),
    ("base imprisonment <= 1 years; fine optional <= 50000 yuan",
     "imprisonment for a term not exceeding 1 year or a fine not exceeding 50,000 yuan, or both"),
    ("base imprisonment <= 6 months; fine additional <= 300000 twd",
     ("imprisonment for a term not exceeding 6 months, with or without a fine not exceeding 300,000 New Taiwan "
     "dollars")),
    ("base life-imprisonment", "imprisonment for life"),
    # a principal fine whose cap the `; fine` part gives is one fine, said once (New Zealand's s. 131 scale: it read
    # "a fine and a fine not exceeding 2,000 New Zealand dollars")
    ("base fine; fine mandatory <= 2000 nzd", "a fine not exceeding 2,000 New Zealand dollars"),
    ("base imprisonment <= 1 years | fine; fine optional <= 5000 nzd",
     "imprisonment for a term not exceeding 1 year or a fine not exceeding 5,000 New Zealand dollars, or both"),
    ("base imprisonment <= 1 years | fine; fine mandatory <= 5000 nzd",
     "imprisonment for a term not exceeding 1 year or a fine not exceeding 5,000 New Zealand dollars"),
])
def test_penalties_read_as_maxima(penalty: str, expected: str) -> None:
    model = offence(_section("  conduct possess\n  object csam", penalty))
    assert CommonLawEnglish("xx").penalty(model.tiers[0].sentence) == expected


@pytest.mark.parametrize(("penalty", "term"), [
    ("base imprisonment <= 3 years | criminal-detention", "criminal-detention"),
    ("base imprisonment <= 3 years | public-surveillance", "public-surveillance"),
    ("base imprisonment <= 3 years; fine mandatory or confiscation-of-property", "confiscation-of-property"),
])
def test_a_punishment_the_common_law_does_not_know_is_refused(penalty: str, term: str) -> None:
    p = _section("  conduct possess\n  object csam", penalty)
    with pytest.raises(LexdraftError) as e:
        render(p, "en", {p.id: p})
    d = e.value.diagnostics[0]
    assert d.code == "E402" and f"`{term}`" in d.message and d.span is not None and d.span.line == 7


def test_the_prc_proposals_are_refused_not_mistranslated() -> None:
    """PRC proposals punish by criminal detention and public surveillance: worded as common-law sections they fail
    on that part, naming it, instead of losing it."""
    for path in sorted((DRAFTS / "prc" / "proposed").glob("*.lexd")):
        for p in parse_file(str(path)).documents:
            if not isinstance(p, A.Provision) or p.text is not None:
                continue
            with pytest.raises(LexdraftError) as e:
                CommonLawEnglish("xx").article(offence(p))
            assert e.value.diagnostics[0].code == "E402"
            assert "criminal-detention" in e.value.diagnostics[0].message


def test_prosecution_upon_complaint_with_its_exceptions() -> None:
    p = _section("  conduct disseminate\n  object intimate-image\n"
                 "  prosecution private except serious-harm-to-public-order-or-state")
    lines = CommonLawEnglish("xx").article(offence(p))
    assert lines[-1] == ("(3) A prosecution for an offence under subsection (1) may be commenced only on the complaint "
                         "of the person against whom the offence was committed, unless the offence involves serious "
                         "harm to public order or to the interests of the State.")


def test_a_pack_naming_a_style_lexdraft_cannot_compose_in_is_located(tmp_path: Path) -> None:
    pack = (HERE / "styles" / "packs" / "xx" / "pack.yaml").read_text(encoding="utf-8")
    (tmp_path / "yy").mkdir()
    (tmp_path / "yy" / "pack.yaml").write_text(
        pack.replace("code: xx", "code: yy").replace("style: common-law-en", "style: civil-law-fr"), encoding="utf-8")
    packs.use([str(tmp_path)])
    assert style_name("prc") == "prc-amendment"
    with pytest.raises(LexdraftError) as e:
        clause_wording("en", "yy")
    d = e.value.diagnostics[0]
    assert d.code == "E701" and "'civil-law-fr'" in d.message and d.span is not None
    assert str(d.span.file).endswith("yy/pack.yaml") and "common-law-en" in d.hints[0]


# ------------------------------------------------------------------ Taiwan's own forms

TW_PROPOSAL = '''provision tw.criminal-code.319-7 {
  jurisdiction tw
  status       proposed
  instrument   amendment to "中華民國刑法" inserting article 319-7 after 319-6
  title        zh-hant "未經同意散布私密影像罪"
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
  exception    law-enforcement
  prosecution  complaint-required
  penalty
    base imprisonment <= 5 years | criminal-detention; fine FINE <= 500000 twd
}
'''


@pytest.mark.parametrize(("fine", "penalty"), [
    ("optional", "處五年以下有期徒刑、拘役或科或併科新臺幣五十萬元以下罰金。"),  # as art. 319-4 ¶1
    # the principal penalties listed with 、 before the fine, as CSEPA art. 39 ¶2 lists them (三年以下有期徒刑、拘役，
    # 得併科), the one Taiwan text of the reference with two of them and a fine beside; 得併科 as art. 319-3 ¶1
    ("additional", "處五年以下有期徒刑、拘役，得併科新臺幣五十萬元以下罰金。"),
    ("mandatory", "處五年以下有期徒刑、拘役，併科新臺幣五十萬元以下罰金。"),
])
def test_taiwan_composes_in_its_criminal_code_s_own_terms(fine: str, penalty: str) -> None:
    p = parse_text(TW_PROPOSAL.replace("FINE", fine), "tw.lexd").documents[0]
    assert isinstance(p, A.Provision)
    lines = TaiwanChinese("tw").article(offence(p))
    # the want of consent first (未經他人同意，……, art. 319-3), ……者，處……
    assert lines[0].startswith("未經本人同意，") and lines[0].endswith("他人私密圖像者，" + penalty), lines[0]
    assert lines[1] == "依法履行職責而為前項之行為者，不罰。"  # 前項, 者, 不罰
    assert lines[2] == "第一項之罪，須告訴乃論。"  # 告訴乃論, as art. 319-6
    assert not [w for w in ("的，处", "的，處", "前款", "不以犯罪論處", "並處或者單處") if w in "\n".join(lines)]


def test_taiwan_joins_tiers_and_punishes_legal_persons_in_its_own_words() -> None:
    """Taiwan's pack (`wording:`) joins a tier's conditions with 或 and words the legal persons' paragraph as its
    special statutes do (兩罰), in Chinese and in English; the PRC keeps 或者 and its unit crime."""
    source = TW_PROPOSAL.replace("FINE", "optional").replace(
        "  mental       intent\n", "  actors       natural-person, unit\n  mental       intent\n").replace(
        "  penalty\n", "  tier serious when any {\n    disseminated-to >= 50 persons\n    views >= 1000 views\n  }\n"
        "  penalty\n").replace("fine optional <= 500000 twd\n", "fine optional <= 500000 twd\n"
                               "    serious imprisonment 1..7 years\n")
    p = parse_text(source, "tw.lexd").documents[0]
    assert isinstance(p, A.Provision)
    zh = TaiwanChinese("tw").article(offence(p))
    assert "；傳播給五十人以上，或被瀏覽一千次以上者，處一年以上七年以下有期徒刑" in zh[0], zh[0]
    assert zh[1] == ("法人之代表人、法人或自然人之代理人、受僱人或其他從業人員，因執行業務犯前項之罪者，"
                     "除處罰其行為人外，對該法人或自然人亦科以前項之罰金。")
    en = OfficialEnglish("tw").article(offence(p))
    assert en[1].startswith("Where the representative of a legal person, or an agent, employee or other staff member")
    assert "commits the crime in the preceding paragraph in performing their duties" in en[1]
    assert not [w for w in ("或者", "單位", "unit", "directly responsible") if w in "\n".join(zh[:2] + en[:2])]
    prc = PrcChinese("prc").article(offence(p))  # the same model in the PRC's words
    assert "传播给五十人以上的，或者被浏览一千次以上的，处一年以上七年以下有期徒刑" in prc[0], prc[0]
    assert prc[1].startswith("单位犯前款罪的，对单位判处罚金，并对其直接负责的主管人员")
