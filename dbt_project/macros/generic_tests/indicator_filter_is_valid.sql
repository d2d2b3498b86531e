{#- Every catalogue filter must parse into conditions the indicator mechanism understands
    (see macro indicator_filter_conditions); an unparsable condition would match nothing. -#}
{% test indicator_filter_is_valid(model, column_name) %}

with

filters as (
    select
        {{ column_name }} as filter_text,
        {{ indicator_filter_conditions(column_name) }} as conditions
    from {{ model }}
    where nullif(trim({{ column_name }}), '') is not null
),

final as (
    select *
    from filters
    where len(conditions) = 0
        or len(list_filter(conditions, lambda cond:
            cond.field = ''
            or (cond.field = 'value' and try_cast(cond.literal as double) is null)
            or (cond.field = 'category' and cond.op not in ('=', '!='))
        )) > 0
)

select * from final

{% endtest %}
