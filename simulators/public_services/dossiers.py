"""Dossiers received in a time window, each with its planned life: processing, then an outcome.

Everything is drawn in bulk with numpy. The plan (when it will be processed, resolved, returned
or withdrawn) is decided at reception; the database shows each dossier as it stands at the
simulated clock (see database.py).
"""

from __future__ import annotations

import numpy as np

from simulators.gis.areas import DISTRICTS, NEW_UNIT_NAMES, REFORM_DATE, assign_new_unit, communes_pre2025
from simulators.public_services import catalogue as cat
from simulators.public_services.citizens import Citizens, typed_as_clerks_do

REFORM = np.datetime64(REFORM_DATE, "s")
HOLIDAYS = np.array(cat.HOLIDAYS, dtype="datetime64[D]")
COMMUNES = communes_pre2025()
_COMMUNE_NAME = {c.code: c.name_vi for c in COMMUNES}
_DISTRICT_NAME = {d.code: d.name_vi for d in DISTRICTS}
_DISTRICT_P = np.array([d.economic_weight for d in DISTRICTS]) / sum(d.economic_weight for d in DISTRICTS)
WEEKDAY_FACTOR = np.array([1.25, 1.15, 1.1, 1.1, 1.05, 0.3, 0.05])  # Monday .. Sunday
LATE_ENTRY_SHARE = 0.02  # offline desk dossiers typed into the system days or weeks later

Plan = dict[str, np.ndarray]


def plan_window(rng: np.random.Generator, start: np.datetime64, end: np.datetime64, *, per_day: float,
                first_seq: int, citizens: Citizens, trend: tuple[np.datetime64, np.datetime64], noise: bool) -> Plan:
    received, online = _arrivals(rng, start, end, per_day, trend)
    n = len(received)
    weights = np.array([p.weight for p in cat.PROCEDURES])
    proc = rng.choice(len(cat.PROCEDURES), size=n, p=weights / weights.sum())
    procedures = np.array(cat.PROCEDURES, dtype=object)[proc]
    district = np.array([d.code for d in DISTRICTS], dtype=object)[
        rng.choice(len(DISTRICTS), size=n, p=_DISTRICT_P)]
    commune = _commune_in(rng, district)
    unit_2025 = assign_new_unit(rng, commune)
    after = received >= REFORM
    agency_code, agency_name = _agencies(procedures, district, commune, unit_2025, after)

    due = _due(received, np.array([p.working_days for p in procedures]))
    created = received.copy()
    late_entry = (~online) & (rng.random(n) < LATE_ENTRY_SHARE)
    created[late_entry] += (rng.uniform(3, 40, late_entry.sum()) * 86400).astype("timedelta64[s]")
    processing = _office_hours(rng, created + (rng.uniform(0.5, 8, n) * 3600).astype("timedelta64[s]"))
    final_at, final_status = _outcomes(rng, created, processing, due)

    who = np.minimum((len(citizens.full_name) * rng.random(n) ** 1.6).astype(np.int64), len(citizens.full_name) - 1)
    name, cid, phone = citizens.full_name[who], citizens.citizen_id[who], citizens.phone[who]
    if noise:
        name, cid, phone = typed_as_clerks_do(rng, name, cid, phone)
    seq = first_seq + np.arange(n)
    day_text = np.datetime_as_string(received.astype("datetime64[D]"))
    return {
        "dossier_id": np.array([f"H09-{d[2:4]}{d[5:7]}{d[8:10]}-{s:07d}" for d, s in zip(day_text.tolist(), seq.tolist())], dtype=object),
        "procedure_code": np.array([p.code for p in procedures], dtype=object),
        "procedure_name": np.array([p.name_vi for p in procedures], dtype=object),
        "field": np.array([p.field_vi for p in procedures], dtype=object),
        "agency_code": agency_code,
        "agency_name": agency_name,
        "channel": np.where(online, "online", "offline").astype(object),
        "online_level": np.where(online, [p.online_level for p in procedures], None).astype(object),
        "received_at": received,
        "due_at": due,
        "district_code": np.where(after, None, district).astype(object),
        "commune_code": np.where(after, None, commune).astype(object),
        "commune_code_2025": np.where(after, unit_2025, None).astype(object),
        "applicant_name": name,
        "applicant_citizen_id": cid,
        "applicant_phone": phone,
        "created_at": created,
        "processing_at": processing,
        "final_at": final_at,
        "final_status": final_status,
    }


