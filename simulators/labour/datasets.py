"""How the Department of Labour (with the provincial social insurance office) lays out its exports."""

from __future__ import annotations

from simulators.csv_drop.dataset import DropDataset, FaultTargets, Field

EMPLOYMENT = DropDataset(
    file_prefix="SLDTBXH_LaoDong",
    period_kind="month",
    title="SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI - TÌNH HÌNH LAO ĐỘNG, VIỆC LÀM",
    delivery_days=(4, 12),
    fields=(
        Field("area_code", "Mã địa bàn", "text"),
        Field("sector", "Khu vực kinh tế", "text"),
        Field("workers_employed", "Số lao động có việc làm", "int", "người"),
        Field("new_jobs", "Số lao động được giải quyết việc làm mới", "int", "người"),
        Field("trained_workers_pct", "Tỷ lệ lao động qua đào tạo", "float", "%"),
    ),
    targets=FaultTargets(
        renamed=("new_jobs", "Số việc làm mới tạo ra"),
        dropped="sector",
        revised="new_jobs",
        unit=("workers_employed", "nghìn người", 1000.0),
        impossible=("trained_workers_pct", 103.0),
    ),
)

SOCIAL_INSURANCE = DropDataset(
    file_prefix="BHXH_BaoCao",
    period_kind="month",
    title="BẢO HIỂM XÃ HỘI TỈNH BÌNH DƯƠNG - TÌNH HÌNH THAM GIA BHXH, BHYT, BHTN",
    delivery_days=(6, 15),
    fields=(
        Field("area_code", "Mã địa bàn", "text"),
        Field("si_compulsory_participants", "Số người tham gia BHXH bắt buộc", "int", "người"),
        Field("si_voluntary_participants", "Số người tham gia BHXH tự nguyện", "int", "người"),
        Field("ui_claims", "Số hồ sơ đề nghị hưởng trợ cấp thất nghiệp", "int", "hồ sơ"),
        Field("ui_approved", "Số người có quyết định hưởng trợ cấp thất nghiệp", "int", "người"),
        Field("hi_coverage_pct", "Tỷ lệ bao phủ BHYT", "float", "%"),
    ),
    targets=FaultTargets(
        renamed=("ui_claims", "Số người nộp hồ sơ hưởng TCTN"),
        dropped="area_code",
        revised="ui_claims",
        unit=("si_compulsory_participants", "nghìn người", 1000.0),
        impossible=("hi_coverage_pct", 100.9),
    ),
)
