"""Run the command line in-process, as the tests that read its output do."""

from __future__ import annotations

import pytest

from lexdraft.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`lexdraft ARGV`: its exit code, standard output and standard error."""
    capsys.readouterr()
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err
