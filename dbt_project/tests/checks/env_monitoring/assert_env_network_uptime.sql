-- Why: when fewer than half of the registered stations transmitted at least half of the last
-- 24 hours, district and province values stand on too few stations to be representative: the
-- environment values are withheld (last good values, marked stale) until the network is back.
{{ config(**ioc_check(gate='withhold', scope='env_monitoring')) }}

{{ ioc_env_station_uptime() }}

, network as (
    select
        'env_monitoring' as source_system,
        count(*) as stations_registered,
        count(*) filter (where uptime >= 0.5) as stations_up,
        round(count(*) filter (where uptime >= 0.5) / nullif(count(*), 0), 3) as share_up,
        any_value(window_end) as window_end
    from uptime
)

select * from network
where stations_registered = 0
    or share_up < {{ var('ioc_network_min_share_up', 0.5) }}
