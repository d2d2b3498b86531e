"""``GET /api/v1/observations?from=&to=&cursor=&page_size=``: 5-minute records by time window.

Records are held as one contiguous buffer of JSON objects in (observed_at, camera) order; a
page is a slice of it, so serving costs no per-record work. A record becomes visible once its
5-minute interval has ended on the server's clock. The cursor is the position of the next record.
"""

from __future__ import annotations

import base64
import json

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulators.common.http_stand_in import BadRequest, StandInServer, page_size_for
from simulators.common.local_time import iso_local
from simulators.common.versioned import parse_time
from simulators.traffic_cameras.traffic import SLOT_S

MAX_WINDOW_S = 86400


class ObservationFeed:
    def __init__(self, table: pa.Table):
        self._epoch = table.column("observed_epoch").to_numpy()
        with_comma = pc.binary_join_element_wise(table.column("json"), ",", "")
        joined = pc.cast(with_comma, pa.large_string()).combine_chunks()
        self._offsets = np.frombuffer(joined.buffers()[1], dtype=np.int64)[joined.offset: joined.offset + len(joined) + 1]
        self._data = memoryview(joined.buffers()[2])
        self._keep_alive = joined

    def __len__(self) -> int:
        return len(self._epoch)

    def page(self, params: dict, server: StandInServer) -> bytes:
        start_t, end_t = parse_time(params, "from"), parse_time(params, "to")
        if start_t is None or end_t is None:
            raise BadRequest("from and to are required (ISO 8601 with offset)")
        if not 0 < end_t - start_t <= MAX_WINDOW_S:
            raise BadRequest(f"the window must be positive and at most {MAX_WINDOW_S // 3600} h")
        size = page_size_for(params, server, default=1000, maximum=5000)
        now = server.clock()
        lo = int(np.searchsorted(self._epoch, start_t, "left"))
        hi = min(int(np.searchsorted(self._epoch, end_t, "left")), int(np.searchsorted(self._epoch, now - SLOT_S, "right")))
        hi = max(hi, lo)
        first = self._decode(params["cursor"], lo, hi) if params.get("cursor") else lo
        last = min(first + size, hi)
        items = bytes(self._data[self._offsets[first]: self._offsets[last] - 1]) if last > first else b""
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
