-- Each school's figures for a school year, from the latest report of that year.
with

source as (
    select * from {{ source('education', 'schools') }}
),

renamed as (
    select
        -- ids
        cast(school_year as varchar) || '|' || cast(school_code as varchar) as school_year_school_id,
        cast(school_year as varchar) as school_year,
        cast(school_code as varchar) as school_code,

        -- dimensions
        cast(school_year_start as integer) as school_year_start,
        cast(school_name as varchar) as school_name,
        cast(level as varchar) as level,
        cast(level_vi as varchar) as level_vi,
        cast(ownership as varchar) as ownership,
        cast(area_code as varchar) as area_code,
        cast(area_name_vi as varchar) as area_name_vi,

        -- measures
        cast(classes as integer) as classes,
        cast(pupils as integer) as pupils,
        cast(pupils_female as integer) as pupils_female,
        cast(teachers as integer) as teachers,
        cast(graduation_rate_pct as double) as graduation_rate_pct,
        cast(completion_rate_pct as double) as completion_rate_pct,

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
        partition by school_year_school_id
        order by report_date desc nulls last, batch_id desc, line_number desc
    ) = 1
)

select * from latest_report
