"""Declarative description of a CSV-drop dataset, and the bulk typing/validation it drives.

A connector is a list of :class:`CsvDataset` values; everything else (reading, units, ranges,
quarantine, landing) is shared. Validation is vectorised with pyarrow: each check yields one
reason per row (null when fine) and a row goes to quarantine with all its reasons joined.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Mapping

# numpy/pyarrow are imported in the functions that use them: the connectors declare their
# datasets with Column/CsvDataset, and discovering them (every code-location load) must stay light.
if TYPE_CHECKING:
    import pyarrow as pa

    from ingestion.common.csv_files import CsvRead

PERIOD_COLUMN = "reporting_period"
# Province 74 and its districts 718..726 until 2025-06-30; the former-province area BD and its
# 36 communes BD25-01..BD25-36 from 2025-07-01 (dbt_project/seeds/ref_areas.csv).
AREA_CODE_PATTERN = r"^(74|71[89]|72[0-6]|BD|BD25-(0[1-9]|[12][0-9]|3[0-6]))$"
ARROW_TYPE_NAMES = {"text": "string", "category": "string", "int": "int64", "float": "float64", "period": "date32"}
_NULL_TOKENS = ["", "-", "--", "n/a", "N/A", "null", "NULL"]
_PERIOD_PATTERNS = {
    "month": (r"^(?:t|thang_?)?(?P<m>\d{1,2})_(?P<y>\d{4})$", r"^(?P<y>\d{4})_(?P<m>\d{1,2})(?:_01)?$"),
    "quarter": (r"^(?:q|quy_?)(?P<m>[1-4])_(?P<y>\d{4})$", r"^(?P<y>\d{4})_q(?P<m>[1-4])$"),
}
_PERIOD_FORMATS = {"month": "MM/YYYY or YYYY-MM", "quarter": "Qn/YYYY or YYYY-Qn"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: str                                   # text | category | int | float | period
    aliases: tuple[str, ...] = ()               # headers departments have used for it
    required: bool = True                       # a file without it is rejected
    nullable: bool = False                      # an empty cell is acceptable
    unit: str | None = None                     # canonical unit of the landed value
    unit_factors: Mapping[str, float] = field(default_factory=dict)  # other header units -> factor
    min_value: float | None = None
    max_value: float | None = None
    categories: Mapping[str, tuple[str, ...]] | None = None  # canonical value -> labels seen
    pattern: str | None = None                  # regex a text value must match


@dataclass(frozen=True)
class CsvDataset:
    source_system: str
    name: str
    description: str
    file_pattern: str                           # regex on the file name (case-insensitive)
    columns: tuple[Column, ...]
    key: tuple[str, ...]                        # identifies a record; re-sent records revise it
    period_kind: str = "month"                  # month | quarter
    close_after_days: int = 30                  # a period closes this many days after it ends
    not_greater_than: tuple[tuple[str, str], ...] = ()  # (a, b): a <= b on every row

    @property
    def aliases(self) -> dict[str, tuple[str, ...]]:
        return {c.name: c.aliases for c in self.columns}

    def arrow_schema(self) -> pa.Schema:
        import pyarrow as pa

        return pa.schema([(c.name, pa.type_for_alias(ARROW_TYPE_NAMES[c.kind])) for c in self.columns])


def period_column(*aliases: str) -> Column:
    return Column(PERIOD_COLUMN, "period", ("Kỳ báo cáo", "Tháng báo cáo", "Kỳ", *aliases))


AREA_COLUMN = Column("area_code", "text", ("Mã địa bàn", "Mã ĐVHC", "Mã đơn vị hành chính"),
                     pattern=AREA_CODE_PATTERN)


@dataclass
class Coerced:
    table: pa.Table        # typed canonical columns, all rows
    reason: pa.Array       # why each row is rejected, null when it is fine


def coerce(read: CsvRead, dataset: CsvDataset) -> Coerced:
    """Type, convert and check every column; raises FileRejectedError for file-level problems."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from ingestion.common.csv_files import FileRejectedError
    from ingestion.common.reasons import join_reasons, reason_where

    missing = [c for c in dataset.columns if c.required and c.name not in read.columns]
    if missing:
        raise FileRejectedError(
            "missing required column(s) "
            + ", ".join(f"{c.name} (header e.g. {(c.aliases or (c.name,))[0]!r})" for c in missing)
        )
    decimal_comma = read.delimiter == ";"
    arrays, reasons = {}, []
    for column in dataset.columns:
        values = read.columns.get(column.name)
        if values is None:
            arrays[column.name] = pa.nulls(read.num_rows, pa.type_for_alias(ARROW_TYPE_NAMES[column.kind]))
            continue
        values = pc.utf8_trim_whitespace(values)
        values = pc.if_else(pc.is_in(values, pa.array(_NULL_TOKENS)), pa.scalar(None, pa.string()), values)
        if not column.nullable:
            reasons.append(reason_where(pc.is_null(values), f"missing value for {column.name}"))
        typed, found = _typed(values, column, dataset, read, decimal_comma)
        arrays[column.name] = typed
        reasons.extend(found)
    for smaller, larger in dataset.not_greater_than:
        a, b = arrays[smaller], arrays[larger]
        bad = pc.fill_null(pc.greater(a, b), False)
        reasons.append(reason_where(bad, [f"{smaller} (", pc.cast(a, pa.string()), f") > {larger} (",
                                     pc.cast(b, pa.string()), ")"]))
    table = pa.table([arrays[c.name] for c in dataset.columns], schema=dataset.arrow_schema())
    return Coerced(table, join_reasons(reasons, read.num_rows))


