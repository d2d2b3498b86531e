"""Turn the located tables of a school-year workbook into checked rows (schools, summary)."""

from __future__ import annotations

import json

import pyarrow as pa

from ingestion.common import areas, excel
from ingestion.common.file_drop import DropFile, ParsedFile
from ingestion.education.columns import SCHOOL_COLUMNS, SUMMARY_COLUMNS
from ingestion.education.workbook import (
    LEVELS,
    OWNERSHIP,
    YearContext,
    cell_text,
    check_counts,
    find_table,
    lookup,
    numbers,
    raw_json,
    read_rows,
    year_context,
)

_YEAR_COLUMNS = [("school_year", pa.string()), ("school_year_start", pa.int32())]
_TAIL_COLUMNS = [
    ("report_date", pa.date32()), ("is_correction", pa.bool_()), ("sheet_name", pa.string()),
    ("extra_fields", pa.string()),      # JSON of columns the connector does not know yet (schema drift)
]

SCHOOLS_SCHEMA = pa.schema([
    *_YEAR_COLUMNS,
    ("school_code", pa.string()), ("school_name", pa.string()),
    ("level", pa.string()), ("level_vi", pa.string()),            # mam_non | tieu_hoc | thcs | thpt
    ("ownership", pa.string()), ("ownership_vi", pa.string()),    # public | private
    ("area_code", pa.string()), ("area_name_vi", pa.string()),
    ("classes", pa.int32()), ("pupils", pa.int32()), ("pupils_female", pa.int32()), ("teachers", pa.int32()),
    ("graduation_rate_pct", pa.float64()), ("completion_rate_pct", pa.float64()),
    *_TAIL_COLUMNS,
])
SUMMARY_SCHEMA = pa.schema([
    *_YEAR_COLUMNS,
    ("level", pa.string()), ("level_vi", pa.string()),
    ("area_code", pa.string()), ("area_name_vi", pa.string()),     # the province code on a level's total row
    ("schools", pa.int32()), ("classes", pa.int32()), ("pupils", pa.int32()), ("pupils_female", pa.int32()),
    ("teachers", pa.int32()),
    *_TAIL_COLUMNS,
])
_COUNTS = ("classes", "pupils", "pupils_female", "teachers")


def _file_problem(f: DropFile, reason: str) -> ParsedFile:
    return ParsedFile(quarantine=[dict(line_number=0, raw_record=json.dumps({"file": f.name}, ensure_ascii=False),
                                       reason=reason)])


def _open(f: DropFile) -> tuple[dict | None, YearContext | None, ParsedFile | None]:
    try:
        rows = read_rows(f.path, f.sha256)
    except Exception as exc:  # not a readable .xlsx (truncated upload, wrong format)
        return None, None, _file_problem(f, f"unreadable workbook: {type(exc).__name__}: {exc}")
    if not any(rows.values()):
        return None, None, ParsedFile(skipped_reason="empty workbook (no data in any sheet)")
    ctx = year_context(f.name, rows)
    if ctx is None:
        return None, None, _file_problem(f, "cannot tell the school year: neither the file name nor the title says 'YYYY-YYYY'")
    return rows, ctx, None


def _context_columns(ctx: YearContext, sheet: str) -> dict:
    return dict(school_year=ctx.school_year, school_year_start=ctx.school_year_start, report_date=ctx.report_date,
                is_correction=ctx.is_correction, sheet_name=sheet)


