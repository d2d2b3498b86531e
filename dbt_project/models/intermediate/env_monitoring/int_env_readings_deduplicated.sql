{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_partition_window('measured_at_local') }}",
        tags=['daily_partitioned'],
    )
}}

with

readings as (
    -- one partition window (a local day) at a time; copies of a reading share its slot, so the
    -- latest copy is chosen within the window
    select * from {{ ref('stg_env__readings') }}
    where {{ in_model_window('measured_at_local') }}
),

ranked as (
    select
        *,
        count(*) over (
            partition by station_code, param, measured_at_local
        ) as n_landed_copies,
        row_number() over (
            partition by station_code, param, measured_at_local
            -- batch ids sort by landing time: the latest batch wins; within a batch the
            -- file that sorts last (a re-sent file carries a suffix) wins
            order by batch_id desc, source_file desc, line_number desc
        ) as copy_rank
    from readings
),

final as (
    select
        -- ids
        station_code,
        param,

        -- dimensions
        param_raw,
        unit,
        status_code,

        -- measures
        value,
        n_landed_copies,

        -- timestamps
        measured_at_local,

        -- lineage
        batch_id,
        source_file,
        line_number,
        loaded_at
    from ranked
    where copy_rank = 1
)

select * from final