def _typed(values: pa.Array, column: Column, dataset: CsvDataset, read: CsvRead, decimal_comma: bool):
    import pyarrow.compute as pc

    from ingestion.common.reasons import reason_where

    if column.kind == "text":
        if column.pattern is None:
            return values, []
        bad = pc.invert(pc.fill_null(pc.match_substring_regex(values, column.pattern), True))
        return values, [reason_where(bad, [f"{column.name}='", values, "' is not a valid code"])]
    if column.kind == "category":
        return _category(values, column)
    if column.kind == "period":
        return _period(values, column, dataset.period_kind)
    return _number(values, column, _unit_factor(column, read), decimal_comma)


def _unit_factor(column: Column, read: CsvRead) -> float:
    from ingestion.common.csv_files import FileRejectedError, normalise_label

    written = read.units.get(column.name)
    if written is None or column.unit is None:
        return 1.0
    factors = {normalise_label(column.unit): 1.0}
    factors.update({normalise_label(u): f for u, f in column.unit_factors.items()})
    factor = factors.get(normalise_label(written))
    if factor is None:
        raise FileRejectedError(
            f"column {read.headers[column.name]!r}: unit {written!r} cannot be converted to {column.unit!r} "
            f"(known: {', '.join([column.unit, *column.unit_factors])})"
        )
    return factor


def normalise_labels(values: pa.Array) -> pa.Array:
    """Vectorised :func:`normalise_label`."""
    import pyarrow.compute as pc

    values = pc.replace_substring(pc.replace_substring(values, "đ", "d"), "Đ", "D")
    values = pc.replace_substring_regex(pc.utf8_normalize(values, "NFD"), r"\p{Mn}", "")
    values = pc.replace_substring_regex(pc.utf8_lower(values), "[^a-z0-9]+", "_")
    return pc.utf8_trim(values, "_")


