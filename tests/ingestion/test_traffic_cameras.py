"""The traffic camera connector against its stand-in: a real HTTP server on loopback.

The store is small (12 cameras, 2 days) and the server's clock is set by each test, so what
"should have landed" is computed from the store itself, never written down by hand.
"""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import duckdb
import numpy as np
import pyarrow.parquet as pq
import pytest

from ingestion.common.errors import SourceUnavailableError
from ingestion.traffic_cameras import SOURCE, load_cameras, load_incidents, load_observations
from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import local_midnight
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.observation_store import read_observations
from simulators.traffic_cameras.server import start_server

END_DATE = date(2026, 3, 11)
PERIOD_END = local_midnight(END_DATE + timedelta(days=1))
TOKEN = "test-token-traffic"
SETTLE_S = 15 * 60


class Clock:
    def __init__(self, epoch: float):
        self.epoch = epoch

    def __call__(self) -> float:
        return self.epoch


def _store(tmp_path_factory, name: str, faults: bool) -> Path:
    out = tmp_path_factory.mktemp(name)
    generate(out, seed=7, cameras=12, days=2, end_date=END_DATE, faults=faults)
    return out


@pytest.fixture(scope="module")
def faulty_store(tmp_path_factory) -> Path:
    return _store(tmp_path_factory, "faulty", faults=True)


@pytest.fixture(scope="module")
def clean_store(tmp_path_factory) -> Path:
    return _store(tmp_path_factory, "clean", faults=False)


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_TOKEN", TOKEN)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_BACKOFF_S", "0.01")
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_MAX_RETRIES", "3")
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_TIMEOUT_S", "2")
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_PAGE_SIZE", "500")
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_BACKFILL_DAYS", "3")
    return tmp_path / "data" / "landing" / "traffic_cameras"


def serve(store: Path, monkeypatch, clock: Clock, faults: ServerFaults | None = None):
    server, url = start_server(store, token=TOKEN, faults=faults or ServerFaults(), clock=clock)
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_URL", url)
    return server


@pytest.fixture
def platform(clean_store, env, monkeypatch):
    server = serve(clean_store, monkeypatch, Clock(PERIOD_END + 3600))
    yield server
    server.stop()


def rows(landing: Path, dataset: str, where: str = "true", columns: str = "*") -> list[tuple]:
    sql = f"select {columns} from read_parquet('{landing}/batches/*/{dataset}.parquet', union_by_name=true) where {where}"
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def count(landing: Path, dataset: str, what: str = "count(*)", where: str = "true") -> int:
    glob = f"{landing}/batches/*/{dataset}.parquet"
    if not list(landing.glob(f"batches/*/{dataset}.parquet")):
        return 0
    with duckdb.connect() as con:
        return con.execute(f"select {what} from read_parquet('{glob}', union_by_name=true) where {where}").fetchone()[0]


def quarantine_reasons(landing: Path) -> list[str]:
    with duckdb.connect() as con:
        return [r[0] for r in con.execute(f"select reason from read_parquet('{landing}/batches/*/quarantine.parquet')").fetchall()]


def batch_records(landing: Path) -> list[dict]:
    with duckdb.connect() as con:
        return con.execute(f"select * from read_parquet('{landing}/batches/*/batch.parquet') order by batch_id").fetch_df().to_dict("records")


def expected_observations(store: Path, start: float, cutoff: float) -> int:
    """Records the API serves for [start, cutoff): what one or more runs must account for."""
    epoch = read_observations(store, columns=["observed_epoch"]).column(0).to_numpy()
    return int(((epoch >= start) & (epoch < cutoff)).sum())


def assert_conserved(landing: Path) -> None:
    for b in batch_records(landing):
        assert b["rows_read"] == b["rows_landed"] + b["rows_quarantined"], b


def test_source_spec_names_the_department_and_datasets():
    assert SOURCE.department == "transport_police"
    assert {d.name for d in SOURCE.datasets} == {"cameras", "observations", "incidents"}


def test_first_run_lands_every_observation_once_in_day_windows(platform, clean_store, env):
    batches = load_observations()
    start = local_midnight(END_DATE - timedelta(days=1))
    total = expected_observations(clean_store, start, PERIOD_END)
    assert sum(b.rows_landed for b in batches) == total == count(env, "observations")
    assert count(env, "observations", "count(distinct (camera_id, observed_at))") == total
    assert quarantine_reasons(env) == []
    # windows are cut at local midnight (17:00 UTC) and each is one committed batch
    ends = [b.source_ref.split("to=")[1] for b in batches]
    assert all(e.startswith(f"{d}T17%3A00%3A00Z") for e, d in zip(ends, ["2026-03-10", "2026-03-11"]))
    assert_conserved(env)


