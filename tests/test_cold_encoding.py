"""Findings of a cold encoding (statutes not in the repository, encoded from docs/language.md alone), each on a small
synthetic draft of a common-law jurisdiction: what a counterexample states, how age bands combine, exceptions bound
to some acts, the hybrid penalty's render, and the error messages a new user meets."""

from __future__ import annotations

from pathlib import Path

from lexdraft.pipeline import load_sources
from lexdraft.treaty.counterexample import counterexample
from lexdraft.treaty.narrate import describe
from lexdraft.treaty.spec import spec_for

HEAD = """provision ie.ctpa-1998.{n} {{
  jurisdiction ie
  status       in-force
  instrument   ctpa-1998
  title        en "Test {n}"
  source       "synthetic"
  provenance   paraphrase
  implements   uncc.14
  mental       intent
"""


def _draft(n: str, body: str) -> str:
    return HEAD.format(n=n) + body + "}\n"


def _set(*texts: str):
    drafts, _ = load_sources([(f"d{i}.lexd", t) for i, t in enumerate(texts)])
    return drafts


def _requirement(rid: str):
    return next(q for q in spec_for(".".join(rid.split(".")[:2])).requirements if q.id == rid)


MAKING_UNDER_14 = _draft("5", """  conduct      produce
  object       csam {
    depicts    sexual-activity
    person     child-under-14
  }
  penalty
    base       imprisonment <= 5 years
""")

# an offence against the child shown: coercing a child under 14 into exposing themself
COERCING_UNDER_14 = _draft("6", """  conduct      coerce-sexual-exposure
  object       person {
    person     child-under-14
    origin     real
  }
  penalty
    base       imprisonment <= 5 years
""")


def test_a_counterexample_says_no_force_is_used_only_where_force_would_bring_an_offence_of_the_set_in() -> None:
    """A record of a real 16-year-old that no making offence reaches: where nothing in the set concerns coercion, the
    absence of force is no reason the facts escape it, and the counterexample does not state it; where an offence of
    the set against the person shown would reach the maker who coerced the child, it does."""
    q = _requirement("uncc.14.1.a")
    alone = _set(MAKING_UNDER_14)
    cx = counterexample(q, alone.provisions, alone.rules)
    assert cx is not None and cx.scenario.act == "produce" and cx.scenario.material.origin == "real"
    text = describe(cx)
    assert "coercion" not in text.en and "胁迫" not in text.zh
    with_person = _set(MAKING_UNDER_14, COERCING_UNDER_14)
    cx = counterexample(q, with_person.provisions, with_person.rules)
    assert cx is not None and cx.scenario.act == "produce"
    text = describe(cx)
    assert "uses no violence, coercion or other compulsion" in text.en
    assert "未使用暴力、胁迫或者其他强制手段" in text.zh


def _possession(n: str, person: str, test: str) -> str:
    return _draft(n, f"""  conduct      possess
  object       csam {{
    depicts      sexual-activity
    person       {person}
{test}  }}
  penalty
    base       imprisonment <= 5 years
""")


def _finding(drafts, rid: str):
    from lexdraft.treaty.conformance import check

    report = check(spec_for(".".join(rid.split(".")[:2])), drafts.provisions, drafts.rules)
    return next(v for v in report.verdicts if v.requirement.id == rid)


def test_age_bands_of_two_provisions_combine_whatever_else_they_share_and_are_no_gap() -> None:
    """Children under 14 in one provision, persons aged 14 to 17 in another (Germany's § 184b and § 184c): together
    they reach every age under 18, whether or not both carry the same virtual-material test, and neither band is
    told as a gap of its own, under a met verdict or a partly-met one that rests on the test."""
    from lexdraft.treaty.values import Verdict

    for test, verdict in (("", Verdict.MET), ("    virtual-test high-verisimilitude\n", Verdict.PARTLY_MET)):
        drafts = _set(_possession("6a", "child-under-14", test), _possession("6b", "minor-aged-14-to-17", test))
        found = _finding(drafts, "uncc.14.1.c")
        assert found.verdict is verdict
        texts = [n.text.en for n in found.notes]
        assert any(t.startswith("Together ie.ctpa-1998.6a, ie.ctpa-1998.6b reach material of persons of every age "
                                "under 18") for t in texts), texts
        assert not any("reaches persons" in t and t.endswith("the article concerns every person under 18.")
                       for t in texts), texts
        if test:
            assert any("cumulative test for virtual material" in t for t in texts)
    # a band no other provision makes up is still a gap
    drafts = _set(_possession("6a", "child-under-14", ""))
    texts = [n.text.en for n in _finding(drafts, "uncc.14.1.c").notes]
    assert any("The object reaches persons under 14 only" in t for t in texts)


