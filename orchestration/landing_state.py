"""What the landing zone says about one dataset: when it last received rows, and its columns.

Read from the committed batches only (``batches/<batch_id>/``), newest first: batch ids sort by
landing time, so finding the latest batch that landed rows reads a handful of tiny files even
when a 5-minute source has committed a hundred thousand batches.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pyarrow is imported on use: the code location imports this module at load
    import pyarrow as pa


@dataclass(frozen=True)
class LastLanding:
    batch_id: str
    loaded_at: datetime  # UTC, when the batch was committed
    rows_landed: int
    path: Path


def _newest_first(source_system: str, landing_dir: Path | None) -> list[Path]:
    from ingestion.landing import batches_dir

    root = batches_dir(source_system, landing_dir)
    if not root.is_dir():
        return []
    with os.scandir(root) as entries:
        names = sorted((e.name for e in entries if e.is_dir()), reverse=True)
    return [root / n for n in names]


def last_landing(
    source_system: str, dataset: str, landing_dir: Path | None = None, *, with_rows: bool = True
) -> LastLanding | None:
    """The newest committed batch of ``dataset`` (with ``with_rows``: that landed at least one row)."""
    import pyarrow.parquet as pq

    for path in _newest_first(source_system, landing_dir):
        record_file = path / "batch.parquet"
        if not record_file.is_file():
            continue
        record = pq.read_table(record_file).to_pylist()[0]
        if record["dataset"] != dataset or (with_rows and not record["rows_landed"]):
            continue
        return LastLanding(record["batch_id"], record["loaded_at"], record["rows_landed"], path)
    return None


def landed_schema(source_system: str, dataset: str, landing_dir: Path | None = None) -> pa.Schema | None:
    """Columns of the dataset as last landed (its Parquet schema), None before the first batch."""
    import pyarrow.parquet as pq

    latest = last_landing(source_system, dataset, landing_dir, with_rows=False)
    if latest is None or not (latest.path / f"{dataset}.parquet").is_file():
        return None
    return pq.read_schema(latest.path / f"{dataset}.parquet")
