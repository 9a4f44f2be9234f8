"""What the checker says that no test asserted: each test here kills a mutant of src/lexdraft/treaty/ that the tests
reading verdicts let pass (bench/code_mutation.py), by a verdict or a reason the mutant changes."""

from __future__ import annotations

from functools import cache

from bench_mutation import M

from lexdraft.language import ast as A
from lexdraft.pipeline import load, load_sources
from lexdraft.treaty.conformance import Finding, Report, check
from lexdraft.treaty.reach import reaches
from lexdraft.treaty.scenario import Material, Person, Scenario
from lexdraft.treaty.spec import spec_for


def _draft(pid: str, object_: str, conduct: str = "sell, distribute, transmit, publish, make-available",
           more: str = "") -> str:
    number = pid.split(".")[-1]
    return f"""\
provision {pid} {{
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article {number}-1 after {number}
  title        zh "测试" en "Test"
  mental       intent
  conduct      {conduct}
{more}  object       {object_}
  prosecution  public
  penalty
    base imprisonment <= 3 years
}}
"""


def _report(article: str, *texts: str) -> Report:
    drafts, _ = load_sources([(f"t{i}.lexd", t) for i, t in enumerate(texts)])
    provisions: list[A.Provision] = drafts.provisions
    return check(spec_for(article), provisions)


def _findings(article: str, *texts: str) -> dict[str, Finding]:
    return {v.requirement.id: v for v in _report(article, *texts).verdicts}


def _en(f: Finding) -> list[str]:
    return [n.text.en or "" for n in f.notes]


@cache
def _bundled(folder: str, article: str) -> dict[str, Finding]:
    drafts = load([folder])
    return {v.requirement.id: v for v in check(spec_for(article), drafts.provisions, drafts.rules).verdicts}


INTIMATE = "intimate-image {{\n    depicts  exposed-sexual-organs | sexual-activity\n    person   {person}\n  }}\n"


def test_a_term_of_one_sex_beside_an_age_band_is_made_up_only_within_that_band() -> None:
    """`person woman | minor`: under 18 the band reaches boys too (Art. 14: nothing left out); over 18 only women are
    reached (Art. 16: the men are left out). Kills `or (0, None)` -> `and (0, None)` in _sex_grade, which read every
    term as reaching every age."""
    one_sex = "limited to persons of one sex (a woman)"
    text = _draft("prc.t.1", INTIMATE.format(person="woman | minor"), more="  consent      absent\n")
    art16 = _findings("uncc.16", text)["uncc.16.1"]
    assert str(art16.verdict) == "partly-met" and any(one_sex in n for n in _en(art16))
    sexual = _draft("prc.t.1", INTIMATE.replace("intimate-image", "sexual-image").format(person="woman | minor"),
                    conduct="produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available")
    art14 = _findings("uncc.14", sexual)["uncc.14.1.a"]
    assert not any(one_sex in n for n in _en(art14)), _en(art14)


def test_a_met_definition_keeps_what_the_other_provisions_lack_and_drops_the_best_ones_own_limits() -> None:
    """Kills `n.provision not in best` -> `in best` in _definition: once one provision reaches every element, what
    another lacks is still said (a reviewer sees the set's other objects), and the best one's own shortfalls are not
    (it has none). The verdict names the provision that meets it."""
    whole = _draft("prc.t.1", INTIMATE.format(person="any-person"), more="  consent      absent\n")
    parts = _draft("prc.t.2", "intimate-image {\n    depicts  exposed-sexual-organs\n  }\n",
                   more="  consent      absent\n")
    found = _findings("uncc.16", whole, parts)["uncc.16.2"]
    assert (str(found.verdict), found.met_by) == ("met", ["prc.t.1"])
    assert [n.provision for n in found.notes if "does not reach both" in (n.text.en or "")] == ["prc.t.2"]
    assert found.notes[0].text.en == "The object of prc.t.1 reaches every element of the definition."


def test_an_evaluative_standard_in_a_definition_is_a_question_for_a_reviewer() -> None:
    """Kills `question=True` -> `False` for a definition's review check: the standard (obscene, pornographic) is listed
    for a reviewer's decision, though the definition stays met."""
    text = _draft("prc.t.1", "intimate-image {\n    depicts   exposed-sexual-organs | sexual-activity\n"
                  "    standard  pornographic\n  }\n", more="  consent      absent\n")
    report = _report("uncc.16", text)
    found = next(v for v in report.verdicts if v.requirement.id == "uncc.16.2")
    assert str(found.verdict) == "met"
    asked = [n.text.en or "" for n in found.questions]
    assert any("must also meet an evaluative standard" in q for q in asked), asked


