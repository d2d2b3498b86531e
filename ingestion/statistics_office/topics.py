"""The sheets of the monthly socio-economic report and the columns expected in them.

A sheet is recognised by its title (the merged rows above the table), not by its tab name,
which changes with whoever prepares the report. Every topic shares one vocabulary of measure
columns; the header labels are matched as regular expressions over normalised text
(see ``ingestion.common.excel.normalize_label``), so "Lũy kế từ đầu năm" and "Cộng dồn 10 tháng
năm 2026" are the same measure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ingestion.common.excel import Column, normalize_label


@dataclass(frozen=True)
class Topic:
    key: str
    title_pattern: str          # searched in the normalised title lines and sheet name
    by_area: bool = False       # rows are areas (one indicator), not indicators of the province
    indicator_name_vi: str = ""  # the indicator of a by-area sheet


# Order matters: the first topic whose pattern is found wins (by-area before its province sheet).
TOPICS: tuple[Topic, ...] = (
    Topic("retail_by_area", r"ban le.*(dia ban|huyen|dia phuong|don vi hanh chinh)", by_area=True,
          indicator_name_vi="Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng"),
    Topic("iip", r"chi so san xuat cong nghiep|\biip\b"),
    Topic("retail", r"ban le hang hoa|doanh thu dich vu tieu dung"),
    Topic("trade", r"xuat khau|nhap khau|xuat nhap khau"),
    Topic("fdi", r"dau tu (truc tiep )?nuoc ngoai|\bfdi\b"),
    Topic("investment", r"von dau tu thuc hien|dau tu phat trien"),
    Topic("budget", r"ngan sach"),
    Topic("cpi", r"chi so gia tieu dung|\bcpi\b"),
    Topic("labour", r"lao dong|viec lam"),
)
IGNORED_SHEETS = re.compile(r"muc luc|bia|thong tin chung|huong dan")

_M = r"(\d{1,2})"
_Y = r"(/\d{4}| nam \d{4})?"
_YTD = r"(\d{1,2} thang|tu dau nam)" + _Y
_YOY = r"so voi cung (ky|thang)( nam truoc)?"
# CPI tables group their columns under "Chỉ số giá tháng 10/2026 so với:" -> optional prefix
_CPI = r"(chi so gia( tieu dung)?( thang \d{1,2}(/\d{4}| nam \d{4})?)? )?"

INDICATOR_LABEL = Column(
    "label", (r"chi tieu( chu yeu)?", r"noi dung", r"nganh( kinh te| cong nghiep)?", r"nhom hang( hoa)?",
              r"mat hang( chu yeu)?", r"nhom hang hoa va dich vu"), description="Chỉ tiêu")
AREA_LABEL = Column(
    "label", (r"dia ban", r"don vi hanh chinh", r"huyen thi xa thanh pho", r"dia phuong", r"don vi"),
    description="Địa bàn")
UNIT_COLUMN = Column("row_unit", (r"don vi tinh", r"dvt"), required=False, description="Đơn vị tính")

# Measure columns, in matching order (the more specific first). month_value appears twice:
# "Thực hiện tháng trước" (the previous month, revised) and "Ước tính tháng này".
MEASURE_COLUMNS: tuple[Column, ...] = (
    Column("ytd_yoy_pct", (rf"(cong don |luy ke |uoc tinh |thuc hien )?{_YTD} {_YOY}",
                           rf"(cong don|luy ke) {_YOY}", rf"{_YOY} (cong don |luy ke )?{_YTD}"), required=False),
    Column("ytd_avg_yoy_pct", (rf"binh quan( {_YTD})? {_YOY}", rf"{_YOY} binh quan( {_YTD})?"), required=False),
    Column("vs_base_pct", (rf"{_CPI}so voi ky goc( \d{{4}})?",), required=False),
    Column("vs_december_pct", (rf"{_CPI}so voi thang 12 nam truoc",), required=False),
    Column("yoy_pct", (rf"{_CPI}(thang {_M}{_Y} )?{_YOY}", rf"{_YOY}( thang {_M}{_Y})?"), required=False),
    Column("mom_pct", (rf"{_CPI}(thang {_M}{_Y} )?so voi thang truoc",), required=False),
    Column("pct_of_plan", (r"so voi (du toan|ke hoach)( nam)?( \d{4})?", r"% (du toan|ke hoach)( nam)?"), required=False),
    Column("ytd_value", (rf"(cong don |luy ke |uoc tinh |thuc hien |uoc thuc hien )*{_YTD}",), required=False),
    Column("month_value", (rf"((thuc hien|uoc tinh|uoc thuc hien|so bo|chinh thuc) )?thang ({_M}{_Y}|truoc|nay|bao cao)",),
           required=False),
    Column("month_value_2", (rf"((thuc hien|uoc tinh|uoc thuc hien|so bo|chinh thuc) )?thang ({_M}{_Y}|truoc|nay|bao cao)",),
           required=False),
)
PERCENT_MEASURES = frozenset({"ytd_yoy_pct", "ytd_avg_yoy_pct", "vs_base_pct", "vs_december_pct", "yoy_pct", "mom_pct",
                              "pct_of_plan"})


def topic_of(sheet_name: str, title_lines: list[str]) -> Topic | None:
    text = " ".join(normalize_label(t) for t in [*title_lines, sheet_name])
    return next((t for t in TOPICS if re.search(t.title_pattern, text)), None)


def columns_for(topic: Topic) -> list[Column]:
    label = AREA_LABEL if topic.by_area else INDICATOR_LABEL
    return [label, UNIT_COLUMN, *MEASURE_COLUMNS]
