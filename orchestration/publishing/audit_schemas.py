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
    ]
)

# A department's indicator kept out of publication (e.g. data under review). Append-only like
# the rest: lifting a withholding is a new record with ``until`` set, not an edit.
WITHHELD = pa.schema(
    [
        ("run_id", pa.string()),
        ("department", pa.string()),
        ("indicator", pa.string()),
        ("reason", pa.string()),
        ("since", TS),
        ("until", TS),  # null while still withheld
        ("recorded_by", pa.string()),
        ("recorded_at", TS),
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
    "withheld": ("department", "indicator", "reason", "since", "recorded_at"),
}

ALLOWED: dict[str, dict[str, frozenset[str]]] = {
    "check_results": {
        # dbt_unit_test / dbt_node (a model or seed that errored or was skipped) come from
        # orchestration/dbt_results.py: the gate must see a model that never built.
        "check_kind": frozenset({"dbt_test", "dbt_unit_test", "dbt_node", "gx_expectation", "custom"}),
        "severity": frozenset({"error", "warn"}),
    },
    "publications": {"outcome": frozenset({"published", "blocked", "failed"})},
    "withheld": {},
}

JSON_COLUMNS: dict[str, tuple[str, ...]] = {
    "check_results": ("observed_value", "details"),
    "publications": ("row_counts", "table_hashes"),
    "withheld": (),
}
