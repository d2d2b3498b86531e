"""Build the service center's database as of ``end``, and advance it later; deterministic by seed."""

from __future__ import annotations

import sqlite3
import sys
import time
import zlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import numpy as np

from simulators.public_services import database as db
from simulators.public_services.citizens import make_citizens
from simulators.public_services.dossiers import plan_window
from simulators.public_services.faults import apply_default_faults

WINDOW_DAYS = 30


@dataclass(frozen=True)
class Summary:
    path: Path
    dossiers: int
    faults: dict[str, int]
    seconds: float


def _text(t: np.datetime64) -> str:
    return str(t.astype("datetime64[s]")).replace("T", " ")


def _citizens(clock: dict):
    return make_citizens(np.random.default_rng([clock["seed"], 1]), clock["citizens"])


def simulate(out_dir: Path, *, seed: int, end: datetime, days: int = 730, per_day: float = 200,
             faults: bool = True) -> Summary:
    started = time.perf_counter()
    end64 = np.datetime64(end.replace(microsecond=0), "s")
    start64 = end64 - np.timedelta64(days, "D")
    clock = dict(as_of=_text(start64), seed=seed, per_day=per_day, citizens=max(100, int(per_day * days * 0.55)),
                 trend_start=_text(start64), trend_end=_text(end64), next_seq=1, noise=int(faults))
    path = out_dir / db.DB_FILE
    db.create(path)
    with sqlite3.connect(path) as con:
        db.write_clock(con, clock)
    _advance(path, until=end64, rng=np.random.default_rng(seed), progress=True)
    with sqlite3.connect(path) as con:
        counts = apply_default_faults(con, np.random.default_rng([seed, 2])) if faults else {}
        n = con.execute("select count(*) from dossiers").fetchone()[0]
    return Summary(path, n, counts, time.perf_counter() - started)


def advance(db_path: Path, *, until: datetime) -> int:
    """Let the center live on until ``until``: new dossiers arrive, open ones move on."""
    until64 = np.datetime64(until.replace(microsecond=0), "s")
    with sqlite3.connect(db_path) as con:
        seed = db.read_clock(con)["seed"]
    return _advance(db_path, until=until64, rng=np.random.default_rng([seed, zlib.crc32(str(until64).encode())]))


def _advance(path: Path, *, until: np.datetime64, rng: np.random.Generator, progress: bool = False) -> int:
    with sqlite3.connect(path) as con:
        clock = db.read_clock(con)
        start = np.datetime64(clock["as_of"].replace(" ", "T"), "s")
        if until <= start:
            return 0
        citizens = _citizens(clock)
        trend = (np.datetime64(clock["trend_start"].replace(" ", "T")), np.datetime64(clock["trend_end"].replace(" ", "T")))
        bounds = list(np.arange(start, until, np.timedelta64(WINDOW_DAYS, "D"))) + [until]
        for i, (a, b) in enumerate(zip(bounds[:-1], bounds[1:])):
            plan = plan_window(rng, a, b, per_day=clock["per_day"], first_seq=clock["next_seq"],
                               citizens=citizens, trend=trend, noise=bool(clock["noise"]))
            db.insert_plan(con, plan)
            clock["next_seq"] += len(plan["dossier_id"])
            if progress and i % 6 == 5:
                print(f"public_services: planned dossiers up to {str(b)[:10]}", file=sys.stderr)
        changed = db.show_as_of(con, _text(until))
        clock["as_of"] = _text(until)
        db.write_clock(con, clock)
    return changed
