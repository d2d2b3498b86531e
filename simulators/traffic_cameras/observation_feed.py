"""``GET /api/v1/observations?from=&to=&cursor=&page_size=``: 5-minute records by time window.

Records are stored one file per local day (:mod:`observation_store`) in (observed_at, camera)
order. A window is at most 24 h, so a request touches at most two days: the feed loads those on
demand and keeps the few most recently used in a small cache, each as one contiguous buffer of
JSON objects, so a page is a slice of it and serving costs no per-record work. Memory is bounded
by the cache, not by the length of the store.

A record becomes visible once its 5-minute interval has ended on the server's clock. The cursor
is the position of the next record in the whole store (days before it counted from their files'
footers), so it means the same whatever days happen to be cached.
"""

from __future__ import annotations

import base64
import json
import threading
from collections import OrderedDict
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from simulators.common.http_stand_in import BadRequest, StandInServer, page_size_for
from simulators.common.local_time import iso_local
from simulators.common.versioned import parse_time
from simulators.traffic_cameras.observation_store import DAY, day_files
from simulators.traffic_cameras.traffic import SLOT_S

MAX_WINDOW_S = 86400
CACHED_DAYS = 3  # the two days a window can touch, plus the one the previous window ended in


class _Day:
    """One stored day in memory: epochs and the records' JSON, each followed by a comma."""

    def __init__(self, path: Path):
        table = pq.read_table(path, columns=["observed_epoch", "json"])
        self.epoch = table.column("observed_epoch").to_numpy()
        with_comma = pc.binary_join_element_wise(table.column("json"), ",", "")
        joined = pc.cast(with_comma, pa.large_string()).combine_chunks()
        self.offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64)[joined.offset: joined.offset + len(joined) + 1]
        self.data = memoryview(joined.buffers()[2])
        self._keep_alive = joined


class ObservationFeed:
    def __init__(self, store: Path, cached_days: int = CACHED_DAYS):
        days = day_files(store)
        self._midnight = np.array([m for m, _ in days], dtype=np.int64)
        self._files = [f for _, f in days]
        rows = [pq.ParquetFile(f).metadata.num_rows for f in self._files]
        self._first = np.r_[0, np.cumsum(rows, dtype=np.int64)]  # position of each day's first record
        self._cache: OrderedDict[int, _Day] = OrderedDict()
        self._cached_days = max(2, cached_days)
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return int(self._first[-1])

    def _day(self, i: int) -> _Day:
        with self._lock:
            day = self._cache.get(i)
            if day is None:
                day = self._cache[i] = _Day(self._files[i])
                while len(self._cache) > self._cached_days:
                    self._cache.popitem(last=False)
            self._cache.move_to_end(i)
            return day

    def _position(self, t: float, side: str) -> int:
        """``np.searchsorted(<every stored epoch>, t, side)``, reading at most the day holding ``t``."""
        i = int(np.searchsorted(self._midnight, t, "right")) - 1
        if i < 0:
            return 0
        if t >= self._midnight[i] + DAY:  # after the end of the last day, or in a day not stored
            return int(self._first[i + 1])
        if t == self._midnight[i] and side == "left":
            return int(self._first[i])
        return int(self._first[i]) + int(np.searchsorted(self._day(i).epoch, t, side))

    def _items(self, first: int, last: int) -> bytes:
        parts = []
        i = int(np.searchsorted(self._first, first, "right")) - 1
        while first < last:
            day = self._day(i)
            lo, hi = first - int(self._first[i]), min(last, int(self._first[i + 1])) - int(self._first[i])
            parts.append(day.data[day.offsets[lo]: day.offsets[hi]])
            first, i = int(self._first[i]) + hi, i + 1
        parts[-1] = parts[-1][:-1]  # the comma after the last record
        return b"".join(parts)

    def page(self, params: dict, server: StandInServer) -> bytes:
        start_t, end_t = parse_time(params, "from"), parse_time(params, "to")
        if start_t is None or end_t is None:
            raise BadRequest("from and to are required (ISO 8601 with offset)")
        if not 0 < end_t - start_t <= MAX_WINDOW_S:
            raise BadRequest(f"the window must be positive and at most {MAX_WINDOW_S // 3600} h")
        size = page_size_for(params, server, default=1000, maximum=5000)
        now = server.clock()
        visible_until = now - SLOT_S  # records observed at or before this have ended
        lo = self._position(start_t, "left")
        if visible_until >= end_t:
            hi = self._position(end_t, "left")
        elif visible_until < start_t:
            hi = lo
        else:
            hi = max(lo, min(self._position(end_t, "left"), self._position(visible_until, "right")))
        first = self._decode(params["cursor"], lo, hi) if params.get("cursor") else lo
        last = min(first + size, hi)
        items = self._items(first, last) if last > first else b""
        next_cursor = base64.urlsafe_b64encode(str(last).encode()).decode() if last < hi else None
        tail = {"next_cursor": next_cursor, "count": last - first, "server_time": iso_local(np.array([int(now)]))[0]}
        return b'{"items":[' + items + b"]," + json.dumps(tail).encode()[1:]

    @staticmethod
    def _decode(cursor: str, lo: int, hi: int) -> int:
        try:
            position = int(base64.urlsafe_b64decode(cursor.encode()).decode())
        except (ValueError, UnicodeDecodeError):
            raise BadRequest(f"invalid cursor {cursor!r}") from None
        if not lo <= position <= hi:
            raise BadRequest("cursor does not belong to this window")
        return position
