{#- Monthly reports of the labour department and social insurance as metric observations.
      lab_workers_employed / lab_new_jobs / lab_trained_workers (employed x trained %)
          per area and economic sector (category = sector)
      lab_si_compulsory / lab_si_voluntary / lab_ui_claims / lab_ui_approved / lab_hi_coverage_pct
          per area -#}
with

employment as (
    select * from {{ ref('stg_labour__employment') }}
),

social_insurance as (
    select * from {{ ref('stg_labour__social_insurance') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

employment_long as (
    select
        area_code,
        area_code || '|' || sector as entity_code,
        sector as category,
        reporting_period,
        batch_id,
        unnest(['lab_workers_employed', 'lab_new_jobs', 'lab_trained_workers']) as metric_code,
        unnest([
            cast(workers_employed as double), cast(new_jobs as double), workers_employed * trained_workers_pct / 100.0
        ]) as value
    from employment
),

insurance_long as (
    select
        area_code,
        area_code as entity_code,
        cast(null as varchar) as category,
        reporting_period,
        batch_id,
        unnest(['lab_si_compulsory', 'lab_si_voluntary', 'lab_ui_claims', 'lab_ui_approved', 'lab_hi_coverage_pct']) as metric_code,
        unnest([
            cast(si_compulsory_participants as double), cast(si_voluntary_participants as double),
            cast(ui_claims as double), cast(ui_approved as double), hi_coverage_pct
        ]) as value
    from social_insurance
),

unioned as (
    select * from employment_long
    union all
    select * from insurance_long
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
