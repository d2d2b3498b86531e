"""Department withholding: keep a department's failed rows out, publish its last good values.

Runs inside the new published file (the temp file, before the commit point), after the
``kpi``/``ref`` copies. Every ``kpi.*`` table gets four columns the BI user can filter on:

``is_stale``                   false for fresh rows of this build
``stale_reason``               why the row is not fresh (the failed checks of its department)
``stale_since_publication_id`` the first publication that withheld it (start of the streak)
``values_from_publication_id`` the publication in which these values were last fresh

For a withheld scope (source system), its rows are found
* by the table's ``source_system`` column, else
* by ``indicator_code`` → ``ref.dim_indicator.source_system`` (the published catalogue), else
* for the whole table, when the dbt lineage of the table reaches that source system (a table the
  manifest does not know counts as reaching every withheld scope: fail closed).
They are deleted and replaced by that scope's rows of the previous publication, read from its
Parquet snapshot after checking the snapshot against its manifest's content hash. Without a
previous publication the rows are simply left out. One ``audit.withheld`` record is produced per
scope, table and indicator (``'*'``: all of the scope's rows in the table).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from orchestration.publishing import audit_log
from orchestration.publishing.content_hash import table_content_hash
from orchestration.publishing.scopes import ManifestScopes, department_of
from orchestration.publishing.snapshot import MANIFEST, read_latest, snapshots_root
from orchestration.publishing.sql import ident, literal, qualified

WITHHOLDABLE_SCHEMAS = ("kpi",)
STALE_COLUMNS = (
    ("is_stale", "boolean default false"),
    ("stale_reason", "varchar"),
    ("stale_since_publication_id", "varchar"),
    ("values_from_publication_id", "varchar"),
)
STALE_NAMES = tuple(name for name, _ in STALE_COLUMNS)
SCOPE_COLUMN = "source_system"
INDICATOR_COLUMN = "indicator_code"
_SCOPE_MAP = "__ioc_indicator_scope"
_PREV = "__ioc_previous"
RECORDED_BY = "orchestration.publishing.withholding"


@dataclass(frozen=True)
class PreviousPublication:
    """The publication currently in place: where its snapshot is and what it withheld."""

    publication_id: str
    snapshot_dir: Path
    # from its manifest.json: {"kpi.t": {"file", "rows", "content_sha256"}}; None if the snapshot is gone
    tables: dict[str, dict] | None
    withheld_scopes: tuple[str, ...] = ()
    since: dict[str, datetime] = field(default_factory=dict)  # scope -> start of its streak
    streak_start: dict[str, str] = field(default_factory=dict)  # scope -> first withholding publication

    def table_file(self, table: str) -> Path | None:
        if self.tables is None:
            raise FileNotFoundError(
                f"the snapshot of publication {self.publication_id} ({self.snapshot_dir}) is missing: "
                "the last good values of a withheld department cannot be read"
            )
        entry = self.tables.get(table)
        return self.snapshot_dir / entry["file"] if entry else None


def load_previous(published_dir: Path, audit_dir: Path) -> PreviousPublication | None:
    """The publication named by ``snapshots/LATEST`` (the one in ``ioc.duckdb``), if any."""
    publication_id = read_latest(published_dir)
    if not publication_id:
        return None
    snapshot_dir = snapshots_root(published_dir) / publication_id
    manifest_path = snapshot_dir / MANIFEST
    # Missing only matters when values must be carried from it (then _carry fails loudly).
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {"tables": None}
    withheld = audit_log.read("withheld", audit_dir=audit_dir).to_pylist()
    mine = [r for r in withheld if r["publication_id"] == publication_id and r["until"] is None]
    since: dict[str, datetime] = {}
    streak_start: dict[str, str] = {}
    for r in mine:
        since[r["scope"]] = min(since.get(r["scope"], r["since"]), r["since"])
        streak_start.setdefault(r["scope"], r["stale_since_publication_id"] or publication_id)
    return PreviousPublication(
        publication_id=publication_id,
        snapshot_dir=snapshot_dir,
        tables=manifest.get("tables", {}),
        withheld_scopes=tuple(sorted(since)),
        since=since,
        streak_start=streak_start,
    )


def apply_withholding(
    con: duckdb.DuckDBPyConnection,
    *,
    tables: list[str],
    withheld: dict[str, list[dict]],
    scopes: ManifestScopes | None,
    previous: PreviousPublication | None,
    publication_id: str,
    run_id: str,
    now: datetime,
) -> list[dict]:
    """Add the stale columns to every ``kpi`` table, withhold ``withheld`` scopes; returns the records."""
    withheld_tables = [t for t in tables if t.split(".", 1)[0] in WITHHOLDABLE_SCHEMAS]
    for table in withheld_tables:
        _add_stale_columns(con, table)
    if not withheld:
        return []
    _create_scope_map(con)
    reasons = {s: _reason(s, rows, previous) for s, rows in withheld.items()}
    # (scope, table, indicator) -> [fresh rows withheld, rows carried, publication the carried values are from]
    counts: dict[tuple[str, str, str], list] = {}
    for table in withheld_tables:
        for table_scopes, selector in _selectors(con, table, set(withheld), scopes):
            reason = "; ".join(reasons[s] for s in table_scopes)
            fresh = _counts_by_indicator(con, qualified(table), selector)
            con.execute(f"delete from {qualified(table)} where {selector}")
            carried = _carry(con, table, selector, reason, previous, publication_id)
            for scope in table_scopes:
                for indicator in sorted(set(fresh) | set(carried)):
                    n_carried, values_from = carried.get(indicator, (0, None))
                    counts[(scope, table, indicator)] = [fresh.get(indicator, 0), n_carried, values_from]
    con.execute(f"drop table if exists {_SCOPE_MAP}")

    records = []
    for scope in sorted(withheld):
        keys = [k for k in counts if k[0] == scope] or [(scope, "*", "*")]
        since = previous.since.get(scope, now) if previous else now
        for _, table, indicator in keys:
            n_withheld, n_carried, values_from = counts.get((scope, table, indicator), [0, 0, None])
            records.append(dict(
                run_id=run_id, department=department_of(scope), indicator=indicator, reason=reasons[scope],
                since=since, until=None, recorded_by=RECORDED_BY, recorded_at=now, publication_id=publication_id,
                scope=scope, table_name=table, check_names=sorted({str(r.get("check_name")) for r in withheld[scope]}),
                rows_withheld=n_withheld, rows_carried=n_carried,
                values_from_publication_id=values_from,
                stale_since_publication_id=_streak_start(scope, previous, publication_id),
            ))
    return records


def lifted_records(
    previous: PreviousPublication | None, withheld: dict[str, list[dict]], *, publication_id: str, run_id: str,
    now: datetime,
) -> list[dict]:
    """Records ending the withholding of scopes that publish fresh again (``until`` set)."""
    if previous is None:
        return []
    return [
        dict(run_id=run_id, department=department_of(scope), indicator="*", table_name="*", scope=scope,
             reason=f"lifted: the checks on {scope} data passed; fresh values published",
             since=previous.since.get(scope, now), until=now, recorded_by=RECORDED_BY, recorded_at=now,
             publication_id=publication_id, check_names=[], rows_withheld=0, rows_carried=0)
        for scope in previous.withheld_scopes
        if scope not in withheld
    ]


# --- helpers ------------------------------------------------------------------------------


def _add_stale_columns(con: duckdb.DuckDBPyConnection, table: str) -> None:
    columns = _columns(con, qualified(table))
    clash = sorted(set(columns) & set(STALE_NAMES))
    if clash:
        raise ValueError(f"{table} already has column(s) {clash}, reserved for the publication's stale marks")
    for name, type_ in STALE_COLUMNS:
        con.execute(f"alter table {qualified(table)} add column {ident(name)} {type_}")


def _create_scope_map(con: duckdb.DuckDBPyConnection) -> None:
    has_catalogue = con.execute(
        "select count(*) from duckdb_columns() where schema_name = 'ref' and table_name = 'dim_indicator' "
        f"and column_name in ({literal(INDICATOR_COLUMN)}, {literal(SCOPE_COLUMN)})"
    ).fetchone()[0] == 2
    source = (
        f"select distinct {INDICATOR_COLUMN}, {SCOPE_COLUMN} from ref.dim_indicator" if has_catalogue
        else f"select null::varchar as {INDICATOR_COLUMN}, null::varchar as {SCOPE_COLUMN} where false"
    )
    con.execute(f"create or replace temp table {_SCOPE_MAP} as {source}")


def _selectors(
    con: duckdb.DuckDBPyConnection, table: str, withheld: set[str], scopes: ManifestScopes | None
) -> list[tuple[tuple[str, ...], str]]:
    """(scopes, SQL predicate over the table's columns) selecting the withheld rows of ``table``."""
    columns = _columns(con, qualified(table))
    if SCOPE_COLUMN in columns:
        return [((s,), f"{ident(SCOPE_COLUMN)} = {literal(s)}") for s in sorted(withheld)]
    if INDICATOR_COLUMN in columns:
        return [
            ((s,), f"{ident(INDICATOR_COLUMN)} in (select {INDICATOR_COLUMN} from {_SCOPE_MAP} "
                   f"where {SCOPE_COLUMN} = {literal(s)})")
            for s in sorted(withheld)
        ]
    # No row-level attribution: the whole table is withheld when its lineage reaches a withheld
    # scope (a table the manifest does not know reaches all of them: fail closed).
    systems = scopes.relation_systems(table) if scopes else None
    affected = tuple(sorted(withheld if systems is None else withheld & systems))
    return [(affected, "true")] if affected else []


def _counts_by_indicator(con: duckdb.DuckDBPyConnection, relation: str, selector: str) -> dict[str, int]:
    columns = _columns(con, relation)
    key = f"coalesce({ident(INDICATOR_COLUMN)}::varchar, '*')" if INDICATOR_COLUMN in columns else "'*'"
    return dict(con.execute(f"select {key}, count(*) from {relation} where {selector} group by 1").fetchall())


def _carry(
    con: duckdb.DuckDBPyConnection, table: str, selector: str, reason: str,
    previous: PreviousPublication | None, publication_id: str,
) -> dict[str, int]:
    """Insert the selected rows of the previous publication, marked stale.

    Returns ``{indicator: (rows carried, publication their values are from)}`` (the oldest one when
    an indicator's rows come from several)."""
    path = previous.table_file(table) if previous else None
    if path is None:
        return {}
    if not path.is_file():
        raise FileNotFoundError(f"snapshot file {path} of publication {previous.publication_id} is missing")
    con.execute(f"create or replace temp table {_PREV} as select * from read_parquet({literal(str(path))})")
    try:
        expected = previous.tables[table].get("content_sha256")
        if expected and table_content_hash(con, _PREV) != expected:
            raise ValueError(
                f"snapshot {path} does not match the content hash of publication {previous.publication_id}: "
                "the last good values cannot be trusted"
            )
        if not _counts_by_indicator(con, _PREV, selector):
            return {}
        current = [c for c in _columns(con, qualified(table)) if c not in STALE_NAMES]
        prev_columns = set(_columns(con, _PREV))
        was_stale = "coalesce(is_stale, false)" if {"is_stale"} <= prev_columns else "false"
        since = (f"case when {was_stale} then stale_since_publication_id else {literal(publication_id)} end"
                 if "stale_since_publication_id" in prev_columns else literal(publication_id))
        values_from = (f"case when {was_stale} then values_from_publication_id "
                       f"else {literal(previous.publication_id)} end"
                       if "values_from_publication_id" in prev_columns else literal(previous.publication_id))
        select = ", ".join(ident(c) for c in current if c in prev_columns)
        con.execute(
            f"insert into {qualified(table)} by name select {select}, true as is_stale, "
            f"{literal(reason)} as stale_reason, {since} as stale_since_publication_id, "
            f"{values_from} as values_from_publication_id from {_PREV} where {selector}"
        )
        key = f"coalesce({ident(INDICATOR_COLUMN)}::varchar, '*')" if INDICATOR_COLUMN in prev_columns else "'*'"
        rows = con.execute(
            f"select {key}, count(*), min({values_from}) from {_PREV} where {selector} group by 1"
        ).fetchall()
        return {indicator: (n, source) for indicator, n, source in rows}
    finally:
        con.execute(f"drop table if exists {_PREV}")


def _streak_start(scope: str, previous: PreviousPublication | None, publication_id: str) -> str:
    # A scope withheld in the previous publication too continues its streak; else one starts here.
    if previous is None or scope not in previous.withheld_scopes:
        return publication_id
    return previous.streak_start.get(scope, previous.publication_id)


def _reason(scope: str, rows: list[dict], previous: PreviousPublication | None) -> str:
    names = sorted({str(r.get("check_name")) for r in rows})
    listed = ", ".join(names[:3]) + (f" and {len(names) - 3} more" if len(names) > 3 else "")
    kept = (
        "last good values kept" if previous
        else "no earlier publication to keep values from: rows left out"
    )
    return f"{scope} withheld: {len(names)} failed check(s) on its data ({listed}); {kept}"


def _columns(con: duckdb.DuckDBPyConnection, relation: str) -> list[str]:
    return list(con.sql(f"select * from {relation} limit 0").columns)