def _excepted(acts: str, kind: str = "legitimate-purpose") -> str:
    """Making and distributing, with a defence (`kind`) `acts` (" for distribute", or "": every act)."""
    return _draft("5", f"""  conduct      produce, distribute
  object       csam {{
    depicts    sexual-activity
  }}
  exception    {kind}{acts} burden accused
  penalty
    base       imprisonment <= 5 years
""")


def test_an_exception_for_some_acts_only_narrows_those_acts() -> None:
    """England's PCA 1978 s. 1(4): a defence to distributing, not to making. The check reads it for distributing
    only: a defence wider than "without right" (news reporting) leaves making its grade, the reason names the acts,
    and the defence's counterexample is never one of making; without `for`, the defence narrows every act."""
    from lexdraft.treaty.counterexample import defence_gap

    q = _requirement("uncc.14.1.a")
    bound = _set(_excepted(" for distribute", "news-reporting"))
    found = _finding(bound, "uncc.14.1.a")
    assert "produce" not in found.partial and "distribute" in found.partial, found.partial
    texts = [n.text.en for n in found.notes]
    assert any(t.startswith("Distributing, transmitting and otherwise making available: A defence of public good or "
                            "news reporting") for t in texts), texts
    gap = defence_gap(q, bound.provisions, bound.rules)
    assert gap is not None and gap.scenario.act != "produce"
    cx = counterexample(q, bound.provisions, bound.rules)
    assert cx is None or cx.scenario.act != "produce" or "news reporting" not in describe(cx).en
    every = _set(_excepted("", "news-reporting"))
    assert "produce" in _finding(every, "uncc.14.1.a").partial


def test_an_exception_for_some_acts_is_composed_formatted_and_checked_against_the_conduct(tmp_path, capsys) -> None:
    """The acts are named in the composed text in both languages, `fmt` keeps them, and an act the conduct does not
    name is E207."""
    from cli_run import run

    draft = tmp_path / "5.lexd"
    draft.write_text(_excepted(" for distribute").replace('title        en "Test 5"',
                                                                     'title        zh "测试" en "Test 5"'),
                     encoding="utf-8")
    code, out, err = run(capsys, "fmt", str(draft))
    assert code == 0 and "exception    legitimate-purpose for distribute burden accused" in out, err
    code, out, err = run(capsys, "render", str(draft), "--lang", "en")
    assert code == 0, err
    assert ("Nothing in subsection (1) makes it an offence for a person to distribute child sexual abuse or child "
            "sexual exploitation material for a legitimate purpose.") in out
    assert "do an act referred to in that subsection for a legitimate purpose" not in out
    prc = tmp_path / "370-1.lexd"  # the Chinese of a style that composes it: a PRC amendment
    prc.write_text(_excepted(" for distribute").replace("ie.ctpa-1998.5", "prc.criminal-law.370-1")
                   .replace("jurisdiction ie", "jurisdiction prc").replace("status       in-force", "status proposed")
                   .replace("instrument   ctpa-1998",
                            'instrument amendment to "中华人民共和国刑法" inserting article 370-1 after 370')
                   .replace('title        en "Test 5"', 'title zh "测试" en "Test"'), encoding="utf-8")
    code, out, err = run(capsys, "render", str(prc), "--lang", "zh")
    assert code == 0, err
    assert "“具有正当目的而实施前款规定的散布行为的，不以犯罪论处。前述情形由被告人证明。" in out, out
    code, out, err = run(capsys, "render", str(prc), "--lang", "en")
    assert code == 0 and ("Conduct under the preceding paragraph consisting in distributing and carried out for a "
                          "legitimate purpose does not constitute a crime.") in out, out + err
    draft.write_text(_excepted(" for possess"), encoding="utf-8")
    code, out, err = run(capsys, "parse", str(draft))
    assert code == 2 and "error[E207]: `for possess`: the provision's conduct does not name it" in err, err