def test_next_run_lands_only_the_new_intervals(clean_store, env, monkeypatch):
    clock = Clock(PERIOD_END - 6 * 3600)
    server = serve(clean_store, monkeypatch, clock)
    try:
        first = sum(b.rows_landed for b in load_observations())
        clock.epoch += 3600
        second = load_observations()
        again = load_observations()
    finally:
        server.stop()
    cutoff_1 = (PERIOD_END - 6 * 3600 - SETTLE_S) // 300 * 300
    cutoff_2 = cutoff_1 + 3600
    assert sum(b.rows_landed for b in second) == expected_observations(clean_store, cutoff_1, cutoff_2) == 12 * 12
    assert first + 12 * 12 == count(env, "observations", "count(distinct (camera_id, observed_at))")
    assert again == []


def test_unit_conversion_drift_and_bad_values(faulty_store, env, monkeypatch):
    server = serve(faulty_store, monkeypatch, Clock(PERIOD_END + 3600))
    try:
        batches = load_observations()
    finally:
        server.stop()
    start = local_midnight(END_DATE - timedelta(days=1))
    assert sum(b.rows_read for b in batches) == expected_observations(faulty_store, start, PERIOD_END)
    assert_conserved(env)
    reasons = "\n".join(quarantine_reasons(env))
    for expected in ("duplicate of an earlier record", "outside [0, 150] km/h", "occupancy=", "motorbike_count=-1",
                     "missing value for camera_id"):
        assert expected in reasons
    # m/s readings land converted to km/h, and their unit is kept as reported
    source = [json.loads(j) for j in read_observations(faulty_store, columns=["json"]).column("json").to_pylist()]
    m_per_s = {(r["camera_id"], r["observed_at"]): r["avg_speed"] for r in source
               if r.get("speed_unit") == "m/s" and "camera_id" in r and r["avg_speed"] is not None and r["avg_speed"] < 40}
    assert m_per_s, "the faulty store should have old-firmware cameras reporting m/s"
    landed = {(cam, ts.astimezone(timezone(timedelta(hours=7))).isoformat()): kmh
              for cam, ts, kmh in rows(env, "observations", "speed_unit = 'm/s'",
                                       columns="camera_id, observed_at, avg_speed_kmh")}
    for key, raw in list(m_per_s.items())[:50]:
        assert landed[key] == pytest.approx(raw * 3.6, abs=0.01)
    # after the platform upgrade occupancy arrives as occupancy_ratio, plus a new field
    drift_from = datetime.fromtimestamp(PERIOD_END - 2 * 86400, timezone.utc)
    assert count(env, "observations", where=f"observed_at >= '{drift_from.isoformat()}' and occupancy is null "
                 "and camera_status = 'online'") == 0
    assert count(env, "observations", where="_extra like '%firmware_version%'") > 0


def test_retries_500s_and_timeouts_then_lands_everything(clean_store, env, monkeypatch):
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_TIMEOUT_S", "0.3")
    faults = ServerFaults(error_first=2, error_every=5, slow_every=7, slow_seconds=0.8)
    server = serve(clean_store, monkeypatch, Clock(PERIOD_END + 3600), faults)
    try:
        batches = load_observations()
    finally:
        server.stop()
    start = local_midnight(END_DATE - timedelta(days=1))
    assert sum(b.rows_landed for b in batches) == expected_observations(clean_store, start, PERIOD_END)
    assert count(env, "observations", "count(distinct (camera_id, observed_at))") == count(env, "observations")


def test_page_size_changing_mid_stream_loses_and_repeats_nothing(clean_store, env, monkeypatch):
    server = serve(clean_store, monkeypatch, Clock(PERIOD_END + 3600), ServerFaults(page_size_after_first=37))
    try:
        batches = load_observations()
    finally:
        server.stop()
    start = local_midnight(END_DATE - timedelta(days=1))
    assert sum(b.rows_landed for b in batches) == expected_observations(clean_store, start, PERIOD_END)
    assert count(env, "observations", "count(distinct (camera_id, observed_at))") == count(env, "observations")
    assert max(b.files_loaded for b in batches) > 80  # pages really were small


def test_outage_mid_run_keeps_committed_days_and_resumes_without_gap(clean_store, env, monkeypatch):
    server = serve(clean_store, monkeypatch, Clock(PERIOD_END + 3600), ServerFaults(outage_after=10))
    try:
        with pytest.raises(SourceUnavailableError, match=r"traffic_cameras.*IOC_TRAFFIC_CAMERAS_URL"):
            load_observations()
        committed = count(env, "observations")
        assert 0 < committed < 12 * 576  # the first day made it, the second did not
        assert not list((env / ".staging").glob("*"))
        server.faults = ServerFaults()
        load_observations()
    finally:
        server.stop()
    start = local_midnight(END_DATE - timedelta(days=1))
    total = expected_observations(clean_store, start, PERIOD_END)
    assert count(env, "observations") == total
    assert count(env, "observations", "count(distinct (camera_id, observed_at))") == total


