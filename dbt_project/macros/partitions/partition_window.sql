{#- Partition windows of the incremental models (tag daily_partitioned).

    Dagster's daily partitions build these models one window at a time, passing
    --vars '{"window_start": "2026-11-24 00:00:00", "window_end": "2026-11-25 00:00:00"}'
    in Asia/Ho_Chi_Minh wall-clock time, like the timestamps they filter. A run deletes the
    window from the table (pre-hook) and appends it again, recomputed: re-running a window
    replaces it, other windows are untouched. Without the vars (a plain `dbt build`) the window
    is everything: the table is recomputed in full. -#}

{% macro in_partition_window(column, lookback=none) -%}
    {%- set window_start = var('window_start', none) -%}
    {%- set window_end = var('window_end', none) -%}
    {%- if window_start is none or window_end is none -%}
        true
    {%- else -%}
        ({{ column }} >= timestamp '{{ window_start }}'{% if lookback %} - interval '{{ lookback }}'{% endif %}
        and {{ column }} < timestamp '{{ window_end }}')
    {%- endif -%}
{%- endmacro %}

{% macro delete_partition_window(column) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ in_partition_window(column) }}
    {%- else -%}
        select 1 -- first build: nothing to replace
    {%- endif -%}
{%- endmacro %}
