"""Health facilities reporting to the Department of Health (codes follow the 5-digit KCB pattern)."""

from __future__ import annotations

from dataclasses import dataclass

from simulators.csv_drop.areas import COMMUNE_NAMES, COMMUNES_OF, commune_code


@dataclass(frozen=True)
class Facility:
    code: str
    name: str
    type_label: str          # as the department writes it
    district: str            # pre-2025 area
    commune: str | None      # post-2025 area when the facility is a commune station
    beds_planned: int


PROVINCIAL = "Bệnh viện tuyến tỉnh"
CENTRE = "Trung tâm Y tế"
PRIVATE = "Bệnh viện tư nhân"
STATION = "Trạm Y tế"

_PROVINCIAL = [
    ("74001", "Bệnh viện Đa khoa tỉnh Bình Dương", "718", 1500),
    ("74002", "Bệnh viện Y học cổ truyền tỉnh Bình Dương", "718", 250),
    ("74003", "Bệnh viện Phục hồi chức năng tỉnh Bình Dương", "718", 150),
    ("74004", "Bệnh viện Tâm thần tỉnh Bình Dương", "723", 200),
]
_CENTRE_BEDS = {"718": 200, "719": 150, "720": 250, "721": 300, "722": 200, "723": 300, "724": 400,
                "725": 450, "726": 120}
_CENTRE_NAMES = {"718": "thành phố Thủ Dầu Một", "719": "huyện Bàu Bàng", "720": "huyện Dầu Tiếng",
                 "721": "thành phố Bến Cát", "722": "huyện Phú Giáo", "723": "thành phố Tân Uyên",
                 "724": "thành phố Dĩ An", "725": "thành phố Thuận An", "726": "huyện Bắc Tân Uyên"}
_PRIVATE = [
    ("74020", "Bệnh viện Quốc tế Becamex", "725", 250),
    ("74021", "Bệnh viện Đa khoa Hoàn Hảo", "724", 150),
    ("74022", "Bệnh viện Columbia Asia Bình Dương", "725", 200),
    ("74023", "Bệnh viện Quốc tế Hạnh Phúc", "725", 260),
    ("74024", "Bệnh viện Vạn Phúc 1", "718", 300),
    ("74025", "Bệnh viện Đa khoa Nam Anh", "725", 200),
    ("74026", "Bệnh viện Đa khoa Mỹ Phước", "721", 250),
    ("74027", "Bệnh viện Medic Bình Dương", "718", 100),
    ("74028", "Bệnh viện Đa khoa Sài Gòn Bình Dương", "724", 100),
]


def facilities() -> list[Facility]:
    found = [Facility(c, n, PROVINCIAL, d, None, b) for c, n, d, b in _PROVINCIAL]
    found += [Facility(f"740{10 + i}", f"Trung tâm Y tế {_CENTRE_NAMES[d]}", CENTRE, d, None, b)
              for i, (d, b) in enumerate(_CENTRE_BEDS.items())]
    found += [Facility(c, n, PRIVATE, d, None, b) for c, n, d, b in _PRIVATE]
    for district, numbers in COMMUNES_OF.items():
        for n in numbers:
            found.append(Facility(f"741{n:02d}", f"Trạm Y tế {COMMUNE_NAMES[n - 1]}", STATION, district,
                                  commune_code(n), 5))
    return found
