"""Stand up every departmental system found under ``simulators/`` (no central list to edit)."""

from __future__ import annotations

import importlib
import pkgutil
import subprocess
import sys
from datetime import date, timedelta

import simulators

# High-frequency stand-ins take a window of days; the others generate their own history.
_WINDOWED = {"env_monitoring": "--days"}


def simulator_names() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.iter_modules(simulators.__path__)
        if m.ispkg and importlib.util.find_spec(f"simulators.{m.name}.__main__") is not None
    )


def simulate_all(*, days: int, seed: int) -> None:
    for name in simulator_names():
        cmd = [sys.executable, "-m", f"simulators.{name}", "--seed", str(seed)]
        if name in _WINDOWED:
            start = date.today() - timedelta(days=days)
            cmd += [_WINDOWED[name], str(days), "--start", start.isoformat()]
        print(f"  simulating {name} …", file=sys.stderr, flush=True)
        subprocess.run(cmd, check=True)


def start_http_stand_ins() -> list:
    """Start every stand-in that serves HTTP; each exports its own URL into the environment."""
    servers = []
    for name in simulator_names():
        module = importlib.import_module(f"simulators.{name}")
        start = getattr(module, "start_demo_server", None)
        if start is not None:
            servers.append(start())
    return servers
