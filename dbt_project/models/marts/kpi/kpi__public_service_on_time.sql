with

agency_procedure_months as (
    select * from {{ ref('int_public_services_agency_procedure_months') }}
),

final as (
    select
        -- ids
        cast(agency_code as varchar) as agency_code,
        cast(procedure_code as varchar) as procedure_code,
        cast(period_month as date) as period_month,

        -- dimensions
        cast(agency_name as varchar) as agency_name,
        cast(procedure_name as varchar) as procedure_name,
        cast(field_name as varchar) as field_name,

        -- measures
        cast(dossiers_received as bigint) as dossiers_received,
        cast(dossiers_received_online as bigint) as dossiers_received_online,
        cast(dossiers_resolved as bigint) as dossiers_resolved,
        cast(resolved_on_time as bigint) as resolved_on_time,
        cast(resolved_late as bigint) as resolved_late,
        cast(100.0 * resolved_on_time / nullif(dossiers_resolved, 0) as double) as on_time_rate_pct,
        cast(mean_processing_days as double) as mean_processing_days,
        cast(p90_processing_days as double) as p90_processing_days,

        -- lineage
        cast(batch_ids as varchar[]) as source_batch_ids
    from agency_procedure_months
)

select * from final
