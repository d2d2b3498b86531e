"""Bad data the real registry holds: typos in capital and industry codes, a vendor schema change.

Applied to the finished database; ``updated_at`` is left as it was (the bad value was entered
then, not now). Each fault is one small function so tests can apply them one at a time.
"""

from __future__ import annotations

import sqlite3

import numpy as np

from simulators.business_registry.database import capital_column

UNKNOWN_VSIC_CODES = ("3400", "0400", "4A10", "76")  # divisions 04, 34, 76 do not exist in VSIC 2018


def _pick(con: sqlite3.Connection, rng: np.random.Generator, share: float, where: str = "1=1") -> list[str]:
    codes = [r[0] for r in con.execute(f"select enterprise_code from enterprises where {where} order by enterprise_code")]
    n = max(1, int(len(codes) * share))
    return sorted(np.array(codes, dtype=object)[rng.choice(len(codes), size=min(n, len(codes)), replace=False)])


def negative_capital(con, rng, share=0.0005) -> int:
    codes = _pick(con, rng, share)
    col = capital_column(con)
    con.executemany(f"update enterprises set {col} = -abs({col}) where enterprise_code = ?", [(c,) for c in codes])
    return len(codes)


def capital_in_wrong_unit(con, rng, share=0.0002) -> int:
    """Capital typed in 'đồng' after already being in 'triệu đồng' scale: a million times too large."""
    col = capital_column(con)
    codes = _pick(con, rng, share, where=f"{col} >= 2000000000")
    con.executemany(f"update enterprises set {col} = {col} * 1000000 where enterprise_code = ?", [(c,) for c in codes])
    return len(codes)


def unknown_vsic(con, rng, share=0.0003) -> int:
    codes = _pick(con, rng, share)
    con.executemany("update enterprises set vsic_code = ? where enterprise_code = ?",
                    [(UNKNOWN_VSIC_CODES[i % len(UNKNOWN_VSIC_CODES)], c) for i, c in enumerate(codes)])
    return len(codes)


def registration_after_update(con, rng, n=5) -> int:
    codes = _pick(con, rng, n / max(1, con.execute("select count(*) from enterprises").fetchone()[0]))
    con.executemany("update enterprises set registration_date = date(updated_at, '+400 days') where enterprise_code = ?",
                    [(c,) for c in codes])
    return len(codes)


def unknown_history_status(con, rng, n=4) -> int:
    ids = [r[0] for r in con.execute("select history_id from enterprise_status_history order by history_id")]
    picked = sorted(np.array(ids)[rng.choice(len(ids), size=min(n, len(ids)), replace=False)].tolist()) if ids else []
    con.executemany("update enterprise_status_history set new_status = 'tam_ngung' where history_id = ?", [(i,) for i in picked])
    return len(picked)


def vendor_schema_change(con) -> None:
    """Release 2.x of the registry software: capital column renamed, a contact column added."""
    con.execute("alter table enterprises rename column registered_capital_vnd to charter_capital_vnd")
    con.execute("alter table enterprises add column email text")


def apply_default_faults(con: sqlite3.Connection, rng: np.random.Generator) -> dict[str, int]:
    counts = {
        "negative_capital": negative_capital(con, rng),
        "capital_wrong_unit": capital_in_wrong_unit(con, rng),
        "unknown_vsic": unknown_vsic(con, rng),
        "registration_after_update": registration_after_update(con, rng),
        "unknown_history_status": unknown_history_status(con, rng),
    }
    vendor_schema_change(con)
    return counts
