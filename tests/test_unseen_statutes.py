"""What encoding statutes of States lexdraft had never seen showed (Canada, England and Wales, Germany, encoded from
docs/language.md alone): each check here is a small synthetic draft of the shape such a statute has, not its text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from cli_run import run

from lexdraft.pipeline import load_sources
from lexdraft.treaty import reach
from lexdraft.treaty.conformance import Finding, check
from lexdraft.treaty.spec import spec_for
from lexdraft.treaty.values import Verdict

HERE = Path(__file__).resolve().parent
NZ = HERE / "packs" / "nz"

pytestmark = pytest.mark.usefixtures("bundled_only")

# An offence of possessing material of persons of one age band only (14 to 17, or under 13, as some codes draw it).
BAND = '''provision nz.hdca.9{band_id} {{
  jurisdiction nz
  status       in-force
  title        en "Possessing material of persons of one age band"
  actors       natural-person
  mental       intent
  conduct      possess
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     {band}
  }}
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


@pytest.fixture
def office(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A drafts repository whose own New Zealand pack adds an age band its statutes use."""
    shutil.copytree(NZ, tmp_path / "packs" / "nz")
    with (tmp_path / "packs" / "nz" / "vocabulary.yaml").open("a", encoding="utf-8") as f:
        f.write("object-attributes:\n  person:\n"
                "    child-under-13: {zh: 不满十三周岁的儿童, en: a child under 13 years of age, ages: [0, 13]}\n")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "drafts").mkdir()
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_a_pack_adds_an_age_band_the_checker_reads(office: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (office / "drafts" / "band.lexd").write_text(BAND.format(band_id="0", band="child-under-13"), encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.14")
    assert code == 1, err
    assert "The object reaches persons under 13 only; the article concerns every person under 18." in out


def test_the_base_vocabulary_has_the_band_of_fourteen_to_seventeen(office: Path,
                                                                    capsys: pytest.CaptureFixture[str]) -> None:
    (office / "drafts" / "band.lexd").write_text(BAND.format(band_id="1", band="minor-aged-14-to-17"),
                                                 encoding="utf-8")
    code, out, err = run(capsys, "check", "drafts", "--against", "uncc.14")
    assert code == 1, err
    assert "The object reaches persons aged 14 to 17 only" in out


# -- who commits the offence: silence leaves legal persons to the general part ------------------------------------

# "A person who shares an intimate image …": the words name no one in particular (`actors` left out).
SHARING = '''provision nz.hdca.90 {{
  jurisdiction nz
  status       in-force
  title        en "Sharing an intimate image"
{actors}  mental       intent
  conduct      share, publish, sell
  object       intimate-image
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''

# A general clause making legal persons liable for every offence of the code, as the set may give it.
CLAUSE = '''rule nz.hdca.5 {
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Bodies corporate"
  source       "a test clause"
  kind         legal-persons
  reaches      all
  punishes     fine-on-unit, responsible-persons-punished
  text         en """A body corporate is liable for an offence under this Act …"""
}
'''


def _legal_persons(actors: str, *more: str) -> dict[str, Finding]:
    drafts, _ = load_sources([("offence.lexd", SHARING.format(actors=actors)),
                              *((f"more{i}.lexd", m) for i, m in enumerate(more))])
    report = check(spec_for("uncc.18"), drafts.provisions, drafts.rules, general_part=bool(drafts.rules))
    return {v.requirement.id: v for v in report.verdicts}


def test_a_provision_silent_on_its_actors_leaves_legal_persons_to_the_general_part() -> None:
    """Canada's "everyone" includes organisations, Germany's "wer" no legal person: silence does not decide it."""
    found = _legal_persons("")
    assert found["uncc.18.1"].verdict is Verdict.NOT_ASSESSED, found["uncc.18.1"]
    assert found["uncc.18.2"].verdict is not Verdict.OPTION_USED
    text = " ".join(n.text.en or "" for f in found.values() for n in f.notes)
    assert "Criminal liability is provided for legal persons under this provision" not in text
    assert "names legal persons among those who commit it" not in text
    assert not reach.answers(load_sources([("o.lexd", SHARING.format(actors=""))])[0].provisions[0], "unit")


def test_legal_persons_answer_where_the_words_or_a_clause_say_so() -> None:
    """(The set has no Art. 14 offence, so 18(1) is partly-met at best: what is read is Art. 16's.)"""
    art16 = "Art. 16: every provision that carries its offences reaches legal persons (nz.hdca.90)."
    stated = _legal_persons("  actors       natural-person, unit\n")
    assert art16 in [n.text.en for n in stated["uncc.18.1"].notes]
    assert stated["uncc.18.2"].verdict is Verdict.OPTION_USED
    by_clause = _legal_persons("", CLAUSE)
    notes = [n.text.en for n in by_clause["uncc.18.1"].notes]
    assert art16 in notes and "Legal persons are liable for this offence under nz.hdca.5." in notes, notes


def test_adults_alone_are_no_legal_person() -> None:
    p = load_sources([("o.lexd", SHARING.format(actors="  actors       adult\n"))])[0].provisions[0]
    assert reach.answers(p, "natural-person") and not reach.answers(p, "unit")


# -- what a common-law offence's words reach --------------------------------------------------------------------

def _findings(text: str, article: str) -> dict[str, Finding]:
    drafts, _ = load_sources([("offence.lexd", text)])
    return {v.requirement.id: v for v in check(spec_for(article), drafts.provisions, general_part=False).verdicts}


def test_sharing_reaches_publishing_and_selling_is_only_in_doubt() -> None:
    """England and Wales: "A intentionally shares a photograph or film …" reaches posting it for all to see; what it
    leaves out is selling, which only the unverified words of Art. 16(1) name."""
    f = _findings(SHARING.format(actors="").replace("share, publish, sell", "share"), "uncc.16")["uncc.16.1"]
    assert f.verdict is Verdict.MET, [n.text.en for n in f.notes]
    assert f.unverified == ["selling"]
    text = " ".join(n.text.en or "" for n in f.notes)
    assert "'sharing' reaches distributing, transmitting, publishing and otherwise making available" in text
    assert "Not counted as a gap: selling rests only on" in text  # the treaty's act, not the id `sell`


def test_an_act_in_doubt_is_set_apart_whatever_else_is_missing() -> None:
    """Selling rests only on unverified words of Art. 16(1): it is told apart, not listed among the acts not
    criminalised, also where others are missing (a statute that punishes transmitting only: Australia's s. 474.17A,
    as encoded cold)."""
    f = _findings(SHARING.format(actors="").replace("share, publish, sell", "transmit"), "uncc.16")["uncc.16.1"]
    assert f.verdict is Verdict.PARTLY_MET and f.unverified == ["selling"], f
    text = " ".join(n.text.en or "" for n in f.notes)
    assert "Not criminalised by any provision: distributing, publishing and otherwise making available." in text, text
    assert "Not counted as a gap: selling rests only on" in text, text


CSAM = '''provision nz.hdca.92 {{
  jurisdiction nz
  status       in-force
  title        en "Child sexual abuse material"
  actors       natural-person
  mental       intent
  conduct      {conduct}
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     minor
  }}
  prosecution  public
  penalty
    base imprisonment <= 10 years
}}
'''


def test_transmitting_reaches_broadcasting() -> None:
    """Canada: "transmits, makes available, distributes, sells, advertises …": every broadcast transmits."""
    f = _findings(CSAM.format(conduct="produce, transmit, make-available, distribute, sell, advertise"),
                  "uncc.14")["uncc.14.1.a"]
    assert f.verdict is Verdict.MET, [n.text.en for n in f.notes]
    assert any("'transmitting' reaches broadcasting" in (n.text.en or "") for n in f.notes)


def test_a_public_good_defence_to_sharing_is_for_a_reviewer_as_a_legitimate_purpose_is() -> None:
    """Canada s. 162.1(3): conduct that serves the public good and does not extend beyond it. Narrower than a
    legitimate purpose, which Art. 16 leaves to a reviewer: it cannot be the one that narrows the offence."""
    text = SHARING.format(actors="")
    public, legitimate = (_findings(text.replace("  prosecution", f"  exception    {k}\n  prosecution"),
                                    "uncc.16")["uncc.16.1"] for k in ("public-good", "legitimate-purpose"))
    assert public.verdict is legitimate.verdict is Verdict.MET, [n.text.en for n in public.notes]
    assert any(n.question and '"public good" is an open defence' in (n.text.en or "") for n in public.notes)


# -- what is said of an offence is what it states -----------------------------------------------------------------

def test_a_good_practice_on_synthetic_images_needs_the_statute_to_say_so(capsys: pytest.CaptureFixture[str],
                                                                          tmp_path: Path) -> None:
    silent = SHARING.format(actors="")
    stated = silent.replace("object       intimate-image",
                            "object       intimate-image {\n    origin  real | synthetic\n  }")
    practice = "It criminalises the dissemination of synthetic (deepfake) sexual images"
    for text, shown in ((silent, False), (stated, True)):
        (tmp_path / "offence.lexd").write_text(text, encoding="utf-8")
        _, out, _ = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
        assert (practice in out) is shown


PROPOSAL = '''provision {ident} {{
  jurisdiction {code}
  status       proposed
  instrument   amendment to "{act}" inserting article {new} after {after}
  title        zh "分享私密图像" en "Sharing an intimate image"
  implements   uncc.16
  actors       natural-person
  mental       intent
  conduct      share
  object       intimate-image {{
    {attribute}
  }}
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


@pytest.mark.parametrize(("code", "lang", "attribute", "absent"), [
    ("nz", "en", "age-test   actual-age | apparent-age", "means an image that ."),
    ("prc", "en", "age-test   actual-age", "means an image that ."),
    ("prc", "zh", "origin     real | synthetic", "是指的"),
])
def test_an_object_stated_only_by_what_does_not_restrict_it_gets_no_empty_definition(
        code: str, lang: str, attribute: str, absent: str, capsys: pytest.CaptureFixture[str],
        tmp_path: Path) -> None:
    fields = {"nz": {"ident": "nz.hdca.22b", "act": "Harmful Digital Communications Act 2015", "new": "22b",
                     "after": "22a"},
              "prc": {"ident": "prc.criminal-law.253-3", "act": "中华人民共和国刑法", "new": "253-3",
                      "after": "253-2"}}[code]
    (tmp_path / "p.lexd").write_text(PROPOSAL.format(code=code, attribute=attribute, **fields), encoding="utf-8")
    code_, out, err = run(capsys, "render", str(tmp_path / "p.lexd"), "--lang", lang)
    assert code_ == 0, err
    assert absent not in out and "that ." not in out and "是指。" not in out, out


# -- age bands made up by the set ----------------------------------------------------------------------------------

# Germany punishes child pornography (under 14, § 184b) and youth pornography (14 to 17, § 184c) in two sections:
# together they reach every person under 18, as provisions limited to real and to synthetic material together
# reach every origin.
BANDS = '''provision nz.hdca.{n} {{
  jurisdiction nz
  status       in-force
  title        en "Material of persons of one age band"
  actors       natural-person
  mental       intent
  conduct      produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available, solicit,
               procure, access, possess
  object       csam {{
    depicts    sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose | sexual-torture
    person     {band}
{origin}  }}
{tier}  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
'''


def _banded(*bands: tuple[str, str, str]) -> dict[str, Finding]:
    """Each band: (person, `origin` line or "", a base `tier` line or "")."""
    texts = [(f"b{i}.lexd", BANDS.format(n=95 + i, band=band, origin=origin, tier=tier))
             for i, (band, origin, tier) in enumerate(bands)]
    drafts, _ = load_sources(texts)
    return {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions, general_part=False).verdicts}


def test_provisions_for_complementary_age_bands_together_reach_every_child() -> None:
    found = _banded(("child-under-14", "", ""), ("minor-aged-14-to-17", "", ""))
    for rid in ("uncc.14.1.a", "uncc.14.1.b", "uncc.14.1.c", "uncc.14.2"):
        assert found[rid].verdict is Verdict.MET, (rid, [n.text.en for n in found[rid].notes])
    together = [n.text.en or "" for n in found["uncc.14.1.c"].notes if (n.text.en or "").startswith("Together")]
    assert together == [("Together nz.hdca.95, nz.hdca.96 reach material of persons of every age under 18 for "
                         "possessing and controlling: nz.hdca.95 reaches persons under 14 only; nz.hdca.96 reaches "
                         "persons aged 14 to 17 only; what one leaves out, another reaches, so their limits are no "
                         "gap.")], together
    assert any("合并适用" in (n.text.zh or "") and "已满十四周岁不满十八周岁者" in (n.text.zh or "")
               for n in found["uncc.14.2"].notes)


def test_a_band_left_out_or_reached_only_in_part_stays_a_gap() -> None:
    acts_and_definition = ("uncc.14.1.a", "uncc.14.1.c", "uncc.14.2")
    gap = _banded(("child-under-14", "", ""), ("minor-aged-16-or-17", "", ""))  # 14 and 15 left out
    assert {gap[rid].verdict for rid in acts_and_definition} == {Verdict.PARTLY_MET}
    # 16 and 17 only in an exploitative relationship (Singapore's s. 377BL): their material is not reached in full
    qualified = _banded(("child-under-16", "", ""),
                        ("minor-aged-16-or-17", "", "  tier base requires exploitative-relationship\n"))
    assert {qualified[rid].verdict for rid in acts_and_definition} == {Verdict.PARTLY_MET}
    # the older band of real recordings only (§ 184c(3)): a realistic fake of a 15-year-old is reached by neither
    real = _banded(("child-under-14", "", ""), ("minor-aged-14-to-17", "    origin     real\n", ""))
    assert {real[rid].verdict for rid in ("uncc.14.1.a", "uncc.14.1.c")} == {Verdict.PARTLY_MET}
    # … unless a third provision reaches synthetic material of every child
    made_up = _banded(("child-under-14", "", ""), ("minor-aged-14-to-17", "    origin     real\n", ""),
                      ("minor", "    origin     synthetic\n", ""))
    assert {made_up[rid].verdict for rid in ("uncc.14.1.a", "uncc.14.1.c")} == {Verdict.MET}


def test_a_measure_in_force_without_its_text_is_cited_without_a_made_up_quotation(
        capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """A provision known only from a paraphrase has no words to quote: the review cites it, and quotes nothing
    rather than the summary lexdraft writes of its elements."""
    (tmp_path / "offence.lexd").write_text(SHARING.format(actors=""), encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
    assert code in (0, 1), err
    assert "section 90 (offence; 16(1)" in out.lower()
    assert "generated from the elements" not in out


def test_a_list_joined_with_a_bar_is_told_to_take_commas(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    text = SHARING.format(actors="").replace("  consent      absent", "  recipients   public | third-party\n"
                                                                        "  consent      absent")
    (tmp_path / "offence.lexd").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path))
    assert code == 2 and "error[E104]: this list of terms is separated by commas, not |" in err, err


# -- what a second round of unseen statutes showed (United States, Australia, Scotland, Japan) ---------------------

def test_providing_reaches_distributing_transmitting_and_making_available() -> None:
    """Japan's Child Pornography Act punishes 提供 (providing) material to another: handing it over or sending it is
    distributing and transmitting it, and puts it within their reach; put within the public's reach (published), it is
    provided to each of them (as the PRC's 2017 Interpretation reads 提供). Whether a broadcast provides it the word
    does not settle: a reviewer is asked. Shown, it is given to nobody."""
    f = _findings(CSAM.format(conduct="provide"), "uncc.14")["uncc.14.1.a"]
    text = " ".join(n.text.en or "" for n in f.notes)
    assert "'providing' reaches distributing, transmitting, publishing and otherwise making available but may reach " \
        "broadcasting" in text, text
    assert "Not criminalised by any provision: producing, offering, selling and displaying." in text, text
    assert f.unsettled == ["broadcast"], f.unsettled


def test_showing_reaches_displaying_publishing_and_broadcasting() -> None:
    """England and Wales: "to distribute or show such indecent photographs" (Protection of Children Act 1978 s. 1):
    to show is to cause to be seen, so shown to the public material is displayed, and shown over a live stream it is
    broadcast."""
    f = _findings(CSAM.format(conduct="produce, distribute, show, offer, sell"), "uncc.14")["uncc.14.1.a"]
    assert f.verdict is Verdict.MET, [n.text.en for n in f.notes]
    assert any("'showing' reaches broadcasting, displaying and publishing" in (n.text.en or "") for n in f.notes)


def test_a_reason_several_provisions_share_is_said_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Three sections of one code whose definition lacks 14(2)(b): one line naming the three, not three lines."""
    for n in (92, 93, 94):
        text = CSAM.format(conduct="distribute").replace("nz.hdca.92", f"nz.hdca.{n}").replace(
            "presence-at-sexual-activity | ", "")
        (tmp_path / f"o{n}.lexd").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path), "--against", "uncc.14")
    assert code == 1, err
    line = ("  - nz.hdca.92, nz.hdca.93, nz.hdca.94: 14(2)(b), a child in the presence of a person engaged in sexual "
            "activity, is not covered.")
    assert out.count("is not covered") == 1 and line in out.splitlines(), out


# A pack for a code whose sections have lettered subsections and numbered paragraphs (§ 2252A(a)(2)): the subsection
# is a part of the article number, cited in brackets, and only the section's own letters are upper case.
LETTERED = {"pack.yaml": """code: us
names: {own: United States, en: United States}
languages: [en]
numbering: {pattern: '[0-9]{1,4}[a-z]{0,2}(-[a-z])?', examples: ['2252a-a', '223-h']}
citation:
  en: {article: '§ {head}{subs}', sub: '({n})', paragraph: '{article}({paragraph})', case: upper-head}
style: common-law-en
wording: {en: {article: section, paragraph: subsection}}
currency: {code: USD, unit: usd}
fine-units: [usd]
prosecution: [public]
instruments:
  usc-18: {en: 'Title 18, United States Code', own: 'Title 18, United States Code'}
""", "vocabulary.yaml": "units:\n  usd: {zh: 美元, en: US dollars}\n"}

LETTERED_DRAFT = '''provision us.usc-18.2252a-a.2 {
  jurisdiction us
  status       in-force
  instrument   usc-18
  title        en "Receiving or distributing material"
  source       "a test paragraph"
  implements   uncc.14
  mental       knowledge
  conduct      receive, distribute
  object       csam
  penalty
    base       imprisonment <= 20 years
  text         en """(2) knowingly receives or distributes any such material;"""
}
'''


def test_a_lettered_subsection_is_cited_as_its_code_cites_it(capsys: pytest.CaptureFixture[str],
                                                              tmp_path: Path) -> None:
    """A statute entry on one paragraph says which, in the pack's own words: "subsection (2)", not "paragraph 2";
    `case: upper-head` writes the section's letters in capitals and the subsection's as they are."""
    for name, text in LETTERED.items():
        (tmp_path / "packs" / "us").mkdir(parents=True, exist_ok=True)
        (tmp_path / "packs" / "us" / name).write_text(text, encoding="utf-8")
    (tmp_path / "d.lexd").write_text(LETTERED_DRAFT, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "d.lexd"), "--pack", str(tmp_path / "packs"))
    assert code == 0, err
    assert "Title 18, United States Code, § 2252A(a)(2) (in force)" in out, out
    assert "This entry concerns subsection (2); the text below" in out, out


THREAT = '''provision nz.hdca.22b {
  jurisdiction nz
  status       proposed
  instrument   amendment to "Harmful Digital Communications Act 2015" inserting article 22b after 22a
  title        en "Threatening to share an intimate image"
  implements   uncc.16
  actors       natural-person
  mental       intent
  as-to        fear intent | recklessness
  conduct      threaten-to-distribute
  object       intimate-image
  prosecution  public
  penalty
    base imprisonment <= 2 years
}
'''


def test_a_threat_offence_states_the_fear_it_intends(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """England and Wales s. 66B(4)(b): "with the intention that B or another person who knows B will fear that the
    threat will be carried out, or being reckless as to whether [they] will": a mental element as to that fear, which
    no treaty act has, so it lowers and raises nothing."""
    (tmp_path / "t.lexd").write_text(THREAT, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "t.lexd"))
    assert code == 0, err
    assert ("threatens to distribute an intimate image of another person, with intent or recklessness as to the "
            "person threatened, or another who knows them, fearing that the threat will be carried out.") in out, out
    found = _findings(THREAT, "uncc.16")
    assert found["uncc.16.1"].verdict is Verdict.NOT_MET and found["uncc.16.5"].verdict is Verdict.NA


# -- soliciting and financing through a general part ---------------------------------------------------------------

INCITING = '''rule nz.hdca.6 {
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Inciting an offence"
  source       "a test clause"
  kind         instigation
  reaches      all
  text         en """Every one who incites another to commit an offence is a party to it …"""
}
'''


def test_soliciting_a_general_part_may_reach_is_a_question_not_a_verdict_left_open() -> None:
    """Canada: distributing is an offence, soliciting is reached only by counselling (Criminal Code ss. 22, 464), which
    the set does not give. Financing in the same position is left to a reviewer (not-assessed), since 14(1)(d) lets
    a State reach it through participation; 14(1)(b) lists soliciting as conduct to be criminalised and says nothing
    of a separate offence, so its verdict stands on the provisions given and carries the reviewer's question: whether
    the general part punishes the request itself where no supply follows (LAWYER-M S-1's wording)."""
    text = CSAM.format(conduct="produce, distribute, procure, access, possess")
    drafts, _ = load_sources([("o.lexd", text)])
    found = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions, general_part=False).verdicts}
    soliciting, financing = found["uncc.14.1.b"], found["uncc.14.1.d"]
    assert soliciting.verdict is Verdict.PARTLY_MET and financing.verdict is Verdict.NOT_ASSESSED
    asked = [n.text.en or "" for n in soliciting.questions]
    assert len(asked) == 1 and "Art. 14(1)(b) lists soliciting as conduct to be criminalised" in asked[0], asked
    assert "only if it punishes the request itself where no supply follows" in asked[0]
    assert "The general part's rules on instigation or complicity are not among the rules given" in asked[0]
    # a rule of instigation the set gives is named; the verdict still stands on the provisions
    drafts, _ = load_sources([("o.lexd", text), ("r.lexd", INCITING)])
    given = next(v for v in check(spec_for("uncc.14"), drafts.provisions, drafts.rules).verdicts
                 if v.requirement.id == "uncc.14.1.b")
    assert given.verdict is Verdict.PARTLY_MET
    assert any("The set's rules on instigation or complicity (nz.hdca.6) reach the provisions that carry 14(1)(a) "
               "(nz.hdca.92)" in (n.text.en or "") for n in given.questions), [n.text.en for n in given.notes]
    # soliciting reached by a provision: nothing to ask
    met = _findings(CSAM.format(conduct="produce, distribute, solicit, procure, access"), "uncc.14")["uncc.14.1.b"]
    assert met.verdict is Verdict.MET and not met.questions


def test_financing_offences_the_set_does_not_have_is_no_question_for_a_reviewer() -> None:
    """Scotland's s. 2 alone (an intimate-image offence): with no offence of 14(1)(a)-(c), no general part could
    reach financing them, so 14(1)(d) is not-met, not left to a reviewer."""
    drafts, _ = load_sources([("o.lexd", SHARING.format(actors=""))])
    found = {v.requirement.id: v for v in check(spec_for("uncc.14"), drafts.provisions, general_part=False).verdicts}
    assert found["uncc.14.1.d"].verdict is Verdict.NOT_MET, [n.text.en for n in found["uncc.14.1.d"].notes]
    assert any("no further than the offences financed are met" in (n.text.en or "")
               for n in found["uncc.14.1.d"].notes)


# -- a text cut at a comma ------------------------------------------------------------------------------------------

def test_a_vocabulary_text_cut_at_an_unquoted_comma_is_an_error(office: Path,
                                                                  capsys: pytest.CaptureFixture[str]) -> None:
    """In YAML's `{…}` a comma ends a text: `reason: {en: sends it, to one person …}` kept "sends it" and made the rest
    keys without values, so a pack's reason (and seven labels of the base vocabulary) lost their words unseen."""
    with (office / "packs" / "nz" / "vocabulary.yaml").open("a", encoding="utf-8") as f:
        f.write("conduct:\n  transmit: {zh: 传输, en: transmit, en3: transmits,\n"
                "    covers: [transmit, broadcast, publish],\n"
                "    reason: {en: Transmitting sends it, to one person or to a server, so it is sharing it.},\n"
                "    source: a test}\n")
    (office / "drafts" / "o.lexd").write_text(CSAM.format(conduct="transmit"), encoding="utf-8")
    code, _, err = run(capsys, "check", "drafts")
    assert code == 2, err
    assert "error[E703]: the term 'transmit' has 'to one person or to a server' with no value: a text was cut at a " \
           "comma" in err, err


def test_no_text_of_the_base_vocabulary_is_cut_at_a_comma() -> None:
    from lexdraft import yamldata
    from lexdraft.diagnostics import Span
    from lexdraft.language.vocabulary import _cut_text

    data = yamldata.load(str(HERE.parent / "vocabulary" / "vocabulary.yaml"))
    cut = [(section, name) for section, terms in data.items() if isinstance(terms, dict)
           for name, entry in terms.items() if _cut_text(entry, Span("", 1, 1, 1, 2))]
    assert cut == []


def test_a_summary_of_a_section_in_force_is_cited_with_its_act(capsys: pytest.CaptureFixture[str],
                                                                tmp_path: Path) -> None:
    """Australia's s. 474.22, known from a summary: its entry is headed as a statute entry is, the act named and the
    section cited as its pack cites it, not "Section 92" alone."""
    (tmp_path / "o.lexd").write_text(CSAM.format(conduct="distribute"), encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "o.lexd"))
    assert code == 0, err
    assert out.splitlines()[0] == "Harmful Digital Communications Act 2015, section 92 (structured summary)", out


