"""POST an alert as JSON to the configured webhook, with retries and exponential backoff.

    IOC_ALERT_WEBHOOK_URL          where to POST (unset: alerts are logged, not sent)
    IOC_ALERT_WEBHOOK_TOKEN        optional bearer token
    IOC_ALERT_WEBHOOK_TIMEOUT_S    per request (default 5)
    IOC_ALERT_WEBHOOK_RETRIES      retries after the first attempt on 5xx / 429 / network errors (default 3)
    IOC_ALERT_WEBHOOK_BACKOFF_S    first backoff, doubling per retry (default 1)

Every request carries ``Idempotency-Key: <alert_id>``: a receiver that got a POST whose answer
was lost can drop the retry.
"""

from __future__ import annotations

import os
import time
from dataclasses import dataclass
from urllib.parse import urlsplit, urlunsplit

import requests

RETRYABLE = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class WebhookConfig:
    url: str
    token: str | None = None
    timeout_s: float = 5.0
    retries: int = 3
    backoff_s: float = 1.0

    @classmethod
    def from_env(cls) -> "WebhookConfig | None":
        url = os.environ.get("IOC_ALERT_WEBHOOK_URL", "").strip()
        if not url:
            return None
        env = os.environ.get
        return cls(url=url, token=env("IOC_ALERT_WEBHOOK_TOKEN") or None,
                   timeout_s=float(env("IOC_ALERT_WEBHOOK_TIMEOUT_S", "5")),
                   retries=int(env("IOC_ALERT_WEBHOOK_RETRIES", "3")),
                   backoff_s=float(env("IOC_ALERT_WEBHOOK_BACKOFF_S", "1")))

    @property
    def endpoint(self) -> str:
        """The URL without credentials or query string, safe to record."""
        parts = urlsplit(self.url)
        return urlunsplit((parts.scheme, parts.hostname + (f":{parts.port}" if parts.port else ""), parts.path, "", ""))


@dataclass(frozen=True)
class Delivery:
    delivered: bool
    attempts: int
    http_status: int | None
    error: str | None


def post_alert(config: WebhookConfig, alert_id: str, payload: dict, *, sleep=time.sleep) -> Delivery:
    headers = {"Content-Type": "application/json", "Idempotency-Key": alert_id}
    if config.token:
        headers["Authorization"] = f"Bearer {config.token}"
    status, error = None, None
    for attempt in range(config.retries + 1):
        if attempt:
            sleep(config.backoff_s * 2 ** (attempt - 1))
        try:
            response = requests.post(config.url, json=payload, headers=headers, timeout=config.timeout_s)
        except requests.RequestException as exc:
            status, error = None, f"{type(exc).__name__}: {exc}"[:300]
            continue
        status = response.status_code
        if 200 <= status < 300:
            return Delivery(True, attempt + 1, status, None)
        error = f"HTTP {status}: {response.text[:200]}"
        if status not in RETRYABLE:
            break  # 4xx: the receiver refuses this payload; retrying now will not help
    return Delivery(False, attempt + 1, status, error)
