"""The end-of-demo summary: what landed, what the checks found, what was published.

Everything is read back from the artefacts (landing zone, audit log, published file), never
from in-memory counters, so the summary shows what a BI tool or an auditor would see.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ingestion import settings
from orchestration.publishing import audit_log


def _landing_counts(con: duckdb.DuckDBPyConnection) -> list[tuple]:
    pattern = str(settings.landing_dir() / "*" / "batches" / "*" / "batch.parquet")
    try:
        return con.execute(
            f"""
            select source_system, count(*) batches, sum(rows_read), sum(rows_landed), sum(rows_quarantined)
            from read_parquet('{pattern}', union_by_name = true)
            group by all order by source_system
            """
        ).fetchall()
    except duckdb.IOException:
        return []


def _latest_run_checks() -> tuple[str | None, list[dict]]:
    results = audit_log.read("check_results").to_pylist()
    if not results:
        return None, []
    latest = max(results, key=lambda r: r["checked_at"])["run_id"]
    return latest, [r for r in results if r["run_id"] == latest]


def _published_facts(path: Path) -> dict:
    if not path.exists():
        return {}
    with duckdb.connect(str(path), read_only=True) as con:
        facts = {
            "tables": con.execute(
                "select table_schema || '.' || table_name from information_schema.tables "
                "where table_schema in ('kpi', 'ref') order by 1"
            ).fetchall(),
            "publication": con.execute("select * from audit.publication").fetchone(),
        }
        optional = {
            "indicators": "select count(distinct indicator_code), count(*) from kpi.indicator_values",
            "exceedances": "select count(*), count(distinct station_code) from kpi.exceedance_events",
            "aqi_hours": "select count(*), max(aqi) from kpi.air_quality_hourly",
            "sectors": "select count(*) from ref.dim_sector",
        }
        for name, sql in optional.items():
            try:
                facts[name] = con.execute(sql).fetchone()
            except duckdb.Error:
                facts[name] = None
        return facts


def print_summary() -> None:
    con = duckdb.connect()
    print("\nLanded per source system (read = landed + quarantined):")
    print(f"  {'source':<22}{'batches':>8}{'read':>12}{'landed':>12}{'quarantined':>13}")
    for source, batches, read, landed, quarantined in _landing_counts(con):
        flag = "" if read == landed + quarantined else "  ← MISMATCH"
        print(f"  {source:<22}{batches:>8}{read:>12,}{landed:>12,}{quarantined:>13,}{flag}")

    run_id, checks = _latest_run_checks()
    passed = sum(1 for c in checks if c["passed"])
    failed = [c for c in checks if not c["passed"]]
    print(f"\nChecks in run {run_id}: {passed} passed, {len(failed)} failed")
    for c in failed[:15]:
        print(f"  [{c['severity']}] {c['check_name']} on {c['target']}: {c['description'][:110]}")

    publications = audit_log.read("publications").to_pylist()
    if publications:
        last = max(publications, key=lambda r: r["attempted_at"])
        reason = last["reason"] or ""
        print(f"\nLast publication attempt: {last['outcome']} — {reason[:240]}{' …' if len(reason) > 240 else ''}")
        if last.get("withheld_scopes"):
            print(f"  withheld departments (last good values kept, marked stale): {', '.join(last['withheld_scopes'])}")

    facts = _published_facts(settings.published_db())
    if not facts:
        print("\nNothing published yet.")
        return
    print(f"\nPublished file: {settings.published_db()} (open read-only: duckdb -readonly {settings.published_db()})")
    if facts.get("indicators"):
        print(f"  indicators published: {facts['indicators'][0]} ({facts['indicators'][1]:,} values)")
    if facts.get("sectors"):
        print(f"  sectors: {facts['sectors'][0]}")
    if facts.get("aqi_hours"):
        print(f"  station-hours with VN_AQI: {facts['aqi_hours'][0]:,} (max AQI {facts['aqi_hours'][1]})")
    if facts.get("exceedances"):
        print(f"  QCVN exceedance events: {facts['exceedances'][0]:,} at {facts['exceedances'][1]} stations")
    print(f"  tables: {', '.join(t[0] for t in facts['tables'])}")
    print(f"  Parquet snapshot: {settings.published_dir() / 'snapshots'}")
