"""Parameter symbols and status codes of Circular 10/2021 station files."""

from __future__ import annotations

SOURCE_SYSTEM = "env_monitoring"

# fmt: off
_FIELD_SYMBOLS = (  # symbols in use in the field (domain reference, section 3)
    "Flow", "Temp", "Color", "pH", "TSS", "COD", "NH4", "TP", "TN", "TOC", "Cl", "RH", "P", "NO",
    "NO2", "CO", "SO2", "O2", "H2S", "NH3", "VHg", "PM", "O3", "PM10",
)
_OTHER_QCVN_SYMBOLS = (  # stack dust and NOx, ambient TSP, lab-style wastewater parameters
    "Dust", "NOx", "TSP", "BOD5", "Coliform",
)
# fmt: on

# Symbol as written -> normalised symbol. "PM2,5" is written with a decimal comma by the
# station firmware; downstream (dbt seeds, AQI) uses "PM2.5".
PARAM_SYMBOLS: dict[str, str] = {s: s for s in _FIELD_SYMBOLS + _OTHER_QCVN_SYMBOLS} | {
    "PM2,5": "PM2.5",
    "PM2.5": "PM2.5",
}

# Everything measured is a concentration, a flow or a non-negative index except temperature.
MAY_BE_NEGATIVE = frozenset({"Temp"})

# 00 measuring/normal, 01 calibrating, 02 device fault.
STATUS_CODES = ("00", "01", "02")
