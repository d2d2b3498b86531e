-- Why: a catalogue row whose metric no sector model emits yields no value at all, silently.
-- This lists such rows (a new indicator waiting for its data shows up here, as a warning).
{{ config(severity='warn') }}

with

catalogue as (
    select * from {{ ref('ref_indicators') }}
),

observations as (
    select distinct metric_code from {{ ref('int_indicator_observations') }}
),

final as (
    select catalogue.indicator_code, catalogue.metric
    from catalogue
    left join observations
        on catalogue.metric = observations.metric_code
    where observations.metric_code is null
)

select * from final
