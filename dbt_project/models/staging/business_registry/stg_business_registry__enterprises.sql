-- Registered enterprises as the registry shows them now: the latest landed version of each.
with

source as (
    select * from {{ source('business_registry', 'enterprises') }}
),

renamed as (
    select
        -- ids
        cast(enterprise_code as varchar) as enterprise_code,

        -- dimensions
        cast(enterprise_name as varchar) as enterprise_name,
        cast(legal_form as varchar) as legal_form,
        cast(vsic_code as varchar) as vsic_code,
        cast(left(vsic_code, 2) as varchar) as vsic_division_code,
        cast(district_code as varchar) as district_code,
        cast(commune_code as varchar) as commune_code_2024,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        cast(is_fdi as boolean) as is_fdi,
        cast(fdi_country as varchar) as fdi_country_code,
        cast(enterprise_size as varchar) as enterprise_size,
        cast(status as varchar) as status,

        -- measures
        cast(registered_capital_vnd as bigint) as registered_capital_vnd,
        cast(employees as integer) as employees,

        -- dates
        cast(registration_date as date) as registration_date,
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
        partition by enterprise_code
        order by updated_at_local desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
