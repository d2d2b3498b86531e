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
