"""Faults the real report workbooks show, applied to one month's tables.

Each fault keeps the ground truth honest: a figure that is only *written* differently (another
unit, text instead of a number, a moved header) keeps its truth; a figure that is wrong
(negative, a typo) loses it, since the connector must quarantine it.
"""

from __future__ import annotations

import re
from datetime import date

from simulators.statistics_office.tables import Built

# Faults are tied to calendar months (month number modulo a cycle), not to the end of the run, so
# a later run leaves earlier files byte-identical and any 12 consecutive reports show every fault.
CYCLE = 12
PLAN: dict[int, tuple[str, ...]] = {
    2: ("renamed_headers",),
    3: ("shifted_headers",),
    4: ("wrong_unit",),
    5: ("impossible_values",),
    9: ("text_numbers",),
}
EMPTY_SLOT, RESENT_SLOT, REVISED_SLOTS = 1, 6, (1, 7)   # extra files beside a month's report


def slot(month: date) -> int:
    return (month.year * 12 + month.month - 1) % CYCLE


def faults_for(month: date) -> tuple[str, ...]:
    return PLAN.get(slot(month), ())


def months_with(fault: str, months: list[date]) -> list[date]:
    """The months of ``months`` whose report carries ``fault`` (a PLAN name, 'empty', 'resent' or 'revised')."""
    extra = {"empty": lambda m: slot(m) == EMPTY_SLOT, "resent": lambda m: slot(m) == RESENT_SLOT,
             "revised": lambda m: slot(m) in REVISED_SLOTS}
    return [m for m in months if extra[fault](m)] if fault in extra else [m for m in months if fault in faults_for(m)]


def _sheet(tables: list[Built], name: str) -> Built:
    return next(b for b in tables if b.layout.sheet_name == name)


def shifted_headers(tables: list[Built]) -> None:
    """Someone inserted two rows and a column before the retail table."""
    layout = _sheet(tables, "02.Ban le").layout
    layout.row_offset, layout.col_offset = 2, 1
    layout.extra_lines_above = ["(Cập nhật theo báo cáo nhanh của các sở, ngành)"]


def renamed_headers(tables: list[Built]) -> None:
    """Another clerk's wording: 'Lũy kế từ đầu năm' for 'Cộng dồn N tháng năm YYYY'."""
    for b in tables:
        for header in (b.layout.header, b.layout.group_header):
            if header is None:
                continue
            for i, label in enumerate(header):
                if isinstance(label, str) and re.match(r"Cộng dồn \d+ tháng năm", label):
                    header[i] = "Lũy kế từ đầu năm"
                elif label == "Chỉ tiêu":
                    header[i] = "Chỉ tiêu chủ yếu"


def wrong_unit(tables: list[Built]) -> None:
    """The retail sheet typed in triệu đồng (and says so): the connector must convert."""
    b = _sheet(tables, "02.Ban le")
    b.layout.unit_line = "Đơn vị tính: triệu đồng"
    for row in b.layout.rows:
        for col_id in ("prev", "est", "ytd"):
            if row[b.value_cols[col_id]] is not None:
                row[b.value_cols[col_id]] = int(round(row[b.value_cols[col_id]] * 1000))


def impossible_values(tables: list[Built]) -> None:
    """A minus sign typed into spending, a slipped decimal point in an index."""
    budget = _sheet(tables, "06.Thu chi NSNN")
    budget.set_value("- Chi thường xuyên", "est", -1 * next(r[budget.value_cols["est"]] for r in budget.layout.rows
                                                              if r[0] == "- Chi thường xuyên"))
    iip = _sheet(tables, "01.IIP")
    iip.set_value("- Dệt", "yoy", 1043.5)


def text_numbers(tables: list[Built]) -> None:
    """Figures pasted as text in Vietnamese format ('12.345'), as happens after a copy from Word."""
    b = _sheet(tables, "08.Lao dong")
    for row in b.layout.rows:
        for col_id in ("now", "ytd"):
            value = row[b.value_cols[col_id]]
            if isinstance(value, int):
                row[b.value_cols[col_id]] = f"{value:,}".replace(",", ".")
            elif isinstance(value, float):
                row[b.value_cols[col_id]] = f"{value:,.1f}".replace(",", " ").replace(".", ",").replace(" ", ".")


def revise(tables: list[Built], rng) -> None:
    """A re-issued report: the month's trade figures corrected by a few per cent (and the year to date with them)."""
    b = _sheet(tables, "04.XNK")
    for i, row in enumerate(b.layout.rows):
        if row[b.value_cols["est"]] is None:
            continue
        corrected = round(row[b.value_cols["est"]] * float(rng.uniform(0.96, 1.04)), 1)
        ytd = round(row[b.value_cols["ytd"]] + corrected - row[b.value_cols["est"]], 1)
        row[b.value_cols["est"]], row[b.value_cols["ytd"]] = corrected, ytd
        for r in b.truth:
            if r["row_index"] == i and r["column_id"] in ("est", "ytd"):
                r["value"] = corrected if r["column_id"] == "est" else ytd


FAULTS = {f.__name__: f for f in (shifted_headers, renamed_headers, wrong_unit, impossible_values, text_numbers)}
