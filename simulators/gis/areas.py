"""Administrative units of Binh Duong as the stand-ins use them (shared by every simulator).

Pre-2025: 9 district-level units (GSO codes 718..726) and their 91 communes/wards, real names.
The commune codes ``<district>-NN`` are *surrogates* (numbered in the order below); the official
5-digit GSO commune codes were not available to us and belong in ``official_code`` later.

Post-2025 (from 2025-07-01): the 36 commune-level units BD25-01..BD25-36 of ref_areas.csv. Their
composition below keeps each new unit inside one former district, as the district-level bridge in
dbt_project/seeds/ref_area_bridge.csv does; it is an approximation of NQ 1685/NQ-UBTVQH15, not the
official text. Old communes listed under two new units are split between them (weights come from
the GIS layers the stand-in draws).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np

PROVINCE_CODE = "74"
PROVINCE_NAME = "Tỉnh Bình Dương"
REFORM_DATE = "2025-07-01"


@dataclass(frozen=True)
class District:
    code: str
    name_vi: str
    centre: tuple[float, float]      # lon, lat: seed of the synthetic partition
    area_km2: float                  # real order of magnitude, drives the partition
    economic_weight: float           # share of enterprises / dossiers / activity


DISTRICTS = (
    District("718", "Thành phố Thủ Dầu Một", (106.665, 11.000), 118, 0.17),
    District("719", "Huyện Bàu Bàng", (106.620, 11.260), 339, 0.05),
    District("720", "Huyện Dầu Tiếng", (106.400, 11.300), 720, 0.04),
    District("721", "Thành phố Bến Cát", (106.585, 11.130), 234, 0.12),
    District("722", "Huyện Phú Giáo", (106.800, 11.320), 543, 0.04),
    District("723", "Thành phố Tân Uyên", (106.790, 11.060), 192, 0.13),
    District("724", "Thành phố Dĩ An", (106.775, 10.905), 60, 0.18),
    District("725", "Thành phố Thuận An", (106.705, 10.930), 84, 0.22),
    District("726", "Huyện Bắc Tân Uyên", (106.880, 11.160), 400, 0.05),
)

# district -> its communes in surrogate-code order ("Phường"/"Xã"/"Thị trấn" + name)
_COMMUNES = {
    "718": "P.Phú Cường P.Hiệp Thành P.Chánh Nghĩa P.Phú Thọ P.Phú Hòa P.Phú Lợi P.Hòa Phú P.Phú Tân "
           "P.Phú Mỹ P.Tân An P.Hiệp An P.Định Hòa P.Tương Bình Hiệp P.Chánh Mỹ",
    "719": "X.Trừ Văn Thố X.Cây Trường II X.Hưng Hòa T.Lai Uyên X.Lai Hưng X.Long Nguyên X.Tân Hưng",
    "720": "T.Dầu Tiếng X.Định An X.Định Thành X.Minh Thạnh X.Minh Hòa X.Minh Tân X.Long Hòa X.Long Tân "
           "X.Định Hiệp X.Thanh An X.Thanh Tuyền X.An Lập",
    "721": "P.Mỹ Phước P.An Điền P.Chánh Phú Hòa P.Tân Định P.An Tây P.Phú An P.Thới Hòa P.Hòa Lợi",
    "722": "T.Phước Vĩnh X.An Bình X.Tam Lập X.Tân Hiệp X.Phước Sang X.An Thái X.An Long X.An Linh "
           "X.Tân Long X.Phước Hòa X.Vĩnh Hòa",
    "723": "P.Uyên Hưng X.Bạch Đằng X.Thạnh Hội P.Tân Phước Khánh P.Thái Hòa P.Thạnh Phước P.Vĩnh Tân "
           "P.Hội Nghĩa P.Tân Hiệp P.Khánh Bình P.Phú Chánh P.Tân Vĩnh Hiệp",
    "724": "P.Dĩ An P.An Bình P.Tân Đông Hiệp P.Tân Bình P.Đông Hòa P.Bình An P.Bình Thắng",
    "725": "P.Lái Thiêu P.Bình Nhâm P.Vĩnh Phú P.Thuận Giao P.Hưng Định P.An Phú P.Bình Chuẩn "
           "P.An Thạnh X.An Sơn P.Bình Hòa",
    "726": "T.Tân Thành X.Đất Cuốc X.Tân Định X.Tân Mỹ X.Hiếu Liêm X.Thường Tân X.Lạc An T.Tân Bình "
           "X.Bình Mỹ X.Tân Lập",
}
_PREFIX = {"P": "Phường", "X": "Xã", "T": "Thị trấn"}

# new unit -> (former district, surrogate numbers of its old communes; a number in two units = split)
NEW_UNIT_COMPOSITION = {
    "BD25-01": ("718", (1, 2, 3, 4)), "BD25-02": ("718", (5, 6)), "BD25-03": ("718", (7, 8, 9)),
    "BD25-04": ("718", (10, 11)), "BD25-05": ("718", (12, 13, 14)),
    "BD25-06": ("721", (1, 2)), "BD25-07": ("721", (3,)), "BD25-08": ("721", (2, 4)),
    "BD25-09": ("721", (5, 6)), "BD25-10": ("721", (7, 4)), "BD25-11": ("721", (8,)),
    "BD25-12": ("723", (1, 2, 3)), "BD25-13": ("723", (4, 5, 6)), "BD25-14": ("723", (7, 8)),
    "BD25-15": ("723", (8, 6)), "BD25-16": ("723", (9, 10, 11, 12)),
    "BD25-17": ("724", (1, 2)), "BD25-18": ("724", (3, 4, 2)), "BD25-19": ("724", (5, 6, 7)),
    "BD25-20": ("725", (1, 2, 3)), "BD25-21": ("725", (4, 5)), "BD25-22": ("725", (6, 7)),
    "BD25-23": ("725", (8, 9, 5)), "BD25-24": ("725", (10, 3, 7)),
    "BD25-25": ("720", (1, 2, 3)), "BD25-26": ("720", (4, 5, 6)), "BD25-27": ("720", (7, 8, 9)),
    "BD25-28": ("720", (10, 11, 12)),
    "BD25-29": ("719", (1, 2, 3)), "BD25-30": ("719", (4, 5, 6, 7, 3)),
    "BD25-31": ("722", (1, 2, 3)), "BD25-32": ("722", (4, 5, 6)), "BD25-33": ("722", (7, 8, 9)),
    "BD25-34": ("722", (10, 11)),
    "BD25-35": ("726", (1, 2, 3, 4, 5)), "BD25-36": ("726", (6, 7, 5, 8, 9, 10)),
}

NEW_UNIT_NAMES = {
    f"BD25-{i:02d}": name
    for i, name in enumerate(
        "Phường Thủ Dầu Một|Phường Phú Lợi|Phường Bình Dương|Phường Phú An|Phường Chánh Hiệp|"
        "Phường Bến Cát|Phường Chánh Phú Hòa|Phường Long Nguyên|Phường Tây Nam|Phường Thới Hòa|"
        "Phường Hòa Lợi|Phường Tân Uyên|Phường Tân Khánh|Phường Vĩnh Tân|Phường Bình Cơ|"
        "Phường Tân Hiệp|Phường Dĩ An|Phường Tân Đông Hiệp|Phường Đông Hòa|Phường Lái Thiêu|"
        "Phường Thuận Giao|Phường An Phú|Phường Thuận An|Phường Bình Hòa|Xã Dầu Tiếng|Xã Minh Thạnh|"
        "Xã Long Hòa|Xã Thanh An|Xã Trừ Văn Thố|Xã Bàu Bàng|Xã Phú Giáo|Xã Phước Thành|Xã An Long|"
        "Xã Phước Hòa|Xã Bắc Tân Uyên|Xã Thường Tân".split("|"),
        start=1,
    )
}


@dataclass(frozen=True)
class Commune:
    code: str            # surrogate '<district>-NN'
    name_vi: str
    type_vi: str         # Phường | Xã | Thị trấn
    district_code: str


def communes_pre2025() -> tuple[Commune, ...]:
    out = []
    for district, text in _COMMUNES.items():
        for i, token in enumerate(_split_names(text), start=1):
            kind, name = token.split(".", 1)
            out.append(Commune(f"{district}-{i:02d}", f"{_PREFIX[kind]} {name}", _PREFIX[kind], district))
    return tuple(out)


def _split_names(text: str) -> list[str]:
    """'P.Phú Cường P.Hiệp Thành' -> ['P.Phú Cường', 'P.Hiệp Thành'] (names contain spaces)."""
    parts, current = [], []
    for word in text.split():
        if len(word) > 2 and word[1] == "." and word[0] in _PREFIX:
            if current:
                parts.append(" ".join(current))
            current = [word]
        else:
            current.append(word)
    parts.append(" ".join(current))
    return parts


@cache
def new_units_of_commune() -> dict[str, tuple[str, ...]]:
    """Old commune code -> the new unit(s) it went into (two for a split commune)."""
    out: dict[str, list[str]] = {}
    for new_code, (district, numbers) in NEW_UNIT_COMPOSITION.items():
        for n in numbers:
            out.setdefault(f"{district}-{n:02d}", []).append(new_code)
    return {k: tuple(v) for k, v in out.items()}


def assign_new_unit(rng: np.random.Generator, commune_codes: np.ndarray) -> np.ndarray:
    """The 2025 unit of an address in an old commune (a split commune: either side, at random)."""
    units = new_units_of_commune()
    options = [units[c] for c in commune_codes]
    picks = rng.random(len(options))
    return np.array([o[int(p * len(o))] for o, p in zip(options, picks)], dtype=object)
