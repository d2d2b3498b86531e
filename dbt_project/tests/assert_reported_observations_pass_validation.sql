-- Why: a department that changes its unit (kWh for MWh, "triệu đồng" for "tỷ đồng") or sends an
-- impossible figure must not move an indicator silently. Refused observations are left out of the
-- value; this warns, per indicator and reason, so the owner department can correct the report.
{{ config(severity='warn', meta={'dagster': {'ref': {'name': 'int_indicator_observations_rejected'}}}) }}

select indicator_code, reason, count(*) as n_observations, min(observed_at) as first_observed_at
from {{ ref('int_indicator_observations_rejected') }}
group by indicator_code, reason