def _parse(f: DropFile, columns, sheet_pattern: str, fill_down, record, key_of, schema) -> ParsedFile:
    rows, ctx, problem = _open(f)
    if problem:
        return problem
    table, failed = find_table(rows, columns, sheet_pattern, fill_down)
    if table is None:
        return ParsedFile(quarantine=failed.quarantine, skipped_reason=failed.skipped_reason)
    out, first_line = ParsedFile(), {}
    landed = []
    for i, line in enumerate(table.row_numbers):
        cells = {k: table.columns[k][i] for k in table.columns}
        reason, rec = record(cells, ctx)
        if reason is None and key_of(rec) in first_line:
            reason = f"duplicate of row {first_line[key_of(rec)]} ({', '.join(map(str, key_of(rec)))})"
        if reason:
            out.quarantine.append(dict(line_number=line, raw_record=raw_json(table, i),
                                       reason=f"sheet {table.sheet_name!r}: {reason}"))
            continue
        first_line[key_of(rec)] = line
        landed.append({**rec, **_context_columns(ctx, table.sheet_name), "extra_fields": _extra(table, i)})
        out.line_numbers.append(line)
    out.rows = pa.Table.from_pylist(landed, schema=schema) if landed else None
    return out


def _extra(table, i: int) -> str | None:
    """Cells of columns added to the workbook that no expected label claims: kept, not dropped."""
    extra = {label: values[i] for label, values in table.extra_columns.items() if not excel.is_empty_value(values[i])}
    return json.dumps(extra, ensure_ascii=False, default=str) if extra else None


def _area(cells: dict, ctx: YearContext, allow_province: bool) -> tuple[str | None, str | None]:
    code = cell_text(cells.get("area_code"))
    if code is None:
        return None, "area code missing"
    if not areas.is_known_code(code, ctx.period) or (code == areas.province_code_for(ctx.period) and not allow_province):
        geography = "communes BD25-xx" if ctx.period >= areas.REFORM_DATE else "districts 718-726"
        return None, f"unknown area code {code!r} for school year {ctx.school_year} (expected {geography})"
    return code, None


def school_record(cells: dict, ctx: YearContext) -> tuple[str | None, dict | None]:
    code = cell_text(cells.get("school_code"))
    if code is None:
        return "school code missing", None
    level, ownership = lookup(LEVELS, cells.get("level")), lookup(OWNERSHIP, cells.get("ownership"))
    if level is None:
        return f"unknown level {cells.get('level')!r}", None
    if ownership is None:
        return f"unknown ownership {cells.get('ownership')!r}", None
    area_code, problem = _area(cells, ctx, allow_province=False)
    values, problem = (None, problem) if problem else numbers(cells, (*_COUNTS, "graduation_rate_pct", "completion_rate_pct"))
    problem = problem or check_counts(values)
    if problem:
        return problem, None
    return None, dict(
        school_code=code, school_name=cell_text(cells.get("school_name")), level=level, level_vi=cell_text(cells["level"]),
        ownership=ownership, ownership_vi=cell_text(cells["ownership"]), area_code=area_code,
        area_name_vi=cell_text(cells.get("area_name")),
        **{k: None if values[k] is None else int(values[k]) for k in _COUNTS},
        graduation_rate_pct=values["graduation_rate_pct"], completion_rate_pct=values["completion_rate_pct"],
    )


def summary_record(cells: dict, ctx: YearContext) -> tuple[str | None, dict | None]:
    level = lookup(LEVELS, cells.get("level"))
    if level is None:
        return f"unknown level {cells.get('level')!r}", None
    area_code, problem = _area(cells, ctx, allow_province=True)
    values, problem = (None, problem) if problem else numbers(cells, ("schools", *_COUNTS))
    problem = problem or check_counts(values)
    if problem:
        return problem, None
    return None, dict(level=level, level_vi=cell_text(cells["level"]), area_code=area_code,
                      area_name_vi=cell_text(cells.get("area_name")),
                      **{k: None if values[k] is None else int(values[k]) for k in ("schools", *_COUNTS)})


def parse_schools(f: DropFile) -> ParsedFile:
    return _parse(f, SCHOOL_COLUMNS, r"truong", (), school_record, lambda r: (r["school_code"],), SCHOOLS_SCHEMA)


def parse_summary(f: DropFile) -> ParsedFile:
    return _parse(f, SUMMARY_COLUMNS, r"tong hop", ("level",), summary_record, lambda r: (r["level"], r["area_code"]),
                  SUMMARY_SCHEMA)
