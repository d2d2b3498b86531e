"""Build one report table (layout + the figures it prints, as ground truth for tests)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from simulators.common.xlsx import TableLayout

CANONICAL_UNIT = {
    "tỷ đồng": "tỷ đồng", "triệu USD": "triệu USD", "%": "%", "người": "người", "lượt người": "người",
    "dự án": "dự án", "lượt dự án": "dự án", "doanh nghiệp": "doanh nghiệp",
}
PERCENT_MEASURES = {"yoy_pct", "ytd_yoy_pct", "mom_pct", "vs_base_pct", "vs_december_pct", "ytd_avg_yoy_pct", "pct_of_plan"}


@dataclass(frozen=True)
class ColSpec:
    id: str                     # key of the value in a row's dict
    header: str | None          # header label (the sub-label under a group)
    measure: str                # what the connector should call it
    ref_month: date | None = None   # month the figure is about, for month_value columns
    group: str | None = None    # two-level header: the group label above


@dataclass
class RowSpec:
    label: str
    values: dict[str, Any] | None = None   # None: a section/caption row without figures
    unit: str | None = None                # for sheets with a "Đơn vị tính" column


@dataclass
class Built:
    layout: TableLayout
    truth: list[dict] = field(default_factory=list)
    value_cols: dict[str, int] = field(default_factory=dict)   # ColSpec.id -> position in a row
    measures: dict[str, str] = field(default_factory=dict)     # ColSpec.id -> measure

    def set_value(self, label: str, col_id: str, value, *, still_true: bool = False) -> None:
        """Overwrite a printed figure; unless it is the same figure written differently, the
        ground truth no longer holds for that cell and is dropped."""
        for row in self.layout.rows:
            if row[0] == label:
                row[self.value_cols[col_id]] = value
        if not still_true:
            self.truth = [r for r in self.truth if not (r["label"] == label and r["measure"] == self.measures[col_id]
                                                        and r["column_id"] == col_id)]


def build_table(
    *,
    sheet_name: str,
    title_lines: list[str],
    label_header: str,
    cols: list[ColSpec],
    rows: list[RowSpec],
    report_month: date,
    unit: str | None,
    unit_column: bool = False,
    column_numbers: bool = False,
    footnotes: list[str] | None = None,
    area_rows: bool = False,
) -> Built:
    two_level = any(c.group for c in cols)
    lead = [label_header] + (["Đơn vị tính"] if unit_column else [])
    if two_level:
        group_header, header, seen = list(lead), [None] * len(lead), set()
        for c in cols:
            if c.group is None:
                group_header.append(c.header)
                header.append(None)
            else:
                group_header.append(None if c.group in seen else c.group)
                header.append(c.header)
                seen.add(c.group)
    else:
        group_header, header = None, lead + [c.header for c in cols]
    layout = TableLayout(
        sheet_name=sheet_name,
        title_lines=title_lines,
        header=header,
        group_header=group_header,
        rows=[],
        unit_line=f"Đơn vị tính: {unit}" if unit else None,
        column_numbers=column_numbers,
        footnotes=footnotes or [],
    )
    built = Built(layout, value_cols={c.id: len(lead) + i for i, c in enumerate(cols)}, measures={c.id: c.measure for c in cols})
    for row_index, row in enumerate(rows):
        cells: list[Any] = [row.label] + ([row.unit] if unit_column else [])
        cells += [None if row.values is None else row.values.get(c.id) for c in cols]
        layout.rows.append(cells)
        if row.values is None:
            continue
        for c in cols:
            value = row.values.get(c.id)
            if value is None:
                continue
            written_unit = "%" if c.measure in PERCENT_MEASURES else (row.unit or unit)
            built.truth.append(dict(
                report_month=report_month, sheet_name=sheet_name, label=row.label, is_area=area_rows,
                row_index=row_index, column_id=c.id, measure=c.measure, reference_month=c.ref_month or report_month,
                value=float(value),
                unit=CANONICAL_UNIT[written_unit],
            ))
    return built
