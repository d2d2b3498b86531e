{#- Observations a catalogue row would use but refuses: reported in another unit than the row's
    source_unit, or outside [valid_min, valid_max]. They are left out of the indicator value
    (int_indicator_values_computed applies the same macro) and listed here for the owner
    department, one row per indicator and observation. -#}
with

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

observations as (
    select * from {{ ref('int_indicator_observations') }}
),

definitions as (
    select
        indicator_code,
        metric as metric_code,
        {{ indicator_filter_conditions('numerator_filter') }} as conditions,
        {{ indicator_filter_category('numerator_filter') }} as numerator_category,
        nullif(trim(source_unit), '') as source_unit,
        valid_min,
        valid_max
    from catalogue
    where nullif(trim(source_unit), '') is not null
        or valid_min is not null
        or valid_max is not null
),

candidates as (
    select definitions.*, observations.* exclude (metric_code)
    from definitions
    inner join observations
        on definitions.metric_code = observations.metric_code
        and definitions.numerator_category = observations.category

    union all

    select definitions.*, observations.* exclude (metric_code)
    from definitions
    inner join observations
        on definitions.metric_code = observations.metric_code
    where definitions.numerator_category is null
),

final as (
    select
        -- ids
        indicator_code,
        metric_code,
        entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        value,
        unit,
        source_unit as expected_unit,
        valid_min,
        valid_max,
        case
            when source_unit is not null and unit is not null
                and {{ normalise_unit('source_unit') }} <> {{ normalise_unit('unit') }} then 'unit_mismatch'
            when valid_min is not null and value < valid_min then 'below_valid_min'
            when valid_max is not null and value > valid_max then 'above_valid_max'
        end as reason,

        -- timestamps
        observed_at,

        -- lineage
        batch_ids
    from candidates
    where {{ indicator_filter_matches('conditions', 'value', 'category') }}
        and not {{ indicator_observation_is_valid('candidates', 'candidates') }}
)

select * from final
