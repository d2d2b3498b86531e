"""Turn dbt's ``run_results.json`` into audit ``check_results`` rows (plain Python, testable).

Tests and unit tests become checks with their configured severity; models and seeds become
``dbt_node`` rows (severity error) so the publish gate also sees a model that failed or was
skipped because an upstream test failed.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone

_KIND = {"test": "dbt_test", "unit_test": "dbt_unit_test", "model": "dbt_node", "seed": "dbt_node"}
_PASSED = {"pass", "success"}


def _node(manifest: dict, unique_id: str) -> dict:
    return manifest.get("nodes", {}).get(unique_id) or manifest.get("unit_tests", {}).get(unique_id) or {}


def _target(manifest: dict, node: dict) -> str:
    """The model a test guards (schema.alias), or the node itself."""
    attached = node.get("attached_node") or (node.get("depends_on", {}).get("nodes") or [None])[0]
    if node.get("resource_type") in ("model", "seed"):
        attached = node.get("unique_id")
    parent = manifest.get("nodes", {}).get(attached or "", {})
    if not parent:
        return node.get("model", "") or ""
    return f"{parent.get('schema')}.{parent.get('alias') or parent.get('name')}"


def check_name(node: dict) -> str:
    if node.get("resource_type") in ("model", "seed"):
        return f"dbt_node:{node.get('schema')}.{node.get('alias') or node.get('name')}"
    if node.get("resource_type") == "unit_test":
        return f"dbt_unit_test:{node.get('model')}.{node.get('name')}"
    return node.get("name", "")


def check_rows_from_run_results(run_results: dict, manifest: dict, *, run_id: str) -> list[dict]:
    rows = []
    checked_at = datetime.now(timezone.utc)
    for result in run_results.get("results", []):
        node = _node(manifest, result["unique_id"])
        kind = _KIND.get(node.get("resource_type", ""), None)
        if kind is None:
            continue
        severity = (node.get("config", {}).get("severity") or "error").lower()
        if kind != "dbt_test":
            severity = "error"
        status = result.get("status")
        rows.append(
            dict(
                run_id=run_id,
                check_name=check_name(node),
                check_kind=kind,
                target=_target(manifest, node),
                severity=severity,
                passed=status in _PASSED,
                observed_value=json.dumps({"status": status, "failures": result.get("failures")}),
                unexpected_count=result.get("failures"),
                rows_evaluated=(result.get("adapter_response") or {}).get("rows_affected"),
                # dbt's own message says what happened (e.g. "Got 3 results"); model docs are too long.
                description=(result.get("message") or node.get("description") or "")[:300],
                details=json.dumps(
                    {
                        "unique_id": result["unique_id"],
                        "message": result.get("message"),
                        # In full when the test did not pass: attribution re-runs it to sample
                        # the failing rows (row_rules does not store them).
                        "compiled_code": _compiled_code(result, node, passed=status in _PASSED),
                    }
                ),
                checked_at=checked_at,
            )
        )
    return rows


def expected_check_names(manifest: dict) -> set[str]:
    """Every dbt test and unit test, and every model/seed: all must have run and passed (or warned)."""
    names = set()
    for node in list(manifest.get("nodes", {}).values()) + list(manifest.get("unit_tests", {}).values()):
        if node.get("config", {}).get("materialized") == "ephemeral":
            continue  # compiled into its children, never run on its own
        if node.get("resource_type") in ("test", "unit_test", "model", "seed"):
            names.add(check_name(node))
    return names


def _compiled_code(result: dict, node: dict, *, passed: bool) -> str:
    code = result.get("compiled_code") or node.get("compiled_code") or ""
    return code if not passed else code[:4000]
