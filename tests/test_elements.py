"""The elements real statutes use (issue 12): each parses into the AST, prints back, and is checked like any term."""

from __future__ import annotations

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_text
from lexdraft.language.printer import format_draft
from lexdraft.pipeline import load_sources
from lexdraft.wording.clause import offence

# An English-style offence written with the jurisdiction-neutral elements (cf. Singapore Penal Code s. 377BE(1)).
SHARING = """\
provision prc.criminal-law.1 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 1-1 after 1
  title        zh "测试" en "Test"
  implements   uncc.16
  mental       intent
  as-to        consent knowledge | recklessness
  as-to        likely-harm knowledge | reason-to-believe
  conduct      share, post-online, threaten-to-distribute
  means        ict-system
  object       intimate-image {
    depicts  exposed-sexual-organs | sexual-activity | covered-sexual-parts
    person   adult
    age-test apparent-age
    place    private-place | dwelling
  }
  consent      absent
  recipients   many-or-unspecified, public
  harm         likely-to-cause-distress
  exception    legitimate-purpose burden accused
  exception    reasonable-excuse
  prosecution  prosecutor-consent
  penalty
    base imprisonment <= 3 years; fine optional
}
"""


def provision(text: str) -> A.Provision:
    drafts, _ = load_sources([("t.lexd", text)])
    [p] = drafts.provisions
    return p


def test_the_elements_parse_into_the_ast() -> None:
    p = provision(SHARING)
    assert [(a.element.name, [(m.kind.name, m.degree) for m in a.states]) for a in p.as_to] == [
        ("consent", [("knowledge", None), ("recklessness", None)]),
        ("likely-harm", [("knowledge", None), ("reason-to-believe", None)]),
    ]
    assert [t.name for t in p.recipients] == ["many-or-unspecified", "public"]
    assert [(e.kind.name, e.burden.name if e.burden else None) for e in p.exceptions] == [
        ("legitimate-purpose", "accused"), ("reasonable-excuse", None)]
    assert p.object is not None and p.object.values("place") == ("private-place", "dwelling")
    assert p.object.values("age-test") == ("apparent-age",)


def test_the_elements_print_back_as_written() -> None:
    tree = parse_text(SHARING, "t.lexd")
    printed = format_draft(tree)
    assert parse_text(printed, "t.lexd") == tree
    assert "  as-to        consent knowledge | recklessness\n" in printed
    assert "  recipients   many-or-unspecified, public\n" in printed
    assert "  exception    legitimate-purpose burden accused\n" in printed


@pytest.mark.parametrize(("line", "code", "message"), [
    ("as-to        age knowledge direct", "E208", "`direct` is a degree of intent, not of knowledge"),
    ("as-to        ages knowledge", "E201", "unknown `as-to` element `ages`"),
    ("recipients   crowd", "E201", "unknown recipient `crowd`"),
    ("recipients   public, public", "E216", "`public` is listed twice in `recipients`"),
    ("exception    reasonable-excuse burden defendant", "E201", "unknown burden of proof `defendant`"),
])
def test_a_wrong_element_is_a_located_error(line: str, code: str, message: str) -> None:
    text = SHARING.replace("  prosecution  prosecutor-consent\n", f"  {line}\n  prosecution  prosecutor-consent\n")
    text = text.replace("  recipients   many-or-unspecified, public\n", "") if line.startswith("recipients") else text
    tree = parse_text(text, "t.lexd")
    found = [(d.code, d.message, d.span.line if d.span else None) for d in lint([tree])]
    assert (code, message, text.splitlines().index(f"  {line}") + 1) in found


def test_composed_text_never_drops_an_element_it_cannot_word() -> None:
    """A proposal is composed from its elements; one no drafting style words yet stops it rather than vanish."""
    for text, message in [
        (SHARING.replace("  as-to        consent knowledge | recklessness\n", "  as-to        age strict-liability\n"),
         "no statute wording for a mental element as to age"),
        (SHARING.replace("  mental       intent\n", "  mental       recklessness\n")
         .replace("  as-to        consent knowledge | recklessness\n", "")
         .replace("  as-to        likely-harm knowledge | reason-to-believe\n", "")
         .replace("  recipients   many-or-unspecified, public\n", ""),
         "no statute wording for the state of mind `recklessness`"),
    ]:
        with pytest.raises(LexdraftError) as e:
            offence(provision(text))
        assert [(d.code, d.message) for d in e.value.diagnostics] == [("E402", message)]


EITHER_WAY = """\
provision prc.criminal-law.2 {
  jurisdiction prc
  status       in-force
  title        zh "测试" en "Test"
  conduct      distribute
  tier         summary
  tier         indictment
  penalty
    summary    imprisonment <= 12 months; fine optional
    indictment imprisonment <= {years} years; fine optional
}
"""


def test_maxima_on_summary_conviction_and_on_indictment_are_two_penalty_lines() -> None:
    tree = parse_text(EITHER_WAY.replace("{years}", "7"), "t.lexd")
    assert [d for d in lint([tree]) if d.severity == "error"] == []
    [p] = tree.documents
    assert isinstance(p, A.Provision) and [s.tier.name for s in p.penalties] == ["summary", "indictment"]
    # on indictment the maximum may not be lighter than on summary conviction
    lighter = parse_text(EITHER_WAY.replace("{years}", "6").replace("<= 6 years", "<= 6 months"), "t.lexd")
    assert [d.code for d in lint([lighter])] == ["E203"]


def test_the_terms_of_a_kind_are_listed_with_their_meaning(capsys: pytest.CaptureFixture[str]) -> None:
    """A lawyer encoding a statute finds the terms without guessing: `lexdraft terms` lists the kinds, `lexdraft
    terms KIND` the terms with their English and Chinese labels (conduct with the treaty acts each reaches); an
    unknown kind is a located hint, exit 2, and the E201 hint names the command."""
    from lexdraft.cli import main

    assert main(["terms"]) == 0
    kinds = capsys.readouterr().out
    assert "object-attributes.depicts" in kinds and "exception-conditions" in kinds, kinds
    assert main(["terms", "object-attributes.depicts"]) == 0
    out = capsys.readouterr().out
    assert "presence-at-sexual-activity: " in out and "sexual-torture: subjection to torture" in out, out
    assert main(["terms", "conduct"]) == 0
    assert "provide: provide / 提供 (reaches: distribute, transmit, publish, make-available)" in \
        capsys.readouterr().out
    assert main(["terms", "conduc"]) == 2
    err = capsys.readouterr().err
    assert "error[E201]: unknown kind of term 'conduc'" in err and "did you mean `conduct`?" in err, err
