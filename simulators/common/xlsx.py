"""Lay out report tables in openpyxl the way provincial offices do, and save them reproducibly.

A table is drawn with merged title rows, an optional "Đơn vị tính" line, one or two header rows
(group headers merged across their sub-columns, single headers merged down), an optional
column-number row, the data, a blank row and footnotes. ``row_offset``/``col_offset`` insert
blank rows/columns above and left of it: the "shifted headers" fault.

openpyxl stamps the save time into docProps/core.xml and every zip entry; ``save_deterministic``
pins both so the same seed gives byte-identical files (and identical content hashes).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=13)
_ITALIC = Font(italic=True)
_WRAP = Alignment(wrap_text=True, horizontal="center", vertical="center")


@dataclass
class TableLayout:
    sheet_name: str
    title_lines: list[str]                      # merged across the table width, top first
    header: list[str | None]                    # the (lower) header row
    rows: list[list[Any]]
    group_header: list[str | None] | None = None  # upper header row of a two-level header
    unit_line: str | None = None                # "Đơn vị tính: tỷ đồng", right-aligned above the header
    column_numbers: bool = False                # "A | B | 1 | 2 …" under the header
    footnotes: list[str] = field(default_factory=list)
    extra_lines_above: list[str] = field(default_factory=list)  # fault: notes inserted above the header
    row_offset: int = 0                         # fault: blank rows inserted at the top
    col_offset: int = 0                         # fault: blank columns inserted at the left
    number_format: str = "#,##0.0"


def render(wb: Workbook, t: TableLayout) -> None:
    ws = wb.create_sheet(t.sheet_name)
    width = len(t.header)
    c0 = 1 + t.col_offset
    r = 1 + t.row_offset
    last_col = get_column_letter(c0 + width - 1)
    for i, line in enumerate(t.title_lines):
        ws.cell(r, c0, line).font = _TITLE if i == 0 else _ITALIC
        ws.merge_cells(f"{get_column_letter(c0)}{r}:{last_col}{r}")
        ws.cell(r, c0).alignment = Alignment(horizontal="center")
        r += 1
    for line in t.extra_lines_above:
        ws.cell(r, c0, line).font = _ITALIC
        r += 1
    if t.unit_line:
        ws.cell(r, c0 + width - 1, t.unit_line).font = _ITALIC
        r += 1
    if t.group_header:
        _render_group_header(ws, r, c0, t.group_header, t.header)
        r += 1
    for j, label in enumerate(t.header):
        if label is not None:
            cell = ws.cell(r, c0 + j, label)
            cell.font, cell.alignment = _BOLD, _WRAP
    r += 1
    if t.column_numbers:
        for j in range(width):
            ws.cell(r, c0 + j, chr(ord("A") + j) if j < 1 else str(j)).alignment = _WRAP
        r += 1
    for row in t.rows:
        for j, value in enumerate(row):
            if value is None:
                continue
            cell = ws.cell(r, c0 + j, value)
            if isinstance(value, float):
                cell.number_format = t.number_format
        r += 1
    r += 1
    for note in t.footnotes:
        ws.cell(r, c0, note).font = _ITALIC
        r += 1
    for j in range(width):
        ws.column_dimensions[get_column_letter(c0 + j)].width = 42 if j == 0 else 16


def _render_group_header(ws, r: int, c0: int, group: list[str | None], header: list[str | None]) -> None:
    """Group labels merged across their sub-columns; labels without sub-columns merged down."""
    j = 0
    while j < len(group):
        label = group[j]
        span = 1
        while j + span < len(group) and group[j + span] is None and header[j + span] is not None and header[j] is not None:
            span += 1
        cell = ws.cell(r, c0 + j, label)
        cell.font, cell.alignment = _BOLD, _WRAP
        if header[j] is None:
            ws.merge_cells(start_row=r, start_column=c0 + j, end_row=r + 1, end_column=c0 + j)
        elif span > 1:
            ws.merge_cells(start_row=r, start_column=c0 + j, end_row=r, end_column=c0 + j + span - 1)
        j += span


def save_deterministic(wb: Workbook, path: Path, stamp: datetime) -> None:
    """Save with ``stamp`` as the document's created/modified time and fixed zip entry times."""
    wb.properties.created = stamp
    buffer = io.BytesIO()
    wb.save(buffer)
    iso = stamp.strftime("%Y-%m-%dT%H:%M:%SZ")
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(buffer) as src, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename == "docProps/core.xml":
                data = re.sub(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)", rb"\g<1>" + iso.encode() + rb"\g<2>", data)
            entry = zipfile.ZipInfo(info.filename, date_time=stamp.timetuple()[:6])
            entry.compress_type = zipfile.ZIP_DEFLATED
            dst.writestr(entry, data)


def save_empty_workbook(path: Path, stamp: datetime) -> None:
    """A workbook with one blank sheet: what an export with no rows looks like."""
    wb = Workbook()
    wb.active.title = "Sheet1"
    save_deterministic(wb, path, stamp)
