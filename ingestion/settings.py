"""Where everything lives on disk. One place, driven by the environment.

Every path the product reads or writes is derived from ``IOC_DATA_DIR`` (default:
``<repo>/data``) unless a more specific variable overrides it, so a deployment points the
connectors at the real departmental systems without code changes.
"""

from __future__ import annotations

import os
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent


def data_dir() -> Path:
    return Path(os.environ.get("IOC_DATA_DIR", REPO_ROOT / "data")).resolve()


def _path(var: str, default: Path) -> Path:
    value = os.environ.get(var)
    return Path(value).resolve() if value else default


def sources_dir() -> Path:
    """Where the simulators stand up the departmental systems (file drops, SQLite files...)."""
    return _path("IOC_SOURCES_DIR", data_dir() / "sources")


def env_drop_dir() -> Path:
    """Circular 10/2021 drop folder of the automatic monitoring stations (FTP target in real life)."""
    return _path("IOC_ENV_DROP_DIR", sources_dir() / "env_monitoring" / "drop")


def env_station_registry() -> Path:
    return _path("IOC_ENV_STATION_REGISTRY", sources_dir() / "env_monitoring" / "stations.csv")


def landing_dir() -> Path:
    """Immutable Parquet batches: landing/<source_system>/batches/<batch_id>/<dataset>.parquet."""
    return _path("IOC_LANDING_DIR", data_dir() / "landing")


def build_db() -> Path:
    """The dbt build DuckDB file. Only dbt writes it."""
    return _path("IOC_BUILD_DB", data_dir() / "warehouse" / "build.duckdb")


def published_dir() -> Path:
    return _path("IOC_PUBLISHED_DIR", data_dir() / "published")


def published_db() -> Path:
    return published_dir() / "ioc.duckdb"


def audit_dir() -> Path:
    """Append-only audit log (Parquet, one file per event, never rewritten)."""
    return _path("IOC_AUDIT_DIR", data_dir() / "audit")


def gx_dir() -> Path:
    """File-backed Great Expectations context: persisted validation results and Data Docs."""
    return _path("IOC_GX_DIR", data_dir() / "gx")


def duckdb_memory_limit() -> str:
    """Memory cap of every DuckDB the product opens for heavy work (dbt's profile reads the same
    variable): past it DuckDB spills to disk rather than taking 80 % of RAM."""
    return os.environ.get("IOC_DUCKDB_MEMORY_LIMIT", "3GB")


def publish_memory_limit() -> str:
    """The publisher's DuckDB cap: it copies and hashes tables, which spill well, and it may share
    its process with other steps (in-process runs), so it gets less than dbt's own process."""
    return os.environ.get("IOC_PUBLISH_MEMORY_LIMIT", "1GB")
