{#- Monthly reports of the Department of Science and Technology (ICT) as metric observations.
      ict_bts_4g / ict_bts_5g / ict_coverage_4g_pct / ict_fixed_broadband / ict_ftth /
      ict_mobile_broadband                      per area and operator (category = operator)
      dg_full_online_services / dg_partial_online_services / dg_dossiers_received /
      dg_dossiers_online / dg_edocs_sent / dg_edocs_signed (sent x signed %) /
      dg_officials_with_ds                      per agency (category = provincial | local: a
                                                department of the province or a commune/district
                                                people's committee) -#}
with

telecom as (
    select * from {{ ref('stg_ict__telecom_infrastructure') }}
),

digital_government as (
    select * from {{ ref('stg_ict__digital_government') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

telecom_long as (
    select
        area_code,
        area_code || '|' || operator as entity_code,
        operator as category,
        reporting_period,
        batch_id,
        unnest([
            'ict_bts_4g', 'ict_bts_5g', 'ict_coverage_4g_pct', 'ict_fixed_broadband', 'ict_ftth', 'ict_mobile_broadband'
        ]) as metric_code,
        unnest([
            cast(bts_4g as double), cast(bts_5g as double), coverage_4g_pct,
            cast(fixed_broadband_subscriptions as double), cast(ftth_subscriptions as double),
            cast(mobile_broadband_subscriptions as double)
        ]) as value
    from telecom
),

government_long as (
    select
        digital_government.area_code,
        digital_government.agency_code as entity_code,
        case when areas.area_level = 'province' then 'provincial' else 'local' end as category,
        digital_government.reporting_period,
        digital_government.batch_id,
        unnest([
            'dg_full_online_services', 'dg_partial_online_services', 'dg_dossiers_received', 'dg_dossiers_online',
            'dg_edocs_sent', 'dg_edocs_signed', 'dg_officials_with_ds'
        ]) as metric_code,
        unnest([
            cast(digital_government.full_online_services as double),
            cast(digital_government.partial_online_services as double),
            cast(digital_government.dossiers_received as double),
            cast(digital_government.dossiers_online as double),
            cast(digital_government.edocs_sent as double),
            digital_government.edocs_sent * digital_government.edocs_signed_pct / 100.0,
            cast(digital_government.officials_with_digital_signature as double)
        ]) as value
    from digital_government
    inner join areas
        on digital_government.area_code = areas.area_code
),

unioned as (
    select * from telecom_long
    union all
    select * from government_long
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