def test_only_an_option_used_says_the_limit_is_one_the_treaty_permits() -> None:
    """Kills `verdict is Verdict.OPTION_USED` -> `is not` in the offence summary: a met offence is criminalised
    "without a limit the treaty does not allow", one taking Art. 14(4)(a) "within a limitation the treaty permits"."""
    s = M.conforming_sets()[0]
    before = M._findings(M.reports(s.provisions, s.rules))["uncc.14.1.a"]
    m = next(m for p in s.provisions if p.id == "score.csam.1" for m in M.mutations(p)
             if m.what == "exceptions: add self-generated-by-child")
    after = M._findings(M.reports(M.replaced(s, m), s.rules))["uncc.14.1.a"]
    permits = "Every act is criminalised, within a limitation the treaty permits."
    assert (str(before.verdict), str(after.verdict)) == ("met", "option-used")
    assert permits not in _en(before) and permits in _en(after)
    assert "Every act the paragraph lists is criminalised without a limit the treaty does not allow." in _en(before)


def test_a_conduct_terms_reason_speaks_of_the_one_person_the_object_is() -> None:
    """Kills `len(names) == 1` -> `== 2` in _person_words: art. 237 ¶3 protects children under 14, and the reason of
    art. 9's coercing or enticing a minor, which it names, speaks of them, not of every minor."""
    found = _bundled("drafts/prc/in-force", "uncc.14")["uncc.14.1.a"]
    said = [n for n in _en(found) if "Coercing or enticing" in n]
    assert said and all("Coercing or enticing a child under 14 years of age to send" in n for n in said), said


def test_only_a_test_of_several_conditions_is_called_cumulative() -> None:
    """Kills `f is not None and len(conditions) > 1 and …` -> `or` in the virtual-material wording: India's POCSO
    s. 2(1)(da) sets one test (realism), with the scope that spares existing persons, so it is no cumulative test; an
    offence that joins realism and a risk of inducing offences sets one whose conditions must all hold."""
    def said(found: dict[str, Finding]) -> list[str]:
        return [n for n in _en(found["uncc.14.3.a"]) if "test for virtual material:" in n]

    india = said(_bundled("drafts/in/in-force", "uncc.14"))
    assert india and all("The provision's test for virtual material:" in n for n in india), india
    csam = ("csam {\n    depicts  sexual-activity\n    person   minor\n"
            "    virtual-test high-verisimilitude, inducement-risk, existing-persons-exempt\n  }\n")
    two = said(_findings("uncc.14", _draft("prc.t.1", csam, conduct="produce, possess")))
    assert two and all("The provision's cumulative test for virtual material: the content is realistic enough" in n
                       for n in two), two


def test_provisions_for_complementary_ages_meet_an_act_without_one_that_reaches_it_in_part() -> None:
    """Kills `part is not None and rank >= together` -> `or` in _best: offences for children under 14 and for those
    aged 14 to 17 together reach every child (Germany's §§ 184b and 184c); a third offence reaching children under 16
    only for profit reaches the acts in part, and is neither among the provisions that meet the paragraph nor in the
    note that says they meet it together."""
    acts = "produce, offer, sell, distribute, transmit, broadcast, display, publish, make-available"

    def csam(person: str) -> str:
        return ("csam {\n    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose"
                f" | sexual-torture\n    person   {person}\n  }}\n")

    for_profit = _draft("prc.t.3", csam("child-under-16"), conduct=acts, more="  purpose      profit\n")
    found = _findings("uncc.14", _draft("prc.t.1", csam("child-under-14"), conduct=acts),
                      _draft("prc.t.2", csam("minor-aged-14-to-17"), conduct=acts), for_profit)["uncc.14.1.a"]
    assert (str(found.verdict), found.met_by) == ("met", ["prc.t.1", "prc.t.2"])
    together = [n for n in _en(found) if n.startswith("Together ")]
    assert together and together[0].startswith("Together prc.t.1, prc.t.2 reach material of persons of every age "
                                               "under 18") and "prc.t.3" not in together[0], together



