"""Land the registry and the incidents: records that change, fetched by ``updated_at`` window.

A run asks for ``updated_since`` = the end of the last committed window and ``updated_until`` =
the platform's clock now; each new version of a record lands as a new row (staging keeps the
latest per id). Windows never overlap, so no version lands twice.
"""

from __future__ import annotations

from datetime import datetime
from typing import Callable
from urllib.parse import urlencode

import pyarrow.compute as pc

from ingestion.common.http_paging import PagedJsonClient, committed_window_end
from ingestion.common.json_records import RecordWindow, reject_outside_window
from ingestion.landing import BatchRecord, BatchWriter
from ingestion.traffic_cameras.api import CAMERAS, INCIDENTS, iso, server_time
from ingestion.traffic_cameras.config import SYSTEM, load_config
from ingestion.traffic_cameras.fields import (
    CAMERA_FIELDS,
    COMMUNE_PATTERN,
    INCIDENT_FIELDS,
)


def load_cameras() -> BatchRecord | None:
    return _load("cameras", CAMERAS, CAMERA_FIELDS, key="camera_id", check=_check_area, backfill=False)


def load_incidents() -> BatchRecord | None:
    return _load("incidents", INCIDENTS, INCIDENT_FIELDS, key="incident_id", check=_check_incident, backfill=True)


def _load(dataset: str, path: str, fields, *, key: str, check: Callable[[RecordWindow], None], backfill: bool):
    config = load_config()
    with PagedJsonClient(config.http) as client:
        now = server_time(client)
        since: datetime | None = committed_window_end(SYSTEM, dataset, "updated_until")
        if since is None and backfill:
            since = now - config.backfill
        params = {**({"updated_since": iso(since)} if since else {}), "updated_until": iso(now)}
        window = RecordWindow(fields)
        for page in client.iter_pages(path, params):
            window.add_page(page)
        if window.rows_read == 0:
            return None
        window.finish()
        window.check_ranges()
        reject_outside_window(window, "updated_at", since, now)
        check(window)
        window.reject_duplicates([key, "updated_at"])
        with BatchWriter(SYSTEM, dataset=dataset, source_ref=f"{config.http.base_url}{path}?{urlencode(params)}") as writer:
            window.write(writer, dataset)
            return writer.commit(window.rows_read)


def _check_area(window: RecordWindow) -> None:
    commune = window.table["commune_code_2025"]
    bad = pc.invert(pc.fill_null(pc.match_substring_regex(commune, COMMUNE_PATTERN), True))
    window.reject(bad, ["commune_code_2025='", commune, "' is not one of BD25-01..BD25-36"])


def _check_incident(window: RecordWindow) -> None:
    _check_area(window)
    t = window.table
    window.reject(pc.less(t["cleared_at"], t["started_at"]), "cleared_at is before started_at")
    window.reject(pc.and_(pc.equal(t["status"], "cleared"), pc.is_null(t["cleared_at"])),
                  "status=cleared without cleared_at")
