"""The citizen feedback system's REST API (v2), served from a generated store.

    GET /api/v2/status                                                  server time, API version
    GET /api/v2/reports?updated_since=&updated_until=&cursor=&page_size=   reports (max 2000)

Every endpoint needs ``Authorization: Bearer <token>`` (``IOC_CITIZEN_FEEDBACK_TOKEN`` unless
given). A report appears with its current state; each change makes it appear again.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow.parquet as pq

from simulators.citizen_feedback.versions import DRIFT
from simulators.traffic_cameras.http_stand_in import ServerFaults, StandInServer
from simulators.traffic_cameras.local_time import iso_local
from simulators.traffic_cameras.versioned import VersionedCollection

SYSTEM = "citizen_feedback"
TOKEN_ENV = "IOC_CITIZEN_FEEDBACK_TOKEN"
API_VERSION = "2.3"


def build_routes(data_dir: Path) -> dict:
    if not (data_dir / "reports.parquet").is_file():
        raise FileNotFoundError(f"no citizen feedback store in {data_dir}: run `python -m simulators.citizen_feedback` first")
    reports = VersionedCollection(pq.read_table(data_dir / "reports.parquet"), id_column="report_id", drift=DRIFT)

    def status(params, server):
        return {"system": SYSTEM, "api_version": API_VERSION, "server_time": iso_local(np.array([int(server.clock())]))[0]}

    return {
        "/api/v2/status": status,
        "/api/v2/reports": lambda p, s: reports.page(p, s, default_size=500, max_size=2000),
    }


def start_server(data_dir, host: str = "127.0.0.1", port: int = 0, *, token: str | None = None,
                 faults: ServerFaults | None = None, clock: Callable[[], float] = time.time,
                 verbose: bool = False) -> tuple[StandInServer, str]:
    """Serve ``data_dir`` in a background thread; returns the server and its base URL."""
    data_dir = Path(data_dir)
    token = token or os.environ.get(TOKEN_ENV)
    if not token:
        raise RuntimeError(f"the citizen feedback stand-in needs a token: set {TOKEN_ENV}")
    server = StandInServer(
        (host, port), system=SYSTEM, routes=build_routes(data_dir), token=token,
        faults=faults if faults is not None else ServerFaults.load(data_dir / "server_faults.json"),
        clock=clock, verbose=verbose,
    ).start()
    return server, server.base_url
