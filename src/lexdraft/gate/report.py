"""Present a gate result to people: plain text, and Markdown (a pull-request comment) or HTML with the bilingual
comparison table of the changed articles (修改前 / 修改后), rendered by the statute renderer."""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..diagnostics import LexdraftError, format_all
from ..language.ast import Document
from ..language.vocabulary import vocabulary
from ..outputs.report import _VERDICT_ZH
from ..pipeline import DraftSet
from ..treaty.conformance import Risk
from ..wording.render import environment, provisions_of, render
from .compare import GateResult, RequirementChange
from .diff import Change, DocumentDiff

STATUS = {"gained": ("gained", "改善"), "lost": ("lost", "降低"), "unchanged": ("unchanged", "不变")}
KIND = {"added": ("added", "新增"), "removed": ("removed", "删除"), "changed": ("changed", "修改")}
FORCE = {"shall": ("obligatory", "强制性"), "may": ("optional", "任择性"), "saving": ("saving clause", "保留条款")}
LANG = {"zh": "中文", "en": "English"}


@dataclass(frozen=True)
class Row:
    """One requirement whose verdict or reach changed, in both languages."""

    change: RequirementChange
    force: tuple[str, str]
    before: tuple[str, str]
    after: tuple[str, str]
    status: tuple[str, str]
    detail: tuple[str, str]


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
class RiskChange:
    """A risk to Art. 21(1) sanctions (README, "Verdicts and risks") that the change brings or removes."""

    jurisdiction: str
    risk: Risk
    kind: tuple[str, str]


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


def _act(verb: str, lang: str) -> str:
    entry = vocabulary().entry("conduct", verb)
    label = entry.get(lang) if entry else None
    return label if isinstance(label, str) else verb


def _detail(c: RequirementChange) -> tuple[str, str]:
    parts_en, parts_zh = [], []
    if c.acts_lost:
        parts_en.append("no longer reached: " + ", ".join(c.acts_lost))
        parts_zh.append("不再涵盖：" + "、".join(_act(a, "zh") for a in c.acts_lost))
    if c.acts_gained:
        parts_en.append("now reached: " + ", ".join(c.acts_gained))
        parts_zh.append("新涵盖：" + "、".join(_act(a, "zh") for a in c.acts_gained))
    if c.fails:
        parts_en.append("fails the gate (an obligatory requirement)")
        parts_zh.append("强制性要求，未通过")
    elif c.status == "lost" and c.requirement.force == "shall":
        parts_en.append("tolerated (--tolerate-partly-met)")
        parts_zh.append("已容许（--tolerate-partly-met）")
    return "; ".join(parts_en), "；".join(parts_zh)


def _rows(result: GateResult) -> list[Row]:
    return [Row(c, FORCE[c.requirement.force], (c.before.verdict, _VERDICT_ZH[c.before.verdict]),
                (c.after.verdict, _VERDICT_ZH[c.after.verdict]), STATUS[c.status], _detail(c))
            for c in result.requirements
            if c.status != "unchanged" or c.before.verdict != c.after.verdict]


def _text_of(doc: Document | None, drafts: DraftSet, lang: str) -> str:
    if doc is None:
        return ""
    try:
        return render(doc, lang, provisions_of([d for f in drafts.files for d in f.documents])).rstrip("\n")
    except LexdraftError as e:  # the table shows what cannot be worded instead of stopping the gate
        return "(" + str(e) + ")"


def _risks(result: GateResult) -> list[RiskChange]:
    """Risks new in the working tree or gone from it; they never fail the gate (they are no gap in the text)."""
    out = []
    for jurisdiction, before, after in result.reports:
        old = {(r.id, r.provision): r for r in before.risks}
        new = {(r.id, r.provision): r for r in after.risks}
        out += [RiskChange(jurisdiction, r, ("new risk", "新增风险")) for k, r in new.items() if k not in old]
        out += [RiskChange(jurisdiction, r, ("risk removed", "风险消除")) for k, r in old.items() if k not in new]
    return out


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
    rows = _rows(result)
    warnings = tuple(format_all([w]) for w in result.new_warnings)
    problems = format_all(result.base_problems, dict(result.base_sources)) if result.base_problems else ""
    return Page(result, verdict, tuple(rows), len(result.requirements) - len(rows), tuple(amendments), warnings,
                problems, tuple(_risks(result)))


def to_text(result: GateResult) -> str:
    """The report a person reads in a terminal or a CI log: English, then Chinese, line by line."""
    p = page(result)
    lines = [f"lexdraft gate: {result.base} ({result.commit[:12]}) -> working tree",
             f"Result / 结论: {p.verdict[0]} / {p.verdict[1]}"]
    if p.base_problems:
        lines += ["", f"The drafts at {result.base} do not load; compared as if there were none / "
                  + "基准版本草案无法加载，视为无草案:", p.base_problems]
    lines += ["", "Changed drafts / 修改的草案:"]
    for a in p.amendments:
        lines.append(f"  {a.diff.id}: {a.kind[0]} / {a.kind[1]} ({a.file})")
        for change in a.changes:
            at = change.span
            where = f"{at.file}:{at.line}:{at.column}: " if at else ""
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
