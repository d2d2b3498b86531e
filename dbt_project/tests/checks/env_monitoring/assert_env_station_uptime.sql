-- Why: an automatic monitoring station that transmits less than 75 % of the last 24 hours
-- (Circular 10/2021: every 5 minutes) gives hourly values and AQI on thin data. Lists each such
-- registered station: the Department follows up with the operator. A warning.
{{ config(**ioc_check(gate='warn', scope='env_monitoring')) }}

{{ ioc_env_station_uptime() }}

select * from uptime
where uptime < {{ var('ioc_station_min_uptime', 0.75) }}
