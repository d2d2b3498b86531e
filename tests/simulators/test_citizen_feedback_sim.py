"""The citizen feedback stand-in: deterministic, versions in order, personal data present."""

from __future__ import annotations

from datetime import date

import pyarrow.parquet as pq
import requests

from simulators.citizen_feedback.generate import generate
from simulators.citizen_feedback.server import start_server
from simulators.common.local_time import local_midnight

END = date(2025, 8, 31)
ORDER = {"received": 0, "assigned": 1, "in_progress": 2, "resolved": 3, "rejected": 3}


def test_same_arguments_same_bytes(tmp_path):
    for name in ("a", "b"):
        generate(tmp_path / name, seed=9, days=30, per_day=10, end_date=END, faults=True)
    assert (tmp_path / "a" / "reports.parquet").read_bytes() == (tmp_path / "b" / "reports.parquet").read_bytes()


def test_versions_move_forward_and_carry_the_reporter(tmp_path):
    generate(tmp_path, seed=9, days=30, per_day=10, end_date=END, faults=False)
    versions = pq.read_table(tmp_path / "reports.parquet").sort_by([("report_id", "ascending"), ("_updated_epoch", "ascending")]).to_pylist()
    previous = {}
    for v in versions:
        if v["report_id"] in previous:
            assert ORDER[v["status"]] >= ORDER[previous[v["report_id"]]]
        previous[v["report_id"]] = v["status"]
    assert {v["channel"] for v in versions} == {"app", "hotline", "web", "zalo"}
    assert sum(v["reporter_phone"] is not None for v in versions) > 0.8 * len(versions)


def test_api_shows_each_report_once_in_its_current_state(tmp_path):
    generate(tmp_path, seed=9, days=30, per_day=10, end_date=END, faults=False)
    server, url = start_server(tmp_path, token="t", clock=lambda: local_midnight(END))
    try:
        assert requests.get(f"{url}/api/v2/reports", timeout=5).status_code == 401
        items, cursor = [], None
        while True:
            params = {"page_size": 50, **({"cursor": cursor} if cursor else {})}
            body = requests.get(f"{url}/api/v2/reports", params=params, headers={"Authorization": "Bearer t"}, timeout=5).json()
            items += body["items"]
            cursor = body["next_cursor"]
            if not cursor:
                break
    finally:
        server.stop()
    ids = [i["report_id"] for i in items]
    assert len(ids) == len(set(ids)) > 100
    assert all(i["updated_at"] < "2025-08-31T00:00:01+07:00" for i in items)
