"""Bulk parsing of station files into readings and quarantined lines.

All files of a batch are split into one Arrow string array of lines; field splitting, number
and timestamp parsing and every check run as Arrow/numpy kernels over that array. Python
only touches each file once (decode + split) and each *rejected* line once (its reason).

Rules (first failing rule is the reason; each reason starts with a stable code):
- blank / whitespace-only lines are not records: ignored, not counted as read;
- ``bad_file_name``: the file is not ``<STATION>_<YYYYMMDDhhmmss>[_x].txt`` (no station);
- ``wrong_field_count``: not exactly 5 tab-separated fields;
- ``unknown_param``: symbol not in symbols.PARAM_SYMBOLS;
- ``unparsable_value``: not a plain decimal number (no NaN/inf, no decimal comma);
- ``unparsable_timestamp``: not a real ``YYYYMMDDhhmmss`` instant;
- ``unknown_status``: status not 00/01/02;
- ``negative_value``: below zero for a parameter that cannot be negative (all but Temp);
- ``timestamp_outside_slot``: the line's time is not in the 5-minute slot named by the file
  (both floored to SLOT). The file name is the slot the datalogger reports for; a line
  stamped elsewhere is a clock fault or misfiled, and landing it would put a second value on
  another slot's (station, param, time) key. Strict on purpose: a station whose firmware
  names files differently shows up at once as a wall of quarantine, and nothing is lost.
Stuck (flat-lined) values are valid lines here; dbt flags them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from itertools import chain

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from ingestion.env_monitoring.drop_folder import DropFile
from ingestion.env_monitoring.file_names import FILE_NAME_PATTERN_TEXT
from ingestion.env_monitoring.symbols import MAY_BE_NEGATIVE, PARAM_SYMBOLS, STATUS_CODES

SLOT = timedelta(minutes=5)
NUMBER = r"^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$"
STAMP_FORMAT = "%Y%m%d%H%M%S"

READINGS_SCHEMA = pa.schema(
    [
        ("station_code", pa.string()),
        ("param_raw", pa.string()),
        ("param", pa.string()),
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("measured_at_local", pa.timestamp("us")),  # Asia/Ho_Chi_Minh wall clock, no zone
        ("status", pa.string()),
    ]
)


@dataclass
class ParsedLines:
    readings: pa.Table  # READINGS_SCHEMA, no lineage yet
    landed_file: np.ndarray  # index into the files list, per landed row
    landed_line: np.ndarray  # 1-based line number, per landed row
    rejected_file: np.ndarray
    rejected_line: np.ndarray
    rejected_raw: list[str]
    rejected_reason: list[str]
    lines_read_per_file: np.ndarray
    landed_per_file: np.ndarray
    rejected_per_file: np.ndarray

    @property
    def lines_read(self) -> int:
        return int(self.lines_read_per_file.sum())


def _split_files(files: list[DropFile]) -> tuple[pa.Array, np.ndarray, np.ndarray]:
    """All physical lines of all files: text (without CR/LF), file index, 1-based line number."""
    per_file = []
    for f in files:
        # utf-8-sig: Windows dataloggers may start files with a byte-order mark.
        lines = f.content.decode("utf-8-sig", errors="replace").split("\n")
        if lines[-1] == "":
            lines.pop()  # the newline that ends the last line does not start another
        per_file.append(lines)
    counts = np.fromiter((len(x) for x in per_file), dtype=np.int64, count=len(per_file))
    starts = np.concatenate(([0], np.cumsum(counts)[:-1])) if len(counts) else counts
    file_index = np.repeat(np.arange(len(files)), counts)
    line_number = np.arange(int(counts.sum())) - np.repeat(starts, counts) + 1
    text = pc.utf8_rtrim(pa.array(list(chain.from_iterable(per_file)), pa.string()), characters="\r")
    return text, file_index, line_number


def _field(fields: pa.Array, i: int) -> pa.Array:
    return pc.utf8_trim_whitespace(pc.list_element(fields, i))


def _np(mask: pa.Array) -> np.ndarray:
    return np.asarray(mask.fill_null(False).to_numpy(zero_copy_only=False), dtype=bool)


def _parse_stamps(stamp: pa.Array) -> tuple[pa.Array, np.ndarray]:
    """Timestamps and a mask of the texts that are real ``YYYYMMDDhhmmss`` instants.

    strptime rolls 20250230 over to 1 March, so each parsed part must equal its digits
    (compared field by field: formatting the timestamps back would cost ~1 s per 300k rows).
    """
    fourteen_digits = pc.match_substring_regex(stamp, r"^\d{14}$").fill_null(False)
    digits = pc.if_else(fourteen_digits, stamp, "19700101000000")
    measured = pc.strptime(digits, format=STAMP_FORMAT, unit="us", error_is_null=True)
    real = fourteen_digits
    parts = (
        (pc.year, 0, 4),
        (pc.month, 4, 6),
        (pc.day, 6, 8),
        (pc.hour, 8, 10),
        (pc.minute, 10, 12),
        (pc.second, 12, 14),
    )
    for part, start, stop in parts:
        written = pc.cast(pc.utf8_slice_codeunits(digits, start, stop), pa.int64())
        real = pc.and_(real, pc.equal(part(measured), written))
    real = _np(real)
    return pc.if_else(pa.array(real), measured, pa.scalar(None, pa.timestamp("us"))), real


def parse_files(files: list[DropFile]) -> ParsedLines:
    text, file_index, line_number = _split_files(files)
    record = _np(pc.not_equal(pc.utf8_trim_whitespace(text), ""))
    text, file_index, line_number = text.filter(pa.array(record)), file_index[record], line_number[record]

    five_fields = _np(pc.equal(pc.count_substring(text, "\t"), 4))
    # Give short/long lines five empty fields so the kernels below run on every row.
    fields = pc.split_pattern(pc.if_else(pa.array(five_fields), text, "\t\t\t\t"), "\t")
    param_raw, value_text, unit, stamp, status = (_field(fields, i) for i in range(5))

    symbols = pa.array(list(PARAM_SYMBOLS))
    param = pc.take(pa.array(list(PARAM_SYMBOLS.values())), pc.index_in(param_raw, value_set=symbols))
    numeric = _np(pc.match_substring_regex(value_text, NUMBER))
    value = pc.cast(pc.if_else(pa.array(numeric), value_text, "0"), pa.float64())
    measured, real_stamp = _parse_stamps(stamp)

    slot = np.array(
        [np.datetime64(f.slot, "us") if f.slot else np.datetime64("NaT") for f in files], dtype="datetime64[us]"
    )[file_index]
    measured_np = measured.to_numpy(zero_copy_only=False).astype("datetime64[us]")
    slot_us = int(SLOT.total_seconds() * 1_000_000)
    # NaT (bad name or bad stamp) becomes an arbitrary slot here; earlier rules reject those rows.
    off_slot = measured_np.astype(np.int64) // slot_us != slot.astype(np.int64) // slot_us
    value_np = value.to_numpy(zero_copy_only=False)
    numeric &= np.isfinite(value_np)  # "1e999" matches the pattern but is no measurement
    must_be_positive = ~_np(pc.is_in(param, value_set=pa.array(list(MAY_BE_NEGATIVE))))

    named = np.array([f.station_code is not None for f in files], dtype=bool)[file_index]
    checks = [  # (code, failing mask): order matters, the first failing check is the reason
        ("bad_file_name", ~named),
        ("wrong_field_count", ~five_fields),
        ("unknown_param", ~_np(pc.is_valid(param))),
        ("unparsable_value", ~numeric),
        ("unparsable_timestamp", ~real_stamp),
        ("unknown_status", ~_np(pc.is_in(status, value_set=pa.array(STATUS_CODES)))),
        ("negative_value", (value_np < 0) & must_be_positive),
        ("timestamp_outside_slot", off_slot),
    ]
    first_failure = np.full(len(text), -1, dtype=np.int64)
    for i, (_, failing) in enumerate(checks):
        first_failure = np.where((first_failure < 0) & failing, i, first_failure)
    rejected = first_failure >= 0
    landed = ~rejected

    station = np.array([f.station_code or "" for f in files], dtype=object)[file_index]
    keep = pa.array(landed)
    readings = pa.table(
        {
            "station_code": pa.array(station[landed], pa.string()),
            "param_raw": param_raw.filter(keep),
            "param": param.filter(keep),
            "value": value.filter(keep),
            "unit": unit.filter(keep),
            "measured_at_local": measured.filter(keep),
            "status": status.filter(keep),
        },
        schema=READINGS_SCHEMA,
    )

    rejected_rows = np.flatnonzero(rejected)
    reasons = _reasons(
        rejected_rows, first_failure, files, file_index, text, param_raw, value_text, stamp, status, param
    )
    n_files = len(files)
    return ParsedLines(
        readings=readings,
        landed_file=file_index[landed],
        landed_line=line_number[landed],
        rejected_file=file_index[rejected],
        rejected_line=line_number[rejected],
        rejected_raw=text.take(pa.array(rejected_rows, pa.int64())).to_pylist(),
        rejected_reason=reasons,
        lines_read_per_file=np.bincount(file_index, minlength=n_files),
        landed_per_file=np.bincount(file_index[landed], minlength=n_files),
        rejected_per_file=np.bincount(file_index[rejected], minlength=n_files),
    )


def _reasons(rows, first_failure, files, file_index, text, param_raw, value_text, stamp, status, param) -> list[str]:
    """Human-readable reasons, built only for the (few) rejected rows."""
    take = pa.array(rows, pa.int64())
    cols = {
        name: arr.take(take).to_pylist()
        for name, arr in dict(
            text=text, param_raw=param_raw, value=value_text, stamp=stamp, status=status, param=param
        ).items()
    }
    reasons = []
    for j, row in enumerate(rows.tolist()):
        code = int(first_failure[row])
        f = files[file_index[row]]
        if code == 0:
            reasons.append(f"bad_file_name: {f.name!r} is not {FILE_NAME_PATTERN_TEXT}")
        elif code == 1:
            reasons.append(f"wrong_field_count: {cols['text'][j].count(chr(9)) + 1} tab-separated fields, expected 5")
        elif code == 2:
            reasons.append(f"unknown_param: parameter symbol {cols['param_raw'][j]!r} is not a known symbol")
        elif code == 3:
            reasons.append(f"unparsable_value: {cols['value'][j]!r} is not a number")
        elif code == 4:
            reasons.append(f"unparsable_timestamp: {cols['stamp'][j]!r} is not a valid YYYYMMDDhhmmss time")
        elif code == 5:
            reasons.append(f"unknown_status: {cols['status'][j]!r} is not 00, 01 or 02")
        elif code == 6:
            reasons.append(f"negative_value: {cols['value'][j]} for {cols['param'][j]}, which cannot be negative")
        else:
            reasons.append(
                f"timestamp_outside_slot: {cols['stamp'][j]} is not in the "
                f"{int(SLOT.total_seconds() // 60)}-minute slot of file time {f.slot:%Y%m%d%H%M%S}"
            )
    return reasons
