"""Everything one audit report shows, read back from the artefacts (never from a running process).

* the attempt: its ``audit.publications`` record (the append-only log under ``data/audit/``);
* its checks: ``audit.check_results`` rows of the attempt's run;
* what was withheld: ``audit.withheld`` records of the publication;
* what was published: the publication's Parquet snapshot (``published/snapshots/<id>/``) and its
  manifest — the frozen state, so a report made a month later shows what was published then;
* quarantine and batches: the snapshot's ``audit.*`` copies (as of publication time); for an
  attempt that published nothing, the landing zone's committed batches named in the record;
* lineage: ``source_batch_ids`` of ``kpi.indicator_values`` rows, and for the other ``kpi``
  tables the dbt lineage (sources upstream) to the batches of those sources.
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb

from ingestion import settings
from orchestration.publishing import audit_log
from orchestration.publishing.gate import effective_gate, withheld_scopes
from orchestration.publishing.landing_inputs import landing_glob
from orchestration.publishing.scopes import SHARED, ManifestScopes
from orchestration.publishing.snapshot import MANIFEST, read_latest, snapshots_root
from orchestration.publishing.sql import literal


@dataclass
class ReportData:
    publication: dict
    checks: list[dict]
    withheld: list[dict]
    lifted: list[dict]
    history: list[dict]  # every attempt up to and including this one, oldest first
    tables: list[dict] = field(default_factory=list)  # name, rows, stale_rows, content_sha256
    batches: list[dict] = field(default_factory=list)  # ingestion batches known at publication
    quarantine_by_source: list[dict] = field(default_factory=list)  # source_system, reason code, rows
    indicator_lineage: list[dict] = field(default_factory=list)
    table_lineage: list[dict] = field(default_factory=list)
    snapshot_dir: Path | None = None
    manifest_note: str | None = None
    is_current: bool = False

    @property
    def publication_id(self) -> str:
        return self.publication["publication_id"]

    @property
    def gate_summary(self) -> dict:
        try:
            return json.loads(self.publication.get("gate_summary") or "{}")
        except ValueError:
            return {}

    def check_verdict(self, check: dict) -> str:
        """passed | warning | withheld | blocking — what the check did to this attempt.

        The gate's own verdict (``gate_summary`` of the attempt) wins over re-deriving it."""
        if check.get("passed") is True:
            return "passed"
        summary = self.gate_summary
        name = str(check.get("check_name"))
        if any(name in names for names in (summary.get("withheld") or {}).values()):
            return "withheld"
        if any(label == name or label.startswith(f"{name} on ") for label in summary.get("blocked_by") or []):
            return "blocking"
        gate = effective_gate(check)
        if gate == "warn":
            return "warning"
        if gate == "withhold" and withheld_scopes(check):
            return "withheld"
        return "blocking"


def resolve_publication_id(requested: str, *, audit_dir: Path | None = None, published_dir: Path | None = None) -> str:
    """``latest`` = the most recent attempt (any outcome); ``current`` = the one in ioc.duckdb."""
    publications = audit_log.read("publications", audit_dir=audit_dir).to_pylist()
    if requested == "current":
        current = read_latest(Path(published_dir or settings.published_dir()))
        if not current:
            raise LookupError("nothing has been published yet")
        return current
    if requested == "latest":
        if not publications:
            raise LookupError("no publication attempt recorded yet")
        return max(publications, key=lambda r: (r["attempted_at"], r["publication_id"]))["publication_id"]
    matches = [r["publication_id"] for r in publications if r["publication_id"].startswith(requested)]
    if len(matches) != 1:
        raise LookupError(f"{len(matches)} publication attempts match {requested!r}")
    return matches[0]


