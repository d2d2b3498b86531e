"""Land the station registry (``stations.csv``) as a ``stations`` snapshot batch.

The registry is tiny (tens of rows), so it is read with the csv module line by line, which
keeps each rejected row's raw text for the quarantine. Each landed batch is a full snapshot;
the latest one is the current registry.
"""

from __future__ import annotations

import csv
import hashlib
import math
from dataclasses import dataclass
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from ingestion import settings
from ingestion.env_monitoring.symbols import SOURCE_SYSTEM
from ingestion.file_manifest import batch_record, committed_batch_records
from ingestion.landing import BatchRecord, BatchWriter, batches_dir, with_lineage

DATASET = "stations"
COLUMNS = [
    "station_code",
    "station_name",
    "station_type",
    "facility_name",
    "longitude",
    "latitude",
    "district_code",
    "commune_code_2025",
    "qcvn_column",
]
STATIONS_SCHEMA = pa.schema([(c, pa.float64() if c in ("longitude", "latitude") else pa.string()) for c in COLUMNS])
# Former Binh Duong province with a margin: a station outside is a typo (swapped lat/lon,
# missing decimal point), not a real site.
LONGITUDE_RANGE = (106.2, 107.1)
LATITUDE_RANGE = (10.7, 11.7)


class RegistryFormatError(ValueError):
    """The registry's header is not the agreed one: nothing can be mapped, nothing lands."""


@dataclass(frozen=True)
class Snapshot:
    record: BatchRecord
    content_sha256: str


def latest_snapshot(landing_dir: Path | None = None) -> Snapshot | None:
    """The newest committed registry batch. Compared with the newest only, not with any
    earlier one: after A -> B -> A the registry is A again and must be landed again."""
    batch_ids = committed_batch_records(SOURCE_SYSTEM, DATASET, landing_dir).column("batch_id").to_pylist()
    if not batch_ids:
        return None
    files = pq.read_table(batches_dir(SOURCE_SYSTEM, landing_dir) / batch_ids[-1] / "files.parquet")
    return Snapshot(batch_record(SOURCE_SYSTEM, batch_ids[-1], landing_dir), files["content_sha256"][0].as_py())


def load_station_registry(path: Path | None = None, landing_dir: Path | None = None) -> BatchRecord:
    """Land stations.csv as a new snapshot, unless it is byte-identical to the latest landed
    snapshot: then nothing is written and that snapshot's batch record is returned."""
    path = Path(path) if path else settings.env_station_registry()
    content = path.read_bytes()
    sha = hashlib.sha256(content).hexdigest()
    latest = latest_snapshot(landing_dir)
    if latest and latest.content_sha256 == sha:
        return latest.record

    lines = content.decode("utf-8-sig").splitlines()
    header = next(csv.reader(lines[:1]), [])
    if [h.strip() for h in header] != COLUMNS:
        raise RegistryFormatError(f"{path.name}: header {header} is not {COLUMNS}")

    rows, row_lines, rejected = [], [], []  # rejected: (line number, raw line, reason)
    seen_codes: set[str] = set()
    for line_number, line in enumerate(lines[1:], start=2):
        if not line.strip():
            continue
        values = [v.strip() for v in next(csv.reader([line]))]
        reason = _problem(values, seen_codes)
        if reason:
            rejected.append((line_number, line, reason))
            continue
        seen_codes.add(values[0])
        rows.append(values)
        row_lines.append(line_number)

    with BatchWriter(SOURCE_SYSTEM, dataset=DATASET, source_ref=str(path), landing_dir=landing_dir) as batch:
        table = pa.table(
            {
                c: pa.array([_typed(c, r[i]) for r in rows], STATIONS_SCHEMA.field(c).type)
                for i, c in enumerate(COLUMNS)
            },
            schema=STATIONS_SCHEMA,
        )
        batch.add_rows(
            DATASET,
            with_lineage(
                table,
                batch_id=batch.batch_id,
                loaded_at=batch.loaded_at,
                source_file=path.name,
                line_number=pa.array(row_lines, pa.int64()),
            ),
        )
        batch.add_quarantine(
            source_file=[path.name] * len(rejected),
            line_number=[r[0] for r in rejected],
            raw_record=[r[1] for r in rejected],
            reason=[r[2] for r in rejected],
        )
        batch.add_file(
            path.name,
            content_sha256=sha,
            size_bytes=len(content),
            lines_read=len(rows) + len(rejected),
            rows_landed=len(rows),
            rows_quarantined=len(rejected),
        )
        return batch.commit(rows_read=len(rows) + len(rejected))


def _problem(values: list[str], seen_codes: set[str]) -> str | None:
    if len(values) != len(COLUMNS):
        return f"wrong_field_count: {len(values)} fields, expected {len(COLUMNS)}"
    code = values[0]
    if not code:
        return "missing_station_code: station_code is empty"
    if code in seen_codes:
        return f"duplicate_station_code: {code} appears earlier in the registry"
    lon, lat = _number(values[4]), _number(values[5])
    if lon is None or lat is None:
        return f"bad_coordinates: longitude {values[4]!r} / latitude {values[5]!r} are not numbers"
    if not (LONGITUDE_RANGE[0] <= lon <= LONGITUDE_RANGE[1] and LATITUDE_RANGE[0] <= lat <= LATITUDE_RANGE[1]):
        return f"bad_coordinates: ({lon}, {lat}) is outside Binh Duong"
    return None


def _number(text: str) -> float | None:
    try:
        value = float(text)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _typed(column: str, text: str):
    if column in ("longitude", "latitude"):
        return float(text)
    return text or None  # empty cell = unknown (e.g. qcvn_column of an ambient air station)
