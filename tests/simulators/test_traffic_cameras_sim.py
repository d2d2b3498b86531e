"""The traffic camera stand-in: deterministic, realistic in shape, and strict like the real API."""

from __future__ import annotations

import json
from datetime import date

import numpy as np
import pytest
import requests

from simulators.common.local_time import local_hour_of_day, local_midnight
from simulators.traffic_cameras.cameras import build_cameras
from simulators.traffic_cameras.generate import generate
from simulators.traffic_cameras.server import start_server
from simulators.traffic_cameras.traffic import simulate_observations

END = date(2026, 3, 11)  # a Wednesday


def test_same_arguments_same_bytes(tmp_path):
    for name in ("a", "b"):
        generate(tmp_path / name, seed=3, cameras=10, days=1, end_date=END, faults=True)
    for file in ("cameras.parquet", "observations.parquet", "incidents.parquet", "server_faults.json"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes()
    generate(tmp_path / "c", seed=4, cameras=10, days=1, end_date=END, faults=True)
    assert (tmp_path / "a" / "observations.parquet").read_bytes() != (tmp_path / "c" / "observations.parquet").read_bytes()


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
