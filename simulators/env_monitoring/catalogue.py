"""Station sites: where the stations stand and which area they belong to.

Names follow the province's real industrial parks (KCN) and monitoring sites, but the
coordinates are approximate and the 2025 commune of each site is a plausible pick among the
communes that ref_area_bridge.csv maps from the site's old district, not a surveyed fact.
All readings generated for these sites are synthetic.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Site:
    place: str  # used in the station name
    facility_name: str
    longitude: float
    latitude: float
    district_code: str  # GSO code, pre-2025
    commune_code_2025: str  # surrogate code from ref_areas.csv, consistent with the bridge
    qcvn_column: str | None  # None for ambient air: QCVN 05 has no A/B columns


# fmt: off
# Ambient air: roadside / residential sites of the provincial monitoring network.
AMBIENT_AIR_SITES = [
    Site("Ngã tư Sở Sao, Đại lộ Bình Dương", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.6780, 11.0010, "718", "BD25-02", None),
    Site("Phường Phú Hòa, Thủ Dầu Một", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.6710, 10.9790, "718", "BD25-01", None),
    Site("KCN Sóng Thần 1, Dĩ An", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.7530, 10.8960, "724", "BD25-17", None),
    Site("KCN VSIP I, Thuận An", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.7060, 10.9250, "725", "BD25-24", None),
    Site("KCN Mỹ Phước, Bến Cát", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.6030, 11.1370, "721", "BD25-06", None),
    Site("KCN Nam Tân Uyên, Tân Uyên", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.7700, 11.0560, "723", "BD25-13", None),
    Site("KCN Bàu Bàng", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.6330, 11.2540, "719", "BD25-30", None),
    Site("Thị trấn Dầu Tiếng", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.4150, 11.2720, "720", "BD25-25", None),
    Site("Thị trấn Phước Vĩnh, Phú Giáo", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.7990, 11.2930, "722", "BD25-31", None),
    Site("Tân Thành, Bắc Tân Uyên", "Mạng lưới quan trắc không khí tự động tỉnh Bình Dương",
         106.8250, 11.1400, "726", "BD25-35", None),
]

# Wastewater: outlets of industrial parks' central treatment plants.
WASTEWATER_SITES = [
    Site("KCN VSIP I", "Nhà máy XLNT tập trung KCN VSIP I",
         106.7080, 10.9300, "725", "BD25-24", "A"),
    Site("KCN VSIP II", "Nhà máy XLNT tập trung KCN VSIP II",
         106.6920, 11.0880, "718", "BD25-03", "B"),
    Site("KCN Mỹ Phước 2", "Nhà máy XLNT tập trung KCN Mỹ Phước 2",
         106.6090, 11.1530, "721", "BD25-06", "B"),
    Site("KCN Mỹ Phước 3", "Nhà máy XLNT tập trung KCN Mỹ Phước 3",
         106.6190, 11.1120, "721", "BD25-10", "B"),
    Site("KCN Sóng Thần 2", "Nhà máy XLNT tập trung KCN Sóng Thần 2",
         106.7440, 10.9170, "724", "BD25-17", "B"),
    Site("KCN Đồng An 2", "Nhà máy XLNT tập trung KCN Đồng An 2",
         106.6650, 11.0530, "718", "BD25-03", "B"),
    Site("KCN Nam Tân Uyên", "Nhà máy XLNT tập trung KCN Nam Tân Uyên",
         106.7740, 11.0610, "723", "BD25-13", "A"),
    Site("KCN Bàu Bàng", "Nhà máy XLNT tập trung KCN Bàu Bàng",
         106.6380, 11.2460, "719", "BD25-30", "B"),
    Site("KCN Tân Đông Hiệp B", "Nhà máy XLNT tập trung KCN Tân Đông Hiệp B",
         106.7780, 10.9220, "724", "BD25-18", "B"),
    Site("KCN Việt Hương", "Nhà máy XLNT tập trung KCN Việt Hương",
         106.7150, 10.9530, "725", "BD25-21", "B"),
    Site("KCN Rạch Bắp", "Nhà máy XLNT tập trung KCN Rạch Bắp",
         106.5830, 11.0790, "721", "BD25-08", "B"),
    Site("KCN Đất Cuốc", "Nhà máy XLNT tập trung KCN Đất Cuốc",
         106.8410, 11.1150, "726", "BD25-35", "A"),
]

# Stack emissions: boilers and kilns inside the parks (generic facilities, no company named).
STACK_SITES = [
    Site("KCN Mỹ Phước 3", "Nhà máy sản xuất giấy (lò hơi đốt than)",
         106.6230, 11.1080, "721", "BD25-10", "B"),
    Site("KCN Nam Tân Uyên", "Nhà máy dệt nhuộm (lò hơi đốt biomass)",
         106.7680, 11.0590, "723", "BD25-13", "B"),
    Site("KCN Tân Đông Hiệp B", "Nhà máy luyện thép (lò điện hồ quang)",
         106.7810, 10.9260, "724", "BD25-18", "A"),
    Site("KCN Đất Cuốc", "Nhà máy gạch ceramic (lò nung con lăn)",
         106.8380, 11.1180, "726", "BD25-35", "B"),
    Site("KCN Bàu Bàng", "Nhà máy chế biến gỗ (lò hơi đốt củi)",
         106.6350, 11.2500, "719", "BD25-30", "B"),
    Site("KCN Sóng Thần 3", "Nhà máy thực phẩm (lò hơi đốt dầu FO)",
         106.6620, 11.0420, "718", "BD25-04", "B"),
    Site("KCN Đồng An 1", "Nhà máy hóa chất (lò đốt khí)",
         106.7230, 10.9330, "725", "BD25-20", "B"),
]
# fmt: on
