"""One monthly socio-economic report workbook -> long-format indicator values + quarantine.

A *record* is one figure: a non-empty value cell of a table (blank, '-', '..' cells carry no
figure). A sheet or a whole workbook that cannot be read at all counts as one record, so that
records read = landed + quarantined always holds and nothing disappears without a reason.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ingestion.common import areas, excel
from ingestion.statistics_office import topics, units

_REPORT_MONTH_IN_NAME = re.compile(r"(20\d{2})[_-](\d{1,2})(?!\d)")
_REPORT_MONTH_IN_TITLE = re.compile(r"thang (\d{1,2})/(20\d{2})")
_ISSUED_ON = (re.compile(r"ngay (\d{1,2})/(\d{1,2})/(20\d{2})"), re.compile(r"ngay (\d{1,2}) thang (\d{1,2}) nam (20\d{2})"))
_REISSUE_IN_NAME = re.compile(r"revised|dieu[_ -]?chinh|sua[_ -]?doi|bo[_ -]?sung|cap[_ -]?nhat", re.IGNORECASE)
_REISSUE_IN_TITLE = re.compile(r"dieu chinh|sua doi|cap nhat so lieu")
_SECTION = re.compile(r"^\s*([IVX]+|[A-Z])[.)]\s+")
_ENUMERATOR = re.compile(r"^\s*(([ivx]+|[a-z]|\d+(\.\d+)*)[.)]|[-+*•])\s*")
_MONTH_IN_LABEL = re.compile(r"thang (\d{1,2})(?:/(20\d{2})| nam (20\d{2}))?")


@dataclass
class ParsedReport:
    landed: list[dict] = field(default_factory=list)
    quarantine: list[dict] = field(default_factory=list)   # line_number, raw_record, reason
    empty: bool = False
    report_month: date | None = None

    @property
    def records_read(self) -> int:
        return len(self.landed) + len(self.quarantine)


def _month(year: int, month: int) -> date:
    return date(year, month, 1)


def _shift(month: date, n: int) -> date:
    y, m = divmod(month.year * 12 + month.month - 1 + n, 12)
    return date(y, m + 1, 1)


def report_month_of(file_name: str, title_text: str) -> date | None:
    in_name, in_title = _REPORT_MONTH_IN_NAME.search(file_name), _REPORT_MONTH_IN_TITLE.search(title_text)
    for year, month in ((in_name and in_name.group(1), in_name and in_name.group(2)),
                        (in_title and in_title.group(2), in_title and in_title.group(1))):
        if year and 1 <= int(month) <= 12:
            return _month(int(year), int(month))
    return None


def issued_on_of(title_text: str) -> date | None:
    for pattern in _ISSUED_ON:
        m = pattern.search(title_text)
        if m:
            try:
                return date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
            except ValueError:
                return None
    return None


def reference_month_of(measure_label: str, report_month: date) -> date:
    """'thuc hien thang 9/2026' -> 2026-09; 'thang truoc' -> the month before the report."""
    if "thang truoc" in measure_label:
        return _shift(report_month, -1)
    m = _MONTH_IN_LABEL.search(measure_label)
    if not m or "thang nay" in measure_label:
        return report_month
    month = int(m.group(1))
    year = int(m.group(2) or m.group(3) or (report_month.year if month <= report_month.month else report_month.year - 1))
    return _month(year, month) if 1 <= month <= 12 else report_month


def slug(label: str) -> str:
    text = _ENUMERATOR.sub("", excel.normalize_label(label))
    return re.sub(r"[^a-z0-9]+", "_", text).strip("_")


def title_rows_text(rows: list[excel.Row]) -> list[str]:
    """Text of the leading single-cell rows (merged titles, subtitles, the unit line)."""
    lines = []
    for row in rows:
        cells = [v for v in row if v is not None and str(v).strip()]
        if len(cells) > 1:
            break
        lines += [str(c).strip() for c in cells]
    return lines


def _raw(sheet: str, row: int, label, column: str | None, value, unit) -> str:
    return json.dumps({"sheet": sheet, "row": row, "label": label, "column": column, "value": value, "unit": unit},
                      ensure_ascii=False, default=str)


def parse_report(path: Path, file_name: str) -> ParsedReport:
    out = ParsedReport()
    try:
        sheets = {name: excel.trim_rows(rows) for name, rows in excel.read_workbook_rows(path).items()}
    except Exception as exc:  # any openpyxl/zip error: the file is not a readable workbook
        out.quarantine.append(dict(line_number=0, raw_record=json.dumps({"file": file_name}),
                                   reason=f"unreadable workbook: {type(exc).__name__}: {exc}"))
        return out
    if not any(sheets.values()):
        out.empty = True
        return out
    titles = {name: title_rows_text(rows) for name, rows in sheets.items()}
    all_titles = " | ".join(excel.normalize_label(t) for lines in titles.values() for t in lines)
    out.report_month = report_month_of(file_name, all_titles)
    if out.report_month is None:
        out.quarantine.append(dict(line_number=0, raw_record=json.dumps({"file": file_name}, ensure_ascii=False),
                                   reason="cannot tell the report month: neither the file name (BC_KTXH_YYYY_MM) "
                                          "nor a title 'tháng MM/YYYY' states it"))
        return out
    context = dict(
        report_month=out.report_month,
        issued_on=issued_on_of(all_titles),
        reissued=bool(_REISSUE_IN_NAME.search(file_name) or _REISSUE_IN_TITLE.search(all_titles)),
    )
    for sheet_name, rows in sheets.items():
        if not rows or re.search(topics.IGNORED_SHEETS, excel.normalize_label(sheet_name)):
            continue
        _parse_sheet(out, sheet_name, rows, titles[sheet_name], **context)
    return out


def _parse_sheet(out: ParsedReport, sheet_name: str, rows, title_lines, *, report_month, issued_on, reissued) -> None:
    topic = topics.topic_of(sheet_name, title_lines)
    if topic is None:
        out.quarantine.append(dict(line_number=0, raw_record=_raw(sheet_name, 0, " / ".join(title_lines), None, None, None),
                                   reason=f"unrecognised sheet {sheet_name!r}: no topic matches its title; "
                                          "add one to ingestion/statistics_office/topics.py"))
        return
    try:
        table = excel.locate_table(rows, topics.columns_for(topic), sheet_name=sheet_name)
    except excel.HeaderNotFoundError as exc:
        out.quarantine.append(dict(line_number=exc.best_row or 0, reason=str(exc),
                                   raw_record=_raw(sheet_name, exc.best_row, None, None, None, None)))
        return
    measures = [c.key for c in topics.MEASURE_COLUMNS if c.key in table.labels]
    if not measures:
        out.quarantine.append(dict(line_number=table.header_row,
                                   raw_record=_raw(sheet_name, table.header_row, None, None, None, None),
                                   reason=f"sheet {sheet_name!r}: no measure column recognised among {table.unmatched_labels}"))
        return
    section = None
    for i, line in enumerate(table.row_numbers):
        label_cell = table.columns["label"][i]
        label = "" if label_cell is None else str(label_cell).strip()
        cells = {m: table.columns[m][i] for m in measures}
        present = {m: v for m, v in cells.items() if not excel.is_empty_value(v)}
        _quarantine_unknown_columns(out, table, i, label)
        if not present:
            if _SECTION.match(label):
                section = slug(label)
            continue
        key, name_vi, area_code, area_name = _identity(topic, section, label, report_month)
        for measure, raw_value in present.items():
            column_label = table.labels[measure]
            norm_label = excel.split_unit(column_label)[0]
            unit_raw = table.units.get(measure) or table.columns["row_unit"][i] or table.sheet_unit
            raw = _raw(sheet_name, line, label, column_label, raw_value, unit_raw)
            reason, value, unit = _validate(label, area_code, raw_value, unit_raw, measure)
            if reason:
                out.quarantine.append(dict(line_number=line, raw_record=raw, reason=f"sheet {sheet_name!r}: {reason}"))
                continue
            reference_month = reference_month_of(norm_label, report_month) if measure.startswith("month_value") else report_month
            out.landed.append(dict(
                report_month=report_month, reference_month=reference_month, topic=topic.key, sheet_name=sheet_name,
                indicator_key=key, indicator_name_vi=name_vi, section=section, area_code=area_code,
                area_name_vi=area_name, measure="month_value" if measure.startswith("month_value") else measure,
                column_label_vi=column_label, value=value, unit=unit, value_raw=str(raw_value),
                unit_raw=None if unit_raw is None else str(unit_raw), is_estimate="uoc" in norm_label,
                issued_on=issued_on, is_revision=reissued or reference_month < report_month,
                revision_source=_revision_source(reissued, reference_month, report_month),
                line_number=line,
            ))


def _identity(topic: topics.Topic, section: str | None, label: str, report_month: date):
    """(indicator_key, indicator name, area code, area name) of a table row."""
    if topic.by_area:  # rows are areas of the table's one indicator
        key = f"{topic.key}.{slug(topic.indicator_name_vi)}"
        return key, topic.indicator_name_vi, areas.area_code_for_name(label, report_month), label
    key = ".".join(p for p in (topic.key, section, slug(label)) if p)
    return key, label, areas.province_code_for(report_month), None


def _quarantine_unknown_columns(out: ParsedReport, table: excel.SheetTable, i: int, label: str) -> None:
    """Figures under a header no measure pattern knows are kept in quarantine, not dropped."""
    line = table.row_numbers[i]
    for column, values in table.extra_columns.items():
        if not excel.is_empty_value(values[i]):
            out.quarantine.append(dict(
                line_number=line, raw_record=_raw(table.sheet_name, line, label, column, values[i], None),
                reason=f"sheet {table.sheet_name!r}: column {column!r} is not a known measure; add its label to "
                       "ingestion/statistics_office/topics.py"))


def _revision_source(reissued: bool, reference_month: date, report_month: date) -> str:
    if reissued:
        return "reissued_workbook"
    return "next_report" if reference_month < report_month else "original"


def _validate(label: str, area_code: str | None, raw_value, unit_raw, measure: str
              ) -> tuple[str | None, float | None, str | None]:
    """(reason to quarantine, or None with the value in its canonical unit and that unit)."""
    if not label:
        return "value without an indicator label", None, None
    if area_code is None:
        return f"unknown area {label!r} for this report month", None, None
    try:
        value = excel.parse_number(raw_value)
    except ValueError as exc:
        return str(exc), None, None
    if unit_raw is None and measure in topics.PERCENT_MEASURES:
        unit_raw = "%"
    if unit_raw is None:
        return "no unit stated (header cell, 'Đơn vị tính' column or line)", None, None
    canonical = units.canonical_unit(str(unit_raw))
    if canonical is None:
        return f"unknown unit {unit_raw!r}", None, None
    unit, factor = canonical
    value = round(value * factor, 6) if factor != 1.0 else value
    reason = units.implausible_reason(value, unit)
    return (reason, None, None) if reason else (None, value, unit)
