with

source as (
    select * from {{ source('ict', 'digital_government') }}
),

renamed as (
    select
        -- ids
        cast(reporting_period as date) as reporting_period,
        cast(agency_code as varchar) as agency_code,

        -- dimensions
        cast(agency_name as varchar) as agency_name,
        cast(area_code as varchar) as area_code,

        -- measures
        cast(full_online_services as bigint) as full_online_services,
        cast(partial_online_services as bigint) as partial_online_services,
        cast(dossiers_received as bigint) as dossiers_received,
        cast(dossiers_online as bigint) as dossiers_online,
        cast(online_dossier_rate_pct as double) as online_dossier_rate_pct,
        cast(edocs_sent as bigint) as edocs_sent,
        cast(edocs_signed_pct as double) as edocs_signed_pct,
        cast(officials_with_digital_signature as bigint) as officials_with_digital_signature,

        -- data quality
        cast(is_late as boolean) as is_late,
        cast(source_encoding as varchar) as source_encoding,
        cast(_extra as varchar) as extra_columns_json,
        cast(file_received_at as timestamptz) as file_received_at,

        -- lineage
        cast(_batch_id as varchar) as batch_id,
        cast(_source_file as varchar) as source_file,
        cast(_line_number as bigint) as line_number,
        cast(_loaded_at as timestamptz) as loaded_at
    from source
),

latest as (
    -- A revised file (same name, new content), a corrected re-send or a late supplement lands
    -- again: the version the department delivered last wins.
    select *
    from renamed
    qualify row_number() over (
        partition by reporting_period, agency_code
        order by file_received_at desc, loaded_at desc, source_file desc, line_number desc
    ) = 1
)

select * from latest
