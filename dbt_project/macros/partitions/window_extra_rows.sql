{#- The relation of a model these macros read, without ref(): the indicator models call them on
    tables they do not read directly (ref would make them parents, and every unit test of those
    models would need a fixture for them); dbt still runs them after, as their ancestors. -#}
{% macro window_model_relation(name) -%}
    {%- if execute -%}
        {{- return(graph.nodes['model.' ~ project_name ~ '.' ~ name].relation_name) -}}
    {%- else -%}
        {{- return(name) -}}
    {%- endif -%}
{%- endmacro %}

{#- The data-completeness metrics of int_env_metric_observations (readings_valid,
    readings_expected, station_day_reporting) count the network's first and last observed days
    only from their first / up to their last hour. When the window brings a later (earlier) day,
    the day that was last (first) before becomes a whole day again, however far from the window it
    is (a gap in loading): an incremental run recomputes these metrics from the last observed day
    before the widened window to the first observed day after it. -#}
{% macro env_grid_days(column) -%}
    {%- if model_is_incremental() and window_var('window_start') is not none and window_var('window_end') is not none -%}
        {%- set bounds = env_affected_bounds() %}
        ({{ column }} >= {{ bounds[0] }} and {{ column }} < {{ bounds[1] }})
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- Bounds (timestamp literals) of env_grid_days, with the window vars only: the last observed day
    before the widened window (or the widened window's start), the day after the first observed
    day after it (or the widened window's end). Every row an incremental run of the env and
    traffic models changes lies between them. Queried once per call at run time and inlined, so
    the model's SQL and its pre-hook delete use the same literal bounds. -#}
{% macro env_affected_bounds() -%}
    {%- set widened_start = "timestamp '" ~ window_var('window_start') ~ "' - interval '1 day'" -%}
    {%- set widened_end = "timestamp '" ~ window_var('window_end') ~ "' + interval '1 day'" -%}
    {%- if not execute -%}
        {{- return([widened_start, widened_end]) -}}
    {%- endif -%}
    {%- set readings = window_model_relation('int_env_readings_deduplicated') -%}
    {%- set bounds = run_query(
        "select strftime(least(" ~ widened_start ~ ", coalesce(max(measured_at_local) filter (where measured_at_local < " ~ widened_start ~ "), " ~ widened_start ~ ")), '%Y-%m-%d 00:00:00'),"
        ~ " strftime(greatest(" ~ widened_end ~ ", coalesce(date_trunc('day', min(measured_at_local) filter (where measured_at_local >= " ~ widened_end ~ ")) + interval 1 day, " ~ widened_end ~ ")), '%Y-%m-%d %H:%M:%S')"
        ~ " from " ~ readings) -%}
    {{- return(["timestamp '" ~ bounds.columns[0].values()[0] ~ "'", "timestamp '" ~ bounds.columns[1].values()[0] ~ "'"]) -}}
{%- endmacro %}

{#- Rows of int_env_metric_observations an incremental run recomputes besides the widened window:
    every exceedance event (an event spans any number of days; the events are few) and the
    completeness metrics of env_grid_days. -#}
{% macro env_metric_observations_extra_rows() -%}
    {{ env_metric_rows_recomputed_whole() }}
    or (metric_code in ('readings_valid', 'readings_expected', 'station_day_reporting')
        and {{ env_grid_days('observed_at') }})
{%- endmacro %}

{#- Rows of int_env_metric_observations recomputed whatever the window: the exceedance events. -#}
{% macro env_metric_rows_recomputed_whole() -%}
    metric_code = 'exceedance_event'
{%- endmacro %}

{#- Rows of int_traffic_metric_observations recomputed whatever the window: the incidents (an
    unpartitioned source, small), as opposed to the camera-days of the window. -#}
{% macro traffic_metric_observations_extra_rows() -%}
    starts_with(metric_code, 'tr_incident_')
{%- endmacro %}
