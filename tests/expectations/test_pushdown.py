"""GX computes in DuckDB: a large table, mostly failing, never comes into Python or pandas."""

from __future__ import annotations

import tracemalloc

import pandas as pd
from builddb import make_build_db

from expectations.runner import RESULT_FORMAT, run_suite

ROWS = 400_000


def test_large_failing_table_is_never_pulled_into_python(gx, tmp_path, gx_dir, monkeypatch):
    db = make_build_db(
        tmp_path / "build.duckdb",
        # 400k station-hours, ~93% of them in the wrong band and ~14% with a negative AQI
        f"INSERT INTO kpi.air_quality_hourly SELECT 'S' || (i % 500), '718', 'BD25-01', "
        f"TIMESTAMP '2020-01-01' + to_hours(i // 500), (i % 700) - 100, 'good', 'Tốt', 'PM2.5', 1.0, 2.0 "
        f"FROM range({ROWS}) t(i)",
    )
    frames: list[int] = []
    real_init = pd.DataFrame.__init__

    def counting_init(self, *args, **kwargs):
        real_init(self, *args, **kwargs)
        frames.append(len(self))

    monkeypatch.setattr(pd.DataFrame, "__init__", counting_init)
    tracemalloc.start()
    try:
        outcome = run_suite(db, "kpi.air_quality_hourly", run_id="big", context_dir=gx_dir)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()

    assert outcome.error is None and not outcome.success
    assert outcome.evaluated_row_count == ROWS + 96
    wrong_band = next(r for r in outcome.results if r.label.endswith("where aqi_band_code == 'good'"))
    assert wrong_band.unexpected_count > ROWS * 0.9
    assert len(wrong_band.partial_unexpected_list) == RESULT_FORMAT["partial_unexpected_count"]
    assert max(frames, default=0) <= RESULT_FORMAT["partial_unexpected_count"], frames
    # 400k rows as Python objects would take tens of MB; the counts and 20-value samples take ~3.
    assert peak < 20e6, f"peak Python allocation {peak / 1e6:.1f} MB"
