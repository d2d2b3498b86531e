"""Land citizen reports changed since the last committed window, one batch per run.

The API returns each report in its current state when it changed in
``(updated_since, updated_until]``; every change lands as a new row (staging keeps the latest
per ``report_id``). The window end is the system's clock at the start of the run and is
recorded in the batch's ``source_ref``, so the next run starts exactly there.
The pseudonymisation key is read before anything is fetched: without it nothing lands.
"""

from __future__ import annotations

from datetime import datetime
from urllib.parse import urlencode

import pyarrow.compute as pc

from ingestion.citizen_feedback.api import REPORTS, iso, server_time
from ingestion.citizen_feedback.config import SYSTEM, load_config
from ingestion.citizen_feedback.fields import COMMUNE_PATTERN, REPORT_FIELDS
from ingestion.citizen_feedback.personal_data import pseudonymise_contacts, redactor
from ingestion.citizen_feedback.reporting_period import with_reporting_period
from ingestion.common.http_paging import PagedJsonClient, committed_window_end
from ingestion.common.json_records import RecordWindow, reject_outside_window
from ingestion.common.pseudonymise import load_key
from ingestion.common.windows import BEGINNING, committed_windows, subtract
from ingestion.landing import BatchRecord, BatchWriter

DATASET = "reports"


def load_reports() -> BatchRecord | None:
    config = load_config()
    key = load_key()
    with PagedJsonClient(config.http) as client:
        now = server_time(client)
        since = committed_window_end(SYSTEM, DATASET, "updated_until")
        return _land(client, config, key, since, now)


def load_reports_window(start: datetime, end: datetime) -> list[BatchRecord]:
    """Land the changes of ``(start, end]`` that no committed window holds (a partition of the
    orchestration): the gaps between committed windows, cut at the system's clock."""
    config = load_config()
    key = load_key()
    with PagedJsonClient(config.http) as client:
        now = server_time(client)
        gaps = subtract((start, min(end, now)), committed_windows(SYSTEM, DATASET, "updated_since", "updated_until"))
        batches = [_land(client, config, key, None if lo == BEGINNING else lo, hi) for lo, hi in gaps]
    return [b for b in batches if b is not None]


def probe_reports() -> str | None:
    """Has any report changed since the last committed window? One request for one record."""
    config = load_config()
    with PagedJsonClient(config.http) as client:
        now = server_time(client)
        since = committed_window_end(SYSTEM, DATASET, "updated_until")
        if since is None:
            return "first-run"
        body, _ = client.get_json(REPORTS, {"updated_since": iso(since), "updated_until": iso(now), "page_size": 1})
    return iso(since) if body.get("items") else None


def _land(client: PagedJsonClient, config, key: bytes, since: datetime | None, until: datetime) -> BatchRecord | None:
    params = {**({"updated_since": iso(since)} if since else {}), "updated_until": iso(until)}
    window = RecordWindow(REPORT_FIELDS, keep_unknown=False)
    for page in client.iter_pages(REPORTS, params):
        window.add_page(page)
    if window.rows_read == 0:
        return None
    window.finish()
    window.check_ranges()
    reject_outside_window(window, "updated_at", since, until)
    _check(window)
    window.reject_duplicates(["report_id", "updated_at"])
    window.table = with_reporting_period(pseudonymise_contacts(window.table, key), config.period_close_days)
    with BatchWriter(SYSTEM, dataset=DATASET, source_ref=f"{config.http.base_url}{REPORTS}?{urlencode(params)}") as writer:
        window.write(writer, DATASET, redact=redactor(key))
        return writer.commit(window.rows_read)


def _check(window: RecordWindow) -> None:
    t = window.table
    commune = t["commune_code_2025"]
    window.reject(pc.invert(pc.fill_null(pc.match_substring_regex(commune, COMMUNE_PATTERN), True)),
                  ["commune_code_2025='", commune, "' is not one of BD25-01..BD25-36"])
    window.reject(pc.less(t["resolved_at"], t["received_at"]), "resolved_at is before received_at")
    window.reject(pc.less(t["assigned_at"], t["received_at"]), "assigned_at is before received_at")
    window.reject(pc.and_(pc.equal(t["status"], "resolved"), pc.is_null(t["resolved_at"])),
                  "status=resolved without resolved_at")
    window.reject(pc.and_(pc.is_valid(t["satisfaction"]), pc.invert(pc.equal(t["status"], "resolved"))),
                  ["satisfaction given while status=", t["status"]])
