"""The canonical printer: parse(fmt(ast)) == ast for every draft and for generated trees, comments kept by
`lexdraft fmt`; parsing never crashes."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lark import Token
from lark.lexer import PatternStr

from lexdraft.cli import main
from lexdraft.diagnostics import LexdraftError
from lexdraft.language import ast as A
from lexdraft.language.fmt import format_draft, format_source
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_file, parse_source, parse_text, parser, read_source
from lexdraft.pipeline import known_articles

DRAFTS_DIR = Path(__file__).resolve().parent.parent / "drafts"
DRAFTS = sorted(DRAFTS_DIR.rglob("*.lexd"))
IDS = [str(p.relative_to(p.parents[2])) for p in DRAFTS]


def test_there_are_drafts_to_check() -> None:
    assert DRAFTS


@pytest.mark.parametrize("path", DRAFTS, ids=IDS)
def test_every_draft_round_trips(path: Path) -> None:
    draft = parse_file(str(path))
    assert parse_text(format_draft(draft), str(path)) == draft


@pytest.mark.parametrize("path", DRAFTS, ids=IDS)
def test_fmt_is_idempotent_on_every_draft(path: Path) -> None:
    once = format_draft(parse_file(str(path)))
    assert format_draft(parse_text(once, str(path))) == once


CANONICAL = '''\
provision prc.criminal-law.253-2 {
  jurisdiction prc
  status       proposed
  instrument   amendment to "中华人民共和国刑法" inserting article 253-2 after 253-1
  chapter      4
  title        zh "制作、传播他人深度伪造私密图像罪"
               en "Producing or disseminating deepfake intimate images of another"
  source       "000_2c029e58f9c2f582.txt §5.3.1"
  implements   uncc.16, uncc.14.1
  protects     sexual-autonomy, sexual-reputation; secondary public-morality

  actors       natural-person, unit
  mental       knowledge presumed rebuttable zh "有相反证据的除外"
                                             en "unless the contrary is proved"
  purpose      dissemination evidenced-by public-cloud-upload, drafted-release-post
  conduct      produce, synthesize, disseminate
  means        ai-synthesis excluding simple-photo-editing
  object       intimate-image {
    depicts         exposed-sexual-organs | sexual-activity
    virtual-test    represented-as-minor, high-verisimilitude
    identifiable-by acquaintances
  }
  consent      absent
  duty         information-network-security-management under laws-and-administrative-regulations

  tier serious requires serious-circumstances when any {
    disseminated-to >= 50 persons via private-group
    views >= 1000 views on public-platform
    all {
      videos > 10 items
      serious-consequences
    }
  } per "000_2c029e58f9c2f582.txt §5.3.3"
  tier aggravated requires profit-or-sale
  exception    artistic-work when consent-of-depicted-person
  prosecution  private except serious-harm-to-public-order-or-state
  penalty
    base       imprisonment <= 3 years | criminal-detention | public-surveillance; fine optional <= 50000 yuan
    serious    imprisonment 3..7 years; fine mandatory or confiscation-of-property
    aggravated increase up-to 1/2

  translation  working-gloss
  text         zh """
第一条 "引文"
第二条
"""
               en "Article 1"
}

interpretation prc.spc.dfii {
  jurisdiction prc
  status       proposed
  issuer       supreme-peoples-court, supreme-peoples-procuratorate
  title        zh "解释"
               en "Interpretation"
  interprets   prc.criminal-law.253-2
  preamble     zh "为依法惩治"

  article 1 defines identifiable-by acquaintances evidenced-by witness-testimony
  article 2 tier serious of prc.criminal-law.253-2 when any {}
  article 3 evidence ai-synthesis by expert-opinion
  article 4 text zh "本解释自发布之日起施行"
                 en "This Interpretation takes effect on the day of its publication"
}
'''


def test_canonical_layout() -> None:
    # Fields, continuation lines and penalty tiers aligned; stray spacing is not kept, nor comments, not being in the
    # AST.
    messy = CANONICAL.replace("  status       proposed", "  # a comment\n  status proposed") \
        .replace("    base       imprisonment", "    base imprisonment") \
        .replace("views >= 1000 views on public-platform", "views   >=   1000 views via public-platform")
    assert format_draft(parse_text(messy, "t.lexd")) == CANONICAL


def test_canonical_layout_lints_clean(tmp_path: Path) -> None:
    # The sample above is a sound draft, so the layout test does not rest on a nonsensical input.
    for name in ("uncc-14.yaml", "uncc-16.yaml"):
        (tmp_path / name).write_text("")
    assert lint([parse_text(CANONICAL, "t.lexd")], articles=known_articles(tmp_path)) == []


def test_texts_with_quotes_or_newlines_become_blocks() -> None:
    draft = A.DraftFile("t.lexd", (A.Provision(
        "prc.x.1", title=A.Text(zh='他说"是"', en="line one\nline two\n  indented", zh_hant='"')),))
    printed = format_draft(draft)
    assert printed == '''\
provision prc.x.1 {
  title        zh """
