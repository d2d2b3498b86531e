"""The ``alerts`` schema of the published file: live views over the append-only alert log.

Like the ``audit.*`` views (``orchestration/publishing/audit_views.py``), they are views with
absolute paths, not copies: an alert raised after a publication shows up in the file that is
already published, without that file changing by a byte.

    alerts.exceedance_alerts   every alert with its latest delivery (delivered, attempts, status)
    alerts.alert_deliveries    every delivery attempt

The publisher calls :func:`create_alert_views` next to ``create_audit_views``.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from orchestration.alerts import log


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def create_alert_views(con: duckdb.DuckDBPyConnection, *, alerts_dir: Path | None = None) -> list[str]:
    """Create ``alerts.*`` views in ``con``'s default database; returns their qualified names."""
    log.ensure_schema_files(alerts_dir)
    alerts = _literal(log.table_glob("exceedance_alerts", alerts_dir))
    deliveries = _literal(log.table_glob("alert_deliveries", alerts_dir))
    con.execute("create schema if not exists alerts")
    con.execute(
        f"create or replace view alerts.alert_deliveries as "
        f"select * from read_parquet({deliveries}, union_by_name = true)"
    )
    con.execute(
        f"""
        create or replace view alerts.exceedance_alerts as
        with last_delivery as (
            select alert_id,
                   bool_or(delivered) as delivered,
                   max(attempted_at) filter (where delivered) as delivered_at,
                   sum(attempts) as delivery_attempts,
                   arg_max(http_status, attempted_at) as last_http_status,
                   arg_max(error, attempted_at) as last_error
            from alerts.alert_deliveries group by alert_id
        )
        select a.*, coalesce(d.delivered, false) as delivered, d.delivered_at, coalesce(d.delivery_attempts, 0)
               as delivery_attempts, d.last_http_status, d.last_error
        from read_parquet({alerts}, union_by_name = true) a left join last_delivery d using (alert_id)
        """
    )
    return ["alerts.exceedance_alerts", "alerts.alert_deliveries"]
