"""The citizen feedback system's REST API (v2), served from a generated store.

    GET /api/v2/status                                                  server time, API version
    GET /api/v2/reports?updated_since=&updated_until=&cursor=&page_size=   reports (max 2000)

Every endpoint needs ``Authorization: Bearer <token>`` (``IOC_CITIZEN_FEEDBACK_TOKEN`` unless
given). A report appears with its current state; each change makes it appear again.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pyarrow.parquet as pq

from simulators.citizen_feedback.versions import DRIFT
from simulators.common.http_stand_in import ApiStandIn
from simulators.common.local_time import iso_local
from simulators.common.versioned import VersionedCollection

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


STAND_IN = ApiStandIn(system=SYSTEM, token_env=TOKEN_ENV, url_env="IOC_CITIZEN_FEEDBACK_URL", default_port=18742,
                      build_routes=build_routes)
start_server = STAND_IN.start
