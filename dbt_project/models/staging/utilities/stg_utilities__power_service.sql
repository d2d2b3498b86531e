-- Power customers and interruptions by month and area, from the latest export of that month.
with

source as (
    select * from {{ source('utilities', 'power_service') }}
),

renamed as (
    select
        -- ids
        strftime(cast(period_month as date), '%Y-%m') || '|' || cast(area_code as varchar) as power_service_id,
        cast(period_month as date) as period_month,
        cast(area_code as varchar) as area_code,

        -- dimensions
        cast(area_name as varchar) as area_name_vi,

        -- measures
        cast(customers as bigint) as customers,
        cast(outage_hours as double) as outage_hours,
        cast(saidi_minutes as double) as saidi_minutes,
        cast(saifi_interruptions as double) as saifi_interruptions,

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
        partition by power_service_id
        order by exported_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_export
