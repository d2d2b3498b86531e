"""Faults of the school-year workbooks, tied to the school year (start year modulo 4), so a
later run leaves earlier files byte-identical and any four consecutive years show every fault."""

from __future__ import annotations

from simulators.common.xlsx import TableLayout

CYCLE = 4
FAULTY_SLOT, SHIFTED_SLOT, EMPTY_SUMMARY_SLOT, RESENT_SLOT = 0, 3, 2, 3


def slot(start_year: int) -> int:
    return start_year % CYCLE


def inject(layout: TableLayout, truth: list[dict], rng) -> list[dict]:
    """Renamed headers, impossible figures and a pasted-twice row; returns what must still land."""
    layout.group_header = ["Học sinh" if h == "Số học sinh" else "Tổng số giáo viên" if h == "Số giáo viên" else h
                           for h in layout.group_header]
    bad = set()
    picks = rng.choice(len(layout.rows), 3, replace=False)
    layout.rows[picks[0]][8] = -abs(layout.rows[picks[0]][8])                 # negative pupils
    layout.rows[picks[1]][9] = layout.rows[picks[1]][8] + 12                   # more girls than pupils
    thpt = [i for i, r in enumerate(layout.rows) if r[3] == "THPT" and i not in picks]
    if thpt and layout.rows[thpt[0]][11] is not None:
        layout.rows[thpt[0]][11] = 104.5                                       # rate above 100 %
        bad.add(layout.rows[thpt[0]][1])
    bad |= {layout.rows[picks[0]][1], layout.rows[picks[1]][1]}
    dup = int(picks[2])
    layout.rows.insert(dup + 1, list(layout.rows[dup]))                        # copy-pasted twice
    return [t for t in truth if t["school_code"] not in bad]
