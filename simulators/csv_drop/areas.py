"""Areas the departments report by: 9 districts (code 718..726) until 2025-06-30, then the 36
communes of the former Binh Duong (BD25-01..BD25-36, see dbt_project/seeds/ref_areas.csv)."""

from __future__ import annotations

from datetime import date

import numpy as np

REFORM_DATE = date(2025, 7, 1)
DISTRICTS = ("718", "719", "720", "721", "722", "723", "724", "725", "726")
DISTRICT_NAMES = ("Thủ Dầu Một", "Bàu Bàng", "Dầu Tiếng", "Bến Cát", "Phú Giáo", "Tân Uyên", "Dĩ An",
                  "Thuận An", "Bắc Tân Uyên")
# Approximate 2024 population (thousands): weights for spreading provincial totals.
DISTRICT_POPULATION = np.array([340, 110, 125, 310, 100, 380, 480, 620, 70], dtype=float)
# District -> its communes in the 2025 bridge (ref_area_bridge.csv).
COMMUNES_OF = {"718": range(1, 6), "721": range(6, 12), "723": range(12, 17), "724": range(17, 20),
               "725": range(20, 25), "720": range(25, 29), "719": range(29, 31), "722": range(31, 35),
               "726": range(35, 37)}
COMMUNE_NAMES = (
    "Thủ Dầu Một", "Phú Lợi", "Bình Dương", "Phú An", "Chánh Hiệp", "Bến Cát", "Chánh Phú Hòa", "Long Nguyên",
    "Tây Nam", "Thới Hòa", "Hòa Lợi", "Tân Uyên", "Tân Khánh", "Vĩnh Tân", "Bình Cơ", "Tân Hiệp", "Dĩ An",
    "Tân Đông Hiệp", "Đông Hòa", "Lái Thiêu", "Thuận Giao", "An Phú", "Thuận An", "Bình Hòa", "Dầu Tiếng",
    "Minh Thạnh", "Long Hòa", "Thanh An", "Trừ Văn Thố", "Bàu Bàng", "Phú Giáo", "Phước Thành", "An Long",
    "Phước Hòa", "Bắc Tân Uyên", "Thường Tân",
)


def commune_code(number: int) -> str:
    return f"BD25-{number:02d}"


def district_of_commune() -> dict[str, str]:
    return {commune_code(n): d for d, numbers in COMMUNES_OF.items() for n in numbers}


def seat_commune(district: str) -> str:
    """The commune a district-level facility lies in after the reform (first in the bridge)."""
    return commune_code(COMMUNES_OF[district][0])


def areas(period: date) -> tuple[list[str], list[str], np.ndarray]:
    """(codes, names, population weights summing to 1) in force for ``period``."""
    if period < REFORM_DATE:
        return list(DISTRICTS), list(DISTRICT_NAMES), DISTRICT_POPULATION / DISTRICT_POPULATION.sum()
    parent = district_of_commune()
    codes = [commune_code(n) for n in range(1, 37)]
    share = {d: DISTRICT_POPULATION[i] / len(COMMUNES_OF[d]) for i, d in enumerate(DISTRICTS)}
    weights = np.array([share[parent[c]] for c in codes])
    return codes, list(COMMUNE_NAMES), weights / weights.sum()


def area_of(district: str, period: date) -> str:
    return district if period < REFORM_DATE else seat_commune(district)


def period_rng(seed: int, stream: int, period: date) -> np.random.Generator:
    """Values of one period depend only on (seed, dataset, period): extending history keeps them."""
    return np.random.default_rng([seed, stream, period.year, period.month])


def seasonal(period: date, profile: tuple[float, ...]) -> float:
    """``profile``: 12 multipliers, January first."""
    return profile[period.month - 1]


TET_DIP = (0.85, 0.88, 1.02, 1.0, 1.0, 1.0, 1.02, 1.03, 1.02, 1.0, 1.0, 1.05)
