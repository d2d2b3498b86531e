"""One publisher at a time per published directory, and stale temp files from crashed ones.

An OS file lock (flock) is released by the kernel when its holder dies, even by SIGKILL, so a
crashed publisher never wedges the next one. Holding the lock also proves that any temp file
left in the directory belongs to a publisher that is gone, and may be removed.
"""

from __future__ import annotations

import fcntl
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

LOCK_FILE = ".publish.lock"


@contextmanager
def publish_lock(published_dir: Path) -> Iterator[None]:
    published_dir.mkdir(parents=True, exist_ok=True)
    fd = os.open(published_dir / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)  # waits for a running publisher to finish
        yield
    finally:
        os.close(fd)  # closing releases the lock


def remove_stale_temp_files(published_dir: Path) -> list[Path]:
    """Remove hidden ``*.tmp`` files/dirs (and DuckDB ``*.tmp.wal``) left by dead publishers.

    Only call while holding ``publish_lock``: then no live publisher owns them.
    """
    removed = []
    for directory in (published_dir, published_dir / "snapshots"):
        if not directory.is_dir():
            continue
        for path in directory.iterdir():
            if path.name.startswith(".") and path.name.endswith((".tmp", ".tmp.wal")):
                if path.is_dir():
                    shutil.rmtree(path)
                else:
                    path.unlink()
                removed.append(path)
    return removed
