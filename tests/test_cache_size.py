"""The cache folder's size: a cap (default, lexdraft.toml's `cache-megabytes`, LEXDRAFT_CACHE_MB), the entries used
longest ago removed above it, safely while other processes read and write; `lexdraft cache --info/--clear`."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from lexdraft import resources
from lexdraft.cli import main
from lexdraft.language import stored

DRAFTS = Path(__file__).resolve().parent.parent / "drafts"


@pytest.fixture(autouse=True)
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.delenv(resources.MEGABYTES_VARIABLE, raising=False)
    resources.cache_setting(None)
    return tmp_path / "cache" / "lexdraft"


def keep(name: str, size: int, age: float) -> str:
    """An entry of `size` bytes last used `age` seconds ago; its address."""
    address = stored.digest("size-test", name)
    stored.keep("drafts", address, "x" * size)
    path = next(p for p in Path(resources.cache_folder() or "").rglob(address[2:]))
    os.utime(path, (time.time() - age, time.time() - age))
    return address


def test_the_entries_used_longest_ago_go_first(cache_home: Path) -> None:
    old, mid, new = (keep(n, 400_000, age) for n, age in (("old", 9000), ("mid", 5000), ("new", 10)))
    info = resources.trim(1)  # 1 MB: the three entries (1.2 MB) do not fit, two do (with a tenth to spare)
    assert info is not None and info.removed == 1
    assert stored.load("drafts", old) is None
    assert stored.load("drafts", mid) == stored.load("drafts", new) == "x" * 400_000
    assert (cache_home / "key").is_file()  # the seal's key is never an entry to remove


def test_reading_an_entry_marks_it_used(cache_home: Path) -> None:
    first, second = keep("first", 600_000, 9000), keep("second", 600_000, 5000)
    assert stored.load("drafts", first) is not None  # read now: the most recently used
    info = resources.trim(1)
    assert info is not None and info.removed == 1
    assert stored.load("drafts", first) is not None and stored.load("drafts", second) is None


def test_under_the_cap_nothing_goes(cache_home: Path) -> None:
    addresses = [keep(str(n), 1000, 100 * n) for n in range(5)]
    info = resources.trim(1)
    assert info is not None and info.removed == 0 and info.entries == 5
    assert all(stored.load("drafts", a) is not None for a in addresses)


def test_a_dead_writers_half_entry_is_removed(cache_home: Path) -> None:
    keep("one", 10, 0)
    half = next(cache_home.glob("drafts/*")) / ".tmp-dead"
    half.write_bytes(b"half")
    os.utime(half, (time.time() - 7200, time.time() - 7200))
    fresh = half.with_name(".tmp-writing")  # a writer at work now: left alone
    fresh.write_bytes(b"half")
    resources.trim(100)
    assert not half.exists() and fresh.exists()


def test_the_cap_comes_from_the_environment_then_lexdraft_toml_then_the_default(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    assert resources.cache_megabytes() == (resources.DEFAULT_MEGABYTES, "the default")
    (tmp_path / "repo").mkdir()
    (tmp_path / "repo" / ".git").mkdir()
    (tmp_path / "repo" / "lexdraft.toml").write_text("cache-megabytes = 64\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path / "repo")
    assert main(["cache", "--info"]) == 0
    assert "cap: 64 MB (lexdraft.toml;" in capsys.readouterr().out
    monkeypatch.setenv(resources.MEGABYTES_VARIABLE, "32")
    assert main(["cache"]) == 0
    assert "cap: 32 MB (LEXDRAFT_CACHE_MB;" in capsys.readouterr().out


def test_a_cap_that_is_no_number_is_a_located_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(resources.MEGABYTES_VARIABLE, "1G")
    assert main(["cache", "--info"]) == 2
    err = capsys.readouterr().err
    assert "error[E706]: LEXDRAFT_CACHE_MB is '1G', not a whole number of megabytes" in err
    assert "hint: set it to a number such as 512" in err
    monkeypatch.delenv(resources.MEGABYTES_VARIABLE)
    (tmp_path / ".git").mkdir()
    (tmp_path / "lexdraft.toml").write_text('packs = []\ncache-megabytes = "lots"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["cache"]) == 2
    err = capsys.readouterr().err
    assert "lexdraft.toml:2:1: error[E705]: `cache-megabytes` must be a whole number of megabytes" in err


def test_cache_info_and_clear(cache_home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(DRAFTS / "tw" / "in-force")]) in (0, 1)
    capsys.readouterr()
    assert main(["cache", "--info"]) == 0
    out = capsys.readouterr().out
    assert f"cache folder: {cache_home}" in out and "cap: 512 MB (the default;" in out
    entries = int(out.split("entries: ")[1].split(",")[0])
    assert entries > 0
    assert main(["cache", "--clear"]) == 0
    assert f"removed: {entries:,} entries" in capsys.readouterr().out
    assert not [p for p in cache_home.rglob("*") if p.is_file() and p.name not in ("key", ".trimmed", ".trimming")]
    assert main(["check", str(DRAFTS / "tw" / "in-force")]) in (0, 1)  # rebuilt as needed


def test_a_run_over_the_cap_trims_the_folder(cache_home: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    keep("stale", 300_000, 9000)
    monkeypatch.setenv(resources.MEGABYTES_VARIABLE, "0")
    assert main(["check", str(DRAFTS / "tw" / "in-force")]) in (0, 1)
    # the run stored entries (more than a tenth of a cap of 0): it trims at its end
    assert [p for p in cache_home.rglob("*") if p.is_file() and p.name not in ("key", ".trimmed", ".trimming")] == []


TRIMMER = """
import sys, time
from lexdraft import resources
from lexdraft.language import stored
n = int(sys.argv[1])
for i in range(40):
    address = stored.digest("race", str(n), str(i))
    stored.keep("drafts", address, ("entry", n, i, "x" * 20_000))
    found = stored.load("drafts", address)
    assert found is None or found == ("entry", n, i, "x" * 20_000), found  # trimmed meanwhile, or whole
    if i % 5 == 0:
        resources.trim(1)
"""


def test_trimming_while_others_read_and_write_corrupts_nothing(cache_home: Path) -> None:
    env = {**os.environ, "XDG_CACHE_HOME": str(cache_home.parent)}
    workers = [subprocess.Popen([sys.executable, "-c", TRIMMER, str(n)], env=env, stderr=subprocess.PIPE, text=True)
               for n in range(4)]
    for w in workers:
        _, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
    info = resources.trim(1)
    assert info is not None and info.size <= 1_000_000
    for n in range(4):
        for i in range(40):
            found = stored.load("drafts", stored.digest("race", str(n), str(i)))
            assert found is None or found == ("entry", n, i, "x" * 20_000)
