-- Electricity consumption by month, area and sector, from the latest export of that month.
with

source as (
    select * from {{ source('utilities', 'power_consumption') }}
),

renamed as (
    select
        -- ids
        strftime(cast(period_month as date), '%Y-%m') || '|' || cast(area_code as varchar) || '|' || cast(sector as varchar)
            as power_consumption_id,
        cast(period_month as date) as period_month,
        cast(area_code as varchar) as area_code,
        cast(sector as varchar) as sector,

        -- dimensions
        cast(area_name as varchar) as area_name_vi,
        cast(sector_name as varchar) as sector_name_vi,
        cast(unit as varchar) as unit_exported,

        -- measures
        cast(energy_mwh as double) as energy_mwh,

        -- export
        cast(exported_at as timestamptz) as exported_at,
        cast(is_late as boolean) as is_late,
        cast(schema_version as varchar) as schema_version,
        cast(source_encoding as varchar) as source_encoding,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_export as (
    select *
    from renamed
    qualify row_number() over (
        partition by power_consumption_id
        order by exported_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_export
