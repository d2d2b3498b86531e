{#- Partition windows of the incremental models (tag daily_partitioned).

    Dagster's daily partitions build these models one window at a time, passing
    --vars '{"window_start": "2026-11-24 00:00:00", "window_end": "2026-11-25 00:00:00"}'
    in Asia/Ho_Chi_Minh wall-clock time, like the timestamps they filter. A run deletes the
    window from the table (pre-hook) and appends it again, recomputed: re-running a window
    replaces it, other windows are untouched. Without the vars (a plain `dbt build`) the window
    is everything: the table is recomputed in full. The first build (no table yet) and a
    --full-refresh compute everything too (in_model_window).

    lookback / lookahead widen the window (a DuckDB interval, e.g. '1 day', '36 hours'). A model
    whose rows depend on neighbouring hours (a stuck run crossing midnight, a 12-hour NowCast, a
    day mean) recomputes the window widened by what a change inside the window can reach, and
    reads its inputs widened by what those rows need. The pre-hook deletes exactly the rows the
    model then recomputes: same column, same widening.

    Why append + a pre-hook delete rather than delete+insert on a unique key: delete+insert only
    replaces the keys the new rows carry, so a row that should disappear (an hour that is no
    longer valid, an event whose start moved) would stay. Deleting the window removes it. -#}

{#- The run's window bound `window_start` / `window_end` (Asia/Ho_Chi_Minh wall clock, 'YYYY-MM-DD
    HH:MM:SS'), or none. From the dbt vars when given (`dbt build --vars '{window_start: ...}'` by
    hand), else from IOC_WINDOW_START / IOC_WINDOW_END, which is how Dagster passes it: the
    environment is read only at execution (`execute`), so a new window every run leaves dbt's
    partial parsing intact, while changed --vars make dbt re-parse the whole project (~4 s per
    invocation, docs/performance.md). -#}
{% macro window_var(name) -%}
    {%- set value = var(name, none) -%}
    {%- if value is none and execute -%}
        {%- set value = env_var('IOC_' ~ (name | upper), '') or none -%}
    {%- endif -%}
    {{- return(value) -}}
{%- endmacro %}

{% macro in_partition_window(column, lookback=none, lookahead=none) -%}
    {%- set window_start = window_var('window_start') -%}
    {%- set window_end = window_var('window_end') -%}
    {%- if window_start is none or window_end is none -%}
        true
    {%- else -%}
        ({{ column }} >= timestamp '{{ window_start }}'{% if lookback %} - interval '{{ lookback }}'{% endif %}
        and {{ column }} < timestamp '{{ window_end }}'{% if lookahead %} + interval '{{ lookahead }}'{% endif %})
    {%- endif -%}
{%- endmacro %}

{#- The window in a model's SQL: only when the model is built incrementally (its table exists,
    no --full-refresh). A first build, a full refresh and a unit test compute every row, whatever
    the vars. (`execute and`: nothing is evaluated at parse time, so the unit tests of these models
    need no is_incremental override.) -#}
{% macro in_model_window(column, lookback=none, lookahead=none) -%}
    {%- if model_is_incremental() -%}
        {{ in_partition_window(column, lookback, lookahead) }}
    {%- else -%}
        true
    {%- endif -%}
{%- endmacro %}

{#- is_incremental(), false at parse time and in a unit test (no `this` there). -#}
{% macro model_is_incremental() -%}
    {{- return(execute and model.resource_type != 'unit_test' and this is not none and is_incremental()) -}}
{%- endmacro %}

{#- Rows to delete before the window is appended again. `or_where` adds rows recomputed whatever
    the window (e.g. the few rows of an unpartitioned source that share the table). -#}
{% macro delete_partition_window(column, lookback=none, lookahead=none, or_where=none) -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ in_partition_window(column, lookback, lookahead) }}
        {%- if or_where %} or ({{ or_where }}){% endif %}
    {%- else -%}
        select 1 -- first build: nothing to replace
    {%- endif -%}
{%- endmacro %}
