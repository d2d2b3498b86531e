{#- Every sector contributes one model with the columns below; adding a sector adds one
    `union all` line here. -#}
with

environment as (
    select * from {{ ref('int_env_metric_observations') }}
),

unioned as (
    select metric_code, entity_code, category, district_code, commune_code_2025, observed_at, value, batch_ids
    from environment
),

final as (
    select
        -- ids
        metric_code,
        entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        value,

        -- timestamps
        observed_at,
        cast(observed_at as date) as observed_date,

        -- lineage
        batch_ids
    from unioned
)

select * from final
