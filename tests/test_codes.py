"""The registry of diagnostic codes: complete, used, documented, explained, and enforced."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from lexdraft.cli import main
from lexdraft.codes import CODES
from lexdraft.diagnostics import Diagnostic, fail

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "src" / "lexdraft"
# A code as the source raises it: a quoted literal (comments and docstrings name codes without quotes).
RAISED = re.compile(r"""["']([EW]\d{3})["']""")


def _raised() -> dict[str, list[str]]:
    found: dict[str, list[str]] = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "codes.py":
            continue
        for code in RAISED.findall(path.read_text(encoding="utf-8")):
            found.setdefault(code, []).append(str(path.relative_to(PACKAGE)))
    return found


def test_every_code_raised_is_registered() -> None:
    missing = {code: where for code, where in _raised().items() if code not in CODES}
    assert not missing, f"add these codes to src/lexdraft/codes.py: {missing}"


def test_every_registered_code_is_raised() -> None:
    unused = sorted(set(CODES) - set(_raised()))
    assert not unused, f"registered but raised nowhere: {unused}"


def test_each_entry_is_one_line_with_an_example() -> None:
    for code, entry in CODES.items():
        assert entry.code == code
        assert re.fullmatch(r"[EW]\d{3}", code)
        assert entry.summary and "\n" not in entry.summary and len(entry.summary) <= 160, code
        assert entry.example and "\n" not in entry.example and "|" not in entry.example, code


def test_an_unregistered_code_is_refused() -> None:
    with pytest.raises(ValueError, match="E999"):
        Diagnostic("E999", "no such code", None)
    with pytest.raises(ValueError, match="E998"):
        fail("E998", "no such code", None)


def test_the_language_reference_lists_every_code_as_registered() -> None:
    """docs/language.md's table is the registry, row for row: neither can change without the other."""
    lines = (ROOT / "docs" / "language.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("| code | meaning | example |")
    table = []
    for line in lines[start + 2:]:
        if not line.startswith("|"):
            break
        table.append(line)
    assert table == [f"| {c.code} | {c.summary} | `` {c.example} `` |" for c in CODES.values()]


def test_explain_prints_the_meaning_and_an_example(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "e204"]) == 0
    out = capsys.readouterr().out
    assert out == f"E204: {CODES['E204'].summary}\n  example: {CODES['E204'].example}\n"


def test_explain_an_unknown_code_is_a_located_style_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["explain", "E299"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error[E401]: unknown code 'E299'\n")
    assert "  = hint: did you mean E219?" in err  # E209 is as near; difflib prefers the later


def test_sarif_rules_carry_the_registry_description() -> None:
    from lexdraft.gate.sarif import invalid_sarif

    log = json.loads(invalid_sarif([Diagnostic("E204", "a term of zero", None)]))
    rule, = log["runs"][0]["tool"]["driver"]["rules"]
    assert rule["id"] == "E204"
    assert rule["shortDescription"]["text"] == CODES["E204"].summary
    assert CODES["E204"].example in rule["fullDescription"]["text"]
