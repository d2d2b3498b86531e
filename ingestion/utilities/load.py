"""Land the new monthly exports of the water and power companies."""

from __future__ import annotations

from datetime import datetime
from functools import partial
from pathlib import Path

from ingestion.common.file_drop import land_new_files
from ingestion.common.file_periods import in_window
from ingestion.landing import BatchRecord
from ingestion.utilities import config, power, water
from ingestion.utilities.records import DatasetRules, parse_export


def _load(dataset: str, rules: DatasetRules, patterns: tuple[str, ...], drop_dir: Path | None,
          landing_dir: Path | None, window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    location = config.drop_location(drop_dir)
    return land_new_files(
        location=location, dataset=dataset, patterns=patterns,
        parse=partial(parse_export, rules=rules, close_after_days=config.close_after_days()), landing_dir=landing_dir,
        names=window and in_window(*window, location.path),
    )


def load_water_supply(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                      window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    return _load("water_supply", water.RULES, config.water_patterns(), drop_dir, landing_dir, window)


def load_power_consumption(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                           window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    return _load("power_consumption", power.CONSUMPTION_RULES, config.power_patterns(), drop_dir, landing_dir, window)


def load_power_service(*, drop_dir: Path | None = None, landing_dir: Path | None = None,
                       window: tuple[datetime, datetime] | None = None) -> BatchRecord | None:
    return _load("power_service", power.SERVICE_RULES, config.power_patterns(), drop_dir, landing_dir, window)
