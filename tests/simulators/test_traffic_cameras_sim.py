"""The traffic camera stand-in: deterministic, realistic in shape, and strict like the real API."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow.parquet as pq
import pytest
import requests

from simulators.common.http_stand_in import ServerFaults
from simulators.common.local_time import iso_local, local_hour_of_day, local_midnight
from simulators.traffic_cameras.cameras import build_cameras
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.observation_store import day_files, read_observations
from simulators.traffic_cameras.server import start_server
from simulators.traffic_cameras.traffic import simulate_observations

END = date(2026, 3, 11)  # a Wednesday


def store_bytes(store: Path) -> dict[str, bytes]:
    return {str(f.relative_to(store)): f.read_bytes() for f in sorted(store.rglob("*")) if f.is_file()}


def test_same_arguments_same_bytes(tmp_path):
    for name in ("a", "b"):
        generate(tmp_path / name, seed=3, cameras=10, days=1, end_date=END, faults=True)
    a = store_bytes(tmp_path / "a")
    assert {"cameras.parquet", "observations/2026-03-11.parquet", "incidents.parquet", "server_faults.json",
            "meta.json"} == set(a)
    assert a == store_bytes(tmp_path / "b")
    generate(tmp_path / "c", seed=4, cameras=10, days=1, end_date=END, faults=True)
    assert a["observations/2026-03-11.parquet"] != store_bytes(tmp_path / "c")["observations/2026-03-11.parquet"]


@pytest.fixture(scope="module")
def multi_block_store(tmp_path_factory) -> Path:
    """10 days in blocks of 3 (3 + 3 + 3 + 1), faults on."""
    out = tmp_path_factory.mktemp("blocks")
    generate(out / "a", seed=5, cameras=5, days=10, end_date=END, faults=True, block_days=3)
    return out


def test_multi_block_generation_is_deterministic_and_stored_by_day(multi_block_store, tmp_path):
    store = multi_block_store / "a"
    generate(tmp_path / "b", seed=5, cameras=5, days=10, end_date=END, faults=True, block_days=3)
    assert store_bytes(store) == store_bytes(tmp_path / "b")
    meta = json.loads((store / "meta.json").read_text())
    days = [f.stem for _, f in day_files(store)]
    assert days == [(END - timedelta(days=9 - i)).isoformat() for i in range(10)]
    table = read_observations(store)
    assert table.num_rows == meta["observation_records"] > 10 * 288 * 5  # plus the records sent twice
    for midnight, file in day_files(store):  # each file holds exactly its local day, in serving order
        epoch = pq.read_table(file, columns=["observed_epoch"]).column(0).to_numpy()
        assert epoch.min() >= midnight and epoch.max() < midnight + 86400 and np.all(np.diff(epoch) >= 0)
    records = [json.loads(j) for j in table.column("json").to_pylist()]
    assert 8 * 4 <= sum("camera_id" not in r for r in records) <= 8 * 4 + 4  # 8 per block (one may be sent twice)
    drift_from = iso_local(np.array([meta["period_end_epoch"] - 2 * 86400]))[0]
    assert all(("occupancy_ratio" in r) == (r["observed_at"] >= drift_from) for r in records if "camera_id" in r)
    # each block draws its own faults: the blocks differ from one another
    per_day = [pq.read_table(f, columns=["json"]).column(0).to_pylist() for _, f in day_files(store)]
    assert per_day[0] != per_day[3]


def test_feed_window_across_midnight_equals_the_stored_days(multi_block_store):
    store = multi_block_store / "a"
    table = read_observations(store)
    epoch = table.column("observed_epoch").to_numpy()
    stored = table.column("json").to_pylist()
    midnight = local_midnight(END - timedelta(days=4))  # between blocks 2 and 3 (days 6 and 7)
    server, url = start_server(store, token="t0k", faults=ServerFaults(),
                               clock=lambda: local_midnight(END) + 86400 + 3600)
    try:
        for start in (midnight - 6 * 3600, midnight - 86400, midnight):
            window = {"from": iso_local(np.array([start]))[0], "to": iso_local(np.array([start + 86400]))[0],
                      "page_size": 97}
            served, cursor = [], None
            while True:
                page = requests.get(f"{url}/api/v1/observations", params={**window, **({"cursor": cursor} if cursor else {})},
                                    headers={"Authorization": "Bearer t0k"}, timeout=5)
                assert page.status_code == 200
                body = json.loads(page.text)
                served += body["items"]
                cursor = body["next_cursor"]
                if cursor is None:
                    break
            expected = [s for s, e in zip(stored, epoch) if start <= e < start + 86400]
            assert served == [json.loads(s) for s in expected]
            assert len(served) > 24 * 12 * 5
    finally:
        server.stop()


def test_demo_network_has_421_cameras_at_205_locations_in_known_areas():
    records, model = build_cameras(np.random.default_rng(42), 421)
    assert len(records) == 421 and len({r["location_id"] for r in records}) == 205
    assert {r["district_code"] for r in records} <= {str(c) for c in range(718, 727)}
    assert all(r["commune_code_2025"].startswith("BD25-") for r in records)
    assert {"QL13", "QL1K", "ĐT743", "Đại lộ Bình Dương", "Mỹ Phước–Tân Vạn"} <= {r["road_name"] for r in records}


def test_rush_hours_motorbikes_and_hotspot_jams():
    rng = np.random.default_rng(1)
    _, model = build_cameras(rng, 120)
    obs = simulate_observations(rng, model, local_midnight(END), 288)
    hour = local_hour_of_day(obs.slot_epoch)
    total = obs.motorbike + obs.car + obs.truck + obs.bus
    peak, night = (hour >= 7) & (hour < 9), (hour >= 1) & (hour < 4)
    assert np.nanmean(total[peak]) > 4 * np.nanmean(total[night])
    assert np.nansum(obs.motorbike) / np.nansum(total) > 0.7
    hot = model.hotspot > 0
    assert np.nanmean(obs.speed_kmh[peak][:, hot]) < 0.7 * np.nanmean(obs.speed_kmh[night][:, hot])
    assert np.nanmean(obs.occupancy[peak][:, hot]) > 2 * np.nanmean(obs.occupancy[peak][:, ~hot])


@pytest.fixture
def api(tmp_path):
    generate(tmp_path, seed=3, cameras=10, days=1, end_date=END, faults=False)
    server, url = start_server(tmp_path, token="t0k", clock=lambda: local_midnight(END) + 9 * 3600)
    yield url
    server.stop()


def test_api_demands_the_token_and_validates_windows(api):
    assert requests.get(f"{api}/api/v1/cameras", timeout=5).status_code == 401
    auth = {"Authorization": "Bearer t0k"}
    assert requests.get(f"{api}/api/v1/observations", headers=auth, timeout=5).status_code == 400
    too_long = {"from": "2026-03-09T00:00:00+07:00", "to": "2026-03-11T00:00:00+07:00"}
    assert requests.get(f"{api}/api/v1/observations", params=too_long, headers=auth, timeout=5).status_code == 400


def test_api_serves_only_what_has_happened_by_its_clock(api):
    auth = {"Authorization": "Bearer t0k"}
    window = {"from": "2026-03-11T00:00:00+07:00", "to": "2026-03-12T00:00:00+07:00", "page_size": 5000}
    body = requests.get(f"{api}/api/v1/observations", params=window, headers=auth, timeout=5).json()
    last = max(item["observed_at"] for item in body["items"])
    assert last == "2026-03-11T08:55:00+07:00" and body["count"] == 10 * 108 and body["next_cursor"] is None
    assert json.loads(requests.get(f"{api}/api/v1/status", headers=auth, timeout=5).text)["server_time"].startswith("2026-03-11T09:00")
