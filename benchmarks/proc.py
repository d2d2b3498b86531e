"""Run a child process and measure it: wall time and the child's own peak RSS (os.wait4, taken
by benchmarks/launch.py so the harness's own size does not leak into the figure)."""

from __future__ import annotations

import json
import os
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
LAUNCHER = Path(__file__).with_name("launch.py")


@dataclass
class Run:
    seconds: float  # wall time of the child process
    max_rss_mb: float  # peak resident set size of the child (and the children it waited for)
    cpu_s: float  # user + system CPU of the child and its waited-for children: steadier than wall
                  # time on a shared machine
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
        command = ["/bin/bash", "-c", cmd] if shell else list(cmd)
        p = subprocess.Popen([sys.executable, "-S", str(LAUNCHER), f"{out_path}.rss", *map(str, command)],
                             env=env, cwd=cwd or REPO, stdout=out, stderr=err, start_new_session=True)
        deadline = None if timeout is None else t0 + timeout
        while True:
            pid, status, usage = os.wait4(p.pid, os.WNOHANG)
            if pid:
                break
            if deadline is not None and time.perf_counter() > deadline:
                os.killpg(p.pid, signal.SIGKILL)  # the launcher and the command it started
                pid, status, usage = os.wait4(p.pid, 0)
                break
            time.sleep(0.01)
        seconds = time.perf_counter() - t0
        p.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0), err.seek(0)
        rss_kib, cpu_s = _read_usage(Path(f"{out_path}.rss"), default=(usage.ru_maxrss, usage.ru_utime + usage.ru_stime))
        result = Run(seconds, rss_kib / 1024, cpu_s, p.returncode, out.read(), err.read())
    for suffix in (".out", ".err", ".rss"):
        Path(f"{out_path}{suffix}").unlink(missing_ok=True)
    if check and result.returncode != 0:
        cmd_text = cmd if isinstance(cmd, str) else " ".join(map(str, cmd))
        raise RuntimeError(f"{cmd_text} exited {result.returncode}\n{result.stderr[-3000:]}")
    return result


def _read_usage(path: Path, *, default: tuple[int, float]) -> tuple[int, float]:
    try:
        rss, cpu = path.read_text().split()
        return int(rss), float(cpu)
    except (OSError, ValueError):  # killed before it could write: the launcher's own figures
        return default


def py(*args: str) -> list[str]:
    return [sys.executable, *args]


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")
