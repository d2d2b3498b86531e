"""Units written in the statistics office's workbooks, their canonical form and plausible ranges.

A unit stated explicitly (in the header cell, a unit column or a "Đơn vị tính" line) is
converted to the canonical one: a sheet typed in "triệu đồng" lands in tỷ đồng. A value outside
the plausible range of its canonical unit is not converted but quarantined: it is a typing or
unit mix-up the office has to correct.
"""

from __future__ import annotations

from ingestion.common.excel import normalize_label

# normalised unit text -> (canonical unit, factor to canonical)
UNITS: dict[str, tuple[str, float]] = {
    "ty dong": ("tỷ đồng", 1.0),
    "trieu dong": ("tỷ đồng", 1e-3),
    "nghin ty dong": ("tỷ đồng", 1e3),
    "trieu usd": ("triệu USD", 1.0),
    "nghin usd": ("triệu USD", 1e-3),
    "ty usd": ("triệu USD", 1e3),
    "usd": ("triệu USD", 1e-6),
    "%": ("%", 1.0),
    "nguoi": ("người", 1.0),
    "luot nguoi": ("người", 1.0),
    "nghin nguoi": ("người", 1e3),
    "du an": ("dự án", 1.0),
    "luot du an": ("dự án", 1.0),
    "doanh nghiep": ("doanh nghiệp", 1.0),
}

# canonical unit -> (min, max) a single monthly or year-to-date figure of the province can take
PLAUSIBLE: dict[str, tuple[float, float]] = {
    "tỷ đồng": (0.0, 1e6),       # the whole province's annual GRDP is ~5e5 tỷ đồng
    "triệu USD": (0.0, 1e5),     # annual exports ~3.5e4 triệu USD
    "%": (0.0, 1000.0),          # indices in the "previous period = 100" form
    "người": (0.0, 1e7),
    "dự án": (0.0, 1e5),
    "doanh nghiệp": (0.0, 1e6),
}


def canonical_unit(raw: str | None) -> tuple[str, float] | None:
    if raw is None:
        return None
    key = normalize_label(raw).replace("(", "").replace(")", "").strip(" .:")
    return UNITS.get(key)


def implausible_reason(value: float, unit: str) -> str | None:
    low, high = PLAUSIBLE.get(unit, (float("-inf"), float("inf")))
    if value < low:
        return f"impossible value {value:g} {unit}: below {low:g}"
    if value > high:
        return f"implausible value {value:g} {unit}: above {high:g} (unit mix-up?)"
    return None
