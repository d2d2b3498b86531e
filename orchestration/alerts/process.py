"""One evaluation: find new events, log them once, deliver what is not delivered yet."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from orchestration.alerts import log
from orchestration.alerts.detect import Event, read_events
from orchestration.alerts.webhook import WebhookConfig, post_alert
from orchestration.publishing.ids import sortable_id

SAME_EVENT_GAP = timedelta(hours=1)  # a one-hour dip inside an episode does not make a new event
NOTIFY_WITHIN = timedelta(hours=24)  # older events (first start, a backfill) are logged, not sent
RETRY_FOR = timedelta(hours=24)  # an undelivered alert is retried at each evaluation for this long


@dataclass
class AlertOutcome:
    new_alerts: list[dict] = field(default_factory=list)
    deliveries: list[dict] = field(default_factory=list)

    @property
    def delivered(self) -> int:
        return sum(1 for d in self.deliveries if d["delivered"])

    @property
    def failed(self) -> int:
        return sum(1 for d in self.deliveries if not d["delivered"])

    def summary(self) -> str:
        if not self.new_alerts and not self.deliveries:
            return "no new exceedance or AQI alert"
        notify = sum(1 for a in self.new_alerts if a["notify"])
        return (f"{len(self.new_alerts)} new alert(s) ({notify} to send), {self.delivered} delivered, "
                f"{self.failed} delivery(ies) failed (retried at the next evaluation)")


def _utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc)


def _is_known(event: Event, known: list[dict]) -> bool:
    for alert in known:
        if alert["event_key"] == event.event_key:
            return True
        if (alert["kind"], alert["station_code"], alert["subject"]) == event.identity and (
            event.event_start <= alert["event_end"] + SAME_EVENT_GAP
            and event.event_end >= alert["event_start"] - SAME_EVENT_GAP
        ):
            return True  # the same ongoing event, grown or with its start moved by late data
    return False


def _publication_id(published_db: Path) -> str | None:
    import duckdb

    try:
        with duckdb.connect(str(published_db), read_only=True) as con:
            return con.execute("select publication_id from audit.publication limit 1").fetchone()[0]
    except Exception:  # display only
        return None


def _row(event: Event, *, now: datetime, publication_id: str | None) -> dict:
    return {
        "alert_id": sortable_id(now), "event_key": event.event_key, "kind": event.kind,
        "station_code": event.station_code, "subject": event.subject,
        "event_start": _utc(event.event_start), "event_end": _utc(event.event_end),
        "observed_value": event.observed_value, "limit_value": event.limit_value, "unit": event.unit,
        "severity": event.severity, "message": event.message, "details": event.details,
        "notify": event.event_end >= now - NOTIFY_WITHIN, "detected_at": now, "publication_id": publication_id,
    }


def payload(alert: dict) -> dict:
    details = alert["details"]
    return {
        "source": "IOC Bình Dương — data warehouse",
        **{k: (v.isoformat() if isinstance(v, datetime) else v) for k, v in alert.items() if k != "details"},
        "details": json.loads(details) if isinstance(details, str) else details,
    }


def process_alerts(
    *,
    published_db: Path,
    directory: Path | None = None,
    webhook: WebhookConfig | None = None,
    now: datetime | None = None,
    post=post_alert,
) -> AlertOutcome:
    now = now or datetime.now(timezone.utc)
    known = log.read("exceedance_alerts", directory)
    outcome = AlertOutcome()
    publication_id = None
    for event in read_events(published_db):
        if _is_known(event, known):
            continue
        publication_id = publication_id or _publication_id(published_db)
        row = _row(event, now=now, publication_id=publication_id)
        known.append(row)  # two events of one identity in this evaluation are one alert
        outcome.new_alerts.append(row)
    log.append("exceedance_alerts", outcome.new_alerts, directory)

    if webhook is None:
        return outcome
    delivered = {d["alert_id"] for d in log.read("alert_deliveries", directory) if d["delivered"]}
    pending = [a for a in known if a["notify"] and a["alert_id"] not in delivered and a["detected_at"] >= now - RETRY_FOR]
    for alert in sorted(pending, key=lambda a: a["alert_id"]):
        result = post(webhook, alert["alert_id"], payload(alert))
        outcome.deliveries.append({
            "alert_id": alert["alert_id"], "attempted_at": datetime.now(timezone.utc), "attempts": result.attempts,
            "delivered": result.delivered, "http_status": result.http_status, "error": result.error,
            "endpoint": webhook.endpoint,
        })
    log.append("alert_deliveries", outcome.deliveries, directory)
    return outcome
