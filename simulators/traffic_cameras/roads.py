"""The road network the cameras watch: named roads as rough polylines, and known hotspots.

Coordinates are approximate (good to a few hundred metres), enough for maps and for placing
cameras in the right district. Each waypoint carries the pre-2025 district (GSO code) of the
segment that starts there; communes after 2025-07-01 follow ``ref_area_bridge.csv``.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Road:
    name: str
    locations: int              # camera locations on it (205 in total)
    free_speed_kmh: float       # typical free-flow speed of the motorbike-dominated mix
    capacity_per_5min: float    # vehicles per 5 minutes past one camera before speeds collapse
    truck_share: float          # share of trucks in the daytime mix
    waypoints: tuple[tuple[float, float, str], ...]  # (longitude, latitude, district_code)


ROADS: tuple[Road, ...] = (
    Road("Đại lộ Bình Dương", 30, 48, 620, 0.06, (
        (106.7145, 10.8885, "725"), (106.7030, 10.9050, "725"), (106.6900, 10.9500, "725"),
        (106.6720, 10.9900, "718"), (106.6450, 11.0500, "718"))),
    Road("QL13", 22, 55, 520, 0.10, (
        (106.6450, 11.0500, "721"), (106.6000, 11.1000, "721"), (106.5900, 11.1500, "721"),
        (106.6300, 11.2700, "719"), (106.6200, 11.4000, "719"))),
    Road("QL1K", 18, 45, 560, 0.12, (
        (106.7680, 10.8780, "724"), (106.7600, 10.8950, "724"), (106.8000, 10.9100, "724"))),
    Road("Mỹ Phước–Tân Vạn", 25, 60, 600, 0.14, (
        (106.7900, 10.9200, "724"), (106.7600, 10.9600, "724"), (106.7300, 11.0000, "723"),
        (106.6900, 11.0600, "718"), (106.6300, 11.1200, "721"))),
    Road("ĐT743", 25, 42, 480, 0.08, (
        (106.7550, 10.8950, "724"), (106.7400, 10.9200, "724"), (106.7200, 10.9700, "725"),
        (106.7300, 11.0300, "723"))),
    Road("ĐT741", 22, 50, 420, 0.09, (
        (106.6950, 11.0300, "718"), (106.7200, 11.1000, "723"), (106.7900, 11.2700, "722"),
        (106.8200, 11.3500, "722"))),
    Road("ĐT742", 12, 45, 360, 0.06, (
        (106.6800, 11.0000, "718"), (106.7300, 11.0900, "723"))),
    Road("ĐT744", 15, 50, 340, 0.08, (
        (106.6600, 11.0200, "718"), (106.5600, 11.1300, "721"), (106.4000, 11.2700, "720"))),
    Road("ĐT746", 12, 50, 320, 0.10, (
        (106.7800, 11.0400, "723"), (106.8500, 11.1000, "726"), (106.8900, 11.1700, "726"))),
    Road("ĐT747", 10, 45, 300, 0.09, (
        (106.8000, 11.0600, "723"), (106.8200, 11.1200, "726"))),
    Road("ĐT745", 8, 40, 300, 0.05, (
        (106.6900, 10.9300, "725"), (106.6600, 10.9700, "718"))),
    Road("ĐT750", 6, 50, 220, 0.07, (
        (106.4500, 11.3000, "720"), (106.3600, 11.2800, "720"))),
)

# (road, position along it 0..1, name, severity 0..1): where the daily jams happen.
HOTSPOTS: tuple[tuple[str, float, str, float], ...] = (
    ("Đại lộ Bình Dương", 0.00, "Ngã tư Bình Phước", 1.0),
    ("Đại lộ Bình Dương", 0.30, "Ngã tư Cầu Ông Bố", 0.7),
    ("Đại lộ Bình Dương", 0.55, "Ngã tư Hòa Lân", 0.8),
    ("Đại lộ Bình Dương", 0.80, "Ngã tư Sở Sao", 0.9),
    ("QL1K", 0.20, "Cầu vượt Sóng Thần", 0.9),
    ("QL1K", 1.00, "Ngã ba Tân Vạn", 1.0),
    ("Mỹ Phước–Tân Vạn", 0.10, "Nút giao Tân Vạn – Mỹ Phước", 0.7),
    ("ĐT743", 0.25, "Ngã tư 550", 0.9),
    ("ĐT743", 0.55, "Ngã tư Chòm Sao", 0.7),
    ("ĐT743", 0.85, "Vòng xoay Tân Phước Khánh", 0.6),
    ("ĐT741", 0.05, "Ngã tư Phú Văn", 0.6),
    ("ĐT742", 0.10, "Ngã tư Chợ Đình", 0.5),
    ("ĐT745", 0.10, "Chợ Lái Thiêu", 0.6),
    ("QL13", 0.25, "Ngã tư Bến Cát", 0.5),
)
