{#- Configuration of a publication-gate check (tests/checks/). See docs/publication_and_audit.md.

    gate   'withhold': a failure keeps the department's fresh rows out of the publication (its
                       last good values stay, marked stale); dbt severity warn, so dbt does not
                       skip the shared marts downstream and Dagster does not skip the publish step.
           'warn':     recorded and reported, nothing held back (dbt severity warn).
           'block':    a failure blocks the whole publication (dbt severity error; reference data).
    scope  'rows':     the failing rows name their department in a `source_system` column (a check
                       over a cross-department table); or a source system; or 'shared'.

    Failing rows are stored (store_failures, schema check_failures) so the publisher can read
    which departments failed and keep a sample of the rows in audit.check_results. -#}
{% macro ioc_check(gate='withhold', scope='rows') -%}
    {%- if gate not in ('withhold', 'warn', 'block') -%}
        {{ exceptions.raise_compiler_error("ioc_check: gate must be withhold, warn or block, not " ~ gate) }}
    {%- endif -%}
    {%- do return({
        'severity': 'error' if gate == 'block' else 'warn',
        'store_failures': true,
        'store_failures_as': 'table',
        'schema': 'check_failures',
        'tags': ['ioc_check', 'ioc_gate_' ~ gate],
        'meta': {'ioc_gate': gate, 'ioc_scope': scope},
    }) -%}
{%- endmacro %}


{#- The reference date checks compare schedules against: var ioc_as_of_date, else today. -#}
{% macro ioc_as_of_date() -%}
    {%- if var('ioc_as_of_date', none) -%}
        date '{{ var("ioc_as_of_date") }}'
    {%- else -%}
        current_date
    {%- endif -%}
{%- endmacro %}


{#- Length of one period of a published grain, as a DuckDB interval. -#}
{% macro ioc_grain_interval(grain) -%}
case {{ grain }}
    when 'day' then interval 1 day
    when 'week' then interval 7 day
    when 'month' then interval 1 month
    when 'quarter' then interval 3 month
    when 'year' then interval 1 year
end
{%- endmacro %}


{#- The finest published grain of a catalogue frequency (school years publish as 'year'). -#}
{% macro ioc_frequency_grain(frequency) -%}
case {{ frequency }}
    when 'daily' then 'day'
    when 'monthly' then 'month'
    when 'quarterly' then 'quarter'
    when 'yearly' then 'year'
    when 'school_year' then 'year'
end
{%- endmacro %}


{#- Days after the end of a period by which its report is due (var ioc_reporting_lag_days). -#}
{% macro ioc_reporting_lag_days(frequency) -%}
{%- set lags = var('ioc_reporting_lag_days', {'daily': 2, 'monthly': 45, 'quarterly': 60, 'yearly': 120, 'school_year': 150}) -%}
case {{ frequency }}
    {%- for f, days in lags.items() %}
    when '{{ f }}' then {{ days }}
    {%- endfor %}
end
{%- endmacro %}
