"""Deployment switches of the code location, read in one place.

``IOC_AUTOMATION``: ``on`` starts the cadence schedules as RUNNING (a deployment that should pull
the departmental systems on its own); anything else (the default, for ``make ui`` on a laptop and
for tests) leaves them STOPPED until someone turns them on in the UI. Sensors that only react to
new data (drop folder, API probes, new landings, alerts) always start RUNNING.
"""

from __future__ import annotations

import os

import dagster as dg


def automation_enabled() -> bool:
    return os.environ.get("IOC_AUTOMATION", "off").strip().lower() in ("on", "1", "true", "yes")


def schedule_default_status() -> dg.DefaultScheduleStatus:
    return dg.DefaultScheduleStatus.RUNNING if automation_enabled() else dg.DefaultScheduleStatus.STOPPED
