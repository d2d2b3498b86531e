"""The Department of Labour's (and social insurance office's) exports, declared."""

from __future__ import annotations

from ingestion.common.csv_spec import AREA_COLUMN, Column, CsvDataset, period_column

PEOPLE = {"nghìn người": 1000.0}

EMPLOYMENT = CsvDataset(
    source_system="labour",
    name="employment",
    description="Monthly employment by area and economic sector: workers employed, new jobs created, "
    "share of trained workers.",
    file_pattern=r"^SLDTBXH_LaoDong_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "area_code", "sector"),
    close_after_days=30,
    columns=(
        period_column(),
        AREA_COLUMN,
        Column("sector", "category", ("Khu vực kinh tế", "Ngành kinh tế"), categories={
            "agriculture": ("Nông, lâm nghiệp và thủy sản", "Nông lâm thủy sản", "Nông nghiệp"),
            "industry_construction": ("Công nghiệp - Xây dựng", "Công nghiệp và xây dựng"),
            "services": ("Dịch vụ", "Thương mại - Dịch vụ"),
        }),
        Column("workers_employed", "int", ("Số lao động có việc làm", "Lao động có việc làm"), unit="người",
               unit_factors=PEOPLE, min_value=0, max_value=3_000_000),
        Column("new_jobs", "int", ("Số lao động được giải quyết việc làm mới", "Số việc làm mới tạo ra",
                                   "Việc làm mới"), unit="người", unit_factors=PEOPLE, min_value=0,
               max_value=200_000),
        Column("trained_workers_pct", "float", ("Tỷ lệ lao động qua đào tạo",), unit="%", required=False,
               nullable=True, min_value=0, max_value=100),
    ),
)

SOCIAL_INSURANCE = CsvDataset(
    source_system="labour",
    name="social_insurance",
    description="Monthly social insurance by area: compulsory and voluntary participants, "
    "unemployment insurance claims and approvals, health insurance coverage.",
    file_pattern=r"^BHXH_BaoCao_\d{4}_\d{2}.*\.csv$",
    key=("reporting_period", "area_code"),
    close_after_days=30,
    columns=(
        period_column(),
        AREA_COLUMN,
        Column("si_compulsory_participants", "int", ("Số người tham gia BHXH bắt buộc", "BHXH bắt buộc"),
               unit="người", unit_factors=PEOPLE, min_value=0, max_value=3_000_000),
        Column("si_voluntary_participants", "int", ("Số người tham gia BHXH tự nguyện", "BHXH tự nguyện"),
               unit="người", unit_factors=PEOPLE, min_value=0, max_value=1_000_000),
        Column("ui_claims", "int", ("Số hồ sơ đề nghị hưởng trợ cấp thất nghiệp",
                                    "Số người nộp hồ sơ hưởng TCTN"), unit="hồ sơ", min_value=0,
               max_value=100_000),
        # Approvals of a month also settle claims filed the month before: no ui_approved <= ui_claims rule.
        Column("ui_approved", "int", ("Số người có quyết định hưởng trợ cấp thất nghiệp",
                                      "Số người có quyết định hưởng TCTN"), unit="người", min_value=0,
               max_value=100_000),
        Column("hi_coverage_pct", "float", ("Tỷ lệ bao phủ BHYT", "Tỷ lệ dân số tham gia BHYT"), unit="%",
               min_value=0, max_value=100),
    ),
)

DATASETS = (EMPLOYMENT, SOCIAL_INSURANCE)
