{#- Status of a value against the catalogue's thresholds (FIWARE currentStanding, simplified):
      lower_is_better   critical when value >= critical_threshold, warning when >= warning_threshold
      higher_is_better  critical when value <= critical_threshold, warning when <= warning_threshold
      otherwise on_track; no_target for neutral indicators, indicators without thresholds, or a
      period outside [target_valid_from, target_valid_to]. Without a warning threshold, a value
      that misses the target (strictly) is in warning. -#}
{% macro indicator_status(value, direction, target, warning_threshold, critical_threshold, in_force) -%}
case
    when not coalesce({{ in_force }}, false) or {{ direction }} not in ('higher_is_better', 'lower_is_better')
        or coalesce({{ warning_threshold }}, {{ target }}, {{ critical_threshold }}) is null then 'no_target'
    when {{ direction }} = 'lower_is_better' and {{ value }} >= {{ critical_threshold }} then 'critical'
    when {{ direction }} = 'lower_is_better' and {{ value }} >= {{ warning_threshold }} then 'warning'
    when {{ direction }} = 'lower_is_better' and {{ warning_threshold }} is null and {{ value }} > {{ target }} then 'warning'
    when {{ direction }} = 'higher_is_better' and {{ value }} <= {{ critical_threshold }} then 'critical'
    when {{ direction }} = 'higher_is_better' and {{ value }} <= {{ warning_threshold }} then 'warning'
    when {{ direction }} = 'higher_is_better' and {{ warning_threshold }} is null and {{ value }} < {{ target }} then 'warning'
    else 'on_track'
end
{%- endmacro %}
