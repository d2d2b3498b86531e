"""Where the traffic camera platform is and how to read it, from the environment.

    IOC_TRAFFIC_CAMERAS_URL             API base URL (default http://127.0.0.1:18741, where
                                        ``python -m simulators.traffic_cameras serve`` listens)
    IOC_TRAFFIC_CAMERAS_TOKEN           bearer token issued by the platform (required, no default)
    IOC_TRAFFIC_CAMERAS_TIMEOUT_S       seconds per request before retrying (default 30)
    IOC_TRAFFIC_CAMERAS_MAX_RETRIES     retries on 5xx / timeouts (default 5)
    IOC_TRAFFIC_CAMERAS_BACKOFF_S       first backoff, doubling per retry (default 1.0)
    IOC_TRAFFIC_CAMERAS_PAGE_SIZE       records per page asked for (default 5000; the API caps
                                        the registry and incidents lower)
    IOC_TRAFFIC_CAMERAS_CHUNK_PAGES     observation pages checked and written at a time within a day
                                        window, so memory follows the chunk (default 4)
    IOC_TRAFFIC_CAMERAS_BACKFILL_DAYS   first run only: days of observations/incidents to fetch (default 7)
    IOC_TRAFFIC_CAMERAS_SETTLE_MINUTES  fetch a 5-minute interval only this long after it ends, so
                                        cameras that upload a little late are not missed (default 15)
The landing zone is ``settings.landing_dir()`` (``IOC_LANDING_DIR``).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import timedelta

from ingestion.common.http_paging import HttpSourceConfig

SYSTEM = "traffic_cameras"
ENV_PREFIX = "IOC_TRAFFIC_CAMERAS"
DEFAULT_URL = "http://127.0.0.1:18741"


@dataclass(frozen=True)
class TrafficCamerasConfig:
    http: HttpSourceConfig
    backfill: timedelta
    settle: timedelta


def load_config() -> TrafficCamerasConfig:
    return TrafficCamerasConfig(
        http=HttpSourceConfig.from_env(system=SYSTEM, env_prefix=ENV_PREFIX, default_url=DEFAULT_URL,
                                       default_page_size=5000),
        backfill=timedelta(days=float(os.environ.get(f"{ENV_PREFIX}_BACKFILL_DAYS", "7"))),
        settle=timedelta(minutes=float(os.environ.get(f"{ENV_PREFIX}_SETTLE_MINUTES", "15"))),
    )
