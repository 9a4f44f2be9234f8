"""The atlas: jurisdictions × treaty requirements, each cell a set's verdict, in text, Markdown, JSON, CSV and HTML."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .. import __version__, escape
from ..language.ast import Provision
from ..language.vocabulary import vocabulary
from ..treaty.conformance import Report
from ..treaty.values import Force, Verdict
from ..wording.environment import environment
from ..wording.labels import label, provenance_mark
from ..wording.versions import law_versions
from .report import FORCE_LABELS, VERDICT_LABELS, benchmark_note, in_own_script, named_reason

JSON_SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Column:
    """One treaty requirement: a column of the matrix."""

    id: str
    article: str
    paragraph: str
    force: Force
    provisional: bool = False  # the treaty's text of the article is provisional ([U-EN]): every verdict inherits it


@dataclass(frozen=True)
class Cell:
    """One jurisdiction's verdict on one requirement, with the provisions that carry it and why."""

    requirement: str
    verdict: Verdict
    met_by: tuple[str, ...]
    reasons: tuple[str, ...]
    unverified: tuple[str, ...]
    rests_on: str | None = None  # the flagged provenance of the text the verdict rests on (paraphrase, r-memory)
    resting: tuple[str, ...] = ()  # the provisions whose text is that weak
    dated: tuple[str, ...] = ()  # the provisions quoting an earlier version (status outdated) the verdict rests on

    @property
    def css(self) -> str:
        """The colour class of the cell: a gap, a part, a reviewer's question, or implemented."""
        return {Verdict.NOT_MET: "gap", Verdict.PARTLY_MET: "part", Verdict.NOT_ASSESSED: "review"}.get(
            self.verdict, "met")


@dataclass(frozen=True)
class Row:
    """One jurisdiction: its set's verdicts in column order, its risks and the versions of the law it quotes."""

    code: str
    name: str
    provisions: tuple[str, ...]
    law_as_at: tuple[str, ...]  # "2024-05-23 (fr.code-penal.226-8-1)"
    cells: tuple[Cell | None, ...]  # None where the article was not checked for it
    risks: tuple[str, ...]
    # why a jurisdiction that cannot become a State Party is assessed as a benchmark (its pack's `benchmark`), said
    # under its name as every report on it says it first; None for a State
    benchmark: str | None = None

    def resting(self, a: Atlas) -> list[str]:
        """Each verdict that rests on flagged text, with the provisions it rests on: "uncc.14.1.a met [R-memory]:
        rests on text given as the compiler's recollection …: br.eca.241-c"."""
        said = [(c, (f"{c.requirement} {a.verdict_label(c)}: {a.words['rests-on']} "
                    f"{label('provenances', c.rests_on, a.lang)}: {', '.join(c.resting)}"))
                for c in self.cells if c is not None and c.rests_on]
        said += [(c, f"{c.requirement} {a.verdict_label(c)}: {a.words['rests-on-dated']}: {', '.join(c.dated)}")
                 for c in self.cells if c is not None and c.dated]
        order = {c.requirement: i for i, c in enumerate(x for x in self.cells if x is not None)}
        return [line for _, line in sorted(said, key=lambda pair: order[pair[0].requirement])]


@dataclass(frozen=True)
class Atlas:
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    lang: str

    def verdict_label(self, cell: Cell | None) -> str:
        """The verdict, with the mark of the weakest flagged text it rests on: "met [R-memory]"."""
        if cell is None:
            return ""
        label = VERDICT_LABELS["zh" if self.lang == "zh" else "en"][cell.verdict]
        label += f" [{provenance_mark(cell.rests_on)}]" if cell.rests_on else ""
        return label + (f" [{DATED}]" if cell.dated else "")

    def provenance_label(self, cell: Cell) -> str:
        """What the weakest text a verdict rests on is: "the compiler's recollection, not retrieved or verified"."""
        return label("provenances", cell.rests_on, self.lang) if cell.rests_on else ""

    @property
    def provenance_note(self) -> str:
        """What a provenance mark beside a verdict means, said once under the matrix ('' when no cell has one)."""
        marks = sorted({c.rests_on for r in self.rows for c in r.cells if c is not None and c.rests_on},
                       key=lambda m: (vocabulary().entry("provenances", m) or {}).get("rank", 0))
        if not marks:
            return ""
        kinds = ("；".join if self.lang == "zh" else "; ".join)(
            f"[{provenance_mark(m)}] {label('provenances', m, self.lang)}" for m in marks)
        if self.lang == "zh":
            return (f"结论后的标记指明该结论所依据的最弱文本来源：{kinds}。"
                    "没有这些条文，结论将有所不同，须先核实其文本。")
        return (f"A mark after a verdict names the weakest text it rests on: {kinds}. Without those provisions the "
                "verdict would differ: their text must be verified first.")

    @property
    def dated_note(self) -> str:
        """What [dated] beside a verdict means, said once under the matrix ('' when no cell has it)."""
        if not any(c is not None and c.dated for r in self.rows for c in r.cells):
            return ""
        if self.lang == "zh":
            return (f"[{DATED}] 该结论所依据的条文为旧版文本，其后经修正，现行文本未经核实 [NF]："
                    "依现行文本，结论可能不同，须先核实现行文本。")
        return (f"[{DATED}] after a verdict: it rests on provisions quoted in the text of an earlier version, since "
                "amended, whose current text was not verified [NF]; on the current text the verdict may differ, so "
                "that text must be verified first.")

    @property
    def words(self) -> dict[str, str]:
        return WORDS["zh" if self.lang == "zh" else "en"]

    @property
    def provisional_note(self) -> str:
        """Which articles' rows rest on provisional treaty text, said once under the matrix ('' when none do)."""
        articles = list(dict.fromkeys(c.article for c in self.columns if c.provisional))
        if not articles:
            return ""
        numbers = [a.rsplit(".", 1)[-1] for a in articles]
        if self.lang == "zh":
            return f"* 第{'、'.join(numbers)}条的公约文本为暂定文本 [U-EN]：各该行的结论均以此为前提。"
        return (f"* The treaty text of Art. {', '.join(numbers)} is provisional [U-EN]: every verdict in "
                f"{'its rows' if len(numbers) == 1 else 'their rows'} inherits that status.")


