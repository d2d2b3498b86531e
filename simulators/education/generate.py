"""Write one ``Thong_ke_GD_YYYY-YYYY.xlsx`` per school year into a drop folder."""

from __future__ import annotations

import copy
import shutil
import sys
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path

import numpy as np
from openpyxl import Workbook

from simulators.common import areas
from simulators.common.xlsx import TableLayout, render, save_deterministic
from simulators.education import faults
from simulators.education import workbook as wbk
from simulators.education.schools import LEVELS, make_schools, yearly_figures


@dataclass
class Generated:
    files: list[Path] = field(default_factory=list)
    schools: dict[str, list[dict]] = field(default_factory=dict)   # file name -> schools that must land
    summary: dict[str, list[dict]] = field(default_factory=dict)   # file name -> summary rows


def latest_school_year(today: date) -> int:
    """Start year of the latest school year whose beginning-of-year report (15 October) is out."""
    return today.year if (today.month, today.day) >= (10, 15) else today.year - 1


@dataclass
class _Year:
    start: int
    post_reform: bool
    report_date: date
    titles: list[str]
    rows: list[list]
    truth: list[dict]


def _school_year(seed: int, schools, start: int, end_of_year: bool) -> _Year:
    post = areas.is_post_reform(date(start, 9, 1))
    report_date = date(start + 1, 8, 15) if end_of_year else date(start, 10, 15)
    rows, truth = [], []
    # generators per school year: asking for more years never changes a year already written
    rng = np.random.default_rng([seed, start])
    results = np.random.default_rng([seed, start, 1]) if end_of_year else None
    for s in (s for s in schools if s.opened <= start):
        f = yearly_figures(rng, results, s, start)
        code, name = wbk.area_of(s, post, date(start, 9, 1))
        rows.append([len(rows) + 1, s.code, s.name, s.level, wbk.OWNERSHIP_VI[s.public], wbk.area_code_cell(code), name,
                     f["classes"], f["pupils"], f["girls"], f["teachers"], f["graduation"], f["completion"]])
        truth.append(dict(school_year=f"{start}-{start + 1}", school_code=s.code, level=s.level, area_code=code,
                          classes=f["classes"], pupils=f["pupils"], pupils_female=f["girls"], teachers=f["teachers"],
                          graduation_rate_pct=f["graduation"], completion_rate_pct=f["completion"]))
    return _Year(start, post, report_date, wbk.title_lines(start, report_date, end_of_year), rows, truth)


def _summary(year: _Year) -> tuple[list[list], list[dict]]:
    """Sums by level and area, each level closed by a 'Cộng' row for the whole province."""
    sums: dict[tuple[str, str], np.ndarray] = defaultdict(lambda: np.zeros(5, dtype=np.int64))
    names = {}
    for row in year.rows:
        key = (row[3], str(row[5]))
        sums[key] += np.array([1, row[7], row[8], row[9], row[10]])
        names[str(row[5])] = row[6]
    province_code, province_name = areas.province(date(year.start, 9, 1))
    rows, truth = [], []
    for level in LEVELS:
        keys = sorted(k for k in sums if k[0] == level)
        total = sum((sums[k] for k in keys), np.zeros(5, dtype=np.int64))
        for i, (lvl, code) in enumerate(keys + [(level, province_code)]):
            v = total if code == province_code else sums[(lvl, code)]
            rows.append([level if i == 0 else None, wbk.area_code_cell(code), names.get(code, f"Cộng ({province_name})"),
                         *map(int, v)])
            truth.append(dict(school_year=f"{year.start}-{year.start + 1}", level=level, area_code=code, schools=int(v[0]),
                              classes=int(v[1]), pupils=int(v[2]), pupils_female=int(v[3]), teachers=int(v[4])))
    return rows, truth


def _write(path: Path, school_layout: TableLayout, summary_layout: TableLayout | None, stamp: datetime) -> None:
    wb = Workbook()
    wb.remove(wb.active)
    render(wb, school_layout)
    if summary_layout is None:
        wb.create_sheet("Tong_hop")  # the clerk forgot to fill it in
    else:
        render(wb, summary_layout)
    save_deterministic(wb, path, stamp)


def generate(out: Path, *, seed: int = 42, fault_mode: str = "default", years: int = 4, schools: int = 900,
             last_start_year: int | None = None) -> Generated:
    last = last_start_year or latest_school_year(date.today())
    first = last - years + 1
    roster = make_schools(np.random.default_rng([seed, 0]), schools)
    out.mkdir(parents=True, exist_ok=True)
    result = Generated()
    faults_on = fault_mode != "none"
    for start in range(first, last + 1):
        rng = np.random.default_rng([seed, start, 2])   # for the faults of this year
        year = _school_year(seed, roster, start, end_of_year=start < last)
        summary_rows, summary_truth = _summary(year)
        clean = copy.deepcopy(year)
        layout = wbk.school_sheet(year.rows, year.titles, year.post_reform)
        truth = year.truth
        if faults_on and faults.slot(start) == faults.SHIFTED_SLOT:
            layout.row_offset, layout.col_offset = 3, 1
            layout.extra_lines_above = ["(Kèm theo Công văn của Sở Giáo dục và Đào tạo)"]
        if faults_on and faults.slot(start) == faults.FAULTY_SLOT:
            truth = faults.inject(layout, truth, rng)
        empty_summary = faults_on and faults.slot(start) == faults.EMPTY_SUMMARY_SLOT
        summary_layout = None if empty_summary else wbk.summary_sheet(summary_rows, year.titles)
        path = out / f"Thong_ke_GD_{start}-{start + 1}.xlsx"
        _write(path, layout, summary_layout, datetime.combine(year.report_date, datetime.min.time()).replace(hour=9))
        result.files.append(path)
        result.schools[path.name], result.summary[path.name] = truth, summary_truth if summary_layout else []
        if faults_on and faults.slot(start) == faults.RESENT_SLOT:
            resent = out / f"Thong_ke_GD_{start}-{start + 1} (gui lai).xlsx"
            shutil.copyfile(path, resent)
            result.files.append(resent)
        if faults_on and faults.slot(start) == faults.FAULTY_SLOT:
            _write_correction(out, result, clean, summary_rows, summary_truth, rng)
        print(f"  education: school year {start}-{start + 1}: {len(year.rows)} schools", file=sys.stderr)
    return result


def _write_correction(out: Path, result: Generated, year: _Year, summary_rows, summary_truth, rng) -> None:
    """The department re-sends the year a month later: faults fixed, a few graduation rates revised."""
    report_date = year.report_date + timedelta(days=30)
    titles = [*year.titles[:2], f"(Số liệu điều chỉnh; ngày báo cáo: {report_date:%d/%m/%Y})"]
    by_code = {t["school_code"]: t for t in year.truth}
    for row in year.rows:
        if row[11] is not None and rng.random() < 0.3:
            row[11] = round(min(100.0, row[11] + float(rng.uniform(0.1, 1.0))), 2)
            by_code[row[1]]["graduation_rate_pct"] = row[11]
    path = out / f"Thong_ke_GD_{year.start}-{year.start + 1}_dieu_chinh.xlsx"
    _write(path, wbk.school_sheet(year.rows, titles, year.post_reform), wbk.summary_sheet(summary_rows, titles),
           datetime.combine(report_date, datetime.min.time()).replace(hour=9))
    result.files.append(path)
    result.schools[path.name], result.summary[path.name] = year.truth, summary_truth