他说"是"
"""
               zh-hant """
"
"""
               en """
line one
line two
  indented
"""
}
'''
    assert parse_text(printed, "t.lexd") == draft


def test_empty_file_prints_as_nothing() -> None:
    assert format_draft(parse_text("# only a comment\n", "t.lexd")) == ""


# comments ----------------------------------------------------------------------------------------------
def comment_texts(text: str) -> list[str]:
    """The comments the lexer finds, text from `#` on, in the order of the file."""
    return [str(c) for c in parse_source(text, "t.lexd").comments]


@pytest.mark.parametrize("path", DRAFTS, ids=IDS)
def test_fmt_keeps_every_comment_of_every_draft(path: Path) -> None:
    text = read_source(str(path))
    out = format_source(text, str(path))
    assert comment_texts(out) == comment_texts(text)
    assert parse_text(out, str(path)) == parse_text(text, str(path))
    assert format_source(out, str(path)) == out


def test_bundled_drafts_are_formatted() -> None:
    assert main(["fmt", "--check", str(DRAFTS_DIR)]) == 0


COMMENTED = '''\
# Header: the sources of this draft.
#   indented text after the hash stays as written
#

provision prc.x.1 {
  status proposed
  jurisdiction prc  # moved above its own line
  # A working title.
  title zh "标题 # 不是注释"
     en "Title"
  conduct produce
  object intimate-image {
    # attributes from the paper
    depicts sexual-activity
  }
  tier serious when any {
      # from the interpretation, art. 2
    views >= 1000 views on public-platform
    # nothing follows in this block
  }
  penalty
    base imprisonment <= 3 years
  text zh """
# 这不是注释
第一条
"""
}

# kept at the end of the file
'''

COMMENTED_FORMATTED = '''\
# Header: the sources of this draft.
#   indented text after the hash stays as written
#

provision prc.x.1 {
  # moved above its own line
  jurisdiction prc
  status       proposed
  # A working title.
  title        zh "标题 # 不是注释"
               en "Title"

  conduct      produce
  object       intimate-image {
    # attributes from the paper
    depicts sexual-activity
  }

  tier serious when any {
    # from the interpretation, art. 2
    views >= 1000 views on public-platform
    # nothing follows in this block
  }
  penalty
    base imprisonment <= 3 years

  text         zh """
