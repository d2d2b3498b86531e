"""Circular 10/2021-style text files, one per station per 5 minutes.

Each line is ``PARAM<TAB>VALUE<TAB>UNIT<TAB>YYYYMMDDhhmmss<TAB>STATUS`` with CRLF endings
(station dataloggers run Windows); the file is named ``<STATION>_<YYYYMMDDhhmmss>.txt``
after its slot, in local time.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import numpy as np

from simulators.env_monitoring.faults import MALFORMED_KINDS, StationSeries
from simulators.env_monitoring.parameters import ParamSpec

STATUS_TEXT = ("00", "01", "02")
NEWLINE = "\r\n"


def format_values(values: np.ndarray, specs: list[ParamSpec]) -> list[list[str]]:
    """Value text per param and slot, formatted once per column (the hot path)."""
    columns = []
    for p, spec in enumerate(specs):
        pattern = f"{{:.{spec.decimals}f}}"
        # "+ 0.0" turns -0.0 into 0.0 so no clean value prints as "-0.0".
        columns.append([pattern.format(v + 0.0) for v in values[:, p].tolist()])
    return columns


def corrupt(kind: str, symbol: str, value: str, unit: str, stamp: str, status: str, salt: int) -> str:
    """One malformed line of the given kind; ``salt`` varies the flavour deterministically."""
    if kind == "wrong_field_count":  # the unit missing, or a trailing tab
        fields = (symbol, value, stamp, status) if salt % 2 else (symbol, value, unit, stamp, status, "")
        return "\t".join(fields)
    if kind == "non_numeric_value":
        value = ("N/A", "--", "1.2.3", "#VALUE!")[salt % 4]
    elif kind == "bad_timestamp":  # month 13, or a human-readable time
        readable = f"{stamp[:4]}-{stamp[4:6]}-{stamp[6:8]} {stamp[8:10]}:{stamp[10:12]}"
        stamp = (stamp[:4] + "13" + stamp[6:], readable)[salt % 2]
    elif kind == "unknown_status":
        status = ("03", "9", "OK")[salt % 3]
    elif kind == "unknown_param":
        symbol = ("Turb", "PM2_5")[salt % 2]
    return "\t".join((symbol, value, unit, stamp, status))


def write_station_slots(
    drop_dir: Path,
    station_code: str,
    specs: list[ParamSpec],
    series: StationSeries,
    value_text: list[list[str]],
    stamps: list[str],
    slots: range,
    tally: Counter,
) -> None:
    """Write this station's files for ``slots`` and count what was written into ``tally``."""
    symbols = [s.symbol for s in specs]
    units = [s.unit for s in specs]
    status = series.status
    for k in slots:
        if not series.sent[k]:
            tally["slots_missing"] += 1
            continue
        stamp = stamps[k]
        lines = [
            f"{symbols[p]}\t{value_text[p][k]}\t{units[p]}\t{stamp}\t{STATUS_TEXT[status[k, p]]}"
            for p in range(len(specs))
        ]
        kind = series.malformed_kind[k]
        if kind >= 0:
            p = int(series.malformed_param[k])
            lines[p] = corrupt(
                MALFORMED_KINDS[kind], symbols[p], value_text[p][k], units[p], stamp, STATUS_TEXT[status[k, p]], salt=k
            )
            tally[f"malformed_{MALFORMED_KINDS[kind]}"] += 1
            tally["negative_lines"] += int(series.negative[k].sum() - series.negative[k, p])
        else:
            tally["negative_lines"] += int(series.negative[k].sum())
        content = (NEWLINE.join(lines) + NEWLINE).encode("utf-8")
        name = f"{station_code}_{stamp}"
        (drop_dir / f"{name}.txt").write_bytes(content)
        tally["files"] += 1
        tally["lines"] += len(lines)
        if series.resent[k]:
            (drop_dir / f"{name}_resend.txt").write_bytes(content)
            tally["resent_files"] += 1
