"""Land the new school-year workbooks of the Dept. of Education (datasets ``schools``, ``level_summary``)."""

from __future__ import annotations

from pathlib import Path

from ingestion.common.file_drop import land_new_files
from ingestion.education import config
from ingestion.education.tables import parse_schools, parse_summary
from ingestion.landing import BatchRecord


def _load(dataset: str, parse, drop_dir: Path | None, landing_dir: Path | None) -> BatchRecord | None:
    return land_new_files(location=config.drop_location(drop_dir), dataset=dataset, patterns=config.file_patterns(),
                          parse=parse, landing_dir=landing_dir)


def load_schools(*, drop_dir: Path | None = None, landing_dir: Path | None = None) -> BatchRecord | None:
    return _load("schools", parse_schools, drop_dir, landing_dir)


def load_level_summary(*, drop_dir: Path | None = None, landing_dir: Path | None = None) -> BatchRecord | None:
    return _load("level_summary", parse_summary, drop_dir, landing_dir)
