{#- The one mechanism that turns catalogue rows (ref_indicators) into indicator values.
    See doc block indicator_mechanism. Nothing here names an indicator or a metric.
    Incremental: an hourly refresh recomputes the periods its window touches of the indicators
    computed from the daily-partitioned sources, and every other indicator whole
    (macros/partitions/indicator_window.sql). -#}
{{
    config(
        materialized='incremental',
        incremental_strategy='append',
        pre_hook="{{ delete_indicator_values_in_window() }}",
        post_hook="{{ record_indicator_catalogue() }}",
    )
}}

with

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

-- per indicator: recomputed only in the window's periods (window_keyed), or whole
scope as (
    {{ indicator_values_scope() }}
),

observations as (
    select * from {{ ref('int_indicator_observations_located') }}
    {%- if model_is_incremental() and has_window_vars() %}
    -- every observation of a metric an indicator recomputed whole reads, the others from the
    -- first period recomputed on
    where metric_code in (
            select catalogue.metric from catalogue inner join scope using (indicator_code) where not scope.window_keyed
            union
            select coalesce(nullif(trim(catalogue.denominator_metric), ''), catalogue.metric)
            from catalogue inner join scope using (indicator_code) where not scope.window_keyed
        )
        or observed_date >= (select min(window_first_day) from scope where window_keyed)
    {%- endif %}
),

definitions as (
    select
        indicator_code,
        sector_code,
        unit,
        aggregation,
        time_aggregation,
        metric as metric_code,
        coalesce(nullif(trim(denominator_metric), ''), metric) as denominator_metric_code,
        -- a denominator is needed by share and ratio; for additive aggregations an explicit
        -- denominator_metric is the frame that turns "no observation" into 0
        aggregation in ('share', 'ratio') or nullif(trim(denominator_metric), '') is not null as has_denominator,
        {{ indicator_filter_conditions('numerator_filter') }} as numerator_conditions,
        {{ indicator_filter_conditions('denominator_filter') }} as denominator_conditions,
        {{ indicator_filter_category('numerator_filter') }} as numerator_category,
        {{ indicator_filter_category('denominator_filter') }} as denominator_category,
        coalesce(multiplier, 1.0) as multiplier,
        list_transform(string_split(breakdown, '|'), lambda level: trim(level)) as area_levels,
        {{ indicator_grains('frequency') }} as grains,
        nullif(trim(source_unit), '') as source_unit,
        valid_min,
        valid_max,
        coalesce(valid_from, date '1900-01-01') as valid_from,
        valid_to,
        coalesce(scope.window_keyed, false) as window_keyed,
        scope.window_first_day,
        scope.window_end_day
    from catalogue
    left join scope using (indicator_code)
),

-- grains computed straight from the observations: the indicator's finest grain, and every
-- coarser one when time_aggregation = 'pooled' (otherwise coarser grains roll up finest values)
pooled_grains as (
    select
        definitions.indicator_code,
        grain.period_grain
    from definitions
    cross join unnest(definitions.grains) as grain(period_grain)
    where grain.period_grain = definitions.grains[1]
        or definitions.time_aggregation = 'pooled'
),

-- catalogue rows x observations of their metric; a row filtering on one category joins on it
numerator_candidates as (
    select definitions.indicator_code, definitions.numerator_conditions as conditions, definitions.area_levels,
        definitions.valid_from, definitions.valid_to, definitions.source_unit, definitions.valid_min,
        definitions.valid_max, definitions.window_keyed, definitions.window_first_day, definitions.window_end_day,
        observations.*
    from definitions
    inner join observations
        on definitions.metric_code = observations.metric_code
        and definitions.numerator_category = observations.category

    union all

    select definitions.indicator_code, definitions.numerator_conditions as conditions, definitions.area_levels,
        definitions.valid_from, definitions.valid_to, definitions.source_unit, definitions.valid_min,
        definitions.valid_max, definitions.window_keyed, definitions.window_first_day, definitions.window_end_day,
        observations.*
    from definitions
    inner join observations
        on definitions.metric_code = observations.metric_code
    where definitions.numerator_category is null
),

numerator_observations as (
    select
        indicator_code,
        area_code,
        observed_date,
        entity_code,
        value,
        weight,
        batch_ids
    from numerator_candidates
    where list_contains(area_levels, area_level)
        and observed_date >= valid_from
        and (valid_to is null or observed_date <= valid_to)
        and {{ indicator_filter_matches('conditions', 'value', 'category') }}
        and {{ indicator_observation_is_valid('numerator_candidates', 'numerator_candidates') }}
        and (not window_keyed or (observed_date >= window_first_day and observed_date < window_end_day))
),

denominator_candidates as (
    select definitions.indicator_code, definitions.denominator_conditions as conditions, definitions.area_levels,
        definitions.valid_from, definitions.valid_to, definitions.window_keyed, definitions.window_first_day,
        definitions.window_end_day, observations.*
    from definitions
    inner join observations
        on definitions.denominator_metric_code = observations.metric_code
        and definitions.denominator_category = observations.category
    where definitions.has_denominator

    union all

    select definitions.indicator_code, definitions.denominator_conditions as conditions, definitions.area_levels,
        definitions.valid_from, definitions.valid_to, definitions.window_keyed, definitions.window_first_day,
        definitions.window_end_day, observations.*
    from definitions
    inner join observations
        on definitions.denominator_metric_code = observations.metric_code
    where definitions.has_denominator
        and definitions.denominator_category is null
),

denominator_observations as (
    select
        indicator_code,
        area_code,
        observed_date,
        value,
        weight,
        batch_ids
    from denominator_candidates
    where list_contains(area_levels, area_level)
        and observed_date >= valid_from
        and (valid_to is null or observed_date <= valid_to)
        and {{ indicator_filter_matches('conditions', 'value', 'category') }}
        and (not window_keyed or (observed_date >= window_first_day and observed_date < window_end_day))
),

numerator_by_period as (
    select
        numerator_observations.indicator_code,
        numerator_observations.area_code,
        pooled_grains.period_grain,
        {{ indicator_period_start('pooled_grains.period_grain', 'numerator_observations.observed_date') }} as period_start,
        sum(numerator_observations.weight * numerator_observations.value) as sum_weighted_value,
        sum(numerator_observations.weight) as sum_weight,
        max(numerator_observations.value) as max_value,
        min(numerator_observations.value) as min_value,
        count(*) as n_observations,
        count(distinct numerator_observations.entity_code) as n_entities,
        list_distinct(flatten(list(numerator_observations.batch_ids))) as batch_ids
    from numerator_observations
    inner join pooled_grains
        on numerator_observations.indicator_code = pooled_grains.indicator_code
    group by all
),

denominator_by_period as (
    select
        denominator_observations.indicator_code,
        denominator_observations.area_code,
        pooled_grains.period_grain,
        {{ indicator_period_start('pooled_grains.period_grain', 'denominator_observations.observed_date') }} as period_start,
        sum(denominator_observations.weight * denominator_observations.value) as sum_weighted_value,
        sum(denominator_observations.weight) as sum_weight,
        count(*) as n_observations,
        list_distinct(flatten(list(denominator_observations.batch_ids))) as batch_ids
    from denominator_observations
    inner join pooled_grains
        on denominator_observations.indicator_code = pooled_grains.indicator_code
    group by all
),

pooled_values as (
    select
        definitions.indicator_code,
        coalesce(numerator.area_code, denominator.area_code) as area_code,
        coalesce(numerator.period_grain, denominator.period_grain) as period_grain,
        coalesce(numerator.period_start, denominator.period_start) as period_start,
        case definitions.aggregation
            when 'avg' then definitions.multiplier * numerator.sum_weighted_value / nullif(numerator.sum_weight, 0)
            when 'sum' then definitions.multiplier * coalesce(numerator.sum_weighted_value, 0)
            when 'count' then definitions.multiplier * coalesce(numerator.sum_weight, 0)
            when 'count_distinct' then definitions.multiplier * coalesce(numerator.n_entities, 0)
            when 'max' then definitions.multiplier * numerator.max_value
            when 'min' then definitions.multiplier * numerator.min_value
            when 'share' then definitions.multiplier * coalesce(numerator.sum_weight, 0) / nullif(denominator.sum_weight, 0)
            when 'ratio' then definitions.multiplier * coalesce(numerator.sum_weighted_value, 0) / nullif(denominator.sum_weighted_value, 0)
        end as value,
        case
            when definitions.aggregation in ('share', 'ratio') then denominator.n_observations
            else coalesce(numerator.n_observations, 0)
        end as n_observations,
        list_distinct(list_concat(coalesce(numerator.batch_ids, []), coalesce(denominator.batch_ids, []))) as batch_ids
    from numerator_by_period as numerator
    full outer join denominator_by_period as denominator
        on numerator.indicator_code = denominator.indicator_code
        and numerator.area_code = denominator.area_code
        and numerator.period_grain = denominator.period_grain
        and numerator.period_start = denominator.period_start
    inner join definitions
        on coalesce(numerator.indicator_code, denominator.indicator_code) = definitions.indicator_code
),

-- coarser grains of indicators whose time_aggregation is not 'pooled': aggregate the values of
-- the finest grain (e.g. days over a limit in a month = sum of the daily 0/1 values)
coarser_grains as (
    select
        definitions.indicator_code,
        definitions.time_aggregation,
        definitions.grains[1] as finest_grain,
        grain.period_grain
    from definitions
    cross join unnest(definitions.grains) as grain(period_grain)
    where definitions.time_aggregation <> 'pooled'
        and grain.period_grain <> definitions.grains[1]
),

rolled_up_values as (
    select
        pooled_values.indicator_code,
        pooled_values.area_code,
        coarser_grains.period_grain,
        {{ indicator_period_start('coarser_grains.period_grain', 'pooled_values.period_start') }} as period_start,
        case coarser_grains.time_aggregation
            when 'sum' then sum(pooled_values.value)
            when 'avg' then avg(pooled_values.value)
            when 'max' then max(pooled_values.value)
            when 'min' then min(pooled_values.value)
            when 'last' then arg_max(pooled_values.value, pooled_values.period_start)
        end as value,
        sum(pooled_values.n_observations) as n_observations,
        list_distinct(flatten(list(pooled_values.batch_ids))) as batch_ids
    from pooled_values
    inner join coarser_grains
        on pooled_values.indicator_code = coarser_grains.indicator_code
        and pooled_values.period_grain = coarser_grains.finest_grain
    where pooled_values.value is not null
    group by
        pooled_values.indicator_code,
        pooled_values.area_code,
        coarser_grains.period_grain,
        {{ indicator_period_start('coarser_grains.period_grain', 'pooled_values.period_start') }},
        coarser_grains.time_aggregation
),

all_values as (
    select * from pooled_values
    union all
    select * from rolled_up_values
),

final as (
    select
        -- ids
        all_values.indicator_code,
        definitions.sector_code,
        all_values.area_code,
        cast(all_values.period_start as date) as period_start,
        {{ indicator_published_grain('all_values.period_grain') }} as period_grain,

        -- measures
        -- rounded to 1e-9: bridge weights (0.166667...) must not turn a mean of 100s into 100.00000000000001
        cast(round(all_values.value, 9) as double) as value,
        definitions.unit,
        cast(all_values.n_observations as bigint) as n_observations,

        -- lineage
        cast(list_sort(all_values.batch_ids) as varchar[]) as source_batch_ids
    from all_values
    inner join definitions
        on all_values.indicator_code = definitions.indicator_code
    where all_values.value is not null
        and isfinite(all_values.value)
)

select * from final
