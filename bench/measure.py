"""Time a command and measure its memory and CPU: the largest process's peak memory (wait4), the whole tree's
(sampled), the CPU time of the whole tree (wait4) and of its first process alone (sampled)."""
from __future__ import annotations

import os
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass

PAGE = os.sysconf("SC_PAGE_SIZE")
TICK = os.sysconf("SC_CLK_TCK")


@dataclass
class Run:
    seconds: float
    returncode: int
    stdout: str
    stderr: str
    # the largest single process of the tree (kernel's ru_maxrss); it counts what the child shared with this
    # process between fork and exec, so it reads high when the bench itself has grown (after the queries)
    peak_rss_mb: float
    peak_tree_mb: float  # the tree's summed RSS, sampled every 0.1 s (workers + parent)
    cpu_s: float  # user + system CPU of the command and every child it waited for (wait4)
    # user + system CPU of the command's own process, all its threads, sampled every 0.1 s: the parent's
    # share of cpu_s, to within the last 0.1 s of its life
    cpu_root_s: float


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for pid in os.listdir("/proc"):
        if pid.isdigit():
            try:
                with open(f"/proc/{pid}/stat", "rb") as f:
                    ppid = int(f.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            kids.setdefault(ppid, []).append(int(pid))
    return kids


def tree_rss(root: int) -> int:
    kids, todo, total = _children(), [root], 0
    while todo:
        pid = todo.pop()
        todo += kids.get(pid, [])
        try:
            with open(f"/proc/{pid}/statm", "rb") as f:
                total += int(f.read().split()[1]) * PAGE
        except (OSError, IndexError, ValueError):
            pass
    return total


def process_cpu_s(pid: int) -> float | None:
    """utime + stime of one process (every thread of it), from /proc; None once it is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except (OSError, IndexError, ValueError):
        return None


def run(cmd: list[str], env: dict | None = None) -> Run:
    started = time.monotonic()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak, root_cpu = [0], [0.0]
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.1):
            peak[0] = max(peak[0], tree_rss(p.pid))
            root_cpu[0] = process_cpu_s(p.pid) or root_cpu[0]

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = [], []
    readers = [threading.Thread(target=lambda s=s, b=b: b.append(s.read())) for s, b in ((p.stdout, out), (p.stderr, err))]
    for t in readers:
        t.start()
    _, status, usage = os.wait4(p.pid, 0)
    seconds = time.monotonic() - started
    p.returncode = os.waitstatus_to_exitcode(status)
    done.set()
    for t in readers:
        t.join()
    sampler.join()
    return Run(seconds, p.returncode, "".join(out), "".join(err), usage.ru_maxrss / 1024, peak[0] / 2**20,
               usage.ru_utime + usage.ru_stime, root_cpu[0])


def latency(fn, repeats: int, budget_s: float = 60.0, at_least: int = 3, warm_up: bool = True) -> dict:
    """Median and 95th percentile (nearest rank) of fn's wall time in ms, after one warm-up call
    (`warm_up=False` when the caller has just run fn).

    A query that takes tens of seconds on a large store would hold the run for hours at 20 repeats:
    once `budget_s` is spent (and `at_least` runs done) it stops, and `repeats` says how many ran.
    """
    if warm_up:
        fn()
    times: list[float] = []
    while len(times) < repeats and (len(times) < at_least or sum(times) < budget_s * 1000):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p95 = times[max(0, -(-95 * len(times) // 100) - 1)]
    return {"median_ms": round(statistics.median(times), 2), "p95_ms": round(p95, 2), "repeats": len(times)}


def row_latency(fn, repeats: int, slow_s: float) -> dict:
    """latency() of a query `fn` that returns its rows, with the row count; the first run is the warm-up,
    and a query slower than `slow_s` seconds is timed by that run alone (repeats of it would hold the
    whole benchmark for an hour)."""
    started = time.perf_counter()
    rows = len(fn())
    first_ms = round((time.perf_counter() - started) * 1000, 2)
    if first_ms > slow_s * 1000:
        return {"median_ms": first_ms, "p95_ms": first_ms, "repeats": 1, "rows": rows}
    return {**latency(fn, repeats, warm_up=False), "rows": rows}