def load_report_data(
    publication_id: str, *, audit_dir: Path | None = None, published_dir: Path | None = None,
    landing_dir: Path | None = None, manifest_path: Path | None = None,
) -> ReportData:
    audit_dir = Path(audit_dir or settings.audit_dir())
    published_dir = Path(published_dir or settings.published_dir())
    landing_dir = Path(landing_dir or settings.landing_dir())
    publications = audit_log.read("publications", audit_dir=audit_dir).to_pylist()
    (publication,) = [r for r in publications if r["publication_id"] == publication_id] or [None]
    if publication is None:
        raise LookupError(f"no publication attempt {publication_id} in {audit_dir}")
    history = sorted((r for r in publications if r["attempted_at"] <= publication["attempted_at"]),
                     key=lambda r: r["attempted_at"])
    checks = [r for r in audit_log.read("check_results", audit_dir=audit_dir).to_pylist()
              if r["run_id"] == publication["run_id"]]
    withheld_all = [r for r in audit_log.read("withheld", audit_dir=audit_dir).to_pylist()
                    if r["publication_id"] == publication_id]
    data = ReportData(
        publication=publication, checks=checks, history=history,
        withheld=[r for r in withheld_all if r["until"] is None],
        lifted=[r for r in withheld_all if r["until"] is not None],
        is_current=read_latest(published_dir) == publication_id,
    )
    scopes = _scopes(manifest_path, publication, data)
    _fill_scopes(checks, scopes, data.gate_summary.get("failed") or {})

    snapshot = snapshots_root(published_dir) / publication_id
    with duckdb.connect() as con:
        if publication["outcome"] == "published" and (snapshot / MANIFEST).is_file():
            data.snapshot_dir = snapshot
            _load_published(con, data, snapshot, scopes)
        else:
            _load_landing(con, data, landing_dir, set(publication.get("input_batch_ids") or []))
    return data


# --- parts --------------------------------------------------------------------------------


def _scopes(manifest_path: Path | None, publication: dict, data: ReportData) -> ManifestScopes | None:
    from orchestration.dbt_project_config import MANIFEST_PATH

    path = Path(manifest_path or MANIFEST_PATH)
    if not path.is_file():
        data.manifest_note = f"dbt manifest {path} not found: table lineage and unattributed checks not resolved"
        return None
    import hashlib

    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if publication.get("dbt_manifest_sha256") and digest != publication["dbt_manifest_sha256"]:
        data.manifest_note = ("table lineage read from the current dbt manifest, which differs from the one "
                              f"this publication was built with (sha256 {publication['dbt_manifest_sha256'][:12]}…)")
    return ManifestScopes(json.loads(path.read_text()))


def _fill_scopes(checks: list[dict], scopes: ManifestScopes | None, gate_view: dict) -> None:
    """Checks recorded without attribution: as the gate attributed them (failed ones, kept in the
    publication's gate_summary), else derived from the manifest the way the gate does."""
    for check in checks:
        seen = gate_view.get(str(check.get("check_name")))
        if seen and not check.get("scope"):
            check.update(scope=seen.get("scope"), gate=seen.get("gate"), failing_scopes=seen.get("failing_scopes"))
    if scopes is None:
        return
    from orchestration.publishing.attribution import attribute_check_rows

    missing = [c for c in checks if not c.get("scope")]
    for check, attributed in zip(missing, attribute_check_rows(missing, scopes=scopes)):
        check.update(scope=attributed["scope"], gate=attributed["gate"],
                     failing_scopes=check.get("failing_scopes") or attributed.get("failing_scopes"))


def _load_published(con: duckdb.DuckDBPyConnection, data: ReportData, snapshot: Path,
                    scopes: ManifestScopes | None) -> None:
    manifest = json.loads((snapshot / MANIFEST).read_text())
    for name, entry in sorted(manifest["tables"].items()):
        path = snapshot / entry["file"]
        columns = _columns(con, path)
        stale = 0
        if "is_stale" in columns:
            stale = con.execute(f"select count(*) filter (where is_stale) from read_parquet({literal(str(path))})").fetchall()[0][0]
        data.tables.append(dict(name=name, rows=entry["rows"], stale_rows=stale, content_sha256=entry["content_sha256"]))

    batches_file = snapshot / "audit.ingestion_batches.parquet"
    if batches_file.is_file():
        data.batches = _rows(con, f"select * from read_parquet({literal(str(batches_file))}) order by source_system, loaded_at")
    quarantine_file = snapshot / "audit.quarantine.parquet"
    if quarantine_file.is_file():
        data.quarantine_by_source = _quarantine(con, f"read_parquet({literal(str(quarantine_file))})")

    indicators = snapshot / "kpi.indicator_values.parquet"
    catalogue = snapshot / "ref.dim_indicator.parquet"
    if indicators.is_file():
        data.indicator_lineage = _indicator_lineage(con, indicators, catalogue if catalogue.is_file() else None,
                                                    {b["batch_id"]: b for b in data.batches})
    data.table_lineage = _table_lineage(data, scopes)


