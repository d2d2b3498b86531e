"""Lay out a school-year workbook: the school list and the summary by level and area."""

from __future__ import annotations

from datetime import date

from simulators.common import areas
from simulators.common.xlsx import TableLayout

OWNERSHIP_VI = {True: "Công lập", False: "Tư thục"}


def title_lines(start_year: int, report_date: date, end_of_year: bool) -> list[str]:
    stage = "cuối năm học (có kết quả tốt nghiệp)" if end_of_year else "đầu năm học, tính đến 30/9"
    return [
        "SỞ GIÁO DỤC VÀ ĐÀO TẠO",
        f"THỐNG KÊ SỐ LIỆU GIÁO DỤC NĂM HỌC {start_year}-{start_year + 1}",
        f"(Số liệu {stage}; ngày báo cáo: {report_date:%d/%m/%Y})",
    ]


def area_labels(post_reform: bool) -> tuple[str, str]:
    return ("Mã xã", "Xã, phường") if post_reform else ("Mã huyện", "Huyện, thị xã, thành phố")


def school_sheet(rows: list[list], titles: list[str], post_reform: bool) -> TableLayout:
    code_label, name_label = area_labels(post_reform)
    group = ["STT", "Mã trường", "Tên trường", "Cấp học", "Loại hình", code_label, name_label, "Số lớp",
             "Số học sinh", None, "Số giáo viên", "Tỷ lệ tốt nghiệp THPT (%)", "Tỷ lệ hoàn thành chương trình THCS (%)"]
    header = [None] * 8 + ["Tổng số", "Nữ"] + [None] * 3
    return TableLayout(
        sheet_name="DS_Truong", title_lines=titles, header=header, group_header=group, rows=rows,
        column_numbers=True, number_format="0.00",
        footnotes=["Ghi chú: Tỷ lệ tốt nghiệp THPT và hoàn thành chương trình THCS chỉ có ở báo cáo cuối năm học.",
                   "Người lập biểu: Phòng Kế hoạch - Tài chính"],
    )


def summary_sheet(rows: list[list], titles: list[str]) -> TableLayout:
    header = ["Cấp học", "Mã ĐVHC", "Đơn vị hành chính", "Số trường", "Số lớp", "Số học sinh", "Trong đó: nữ", "Số giáo viên"]
    return TableLayout(sheet_name="Tong_hop", title_lines=[*titles[:1], titles[1].replace("THỐNG KÊ", "TỔNG HỢP"), titles[2]],
                       header=header, rows=rows, footnotes=["Ghi chú: Dòng 'Cộng' là tổng của cấp học trên toàn địa bàn."])


def area_code_cell(code: str):
    """District codes are typed as numbers in the workbook, commune codes as text."""
    return int(code) if code.isdigit() else code


def area_of(school, post_reform: bool, on: date) -> tuple[str, str]:
    if post_reform:
        return school.commune, areas.COMMUNE_NAME[school.commune]
    return school.district, areas.district_name(school.district, on)
