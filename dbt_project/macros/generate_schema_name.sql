{#- Build schemas are the configured names as is (staging, intermediate, kpi, ref): the
    published file copies kpi.* and ref.*, so the names must not depend on the target. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}
        {{ target.schema }}
    {%- else -%}
        {{ custom_schema_name | trim }}
    {%- endif -%}
{%- endmacro %}
