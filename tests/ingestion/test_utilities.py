"""Utilities connector against its stand-in: real JSON exports in a drop folder."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import pytest

from ingestion.common.csv_encoding import encode_cp1258, encode_tcvn3
from ingestion.common.errors import SourceUnavailableError
from ingestion.utilities import SOURCE
from ingestion.utilities import load as load_module
from ingestion.utilities.load import load_power_consumption, load_power_service, load_water_supply
from simulators.utilities import faults, generate

END = date(2025, 8, 1)   # spans the 2025-07-01 reform
DATASETS = {"water_supply": ("water", ("period_month", "area_code", "produced_m3", "billed_m3")),
            "power_consumption": ("power_consumption", ("period_month", "area_code", "sector", "energy_mwh")),
            "power_service": ("power_service", ("period_month", "area_code", "customers", "saidi_minutes"))}


@pytest.fixture()
def env(tmp_path, monkeypatch):
    drop = tmp_path / "drop"
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_UTILITIES_DROP_DIR", str(drop))
    return drop, tmp_path / "data" / "landing" / "utilities"


def _sql(root: Path, query: str, file: str) -> list[tuple]:
    return duckdb.sql(query.replace("{t}", f"read_parquet('{root}/batches/*/{file}.parquet', union_by_name=true)")).fetchall()


def _landed(root: Path, dataset: str, source_file: str | None = None) -> Counter:
    columns = DATASETS[dataset][1]
    where = f"where _source_file = '{source_file}'" if source_file else ""
    return Counter(_sql(root, f"select strftime(period_month, '%Y-%m'), {', '.join(columns[1:])} from {{t}} {where}", dataset))


def _truth(generated, dataset: str, source_file: str | None = None) -> Counter:
    attribute, columns = DATASETS[dataset]
    files = getattr(generated, attribute)
    return Counter(tuple(t["period" if c == "period_month" else c] for c in columns)
                   for name, truth in files.items() if source_file in (None, name) for t in truth)


def test_every_record_of_both_companies_lands(env):
    drop, root = env
    generated = generate(drop, seed=1, fault_mode="none", months=3, end_month=END)
    for spec in SOURCE.datasets:
        batch = spec.load()
        assert batch.rows_read == batch.rows_landed == sum(_truth(generated, spec.name).values()), spec.name
        assert _landed(root, spec.name) == _truth(generated, spec.name), spec.name
    areas = dict(_sql(root, "select strftime(period_month, '%Y-%m'), count(*) from {t} group by 1", "water_supply"))
    assert areas == {"2025-06": 9, "2025-07": 36, "2025-08": 36}    # districts, then communes


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    base = tmp_path_factory.mktemp("ut_faults")
    generated = generate(base / "drop", seed=8, fault_mode="default", months=13, end_month=END)
    kwargs = dict(drop_dir=base / "drop", landing_dir=base / "landing")
    batches = {"water_supply": load_water_supply(**kwargs), "power_consumption": load_power_consumption(**kwargs),
               "power_service": load_power_service(**kwargs)}
    return generated, batches, base / "landing" / "utilities"


def _name(kind: str, slot: int, suffix: str = ".json") -> str:
    """The latest file of the faulty run (13 months to END) whose month the simulator gives that fault."""
    for back in range(13):
        y, m = divmod(END.year * 12 + END.month - 1 - back, 12)
        if faults.slot(date(y, m + 1, 1)) == slot:
            return f"{kind}_{y}_{m + 1:02d}{suffix}"
    raise AssertionError(f"no month with slot {slot}")


def test_drifted_converted_and_bom_files_land_exactly_the_true_records(faulty):
    generated, batches, root = faulty
    for dataset, batch in batches.items():
        assert batch.rows_read == batch.rows_landed + batch.rows_quarantined
        assert _landed(root, dataset) == _truth(generated, dataset), dataset
    drifted = _sql(root, "select schema_version, extra_fields like '%smart_meters%' from {t} "
                         f"where _source_file = 'water_{END:%Y_%m}.json' limit 1", "water_supply")
    assert drifted == [("1.4", True)]                      # renamed key read, added field kept
    encodings = {e for (e,) in _sql(root, "select distinct source_encoding from {t}", "water_supply")}
    assert encodings == {"utf-8", "utf-8-sig"}             # the month exported with a byte-order mark


def test_energy_in_kwh_is_converted_to_mwh(faulty):
    _, _, root = faulty
    rows = _sql(root, f"select energy, energy_mwh from {{t}} where _source_file = '{_name('power', faults.KWH_SLOT)}'",
                "power_consumption")
    units = _sql(root, f"select distinct unit from {{t}} where _source_file = '{_name('power', faults.KWH_SLOT)}'",
                 "power_consumption")
    assert units == [("kWh",)] and rows and all(abs(mwh - kwh / 1000) < 1e-9 for kwh, mwh in rows)


def test_impossible_and_incomplete_records_are_quarantined_with_reasons(faulty):
    _, _, root = faulty
    reasons = dict(_sql(root, "select dataset, string_agg(reason, ' | ') from {t} "
                              f"where source_file = '{_name('water', faults.IMPOSSIBLE_SLOT)}' "
                              f"or source_file = '{_name('power', faults.IMPOSSIBLE_SLOT)}' group by 1", "quarantine"))
    assert "billed" in reasons["water_supply"] and "> produced" in reasons["water_supply"]
    assert "missing field 'produced_m3'" in reasons["water_supply"]
    assert "impossible energy -" in reasons["power_consumption"]
    assert "impossible saidi_minutes -12.5" in reasons["power_service"]


def test_an_area_exported_twice_is_quarantined_once_per_record(faulty):
    _, batches, root = faulty
    rows = _sql(root, "select dataset, count(*) from {t} where reason like 'duplicate of record%' "
                      f"and source_file = '{_name('power', faults.DUP_RECORD_SLOT)}' group by 1 order by 1", "quarantine")
    assert rows == [("power_consumption", 5), ("power_service", 1)]


def test_empty_copied_and_truncated_files(faulty):
    _, _, root = faulty
    manifest = {(d, f): (r, q) for d, f, r, q in _sql(
        root, f"select b.dataset, f.source_file, f.skipped_reason, f.rows_quarantined "
              f"from read_parquet('{root}/batches/*/files.parquet') f join {{t}} b using (batch_id)", "batch")}
    assert manifest[("power_service", _name("power", faults.EMPTY_SLOT, "_bo_sung.json"))] == ("empty file (0 bytes)", 0)
    copy = _name("water", faults.COPY_SLOT, " - Copy.json")
    assert manifest[("water_supply", copy)] == (f"duplicate of {_name('water', faults.COPY_SLOT)}", 0)
    assert manifest[("power_consumption", _name("power", faults.PARTIAL_SLOT, "_partial.json"))] == (None, 1)
    reason = _sql(root, "select reason from {t} where source_file like '%_partial.json' limit 1", "quarantine")
    assert reason[0][0].startswith("invalid JSON")


def test_late_export_of_a_closed_month_lands_flagged_with_its_period(faulty):
    generated, _, root = faulty
    (late,) = [f.name for f in generated.files if f.name.endswith("_dieu_chinh.json")]
    on_time = late.replace("_dieu_chinh", "")
    flags = _sql(root, "select _source_file, bool_and(is_late), any_value(strftime(period_month, '%Y_%m')) from {t} "
                       f"where _source_file in ('{late}', '{on_time}') group by 1 order by 1", "water_supply")
    assert flags == [(on_time, False, on_time[6:13]), (late, True, on_time[6:13])]
    assert _landed(root, "water_supply", late) == _truth(generated, "water_supply", late)


@pytest.mark.parametrize(("encoding", "encode"), [("cp1258", encode_cp1258), ("tcvn3", encode_tcvn3)])
def test_legacy_vietnamese_encodings_are_decoded(env, encoding, encode):
    drop, root = env
    drop.mkdir(parents=True)
    doc = {"period": "2025-08", "exported_at": "2025-09-04T08:00:00+07:00", "records": [
        {"area_code": "BD25-30", "area_name": "Xã Bàu Bàng", "plant_name": "Nhà máy nước Bàu Bàng", "produced_m3": 1000,
         "billed_m3": 950, "households_served": 10, "households_total": 12}]}
    (drop / "water_2025_08.json").write_bytes(encode(json.dumps(doc, ensure_ascii=False)))
    assert load_water_supply().rows_landed == 1
    assert _sql(root, "select area_name, plant_name, source_encoding from {t}", "water_supply") == [
        ("Xã Bàu Bàng", "Nhà máy nước Bàu Bàng", encoding)]


def test_unknown_area_and_unit_are_quarantined(env):
    drop, root = env
    drop.mkdir(parents=True)
    doc = {"period": "2024-03", "exported_at": "2024-04-04T08:00:00+07:00", "volume_unit": "gallons", "records": [
        {"area_code": "BD25-01", "produced_m3": 1000, "billed_m3": 950, "households_served": 1, "households_total": 2},
        {"area_code": "718", "produced_m3": 1000, "billed_m3": 950, "households_served": 1, "households_total": 2}]}
    (drop / "water_2024_03.json").write_text(json.dumps(doc))
    batch = load_water_supply()
    reasons = sorted(r for (r,) in _sql(root, "select reason from {t}", "quarantine"))
    assert (batch.rows_landed, batch.rows_quarantined) == (0, 2)
    assert reasons[0].startswith("unknown area code 'BD25-01' for 2024-03") and "gallons" in reasons[1]


def test_incremental_runs_and_a_crash_mid_run(env, monkeypatch):
    drop, root = env
    generated = generate(drop, seed=1, fault_mode="none", months=2, end_month=date(2025, 7, 1))
    real_parse, calls = load_module.parse_export, []

    def crash_on_second(f, **kwargs):
        calls.append(f.name)
        if len(calls) == 2:
            raise OSError("connection to the share lost")
        return real_parse(f, **kwargs)

    monkeypatch.setattr(load_module, "parse_export", crash_on_second)
    with pytest.raises(OSError):
        load_water_supply()
    assert not list(root.glob("batches/*"))
    monkeypatch.setattr(load_module, "parse_export", real_parse)
    assert load_water_supply().rows_landed == sum(_truth(generated, "water_supply").values())
    assert load_water_supply() is None
    generated = generate(drop, seed=1, fault_mode="none", months=3, end_month=END)    # one month more, same history
    batch = load_water_supply()
    assert batch.files_loaded == 1 and _landed(root, "water_supply") == _truth(generated, "water_supply")


def test_missing_drop_folder_is_a_clear_error_for_this_source(env, tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_UTILITIES_DROP_DIR", str(tmp_path / "absent"))
    with pytest.raises(SourceUnavailableError, match="utilities.*IOC_UTILITIES_DROP_DIR"):
        load_power_service()
