"""Syntax errors in a drafter's words: the likely cause (often on the line above the one the parser stopped on),
where it is, and the form the line should take."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache

from lark import Token, Tree, UnexpectedInput, UnexpectedToken

from ..diagnostics import Diagnostic
from .ast import Span

# One line of each field as docs/language.md shows it: the form a hint points the drafter to.
FORMS: dict[str, str] = {
    "jurisdiction": "jurisdiction prc",
    "status": "status proposed",
    "instrument": 'instrument amendment to "中华人民共和国刑法" inserting article 253-2 after 253-1',
    "chapter": "chapter 4",
    "title": 'title zh "…" en "…"',
    "source": 'source "PRC Criminal Law art. 364"',
    "provenance": "provenance r-memory",
    "implements": "implements uncc.16",
    "protects": "protects sexual-autonomy, privacy; secondary public-morality",
    "actors": "actors natural-person, unit",
    "mental": 'mental knowledge presumed rebuttable zh "…" en "…"',
    "purpose": "purpose dissemination evidenced-by public-cloud-upload",
    "conduct": "conduct produce, distribute",
    "finances": "finances prc.criminal-law.363.1, prc.criminal-law.364.1",
    "means": "means ai-synthesis excluding simple-photo-editing",
    "object": "object intimate-image { depicts exposed-sexual-organs | sexual-activity }",
    "consent": "consent absent",
    "wrongfulness": "wrongfulness unlawfully",
    "harm": "harm capable-of-damage",
    "duty": "duty information-network-security-management under laws-and-administrative-regulations",
    "holder": "holder deep-synthesis-service-provider",
    "sanction": 'sanction fine 10000..100000 yuan per "…"',
    "tier": 'tier serious requires serious-circumstances when any { … } per "…"',
    "exception": "exception artistic-work when consent-of-depicted-person",
    "prosecution": "prosecution private except serious-harm-to-public-order-or-state",
    "penalty": "base imprisonment <= 3 years | criminal-detention; fine optional <= 50000 yuan",
    "text": 'text zh """…""" en """…"""',
    "translation": "translation working-gloss",
    "explanation": 'explanation zh-hant """一、……""" en """1. …"""',
    "issuer": "issuer supreme-peoples-court",
    "interprets": "interprets prc.criminal-law.253-2",
    "preamble": 'preamble zh "…" en "…"',
    "article": "article 1 defines identifiable-by acquaintances evidenced-by witness-testimony",
}
ARTICLE_FORMS = {
    "defines": FORMS["article"],
    "tier": "article 2 tier serious of prc.criminal-law.253-2 when any { … }",
    "evidence": "article 3 evidence ai-synthesis by expert-opinion",
    "text": 'article 4 text zh "…" en "…"',
    "presumes": 'article 5 presumes knowledge of prc.criminal-law.286-2 when any { … } rebuttable zh "…" en "…"',
    "deems-breached":
        "article 6 deems-breached content-review-and-log-retention of prc.criminal-law.286-2 when any { … }",
    "mitigates": "article 7 mitigates prc.criminal-law.286-2 when any { … }",
}
CONDITION_FORM = "views >= 1000 views on public-platform"
ATTRIBUTE_FORM = "depicts exposed-sexual-organs | sexual-activity"
FIELDS = frozenset(FORMS)
DOCUMENTS = ("provision", "interpretation", "obligation", "rule", "bill")

# Keywords that a field needs a value after; read as a term, they show that the value was left out.
VALUE_KEYWORDS = FIELDS | {
    "requires", "when", "per", "except", "excluding", "evidenced-by", "under", "precondition", "rebuttable",
    "secondary", "inserting", "after", "to", "of", "by", "defines", "evidence", "increase", "up-to", "any", "all",
    "breaching", "for", "measures", "presumes", "deems-breached", "mitigates",
}

# Keywords that, ending a line, leave what must follow them out (`fine` may also be a penalty, so only here).
ENDING_KEYWORDS = VALUE_KEYWORDS | {"fine"}
INCREASE_FORM = "aggravated increase up-to 1/2"

# Characters an editor or an input method puts in place of the ASCII the language uses.
LOOKALIKES = {
    "≥": ">=", "≤": "<=", "＞": ">", "＜": "<", "＝": "=", "，": ",", "、": ",", "；": ";", "｜": "|",
    "｛": "{", "｝": "}", "＂": '"', "．": ".", "–": "..", "—": "..", "～": "..", "〜": "..", "－": "-",
    **{chr(0xFF10 + d): str(d) for d in range(10)},
}
TYPOGRAPHIC_QUOTES = "“”„‘’「」『』«»"


@dataclass(frozen=True)
class Source:
    """A file's text with its quoted texts and comments blanked out, so braces and words can be found safely."""

    path: str
    text: str
    code: str  # same length as text; inside quotes and comments every character but a newline is a space

    @staticmethod
    def of(path: str, text: str) -> Source:
        return Source(path, text, _mask(text))

    def line_col(self, pos: int) -> tuple[int, int]:
        line = self.text.count("\n", 0, pos) + 1
        return line, pos - (self.text.rfind("\n", 0, pos) + 1) + 1

    def span(self, start: int, end: int | None = None) -> Span:
        line, col = self.line_col(start)
        end_line, end_col = self.line_col(end if end is not None and end > start else start + 1)
        return Span(self.path, line, col, end_line, end_col)

    def line_start(self, pos: int) -> int:
        return self.text.rfind("\n", 0, pos) + 1

    def code_before(self, pos: int) -> int:
        """The position just after the last code character before `pos` (0 when there is none)."""
        return len(self.code[:pos].rstrip())

    def first_word(self, pos: int) -> tuple[str, int]:
        """The first word of the line holding `pos`, and where it starts."""
        start = self.line_start(pos)
        m = re.compile(r"[ \t]*([^\s]*)").match(self.code, start)
        assert m is not None
        word = re.match(r"[a-z][a-z0-9-]*|[^\sa-z]", m.group(1))
        return (word.group(0) if word else ""), m.start(1)

    def word_before(self, pos: int) -> tuple[str, int]:
        """The code word ending at `pos`, and where it starts."""
        start = self.line_start(pos)
        m = re.search(r"[a-z0-9][a-z0-9.-]*$", self.code[start:pos])
        return (m.group(0), start + m.start()) if m else ("", pos)

    def open_blocks(self, pos: int) -> list[int]:
        """Where each `{` still open at `pos` stands, outermost first."""
        stack: list[int] = []
        for m in re.finditer(r"[{}]", self.code[:pos]):
            if m.group(0) == "{":
                stack.append(m.start())
            elif stack:
                stack.pop()
        return stack

    def block_kind(self, brace: int) -> str:
        """`document`, `object` or `condition`: what the `{` at `brace` opens."""
        word, _ = self.first_word(brace)
        before = self.code[self.line_start(brace):brace].split()
        if before and before[-1] in ("any", "all"):
            return "condition"
        if word in DOCUMENTS:
            return "document"
        return "object" if word == "object" else "block"

    def field_at(self, pos: int) -> str | None:
        """The field whose line holds `pos`: the nearest line above starting with a field or block keyword."""
        start = self.line_start(pos)
        while True:
            word, _ = self.first_word(start)
            if word in FIELDS or word in DOCUMENTS:
                return word
            if start == 0:
                return None
            start = self.line_start(start - 1)


