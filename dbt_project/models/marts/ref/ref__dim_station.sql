with

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

final as (
    select
        -- ids
        cast(station_code as varchar) as station_code,

        -- dimensions
        cast(station_name as varchar) as station_name,
        cast(station_type as varchar) as station_type,
        cast(facility_name as varchar) as facility_name,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        cast(qcvn_column as varchar) as qcvn_column,
        cast(is_in_latest_registry as boolean) as is_in_latest_registry,

        -- measures
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- lineage
        cast(registry_batch_id as varchar) as registry_batch_id,
        cast(registry_loaded_at as timestamptz) as registry_loaded_at
    from stations
)

select * from final
