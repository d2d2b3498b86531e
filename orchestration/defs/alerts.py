"""The exceedance alert sensor: new QCVN exceedances and AQI "Xấu" or worse, within a minute
of their publication (well inside one 5-minute cycle of the stations).

It launches no run: each evaluation reads the published file (read-only), appends new alerts to
the append-only alert log (``alerts.exceedance_alerts`` in the published file) and POSTs them
to ``IOC_ALERT_WEBHOOK_URL`` with retries; see ``orchestration/alerts``. The tick's message in
the UI says what was found and delivered.
"""

import dagster as dg

from ingestion import settings


@dg.sensor(
    name="exceedance_alert_sensor",
    minimum_interval_seconds=60,
    default_status=dg.DefaultSensorStatus.RUNNING,
    description="Alerts (log + webhook) on new QCVN exceedances and VN_AQI > 150 in the published data, once per event.",
)
def exceedance_alert_sensor(context: dg.SensorEvaluationContext):
    from orchestration.alerts import process_alerts
    from orchestration.alerts.webhook import WebhookConfig

    webhook = WebhookConfig.from_env()
    outcome = process_alerts(published_db=settings.published_db(), webhook=webhook)
    for alert in outcome.new_alerts:
        context.log.warning("ALERT %s", alert["message"])
    for delivery in outcome.deliveries:
        if not delivery["delivered"]:
            context.log.error("alert %s not delivered to %s after %d attempt(s): %s", delivery["alert_id"],
                              delivery["endpoint"], delivery["attempts"], delivery["error"])
    suffix = "" if webhook else " (IOC_ALERT_WEBHOOK_URL not set: logged only)"
    return dg.SkipReason(outcome.summary() + suffix)


def defs() -> dg.Definitions:
    return dg.Definitions(sensors=[exceedance_alert_sensor])
