"""Syntax and input errors, word for word: message, position, source line, caret and hint."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError, format_diagnostic
from lexdraft.language.parse import SYNTAX_EXAMPLES, parse_file, parse_text


def errors(text: str) -> str:
    """Every diagnostic parsing `text` as t.lexd raises, rendered as the CLI shows them."""
    with pytest.raises(LexdraftError) as raised:
        parse_text(text, "t.lexd")
    return "\n".join(format_diagnostic(d, {"t.lexd": text}) for d in raised.value.diagnostics)


# One realistic mistake per curated message, with its full rendering.
CURATED = {
    "E101": ("provision {\n}\n", """\
t.lexd:1:11: error[E101]: a provision needs an id such as prc.criminal-law.253-2 (found '{')
   1 | provision {
     |           ^
  = hint: write the jurisdiction, the instrument and the article, joined by dots"""),
    "E102": ("provision prc.x.1 {\n  conduct produce distribute\n}\n", """\
t.lexd:2:19: error[E102]: expected a field such as `conduct`, `object`, `penalty` or a closing `}` (found 'distribute')
   2 |   conduct produce distribute
     |                   ^^^^^^^^^^
  = hint: every line of a provision starts with a field name; see docs/language.md"""),
    "E103": ("provision prc.x.1 {\n  tier serious when any {\n    views >= 1000\n  }\n}\n", """\
t.lexd:4:3: error[E103]: a threshold needs a comparison, a number and a unit, e.g. `views >= 1000 views` (found '}')
   4 |   }
     |   ^
  = hint: write the quantity, then >=, then the number, then its unit"""),
    "E104": ("provision prc.x.1 {\n  conduct produce, , distribute\n}\n", """\
t.lexd:2:20: error[E104]: a list of terms is separated by commas (found ',')
   2 |   conduct produce, , distribute
     |                    ^
  = hint: put a comma between the terms"""),
    "E105": ('provision prc.x.1 {\n  title "私密图像罪"\n}\n', """\
t.lexd:2:9: error[E105]: text must follow a language tag: zh "..." or en "..." (found '"私密图像罪"')
   2 |   title "私密图像罪"
     |         ^^^^^^^^^^^^
  = hint: write zh "中文" en "English\""""),
    "E106": ("provision prc.x.1 {\n  penalty\n    base imprisonment <= 3 years, fine optional\n}\n", """\
t.lexd:3:33: error[E106]: a penalty line names its tier, then the penalties, e.g. `base imprisonment <= 3 years` \
(found ',')
   3 |     base imprisonment <= 3 years, fine optional
     |                                 ^
  = hint: separate alternatives with | and add the fine after a ;"""),
    "E107": ("conduct produce\n", """\
t.lexd:1:1: error[E107]: a file holds `provision`, `interpretation` and `obligation` blocks only (found 'conduct')
   1 | conduct produce
     | ^^^^^^^
  = hint: start each block with `provision ID {`, `interpretation ID {` or `obligation ID {`"""),
    "E112": ("provision prc.x.1 {\n  penalty\n    base imprisonment 3-7 years\n}\n", """\
t.lexd:3:24: error[E112]: a range is written with two dots, e.g. `imprisonment 3..7 years` (found '-')
   3 |     base imprisonment 3-7 years
     |                        ^
  = hint: write the lower end, then .., then the upper end and its unit"""),
    "E113": ("provision prc.x.1 {\n  penalty\n    base imprisonment <= 3 years; fine optional <= 50000 }\n", """\
t.lexd:3:58: error[E113]: a fine's cap needs its currency, e.g. `fine optional <= 50000 yuan` (found '}')
   3 |     base imprisonment <= 3 years; fine optional <= 50000 }
     |                                                          ^
  = hint: write the currency after the amount"""),
}

CURATED_CASES = [(code, *case) for code, case in CURATED.items()]


@pytest.mark.parametrize(("code", "text", "expected"), CURATED_CASES, ids=list(CURATED))
def test_curated_message(code: str, text: str, expected: str) -> None:
    assert errors(text) == expected


def test_every_curated_message_has_a_test() -> None:
    assert {code for code, _, _ in SYNTAX_EXAMPLES} == set(CURATED)


EXAMPLES = [(code, example) for (code, _, _), examples in SYNTAX_EXAMPLES.items() for example in examples]


@pytest.mark.parametrize(("code", "example"), EXAMPLES, ids=[f"{c}-{i}" for i, (c, _) in enumerate(EXAMPLES)])
def test_each_example_gets_its_own_message(code: str, example: str) -> None:
    # match_examples picks the first entry failing in the same parser state; a new entry must not capture another's.
    with pytest.raises(LexdraftError) as raised:
        parse_text(example, "t.lexd")
    assert [d.code for d in raised.value.diagnostics] == [code]


