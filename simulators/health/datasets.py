"""How the Department of Health's reporting system names and lays out its monthly exports."""

from __future__ import annotations

from simulators.csv_drop.dataset import DropDataset, FaultTargets, Field

FACILITY_REPORTS = DropDataset(
    file_prefix="SYT_BaoCao",
    period_kind="month",
    title="SỞ Y TẾ TỈNH BÌNH DƯƠNG - BÁO CÁO HOẠT ĐỘNG KHÁM CHỮA BỆNH",
    delivery_days=(3, 12),
    fields=(
        Field("facility_code", "Mã cơ sở", "text"),
        Field("facility_name", "Tên cơ sở", "text"),
        Field("facility_type", "Loại hình", "text"),
        Field("area_code", "Mã địa bàn", "text"),
        Field("beds_planned", "Giường bệnh kế hoạch", "int", "giường"),
        Field("beds_actual", "Giường bệnh thực kê", "int", "giường"),
        Field("bed_occupancy_pct", "Công suất sử dụng giường bệnh", "float", "%"),
        Field("outpatient_visits", "Lượt khám ngoại trú", "int", "lượt"),
        Field("inpatient_admissions", "Lượt điều trị nội trú", "int", "lượt"),
        Field("vaccination_coverage_pct", "Tỷ lệ tiêm chủng đầy đủ trẻ dưới 1 tuổi", "float", "%"),
    ),
    targets=FaultTargets(
        renamed=("beds_actual", "Số giường thực kê"),
        dropped="facility_code",
        revised="outpatient_visits",
        unit=("outpatient_visits", "nghìn lượt", 1000.0),
        impossible=("vaccination_coverage_pct", 104.5),
    ),
)

DISEASE_CASES = DropDataset(
    file_prefix="SYT_BenhTruyenNhiem",
    period_kind="month",
    title="SỞ Y TẾ TỈNH BÌNH DƯƠNG - TÌNH HÌNH BỆNH TRUYỀN NHIỄM",
    delivery_days=(2, 8),
    fields=(
        Field("area_code", "Mã địa bàn", "text"),
        Field("area_name", "Tên địa bàn", "text"),
        Field("disease", "Bệnh", "text"),
        Field("cases", "Số mắc", "int", "ca"),
        Field("deaths", "Số tử vong", "int", "ca"),
    ),
    targets=FaultTargets(renamed=("cases", "Số ca mắc"), dropped="disease", revised="cases"),
)
