-- Status changes of enterprises (suspension, resumption, dissolution), latest version of each.
with

source as (
    select * from {{ source('business_registry', 'status_history') }}
),

renamed as (
    select
        -- ids
        cast(history_id as bigint) as status_change_id,
        cast(enterprise_code as varchar) as enterprise_code,

        -- dimensions
        cast(old_status as varchar) as old_status,
        cast(new_status as varchar) as new_status,
        cast(decision_no as varchar) as decision_no,

        -- dates
        cast(changed_on as date) as changed_on,
        cast(updated_at as timestamp) as updated_at_local,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest_version as (
    select *
    from renamed
    qualify row_number() over (
        partition by status_change_id
        order by updated_at_local desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
