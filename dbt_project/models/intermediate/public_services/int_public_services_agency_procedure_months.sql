{#- Dossiers per agency, procedure and local calendar month: received in the month, and resolved
    in the month (on time / late, processing days). Returned and withdrawn dossiers count as
    received only. -#}
with

dossiers as (
    select * from {{ ref('stg_public_services__dossiers') }}
),

received as (
    select
        agency_code,
        procedure_code,
        cast(date_trunc('month', received_at_local) as date) as period_month,
        count(*) as dossiers_received,
        count(*) filter (where channel = 'online') as dossiers_received_online,
        list(batch_id) as batch_ids
    from dossiers
    where received_at_local is not null
    group by all
),

resolved as (
    select
        agency_code,
        procedure_code,
        cast(date_trunc('month', resolved_at_local) as date) as period_month,
        count(*) as dossiers_resolved,
        count(*) filter (where status = 'resolved_on_time') as resolved_on_time,
        count(*) filter (where status = 'resolved_late') as resolved_late,
        avg(epoch(resolved_at_local - received_at_local) / 86400.0) as mean_processing_days,
        quantile_cont(epoch(resolved_at_local - received_at_local) / 86400.0, 0.9) as p90_processing_days,
        list(batch_id) as batch_ids
    from dossiers
    where status in ('resolved_on_time', 'resolved_late')
        and resolved_at_local is not null
    group by all
),

names as (
    select
        agency_code,
        procedure_code,
        arg_max(agency_name, updated_at_local) as agency_name,
        arg_max(procedure_name, updated_at_local) as procedure_name,
        arg_max(field_name, updated_at_local) as field_name
    from dossiers
    group by all
),

final as (
    select
        -- ids
        coalesce(received.agency_code, resolved.agency_code) as agency_code,
        coalesce(received.procedure_code, resolved.procedure_code) as procedure_code,
        coalesce(received.period_month, resolved.period_month) as period_month,

        -- dimensions
        names.agency_name,
        names.procedure_name,
        names.field_name,

        -- measures
        coalesce(received.dossiers_received, 0) as dossiers_received,
        coalesce(received.dossiers_received_online, 0) as dossiers_received_online,
        coalesce(resolved.dossiers_resolved, 0) as dossiers_resolved,
        coalesce(resolved.resolved_on_time, 0) as resolved_on_time,
        coalesce(resolved.resolved_late, 0) as resolved_late,
        resolved.mean_processing_days,
        resolved.p90_processing_days,

        -- lineage
        list_sort(list_distinct(list_concat(coalesce(received.batch_ids, []), coalesce(resolved.batch_ids, []))))
            as batch_ids
    from received
    full outer join resolved
        on received.agency_code = resolved.agency_code
        and received.procedure_code = resolved.procedure_code
        and received.period_month = resolved.period_month
    left join names
        on coalesce(received.agency_code, resolved.agency_code) = names.agency_code
        and coalesce(received.procedure_code, resolved.procedure_code) = names.procedure_code
)

select * from final
