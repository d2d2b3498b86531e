"""Exceedance alerts: new QCVN exceedances and AQI "Xấu" (bad) or worse, from the published data.

Plain Python (the Dagster sensor in ``orchestration/defs/alerts.py`` only calls
:func:`process_alerts`):

1. ``detect``: read ``kpi.exceedance_events`` and ``kpi.air_quality_hourly`` (AQI > 150) from
   the published file, read-only; AQI hours at a station merge into episodes.
2. ``log``: compare with the append-only alert log (``<IOC_DATA_DIR>/alerts/``): an event
   already alerted — same event id, or the same station/parameter overlapping an alerted event
   (an event that grows, or whose start moved with late data) — is not a new alert.
3. ``webhook``: POST each new alert as JSON to ``IOC_ALERT_WEBHOOK_URL`` with retries; a delivery
   that still fails is retried at the next evaluation, every attempt recorded.

The log is exposed in the published file as ``alerts.exceedance_alerts`` (``views``).
"""

from orchestration.alerts.process import AlertOutcome, process_alerts

__all__ = ["AlertOutcome", "process_alerts"]
