"""The rows of each sheet of the report, as the office labels them, with their rough levels.

Levels are Bình Dương orders of magnitude (monthly): retail ~25,000 tỷ đồng, exports ~3,000
triệu USD, state-budget investment ~1,500 tỷ đồng, budget revenue ~5,500 tỷ đồng.
"""

from __future__ import annotations

# (label, base level per month, annual growth, season profile, noise sigma)
RETAIL_SECTORS = [
    ("Bán lẻ hàng hóa", 19_500.0, 0.10, "retail", 0.02),
    ("Dịch vụ lưu trú, ăn uống", 2_600.0, 0.12, "retail", 0.03),
    ("Du lịch lữ hành", 45.0, 0.15, "retail", 0.08),
    ("Dịch vụ khác", 3_100.0, 0.09, "retail", 0.03),
]

EXPORT_ITEMS = [
    ("- Gỗ và sản phẩm gỗ", 520.0), ("- Hàng dệt, may", 330.0), ("- Giày dép các loại", 310.0),
    ("- Máy vi tính, sản phẩm điện tử và linh kiện", 260.0), ("- Máy móc, thiết bị, dụng cụ phụ tùng khác", 240.0),
    ("- Sản phẩm từ chất dẻo", 130.0), ("- Sắt thép các loại", 110.0),
]
IMPORT_ITEMS = [
    ("- Nguyên phụ liệu dệt, may, da, giày", 250.0), ("- Gỗ và sản phẩm gỗ", 140.0),
    ("- Máy móc, thiết bị, dụng cụ phụ tùng khác", 300.0), ("- Chất dẻo nguyên liệu", 160.0),
    ("- Sắt thép các loại", 120.0),
]
EXPORT_MARKETS = [
    ("- Hoa Kỳ", 0.38), ("- Liên minh châu Âu (EU)", 0.12), ("- Nhật Bản", 0.10), ("- Trung Quốc", 0.09),
    ("- Hàn Quốc", 0.06), ("- ASEAN", 0.05),
]
EXPORT_LISTED_SHARE, IMPORT_LISTED_SHARE = 0.62, 0.55

INVESTMENT_PROVINCIAL = [
    ("- Vốn cân đối ngân sách tỉnh", 900.0), ("- Vốn trung ương hỗ trợ có mục tiêu", 180.0),
    ("- Vốn xổ số kiến thiết", 260.0),
]
INVESTMENT_LOCAL_BASE = 240.0

BUDGET_REVENUE = [("- Thu nội địa", 4_700.0, "revenue"), ("- Thu từ hoạt động xuất nhập khẩu", 780.0, "revenue")]
BUDGET_SPENDING = [("- Chi đầu tư phát triển", 1_300.0, "investment"), ("- Chi thường xuyên", 1_450.0, "spending")]
BUDGET_OTHER_SPENDING_SHARE = 0.06

# (label, weight in the basket %, annual drift, index in January 2019 (2019 = 100))
CPI_GROUPS = [
    ("1. Hàng ăn và dịch vụ ăn uống", 33.56, 0.040, 100.0),
    ("2. Đồ uống và thuốc lá", 2.73, 0.025, 100.0),
    ("3. May mặc, mũ nón, giày dép", 5.70, 0.015, 100.0),
    ("4. Nhà ở, điện nước, chất đốt và vật liệu xây dựng", 15.73, 0.050, 100.0),
    ("5. Thiết bị và đồ dùng gia đình", 6.74, 0.012, 100.0),
    ("6. Thuốc và dịch vụ y tế", 5.39, 0.030, 100.0),
    ("7. Giao thông", 9.67, 0.010, 100.0),
    ("8. Bưu chính viễn thông", 3.14, -0.005, 100.0),
    ("9. Giáo dục", 6.17, 0.045, 100.0),
    ("10. Văn hóa, giải trí và du lịch", 4.55, 0.020, 100.0),
    ("11. Hàng hóa và dịch vụ khác", 6.62, 0.025, 100.0),
]
CPI_MEMO = [("Chỉ số giá vàng", 0.14, 100.0), ("Chỉ số giá đô la Mỹ", 0.025, 100.0)]

# (label, weight in industrial value added, annual growth, season sigma)
IIP_SECTIONS = [
    ("1. Khai khoáng", 0.6, -0.02),
    ("2. Công nghiệp chế biến, chế tạo", 95.9, 0.085),
    ("3. Sản xuất và phân phối điện, khí đốt, nước nóng, hơi nước và điều hòa không khí", 2.1, 0.07),
    ("4. Cung cấp nước; hoạt động quản lý và xử lý rác thải, nước thải", 1.4, 0.06),
]
IIP_KEY_INDUSTRIES = [
    ("- Sản xuất chế biến thực phẩm", 0.07), ("- Dệt", 0.06), ("- Sản xuất trang phục", 0.05),
    ("- Sản xuất da và các sản phẩm có liên quan", 0.09), ("- Chế biến gỗ và sản xuất sản phẩm từ gỗ", 0.08),
    ("- Sản xuất sản phẩm từ cao su và plastic", 0.09), ("- Sản xuất sản phẩm điện tử, máy vi tính", 0.12),
    ("- Sản xuất giường, tủ, bàn, ghế", 0.08),
]

# (label, unit as written, base per month, season)
LABOUR = [
    ("Số lao động được giải quyết việc làm", "người", 9_500.0, "labour"),
    ("Nhu cầu tuyển dụng lao động của doanh nghiệp", "người", 14_000.0, "labour"),
    ("Số người nộp hồ sơ hưởng trợ cấp thất nghiệp", "người", 6_800.0, "flat"),
    ("Số lượt người được tư vấn, giới thiệu việc làm", "lượt người", 21_000.0, "labour"),
    ("Số doanh nghiệp có biến động giảm lao động", "doanh nghiệp", 160.0, "flat"),
]

# (label, unit, base per month, noise sigma) — FDI is lumpy: one large project moves a month
FDI = [
    ("Số dự án cấp mới", "dự án", 12.0, 0.35),
    ("Vốn đăng ký cấp mới", "triệu USD", 95.0, 0.70),
    ("Số lượt dự án điều chỉnh vốn", "lượt dự án", 7.0, 0.35),
    ("Vốn đăng ký điều chỉnh tăng thêm", "triệu USD", 60.0, 0.70),
    ("Giá trị góp vốn, mua cổ phần", "triệu USD", 25.0, 0.60),
]

# Share of provincial retail sales by district (sums to 1).
DISTRICT_RETAIL_SHARE = {
    "718": 0.22, "719": 0.03, "720": 0.04, "721": 0.10, "722": 0.03, "723": 0.10, "724": 0.20, "725": 0.24,
    "726": 0.04,
}
