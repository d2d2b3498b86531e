"""Industrial parks of Binh Duong (a selection of the ~30 in operation) and the survey's strata."""

from __future__ import annotations

# code, name, pre-2025 district, post-2025 commune, production scale (tỷ đồng / month), base occupancy %
PARKS = (
    ("KCN01", "VSIP I", "725", "BD25-24", 4200, 100.0),
    ("KCN02", "VSIP II", "718", "BD25-03", 3600, 99.0),
    ("KCN03", "VSIP II-A", "723", "BD25-14", 2600, 88.0),
    ("KCN04", "Mỹ Phước", "721", "BD25-10", 1900, 100.0),
    ("KCN05", "Mỹ Phước 2", "721", "BD25-10", 1700, 100.0),
    ("KCN06", "Mỹ Phước 3", "721", "BD25-11", 2100, 92.0),
    ("KCN07", "Sóng Thần 1", "724", "BD25-17", 1500, 100.0),
    ("KCN08", "Sóng Thần 2", "724", "BD25-17", 1800, 100.0),
    ("KCN09", "Sóng Thần 3", "718", "BD25-02", 1400, 97.0),
    ("KCN10", "Đồng An", "725", "BD25-23", 1300, 100.0),
    ("KCN11", "Đồng An 2", "718", "BD25-03", 1200, 98.0),
    ("KCN12", "Nam Tân Uyên", "723", "BD25-13", 1600, 100.0),
    ("KCN13", "Nam Tân Uyên mở rộng", "723", "BD25-13", 900, 85.0),
    ("KCN14", "Bàu Bàng", "719", "BD25-30", 1700, 96.0),
    ("KCN15", "Bàu Bàng mở rộng", "719", "BD25-30", 700, 62.0),
    ("KCN16", "Việt Hương", "725", "BD25-23", 800, 100.0),
    ("KCN17", "Tân Đông Hiệp A", "724", "BD25-18", 700, 100.0),
    ("KCN18", "Tân Đông Hiệp B", "724", "BD25-18", 900, 100.0),
    ("KCN19", "Bình An", "724", "BD25-19", 600, 100.0),
    ("KCN20", "Kim Huy", "718", "BD25-02", 650, 95.0),
    ("KCN21", "Đất Cuốc", "726", "BD25-35", 550, 80.0),
    ("KCN22", "Tân Bình", "726", "BD25-36", 400, 70.0),
    ("KCN23", "Rạch Bắp", "721", "BD25-08", 500, 90.0),
    ("KCN24", "Cây Trường", "719", "BD25-29", 300, 45.0),
)

SIZES = {"micro": ("Siêu nhỏ", 0.70, 0.62), "small": ("Nhỏ", 0.22, 0.78),
         "medium": ("Vừa", 0.05, 0.90), "large": ("Lớn", 0.03, 0.96)}  # label, share, digital adoption 2024-Q1
SECTIONS = {  # VSIC 2018 section: (name, share of enterprises, adoption multiplier)
    "A": ("Nông nghiệp, lâm nghiệp và thủy sản", 0.02, 0.7),
    "C": ("Công nghiệp chế biến, chế tạo", 0.24, 1.0),
    "F": ("Xây dựng", 0.10, 0.85),
    "G": ("Bán buôn và bán lẻ; sửa chữa ô tô, mô tô, xe máy", 0.30, 1.05),
    "H": ("Vận tải kho bãi", 0.06, 0.95),
    "I": ("Dịch vụ lưu trú và ăn uống", 0.04, 0.9),
    "J": ("Thông tin và truyền thông", 0.03, 1.3),
    "K": ("Hoạt động tài chính, ngân hàng và bảo hiểm", 0.01, 1.3),
    "L": ("Hoạt động kinh doanh bất động sản", 0.05, 1.1),
    "M": ("Hoạt động chuyên môn, khoa học và công nghệ", 0.06, 1.2),
    "N": ("Hoạt động hành chính và dịch vụ hỗ trợ", 0.04, 1.0),
    "P": ("Giáo dục và đào tạo", 0.02, 1.05),
    "Q": ("Y tế và hoạt động trợ giúp xã hội", 0.01, 1.1),
    "S": ("Hoạt động dịch vụ khác", 0.02, 0.8),
}
