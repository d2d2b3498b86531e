{#- The provincial GIS layers as a yearly inventory (entity = feature), observed on the day the
    layer was loaded (indicators use frequency yearly: the latest layer of the year counts).
      gis_population / gis_area_km2        post-2025 communes (the finest current geography)
      gis_health_facility / gis_health_beds             category = facility type slug
      gis_school_by_level / gis_school_by_ownership     category = level slug / ownership
      gis_traffic_camera                                category = camera type
      gis_monitoring_station                            category = station type
      gis_industrial_park_area_ha                       category = park code -#}
with

admin_units as (
    select * from {{ ref('stg_gis__admin_units') }}
),

health_facilities as (
    select * from {{ ref('stg_gis__health_facilities') }}
),

schools as (
    select * from {{ ref('stg_gis__schools') }}
),

traffic_cameras as (
    select * from {{ ref('stg_gis__traffic_cameras') }}
),

monitoring_stations as (
    select * from {{ ref('stg_gis__monitoring_stations') }}
),

industrial_parks as (
    select * from {{ ref('stg_gis__industrial_parks') }}
),

communes as (
    select
        area_code as entity_code,
        cast(null as varchar) as district_code,
        area_code as commune_code_2025,
        cast(loaded_at as date) as observed_on,
        batch_id,
        unnest(['gis_population', 'gis_area_km2']) as metric_code,
        cast(null as varchar) as category,
        unnest([cast(population as double), area_km2]) as value
    from admin_units
    where geography = 'post_2025'
        and area_level = 'commune'
),

facilities as (
    select
        facility_code as entity_code, district_code, commune_code_2025, cast(loaded_at as date) as observed_on, batch_id,
        unnest(['gis_health_facility', 'gis_health_beds']) as metric_code,
        {{ slug('facility_type') }} as category,
        unnest([1.0, cast(beds as double)]) as value
    from health_facilities
),

school_points as (
    select
        school_code as entity_code, district_code, commune_code_2025, cast(loaded_at as date) as observed_on, batch_id,
        unnest(['gis_school_by_level', 'gis_school_by_ownership']) as metric_code,
        unnest([{{ slug('school_level') }}, ownership]) as category,
        1.0 as value
    from schools
),

cameras as (
    select
        camera_code as entity_code, district_code, commune_code_2025, cast(loaded_at as date) as observed_on, batch_id,
        'gis_traffic_camera' as metric_code, camera_type as category, 1.0 as value
    from traffic_cameras
),

stations as (
    select
        station_code as entity_code, district_code, commune_code_2025, cast(loaded_at as date) as observed_on, batch_id,
        'gis_monitoring_station' as metric_code, station_type as category, 1.0 as value
    from monitoring_stations
),

parks as (
    select
        park_code as entity_code, district_code, commune_code_2025, cast(loaded_at as date) as observed_on, batch_id,
        'gis_industrial_park_area_ha' as metric_code, park_code as category, area_ha as value
    from industrial_parks
),

unioned as (
    select * from communes
    union all select * from facilities
    union all select * from school_points
    union all select * from cameras
    union all select * from stations
    union all select * from parks
),

final as (
    select
        -- ids
        metric_code,
        entity_code,

        -- dimensions
        category,
        district_code,
        commune_code_2025,

        -- measures
        value,
        cast(null as varchar) as unit,

        -- timestamps
        cast(observed_on as timestamp) as observed_at,

        -- lineage
        [batch_id] as batch_ids
    from unioned
    where value is not null
)

select * from final
