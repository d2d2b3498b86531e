"""Impossible values the service center's database holds; ``updated_at`` is left as it was."""

from __future__ import annotations

import sqlite3

import numpy as np


def _pick(con, rng, n: int, where: str) -> list[str]:
    ids = [r[0] for r in con.execute(f"select dossier_id from dossiers where {where} order by dossier_id")]
    if not ids:
        return []
    return sorted(np.array(ids, dtype=object)[rng.choice(len(ids), size=min(n, len(ids)), replace=False)])


def resolved_before_received(con, rng, n=20) -> int:
    ids = _pick(con, rng, n, "resolved_at is not null")
    con.executemany("update dossiers set resolved_at = datetime(received_at, '-3 days') where dossier_id = ?", [(i,) for i in ids])
    return len(ids)


def due_before_received(con, rng, n=10) -> int:
    ids = _pick(con, rng, n, "1=1")
    con.executemany("update dossiers set due_at = datetime(received_at, '-1 days') where dossier_id = ?", [(i,) for i in ids])
    return len(ids)


def unknown_status(con, rng, n=10) -> int:
    ids = _pick(con, rng, n, "status like 'resolved%'")
    con.executemany("update dossiers set status = 'da_giai_quyet' where dossier_id = ?", [(i,) for i in ids])
    return len(ids)


def resolved_without_time(con, rng, n=10) -> int:
    ids = _pick(con, rng, n, "status like 'resolved%'")
    con.executemany("update dossiers set resolved_at = null where dossier_id = ?", [(i,) for i in ids])
    return len(ids)


def apply_default_faults(con: sqlite3.Connection, rng: np.random.Generator) -> dict[str, int]:
    return {
        "resolved_before_received": resolved_before_received(con, rng),
        "due_before_received": due_before_received(con, rng),
        "unknown_status": unknown_status(con, rng),
        "resolved_without_time": resolved_without_time(con, rng),
    }
