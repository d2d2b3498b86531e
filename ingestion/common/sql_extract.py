"""Incremental extraction of one table of a departmental SQL database into a landing batch.

Works through SQLAlchemy, so the same code reads the SQLite stand-ins and the real PostgreSQL /
SQL Server systems: only the URL changes. Rows are streamed in chunks straight into Arrow; typing,
validation and de-duplication are done in bulk with DuckDB over those Arrow chunks.

Watermark: overlap window + key de-dup
--------------------------------------
The watermark is *derived from the landing zone* (max ``updated_at`` of the rows already landed
or quarantined for this dataset), never kept in a side file, so a crash between reading and
committing loses nothing: the batch was not committed, the watermark did not move.

Each run reads ``updated_at >= watermark - overlap`` and drops the rows whose
``(key, updated_at)`` is already landed (quarantined rows: whose raw record is already
quarantined). We chose this over a bare ``>`` (which loses rows written later with the same
timestamp as the watermark) and over a bare ``>=`` (which catches those but not transactions that
commit *after* a later timestamp was read, with an older ``updated_at``): the overlap re-reads a
short margin, cheap in practice, and also absorbs timestamp representation differences (SQLite
text vs. native timestamps, second vs. microsecond precision). Conservation counts only the new
records: ``rows_read`` = new rows = landed + quarantined; the re-read ones appear in
``source_ref``. Known limit, as with any watermark: a change that does not bump ``updated_at``
is invisible. Runs of one dataset must not overlap in time (the orchestrator runs one at a time).

Timestamps are landed as the source stores them (naive wall-clock, Asia/Ho_Chi_Minh for the
province's systems); lineage ``_loaded_at`` is UTC.
"""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Callable

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import sqlalchemy as sa

from ingestion import settings
from ingestion.common.errors import SchemaDriftError, SourceUnavailableError
from ingestion.landing import BatchRecord, BatchWriter, batches_dir, with_lineage

log = logging.getLogger(__name__)

DEFAULT_OVERLAP = timedelta(hours=1)
DEFAULT_CHUNK_ROWS = 50_000


@dataclass(frozen=True)
class Column:
    name: str                           # name in the landing zone
    type: pa.DataType
    nullable: bool = True               # False: a null value sends the row to quarantine
    required: bool = True               # False: the source may lack it (landed as null)
    aliases: tuple[str, ...] = ()       # other names the source system has used for it


@dataclass(frozen=True)
class TableSpec:
    source_system: str
    dataset: str
    table: str
    key: tuple[str, ...]
    updated_at: str
    columns: tuple[Column, ...]
    url_env_var: str                                        # named in every error message
    checks: tuple[tuple[str, str], ...] = ()                # (DuckDB condition true for a bad row, reason)
    derived: tuple[tuple[str, str], ...] = ()               # (column, DuckDB expression over typed columns)
    prepare: Callable[[pa.Table], pa.Table] | None = None   # on raw chunks, before anything is kept
    keep_unknown_columns: bool = True   # False where a new column could hold personal data: drop it


def extract_incremental(
    spec: TableSpec,
    url: str,
    *,
    landing_dir: Path | None = None,
    overlap: timedelta = DEFAULT_OVERLAP,
    chunk_rows: int = DEFAULT_CHUNK_ROWS,
) -> BatchRecord | None:
    """Land every row changed since the landed watermark; ``None`` when nothing is new."""
    landing_dir = landing_dir or settings.landing_dir()
    engine = _engine(spec, url)
    state = _LandedState.read(spec, landing_dir, overlap)
    try:
        with engine.connect() as conn:
            mapping, extras = _resolve_columns(spec, conn)
            stmt, window = _select(spec, engine.dialect.name, mapping, extras, state.lower_bound)
            result = conn.execution_options(stream_results=True, yield_per=chunk_rows).execute(stmt)
            with BatchWriter(spec.source_system, dataset=spec.dataset, source_ref="", landing_dir=landing_dir) as writer:
                counts = _land_chunks(spec, result.partitions(), writer, state, window, list(mapping) + extras)
                if counts.new == 0:
                    return None
                writer.source_ref = (
                    f"{_redacted(engine)} table={spec.table} window={window}; "
                    f"re-read, already landed or quarantined={counts.already_seen}"
                )
                return writer.commit(rows_read=counts.new)
    except sa.exc.NoSuchTableError as exc:
        raise _unavailable(spec, engine, f"table {spec.table!r} not found") from exc
    except (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.DatabaseError) as exc:
        raise _unavailable(spec, engine, str(exc.orig or exc).strip()) from exc
    finally:
        engine.dispose()


