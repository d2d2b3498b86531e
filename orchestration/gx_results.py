"""Turn a GX ``SuiteOutcome`` into audit ``check_results`` rows (plain Python, testable).

One suite-level row (``gx_suite:<table>``, severity error) that the publish gate expects for every
suite, plus one row per expectation with its own severity, so auditors see what each found.
"""

from __future__ import annotations

import json
from datetime import datetime, timezone


def suite_check_name(table: str) -> str:
    return f"gx_suite:{table}"


def check_rows_from_suite(outcome, *, run_id: str) -> list[dict]:
    checked_at = datetime.now(timezone.utc)
    rows = [
        dict(
            run_id=run_id,
            check_name=suite_check_name(outcome.table),
            check_kind="gx_expectation",
            target=outcome.table,
            severity="error",
            passed=bool(outcome.success),
            observed_value=json.dumps({"summary": outcome.summary()}),
            unexpected_count=sum(r.unexpected_count or 0 for r in outcome.blocking_failures),
            rows_evaluated=outcome.evaluated_row_count,
            description=outcome.reason or "GX suite passed",
            details=json.dumps(outcome.to_dict(), default=str)[:20000],
            checked_at=checked_at,
        )
    ]
    for r in outcome.results:
        rows.append(
            dict(
                run_id=run_id,
                check_name=f"gx:{outcome.table}:{r.label}",
                check_kind="gx_expectation",
                target=outcome.table,
                severity=r.severity if r.evaluated else "error",
                passed=bool(r.success),
                observed_value=json.dumps(r.observed_value, default=str),
                unexpected_count=r.unexpected_count,
                rows_evaluated=r.element_count,
                description=r.description or r.exception_message or r.label,
                details=json.dumps(
                    {"kwargs": r.kwargs, "partial_unexpected_list": list(r.partial_unexpected_list)}, default=str
                )[:8000],
                checked_at=checked_at,
            )
        )
    return rows
