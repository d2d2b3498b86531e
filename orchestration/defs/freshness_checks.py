"""Freshness checks: every source dataset and every published KPI table, from its cadence.

Two multi-asset checks named ``freshness`` (rules in ``orchestration/freshness.py``):

* on each ingestion asset: when did rows last land (the landing zone, not the run history: a
  run that lands nothing does not make a stopped source fresh), against ``cadence_minutes``;
* on each published ``kpi.*`` table: its newest period in the *published* file (what BI reads),
  against the catalogue frequency (``ref.dim_indicator``) of its source systems.

They are WARN, non-blocking, and not part of the refresh jobs. Declarative automation runs them
every 15 minutes (their ``automation_condition``, evaluated by ``freshness_automation_sensor``), so
a source that stopped turns its check red in the UI even when nothing else runs;
``freshness_checks_job`` runs them all on demand. Every verdict is appended to ``audit.check_results``.
"""

from datetime import datetime, timezone

import dagster as dg

from ingestion import settings
from orchestration.dbt_project_config import load_manifest
from orchestration.defs.ingestion_assets import asset_key, ingestion_specs
from orchestration.defs.partitions import TIMEZONE
from orchestration.freshness import Verdict, kpi_verdicts, max_age_for_cadence, source_verdict
from orchestration.landing_state import last_landing
from orchestration.publishing.scopes import ManifestScopes

CHECK_NAME = "freshness"
EVERY_15_MINUTES = (
    dg.AutomationCondition.cron_tick_passed("*/15 * * * *", TIMEZONE) & ~dg.AutomationCondition.in_progress()
).with_label("every 15 minutes (Asia/Ho_Chi_Minh)")
SPECS = {asset_key(s, d): (s, d) for s, d in ingestion_specs()}


def _minutes(delta) -> int:
    return int(delta.total_seconds() // 60)


def now() -> datetime:
    """The clock of the checks (tests move it forward)."""
    return datetime.now(timezone.utc)


def _kpi_tables() -> list[str]:
    manifest = load_manifest()
    return sorted(
        f"{n['schema']}.{n.get('alias') or n['name']}"
        for n in manifest["nodes"].values()
        if n["resource_type"] == "model" and n["schema"] == "kpi"
    )


def _result(key: dg.AssetKey, verdict: Verdict) -> dg.AssetCheckResult:
    metadata = {"description": verdict.description, **{k: v for k, v in verdict.details.items() if v is not None}}
    if verdict.last_update is not None:
        metadata["dagster/last_updated_timestamp"] = dg.MetadataValue.timestamp(verdict.last_update)
        metadata["age_minutes"] = round(verdict.age.total_seconds() / 60, 1)
    if verdict.max_age is not None:
        metadata["max_age_minutes"] = round(verdict.max_age.total_seconds() / 60, 1)
    return dg.AssetCheckResult(
        asset_key=key, check_name=CHECK_NAME, passed=verdict.passed, severity=dg.AssetCheckSeverity.WARN,
        description=verdict.description, metadata=metadata,
    )


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            CHECK_NAME, asset=key, blocking=False, automation_condition=EVERY_15_MINUTES,
            description=(f"Rows landed within the last {_minutes(max_age_for_cadence(d.cadence_minutes))} min "
                         f"(cadence {d.cadence_minutes} min); judged on the landing zone, not on run history."),
        )
        for key, (_, d) in SPECS.items()
    ],
    can_subset=True,
    name="source_freshness",
)
def source_freshness(context: dg.AssetCheckExecutionContext):
    from orchestration.publishing import audit_log  # DuckDB/pyarrow: at run time, not at load

    moment, rows = now(), []
    for check_key in sorted(context.selected_asset_check_keys, key=lambda k: k.asset_key.to_user_string()):
        source, dataset = SPECS[check_key.asset_key]
        latest = last_landing(source.source_system, dataset.name)
        verdict = source_verdict(check_key.asset_key.to_user_string(), latest.loaded_at if latest else None,
                                 dataset.cadence_minutes, moment)
        rows.append(verdict.audit_row(run_id=context.op_execution_context.run_id, scope=source.source_system))
        if not verdict.passed:
            context.log.warning("stale source %s: %s", verdict.target, verdict.description)
        yield _result(check_key.asset_key, verdict)
    audit_log.append("check_results", rows)


KPI_TABLES = _kpi_tables()


@dg.multi_asset_check(
    specs=[
        dg.AssetCheckSpec(
            CHECK_NAME, asset=dg.AssetKey(table.split(".")), blocking=False, automation_condition=EVERY_15_MINUTES,
            description="Newest period of the published table against the catalogue frequency of its indicators.",
        )
        for table in KPI_TABLES
    ],
    can_subset=True,
    name="kpi_freshness",
)
def kpi_freshness(context: dg.AssetCheckExecutionContext):
    import duckdb

    from orchestration.publishing import audit_log

    scopes = ManifestScopes(load_manifest())
    published = settings.published_dir() / "ioc.duckdb"
    selected = {".".join(k.asset_key.path): k for k in context.selected_asset_check_keys}
    frequencies: dict[str, set[str]] = {}
    if published.exists():
        with duckdb.connect(str(published), read_only=True) as con:
            for system, frequency in con.execute("select distinct source_system, frequency from ref.dim_indicator").fetchall():
                frequencies.setdefault(system, set()).add(frequency)
    by_table = {t: sorted({f for s in (scopes.relation_systems(t) or ()) for f in frequencies.get(s, ())})
                for t in sorted(selected)}
    rows = []
    for verdict in kpi_verdicts(published, by_table, now()):
        rows.append(verdict.audit_row(run_id=context.op_execution_context.run_id, scope=scopes.relation_scope(verdict.target)))
        if not verdict.passed:
            context.log.warning("stale KPI table %s: %s", verdict.target, verdict.description)
        yield _result(selected[verdict.target].asset_key, verdict)
    audit_log.append("check_results", rows)


FRESHNESS_CHECKS = dg.AssetSelection.checks(source_freshness, kpi_freshness)

freshness_checks_job = dg.define_asset_job(
    "freshness_checks_job",
    selection=FRESHNESS_CHECKS,
    description="Freshness of every source (landing zone) and published KPI table (published file).",
)

freshness_automation_sensor = dg.AutomationConditionSensorDefinition(
    "freshness_automation_sensor",
    target=FRESHNESS_CHECKS,
    default_status=dg.DefaultSensorStatus.RUNNING,
    minimum_interval_seconds=60,
    description="Evaluates the freshness checks' automation condition: every 15 minutes, Vietnam time.",
)


def defs() -> dg.Definitions:
    return dg.Definitions(asset_checks=[source_freshness, kpi_freshness], jobs=[freshness_checks_job],
                          sensors=[freshness_automation_sensor])