def test_a_band_of_minors_wider_than_the_treaty_s_is_no_material_of_persons_in_general(office: Path) -> None:
    """Korea's children and youth are persons under 19: every child under 18 is among them, which the reason says,
    not that they are reached "as persons in general" (the reason for a sexual image of anyone)."""
    drafts, _ = load_sources([("b.lexd", BAND.format(band_id="7", band="person-under-19"))])
    f = next(v for v in check(spec_for("uncc.14"), drafts.provisions, general_part=False).verdicts
             if v.requirement.id == "uncc.14.1.c")
    text = [n.text.en or "" for n in f.notes]
    assert f.verdict is Verdict.MET, text
    assert "The object reaches persons under 19, every person under 18 among them: it counts for this article as " \
           "far as it reaches those under 18, and reaches beyond them." in text, text
    assert not any("as persons in general" in t for t in text)


def test_recipients_are_worded_where_the_text_is_not_given(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Japan's art. 7 ¶6, known from a summary: providing material to many or unspecified persons, or displaying it in
    public. Its summary says to whom, where it stopped the render (E402) for want of the statute's words."""
    text = CSAM.format(conduct="provide, display").replace(
        "  prosecution", "  recipients   many-or-unspecified, public\n  prosecution")
    (tmp_path / "o.lexd").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "o.lexd"))
    assert code == 0, err
    assert ("provides or publicly displays child sexual abuse or child sexual exploitation material to many or "
            "unspecified persons or to the public.") in out, out


