"""Area codes of the IOC (dbt seed ``ref_areas``) and the names departments write for them.

Before 2025-07-01 Bình Dương reported by its 9 districts (GSO codes 718–726, province 74);
from 2025-07-01 the district level is gone and the former province is 36 communes
(surrogate codes BD25-01..BD25-36, area 'BD'). Several names exist in both geographies
("Bến Cát" the district, "Phường Bến Cát" the commune), so a name is resolved within the
geography of the period it reports on. The statistics office's reports are read by name;
education and utilities validate the codes their sources carry.
"""

from __future__ import annotations

import re
from datetime import date

from ingestion.common.excel import normalize_label

REFORM_DATE = date(2025, 7, 1)
PRE_2025, POST_2025 = "pre_2025", "post_2025"

DISTRICTS = {
    "718": "Thủ Dầu Một", "719": "Bàu Bàng", "720": "Dầu Tiếng", "721": "Bến Cát", "722": "Phú Giáo",
    "723": "Tân Uyên", "724": "Dĩ An", "725": "Thuận An", "726": "Bắc Tân Uyên",
}
COMMUNES = {
    f"BD25-{i:02d}": name
    for i, name in enumerate(
        [
            "Thủ Dầu Một", "Phú Lợi", "Bình Dương", "Phú An", "Chánh Hiệp", "Bến Cát", "Chánh Phú Hòa",
            "Long Nguyên", "Tây Nam", "Thới Hòa", "Hòa Lợi", "Tân Uyên", "Tân Khánh", "Vĩnh Tân",
            "Bình Cơ", "Tân Hiệp", "Dĩ An", "Tân Đông Hiệp", "Đông Hòa", "Lái Thiêu", "Thuận Giao",
            "An Phú", "Thuận An", "Bình Hòa", "Dầu Tiếng", "Minh Thạnh", "Long Hòa", "Thanh An",
            "Trừ Văn Thố", "Bàu Bàng", "Phú Giáo", "Phước Thành", "An Long", "Phước Hòa",
            "Bắc Tân Uyên", "Thường Tân",
        ],
        start=1,
    )
}
PROVINCE_CODE = {PRE_2025: "74", POST_2025: "BD"}
AREA_CODES = {PRE_2025: frozenset(DISTRICTS) | {"74"}, POST_2025: frozenset(COMMUNES) | {"BD"}}

_PROVINCE_NAMES = {"toan tinh", "tong so", "tong", "tong cong", "cong", "toan khu vuc", "khu vuc binh duong", "tinh binh duong"}
_TYPE_PREFIX = re.compile(r"^(thanh pho|tp|thi xa|tx|huyen|h|phuong|p|xa|thi tran|tt)\s+")


def geography_for(period: date) -> str:
    return PRE_2025 if period < REFORM_DATE else POST_2025


def province_code_for(period: date) -> str:
    return PROVINCE_CODE[geography_for(period)]


def _bare(name: str) -> str:
    text = re.sub(r"[^a-z0-9 ]+", " ", normalize_label(name))
    text = re.sub(r"\s+", " ", text).strip()
    return _TYPE_PREFIX.sub("", text)


_BY_NAME = {
    PRE_2025: {_bare(n): c for c, n in DISTRICTS.items()},
    POST_2025: {_bare(n): c for c, n in COMMUNES.items()},
}


def area_code_for_name(name: str, period: date) -> str | None:
    """'TP. Thủ Dầu Một' in 2024 -> '718'; 'Phường Thủ Dầu Một' in 2026 -> 'BD25-01'; 'Toàn tỉnh' -> province."""
    geography = geography_for(period)
    full = re.sub(r"\s+", " ", re.sub(r"[^a-z0-9 ]+", " ", normalize_label(name))).strip()
    if full in _PROVINCE_NAMES or (geography == PRE_2025 and _bare(name) == "binh duong"):
        return PROVINCE_CODE[geography]
    return _BY_NAME[geography].get(_bare(name))


def is_known_code(code: str, period: date) -> bool:
    return code in AREA_CODES[geography_for(period)]
