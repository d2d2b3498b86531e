"""Field faults injected into a station's series, each at a rate set in ``FaultRates``.

Faults that change values or statuses (calibration, device fault, stuck sensor, negative
reading) act on the arrays; faults of the transport (gaps, malformed lines, re-sent files)
are recorded as per-slot masks that the file writer obeys.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from simulators.env_monitoring.parameters import ParamSpec
from simulators.env_monitoring.timeline import Timeline

STATUS_NORMAL, STATUS_CALIBRATING, STATUS_DEVICE_FAULT = 0, 1, 2

# Kinds of malformed line, in the order of MalformedKind codes used by the writer.
MALFORMED_KINDS = ("wrong_field_count", "non_numeric_value", "bad_timestamp", "unknown_status", "unknown_param")


@dataclass(frozen=True)
class FaultRates:
    calibration_per_station_day: float = 0.15  # status 01 for 30-90 min on one analyser
    device_fault_per_station_day: float = 0.05  # status 02 for 1-4 h on the whole station
    stuck_per_station_day: float = 0.06  # one sensor flat-lines for 2-6 h (status stays 00)
    gap_per_station_day: float = 0.08  # no files for 1-2 h (link down)
    malformed_line_per_file: float = 0.002  # one line of the file is corrupted
    resend_per_file: float = 0.003  # the file is sent again as <STATION>_<ts>_resend.txt
    negative_per_line: float = 0.0005  # zero drift gives a negative reading

    @classmethod
    def none(cls) -> FaultRates:
        return cls(**{f.name: 0.0 for f in fields(cls)})


@dataclass
class StationSeries:
    """Everything the writer needs for one station over the whole timeline."""

    values: np.ndarray  # (n_slots, n_params) float
    status: np.ndarray  # (n_slots, n_params) int8: 0, 1, 2
    sent: np.ndarray  # (n_slots,) bool: False inside a gap
    malformed_kind: np.ndarray  # (n_slots,) int8: -1 or index into MALFORMED_KINDS
    malformed_param: np.ndarray  # (n_slots,) int: which line of the file is corrupted
    resent: np.ndarray  # (n_slots,) bool
    negative: np.ndarray  # (n_slots, n_params) bool, for the summary


def _windows(rng: np.random.Generator, timeline: Timeline, rate_per_day: float, min_slots: int, max_slots: int):
    for _ in range(rng.poisson(rate_per_day * timeline.days)):
        start = int(rng.integers(0, timeline.n_slots))
        yield slice(start, min(timeline.n_slots, start + int(rng.integers(min_slots, max_slots + 1))))


def inject(
    values: np.ndarray,
    specs: list[ParamSpec],
    column: str | None,
    timeline: Timeline,
    rates: FaultRates,
    rng: np.random.Generator,
) -> StationSeries:
    n_slots, n_params = values.shape
    values = values.copy()
    status = np.zeros((n_slots, n_params), dtype=np.int8)

    for window in _windows(rng, timeline, rates.calibration_per_station_day, 6, 18):
        p = int(rng.integers(0, n_params))
        # Zero gas first, then span gas: readings that are not the environment's.
        span = specs[p].typical(column) * 2.5
        length = window.stop - window.start
        values[window, p] = np.where(np.arange(length) < length // 2, 0.0, span)
        status[window, p] = STATUS_CALIBRATING

    for window in _windows(rng, timeline, rates.device_fault_per_station_day, 12, 48):
        values[window, :] = 0.0
        status[window, :] = STATUS_DEVICE_FAULT

    for window in _windows(rng, timeline, rates.stuck_per_station_day, 24, 72):
        p = int(rng.integers(0, n_params))
        values[window, p] = values[window.start, p]

    # Zero drift: a small negative number where the real value is near zero.
    can_go_negative = np.array([not s.can_be_negative for s in specs])
    negative = (rng.random((n_slots, n_params)) < rates.negative_per_line) & can_go_negative
    # At least one unit of the last printed decimal, so the written text is really negative.
    smallest_printed = np.broadcast_to(np.array([10.0**-s.decimals for s in specs]), values.shape)
    values[negative] = -(
        np.abs(values[negative]) * rng.uniform(0.02, 0.3, int(negative.sum())) + smallest_printed[negative]
    )

    sent = np.ones(n_slots, dtype=bool)
    for window in _windows(rng, timeline, rates.gap_per_station_day, 12, 24):
        sent[window] = False

    malformed = rng.random(n_slots) < rates.malformed_line_per_file
    malformed_kind = np.where(malformed, rng.integers(0, len(MALFORMED_KINDS), n_slots), -1).astype(np.int8)
    malformed_param = rng.integers(0, n_params, n_slots)
    resent = (rng.random(n_slots) < rates.resend_per_file) & sent
    return StationSeries(values, status, sent, malformed_kind, malformed_param, resent, negative & sent[:, None])