# --- connection -------------------------------------------------------------------------------


def _engine(spec: TableSpec, url: str) -> sa.Engine:
    try:
        engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    except Exception as exc:  # malformed URL, missing driver
        raise SourceUnavailableError(
            spec.source_system,
            f"cannot use the database URL in {spec.url_env_var} ({exc})",
            check=f"{spec.url_env_var} (e.g. postgresql+psycopg://user:***@host/db) and that its driver is installed",
        ) from exc
    if engine.dialect.name == "sqlite":
        path = engine.url.database
        if not path or path == ":memory:" or not Path(path).is_file():
            # sqlite would silently create an empty database: refuse instead.
            raise _unavailable(spec, engine, f"database file {path!r} does not exist")

        @sa.event.listens_for(engine, "connect")
        def _read_only(dbapi_conn, _record):  # a connector must never write to a department's system
            dbapi_conn.execute("PRAGMA query_only = ON")

    return engine


def _redacted(engine: sa.Engine) -> str:
    return engine.url.render_as_string(hide_password=True)


def _unavailable(spec: TableSpec, engine: sa.Engine, detail: str) -> SourceUnavailableError:
    return SourceUnavailableError(
        spec.source_system,
        f"cannot read table {spec.table!r} at {_redacted(engine)}: {detail}; nothing was landed, the next "
        f"run resumes from the landed watermark",
        check=f"that the database is up and reachable from this host, that {spec.url_env_var} points at it, "
        f"and that its credentials are valid",
    )


def _resolve_columns(spec: TableSpec, conn: sa.Connection) -> tuple[dict[str, str | None], list[str]]:
    """Map landing names to source names (aliases absorb known renames); extra source columns kept."""
    present = [c["name"] for c in sa.inspect(conn).get_columns(spec.table)]
    present_lower = {p.lower(): p for p in present}
    mapping: dict[str, str | None] = {}
    for col in spec.columns:
        found = next((present_lower[n.lower()] for n in (col.name, *col.aliases) if n.lower() in present_lower), None)
        mapping[col.name] = found
    missing = [c.name for c in spec.columns if c.required and mapping[c.name] is None]
    used = {v for v in mapping.values() if v}
    extras = [p for p in present if p not in used]
    if missing:
        raise SchemaDriftError(
            spec.source_system,
            f"table {spec.table!r} has no column {missing} (and none of its known aliases); columns the "
            f"connector does not know: {extras}; nothing was landed",
            check=f"if a column was renamed, add the new name to its aliases in ingestion/{spec.source_system}/; "
            f"if it was dropped, ask the department",
        )
    if extras and not spec.keep_unknown_columns:
        log.warning("%s.%s: new source columns NOT landed (may hold personal data): %s", spec.source_system, spec.table, extras)
        return mapping, []
    if extras:
        log.warning("%s.%s: new source columns landed as text: %s", spec.source_system, spec.table, extras)
    return mapping, extras


def _src(name: str) -> sa.ColumnClause:
    return sa.column(name)  # untyped: the driver's native values, typed later in bulk with DuckDB


def _select(spec: TableSpec, dialect: str, mapping: dict[str, str | None], extras: list[str], lower: datetime | None):
    src = _src
    cols = [src(s).label(name) if s else sa.null().label(name) for name, s in mapping.items()]
    cols += [src(e) for e in extras]
    updated = src(mapping[spec.updated_at])
    stmt = sa.select(*cols).select_from(sa.table(spec.table))
    if lower is None:
        window = f"{spec.table} full"
    else:
        lower = lower.replace(microsecond=0)
        # SQLite stores text: compare with the same 'YYYY-MM-DD HH:MM:SS' shape it holds.
        bound = lower.strftime("%Y-%m-%d %H:%M:%S") if dialect == "sqlite" else lower
        stmt = stmt.where(updated >= sa.literal(bound))
        window = f"{spec.table} {spec.updated_at}>={lower.isoformat(sep=' ')}"
    return stmt.order_by(updated, *[src(mapping[k]) for k in spec.key]), window


# --- what is already landed -------------------------------------------------------------------