def test_a_threshold_bound_to_one_act_limits_that_act_only() -> None:
    """Kills `base.condition is None` -> `is not None` in _bound_acts: a base tier whose threshold binds possession
    alone (three items or more) reaches possessing and controlling in part, with the reason; producing, which no
    threshold binds, is not said to be limited by it."""
    csam = ("csam {\n    depicts  sexual-activity | presence-at-sexual-activity | sexual-parts-for-sexual-purpose"
            " | sexual-torture\n    person   minor\n  }\n")
    tier = "  tier base for possess when any {\n    items-possessed >= 3 items\n  }\n"
    found = _findings("uncc.14", _draft("prc.t.1", csam, conduct="produce, possess", more=tier))
    bound = "Possessing and controlling: only 'possessing' (持有) above the threshold its base tier sets"
    assert str(found["uncc.14.1.c"].verdict) == "partly-met"
    assert any(n.startswith(bound) for n in _en(found["uncc.14.1.c"])), _en(found["uncc.14.1.c"])
    assert not any("threshold" in n for n in _en(found["uncc.14.1.a"]))

# ------------------------------------------------------------------ the counterexample search's reading of a provision

def _provision(object_: str, more: str = "", conduct: str = "distribute") -> A.Provision:
    drafts, _ = load_sources([("t.lexd", _draft("prc.t.1", object_, conduct=conduct, more=more))])
    [p] = drafts.provisions
    return p


def _image(medium: str = "visual", origin: str = "real", depicts: str = "sexual-activity", age: int = 30) -> Material:
    return Material(medium=medium, origin=origin, depicts=frozenset({depicts}), person=Person(age=age))


SEXUAL_ACTIVITY = "intimate-image {\n    depicts  sexual-activity | exposed-sexual-organs\n  }\n"


def test_photography_or_video_reaches_a_real_visual_recording_only() -> None:
    """Kills `m.origin == "real"` and `m.medium == "visual"` -> `!=` in reach's means: a photograph or video is a
    real visual recording; a synthetic image or a real sound recording is made by other means."""
    p = _provision(SEXUAL_ACTIVITY, more="  means        photography-or-video\n")
    assert reaches(p, Scenario("distribute", _image())).reached
    for other in (_image(origin="synthetic"), _image(medium="audio")):
        assert "means" in [m.element for m in reaches(p, Scenario("distribute", other)).misses], other


def test_an_offence_against_any_person_needs_no_audience() -> None:
    """Kills the `True` a recipients term the evaluator has no test for answers (`any-person`): dissemination to any
    person is every dissemination, even to one person who is no third party."""
    p = _provision(SEXUAL_ACTIVITY, more="  recipients   any-person\n")
    r = reaches(p, Scenario("distribute", _image(), recipients=0))
    assert r.reached and not r.uncertain


def test_a_provision_missing_an_element_is_not_merely_uncertain() -> None:
    """Kills `not self.misses and bool(self.doubts)` -> `or`: a miss is a gap, not a question for a court."""
    p = _provision(SEXUAL_ACTIVITY, more="  means        photography-or-video\n")
    r = reaches(p, Scenario("distribute", _image(origin="synthetic")))
    assert r.misses and not r.reached and not r.uncertain


def test_obscene_needs_sexual_acts_where_pornographic_needs_only_a_sexual_image() -> None:
    """Kills `value == "obscene"` -> `!=` in reach's standard: 'obscene' (PRC art. 367) needs sexual acts depicted,
    not nudity alone; any other evaluative standard is met by a sexual image."""
    def reached(standard: str) -> bool:
        p = _provision(f"sexual-image {{\n    depicts   exposed-sexual-organs\n    standard  {standard}\n  }}\n")
        return reaches(p, Scenario("distribute", _image(depicts="exposed-sexual-organs"))).reached

    assert (reached("obscene"), reached("pornographic")) == (False, True)


def test_an_offence_against_the_person_reaches_spreading_their_images_not_keeping_them() -> None:
    """Kills `s.act in (*_SPREADING, "sell", "offer")` -> `not in` for an object that is the person (insult,
    defamation, molesting): spreading an image of them wrongs them; possessing it, without contact, does not."""
    p = _provision("person {\n    person   any-person\n  }\n", conduct="disseminate, possess")
    assert reaches(p, Scenario("distribute", _image())).reached
    assert [m.element for m in reaches(p, Scenario("possess", _image())).misses] == ["object"]