def test_a_field_of_another_block_is_told_the_block_s_fields_not_the_words_of_the_line_before(tmp_path,
                                                                                               capsys) -> None:
    """E102 after an exception: `when` and `burden` continue the exception's line; they are not fields of a
    provision, and the hint lists only what a line may start with."""
    from cli_run import run

    draft = tmp_path / "5.lexd"
    draft.write_text(_excepted("").replace(" burden accused", "").replace("  penalty\n", "  issuer x\n  penalty\n"),
                     encoding="utf-8")
    code, _, err = run(capsys, "parse", str(draft))
    assert code == 2 and "error[E102]: `issuer` is not a field of a provision" in err, err
    hint = err[err.index("hint:"):]
    assert "`exception`" in hint and "`tier`" in hint
    for word in ("`when`", "`burden`", "`for`"):
        assert word not in hint, hint


HYBRID = _draft("7", """  conduct      possess
  object       csam {
    depicts    sexual-activity
  }
  tier         summary
  tier         indictment
  penalty
    summary    imprisonment <= 12 months; fine optional <= 5000 eur
    indictment imprisonment <= 5 years; fine optional
""")


def test_a_hybrid_offence_s_penalty_is_rendered_as_docs_language_documents_it(tmp_path, capsys) -> None:
    """`tier summary` and `tier indictment`, each with its penalty line and no base tier (docs/language.md): check
    takes it, and render writes the common-law penalty subsection, one paragraph per mode of trial, and in a style that
    writes Chinese the two modes in its words; render stopped at E407 ('the first penalty line must be the base
    tier')."""
    from cli_run import run

    draft = tmp_path / "7.lexd"
    draft.write_text(HYBRID, encoding="utf-8")
    code, out, err = run(capsys, "render", str(draft))
    assert code == 0, err
    assert ("(2) A person who commits an offence under subsection (1) is liable—\n"
            "(a) on summary conviction, to imprisonment for a term not exceeding 12 months or a fine not exceeding "
            "5,000 euros, or both;\n"
            "(b) on conviction on indictment, to imprisonment for a term not exceeding 5 years or a fine, or "
            "both.\n") in out, out
    prc = tmp_path / "370-1.lexd"
    prc.write_text(HYBRID.replace("ie.ctpa-1998.7", "prc.criminal-law.370-1").replace("jurisdiction ie",
                                                                                      "jurisdiction prc")
                   .replace("status       in-force", "status proposed").replace(" eur\n", " yuan\n")
                   .replace("instrument   ctpa-1998",
                            'instrument amendment to "中华人民共和国刑法" inserting article 370-1 after 370')
                   .replace('title        en "Test 7"', 'title zh "测试" en "Test"'), encoding="utf-8")
    code, out, err = run(capsys, "render", str(prc), "--lang", "zh")
    assert code == 0, err
    # the modes of trial in Hong Kong's bilingual-law words, not the PRC's 公诉 / 简易程序 (LAWYER-S27)
    assert "经简易程序" not in out and "公诉书" not in out
    assert ("“持有未成年人性虐待或者性剥削材料，循简易程序定罪的，处十二个月以下有期徒刑，并处或者单处五千元以下罚金；"
            "循公诉程序定罪的，处五年以下有期徒刑，并处或者单处罚金。") in out, out
    code, out, err = run(capsys, "render", str(prc), "--lang", "en")
    assert code == 0 and "material, on summary conviction, shall be sentenced to" in out, out + err
    assert "where the case involves on" not in out
    # a base tier still comes first where there is one
    draft.write_text(HYBRID.replace("  tier         indictment\n", "").replace("    indictment imprisonment",
                                                                                  "    base imprisonment"),
                     encoding="utf-8")
    code, _, err = run(capsys, "render", str(draft))
    assert code == 2 and "E407" in err


