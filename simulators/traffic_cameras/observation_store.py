"""The rendered observations on disk: one Parquet file per local day.

    observations/<YYYY-MM-DD>.parquet   observed_epoch, camera_id, json (one API record each)

A file holds exactly the records observed in ``[00:00, 24:00)`` local time of its day, in the
order the API serves them ((observed_at, camera), a record sent twice right after itself). The
feed reads only the day(s) a request's window touches; the files' footers give each day's row
count, so a record's position in the whole store is known without reading any other day.
"""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.parquet as pq

from simulators.common.local_time import LOCAL_OFFSET_S, local_midnight

DIRECTORY = "observations"
DAY = 86400


def day_of(epoch: int) -> date:
    """The local date of an epoch second."""
    return datetime.fromtimestamp(int(epoch) + LOCAL_OFFSET_S, timezone.utc).date()


def day_files(store: Path) -> list[tuple[int, Path]]:
    """``(local midnight epoch, file)`` of every stored day, in time order."""
    directory = Path(store) / DIRECTORY
    return sorted((local_midnight(date.fromisoformat(f.stem)), f) for f in directory.glob("????-??-??.parquet"))


def write_days(table: pa.Table, store: Path) -> int:
    """Write ``table`` (in serving order) as one file per local day; returns the rows written.

    The table must hold whole days (a generation block is cut at local midnight): a day's file
    is written once, never appended to.
    """
    directory = Path(store) / DIRECTORY
    directory.mkdir(parents=True, exist_ok=True)
    epoch = table.column("observed_epoch").to_numpy()
    if len(epoch) == 0:
        return 0
    first_midnight = local_midnight(day_of(epoch[0]))
    bounds = np.searchsorted(epoch, first_midnight + DAY * np.arange(1, (epoch[-1] - first_midnight) // DAY + 2), "left")
    start = 0
    for end in bounds:
        if end > start:
            day = table.slice(start, end - start)
            pq.write_table(day, directory / f"{day_of(epoch[start]).isoformat()}.parquet", compression="zstd")
        start = end
    return len(epoch)


def read_observations(store: Path, columns: list[str] | None = None) -> pa.Table:
    """Every stored record in serving order (for tests and small stores: this reads them all)."""
    return pa.concat_tables(pq.read_table(f, columns=columns) for _, f in day_files(store))
