"""Synthetic applicants: Vietnamese names, 12-digit citizen IDs (CCCD), mobile numbers.

All values are invented; IDs and phone numbers are unique by construction. ``typed_as_clerks_do``
reproduces how values arrive at a one-stop desk: '+84' prefixes, spaces, old 9-digit ID cards
(CMND), names in capitals with doubled spaces.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

SURNAMES = {
    "Nguyễn": 38, "Trần": 11, "Lê": 9.5, "Phạm": 7, "Huỳnh": 3, "Hoàng": 2, "Phan": 4.5, "Võ": 3,
    "Vũ": 1.5, "Đặng": 2, "Bùi": 2, "Đỗ": 1.4, "Hồ": 1.3, "Ngô": 1.3, "Dương": 1, "Lý": 0.5, "Trương": 1,
}
MIDDLE_MALE = ("Văn", "Minh", "Quốc", "Đức", "Hoàng", "Thanh", "Hữu", "Công", "Gia", "Tấn")
MIDDLE_FEMALE = ("Thị", "Ngọc", "Thu", "Kim", "Thanh", "Mỹ", "Bảo", "Phương", "Hồng", "Diệu")
GIVEN_MALE = ("An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khánh", "Long", "Minh", "Nam", "Phong",
              "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Vinh", "Huy", "Khoa", "Lộc")
GIVEN_FEMALE = ("An", "Chi", "Hà", "Hạnh", "Hòa", "Hương", "Lan", "Linh", "Mai", "Ngọc", "Nhung",
                "Phương", "Thảo", "Trang", "Vy", "Yến", "Hoa", "Loan", "Nhi", "Quỳnh", "Tiên", "Uyên")
BIRTH_PROVINCE_CODES = {"074": 40, "079": 8, "038": 6, "040": 6, "052": 4, "087": 4, "089": 4, "094": 4,
                        "001": 3, "036": 3, "042": 3, "070": 3, "080": 3, "082": 3, "084": 3, "096": 3}
MOBILE_PREFIXES = ("032", "033", "034", "035", "036", "037", "038", "039", "070", "076", "077", "078",
                   "079", "081", "082", "083", "084", "085", "086", "088", "089", "090", "091", "093",
                   "094", "096", "097", "098")


@dataclass(frozen=True)
class Citizens:
    full_name: np.ndarray
    citizen_id: np.ndarray   # 12-digit CCCD
    phone: np.ndarray        # 10-digit mobile


def _pick(rng, weights: dict[str, float], n: int) -> np.ndarray:
    keys = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return keys[rng.choice(len(keys), size=n, p=p / p.sum())]


def make_citizens(rng: np.random.Generator, n: int) -> Citizens:
    female = rng.random(n) < 0.52
    surname = _pick(rng, SURNAMES, n)
    middle = np.where(female, np.array(MIDDLE_FEMALE, dtype=object)[rng.integers(0, 10, n)],
                      np.array(MIDDLE_MALE, dtype=object)[rng.integers(0, 10, n)])
    given = np.where(female, np.array(GIVEN_FEMALE, dtype=object)[rng.integers(0, len(GIVEN_FEMALE), n)],
                     np.array(GIVEN_MALE, dtype=object)[rng.integers(0, len(GIVEN_MALE), n)])
    names = np.array([f"{s} {m} {g}" for s, m, g in zip(surname.tolist(), middle.tolist(), given.tolist())], dtype=object)

    born = rng.integers(1950, 2007, size=n)
    century_sex = (born >= 2000) * 2 + female  # 0/1: 1900s male/female, 2/3: 2000s
    serial = rng.choice(1_000_000, size=n, replace=False)   # unique suffix -> unique IDs
    province = _pick(rng, BIRTH_PROVINCE_CODES, n)
    ids = np.array([f"{p}{c}{y % 100:02d}{s:06d}" for p, c, y, s in
                    zip(province.tolist(), century_sex.tolist(), born.tolist(), serial.tolist())], dtype=object)

    prefixes = np.array(MOBILE_PREFIXES, dtype=object)[rng.integers(0, len(MOBILE_PREFIXES), n)]
    numbers = rng.choice(10_000_000, size=n, replace=False)
    phones = np.array([f"{p}{x:07d}" for p, x in zip(prefixes.tolist(), numbers.tolist())], dtype=object)
    return Citizens(names, ids, phones)


def typed_as_clerks_do(rng: np.random.Generator, name, citizen_id, phone, share: float = 0.02):
    """Formatting noise on a copy of the per-dossier values (the clear values stay recoverable)."""
    name, citizen_id, phone = name.copy(), citizen_id.copy(), phone.copy()
    n = len(name)
    caps = rng.random(n) < share
    name[caps] = np.array([v.upper().replace(" ", "  ", 1) for v in name[caps]], dtype=object)
    plus84 = rng.random(n) < share
    phone[plus84] = np.array([f"+84 {v[1:4]} {v[4:7]} {v[7:]}" for v in phone[plus84]], dtype=object)
    spaced = rng.random(n) < share
    phone[spaced] = np.array([f"{v[:4]} {v[4:7]} {v[7:]}" for v in phone[spaced]], dtype=object)
    old_card = rng.random(n) < share / 2  # 9-digit CMND still presented
    citizen_id[old_card] = np.array([v[3:] for v in citizen_id[old_card]], dtype=object)
    return name, citizen_id, phone
