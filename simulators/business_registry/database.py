"""The registry's SQLite file: schema, bulk writes, and reading the state back to advance it.

Timestamps are stored as text 'YYYY-MM-DD HH:MM:SS' (local time), dates as 'YYYY-MM-DD', as
SQLite applications usually do.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np

from simulators.business_registry.activity import HISTORY_COLUMNS, Registry

DB_FILE = "business_registry.sqlite"

ENTERPRISE_COLUMNS = (
    "enterprise_code", "enterprise_name", "legal_form", "vsic_code", "district_code", "commune_code",
    "commune_code_2025", "registered_capital_vnd", "is_fdi", "fdi_country", "employees",
    "enterprise_size", "registration_date", "status", "updated_at",
)

DDL = """
create table enterprises (
    enterprise_code text primary key,
    enterprise_name text not null,
    legal_form text,
    vsic_code text,
    district_code text,
    commune_code text,
    commune_code_2025 text,
    registered_capital_vnd integer,
    is_fdi integer not null default 0,
    fdi_country text,
    employees integer,
    enterprise_size text,
    registration_date text,
    status text not null,
    updated_at text not null
);
create index enterprises_updated_at on enterprises (updated_at);
create table enterprise_status_history (
    history_id integer primary key,
    enterprise_code text not null,
    old_status text,
    new_status text not null,
    changed_on text not null,
    decision_no text,
    updated_at text not null
);
create index history_updated_at on enterprise_status_history (updated_at);
"""


def create(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    with sqlite3.connect(path) as con:
        con.executescript(DDL)


def _text(values: np.ndarray) -> list:
    if len(values) == 0:
        return []
    if np.issubdtype(values.dtype, np.datetime64):
        text = np.char.replace(np.datetime_as_string(values), "T", " ")
        return [None if np.isnat(v) else t for v, t in zip(values, text)]
    if values.dtype == object:
        return list(values)
    return values.tolist()


def _rows(data: dict, columns) -> list[tuple]:
    if len(data[columns[0]]) == 0:
        return []
    return list(zip(*[_text(np.asarray(data[c])) for c in columns]))


def capital_column(con: sqlite3.Connection) -> str:
    """The capital column's current name (the vendor renamed it in one release)."""
    names = {r[1] for r in con.execute("pragma table_info(enterprises)")}
    return "charter_capital_vnd" if "charter_capital_vnd" in names else "registered_capital_vnd"


def insert_enterprises(con: sqlite3.Connection, reg: Registry, mask: np.ndarray | None = None) -> None:
    data = reg if mask is None else {k: v[mask] for k, v in reg.items()}
    columns = [capital_column(con) if c == "registered_capital_vnd" else c for c in ENTERPRISE_COLUMNS]
    con.executemany(
        f"insert into enterprises ({', '.join(columns)}) values ({', '.join('?' * len(columns))})",
        _rows(data, ENTERPRISE_COLUMNS),
    )


def update_enterprises(con: sqlite3.Connection, reg: Registry, mask: np.ndarray) -> None:
    data = {k: v[mask] for k, v in reg.items()}
    con.executemany(
        "update enterprises set status = ?, commune_code_2025 = ?, updated_at = ? where enterprise_code = ?",
        _rows(data, ("status", "commune_code_2025", "updated_at", "enterprise_code")),
    )


def insert_history(con: sqlite3.Connection, history: dict, first_id: int) -> None:
    ids = np.arange(first_id, first_id + len(history["enterprise_code"]))
    con.executemany(
        f"insert into enterprise_status_history (history_id, {', '.join(HISTORY_COLUMNS)}) "
        f"values (?{', ?' * len(HISTORY_COLUMNS)})",
        _rows({"history_id": ids, **history}, ("history_id", *HISTORY_COLUMNS)),
    )


def read_registry(con: sqlite3.Connection) -> Registry:
    capital = capital_column(con)
    rows = con.execute(
        f"select {', '.join(capital if c == 'registered_capital_vnd' else c for c in ENTERPRISE_COLUMNS)} "
        f"from enterprises order by enterprise_code"
    ).fetchall()
    cols = dict(zip(ENTERPRISE_COLUMNS, zip(*rows)))
    reg = {k: np.array(v, dtype=object) for k, v in cols.items()}
    reg["registration_date"] = np.array(cols["registration_date"], dtype="datetime64[D]")
    reg["updated_at"] = np.array([t.replace(" ", "T") for t in cols["updated_at"]], dtype="datetime64[s]")
    for k in ("registered_capital_vnd", "is_fdi", "employees"):
        reg[k] = np.array([v if isinstance(v, int) else 0 for v in cols[k]], dtype=np.int64)
    return reg


def max_history_id(con: sqlite3.Connection) -> int:
    return con.execute("select coalesce(max(history_id), 0) from enterprise_status_history").fetchone()[0]
