"""Attribute check results to scopes and sample the rows a failed check found.

``attribute_check_rows`` fills ``scope``, ``gate``, ``failing_scopes`` and
``failing_rows_sample`` of ``check_results`` rows (values already set are kept, so a producer
that attributed its rows wins). Used by the check producers before they append to the audit log
and by the publisher before the gate decides (rows recorded without attribution, e.g. by an
older producer, are attributed the same way from the same manifest).

Where the scope comes from (rules in ``scopes``):

* dbt rows: the node (``details.unique_id``) in the manifest;
* GX rows: the checked table's dbt model; an expectation whose row condition selects one
  ``source_system`` (``Column("source_system") == "health"``) is that system's;
* failed dbt tests: the failing rows are read back from the build file — from the table dbt
  stored them in (``store_failures``: every test under ``dbt_project/tests/checks/``), or by
  re-running the test's compiled query (``row_rules``) — and up to ``SAMPLE_ROWS`` of them are
  kept as ``failing_rows_sample``. A check declared ``meta: {ioc_scope: rows}`` (a check over a
  cross-department table) takes ``failing_scopes`` from their ``source_system`` column: one
  check can withhold several departments, and a row without a department blocks.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Iterator

import duckdb

from orchestration.publishing.scopes import ROWS, SHARED, ManifestScopes, gate_action
from orchestration.publishing.sql import qualified

log = logging.getLogger(__name__)

SAMPLE_ROWS = 20
SCOPE_COLUMN = "source_system"
_CONDITION_TEXT = re.compile(r"""^\s*\(?\s*source_system\s*==?\s*["']([^"']+)["']\s*\)?\s*$""")


def attribute_check_rows(
    rows: Iterable[dict], *, scopes: ManifestScopes | None, build_db: Path | None = None
) -> list[dict]:
    rows = [dict(r) for r in rows]
    with _read_only(build_db if any(r.get("passed") is not True for r in rows) else None) as con:
        for row in rows:
            _attribute(row, scopes, con)
    return rows


def _attribute(row: dict, scopes: ManifestScopes | None, con: duckdb.DuckDBPyConnection | None) -> None:
    details = _json(row.get("details"))
    unique_id = details.get("unique_id") if isinstance(details, dict) else None
    if not row.get("scope"):
        row["scope"] = _static_scope(row, details, unique_id, scopes)
    explicit = scopes.explicit_gate(unique_id) if (scopes and unique_id) else None
    if not row.get("gate"):
        # scope 'rows' counts as a department here: which ones (or shared) the failing rows say
        row["gate"] = gate_action(row.get("severity"), row["scope"], explicit)
    if row.get("passed") is True or row.get("failing_scopes"):
        return
    relation = scopes.failures_relation(unique_id) if (scopes and unique_id) else None
    query = details.get("compiled_code") if isinstance(details, dict) and unique_id else None
    if relation:
        found_scopes, sample = _failing_rows(con, qualified(relation), relation)
    elif query and unique_id.startswith("test."):
        found_scopes, sample = _failing_rows(con, f"({query.strip().rstrip(';')})", unique_id)
    else:
        found_scopes, sample = None, None
    if sample is not None and not row.get("failing_rows_sample"):
        row["failing_rows_sample"] = sample
    if row["scope"] == ROWS:
        # Row-attributed (meta ioc_scope: rows): the failing rows name their departments. Rows
        # without one, or rows that could not be read, cannot be pinned on a department: shared.
        row["failing_scopes"] = found_scopes or [SHARED]
    else:
        row["failing_scopes"] = [row["scope"]]


def _static_scope(row: dict, details: Any, unique_id: str | None, scopes: ManifestScopes | None) -> str:
    if isinstance(details, dict):
        condition_scope = _row_condition_scope((details.get("kwargs") or {}).get("row_condition"))
        if condition_scope:
            return condition_scope
    if scopes is None:
        return SHARED
    if unique_id and (unique_id in scopes.nodes or unique_id in scopes.sources):
        return scopes.node_scope(unique_id)
    target = row.get("target")
    return scopes.relation_scope(target) if target else SHARED


def _row_condition_scope(condition: Any) -> str | None:
    """``source_system == 'x'`` in a GX row condition (object, dict or string form) → ``x``."""
    if condition is None:
        return None
    if hasattr(condition, "dict"):
        condition = condition.dict()
    if isinstance(condition, str):
        match = _CONDITION_TEXT.match(condition)
        if match:
            return match.group(1)
        try:
            condition = json.loads(condition)
        except ValueError:
            return None
    if not isinstance(condition, dict):
        return None
    column = condition.get("column")
    name = column.get("name") if isinstance(column, dict) else column
    if condition.get("type") == "comparison" and name == SCOPE_COLUMN and condition.get("operator") in ("==", "="):
        return str(condition.get("parameter"))
    if condition.get("type") == "and":
        found = {_row_condition_scope(c) for c in condition.get("conditions", [])} - {None}
        return found.pop() if len(found) == 1 else None
    return None


def _failing_rows(con: duckdb.DuckDBPyConnection | None, source: str,
                  label: str) -> tuple[list[str] | None, str | None]:
    """(departments named by the failing rows, JSON sample) from ``source``: the table dbt stored
    them in, or the test's compiled query re-run read-only (tests that do not store failures)."""
    if con is None:
        return None, None
    try:
        sample_rel = con.sql(f"select * from {source} as failing limit {SAMPLE_ROWS}")
        columns = sample_rel.columns
        sample = json.dumps(
            {"relation": label, "rows": [dict(zip(columns, r)) for r in sample_rel.fetchall()]},
            default=str, ensure_ascii=False,
        )
        if SCOPE_COLUMN not in columns:
            return None, sample
        found = [s for (s,) in con.execute(
            f"select distinct coalesce({SCOPE_COLUMN}::varchar, '{SHARED}') from {source} as failing order by 1"
        ).fetchall()]
        return found, sample
    except duckdb.Error as exc:
        log.warning("could not read the failing rows of %s: %s", label, exc)
        return None, None


@contextmanager
def _read_only(build_db: Path | None) -> Iterator[duckdb.DuckDBPyConnection | None]:
    if build_db is None or not Path(build_db).is_file():
        yield None
        return
    try:
        con = duckdb.connect(str(build_db), read_only=True)
    except duckdb.Error as exc:  # e.g. a writer holds the file: no samples, scopes fail closed
        log.warning("could not open %s read-only to sample failing rows: %s", build_db, exc)
        yield None
        return
    try:
        yield con
    finally:
        con.close()


def _json(value: Any) -> Any:
    if isinstance(value, str):
        try:
            return json.loads(value)
        except ValueError:
            return None
    return value
