"""How the Department of Information and Communications names and lays out its monthly exports."""

from __future__ import annotations

from simulators.csv_drop.dataset import DropDataset, FaultTargets, Field

TELECOM_INFRASTRUCTURE = DropDataset(
    file_prefix="STTTT_HaTangVienThong",
    period_kind="month",
    title="SỞ THÔNG TIN VÀ TRUYỀN THÔNG - HẠ TẦNG VIỄN THÔNG THEO DOANH NGHIỆP",
    delivery_days=(5, 15),
    fields=(
        Field("area_code", "Mã địa bàn", "text"),
        Field("operator", "Doanh nghiệp", "text"),
        Field("bts_4g", "Số trạm BTS 4G", "int", "trạm"),
        Field("bts_5g", "Số trạm BTS 5G", "int", "trạm"),
        Field("coverage_4g_pct", "Tỷ lệ dân số được phủ sóng 4G", "float", "%"),
        Field("fixed_broadband_subscriptions", "Thuê bao băng rộng cố định", "int", "thuê bao"),
        Field("ftth_subscriptions", "Trong đó thuê bao cáp quang FTTH", "int", "thuê bao"),
        Field("mobile_broadband_subscriptions", "Thuê bao băng rộng di động", "int", "thuê bao"),
    ),
    targets=FaultTargets(
        renamed=("ftth_subscriptions", "Thuê bao FTTH"),
        dropped="operator",
        revised="bts_4g",
        unit=("mobile_broadband_subscriptions", "nghìn thuê bao", 1000.0),
        impossible=("coverage_4g_pct", 101.3),
    ),
)

DIGITAL_GOVERNMENT = DropDataset(
    file_prefix="STTTT_ChinhQuyenSo",
    period_kind="month",
    title="SỞ THÔNG TIN VÀ TRUYỀN THÔNG - CHỈ SỐ CHÍNH QUYỀN SỐ",
    delivery_days=(5, 15),
    fields=(
        Field("agency_code", "Mã đơn vị", "text"),
        Field("agency_name", "Tên đơn vị", "text"),
        Field("area_code", "Mã địa bàn", "text"),
        Field("full_online_services", "Số TTHC trực tuyến toàn trình", "int", "thủ tục"),
        Field("partial_online_services", "Số TTHC trực tuyến một phần", "int", "thủ tục"),
        Field("dossiers_received", "Tổng số hồ sơ tiếp nhận", "int", "hồ sơ"),
        Field("dossiers_online", "Số hồ sơ tiếp nhận trực tuyến", "int", "hồ sơ"),
        Field("online_dossier_rate_pct", "Tỷ lệ hồ sơ trực tuyến", "float", "%"),
        Field("edocs_sent", "Số văn bản điện tử gửi đi", "int", "văn bản"),
        Field("edocs_signed_pct", "Tỷ lệ văn bản điện tử có ký số", "float", "%"),
        Field("officials_with_digital_signature", "Số CBCCVC được cấp chữ ký số", "int", "người"),
    ),
    targets=FaultTargets(
        renamed=("edocs_signed_pct", "Tỷ lệ văn bản đi được ký số"),
        dropped="agency_code",
        revised="edocs_sent",
        impossible=("online_dossier_rate_pct", 112.0),
    ),
)