def test_unreachable_platform_fails_alone_with_what_to_check(env, monkeypatch):
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_URL", "http://127.0.0.1:9")  # discard port: nothing listens
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_MAX_RETRIES", "1")
    with pytest.raises(SourceUnavailableError, match=r"traffic_cameras: .*cannot connect.*IOC_TRAFFIC_CAMERAS_URL"):
        load_observations()
    assert not env.exists() or not list(env.glob("batches/*"))


def test_token_is_required_and_checked(platform, env, monkeypatch):
    monkeypatch.delenv("IOC_TRAFFIC_CAMERAS_TOKEN")
    with pytest.raises(SourceUnavailableError, match="set IOC_TRAFFIC_CAMERAS_TOKEN"):
        load_cameras()
    monkeypatch.setenv("IOC_TRAFFIC_CAMERAS_TOKEN", "wrong")
    with pytest.raises(SourceUnavailableError, match=r"refused the token \(HTTP 401\)"):
        load_cameras()


def test_nothing_observed_yet_lands_nothing(clean_store, env, monkeypatch):
    server = serve(clean_store, monkeypatch, Clock(local_midnight(END_DATE - timedelta(days=1)) + 600))
    try:
        assert load_observations() == []
    finally:
        server.stop()
    assert count(env, "observations") == 0


def test_registry_versions_bad_coordinates_and_resent_records(faulty_store, env, monkeypatch):
    period_start = local_midnight(END_DATE - timedelta(days=1))
    clock = Clock(period_start + 5400)  # GPS (0, 0) registered at +1 h, fixed at +2 h; one record re-sent at +1.5 h
    server = serve(faulty_store, monkeypatch, clock)
    try:
        first = load_cameras()
        clock.epoch = PERIOD_END + 3600
        second = load_cameras()
        assert load_cameras() is None  # nothing changed since
    finally:
        server.stop()
    assert first.rows_landed == 12 - 1 and first.rows_quarantined == 1 + 1
    reasons = "\n".join(quarantine_reasons(env))
    assert "longitude=0 outside" in reasons and "duplicate of an earlier record" in reasons
    assert second.rows_quarantined == 0 and second.rows_landed >= 1
    # every camera has a landed version with valid coordinates in the end
    assert count(env, "cameras", "count(distinct camera_id)", "longitude between 106 and 108") == 12
    assert_conserved(env)


def test_incidents_land_each_version_and_quarantine_bad_ones(faulty_store, env, monkeypatch):
    store = pq.read_table(faulty_store / "incidents.parquet").to_pylist()
    cleared_at = {r["incident_id"]: r["_updated_epoch"] for r in store if r["status"] == "cleared"}
    detected = sorted((r["_updated_epoch"], r["incident_id"]) for r in store if r["status"] == "active")
    # first run while some incidents are still active, second after the end of the period
    t1 = next(t for t, i in detected if i in cleared_at and cleared_at[i] > t + 60 and t > PERIOD_END - 86400) + 1
    active_then_cleared = {i for t, i in detected if t <= t1 < cleared_at.get(i, np.inf)}
    clock = Clock(t1)
    server = serve(faulty_store, monkeypatch, clock)
    try:
        first = load_incidents()
        clock.epoch = PERIOD_END + 3600
        second = load_incidents()
    finally:
        server.stop()
    assert first.rows_read > 0 and second.rows_read > 0
    reasons = "\n".join(quarantine_reasons(env))
    assert "severity='urgent'" in reasons and "cleared_at is before started_at" in reasons
    with_both = {r[0] for r in rows(env, "incidents", columns="incident_id, count(distinct status)",
                                    where="true group by 1 having count(distinct status) = 2")}
    assert active_then_cleared & with_both
    assert active_then_cleared <= with_both | _quarantined_ids(env)
    assert_conserved(env)


def _quarantined_ids(landing: Path) -> set[str]:
    with duckdb.connect() as con:
        raw = con.execute(f"select raw_record from read_parquet('{landing}/batches/*/quarantine.parquet')").fetchall()
    return {json.loads(r[0]).get("incident_id") for r in raw}


def test_a_field_dropped_by_the_api_quarantines_the_records_that_need_it(faulty_store, env, monkeypatch, tmp_path):
    store = tmp_path / "drifted"
    store.mkdir()
    for name in ("incidents.parquet", "server_faults.json"):
        (store / name).write_bytes((faulty_store / name).read_bytes())
    shutil.copytree(faulty_store / "observations", store / "observations")
    pq.write_table(pq.read_table(faulty_store / "cameras.parquet").drop(["location_id"]), store / "cameras.parquet")
    server = serve(store, monkeypatch, Clock(PERIOD_END + 3600))
    try:
        batch = load_cameras()
    finally:
        server.stop()
    assert batch.rows_landed == 0 and batch.rows_quarantined == batch.rows_read > 0
    assert all("field location_id missing from the response" in r for r in quarantine_reasons(env))
    assert np.all([b["rows_read"] == b["rows_quarantined"] for b in batch_records(env)])
