"""The user cache (lexdraft.resources.cached): values come back unchanged, follow their sources, and never hide
errors."""

from __future__ import annotations

import dataclasses
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


class _Planted:
    """A pickle that, when loaded, makes a folder: proof that a cache entry ran code."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str]]:
        import os

        return os.mkdir, (str(self.marker),)


def _plant(folder: Path, marker: Path) -> int:
    """Every entry in the cache folder replaced by a pickle that runs code; how many were replaced."""
    import pickle

    entries = [p for p in folder.iterdir() if p.is_file() and not p.name.startswith(".") and p.name != "key"]
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Planted(marker)))
    return len(entries)


def test_a_planted_entry_is_ignored_and_rebuilt(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    cached("test", (source,), lambda: "built")
    marker = tmp_path / "ran"
    assert _plant(cache_home, marker) == 1
    assert cached("test", (source,), lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()
    assert cached("test", (source,), lambda: "again") == "rebuilt"  # the rebuilt entry is trusted again


def test_the_cache_folder_is_private(tmp_path: Path, cache_home: Path) -> None:
    import os
    import stat

    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    cached("test", (source,), lambda: "built")
    info = cache_home.stat()
    assert stat.S_IMODE(info.st_mode) == 0o700
    assert info.st_uid == os.getuid()


def test_a_folder_others_may_write_in_is_not_used(tmp_path: Path, cache_home: Path) -> None:
    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    cached("test", (source,), lambda: "built")
    cache_home.chmod(0o777)
    marker = tmp_path / "ran"
    _plant(cache_home, marker)
    assert cached("test", (source,), lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()


def test_a_folder_owned_by_someone_else_is_not_used(tmp_path: Path, cache_home: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    cached("test", (source,), lambda: "built")
    marker = tmp_path / "ran"
    _plant(cache_home, marker)
    monkeypatch.setattr(os, "getuid", lambda: cache_home.stat().st_uid + 1)  # as another user sees the folder
    assert cached("test", (source,), lambda: "rebuilt") == "rebuilt"
    assert not marker.exists()


def test_lark_never_uses_its_temp_folder_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import tempfile

    from lexdraft.language import parse

    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # no cache folder can be made
    shared = tmp_path / "tmp"
    shared.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(shared))
    parse.parser.cache_clear()
    try:
        parse.parser()
        parse._building.cache_clear()
        parse._building()
    finally:
        parse.parser.cache_clear()
        parse._building.cache_clear()
    assert list(shared.iterdir()) == []


def test_planted_entries_never_run_in_a_command(tmp_path: Path, cache_home: Path) -> None:
    """The grammar, the vocabulary and the specs are all cached; a planted entry for any of them is rebuilt."""
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parent.parent
    draft = root / "drafts" / "prc" / "in-force"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    command = [sys.executable, "-m", "lexdraft.cli", "check", str(draft), "--format", "json"]
    first = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    marker = tmp_path / "ran"
    assert _plant(cache_home, marker) >= 3
    again = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert not marker.exists()
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)


def test_a_cached_pack_equals_the_pack_read_and_follows_its_file(tmp_path: Path, cache_home: Path) -> None:
    from lexdraft.packs import read_pack_at
    from lexdraft.packs.pack import read_pack

    nz = Path(__file__).resolve().parent / "packs" / "nz"
    folder = tmp_path / "nz"
    folder.mkdir()
    (folder / "pack.yaml").write_bytes((nz / "pack.yaml").read_bytes())
    first = read_pack_at(folder)  # builds and stores
    again = read_pack_at(folder)  # reads the cache
    assert again == first == read_pack(folder, str(first.path).rsplit("/", 1)[0])
    assert len(list(cache_home.glob("pack-*.pickle"))) == 1
    text = (nz / "pack.yaml").read_text(encoding="utf-8")
    (folder / "pack.yaml").write_text(text.replace("en: New Zealand", "en: Aotearoa New Zealand"), encoding="utf-8")
    assert read_pack_at(folder).names != first.names  # a changed pack.yaml is read again, not taken from the cache


def test_reading_a_missing_entry_makes_no_folder(cache_home: Path) -> None:
    """A warm check reads thousands of entries: only a write makes an entry's folder."""
    from lexdraft.resources import store, stored

    assert stored("drafts", "ab" * 32) is None
    assert not (cache_home / "drafts").exists()
    store("drafts", "ab" * 32, b"payload")
    assert stored("drafts", "ab" * 32) == b"payload"


@dataclasses.dataclass(frozen=True, slots=True)
class _Slotted:
    a: int
    b: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class _WithMore:
    a: int

    def __post_init__(self) -> None:
        object.__setattr__(self, "derived", self.a * 2)  # held beside the fields


def test_what_the_installation_cache_keeps_loads_as_it_was(tmp_path: Path, cache_home: Path) -> None:
    """The vocabulary, a spec and the packs come back from the cache as pickle reads them back, a slotted
    data class without dataclasses' own __setstate__, and a class holding more than its fields whole."""
    import pickle

    from lexdraft import packs
    from lexdraft.language.vocabulary import vocabulary

    source = tmp_path / "source.txt"
    source.write_text("one", encoding="utf-8")
    for kind, make in [("vocabulary", vocabulary), ("spec", lambda: spec_for("uncc.16")),
                       ("packs", packs.all_packs), ("more", lambda: [_Slotted(1, ("x",)), _WithMore(3)])]:
        made = cached(f"test-{kind}", (source,), make)
        loaded = cached(f"test-{kind}", (source,), lambda: pytest.fail("not read from the cache"))
        assert loaded is not made
        # as pickle itself reads it back (a set read back may list its members in another order than the one made)
        assert pickle.dumps(loaded) == pickle.dumps(pickle.loads(pickle.dumps(made))), kind
    assert loaded[1].derived == 6
    entry = next(cache_home.glob("test-more-*"))
    assert b"_builder_of" in entry.read_bytes() and b"__setstate__" not in entry.read_bytes()