def test_e104_a_list_ending_in_a_comma_points_at_the_comma() -> None:
    assert errors("provision prc.x.1 {\n  conduct produce,\n}\n") == """\
t.lexd:2:18: error[E104]: the list on line 2 ends with a comma
   2 |   conduct produce,
     |                  ^
  = hint: remove the comma after the last term, or add the term that is missing"""


def test_e113_a_cap_ending_its_line_points_after_the_amount() -> None:
    text = "provision prc.x.1 {\n  penalty\n    base imprisonment <= 3 years; fine optional <= 50000\n}\n"
    assert errors(text) == """\
t.lexd:3:57: error[E113]: a fine's cap needs its currency, e.g. `fine optional <= 50000 yuan`
   3 |     base imprisonment <= 3 years; fine optional <= 50000
     |                                                         ^
  = hint: write the currency after the amount on line 3"""


def test_e100_falls_back_to_the_expected_tokens() -> None:
    assert errors("provision prc.x.1 {\n  chapter four\n}\n") == """\
t.lexd:2:11: error[E100]: unexpected 'four'; expected a number
   2 |   chapter four
     |           ^^^^
  = hint: write it in the form `chapter 4` (docs/language.md)"""


def test_e100_says_a_field_is_expected_instead_of_listing_every_keyword() -> None:
    assert errors("provision prc.x.1 {\n  jurisdiction prc\n  status proposed amendment\n}\n") == """\
t.lexd:3:19: error[E100]: unexpected 'amendment'; expected a field name or a closing `}`
   3 |   status proposed amendment
     |                   ^^^^^^^^^
  = hint: write it in the form `status proposed` (docs/language.md)"""


def test_e102_a_line_starting_with_no_field() -> None:
    assert errors("provision prc.x.1 {\n  jurisdiction prc\n  offence produce\n}\n") == """\
t.lexd:3:3: error[E102]: `offence` is not a field
   3 |   offence produce
     |   ^^^^^^^
  = hint: every line of a provision starts with a field name such as `conduct`, `object` or `penalty`; see \
docs/language.md"""
    # after a field that takes one more term, the word is read as that term before the parser stops
    assert errors("provision prc.x.1 {\n  mental intent\n  conduc produce\n}\n") == """\
t.lexd:3:3: error[E102]: `conduc` is not a field
   3 |   conduc produce
     |   ^^^^^^
  = hint: did you mean `conduct`?"""


def test_e100_names_punctuation_by_its_symbol() -> None:
    assert errors("interpretation prc.spc.x {\n  article 1 foo\n}\n") == """\
t.lexd:2:13: error[E100]: unexpected 'foo'; expected `deems-breached`, `defines`, `evidence`, `mitigates`, \
`presumes`, `text` or `tier`
   2 |   article 1 foo
     |             ^^^
  = hint: write it in the form `article 1 defines identifiable-by acquaintances evidenced-by witness-testimony` \
(docs/language.md)"""
    assert errors("provision prc.x.1 {\n  penalty\n    aggravated increase up-to 1 2\n}\n") == """\
t.lexd:3:33: error[E100]: unexpected '2'; expected `/`
   3 |     aggravated increase up-to 1 2
     |                                 ^
  = hint: write it in the form `aggravated increase up-to 1/2` (docs/language.md)"""


def test_e108_end_of_file_points_after_the_last_character() -> None:
    assert errors("provision prc.x.1 {\n  jurisdiction prc\n") == """\
t.lexd:2:19: error[E108]: the file ends before the block is closed
   2 |   jurisdiction prc
     |                   ^
  = hint: add the `}` that closes the provision `prc.x.1` opened on line 1"""


def test_e109_bad_character() -> None:
    assert errors("provision prc.x.1 {\n  jurisdiction PRC\n}\n") == """\
t.lexd:2:16: error[E109]: unexpected character 'P'; expected a vocabulary term
   2 |   jurisdiction PRC
     |                ^
  = hint: ids and terms are lower-case words joined by hyphens: `prc`"""


def test_e109_typographic_quotes() -> None:
    assert errors("provision prc.x.1 {\n  title zh “罪名”\n}\n") == """\
t.lexd:2:12: error[E109]: unexpected character '“'; expected a quoted text
   2 |   title zh “罪名”
     |            ^
  = hint: quote texts with straight double quotes "…", not typographic quotes"""


def test_e109_chinese_outside_quotes() -> None:
    assert errors("provision prc.x.1 {\n  title zh 罪名\n}\n") == """\
t.lexd:2:12: error[E109]: unexpected character '罪'; expected a quoted text
   2 |   title zh 罪名
     |            ^^
  = hint: put the text in double quotes: `"罪名"`"""


def test_e109_unclosed_quote() -> None:
    assert errors('provision prc.x.1 {\n  title en "Producing\n}\n') == '''\
t.lexd:2:12: error[E109]: a quoted text is not closed on this line
   2 |   title en "Producing
     |            ^
  = hint: end it with " on the same line, or put a text of several lines between """ and """'''


