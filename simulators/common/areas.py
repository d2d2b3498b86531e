"""Administrative units as the departments write them (shared by the stand-ins).

Names follow the date: Bến Cát was a thị xã until 2024-04-30 and Tân Uyên until 2023-04-10;
from 2025-07-01 districts are gone and the former province is 36 communes (codes of the IOC's
``ref_areas`` seed, split from districts as in ``ref_area_bridge``).
"""

from __future__ import annotations

from datetime import date

REFORM = date(2025, 7, 1)

DISTRICTS = ["718", "719", "720", "721", "722", "723", "724", "725", "726"]
_DISTRICT_NAME = {
    "718": ("TP.", "Thủ Dầu Một"), "719": ("H.", "Bàu Bàng"), "720": ("H.", "Dầu Tiếng"),
    "721": ("TP.", "Bến Cát"), "722": ("H.", "Phú Giáo"), "723": ("TP.", "Tân Uyên"),
    "724": ("TP.", "Dĩ An"), "725": ("TP.", "Thuận An"), "726": ("H.", "Bắc Tân Uyên"),
}
_TOWN_UNTIL = {"721": date(2024, 5, 1), "723": date(2023, 4, 10)}

COMMUNE_NAMES = [
    "Phường Thủ Dầu Một", "Phường Phú Lợi", "Phường Bình Dương", "Phường Phú An", "Phường Chánh Hiệp",
    "Phường Bến Cát", "Phường Chánh Phú Hòa", "Phường Long Nguyên", "Phường Tây Nam", "Phường Thới Hòa",
    "Phường Hòa Lợi", "Phường Tân Uyên", "Phường Tân Khánh", "Phường Vĩnh Tân", "Phường Bình Cơ",
    "Phường Tân Hiệp", "Phường Dĩ An", "Phường Tân Đông Hiệp", "Phường Đông Hòa", "Phường Lái Thiêu",
    "Phường Thuận Giao", "Phường An Phú", "Phường Thuận An", "Phường Bình Hòa", "Xã Dầu Tiếng",
    "Xã Minh Thạnh", "Xã Long Hòa", "Xã Thanh An", "Xã Trừ Văn Thố", "Xã Bàu Bàng", "Xã Phú Giáo",
    "Xã Phước Thành", "Xã An Long", "Xã Phước Hòa", "Xã Bắc Tân Uyên", "Xã Thường Tân",
]
COMMUNES = [f"BD25-{i:02d}" for i in range(1, 37)]
COMMUNE_NAME = dict(zip(COMMUNES, COMMUNE_NAMES))
# Post-2025 communes of each pre-2025 district (ref_area_bridge.csv), and the district each
# commune mostly comes from.
COMMUNES_OF_DISTRICT: dict[str, tuple[str, ...]] = {
    "718": tuple(f"BD25-{i:02d}" for i in range(1, 6)),
    "721": tuple(f"BD25-{i:02d}" for i in range(6, 12)),
    "723": tuple(f"BD25-{i:02d}" for i in range(12, 17)),
    "724": tuple(f"BD25-{i:02d}" for i in range(17, 20)),
    "725": tuple(f"BD25-{i:02d}" for i in range(20, 25)),
    "720": tuple(f"BD25-{i:02d}" for i in range(25, 29)),
    "719": ("BD25-29", "BD25-30"),
    "722": tuple(f"BD25-{i:02d}" for i in range(31, 35)),
    "726": ("BD25-35", "BD25-36"),
}
COMMUNE_DISTRICT = {c: d for d, communes in COMMUNES_OF_DISTRICT.items() for c in communes}


def is_post_reform(period: date) -> bool:
    return period >= REFORM


def district_name(code: str, on: date) -> str:
    prefix, name = _DISTRICT_NAME[code]
    if on < _TOWN_UNTIL.get(code, date.min):
        prefix = "TX."
    return f"{prefix} {name}"


def province(on: date) -> tuple[str, str]:
    """(code, name as printed on a total row)."""
    return ("BD", "Tổng số") if is_post_reform(on) else ("74", "Toàn tỉnh")


def areas_on(on: date) -> list[tuple[str, str]]:
    """(code, printed name) of the reporting units in force on a date."""
    if is_post_reform(on):
        return [(c, COMMUNE_NAME[c]) for c in COMMUNES]
    return [(c, district_name(c, on)) for c in DISTRICTS]
