{#- The indicator chain in an incremental run (int_indicator_observations,
    int_indicator_observations_located, int_indicator_values_computed).

    An observation is window-keyed when its metric is one of the rows the env and traffic models
    recompute by window (every metric of int_env_metric_observations and
    int_traffic_metric_observations but the exceedance events and the incidents, recomputed whole):
    such a row can only have changed between the bounds of env_affected_bounds(). Every
    other observation (the monthly, quarterly, school-year and unpartitioned sources, the events,
    the incidents) is recomputed whole at each run: those sources are small. A metric code is
    assumed to come from one metric model (int_indicator_observations unions them).

    An indicator whose metrics (numerator and denominator) are all window-keyed recomputes only the
    periods the affected days fall in, at every grain, read whole at its coarsest grain (a daily
    indicator: the days and the calendar months touched; a month is recomputed from all its
    days); unless its catalogue row changed since the last build (or is new): then it is
    recomputed whole. Without the window vars everything is recomputed. -#}

{% macro window_keyed_metric_codes() -%}
    {%- set query -%}
    select distinct metric_code from {{ window_model_relation('int_env_metric_observations') }}
    where metric_code is not null and not ({{ env_metric_rows_recomputed_whole() }})
    union
    select distinct metric_code from {{ window_model_relation('int_traffic_metric_observations') }}
    where metric_code is not null and not ({{ traffic_metric_observations_extra_rows() }})
    order by 1
    {%- endset -%}
    {%- set codes = run_query(query).columns[0].values() if execute else [] -%}
    ({% for code in codes %}'{{ code | replace("'", "''") }}'{% if not loop.last %}, {% endif %}{% else %}null{% endfor %})
{%- endmacro %}

{% macro has_window_vars() -%}
    {{- return(window_var('window_start') is not none and window_var('window_end') is not none) -}}
{%- endmacro %}

{#- Observations (rows with a metric code and the time observed) an incremental run recomputes. -#}
{% macro indicator_rows_in_window(metric_code='metric_code', observed_at='observed_at') -%}
    {%- if not (model_is_incremental() and has_window_vars()) -%}
        true
    {%- else -%}
        {%- set bounds = env_affected_bounds() %}
        (not coalesce({{ metric_code }} in {{ window_keyed_metric_codes() }}, false)
         or ({{ observed_at }} >= {{ bounds[0] }} and {{ observed_at }} < {{ bounds[1] }}))
    {%- endif -%}
{%- endmacro %}

{% macro delete_indicator_rows_in_window() -%}
    {%- if is_incremental() -%}
        delete from {{ this }} where {{ indicator_rows_in_window() }}
    {%- else -%}
        select 1 -- first build: nothing to replace
    {%- endif -%}
{%- endmacro %}


{#- The catalogue rows int_indicator_values_computed was last built from (a fingerprint per
    indicator), kept next to it by its post-hook: a changed or new catalogue row is recomputed
    whole, not only in the window. -#}
{% macro indicator_catalogue_state_relation() -%}
    {{- return(api.Relation.create(database=this.database, schema=this.schema, identifier=this.identifier ~ '__catalogue')) -}}
{%- endmacro %}

{% macro record_indicator_catalogue() -%}
    create or replace table {{ indicator_catalogue_state_relation() }} as
    select indicator_code, md5(cast(catalogue as varchar)) as catalogue_fingerprint
    from {{ ref('ref_indicators') }} as catalogue
{%- endmacro %}

{#- One row per catalogue indicator: window_keyed (an incremental run recomputes only
    [window_first_day, window_end_day) of it) and those bounds, whole periods of its coarsest grain. -#}
{% macro indicator_values_scope() -%}
    {%- set state = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier ~ '__catalogue')
        if model_is_incremental() and has_window_vars() else none -%}
    {%- set coarsest = 'list_extract(' ~ indicator_grains('catalogue.frequency') ~ ', -1)' -%}
    select
        catalogue.indicator_code,
        {%- if state is not none %}
        {%- set codes = window_keyed_metric_codes() %}
        {%- set bounds = env_affected_bounds() %}
        coalesce(catalogue.metric in {{ codes }}, false)
            and coalesce(coalesce(nullif(trim(catalogue.denominator_metric), ''), catalogue.metric) in {{ codes }}, false)
            and coalesce(state.catalogue_fingerprint = md5(cast(catalogue as varchar)), false)
            and {{ coarsest }} is not null
            as window_keyed,
        {{ indicator_period_start(coarsest, 'cast(' ~ bounds[0] ~ ' as date)') }} as window_first_day,
        cast({{ indicator_period_start(coarsest, 'cast(' ~ bounds[1] ~ ' as date) - 1') }}
            + case {{ coarsest }}
                when 'day' then interval 1 day
                when 'month' then interval 1 month
                when 'quarter' then interval 3 month
                else interval 1 year
            end as date) as window_end_day
        {%- else %}
        false as window_keyed,
        cast(null as date) as window_first_day,
        cast(null as date) as window_end_day
        {%- endif %}
    from {{ ref('ref_indicators') }} as catalogue
    {%- if state is not none %}
    left join {{ state }} as state
        on catalogue.indicator_code = state.indicator_code
    {%- endif %}
{%- endmacro %}

{% macro delete_indicator_values_in_window() -%}
    {%- if is_incremental() -%}
        delete from {{ this }}
        where indicator_code not in (select indicator_code from ({{ indicator_values_scope() }}) where window_keyed)
            or exists (
                select 1 from ({{ indicator_values_scope() }}) as scope
                where scope.window_keyed
                    and scope.indicator_code = {{ this }}.indicator_code
                    and {{ this }}.period_start >= scope.window_first_day
                    and {{ this }}.period_start < scope.window_end_day)
    {%- else -%}
        select 1 -- first build: nothing to replace
    {%- endif -%}
{%- endmacro %}