def test_a_comma_in_an_unquoted_text_of_a_flow_mapping_is_told_as_such(tmp_path, capsys) -> None:
    """`{en: StGB §§ 25-27 (perpetration, instigation), zh: …}`: YAML ends the entry at the comma and reads
    `instigation)` as a key. The unknown key is located as before, and the hint says to quote the text."""
    import shutil

    from cli_run import run

    pack = tmp_path / "packs" / "ie"
    shutil.copytree(Path(__file__).resolve().parent.parent / "packs" / "ie", pack)
    text = (pack / "pack.yaml").read_text(encoding="utf-8")
    (pack / "pack.yaml").write_text(text + "complicity: {en: Criminal Law Act 1997 s. 7 (aiding, abetting), "
                                    "zh: 第7条}\n", encoding="utf-8")
    draft = tmp_path / "6a.lexd"
    draft.write_text(_possession("6a", "child-under-14", ""), encoding="utf-8")
    code, _, err = run(capsys, "check", str(draft), "--pack", str(tmp_path / "packs"))
    assert code == 2 and "error[E701]: unknown key 'abetting)' in complicity" in err, err
    assert "put the text in quotes" in err
    # a key misspelt in a block mapping keeps its own hint
    (pack / "pack.yaml").write_text(text + "complicty: {en: Criminal Law Act 1997 s. 7, zh: 第7条}\n",
                                    encoding="utf-8")
    code, _, err = run(capsys, "check", str(draft), "--pack", str(tmp_path / "packs"))
    assert code == 2 and "did you mean 'complicity'?" in err and "quotes" not in err, err


def test_each_input_folder_brings_the_packs_its_lexdraft_toml_names(tmp_path, capsys, monkeypatch) -> None:
    """`lexdraft atlas A/drafts B/drafts`, each repository with its own lexdraft.toml and pack: both are read (only
    the first was, and B's jurisdiction was 'unknown' with a hint pointing at the bundled vocabulary); a jurisdiction
    no pack gives is told how a pack is given."""
    from cli_run import run

    nz = (Path(__file__).resolve().parent / "packs" / "nz" / "pack.yaml").read_text(encoding="utf-8")
    for code in ("za1", "zb1"):  # an office pack of each repository's own
        repo = tmp_path / code
        (repo / "packs" / code).mkdir(parents=True)
        (repo / "packs" / code / "pack.yaml").write_text(nz.replace("code: nz", f"code: {code}")
                                                         .replace("New Zealand", f"Land {code}"), encoding="utf-8")
        (repo / "lexdraft.toml").write_text('packs = ["packs"]\n', encoding="utf-8")
        (repo / "drafts").mkdir()
        (repo / "drafts" / "22a.lexd").write_text(
            _possession("6a", "child-under-14", "").replace("ie.ctpa-1998.6a", f"{code}.hdca.22a")
            .replace("jurisdiction ie", f"jurisdiction {code}").replace("instrument   ctpa-1998", "instrument   hdca"),
            encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "atlas", "za1/drafts", "zb1/drafts", "--against", "uncc.14")
    assert code != 2 and "za1" in out and "zb1" in out, err
    (tmp_path / "zb1" / "lexdraft.toml").unlink()
    code, _, err = run(capsys, "atlas", "za1/drafts", "zb1/drafts", "--against", "uncc.14")
    assert code == 2 and "unknown jurisdiction `zb1`" in err
    assert "given with `--pack DIR` or named in the drafts' lexdraft.toml" in err, err


