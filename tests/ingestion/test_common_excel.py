"""The shared Excel reader finds tables by their labels, wherever and however they are laid out."""

from __future__ import annotations

import openpyxl
import pytest

from ingestion.common import excel
from ingestion.common.excel import Column

COLUMNS = (
    Column("label", (r"chi tieu",), description="Chỉ tiêu"),
    Column("value", (r"gia tri",), description="Giá trị"),
    Column("share", (r"ty trong",), required=False),
)
TABLE = [
    ("BÁO CÁO THÁNG 10/2026", None, None),
    ("Đơn vị tính: tỷ đồng", None, None),
    ("Chỉ tiêu", "Giá trị (triệu đồng)", "Tỷ trọng (%)"),
    ("A", "1", "2"),
    ("Bán lẻ", 1200.5, 60.0),
    ("Dịch vụ", "1.234,5", 40.0),
    (None, None, None),
    ("Ghi chú: số liệu ước tính", None, None),
]


def test_normalize_label_ignores_accents_case_and_spacing():
    assert excel.normalize_label("  Giá  TRỊ\n(tỷ đồng) ") == excel.normalize_label("gia tri (ty dong)")
    assert excel.normalize_label("Đơn vị") == "don vi"


def test_split_unit_takes_the_unit_from_the_header_cell_but_not_footnote_marks():
    assert excel.split_unit("Giá trị (tỷ đồng)") == ("gia tri", "tỷ đồng")
    assert excel.split_unit("Vốn FDI (*)") == ("von fdi", None)


def test_table_is_found_by_labels_with_units_column_numbers_and_footnotes():
    table = excel.locate_table(TABLE, COLUMNS, sheet_name="s")
    assert table.header_row == 3
    assert table.columns["label"] == ["Bán lẻ", "Dịch vụ"]          # numbering row skipped, stops at blank
    assert table.units == {"label": None, "value": "triệu đồng", "share": "%"}
    assert table.sheet_unit == "tỷ đồng"
    assert table.unit_of("value") == "triệu đồng"                     # the header cell beats the sheet line
    assert table.row_numbers == [5, 6]


def test_inserted_rows_and_columns_do_not_move_the_table():
    shifted = [(None, None, None, None)] * 3 + [(None, *row) for row in TABLE]
    table = excel.locate_table(shifted, COLUMNS)
    assert table.header_row == 6
    assert table.columns["value"] == [1200.5, "1.234,5"]


def test_footnote_right_after_the_data_ends_the_table():
    rows = TABLE[:6] + [("(*) Số liệu sơ bộ", None, None), ("Bán buôn", 5.0, 1.0)]
    table = excel.locate_table(rows, COLUMNS)
    assert table.columns["label"] == ["Bán lẻ", "Dịch vụ"]
    assert table.footnotes[0].startswith("(*)")


def test_two_level_header_combines_group_and_sub_labels():
    rows = [
        ("Chỉ tiêu", "Giá trị (tỷ đồng)", "So với cùng kỳ (%)", None),
        (None, None, "Tháng 10", "10 tháng"),
        ("Bán lẻ", 10.0, 101.5, 102.0),
    ]
    columns = COLUMNS[:2] + (Column("month", (r"so voi cung ky thang \d+",)), Column("ytd", (r"so voi cung ky \d+ thang",)))
    table = excel.locate_table(rows, columns)
    assert table.header_row == 2
    assert table.columns["month"] == [101.5] and table.columns["ytd"] == [102.0]
    assert table.units["month"] == "%"


def test_missing_required_label_names_what_is_missing():
    rows = [("Nội dung", "Giá trị"), ("x", 1.0)]
    with pytest.raises(excel.HeaderNotFoundError, match="Chỉ tiêu"):
        excel.locate_table(rows, COLUMNS, sheet_name="Sheet1")


def test_fill_down_carries_vertically_merged_labels():
    rows = [("Chỉ tiêu", "Giá trị"), ("Mầm non", 1.0), (None, 2.0), ("THPT", 3.0)]
    table = excel.locate_table(rows, COLUMNS[:2], fill_down=("label",))
    assert table.columns["label"] == ["Mầm non", "Mầm non", "THPT"]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [(12.5, 12.5), ("1.234,5", 1234.5), ("1,234.5", 1234.5), ("12,5", 12.5), ("1.234.567", 1234567.0),
     ("98,7%", 98.7), ("-", None), ("..", None), (None, None)],
)
def test_parse_number_reads_vietnamese_formats(raw, expected):
    assert excel.parse_number(raw) == expected


def test_parse_number_rejects_text():
    with pytest.raises(ValueError):
        excel.parse_number("không có")


def test_real_workbook_with_merged_title_is_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["TỔNG MỨC BÁN LẺ"])
    ws.merge_cells("A1:C1")
    for row in TABLE[1:6]:
        ws.append(list(row))
    path = tmp_path / "t.xlsx"
    wb.save(path)
    rows = excel.read_workbook_rows(path)["Sheet"]
    table = excel.locate_table(rows, COLUMNS)
    assert table.title_lines[0] == "TỔNG MỨC BÁN LẺ"
    assert [excel.parse_number(v) for v in table.columns["value"]] == [1200.5, 1234.5]
