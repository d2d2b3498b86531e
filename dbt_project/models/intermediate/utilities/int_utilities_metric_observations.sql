{#- Monthly exports of the power and water utilities as metric observations.
      ut_power_mwh                       per area and customer sector (category = sector)
      ut_power_customers / ut_outage_hours / ut_saidi_customer_minutes (SAIDI x customers) /
      ut_saifi_customer_interruptions (SAIFI x customers)      per area
      ut_water_produced_m3 / ut_water_billed_m3 / ut_water_lost_m3 (produced - billed) /
      ut_households_served / ut_households_total / ut_water_connections
                                         per area and water plant (category = plant code) -#}
with

power_consumption as (
    select * from {{ ref('stg_utilities__power_consumption') }}
),

power_service as (
    select * from {{ ref('stg_utilities__power_service') }}
),

water_supply as (
    select * from {{ ref('stg_utilities__water_supply') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

consumption_long as (
    select
        area_code,
        area_code || '|' || sector as entity_code,
        sector as category,
        period_month,
        batch_id,
        'ut_power_mwh' as metric_code,
        energy_mwh as value,
        'MWh' as unit
    from power_consumption
),

service_long as (
    select
        area_code,
        area_code as entity_code,
        cast(null as varchar) as category,
        period_month,
        batch_id,
        unnest(['ut_power_customers', 'ut_outage_hours', 'ut_saidi_customer_minutes', 'ut_saifi_customer_interruptions']) as metric_code,
        unnest([cast(customers as double), outage_hours, saidi_minutes * customers, saifi_interruptions * customers]) as value,
        cast(null as varchar) as unit
    from power_service
),

water_long as (
    select
        area_code,
        area_code || '|' || coalesce(plant_code, '') as entity_code,
        plant_code as category,
        period_month,
        batch_id,
        unnest([
            'ut_water_produced_m3', 'ut_water_billed_m3', 'ut_water_lost_m3',
            'ut_households_served', 'ut_households_total', 'ut_water_connections'
        ]) as metric_code,
        unnest([
            produced_m3, billed_m3, produced_m3 - billed_m3,
            cast(households_served as double), cast(households_total as double), cast(connections as double)
        ]) as value,
        cast(null as varchar) as unit
    from water_supply
),

unioned as (
    select * from consumption_long
    union all
    select * from service_long
    union all
    select * from water_long
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
        unioned.unit,

        -- timestamps
        cast(unioned.period_month as timestamp) as observed_at,

        -- lineage
        [unioned.batch_id] as batch_ids
    from unioned
    inner join areas
        on unioned.area_code = areas.area_code
    where unioned.value is not null
)

select * from final
