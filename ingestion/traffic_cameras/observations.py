"""Land the 5-minute camera observations, one batch per local day window.

Each run resumes at the end of the last committed window (read back from the landing zone)
and fetches up to the platform's clock minus a settling delay, in windows cut at local midnight.
A window is landed whole or not at all, so a failure halfway through a run keeps the days
already committed and the next run fetches the rest: no gap, no duplicate.
"""

from __future__ import annotations

import os
from contextlib import ExitStack
from datetime import datetime, timedelta
from urllib.parse import urlencode

import pyarrow as pa
import pyarrow.compute as pc

from ingestion.common.http_paging import PagedJsonClient, committed_window_end
from ingestion.common.json_records import RecordWindow
from ingestion.common.windows import committed_windows, subtract
from ingestion.landing import BatchRecord, BatchWriter
from ingestion.traffic_cameras.api import (
    OBSERVATIONS,
    iso,
    local_midnight_before,
    server_time,
)
from ingestion.traffic_cameras.config import SYSTEM, load_config
from ingestion.traffic_cameras.fields import (
    MAX_SPEED_KMH,
    OBSERVATION_FIELDS,
    SPEED_UNIT_FACTORS,
)

DATASET = "observations"
INTERVAL = timedelta(minutes=5)
CHUNK_PAGES_ENV = "IOC_TRAFFIC_CAMERAS_CHUNK_PAGES"
DEFAULT_CHUNK_PAGES = 4  # pages of up to 5000 records checked and written at a time


def load_observations() -> list[BatchRecord]:
    config = load_config()
    with PagedJsonClient(config.http) as client:
        now = server_time(client)
        end = _floor(now - config.settle)
        start = committed_window_end(SYSTEM, DATASET, "to") or local_midnight_before(now - config.backfill)
        batches = [land_window(client, lo, hi) for lo, hi in day_windows(start, end)]
    return [b for b in batches if b is not None]


def load_observations_window(start: datetime, end: datetime) -> list[BatchRecord]:
    """Land the part of ``[start, end)`` no committed batch covers (a partition of the orchestration).

    The window is cut at the platform's settled clock and at local midnight like the incremental
    path, so partitioned and unpartitioned runs commit the same day windows and never overlap.
    """
    config = load_config()
    with PagedJsonClient(config.http) as client:
        settled = _floor(server_time(client) - config.settle)
        gaps = subtract((start, min(end, settled)), committed_windows(SYSTEM, DATASET, "from", "to"))
        batches = [land_window(client, lo, hi) for gap in gaps for lo, hi in day_windows(*gap)]
    return [b for b in batches if b is not None]


def probe_observations() -> str | None:
    """Is anything observed after the last committed window? One request for one record."""
    config = load_config()
    with PagedJsonClient(config.http) as client:
        settled = _floor(server_time(client) - config.settle)
        end = committed_window_end(SYSTEM, DATASET, "to")
        if end is None:
            return "first-run"
        if settled <= end:
            return None
        body, _ = client.get_json(OBSERVATIONS, {"from": iso(end), "to": iso(settled), "page_size": 1})
    return iso(end) if body.get("items") else None


def day_windows(start: datetime, end: datetime) -> list[tuple[datetime, datetime]]:
    """[start, end) cut at each local midnight."""
    windows = []
    while start < end:
        next_midnight = local_midnight_before(start) + timedelta(days=1)
        windows.append((start, min(next_midnight, end)))
        start = windows[-1][1]
    return windows


def land_window(client: PagedJsonClient, start: datetime, end: datetime, chunk_pages: int | None = None) -> BatchRecord | None:
    """One batch for ``[start, end)``, read ``chunk_pages`` pages at a time (default
    ``IOC_TRAFFIC_CAMERAS_CHUNK_PAGES``): each chunk is checked, written into the batch and
    dropped, so memory follows the chunk, not the window. None if nothing was observed."""
    chunk_pages = chunk_pages or chunk_pages_setting()
    params = {"from": iso(start), "to": iso(end)}
    source_ref = f"{client.config.base_url}{OBSERVATIONS}?{urlencode(params)}"
    window = RecordWindow(OBSERVATION_FIELDS)
    with ExitStack() as stack:
        writer: BatchWriter | None = None
        for page in client.iter_pages(OBSERVATIONS, params):
            window.add_page(page)
            if window.pending_pages < chunk_pages or window.rows_read == 0:
                continue  # (empty pages before the first record wait: maybe nothing is observed)
            writer = writer or stack.enter_context(BatchWriter(SYSTEM, dataset=DATASET, source_ref=source_ref))
            _land_chunk(window, writer, start, end)
        if window.rows_read == 0:
            return None  # nothing observed yet: the next run asks for this window again
        writer = writer or stack.enter_context(BatchWriter(SYSTEM, dataset=DATASET, source_ref=source_ref))
        if window.pending_pages:
            _land_chunk(window, writer, start, end)
        return writer.commit(window.rows_read)


def chunk_pages_setting() -> int:
    return max(1, int(os.environ.get(CHUNK_PAGES_ENV) or DEFAULT_CHUNK_PAGES))


def _land_chunk(window: RecordWindow, writer: BatchWriter, start: datetime, end: datetime) -> None:
    table = window.finish()
    _to_kmh(window)
    window.check_ranges()
    outside = pc.or_(pc.less(table["observed_at"], pa.scalar(start)), pc.greater_equal(table["observed_at"], pa.scalar(end)))
    window.reject(outside, f"observed_at outside the requested window [{iso(start)}, {iso(end)})")
    counted = pc.is_valid(table["motorbike_count"])
    window.reject(pc.and_(pc.equal(table["camera_status"], "online"), pc.invert(counted)),
                  "camera_status=online but the record has no vehicle counts")
    window.reject_duplicates(["camera_id", "observed_at"])
    window.write(writer, DATASET)
    writer.flush()


def _to_kmh(window: RecordWindow) -> None:
    """Replace ``avg_speed`` (in ``speed_unit``, km/h when absent) by ``avg_speed_kmh``."""
    table = window.table
    unit = pc.utf8_lower(pc.utf8_trim_whitespace(table["speed_unit"]))
    position = pc.index_in(unit, value_set=pa.array(list(SPEED_UNIT_FACTORS)))
    window.reject(pc.and_(pc.is_valid(unit), pc.is_null(position)),
                  ["speed_unit '", table["speed_unit"], f"' is not one of {list(SPEED_UNIT_FACTORS)}"])
    factor = pc.fill_null(pc.take(pa.array(list(SPEED_UNIT_FACTORS.values())), position), 1.0)
    kmh = pc.round(pc.multiply(table["avg_speed"], factor), 2)
    window.reject(pc.fill_null(pc.or_(pc.less(kmh, 0), pc.greater(kmh, MAX_SPEED_KMH)), False),
                  ["avg_speed=", pc.cast(table["avg_speed"], pa.string()), " ", pc.fill_null(table["speed_unit"], "km/h"),
                   f" outside [0, {MAX_SPEED_KMH:g}] km/h"])
    index = table.schema.get_field_index("avg_speed")
    window.table = table.set_column(index, "avg_speed_kmh", kmh)


def _floor(moment: datetime) -> datetime:
    seconds = INTERVAL.total_seconds()
    return datetime.fromtimestamp(moment.timestamp() // seconds * seconds, tz=moment.tzinfo)
