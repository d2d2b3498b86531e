"""Run a child process and measure it: wall time and the child's own peak RSS (os.wait4)."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


@dataclass
class Run:
    seconds: float  # wall time of the child process
    max_rss_mb: float  # peak resident set size of the child (and the children it waited for)
    returncode: int
    stdout: str
    stderr: str

    def json(self) -> dict:
        """The last line of stdout as JSON (workers report their in-process timings this way)."""
        lines = [line for line in self.stdout.splitlines() if line.strip()]
        return json.loads(lines[-1]) if lines else {}


@dataclass
class Peak:
    """Largest child RSS seen so far, by label."""

    by_label: dict[str, float] = field(default_factory=dict)

    def add(self, label: str, run: Run) -> None:
        self.by_label[label] = max(self.by_label.get(label, 0.0), run.max_rss_mb)

    @property
    def max_mb(self) -> float:
        return max(self.by_label.values(), default=0.0)


def run(cmd: list[str] | str, *, env: dict | None = None, cwd: Path | None = None, shell: bool = False,
        check: bool = True, timeout: float | None = None) -> Run:
    out_path = Path(os.environ.get("TMPDIR", "/tmp")) / f"bench-{os.getpid()}-{time.monotonic_ns()}"
    with open(f"{out_path}.out", "w+") as out, open(f"{out_path}.err", "w+") as err:
        t0 = time.perf_counter()
        p = subprocess.Popen(cmd, env=env, cwd=cwd or REPO, shell=shell, stdout=out, stderr=err,
                             executable="/bin/bash" if shell else None)
        deadline = None if timeout is None else t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                p.kill()
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        result = Run(seconds, usage.ru_maxrss / 1024, p.returncode, out.read(), err.read())
    for suffix in (".out", ".err"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    if check and result.returncode != 0:
        cmd_text = cmd if isinstance(cmd, str) else " ".join(map(str, cmd))
        raise RuntimeError(f"{cmd_text} exited {result.returncode}\n{result.stderr[-3000:]}")
    return result


def py(*args: str) -> list[str]:
    return [sys.executable, *args]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
