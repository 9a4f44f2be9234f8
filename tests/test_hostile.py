"""Hostile strings through every output format of every command (issue 11): the commands and formats are read from
the CLI's own argument parser, so a format added later is run here the day it appears, and fails here until this
file has a validator for it. Each output must be well-formed and escaped: no control character or workflow command
reaches a log, Markdown keeps its table and makes no heading, link, image or mention, XML and SARIF keep to their
schemas, and no file the user did not name is written."""

from __future__ import annotations

import argparse
import csv
import functools
import html.parser
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import xmlschema
from check_schema import problems
from lark import Token
from markdown_it import MarkdownIt
from markdown_it.rules_block.table import escapedSplit
from test_decisions import DECIDED
from test_gate import OBLIGATIONS, PROPOSED, ROOT, git, sarif_validator

from lexdraft.cli import build_parser
from lexdraft.diagnostics import LexdraftError
from lexdraft.language.lint import lint
from lexdraft.language.parse import parse_source, parse_text, parser

SCHEMAS = Path(__file__).resolve().parent / "schemas"
IN_FORCE = ROOT / "drafts" / "prc" / "in-force"

# What a draft's strings may hold (controls and bidi overrides are rejected: tests/test_control_characters.py):
# Markdown and HTML metacharacters, template syntax, mentions, references, links, math, backslashes, joiners.
HOSTILE = [
    "`code` ``two`` *em* _em_ ~~gone~~ **bold** \\* \\",
    "[link](https://evil.example) ![img](https://evil.example/x.png) <https://evil.example>",
    "@octocat #1 www.evil.example https://evil.example/p",
    "<script>alert(1)</script> <img src=x onerror=alert(1)> &amp; &lt;",
    "a | b || c \\| d",
    "{{ 7*7 }} {% if true %}x{% endif %} {# c #} ${{ github.token }}",
    "$x^2$ :smile: x ::error::forged",
    "क्\u200dष \u200c \u200e \u200f",
]
ONE_LINE = " ".join(HOSTILE)
# A block may also hold newlines, and lines that would be blocks of their own in Markdown.
BLOCK = "\n".join([*HOSTILE, "# heading", "- item", "> quote", "1. one", "===", "```", "~~~", "<div>", "    code"])
# File names may hold anything but / and NUL: controls, bidi overrides, newlines, `::`, and bytes that are not UTF-8.
NAME = "::error::x \x1b]0;t\x07\x1b[2J \u202eelif\u202c\r\n::stop-commands::t `@octocat` |*_[a](b)_*| {{ 7*7 }}.lexd"
RAW_NAME = b"\xff\xfe not utf-8 \xc3.lexd"
# The office line of a bill's cover: what Word and Akoma Ntoso take as a title block and a docProponent.
OFFICE = "Office <w:t>]]></docProponent>&lt; `x` *y* [z](https://evil.example) @octocat"
# A revision: git refuses controls, blanks and ~^:?*[\ in a branch name, and takes the rest.
REVISION = "base`x`__y__@octocat_#1_<b>|c|{{x}}{%x%}$z$!(u)"
# What a terminal or a GitHub Actions log acts on, in any output.
ACTS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]|^[^\\S\\n]*::", re.MULTILINE)


def _string(s: str) -> str:
    return s.replace('"', "'").replace("\n", " ")


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository: the PRC proposals at a base with a hostile branch name; in the working tree every string
    position holds the hostile strings, one draft under a hostile file name and one under a name not in UTF-8."""
    repo = tmp_path_factory.mktemp("hostile")
    drafts = repo / "drafts"
    drafts.mkdir()
    for f in [*sorted(PROPOSED.glob("*.lexd")), OBLIGATIONS]:
        shutil.copy(f, drafts / f.name)
    git(repo, "init", "-q")
    git(repo, "add", ".")
    git(repo, "commit", "-qm", "base")
    git(repo, "branch", REVISION)
    possession = drafts / "364-1-csem-possession.lexd"
    text = possession.read_text(encoding="utf-8")
    for old, new in [('zh "非法持有未成年人性虐待、性剥削材料罪"', f'zh "非法持有{_string(ONE_LINE)}"'),
                     ('en "Unlawful possession of child sexual abuse or child sexual exploitation material"',
                      f'en "{_string(ONE_LINE)}"'),
                     ('zh "002_e377ccd924af9a86.txt §4.3（艺术创作例外）"', f'zh "{_string(ONE_LINE)}"'),
                     ('en "002_e377ccd924af9a86.txt §4.3 (artistic-creation exemption)"', f'en "{_string(ONE_LINE)}"'),
                     ("conduct      possess, control", "conduct      control")]:
        assert old in text
        text = text.replace(old, new)
    possession.unlink()
    (drafts / NAME).write_text(text, encoding="utf-8")
    dfii = drafts / "dfii-interpretation.lexd"
    text = dfii.read_text(encoding="utf-8")
    old = "  article 3 evidence ai-synthesis by expert-opinion\n"
    assert old in text
    text = text.replace(old, old + f'  article 4 text zh """\n{BLOCK}\n"""\n                 en """\n{BLOCK}\n"""\n')
    dfii.unlink()
    (drafts / os.fsdecode(RAW_NAME)).write_text(text, encoding="utf-8")
    _instruments(repo)
    # a reviewer's decision, whose reason and name every report shows beside the verdict decided
    quoted = "'" + ONE_LINE.replace("'", "''") + "'"
    decided = re.sub(r'(?m)^(\s+(?:en|zh)): ".*"$', lambda m: f"{m.group(1)}: {quoted}", DECIDED.format(verdict="met"))
    (drafts / "decisions.yaml").write_text(decided.replace("who: Li Wei", f"who: {quoted}"), encoding="utf-8")
    assert decided.count(ONE_LINE[:20]) == 2
    # an Akoma Ntoso act holding the hostile strings, for `import` (outside drafts/, which the other commands read)
    act = repo / "act" / "364.lexd"
    act.parent.mkdir()
    text = (IN_FORCE / "364-disseminating-obscene.lexd").read_text(encoding="utf-8")
    text = text.replace('zh "传播淫秽物品罪"', f'zh "传播{_string(ONE_LINE)}"').replace(
        "从重处罚。\n", "从重处罚。\n" + "\n".join(HOSTILE) + "\n", 1)
    act.write_text(text, encoding="utf-8")
    for lang in ("zh", "en"):
        made = lexdraft(repo, ["render", "act/364.lexd", "--lang", lang, "--format", "akn", "-o", f"act.{lang}.xml"])
        assert made.code == 0, made.err.decode("utf-8", "replace")
    shutil.rmtree(act.parent)
    return repo


def _instruments(repo: Path) -> None:
    """The hostile strings where whole instruments and their tables take a drafter's words (issue 15): the bill's
    commencement, the text in force of the article it amends (PRC table: 修改前), and a Taiwan amendment's 說明."""
    bill = repo / "drafts" / "criminal-law-amendment.lexd"
    text = re.sub(r'commencement zh "[^"]*"\n(\s+)en "[^"]*"', lambda m: f'commencement zh "{_string(ONE_LINE)}"\n'
                  f'{m.group(1)}en "{_string(ONE_LINE)}"', bill.read_text(encoding="utf-8"))
    assert ONE_LINE[:20] in text
    # the drafting office's line on a Word cover and an Akoma Ntoso preface (docProponent), as the file states it
    text = text.replace("  amends       criminal-law\n", f'  office       zh "{OFFICE}"\n               en "{OFFICE}"\n'
                        "  amends       criminal-law\n", 1)
    assert OFFICE in text
    bill.write_text(text, encoding="utf-8")
    # the texts in force beside them, outside drafts/ (which the other commands read)
    shutil.copytree(IN_FORCE, repo / "in-force")
    general = repo / "in-force" / "criminal-law-general-part.lexd"
    text = general.read_text(encoding="utf-8")
    for old, new in [("第三百六十六条 单位犯", f"第三百六十六条 {_string(ONE_LINE)} 单位犯"),
                     ('en "Where a unit commits a crime under Article 363, 364 or 365',
                      f'en "{_string(ONE_LINE)} Where a unit commits a crime under Article 363, 364 or 365')]:
        assert text.count(old) == 1
        text = text.replace(old, new)
    general.write_text(text, encoding="utf-8")
    taiwan = repo / "tw"
    shutil.copytree(ROOT / "drafts" / "tw" / "in-force", taiwan / "in-force")
    amendment = (ROOT / "drafts" / "tw" / "proposed" / "csepa-39-amendment.lexd").read_text(encoding="utf-8")
    text = re.sub(r'(explanation\s+zh-hant """\n).*?\n(""")(\s+en """\n).*?\n(""")',
                  lambda m: f"{m.group(1)}{BLOCK}\n{m.group(2)}{m.group(3)}{BLOCK}\n{m.group(4)}", amendment,
                  flags=re.DOTALL)
    assert BLOCK in text
    # its title, which the text as amended names in its own title and standing
    text = re.sub(r'(title\s+zh-hant )"[^"]*"(\s+en )"[^"]*"',
                  lambda m: f'{m.group(1)}"{_string(ONE_LINE)}"{m.group(2)}"{_string(ONE_LINE)}"', text)
    assert text.count(_string(ONE_LINE)) == 2
    (taiwan / "csepa-39-amendment.lexd").write_text(text, encoding="utf-8")
    _fields(repo)


