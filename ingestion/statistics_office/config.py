"""Where the statistics office's monthly report workbooks are found.

Environment variables:
- ``STATISTICS_OFFICE_DROP_DIR``: folder the office's workbooks are dropped into (in production
  the share the Cục Thống kê uploads to). Default: ``<IOC_SOURCES_DIR>/statistics_office``,
  where ``python -m simulators.statistics_office`` writes its stand-in.
- ``STATISTICS_OFFICE_FILE_PATTERNS``: comma-separated glob patterns of report files.
  Default: ``BC_KTXH_*.xlsx``.

The drop folder needs no credentials of its own (the mount does), so there is no secret here.
"""

from __future__ import annotations

import os
from pathlib import Path

from ingestion import settings

SOURCE_SYSTEM = "statistics_office"
DROP_DIR_VAR = "STATISTICS_OFFICE_DROP_DIR"


def drop_dir() -> Path:
    value = os.environ.get(DROP_DIR_VAR)
    return Path(value).resolve() if value else settings.sources_dir() / SOURCE_SYSTEM


def file_patterns() -> tuple[str, ...]:
    value = os.environ.get("STATISTICS_OFFICE_FILE_PATTERNS", "BC_KTXH_*.xlsx")
    return tuple(p.strip() for p in value.split(",") if p.strip())
