with

events as (
    select * from {{ ref('int_env_exceedance_events_merged') }}
),

stations as (
    select * from {{ ref('int_env_stations_current') }}
),

final as (
    select
        -- ids
        cast(events.event_id as varchar) as event_id,
        cast(events.station_code as varchar) as station_code,

        -- dimensions
        cast(events.station_type as varchar) as station_type,
        cast(stations.facility_name as varchar) as facility_name,
        cast(events.param as varchar) as param,
        cast(events.averaging as varchar) as averaging,
        cast(events.limit_kind as varchar) as limit_kind,
        cast(events.regulation as varchar) as regulation,
        cast(events.regulation_version as varchar) as regulation_version,
        cast(stations.district_code as varchar) as district_code,
        cast(stations.commune_code_2025 as varchar) as commune_code_2025,

        -- measures
        cast(events.hours as integer) as hours,
        cast(events.observed_max as double) as observed_max,
        cast(events.limit_value as double) as limit_value,
        cast(events.unit as varchar) as unit,

        -- timestamps
        cast(events.event_start as timestamp) as event_start,
        cast(events.event_end as timestamp) as event_end
    from events
    left join stations
        on events.station_code = stations.station_code
)

select * from final
