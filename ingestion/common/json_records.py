"""JSON records from a departmental API → typed Arrow, with a reason for every record that cannot land.

Each paged connector reads a request window into a :class:`RecordWindow`: fields are typed by
their :class:`JsonField` declarations (aliases absorb renamed fields, unknown fields are kept as
JSON), and every record that cannot land is rejected with its reason. All of it is vectorised
with pyarrow; the HTTP side lives in ``ingestion.common.http_paging``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingestion.common.http_paging import Page
from ingestion.common.reasons import join_non_null, join_reasons, reason_where
from ingestion.landing import BatchWriter, with_lineage


def raw_json(record) -> str:
    """A source record as it was received, for ``quarantine.raw_record``."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"), default=str)


@dataclass(frozen=True)
class JsonField:
    name: str
    type: pa.DataType
    required: bool = False              # a record without a value is quarantined
    aliases: tuple[str, ...] = ()       # names the API has used for it (schema drift)
    min_value: float | None = None
    max_value: float | None = None
    accepted: tuple[str, ...] | None = None


class RecordWindow:
    """All records read for one request window: typed rows, their origin, their rejection reasons.

    Fields the API renames are mapped through ``aliases``; fields it adds are kept verbatim in an
    ``_extra`` JSON column, or, where they may carry personal data (``keep_unknown=False``),
    withheld with only their names in ``_withheld_fields``. A field that disappears makes every
    record that needs it a quarantined record, never a silent null. Lineage: ``_source_file`` is
    the request of the page, ``_line_number`` the record's 1-based position in it.
    """

    def __init__(self, fields: tuple[JsonField, ...], *, keep_unknown: bool = True):
        self.fields = fields
        self.keep_unknown = keep_unknown
        self.pages: list[Page] = []
        self._tables: list[pa.Table] = []
        self._reasons: list[pa.Array] = []
        self.table: pa.Table | None = None
        self._rows_written = 0                      # records of the chunks already written
        self._key: list[str] | None = None          # the reject_duplicates key, carried over chunks
        self._written_keys: list[pa.Table] = []     # keys of the rows landed by earlier chunks

    @property
    def rows_read(self) -> int:
        """Records read in this window so far, chunks already written included."""
        return self._rows_written + sum(len(p.items) for p in self.pages)

    @property
    def pending_pages(self) -> int:
        return len(self.pages)

    def add_page(self, page: Page) -> None:
        objects = [r if isinstance(r, dict) else {} for r in page.items]
        not_object = np.fromiter((not isinstance(r, dict) for r in page.items), bool, len(objects))
        table, reasons = _conform(_columns_of(objects), len(objects), self.fields, self.keep_unknown)
        reasons.append(reason_where(pa.array(not_object), "record is not a JSON object"))
        self.pages.append(page)
        self._tables.append(table)
        self._reasons.append(join_reasons(reasons, len(objects)))
        self.table = None

    def finish(self) -> pa.Table:
        """Concatenate the pages; window-level checks and conversions then work on ``table``."""
        empty = pa.schema([(f.name, f.type) for f in self.fields]).empty_table()
        self.table = pa.concat_tables([empty, *self._tables], promote_options="permissive").combine_chunks()
        self._reasons = [pa.concat_arrays([pa.array([], pa.string()), *self._reasons])]
        return self.table

    def reject(self, bad, message) -> None:
        """Quarantine rows where ``bad`` is true; ``message`` is text or [text | array, ...]."""
        self._reasons.append(reason_where(pa.array(bad) if isinstance(bad, np.ndarray) else bad, message))

    def rejected(self) -> np.ndarray:
        return pc.is_valid(join_reasons(self._reasons, self.table.num_rows)).to_numpy(zero_copy_only=False)

    def check_ranges(self) -> None:
        for f in self.fields:
            if f.min_value is None and f.max_value is None:
                continue
            values = self.table.column(f.name)
            low = -np.inf if f.min_value is None else f.min_value
            high = np.inf if f.max_value is None else f.max_value
            out = pc.fill_null(pc.or_(pc.less(values, low), pc.greater(values, high)), False)
            self.reject(out, [f"{f.name}=", pc.cast(values, pa.string()), f" outside [{low:g}, {high:g}]"])

    def reject_duplicates(self, key: list[str]) -> None:
        """Keep the first clean record of each key; later copies in this window are quarantined."""
        n = self.table.num_rows
        clean = ~self.rejected()
        rows = self.table.select(key).append_column("_row", pa.array(np.arange(n))).filter(pa.array(clean))
        first = rows.group_by(key, use_threads=False).aggregate([("_row", "min")]).column("_row_min")
        duplicate = clean & ~np.isin(np.arange(n), first.to_numpy())
        self._key = list(key)
        if self._written_keys and rows.num_rows:  # the window is read in chunks: earlier chunks count too
            earlier = pa.concat_tables(self._written_keys)
            again = rows.join(earlier, keys=key, join_type="left semi", use_threads=False).column("_row")
            duplicate[again.to_numpy()] = True
        self.reject(duplicate, f"duplicate of an earlier record with the same ({', '.join(key)}) in this window")

    def write(self, writer: BatchWriter, dataset: str, *, redact=None) -> int:
        """Land the clean rows with lineage, quarantine the rest, list each page; returns rows read.

        ``redact`` rewrites a raw record before it is kept in quarantine (e.g. to pseudonymise it).
        The pages written are then dropped: a window read in chunks calls ``add_page`` for some
        pages, runs its checks (``finish``, ``reject``…, ``reject_duplicates``, which also looks
        at the keys landed by the earlier chunks), ``write`` and ``writer.flush()``, and again
        for the next pages; records, quarantine and manifest are those of one single pass.
        """
        table = self.table if self.table is not None else self.finish()
        reason = join_reasons(self._reasons, table.num_rows)
        bad = pc.is_valid(reason).to_numpy(zero_copy_only=False)
        page_of = np.repeat(np.arange(len(self.pages)), [len(p.items) for p in self.pages])
        line = np.concatenate([np.arange(1, len(p.items) + 1) for p in self.pages] or [np.array([], int)])
        requests_ = pa.array([p.request for p in self.pages], pa.string())
        source_file = pc.take(requests_, pa.array(page_of, pa.int64()))
        landed = with_lineage(
            table.filter(pa.array(~bad)),
            batch_id=writer.batch_id,
            loaded_at=writer.loaded_at,
            source_file=source_file.filter(pa.array(~bad)),
            line_number=pa.array(line[~bad], pa.int64()),
        )
        writer.add_rows(dataset, landed)
        redact = redact or (lambda record: record)
        bad_rows = np.flatnonzero(bad)
        writer.add_quarantine(
            source_file=source_file.take(pa.array(bad_rows, pa.int64())),
            line_number=pa.array(line[bad_rows], pa.int64()),
            raw_record=[raw_json(redact(self.pages[page_of[i]].items[line[i] - 1])) for i in bad_rows],
            reason=reason.take(pa.array(bad_rows, pa.int64())),
            dataset=dataset,
        )
        quarantined = np.bincount(page_of[bad], minlength=len(self.pages))
        for page, q in zip(self.pages, quarantined):
            writer.add_file(
                page.request,
                content_sha256=page.content_sha256,
                size_bytes=page.size_bytes,
                lines_read=len(page.items),
                rows_landed=len(page.items) - int(q),
                rows_quarantined=int(q),
            )
        if self._key is not None:
            self._written_keys.append(table.select(self._key).filter(pa.array(~bad)))
        self._rows_written += sum(len(p.items) for p in self.pages)
        self.pages, self._tables, self._reasons, self.table = [], [], [], None
        return self.rows_read


