"""The user cache (lexdraft.resources.cached): values come back unchanged, follow their sources, and never hide errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from lexdraft.diagnostics import LexdraftError
from lexdraft.resources import cached
from lexdraft.treaty.spec import load_spec, spec_for, spec_path


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "lexdraft"


def test_a_value_is_built_once_and_rebuilt_when_a_source_changes(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    builds: list[str] = []

    def build() -> str:
        builds.append(source.read_text(encoding="utf-8"))
        return builds[-1].upper()

    assert cached("test", (source,), build) == "ONE"
    assert cached("test", (source,), build) == "ONE"
    assert builds == ["one"]
    source.write_text("two", encoding="utf-8")
    assert cached("test", (source,), build) == "TWO"
    assert builds == ["one", "two"]
    assert len(list(cache_home.glob("test-*.pickle"))) == 2
    assert not list(cache_home.glob(".tmp-*"))  # written by rename: no half-written entry is left


def test_a_corrupt_entry_is_rebuilt(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    cached("test", (source,), lambda: "built")
    [entry] = cache_home.glob("test-*.pickle")
    entry.write_bytes(b"not a pickle")
    assert cached("test", (source,), lambda: "rebuilt") == "rebuilt"
    assert cached("test", (source,), lambda: "again") == "rebuilt"


def test_errors_are_not_cached(tmp_path: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")

    def broken() -> str:
        raise LexdraftError([])

    for _ in range(2):
        with pytest.raises(LexdraftError):
            cached("test", (source,), broken)


def test_a_cached_spec_equals_the_spec_read_from_its_file(cache_home: Path) -> None:
    for article in ("uncc.14", "uncc.16"):
        spec_for.cache_clear()
        first = spec_for(article)  # builds and stores
        spec_for.cache_clear()
        again = spec_for(article)  # reads the cache
        assert again == first == load_spec(str(spec_path(article)))
    assert len(list(cache_home.glob("spec-*.pickle"))) == 2


def test_an_unwritable_cache_folder_costs_speed_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    assert cached("test", (source,), lambda: 42) == 42