# 这不是注释
第一条
"""
}

# kept at the end of the file
'''


def test_comments_survive_write(tmp_path: Path) -> None:
    # A `#` inside a string or a block is text; a comment moves with the line that follows it.
    draft = tmp_path / "x.lexd"
    draft.write_text(COMMENTED, encoding="utf-8")
    assert main(["fmt", "--write", str(draft)]) == 0
    assert draft.read_text(encoding="utf-8") == COMMENTED_FORMATTED
    assert parse_text(COMMENTED_FORMATTED, "t.lexd") == parse_text(COMMENTED, "t.lexd")
    assert parse_text(COMMENTED, "t.lexd").documents[0].title == A.Text(zh="标题 # 不是注释", en="Title")


def test_fmt_with_comments_is_idempotent() -> None:
    assert format_source(COMMENTED_FORMATTED, "t.lexd") == COMMENTED_FORMATTED


@pytest.mark.parametrize(("source", "formatted"), [
    pytest.param("provision a.b { # on the head\n  conduct produce\n}\n",
                 "# on the head\nprovision a.b {\n  conduct      produce\n}\n", id="after-head"),
    pytest.param("provision a.b {\n  conduct produce\n  # last in the provision\n\n}\n",
                 "provision a.b {\n  conduct      produce\n  # last in the provision\n}\n", id="end-of-block"),
    pytest.param("provision a.b {\n  conduct produce\n} # after the brace\n",
                 "provision a.b {\n  conduct      produce\n  # after the brace\n}\n", id="after-brace"),
    pytest.param("provision a.b {\n  tier t when any {\n    all { a # in all\n    }\n  } per \"p\" # per\n}\n",
                 "provision a.b {\n  tier t when any {\n    # in all\n    all {\n      a\n    }\n    # per\n"
                 "  } per \"p\"\n}\n",
                 id="nested"),
    pytest.param("provision a.b {\n  tier t when any { # empty\n  }\n}\n",
                 "provision a.b {\n  # empty\n  tier t when any {}\n}\n", id="empty-condition"),
    pytest.param("provision a.b {\n  title zh \"x\"\n    # before the English\n    en \"y\" # the English\n}\n",
                 "provision a.b {\n  title        zh \"x\"\n               # before the English\n"
                 "               # the English\n               en \"y\"\n}\n", id="languages"),
    pytest.param("provision a.b {\n  penalty\n    # lower first\n    base imprisonment\n    # then\n\n"
                 "    serious imprisonment\n}\n",
                 "provision a.b {\n  penalty\n    # lower first\n    base    imprisonment\n    # then\n\n"
                 "    serious imprisonment\n}\n", id="penalty-lines"),
    pytest.param("# one\n\n\n# two\n", "# one\n\n# two\n", id="comments-only"),
    pytest.param("provision a.b {}\n# between\nprovision a.c {}\n",
                 "provision a.b {\n}\n\n# between\nprovision a.c {\n}\n", id="between-documents"),
])
def test_where_comments_go(source: str, formatted: str) -> None:
    assert format_source(source, "t.lexd") == formatted
    assert format_source(formatted, "t.lexd") == formatted


def test_check_reports_an_unformatted_file_and_leaves_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "x.lexd"
    draft.write_text(COMMENTED, encoding="utf-8")
    assert main(["fmt", "--check", str(draft)]) == 1
    assert capsys.readouterr().err == f"{draft}: not formatted (run `lexdraft fmt --write {draft}`)\n"
    assert draft.read_text(encoding="utf-8") == COMMENTED


def test_write_rewrites_only_what_changes_and_keeps_the_mode(tmp_path: Path) -> None:
    formatted, unformatted = tmp_path / "a.lexd", tmp_path / "b.lexd"
    formatted.write_text(COMMENTED_FORMATTED, encoding="utf-8")
    unformatted.write_text(COMMENTED, encoding="utf-8")
    unformatted.chmod(0o644)
    before = formatted.stat()
    assert main(["fmt", "--write", str(tmp_path)]) == 0
    after = formatted.stat()
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert unformatted.read_text(encoding="utf-8") == COMMENTED_FORMATTED
    assert unformatted.stat().st_mode & 0o777 == 0o644
    assert main(["fmt", "--check", str(tmp_path)]) == 0


def test_fmt_without_flags_prints(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    draft = tmp_path / "x.lexd"
    draft.write_text(COMMENTED, encoding="utf-8")
    assert main(["fmt", str(draft)]) == 0
    assert capsys.readouterr().out == COMMENTED_FORMATTED
    assert draft.read_text(encoding="utf-8") == COMMENTED


def test_write_leaves_every_file_when_one_does_not_parse(tmp_path: Path) -> None:
    (tmp_path / "a.lexd").write_text(COMMENTED, encoding="utf-8")
    (tmp_path / "b.lexd").write_text("provision a.b {\n", encoding="utf-8")
    assert main(["fmt", "--write", str(tmp_path)]) == 2
    assert (tmp_path / "a.lexd").read_text(encoding="utf-8") == COMMENTED


# generated trees ---------------------------------------------------------------------------------------
# Words the grammar reserves: a term spelled like one may lex as the keyword where both fit.
KEYWORDS = {str(t.pattern.value) for t in parser().terminals if isinstance(t.pattern, PatternStr)}
# Names and ids are built from parts (regex strategies are slow); parts that are keywords test the lexer's word edges.
PARTS = ["a", "b2", "x", "view", "tier", "on", "zh", "any", "fine", "3d", "or", "base", "hant", "of", "k9"]
part = st.sampled_from(PARTS)
names = st.lists(part, min_size=1, max_size=3).map("-".join).filter(
    lambda n: n not in KEYWORDS and not n[0].isdigit())
ids = st.builds(lambda head, tail: ".".join([head, *tail]), names,
                st.lists(st.lists(part, min_size=1, max_size=2).map("-".join), min_size=1, max_size=3))
ints = st.integers(min_value=0, max_value=10**7)
# One-line strings hold anything but a quote and a newline; texts may hold both, as blocks.
lines = st.text(st.characters(codec="utf-8", exclude_characters='"\n'), max_size=12)
texts = st.text(st.characters(codec="utf-8"), max_size=16).filter(
    lambda s: '"""' not in s and not s.startswith("\n") and not s.endswith("\n"))
