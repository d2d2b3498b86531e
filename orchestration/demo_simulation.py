"""Stand up every departmental system found under ``simulators/`` (no central list to edit).

Two sizes: ``demo`` (what ``make demo`` shows: a week of 5-minute data, two years and more of
monthly reports) and ``small`` (the same systems, a fraction of the volume, for the end-to-end
tests). A simulator missing from a profile runs with its own defaults.
"""

from __future__ import annotations

import importlib
import importlib.util
import pkgutil
import subprocess
import sys
from datetime import date, timedelta

import simulators

PROFILES: dict[str, dict[str, list[str]]] = {
    "demo": {},
    "small": {
        "env_monitoring": ["--stations-air", "3", "--stations-wastewater", "3", "--stations-stack", "2"],
        "traffic_cameras": ["--cameras", "40"],
        "citizen_feedback": ["--days", "400", "--per-day", "10"],
        "business_registry": ["--months", "13", "--enterprises", "3000"],
        "public_services": ["--days", "400", "--dossiers-per-day", "15"],
        "gis": ["--schools", "120"],
        "statistics_office": ["--months", "13"],
        "education": ["--years", "2", "--schools", "120"],
        "utilities": ["--months", "13"],
        "health": ["--months", "13"],
        "ict": ["--months", "13"],
        "industry_trade": ["--months", "13"],
        "labour": ["--months", "13"],
    },
}

# High-frequency stand-ins take the window of days the caller asks for.
DAY_WINDOW_SYSTEMS = {"env_monitoring", "traffic_cameras"}


def simulator_names() -> list[str]:
    return sorted(
        m.name
        for m in pkgutil.iter_modules(simulators.__path__)
        if m.ispkg and importlib.util.find_spec(f"simulators.{m.name}.__main__") is not None
    )


def simulator_command(name: str, *, days: int, seed: int, profile: str) -> list[str]:
    cmd = [sys.executable, "-m", f"simulators.{name}", "--seed", str(seed)]
    if name == "env_monitoring":
        cmd += ["--days", str(days), "--start", (date.today() - timedelta(days=days)).isoformat()]
    elif name in DAY_WINDOW_SYSTEMS:
        cmd += ["--days", str(days)]
    return cmd + PROFILES[profile].get(name, [])


def simulate_all(*, days: int, seed: int, profile: str = "demo") -> None:
    for name in simulator_names():
        print(f"  simulating {name} …", file=sys.stderr, flush=True)
        subprocess.run(simulator_command(name, days=days, seed=seed, profile=profile), check=True)


def start_http_stand_ins() -> list:
    """Start every stand-in that serves HTTP; each exports its own URL into the environment."""
    servers = []
    for name in simulator_names():
        module = importlib.import_module(f"simulators.{name}")
        start = getattr(module, "start_demo_server", None)
        if start is not None:
            servers.append(start())
    return servers
