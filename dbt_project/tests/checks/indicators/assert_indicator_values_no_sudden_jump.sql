-- Why: a value five times above or below its own history (and, monthly, the same month a year
-- earlier) deserves a look before anyone quotes it: a keying or unit error, a reporting change —
-- or a real event (a pollution episode, one very large enterprise registration). A jump alone
-- does not prove the data wrong, so it warns and lists the values; it never withholds.
{{ config(**ioc_check(gate='warn', scope='rows')) }}

{{ ioc_indicator_jumps(
    factor=var('ioc_jump_factor', 5),
    z=var('ioc_jump_robust_z', 4),
    min_median=var('ioc_jump_min_median', 20),
    area_levels=var('ioc_jump_area_levels', ['province', 'district']),
) }}
