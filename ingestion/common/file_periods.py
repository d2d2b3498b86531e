"""Which partition window a dropped report belongs to: the period in its file name.

Departments name their exports by period — ``BC_KTXH_2026_08_revised.xlsx``,
``SYT_BaoCao_2026_04_dieu_chinh.csv``, ``water_2025_10_partial.json`` (month),
``Thong_ke_GD_2025-2026.xlsx`` (school year 2025-2026, from 1 September). A partitioned run of
a file-drop dataset lands the new files whose period starts inside its window; a re-sent or
revised file of an old period lands with that period's partition. A name without a period goes
by the file's modification time, so every file belongs to exactly one window.
"""

from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Callable

LOCAL = timezone(timedelta(hours=7))  # periods start at midnight in Vietnam
_MONTH = re.compile(r"(?<!\d)(20\d{2})[_-](0[1-9]|1[0-2])(?!\d)")
_SCHOOL_YEAR = re.compile(r"(?<!\d)(20\d{2})[_-](20\d{2})(?!\d)")


def period_start(name: str) -> date | None:
    """First day of the period named in ``name`` (school year: 1 September), or None."""
    school = _SCHOOL_YEAR.search(name)
    if school and int(school[2]) == int(school[1]) + 1:
        return date(int(school[1]), 9, 1)
    month = _MONTH.search(name)
    return date(int(month[1]), int(month[2]), 1) if month else None


def in_window(start: datetime, end: datetime, folder: Path | None = None) -> Callable[[str], bool]:
    """A file-name predicate: the file's period (else its modification day) starts in ``[start, end)``."""
    def accept(name: str) -> bool:
        first = period_start(name)
        if first is None:
            if folder is None or not (folder / name).exists():
                return False
            moment = datetime.fromtimestamp((folder / name).stat().st_mtime, LOCAL)
        else:
            moment = datetime(first.year, first.month, first.day, tzinfo=LOCAL)
        return start <= moment < end

    return accept
