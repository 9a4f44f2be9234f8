"""A Pygments lexer for lexdraft drafts, its keywords read from the grammar so highlighting follows the language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any, ClassVar

from lark import Lark
from lark.lexer import PatternStr
from pygments.lexer import RegexLexer
from pygments.token import Comment, Keyword, Name, Number, Operator, Punctuation, String, Whitespace, _TokenType

_WORD = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*\Z")


def keywords(grammar: Lark | None = None) -> frozenset[str]:
    """The grammar's word literals (`provision`, `conduct`, `evidenced-by`, `zh` …): its keyword terminals."""
    if grammar is None:
        from .language.parse import parser

        grammar = parser()
    return frozenset(t.pattern.value for t in grammar.terminals
                     if isinstance(t.pattern, PatternStr) and _WORD.match(t.pattern.value))


@cache
def _keywords() -> frozenset[str]:
    return keywords()


def _word(lexer: RegexLexer, match: re.Match[str]) -> Iterator[tuple[int, _TokenType, str]]:
    """A keyword of the grammar, or a term of the controlled vocabulary."""
    word = match.group()
    yield match.start(), Keyword if word in _keywords() else Name, word


class LexdraftLexer(RegexLexer):
    """Provisions and judicial interpretations written in the lexdraft language (`.lexd`)."""

    name = "lexdraft"
    aliases = ("lexdraft", "lexd")
    filenames = ("*.lexd",)
    mimetypes = ("text/x-lexdraft",)
    url = "https://pypi.org/project/lexdraft/"

    # The same token shapes as grammar/lexdraft.lark: COMMENT, BLOCK, STRING, ID, NAME, INT and the operators.
    tokens: ClassVar[dict[str, Any]] = {
        "root": [
            (r"\s+", Whitespace),
            (r"#[^\n]*", Comment.Single),
            (r'"""(?:.|\n)*?"""', String.Doc),
            (r'"[^"\n]*"', String.Double),
            (r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+", Name.Label),  # an id
            (r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*", _word),
            (r"[0-9]+", Number.Integer),
            (r"<=|>=|\.\.|[<>=|/-]", Operator),
            (r"[{},;]", Punctuation),
        ],
    }
