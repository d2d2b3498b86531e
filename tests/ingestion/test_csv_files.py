"""The shared CSV reader: encodings, header drift, units, ranges, malformed rows."""

from __future__ import annotations

import json

import pytest

from ingestion.common.csv_encoding import (
    UndecodableFileError,
    detect_and_decode,
    encode_cp1258,
    encode_tcvn3,
)
from ingestion.common.csv_files import FileRejectedError, normalise_label, read_csv_bytes
from ingestion.common.csv_spec import Column, CsvDataset, coerce, period_column

TEXT = "Kỳ báo cáo,Mã cơ sở,Tên cơ sở\n10/2026,74001,Bệnh viện Đa khoa tỉnh Bình Dương - Trạm Y tế Phước Hòa, Dĩ An\n"
DATASET = CsvDataset(
    source_system="test",
    name="things",
    description="",
    file_pattern=r"\.csv$",
    key=("reporting_period", "code"),
    columns=(
        period_column(),
        Column("code", "text", ("Mã cơ sở",), pattern=r"^\d{5}$"),
        Column("name", "text", ("Tên cơ sở",), required=False, nullable=True),
        Column("workers", "int", ("Số lao động",), unit="người", unit_factors={"nghìn người": 1000}, min_value=0),
        Column("rate_pct", "float", ("Tỷ lệ",), unit="%", required=False, nullable=True, min_value=0,
               max_value=100),
    ),
)


def coerced(text: str, encoding: str = "utf-8"):
    read, _ = read_csv_bytes(text.encode(encoding), DATASET.aliases)
    return read, coerce(read, DATASET)


@pytest.mark.parametrize(
    ("encode", "expected"),
    [
        (lambda t: t.encode("utf-8"), "utf-8"),
        (lambda t: t.encode("utf-8-sig"), "utf-8-sig"),
        (encode_cp1258, "cp1258"),
        (encode_tcvn3, "tcvn3"),
    ],
)
def test_encodings_are_detected_and_decoded_to_the_same_text(encode, expected):
    decoded = detect_and_decode(encode(TEXT))
    assert decoded.encoding == expected
    assert decoded.text == TEXT


def test_cp1258_uses_combining_tone_marks_like_windows():
    # 'ả' has no precomposed cp1258 byte: Windows writes 'a' + combining hook above (0xD2).
    assert encode_cp1258("ả") == b"a\xd2"


def test_bytes_that_are_no_vietnamese_encoding_are_refused():
    with pytest.raises(UndecodableFileError, match="re-export as UTF-8"):
        detect_and_decode(bytes(range(0x80, 0x100)) * 4)


def test_headers_match_regardless_of_accents_case_spacing_and_units():
    assert normalise_label("  SỐ   lao ĐỘNG ") == normalise_label("So lao dong") == "so_lao_dong"
    read, result = coerced("KỲ BÁO CÁO;mã  cơ sở;SO LAO DONG (nghìn người)\n10/2026;74001;12,5\n")
    assert result.table.column("workers").to_pylist() == [12500]
    assert result.reason.to_pylist() == [None]
    assert read.delimiter == ";"


def test_unknown_columns_are_kept_as_json_in_extra():
    read, _ = read_csv_bytes("Kỳ báo cáo,Mã cơ sở,Số lao động,Ghi chú,\n10/2026,74001,5,xem lại,\n".encode(),
                             DATASET.aliases)
    assert read.extra_headers == ["Ghi chú"]  # an empty trailing column is not data
    assert json.loads(read.extra_json[0].as_py()) == {"Ghi chú": "xem lại"}


def test_missing_required_column_rejects_the_file_with_its_name():
    with pytest.raises(FileRejectedError, match="missing required column.*workers.*Số lao động"):
        coerced("Kỳ báo cáo,Mã cơ sở\n10/2026,74001\n")


def test_unknown_unit_rejects_the_file():
    with pytest.raises(FileRejectedError, match="unit 'triệu người' cannot be converted"):
        coerced("Kỳ báo cáo,Mã cơ sở,Số lao động (triệu người)\n10/2026,74001,1\n")


def test_two_headers_meaning_the_same_column_reject_the_file():
    with pytest.raises(FileRejectedError, match="both mean 'workers'"):
        coerced("Kỳ báo cáo,Mã cơ sở,Số lao động,SỐ LAO ĐỘNG\n10/2026,74001,1,2\n")


def test_title_lines_above_the_header_are_skipped_and_line_numbers_stay_physical():
    text = "SỞ Y TẾ\nBÁO CÁO THÁNG\n\nKỳ báo cáo,Mã cơ sở,Số lao động\n10/2026,74001,5\n\n11/2026,74002,6\n"
    read, result = coerced(text)
    assert read.line_numbers.tolist() == [5, 7]
    assert result.table.column("code").to_pylist() == ["74001", "74002"]


def test_row_level_problems_each_get_a_reason():
    text = (
        "Kỳ báo cáo,Mã cơ sở,Số lao động,Tỷ lệ (%)\n"
        "10/2026,74001,5,99.5\n"
        "13/2026,74002,5,10\n"      # no 13th month
        "10/2026,7400X,5,10\n"      # bad code
        "10/2026,74004,abc,10\n"    # not a number
        "10/2026,74005,5.5,10\n"    # half a person
        "10/2026,74006,5,100.4\n"   # impossible percentage
        "10/2026,74007,,10\n"       # missing value
        '10/2026,74008,"1,234",\n'  # thousands separator; empty optional rate
    )
    _, result = coerced(text)
    reasons = result.reason.to_pylist()
    assert reasons[0] is None and reasons[7] is None
    assert "reporting_period='13/2026' is not a month" in reasons[1]
    assert "code='7400X' is not a valid code" in reasons[2]
    assert "workers='abc' is not a number" in reasons[3]
    assert "workers='5.5' is not a whole number" in reasons[4]
    assert "rate_pct=100.4 outside [0, 100] %" in reasons[5]
    assert "missing value for workers" in reasons[6]
    assert result.table.column("workers").to_pylist()[7] == 1234


def test_rows_with_the_wrong_number_of_fields_are_set_aside_with_their_line():
    read, _ = read_csv_bytes("Kỳ báo cáo,Mã cơ sở,Số lao động\n10/2026,74001,5\n10/2026,74002\n10/2026,74003,5,9\n"
                             .encode(), DATASET.aliases)
    assert read.line_numbers.tolist() == [2]
    assert [(line, reason) for line, _, reason in read.rejected_rows] == [
        (3, "expected 3 fields, found 2"), (4, "expected 3 fields, found 4")]


def test_quarter_periods():
    dataset = CsvDataset("t", "q", "", r"x", (period_column("Đợt khảo sát"), Column("code", "text", ("Mã",))),
                         ("reporting_period", "code"), period_kind="quarter")
    read, _ = read_csv_bytes("Đợt khảo sát,Mã\nQ1/2024,a\n2024-Q3,b\nQuý 4/2025,c\nQ5/2024,d\n".encode(),
                             dataset.aliases)
    result = coerce(read, dataset)
    assert [str(d) if d else None for d in result.table.column("reporting_period").to_pylist()] == [
        "2024-01-01", "2024-07-01", "2025-10-01", None]
    assert result.reason.to_pylist()[3].startswith("reporting_period='Q5/2024' is not a quarter")
