"""How the registry changes over time: registrations, suspensions, resumptions, dissolutions.

State is a dict of equal-length numpy arrays (one element per enterprise); each step covers a
window [start, end) and returns the status-history rows it produced. Rates are per year.
"""

from __future__ import annotations

import numpy as np

from simulators.business_registry.clock import REFORM_AT, in_window, office_times, working_days
from simulators.business_registry.population import new_enterprises
from simulators.gis.areas import assign_new_unit

TRANSITION_RATES = {  # status -> ((new status, annual rate), ...)
    "active": (("suspended", 0.08), ("dissolved", 0.01)),
    "suspended": (("active", 0.30), ("dissolved", 0.10)),
}
REGISTRATIONS_PER_ENTERPRISE_YEAR = 0.092   # ~6,000 a year for ~65,000 enterprises
MONTH_FACTOR = np.array([0.8, 0.6, 1.1, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.05, 1.1, 1.25])  # Tết dip, year-end rush

Registry = dict[str, np.ndarray]
HISTORY_COLUMNS = ("enterprise_code", "old_status", "new_status", "changed_on", "decision_no", "updated_at")


def base_population(rng: np.random.Generator, n: int, as_of: np.datetime64) -> tuple[Registry, dict]:
    """Enterprises registered since 1995, with the statuses they have at ``as_of``."""
    years_back = np.minimum(rng.exponential(7.0, size=n), (as_of - np.datetime64("1995-01-01", "s")) / np.timedelta64(365, "D"))
    days = (as_of.astype("datetime64[D]") - (years_back * 365).astype("timedelta64[D]")) - np.timedelta64(1, "D")
    registered = np.sort(office_times(rng, days))
    reg = new_enterprises(rng, registered, next_code=0 + 3_700_100_000)
    u = rng.random(n)
    status = np.select([u < 0.09, u < 0.19], ["dissolved", "suspended"], "active").astype(object)
    changed = status != "active"
    span = (as_of - registered).astype("timedelta64[s]").astype(np.int64)
    at = registered + (rng.random(n) * span).astype("timedelta64[s]")
    at = office_times(rng, at.astype("datetime64[D]"))
    at = np.clip(at, registered + np.timedelta64(1, "D"), as_of - np.timedelta64(1, "s"))
    reg["status"] = status
    reg["updated_at"] = np.where(changed, at, registered)
    history = _history(reg["enterprise_code"][changed], "active", status[changed], at[changed])
    return reg, history


def step(rng: np.random.Generator, reg: Registry, start: np.datetime64, end: np.datetime64,
         registrations_per_year: float) -> tuple[Registry, dict]:
    """Advance the registry over [start, end)."""
    years = (end - start) / np.timedelta64(365, "D")
    history = _transitions(rng, reg, start, end, years)
    if start <= REFORM_AT < end:
        _recode_addresses(rng, reg)
    month = int(str(start.astype("datetime64[M]"))[5:7])
    n_new = rng.poisson(registrations_per_year * years * MONTH_FACTOR[month - 1])
    times = np.sort(in_window(office_times(rng, working_days(rng, start, end, n_new)), start, end))
    next_code = int(reg["enterprise_code"].astype(np.int64).max()) + 1
    new = new_enterprises(rng, times, next_code)
    return {k: np.concatenate([reg[k], new[k]]) for k in reg}, history


def _transitions(rng, reg: Registry, start, end, years: float) -> dict:
    eligible = reg["registration_date"] < start.astype("datetime64[D]")
    u = rng.random(len(eligible))
    old, new = reg["status"].copy(), reg["status"].copy()
    for status, moves in TRANSITION_RATES.items():
        threshold = 0.0
        for target, rate in moves:
            low = threshold
            threshold += 1 - np.exp(-rate * years)
            new[eligible & (old == status) & (u >= low) & (u < threshold)] = target
    moved = np.flatnonzero(new != old)
    at = office_times(rng, working_days(rng, start, end, len(moved)))
    at = in_window(np.maximum(at, reg["updated_at"][moved] + np.timedelta64(60, "s")), start, end)
    reg["status"][moved] = new[moved]
    reg["updated_at"][moved] = at
    return _history(reg["enterprise_code"][moved], old[moved], new[moved], at)


def _recode_addresses(rng, reg: Registry) -> None:
    """2025-07-01: every open enterprise registered before the reform gets its new commune."""
    mask = (reg["registration_date"] < REFORM_AT.astype("datetime64[D]")) & (reg["status"] != "dissolved")
    reg["commune_code_2025"][mask] = assign_new_unit(rng, reg["commune_code"][mask])
    reg["updated_at"][mask] = np.maximum(reg["updated_at"][mask], REFORM_AT)


def _history(codes, old, new, at) -> dict:
    n = len(codes)
    old = np.broadcast_to(np.asarray(old, dtype=object), (n,))
    return {
        "enterprise_code": np.asarray(codes, dtype=object),
        "old_status": np.array(old, dtype=object),
        "new_status": np.asarray(new, dtype=object),
        "changed_on": at.astype("datetime64[D]"),
        "decision_no": np.array([f"{i % 9000 + 100}/QĐ-ĐKKD" for i in range(n)], dtype=object),
        "updated_at": at,
    }


def concat_history(chunks: list[dict]) -> dict:
    out = {k: np.concatenate([c[k] for c in chunks]) for k in HISTORY_COLUMNS}
    order = np.argsort(out["updated_at"], kind="stable")
    return {k: v[order] for k, v in out.items()}
