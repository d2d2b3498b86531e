{#- Periods of the indicator mechanism.
    frequency (catalogue)  ->  grains computed (finest first)
      daily                    day, month
      monthly                  month
      quarterly                quarter
      yearly                   year
      school_year              school_year (published as period_grain 'year' starting 1 September)
    Hourly series are published by the hourly sector marts (kpi.air_quality_hourly,
    kpi.traffic_segment_hourly): the indicator fact is keyed by date. -#}

{% macro indicator_grains(frequency) -%}
case {{ frequency }}
    when 'daily' then ['day', 'month']
    when 'monthly' then ['month']
    when 'quarterly' then ['quarter']
    when 'yearly' then ['year']
    when 'school_year' then ['school_year']
end
{%- endmacro %}


{% macro indicator_period_start(grain, day) -%}
cast(case {{ grain }}
    when 'school_year' then {{ school_year_start(day) }}
    else date_trunc({{ grain }}, {{ day }})
end as date)
{%- endmacro %}


{#- 1 September of the school year a day belongs to (a school year runs September to August). -#}
{% macro school_year_start(day) -%}
make_date(year({{ day }}) - case when month({{ day }}) < 9 then 1 else 0 end, 9, 1)
{%- endmacro %}


{% macro indicator_published_grain(grain) -%}
case {{ grain }} when 'school_year' then 'year' else {{ grain }} end
{%- endmacro %}


{#- Reported-data validation of one observation against its catalogue row: the unit the
    department reported must be the catalogue's source_unit (when both are known) and the
    value must lie in [valid_min, valid_max]. Rows failing it are left out of the value and
    listed in int_indicator_observations_rejected. -#}
{% macro indicator_observation_is_valid(definitions, observations) -%}
(
    ({{ definitions }}.source_unit is null or {{ observations }}.unit is null
        or {{ normalise_unit(definitions ~ '.source_unit') }} = {{ normalise_unit(observations ~ '.unit') }})
    and ({{ definitions }}.valid_min is null or {{ observations }}.value >= {{ definitions }}.valid_min)
    and ({{ definitions }}.valid_max is null or {{ observations }}.value <= {{ definitions }}.valid_max)
)
{%- endmacro %}