# A comment, a text in triple quotes, or a text in quotes (each possibly left open), as the grammar lexes them.
_MASKED = re.compile(r'#[^\n]*|"""[\s\S]*?(?:"""|\Z)|"[^"\n]*"?')
_NOT_NEWLINE = re.compile(r"[^\n]")


def _mask(text: str) -> str:
    """`text` with the insides of comments and quoted texts blanked, newlines kept so positions stay put."""
    parts: list[str] = []
    last = 0
    for m in _MASKED.finditer(text):
        s, start, end = m.group(0), m.start(), m.end()
        if s.startswith('"""'):
            start, end = start + 3, end - 3 if len(s) >= 6 and s.endswith('"""') else end
        elif s.startswith('"'):
            start, end = start + 1, end - 1 if len(s) >= 2 and s.endswith('"') else end
        parts += [text[last:start], _NOT_NEWLINE.sub(" ", text[start:end])]
        last = end
    parts.append(text[last:])
    return "".join(parts)


def form_of(src: Source, pos: int) -> str | None:
    """The form the line at `pos` should take, from the block or field it belongs to."""
    blocks = src.open_blocks(pos)
    kind = src.block_kind(blocks[-1]) if blocks else None
    if kind == "condition":
        return CONDITION_FORM
    if kind == "object":
        return ATTRIBUTE_FORM
    field = src.field_at(pos)
    if field == "article":
        start = src.line_start(pos)
        while src.first_word(start)[0] != "article":
            start = src.line_start(start - 1)
        words = src.code[start:].split("\n", 1)[0].split()
        return ARTICLE_FORMS.get(words[2] if len(words) > 2 else "", FORMS["article"])
    if field == "penalty" and re.search(r"\bincrease\b", src.code[src.line_start(pos):src.text.find("\n", pos)]):
        return INCREASE_FORM
    return FORMS.get(field) if field else None


