"""Stand-in for the Dept. of Education and Training: one statistics workbook per school year.

``Thong_ke_GD_YYYY-YYYY.xlsx`` with the school list (code, name, level, public/private, area,
classes, pupils and girls, teachers, THPT graduation and THCS completion rates once the year is
over) under a two-level header, and a summary by level and area. With ``--faults default``:
shifted headers, renamed headers, impossible figures, a row pasted twice, an empty summary
sheet, a re-sent file and a corrected re-issue (``_dieu_chinh``).
"""

from simulators.education.generate import Generated, generate

__all__ = ["Generated", "generate"]
