"""Fixed schemas of the audit log tables, and the values their coded columns may take.

The schemas are the contract auditors query (through the ``audit.*`` views of the published
file), so they are declared once here and every written file is cast to them.
JSON columns are VARCHAR holding JSON text: Parquet readers of any vintage can read them.
"""

from __future__ import annotations

import pyarrow as pa

TS = pa.timestamp("us", tz="UTC")

CHECK_RESULTS = pa.schema(
    [
        ("run_id", pa.string()),
        ("check_name", pa.string()),
        ("check_kind", pa.string()),  # see ALLOWED below
        ("target", pa.string()),  # the checked table or asset
        ("severity", pa.string()),  # 'error' blocks publication, 'warn' does not
        ("passed", pa.bool_()),
        ("observed_value", pa.string()),  # JSON
        ("unexpected_count", pa.int64()),
        ("rows_evaluated", pa.int64()),
        ("description", pa.string()),
        ("details", pa.string()),  # JSON
        ("checked_at", TS),
        # Attribution (orchestration/publishing/scopes.py): whose data the check is about, and
        # what its failure does at the gate. Null in records written before attribution existed.
        ("scope", pa.string()),  # a source system (department data) or 'shared' (reference data)
        ("gate", pa.string()),  # 'block' | 'withhold' | 'warn': what a failure does
        ("failing_scopes", pa.list_(pa.string())),  # scopes of the failing rows (row-attributed checks)
        ("failing_rows_sample", pa.string()),  # JSON: up to 20 of the rows the check found
    ]
)

PUBLICATIONS = pa.schema(
    [
        ("publication_id", pa.string()),
        ("run_id", pa.string()),
        ("attempted_at", TS),
        ("outcome", pa.string()),  # 'published' | 'blocked' | 'failed'
        ("reason", pa.string()),
        ("code_version", pa.string()),  # git sha or package version
        ("dbt_manifest_sha256", pa.string()),
        ("input_batch_ids", pa.list_(pa.string())),
        ("row_counts", pa.string()),  # JSON {"kpi.t": n}
        ("table_hashes", pa.string()),  # JSON {"kpi.t": "<sha256>"}
        ("published_path", pa.string()),
        ("snapshot_path", pa.string()),
        # Department withholding (orchestration/publishing/withholding.py): the scopes whose rows
        # are last good values in this publication, and the gate's verdict per scope.
        ("withheld_scopes", pa.list_(pa.string())),
        ("gate_summary", pa.string()),  # JSON {"withheld": {scope: [checks]}, "warnings": [...], ...}
    ]
)

# What a publication kept out: a department's fresh rows of a published table, replaced by the
# last good published values (marked stale in the table itself). One record per publication,
# scope, table and indicator ('*': every row of the scope in that table). Append-only like the
# rest: when the department publishes fresh again, a record with ``until`` set says so.
WITHHELD = pa.schema(
    [
        ("run_id", pa.string()),
        ("department", pa.string()),  # display name of the department owning the scope
        ("indicator", pa.string()),  # indicator_code, or '*' for all rows of the scope
        ("reason", pa.string()),
        ("since", TS),  # when this scope's data first went stale (start of the current streak)
        ("until", TS),  # null while withheld; set on the record that lifts it
        ("recorded_by", pa.string()),
        ("recorded_at", TS),
        ("publication_id", pa.string()),
        ("scope", pa.string()),  # the source system whose data was withheld
        ("table_name", pa.string()),  # published table, '*' when the scope had no published rows
        ("check_names", pa.list_(pa.string())),  # the failed checks that caused it
        ("rows_withheld", pa.int64()),  # fresh rows of this build not published
        ("rows_carried", pa.int64()),  # last good rows published instead, marked is_stale
        ("values_from_publication_id", pa.string()),  # publication the carried values were fresh in
        ("stale_since_publication_id", pa.string()),  # first publication of the current streak
    ]
)

SCHEMAS: dict[str, pa.Schema] = {
    "check_results": CHECK_RESULTS,
    "publications": PUBLICATIONS,
    "withheld": WITHHELD,
}

# Columns that must be present and non-null in every record.
REQUIRED: dict[str, tuple[str, ...]] = {
    "check_results": ("run_id", "check_name", "check_kind", "severity", "passed", "checked_at"),
    "publications": ("publication_id", "run_id", "attempted_at", "outcome"),
    "withheld": ("department", "indicator", "reason", "since", "recorded_at", "publication_id", "scope", "table_name"),
}

ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "check_results": {
        # dbt_unit_test / dbt_node (a model or seed that errored or was skipped) come from
        # orchestration/dbt_results.py: the gate must see a model that never built.
        "check_kind": frozenset({"dbt_test", "dbt_unit_test", "dbt_node", "gx_expectation", "custom"}),
        "severity": frozenset({"error", "warn"}),
        "gate": frozenset({"block", "withhold", "warn"}),
    },
    "publications": {"outcome": frozenset({"published", "blocked", "failed"})},
    "withheld": {},
}

JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "check_results": ("observed_value", "details", "failing_rows_sample"),
    "publications": ("row_counts", "table_hashes", "gate_summary"),
    "withheld": (),
}
