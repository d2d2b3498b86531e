"""Glue between a finished run and ``record_unpublished_run``: what the gate expects, and the code version."""

from __future__ import annotations

from orchestration.defs.publication import expected_checks
from orchestration.publishing import current_code_version
from orchestration.publishing.unpublished_runs import record_unpublished_run


def record_if_unpublished(run_id: str, *, failure_message: str | None = None) -> dict | None:
    return record_unpublished_run(
        run_id,
        expected_checks=expected_checks(),
        code_version=current_code_version(),
        failure_message=failure_message,
    )