def _columns_of(objects: list[dict]) -> dict[str, pa.Array]:
    """Dicts → one Arrow array per key, inferred in C++; mixed-type fields fall back to text."""
    if not objects:
        return {}
    try:
        structs = pa.array(objects)
        if pa.types.is_struct(structs.type):
            return {f.name: structs.field(i) for i, f in enumerate(structs.type)}
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        pass
    names = list(dict.fromkeys(k for r in objects for k in r))
    columns = {}
    for name in names:
        values = [r.get(name) for r in objects]
        try:
            columns[name] = pa.array(values)
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            columns[name] = pa.array([None if v is None else v if isinstance(v, str) else raw_json(v) for v in values])
    return columns


def _conform(columns: dict[str, pa.Array], n: int, fields, keep_unknown: bool):
    known, out, reasons = set(), {}, []
    for f in fields:
        names = [c for c in (f.name, *f.aliases) if c in columns]
        known.update((f.name, *f.aliases))
        if not names:
            out[f.name] = pa.nulls(n, f.type)
            if f.required:
                reasons.append(reason_where(pa.array(np.ones(n, bool)), f"field {f.name} missing from the response"))
            continue
        casts = [_cast(columns[c], f.type) for c in names]  # the name and any alias still sent
        typed = pc.coalesce(*[t for t, _ in casts]) if len(casts) > 1 else casts[0][0]
        failures = [pc.binary_join_element_wise(f"{c}=", failed, "")
                    for c, (_, failed) in zip(names, casts, strict=True) if failed is not None]
        failed = join_reasons(failures, n) if failures else None
        out[f.name] = typed
        if failed is not None:
            reasons.append(failed)
        if f.required:
            missing = pc.is_null(typed) if failed is None else pc.and_(pc.is_null(typed), pc.is_null(failed))
            reasons.append(reason_where(missing, f"missing value for {f.name}"))
        if f.accepted is not None:
            unknown = pc.and_(pc.is_valid(typed), pc.invert(pc.is_in(typed, pa.array(f.accepted, f.type))))
            reasons.append(reason_where(unknown, [f"{f.name}='", pc.cast(typed, pa.string()), f"' not one of {list(f.accepted)}"]))
    extra = {k: v for k, v in columns.items() if k not in known}
    table = pa.table(out)
    if extra and keep_unknown:
        table = table.append_column("_extra", _as_json(extra))
    elif extra:
        present = [pc.if_else(pc.is_valid(v), k, pa.scalar(None, pa.string())) for k, v in extra.items()]
        table = table.append_column("_withheld_fields", join_non_null(present, ","))
    return table, reasons


