-- Water supply by month, area and plant, from the latest export of that month.
with

source as (
    select * from {{ source('utilities', 'water_supply') }}
),

renamed as (
    select
        -- ids
        strftime(cast(period_month as date), '%Y-%m') || '|' || cast(area_code as varchar)
            || '|' || coalesce(cast(plant_code as varchar), '') as water_supply_id,
        cast(period_month as date) as period_month,
        cast(area_code as varchar) as area_code,
        cast(plant_code as varchar) as plant_code,

        -- dimensions
        cast(area_name as varchar) as area_name_vi,
        cast(plant_name as varchar) as plant_name,

        -- measures
        cast(produced_m3 as double) as produced_m3,
        cast(billed_m3 as double) as billed_m3,
        cast(non_revenue_water_pct as double) as non_revenue_water_pct,
        cast(households_served as bigint) as households_served,
        cast(households_total as bigint) as households_total,
        cast(connections as bigint) as connections,

        -- export
        cast(exported_at as timestamptz) as exported_at,
        cast(is_late as boolean) as is_late,
        cast(schema_version as varchar) as schema_version,
        cast(source_encoding as varchar) as source_encoding,
        cast(extra_fields as varchar) as extra_fields,

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
        partition by water_supply_id
        order by exported_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_export
