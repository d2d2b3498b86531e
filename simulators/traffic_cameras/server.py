"""The traffic camera platform's REST API (v1), served from a generated store.

    GET /api/v1/status                                          server time, API version
    GET /api/v1/cameras?updated_since=&updated_until=&cursor=&page_size=     registry (max 500)
    GET /api/v1/incidents?updated_since=&updated_until=&cursor=&page_size=   incidents (max 1000)
    GET /api/v1/observations?from=&to=&cursor=&page_size=       5-minute records (max 5000, window <= 24 h)

Every endpoint needs ``Authorization: Bearer <token>``; the token is ``IOC_TRAFFIC_CAMERAS_TOKEN``
unless given. Responses: ``{"items": [...], "next_cursor": str | null, "count": n, "server_time": ...}``.
"""

from __future__ import annotations

import os
import time
from pathlib import Path
from typing import Callable

import numpy as np
import pyarrow.parquet as pq

from simulators.traffic_cameras.http_stand_in import ServerFaults, StandInServer
from simulators.traffic_cameras.local_time import iso_local
from simulators.traffic_cameras.observation_feed import ObservationFeed
from simulators.traffic_cameras.versioned import VersionedCollection

SYSTEM = "traffic_cameras"
TOKEN_ENV = "IOC_TRAFFIC_CAMERAS_TOKEN"
API_VERSION = "1.4"


def build_routes(data_dir: Path) -> dict:
    if not (data_dir / "observations.parquet").is_file():
        raise FileNotFoundError(f"no traffic camera store in {data_dir}: run `python -m simulators.traffic_cameras` first")
    cameras = VersionedCollection(pq.read_table(data_dir / "cameras.parquet"), id_column="camera_id")
    incidents = VersionedCollection(pq.read_table(data_dir / "incidents.parquet"), id_column="incident_id")
    observations = ObservationFeed(pq.read_table(data_dir / "observations.parquet"))

    def status(params, server):
        return {"system": SYSTEM, "api_version": API_VERSION, "server_time": iso_local(np.array([int(server.clock())]))[0]}

    return {
        "/api/v1/status": status,
        "/api/v1/cameras": lambda p, s: cameras.page(p, s, default_size=200, max_size=500),
        "/api/v1/incidents": lambda p, s: incidents.page(p, s, default_size=500, max_size=1000),
        "/api/v1/observations": observations.page,
    }


def start_server(data_dir, host: str = "127.0.0.1", port: int = 0, *, token: str | None = None,
                 faults: ServerFaults | None = None, clock: Callable[[], float] = time.time,
                 verbose: bool = False) -> tuple[StandInServer, str]:
    """Serve ``data_dir`` in a background thread; returns the server and its base URL."""
    data_dir = Path(data_dir)
    token = token or os.environ.get(TOKEN_ENV)
    if not token:
        raise RuntimeError(f"the traffic camera stand-in needs a token: set {TOKEN_ENV}")
    server = StandInServer(
        (host, port), system=SYSTEM, routes=build_routes(data_dir), token=token,
        faults=faults if faults is not None else ServerFaults.load(data_dir / "server_faults.json"),
        clock=clock, verbose=verbose,
    ).start()
    return server, server.base_url
