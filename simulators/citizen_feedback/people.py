"""Reporters: Vietnamese names and mobile numbers, written the way each channel writes them.

Personal data exists only in the stand-in (as in the real system); the connector pseudonymises
it before anything lands. Some people report again and again, so pseudonyms must be stable.
"""

from __future__ import annotations

import unicodedata

import numpy as np

FAMILY = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
          "Hồ", "Ngô", "Dương", "Lý")
FAMILY_SHARES = np.array([38, 11, 9.5, 7, 5.1, 5, 4.5, 3.9, 3.5, 2.1, 2, 1.4, 1.3, 1.3, 1, 0.5])
MIDDLE = ("Văn", "Thị", "Minh", "Ngọc", "Thanh", "Hoàng", "Quốc", "Thu", "Đức", "Hữu", "Kim", "Bảo")
GIVEN = ("An", "Bình", "Cường", "Dũng", "Hà", "Hải", "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh",
         "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Nhung", "Phúc", "Phương", "Quân",
         "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tuấn", "Vy", "Yến", "Đạt", "Khoa", "Lộc")
MOBILE_PREFIXES = ("090", "091", "093", "094", "096", "097", "098", "032", "033", "034", "035", "036",
                   "037", "038", "039", "070", "076", "077", "078", "079", "081", "082", "083", "084",
                   "085", "086", "088", "089")


def people(rng: np.random.Generator, n: int) -> tuple[np.ndarray, np.ndarray]:
    """``n`` people: full names and national-format mobile numbers ('0912345678')."""
    family = np.array(FAMILY)[rng.choice(len(FAMILY), n, p=FAMILY_SHARES / FAMILY_SHARES.sum())]
    middle = np.array(MIDDLE)[rng.integers(len(MIDDLE), size=n)]
    given = np.array(GIVEN)[rng.integers(len(GIVEN), size=n)]
    names = np.char.add(np.char.add(np.char.add(family, " "), np.char.add(middle, " ")), given)
    prefixes = np.array(MOBILE_PREFIXES)[rng.integers(len(MOBILE_PREFIXES), size=n)]
    phones = np.char.add(prefixes, np.char.zfill(rng.integers(0, 10**7, size=n).astype(str), 7))
    return names.astype(object), phones.astype(object)


def phone_as_written(phone: str, channel: str) -> str:
    """How each channel records the same number: spaced, +84, bare, 84."""
    if channel == "hotline":
        return f"{phone[:4]} {phone[4:7]} {phone[7:]}"
    if channel == "app":
        return "+84" + phone[1:]
    if channel == "zalo":
        return "84" + phone[1:]
    return phone


def name_as_written(name: str, rng: np.random.Generator) -> str:
    """Operators type in capitals; some input methods store decomposed accents (NFD)."""
    roll = rng.random()
    if roll < 0.05:
        return name.upper()
    if roll < 0.08:
        return unicodedata.normalize("NFD", name)
    if roll < 0.10:
        return f"  {name} "
    return name
