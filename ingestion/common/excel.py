"""Read tables out of departmental Excel workbooks the way people really lay them out.

Provincial offices build their reports by hand: merged title rows above the table, the unit in
the header cell ("Giá trị (tỷ đồng)") or in a "Đơn vị tính: …" line, two-level headers, a row of
column numbers ("A | B | 1 | 2"), footnotes below, and rows or columns inserted from one month
to the next. So a table is located by *matching its expected header labels* (accent-, case- and
whitespace-insensitive regular expressions), never by fixed cell positions, and it ends at the
first blank or footnote row.

Everything here is plain data in, plain data out: sheets are read once with openpyxl in
read-only mode (cached values, no formulas evaluated) and handed over as lists of row tuples.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Sequence

import openpyxl

Row = tuple[Any, ...]

_FOOTNOTE_PREFIXES = ("ghi chu", "nguon", "chu thich", "luu y", "so lieu so bo")
_COLUMN_NUMBER_TOKEN = re.compile(r"^\(?(\d{1,2}|[a-z])\)?(\s*=.*)?$")
_TRAILING_PARENS = re.compile(r"\(([^()]*)\)\s*$")
_SHEET_UNIT_LINE = re.compile(r"^(don vi( tinh)?|dvt)\s*:")
EMPTY_MARKERS = frozenset({"", "-", "--", "–", "—", "..", "...", "…", "x", "n/a"})


class HeaderNotFoundError(ValueError):
    """No row of the sheet carries all the required header labels."""

    def __init__(self, sheet_name: str, missing: Sequence[str], best_row: int | None):
        self.sheet_name = sheet_name
        self.missing = list(missing)
        self.best_row = best_row
        where = f"best candidate row {best_row}" if best_row else "no candidate row"
        super().__init__(
            f"sheet {sheet_name!r}: header row not found ({where}); missing labels: {', '.join(missing)}"
        )


@dataclass(frozen=True)
class Column:
    """An expected column: ``patterns`` are regexes fully matched against the normalised label
    (see :func:`normalize_label`, unit in trailing parentheses removed)."""

    key: str
    patterns: tuple[str, ...]
    required: bool = True
    description: str = ""

    def matches(self, label: str) -> bool:
        return any(re.fullmatch(p, label) for p in self.patterns)


@dataclass
class SheetTable:
    sheet_name: str
    header_row: int                       # 1-based Excel row of the (lowest) header row
    columns: dict[str, list[Any]]         # key -> raw cell values, aligned with row_numbers
    labels: dict[str, str]                # key -> header label as written
    units: dict[str, str | None]          # key -> unit written in the header cell ("(tỷ đồng)")
    row_numbers: list[int]                # 1-based Excel row of each data row
    title_lines: list[str] = field(default_factory=list)   # text above the header
    footnotes: list[str] = field(default_factory=list)
    unmatched_labels: list[str] = field(default_factory=list)  # extra columns (schema drift)
    extra_columns: dict[str, list[Any]] = field(default_factory=dict)  # their cells, by header label
    sheet_unit: str | None = None         # "Đơn vị tính: tỷ đồng" above the table

    def unit_of(self, key: str) -> str | None:
        """The unit stated for a column: its header cell first, else the sheet's unit line."""
        return self.units.get(key) or self.sheet_unit

    def __len__(self) -> int:
        return len(self.row_numbers)


