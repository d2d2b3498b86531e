"""Turn a department's list of :class:`CsvDataset` into the ``SOURCE`` spec the registry discovers."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from typing import Callable, Sequence

from ingestion.common.csv_spec import CsvDataset
from ingestion.common.file_periods import in_window
from ingestion.common.file_drop import DropLocation
from ingestion.registry import DatasetSpec, SourceSpec

CADENCE_MINUTES = {"month": 30 * 24 * 60, "quarter": 91 * 24 * 60}


def _load(dataset: CsvDataset, location: Callable[[], DropLocation]):
    from ingestion.common.csv_drop import land_new_files  # on use: discovering SOURCE stays light

    return land_new_files(dataset, location())  # location read at run time: the environment may change


def _load_window(dataset: CsvDataset, location: Callable[[], DropLocation], start: datetime, end: datetime):
    """The new files of the months starting in ``[start, end)`` (by the period in their name)."""
    from ingestion.common.csv_drop import land_new_files

    where = location()
    return land_new_files(dataset, where, names=in_window(start, end, where.path))


def csv_drop_source(
    *,
    source_system: str,
    department: str,
    department_name_vi: str,
    system_description: str,
    datasets: Sequence[CsvDataset],
    location: Callable[[], DropLocation],
) -> SourceSpec:
    return SourceSpec(
        source_system=source_system,
        department=department,
        department_name_vi=department_name_vi,
        system_description=system_description,
        native_form="csv",
        datasets=tuple(
            DatasetSpec(
                name=d.name,
                description=d.description,
                load=partial(_load, d, location),
                cadence_minutes=CADENCE_MINUTES[d.period_kind],
                partitioning=d.period_kind if d.period_kind == "month" else "none",
                load_window=partial(_load_window, d, location) if d.period_kind == "month" else None,
            )
            for d in datasets
        ),
    )
