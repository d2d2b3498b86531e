"""Every version of every report, as the API renders it, with the faults of the real system.

Versions: received → assigned → in_progress → resolved | rejected → rated (satisfaction).
Faults (``faults=True``):
- backlogged hotline calls entered weeks after the call (late for their reporting month);
- an API upgrade ``drift_days`` before the end renames ``handling_agency`` to ``handling_unit``
  and adds ``zalo_user_id`` (personal data the connector must not land in clear);
- versions sent twice, satisfaction 0 or 6, GPS (0, 0), resolved before received, a record
  without ``report_id``.
"""

from __future__ import annotations

import unicodedata

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from simulators.citizen_feedback.people import people
from simulators.citizen_feedback.reports import CATEGORIES, REFORM_EPOCH, Reports
from simulators.common.local_time import LOCAL_OFFSET_S, iso_local
from simulators.common.versioned import SchemaDrift

STAGES = ("received", "assigned", "in_progress", "closed", "rated")
DRIFT = SchemaDrift(renames={"handling_agency": "handling_unit"}, added=("zalo_user_id",))


def _delay_backlog(rng: np.random.Generator, r: Reports) -> None:
    """Some hotline calls are typed in weeks later: shift every step after the call (in place)."""
    late = (r.channel == "hotline") & (rng.random(len(r.received)) < 0.015)
    delay = np.where(late, rng.uniform(20, 70, len(late)) * 86400, 0.0)
    for times in (r.created, r.assigned, r.in_progress, r.closed, r.rated):
        times += delay


def _written_contacts(rng: np.random.Generator, r: Reports, n_people: int) -> tuple[pa.Array, pa.Array]:
    """Each report's reporter name and phone as its channel wrote them (null when anonymous)."""
    names, phones = people(rng, n_people)
    known = r.reporter >= 0
    name = np.where(known, names[np.maximum(r.reporter, 0)], None)
    roll = rng.random(len(name))
    upper = known & (roll < 0.05)
    name[upper] = np.char.upper(name[upper].astype(str))
    for i in np.flatnonzero(known & (roll >= 0.05) & (roll < 0.08)):
        name[i] = unicodedata.normalize("NFD", name[i])
    phone = pa.array(np.where(known, phones[np.maximum(r.reporter, 0)], None), pa.string())

    def cut(start: int, stop: int = 10) -> pa.Array:
        return pc.utf8_slice_codeunits(phone, start, stop)

    written = {
        "hotline": pc.binary_join_element_wise(cut(0, 4), cut(4, 7), cut(7), " "),
        "app": pc.binary_join_element_wise("+84", cut(1), ""),
        "zalo": pc.binary_join_element_wise("84", cut(1), ""),
    }
    for channel, text in written.items():
        phone = pc.if_else(pa.array(r.channel == channel), text, phone)
    return pa.array(name, pa.string()), phone


def build_versions(rng: np.random.Generator, r: Reports, *, end: int, n_people: int, faults: bool, drift_days: int) -> pa.Table:
    n = len(r.received)
    if faults:
        _delay_backlog(rng, r)
    name, phone = _written_contacts(rng, r, n_people)
    r.in_progress[r.rejected] = np.nan
    times = np.stack([r.created, r.assigned, r.in_progress, r.closed, r.rated], axis=1)
    exists = ~np.isnan(times) & (times < end)
    exists[:, 1:] &= exists[:, :1]
    rep, stage = np.nonzero(exists)
    updated = times[rep, stage]

    year = ((r.received.astype(np.int64) + LOCAL_OFFSET_S).astype("datetime64[s]").astype("datetime64[Y]").astype(int) + 1970)
    sequence = np.char.zfill(np.arange(1, n + 1).astype(str), 7)
    report_id = np.char.add(np.char.add("PA-", year.astype(str)), np.char.add("-", sequence))
    before_reform = r.received < REFORM_EPOCH
    closed_status = np.where(r.rejected, "rejected", "resolved")
    status = np.array(STAGES[:3] + ("", ""), dtype=object)[stage]
    status[stage >= 3] = closed_status[rep[stage >= 3]]
    resolved = (stage >= 3) & ~r.rejected[rep]
    satisfaction = np.where(stage == 4, r.satisfaction[rep], 0).astype(float)
    longitude, latitude = r.longitude[rep].copy(), r.latitude[rep].copy()
    received_epoch = r.received[rep]
    closed_at = np.where(resolved, r.closed[rep], np.nan)
    m = len(rep)
    omit = np.full(m, None, dtype=object)
    twice = np.zeros(m, bool)
    if faults and m > 100:
        # faults sit on each report's latest version, so they are what the API serves at the end
        latest = np.flatnonzero(np.r_[rep[1:] != rep[:-1], True])
        twice[rng.choice(m, size=max(1, m // 500), replace=False)] = True
        rated_rows = np.intersect1d(latest, np.flatnonzero(stage == 4))
        picked = rng.choice(rated_rows, size=min(6, len(rated_rows)), replace=False)
        satisfaction[picked] = np.where(np.arange(len(picked)) % 2, 6, 0)
        no_gps = np.isin(rep, rng.choice(n, size=max(1, n // 5000), replace=False))
        longitude[no_gps], latitude[no_gps] = 0.0, 0.0
        resolved_rows = np.intersect1d(latest, np.flatnonzero(resolved))
        bad_close = rng.choice(resolved_rows, size=min(3, len(resolved_rows)), replace=False)
        closed_at[bad_close] = received_epoch[bad_close] - 3600
        omit[rng.choice(latest, size=3, replace=False)] = "report_id"
    cat_names = {k: v[0] for k, v in CATEGORIES.items()}
    zalo = (r.channel[rep] == "zalo")
    return pa.table({
        "report_id": report_id[rep],
        "category": r.category[rep],
        "category_name": np.vectorize(cat_names.get, otypes=[object])(r.category[rep]),
        "channel": r.channel[rep],
        "title": r.title[rep],
        "longitude": longitude,
        "latitude": latitude,
        "district_code": pa.array(np.where(before_reform[rep], r.district[rep], None), pa.string()),
        "commune_code_2025": pa.array(np.where(before_reform[rep], None, r.commune[rep]), pa.string()),
        "received_at": iso_local(received_epoch),
        "created_at": iso_local(r.created[rep]),
        "assigned_at": iso_local(np.where(stage >= 1, r.assigned[rep], np.nan)),
        "resolved_at": iso_local(closed_at),
        "status": status.astype(str),
        "handling_agency": pa.array(np.where(stage >= 1, r.agency[rep], None), pa.string()),
        "satisfaction": pa.array(satisfaction.astype(np.int64), mask=stage != 4),
        "reporter_name": name.take(pa.array(rep)),
        "reporter_phone": phone.take(pa.array(rep)),
        "zalo_user_id": pa.array(np.where(zalo, np.char.add("zl", (rep * 7919 % 10**9).astype(str)), None), pa.string()),
        "updated_at": iso_local(updated),
        "_updated_epoch": updated.astype(np.int64),
        "_schema_v2": updated >= end - drift_days * 86400,
        "_omit_field": pa.array(omit, pa.string()),
        "_sent_twice": twice,
    })