def test_a_legitimate_purpose_defence_is_an_open_defence_under_arts_14_and_16_alike() -> None:
    """Arts. 14(1) and 16(1) both say "without right": a defence of legitimate purpose is open under both (within it
    read as a lawful excuse, a narrowing read to reach art), so the verdict stands and a reviewer is asked, under
    Art. 14 as under Art. 16; Art. 14 read it as a narrowing, with no question."""
    from lexdraft.treaty.values import Verdict

    possession = _set(_possession("6a", "minor", "").replace("  penalty\n",
                                                              "  exception    legitimate-purpose\n  penalty\n"))
    found = _finding(possession, "uncc.14.1.c")
    assert found.verdict is Verdict.MET, [n.text.en for n in found.notes]
    open_ = [n for n in found.notes if n.question and "open defence" in n.text.en]
    assert open_ and "Art. 14 lists no scientific, medical, educational or artistic exception" in open_[0].text.en
    image = _set(_draft("9", """  implements   uncc.16
  conduct      distribute
  consent      absent
  object       intimate-image {
    depicts    exposed-sexual-organs
  }
  exception    legitimate-purpose
  penalty
    base       imprisonment <= 2 years
""").replace("  implements   uncc.14\n", ""))
    sixteen = _finding(image, "uncc.16.1")
    assert any(n.question and "open defence" in n.text.en for n in sixteen.notes)


def test_a_legitimate_purpose_confined_to_named_fields_is_graded_by_them() -> None:
    """A defence for a legitimate purpose related to science, medicine, education or art (Singapore's s. 377BN(3))
    is not an open defence: its art limb is an artistic exception, so it narrows the offence under Art. 14, and under
    Art. 16 where it asks neither consent nor anonymity. The counterexample states the defence's condition worded as
    a clause (no undue risk of harm to any person below 16), as the accused would have to show it."""
    from lexdraft.treaty.counterexample import defence_gap
    from lexdraft.treaty.narrate import describe_defence_gap
    from lexdraft.treaty.values import Verdict

    named = "  exception    science-medicine-education-or-art when no-undue-risk-below-16 burden accused\n"
    possession = _set(_possession("6a", "minor", "").replace("  penalty\n", named + "  penalty\n"))
    found = _finding(possession, "uncc.14.1.c")
    assert found.verdict is Verdict.PARTLY_MET, [n.text.en for n in found.notes]
    said = " ".join(n.text.en or "" for n in found.notes)
    assert "its art limb, like an artistic exception, can reach material depicting real children" in said, said
    assert not any(n.question and "open defence" in (n.text.en or "") for n in found.notes)
    gap = defence_gap(_requirement("uncc.14.1.c"), possession.provisions)
    assert gap is not None and gap.exception == "science-medicine-education-or-art", gap
    text = describe_defence_gap(gap)
    assert ("where the accused proves that it is done for a legitimate purpose related to art and the act poses no "
            "undue risk of harm to any "
            "person below 16 years of age:") in (text.en or ""), text.en
    granted = "该行为系出于与艺术有关的正当目的，且该行为不对任何不满十六周岁的人造成不当的伤害风险的"
    assert granted in (text.zh or ""), text.zh
    image = _set(_draft("9", f"""  implements   uncc.16
  conduct      distribute
  consent      absent
  object       intimate-image {{
    depicts    exposed-sexual-organs
  }}
{named}  penalty
    base       imprisonment <= 2 years
""").replace("  implements   uncc.14\n", ""))
    sixteen = _finding(image, "uncc.16.1")
    assert sixteen.verdict is Verdict.PARTLY_MET, [n.text.en for n in sixteen.notes]
    assert any("its art limb lets an intimate image be disseminated as art" in (n.text.en or "") for n in sixteen.notes)
    anonymous = _set(_draft("9", f"""  implements   uncc.16
  conduct      distribute
  consent      absent
  object       intimate-image {{
    depicts    exposed-sexual-organs
  }}
{named.replace("when ", "when anonymised, ")}  penalty
    base       imprisonment <= 2 years
""").replace("  implements   uncc.14\n", ""))
    assert not any("art limb" in (n.text.en or "") for n in _finding(anonymous, "uncc.16.1").notes)