def _plant(path: Path, *subs: tuple[str, Callable[[re.Match[str]], str]]) -> None:
    """Each pattern's first match in the draft replaced by what its function makes of it; the match must be there."""
    text = path.read_text(encoding="utf-8")
    for old, new in subs:
        text, n = re.subn(old, new, text, count=1)
        assert n == 1, (path.name, old)
    path.write_text(text, encoding="utf-8")


def _fields(repo: Path) -> None:
    """The other string fields of the language hold the hostile strings too, each where a draft of the set has it
    (test_every_string_field_of_the_language_is_hostile_in_the_harness: a field added later fails there until it
    is here): a tier's and a sanction's source, a preamble, what rebuts a presumption or a presumed mental element,
    the version of a text in force, an object's own words, and an adopted interpretation's number and adoption
    line."""
    one = _string(ONE_LINE)
    drafts = repo / "drafts"
    _plant(drafts / "286-2-platform-reasonable-care.lexd", (r'\} per zh "[^"]*"', lambda m: f'}} per zh "{one}"'))
    _plant(drafts / "platform-liability-interpretation.lexd",
           (r'preamble     zh "[^"]*"', lambda m: f'preamble     zh "{one}"'),
           (r'rebuttable zh "[^"]*"', lambda m: f'rebuttable zh "{one}"'))
    _plant(drafts / "deepfake-tiered-obligations.lexd",
           (r'(sanction +fine [0-9.]+ yuan per zh )"[^"]*"', lambda m: f'{m.group(1)}"{one}"'))
    _plant(repo / "in-force" / "287-2-helping-network-crime.lexd",
           (r'rebuttable zh "[^"]*"\n(\s+)en "[^"]*"', lambda m: f'rebuttable zh "{one}"\n{m.group(1)}en "{one}"'),
           (r"  status +in-force\n", lambda m: f'{m.group(0)}  version      as-at "2020-12-26" amended-by "{one}"\n'
                                               f'               zh "{one}"\n'))
    # the statute's own words for its object, which a title the review composes for an amendment of it names
    _plant(repo / "in-force" / "364-disseminating-obscene.lexd",
           (r"(object       obscene-material) \{", lambda m: f'{m.group(1)} called zh "{one}" en "{one}" {{'))
    # the interpretation as adopted: its number and adoption line, as the file states them
    _plant(drafts / os.fsdecode(RAW_NAME),
           (r"(  status +)proposed\n", lambda m: f'{m.group(1)}in-force\n  number       "{one}"\n  adopted      zh '
                                                 f'"{one}"\n               en "{one}"\n  commencement "2026-12-01"\n'))


# ------------------------------------------------------------------ every string field of the language

# The fields that carry a drafter's words but cannot carry the hostile strings, each refused where it holds them.
REFUSED_FIELDS = {
    "instrument": ("  instrument   amendment to \"中华人民共和国刑法\"", "E230"),  # names an act of its pack
    "ji_commencement": ('  commencement "2026-12-01"', "E232"),  # a date
}


