"""The feedback system's endpoints and its clock (windows are cut on the system's time)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ingestion.common.errors import SourceUnavailableError
from ingestion.common.http_paging import PagedJsonClient

STATUS = "/api/v2/status"
REPORTS = "/api/v2/reports"


def server_time(client: PagedJsonClient) -> datetime:
    body, _ = client.get_json(STATUS)
    try:
        now = datetime.fromisoformat(body["server_time"])
    except (KeyError, TypeError, ValueError):
        raise SourceUnavailableError(client.config.system, f"{STATUS} gave no server_time ({str(body)[:120]})",
                                     check="the API version of the feedback system") from None
    if now.tzinfo is None:
        now = now.replace(tzinfo=timezone(timedelta(hours=7)))  # the system runs on Vietnam time
    return now.astimezone(timezone.utc)


def iso(moment: datetime) -> str:
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
