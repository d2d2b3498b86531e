"""The simulated station fleet and its registry file (``stations.csv``)."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from simulators.env_monitoring.catalogue import AMBIENT_AIR_SITES, STACK_SITES, WASTEWATER_SITES, Site

# station_type -> (code infix, sites, how the station name starts)
STATION_TYPES = {
    "ambient_air": ("AIR", AMBIENT_AIR_SITES, "Trạm quan trắc không khí tự động"),
    "wastewater": ("WW", WASTEWATER_SITES, "Trạm quan trắc nước thải tự động"),
    "stack_emission": ("STK", STACK_SITES, "Trạm quan trắc khí thải tự động"),
}

REGISTRY_COLUMNS = [
    "station_code",
    "station_name",
    "station_type",
    "facility_name",
    "longitude",
    "latitude",
    "district_code",
    "commune_code_2025",
    "qcvn_column",
]


@dataclass(frozen=True)
class Station:
    code: str
    station_type: str
    name: str
    site: Site
    type_index: int  # 0-based position within its type; keys the station's random stream


def build_fleet(n_air: int, n_wastewater: int, n_stack: int) -> list[Station]:
    """Stations in a stable order. Asking for more stations than the catalogue has sites
    re-uses sites as second monitoring points, slightly offset, so any fleet size works."""
    fleet = []
    for station_type, count in (("ambient_air", n_air), ("wastewater", n_wastewater), ("stack_emission", n_stack)):
        infix, sites, name_prefix = STATION_TYPES[station_type]
        for i in range(count):
            site = sites[i % len(sites)]
            round_ = i // len(sites)
            name = f"{name_prefix} {site.place}"
            if round_:
                name += f" (điểm {round_ + 1})"
                site = Site(
                    **{
                        **site.__dict__,
                        "longitude": site.longitude + 0.004 * round_,
                        "latitude": site.latitude + 0.003 * round_,
                    }
                )
            fleet.append(Station(f"BD_{infix}_{i + 1:02d}", station_type, name, site, i))
    return fleet


def registry_csv(fleet: list[Station]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(REGISTRY_COLUMNS)
    for s in fleet:
        writer.writerow(
            [
                s.code,
                s.name,
                s.station_type,
                s.site.facility_name,
                f"{s.site.longitude:.4f}",
                f"{s.site.latitude:.4f}",
                s.site.district_code,
                s.site.commune_code_2025,
                s.site.qcvn_column or "",
            ]
        )
    return buffer.getvalue()


def write_registry(fleet: list[Station], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(registry_csv(fleet), encoding="utf-8")