def _category(values: pa.Array, column: Column):
    import pyarrow as pa
    import pyarrow.compute as pc

    from ingestion.common.csv_files import normalise_label
    from ingestion.common.reasons import reason_where

    lookup = {}
    for canonical, labels in (column.categories or {}).items():
        for label in (canonical, *labels):
            lookup[normalise_label(label)] = canonical
    keys = pa.array(list(lookup))
    index = pc.index_in(normalise_labels(values), value_set=keys)
    typed = pc.take(pa.array(list(lookup.values())), index)
    bad = pc.and_(pc.is_valid(values), pc.is_null(index))
    return typed, [reason_where(bad, [f"unknown {column.name} '", values, "'"])]


def _period(values: pa.Array, column: Column, kind: str):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from ingestion.common.reasons import reason_where

    normalised = normalise_labels(values)
    years = np.full(len(values), -1, dtype=np.int64)
    parts = np.full(len(values), -1, dtype=np.int64)
    for pattern in _PERIOD_PATTERNS[kind]:
        found = pc.extract_regex(normalised, pattern)
        matched = pc.fill_null(pc.is_valid(found), False).to_numpy(zero_copy_only=False)
        take = matched & (years < 0)
        years[take] = pc.cast(pc.struct_field(found, "y"), pa.int64()).to_numpy(zero_copy_only=False)[take]
        parts[take] = pc.cast(pc.struct_field(found, "m"), pa.int64()).to_numpy(zero_copy_only=False)[take]
    months_per_part = 3 if kind == "quarter" else 1
    valid = (years >= 2000) & (years <= 2100) & (parts >= 1) & (parts <= 12 // months_per_part)
    month_index = (years - 1970) * 12 + (parts - 1) * months_per_part
    dates = month_index.astype("datetime64[M]").astype("datetime64[D]")
    typed = pa.array(dates, pa.date32(), mask=~valid)
    bad = pc.and_(pc.is_valid(values), pa.array(~valid))
    return typed, [reason_where(bad, [f"{column.name}='", values, f"' is not a {kind} ({_PERIOD_FORMATS[kind]})"])]


def _number(values: pa.Array, column: Column, factor: float, decimal_comma: bool):
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    from ingestion.common.reasons import reason_where

    cleaned = pc.replace_substring_regex(values, "[\\s\u00a0]", "")
    if decimal_comma:
        cleaned = pc.replace_substring(pc.replace_substring(cleaned, ".", ""), ",", ".")
    else:
        grouped = pc.fill_null(pc.match_substring_regex(cleaned, r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$"), False)
        cleaned = pc.if_else(grouped, pc.replace_substring(cleaned, ",", ""), cleaned)
    numeric = pc.fill_null(pc.match_substring_regex(cleaned, r"^[-+]?\d+(\.\d+)?$"), False)
    not_number = pc.and_(pc.is_valid(values), pc.invert(numeric))
    reasons = [reason_where(not_number, [f"{column.name}='", values, "' is not a number"])]
    number = pc.multiply(pc.cast(pc.if_else(numeric, cleaned, pa.scalar(None, pa.string())), pa.float64()), factor)
    if column.kind == "int":
        rounded = pc.round(number)
        if factor == 1.0:
            fractional = pc.fill_null(pc.greater(pc.abs(pc.subtract(number, rounded)), 1e-9), False)
            reasons.append(reason_where(fractional, [f"{column.name}='", values, "' is not a whole number"]))
        number = rounded
    written = "" if factor == 1.0 else f" after converting x{factor:g}"
    if column.min_value is not None or column.max_value is not None:
        low = -np.inf if column.min_value is None else column.min_value
        high = np.inf if column.max_value is None else column.max_value
        out = pc.fill_null(pc.or_(pc.less(number, low), pc.greater(number, high)), False)
        bounds = f"[{_bound(column.min_value)}, {_bound(column.max_value)}]{' ' + column.unit if column.unit else ''}"
        reasons.append(reason_where(out, [f"{column.name}=", pc.cast(number, pa.string()), f"{written} outside {bounds}"]))
    typed = pc.cast(number, pa.int64()) if column.kind == "int" else number
    return typed, reasons


def _bound(value: float | None) -> str:
    return "..." if value is None else f"{value:g}"

