"""Records that change over time, served the way an ``updated_since`` API serves them.

The stand-in keeps every version of every record (a camera moved, an incident cleared, a
citizen report resolved). At a given moment the API shows each record's latest version stamped
no later than the system's clock, filtered on ``updated_since < updated_at <= updated_until``
and paged by a keyset cursor on ``(updated_at, id)``, so a record updated while a client is
paging moves to a later page instead of being skipped.

Hidden columns (prefixed ``_``) drive rendering and faults, and never reach the client:
``_updated_epoch`` (required), ``_schema_v2`` (record uses the drifted schema), ``_omit_field``
(a field this record lacks), ``_sent_twice`` (the API repeats the record).
"""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulators.common.http_stand_in import BadRequest, StandInServer, page_size_for
from simulators.common.local_time import iso_local


@dataclass(frozen=True)
class SchemaDrift:
    renames: dict[str, str] = field(default_factory=dict)  # old field name -> name in the drifted schema
    added: tuple[str, ...] = ()                            # fields only drifted records carry


def parse_time(params: dict, name: str) -> float | None:
    value = params.get(name)
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        raise BadRequest(f"{name} must be an ISO 8601 timestamp, got {value!r}") from None
    if parsed.tzinfo is None:
        raise BadRequest(f"{name} needs a UTC offset, e.g. 2026-01-31T00:00:00+07:00")
    return parsed.timestamp()


class VersionedCollection:
    def __init__(self, table: pa.Table, *, id_column: str, drift: SchemaDrift | None = None):
        ids = table.column(id_column).combine_chunks()
        id_codes = pc.rank(ids, sort_keys="ascending", tiebreaker="dense").to_numpy()
        updated = table.column("_updated_epoch").to_numpy()
        order = np.lexsort((np.arange(len(updated)), updated, id_codes))
        self._table = table.take(pa.array(order))
        self._ids = id_codes[order]
        self._updated = updated[order]
        self._drift = drift or SchemaDrift()
        self._updated_sorted = np.sort(updated)
        self._cache: tuple[tuple, np.ndarray] | None = None

    def current(self, now: float) -> np.ndarray:
        """Row of each record's latest version stamped at or before ``now``."""
        visible = np.flatnonzero(self._updated <= now)
        ids = self._ids[visible]
        return visible[np.r_[ids[1:] != ids[:-1], True]] if len(visible) else visible

    def page(self, params: dict, server: StandInServer, *, default_size: int, max_size: int) -> dict:
        now = server.clock()
        since = parse_time(params, "updated_since")
        until = parse_time(params, "updated_until")
        size = page_size_for(params, server, default=default_size, maximum=max_size)
        rows = self._selection(now, since, until)
        if params.get("cursor"):
            rows = rows[self._after_cursor(rows, params["cursor"])]
        page, rest = rows[:size], rows[size:]
        next_cursor = self._cursor(page[-1]) if len(rest) else None
        items = self._render(self._table.take(pa.array(page, pa.int64())))
        return {"items": items, "next_cursor": next_cursor, "count": len(items),
                "server_time": iso_local(np.array([int(now)]))[0]}

    def _selection(self, now: float, since: float | None, until: float | None) -> np.ndarray:
        """Rows to serve in (updated, id) order; reused while no new version has become visible."""
        key = (since, until, int(np.searchsorted(self._updated_sorted, now, "right")))
        if self._cache is None or self._cache[0] != key:
            rows = self.current(now)
            updated = self._updated[rows]
            rows = rows[(updated > (-np.inf if since is None else since)) & (updated <= min(now, until or np.inf))]
            self._cache = (key, rows[np.lexsort((rows, self._ids[rows], self._updated[rows]))])
        return self._cache[1]

    def _cursor(self, row: int) -> str:
        text = f"{self._updated[row]}:{self._ids[row]}:{row}"
        return base64.urlsafe_b64encode(text.encode()).decode()

    def _after_cursor(self, rows: np.ndarray, cursor: str) -> np.ndarray:
        try:
            updated, id_code, row = (int(x) for x in base64.urlsafe_b64decode(cursor.encode()).decode().split(":"))
        except (ValueError, UnicodeDecodeError):
            raise BadRequest(f"invalid cursor {cursor!r}") from None
        u, i = self._updated[rows], self._ids[rows]
        return (u > updated) | ((u == updated) & ((i > id_code) | ((i == id_code) & (rows > row))))

    def _render(self, rows: pa.Table) -> list[dict]:
        public = [c for c in rows.column_names if not c.startswith("_")]
        hidden = {c: rows.column(c).to_pylist() if c in rows.column_names else [None] * rows.num_rows
                  for c in ("_schema_v2", "_omit_field", "_sent_twice")}
        out = []
        for i, item in enumerate(rows.select(public).to_pylist()):
            if hidden["_schema_v2"][i]:
                item = {self._drift.renames.get(k, k): v for k, v in item.items()}
            else:
                for name in self._drift.added:
                    item.pop(name, None)
            if hidden["_omit_field"][i]:
                item.pop(hidden["_omit_field"][i], None)
            out.extend([item, item] if hidden["_sent_twice"][i] else [item])
        return out
