"""Agencies reporting digital-government figures: provincial departments, then local governments.

Several departments merged on 2025-03-01 (Decision of the province following the national
restructuring): the absorbed ones stop reporting from that month.
"""

from __future__ import annotations

from datetime import date

from simulators.csv_drop.areas import COMMUNE_NAMES, DISTRICT_NAMES, DISTRICTS, REFORM_DATE, commune_code

MERGER_DATE = date(2025, 3, 1)
# code, name, weight (relative workload), stops at the 2025 merger
DEPARTMENTS = (
    ("H57.01", "Văn phòng UBND tỉnh", 0.6, False),
    ("H57.02", "Sở Nội vụ", 0.8, False),
    ("H57.03", "Sở Tư pháp", 1.2, False),
    ("H57.04", "Sở Kế hoạch và Đầu tư", 2.5, True),
    ("H57.05", "Sở Tài chính", 1.5, False),
    ("H57.06", "Sở Công Thương", 1.6, False),
    ("H57.07", "Sở Nông nghiệp và Phát triển nông thôn", 0.9, False),
    ("H57.08", "Sở Giao thông vận tải", 2.2, True),
    ("H57.09", "Sở Xây dựng", 1.4, False),
    ("H57.10", "Sở Tài nguyên và Môi trường", 2.0, True),
    ("H57.11", "Sở Thông tin và Truyền thông", 0.5, True),
    ("H57.12", "Sở Lao động - Thương binh và Xã hội", 1.8, True),
    ("H57.13", "Sở Văn hóa, Thể thao và Du lịch", 0.6, False),
    ("H57.14", "Sở Khoa học và Công nghệ", 0.4, False),
    ("H57.15", "Sở Giáo dục và Đào tạo", 0.9, False),
    ("H57.16", "Sở Y tế", 1.3, False),
    ("H57.17", "Ban Quản lý các khu công nghiệp", 1.7, False),
)


def agencies(period: date) -> list[tuple[str, str, str, float]]:
    """(agency code, name, area code, workload weight) reporting for ``period``."""
    province = "74" if period < REFORM_DATE else "BD"
    found = [(c, n, province, w) for c, n, w, merged in DEPARTMENTS if not (merged and period >= MERGER_DATE)]
    if period < REFORM_DATE:
        found += [(f"H57.{code}", f"UBND {name}", code, 2.0) for code, name in zip(DISTRICTS, DISTRICT_NAMES)]
    else:
        found += [(f"H57.X{i + 1:02d}", f"UBND {name}", commune_code(i + 1), 0.7)
                  for i, name in enumerate(COMMUNE_NAMES)]
    return found
