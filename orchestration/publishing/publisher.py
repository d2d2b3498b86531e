"""write -> audit -> publish: record the checks, ask the gate, swap in a new published file.

The published file ``ioc.duckdb`` is never opened for writing. A new file is written under a
hidden temp name in the same directory and renamed over it with ``os.replace``, the single
commit point:

* BI readers (``duckdb.connect(path, read_only=True)``) never meet the publisher's write lock
  or a half-written table: the lock is on the temp file, and the rename is atomic.
* A reader that opened the old file keeps reading the old inode, consistently, until it
  reconnects; new connections get the new file. (Within one process DuckDB reuses an open
  database instance for the same path, so a long-lived process sees the new file only after
  closing all its connections to the old one.)
* A crash at any moment before the rename leaves the previous publication in place, complete;
  its temp files are removed by the next publisher.

Every attempt leaves an audit record: its check results, then one ``publications`` row with
outcome 'published', 'blocked' (gate said no; published file untouched byte for byte) or
'failed' (an error; previous publication stays).

A department whose checks failed (gate ``withhold``) does not block: its rows in ``kpi.*`` are
the last good published values, marked stale (``withholding``), recorded in ``audit.withheld``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import shutil
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from ingestion import settings
from orchestration.publishing import audit_log
from orchestration.publishing.attribution import attribute_check_rows
from orchestration.alerts.views import create_alert_views
from orchestration.publishing.audit_views import create_audit_views
from orchestration.publishing.content_hash import DEFINITION as CONTENT_HASH_DEFINITION
from orchestration.publishing.fsio import fsync_dir, fsync_file
from orchestration.publishing.gate import GateDecision, decide
from orchestration.publishing.ids import sortable_id
from orchestration.publishing.landing_inputs import committed_batch_ids
from orchestration.publishing.publish_lock import publish_lock, remove_stale_temp_files
from orchestration.publishing.published_db import copy_schemas, measure, write_publication_table
from orchestration.publishing.scopes import ManifestScopes
from orchestration.publishing.snapshot import (
    commit_snapshot,
    snapshots_root,
    temp_snapshot_dir,
    update_latest,
    write_snapshot,
)
from orchestration.publishing.withholding import apply_withholding, lifted_records, load_previous

log = logging.getLogger(__name__)

PUBLISHED_FILE = "ioc.duckdb"


@dataclass(frozen=True)
class PublicationResult:
    publication_id: str
    run_id: str
    outcome: str  # 'published' | 'blocked' ('failed' is raised, not returned)
    reason: str
    decision: GateDecision
    published_path: Path | None = None
    snapshot_path: Path | None = None
    row_counts: dict[str, int] = field(default_factory=dict)
    table_hashes: dict[str, str] = field(default_factory=dict)
    input_batch_ids: list[str] = field(default_factory=list)
    # scope -> failed checks, for departments published as last good values (stale)
    withheld: dict[str, list[str]] = field(default_factory=dict)
    withheld_records: list[dict] = field(default_factory=list)


def publish(
    *,
    build_db: Path,
    run_id: str,
    check_results: list[dict],
    expected_checks: set[str] | None,
    code_version: str,
    dbt_manifest_path: Path | None,
    schemas: tuple[str, ...] = ("kpi", "ref"),
    published_dir: Path | None = None,
    audit_dir: Path | None = None,
    landing_dir: Path | None = None,
    record_checks: bool = True,
) -> PublicationResult:
    published_dir = Path(published_dir or settings.published_dir()).resolve()
    audit_dir = Path(audit_dir or settings.audit_dir()).resolve()
    landing_dir = Path(landing_dir or settings.landing_dir()).resolve()
    publication_id = sortable_id()
    attempted_at = datetime.now(timezone.utc)
    base_row = dict(publication_id=publication_id, run_id=run_id, attempted_at=attempted_at, code_version=code_version)

    try:
        with publish_lock(published_dir):
            # Whose data each check is about and what its failure does (rows recorded without
            # attribution get it here, from the same manifest the build used).
            scopes = _manifest_scopes(dbt_manifest_path)
            check_results = attribute_check_rows(check_results, scopes=scopes, build_db=Path(build_db))
            # The checks are recorded whatever happens next: a blocked attempt must show why.
            if record_checks:  # False when the checks recorded themselves as they ran (the Dagster path)
                audit_log.append("check_results", _with_defaults(check_results, run_id, attempted_at), audit_dir=audit_dir)
            decision = decide(check_results, expected_checks)
            base_row.update(
                dbt_manifest_sha256=_sha256_file(dbt_manifest_path) if dbt_manifest_path else None,
                input_batch_ids=committed_batch_ids(landing_dir),
                gate_summary=decision.summary(),
            )
            if not decision.allowed:
                audit_log.append("publications", [{**base_row, "outcome": "blocked", "reason": decision.reason}],
                                 audit_dir=audit_dir)
                log.warning("publication %s blocked: %s", publication_id, decision.reason)
                return PublicationResult(publication_id, run_id, "blocked", decision.reason, decision,
                                         input_batch_ids=base_row["input_batch_ids"])
            return _publish_allowed(
                base_row, decision, build_db=Path(build_db), schemas=tuple(schemas),
                published_dir=published_dir, audit_dir=audit_dir, landing_dir=landing_dir, scopes=scopes,
            )
    except PostCommitError:
        raise  # the new file is live and recorded as such: a 'failed' row would be false
    except BaseException as exc:
        _record_failure(base_row, exc, audit_dir)
        raise


def _publish_allowed(
    base_row: dict, decision: GateDecision, *, build_db: Path, schemas: tuple[str, ...],
    published_dir: Path, audit_dir: Path, landing_dir: Path, scopes: ManifestScopes | None,
) -> PublicationResult:
    publication_id = base_row["publication_id"]
    remove_stale_temp_files(published_dir)
    previous = load_previous(published_dir, audit_dir)  # the publication in place: last good values
    final_db = published_dir / PUBLISHED_FILE
    temp_db = published_dir / f".{PUBLISHED_FILE}.{publication_id}.tmp"
    temp_snapshot = temp_snapshot_dir(published_dir, publication_id)
    final_snapshot = snapshots_root(published_dir) / publication_id
    snapshots_root(published_dir).mkdir(parents=True, exist_ok=True)

    try:
        con = duckdb.connect(str(temp_db), config={"memory_limit": settings.publish_memory_limit()})
        try:
            tables = copy_schemas(con, build_db, schemas)
            now = datetime.now(timezone.utc)
            withheld_records = apply_withholding(
                con, tables=tables, withheld=decision.withheld, scopes=scopes, previous=previous,
                publication_id=publication_id, run_id=base_row["run_id"], now=now,
            ) + lifted_records(previous, decision.withheld, publication_id=publication_id,
                               run_id=base_row["run_id"], now=now)
            row_counts, table_hashes = measure(con, tables)
            row = {
                **base_row, "outcome": "published", "reason": decision.reason,
                "row_counts": row_counts, "table_hashes": table_hashes,
                "published_path": str(final_db), "snapshot_path": str(final_snapshot),
                "withheld_scopes": sorted(decision.withheld),
            }
            audit_views = create_audit_views(con, audit_dir=audit_dir, landing_dir=landing_dir)
            alert_views = create_alert_views(con)  # alerts.* read the append-only alert log live
            write_publication_table(con, row)
            write_snapshot(
                con, temp_snapshot,
                [*tables, *(f"audit.{v}" for v in audit_views), *alert_views, "audit.publication"],
                _manifest(row, tables, row_counts, table_hashes, published_at=datetime.now(timezone.utc)),
            )
            con.execute("checkpoint")
        finally:
            con.close()
        fsync_file(temp_db)
        commit_snapshot(temp_snapshot, final_snapshot)
        os.replace(temp_db, final_db)  # THE commit point
    except BaseException:
        _remove_quietly(temp_db, temp_db.with_name(temp_db.name + ".wal"), temp_snapshot, final_snapshot)
        raise

    try:
        fsync_dir(published_dir)
        # The audit record first: it is the truth an auditor reads; LATEST is a convenience.
        audit_log.append("publications", [row], audit_dir=audit_dir)
        audit_log.append("withheld", withheld_records, audit_dir=audit_dir)
        update_latest(published_dir, publication_id)
    except BaseException as exc:
        raise PostCommitError(f"publication {publication_id} is live but its bookkeeping failed: {exc}") from exc
    log.info("published %s: %s", publication_id, row_counts)
    return PublicationResult(
        publication_id, base_row["run_id"], "published", decision.reason, decision,
        published_path=final_db, snapshot_path=final_snapshot, row_counts=row_counts,
        table_hashes=table_hashes, input_batch_ids=base_row["input_batch_ids"],
        withheld={s: sorted({str(r.get("check_name")) for r in rs}) for s, rs in decision.withheld.items()},
        withheld_records=withheld_records,
    )


class PostCommitError(RuntimeError):
    """The new file is already in place (committed) but recording it failed afterwards."""


def _with_defaults(check_results: list[dict], run_id: str, attempted_at: datetime) -> list[dict]:
    return [{"run_id": run_id, "checked_at": attempted_at, **{k: v for k, v in r.items() if v is not None}}
            for r in check_results]


def _manifest(row: dict, tables: list[str], row_counts: dict, table_hashes: dict, *, published_at: datetime) -> dict:
    return {
        "publication_id": row["publication_id"],
        "run_id": row["run_id"],
        "published_at": published_at.isoformat(),
        "code_version": row["code_version"],
        "dbt_manifest_sha256": row["dbt_manifest_sha256"],
        "input_batch_ids": row["input_batch_ids"],
        "withheld_scopes": row.get("withheld_scopes") or [],
        "tables": {
            t: {"file": f"{t}.parquet", "rows": row_counts[t], "content_sha256": table_hashes[t]} for t in tables
        },
        "content_hash_definition": CONTENT_HASH_DEFINITION,
    }


def _record_failure(base_row: dict, exc: BaseException, audit_dir: Path) -> None:
    try:
        audit_log.append(
            "publications", [{**base_row, "outcome": "failed", "reason": f"{type(exc).__name__}: {exc}"}],
            audit_dir=audit_dir,
        )
    except Exception:  # never mask the original error with a bookkeeping one
        log.exception("could not record failed publication %s", base_row["publication_id"])


def _manifest_scopes(path: Path | None) -> ManifestScopes | None:
    if path is None:
        return None
    return ManifestScopes(json.loads(Path(path).read_text()))


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def _remove_quietly(*paths: Path) -> None:
    for path in paths:
        try:
            if path.is_dir():
                shutil.rmtree(path)
            else:
                path.unlink(missing_ok=True)
        except OSError:
            log.exception("could not remove temp %s", path)
