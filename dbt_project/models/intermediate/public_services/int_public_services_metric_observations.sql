{#- The public-service (one-stop shop) dossier system as metric observations, for dossiers
    received from var('indicator_start_date'). Dossiers are counted into cells of one local
    calendar month, area and category (entity = category|area), which keeps the indicator
    mechanism small; every measure is additive so any roll-up stays exact:
      ps_received_by_procedure / _by_agency / _by_field / _by_channel   dossiers received
      ps_resolved_by_procedure / _by_agency / _by_field                 dossiers resolved (on time
                                                                         or late; returned and
                                                                         withdrawn ones are not)
      ps_resolved_on_time_by_procedure / _by_agency / _by_field         ... of which on time
      ps_processing_days_by_procedure / _by_agency                      sum of days received ->
                                                                         resolved
    Categories: procedure code, agency group (the department's code, district_ppc or
    commune_ppc for the people's committees), field slug, channel (online_full | online_partial
    | offline). Reception counts in the month received, resolution in the month resolved. -#}
with

dossiers as (
    select * from {{ ref('stg_public_services__dossiers') }}
),

classified as (
    select
        *,
        case
            when agency_code like 'UBND-%-%' then 'commune_ppc'
            when agency_code like 'UBND-%' then 'district_ppc'
            else agency_code
        end as agency_group,
        {{ slug('field_name') }} as field_slug,
        case when channel = 'online' then 'online_' || coalesce(online_service_level, 'partial') else 'offline' end
            as channel_level,
        status in ('resolved_on_time', 'resolved_late') and resolved_at_local is not null as is_resolved,
        epoch(resolved_at_local - received_at_local) / 86400.0 as processing_days
    from dossiers
    where received_at_local >= timestamp '{{ var("indicator_start_date") }}'
),

received as (
    select
        district_code, commune_code_2025, date_trunc('month', received_at_local) as period_month, batch_id,
        unnest(['ps_received_by_procedure', 'ps_received_by_agency', 'ps_received_by_field', 'ps_received_by_channel']) as metric_code,
        unnest([procedure_code, agency_group, field_slug, channel_level]) as category,
        1.0 as value
    from classified
),

resolved as (
    select
        district_code, commune_code_2025, date_trunc('month', resolved_at_local) as period_month, batch_id,
        unnest([
            'ps_resolved_by_procedure', 'ps_resolved_by_agency', 'ps_resolved_by_field',
            'ps_resolved_on_time_by_procedure', 'ps_resolved_on_time_by_agency', 'ps_resolved_on_time_by_field',
            'ps_processing_days_by_procedure', 'ps_processing_days_by_agency'
        ]) as metric_code,
        unnest([
            procedure_code, agency_group, field_slug, procedure_code, agency_group, field_slug,
            procedure_code, agency_group
        ]) as category,
        unnest([
            1.0, 1.0, 1.0,
            case when status = 'resolved_on_time' then 1.0 else 0.0 end,
            case when status = 'resolved_on_time' then 1.0 else 0.0 end,
            case when status = 'resolved_on_time' then 1.0 else 0.0 end,
            processing_days, processing_days
        ]) as value
    from classified
    where is_resolved
),

unioned as (
    select * from received
    union all
    select * from resolved
),

final as (
    select
        -- ids
        metric_code,
        category || '|' || coalesce(commune_code_2025, district_code, '') as entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        sum(value) as value,
        cast(null as varchar) as unit,

        -- timestamps
        cast(period_month as timestamp) as observed_at,

        -- lineage
        list_sort(list_distinct(list(batch_id))) as batch_ids
    from unioned
    where category is not null
        and value is not null
    group by metric_code, category, district_code, commune_code_2025, period_month
)

select * from final
