"""Open one monthly export: decode, parse, and read its envelope (period, export time, records).

Envelope problems concern the whole file and become one quarantined record: a truncated upload
is invalid JSON, a file without a period cannot be placed in time.
"""

from __future__ import annotations

import calendar
import json
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from ingestion.common.csv_encoding import UndecodableFileError, detect_and_decode

LOCAL = timezone(timedelta(hours=7))     # exports without an offset are Vietnamese wall-clock time
_PERIOD_IN_NAME = re.compile(r"(20\d{2})[_-](\d{1,2})(?!\d)")


class EnvelopeError(ValueError):
    """The file as a whole cannot be read; the message says why."""


@dataclass(frozen=True)
class Envelope:
    period: date                     # first day of the reporting month
    exported_at: datetime            # UTC
    schema_version: str | None
    records: list
    document: dict
    encoding: str                    # utf-8 | utf-8-sig | cp1258 | tcvn3 | ascii

    def is_late(self, close_after_days: int) -> bool:
        """Exported after the month closed for the IOC (end of month + close_after_days)."""
        last_day = date(self.period.year, self.period.month, calendar.monthrange(self.period.year, self.period.month)[1])
        return self.exported_at.astimezone(LOCAL).date() > last_day + timedelta(days=close_after_days)


def _period(doc: dict, file_name: str) -> date:
    value = next((doc[k] for k in ("period", "ky_bao_cao", "reporting_period", "month") if doc.get(k)), None)
    m = re.fullmatch(r"\s*(20\d{2})[-/_](\d{1,2})\s*", str(value)) if value is not None else None
    m = m or _PERIOD_IN_NAME.search(file_name)
    if not m or not 1 <= int(m.group(2)) <= 12:
        raise EnvelopeError("no reporting period: neither a 'period' field (YYYY-MM) nor YYYY_MM in the file name")
    return date(int(m.group(1)), int(m.group(2)), 1)


def _exported_at(doc: dict, path: Path) -> datetime:
    value = next((doc[k] for k in ("exported_at", "export_time", "generated_at", "thoi_diem_xuat") if doc.get(k)), None)
    if value is None:  # fall back to when the file arrived
        return datetime.fromtimestamp(path.stat().st_mtime, timezone.utc)
    try:
        parsed = datetime.fromisoformat(str(value))
    except ValueError as exc:
        raise EnvelopeError(f"exported_at {value!r} is not an ISO timestamp") from exc
    return (parsed if parsed.tzinfo else parsed.replace(tzinfo=LOCAL)).astimezone(timezone.utc)


def open_export(path: Path, file_name: str, record_keys: tuple[str, ...]) -> Envelope:
    try:
        decoded = detect_and_decode(path.read_bytes())   # UTF-8 (BOM or not), or a legacy cp1258/TCVN3 export
    except UndecodableFileError as exc:
        raise EnvelopeError(str(exc)) from exc
    try:
        doc = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        raise EnvelopeError(f"invalid JSON (truncated or corrupt upload?): {exc}") from exc
    if not isinstance(doc, dict):
        raise EnvelopeError(f"expected a JSON object, found {type(doc).__name__}")
    records = next((doc[k] for k in record_keys if k in doc), None)
    if not isinstance(records, list):
        raise EnvelopeError(f"no record list: expected one of the keys {', '.join(record_keys)}")
    return Envelope(_period(doc, file_name), _exported_at(doc, path), doc.get("schema_version"), records, doc,
                    decoded.encoding)