article_nos = st.lists(st.integers(0, 999).map(str), min_size=1, max_size=3).map("-".join)


def term(section: str) -> st.SearchStrategy[A.Term]:
    return names.map(lambda n: A.Term(n, section))


def terms(section: str, min_size: int = 1) -> st.SearchStrategy[tuple[A.Term, ...]]:
    return st.lists(term(section), min_size=min_size, max_size=3).map(tuple)


def opt(strategy: st.SearchStrategy[object]) -> st.SearchStrategy[object]:
    return st.none() | strategy


bilingual = st.builds(A.Text, zh=opt(texts), en=opt(texts), zh_hant=opt(texts)).filter(
    lambda t: (t.zh, t.en, t.zh_hant) != (None, None, None))
refs = st.lists(ids.map(A.Ref), min_size=1, max_size=3).map(tuple)

thresholds = st.builds(A.Threshold, term("measures"), st.sampled_from([">=", ">", "<=", "<", "="]), ints,
                       term("units"), opt(term("channels")))
conditions = st.recursive(
    st.builds(A.Condition, st.sampled_from(["any", "all"]),
              st.lists(thresholds | term("circumstances"), max_size=3).map(tuple)),
    lambda inner: st.builds(A.Condition, st.sampled_from(["any", "all"]),
                            st.lists(thresholds | term("circumstances") | inner, max_size=3).map(tuple)),
    max_leaves=6)


@st.composite
def durations(draw: st.DrawFn) -> A.Duration:
    return A.Duration(draw(ints), draw(term("durations")))


@st.composite
def principals(draw: st.DrawFn) -> A.Principal:
    low, high = draw(opt(durations())), draw(opt(durations()))
    return A.Principal(draw(term("penalties")), low, high)  # type: ignore[arg-type]


@st.composite
def fines(draw: st.DrawFn) -> A.Fine:
    capped = draw(st.booleans())  # the grammar takes a cap with its unit or neither
    return A.Fine(draw(term("fine-modes")), draw(ints) if capped else None, draw(term("units")) if capped else None,
                  draw(opt(term("penalties"))))  # type: ignore[arg-type]


@st.composite
def sentences(draw: st.DrawFn) -> A.Sentence:
    tier = draw(term("tiers"))
    if draw(st.booleans()):
        return A.Sentence(tier, increase=(draw(ints), draw(ints)))
    return A.Sentence(tier, tuple(draw(st.lists(principals(), min_size=1, max_size=3))),
                      draw(opt(fines())))  # type: ignore[arg-type]


@st.composite
def objects(draw: st.DrawFn) -> A.ObjectSpec:
    attrs = []
    for name in draw(st.lists(names, max_size=3)):
        cumulative = draw(st.booleans())
        values = draw(terms(f"object-attributes.{name}", min_size=2 if cumulative else 1))
        attrs.append(A.ObjectAttr(A.Term(name, "object-attributes"), values, cumulative))
    return A.ObjectSpec(draw(term("objects")), tuple(attrs))


@st.composite
def instruments(draw: st.DrawFn) -> A.Instrument:
    inserts = draw(opt(article_nos))
    after = draw(article_nos) if inserts is not None else None  # `inserting article X after Y` comes whole
    return A.Instrument(draw(term("instruments")), draw(opt(lines)), inserts, after)  # type: ignore[arg-type]


@st.composite
def mentals(draw: st.DrawFn) -> A.Mental:
    return A.Mental(draw(term("mental")), draw(opt(term("mental-degrees"))), draw(opt(bilingual)))  # type: ignore[arg-type]


