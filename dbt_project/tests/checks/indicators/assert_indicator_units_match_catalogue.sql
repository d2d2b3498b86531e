-- Why: a BI user reads every value in the unit of its catalogue row (ref.dim_indicator). A value
-- published under another unit (mg/m3 for µg/m3, a ratio for a %) is wrong by a factor while
-- looking plausible. Rows name their department (source_system): only that one is withheld; an
-- indicator missing from the catalogue has none and blocks the publication.
{{ config(**ioc_check(gate='withhold', scope='rows')) }}

with

indicator_values as (
    select * from {{ ref('kpi__indicator_values') }}
),

catalogue as (
    select * from {{ ref('ref__dim_indicator') }}
),

final as (
    select
        catalogue.source_system,
        indicator_values.indicator_code,
        indicator_values.unit as published_unit,
        catalogue.unit as catalogue_unit,
        count(*) as n_values
    from indicator_values
    left join catalogue
        on indicator_values.indicator_code = catalogue.indicator_code
    where catalogue.indicator_code is null
        or {{ normalise_unit('indicator_values.unit') }} <> {{ normalise_unit('catalogue.unit') }}
    group by all
)

select * from final
