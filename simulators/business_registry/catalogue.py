"""What Binh Duong's enterprises look like: industries, investor countries, names, legal forms.

Weights are plausible shares for an industrial province (manufacturing, wholesale, logistics,
construction dominate), not official statistics.
"""

from __future__ import annotations

# VSIC 2018 level-4 codes with a share of registrations.
VSIC4_WEIGHTS = {
    "1410": 6.0, "1520": 3.0, "3100": 5.0, "1629": 2.0, "1622": 1.5, "2220": 3.0, "2599": 2.5,
    "2511": 2.0, "2610": 1.0, "2710": 0.7, "1079": 1.5, "1702": 1.0, "2399": 0.8, "1311": 0.8,
    "4100": 5.0, "4210": 1.5, "4290": 1.0, "4330": 2.5, "4321": 1.5,
    "4610": 3.0, "4659": 6.0, "4669": 5.0, "4649": 4.0, "4663": 3.0, "4711": 3.0, "4752": 2.0,
    "4511": 1.0, "4520": 1.5, "4933": 4.0, "5210": 2.5, "5229": 1.5,
    "5510": 0.8, "5610": 2.5, "6201": 1.2, "6202": 0.6, "6810": 3.0, "6820": 1.0,
    "7020": 1.5, "7110": 1.5, "7310": 0.8, "7810": 0.8, "7710": 0.6, "8559": 1.0, "8610": 0.4,
    "9610": 0.5, "0125": 0.5, "0146": 0.5, "3811": 0.4, "3600": 0.1,
}

# Manufacturing / construction divisions use the industry thresholds of Decree 80/2021.
INDUSTRIAL_DIVISIONS = {f"{d:02d}" for d in range(1, 44)}

# (max employees, size) for industry / for trade & services (Decree 80/2021/ND-CP)
SIZE_LIMITS_INDUSTRY = ((10, "micro"), (100, "small"), (200, "medium"))
SIZE_LIMITS_SERVICES = ((10, "micro"), (50, "small"), (100, "medium"))

FDI_COUNTRY_WEIGHTS = {
    "KR": 22, "TW": 20, "JP": 15, "CN": 14, "SG": 8, "HK": 6, "VG": 4, "MY": 3, "US": 3, "TH": 2,
    "DE": 1, "FR": 1, "NL": 1,
}

LEGAL_FORM_WEIGHTS = {"TNHH1TV": 52, "TNHH2TV": 24, "CP": 16, "DNTN": 7, "HD": 1}
LEGAL_FORM_PREFIX = {
    "TNHH1TV": "CÔNG TY TNHH", "TNHH2TV": "CÔNG TY TNHH", "CP": "CÔNG TY CỔ PHẦN",
    "DNTN": "DOANH NGHIỆP TƯ NHÂN", "HD": "CÔNG TY HỢP DANH",
}

BRAND_SYLLABLES = (
    "MINH AN BÌNH PHÁT THÀNH ĐẠT HƯNG THỊNH PHÚ QUÝ TÂN HÒA NAM VIỆT KHANG TRƯỜNG SƠN HẢI "
    "LONG GIA HUY HOÀNG PHƯỚC LỘC TÀI ĐỨC TIẾN QUANG NGỌC THUẬN KIM THIÊN ÁNH SAO ĐÔNG DƯƠNG"
).split()
FOREIGN_BRANDS = (
    "HANSOL KUMHO DAEYANG SHINWOO POUYUEN KINGMAKER YAZAKI NITORI CHENGFENG HUALI SUNRISE "
    "MAPLETREE OMEGA GOLDEN STAR TOPWELL EVERGREEN FORMOSA KYOEI MEIKO SEJIN DONGJIN"
).split()
ACTIVITY_WORDS = {
    "C": ("SẢN XUẤT", "SẢN XUẤT THƯƠNG MẠI", "CÔNG NGHIỆP"),
    "F": ("XÂY DỰNG", "ĐẦU TƯ XÂY DỰNG", "KỸ THUẬT XÂY DỰNG"),
    "G": ("THƯƠNG MẠI", "THƯƠNG MẠI DỊCH VỤ", "XUẤT NHẬP KHẨU"),
    "H": ("VẬN TẢI", "LOGISTICS", "GIAO NHẬN"),
    "other": ("DỊCH VỤ", "ĐẦU TƯ", "TƯ VẤN"),
}


def section_of(vsic: str) -> str:
    division = int(vsic[:2])
    if 10 <= division <= 33:
        return "C"
    if 41 <= division <= 43:
        return "F"
    if 45 <= division <= 47:
        return "G"
    if 49 <= division <= 53:
        return "H"
    return "other"