duties = st.builds(A.Duty, term("duties"), opt(term("duty-sources")), opt(term("preconditions")),
                   st.just(()) | refs)

provisions = st.builds(
    A.Provision, ids,
    jurisdiction=opt(term("jurisdictions")), status=opt(term("statuses")), instrument=opt(instruments()),
    chapter=opt(ints), title=opt(bilingual), sources=st.lists(lines, max_size=2).map(tuple),
    implements=st.just(()) | refs,
    protects=opt(st.builds(A.Protects, terms("interests"), terms("interests", 0))),
    actors=terms("actors", 0), mental=opt(mentals()),
    purpose=opt(st.builds(A.Purpose, terms("purposes"), terms("evidence", 0))),
    conduct=terms("conduct", 0), means=opt(st.builds(A.Means, terms("means"), terms("means", 0))),
    object=opt(objects()), consent=opt(term("consent")), harm=opt(term("harms")),
    duty=opt(duties),
    tiers=st.lists(st.builds(A.Tier, term("tiers"), opt(term("circumstances")), opt(conditions), opt(lines)),
                   max_size=2).map(tuple),
    exceptions=st.lists(st.builds(A.Exception_, term("exceptions"), terms("exception-conditions", 0)),
                        max_size=2).map(tuple),
    prosecution=opt(st.builds(A.Prosecution, term("prosecution"), terms("prosecution-exceptions", 0))),
    penalties=st.lists(sentences(), max_size=3).map(tuple), text=opt(bilingual),
    translation=opt(term("translations")),
)


@st.composite
def defines_articles(draw: st.DrawFn, number: int) -> A.DefinesArticle:
    standard = draw(names)
    return A.DefinesArticle(number, A.Term(standard, "standards"), draw(term(f"object-attributes.{standard}")),
                            draw(terms("evidence", 0)))


@st.composite
def articles(draw: st.DrawFn) -> tuple[A.JIArticle, ...]:
    out: list[A.JIArticle] = []
    for number in draw(st.lists(st.integers(0, 99), max_size=4)):
        out.append(draw(st.one_of(
            defines_articles(number),
            st.builds(A.TierArticle, st.just(number), term("tiers"), ids.map(A.Ref), conditions),
            st.builds(A.EvidenceArticle, st.just(number), term("standards"), terms("evidence")),
            st.builds(A.TextArticle, st.just(number), bilingual),
            st.builds(A.PresumptionArticle, st.just(number), term("mental"), ids.map(A.Ref), conditions,
                      opt(bilingual)),
            st.builds(A.DeemingArticle, st.just(number), term("duties"), ids.map(A.Ref), conditions),
            st.builds(A.MitigationArticle, st.just(number), ids.map(A.Ref), conditions))))
    return tuple(out)


interpretations = st.builds(
    A.Interpretation, ids,
    jurisdiction=opt(term("jurisdictions")), status=opt(term("statuses")), title=opt(bilingual),
    sources=st.lists(lines, max_size=2).map(tuple), issuers=terms("issuers", 0), interprets=st.just(()) | refs,
    preamble=opt(bilingual), articles=articles(),
)

@st.composite
def sanctions(draw: st.DrawFn) -> A.Sanction:
    ranged = draw(st.booleans())  # the grammar takes a range with its unit or neither
    return A.Sanction(draw(term("sanctions")), draw(ints) if ranged else None, draw(ints) if ranged else None,
                      draw(term("units")) if ranged else None, draw(opt(lines)))  # type: ignore[arg-type]


obligations = st.builds(
    A.Obligation, ids,
    jurisdiction=opt(term("jurisdictions")), status=opt(term("statuses")), instrument=opt(instruments()),
    title=opt(bilingual), sources=st.lists(lines, max_size=2).map(tuple), holders=terms("actors", 0),
    duty=opt(duties),
    tiers=st.lists(st.builds(A.ObligationTier, term("obligation-tiers"), terms("platform-classes", 0),
                             terms("obligation-measures", 0)), max_size=3).map(tuple),
    sanctions=st.lists(sanctions(), max_size=3).map(tuple), text=opt(bilingual),
    translation=opt(term("translations")),
)

drafts = st.lists(provisions | interpretations | obligations, max_size=3).map(
    lambda docs: A.DraftFile("t.lexd", tuple(docs)))


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(drafts)
def test_generated_trees_round_trip(draft: A.DraftFile) -> None:
    printed = format_draft(draft)
    assert parse_text(printed, "t.lexd") == draft
    assert format_draft(parse_text(printed, "t.lexd")) == printed


