{#- district_code / commune_code_2025 of an observation from the area code a department
    reported it for, given the ref_areas row joined as `areas_alias`: a pre-2025 district fills
    district_code, a pre-2025 commune its district, a post-2025 commune fills commune_code_2025;
    a province row fills neither (the observation then counts for the province only). -#}
{% macro observation_area_columns(area_code, areas_alias) -%}
case
            when {{ areas_alias }}.area_level = 'district' then {{ area_code }}
            when {{ areas_alias }}.area_level = 'commune' and {{ areas_alias }}.geography = 'pre_2025'
                then {{ areas_alias }}.parent_area_code
        end as district_code,
        case when {{ areas_alias }}.area_level = 'commune' and {{ areas_alias }}.geography = 'post_2025'
            then {{ area_code }} end as commune_code_2025
{%- endmacro %}
