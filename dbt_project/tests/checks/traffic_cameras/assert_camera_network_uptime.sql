-- Why: when fewer than half of the active cameras were online at least half of the last 24
-- hours, traffic indicators no longer describe the road network: they are withheld (last good
-- values, marked stale) until the platform is back.
{{ config(**ioc_check(gate='withhold', scope='traffic_cameras')) }}
-- depends_on: {{ ref('int_traffic_camera_hours_aggregated') }}  (ioc_camera_uptime reads its newest hour)

{{ ioc_camera_uptime() }}

, network as (
    select
        'traffic_cameras' as source_system,
        count(*) as cameras_active,
        count(*) filter (where uptime >= 0.5) as cameras_up,
        round(count(*) filter (where uptime >= 0.5) / nullif(count(*), 0), 3) as share_up,
        any_value(window_end) as window_end
    from uptime
)

select * from network
where cameras_active = 0
    or share_up < {{ var('ioc_network_min_share_up', 0.5) }}
