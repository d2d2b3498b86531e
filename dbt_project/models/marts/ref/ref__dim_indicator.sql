with

source as (
    select * from {{ ref('ref_indicators') }}
),

final as (
    select
        -- ids
        cast(indicator_code as varchar) as indicator_code,

        -- names and classification
        cast(name_vi as varchar) as name_vi,
        cast(name_en as varchar) as name_en,
        cast(sector_code as varchar) as sector_code,
        cast(family_code as varchar) as family_code,
        cast(breakdown_members as varchar) as breakdown_members,
        cast(definition as varchar) as definition,
        cast(unit as varchar) as unit,
        cast(frequency as varchar) as frequency,
        cast(array_to_string(list_transform({{ indicator_grains('frequency') }},
            lambda g: {{ indicator_published_grain('g') }}), '|') as varchar) as period_grains,
        cast(time_aggregation as varchar) as time_aggregation,
        cast(area_aggregation as varchar) as area_aggregation,
        cast(direction as varchar) as direction,
        cast(owner_department as varchar) as owner_department,
        cast(source_system as varchar) as source_system,
        cast(method as varchar) as method,

        -- formula (executed by the generic mechanism)
        cast(metric as varchar) as metric,
        cast(aggregation as varchar) as aggregation,
        cast(numerator_filter as varchar) as numerator_filter,
        cast(denominator_metric as varchar) as denominator_metric,
        cast(denominator_filter as varchar) as denominator_filter,
        cast(multiplier as double) as multiplier,
        cast(breakdown as varchar) as breakdown,

        -- reported-data validation
        cast(source_unit as varchar) as source_unit,
        cast(valid_min as double) as valid_min,
        cast(valid_max as double) as valid_max,

        -- target and thresholds
        cast(target as double) as target,
        cast(warning_threshold as double) as warning_threshold,
        cast(critical_threshold as double) as critical_threshold,
        cast(target_valid_from as date) as target_valid_from,
        cast(target_valid_to as date) as target_valid_to,

        -- validity and references
        cast(valid_from as date) as valid_from,
        cast(valid_to as date) as valid_to,
        cast(iso37120_code as varchar) as iso37120_code,
        cast(u4ssc_code as varchar) as u4ssc_code,
        cast(note as varchar) as note
    from source
)

select * from final
