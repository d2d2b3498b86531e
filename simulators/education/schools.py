"""The province's schools and their yearly figures (classes, pupils, teachers, graduation).

Roughly Bình Dương: ~900 schools, most of them kindergartens (many private), ~500,000 pupils.
Schools keep their code for life; new private kindergartens open every year in the industrial
south (Thuận An, Dĩ An). After the 2025 reform a school reports its commune instead of its district.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulators.common import areas

LEVELS = ("Mầm non", "Tiểu học", "THCS", "THPT")
LEVEL_SHARE = np.array([0.58, 0.20, 0.14, 0.08])
PUBLIC_SHARE = {"Mầm non": 0.35, "Tiểu học": 0.90, "THCS": 0.95, "THPT": 0.75}
CLASSES = {"Mầm non": (4, 18), "Tiểu học": (15, 50), "THCS": (15, 48), "THPT": (18, 45)}
CLASS_SIZE = {"Mầm non": 27.0, "Tiểu học": 38.0, "THCS": 42.0, "THPT": 42.0}
TEACHERS_PER_CLASS = {"Mầm non": 2.0, "Tiểu học": 1.25, "THCS": 1.9, "THPT": 2.25}
NAME_PREFIX = {"Mầm non": "Trường Mầm non", "Tiểu học": "Trường Tiểu học", "THCS": "Trường THCS", "THPT": "Trường THPT"}
DISTRICT_WEIGHT = np.array([0.17, 0.05, 0.07, 0.10, 0.05, 0.11, 0.19, 0.22, 0.04])  # areas.DISTRICTS order

PLACE_NAMES = [
    "Phú Hòa", "Hiệp Thành", "Chánh Nghĩa", "Phú Cường", "Định Hòa", "Tương Bình Hiệp", "Lai Uyên", "Long Nguyên",
    "Thanh Tuyền", "Định An", "An Điền", "Mỹ Phước", "Hòa Lợi", "Thới Hòa", "Phước Vĩnh", "An Bình", "Vĩnh Hòa",
    "Uyên Hưng", "Khánh Bình", "Tân Phước Khánh", "Thái Hòa", "Bình An", "Bình Thắng", "Đông Hòa", "Tân Bình",
    "An Phú", "Bình Chuẩn", "Thuận Giao", "Lái Thiêu", "Vĩnh Phú", "Hưng Định", "Bình Nhâm", "Tân Định", "Thường Tân",
]
PERSON_NAMES = [
    "Nguyễn Du", "Lê Quý Đôn", "Trần Phú", "Nguyễn Trãi", "Võ Minh Đức", "Nguyễn Đình Chiểu", "Lê Lợi", "Trần Hưng Đạo",
    "Chu Văn An", "Nguyễn Khuyến", "Ngô Quyền", "Huỳnh Văn Nghệ", "Bùi Thị Xuân", "Trần Văn Ơn", "Nguyễn Viết Xuân",
]
KINDERGARTEN_NAMES = ["Hoa Mai", "Hoa Sen", "Sơn Ca", "Họa Mi", "Tuổi Thơ", "Hướng Dương", "Vành Khuyên", "Búp Sen Hồng",
                      "Ánh Dương", "Thỏ Ngọc", "Rạng Đông", "Mặt Trời Nhỏ", "Bông Sen", "Hoa Hồng"]


@dataclass(frozen=True)
class School:
    code: str
    name: str
    level: str
    public: bool
    district: str
    commune: str
    opened: int          # first school year (start year) it reports
    base_classes: int


REFERENCE_YEAR = 2022            # figures grow from the levels of school year 2022-2023
OPENING_YEARS = (2019, 2031)     # new private kindergartens open in these years


def make_schools(rng: np.random.Generator, n: int) -> list[School]:
    levels = rng.choice(len(LEVELS), n, p=LEVEL_SHARE)
    districts = rng.choice(len(areas.DISTRICTS), n, p=DISTRICT_WEIGHT / DISTRICT_WEIGHT.sum())
    schools, seq = [], {}
    for i in range(n):
        level, district = LEVELS[levels[i]], areas.DISTRICTS[districts[i]]
        public = bool(rng.random() < PUBLIC_SHARE[level])
        pool = KINDERGARTEN_NAMES + PLACE_NAMES if level == "Mầm non" else PLACE_NAMES + PERSON_NAMES
        prefix = NAME_PREFIX[level] + ("" if public or level != "Mầm non" else " tư thục")
        seq[district] = seq.get(district, 0) + 1
        communes = [c for c, d in areas.COMMUNE_DISTRICT.items() if d == district]
        # a tenth of the private kindergartens open over the years
        opened = int(rng.integers(*OPENING_YEARS)) if (not public and level == "Mầm non" and rng.random() < 0.1) else 1990
        lo, hi = CLASSES[level]
        schools.append(School(
            code=f"74{district}{seq[district]:03d}", name=f"{prefix} {pool[int(rng.integers(len(pool)))]}",
            level=level, public=public, district=district, commune=communes[int(rng.integers(len(communes)))],
            opened=opened, base_classes=int(rng.integers(lo, hi + 1)) if public else int(rng.integers(lo, max(lo + 2, hi // 2))),
        ))
    return schools


def yearly_figures(rng: np.random.Generator, results: np.random.Generator | None, school: School, start_year: int) -> dict:
    """Figures of one school for one school year. Graduation/completion come from their own
    generator (``results``, None until the year is over), so the October and the August version
    of a year show the same head counts."""
    classes = max(1, int(round(school.base_classes * 1.03 ** (start_year - REFERENCE_YEAR) + rng.normal(0, 0.8))))
    pupils = int(round(classes * CLASS_SIZE[school.level] * rng.uniform(0.88, 1.08)))
    figures = dict(
        classes=classes, pupils=pupils, girls=int(rng.binomial(pupils, 0.485)),
        teachers=max(1, int(round(classes * TEACHERS_PER_CLASS[school.level] * rng.uniform(0.9, 1.1)))),
        graduation=None, completion=None,
    )
    if results is not None and school.level == "THPT":
        figures["graduation"] = round(float(min(100.0, results.normal(98.6, 1.2))), 2)
    if results is not None and school.level == "THCS":
        figures["completion"] = round(float(min(100.0, results.normal(98.9, 0.9))), 2)
    return figures