def test_a_common_law_entry_names_its_subsection_as_its_composed_text_does(capsys: pytest.CaptureFixture[str],
                                                                           tmp_path: Path) -> None:
    """New Zealand's pack names no unit (`wording`), and its composed sections have subsections: an entry on s. 90(1)
    concerns "subsection (1)", not "paragraph 1"."""
    text = SHARING.format(actors="").replace("nz.hdca.90 {", "nz.hdca.90.1 {").replace(
        "  prosecution", '  source       "a test subsection"\n  text         en """(1) A person who shares …"""\n'
                         "  prosecution")
    (tmp_path / "o.lexd").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "o.lexd"))
    assert code == 0, err
    assert "This entry concerns subsection (1); the text below" in out, out


@pytest.mark.parametrize(("penalty", "liable"), [
    ("imprisonment <= 1 years | fine",
     "liable on conviction to imprisonment for a term not exceeding 1 year or a fine."),
    ("fine", "liable on conviction to a fine."),
])
def test_a_fine_as_the_alternative_to_imprisonment_or_alone_is_worded(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path, penalty: str,
                                                                       liable: str) -> None:
    """Spain's art. 197.7 (prisión … o multa; its second paragraph a fine alone) and the Netherlands' art. 139h
    (gevangenisstraf … of geldboete): a fine that is a principal penalty. The common-law style refused it (E402), so a
    review whose suggested amendment took such a penalty stopped with nothing written."""
    (tmp_path / "t.lexd").write_text(THREAT.replace("base imprisonment <= 2 years", f"base {penalty}"),
                                     encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "t.lexd"))
    assert code == 0, err
    assert liable in out, out
