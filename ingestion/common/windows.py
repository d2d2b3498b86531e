"""Partition windows: which part of ``[start, end)`` a windowed source has not landed yet.

A windowed connector (an API asked for ``from``/``to`` or ``updated_since``/``updated_until``)
records the request of every batch in its ``source_ref``; the committed batches therefore say
which stretches of time are landed. A partitioned run subtracts them from its window and asks
the system only for the rest: a backfill of a past day fills exactly the gap, and a second run
of the same day lands nothing.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable
from urllib.parse import parse_qs, urlsplit

from ingestion.file_manifest import committed_batch_records

Interval = tuple[datetime, datetime]
BEGINNING = datetime.min.replace(tzinfo=timezone.utc)  # a first window asked without a lower bound


def subtract(window: Interval, covered: Iterable[Interval]) -> list[Interval]:
    """The parts of ``window`` that no interval of ``covered`` overlaps, in time order."""
    start, end = window
    gaps = []
    for lo, hi in sorted(covered):
        if hi <= start or lo >= end:
            continue
        if lo > start:
            gaps.append((start, lo))
        start = max(start, hi)
        if start >= end:
            return gaps
    if start < end:
        gaps.append((start, end))
    return gaps


def committed_windows(
    source_system: str, dataset: str, lo_param: str, hi_param: str, landing_dir: Path | None = None
) -> list[Interval]:
    """Request windows of the committed batches, read back from their ``source_ref`` URLs.

    A request without ``lo_param`` covered everything up to ``hi_param`` (the first run of a
    change feed). Refs without ``hi_param`` (not a windowed request) cover nothing.
    """
    windows = []
    refs = committed_batch_records(source_system, dataset, landing_dir).column("source_ref").to_pylist()
    for ref in refs:
        query = parse_qs(urlsplit(ref or "").query)
        if hi_param not in query:
            continue
        lo = _parse(query[lo_param][0]) if lo_param in query else BEGINNING
        windows.append((lo, _parse(query[hi_param][0])))
    return windows


def _parse(value: str) -> datetime:
    parsed = datetime.fromisoformat(value.replace("Z", "+00:00"))
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=timezone.utc)
