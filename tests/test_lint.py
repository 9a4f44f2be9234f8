"""The semantic rules, word for word: each small draft's diagnostics as the CLI renders them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from lexdraft.diagnostics import format_diagnostic
from lexdraft.language.ast import DraftFile
from lexdraft.language.lint import RULES, lint
from lexdraft.language.parse import parse_file, parse_text
from lexdraft.pipeline import draft_paths, known_articles, load

HEAD = """\
provision prc.criminal-law.253-2 {
  jurisdiction prc
  status       proposed
  title        zh "罪"
               en "Offence"
"""  # lines 1-5; the body of `provision(...)` starts at line 6


def provision(body: str) -> str:
    """A valid provision head with `body` as its fields."""
    return HEAD + textwrap.indent(textwrap.dedent(body), "  ") + "}\n"


BASE = """\
conduct produce
penalty
  base imprisonment <= 3 years
"""


@pytest.fixture(scope="module")
def specs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A conformance folder with specs for Art. 14 and Art. 16, independent of the one being written."""
    folder = tmp_path_factory.mktemp("conformance")
    for name in ("uncc-14.yaml", "uncc-16.yaml", "README.md"):
        (folder / name).write_text("")
    return folder


# HEAD is a proposal that implements no treaty article, and the small drafts quote statute text without a source:
# the W201 and W203 that gives are tested on their own, and left out of the other tests' output.
IGNORED = ("W201", "W203")


def check(specs: Path, *files: tuple[str, str], ignore: tuple[str, ...] = IGNORED) -> str:
    """Lint (path, text) files together; every diagnostic but the ignored ones rendered with its source line."""
    sources = dict(files)
    drafts = [parse_text(text, path) for path, text in files]
    return "\n".join(format_diagnostic(d, sources) for d in lint(drafts, articles=known_articles(specs))
                     if d.code not in ignore)


def check_one(specs: Path, text: str, ignore: tuple[str, ...] = IGNORED) -> str:
    return check(specs, ("t.lexd", text), ignore=ignore)


def test_a_sound_provision_is_clean(specs: Path) -> None:
    assert check_one(specs, provision(BASE)) == ""


# E201 -------------------------------------------------------------------------------------------
def test_e201_unknown_conduct_suggests_the_close_term(specs: Path) -> None:
    assert check_one(specs, provision(BASE.replace("produce", "distribte, produce"))) == """\
t.lexd:6:11: error[E201]: unknown conduct `distribte`
   6 |   conduct distribte, produce
     |           ^^^^^^^^^
  = hint: did you mean `distribute` or `disseminate`?"""


def test_e201_without_a_close_term_lists_the_allowed_ones(specs: Path) -> None:
    # a jurisdiction is a pack's: the hint says how a pack is given, not that the vocabulary lists it
    assert check_one(specs, provision(BASE).replace("jurisdiction prc", "jurisdiction hk")) == """\
t.lexd:2:16: error[E201]: unknown jurisdiction `hk`
   2 |   jurisdiction hk
     |                ^^
  = hint: the packs in use have `br`, `fr`, `ie`, `in`, `nz`, `ph` and 4 more; a jurisdiction of your own is a \
pack, given with `--pack DIR` or named in the drafts' lexdraft.toml (`packs = ["…"]`)"""


def test_e201_names_sections_in_plain_words(specs: Path) -> None:
    text = provision(BASE + "protects privcy\nmental intent\npurpose proft\n")
    assert check_one(specs, text) == """\
t.lexd:9:12: error[E201]: unknown protected interest `privcy`
   9 |   protects privcy
     |            ^^^^^^
  = hint: did you mean `privacy`?
t.lexd:11:11: error[E201]: unknown purpose `proft`
  11 |   purpose proft
     |           ^^^^^
  = hint: did you mean `profit`?"""


def test_e201_an_unknown_wrongfulness_value_is_located(specs: Path) -> None:
    assert check_one(specs, provision(BASE + "wrongfulness unlawfuly\n")) == """\
t.lexd:9:16: error[E201]: unknown `wrongfulness` value `unlawfuly`
   9 |   wrongfulness unlawfuly
     |                ^^^^^^^^^
  = hint: did you mean `unlawfully`?"""
    assert check_one(specs, provision(BASE + "wrongfulness unlawfully\n")) == ""


def test_e201_object_attributes_and_their_values(specs: Path) -> None:
    text = provision(BASE + """\
object intimate-image {
  origin fake
  orign real
}
""")
    # The value of an unknown attribute is not reported again.
    assert check_one(specs, text) == """\
t.lexd:10:12: error[E201]: unknown `origin` value `fake`
  10 |     origin fake
     |            ^^^^
  = hint: choose from `real`, `synthetic` (`lexdraft terms object-attributes.origin` lists each with its meaning)
t.lexd:11:5: error[E201]: unknown object attribute `orign`
  11 |     orign real
     |     ^^^^^
  = hint: did you mean `origin`?"""


def test_e201_in_thresholds_and_penalties(specs: Path) -> None:
    text = provision("""\
conduct produce
tier serious requires profit-or-sell when any {
  veiws >= 1000 views
}
penalty
  base imprisonment <= 3 years
  serious imprisonment 3..7 years; fine optinal
""")
    assert check_one(specs, text) == """\
t.lexd:7:25: error[E201]: unknown circumstance `profit-or-sell`
   7 |   tier serious requires profit-or-sell when any {
     |                         ^^^^^^^^^^^^^^
  = hint: did you mean `profit-or-sale`?
t.lexd:8:5: error[E201]: unknown measure `veiws`
   8 |     veiws >= 1000 views
     |     ^^^^^
  = hint: did you mean `views`?
t.lexd:12:43: error[E201]: unknown fine mode `optinal`
  12 |     serious imprisonment 3..7 years; fine optinal
     |                                           ^^^^^^^
  = hint: did you mean `optional`?"""


# E202 -------------------------------------------------------------------------------------------
def test_e202_threshold_without_a_unit_read_as_on(specs: Path) -> None:
    text = provision("""\
conduct produce
tier serious requires serious-circumstances when any {
  views >= 1000 on public-platform
}
penalty
  base imprisonment <= 3 years
  serious imprisonment 3..7 years
""")
    # `public-platform`, parsed as a circumstance after the misread unit, is not reported again.
    assert check_one(specs, text) == """\
t.lexd:8:5: error[E202]: threshold without a unit
   8 |     views >= 1000 on public-platform
     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: write the unit after the number: `views >= 1000 views on public-platform`"""


def test_e202_unit_of_another_measure_and_no_unit_at_all(specs: Path) -> None:
    text = provision("""\
conduct produce
tier serious requires serious-circumstances when all {
  disseminated-to >= 50 views via private-group
  clicks >= 5000 clik
}
penalty
  base imprisonment <= 3 years
  serious imprisonment 3..7 years
""")
    assert check_one(specs, text) == """\
t.lexd:8:27: error[E202]: `disseminated-to` is counted in persons, not views
   8 |     disseminated-to >= 50 views via private-group
     |                           ^^^^^
  = hint: write `disseminated-to >= 50 persons via private-group`
t.lexd:9:20: error[E202]: `clik` is not a unit
   9 |     clicks >= 5000 clik
     |                    ^^^^
  = hint: did you mean `clicks`?"""


def test_e202_in_an_interpretation(specs: Path) -> None:
    tiered = provision("""\
conduct produce
tier serious requires serious-circumstances
penalty
  base imprisonment <= 3 years
  serious imprisonment 3..7 years
""")
    ji = """\
interpretation prc.spc.dfii {
  issuer       supreme-peoples-court
  title        zh "解释" en "Interpretation"
  interprets   prc.criminal-law.253-2
  article 1 tier serious of prc.criminal-law.253-2 when any {
    views >= 1000 via private-group
  }
}
"""
    assert check(specs, ("a.lexd", tiered), ("b.lexd", ji)) == """\
b.lexd:6:5: error[E202]: threshold without a unit
   6 |     views >= 1000 via private-group
     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: write the unit after the number: `views >= 1000 views via private-group`"""


# E203 -------------------------------------------------------------------------------------------
def tiers(*lines: str, declared: str = "serious") -> str:
    body = "conduct produce\n" + "".join(f"tier {t}\n" for t in declared.split()) + "penalty\n"
    return provision(body + "".join(f"  {line}\n" for line in lines))


def test_e203_lower_maximum_in_a_higher_tier(specs: Path) -> None:
    text = tiers("base imprisonment <= 5 years", "serious imprisonment <= 3 years")
    assert check_one(specs, text) == """\
t.lexd:10:5: error[E203]: the `serious` tier's heaviest penalty (`imprisonment <= 3 years`) is lighter than \
the `base` tier's (`imprisonment <= 5 years`)
  10 |     serious imprisonment <= 3 years
     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: penalties must not fall as the circumstances grow more serious: base, then serious or aggravated, \
then especially-serious"""


def test_e203_lower_minimum_in_a_higher_tier(specs: Path) -> None:
    text = tiers("base imprisonment <= 3 years | criminal-detention", "serious imprisonment 3..10 years",
                 "especially-serious imprisonment 1..15 years", declared="serious especially-serious")
    assert check_one(specs, text) == """\
t.lexd:12:5: error[E203]: the `especially-serious` tier's lightest penalty (`imprisonment 1..15 years`) is \
lighter than the `serious` tier's (`imprisonment 3..10 years`)
  12 |     especially-serious imprisonment 1..15 years
     |     ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: penalties must not fall as the circumstances grow more serious: base, then serious or aggravated, \
then especially-serious"""


def test_e203_life_imprisonment_beats_any_term(specs: Path) -> None:
    text = tiers("base life-imprisonment", "aggravated imprisonment >= 10 years", declared="aggravated")
    assert check_one(specs, text).splitlines()[0] == (
        "t.lexd:10:5: error[E203]: the `aggravated` tier's heaviest penalty (`imprisonment >= 10 years`) is "
        "lighter than the `base` tier's (`life-imprisonment`)")


def test_e203_imprisonment_beats_detention(specs: Path) -> None:
    text = tiers("base imprisonment <= 2 years", "serious criminal-detention | public-surveillance")
    assert check_one(specs, text).splitlines()[0] == (
        "t.lexd:10:5: error[E203]: the `serious` tier's heaviest penalty (`criminal-detention`) is "
        "lighter than the `base` tier's (`imprisonment <= 2 years`)")


def test_e203_detention_beats_surveillance_and_fine(specs: Path) -> None:
    text = tiers("base criminal-detention; fine optional", "serious public-surveillance | fine")
    assert check_one(specs, text).splitlines()[0] == (
        "t.lexd:10:5: error[E203]: the `serious` tier's heaviest penalty (`public-surveillance`) is "
        "lighter than the `base` tier's (`criminal-detention`)")


def test_e203_art_363_ladder_is_in_order(specs: Path) -> None:
    text = tiers("base imprisonment <= 3 years | criminal-detention | public-surveillance; fine mandatory",
                 "serious imprisonment 3..10 years; fine mandatory",
                 "especially-serious imprisonment >= 10 years | life-imprisonment; fine mandatory",
                 declared="serious especially-serious")
    assert check_one(specs, text) == ""


def test_e203_counts_months_and_years_alike(specs: Path) -> None:
    assert check_one(specs, tiers("base imprisonment <= 18 months", "serious imprisonment 6 months..2 years")) == ""
    assert "E203" in check_one(specs, tiers("base imprisonment <= 2 years", "serious imprisonment <= 18 months"))


def test_e203_compares_with_the_nearest_lower_tier(specs: Path) -> None:
    # Heavier than base at both ends, but its minimum falls below the serious tier's.
    text = tiers("base imprisonment <= 3 years", "serious imprisonment 3..10 years",
                 "especially-serious imprisonment 2..12 years", declared="serious especially-serious")
    assert [line for line in check_one(specs, text).splitlines() if "error[" in line] == [
        ("t.lexd:12:5: error[E203]: the `especially-serious` tier's lightest penalty (`imprisonment 2..12 years`) is "
        "lighter than the `serious` tier's (`imprisonment 3..10 years`)")]


def test_e203_leaves_an_increase_uncompared(specs: Path) -> None:
    text = tiers("base imprisonment <= 3 years", "aggravated increase up-to 1/2", declared="aggravated")
    assert check_one(specs, text) == ""


# E204 -------------------------------------------------------------------------------------------
def test_e204_range_from_high_to_low_is_not_compared_further(specs: Path) -> None:
    text = tiers("base imprisonment 7..3 years", "serious imprisonment <= 2 years")
    assert check_one(specs, text) == """\
t.lexd:9:10: error[E204]: the range `imprisonment 7..3 years` runs from high to low
   9 |     base imprisonment 7..3 years
     |          ^^^^^^^^^^^^^^^^^^^^^^^
  = hint: write the lower end first: `imprisonment 3..7 years`"""


def test_e204_unit_of_time_and_life_term(specs: Path) -> None:
    text = tiers("base imprisonment <= 3 years",
                 "serious imprisonment 6 months..2 weeks | life-imprisonment <= 20 years")
    assert check_one(specs, text) == """\
t.lexd:10:38: error[E204]: `weeks` is not a unit of a term of punishment
  10 |     serious imprisonment 6 months..2 weeks | life-imprisonment <= 20 years
     |                                      ^^^^^
  = hint: count terms in years or months
t.lexd:10:46: error[E204]: life imprisonment has no term
  10 |     serious imprisonment 6 months..2 weeks | life-imprisonment <= 20 years
     |                                              ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: write `life-imprisonment` alone"""


def test_e204_shared_unit_is_reported_once(specs: Path) -> None:
    text = tiers("base imprisonment <= 3 years", "serious imprisonment 3..7 yrs")
    assert [line for line in check_one(specs, text).splitlines() if "error[" in line] == [
        "t.lexd:10:31: error[E204]: `yrs` is not a unit of a term of punishment"]


# E205, E206 ---------------------------------------------------------------------------------------
def test_e205_duplicate_id_across_files_points_to_the_first(specs: Path) -> None:
    assert check(specs, ("a.lexd", provision(BASE)), ("b.lexd", "\n" + provision(BASE))) == """\
b.lexd:2:11: error[E205]: provision id `prc.criminal-law.253-2` is already used
   2 | provision prc.criminal-law.253-2 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: it is first used at a.lexd:1; give this provision its own id"""


def test_e205_interpretation_sharing_a_provision_id(specs: Path) -> None:
    ji = ("interpretation prc.criminal-law.253-2 {\n  issuer supreme-peoples-court\n  title zh \"解释\" en \"I\"\n"
          "  interprets prc.criminal-law.253-2\n  article 1 evidence ai-synthesis by expert-opinion\n}\n")
    assert check(specs, ("a.lexd", provision(BASE)), ("b.lexd", ji)).splitlines()[0] == (
        "b.lexd:1:16: error[E205]: interpretation id `prc.criminal-law.253-2` is already used")


JI = """\
interpretation prc.spc.dfii {
  issuer       supreme-peoples-court
  title        zh "解释" en "Interpretation"
  interprets   INTERPRETS
  article 1 tier serious of TIER_OF when any {
    views >= 1000 views on public-platform
  }
}
"""


def interpretation(interprets: str, tier_of: str) -> str:
    return JI.replace("INTERPRETS", interprets).replace("TIER_OF", tier_of)


TIERED = provision("""\
conduct produce
tier serious requires serious-circumstances
penalty
  base imprisonment <= 3 years
  serious imprisonment 3..7 years
""")


def test_e206_interpreting_a_provision_not_in_the_set(specs: Path) -> None:
    ji = interpretation("prc.criminal-law.253-3, prc.criminal-law.999", "prc.criminal-law.253-2")
    assert check(specs, ("a.lexd", TIERED), ("b.lexd", ji)) == """\
b.lexd:4:16: error[E206]: no provision `prc.criminal-law.253-3` among the drafts
   4 |   interprets   prc.criminal-law.253-3, prc.criminal-law.999
     |                ^^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `prc.criminal-law.253-2`?
  = hint: the provision must be among the files checked together
b.lexd:4:40: error[E206]: no provision `prc.criminal-law.999` among the drafts
   4 |   interprets   prc.criminal-law.253-3, prc.criminal-law.999
     |                                        ^^^^^^^^^^^^^^^^^^^^
  = hint: the provision must be among the files checked together"""


def test_e206_tier_article_of_a_provision_not_in_the_set(specs: Path) -> None:
    ji = interpretation("prc.criminal-law.253-2", "prc.criminal-law.253-1")
    assert check(specs, ("a.lexd", TIERED), ("b.lexd", ji)) == """\
b.lexd:5:29: error[E206]: no provision `prc.criminal-law.253-1` among the drafts
   5 |   article 1 tier serious of prc.criminal-law.253-1 when any {
     |                             ^^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `prc.criminal-law.253-2`?
  = hint: the provision must be among the files checked together"""


def test_e206_an_interpretation_checked_alone(specs: Path) -> None:
    ji = interpretation("prc.criminal-law.253-2", "prc.criminal-law.253-2")
    assert [line for line in check(specs, ("b.lexd", ji)).splitlines() if "error[" in line] == [
        "b.lexd:4:16: error[E206]: no provision `prc.criminal-law.253-2` among the drafts",
        "b.lexd:5:29: error[E206]: no provision `prc.criminal-law.253-2` among the drafts",
    ]


def test_e206_financing_an_offence_not_in_the_set(specs: Path) -> None:
    """`finances` names offences of the set: the financing article reaches only as far as they do, so one it cannot
    find is an error, located at the id."""
    financing = provision("""\
conduct finance
finances prc.criminal-law.253-2, prc.criminal-law.364-9
text zh "资助他人实施本法第二百五十三条之二规定之罪的，依照该条的规定处罚。" en "Whoever finances it is punished so."
""").replace("prc.criminal-law.253-2 {", "prc.criminal-law.364-2 {", 1)
    out = check(specs, ("a.lexd", TIERED), ("b.lexd", financing))
    assert [line for line in out.splitlines() if "error[" in line] == [
        "b.lexd:7:36: error[E206]: no provision `prc.criminal-law.364-9` among the drafts"]


# E223 ---------------------------------------------------------------------------------------------
def test_e223_a_virtual_test_names_its_conditions_beside_its_scope(specs: Path) -> None:
    """`existing-persons-exempt` says where the test applies, so the test names the conditions, all required."""
    def with_test(test: str) -> str:
        return provision(f"conduct possess\nobject csam {{\n  origin real | synthetic\n  virtual-test {test}\n}}\n"
                         "penalty\n  base imprisonment <= 3 years\n")

    assert check(specs, ("a.lexd", with_test("high-verisimilitude, existing-persons-exempt"))) == ""
    alone = check(specs, ("a.lexd", with_test("existing-persons-exempt")))
    assert alone.splitlines()[0] == ("a.lexd:9:5: error[E223]: the virtual test says where it applies but names no "
                                     "condition")
    either = check(specs, ("a.lexd", with_test("high-verisimilitude | existing-persons-exempt")))
    assert either.splitlines()[0] == ("a.lexd:9:5: error[E223]: the virtual test's conditions and its scope are joined "
                                      "by `|`")


# E207 ---------------------------------------------------------------------------------------------
def test_e207_tiers_and_penalty_lines_match(specs: Path) -> None:
    text = provision("""\
conduct produce
tier serious requires serious-circumstances
tier especially-serious
tier serious
penalty
  base imprisonment <= 3 years
  base criminal-detention
  especially-serious imprisonment >= 10 years
  aggravated imprisonment <= 7 years
""")
    assert check_one(specs, text) == """\
t.lexd:7:8: error[E207]: the `serious` tier has no penalty line
   7 |   tier serious requires serious-circumstances
     |        ^^^^^^^
  = hint: add `serious …` under `penalty`
t.lexd:9:8: error[E207]: tier `serious` is declared twice
   9 |   tier serious
     |        ^^^^^^^
  = hint: merge it with the `tier serious` at line 7
t.lexd:12:5: error[E207]: two penalty lines for the `base` tier
  12 |     base criminal-detention
     |     ^^^^
  = hint: the first is at line 11; give each tier one line
t.lexd:14:5: error[E207]: a penalty for the `aggravated` tier, which the provision does not declare
  14 |     aggravated imprisonment <= 7 years
     |     ^^^^^^^^^^
  = hint: declare it, e.g. `tier aggravated requires …`, or remove this line"""


def test_e207_a_tier_binds_only_acts_its_provision_names_and_only_the_base_can(specs: Path) -> None:
    """`for` binds the base offence's condition to some of its acts (a limb's qualifier): an act the conduct does not
    name binds nothing, and a higher tier's circumstances aggravate every act."""
    text = provision("""\
conduct view, possess
tier base requires habitual-or-paid for view, acquire
tier serious requires commercial-or-organised for possess
penalty
  base imprisonment <= 3 years
  serious imprisonment <= 7 years
""")
    assert check_one(specs, text) == """\
t.lexd:7:49: error[E207]: `for acquire`: the provision's conduct does not name it
   7 |   tier base requires habitual-or-paid for view, acquire
     |                                                 ^^^^^^^
  = hint: name one of its acts: possess, view
t.lexd:8:53: error[E207]: the `serious` tier is bound to acts; only the base tier can be
   8 |   tier serious requires commercial-or-organised for possess
     |                                                     ^^^^^^^
  = hint: a qualifier of some acts only belongs to `tier base requires … for …`"""
    assert check_one(specs, provision("conduct view, possess\ntier base requires habitual-or-paid for view\n"
                                      "penalty\n  base imprisonment <= 3 years\n")) == ""


def test_e207_base_needs_no_declaration_but_may_have_one(specs: Path) -> None:
    assert check_one(specs, provision(BASE)) == ""
    assert check_one(specs, provision(BASE + "tier base when any {\n  videos >= 20 items\n}\n")) == ""


# E208-E210 ---------------------------------------------------------------------------------------
def test_e208_degree_of_another_state_of_mind(specs: Path) -> None:
    assert check_one(specs, provision("mental knowledge direct\n" + BASE)) == """\
t.lexd:6:20: error[E208]: `direct` is a degree of intent, not of knowledge
   6 |   mental knowledge direct
     |                    ^^^^^^
  = hint: knowledge takes `actual` or `presumed`"""


def test_e208_state_of_mind_without_degrees(specs: Path) -> None:
    assert check_one(specs, provision("mental negligence actual\n" + BASE)) == """\
t.lexd:6:21: error[E208]: `actual` is a degree of knowledge, not of negligence
   6 |   mental negligence actual
     |                     ^^^^^^
  = hint: negligence takes no degree; write `mental negligence`"""


def test_e209_presumption_without_rebuttal(specs: Path) -> None:
    assert check_one(specs, provision("mental knowledge presumed\n" + BASE)) == """\
t.lexd:6:3: error[E209]: presumed knowledge without a rebuttal
   6 |   mental knowledge presumed
     |   ^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: the culpability principle requires a way to rebut the presumption: add `rebuttable zh "…" en "…"` \
saying what rebuts it"""


def test_e209_rebuttal_of_what_is_not_presumed(specs: Path) -> None:
    text = provision('mental intent direct rebuttable zh "有相反证据的除外" en "unless proved otherwise"\n' + BASE)
    assert check_one(specs, text) == """\
t.lexd:6:35: error[E209]: only a presumed state of mind can be rebuttable
   6 |   mental intent direct rebuttable zh "有相反证据的除外" en "unless proved otherwise"
     |                                   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: write `mental intent presumed rebuttable …`, or drop the rebuttal"""


def test_e209_rebuttable_presumption_is_clean(specs: Path) -> None:
    text = provision('mental knowledge presumed rebuttable zh "有相反证据的除外" en "unless proved otherwise"\n' + BASE)
    assert check_one(specs, text) == ""


def test_e210_omission_without_duty(specs: Path) -> None:
    text = provision(BASE.replace("produce", "fail-to-perform-duty"))
    assert check_one(specs, text) == """\
t.lexd:6:11: error[E210]: `fail-to-perform-duty` without a `duty`
   6 |   conduct fail-to-perform-duty
     |           ^^^^^^^^^^^^^^^^^^^^
  = hint: an omission is punishable only for breach of a legal duty: add `duty NAME under SOURCE`"""
    with_duty = text.replace("  penalty", "  duty information-network-security-management\n  penalty")
    assert check_one(specs, with_duty) == """\
t.lexd:7:3: error[E210]: the duty `information-network-security-management` has no source
   7 |   duty information-network-security-management
     |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: an omission is punishable only for breach of a duty the law lays down: add `under SOURCE` (e.g. \
laws-and-administrative-regulations) or `breaching` the obligation it fails"""
    sourced = with_duty.replace("management\n", "management under laws-and-administrative-regulations\n")
    assert check_one(specs, sourced) == ""


# E211 ---------------------------------------------------------------------------------------------
def test_e211_provision_missing_fields(specs: Path) -> None:
    assert check_one(specs, "provision prc.criminal-law.253-2 {\n  conduct produce\n}\n") == """\
t.lexd:1:11: error[E211]: provision `prc.criminal-law.253-2` has `conduct` but no `penalty`
   1 | provision prc.criminal-law.253-2 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: a provision either quotes its statute in `text` or states its offence with `conduct` and `penalty`
t.lexd:1:11: error[E211]: provision `prc.criminal-law.253-2` has no `jurisdiction`, `status` or `title`
   1 | provision prc.criminal-law.253-2 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: add them inside the provision's braces"""


def test_e211_provision_stating_no_offence(specs: Path) -> None:
    assert check_one(specs, provision("")) == """\
t.lexd:1:11: error[E211]: provision `prc.criminal-law.253-2` states no offence: it has no `text` and no \
`conduct` or `penalty`
   1 | provision prc.criminal-law.253-2 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: a provision either quotes its statute in `text` or states its offence with `conduct` and `penalty`"""


def test_e211_text_alone_states_the_offence(specs: Path) -> None:
    assert check_one(specs, provision('text zh "第一条" en "Article 1"\n')) == ""


def test_e211_taiwan_title_needs_traditional_chinese_and_english(specs: Path) -> None:
    text = """\
provision tw.criminal-code.319-4 {
  jurisdiction tw
  status       in-force
  title        zh "不实性影像罪"
  text         zh-hant "第 319-4 條"
}
"""
    assert check_one(specs, text) == """\
t.lexd:4:16: error[E211]: the title has no English (`en`) text
   4 |   title        zh "不实性影像罪"
     |                ^^^^^^^^^^^^^^^^^
  = hint: add `en "…"` on its own line below the title
t.lexd:4:16: error[E211]: the title has no Traditional Chinese (`zh-hant`) text
   4 |   title        zh "不实性影像罪"
     |                ^^^^^^^^^^^^^^^^^
  = hint: add `zh-hant "…"` on its own line below the title"""


def test_e211_interpretation_missing_fields(specs: Path) -> None:
    text = 'interpretation prc.spc.dfii {\n  jurisdiction prc\n  preamble zh "为依法惩治" en "to punish"\n}\n'
    assert check_one(specs, text) == """\
t.lexd:1:16: error[E211]: interpretation `prc.spc.dfii` has no `issuer`, `interprets`, `title` or `article`
   1 | interpretation prc.spc.dfii {
     |                ^^^^^^^^^^^^
  = hint: add them inside the interpretation's braces"""


# E212 ---------------------------------------------------------------------------------------------
def test_e212_treaty_article_without_a_spec(specs: Path) -> None:
    text = provision("implements uncc.16.1, uncc.14, uncc.15\n" + BASE)
    assert check_one(specs, text) == """\
t.lexd:6:34: error[E212]: no conformance spec for treaty article `uncc.15`
   6 |   implements uncc.16.1, uncc.14, uncc.15
     |                                  ^^^^^^^
  = hint: specs exist for `uncc.14`, `uncc.16`; an article is checked only when conformance/ holds its spec"""


def test_e212_a_paragraph_needs_its_whole_article_number(specs: Path) -> None:
    # uncc.1 is not a prefix of uncc.16: the match is on whole parts of the id.
    text = provision("implements uncc.1, uncc.160\n" + BASE)
    assert [line for line in check_one(specs, text).splitlines() if "error[" in line] == [
        "t.lexd:6:14: error[E212]: no conformance spec for treaty article `uncc.1`",
        "t.lexd:6:22: error[E212]: no conformance spec for treaty article `uncc.160`",
    ]


def test_known_articles_come_from_spec_file_names(specs: Path) -> None:
    assert known_articles(specs) == ["uncc.14", "uncc.16"]


def test_known_articles_default_to_the_shipped_conformance_folder() -> None:
    assert {"uncc.14", "uncc.16"} <= set(known_articles())


# E213-E216 ---------------------------------------------------------------------------------------
def test_e213_fine_cap_without_a_currency(specs: Path) -> None:
    text = provision(BASE.replace("3 years", "3 years; fine optional <= 50000 yaun"))
    assert check_one(specs, text) == """\
t.lexd:8:58: error[E213]: fine cap without a currency: `yaun` is not a unit
   8 |     base imprisonment <= 3 years; fine optional <= 50000 yaun
     |                                                          ^^^^
  = hint: did you mean `yuan`?"""


def test_e214_interpretation_articles_numbered_in_order(specs: Path) -> None:
    ji = """\
interpretation prc.spc.dfii {
  issuer       supreme-peoples-court
  title        zh "解释" en "Interpretation"
  interprets   prc.criminal-law.253-2
  article 1 evidence ai-synthesis by expert-opinion
  article 3 evidence ai-synthesis by witness-testimony
  article 4 evidence ai-synthesis by contextual-evidence
}
"""
    assert check(specs, ("a.lexd", TIERED), ("b.lexd", ji)) == """\
b.lexd:6:3: error[E214]: article 3 should be article 2
   6 |   article 3 evidence ai-synthesis by witness-testimony
     |   ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: number the articles 1, 2, 3, … in the order they appear"""


def test_e215_tier_article_for_a_tier_the_provision_lacks(specs: Path) -> None:
    ji = interpretation("prc.criminal-law.253-2", "prc.criminal-law.253-2")
    assert check(specs, ("a.lexd", provision(BASE)), ("b.lexd", ji)) == """\
b.lexd:5:18: error[E215]: `prc.criminal-law.253-2` declares no `serious` tier
   5 |   article 1 tier serious of prc.criminal-law.253-2 when any {
     |                  ^^^^^^^
  = hint: add `tier serious requires …` to the provision"""


def test_e216_repeated_terms(specs: Path) -> None:
    text = provision("""\
protects privacy; secondary privacy
conduct produce, distribute, produce
object intimate-image {
  origin real | real
  origin synthetic
}
penalty
  base imprisonment <= 3 years
""")
    assert check_one(specs, text) == """\
t.lexd:6:31: error[E216]: `privacy` is listed twice in `protects`
   6 |   protects privacy; secondary privacy
     |                               ^^^^^^^
  = hint: remove the repetition
t.lexd:7:32: error[E216]: `produce` is listed twice in `conduct`
   7 |   conduct produce, distribute, produce
     |                                ^^^^^^^
  = hint: remove the repetition
t.lexd:9:19: error[E216]: `real` is listed twice in `origin`
   9 |     origin real | real
     |                   ^^^^
  = hint: remove the repetition
t.lexd:10:5: error[E216]: attribute `origin` is given twice in the object
  10 |     origin synthetic
     |     ^^^^^^
  = hint: merge it with line 9: join the values with | (any one) or , (all of them)"""


# the pass as a whole ----------------------------------------------------------------------------------
def test_all_problems_are_gathered_and_sorted_by_file_line_column_code(specs: Path) -> None:
    bad = provision("""\
mental knowledge presumed
conduct distribte, fail-to-perform-duty
penalty
  base imprisonment 7..3 yrs
""")
    other = provision("conduct produce\n").replace("253-2", "253-1")
    found = lint([parse_text(bad, "b.lexd"), parse_text(other, "a.lexd")],
                 articles=known_articles(specs))
    assert [(d.span.file, d.span.line, d.span.column, d.code) for d in found if d.span and d.code not in IGNORED] == [
        ("a.lexd", 1, 11, "E211"),
        ("b.lexd", 6, 3, "E209"),
        ("b.lexd", 7, 11, "E201"),
        ("b.lexd", 7, 22, "E210"),
        ("b.lexd", 9, 28, "E204"),
    ]
    assert len(found) == 5 + 2  # and each file's W201


def test_output_is_the_same_whatever_the_order_of_files(specs: Path) -> None:
    a = parse_text(provision(BASE), "a.lexd")
    b = parse_text("\n" + provision("conduct produce, produce\n"), "b.lexd")
    assert lint([a, b], articles=known_articles(specs)) == lint([b, a], articles=known_articles(specs))


def test_every_rule_has_a_docstring_naming_its_codes() -> None:
    for rule in RULES:
        assert rule.__doc__ and rule.__doc__.startswith(("E2", "W2")), rule.__name__


def test_the_drafts_lint_together_with_located_diagnostics() -> None:
    paths = draft_paths([str(Path(__file__).resolve().parent.parent / "drafts")])
    drafts: list[DraftFile] = [parse_file(p) for p in paths]
    for d in lint(drafts):
        assert d.span is not None and d.span.file in paths, d


# Platform liability: obligations, presumption articles, E217, E218 -----------------------------------------
OBLIGATION = """\
obligation prc.deep-synthesis-provisions.17-1 {
  jurisdiction prc
  status       proposed
  title        zh "义务" en "Obligation"
  holder       network-service-provider
  duty         tiered-deepfake-compliance
  tier         base measures illegal-content-handling
  tier         enhanced for large-leading-platform measures risk-warning-team
  sanction     fine 10000..100000 yuan
}
"""

OMISSION = """\
actors  network-service-provider, unit
conduct fail-to-perform-duty
duty    reasonable-care under laws-regulations-and-state-provisions breaching prc.deep-synthesis-provisions.17-1
penalty
  base imprisonment <= 3 years
"""


def test_an_omission_citing_an_obligation_is_clean(specs: Path) -> None:
    assert check(specs, ("o.lexd", OBLIGATION), ("t.lexd", provision(OMISSION))) == ""


def test_e210_a_duty_cited_only_by_the_obligation_it_breaches_has_a_source(specs: Path) -> None:
    text = provision(OMISSION.replace(" under laws-regulations-and-state-provisions", ""))
    assert check(specs, ("o.lexd", OBLIGATION), ("t.lexd", text)) == ""


def test_e217_breached_obligation_must_be_among_the_drafts(specs: Path) -> None:
    text = provision(OMISSION.replace("17-1", "17-2"))
    assert check(specs, ("o.lexd", OBLIGATION), ("t.lexd", text)) == """\
t.lexd:8:81: error[E217]: no obligation `prc.deep-synthesis-provisions.17-2` among the drafts
   8 |   duty    reasonable-care under laws-regulations-and-state-provisions breaching \
prc.deep-synthesis-provisions.17-2
     |                                                                                 \
^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `prc.deep-synthesis-provisions.17-1`?
  = hint: the obligation must be among the files checked together: `check` its file too, or give its folder with \
`--with` (check, render and parse read it as context)"""


def test_e217_a_provision_is_not_an_obligation(specs: Path) -> None:
    text = provision(OMISSION.replace("prc.deep-synthesis-provisions.17-1", "prc.criminal-law.253-2"))
    out = check(specs, ("t.lexd", text))
    assert "error[E217]: no obligation `prc.criminal-law.253-2` among the drafts" in out
    assert "`prc.criminal-law.253-2` is a provision; `breaching` names the administrative obligation" in out


def test_e218_a_tier_for_some_platform_classes_names_them(specs: Path) -> None:
    text = OBLIGATION.replace("enhanced for large-leading-platform measures", "enhanced measures")
    assert check(specs, ("o.lexd", text)) == """\
o.lexd:8:16: error[E218]: the `enhanced` tier applies only to some platform classes but names none
   8 |   tier         enhanced measures risk-warning-team
     |                ^^^^^^^^
  = hint: name them: `tier enhanced for CLASS, … measures …`; classes are `general-social-or-video-platform`, \
`synthesis-app`, `large-leading-platform`, `small-or-medium-platform`"""


def test_e218_a_tier_for_every_holder_names_no_class(specs: Path) -> None:
    text = OBLIGATION.replace("base measures", "base for synthesis-app measures")
    assert check(specs, ("o.lexd", text)) == """\
o.lexd:7:25: error[E218]: the `base` tier binds every holder, so it names no platform class
   7 |   tier         base for synthesis-app measures illegal-content-handling
     |                         ^^^^^^^^^^^^^
  = hint: drop `for …`, or use a tier for some classes such as `enhanced` or `reduced`"""


def test_e211_obligation_needs_its_holder_and_duty(specs: Path) -> None:
    text = OBLIGATION.replace("  holder       network-service-provider\n", "").replace(
        "  duty         tiered-deepfake-compliance\n", "")
    assert "error[E211]: obligation `prc.deep-synthesis-provisions.17-1` has no `holder` or `duty`" in \
        check(specs, ("o.lexd", text))


def test_e213_fine_range_runs_from_low_to_high_in_a_currency(specs: Path) -> None:
    out = check(specs, ("o.lexd", OBLIGATION.replace("10000..100000 yuan", "100000..10000 yaun")))
    assert "o.lexd:9:3: error[E213]: the fine range 100000..10000 runs from high to low" in out
    assert "o.lexd:9:35: error[E213]: fine range without a currency: `yaun` is not a unit" in out
    assert "did you mean `yuan`?" in out


PRESUMING = """\
interpretation prc.spc.x {
  jurisdiction prc
  status       proposed
  issuer       supreme-peoples-court
  title        zh "解释" en "Interpretation"
  interprets   prc.criminal-law.253-2
  article 1 presumes knowledge of prc.criminal-law.253-2 when any {
    overt-fraudulent-inducement
  }
}
"""


KNOWING = provision('mental knowledge presumed rebuttable zh "有相反证据的除外" en "unless proved otherwise"\n' + BASE)


def test_e209_a_presumption_article_without_a_rebuttal(specs: Path) -> None:
    assert check(specs, ("t.lexd", KNOWING), ("i.lexd", PRESUMING)) == """\
i.lexd:7:22: error[E209]: article 1 presumes knowledge without a rebuttal
   7 |   article 1 presumes knowledge of prc.criminal-law.253-2 when any {
     |                      ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^
  = hint: the culpability principle requires a way to rebut the presumption: add `rebuttable zh "…" en "…"` after \
the condition, saying what rebuts it"""
    rebutted = PRESUMING.replace("  }\n}", '  } rebuttable zh "有相反证据的除外" en "unless proved otherwise"\n}')
    assert check(specs, ("t.lexd", KNOWING), ("i.lexd", rebutted)) == ""


def test_e209_a_presumption_article_presumes_what_its_provision_requires(specs: Path) -> None:
    rebutted = PRESUMING.replace("  }\n}", '  } rebuttable zh "有相反证据的除外" en "unless proved otherwise"\n}')
    assert check(specs, ("t.lexd", provision("mental intent\n" + BASE)), ("i.lexd", rebutted)) == """\
i.lexd:7:22: error[E209]: article 1 presumes knowledge, but `prc.criminal-law.253-2` requires intent
   7 |   article 1 presumes knowledge of prc.criminal-law.253-2 when any {
     |                      ^^^^^^^^^
  = hint: presume the state of mind the provision requires, or give `prc.criminal-law.253-2` `mental knowledge \
presumed rebuttable …`"""


def test_e206_platform_articles_name_provisions_of_the_set(specs: Path) -> None:
    text = PRESUMING.replace("of prc.criminal-law.253-2", "of prc.criminal-law.253-3")
    assert "i.lexd:7:35: error[E206]: no provision `prc.criminal-law.253-3` among the drafts" in \
        check(specs, ("t.lexd", KNOWING), ("i.lexd", text))


# W201-W203: warnings -----------------------------------------------------------------------------------------
def test_w201_a_proposal_names_the_article_it_carries_out(specs: Path) -> None:
    assert check_one(specs, provision(BASE), ignore=()) == """\
t.lexd:1:11: warning[W201]: proposed provision `prc.criminal-law.253-2` implements no treaty article
   1 | provision prc.criminal-law.253-2 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: name the article it carries out, e.g. `implements uncc.14`: the gate compares the articles a provision \
implements, and the rendered notes cite them"""
    assert check_one(specs, provision(BASE + "implements uncc.16\n"), ignore=()) == ""
    assert check_one(specs, provision(BASE).replace("proposed", "in-force"), ignore=()) == ""


IN_FORCE = """\
provision prc.criminal-law.364.1 {
  jurisdiction prc
  status       in-force
  title        zh "传播淫秽物品罪" en "Disseminating obscene articles"
  source       "PRC Criminal Law art. 364 ¶1"
  text         zh "传播淫秽的书刊、影片、音像、图片或者其他淫秽物品，情节严重的，处二年以下有期徒刑、拘役或者管制。"
               en "Whoever disseminates obscene books, films, audio-video products, pictures or other obscene \
articles, where the circumstances are serious, ..."
}
"""

QUOTING = """\
interpretation prc.spc.obscene {
  jurisdiction prc
  status       in-force
  issuer       supreme-peoples-court
  title        zh "解释" en "Interpretation"
  source       "a judicial interpretation"
  interprets   prc.criminal-law.364.1
  article 1 text zh "刑法第三百六十四条第一款规定的「其他淫秽物品」，包括“淫秽电子信息”。"
                 en "The \u201cother obscene articles\u201d of art. 364 \u00b61 include \u201cobscene \
electronic information\u201d."
}
"""


def test_w202_an_interpretation_quotes_its_provision_word_for_word(specs: Path) -> None:
    assert check(specs, ("a.lexd", IN_FORCE), ("b.lexd", QUOTING), ignore=()) == """\
b.lexd:8:3: warning[W202]: article 1 quotes “obscene electronic information”, which the text of \
`prc.criminal-law.364.1` does not contain
   8 |   article 1 text zh "刑法第三百六十四条第一款规定的「其他淫秽物品」，包括“淫秽电子信息”。"
     |   ^
  = hint: quote the provision's words exactly, or drop the quotation marks where the article paraphrases
b.lexd:8:3: warning[W202]: article 1 quotes “淫秽电子信息”, which the text of `prc.criminal-law.364.1` does not \
contain
   8 |   article 1 text zh "刑法第三百六十四条第一款规定的「其他淫秽物品」，包括“淫秽电子信息”。"
     |   ^
  = hint: quote the provision's words exactly, or drop the quotation marks where the article paraphrases"""


def test_w202_only_where_the_provision_quotes_its_text(specs: Path) -> None:
    proposal = provision(BASE + "implements uncc.16\n").replace("253-2", "364.1")
    assert check(specs, ("a.lexd", proposal), ("b.lexd", QUOTING), ignore=()) == ""
    exact = QUOTING.replace("“淫秽电子信息”", "「淫秽物品」").replace("\u201cobscene electronic information\u201d",
                                                               "\u201cobscene   articles\u201d")
    assert check(specs, ("a.lexd", IN_FORCE), ("b.lexd", exact), ignore=()) == ""


def test_w203_quoted_text_names_its_source(specs: Path) -> None:
    text = IN_FORCE.replace('  source       "PRC Criminal Law art. 364 ¶1"\n', "")
    assert check_one(specs, text, ignore=()) == """\
t.lexd:1:11: warning[W203]: provision `prc.criminal-law.364.1` quotes its `text` without a `source`
   1 | provision prc.criminal-law.364.1 {
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: add `source "…"` naming the act, article and paragraph the text is quoted from"""


# E219: `text of` -------------------------------------------------------------------------------------------
def sharing(ident: str) -> str:
    """A paragraph of IN_FORCE's article sharing the text of `ident`."""
    return IN_FORCE.replace("364.1", "364.2").replace(IN_FORCE[IN_FORCE.index("  text"):-2], f"  text of {ident}\n")


def test_e219_text_of_a_provision_not_among_the_drafts(specs: Path) -> None:
    assert check(specs, ("a.lexd", IN_FORCE), ("b.lexd", sharing("prc.criminal-law.364.9"))) == """\
b.lexd:6:11: error[E219]: no provision, obligation or rule `prc.criminal-law.364.9` among the drafts
   6 |   text of prc.criminal-law.364.9
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: did you mean `prc.criminal-law.364.1`?
  = hint: the provision, obligation or rule whose text is shared must be among the files checked together"""


def test_e219_text_of_a_provision_without_text_or_in_a_circle(specs: Path) -> None:
    proposal = provision(BASE + "implements uncc.16\n")
    assert check(specs, ("a.lexd", proposal), ("b.lexd", sharing("prc.criminal-law.253-2"))) == """\
b.lexd:6:11: error[E219]: `prc.criminal-law.253-2` has no verbatim `text` to share
   6 |   text of prc.criminal-law.253-2
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: `text of` names a provision, obligation or rule that quotes its statute in `text`; give \
`prc.criminal-law.253-2` its text, or quote it here"""
    assert check(specs, ("b.lexd", sharing("prc.criminal-law.364.2"))) == """\
b.lexd:6:11: error[E219]: `text of` goes round in a circle: prc.criminal-law.364.2 → prc.criminal-law.364.2
   6 |   text of prc.criminal-law.364.2
     |           ^^^^^^^^^^^^^^^^^^^^^^
  = hint: one of them must quote the statute in `text` for the others to share"""


def test_text_of_is_the_text_it_names_once_the_set_is_loaded(specs: Path, tmp_path: Path) -> None:
    assert check(specs, ("a.lexd", IN_FORCE), ("b.lexd", sharing("prc.criminal-law.364.1")), ignore=()) == ""
    (tmp_path / "a.lexd").write_text(IN_FORCE, encoding="utf-8")
    (tmp_path / "b.lexd").write_text(sharing("prc.criminal-law.364.1"), encoding="utf-8")
    first, second = load([str(tmp_path)]).provisions
    assert second.text == first.text and second.text is not None and second.text_of is None
