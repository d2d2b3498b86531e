"""The Department of Information and Communications' exports, declared."""

from __future__ import annotations

from ingestion.common.csv_spec import AREA_COLUMN, Column, CsvDataset, period_column

SUBSCRIPTIONS = {"nghìn thuê bao": 1000.0, "triệu thuê bao": 1_000_000.0}

TELECOM_INFRASTRUCTURE = CsvDataset(
    source_system="ict",
    name="telecom_infrastructure",
    description="Monthly telecom infrastructure by operator and area: 4G/5G base stations, 4G "
    "population coverage, fixed (FTTH) and mobile broadband subscriptions.",
    file_pattern=r"^STTTT_HaTangVienThong_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "area_code", "operator"),
    close_after_days=30,
    not_greater_than=(("ftth_subscriptions", "fixed_broadband_subscriptions"),),
    columns=(
        period_column(),
        AREA_COLUMN,
        Column("operator", "category", ("Doanh nghiệp", "Nhà mạng", "Doanh nghiệp viễn thông"), categories={
            "Viettel": ("Tập đoàn Viettel", "Viettel Bình Dương"),
            "VNPT": ("VNPT Bình Dương", "Vinaphone"),
            "MobiFone": ("Mobifone", "Tổng công ty MobiFone"),
        }),
        Column("bts_4g", "int", ("Số trạm BTS 4G", "Trạm 4G"), unit="trạm", min_value=0, max_value=20_000),
        Column("bts_5g", "int", ("Số trạm BTS 5G", "Trạm 5G"), unit="trạm", min_value=0, max_value=20_000),
        Column("coverage_4g_pct", "float", ("Tỷ lệ dân số được phủ sóng 4G", "Phủ sóng 4G"), unit="%",
               required=False, nullable=True, min_value=0, max_value=100),
        Column("fixed_broadband_subscriptions", "int", ("Thuê bao băng rộng cố định", "Thuê bao Internet cố định"),
               unit="thuê bao", unit_factors=SUBSCRIPTIONS, min_value=0, max_value=5_000_000),
        Column("ftth_subscriptions", "int", ("Trong đó thuê bao cáp quang FTTH", "Thuê bao FTTH",
                                             "Thuê bao cáp quang"),
               unit="thuê bao", unit_factors=SUBSCRIPTIONS, min_value=0, max_value=5_000_000),
        Column("mobile_broadband_subscriptions", "int", ("Thuê bao băng rộng di động", "Thuê bao 3G/4G/5G"),
               unit="thuê bao", unit_factors=SUBSCRIPTIONS, min_value=0, max_value=20_000_000),
    ),
)

DIGITAL_GOVERNMENT = CsvDataset(
    source_system="ict",
    name="digital_government",
    description="Monthly digital-government figures per agency: online public services (full-process "
    "and partial), online dossier rate, digitally signed e-documents, officials with digital signatures.",
    file_pattern=r"^STTTT_ChinhQuyenSo_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "agency_code"),
    close_after_days=30,
    not_greater_than=(("dossiers_online", "dossiers_received"),),
    columns=(
        period_column(),
        Column("agency_code", "text", ("Mã đơn vị", "Mã định danh đơn vị"), pattern=r"^H57\.[0-9A-Z]{2,4}$"),
        Column("agency_name", "text", ("Tên đơn vị", "Cơ quan, đơn vị")),
        AREA_COLUMN,
        Column("full_online_services", "int", ("Số TTHC trực tuyến toàn trình", "DVC trực tuyến toàn trình"),
               unit="thủ tục", min_value=0, max_value=2_000),
        Column("partial_online_services", "int", ("Số TTHC trực tuyến một phần", "DVC trực tuyến một phần"),
               unit="thủ tục", min_value=0, max_value=2_000),
        Column("dossiers_received", "int", ("Tổng số hồ sơ tiếp nhận", "Hồ sơ tiếp nhận"), unit="hồ sơ",
               min_value=0, max_value=1_000_000),
        Column("dossiers_online", "int", ("Số hồ sơ tiếp nhận trực tuyến", "Hồ sơ trực tuyến"), unit="hồ sơ",
               min_value=0, max_value=1_000_000),
        Column("online_dossier_rate_pct", "float", ("Tỷ lệ hồ sơ trực tuyến",), unit="%", min_value=0,
               max_value=100),
        Column("edocs_sent", "int", ("Số văn bản điện tử gửi đi", "Văn bản đi"), unit="văn bản", min_value=0,
               max_value=1_000_000),
        Column("edocs_signed_pct", "float", ("Tỷ lệ văn bản điện tử có ký số", "Tỷ lệ văn bản đi được ký số"),
               unit="%", min_value=0, max_value=100),
        Column("officials_with_digital_signature", "int", ("Số CBCCVC được cấp chữ ký số",
                                                           "Số CBCCVC có chữ ký số"),
               unit="người", min_value=0, max_value=100_000),
    ),
)

DATASETS = (TELECOM_INFRASTRUCTURE, DIGITAL_GOVERNMENT)
