"""Land the new monthly report workbooks of the statistics office (dataset ``indicators``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pyarrow as pa

from ingestion.common.file_drop import DropFile, ParsedFile, land_new_files
from ingestion.common.file_periods import in_window
from ingestion.landing import BatchRecord
from ingestion.statistics_office import config
from ingestion.statistics_office.report import parse_report

DATASET = "indicators"

INDICATORS_SCHEMA = pa.schema([
    ("report_month", pa.date32()),        # the report the figure was published in
    ("reference_month", pa.date32()),     # the month the figure is about (report month - 1 for "tháng trước")
    ("topic", pa.string()),
    ("sheet_name", pa.string()),
    ("indicator_key", pa.string()),       # stable: topic[.section].slug of the Vietnamese label
    ("indicator_name_vi", pa.string()),
    ("section", pa.string()),
    ("area_code", pa.string()),
    ("area_name_vi", pa.string()),
    ("measure", pa.string()),             # month_value | ytd_value | yoy_pct | ytd_yoy_pct | mom_pct | ...
    ("column_label_vi", pa.string()),
    ("value", pa.float64()),              # in `unit`, converted when the workbook stated another unit
    ("unit", pa.string()),
    ("value_raw", pa.string()),
    ("unit_raw", pa.string()),
    ("is_estimate", pa.bool_()),
    ("issued_on", pa.date32()),           # issue date printed in the report, the revision date
    ("is_revision", pa.bool_()),
    ("revision_source", pa.string()),     # original | next_report | reissued_workbook
])


def _parse(f: DropFile) -> ParsedFile:
    parsed = parse_report(f.path, f.name)
    if parsed.empty:
        return ParsedFile(skipped_reason="empty workbook (no data in any sheet)")
    rows = pa.Table.from_pylist(parsed.landed, schema=INDICATORS_SCHEMA) if parsed.landed else None
    return ParsedFile(rows=rows, line_numbers=[r["line_number"] for r in parsed.landed], quarantine=parsed.quarantine)


def load_indicators(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                    window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    """Land the new report workbooks (with ``window``: of the report months starting in it)."""
    location = config.drop_location(drop_dir)
    return land_new_files(location=location, dataset=DATASET, patterns=config.file_patterns(), parse=_parse,
                          landing_dir=landing_dir, names=window and in_window(*window, location.path))


def load_indicators_window(start: datetime, end: datetime) -> BatchRecord | None:
    return load_indicators(window=(start, end))
