-- Administrative dossiers as they stand now: the latest landed version of each.
with

source as (
    select * from {{ source('public_services', 'dossiers') }}
),

renamed as (
    select
        -- ids
        cast(dossier_id as varchar) as dossier_id,
        cast(procedure_code as varchar) as procedure_code,
        cast(agency_code as varchar) as agency_code,
        cast(applicant_citizen_id_pseudonym as varchar) as applicant_citizen_id_pseudonym,
        cast(applicant_name_pseudonym as varchar) as applicant_name_pseudonym,
        cast(applicant_phone_pseudonym as varchar) as applicant_phone_pseudonym,

        -- dimensions
        cast(procedure_name as varchar) as procedure_name,
        cast(field as varchar) as field_name,
        cast(agency_name as varchar) as agency_name,
        cast(channel as varchar) as channel,
        cast(online_level as varchar) as online_service_level,
        cast(status as varchar) as status,
        cast(district_code as varchar) as district_code,
        cast(commune_code as varchar) as commune_code_2024,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        cast(applicant_citizen_id_kind as varchar) as applicant_citizen_id_kind,
        cast(applicant_phone_valid as boolean) as is_applicant_phone_valid,
        cast(reporting_period as varchar) as reporting_period,
        cast(is_late_entry as boolean) as is_late_entry,

        -- timestamps (local wall clock, Asia/Ho_Chi_Minh)
        cast(received_at as timestamp) as received_at_local,
        cast(due_at as timestamp) as due_at_local,
        cast(resolved_at as timestamp) as resolved_at_local,
        cast(created_at as timestamp) as entered_at_local,
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
        partition by dossier_id
        order by updated_at_local desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
