"""The traffic camera platform's REST API (v1), served from a generated store.

    GET /api/v1/status                                          server time, API version
    GET /api/v1/cameras?updated_since=&updated_until=&cursor=&page_size=     registry (max 500)
    GET /api/v1/incidents?updated_since=&updated_until=&cursor=&page_size=   incidents (max 1000)
    GET /api/v1/observations?from=&to=&cursor=&page_size=       5-minute records (max 5000, window <= 24 h)

Every endpoint needs ``Authorization: Bearer <token>``; the token is ``IOC_TRAFFIC_CAMERAS_TOKEN``
unless given. Responses: ``{"items": [...], "next_cursor": str | null, "count": n, "server_time": ...}``.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from simulators.common.http_stand_in import ApiStandIn
from simulators.common.local_time import iso_local
from simulators.common.versioned import VersionedCollection
from simulators.traffic_cameras.observation_feed import ObservationFeed
from simulators.traffic_cameras.observation_store import DIRECTORY as OBSERVATIONS

SYSTEM = "traffic_cameras"
TOKEN_ENV = "IOC_TRAFFIC_CAMERAS_TOKEN"
API_VERSION = "1.4"


def build_routes(data_dir: Path) -> dict:
    if not (data_dir / OBSERVATIONS).is_dir():
        raise FileNotFoundError(f"no traffic camera store in {data_dir}: run `python -m simulators.traffic_cameras` first")
    cameras = VersionedCollection(pq.read_table(data_dir / "cameras.parquet"), id_column="camera_id")
    incidents = VersionedCollection(pq.read_table(data_dir / "incidents.parquet"), id_column="incident_id")
    observations = ObservationFeed(data_dir)  # reads the days a request needs, when it needs them

    def status(params, server):
        return {"system": SYSTEM, "api_version": API_VERSION, "server_time": iso_local(np.array([int(server.clock())]))[0]}

    return {
        "/api/v1/status": status,
        "/api/v1/cameras": lambda p, s: cameras.page(p, s, default_size=200, max_size=500),
        "/api/v1/incidents": lambda p, s: incidents.page(p, s, default_size=500, max_size=1000),
        "/api/v1/observations": observations.page,
    }


STAND_IN = ApiStandIn(system=SYSTEM, token_env=TOKEN_ENV, url_env="IOC_TRAFFIC_CAMERAS_URL", default_port=18741,
                      build_routes=build_routes)
start_server = STAND_IN.start
