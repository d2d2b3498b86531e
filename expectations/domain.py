"""Code lists the suites check against (shared/domain/REFERENCE.md). Plain data, no GX.

These are the codes the marts are expected to emit; a mart that changes its code list must
change it here too (the check fails loudly until it does).
"""

from __future__ import annotations

# VN_AQI bands (Decision 1459/QĐ-TCMT), as in dbt_project/seeds/ref_aqi_bands.csv:
# (low, high, code, Vietnamese label). The top band is open-ended: dbt extrapolates sub-indices
# above 500 from the last breakpoint segment.
AQI_BANDS: tuple[tuple[int, int | None, str, str], ...] = (
    (0, 50, "good", "Tốt"),
    (51, 100, "moderate", "Trung bình"),
    (101, 150, "poor", "Kém"),
    (151, 200, "bad", "Xấu"),
    (201, 300, "very_bad", "Rất xấu"),
    (301, None, "hazardous", "Nguy hại"),
)
AQI_BAND_CODES = tuple(code for _, _, code, _ in AQI_BANDS)
AQI_BAND_LABELS_VI = tuple(label for _, _, _, label in AQI_BANDS)
# Parameters with a VN_AQI sub-index (normalised symbols, "PM2,5" -> "PM2.5").
AQI_PARAMS = ("PM2.5", "PM10", "O3", "CO", "SO2", "NO2")

AQI_SCALE_MAX = 500  # top of the VN_AQI scale

PERIOD_GRAINS = ("hour", "day", "week", "month", "quarter", "year")
STATION_TYPES = ("ambient_air", "wastewater", "stack_emission")
# Averaging periods limits are judged on (dbt_project/seeds/ref_qcvn_limits.csv).
LIMIT_AVERAGINGS = ("1h", "8h", "24h")
LIMIT_KINDS = ("min", "max")  # a 'min' limit (pH) is exceeded from below
AREA_LEVELS = ("province", "district", "commune")
GEOGRAPHIES = ("pre_2025", "post_2025")
