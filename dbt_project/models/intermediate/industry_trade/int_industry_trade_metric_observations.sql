{#- Reports of the Department of Industry and Trade as metric observations.
      dx_surveyed / dx_platforms / dx_ecommerce / dx_einvoice / dx_cloud_accounting
          quarterly digital-transformation survey, province-wide, once per enterprise size
          (metric suffix _by_size, category = size) and once per VSIC section (_by_section)
      ip_production_value_bn_vnd / ip_export_value_musd / ip_workers / ip_occupancy_pct
          monthly industrial-park reports (category = park code) -#}
with

dx_survey as (
    select * from {{ ref('stg_industry_trade__dx_survey') }}
),

industrial_parks as (
    select * from {{ ref('stg_industry_trade__industrial_parks') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

dx_cells as (
    select
        enterprise_size || '|' || vsic_section as entity_code,
        reporting_period,
        batch_id,
        unnest(['dx_surveyed', 'dx_platforms', 'dx_ecommerce', 'dx_einvoice', 'dx_cloud_accounting']) as measure,
        unnest([
            cast(enterprises_surveyed as double), cast(adopting_digital_platforms as double),
            cast(adopting_ecommerce as double), cast(adopting_einvoice as double),
            cast(adopting_cloud_accounting as double)
        ]) as value,
        enterprise_size,
        vsic_section
    from dx_survey
),

dx_long as (
    select
        cast(null as varchar) as area_code,
        entity_code,
        reporting_period,
        batch_id,
        unnest([measure || '_by_size', measure || '_by_section']) as metric_code,
        unnest([enterprise_size, vsic_section]) as category,
        value
    from dx_cells
),

parks_long as (
    select
        area_code,
        park_code as entity_code,
        reporting_period,
        batch_id,
        unnest(['ip_production_value_bn_vnd', 'ip_export_value_musd', 'ip_workers', 'ip_occupancy_pct']) as metric_code,
        park_code as category,
        unnest([production_value_bn_vnd, export_value_musd, cast(workers as double), occupancy_pct]) as value
    from industrial_parks
),

unioned as (
    select * from dx_long
    union all
    select * from parks_long
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
    left join areas
        on unioned.area_code = areas.area_code
    where unioned.value is not null
        and (unioned.area_code is null or areas.area_code is not null)
)

select * from final
