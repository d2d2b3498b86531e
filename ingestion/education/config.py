"""Where the Dept. of Education and Training's school-year workbooks are found.

Environment variables:
- ``IOC_EDUCATION_DROP_DIR``: folder the department's workbooks are dropped into. Default:
  ``<IOC_SOURCES_DIR>/education``, where ``python -m simulators.education`` writes its stand-in.
- ``IOC_EDUCATION_FILE_PATTERNS``: comma-separated glob patterns. Default: ``Thong_ke_GD_*.xlsx``.

No secret: the drop folder's mount carries the access rights.
"""

from __future__ import annotations

from pathlib import Path

from ingestion.common.file_drop import DropLocation, env_drop_location, env_patterns

SOURCE_SYSTEM = "education"
DROP_DIR_VAR = "IOC_EDUCATION_DROP_DIR"


def drop_location(path: Path | None = None) -> DropLocation:
    return env_drop_location(SOURCE_SYSTEM, DROP_DIR_VAR, path)


def file_patterns() -> tuple[str, ...]:
    return env_patterns("IOC_EDUCATION_FILE_PATTERNS", "Thong_ke_GD_*.xlsx")