DATED = "dated"  # the mark of a verdict resting on the text of an earlier version (vocabulary status `dated`)

WORDS = {
    "en": {"title": "Atlas: the treaty requirements in each legal system", "requirement": "requirement",
           "jurisdiction": "jurisdiction", "law-as-at": "Law", "risks": "Risks", "provisions": "Provisions",
           "legend": "met, option-used, beyond and n/a implement the requirement; partly-met and not-met are gaps; "
                     "not-assessed awaits a reviewer.", "none": "none", "implemented-by": "implemented by",
           "unverified": "unverified treaty words", "provisional": "provisional text *",
           "rests-on": "rests on text given as",
           "rests-on-dated": "rests on the text of an earlier version, later amended, current text not verified [NF]"},
    "zh": {"title": "法域对照表：各法律体系对公约要求的实施情况", "requirement": "要求", "jurisdiction": "法域",
           "law-as-at": "法律文本", "risks": "风险", "provisions": "所审查条文",
           "legend": "已实施、采用选择、超出要求、不适用均视为已实施；部分实施、未实施为缺口；"
                     "待审查人员决定者须人工审查。",
           "none": "无", "implemented-by": "实施条文", "unverified": "未经核实的公约用语", "provisional": "暂定文本 *",
           "rests-on": "所依据条文的文本来源",
           "rests-on-dated": "所依据条文为旧版文本，其后经修正，现行文本未经核实 [NF]"},
}


def _reason(report: Report, lang: str) -> Callable[[object], str]:
    """A reason as the atlas says it: about one jurisdiction, so in the script of its statutes (report.in_own_script);
    the atlas's headings, about every jurisdiction and the treaty, keep the default."""
    own = in_own_script(report, lang)

    def say(text: object) -> str:
        value = getattr(text, "zh" if lang == "zh" else "en", None)
        return own(str(value or ""))
    return say


def atlas(reports: Iterable[tuple[str, Report]], lang: str = "en") -> Atlas:
    """The matrix from each jurisdiction's reports, rows in the order given, columns article by article."""
    columns: dict[str, Column] = {}
    rows: dict[str, dict[str, Cell]] = {}
    provisions: dict[str, dict[str, Provision]] = {}
    risks: dict[str, list[str]] = {}
    benchmarks: dict[str, str | None] = {}
    for jurisdiction, report in reports:
        say = _reason(report, lang)
        note = benchmark_note(report, lang)
        benchmarks.setdefault(jurisdiction, note and in_own_script(report, lang)(note))
        rows.setdefault(jurisdiction, {})
        provisions.setdefault(jurisdiction, {}).update({p.id: p for p in report.provisions})
        for f in report.verdicts:
            q = f.requirement
            columns.setdefault(q.id, Column(q.id, report.spec.article, q.paragraph, q.force, report.spec.provisional))
            # a reason several provisions share (14(2)(d) not covered by two sections) is said once, naming them
            said: dict[str, list[str]] = {}
            for n in f.notes:
                named = said.setdefault(say(n.text), [])
                if n.provision and n.provision not in named:
                    named.append(n.provision)
            reasons = tuple(named_reason(text, named, lang, provisions[jurisdiction]) for text, named in said.items())
            rows[jurisdiction][q.id] = Cell(q.id, f.verdict, tuple(f.met_by), reasons, tuple(f.unverified),
                                            f.rests_on, tuple(f.resting), tuple(f.dated))
        for r in report.risks:
            line = f"{r.provision} ({r.requirement}): {say(r.reason)}"
            if line not in risks.setdefault(jurisdiction, []):
                risks[jurisdiction].append(line)
    cols = tuple(columns.values())
    out = []
    for code, cells in rows.items():
        provs = provisions[code].values()
        out.append(Row(code, label("jurisdictions", code, lang) if code != "?" else code,
                       tuple(sorted(provisions[code])), law_versions(provs, lang),
                       tuple(cells.get(c.id) for c in cols), tuple(risks.get(code, ())), benchmarks.get(code)))
    return Atlas(cols, tuple(out), lang)


