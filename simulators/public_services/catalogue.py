"""Administrative procedures handled by the Public Administration Service Center, and who handles them.

Procedure codes have the shape of the national procedure database (e.g. '1.001193') but are
surrogates. Processing times are legal time limits in working days. Since 2025-07-01 the district
level is gone: its procedures are handled by the new commune-level People's Committees, and some
provincial departments were merged (their dossiers then carry the merged department's code).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Procedure:
    code: str
    name_vi: str
    field_vi: str
    level: str            # 'commune' | 'district' | province department code
    working_days: int
    online_level: str     # 'full' (toàn trình) | 'partial' (một phần)
    weight: float         # share of dossiers


PROCEDURES = (
    Procedure("1.001193", "Đăng ký khai sinh", "Hộ tịch", "commune", 1, "full", 10),
    Procedure("1.000894", "Đăng ký kết hôn", "Hộ tịch", "commune", 3, "partial", 3),
    Procedure("1.000656", "Đăng ký khai tử", "Hộ tịch", "commune", 1, "full", 2),
    Procedure("1.004222", "Cấp giấy xác nhận tình trạng hôn nhân", "Hộ tịch", "commune", 3, "full", 5),
    Procedure("2.000815", "Chứng thực bản sao từ bản chính", "Chứng thực", "commune", 1, "partial", 22),
    Procedure("2.000884", "Chứng thực chữ ký trong giấy tờ, văn bản", "Chứng thực", "commune", 1, "partial", 6),
    Procedure("2.000720", "Đăng ký thành lập hộ kinh doanh", "Thành lập và hoạt động của hộ kinh doanh", "district", 3, "full", 5),
    Procedure("1.009994", "Cấp giấy phép xây dựng nhà ở riêng lẻ", "Hoạt động xây dựng", "district", 15, "partial", 3),
    Procedure("1.004227", "Đăng ký biến động quyền sử dụng đất", "Đất đai", "district", 10, "partial", 8),
    Procedure("1.003010", "Cấp giấy chứng nhận quyền sử dụng đất lần đầu", "Đất đai", "district", 30, "partial", 2),
    Procedure("2.001610", "Đăng ký thành lập doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", "SKHDT", 3, "full", 3),
    Procedure("2.002030", "Đăng ký thay đổi nội dung đăng ký doanh nghiệp", "Thành lập và hoạt động của doanh nghiệp", "SKHDT", 3, "full", 4),
    Procedure("2.000024", "Cấp phiếu lý lịch tư pháp", "Lý lịch tư pháp", "STP", 10, "full", 3),
    Procedure("1.002804", "Đổi giấy phép lái xe", "Đường bộ", "SGTVT", 5, "full", 4),
    Procedure("1.000459", "Cấp giấy phép lao động cho người nước ngoài", "Việc làm", "SLDTBXH", 5, "full", 1.5),
    Procedure("1.001978", "Giải quyết hưởng trợ cấp thất nghiệp", "Việc làm", "SLDTBXH", 20, "partial", 3),
    Procedure("1.004946", "Cấp chứng chỉ hành nghề khám bệnh, chữa bệnh", "Khám bệnh, chữa bệnh", "SYT", 20, "partial", 0.5),
    Procedure("1.005088", "Cấp giấy phép bán lẻ sản phẩm rượu", "Lưu thông hàng hóa trong nước", "SCT", 10, "full", 0.5),
    Procedure("1.004915", "Thẩm định báo cáo đánh giá tác động môi trường", "Môi trường", "STNMT", 30, "partial", 0.3),
    Procedure("1.002012", "Chuyển trường đối với học sinh trung học phổ thông", "Giáo dục trung học", "SGDDT", 3, "full", 0.5),
)

DEPARTMENTS = {
    "SKHDT": "Sở Kế hoạch và Đầu tư", "STP": "Sở Tư pháp", "SGTVT": "Sở Giao thông vận tải",
    "SLDTBXH": "Sở Lao động - Thương binh và Xã hội", "SYT": "Sở Y tế", "SCT": "Sở Công Thương",
    "STNMT": "Sở Tài nguyên và Môi trường", "SGDDT": "Sở Giáo dục và Đào tạo",
}
# 2025 merger of departments: old code -> (new code, new name)
MERGED_FROM_2025 = {
    "SKHDT": ("STC", "Sở Tài chính"),
    "SGTVT": ("SXD", "Sở Xây dựng"),
    "SLDTBXH": ("SNV", "Sở Nội vụ"),
    "STNMT": ("SNNMT", "Sở Nông nghiệp và Môi trường"),
}

STATUSES = ("received", "processing", "resolved_on_time", "resolved_late", "returned", "withdrawn")

# share of dossiers submitted online: rises over the period (national digital-government push)
ONLINE_SHARE_START, ONLINE_SHARE_END = 0.45, 0.78

HOLIDAYS = (
    "2024-09-02", "2024-09-03", "2025-01-01", "2025-01-27", "2025-01-28", "2025-01-29", "2025-01-30",
    "2025-01-31", "2025-04-30", "2025-05-01", "2025-09-01", "2025-09-02", "2026-01-01", "2026-02-16",
    "2026-02-17", "2026-02-18", "2026-02-19", "2026-02-20", "2026-04-27", "2026-04-30", "2026-05-01",
    "2026-09-02", "2027-01-01",
)
