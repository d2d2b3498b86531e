"""Station file names: ``<STATION>_<YYYYMMDDhhmmss>.txt``, local time of the 5-minute slot.

A re-sent file may carry a suffix (``BD_WW_03_20250301101500_resend.txt``); station codes
contain underscores themselves, so the timestamp is found as the last 14-digit group.
"""

from __future__ import annotations

import re
from datetime import datetime

FILE_NAME = re.compile(r"^(?P<station>.+?)_(?P<stamp>\d{14})(?:_[^.]*)?\.txt$")
FILE_NAME_PATTERN_TEXT = "<STATION>_<YYYYMMDDhhmmss>[_<suffix>].txt"


def parse_file_name(name: str) -> tuple[str, datetime] | None:
    """(station_code, slot start in local wall-clock time), or None if the name is not a station file."""
    match = FILE_NAME.match(name)
    if not match:
        return None
    s = match["stamp"]
    try:  # slicing is ~10x faster than strptime, which matters at tens of thousands of files
        slot = datetime(int(s[:4]), int(s[4:6]), int(s[6:8]), int(s[8:10]), int(s[10:12]), int(s[12:]))
    except ValueError:  # month 13, 30 February...
        return None
    return match["station"], slot


def parse_file_names(names):
    """:func:`parse_file_name` over an Arrow string array, in bulk: (station, slot) arrays, both
    null where the name is not a station file (no match, or a stamp that is no real time)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    parts = pc.extract_regex(names, FILE_NAME.pattern)
    station, stamp = pc.struct_field(parts, "station"), pc.struct_field(parts, "stamp")
    digits = pc.fill_null(stamp, "19700101000000")
    slot = pc.strptime(digits, format="%Y%m%d%H%M%S", unit="us", error_is_null=True)
    real = pc.is_valid(stamp)
    # strptime rolls 30 February over to 1 March: each part must equal its digits
    for part, start, stop in ((pc.year, 0, 4), (pc.month, 4, 6), (pc.day, 6, 8),
                              (pc.hour, 8, 10), (pc.minute, 10, 12), (pc.second, 12, 14)):
        written = pc.cast(pc.utf8_slice_codeunits(digits, start, stop), pa.int64())
        real = pc.and_(real, pc.fill_null(pc.equal(part(slot), written), False))
    none = pa.scalar(None, pa.string())
    return pc.if_else(real, station, none), pc.if_else(real, slot, pa.scalar(None, pa.timestamp("us")))
