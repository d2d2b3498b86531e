"""The service center's SQLite file, and the stand-in's clock that moves dossiers along.

``dossiers`` is what the department's system shows. ``sim_plan`` (the stand-in's own bookkeeping,
not part of the real system) holds the planned life of every dossier not finished yet, so that
``show_as_of`` can move the visible table to any later time with two SQL statements.
Timestamps are text 'YYYY-MM-DD HH:MM:SS' in local time.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

DB_FILE = "public_services.sqlite"

VISIBLE = (
    "dossier_id", "procedure_code", "procedure_name", "field", "agency_code", "agency_name", "channel",
    "online_level", "received_at", "due_at", "resolved_at", "status", "district_code", "commune_code",
    "commune_code_2025", "applicant_name", "applicant_citizen_id", "applicant_phone", "created_at", "updated_at",
)
PLANNED = tuple(c for c in VISIBLE if c not in ("resolved_at", "status", "updated_at")) + (
    "processing_at", "final_at", "final_status",
)

DDL = f"""
create table dossiers ({', '.join(f'{c} text' + (' primary key' if c == 'dossier_id' else '') for c in VISIBLE)});
create index dossiers_updated_at on dossiers (updated_at);
create table sim_plan ({', '.join(f'{c} text' for c in PLANNED)});
create index sim_plan_created on sim_plan (created_at);
create table sim_clock (as_of text, seed integer, per_day real, citizens integer, trend_start text,
                        trend_end text, next_seq integer, noise integer);
"""

_SHOW = f"""
insert into dossiers ({', '.join(VISIBLE)})
select {', '.join(
    "case when final_at <= :t and final_status <> 'withdrawn' then final_at end" if c == "resolved_at"
    else "case when final_at <= :t then final_status when processing_at <= :t then 'processing' else 'received' end"
    if c == "status"
    else "case when final_at <= :t then final_at when processing_at <= :t then processing_at else created_at end"
    if c == "updated_at" else c
    for c in VISIBLE)}
from sim_plan where created_at <= :t
on conflict (dossier_id) do update set
    status = excluded.status, resolved_at = excluded.resolved_at, updated_at = excluded.updated_at
where dossiers.updated_at <> excluded.updated_at
"""


def create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as con:
        con.execute("pragma journal_mode = wal")  # readers (the connector) never block the writer
        con.executescript(DDL)


def text_column(values: np.ndarray) -> list:
    if len(values) and np.issubdtype(values.dtype, np.datetime64):
        text = np.char.replace(np.datetime_as_string(values, unit="s"), "T", " ")
        return [None if t == "NaT" else t for t in text.tolist()]
    return list(values)


def insert_plan(con: sqlite3.Connection, plan: dict) -> None:
    if len(plan["dossier_id"]) == 0:
        return
    rows = list(zip(*[text_column(plan[c]) for c in PLANNED]))
    con.executemany(f"insert into sim_plan values ({', '.join('?' * len(PLANNED))})", rows)


def show_as_of(con: sqlite3.Connection, t: str) -> int:
    """Move the visible dossiers to time ``t``; finished dossiers leave the plan."""
    changed = con.execute(_SHOW, {"t": t}).rowcount
    con.execute("delete from sim_plan where final_at <= ?", (t,))
    return changed


def read_clock(con: sqlite3.Connection) -> dict:
    cur = con.execute("select * from sim_clock")
    return dict(zip([d[0] for d in cur.description], cur.fetchone()))


def write_clock(con: sqlite3.Connection, clock: dict) -> None:
    con.execute("delete from sim_clock")
    con.execute(f"insert into sim_clock ({', '.join(clock)}) values ({', '.join('?' * len(clock))})", list(clock.values()))
