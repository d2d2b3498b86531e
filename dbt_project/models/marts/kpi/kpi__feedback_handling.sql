with

category_months as (
    select * from {{ ref('int_citizen_feedback_category_months') }}
),

final as (
    select
        -- ids
        cast(category as varchar) as category,
        cast(period_month as date) as period_month,

        -- dimensions
        cast(category_name_vi as varchar) as category_name_vi,

        -- measures
        cast(reports_received as bigint) as reports_received,
        cast(reports_resolved as bigint) as reports_resolved,
        cast(reports_rejected as bigint) as reports_rejected,
        cast(100.0 * reports_resolved / nullif(reports_resolved + reports_rejected, 0) as double) as resolution_rate_pct,
        cast(100.0 * resolved_within_sla / nullif(reports_resolved, 0) as double) as within_sla_rate_pct,
        cast(mean_handling_hours as double) as mean_handling_hours,
        cast(median_handling_hours as double) as median_handling_hours,
        cast(p90_handling_hours as double) as p90_handling_hours,
        cast(mean_satisfaction as double) as mean_satisfaction,
        cast(n_ratings as bigint) as n_ratings,

        -- lineage
        cast(batch_ids as varchar[]) as source_batch_ids
    from category_months
)

select * from final
