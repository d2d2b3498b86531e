-- Why: a traffic camera online less than 75 % of the last 24 hours leaves its road segment's
-- counts and speeds on partial data. Lists each such active camera for the operator. A warning.
{{ config(**ioc_check(gate='warn', scope='traffic_cameras')) }}
-- depends_on: {{ ref('int_traffic_camera_hours_aggregated') }}  (ioc_camera_uptime reads its newest hour)

{{ ioc_camera_uptime() }}

select * from uptime
where uptime < {{ var('ioc_camera_min_uptime', 0.75) }}
