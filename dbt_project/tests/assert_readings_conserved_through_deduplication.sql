-- Why: de-duplication must drop copies, never readings. Every distinct landed key must
-- survive into int_env_readings_deduplicated exactly once (within the partition window
-- being built: other days are computed by their own windows).
with

landed as (
    select count(*) as n_keys
    from (
        select distinct station_code, param, measured_at_local
        from {{ ref('stg_env__readings') }}
        where {{ in_partition_window('measured_at_local') }}
    )
),

kept as (
    select count(*) as n_rows from {{ ref('int_env_readings_deduplicated') }}
    where {{ in_partition_window('measured_at_local') }}
),

final as (
    select landed.n_keys, kept.n_rows
    from landed, kept
    where landed.n_keys <> kept.n_rows
)

select * from final
