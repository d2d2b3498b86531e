"""Vietnam local time (UTC+7, no daylight saving), vectorised over epoch seconds."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import numpy as np

LOCAL_OFFSET_S = 7 * 3600
LOCAL_TZ = timezone(timedelta(hours=7))


def local_midnight(day: date) -> int:
    """Epoch seconds of 00:00 local time on ``day``."""
    return int(datetime(day.year, day.month, day.day, tzinfo=LOCAL_TZ).timestamp())


def today_local() -> date:
    return datetime.now(LOCAL_TZ).date()


def iso_local(epoch: np.ndarray) -> list[str | None]:
    """'2026-11-20T07:05:00+07:00' for each epoch second; NaN gives None."""
    epoch = np.asarray(epoch, dtype=np.float64)
    missing = np.isnan(epoch)
    wall = (np.where(missing, 0, epoch).astype(np.int64) + LOCAL_OFFSET_S).astype("datetime64[s]")
    text = np.char.add(np.datetime_as_string(wall, unit="s"), "+07:00").astype(object)
    text[missing] = None
    return text.tolist()


def local_hour_of_day(epoch: np.ndarray) -> np.ndarray:
    """Fractional local hour (0..24) of each epoch second."""
    return ((np.asarray(epoch, dtype=np.int64) + LOCAL_OFFSET_S) % 86400) / 3600.0


def local_weekday(epoch: np.ndarray) -> np.ndarray:
    """0 = Monday ... 6 = Sunday (1970-01-01 was a Thursday)."""
    return ((np.asarray(epoch, dtype=np.int64) + LOCAL_OFFSET_S) // 86400 + 3) % 7
