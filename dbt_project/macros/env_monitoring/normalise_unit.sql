{#- Unit spelling for comparisons: lower case, µ/μ -> u, ³ -> 3, no spaces
    ('µg/m³' = 'ug/m3'). Units are converted with seed ref_unit_conversions. -#}
{% macro normalise_unit(unit) -%}
lower(replace(replace(replace(replace(coalesce(trim({{ unit }}), ''), 'µ', 'u'), 'μ', 'u'), '³', '3'), ' ', ''))
{%- endmacro %}