@dataclass
class _LandedState:
    lower_bound: datetime | None
    landed_keys: pa.Table          # key columns + updated_at of landed rows at/after lower_bound
    quarantined_raw: set[str]      # raw records already quarantined at/after lower_bound

    @classmethod
    def read(cls, spec: TableSpec, landing_dir: Path, overlap: timedelta) -> "_LandedState":
        root = batches_dir(spec.source_system, landing_dir)
        rows_glob = f"{root}/*/{spec.dataset}.parquet"
        quarantine_glob = f"{root}/*/quarantine.parquet"
        has_rows = any(root.glob(f"*/{spec.dataset}.parquet"))
        has_quarantine = any(root.glob("*/quarantine.parquet"))
        key_cols = ", ".join(_q(k) for k in spec.key)
        raw_ts = f"try_cast(json_extract_string(raw_record, '$.{spec.updated_at}') as timestamp)"
        empty = pa.table({**{k: pa.array([], pa.string()) for k in spec.key}, spec.updated_at: pa.array([], pa.timestamp("us"))})
        with duckdb.connect() as con:
            marks = []
            if has_rows:
                marks.append(con.execute(f"select max({_q(spec.updated_at)}) from read_parquet('{rows_glob}', union_by_name=true)").fetchall()[0][0])
            if has_quarantine:
                marks.append(con.execute(f"select max({raw_ts}) from read_parquet('{quarantine_glob}', union_by_name=true) where dataset = ?", [spec.dataset]).fetchall()[0][0])
            marks = [m for m in marks if m is not None]
            if not marks:
                return cls(None, empty, set())
            lower = max(marks) - overlap
            keys = empty
            if has_rows:
                keys = con.sql(
                    f"select {key_cols}, {_q(spec.updated_at)} from read_parquet('{rows_glob}', union_by_name=true) "
                    f"where {_q(spec.updated_at)} >= $lower", params={"lower": lower}
                ).to_arrow_table()
            raw = set()
            if has_quarantine:
                raw = {r for (r,) in con.execute(
                    f"select raw_record from read_parquet('{quarantine_glob}', union_by_name=true) "
                    f"where dataset = ? and ({raw_ts} is null or {raw_ts} >= ?)", [spec.dataset, lower]
                ).fetchall()}
        return cls(lower, keys, raw)


# --- typing, validation, landing --------------------------------------------------------------


@dataclass
class _Counts:
    new: int = 0
    already_seen: int = 0         # re-read in the overlap window: landed or quarantined before


def _land_chunks(spec: TableSpec, partitions, writer: BatchWriter, state: _LandedState, window: str, names: list[str]) -> _Counts:
    counts, offset = _Counts(), 0
    landed_before = state.landed_keys.select([*spec.key, spec.updated_at]).cast(_key_schema(spec))
    landed_this_run = _key_schema(spec).empty_table()
    with duckdb.connect() as con:
        for rows in partitions:
            raw = _arrow_from_rows(rows, names)
            if spec.prepare:
                raw = spec.prepare(raw)
            raw = raw.append_column("__row", pa.array(range(offset + 1, offset + 1 + raw.num_rows), pa.int64()))
            offset += raw.num_rows
            typed = _typed_with_reasons(con, spec, raw)
            typed = _dedup(con, spec, typed, landed_before, landed_this_run)
            counts.already_seen += raw.num_rows - typed.num_rows
            good = typed.filter(pc.is_null(typed["__reason"]))
            bad = _quarantine_records(raw, typed.filter(pc.is_valid(typed["__reason"])), state.quarantined_raw)
            counts.already_seen += typed.num_rows - good.num_rows - len(bad["raw"])
            landed_this_run = pa.concat_tables([landed_this_run, good.select(landed_this_run.column_names).cast(landed_this_run.schema)])
            if good.num_rows:
                writer.add_rows(spec.dataset, with_lineage(
                    good.drop_columns(["__row", "__reason"]),
                    batch_id=writer.batch_id, loaded_at=writer.loaded_at, source_file=window, line_number=good["__row"],
                ))
            writer.add_quarantine(source_file=[window] * len(bad["raw"]), line_number=bad["row"], raw_record=bad["raw"], reason=bad["reason"])
            counts.new += good.num_rows + len(bad["raw"])
    return counts


def _key_schema(spec: TableSpec) -> pa.Schema:
    types = {c.name: c.type for c in spec.columns}
    return pa.schema([(k, types[k]) for k in spec.key] + [(spec.updated_at, pa.timestamp("us"))])


def _arrow_from_rows(rows, names: list[str]) -> pa.Table:
    columns = list(zip(*rows)) if rows else [() for _ in names]
    arrays = []
    for values in columns:
        try:
            arrays.append(pa.array(values))
        except (pa.ArrowInvalid, pa.ArrowTypeError):  # mixed types in one column (e.g. 'abc' among numbers)
            arrays.append(pa.array([None if v is None else str(v) for v in values], pa.string()))
    return pa.Table.from_arrays(arrays, names=names)


