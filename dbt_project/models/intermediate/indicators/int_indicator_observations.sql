{#- Every departmental system contributes one model with the columns below
    (int_<system>_metric_observations); adding a system adds one name to this list. -#}
{%- set metric_models = [
    'int_env_metric_observations',
    'int_statistics_office_metric_observations',
    'int_health_metric_observations',
    'int_education_metric_observations',
    'int_labour_metric_observations',
    'int_ict_metric_observations',
    'int_industry_trade_metric_observations',
    'int_utilities_metric_observations',
    'int_business_registry_metric_observations',
    'int_public_services_metric_observations',
    'int_citizen_feedback_metric_observations',
    'int_traffic_metric_observations',
    'int_gis_metric_observations',
] -%}
{#- Incremental: an hourly refresh recomputes the observations of the window's affected days and
    every observation of the sources that are not partitioned by day (macros/partitions/indicator_window.sql). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_indicator_rows_in_window() }}",
    )
}}

with

unioned as (
    {% for model in metric_models %}
    select metric_code, entity_code, category, district_code, commune_code_2025, observed_at, value, unit, batch_ids
    from {{ ref(model) }}
    where {{ indicator_rows_in_window() }}
    {% if not loop.last %}union all{% endif %}
    {% endfor %}
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
        unit,

        -- timestamps
        observed_at,
        cast(observed_at as date) as observed_date,

        -- lineage
        batch_ids
    from unioned
)

select * from final
