"""Shared pytest options: --regen-golden rewrites expected outputs instead of comparing with them."""

from __future__ import annotations

import os

import pytest


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current renderer instead of comparing "
                          "(also: LEXDRAFT_REGEN_GOLDEN=1)")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten rather than compared."""
    return bool(request.config.getoption("--regen-golden")) or os.environ.get("LEXDRAFT_REGEN_GOLDEN") == "1"
