"""The append-only alert log: one read-only Parquet file per write, never rewritten.

``<alerts_dir>/exceedance_alerts/*.parquet``: every alert, once, when it was first detected.
``<alerts_dir>/alert_deliveries/*.parquet``: every delivery attempt to the webhook.
Same discipline as the audit log (``orchestration/publishing/audit_log.py``): temp name, fsync,
read-only, rename; a zero-row schema file keeps globs (the published views) valid from day one.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ingestion import settings
from orchestration.publishing.fsio import fsync_dir, temp_sibling
from orchestration.publishing.ids import sortable_id

TS = pa.timestamp("us", tz="UTC")

ALERTS = pa.schema([
    ("alert_id", pa.string()),
    ("event_key", pa.string()),  # kpi.exceedance_events.event_id, or the AQI episode id
    ("kind", pa.string()),  # 'qcvn_exceedance' | 'aqi_bad'
    ("station_code", pa.string()),
    ("subject", pa.string()),  # parameter (averaging), or 'VN_AQI'
    ("event_start", TS),
    ("event_end", TS),  # as published when the alert was raised
    ("observed_value", pa.float64()),
    ("limit_value", pa.float64()),
    ("unit", pa.string()),
    ("severity", pa.string()),  # 'exceedance' or the AQI band code
    ("message", pa.string()),
    ("details", pa.string()),  # JSON
    ("notify", pa.bool_()),  # false: found already over (first start, backfill), logged but not sent
    ("detected_at", TS),
    ("publication_id", pa.string()),  # publication in which the event was first seen
])

DELIVERIES = pa.schema([
    ("alert_id", pa.string()),
    ("attempted_at", TS),
    ("attempts", pa.int64()),  # HTTP requests made in this delivery (retries included)
    ("delivered", pa.bool_()),
    ("http_status", pa.int64()),
    ("error", pa.string()),
    ("endpoint", pa.string()),  # scheme://host/path of the webhook (no credentials, no query)
])

TABLES = {"exceedance_alerts": ALERTS, "alert_deliveries": DELIVERIES}
SCHEMA_FILE = "00000000T000000000000Z-schema.parquet"


def alerts_dir() -> Path:
    value = os.environ.get("IOC_ALERTS_DIR")
    return Path(value) if value else settings.data_dir() / "alerts"


def table_glob(table: str, directory: Path | None = None) -> str:
    return str(((directory or alerts_dir()) / table).resolve() / "*.parquet")


def ensure_schema_files(directory: Path | None = None) -> None:
    for table, schema in TABLES.items():
        folder = (directory or alerts_dir()) / table
        folder.mkdir(parents=True, exist_ok=True)
        if not (folder / SCHEMA_FILE).exists():
            _write_read_only(schema.empty_table(), folder / SCHEMA_FILE)


def append(table: str, rows: list[dict], directory: Path | None = None) -> Path | None:
    if not rows:
        return None
    ensure_schema_files(directory)
    schema = TABLES[table]
    records = [{**r, "details": json.dumps(r["details"], default=str, ensure_ascii=False)}
               if isinstance(r.get("details"), dict) else r for r in rows]
    final = (directory or alerts_dir()) / table / f"{sortable_id()}.parquet"
    _write_read_only(pa.Table.from_pylist(records, schema=schema), final)
    return final


def read(table: str, directory: Path | None = None) -> list[dict]:
    folder = (directory or alerts_dir()) / table
    if not folder.is_dir() or not any(folder.glob("*.parquet")):
        return []
    with duckdb.connect() as con:
        query = f"select * from read_parquet('{table_glob(table, directory)}', union_by_name = true)"
        return con.sql(query).to_arrow_table().to_pylist()


def _write_read_only(table: pa.Table, final: Path) -> None:
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_sibling(final)
    try:
        with open(tmp, "xb") as f:
            pq.write_table(table, f)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o444)
        os.rename(tmp, final)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(final.parent)
