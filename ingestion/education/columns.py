"""Header labels of the two tables of a school-year workbook (regexes over normalised text).

Alternatives cover the wordings seen from one year to the next ("Số học sinh" / "Học sinh",
"Số giáo viên" / "Tổng số giáo viên"); a two-level header reads as "<group> <sub-label>".
"""

from __future__ import annotations

from ingestion.common.excel import Column

_AREA_CODE = Column("area_code", (r"ma (huyen|xa|phuong|xa phuong|phuong xa|dvhc|don vi hanh chinh)",), description="Mã huyện/xã")
_PUPILS = Column("pupils", (r"(so )?hoc sinh( tong so)?", r"tong so hoc sinh"), description="Số học sinh")
_GIRLS = Column("pupils_female", (r"(so )?hoc sinh (trong do )?nu", r"(trong do )?nu", r"hoc sinh nu"),
                required=False, description="Nữ")
_TEACHERS = Column("teachers", (r"(tong )?(so )?giao vien",), description="Số giáo viên")
_CLASSES = Column("classes", (r"(tong )?(so )?lop( hoc)?",), description="Số lớp")

SCHOOL_COLUMNS = (
    Column("row_no", (r"stt", r"so tt", r"tt"), required=False),
    Column("school_code", (r"ma (so )?truong( hoc)?", r"ma dinh danh truong"), description="Mã trường"),
    Column("school_name", (r"ten (truong|don vi|truong hoc)",), description="Tên trường"),
    Column("level", (r"cap hoc", r"bac hoc"), description="Cấp học"),
    Column("ownership", (r"loai hinh( truong)?",), description="Loại hình"),
    _AREA_CODE,
    Column("area_name", (r"(ten )?(huyen|xa|phuong|dvhc|don vi hanh chinh)\b.*",), required=False),
    _CLASSES, _PUPILS, _GIRLS, _TEACHERS,
    Column("graduation_rate_pct", (r"ty le (hoc sinh )?tot nghiep( thpt)?",), required=False),
    Column("completion_rate_pct", (r"ty le hoan thanh chuong trinh( thcs)?", r"ty le (xet )?cong nhan tot nghiep thcs"),
           required=False),
)

SUMMARY_COLUMNS = (
    Column("level", (r"cap hoc", r"bac hoc"), description="Cấp học"),
    _AREA_CODE,
    Column("area_name", (r"(ten )?(huyen|xa|phuong|dvhc|don vi hanh chinh)\b.*",), required=False),
    Column("schools", (r"(tong )?so truong( hoc)?",), description="Số trường"),
    _CLASSES, _PUPILS, _GIRLS, _TEACHERS,
)