def _cast(values: pa.Array, target: pa.DataType) -> tuple[pa.Array, pa.Array | None]:
    """Cast in bulk; if any value resists, cast one by one and explain each failure."""
    if values.type == target:
        return values, None
    if pa.types.is_null(values.type):
        return pa.nulls(len(values), target), None
    try:
        return pc.cast(values, target), None
    except (pa.ArrowInvalid, pa.ArrowNotImplementedError, pa.ArrowTypeError):
        pass
    typed, failed = [], []
    for v in values.to_pylist():
        try:
            typed.append(None if v is None else _cast_one(v, target))
            failed.append(None)
        except (ValueError, TypeError, OverflowError):
            typed.append(None)
            failed.append(f"{raw_json(v)} is not a valid {target}")
    return pa.array(typed, target), pa.array(failed, pa.string())


def _cast_one(value, target: pa.DataType):
    if pa.types.is_timestamp(target):
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            raise ValueError("timestamp without UTC offset")
        return parsed
    if pa.types.is_integer(target):
        number = float(value)
        if not number.is_integer() or isinstance(value, bool):
            raise ValueError("not a whole number")
        return int(number)
    if pa.types.is_floating(target):
        if isinstance(value, bool):
            raise ValueError("boolean")
        return float(value)
    if pa.types.is_string(target):
        return value if isinstance(value, str) else raw_json(value)
    return pa.scalar(value).cast(target).as_py()


_duckdb: duckdb.DuckDBPyConnection | None = None


def _as_json(columns: dict[str, pa.Array]) -> pa.Array:
    global _duckdb
    if _duckdb is None:  # opening a database costs ~15 ms, a cursor on it almost nothing (per page)
        _duckdb = duckdb.connect()
    pairs = ", ".join(f'"{k.replace(chr(34), chr(34) * 2)}" := "{k.replace(chr(34), chr(34) * 2)}"' for k in columns)
    con = _duckdb.cursor()
    try:
        con.register("extra", pa.table(columns))
        json_text = con.sql(f"select to_json(struct_pack({pairs}))::varchar as j from extra").to_arrow_table().column("j")
    finally:
        con.close()
    any_value = np.logical_or.reduce([pc.is_valid(v).to_numpy(zero_copy_only=False) for v in columns.values()])
    return pc.if_else(pa.array(any_value), json_text.combine_chunks(), pa.scalar(None, pa.string()))


def reject_outside_window(window: RecordWindow, column: str, since: datetime | None, until: datetime) -> None:
    """Quarantine records stamped outside ``(since, until]``: an API that ignores the window
    bounds would otherwise land them twice (now, and again with the window that covers them)."""
    stamped = window.table.column(column)
    outside = pc.greater(stamped, pa.scalar(until))
    if since is not None:
        outside = pc.or_(outside, pc.less_equal(stamped, pa.scalar(since)))
    window.reject(outside, f"{column} outside the requested window ({since}, {until}]: "
                           "it lands with the run whose window covers it")
