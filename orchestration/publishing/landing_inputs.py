"""What the publisher reads from the landing zone: committed batches and their record files.

Only ``batches/*/`` is read: a batch still under ``.staging/`` is not committed and does not
exist as far as lineage is concerned. ``batch.parquet`` is written last, so its presence marks a
complete batch.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow as pa

from ingestion import landing, settings

# audit view name -> (file in every batch directory, its schema per the landing contract)
LANDING_VIEWS: dict[str, tuple[str, pa.Schema]] = {
    "ingestion_batches": ("batch.parquet", landing.BATCH_SCHEMA),
    "quarantine": ("quarantine.parquet", landing.QUARANTINE_SCHEMA),
    "ingestion_files": ("files.parquet", landing.FILES_SCHEMA),
}


def landing_glob(file_name: str, landing_dir: Path | None = None) -> str:
    return str((landing_dir or settings.landing_dir()).resolve() / "*" / "batches" / "*" / file_name)


def committed_batch_ids(landing_dir: Path | None = None) -> list[str]:
    root = (landing_dir or settings.landing_dir()).resolve()
    return sorted(p.parent.name for p in root.glob("*/batches/*/batch.parquet"))
