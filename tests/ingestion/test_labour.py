"""Department of Labour (and social insurance office) connector against its stand-in's drop folder
(real files in tmp_path)."""

from __future__ import annotations

import pytest

import csv_drop_checks as checks
from ingestion.labour import SOURCE
from ingestion.labour import datasets as connector
from simulators.labour import datasets as standin
from simulators.labour.generate import generate

SYSTEM = checks.System(
    source=SOURCE,
    generate=generate,
    drop_variable="IOC_LABOUR_DROP_DIR",
    datasets={
        "employment": (connector.EMPLOYMENT, standin.EMPLOYMENT),
        "social_insurance": (connector.SOCIAL_INSURANCE, standin.SOCIAL_INSURANCE),
    },
)
ALL = list(SYSTEM.datasets)


@pytest.fixture(scope="module")
def landed(tmp_path_factory):
    return checks.land(SYSTEM, tmp_path_factory)


@pytest.mark.parametrize("dataset", ALL)
def test_utf8_bom(landed, dataset):
    checks.check_encoding(landed, dataset, "bom", "utf-8-sig")


@pytest.mark.parametrize("dataset", ALL)
def test_cp1258_with_semicolons_and_decimal_commas(landed, dataset):
    checks.check_encoding(landed, dataset, "cp1258", "cp1258")


@pytest.mark.parametrize("dataset", ALL)
def test_tcvn3_is_decoded_and_flagged(landed, dataset):
    checks.check_encoding(landed, dataset, "tcvn3", "tcvn3")


@pytest.mark.parametrize("dataset", ALL)
def test_title_lines_above_header(landed, dataset):
    checks.check_preamble(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_renamed_column_maps_back(landed, dataset):
    checks.check_renamed_column(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_added_column_kept_in_extra(landed, dataset):
    checks.check_added_column(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_missing_column_quarantines_file_and_corrected_file_loads(landed, dataset):
    checks.check_missing_column(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_duplicated_rows_within_file(landed, dataset):
    checks.check_duplicate_rows(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_resent_file_is_skipped(landed, dataset):
    checks.check_resent_file(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_late_file_for_closed_month_is_flagged(landed, dataset):
    checks.check_late_file(landed, dataset)


@pytest.mark.parametrize("dataset", SYSTEM.datasets_with("unit"))
def test_thousands_unit_is_converted(landed, dataset):
    checks.check_unit_conversion(landed, dataset)


@pytest.mark.parametrize("dataset", SYSTEM.datasets_with("impossible"))
def test_impossible_percentage_is_quarantined(landed, dataset):
    checks.check_impossible_percentage(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_empty_and_header_only_files(landed, dataset):
    checks.check_empty_files(landed, dataset)


@pytest.mark.parametrize("dataset", ALL)
def test_conservation(landed, dataset):
    checks.check_conservation(landed, dataset)


def test_incremental_runs_land_only_new_files(tmp_path, monkeypatch):
    checks.check_incremental(SYSTEM, tmp_path, monkeypatch)


def test_crash_mid_run_loses_and_duplicates_nothing(tmp_path, monkeypatch):
    checks.check_crash_loses_nothing(SYSTEM, tmp_path, monkeypatch)


def test_unmounted_drop_folder_is_a_clear_error(tmp_path, monkeypatch):
    checks.check_unavailable(SYSTEM, tmp_path, monkeypatch)