def test_e109_unclosed_block() -> None:
    assert errors('provision prc.x.1 {\n  text zh """\n第一条\n}\n') == '''\
t.lexd:2:11: error[E109]: a text opened with """ is not closed
   2 |   text zh """
     |           ^^^
  = hint: end the text with """ on a line of its own'''


def test_e110_duplicate_field() -> None:
    assert errors("provision prc.x.1 {\n  jurisdiction prc\n  status proposed\n  jurisdiction tw\n}\n") == """\
t.lexd:4:3: error[E110]: `jurisdiction` is given twice in this provision
   4 |   jurisdiction tw
     |   ^^^^^^^^^^^^^^^
  = hint: the first `jurisdiction` is at line 2; merge the two into one"""


def test_e110_reports_every_duplicate_field_at_once() -> None:
    text = "provision prc.x.1 {\n  status proposed\n  status in-force\n  chapter 4\n  chapter 5\n}\n"
    assert [line for line in errors(text).splitlines() if "error[" in line] == [
        "t.lexd:3:3: error[E110]: `status` is given twice in this provision",
        "t.lexd:5:3: error[E110]: `chapter` is given twice in this provision",
    ]


def test_e111_duplicate_language() -> None:
    assert errors('provision prc.x.1 {\n  title zh "甲" zh "乙"\n}\n') == """\
t.lexd:2:16: error[E111]: `zh` text is given twice
   2 |   title zh "甲" zh "乙"
     |                 ^^^^^^^
  = hint: give each language once"""


def test_e002_deep_nesting_is_an_error_not_a_crash() -> None:
    text = "provision prc.x.1 {\n  tier serious when " + "any { " * 3000 + "} " * 3000 + "\n}\n"
    assert errors(text).splitlines()[0] == "t.lexd:2:25: error[E002]: conditions are nested too deeply (3000 levels)"


def test_e003_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "image.lexd"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    with pytest.raises(LexdraftError) as raised:
        parse_file(str(path))
    assert "\n".join(format_diagnostic(d, dict(raised.value.sources)) for d in raised.value.diagnostics) == f"""\
{path}:3:1: error[E003]: file is binary, not a draft
   3 | \\x00\\x00\\x00
     | ^^^^
  = hint: drafts are UTF-8 text files ending in .lexd"""


def test_e003_non_utf8_file(tmp_path: Path) -> None:
    path = tmp_path / "gbk.lexd"
    path.write_bytes("provision prc.x.1 {\n  title zh \"罪名\"\n}\n".encode("gbk"))
    with pytest.raises(LexdraftError) as raised:
        parse_file(str(path))
    assert "\n".join(format_diagnostic(d, dict(raised.value.sources)) for d in raised.value.diagnostics) == f"""\
{path}:2:13: error[E003]: file is not valid UTF-8 text
   2 |   title zh "\\xd7\\xef\\xc3\\xfb"
     |             ^^^^
  = hint: save the file as UTF-8 (GBK and Big5 are not accepted)"""


def test_utf8_bom_is_accepted(tmp_path: Path) -> None:
    text = 'provision prc.x.1 {\n  title zh "罪名" en "Offence"\n}\n'
    path = tmp_path / "bom.lexd"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert parse_file(str(path)) == parse_text(text, str(path))


def test_utf8_bom_does_not_shift_columns(tmp_path: Path) -> None:
    path = tmp_path / "bom.lexd"
    path.write_bytes(b"\xef\xbb\xbf" + b"provision {\n}\n")
    with pytest.raises(LexdraftError) as raised:
        parse_file(str(path))
    assert format_diagnostic(raised.value.diagnostics[0]) == f"""\
{path}:1:11: error[E101]: a provision needs an id such as prc.criminal-law.253-2 (found '{{')
   1 | provision {{
     |           ^
  = hint: write the jurisdiction, the instrument and the article, joined by dots"""


def test_e102_a_field_of_another_block_names_the_block_and_its_own_fields() -> None:
    """A field a rule or a bill does not have was E100 with the hint to write it as it had been written (`conduct`
    in a rule: "write it in the form `conduct produce, distribute`"), since neither counted as a block; a rule's
    keywords (`kind`) elsewhere had the hint of the line before. Each is now E102, the block's fields listed whole,
    keywords too, with the article its name takes ('an obligation', never 'a obligation')."""
    said = errors("obligation prc.x.1 {\n  jurisdiction prc\n  kind complicity\n}\n")
    assert "error[E102]: `kind` is not a field of an obligation" in said and "an obligation has `" in said, said
    rule = errors("rule prc.x.1 {\n  jurisdiction prc\n  conduct possess\n}\n")
    assert "error[E102]: `conduct` is not a field of a rule" in rule, rule
    assert "`kind`, `provenance`, `punishes`, `reaches`" in rule, rule
    bill = errors("bill prc.x.1 {\n  jurisdiction prc\n  conduct possess\n}\n")
    assert "error[E102]: `conduct` is not a field of a bill" in bill and "`amends`" in bill and "`item`" in bill, bill
