"""One school-year workbook -> school rows and summary rows, each checked, or quarantined.

A record is one data row of a table (one school, or one level x area line of the summary). A
table that cannot be found in a non-empty workbook counts as one quarantined record.
"""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Sequence

from ingestion.common import excel

_SCHOOL_YEAR = re.compile(r"(20\d{2})\s*[-_–]\s*(20\d{2})")
_REPORT_DATE = re.compile(r"ngay( bao cao)?\s*:?\s*(\d{1,2})/(\d{1,2})/(20\d{2})")
_CORRECTION = re.compile(r"dieu chinh|sua doi|bo sung")
LEVELS = {"mam non": "mam_non", "nha tre": "mam_non", "mau giao": "mam_non", "tieu hoc": "tieu_hoc",
          "thcs": "thcs", "trung hoc co so": "thcs", "thpt": "thpt", "trung hoc pho thong": "thpt"}
OWNERSHIP = {"cong lap": "public", "tu thuc": "private", "ngoai cong lap": "private", "dan lap": "private",
             "tu thuc quoc te": "private"}
MAX_PUPILS_PER_CLASS = 80   # above this a figure is a typo or a unit mix-up, not a crowded class


@dataclass
class ParsedTable:
    rows: list[dict] = field(default_factory=list)
    line_numbers: list[int] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)
    skipped_reason: str | None = None


@dataclass(frozen=True)
class YearContext:
    school_year: str
    school_year_start: int
    report_date: date | None
    is_correction: bool

    @property
    def period(self) -> date:
        return date(self.school_year_start, 9, 1)


def _text(rows_by_sheet: dict[str, list]) -> str:
    return " | ".join(excel.normalize_label(v) for rows in rows_by_sheet.values() for row in rows[:8] for v in row
                      if isinstance(v, str))


def year_context(file_name: str, rows_by_sheet: dict[str, list]) -> YearContext | None:
    text = _text(rows_by_sheet)
    m = _SCHOOL_YEAR.search(file_name) or _SCHOOL_YEAR.search(text)
    if not m or int(m.group(2)) != int(m.group(1)) + 1:
        return None
    d = _REPORT_DATE.search(text)
    try:
        report_date = date(int(d.group(4)), int(d.group(3)), int(d.group(2))) if d else None
    except ValueError:
        report_date = None
    correction = bool(_CORRECTION.search(excel.normalize_label(file_name).replace("_", " ")) or _CORRECTION.search(text))
    return YearContext(f"{m.group(1)}-{m.group(2)}", int(m.group(1)), report_date, correction)


def find_table(rows_by_sheet: dict[str, list], columns, name_pattern: str, fill_down: Sequence[str] = ()
               ) -> tuple[excel.SheetTable | None, ParsedTable]:
    """The first sheet carrying the table's header; else why not (empty sheet, or missing labels)."""
    failures = []
    for sheet, rows in rows_by_sheet.items():
        if not rows:
            continue
        try:
            return excel.locate_table(rows, columns, sheet_name=sheet, fill_down=fill_down), ParsedTable()
        except excel.HeaderNotFoundError as exc:
            failures.append((sheet, exc))
    named = [s for s in rows_by_sheet if re.search(name_pattern, excel.normalize_label(s).replace("_", " "))]
    empty = [s for s in named if not rows_by_sheet[s]]
    if empty:
        return None, ParsedTable(skipped_reason=f"empty sheet {empty[0]!r}")
    failure = next((e for s, e in failures if s in named), failures[0][1] if failures else None)
    reason = str(failure) if failure else "no sheet in the workbook"
    return None, ParsedTable(quarantine=[dict(line_number=getattr(failure, "best_row", 0) or 0,
                                              raw_record=json.dumps({"sheets": list(rows_by_sheet)}, ensure_ascii=False),
                                              reason=reason)])


def cell_text(value: Any) -> str | None:
    if excel.is_empty_value(value):
        return None
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def lookup(mapping: dict[str, str], value: Any) -> str | None:
    return mapping.get(excel.normalize_label(value).strip(" ."))


def numbers(row: dict, keys: Sequence[str]) -> tuple[dict, str | None]:
    out = {}
    for key in keys:
        try:
            out[key] = excel.parse_number(row.get(key))
        except ValueError as exc:
            return out, f"{key}: {exc}"
    return out, None


def check_counts(v: dict) -> str | None:
    """The checks every school or summary line must pass (counts, then shares)."""
    for key in ("schools", "classes", "pupils", "pupils_female", "teachers"):
        x = v.get(key)
        if x is not None and (x < 0 or not float(x).is_integer()):
            return f"impossible {key} {x:g}: must be a whole number >= 0"
    if v.get("pupils") is None:
        return "pupils missing"
    if v.get("pupils_female") is not None and v["pupils_female"] > v["pupils"]:
        return f"impossible: {v['pupils_female']:g} girls out of {v['pupils']:g} pupils"
    if v.get("classes") and v["pupils"] / v["classes"] > MAX_PUPILS_PER_CLASS:
        return f"implausible: {v['pupils'] / v['classes']:.0f} pupils per class (over {MAX_PUPILS_PER_CLASS})"
    for key in ("graduation_rate_pct", "completion_rate_pct"):
        x = v.get(key)
        if x is not None and not 0.0 <= x <= 100.0:
            return f"impossible {key} {x:g}: a rate is between 0 and 100 %"
    return None


def raw_json(table: excel.SheetTable, i: int) -> str:
    return json.dumps({"sheet": table.sheet_name, "row": table.row_numbers[i],
                       **{k: table.columns[k][i] for k in table.columns}}, ensure_ascii=False, default=str)


@functools.lru_cache(maxsize=4)
def read_rows(path: Path, sha256: str) -> dict[str, list]:
    """Sheets of a workbook; cached by content so the two datasets of a run read a file once."""
    return {name: excel.trim_rows(rows) for name, rows in excel.read_workbook_rows(path).items()}
