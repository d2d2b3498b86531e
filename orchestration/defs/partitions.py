"""Partitions of the warehouse, in Vietnam time (Asia/Ho_Chi_Minh, UTC+7, no daylight saving).

* ``DAILY``: the high-frequency sources (station readings, camera observations, citizen
  reports) and the dbt models computed per day from them. The current day is a partition
  (``end_offset=1``): data arrives every 5 minutes and the IOC shows today.
* ``MONTHLY``: monthly reports (statistics office, utilities, departmental CSV exports). The
  month's partition exists once the month is over, when its report can be due.
* ``SCHOOL_YEAR``: the education workbooks, one per school year ``YYYY-YYYY`` (1 September to
  31 August), from 2019-2020 to the current school year.

A dataset is partitioned as its connector declares (``DatasetSpec.partitioning``) when the
connector can land a window (``DatasetSpec.load_window``); everything else is unpartitioned.
"""

from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import dagster as dg

if TYPE_CHECKING:
    from ingestion.registry import DatasetSpec

TIMEZONE = "Asia/Ho_Chi_Minh"
LOCAL = timezone(timedelta(hours=7))
FIRST_SCHOOL_YEAR = 2019

DAILY = dg.DailyPartitionsDefinition(start_date="2024-01-01", timezone=TIMEZONE, end_offset=1)
MONTHLY = dg.MonthlyPartitionsDefinition(start_date="2020-01-01", timezone=TIMEZONE)


def school_year_keys(today: date | None = None) -> list[str]:
    today = today or datetime.now(LOCAL).date()
    current = today.year if today.month >= 9 else today.year - 1
    return [f"{y}-{y + 1}" for y in range(FIRST_SCHOOL_YEAR, current + 1)]


SCHOOL_YEAR = dg.StaticPartitionsDefinition(school_year_keys())

BY_KIND: dict[str, dg.PartitionsDefinition] = {"day": DAILY, "month": MONTHLY, "school_year": SCHOOL_YEAR}


def partitions_for(dataset: "DatasetSpec") -> dg.PartitionsDefinition | None:
    if dataset.load_window is None or dataset.partitioning == "none":
        return None
    return BY_KIND[dataset.partitioning]


def school_year_window(key: str) -> tuple[datetime, datetime]:
    first = int(key.split("-")[0])
    return datetime(first, 9, 1, tzinfo=LOCAL), datetime(first + 1, 9, 1, tzinfo=LOCAL)


def run_window(context: dg.AssetExecutionContext) -> tuple[datetime, datetime]:
    """``[start, end)`` of the partition or partition range this step materialises."""
    if isinstance(context.assets_def.partitions_def, dg.StaticPartitionsDefinition):
        keys = context.partition_keys
        return school_year_window(min(keys))[0], school_year_window(max(keys))[1]
    window = context.partition_time_window
    return window.start, window.end


def window_label(start: datetime, end: datetime) -> str:
    return f"[{start.astimezone(LOCAL):%Y-%m-%d %H:%M}, {end.astimezone(LOCAL):%Y-%m-%d %H:%M}) +07"
