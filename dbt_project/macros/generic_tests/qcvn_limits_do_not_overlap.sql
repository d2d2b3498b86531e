{#- Two limit rows for the same parameter, station type, QCVN column and averaging must not
    be in force on the same day: otherwise an hour would be judged twice, against two values. -#}
{% test qcvn_limits_do_not_overlap(model) %}

select a.limit_id, b.limit_id as overlapping_limit_id
from {{ model }} as a
inner join {{ model }} as b
    on a.param = b.param
    and a.station_type = b.station_type
    and coalesce(a.qcvn_column, '') = coalesce(b.qcvn_column, '')
    and a.averaging = b.averaging
    and a.limit_id < b.limit_id
    and a.valid_from <= coalesce(b.valid_to, date '9999-12-31')
    and b.valid_from <= coalesce(a.valid_to, date '9999-12-31')

{% endtest %}
