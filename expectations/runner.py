"""Run one table's GX suite against the DuckDB build file and return a plain ``SuiteOutcome``.

Importing this module does not import great_expectations (~12 s); ``run_suite`` does.

Anything that keeps GX from evaluating the suite — GX not importable, no suite for the table,
the file or table missing, an expectation raising, an expectation coming back with an empty
result — is a failed outcome with ``error`` set, never a pass.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import time
import traceback
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from expectations.outcome import ExpectationOutcome, SuiteOutcome, columns_of
from expectations.registry import SuiteSpec, get_spec
from expectations.severity import severity_of

# Passed to sqlalchemy.create_engine by GX; kept in great_expectations.yml, so primitives only.
ENGINE_KWARGS: dict[str, Any] = {"connect_args": {"read_only": True}}
# SUMMARY: counts, percentages and up to 20 unexpected values, each fetched with a LIMIT.
RESULT_FORMAT: dict[str, Any] = {"result_format": "SUMMARY", "partial_unexpected_count": 20}
BATCH_DEFINITION = "whole_table"
LOCK_FILE = ".ioc_gx.lock"


def run_suite(
    db_path: str | Path, table: str, *, run_id: str, context_dir: str | Path | None = None
) -> SuiteOutcome:
    """Validate ``table`` ("schema.table") in the DuckDB file ``db_path``, opened read-only.

    Results are persisted in the file-backed GX context under ``context_dir`` (default
    ``ingestion.settings.gx_dir()``) with ``run_id`` as GX run name, so Data Docs show every run.
    """
    started_at = dt.datetime.now(dt.timezone.utc)
    t0 = time.perf_counter()
    db = Path(db_path).resolve()

    def failed(error: str, spec: SuiteSpec | None = None, tb: str | None = None) -> SuiteOutcome:
        return SuiteOutcome(
            table=table, suite_name=spec.suite_name if spec else table, run_id=run_id, db_path=str(db),
            success=False, error=error, error_traceback=tb, started_at=started_at,
            duration_s=time.perf_counter() - t0,
        )

    try:
        spec = get_spec(table)
    except KeyError as e:
        return failed(str(e.args[0]))
    if not db.is_file():
        return failed(f"DuckDB file not found: {db}", spec)
    try:
        gx = _import_gx()
    except Exception as e:  # ImportError, or anything GX's import itself raises
        return failed(f"great_expectations could not be imported: {type(e).__name__}: {e}", spec, traceback.format_exc())
    try:
        suite = spec.build()
    except Exception as e:
        return failed(f"suite {spec.suite_name} could not be built: {type(e).__name__}: {e}", spec, traceback.format_exc())

    ctx_dir = Path(context_dir) if context_dir is not None else _default_context_dir()
    try:
        with context_session(ctx_dir):
            validation = _validate(gx, ctx_dir, db, spec, suite, run_id, started_at)
    except _TableMissing as e:
        return failed(str(e), spec)
    except Exception as e:
        return failed(f"GX could not run the suite: {type(e).__name__}: {e}", spec, traceback.format_exc())

    results = _expectation_outcomes(validation, suite)
    error = None
    if len(results) != len(suite.expectations):
        error = f"GX returned {len(results)} results for {len(suite.expectations)} expectations"
    elif not_evaluated := [r for r in results if not r.evaluated]:
        error = f"GX could not evaluate {len(not_evaluated)} expectation(s): " + "; ".join(
            f"{r.label}: {r.exception_message}" for r in not_evaluated
        )
    return SuiteOutcome(
        table=table,
        suite_name=spec.suite_name,
        run_id=run_id,
        db_path=str(db),
        success=error is None and not any(r.blocking for r in results),
        error=error,
        results=tuple(results),
        evaluated_row_count=_row_count(results),
        started_at=started_at,
        duration_s=time.perf_counter() - t0,
    )


# --- GX side (everything below imports great_expectations lazily) ----------------------------


class _TableMissing(Exception):
    pass


def _import_gx() -> Any:
    import great_expectations as gx

    return gx


def _default_context_dir() -> Path:
    from ingestion.settings import gx_dir

    return gx_dir()


@contextmanager
def context_session(ctx_dir: Path) -> Iterator[None]:
    """Hold the context's lock (GX rewrites great_expectations.yml when assets change, so two
    processes must not use one context at once) and silence GX's ``schema_name`` deprecation:
    DuckDB has no per-connection schema to put in the URL, so ``schema_name`` is the way here."""
    ctx_dir.mkdir(parents=True, exist_ok=True)
    with open(ctx_dir / LOCK_FILE, "w") as fh, warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="`schema_name` is deprecated", category=DeprecationWarning)
        _lock(fh)
        yield


def _lock(fh: Any) -> None:
    try:
        import fcntl
    except ImportError:  # pragma: no cover - not POSIX: no cross-process lock
        return
    fcntl.flock(fh, fcntl.LOCK_EX)  # released when the file is closed


def open_context(gx: Any, ctx_dir: Path) -> Any:
    """The file-backed context rooted at ``ctx_dir`` (created on first use), quiet."""
    from great_expectations.data_context.types.base import ProgressBarsConfig

    context = gx.get_context(mode="file", context_root_dir=str(ctx_dir))
    bars = context.variables.progress_bars  # a ProgressBarsConfig, or a dict once read back
    flags = bars if isinstance(bars, dict) else vars(bars) if bars is not None else {}
    if flags.get("globally", True) or flags.get("metric_calculations", True):
        context.variables.progress_bars = ProgressBarsConfig(globally=False, metric_calculations=False)
        context.variables.save()
    return context


def datasource_name(db: Path) -> str:
    """One GX datasource per DuckDB file (stable name; the path is part of its hash)."""
    digest = hashlib.sha1(str(db).encode()).hexdigest()[:8]
    return f"duckdb_{re.sub(r'[^A-Za-z0-9]+', '_', db.stem)}_{digest}"


def _validate(
    gx: Any, ctx_dir: Path, db: Path, spec: SuiteSpec, suite: Any, run_id: str, run_time: dt.datetime
) -> Any:
    import sqlalchemy as sa
    from great_expectations.core.run_identifier import RunIdentifier

    # importing it registers duckdb+buffered:// (also for a datasource read back from the yml)
    from expectations.duckdb_sqlalchemy import connection_url

    context = open_context(gx, ctx_dir)
    name = datasource_name(db)
    if name in context.data_sources.all():
        datasource = context.data_sources.get(name)
    else:
        datasource = context.data_sources.add_sql(
            name=name, connection_string=connection_url(db), kwargs=ENGINE_KWARGS
        )
    try:
        engine = datasource.get_execution_engine().engine
        if not sa.inspect(engine).has_table(spec.table_name, schema=spec.schema):
            raise _TableMissing(f"table {spec.table} not found in {db}")

        # get_asset / get_batch_definition (not .assets) return objects wired to the context.
        if spec.table in {a.name for a in datasource.assets}:
            asset = datasource.get_asset(spec.table)
        else:
            asset = datasource.add_table_asset(name=spec.table, table_name=spec.table_name, schema_name=spec.schema)
        if BATCH_DEFINITION in {b.name for b in asset.batch_definitions}:
            batch = asset.get_batch_definition(BATCH_DEFINITION)
        else:
            batch = asset.add_batch_definition_whole_table(BATCH_DEFINITION)
        suite = context.suites.add_or_update(suite)
        definition = context.validation_definitions.add_or_update(
            gx.ValidationDefinition(name=f"{spec.suite_name}@{name}", data=batch, suite=suite)
        )
        run_name = re.sub(r"[^A-Za-z0-9._-]+", "_", run_id) or "run"
        return definition.run(
            run_id=RunIdentifier(run_name=run_name, run_time=run_time), result_format=RESULT_FORMAT
        )
    finally:
        # Close the read-only connection(s): the next dbt build needs the file's write lock.
        datasource.get_execution_engine().engine.dispose()
        datasource.get_engine().dispose()


# --- GX result -> plain outcome ---------------------------------------------------------------


def _expectation_outcomes(validation: Any, suite: Any) -> list[ExpectationOutcome]:
    order = {e.id: i for i, e in enumerate(suite.expectations)}
    ordered = sorted(validation.results, key=lambda r: order.get(r.expectation_config.id, len(order)))
    return [_expectation_outcome(r) for r in ordered]


def _expectation_outcome(r: Any) -> ExpectationOutcome:
    config = r.expectation_config
    kwargs = {k: v for k, v in dict(config.kwargs).items() if k != "batch_id"}
    result = dict(r.result or {})
    exception = _exception(r.exception_info)
    if exception is None and all(result.get(k) is None for k in _RESULT_KEYS):
        exception = ("GX returned no result for this expectation (empty or None)", None)
    return ExpectationOutcome(
        expectation_type=config.type,
        columns=columns_of(kwargs),
        severity=severity_of(config.meta),
        success=bool(r.success) and exception is None,
        observed_value=result.get("observed_value"),
        element_count=result.get("element_count"),
        unexpected_count=result.get("unexpected_count"),
        unexpected_percent=result.get("unexpected_percent"),
        partial_unexpected_list=tuple(result.get("partial_unexpected_list") or ()),
        exception_message=exception[0] if exception else None,
        exception_traceback=exception[1] if exception else None,
        description=getattr(config, "description", None),
        kwargs=kwargs,
    )


# An evaluated expectation reports at least one of these (element_count alone, 0, when a
# row_condition selects no rows).
_RESULT_KEYS = ("observed_value", "unexpected_count", "element_count")


def _exception(info: Any) -> tuple[str, str | None] | None:
    """GX reports either one flat exception dict or one per failed metric; None if none raised."""
    if not info:
        return None
    if "raised_exception" in info or "exception_message" in info:
        entries = [info]
    else:
        entries = [v for v in info.values() if isinstance(v, dict)]
    raised = [e for e in entries if e.get("raised_exception") or e.get("exception_message")]
    if not raised:
        return None
    message = "; ".join(dict.fromkeys(str(e.get("exception_message") or "exception raised") for e in raised))
    tb = "\n".join(str(e["exception_traceback"]) for e in raised if e.get("exception_traceback")) or None
    return message, tb


def _row_count(results: list[ExpectationOutcome]) -> int | None:
    for r in results:
        if r.expectation_type.startswith("expect_table_row_count") and isinstance(r.observed_value, int):
            return r.observed_value
    counts = [r.element_count for r in results if isinstance(r.element_count, int)]
    return max(counts) if counts else None
