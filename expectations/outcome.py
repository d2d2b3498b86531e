"""Plain results of a suite run (no GX types), safe to keep, log and put in Dagster metadata."""

from __future__ import annotations

import datetime as dt
import decimal
import math
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from expectations.severity import ERROR


@dataclass(frozen=True)
class ExpectationOutcome:
    expectation_type: str  # e.g. "expect_column_values_to_not_be_null"
    columns: tuple[str, ...]  # the column(s) it looks at; () for table-level expectations
    severity: str  # "error" (blocking) or "warn" (non-blocking), from the expectation's meta
    success: bool
    observed_value: Any = None
    element_count: int | None = None  # rows the expectation looked at (column expectations)
    unexpected_count: int | None = None
    unexpected_percent: float | None = None
    partial_unexpected_list: tuple[Any, ...] = ()
    # Set when GX could not evaluate the expectation (it raised, or returned no result).
    exception_message: str | None = None
    exception_traceback: str | None = None
    description: str | None = None
    kwargs: dict[str, Any] = field(default_factory=dict)

    @property
    def evaluated(self) -> bool:
        return self.exception_message is None

    @property
    def blocking(self) -> bool:
        """A failure that fails the suite: an error-severity failure, or any non-evaluation."""
        return not self.success and (self.severity == ERROR or not self.evaluated)

    @property
    def label(self) -> str:
        """Readable and unique within a suite, e.g. ``expect_column_values_to_be_between(aqi)
        in [0, 50] where aqi_band_code == 'good'``."""
        return expectation_label(self.expectation_type, self.kwargs)


@dataclass(frozen=True)
class SuiteOutcome:
    table: str
    suite_name: str
    run_id: str
    db_path: str
    # True only if GX ran every expectation and no blocking expectation failed.
    success: bool
    # Why GX could not run or evaluate the suite (None when it did). A set `error` is a failure.
    error: str | None
    results: tuple[ExpectationOutcome, ...] = ()
    error_traceback: str | None = None  # where `error` came from, when it was an exception
    evaluated_row_count: int | None = None
    started_at: dt.datetime | None = None
    duration_s: float | None = None

    @property
    def blocking_failures(self) -> tuple[ExpectationOutcome, ...]:
        return tuple(r for r in self.results if r.blocking)

    @property
    def warnings(self) -> tuple[ExpectationOutcome, ...]:
        """Failed non-blocking expectations: reported, do not fail the suite."""
        return tuple(r for r in self.results if not r.success and not r.blocking)

    @property
    def severity(self) -> str | None:
        """"error" if the suite failed, "warn" if only non-blocking expectations failed, else None."""
        if not self.success:
            return "error"
        return "warn" if self.warnings else None

    @property
    def reason(self) -> str | None:
        if self.error:
            return self.error
        if self.blocking_failures:
            labels = "; ".join(_describe(r) for r in self.blocking_failures)
            return f"{len(self.blocking_failures)} blocking expectation(s) failed: {labels}"
        return None

    def summary(self) -> str:
        head = f"{self.suite_name}: {'PASSED' if self.success else 'FAILED'}"
        if self.evaluated_row_count is not None:
            head += f" on {self.evaluated_row_count} rows"
        passed = sum(r.success for r in self.results)
        head += f", {passed}/{len(self.results)} expectations passed"
        if self.warnings:
            head += f", {len(self.warnings)} warning(s): " + "; ".join(_describe(r) for r in self.warnings)
        if self.reason:
            head += f" — {self.reason}"
        return head

    def to_dict(self) -> dict[str, Any]:
        """JSON-serialisable form (observed values made plain)."""
        d = asdict(self)
        d["severity"] = self.severity
        d["reason"] = self.reason
        return _plain(d)


def columns_of(kwargs: Mapping[str, Any]) -> tuple[str, ...]:
    """The column(s) an expectation looks at, from its kwargs."""
    if kwargs.get("column_list"):
        return tuple(kwargs["column_list"])
    return tuple(kwargs[k] for k in ("column", "column_A", "column_B") if kwargs.get(k))


def expectation_label(expectation_type: str, kwargs: Mapping[str, Any]) -> str:
    cols = columns_of(kwargs)
    label = f"{expectation_type}({', '.join(cols)})" if cols else expectation_type
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if low is not None or high is not None:
        label += f" in [{_bound(low, '-inf')}, {_bound(high, 'inf')}]"
    if kwargs.get("row_condition"):
        label += f" where {_condition(kwargs['row_condition'])}"
    return label


def _bound(value: Any, open_end: str) -> str:
    if value is None:
        return open_end
    return f"{value:g}" if isinstance(value, (int, float)) else str(value)


def _condition(cond: Any) -> str:
    """A GX row condition (string, Condition object or its dict form) as text."""
    if hasattr(cond, "dict"):
        cond = cond.dict()
    if not isinstance(cond, Mapping):
        return str(cond)
    kind = cond.get("type")
    name = (cond.get("column") or {}).get("name") if isinstance(cond.get("column"), Mapping) else cond.get("column")
    if kind == "comparison":
        return f"{name} {cond.get('operator')} {cond.get('parameter')!r}"
    if kind == "nullity":
        return f"{name} is {'null' if cond.get('is_null') else 'not null'}"
    if kind in ("and", "or"):
        return f" {kind} ".join(f"({_condition(c)})" for c in cond.get("conditions", []))
    return str(cond)


def _describe(r: ExpectationOutcome) -> str:
    if not r.evaluated:
        return f"{r.label} could not be evaluated: {r.exception_message}"
    if r.unexpected_count is not None:
        return f"{r.label} {r.unexpected_count} unexpected ({_fmt_pct(r.unexpected_percent)})"
    return f"{r.label} observed {r.observed_value!r}"


def _fmt_pct(p: float | None) -> str:
    return "?%" if p is None else f"{p:.3g}%"


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, decimal.Decimal):
        return float(value)
    if isinstance(value, (dt.datetime, dt.date, dt.time)):
        return value.isoformat()
    return str(value)
