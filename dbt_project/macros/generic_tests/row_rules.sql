{#- Every column rule of a model, checked in ONE query (declared once per model, at model level).

    dbt runs each data test as its own query (~50 ms of overhead each), and a test on a view over
    the landing Parquet re-scans the Parquet: one test per column and rule made the checks cost more
    than the build (docs/performance.md, ratio 4). This test takes the model's rules and returns one
    row per (failing row, rule it broke): the column `rule` names the rule (`not_null(station_code)`,
    `accepted_range(0 <= value <= 100 where unit = '%')`, ...) followed by the failing row itself.
    Failing rows are not stored: store_failures would cost every test two more round trips on
    every run, passing or not. When a test fails, the audit producer re-runs its compiled query
    (kept in full in the result's details) read-only on the build file and keeps a sample, rule
    names included, in audit.check_results (orchestration/publishing/attribution.py).

    Each rule keeps the semantics of the dbt test it replaces:
      not_null             [col, ...]                     col is null
      unique               [col, ...]                     a non-null value seen on more than one row
      unique_combination_of_columns  [[col, col], ...]    a combination seen more than once (nulls
                                                          group together, as in GROUP BY)
      accepted_values      {col: [v, ...]} or {col: {values: [...], quote: false}}
                                                          a non-null value outside the list
      accepted_range       {col: {min_value, max_value, inclusive (default true), where}} or a
                           list of such dicts for two ranges on one column
                                                          a non-null value outside the bounds (only
                                                          on rows where `where` is true, if given)
      expression_is_true   [sql, ...]                     the expression is false (null passes)
      relationships        {col: {to: ref('x'), field: y}} or a list of such dicts
                                                          a non-null value absent from x.y (x
                                                          becomes a parent of the test: only merge a
                                                          relationship whose parent does not change
                                                          the test's scope, see scopes.py)

    Severity and meta ({ioc_gate: ...}) are per test, so rules with different gate semantics go in
    different row_rules tests (name them `row_rules_<model>__<gate>`); the `where` config limits
    every rule to a window (macro ioc_test_window via get_where_subquery). -#}
{% test row_rules(model, not_null=[], unique=[], unique_combination_of_columns=[], accepted_values={},
                  accepted_range={}, expression_is_true=[], relationships={}) %}

{%- set rules = [] -%}
{%- set dup_keys = [] -%}

{%- for column in not_null -%}
    {%- do rules.append(('not_null(' ~ column ~ ')', column ~ ' is null')) -%}
{%- endfor -%}

{%- for column in unique -%}
    {%- set cte = 'duplicate_keys_' ~ (dup_keys | length + 1) -%}
    {%- do dup_keys.append((cte, [column], true)) -%}
    {%- do rules.append(('unique(' ~ column ~ ')',
        column ~ ' in (select ' ~ column ~ ' from ' ~ cte ~ ')')) -%}
{%- endfor -%}

{%- for columns in unique_combination_of_columns -%}
    {%- set cte = 'duplicate_keys_' ~ (dup_keys | length + 1) -%}
    {%- do dup_keys.append((cte, columns, false)) -%}
    {%- set matches = [] -%}
    {%- for column in columns -%}
        {%- do matches.append(cte ~ '.' ~ column ~ ' is not distinct from checked_row.' ~ column) -%}
    {%- endfor -%}
    {%- do rules.append(('unique_combination_of_columns(' ~ columns | join(', ') ~ ')',
        'exists (select 1 from ' ~ cte ~ ' where ' ~ matches | join(' and ') ~ ')')) -%}
{%- endfor -%}

{%- for column, spec in accepted_values.items() -%}
    {%- set values = spec['values'] if spec is mapping else spec -%}
    {%- set quote = spec.get('quote', true) if spec is mapping else true -%}
    {%- set literals = [] -%}
    {%- for value in values -%}
        {%- do literals.append(("'" ~ value ~ "'") if quote else (value | string)) -%}
    {%- endfor -%}
    {%- do rules.append(('accepted_values(' ~ column ~ ')',
        column ~ ' is not null and ' ~ column ~ ' not in (' ~ literals | join(', ') ~ ')')) -%}
{%- endfor -%}

{%- for column, specs in accepted_range.items() -%}
    {%- for spec in (specs if specs is sequence and specs is not mapping else [specs]) -%}
        {%- set op = '=' if spec.get('inclusive', true) else '' -%}
        {%- set bounds = ['true'] -%}
        {%- if spec.get('min_value') is not none -%}{%- do bounds.append(column ~ ' >' ~ op ~ ' ' ~ spec['min_value']) -%}{%- endif -%}
        {%- if spec.get('max_value') is not none -%}{%- do bounds.append(column ~ ' <' ~ op ~ ' ' ~ spec['max_value']) -%}{%- endif -%}
        {#- label: `0 <= occupancy <= 1`, `received_at_local >= cast(...)`, `0 < x` (inclusive=false) -#}
        {%- set label = ((spec['min_value'] ~ ' <' ~ op ~ ' ') if spec.get('min_value') is not none else '') ~ column
            ~ ((' <' ~ op ~ ' ' ~ spec['max_value']) if spec.get('max_value') is not none else '')
            ~ ((' where ' ~ spec['where']) if spec.get('where') else '') -%}
        {%- do rules.append(('accepted_range(' ~ label ~ ')',
            (('(' ~ spec['where'] ~ ') and ') if spec.get('where') else '')
            ~ column ~ ' is not null and not (' ~ bounds | join(' and ') ~ ')')) -%}
    {%- endfor -%}
{%- endfor -%}

{%- for expression in expression_is_true -%}
    {%- do rules.append(('expression_is_true(' ~ expression ~ ')', 'not (' ~ expression ~ ')')) -%}
{%- endfor -%}

{%- for column, specs in relationships.items() -%}
    {%- for spec in (specs if specs is sequence and specs is not mapping else [specs]) -%}
        {%- do rules.append(('relationships(' ~ column ~ ' -> ' ~ spec['to'].identifier ~ '.' ~ spec['field'] ~ ')',
            column ~ ' is not null and ' ~ column ~ ' not in (select ' ~ spec['field'] ~ ' from ' ~ spec['to']
            ~ ' where ' ~ spec['field'] ~ ' is not null)')) -%}
    {%- endfor -%}
{%- endfor -%}

{%- if rules | length == 0 -%}
    {{ exceptions.raise_compiler_error("row_rules on " ~ model ~ ": no rule given") }}
{%- endif %}

with
{% for cte, columns, skip_nulls in dup_keys %}
{{ cte }} as (
    select {{ columns | join(', ') }}
    from {{ model }}
    {%- if skip_nulls %}
    where {{ columns[0] }} is not null
    {%- endif %}
    group by {{ columns | join(', ') }}
    having count(*) > 1
),
{% endfor %}
flagged as (
    select
        list_filter([
            {%- for name, failing in rules %}
            case when {{ failing }} then '{{ name | replace("'", "''") }}' end{{ ',' if not loop.last }}
            {%- endfor %}
        ], lambda broken: broken is not null) as _broken_rules,
        checked_row.*
    from (select * from {{ model }}) as checked_row
    {#- the same conditions as a filter first: DuckDB pushes it into the model where it can (a
        table, a plain view over Parquet: row groups skipped on their statistics), and the rule
        list is built for failing rows only #}
    where
        {%- for name, failing in rules %}
        {{ 'or ' if not loop.first }}({{ failing }})
        {%- endfor %}
)

select unnest(_broken_rules) as rule, * exclude (_broken_rules)
from flagged
where len(_broken_rules) > 0

{% endtest %}
