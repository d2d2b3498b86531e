with

source as (
    select * from {{ source('industry_trade', 'industrial_parks') }}
),

renamed as (
    select
        -- ids
        cast(reporting_period as date) as reporting_period,
        cast(park_code as varchar) as park_code,

        -- dimensions
        cast(park_name as varchar) as park_name,
        cast(area_code as varchar) as area_code,

        -- measures
        cast(production_value_bn_vnd as double) as production_value_bn_vnd,
        cast(export_value_musd as double) as export_value_musd,
        cast(workers as bigint) as workers,
        cast(occupancy_pct as double) as occupancy_pct,

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
        partition by reporting_period, park_code
        order by file_received_at desc, loaded_at desc, source_file desc, line_number desc
    ) = 1
)

select * from latest