# -- a statute whose text is a list: the review quotes it whole -----------------------------------------------------

LISTED = '''provision nz.hdca.{n} {{
  jurisdiction nz
  status       in-force
  title        en "Sharing an intimate image"
  source       "a test section"
  mental       intent
  conduct      share
  object       intimate-image
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
  text         en """
{text}
"""
}}
'''


def test_a_statute_whose_text_is_a_list_is_quoted_whole_in_every_format(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    """England and Wales s. 66B: "(1) A person ("A") commits an offence if— (a) … (b) …". The review quoted its first
    line alone, which ends in "if—"; the lead-in and its items are one sentence, and the finding rests on all of it."""
    text = ('(1) A person ("A") commits an offence if—\n(a) A intentionally shares a photograph or film which '
            'shows, or appears to show, another person ("B") in an intimate state,\n(b) B does not consent to the '
            'sharing of the photograph or film, and\n(c) A does not reasonably believe that B consents.')
    (tmp_path / "s.lexd").write_text(LISTED.format(n="66b", text=text), encoding="utf-8")
    whole = ('(1) A person ("A") commits an offence if— (a) A intentionally shares a photograph or film which shows, '
             'or appears to show, another person ("B") in an intimate state, (b) B does not consent to the sharing '
             'of the photograph or film, and (c) A does not reasonably believe that B consents.')
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
    assert code in (0, 1), err
    assert f'    "{whole}"' in out.splitlines(), out
    _, markdown, _ = run(capsys, "review", str(tmp_path), "--against", "uncc.16", "--format", "markdown")
    assert "(c) A does not reasonably believe that B consents." in markdown, markdown
    _, data, _ = run(capsys, "review", str(tmp_path), "--against", "uncc.16", "--format", "json")
    assert whole in data.replace('\\"', '"'), data
    import io

    import docx
    run(capsys, "review", str(tmp_path), "--against", "uncc.16", "--format", "docx", "-o", str(tmp_path / "r.docx"))
    paragraphs = [p.text for p in docx.Document(io.BytesIO((tmp_path / "r.docx").read_bytes())).paragraphs]
    assert any(whole in p for p in paragraphs), paragraphs


def test_the_paragraph_an_id_names_is_quoted_whole_the_rest_elided(capsys: pytest.CaptureFixture[str],
                                                                  tmp_path: Path) -> None:
    """A text that marks its paragraphs (¶) quoted for one of them: that paragraph with its items, the others elided
    with a mark, never the first line of the whole."""
    text = ("¶1 A person who shares an intimate image commits an offence.\n¶2 A person commits an offence if—\n"
            "(a) the person threatens to share an intimate image; and\n(b) the threat causes distress.\n"
            "¶3 Subsection (2) does not limit subsection (1).")
    (tmp_path / "s.lexd").write_text(LISTED.format(n="66b.2", text=text), encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
    assert code in (0, 1), err
    assert ('    "… A person commits an offence if— (a) the person threatens to share an intimate image; and (b) the '
            'threat causes distress. …"') in out.splitlines(), out


def test_a_paragraph_quoted_ends_where_another_article_or_an_omission_begins(capsys: pytest.CaptureFixture[str],
                                                                            tmp_path: Path) -> None:
    """A text quoting the article's first paragraph, a note of what it leaves out and the definition article it relies
    on: quoted for paragraph 1, the note and the other article are not words of paragraph 1 (the PRC's art. 363 ¶1
    was quoted with "(Paragraph 2 omitted.) Article 367: …" inside its quotation)."""
    text = ("Article 66 ¶1: A person who shares an intimate image commits an offence.\n(Paragraph 2 omitted.)\n"
            "Article 70: \"Intimate image\" in this Act means an image of a person's intimate parts.")
    (tmp_path / "s.lexd").write_text(LISTED.format(n="66b.1", text=text), encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
    assert code in (0, 1), err
    assert '    "A person who shares an intimate image commits an offence. …"' in out.splitlines(), out


def test_an_article_quoted_whole_keeps_its_paragraph_marks(capsys: pytest.CaptureFixture[str],
                                                           tmp_path: Path) -> None:
    """Quoted for the whole article, each paragraph keeps its mark, so that ¶2's words are not read as ¶1's."""
    text = ("¶1 A person who shares an intimate image commits an offence.\n"
            "¶2 \"A body corporate is liable under paragraph 1.\"")
    (tmp_path / "s.lexd").write_text(LISTED.format(n="66b", text=text), encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.16")
    assert code in (0, 1), err
    assert ('    "¶1 A person who shares an intimate image commits an offence. ¶2 A body corporate is liable under '
            'paragraph 1."') in out.splitlines(), out


# -- recipients on an offence with a limb of making and a limb of spreading ----------------------------------------

LIMBS = '''provision {ident} {{
  jurisdiction {code}
  status       proposed
  instrument   amendment to "{act}" inserting article {new} after {after}
  title        zh "制作、传播私密图像" en "Making or spreading an intimate image"
  implements   uncc.16
  actors       natural-person
  mental       intent
  purpose      dissemination
  conduct      produce, distribute
  object       intimate-image
  recipients   many-or-unspecified, public
  consent      absent
  prosecution  public
  penalty
    base imprisonment <= 2 years
}}
'''


@pytest.mark.parametrize(("code", "lang", "limb"), [
    ("nz", "en", ("produces an intimate image of another person, or distributes such an intimate image to many or "
                 "unspecified persons or to the public without")),
    ("prc", "en", ("produces an intimate image of another person, or whoever distributes an intimate image of another "
                  "person produced to many or unspecified persons or to the public, without")),
    ("prc", "zh", "以传播为目的，制作他人私密图像的，或者向不特定人或者多数人或者向公众散布制作的他人私密图像的"),
])
def test_recipients_are_worded_on_the_spreading_limb_only(code: str, lang: str, limb: str,
                                                          capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    """Making for the purpose of spreading, or spreading, to the public: nothing is made to anyone, so the condition
    on to whom is the spreading limb's (it was E402: which limb it bound was left to a `text` block)."""
    fields = {"nz": {"ident": "nz.hdca.22b", "act": "Harmful Digital Communications Act 2015", "new": "22b",
                     "after": "22a"},
              "prc": {"ident": "prc.criminal-law.253-3", "act": "中华人民共和国刑法", "new": "253-3",
                      "after": "253-2"}}[code]
    (tmp_path / "p.lexd").write_text(LIMBS.format(code=code, **fields), encoding="utf-8")
    code_, out, err = run(capsys, "render", str(tmp_path / "p.lexd"), "--lang", lang)
    assert code_ == 0, err
    assert limb in " ".join(out.split()), out


def test_a_verdict_resting_on_a_recalled_general_part_rule_says_so() -> None:
    """Kenya's 18(1) rests on the Interpretation and General Provisions Act s. 3 ("person" includes a body
    corporate), Italy's on D.Lgs. 231/2001, each known here from recollection: a rule or an administrative measure
    states its provenance as a provision does (it was E100, with the hint to write what had been written), and a
    verdict that changes without it is marked [R-memory] with the rule named, though every offence is verbatim."""
    recalled = CLAUSE.replace("  kind ", "  provenance   r-memory\n  kind ")
    found = _legal_persons("", recalled)["uncc.18.1"]
    assert found.rests_on == "r-memory" and found.resting == ["nz.hdca.5"], found
    assert _legal_persons("", CLAUSE)["uncc.18.1"].rests_on is None
    drafts, _ = load_sources([("r.lexd", recalled)])
    assert drafts.rules[0].provenance is not None and drafts.rules[0].provenance.name == "r-memory"


# -- an act a statute's words may reach, which the reference does not settle -----------------------------------------

def test_an_act_whose_reach_the_reference_does_not_settle_stays_a_gap_and_says_why() -> None:
    """New Zealand's Films Act s. 123(1): "supplying" an objectionable publication. A supply may be a sale, but the
    reference does not say that "supply" reaches selling: the gap stays, and the reason says the reference does not
    settle it, never simply that selling is not criminalised."""
    f = _findings(CSAM.format(conduct="produce, supply, offer"), "uncc.14")["uncc.14.1.a"]
    assert f.verdict is Verdict.PARTLY_MET and f.unsettled == ["sell", "broadcast"], [n.text.en for n in f.notes]
    text = [n.text.en or "" for n in f.notes]
    assert not any("Not criminalised by any provision: selling" in t or "criminalised by any provision: selling,"
                   in t for t in text), text
    assert any("Not shown to be criminalised: selling and broadcasting, which a provision's words may reach; the "
               "reference does not settle whether they do" in t for t in text), text
    asked = [n.text.en or "" for n in f.questions]
    assert any(t.startswith("Whether 'supplying' reaches selling or broadcasting the reference does not settle")
               for t in asked), asked


def test_supplying_leaves_offering_unsettled_as_it_does_selling() -> None:
    """A statute's "supply" may be defined to include offering to supply, as it may include a sale: where the offence
    names supplying and not offering, offering is a gap the reference does not settle, never reached on no words
    (New Zealand's s. 123(1), whose paraphrase names no offering). The pack's question says what to read."""
    plain = CSAM.format(conduct="produce, supply").replace("jurisdiction nz", "jurisdiction ie")
    f = _findings(plain, "uncc.14")["uncc.14.1.a"]
    assert f.verdict is Verdict.PARTLY_MET and f.unsettled == ["offer", "sell", "broadcast"], \
        [n.text.en for n in f.notes]
    text = " ".join(n.text.en or "" for n in f.notes)
    assert "Not shown to be criminalised: offering, selling and broadcasting, which a provision's words may reach" \
        in text, text
    asked = [n.text.en or "" for n in f.questions]
    assert any("offering, selling and broadcasting are counted as not reached until a reviewer confirms them" in t
               for t in asked), asked
    assert not any("s. 2's definition" in t for t in asked), asked
    nz = _findings(CSAM.format(conduct="produce, supply"), "uncc.14")["uncc.14.1.a"]
    assert nz.unsettled == ["offer", "sell", "broadcast"]
    assert any(t.endswith("The reference holds neither s. 123(1) of the Classification Act verbatim nor s. 2's "
                          "definition of 'supply'; a reviewer should read both, which may settle selling, offering and "
                          "broadcasting together.") for t in (n.text.en or "" for n in nz.questions)), nz.questions
    offered = _findings(CSAM.format(conduct="produce, supply, offer"), "uncc.14")["uncc.14.1.a"]
    assert offered.unsettled == ["sell", "broadcast"]


def test_sexually_explicit_is_what_an_image_shows_not_how_others_judge_it() -> None:
    """Italy's art. 612-ter: images "a contenuto sessualmente esplicito". The review asked whether they meet "an
    evaluative standard (obscene, objectively arousing, offensive and the like) … not by its effect on others",
    which is no reading of words that say what an image shows; the question is whether they reach mere nudity."""
    explicit = SHARING.format(actors="").replace(
        "  object       intimate-image\n", "  object       intimate-image {\n    standard sexually-explicit\n  }\n")
    two = _findings(explicit, "uncc.16")["uncc.16.2"]
    said = " ".join(n.text.en or "" for n in two.notes)
    assert two.verdict is Verdict.MET, said
    assert "The image must also be sexually explicit" in said and "evaluative standard" not in said, said
    obscene = explicit.replace("standard sexually-explicit", "standard obscene")
    assert "evaluative standard" in " ".join(n.text.en or "" for n in _findings(obscene, "uncc.16")["uncc.16.2"].notes)
# -- possessing material obtained one way --------------------------------------------------------------------------

def test_possessing_only_material_obtained_through_a_service_narrows_possession() -> None:
    """Australia's Criminal Code s. 474.22A: possessing material "obtained or accessed using a carriage service",
    written `means electronic-communications-service` as docs/language.md says. Art. 14(1)(c) asks that possessing
    material "stored in an information and communications technology system or another storage medium" be an offence
    however it came there (words the reference does not mark ⟨?⟩), so the limit narrows it, and the reason quotes them;
    the acts of 14(1)(a), done through a service, stay a question for a reviewer."""
    text = CSAM.format(conduct="possess, control").replace(
        "  object", "  means        electronic-communications-service\n  object")
    f = _findings(text, "uncc.14")["uncc.14.1.c"]
    assert f.verdict is Verdict.PARTLY_MET, [n.text.en for n in f.notes]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert "only material obtained or accessed by means of an electronic communications service" in said, said
    assert '"stored in an information and communications technology system or another storage medium"' in said
    assert not f.unverified and not f.questions
    sharing = _findings(CSAM.format(conduct="distribute").replace(
        "  object", "  means        electronic-communications-service\n  object"), "uncc.14")["uncc.14.1.a"]
    assert any("depends on how the law defines the service" in (n.text.en or "") for n in sharing.notes)


def test_a_suggested_financing_article_finances_offences_not_material(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    """Italy's review (a pack without `financing` wording) suggested 'Financing child sexual abuse … material' whose
    text read 'unlawfully finances child sexual abuse or child sexual exploitation material': Art. 14(1)(d) is the
    financing of the offences, and one finances a crime, not an image."""
    from lexdraft.treaty.amend import _title

    assert _title(["finance"], "csam", "nz").en == \
        "Financing offences involving child sexual abuse or child sexual exploitation material"
    financing = THREAT.replace("threaten-to-distribute", "finance").replace(
        "  object       intimate-image", "  object       csam { person minor }").replace("uncc.16", "uncc.14")
    (tmp_path / "f.lexd").write_text(financing, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "f.lexd"))
    assert code == 0, err
    assert "finances the commission of an offence involving child sexual abuse or child sexual exploitation " \
           "material" in out, out
    assert "finances child sexual abuse" not in out


def test_a_version_without_its_chinese_is_told_the_form_of_its_own_kind(capsys: pytest.CaptureFixture[str],
                                                                       tmp_path: Path) -> None:
    """Italy's art. 600-quater, as inserted by Law 238/2021: a Chinese page needs the version's Chinese (E405), and
    the hint showed an amendment's form (截至……、经……修正) for an article an act inserted."""
    text = SHARING.format(actors="").replace(
        "  prosecution", '  source       "a test section"\n  version      inserted-by "Act 2021 No 7"\n'
                         '  text         en """A person who shares …"""\n  prosecution')
    (tmp_path / "o.lexd").write_text(text, encoding="utf-8")
    code, _, err = run(capsys, "check", str(tmp_path / "o.lexd"), "--lang", "zh")
    assert code == 2 and "error[E405]" in err, err
    assert 'add `zh "经……增设"`' in err and "修正" not in err, err


def test_a_threshold_recommendation_names_the_threshold_the_provision_sets(capsys: pytest.CaptureFixture[str],
                                                                           tmp_path: Path) -> None:
    """Taiwan's art. 39 ¶4 punishes possession from the second apprehension; the recommendation said "without a
    threshold of quantities or 'serious circumstances'", which that law does not have (LAWYER-S24 M-2). It names the
    threshold the base tier requires, in the vocabulary's words."""
    text = CSAM.format(conduct="possess").replace("  prosecution  public\n", "  prosecution  public\n"
                                                  '  tier base requires prior-conviction per "a test"\n')
    (tmp_path / "o.lexd").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.14")
    assert code in (0, 1), err
    assert ('from the first act, without the threshold "having a previous conviction for a like offence", which the '
            'Convention does not set') in out, out
    assert "serious circumstances" not in out, out
    _, zh, _ = run(capsys, "review", str(tmp_path), "--against", "uncc.14", "--lang", "zh")
    assert "自第一次行为起即予处罚，不设公约未规定的“曾因同类犯罪受过刑事处罚”门槛" in zh, zh


# -- what a rendered statute entry rests on ---------------------------------------------------------------------------

@pytest.mark.parametrize(("provenance", "lang", "said"), [
    ("r-memory", "en", ("This entry rests in whole or in part on a recollection, not on a text retrieved "
                        "[R-memory]: check what it quotes against the official text before citing it.")),
    ("paraphrase", "en", ("This entry rests in whole or in part on a secondary source's summary [P], not on the "
                          "statute's words: check what it quotes against the official text before citing it.")),
    ("r-memory", "zh", ("本条目全部或者部分依据记忆录入，而非检索所得的文本[R-memory]："
                        "引用其所录文字前，应当与官方文本核对。")),
    ("v-secondary", "en", None),
])
def test_a_statute_entry_resting_on_a_recollection_or_a_summary_says_so(provenance: str, lang: str, said: str | None,
                                                                        capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    """Hong Kong's Cap. 579 s. 3 and Portugal's art. 176.º, encoded from recollection: their entries printed the
    recalled words under "the text below is the provision as this entry quotes it", as if quoted from the statute.
    An entry whose provenance is a summary or a recollection now says so above its text, in every language."""
    text = SHARING.format(actors="").replace("nz.hdca.90 {", "nz.hdca.90.1 {").replace(
        '"Sharing an intimate image"', '"Sharing an intimate image" zh "分享私密图像"').replace(
        "  prosecution", f'  source       "a test subsection"\n  provenance   {provenance}\n'
                         '  text         en """(1) A person who shares …"""\n  prosecution')
    (tmp_path / "o.lexd").write_text(text, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "o.lexd"), "--lang", lang)
    assert code == 0, err
    if said is None:
        assert "rests in whole or in part" not in out, out
    else:
        assert said in out.splitlines(), out


@pytest.mark.parametrize(("band", "test"), [
    ("child-under-16", ("the content is realistic enough for an ordinary person to mistake it for an actual person "
                       "under 16.")),
    ("minor", ("the content is realistic enough for an ordinary person to mistake it for an actual person under "
              "eighteen.")),
])
def test_a_test_for_virtual_material_is_stated_with_the_provision_s_own_ages(band: str, test: str) -> None:
    """Malaysia's and Nigeria's realistic images of a child, Singapore's images hard to tell from a child under 16:
    the 14(3)(a) reason quoted the test in the statute wording lexdraft composes, which names persons under eighteen
    whatever the provision's ages, and ended with that wording's "not subject to the conditions of the preceding
    paragraph", of a paragraph no report has. It states the test with the provision's own ages and its scope as a
    report does."""
    text = CSAM.format(conduct="possess").replace(
        "    person     minor\n", f"    person       {band}\n    origin       real | synthetic\n"
                                  "    virtual-test high-verisimilitude, existing-persons-exempt\n")
    f = _findings(text, "uncc.14")["uncc.14.3.a"]
    said = " ".join(n.text.en or "" for n in f.notes)
    assert f.verdict is Verdict.OPTION_USED, said
    assert f"The provision's test for virtual material: {test} Synthetic material depicting an existing person is " \
           "not subject to that test." in said, said
    assert "preceding paragraph" not in said and "前款" not in " ".join(n.text.zh or "" for n in f.notes)


# One section holding attempt and aiding (Nigeria's Cybercrimes Act s. 27(1)(a) and (b)): two rules, one text.
SECTION_27 = '''rule nz.hdca.27.1.a {{
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Attempt"
  source       "a test section"
  kind         attempt
  reaches      all
  text         en """27. (1) Any person who (a) attempts to commit, or (b) aids or abets, an offence under this Act …"""
}}

rule nz.hdca.27.1.b {{
  jurisdiction nz
  status       in-force
  instrument   hdca
  title        en "Aiding and abetting"
  source       "a test section"
  kind         complicity
  reaches      all
  text         of {shared}
}}
'''


def test_a_rule_shares_the_text_of_the_section_it_is_part_of(capsys: pytest.CaptureFixture[str],
                                                             tmp_path: Path) -> None:
    """Nigeria's s. 27(1) punishes attempting and aiding in one sentence: two rules of two kinds. `text of` shared it
    for provisions and obligations only; a rule writing it was E211 "has no `text`", with the hint to add what was
    there. A rule shares a text as they do, and names none that is not in the set (E219)."""
    (tmp_path / "r.lexd").write_text(SECTION_27.format(shared="nz.hdca.27.1.a"), encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "r.lexd"))
    assert code == 0, err
    assert out.count("27. (1) Any person who\n(a) attempts to commit, or\n(b) aids or abets") == 2, out  # a part a line
    drafts, _ = load_sources([("r.lexd", SECTION_27.format(shared="nz.hdca.27.1.a"))])
    assert {r.id: r.text is not None for r in drafts.rules} == {"nz.hdca.27.1.a": True, "nz.hdca.27.1.b": True}
    (tmp_path / "r.lexd").write_text(SECTION_27.format(shared="nz.hdca.27.2"), encoding="utf-8")
    code, out, err = run(capsys, "check", str(tmp_path / "r.lexd"))
    assert code == 2 and "error[E219]: no provision, obligation or rule `nz.hdca.27.2` among the drafts" in err, err


def test_an_origin_limit_another_provision_makes_up_is_no_recommendation(capsys: pytest.CaptureFixture[str],
                                                                        tmp_path: Path) -> None:
    """Portugal's art. 176.º: n.º 1 c) punishes distributing recordings of real minors, n.º 3 the same acts with
    realistic representations. The review recommended that n.º 3 reach "recordings of real children too", which n.º
    1 c) punishes with no limit n.º 3 lacks. What is left is a real child's image that is no recording and fails the
    realism test: n.º 1 c) reaching it, or n.º 3's test sparing it, closes it, and both are recommended."""
    real = CSAM.format(conduct="distribute").replace("    person     minor\n",
                                                      "    person     minor\n    origin     real\n")
    drawn = CSAM.format(conduct="distribute").replace("nz.hdca.92 {", "nz.hdca.93 {").replace(
        "    person     minor\n", "    person     minor\n    origin     synthetic\n"
                                  "    virtual-test high-verisimilitude\n")
    (tmp_path / "real.lexd").write_text(real, encoding="utf-8")
    (tmp_path / "drawn.lexd").write_text(drawn, encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.14", "--format", "markdown")
    assert code == 1, err
    said = " ".join(out[out.index("### Recommendations"):].split())
    assert "for synthetic material depicting a real child, however stylised, whether or not it meets a test for " \
           "virtual material (section 93 of the Harmful Digital Communications Act)" in said, said
    assert "a deepfake or a drawing as much as a recording (section 92 of the Harmful Digital Communications Act)" \
        in said, said
    assert "recordings of real children too" not in said, said


def test_a_statute_word_is_quoted_in_its_jurisdiction_s_script(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                capsys: pytest.CaptureFixture[str]) -> None:
    """Hong Kong's ordinances are authentic in English and in Chinese written in traditional characters: a reason
    quoting a statute's word beside its English ("'importing' (…)") gave the base vocabulary's mainland form, 进口,
    where the pack reads no word of its own. It gives the word in the statutes' script and usage, 進口."""
    shutil.copytree(NZ, tmp_path / "packs" / "nz")
    pack = tmp_path / "packs" / "nz" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8").replace("languages: [en]", "languages: [en, zh-Hant]"),
                    encoding="utf-8")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "o.lexd").write_text(CSAM.format(conduct="import").replace(
        'title        en "Child sexual abuse material"',
        'title        en "Child sexual abuse material" zh-hant "兒童性虐待材料"'), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "check", "o.lexd", "--against", "uncc.14")
    assert code == 1, err
    assert "'importing' (進口) reaches procuring" in out and "进口" not in out, out


def test_the_atlas_says_under_its_name_that_a_jurisdiction_is_a_benchmark(tmp_path: Path,
                                                                           monkeypatch: pytest.MonkeyPatch,
                                                                           capsys: pytest.CaptureFixture[str]) -> None:
    """Hong Kong cannot itself become a State Party: its pack says so (`benchmark`), and every report on it said so
    first, but the atlas set its verdicts beside the States' with nothing to tell them apart. Its part says it under
    the jurisdiction's name, in every format; a State's says nothing."""
    shutil.copytree(NZ, tmp_path / "packs" / "nz")
    pack = tmp_path / "packs" / "nz" / "pack.yaml"
    pack.write_text(pack.read_text(encoding="utf-8") + "benchmark: {en: 'Assessed as a benchmark only', "
                    "zh: '仅作为参照加以评估'}\n", encoding="utf-8")
    (tmp_path / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
    (tmp_path / "o.lexd").write_text(CSAM.format(conduct="possess"), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "atlas", "o.lexd")
    assert code == 0, err
    assert "nz: New Zealand\n  Assessed as a benchmark only\n" in out, out
    code, out, err = run(capsys, "atlas", "o.lexd", "--format", "markdown")
    assert "## nz: New Zealand\n\nAssessed as a benchmark only\n" in out, out
    code, out, err = run(capsys, "atlas", "o.lexd", "--format", "json")
    assert json.loads(out)["jurisdictions"][0]["benchmark"] == "Assessed as a benchmark only"
    code, out, err = run(capsys, "atlas", str(HERE.parent / "drafts" / "nz" / "in-force"), "--format", "json")
    assert json.loads(out)["jurisdictions"][0]["benchmark"] is None


def test_an_age_band_another_provision_makes_up_is_no_recommendation(capsys: pytest.CaptureFixture[str],
                                                                     tmp_path: Path) -> None:
    """Austria's § 207a(3): possessing material of persons aged 14 to 17 in one sentence, of persons under 14 in the
    next, both bound by a realism test for invented images. The review recommended that each reach "every person
    under 18", which the two do together; only the realism test is left to recommend."""
    for n, band in (("0", "minor-aged-14-to-17"), ("1", "child-under-14")):
        (tmp_path / f"b{n}.lexd").write_text(BAND.format(band_id=n, band=band).replace(
            f"    person     {band}\n", f"    person     {band}\n    origin     real | synthetic\n"
                                      "    virtual-test high-verisimilitude\n"), encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.14", "--format", "markdown")
    assert code == 1, err
    said = " ".join(out[out.index("### Recommendations"):].split())
    assert "- **14(1)(c)**: It is recommended that New Zealand ensure that the conduct of Art. 14(1)(c) is " \
           "punishable for synthetic material depicting a real child, however stylised" in said, said
    assert "every person under 18" not in said, said


@pytest.mark.parametrize(("as_to", "said"), [
    ("harm intent | recklessness", ("The offence requires intent to cause harm or distress, or recklessness as to "
                                   "whether it is caused; recklessness is less than the intent to cause harm Art. "
                                   "16(5) permits, so the offence is within that option a fortiori.")),
    ("likely-harm knowledge | reason-to-believe", ("The offence requires knowledge or reason to believe that the "
                                                  "dissemination will or is likely to cause harm or distress; that is "
                                                  "less than the intent to cause harm Art. 16(5) permits, so it is "
                                                  "within that option a fortiori.")),
])
def test_a_mental_element_as_to_harm_is_said_as_the_statute_words_it(as_to: str, said: str) -> None:
    """Hong Kong's s. 159AAE (intending humiliation, alarm or distress, or reckless as to it), as Ireland's 2020 Act
    s. 2: the reason said the offence "requires knowledge (or reason to believe, or recklessness) that the
    dissemination causes or is likely to cause harm", a state of mind the statute does not name. The option of
    Art. 16(5) is reached all the same; the reason names what the statute asks."""
    text = SHARING.format(actors="").replace("  mental       intent\n",
                                             f"  mental       intent\n  as-to        {as_to}\n")
    f = _findings(text, "uncc.16")["uncc.16.1"]
    notes = [n.text.en or "" for n in f.notes]
    assert said in notes, notes
    assert not any("knowledge (or reason to believe, or recklessness)" in t for t in notes), notes
    assert "uncc.16.5" in f.options, f.options


# -- how a legal-persons rule punishes: the common-law forms (England's PCA 1978 s. 3, Canada's Criminal Code s. 22.2) -

def _clause(punishes: str) -> str:
    return CLAUSE.replace("fine-on-unit, responsible-persons-punished", punishes)


def _with_penalty(penalty: str) -> str:
    """The sharing offence with another penalty, its words naming no one (`actors` left out)."""
    return SHARING.format(actors="").replace("    base imprisonment <= 2 years", penalty)


def _findings_of(*sources: str) -> dict[str, Finding]:
    drafts, _ = load_sources([(f"d{i}.lexd", s) for i, s in enumerate(sources)])
    report = check(spec_for("uncc.18"), drafts.provisions, drafts.rules, general_part=bool(drafts.rules))
    return {v.requirement.id: v for v in report.verdicts}


def test_a_legal_persons_rule_must_say_how_the_legal_person_answers() -> None:
    """`responsible-persons-punished` alone says who else is punished, not how the legal person answers (it was
    accepted, and 18(4) then read the body corporate as facing no monetary sanction); a fine without a range
    qualifies a fine the rule imposes."""
    from lexdraft.language.lint import lint
    from lexdraft.language.parse import parse_text

    def codes(punishes: str) -> list[str]:
        return [d.code for d in lint([parse_text(_clause(punishes), "r.lexd")])]
    assert codes("responsible-persons-punished") == ["E221"]
    assert codes("fine-without-range") == ["E221"]
    assert codes("offence-penalty-on-unit, responsible-persons-punished") == []
    assert codes("fine-on-unit, fine-without-range, responsible-persons-punished") == []


def test_a_body_corporate_guilty_of_the_offence_takes_its_fine_under_18_4() -> None:
    """England's PCA 1978 s. 3: the body corporate is guilty of the offence and liable to its penalty, which includes
    a fine: 18(4) is a reviewer's weighing, never "no monetary sanction"."""
    found = _findings_of(_with_penalty("    base imprisonment <= 10 years | fine"),
                         _clause("offence-penalty-on-unit, responsible-persons-punished"))["uncc.18.4"]
    text = " ".join(n.text.en or "" for n in found.notes)
    assert found.verdict is Verdict.NOT_ASSESSED and found.met_by == ["nz.hdca.90"], text
    assert "no monetary sanction" not in text


def test_a_legal_person_liable_to_an_imprisonment_only_penalty_is_a_question_not_a_gap() -> None:
    """Canada's s. 22.2 with an offence punished by imprisonment only: a court may fine the organisation in its place
    only if the general law says so (s. 735), which the set does not give."""
    found = _findings_of(_with_penalty("    base imprisonment 1..14 years"), _clause("offence-penalty-on-unit"))
    f4 = found["uncc.18.4"]
    asked = [n.text.en or "" for n in f4.questions]
    assert f4.verdict is Verdict.NOT_ASSESSED, [n.text.en for n in f4.notes]
    assert any("which is imprisonment only and includes no fine" in t and "whether the general law lets a court "
               "fine a legal person in its place is for a reviewer" in t for t in asked), asked
    # a rule that fines the legal person itself needs no such question
    fined = _findings_of(_with_penalty("    base imprisonment 1..14 years"), _clause("fine-on-unit"))["uncc.18.4"]
    assert fined.verdict is Verdict.NOT_ASSESSED and not fined.questions


def test_18_3_natural_persons_stay_liable_under_the_offence_a_rule_punishing_none_of_them_leaves_alone() -> None:
    """Canada's s. 22.2 punishes no natural person: those who commit the offence stay liable under it, so 18(3) is met
    and the report never says the rule punishes them."""
    found = _findings_of(_with_penalty("    base imprisonment 1..14 years"), _clause("offence-penalty-on-unit"))
    f3 = found["uncc.18.3"]
    text = [n.text.en or "" for n in f3.notes]
    assert f3.verdict is Verdict.MET and f3.met_by == ["nz.hdca.90"], text
    assert not any("punishes the legal person and, beside it, the natural persons" in t for t in text), text
    assert any("the natural persons who commit the offence remain liable under nz.hdca.90 itself" in t
               for t in text), text
    # an offence only legal persons commit, whose rule punishes no natural person, stays a reviewer's
    units = _findings_of(SHARING.format(actors="  actors       unit\n"), _clause("offence-penalty-on-unit"))
    assert units["uncc.18.3"].verdict is Verdict.NOT_ASSESSED


def test_18_1_an_offence_silent_on_its_actors_that_no_rule_reaches_is_for_a_reviewer() -> None:
    """England's SOA 2003 s. 66B names no one, and the set's legal-persons rule reaches another offence only: whether
    the general law makes a body corporate liable for it is a reviewer's (it said "Only natural persons can commit
    this offence"); an offence whose words name natural persons only stays a gap."""
    other = _clause("offence-penalty-on-unit").replace("reaches      all", "reaches      nz.hdca.92")
    csam = CSAM.format(conduct="produce, possess")
    found = _findings_of(SHARING.format(actors=""), csam, other)["uncc.18.1"]
    text = [n.text.en or "" for n in found.notes]
    assert found.verdict is Verdict.NOT_ASSESSED, text
    assert not any("only natural persons can commit" in t for t in text), text
    assert any(t.startswith("Its words name no one in particular, and no rule of the set makes legal persons liable "
                            "for it") for t in (n.text.en or "" for n in found.questions)), text
    named = _findings_of(SHARING.format(actors="  actors       natural-person\n"), csam, other)["uncc.18.1"]
    assert named.verdict is Verdict.PARTLY_MET
    assert any("On the provisions given, only natural persons can commit" in (n.text.en or "") for n in named.notes)


def test_a_verdict_resting_on_recalled_offences_and_a_recalled_clause_names_both() -> None:
    """Canada's 18(1), every document recalled: the verdict rests on the offences and on s. 22.2, which makes legal
    persons liable for them; "rests on" named the offences only, as if the clause were verified."""
    offence = SHARING.format(actors="").replace("  title ", "  provenance   r-memory\n  title ")
    recalled = CLAUSE.replace("  kind ", "  provenance   r-memory\n  kind ")
    found = _findings_of(offence, recalled)["uncc.18.1"]
    assert found.rests_on == "r-memory" and found.resting == ["nz.hdca.90", "nz.hdca.5"], found
    # with the offence verbatim, the clause alone
    verbatim = _findings_of(offence.replace("  provenance   r-memory\n", ""), recalled)["uncc.18.1"]
    assert verbatim.resting == ["nz.hdca.5"], verbatim


# -- a general-part rule the reference gives no text of: recalled, summarised, never quoted as the statute ----------

RECALLED_CLAUSE = CLAUSE.replace("  kind ", "  provenance   r-memory\n  kind ").replace(
    "fine-on-unit, responsible-persons-punished", "offence-penalty-on-unit").replace(
    '  text         en """A body corporate is liable for an offence under this Act …"""\n', "")


def test_a_recalled_rule_may_leave_out_its_text_as_a_recalled_provision_may() -> None:
    """Canada's s. 22.2, recalled: a summary is not the statute's words, and the encoder had to write one as `text`
    (E211); a rule that claims no provenance below the statute's words still needs its text."""
    from lexdraft.language.lint import lint
    from lexdraft.language.parse import parse_text

    assert [d.code for d in lint([parse_text(RECALLED_CLAUSE, "r.lexd")])] == []
    bare = RECALLED_CLAUSE.replace("  provenance   r-memory\n", "")
    assert [d.code for d in lint([parse_text(bare, "r.lexd")])] == ["E211"]


def test_a_recalled_rule_renders_as_a_summary_said_to_be_no_statute_text(tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "r.lexd").write_text(RECALLED_CLAUSE, encoding="utf-8")
    code, out, err = run(capsys, "render", str(tmp_path / "r.lexd"), "--lang", "en")
    assert code == 0, err
    assert "(structured summary)" in out and "It is not the text of the statute" in out, out
    assert "[R-memory]" in out and "Reaches: every offence of its jurisdiction" in out, out
    assert "Punishes: the penalty the offence itself provides on the legal person guilty of it" in out, out


def test_the_review_marks_a_recalled_rule_it_quotes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The review's measures quoted an encoder's '[Summary …]' text as the rule's text with no [R-memory] mark."""
    (tmp_path / "o.lexd").write_text(SHARING.format(actors=""), encoding="utf-8")
    given = RECALLED_CLAUSE.replace("  punishes ", '  text         en """A body corporate is liable …"""\n'
                                                   "  punishes ")
    (tmp_path / "r.lexd").write_text(given, encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.18", "--format", "markdown")
    assert code in (0, 1), err
    line = next(x for x in out.splitlines() if "A body corporate is liable" in x)
    assert "text given as the compiler's recollection, not retrieved or verified \\[R-memory\\]" in line, line
    # without a text, nothing is quoted
    (tmp_path / "r.lexd").write_text(RECALLED_CLAUSE, encoding="utf-8")
    code, out, err = run(capsys, "review", str(tmp_path), "--against", "uncc.18", "--format", "markdown")
    assert code in (0, 1) and "“" not in next(x for x in out.splitlines() if "(general part;" in x), out


def test_a_standard_of_arousing_desire_alone_is_worded_without_shame(tmp_path: Path,
                                                                     capsys: pytest.CaptureFixture[str]) -> None:
    """Japan's material must "arouse or stimulate sexual desire" (as recalled); Taiwan's test adds "or shame". A
    drafter encoding the first has a term of its own, so a composed definition never imports the second."""
    draft = tmp_path / "d.lexd"
    draft.write_text(CSAM.format(conduct="distribute").replace("status       in-force", "status       proposed")
                     .replace("  object       csam {", "  object       csam {\n    standard   arouses-sexual-desire"),
                     encoding="utf-8")
    code, out, err = run(capsys, "render", str(draft), "--no-cache")
    assert code == 0 and "is such as to arouse or stimulate sexual desire" in out and "shame" not in out, (out, err)


def test_a_recalled_provision_is_not_exported_as_akoma_ntoso_and_says_what_to_do(
        capsys: pytest.CaptureFixture[str]) -> None:
    """France's art. 226-2, recalled, has no text to give: Akoma Ntoso carries a statute's own words, so the export
    stops with a located E405 whose hint says a recalled provision renders as a summary in the other formats."""
    draft = str(Path(__file__).resolve().parents[1] / "drafts" / "fr" / "in-force" / "226-2-recalled.lexd")
    code, out, err = run(capsys, "render", draft, "--format", "akn")
    assert code == 2 and out == "" and "error[E405]: fr.code-penal.226-2.1 is in force but its draft quotes no text" \
        in err, err
    assert "a provision known only from recollection or a summary has none to give, so render it as text" in err, err
    code, out, _ = run(capsys, "render", draft)
    assert code == 0 and out, out
