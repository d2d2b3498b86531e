"""Education connector against its stand-in: real school-year workbooks in a drop folder."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import openpyxl
import pytest

from ingestion.common.errors import SourceUnavailableError
from ingestion.education import SOURCE
from ingestion.education.load import load_level_summary, load_schools
from simulators.education import faults, generate

LAST = 2025   # school years 2023-2024, 2024-2025 (districts) and 2025-2026 (communes)
SCHOOL_KEYS = ("school_code", "level", "area_code", "classes", "pupils", "pupils_female", "teachers",
               "graduation_rate_pct", "completion_rate_pct")
LEVEL_CODE = {"Mầm non": "mam_non", "Tiểu học": "tieu_hoc", "THCS": "thcs", "THPT": "thpt"}


@pytest.fixture()
def env(tmp_path, monkeypatch):
    drop = tmp_path / "drop"
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_EDUCATION_DROP_DIR", str(drop))
    return drop, tmp_path / "data" / "landing" / "education"


def _sql(root: Path, query: str, file: str = "schools") -> list[tuple]:
    return duckdb.sql(query.replace("{t}", f"read_parquet('{root}/batches/*/{file}.parquet', union_by_name=true)")).fetchall()


def _landed_schools(root: Path, source_file: str) -> set[tuple]:
    return set(_sql(root, f"select {', '.join(SCHOOL_KEYS)} from {{t}} where _source_file = '{source_file}'"))


def _true_schools(truth: list[dict]) -> set[tuple]:
    return {tuple(LEVEL_CODE.get(t[k], t[k]) if k == "level" else t[k] for k in SCHOOL_KEYS) for t in truth}


def test_every_school_and_summary_line_lands_with_its_area_code(env):
    drop, root = env
    generated = generate(drop, seed=2, fault_mode="none", years=3, schools=80, last_start_year=LAST)
    schools, summary = (d.load() for d in SOURCE.datasets)
    assert schools.rows_read == schools.rows_landed == sum(len(t) for t in generated.schools.values())
    assert summary.rows_read == summary.rows_landed == sum(len(t) for t in generated.summary.values())
    for name, truth in generated.schools.items():
        assert _landed_schools(root, name) == _true_schools(truth)
    geography = dict(_sql(root, "select school_year, bool_and(area_code like 'BD25-%') from {t} group by 1"))
    assert geography == {"2023-2024": False, "2024-2025": False, "2025-2026": True}
    rates = _sql(root, "select school_year, count(graduation_rate_pct) > 0 from {t} group by 1 order by 1")
    assert rates == [("2023-2024", True), ("2024-2025", True), ("2025-2026", False)]   # the current year has none yet


def test_summary_totals_match_their_areas_and_the_school_list(env):
    drop, root = env
    generate(drop, seed=2, fault_mode="none", years=2, schools=80, last_start_year=LAST)
    load_schools(), load_level_summary()
    gaps = _sql(root, """
        select school_year, level, sum(pupils) filter (where area_code not in ('74', 'BD'))
                                   - max(pupils) filter (where area_code in ('74', 'BD'))
        from {t} group by all""", "level_summary")
    assert len(gaps) == 8 and all(g[-1] == 0 for g in gaps)
    by_list = _sql(root, "select school_year, level, sum(pupils) from {t} group by all order by all")
    by_summary = _sql(root, "select school_year, level, pupils from {t} where area_code in ('74', 'BD') order by all",
                      "level_summary")
    assert by_list == by_summary


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    base = tmp_path_factory.mktemp("edu_faults")
    generated = generate(base / "drop", seed=4, fault_mode="default", years=4, schools=120, last_start_year=LAST)
    batches = (load_schools(drop_dir=base / "drop", landing_dir=base / "landing"),
               load_level_summary(drop_dir=base / "drop", landing_dir=base / "landing"))
    return generated, batches, base / "landing" / "education"


def _name(start: int, suffix: str = ".xlsx") -> str:
    return f"Thong_ke_GD_{start}-{start + 1}{suffix}"


def _year_with(slot: int) -> int:
    """The school year of the faulty run (2022-2025) the simulator gives that fault."""
    return next(y for y in range(LAST - 3, LAST + 1) if faults.slot(y) == slot)


def test_shifted_and_renamed_headers_still_land_every_good_school(faulty):
    generated, batches, root = faulty
    for batch in batches:
        assert batch.rows_read == batch.rows_landed + batch.rows_quarantined
    for slot in (faults.SHIFTED_SLOT, faults.FAULTY_SLOT):
        name = _name(_year_with(slot))
        assert _landed_schools(root, name) == _true_schools(generated.schools[name])


def test_impossible_figures_and_pasted_twice_rows_are_quarantined_with_reasons(faulty):
    _, _, root = faulty
    faulty_file = _name(_year_with(faults.FAULTY_SLOT))
    reasons = sorted(r for (r,) in _sql(root, f"select reason from {{t}} where source_file = '{faulty_file}'",
                                        "quarantine"))
    assert len(reasons) == 4
    assert any("impossible pupils -" in r for r in reasons)
    assert any("girls out of" in r for r in reasons)
    assert any("impossible graduation_rate_pct 104.5" in r for r in reasons)
    assert any("duplicate of row" in r for r in reasons)


def test_empty_sheet_and_resent_file_are_recorded_and_land_nothing(faulty):
    _, _, root = faulty
    manifest = _sql(root, "select b.dataset, f.source_file, f.skipped_reason from "
                          f"read_parquet('{root}/batches/*/files.parquet') f join {{t}} b using (batch_id)", "batch")
    skipped = {(d, f): r for d, f, r in manifest if r}
    assert skipped[("level_summary", _name(_year_with(faults.EMPTY_SUMMARY_SLOT)))] == "empty sheet 'Tong_hop'"
    year = _year_with(faults.RESENT_SLOT)
    resent = _name(year, " (gui lai).xlsx")
    assert skipped[("schools", resent)] == skipped[("level_summary", resent)] == f"duplicate of {_name(year)}"
    assert _sql(root, f"select count(*) from {{t}} where _source_file = '{resent}'") == [(0,)]


def test_corrected_reissue_lands_with_its_later_report_date(faulty):
    generated, _, root = faulty
    year = _year_with(faults.FAULTY_SLOT)
    correction = _name(year, "_dieu_chinh.xlsx")
    assert _landed_schools(root, correction) == _true_schools(generated.schools[correction])
    dates = dict(_sql(root, f"select is_correction, max(report_date) from {{t}} where school_year = '{year}-{year + 1}' "
                            "group by 1"))
    assert dates[True] > dates[False]


def test_same_name_with_new_content_is_loaded_again(env):
    """October's file of a year is replaced in August by the version with graduation results."""
    drop, root = env
    generate(drop, seed=2, fault_mode="none", years=1, schools=60, last_start_year=LAST)
    load_schools()
    generate(drop, seed=2, fault_mode="none", years=2, schools=60, last_start_year=LAST + 1)
    batch = load_schools()
    files = sorted(f for (f,) in _sql(root, f"select source_file from {{t}} where batch_id = '{batch.batch_id}'", "files"))
    assert files == [_name(LAST), _name(LAST + 1)]
    counts = _sql(root, f"select report_date, count(*), count(graduation_rate_pct) + count(completion_rate_pct) from {{t}} "
                        f"where school_year = '{LAST}-{LAST + 1}' group by 1 order by 1")
    assert counts[0][1] == counts[1][1] and counts[0][2] == 0 < counts[1][2]


