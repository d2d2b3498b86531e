"""dbt models as Dagster assets; dbt tests as asset checks; every result into the audit log.

dbt tests of severity ``error`` are blocking asset checks (dagster-dbt's default): if one fails,
Dagster does not start the publish step. ``warn`` tests are recorded and shown, never blocking.

Owners are the departments whose data a model is built from (the dbt lineage, as the publish
gate attributes checks); shared and cross-department models belong to the data platform team.
After dbt finishes, each built table's row count and column types (DuckDB) with the manifest's
column descriptions are added to its materialisation.
"""

import os
from contextlib import contextmanager
from typing import Any, Iterator, Mapping

import dagster as dg
from dagster_dbt import DagsterDbtTranslator, DagsterDbtTranslatorSettings, DbtCliResource, dbt_assets

from expectations.registry import checked_tables
from ingestion import settings
from ingestion.registry import discover_sources
from orchestration.dbt_project_config import dbt_project, ensure_dbt_environment, load_manifest
from orchestration.dbt_results import check_rows_from_run_results
from orchestration.defs.partitions import DAILY, LOCAL
from orchestration.publishing.scopes import ManifestScopes

PLATFORM_TEAM = "team:data_platform"
DATA_DOCS = settings.gx_dir() / "uncommitted" / "data_docs" / "local_site" / "index.html"
# Vietnamese names of the published tables, shown first in their descriptions.
NAMES_VI = {
    "kpi.indicator_values": "Giá trị chỉ tiêu theo địa bàn và kỳ",
    "kpi.indicator_latest": "Giá trị mới nhất của từng chỉ tiêu",
    "kpi.sector_scorecard": "Bảng điểm theo lĩnh vực",
    "kpi.air_quality_hourly": "Chỉ số chất lượng không khí VN_AQI theo giờ",
    "kpi.exceedance_events": "Sự cố vượt quy chuẩn QCVN",
    "kpi.station_hourly": "Trung bình giờ tại trạm quan trắc",
    "kpi.traffic_segment_hourly": "Lưu lượng và tốc độ giao thông theo giờ",
    "kpi.feedback_handling": "Xử lý phản ánh hiện trường",
    "kpi.public_service_on_time": "Tỷ lệ hồ sơ hành chính đúng hạn",
    "ref.dim_indicator": "Danh mục chỉ tiêu",
    "ref.dim_area": "Danh mục địa bàn hành chính",
    "ref.dim_sector": "Danh mục lĩnh vực",
    "ref.qcvn_limits": "Giới hạn quy chuẩn QCVN",
}


class IocDbtTranslator(DagsterDbtTranslator):
    """Keys follow the warehouse schema (``kpi/indicator_values``); groups follow the layer."""

    def __init__(self, settings: DagsterDbtTranslatorSettings, manifest: Mapping[str, Any]):
        super().__init__(settings)
        self._scopes = ManifestScopes(manifest)
        self._departments = {s.source_system: s.department for s in discover_sources()}
        self._checked = set(checked_tables())

    def get_asset_key(self, props: Mapping[str, Any]) -> dg.AssetKey:
        if props["resource_type"] == "source":
            return super().get_asset_key(props)
        name = props.get("alias") or props["name"]
        return dg.AssetKey([props["schema"], name])

    def get_group_name(self, props: Mapping[str, Any]) -> str | None:
        if props["resource_type"] == "source":
            return super().get_group_name(props)
        return f"warehouse_{props['schema']}"

    def get_owners(self, props: Mapping[str, Any]):
        scope = self._scopes.node_scope(props["unique_id"]) if props.get("unique_id") else None
        department = self._departments.get(scope or "")
        return [f"team:{department}"] if department else [PLATFORM_TEAM]

    def get_description(self, props: Mapping[str, Any]) -> str:
        relation = f"{props.get('schema')}.{props.get('alias') or props.get('name')}"
        meta = {**(props.get("meta") or {}), **((props.get("config") or {}).get("meta") or {})}
        name_vi = meta.get("name_vi") or NAMES_VI.get(relation)
        description = super().get_description(props)
        return f"**{name_vi}** — {description}" if name_vi else description

    def get_metadata(self, props: Mapping[str, Any]) -> Mapping[str, Any]:
        metadata = dict(super().get_metadata(props))
        relation = f"{props.get('schema')}.{props.get('alias') or props.get('name')}"
        if relation in self._checked:
            metadata["gx_data_docs"] = dg.MetadataValue.path(str(DATA_DOCS))  # `make docs` (re)builds it
        systems = self._scopes.upstream_systems(props["unique_id"]) if props.get("unique_id") else ()
        if systems:
            metadata["source_systems"] = ", ".join(sorted(systems))
        return metadata


