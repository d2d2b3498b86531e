"""Durable file operations: data reaches the disk before the rename that makes it visible.

A rename is atomic but says nothing about durability; without the fsyncs a power cut after
the rename can leave a visible name pointing at an empty or torn file.
"""

from __future__ import annotations

import os
import secrets
from pathlib import Path


def fsync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: Path) -> None:
    """Persist a directory entry change (create, rename, unlink) made inside ``path``."""
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def temp_sibling(path: Path, tag: str = "") -> Path:
    """A hidden temp name in the same directory (rename is only atomic within one filesystem).

    It ends in ``.tmp`` so that globs over ``*.parquet`` or ``*.duckdb`` never pick it up.
    """
    return path.with_name(f".{path.name}.{tag or secrets.token_hex(4)}.tmp")


def atomic_write_bytes(path: Path, data: bytes) -> None:
    """Replace ``path`` with ``data`` so readers see either the old or the new content, never half."""
    tmp = temp_sibling(path)
    try:
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)
