"""Shared client of the departmental HTTP JSON APIs: token auth, cursor paging, retries.

Every HTTP connector reads its configuration with :meth:`HttpSourceConfig.from_env` under its own
prefix, e.g. ``IOC_TRAFFIC_CAMERAS``:

    <PREFIX>_URL           base URL of the system's API (default: the local stand-in)
    <PREFIX>_TOKEN         bearer token, no default (a secret never lives in code)
    <PREFIX>_TIMEOUT_S     seconds to wait for a response before retrying (default 30)
    <PREFIX>_MAX_RETRIES   retries after the first attempt on 5xx / 429 / timeouts (default 5)
    <PREFIX>_BACKOFF_S     first backoff; doubles per retry, capped at 60 s (default 1.0)
    <PREFIX>_PAGE_SIZE     records asked per page (the server may serve fewer or more)

Paging follows ``next_cursor`` until it is empty and never assumes a page size: a server that
shrinks or grows its pages mid-stream (or caps the requested size) loses and repeats nothing.
When retries are exhausted the client raises :class:`SourceUnavailableError` naming the system
and what to check, so one broken department fails alone and loudly.
"""

from __future__ import annotations

import hashlib
import os
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator
from urllib.parse import parse_qs, urlencode, urlsplit

import requests

from ingestion.common.errors import SourceUnavailableError
from ingestion.file_manifest import committed_batch_records

MAX_BACKOFF_S = 60.0
RETRYABLE_STATUS = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class HttpSourceConfig:
    system: str
    env_prefix: str
    base_url: str
    token: str | None
    timeout_s: float
    max_retries: int
    backoff_s: float
    page_size: int

    @classmethod
    def from_env(cls, *, system: str, env_prefix: str, default_url: str, default_page_size: int) -> "HttpSourceConfig":
        env = os.environ.get
        return cls(
            system=system,
            env_prefix=env_prefix,
            base_url=env(f"{env_prefix}_URL", default_url).rstrip("/"),
            token=env(f"{env_prefix}_TOKEN") or None,
            timeout_s=float(env(f"{env_prefix}_TIMEOUT_S", "30")),
            max_retries=int(env(f"{env_prefix}_MAX_RETRIES", "5")),
            backoff_s=float(env(f"{env_prefix}_BACKOFF_S", "1.0")),
            page_size=int(env(f"{env_prefix}_PAGE_SIZE", str(default_page_size))),
        )

    def require_token(self) -> str:
        if not self.token:
            raise SourceUnavailableError(
                self.system,
                "no API token configured",
                check=f"set {self.env_prefix}_TOKEN to the token issued by the system's administrator",
            )
        return self.token


@dataclass(frozen=True)
class Page:
    request: str        # path and query of the request that served it (lineage `_source_file`)
    items: list
    content_sha256: str
    size_bytes: int
    next_cursor: str | None


class PagedJsonClient:
    """GET JSON from one system with bearer auth, retries and cursor paging."""

    def __init__(self, config: HttpSourceConfig, session: requests.Session | None = None):
        self.config = config
        self._session = session or requests.Session()
        self._session.headers.update(
            {"Authorization": f"Bearer {config.require_token()}", "Accept": "application/json"}
        )

    def __enter__(self) -> "PagedJsonClient":
        return self

    def __exit__(self, *exc) -> None:
        self._session.close()

    def get_json(self, path: str, params: dict | None = None) -> tuple[dict, bytes]:
        """One GET, retried with exponential backoff on 5xx, 429, timeouts and broken JSON."""
        url = f"{self.config.base_url}{path}"
        problem = "no attempt made"
        for attempt in range(self.config.max_retries + 1):
            if attempt:
                time.sleep(min(self.config.backoff_s * 2 ** (attempt - 1), MAX_BACKOFF_S))
            try:
                response = self._session.get(url, params=params, timeout=self.config.timeout_s)
            except requests.Timeout:
                problem = f"no response within {self.config.timeout_s:g} s"
                continue
            except requests.ConnectionError as exc:
                problem = f"cannot connect ({type(exc).__name__})"
                continue
            if response.status_code in (401, 403):
                raise SourceUnavailableError(
                    self.config.system,
                    f"{url} refused the token (HTTP {response.status_code})",
                    check=f"{self.config.env_prefix}_TOKEN is current and allowed to read {path}",
                )
            if response.status_code in RETRYABLE_STATUS:
                problem = f"HTTP {response.status_code}"
                continue
            if response.status_code >= 400:
                raise SourceUnavailableError(
                    self.config.system,
                    f"{url} rejected the request with HTTP {response.status_code}: {response.text[:300]}",
                    check="the API version and request parameters the connector sends",
                )
            try:
                return response.json(), response.content
            except ValueError:
                problem = f"HTTP {response.status_code} with a body that is not JSON ({response.content[:80]!r})"
        raise SourceUnavailableError(
            self.config.system,
            f"GET {url} failed {self.config.max_retries + 1} times, last: {problem}",
            check=f"that the system is up and reachable at {self.config.env_prefix}_URL={self.config.base_url}",
        )

    def iter_pages(self, path: str, params: dict) -> Iterator[Page]:
        """Follow ``next_cursor`` to the end of the result; page sizes may change on the way."""
        cursor: str | None = None
        seen: set[str] = set()
        while True:
            query = {**params, "page_size": self.config.page_size}
            if cursor:
                query["cursor"] = cursor
            body, raw = self.get_json(path, query)
            items = body.get("items") if isinstance(body, dict) else None
            if not isinstance(items, list):
                shape = sorted(body)[:10] if isinstance(body, dict) else type(body).__name__
                raise SourceUnavailableError(
                    self.config.system,
                    f"{path} answered without an 'items' list (got {shape})",
                    check=f"the API version behind {self.config.env_prefix}_URL",
                )
            cursor = body.get("next_cursor") or None
            yield Page(
                request=f"{path}?{urlencode(query)}",
                items=items,
                content_sha256=hashlib.sha256(raw).hexdigest(),
                size_bytes=len(raw),
                next_cursor=cursor,
            )
            if cursor is None:
                return
            if cursor in seen:
                raise SourceUnavailableError(
                    self.config.system, f"{path} returned cursor {cursor!r} twice", check="the API's paging"
                )
            seen.add(cursor)


def committed_window_end(source_system: str, dataset: str, param: str, landing_dir: Path | None = None) -> datetime | None:
    """End of the last request window committed for ``dataset``: where the next run resumes.

    Every batch of a windowed API records its request URL as ``source_ref``; the window end is
    its ``param`` query value. Only committed batches count, so a run that died mid-window
    fetches that window again in full and nothing is lost or landed twice.
    """
    refs = committed_batch_records(source_system, dataset, landing_dir).column("source_ref").to_pylist()
    ends = [datetime.fromisoformat(v) for ref in refs for v in parse_qs(urlsplit(ref).query).get(param, [])]
    return max(ends, default=None)
