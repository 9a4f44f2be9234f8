"""Present a gate result to people: plain text, and Markdown (a pull-request comment) or HTML with the bilingual
comparison table of the changed articles (修改前 / 修改后), rendered by the statute renderer."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..diagnostics import LexdraftError, format_all
from ..language.ast import Document
from ..pipeline import DraftSet
from ..wording.environment import environment
from ..wording.render import provisions_of, render
from . import decisions
from .compare import GateResult
from .decisions import RiskChange, Row
from .diff import Change, DocumentDiff

KIND = {"added": ("added", "新增"), "removed": ("removed", "删除"), "changed": ("changed", "修改")}
LANG = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class Line:
    text: str
    changed: bool  # not on the other side: marked in the table, as amendment tables mark what an amendment touches


@dataclass(frozen=True)
class Column:
    """One language of a changed document: its lines before and after (none where it did not exist)."""

    lang: str
    label: str
    old: tuple[Line, ...]
    new: tuple[Line, ...]


def compared(old: str, new: str) -> tuple[tuple[Line, ...], tuple[Line, ...]]:
    """Both texts as lines, each marked where the other side does not have it (difflib's matching of lines)."""
    a, b = (old.split("\n") if old else []), (new.split("\n") if new else [])
    gone, came = set(range(len(a))), set(range(len(b)))
    for block in difflib.SequenceMatcher(None, a, b, autojunk=False).get_matching_blocks():
        gone -= set(range(block.a, block.a + block.size))
        came -= set(range(block.b, block.b + block.size))
    return (tuple(Line(t, i in gone and bool(t.strip())) for i, t in enumerate(a)),
            tuple(Line(t, i in came and bool(t.strip())) for i, t in enumerate(b)))


@dataclass(frozen=True)
class Amendment:
    diff: DocumentDiff
    file: str
    kind: tuple[str, str]
    changes: tuple[Change, ...]
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Page:
    result: GateResult
    verdict: tuple[str, str]
    rows: tuple[Row, ...]
    unchanged: int
    amendments: tuple[Amendment, ...]
    warnings: tuple[str, ...]
    base_problems: str
    risks: tuple[RiskChange, ...]


def _text_of(doc: Document | None, drafts: DraftSet, lang: str) -> str:
    if doc is None:
        return ""
    try:
        return render(doc, lang, provisions_of([d for f in drafts.files for d in f.documents])).rstrip("\n")
    except LexdraftError as e:  # the table shows what cannot be worded instead of stopping the gate
        return "(" + str(e) + ")"


def page(result: GateResult) -> Page:
    """Everything the templates show, decided here."""
    amendments = []
    for d in result.documents:
        doc = d.new or d.old
        file = doc.span.file if doc is not None and doc.span is not None else ""
        columns = tuple(Column(lang, LANG[lang], *compared(_text_of(d.old, result.old, lang),
                                                           _text_of(d.new, result.new, lang)))
                        for lang in ("zh", "en"))
        amendments.append(Amendment(d, file, KIND[d.kind], d.changes, columns))
    if result.failed:
        verdict = ("FAILED", "未通过")
    else:
        verdict = ("passed", "通过")
    rows = decisions.rows(result)
    warnings = tuple(format_all([w]) for w in result.new_warnings)
    problems = format_all(result.base_problems, dict(result.base_sources)) if result.base_problems else ""
    return Page(result, verdict, tuple(rows), len(result.requirements) - len(rows), tuple(amendments), warnings,
                problems, tuple(decisions.risks(result)))


def to_text(result: GateResult) -> str:
    """The report a person reads in a terminal or a CI log: English, then Chinese, line by line."""
    p = page(result)
    lines = [f"lexdraft gate: {result.base} ({result.commit[:12]}) -> working tree",
             f"Result / 结论: {p.verdict[0]} / {p.verdict[1]}"]
    if p.base_problems:
        lines += ["", f"Drafts at {result.base} that do not load; each is compared as absent / "
                  + "基准版本中无法加载的草案，逐一视为不存在:", p.base_problems]
    if result.rule_changes:
        verdict = ("fails the gate until a maintainer accepts them (--accept-rule-changes)" if result.rules_fail
                   else "accepted (--accept-rule-changes)")
        lines += ["", f"Rule changes: the change edits the rules it is judged by; {verdict} / "
                  + "规则变更：" + ("未经维护者批准，不予通过" if result.rules_fail else "已批准") + ":"]
        for rc in result.rule_changes:
            lines.append(f"  {'FAIL' if result.rules_fail else '    '} {rc.path}: {rc.kind}")
            lines += [f"         would move: {m}" for m in rc.moves]
    if result.base_notes:
        lines += ["", f"Skipped at {result.base} / 基准版本中跳过:", *(f"  {n}" for n in result.base_notes)]
    lines += ["", "Changed drafts / 修改的草案:"]
    for a in p.amendments:
        lines.append(f"  {a.diff.id}: {a.kind[0]} / {a.kind[1]} ({a.file})")
        for change in a.changes:
            at = change.span
            where = f"{at.location()}: " if at else ""
            lines += [f"    - {where}{change.en}", f"      {change.zh}"]
    if not p.amendments:
        lines.append("  none / 无")
    lines += ["", "Treaty requirements / 公约要求:"]
    for r in p.rows:
        c = r.change
        mark = "FAIL" if c.fails else "    "
        lines.append(f"  {mark} {c.jurisdiction} {c.requirement.id} [{c.requirement.paragraph}, {r.force[0]}] "
                     f"{r.before[0]} -> {r.after[0]}: {r.status[0]}" + (f" ({r.detail[0]})" if r.detail[0] else ""))
        lines.append(f"       {r.force[1]}：{r.before[1]} → {r.after[1]}：{r.status[1]}"
                     + (f"（{r.detail[1]}）" if r.detail[1] else ""))
    lines.append(f"  {p.unchanged} unchanged / 其余{p.unchanged}项不变")
    for rc in p.risks:
        risk = rc.risk
        lines += [(f"  ! {rc.kind[0]} ({risk.paragraph}): {rc.jurisdiction} {risk.provision} ({risk.requirement}): "
                  f"{risk.reason.en}"), f"    {rc.kind[1]}（{risk.paragraph}）：{risk.reason.zh}"]
    if p.warnings:
        lines += ["", "New warnings / 新增警告:", *p.warnings]
    return "\n".join(lines) + "\n"


def to_markdown(result: GateResult) -> str:
    return environment().get_template("gate.md.j2").render(page=page(result), cell=markdown_cell,
                                                           cell_lines=markdown_lines)


def to_html(result: GateResult) -> str:
    return environment().get_template("gate.html.j2").render(page=page(result))


def _escaped(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("|", "\\|")


def markdown_cell(text: str) -> str:
    """Text for one cell of a Markdown table: markup characters escaped, lines joined with <br>."""
    return "<br>".join(_escaped(text).split("\n")) or "—"


def markdown_lines(lines: tuple[Line, ...]) -> str:
    """A comparison cell: its lines joined with <br>, the changed ones in bold."""
    shown = (_escaped(x.text).replace("*", "\\*") for x in lines)
    return "<br>".join(f"**{t}**" if x.changed else t for t, x in zip(shown, lines, strict=True)) or "—"
