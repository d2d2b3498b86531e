"""Record why a run did not publish when the publish step never ran.

Blocking checks are Dagster-blocking: when one fails, Dagster does not start the publish step at
all, so the publish step cannot write its own 'blocked' record. This function, called for every
run that ended without a publication (by a run-status sensor in deployments and by ``make demo``
after its in-process run), writes that record from the same gate logic, once per run.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pyarrow.compute as pc

from orchestration.publishing import audit_log
from orchestration.publishing.gate import decide
from orchestration.publishing.ids import sortable_id
from orchestration.publishing.landing_inputs import committed_batch_ids


def run_check_results(run_id: str, *, audit_dir: Path | None = None) -> list[dict]:
    table = audit_log.read("check_results", audit_dir=audit_dir)
    return table.filter(pc.equal(table["run_id"], run_id)).to_pylist()


def run_has_publication_record(run_id: str, *, audit_dir: Path | None = None) -> bool:
    table = audit_log.read("publications", audit_dir=audit_dir)
    return pc.any(pc.equal(table["run_id"], run_id)).as_py() or False


def record_unpublished_run(
    run_id: str,
    *,
    expected_checks: set[str],
    code_version: str,
    failure_message: str | None = None,
    audit_dir: Path | None = None,
    landing_dir: Path | None = None,
) -> dict | None:
    """Append a 'blocked' (checks said no) or 'failed' (anything else) publication row; idempotent."""
    if run_has_publication_record(run_id, audit_dir=audit_dir):
        return None
    decision = decide(run_check_results(run_id, audit_dir=audit_dir), expected_checks)
    if not decision.allowed and (decision.failed_blocking or decision.missing_checks):
        outcome, reason = "blocked", decision.reason
    else:
        outcome, reason = "failed", f"run ended before publication: {failure_message or 'unknown error'}"
    row = dict(
        publication_id=sortable_id(),
        run_id=run_id,
        attempted_at=datetime.now(timezone.utc),
        outcome=outcome,
        reason=reason,
        code_version=code_version,
        input_batch_ids=committed_batch_ids(landing_dir),
    )
    audit_log.append("publications", [row], audit_dir=audit_dir)
    return row
