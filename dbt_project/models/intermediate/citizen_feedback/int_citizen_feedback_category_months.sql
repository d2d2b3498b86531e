{#- Citizen reports per category and local calendar month: received in the month, and closed
    in the month (resolved or rejected) with the handling time of the resolved ones. -#}
{%- set sla_hours = var('feedback_sla_days') * 24 %}

with

reports as (
    select * from {{ ref('stg_citizen_feedback__reports') }}
),

timed as (
    select
        *,
        epoch(resolved_at - received_at) / 3600.0 as handling_hours,
        coalesce(resolved_at_local, make_timestamp(epoch_us(updated_at)) + interval 7 hour) as closed_at_local
    from reports
),

received as (
    select
        category,
        cast(date_trunc('month', received_at_local) as date) as period_month,
        count(*) as reports_received,
        list(batch_id) as batch_ids
    from timed
    group by all
),

closed as (
    select
        category,
        cast(date_trunc('month', closed_at_local) as date) as period_month,
        count(*) filter (where report_status = 'resolved') as reports_resolved,
        count(*) filter (where report_status = 'rejected') as reports_rejected,
        count(*) filter (where report_status = 'resolved' and handling_hours <= {{ sla_hours }}) as resolved_within_sla,
        avg(handling_hours) filter (where report_status = 'resolved') as mean_handling_hours,
        median(handling_hours) filter (where report_status = 'resolved') as median_handling_hours,
        quantile_cont(handling_hours, 0.9) filter (where report_status = 'resolved') as p90_handling_hours,
        avg(satisfaction) filter (where report_status = 'resolved') as mean_satisfaction,
        count(satisfaction) filter (where report_status = 'resolved') as n_ratings,
        list(batch_id) as batch_ids
    from timed
    where report_status in ('resolved', 'rejected')
    group by all
),

names as (
    select category, arg_max(category_name_vi, updated_at) as category_name_vi
    from reports
    group by category
),

final as (
    select
        -- ids
        coalesce(received.category, closed.category) as category,
        coalesce(received.period_month, closed.period_month) as period_month,

        -- dimensions
        names.category_name_vi,

        -- measures
        coalesce(received.reports_received, 0) as reports_received,
        coalesce(closed.reports_resolved, 0) as reports_resolved,
        coalesce(closed.reports_rejected, 0) as reports_rejected,
        coalesce(closed.resolved_within_sla, 0) as resolved_within_sla,
        closed.mean_handling_hours,
        closed.median_handling_hours,
        closed.p90_handling_hours,
        closed.mean_satisfaction,
        coalesce(closed.n_ratings, 0) as n_ratings,

        -- lineage
        list_sort(list_distinct(list_concat(coalesce(received.batch_ids, []), coalesce(closed.batch_ids, []))))
            as batch_ids
    from received
    full outer join closed
        on received.category = closed.category
        and received.period_month = closed.period_month
    left join names
        on coalesce(received.category, closed.category) = names.category
)

select * from final
