"""New enterprises, drawn in bulk: identity, industry, location, capital, size."""

from __future__ import annotations

import numpy as np

from simulators.business_registry import catalogue as cat
from simulators.business_registry.clock import REFORM_AT
from simulators.gis.areas import DISTRICTS, assign_new_unit, communes_pre2025

COMMUNES = communes_pre2025()
FIRST_TAX_CODE = 3_700_100_000  # Binh Duong tax codes start with 37


def _choice(rng: np.random.Generator, weights: dict[str, float], n: int) -> np.ndarray:
    keys = np.array(list(weights), dtype=object)
    p = np.array(list(weights.values()), dtype=float)
    return keys[rng.choice(len(keys), size=n, p=p / p.sum())]


def new_enterprises(rng: np.random.Generator, registered_at: np.ndarray, next_code: int) -> dict[str, np.ndarray]:
    """One row per registration time (sorted ascending); codes follow registration order."""
    n = len(registered_at)
    codes = next_code + np.cumsum(rng.integers(1, 900, size=n))
    legal_form = _choice(rng, cat.LEGAL_FORM_WEIGHTS, n)
    vsic = _choice(rng, cat.VSIC4_WEIGHTS, n)
    legacy = (registered_at < np.datetime64("2010-01-01")) & (rng.random(n) < 0.3)
    vsic = np.where(legacy, np.array([v[:2] for v in vsic], dtype=object), vsic)  # old records: division only
    section = np.array([cat.section_of(v) for v in vsic], dtype=object)
    is_fdi = rng.random(n) < np.where(section == "C", 0.16, 0.04)
    country = np.where(is_fdi, _choice(rng, cat.FDI_COUNTRY_WEIGHTS, n), None)

    district_weights = {d.code: d.economic_weight for d in DISTRICTS}
    district = _choice(rng, district_weights, n)
    commune = _commune_in(rng, district)
    after_reform = registered_at >= REFORM_AT
    commune_2025 = np.where(after_reform, assign_new_unit(rng, commune), None)

    capital = np.exp(rng.normal(np.log(np.where(is_fdi, 45e9, 2e9)), np.where(is_fdi, 1.2, 1.3)))
    capital = (np.round(capital / 1e6) * 1e6).astype(np.int64).clip(10_000_000)
    employees = np.exp(rng.normal(np.where(is_fdi, np.log(180), np.log(6)), 1.1)).astype(np.int64) + 1

    return {
        "enterprise_code": np.array([str(c) for c in codes], dtype=object),
        "enterprise_name": _names(rng, legal_form, section, is_fdi),
        "legal_form": legal_form,
        "vsic_code": vsic,
        "district_code": np.where(after_reform, None, district),
        "commune_code": np.where(after_reform, None, commune),
        "commune_code_2025": commune_2025,
        "registered_capital_vnd": capital,
        "is_fdi": is_fdi.astype(np.int64),
        "fdi_country": country,
        "employees": employees,
        "enterprise_size": _size(vsic, employees),
        "registration_date": registered_at.astype("datetime64[D]"),
        "status": np.full(n, "active", dtype=object),
        "updated_at": registered_at,
    }


def _commune_in(rng: np.random.Generator, district: np.ndarray) -> np.ndarray:
    by_district: dict[str, list[str]] = {}
    for c in COMMUNES:
        by_district.setdefault(c.district_code, []).append(c.code)
    out = np.empty(len(district), dtype=object)
    for code, communes in by_district.items():
        mask = district == code
        out[mask] = np.array(communes, dtype=object)[rng.integers(0, len(communes), size=mask.sum())]
    return out


def _size(vsic: np.ndarray, employees: np.ndarray) -> np.ndarray:
    industrial = np.array([v[:2] in cat.INDUSTRIAL_DIVISIONS for v in vsic], dtype=bool)
    out = np.full(len(vsic), "large", dtype=object)
    for limits, mask in ((cat.SIZE_LIMITS_INDUSTRY, industrial), (cat.SIZE_LIMITS_SERVICES, ~industrial)):
        for max_employees, size in reversed(limits):
            out[mask & (employees <= max_employees)] = size
    return out


def _names(rng: np.random.Generator, legal_form, section, is_fdi) -> np.ndarray:
    n = len(legal_form)
    s = cat.BRAND_SYLLABLES
    a, b = rng.integers(0, len(s), size=n), rng.integers(0, len(s), size=n)
    foreign = rng.integers(0, len(cat.FOREIGN_BRANDS), size=n)
    word = rng.integers(0, 3, size=n)
    names = []
    for i in range(n):
        prefix = cat.LEGAL_FORM_PREFIX[legal_form[i]]
        activity = cat.ACTIVITY_WORDS[section[i]][word[i]]
        if is_fdi[i]:
            names.append(f"{prefix} {cat.FOREIGN_BRANDS[foreign[i]]} {activity} VIỆT NAM")
        else:
            names.append(f"{prefix} {activity} {s[a[i]]} {s[b[i]]}")
    return np.array(names, dtype=object)
