"""Build the registry database as of ``end`` and advance it later, deterministically by seed."""

from __future__ import annotations

import sqlite3
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from simulators.business_registry import database as db
from simulators.business_registry.activity import (
    REGISTRATIONS_PER_ENTERPRISE_YEAR, base_population, concat_history, step,
)
from simulators.business_registry.faults import apply_default_faults


@dataclass(frozen=True)
class Summary:
    path: Path
    enterprises: int
    history_rows: int
    faults: dict[str, int]
    seconds: float


def _month_starts(start: np.datetime64, end: np.datetime64) -> list[np.datetime64]:
    months = np.arange(start.astype("datetime64[M]"), end.astype("datetime64[M]") + 1)
    bounds = [start] + [m.astype("datetime64[s]") for m in months[1:]] + [end]
    return sorted({b for b in bounds if start <= b <= end})


def simulate(out_dir: Path, *, seed: int, end: datetime, months: int = 25, enterprises: int = 65_000,
             faults: bool = True) -> Summary:
    started = time.perf_counter()
    rng = np.random.default_rng(seed)
    end64 = np.datetime64(end.replace(microsecond=0), "s")
    start64 = (end64.astype("datetime64[M]") - np.timedelta64(months, "M")).astype("datetime64[s]")
    per_year = REGISTRATIONS_PER_ENTERPRISE_YEAR * enterprises
    n_base = max(10, int(enterprises - per_year * months / 12))
    reg, history = base_population(rng, n_base, start64)
    chunks = [history]
    bounds = _month_starts(start64, end64)
    for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
        reg, history = step(rng, reg, a, b, per_year)
        chunks.append(history)
        if i % 6 == 5:
            print(f"business_registry: simulated up to {str(b)[:10]}, {len(reg['enterprise_code'])} enterprises", file=sys.stderr)
    history = concat_history(chunks)
    path = out_dir / db.DB_FILE
    db.create(path)
    with sqlite3.connect(path) as con:
        db.insert_enterprises(con, reg)
        db.insert_history(con, history, first_id=1)
        counts = apply_default_faults(con, rng) if faults else {}
    return Summary(path, len(reg["enterprise_code"]), len(history["enterprise_code"]), counts, time.perf_counter() - started)


def advance(db_path: Path, *, until: datetime, seed: int = 0, enterprises_per_year: float | None = None) -> dict[str, int]:
    """Let the registry live on from its latest change to ``until``: new filings, status changes."""
    with sqlite3.connect(db_path) as con:
        reg = db.read_registry(con)
        since = reg["updated_at"].max() + np.timedelta64(1, "s")
        until64 = np.datetime64(until.replace(microsecond=0), "s")
        if until64 <= since:
            return {"new": 0, "changed": 0}
        rng = np.random.default_rng([seed, zlib.crc32(str(until64).encode())])
        before = {"status": reg["status"].copy(), "updated_at": reg["updated_at"].copy()}
        per_year = enterprises_per_year or REGISTRATIONS_PER_ENTERPRISE_YEAR * len(reg["enterprise_code"])
        n_old = len(reg["enterprise_code"])
        reg, history = step(rng, reg, since, until64, per_year)
        changed = np.zeros(len(reg["enterprise_code"]), dtype=bool)
        changed[:n_old] = before["updated_at"] != reg["updated_at"][:n_old]
        new = np.zeros_like(changed)
        new[n_old:] = True
        db.update_enterprises(con, reg, changed)
        db.insert_enterprises(con, reg, new)
        db.insert_history(con, history, first_id=db.max_history_id(con) + 1)
    return {"new": int(new.sum()), "changed": int(changed.sum()), "history": len(history["enterprise_code"])}
