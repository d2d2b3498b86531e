"""The SQLite stand-ins (business registry, public services) are deterministic and live on."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta

from simulators.business_registry.simulate import advance as advance_registry
from simulators.business_registry.simulate import simulate as simulate_registry
from simulators.public_services.simulate import advance as advance_center
from simulators.public_services.simulate import simulate as simulate_center

END = datetime(2026, 1, 15)


def rows(path, table: str) -> list[tuple]:
    with sqlite3.connect(path) as con:
        return con.execute(f"select * from {table} order by 1").fetchall()


def test_registry_same_seed_same_database_and_statuses_move(tmp_path):
    a = simulate_registry(tmp_path / "a", seed=1, end=END, months=2, enterprises=1500)
    b = simulate_registry(tmp_path / "b", seed=1, end=END, months=2, enterprises=1500)
    c = simulate_registry(tmp_path / "c", seed=2, end=END, months=2, enterprises=1500)
    assert rows(a.path, "enterprises") == rows(b.path, "enterprises") != rows(c.path, "enterprises")
    assert 1300 < a.enterprises < 1700
    statuses = {s for (s,) in rows(a.path, "(select distinct status from enterprises)")}
    assert statuses == {"active", "suspended", "dissolved"}
    before = len(rows(a.path, "enterprise_status_history"))
    changes = advance_registry(a.path, until=END + timedelta(days=60), seed=1)
    assert changes["new"] > 0 and len(rows(a.path, "enterprise_status_history")) == before + changes["history"]


def test_center_same_seed_same_database_and_dossiers_progress(tmp_path):
    a = simulate_center(tmp_path / "a", seed=1, end=END, days=10, per_day=50, faults=False)
    b = simulate_center(tmp_path / "b", seed=1, end=END, days=10, per_day=50, faults=False)
    assert rows(a.path, "dossiers") == rows(b.path, "dossiers")
    assert 300 < a.dossiers < 700
    open_before = rows(a.path, "(select count(*) from dossiers where status in ('received', 'processing'))")[0][0]
    changed = advance_center(a.path, until=END + timedelta(days=30))
    late_resolved = rows(a.path, "(select count(*) from dossiers where received_at < '2026-01-15' "
                                 "and status in ('received', 'processing'))")[0][0]
    assert changed > 0 and late_resolved < open_before
