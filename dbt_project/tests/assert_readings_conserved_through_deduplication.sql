-- Why: de-duplication must drop copies, never readings. Every distinct landed key must
-- survive into int_env_readings_deduplicated exactly once.
with

landed as (
    select count(*) as n_keys
    from (
        select distinct station_code, param, measured_at_local
        from {{ ref('stg_env__readings') }}
    )
),

kept as (
    select count(*) as n_rows from {{ ref('int_env_readings_deduplicated') }}
),

final as (
    select landed.n_keys, kept.n_rows
    from landed, kept
    where landed.n_keys <> kept.n_rows
)

select * from final
