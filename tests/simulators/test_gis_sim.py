"""The GIS stand-in draws a consistent map: valid, non-overlapping units, points inside their units."""

from __future__ import annotations

import csv
import json
from collections import defaultdict

import pytest
import shapely

from simulators.gis.areas import communes_pre2025
from simulators.gis.simulate import simulate


@pytest.fixture(scope="module")
def published(tmp_path_factory):
    out = tmp_path_factory.mktemp("gis")
    simulate(out, seed=5, faults=False, schools=120)
    return out


def layer(folder, name) -> list[tuple[dict, shapely.Geometry]]:
    doc = json.loads((folder / f"{name}.geojson").read_text(encoding="utf-8"))
    return [(f["properties"], shapely.from_geojson(json.dumps(f["geometry"]))) for f in doc["features"]]


@pytest.mark.parametrize("name,count", [("admin_districts_2024", 9), ("admin_communes_2024", 91), ("admin_communes_2025", 36)])
def test_each_geography_is_a_valid_partition_of_the_province(published, name, count):
    province = layer(published, "admin_province")[0][1]
    units = layer(published, name)
    geoms = [g for _, g in units]
    assert len(units) == count
    assert all(shapely.is_valid(geoms))
    union = shapely.union_all(geoms)
    assert sum(g.area for g in geoms) == pytest.approx(union.area, rel=1e-9)  # no overlaps
    assert union.symmetric_difference(province).area == pytest.approx(0, abs=1e-9)  # no gaps


def test_real_commune_names_and_surrogate_codes(published):
    props = [p for p, _ in layer(published, "admin_communes_2024")]
    assert {p["area_code"] for p in props} == {c.code for c in communes_pre2025()}
    assert {"Phường Phú Cường", "Xã An Sơn", "Thị trấn Dầu Tiếng"} <= {p["name_vi"] for p in props}
    assert all(p["official_code"] is None for p in props)


@pytest.mark.parametrize("name", ["schools", "traffic_cameras", "monitoring_stations", "health_facilities"])
def test_points_lie_inside_the_units_they_name(published, name):
    units = {p["area_code"]: g for p, g in layer(published, "admin_communes_2025")}
    old = {p["area_code"]: g for p, g in layer(published, "admin_communes_2024")}
    for props, point in layer(published, name):
        assert units[props["commune_code_2025"]].contains(point)
        assert old[props["commune_code"]].contains(point)


def test_bridge_weights_sum_to_one_per_old_commune_and_match_geometry(published):
    with (published / "area_bridge_2025.csv").open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    totals = defaultdict(float)
    for r in rows:
        totals[r["old_commune_code"]] += float(r["area_weight"])
    assert len(totals) == 91 and all(t == pytest.approx(1, abs=1e-5) for t in totals.values())
    assert any(float(r["area_weight"]) < 1 for r in rows)  # some communes were split
    old = {p["area_code"]: g for p, g in layer(published, "admin_communes_2024")}
    new = {p["area_code"]: g for p, g in layer(published, "admin_communes_2025")}
    split = next(r for r in rows if float(r["area_weight"]) < 1)
    share = old[split["old_commune_code"]].intersection(new[split["new_area_code"]]).area / old[split["old_commune_code"]].area
    assert share == pytest.approx(float(split["area_weight"]), abs=0.01)


def test_same_seed_same_files(published, tmp_path):
    simulate(tmp_path, seed=5, faults=False, schools=120)
    for path in published.iterdir():
        assert (tmp_path / path.name).read_bytes() == path.read_bytes(), path.name
