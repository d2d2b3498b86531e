-- The department's own totals by level and area for a school year, from the latest report.
with

source as (
    select * from {{ source('education', 'level_summary') }}
),

renamed as (
    select
        -- ids
        cast(school_year as varchar) || '|' || cast(level as varchar) || '|' || cast(area_code as varchar)
            as school_year_level_area_id,
        cast(school_year as varchar) as school_year,
        cast(level as varchar) as level,
        cast(area_code as varchar) as area_code,

        -- dimensions
        cast(school_year_start as integer) as school_year_start,
        cast(level_vi as varchar) as level_vi,
        cast(area_name_vi as varchar) as area_name_vi,

        -- measures
        cast(schools as integer) as schools,
        cast(classes as integer) as classes,
        cast(pupils as integer) as pupils,
        cast(pupils_female as integer) as pupils_female,
        cast(teachers as integer) as teachers,

        -- report
        cast(report_date as date) as report_date,
        cast(is_correction as boolean) as is_correction,
        cast(extra_fields as varchar) as extra_fields,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_report as (
    select *
    from renamed
    qualify row_number() over (
        partition by school_year_level_area_id
        order by report_date desc nulls last, batch_id desc, line_number desc
    ) = 1
)

select * from latest_report
