"""The GIS connector against the stand-in's published folder (real GeoJSON / CSV files)."""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from ingestion.common.csv_encoding import encode_tcvn3
from ingestion.common.errors import SourceUnavailableError
from ingestion.gis import SOURCE, load
from ingestion.landing import BatchWriter
from simulators.gis.simulate import simulate

DATASETS = [d.name for d in SOURCE.datasets]


@pytest.fixture(scope="module")
def published(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("gis_published")
    simulate(out, seed=3, faults=True, schools=60)
    return out


@pytest.fixture
def folder(published, tmp_path, monkeypatch) -> Path:
    copy = tmp_path / "gis"
    shutil.copytree(published, copy)
    settled(copy)
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_GIS_DIR", str(copy))
    return copy


def settled(folder: Path) -> None:
    """Files the test just wrote are older than the connector's settle time."""
    then = time.time() - 3600
    for rank, path in enumerate(sorted(folder.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name))):
        os.utime(path, (then + rank, then + rank))


def query(sql: str) -> list[tuple]:
    with duckdb.connect() as con:
        return con.execute(sql).fetchall()


def landing(tmp_path: Path, name: str) -> str:
    return f"read_parquet('{tmp_path}/data/landing/gis/batches/*/{name}.parquet', union_by_name=true)"


def reasons_of(record) -> list[str]:
    return pq.read_table(record.path / "quarantine.parquet")["reason"].to_pylist()


def test_spec_declares_department_and_every_layer():
    assert SOURCE.department == "gis"
    assert set(DATASETS) == {"admin_units", "monitoring_stations", "traffic_cameras", "schools",
                             "health_facilities", "industrial_parks", "area_bridge"}


def test_every_feature_is_landed_or_quarantined_and_reruns_land_nothing(folder, tmp_path):
    records = {name: load(name) for name in DATASETS}
    for record in records.values():
        assert record.rows_read == record.rows_landed + record.rows_quarantined
    features = sum(len(json.loads(p.read_text(encoding="utf-8"))["features"])
                   for p in folder.glob("admin_*.geojson"))
    assert records["admin_units"].rows_landed == features == 2 + 9 + 91 + 36
    assert all(load(name) is None for name in DATASETS)
    assert len(list((tmp_path / "data/landing/gis/batches").iterdir())) == len(DATASETS)


def test_bad_geometries_and_missing_properties_are_quarantined_with_reasons(folder):
    cameras = reasons_of(load("traffic_cameras"))
    assert any("outside the province's extent" in r and "swapped" in r for r in cameras)
    assert "missing required property camera_code" in cameras
    assert "missing geometry" in cameras
    parks = reasons_of(load("industrial_parks"))
    assert any(r.startswith("invalid geometry: Self-intersection") for r in parks)


def test_legacy_encoding_bom_and_renamed_property_are_read(folder, tmp_path):
    load("health_facilities")
    load("area_bridge")
    load("schools")
    names = query(f"select facility_name, source_encoding from {landing(tmp_path, 'health_facilities')}")
    assert {e for _, e in names} == {"cp1258"}
    assert any(n.startswith("Bệnh viện Đa khoa") for n, _ in names)
    bridge = query(f"select count(*), any_value(source_encoding), sum(area_weight) from {landing(tmp_path, 'area_bridge')}")
    assert bridge[0][1] == "utf-8-sig" and bridge[0][2] == pytest.approx(91, abs=1e-3)
    schools = query(f"select count(school_code), count(*) from {landing(tmp_path, 'schools')}")
    assert schools == [(60, 60)]  # 'ma_truong' read as school_code


def test_tcvn3_file_is_decoded(folder, tmp_path):
    doc = json.loads((folder / "monitoring_stations.geojson").read_text(encoding="utf-8"))
    for feature in doc["features"]:  # TCVN3 fonts have no accented capitals
        feature["properties"]["station_name"] = feature["properties"]["station_name"].lower()
    (folder / "monitoring_stations.geojson").unlink()
    (folder / "monitoring_stations_legacy.geojson").write_bytes(encode_tcvn3(json.dumps(doc, ensure_ascii=False)))
    settled(folder)
    record = load("monitoring_stations")
    stations = query(f"select station_name, source_encoding from read_parquet('{record.path}/monitoring_stations.parquet')")
    assert {e for _, e in stations} == {"tcvn3"} and any("quan trắc" in n for n, _ in stations)


