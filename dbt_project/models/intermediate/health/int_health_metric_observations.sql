{#- Monthly reports of the Department of Health as metric observations.
      health_disease_cases / health_disease_deaths   per area and disease (category = disease)
      health_beds_planned / health_beds_actual / health_beds_occupied (actual x occupancy %)
      health_outpatient_visits / health_inpatient_admissions / health_vaccination_coverage_pct
                                                      per facility (category = facility type)
    Observed at the first day of the reporting month. -#}
with

disease_cases as (
    select * from {{ ref('stg_health__disease_cases') }}
),

facility_reports as (
    select * from {{ ref('stg_health__facility_reports') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

disease_long as (
    select
        area_code,
        area_code || '|' || disease as entity_code,
        disease as category,
        reporting_period,
        batch_id,
        unnest(['health_disease_cases', 'health_disease_deaths']) as metric_code,
        unnest([cast(cases as double), cast(deaths as double)]) as value
    from disease_cases
),

facility_long as (
    select
        area_code,
        facility_code as entity_code,
        facility_type as category,
        reporting_period,
        batch_id,
        unnest([
            'health_beds_planned', 'health_beds_actual', 'health_beds_occupied',
            'health_outpatient_visits', 'health_inpatient_admissions', 'health_vaccination_coverage_pct'
        ]) as metric_code,
        unnest([
            cast(beds_planned as double), cast(beds_actual as double), beds_actual * bed_occupancy_pct / 100.0,
            cast(outpatient_visits as double), cast(inpatient_admissions as double), vaccination_coverage_pct
        ]) as value
    from facility_reports
),

unioned as (
    select * from disease_long
    union all
    select * from facility_long
),

final as (
    select
        -- ids
        unioned.metric_code,
        unioned.entity_code,

        -- dimensions
        unioned.category,
        {{ observation_area_columns('unioned.area_code', 'areas') }},

        -- measures
        unioned.value,
        cast(null as varchar) as unit,

        -- timestamps
        cast(unioned.reporting_period as timestamp) as observed_at,

        -- lineage
        [unioned.batch_id] as batch_ids
    from unioned
    inner join areas
        on unioned.area_code = areas.area_code
    where unioned.value is not null
)

select * from final
