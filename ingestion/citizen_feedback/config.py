"""Where the citizen feedback system is and how to read it, from the environment.

    IOC_CITIZEN_FEEDBACK_URL                API base URL (default http://127.0.0.1:18742, where
                                            ``python -m simulators.citizen_feedback serve`` listens)
    IOC_CITIZEN_FEEDBACK_TOKEN              bearer token issued by the system (required, no default)
    IOC_CITIZEN_FEEDBACK_TIMEOUT_S          seconds per request before retrying (default 30)
    IOC_CITIZEN_FEEDBACK_MAX_RETRIES        retries on 5xx / timeouts (default 5)
    IOC_CITIZEN_FEEDBACK_BACKOFF_S          first backoff, doubling per retry (default 1.0)
    IOC_CITIZEN_FEEDBACK_PAGE_SIZE          records per page asked for (default 1000)
    IOC_CITIZEN_FEEDBACK_PERIOD_CLOSE_DAYS  a month's figures close this many days after the
                                            month ends; reports entered later are flagged late (default 5)
    IOC_PSEUDONYMISATION_KEY                key of the reporter pseudonyms (required; see
                                            :mod:`ingestion.common.pseudonymise`)
The first run fetches the whole history; later runs fetch what changed since the last one.
"""

from __future__ import annotations

import os
from dataclasses import dataclass

from ingestion.common.http_paging import HttpSourceConfig

SYSTEM = "citizen_feedback"
ENV_PREFIX = "IOC_CITIZEN_FEEDBACK"
DEFAULT_URL = "http://127.0.0.1:18742"


@dataclass(frozen=True)
class CitizenFeedbackConfig:
    http: HttpSourceConfig
    period_close_days: int


def load_config() -> CitizenFeedbackConfig:
    return CitizenFeedbackConfig(
        http=HttpSourceConfig.from_env(system=SYSTEM, env_prefix=ENV_PREFIX, default_url=DEFAULT_URL,
                                       default_page_size=1000),
        period_close_days=int(os.environ.get(f"{ENV_PREFIX}_PERIOD_CLOSE_DAYS", "5")),
    )