def _load_landing(con: duckdb.DuckDBPyConnection, data: ReportData, landing_dir: Path, batch_ids: set[str]) -> None:
    def committed(file_name: str) -> str | None:
        pattern = landing_glob(file_name, landing_dir)
        return f"read_parquet({literal(pattern)}, union_by_name = true)" if any(landing_dir.glob(f"*/batches/*/{file_name}")) else None

    batches = committed("batch.parquet")
    if batches:
        data.batches = [b for b in _rows(con, f"select * from {batches} order by source_system, loaded_at")
                        if b["batch_id"] in batch_ids]
    quarantine = committed("quarantine.parquet")
    if quarantine and batch_ids:
        ids = ", ".join(literal(b) for b in sorted(batch_ids))
        data.quarantine_by_source = _quarantine(con, f"(select * from {quarantine} where batch_id in ({ids}))")


def _quarantine(con: duckdb.DuckDBPyConnection, relation: str) -> list[dict]:
    # reason = '<stable code>: <detail>' by the landing contract; the code is what to count by
    return _rows(con, f"""
        select source_system, trim(split_part(reason, ':', 1)) as reason_code, count(*) as rows,
               count(distinct batch_id) as batches, any_value(source_file) as example_file,
               any_value(line_number) as example_line
        from {relation}
        group by all
        order by source_system, rows desc""")


def _indicator_lineage(con: duckdb.DuckDBPyConnection, indicators: Path, catalogue: Path | None,
                       batches: dict[str, dict]) -> list[dict]:
    known = set(_columns(con, catalogue)) if catalogue else set()
    names = ", ".join(f"any_value(c.{c}) as {c}" if c in known else f"null as {c}" for c in ("name_en", "source_system"))
    join = f"left join read_parquet({literal(str(catalogue))}) c using (indicator_code)" if catalogue else ""
    stale = "count(*) filter (where v.is_stale)" if "is_stale" in _columns(con, indicators) else "0"
    rows = _rows(con, f"""
        select v.indicator_code, {names}, count(*) as n_values, {stale} as n_stale,
               min(v.period_start) as first_period, max(v.period_start) as last_period,
               list_sort(list_distinct(flatten(list(v.source_batch_ids)))) as batch_ids
        from read_parquet({literal(str(indicators))}) v {join}
        group by v.indicator_code order by v.indicator_code""")
    for row in rows:
        known = [batches[b] for b in row["batch_ids"] or [] if b in batches]
        row["sources"] = sorted({f"{b['source_system']}.{b['dataset']}" for b in known})
        row["batch_refs"] = [f"{b['batch_id']} ({b['source_system']}/{b['dataset']}: {b['source_ref']})" for b in known]
        row["unknown_batches"] = len(row["batch_ids"] or []) - len(known)
    return rows


def _table_lineage(data: ReportData, scopes: ManifestScopes | None) -> list[dict]:
    if scopes is None:
        return []
    by_source: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for batch in data.batches:
        by_source[(batch["source_system"], batch["dataset"])].append(batch)
    lineage = []
    for table in data.tables:
        uid = scopes.unique_id_of(table["name"])
        if uid is None:
            continue
        sources = sorted(_upstream_sources(scopes, uid))
        batches = [b for s in sources for b in by_source.get(s, [])]
        lineage.append(dict(table=table["name"], scope=scopes.node_scope(uid),
                            sources=[f"{s}.{t}" for s, t in sources], batches=len(batches),
                            last_loaded_at=max((b["loaded_at"] for b in batches), default=None)))
    return lineage


def _upstream_sources(scopes: ManifestScopes, unique_id: str, seen: set | None = None) -> set[tuple[str, str]]:
    seen = seen if seen is not None else set()
    if unique_id in seen:
        return set()
    seen.add(unique_id)
    if unique_id in scopes.sources:
        source = scopes.sources[unique_id]
        return {(source["source_name"], source["name"])}
    parents = (scopes.nodes.get(unique_id, {}).get("depends_on") or {}).get("nodes") or []
    return set().union(*(_upstream_sources(scopes, p, seen) for p in parents)) if parents else set()


def summarise_checks(data: ReportData) -> dict[str, Counter]:
    """scope -> Counter of verdicts (passed, warning, withheld, blocking)."""
    out: dict[str, Counter] = defaultdict(Counter)
    for check in data.checks:
        out[check.get("scope") or SHARED][data.check_verdict(check)] += 1
    return dict(sorted(out.items()))


def _columns(con: duckdb.DuckDBPyConnection, path: Path) -> list[str]:
    return list(con.sql(f"select * from read_parquet({literal(str(path))}) limit 0").columns)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    rel = con.sql(sql)
    return [dict(zip(rel.columns, r)) for r in rel.fetchall()]