TRANSLATOR = IocDbtTranslator(DagsterDbtTranslatorSettings(enable_asset_checks=True), load_manifest())


def _relation_metadata(relations: set[str], manifest: Mapping[str, Any]) -> dict[str, dict]:
    """Row count (tables only) and column schema (DuckDB types, manifest descriptions) of each
    built relation.

    Read after dbt has exited: the build file has one writer, and while dbt runs it is dbt."""
    import duckdb

    if not relations or not settings.build_db().exists():
        return {}
    descriptions = {
        f"{n['schema']}.{n.get('alias') or n['name']}": {c: (v.get("description") or None) for c, v in n.get("columns", {}).items()}
        for n in manifest["nodes"].values() if n["resource_type"] in ("model", "seed")
    }
    out: dict[str, dict] = {}
    with duckdb.connect(str(settings.build_db()), read_only=True) as con:
        columns: dict[str, list[tuple[str, str]]] = {}
        for schema, table, column, data_type in con.execute(
            "select table_schema, table_name, column_name, data_type from information_schema.columns "
            "order by table_schema, table_name, ordinal_position"
        ).fetchall():
            columns.setdefault(f"{schema}.{table}", []).append((column, data_type))
        tables = {f"{s}.{t}" for s, t in con.execute(
            "select table_schema, table_name from information_schema.tables where table_type = 'BASE TABLE'").fetchall()}
        for relation in sorted(relations & set(columns)):
            schema, table = relation.split(".", 1)
            out[relation] = {"dagster/column_schema": dg.TableSchema(columns=[
                dg.TableColumn(c, t, description=descriptions.get(relation, {}).get(c)) for c, t in columns[relation]
            ])}
            if relation in tables:  # a view's count would re-run it (over all landing Parquet: history)
                count = con.execute(f'select count(*) from "{schema}"."{table}"').fetchone()[0]
                out[relation]["dagster/row_count"] = dg.MetadataValue.int(count)
    return out


def run_dbt(context: dg.AssetExecutionContext, dbt: DbtCliResource, args: list[str]) -> Iterator:
    """``dbt <args>`` for the selected subset: stream it, record every result in the audit log,
    then add row counts and column schemas to the materialisations."""
    from orchestration.publishing import audit_log  # DuckDB/pyarrow: at run time, not at load

    ensure_dbt_environment()
    # A refresh runs the warehouse in up to three dbt invocations (full-refresh models before and
    # after the daily ones). "buildable": an invocation runs a test only when every model it reads is
    # selected or upstream of the selection, so no test judges a table another step has not built yet.
    os.environ.setdefault("DBT_INDIRECT_SELECTION", "buildable")
    invocation = dbt.cli(args, context=context)
    events = []
    try:
        events = list(invocation.stream())
    finally:
        # Recorded even when dbt fails: auditors must see the tests that failed, not only passes.
        run_results = invocation.get_artifact("run_results.json")
        rows = check_rows_from_run_results(run_results, invocation.manifest, run_id=context.run.run_id)
        audit_log.append("check_results", rows)
        context.log.info("recorded %d dbt results in the audit log", len(rows))
    keys = context.assets_def.keys_by_output_name
    relation_of = {name: ".".join(key.path) for name, key in keys.items()}
    built = {relation_of[e.output_name] for e in events if isinstance(e, dg.Output) and e.output_name in relation_of}
    extra = _relation_metadata(built, invocation.manifest)
    for event in events:
        if isinstance(event, dg.Output) and relation_of.get(event.output_name) in extra:
            event = event.with_metadata({**event.metadata, **extra[relation_of[event.output_name]]})
        yield event

