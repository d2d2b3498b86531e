"""Where the statistics office's monthly report workbooks are found.

Environment variables:
- ``IOC_STATISTICS_OFFICE_DROP_DIR``: folder the office's workbooks are dropped into (in production
  the share the Cục Thống kê uploads to). Default: ``<IOC_SOURCES_DIR>/statistics_office``,
  where ``python -m simulators.statistics_office`` writes its stand-in.
- ``IOC_STATISTICS_OFFICE_FILE_PATTERNS``: comma-separated glob patterns of report files.
  Default: ``BC_KTXH_*.xlsx``.

The drop folder needs no credentials of its own (the mount does), so there is no secret here.
"""

from __future__ import annotations

from pathlib import Path

from ingestion.common.file_drop import DropLocation, env_drop_location, env_patterns

SOURCE_SYSTEM = "statistics_office"
DROP_DIR_VAR = "IOC_STATISTICS_OFFICE_DROP_DIR"


def drop_location(path: Path | None = None) -> DropLocation:
    return env_drop_location(SOURCE_SYSTEM, DROP_DIR_VAR, path)


def file_patterns() -> tuple[str, ...]:
    return env_patterns("IOC_STATISTICS_OFFICE_FILE_PATTERNS", "BC_KTXH_*.xlsx")
