"""Parquet snapshot of a publication: ``published/snapshots/<publication_id>/``.

One Parquet file per published table (``<schema>.<table>.parquet``) and per audit view as it
stood at publication time (``audit.<name>.parquet``), plus ``manifest.json``. The directory is
assembled under a hidden ``.<publication_id>.tmp`` name and renamed into place complete.
``snapshots/LATEST`` holds the id of the publication currently in ``ioc.duckdb``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import duckdb

from orchestration.publishing.fsio import atomic_write_bytes, fsync_dir, fsync_file
from orchestration.publishing.sql import literal, qualified

LATEST = "LATEST"
MANIFEST = "manifest.json"


def snapshots_root(published_dir: Path) -> Path:
    return published_dir / "snapshots"


def temp_snapshot_dir(published_dir: Path, publication_id: str) -> Path:
    return snapshots_root(published_dir) / f".{publication_id}.tmp"


def write_snapshot(con: duckdb.DuckDBPyConnection, directory: Path, tables: list[str], manifest: dict) -> None:
    """Export ``tables`` (qualified names readable through ``con``) and write the manifest last."""
    directory.mkdir(parents=True, exist_ok=False)
    for table in tables:
        path = directory / f"{table}.parquet"
        con.execute(f"copy (select * from {qualified(table)}) to {literal(str(path))} (format parquet)")
        fsync_file(path)
    (directory / MANIFEST).write_text(json.dumps(manifest, indent=2, sort_keys=True, default=str) + "\n")
    fsync_file(directory / MANIFEST)
    fsync_dir(directory)


def commit_snapshot(temp_dir: Path, final_dir: Path) -> None:
    os.rename(temp_dir, final_dir)
    fsync_dir(final_dir.parent)


def update_latest(published_dir: Path, publication_id: str) -> None:
    atomic_write_bytes(snapshots_root(published_dir) / LATEST, f"{publication_id}\n".encode())


def read_latest(published_dir: Path) -> str | None:
    path = snapshots_root(published_dir) / LATEST
    return path.read_text().strip() if path.exists() else None
