"""What each station type measures, at which typical level, and how it misbehaves.

The limits here only *shape* the synthetic data (so that a few per cent of hours exceed
them); the limits the warehouse checks against live in dbt seeds with validity dates.
QCVN 40:2011 (wastewater) and QCVN 19:2009 (stack) columns A/B; QCVN 19 column A is the
unverified default from the domain reference.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ParamSpec:
    symbol: str  # exactly as the station firmware writes it (note "PM2,5")
    unit: str
    decimals: int
    level: float  # typical level; for limit-shaped params a fraction of the column's limit
    profile: str  # diurnal profile name, see profiles.py
    noise: float  # multiplicative params: sigma of log-noise; additive: absolute sigma
    additive: bool = False  # pH, Temp, O2 wander around a level instead of scaling with activity
    limit: dict[str, float] = field(default_factory=dict)  # QCVN column -> limit, if level is a fraction of it
    can_be_negative: bool = False

    def typical(self, column: str | None) -> float:
        return self.level * self.limit[column] if self.limit else self.level


@dataclass(frozen=True)
class Episode:
    """A multi-hour exceedance: the listed params move to target levels.

    Targets are multiples of the column limit for limit-shaped params, absolute values
    otherwise (pH, O2, ambient air in µg/m3).
    """

    name: str
    targets: dict[str, tuple[float, float]]


AMBIENT_AIR = [
    ParamSpec("PM2,5", "µg/m3", 1, 24.0, "traffic", 0.16),
    ParamSpec("PM10", "µg/m3", 1, 40.0, "traffic", 0.16),
    ParamSpec("SO2", "µg/m3", 1, 16.0, "industry", 0.20),
    ParamSpec("NO2", "µg/m3", 1, 30.0, "traffic", 0.18),
    ParamSpec("CO", "µg/m3", 0, 1100.0, "traffic", 0.15),
    ParamSpec("O3", "µg/m3", 1, 42.0, "photochemical", 0.15),
]

WASTEWATER = [
    ParamSpec("pH", "-", 2, 7.2, "flat", 0.12, additive=True),
    ParamSpec("COD", "mg/L", 1, 0.48, "shift_lagged", 0.10, limit={"A": 75.0, "B": 150.0}),
    ParamSpec("TSS", "mg/L", 1, 0.40, "shift_lagged", 0.14, limit={"A": 50.0, "B": 100.0}),
    ParamSpec("NH4", "mg/L", 2, 0.30, "shift_lagged", 0.16, limit={"A": 5.0, "B": 10.0}),
    ParamSpec("Temp", "°C", 1, 30.5, "afternoon", 0.35, additive=True, can_be_negative=True),
    ParamSpec("Flow", "m3/h", 1, 450.0, "shift_lagged", 0.08),
]

STACK_EMISSION = [
    ParamSpec("Dust", "mg/Nm3", 1, 0.35, "shift", 0.14, limit={"A": 400.0, "B": 200.0}),
    ParamSpec("SO2", "mg/Nm3", 1, 0.45, "shift", 0.12, limit={"A": 1500.0, "B": 500.0}),
    ParamSpec("NOx", "mg/Nm3", 1, 0.45, "shift", 0.10, limit={"A": 1000.0, "B": 850.0}),
    ParamSpec("CO", "mg/Nm3", 1, 0.25, "shift", 0.20, limit={"A": 1000.0, "B": 1000.0}),
    ParamSpec("O2", "%", 2, 11.0, "flat", 0.50, additive=True),
    ParamSpec("Flow", "m3/h", 0, 45000.0, "shift", 0.06),
]

PARAMS = {"ambient_air": AMBIENT_AIR, "wastewater": WASTEWATER, "stack_emission": STACK_EMISSION}

EPISODES = {
    # Smoke from open burning or a jam at a site: PM2.5 into the VN_AQI "Xấu" band and beyond.
    "ambient_air": [
        Episode(
            "smoke", {"PM2,5": (85.0, 170.0), "PM10": (140.0, 280.0), "CO": (2500.0, 6000.0), "NO2": (60.0, 130.0)}
        ),
    ],
    "wastewater": [
        Episode("treatment upset", {"COD": (1.1, 1.8), "TSS": (1.1, 2.2)}),
        Episode("nitrification failure", {"NH4": (1.2, 2.6)}),
        Episode("acid discharge", {"pH": (4.4, 5.3)}),
        Episode("alkaline discharge", {"pH": (9.2, 10.3)}),
    ],
    "stack_emission": [
        Episode("bag filter breach", {"Dust": (1.1, 2.3)}),
        Episode("high-sulphur fuel", {"SO2": (1.05, 1.6)}),
        Episode("poor combustion", {"CO": (1.1, 3.0), "O2": (6.0, 8.0)}),
        Episode("hot burner", {"NOx": (1.05, 1.4)}),
    ],
}

# Episodes per station-day (Poisson) and their length in hours: ~3% of station-hours.
EPISODE_RATE_PER_DAY = {"ambient_air": 0.12, "wastewater": 0.18, "stack_emission": 0.22}
EPISODE_HOURS = (1, 6)
