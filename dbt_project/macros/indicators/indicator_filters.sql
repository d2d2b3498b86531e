{#- Catalogue filters (numerator_filter, denominator_filter) are conjunctions of simple
    conditions on an observation, e.g. `category = wastewater and value = 1`:
        condition := ('value' | 'category') op literal
        op        := = | != | < | <= | > | >=        (category: = and != only)
    Parsed once per catalogue row into a list of {field, op, literal} structs, then evaluated
    against each observation by indicator_filter_matches. An empty filter matches everything. -#}

{% macro indicator_filter_conditions(filter_text) -%}
list_transform(
    case
        when nullif(trim({{ filter_text }}), '') is null then []::varchar[]
        else string_split_regex(trim({{ filter_text }}), '(?i)\s+and\s+')
    end,
    lambda condition_text: regexp_extract(
        condition_text,
        '^\s*(value|category)\s*(<=|>=|!=|=|<|>)\s*(.*?)\s*$',
        ['field', 'op', 'literal']
    )
)
{%- endmacro %}


{% macro indicator_filter_matches(conditions, value, category) -%}
coalesce(list_bool_and(list_transform({{ conditions }}, lambda cond: coalesce(
    case cond.field
        when 'value' then case cond.op
            when '=' then {{ value }} = try_cast(cond.literal as double)
            when '!=' then {{ value }} <> try_cast(cond.literal as double)
            when '<' then {{ value }} < try_cast(cond.literal as double)
            when '<=' then {{ value }} <= try_cast(cond.literal as double)
            when '>' then {{ value }} > try_cast(cond.literal as double)
            when '>=' then {{ value }} >= try_cast(cond.literal as double)
        end
        when 'category' then case cond.op
            when '=' then {{ category }} = trim(cond.literal, '''"')
            when '!=' then {{ category }} is distinct from trim(cond.literal, '''"')
        end
    end,
    false
))), true)
{%- endmacro %}


{#- The category literal of a filter's first `category = x` condition, or null: lets the
    mechanism join observations on (metric, category) instead of testing every catalogue row
    of a metric against every observation. The full filter is still applied afterwards. -#}
{% macro indicator_filter_category(filter_text) -%}
nullif(trim(regexp_extract(coalesce({{ filter_text }}, ''), '(?i)(?:^|\s)category\s*=\s*(\S+)', 1), '''"'), '')
{%- endmacro %}