def form_hint(src: Source, pos: int, expected: set[str] | None = None) -> str:
    """What to write: the quotes or the choice the parser wants, else the form of the line."""
    expected = expected or set()
    if expected & {"STRING", "BLOCK"} and expected <= {"STRING", "BLOCK", "ZH", "EN", "ZH_HANT", "LANG"}:
        word, _ = src.word_before(src.code_before(pos))
        rest = src.text[pos:src.text.find("\n", pos) if "\n" in src.text[pos:] else len(src.text)].strip()
        return f'put the text in double quotes: `{word} "{rest}"`' if word and rest else "put the text in double quotes"
    if expected == {"ANY", "ALL"}:
        return "write `when any {` when one of the items suffices, or `when all {` when all of them are needed"
    form = form_of(src, pos)
    return f"write it in the form `{form}` (docs/language.md)" if form else "compare this line with docs/language.md"


# ------------------------------------------------------------------------------------------- causes
def earlier_cause(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A diagnostic at the mistake that led the parser astray before `pos`, when one of the usual ones did."""
    for rule in (_next_block_inside, _unclosed_inner_block, _fine_cap_without_currency, _keyword_read_as_value,
                 _keyword_then_nothing, _unknown_field_read_as_value, _unknown_field_at_line_start,
                 _field_of_other_block, _missing_open_brace,
                 _trailing_comma, _number_with_separator, _mixed_separators, _extra_closing_brace):
        found = rule(e, src, pos)
        if found is not None:
            return found
    return None


def _next_block_inside(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`provision` starting inside a block: the block before it is not closed."""
    word, at = src.first_word(pos)
    blocks = src.open_blocks(at)
    if word not in DOCUMENTS or not blocks or at > pos:
        return None
    opener = blocks[0]
    kind, _ = src.first_word(opener)
    ident = src.code[src.line_start(opener):opener].split()
    name = f" `{ident[1]}`" if len(ident) > 1 else ""
    line, _ = src.line_col(opener)
    return Diagnostic("E108", f"the {kind}{name} (line {line}) is not closed before the next block starts",
                      src.span(at, at + len(word)), (f"add `}}` at the end of the {kind}, before this line",))


def _unclosed_inner_block(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """An object or condition block left open: the fields after it were read as its attributes or items."""
    blocks = src.open_blocks(pos)
    if not blocks or src.block_kind(blocks[-1]) not in ("object", "condition"):
        return None
    brace = blocks[-1]
    start = src.text.find("\n", brace)
    while 0 <= start < pos:
        word, at = src.first_word(start + 1)
        if word in FIELDS and at <= pos:
            kind = src.block_kind(brace)
            line, _ = src.line_col(brace)
            field_line, _ = src.line_col(at)
            what = "attribute" if kind == "object" else "item"
            return Diagnostic("E108", f"the block opened on line {line} is not closed, so the lines after it were "
                              f"read as part of the {kind}", src.span(brace),
                              (f"add `}}` after its last {what}, before `{word}` on line {field_line}",))
        start = src.text.find("\n", start + 1)
    return None


_CAP = re.compile(r"\bfine[ \t]+[a-z][a-z0-9-]*[ \t]*<=[ \t]*\d+[ \t]*$")


def _fine_cap_without_currency(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`fine optional <= 50000` at the end of a line: the next line's first word was read as the currency."""
    line_start = src.line_start(pos)
    end = src.code_before(line_start)
    if end == 0 or not _CAP.search(src.code[src.line_start(end - 1):end]):
        return None
    word, _ = src.first_word(pos)
    from .vocabulary import vocabulary  # only on this error path

    if vocabulary().entry("units", word) is not None:
        return None
    line, _ = src.line_col(end)
    read = f"; `{word}` on the next line was read as the currency" if re.fullmatch(r"[a-z][a-z0-9-]*", word) else ""
    return Diagnostic("E113", "a fine's cap needs its currency, e.g. `fine optional <= 50000 yuan`", src.span(end),
                      (f"write the currency after the amount on line {line}{read}",))


def _last_value(e: UnexpectedInput) -> Token | None:
    """The last token the parser took: the rightmost token of the last value on its stack."""
    parser = getattr(e, "interactive_parser", None)
    stack = parser.parser_state.value_stack if parser is not None else []
    last = stack[-1] if stack else None
    while isinstance(last, Tree):
        last = next((c for c in reversed(last.children) if c is not None), None)
    return last if isinstance(last, Token) and last.start_pos is not None else None


def _keyword_read_as_value(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A keyword taken as a term: the field before it has no value, or a list before it ends with a comma."""
    last = _last_value(e)
    if last is None or last.type != "NAME" or str(last) not in VALUE_KEYWORDS:
        return None
    start = last.start_pos or 0
    end = src.code_before(start)
    newline = "\n" in src.text[end:start]
    last_line, _ = src.line_col(start)
    if end and src.code[end - 1] == "," and newline:
        line, _ = src.line_col(end - 1)
        return Diagnostic("E104", f"the list on line {line} ends with a comma, so `{last}` on line {last_line} was "
                          "read as one more term", src.span(end - 1),
                          ("remove the comma after the last term, or add the term that is missing",))
    word, _ = src.word_before(end)
    form = form_of(src, end - 1 if end else 0)
    hint = f"write it in the form `{form}` (docs/language.md)" if form else "see docs/language.md"
    if newline:
        line, _ = src.line_col(max(end - 1, 0))
        if word in VALUE_KEYWORDS:
            message = f"`{word}` at the end of line {line} has nothing after it, so `{last}` on line {last_line} " \
                      "was read as its value"
        else:
            message = f"line {line} is incomplete, so `{last}` on line {last_line} was read as part of it"
        return Diagnostic("E114", message, src.span(end), (f"complete line {line}: {hint}",))
    if word not in VALUE_KEYWORDS:
        return None  # `3 to 7 years`: a word read as a term where another kind of mistake follows
    return Diagnostic("E114", f"`{word}` needs a value before `{last}`", src.span(start, start + len(last)), (hint,))


def _keyword_then_nothing(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A line ending in a keyword that needs a value, followed by a line the value cannot start with."""
    if not isinstance(e, UnexpectedToken) or e.token.type == "NAME" or src.first_word(pos)[1] != pos:
        return None
    end = src.code_before(pos)
    word, _ = src.word_before(end)
    if word not in ENDING_KEYWORDS or "\n" not in src.text[end:pos]:
        return None
    line, _ = src.line_col(end - 1)
    form = form_of(src, end - 1)
    hint = f"write it in the form `{form}` (docs/language.md)" if form else "see docs/language.md"
    return Diagnostic("E114", f"`{word}` at the end of line {line} has nothing after it", src.span(end),
                      (f"complete line {line}: {hint}",))


def _unknown_field_read_as_value(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A line starting with a word that is no field, taken as one more term of the line above."""
    last = _last_value(e)
    if last is None or last.type != "NAME" or last.start_pos is None:
        return None
    start = last.start_pos
    if (src.first_word(start)[1] != start or src.line_start(pos) != src.line_start(start)
            or src.field_at(src.line_start(start) - 1) == "penalty"
            or src.code[: src.code_before(start)].endswith(",")):
        return None
    return _not_a_field(src, str(last), start)


def _unknown_field_at_line_start(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A line starting with a word that is no field, where a field was expected."""
    if (not isinstance(e, UnexpectedToken) or e.token.type != "NAME" or src.first_word(pos)[1] != pos
            or not {t.lower() for t in e.expected} & FIELDS):
        return None
    return _not_a_field(src, str(e.token), pos, "LBRACE" in e.expected)


def _not_a_field(src: Source, word: str, start: int, block_may_open: bool = False) -> Diagnostic | None:
    blocks = src.open_blocks(start)
    if not blocks or src.block_kind(blocks[-1]) != "document":
        return None
    kind, _ = src.first_word(blocks[-1])
    examples = "`issuer`, `interprets` or `article`" if kind == "interpretation" else "`conduct`, `object` or `penalty`"
    end = src.code_before(start)
    line, _ = src.line_col(max(end - 1, 0))
    if block_may_open and src.field_at(max(end - 1, 0)) == "object":
        # `object intimate-image` with its attributes below it but no braces around them
        hint = f"an object's attributes go in a block: end line {line} with `{{` and close the block with `}}`"
    else:
        hint = did_you_mean(word, FIELDS) or \
            f"every line of {'an' if kind[:1] in 'aeiou' else 'a'} {kind} starts with a field name such as " \
            f"{examples}; see docs/language.md"
    return Diagnostic("E102", f"`{word}` is not a field", src.span(start, start + len(word)), (hint,))


# The terminals the parser may expect that are no keyword: punctuation as lark names it, and the value terminals.
_NOT_KEYWORDS = frozenset({"comma", "vbar", "semicolon", "colon", "lbrace", "rbrace", "lpar", "rpar", "lsqb", "rsqb",
                           "dot", "slash", "minus", "plus", "star", "equal", "morethan", "lessthan", "name", "id",
                           "string", "int", "number"})


def _field_of_other_block(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`conduct` in an interpretation, `issuer` in a provision."""
    if not isinstance(e, UnexpectedToken) or e.token.type == "NAME":
        return None
    # a field of another block: one with a form of its own, or a keyword the lexer knows (a rule's `kind`)
    if str(e.token) not in FIELDS and e.token.type.lower().lstrip("_").replace("_", "-") != str(e.token):
        return None
    # the block's own fields as the grammar expects them: those with a form of their own, and its keywords (a rule's
    # `kind`, `reaches`, `punishes`; a bill's `amends`, `item`)
    keywords = {t.lower().lstrip("_").replace("_", "-") for t in e.expected
                if t.isupper() and t.replace("_", "").isalpha()} - _NOT_KEYWORDS
    # only the words a line may start with: what may continue the line before (an exception's `when`, `burden`) is
    # no field of the block
    allowed = sorted((keywords & _line_starts()) | ({t.lower() for t in e.expected} & FIELDS))
    blocks = src.open_blocks(pos)
    if not allowed or not blocks or src.block_kind(blocks[0]) != "document":
        return None
    kind, _ = src.first_word(blocks[0])
    article = "an" if kind[:1] in "aeiou" else "a"  # an obligation, an interpretation
    return Diagnostic("E102", f"`{e.token}` is not a field of {article} {kind}", src.span(pos, pos + len(e.token)),
                      (f"{article} {kind} has " + ", ".join(f"`{f}`" for f in allowed[:-1]) + f" and `{allowed[-1]}`",))


@cache
def _line_starts() -> frozenset[str]:
    """The keywords a rule of the grammar starts with (a field's name, a rule's `kind`, a bill's `item`): those a
    line of a block may start with, not the words inside a field."""
    from .parse import parser  # the grammar's tables, loaded once parsing has begun

    lark = parser()
    words = {t.name: t.pattern.value for t in lark.terminals if t.pattern.type == "str"}
    return frozenset(words[r.expansion[0].name] for r in lark.rules
                     if not r.origin.name.startswith("_") and r.expansion and r.expansion[0].is_term
                     and r.expansion[0].name in words)


def _missing_open_brace(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`provision ID` with the `{` left out at the end of the line."""
    end = src.code_before(pos)
    if not isinstance(e, UnexpectedToken) or set(e.expected) != {"LBRACE"} or "\n" not in src.text[end:pos]:
        return None
    line, _ = src.line_col(end - 1)
    return Diagnostic("E100", f"`{{` is missing at the end of line {line}", src.span(end),
                      ("a block opens with `{` after its id, and `}` closes it",))


def did_you_mean(word: str, candidates: frozenset[str] | tuple[str, ...]) -> str | None:
    close = difflib.get_close_matches(word, sorted(candidates), n=1, cutoff=0.7)
    return f"did you mean `{close[0]}`?" if close else None


def _trailing_comma(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """A list ending with a comma at the end of a line, followed by something that is not a term."""
    end = src.code_before(pos)
    if not isinstance(e, UnexpectedToken) or not end or src.code[end - 1] != "," or "\n" not in src.text[end:pos]:
        return None
    line, _ = src.line_col(end - 1)
    return Diagnostic("E104", f"the list on line {line} ends with a comma", src.span(end - 1),
                      ("remove the comma after the last term, or add the term that is missing",))


def _number_with_separator(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`1,000`: the comma ends the number."""
    if not isinstance(e, UnexpectedToken) or e.token.type != "COMMA":
        return None
    start, end = src.line_start(pos), src.text.find("\n", pos)
    for m in re.finditer(r"\d{1,3}(?:,\d{3})+", src.code[start:end if end >= 0 else len(src.text)]):
        if start + m.start() < pos < start + m.end():
            return Diagnostic("E100", f"a number is written without separators: `{m.group(0)}`", src.span(pos),
                              (f"write `{m.group(0).replace(',', '')}`",))
    return None


def _mixed_separators(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    """`a | b, c` in an object attribute: any-one and all-of in one list."""
    if not isinstance(e, UnexpectedToken):
        return None
    pair = {e.token.type} | ({"VBAR"} if "VBAR" in e.expected else set()) | \
        ({"COMMA"} if "COMMA" in e.expected else set())
    blocks = src.open_blocks(pos)
    if pair != {"VBAR", "COMMA"} or not blocks or src.block_kind(blocks[-1]) != "object":
        return None
    return Diagnostic("E100", "`|` and `,` are mixed in one attribute", src.span(pos),
                      ("join the values all with | (any one of them suffices) or all with , (all of them are needed)",))


def _extra_closing_brace(e: UnexpectedInput, src: Source, pos: int) -> Diagnostic | None:
    if not isinstance(e, UnexpectedToken) or e.token.type != "RBRACE" or src.open_blocks(pos):
        return None
    return Diagnostic("E107", "this `}` closes no block: the block before it is already closed", src.span(pos),
                      ("remove it, or add the `{` it was meant to close",))


# ------------------------------------------------------------------------------------------- characters
def character_hint(src: Source, pos: int, allowed: set[str]) -> str:
    """What to write instead of the character at `pos`, which no word or sign of the language starts with."""
    char = src.text[pos]
    left = re.search(r"[A-Za-z0-9_.-]*$", src.text[src.line_start(pos):pos])
    right = re.compile(r"[A-Za-z0-9_.-]*").match(src.text, pos)
    word = (left.group(0) if left else "") + (right.group(0) if right else "")
    if char in TYPOGRAPHIC_QUOTES:
        return 'quote texts with straight double quotes "…", not typographic quotes'
    if char in LOOKALIKES:
        return f"write `{LOOKALIKES[char]}` instead of `{char}`: the language uses the plain (half-width) character"
    if char == ":":
        return "no colon is needed: write the name and its value separated by a space, e.g. `person adult`"
    if char == "." and src.text[pos - 2:pos] == "..":
        return "a range is written with two dots: `3..7 years`"
    if char == "." and src.text[pos - 1:pos].isdigit():
        return "numbers are whole numbers, without a decimal point; count part of a year in months: `18 months`"
    if char.isascii() and (char.isupper() or char == "_") and {"NAME", "ID"} & allowed:
        return f"ids and terms are lower-case words joined by hyphens: `{word.lower().replace('_', '-')}`"
    if ord(char) > 127:
        run = re.compile(r"[^\s\"#{}|,;]+").match(src.text, pos)
        if allowed & {"STRING", "BLOCK"}:
            return f'put the text in double quotes: `"{run.group(0) if run else "…"}"`'
        form = form_of(src, pos)
        if "NAME" in allowed and form:
            return f"a term of the vocabulary goes here, as in `{form}`; Chinese wording belongs in quoted texts"
        return "text in Chinese or English goes inside quotes after zh or en"
    if char.isascii() and char.isalnum():
        return form_hint(src, pos)
    return "terms are lower-case words joined by hyphens; texts go in double quotes"


def nesting_error(path: str, text: str) -> Diagnostic:
    """E002 at the outermost block of the deepest nesting: the condition the drafter should flatten."""
    src = Source.of(path, text)
    depth, deepest, outer, start = 0, 0, 0, 0
    for m in re.finditer(r"[{}]", src.code):
        if m.group(0) == "}":
            depth = max(depth - 1, 0)
            continue
        depth += 1
        if depth == 2:
            start = m.start()  # a condition or object block inside its provision
        if depth > deepest:
            deepest, outer = depth, start
    span = src.span(outer) if deepest > 1 else Span(path, 1, 1, 1, 2)
    return Diagnostic("E002", f"conditions are nested too deeply ({deepest - 1} levels)", span,
                      (("a condition rarely needs more than a few levels of `any { … }` and `all { … }`: "
                        "flatten the nesting"),))
