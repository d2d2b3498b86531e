"""VSIC 2018 (Decision 27/2018/QĐ-TTg) divisions: a code is known when its first two digits are one.

The registry records the main industry at level 4 (e.g. '1410'), older records at level 2 only.
"""

from __future__ import annotations

VSIC_2018_DIVISIONS = frozenset(
    f"{d:02d}"
    for d in (
        1, 2, 3,                                  # A agriculture, forestry, fishing
        5, 6, 7, 8, 9,                            # B mining
        *range(10, 34),                           # C manufacturing
        35, 36, 37, 38, 39,                       # D-E power, water, waste
        41, 42, 43, 45, 46, 47,                   # F construction, G trade
        49, 50, 51, 52, 53, 55, 56,               # H transport, I accommodation & food
        58, 59, 60, 61, 62, 63, 64, 65, 66, 68,   # J ICT, K finance, L real estate
        69, 70, 71, 72, 73, 74, 75,               # M professional
        77, 78, 79, 80, 81, 82, 84, 85,           # N admin & support, O public admin, P education
        86, 87, 88, 90, 91, 92, 93, 94, 95, 96,   # Q health, R arts, S other services
        97, 98, 99,                               # T households, U extraterritorial
    )
)


def known_vsic_sql(column: str) -> str:
    """DuckDB condition true when ``column`` holds a VSIC 2018 code of level 2 or 4."""
    divisions = ", ".join(f"'{d}'" for d in sorted(VSIC_2018_DIVISIONS))
    return f"(regexp_full_match({column}, '[0-9]{{2}}([0-9]{{2}})?') and left({column}, 2) in ({divisions}))"
