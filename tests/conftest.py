"""Shared pytest options (--regen-golden and --regen-bad rewrite expected outputs instead of comparing with them) and
the fixtures that keep a test's packs and cache its own."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from lexdraft import packs


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--regen-golden", action="store_true", default=False,
                     help="rewrite tests/golden/ from the current renderer instead of comparing "
                          "(also: LEXDRAFT_REGEN_GOLDEN=1)")
    parser.addoption("--regen-bad", action="store_true", default=False,
                     help="rewrite the .expected files of tests/bad/ from the current diagnostics instead of "
                          "comparing (also: LEXDRAFT_REGEN_BAD=1); read every rewritten file before committing")


@pytest.fixture
def regen_golden(request: pytest.FixtureRequest) -> bool:
    """True when golden files are to be rewritten rather than compared."""
    return bool(request.config.getoption("--regen-golden")) or os.environ.get("LEXDRAFT_REGEN_GOLDEN") == "1"


@pytest.fixture
def regen_bad(request: pytest.FixtureRequest) -> bool:
    """True when the expected diagnostics of tests/bad/ are to be rewritten rather than compared."""
    return bool(request.config.getoption("--regen-bad")) or os.environ.get("LEXDRAFT_REGEN_BAD") == "1"


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The test's own cache folder (a private XDG_CACHE_HOME): what one check keeps there, the next reads."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lexdraft"


@pytest.fixture
def bundled_only() -> Iterator[None]:
    """The bundled packs alone, before and after the test: a command sets packs from its own options, and a test that
    loads a pack of its own leaves none behind (`pytestmark = pytest.mark.usefixtures("bundled_only")`)."""
    packs.use(())
    yield
    packs.use(())
