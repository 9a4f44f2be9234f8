"""The measuring loop the benchmarks share: the best of several in-process runs, which lexdraft to run, and the
wall time and peak memory of fresh processes, taken in turns so that a slow spell of the machine falls on all alike."""

from __future__ import annotations

import compileall
import gc
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path


def lexdraft_command() -> list[str]:
    """The installed console script beside this interpreter (not a version-manager shim), else the module."""
    script = Path(sys.executable).parent / "lexdraft"
    if script.is_file():
        return [str(script)]
    found = shutil.which("lexdraft")
    return [found] if found else [sys.executable, "-m", "lexdraft.cli"]


def precompile() -> str:
    """Byte-compile the lexdraft package as `pip install` does, so its cold start is compared like with like."""
    import lexdraft

    package = Path(lexdraft.__file__).parent
    ok = compileall.compile_dir(str(package), quiet=1)
    return "lexdraft byte-compiled, as pip install does" if ok else "byte-compiling lexdraft failed"


def best(fn: Callable[[], object], repeat: int) -> float:
    """The fastest of `repeat` runs, each after a full collection and with the cyclic collector off.

    lexdraft's CLI runs its commands with the collector off (cli.main); timing the bare parse the same way keeps
    that choice out of the ratios.
    """
    return best_times(fn, repeat)[0]


def best_times(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """As `best`, the fastest wall time with the least processor time of the same runs: lexdraft runs in one thread,
    so the two agree on an idle machine, and on a shared one the processor time moves far less with the others' load.
    """
    times: list[float] = []
    used: list[float] = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            start, cpu = time.perf_counter(), time.process_time()
            fn()
            times.append(time.perf_counter() - start)
            used.append(time.process_time() - cpu)
        finally:
            gc.enable()
    return min(times), min(used)


def process(argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None) -> tuple[float, int]:
    """Wall time and peak resident memory (KB) of one process, its output discarded. The exit code is not the point
    (check exits 1 on a nonconforming set), a crash is: the benchmark stops with its message."""
    seconds, _, rss = process_cpu(argv, env, cwd)
    return seconds, rss


# The kernel's peak memory of a process (ru_maxrss) counts the process it was forked from until it starts the program:
# a process the benchmark started directly would never weigh less than the benchmark itself, which holds a corpus of
# tens of megabytes, and the interpreter's baseline would be that. So each is started by a small launcher, which
# forks it from its own few megabytes and writes what the kernel says of it to the file named first.
_LAUNCHER = """
import os, sys, time
start = time.perf_counter()
pid = os.fork()
if pid == 0:
    try:
        os.execvp(sys.argv[2], sys.argv[2:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
elapsed = time.perf_counter() - start
with open(sys.argv[1], "w") as f:
    f.write(f"{elapsed} {usage.ru_utime + usage.ru_stime} {usage.ru_maxrss} {os.waitstatus_to_exitcode(status)}")
"""


def process_cpu(argv: list[str], env: dict[str, str] | None = None, cwd: Path | None = None
                ) -> tuple[float, float, int]:
    """As `process`, with the processor time (user and system) the process used between its wall time and memory:
    on a machine others share, wall time grows with their load and processor time much less."""
    with tempfile.TemporaryDirectory(prefix="lexdraft-bench-run-") as tmp:
        report = Path(tmp) / "usage"
        proc = subprocess.Popen([sys.executable, "-c", _LAUNCHER, str(report), *argv], stdout=subprocess.DEVNULL,
                                stderr=subprocess.PIPE, env=env, cwd=cwd)
        assert proc.stderr is not None
        errors = proc.stderr.read()  # read while it runs: a full pipe would stall it
        proc.stderr.close()
        launched = proc.wait()
        if launched != 0 or not report.is_file():
            sys.exit(f"error: could not run {' '.join(argv)}: {errors.decode('utf-8', 'replace')}")
        elapsed, used, rss, code = report.read_text(encoding="utf-8").split()
    if int(code) not in (0, 1):
        sys.exit(f"error: {' '.join(argv)} exited {code}: {errors.decode('utf-8', 'replace')}")
    return float(elapsed), float(used), int(rss)


def interleaved(commands: list[list[str]], repeat: int, env: dict[str, str] | None = None
                ) -> list[tuple[float, float]]:
    """The best wall time of a fresh process for each command, with its least processor time (user and system), the
    commands taking turns round after round (timed one after the other, the import baseline alone moved by a third
    between runs)."""
    times: list[list[float]] = [[] for _ in commands]
    used: list[list[float]] = [[] for _ in commands]
    for _ in range(repeat):
        for argv, seen, spent in zip(commands, times, used, strict=True):
            wall, cpu, _ = process_cpu(argv, env)
            seen.append(wall)
            spent.append(cpu)
    return [(min(t), min(u)) for t, u in zip(times, used, strict=True)]


def interpreter_rss(env: dict[str, str] | None = None, repeat: int = 3) -> int:
    """Peak resident memory (KB) of an interpreter that does nothing: the baseline a process's memory is read
    against."""
    return min(process([sys.executable, "-c", "pass"], env)[1] for _ in range(repeat))


def verdict(missed: list[str]) -> int:
    """The benchmark's exit code, the targets missed named on standard error: 1 when any was, 0 when none."""
    if missed:
        print("\nTARGETS MISSED:\n  " + "\n  ".join(missed), file=sys.stderr)
        return 1
    print("\nall targets met")
    return 0
