"""The gate's decisions on a result: which requirements changed (rows, in both languages) and which risks came or
went; the page, SARIF and JUnit all read them from here."""

from __future__ import annotations

from dataclasses import dataclass

from ..outputs.report import FORCE_LABELS, VERDICT_LABELS
from ..treaty.conformance import Risk
from ..treaty.values import Force, Verdict
from ..wording.labels import label
from .compare import GateResult, RequirementChange

STATUS = {"gained": ("gained", "改善"), "lost": ("lost", "降低"), "unchanged": ("unchanged", "不变"),
          "review": ("for review", "待审查")}
FORCE = {f: (FORCE_LABELS["en"][f], FORCE_LABELS["zh"][f]) for f in Force}


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
class RiskChange:
    """A risk to Art. 21(1) sanctions (README, "Verdicts and risks") that the change brings or removes."""

    jurisdiction: str
    risk: Risk
    kind: tuple[str, str]


def _act(verb: str, lang: str) -> str:
    return label("conduct", verb, lang)


def detail(c: RequirementChange) -> tuple[str, str]:
    """Why a requirement's row reads as it does: the acts lost or gained, and whether it fails the gate."""
    parts_en, parts_zh = [], []
    if c.acts_lost:
        parts_en.append("no longer reached: " + ", ".join(c.acts_lost))
        parts_zh.append("不再涵盖：" + "、".join(_act(a, "zh") for a in c.acts_lost))
    if c.acts_gained:
        parts_en.append("now reached: " + ", ".join(c.acts_gained))
        parts_zh.append("新涵盖：" + "、".join(_act(a, "zh") for a in c.acts_gained))
    if c.review:
        decision = c.after.decision or c.before.decision
        if c.after.verdict is Verdict.NOT_ASSESSED:
            parts_en.append("now awaits a reviewer's decision")
            parts_zh.append("现须由审查人员决定")
        elif decision is not None:
            parts_en.append(decision.label("en"))
            parts_zh.append(decision.label("zh"))
        else:
            parts_en.append("the check now decides it from the text")
            parts_zh.append("现由审查程序依条文判定")
    if c.fails:
        parts_en.append("fails the gate (an obligatory requirement)" + (" under --strict-review" if c.review else ""))
        parts_zh.append("强制性要求，未通过" + ("（--strict-review）" if c.review else ""))
    elif c.status == "lost" and c.requirement.force is Force.SHALL:
        parts_en.append("tolerated (--tolerate-partly-met)")
        parts_zh.append("已容许（--tolerate-partly-met）")
    return "; ".join(parts_en), "；".join(parts_zh)


def rows(result: GateResult) -> list[Row]:
    """The requirements whose verdict or reach changed; the others count as unchanged."""
    zh = VERDICT_LABELS["zh"]
    return [Row(c, FORCE[c.requirement.force], (c.before.verdict, zh[c.before.verdict]),
                (c.after.verdict, zh[c.after.verdict]), STATUS[c.status], detail(c))
            for c in result.requirements
            if c.status != "unchanged" or c.before.verdict != c.after.verdict]


def risks(result: GateResult) -> list[RiskChange]:
    """Risks new in the working tree or gone from it; they never fail the gate (they are no gap in the text)."""
    out = []
    for jurisdiction, before, after in result.reports:
        old = {(r.id, r.provision): r for r in before.risks}
        new = {(r.id, r.provision): r for r in after.risks}
        out += [RiskChange(jurisdiction, r, ("new risk", "新增风险")) for k, r in new.items() if k not in old]
        out += [RiskChange(jurisdiction, r, ("risk removed", "风险消除")) for k, r in old.items() if k not in new]
    return out
