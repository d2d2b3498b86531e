{#- Fails on non-null values outside [min_value, max_value] (bounds optional; strict
    bounds with inclusive=false). -#}
{% test accepted_range(model, column_name, min_value=none, max_value=none, inclusive=true) %}

{%- set op = '=' if inclusive else '' %}
select *
from {{ model }}
where {{ column_name }} is not null
  and not (
      true
      {%- if min_value is not none %} and {{ column_name }} >{{ op }} {{ min_value }}{% endif %}
      {%- if max_value is not none %} and {{ column_name }} <{{ op }} {{ max_value }}{% endif %}
  )

{% endtest %}
