"""How the Department of Industry and Trade names and lays out its exports."""

from __future__ import annotations

from simulators.csv_drop.dataset import DropDataset, FaultTargets, Field

DX_SURVEY = DropDataset(
    file_prefix="SCT_KhaoSatCDS",
    period_kind="quarter",
    period_header="Đợt khảo sát",
    title="SỞ CÔNG THƯƠNG - KHẢO SÁT CHUYỂN ĐỔI SỐ DOANH NGHIỆP",
    delivery_days=(15, 40),
    fields=(
        Field("enterprise_size", "Quy mô doanh nghiệp", "text"),
        Field("vsic_section", "Ngành kinh tế (VSIC)", "text"),
        Field("vsic_name", "Tên ngành", "text"),
        Field("enterprises_surveyed", "Số doanh nghiệp khảo sát", "int", "doanh nghiệp"),
        Field("adopting_digital_platforms", "Số DN sử dụng nền tảng số", "int", "doanh nghiệp"),
        Field("adopting_ecommerce", "Số DN tham gia thương mại điện tử", "int", "doanh nghiệp"),
        Field("adopting_einvoice", "Số DN sử dụng hóa đơn điện tử", "int", "doanh nghiệp"),
        Field("adopting_cloud_accounting", "Số DN sử dụng kế toán trên nền tảng đám mây", "int", "doanh nghiệp"),
        Field("digital_platform_rate_pct", "Tỷ lệ DN sử dụng nền tảng số", "float", "%"),
    ),
    targets=FaultTargets(
        renamed=("adopting_ecommerce", "Số DN có hoạt động TMĐT"),
        dropped="vsic_section",
        revised="adopting_cloud_accounting",
        impossible=("digital_platform_rate_pct", 100.8),
    ),
)

INDUSTRIAL_PARKS = DropDataset(
    file_prefix="SCT_KCN",
    period_kind="month",
    title="BAN QUẢN LÝ CÁC KHU CÔNG NGHIỆP - TÌNH HÌNH SẢN XUẤT KINH DOANH",
    delivery_days=(5, 14),
    fields=(
        Field("park_code", "Mã KCN", "text"),
        Field("park_name", "Tên khu công nghiệp", "text"),
        Field("area_code", "Mã địa bàn", "text"),
        Field("production_value_bn_vnd", "Giá trị sản xuất công nghiệp", "float", "tỷ đồng"),
        Field("export_value_musd", "Kim ngạch xuất khẩu", "float", "triệu USD"),
        Field("workers", "Số lao động", "int", "người"),
        Field("occupancy_pct", "Tỷ lệ lấp đầy", "float", "%"),
    ),
    targets=FaultTargets(
        renamed=("export_value_musd", "Giá trị xuất khẩu"),
        dropped="park_code",
        revised="production_value_bn_vnd",
        unit=("workers", "nghìn người", 1000.0),
        impossible=("occupancy_pct", 118.0),
    ),
)