def test_unknown_required_header_quarantines_the_table_with_the_missing_label(env):
    drop, root = env
    generated = generate(drop, seed=2, fault_mode="none", years=1, schools=40, last_start_year=LAST)
    wb = openpyxl.load_workbook(generated.files[0])
    cell = next(c for row in wb["DS_Truong"].iter_rows() for c in row if c.value == "Mã trường")
    cell.value = "Số hiệu"
    wb.save(generated.files[0])
    batch = load_schools()
    assert (batch.rows_read, batch.rows_landed, batch.rows_quarantined) == (1, 0, 1)
    (reason,) = _sql(root, "select reason from {t}", "quarantine")[0]
    assert "Mã trường" in reason and "DS_Truong" in reason
    assert load_level_summary().rows_landed == len(generated.summary[generated.files[0].name])


def test_an_added_column_is_kept_in_extra_fields(env):
    drop, root = env
    generated = generate(drop, seed=2, fault_mode="none", years=1, schools=30, last_start_year=LAST)
    wb = openpyxl.load_workbook(generated.files[0])
    ws = wb["DS_Truong"]
    header = next(c for row in ws.iter_rows() for c in row if c.value == "STT")
    new_column = ws.max_column + 1
    ws.cell(header.row, new_column, "Số phòng học")
    for r in range(header.row + 3, header.row + 3 + len(generated.schools[generated.files[0].name])):
        ws.cell(r, new_column, r % 7 + 10)
    wb.save(generated.files[0])
    batch = load_schools()
    assert batch.rows_landed == len(generated.schools[generated.files[0].name]) and batch.rows_quarantined == 0
    extras = _sql(root, "select extra_fields, _line_number from {t}")
    assert all(json.loads(e) == {"Số phòng học": line % 7 + 10} for e, line in extras)


def test_unreadable_workbook_is_quarantined(env):
    drop, root = env
    drop.mkdir(parents=True)
    (drop / "Thong_ke_GD_2025-2026.xlsx").write_bytes(b"<html>502 Bad Gateway</html>")
    batch = load_schools()
    assert (batch.rows_read, batch.rows_quarantined) == (1, 1)
    assert _sql(root, "select reason like 'unreadable workbook%' from {t}", "quarantine") == [(True,)]


def test_missing_drop_folder_is_a_clear_error_for_this_source(env, tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_EDUCATION_DROP_DIR", str(tmp_path / "absent"))
    with pytest.raises(SourceUnavailableError, match="education.*IOC_EDUCATION_DROP_DIR"):
        load_schools()
