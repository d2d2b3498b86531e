"""Dept. of Education and Training: school-year statistics workbooks (Excel file drop).

One ``Thong_ke_GD_YYYY-YYYY.xlsx`` per school year: the school list and a summary by level and
area. See ``config`` for the environment variables.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_schools = lazy("ingestion.education.load:load_schools")
load_schools_window = lazy("ingestion.education.load:load_schools_window")
load_level_summary = lazy("ingestion.education.load:load_level_summary")
load_level_summary_window = lazy("ingestion.education.load:load_level_summary_window")

SOURCE = SourceSpec(
    source_system="education",
    department="education_training",
    department_name_vi="Sở Giáo dục và Đào tạo",
    system_description="School-year statistics workbooks (Thống kê số liệu giáo dục năm học)",
    native_form="excel",
    datasets=(
        DatasetSpec(
            name="schools",
            description=("One row per school and school year: level, public/private, area, classes, pupils "
                         "(girls), teachers, THPT graduation and THCS completion rates, report date."),
            load=load_schools,
            cadence_minutes=365 * 24 * 60,
            partitioning="school_year",
            load_window=load_schools_window,  # by the school year in the workbook's name
        ),
        DatasetSpec(
            name="level_summary",
            description="The department's own totals by school level and area (province total per level).",
            load=load_level_summary,
            cadence_minutes=365 * 24 * 60,
            partitioning="school_year",
            load_window=load_level_summary_window,  # by the school year in the workbook's name
        ),
    ),
)
