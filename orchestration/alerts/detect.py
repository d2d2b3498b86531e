"""Alert-worthy events in the published file: QCVN exceedances and AQI episodes of "Xấu" or worse."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

LOCAL = timezone(timedelta(hours=7))  # the warehouse stores Vietnam wall-clock times
AQI_ALERT_ABOVE = 150  # VN_AQI 151–200 "Xấu" (bad), 201–300 "Rất xấu", > 300 "Nguy hại" (Decision 1459)


@dataclass(frozen=True)
class Event:
    event_key: str  # kpi.exceedance_events.event_id, or an AQI episode id
    kind: str  # 'qcvn_exceedance' | 'aqi_bad'
    station_code: str
    subject: str  # the parameter (and averaging) or 'VN_AQI'
    event_start: datetime  # aware, local time
    event_end: datetime  # end of the last hour in the event as published
    observed_value: float | None
    limit_value: float | None
    unit: str | None
    severity: str  # 'exceedance' | AQI band code ('bad', 'very_bad', 'hazardous')
    message: str
    details: dict = field(default_factory=dict)

    @property
    def identity(self) -> tuple[str, str, str]:
        """What an event is about; two events of one identity that overlap are one ongoing event."""
        return self.kind, self.station_code, self.subject


def _aware(value: datetime) -> datetime:
    return value.replace(tzinfo=LOCAL) if value.tzinfo is None else value


def read_events(published_db: Path) -> list[Event]:
    import duckdb

    if not published_db.exists():
        return []
    with duckdb.connect(str(published_db), read_only=True) as con:
        return _exceedances(con) + _aqi_episodes(con)


def _exceedances(con) -> list[Event]:
    rows = con.execute(
        """
        select event_id, station_code, station_type, facility_name, param, averaging, limit_kind, regulation,
               regulation_version, hours, observed_max, limit_value, unit, event_start, event_end
        from kpi.exceedance_events order by event_start, event_id
        """
    ).fetchall()
    events = []
    for (event_id, station, station_type, facility, param, averaging, limit_kind, regulation, version, hours,
         observed, limit, unit, start, end) in rows:
        step = timedelta(hours=24 if averaging == "24h" else 1)
        direction = "above the maximum" if limit_kind == "max" else "below the minimum"
        events.append(Event(
            event_key=event_id, kind="qcvn_exceedance", station_code=station, subject=f"{param} ({averaging})",
            event_start=_aware(start), event_end=_aware(end) + step, observed_value=observed, limit_value=limit,
            unit=unit, severity="exceedance",
            message=(f"Vượt QCVN / QCVN exceedance at {station}{f' ({facility})' if facility else ''}: {param} "
                     f"{averaging} {observed:g} {unit or ''} {direction} {limit:g} of {version or regulation} "
                     f"for {hours} h since {_aware(start):%Y-%m-%d %H:%M} (+07)"),
            details={"station_type": station_type, "regulation": regulation, "regulation_version": version,
                     "averaging": averaging, "limit_kind": limit_kind, "hours": hours},
        ))
    return events


def _aqi_episodes(con) -> list[Event]:
    """Consecutive station-hours with VN_AQI > 150 form one episode, keyed on station and first hour."""
    rows = con.execute(
        f"""
        select station_code, hour_start, aqi, aqi_band_code, aqi_band_vi, dominant_param
        from kpi.air_quality_hourly where aqi > {AQI_ALERT_ABOVE} order by station_code, hour_start
        """
    ).fetchall()
    episodes: list[list[tuple]] = []
    for row in rows:
        last = episodes[-1][-1] if episodes else None
        if last is not None and last[0] == row[0] and row[1] - last[1] <= timedelta(hours=1):
            episodes[-1].append(row)
        else:
            episodes.append([row])
    events = []
    for hours in episodes:
        station, first = hours[0][0], _aware(hours[0][1])
        worst = max(hours, key=lambda r: r[2])
        key = hashlib.md5(f"aqi|{station}|{first:%Y-%m-%dT%H:%M}".encode()).hexdigest()
        events.append(Event(
            event_key=key, kind="aqi_bad", station_code=station, subject="VN_AQI",
            event_start=first, event_end=_aware(hours[-1][1]) + timedelta(hours=1), observed_value=float(worst[2]),
            limit_value=float(AQI_ALERT_ABOVE), unit="VN_AQI", severity=worst[3] or "bad",
            message=(f"Chất lượng không khí {worst[4] or 'Xấu'} / air quality {worst[3]} at {station}: "
                     f"VN_AQI up to {worst[2]} (dominant {worst[5]}) for {len(hours)} h since {first:%Y-%m-%d %H:%M} (+07)"),
            details={"hours": len(hours), "dominant_param": worst[5], "aqi_band_vi": worst[4]},
        ))
    return events
