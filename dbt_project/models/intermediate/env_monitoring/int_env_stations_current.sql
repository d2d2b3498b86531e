with

stations as (
    select * from {{ ref('stg_env__stations') }}
),

ranked as (
    select
        *,
        row_number() over (
            partition by station_code
            order by batch_id desc, line_number desc
        ) as snapshot_rank,
        max(batch_id) over () as latest_registry_batch_id
    from stations
),

final as (
    select
        -- ids
        station_code,

        -- dimensions
        station_name,
        station_type,
        facility_name,
        district_code,
        commune_code_2025,
        qcvn_column,
        batch_id = latest_registry_batch_id as is_in_latest_registry,

        -- measures
        longitude,
        latitude,

        -- lineage
        batch_id as registry_batch_id,
        loaded_at as registry_loaded_at
    from ranked
    where snapshot_rank = 1
)

select * from final
