"""Land the new school-year workbooks of the Dept. of Education (datasets ``schools``, ``level_summary``)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from ingestion.common.file_drop import land_new_files
from ingestion.common.file_periods import in_window
from ingestion.education import config
from ingestion.education.tables import parse_schools, parse_summary
from ingestion.landing import BatchRecord


def _load(dataset: str, parse, drop_dir: Path | None, landing_dir: Path | None,
          window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    location = config.drop_location(drop_dir)
    return land_new_files(location=location, dataset=dataset, patterns=config.file_patterns(), parse=parse,
                          landing_dir=landing_dir, names=window and in_window(*window, location.path))


def load_schools(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                 window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    return _load("schools", parse_schools, drop_dir, landing_dir, window)


def load_level_summary(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                       window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    return _load("level_summary", parse_summary, drop_dir, landing_dir, window)


def load_schools_window(start: datetime, end: datetime) -> BatchRecord | None:
    """The workbooks of the school years starting (1 September) in ``[start, end)``."""
    return load_schools(window=(start, end))


def load_level_summary_window(start: datetime, end: datetime) -> BatchRecord | None:
    return load_level_summary(window=(start, end))
