"""Statistics office connector against its stand-in: real .xlsx workbooks in a drop folder."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import duckdb
import openpyxl
import pytest

from ingestion.common.errors import SourceUnavailableError
from ingestion.statistics_office import SOURCE
from ingestion.statistics_office import load as load_module
from ingestion.statistics_office.load import load_indicators
from simulators.statistics_office import faults, generate

END = date(2025, 8, 1)   # spans the 2025-07-01 reform: districts, then communes


@pytest.fixture()
def env(tmp_path, monkeypatch):
    drop = tmp_path / "drop"
    monkeypatch.setenv("IOC_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("IOC_LANDING_DIR", raising=False)
    monkeypatch.setenv("IOC_STATISTICS_OFFICE_DROP_DIR", str(drop))
    return drop, tmp_path / "data" / "landing" / "statistics_office"


def _sql(root: Path, query: str, file: str = "indicators") -> list[tuple]:
    return duckdb.sql(query.replace("{t}", f"read_parquet('{root}/batches/*/{file}.parquet', union_by_name=true)")).fetchall()


def _landed_figures(root: Path, source_file: str | None = None) -> Counter:
    where = f"where _source_file = '{source_file}'" if source_file else ""
    rows = _sql(root, f"select report_month, sheet_name, coalesce(area_name_vi, indicator_name_vi), measure, "
                      f"reference_month, round(value, 6) from {{t}} {where}")
    return Counter(rows)


def _true_figures(truth: list[dict]) -> Counter:
    return Counter((t["report_month"], t["sheet_name"], t["label"].strip(), t["measure"], t["reference_month"],
                    round(t["value"], 6)) for t in truth)


def test_every_printed_figure_lands_once_with_its_area_and_month(env):
    drop, root = env
    generated = generate(drop, seed=3, fault_mode="none", months=3, end_month=END)
    batch = SOURCE.datasets[0].load()
    truth = [t for file_truth in generated.truth.values() for t in file_truth]
    assert batch.rows_read == batch.rows_landed + batch.rows_quarantined == len(truth)
    assert batch.rows_quarantined == 0
    assert _landed_figures(root) == _true_figures(truth)
    codes = dict(_sql(root, "select report_month, string_agg(distinct area_code, ',' order by area_code) from {t} "
                            "where topic = 'retail_by_area' group by 1"))
    assert codes[date(2025, 6, 1)].split(",") == ["718", "719", "720", "721", "722", "723", "724", "725", "726", "74"]
    assert "BD25-36" in codes[date(2025, 8, 1)].split(",") and "BD" in codes[date(2025, 8, 1)].split(",")


def test_area_figures_add_up_to_the_province_total(env):
    drop, root = env
    generate(drop, seed=5, fault_mode="none", months=2, end_month=END)
    load_indicators()
    gaps = _sql(root, """
        select report_month, measure, reference_month,
               sum(value) filter (where area_code not in ('74', 'BD')) - max(value) filter (where area_code in ('74', 'BD'))
        from {t} where topic = 'retail_by_area' and measure in ('month_value', 'ytd_value') group by all""")
    assert len(gaps) == 6 and all(abs(g[-1]) < 1e-6 for g in gaps)


def test_second_run_lands_nothing_and_a_new_month_lands_alone(env):
    drop, root = env
    generate(drop, seed=3, fault_mode="none", months=2, end_month=date(2025, 7, 1))
    first = load_indicators()
    assert load_indicators() is None
    generate(drop, seed=3, fault_mode="none", months=2, end_month=END)   # same files again + August
    second = load_indicators()
    files = _sql(root, f"select source_file from {{t}} where batch_id = '{second.batch_id}'", "files")
    assert files == [("BC_KTXH_2025_08.xlsx",)]
    assert second.rows_landed < first.rows_landed


@pytest.fixture(scope="module")
def faulty(tmp_path_factory):
    """A year of reports with every default fault, landed once for the tests below."""
    base = tmp_path_factory.mktemp("so_faults")
    generated = generate(base / "drop", seed=11, fault_mode="default", months=14, end_month=END)
    batch = load_indicators(drop_dir=base / "drop", landing_dir=base / "landing")
    return generated, batch, base / "landing" / "statistics_office"


def _file_of(fault: str, suffix: str = ".xlsx") -> str:
    """The report of the faulty run that carries ``fault`` (as the simulator plans it)."""
    months = [date(END.year - 1, END.month, 1)]
    while months[-1] < END:
        y, m = divmod(months[-1].year * 12 + months[-1].month, 12)
        months.append(date(y, m + 1, 1))
    month = faults.months_with(fault, months[1:])[0]
    return f"BC_KTXH_{month.year}_{month.month:02d}{suffix}"


def test_faulty_workbooks_still_land_exactly_the_true_figures(faulty):
    generated, batch, root = faulty
    assert batch.rows_read == batch.rows_landed + batch.rows_quarantined
    for name, truth in generated.truth.items():
        if name.endswith(" (1).xlsx"):
            continue
        assert _landed_figures(root, name) == _true_figures(truth), name


def test_shifted_and_renamed_headers_are_read(faulty):
    generated, _, root = faulty
    shifted, renamed = _file_of("shifted_headers"), _file_of("renamed_headers")
    retail = _sql(root, f"select count(*) from {{t}} where _source_file = '{shifted}' and topic = 'retail'")
    assert retail[0][0] == sum(1 for t in generated.truth[shifted] if t["sheet_name"] == "02.Ban le") > 0
    labels = _sql(root, f"select distinct column_label_vi from {{t}} where _source_file = '{renamed}' "
                        "and measure = 'ytd_value'")
    assert labels == [("Lũy kế từ đầu năm",)]


def test_a_sheet_typed_in_trieu_dong_is_converted_to_ty_dong(faulty):
    _, _, root = faulty
    rows = _sql(root, "select value, value_raw from {t} where unit_raw = 'triệu đồng'")
    assert rows and all(abs(v - float(raw) / 1000) < 1e-6 for v, raw in rows)
    assert {u for (u,) in _sql(root, "select distinct unit from {t} where topic like 'retail%' and measure <> 'yoy_pct' "
                                       "and measure <> 'ytd_yoy_pct'")} == {"tỷ đồng"}


def test_impossible_values_are_quarantined_with_a_reason(faulty):
    generated, _, root = faulty
    reasons = _sql(root, f"select reason from {{t}} where source_file = '{_file_of('impossible_values')}'", "quarantine")
    assert sorted(r for (r,) in reasons) == [
        "sheet '01.IIP': implausible value 1043.5 %: above 1000 (unit mix-up?)",
        f"sheet '06.Thu chi NSNN': impossible value {reasons_value(reasons)} tỷ đồng: below 0",
    ]


def reasons_value(reasons) -> str:
    return next(r for (r,) in reasons if "NSNN" in r).split("impossible value ")[1].split(" ")[0]


def test_empty_workbook_and_resent_file_are_recorded_and_land_nothing(faulty):
    generated, _, root = faulty
    manifest = dict(_sql(root, "select source_file, skipped_reason from {t}", "files"))
    assert manifest[_file_of("empty", "_bo_sung.xlsx")].startswith("empty workbook")
    assert manifest[_file_of("resent", " (1).xlsx")] == f"duplicate of {_file_of('resent')}"
    landed_from = {f for (f,) in _sql(root, "select distinct _source_file from {t}")}
    assert _file_of("resent", " (1).xlsx") not in landed_from


def test_revised_report_lands_as_revision_with_its_later_issue_date(faulty):
    generated, _, root = faulty
    rows = _sql(root, f"""
        select _source_file, is_revision, revision_source, issued_on from {{t}}
        where _source_file in ('{_file_of("revised")}', '{_file_of("revised", "_revised.xlsx")}')
          and measure = 'month_value' and reference_month = report_month
        group by all order by issued_on""")
    (original, *_), (revised, *_) = rows
    assert rows[0][1:3] == (False, "original") and rows[1][1:3] == (True, "reissued_workbook")
    assert rows[1][3] > rows[0][3] and revised.endswith("_revised.xlsx")
    prior = _sql(root, "select count(*) from {t} where revision_source = 'next_report' and reference_month < report_month")
    assert prior[0][0] > 0


def test_unknown_header_quarantines_that_sheet_only(env):
    drop, root = env
    generated = generate(drop, seed=3, fault_mode="none", months=1, end_month=END)
    path = generated.files[0]
    wb = openpyxl.load_workbook(path)
    ws = wb["01.IIP"]
    cell = next(c for row in ws.iter_rows() for c in row if c.value == "Ngành công nghiệp")
    cell.value = "Lĩnh vực sản xuất"
    wb.save(path)
    batch = load_indicators()
    reasons = _sql(root, "select reason from {t}", "quarantine")
    assert len(reasons) == 1 and "01.IIP" in reasons[0][0] and "header row not found" in reasons[0][0]
    iip_truth = sum(1 for t in generated.truth[path.name] if t["sheet_name"] == "01.IIP")
    assert batch.rows_landed == len(generated.truth[path.name]) - iip_truth
    assert batch.rows_read == batch.rows_landed + 1


def test_figures_under_an_added_column_are_quarantined_not_lost(env):
    drop, root = env
    generated = generate(drop, seed=3, fault_mode="none", months=1, end_month=END)
    path = generated.files[0]
    wb = openpyxl.load_workbook(path)
    ws = wb["09.FDI"]
    header = next(c for row in ws.iter_rows() for c in row if c.value == "Chỉ tiêu")
    extra = ws.max_column + 1
    ws.cell(header.row, extra, "Kế hoạch năm")
    data_rows = [r for r in range(header.row + 1, ws.max_row + 1) if isinstance(ws.cell(r, extra - 1).value, float)]
    for r in data_rows:
        ws.cell(r, extra, 1234.0)
    wb.save(path)
    batch = load_indicators()
    reasons = _sql(root, "select distinct reason from {t}", "quarantine")
    assert batch.rows_quarantined == len(data_rows) > 0
    assert reasons == [("sheet '09.FDI': column 'Kế hoạch năm' is not a known measure; add its label to "
                        "ingestion/statistics_office/topics.py",)]
    assert batch.rows_landed == len(generated.truth[path.name])


def test_unreadable_workbook_is_quarantined_and_others_land(env):
    drop, root = env
    generate(drop, seed=3, fault_mode="none", months=1, end_month=END)
    (drop / "BC_KTXH_2025_09.xlsx").write_bytes(b"PK\x03\x04 this upload was cut short")
    batch = load_indicators()
    assert batch.rows_quarantined == 1 and batch.rows_landed > 0
    assert _sql(root, "select source_file, reason like 'unreadable workbook%' from {t}", "quarantine") == [
        ("BC_KTXH_2025_09.xlsx", True)]


def test_missing_drop_folder_is_a_clear_error_for_this_source(env, tmp_path, monkeypatch):
    monkeypatch.setenv("IOC_STATISTICS_OFFICE_DROP_DIR", str(tmp_path / "not_mounted"))
    with pytest.raises(SourceUnavailableError, match="statistics_office.*IOC_STATISTICS_OFFICE_DROP_DIR"):
        load_indicators()


def test_crash_mid_run_lands_nothing_and_the_rerun_lands_everything_once(env, monkeypatch):
    drop, root = env
    generated = generate(drop, seed=3, fault_mode="none", months=2, end_month=END)
    real_parse, calls = load_module.parse_report, []

    def crash_on_second(path, name):
        calls.append(name)
        if len(calls) == 2:
            raise MemoryError("killed")
        return real_parse(path, name)

    monkeypatch.setattr(load_module, "parse_report", crash_on_second)
    with pytest.raises(MemoryError):
        load_indicators()
    assert not list(root.glob("batches/*")) and not list(root.glob(".staging/*"))
    monkeypatch.setattr(load_module, "parse_report", real_parse)
    load_indicators()
    truth = [t for file_truth in generated.truth.values() for t in file_truth]
    assert _landed_figures(root) == _true_figures(truth)


def test_moved_files_are_not_loaded_twice(env):
    """Content already landed under one name is a duplicate under another, across runs too."""
    drop, root = env
    generated = generate(drop, seed=3, fault_mode="none", months=1, end_month=END)
    load_indicators()
    shutil.copyfile(generated.files[0], drop / "BC_KTXH_2025_08 - ban sao.xlsx")
    batch = load_indicators()
    assert (batch.rows_read, batch.files_skipped) == (0, 1)
