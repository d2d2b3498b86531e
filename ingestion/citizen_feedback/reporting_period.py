"""Which month's figures a report counts in, and whether it arrived after that month closed.

A report belongs to the local (UTC+7) calendar month it was received in. The month's figures
close ``close_days`` after it ends; a report entered into the system later than that (e.g. a
backlog of hotline calls typed in weeks afterwards) still lands, flagged ``is_late_for_period``,
so marts can restate the closed month or report it separately.
"""

from __future__ import annotations

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

LOCAL_OFFSET_US = 7 * 3600 * 1_000_000


def _local_month(timestamps: pa.ChunkedArray) -> np.ndarray:
    micros = pc.cast(timestamps, pa.int64()).to_numpy(zero_copy_only=False)
    return (np.nan_to_num(micros, nan=0).astype(np.int64) + LOCAL_OFFSET_US).astype("datetime64[us]").astype("datetime64[M]")


def with_reporting_period(table: pa.Table, close_days: int) -> pa.Table:
    received = table.column("received_at")
    missing = pc.is_null(received).to_numpy(zero_copy_only=False)
    month = _local_month(received)
    period = pa.array(month.astype("datetime64[D]"), pa.date32(), mask=missing)
    closes_local = (month + 1).astype("datetime64[us]") + np.timedelta64(close_days, "D")
    closes_utc_us = closes_local.astype(np.int64) - LOCAL_OFFSET_US
    entered = pc.coalesce(table.column("created_at"), table.column("updated_at"))
    late = pc.greater(pc.cast(entered, pa.int64()), pa.array(closes_utc_us))
    return (table.append_column("reporting_period", period)
                 .append_column("is_late_for_period", pc.if_else(pa.array(missing), False, pc.fill_null(late, False))))
