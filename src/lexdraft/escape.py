"""Untrusted strings (draft text, file names, revisions) made safe for where they are shown: a terminal or CI log,
Markdown (inline code, a table cell, text, a fenced block), XML; and the characters a draft may not hold at all."""

from __future__ import annotations

import re
import unicodedata

# Never in a draft (source.py rejects them with a located error): C0 controls but tab and newline, DEL, C1 controls
# (ESC and CSI start terminal escapes, CR rewrites a log line), and the bidi embeddings, overrides and isolates,
# which make a line read otherwise than it is stored. ZWJ, ZWNJ, LRM and RLM stay: Hindi, Arabic, Persian need them.
SCRIPT_MARKS = "\u200c\u200d\u200e\u200f"  # ZWNJ, ZWJ, LRM, RLM
FORBIDDEN = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

# A CI log line that starts, after blanks, with `::` is a GitHub Actions workflow command (`::error …`,
# `::stop-commands::`): no string of a draft may begin a line that way.
WORKFLOW_COMMAND = re.compile(r"^[^\S\n]*::", re.MULTILINE)

# Shown as escapes in text output: every control, format character (bidi marks, joiners, zero-width spaces, BOM),
# line and paragraph separator, and the lone surrogates that stand for the bytes of a file name not in UTF-8.
_HIDDEN = {"Cc", "Cf", "Zl", "Zp", "Cs"}


def _escape_char(c: str) -> str:
    n = ord(c)
    if 0xDC80 <= n <= 0xDCFF:  # a byte of a non-UTF-8 file name, kept by Python's surrogateescape
        return f"\\x{n - 0xDC00:02x}"
    if n < 0x100:
        return f"\\x{n:02x}"
    return f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def _visible(s: str, keep: str) -> str:
    if s.isascii() and s.isprintable():
        return s
    return "".join(_escape_char(c) if c not in keep and unicodedata.category(c) in _HIDDEN else c for c in s)


def text(s: str) -> str:
    """One line of a terminal or CI log: every control, newline and invisible character written as an escape."""
    return _visible(s, "\t")


def lines(s: str) -> str:
    """Lines of a terminal or CI log: as `text`, newlines kept, and a line that would start a workflow command
    (`::`) led by a backslash."""
    return WORKFLOW_COMMAND.sub(lambda m: m.group(0)[:-2] + "\\::", _visible(s, "\t\n"))


def path(s: str) -> str:
    """A file name in text output: escaped as `text`, and one that would lead a line with `::` or a blank given as
    `./…`, the same file, so that `file:line:col` never starts a workflow command."""
    shown = text(s)
    return "./" + shown if shown[:1] in (":", " ", "\t", "-") else shown


def surrogates(s: str) -> str:
    """Text with the bytes of non-UTF-8 file names (lone surrogates) written `\\xff`: any output stays valid UTF-8."""
    return re.sub("[\udc80-\udcff]", lambda m: _escape_char(m.group(0)), s)


_JSON_HIDDEN = re.compile("[\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def json_text(s: str) -> str:
    """Serialized JSON (ensure_ascii=False) that a terminal shows as it is: C1 controls, bidi controls and line
    separators inside its strings written as JSON escapes (read back unchanged), and the bytes of a non-UTF-8 file
    name (lone surrogates, which strict JSON readers refuse) as the text `\\xff`."""
    def one(m: re.Match[str]) -> str:
        c = m.group(0)
        return "\\" + _escape_char(c) if 0xD800 <= ord(c) <= 0xDFFF else f"\\u{ord(c):04x}"
    return _JSON_HIDDEN.sub(one, s)


# XML 1.0 allows tab, newline, CR and the characters from U+0020 but surrogates, U+FFFE and U+FFFF.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml(s: str) -> str:
    """Text for an XML document: characters XML 1.0 cannot hold written as escapes, so the document stays
    well-formed whatever a file name or revision holds."""
    return _NOT_XML.sub(lambda m: _escape_char(m.group(0)), s)


# Markdown -------------------------------------------------------------------------------------------------------

# Characters that make inline markup anywhere in a line: escapes, code, emphasis, strikethrough, links and images,
# HTML and autolinks, entities, table cells, math. Those that make blocks (# - + = > 1.) matter only first in a line.
_INLINE = re.compile(r"([\\`*_~\[\]<>&|$])")
_LINE_START = re.compile(r"^(\s*)([#+=>-]|\d+[.)])")


def markdown_text(s: str) -> str:
    """Text in a Markdown paragraph, list item or table cell: no markup, link, image, HTML, heading, list or table
    cell can start in it, and no @mention, #reference or bare link is made; lines are joined with <br>."""
    return "<br>".join(_markdown_line(line) for line in s.split("\n"))


def _markdown_line(s: str) -> str:
    out = _INLINE.sub(r"\\\1", _visible(s, "\t" + SCRIPT_MARKS))  # a reader of the comment sees the script as written
    out = _LINE_START.sub(lambda m: m.group(1) + m.group(2)[:-1] + "\\" + m.group(2)[-1], out)
    # GitHub makes a mention of @name, an issue link of #12, and a link of www. or ://, even when escaped: a
    # zero-width space (an entity, so the Markdown source stays ASCII there) breaks each, and a reader sees no change.
    out = re.sub(r"([@#])(?=\w)", "\\1&#8203;", out)
    return re.sub(r"(?i)(://|\bwww\.)", lambda m: m.group(0)[0] + "&#8203;" + m.group(0)[1:], out)


def markdown_code(s: str, table: bool = False) -> str:
    """An inline code span holding `s` as it is: fenced with more backticks than any run inside it, padded where it
    starts or ends with a backtick; newlines shown as ⏎ (a span cannot hold one in a table); in a `table` cell,
    `|` escaped as tables need (the table reads `\\|` as a `|` of the span)."""
    body = text(s.replace("\n", "⏎"))
    body = body.replace("|", "\\|") if table else body
    fence = "`" * (max((len(r) for r in re.findall("`+", body)), default=0) + 1)
    pad = " " if body[:1] in ("`", " ") or body[-1:] in ("`", " ") else ""
    return f"{fence}{pad}{body}{pad}{fence}" if body else "` `"


def markdown_block(s: str) -> str:
    """A fenced code block holding `s`: a fence longer than any run of backticks in it, so nothing closes it early."""
    body = lines(s)
    fence = "`" * max(3, max((len(r) for r in re.findall("`+", body)), default=0) + 1)
    return f"{fence}\n{body}\n{fence}"