# ------------------------------------------------------------------------------------------- formats

def to_text(a: Atlas) -> str:
    """The matrix for a terminal: requirements down, jurisdictions across; then each set's law and risks."""
    w = a.words
    head = [w["requirement"], *(r.code for r in a.rows)]
    body = [[c.id + (" *" if c.provisional else ""), *(a.verdict_label(r.cells[i]) for r in a.rows)]
            for i, c in enumerate(a.columns)]
    widths = [max(_width(row[i]) for row in (head, *body)) for i in range(len(head))]
    lines = [w["title"], "", _pad(head, widths), _pad(["-" * n for n in widths], widths)]
    lines += [_pad(row, widths) for row in body]
    lines += ["", w["legend"], *(n for n in (a.provisional_note, a.provenance_note, a.dated_note) if n), ""]
    for r in a.rows:
        lines.append(f"{r.code}: {r.name}")
        if r.benchmark:
            lines.append(f"  {r.benchmark}")
        lines.append(f"  {w['provisions']}: {', '.join(r.provisions)}")
        for v in r.law_as_at:
            lines.append(f"  {w['law-as-at']}: {v}")
        for line in r.resting(a):
            lines.append(f"  {line}")
        for risk in r.risks:
            lines.append(f"  ! {risk}")
    return escape.lines("\n".join(line.rstrip() for line in lines) + "\n")


def _width(s: str) -> int:
    """Columns a string takes in a terminal: a Chinese character takes two."""
    return sum(2 if ord(ch) > 0x2E80 else 1 for ch in s)


def _pad(cells: list[str], widths: list[int]) -> str:
    return "  ".join(c + " " * (n - _width(c)) for c, n in zip(cells, widths, strict=True))


def to_json(a: Atlas) -> str:
    """The documented machine-readable atlas: requirements, and per jurisdiction its verdicts and risks."""
    payload = {
        "lexdraft": __version__, "schema": JSON_SCHEMA_VERSION,
        "requirements": [{"id": c.id, "article": c.article, "paragraph": c.paragraph, "force": str(c.force),
                          "provisional": c.provisional} for c in a.columns],
        "jurisdictions": [
            {"code": r.code, "name": r.name, "benchmark": r.benchmark, "provisions": list(r.provisions),
             "law_as_at": list(r.law_as_at),
             "verdicts": {cell.requirement: {"verdict": str(cell.verdict), "met_by": list(cell.met_by),
                                             "reasons": list(cell.reasons), "unverified": list(cell.unverified),
                                             "rests_on": cell.rests_on, "resting": list(cell.resting),
                                             "dated": list(cell.dated)}
                          for cell in r.cells if cell is not None},
             "risks": list(r.risks)}
            for r in a.rows],
    }
    return escape.json_text(json.dumps(payload, ensure_ascii=False, indent=2) + "\n")


def to_csv(a: Atlas) -> str:
    """One line per jurisdiction and requirement, for a spreadsheet; a cell that a spreadsheet would read as a
    formula is quoted as text."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["jurisdiction", "requirement", "paragraph", "verdict", "implemented_by", "reasons", "rests_on",
                     "dated"])
    for r in a.rows:
        for c, cell in zip(a.columns, r.cells, strict=True):
            if cell is not None:
                writer.writerow([_csv(v) for v in (r.code, c.id, c.paragraph, str(cell.verdict),
                                                   " ".join(cell.met_by), " | ".join(cell.reasons),
                                                   cell.rests_on or "", " ".join(cell.dated))])
    return escape.lines(out.getvalue())


def _csv(value: str) -> str:
    # =, +, - or @ first make a spreadsheet formula of a cell (CSV injection), and so may a tab or carriage return
    # before one (a pack's YAML may quote them): a leading apostrophe keeps it text
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def to_markdown(a: Atlas) -> str:
    return environment().get_template("atlas.md.j2").render(
        atlas=a, cell=escape.markdown_text, force=FORCE_LABELS["zh" if a.lang == "zh" else "en"])


def to_html(a: Atlas, link: Callable[[str, str], str] | None = None) -> str:
    """One HTML page: the colour-coded matrix, each cell linking to the jurisdiction's finding (`link(code,
    requirement)`; by default to the details below the matrix)."""
    href = link or (lambda code, requirement: f"#{code}-{requirement}")
    # autoescaped as an .html template; what reaches the page may not act on a terminal either (escape.text)
    return escape.lines(environment().get_template("atlas.html.j2").render(
        atlas=a, href=href, force=FORCE_LABELS["zh" if a.lang == "zh" else "en"]))
