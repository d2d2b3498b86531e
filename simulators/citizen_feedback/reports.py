"""Citizen reports (phản ánh hiện trường, hotline 1022) and what happens to them, in bulk.

Volume follows the calendar: weekdays busier than weekends, a dip over Tết, more environment
and flooding reports in the rainy season (May–October), steady growth as the app spreads.
Each report is received, assigned to an agency, handled, then resolved or rejected; some are
rated 1–5 by the citizen afterwards. Every step is a new version of the record.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulators.common.areas import COMMUNES_OF_DISTRICT
from simulators.common.local_time import LOCAL_OFFSET_S

# code: (Vietnamese name, share, median days to resolve, agencies, titles)
CATEGORIES = {
    "traffic": ("Giao thông", 0.18, 2.0, ("Phòng Cảnh sát giao thông – Công an tỉnh", "Sở Giao thông Vận tải"),
                ("Đèn tín hiệu giao thông hỏng", "Xe tải đậu lấn chiếm lòng đường", "Ổ gà, mặt đường hư hỏng")),
    "environment": ("Môi trường – ô nhiễm", 0.17, 4.0, ("Sở Tài nguyên và Môi trường", "UBND cấp xã"),
                    ("Khói bụi từ nhà máy", "Mùi hôi từ khu xử lý rác", "Nước thải chảy ra kênh rạch")),
    "urban_order": ("Trật tự đô thị", 0.20, 3.0, ("UBND cấp xã", "Đội Quản lý trật tự đô thị"),
                    ("Lấn chiếm vỉa hè buôn bán", "Xả rác không đúng nơi quy định", "Quảng cáo sai quy định")),
    "power_water": ("Điện – nước", 0.12, 1.0, ("Công ty Điện lực Bình Dương", "Công ty CP Nước – Môi trường Bình Dương"),
                    ("Mất điện kéo dài", "Nước sinh hoạt yếu, đục", "Rò rỉ đường ống cấp nước")),
    "public_services": ("Dịch vụ công – thủ tục hành chính", 0.10, 5.0, ("Trung tâm Phục vụ hành chính công tỉnh",),
                        ("Chậm giải quyết hồ sơ", "Cổng dịch vụ công trực tuyến bị lỗi")),
    "land_construction": ("Đất đai – xây dựng", 0.10, 10.0, ("Sở Xây dựng", "UBND cấp xã"),
                          ("Xây dựng không phép", "Tranh chấp ranh giới đất")),
    "security_order": ("An ninh trật tự", 0.08, 2.0, ("Công an tỉnh",),
                       ("Tụ tập gây mất trật tự", "Trộm cắp tài sản")),
    "health_education": ("Y tế – giáo dục", 0.05, 5.0, ("Sở Y tế", "Sở Giáo dục và Đào tạo"),
                         ("Trạm y tế đông, chờ lâu", "Thu các khoản phí trường học")),
}
CHANNELS = ("app", "hotline", "web", "zalo")
# (district, share of reports, centre lon, centre lat)
DISTRICTS = (("725", 0.22, 106.71, 10.93), ("724", 0.20, 106.77, 10.90), ("718", 0.16, 106.66, 10.99),
             ("723", 0.12, 106.76, 11.06), ("721", 0.11, 106.59, 11.13), ("719", 0.04, 106.63, 11.26),
             ("722", 0.05, 106.80, 11.28), ("726", 0.05, 106.85, 11.14), ("720", 0.05, 106.40, 11.27))
REFORM_EPOCH = 1751302800  # 2025-07-01 00:00 local: districts abolished, communes recoded


@dataclass(frozen=True)
class Reports:
    """One entry per report; event times are epoch seconds, NaN when the step never happened."""
    received: np.ndarray
    created: np.ndarray          # when it was entered in the system (late for backlogged hotline calls)
    assigned: np.ndarray
    in_progress: np.ndarray
    closed: np.ndarray           # resolved or rejected
    rated: np.ndarray
    rejected: np.ndarray         # bool
    satisfaction: np.ndarray     # 1..5, 0 when never rated
    category: np.ndarray
    channel: np.ndarray
    district: np.ndarray
    commune: np.ndarray
    longitude: np.ndarray
    latitude: np.ndarray
    agency: np.ndarray
    title: np.ndarray
    reporter: np.ndarray         # index into the people, -1 when anonymous


def daily_volume(day_start: np.ndarray, per_day: float, period_start: int) -> np.ndarray:
    wall = (day_start + LOCAL_OFFSET_S).astype("datetime64[s]")
    month = wall.astype("datetime64[M]").astype(int) % 12 + 1
    weekday = ((day_start + LOCAL_OFFSET_S) // 86400 + 3) % 7
    weekly = np.select([weekday == 5, weekday == 6], [0.8, 0.6], 1.1)
    rainy = np.where((month >= 5) & (month <= 10), 1.15, 1.0)
    day_of_year = (wall - wall.astype("datetime64[Y]")).astype("timedelta64[D]").astype(int)
    tet = np.where((day_of_year >= 25) & (day_of_year < 45), 0.55, 1.0)  # approximate: late Jan to mid Feb
    growth = 1.0 + 0.15 * (day_start - period_start) / (365 * 86400)
    return per_day * weekly * rainy * tet * growth


def simulate_reports(rng: np.random.Generator, start: int, end: int, per_day: float, n_people: int) -> Reports:
    day_start = np.arange(start, end, 86400)
    counts = rng.poisson(daily_volume(day_start, per_day, start))
    n = int(counts.sum())
    hour = np.clip(rng.choice([9.5, 15.0, 20.0], size=n, p=[0.5, 0.35, 0.15]) + rng.normal(0, 1.8, n), 0, 23.99)
    received = np.sort(np.repeat(day_start, counts) + (hour * 3600).astype(np.int64)).astype(float)

    codes = np.array(list(CATEGORIES))
    shares = np.array([c[1] for c in CATEGORIES.values()])
    cat = rng.choice(len(codes), size=n, p=shares / shares.sum())
    category = codes[cat]
    zalo_growth = np.clip((received - start) / (end - start), 0, 1)
    channel_p = np.stack([0.47 - 0.07 * zalo_growth, np.full(n, 0.30), np.full(n, 0.13),
                          0.10 + 0.07 * zalo_growth], axis=1)
    channel = np.array(CHANNELS)[(rng.random(n)[:, None] > np.cumsum(channel_p, axis=1)).sum(axis=1)]

    entry_delay = np.where(channel == "hotline", rng.uniform(60, 1200, n), rng.uniform(1, 30, n))
    created = received + entry_delay
    assigned = created + rng.lognormal(np.log(2 * 3600), 1.0, n)
    in_progress = assigned + rng.lognormal(np.log(6 * 3600), 0.8, n)
    median_days = np.array([c[2] for c in CATEGORIES.values()])[cat]
    rejected = rng.random(n) < 0.06
    closed = np.where(rejected, assigned + rng.uniform(3600, 3 * 86400, n),
                      in_progress + rng.lognormal(np.log(median_days * 86400), 0.9, n))
    never_closed = rng.random(n) < 0.02  # stuck: still in progress whatever the date
    closed[never_closed] = np.nan
    slow = (closed - received) > 7 * 86400
    rated_share = np.where(rejected | np.isnan(closed), 0.0, 0.55)
    rated = np.where(rng.random(n) < rated_share, closed + rng.lognormal(np.log(86400), 1.0, n), np.nan)
    satisfaction = np.where(np.isnan(rated), 0, 1 + (rng.random(n)[:, None] > np.cumsum(
        np.where(slow[:, None], [0.15, 0.2, 0.3, 0.25, 0.1], [0.04, 0.06, 0.15, 0.33, 0.42]), axis=1)).sum(axis=1))

    d_shares = np.array([d[1] for d in DISTRICTS])
    d_index = rng.choice(len(DISTRICTS), size=n, p=d_shares / d_shares.sum())
    district = np.array([d[0] for d in DISTRICTS])[d_index]
    commune = _pick(rng, [COMMUNES_OF_DISTRICT[d[0]] for d in DISTRICTS], d_index)
    longitude = np.round(np.array([d[2] for d in DISTRICTS])[d_index] + rng.normal(0, 0.02, n), 6)
    latitude = np.round(np.array([d[3] for d in DISTRICTS])[d_index] + rng.normal(0, 0.02, n), 6)
    agency = _pick(rng, [c[3] for c in CATEGORIES.values()], cat)
    title = _pick(rng, [c[4] for c in CATEGORIES.values()], cat)
    repeat_reporter = rng.zipf(1.8, n) % n_people
    anonymous = (channel == "app") & (rng.random(n) < 0.15)
    reporter = np.where(anonymous, -1, np.where(rng.random(n) < 0.3, repeat_reporter, rng.integers(0, n_people, n)))
    return Reports(received, created, assigned, in_progress, closed, rated, rejected, satisfaction, category,
                   channel, district, commune, longitude, latitude, agency, title, reporter)


def _pick(rng: np.random.Generator, options: list[tuple[str, ...]], group: np.ndarray) -> np.ndarray:
    """For each row, one of ``options[group[row]]`` uniformly at random."""
    width = max(len(o) for o in options)
    table = np.array([list(o) + [o[0]] * (width - len(o)) for o in options], dtype=object)
    sizes = np.array([len(o) for o in options])
    return table[group, (rng.random(len(group)) * sizes[group]).astype(int)]