_DUCK_TYPES = {
    pa.string(): "VARCHAR", pa.int64(): "BIGINT", pa.int32(): "INTEGER", pa.float64(): "DOUBLE",
    pa.bool_(): "BOOLEAN", pa.timestamp("us"): "TIMESTAMP", pa.date32(): "DATE",
}


def _typed_with_reasons(con: duckdb.DuckDBPyConnection, spec: TableSpec, raw: pa.Table) -> pa.Table:
    """Cast every column with TRY_CAST; a failed cast, a forbidden null or a failed check is a reason."""
    known = {c.name: c for c in spec.columns}
    names = [n for n in raw.column_names if n != "__row"]
    typed_cols, reasons = [], []
    for name in names:
        col = known.get(name)
        duck = _DUCK_TYPES[col.type] if col else "VARCHAR"
        typed_cols.append(f"try_cast({_q(name)} as {duck}) as {_q(name)}")
        reasons.append(
            f"case when {_q(name)} is not null and try_cast({_q(name)} as {duck}) is null "
            f"then '{name}: cannot read ' || left(cast({_q(name)} as varchar), 40) || ' as {duck.lower()}' end"
        )
    not_null = [c.name for c in spec.columns if not c.nullable] + [k for k in spec.key if known[k].nullable]
    checks = [f"case when {_q(n)} is null then 'missing {n}' end" for n in dict.fromkeys([*not_null, spec.updated_at])]
    checks += [f"case when ({cond}) then '{reason}' end" for cond, reason in spec.checks]
    derived = [f"{expr} as {_q(name)}" for name, expr in spec.derived]
    con.register("__raw", raw)
    table = con.sql(
        f"with typed as (select __row, {', '.join(typed_cols)}, "
        f"nullif(concat_ws('; ', {', '.join(reasons)}), '') as __cast_reason from __raw) "
        f"select * exclude (__cast_reason){''.join(', ' + d for d in derived)}, "
        f"nullif(concat_ws('; ', __cast_reason, {', '.join(checks)}), '') as __reason from typed order by __row"
    ).to_arrow_table()
    con.unregister("__raw")
    schema = pa.schema(
        [pa.field("__row", pa.int64())]
        + [pa.field(n, known[n].type if n in known else pa.string()) for n in names]
        + [table.schema.field(n) for n, _ in spec.derived]
        + [pa.field("__reason", pa.string())]
    )
    return table.cast(schema)


def _dedup(con, spec: TableSpec, typed: pa.Table, landed_before: pa.Table, landed_this_run: pa.Table) -> pa.Table:
    """Drop rows landed by an earlier run (overlap re-read); quarantine a key repeated in this run."""
    con.register("__typed", typed)
    con.register("__before", landed_before)
    con.register("__run", landed_this_run)
    cols = (*spec.key, spec.updated_at)
    on = lambda other: " and ".join(f"t.{_q(c)} is not distinct from {other}.{_q(c)}" for c in cols)
    partition = ", ".join(f"t.{_q(c)}" for c in cols)
    kept = con.sql(
        f"select t.* replace (case when t.__reason is null and ("
        f"  exists (select 1 from __run r where {on('r')}) or "
        f"  row_number() over (partition by {partition}, t.__reason is null order by t.__row) > 1"
        f") then 'duplicate: same {'/'.join(spec.key)} and {spec.updated_at} as an earlier row of this extraction' "
        f"else t.__reason end as __reason) "
        f"from __typed t where t.__reason is not null or not exists (select 1 from __before b where {on('b')}) "
        f"order by t.__row"
    ).to_arrow_table().cast(typed.schema)
    for name in ("__typed", "__before", "__run"):
        con.unregister(name)
    return kept


def _quarantine_records(raw: pa.Table, bad: pa.Table, already: set[str]) -> dict[str, list]:
    """Raw records (as read, after ``prepare``) of the rejected rows, minus those quarantined before."""
    out = {"row": [], "raw": [], "reason": []}
    if bad.num_rows == 0:
        return out
    rows = raw.take(pc.subtract(bad["__row"], raw["__row"][0])).drop_columns(["__row"]).to_pylist()
    for row_number, record, reason in zip(bad["__row"].to_pylist(), rows, bad["__reason"].to_pylist()):
        text = json.dumps(record, ensure_ascii=False, default=str)
        if text in already:  # quarantined by an earlier run, re-read in the overlap window
            continue
        out["row"].append(row_number)
        out["raw"].append(text)
        out["reason"].append(reason)
    return out


def _q(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
