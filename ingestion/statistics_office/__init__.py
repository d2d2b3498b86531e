"""Provincial Statistics Office: the monthly socio-economic report workbooks (Excel file drop).

"Báo cáo tình hình kinh tế – xã hội tháng MM/YYYY", one ``BC_KTXH_YYYY_MM.xlsx`` per month with
one sheet per topic (IIP, retail sales, trade, investment, budget, CPI, labour, FDI), landed in
long format. See ``config`` for the environment variables.
"""

from ingestion.registry import DatasetSpec, SourceSpec, lazy

load_indicators = lazy("ingestion.statistics_office.load:load_indicators")
load_indicators_window = lazy("ingestion.statistics_office.load:load_indicators_window")

SOURCE = SourceSpec(
    source_system="statistics_office",
    department="statistics_office",
    department_name_vi="Cục Thống kê tỉnh Bình Dương",
    system_description="Monthly socio-economic report workbooks (Báo cáo tình hình kinh tế – xã hội)",
    native_form="excel",
    datasets=(
        DatasetSpec(
            name="indicators",
            description=(
                "Every figure of the monthly socio-economic report in long format: report month, "
                "reference month, topic, indicator, area, measure (month / year to date / % same "
                "period...), value in a canonical unit, issue date and revision flag."
            ),
            load=load_indicators,
            cadence_minutes=30 * 24 * 60,
            partitioning="month",
            load_window=load_indicators_window,  # by the report month in the file name
        ),
    ),
)
