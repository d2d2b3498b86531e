"""Write the monthly report workbooks ``BC_KTXH_YYYY_MM.xlsx`` into a drop folder."""

from __future__ import annotations

import copy
import shutil
import sys
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from simulators.common import areas
from simulators.common.xlsx import render, save_deterministic, save_empty_workbook
from simulators.statistics_office import faults
from simulators.statistics_office.model import Calendar
from simulators.statistics_office.report_model import ReportModel
from simulators.statistics_office.tables import Built

ISSUE_DAY = 6  # the report of month M is issued on the 6th of M+1


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)
    truth: dict[str, list[dict]] = field(default_factory=dict)   # file name -> printed figures


def _next_month(d: date, n: int = 1) -> date:
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    return date(y, m + 1, 1)


def latest_issued_month(today: date) -> date:
    """The last month whose report is out on ``today``."""
    back = 1 if today.day >= ISSUE_DAY else 2
    return _next_month(date(today.year, today.month, 1), -back)


def _issuer(month: date) -> str:
    return "Thống kê khu vực Bình Dương" if areas.is_post_reform(month) else "Cục Thống kê tỉnh Bình Dương"


def _write(path: Path, tables: list[Built], stamp: datetime) -> None:
    wb = Workbook()
    toc = wb.active
    toc.title = "Muc luc"
    toc.append(["MỤC LỤC CÁC BIỂU"])
    toc.append(["STT", "Tên biểu"])
    for i, b in enumerate(tables, start=1):
        toc.append([i, b.layout.title_lines[0]])
    for b in tables:
        render(wb, b.layout)
    save_deterministic(wb, path, stamp)


def generate(out: Path, *, seed: int = 42, fault_mode: str = "default", months: int = 28,
             end_month: date | None = None) -> Generated:
    end_month = end_month or latest_issued_month(date.today())
    first_report = _next_month(end_month, -(months - 1))
    cal = Calendar()
    if first_report.year <= cal.first.year or cal.index(end_month) >= cal.n:
        raise ValueError(f"reports can be generated from {cal.first.year + 1}-01 to {cal.month(cal.n - 1):%Y-%m}")
    rng = np.random.default_rng(seed)
    model = ReportModel(rng, cal)
    out.mkdir(parents=True, exist_ok=True)
    result = Generated()
    with_faults = fault_mode != "none"
    for k in range(months):
        month = _next_month(first_report, k)
        t = cal.index(month)
        issued = date(_next_month(month).year, _next_month(month).month, ISSUE_DAY)
        subtitle = f"(Kèm theo Báo cáo số {100 + t}/BC-TK ngày {issued:%d/%m/%Y} của {_issuer(month)})"
        footnotes = [f"Ghi chú: Số liệu tháng {month.month}/{month.year} là số ước tính; tháng trước là số thực hiện.",
                     f"Nguồn: {_issuer(month)}."]
        tables = model.tables(t, subtitle, footnotes)
        if with_faults:
            for name in faults.faults_for(month):
                faults.FAULTS[name](tables)
        path = out / f"BC_KTXH_{month.year}_{month.month:02d}.xlsx"
        _write(path, tables, datetime(issued.year, issued.month, issued.day, 8, 0))
        result.files.append(path)
        result.truth[path.name] = [r for b in tables for r in b.truth]
        if with_faults and month < end_month and month in faults.months_with("revised", [month]):
            _write_revision(out, result, tables, month, issued, np.random.default_rng([seed, month.year, month.month]))
        if with_faults and month in faults.months_with("resent", [month]):
            resent = out / f"BC_KTXH_{month.year}_{month.month:02d} (1).xlsx"
            shutil.copyfile(path, resent)
            result.files.append(resent)
        if with_faults and month in faults.months_with("empty", [month]):
            empty = out / f"BC_KTXH_{month.year}_{month.month:02d}_bo_sung.xlsx"
            save_empty_workbook(empty, datetime(issued.year, issued.month, issued.day, 9, 0))
            result.files.append(empty)
        if k % 6 == 5 or k == months - 1:
            print(f"  statistics_office: {k + 1}/{months} reports written (up to {month:%m/%Y})", file=sys.stderr)
    return result


def _write_revision(out: Path, result: Generated, tables: list[Built], month: date, issued: date, rng) -> None:
    """The same report re-issued two weeks later with corrected export figures."""
    revised_on = date(issued.year, issued.month, issued.day + 14)
    tables = copy.deepcopy(tables)
    faults.revise(tables, rng)
    for b in tables:
        b.layout.title_lines = [b.layout.title_lines[0] + " (SỐ LIỆU ĐIỀU CHỈNH)",
                                f"(Thay thế biểu kèm Báo cáo tháng {month.month}/{month.year}; "
                                f"ban hành ngày {revised_on:%d/%m/%Y})"]
    path = out / f"BC_KTXH_{month.year}_{month.month:02d}_revised.xlsx"
    _write(path, tables, datetime(revised_on.year, revised_on.month, revised_on.day, 8, 0))
    result.files.append(path)
    result.truth[path.name] = [r for b in tables for r in b.truth]
