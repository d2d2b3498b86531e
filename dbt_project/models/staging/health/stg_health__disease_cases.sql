with

source as (
    select * from {{ source('health', 'disease_cases') }}
),

renamed as (
    select
        -- ids
        cast(reporting_period as date) as reporting_period,
        cast(area_code as varchar) as area_code,
        cast(disease as varchar) as disease,

        -- dimensions
        cast(area_name as varchar) as area_name,

        -- measures
        cast(cases as bigint) as cases,
        cast(deaths as bigint) as deaths,

        -- data quality
        cast(is_late as boolean) as is_late,
        cast(source_encoding as varchar) as source_encoding,
        cast(_extra as varchar) as extra_columns_json,
        cast(file_received_at as timestamptz) as file_received_at,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest as (
    -- A revised file (same name, new content), a corrected re-send or a late supplement lands
    -- again: the version the department delivered last wins.
    select *
    from renamed
    qualify row_number() over (
        partition by reporting_period, area_code, disease
        order by file_received_at desc, loaded_at desc, source_file desc, line_number desc
    ) = 1
)

select * from latest
