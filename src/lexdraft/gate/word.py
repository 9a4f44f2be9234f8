"""The gate's report as a Word document: the Markdown report's sections, in the sentences of gate.words.j2, laid out
by lexdraft.outputs.docx's writer (headings as Word styles, real tables, deterministic bytes)."""

from __future__ import annotations

from typing import Any

from .. import escape
from ..outputs.docx import FRAME, HANS, STATUTE, WordBook
from ..wording.environment import environment
from .compare import GateResult
from .report import Marks, page

# Word holds text, not markup; but what a draft, a file name or the command line says is shown as the text report
# shows it (lexdraft.escape): a bidi override or a control in a file name is written as its escape, never acted on.
PLAIN = Marks(escape.text, escape.text, escape.text)


def _say() -> Any:
    """The macros of gate.words.j2, the one place the gate's sentences are written."""
    return environment().get_template("gate.words.j2").module


def to_docx(result: GateResult) -> bytes:
    """The gate's report (English and Chinese, as the Markdown report gives them) as .docx bytes."""
    p = page(result)
    r, say, f = p.result, _say(), PLAIN
    book = WordBook(HANS, "zh", None)
    book.heading(str(say.verdict(p)))
    book.text(str(say.base(r, f)))
    if p.base_problems:
        book.text(str(say.base_problems(r, f)))
        book.text(escape.lines(p.base_problems), preformatted=True)
    if r.rule_changes:
        book.heading(str(say.rule_changes()), 2)
        book.text(str(say.rules_judged(r, f)))
        book.grid(("rule file / 规则文件", "change / 变更", "what would move / 将受影响的结论"),
                  [((escape.text(rc.path),), (rc.kind,), tuple(escape.text(m) for m in rc.moves))
                   for rc in r.rule_changes],
                  [(FRAME, book.fonts.frame)] * 3)
    if r.base_notes:
        book.text(str(say.skipped(r, f)))
        for note in r.base_notes:
            book.text(escape.text(note), bullet=True)
    book.heading(str(say.requirements()), 2)
    if p.rows:
        rows = []
        for row in p.rows:
            change = row.change
            status = tuple(s + (sep + d if d else "") for s, d, sep in zip(row.status, row.detail, (": ", "："),
                                                                           strict=True))
            rows.append((("FAIL",) if change.fails else (),
                         (f"{change.requirement.id} {change.requirement.paragraph}, {row.force[0]} / {row.force[1]}",),
                         (change.jurisdiction,), (f"{row.before[0]} / {row.before[1]}",),
                         (f"{row.after[0]} / {row.after[1]}",), status))
        book.grid(("", "requirement / 要求", "jurisdiction / 法域", "before / 修改前", "after / 修改后",
                   "change / 变化"), rows, [(FRAME, book.fonts.frame)] * 6, widths=(12, 46, 18, 24, 24, 36))
    book.text(str(say.unchanged(p)))
    for rc in p.risks:
        book.text(str(say.risk(rc, f, "\n")), bullet=True)
    book.heading(str(say.changed_drafts()), 2)
    if not p.amendments:
        book.text(str(say.no_drafts()))
    for a in p.amendments:
        book.text(str(say.amendment(a, f)))
        for c in a.changes:
            book.text(str(say.change(c, f, "\n")), bullet=True)
    if p.amendments:
        book.heading("Comparison table / 修改对照表", 2)
        for a in p.amendments:
            book.heading(escape.text(a.diff.id), 3)
            # the lines the change touches in bold, as the Markdown report marks them
            book.grid(("", "修改前 / before", "修改后 / after"),
                      [((col.label,), tuple((x.text, x.changed) for x in col.old),
                        tuple((x.text, x.changed) for x in col.new)) for col in a.columns],
                      [(FRAME, book.fonts.frame), (STATUTE, book.fonts.statute), (STATUTE, book.fonts.statute)],
                      widths=(20, 68, 68))
    if p.warnings:
        book.heading(str(say.new_warnings()), 2)
        book.text(escape.lines("\n".join(p.warnings)), preformatted=True)
    return book.save(str(say.verdict(p)))