# mutated drafts ------------------------------------------------------------------------------------------
SAMPLES = [p.read_text(encoding="utf-8") for p in DRAFTS[:6]] + [CANONICAL]
PIECES = ["{", "}", '"', '"""', "\n", " ", ",", ";", "|", "..", ">=", "tier", "penalty", "any", "on", "zh",
          "provision", "3", "-", "#", "\x00", "罪", "“", "article", "base", "imprisonment", "years"]


@st.composite
def mutations(draw: st.DrawFn) -> str:
    text = draw(st.sampled_from(SAMPLES))
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, len(text)))
        kind = draw(st.sampled_from(["insert", "delete", "replace"]))
        piece = draw(st.sampled_from(PIECES) | st.text(max_size=3))
        cut = draw(st.integers(0, 12))
        if kind == "insert":
            text = text[:at] + piece + text[at:]
        elif kind == "delete":
            text = text[:at] + text[at + cut:]
        else:
            text = text[:at] + piece + text[at + cut:]
    return text


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_drafts_parse_or_fail_with_located_diagnostics(text: str) -> None:
    try:
        draft = parse_text(text, "t.lexd")
    except LexdraftError as e:
        assert e.diagnostics
        line_count = text.count("\n") + 1
        for d in e.diagnostics:
            assert d.span is not None and d.span.file == "t.lexd", d
            assert 1 <= d.span.line <= line_count and d.span.column >= 1, d
            assert d.code.startswith("E1") or d.code == "E002", d
        return
    # Whatever parses also lints without crashing and prints back to the same tree, with the same comments.
    for d in lint([draft]):
        assert d.span is not None and d.span.file == "t.lexd", d
    assert parse_text(format_draft(draft), "t.lexd") == draft
    out = format_source(text, "t.lexd")
    assert parse_text(out, "t.lexd") == draft
    assert sorted(comment_texts(out)) == sorted(comment_texts(text))
    assert format_source(out, "t.lexd") == out


UNCOMMENTED = [*(p.read_text(encoding="utf-8") for p in DRAFTS), CANONICAL]


@st.composite
def commented(draw: st.DrawFn) -> str:
    """A draft with comments added on lines of their own and after code, outside its texts."""
    text = draw(st.sampled_from(UNCOMMENTED))
    blocks = [t for t in parse_source(text, "t.lexd").tree.scan_values(lambda v: isinstance(v, Token))
              if t.type == "BLOCK"]
    lines = text.split("\n")
    out: list[str] = []
    for number, line in enumerate(lines, start=1):
        starts_in_text = any(b.line < number <= (b.end_line or 0) for b in blocks)
        ends_in_text = any(b.line <= number < (b.end_line or 0) for b in blocks)
        if not starts_in_text and draw(st.integers(0, 4)) == 0:
            out.append(" " * draw(st.integers(0, 6)) + f"# own {number}")
            if draw(st.booleans()):
                out.append("")
        out.append(line + (f" # after {number}" if not ends_in_text and draw(st.integers(0, 4)) == 0 else ""))
    return "\n".join(out)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(commented())
def test_comments_anywhere_are_kept_and_change_nothing(text: str) -> None:
    out = format_source(text, "t.lexd")
    assert parse_text(out, "t.lexd") == parse_text(text, "t.lexd")
    assert sorted(comment_texts(out)) == sorted(comment_texts(text))
    assert format_source(out, "t.lexd") == out


def test_text_of_is_printed_as_written_not_as_the_text_it_names() -> None:
    messy = 'provision tw.csepa.38.3 {\n jurisdiction tw status in-force translation working-gloss\ntext   of\n' \
            '  tw.csepa.38.1 }\n'
    printed = format_draft(parse_text(messy, "t.lexd"))
    assert printed == ("provision tw.csepa.38.3 {\n  jurisdiction tw\n  status       in-force\n\n"
                       "  translation  working-gloss\n  text         of tw.csepa.38.1\n}\n")
    draft = parse_text(printed, "t.lexd")
    assert draft == parse_text(messy, "t.lexd")
    assert draft.documents[0].text_of == A.Ref("tw.csepa.38.1")
