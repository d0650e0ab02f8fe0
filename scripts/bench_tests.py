"""Test-suite benchmark: the wall time of the suite as scripts/test.sh runs it, and where the machine's CPU
time went while it ran, by kind of process (Chromium's page renderers, its other processes, the Playwright
driver, the test processes, the MkDocs builds they start, the rest).

    .venv/bin/python scripts/bench_tests.py                     # the whole suite
    .venv/bin/python scripts/bench_tests.py tests/browser -n 0   # arguments go to pytest

The suite's goal is 2 minutes on a 2-core machine; when both cores are busy throughout, the wall time is
about the CPU seconds divided by the cores, so it is the CPU seconds that have to come down. The CPU time is
read from /proc every quarter second (Linux only); a process that starts and ends between two readings is
missed, which leaves out little. Nothing is asserted: this is not a test. The run rewrites
.cache/accessibility/results.json, as any run of the suite does.
"""

from __future__ import annotations

import collections
import os
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")
KINDS = ("Chromium page renderers", "Chromium, other processes", "Playwright driver", "test processes",
         "MkDocs builds and the preview", "other processes")  # fmt: skip


def kind(command: str) -> str:
    if "--type=renderer" in command:
        return KINDS[0]
    if "chromium" in command or command.startswith("/proc/self/exe"):  # Chromium's forked helpers say so
        return KINDS[1]
    if "playwright" in command and "node" in command:
        return KINDS[2]
    if "mkdocs" in command or "preview.py" in command or "pagefind" in command:
        return KINDS[4]
    if "pytest" in command or "exec(eval(" in command or "/scripts/" in command:  # exec(eval(: an xdist worker
        return KINDS[3]
    return KINDS[5]


def cpu_seconds() -> dict[tuple[str, str], tuple[str, float]]:
    """{(pid, start time): (command line, CPU seconds so far)} of every process running now."""
    found = {}
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            command = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:  # ended meanwhile
            continue
        found[pid, fields[19]] = (command, (int(fields[11]) + int(fields[12])) / TICKS)
    return found


def main() -> None:
    before = cpu_seconds()
    latest = dict(before)
    done = threading.Event()

    def sample() -> None:
        while not done.wait(0.25):
            for process, (command, seconds) in cpu_seconds().items():
                # an ended process that is not yet reaped shows no command line: keep the one it had
                latest[process] = (command or latest.get(process, ("", 0.0))[0], seconds)

    sampler = threading.Thread(target=sample)
    sampler.start()
    started = time.monotonic()
    command = [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "auto", "--dist", "loadfile"]
    result = subprocess.run([*command, *sys.argv[1:]], cwd=ROOT, capture_output=True, text=True)
    wall = time.monotonic() - started
    done.set()
    sampler.join()

    by_kind: dict[str, float] = collections.Counter()
    for process, (command, seconds) in latest.items():
        by_kind[kind(command)] += seconds - before.get(process, (command, 0.0))[1]
    total = sum(by_kind.values())
    summary = result.stdout.strip().splitlines()[-1] if result.stdout.strip() else "(no output)"
    print(f"pytest: {summary}")
    print(f"wall time: {wall:.1f} s on {os.cpu_count()} cores; CPU time: {total:.0f} s ({total / wall:.2f} cores busy)")
    for name in KINDS:
        print(f"  {by_kind[name]:6.1f} s  {name}")
    sys.exit(result.returncode)


if __name__ == "__main__":
    main()
