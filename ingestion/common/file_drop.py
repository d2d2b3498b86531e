"""What is new in a file-drop folder, judged against what the landing zone already committed.

The drop folder is a :class:`DropLocation` (named by an environment variable, else the stand-in's
folder). The CSV-drop connectors (:mod:`ingestion.common.csv_drop`) and GIS list and land their
files their own way; the workbook and export connectors (statistics_office, education,
utilities) hand :func:`land_new_files` a parser. The state is never kept aside: it is read back
from ``files.parquet`` of the committed batches of one dataset, so a run that crashes before its
commit leaves no trace and the next run simply picks the same files up again.

Rules of :func:`land_new_files` (the landing contract's file manifest):
- a (file name, content hash) pair already in the manifest is not new, loaded or skipped;
- content already loaded under another name (a re-sent file) is recorded once as skipped,
  ``duplicate of <file>``, and lands nothing;
- a known name with new content is a re-issue and is loaded again (staging keeps the latest).
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING, Callable

from ingestion import settings
from ingestion.common.errors import SourceUnavailableError

if TYPE_CHECKING:  # connectors' configs import DropLocation: keep pyarrow out of declaring a source
    import pyarrow as pa

    from ingestion.landing import BatchRecord


@dataclass(frozen=True)
class DropLocation:
    source_system: str
    path: Path
    variable: str  # environment variable that sets ``path``, named in errors


def env_drop_location(source_system: str, variable: str, path: Path | None = None) -> DropLocation:
    """``path`` if given, else the folder named by ``variable``, else the stand-in's folder
    ``<IOC_SOURCES_DIR>/<source_system>``."""
    value = os.environ.get(variable)
    if path is None:
        path = Path(value) if value else settings.sources_dir() / source_system
    return DropLocation(source_system, path, variable)


def env_patterns(variable: str, default: str) -> tuple[str, ...]:
    """Comma-separated glob patterns from ``variable``, else ``default``."""
    return tuple(p.strip() for p in os.environ.get(variable, default).split(",") if p.strip())


@dataclass(frozen=True)
class DropFile:
    name: str
    path: Path
    sha256: str
    size_bytes: int
    received_at: datetime  # modification time on the share: when the department's export wrote it

    @classmethod
    def of(cls, path: Path) -> "DropFile":
        stat = path.stat()
        return cls(path.name, path, sha256_of(path), stat.st_size, datetime.fromtimestamp(stat.st_mtime, timezone.utc))


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class DropPlan:
    to_load: list[DropFile] = field(default_factory=list)
    duplicates: list[tuple[DropFile, str]] = field(default_factory=list)  # (file, name it duplicates)

    @property
    def is_empty(self) -> bool:
        return not self.to_load and not self.duplicates


def _is_partial_or_hidden(path: Path) -> bool:
    # "~$x.xlsx" is Excel's lock file, ".x" hidden, ".part"/".tmp" uploads still in progress.
    return path.name.startswith(("~$", ".")) or path.suffix.lower() in {".part", ".tmp", ".crdownload"}


def list_drop_files(location: DropLocation, patterns: tuple[str, ...]) -> list[DropFile]:
    """Files of the drop folder matching ``patterns`` in arrival order (modification time, then name),
    so that of two identical files the one that came first is the original."""
    folder = location.path
    if not folder.is_dir():
        raise SourceUnavailableError(
            location.source_system, f"drop folder {folder} does not exist or is not a directory",
            check=f"that {location.variable} points at the department's drop folder and that the share is mounted",
        )
    try:
        paths = sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()},
                       key=lambda p: (p.stat().st_mtime_ns, p.name))
    except OSError as exc:
        raise SourceUnavailableError(location.source_system, f"cannot list {folder} ({exc})",
                                     check=f"the permissions of the folder {location.variable} points at") from exc
    return [DropFile.of(p) for p in paths if not _is_partial_or_hidden(p)]


def plan_new_files(files: list[DropFile], manifest: list[tuple[str, str, str | None]]) -> DropPlan:
    """``manifest``: (source_file, content_sha256, skipped_reason) of the committed files."""
    seen = {(name, sha) for name, sha, _ in manifest}
    loaded_as = {sha: name for name, sha, skipped in manifest if skipped is None}
    plan = DropPlan()
    for f in files:
        if (f.name, f.sha256) in seen:
            continue
        original = loaded_as.get(f.sha256)
        if original is not None and original != f.name:
            plan.duplicates.append((f, original))
        else:
            plan.to_load.append(f)
            loaded_as.setdefault(f.sha256, f.name)
        seen.add((f.name, f.sha256))
    return plan


@dataclass
class ParsedFile:
    """What a connector made of one file: rows to land (no lineage yet) and rejected records."""

    rows: pa.Table | None = None
    line_numbers: list[int] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)     # line_number, raw_record, reason
    skipped_reason: str | None = None                        # e.g. "empty file (0 bytes)"

    @property
    def rows_landed(self) -> int:
        return 0 if self.rows is None else self.rows.num_rows

    @property
    def records_read(self) -> int:
        return self.rows_landed + len(self.quarantine)


def land_new_files(
    *,
    location: DropLocation,
    dataset: str,
    patterns: tuple[str, ...],
    parse: Callable[[DropFile], ParsedFile],
    landing_dir: Path | None = None,
    names: Callable[[str], bool] | None = None,
    chunk_files: int = 100,
) -> BatchRecord | None:
    """Land every new file of the drop folder as one batch of ``dataset``; None if nothing is new.
    ``names`` narrows the files considered (a partition's window, ``file_periods.in_window``).
    Every ``chunk_files`` files what was parsed is written into the batch and leaves memory."""
    import pyarrow as pa

    from ingestion.file_manifest import committed_file_hashes
    from ingestion.landing import BatchWriter, with_lineage

    source_system = location.source_system
    files = [f for f in list_drop_files(location, patterns) if names is None or names(f.name)]
    plan = plan_new_files(files, committed_file_hashes(source_system, dataset, landing_dir))
    if plan.is_empty:
        return None
    with BatchWriter(source_system, dataset=dataset, source_ref=str(location.path), landing_dir=landing_dir) as batch:
        rows_read = 0
        for f, original in plan.duplicates:
            batch.add_file(f.name, content_sha256=f.sha256, size_bytes=f.size_bytes, skipped_reason=f"duplicate of {original}")
        for i, f in enumerate(plan.to_load):
            if i and i % chunk_files == 0:
                batch.flush()
            parsed = ParsedFile(skipped_reason="empty file (0 bytes)") if f.size_bytes == 0 else parse(f)
            if parsed.rows is not None and parsed.rows.num_rows:
                batch.add_rows(dataset, with_lineage(parsed.rows, batch_id=batch.batch_id, loaded_at=batch.loaded_at,
                                                     source_file=f.name, line_number=pa.array(parsed.line_numbers, pa.int64())))
            q = parsed.quarantine
            batch.add_quarantine(source_file=[f.name] * len(q), line_number=[r["line_number"] for r in q],
                                 raw_record=[r["raw_record"] for r in q], reason=[r["reason"] for r in q], dataset=dataset)
            batch.add_file(f.name, content_sha256=f.sha256, size_bytes=f.size_bytes, lines_read=parsed.records_read,
                           rows_landed=parsed.rows_landed, rows_quarantined=len(q), skipped_reason=parsed.skipped_reason)
            rows_read += parsed.records_read
        return batch.commit(rows_read)