def _string_fields() -> set[str]:
    """The rules of the grammar that hold a quoted string or text, directly or through a rule inlined into them."""
    expansions: dict[str, set[str]] = {}
    for rule in parser().rules:
        expansions.setdefault(str(rule.origin.name), set()).update(str(s.name) for s in rule.expansion)
    carriers = {"bilingual", "lang_text", "per_source"}
    fields = {name for name, symbols in expansions.items() if symbols & {"STRING", "BLOCK", *carriers}}
    while grown := {name for name, symbols in expansions.items()
                    if name not in fields and any(s in fields and s.startswith("_") for s in symbols)}:
        fields |= grown
    return {f for f in fields - carriers if not f.startswith("_")}


def test_every_string_field_of_the_language_is_hostile_in_the_harness(hostile: Path) -> None:
    """Every field of the grammar that takes a quoted string holds the hostile strings in some draft the harness
    runs through every format, or is refused when it holds them (REFUSED_FIELDS): a field added to the language
    later fails here until _fields plants them in it."""
    fields = _string_fields()
    assert {"title", "text", "version", "tier", "sanction", "adopted", "office"} <= fields, fields
    held = set()
    for path in hostile.rglob("*.lexd"):
        tree = parse_source(path.read_text(encoding="utf-8"), os.fsdecode(path.name)).tree
        held |= {str(t.data) for t in tree.iter_subtrees() if str(t.data) in fields
                 and any(HOSTILE[3] in v or OFFICE in v for v in t.scan_values(lambda v: isinstance(v, Token)))}
    assert fields - held == set(REFUSED_FIELDS), sorted(fields - held)
    for field, (line, code) in REFUSED_FIELDS.items():
        drafts = [p for p in hostile.rglob("*.lexd") if re.search(f"(?m)^{re.escape(line)}", p.read_text("utf-8"))]
        assert drafts, (field, line)
        text = drafts[0].read_text(encoding="utf-8")
        hostile_line = re.sub(r'"[^"]*"', lambda m: f'"{_string(ONE_LINE)}"', line, count=1)
        text = text.replace(line, hostile_line, 1)
        try:
            found = lint([parse_text(text, drafts[0].name)])
        except LexdraftError as e:
            found = e.diagnostics
        assert code in {d.code for d in found}, (field, [(d.code, d.message) for d in found])


# ------------------------------------------------------------------ the commands and formats, from the parser

def _subparsers(parser: argparse.ArgumentParser) -> dict[str, argparse.ArgumentParser]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return dict(action.choices)
    raise AssertionError("lexdraft's parser has no subcommands")


# Commands that speak a protocol on standard input and output rather than print a format.
PROTOCOLS = {"lsp": "lsp"}


def _formats(parser: argparse.ArgumentParser) -> list[str]:
    """The choices of --format, or the one text output of a command without it; --ast makes parse print JSON."""
    options = {o: a for a in parser._actions for o in a.option_strings}
    name = parser.prog.split()[-1]
    formats = list(options["--format"].choices) if "--format" in options else [PROTOCOLS.get(name, "text")]
    return formats + (["json"] if "--ast" in options else [])


def runs() -> list[tuple[str, str]]:
    return [(name, fmt) for name, sub in _subparsers(build_parser()).items() for fmt in _formats(sub)]


def _argv(command: str, fmt: str, parser: argparse.ArgumentParser) -> list[str]:
    """The arguments that run `command` over the hostile drafts; a command this table does not know fails."""
    by_command: dict[str, list[str]] = {
        "check": ["drafts"],
        "review": ["drafts"],
        "atlas": ["drafts"],
        "render": [f"drafts/{NAME}", "--lang", "en"],
        "parse": [f"drafts/{os.fsdecode(RAW_NAME)}"],
        "fmt": [f"drafts/{NAME}"],
        "gate": ["--base", REVISION, "drafts"],
        "explain": ["E005"],
        "terms": ["jurisdictions"],  # the hostile repository's packs with the bundled ones
        "cache": ["--info"],
        "lsp": [],  # a session on standard input: _lsp_session
        "import": ["akn", "act.zh.xml", "act.en.xml"],
    }
    assert command in by_command, f"tests/test_hostile.py has no hostile run for the new command `{command}`"
    options = {o for a in parser._actions for o in a.option_strings}
    extra = ["--format", fmt] if "--format" in options else ["--ast"] if fmt == "json" else []
    return [command, *by_command[command], *extra]


# ------------------------------------------------------------------ validators, one per format

def _text(data: bytes) -> str:
    """Any output: UTF-8 (whatever the file names), and nothing a terminal or CI log acts on."""
    out = data.decode("utf-8")
    found = ACTS.search(out)
    assert not found, f"{found.group()!r} at {found.start()}: {out[max(0, found.start() - 80):found.start() + 80]!r}"
    return out


def _json(data: bytes) -> object:
    value = json.loads(_text(data))
    json.dumps(value, ensure_ascii=False).encode("utf-8")  # no lone surrogate: a strict JSON reader takes it
    return value


def _sarif(data: bytes) -> None:
    log = _json(data)
    assert [e.message for e in sarif_validator().iter_errors(log)] == []
    for location in re.findall(r'"artifactLocation": (\{[^}]*\})', data.decode("utf-8")):
        artifact = json.loads(location)
        assert artifact.get("uriBaseId") == "%SRCROOT%" and not artifact["uri"].startswith(("/", "file:")), artifact


@functools.cache
def _xsd(name: str) -> xmlschema.XMLSchema:
    """A schema, built once per session: building the Akoma Ntoso one costs seconds of processor time."""
    return xmlschema.XMLSchema(str(SCHEMAS / name))


def _junit(data: bytes) -> None:
    _text(data)
    ET.fromstring(data)  # well-formed
    _xsd("JUnit.xsd").validate(data)


