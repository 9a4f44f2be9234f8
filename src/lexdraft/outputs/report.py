"""Present conformance reports: plain text for people (en or zh) and stable JSON for machines."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from .. import __version__, escape
from ..diagnostics import Diagnostic, Span
from ..language.ast import Provision
from ..treaty.conformance import Finding, Note, Report
from ..treaty.spec import treaty_citation_form
from ..treaty.values import Force, Verdict
from ..wording.citations import cite_treaty_as, within_law
from ..wording.labels import label, provenance_mark, text_in, traditional
from ..wording.taiwan import in_script
from ..wording.versions import law_versions
from ..wording.words import of_several

JSON_SCHEMA_VERSION = 2  # schemas/check.schema.json; 2: always a list of reports, and errors as JSON

_VERDICT_ZH = {Verdict.MET: "已实施", Verdict.PARTLY_MET: "部分实施", Verdict.NOT_MET: "未实施",
               Verdict.OPTION_USED: "采用选择", Verdict.BEYOND: "超出要求", Verdict.NA: "不适用",
               Verdict.NOT_ASSESSED: "待审查人员决定"}
_FORCE = {"en": {Force.SHALL: "obligatory", Force.MAY: "optional", Force.SAVING: "saving clause"},
          "zh": {Force.SHALL: "强制性", Force.MAY: "任择性", Force.SAVING: "不影响条款"}}


# The labels a report is written with, for other presentations of it (the Sphinx extension).
VERDICT_LABELS: dict[str, dict[Verdict, str]] = {"en": {v: str(v) for v in Verdict}, "zh": _VERDICT_ZH}
FORCE_LABELS = _FORCE


def named_reason(text: str, named: Sequence[str], lang: str, provisions: Mapping[str, Provision]) -> str:
    """A reason said once of the provisions named before it (14(2)(b) not covered by each of three sections): of
    several, "this offence" is each of them, and in Chinese 各该款 / 各该项 where each is a paragraph or an item."""
    if not named:
        return text
    if len(named) > 1:
        # only the Chinese reads how they are cited (各该款 where each is a paragraph): a large set's notes name
        # thousands of provisions, and citing each was most of the time a re-check took to print its report
        cited = [within_law(provisions[i], "zh") if i in provisions else i for i in named] if lang == "zh" else []
        text = of_several(text, lang, cited)
    return f"{('、' if lang == 'zh' else ', ').join(named)}: {text}"


def _note_texts(notes: list[Note], lang: str, provisions: Mapping[str, Provision]) -> list[str]:
    """The notes of one verdict as a reader sees them: a reason several provisions share is said once, naming them
    all, where the first of them is said."""
    said: dict[str, dict[str, None]] = {}  # a text -> the provisions naming it, in order (a large set: thousands)
    for n in notes:
        text = (n.text.zh if lang == "zh" else n.text.en) or ""
        named = said.setdefault(text, {})
        if n.provision:
            named[n.provision] = None
    return [named_reason(text, list(named), lang, provisions) for text, named in said.items()]


def _json_location(span: Span | None) -> dict[str, Any] | None:
    """A place in a draft as JSON gives it (README, "JSON output")."""
    if span is None:
        return None
    return {"file": span.file, "line": span.line, "column": span.column}


def _jurisdiction(report: Report) -> str | None:
    names = {p.jurisdiction.name for p in report.provisions if p.jurisdiction}
    return names.pop() if len(names) == 1 else None


def _benchmark(report: Report) -> dict[str, str] | None:
    """Why the report's jurisdiction is assessed as a benchmark (its pack's `benchmark`), or None for a State."""
    from ..packs import pack

    jur = _jurisdiction(report)
    found = pack(jur) if jur else None
    return found.benchmark if found is not None and found.benchmark else None


def benchmark_note(report: Report, lang: str) -> str | None:
    """What a report on a jurisdiction that cannot become a State Party says first: the treaty is a benchmark."""
    why = _benchmark(report)
    return None if why is None else why["zh" if lang == "zh" else "en"]


def in_own_script(report: Report, lang: str) -> Callable[[str], str]:
    """How the report's Chinese is written: in its jurisdiction's script and usage where its statutes are in
    traditional characters (wording/taiwan.in_script, their quoted words kept as written), the treaty cited as the
    review cites it there (第十四條第一項(a)款, never 第14條第1款(a)項, which reads as an item); a report on several
    jurisdictions, or on one in simplified characters, as composed."""
    jur = _jurisdiction(report)
    if lang != "zh" or jur is None or not traditional(jur):
        return lambda s: s
    verbatim = "\n".join(t for p in report.provisions if p.text is not None and (t := text_in(p.text, "zh", True)))
    form = treaty_citation_form(jur)
    return lambda s: in_script(cite_treaty_as(s, form) if form is not None else s, jur, verbatim)


def _checked(report: Report, lang: str) -> str:
    """Each provision id with its status, so a set mixing law in force and proposals says so."""
    sep, left, right = ("、", "（", "）") if lang == "zh" else (", ", " (", ")")
    worded = {name: label("statuses", name, lang) for name in {p.status.name for p in report.provisions if p.status}}
    return sep.join(f"{p.id}{left}{worded[p.status.name]}{right}" if p.status else p.id for p in report.provisions)


def to_json(report: Report) -> dict[str, Any]:
    """The documented machine-readable result (README, "JSON output")."""
    spec = report.spec
    zh = in_own_script(report, "zh")  # its reasons in the jurisdiction's script; a reviewer's own words as written
    provisions = {p.id: p for p in report.provisions}
    return {
        "lexdraft": __version__,
        "schema": JSON_SCHEMA_VERSION,
        "against": spec.article,
        "jurisdiction": _jurisdiction(report),
        "benchmark": _benchmark(report) is not None,
        "title": {"en": spec.title.en, "zh": spec.title.zh},
        "provisional": spec.provisional,
        "text_status": spec.status,
        "conforms": report.conforms,
        "provisions": [p.id for p in report.provisions],
        "requirements": [
            {
                "id": v.requirement.id,
                "paragraph": v.requirement.paragraph,
                "force": v.requirement.force,
                "kind": v.requirement.kind,
                "verdict": v.verdict,
                "met_by": v.met_by,
                **({"rests_on": {"provenance": v.rests_on, "provisions": v.resting}} if v.rests_on else {}),
                "options": v.options,
                "review": needs_review(v),
                "decided_by": None if v.decision is None else {
                    "who": v.decision.who, "date": v.decision.date,
                    "reason": {"en": v.decision.reason.en, "zh": v.decision.reason.zh},
                    "at": _json_location(v.decision.span)},
                "unverified": v.unverified,
                "questions": [{"provision": n.provision or None, "en": n.text.en,
                               "zh": zh(n.text.zh or "") or n.text.zh} for n in v.questions],
                "reason": {"en": " ".join(_note_texts(v.notes, "en", provisions)),
                           "zh": zh(" ".join(_note_texts(v.notes, "zh", provisions)))},
                "details": [
                    {"provision": n.provision or None, "en": n.text.en, "zh": zh(n.text.zh or "") or n.text.zh,
                     "at": _json_location(n.span)}
                    for n in v.notes
                ],
            }
            for v in report.verdicts
        ],
        "risks": [
            {
                "id": r.id,
                "paragraph": r.paragraph,
                "provision": r.provision,
                "requirement": r.requirement,
                "reason": {"en": r.reason.en, "zh": zh(r.reason.zh or "") or r.reason.zh},
                "at": _json_location(r.span),
            }
            for r in report.risks
        ],
    }


def dumps(report: Report) -> str:
    return _dumps(to_json(report))


def dumps_all(reports: list[Report]) -> str:
    """What `check --format json` prints: a list of reports, however many there are (none, one or several)."""
    return _dumps([to_json(r) for r in reports])


def errors_json(diagnostics: list[Diagnostic]) -> str:
    """The errors that stopped a command, when JSON was asked for: a pipeline reads them where it reads a report."""
    return _dumps({"lexdraft": __version__, "schema": JSON_SCHEMA_VERSION, "errors": [
        {"code": d.code, "severity": str(d.severity), "message": d.message, "at": _json_location(d.span),
         "hints": list(d.hints)} for d in diagnostics]})


def _dumps(data: object) -> str:
    return escape.json_text(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=False) + "\n")


def _zh_paragraph(paragraph: str) -> str:
    """21(1) -> 第21条第1款, as the reports cite treaty paragraphs in Chinese."""
    article, _, rest = paragraph.partition("(")
    return f"第{article}条" + (f"第{rest.split(')')[0]}款" if rest else "")


def needs_review(v: Finding) -> bool:
    """What the text cannot show (sanctions effective and dissuasive, a rule outside the offence elements): only a
    reviewer can decide it, and the verdict says so (not-assessed)."""
    return v.verdict is Verdict.NOT_ASSESSED


def _rests_on(v: Finding, lang: str) -> str:
    """The line saying that the verdict rests on text the reference gives only as a summary or a recollection."""
    what, mark, ids = label("provenances", v.rests_on or "", lang), provenance_mark(v.rests_on or ""), v.resting
    if lang == "zh":
        return f"  依据的文本：{what}（[{mark}]）：{'、'.join(ids)}；没有该文本，结论将有所不同，须先核实。"
    return (f"  rests on: text given as {what} [{mark}]: {', '.join(ids)}; without it the verdict would differ, so "
            "that text must be verified first")


def to_text(report: Report, lang: str = "en") -> str:
    """Per paragraph, in the layout of a treaty implementation review."""
    spec = report.spec
    zh = lang == "zh"
    own = in_own_script(report, lang)  # every line but a reviewer's own words, in the jurisdiction's script
    title = spec.title.zh if zh else spec.title.en
    lines = [f"{spec.article} — {title}"]
    decided: set[int] = set()  # the lines that carry a reviewer's own words
    provisions = {p.id: p for p in report.provisions}
    if spec.provisional:
        lines.append("（条文为重构文本，仅供参考）" if zh else "(provisional treaty text: see the spec's status note)")
    jur = _jurisdiction(report)
    if jur:
        lines.append(("法域：" if zh else "Jurisdiction: ") + label("jurisdictions", jur, lang))
        bench = benchmark_note(report, lang)
        if bench:
            lines.append(bench)
    lines.append(("审查条文：" if zh else "Provisions checked: ") + _checked(report, lang))
    for version in law_versions(report.provisions, lang):  # statutes change: say which version each text is
        lines.append(("法律文本：" if zh else "Law: ") + version)
    lines.append("")
    for v in report.verdicts:
        q = v.requirement
        verdict = _VERDICT_ZH[v.verdict] if zh else v.verdict
        force = _FORCE[lang][q.force]
        line = f"{q.id}  [{q.paragraph}, {force}]  {verdict}"
        if v.decision is not None:  # a reviewer's verdict, not the check's: said as such on the verdict line
            decided.add(len(lines))
            line = own(line) + (f"——{v.decision.label(lang)}" if zh else f" — {v.decision.label(lang)}")
        lines.append(line)
        if v.met_by:
            lines.append(("  实施条文：" if zh else "  implemented by: ") + ", ".join(v.met_by))
        if v.rests_on:  # the weakly sourced text the verdict rests on, as the atlas marks it
            lines.append(_rests_on(v, lang))
        if v.options:
            lines.append(("  所用选择：" if zh else "  options used: ") + ", ".join(v.options))
        if v.unverified:
            lines.append(("  未经核实的公约用语：" if zh else "  unverified treaty words: ") + ", ".join(v.unverified))
        for text in _note_texts(v.notes, lang, provisions):
            lines.append("  - " + text)
        lines.append("")
    if report.risks:
        paragraphs = sorted({r.paragraph for r in report.risks})
        if zh:
            lines.append(f"风险（{'、'.join(_zh_paragraph(p) for p in paragraphs)}）：")
        else:
            lines.append(f"Risks (Art. {', '.join(paragraphs)}):")
        for r in report.risks:
            reason = r.reason.zh if zh else r.reason.en
            lines.append(f"  ! {r.provision} ({r.requirement}): {reason}")
        lines.append("")
    review = [v.requirement for v in report.verdicts if needs_review(v)]
    asked = [v for v in report.verdicts if v.questions]  # verdicts that stand on a reading a reviewer must confirm
    if review or asked:
        lines.append("须由审查人员决定的事项：" if zh else "For a reviewer's decision:")
        for q in review:
            force = _FORCE[lang][q.force]
            lines.append(f"  ? {q.id} [{q.paragraph}, {force}]: {q.explanation.zh if zh else q.explanation.en}")
        for v in asked:
            force = _FORCE[lang][v.requirement.force]
            for text in _note_texts(v.questions, lang, provisions):
                lines.append(f"  ? {v.requirement.id} [{v.requirement.paragraph}, {force}]: {text}")
        lines.append("")
    pending = sum(1 for q in review if q.force is Force.SHALL)
    if zh:
        done = ("所审查的强制性要求均已实施" + f"（另有{pending}项强制性要求无法审查，待审查人员决定）" if pending
                else "全部强制性要求均已实施") + "。"
        lines.append("结论：" + (done if report.conforms else "存在未实施或部分实施的强制性要求。"))
    else:
        done = (f"every obligatory requirement assessed is implemented; {pending} more "
                f"{'awaits' if pending == 1 else 'await'} a reviewer's decision" if pending
                else "every obligatory requirement is implemented") + "."
        short = "obligatory requirements are not (fully) implemented."
        lines.append("Result: " + (done if report.conforms else short))
    return "\n".join(x if i in decided else own(x) for i, x in enumerate(lines)) + "\n"
