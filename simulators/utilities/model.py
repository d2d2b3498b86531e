"""Monthly water and power figures by commune (aggregated to districts before the 2025 reform).

Orders of magnitude for Bình Dương: ~900,000 households; BIWASE bills ~14 million m³ a month
with non-revenue water around 5–6 %; PC Bình Dương sells ~1.6 million MWh a month, three
quarters of it to industry (Thuận An, Dĩ An, Bến Cát, Tân Uyên, Bàu Bàng industrial parks).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from simulators.common import areas

SECTORS = [
    ("industry_construction", "Công nghiệp - Xây dựng"),
    ("agriculture", "Nông, lâm nghiệp, thủy sản"),
    ("commerce_services", "Thương mại - Dịch vụ"),
    ("households", "Quản lý và tiêu dùng dân cư"),
    ("other", "Hoạt động khác"),
]
PLANTS = {
    "718": ("NMN-TH", "Nhà máy nước Tân Hiệp"), "719": ("NMN-BB", "Nhà máy nước Bàu Bàng"),
    "720": ("NMN-DT", "Nhà máy nước Dầu Tiếng"), "721": ("NMN-MP", "Nhà máy nước Mỹ Phước"),
    "722": ("NMN-PV", "Nhà máy nước Phước Vĩnh"), "723": ("NMN-TU", "Nhà máy nước Tân Uyên"),
    "724": ("NMN-DA", "Nhà máy nước Dĩ An"), "725": ("NMN-DA", "Nhà máy nước Dĩ An"),
    "726": ("NMN-TU", "Nhà máy nước Tân Uyên"),
}
# per district: households (thousands), industrial weight, urban (coverage) level
DISTRICT_PROFILE = {
    "718": (105, 0.6, 0.99), "719": (35, 1.2, 0.88), "720": (40, 0.3, 0.84), "721": (95, 1.3, 0.95),
    "722": (30, 0.2, 0.82), "723": (110, 1.2, 0.94), "724": (170, 1.0, 0.99), "725": (220, 1.3, 0.99),
    "726": (25, 0.8, 0.85),
}
WATER_SEASON = np.array([1.00, 1.02, 1.08, 1.09, 1.04, 0.98, 0.96, 0.96, 0.95, 0.96, 0.98, 1.00])
POWER_SEASON = np.array([0.92, 0.80, 1.02, 1.08, 1.08, 1.03, 1.01, 1.01, 0.99, 1.00, 1.00, 1.02])


@dataclass(frozen=True)
class CommuneProfile:
    code: str
    district: str
    households: float       # in the first month
    industry: float
    coverage: float


def commune_profiles(rng: np.random.Generator) -> list[CommuneProfile]:
    profiles = []
    for d in areas.DISTRICTS:
        communes = [c for c, dd in areas.COMMUNE_DISTRICT.items() if dd == d]
        hh, industry, coverage = DISTRICT_PROFILE[d]
        shares = rng.dirichlet(np.full(len(communes), 5.0))
        for c, s in zip(communes, shares):
            profiles.append(CommuneProfile(c, d, hh * 1000 * s, industry * rng.uniform(0.5, 1.5),
                                           float(min(0.998, coverage + rng.normal(0, 0.02)))))
    return profiles


def month_figures(rng: np.random.Generator, profiles: list[CommuneProfile], t: int, calendar_month: int) -> dict:
    """Arrays over communes for month index t (households grow ~3.5 % a year)."""
    growth = 1.035 ** (t / 12)
    hh_total = np.array([p.households for p in profiles]) * growth
    coverage = np.minimum(0.999, np.array([p.coverage for p in profiles]) + 0.002 * t / 12)
    served = np.round(hh_total * coverage)
    industry = np.array([p.industry for p in profiles])
    billed = (served * rng.uniform(14, 18, len(profiles)) + industry * 60_000) * WATER_SEASON[calendar_month - 1]
    nrw = rng.uniform(0.035, 0.075, len(profiles))
    produced = billed / (1 - nrw)
    season = POWER_SEASON[calendar_month - 1]
    energy = np.stack([
        industry * 28_000 * growth * season * rng.lognormal(0, 0.05, len(profiles)),   # industry (MWh)
        (1 - coverage + 0.05) * hh_total * 0.012 * rng.lognormal(0, 0.1, len(profiles)),  # agriculture
        hh_total * 0.035 * season * rng.lognormal(0, 0.08, len(profiles)),             # commerce
        served * 0.26 * season * rng.lognormal(0, 0.05, len(profiles)),                # households
        hh_total * 0.012 * rng.lognormal(0, 0.1, len(profiles)),                       # other
    ], axis=1)
    customers = np.round(hh_total * 1.08 + industry * 400)
    saidi = rng.gamma(2.0, 18.0, len(profiles)) * (1.6 if calendar_month in (5, 6, 7, 8, 9) else 1.0)  # storms
    return dict(households_total=np.round(hh_total), households_served=served, billed=np.round(billed),
                produced=np.round(produced), connections=np.round(served * 1.04), energy=energy, customers=customers,
                saidi=saidi, saifi=saidi / rng.uniform(45, 90, len(profiles)),
                outage_hours=saidi * rng.uniform(0.08, 0.2, len(profiles)))


def aggregate_to_districts(profiles: list[CommuneProfile], values: np.ndarray) -> np.ndarray:
    """Sum commune rows into the 9 districts (axis 0)."""
    index = np.array([areas.DISTRICTS.index(p.district) for p in profiles])
    out = np.zeros((len(areas.DISTRICTS),) + values.shape[1:])
    np.add.at(out, index, values)
    return out
