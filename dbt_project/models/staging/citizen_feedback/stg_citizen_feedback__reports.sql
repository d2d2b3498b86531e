-- Citizen reports as they stand now: the latest landed version of each.
with

source as (
    select * from {{ source('citizen_feedback', 'reports') }}
),

renamed as (
    select
        -- ids
        cast(report_id as varchar) as report_id,
        cast(reporter_name_pseudonym as varchar) as reporter_name_pseudonym,
        cast(reporter_phone_pseudonym as varchar) as reporter_phone_pseudonym,

        -- dimensions
        cast(category as varchar) as category,
        cast(category_name as varchar) as category_name_vi,
        cast(channel as varchar) as channel,
        cast(title as varchar) as title,
        cast(status as varchar) as report_status,
        cast(handling_agency as varchar) as handling_agency,
        cast(district_code as varchar) as district_code,
        cast(commune_code_2025 as varchar) as commune_code_2025,
        cast(reporting_period as date) as reporting_period,
        cast(is_late_for_period as boolean) as is_late_for_period,

        -- measures and location
        cast(satisfaction as tinyint) as satisfaction,
        cast(longitude as double) as longitude,
        cast(latitude as double) as latitude,

        -- timestamps (UTC instants, then local wall clock)
        cast(received_at as timestamptz) as received_at,
        cast(created_at as timestamptz) as entered_at,
        cast(assigned_at as timestamptz) as assigned_at,
        cast(resolved_at as timestamptz) as resolved_at,
        cast(updated_at as timestamptz) as updated_at,
        make_timestamp(epoch_us(received_at)) + interval 7 hour as received_at_local,
        make_timestamp(epoch_us(resolved_at)) + interval 7 hour as resolved_at_local,

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
        partition by report_id
        order by updated_at desc, batch_id desc, line_number desc
    ) = 1
)

select * from latest_version
