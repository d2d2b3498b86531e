{#- The citizen feedback system (phản ánh kiến nghị) as metric observations, for reports
    received from var('indicator_start_date'), counted into cells of one local calendar month,
    area and category (entity = category|area); every measure is additive:
      cf_received_by_category / _by_channel / _by_agency     reports received (month received)
      cf_closed_by_category                                  reports closed: resolved or rejected
      cf_resolved_by_category / _by_agency                   reports resolved (month resolved)
      cf_within_sla_by_category                              ... within var('feedback_sla_days') days
      cf_handling_hours_by_category / _by_agency             sum of hours received -> resolved
      cf_rated_by_category / cf_rating_sum_by_category       ratings given (1-5) and their sum
    Categories: feedback category, channel, handling-agency slug. -#}
{%- set sla_hours = var('feedback_sla_days') * 24 %}

with

reports as (
    select * from {{ ref('stg_citizen_feedback__reports') }}
),

classified as (
    select
        *,
        {{ slug("coalesce(handling_agency, 'unassigned')") }} as agency_slug,
        epoch(resolved_at - received_at) / 3600.0 as handling_hours,
        coalesce(resolved_at_local, make_timestamp(epoch_us(updated_at)) + interval 7 hour) as closed_at_local
    from reports
    where received_at_local >= timestamp '{{ var("indicator_start_date") }}'
),

received as (
    select
        district_code, commune_code_2025, date_trunc('month', received_at_local) as period_month, batch_id,
        unnest(['cf_received_by_category', 'cf_received_by_channel', 'cf_received_by_agency']) as metric_code,
        unnest([category, channel, agency_slug]) as category,
        1.0 as value
    from classified
),

closed as (
    select
        district_code, commune_code_2025, date_trunc('month', closed_at_local) as period_month, batch_id,
        'cf_closed_by_category' as metric_code,
        category,
        1.0 as value
    from classified
    where report_status in ('resolved', 'rejected')
),

resolved as (
    select
        district_code, commune_code_2025, date_trunc('month', resolved_at_local) as period_month, batch_id,
        unnest([
            'cf_resolved_by_category', 'cf_resolved_by_agency', 'cf_within_sla_by_category',
            'cf_handling_hours_by_category', 'cf_handling_hours_by_agency',
            'cf_rated_by_category', 'cf_rating_sum_by_category'
        ]) as metric_code,
        unnest([category, agency_slug, category, category, agency_slug, category, category]) as category,
        unnest([
            1.0, 1.0,
            case when handling_hours <= {{ sla_hours }} then 1.0 else 0.0 end,
            handling_hours, handling_hours,
            case when satisfaction is not null then 1.0 end,
            cast(satisfaction as double)
        ]) as value
    from classified
    where report_status = 'resolved'
        and resolved_at_local is not null
),

unioned as (
    select * from received
    union all
    select * from closed
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