def test_resent_and_empty_files_are_recorded_as_skipped(folder):
    record = load("schools")
    files = {f["source_file"]: f for f in pq.read_table(record.path / "files.parquet").to_pylist()}
    assert files["schools (1).geojson"]["skipped_reason"] == "duplicate of schools.geojson"
    assert record.rows_read == files["schools.geojson"]["lines_read"] == 60
    stations = pq.read_table(load("monitoring_stations").path / "files.parquet").to_pylist()
    assert {f["source_file"]: f["skipped_reason"] for f in stations}["monitoring_stations_update.geojson"] == "empty file: 0 bytes"


def test_new_version_of_a_layer_is_landed_again(folder, tmp_path):
    load("industrial_parks")
    doc = json.loads((folder / "industrial_parks.geojson").read_text(encoding="utf-8"))
    doc["features"][1]["properties"]["area_ha"] = 999.5
    (folder / "industrial_parks.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    settled(folder)
    second = load("industrial_parks")
    assert second.rows_read == len(doc["features"]) and second.files_loaded == 1
    code = doc["features"][1]["properties"]["park_code"]
    latest = query(f"select area_ha from {landing(tmp_path, 'industrial_parks')} where park_code = '{code}' "
                   f"order by _loaded_at desc limit 1")
    assert latest == [(999.5,)]


def test_truncated_file_is_one_quarantined_record(folder):
    text = (folder / "traffic_cameras.geojson").read_text(encoding="utf-8")
    (folder / "traffic_cameras_update.geojson").write_text(text[: len(text) // 2], encoding="utf-8")
    settled(folder)
    record = load("traffic_cameras")
    rejected = [r for r in reasons_of(record) if r.startswith("file rejected")]
    assert len(rejected) == 1 and "not valid JSON" in rejected[0]
    assert record.rows_read == record.rows_landed + record.rows_quarantined


def test_projected_coordinates_and_duplicate_features_are_quarantined(folder):
    doc = json.loads((folder / "schools.geojson").read_text(encoding="utf-8"))
    doc["features"].append(doc["features"][0])  # the same school twice
    (folder / "schools.geojson").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    projected = {**doc, "crs": {"type": "name", "properties": {"name": "EPSG:9210"}}, "features": doc["features"][:3]}
    (folder / "schools_vn2000.geojson").write_text(json.dumps(projected), encoding="utf-8")
    settled(folder)
    reasons = reasons_of(load("schools"))
    assert sum("coordinates in EPSG:9210" in r for r in reasons) == 3
    assert any(r.startswith("duplicate school_code") for r in reasons)


def test_bridge_units_and_impossible_weights(folder, tmp_path):
    (folder / "area_bridge_2025.csv").unlink()
    (folder / "area_bridge_fix.csv").write_text(
        "old_commune_code,old_district_code,new_area_code,Diện tích giao (ha),area_weight,population_weight\n"
        "718-01,718,BD25-01,778.5,1.0,1.0\n"
        "718-02,718,BD25-01,875.8,1.5,1.0\n", encoding="utf-8")
    settled(folder)
    record = load("area_bridge")
    assert record.rows_landed == 1 and record.rows_quarantined == 1
    assert query(f"select intersection_km2 from read_parquet('{record.path}/area_bridge.parquet')") == [(pytest.approx(7.785),)]
    assert "area_weight" in reasons_of(record)[0]


def test_crash_before_commit_lands_nothing_then_recovers(folder, tmp_path, monkeypatch):
    def crash(self, rows_read):
        raise OSError("disk full")

    with monkeypatch.context() as m:
        m.setattr(BatchWriter, "commit", crash)
        with pytest.raises(OSError):
            load("admin_units")
    assert not (tmp_path / "data/landing/gis/batches").exists()
    assert load("admin_units").rows_landed == 138


def test_missing_folder_names_the_variable(tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("IOC_GIS_DIR", str(tmp_path / "not_mounted"))
    with pytest.raises(SourceUnavailableError, match="gis.*IOC_GIS_DIR"):
        load("admin_units")
