"""Stand up every departmental system small, land everything: the input of the warehouse tests.

    python -m tests.warehouse.prepare <data_dir>

Runs in its own process (the HTTP stand-ins and the environment it sets stay out of pytest).
Sizes are the end-to-end "small" profile, widened where a catalogue breakdown needs history:
agencies merged on 2025-07-01 and district budgets need months before the reform.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

# Appended after the "small" profile's arguments (argparse: the last value wins).
WIDER = {
    "env_monitoring": ["--stations-air", "2", "--stations-wastewater", "2", "--stations-stack", "2"],
    "traffic_cameras": ["--cameras", "120"],
    "public_services": ["--days", "730", "--dossiers-per-day", "6"],
    "statistics_office": ["--months", "20"],
}
DAYS = 3


def main(data_dir: Path) -> None:
    os.environ["IOC_DATA_DIR"] = str(data_dir)
    os.environ.setdefault("IOC_PSEUDONYMISATION_KEY", "warehouse-test-key-0123456789abcdef0123456789")

    from orchestration.demo_simulation import simulator_command, simulator_names, start_http_stand_ins

    for name in simulator_names():
        command = simulator_command(name, days=DAYS, seed=42, profile="small") + WIDER.get(name, [])
        subprocess.run(command, check=True, capture_output=True, text=True, env=os.environ)

    from ingestion.registry import discover_sources

    servers = start_http_stand_ins()
    try:
        for source in discover_sources():
            for dataset in source.datasets:
                dataset.load()
    finally:
        for server in servers:
            server.shutdown()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
