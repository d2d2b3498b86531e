{#- A category literal from a free-text label: lower case ASCII, words joined by '_'
    ('Đại lộ Bình Dương' -> 'dai_lo_binh_duong'), so catalogue filters can name it. -#}
{% macro slug(text) -%}
trim(regexp_replace(
    lower(strip_accents(replace(replace({{ text }}, 'đ', 'd'), 'Đ', 'D'))), '[^a-z0-9]+', '_', 'g'
), '_')
{%- endmacro %}
