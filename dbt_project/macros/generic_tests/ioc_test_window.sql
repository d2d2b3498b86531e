{#- Data tests limited to the run's partition window.

    A test on a high-volume model (a staging view over the landing Parquet of station readings or
    camera observations, a daily_partitioned incremental model) declares

        config:
          where: "partition_window(measured_at_local)"            # wall-clock column (+07)
          where: "partition_window(observed_at, instant)"         # timestamptz column (UTC instant)
          where: "partition_window(hour_start, lookback=1 day, lookahead=1 day)"

    An incremental model whose pre-hook deletes a widened window (delete_partition_window with
    lookback / lookahead) recomputes that widened window: its tests take the same widening.

    The YAML `where` config cannot call project macros, so the placeholder is expanded here, in the
    project's get_where_subquery (dbt's documented hook for custom `where` logic), at compile time:

    * with the vars window_start / window_end (Dagster's daily partitions, macro in_partition_window):
      the rows of the window, plus rows whose window column is null (a not_null rule on that column
      must still see them); the predicate is pushed down to the Parquet scan;
    * without them (a plain `dbt build`, the full_refresh invocation): `1=1`, every row is tested.

    Any other `where` is used as given, as dbt does. -#}

{% macro ioc_test_window(column, instant=false, lookback=none, lookahead=none) -%}
    {%- set window_start = window_var('window_start') -%}
    {%- set window_end = window_var('window_end') -%}
    {%- if window_start is none or window_end is none -%}
        1=1
    {%- elif instant -%}
        {#- the vars are Asia/Ho_Chi_Minh wall clock (UTC+7 all year, no daylight saving) -#}
        ({{ column }} is null or ({{ column }} >= timestamptz '{{ window_start }}+07:00'{% if lookback %} - interval '{{ lookback }}'{% endif %}
        and {{ column }} < timestamptz '{{ window_end }}+07:00'{% if lookahead %} + interval '{{ lookahead }}'{% endif %}))
    {%- elif lookahead -%}
        ({{ column }} is null or {{ in_partition_window(column, lookback=lookback, lookahead=lookahead) }})
    {%- else -%}
        ({{ column }} is null or {{ in_partition_window(column, lookback=lookback) }})
    {%- endif -%}
{%- endmacro %}


{#- `partition_window(col[, instant][, lookback=..][, lookahead=..])` in a test's where config -> ioc_test_window(...). -#}
{% macro expand_partition_window(where) -%}
    {%- set marker = 'partition_window(' -%}
    {%- if marker not in where -%}
        {%- do return(where) -%}
    {%- endif -%}
    {%- set before, rest = where.split(marker, 1) -%}
    {%- set inside, after = rest.split(')', 1) -%}
    {%- set parts = inside.split(',') -%}
    {%- set column = parts[0].strip() -%}
    {%- set options = {'instant': false, 'lookback': none, 'lookahead': none} -%}
    {%- for part in parts[1:] -%}
        {%- set name, _, value = part.strip().partition('=') -%}
        {%- if name not in options or (name == 'instant') != (value == '') -%}
            {{ exceptions.raise_compiler_error("where: partition_window(<column>[, instant][, lookback=<interval>][, lookahead=<interval>]), not " ~ where) }}
        {%- endif -%}
        {%- do options.update({name: (value.strip() if value else true)}) -%}
    {%- endfor -%}
    {%- if not column -%}
        {{ exceptions.raise_compiler_error("where: partition_window needs a column: " ~ where) }}
    {%- endif -%}
    {%- do return(before ~ ioc_test_window(column, options['instant'], options['lookback'], options['lookahead'])
                  ~ expand_partition_window(after)) -%}
{%- endmacro %}


{#- dbt's default get_where_subquery, with the partition_window placeholder expanded. -#}
{% macro get_where_subquery(relation) -%}
    {%- set where = config.get('where') -%}
    {%- if where -%}
        {%- set filtered -%}
            (select * from {{ relation }} where {{ expand_partition_window(where) }}) dbt_subquery
        {%- endset -%}
        {%- do return(filtered) -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}
