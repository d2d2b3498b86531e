"""The Department of Industry and Trade's exports, declared."""

from __future__ import annotations

from ingestion.common.csv_spec import AREA_COLUMN, Column, CsvDataset, period_column

ENTERPRISES = "doanh nghiệp"
MAX_ENTERPRISES = 200_000


def _adopting(name: str, *aliases: str) -> Column:
    return Column(name, "int", aliases, unit=ENTERPRISES, min_value=0, max_value=MAX_ENTERPRISES)


DX_SURVEY = CsvDataset(
    source_system="industry_trade",
    name="dx_survey",
    description="Business digital-transformation survey waves (quarterly): enterprises surveyed and "
    "adopting digital platforms, e-commerce, e-invoices and cloud accounting, by enterprise size "
    "and VSIC section.",
    file_pattern=r"^SCT_KhaoSatCDS_\d{4}_Q[1-4].*\.csv$",
    key=("reporting_period", "enterprise_size", "vsic_section"),
    period_kind="quarter",
    close_after_days=60,
    not_greater_than=tuple((c, "enterprises_surveyed") for c in (
        "adopting_digital_platforms", "adopting_ecommerce", "adopting_einvoice", "adopting_cloud_accounting")),
    columns=(
        period_column("Đợt khảo sát", "Quý"),
        Column("enterprise_size", "category", ("Quy mô doanh nghiệp", "Quy mô"), categories={
            "micro": ("Siêu nhỏ", "DN siêu nhỏ"),
            "small": ("Nhỏ", "DN nhỏ"),
            "medium": ("Vừa", "DN vừa"),
            "large": ("Lớn", "DN lớn"),
        }),
        Column("vsic_section", "text", ("Ngành kinh tế (VSIC)", "Ngành kinh tế", "Mã ngành VSIC", "Ngành"),
               pattern=r"^[A-U]$"),
        Column("vsic_name", "text", ("Tên ngành", "Tên ngành kinh tế"), required=False, nullable=True),
        Column("enterprises_surveyed", "int", ("Số doanh nghiệp khảo sát", "Số DN được khảo sát"),
               unit=ENTERPRISES, min_value=0, max_value=MAX_ENTERPRISES),
        _adopting("adopting_digital_platforms", "Số DN sử dụng nền tảng số"),
        _adopting("adopting_ecommerce", "Số DN tham gia thương mại điện tử", "Số DN có hoạt động TMĐT"),
        _adopting("adopting_einvoice", "Số DN sử dụng hóa đơn điện tử"),
        _adopting("adopting_cloud_accounting", "Số DN sử dụng kế toán trên nền tảng đám mây",
                  "Số DN sử dụng kế toán đám mây"),
        Column("digital_platform_rate_pct", "float", ("Tỷ lệ DN sử dụng nền tảng số",), unit="%",
               required=False, nullable=True, min_value=0, max_value=100),
    ),
)

INDUSTRIAL_PARKS = CsvDataset(
    source_system="industry_trade",
    name="industrial_parks",
    description="Monthly production of each industrial park: production value (billion VND), export "
    "value (million USD), workers, land occupancy rate.",
    file_pattern=r"^SCT_KCN_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "park_code"),
    close_after_days=30,
    columns=(
        period_column(),
        Column("park_code", "text", ("Mã KCN", "Mã khu công nghiệp"), pattern=r"^KCN\d{2}$"),
        Column("park_name", "text", ("Tên khu công nghiệp", "Tên KCN")),
        AREA_COLUMN,
        Column("production_value_bn_vnd", "float", ("Giá trị sản xuất công nghiệp", "Giá trị sản xuất"),
               unit="tỷ đồng", unit_factors={"triệu đồng": 0.001, "nghìn tỷ đồng": 1000.0},
               min_value=0, max_value=200_000),
        Column("export_value_musd", "float", ("Kim ngạch xuất khẩu", "Giá trị xuất khẩu"), unit="triệu USD",
               unit_factors={"nghìn USD": 0.001, "USD": 0.000001, "tỷ USD": 1000.0}, min_value=0,
               max_value=20_000),
        Column("workers", "int", ("Số lao động", "Lao động"), unit="người", unit_factors={"nghìn người": 1000.0},
               min_value=0, max_value=500_000),
        Column("occupancy_pct", "float", ("Tỷ lệ lấp đầy",), unit="%", min_value=0, max_value=100),
    ),
)

DATASETS = (DX_SURVEY, INDUSTRIAL_PARKS)
