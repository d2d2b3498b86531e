"""Where the Dept. of Education and Training's school-year workbooks are found.

Environment variables:
- ``EDUCATION_DROP_DIR``: folder the department's workbooks are dropped into. Default:
  ``<IOC_SOURCES_DIR>/education``, where ``python -m simulators.education`` writes its stand-in.
- ``EDUCATION_FILE_PATTERNS``: comma-separated glob patterns. Default: ``Thong_ke_GD_*.xlsx``.

No secret: the drop folder's mount carries the access rights.
"""

from __future__ import annotations

import os
from pathlib import Path

from ingestion import settings

SOURCE_SYSTEM = "education"
DROP_DIR_VAR = "EDUCATION_DROP_DIR"


def drop_dir() -> Path:
    value = os.environ.get(DROP_DIR_VAR)
    return Path(value).resolve() if value else settings.sources_dir() / SOURCE_SYSTEM


def file_patterns() -> tuple[str, ...]:
    value = os.environ.get("EDUCATION_FILE_PATTERNS", "Thong_ke_GD_*.xlsx")
    return tuple(p.strip() for p in value.split(",") if p.strip())
