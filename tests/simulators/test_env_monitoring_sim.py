"""The monitoring-station stand-in: reproducible, in the field format, with its faults."""

from __future__ import annotations

import csv
import re
from datetime import date
from pathlib import Path

import pytest

from ingestion.settings import REPO_ROOT
from simulators.env_monitoring import simulate
from simulators.env_monitoring.__main__ import main as sim_cli
from simulators.env_monitoring.faults import FaultRates
from simulators.env_monitoring.stations import build_fleet, write_registry

LINE = re.compile(
    r"^(?P<param>[^\t]+)\t(?P<value>-?\d+(\.\d+)?)\t(?P<unit>[^\t]+)\t(?P<stamp>\d{14})\t(?P<status>0[012])$"
)
PARAMS = {
    "AIR": ["PM2,5", "PM10", "SO2", "NO2", "CO", "O3"],
    "WW": ["pH", "COD", "TSS", "NH4", "Temp", "Flow"],
    "STK": ["Dust", "SO2", "NOx", "CO", "O2", "Flow"],
}


def run(out: Path, **kwargs):
    args = dict(start=date(2025, 3, 1), days=1, seed=42, n_air=1, n_wastewater=1, n_stack=0) | kwargs
    return simulate(drop_dir=out / "drop", registry_path=out / "stations.csv", **args)


def snapshot(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in sorted(out.rglob("*")) if p.is_file()}


def test_same_arguments_give_byte_identical_files(tmp_path):
    run(tmp_path / "a")
    run(tmp_path / "b")
    run(tmp_path / "c", seed=43, n_wastewater=0)
    a, b, c = snapshot(tmp_path / "a"), snapshot(tmp_path / "b"), snapshot(tmp_path / "c")
    assert a == b
    assert a["drop/BD_AIR_01_20250301120000.txt"] != c["drop/BD_AIR_01_20250301120000.txt"]  # another seed


def test_a_stations_data_does_not_depend_on_the_rest_of_the_fleet(tmp_path):
    run(tmp_path / "small", n_air=1, n_wastewater=0)
    run(tmp_path / "large", n_air=2, n_wastewater=1)
    small = snapshot(tmp_path / "small")
    large = snapshot(tmp_path / "large")
    assert all(large[name] == content for name, content in small.items() if name.startswith("drop/"))


def test_without_faults_every_slot_has_a_clean_file(tmp_path):
    summary = run(tmp_path, n_stack=1, fault_rates=FaultRates.none())
    files = sorted((tmp_path / "drop").iterdir())
    assert len(files) == summary.counts["files"] == 3 * 288
    for path in files:
        station, stamp = re.fullmatch(r"(BD_(AIR|WW|STK)_\d{2})_(\d{14})\.txt", path.name).group(1, 3)
        text = path.read_bytes().decode("utf-8")
        assert text.endswith("\r\n")
        lines = [LINE.fullmatch(line) for line in text.split("\r\n")[:-1]]
        assert all(lines), path.name
        assert [m["param"] for m in lines] == PARAMS[station.split("_")[1]]
        assert {m["stamp"] for m in lines} == {stamp}
        assert {m["status"] for m in lines} == {"00"}
        assert all(float(m["value"]) >= 0 for m in lines)
    assert (tmp_path / "drop" / "BD_AIR_01_20250301000000.txt").exists()
    assert (tmp_path / "drop" / "BD_AIR_01_20250301235500.txt").exists()


def test_default_faults_show_up(tmp_path):
    rates = FaultRates(
        calibration_per_station_day=3,
        device_fault_per_station_day=2,
        gap_per_station_day=2,
        malformed_line_per_file=0.05,
        resend_per_file=0.05,
        negative_per_line=0.01,
    )
    summary = run(tmp_path, n_air=2, n_wastewater=2, fault_rates=rates)
    counts = summary.counts
    assert counts["slots_missing"] > 0 and counts["resent_files"] > 0 and counts["negative_lines"] > 0
    assert all(
        counts[f"malformed_{k}"] > 0
        for k in ("wrong_field_count", "non_numeric_value", "bad_timestamp", "unknown_status", "unknown_param")
    )
    resent = sorted((tmp_path / "drop").glob("*_resend.txt"))
    assert len(resent) == counts["resent_files"]
    for copy in resent:
        assert copy.read_bytes() == copy.with_name(copy.name.replace("_resend", "")).read_bytes()
    statuses = {
        line.rsplit("\t", 1)[-1] for p in (tmp_path / "drop").iterdir() for line in p.read_text("utf-8").splitlines()
    }
    assert {"00", "01", "02"} <= statuses


def test_registry_is_consistent_with_the_area_seeds(tmp_path):
    # More stations than the catalogue has sites: sites are re-used. Only the registry is needed.
    write_registry(build_fleet(n_air=12, n_wastewater=14, n_stack=8), tmp_path / "stations.csv")
    with open(tmp_path / "stations.csv", encoding="utf-8") as f:
        stations = list(csv.DictReader(f))
    with open(REPO_ROOT / "dbt_project" / "seeds" / "ref_area_bridge.csv", encoding="utf-8") as f:
        bridge = {(row["old_area_code"], row["new_area_code"]) for row in csv.DictReader(f)}
    assert len(stations) == 34 and len({s["station_code"] for s in stations}) == 34
    for s in stations:
        assert re.fullmatch(r"BD_(AIR|WW|STK)_\d{2}", s["station_code"])
        assert (s["district_code"], s["commune_code_2025"]) in bridge, s
        assert 10.85 <= float(s["latitude"]) <= 11.5 and 106.4 <= float(s["longitude"]) <= 106.9
        assert s["station_type"] in ("ambient_air", "wastewater", "stack_emission")
        assert s["qcvn_column"] == ("" if s["station_type"] == "ambient_air" else s["qcvn_column"])
        assert s["qcvn_column"] in (("",) if s["station_type"] == "ambient_air" else ("A", "B"))


def test_cli_writes_into_out(tmp_path, capsys):
    sim_cli(
        [
            "--out",
            str(tmp_path),
            "--days",
            "1",
            "--start",
            "2025-03-01",
            "--stations-air",
            "1",
            "--stations-wastewater",
            "0",
            "--stations-stack",
            "0",
            "--faults",
            "none",
        ]
    )
    assert len(list((tmp_path / "drop").iterdir())) == 288
    assert "2025-03-01 done" in capsys.readouterr().err


@pytest.mark.parametrize("bad", [["--faults", "some"], ["--start", "01/03/2025"]])
def test_cli_rejects_bad_arguments(bad):
    with pytest.raises(SystemExit):
        sim_cli(bad)
