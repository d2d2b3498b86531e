{#- Fails on every row (or group, with group_by) for which `expression` is false.
    A null result does not fail: add not_null where null must fail too. -#}
{% test expression_is_true(model, expression, column_name=none, group_by=none) %}

{%- if group_by %}
select {{ group_by | join(', ') }}
from {{ model }}
group by {{ group_by | join(', ') }}
having not ({{ expression }})
{%- else %}
select *
from {{ model }}
where not ({{ expression }})
{%- endif %}

{% endtest %}