def normalize_label(value: Any) -> str:
    """'  Giá trị\\n(tỷ  đồng) ' -> 'gia tri (ty dong)': no accents, lowercase, single spaces."""
    if value is None:
        return ""
    text = unicodedata.normalize("NFD", str(value))
    text = "".join(ch for ch in text if unicodedata.category(ch) != "Mn")
    text = text.replace("đ", "d").replace("Đ", "d").lower()
    text = re.sub(r"[^a-z0-9%/()*.,:+=-]+", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def _strip_punctuation(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9%/ ]+", " ", text)).strip()


def split_unit(label: Any) -> tuple[str, str | None]:
    """'Giá trị (tỷ đồng)' -> ('gia tri', 'tỷ đồng'); footnote markers like '(*)' are not units."""
    raw = "" if label is None else re.sub(r"\s+", " ", str(label)).strip()
    unit = None
    while True:
        m = _TRAILING_PARENS.search(raw)
        if not m:
            break
        inner = m.group(1).strip()
        raw = raw[: m.start()].strip()
        if inner and not re.fullmatch(r"[*\d\s]+", inner):
            unit = unit or inner
    return _strip_punctuation(normalize_label(raw)), unit


def is_blank(row: Row) -> bool:
    return all(v is None or (isinstance(v, str) and not v.strip()) for v in row)


def _non_empty(row: Row) -> list[Any]:
    return [v for v in row if not (v is None or (isinstance(v, str) and not v.strip()))]


def is_footnote(row: Row) -> bool:
    cells = _non_empty(row)
    if len(cells) != 1 or not isinstance(cells[0], str):
        return False
    text = cells[0].strip()
    return text.startswith("*") or text.startswith("(*") or normalize_label(text).startswith(_FOOTNOTE_PREFIXES)


def is_column_number_row(row: Row) -> bool:
    """'A | B | 1 | 2 | 3=1+2': the numbering row printed under many official tables."""
    cells = _non_empty(row)
    return len(cells) >= 2 and all(_COLUMN_NUMBER_TOKEN.match(normalize_label(c)) for c in cells)


def _forward_fill(row: Row) -> list[Any]:
    """Horizontal merges keep their text in the leftmost cell only; spread it to the right."""
    filled, last = [], None
    for v in row:
        if v is not None and str(v).strip():
            last = v
        filled.append(last)
    return filled


def _header_labels(rows: Sequence[Row], i: int, two_level: bool) -> list[tuple[str, Any]]:
    """(normalised label without unit, raw label) per column for header row ``i``."""
    own = rows[i]
    if not two_level:
        return [(split_unit(v)[0], v) for v in own]
    parent = _forward_fill(rows[i - 1])
    parent += [None] * (len(own) - len(parent))
    labels = []
    for p, o in zip(parent, own):
        if o is None or not str(o).strip():
            raw = p
        elif p is None:
            raw = o
        else:  # "So với cùng kỳ (%)" over "Tháng 10/2026": the unit may sit on either level
            unit = split_unit(o)[1] or split_unit(p)[1]
            raw = f"{_without_unit(p)} {_without_unit(o)}" + (f" ({unit})" if unit else "")
        labels.append((split_unit(raw)[0], raw))
    return labels


def _without_unit(label: Any) -> str:
    text = str(label).strip()
    while _TRAILING_PARENS.search(text):
        text = _TRAILING_PARENS.sub("", text).strip()
    return text


def _assign(columns: Sequence[Column], labels: list[tuple[str, Any]]) -> dict[str, int]:
    """Leftmost unassigned column matching each spec, specs in the order given."""
    taken: set[int] = set()
    found: dict[str, int] = {}
    for col in columns:
        for idx, (norm, _) in enumerate(labels):
            if idx not in taken and norm and col.matches(norm):
                found[col.key] = idx
                taken.add(idx)
                break
    return found


def _match_row(rows: Sequence[Row], i: int, columns: Sequence[Column]) -> tuple[dict[str, int], list, bool]:
    """Best interpretation of row ``i`` as the header: single-level, else two-level."""
    required = {c.key for c in columns if c.required}
    best: tuple[dict[str, int], list, bool] = ({}, [], False)
    for two_level in (False, True) if i > 0 else (False,):
        labels = _header_labels(rows, i, two_level)
        found = _assign(columns, labels)
        if required <= found.keys():
            return found, labels, two_level
        if len(found.keys() & required) > len(best[0].keys() & required):
            best = (found, labels, two_level)
    return best


def sheet_unit(lines: Iterable[str]) -> str | None:
    """The 'Đơn vị tính: tỷ đồng' line above a table, if any."""
    for line in lines:
        if _SHEET_UNIT_LINE.match(normalize_label(line)):
            return re.split(r"[:：]", line, maxsplit=1)[1].strip() or None
    return None


def _find_header(rows: Sequence[Row], columns: Sequence[Column], sheet_name: str, max_scan: int):
    """(header row index, column index by key, labels of that row) or HeaderNotFoundError."""
    required = [c for c in columns if c.required]
    best_at, best_count = None, -1
    for i in range(min(max_scan, len(rows))):
        found, labels, _ = _match_row(rows, i, columns)
        if all(c.key in found for c in required):
            # A two-level header matches on its parent row already; its sub-header row below
            # resolves more columns ("Số học sinh" + "Nữ"), a data row below resolves fewer.
            below = _match_row(rows, i + 1, columns) if i + 1 < len(rows) else ({}, [], False)
            if below[2] and all(c.key in below[0] for c in required) and len(below[0]) > len(found):
                return i + 1, below[0], below[1]
            return i, found, labels
        count = sum(c.key in found for c in required)
        if count > best_count:
            best_at, best_count = i, count
    found = _match_row(rows, best_at, columns)[0] if best_at is not None else {}
    missing = [c.description or c.key for c in required if c.key not in found]
    raise HeaderNotFoundError(sheet_name, missing, best_at + 1 if best_at is not None else None)


def locate_table(
    rows: Sequence[Row],
    columns: Sequence[Column],
    *,
    sheet_name: str = "",
    max_header_scan: int = 40,
    fill_down: Iterable[str] = (),
) -> SheetTable:
    """Find the header row by its labels and return the data rows below it, up to the first
    blank or footnote row. Columns no spec claims are returned too (``extra_columns``).

    ``fill_down`` names columns whose cells are merged vertically in the data area (e.g. the
    level label over several rows): read-only openpyxl returns them as empty, so the last seen
    value is carried down.
    """
    header_at, found, labels = _find_header(rows, columns, sheet_name, max_header_scan)
    title_lines = [str(v).strip() for row in rows[:header_at] for v in _non_empty(row) if isinstance(v, str)]
    assigned = set(found.values())
    extra_at: dict[str, int] = {}
    for i, (norm, raw) in enumerate(labels):
        if norm and i not in assigned:
            label = str(raw).strip()
            extra_at[label if label not in extra_at else f"{label} [{i + 1}]"] = i
    table = SheetTable(
        sheet_name=sheet_name,
        header_row=header_at + 1,
        columns={c.key: [] for c in columns},
        labels={c.key: str(labels[found[c.key]][1]).strip() for c in columns if c.key in found},
        units={c.key: split_unit(labels[found[c.key]][1])[1] if c.key in found else None for c in columns},
        row_numbers=[],
        title_lines=title_lines,
        unmatched_labels=list(extra_at),
        extra_columns={label: [] for label in extra_at},
        sheet_unit=sheet_unit(title_lines),
    )
    start = header_at + 1
    if start < len(rows) and is_column_number_row(rows[start]):
        start += 1
    fill = set(fill_down)
    targets = [(table.columns[c.key], found.get(c.key), c.key in fill) for c in columns]
    targets += [(table.extra_columns[label], idx, False) for label, idx in extra_at.items()]
    _read_data_rows(table, rows, start, targets)
    return table


def _read_data_rows(table: SheetTable, rows: Sequence[Row], start: int, targets: list[tuple[list, int | None, bool]]) -> None:
    """Append the rows from ``start`` up to the first blank or footnote row: each target is
    (the list to append to, the column index or None, whether to fill down empty cells)."""
    last_seen: dict[int, Any] = {}
    for r in range(start, len(rows)):
        row = rows[r]
        if is_blank(row):
            return
        if is_footnote(row):
            table.footnotes = [str(_non_empty(x)[0]).strip() for x in rows[r:] if _non_empty(x)]
            return
        for t, (values, idx, fill) in enumerate(targets):
            value = row[idx] if idx is not None and idx < len(row) else None
            if fill:
                value = last_seen.get(t) if value is None else value
                last_seen[t] = value
            values.append(value)
        table.row_numbers.append(r + 1)


def is_empty_value(value: Any) -> bool:
    """Cells that mean 'no figure' in Vietnamese statistical tables: blank, '-', '..', '…'."""
    return value is None or (isinstance(value, str) and value.strip().lower() in EMPTY_MARKERS)


def parse_number(value: Any) -> float | None:
    """Numbers as typed in Vietnamese workbooks: 1234.5, '1.234,5', '12,5', '1,234.5', '98,7%'.

    Returns None for an empty marker; raises ValueError for text that is not a number.
    """
    if is_empty_value(value):
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a number: {value!r}")
    if isinstance(value, (int, float)):
        return float(value)
    text = str(value).strip().replace("\u00a0", "").replace(" ", "").rstrip("%")
    if re.fullmatch(r"[-+]?\d{1,3}(\.\d{3})+(,\d+)?", text):        # 1.234.567,8
        text = text.replace(".", "").replace(",", ".")
    elif re.fullmatch(r"[-+]?\d{1,3}(,\d{3})+(\.\d+)?", text):      # 1,234,567.8
        text = text.replace(",", "")
    elif re.fullmatch(r"[-+]?\d+,\d+", text):                       # 12,5
        text = text.replace(",", ".")
    try:
        return float(text)
    except ValueError:
        raise ValueError(f"not a number: {value!r}") from None


def read_workbook_rows(path: Path) -> dict[str, list[Row]]:
    """Every sheet of a workbook as row tuples (cached values), in workbook order.

    Raises whatever openpyxl raises for a file that is not a readable .xlsx; callers turn that
    into a quarantine record for the file.
    """
    wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        return {ws.title: [tuple(r) for r in ws.iter_rows(values_only=True)] for ws in wb.worksheets}
    finally:
        wb.close()


def trim_rows(rows: list[Row]) -> list[Row]:
    """Drop trailing blank rows (read-only sheets often report a too-large dimension)."""
    end = len(rows)
    while end and is_blank(rows[end - 1]):
        end -= 1
    return rows[:end]
