"""Which files in the drop folder to read, and which of those are re-sent duplicates.

Already loaded = named in a committed batch's files.parquet: such a file is never read
again. A new file whose content was already loaded (or that repeats a file earlier in the
same batch) is a duplicate: it is recorded with ``skipped_reason`` and its lines are not
landed. Duplicates are matched on (station in the file name, content sha256), not on the
hash alone, because the lines carry no station code: two stations in the same fault state
can send byte-identical files that are still two different measurements. Files with no
non-blank line are never called duplicates (two empty files are not a re-send).
"""

from __future__ import annotations

import hashlib
import logging
import os
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pyarrow as pa

from ingestion.env_monitoring.file_names import parse_file_name

log = logging.getLogger(__name__)
LOCAL = timezone(timedelta(hours=7))  # file names carry Vietnamese wall-clock time (no DST)


@dataclass(frozen=True)
class DropFile:
    name: str
    content: bytes
    sha256: str
    station_code: str | None  # None: the name is not <STATION>_<YYYYMMDDhhmmss>.txt
    slot: datetime | None
    duplicate_of: str | None  # name of the file already holding this content


def _new_files(
    drop_dir: Path, loaded_names: set[str], window: tuple[datetime, datetime] | None = None
) -> list[tuple[str, tuple[str, datetime] | None]]:
    """New ``*.txt`` files with their parsed names, oldest slot first so that a capped batch
    drains a backlog in order. Other extensions are ignored: FTP clients upload to
    ``.tmp``/``.part`` names first. With ``window`` (local wall-clock ``[start, end)``), only the
    files whose slot falls in it; a file whose name carries no slot goes by its modification time."""
    with os.scandir(drop_dir) as entries:
        listed = [e for e in entries if e.name.endswith(".txt") and e.name not in loaded_names and e.is_file()]
    parsed = []
    for entry in listed:
        name_parts = parse_file_name(entry.name)
        if window is not None:
            stamp = name_parts[1] if name_parts else datetime.fromtimestamp(entry.stat().st_mtime, LOCAL).replace(tzinfo=None)
            if not window[0] <= stamp < window[1]:
                continue
        parsed.append((entry.name, name_parts))
    return sorted(parsed, key=lambda item: (item[1][1] if item[1] else datetime.max, item[0]))


def plan_batch(
    drop_dir: Path, committed: pa.Table, max_files: int | None = None, window: tuple[datetime, datetime] | None = None
) -> list[DropFile]:
    """Read the new files (at most ``max_files``; with ``window``, only those of its slots) and mark
    duplicates. ``committed`` is the files.parquet rows of the committed readings batches."""
    loaded_names = set(committed.column("source_file").to_pylist())
    holder_by_key: dict[tuple[str | None, str], str] = {}
    for name, sha, skipped, lines in zip(
        *(committed.column(c).to_pylist() for c in ("source_file", "content_sha256", "skipped_reason", "lines_read")),
        strict=True,
    ):
        if skipped is None and lines:
            parsed = parse_file_name(name)
            holder_by_key.setdefault((parsed[0] if parsed else None, sha), name)

    new_files = _new_files(drop_dir, loaded_names, window)
    if max_files is not None:
        new_files = new_files[:max_files]

    planned = []
    root = str(drop_dir)  # plain strings: pathlib costs more than the read itself here
    for name, parsed in new_files:
        try:
            with open(os.path.join(root, name), "rb") as f:
                content = f.read()
        except OSError as exc:  # vanished or unreadable: leave it for the next run
            log.warning("cannot read %s: %s", name, exc)
            continue
        sha = hashlib.sha256(content).hexdigest()
        station, slot = parsed if parsed else (None, None)
        duplicate_of = None
        if content.strip():
            duplicate_of = holder_by_key.setdefault((station, sha), name)
            duplicate_of = None if duplicate_of == name else duplicate_of
        planned.append(DropFile(name, content, sha, station, slot, duplicate_of))
    return planned
