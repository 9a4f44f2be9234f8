"""The Pygments lexer: keywords read from the grammar, tokens of a bundled draft, and no error over any draft."""

from __future__ import annotations

from pathlib import Path

import pytest
from lark import Lark
from pygments.lexers import get_lexer_by_name, get_lexer_for_filename
from pygments.token import Comment, Error, Keyword, Name, Number, Operator, Punctuation, String

from lexdraft.lexer import LexdraftLexer, keywords
from lexdraft.resources import data_dir

ROOT = Path(__file__).resolve().parent.parent
DRAFTS = sorted((ROOT / "drafts").rglob("*.lexd")) + sorted((ROOT / "docs").rglob("*.lexd"))


def tokens(text: str) -> list[tuple[object, str]]:
    return [(t, v) for t, v in LexdraftLexer().get_tokens(text) if v.strip()]


def test_keywords_are_the_grammars_word_literals() -> None:
    words = keywords()
    assert {"provision", "interpretation", "conduct", "object", "penalty", "evidenced-by", "up-to", "zh-hant",
            "any", "all", "tier", "when"} <= words
    assert not words & {"{", "<=", "..", "|"}, "operators are not keywords"
    assert not words & {"produce", "intimate-image", "base", "prc"}, "vocabulary terms are not keywords"


def test_a_keyword_added_to_the_grammar_is_highlighted_as_one() -> None:
    grammar = (data_dir("grammar") / "lexdraft.lark").read_text(encoding="utf-8")
    extended = grammar.replace('_provision_field: jurisdiction', '_provision_field: liability | jurisdiction') \
        + '\nliability: "liability" names\n'
    assert "liability" in keywords(Lark(extended, parser="lalr"))
    assert "liability" not in keywords()


def test_tokens_of_a_bundled_draft() -> None:
    text = (ROOT / "drafts/prc/proposed/253-2-dfii.lexd").read_text(encoding="utf-8")
    toks = tokens(text)
    assert toks[0] == (Comment.Single, "# The specialised deepfake-intimate-image (DFII) offence proposed in")
    start = toks.index((Keyword, "provision"))
    assert toks[start + 1] == (Name.Label, "prc.criminal-law.253-2")
    assert (Keyword, "jurisdiction") in toks and (Name, "prc") in toks
    assert (String.Double, '"制作、合成、传播他人可识别深度伪造私密图像罪"') in toks
    conduct = toks.index((Keyword, "conduct"))
    assert toks[conduct + 1:conduct + 6] == [(Name, "produce"), (Punctuation, ","), (Name, "synthesize"),
                                             (Punctuation, ","), (Name, "disseminate")]
    serious = [i for i, t in enumerate(toks) if t == (Name, "serious")][-1]
    assert toks[serious + 1:serious + 5] == [(Name, "imprisonment"), (Number.Integer, "3"), (Operator, ".."),
                                             (Number.Integer, "7")]
    assert (Keyword, "evidenced-by") in toks and (Keyword, "excluding") in toks


@pytest.mark.parametrize("path", DRAFTS, ids=lambda p: str(p.relative_to(ROOT)))
def test_no_error_token_in_any_draft(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    errors = [v for t, v in LexdraftLexer().get_tokens(text) if t in Error]
    assert errors == []
    assert "".join(v for _, v in LexdraftLexer().get_tokens(text)) == text + ("" if text.endswith("\n") else "\n")


def test_text_that_is_not_lexdraft_is_marked() -> None:
    assert (Error, "@") in tokens("provision a.b { conduct @ }")


def test_registered_with_pygments() -> None:
    assert isinstance(get_lexer_by_name("lexdraft"), LexdraftLexer)
    assert isinstance(get_lexer_for_filename("offence.lexd"), LexdraftLexer)
