"""The Department of Health's exports, declared: headers seen so far, units, plausible ranges."""

from __future__ import annotations

from ingestion.common.csv_spec import AREA_COLUMN, Column, CsvDataset, period_column

VISITS = {"nghìn lượt": 1000.0}

FACILITY_REPORTS = CsvDataset(
    source_system="health",
    name="facility_reports",
    description="Monthly activity of each health facility: beds, bed occupancy, outpatient and "
    "inpatient activity, full vaccination coverage of infants (expanded programme).",
    file_pattern=r"^SYT_BaoCao_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "facility_code"),
    close_after_days=30,
    columns=(
        period_column(),
        Column("facility_code", "text", ("Mã cơ sở", "Mã CSKCB", "Mã cơ sở KCB"), pattern=r"^\d{5}$"),
        Column("facility_name", "text", ("Tên cơ sở", "Tên CSKCB")),
        Column("facility_type", "category", ("Loại hình", "Loại cơ sở", "Tuyến"), categories={
            "provincial_hospital": ("Bệnh viện tuyến tỉnh", "BV tuyến tỉnh", "Bệnh viện tỉnh"),
            "district_health_centre": ("Trung tâm Y tế", "TTYT", "Trung tâm Y tế huyện"),
            "private_hospital": ("Bệnh viện tư nhân", "BV tư nhân", "Bệnh viện ngoài công lập"),
            "commune_health_station": ("Trạm Y tế", "TYT", "Trạm Y tế xã"),
        }),
        AREA_COLUMN,
        Column("beds_planned", "int", ("Giường bệnh kế hoạch", "Số giường kế hoạch"), unit="giường",
               min_value=0, max_value=5000),
        Column("beds_actual", "int", ("Giường bệnh thực kê", "Số giường thực kê", "Giường thực kê"),
               unit="giường", min_value=0, max_value=6000),
        # Above 100 % is real in Vietnamese public hospitals (two patients per bed); 300 % is not.
        Column("bed_occupancy_pct", "float", ("Công suất sử dụng giường bệnh", "Công suất giường bệnh"),
               unit="%", min_value=0, max_value=300),
        Column("outpatient_visits", "int", ("Lượt khám ngoại trú", "Số lượt khám bệnh"), unit="lượt",
               unit_factors=VISITS, min_value=0, max_value=2_000_000),
        Column("inpatient_admissions", "int", ("Lượt điều trị nội trú", "Số lượt điều trị nội trú"),
               unit="lượt", unit_factors=VISITS, min_value=0, max_value=200_000),
        Column("vaccination_coverage_pct", "float",
               ("Tỷ lệ tiêm chủng đầy đủ trẻ dưới 1 tuổi", "Tỷ lệ tiêm chủng đầy đủ", "Tỷ lệ TCMR"),
               unit="%", required=False, nullable=True, min_value=0, max_value=100),
    ),
)

DISEASE_CASES = CsvDataset(
    source_system="health",
    name="disease_cases",
    description="Monthly notifiable infectious disease cases and deaths by area (dengue, hand-foot-"
    "mouth, measles, COVID-19, chickenpox).",
    file_pattern=r"^SYT_BenhTruyenNhiem_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "area_code", "disease"),
    close_after_days=30,
    not_greater_than=(("deaths", "cases"),),
    columns=(
        period_column(),
        AREA_COLUMN,
        Column("area_name", "text", ("Tên địa bàn", "Tên ĐVHC"), required=False, nullable=True),
        Column("disease", "category", ("Bệnh", "Tên bệnh", "Bệnh truyền nhiễm"), categories={
            "dengue": ("Sốt xuất huyết Dengue", "Sốt xuất huyết", "SXH"),
            "hand_foot_mouth": ("Tay chân miệng", "TCM"),
            "measles": ("Sởi",),
            "covid19": ("COVID-19", "Covid 19"),
            "chickenpox": ("Thủy đậu", "Thuỷ đậu"),
        }),
        Column("cases", "int", ("Số mắc", "Số ca mắc", "Mắc"), unit="ca", min_value=0, max_value=100_000),
        Column("deaths", "int", ("Số tử vong", "Tử vong"), unit="ca", min_value=0, max_value=10_000),
    ),
)

DATASETS = (FACILITY_REPORTS, DISEASE_CASES)
