{#- School-year reports of the Department of Education as metric observations, observed on
    5 September of the school year's first calendar year (indicators use frequency school_year).
      edu_schools / edu_classes / edu_pupils / edu_pupils_female / edu_teachers
          level summary per area (category = level); a summary's province row is left out
          where the sub-province rows exist, so that the roll-up does not count it twice
      edu_school_ownership / edu_pupils_ownership   per school (category = ownership)
      edu_school_level_ownership                    per school (category = level:ownership)
      edu_graduation_rate_pct / edu_completion_rate_pct   per school (category = level) -#}
with

level_summary as (
    select * from {{ ref('stg_education__level_summary') }}
),

schools as (
    select * from {{ ref('stg_education__schools') }}
),

areas as (
    select * from {{ ref('ref_areas') }}
),

summary_finest as (
    select level_summary.*
    from level_summary
    inner join areas
        on level_summary.area_code = areas.area_code
    qualify areas.area_level <> 'province'
        or sum(case when areas.area_level <> 'province' then 1 else 0 end)
            over (partition by level_summary.school_year, level_summary.level) = 0
),

summary_long as (
    select
        area_code,
        area_code || '|' || level as entity_code,
        level as category,
        school_year_start,
        batch_id,
        unnest(['edu_schools', 'edu_classes', 'edu_pupils', 'edu_pupils_female', 'edu_teachers']) as metric_code,
        unnest([
            cast(schools as double), cast(classes as double), cast(pupils as double),
            cast(pupils_female as double), cast(teachers as double)
        ]) as value
    from summary_finest
),

schools_long as (
    select
        area_code,
        school_code as entity_code,
        school_year_start,
        batch_id,
        unnest([
            'edu_school_ownership', 'edu_pupils_ownership', 'edu_school_level_ownership',
            'edu_graduation_rate_pct', 'edu_completion_rate_pct'
        ]) as metric_code,
        unnest([ownership, ownership, level || ':' || ownership, level, level]) as category,
        unnest([1.0, cast(pupils as double), 1.0, graduation_rate_pct, completion_rate_pct]) as value
    from schools
),

unioned as (
    select area_code, entity_code, category, school_year_start, batch_id, metric_code, value from summary_long
    union all
    select area_code, entity_code, category, school_year_start, batch_id, metric_code, value from schools_long
),

final as (
    select
        -- ids
        unioned.metric_code,
        unioned.entity_code,

        -- dimensions
        unioned.category,
        {{ observation_area_columns('unioned.area_code', 'areas') }},

        -- measures
        unioned.value,
        cast(null as varchar) as unit,

        -- timestamps
        cast(make_date(unioned.school_year_start, 9, 5) as timestamp) as observed_at,

        -- lineage
        [unioned.batch_id] as batch_ids
    from unioned
    inner join areas
        on unioned.area_code = areas.area_code
    where unioned.value is not null
)

select * from final
