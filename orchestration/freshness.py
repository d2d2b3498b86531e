"""How old may data be before it is stale — derived from cadences, never typed in per table.

* A **source dataset** is stale when no batch has landed rows for longer than its allowance,
  derived from ``DatasetSpec.cadence_minutes`` (:func:`max_age_for_cadence`). Landing time, not
  run time: a run that finds nothing new does not make a stopped source fresh.
* A **published KPI table** is stale when its newest period is older than the period length of
  the catalogue frequency (``ref.dim_indicator.frequency``) plus the allowance of that cadence.
  Indicator tables are judged per indicator, each by its own frequency; the other ``kpi.*``
  tables by the frequency of the indicators of their source systems.

Plain Python (no Dagster): ``orchestration/defs/freshness_checks.py`` turns the verdicts into
asset checks and appends them to the audit log.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

LOCAL = timezone(timedelta(hours=7))

# Catalogue frequency -> nominal period length.
PERIODS = {
    "hourly": timedelta(hours=1),
    "daily": timedelta(days=1),
    "weekly": timedelta(days=7),
    "monthly": timedelta(days=30),
    "quarterly": timedelta(days=91),
    "school_year": timedelta(days=365),
    "yearly": timedelta(days=365),
}
# Columns that date a row of a kpi.* table, in order of preference.
TIME_COLUMNS = ("hour_start", "period_start", "period_month", "latest_period_start", "event_end")


def max_age_for_cadence(cadence_minutes: int) -> timedelta:
    """How long a source may go without new rows before it is stale.

    Sub-daily sources: three missed deliveries, at least 30 minutes (a 5-minute station is
    stale after 30 min, an hourly feed after 3 h). Daily and slower: one period plus half a
    period of reporting delay, between one and 60 days (daily 2 days, weekly 10.5 days,
    monthly 45 days — reports are due in the first weeks of the next month — yearly 425 days).
    """
    cadence = timedelta(minutes=cadence_minutes)
    if cadence < timedelta(days=1):
        return max(3 * cadence, timedelta(minutes=30))
    return cadence + min(max(cadence / 2, timedelta(days=1)), timedelta(days=60))


def max_age_for_frequency(frequency: str) -> timedelta:
    """A KPI period may be this old (from its start) before the table is stale: one period to
    complete, then the source's allowance to deliver it."""
    period = PERIODS.get(frequency, timedelta(days=30))
    return period + max_age_for_cadence(int(period.total_seconds() // 60))


@dataclass(frozen=True)
class Verdict:
    target: str
    passed: bool
    description: str
    now: datetime  # when it was judged
    last_update: datetime | None = None
    max_age: timedelta | None = None
    details: dict = field(default_factory=dict)

    @property
    def age(self) -> timedelta | None:
        return None if self.last_update is None else self.now - self.last_update

    def audit_row(self, *, run_id: str, scope: str | None, check_name: str = "freshness") -> dict:
        return {
            "run_id": run_id,
            "check_name": check_name,
            "check_kind": "custom",
            "target": self.target,
            "severity": "warn",
            "gate": "warn",  # stale data is reported, never blocks a publication of what is there
            "passed": self.passed,
            "observed_value": {
                "last_update": self.last_update.isoformat() if self.last_update else None,
                "age_minutes": None if self.age is None else round(self.age.total_seconds() / 60, 1),
                "max_age_minutes": None if self.max_age is None else round(self.max_age.total_seconds() / 60, 1),
            },
            "description": self.description,
            "details": self.details,
            "checked_at": self.now,
            "scope": scope,
        }


def source_verdict(target: str, last_landed_at: datetime | None, cadence_minutes: int, now: datetime) -> Verdict:
    max_age = max_age_for_cadence(cadence_minutes)
    if last_landed_at is None:
        return Verdict(target, False, "no rows landed yet", now, None, max_age)
    age = now - last_landed_at
    fresh = age <= max_age
    return Verdict(
        target, fresh,
        f"last rows landed {_words(age)} ago ({'within' if fresh else 'beyond'} the {_words(max_age)} "
        f"allowed for a {_words(timedelta(minutes=cadence_minutes))} cadence)",
        now, last_landed_at, max_age, {"cadence_minutes": cadence_minutes},
    )


def kpi_verdicts(published_db: Path, frequencies_by_table: dict[str, list[str]], now: datetime) -> list[Verdict]:
    """One verdict per ``kpi.*`` table of ``frequencies_by_table`` (table -> catalogue frequencies
    of its source systems), read from the published file (read-only: the publisher never locks it)."""
    import duckdb

    if not published_db.exists():
        return [Verdict(t, False, "nothing published yet", now) for t in frequencies_by_table]
    verdicts = []
    with duckdb.connect(str(published_db), read_only=True) as con:
        for table, frequencies in frequencies_by_table.items():
            columns = {r[0] for r in con.execute(f"describe {table}").fetchall()}
            if {"indicator_code", "period_start"} <= columns:
                verdicts.append(_indicator_verdict(con, table, now))
                continue
            column = next((c for c in TIME_COLUMNS if c in columns), None)
            frequency = min(frequencies or ["monthly"], key=lambda f: PERIODS.get(f, timedelta(days=30)))
            verdicts.append(_table_verdict(con, table, column, frequency, now))
    return verdicts


def _as_utc(value) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        value = datetime(value.year, value.month, value.day)
    return value.replace(tzinfo=LOCAL) if value.tzinfo is None else value  # warehouse times are local


def _table_verdict(con, table: str, column: str | None, frequency: str, now: datetime) -> Verdict:
    max_age = max_age_for_frequency(frequency)
    if column is None:
        return Verdict(table, False, "no time column to judge freshness by", now)
    newest = _as_utc(con.execute(f"select max({column}) from {table}").fetchone()[0])
    if newest is None:
        return Verdict(table, False, f"{table} is empty", now, None, max_age)
    age = now - newest
    fresh = age <= max_age
    return Verdict(
        table, fresh,
        f"newest {column} is {_words(age)} old ({'within' if fresh else 'beyond'} the {_words(max_age)} allowed "
        f"for {frequency} data)",
        now, newest, max_age, {"time_column": column, "frequency": frequency},
    )


def _indicator_verdict(con, table: str, now: datetime) -> Verdict:
    rows = con.execute(
        f"""
        select v.indicator_code, i.frequency, max(v.period_start) as newest
        from {table} v join ref.dim_indicator i using (indicator_code)
        group by all order by 1
        """
    ).fetchall()
    stale = []
    for code, frequency, newest in rows:
        age = now - _as_utc(newest)
        if age > max_age_for_frequency(frequency):
            stale.append({"indicator_code": code, "frequency": frequency, "newest_period": str(newest),
                          "age_days": age.days})
    newest_overall = max((_as_utc(r[2]) for r in rows), default=None)
    fresh = not stale and bool(rows)
    description = (f"all {len(rows)} indicators within their catalogue frequency" if fresh else
                   f"{len(stale)} of {len(rows)} indicators older than their catalogue frequency allows"
                   + (f" (e.g. {stale[0]['indicator_code']}, {stale[0]['frequency']}, newest {stale[0]['newest_period']})"
                      if stale else ""))
    return Verdict(table, fresh, description, now, newest_overall, None,
                   {"indicators": len(rows), "stale_indicators": stale[:50], "n_stale": len(stale)})


def _words(delta: timedelta) -> str:
    minutes = delta.total_seconds() / 60
    if minutes < 120:
        return f"{minutes:.0f} min"
    if minutes < 48 * 60:
        return f"{minutes / 60:.1f} h"
    return f"{minutes / 1440:.1f} days"
