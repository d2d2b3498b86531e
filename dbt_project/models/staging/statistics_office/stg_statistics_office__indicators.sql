-- The latest published value of every figure of the monthly socio-economic report.
-- A month's value is published three ways: its own report (estimate), the next report's
-- "thực hiện tháng trước" column (actual), and re-issued workbooks; the latest issue wins.
with

source as (
    select * from {{ source('statistics_office', 'indicators') }}
),

renamed as (
    select
        -- ids
        cast(indicator_key as varchar)
            || '|' || cast(area_code as varchar)
            || '|' || strftime(cast(reference_month as date), '%Y-%m')
            || '|' || cast(measure as varchar) as indicator_value_id,
        cast(indicator_key as varchar) as indicator_key,
        cast(area_code as varchar) as area_code,
        cast(reference_month as date) as reference_month,
        cast(measure as varchar) as measure,

        -- dimensions
        cast(topic as varchar) as topic,
        cast(indicator_name_vi as varchar) as indicator_name_vi,
        cast(section as varchar) as indicator_section,
        cast(area_name_vi as varchar) as area_name_vi,
        cast(unit as varchar) as unit,
        cast(is_estimate as boolean) as is_estimate,

        -- measures
        cast(value as double) as value,

        -- publication
        cast(report_month as date) as report_month,
        cast(issued_on as date) as issued_on,
        cast(is_revision as boolean) as is_revision,
        cast(revision_source as varchar) as revision_source,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(sheet_name as varchar) as sheet_name,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_publication as (
    select *
    from renamed
    qualify row_number() over (
        partition by indicator_value_id
        order by issued_on desc nulls last, report_month desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_publication