def _arrivals(rng, start, end, per_day, trend) -> tuple[np.ndarray, np.ndarray]:
    days = np.arange(start.astype("datetime64[D]"), (end - np.timedelta64(1, "s")).astype("datetime64[D]") + 1)
    weekday = (days.view("int64") + 3) % 7
    factor = WEEKDAY_FACTOR[weekday] * np.where(np.isin(days, HOLIDAYS), 0.1, 1.0)
    counts = rng.poisson(per_day * factor / WEEKDAY_FACTOR.mean())
    day = np.repeat(days, counts)
    progress = np.clip((day - trend[0].astype("datetime64[D]")) / (trend[1] - trend[0]).astype("timedelta64[D]"), 0, 1)
    share = cat.ONLINE_SHARE_START + (cat.ONLINE_SHARE_END - cat.ONLINE_SHARE_START) * progress
    sunday_or_holiday = np.repeat((weekday == 6) | np.isin(days, HOLIDAYS), counts)
    online = (rng.random(len(day)) < share) | sunday_or_holiday
    office = np.where(rng.random(len(day)) < 0.55, rng.uniform(7.5, 11.5, len(day)), rng.uniform(13.5, 17.0, len(day)))
    evening = np.clip(rng.normal(np.where(rng.random(len(day)) < 0.6, 10, 20.5), 2.5), 0, 23.99)
    hours = np.where(online, evening, office)
    received = day.astype("datetime64[s]") + (hours * 3600).astype("timedelta64[s]")
    keep = (received >= start) & (received < end)
    order = np.argsort(received[keep], kind="stable")
    return received[keep][order], online[keep][order]


def _commune_in(rng, district: np.ndarray) -> np.ndarray:
    out = np.empty(len(district), dtype=object)
    for d in DISTRICTS:
        codes = np.array([c.code for c in COMMUNES if c.district_code == d.code], dtype=object)
        mask = district == d.code
        out[mask] = codes[rng.integers(0, len(codes), mask.sum())]
    return out


def _agencies(procedures, district, commune, unit_2025, after) -> tuple[np.ndarray, np.ndarray]:
    codes, names = [], []
    for p, d, c, u, post in zip(procedures, district, commune, unit_2025, after):
        if p.level in ("commune", "district"):
            if post:
                code, name = f"UBND-{u}", f"UBND {NEW_UNIT_NAMES[u]}"
            elif p.level == "commune":
                code, name = f"UBND-{c}", f"UBND {_COMMUNE_NAME[c]}"
            else:
                code, name = f"UBND-{d}", f"UBND {_DISTRICT_NAME[d]}"
        elif post and p.level in cat.MERGED_FROM_2025:
            code, name = cat.MERGED_FROM_2025[p.level]
        else:
            code, name = p.level, cat.DEPARTMENTS[p.level]
        codes.append(code)
        names.append(name)
    return np.array(codes, dtype=object), np.array(names, dtype=object)


def _due(received: np.ndarray, working_days: np.ndarray) -> np.ndarray:
    """Due at 17:00 on the n-th working day after reception (holidays excluded)."""
    day = np.busday_offset(received.astype("datetime64[D]"), 0, roll="forward", holidays=HOLIDAYS)
    due_day = np.busday_offset(day, working_days, roll="forward", holidays=HOLIDAYS)
    return due_day.astype("datetime64[s]") + np.timedelta64(17 * 3600, "s")


def _office_hours(rng, t: np.ndarray) -> np.ndarray:
    """Officers act 07:30-17:00 on working days: later times move to the next working morning."""
    day = t.astype("datetime64[D]")
    seconds = (t - day.astype("datetime64[s]")).astype(np.int64)
    after_hours = seconds >= 17 * 3600
    working = np.busday_offset(day + after_hours.astype("timedelta64[D]"), 0, roll="forward", holidays=HOLIDAYS)
    moved = (working != day) | (seconds < 7.5 * 3600) | after_hours
    morning = working.astype("datetime64[s]") + (rng.uniform(7.5, 17, len(t)) * 3600).astype("timedelta64[s]")
    return np.where(moved, morning, t)


def _outcomes(rng, created, processing, due) -> tuple[np.ndarray, np.ndarray]:
    n = len(created)
    allowed = np.maximum((due - created).astype(np.int64), 3600)
    u = rng.random(n)
    on_time = created + (rng.beta(2, 2.5, n) * allowed).astype("timedelta64[s]")
    late = due + (rng.exponential(3 * 86400, n) + 3600).astype("timedelta64[s]")
    returned = processing + (rng.uniform(0.2, 0.8, n) * allowed).astype("timedelta64[s]")
    withdrawn = processing + (rng.uniform(0.1, 0.5, n) * allowed).astype("timedelta64[s]")
    final_at = np.select([u < 0.01, u < 0.035, u < 0.08], [withdrawn, returned, late], on_time)
    final_at = _office_hours(rng, np.maximum(final_at, processing + np.timedelta64(600, "s")))
    resolved = np.where(final_at <= due, "resolved_on_time", "resolved_late")
    status = np.select([u < 0.01, u < 0.035], ["withdrawn", "returned"], resolved).astype(object)
    return final_at, status
