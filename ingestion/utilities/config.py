"""Where the water and power companies' monthly JSON exports are found, and when a month closes.

Environment variables:
- ``UTILITIES_DROP_DIR``: folder BIWASE and PC Bình Dương drop their exports into. Default:
  ``<IOC_SOURCES_DIR>/utilities``, where ``python -m simulators.utilities`` writes its stand-in.
- ``UTILITIES_WATER_PATTERNS`` / ``UTILITIES_POWER_PATTERNS``: comma-separated glob patterns.
  Defaults: ``water_*.json`` / ``power_*.json``.
- ``UTILITIES_CLOSE_AFTER_DAYS``: days after the end of a month after which the month is closed
  for the IOC (default 15, the province's reporting deadline); a file exported later still
  lands, flagged ``is_late`` with its reporting period.

No secret: the drop folder's mount carries the access rights.
"""

from __future__ import annotations

import os
from pathlib import Path

from ingestion import settings

SOURCE_SYSTEM = "utilities"
DROP_DIR_VAR = "UTILITIES_DROP_DIR"


def drop_dir() -> Path:
    value = os.environ.get(DROP_DIR_VAR)
    return Path(value).resolve() if value else settings.sources_dir() / SOURCE_SYSTEM


def _patterns(var: str, default: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in os.environ.get(var, default).split(",") if p.strip())


def water_patterns() -> tuple[str, ...]:
    return _patterns("UTILITIES_WATER_PATTERNS", "water_*.json")


def power_patterns() -> tuple[str, ...]:
    return _patterns("UTILITIES_POWER_PATTERNS", "power_*.json")


def close_after_days() -> int:
    return int(os.environ.get("UTILITIES_CLOSE_AFTER_DAYS", "15"))