def _as_vars(start, end) -> dict[str, str]:
    return {name: moment.astimezone(LOCAL).strftime("%Y-%m-%d %H:%M:%S")
            for name, moment in (("window_start", start), ("window_end", end))}


@contextmanager
def window_environment(variables: Mapping[str, str]) -> Iterator[None]:
    """The window for the dbt process as IOC_WINDOW_START / IOC_WINDOW_END (dbt macro window_var),
    not ``--vars``: changed vars make dbt re-parse the whole project on every run, environment
    variables read at execution do not. Unset when there is no window (recompute everything),
    and restored afterwards: in-process runs share one environment between steps."""
    names = {f"IOC_{name.upper()}": variables.get(name) for name in ("window_start", "window_end")}
    saved = {name: os.environ.get(name) for name in names}
    try:
        _set_environment(names)
        yield
    finally:
        _set_environment(saved)


def _set_environment(values: Mapping[str, str | None]) -> None:
    for name, value in values.items():
        if value is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = value


def window_vars(context: dg.AssetExecutionContext) -> dict[str, str]:
    """The run's partition window (a day or a range of days) as the dbt vars of the incremental
    models, in Vietnam wall-clock time like the timestamps they filter."""
    window = context.partition_time_window
    return _as_vars(window.start, window.end)


def run_window_vars(context: dg.AssetExecutionContext) -> dict[str, str]:
    """The same window for the unpartitioned block, read from the run's partition tags: in a daily
    run (ioc_refresh_job, warehouse_refresh_job) the indicator models downstream of the daily
    block recompute only what that window can have changed. No daily partition (a run of another
    job, or none): no vars, and every model is recomputed in full."""
    tags = context.run.tags
    first = tags.get("dagster/asset_partition_range_start") or tags.get("dagster/partition")
    last = tags.get("dagster/asset_partition_range_end") or tags.get("dagster/partition")
    if not first or not last:
        return {}
    try:
        return _as_vars(DAILY.time_window_for_partition_key(first).start, DAILY.time_window_for_partition_key(last).end)
    except Exception:  # not a day key (e.g. a monthly run): recompute in full
        return {}


# Two blocks, one per execution profile (dbt selectors in dbt_project/selectors.yml).
@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    selector="daily_partitioned",
    name="warehouse_daily_models",
    dagster_dbt_translator=TRANSLATOR,
    partitions_def=DAILY,
    backfill_policy=dg.BackfillPolicy.single_run(),  # a backfill of N days is one dbt run over N days
    pool="build_duckdb",  # one writer of the build DuckDB file at a time
)
def warehouse_daily_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """Incremental models, one partition window at a time: the window is deleted and recomputed."""
    variables = window_vars(context)
    context.log.info("dbt window %s → %s (+07)", variables["window_start"], variables["window_end"])
    with window_environment(variables):
        yield from run_dbt(context, dbt, ["build"])


@dbt_assets(
    manifest=dbt_project().manifest_path,
    project=dbt_project(),
    selector="full_refresh",
    name="warehouse_dbt_models",
    dagster_dbt_translator=TRANSLATOR,
    pool="build_duckdb",  # one writer of the build DuckDB file at a time
)
def warehouse_dbt_models(context: dg.AssetExecutionContext, dbt: DbtCliResource):
    """Everything else; the incremental indicator models take the run's daily window, if any."""
    variables = run_window_vars(context)
    if variables:
        context.log.info("dbt window %s → %s (+07)", variables["window_start"], variables["window_end"])
    with window_environment(variables):
        yield from run_dbt(context, dbt, ["build"])


def defs() -> dg.Definitions:
    return dg.Definitions(
        assets=[warehouse_daily_models, warehouse_dbt_models],
        resources={"dbt": DbtCliResource(project_dir=dbt_project())},
    )
