with

indicator_values as (
    select * from {{ ref('int_indicator_values_computed') }}
),

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

judged as (
    select
        indicator_values.*,
        areas.geography,
        areas.area_level,
        catalogue.target,
        catalogue.warning_threshold,
        catalogue.critical_threshold,
        {{ indicator_status(
            'indicator_values.value', 'catalogue.direction', 'catalogue.target',
            'catalogue.warning_threshold', 'catalogue.critical_threshold',
            '(catalogue.target_valid_from is null or indicator_values.period_start >= catalogue.target_valid_from)
              and (catalogue.target_valid_to is null or indicator_values.period_start <= catalogue.target_valid_to)'
        ) }} as status
    from indicator_values
    inner join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
    left join areas
        on indicator_values.area_code = areas.area_code
),

final as (
    select
        -- ids
        cast(indicator_code as varchar) as indicator_code,
        cast(sector_code as varchar) as sector_code,
        cast(area_code as varchar) as area_code,
        cast(period_start as date) as period_start,
        cast(period_grain as varchar) as period_grain,

        -- measures
        cast(value as double) as value,
        cast(unit as varchar) as unit,
        cast(n_observations as bigint) as n_observations,

        -- lineage
        cast(source_batch_ids as varchar[]) as source_batch_ids,

        -- judgement against the catalogue's target
        cast(target as double) as target,
        cast(warning_threshold as double) as warning_threshold,
        cast(critical_threshold as double) as critical_threshold,
        cast(status as varchar) as status,

        -- geography of the area
        cast(geography as varchar) as geography,
        cast(area_level as varchar) as area_level
    from judged
)

select * from final