class _Tags(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _html(data: bytes) -> None:
    page = _text(data)
    tags = _Tags()
    tags.feed(page)
    assert not {t for t, _ in tags.tags} & {"script", "img", "iframe", "object", "embed"}, tags.tags
    assert all(not name.startswith("on") for _, attrs in tags.tags for name, _ in attrs)
    assert "<script>" not in page and "<img src=x" not in page


def _xml_text(root: ET.Element) -> str:
    return "\n".join(t for e in root.iter() for t in (e.text, e.tail, *e.attrib.values()) if t)


def _safe_xml(data: bytes) -> ET.Element:
    """XML as a reader should read it: no DOCTYPE, so no external entity and no entity expansion can be in it."""
    assert b"<!DOCTYPE" not in data and b"<!ENTITY" not in data, data[:200]
    return ET.fromstring(data)


def _akn(data: bytes) -> None:
    """Akoma Ntoso: well-formed, nothing a terminal acts on, and valid against the OASIS schema."""
    _text(data)
    _safe_xml(data)
    _xsd("akn/akomantoso30.xsd").validate(data)


def _docx(data: bytes) -> None:
    """A Word document: a zip whose XML parts are well-formed, whose text holds no control character, and that
    python-docx opens again."""
    import io
    import zipfile

    import docx

    with zipfile.ZipFile(io.BytesIO(data)) as package:
        for name in package.namelist():
            if name.endswith((".xml", ".rels")):
                part = package.read(name)
                found = ACTS.search(_xml_text(_safe_xml(part)))
                assert not found, (name, found.group())
    document = docx.Document(io.BytesIO(data))
    assert "".join(p.text for p in document.paragraphs)


MARKDOWN = MarkdownIt("commonmark").enable(["table", "strikethrough"])
HEADINGS = re.compile(r"lexdraft gate: .*|Treaty requirements / 公约要求|Changed drafts / 修改的草案|"
                      r"Comparison table / 修改对照表|New warnings / 新增警告|[a-z0-9.-]+|"
                      # lexdraft review: its title, an article of a spec, its fixed parts, a paragraph and verdict
                      r"Review of implementation of the UN Convention against Cybercrime|Article \d+\. [A-Za-z -]+|"
                      r"Scope of the review|The treaty text and its provenance|Measures|Verdicts|Good practices|"
                      r"Going beyond the Convention|Challenges|Recommendations|Notification or declaration|"
                      r"For a reviewer's decision|Decided by a reviewer|Suggested amendment|Sources cited|"
                      r"\d+\(\d+\)(\([a-z]\))?( ⟨existence uncertain⟩)?: [a-z/-]+|"
                      r"Atlas: the treaty requirements in each legal system|[a-z0-9]+: [A-Za-z' ]+|"
                      # render --table: the act's name (the pack's) and the table's, as the pack words them
                      r"[\u4e00-\u9fff]+修改前后对照表|[\u4e00-\u9fff]+(條文修正草案|條文草案)條文對照表|"
                      r"[A-Z][A-Za-z' ()]+: the text before and after amendment|"
                      r"Comparison table: Draft [A-Za-z0-9' ()-]+|"
                      # render --memorandum: its title (the bill's) and each item's part, as its pack numbers them
                      r"关于《.+》的说明|Explanation of the .+|[一二三四五六七八九十]+、(增加|修改|删去|在|施行日期).*|"
                      r"\d+\\?\. (Article|Paragraph|A paragraph|Commencement).*|"
                      # render --as-amended: its title (the act's and the amendment's) and each article's label
                      r".+（依「.+」修正後之條文）|.+（根据《.+》修改后的有关条文）|"
                      r".+: the (text|articles) as amended by the .+|"
                      r"第[〇一二三四五六七八九十百千]+[条條](之[一二三四五六七八九十]+)?|"
                      r"Article [0-9]+(-[0-9]+)*")


def _markdown(data: bytes, headings: re.Pattern[str] | None = HEADINGS) -> None:
    """Parsed as a reader's Markdown would be: tables keep their cells, and the only headings, HTML and links are
    lexdraft's own; no text makes an @mention, an issue reference or a bare link."""
    source = _text(data)
    lines = source.split("\n")
    tokens = MARKDOWN.parse(source)
    for i, t in enumerate(tokens):
        assert t.type not in ("html_block", "code_block"), (t.type, t.content)
        if t.type == "heading_open":
            assert headings is not None and headings.fullmatch(tokens[i + 1].content), tokens[i + 1].content
        if t.type == "table_open":
            assert t.map is not None
            rows = [r for r in lines[t.map[0]:t.map[1]] if r.strip()]
            widths = {len(escapedSplit(r.strip().strip("|"))) for r in rows}
            assert len(widths) == 1, rows  # every row has the header's cells: no value opened or closed one
        for child in t.children or []:
            assert child.type not in ("link_open", "image", "autolink_open"), child
            if child.type == "html_inline":  # lexdraft's own: line breaks, and a comparison table's changed words
                assert child.content in ("<br>", "<ins>", "</ins>", "<del>", "</del>"), child.content
            if child.type == "text":
                assert not re.search(r"(?<![\w`])[@#]\w|https?://|www\.", child.content), child.content


def _frames(data: bytes) -> list[dict[str, object]]:
    """The JSON-RPC messages of a language server's output (Content-Length framing)."""
    out = []
    while data:
        head, _, rest = data.partition(b"\r\n\r\n")
        length = int(re.search(rb"Content-Length: (\d+)", head).group(1))  # type: ignore[union-attr]
        out.append(_json(rest[:length]))
        data = rest[length:]
    return out  # type: ignore[return-value]


def _lsp(data: bytes) -> None:
    """Every message is valid JSON with nothing a terminal acts on; every hover is Markdown that shows a draft's
    title and file name as written (no heading, link, image, HTML or mention of their own)."""
    hovers = [m["result"] for m in _frames(data) if isinstance(m.get("result"), dict) and "contents" in m["result"]]
    assert hovers, "the language server answered no hover"
    for hover in hovers:
        _markdown(hover["contents"]["value"].encode("utf-8"), headings=None)


def _csv(data: bytes) -> None:
    """CSV: well-formed rows of one width, and no cell a spreadsheet would run as a formula."""
    rows = list(csv.reader(io.StringIO(_text(data))))
    assert rows and len({len(r) for r in rows}) == 1, rows[:3]
    assert not [c for r in rows for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]


VALIDATORS: dict[str, Callable[[bytes], object]] = {
    "text": _text, "json": _json, "markdown": _markdown, "html": _html, "sarif": _sarif, "junit": _junit, "csv": _csv,
    "docx": _docx, "akn": _akn, "lsp": _lsp,
}


@dataclass(frozen=True)
class Run:
    code: int
    out: bytes
    err: bytes


def lexdraft(repo: Path, argv: list[str], stdin: bytes | None = None) -> Run:
    env = {**os.environ, "LC_ALL": "C.UTF-8", "LANG": "C.UTF-8", "PYTHONIOENCODING": "", "PYTHONUTF8": ""}
    done = subprocess.run([sys.executable, "-m", "lexdraft.cli", *argv], cwd=repo, capture_output=True, env=env,
                          check=False, timeout=300, input=stdin)
    return Run(done.returncode, done.stdout, done.stderr)


def _message(body: dict[str, object]) -> bytes:
    data = json.dumps({"jsonrpc": "2.0", **body}).encode("utf-8")
    return b"Content-Length: %d\r\n\r\n" % len(data) + data


def _lsp_session(repo: Path) -> bytes:
    """An editor's session: open the draft with the hostile title and file name, hover over its id, and leave."""
    path = repo / "drafts" / NAME
    text = path.read_text(encoding="utf-8")
    uri = path.as_uri()
    line = next(i for i, s in enumerate(text.split("\n")) if s.startswith("provision "))
    return b"".join(_message(m) for m in [
        {"id": 1, "method": "initialize", "params": {"processId": None, "rootUri": repo.as_uri(), "capabilities": {},
                                                    "workspaceFolders": [{"uri": repo.as_uri(), "name": "drafts"}]}},
        {"method": "initialized", "params": {}},
        {"method": "textDocument/didOpen", "params": {"textDocument": {"uri": uri, "languageId": "lexdraft",
                                                                       "version": 1, "text": text}}},
        {"id": 2, "method": "textDocument/hover", "params": {"textDocument": {"uri": uri},
                                                            "position": {"line": line, "character": 14}}},
        {"id": 3, "method": "shutdown"},
        {"method": "exit"},
    ])


def _files(repo: Path) -> dict[str, bytes]:
    return {os.fsdecode(p.relative_to(repo)): p.read_bytes() for p in repo.rglob("*")
            if p.is_file() and ".git" not in p.relative_to(repo).parts}


@pytest.mark.parametrize(("command", "fmt"), runs(), ids=lambda x: x)
def test_every_format_of_every_command_is_well_formed_and_escaped(hostile: Path, command: str, fmt: str) -> None:
    assert fmt in VALIDATORS, f"no validator for `{command} --format {fmt}`: add one to tests/test_hostile.py"
    argv = _argv(command, fmt, _subparsers(build_parser())[command])
    before = _files(hostile)
    run = lexdraft(hostile, argv, _lsp_session(hostile) if command in PROTOCOLS else None)
    assert run.code in (0, 1), (argv, run.code, run.err.decode("utf-8", "replace"))
    VALIDATORS[fmt](run.out)
    if (command, fmt) == ("check", "json"):  # and as the published schema says
        assert problems(json.loads(run.out)) == []
    _text(run.err)
    assert _files(hostile) == before, "a command wrote a file the user did not name"


def test_the_harness_reads_every_command_and_format() -> None:
    """The enumeration is the parser's: every subcommand appears, each with every --format choice."""
    found = runs()
    assert {c for c, _ in found} == set(_subparsers(build_parser()))
    assert ("gate", "junit") in found and ("check", "json") in found and ("parse", "json") in found


def test_a_format_without_a_validator_fails_the_harness(monkeypatch: pytest.MonkeyPatch) -> None:
    def wider() -> argparse.ArgumentParser:
        parser = real()
        gate = _subparsers(parser)["gate"]
        next(a for a in gate._actions if "--format" in a.option_strings).choices = ("text", "yaml")
        return parser

    real = build_parser
    monkeypatch.setattr(sys.modules[__name__], "build_parser", wider)
    assert ("gate", "yaml") in runs()
    with pytest.raises(AssertionError, match="no validator"):
        test_every_format_of_every_command_is_well_formed_and_escaped(Path("."), "gate", "yaml")


# ------------------------------------------------------------------ whole instruments and their tables (issue 15)

# What `render` makes of each instrument: the bill (its commencement hostile), the interpretation (an article of
# hostile lines), and the comparison tables of the PRC bill (修改前 in force, hostile) and of a Taiwan amendment
# (說明 hostile).
INSTRUMENTS = {
    "bill": ["drafts/criminal-law-amendment.lexd", "--with", "in-force"],
    "interpretation": [f"drafts/{os.fsdecode(RAW_NAME)}"],
    "prc-table": ["drafts/criminal-law-amendment.lexd", "--with", "in-force"],
    "tw-table": ["tw/csepa-39-amendment.lexd", "--with", "tw/in-force"],
    "memorandum": ["drafts/criminal-law-amendment.lexd", "--with", "in-force"],
    "tw-as-amended": ["tw/csepa-39-amendment.lexd", "--with", "tw/in-force"],
}
OPTIONS = {"bill": "--format", "interpretation": "--format", "prc-table": "--table", "tw-table": "--table",
           "memorandum": "--memorandum", "tw-as-amended": "--as-amended"}


def instrument_runs() -> list[tuple[str, str, str, str]]:
    """(instrument, option, format, language): every --format choice for a bill and an interpretation, every --table
    choice for the tables, read from the parser as the runs above are."""
    render = _subparsers(build_parser())["render"]
    options = {o: a for a in render._actions for o in a.option_strings}
    return [(subject, option, fmt, lang) for option, subjects in (("--format", ("bill", "interpretation")),
                                                                   ("--table", ("prc-table", "tw-table")),
                                                                   ("--memorandum", ("memorandum",)),
                                                                   ("--as-amended", ("tw-as-amended",)))
            for subject in subjects for fmt in options[option].choices for lang in ("zh", "en")]


_RENDERED: dict[tuple[Path, str, str, str, str], Run] = {}  # the runs below, read again point by point


@pytest.mark.parametrize(("subject", "option", "fmt", "lang"), instrument_runs(), ids=lambda x: x)
def test_every_instrument_and_table_is_well_formed_and_escaped(hostile: Path, subject: str, option: str, fmt: str,
                                                               lang: str) -> None:
    assert fmt in VALIDATORS, f"no validator for `render {option} {fmt}`: add one to tests/test_hostile.py"
    before = _files(hostile)
    run = _RENDERED[hostile, subject, option, fmt, lang] = lexdraft(
        hostile, ["render", *INSTRUMENTS[subject], option, fmt, "--lang", lang])
    assert run.code == 0, (subject, option, fmt, run.err.decode("utf-8", "replace"))
    VALIDATORS[fmt](run.out)
    _text(run.err)
    assert _files(hostile) == before, "a command wrote a file the user did not name"


def _docx_text(data: bytes) -> str:
    import io

    import docx

    document = docx.Document(io.BytesIO(data))
    cells = [c.text for t in document.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


class _Text(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(data: bytes) -> str:
    reader = _Text()
    reader.feed(data.decode("utf-8"))
    return "".join(reader.parts)


SHOWN: dict[str, Callable[[bytes], str]] = {
    "text": lambda data: data.decode("utf-8"), "markdown": lambda data: "\n".join(_cells(data.decode("utf-8"))),
    "html": lambda data: _html_text(data), "docx": lambda data: _docx_text(data),
    "akn": lambda data: "".join(_safe_xml(data).itertext()),
}


@pytest.mark.parametrize("subject", sorted(INSTRUMENTS))
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_instruments_and_tables_show_hostile_strings_as_written(hostile: Path, subject: str, lang: str) -> None:
    """Every hostile line reaches every format as the drafter wrote it: in a Markdown cell and in HTML as text (not
    markup), in a Word paragraph or table cell, in Akoma Ntoso's text."""
    option = OPTIONS[subject]
    for _, _, fmt, _ in [r for r in instrument_runs() if r[0] == subject and r[3] == lang]:
        run = _RENDERED.get((hostile, subject, option, fmt, lang)) or lexdraft(
            hostile, ["render", *INSTRUMENTS[subject], option, fmt, "--lang", lang])
        assert run.code == 0, run.err.decode("utf-8", "replace")
        text = SHOWN[fmt](run.out)
        for s in HOSTILE:
            assert s in text, (fmt, s)
        if subject in ("tw-table", "interpretation"):  # a block's lines Markdown would take for blocks of their own
            for line in ("# heading", "- item", "> quote", "```", "<div>"):
                assert line in text, (fmt, line)
        if subject in ("bill", "memorandum") and fmt in ("docx", "akn"):  # the Word cover, the AKN docProponent
            assert OFFICE in text, (subject, fmt)


def test_the_harness_renders_every_instrument_in_every_format() -> None:
    found = instrument_runs()
    assert ("bill", "--format", "akn", "zh") in found and ("tw-table", "--table", "docx", "en") in found
    assert {f for _, o, f, _ in found if o == "--table"} == {"text", "markdown", "html", "docx"}
    assert {f for _, o, f, _ in found if o == "--memorandum"} == {"text", "markdown", "html", "docx", "akn"}
    assert {f for _, o, f, _ in found if o == "--as-amended"} == {"text", "markdown", "html", "docx", "akn"}


def _pending(repo: Path) -> list[str]:
    """--pending for each hostile draft but the obligations in force (in-force/ holds them too); the reviewer's
    decisions beside them are read with them."""
    return [a for p in sorted((repo / "drafts").iterdir()) if p.suffix == ".lexd" and p.name != OBLIGATIONS.name
            for a in ("--pending", f"drafts/{os.fsdecode(p.name)}")]


def test_the_reviewers_decision_reaches_the_reports_as_written(hostile: Path) -> None:
    """The decisions.yaml of the hostile drafts is read: its reason and its reviewer's name stand in the check's
    report and the review's Markdown as written (so the runs above test them in every format)."""
    run = lexdraft(hostile, ["check", "drafts"])
    assert f"decided by a reviewer ({ONE_LINE}, 2026-12-01)" in _text(run.out), run.err.decode("utf-8", "replace")
    run = lexdraft(hostile, ["review", "drafts", "--format", "markdown"])
    shown = "\n".join(_cells(run.out.decode("utf-8")))
    assert f"Decided by a reviewer ({ONE_LINE}, 2026-12-01): {ONE_LINE}" in shown


def _review_formats() -> list[str]:
    review = _subparsers(build_parser())["review"]
    return list(next(a for a in review._actions if "--format" in a.option_strings).choices)


@pytest.mark.parametrize("fmt", _review_formats())
def test_a_review_with_pending_drafts_is_well_formed_and_escaped(hostile: Path, fmt: str) -> None:
    """`review --pending`: the law in force reviewed (its general part holding the hostile strings) beside the
    hostile drafts pending before the legislature, which a verdict says close a gap, in every format of review."""
    before = _files(hostile)
    run = lexdraft(hostile, ["review", "in-force", *_pending(hostile), "--format", fmt])
    assert run.code in (0, 1), run.err.decode("utf-8", "replace")
    VALIDATORS[fmt](run.out)
    _text(run.err)
    assert _files(hostile) == before, "a command wrote a file the user did not name"


def test_written_amendments_are_drafts_that_read_back_and_nothing_else_is_written(hostile: Path,
                                                                                  tmp_path: Path) -> None:
    """`review --write-amendments DIR` over the hostile drafts: only DIR is written, each file in it is UTF-8 holding
    nothing a terminal acts on, and reads back as a draft beside the law it amends and the drafts it names."""
    before = _files(hostile)
    folder = tmp_path / "amendments"
    run = lexdraft(hostile, ["review", "in-force", *_pending(hostile), "--write-amendments", str(folder)])
    assert run.code in (0, 1), run.err.decode("utf-8", "replace")
    _text(run.err)
    assert _files(hostile) == before, "a command wrote a file the user did not name"
    written = sorted(folder.iterdir())
    assert written and all(p.suffix == ".lexd" and p.is_file() for p in written), written
    for path in written:
        _text(path.read_bytes())
        beside = [a.replace("--pending", "--with") for a in _pending(hostile)]  # the pending drafts it may name
        back = lexdraft(hostile, ["parse", str(path), "--with", "in-force", *beside, "--with", str(folder)])
        assert back.code == 0, (path.name, back.err.decode("utf-8", "replace"))


# Options that take a value and choose what is read, checked against or worded in, not what is written.
READS = {"--against", "--with", "--status", "--lang", "--pack", "--pending", "--base"}
# Options that choose what is written or where, each run on the hostile drafts by a test of this file.
WRITES = {"--format": "test_every_format_of_every_command_is_well_formed_and_escaped",
          "--table": "test_every_instrument_and_table_is_well_formed_and_escaped",
          "--memorandum": "test_every_instrument_and_table_is_well_formed_and_escaped",
          "--as-amended": "test_every_instrument_and_table_is_well_formed_and_escaped",
          "--output": "the bytes the format's run validates (cli.write_output), tests/test_bad_inputs.py's -o cases",
          "--write-amendments": "test_written_amendments_are_drafts_that_read_back_and_nothing_else_is_written"}


def _valued_options() -> list[tuple[str, str]]:
    """(command, option) for every option of every command that takes a value, by its long name."""
    return [(name, max(a.option_strings, key=len)) for name, sub in _subparsers(build_parser()).items()
            for a in sub._actions if a.option_strings and a.nargs != 0 and not isinstance(a, argparse._HelpAction)]


def test_every_option_that_chooses_an_output_has_a_hostile_run() -> None:
    """An option added later that writes a new format or file fails here until this file runs the hostile drafts
    through it (and names the test in WRITES), or says it only chooses what is read (READS)."""
    unknown = [f"{command} {option}" for command, option in _valued_options() if option not in READS | set(WRITES)]
    assert not unknown, f"tests/test_hostile.py has no hostile run for {unknown}: add one, and name it in WRITES"
    tests = {name for name in globals() if name.startswith("test_")}
    assert all(test in tests for test in WRITES.values() if test.startswith("test_")), WRITES
    choosing = {(command, option) for command, option in _valued_options() if option in WRITES}
    assert {("render", o) for o in ("--format", "--table", "--memorandum", "--as-amended")} <= choosing
    assert ("review", "--write-amendments") in choosing
    # every choice of a format option is run: the command's own --format by runs(), render's instruments' by
    # instrument_runs()
    for command, option in choosing:
        action = next(a for a in _subparsers(build_parser())[command]._actions if option in a.option_strings)
        for choice in action.choices or ():
            ran = (command, choice) in runs() if option == "--format" else \
                any(o == option and f == choice for _, o, f, _ in instrument_runs())
            assert ran, f"`{command} {option} {choice}` has no hostile run"


def test_a_new_output_option_fails_the_harness(monkeypatch: pytest.MonkeyPatch) -> None:
    def wider() -> argparse.ArgumentParser:
        parser = real()
        _subparsers(parser)["check"].add_argument("--annotations", choices=("github", "gitlab"))
        return parser

    real = build_parser
    monkeypatch.setattr(sys.modules[__name__], "build_parser", wider)
    with pytest.raises(AssertionError, match="no hostile run for \\['check --annotations'\\]"):
        test_every_option_that_chooses_an_output_has_a_hostile_run()


# ------------------------------------------------------------------ point by point (issue 11)

def _cells(source: str) -> Iterator[str]:
    """The plain text of every inline run of a Markdown document, as a reader sees it (zero-width spaces dropped)."""
    for t in MARKDOWN.parse(source):
        if t.type == "inline":
            yield "".join(c.content if c.type in ("text", "code_inline") else "\n" for c in t.children or []
                          ).replace("\u200b", "")


def test_markdown_report_shows_hostile_strings_as_written_in_every_position(hostile: Path) -> None:
    """Point 5: title, Chinese title, source and text (the comparison table), file name and revision all reach the
    comment, and each reads exactly as written, not as markup."""
    run = lexdraft(hostile, ["gate", "--base", REVISION, "drafts", "--format", "markdown"])
    assert run.code == 1, run.err.decode("utf-8", "replace")
    source = run.out.decode("utf-8")
    _markdown(run.out)
    shown = "\n".join(_cells(source))
    assert REVISION in shown  # the revision, in an inline code span
    assert NAME.replace("\n", "⏎").split("\x1b")[0] in shown  # the file name, up to its first control (escaped)
    for s in HOSTILE:
        assert s in shown, s  # title, Chinese title and source lines of the rendered text, and every line of text
    assert "非法持有" + ONE_LINE in shown  # the Chinese title


def test_junit_is_well_formed_whatever_the_file_name(hostile: Path) -> None:
    """Point 7: a control character in a file name or a revision leaves JUnit XML well-formed and valid."""
    run = lexdraft(hostile, ["gate", "--base", REVISION, "drafts", "--format", "junit"])
    assert run.code == 1, run.err.decode("utf-8", "replace")
    _junit(run.out)


@pytest.mark.parametrize("argv", [["gate", "--base", REVISION, "drafts", "--format", f] for f in
                                  ("text", "markdown", "html", "sarif", "junit")] + [["check", "drafts", "--format",
                                                                                       "json"]], ids=" ".join)
def test_a_file_name_not_in_utf8_crashes_no_format(hostile: Path, argv: list[str]) -> None:
    """Point 7: under a UTF-8 locale a file name that is not UTF-8 is shown escaped, never an exit 3."""
    run = lexdraft(hostile, argv)
    assert run.code == 1, run.err.decode("utf-8", "replace")
    out = _text(run.out)  # UTF-8 throughout
    if argv[-1] in ("text", "markdown", "html"):  # the reports that list the changed files
        assert "\\xff\\xfe not utf-8 \\xc3.lexd" in out


def test_sarif_locations_are_relative_to_the_repository_root(hostile: Path) -> None:
    """Point 8: whatever path was given, SARIF names files from the repository root (%SRCROOT%)."""
    for given in ("drafts", str(hostile / "drafts"), "./drafts/"):
        run = lexdraft(hostile, ["gate", "--base", REVISION, given, "--format", "sarif"])
        assert run.code == 1, run.err.decode("utf-8", "replace")
        _sarif(run.out)
        uris = re.findall(r'"uri": "([^"]*)"', run.out.decode("utf-8"))
        assert uris and all(u.startswith("drafts/") for u in uris), uris
    inside = hostile / "drafts"
    run = lexdraft(inside, ["gate", "--base", REVISION, ".", "--format", "sarif"])
    uris = re.findall(r'"uri": "([^"]*)"', run.out.decode("utf-8"))
    assert uris and all(u.startswith("drafts/") for u in uris), uris


def test_a_term_s_hover_shows_a_pack_s_labels_as_written(tmp_path: Path, cache_home: Path) -> None:
    """A pack's vocabulary.yaml (a drafting office's, or a pull request's) adds terms whose labels the language
    server shows on hover: as text, never as the Markdown, link or HTML they hold."""
    import yaml

    from lexdraft import packs
    from lexdraft.lsp.describe import term

    shutil.copytree(ROOT / "tests" / "packs" / "yy", tmp_path / "yy")
    labels = {"zh": ONE_LINE, "en": ONE_LINE}
    (tmp_path / "yy" / "vocabulary.yaml").write_text(
        yaml.safe_dump({"issuers": {"testland-high-court": labels}}, allow_unicode=True), encoding="utf-8")
    with packs.using([str(tmp_path / "yy")]):
        hover = term("issuers", "testland-high-court")
    assert hover is not None
    _markdown(hover.encode("utf-8"), headings=None)
    assert all(s in "\n".join(_cells(hover)) for s in HOSTILE), hover


def test_terms_print_a_pack_s_labels_as_text(tmp_path: Path, cache_home: Path,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    """`lexdraft terms` prints a pack's terms (a drafting office's, or a pull request's): every control and
    invisible character of their labels escaped, so nothing a terminal or CI log acts on."""
    import yaml

    from lexdraft.cli import main

    shutil.copytree(ROOT / "tests" / "packs" / "yy", tmp_path / "yy")
    labels = {"zh": ONE_LINE, "en": ONE_LINE}
    (tmp_path / "yy" / "vocabulary.yaml").write_text(
        yaml.safe_dump({"issuers": {"testland-high-court": labels}}, allow_unicode=True), encoding="utf-8")
    assert main(["terms", "issuers", "--pack", str(tmp_path / "yy")]) == 0
    out = capsys.readouterr().out
    assert "testland-high-court: " in out, out
    _text(out.encode("utf-8"))


def test_sarif_of_a_broken_draft_whose_name_is_not_utf8(hostile: Path, tmp_path: Path) -> None:
    """Point 7: the SARIF written for a draft that does not parse names it by its own bytes, percent-encoded."""
    repo = tmp_path / "repo"
    shutil.copytree(hostile, repo, symlinks=True)
    draft = repo / "drafts" / os.fsdecode(RAW_NAME)
    draft.write_text(draft.read_text(encoding="utf-8").replace("issuer ", "isuer "), encoding="utf-8")
    run = lexdraft(repo, ["gate", "--base", REVISION, "drafts", "--format", "sarif"])
    assert run.code == 2, run.err.decode("utf-8", "replace")
    _sarif(run.out)
    assert '"uri": "drafts/%FF%FE%20not%20utf-8%20%C3.lexd"' in run.out.decode("utf-8")
    assert "\\xff\\xfe not utf-8 \\xc3.lexd:" in _text(run.err)


# ------------------------------------------------------------------ what held up under the same review stays covered
# (HTML autoescape: test_gate.test_html_page_is_escaped and test_determinism's autoescape test; `--base` option
# injection: test_gate.test_bad_revision_and_no_repository; YAML tags: tests/bad/specs/python-tag.yaml; hash seeds:
# test_determinism; fmt round-trips of any string: test_fmt.test_generated_trees_round_trip.)

@pytest.mark.parametrize("article", ["../../../../etc/passwd", "uncc.14/../../../etc/passwd", "/etc/passwd"])
def test_against_never_reads_a_path(hostile: Path, article: str) -> None:
    for command in (["check", "drafts"], ["gate", "--base", REVISION, "drafts"]):
        run = lexdraft(hostile, [*command, "--against", article])
        err = _text(run.err)
        assert run.code == 2 and "error[E401]: unknown treaty article" in err, err
        assert "root:" not in err and run.out == b""


def test_reports_are_the_same_bytes_in_every_locale(hostile: Path) -> None:
    outputs = []
    for locale in ("C.UTF-8", "C", "POSIX", "tr_TR.UTF-8", "zh_CN.GB18030"):
        env = {**os.environ, "LC_ALL": locale, "LANG": locale}
        done = subprocess.run([sys.executable, "-m", "lexdraft.cli", "gate", "--base", REVISION, "drafts"], cwd=hostile,
                              capture_output=True, env=env, check=False, timeout=300)
        outputs.append((done.returncode, done.stdout))
    assert len(set(outputs)) == 1, [o[:1] for o in outputs]


@pytest.mark.parametrize("doctype", ['<!DOCTYPE akomaNtoso [<!ENTITY e SYSTEM "file:///etc/passwd">]>',
                                     ('<!DOCTYPE akomaNtoso [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;'
                                      '&a;&a;&a;&a;"><!ENTITY e "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>')])
def test_import_expands_no_entity(hostile: Path, tmp_path: Path, doctype: str) -> None:
    """XML is read with no external entity and no entity expansion: an act with a DOCTYPE is refused, located."""
    act = (hostile / "act.zh.xml").read_text(encoding="utf-8")
    head, _, body = act.partition("\n")
    planted = tmp_path / "act.xml"
    planted.write_text(head + "\n" + doctype + "\n" + body.replace("传播", "&e;传播", 1), encoding="utf-8")
    run = lexdraft(hostile, ["import", "akn", str(planted)])
    err = _text(run.err)
    assert run.code == 2 and "error[E" in err, err
    assert b"root:" not in run.out and b"aaaaaaaaaa" not in run.out


def test_a_common_law_section_holds_hostile_strings_as_text_in_every_part(tmp_path: Path) -> None:
    """Akoma Ntoso's section parts (heading, subsection, paragraph, subparagraph, clause, intro, hcontainer, wrapUp)
    take their words from the text's lines: each hostile string in one of them, written as text in valid XML."""
    h = [s.replace('"', "'") for s in HOSTILE]
    lines = [f"990. {h[0]}", f"(1) {h[1]}", f"(a) {h[2]}", h[3], f"(i) {h[4]}", f"(aa) {h[5]}", h[6],
             f"(2) {h[7]}", *h[8:]]
    (tmp_path / "s.lexd").write_text(
        'provision nz.fvpca.990 {\n  jurisdiction nz\n  status in-force\n  instrument fvpca\n  title en "A"\n'
        '  source "x"\n  text en """\n' + "\n".join(lines) + '\n"""\n}\n', encoding="utf-8")
    run = lexdraft(tmp_path, ["render", "s.lexd", "--lang", "en", "--format", "akn"])
    assert run.code == 0, run.err.decode("utf-8", "replace")
    _akn(run.out)
    root = _safe_xml(run.out)
    found = {e.tag.split("}")[-1] for e in root.iter() if isinstance(e.tag, str)}
    assert {"heading", "subsection", "paragraph", "subparagraph", "clause", "intro", "hcontainer", "wrapUp"} <= found
    text = "".join(root.itertext())
    for s in h:
        assert s in text, s
