with

source as (
    select * from {{ source('industry_trade', 'dx_survey') }}
),

renamed as (
    select
        -- ids
        cast(reporting_period as date) as reporting_period,
        cast(enterprise_size as varchar) as enterprise_size,
        cast(vsic_section as varchar) as vsic_section,

        -- dimensions
        cast(vsic_name as varchar) as vsic_name,

        -- measures
        cast(enterprises_surveyed as bigint) as enterprises_surveyed,
        cast(adopting_digital_platforms as bigint) as adopting_digital_platforms,
        cast(adopting_ecommerce as bigint) as adopting_ecommerce,
        cast(adopting_einvoice as bigint) as adopting_einvoice,
        cast(adopting_cloud_accounting as bigint) as adopting_cloud_accounting,
        cast(digital_platform_rate_pct as double) as digital_platform_rate_pct,

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
        partition by reporting_period, enterprise_size, vsic_section
        order by file_received_at desc, loaded_at desc, source_file desc, line_number desc
    ) = 1
)

select * from latest
