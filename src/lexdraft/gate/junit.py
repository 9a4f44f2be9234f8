"""JUnit XML for CI dashboards: a test suite per jurisdiction and treaty article, a test case per requirement, a
failure where an obligatory requirement lost ground (the Windy Road JUnit.xsd layout)."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import escape
from ..diagnostics import format_all
from .compare import GateResult
from .decisions import rows


def _suite(parent: ET.Element, index: int, name: str, result: GateResult) -> ET.Element:
    suite = ET.SubElement(parent, "testsuite", name=name, timestamp=result.time, hostname="localhost",
                          tests="0", failures="0", errors="0", time="0", package="lexdraft.gate", id=str(index))
    props = ET.SubElement(suite, "properties")
    ET.SubElement(props, "property", name="base", value=result.base)
    ET.SubElement(props, "property", name="commit", value=result.commit)
    return suite


def _close(suite: ET.Element, out: list[str]) -> None:
    cases = suite.findall("testcase")
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(1 for c in cases if c.find("failure") is not None)))
    ET.SubElement(suite, "system-out").text = "\n".join(out)
    ET.SubElement(suite, "system-err").text = ""


def to_junit(result: GateResult) -> str:
    root = ET.Element("testsuites")
    changed = {id(r.change): r for r in rows(result)}
    index = 0
    for jurisdiction, report, _ in result.reports:
        suite = _suite(root, index, f"{report.spec.article} ({jurisdiction})", result)
        index += 1
        out = []
        for c in (c for c in result.requirements if c.jurisdiction == jurisdiction
                  and c.requirement.id.startswith(report.spec.article + ".")):
            line = f"{c.requirement.id} [{c.requirement.paragraph}, {c.requirement.force}]: " \
                   f"{c.before.verdict} -> {c.after.verdict} ({c.status})"
            out.append(line)
            case = ET.SubElement(suite, "testcase", name=f"{c.requirement.id} [{c.requirement.paragraph}]",
                                 classname=f"lexdraft.{jurisdiction}.{report.spec.article}", time="0")
            if c.fails:
                row = changed[id(c)]
                failure = ET.SubElement(case, "failure", message=f"{line}: {row.detail[0]}", type="downgrade")
                where = f"{c.span.location()}\n" if c.span else ""
                failure.text = f"{where}{line}\n{row.before[1]} → {row.after[1]}：{row.detail[1]}"
        _close(suite, out)
    if result.new_warnings:
        suite = _suite(root, index, "lint warnings", result)
        for w in result.new_warnings:
            where = w.span.location() if w.span else ""
            case = ET.SubElement(suite, "testcase", name=f"{w.code} {where}".strip(), classname="lexdraft.lint",
                                 time="0")
            if result.fail_on_new_warnings:
                ET.SubElement(case, "failure", message=w.message, type="new-warning").text = f"{where}: {w.message}"
        _close(suite, [])
    if result.rule_changes:  # a failure until a maintainer accepts them
        suite = _suite(root, index + 2, "rule changes", result)
        for rc in result.rule_changes:
            case = ET.SubElement(suite, "testcase", name=rc.path, classname="lexdraft.rules", time="0")
            if result.rules_fail:
                ET.SubElement(case, "failure", message=f"{rc.path}: {rc.kind}", type="rule-change").text = \
                    "\n".join(rc.moves)
        _close(suite, [])
    if result.base_problems:  # each such base draft is compared as absent: told, never a failure of the change
        suite = _suite(root, index + 1, f"drafts at {result.base} that do not load", result)
        _close(suite, [format_all([d], dict(result.base_sources)) for d in result.base_problems])
    for element in root.iter():  # file names and revisions may hold anything: well-formed XML, nothing a log acts on
        element.text = element.text and escape.xml(escape.lines(element.text))
        element.attrib.update({k: escape.xml(escape.text(v)) for k, v in element.attrib.items()})
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
