{#- The business registration system as metric observations, counted into cells of one
    month, area and category (entity = category|area); every measure is additive.
    Registrations and status changes from var('indicator_start_date'), in their month:
      br_registered_by_form / _by_size / _by_section   new enterprises (category = legal form,
                                                        size class, VSIC section)
      br_registered_fdi_by_country                      new foreign-invested enterprises
                                                        (category = investor country)
      br_registered_capital_by_section                  registered capital, billion VND
      br_status_change                                  decisions (category = new status)
    The registry as it stands, in the month of its latest change:
      br_stock_by_status                                enterprises (category = status)
      br_active_by_size / br_active_by_section          active enterprises
      br_active_employees_by_section                    employees of active enterprises -#}
with

enterprises as (
    select * from {{ ref('stg_business_registry__enterprises') }}
),

status_history as (
    select * from {{ ref('stg_business_registry__status_history') }}
),

sections as (
    select * from {{ ref('ref_vsic_sections') }}
),

classified as (
    select
        enterprises.*,
        sections.vsic_section,
        max(cast(enterprises.updated_at_local as date)) over () as snapshot_date
    from enterprises
    left join sections
        on enterprises.vsic_division_code between sections.division_from and sections.division_to
),

registrations as (
    select
        enterprise_code,
        district_code,
        commune_code_2025,
        registration_date as observed_on,
        batch_id,
        unnest([
            'br_registered_by_form', 'br_registered_by_size', 'br_registered_by_section',
            'br_registered_fdi_by_country', 'br_registered_capital_by_section'
        ]) as metric_code,
        unnest([legal_form, enterprise_size, vsic_section, fdi_country_code, vsic_section]) as category,
        unnest([1.0, 1.0, 1.0, case when is_fdi then 1.0 end, registered_capital_vnd / 1e9]) as value
    from classified
    where registration_date >= date '{{ var("indicator_start_date") }}'
),

status_changes as (
    select
        status_history.enterprise_code,
        classified.district_code,
        classified.commune_code_2025,
        status_history.changed_on as observed_on,
        status_history.batch_id,
        'br_status_change' as metric_code,
        status_history.new_status as category,
        1.0 as value
    from status_history
    inner join classified
        on status_history.enterprise_code = classified.enterprise_code
    where status_history.changed_on >= date '{{ var("indicator_start_date") }}'
),

stock as (
    select
        enterprise_code,
        district_code,
        commune_code_2025,
        snapshot_date as observed_on,
        batch_id,
        unnest(['br_stock_by_status', 'br_active_by_size', 'br_active_by_section', 'br_active_employees_by_section']) as metric_code,
        unnest([status, enterprise_size, vsic_section, vsic_section]) as category,
        unnest([
            1.0,
            case when status = 'active' then 1.0 end,
            case when status = 'active' then 1.0 end,
            case when status = 'active' then cast(employees as double) end
        ]) as value
    from classified
),

unioned as (
    select * from registrations
    union all
    select * from status_changes
    union all
    select * from stock
),

final as (
    select
        -- ids
        metric_code,
        category || '|' || coalesce(commune_code_2025, district_code, '') as entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        sum(value) as value,
        cast(null as varchar) as unit,

        -- timestamps
        cast(date_trunc('month', observed_on) as timestamp) as observed_at,

        -- lineage
        list_sort(list_distinct(list(batch_id))) as batch_ids
    from unioned
    where value is not null
        and category is not null
    group by metric_code, category, district_code, commune_code_2025, date_trunc('month', observed_on)
)

select * from final
