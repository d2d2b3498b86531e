"""Where the water and power companies' monthly JSON exports are found, and when a month closes.

Environment variables:
- ``IOC_UTILITIES_DROP_DIR``: folder BIWASE and PC Bình Dương drop their exports into. Default:
  ``<IOC_SOURCES_DIR>/utilities``, where ``python -m simulators.utilities`` writes its stand-in.
- ``IOC_UTILITIES_WATER_PATTERNS`` / ``IOC_UTILITIES_POWER_PATTERNS``: comma-separated glob patterns.
  Defaults: ``water_*.json`` / ``power_*.json``.
- ``IOC_UTILITIES_CLOSE_AFTER_DAYS``: days after the end of a month after which the month is closed
  for the IOC (default 15, the province's reporting deadline); a file exported later still
  lands, flagged ``is_late`` with its reporting period.

No secret: the drop folder's mount carries the access rights.
"""

from __future__ import annotations

import os
from pathlib import Path

from ingestion.common.file_drop import DropLocation, env_drop_location, env_patterns

SOURCE_SYSTEM = "utilities"
DROP_DIR_VAR = "IOC_UTILITIES_DROP_DIR"


def drop_location(path: Path | None = None) -> DropLocation:
    return env_drop_location(SOURCE_SYSTEM, DROP_DIR_VAR, path)


def water_patterns() -> tuple[str, ...]:
    return env_patterns("IOC_UTILITIES_WATER_PATTERNS", "water_*.json")


def power_patterns() -> tuple[str, ...]:
    return env_patterns("IOC_UTILITIES_POWER_PATTERNS", "power_*.json")


def close_after_days() -> int:
    return int(os.environ.get("IOC_UTILITIES_CLOSE_AFTER_DAYS", "15"))
