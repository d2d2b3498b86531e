"""The platform's endpoints and its clock (windows are cut on the server's time, not ours)."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from ingestion.common.errors import SourceUnavailableError
from ingestion.common.http_paging import PagedJsonClient

STATUS = "/api/v1/status"
CAMERAS = "/api/v1/cameras"
OBSERVATIONS = "/api/v1/observations"
INCIDENTS = "/api/v1/incidents"
LOCAL_TZ = timezone(timedelta(hours=7))


def server_time(client: PagedJsonClient) -> datetime:
    body, _ = client.get_json(STATUS)
    try:
        now = datetime.fromisoformat(body["server_time"])
    except (KeyError, TypeError, ValueError):
        raise SourceUnavailableError(client.config.system, f"{STATUS} gave no server_time ({str(body)[:120]})",
                                     check="the API version of the platform") from None
    if now.tzinfo is None:
        now = now.replace(tzinfo=LOCAL_TZ)  # the platform runs on Vietnam time
    return now.astimezone(timezone.utc)


def iso(moment: datetime) -> str:
    """UTC, second precision, 'Z': the form every window parameter and ``source_ref`` uses."""
    return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_midnight_before(moment: datetime) -> datetime:
    local = moment.astimezone(LOCAL_TZ)
    return local.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(timezone.utc)
